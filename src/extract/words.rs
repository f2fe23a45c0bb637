//! Numbers written in words: "eighty-six billion", "a dozen", "two thirds",
//! "one and a half", "half a million". Sequences are composed here so every word keeps
//! its byte span; text2num validates the cardinal part ("twenty twelve" is not a number).

use super::lexer::{Tok, TokKind, lower, next_tok};
use crate::model::Notation;

use super::number::NumCore;

pub fn small(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Scale words that multiply what precedes them.
pub fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        "lakh" => 1e5,
        "crore" => 1e7,
        _ => return None,
    })
}

/// Abbreviated scale words written after digits ("5 bn", "£600m", "10k").
pub fn scale_abbrev(w: &str) -> Option<f64> {
    Some(match w {
        "k" | "K" => 1e3,
        "mn" | "mln" | "M" | "MM" => 1e6,
        "m" => 1e6,
        "bn" | "b" | "B" | "bln" | "Bn" => 1e9,
        "tn" | "trn" | "T" => 1e12,
        _ => return None,
    })
}

pub fn ordinal(w: &str) -> Option<f64> {
    Some(match w {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1000.0,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    })
}

/// Denominators of spelled fractions ("two thirds", "a quarter").
pub fn denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        "hundredth" | "hundredths" => 100.0,
        "thousandth" | "thousandths" => 1000.0,
        _ => return None,
    })
}

/// Every word that can start a spelled number; used to find candidates quickly.
pub const STARTERS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "a dozen",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "tens of",
    "a hundred",
    "a thousand",
    "a million",
    "a billion",
    "a trillion",
    "half a",
    "a half",
    "a quarter",
    "a third",
    "a few",
    "several",
    "a couple",
    "twice",
    "thrice",
    "first",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "twentieth",
    "hundredth",
    "thousandth",
    "millionth",
];

/// A spelled number read from the words at `start`.
#[derive(Debug, Clone, PartialEq)]
pub struct WordNumber {
    pub core: NumCore,
    /// The last scale word applied ("billion"), for precision and suggestions.
    pub last_scale: f64,
}

fn word_tokens(text: &str, start: usize, limit: usize) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut p = start;
    while toks.len() < limit {
        let Some(t) = next_tok(text, p) else { break };
        if t.newline_before && !toks.is_empty() {
            break;
        }
        toks.push(t);
        p = t.end;
    }
    toks
}

/// Reads a cardinal (or spelled fraction) in words starting at `start`.
/// Returns `None` when the words there do not form a number.
pub fn parse_words(text: &str, start: usize) -> Option<WordNumber> {
    let toks = word_tokens(text, start, 14);
    let words: Vec<String> = toks.iter().map(|t| lower(text, t)).collect();
    let mut i = 0;
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut last_scale = 1.0f64;
    let mut any = false;
    let mut end = start;
    let mut parts: Vec<&str> = Vec::new();
    let mut half_seen = false;
    let mut last_was_small = false;

    // "half a million", "half a dozen"
    if words.first().map(String::as_str) == Some("half")
        && words.get(1).map(String::as_str) == Some("a")
        && let Some(next) = words.get(2)
    {
        let m = if next == "dozen" {
            Some(12.0)
        } else {
            scale(next)
        };
        if let Some(m) = m {
            let core = NumCore {
                start: toks[0].start,
                end: toks[2].end,
                value: 0.5 * m,
                half_unit: 0.0,
                notation: Notation::Words,
                plain_integer: false,
                digit_count: 0,
                bare_power: false,
            };
            return Some(WordNumber {
                core,
                last_scale: m,
            });
        }
    }

    while i < toks.len() {
        let t = &toks[i];
        if t.kind != TokKind::Word && !(t.text(text) == "-" && any) {
            break;
        }
        let w = words[i].as_str();
        if w == "-" {
            // "eighty-six": a hyphen joins tens and units only.
            if i + 1 < toks.len() && !toks[i + 1].space_before && small(&words[i + 1]).is_some() {
                i += 1;
                continue;
            }
            break;
        }
        let small_value = small(w);
        if let Some(v) = small_value {
            // Two small numbers in a row ("one two") are separate numbers, unless tens+units.
            if last_was_small {
                let tens_then_unit = current % 100.0 >= 20.0 && current % 10.0 == 0.0 && v < 10.0;
                if !tens_then_unit {
                    break;
                }
            }
            current += v;
            any = true;
            end = t.end;
            parts.push(w);
        } else if w == "a" && !any {
            // "a hundred", "a dozen", "a third"
            let next = words.get(i + 1).map(String::as_str).unwrap_or("");
            if scale(next).is_some() || next == "dozen" {
                current = 1.0;
                any = true;
                parts.push("one");
            } else if let Some(d) = denominator(next).filter(|_| next != "second") {
                let core = NumCore {
                    start: t.start,
                    end: toks[i + 1].end,
                    value: 1.0 / d,
                    half_unit: 0.0,
                    notation: Notation::Fraction,
                    plain_integer: false,
                    digit_count: 0,
                    bare_power: false,
                };
                return Some(WordNumber {
                    core,
                    last_scale: 1.0,
                });
            } else {
                break;
            }
        } else if w == "dozen" && any {
            current = current.max(1.0) * 12.0;
            end = t.end;
            last_scale = 12.0;
            parts.clear();
        } else if let Some(m) = scale(w) {
            if !any {
                break;
            }
            if m == 100.0 {
                current = current.max(1.0) * 100.0;
                parts.push(w);
            } else {
                total += current.max(1.0) * m;
                current = 0.0;
                parts.clear();
            }
            last_scale = m;
            end = t.end;
        } else if w == "and" && any {
            // "one hundred and six", "one and a half"
            let next = words.get(i + 1).map(String::as_str).unwrap_or("");
            let after = words.get(i + 2).map(String::as_str).unwrap_or("");
            if next == "a" && after == "half" && !half_seen {
                current += 0.5;
                half_seen = true;
                end = toks[i + 2].end;
                last_was_small = false;
                i += 3;
                continue;
            }
            if (last_scale >= 100.0 || current >= 100.0) && small(next).is_some() {
                i += 1;
                continue;
            }
            break;
        } else if let Some(d) = denominator(w) {
            // "two thirds": a numerator of one to nine followed by a plural denominator.
            if any
                && total == 0.0
                && (1.0..10.0).contains(&current)
                && (w.ends_with('s') || current == 1.0)
                && w != "second"
            {
                let core = NumCore {
                    start,
                    end: t.end,
                    value: current / d,
                    half_unit: 0.0,
                    notation: Notation::Fraction,
                    plain_integer: false,
                    digit_count: 0,
                    bare_power: false,
                };
                return Some(WordNumber {
                    core,
                    last_scale: 1.0,
                });
            }
            break;
        } else {
            break;
        }
        last_was_small = small_value.is_some();
        i += 1;
    }
    if !any {
        return None;
    }
    // Let text2num confirm the cardinal words we composed (it rejects "twenty twelve").
    if !parts.is_empty() && parts.len() > 1 {
        let phrase = parts.join(" ");
        if text2num::text2digits(&phrase, &text2num::Language::english()).is_err() {
            return None;
        }
    }
    let value = total + current;
    let half_unit = if half_seen { 0.0 } else { 0.5 * last_scale };
    let first = toks.first()?;
    Some(WordNumber {
        core: NumCore {
            start: first.start,
            end,
            value,
            half_unit,
            notation: Notation::Words,
            plain_integer: false,
            digit_count: 0,
            bare_power: false,
        },
        last_scale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> (f64, &str) {
        let w = parse_words(s, 0).unwrap();
        (w.core.value, &s[w.core.start..w.core.end])
    }

    #[test]
    fn eighty_six_billion_is_read_whole() {
        assert_eq!(
            read("eighty-six billion neurons"),
            (86e9, "eighty-six billion")
        );
        assert_eq!(
            parse_words("eighty-six billion", 0).unwrap().core.half_unit,
            0.5e9
        );
    }

    #[test]
    fn hundreds_and_and() {
        assert_eq!(read("one hundred and sixty-one").0, 161.0);
        assert_eq!(read("one hundred fifty-seven thousand").0, 157_000.0);
        assert_eq!(read("a hundred people").0, 100.0);
    }

    #[test]
    fn dozens_and_halves() {
        assert_eq!(read("a dozen eggs").0, 12.0);
        assert_eq!(read("half a million").0, 500_000.0);
        assert_eq!(read("one and a half").0, 1.5);
        assert_eq!(read("two and a half million").0, 2.5e6);
    }

    #[test]
    fn spelled_fractions() {
        assert!((read("two thirds of them").0 - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(read("a quarter").0, 0.25);
    }

    #[test]
    fn a_year_said_aloud_is_not_one_number() {
        assert_eq!(read("twenty twelve").0, 20.0);
    }

    #[test]
    fn a_word_that_is_not_a_number() {
        assert!(parse_words("another day", 0).is_none());
        assert!(parse_words("a man", 0).is_none());
    }
}
