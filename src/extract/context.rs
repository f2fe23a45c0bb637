//! Reading one candidate in its context: scale, unit, range, hedge, change, and the
//! rules that say a number is not a quantity at all.

use super::Extractor;
use super::lexer::{
    Lower, Tok, TokBuf, TokKind, WordSet, at_line_start, char_at, char_before, lower, next_tok,
    skip_inline_space, toks_before,
};
use super::number::{NumCore, Skip, parse_digits, parse_glyph};
use super::words::{self, parse_words};
use crate::interval::{self, DEFAULT_HEDGE_TOLERANCE};
use crate::model::{Change, Interval, NotAClaim, Notation, NumberKind, Qualifier, Quantity, Span};
use crate::units::UnitMatch;

pub enum Outcome {
    Found(Box<Quantity>),
    SkipTo(usize),
}

pub struct Reader<'a> {
    ex: &'a Extractor,
    text: &'a str,
    /// The tokens before the last position asked for: the rules of one candidate look
    /// back from the same place several times (hedge, change, names, years).
    before: std::cell::Cell<TokBuf>,
    /// Where `before` was read from (`usize::MAX`: nowhere yet). Kept apart so that a
    /// look at it copies no tokens.
    before_at: std::cell::Cell<usize>,
    /// The last `word_after` asked for and its answer: the rules of one candidate often
    /// look at the word after the same place (unit, bound, change, counted noun).
    after: std::cell::Cell<(usize, Option<(Tok, Lower)>)>,
    /// Where the last quantity found ends: a symbol before it belongs to that quantity
    /// ("19€ 7€": the first euro sign is not the second amount's prefix).
    taken_until: std::cell::Cell<usize>,
}

/// A number with its scale, currency and unit, before range and hedge.
#[derive(Debug, Clone)]
struct Measured {
    core: NumCore,
    /// Start including a currency symbol or minus sign.
    start: usize,
    /// End including scale and unit.
    end: usize,
    scaled: bool,
    unit: Option<usize>,
    unit_span: Option<Span>,
    kind: NumberKind,
    vague: Option<Interval>,
}

impl Measured {
    /// A cardinal with no unit, scale or vague reading yet (later steps add them).
    fn bare(core: NumCore, start: usize, end: usize) -> Measured {
        Measured {
            core,
            start,
            end,
            scaled: false,
            unit: None,
            unit_span: None,
            kind: NumberKind::Cardinal,
            vague: None,
        }
    }
}

static MONTHS: WordSet = WordSet::new(&[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]);

/// Words after which a number names a thing rather than counts it ("page 3").
static REFERENCE_NOUNS: WordSet = WordSet::new(&[
    "category",
    "figs",
    "figures",
    "tables",
    "sections",
    "sec",
    "eqs",
    "eqn",
    "eqns",
    "equations",
    "refs",
    "chapters",
    "panel",
    "panels",
    "sample",
    "samples",
    "site",
    "station",
    "experiment",
    "exp",
    "stage",
    "zone",
    "type",
    "group",
    "supplementary",
    "scheme",
    "algorithm",
    "lemma",
    "theorem",
    "proposition",
    "definition",
    "example",
    "hypothesis",
    "model",
    "region",
    "area",
    "plot",
    "plots",
    "core",
    "well",
    "borehole",
    "transect",
    "lane",
    "block",
    "unit",
    "patient",
    "subject",
    "participant",
    "compound",
    "entry",
    "condition",
    "task",
    "day",
    "week",
    "phase",
    "trial",
    "run",
    "layer",
    "cell",
    "channel",
    "sector",
    "series",
    "fraction",
    "window",
    "mode",
    "option",
    "scenario",
    "case",
    "page",
    "pages",
    "pp",
    "p",
    "chapter",
    "section",
    "figure",
    "fig",
    "table",
    "volume",
    "vol",
    "issue",
    "no",
    "number",
    "item",
    "step",
    "route",
    "room",
    "version",
    "v",
    "episode",
    "season",
    "article",
    "rule",
    "paragraph",
    "verse",
    "line",
    "appendix",
    "eq",
    "equation",
    "ref",
    "note",
    "exhibit",
    "level",
    "grade",
    "phase",
    "gate",
    "platform",
    "highway",
    "interstate",
    "flight",
    "exit",
    "junction",
    "axis",
    "column",
    "row",
    "listing",
    "month",
    "clone",
    "nos",
    "numbered",
]);

/// Verbs that follow a share as the subject: "a fifth rely on", "a third said".
static SHARE_VERBS: WordSet = WordSet::new(&[
    "said",
    "say",
    "says",
    "saying",
    "think",
    "thought",
    "believe",
    "want",
    "wanted",
    "rely",
    "own",
    "use",
    "used",
    "have",
    "had",
    "has",
    "do",
    "did",
    "would",
    "will",
    "could",
    "can",
    "may",
    "felt",
    "feel",
    "agreed",
    "voted",
    "support",
    "supported",
    "live",
    "lived",
]);

/// Words that end the filler between "from <amount>" and "to": a new clause, or words
/// that set the two amounts apart as measures of different things ("from 0.22 nm for SiC to
/// 1.46 nm for ...", "from 28.5% when new to 21%").
static FILLER_STOPS: WordSet = WordSet::new(&[
    "and", "or", "but", "from", "while", "which", "who", "that", "than", "by", "as", "then",
    "between", "versus", "vs", "for", "when", "with", "without", "of", "on", "under", "if",
    "where",
]);

/// Last words of a street name: "16-18 Industrial Avenue", "10 Downing Street".
static STREET_WORDS: WordSet = WordSet::new(&[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "drive",
    "place",
    "square",
    "terrace",
    "crescent",
    "parkway",
    "highway",
]);

/// Capitalized words that start a sentence or a hedge and so do not make a name.
static FUNCTION_WORDS: WordSet = WordSet::new(&[
    "in",
    "on",
    "by",
    "since",
    "about",
    "around",
    "over",
    "under",
    "nearly",
    "almost",
    "some",
    "only",
    "just",
    "all",
    "the",
    "from",
    "to",
    "between",
    "after",
    "before",
    "during",
    "until",
    "of",
    "with",
    "for",
    "and",
    "or",
    "but",
    "roughly",
    "approximately",
    "at",
    "than",
    "more",
    "less",
    "fewer",
    "up",
    "down",
    "another",
    "another",
    "those",
    "these",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "with",
    "within",
    "across",
    "per",
    "each",
    "every",
    "nearly",
    "exactly",
    "almost",
    "estimated",
    "an",
    "a",
    "top",
    "least",
    "most",
    "ages",
    "aged",
    "age",
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "have",
    "be",
    "been",
    "gets",
    "got",
    "get",
    "by",
    "as",
    "if",
    "when",
    "then",
    "once",
    "around",
    "circa",
    "some",
    "like",
    "ca",
    "approx",
]);

static YEAR_PREPOSITIONS: WordSet = WordSet::new(&[
    "in", "since", "by", "until", "till", "from", "during", "of", "year", "the", "early", "late",
    "mid", "circa", "before", "after", "between", "and", "to", "through", "summer", "winter",
    "spring", "autumn", "fall", "fiscal", "fy", "season", "class",
]);

/// Words after four digits that go on counting rather than name a year's thing ("2000
/// more", "1500 other").
static NOT_YEAR_HEAD: WordSet = WordSet::new(&[
    "more",
    "fewer",
    "less",
    "other",
    "new",
    "extra",
    "additional",
    "further",
    "per",
    "each",
    "apiece",
    "times",
    "than",
    "of",
    "out",
    "up",
    "down",
    "over",
    "under",
    "odd",
    "plus",
    "local",
    "hours",
    "hrs",
    "or",
    "and",
    "to",
    "is",
    "are",
    "a",
    "an",
]);

/// People named by their age group: "children under 18", "women over 55".
const PEOPLE_BY_AGE: &[&str] = &[
    "people",
    "children",
    "kids",
    "adults",
    "women",
    "men",
    "seniors",
    "pensioners",
    "boys",
    "girls",
    "teenagers",
    "teens",
    "youngsters",
    "persons",
    "patients",
    "babies",
    "infants",
    "individuals",
    "anyone",
    "everyone",
    "those",
];

/// Prepositions that open a phrase of their own between a move verb and a number:
/// "added ... in one year", "increased with two wins", "lower than the target". They count
/// next to the number; farther back ("rose in value by 3%") only `PHRASE_PREPOSITIONS` do.
static NOT_MOVE_PREPOSITIONS: WordSet = WordSet::new(&[
    "in", "for", "during", "within", "with", "after", "before", "since", "than", "among", "across",
    "per",
]);

/// The prepositions of `NOT_MOVE_PREPOSITIONS` that end the move's reach wherever they stand:
/// "lowered payouts for up to 50,000", "lowered after 12 years".
static PHRASE_PREPOSITIONS: WordSet =
    WordSet::new(&["for", "after", "since", "before", "during", "among"]);

/// Words that open a new clause: a move verb before them is not the one "by" belongs to.
static CLAUSE_OPENERS: WordSet = WordSet::new(&[
    "as", "and", "but", "while", "which", "that", "who", "when", "because", "after", "if", "was",
    "were", "is", "are", "be", "been", "by", "to",
]);

/// Nouns that commonly follow a year used as a modifier ("the 2017 paper").
static YEAR_MODIFIED: WordSet = WordSet::new(&[
    "and",
    "or",
    "to",
    "the",
    "a",
    "when",
    "as",
    "with",
    "for",
    "at",
    "in",
    "on",
    "by",
    "was",
    "is",
    "were",
    "after",
    "before",
    "season",
    "election",
    "elections",
    "census",
    "budget",
    "paper",
    "olympics",
    "world",
    "study",
    "survey",
    "report",
    "edition",
    "version",
    "model",
    "review",
    "reviews",
    "sales",
    "earnings",
    "revenue",
    "revenues",
    "profits",
    "results",
    "campaign",
    "championship",
    "cup",
    "games",
    "film",
    "album",
    "book",
    "article",
    "release",
    "presidential",
    "general",
    "midterm",
    "midterms",
    "fiscal",
    "financial",
    "annual",
    "until",
    "through",
    "onwards",
    "onward",
    "levels",
    "level",
    "figures",
    "figure",
    "peak",
    "high",
    "low",
    "crisis",
    "recession",
    "pandemic",
    "attack",
    "attacks",
    "law",
    "act",
    "rules",
    "data",
    "estimate",
    "estimates",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "that",
    "this",
    "which",
    "gets",
    "got",
    "saw",
    "brought",
    "has",
    "had",
    "will",
    "would",
    "must",
    "could",
    "should",
    "may",
    "might",
]);

const HEDGES: &[(&str, Qualifier)] = &[
    ("on the order of", Qualifier::OrderOfMagnitude),
    ("in the order of", Qualifier::OrderOfMagnitude),
    ("of the order of", Qualifier::OrderOfMagnitude),
    ("order of", Qualifier::OrderOfMagnitude),
    // Longer phrases before the shorter ones that end with the same word.
    ("well over", Qualifier::MoreThan),
    ("well above", Qualifier::MoreThan),
    ("a little over", Qualifier::MoreThan),
    ("slightly over", Qualifier::MoreThan),
    ("slightly more than", Qualifier::MoreThan),
    ("a little more than", Qualifier::MoreThan),
    ("well under", Qualifier::LessThan),
    ("well below", Qualifier::LessThan),
    ("a little under", Qualifier::LessThan),
    ("slightly under", Qualifier::LessThan),
    ("slightly less than", Qualifier::LessThan),
    ("a little less than", Qualifier::LessThan),
    ("just shy of", Qualifier::Nearly),
    ("shy of", Qualifier::Nearly),
    ("just short of", Qualifier::Nearly),
    ("the best part of", Qualifier::Nearly),
    ("the better part of", Qualifier::Nearly),
    ("more or less", Qualifier::Approx),
    ("just under", Qualifier::LessThan),
    ("just over", Qualifier::MoreThan),
    ("just above", Qualifier::MoreThan),
    ("just below", Qualifier::LessThan),
    ("more than", Qualifier::MoreThan),
    ("greater than", Qualifier::MoreThan),
    ("larger than", Qualifier::MoreThan),
    ("higher than", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("upward of", Qualifier::MoreThan),
    ("north of", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("exceeding", Qualifier::MoreThan),
    ("at least", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("minimum of", Qualifier::AtLeast),
    ("less than", Qualifier::LessThan),
    ("lower than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("at most", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("no more than", Qualifier::AtMost),
    ("not more than", Qualifier::AtMost),
    ("as many as", Qualifier::AtMost),
    ("as much as", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
    ("maximum of", Qualifier::AtMost),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
    ("about", Qualifier::Approx),
    ("around", Qualifier::Approx),
    ("roughly", Qualifier::Approx),
    ("approximately", Qualifier::Approx),
    ("approx", Qualifier::Approx),
    ("an estimated", Qualifier::Approx),
    ("estimated", Qualifier::Approx),
    ("some", Qualifier::Approx),
    ("circa", Qualifier::Approx),
    ("ca", Qualifier::Approx),
    ("c", Qualifier::Approx),
    ("approaching", Qualifier::Nearly),
    // Comparisons that include the number itself: "greater than or equal to 50",
    // "equal to or less than 30", "less or equal than 10".
    ("more than or equal to", Qualifier::AtLeast),
    ("more or equal than", Qualifier::AtLeast),
    ("more or equal to", Qualifier::AtLeast),
    ("equal to or more than", Qualifier::AtLeast),
    ("greater than or equal to", Qualifier::AtLeast),
    ("greater or equal than", Qualifier::AtLeast),
    ("greater or equal to", Qualifier::AtLeast),
    ("equal to or greater than", Qualifier::AtLeast),
    ("larger than or equal to", Qualifier::AtLeast),
    ("larger or equal than", Qualifier::AtLeast),
    ("larger or equal to", Qualifier::AtLeast),
    ("equal to or larger than", Qualifier::AtLeast),
    ("bigger than or equal to", Qualifier::AtLeast),
    ("bigger or equal than", Qualifier::AtLeast),
    ("bigger or equal to", Qualifier::AtLeast),
    ("equal to or bigger than", Qualifier::AtLeast),
    ("higher than or equal to", Qualifier::AtLeast),
    ("higher or equal than", Qualifier::AtLeast),
    ("higher or equal to", Qualifier::AtLeast),
    ("equal to or higher than", Qualifier::AtLeast),
    ("less than or equal to", Qualifier::AtMost),
    ("less or equal than", Qualifier::AtMost),
    ("less or equal to", Qualifier::AtMost),
    ("equal to or less than", Qualifier::AtMost),
    ("fewer than or equal to", Qualifier::AtMost),
    ("fewer or equal than", Qualifier::AtMost),
    ("fewer or equal to", Qualifier::AtMost),
    ("equal to or fewer than", Qualifier::AtMost),
    ("smaller than or equal to", Qualifier::AtMost),
    ("smaller or equal than", Qualifier::AtMost),
    ("smaller or equal to", Qualifier::AtMost),
    ("equal to or smaller than", Qualifier::AtMost),
    ("lower than or equal to", Qualifier::AtMost),
    ("lower or equal than", Qualifier::AtMost),
    ("lower or equal to", Qualifier::AtMost),
    ("equal to or lower than", Qualifier::AtMost),
    ("at least or equal to", Qualifier::AtLeast),
    ("at most or equal to", Qualifier::AtMost),
    ("equal to or above", Qualifier::AtLeast),
    ("equal to or over", Qualifier::AtLeast),
    ("equal to or below", Qualifier::AtMost),
    ("equal to or under", Qualifier::AtMost),
    // An explicit equality: the number is exact and the words belong to the claim
    // ("equal to 20", "equals 20").
    ("equal to", Qualifier::Exact),
    ("equals", Qualifier::Exact),
    ("equals to", Qualifier::Exact),
    ("equaling", Qualifier::Exact),
    ("equaling to", Qualifier::Exact),
    ("equalling", Qualifier::Exact),
    ("equalling to", Qualifier::Exact),
    // "exactly 42", "precisely 3 metres": the writer insists on the exact value.
    ("exactly", Qualifier::Exact),
    ("precisely", Qualifier::Exact),
    ("smaller than", Qualifier::LessThan),
    ("bigger than", Qualifier::MoreThan),
    ("exceed", Qualifier::MoreThan),
    ("exceeds", Qualifier::MoreThan),
    ("exceeded", Qualifier::MoreThan),
    ("surpass", Qualifier::MoreThan),
    ("surpasses", Qualifier::MoreThan),
    ("surpassed", Qualifier::MoreThan),
    ("surpassing", Qualifier::MoreThan),
    // "within 250 m of a seed source", "within 72 hours": no farther, no later.
    ("within", Qualifier::AtMost),
    ("near", Qualifier::Approx),
    ("upto", Qualifier::AtMost),
    ("as high as", Qualifier::AtMost),
];

/// The last word of every phrase in `HEDGES` (a test keeps them in step).
static HEDGE_LAST_WORDS: WordSet = WordSet::new(&[
    "exactly",
    "precisely",
    "equals",
    "equaling",
    "equalling",
    "about",
    "above",
    "almost",
    "approaching",
    "approx",
    "approximately",
    "around",
    "as",
    "below",
    "c",
    "ca",
    "circa",
    "estimated",
    "exceed",
    "exceeded",
    "exceeding",
    "exceeds",
    "least",
    "less",
    "most",
    "nearly",
    "of",
    "over",
    "roughly",
    "some",
    "surpass",
    "surpassed",
    "surpasses",
    "surpassing",
    "than",
    "to",
    "under",
    "within",
    "upto",
    "near",
]);

static UP_WORDS: WordSet = WordSet::new(&[
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "increased",
    "increase",
    "increases",
    "increasing",
    "grew",
    "grow",
    "grows",
    "grown",
    "growing",
    "gained",
    "gain",
    "gains",
    "climbed",
    "climb",
    "climbs",
    "jumped",
    "jump",
    "jumps",
    "surged",
    "surge",
    "surges",
    "soared",
    "soar",
    "soars",
    "up",
    "higher",
    "advanced",
    "advances",
    "added",
    "adds",
    "boosted",
    "raised",
    "raises",
    "expanded",
    "rallied",
    "spiked",
    "doubled",
    "tripled",
    "improved",
    "jumping",
    "soaring",
    "surging",
    "climbing",
    "gaining",
    "advancing",
    "rallying",
    "spiking",
    "upward",
    "upwards",
    "hiked",
    "boosting",
    "raising",
    "leapt",
    "leaped",
    "rocketed",
    "skyrocketed",
    "widened",
]);

static DOWN_WORDS: WordSet = WordSet::new(&[
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "dropped",
    "drop",
    "drops",
    "declined",
    "decline",
    "declines",
    "decreased",
    "decrease",
    "decreases",
    "slid",
    "slide",
    "slides",
    "slipped",
    "slip",
    "plunged",
    "plunge",
    "plummeted",
    "tumbled",
    "down",
    "lower",
    "lost",
    "loses",
    "lose",
    "shed",
    "sheds",
    "cut",
    "cuts",
    "reduced",
    "reduce",
    "shrank",
    "shrink",
    "sank",
    "dipped",
    "dip",
    "eased",
    "slumped",
    "slump",
    "contracted",
    "halved",
    "tumbling",
    "sliding",
    "dropping",
    "declining",
    "decreasing",
    "plummeting",
    "plunging",
    "sinking",
    "slumping",
    "shrinking",
    "losing",
    "dipping",
    "downward",
    "downwards",
    "slashed",
    "slashing",
    "trimmed",
    "trimming",
    "lowered",
    "lowering",
    "reducing",
    "cutting",
    "shedding",
    "narrowed",
    "retreated",
    "weakened",
]);

static UP_NOUNS: WordSet = WordSet::new(&[
    "longer",
    "larger",
    "bigger",
    "greater",
    "increase",
    "rise",
    "gain",
    "jump",
    "growth",
    "hike",
    "higher",
    "up",
    "more",
    "surge",
    "boost",
    "climb",
    "increases",
    "rises",
    "gains",
    "jumps",
]);
static DOWN_NOUNS: WordSet = WordSet::new(&[
    "shorter",
    "smaller",
    "decrease",
    "drop",
    "decline",
    "fall",
    "cut",
    "lower",
    "down",
    "less",
    "reduction",
    "loss",
    "slump",
    "dip",
    "cuts",
    "drops",
    "declines",
    "falls",
    "losses",
    "fewer",
]);

/// Unit surfaces that are also common English words: only a unit when no word follows.
static WORDLIKE_UNITS: WordSet =
    WordSet::new(&["in", "a", "an", "at", "per", "pt", "yr", "d", "l", "mi"]);

/// Words after "N times" or "twice" that make it a comparison of amounts, not a count of
/// occurrences: "as", "the", "that", possessives, and comparatives.
static MULTIPLIER_FOLLOWERS: WordSet = WordSet::new(&[
    "more", "less", "fewer", "the", "that", "those", "these", "its", "his", "her", "their", "our",
    "my", "your", "what", "above", "below", "higher", "lower", "larger", "bigger", "smaller",
    "greater", "faster", "slower", "longer", "shorter", "heavier", "lighter", "stronger", "weaker",
    "cheaper", "richer", "poorer", "older", "younger", "deeper", "wider", "taller", "hotter",
    "colder", "warmer", "cooler", "brighter", "denser", "thicker", "thinner", "louder", "safer",
    "riskier", "likelier", "costlier", "pricier", "easier", "harder", "quicker", "worse", "better",
    "further", "farther", "closer", "steeper", "sharper", "normal", "average", "usual",
]);

/// Words after "N times" or "twice" that carry on a clause about occurrences.
static COUNT_FOLLOWERS: WordSet = WordSet::new(&[
    "a",
    "an",
    "per",
    "each",
    "every",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "annually",
    "in",
    "on",
    "at",
    "for",
    "since",
    "during",
    "before",
    "after",
    "already",
    "so",
    "and",
    "but",
    "or",
    "nor",
    "while",
    "when",
    "whereas",
    "with",
    "without",
    "from",
    "between",
    "against",
    "last",
    "this",
    "next",
    "to",
    "into",
    "until",
    "through",
    "throughout",
    "out",
    "now",
    "ago",
    "then",
    "there",
    "here",
    "again",
    "altogether",
    "overall",
    "previously",
    "recently",
    "straight",
    "running",
    "consecutively",
    "within",
    "off",
    "up",
    "down",
    "around",
    "across",
    "under",
    "over",
    "because",
    "if",
    "unless",
    "despite",
    "although",
    "though",
    "yet",
    "still",
    "too",
    "also",
    "only",
    "just",
    "all",
    "both",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "it",
    "that's",
    "by",
    "of",
    "about",
]);

/// Hedge words between "by" and "N times" ("by up to 10 times", "by more than 3 times").
static HEDGE_WORDS_BEFORE_BY: WordSet = WordSet::new(&[
    "up",
    "to",
    "more",
    "less",
    "than",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "over",
    "at",
    "least",
    "most",
    "roughly",
    "approximately",
    "as",
    "much",
    "many",
]);

/// Words after "twice as" that make "as" a conjunction or "also", not a comparison.
static AS_OPENS_A_CLAUSE: WordSet = WordSet::new(&[
    "a", "an", "the", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its",
    "our", "my", "your", "this", "that", "these", "those", "well", "part", "if", "though",
    "expected", "usual", "soon", "planned",
]);

/// Words that end a counted-noun phrase (or show the number counts nothing after it).
static NOT_COUNTED: WordSet = WordSet::new(&[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "also",
    "among",
    "an",
    "and",
    "another",
    "any",
    "apiece",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "down",
    "during",
    "each",
    "earlier",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "least",
    "less",
    "lower",
    "higher",
    "like",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "neither",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "others",
    "our",
    "out",
    "over",
    "own",
    "per",
    "percent",
    "plus",
    "previously",
    "rather",
    "same",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "times",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "versus",
    "vs",
    "ahead",
    "away",
    "early",
    "late",
    "respectively",
    "apart",
    "altogether",
    "overall",
    "each",
    "instead",
    "always",
    "perhaps",
    "besides",
    "thanks",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
    "half",
    "quarter",
    "says",
    "said",
    "goes",
    "gets",
    "makes",
    "takes",
    "comes",
    "seems",
    "remains",
    "becomes",
    "has",
    "was",
    "does",
    "is",
    "this",
    "its",
    "whereas",
    "unless",
    "against",
    "across",
    "along",
    "beyond",
    "inside",
    "outside",
    "throughout",
    "till",
    "despite",
    "amid",
    "amongst",
    "following",
    "according",
    "compared",
    "ended",
    "ending",
    "versus",
    "am",
    "pm",
    "gmt",
    "est",
    "bst",
    "utc",
]);

/// "MPs", "CEOs", "GPs": capitals and a plural "s".
fn plural_acronym(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3 && b[b.len() - 1] == b's' && b[..b.len() - 1].iter().all(u8::is_ascii_uppercase)
}

/// A plural-looking noun: "goals", "countries", "people", "women".
fn looks_plural(w: &str) -> bool {
    if matches!(
        w,
        "people"
            | "men"
            | "women"
            | "children"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "staff"
            | "police"
            | "cattle"
            | "personnel"
            | "crew"
            | "aircraft"
            | "sheep"
            | "fish"
            | "deer"
    ) {
        return true;
    }
    if w.len() > 4 && w.ends_with("men") {
        // "fishermen", "servicemen"
        return true;
    }
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
}

impl<'a> Reader<'a> {
    pub fn new(ex: &'a Extractor, text: &'a str) -> Self {
        Reader {
            ex,
            text,
            before: std::cell::Cell::new(toks_before(text, 0, 0)),
            before_at: std::cell::Cell::new(usize::MAX),
            after: std::cell::Cell::new((usize::MAX, None)),
            taken_until: std::cell::Cell::new(0),
        }
    }

    /// Text before `end` belongs to a quantity already found.
    pub fn set_taken_until(&self, end: usize) {
        self.taken_until.set(end);
    }

    pub fn taken_until(&self) -> usize {
        self.taken_until.get()
    }

    /// Up to `MAX_BEFORE` tokens ending at or before `pos`, nearest last (cached).
    fn toks_before(&self, pos: usize) -> TokBuf {
        if self.before_at.get() == pos {
            return self.before.get();
        }
        // Five tokens serve every rule that looks back (the longest hedge has four words).
        let toks = toks_before(self.text, pos, 5);
        self.before.set(toks);
        self.before_at.set(pos);
        toks
    }

    /// The token ending at or before `pos` (from the cache when it holds `pos`).
    fn prev_tok(&self, pos: usize) -> Option<Tok> {
        if self.before_at.get() == pos {
            return self.before.get().last().copied();
        }
        super::lexer::prev_tok(self.text, pos)
    }

    fn word_after(&self, pos: usize) -> Option<(Tok, Lower)> {
        let (at, word) = self.after.get();
        if at == pos {
            return word;
        }
        let word = next_tok(self.text, pos)
            .filter(|t| !t.newline_before && t.kind == TokKind::Word)
            .map(|t| (t, lower(self.text, &t)));
        self.after.set((pos, word));
        word
    }

    /// The next token after `pos` if it is on the same line.
    fn tok_after(&self, pos: usize) -> Option<Tok> {
        next_tok(self.text, pos).filter(|t| !t.newline_before)
    }

    fn prev_word(&self, pos: usize) -> Option<(Tok, Lower)> {
        let t = self.prev_tok(pos)?;
        (t.kind == TokKind::Word).then(|| (t, lower(self.text, &t)))
    }

    pub fn read_at(&self, cand: usize, is_digit: bool) -> Outcome {
        let text = self.text;
        let measured = if is_digit {
            match self.read_digits(cand) {
                Ok(m) => m,
                Err(end) => return Outcome::SkipTo(end),
            }
        } else {
            match self.read_words(cand) {
                Ok(m) => m,
                Err(end) => return Outcome::SkipTo(end),
            }
        };
        let Some(mut m) = measured else {
            return Outcome::SkipTo(skip_token(text, cand));
        };

        // "minus ten", "negative 5 percent": a sign written as a word.
        if m.kind == NumberKind::Cardinal
            && m.core.value > 0.0
            && let Some((t, w)) = self.prev_word(m.start)
            && (w == "minus" || w == "negative")
            && !t.newline_before
            && text[t.end..m.start].chars().all(|c| c == ' ')
        {
            m.core.value = -m.core.value;
            m.start = t.start;
        }
        // "climbed to number three", "at number seven or eight": a rank, not a count.
        let rank = m.kind == NumberKind::Cardinal
            && m.unit.is_none()
            && !m.scaled
            && m.vague.is_none()
            && m.core.value >= 1.0
            && m.core.value.fract() == 0.0
            && self.prev_word(m.start).is_some_and(|(t, w)| {
                w == "number" && !t.newline_before && text[t.end..m.start].chars().all(|c| c == ' ')
            });
        // "one in five", "3 out of 10", "1 over 3": a ratio written as a fraction.
        if let Some((den, end)) = self.ratio_after(&m) {
            m.core.value /= den;
            m.core.half_unit = 0.0;
            m.core.notation = Notation::Fraction;
            m.core.plain_integer = false;
            m.end = end;
        }
        // A range continuation: "10–20", "3 to 5 million", "between 10 and 20".
        let mut before = self.prev_tok(m.start);
        let mut prev_lower = before.as_ref().map(|t| lower(text, t));
        // "from about $350 to $680": a hedge between "from" and the first number rounds
        // the range, whose claim it stays in.
        let mut intro_hedge: Option<Tok> = None;
        if let Some(h) = before
            && matches!(
                prev_lower.as_deref(),
                Some("about" | "around" | "approximately" | "roughly" | "~" | "∼" | "≈")
            )
            && let Some(t) = self.prev_tok(h.start)
            && t.kind == TokKind::Word
            && matches!(lower(text, &t).as_str(), "between" | "from")
        {
            intro_hedge = Some(h);
            before = Some(t);
            prev_lower = Some(lower(text, &t));
        }
        let prev = prev_lower.as_ref().map(Lower::as_str);
        let range_intro = matches!(prev, Some("between" | "from"));
        let mut second: Option<Measured> = None;
        if m.kind == NumberKind::Cardinal || m.kind == NumberKind::Year {
            second = self.range_end(&m, prev == Some("between"), range_intro);
        }
        if second.is_none()
            && let Some(h) = intro_hedge.take()
        {
            // No range: the hedge is read as the number's own below.
            before = Some(h);
        }
        // "16-18 Industrial Avenue", "10 Downing Street": a house number, not a quantity.
        if m.unit.is_none()
            && m.core.plain_integer
            && self.street_after(second.as_ref().map_or(m.end, |s| s.end))
        {
            return Outcome::SkipTo(second.as_ref().map_or(m.end, |s| s.end));
        }
        let mut start = m.start;
        let mut qualifier = Qualifier::Exact;
        let mut hedge: Option<String> = None;
        let mut interval_override: Option<Interval> = None;

        // "5.2 ± 0.3 mm", "9.83e-3 +/- 1e-5 km/s2": a measurement and its uncertainty are
        // one approximate claim, the interval value ± uncertainty (a hedge before it,
        // "approximately 88 ± 1%", still names the claim).
        if second.is_none()
            && m.kind == NumberKind::Cardinal
            && let Some((sign_text, s)) = self.plus_minus_after(&m)
        {
            if m.unit.is_none() {
                m.unit = s.unit;
                m.unit_span = s.unit_span;
            }
            let u = s.core.value.abs();
            interval_override = Some(Interval::closed(m.core.value - u, m.core.value + u));
            qualifier = Qualifier::Approx;
            hedge = Some(sign_text.to_string());
            m.end = s.end;
        }

        let mut score = false;
        if let Some(mut s) = second.take() {
            score = self.score_pair(&m, &s);
            // "2000/2001": a slash joins only the two years of a season.
            let slashed = &text[m.end..s.start] == "/";
            // "3 to 5 million", "$89 to $93 billion": the first number takes the second's
            // scale and unit (a currency written on both ends must be the same one).
            if !m.scaled && s.scaled && (m.unit.is_none() || s.unit.is_none() || m.unit == s.unit) {
                let scale = scale_of(&s);
                if m.core.value * scale <= s.core.value * 1.0001 {
                    m.core.value *= scale;
                    m.core.half_unit *= scale;
                }
            }
            if m.unit.is_none() {
                m.unit = s.unit;
            }
            if s.unit.is_none() {
                s.unit = m.unit;
                s.unit_span = m.unit_span;
            }
            let lo = m.core.value.min(s.core.value);
            let hi = m.core.value.max(s.core.value);
            // The writer chose the endpoints: a range is [low, high] as written.
            interval_override = Some(Interval::closed(lo, hi));
            qualifier = Qualifier::Range;
            if range_intro {
                start = before.map_or(start, |t| t.start);
            }
            if let Some(h) = intro_hedge {
                hedge = Some(h.text(text).to_string());
            }
            m.unit_span = m.unit_span.or(s.unit_span);
            m.end = s.end;
            // "between 2014 and 2017", "from 1600 to 1900": a span of calendar years.
            let season = s.kind == NumberKind::Year || slashed;
            let years = season
                || m.kind == NumberKind::Year
                    && s.core.plain_integer
                    && s.core.digit_count == 4
                    && s.unit.is_none()
                    && (1000.0..2200.0).contains(&s.core.value)
                    && !self.plural_noun_after(s.end)
                    && (!self.next_is_plain_word(s.end)
                    // "between 2014 and 2017 came back": two close modern years after
                    // "between" or "from" are a span of time even before a word (a count
                    // would be round).
                    || (range_intro
                        && (1800.0..=2100.0).contains(&m.core.value)
                        && s.core.value <= 2100.0
                        && s.core.value > m.core.value
                        && s.core.value - m.core.value <= 100.0
                        && m.core.value % 100.0 != 0.0));
            if !years {
                m.kind = NumberKind::Cardinal;
            }
            // "four to five times more expensive": a range of multipliers, not of occurrences.
            if m.unit == self.ex.units.get_index("times") && self.compares_at(m.start, s.end) {
                m.kind = NumberKind::Multiplier;
                m.unit = None;
            }
        }

        if rank {
            m.kind = NumberKind::Ordinal;
        }
        // "about 5–20%": an approximate range keeps its hedge words in the claim.
        if qualifier == Qualifier::Range
            && hedge.is_none()
            && !range_intro
            && let Some((q, hstart, htext)) = self.hedge_before(m.start)
            && matches!(q, Qualifier::Approx | Qualifier::Nearly)
        {
            hedge = Some(htext);
            start = hstart;
            // "from ∼20 ppm to ∼180 ppm": the range's "from" or "between" before a sign.
            if let Some((t, w)) = self.prev_word(hstart)
                && matches!(w.as_str(), "from" | "between")
                && text[t.end..hstart].chars().all(|c| c == ' ')
            {
                start = t.start;
            }
        }
        // The hedge or bound before the number ("well above 2004's average" bounds the
        // year's figure, not the year).
        let possessive_year = m.kind == NumberKind::Year
            && (text[m.end..].starts_with("'s") || text[m.end..].starts_with("’s"));
        if qualifier != Qualifier::Range && !possessive_year {
            if let Some((q, hstart, htext)) = self
                .bound_or_hedge_before(m.start)
                // ("a win over sixth-seeded Volandri", "anything about 1st century
                // history": before an ordinal the word is a preposition.)
                // (Nor a hedge word that ends the quantity before: "3 times over ½".)
                .filter(|(_, hstart, htext)| {
                    m.kind != NumberKind::Ordinal
                        && *hstart >= self.taken_until.get()
                        && !self.over_a_period(*hstart, htext, &m)
                })
            {
                qualifier = q;
                hedge = Some(htext);
                start = hstart;
                // "more than 1500", "under 2000": a bound is a count, not a calendar year.
                if m.kind == NumberKind::Year
                    && m.vague.is_none()
                    && matches!(
                        q,
                        Qualifier::MoreThan
                            | Qualifier::AtLeast
                            | Qualifier::LessThan
                            | Qualifier::AtMost
                    )
                {
                    m.kind = NumberKind::Cardinal;
                }
            } else if m.core.bare_power {
                qualifier = Qualifier::OrderOfMagnitude;
            }
            // "20 dollars 43 cents", "3 GBP and 1 pence": the subunit belongs to the amount.
            if let Some(u) = m.unit
                && self.ex.units.unit(u).is_currency()
                && self.ex.units.unit(u).factor == 1.0
                && !m.scaled
                && let Some((cents, end)) = self.subunit_after(m.end)
            {
                m.core.value += cents / 100.0;
                m.core.half_unit = 0.005;
                m.end = end;
            }
            // "5 feet 10 inches", "1 hour and 30 minutes": a composite measure is one value,
            // in the first unit.
            if m.unit.is_some() && !m.scaled && m.vague.is_none() && m.kind == NumberKind::Cardinal
            {
                let single = m.clone();
                let mut enumeration = false;
                while let Some((add, half, unit, end)) = self.composite_part(&m) {
                    // "3 years, 2 months, 14 days, and 16 hours": a serial comma before
                    // "and" marks an enumeration of separate measures.
                    enumeration |= self.serial_and_after(m.end);
                    m.core.value += add;
                    m.core.half_unit = half;
                    m.end = end;
                    m.unit = Some(unit);
                }
                // "one hour and a half", "two months and half": half of the last unit.
                if let Some(u) = m.unit
                    && m.end == single.end
                    && let Some(len) = [" and a half", " and half"].iter().find_map(|p| {
                        let rest = &text.as_bytes()[m.end..];
                        (rest.len() >= p.len()
                            && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes())
                            && rest
                                .get(p.len())
                                .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'-'))
                        .then_some(p.len())
                    })
                    && matches!(
                        self.ex.units.unit(u).dimension.as_str(),
                        "time" | "length" | "mass" | "volume" | "currency"
                    )
                {
                    m.core.value += 0.5;
                    m.core.half_unit = 0.0;
                    m.end += len;
                }
                // The value stays in the first unit.
                m.unit = single.unit;
                if enumeration {
                    m = single;
                }
            }
            // "500+" and "10,000 or more": bounds written after the number.
            if let Some((q, end)) = self.bound_after(m.end) {
                // "about 500 or more": the bound is the claim; the hedge words stay.
                if matches!(
                    qualifier,
                    Qualifier::Exact | Qualifier::Approx | Qualifier::Nearly
                ) {
                    qualifier = q;
                }
                m.end = end;
            } else if let Some((q, end)) = self.or_equal_after(qualifier, m.end) {
                qualifier = q;
                m.end = end;
            }
        }
        // "more than 10 and less than 40", "at most 100 and at least 20": two bounds of
        // opposite sides make one range.
        if matches!(
            qualifier,
            Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan | Qualifier::AtMost
        ) && let Some((q2, other)) = self.opposite_bound_after(qualifier, m.end)
        {
            let lower_first = matches!(qualifier, Qualifier::MoreThan | Qualifier::AtLeast);
            let (lo, lo_q, hi, hi_q) = if lower_first {
                (m.core.value, qualifier, other.core.value, q2)
            } else {
                (other.core.value, q2, m.core.value, qualifier)
            };
            let (lo_incl, hi_incl) = (lo_q == Qualifier::AtLeast, hi_q == Qualifier::AtMost);
            // An empty interval ("less than 10, more than 10") is two claims, not a range.
            if lo < hi || (lo == hi && lo_incl && hi_incl) {
                interval_override = Some(Interval {
                    low: lo,
                    high: hi,
                    low_inclusive: lo_incl,
                    high_inclusive: hi_incl,
                });
                qualifier = Qualifier::Range;
                if m.unit.is_none() {
                    m.unit = other.unit;
                    m.unit_span = other.unit_span;
                }
                m.end = other.end;
            }
        }
        if let Some(v) = m.vague {
            if qualifier == Qualifier::Exact {
                qualifier = Qualifier::Vague;
            }
            interval_override.get_or_insert(v);
        }

        let is_year = m.kind == NumberKind::Year;
        if is_year && m.vague.is_none() {
            // A calendar year names one year, not 2016.5–2017.5.
            m.core.half_unit = 0.0;
        }
        let interval = interval_override.unwrap_or_else(|| {
            interval::reading(
                m.core.value,
                m.core.half_unit,
                qualifier,
                DEFAULT_HEDGE_TOLERANCE,
                is_year,
            )
        });
        let value = if qualifier == Qualifier::Range || qualifier == Qualifier::Vague {
            if interval.low > 0.0 && interval.high.is_finite() && qualifier == Qualifier::Vague {
                interval.low
            } else {
                (interval.low + interval.high) / 2.0
            }
        } else {
            m.core.value
        };
        // "increase between 5% and 6%", "jumped from 240 to 273": the range is the two
        // levels, not the size of a move.
        // (A calendar year, a rank, a score or a count of occurrences is no move: "rose
        // faster than in 2019", "rose to number three", "lost 3-1", "raised taxes 66 times".)
        let change = if (qualifier == Qualifier::Range && range_intro)
            || matches!(m.kind, NumberKind::Year | NumberKind::Ordinal)
            || score
            || m.unit.is_some() && m.unit == self.ex.units.get_index("times")
        {
            None
        } else {
            self.change_around(start, m.end)
        };
        let not_a_claim = if score {
            Some(NotAClaim::Score)
        } else {
            self.relative_time(&m)
        };
        let (unit, unit_text) = match (m.unit, m.unit_span) {
            (Some(u), Some(sp)) => (
                Some(self.ex.units.unit(u).id.clone()),
                Some(sp.slice(text).to_string()),
            ),
            (Some(u), None) => (Some(self.ex.units.unit(u).id.clone()), None),
            _ => (None, None),
        };
        let (mut unit, unit_text) = match m.kind {
            NumberKind::Multiplier => (None, unit_text),
            _ => (unit, unit_text),
        };
        // A counted noun that is not a unit of the table ("22 goals", "one solution"):
        // kept as `unit_text` (with its span) but outside the claim's span, and with no
        // unit id, so the checker treats the number as a plain count.
        let mut unit_span = m.unit_span;
        let mut unit_text = unit_text;
        // (A ratio, "1:1 molar ratios", counts nothing.)
        if unit.is_none()
            && m.kind == NumberKind::Cardinal
            && not_a_claim.is_none()
            && !(m.core.notation == Notation::Fraction && text[m.start..m.end].contains(':'))
            && let Some(noun) = (value >= 1.0)
                .then(|| self.hyphen_compound_noun(m.end))
                .flatten()
                .or_else(|| self.counted_noun(&m, value))
        {
            unit_text = Some(noun.slice(text).to_string());
            unit_span = Some(noun);
            // "517 rushing yards", "50 previous years": the head noun is a unit.
            let phrase = noun.slice(text);
            let head = noun.start + phrase.rfind(' ').map_or(0, |i| i + 1);
            // ("eight straight World Cups": a capitalized head is a name, not a unit.)
            if head > noun.start
                && !text[head..].starts_with(|c: char| c.is_uppercase())
                && let Some(u) = self.ex.units.match_at(text, head)
                && u.end == noun.end
                && !self.ex.units.unit(u.unit).is_currency()
            {
                unit = Some(self.ex.units.unit(u.unit).id.clone());
            }
        }
        // "45 and 50 mg", "1, 5 or 10 μg/L": a bare number in a list takes the unit of the
        // number that ends it.
        if unit.is_none()
            && unit_text.is_none()
            && m.kind == NumberKind::Cardinal
            && qualifier != Qualifier::Range
            && not_a_claim.is_none()
            && let Some((u, us)) = self.list_unit_after(m.end)
            // "27 million, or 50%": a restated share, no percentage of millions.
            && !(m.scaled && self.ex.units.unit(u).dimension == "ratio")
        {
            unit = Some(self.ex.units.unit(u).id.clone());
            unit_text = Some(us.slice(text).to_string());
        }
        // "raised 280 million of the 1.5 billion shekels": a part of a sum of money is in
        // the sum's currency.
        if unit.is_none()
            && unit_text.is_none()
            && m.kind == NumberKind::Cardinal
            && qualifier != Qualifier::Range
            && not_a_claim.is_none()
            && let Some(u) = self.currency_of_whole_after(m.end)
        {
            unit = Some(self.ex.units.unit(u).id.clone());
        }
        // "$58 per barrel", "3,000 tests a day", "50 km/ms": the rate's denominator.
        let mut per_unit = None;
        if m.kind == NumberKind::Cardinal
            && not_a_claim.is_none()
            && (unit.is_some() || unit_text.is_some())
        {
            let ratio = m
                .unit
                .is_some_and(|u| self.ex.units.unit(u).dimension == "ratio");
            let noun_end = unit_span.filter(|s| s.start >= m.end).map(|s| s.end);
            let from = noun_end.unwrap_or(m.end);
            // A percentage is a rate only with "per" and a time: "15% per annum".
            let rate = self
                .rate_after(from)
                .filter(|&(u, _)| {
                    !ratio
                        || (self.ex.units.unit(u).dimension == "time"
                            && text.as_bytes()[from..].starts_with(b" per "))
                })
                .or_else(|| {
                    (!ratio && noun_end.is_none())
                        .then(|| self.inverse_unit_after(from))
                        .flatten()
                });
            if let Some((u, end)) = rate {
                per_unit = Some(self.ex.units.unit(u).id.clone());
                // A measure's span takes its rate ("50 km/ms"); money keeps the amount's
                // span ("$58" of "$58 per barrel"), as money recognizers report it.
                let money = m.unit.is_some_and(|u| self.ex.units.unit(u).is_currency());
                if noun_end.is_none() && !money {
                    m.end = end;
                    // The unit as written takes the rate: "ml/h", "mW m−2".
                    if let Some(us) = unit_span
                        && us.end <= end
                    {
                        unit_span = Some(Span::new(us.start, end));
                        unit_text = Some(text[us.start..end].to_string());
                    }
                }
            }
        }
        // "the thermostat is at 21 degrees": degrees without a scale are a temperature
        // when the sentence speaks of one, an angle otherwise ("turn 90 degrees").
        if unit.as_deref() == Some("deg") && self.speaks_of_temperature(m.start) {
            unit = Some("deg_temp".to_string());
            // "−273.15° on the Celsius scale": the scale named just after.
            if let Some(scale) = self.scale_named_after(m.end) {
                unit = Some(scale.to_string());
            }
        }
        // "the annual result was ($99.99)": an amount of money alone in brackets after a
        // copula or a colon is negative, as accounts write it (a bracket after another
        // amount restates it: "€85 ($99.99)").
        let accounting = qualifier == Qualifier::Exact
            && m.unit.is_some_and(|u| self.ex.units.unit(u).is_currency())
            && self.accounting_brackets(start, m.end);
        let (value, interval) = if accounting {
            let negated = Interval {
                low: -interval.high,
                high: -interval.low,
                low_inclusive: interval.high_inclusive,
                high_inclusive: interval.low_inclusive,
            };
            (-value, negated)
        } else {
            (value, interval)
        };
        let product_span = self.product_after(&m);
        Outcome::Found(Box::new(Quantity {
            // The brackets that make it negative belong to the claim.
            span: if accounting {
                Span::new(start - 1, m.end + 1)
            } else {
                Span::new(start, m.end)
            },
            value_span: Span::new(m.start, m.end),
            value,
            interval,
            half_unit: m.core.half_unit,
            qualifier,
            hedge,
            kind: m.kind,
            unit,
            unit_text,
            unit_span,
            per_unit,
            product_span,
            change,
            notation: if m.vague.is_some() {
                Notation::Vague
            } else {
                m.core.notation
            },
            not_a_claim,
        }))
    }

    /// Digits at `cand`, with everything attached to them. `Err(end)` skips to `end`.
    fn read_digits(&self, cand: usize) -> Result<Option<Measured>, usize> {
        let text = self.text;
        // ".08", "$.50": a decimal written without its leading zero.
        let bytes = text.as_bytes();
        let cand = if cand > 0
            && bytes[cand - 1] == b'.'
            && (cand == 1 || matches!(bytes[cand - 2], b' ' | b'\t' | b'\n' | b'(' | b'$' | b'-'))
        {
            cand - 1
        } else {
            cand
        };
        // "%2872%29": digits inside percent-encoding (URLs) are not numbers.
        if cand > 0 && bytes[cand - 1] == b'%' {
            let end = cand
                + bytes[cand..]
                    .iter()
                    .take_while(|b| !b.is_ascii_whitespace())
                    .count();
            return Err(end);
        }
        // "?q=30%25": digits in the query of a web address are not numbers.
        if cand > 0 && matches!(bytes[cand - 1], b'=' | b'&' | b'?') {
            let token_start = text[..cand]
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let token = &text[token_start..cand];
            if token.contains("://") || token.starts_with("www.") {
                let end = cand
                    + bytes[cand..]
                        .iter()
                        .take_while(|b| !b.is_ascii_whitespace())
                        .count();
                return Err(end);
            }
        }
        let core = match parse_digits(text, cand) {
            Ok(Some(c)) => season_start(text, c).unwrap_or(c),
            Ok(None) => return Ok(None),
            Err(Skip::Dotted { end }) => return Err(end),
        };
        let mut start = cand;
        let mut currency: Option<usize> = None;
        let bare_core = core;
        let mut core = core;
        // "(0.04–0.10)×10-10m": a power of ten after a times sign, its exponent's minus
        // flattened to a hyphen, is no range 10-10.
        if core.plain_integer
            && &text[cand..core.end] == "10"
            && text[..cand].trim_end_matches(' ').ends_with('×')
            && let Some(sign) = ['-', '−']
                .into_iter()
                .find(|&c| text[core.end..].starts_with(c))
        {
            let p = core.end + sign.len_utf8();
            let e = p + bytes[p..].iter().take_while(|b| b.is_ascii_digit()).count();
            if (1..=2).contains(&(e - p))
                && let Ok(exp) = text[p..e].parse::<i32>()
            {
                core.value = 10f64.powi(-exp);
                core.end = e;
                core.half_unit = 0.0;
                core.notation = Notation::PowerOfTen;
                core.plain_integer = false;
            }
        }
        // "4.2153(4) Å", "1.1(2) wt%": the uncertainty of the last digits in brackets
        // belongs to the decimal it follows (the unit comes after it).
        if !core.plain_integer
            && bytes.get(core.end) == Some(&b'(')
            && core.notation == Notation::Digits
            && text[..core.end].ends_with(|c: char| c.is_ascii_digit())
        {
            let d = bytes[core.end + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let close = core.end + 1 + d;
            if (1..=3).contains(&d)
                && bytes.get(close) == Some(&b')')
                && bytes
                    .get(close + 1)
                    .is_none_or(|b| !b.is_ascii_alphanumeric())
            {
                core.end = close + 1;
            }
        }
        let taken = self.taken_until.get();
        if let Some((cstart, unit)) = self
            .ex
            .units
            .currency_prefix_before(text, cand)
            .filter(|&(cstart, _)| cstart >= taken)
        {
            (start, currency) = self.country_dollar(cstart, unit);
        } else if let Some(sp) = char_before(text, cand)
            && matches!(sp, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
            && let Some((cstart, unit)) = self
                .ex
                .units
                .currency_prefix_before(text, cand - sp.len_utf8())
                .filter(|&(cstart, _)| cstart >= taken)
        {
            // "$ 75 million", "US$ 4.7 billion", "Rs 500": a currency symbol and a space.
            (start, currency) = self.country_dollar(cstart, unit);
        }
        // "Y=28,030", "Y=590 billion" (yen in news feeds), but "Y=5" is an equation.
        if currency.is_some()
            && text[start..cand].ends_with("Y=")
            && !(text[cand..core.end].contains([',', '.'])
                || self.followed_by_unit_or_scale(core.end))
        {
            currency = None;
            start = cand;
        }
        if currency.is_none() {
            if let Some((cstart, unit, scale)) = self
                .currency_code_before(cand, &core)
                .filter(|&(cstart, _, _)| cstart >= taken)
            {
                currency = Some(unit);
                start = cstart;
                core.value *= scale;
                core.half_unit *= scale;
            } else if let Some((cstart, unit)) = self
                .currency_name_before(cand, &core)
                .filter(|&(cstart, _)| cstart >= taken)
            {
                currency = Some(unit);
                start = cstart;
            }
        }
        // ("5 C $ 8": a country letter of the quantity before is not this one's.)
        if start < taken {
            start = cand;
            currency = None;
            core = bare_core;
        }
        // A minus sign that is not a hyphen inside a name or a range ("∼–1‰": an en dash
        // glued after an approximation or comparison sign is a minus too).
        if let Some(c) = char_before(text, start)
            && (c == '-'
                || c == '−'
                || (c == '–'
                    && char_before(text, start - c.len_utf8())
                        .is_some_and(|b| "∼~≈<>≤≥=".contains(b))))
        {
            let sign_at = start - c.len_utf8();
            let before_sign = char_before(text, sign_at);
            let sign_word = word_ending_at(text, sign_at, &["minus", "negative"]);
            let money_before_sign = if currency.is_none() {
                self.ex
                    .units
                    .currency_prefix_before(text, sign_at)
                    .filter(|&(cstart, _)| cstart >= taken)
            } else {
                None
            };
            if before_sign.is_none_or(|b| b.is_whitespace() || "(=[:;,/<>~∼≈≤≥".contains(b))
            {
                start -= c.len_utf8();
                core.value = -core.value;
            } else if let Some((cstart, unit)) = money_before_sign {
                // "$-50.8bn": a sign between the currency symbol and the digits.
                currency = Some(unit);
                start = cstart;
                core.value = -core.value;
            } else if let Some(wstart) = sign_word {
                // "minus-5 yards": the word and the sign say the same thing once.
                start = wstart;
                core.value = -core.value;
            } else if before_sign.is_some_and(|b| b.is_alphabetic())
                && word_ending_at(text, sign_at, &["sub"]).is_none()
            {
                // GPT-3, COVID-19, top-5, ILSVRC-2012 ("sub-7 nm" is a bound, read as a
                // hedge).
                return Err(self.skip_name_tail(core.end));
            }
        }
        if currency.is_none()
            && let Some(c) = char_before(text, start)
        {
            // "Mg(ClO4)2": digits glued after a closing bracket are a subscript or label.
            // ("2x25 m": a times sign between two numbers, see `glued_suffix`.)
            let times_sign = matches!(c, 'x' | 'X')
                && char_before(text, start - 1).is_some_and(|d| d.is_ascii_digit());
            if (c.is_alphabetic() && !times_sign)
                || c == '_'
                || c == '#'
                || c == '@'
                // ("46%/62% lower": a slash between two percentages pairs them.)
                || (c == '/' && char_before(text, start - 1) != Some('%'))
                || c == ')'
            {
                return Err(self.skip_name_tail(core.end));
            }
            // "respectively.4": a note number glued after the full stop of a word.
            if c == '.'
                && core.plain_integer
                && core.digit_count <= 3
                && char_before(text, start - 1).is_some_and(|b| b.is_ascii_lowercase())
                && char_at(text, core.end).is_none_or(|a| a.is_whitespace())
            {
                return Err(core.end);
            }
            // "J1149.5+2223", "PSR B1919+21": a plus glued after a code of letters and
            // digits joins a catalogue name ("3.4+0.1" and "T+21 days" stay numbers).
            if c == '+' {
                let code = text[..start - 1]
                    .rsplit(|c: char| !(c.is_alphanumeric() || c == '.'))
                    .next()
                    .unwrap_or("");
                if code.starts_with(char::is_alphabetic)
                    && code.contains(|c: char| c.is_ascii_digit())
                {
                    return Err(self.skip_name_tail(core.end));
                }
            }
            // "10:30", "3.14.1"
            if c == ':' && char_before(text, start - 1).is_some_and(|b| b.is_ascii_digit()) {
                return Err(core.end);
            }
            // "doi:10.1016", "arXiv:1706.03762": an identifier after a prefix and a colon.
            if c == ':' && char_before(text, start - 1).is_some_and(char::is_alphabetic) {
                let end = start
                    + text[start..]
                        .find(|c: char| c.is_whitespace())
                        .unwrap_or(text.len() - start);
                return Err(end);
            }
        }
        let after = char_at(text, core.end);
        // Times of day: "10:30", "5pm", "5 p.m."
        let mut after = after;
        if after == Some(':') && text[core.end + 1..].starts_with(|c: char| c.is_ascii_digit()) {
            // "a 1:100 dilution", "a ratio of 93:7", "1:60": a ratio when the second part
            // cannot be minutes (one digit, three or more, or 60 and over); not a verse
            // after a name ("Genesis 1:1").
            let p = core.end + 1;
            let e = p + bytes[p..].iter().take_while(|b| b.is_ascii_digit()).count();
            let second: f64 = text[p..e].parse().unwrap_or(0.0);
            let ratio = core.plain_integer
                && currency.is_none()
                && second > 0.0
                && (e - p == 1 || e - p >= 3 || second >= 60.0)
                && !(matches!(bytes.get(e), Some(b':' | b'.' | b','))
                    && bytes.get(e + 1).is_some_and(u8::is_ascii_digit))
                && bytes.get(e).is_none_or(|b| !b.is_ascii_alphanumeric())
                && !self.prev_word(start).is_some_and(|(t, _)| {
                    t.text(text).starts_with(|c: char| c.is_uppercase())
                        && !self.sentence_initial(t.start)
                });
            if !ratio {
                let mut e = core.end + 1;
                // ("2:01.52": a race time keeps its hundredths.)
                while text[e..].starts_with(|c: char| c.is_ascii_digit() || c == ':')
                    || (text[e..].starts_with('.')
                        && text[e + 1..].starts_with(|c: char| c.is_ascii_digit()))
                {
                    e += 1;
                }
                return Err(e);
            }
            core.value /= second;
            core.end = e;
            core.half_unit = 0.0;
            core.notation = Notation::Fraction;
            core.plain_integer = false;
            after = char_at(text, e);
        }
        // An hour is whole or written h.mm ("5.30pm", "10.45pm"); "2.123 pm" is picometres.
        let written = core.end - core.start;
        let clock_like = core.plain_integer
            || (matches!(written, 4 | 5)
                && text.as_bytes().get(core.end - 3) == Some(&b'.')
                && (core.value.fract() * 100.0).round() < 60.0);
        if let Some((t, w)) = self.word_after(core.end)
            && matches!(w.as_str(), "am" | "pm" | "a.m" | "p.m" | "a" | "p")
            && (w.len() == 2 || text[t.end..].starts_with(".m"))
            && core.value <= 12.0
            && clock_like
        {
            return Err(t.end);
        }
        // "at 1430 GMT": a time of day on the 24-hour clock before a time zone.
        if core.plain_integer
            && core.digit_count == 4
            && (core.value as u32) / 100 < 24
            && (core.value as u32) % 100 < 60
            && let Some((t, w)) = self.word_after(core.end)
            && !t.newline_before
            && TIME_ZONES.contains(&w)
        {
            return Err(t.end);
        }
        // Phone numbers and ISO dates: 555-123-4567, 2020-12-08
        if after == Some('-') && core.plain_integer {
            let p = core.end + 1;
            let e = p + text[p..].bytes().take_while(u8::is_ascii_digit).count();
            if e > p
                && text[e..].starts_with('-')
                && text[e + 1..].starts_with(|c: char| c.is_ascii_digit())
            {
                let mut end = e + 1;
                while text[end..].starts_with(|c: char| c.is_ascii_digit() || c == '-') {
                    end += 1;
                }
                return Err(end);
            }
        }
        // List markers "1. ", "2) " at the start of a line; citations "[1]".
        if core.plain_integer && at_line_start(text, start) && core.value < 1000.0 {
            let rest = &text[core.end..];
            if (rest.starts_with(". ") || rest.starts_with(") ") || rest.starts_with(".\t"))
                || rest == "."
                || rest.starts_with(".\n")
            {
                return Err(core.end + 1);
            }
        }
        // Part numbers: "24703 L-202", "24703 m212": a letter code with two or more digits
        // after the number makes the whole a code ("10 s-1" is an exponent).
        if core.plain_integer
            && text[core.end..].starts_with(' ')
            && let Some(code_end) = letter_digit_code_at(text, core.end + 1)
        {
            return Err(code_end);
        }
        // Enumerators "1) ", "2 ) " with no opening bracket before them on the line:
        // "the study 1) explains ... 2) predicts".
        if core.plain_integer
            && core.digit_count <= 2
            && text[core.end..].trim_start_matches(' ').starts_with(')')
            && !text[..start]
                .rsplit('\n')
                .next()
                .is_some_and(|line| line.contains('('))
        {
            return Err(core.end);
        }
        // Citations "[1]", "[12,48]", "[6–8]", and enumerators "(2)"; not money ("(£300)").
        let bracketed = matches!(
            (char_before(text, start), after),
            (Some('['), Some(']')) | (Some('('), Some(')'))
        );
        // "{111} planes": Miller indices and other labels in braces.
        let bracketed = bracketed || (char_before(text, start), after) == (Some('{'), Some('}'));
        if bracketed && currency.is_none() && core.plain_integer && core.digit_count <= 3 {
            return Err(core.end + 1);
        }
        if char_before(text, start) == Some('[')
            && let Some(close) = citation_list_end(text, core.end)
        {
            return Err(close);
        }
        if currency.is_none() && char_before(text, start) == Some('(') {
            let glued_to_word = char_before(text, start - 1).is_some_and(char::is_alphanumeric);
            // "F(3, 8.9)", "poly(3-hexylthiophene)": arguments of a function or parts of a
            // chemical name, in brackets glued to a word.
            if glued_to_word {
                let close = text[start..]
                    .char_indices()
                    .take_while(|&(i, c)| i < 60 && c != '\n')
                    .find(|&(_, c)| c == ')')
                    .map_or(self.skip_name_tail(core.end), |(i, _)| start + i + 1);
                return Err(close);
            }
            // "(26,29,49)", "(4,35–38,44)": a citation list in brackets, written without
            // spaces ("(4,350)" is one number, read before this).
            if after == Some(',')
                && text[core.end + 1..].starts_with(|c: char| c.is_ascii_digit())
                && let Some(close) = bracket_citation_end(text, core.end)
            {
                return Err(close);
            }
        }
        // "(OMIM: 606639)", "ISBN: 0131103628": a long number after an upper-case key and a
        // colon is an identifier.
        if core.plain_integer
            && core.digit_count >= 5
            && !text[cand..core.end].contains(',')
            && text[..start].ends_with(": ")
            && text[..start - 2]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|k| {
                    k.len() >= 2
                        && k.chars()
                            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                        && k.starts_with(|c: char| c.is_ascii_uppercase())
                })
        {
            return Err(core.end);
        }
        // "25-0517", "007": a digit group with a leading zero is a code, not a quantity.
        if core.plain_integer && core.digit_count >= 2 && text.as_bytes()[core.start] == b'0' {
            return Err(self.skip_name_tail(core.end));
        }
        // References: "page 3", "Table 2", "Fig. 4", "Section 4.5", "Figs. 5 and 6".
        if currency.is_none()
            && (core.plain_integer || core.notation == Notation::Digits)
            && let Some((pt, pw)) = self.reference_word_before(start)
            && !pt.newline_before
            && REFERENCE_NOUNS.contains(&pw)
            && (!self.followed_by_unit_or_scale(core.end)
                // "Fig. 10B", "Table 2b": a panel letter, not billions or bits.
                || match text.as_bytes()[core.end..] {
                    [c] => c.is_ascii_alphabetic(),
                    [c, d, ..] => c.is_ascii_alphabetic() && !d.is_ascii_alphanumeric(),
                    [] => false,
                })
        {
            // "in the region 1065–1280 nm": a range or list that ends in a unit measures.
            let list_end = self.reference_list_end(core.end);
            let p = skip_inline_space(text, list_end);
            let measured = list_end > self.skip_name_tail(core.end)
                && self
                    .ex
                    .units
                    .match_at(text, p)
                    .is_some_and(|u| !WORDLIKE_UNITS.contains(&Lower::new(&text[p..u.end])));
            if !measured {
                return Err(list_end);
            }
        }
        // "phases 3, 5 and 7", "columns 2 and 3", "on days 35 and 71": small numbers listed
        // right after a plural noun name its members; they count nothing.
        if currency.is_none()
            && core.plain_integer
            && core.digit_count <= 3
            && let Some(end) = self.label_list_after_plural(start, core.end)
        {
            return Err(end);
        }
        // Names: "Boeing 747".
        if core.plain_integer
            && currency.is_none()
            && let Some((pt, pw)) = self.prev_word(start)
            && !pt.newline_before
        {
            let bare = pw.trim_end_matches('.');
            let ptext = pt.text(text);
            // "Boeing 747", and camel-case product names: "iPhone 12", "eBay 2".
            let capitalized = ptext.chars().next().is_some_and(char::is_uppercase)
                || (ptext.len() > 2
                    && ptext.as_bytes()[0].is_ascii_lowercase()
                    && ptext.as_bytes()[1].is_ascii_uppercase());
            if capitalized
                && !FUNCTION_WORDS.contains(bare)
                && !MONTHS.contains(bare)
                && !self.sentence_initial(pt.start)
                && self.ex.units.match_at(text, pt.start).is_none()
                && !self.followed_by_unit_or_scale(core.end)
                && text[pt.end..start].chars().all(|c| c == ' ')
            {
                return Err(self.skip_name_tail(core.end));
            }
            // "March 13": a day of the month.
            if MONTHS.contains(bare) && core.value <= 31.0 && core.digit_count <= 2 {
                return Err(core.end);
            }
        }
        // "Oct. 31", "feb. 21": a day after an abbreviated month.
        if core.plain_integer
            && core.digit_count <= 2
            && core.value <= 31.0
            && currency.is_none()
            && abbreviated_month_before(text, start)
        {
            return Err(core.end);
        }
        // "787 Dreamliner", "49 Zorro Ranch Road", "11 Pro": a number followed by a
        // capitalized singular word (not a unit, not a counted plural) is part of a name;
        // not a year ("in 2017 Attention Is All You Need was released").
        if core.plain_integer
            && currency.is_none()
            && !(core.digit_count == 4 && (1000.0..2200.0).contains(&core.value))
            && text[core.end..].starts_with(' ')
            && let Some((t, w)) = self.word_after(core.end)
            && t.start == core.end + 1
            && t.text(text).starts_with(|c: char| c.is_ascii_uppercase())
            && !looks_plural(&w)
            && !MONTHS.contains(&w)
            && !FUNCTION_WORDS.contains(&w)
            && !NOT_COUNTED.contains(&w)
            && self.ex.units.match_at(text, t.start).is_none()
            && self.million_code_at(t.start).is_none()
            && words::scale(&w).is_none()
            && !self.followed_by_unit_or_scale(core.end)
            // "62 Labour rebels", "300 US shareholders": a name before a plural noun
            // qualifies what is counted (unless a count comes before: "two new 737 Max
            // jets").
            && !(self
                .toks_before(start)
                .iter()
                .rev()
                .take(2)
                .all(|p| p.kind != TokKind::Digits && words::small(&lower(text, p)).is_none())
                // ("56 COVID-19 deaths": past the name's digits; "5 British MPs": a plural
                // acronym.)
                && self.word_after(self.skip_name_tail(t.end)).is_some_and(|(n, nw)| {
                n.space_before
                    && !n.newline_before
                    && ((text[n.start..].starts_with(|c: char| c.is_ascii_lowercase())
                        && looks_plural(&nw)
                        && !NOT_COUNTED.contains(&nw))
                        || plural_acronym(n.text(text)))
                }))
        {
            return Err(self.skip_name_tail(core.end));
        }
        // "13 March"
        if core.plain_integer
            && core.digit_count <= 2
            && let Some((_, w)) = self.word_after(core.end)
            && MONTHS.contains(&w)
            && text[core.end..].starts_with(' ')
        {
            return Err(core.end);
        }
        // "3 and 4 May", "12-14 October", "July 9 and 10": days of a month in a list or
        // a range.
        if core.plain_integer && core.digit_count <= 2 && core.value <= 31.0 && currency.is_none() {
            if let Some(end) = self.day_list_before_month(core.end) {
                return Err(end);
            }
            if self.day_after_month_list(start) {
                return Err(core.end);
            }
        }

        let mut m = Measured {
            core,
            start,
            end: core.end,
            scaled: false,
            unit: currency,
            unit_span: currency.map(|_| Span::new(start, cand)),
            kind: NumberKind::Cardinal,
            vague: None,
        };
        // Letters glued to the digits: ordinal suffix, decade, multiplier, scale, unit.
        if let Some(c) = after
            && c.is_alphabetic()
        {
            let word_end = core.end
                + text[core.end..]
                    .char_indices()
                    .find(|(_, c)| !c.is_alphabetic())
                    .map_or(text.len() - core.end, |(i, _)| i);
            let suffix = &text[core.end..word_end];
            let lower_suffix = suffix.to_ascii_lowercase();
            if core.plain_integer && matches!(lower_suffix.as_str(), "st" | "nd" | "rd" | "th") {
                m.kind = NumberKind::Ordinal;
                m.end = word_end;
                return Ok(Some(m));
            }
            if core.plain_integer && suffix == "s" {
                if core.digit_count == 4 && core.value % 10.0 == 0.0 {
                    m.kind = NumberKind::Year;
                    m.end = word_end;
                    m.vague = Some(Interval::half_open(core.value, core.value + 10.0));
                    return Ok(Some(m));
                }
                return Err(word_end);
            }
            if matches!(suffix, "x" | "X")
                && text[word_end..].starts_with(|c: char| c.is_ascii_digit())
            {
                // "0x1F" is hexadecimal, no quantity.
                if &text[core.start..core.end] == "0" {
                    return Err(self.skip_name_tail(word_end));
                }
                // "2x25 m", "4x100m": an "x" between two numbers is a times sign, as "×" is;
                // the numbers are read one by one.
                return Ok(Some(m));
            }
            if matches!(suffix, "x" | "X") {
                m.kind = NumberKind::Multiplier;
                m.end = word_end;
                m.unit_span = Some(Span::new(core.end, word_end));
                return Ok(Some(m));
            }
            // "Smith et al., 2010b": a year with a citation letter, not 2010 billion (like
            // "2011c" below, no quantity).
            if core.plain_integer
                && core.digit_count == 4
                && (1000.0..2200.0).contains(&core.value)
                && currency.is_none()
                && matches!(suffix, "a" | "b" | "d" | "e" | "f")
            {
                return Err(word_end);
            }
            if let Some(f) = words::scale_abbrev(suffix) {
                // "1.2m": million after money or before a counted noun; otherwise metres.
                // "1.8m tall", "a 1.8m wall" are metres; "1.8m viewers", "5m people",
                // "£1.8m" are millions: million needs money or a plural counted noun after.
                // After a times sign ("the 4x100m boys") it is the length of each leg.
                let after_times_sign = start >= 2
                    && matches!(text.as_bytes()[start - 1], b'x' | b'X')
                    && text.as_bytes()[start - 2].is_ascii_digit();
                let metre_reading = suffix == "m"
                    && currency.is_none()
                    && (after_times_sign
                        || !(self.plural_noun_after(word_end)
                            || self.currency_word_after(word_end)));
                // "300 °C (572 °F, 573.15K)": a glued K in a sentence that gives other
                // temperatures (a degree sign, "degrees", "kelvin") is kelvin.
                let kelvin_reading =
                    suffix == "K" && currency.is_none() && !self.plural_noun_after(word_end) && {
                        let sentence = crate::link::sentence_around(text, core.end).slice(text);
                        sentence.contains('°')
                            || sentence.contains("degrees")
                            || sentence.contains("kelvin")
                    };
                if !metre_reading && !kelvin_reading {
                    m.core.value *= f;
                    m.core.half_unit *= f;
                    m.scaled = true;
                    m.end = word_end;
                }
            }
            if !m.scaled
                && let Some(u) = self.ex.units.match_at(text, core.end)
                && !(u.end == word_end
                    && !text[start..].starts_with(['-', '−', '+'])
                    && self.scale_letter_names_something(core.end))
            {
                m.unit = Some(u.unit);
                m.unit_span = Some(Span::new(core.end, u.end));
                m.end = u.end;
                return Ok(Some(self.after_scale(m)));
            }
            // ("2011c" is a year with a citation letter.)
            if !(m.scaled || core.digit_count == 4 && (1000.0..2200.0).contains(&core.value))
                && let Some((u, end)) = self.cents_or_celsius_at(core.end)
            {
                // "35c": cents or degrees Celsius, by the sentence.
                m.unit = Some(u);
                m.unit_span = Some(Span::new(core.end, end));
                m.end = end;
                return Ok(Some(m));
            }
            // "a 10in screen": "in" glued to the digits can only be inches.
            if suffix == "in"
                && let Some(inch) = self.ex.units.get_index("in")
            {
                m.unit = Some(inch);
                m.unit_span = Some(Span::new(core.end, word_end));
                m.end = word_end;
                return Ok(Some(m));
            }
            if !m.scaled {
                // "3D", "5G", "4WD": part of a name.
                return Err(word_end);
            }
        }
        // "~6× that of": a multiplier sign glued after the number (not "2×2", "3 × 10^4").
        if after == Some('×')
            && !text[core.end + '×'.len_utf8()..]
                .trim_start_matches(' ')
                .starts_with(|c: char| c.is_ascii_digit())
        {
            let e = core.end + '×'.len_utf8();
            m.kind = NumberKind::Multiplier;
            m.end = e;
            m.unit_span = Some(Span::new(core.end, e));
            return Ok(Some(m));
        }
        // "-fold" and "5-year"
        if after == Some('-') && !m.scaled {
            let p = core.end + 1;
            // "a 1-D model", "3-dimensional": a number of dimensions describes a space.
            if dimensions_at(text, p) {
                return Err(self.skip_name_tail(core.end));
            }
            if starts_with_ci(&text[p..], "fold") {
                m.kind = NumberKind::Multiplier;
                m.end = p + 4;
                m.unit_span = Some(Span::new(p, p + 4));
                return Ok(Some(m));
            }
            // "12-cent", "10-dollar": a currency by name (not a symbol) joins too.
            if let Some(u) = self.ex.units.match_at(text, p)
                && (!self.ex.units.unit(u.unit).is_currency()
                    || (m.unit.is_none()
                        && text.as_bytes()[p].is_ascii_lowercase()
                        && u.end - p > 2))
            {
                m.unit = Some(u.unit);
                m.unit_span = Some(Span::new(p, u.end));
                m.end = u.end;
                return Ok(Some(m));
            }
        }
        if m.unit.is_none() {
            self.restated(&mut m);
        }
        let (m, last) = self.with_scale_last(m);
        let mut m = self.compound_after(m, last);
        // "5 and a half minutes": a whole number and a spelled fraction of the unit after.
        if !m.scaled
            && m.unit.is_none()
            && core.plain_integer
            && words::spaced_and_at(text, m.end)
            && let Some((frac, None, end)) = words::and_fraction(text, m.end)
            && self
                .tok_after(end)
                .is_some_and(|t| t.is_word() && self.ex.units.match_at(text, t.start).is_some())
        {
            m.core.value += frac;
            m.core.half_unit = 0.0;
            m.end = end;
        }
        if m.unit.is_none()
            && let Some(t) = self.times_after(m.start, m.end)
        {
            // "3 times as many", "2.5 times more"
            m.kind = NumberKind::Multiplier;
            m.end = t.end;
            m.unit_span = Some(Span::new(t.start, t.end));
            return Ok(Some(m));
        }
        let mut m = self.after_scale(m);
        if m.kind == NumberKind::Cardinal
            && !m.scaled
            && m.unit.is_none()
            && core.plain_integer
            && core.digit_count == 4
            && (1000.0..2200.0).contains(&core.value)
            && self.year_context(start, m.end)
        {
            m.kind = NumberKind::Year;
        }
        Ok(Some(m))
    }

    /// After a day of the month at `end`: "and 4 May", "-14 October", "or 5 June" ends in
    /// a month; the end of the second day.
    fn day_list_before_month(&self, end: usize) -> Option<usize> {
        let text = self.text;
        let p = if text[end..].starts_with(['-', '–']) {
            end + if text[end..].starts_with('-') { 1 } else { 3 }
        } else {
            let (t, w) = self.word_after(end)?;
            if !matches!(w.as_str(), "and" | "or" | "to") || t.newline_before {
                return None;
            }
            skip_inline_space(text, t.end)
        };
        let de = p + text[p..].bytes().take_while(u8::is_ascii_digit).count();
        if de == p || de - p > 2 || !text[de..].starts_with(' ') {
            return None;
        }
        let (mt, mw) = self.word_after(de)?;
        (MONTHS.contains(&mw) && !mt.newline_before).then_some(de)
    }

    /// Is the number at `start` the second day of "July 9 and 10", "May 3-5"?
    fn day_after_month_list(&self, start: usize) -> bool {
        let text = self.text;
        let toks = self.toks_before(start);
        let n = toks.len();
        if n < 3 {
            return false;
        }
        let (month, day, joint) = (&toks[n - 3], &toks[n - 2], &toks[n - 1]);
        let joint_ok = match joint.text(text) {
            "-" | "–" => joint.end == start,
            // ("September 8 to 11" is left as a number, as before.)
            j => matches!(j.to_ascii_lowercase().as_str(), "and" | "or"),
        };
        let day_text = day.text(text);
        joint_ok
            && !day_text.is_empty()
            && day_text.len() <= 2
            && day_text.bytes().all(|b| b.is_ascii_digit())
            && MONTHS.contains(&lower(text, month))
    }

    /// Is a four-digit number at `start..end` a calendar year?
    fn year_context(&self, start: usize, end: usize) -> bool {
        if let Some((pt, p)) = self.prev_word(start) {
            if YEAR_PREPOSITIONS.contains(&p) {
                return true;
            }
            // "his 2004 re-election bid", "the firm's 2019 merger": a modern year after a
            // possessive names the thing's year ("its 2000 members" counts them).
            let possessive = matches!(
                p.as_str(),
                "its" | "his" | "her" | "their" | "our" | "my" | "your"
            ) || self.text[pt.start..pt.end].ends_with("'s")
                || self.text[pt.start..pt.end].ends_with("’s");
            if possessive
                && self.text[start..end]
                    .parse::<u32>()
                    .is_ok_and(|y| (1800..=2100).contains(&y))
                && self.next_is_plain_word(end)
                && !self.plural_noun_after(end)
            {
                return true;
            }
        }
        if self.after_month_name(start) {
            return true;
        }
        match next_tok(self.text, end) {
            Some(t) if !t.newline_before && t.kind == TokKind::Word => {
                let raw = t.text(self.text);
                let w = raw.to_ascii_lowercase();
                raw.chars().next().is_some_and(char::is_uppercase)
                    || YEAR_MODIFIED.contains(&w)
                    || self.singular_head_after(start, end)
            }
            _ => true,
        }
    }

    /// "in September 2020 are caused", "a December 25, 2022 snow storm": four digits after
    /// a capitalized month name (and a day and comma) are its year.
    fn after_month_name(&self, start: usize) -> bool {
        let text = self.text;
        let toks = self.toks_before(start);
        let n = toks.len();
        let month_at = |t: &Tok| {
            t.kind == TokKind::Word
                && t.text(text).starts_with(|c: char| c.is_ascii_uppercase())
                && t.end - t.start >= 3
                && matches!(
                    lower(text, t).as_str(),
                    "january"
                        | "february"
                        | "march"
                        | "april"
                        | "may"
                        | "june"
                        | "july"
                        | "august"
                        | "september"
                        | "october"
                        | "november"
                        | "december"
                        | "jan"
                        | "feb"
                        | "mar"
                        | "apr"
                        | "jun"
                        | "jul"
                        | "aug"
                        | "sep"
                        | "sept"
                        | "oct"
                        | "nov"
                        | "dec"
                )
        };
        if n >= 1 && month_at(&toks[n - 1]) {
            return true;
        }
        n >= 3
            && toks[n - 1].text(text) == ","
            && toks[n - 2].kind == TokKind::Digits
            && toks[n - 2].end - toks[n - 2].start <= 2
            && month_at(&toks[n - 3])
    }

    /// "at a 2020 rally", "lost the 2019 re-election bid": a modern year before a singular
    /// noun names the thing's year; a count needs a plural ("2020 ballots", "2000 new
    /// homes", "1500 full-time jobs").
    fn singular_head_after(&self, start: usize, end: usize) -> bool {
        let text = self.text;
        if !text[start..end]
            .parse::<u32>()
            .is_ok_and(|y| (1800..2100).contains(&y))
        {
            return false;
        }
        let Some((t, w)) = self.word_after(end) else {
            return false;
        };
        if !t.space_before
            || looks_plural(&w)
            || NOT_YEAR_HEAD.contains(&w)
            || self.ex.units.match_at(text, t.start).is_some()
        {
            return false;
        }
        // The head may come a word later: skip a hyphenated compound ("re-election").
        let mut p = t.end;
        while text[p..].starts_with('-')
            && let Some(n) = next_tok(text, p + 1)
            && n.start == p + 1
            && n.kind == TokKind::Word
        {
            p = n.end;
        }
        match next_tok(text, p) {
            Some(n) if n.kind == TokKind::Word && !n.newline_before => {
                let nw = lower(text, &n);
                !looks_plural(&nw) && nw.as_str() != "of"
            }
            _ => true,
        }
    }

    /// Number words at `cand`: vague magnitudes, multipliers, ordinals, cardinals.
    fn read_words(&self, cand: usize) -> Result<Option<Measured>, usize> {
        let text = self.text;
        let Some(first) = next_tok(text, cand) else {
            return Err(cand + 1);
        };
        let w = lower(text, &first);
        // Fraction glyphs
        if let Some(core) = parse_glyph(text, cand) {
            let m = Measured::bare(core, cand, core.end);
            return Ok(Some(self.after_scale(m)));
        }
        let plain = |start: usize, end: usize, value: f64| NumCore {
            start,
            end,
            value,
            half_unit: 0.0,
            notation: Notation::Words,
            plain_integer: false,
            digit_count: 0,
            bare_power: false,
        };
        // "sixfold", "tenfold", "hundredfold": a multiplier in one word.
        if let Some(head) = w.strip_suffix("fold")
            && let Some(v) = words::small(head).or_else(|| words::scale(head))
            && v >= 2.0
        {
            return Ok(Some(Measured {
                core: plain(first.start, first.end, v),
                start: first.start,
                end: first.end,
                scaled: false,
                unit: None,
                unit_span: Some(Span::new(first.start + head.len(), first.end)),
                kind: NumberKind::Multiplier,
                vague: None,
            }));
        }
        match w.as_str() {
            "twice" | "thrice" => {
                let v = if w == "twice" { 2.0 } else { 3.0 };
                // "twice as many" compares; "scored twice", "twice a week" count occurrences.
                let compares = self.compares_at(first.start, first.end);
                return Ok(Some(Measured {
                    core: plain(first.start, first.end, v),
                    start: first.start,
                    end: first.end,
                    scaled: false,
                    unit: if compares {
                        None
                    } else {
                        self.ex.units.get_index("times")
                    },
                    unit_span: Some(Span::new(first.start, first.end)),
                    kind: if compares {
                        NumberKind::Multiplier
                    } else {
                        NumberKind::Cardinal
                    },
                    vague: None,
                }));
            }
            "hundreds" | "thousands" | "millions" | "billions" | "trillions" | "dozens"
            | "tens" => {
                return Ok(self.read_vague_plural(first));
            }
            "a" | "several" => {
                if let Some(m) = self.read_few(first) {
                    return Ok(Some(m));
                }
            }
            _ => {}
        }
        // Ordinals ("first", "twenty-first" is read as 20 then "-first": rare, left out)
        if let Some(v) = words::ordinal(&w) {
            let prev = self.prev_word(first.start).map(|(_, p)| p);
            // "a third", "two fifths" are fractions ("a first" is not).
            let fraction_context =
                matches!(prev.as_deref(), Some("a" | "one" | "two" | "three")) && v >= 2.0;
            // "a second", "per second", "every second": time; "I second the motion": a verb.
            let is_second_time = w == "second"
                && matches!(
                    prev.as_deref(),
                    Some("per" | "each" | "every" | "split" | "i" | "we" | "to" | "one")
                );
            // "was first elected", "she first visited": "first" after a verb's auxiliary or
            // its subject is an adverb of time, no rank.
            let adverb = w == "first"
                && (prev
                    .as_deref()
                    .is_some_and(|p| FIRST_ADVERB_AFTER.contains(p))
                    || (prev.as_deref() == Some("at") && self.at_first_adverb(first.end)));
            // "First, ...", "Second, it challenges": an ordinal that opens a sentence with
            // a comma orders the writer's points.
            let discourse =
                text[first.end..].starts_with(',') && self.sentence_initial(first.start);
            if fraction_context
                || is_second_time
                || adverb
                || discourse
                || self.number_word_in_name(&first)
            {
                return Err(first.end);
            }
            // "tenth of a gallon", "the fourth of a mile": a fraction of the unit after "of".
            if let Some(d) = words::denominator(&w).filter(|_| w != "second")
                && let Some((of_t, of_w)) = self.word_after(first.end)
                && of_w == "of"
            {
                let mut p = of_t.end;
                if let Some((a_t, a_w)) = self.word_after(p)
                    && (a_w == "a" || a_w == "an")
                {
                    p = a_t.end;
                }
                let unit_start = skip_inline_space(text, p);
                if let Some(u) = self.ex.units.match_at(text, unit_start)
                    && u.end > unit_start + 2
                    && text[unit_start..u.end]
                        .bytes()
                        .all(|c| c.is_ascii_alphabetic())
                    && text.as_bytes()[u.end - 1] != b's'
                    && !self.ex.units.unit(u.unit).is_currency()
                    && !self.ex.units.unit(u.unit).is_count()
                    && !WORDLIKE_UNITS.contains(&Lower::new(&text[unit_start..u.end]))
                {
                    let mut core = plain(first.start, p, 1.0 / d);
                    core.notation = Notation::Fraction;
                    return Ok(Some(self.after_scale(Measured::bare(core, first.start, p))));
                }
            }
            return Ok(Some(Measured {
                core: plain(first.start, first.end, v),
                start: first.start,
                end: first.end,
                scaled: false,
                unit: None,
                unit_span: None,
                kind: NumberKind::Ordinal,
                vague: None,
            }));
        }
        let Some(wn) = parse_words(text, cand) else {
            // "half a percent", "a quarter of an hour" is not this; "half an hour": a
            // fraction of one unit.
            if (w == "half" || w == "quarter")
                && let Some((a_t, a_w)) = self.word_after(first.end)
                && (a_w == "a" || a_w == "an")
                && let Some(u) = self
                    .ex
                    .units
                    .match_at(text, skip_inline_space(text, a_t.end))
                && u.end > a_t.end + 1
                && !WORDLIKE_UNITS
                    .contains(&Lower::new(&text[skip_inline_space(text, a_t.end)..u.end]))
            {
                let mut core = plain(first.start, a_t.end, if w == "half" { 0.5 } else { 0.25 });
                core.notation = Notation::Fraction;
                let m = Measured::bare(core, first.start, a_t.end);
                return Ok(Some(self.after_scale(m)));
            }
            // "more than half": a share on its own.
            // ("half as often" compares: not a share).
            if w == "half"
                && words::after_hedge_word(text, first.start)
                && self.word_after(first.end).is_none_or(|(_, n)| n != "as")
            {
                let mut core = plain(first.start, first.end, 0.5);
                core.notation = Notation::Fraction;
                return Ok(Some(Measured::bare(core, first.start, first.end)));
            }
            return Err(first.end);
        };
        let mut core = wn.core;
        let mut wn = wn;
        // "a third-party review": a fraction hyphenated to a word is part of a compound
        // adjective ("a half-hour" is half of a unit).
        if core.notation == Notation::Fraction
            && text[core.end..].starts_with('-')
            && text[core.end + 1..].starts_with(|c: char| c.is_ascii_alphabetic())
            && self.ex.units.match_at(text, core.end + 1).is_none()
        {
            return Err(self.skip_name_tail(core.end));
        }
        // "a third straight title", "a fifth term": "a" and an ordinal before a content
        // word rank something; a fraction is followed by "of", a comparative, a unit or
        // the end of the phrase ("a third of them", "a fifth more", "cut by a third").
        if (w == "a" || w == "an")
            && core.notation == Notation::Fraction
            && let Some((d_t, d_w)) = self.word_after(first.end)
            && d_t.end == core.end
            && !matches!(d_w.as_str(), "half" | "quarter")
            && let Some(rank) = words::ordinal(&d_w)
            && let Some((n_t, n_w)) = self.word_after(d_t.end)
            && n_t.start == d_t.end + 1
            // ("nearly a fifth saying", "a third said": a hedged share, a share as subject.)
            && !words::after_hedge_word(text, first.start)
            && !(FUNCTION_WORDS.contains(&n_w)
                || NOT_COUNTED.contains(&n_w)
                || n_w.ends_with("er")
                || SHARE_VERBS.contains(&n_w)
                || self.ex.units.match_at(text, n_t.start).is_some())
        {
            return Ok(Some(Measured {
                core: plain(d_t.start, d_t.end, rank),
                start: d_t.start,
                end: d_t.end,
                scaled: false,
                unit: None,
                unit_span: None,
                kind: NumberKind::Ordinal,
                vague: None,
            }));
        }
        if core.end == first.end && self.number_word_in_name(&first) {
            return Err(first.end);
        }
        // "fourth quarter points to", "the Latin Quarter": "quarter" with no article or
        // number before it is a period or a district, not a fraction ("quarter-litre" is).
        if core.end == first.end
            && (w == "quarter" || w == "quarters")
            && !words::after_hedge_word(text, first.start)
            && self.hyphenated_unit_at(first.end).is_none()
        {
            return Err(first.end);
        }
        // "two thirds of a million": a fraction of a scale; "one and three quarters of an
        // hour": a mixed number of a unit.
        let mixed =
            core.notation == Notation::Words && core.half_unit == 0.0 && core.value.fract() != 0.0;
        if (core.notation == Notation::Fraction || mixed)
            && let Some((of_t, of_w)) = self.word_after(core.end)
            && of_w == "of"
        {
            let mut p = of_t.end;
            let mut article = false;
            if let Some((a_t, a_w)) = self.word_after(p)
                && (a_w == "a" || a_w == "an")
            {
                p = a_t.end;
                article = true;
            }
            let unit_start = skip_inline_space(text, p);
            if !mixed
                && let Some((s_t, s_w)) = self.word_after(p)
                && let Some(f) = words::scale(&s_w).filter(|&f| f >= 1e3)
            {
                core.value *= f;
                core.end = s_t.end;
                wn.last_scale = f;
            } else if let Some(u) = self.ex.units.match_at(text, unit_start)
                && u.end > unit_start + 1
                && !WORDLIKE_UNITS.contains(&Lower::new(&text[unit_start..u.end]))
                // Without the article only a singular unit word: "a third of hours worked"
                // is a share of them, "one and a quarter of hour" a measure.
                // A mixed number takes a plural too ("one and three quarters of hours"
                // is no share of them).
                && (article
                    || (mixed
                        && (core.value > 1.0 || text.as_bytes()[u.end - 1] != b's')
                        && !self.ex.units.unit(u.unit).is_currency()))
            {
                // "a third of a mile", "a quarter of an hour": the unit follows.
                core.end = p;
            }
        }
        if wn.ordinal {
            return Ok(Some(Measured {
                core,
                start: core.start,
                end: core.end,
                scaled: false,
                unit: None,
                unit_span: None,
                kind: NumberKind::Ordinal,
                vague: None,
            }));
        }
        // "one" as a pronoun: "one of the", "the one", "no one" (not "that one in four").
        if core.end == first.end
            && w == "one"
            && !self
                .word_after(first.end)
                .is_some_and(|(t, n)| match n.as_str() {
                    "in" => self.number_starts_after(t.end),
                    "out" => self
                        .word_after(t.end)
                        .is_some_and(|(o, w)| w == "of" && self.number_starts_after(o.end)),
                    _ => false,
                })
        {
            // "one or two" is a number.
            let next = self
                .word_after(first.end)
                .filter(|(t, n)| !(n == "or" && self.number_starts_after(t.end)))
                .map(|(_, n)| n);
            let prev = self.prev_word(first.start).map(|(_, p)| p);
            // "that one mile", "the one hour we had": before a unit "one" counts it.
            // ("the one-day event", "a maximum one-year ban": a unit joined by a hyphen.)
            let unit_follows = || {
                let p = skip_inline_space(text, first.end);
                self.hyphenated_unit_at(first.end).is_some()
                    || next.as_deref().is_some_and(|n| n != "day")
                        && self.ex.units.match_at(text, p).is_some_and(|u| {
                            u.end - p > 2 && !self.ex.units.unit(u.unit).is_count()
                        })
            };
            // "one would expect", "unless one can": the generic pronoun before a modal verb.
            // "the smaller one", "the measured one": a pronoun after an article and an
            // adjective. "For one, ...": an idiom.
            let article_adjective = || {
                let toks = self.toks_before(first.start);
                let n = toks.len();
                // ("the estimated one in five": a ratio, "the one" alone ends a phrase.)
                let ends_phrase = self.tok_after(first.end).is_none_or(|t| {
                    t.kind != TokKind::Word
                        || matches!(next.as_deref(), Some("is" | "was" | "has" | "had" | "with"))
                });
                n >= 2
                    && ends_phrase
                    && toks[n - 1].kind == TokKind::Word
                    && toks[n - 2].kind == TokKind::Word
                    && matches!(lower(text, &toks[n - 2]).as_str(), "the" | "a" | "an")
                    && prev.as_deref().is_some_and(|p| {
                        p.len() > 4
                            && (p.ends_with("er") || p.ends_with("est") || p.ends_with("ed"))
                    })
            };
            let for_one = prev.as_deref() == Some("for") && text[first.end..].starts_with(',');
            // "unless one is willing", "if one has": the generic pronoun as a subject.
            let if_one = matches!(prev.as_deref(), Some("if" | "unless" | "whether"))
                && matches!(next.as_deref(), Some("is" | "was" | "has" | "had" | "does"));
            if (matches!(
                next.as_deref(),
                Some(
                    "of" | "another"
                        | "or"
                        | "day"
                        | "thing"
                        | "way"
                        | "who"
                        | "that"
                        | "which"
                        | "would"
                        | "could"
                        | "can"
                        | "cannot"
                        | "should"
                        | "must"
                        | "might"
                        | "may"
                        | "shall"
                )
            ) || for_one
                || if_one
                || article_adjective()
                || matches!(
                    prev.as_deref(),
                    Some(
                        "the"
                            | "this"
                            | "that"
                            | "no"
                            | "any"
                            | "every"
                            | "each"
                            | "which"
                            | "someone"
                            | "anyone"
                            | "last"
                            | "another"
                            | "only"
                            | "same"
                    )
                ))
                && !unit_follows()
            {
                return Err(first.end);
            }
            // "a lucrative one", "the new one is": after an article and an adjective "one"
            // stands for a noun ("an estimated one in five" is a share).
            if let Some((pt, p)) = self.prev_word(first.start)
                && !matches!(next.as_deref(), Some("in" | "out" | "per"))
                // ("the next one to two weeks" is a range.)
                && !self
                    .word_after(first.end)
                    .is_some_and(|(t, n)| n == "to" && self.number_starts_after(t.end))
                && words::small(&p).is_none()
                && words::scale(&p).is_none()
                && !matches!(p.as_str(), "and" | "or" | "than" | "number")
                && hedges_ending_with(&p).is_empty()
                && let Some((_, a)) = self.prev_word(pt.start)
                && matches!(a.as_str(), "a" | "an" | "the")
                && !unit_follows()
            {
                return Err(first.end);
            }
        }
        // "two-dimensional", "one-to-one": dimensions and correspondences count nothing.
        if text[core.end..].starts_with('-')
            && (dimensions_at(text, core.end + 1)
                || (w == "one"
                    && ["to-one", "on-one", "to-many"]
                        .iter()
                        .any(|t| starts_with_ci(&text[core.end + 1..], t))))
        {
            return Err(self.skip_name_tail(core.end));
        }
        // Hyphen glued to a letter before: "COVID-nineteen" style names are rare; skip letters glued.
        if char_before(text, first.start).is_some_and(|c| c == '-')
            && char_before(text, first.start - 1).is_some_and(char::is_alphabetic)
        {
            return Err(core.end);
        }
        let mut m = Measured {
            core,
            start: core.start,
            end: core.end,
            scaled: wn.last_scale > 1.0,
            unit: None,
            unit_span: None,
            kind: NumberKind::Cardinal,
            vague: None,
        };
        if let Some(t) = self.times_after(core.start, core.end) {
            m.kind = NumberKind::Multiplier;
            m.end = t.end;
            m.unit_span = Some(Span::new(t.start, t.end));
            return Ok(Some(m));
        }
        // "six-mile", "three-point", "a one-yen bid": a unit joined by a hyphen (a currency
        // by its name only: "one-p" is no money).
        if text[core.end..].starts_with('-')
            && let Some(u) = self.ex.units.match_at(text, core.end + 1)
            && (!self.ex.units.unit(u.unit).is_currency() || u.end - core.end > 3)
        {
            m.unit = Some(u.unit);
            m.unit_span = Some(Span::new(core.end + 1, u.end));
            m.end = u.end;
            return Ok(Some(m));
        }
        if text[core.end..].starts_with("fold") {
            m.kind = NumberKind::Multiplier;
            m.end = core.end + 4;
            return Ok(Some(m));
        }
        self.restated(&mut m);
        // "three cr twelve lac": an abbreviated scale, then the rest of the number.
        let (m, last) = self.with_scale_last(m);
        let m = if last > 1.0 {
            self.compound_after(m, last)
        } else {
            m
        };
        Ok(Some(self.after_scale(m)))
    }

    /// After "at first" ending at `end`: a pronoun, a verb in -ed, punctuation or
    /// "glance"/"sight" make it an adverb ("at first he refused", "at first told her"), a
    /// noun a rank ("at first base").
    fn at_first_adverb(&self, end: usize) -> bool {
        match next_tok(self.text, end) {
            Some(t) if t.kind == TokKind::Word && !t.newline_before => {
                let w = lower(self.text, &t);
                w.ends_with("ed")
                    || matches!(
                        w.as_str(),
                        "he" | "she"
                            | "it"
                            | "they"
                            | "we"
                            | "i"
                            | "you"
                            | "glance"
                            | "sight"
                            | "hand"
                            | "but"
                            | "and"
                            | "the"
                            | "this"
                            | "that"
                            | "there"
                    )
                    || FIRST_ADVERB_AFTER.contains(&w)
            }
            _ => true,
        }
    }

    /// "BBC One", "World War Two", "the Six Nations", "told Five Live", "Credit Suisse
    /// First Boston": a capitalized number word next to another capitalized word on the
    /// same line is part of a name (not at the start of a sentence, nor before a scale or
    /// a unit: "Sales Top Two Million").
    fn number_word_in_name(&self, first: &Tok) -> bool {
        let text = self.text;
        if !text[first.start..].starts_with(|c: char| c.is_ascii_uppercase())
            || self.sentence_initial(first.start)
        {
            return false;
        }
        let capital_word = |t: &Tok| {
            t.kind == TokKind::Word && text[t.start..].starts_with(|c: char| c.is_uppercase())
        };
        if self.prev_tok(first.start).is_some_and(|p| capital_word(&p)) {
            return true;
        }
        // Mid-sentence, a capital before punctuation or another capital makes the word
        // a name ("the World at One.", "the Six Nations"), but a scale or a unit after it
        // counts ("Sales Top Two Million").
        next_tok(text, first.end).is_none_or(|t| {
            t.newline_before
                || (t.kind == TokKind::Punct && !text[t.start..].starts_with(['-', '%', '–']))
                || (capital_word(&t)
                    && {
                        let w = lower(text, &t);
                        words::scale(&w).is_none()
                            && words::small(&w).is_none()
                            && !MONTHS.contains(&w)
                    }
                    && self
                        .ex
                        .units
                        .match_at(text, t.start)
                        .is_none_or(|u| u.end < t.end || self.ex.units.unit(u.unit).is_count()))
        })
    }

    /// "hundreds of millions", "tens of thousands", "dozens of", "thousands of".
    fn read_vague_plural(&self, first: Tok) -> Option<Measured> {
        let text = self.text;
        let magnitude = |w: &str| -> Option<f64> {
            Some(match w {
                "tens" => 10.0,
                "dozens" => 12.0,
                "hundreds" => 100.0,
                "thousands" => 1e3,
                "millions" => 1e6,
                "billions" => 1e9,
                "trillions" => 1e12,
                _ => return None,
            })
        };
        let head = magnitude(&lower(text, &first))?;
        let mut times = 1.0;
        let mut end = first.end;
        let mut links = 0;
        // Follow "of <plural>" links.
        while let Some((of_t, of_w)) = self.word_after(end) {
            if of_w != "of" {
                break;
            }
            let Some((next_t, next_w)) = self.word_after(of_t.end) else {
                break;
            };
            let Some(mult) = magnitude(&next_w).filter(|&x| x >= 100.0) else {
                break;
            };
            times *= mult;
            end = next_t.end;
            links += 1;
        }
        let followed_by_of = self.word_after(end).is_some_and(|(_, w)| w == "of");
        let many_before = self
            .prev_word(first.start)
            .is_some_and(|(_, w)| matches!(w.as_str(), "many" | "several" | "the" | "by"));
        if head == 10.0 && links == 0 {
            return None;
        }
        if links == 0 && !followed_by_of && !many_before {
            return None;
        }
        let core = NumCore {
            start: first.start,
            end,
            value: head * times,
            half_unit: 0.0,
            notation: Notation::Vague,
            plain_integer: false,
            digit_count: 0,
            bare_power: false,
        };
        let m = Measured {
            core,
            start: first.start,
            end,
            scaled: true,
            unit: None,
            unit_span: None,
            kind: NumberKind::Cardinal,
            vague: Some(interval::vague_plural(head, times)),
        };
        Some(self.after_scale_of(m))
    }

    /// "a few million", "several thousand", "a couple of hundred".
    fn read_few(&self, first: Tok) -> Option<Measured> {
        let text = self.text;
        let mut key = lower(text, &first);
        let mut end = first.end;
        if key == "a" {
            let (t, w) = self.word_after(end)?;
            if w != "few" && w != "couple" {
                return None;
            }
            key = Lower::new(if w == "few" { "a few" } else { "a couple" });
            end = t.end;
            if w == "couple"
                && let Some((t2, w2)) = self.word_after(end)
                && w2 == "of"
            {
                end = t2.end;
            }
        }
        let (st, sw) = self.word_after(end)?;
        // "a few tens of centimetres", "several tens of MeV": tens as the scale.
        // ("a few tens of thousands" is read by the vague plural.)
        let tens_of = sw == "tens"
            && self.word_after(st.end).is_some_and(|(of_t, w)| {
                w == "of"
                    && self
                        .word_after(of_t.end)
                        .is_none_or(|(_, n)| words::scale(n.trim_end_matches('s')).is_none())
            });
        let scale = if sw == "dozen" {
            12.0
        } else if tens_of {
            10.0
        } else {
            words::scale(&sw)?
        };
        let iv = interval::vague_few(&key, scale)?;
        let core = NumCore {
            start: first.start,
            end: st.end,
            value: iv.low,
            half_unit: 0.0,
            notation: Notation::Vague,
            plain_integer: false,
            digit_count: 0,
            bare_power: false,
        };
        let m = Measured {
            core,
            start: first.start,
            end: st.end,
            scaled: true,
            unit: None,
            unit_span: None,
            kind: NumberKind::Cardinal,
            vague: Some(iv),
        };
        Some(self.after_scale_of(self.with_scale(m)))
    }

    /// Scale words after the number: "86 billion", "£600m", "1.5 mn".
    fn with_scale(&self, m: Measured) -> Measured {
        self.with_scale_last(m).0
    }

    /// After a scaled number in digits, the rest of a compound number ("4 thousand 3
    /// hundred and 21", "6 crore and two hundred") and a trailing fraction ("3 million
    /// and a half"). `last` is the last scale applied.
    fn compound_after(&self, mut m: Measured, mut last: f64) -> Measured {
        let text = self.text;
        if !m.scaled {
            return m;
        }
        if let Some((frac, own, end)) = words::and_fraction(text, m.end) {
            m.core.value += frac * own.filter(|&s| s < last).unwrap_or(last);
            m.core.half_unit = 0.0;
            m.end = end;
            return m;
        }
        while last >= 100.0 {
            let mut p = m.end;
            let mut and = false;
            if let Some((t, w)) = self.word_after(p)
                && w == "and"
            {
                and = true;
                p = t.end;
            }
            let Some(t) = self.tok_after(p).filter(|t| t.space_before) else {
                break;
            };
            // The next group: digits with an optional scale word, or number words.
            let (value, scale, end) = match t.kind {
                TokKind::Digits => {
                    let Ok(Some(core)) = parse_digits(text, t.start) else {
                        break;
                    };
                    if !core.plain_integer {
                        break;
                    }
                    match self
                        .word_after(core.end)
                        .and_then(|(st, sw)| Some((st, words::scale(&sw)?)))
                    {
                        Some((st, s)) if s < last => (core.value * s, s, st.end),
                        // "3 hundred and 2 hundred" are two numbers.
                        Some(_) => break,
                        None => (core.value, 1.0, core.end),
                    }
                }
                TokKind::Word if t.text(text).is_ascii() => {
                    let Some(wn) = parse_words(text, t.start) else {
                        break;
                    };
                    if wn.ordinal || wn.core.notation != Notation::Words {
                        break;
                    }
                    (wn.core.value, wn.last_scale, wn.core.end)
                }
                _ => break,
            };
            // Groups come in falling order; "and" joins the last group of a number ("3
            // hundred and 21"), never a bare count after a larger scale ("3 million and
            // 20 people" is two numbers).
            let joins = value < last
                && if and {
                    last == 100.0 || scale >= 100.0
                } else {
                    scale >= 100.0 || t.kind == TokKind::Word
                };
            if !joins || value <= 0.0 {
                break;
            }
            m.core.value += value;
            m.core.half_unit = 0.5 * scale;
            m.end = end;
            last = scale;
        }
        m
    }

    fn with_scale_last(&self, mut m: Measured) -> (Measured, f64) {
        let text = self.text;
        let mut last = 1.0;
        while let Some(t) = self.tok_after(m.end) {
            if t.kind != TokKind::Word
                || !text[m.end..t.start]
                    .chars()
                    .all(|c| c == ' ' || c == '\u{a0}')
            {
                break;
            }
            let raw = t.text(text);
            let w = raw.to_ascii_lowercase();
            let f = if let Some(f) = words::scale(&w) {
                // "hundred" after digits only directly: "3 hundred". Spelled whole numbers
                // read their scale words themselves; one left over starts another number
                // ("one hundred five hundred"), but "two point two million" takes it.
                if m.core.notation == Notation::Words && m.core.value.fract() == 0.0 {
                    break;
                }
                f
            } else if matches!(
                w.as_str(),
                "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs"
            ) {
                // "3 dozen", "3 dozens", "5 doz"
                12.0
            } else if let Some(f) = words::scale_abbrev(raw).filter(|_| {
                // "1 k.g.": a letter of a dotted abbreviation, not a scale.
                !matches!(text.as_bytes()[t.end..], [b'.', c, ..] if c.is_ascii_alphabetic())
            }) {
                // "5 m" is metres unless money precedes; "5 k" is rare but thousands.
                let money = m.unit.is_some_and(|u| self.ex.units.unit(u).is_currency());
                if raw == "m" && !money {
                    break;
                }
                // "50 K" is kelvin; thousands are written glued ("50K") or after money.
                if (raw == "b" || raw == "B" || raw == "T" || raw == "M" || raw == "K") && !money {
                    break;
                }
                f
            } else {
                break;
            };
            m.core.value *= f;
            m.core.half_unit *= f;
            m.scaled = true;
            m.end = t.end;
            last = f;
        }
        (m, last)
    }

    /// The unit after a number (and its scale): "5 km", "19 per cent", "$5 million dollars".
    fn after_scale(&self, mut m: Measured) -> Measured {
        let text = self.text;
        if m.unit.is_some() && m.unit_span.is_some_and(|s| s.end > m.core.end) {
            return self.after_unit(m);
        }
        // "400 million-year-old", "two-hour": a unit joined by a hyphen after a scale word.
        if m.scaled
            && m.unit.is_none()
            && let Some(u) = self.hyphenated_unit_at(m.end)
        {
            m.unit = Some(u.unit);
            m.unit_span = Some(Span::new(m.end + 1, u.end));
            m.end = u.end;
            return m;
        }
        let p = skip_inline_space(text, m.end);
        if p - m.end > 2 {
            return m;
        }
        let money_already = m.unit.is_some();
        if let Some(u) = self.ex.units.match_at(text, p) {
            let surface = &text[p..u.end];
            // ("4 L of wine": a capital L is litres; "l" alone may be a letter.)
            let wordlike = surface != "L" && WORDLIKE_UNITS.contains(&Lower::new(surface));
            // "2022′s market rout": a prime before "s" is an apostrophe, not feet.
            let possessive = surface == "′"
                && text[u.end..].starts_with('s')
                && !text[u.end + 1..].starts_with(|c: char| c.is_alphanumeric());
            let word_follows = self.next_is_plain_word(u.end);
            let glued = p == m.end;
            // "the stored charge was 2.5 F": a spaced capital F or C is a temperature only
            // in a sentence about one (see `scale_letter_names_something`).
            let scale_letter = !glued
                && matches!(surface, "F" | "C")
                && !text[m.start..].starts_with(['-', '−', '+'])
                && self.scale_letter_names_something(p);
            // "by 2008 £60bn": a currency sign glued to the next number is its prefix.
            let prefixes_next = self.ex.units.unit(u.unit).is_currency()
                && text[u.end..].starts_with(|c: char| c.is_ascii_digit());
            let ok = if wordlike {
                glued || !word_follows
            } else {
                !possessive && !scale_letter && !prefixes_next
            };
            // "£5 million pounds" keeps the symbol's currency; a second currency is not added.
            // A number that already has money keeps it ("£5 million pounds").
            if ok && !money_already {
                let u = self.pounds_as_money(&m, p, u);
                m.unit = Some(u.unit);
                m.unit_span = Some(Span::new(p, u.end));
                m.end = u.end;
                // "75 USD million": the scale after the currency code.
                if !m.scaled && self.ex.units.unit(u.unit).is_currency() {
                    m = self.with_scale(m);
                }
            }
        } else if !money_already && let Some((unit, span)) = self.inch_or_bracketed_unit(m.end, p) {
            m.unit = Some(unit);
            m.unit_span = Some(span);
            m.end = span.end;
        } else if !money_already
            && p == m.end + 1
            && let Some((unit, end)) = self.cents_or_celsius_at(p)
        {
            m.unit = Some(unit);
            m.unit_span = Some(Span::new(p, end));
            m.end = end;
        } else if !money_already && let Some((unit, end)) = self.adjective_then_unit(p) {
            // "2 more minutes", "3 extra years": the unit after a comparative.
            m.unit = Some(unit);
            m.unit_span = Some(Span::new(p, end));
            m.end = end;
        } else if !money_already && let Some((unit, span)) = self.unit_after_of_a(&m) {
            // "1/16 of a US pint": a fraction of one unit.
            m.unit = Some(unit);
            m.unit_span = Some(span);
            m.end = span.end;
        } else if !money_already && let Some(year) = self.appositive_age(&m) {
            m.unit = Some(year);
        } else if !money_already && let Some(year) = self.age_before(&m) {
            // "aged 35", "over the age of 21": years of age.
            m.unit = Some(year);
        } else if !money_already
            && m.start >= 3 + self.taken_until.get()
            && text.as_bytes()[m.start - 3..m.start] == *b"pH "
            && m.core.value <= 14.0
            && (m.start == 3 || !text.as_bytes()[m.start - 4].is_ascii_alphanumeric())
            && let Some(ph) = self.ex.units.get_index("pH")
        {
            // "at pH 7.4", "pH 7–8": the scale named before its value.
            let w = m.start - 3;
            m.start = w;
            m.unit_span = Some(Span::new(w, w + 2));
            m.unit = Some(ph);
        } else if !money_already
            && let Some((year, word)) = self.age_word_before(&m)
            && word.is_none_or(|w| w.start >= self.taken_until.get())
        {
            // "age 87" reads as one claim: the word is its unit, as "$" is a currency's.
            if let Some(w) = word {
                m.start = w.start;
                m.unit_span = Some(w);
            }
            m.unit = Some(year);
        } else if !money_already && let Some((unit, end)) = self.million_code_at(p) {
            // "30 MUSD", "120 MEUR": millions of a currency, as financial tables write them.
            m.core.value *= 1e6;
            m.core.half_unit *= 1e6;
            m.scaled = true;
            m.unit = Some(unit);
            m.unit_span = Some(Span::new(p, end));
            m.end = end;
        }
        self.after_unit(m)
    }

    /// After a vague magnitude, the unit may follow "of": "hundreds of millions of neurons".
    fn after_scale_of(&self, m: Measured) -> Measured {
        let text = self.text;
        if let Some((of_t, w)) = self.word_after(m.end)
            && w == "of"
        {
            let p = skip_inline_space(text, of_t.end);
            if let Some(u) = self.ex.units.match_at(text, p) {
                // "millions of pounds" is money.
                let u = self.pounds_as_money(&m, p, u);
                let mut m = m;
                m.unit = Some(u.unit);
                m.unit_span = Some(Span::new(p, u.end));
                m.end = u.end;
                return m;
            }
            return m;
        }
        self.after_scale(m)
    }

    /// The noun phrase a plain number counts: "22 [goals]", "seven [European countries]",
    /// "one [solution] that", "millions of [Americans]". Up to three words on the same
    /// line, stopping at function words; for more than one thing the phrase must end in a
    /// plural noun. `None` when the next word is not a content word.
    fn counted_noun(&self, m: &Measured, value: f64) -> Option<Span> {
        let text = self.text;
        let mut p = m.end;
        if m.vague.is_some() {
            let (t, w) = self.word_after(p)?;
            if w != "of" {
                return None;
            }
            p = t.end;
        }
        // "a third of the population", "half of its staff": a share names its whole after
        // "of" (one thing, so the phrase need not be plural).
        let mut share = false;
        if m.core.notation == Notation::Fraction
            && value > 0.0
            && value < 1.0
            && let Some((t, w)) = self.word_after(p)
            && w == "of"
        {
            share = true;
            p = t.end;
            if let Some((d, w)) = self.word_after(p)
                && matches!(
                    w.as_str(),
                    "the" | "its" | "their" | "his" | "her" | "our" | "this" | "these" | "those"
                )
            {
                p = d.end;
            }
        }
        // "five of the three-ton satellites": part of a named whole counts its things.
        if !share
            && m.vague.is_none()
            && value >= 2.0
            && text.as_bytes()[p..].starts_with(b" of ")
            && let Some((d, w)) = self.word_after(p + 4)
            && matches!(
                w.as_str(),
                "the" | "its" | "their" | "his" | "her" | "our" | "these" | "those"
            )
        {
            p = d.end;
        }
        let digits = m.core.notation != Notation::Words && m.core.notation != Notation::Vague;
        let singular = value == 1.0 || share;
        let mut first: Option<usize> = None;
        let mut last_end = 0;
        let mut joined = false;
        for i in 0..4 {
            if i == 3 && !joined {
                break;
            }
            let Some(t) = next_tok(text, p) else { break };
            if t.newline_before
                || t.kind != TokKind::Word
                || !text[p..t.start].chars().all(|c| c == ' ' || c == '\u{a0}')
                || (i == 0 && t.start == p && m.vague.is_none())
            {
                break;
            }
            let raw = t.text(text);
            let w = lower(text, &t);
            // "4.3M digital and physical sales": two modifiers joined before the noun.
            if (w == "and" || w == "or")
                && first.is_some()
                && !singular
                && !joined
                && next_tok(text, t.end).is_some_and(|n| {
                    !n.newline_before
                        && n.kind == TokKind::Word
                        && !NOT_COUNTED.contains(&lower(text, &n))
                })
            {
                joined = true;
                p = t.end;
                continue;
            }
            // ("up from 440,000 six months earlier": another number starts its own phrase.)
            if NOT_COUNTED.contains(&w)
                || MONTHS.contains(&w)
                || w.len() < 2
                || (words::small(&w).is_some()
                    && !text[t.end..].starts_with('-')
                    && !share
                    && first.is_none()
                    && p == m.end)
            {
                break;
            }
            let capital = raw.starts_with(|c: char| c.is_uppercase());
            // ("9 Scottish MPs", "300 US shareholders": a name before a plural noun.)
            if i == 0
                && capital
                && digits
                && !looks_plural(&w)
                && !plural_acronym(raw)
                && (singular
                    || !next_tok(text, self.skip_name_tail(t.end)).is_some_and(|n| {
                        n.kind == TokKind::Word
                            && !n.newline_before
                            && (plural_acronym(n.text(text))
                                || (n.text(text).starts_with(|c: char| c.is_ascii_lowercase())
                                    && looks_plural(&lower(text, &n))))
                    }))
            {
                // "iPhone 11 Pro", "Windows 10 Home": a name, not a count (but "1,307,000
                // Americans" counts people).
                return None;
            }
            if singular && first.is_some() && looks_plural(&w) {
                // "one proposal asks": a plural-looking word after one thing is a verb.
                break;
            }
            first.get_or_insert(t.start);
            // "first-team players": a hyphenated compound is one word of the phrase.
            // ("48 COVID-19 deaths": a capitalized name keeps its digits.)
            let mut t_end = t.end;
            while text[t_end..].starts_with('-')
                && text[t_end + 1..].starts_with(|c: char| {
                    c.is_ascii_alphabetic() || (capital && c.is_ascii_digit())
                })
            {
                t_end = next_tok(text, t_end + 1).map_or(t_end, |n| n.end);
            }
            let w = if t_end > t.end {
                lower(text, &Tok { end: t_end, ..t })
            } else {
                w
            };
            let t = Tok { end: t_end, ..t };
            last_end = t.end;
            p = t.end;
            if singular {
                continue;
            }
            if looks_plural(&w) || plural_acronym(t.text(text)) {
                return Some(Span::new(first?, t.end));
            }
        }
        if singular {
            // ("two-thirds of the combined 4.3M sales": a word before a number modifies it.)
            if share && next_tok(text, last_end).is_some_and(|t| t.kind == TokKind::Digits) {
                return None;
            }
            return first.map(|s| Span::new(s, last_end));
        }
        None
    }

    /// After a unit of time, an age: "five years old", "3 years of age" (the age words
    /// belong to the quantity).
    fn after_unit(&self, mut m: Measured) -> Measured {
        // "15 degrees below zero", "2 below zero": a temperature under the zero of its scale.
        let rest = &self.text.as_bytes()[m.end..];
        let temperature_or_none = m.unit.is_none_or(|u| {
            let unit = self.ex.units.unit(u);
            unit.dimension == "temperature" || unit.id == "deg"
        });
        for (phrase, sign) in [(" below zero", -1.0), (" above zero", 1.0)] {
            if temperature_or_none
                && rest.len() >= phrase.len()
                && rest[..phrase.len()].eq_ignore_ascii_case(phrase.as_bytes())
                && rest
                    .get(phrase.len())
                    .is_none_or(|c| !c.is_ascii_alphanumeric())
            {
                m.core.value *= sign;
                m.end += phrase.len();
                if m.unit.is_none() {
                    m.unit = self.ex.units.get_index("deg");
                    m.unit_span = Some(Span::new(m.end - phrase.len() + 1, m.end));
                }
                return m;
            }
        }
        let Some(u) = m.unit else { return m };
        if self.ex.units.unit(u).dimension != "time" {
            return m;
        }
        // "4e14 s-1", "0.5 s⁻¹": per second, a frequency (not 4e14 seconds).
        if self.ex.units.unit(u).id == "s"
            && m.unit_span.is_some_and(|s| s.end == m.end)
            && let Some(len) = ["-1", "−1", "⁻¹", "^-1"]
                .iter()
                .find(|p| rest.starts_with(p.as_bytes()))
                .map(|p| p.len())
            && rest.get(len).is_none_or(|c| !c.is_ascii_alphanumeric())
            && let Some(hz) = self.ex.units.get_index("Hz")
        {
            m.unit = Some(hz);
            m.end += len;
            m.unit_span = m.unit_span.map(|s| Span::new(s.start, s.end + len));
            return m;
        }
        if let Some((t, w)) = self.word_after(m.end) {
            if w == "old" {
                m.end = t.end;
            } else if w == "of"
                && let Some((t2, w2)) = self.word_after(t.end)
                && w2 == "age"
            {
                m.end = t2.end;
            }
        }
        m
    }

    fn relative_time(&self, m: &Measured) -> Option<NotAClaim> {
        let unit = m.unit.map(|u| self.ex.units.unit(u))?;
        if unit.dimension != "time" {
            return None;
        }
        let (_, w) = self.word_after(m.end)?;
        (w == "ago").then_some(NotAClaim::RelativeTime)
    }

    fn followed_by_unit_or_scale(&self, end: usize) -> bool {
        let p = skip_inline_space(self.text, end);
        if let Some(c) = char_at(self.text, p)
            && c == '%'
        {
            return true;
        }
        // "a core 30 cm long", "Lamborghini's 640bhp": a unit (a word-like one only glued).
        if p - end <= 2
            && let Some(u) = self.ex.units.match_at(self.text, p)
            && !self.ex.units.unit(u.unit).is_count()
            // "Fig. 7p", "Table 3a": a glued lower-case letter labels a panel.
            && !(p == end && u.end == p + 1 && self.text.as_bytes()[p].is_ascii_lowercase())
            && (p == end
                || (u.end - p > 1 && !WORDLIKE_UNITS.contains(&Lower::new(&self.text[p..u.end]))))
        {
            return true;
        }
        if let Some((_, w)) = self.word_after(end)
            && (words::scale(&w).is_some() || w == "percent")
        {
            return true;
        }
        false
    }

    /// The word before a number, also across the dot of an abbreviation ("Fig. 4").
    fn reference_word_before(&self, start: usize) -> Option<(Tok, Lower)> {
        let toks = self.toks_before(start);
        let t = *toks.last()?;
        let t = if t.kind == TokKind::Punct && t.text(self.text) == "." {
            let w = *toks.get(toks.len().checked_sub(2)?)?;
            if w.end != t.start {
                return None;
            }
            w
        } else {
            t
        };
        (t.kind == TokKind::Word).then(|| (t, lower(self.text, &t)))
    }

    /// After a reference number, the rest of its list: "Figs. 5 and 6", "Eqs. 3-5",
    /// "Tables 2, 3". Returns where the list ends.
    fn reference_list_end(&self, end: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut end = self.skip_name_tail(end);
        loop {
            let mut p = end;
            // a letter or dot-number suffix: "4a", "4.5" handled by the number itself
            while p < bytes.len() && bytes[p] == b' ' {
                p += 1;
            }
            let rest = &text[p..];
            let q = if rest.starts_with(',') || rest.starts_with('-') {
                p + 1
            } else if rest.starts_with('–') || rest.starts_with('—') {
                p + 3
            } else if starts_with_ci(rest, "and ") || starts_with_ci(rest, "to ") {
                p + rest.find(' ').unwrap_or(0)
            } else {
                return end;
            };
            let q = skip_inline_space(text, q);
            let e = q + bytes[q..].iter().take_while(|b| b.is_ascii_digit()).count();
            if e == q {
                return end;
            }
            end = self.skip_name_tail(e);
        }
    }

    /// Where a list of member labels ends, for the bare number at `start..end`: a plural
    /// noun right before it ("phases 3, 5, and 7", "lines 16 and 17"), at least one more
    /// bare number joined by a comma, "and" or "or", and no unit or counted noun after the
    /// last one ("ages 5 and 7 years", "scores 5 and 7 points" are measures).
    fn label_list_after_plural(&self, start: usize, end: usize) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Cheap rejection first: a list goes on with a comma and a digit, "and", "or", "&",
        // or a dash.
        let rest = &bytes[end..];
        let after_comma = match rest {
            [b',', b' ', r @ ..] => r,
            [b',', r @ ..] => r,
            [b' ', r @ ..] => r,
            [b'-' | 0xE2, ..] => rest,
            _ => return None,
        };
        if !(after_comma.first().is_some_and(u8::is_ascii_digit)
            || after_comma.starts_with(b"and ")
            || after_comma.starts_with(b"or ")
            || after_comma.starts_with(b"& ")
            || matches!(after_comma.first(), Some(b'-' | 0xE2)))
        {
            return None;
        }
        let (pt, pw) = self.prev_word(start)?;
        // "on days 35 and 71", "in months 5 and 7", "days 3–5": periods numbered in a study.
        let periods = matches!(pw.as_str(), "days" | "weeks" | "months" | "years" | "hours");
        if pt.newline_before
            || pt.end + 1 != start
            || bytes[pt.end] != b' '
            || !looks_plural(&pw)
            || FUNCTION_WORDS.contains(&pw)
            || NOT_COUNTED.contains(&pw)
            || matches!(pw.as_str(), "ages" | "aged" | "times" | "costs" | "weighs")
            || (!periods && self.ex.units.match_at(text, pt.start).is_some())
        {
            return None;
        }
        // ("days 3–5": a numbered span of periods.)
        if periods && let Some(dash) = ["-", "–"].iter().find(|d| text[end..].starts_with(**d)) {
            let p = end + dash.len();
            let e = p + bytes[p..].iter().take_while(|b| b.is_ascii_digit()).count();
            let unit_after = self
                .ex
                .units
                .match_at(text, skip_inline_space(text, e))
                .is_some();
            return (e > p
                && e - p <= 3
                && bytes
                    .get(e)
                    .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'.')
                && !unit_after
                && !self.plural_noun_after(e))
            .then_some(e);
        }
        let mut last_end = end;
        let mut items = 1;
        loop {
            let mut p = last_end;
            let mut joined = bytes.get(p) == Some(&b',');
            if joined {
                p += 1;
            }
            p = skip_inline_space(text, p);
            for joiner in ["and ", "or ", "& "] {
                if starts_with_ci(&text[p..], joiner) {
                    p = skip_inline_space(text, p + joiner.len());
                    joined = true;
                    break;
                }
            }
            let digits = bytes[p..].iter().take_while(|b| b.is_ascii_digit()).count();
            if !joined || digits == 0 {
                break;
            }
            let e = p + digits;
            // A decimal, a long number or a glued letter in the list: measures, not labels
            // ("depths 100, 500, 1000 and 1500 m").
            let decimal = matches!(bytes.get(e), Some(b'.' | b','))
                && bytes.get(e + 1).is_some_and(u8::is_ascii_digit);
            if digits > 3 || decimal || bytes.get(e).is_some_and(u8::is_ascii_alphanumeric) {
                return None;
            }
            last_end = e;
            items += 1;
        }
        let p = skip_inline_space(text, last_end);
        let unit_after = self
            .ex
            .units
            .match_at(text, p)
            .is_some_and(|u| !WORDLIKE_UNITS.contains(&Lower::new(&text[p..u.end])));
        (items >= 2
            && !unit_after
            && !self.followed_by_unit_or_scale(last_end)
            && !self.plural_noun_after(last_end))
        .then_some(last_end)
    }

    /// "times" (or "-fold") after a number that makes it a multiplier: "3 times as many",
    /// "ten times more", "6.5 times earnings", "grew by 4 times"; not a count of occurrences
    /// ("won it three times", "three times a day", "a three-times champion"), which the unit
    /// table reads as `times`.
    fn times_after(&self, number_start: usize, end: usize) -> Option<Tok> {
        let (t, n) = self.word_after(end)?;
        let between = &self.text[end..t.start];
        if !(n == "times" || n == "fold") || !between.chars().all(|c| c == ' ' || c == '-') {
            return None;
        }
        if n == "fold" {
            return Some(t);
        }
        (!between.contains('-') && self.compares_at(number_start, t.end)).then_some(t)
    }

    /// Does "N times" / "twice" (from `start` to `end`) compare one amount with another
    /// ("twice as many", "three times the size", "4 times higher", "5 times earnings", "grew by
    /// 5 times") rather than count occurrences ("scored twice.", "won it 3 times since 2010",
    /// "twice as the crowd sang")?
    fn compares_at(&self, start: usize, end: usize) -> bool {
        // "grew by 5 times", "magnify by up to 10 times".
        let toks = self.toks_before(start);
        let by_before = toks
            .iter()
            .rev()
            .take(3)
            .take_while(|t| t.kind == TokKind::Word)
            .map(|t| lower(self.text, t))
            .take_while(|w| w.as_str() == "by" || HEDGE_WORDS_BEFORE_BY.contains(w))
            .any(|w| w.as_str() == "by");
        if by_before {
            return true;
        }
        // "16.2 times": a part of an occurrence does not happen.
        if self.text[start..end].contains(['.', '/', '½']) {
            return true;
        }
        // ("between 'two and three times' the assessment": past a closing quote.)
        let end = match self.tok_after(end) {
            Some(q) if matches!(q.text(self.text), "\"" | "'" | "”" | "’") => q.end,
            _ => end,
        };
        // End of the clause ("he scored twice."): a count.
        let Some((t, w)) = self.word_after(end) else {
            return false;
        };
        if w == "as" {
            // "twice as big" compares; "scored twice as United won", "twice as well" do not:
            // there "as" opens a clause or means "also".
            return self.word_after(t.end).is_some_and(|(a, aw)| {
                self.text[a.start..].starts_with(|c: char| c.is_lowercase())
                    && !AS_OPENS_A_CLAUSE.contains(&aw)
            });
        }
        if MULTIPLIER_FOLLOWERS.contains(&w) {
            return true;
        }
        // "shared more than 1,000 times", "viewed 3 million times": after a participle that
        // is no move, "times" counts occurrences.
        if let Some(v) = self
            .toks_before(start)
            .iter()
            .rev()
            .take(4)
            .take_while(|t| t.kind == TokKind::Word)
            .map(|t| lower(self.text, t))
            .find(|w| !HEDGE_WORDS_BEFORE_BY.contains(w))
            && v.len() > 4
            && v.ends_with("ed")
            && move_word(&v).is_none()
        {
            return false;
        }
        // A preposition, conjunction or time word goes on with the clause ("three times in
        // a row", "twice a week", "twice this season"); a name starts a title ("two times
        // Olympic champion"). A plain noun is what is multiplied ("ten times salary").
        // A verb goes on with the clause too ("Wales twice threatened", "three times
        // running").
        let verb_form = w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"));
        !(COUNT_FOLLOWERS.contains(&w)
            || verb_form
            || self.text[t.start..].starts_with(char::is_uppercase))
    }

    /// Is the next word a currency named in words ("475m euros", "154m naira")?
    fn currency_word_after(&self, pos: usize) -> bool {
        self.word_after(pos).is_some_and(|(t, _)| {
            t.space_before
                && self
                    .ex
                    .units
                    .match_at(self.text, t.start)
                    .is_some_and(|u| u.end == t.end && self.ex.units.unit(u.unit).is_currency())
        })
    }

    /// Is the next word a plural-looking noun or a count unit ("viewers", "people")?
    fn plural_noun_after(&self, pos: usize) -> bool {
        let Some((t, w)) = self.word_after(pos) else {
            return false;
        };
        t.space_before && (looks_plural(&w) || w == "of") && !NOT_COUNTED.contains(&w)
    }

    fn next_is_plain_word(&self, pos: usize) -> bool {
        next_tok(self.text, pos)
            .is_some_and(|t| !t.newline_before && t.kind == TokKind::Word && t.space_before)
    }

    fn sentence_initial(&self, word_start: usize) -> bool {
        let toks = self.toks_before(word_start);
        match toks.last() {
            None => true,
            Some(t) => {
                let s = t.text(self.text);
                // "pre-OAE": a hyphen glued between two words joins them.
                let joining_hyphen = s == "-"
                    && t.end == word_start
                    && char_before(self.text, t.start).is_some_and(char::is_alphabetic);
                t.kind == TokKind::Punct
                    && !joining_hyphen
                    && matches!(
                        s,
                        "." | "!"
                            | "?"
                            | "\""
                            | "“"
                            | "("
                            | ":"
                            | "|"
                            | "-"
                            | "–"
                            | "—"
                            | "*"
                            | "#"
                    )
                    || next_tok(self.text, t.end).is_some_and(|n| n.newline_before)
            }
        }
    }

    /// Skips the rest of a name token like "GPT-3.5-turbo".
    fn skip_name_tail(&self, end: usize) -> usize {
        let text = self.text;
        end + text[end..]
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
            .map_or(text.len() - end, |(i, _)| i)
    }

    /// "to 20", "–20", "and 20" (after "between").
    /// "± 0.3 mm", "+/- 1e-5 km/s2", "+- 2" after a number: the sign as written and the
    /// uncertainty (with the unit written after it).
    fn plus_minus_after(&self, m: &Measured) -> Option<(&'a str, Measured)> {
        let text = self.text;
        let b = text.as_bytes();
        // Decide on the next byte or two first: "±" starts with 0xC2, "+/-" with '+'.
        let p = match b.get(m.end)? {
            0xC2 | b'+' => m.end,
            b' ' if matches!(b.get(m.end + 1), Some(0xC2 | b'+')) => m.end + 1,
            _ => return None,
        };
        let rest = b.get(p..)?;
        let sign_len = match rest {
            [0xC2, 0xB1, ..] => 2,
            [b'+', b'/', b'-', ..] => 3,
            [b'+', b'-', ..] => 2,
            _ => return None,
        };
        let q = skip_inline_space(text, p + sign_len);
        if !text.as_bytes().get(q).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let core = parse_digits(text, q).ok()??;
        let s = Measured::bare(core, q, core.end);
        let s = self.after_scale(self.with_scale(self.glued_suffix(s, false)));
        // Units must agree when both are written.
        if m.unit.is_some() && s.unit.is_some() && m.unit != s.unit {
            return None;
        }
        Some((&text[p..p + sign_len], s))
    }

    /// "won 3-1", "a 52-48 vote", "odds of 5-2", "4-6 6-3", "Rovers 10-17 United": two
    /// whole numbers glued by a hyphen or dash that count two sides, not a range. A range is
    /// written rising, so a falling or level pair is a score; a rising one is when a word
    /// of winning or losing, another such pair, or a name on each side comes with it.
    fn score_pair(&self, m: &Measured, s: &Measured) -> bool {
        let text = self.text;
        let plain = |x: &Measured| {
            x.core.notation == Notation::Digits
                && x.core.plain_integer
                && x.core.digit_count <= 3
                && x.unit.is_none()
                && !x.scaled
                && x.vague.is_none()
        };
        if m.kind != NumberKind::Cardinal
            || !plain(m)
            || !plain(s)
            || s.end != s.core.end
            || !matches!(&text[m.end..s.start], "-" | "–")
        {
            return false;
        }
        if m.core.value >= s.core.value {
            return true;
        }
        let word_after = self
            .word_after(s.end)
            .filter(|(t, _)| !t.newline_before && t.space_before);
        if word_after
            .as_ref()
            .is_some_and(|(_, w)| SCORE_NOUNS.contains(w))
        {
            return true;
        }
        let word_before = self
            .prev_word(m.start)
            .filter(|(t, _)| text[t.end..m.start].chars().all(|c| c == ' '));
        if word_before
            .as_ref()
            .is_some_and(|(_, w)| SCORE_VERBS.contains(w))
        {
            return true;
        }
        // "Rovers 10-17 United": a name on each side.
        let capital = |t: &Tok| text[t.start..].starts_with(|c: char| c.is_uppercase());
        if let (Some((b, bw)), Some((a, aw))) = (&word_before, &word_after)
            && capital(b)
            && capital(a)
            && !FUNCTION_WORDS.contains(bw)
            && !FUNCTION_WORDS.contains(aw)
        {
            return true;
        }
        score_pair_beside(text, m.start, s.end)
    }

    fn range_end(&self, m: &Measured, between: bool, intro: bool) -> Option<Measured> {
        let text = self.text;
        let p = skip_inline_space(text, m.end);
        let rest = &text[p..];
        // "three or four years": two close whole numbers joined by "or" are a range.
        let mut alternative = false;
        let mut to_word = false;
        let season_slash = m.kind == NumberKind::Year && p == m.end && rest.starts_with('/');
        let (connector_end, spaced) = if rest.starts_with('–') || rest.starts_with('—') {
            (p + 3, p != m.end)
        } else if season_slash {
            (p + 1, false)
        } else if rest.starts_with('~') && p == m.end {
            // "20~100": a tilde glued to the first number joins a range (spaced, the
            // tilde is an "about" before the second number).
            (p + 1, false)
        } else if rest.starts_with("- ")
            && p == m.end
            && let Some((t, w)) = self.word_after(p + 1)
            && (w == "to" || (w == "and" && between))
        {
            // "8- to 16-metre", "a 3- to 5-year plan": the first number's unit is left
            // hanging on its hyphen.
            to_word = w == "to";
            (t.end, true)
        } else if rest.starts_with('-') {
            if p != m.end {
                // "10 - 20" is a range only with spaces on both sides.
                (p + 1, true)
            } else {
                (p + 1, false)
            }
        } else {
            let (t, w) = self.word_after(m.end)?;
            to_word = w == "to";
            let ok = match w.as_str() {
                "to" | "through" => true,
                "and" => between,
                // "either 60 or 63 mm" names two options, not a range.
                "or" => {
                    alternative = true;
                    !between && self.prev_word(m.start).is_none_or(|(_, p)| p != "either")
                }
                _ => false,
            };
            if ok {
                (t.end, true)
            } else if intro && !between && m.kind == NumberKind::Cardinal {
                // "from $75 U.S. per barrel to $45.88", "from 20 mpg in 2008 to 29 mpg": a few
                // words (a year, a time) between the first amount and "to".
                to_word = true;
                (self.to_after_filler(m.end)?, true)
            } else {
                return None;
            }
        };
        let mut q = skip_inline_space(text, connector_end);
        // "between 2 g and about 7 g", "2 - ~7 grams": a hedge on the far end only rounds
        // it. ("from 50% to around 80%" stays two claims: the second one is approximate.)
        if let Some(tilde) = ['~', '∼', '≈']
            .into_iter()
            .find(|&t| text[q..].starts_with(t))
        {
            q = skip_inline_space(text, q + tilde.len_utf8());
        } else if between
            && let Some((t, w)) = self.word_after(q)
            && matches!(w.as_str(), "about" | "around" | "approximately" | "roughly")
        {
            q = skip_inline_space(text, t.end);
        }
        let mut nstart = q;
        let mut currency = None;
        // "$5 to $10"
        if let Some((sym_len, unit)) = self.currency_at(q) {
            nstart = q + sym_len;
            currency = Some(unit);
        }
        let mut c = char_at(text, nstart)?;
        // "from -18 °C to -34 °C": a signed far end after a word ("to", "and"); a hyphen
        // glued to the word ("200,000 to-260,000") is a typo for a space, not a minus.
        let mut negative = false;
        if c == '-'
            && nstart == connector_end
            && to_word
            && char_at(text, nstart + 1).is_some_and(|d| d.is_ascii_digit())
        {
            nstart += 1;
            c = char_at(text, nstart)?;
        } else if (c == '-' || c == '−')
            && currency.is_none()
            && text[m.end..connector_end]
                .trim_end()
                .ends_with(char::is_alphabetic)
            && char_at(text, nstart + c.len_utf8()).is_some_and(|d| d.is_ascii_digit())
        {
            negative = true;
            nstart += c.len_utf8();
            c = char_at(text, nstart)?;
        }
        let second = if c.is_ascii_digit() {
            let mut core = parse_digits(text, nstart).ok()??;
            if core.bare_power != m.core.bare_power {
                return None;
            }
            if negative {
                core.value = -core.value;
            }
            let s = Measured {
                core,
                start: q,
                end: core.end,
                scaled: false,
                unit: currency,
                unit_span: currency.map(|_| Span::new(q, nstart)),
                kind: NumberKind::Cardinal,
                vague: None,
            };
            // glued letters: "10-20km", "5-10m" (scale/unit)
            let money_first = m.unit.is_some_and(|u| self.ex.units.unit(u).is_currency());
            let mut s = self.glued_suffix(s, money_first);
            // "8- to 16-metre": a unit joined by a hyphen.
            if s.unit.is_none()
                && let Some(u) = self.hyphenated_unit_at(s.end)
            {
                s.unit = Some(u.unit);
                s.unit_span = Some(Span::new(s.end + 1, u.end));
                s.end = u.end;
            }
            self.after_scale(self.with_scale(s))
        } else if c.is_alphabetic() && (m.core.notation == Notation::Words || between) {
            // "between 5 and six millimetres": "between" announces the second number.
            let wn = parse_words(text, nstart)?;
            let s = Measured {
                core: wn.core,
                start: q,
                end: wn.core.end,
                scaled: wn.last_scale > 1.0,
                unit: currency,
                unit_span: None,
                kind: NumberKind::Cardinal,
                vague: None,
            };
            self.after_scale(self.with_scale(s))
        } else {
            return None;
        };
        if alternative {
            let whole = |c: &NumCore| match c.notation {
                Notation::Digits => c.plain_integer,
                Notation::Words => c.value.fract() == 0.0,
                _ => false,
            };
            let (a, b) = (m.core.value, second.core.value);
            // "one or two", "3 or 4", "20 or 30"; not "1 or 10" (two choices), nor
            // scaled or unit-bearing words on one side only.
            if !(whole(&m.core)
                && whole(&second.core)
                && m.kind == NumberKind::Cardinal
                && !m.scaled
                && !second.scaled
                && m.unit.is_none()
                && b > a
                && a > 0.0
                && b - a <= a.max(2.0))
            {
                return None;
            }
        }
        // "two thirds - 65% - of them": a dash between words and digits sets off an aside.
        let words_end = |c: &NumCore| matches!(c.notation, Notation::Words | Notation::Fraction);
        if spaced
            && !text[m.end..connector_end]
                .trim_start()
                .starts_with(char::is_alphabetic)
            && (words_end(&m.core) != words_end(&second.core)
                || (m.core.notation == Notation::Fraction)
                    != (second.core.notation == Notation::Fraction))
        {
            return None;
        }
        // "16 or 17 March", "3 to 5 May": days of a month, not a range of quantities.
        if let Some((_, w)) = self.word_after(second.end)
            && MONTHS.contains(&w)
            && second.core.digit_count <= 2
            && second.unit.is_none()
        {
            return None;
        }
        // "forty-two" is one number: a hyphen glued between number words is no range
        // unless it rises ("two-three days").
        if m.core.notation == Notation::Words
            && !spaced
            && text[m.end..connector_end].starts_with('-')
            && second.core.value <= m.core.value
        {
            return None;
        }
        // A year is no start of a range ending in a smaller number ("in 2008 to 29 mpg");
        // "2008–09" is a season, not a range of quantities either.
        if m.kind == NumberKind::Year && second.core.value < m.core.value {
            // "the 2013-14 season", "fiscal 2019–20": a season or fiscal year spans two
            // calendar years, the second written with its last two digits.
            // ("2003/4", "1963-4": one digit after a slash or a hyphen.)
            let digits = second.core.digit_count;
            let next = (m.core.value as u32 + 1) % 10u32.pow(digits as u32);
            if !spaced
                && second.core.plain_integer
                && (digits == 2 || digits == 1)
                && second.unit.is_none()
                && second.core.value as u32 == next
            {
                let mut season = second;
                season.core.value = m.core.value + 1.0;
                season.core.digit_count = 4;
                season.kind = NumberKind::Year;
                return Some(season);
            }
            return None;
        }
        // Units must agree when both are written ("fell 5% to 3 million" is no range).
        if let (Some(a), Some(b)) = (m.unit, second.unit)
            && a != b
        {
            return None;
        }
        // (An implied unit, "aged 5 to 10", "age 5 to 10", is no written one after it.)
        if m.unit.is_some()
            && m.unit_span.is_some_and(|s| s.start >= m.core.end)
            && second.unit.is_none()
            && !intro
            && !between
        {
            // "5% to 3 million": the second number names something else.
            if m.unit.is_some_and(|u| !self.ex.units.unit(u).is_currency()) {
                return None;
            }
        }
        // "increased by $43.6 billion to $419.2 billion", "rose 2% to 5%": after a change
        // verb, two amounts that each carry their unit are the move and the new level
        // ("rose 5 to 10%", "dropped by 1 to 1.5 degrees" stay ranges of the move).
        if to_word
            && !intro
            && !between
            && m.unit.is_some()
            && m.unit_span.is_some()
            && second.unit_span.is_some()
            && self.change_verb_before(m.start)
        {
            return None;
        }
        // "the total fell 11,000 to 813,200": after a change verb, a far end ten times the
        // near one (or with a scale word the near one lacks) is the new level (a range of a move is written with close ends).
        if to_word
            && !intro
            && !between
            && m.unit.is_none()
            && second.unit.is_none()
            && m.core.value > 0.0
            && (second.core.value >= 10.0 * m.core.value
                // "fell by 600,000 to 5.9 million": a near end in thousands written out
                // does not share the far end's scale word.
                || (second.scaled && !m.scaled && m.core.value >= 1000.0))
            && self.change_verb_before(m.start)
        {
            return None;
        }
        Some(second)
    }

    /// After "from <amount>": the end of a "to" that follows within a few plain words, a
    /// year or a time of day ("at 10.45pm last night to"), on the same line; `None` at any
    /// other number, punctuation (but the dots of "U.S."), a month or a clause word.
    fn to_after_filler(&self, from: usize) -> Option<usize> {
        let text = self.text;
        let mut p = from;
        let mut prev_letter = false;
        for _ in 0..8 {
            let t = next_tok(text, p)?;
            if t.newline_before {
                return None;
            }
            let single_letter = t.kind == TokKind::Word && t.end - t.start == 1;
            match t.kind {
                TokKind::Word => {
                    let w = lower(text, &t);
                    if w == "to" {
                        return (p > from).then_some(t.end);
                    }
                    // ("from 74°S to 90°S": a lone letter is a compass point or a code;
                    // "U.S." goes on with its dot.)
                    if FILLER_STOPS.contains(&w)
                        || MONTHS.contains(&w)
                        || (single_letter && !text[t.end..].starts_with('.'))
                    {
                        return None;
                    }
                    p = t.end;
                }
                TokKind::Digits => {
                    let core = parse_digits(text, t.start).ok()??;
                    let year = core.plain_integer
                        && core.digit_count == 4
                        && (1800.0..=2100.0).contains(&core.value);
                    let clock = self
                        .word_after(core.end)
                        .and_then(|(a, w)| matches!(w.as_str(), "am" | "pm").then_some(a.end));
                    p = if year { core.end } else { clock? };
                }
                TokKind::Punct => {
                    if !(prev_letter && t.text(text) == ".") {
                        return None;
                    }
                    p = t.end;
                }
            }
            prev_letter = single_letter;
        }
        None
    }

    /// " of the 1.5 billion shekels", " of its $2 million": the currency of the sum named
    /// right after a bare amount.
    fn currency_of_whole_after(&self, end: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[end..];
        let skip = [&b" of the "[..], b" of its ", b" of their "]
            .iter()
            .find(|p| rest.starts_with(p))?
            .len();
        let p = end + skip;
        let whole = self.read_digits(p).ok()??;
        let u = whole.unit?;
        (self.ex.units.unit(u).is_currency()).then_some(u)
    }

    /// One to three capitalized words after `end` that end in a street word ("Industrial
    /// Avenue", "Downing Street").
    fn street_after(&self, end: usize) -> bool {
        let text = self.text;
        // Most numbers are not followed by a capital: decide on one byte.
        if !text.as_bytes()[skip_inline_space(text, end)..]
            .first()
            .is_some_and(u8::is_ascii_uppercase)
        {
            return false;
        }
        let mut p = end;
        for _ in 0..3 {
            let Some(t) = next_tok(text, p) else {
                return false;
            };
            if t.newline_before
                || t.kind != TokKind::Word
                || !text[t.start..].starts_with(|c: char| c.is_ascii_uppercase())
            {
                return false;
            }
            if p > end && STREET_WORDS.contains(&lower(text, &t)) {
                return true;
            }
            p = t.end;
        }
        false
    }

    /// A change verb ("rose", "fell by", "was up") right before `start`.
    fn change_verb_before(&self, start: usize) -> bool {
        let Some((t, mut w)) = self.prev_word(start) else {
            return false;
        };
        if w == "by"
            && let Some((_, v)) = self.prev_word(t.start)
        {
            w = v;
        }
        move_word(&w).is_some()
    }

    /// "us $ 150 million", "hk $ 10", "c $ 300", "usd$ 15": letters before a dollar sign
    /// that name the country, written apart or in lower case. The letters and the sign
    /// together must be a symbol of the table ("US$", "HK$", "C$"); a lone letter before a
    /// space is only the Canadian "c" (an "A $5 fee" is an article).
    fn country_dollar(&self, sym_start: usize, unit: usize) -> (usize, Option<usize>) {
        let text = self.text;
        let bytes = text.as_bytes();
        if bytes.get(sym_start) != Some(&b'$') {
            return (sym_start, Some(unit));
        }
        let mut p = sym_start;
        let spaced = p > 0 && bytes[p - 1] == b' ';
        if spaced {
            p -= 1;
        }
        let end = p;
        while p > 0 && (bytes[p - 1].is_ascii_alphabetic() || bytes[p - 1] == b'.') {
            p -= 1;
        }
        let letters: String = text[p..end]
            .chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let boundary = p == 0 || !bytes[p - 1].is_ascii_alphanumeric();
        let lone_ok = letters.len() > 1 || !spaced || letters == "C";
        if !boundary || letters.is_empty() || letters.len() > 3 || !lone_ok {
            return (sym_start, Some(unit));
        }
        let key = format!("{letters}$");
        match self.ex.units.match_at(&key, 0) {
            Some(u) if u.end == key.len() && self.ex.units.unit(u.unit).is_currency() => {
                (p, Some(u.unit))
            }
            _ => (sym_start, Some(unit)),
        }
    }

    /// An ISO 4217 code before the amount, with the scale it carries: "EUR 20",
    /// "USD115" (glued), "MAUD 60" / "MUSD 5" (millions, as in financial tables), and
    /// "PS2.7m": the pound sign as news feeds transliterate it ("PS" before a decimal,
    /// a thousands group or a scale; "PS5" stays a console).
    fn currency_code_before(&self, cand: usize, core: &NumCore) -> Option<(usize, usize, f64)> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Cheap test first: an upper-case letter glued or one space before the digits.
        let upper_at = |i: Option<usize>| i.is_some_and(|i| bytes[i].is_ascii_uppercase());
        if !(upper_at(cand.checked_sub(1))
            || (cand >= 2 && bytes[cand - 1] == b' ' && upper_at(Some(cand - 2))))
        {
            return None;
        }
        let pt = super::lexer::prev_tok(text, cand)?;
        let glued = pt.end == cand;
        if pt.kind != TokKind::Word
            || !(glued || (pt.end + 1 == cand && text.as_bytes()[pt.end] == b' '))
        {
            return None;
        }
        let word = &text[pt.start..pt.end];
        if !word.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        // The code is a currency id of the table (ISO 4217): "SOL2" is no sol.
        let code = |c: &str| {
            self.ex
                .units
                .get_index(c)
                .filter(|&u| self.ex.units.unit(u).is_currency())
        };
        match word.len() {
            3 if glued => code(word).map(|u| (pt.start, u, 1.0)),
            // Spaced, as before: any upper-case currency name of three letters ("RMB 50").
            3 => self
                .ex
                .units
                .match_at(text, pt.start)
                .filter(|u| u.end == pt.end && self.ex.units.unit(u.unit).is_currency())
                .map(|u| (pt.start, u.unit, 1.0)),
            // Spaced only: glued, "MARS2" is a gene name.
            4 if word.starts_with('M') && !glued => code(&word[1..]).map(|u| (pt.start, u, 1e6)),
            2 if word == "PS" && glued => {
                let written = &text[cand..core.end];
                let rest = &text[core.end..];
                let pound_like = written.contains(['.', ','])
                    || ["m", "bn", "k"].iter().any(|s| {
                        rest.starts_with(s)
                            && !rest[s.len()..].starts_with(|c: char| c.is_alphanumeric())
                    });
                let gbp = self.ex.units.get_index("GBP")?;
                pound_like.then_some((pt.start, gbp, 1.0))
            }
            _ => None,
        }
    }

    /// "361 million pounds" of profit is sterling: weight is rarely counted in millions
    /// of pounds without saying of what ("2 million pounds of beef").
    /// So are pounds right after a word of buying or paying ("costs 12 pounds", "sold
    /// for a pound").
    fn pounds_as_money(&self, m: &Measured, pos: usize, u: UnitMatch) -> UnitMatch {
        let units = self.ex.units;
        let priced = || {
            self.prev_tok(m.start).is_some_and(|t| {
                t.kind == TokKind::Word
                    && matches!(
                        lower(self.text, &t).as_str(),
                        "cost"
                            | "costs"
                            | "costing"
                            | "paid"
                            | "pay"
                            | "pays"
                            | "paying"
                            | "priced"
                            | "fined"
                            | "charged"
                            | "charges"
                            | "spent"
                            | "spend"
                            | "earn"
                            | "earns"
                            | "earned"
                            | "for"
                    )
            })
        };
        // ("millions of pounds" is money too.)
        if !(m.scaled || m.vague.is_some() || priced())
            || units.unit(u.unit).id != "lb"
            || !starts_with_ci(&self.text[pos..], "pound")
            || self.word_after(u.end).is_some_and(|(_, w)| w == "of")
        {
            return u;
        }
        match units.get_index("GBP") {
            Some(gbp) => UnitMatch { unit: gbp, ..u },
            None => u,
        }
    }

    /// The next part of a composite measure after `m`: "[, ][and ]10 inches" after "5 feet".
    /// The part is a smaller unit of the same dimension and less than one of the unit
    /// before it (so "2 km, 1500 m" stays a list). Returns the part in the first unit of
    /// `m` (its `unit_span` start), the half unit in that unit, the part's unit and end.
    /// An hour may be followed by bare minutes at the end of a clause ("1 hour 30.").
    fn composite_part(&self, m: &Measured) -> Option<(f64, f64, usize, usize)> {
        let text = self.text;
        let units = self.ex.units;
        let prev = units.unit(m.unit?);
        if !matches!(prev.dimension.as_str(), "length" | "time" | "mass") {
            return None;
        }
        let mut t = self.tok_after(m.end)?;
        if t.kind == TokKind::Punct && t.text(text) == "," {
            t = self.tok_after(t.end)?;
        }
        if t.kind == TokKind::Word && lower(text, &t) == "and" {
            t = self.tok_after(t.end)?;
        }
        let (value, half, end) = match t.kind {
            TokKind::Digits => {
                let c = parse_digits(text, t.start).ok()??;
                (c.value, c.half_unit, c.end)
            }
            TokKind::Word
                if text.as_bytes()[t.start..t.end]
                    .iter()
                    .all(u8::is_ascii_alphabetic)
                    && words::starts_number(text, t.start, t.end) =>
            {
                let w = parse_words(text, t.start)?;
                (w.core.value, w.core.half_unit, w.core.end)
            }
            _ => return None,
        };
        let first = units.unit(units.match_at(text, m.unit_span?.start)?.unit);
        if first.dimension != prev.dimension {
            return None;
        }
        let p = skip_inline_space(text, end);
        let (unit, unit_end) = match units.match_at(text, p) {
            Some(u) if p - end <= 1 => (u.unit, u.end),
            // "5 ft 2 in", "6ft 4in": "in" after a number of feet is inches.
            _ if prev.id == "ft"
                && p <= end + 1
                && text[p..].starts_with("in")
                && !text[p + 2..].starts_with(|c: char| c.is_alphanumeric()) =>
            {
                (units.get_index("in")?, p + 2)
            }
            // "1 hour 30", "2 hours and ten": minutes, when nothing follows.
            _ if prev.id == "h"
                && value < 60.0
                && value.fract() == 0.0
                && self.tok_after(end).is_none_or(|n| {
                    n.kind == TokKind::Punct && matches!(n.text(text), "." | "," | ";" | "!" | "?")
                }) =>
            {
                (units.get_index("min")?, end)
            }
            _ => return None,
        };
        let part = units.unit(unit);
        // Imperial pairs are never a list ("2 yards 7 feet" is 13 feet); metric and time
        // parts must be less than one of the unit before ("2 km, 1500 m" is a list).
        let imperial = matches!(prev.id.as_str(), "mi" | "yd" | "ft" | "stone" | "lb");
        if !customary_pair(&prev.id, &part.id)
            || part.factor >= prev.factor
            || (!imperial && value * part.factor >= prev.factor)
            || part.offset != 0.0
        {
            return None;
        }
        let scale = part.factor / first.factor;
        Some((value * scale, half * scale, unit, unit_end))
    }

    /// The denominator of a rate after a quantity ending at `pos`: "/hour", " per barrel",
    /// " a day", "-a-day", " an ounce". After "a"/"an" only a unit of time, mass, volume,
    /// length, area or a counted thing ("$5 a share"); never money or a ratio ("per cent").
    fn rate_after(&self, pos: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let units = self.ex.units;
        let ok = |u: usize, article: bool| {
            let d = units.unit(u).dimension.as_str();
            if matches!(d, "currency" | "ratio" | "temperature") {
                return false;
            }
            !article || matches!(d, "time" | "mass" | "volume" | "length" | "area" | "count")
        };
        let at = |p: usize, article: bool| {
            units
                .match_at(text, p)
                .filter(|u| ok(u.unit, article))
                .map(|u| (u.unit, u.end))
        };
        let mut pos = pos;
        // "9 billion shekels ($2.4 billion) a year": past a restated amount in brackets.
        if text.as_bytes()[pos..].starts_with(b" (")
            && let Some(close) = text[pos..text.floor_char_boundary(pos + 48)].find(')')
            && !text[pos..pos + close].contains('\n')
        {
            pos += close + 1;
        }
        let rest = &text.as_bytes()[pos..];
        match rest {
            [b'/', ..] => return at(pos + 1, false),
            [b'-', b'a', b'-', ..] => return at(pos + 3, true),
            [b' ', b'p' | b'a' | b'P' | b'A', ..] => {}
            _ => return None,
        }
        let (t, w) = self.word_after(pos)?;
        if !text[pos..t.start]
            .chars()
            .all(|c| c == ' ' || c == '\u{a0}')
        {
            return None;
        }
        let article = match w.as_str() {
            "per" => false,
            "a" | "an" => true,
            _ => return None,
        };
        let p = skip_inline_space(text, t.end);
        if p == t.end {
            return None;
        }
        let (u, end) = at(p, article)?;
        // "$1.2 billion a year earlier", "5% a month ago": a time, not a rate.
        if article
            && let Some((_, next)) = self.word_after(end)
            && matches!(
                next.as_str(),
                "ago" | "earlier" | "before" | "later" | "prior" | "back" | "previously" | "after"
            )
        {
            return None;
        }
        Some((u, end))
    }

    /// Units the table cannot list as plain symbols, after a number ending at `end` (`p`
    /// after the spaces): "in" when it ends the clause or a dimension adjective follows
    /// ("2 in thick"), an inch mark outside a quotation (`9"`, `5''`), and a unit in
    /// brackets ("20 (kg)", "20 [kg]").
    fn inch_or_bracketed_unit(&self, end: usize, p: usize) -> Option<(usize, Span)> {
        let text = self.text;
        let units = self.ex.units;
        let rest = &text[p..];
        if rest.starts_with("in") && p > end {
            let after = p + 2;
            if text[after..].starts_with(|c: char| c.is_alphanumeric()) {
                return None;
            }
            let closes = match self.tok_after(after) {
                None => true,
                Some(t) if t.kind == TokKind::Punct => {
                    matches!(t.text(text), "." | "," | ";" | ")")
                }
                Some(t) => matches!(
                    lower(text, &t).as_str(),
                    "thick" | "long" | "wide" | "tall" | "high" | "deep" | "across" | "diameter"
                ),
            };
            if !closes {
                return None;
            }
            return Some((units.get_index("in")?, Span::new(p, after)));
        }
        let mark = if rest.starts_with("''") {
            2
        } else if rest.starts_with('"') {
            1
        } else {
            0
        };
        if mark > 0 {
            // Outside a quotation: an even number of double quotes before, on this line.
            let line = text[..end].rsplit('\n').next().unwrap_or("");
            let quotes = line.matches('"').count();
            let inside_word = text[p + mark..].starts_with(|c: char| c.is_alphanumeric());
            if quotes.is_multiple_of(2) && !inside_word {
                return Some((units.get_index("in")?, Span::new(p, p + mark)));
            }
            return None;
        }
        let close = match rest.as_bytes().first()? {
            b'(' => ')',
            b'[' => ']',
            b'{' => '}',
            b'<' => '>',
            _ => return None,
        };
        let u = units.match_at(text, p + 1)?;
        if !text[u.end..].starts_with(close) || units.unit(u.unit).is_count() {
            return None;
        }
        Some((u.unit, Span::new(p, u.end + 1)))
    }

    /// ", and" after `pos` (a serial comma).
    fn serial_and_after(&self, pos: usize) -> bool {
        let Some(t) = self.tok_after(pos) else {
            return false;
        };
        t.kind == TokKind::Punct
            && t.text(self.text) == ","
            && self.word_after(t.end).is_some_and(|(_, w)| w == "and")
    }

    /// The noun of a hyphenated compound after a number: "six-cylinder" (cylinder), and
    /// a suspended hyphen borrowing the last one: "four-, five- and six-cylinder". Not a
    /// unit (those were read before), not a number ("COVID-19").
    fn hyphen_compound_noun(&self, end: usize) -> Option<Span> {
        let text = self.text;
        let b = text.as_bytes();
        if b.get(end) != Some(&b'-') {
            return None;
        }
        let word_at = |p: usize| {
            let e = p + b[p..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            (e - p >= 3 && b.get(e).is_none_or(|c| !c.is_ascii_alphanumeric()))
                .then(|| Span::new(p, e))
        };
        match b.get(end + 1) {
            Some(c) if c.is_ascii_alphabetic() => {
                let w = word_at(end + 1)?;
                let lw = Lower::new(w.slice(text));
                let number = words::small(lw.as_str()).is_some()
                    || words::scale(lw.as_str()).is_some()
                    || words::ordinal(lw.as_str()).is_some();
                let word_like = !number
                    && !NOT_COUNTED.contains(&lw)
                    && self.ex.units.match_at(text, w.start).is_none();
                word_like.then_some(w)
            }
            Some(b',' | b' ') => {
                // The list goes on to its last member: "..., five- and six-cylinder".
                let window = &text[end + 1..text.floor_char_boundary(end + 48)];
                let stop = window.find(['.', ';', ':', '(']).unwrap_or(window.len());
                let window = &window[..stop];
                let dash = window
                    .char_indices()
                    .filter(|&(i, c)| {
                        c == '-'
                            && window[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic())
                            && window[..i].ends_with(|p: char| p.is_alphanumeric())
                    })
                    .map(|(i, _)| i)
                    .next()?;
                let p = end + 1 + dash;
                self.hyphen_compound_noun(p)
            }
            _ => None,
        }
    }

    /// "1/16 of a US pint", "half of an inch": a fraction of one unit, with up to two
    /// qualifying words before the unit ("US fluid").
    fn unit_after_of_a(&self, m: &Measured) -> Option<(usize, Span)> {
        if !(m.core.value > 0.0 && m.core.value < 1.0) {
            return None;
        }
        let (of_t, of) = self.word_after(m.end)?;
        if of != "of" {
            return None;
        }
        let (a_t, a) = self.word_after(of_t.end)?;
        if a != "a" && a != "an" {
            return None;
        }
        let mut p = a_t.end;
        for _ in 0..3 {
            let t = self.tok_after(p)?;
            if let Some(u) = self.ex.units.match_at(self.text, t.start) {
                return Some((u.unit, Span::new(t.start, u.end)));
            }
            if t.kind != TokKind::Word {
                return None;
            }
            p = t.end;
        }
        None
    }

    /// "Maddon, 66, has ...": a whole number between commas after a name is an age.
    /// "at age 5", "age 87": an age in years (no unit follows), the word "age" right before
    /// the number as its unit ("aged" and "the age of" are `age_before`).
    fn age_word_before(&self, m: &Measured) -> Option<(usize, Option<Span>)> {
        let b = self.text.as_bytes();
        // Decide on the byte before the space first.
        if m.start < 4
            || b[m.start - 1] != b' '
            || b[m.start - 2] | 0x20 != b'e'
            || !m.core.plain_integer
            || m.core.digit_count > 3
            || !(1.0..=130.0).contains(&m.core.value)
        {
            return None;
        }
        let word = word_ending_at(self.text, m.start - 1, &["age"])?;
        Some((
            self.ex.units.get_index("year")?,
            Some(Span::new(word, m.start - 1)),
        ))
    }

    fn appositive_age(&self, m: &Measured) -> Option<usize> {
        let text = self.text;
        if !m.core.plain_integer
            || m.core.digit_count > 3
            || !(1.0..=120.0).contains(&m.core.value)
            || !text[m.end..].starts_with(',')
            || !text[..m.start].ends_with(", ")
        {
            return None;
        }
        let name = self.prev_tok(m.start - 2)?;
        let capital = name.kind == TokKind::Word
            && name
                .text(text)
                .starts_with(|c: char| c.is_ascii_uppercase())
            && !FUNCTION_WORDS.contains(&lower(text, &name));
        capital.then(|| self.ex.units.get_index("year")).flatten()
    }

    /// "aged 35", "the age of 21": a whole number after an age word is years of age.
    fn age_before(&self, m: &Measured) -> Option<usize> {
        let text = self.text;
        let b = text.as_bytes();
        let mut p = m.start;
        while p > 0 && b[p - 1] == b' ' {
            p -= 1;
        }
        // Decide on the last byte first: "aged" and "of" end in d and f; the bounds "over",
        // "under", "between", "from", "above" in er, en, om, ve.
        let whole = m.core.plain_integer
            || (m.core.notation == Notation::Words && m.core.value.fract() == 0.0);
        if p == m.start
            || p < 4
            || !matches!(
                (b[p - 2] | 0x20, b[p - 1] | 0x20),
                (b'e', b'd')
                    | (b'o', b'f')
                    | (b'e', b'r')
                    | (b'e', b'n')
                    | (b'o', b'm')
                    | (b'v', b'e')
            )
            || !whole
            || !(1.0..=130.0).contains(&m.core.value)
        {
            return None;
        }
        // "aged over 55", "aged between 20 and 30": a bound between the age word and the
        // number; "children under 18", "seniors over 85": a bound after people is an age.
        if let Some(s) = word_ending_at(text, p, &["over", "under", "between", "from", "above"]) {
            let mut q = s;
            while q > 0 && b[q - 1] == b' ' {
                q -= 1;
            }
            let bound = &text[s..p];
            let age = q < s
                && (word_ending_at(text, q, &["aged"]).is_some()
                    || (!bound.eq_ignore_ascii_case("between")
                        && !bound.eq_ignore_ascii_case("from")
                        && word_ending_at(text, q, PEOPLE_BY_AGE).is_some()));
            return age.then(|| self.ex.units.get_index("year")).flatten();
        }
        // (A bare "age 65" is left alone: suites disagree on whether "age" is in its span.)
        let age = word_ending_at(text, p, &["aged"]).is_some()
            || word_ending_at(text, p, &["of"]).is_some_and(|s| {
                let mut q = s;
                while q > 0 && b[q - 1] == b' ' {
                    q -= 1;
                }
                q < s && word_ending_at(text, q, &["age"]).is_some()
            });
        age.then(|| self.ex.units.get_index("year")).flatten()
    }

    /// A lower-case "c" after a number: degrees Celsius when the sentence talks about
    /// temperature ("the pool is kept at 25 c", "highs of 35c"), otherwise cents ("75 c a
    /// ticket", "10c").
    fn cents_or_celsius_at(&self, p: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let b = text.as_bytes();
        if b.get(p) != Some(&b'c')
            || b.get(p + 1)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b')')
            || (b.get(p + 1) == Some(&b'.') && b.get(p + 2).is_some_and(u8::is_ascii_alphanumeric))
        {
            return None;
        }
        let lo = text.floor_char_boundary(p.saturating_sub(160));
        let hi = text.ceil_char_boundary((p + 80).min(text.len()));
        let window = &text[lo..hi];
        let sentence_start = window[..p - lo]
            .rfind(['.', '!', '?', '\n'])
            .map_or(0, |i| i + 1);
        let sentence_end = window[p - lo + 1..]
            .find(['!', '?', '\n'])
            .map_or(window.len(), |i| p - lo + 1 + i);
        let sentence = window[sentence_start..sentence_end].to_ascii_lowercase();
        const WARM: &[&str] = &[
            "temperat", "degree", "weather", "heat", "hot", "cold", "warm", "cool", "oven",
            "freez", "forecast", "celsius", "frost", "chill", "°",
        ];
        let id = if WARM.iter().any(|w| sentence.contains(w)) {
            "degC"
        } else {
            "cent"
        };
        Some((self.ex.units.get_index(id)?, p + 1))
    }

    /// Is `start..end` wrapped in brackets right after "is", "was", "were", "are" or a
    /// colon?
    fn accounting_brackets(&self, start: usize, end: usize) -> bool {
        let text = self.text;
        if !(text[..start].ends_with('(') && text[end..].starts_with(')')) {
            return false;
        }
        let before = text[..start - 1].trim_end_matches(' ');
        if before.ends_with(':') {
            return true;
        }
        let word = before
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        before.len() < start - 1
            && matches!(
                word.to_ascii_lowercase().as_str(),
                "is" | "was" | "were" | "are"
            )
    }

    /// Does the sentence around `p` speak of temperature (and not of an angle)? Words
    /// are matched by their start ("temperatures", "freezing"), a few exactly ("hot" is
    /// not "hotel").
    fn speaks_of_temperature(&self, p: usize) -> bool {
        const STARTS: &[&str] = &[
            "temperat",
            "weather",
            "forecast",
            "freez",
            "frost",
            "thermo",
            "fever",
            "celsius",
            "fahrenheit",
            "boil",
            "melt",
            "heat",
            "chill",
            "thaw",
        ];
        const WHOLE: &[&str] = &[
            "hot", "hotter", "hottest", "warm", "warmer", "warmest", "cold", "colder", "coldest",
            "cool", "cooler", "coolest", "oven", "outside", "outdoors",
        ];
        const ANGLE: &[&str] = &[
            "angle",
            "rotat",
            "turn",
            "tilt",
            "latitude",
            "longitude",
            "slope",
            "incline",
            "bearing",
            "compass",
            "arc",
            "pitch",
            "spin",
        ];
        let sentence = crate::link::sentence_around(self.text, p);
        let mut warm = false;
        for word in sentence
            .slice(self.text)
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() >= 3)
        {
            let word = word.to_lowercase();
            if ANGLE.iter().any(|a| word.starts_with(a)) {
                return false;
            }
            warm |= STARTS.iter().any(|s| word.starts_with(s)) || WHOLE.contains(&word.as_str());
        }
        warm
    }

    /// Is the capital "F" or "C" glued to a number at `p` part of a name ("a Boeing 777F",
    /// "the 13F filing") rather than a temperature? It is a temperature in a sentence about
    /// the weather or heat ("highs of 95F") or next to its conversion ("35C (95F)"), and
    /// after a sign ("-10C", checked by the caller): names take no signed numbers.
    fn scale_letter_names_something(&self, p: usize) -> bool {
        let text = self.text;
        let letter = match text.as_bytes()[p] {
            b'F' => b'C',
            b'C' => b'F',
            _ => return false,
        };
        if self.speaks_of_temperature(p) {
            return false;
        }
        let sentence = crate::link::sentence_around(text, p).slice(text);
        let bytes = sentence.as_bytes();
        // The other scale glued to a number in the same sentence: a conversion.
        let conversion = bytes
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == letter && !w[2].is_ascii_alphanumeric())
            || bytes.last().is_some_and(|&b| b == letter)
                && bytes.len() >= 2
                && bytes[bytes.len() - 2].is_ascii_digit();
        let weather = sentence.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            [
                "high", "highs", "low", "lows", "degree", "degrees", "mercury",
            ]
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k))
        });
        !(conversion || weather)
    }

    /// The temperature scale named within the next four words after `end` ("° on the
    /// Celsius scale", "degrees (Fahrenheit)"), before any other number or clause break.
    fn scale_named_after(&self, end: usize) -> Option<&'static str> {
        let mut p = end;
        for _ in 0..4 {
            let t = self.tok_after(p)?;
            if t.kind != TokKind::Word {
                if !matches!(t.text(self.text), "(" | ")") {
                    return None;
                }
            } else {
                match lower(self.text, &t).as_str() {
                    "celsius" | "centigrade" => return Some("degC"),
                    "fahrenheit" => return Some("degF"),
                    _ => {}
                }
            }
            p = t.end;
        }
        None
    }

    /// "more minutes", "extra years": a comparative then a unit (at `p`).
    fn adjective_then_unit(&self, p: usize) -> Option<(usize, usize)> {
        let rest = &self.text.as_bytes()[p..];
        let len = [
            "more ",
            "less ",
            "fewer ",
            "extra ",
            "additional ",
            "further ",
        ]
        .iter()
        .find(|w| rest.len() > w.len() && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes()))?
        .len();
        let u = self.ex.units.match_at(self.text, p + len)?;
        let unit = self.ex.units.unit(u.unit);
        (!unit.is_count() && !unit.is_currency() && unit.dimension != "ratio")
            .then_some((u.unit, u.end))
    }

    /// A currency named before the amount: "rupees 5,000", "ringgit 42", "Malaysian
    /// ringgit 42". Not the currencies news writes as the subject of a move ("the dollar
    /// 2% higher", "the euro 1.10"), and not before a unit or percent.
    fn currency_name_before(&self, cand: usize, core: &NumCore) -> Option<(usize, usize)> {
        let text = self.text;
        let b = text.as_bytes();
        if cand < 2 || b[cand - 1] != b' ' || !b[cand - 2].is_ascii_alphabetic() {
            return None;
        }
        // The word before, by bytes; then one anchored lookup before anything else.
        let end = cand - 1;
        let mut start = end;
        while start > 0 && b[start - 1].is_ascii_alphabetic() {
            start -= 1;
        }
        if end - start < 3 || (start > 0 && b[start - 1].is_ascii_alphanumeric()) {
            return None;
        }
        // "usd 20", "rmb 10": a lower-case three-letter code (texts that were lower-cased),
        // only before the end of a clause or another code ("pen 7 times" is a pen).
        let currency_word = |s: usize, e: usize| {
            self.ex
                .units
                .match_at(text, s)
                .filter(|u| u.end == e && self.ex.units.unit(u.unit).is_currency())
                .map(|u| u.unit)
        };
        // ("10 rmb 20 usd": after a number the code is that number's, unless that number
        // has its own code before it: "rmb 10 usd 20".)
        let after_number = self.prev_tok(start).is_some_and(|t| {
            t.kind == TokKind::Digits
                && !self.prev_tok(t.start).is_some_and(|c| {
                    c.kind == TokKind::Word && currency_word(c.start, c.end).is_some()
                })
        });
        if end - start == 3
            && !after_number
            && b[start..end].iter().all(u8::is_ascii_lowercase)
            && self.tok_after(core.end).is_none_or(|t| {
                t.kind == TokKind::Punct
                    || (t.end - t.start == 3 && currency_word(t.start, t.end).is_some())
            })
            && let Some(u) = currency_word(start, end)
        {
            return Some((start, u));
        }
        if !self.ex.units.may_end_currency_name(&b[start..end]) {
            return None;
        }
        let single = self.ex.units.match_at(text, start)?;
        if single.end != end || !self.ex.units.unit(single.unit).is_currency() {
            return None;
        }
        let word = Tok {
            start,
            end,
            kind: TokKind::Word,
            newline_before: false,
            space_before: false,
        };
        let w = lower(text, &word);
        if matches!(
            w.as_str(),
            "dollar"
                | "dollars"
                | "euro"
                | "euros"
                | "pound"
                | "pounds"
                | "yen"
                | "yuan"
                | "sterling"
                | "franc"
                | "francs"
                | "renminbi"
                | "rouble"
                | "ruble"
                | "won"
                | "real"
                | "rand"
                | "sol"
                | "lira"
                | "peso"
                | "krona"
                | "krone"
        ) {
            return None;
        }
        let rest = &text[core.end..];
        if rest.trim_start().starts_with(['%', '$']) || self.followed_by_unit_or_scale(core.end) {
            return None;
        }
        // The longest name ending at the word: "Malaysian ringgit" before "ringgit".
        let before = self.prev_tok(word.start);
        for start in before.iter().map(|t| t.start).chain([word.start]) {
            if let Some(u) = self.ex.units.match_at(text, start)
                && u.end == word.end
                && self.ex.units.unit(u.unit).is_currency()
            {
                return Some((start, u.unit));
            }
        }
        None
    }

    /// The product of a mass or volume: "two pounds [of meat]", "3 cups [of sugar]" — one
    /// content word after "of" (not "of the", not a number).
    fn product_after(&self, m: &Measured) -> Option<Span> {
        let text = self.text;
        let u = self.ex.units.unit(m.unit?);
        if !matches!(u.dimension.as_str(), "mass" | "volume")
            || !text.as_bytes()[m.end..].starts_with(b" of ")
        {
            return None;
        }
        let t = self.tok_after(m.end + 4)?;
        if t.start != m.end + 4 || t.kind != TokKind::Word || t.end - t.start < 3 {
            return None;
        }
        let w = lower(text, &t);
        let plain = text.as_bytes()[t.start..t.end]
            .iter()
            .all(u8::is_ascii_alphabetic);
        (plain
            && !FUNCTION_WORDS.contains(&w)
            && !NOT_COUNTED.contains(&w)
            && words::small(&w).is_none())
        .then_some(Span::new(m.end, t.end))
    }

    /// A unit with a negative exponent after a unit: " m−2", " s−1", " min-1", " g⁻¹" (the
    /// per-unit, squared units as their area id). Returns the unit and the end.
    fn inverse_unit_after(&self, pos: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let b = text.as_bytes();
        if b.get(pos) != Some(&b' ') {
            return None;
        }
        // Cheap test first: a short word then an exponent sign.
        let word_end = pos
            + 1
            + b[pos + 1..]
                .iter()
                .take(5)
                .take_while(|c| c.is_ascii_alphabetic() || **c >= 0x80 && **c != 0xE2)
                .count();
        if !matches!(b.get(word_end), Some(b'-' | b'^' | 0xE2)) {
            return None;
        }
        let u = self.ex.units.match_at(text, pos + 1)?;
        let rest = &text[u.end..];
        let (power, len) = [
            ("−1", 1),
            ("-1", 1),
            ("^-1", 1),
            ("⁻¹", 1),
            ("−2", 2),
            ("-2", 2),
            ("^-2", 2),
            ("⁻²", 2),
        ]
        .iter()
        .find(|(p, _)| rest.starts_with(p))
        .map(|(p, n)| (*n, p.len()))?;
        let end = u.end + len;
        if text[end..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let unit = self.ex.units.unit(u.unit);
        let id = match power {
            1 => u.unit,
            _ => self.ex.units.get_index(&format!("{}2", unit.id))?,
        };
        Some((id, end))
    }

    /// The unit of a list that goes on after a bare number ending at `end`: ", 10" /
    /// " and 50" / " or 5" ... then a number with a measure unit (not money, not a count).
    /// Up to five members; returns the unit and where it is written.
    fn list_unit_after(&self, end: usize) -> Option<(usize, Span)> {
        let text = self.text;
        let b = text.as_bytes();
        // Cheap test first: a comma, "and" or "or" right after.
        if !(b[end..].starts_with(b", ")
            || b[end..].starts_with(b" and ")
            || b[end..].starts_with(b" or "))
        {
            return None;
        }
        let mut p = end;
        // A list ends with "and" or "or" before its last item ("1, 5 or 10 μg/L");
        // "odds ratio 2.30, 95% CI" is no list.
        let mut joined = false;
        for _ in 0..5 {
            let mut t = self.tok_after(p)?;
            if t.kind == TokKind::Punct && t.text(text) == "," {
                t = self.tok_after(t.end)?;
            }
            if t.kind == TokKind::Word && matches!(lower(text, &t).as_str(), "and" | "or") {
                t = self.tok_after(t.end)?;
                joined = true;
            }
            if t.kind != TokKind::Digits {
                return None;
            }
            let c = parse_digits(text, t.start).ok()??;
            let q = skip_inline_space(text, c.end);
            if q - c.end <= 1
                && joined
                && let Some(u) = self.ex.units.match_at(text, q)
            {
                let unit = self.ex.units.unit(u.unit);
                let wordlike = WORDLIKE_UNITS.contains(&Lower::new(&text[q..u.end]));
                if unit.is_currency() || unit.is_count() || wordlike {
                    return None;
                }
                return Some((u.unit, Span::new(q, u.end)));
            }
            p = c.end;
        }
        None
    }

    /// "MUSD" at `pos`: an upper-case M glued to an ISO currency code (millions).
    fn million_code_at(&self, pos: usize) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let end = pos + 4;
        if bytes.get(pos) != Some(&b'M')
            || bytes.len() < end
            || !bytes[pos + 1..end].iter().all(u8::is_ascii_uppercase)
            || bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
        {
            return None;
        }
        let u = self.ex.units.get_index(&self.text[pos + 1..end])?;
        self.ex.units.unit(u).is_currency().then_some((u, end))
    }

    fn currency_at(&self, pos: usize) -> Option<(usize, usize)> {
        let text = self.text;
        // Find a currency symbol starting at pos by trying the prefix table at each end.
        for len in (1..=4).rev() {
            let end = pos + len;
            if end > text.len() || !text.is_char_boundary(end) {
                continue;
            }
            if let Some((s, u)) = self.ex.units.currency_prefix_before(text, end)
                && s == pos
                && char_at(text, end).is_some_and(|c| c.is_ascii_digit())
            {
                return Some((len, u));
            }
        }
        None
    }

    /// A unit (not money) joined by a hyphen at `end`: "two-hour", "8- to 16-metre".
    fn hyphenated_unit_at(&self, end: usize) -> Option<UnitMatch> {
        if !self.text[end..].starts_with('-') {
            return None;
        }
        self.ex
            .units
            .match_at(self.text, end + 1)
            .filter(|u| !self.ex.units.unit(u.unit).is_currency())
    }

    /// Letters glued to a far end or an uncertainty: a scale or a unit. `money` says the
    /// amount is money even without a symbol on this number ("$10-25m" is millions).
    fn glued_suffix(&self, mut s: Measured, money: bool) -> Measured {
        let text = self.text;
        let end = s.core.end;
        if char_at(text, end).is_some_and(char::is_alphabetic) {
            let word_end = end
                + text[end..]
                    .char_indices()
                    .find(|(_, c)| !c.is_alphabetic())
                    .map_or(text.len() - end, |(i, _)| i);
            let suffix = &text[end..word_end];
            if let Some(f) =
                words::scale_abbrev(suffix).filter(|_| suffix != "m" || money || s.unit.is_some())
            {
                s.core.value *= f;
                s.core.half_unit *= f;
                s.scaled = true;
                s.end = word_end;
            } else if let Some(u) = self.ex.units.match_at(text, end) {
                s.unit = Some(u.unit);
                s.unit_span = Some(Span::new(end, u.end));
                s.end = u.end;
            }
        }
        s
    }

    /// The hedge phrase ending right before `start`, if any.
    fn hedge_before(&self, start: usize) -> Option<(Qualifier, usize, String)> {
        let text = self.text;
        // Symbols glued or spaced: "~500", "≈ 86 billion", "> 10"
        let p = text[..start].trim_end_matches([' ', '\u{a0}']).len();
        if let Some(c) = char_before(text, p) {
            let s = p - c.len_utf8();
            // The symbol before this one ("<=", "< =", "=>", "<>"), spaces skipped; only
            // looked up for the symbols that combine.
            let s_trim = if matches!(c, '>' | '<' | '=') {
                text[..s].trim_end_matches(' ').len()
            } else {
                s
            };
            let before = if s_trim != s || matches!(c, '>' | '<' | '=') {
                char_before(text, s_trim)
            } else {
                None
            };
            let q = match c {
                '~' | '≈' | '∼' => Some(Qualifier::Approx),
                // "=>" is an arrow and "<>" means "not equal": no bound.
                '>' if matches!(before, Some('=' | '<' | '-')) => return None,
                '<' if before == Some('=') => return None,
                '>' => Some(Qualifier::MoreThan),
                '<' => Some(Qualifier::LessThan),
                '≥' | '⩾' => Some(Qualifier::AtLeast),
                '≤' | '⩽' => Some(Qualifier::AtMost),
                '=' => match before {
                    Some('>') => Some(Qualifier::AtLeast),
                    Some('<') => Some(Qualifier::AtMost),
                    _ => None,
                },
                _ => None,
            };
            if let Some(q) = q {
                let s = if c == '=' { s_trim - 1 } else { s };
                return Some((q, s, text[s..p].to_string()));
            }
        }
        // "sub-7 nm", "sub-$1,000": below the number.
        if let Some(c) = char_before(text, start)
            && c == '-'
            && let Some(s) = word_ending_at(text, start - 1, &["sub"])
        {
            return Some((Qualifier::LessThan, s, text[s..start].to_string()));
        }
        let toks = self.toks_before(start);
        let toks = &toks[toks.len().saturating_sub(5)..];
        // The words before the number, lowercased and joined by single spaces into one
        // stack buffer: a hedge of k words is then the suffix from the k-th last word.
        let mut joined = [0u8; 5 * 25];
        let mut len = 0;
        let mut word_starts = [(0usize, 0usize); 5]; // (offset in `joined`, byte in text)
        let mut n = 0;
        let mut first = true;
        let mut picked = [0usize; 5];
        for (i, t) in toks.iter().enumerate().rev() {
            if t.kind == TokKind::Word {
                picked[n] = i;
                n += 1;
            } else if t.text(text) == "." && first {
                // "approx. 5", "c. 1900"
                first = false;
                continue;
            } else {
                break;
            }
            first = false;
        }
        // Most numbers follow no hedge: the nearest word settles that cheaply.
        if n == 0 || !HEDGE_LAST_WORDS.contains(&lower(text, &toks[picked[0]])) {
            return None;
        }
        for k in (0..n).rev() {
            let t = toks[picked[k]];
            let w = lower(text, &t);
            if len > 0 {
                joined[len] = b' ';
                len += 1;
            }
            word_starts[n - 1 - k] = (len, t.start);
            joined[len..len + w.len()].copy_from_slice(w.as_bytes());
            len += w.len();
        }
        let joined = &joined[..len];
        // The longest hedge wins: "no more than" over "more than".
        let mut best: Option<(usize, Qualifier, usize)> = None;
        // Only hedges whose last word is the nearest word can match.
        let nearest = lower(text, &toks[picked[0]]);
        for (phrase, q) in hedges_ending_with(&nearest).iter().map(|&i| &HEDGES[i]) {
            // The hedge must be the whole tail of the joined words, starting at a word.
            if joined.last() != phrase.as_bytes().last() || !joined.ends_with(phrase.as_bytes()) {
                continue;
            }
            if best.is_some_and(|(l, _, _)| l >= phrase.len()) {
                continue;
            }
            let off = len - phrase.len();
            let Some(&(_, s)) = word_starts[..n].iter().find(|(o, _)| *o == off) else {
                continue;
            };
            // "c" and "ca" are hedges only as "c." and "ca.".
            if (*phrase == "c" || *phrase == "ca") && !text[..start].trim_end().ends_with('.') {
                continue;
            }
            // "how about 5", "what about 10": a suggestion, not an approximation.
            if *phrase == "about"
                && off > 0
                && (joined[..off - 1].ends_with(b"how") || joined[..off - 1].ends_with(b"what"))
            {
                continue;
            }
            best = Some((phrase.len(), *q, s));
        }
        best.map(|(_, q, s)| (q, s, text[s..start].trim_end().to_string()))
    }

    /// The hedge before `start`, where a bound before an approximation makes the bound
    /// the claim: "below ∼100 °C", "up to around 650 K", "less than about 10".
    /// "raise £4bn over 10 years", "Over 10 years, it would add": "over" before a span of
    /// time after an amount, or heading the sentence before a comma, is the period the
    /// amount accrues over, not "more than" ("jailed for over 10 years").
    fn over_a_period(&self, hstart: usize, htext: &str, m: &Measured) -> bool {
        if !htext.eq_ignore_ascii_case("over") {
            return false;
        }
        let Some(u) = m.unit else { return false };
        if !matches!(
            self.ex.units.unit(u).id.as_str(),
            "year" | "month" | "week" | "day" | "decade"
        ) {
            return false;
        }
        let text = self.text;
        if self.sentence_initial(hstart) {
            return text[m.end..].starts_with(',');
        }
        // After an amount: "£4bn over", "by 5% over", "2 million over".
        super::lexer::prev_tok(text, hstart).is_some_and(|t| match t.kind {
            TokKind::Digits => true,
            TokKind::Word => {
                char_before(text, t.start).is_some_and(|c| c.is_ascii_digit())
                    || words::scale(&lower(text, &t)).is_some()
            }
            _ => t.text(text) == "%",
        })
    }

    fn bound_or_hedge_before(&self, start: usize) -> Option<(Qualifier, usize, String)> {
        let (q, hstart, htext) = self.hedge_before(start)?;
        if q == Qualifier::Approx
            && let Some((bound, bstart, _)) = self.hedge_before(hstart)
            && matches!(
                bound,
                Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan | Qualifier::AtMost
            )
        {
            return Some((
                bound,
                bstart,
                self.text[bstart..start].trim_end().to_string(),
            ));
        }
        Some((q, hstart, htext))
    }

    /// "43 cents", "and 1 pence", "and forty cents" after an amount of money: the number
    /// of subunits (below 100) and where they end.
    fn subunit_after(&self, end: usize) -> Option<(f64, usize)> {
        let text = self.text;
        let mut t = self.tok_after(end)?;
        if t.newline_before {
            return None;
        }
        if t.kind == TokKind::Word && lower(text, &t) == "and" {
            t = self.tok_after(t.end)?;
        }
        let v = match t.kind {
            TokKind::Digits if t.end - t.start <= 2 => t.text(text).parse::<f64>().ok()?,
            TokKind::Word => {
                let w = parse_words(text, t.start)?;
                t.end = w.core.end;
                w.core.value
            }
            _ => return None,
        };
        if !((0.0..100.0).contains(&v) && v.fract() == 0.0) {
            return None;
        }
        // "43c", "43 cents", "4 kopiykas": a hundredth of a currency, by name or glued "c".
        if text[t.end..].starts_with('c')
            && !text[t.end + 1..].starts_with(|c: char| c.is_alphanumeric())
        {
            return Some((v, t.end + 1));
        }
        let p = skip_inline_space(text, t.end);
        if p > t.end
            && let Some(u) = self.ex.units.match_at(text, p)
            && self.ex.units.unit(u.unit).is_currency()
            && self.ex.units.unit(u.unit).factor == 0.01
        {
            return Some((v, u.end));
        }
        // "15 dollars 50", "twenty dollars and 43.": a bare number after an amount with its
        // currency written out is the cents, when nothing follows it that it could count.
        let after_ok = match self.tok_after(t.end) {
            None => true,
            Some(n) => {
                n.newline_before
                    || (n.kind != TokKind::Word
                        && n.kind != TokKind::Digits
                        && matches!(n.text(text), "." | "," | ";" | "!" | "?" | ")"))
            }
        };
        after_ok.then_some((v, t.end))
    }

    /// "500+" or "10,000 or more" / "or fewer".
    fn bound_after(&self, end: usize) -> Option<(Qualifier, usize)> {
        let text = self.text;
        if text[end..].starts_with('+')
            && !text[end + 1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return Some((Qualifier::AtLeast, end + 1));
        }
        // "40-odd calls": about that many.
        if text[end..].starts_with("-odd")
            && !text[end + 4..].starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            return Some((Qualifier::Approx, end + 4));
        }
        let (t1, w1) = self.word_after(end)?;
        if w1 != "or" && w1 != "and" {
            return None;
        }
        let (t2, w2) = self.word_after(t1.end)?;
        let q = match w2.as_str() {
            "more" | "greater" | "higher" | "above" | "over" | "larger" | "bigger" => {
                Qualifier::AtLeast
            }
            "up" if w1 == "and" => Qualifier::AtLeast,
            "less" | "fewer" | "lower" | "below" | "under" | "smaller" => Qualifier::AtMost,
            _ => return None,
        };
        // "200 or greater than": a dangling "than" belongs to the bound; "5000 or less
        // than 6000" and "above 1000 and below 1500" compare with a second number, so
        // the words are not this number's bound.
        let mut e = t2.end;
        if let Some((t3, w3)) = self.word_after(e)
            && w3 == "than"
        {
            e = t3.end;
        }
        if self.number_starts_after(e)
            || self
                .word_after(e)
                .is_some_and(|(_, w)| matches!(w.as_str(), "or" | "equal" | "than" | "to"))
        {
            return None;
        }
        Some((q, e))
    }

    /// Does a number (digits or a number word) start at the next token after `pos`?
    fn number_starts_after(&self, pos: usize) -> bool {
        let text = self.text;
        next_tok(text, pos)
            .filter(|t| !t.newline_before)
            .is_some_and(|t| {
                t.kind == TokKind::Digits
                    || (t.kind == TokKind::Word
                        && t.text(text).is_ascii()
                        && words::starts_number(text, t.start, t.end))
            })
    }

    /// "five (5) days", "45 (forty-five)": the same number restated in brackets belongs
    /// to the first one.
    fn restated(&self, m: &mut Measured) {
        let text = self.text;
        let p = skip_inline_space(text, m.end);
        if !text[p..].starts_with('(') {
            return;
        }
        let q = skip_inline_space(text, p + 1);
        let inner = match char_at(text, q) {
            Some(c) if c.is_ascii_digit() => parse_digits(text, q).ok().flatten(),
            Some(c) if c.is_ascii_alphabetic() => {
                parse_words(text, q).filter(|w| !w.ordinal).map(|w| w.core)
            }
            _ => None,
        };
        let Some(inner) = inner else { return };
        let close = skip_inline_space(text, inner.end);
        if inner.value == m.core.value && text[close..].starts_with(')') {
            m.end = close + 1;
        }
    }

    /// "in 5", "out of 10", "over 3" after a whole number: the denominator of a ratio and
    /// where it ends. The denominator is a plain whole number without a unit, no smaller
    /// than the numerator ("one in five adults"); after "over" nothing may be counted
    /// ("won 2 over 3 seasons" is no fraction), and after "in" it is no year.
    fn ratio_after(&self, m: &Measured) -> Option<(f64, usize)> {
        let text = self.text;
        let whole = |c: &NumCore| match c.notation {
            Notation::Digits => c.plain_integer,
            Notation::Words => c.value.fract() == 0.0,
            _ => false,
        };
        if m.kind != NumberKind::Cardinal
            || m.unit.is_some()
            || m.scaled
            || m.vague.is_some()
            || !whole(&m.core)
            || m.core.value == 0.0
        {
            return None;
        }
        let (t, w) = self.word_after(m.end)?;
        let (word, after) = match w.as_str() {
            "in" | "over" => (w, t.end),
            "out" => {
                let (of, w2) = self.word_after(t.end)?;
                if w2 != "of" {
                    return None;
                }
                (w, of.end)
            }
            _ => return None,
        };
        let n = next_tok(text, after).filter(|n| !n.newline_before && n.space_before)?;
        let d = match n.kind {
            TokKind::Digits => {
                let core = parse_digits(text, n.start).ok()??;
                let s = Measured::bare(core, n.start, core.end);
                self.with_scale(s)
            }
            TokKind::Word
                if n.text(text).is_ascii() && words::starts_number(text, n.start, n.end) =>
            {
                let wn = parse_words(text, n.start)?;
                if wn.ordinal || wn.core.notation != Notation::Words {
                    return None;
                }
                Measured {
                    core: wn.core,
                    start: n.start,
                    end: wn.core.end,
                    scaled: wn.last_scale > 1.0,
                    unit: None,
                    unit_span: None,
                    kind: NumberKind::Cardinal,
                    vague: None,
                }
            }
            _ => return None,
        };
        let den = d.core.value;
        if (word != "over" && den < m.core.value.abs()) || den < 2.0 || den.fract() != 0.0 {
            return None;
        }
        // Glued letters, a decimal point or a unit after the denominator: not a ratio.
        if char_at(text, d.end).is_some_and(|c| {
            c.is_alphanumeric()
                || c == '%'
                || c == '.' && text[d.end + 1..].starts_with(|c: char| c.is_ascii_digit())
        }) {
            return None;
        }
        if self.followed_by_unit_or_scale(d.end) {
            return None;
        }
        if word == "in"
            && d.core.plain_integer
            && d.core.digit_count == 4
            && (1000.0..2200.0).contains(&den)
        {
            return None;
        }
        if word == "over" && self.next_is_plain_word(d.end) {
            return None;
        }
        Some((den, d.end))
    }

    /// After a bound, "and less than 40" / "but at least 20": the other side of a range
    /// (its qualifier and number), when it bounds from the opposite side.
    fn opposite_bound_after(&self, q: Qualifier, end: usize) -> Option<(Qualifier, Measured)> {
        let text = self.text;
        // "and", "but", or a comma (and either after it).
        let mut t = self.tok_after(end)?;
        if t.text(text) == "," {
            if let Some((t2, w2)) = self.word_after(t.end)
                && (w2 == "and" || w2 == "but")
            {
                t = t2;
            }
        } else if !(t.is_word() && matches!(lower(text, &t).as_str(), "and" | "but")) {
            return None;
        }
        let first = next_tok(text, t.end).filter(|t| !t.newline_before && t.is_word())?;
        // The second number within a few words (the longest hedge has five).
        let mut p = t.end;
        let mut num = None;
        for _ in 0..6 {
            let Some(n) = next_tok(text, p).filter(|t| !t.newline_before) else {
                break;
            };
            if n.kind == TokKind::Digits {
                num = Some((n.start, true));
                break;
            }
            if n.kind != TokKind::Word {
                break;
            }
            if n.start != first.start
                && n.text(text).is_ascii()
                && words::starts_number(text, n.start, n.end)
            {
                num = Some((n.start, false));
                break;
            }
            p = n.end;
        }
        let (at, is_digit) = num?;
        let (q2, hstart, _) = self.hedge_before(at)?;
        if hstart != first.start {
            return None;
        }
        let lower = |q: Qualifier| matches!(q, Qualifier::MoreThan | Qualifier::AtLeast);
        let upper = |q: Qualifier| matches!(q, Qualifier::LessThan | Qualifier::AtMost);
        if !((lower(q) && upper(q2)) || (upper(q) && lower(q2))) {
            return None;
        }
        let m = if is_digit {
            self.read_digits(at).ok()??
        } else {
            self.read_words(at).ok()??
        };
        if !matches!(m.kind, NumberKind::Cardinal | NumberKind::Year) {
            return None;
        }
        // "less than 30 or equal" after the second number.
        let (q2, end) = match self.or_equal_after(q2, m.end) {
            Some((q, e)) => (q, e),
            None => (q2, m.end),
        };
        Some((q2, Measured { end, ..m }))
    }

    /// "more than 5000 or equal (to)", "less than 30 or equal": the bound includes the
    /// number. Returns the inclusive qualifier and where the words end.
    fn or_equal_after(&self, q: Qualifier, end: usize) -> Option<(Qualifier, usize)> {
        let inclusive = match q {
            Qualifier::MoreThan => Qualifier::AtLeast,
            Qualifier::LessThan => Qualifier::AtMost,
            _ => return None,
        };
        let (t1, w1) = self.word_after(end)?;
        let (t2, w2) = self.word_after(t1.end)?;
        if w1 != "or" || w2 != "equal" {
            return None;
        }
        let mut e = t2.end;
        if let Some((t3, w3)) = self.word_after(e)
            && w3 == "to"
        {
            e = t3.end;
        }
        // "more than 5000 or equal to 6000" names another number.
        if self.number_starts_after(e) {
            return None;
        }
        Some((inclusive, e))
    }

    /// A move verb a few words before `by_start` with only its object between ("cut the
    /// budget by"), within the clause.
    fn move_verb_before_object(&self, by_start: usize) -> Option<Change> {
        let text = self.text;
        let mut pos = by_start;
        for _ in 0..12 {
            let t = super::lexer::prev_tok(text, pos)?;
            pos = t.start;
            match t.kind {
                TokKind::Word => {
                    let w = lower(text, &t);
                    if let Some(change) = extend_word(&w) {
                        return Some(change);
                    }
                    if let Some(change) = move_word(&w) {
                        // (Comparatives and particles name no verb: "up", "lower".)
                        let verb = w.ends_with("ed")
                            || matches!(
                                w.as_str(),
                                "cut" | "cuts" | "shed" | "sheds" | "raise" | "raises" | "reduce"
                            );
                        return verb.then_some(change);
                    }
                    if CLAUSE_OPENERS.contains(&w) {
                        return None;
                    }
                }
                // "COVID-19", "Tories'": parts of a name or possessive in the object.
                TokKind::Digits => {}
                _ if matches!(t.text(text), "-" | "'" | "’") => {}
                _ => return None,
            }
        }
        None
    }

    /// Up/down from a verb before the number or a noun after it.
    fn change_around(&self, start: usize, end: usize) -> Option<Change> {
        let text = self.text;
        // "Dow +0.2%": an explicit plus sign reports a rise.
        if char_before(text, start) == Some('+')
            && char_before(text, start - 1).is_none_or(|c| !c.is_alphanumeric() && c != '+')
        {
            return Some(Change::Up);
        }
        let toks = self.toks_before(start);
        let toks = &toks[toks.len().saturating_sub(5)..];
        // "rose to $7.36 billion", "fell to 3%", "closed at 1,463", "drops to just 87 mph":
        // the number is the new level, not the change; "down from $93 billion": the old one.
        if let Some(t) = toks.last()
            && t.kind == TokKind::Word
        {
            let w = lower(text, t);
            if matches!(w.as_str(), "to" | "at" | "from") {
                return None;
            }
            if matches!(w.as_str(), "just" | "only" | "the")
                && let Some((_, p)) = self.prev_word(t.start)
                && matches!(p.as_str(), "to" | "at" | "from")
            {
                return None;
            }
        }
        // ("a rise in sales of 10%": a preposition farther back is the move's own.)
        let mut only_fillers_seen = true;
        for t in toks.iter().rev() {
            if t.kind != TokKind::Word {
                if t.text(text) == "%" {
                    continue;
                }
                break;
            }
            let w = lower(text, t);
            if w == "up" && starts_with_ci(text[t.end..].trim_start(), "to ") {
                continue;
            }
            // "grow to a massive 3,420": a move word before "to" names the new level, not a
            // move ("to be 15% lower" still says so after the number); "up from November's
            // 4.2%", "fallen from the record of $55.67": the old level.
            if w == "to" || w == "from" {
                break;
            }
            // "added ... in one year", "lost her sight in one eye", "lower than the four
            // billion": a number in a phrase of its own is not the size of the move.
            // (Not the "than" of a hedge left outside a range: "lost more than $2 to $43".)
            if only_fillers_seen
                && NOT_MOVE_PREPOSITIONS.contains(&w)
                && !(w == "than"
                    && self
                        .prev_word(t.start)
                        .is_some_and(|(_, p)| matches!(p.as_str(), "more" | "less" | "fewer")))
            {
                // ("a smaller increase than the £5.1bn seen in December": the other amount
                // is the same kind of move.)
                if w == "than"
                    && let Some((_, p)) = self.prev_word(t.start)
                    && !p.ends_with("er")
                {
                    if UP_NOUNS.contains(&p) {
                        return Some(Change::Up);
                    }
                    if DOWN_NOUNS.contains(&p) {
                        return Some(Change::Down);
                    }
                }
                break;
            }
            let nearest_word = only_fillers_seen;
            only_fillers_seen &= matches!(w.as_str(), "the" | "just" | "only");
            // "lost one of its two members": the whole the part is taken from.
            if matches!(w.as_str(), "its" | "their" | "his" | "her" | "our" | "the")
                && self
                    .prev_word(t.start)
                    .is_some_and(|(_, p)| p.as_str() == "of")
            {
                break;
            }
            // "added a 30 degree homer": after an article the number belongs to a noun
            // phrase, not to the verb ("rose a further 2%" is still a move).
            if (w == "a" || w == "an")
                && !next_tok(text, self.skip_name_tail(t.end)).is_some_and(|n| {
                    n.kind == TokKind::Word && MOVE_ADJECTIVES.contains(&lower(text, &n))
                })
            {
                break;
            }
            // "gave up 517 yards", "picked up 3 points": a phrasal verb, not a rise.
            if w == "up"
                && let Some((_, v)) = self.prev_word(t.start)
                && PHRASAL_UP.contains(&v)
            {
                return None;
            }
            if PHRASE_PREPOSITIONS.contains(&w) {
                break;
            }
            if let Some(change) = move_word(&w) {
                // "a cost-cutting plan saved £75m": a move word in a compound modifies a noun.
                if char_before(text, t.start) == Some('-') {
                    break;
                }
                // "Will cutting emissions create 250,000 jobs?": a gerund heading the
                // sentence, with its own object, is the subject, not the number's move.
                if !nearest_word
                    && w.ends_with("ing")
                    && (self.sentence_initial(t.start)
                        || self.prev_word(t.start).is_some_and(|(_, p)| {
                            matches!(p.as_str(), "will" | "would" | "can" | "could" | "does")
                                && self.sentence_initial(
                                    super::lexer::prev_tok(text, t.start)
                                        .map_or(t.start, |p| p.start),
                                )
                        }))
                {
                    break;
                }
                return Some(change);
            }
        }
        // "reduced the official death toll by 97%", "extend match time by 10 minutes": the
        // verb and its object come before "by".
        if let Some(t) = toks.last()
            && t.kind == TokKind::Word
            && text[t.start..t.end].eq_ignore_ascii_case("by")
            && let Some(change) = self.move_verb_before_object(t.start)
        {
            return Some(change);
        }
        if let Some((t, w)) = self.word_after(end) {
            // One look-up in both lists (most words are neither).
            let change = if UP_NOUNS.contains(&w) {
                Some(Change::Up)
            } else if DOWN_NOUNS.contains(&w) {
                Some(Change::Down)
            } else {
                None
            };
            change?;
            // "30 million shares up for sale"
            if w == "up" && self.word_after(t.end).is_some_and(|(_, n)| n == "for") {
                return None;
            }
            // ("two longer-range efforts": a comparative inside a compound is no move.)
            if text[t.end..].starts_with('-') {
                return None;
            }
            // "six month losses", "a three-year decline": a span of time before the move
            // noun is its period, not its size.
            if !w.ends_with("er")
                && !matches!(w.as_str(), "more" | "less" | "fewer" | "up" | "down")
                && super::lexer::prev_tok(text, end).is_some_and(|p| {
                    p.kind == TokKind::Word
                        && matches!(
                            lower(text, &p).as_str(),
                            "month"
                                | "months"
                                | "year"
                                | "years"
                                | "week"
                                | "weeks"
                                | "day"
                                | "days"
                        )
                })
            {
                return None;
            }
            return change;
        }
        None
    }
}

/// "just under 296 hp (224 kW / 300 PS)", "dropped by 1 to 1.5 °C (1.8 to 2.7 °F)",
/// "more than 7.5 million crowns (US$1.1 million)": a conversion in parentheses restates
/// the quantity before it, so it takes that quantity's bound or hedge and its change.
/// One pass over the found quantities; only pairs joined by "(" (or "/" and "," inside
/// the same parentheses) with units of one dimension are compared.
pub(super) fn inherit_restated(ex: &Extractor, text: &str, out: &mut [Quantity]) {
    let bytes = text.as_bytes();
    let mut inside = false;
    for i in 1..out.len() {
        // "were down 2.3%, Burlington by 2.6%": an elided verb; "by" and the same unit
        // carry the move of the clause before.
        if out[i].change.is_none()
            && out[i - 1].change.is_some()
            && out[i].unit.is_some()
            && out[i].unit == out[i - 1].unit
            && elided_move(text, out[i - 1].span.end, out[i].span.start)
        {
            out[i].change = out[i - 1].change;
        }
        // One byte decides for most pairs: the first one after the earlier quantity.
        let after = skip_inline_space(text, out[i - 1].span.end);
        let joined = match bytes.get(after) {
            Some(b'(') => true,
            Some(b'/' | b',') => inside,
            _ => false,
        } && skip_inline_space(text, after + 1) == out[i].span.start;
        inside = false;
        if !joined {
            continue;
        }
        let (head, tail) = out.split_at_mut(i);
        let (prev, q) = (&head[i - 1], &mut tail[0]);
        if q.kind != NumberKind::Cardinal || prev.kind != NumberKind::Cardinal {
            continue;
        }
        let dimension = |u: &Option<String>| {
            u.as_deref()
                .and_then(|id| ex.units.get(id))
                .map(|u| u.dimension.as_str())
        };
        let (Some(a), Some(b)) = (dimension(&prev.unit), dimension(&q.unit)) else {
            continue;
        };
        if a != b || prev.per_unit != q.per_unit {
            continue;
        }
        inside = true;
        if q.change.is_none() {
            q.change = prev.change;
        }
        if q.qualifier == Qualifier::Exact
            && matches!(
                prev.qualifier,
                Qualifier::Approx
                    | Qualifier::Nearly
                    | Qualifier::MoreThan
                    | Qualifier::AtLeast
                    | Qualifier::LessThan
                    | Qualifier::AtMost
            )
        {
            q.qualifier = prev.qualifier;
            q.interval = interval::reading(
                q.value,
                q.half_unit,
                q.qualifier,
                DEFAULT_HEDGE_TOLERANCE,
                false,
            );
        }
    }
}

/// Between two quantities of one sentence: a comma or "and", then "... by" right before
/// the second ("2.3%, Burlington by 2.6%", "5% in May and by 7% in June").
fn elided_move(text: &str, from: usize, to: usize) -> bool {
    let Some(between) = text.get(from..to) else {
        return false;
    };
    between.len() <= 48
        && !between.contains(['.', ';', '!', '?', '\n', '('])
        && (between.contains(',') || between.contains(" and "))
        && super::lexer::prev_tok(text, to).is_some_and(|t| {
            t.kind == TokKind::Word && text[t.start..t.end].eq_ignore_ascii_case("by")
        })
}

/// Verbs of lengthening or shortening, only a move with "by" after their object ("extend
/// match time by 10 minutes").
fn extend_word(w: &str) -> Option<Change> {
    match w {
        "extended" | "extend" | "extends" | "lengthened" | "lifted" | "hiked" | "boosted" => {
            Some(Change::Up)
        }
        "shortened" | "shorten" | "shortens" | "slashed" | "trimmed" | "lowered" | "curbed" => {
            Some(Change::Down)
        }
        _ => None,
    }
}

/// "Oct. " or "feb. " right before `start`: an abbreviated month and its dot.
/// Up for a word of `UP_WORDS`, down for one of `DOWN_WORDS` (up first). Most words are
/// neither, and one look-up in both lists at once says so.
fn move_word(w: &str) -> Option<Change> {
    static MOVE_WORDS: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    let either = MOVE_WORDS.get_or_init(|| {
        let words: Vec<&'static str> = UP_WORDS
            .words()
            .iter()
            .chain(DOWN_WORDS.words())
            .copied()
            .collect();
        WordSet::new(Box::leak(words.into_boxed_slice()))
    });
    if !either.contains(w) {
        None
    } else if UP_WORDS.contains(w) {
        Some(Change::Up)
    } else if DOWN_WORDS.contains(w) {
        Some(Change::Down)
    } else {
        None
    }
}

/// Indexes into `HEDGES` of the hedges whose last word is `w`, in `HEDGES` order (so the
/// first of the longest still wins): a hedge tail is looked up, not every hedge tried.
fn hedges_ending_with(w: &str) -> &'static [usize] {
    static BY_LAST_WORD: std::sync::OnceLock<Vec<(&'static str, Vec<usize>)>> =
        std::sync::OnceLock::new();
    let by_last_word = BY_LAST_WORD.get_or_init(|| {
        let mut groups: Vec<(&'static str, Vec<usize>)> = Vec::new();
        for (i, (phrase, _)) in HEDGES.iter().enumerate() {
            let last = phrase.rsplit(' ').next().unwrap_or(phrase);
            match groups.iter_mut().find(|(word, _)| *word == last) {
                Some((_, indexes)) => indexes.push(i),
                None => groups.push((last, vec![i])),
            }
        }
        groups.sort_by(|a, b| a.0.cmp(b.0));
        groups
    });
    by_last_word
        .binary_search_by(|(word, _)| (*word).cmp(w))
        .map_or(&[], |i| &by_last_word[i].1)
}

fn abbreviated_month_before(text: &str, start: usize) -> bool {
    let b = text.as_bytes();
    let mut i = start;
    while i > 0 && b[i - 1] == b' ' {
        i -= 1;
    }
    if i == start || i == 0 || b[i - 1] != b'.' {
        return false;
    }
    let end = i - 1;
    let mut j = end;
    while j > 0 && b[j - 1].is_ascii_alphabetic() {
        j -= 1;
    }
    let word = &text[j..end];
    (3..=4).contains(&word.len())
        && (j == 0 || !b[j - 1].is_ascii_alphanumeric())
        && !word.eq_ignore_ascii_case("may")
        && MONTHS.contains(&Lower::new(word))
}

/// A code like "L-202" or "m212" at `pos` (one or two letters, an optional hyphen, two or
/// more digits, then no letter or digit): its end.
fn letter_digit_code_at(text: &str, pos: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = pos;
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    if !(1..=2).contains(&(i - pos)) {
        return None;
    }
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    let digits = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let boundary = b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
    (i - digits >= 2 && boundary).then_some(i)
}

/// Unit pairs that people write as one measure ("5 ft 10 in", "1 m 80 cm", "2 hours 15
/// minutes", "3 years 2 months"): a unit and its usual sub-unit, never two unrelated units
/// ("12 m 2 dm" is two measures).
fn customary_pair(big: &str, small: &str) -> bool {
    const TIME: &[&str] = &[
        "millennium",
        "century",
        "decade",
        "year",
        "month",
        "fortnight",
        "week",
        "day",
        "h",
        "min",
        "s",
        "ms",
    ];
    if TIME.contains(&big) && TIME.contains(&small) {
        return true;
    }
    matches!(
        (big, small),
        ("mi", "yd" | "ft")
            | ("yd", "ft" | "in")
            | ("ft", "in")
            | ("km", "m")
            | ("m", "cm" | "mm")
            | ("cm", "mm")
            | ("stone", "lb")
            | ("lb", "oz")
            | ("t", "kg")
            | ("kg", "g")
    )
}

/// Adjectives between an article and the size of a move: "rose a further 2%".
/// Time zones after a time of day on the 24-hour clock: "1430 GMT".
static TIME_ZONES: WordSet = WordSet::new(&[
    "gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
    "hrs", "jst", "ist", "aest", "aedt",
]);

/// Words before an adverbial "first": "was first elected", "she first visited".
static FIRST_ADVERB_AFTER: WordSet = WordSet::new(&[
    "was", "were", "is", "are", "be", "been", "being", "had", "has", "have", "will", "would",
    "could", "should", "can", "may", "might", "must", "did", "does", "do", "i", "you", "he", "she",
    "it", "we", "they", "who", "never",
]);

/// Words after a score: "a 2-1 win", "at 30-40 down", "a 24-18 defeat".
static SCORE_NOUNS: WordSet = WordSet::new(&[
    "win",
    "wins",
    "victory",
    "victories",
    "defeat",
    "defeats",
    "loss",
    "losses",
    "draw",
    "lead",
    "deficit",
    "scoreline",
    "thrashing",
    "drubbing",
    "hammering",
    "rout",
    "triumph",
    "success",
    "reverse",
    "aggregate",
    "down",
    "up",
    "home",
    "away",
    "verdict",
    "vote",
    "decision",
    "majority",
]);

/// Words before a score: "won 3-1", "trailed 10-13", "level at 31-31".
static SCORE_VERBS: WordSet = WordSet::new(&[
    "won", "win", "winning", "beat", "beats", "beating", "beaten", "lost", "lose", "losing",
    "drew", "drawn", "draw", "led", "lead", "leads", "leading", "trailed", "trail", "trailing",
    "defeated", "thrashed", "thumped", "edged", "level", "voted", "odds",
]);

static MOVE_ADJECTIVES: WordSet = WordSet::new(&[
    "further",
    "additional",
    "extra",
    "modest",
    "whopping",
    "massive",
    "hefty",
    "healthy",
    "solid",
    "robust",
    "sharp",
    "steep",
    "record",
]);

/// Verbs that "up" completes into another meaning ("gave up", "picked up").
static PHRASAL_UP: WordSet = WordSet::new(&[
    "gave", "give", "gives", "giving", "given", "picked", "pick", "picks", "set", "sets", "made",
    "make", "makes", "took", "take", "takes", "taken", "put", "puts", "putting", "ended", "end",
    "ends", "wound", "signed", "sign", "racked", "rack", "chalked", "summed", "adds", "add",
    "added", "showed", "show", "turned", "turn", "lined", "opened", "tied", "used", "use", "uses",
    "using", "ate", "eaten", "eat", "eats", "held", "hold", "holds", "backed", "stepped",
    "cleared", "snapped", "scooped", "mopped", "beefed", "built", "build", "builds", "stacked",
    "totted", "hang", "hangs", "hung", "catch", "catches", "caught", "catching",
]);

/// How much the second number of a range was scaled ("5 million" -> 1e6).
fn scale_of(m: &Measured) -> f64 {
    if !m.scaled {
        return 1.0;
    }
    let v = m.core.value.abs();
    // Recover the scale from the value: the largest power of 1000 not above it.
    let mut s = 1.0;
    for f in [1e3, 1e6, 1e9, 1e12] {
        if v >= f {
            s = f;
        }
    }
    s
}

/// "[12,48]", "[6–8]", "[1, 3–5]": a bracketed list of citation numbers after its first
/// number; returns the position after the closing bracket.
fn citation_list_end(text: &str, from: usize) -> Option<usize> {
    for (i, c) in text[from..].char_indices() {
        match c {
            ']' => return Some(from + i + 1),
            '0'..='9' | ',' | ' ' | '-' | '–' | '—' => {}
            _ => return None,
        }
        if i > 40 {
            return None;
        }
    }
    None
}

/// Does "D" (a whole word) or "dimensional" start at `p`, after "3-"?
fn dimensions_at(text: &str, p: usize) -> bool {
    let rest = &text.as_bytes()[p.min(text.len())..];
    (rest.first() == Some(&b'D') && rest.get(1).is_none_or(|c| !c.is_ascii_alphanumeric()))
        || starts_with_ci(&text[p.min(text.len())..], "dimensional")
}

/// After the first number of a bracketed citation list written without spaces ("(4,35–38,44)"),
/// where the list ends (after its closing bracket).
fn bracket_citation_end(text: &str, from: usize) -> Option<usize> {
    for (i, c) in text[from..].char_indices() {
        match c {
            ')' => return Some(from + i + 1),
            '0'..='9' | ',' | '-' | '–' => {}
            _ => return None,
        }
        if i > 40 {
            return None;
        }
    }
    None
}

/// Where one of `words` (lowercase ASCII) ends exactly at `pos` as a whole word, its start.
fn word_ending_at(text: &str, pos: usize, words: &[&str]) -> Option<usize> {
    words.iter().find_map(|w| {
        let s = pos.checked_sub(w.len())?;
        (text.is_char_boundary(s)
            && text[s..pos].eq_ignore_ascii_case(w)
            && char_before(text, s).is_none_or(|c| !c.is_alphanumeric()))
        .then_some(s)
    })
}

/// "1998/99", "2003/4": a season of two calendar years, read as the first year (the
/// slash then joins the range, see `range_end`), not as a fraction.
fn season_start(text: &str, core: NumCore) -> Option<NumCore> {
    let written = &text[core.start..core.end];
    let (first, second) = written.split_once('/')?;
    if core.notation != Notation::Fraction
        || first.len() != 4
        || !(1..=2).contains(&second.len())
        || !written.bytes().all(|b| b.is_ascii_digit() || b == b'/')
    {
        return None;
    }
    let year: u32 = first.parse().ok()?;
    let modulus = 10u32.pow(second.len() as u32);
    if !(1800..=2100).contains(&year) || second.parse::<u32>().ok()? != (year + 1) % modulus {
        return None;
    }
    Some(NumCore {
        end: core.start + 4,
        value: year as f64,
        half_unit: 0.5,
        notation: Notation::Digits,
        plain_integer: true,
        digit_count: 4,
        ..core
    })
}

/// Is there another score ("6-3", "(7-5)") right before `start` or right after `end`,
/// across spaces and brackets only? Sets of a match are written in a row.
fn score_pair_beside(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    // (On bytes: `i` may fall inside a multi-byte character such as "£".)
    let is_dash = |i: usize| bytes[i] == b'-' || bytes[i..].starts_with("–".as_bytes());
    // Before: "... 6-3 " / "... 6-3 (" / "(7-5) ".
    let mut i = start;
    while i > 0 && matches!(bytes[i - 1], b' ' | b'(' | b')') {
        i -= 1;
    }
    if i < start {
        let digits_end = i;
        while i > 0 && bytes[i - 1].is_ascii_digit() {
            i -= 1;
        }
        if i < digits_end && i >= 2 {
            let dash = if text[..i].ends_with('–') { 3 } else { 1 };
            if i > dash && is_dash(i - dash) && bytes[i - dash - 1].is_ascii_digit() {
                return true;
            }
        }
    }
    // After: " 6-3", " (7-5)".
    let mut j = end;
    while j < bytes.len() && matches!(bytes[j], b' ' | b'(') {
        j += 1;
    }
    if j > end {
        let digits_start = j;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        if j > digits_start && j < bytes.len() && is_dash(j) {
            let k = j + if bytes[j] == b'-' { 1 } else { 3 };
            return bytes.get(k).is_some_and(u8::is_ascii_digit);
        }
    }
    false
}

fn skip_token(text: &str, cand: usize) -> usize {
    let mut end = cand;
    for c in text[cand..].chars() {
        if c.is_alphanumeric() {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end.max(cand + 1)
}

/// ASCII case-insensitive prefix test that does not copy the haystack.
fn starts_with_ci(hay: &str, prefix: &str) -> bool {
    hay.len() >= prefix.len()
        && hay.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hedge_ends_in_a_listed_last_word() {
        for (phrase, _) in HEDGES {
            let last = phrase.rsplit(' ').next().unwrap_or(phrase);
            assert!(HEDGE_LAST_WORDS.contains(last), "{phrase}");
        }
    }

    #[test]
    fn prepositions_that_stop_a_move_anywhere_also_stop_it_next_to_the_number() {
        for w in PHRASE_PREPOSITIONS.words() {
            assert!(NOT_MOVE_PREPOSITIONS.contains(w), "{w}");
        }
    }
}
