//! Numbers written with digits: separators, decimals, fractions, powers of ten and
//! scientific notation. Scale words and units are handled by the caller.

use super::lexer::{char_at, skip_inline_space};
use crate::model::Notation;

/// A number as written, before scale words, units and hedges.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumCore {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Half the unit of the last written digit: the written precision.
    pub half_unit: f64,
    pub notation: Notation,
    /// Digits only, no separator, decimal point or exponent ("2017").
    pub plain_integer: bool,
    pub digit_count: usize,
    /// A bare power of ten ("10^9", "1e9"): an order-of-magnitude claim.
    pub bare_power: bool,
}

/// Why digits at a position are not a number we extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// "1.2.3", "192.168.1.2": a version or address; skip to `end`.
    Dotted { end: usize },
}

const GROUP_SEPARATORS: [char; 5] = [',', '\u{2009}', '\u{202f}', '\u{a0}', ' '];

fn digits_end(text: &str, pos: usize) -> usize {
    pos + text[pos..]
        .bytes()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

fn superscript_digit(c: char) -> Option<u32> {
    Some(match c {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴' => 4,
        '⁵' => 5,
        '⁶' => 6,
        '⁷' => 7,
        '⁸' => 8,
        '⁹' => 9,
        _ => return None,
    })
}

/// Reads an exponent written as superscripts (`¹¹`, `⁻³`) at `pos`.
fn superscript_exponent(text: &str, pos: usize) -> Option<(i32, usize)> {
    let mut p = pos;
    let mut negative = false;
    if let Some(c) = char_at(text, p)
        && c == '⁻'
    {
        negative = true;
        p += c.len_utf8();
    }
    let mut value: i32 = 0;
    let mut any = false;
    while let Some(c) = char_at(text, p) {
        let Some(d) = superscript_digit(c) else { break };
        value = value.saturating_mul(10).saturating_add(d as i32);
        any = true;
        p += c.len_utf8();
    }
    any.then_some((if negative { -value } else { value }, p))
}

/// Reads `^11`, `^-3`, `^(−3)`, `**11` or superscripts after a base of 10.
fn power_exponent(text: &str, pos: usize) -> Option<(i32, usize)> {
    if let Some(r) = superscript_exponent(text, pos) {
        return Some(r);
    }
    let rest = &text[pos..];
    let mut p = if rest.starts_with('^') {
        pos + 1
    } else if rest.starts_with("**") {
        pos + 2
    } else {
        return None;
    };
    let paren = text[p..].starts_with('(') || text[p..].starts_with('{');
    if paren {
        p += 1;
    }
    let mut negative = false;
    if text[p..].starts_with('-') || text[p..].starts_with('+') {
        negative = text[p..].starts_with('-');
        p += 1;
    } else if text[p..].starts_with('−') {
        negative = true;
        p += '−'.len_utf8();
    }
    let end = digits_end(text, p);
    if end == p || end - p > 3 {
        return None;
    }
    let exp: i32 = text[p..end].parse().ok()?;
    let mut end = end;
    if paren && (text[end..].starts_with(')') || text[end..].starts_with('}')) {
        end += 1;
    }
    Some((if negative { -exp } else { exp }, end))
}

/// "10−5 mbar": a superscript exponent lost in copying leaves a minus sign (U+2212, not
/// a hyphen or a dash) glued between the 10 and one or two digits; the exponent and its end.
fn flattened_negative_exponent(text: &str, pos: usize) -> Option<(i32, usize)> {
    let p = pos + text[pos..].strip_prefix('−').map(|_| '−'.len_utf8())?;
    let end = digits_end(text, p);
    let after = text.as_bytes().get(end);
    if end == p || end - p > 2 || after.is_some_and(|&c| c == b'.' || c == b',' || c == b'=') {
        return None;
    }
    let exp: i32 = text[p..end].parse().ok()?;
    (exp > 0).then_some((-exp, end))
}

/// `× 10^n`, `x10^n`, `*10^n`, `·10^n` after a mantissa, and the binary powers of
/// computing (`8x2^10`): the scale and the end.
fn times_power(text: &str, pos: usize) -> Option<(f64, usize)> {
    let p = skip_inline_space(text, pos);
    let c = char_at(text, p)?;
    if !matches!(c, '×' | 'x' | 'X' | '*' | '·' | '⋅') {
        return None;
    }
    let p = skip_inline_space(text, p + c.len_utf8());
    if text[p..].starts_with('2') && !char_at(text, p + 1).is_some_and(|c| c.is_ascii_digit()) {
        return power_exponent(text, p + 1).map(|(exp, e)| (2f64.powi(exp), e));
    }
    if !text[p..].starts_with("10") {
        return None;
    }
    if let Some((exp, e)) = power_exponent(text, p + 2) {
        return Some((10f64.powi(exp), e));
    }
    // "1.99×10−30": superscripts lost in copying leave a minus sign glued to the 10.
    let q = p + 2;
    let sign_len = if text[q..].starts_with('−') {
        '−'.len_utf8()
    } else if text[q..].starts_with('-') {
        1
    } else {
        return None;
    };
    let e = digits_end(text, q + sign_len);
    if e == q + sign_len || e - q - sign_len > 3 {
        return None;
    }
    let exp: i32 = text[q + sign_len..e].parse().ok()?;
    Some((10f64.powi(-exp), e))
}

/// "2.23 × 1019 m−2", "6 × 106 kg": after a mantissa from 1 to 10 and a times sign, a
/// superscript exponent lost in copying leaves "10" glued to one or two digits (3 and
/// up; "4 × 100 m" is a relay). The scale and the end.
fn flattened_positive_power(text: &str, pos: usize) -> Option<(f64, usize)> {
    let p = skip_inline_space(text, pos);
    let p = skip_inline_space(
        text,
        p + text[p..].strip_prefix('×').map(|_| '×'.len_utf8())?,
    );
    let q = p + text[p..].strip_prefix("10").map(|_| 2)?;
    let e = digits_end(text, q);
    let bytes = text.as_bytes();
    if !(1..=2).contains(&(e - q)) || bytes[q] == b'0' || matches!(bytes.get(e), Some(b'.' | b','))
    {
        return None;
    }
    let exp: i32 = text[q..e].parse().ok()?;
    (exp >= 3).then(|| (10f64.powi(exp), e))
}

fn glyph_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅐' => 1.0 / 7.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        '⅑' => 1.0 / 9.0,
        '⅒' => 0.1,
        _ => return None,
    })
}

/// Digits of one number without separators ("1500000.25"). A longer run of digits
/// is no quantity of prose (a hash, an identifier): it overflows and is not read.
struct DigitBuf {
    bytes: [u8; 40],
    len: usize,
    overflow: bool,
}

impl Default for DigitBuf {
    fn default() -> Self {
        DigitBuf {
            bytes: [0; 40],
            len: 0,
            overflow: false,
        }
    }
}

impl DigitBuf {
    fn push(&mut self, s: &str) {
        if self.len + s.len() > self.bytes.len() {
            self.overflow = true;
            return;
        }
        self.bytes[self.len..self.len + s.len()].copy_from_slice(s.as_bytes());
        self.len += s.len();
    }
    fn as_str(&self) -> &str {
        // Only ASCII digits and '.' are pushed.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

/// Parses the digits number at `start` (which must be an ASCII digit, or '.' before one).
pub fn parse_digits(text: &str, start: usize) -> Result<Option<NumCore>, Skip> {
    let bytes = text.as_bytes();
    let mut end = digits_end(text, start);
    let first_group = end - start;
    // The digits without separators, in a stack buffer (no allocation per number).
    let mut buf = DigitBuf::default();
    buf.push(&text[start..end]);
    let mut grouped = false;
    // Indian grouping: "12,34,567" (lakhs and crores in groups of two, then three).
    if (1..=2).contains(&first_group)
        && let Some(e) = indian_grouping_end(text, end)
    {
        let mut p = end;
        while p < e {
            let g = p + 1;
            let ge = digits_end(text, g);
            buf.push(&text[g..ge]);
            p = ge;
        }
        end = e;
        grouped = true;
    }
    // Thousands separators: groups of exactly three digits after a first group of 1-3.
    else if (1..=3).contains(&first_group) {
        while let Some(sep) = char_at(text, end) {
            if !GROUP_SEPARATORS.contains(&sep) {
                break;
            }
            let g = end + sep.len_utf8();
            let ge = digits_end(text, g);
            if ge - g != 3 {
                break;
            }
            // A plain space only groups digits when every group is written that way
            // and the group is not followed by a decimal comma-like continuation.
            if sep == ' ' && grouped && !text[start..end].contains(' ') {
                break;
            }
            if sep == ' ' && (grouped && text[start..end].contains(',')) {
                break;
            }
            buf.push(&text[g..ge]);
            end = ge;
            grouped = true;
        }
    }
    let mut decimals = 0usize;
    let int_len = buf.len;
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        let fe = digits_end(text, end + 1);
        // "1.2.3" or "192.168.1.2": dotted identifiers, not numbers.
        if bytes.get(fe) == Some(&b'.') && bytes.get(fe + 1).is_some_and(u8::is_ascii_digit) {
            let mut e = fe;
            while bytes.get(e) == Some(&b'.') && bytes.get(e + 1).is_some_and(u8::is_ascii_digit) {
                e = digits_end(text, e + 1);
            }
            return Err(Skip::Dotted { end: e });
        }
        buf.push(".");
        buf.push(&text[end + 1..fe]);
        decimals = fe - end - 1;
        end = fe;
    }
    if buf.overflow {
        return Ok(None);
    }
    let mantissa_str = buf.as_str();
    // Whole numbers of up to 15 digits are exact in f64: add them up directly.
    let mut value = if decimals == 0 && (1..=15).contains(&buf.len) {
        buf.bytes[..buf.len]
            .iter()
            .fold(0u64, |v, &d| v * 10 + (d - b'0') as u64) as f64
    } else {
        let Ok(v) = mantissa_str.parse::<f64>() else {
            return Ok(None);
        };
        v
    };
    let mut half_unit = 0.5 * 10f64.powi(-(decimals as i32));
    let mut notation = Notation::Digits;
    let plain = !grouped && decimals == 0;

    // 10^11, 10¹¹
    if plain && &text[start..end] == "10" {
        let written = power_exponent(text, end).map(|p| (p, true));
        // (A flattened exponent is a measured value of a paper, not an order of magnitude.)
        if let Some(((exp, e), bare_power)) =
            written.or_else(|| flattened_negative_exponent(text, end).map(|p| (p, false)))
        {
            return Ok(Some(NumCore {
                start,
                end: e,
                value: 10f64.powi(exp),
                half_unit: 0.0,
                notation: Notation::PowerOfTen,
                plain_integer: false,
                digit_count: 2,
                bare_power,
            }));
        }
    }
    // 8.6 × 10^10
    if let Some((scale, e)) = times_power(text, end).or_else(|| {
        (1.0..10.0)
            .contains(&value)
            .then(|| flattened_positive_power(text, end))
            .flatten()
    }) {
        return Ok(Some(NumCore {
            start,
            end: e,
            value: value * scale,
            half_unit: half_unit * scale,
            notation: Notation::Scientific,
            plain_integer: false,
            digit_count: int_len + decimals,
            // "1 × 10^9" is an order of magnitude; "1 × 2^10" is exact.
            bare_power: mantissa_str == "1" && scale.log10().fract() == 0.0,
        }));
    }
    // 1e11, 6.02E23 (only when the exponent is not the start of a word)
    if matches!(bytes.get(end), Some(b'e' | b'E')) {
        let mut p = end + 1;
        if matches!(bytes.get(p), Some(b'+' | b'-')) {
            p += 1;
        }
        let e = digits_end(text, p);
        if e > p
            && e - p <= 3
            && !char_at(text, e).is_some_and(|c| c.is_alphanumeric())
            && let Ok(exp) = text[end + 1..e].parse::<i32>()
        {
            let scale = 10f64.powi(exp);
            return Ok(Some(NumCore {
                start,
                end: e,
                value: value * scale,
                half_unit: half_unit * scale,
                notation: Notation::Scientific,
                plain_integer: false,
                digit_count: int_len + decimals,
                bare_power: mantissa_str == "1",
            }));
        }
    }
    // 1.1^23, 2.5^-1: a power of another base.
    if text[end..].starts_with('^')
        && let Some((exp, e)) = power_exponent(text, end)
    {
        return Ok(Some(NumCore {
            start,
            end: e,
            value: value.powi(exp),
            half_unit: 0.0,
            notation: Notation::Scientific,
            plain_integer: false,
            digit_count: int_len + decimals,
            bare_power: false,
        }));
    }
    // 2 1/4: a whole number and a simple fraction (numerator below denominator).
    if plain && let Some((f, e)) = mixed_fraction(text, end) {
        return Ok(Some(NumCore {
            start,
            end: e,
            value: value + f,
            half_unit: 0.0,
            notation: Notation::Fraction,
            plain_integer: false,
            digit_count: int_len,
            bare_power: false,
        }));
    }
    // 2½
    if let Some(c) = char_at(text, end)
        && let Some(f) = glyph_fraction(c)
    {
        value += f;
        end += c.len_utf8();
        half_unit = 0.0;
        notation = Notation::Fraction;
    }
    // 4/5, 1⁄32 (a simple fraction, not a date: no second slash)
    else if plain && (bytes.get(end) == Some(&b'/') || text[end..].starts_with('⁄')) {
        let slash = if bytes.get(end) == Some(&b'/') {
            1
        } else {
            '⁄'.len_utf8()
        };
        let end = end + slash - 1;
        let de = digits_end(text, end + 1);
        // Up to three digits, or a power of ten ("1/1000", "1/10000").
        let den_digits = de.saturating_sub(end + 1);
        let den: f64 = text[end + 1..de].parse().unwrap_or(0.0);
        // ("1/1024": one part in a larger whole, but not a month and year: "1/2020".)
        let one_in_many = value == 1.0 && den_digits <= 6 && !(1900.0..2100.0).contains(&den);
        let denominator_ok = de > end + 1
            && (den_digits <= 3
                || one_in_many
                || (den_digits <= 6
                    && bytes[end + 1] == b'1'
                    && bytes[end + 2..de].iter().all(|&c| c == b'0')));
        // "9/11": a month and a day no fraction is written with (denominators 11, 13, 14,
        // 17-19, 21-23, 26-31) names a date.
        let day_of_month = int_len <= 2
            && den_digits == 2
            && (1.0..=12.0).contains(&value)
            && value.fract() == 0.0
            && matches!(
                den as u32,
                11 | 13 | 14 | 17 | 18 | 19 | 21 | 22 | 23 | 26..=31
            );
        let date_like = bytes.get(de) == Some(&b'/') || day_of_month;
        if denominator_ok && !date_like {
            if den > 0.0 {
                return Ok(Some(NumCore {
                    start,
                    end: de,
                    value: value / den,
                    half_unit: 0.0,
                    notation: Notation::Fraction,
                    plain_integer: false,
                    digit_count: int_len,
                    bare_power: false,
                }));
            }
        } else if date_like {
            // 12/08/2020: a date. Skip the whole thing.
            let mut e = de;
            while bytes.get(e) == Some(&b'/') && bytes.get(e + 1).is_some_and(u8::is_ascii_digit) {
                e = digits_end(text, e + 1);
            }
            return Err(Skip::Dotted { end: e });
        }
    }
    Ok(Some(NumCore {
        start,
        end,
        value,
        half_unit,
        notation,
        plain_integer: plain && notation == Notation::Digits,
        digit_count: int_len + decimals,
        bare_power: false,
    }))
}

/// After a first group of one or two digits, ",34,567": one or more comma groups of two
/// digits and a last group of three. Returns where the last group ends.
fn indian_grouping_end(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut p = pos;
    let mut pairs = 0;
    loop {
        if bytes.get(p) != Some(&b',') {
            return None;
        }
        let g = p + 1;
        let ge = digits_end(text, g);
        match ge - g {
            2 => {
                pairs += 1;
                p = ge;
            }
            3 if pairs > 0 => {
                // A further group would make this another pattern.
                return (bytes.get(ge) != Some(&b',')
                    || !bytes.get(ge + 1).is_some_and(u8::is_ascii_digit))
                .then_some(ge);
            }
            _ => return None,
        }
    }
}

/// " 1/4" after a whole number: the fraction of a mixed number and where it ends.
fn mixed_fraction(text: &str, end: usize) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut p = end;
    while p < bytes.len() && bytes[p] == b' ' && p - end < 2 {
        p += 1;
    }
    if p == end {
        return None;
    }
    let ne = digits_end(text, p);
    if ne == p || ne - p > 2 || bytes.get(ne) != Some(&b'/') {
        return None;
    }
    let de = digits_end(text, ne + 1);
    if de == ne + 1 || de - ne - 1 > 3 || matches!(bytes.get(de), Some(b'/' | b'.' | b'-')) {
        return None;
    }
    if char_at(text, de).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let num: f64 = text[p..ne].parse().ok()?;
    let den: f64 = text[ne + 1..de].parse().ok()?;
    (num > 0.0 && num < den).then_some((num / den, de))
}

/// A standalone fraction glyph ("½ cup").
pub fn parse_glyph(text: &str, start: usize) -> Option<NumCore> {
    let c = char_at(text, start)?;
    let f = glyph_fraction(c)?;
    Some(NumCore {
        start,
        end: start + c.len_utf8(),
        value: f,
        half_unit: 0.0,
        notation: Notation::Fraction,
        plain_integer: false,
        digit_count: 0,
        bare_power: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> NumCore {
        parse_digits(s, 0).unwrap().unwrap()
    }

    #[test]
    fn commas_group_thousands() {
        let n = read("1,500,000 people");
        assert_eq!(n.value, 1_500_000.0);
        assert_eq!(n.end, 9);
        assert_eq!(n.half_unit, 0.5);
    }

    #[test]
    fn thin_and_narrow_spaces_group_thousands() {
        assert_eq!(read("10\u{2009}000").value, 10_000.0);
        assert_eq!(read("10\u{202f}000 m").value, 10_000.0);
        assert_eq!(read("10 000").value, 10_000.0);
    }

    #[test]
    fn a_comma_and_space_list_is_three_numbers() {
        assert_eq!(read("1, 234, 567").value, 1.0);
    }

    #[test]
    fn decimals_set_the_precision() {
        let n = read("15.3%");
        assert_eq!(n.value, 15.3);
        assert!((n.half_unit - 0.05).abs() < 1e-12);
    }

    #[test]
    fn powers_of_ten_in_every_notation() {
        assert_eq!(read("10^11").value, 1e11);
        assert!(read("10^11").bare_power);
        assert_eq!(read("10¹¹").value, 1e11);
        assert_eq!(read("10^-3").value, 1e-3);
        assert_eq!(read("1e11").value, 1e11);
        assert!((read("8.6 × 10^10").value - 8.6e10).abs() < 1.0);
        assert!((read("8.6x10^10").value - 8.6e10).abs() < 1.0);
        assert!((read("8.6*10^10").value - 8.6e10).abs() < 1.0);
        assert_eq!(read("8x2^10").value, 8192.0);
        assert_eq!(read("3 × 2^20").value, 3.0 * 1_048_576.0);
        assert!(!read("8.6*10^10").bare_power);
    }

    #[test]
    fn version_numbers_and_addresses_are_skipped() {
        assert_eq!(parse_digits("1.2.3", 0), Err(Skip::Dotted { end: 5 }));
        assert_eq!(
            parse_digits("192.168.1.2", 0),
            Err(Skip::Dotted { end: 11 })
        );
    }

    #[test]
    fn indian_digit_grouping() {
        assert_eq!(read("12,34,567.89").value, 1_234_567.89);
        assert_eq!(read("1,00,000 rupees").value, 100_000.0);
        // Not Indian grouping: a list.
        assert_eq!(read("12,34").value, 12.0);
    }

    #[test]
    fn glyph_and_slash_fractions() {
        assert_eq!(read("2½").value, 2.5);
        assert_eq!(read("4/5").value, 0.8);
        assert!(parse_digits("12/08/2020", 0).is_err());
    }
}
