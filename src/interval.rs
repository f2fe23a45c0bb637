//! Interval semantics: how the wording of a number becomes the set of values it allows.
//!
//! | reading            | interval                                             |
//! |--------------------|------------------------------------------------------|
//! | exact              | value ± half a unit of the last written digit        |
//! | approx (about, ~)  | value × (1 ± tolerance), at least the exact interval |
//! | nearly / almost    | [value × (1 − tolerance), value + half unit]          |
//! | order of magnitude | [value / √10, value × √10)                           |
//! | at least           | [value, ∞)      more than: (value, ∞)                |
//! | at most / up to    | [0, value]      less than: [0, value)                |
//! | range a–b          | [a, b] as written                                    |
//! | vague              | fixed table (`vague_interval`)                       |
//!
//! Years: an approximate year allows ± `YEAR_APPROX_SLACK` years.

use crate::model::{Interval, Qualifier};

/// The default relative tolerance of a hedge ("about 86 billion" = ±10%).
pub const DEFAULT_HEDGE_TOLERANCE: f64 = 0.1;
/// "around 2017" allows two years either side.
pub const YEAR_APPROX_SLACK: f64 = 2.0;

pub fn precision_interval(value: f64, half_unit: f64) -> Interval {
    Interval::closed(value - half_unit, value + half_unit)
}

/// The interval a single number allows under a qualifier.
pub fn reading(
    value: f64,
    half_unit: f64,
    qualifier: Qualifier,
    tolerance: f64,
    is_year: bool,
) -> Interval {
    let exact = precision_interval(value, half_unit);
    let floor = if value >= 0.0 { 0.0 } else { f64::NEG_INFINITY };
    match qualifier {
        Qualifier::Exact | Qualifier::Range | Qualifier::Vague => exact,
        Qualifier::Approx => {
            if is_year {
                return Interval::closed(value - YEAR_APPROX_SLACK, value + YEAR_APPROX_SLACK);
            }
            let d = value.abs() * tolerance;
            Interval::closed((value - d).min(exact.low), (value + d).max(exact.high))
        }
        Qualifier::Nearly => {
            if is_year {
                return Interval::closed(value - YEAR_APPROX_SLACK, value);
            }
            let d = value.abs() * tolerance;
            Interval::closed((value - d).min(exact.low), exact.high)
        }
        Qualifier::OrderOfMagnitude => {
            let r = 10f64.sqrt();
            Interval::half_open(value / r, value * r)
        }
        Qualifier::AtLeast => Interval::closed(value, f64::INFINITY),
        Qualifier::MoreThan => Interval {
            low: value,
            high: f64::INFINITY,
            low_inclusive: false,
            high_inclusive: true,
        },
        Qualifier::AtMost => Interval::closed(floor, value),
        Qualifier::LessThan => Interval::half_open(floor, value),
    }
}

/// Intervals of vague magnitudes. `unit` is the magnitude word's value
/// ("hundreds" = 100, "dozens" = 12) and `times` any scale after "of".
///
/// - "hundreds", "thousands", "millions": [x, 10x)
/// - "tens of thousands": [10·1e3, 100·1e3)
/// - "dozens": [12, 120) (the convention of the NewsQuant annotators)
/// - "a few": [2, 5] × scale, "several": [3, 9] × scale, "a couple of": [2, 3] × scale
pub fn vague_plural(unit: f64, times: f64) -> Interval {
    Interval::half_open(unit * times, unit * times * 10.0)
}

pub fn vague_few(word: &str, scale: f64) -> Option<Interval> {
    let (lo, hi) = match word {
        "a couple" | "couple" => (2.0, 3.0),
        "a few" | "few" => (2.0, 5.0),
        "several" => (3.0, 9.0),
        _ => return None,
    };
    Some(Interval::closed(lo * scale, hi * scale))
}

/// A short human reading of an interval: "3.2M–32M", "> 1B", "≤ 50".
pub fn describe(iv: &Interval) -> String {
    // Four figures so a bound like 175.5B is not shown as 176B.
    let short = |v: f64| crate::format::short_sig(v, 4);
    match (iv.low.is_finite() && iv.low != 0.0, iv.high.is_finite()) {
        (_, false) => {
            let op = if iv.low_inclusive { "≥" } else { ">" };
            format!("{op} {}", short(iv.low))
        }
        (false, true) if iv.low == 0.0 => {
            let op = if iv.high_inclusive { "≤" } else { "<" };
            format!("{op} {}", short(iv.high))
        }
        _ => {
            if short(iv.low) == short(iv.high) {
                short(iv.low)
            } else {
                format!("{}–{}", short(iv.low), short(iv.high))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eighty_six_billion_carries_its_written_precision() {
        let iv = reading(86e9, 0.5e9, Qualifier::Exact, 0.1, false);
        assert_eq!((iv.low, iv.high), (85.5e9, 86.5e9));
    }

    #[test]
    fn trailing_zeros_count_as_written_precision() {
        let iv = reading(100e9, 0.5e9, Qualifier::Exact, 0.1, false);
        assert_eq!((iv.low, iv.high), (99.5e9, 100.5e9));
    }

    #[test]
    fn about_widens_by_the_tolerance() {
        let iv = reading(100.0, 0.5, Qualifier::Approx, 0.1, false);
        assert_eq!((iv.low, iv.high), (90.0, 110.0));
    }

    #[test]
    fn an_order_of_magnitude_spans_half_a_decade_each_way() {
        let iv = reading(1e7, 0.0, Qualifier::OrderOfMagnitude, 0.1, false);
        assert!((iv.low - 3.162e6).abs() < 1e3 && (iv.high - 3.162e7).abs() < 1e4);
        assert!(iv.contains(iv.low) && !iv.contains(iv.high));
    }

    #[test]
    fn bounds_are_half_open() {
        let more = reading(10.0, 0.5, Qualifier::MoreThan, 0.1, false);
        assert!(!more.contains(10.0) && more.contains(10.1));
        let at_least = reading(10.0, 0.5, Qualifier::AtLeast, 0.1, false);
        assert!(at_least.contains(10.0));
        let less = reading(10.0, 0.5, Qualifier::LessThan, 0.1, false);
        assert!(!less.contains(10.0) && less.contains(0.0));
    }

    #[test]
    fn hundreds_of_millions_is_a_decade() {
        let iv = vague_plural(100.0, 1e6);
        assert_eq!((iv.low, iv.high), (1e8, 1e9));
        assert!(!iv.contains(1e9));
    }

    #[test]
    fn around_a_year_allows_two_years() {
        let iv = reading(2017.0, 0.5, Qualifier::Approx, 0.0, true);
        assert_eq!((iv.low, iv.high), (2015.0, 2019.0));
    }
}
