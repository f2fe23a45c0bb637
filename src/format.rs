//! Number formatting for messages and suggestions.

/// Rounds to `sig` significant figures.
pub fn round_sig(v: f64, sig: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let mag = v.abs().log10().floor() as i32;
    let factor = 10f64.powi(sig - 1 - mag);
    (v * factor).round() / factor
}

fn trim_number(v: f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// Compact form for messages: 67873741 -> "67.9M", 86e9 -> "86B", 2017 -> "2017".
pub fn short(v: f64) -> String {
    short_sig(v, 3)
}

/// Like [`short`] with `sig` significant figures.
pub fn short_sig(v: f64, sig: i32) -> String {
    if !v.is_finite() {
        return if v > 0.0 { "∞".into() } else { "-∞".into() };
    }
    let a = v.abs();
    let (div, suffix) = if a >= 1e12 {
        (1e12, "T")
    } else if a >= 1e9 {
        (1e9, "B")
    } else if a >= 1e6 {
        (1e6, "M")
    } else if a >= 1e4 {
        (1e3, "k")
    } else {
        (1.0, "")
    };
    // Below ten thousand every digit shows: 2017 stays 2017, 15.3 stays 15.3.
    let r = if div == 1.0 {
        v
    } else {
        round_sig(v / div, sig)
    };
    format!("{}{suffix}", trim_number(r))
}

/// Prose form for suggestions: 67873741 -> "68 million", 2.253e9 -> "2.3 billion".
pub fn words(v: f64, sig: i32) -> String {
    let a = v.abs();
    let (div, word) = if a >= 1e12 {
        (1e12, " trillion")
    } else if a >= 1e9 {
        (1e9, " billion")
    } else if a >= 1e6 {
        (1e6, " million")
    } else {
        (1.0, "")
    };
    let r = round_sig(v, sig) / div;
    if div == 1.0 && r.fract() == 0.0 && r.abs() >= 1000.0 {
        return group_thousands(r as i64);
    }
    format!("{}{word}", trim_number(r))
}

pub fn group_thousands(n: i64) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// "10^8" for the power of ten nearest to `v` on a log scale.
pub fn nearest_power_of_ten(v: f64) -> i32 {
    v.abs().log10().round() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms() {
        assert_eq!(short(67_873_741.0), "67.9M");
        assert_eq!(short(86e9), "86B");
        assert_eq!(short(3_162_277.66), "3.16M");
        assert_eq!(short(2017.0), "2017");
        assert_eq!(short(15.3), "15.3");
    }

    #[test]
    fn suggestion_words() {
        assert_eq!(words(67_873_741.0, 2), "68 million");
        assert_eq!(words(2.253e9, 2), "2.3 billion");
        assert_eq!(words(384_400.0, 3), "384,000");
    }

    #[test]
    fn power_of_ten_nearest_on_a_log_scale() {
        assert_eq!(nearest_power_of_ten(67_873_741.0), 8);
        assert_eq!(nearest_power_of_ten(2.0e7), 7);
    }
}
