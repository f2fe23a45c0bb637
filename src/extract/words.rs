//! Numbers written in words: "eighty-six billion", "a dozen", "two thirds",
//! "one and a half", "half a million". Sequences are composed here so every word keeps
//! its byte span; the composition rules reject what is no number ("twenty twelve",
//! "two hundred three hundred" are two numbers each).

use super::lexer::{Lower, Tok, TokKind, lower, next_tok};
use crate::model::Notation;

use super::number::NumCore;

pub fn small(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nought" | "naught" => 0.0,
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
        "lakh" | "lakhs" | "lac" | "lacs" => 1e5,
        "crore" | "crores" | "krore" | "krores" => 1e7,
        // "three billions", "12 lakhs": a plural scale after a number is the same scale.
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    })
}

/// Abbreviated scale words written after digits ("5 bn", "£600m", "10k").
pub fn scale_abbrev(w: &str) -> Option<f64> {
    Some(match w {
        "k" | "K" => 1e3,
        "mn" | "mln" | "mil" | "M" | "MM" => 1e6,
        "m" => 1e6,
        "bn" | "b" | "B" | "bln" | "Bn" => 1e9,
        "tn" | "trn" | "tln" | "T" => 1e12,
        // Indian English: "5 cr", "30 lkh".
        "cr" | "Cr" | "crs" => 1e7,
        "lkh" | "lkhs" => 1e5,
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
        "eleventh" | "elevenths" => 11.0,
        "twelfth" | "twelfths" => 12.0,
        "thirteenth" | "thirteenths" => 13.0,
        "fourteenth" | "fourteenths" => 14.0,
        "fifteenth" | "fifteenths" => 15.0,
        "sixteenth" | "sixteenths" => 16.0,
        "seventeenth" | "seventeenths" => 17.0,
        "eighteenth" | "eighteenths" => 18.0,
        "nineteenth" | "nineteenths" => 19.0,
        "twentieth" | "twentieths" => 20.0,
        "thirtieth" | "thirtieths" => 30.0,
        "fortieth" | "fortieths" => 40.0,
        "fiftieth" | "fiftieths" => 50.0,
        "sixtieth" | "sixtieths" => 60.0,
        "seventieth" | "seventieths" => 70.0,
        "eightieth" | "eightieths" => 80.0,
        "ninetieth" | "ninetieths" => 90.0,
        "hundredth" | "hundredths" => 100.0,
        "thousandth" | "thousandths" => 1000.0,
        "millionth" | "millionths" => 1e6,
        "billionth" | "billionths" => 1e9,
        "trillionth" | "trillionths" => 1e12,
        _ => return None,
    })
}

/// Can the ASCII word `text[start..end]` start a spelled number? Used to find
/// candidates in one pass: cardinals, scale words, vague plurals, multipliers and
/// ordinals; "a" only before a scale, "dozen", a fraction or "few"/"couple"; "half"
/// only before "a"; "tens" only before "of".
/// `text[start..end]` must be a run of ASCII letters.
#[inline]
pub fn starts_number(text: &str, start: usize, end: usize) -> bool {
    let len = end - start;
    if !(1..=12).contains(&len) {
        return false;
    }
    // Most words are rejected by their first two letters and length alone.
    // The caller passes a run of ASCII letters, so folding needs no range check.
    let w = &text.as_bytes()[start..end];
    let first = ((w[0] | 0x20) - b'a') as usize;
    let second = if len > 1 {
        ((w[1] | 0x20) - b'a') as usize
    } else {
        27
    };
    len < 16
        && STARTER_PREFIX[first][second] & (1 << len) != 0
        && starts_number_exact(text, start, end)
}

#[inline(never)]
fn starts_number_exact(text: &str, start: usize, end: usize) -> bool {
    let len = end - start;
    let key = word_key(&text.as_bytes()[start..end]);
    if len <= 8 {
        if key == key_of(b"a")
            || key == key_of(b"an")
            || key == key_of(b"half")
            || key == key_of(b"quarter")
            || key == key_of(b"tens")
        {
            return starts_number_slow(text, start, end);
        }
        return SHORT_STARTERS.binary_search(&key).is_ok();
    }
    starts_number_slow(text, start, end)
}

/// Every word that can start a spelled number (see `starts_number`).
const ALL_STARTERS: [&[u8]; 81] = [
    b"second",
    b"thirteenth",
    b"fourteenth",
    b"fifteenth",
    b"sixteenth",
    b"seventeenth",
    b"eighteenth",
    b"nineteenth",
    b"thirtieth",
    b"seventieth",
    b"eightieth",
    b"ninetieth",
    b"billionth",
    b"trillionth",
    b"fortieth",
    b"fiftieth",
    b"sixtieth",
    b"zero",
    b"nought",
    b"naught",
    b"one",
    b"two",
    b"three",
    b"four",
    b"five",
    b"six",
    b"seven",
    b"eight",
    b"nine",
    b"ten",
    b"eleven",
    b"twelve",
    b"thirteen",
    b"fourteen",
    b"fifteen",
    b"sixteen",
    b"seventeen",
    b"eighteen",
    b"nineteen",
    b"twenty",
    b"thirty",
    b"forty",
    b"fifty",
    b"sixty",
    b"seventy",
    b"eighty",
    b"ninety",
    b"hundred",
    b"thousand",
    b"million",
    b"billion",
    b"trillion",
    b"dozen",
    b"dozens",
    b"hundreds",
    b"thousands",
    b"millions",
    b"billions",
    b"trillions",
    b"several",
    b"twice",
    b"thrice",
    b"first",
    b"third",
    b"fourth",
    b"fifth",
    b"sixth",
    b"seventh",
    b"eighth",
    b"ninth",
    b"tenth",
    b"eleventh",
    b"twelfth",
    b"twentieth",
    b"hundredth",
    b"thousandth",
    b"millionth",
    b"a",
    b"an",
    b"half",
    b"quarter",
];

/// Bit `len` of entry `[first][second]` (letters folded to 0..27) is set when a starter
/// word of that length begins with those two letters.
static STARTER_PREFIX: [[u16; 28]; 28] = {
    let mut t = [[0u16; 28]; 28];
    let mut i = 0;
    while i < ALL_STARTERS.len() {
        let w = ALL_STARTERS[i];
        let a = letter_index(w[0]);
        let b = if w.len() > 1 { letter_index(w[1]) } else { 27 };
        t[a][b] |= 1 << w.len();
        i += 1;
    }
    // "tens" (of) starts a vague magnitude too.
    t[letter_index(b't')][letter_index(b'e')] |= 1 << 4;
    t
};

const fn letter_index(b: u8) -> usize {
    let l = b | 0x20;
    if l >= b'a' && l <= b'z' {
        (l - b'a') as usize
    } else {
        26
    }
}

/// "sixfold", "tenfold": a number word and "fold" in one word.
pub fn is_fold_word(text: &str, start: usize, end: usize) -> bool {
    let w = &text.as_bytes()[start..end];
    w.len() > 4
        && w[w.len() - 1] | 0x20 == b'd'
        && w[w.len() - 4..].eq_ignore_ascii_case(b"fold")
        && starts_number(text, start, end - 4)
}

/// Up to 8 ASCII letters packed little-endian, lowercased: a cheap exact word key.
pub fn word_key(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < w.len() && i < 8 {
        k |= ((w[i] | 0x20) as u64) << (8 * i);
        i += 1;
    }
    k
}

const fn key_of(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < w.len() && i < 8 {
        k |= ((w[i] | 0x20) as u64) << (8 * i);
        i += 1;
    }
    k
}

/// How many starter words have at most 8 letters (the ones a word key holds whole).
const SHORT_STARTER_COUNT: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < ALL_STARTERS.len() {
        if ALL_STARTERS[i].len() <= 8 {
            n += 1;
        }
        i += 1;
    }
    n
};

/// Keys of the starter words of up to 8 letters, sorted for binary search.
static SHORT_STARTERS: [u64; SHORT_STARTER_COUNT] = {
    let mut keys = [0u64; SHORT_STARTER_COUNT];
    let mut n = 0;
    let mut i = 0;
    while i < ALL_STARTERS.len() {
        if ALL_STARTERS[i].len() <= 8 {
            keys[n] = key_of(ALL_STARTERS[i]);
            n += 1;
        }
        i += 1;
    }
    // Insertion sort (const context).
    let mut i = 1;
    while i < keys.len() {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
};

fn starts_number_slow(text: &str, start: usize, end: usize) -> bool {
    let mut buf = [0u8; 12];
    let w = &mut buf[..end - start];
    w.copy_from_slice(&text.as_bytes()[start..end]);
    w.make_ascii_lowercase();
    match &*w {
        b"seventeen" | b"thousands" | b"trillions" | b"twentieth" | b"hundredth"
        | b"thousandth" | b"millionth" | b"billionth" | b"trillionth" | b"thirteenth"
        | b"fourteenth" | b"fifteenth" | b"sixteenth" | b"seventeenth" | b"eighteenth"
        | b"nineteenth" | b"thirtieth" | b"seventieth" | b"eightieth" | b"ninetieth" => true,
        b"a" | b"an" | b"half" | b"quarter" | b"tens" => {
            let Some(t) = next_tok(text, end) else {
                return false;
            };
            // "an hour", "a litre", "half hour": one (or half) of a measurement unit.
            let fraction = w == b"half" || w == b"quarter";
            if t.newline_before {
                return false;
            }
            // "half-litre", "quarter-mile": a fraction hyphenated to a physical unit ("the
            // half-year results", "a quarter-point rise" name a period or a step).
            if t.kind != TokKind::Word {
                return fraction
                    && t.text(text) == "-"
                    && !t.space_before
                    && next_tok(text, t.end).is_some_and(|u| {
                        u.kind == TokKind::Word
                            && !u.space_before
                            && unit_word_at(text, u.start, true)
                    });
            }
            // (`t` is the word `unit_word_after` would read.)
            if w != b"tens"
                && unit_word_at(text, t.start, !fraction)
                && (fraction || !(after_quantity(text, start) || after_bound_word(text, start)))
            {
                return true;
            }
            if !fraction
                && w != b"tens"
                && spaced_and_at(text, t.end)
                && unit_then_more(text, end, &t)
            {
                return true;
            }
            let next = lower(text, &t);
            match &*w {
                b"an" => false,
                b"a" => {
                    matches!(
                        next.as_str(),
                        "dozen"
                            | "hundred"
                            | "thousand"
                            | "million"
                            | "billion"
                            | "trillion"
                            | "quarter"
                            | "few"
                            | "couple"
                    ) || (denominator(&next).is_some() && next != "second" && !next.ends_with('s'))
                }
                b"half" | b"quarter" => {
                    (next == "a" || next == "an")
                        || matches!(next.as_str(), "million" | "billion" | "trillion")
                        // "more than half", "nearly half of": a share after a hedge.
                        || (w == b"half" && after_hedge_word(text, start))
                }
                _ => next == "of",
            }
        }
        _ => false,
    }
}

/// Is a unit written out as a word at `pos` ("hour", "litre", "kilometres")? Symbols
/// ("m", "l"), currencies and counted nouns are not ("a man"); "second" is mostly the
/// ordinal ("a second time"). With `physical_only`, only length, mass, volume, area and
/// data size: in news "a year", "a day", "a bit", "a point" are almost never measurements, while
/// "half an hour" (an explicit fraction) is.
fn unit_word_at(text: &str, pos: usize, physical_only: bool) -> bool {
    // Most words after "a" are no unit: reject them by their first two letters before
    // searching the unit table (this runs for every "a" in the text).
    let b = text.as_bytes();
    let (Some(&c0), Some(&c1)) = (b.get(pos), b.get(pos + 1)) else {
        return false;
    };
    if !(c0.is_ascii_alphabetic() && c1.is_ascii_alphabetic()) {
        return false;
    }
    let (i0, i1) = (
        (c0.to_ascii_lowercase() - b'a') as usize,
        (c1.to_ascii_lowercase() - b'a') as usize,
    );
    if !unit_name_prefixes()[i0][i1] || (physical_only && !physical_unit_word_prefixes()[i0][i1]) {
        return false;
    }
    let units = crate::units::UnitTable::default_table();
    let Some(m) = units.match_at(text, pos) else {
        return false;
    };
    let word = &text.as_bytes()[pos..m.end];
    // "a Gram-negative strain": a unit name glued to a hyphenated word is an adjective.
    if let [b'-', c, ..] = text.as_bytes()[m.end..]
        && c.is_ascii_alphabetic()
    {
        return false;
    }
    let unit = units.unit(m.unit);
    (word.len() >= 3 || (physical_only && SHORT_MEASURES.contains(&word)))
        && word.iter().all(u8::is_ascii_alphabetic)
        && !word.eq_ignore_ascii_case(b"second")
        && (!unit.is_currency() || (physical_only && small_coin(unit)))
        && !unit.is_count()
        && (!physical_only || physical_measure(unit))
}

/// "a penny", "a cent": the one currency unit read after an article ("a dollar store",
/// "a pound of flour" are not money).
fn small_coin(unit: &crate::units::Unit) -> bool {
    matches!(unit.id.as_str(), "cent" | "pence")
}

/// A unit that `unit_word_at` accepts after an article: length, mass, volume, area, a
/// data size ("a kibibyte") or a small coin ("a penny").
fn physical_measure(unit: &crate::units::Unit) -> bool {
    (matches!(unit.dimension.as_str(), "length" | "mass" | "volume" | "area" | "data")
        || small_coin(unit))
        // Everyday nouns and servings more often than measures: "a cup of coffee",
        // "a stone's throw", "a yard", "a foot in the door", "a ton of work", "a bit".
        && !matches!(
            unit.id.as_str(),
            "cup" | "tbsp" | "tsp" | "stone" | "yd" | "ft" | "short_ton" | "bit"
        )
}

/// The first two letters (folded) of every symbol and name of three or more ASCII letters
/// of a `physical_measure` unit in the default table: the word after "a" must start so
/// for `unit_word_at` to accept it (a quick "no" for most words after an article).
fn physical_unit_word_prefixes() -> &'static [[bool; 26]; 26] {
    static PREFIXES: std::sync::OnceLock<[[bool; 26]; 26]> = std::sync::OnceLock::new();
    PREFIXES.get_or_init(|| {
        let units = crate::units::UnitTable::default_table();
        let mut t = [[false; 26]; 26];
        for line in crate::units::DEFAULT_UNITS_CSV.lines().skip(1) {
            // id,dimension,base,factor,offset,symbols,names
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            let (Some(id), Some(symbols), Some(names)) =
                (fields.first(), fields.get(5), fields.get(6))
            else {
                continue;
            };
            if !units.get(id).is_some_and(physical_measure) {
                continue;
            }
            for form in symbols.split('|').chain(names.split('|')).map(str::trim) {
                if (form.len() >= 3 || SHORT_MEASURES.contains(&form.as_bytes()))
                    && form.bytes().all(|b| b.is_ascii_alphabetic())
                {
                    let f = form.as_bytes();
                    t[(f[0].to_ascii_lowercase() - b'a') as usize]
                        [(f[1].to_ascii_lowercase() - b'a') as usize] = true;
                }
            }
        }
        t
    })
}

/// Two-letter symbols of measures that read as words after an article: "a kg", "an ml".
const SHORT_MEASURES: [&[u8]; 8] = [b"kg", b"lb", b"ml", b"km", b"mg", b"cm", b"mm", b"oz"];

/// The first two letters (folded) of every unit name in the default table.
fn unit_name_prefixes() -> &'static [[bool; 26]; 26] {
    static PREFIXES: std::sync::OnceLock<[[bool; 26]; 26]> = std::sync::OnceLock::new();
    PREFIXES.get_or_init(|| {
        let mut t = [[false; 26]; 26];
        for line in crate::units::DEFAULT_UNITS_CSV.lines().skip(1) {
            let names = line.rsplit(',').next().unwrap_or("");
            // The two-letter symbols read as words after an article too ("a kg").
            let short = SHORT_MEASURES
                .iter()
                .map(|w| std::str::from_utf8(w).unwrap_or(""));
            for name in names.split('|').chain(short) {
                if let [a, b, ..] = name.as_bytes()
                    && a.is_ascii_alphabetic()
                    && b.is_ascii_alphabetic()
                {
                    t[(a.to_ascii_lowercase() - b'a') as usize]
                        [(b.to_ascii_lowercase() - b'a') as usize] = true;
                }
            }
        }
        t
    })
}

/// Does a unit word follow the number word ending at `end`? After a `fraction` word ("half",
/// "quarter") any unit word may follow, also after a glued hyphen ("half-litre"); after an
/// article only a physical one (see `unit_word_at`).
fn unit_word_after(text: &str, end: usize, fraction: bool) -> bool {
    let Some(t) = next_tok(text, end) else {
        return false;
    };
    if t.newline_before {
        return false;
    }
    if t.kind == TokKind::Word {
        return unit_word_at(text, t.start, !fraction);
    }
    fraction
        && !t.space_before
        && text[t.start..t.end] == *"-"
        && next_tok(text, t.end).is_some_and(|u| {
            u.kind == TokKind::Word && !u.space_before && unit_word_at(text, u.start, false)
        })
}

/// "an hour and a half", "a minute and 30 seconds": after an article, a unit word (time
/// too; not money or counts, see `unit_word_at`) that a fraction or a further number
/// completes is one of that unit. Not a rate's "a" ("twice a week and ..."). Runs for
/// every "a" before a word and "and": the "and" is checked first, the unit table last.
fn unit_then_more(text: &str, article_end: usize, u: &Tok) -> bool {
    if !(u.is_word() && !u.newline_before && spaced_and_at(text, u.end)) {
        return false;
    }
    let Some(n) = next_tok(text, u.end + 4).filter(|t| !t.newline_before) else {
        return false;
    };
    let more = match n.kind {
        TokKind::Digits => true,
        TokKind::Word => {
            let w = lower(text, &n);
            w == "a" || w == "half" || small(&w).is_some()
        }
        TokKind::Punct => false,
    };
    if !more {
        return false;
    }
    let units = crate::units::UnitTable::default_table();
    let Some(m) = units.match_at(text, u.start).filter(|m| m.end == u.end) else {
        return false;
    };
    // "a dollar and 42 cents": money too, spelled out.
    let money = units.unit(m.unit).is_currency()
        && u.end - u.start >= 4
        && text[u.start..u.end].bytes().all(|c| c.is_ascii_lowercase());
    if !(money || unit_word_at(text, u.start, false)) {
        return false;
    }
    let article_start = super::lexer::prev_tok(text, article_end).map_or(article_end, |t| t.start);
    !after_quantity(text, article_start)
        && !super::lexer::prev_tok(text, article_start).is_some_and(|t| {
            t.is_word()
                && matches!(
                    lower(text, &t).as_str(),
                    "once" | "twice" | "thrice" | "times" | "per" | "every" | "each"
                )
        })
}

/// Does " and " (one space each side) start at `pos`? A byte test before any tokenizing.
#[inline]
pub fn spaced_and_at(text: &str, pos: usize) -> bool {
    text.as_bytes()
        .get(pos..pos + 5)
        .is_some_and(|b| b[0] == b' ' && b[4] == b' ' && b[1..4].eq_ignore_ascii_case(b"and"))
}

/// "and a half", "and three quarters", "and a half million" after a scaled number
/// ("3 million and a half" is 3.5 million): the fraction, a scale of its own (when one
/// follows it) and where the words end.
pub fn and_fraction(text: &str, pos: usize) -> Option<(f64, Option<f64>, usize)> {
    let and = next_tok(text, pos).filter(|t| !t.newline_before && t.is_word())?;
    if lower(text, &and) != "and" {
        return None;
    }
    let first = next_tok(text, and.end).filter(|t| !t.newline_before && t.is_word())?;
    let article = lower(text, &first);
    let (frac, end) = if article == "a" || article == "an" {
        let d = next_tok(text, first.end).filter(|t| !t.newline_before && t.is_word())?;
        let dw = lower(text, &d);
        // "and an half" is an old spelling of "and a half".
        if dw == "second" || dw.ends_with('s') || (article == "an" && dw != "half") {
            return None;
        }
        let v = 1.0 / denominator(&dw)?;
        (v, d.end)
    } else {
        small(&lower(text, &first))?;
        let f = parse_words(text, first.start)?;
        if f.core.notation != Notation::Fraction || f.core.value >= 1.0 {
            return None;
        }
        (f.core.value, f.core.end)
    };
    let own = next_tok(text, end)
        .filter(|t| !t.newline_before && t.is_word())
        .and_then(|t| scale(&lower(text, &t)).map(|m| (m, t.end)));
    Some(match own {
        Some((m, e)) => (frac, Some(m), e),
        None => (frac, None, end),
    })
}

/// Does a number, scale or unit word come right before `start`? Then an article there is
/// a rate's "per": "$60 a barrel", "40 cents a pound", "$2 billion a kilometre".
fn after_quantity(text: &str, start: usize) -> bool {
    // One word may come between: "$80 US a barrel"; a full stop or comma may not
    // ("It is 1,024 bytes. A megabyte ...").
    let prev = super::lexer::prev_tok(text, start);
    let before = prev
        .filter(|t| t.kind != TokKind::Punct)
        .and_then(|t| super::lexer::prev_tok(text, t.start));
    [prev, before].into_iter().flatten().any(|t| match t.kind {
        TokKind::Digits => true,
        TokKind::Punct => text[t.start..t.end] == *"%",
        TokKind::Word => {
            let w = lower(text, &t);
            small(&w).is_some()
                || scale(&w).is_some()
                || crate::units::UnitTable::default_table()
                    .match_at(text, t.start)
                    .is_some_and(|m| m.end == t.end)
        }
    })
}

/// Does a hedge or bound come right before `start` ("up to a metre", "about a litre")?
/// An article there gives an order of magnitude, not a measured one.
fn after_bound_word(text: &str, start: usize) -> bool {
    after_hedge_word(text, start)
        || super::lexer::prev_tok(text, start)
            .is_some_and(|t| t.is_word() && lower(text, &t).as_str() == "to")
}

/// Does a word that ends a hedge ("more than", "nearly", "about") come right before
/// `start`?
pub fn after_hedge_word(text: &str, start: usize) -> bool {
    super::lexer::prev_tok(text, start).is_some_and(|t| {
        t.is_word()
            && matches!(
                lower(text, &t).as_str(),
                "than" | "nearly" | "almost" | "about" | "over" | "under" | "around" | "roughly"
            )
    })
}

/// A spelled number read from the words at `start`.
#[derive(Debug, Clone, PartialEq)]
pub struct WordNumber {
    pub core: NumCore,
    /// The last scale word applied ("billion"), for precision and suggestions.
    pub last_scale: f64,
    /// A compound ordinal ("twenty-first", "two hundredth").
    pub ordinal: bool,
}

/// The reading of spelled words `start..end` (no digits, no power of ten).
fn spelled_core(
    start: usize,
    end: usize,
    value: f64,
    half_unit: f64,
    notation: Notation,
) -> NumCore {
    NumCore {
        start,
        end,
        value,
        half_unit,
        notation,
        plain_integer: false,
        digit_count: 0,
        bare_power: false,
    }
}

impl WordNumber {
    /// A spelled fraction ("a third", "three twenty-firsts") spanning `start..end`.
    fn fraction(start: usize, end: usize, value: f64) -> WordNumber {
        WordNumber {
            core: spelled_core(start, end, value, 0.0, Notation::Fraction),
            last_scale: 1.0,
            ordinal: false,
        }
    }
}

/// Most tokens one spelled number spans ("thirty-one million two hundred fifty-six
/// thousand seven hundred twenty-one" has 15, hyphens included).
const MAX_WORD_TOKENS: usize = 20;

fn word_tokens(text: &str, start: usize, out: &mut [Tok; MAX_WORD_TOKENS]) -> usize {
    let mut n = 0;
    let mut p = start;
    while n < out.len() {
        let Some(t) = next_tok(text, p) else { break };
        if t.newline_before && n > 0 {
            break;
        }
        out[n] = t;
        n += 1;
        p = t.end;
        // Only number words, hyphens, "a" and "and" continue a spelled number; the first
        // other token is kept (as lookahead) and ends the read.
        if t.kind != TokKind::Word {
            if !is_joining_dash(text, &t) {
                break;
            }
        } else if !continues_number(&lower(text, &t)) {
            break;
        }
    }
    n
}

/// A hyphen, or an en or em dash glued on both sides ("twenty–five" as typeset), that may
/// join the words of one number.
fn is_joining_dash(text: &str, t: &Tok) -> bool {
    match t.text(text) {
        "-" => true,
        "–" | "—" => {
            !t.space_before && text[t.end..].starts_with(|c: char| c.is_ascii_alphabetic())
        }
        _ => false,
    }
}

/// Words that can be part of a spelled number after its first word.
fn continues_number(w: &str) -> bool {
    small(w).is_some()
        || scale(w).is_some()
        || denominator(w).is_some()
        || ordinal(w).is_some()
        || matches!(
            w,
            "a" | "and" | "half" | "quarter" | "point" | "dozen" | "dozens"
        )
}

/// Reads a cardinal (or spelled fraction) in words starting at `start`.
/// Returns `None` when the words there do not form a number.
pub fn parse_words(text: &str, start: usize) -> Option<WordNumber> {
    let mut tok_buf = [Tok {
        start,
        end: start,
        kind: TokKind::Punct,
        newline_before: false,
        space_before: false,
    }; MAX_WORD_TOKENS];
    let n = word_tokens(text, start, &mut tok_buf);
    let toks = &tok_buf[..n];
    let mut words = [Lower::new(""); MAX_WORD_TOKENS];
    for (w, t) in words.iter_mut().zip(toks) {
        *w = lower(text, t);
    }
    let words = &words[..toks.len()];
    let mut i = 0;
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut last_scale = 1.0f64;
    let mut any = false;
    let mut end = start;
    let mut half_seen = false;
    let mut last_was_small = false;
    let mut prev_was_scale = false;
    let mut and_seen = false;
    // Units or tens written after the last scale word ("two hundred [fifty]").
    let mut units_after_scale = false;

    // "an hour", "a litre", "half hour", "half-litre", "half an hour", "quarter hour": one,
    // a half or a quarter of the unit word that follows (the unit is attached later).
    let lead = words.first().map(Lower::as_str);
    if let Some(lead_value) = match lead {
        Some("a" | "an") => Some(1.0),
        Some("half") => Some(0.5),
        Some("quarter") => Some(0.25),
        _ => None,
    } {
        let article =
            lead_value < 1.0 && matches!(words.get(1).map(Lower::as_str), Some("a" | "an"));
        let last = if article { 1 } else { 0 };
        if let Some(&t) = toks.get(last)
            && (unit_word_after(text, t.end, lead_value < 1.0)
                || (lead_value == 1.0
                    && next_tok(text, t.end).is_some_and(|u| unit_then_more(text, t.end, &u))))
        {
            let core = spelled_core(toks[0].start, t.end, lead_value, 0.0, Notation::Words);
            return Some(WordNumber {
                core,
                last_scale: 1.0,
                ordinal: false,
            });
        }
    }

    // "half a million", "half a dozen", "half million", "quarter million"
    if matches!(lead, Some("half" | "quarter"))
        && let Some(k) = if words.get(1).map(Lower::as_str) == Some("a") {
            Some(2)
        } else if words
            .get(1)
            .is_some_and(|w| scale(w).is_some_and(|m| m >= 1e3))
        {
            Some(1)
        } else {
            None
        }
        && let Some(next) = words.get(k)
    {
        let frac = if lead == Some("half") { 0.5 } else { 0.25 };
        let m = if next == "dozen" {
            Some(12.0)
        } else {
            scale(next)
        };
        if let Some(m) = m {
            let core = spelled_core(toks[0].start, toks[k].end, frac * m, 0.0, Notation::Words);
            return Some(WordNumber {
                core,
                last_scale: m,
                ordinal: false,
            });
        }
    }

    while i < toks.len() {
        let t = &toks[i];
        let dash = t.kind != TokKind::Word && is_joining_dash(text, t);
        if t.kind != TokKind::Word && !(dash && any) {
            break;
        }
        let w = words[i].as_str();
        if dash {
            // "eighty-six", "twenty-first": a hyphen joins tens and units only.
            let tens = current % 100.0 >= 20.0 && current % 10.0 == 0.0;
            // The hyphen is glued on both sides ("eighty-six") or spaced on both
            // ("fifty - two"); "fifty -two" is no compound.
            if i + 1 < toks.len()
                && toks[i + 1].space_before == t.space_before
                && (small(&words[i + 1]).is_some_and(|v| v < 10.0)
                    || (tens && ordinal(&words[i + 1]).is_some_and(|v| v < 10.0))
                    // "two-hundred", "three-thousand"
                    || (current >= 1.0 && total == 0.0 && scale(&words[i + 1]).is_some())
                    // "two-thirds", "one-quarter"
                    || ((1.0..10.0).contains(&current)
                        && total == 0.0
                        && denominator(&words[i + 1]).is_some()
                        && words[i + 1] != "second"
                        && (words[i + 1].ends_with('s') || current == 1.0)))
            {
                i += 1;
                continue;
            }
            break;
        }
        let small_value = small(w);
        if let Some(v) = small_value {
            // "three twenty-firsts", "one hundred thirty-fifths": after a numerator, tens and
            // a unit ordinal are one denominator (35ths), unless "and" ties the tens to the
            // numerator ("one hundred and thirty fifths" is 130 fifths).
            if any
                && v >= 20.0
                && v % 10.0 == 0.0
                && (i == 0 || words[i - 1] != "and")
                && let Some(j) = if words.get(i + 1).is_some_and(|w| w == "-") {
                    Some(i + 2)
                } else {
                    Some(i + 1)
                }
                && let Some(dw) = words.get(j)
                && let Some(unit) = denominator(dw)
                    .or_else(|| matches!(dw.as_str(), "first" | "firsts").then_some(1.0))
                    .filter(|&u| u < 10.0)
            {
                let numerator = total + current;
                if dw != "second" && (dw.ends_with('s') || numerator == 1.0) {
                    return Some(WordNumber::fraction(
                        start,
                        toks[j].end,
                        numerator / (v + unit),
                    ));
                }
            }
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
            units_after_scale = last_scale > 1.0;
        } else if w == "a" && !any {
            // "a hundred", "a dozen", "a third"
            let next = words.get(i + 1).map(Lower::as_str).unwrap_or("");
            if scale(next).is_some() || next == "dozen" {
                current = 1.0;
                any = true;
            } else if let Some(d) = denominator(next).filter(|_| next != "second") {
                return Some(WordNumber::fraction(t.start, toks[i + 1].end, 1.0 / d));
            } else {
                break;
            }
        } else if (w == "dozen" || w == "dozens") && any {
            // "three hundred and two dozen" is 300 + 24; "a hundred dozen" is 1200.
            let units = current % 100.0;
            current = if current >= 100.0 && units > 0.0 {
                current - units + units * 12.0
            } else {
                current.max(1.0) * 12.0
            };
            end = t.end;
            last_scale = 12.0;
        } else if let Some(m) = scale(w) {
            if !any {
                // "hundred and five", "million and one": a bare scale word opens a number
                // only when "and" and a number follow.
                let and_number = i == 0
                    && !w.ends_with('s')
                    && words.get(1).is_some_and(|w| w == "and")
                    && words.get(2).is_some_and(|w| small(w).is_some());
                if !and_number {
                    break;
                }
                current = 1.0;
                any = true;
            }
            if m == 100.0 {
                // "two hundred three hundred" is two numbers.
                if current >= 100.0 {
                    break;
                }
                current = current.max(1.0) * 100.0;
            } else if current == 0.0 && total > 0.0 && m > last_scale && prev_was_scale {
                // "three lakh crore", "a thousand million": scales compound.
                total *= m;
            } else {
                total += current.max(1.0) * m;
                current = 0.0;
            }
            last_scale = m;
            units_after_scale = false;
            end = t.end;
        } else if w == "and" && any {
            // "one hundred and six", "one and a half", "one million and a half"
            let next = words.get(i + 1).map(Lower::as_str).unwrap_or("");
            let after = words.get(i + 2).map(Lower::as_str).unwrap_or("");
            // "and a half", "and a fifth"
            let frac = match after {
                "second" => 0.0,
                _ => denominator(after)
                    .filter(|_| !after.ends_with('s'))
                    .map_or(0.0, |d| 1.0 / d),
            };
            // "one and half hours", "two and quarter miles" (the article left out), "one and
            // three quarter hours" (a singular quarter after its numerator, as an adjective).
            let (bare_part, bare_len) = match (next, after) {
                ("half", _) => (0.5, 2),
                ("quarter", _) => (0.25, 2),
                (_, "quarter") => (
                    small(next)
                        .filter(|v| (1.0..4.0).contains(v))
                        .map_or(0.0, |v| v / 4.0),
                    3,
                ),
                _ => (0.0, 0),
            };
            // "one and half of them" is no number: "of" may follow only before a unit.
            let of_then_unit = || {
                let k = i + bare_len;
                words.get(k).is_none_or(|w| w != "of")
                    || toks
                        .get(k)
                        .and_then(|t| next_tok(text, t.end))
                        .is_some_and(|u| u.is_word() && unit_word_at(text, u.start, false))
            };
            if bare_part > 0.0
                && !half_seen
                && current > 0.0
                && current < 100.0
                && total == 0.0
                && of_then_unit()
            {
                current += bare_part;
                half_seen = true;
                end = toks[i + bare_len - 1].end;
                last_was_small = false;
                i += bare_len;
                continue;
            }
            // "one billion and a half million": the fraction has a scale of its own.
            let own_scale = words
                .get(i + 3)
                .and_then(|w| scale(w))
                .filter(|&m| m < last_scale);
            // "and an half" is an old spelling of "and a half".
            if (next == "a" || (next == "an" && after == "half")) && frac > 0.0 && !half_seen {
                if current == 0.0 && total > 0.0 {
                    // "three million and a half" is 3.5 million.
                    match own_scale {
                        Some(m) => {
                            total += frac * m;
                            end = toks[i + 3].end;
                            half_seen = true;
                            break;
                        }
                        None => total += frac * last_scale,
                    }
                } else {
                    current += frac;
                }
                half_seen = true;
                end = toks[i + 2].end;
                last_was_small = false;
                i += 3;
                continue;
            }
            // "twenty and three fifths": a whole number and a spelled fraction;
            // "five billion and three quarters" is 5.75 billion.
            if small(next).is_some()
                && i + 1 < toks.len()
                && let Some(f) = parse_words(text, toks[i + 1].start)
                && f.core.notation == Notation::Fraction
                && f.core.value < 1.0
            {
                end = f.core.end;
                if current == 0.0 && total > 0.0 {
                    let after = toks.iter().position(|t| t.start >= f.core.end);
                    match after
                        .and_then(|j| scale(&words[j]).filter(|&m| m < last_scale).map(|m| (j, m)))
                    {
                        Some((j, m)) => {
                            total += f.core.value * m;
                            end = toks[j].end;
                        }
                        None => total += f.core.value * last_scale,
                    }
                } else {
                    current += f.core.value;
                }
                half_seen = true;
                break;
            }
            if (last_scale >= 100.0 || current >= 100.0) && small(next).is_some() {
                and_seen = true;
                last_was_small = false;
                i += 1;
                continue;
            }
            break;
        } else if let Some(d) = denominator(w).filter(|_| {
            // "two thirds", "twenty-three fifths", "one third": a numerator and a plural
            // denominator (or one and a singular one).
            any && w != "second"
                && (w.ends_with('s') || (current == 1.0 && total == 0.0))
                && (current >= 1.0 || total > 0.0)
                // "one hundred and two thirds" is 100 2/3 (read at "and"); "one hundred
                // and thirty fifths" is 130 fifths.
                && (!and_seen || current % 100.0 >= 10.0)
        }) {
            return Some(WordNumber::fraction(start, t.end, (total + current) / d));
        } else if let Some(v) = ordinal(w).filter(|_| any) {
            // Compound ordinals: "twenty-first", "one hundred twenty fifth", "two hundredth".
            let tens = current % 100.0 >= 20.0 && current % 10.0 == 0.0;
            let value = if v >= 100.0 && v.log10().fract() == 0.0 && (v >= 1e3 || v == 100.0) {
                (total + current.max(1.0)) * v
            } else if (v < 10.0 && tens) || (v < 100.0 && current > 0.0 && current % 100.0 == 0.0) {
                total + current + v
            } else {
                break;
            };
            let first = toks.first()?;
            return Some(WordNumber {
                core: spelled_core(first.start, t.end, value, 0.0, Notation::Words),
                last_scale: 1.0,
                ordinal: true,
            });
        } else if w == "point" && any && i + 1 < toks.len() && small(&words[i + 1]).is_some() {
            // "two hundred point zero three", "one point five", "point seventy-one"
            let mut digits = [0u8; 12];
            let mut nd = 0;
            let mut j = i + 1;
            while j < toks.len() && nd < digits.len() {
                let Some(v) = small(&words[j]) else { break };
                if v < 10.0 {
                    digits[nd] = v as u8;
                    nd += 1;
                } else if nd == 0 && v >= 10.0 {
                    // "point seventy-one" = .71
                    let mut two = v;
                    let mut k = j;
                    if v >= 20.0
                        && words.get(j + 1).is_some_and(|w| w == "-")
                        && let Some(u) = words.get(j + 2).and_then(|w| small(w))
                        && u < 10.0
                    {
                        two += u;
                        k = j + 2;
                    }
                    digits[0] = (two / 10.0) as u8;
                    digits[1] = (two % 10.0) as u8;
                    nd = 2;
                    end = toks[k].end;
                    break;
                } else {
                    break;
                }
                end = toks[j].end;
                j += 1;
            }
            let mut frac = 0.0;
            let mut scale_f = 0.1;
            for d in &digits[..nd] {
                frac += *d as f64 * scale_f;
                scale_f /= 10.0;
            }
            current += frac;
            half_seen = true;
            break;
        } else {
            break;
        }
        prev_was_scale = scale(w).is_some_and(|m| m > 100.0);
        if w == "and" {
            and_seen = true;
        }
        last_was_small = small_value.is_some();
        i += 1;
    }
    if !any {
        return None;
    }
    let value = total + current;
    // The written precision is that of the last word: "eighty-six billion" is good to half
    // a billion, "two hundred fifty" to half a unit.
    let half_unit = if half_seen {
        0.0
    } else if units_after_scale {
        0.5
    } else {
        0.5 * last_scale
    };
    let first = toks.first()?;
    Some(WordNumber {
        core: spelled_core(first.start, end, value, half_unit, Notation::Words),
        last_scale,
        ordinal: false,
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
    fn the_last_word_sets_the_precision() {
        assert_eq!(
            parse_words("two hundred fifty", 0).unwrap().core.half_unit,
            0.5
        );
        assert_eq!(parse_words("two hundred", 0).unwrap().core.half_unit, 50.0);
        assert_eq!(
            parse_words("one million two hundred thousand", 0)
                .unwrap()
                .core
                .half_unit,
            500.0
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
