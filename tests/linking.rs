//! Linking regressions: sentences from ordinary news that must not become claims, and
//! claims whose link must be found. Each test is named after the mistake it pins.

use numcheck::Checker;

fn checker() -> Checker {
    Checker::with_embedded_tables().expect("embedded tables are clean")
}

fn claims(text: &str) -> Vec<(String, String, String, String)> {
    checker()
        .check_str(text)
        .into_iter()
        .map(|a| {
            (
                a.quantity.span.slice(text).to_string(),
                a.link.entity,
                a.link.property,
                a.verdict.as_str().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_country_where_something_was_released_is_not_what_was_released() {
    assert!(claims("The single was first released in the US in 1985 and sold well.").is_empty());
}

#[test]
fn the_age_of_a_person_is_not_the_age_of_a_country_named_in_the_sentence() {
    // Found on real news: "48-year-old" was linked to United States / age.
    assert!(
        claims("The US said on Monday that a 48-year-old Canadian engineer would be freed.")
            .is_empty()
    );
    // Said of the entity itself, the age is still a claim.
    let found = claims("Our planet, the Earth, is about 4.5 billion years old.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Earth");
}

#[test]
fn a_share_of_the_population_is_not_a_population_count() {
    assert!(claims("The G20 accounts for two thirds of the world's population.").is_empty());
}

#[test]
fn a_count_of_people_is_not_the_population_of_the_world() {
    assert!(claims("Around the world, 500 people were hurt in the storms this year.").is_empty());
}

#[test]
fn an_entity_without_the_property_in_its_domain_is_not_unverifiable() {
    // The United States has no publication year; its mention is not a claim about one.
    assert!(claims("The US said the report, published in 2004, was wrong.").is_empty());
}

#[test]
fn a_cue_far_before_the_number_does_not_link() {
    assert!(
        claims("Humans have neurons, and the committee met for the 12th time with 40 guests.")
            .is_empty()
    );
}

#[test]
fn a_cue_right_after_the_number_links() {
    assert_eq!(
        claims("AlexNet had 60 million parameters."),
        [(
            "60 million".into(),
            "AlexNet".into(),
            "parameters".into(),
            "supported".into()
        )]
    );
}

#[test]
fn a_cue_right_before_the_number_links() {
    let c = claims("In 2024 the world population was about 8.2 billion.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        (c[0].1.as_str(), c[0].2.as_str(), c[0].3.as_str()),
        ("world", "population", "supported")
    );
}

#[test]
fn a_list_continues_its_property_and_takes_each_clauses_entity() {
    let c =
        claims("Humans have about 86 billion neurons, rats have 200 million, and mice 70 million.");
    let got: Vec<(&str, &str)> = c.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
    assert_eq!(
        got,
        [
            ("about 86 billion", "human"),
            ("200 million", "rat"),
            ("70 million", "mouse")
        ]
    );
}

#[test]
fn a_hedge_at_the_head_of_a_list_does_not_scope_over_the_rest() {
    // "about" widens 86 billion only; "70 million" is read at its written precision.
    let anns = checker().check_str("Humans have about 86 billion neurons and mice 70 million.");
    let mice = anns.iter().find(|a| a.link.entity == "mouse").unwrap();
    assert_eq!(mice.quantity.qualifier, numcheck::Qualifier::Exact);
    assert_eq!(
        (mice.quantity.interval.low, mice.quantity.interval.high),
        (69.5e6, 70.5e6)
    );
}

#[test]
fn the_closest_as_of_row_is_used_for_a_year_in_the_sentence() {
    let anns = checker().check_str("In 2009 ImageNet had 3.2 million images.");
    assert_eq!(anns.len(), 1);
    let r = anns[0].reference.as_ref().unwrap();
    assert_eq!(r.as_of.as_deref(), Some("2009"));
    assert_eq!(anns[0].verdict, numcheck::Verdict::Supported);
    let latest = checker().check_str("ImageNet has 3.2 million images.");
    assert_eq!(
        latest[0].reference.as_ref().unwrap().as_of.as_deref(),
        Some("2013")
    );
    assert!(
        latest[0].message.contains("latest of 2 rows"),
        "{}",
        latest[0].message
    );
}

#[test]
fn the_un_after_the_word_the_is_not_hidden_by_a_plural_of_the_us() {
    // "the US" used to get the plural-stripped variant "the U", which matched the first
    // letter of "the UN" and hid it.
    let found = claims("Today the UN has 190 member states, the envoy said.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "United Nations");
    assert_eq!(found[0].2, "member_states");
    assert_eq!(found[0].3, "contradicted");
}

#[test]
fn a_prefix_un_is_not_the_united_nations() {
    // An acronym alias matches only in capitals: "un-" here is a prefix.
    assert!(
        claims("It is an un-American idea that you should vote at the age of 16 years.").is_empty()
    );
}

#[test]
fn the_word_states_inside_united_states_is_not_a_cue() {
    assert!(claims("In addition, the United States has two large missions abroad.").is_empty());
    // A cue of its own still links.
    let found = claims("The United States has 52 states, the quiz answer said.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "number_of_states");
    assert_eq!(found[0].3, "contradicted");
}
