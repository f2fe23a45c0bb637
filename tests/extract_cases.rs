//! Edge cases of extraction that users hit (issue 3), one test each, through the public
//! `numcheck::extract::extract`.

use numcheck::extract::extract;
use numcheck::model::{Change, NotAClaim, NumberKind, Qualifier, Quantity};

/// The single quantity whose text (span) is `span_text`.
fn find<'a>(text: &str, qs: &'a [Quantity], span_text: &str) -> &'a Quantity {
    qs.iter()
        .find(|q| &text[q.span.start..q.span.end] == span_text)
        .unwrap_or_else(|| {
            let found: Vec<_> = qs.iter().map(|q| &text[q.span.start..q.span.end]).collect();
            panic!("no quantity `{span_text}` in {text:?}; found {found:?}")
        })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn a_unicode_minus_makes_a_negative_number() {
    let text = "The lake froze at −5 °C overnight.";
    let qs = extract(text);
    let q = find(text, &qs, "−5 °C");
    assert_eq!(q.value, -5.0);
    assert_eq!(q.unit.as_deref(), Some("degC"));
}

#[test]
fn superscript_exponents_are_powers_of_ten() {
    let text = "Humans have about 10¹¹ neurons and 10⁻³ of them fire.";
    let qs = extract(text);
    let q = find(text, &qs, "about 10¹¹ neurons");
    assert_eq!(q.value, 1e11);
    let q = find(text, &qs, "10⁻³");
    assert!(close(q.value, 1e-3));
    assert_eq!(q.qualifier, Qualifier::OrderOfMagnitude);
}

#[test]
fn thin_and_narrow_no_break_spaces_separate_digit_groups() {
    let text = "It holds 10\u{2009}000 books and 1\u{202f}500\u{202f}000 pages.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "10\u{2009}000").value, 10_000.0);
    assert_eq!(
        find(text, &qs, "1\u{202f}500\u{202f}000").value,
        1_500_000.0
    );
}

#[test]
fn glued_m_after_money_or_before_a_plural_noun_is_million() {
    let text = "The show drew 1.8m viewers and cost £600m.";
    let qs = extract(text);
    let q = find(text, &qs, "1.8m");
    assert!(close(q.value, 1.8e6));
    assert_eq!(q.unit, None);
    let q = find(text, &qs, "£600m");
    assert_eq!(q.value, 600e6);
    assert_eq!(q.unit.as_deref(), Some("GBP"));
}

// ---- units and currencies (kept together, above the number tests) ----

#[test]
fn country_letters_before_a_spaced_dollar_sign_name_the_currency() {
    let text = "The bank lent hk $ 12 million and later c $ 40.5 million, then us $ 3 billion.";
    let qs = extract(text);
    let q = find(text, &qs, "hk $ 12 million");
    assert_eq!(q.unit.as_deref(), Some("HKD"));
    assert_eq!(q.value, 12e6);
    assert_eq!(
        find(text, &qs, "c $ 40.5 million").unit.as_deref(),
        Some("CAD")
    );
    assert_eq!(
        find(text, &qs, "us $ 3 billion").unit.as_deref(),
        Some("USD")
    );
    // An article before a spaced dollar sign is no Australian dollar.
    let text = "A $9 fee applies.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "$9").unit.as_deref(), Some("USD"));
}

#[test]
fn iso_codes_glued_or_with_a_million_prefix() {
    let text = "Tickets cost GBP45 or EUR 52; the fund raised 12 MUSD and MEUR 3 later.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "GBP45").unit.as_deref(), Some("GBP"));
    assert_eq!(find(text, &qs, "EUR 52").value, 52.0);
    let q = find(text, &qs, "12 MUSD");
    assert_eq!((q.value, q.unit.as_deref()), (12e6, Some("USD")));
    let q = find(text, &qs, "MEUR 3");
    assert_eq!((q.value, q.unit.as_deref()), (3e6, Some("EUR")));
    let text = "They wrote off 40 USD million last year.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "40 USD million").value, 40e6);
}

#[test]
fn transliterated_pound_and_yen_signs_of_news_feeds() {
    let text =
        "The deal was worth PS3.4bn, up from PS12,500, and Y=4,120 a share; the PS4 sold well.";
    let qs = extract(text);
    let q = find(text, &qs, "PS3.4bn");
    assert_eq!((q.value, q.unit.as_deref()), (3.4e9, Some("GBP")));
    assert_eq!(find(text, &qs, "PS12,500").unit.as_deref(), Some("GBP"));
    assert_eq!(find(text, &qs, "Y=4,120").unit.as_deref(), Some("JPY"));
    assert!(qs.iter().all(|q| q.value != 4.0), "PS4 is a console");
    let text = "Let Y=5 and solve.";
    assert_eq!(extract(text)[0].unit, None);
}

#[test]
fn cents_after_an_amount_with_its_currency_written_out() {
    let text = "Lunch came to 12 dollars 80. Parking was eight euros and 20 cents, a toll 3 UAH 4 kopiykas.";
    let qs = extract(text);
    assert!(close(find(text, &qs, "12 dollars 80").value, 12.8));
    assert!(close(
        find(text, &qs, "eight euros and 20 cents").value,
        8.2
    ));
    assert!(close(find(text, &qs, "3 UAH 4 kopiykas").value, 3.04));
    // A number that counts something after it is not the cents.
    let text = "It cost 20 dollars and 30 people came.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "20 dollars").value, 20.0);
}

#[test]
fn millions_of_pounds_without_of_are_sterling() {
    let text = "Profit rose to 52 million pounds while the farm sold 3 million pounds of wheat.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "52 million pounds").unit.as_deref(),
        Some("GBP")
    );
    assert_eq!(
        find(text, &qs, "3 million pounds").unit.as_deref(),
        Some("lb")
    );
}

#[test]
fn a_rate_keeps_its_denominator() {
    let text = "Crude sold at $71.5 per barrel, the mill made 40,000 tonnes a year and the probe moved at 3 km/ms.";
    let qs = extract(text);
    let q = find(text, &qs, "$71.5");
    assert_eq!(q.unit.as_deref(), Some("USD"));
    assert_eq!(q.per_unit.as_deref(), Some("bbl"));
    let q = find(text, &qs, "40,000 tonnes a year");
    assert_eq!(
        (q.unit.as_deref(), q.per_unit.as_deref()),
        (Some("t"), Some("year"))
    );
    let q = find(text, &qs, "3 km/ms");
    assert_eq!(
        (q.unit.as_deref(), q.per_unit.as_deref()),
        (Some("km"), Some("ms"))
    );
    // "a year earlier" dates the amount; "per cent" is a percentage.
    let text = "Sales were $4.2 billion a year earlier and rose 5 per cent.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "$4.2 billion").per_unit, None);
    assert_eq!(find(text, &qs, "5 per cent").per_unit, None);
}

#[test]
fn a_composite_measure_is_one_value_in_its_first_unit() {
    let text = "She is 5 feet 4 inches tall and ran for 2 hours and 15 minutes, then 1 m 60 cm.";
    let qs = extract(text);
    let q = find(text, &qs, "5 feet 4 inches");
    assert_eq!(q.unit_text.as_deref(), Some("feet"));
    assert!(close(q.value, 5.0 + 4.0 / 12.0));
    assert_eq!(q.unit.as_deref(), Some("ft"));
    assert!(close(find(text, &qs, "2 hours and 15 minutes").value, 2.25));
    assert!(close(find(text, &qs, "1 m 60 cm").value, 1.6));
    // Not a composite: unrelated units, a part as large as the unit before, an enumeration.
    let text = "Cut 2 m 3 dm of rope, then 2 km, 1500 m and 3 years, 2 months, and 5 days.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "2 m").value, 2.0);
    assert_eq!(find(text, &qs, "1500 m").value, 1500.0);
    assert_eq!(find(text, &qs, "3 years").value, 3.0);
    assert_eq!(find(text, &qs, "5 days").value, 5.0);
}

#[test]
fn a_greek_letter_after_a_measure_is_no_composite_part() {
    let text = "with η0 = 2 m, ν = 3 m2 and g = 9.81 m";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "2 m").value, 2.0);
    assert_eq!(find(text, &qs, "9.81 m").value, 9.81);
}

#[test]
fn inches_written_in_or_with_a_mark_and_units_in_brackets() {
    let text = "The board is 3 in thick, the screen 27\" wide, and the load 20 (kg).";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "3 in").unit.as_deref(), Some("in"));
    assert_eq!(find(text, &qs, "27\"").unit.as_deref(), Some("in"));
    assert_eq!(find(text, &qs, "20 (kg)").unit.as_deref(), Some("kg"));
    // "in" before a word is the preposition; a quote closing after a number is no inch.
    let text = "He scored 3 in the final and said \"we won 2\" twice.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "3").unit, None);
    assert_eq!(find(text, &qs, "2").unit, None);
}

#[test]
fn enumerators_days_after_abbreviated_months_and_part_codes_are_no_quantities() {
    let text = "The plan 1) cuts costs and 2) adds 40 staff by Oct. 31; part 24703 L-202 ships.";
    let qs = extract(text);
    let values: Vec<f64> = qs.iter().map(|q| q.value).collect();
    assert_eq!(values, vec![40.0]);
}

#[test]
fn decimal_hours_before_pm_are_picometres_not_times() {
    let text = "The lattice spacing is 2.125 pm, measured at 5 pm.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "2.125 pm").unit.as_deref(), Some("pm"));
    assert_eq!(qs.len(), 1);
}

#[test]
fn powers_written_with_a_caret_doses_and_coins() {
    let text = "A plot of 12 km^2, a dose of 14 mGy and 3 dimes.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "12 km^2").unit.as_deref(), Some("km2"));
    assert_eq!(find(text, &qs, "14 mGy").unit.as_deref(), Some("mGy"));
    assert_eq!(find(text, &qs, "3 dimes").unit.as_deref(), Some("dime"));
}

#[test]
fn pence_written_p_after_the_amount_only() {
    let text = "The shares ended at 245.5p, down 12 p; see Fig. 3p and the p 5 row.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "245.5p").unit.as_deref(), Some("pence"));
    assert_eq!(find(text, &qs, "12 p").unit.as_deref(), Some("pence"));
    assert!(
        qs.iter().all(|q| q.value != 3.0 && q.value != 5.0),
        "{qs:?}"
    );
}

#[test]
fn an_age_between_commas_after_a_name() {
    let text = "Ortega, 58, said the plant employs 300 people.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "58").unit.as_deref(), Some("year"));
    assert_eq!(
        find(text, &qs, "300 people").unit.as_deref(),
        Some("people")
    );
}

#[test]
fn a_fraction_of_a_unit_takes_the_unit() {
    let text = "A teaspoon holds 1/6 of a US fluid ounce.";
    let qs = extract(text);
    let q = find(text, &qs, "1/6 of a US fluid ounce");
    assert!(close(q.value, 1.0 / 6.0));
    assert_eq!(q.unit.as_deref(), Some("fl_oz"));
}

#[test]
fn a_hyphenated_compound_names_what_is_counted() {
    let text = "It comes with three-, four- and eight-speaker systems and a 12-member board.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "three").unit_text.as_deref(),
        Some("speaker")
    );
    assert_eq!(
        find(text, &qs, "eight").unit_text.as_deref(),
        Some("speaker")
    );
    assert_eq!(find(text, &qs, "12").unit_text.as_deref(), Some("member"));
}

#[test]
fn look_aheads_stop_inside_multibyte_text_without_panicking() {
    for n in 0..12 {
        let pad = "é".repeat(n);
        for text in [
            format!("with four-, five- {pad}ééééééééééééééééééééééééééééééé"),
            format!("9 billion shekels ({pad}éééééééééééééééééééééééééééééééé) a year"),
            format!("highs of 31c {pad}ééééééééééééééééééééééééééééééééééééééé"),
        ] {
            let _ = extract(&text);
        }
    }
}

#[test]
fn a_rate_after_a_restated_amount_and_temperatures_below_zero() {
    let text =
        "It costs 9 billion rupees ($108 million) a year; nights drop to 12 degrees below zero.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "9 billion rupees").per_unit.as_deref(),
        Some("year")
    );
    let q = find(text, &qs, "12 degrees below zero");
    assert_eq!(q.value, -12.0);
    assert_eq!(q.unit.as_deref(), Some("deg"));
}

#[test]
fn unit_symbols_for_plurals_and_ages() {
    let text = "Add 250mls of water to 2 gals; the patient is a 67 yo man.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "250mls").unit.as_deref(), Some("ml"));
    assert_eq!(find(text, &qs, "2 gals").unit.as_deref(), Some("gal"));
    assert_eq!(find(text, &qs, "67 yo").unit.as_deref(), Some("year"));
}

#[test]
fn imperial_composites_of_any_size_and_a_unit_and_a_half() {
    let text = "The room is 3 yards 5 feet wide; we waited two hours and a half.";
    let qs = extract(text);
    let q = find(text, &qs, "3 yards 5 feet");
    assert!(close(q.value, 3.0 + 5.0 / 3.0));
    assert!(close(find(text, &qs, "two hours and a half").value, 2.5));
    // A metric part as large as the unit before is a list.
    let text = "Routes of 2 km, 1500 m and 300 m.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "2 km").value, 2.0);
}

#[test]
fn lower_case_codes_and_percent_per_annum() {
    let text = "price: rmb 80 usd 12. He lost his pen 7 times.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "rmb 80").unit.as_deref(), Some("CNY"));
    assert_eq!(find(text, &qs, "usd 12").unit.as_deref(), Some("USD"));
    assert_eq!(find(text, &qs, "7 times").unit.as_deref(), Some("times"));
    let text = "The market grew 12% per annum but 3% a year later.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "12% per annum").per_unit.as_deref(),
        Some("year")
    );
    assert_eq!(find(text, &qs, "3%").per_unit, None);
}

#[test]
fn units_with_negative_exponents_are_rates() {
    let text = "A flux of 67 mW m−2 and a velocity of 0.02 cm s-1 at 4 ml/h.";
    let qs = extract(text);
    let q = find(text, &qs, "67 mW m−2");
    assert_eq!(
        (q.unit.as_deref(), q.per_unit.as_deref()),
        (Some("mW"), Some("m2"))
    );
    assert_eq!(q.unit_text.as_deref(), Some("mW m−2"));
    let q = find(text, &qs, "0.02 cm s-1");
    assert_eq!(q.per_unit.as_deref(), Some("s"));
    assert_eq!(find(text, &qs, "4 ml/h").unit_text.as_deref(), Some("ml/h"));
}

#[test]
fn a_hyphenated_currency_name_and_its_rate() {
    let text = "It pays a 15-cent-a-share dividend and sells 10-dollar tickets.";
    let qs = extract(text);
    let q = find(text, &qs, "15-cent");
    assert_eq!(
        (q.unit.as_deref(), q.per_unit.as_deref()),
        (Some("cent"), Some("shares"))
    );
    assert_eq!(find(text, &qs, "10-dollar").unit.as_deref(), Some("USD"));
}

#[test]
fn a_list_of_numbers_shares_the_unit_written_at_its_end() {
    let text = "Doses of 5, 10 and 20 mg were given; 3 and 4 people came.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "5").unit.as_deref(), Some("mg"));
    assert_eq!(find(text, &qs, "10").unit.as_deref(), Some("mg"));
    assert_eq!(find(text, &qs, "3").unit, None);
}

#[test]
fn short_symbols_before_a_word_stay_units() {
    let text = "Subjects drank 75 g glucose and showed 100 ms auditory responses after 24 h rest.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "75 g").unit.as_deref(), Some("g"));
    assert_eq!(find(text, &qs, "100 ms").unit.as_deref(), Some("ms"));
    assert_eq!(find(text, &qs, "24 h").unit.as_deref(), Some("h"));
    let text = "Pour 4 L of water on 2 t of sand.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "4 L").unit.as_deref(), Some("l"));
    assert_eq!(find(text, &qs, "2 t").unit.as_deref(), Some("t"));
}

#[test]
fn the_product_a_mass_or_volume_measures() {
    let text = "Mix 300 grams of flour with 2 cups of the milk and 4 turns of the handle.";
    let qs = extract(text);
    let q = find(text, &qs, "300 grams");
    assert_eq!(
        q.product_span.map(|p| &text[p.start..p.end]),
        Some(" of flour")
    );
    assert_eq!(find(text, &qs, "2 cups").product_span, None);
    assert_eq!(find(text, &qs, "4 turns").unit.as_deref(), Some("turn"));
}

#[test]
fn change_words_phrasal_up_and_ranges_between_levels() {
    let text = "The defence gave up 412 yards. Prices are expected to increase between 2% and 3%. Shares were plummeting 40%.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "412 yards").change, None);
    assert_eq!(find(text, &qs, "between 2% and 3%").change, None);
    assert_eq!(find(text, &qs, "40%").change, Some(Change::Down));
}

#[test]
fn lower_case_c_is_celsius_in_weather_and_cents_otherwise() {
    let text = "The forecast says highs of 31c on Friday.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "31c").unit.as_deref(), Some("degC"));
    let text = "A stamp now costs 85 c at the counter.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "85 c").unit.as_deref(), Some("cent"));
    // A citation year with a letter is no amount.
    let text = "as shown before (Smith 2011c).";
    assert!(
        extract(text)
            .iter()
            .all(|q| q.unit.as_deref() != Some("cent"))
    );
}

#[test]
fn a_comparative_between_the_number_and_its_unit() {
    let text = "They asked for 3 more weeks and 2 extra hours.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "3 more weeks").unit.as_deref(),
        Some("week")
    );
    assert_eq!(find(text, &qs, "2 extra hours").unit.as_deref(), Some("h"));
}

#[test]
fn a_currency_named_before_the_amount() {
    let text = "The fine was rupees 5,000 and the bond Malaysian ringgit 900, while the dollar 2% weaker hurt.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "rupees 5,000").unit.as_deref(), Some("INR"));
    assert_eq!(
        find(text, &qs, "Malaysian ringgit 900").unit.as_deref(),
        Some("MYR")
    );
    assert_eq!(find(text, &qs, "2%").unit.as_deref(), Some("percent"));
}

#[test]
fn spaced_or_glued_m_on_a_measure_is_metres() {
    let text = "The wall is 1.2 m high and the pole is 1.2m tall.";
    let qs = extract(text);
    for span in ["1.2 m", "1.2m"] {
        let q = find(text, &qs, span);
        assert_eq!(q.value, 1.2, "{span}");
        assert_eq!(q.unit.as_deref(), Some("m"), "{span}");
    }
}

#[test]
fn currency_symbols_with_scale_suffixes_and_words() {
    let text = "Sales hit $1.13bn, up from US$4.7 billion, and £600m in Britain.";
    let qs = extract(text);
    let q = find(text, &qs, "$1.13bn");
    assert!(close(q.value, 1.13e9));
    assert_eq!(q.unit.as_deref(), Some("USD"));
    let q = find(text, &qs, "US$4.7 billion");
    assert!(close(q.value, 4.7e9));
    assert_eq!(q.unit.as_deref(), Some("USD"));
    assert_eq!(find(text, &qs, "£600m").unit.as_deref(), Some("GBP"));
}

#[test]
fn a_currency_symbol_followed_by_a_space_still_marks_money() {
    let text = "The deal is worth $ 75 million.";
    let qs = extract(text);
    let q = find(text, &qs, "$ 75 million");
    assert_eq!(q.value, 75e6);
    assert_eq!(q.unit.as_deref(), Some("USD"));
}

#[test]
fn a_hyphenated_percentage_range() {
    let text = "Prices rose 5-10% last year.";
    let qs = extract(text);
    let q = find(text, &qs, "5-10%");
    assert_eq!(q.qualifier, Qualifier::Range);
    assert_eq!((q.interval.low, q.interval.high), (5.0, 10.0));
    assert_eq!(q.unit.as_deref(), Some("percent"));
}

#[test]
fn both_ends_of_three_to_five_million_are_millions() {
    let text = "The city has 3 to 5 million residents.";
    let qs = extract(text);
    let q = find(text, &qs, "3 to 5 million residents");
    assert_eq!(q.qualifier, Qualifier::Range);
    assert_eq!((q.interval.low, q.interval.high), (3e6, 5e6));
}

#[test]
fn one_and_a_half_is_one_number() {
    let text = "It took one and a half hours.";
    let qs = extract(text);
    let q = find(text, &qs, "one and a half hours");
    assert_eq!(q.value, 1.5);
    assert_eq!(q.unit.as_deref(), Some("h"));
}

#[test]
fn a_digit_with_a_fraction_glyph() {
    let text = "Add 2½ cups of flour.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "2½ cups").value, 2.5);
}

#[test]
fn a_couple_of_hundred_is_a_vague_magnitude() {
    let text = "A couple of hundred people came.";
    let qs = extract(text);
    let q = find(text, &qs, "A couple of hundred people");
    assert_eq!(q.qualifier, Qualifier::Vague);
    assert_eq!((q.interval.low, q.interval.high), (200.0, 300.0));
}

#[test]
fn sixfold_twice_and_n_times_are_multipliers_not_counts() {
    let text = "Costs rose sixfold, sales are twice as high, and demand is 3 times higher.";
    let qs = extract(text);
    for (span, v) in [("sixfold", 6.0), ("twice", 2.0), ("3 times", 3.0)] {
        let q = find(text, &qs, span);
        assert_eq!(q.kind, NumberKind::Multiplier, "{span}");
        assert_eq!(q.value, v, "{span}");
        assert_eq!(q.unit, None, "{span}");
    }
}

#[test]
fn n_times_without_a_comparison_counts_occurrences() {
    let text = "The club has won the cup five times, she scored twice as the crowd sang, and \
                he is a three-times champion who trains twice a week. Rovers twice threatened.";
    let qs = extract(text);
    let twice: Vec<_> = qs
        .iter()
        .filter(|q| &text[q.span.start..q.span.end] == "twice")
        .collect();
    assert_eq!(twice.len(), 2, "{qs:?}");
    assert!(
        twice.iter().all(|q| q.kind == NumberKind::Cardinal),
        "{twice:?}"
    );
    for span in ["five times", "twice", "three-times", "twice a week"] {
        let q = find(text, &qs, span);
        assert_eq!(q.kind, NumberKind::Cardinal, "{span}");
        assert_eq!(q.unit.as_deref(), Some("times"), "{span}");
    }
    assert_eq!(
        find(text, &qs, "twice a week").per_unit.as_deref(),
        Some("week")
    );
    // A comparison after it, or "by" before it, makes a multiplier.
    let text = "Rents are twice what they were, prices grew by 4 times, and the hall is three \
                times its old size.";
    let qs = extract(text);
    for span in ["twice", "4 times", "three times"] {
        assert_eq!(find(text, &qs, span).kind, NumberKind::Multiplier, "{span}");
    }
}

#[test]
fn a_fraction_of_times_or_by_before_it_is_a_multiplier() {
    let text = "The share sale was oversubscribed 3.4 times, and the lens can enlarge a page by \
                up to 8 times.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "3.4 times").kind, NumberKind::Multiplier);
    assert_eq!(
        find(text, &qs, "up to 8 times").kind,
        NumberKind::Multiplier
    );
}

#[test]
fn a_glued_m_before_a_currency_word_or_after_money_is_million() {
    let text = "Profit fell to 612m euros, the levy raised 90m rand, and the game cost $12-30m.";
    let qs = extract(text);
    let q = find(text, &qs, "612m euros");
    assert_eq!((q.value, q.unit.as_deref()), (612e6, Some("EUR")));
    assert_eq!(find(text, &qs, "90m rand").unit.as_deref(), Some("ZAR"));
    let q = find(text, &qs, "$12-30m");
    assert_eq!((q.interval.low, q.interval.high), (12e6, 30e6));
    assert_eq!(q.unit.as_deref(), Some("USD"));
}

#[test]
fn inches_glued_to_the_digits_are_read() {
    let text = "It has a 6in screen, and the 12in model costs more.";
    let qs = extract(text);
    for span in ["6in", "12in"] {
        assert_eq!(find(text, &qs, span).unit.as_deref(), Some("in"), "{span}");
    }
    // Feet then glued inches are one height.
    let text = "The 6ft 4in lock played on.";
    let qs = extract(text);
    let q = find(text, &qs, "6ft 4in");
    assert!(close(q.value, 6.0 + 4.0 / 12.0));
}

#[test]
fn a_range_before_times_and_a_comparison_is_a_range_of_multipliers() {
    let text = "Solar is four to five times cheaper than it was, and the new tank holds 2-3 \
                times the water; she has moved two or three times.";
    let qs = extract(text);
    let q = find(text, &qs, "four to five times");
    assert_eq!(
        (q.kind, q.interval.low, q.interval.high),
        (NumberKind::Multiplier, 4.0, 5.0)
    );
    assert_eq!(q.unit, None);
    assert_eq!(find(text, &qs, "2-3 times").kind, NumberKind::Multiplier);
    let q = find(text, &qs, "two or three times");
    assert_eq!(
        (q.kind, q.unit.as_deref()),
        (NumberKind::Cardinal, Some("times"))
    );
}

#[test]
fn a_hyphen_glued_to_to_in_a_range_is_not_a_minus_sign() {
    let text = "The bones are 150,000 to-190,000 years old.";
    let qs = extract(text);
    let q = find(text, &qs, "150,000 to-190,000 years old");
    assert_eq!((q.interval.low, q.interval.high), (150_000.0, 190_000.0));
    assert_eq!(q.unit.as_deref(), Some("year"));
}

#[test]
fn an_x_between_two_numbers_is_a_times_sign_not_a_multiplier() {
    let text = "She swam the 4x50 m medley, the 3x8m hall was full, and the camera has a 5x zoom.";
    let qs = extract(text);
    let q = find(text, &qs, "50 m");
    assert_eq!((q.value, q.unit.as_deref()), (50.0, Some("m")));
    assert_eq!(find(text, &qs, "8m").unit.as_deref(), Some("m"));
    assert_eq!(find(text, &qs, "5x").kind, NumberKind::Multiplier);
    assert!(
        qs.iter()
            .all(|q| q.kind != NumberKind::Multiplier || q.value == 5.0),
        "{qs:?}"
    );
    // A hexadecimal literal is no quantity.
    assert!(extract("Write 0x1F to the register.").is_empty());
    // After a times sign, a glued "m" is the length of each leg, even before a plural.
    let text = "The 4x400m girls won.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "400m").unit.as_deref(), Some("m"));
}

#[test]
fn n_times_a_day_is_a_frequency_not_a_multiplier() {
    let text = "Take it 3 times a day.";
    let qs = extract(text);
    assert!(qs.iter().all(|q| q.kind != NumberKind::Multiplier));
}

#[test]
fn a_year_after_in_is_a_date_not_a_quantity() {
    let text = "The paper came out in 2017 and cites 2017 papers.";
    let qs = extract(text);
    assert_eq!(qs[0].kind, NumberKind::Year);
    assert_eq!(&text[qs[0].span.start..qs[0].span.end], "2017");
    let counted = &qs[1];
    assert_eq!(counted.kind, NumberKind::Cardinal);
    assert_eq!(counted.unit_text.as_deref(), Some("papers"));
}

#[test]
fn numbers_inside_model_and_product_names_are_not_quantities() {
    let text = "GPT-3 ran on a Boeing 747 during COVID-19.";
    let qs = extract(text);
    assert!(qs.is_empty(), "{qs:?}");
}

#[test]
fn a_counted_noun_is_kept_but_stays_outside_the_span() {
    let text = "Chris Wood has scored 22 goals this season.";
    let qs = extract(text);
    let q = find(text, &qs, "22");
    assert_eq!(q.unit, None);
    assert_eq!(q.unit_text.as_deref(), Some("goals"));
}

#[test]
fn rose_to_is_a_level_and_rose_by_is_a_change() {
    let text = "Revenue rose to $7.4 billion. Costs rose by 5%.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "$7.4 billion").change, None);
    assert_eq!(find(text, &qs, "5%").change, Some(Change::Up));
}

#[test]
fn a_leading_dot_decimal() {
    let text = "The error rate fell to .08 percent.";
    let qs = extract(text);
    assert!(close(find(text, &qs, ".08 percent").value, 0.08));
}

#[test]
fn dozens_after_a_number_multiply_it() {
    let text = "She bought 3 dozen eggs and three dozens rolls.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "3 dozen").value, 36.0);
    assert_eq!(find(text, &qs, "three dozens").value, 36.0);
}

#[test]
fn a_spaced_capital_k_after_a_number_is_kelvin() {
    let text = "The sample was cooled to 50 K; the stadium holds 50K fans.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "50 K").unit.as_deref(), Some("K"));
    assert_eq!(find(text, &qs, "50K").value, 50_000.0);
}

#[test]
fn a_unit_joined_by_a_hyphen_to_a_spelled_number() {
    let text = "They went on a six-mile walk.";
    let qs = extract(text);
    let q = find(text, &qs, "six-mile");
    assert_eq!(q.value, 6.0);
    assert_eq!(q.unit.as_deref(), Some("mi"));
}

#[test]
fn compound_ordinals_are_one_ordinal() {
    let text = "It was the twenty-first attempt.";
    let qs = extract(text);
    let q = find(text, &qs, "twenty-first");
    assert_eq!(q.kind, NumberKind::Ordinal);
    assert_eq!(q.value, 21.0);
}

#[test]
fn a_whole_number_and_a_spelled_fraction() {
    let text = "It weighs twenty and three fifths grams.";
    let qs = extract(text);
    assert!(close(
        find(text, &qs, "twenty and three fifths grams").value,
        20.6
    ));
}

#[test]
fn minus_written_as_a_word() {
    let text = "Growth was minus five percent.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "minus five percent").value, -5.0);
}

#[test]
fn a_number_before_a_capitalized_word_is_a_name_but_a_year_stays_a_year() {
    let text = "In 2017 Google flew a 787 Dreamliner to 49 Zorro Ranch Road.";
    let qs = extract(text);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].kind, NumberKind::Year);
    assert_eq!(qs[0].value, 2017.0);
}

#[test]
fn an_iso_currency_code_before_the_amount() {
    let text = "The fee is EUR 20 per night.";
    let qs = extract(text);
    let q = find(text, &qs, "EUR 20");
    assert_eq!(q.unit.as_deref(), Some("EUR"));
}

#[test]
fn dollars_and_cents_are_one_amount() {
    let text = "It cost 20 dollars 43 cents.";
    let qs = extract(text);
    let q = find(text, &qs, "20 dollars 43 cents");
    assert!(close(q.value, 20.43));
    assert_eq!(q.unit.as_deref(), Some("USD"));
}

#[test]
fn counted_nouns_may_be_capitalized_plurals_or_hyphenated() {
    let text = "In total, 1,307,000 Americans applied and 14 first-team players left.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "1,307,000").unit_text.as_deref(),
        Some("Americans")
    );
    assert_eq!(
        find(text, &qs, "14").unit_text.as_deref(),
        Some("first-team players")
    );
}

#[test]
fn an_age_keeps_its_old_or_of_age() {
    let text = "She was five years old; at 6 weeks of age it walked.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "five years old").unit.as_deref(),
        Some("year")
    );
    assert_eq!(
        find(text, &qs, "6 weeks of age").unit.as_deref(),
        Some("week")
    );
}

#[test]
fn a_one_letter_unit_symbol_that_goes_on_as_a_name_is_no_unit() {
    let text = "Ford sold 800,000 F-Series trucks; it was 30 F outside.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "800,000").unit, None);
    assert_eq!(find(text, &qs, "30 F").unit.as_deref(), Some("degF"));
}

#[test]
fn a_sign_after_a_currency_symbol_or_the_word_minus() {
    let text = "The deficit grew to $-50.8bn; the offense gained minus-5 yards.";
    let qs = extract(text);
    let q = find(text, &qs, "$-50.8bn");
    assert!(close(q.value, -50.8e9));
    assert_eq!(q.unit.as_deref(), Some("USD"));
    assert_eq!(find(text, &qs, "minus-5 yards").value, -5.0);
}

#[test]
fn no_more_than_is_an_upper_bound_not_more_than() {
    let text = "Each crate holds no more than 12 bottles, and not less than 6 jars.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "no more than 12").qualifier,
        Qualifier::AtMost
    );
    assert_eq!(
        find(text, &qs, "not less than 6").qualifier,
        Qualifier::AtLeast
    );
}

#[test]
fn two_bounds_of_opposite_sides_make_one_range() {
    let text =
        "Tickets cost more than 10 and less than 40 dollars; at most 8 and at least 2 seats.";
    let qs = extract(text);
    let q = find(text, &qs, "more than 10 and less than 40 dollars");
    assert_eq!(q.qualifier, Qualifier::Range);
    assert_eq!((q.interval.low, q.interval.high), (10.0, 40.0));
    assert!(!q.interval.low_inclusive && !q.interval.high_inclusive);
    let q = find(text, &qs, "at most 8 and at least 2");
    assert_eq!((q.interval.low, q.interval.high), (2.0, 8.0));
    assert!(q.interval.low_inclusive && q.interval.high_inclusive);
}

#[test]
fn comparisons_that_include_the_number() {
    let text = "Scores greater than or equal to 50 pass; scores 20 or less than that fail; \
                marks equal to or below 10 are void; x >= 7 and y <= -3.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "greater than or equal to 50").qualifier,
        Qualifier::AtLeast
    );
    assert_eq!(
        find(text, &qs, "equal to or below 10").qualifier,
        Qualifier::AtMost
    );
    assert_eq!(find(text, &qs, ">= 7").qualifier, Qualifier::AtLeast);
    let q = find(text, &qs, "<= -3");
    assert_eq!((q.qualifier, q.value), (Qualifier::AtMost, -3.0));
}

#[test]
fn a_bound_followed_by_another_number_is_not_taken() {
    // "or less than 60" compares with 60; 45 stays exact.
    let text = "The jar weighs 45 or less than 60 grams.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "45").qualifier, Qualifier::Exact);
}

#[test]
fn a_tilde_between_numbers_is_a_range() {
    let text = "Expect 30~50 guests.";
    let qs = extract(text);
    let q = find(text, &qs, "30~50");
    assert_eq!(q.qualifier, Qualifier::Range);
    assert_eq!((q.interval.low, q.interval.high), (30.0, 50.0));
}

#[test]
fn a_spelled_fraction_after_a_scale_is_a_fraction_of_that_scale() {
    let text = "The city has 4 million and a half; the fund holds two billion \
                and three quarters; the club sold one million and a half thousand tickets.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "4 million and a half").value, 4.5e6);
    assert_eq!(
        find(text, &qs, "two billion and three quarters").value,
        2.75e9
    );
    assert_eq!(
        find(text, &qs, "one million and a half thousand").value,
        1_000_500.0
    );
}

#[test]
fn digits_and_scale_words_compose_one_number() {
    let text = "We printed 7 thousand 2 hundred and 15 leaflets; 5 million and 30 people came.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "7 thousand 2 hundred and 15").value, 7215.0);
    // "and" does not join a bare count to a larger scale.
    assert_eq!(find(text, &qs, "5 million").value, 5e6);
}

#[test]
fn ratios_written_in_words_are_fractions() {
    let text = "One in four voters agreed, 3 out of 10 doctors disagreed and x is 1 over 8.";
    let qs = extract(text);
    assert!(close(find(text, &qs, "One in four").value, 0.25));
    assert!(close(find(text, &qs, "3 out of 10").value, 0.3));
    assert!(close(find(text, &qs, "1 over 8").value, 0.125));
    // A year or a unit after "in" is no denominator.
    let text = "She scored 4 in 2019 and 2 in 15 minutes.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "4").value, 4.0);
    assert_eq!(find(text, &qs, "2").value, 2.0);
}

#[test]
fn spaced_hyphens_join_tens_and_units() {
    let text = "It weighed sixty - three kilos.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "sixty - three kilos").value, 63.0);
}

#[test]
fn dozens_after_hundreds_count_only_the_last_group() {
    let text = "They baked two hundred and three dozen rolls.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "two hundred and three dozen").value, 236.0);
}

#[test]
fn plural_and_indian_scale_words() {
    let text = "Sales hit 12 lakhs, then four billions, then 3 crores and 7 cr.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "12 lakhs").value, 1.2e6);
    assert_eq!(find(text, &qs, "four billions").value, 4e9);
    assert_eq!(find(text, &qs, "3 crores").value, 3e7);
    assert_eq!(find(text, &qs, "7 cr").value, 7e7);
}

#[test]
fn two_close_numbers_joined_by_or_are_a_range() {
    let text = "It takes two or three weeks, and either 40 or 45 mm pipes fit; dial 1 or 9.";
    let qs = extract(text);
    let q = find(text, &qs, "two or three weeks");
    assert_eq!(q.qualifier, Qualifier::Range);
    assert_eq!((q.interval.low, q.interval.high), (2.0, 3.0));
    // "either ... or" names options; far-apart numbers are choices too.
    assert_eq!(find(text, &qs, "40").qualifier, Qualifier::Exact);
    assert_eq!(find(text, &qs, "1").qualifier, Qualifier::Exact);
}

#[test]
fn spelled_ordinals_beyond_twelfth_and_second() {
    let text = "It was the nineteenth attempt; she came second and the fortieth runner fell.";
    let qs = extract(text);
    for (span, v) in [("nineteenth", 19.0), ("second", 2.0), ("fortieth", 40.0)] {
        let q = find(text, &qs, span);
        assert_eq!((q.kind, q.value), (NumberKind::Ordinal, v), "{span}");
    }
    // Time and fractions are no ordinals.
    let text = "Wait a second, it moves 3 metres per second.";
    assert!(extract(text).iter().all(|q| q.kind != NumberKind::Ordinal));
}

#[test]
fn a_share_after_a_hedge_and_fractions_of_a_scale() {
    let text = "More than half of the staff left; a quarter of a million signed; almost half as many came.";
    let qs = extract(text);
    let q = find(text, &qs, "More than half");
    assert_eq!((q.value, q.qualifier), (0.5, Qualifier::MoreThan));
    assert_eq!(find(text, &qs, "a quarter of a million").value, 250_000.0);
    // "half as many" compares; it is no share.
    assert!(
        !qs.iter()
            .any(|q| text[q.span.start..q.span.end].contains("almost half"))
    );
}

#[test]
fn a_number_restated_in_brackets_is_one_quantity() {
    let text = "Reply within ten (10) days or pay 30 (thirty) dollars.";
    let qs = extract(text);
    assert_eq!(qs.len(), 2, "{qs:?}");
    assert_eq!(find(text, &qs, "within ten (10) days").value, 10.0);
}

#[test]
fn more_fraction_glyphs_and_indian_grouping() {
    let text = "Add ⅝ cup; the flat cost ₹12,34,567 last year.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "⅝ cup").value, 0.625);
    assert!(qs.iter().any(|q| q.value == 1_234_567.0), "{qs:?}");
}

#[test]
fn a_whole_number_and_a_fraction_after_and() {
    let text = "The board is three and a fifth metres long.";
    let qs = extract(text);
    assert!(close(
        find(text, &qs, "three and a fifth metres").value,
        3.2
    ));
}

#[test]
fn numbers_in_a_web_address_query_are_skipped() {
    let text = "See https://example.org/find?q=40%25off&page=2 for details.";
    assert!(extract(text).is_empty(), "{:?}", extract(text));
}

#[test]
fn tens_and_a_unit_ordinal_after_a_numerator_are_one_denominator() {
    let text = "Mix two thirty-fifths of the flour with one hundred and forty fifths of sugar.";
    let qs = extract(text);
    assert!(close(
        find(text, &qs, "two thirty-fifths").value,
        2.0 / 35.0
    ));
    assert!(close(
        find(text, &qs, "one hundred and forty fifths").value,
        28.0
    ));
    // Without "and", a whole numerator keeps its scale words.
    let text = "one million three hundred two fifths";
    let qs = extract(text);
    assert!(close(find(text, &qs, text).value, 1_000_302.0 / 5.0));
}

#[test]
fn a_long_spelled_number_is_read_whole() {
    let text = "The count was forty-two million three hundred sixty-five thousand eight hundred ninety-one.";
    let qs = extract(text);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].value, 42_365_891.0);
    assert_eq!(qs[0].qualifier, Qualifier::Exact);
}

#[test]
fn abbreviated_dozens_millions_and_crores() {
    let text = "Order 4 doz eggs for 3mil won; it cost two cr fifty lac rupees.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "4 doz").value, 48.0);
    assert_eq!(find(text, &qs, "3mil").value, 3e6);
    assert!(qs.iter().any(|q| q.value == 2.5e7), "{qs:?}");
}

#[test]
fn an_explicit_equality_is_exact_and_part_of_the_claim() {
    let text = "The fee is equal to 45 dollars and the total equals 90.";
    let qs = extract(text);
    let q = find(text, &qs, "equal to 45 dollars");
    assert_eq!((q.qualifier, q.value), (Qualifier::Exact, 45.0));
    assert_eq!(q.hedge.as_deref(), Some("equal to"));
    assert_eq!(find(text, &qs, "equals 90").qualifier, Qualifier::Exact);
}

#[test]
fn slanted_comparison_signs_and_a_glued_times_sign() {
    let text = "Plants ⩽40 cm were cut; the drag is ~4× that of the wing; a 3×3 grid.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "⩽40 cm").qualifier, Qualifier::AtMost);
    let q = find(text, &qs, "~4×");
    assert_eq!((q.kind, q.value), (NumberKind::Multiplier, 4.0));
    // "3×3" is a size, not a multiplier.
    assert!(
        qs.iter()
            .all(|q| !(q.kind == NumberKind::Multiplier && q.value == 3.0))
    );
}

#[test]
fn a_scale_word_joined_by_a_hyphen() {
    let text = "Three-hundred volunteers came.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "Three-hundred").value, 300.0);
}

#[test]
fn an_approximate_range_keeps_its_hedge() {
    let text = "Grains are about 2–7 mm wide.";
    let qs = extract(text);
    let q = find(text, &qs, "about 2–7 mm");
    assert_eq!(q.qualifier, Qualifier::Range);
    assert_eq!(q.hedge.as_deref(), Some("about"));
    assert_eq!((q.interval.low, q.interval.high), (2.0, 7.0));
}

#[test]
fn a_dash_between_words_and_digits_or_before_a_month_is_no_range() {
    let text = "Roughly two thirds - 61% - agreed; talks resume on 21 or 22 June.";
    let qs = extract(text);
    assert!(qs.iter().all(|q| q.qualifier != Qualifier::Range), "{qs:?}");
    assert!(qs.iter().any(|q| q.value == 61.0));
}

#[test]
fn half_or_a_quarter_of_one_unit() {
    let text = "Rates rose half a percent in half an hour; the walk is a third of a mile.";
    let qs = extract(text);
    let q = find(text, &qs, "half a percent");
    assert_eq!((q.value, q.unit.as_deref()), (0.5, Some("percent")));
    let q = find(text, &qs, "half an hour");
    assert_eq!((q.value, q.unit.as_deref()), (0.5, Some("h")));
    let q = find(text, &qs, "a third of a mile");
    assert!(close(q.value, 1.0 / 3.0));
    assert_eq!(q.unit.as_deref(), Some("mi"));
}

#[test]
fn a_hyphenated_percentage_point() {
    let text = "It was a 2 percentage-point rise.";
    let qs = extract(text);
    let q = find(text, &qs, "2 percentage-point");
    assert_eq!(q.unit.as_deref(), Some("percentage_point"));
}

#[test]
fn both_ends_of_a_money_range_take_the_scale() {
    let text = "The deal is worth $40 to $55 billion.";
    let qs = extract(text);
    let q = find(text, &qs, "$40 to $55 billion");
    assert_eq!((q.interval.low, q.interval.high), (40e9, 55e9));
}

#[test]
fn sub_before_a_number_is_an_upper_bound() {
    let text = "Foundries now make sub-5 nanometre chips.";
    let qs = extract(text);
    let q = find(text, &qs, "sub-5 nanometre");
    assert_eq!((q.qualifier, q.value), (Qualifier::LessThan, 5.0));
}

#[test]
fn a_bound_after_an_approximate_number_is_the_claim() {
    let text = "We expect about 40 or more guests. How about 12 chairs?";
    let qs = extract(text);
    let q = find(text, &qs, "about 40 or more");
    assert_eq!(q.qualifier, Qualifier::AtLeast);
    assert_eq!(q.hedge.as_deref(), Some("about"));
    // "how about" suggests; it does not approximate.
    assert_eq!(find(text, &qs, "12").qualifier, Qualifier::Exact);
}

#[test]
fn a_bare_scale_word_before_and_opens_a_number() {
    let text = "It cost hundred and five pounds, then one hundred five hundred times.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "hundred and five pounds").value, 105.0);
    // A scale word left over after a whole spelled number does not multiply it.
    assert!(qs.iter().all(|q| q.value != 10_500.0), "{qs:?}");
    let text = "two point five million";
    assert_eq!(extract(text)[0].value, 2.5e6);
}

#[test]
fn a_typeset_dash_glued_inside_a_spelled_number() {
    let text = "It was the thirty–second entry, and two–four people came.";
    let qs = extract(text);
    let q = find(text, &qs, "thirty–second");
    assert_eq!((q.kind, q.value), (NumberKind::Ordinal, 32.0));
    // A rising pair stays a range.
    assert_eq!(
        find(text, &qs, "two–four people").qualifier,
        Qualifier::Range
    );
}

#[test]
fn a_web_address_after_a_no_break_space_does_not_panic() {
    let text = "see\u{a0}https://example.org/?q=5%25 today";
    assert!(extract(text).is_empty());
}

#[test]
fn an_article_or_half_before_a_unit_word_is_one_or_a_half_of_it() {
    let text = "The kettle boiled in half a minute, we poured half a litre into each mug, \
                rested for half an hour and then walked a kilometre.";
    let qs = extract(text);
    let q = find(text, &qs, "half a minute");
    assert_eq!(q.value, 0.5);
    assert_eq!(q.unit.as_deref(), Some("min"));
    let q = find(text, &qs, "half a litre");
    assert_eq!(q.value, 0.5);
    assert_eq!(q.unit.as_deref(), Some("l"));
    let q = find(text, &qs, "half an hour");
    assert_eq!(q.value, 0.5);
    assert_eq!(q.unit.as_deref(), Some("h"));
    let q = find(text, &qs, "a kilometre");
    assert_eq!(q.value, 1.0);
    assert_eq!(q.unit.as_deref(), Some("km"));
}

#[test]
fn an_article_before_a_counted_noun_ordinal_or_calendar_word_is_no_quantity() {
    // "a year", "a day": in news a period of time named without a fraction is no claim.
    let text = "A man waited a second time at an inn with a dog, a year ago on a day off.";
    assert!(extract(text).is_empty(), "{:?}", extract(text));
}

#[test]
fn an_article_after_a_price_is_the_rate_not_one_unit() {
    let text = "Crude sold at $70 a barrel and silver at 25 dollars an ounce.";
    let qs = extract(text);
    assert_eq!(qs.len(), 2, "{qs:?}");
    assert_eq!(find(text, &qs, "$70").per_unit.as_deref(), Some("bbl"));
}

// ---- moves, levels and restatements (NewsQuant accuracy, issue 3) ----

#[test]
fn a_move_and_a_new_level_with_their_own_units_are_two_quantities() {
    let text = "Revenue increased by $2.5 million to $40 million, and margins rose 2% to 15%.";
    let qs = extract(text);
    let q = find(text, &qs, "$2.5 million");
    assert_eq!(q.qualifier, Qualifier::Exact);
    assert_eq!(q.change, Some(Change::Up));
    let q = find(text, &qs, "$40 million");
    assert_eq!(q.value, 40e6);
    assert_eq!(q.change, None);
    assert_eq!(find(text, &qs, "2%").change, Some(Change::Up));
    assert_eq!(find(text, &qs, "15%").change, None);
}

#[test]
fn a_move_written_as_a_range_stays_a_range() {
    let text = "Output fell by 1 to 1.5 percent and prices rose 3 to 4%.";
    let qs = extract(text);
    let q = find(text, &qs, "1 to 1.5 percent");
    assert_eq!(q.qualifier, Qualifier::Range);
    assert_eq!(q.change, Some(Change::Down));
    assert_eq!(find(text, &qs, "3 to 4%").qualifier, Qualifier::Range);
}

#[test]
fn the_old_level_after_from_and_a_level_after_to_just_are_no_moves() {
    let text = "Sales were down from $12 million, and the speed drops to just 40 mph.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "$12 million").change, None);
    assert_eq!(find(text, &qs, "40 mph").change, None);
}

#[test]
fn a_conversion_in_parentheses_takes_the_bound_and_the_move_it_restates() {
    let text = "The engine makes just under 200 hp (149 kW / 203 PS), and the lake \
                temperature fell by 2 to 3 degrees Celsius (3.6 to 5.4 Fahrenheit).";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "149 kW").qualifier, Qualifier::LessThan);
    assert_eq!(find(text, &qs, "203 PS").qualifier, Qualifier::LessThan);
    let q = find(text, &qs, "3.6 to 5.4 Fahrenheit");
    assert_eq!(q.change, Some(Change::Down));
    assert_eq!(q.qualifier, Qualifier::Range);
}

#[test]
fn a_parenthesis_with_another_kind_of_quantity_restates_nothing() {
    let text = "The index gained about 3% (120 points).";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "120 points").qualifier, Qualifier::Exact);
}

#[test]
fn from_an_amount_through_a_few_words_to_another_is_one_range() {
    let text = "Fuel economy improved from 31 miles per gallon in 2012 to 38 mpg in 2021, and \
                the coin slid from $410 at 9.30pm yesterday to $380 at 6am.";
    let qs = extract(text);
    let q = find(text, &qs, "from 31 miles per gallon in 2012 to 38 mpg");
    assert_eq!(q.qualifier, Qualifier::Range);
    assert_eq!((q.interval.low, q.interval.high), (31.0, 38.0));
    let q = find(text, &qs, "from $410 at 9.30pm yesterday to $380");
    assert_eq!((q.interval.low, q.interval.high), (380.0, 410.0));
    assert_eq!(q.unit.as_deref(), Some("USD"));
}

#[test]
fn from_an_amount_for_one_thing_to_another_for_another_is_two_quantities() {
    let text = "The gap grew from 0.3 nm for the first film to 1.2 nm for the second.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "0.3 nm").qualifier, Qualifier::Exact);
    assert_eq!(find(text, &qs, "1.2 nm").qualifier, Qualifier::Exact);
}

// ---- numbers that are not quantities ----

#[test]
fn names_addresses_times_and_compounds_are_no_quantities() {
    let text = "She spoke to BBC One. A third-party audit of 12-14 Harbour Road ended at \
                10.45pm, and nobody uses the same one twice.";
    let qs = extract(text);
    let spans: Vec<_> = qs.iter().map(|q| &text[q.span.start..q.span.end]).collect();
    assert_eq!(spans, vec!["twice"], "{qs:?}");
}

#[test]
fn a_prime_before_s_is_an_apostrophe_not_feet() {
    let text = "The fund lost 12% during 2022′s slump.";
    let qs = extract(text);
    assert!(qs.iter().all(|q| q.unit.as_deref() != Some("ft")), "{qs:?}");
}

#[test]
fn two_close_modern_years_after_between_are_a_span_of_time() {
    let text = "Samples taken between 2014 and 2017 came back clean; between 1500 and 2000 \
                people came.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "between 2014 and 2017").kind,
        NumberKind::Year
    );
    assert_eq!(
        find(text, &qs, "between 1500 and 2000 people").kind,
        NumberKind::Cardinal
    );
}

#[test]
fn a_share_of_a_whole_names_the_whole() {
    let text = "A third of the city population lives near the coast.";
    let qs = extract(text);
    let q = find(text, &qs, "A third");
    assert!(close(q.value, 1.0 / 3.0));
    assert_eq!(q.unit_text.as_deref(), Some("city population"));
}

#[test]
fn an_article_unit_completed_by_a_half_or_a_smaller_unit_is_one_measure() {
    let text = "The flight took an hour and a half, the walk a minute and 30 seconds.";
    let qs = extract(text);
    let q = find(text, &qs, "an hour and a half");
    assert_eq!((q.value, q.unit.as_deref()), (1.5, Some("h")));
    let q = find(text, &qs, "a minute and 30 seconds");
    assert_eq!((q.value, q.unit.as_deref()), (1.5, Some("min")));
    // A rate's "a" stays a rate.
    let text = "Train twice a week and 20 minutes a day.";
    let qs = extract(text);
    assert!(qs.iter().all(|q| q.unit.as_deref() != Some("week")));
}

#[test]
fn a_whole_number_and_a_spelled_fraction_of_a_unit() {
    let text = "She ran for 3 and a half hours, then one and half hours, then one and three quarter hours.";
    let qs = extract(text);
    let q = find(text, &qs, "3 and a half hours");
    assert_eq!((q.value, q.unit.as_deref()), (3.5, Some("h")));
    assert_eq!(find(text, &qs, "one and half hours").value, 1.5);
    assert_eq!(find(text, &qs, "one and three quarter hours").value, 1.75);
    let text = "It lasted one and three quarters of an hour.";
    let qs = extract(text);
    let q = find(text, &qs, "one and three quarters of an hour");
    assert_eq!((q.value, q.unit.as_deref()), (1.75, Some("h")));
    // "one and half of them" is no mixed number.
    let text = "We met one and half of them left.";
    assert!(extract(text).iter().all(|q| q.value != 1.5));
}

#[test]
fn a_hedge_after_from_stays_in_the_range() {
    let text = "The price rose from about $350 per kg to $680 per kg.";
    let qs = extract(text);
    let q = qs
        .iter()
        .find(|q| q.qualifier == Qualifier::Range)
        .expect("a range");
    assert_eq!((q.interval.low, q.interval.high), (350.0, 680.0));
    assert_eq!(q.hedge.as_deref(), Some("about"));
}

#[test]
fn exactly_and_precisely_are_part_of_an_exact_claim() {
    let text = "It cost exactly 42 dollars.";
    let qs = extract(text);
    let q = find(text, &qs, "exactly 42 dollars");
    assert_eq!(q.qualifier, Qualifier::Exact);
}

#[test]
fn a_fraction_hyphenated_to_a_unit_and_generic_currencies() {
    let text = "The half-year results and a quarter-point rise were due.";
    assert!(
        extract(text)
            .iter()
            .all(|q| q.unit.as_deref() != Some("year"))
    );
    let text = "The euro fell almost a cent and a half.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "almost a cent and a half").value, 1.5);
    let text = "Half-litre bottles cost 10 dinars or twenty ringgit 43 sens.";
    let qs = extract(text);
    let q = find(text, &qs, "Half-litre");
    assert_eq!((q.value, q.unit.as_deref()), (0.5, Some("l")));
    assert_eq!(find(text, &qs, "10 dinars").unit.as_deref(), Some("dinar"));
    let q = find(text, &qs, "twenty ringgit 43 sens");
    assert!(close(q.value, 20.43));
}

#[test]
fn an_ordinal_before_of_a_unit_is_a_fraction_of_it() {
    let text = "He won by a tenth of a second; the tank lost the fourth of a gallon.";
    let qs = extract(text);
    let q = find(text, &qs, "a tenth of a second");
    assert_eq!((q.value, q.unit.as_deref()), (0.1, Some("s")));
    let q = find(text, &qs, "fourth of a gallon");
    assert_eq!((q.value, q.unit.as_deref()), (0.25, Some("gal")));
    // Not before a word that is no unit.
    let text = "We met on the fourth of July.";
    assert!(extract(text).iter().all(|q| q.kind == NumberKind::Ordinal));
}

#[test]
fn a_fraction_over_a_power_of_ten_and_money_with_its_cents() {
    let text = "The shutter took 1/1000 of a second and the fee was a dollar and 42 cents.";
    let qs = extract(text);
    let q = find(text, &qs, "1/1000 of a second");
    assert!(close(q.value, 0.001));
    let q = find(text, &qs, "a dollar and 42 cents");
    assert!(close(q.value, 1.42));
    assert_eq!(q.unit.as_deref(), Some("USD"));
}

#[test]
fn an_abbreviation_dot_before_a_new_sentence_is_the_full_stop() {
    let text = "The bag weighs 5 lb. The box weighs 2 lb. of paper.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "5 lb").unit_text.as_deref(), Some("lb"));
    assert_eq!(find(text, &qs, "2 lb.").unit_text.as_deref(), Some("lb."));
}

#[test]
fn seconds_to_the_minus_one_are_a_frequency() {
    let text = "The decay rate is 0.5 s−1 and the wind 3 m s-1.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "0.5 s−1").unit.as_deref(), Some("Hz"));
    assert_eq!(find(text, &qs, "3 m s-1").unit.as_deref(), Some("m_per_s"));
}

#[test]
fn an_article_before_a_two_letter_measure_symbol_and_dotted_kg() {
    let text = "Add a kg of flour, an ml of oil and 1 k.g. of sugar.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "a kg").unit.as_deref(), Some("kg"));
    assert_eq!(find(text, &qs, "an ml").value, 1.0);
    let q = find(text, &qs, "1 k.g.");
    assert_eq!((q.value, q.unit.as_deref()), (1.0, Some("kg")));
}

#[test]
fn a_range_announced_by_between_takes_words_and_a_hedged_far_end() {
    let text = "Seeds are between 5 and six millimetres long and weigh between 2 g and about 7 g.";
    let qs = extract(text);
    let q = find(text, &qs, "between 5 and six millimetres");
    assert_eq!(q.qualifier, Qualifier::Range);
    assert_eq!((q.interval.low, q.interval.high), (5.0, 6.0));
    let q = find(text, &qs, "between 2 g and about 7 g");
    assert_eq!((q.interval.low, q.interval.high), (2.0, 7.0));
    // Without "between", a hedged second number is its own claim.
    let text = "Yields rose from 50% to around 80%.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "around 80%").qualifier, Qualifier::Approx);
}

#[test]
fn a_year_before_review_is_a_calendar_year() {
    let text = "Read our Roadster 2021 review before buying.";
    let qs = extract(text);
    assert!(qs.iter().all(|q| q.kind != NumberKind::Cardinal), "{qs:?}");
}

#[test]
fn aged_and_the_age_of_give_years_of_age() {
    let text = "Workers aged 40 to 60 and anyone over the age of 18 can apply.";
    let qs = extract(text);
    let q = find(text, &qs, "40 to 60");
    assert_eq!(q.qualifier, Qualifier::Range);
    assert_eq!(q.unit.as_deref(), Some("year"));
    assert_eq!(find(text, &qs, "18").unit.as_deref(), Some("year"));
}

#[test]
fn a_number_after_an_article_is_no_move_of_the_verb_before() {
    let text = "He added a 40 foot putt, and the shares rose a further 3%.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "40 foot").change, None);
    assert_eq!(find(text, &qs, "3%").change, Some(Change::Up));
}

#[test]
fn a_level_after_from_the_is_no_move() {
    let text = "Profit was down from the $12 million it made a year ago.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "$12 million").change, None);
}

#[test]
fn by_with_an_elided_verb_repeats_the_move_before() {
    let text = "Exports were down 4%, imports by 2.5% and tariffs stayed at 10%.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "4%").change, Some(Change::Down));
    assert_eq!(find(text, &qs, "2.5%").change, Some(Change::Down));
    assert_eq!(find(text, &qs, "10%").change, None);
}

#[test]
fn wins_above_replacement_is_a_unit() {
    let text = "The shortstop was worth 4.2 WAR last season.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "4.2 WAR").unit.as_deref(), Some("war"));
}

#[test]
fn exit_and_junction_numbers_are_names() {
    let text = "Leave the motorway at exit 12 or junction 4.";
    assert!(extract(text).is_empty(), "{:?}", extract(text));
}

#[test]
fn a_year_before_sales_or_earnings_is_a_calendar_year() {
    let text = "The firm reported 2019 sales of $4 million and 2020 earnings of $1 million.";
    let qs = extract(text);
    assert!(
        qs.iter()
            .filter(|q| q.value == 2019.0 || q.value == 2020.0)
            .all(|q| q.kind == NumberKind::Year),
        "{qs:?}"
    );
}

#[test]
fn one_before_a_unit_is_a_number_even_after_a_determiner() {
    let text = "Nobody walks that one mile, and the one we saw was gone.";
    let qs = extract(text);
    let q = find(text, &qs, "one mile");
    assert_eq!((q.value, q.unit.as_deref()), (1.0, Some("mi")));
    assert_eq!(qs.len(), 1, "{qs:?}");
}

#[test]
fn a_part_of_a_named_whole_counts_its_things() {
    let text = "They launched four of the two-ton probes and sold 4.3M red and blue shirts.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "four").unit_text.as_deref(),
        Some("two-ton probes")
    );
    assert_eq!(
        find(text, &qs, "4.3M").unit_text.as_deref(),
        Some("red and blue shirts")
    );
}

#[test]
fn a_currency_name_after_a_hyphen_is_money() {
    let text = "The city dropped its one-yen bid and printed a five-dollar note.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "one-yen").unit.as_deref(), Some("JPY"));
    assert_eq!(find(text, &qs, "five-dollar").unit.as_deref(), Some("USD"));
}

#[test]
fn a_part_of_a_sum_of_money_is_in_its_currency() {
    let text = "The club has raised 40 million of the 90 million euros it needs.";
    let qs = extract(text);
    let q = find(text, &qs, "40 million");
    assert_eq!((q.value, q.unit.as_deref()), (40e6, Some("EUR")));
}

#[test]
fn a_number_after_the_word_age_is_an_age_in_years() {
    let text = "She retired at age 67, and the course suits age 5 to 10.";
    let qs = extract(text);
    let q = find(text, &qs, "age 67");
    assert_eq!((q.value, q.unit.as_deref()), (67.0, Some("year")));
    let q = find(text, &qs, "age 5 to 10");
    assert_eq!(
        (q.qualifier, q.unit.as_deref()),
        (Qualifier::Range, Some("year"))
    );
    // A unit written after the number wins.
    let text = "Infants of age 18 months were tested.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "18 months").unit.as_deref(), Some("month"));
}

#[test]
fn a_suspended_hyphen_joins_a_range_of_one_unit() {
    let text = "They plan a 3- to 5-year study of an 8- to 16-metre telescope.";
    let qs = extract(text);
    let q = find(text, &qs, "3- to 5-year");
    assert_eq!((q.interval.low, q.interval.high), (3.0, 5.0));
    assert_eq!(q.unit.as_deref(), Some("year"));
    let q = find(text, &qs, "8- to 16-metre");
    assert_eq!(
        (q.qualifier, q.unit.as_deref()),
        (Qualifier::Range, Some("m"))
    );
}

#[test]
fn a_signed_far_end_after_to_stays_in_the_range() {
    let text = "Nights ranged from -18 °C to -34 °C.";
    let qs = extract(text);
    let q = find(text, &qs, "from -18 °C to -34 °C");
    assert_eq!((q.interval.low, q.interval.high), (-34.0, -18.0));
}

#[test]
fn a_season_written_with_two_digits_is_one_span_of_years() {
    let text = "Sales fell in the 2013-14 season.";
    let qs = extract(text);
    assert_eq!(qs.len(), 1);
    let q = find(text, &qs, "2013-14");
    assert_eq!(q.kind, NumberKind::Year);
    assert_eq!((q.interval.low, q.interval.high), (2013.0, 2014.0));
}

#[test]
fn a_value_with_its_uncertainty_is_one_approximate_claim() {
    let text = "The shell was 5.2 ± 0.3 mm thick and weighed 12 +/- 2 g.";
    let qs = extract(text);
    let q = find(text, &qs, "5.2 ± 0.3 mm");
    assert_eq!(q.qualifier, Qualifier::Approx);
    assert_eq!(q.unit.as_deref(), Some("mm"));
    assert!(close(q.interval.low, 4.9) && close(q.interval.high, 5.5));
    let q = find(text, &qs, "12 +/- 2 g");
    assert_eq!((q.interval.low, q.interval.high), (10.0, 14.0));
}

#[test]
fn citation_years_and_figure_panels_are_no_quantities() {
    let text = "As reported (Smith et al., 2010b; see Fig. 10B), the pre-OAE 2 interval is short.";
    assert!(extract(text).is_empty(), "{:?}", extract(text));
    // A glued unit after a year-like number is still read.
    let text = "She won the 2000m race.";
    assert_eq!(extract(text)[0].unit.as_deref(), Some("m"));
}

#[test]
fn a_capitalized_number_word_after_a_capitalized_word_is_part_of_a_name() {
    // Found on real news: "after World War Two" was read as a count of 2 (and linked
    // to the number of US states in the same sentence).
    let text = "Plans rebuilt Europe after World War Two in a decade. Apollo Eleven landed \
                safely.\nCrash Report\nThree people were hurt, and Two of them left.";
    let qs = extract(text);
    let spans: Vec<_> = qs.iter().map(|q| &text[q.span.start..q.span.end]).collect();
    // A number word that opens a line stays a number, and so does one after a
    // lowercase word.
    assert_eq!(spans, vec!["Three people", "Two"], "{qs:?}");
}

#[test]
fn degrees_without_a_scale_are_a_temperature_only_in_a_sentence_about_one() {
    let text = "The thermostat was set to 21.5 degrees. Tilt the panel 30 degrees. \
                It reached 40° in the shade on the hottest day. The hotel sign leaned 15°.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "21.5 degrees").unit.as_deref(),
        Some("deg_temp")
    );
    assert_eq!(find(text, &qs, "30 degrees").unit.as_deref(), Some("deg"));
    assert_eq!(find(text, &qs, "40°").unit.as_deref(), Some("deg_temp"));
    // "hotel" is no "hot": whole words only for the short ones.
    assert_eq!(find(text, &qs, "15°").unit.as_deref(), Some("deg"));
}

#[test]
fn egyptian_pounds_by_their_abbreviations_and_arabic_name() {
    let text = "A kilo of rice costs 42 L.E in Cairo, up from 30 l.e. and 25 geneh.";
    let qs = extract(text);
    for span in ["42 L.E", "30 l.e.", "25 geneh"] {
        assert_eq!(find(text, &qs, span).unit.as_deref(), Some("EGP"), "{span}");
    }
}

#[test]
fn accelerations_and_integrated_luminosities_are_units() {
    let text = "A dropped ball gains 9.8 m/s2 (9.81 m s−2 at the poles, 32 feet per second \
                squared); the collider delivered 5 fb−1 after 40 pb-1 last year.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "9.8 m/s2").unit.as_deref(),
        Some("m_per_s2")
    );
    assert_eq!(
        find(text, &qs, "9.81 m s−2").unit.as_deref(),
        Some("m_per_s2")
    );
    assert_eq!(
        find(text, &qs, "32 feet per second squared")
            .unit
            .as_deref(),
        Some("ft_per_s2")
    );
    assert_eq!(find(text, &qs, "5 fb−1").unit.as_deref(), Some("inv_fb"));
    assert_eq!(find(text, &qs, "40 pb-1").unit.as_deref(), Some("inv_pb"));
}

#[test]
fn a_binary_power_after_a_times_sign_and_a_plus_inside_a_catalogue_name() {
    let text = "The buffer holds 4x2^10 bytes. The lens cluster MACS J0416.1+2403 sits 4.3 \
                billion light years away; mobility was 3.4+0.1 cm2/Vs.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "4x2^10 bytes").value, 4096.0);
    let spans: Vec<_> = qs.iter().map(|q| &text[q.span.start..q.span.end]).collect();
    assert!(!spans.iter().any(|s| s.contains("2403")), "{spans:?}");
    // Digits before the plus: a value and its uncertainty, not a name.
    assert!(spans.iter().any(|s| s.starts_with("3.4")), "{spans:?}");
}

#[test]
fn an_article_before_a_data_size_is_one_of_it_but_a_bit_is_not() {
    let text = "Each record fits in a kilobyte. Wait a bit, then send a gigabyte.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "a kilobyte").unit.as_deref(), Some("kB"));
    assert_eq!(find(text, &qs, "a gigabyte").value, 1.0);
    let spans: Vec<_> = qs.iter().map(|q| &text[q.span.start..q.span.end]).collect();
    assert!(!spans.contains(&"a bit"), "{spans:?}");
}

#[test]
fn an_article_after_the_end_of_a_sentence_with_a_quantity_still_counts_one_unit() {
    // The "a" of a rate ("$60 a barrel") must follow its amount in the same clause.
    let text = "The file is 1,024 bytes. A megabyte is bigger.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "A megabyte").unit.as_deref(), Some("MB"));
}

#[test]
fn pounds_after_a_word_of_paying_are_sterling_and_otherwise_weight() {
    let text = "A loaf costs a pound and she paid 30 pounds for the lot; the sack weighs \
                12 pounds and he sold it for 40 pounds of rice.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "a pound").unit.as_deref(), Some("GBP"));
    assert_eq!(find(text, &qs, "30 pounds").unit.as_deref(), Some("GBP"));
    assert_eq!(find(text, &qs, "12 pounds").unit.as_deref(), Some("lb"));
    // "pounds of" names what is weighed.
    assert_eq!(find(text, &qs, "40 pounds").unit.as_deref(), Some("lb"));
}

#[test]
fn n_times_a_period_is_a_frequency_with_its_rate() {
    let text = "Take it 3 times a day, the trial ran four times per week, and the dose was \
                five times the usual one.";
    let qs = extract(text);
    let day = find(text, &qs, "3 times a day");
    assert_eq!(day.kind, NumberKind::Cardinal);
    assert_eq!(day.unit.as_deref(), Some("times"));
    assert_eq!(day.per_unit.as_deref(), Some("day"));
    assert_eq!(
        find(text, &qs, "four times per week").per_unit.as_deref(),
        Some("week")
    );
    // Without a period it stays a multiplier.
    assert_eq!(find(text, &qs, "five times").kind, NumberKind::Multiplier);
}

#[test]
fn money_alone_in_brackets_after_a_copula_is_negative_as_in_accounts() {
    let text = "Net income was ($4.2m) and the tax charge: (£300). It cost €85 ($99.99).";
    let qs = extract(text);
    let income = find(text, &qs, "($4.2m)");
    assert!(close(income.value, -4.2e6), "{income:?}");
    assert!(income.interval.high < 0.0);
    assert!(close(find(text, &qs, "(£300)").value, -300.0));
    // A bracket after another amount restates it.
    assert!(close(find(text, &qs, "$99.99").value, 99.99));
}

#[test]
fn an_article_before_a_penny_or_a_cent_is_one_coin_but_not_before_a_dollar() {
    let text = "Not a penny more, not a cent less; she runs a dollar store.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "a penny").unit.as_deref(), Some("pence"));
    assert_eq!(find(text, &qs, "a cent").unit.as_deref(), Some("cent"));
    let spans: Vec<_> = qs.iter().map(|q| &text[q.span.start..q.span.end]).collect();
    assert!(!spans.iter().any(|s| s.contains("dollar")), "{spans:?}");
}

/// The text of every quantity found in `text`.
fn spans(text: &str) -> Vec<&str> {
    extract(text)
        .iter()
        .map(|q| &text[q.span.start..q.span.end])
        .collect::<Vec<_>>()
}

#[test]
fn small_numbers_listed_after_a_plural_noun_are_labels() {
    let text = "The survey ran in rounds 2, 4, and 6; wards 10 and 12 were closed. \
                On axis 1 the older cores plot high, and column 3 lists their depths.";
    assert!(spans(text).is_empty(), "{:?}", spans(text));
    // A unit or a counted noun after the list makes them measures.
    let text = "Wells reached depths 100, 500 and 900 m; the children, ages 5 and 7 years, \
                scored 4 and 6 points.";
    let found = spans(text);
    assert!(found.contains(&"900 m"), "{found:?}");
    assert!(found.contains(&"7 years"), "{found:?}");
    assert!(found.contains(&"4"), "{found:?}");
}

#[test]
fn one_as_a_generic_pronoun_is_no_count() {
    let text = "If one would rather wait, one can. Of the pumps, the larger one is newer. \
                Smith, for one, agreed.";
    assert!(spans(text).is_empty(), "{:?}", spans(text));
    // A count stays a count.
    let text = "Just one pump failed; the estimated one in five adults.";
    let found = spans(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[1].ends_with("one in five"), "{found:?}");
}

#[test]
fn dimensions_correspondences_and_function_arguments_count_nothing() {
    let text = "A one-dimensional chain in a 3-D grid, a one-to-one map and one-on-one talks. \
                The test gave F(2, 40) = 5.1 for poly(3-hexylthiophene).";
    assert_eq!(spans(text), vec!["5.1"]);
}

#[test]
fn bracketed_citation_lists_and_keyed_identifiers_are_no_quantities() {
    let text = "As reported before (12,15,31–33), the gene (OMIM: 604723) matters; \
                the fee (4,350) is one number, as is (2, 5 and 10 mg).";
    let found = spans(text);
    assert!(
        !found
            .iter()
            .any(|s| s.contains("12") || s.contains("604723")),
        "{found:?}"
    );
    assert!(found.contains(&"4,350"), "{found:?}");
    assert!(found.contains(&"10 mg"), "{found:?}");
}

#[test]
fn a_capital_f_or_c_glued_to_a_number_is_a_temperature_only_when_the_text_speaks_of_one() {
    // Names: an aircraft model and a form number.
    let text = "The airline leased a Boeing 777F, and the fund sent its 13F filing late.";
    assert!(spans(text).is_empty(), "{:?}", spans(text));
    // Weather prose, a conversion, a signed reading.
    for (text, span, unit) in [
        ("Expect highs of 95F on Sunday.", "95F", "degF"),
        ("It reached 35C (95F) in the city.", "35C", "degC"),
        ("It reached 35C (95F) in the city.", "95F", "degF"),
        ("By then it was -10C at the hut.", "-10C", "degC"),
    ] {
        let qs = extract(text);
        assert_eq!(find(text, &qs, span).unit.as_deref(), Some(unit), "{text}");
    }
}

// ---- News prose audit: general causes of false positives and wrong readings ----

/// The spans found in `text`.
fn spans_of<'a>(text: &'a str, qs: &[Quantity]) -> Vec<&'a str> {
    qs.iter().map(|q| &text[q.span.start..q.span.end]).collect()
}

#[test]
fn a_score_or_tally_is_not_a_claim() {
    let text = "The visitors won 3-1 at home, the hosts led 14-20 at the break, the match \
                ended in a 2-2 draw and the board voted 7-2 against the plan.";
    let qs = extract(text);
    for span in ["3-1", "14-20", "2-2", "7-2"] {
        assert_eq!(
            find(text, &qs, span).not_a_claim,
            Some(NotAClaim::Score),
            "{span}"
        );
    }
}

#[test]
fn sets_of_a_tennis_match_are_scores() {
    let text = "She came through 4-6 6-3 7-6 (9-7) to reach the final.";
    let qs = extract(text);
    for span in ["4-6", "6-3", "7-6", "9-7"] {
        assert_eq!(
            find(text, &qs, span).not_a_claim,
            Some(NotAClaim::Score),
            "{span}"
        );
    }
}

#[test]
fn a_result_between_two_team_names_is_a_score() {
    let text = "Rovers 10-17 United\nUnited held on for their first away win.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "10-17").not_a_claim, Some(NotAClaim::Score));
}

#[test]
fn a_rising_pair_without_a_score_word_stays_a_range() {
    let text = "Voters aged 25-34 and a team of 40-50 staff were asked; it costs 10-15%.";
    let qs = extract(text);
    for span in ["25-34", "40-50 staff", "10-15%"] {
        let q = find(text, &qs, span);
        assert_eq!(q.qualifier, Qualifier::Range, "{span}");
        assert_eq!(q.not_a_claim, None, "{span}");
    }
}

#[test]
fn a_capitalized_number_word_before_a_capitalized_word_is_a_name() {
    let text = "The squad will play in the Six Nations, he told Five Live, and the \
                bank sold its Second Avenue branch to Credit Union First Federal.";
    let qs = extract(text);
    let found = spans_of(text, &qs);
    for name in ["Six", "Five", "Second", "First"] {
        assert!(!found.iter().any(|s| s.contains(name)), "{name}: {found:?}");
    }
}

#[test]
fn a_capitalized_number_word_before_a_capitalized_scale_still_counts() {
    let text = "Report: Sales Top Two Million Units";
    let qs = extract(text);
    assert!(close(find(text, &qs, "Two Million").value, 2e6));
}

#[test]
fn number_before_a_numeral_is_a_rank_not_a_count() {
    let text = "The single climbed to number three, the world number 1 lost, and our \
                number one priority is safety.";
    let qs = extract(text);
    for span in ["three", "one"] {
        assert_eq!(find(text, &qs, span).kind, NumberKind::Ordinal, "{span}");
    }
    assert!(qs.iter().all(|q| q.kind == NumberKind::Ordinal), "{qs:?}");
}

#[test]
fn first_as_an_adverb_is_no_ordinal() {
    let text = "The bridge was first opened in 1932 and she first visited it as a child; \
                they came for the first time.";
    let qs = extract(text);
    let firsts = spans_of(text, &qs)
        .iter()
        .filter(|s| **s == "first")
        .count();
    assert_eq!(firsts, 1, "{:?}", spans_of(text, &qs));
}

#[test]
fn a_calendar_year_has_no_change() {
    let text = "Prices rose faster than in 2019 and output was up 4% on 2021.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "2019").change, None);
    assert_eq!(find(text, &qs, "2021").change, None);
    assert_eq!(find(text, &qs, "4%").change, Some(Change::Up));
}

#[test]
fn a_year_after_a_possessive_before_a_singular_noun_is_a_year() {
    let text = "During her 2012 re-election bid the firm's 2019 merger made its 1500 employees \
                nervous, and their 2000 members voted.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "2012").kind, NumberKind::Year);
    assert_eq!(find(text, &qs, "2019").kind, NumberKind::Year);
    assert_eq!(find(text, &qs, "1500 employees").kind, NumberKind::Cardinal);
    assert_eq!(find(text, &qs, "2000").kind, NumberKind::Cardinal);
}

#[test]
fn one_after_an_article_and_an_adjective_is_a_pronoun() {
    let text = "The deal was a risky one, but the new one is a good one; a further one \
                million shares were sold.";
    let qs = extract(text);
    let found = spans_of(text, &qs);
    assert!(!found.contains(&"one"), "{found:?}");
    let text = "It may come in the next one to two weeks, at the number one spot.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "one to two weeks").qualifier,
        Qualifier::Range
    );
    assert_eq!(find(text, &qs, "one").kind, NumberKind::Ordinal);
    let text = "The deal was a risky one, but the new one is a good one; a further one \
                million shares were sold.";
    let qs = extract(text);
    assert!(close(find(text, &qs, "one million shares").value, 1e6));
}

#[test]
fn a_clock_time_before_a_time_zone_is_no_quantity() {
    let text = "Trading resumed at 1430 GMT and closed by 2100 UTC.";
    let qs = extract(text);
    assert!(qs.is_empty(), "{:?}", spans_of(text, &qs));
}

#[test]
fn a_season_written_with_a_slash_is_a_year() {
    let text = "He scored in the 1998/99 season and again in 2003/4.";
    let qs = extract(text);
    for span in ["1998/99", "2003/4"] {
        let q = find(text, &qs, span);
        assert_eq!(q.kind, NumberKind::Year, "{span}");
    }
    assert!(close(find(text, &qs, "2003/4").interval.high, 2004.0));
}

#[test]
fn days_of_a_month_in_a_list_or_range_are_dates() {
    let text = "The fair runs on 3 and 4 May, the talks on 12-14 October and the \
                shows on July 9 and 10 in the park.";
    let qs = extract(text);
    assert!(qs.is_empty(), "{:?}", spans_of(text, &qs));
}

#[test]
fn quarter_after_an_ordinal_is_a_period_not_a_fraction() {
    let text = "A weak second quarter points to slower growth, a quarter point cut.";
    let qs = extract(text);
    let found = spans_of(text, &qs);
    assert!(!found.iter().any(|s| s.starts_with("quarter")), "{found:?}");
    assert!(close(find(text, &qs, "a quarter point").value, 0.25));
}

#[test]
fn a_count_before_a_name_and_a_plural_noun_is_kept() {
    let text = "The bill passed despite 41 Green rebels, and 250 EU diplomats signed; the \
                airline grounded two new 737 Max jets.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "41").value, 41.0);
    assert_eq!(find(text, &qs, "250").value, 250.0);
    // A count before it makes the number a model name.
    assert!(
        !spans_of(text, &qs).contains(&"737"),
        "{:?}",
        spans_of(text, &qs)
    );
}

#[test]
fn a_number_after_to_is_the_new_level_even_after_an_adjective() {
    let text = "The archive will grow to a huge 5,000 files.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "5,000").change, None);
}

#[test]
fn used_up_is_a_phrasal_verb_not_a_rise() {
    let text = "The test used up 9 hours of machine time.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "9 hours").change, None);
}

#[test]
fn a_change_verb_then_a_far_larger_second_number_is_a_move_and_a_level() {
    let text = "The waiting list fell 4,000 to 612,500 in May; sales rose 5 to 10 a day.";
    let qs = extract(text);
    let moved = find(text, &qs, "4,000");
    assert_eq!(moved.change, Some(Change::Down));
    assert_eq!(moved.qualifier, Qualifier::Exact);
    assert_eq!(find(text, &qs, "612,500").change, None);
    // Close ends stay a range of the move.
    assert_eq!(find(text, &qs, "5 to 10").qualifier, Qualifier::Range);
}

#[test]
fn a_year_before_a_modal_verb_is_a_year() {
    let text = "She said 2031 will be the year of the comet and 2040 must be better.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "2031").kind, NumberKind::Year);
    assert_eq!(find(text, &qs, "2040").kind, NumberKind::Year);
}

#[test]
fn at_first_and_an_opening_second_comma_are_no_ordinals() {
    let text = "At first she laughed. Second, the plan was dropped. He batted at first base.";
    let qs = extract(text);
    let found = spans_of(text, &qs);
    assert_eq!(found, vec!["first"], "{found:?}");
}

#[test]
fn millions_of_pounds_are_sterling() {
    let text = "The club spent millions of pounds, not thousands of pounds of sugar.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "millions of pounds").unit.as_deref(),
        Some("GBP")
    );
    assert_eq!(
        find(text, &qs, "thousands of pounds").unit.as_deref(),
        Some("lb")
    );
}

#[test]
fn a_share_restating_millions_lends_them_no_percent() {
    let text = "That is 12 million, or 40%, of the voters.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "12 million").unit, None);
    assert_eq!(find(text, &qs, "40%").unit.as_deref(), Some("percent"));
}

#[test]
fn hang_up_is_a_phrasal_verb_not_a_rise() {
    let text = "Most callers hang up after 40 seconds.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "40 seconds").change, None);
}

#[test]
fn one_joined_to_a_unit_by_a_hyphen_is_never_the_pronoun() {
    // Regression: "a maximum one-year ban" and "the one-day event" were read as the
    // pronoun "one" (an article and a word before it) and dropped.
    let text = "They face a maximum one-year ban after the one-day hearing.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "one-year").unit.as_deref(), Some("year"));
    assert_eq!(find(text, &qs, "one-day").unit.as_deref(), Some("day"));
}

#[test]
fn a_number_word_after_an_amount_starts_its_own_phrase() {
    // Regression: "up from 440,000 six months earlier" gave 440,000 the unit month.
    let text = "The total rose to 910,000, up from 630,000 nine months earlier.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "630,000").unit, None);
    assert_eq!(
        find(text, &qs, "nine months").unit.as_deref(),
        Some("month")
    );
}

#[test]
fn a_season_with_one_digit_after_a_hyphen_is_two_years() {
    let text = "By 1971-2 the club was top.";
    let qs = extract(text);
    let q = find(text, &qs, "1971-2");
    assert_eq!(q.kind, NumberKind::Year);
    assert!(close(q.interval.high, 1972.0));
}

#[test]
fn odd_glued_after_a_number_makes_it_approximate() {
    let text = "There were 30-odd complaints.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "30-odd").qualifier, Qualifier::Approx);
}

#[test]
fn a_minus_sign_glued_after_ten_is_a_flattened_negative_exponent() {
    let text = "The chamber was pumped to 10−5 mbar, and 10−2 = 8 is arithmetic.";
    let qs = extract(text);
    let q = find(text, &qs, "10−5 mbar");
    assert!(close(q.value, 1e-5), "{q:?}");
    assert_eq!(q.qualifier, Qualifier::Exact);
    // A hyphen is no minus sign of an exponent: "10-5" stays a range or a score.
    let text = "They won 10-5 at home.";
    assert!(!extract(text).iter().any(|q| close(q.value, 1e-5)));
}

#[test]
fn a_size_adjective_after_a_one_letter_symbol_keeps_the_unit() {
    let text = "They cut a 17.7 m-thick bed and a 3 m-long trench; the F-Series kept its name.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "17.7 m").unit.as_deref(), Some("m"));
    assert_eq!(find(text, &qs, "3 m").unit.as_deref(), Some("m"));
}

#[test]
fn an_uncertainty_in_brackets_after_a_decimal_belongs_to_it_and_the_unit_follows() {
    let text = "The cell edge is 4.2153(4) Å and the phase is 1.1(2) wt%, at 30 nbar.";
    let qs = extract(text);
    let q = find(text, &qs, "4.2153(4) Å");
    assert!(close(q.value, 4.2153));
    assert_eq!(q.unit.as_deref(), Some("angstrom"));
    assert_eq!(
        find(text, &qs, "1.1(2) wt%").unit.as_deref(),
        Some("percent")
    );
    assert_eq!(find(text, &qs, "30 nbar").unit.as_deref(), Some("nbar"));
}

#[test]
fn a_and_an_ordinal_before_a_content_word_rank_something_and_are_no_fraction() {
    let text = "The party won a third term and the club a fifth straight title.";
    let qs = extract(text);
    let third = find(text, &qs, "third");
    assert_eq!(third.kind, NumberKind::Ordinal);
    assert_eq!(third.value, 3.0);
    assert_eq!(find(text, &qs, "fifth").kind, NumberKind::Ordinal);
    // Shares stay fractions: before "of", a comparative, a unit, a verb, or after a hedge.
    for (text, span) in [
        ("A third of voters stayed home.", "A third"),
        ("Costs rose by a fifth more than planned.", "a fifth"),
        ("Nearly a fifth said they were ill.", "Nearly a fifth"),
        ("He ran a tenth mile.", "a tenth mile"),
    ] {
        let qs = extract(text);
        let q = find(text, &qs, span);
        assert!(q.value < 1.0, "{text}: {q:?}");
    }
}

#[test]
fn ordinals_from_eleventh_to_ninetieth_are_denominators_too() {
    let text = "Staff get one eightieth of their salary, a twelfth of the fee and \
                forty two and a thirtieth.";
    let qs = extract(text);
    assert!(close(find(text, &qs, "one eightieth").value, 1.0 / 80.0));
    assert!(close(find(text, &qs, "a twelfth").value, 1.0 / 12.0));
    assert!(close(
        find(text, &qs, "forty two and a thirtieth").value,
        42.0 + 1.0 / 30.0
    ));
}

#[test]
fn degrees_take_the_scale_named_right_after_them() {
    let text = "Water boils at 212° on the Fahrenheit scale and the room is 20 degrees (Celsius).";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "212°").unit.as_deref(), Some("degF"));
    assert_eq!(find(text, &qs, "20 degrees").unit.as_deref(), Some("degC"));
    // Without a scale word nearby, a temperature in degrees stays unscaled.
    let text = "The thermostat is set to 21 degrees.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "21 degrees").unit.as_deref(),
        Some("deg_temp")
    );
}

#[test]
fn a_race_time_with_hundredths_is_no_quantity_of_its_own() {
    // Regression: "2:01.52" left ".52" to be read as 52.
    let text = "She won the 800m in 2:01.52 on Sunday.";
    let qs = extract(text);
    assert_eq!(spans_of(text, &qs), vec!["800m"]);
}

#[test]
fn one_before_in_or_out_of_and_a_number_is_a_ratio_even_after_that() {
    // Regression: "that one in four homes" read "one" as the pronoun after "that".
    let text = "The fact that one in four homes and that one out of five cars fail.";
    let qs = extract(text);
    assert!(close(find(text, &qs, "one in four").value, 0.25));
    assert!(close(find(text, &qs, "one out of five").value, 0.2));
}

#[test]
fn a_capitalized_number_word_before_punctuation_is_a_name() {
    let text = "He spoke on the World at One. Listen on Five, or online.";
    let qs = extract(text);
    assert!(qs.is_empty(), "{:?}", spans_of(text, &qs));
}

#[test]
fn a_bound_before_an_approximation_is_the_claim() {
    let text = "Samples cooled to below ∼100 °C, and peaks reach up to around 650 K.";
    let qs = extract(text);
    let q = find(text, &qs, "below ∼100 °C");
    assert_eq!(q.qualifier, Qualifier::LessThan);
    assert_eq!(q.hedge.as_deref(), Some("below ∼"));
    assert_eq!(
        find(text, &qs, "up to around 650 K").qualifier,
        Qualifier::AtMost
    );
    // An approximation alone stays approximate.
    let text = "It is about 5 km away.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "about 5 km").qualifier, Qualifier::Approx);
}

#[test]
fn within_and_as_high_as_bound_the_number_from_above() {
    let text = "Oaks regrow within 100 m of a seed source, and rates ran as high as 70%.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "within 100 m").qualifier, Qualifier::AtMost);
    assert_eq!(
        find(text, &qs, "as high as 70%").qualifier,
        Qualifier::AtMost
    );
}

#[test]
fn a_range_after_a_reference_noun_that_ends_in_a_unit_is_a_measure() {
    let text = "Bands in the region 1065–1280 cm−1 show it (see Figs. 5 and 6).";
    let qs = extract(text);
    assert_eq!(qs.len(), 1, "{:?}", spans(text));
    assert_eq!(
        find(text, &qs, "1065–1280 cm−1").qualifier,
        Qualifier::Range
    );
}

#[test]
fn a_colon_between_numbers_that_cannot_be_minutes_is_a_ratio() {
    let text = "Use a 1:100 dilution in methanol at 93:7, and meet at 10:30 or 1:05.";
    let qs = extract(text);
    assert!(close(find(text, &qs, "1:100").value, 0.01));
    assert!(close(find(text, &qs, "93:7").value, 93.0 / 7.0));
    assert_eq!(qs.len(), 2, "{:?}", spans(text));
    // A ratio counts nothing after it.
    let text = "The 1:3 and 1:1 mixing ratios were used.";
    assert!(extract(text).iter().all(|q| q.unit_text.is_none()));
}

#[test]
fn revising_upward_slashing_and_trimming_by_an_amount_are_moves() {
    let text = "The outlook was revised upwards by 3%, the airline slashed fares by 40%, and the \
                bank trimmed its forecast by 0.5 percentage points.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "3%").change, Some(Change::Up));
    assert_eq!(find(text, &qs, "40%").change, Some(Change::Down));
    assert_eq!(
        find(text, &qs, "0.5 percentage points").change,
        Some(Change::Down)
    );
}

#[test]
fn a_move_word_behind_a_preposition_or_in_a_compound_moves_nothing() {
    let text = "The film is up for six awards. They doubled the lead after 48 minutes. A \
                cost-cutting plan saved £75m. Rates rose four times last year.";
    let qs = extract(text);
    for span in ["six", "48 minutes", "£75m", "four times"] {
        assert_eq!(find(text, &qs, span).change, None, "{span}");
    }
}

#[test]
fn hedges_with_well_a_little_and_shy_of_bound_or_approximate_the_number() {
    let text = "Well over 300 fans came, a little under 3% left early, sales were just shy of 2,000 \
                units over the best part of 20 years, and more or less 40 people stayed.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "Well over 300").qualifier,
        Qualifier::MoreThan
    );
    assert_eq!(
        find(text, &qs, "a little under 3%").qualifier,
        Qualifier::LessThan
    );
    assert_eq!(
        find(text, &qs, "just shy of 2,000").qualifier,
        Qualifier::Nearly
    );
    assert_eq!(
        find(text, &qs, "the best part of 20 years").qualifier,
        Qualifier::Nearly
    );
    assert_eq!(
        find(text, &qs, "more or less 40 people").qualifier,
        Qualifier::Approx
    );
}

#[test]
fn a_bound_before_a_possessive_year_bounds_the_years_figure_not_the_year() {
    let text = "Prices are well above 2019's average, and more than 1500 people came.";
    let qs = extract(text);
    let q = find(text, &qs, "2019");
    assert_eq!((q.kind, q.qualifier), (NumberKind::Year, Qualifier::Exact));
    assert_eq!(
        find(text, &qs, "more than 1500 people").qualifier,
        Qualifier::MoreThan
    );
}

#[test]
fn numbered_periods_and_labels_in_braces_are_no_quantities() {
    let text = "Cells on days 35 and 71 and at the exam (days 3–5) grew; \
                {111} planes in case Nos. 1 and 4, numbered 5 in the list.";
    assert!(spans(text).is_empty(), "{:?}", spans(text));
    // A count after the period word is still a count.
    let text = "In two days 300 people and 40 cars left.";
    let found = spans(text);
    assert!(found.iter().any(|s| s.starts_with("300")), "{found:?}");
}

#[test]
fn a_compass_letter_after_a_degree_sign_is_part_of_the_unit() {
    let text = "The orbit passed near 86°N and the band spans 74°S to 90°S; it was 40°C.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "near 86°N").unit_text.as_deref(),
        Some("°N")
    );
    assert_eq!(find(text, &qs, "74°S to 90°S").qualifier, Qualifier::Range);
    assert_eq!(find(text, &qs, "40°C").unit.as_deref(), Some("degC"));
}

#[test]
fn a_glued_k_among_other_temperatures_is_kelvin_and_otherwise_thousands() {
    let text = "It is inert at 300 °C (573.15K), the lab said.";
    let qs = extract(text);
    let q = find(text, &qs, "573.15K");
    assert_eq!(q.unit.as_deref(), Some("K"));
    assert!(close(q.value, 573.15));
    let text = "In the heat wave he still earns 50K a year.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "50K").value, 50_000.0);
}

#[test]
fn approximation_signs_join_ranges_and_near_is_a_hedge() {
    let text = "Boron rose from ∼20 ppm to ∼180 ppm, near 30 ppm of it at ∼–1‰.";
    let qs = extract(text);
    let range = qs
        .iter()
        .find(|q| q.qualifier == Qualifier::Range)
        .expect("a range");
    assert!(close(range.interval.low, 20.0) && close(range.interval.high, 180.0));
    assert_eq!(find(text, &qs, "near 30 ppm").qualifier, Qualifier::Approx);
    let q = find(text, &qs, "∼–1‰");
    assert_eq!(q.value, -1.0);
    assert_eq!(q.qualifier, Qualifier::Approx);
    // A spaced en dash between numbers stays a range.
    let text = "It took 10 – 20 minutes.";
    let qs = extract(text);
    assert_eq!(qs[0].qualifier, Qualifier::Range);
}

#[test]
fn a_note_number_after_a_full_stop_and_one_as_a_subject_after_if_are_no_quantities() {
    let text = "Temperatures are 6000 K and 11,000 K, respectively.4 Unless one is careful, \
                errors grow.";
    let found = spans(text);
    assert_eq!(found, vec!["6000 K", "11,000 K"], "{found:?}");
    // "if one" before a noun is a count.
    let text = "If one dose is missed, take two.";
    assert!(spans(text).iter().any(|s| s.starts_with("one")));
}

// Fact-check claims: dates, ages, moves with an object, counts of occurrences.

#[test]
fn a_year_after_a_month_name_is_a_year_even_before_a_noun_or_verb() {
    // Regression: "December 25, 2021 ice storm" and "in March 2019 were" read as counts.
    let text = "Shops were looted in a December 25, 2021 ice storm. Floods in March 2019 \
                were blamed on dams, and a November 2018 march closed roads.";
    let qs = extract(text);
    for span in ["2021", "2019", "2018"] {
        assert_eq!(find(text, &qs, span).kind, NumberKind::Year, "{span}");
    }
}

#[test]
fn a_modern_year_before_a_singular_noun_is_a_year() {
    // Regression: "at a 2016 rally" was a count of rallies, and "lost 2018 re-election bid"
    // a fall of 2018.
    let text = "He spoke at a 2016 rally and lost 2018 re-election bid to a rival.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "2016").kind, NumberKind::Year);
    let bid = find(text, &qs, "2018");
    assert_eq!(bid.kind, NumberKind::Year);
    assert_eq!(bid.change, None);
    // A plural noun, or an adjective before one, is still counted.
    let text = "The town built 2000 new homes and sent 1500 letters; the bomb went off at \
                1900 local time.";
    let qs = extract(text);
    for span in ["2000", "1500", "1900"] {
        assert_eq!(find(text, &qs, span).kind, NumberKind::Cardinal, "{span}");
    }
}

#[test]
fn a_bound_after_aged_or_after_people_is_an_age_in_years() {
    // Regression: "aged over 40", "pupils aged six to 10" and "children under 16" had no
    // unit.
    let text = "Men aged over 40, pupils aged six to 10 and children under 16 qualify, as do \
                people aged between 18 and 25 and pensioners over 70.";
    let qs = extract(text);
    for span in [
        "over 40",
        "six to 10",
        "under 16",
        "between 18 and 25",
        "over 70",
    ] {
        assert_eq!(
            find(text, &qs, span).unit.as_deref(),
            Some("year"),
            "{span}"
        );
    }
    // A bound after another noun is no age.
    let text = "Parcels under 20 arrive first and flights over 12 are delayed.";
    let qs = extract(text);
    assert!(
        qs.iter().all(|q| q.unit.is_none()),
        "{:?}",
        spans_of(text, &qs)
    );
}

#[test]
fn a_move_verb_with_its_object_before_by_gives_the_move() {
    // Regression: "cut the town's annual budget by 12%" and "extend the opening hours by
    // two hours" carried no move.
    let text = "The council cut the town's annual budget by 12% and will extend the \
                opening hours by two hours; it also raised the COVID-19 testing fee by $5.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "12%").change, Some(Change::Down));
    assert_eq!(find(text, &qs, "two hours").change, Some(Change::Up));
    assert_eq!(find(text, &qs, "$5").change, Some(Change::Up));
    // "by" after a passive verb names who did it.
    let text = "Sales rose as the shop was hit by 5 strikes.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "5").change, None);
}

#[test]
fn a_number_in_a_phrase_of_its_own_is_not_the_size_of_the_move() {
    // Regression: "added more debt in one year", "lost the use of a hand in one accident",
    // "fell short of the 12 million target it had set" and "lost one of its three
    // seats" each took the verb's move.
    let text = "The state added more debt in one year than any other. She lost her sight in \
                one eye. Output was lower than the 12 million tonnes it had planned. The \
                party lost one of its three seats. Shares rose for six days.";
    let qs = extract(text);
    for span in ["one year", "one", "12 million tonnes", "three", "six days"] {
        assert_eq!(find(text, &qs, span).change, None, "{span}");
    }
    // The move noun's own preposition still carries it.
    let text = "A rise in sales of 10% followed a fall in prices of 4%.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "10%").change, Some(Change::Up));
    assert_eq!(find(text, &qs, "4%").change, Some(Change::Down));
}

#[test]
fn a_comparative_after_an_amount_says_which_way_it_differs() {
    let text = "Women now live six years longer and the new hall is 20% smaller; two \
                longer-range shots missed.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "six years").change, Some(Change::Up));
    assert_eq!(find(text, &qs, "20%").change, Some(Change::Down));
    assert_eq!(find(text, &qs, "two").change, None);
}

#[test]
fn times_after_a_participle_counts_occurrences() {
    // Regression: "a clip shared more than 5,000 times shows" was a multiplier.
    let text = "A clip shared more than 5,000 times shows the crash, and one post viewed \
                40 times was deleted.";
    let qs = extract(text);
    for span in ["more than 5,000 times", "40 times"] {
        let q = find(text, &qs, span);
        assert_eq!(q.kind, NumberKind::Cardinal, "{span}");
        assert_eq!(q.unit.as_deref(), Some("times"), "{span}");
    }
    // A comparison after "times" stays a multiplier.
    let text = "The agency recorded 20 times more complaints than last year.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "20 times").kind, NumberKind::Multiplier);
}

#[test]
fn a_count_before_a_name_and_a_plural_acronym_or_a_coded_name_is_kept() {
    // Regression: "9 Scottish MPs" and "48 H5N1 cases" lost their numbers as names.
    let text = "Only 9 Scottish MPs voted and 48 H5N1 cases were found.";
    let qs = extract(text);
    assert_eq!(spans_of(text, &qs), vec!["9", "48"]);
}

#[test]
fn a_month_and_day_written_with_a_slash_is_no_fraction() {
    // Regression: "after 9/11" was read as 0.818.
    let text = "Travel fell after 9/11 and the 7/22 attacks; a gene is 1/4096 of the genome \
                and 3/4 of voters agreed.";
    let qs = extract(text);
    assert_eq!(spans_of(text, &qs), vec!["1/4096", "3/4"]);
    assert!(close(find(text, &qs, "1/4096").value, 1.0 / 4096.0));
}

#[test]
fn a_list_needs_and_or_or_to_lend_its_unit_and_a_power_after_a_times_sign_is_no_range() {
    let text = "The odds ratio was 2.30, 95% CI 1.03–5.13; doses were 1, 5 or 10 mg.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "2.30").unit, None);
    assert_eq!(find(text, &qs, "1").unit.as_deref(), Some("mg"));
    let text = "Its width is (0.04–0.10)×10-10m.";
    let qs = extract(text);
    assert!(
        qs.iter()
            .all(|q| q.qualifier != Qualifier::Range || q.value < 1.0),
        "{qs:?}"
    );
    assert!(qs.iter().any(|q| close(q.value, 1e-10)), "{qs:?}");
}

#[test]
fn a_spaced_capital_f_or_c_is_a_temperature_only_in_a_sentence_about_one() {
    let text = "The capacitor stored 2.5 F at 5 V.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "2.5").unit, None);
    for (text, span) in [
        ("Highs of 35 C are expected.", "35 C"),
        ("Ice has a 0 C melting point.", "0 C"),
    ] {
        let qs = extract(text);
        assert_eq!(
            find(text, &qs, span).unit.as_deref(),
            Some("degC"),
            "{text}"
        );
    }
}

#[test]
fn a_few_or_several_tens_of_a_unit_is_a_vague_magnitude() {
    let text = "The plume rose a few tens of metres, and electrons reached several tens of MeV.";
    let qs = extract(text);
    let q = find(text, &qs, "a few tens of metres");
    assert_eq!(q.qualifier, Qualifier::Vague);
    assert!(close(q.interval.low, 20.0) && close(q.interval.high, 50.0));
    assert_eq!(
        find(text, &qs, "several tens of MeV").unit.as_deref(),
        Some("MeV")
    );
    // "tens of thousands" stays the vague plural.
    let text = "A few tens of thousands of people came.";
    let qs = extract(text);
    assert!(qs.iter().any(|q| close(q.interval.low, 10_000.0)), "{qs:?}");
}

#[test]
fn from_before_a_signed_approximate_range_starts_its_claim() {
    let text = "Boron grew from ∼20 ppm to ∼180 ppm.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "from ∼20 ppm to ∼180 ppm").qualifier,
        Qualifier::Range
    );
}

#[test]
fn a_gerund_heading_the_sentence_with_its_own_object_is_no_move_of_the_number() {
    // Regression: "Will cutting taxes bring 40,000 homes?" read a fall of 40,000 homes.
    let text = "Will cutting taxes bring 40,000 homes? Raising fees saved 300 posts.";
    let qs = extract(text);
    for span in ["40,000 homes", "300"] {
        assert_eq!(find(text, &qs, span).change, None, "{span}");
    }
    // A gerund right before the number, or after "is", still moves it.
    let text = "Cutting 300 posts, the firm grew. The firm is cutting 200 posts.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "300").change, Some(Change::Down));
    assert_eq!(find(text, &qs, "200").change, Some(Change::Down));
}

#[test]
fn a_number_after_from_is_the_old_level_not_the_move() {
    // Regression: "up from March's 3.1%" and "fallen from the peak of $80" took the move.
    let text = "Pay rose 3.4%, up from March's 3.1%. Oil has fallen from the peak of $80 set \
                in May.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "3.4%").change, Some(Change::Up));
    assert_eq!(find(text, &qs, "3.1%").change, None);
    assert_eq!(find(text, &qs, "$80").change, None);
}

#[test]
fn over_a_span_of_time_after_an_amount_is_the_period() {
    // Regression: "£300m over 12 years" and "Over 10 years, ..." read "more than".
    let text = "The fund will pay £300m over 12 years. Over 10 years, the plan adds jobs. He \
                was jailed for over 10 years.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "12 years").qualifier, Qualifier::Exact);
    assert_eq!(find(text, &qs, "10 years").qualifier, Qualifier::Exact);
    assert_eq!(
        find(text, &qs, "over 10 years").qualifier,
        Qualifier::MoreThan
    );
}

#[test]
fn a_hedge_word_before_an_ordinal_is_a_preposition() {
    // Regression: "a win over fifth seed" was "more than fifth".
    let text = "She earned a win over fifth seed Ana and wrote about 2nd century Rome.";
    let qs = extract(text);
    assert_eq!(spans_of(text, &qs), vec!["fifth", "2nd"]);
}

#[test]
fn a_span_of_time_before_a_move_noun_is_its_period() {
    // Regression: "nine month losses" and "its biggest one-day fall" were moves.
    let text = "Its nine month losses grew after its biggest one-day fall; they play catch up \
                with four games.";
    let qs = extract(text);
    for span in ["nine month", "one-day", "four"] {
        assert_eq!(find(text, &qs, span).change, None, "{span}");
    }
}

#[test]
fn a_slash_between_two_percentages_pairs_them() {
    let text = "Selection gave 46%/62% lower incidence; see item a/3 too.";
    let found = spans(text);
    assert!(
        found.contains(&"46%") && found.contains(&"62%"),
        "{found:?}"
    );
    assert!(!found.contains(&"3"), "{found:?}");
}

#[test]
fn ph_written_before_its_value_is_the_unit() {
    let text = "The buffer was kept at pH 7.4, then at pH 7–8.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "pH 7.4").unit.as_deref(), Some("pH"));
    assert_eq!(find(text, &qs, "pH 7–8").qualifier, Qualifier::Range);
}

#[test]
fn a_counted_noun_may_follow_a_name_or_be_a_plural_acronym() {
    // Regression: "five Scottish MPs", "40 CEOs" and "48 COVID-19 deaths" counted nothing.
    let text = "Only five Scottish MPs, 40 CEOs and 48 COVID-19 deaths were noted.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "five").unit_text.as_deref(),
        Some("Scottish MPs")
    );
    assert_eq!(find(text, &qs, "40").unit_text.as_deref(), Some("CEOs"));
    assert_eq!(find(text, &qs, "48").unit.as_deref(), Some("deaths"));
    // A name before a singular word is still no count.
    let text = "He bought the Galaxy 9 Plus.";
    assert!(extract(text).is_empty());
}

#[test]
fn a_flattened_positive_exponent_after_a_times_sign_is_a_power_of_ten() {
    let text = "The column density is 2.23 × 1019 m−2 and the loss 6 × 106 kg s−1.";
    let qs = extract(text);
    assert!(qs.iter().any(|q| close(q.value, 2.23e19)), "{qs:?}");
    assert!(qs.iter().any(|q| close(q.value, 6e6)), "{qs:?}");
    // A relay and a quadrat keep their plain numbers.
    let text = "She ran the 4 × 100 m relay in a 2 × 2 m box.";
    assert!(extract(text).iter().all(|q| q.value <= 100.0));
}

#[test]
fn the_amount_after_a_move_noun_and_than_is_the_same_kind_of_move() {
    // Regression: "a smaller rise than the £2bn seen in May" lost its rise when "than" was
    // made to stop the look-back ("lower than the 12 million target" stays no move).
    let text = "Lending grew by £1bn, a smaller rise than the £2bn seen in May. Output was \
                lower than the 12 million tonnes planned.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "£2bn").change, Some(Change::Up));
    assert_eq!(find(text, &qs, "12 million tonnes").change, None);
}

#[test]
fn a_move_in_thousands_then_a_level_in_millions_is_no_range() {
    // Regression: "fell by 600,000 to 5.9 million" was one range.
    let text = "The audience fell by 400,000 to 3.8 million.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "400,000").change, Some(Change::Down));
    assert!(close(find(text, &qs, "3.8 million").value, 3.8e6));
    // Without a change verb the two ends stay one range.
    let text = "Estimates run from 400,000 to 3.8 million.";
    let qs = extract(text);
    assert_eq!(
        find(text, &qs, "from 400,000 to 3.8 million").qualifier,
        Qualifier::Range
    );
}

#[test]
fn a_currency_sign_after_an_amount_is_not_the_prefix_of_the_next_one() {
    // Regression: "7€" took the euro sign of "19€" as its prefix, and the two spans overlapped.
    let text = "Tickets were 19€ 7€ or 9€, and 10 $ 30 $ at the door.";
    let qs = extract(text);
    let spans: Vec<_> = qs.iter().map(|q| &text[q.span.start..q.span.end]).collect();
    assert_eq!(spans, vec!["19€", "7€", "9€", "10 $", "30 $"], "{qs:?}");
    assert!(qs.iter().all(|q| q.unit.as_deref().is_some()));
    // A sign glued to the next number is that number's prefix, not a unit of the year.
    let text = "We will spend by 2030 £45bn more.";
    let qs = extract(text);
    assert_eq!(find(text, &qs, "2030").kind, NumberKind::Year);
    assert_eq!(find(text, &qs, "£45bn").unit.as_deref(), Some("GBP"));
}

#[test]
fn a_score_after_a_multi_byte_symbol_does_not_panic() {
    // Regression: the look-back for another score sliced inside "£".
    let text = "They paid £3-1 odds, then £ 6-3 7-5.";
    let _ = extract(text);
}
