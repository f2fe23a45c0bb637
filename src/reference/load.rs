//! Loading and validating reference tables from CSV text (no file I/O here).

use std::collections::{BTreeMap, HashMap};

use super::{Diagnostic, Entity, Property, PropertyKind, ReferenceSet, Row};
use crate::units::{UnitTable, split_list};

/// One table's text and the path to report it under.
#[derive(Debug, Clone)]
pub struct TableSource {
    pub path: String,
    pub text: String,
}

/// The default tables, embedded in the binary so numcheck runs with no setup.
pub const EMBEDDED_TABLES: &[(&str, &str)] = &[
    (
        "claims/properties.csv",
        include_str!("../../claims/properties.csv"),
    ),
    (
        "claims/neurons.csv",
        include_str!("../../claims/neurons.csv"),
    ),
    (
        "claims/deep_learning.csv",
        include_str!("../../claims/deep_learning.csv"),
    ),
    (
        "claims/general.csv",
        include_str!("../../claims/general.csv"),
    ),
];

/// The embedded tables as sources for [`load_tables`].
pub fn embedded_sources() -> Vec<TableSource> {
    EMBEDDED_TABLES
        .iter()
        .map(|(path, text)| TableSource {
            path: path.to_string(),
            text: text.to_string(),
        })
        .collect()
}

const CLAIM_COLUMNS: [&str; 11] = [
    "entity",
    "aliases",
    "property",
    "value",
    "low",
    "high",
    "unit",
    "as_of",
    "source_title",
    "source_url",
    "notes",
];
const PROPERTY_COLUMNS: [&str; 6] = [
    "property",
    "unit",
    "kind",
    "cues",
    "hedge_tolerance",
    "description",
];

/// Byte column (1-based, in characters) where each field of a raw CSV line starts.
fn field_columns(line: &str) -> Vec<usize> {
    let mut cols = vec![1];
    let mut in_quotes = false;
    for (i, c) in line.chars().enumerate() {
        match c {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => cols.push(i + 2),
            _ => {}
        }
    }
    cols
}

struct Sheet<'a> {
    path: &'a str,
    lines: Vec<&'a str>,
    diags: &'a mut Vec<Diagnostic>,
}

impl Sheet<'_> {
    fn err(&mut self, line: usize, field: usize, message: impl Into<String>) {
        let column = self
            .lines
            .get(line.saturating_sub(1))
            .map(|l| field_columns(l).get(field).copied().unwrap_or(1))
            .unwrap_or(1);
        self.diags.push(Diagnostic {
            path: self.path.to_string(),
            line,
            column,
            message: message.into(),
        });
    }
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            digits(y, 4)
                && digits(m, 2)
                && digits(d, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
}

fn parse_number(s: &str) -> Option<f64> {
    let v: f64 = s.trim().parse().ok()?;
    v.is_finite().then_some(v)
}

/// Reads the records of one CSV text; header problems and broken rows become diagnostics.
fn records(
    source: &TableSource,
    expected: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, csv::StringRecord)> {
    let mut out = Vec::new();
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            diags.push(Diagnostic {
                path: source.path.clone(),
                line: 1,
                column: 1,
                message: format!("cannot read the header: {e}"),
            });
            return out;
        }
    };
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    if names != expected {
        let cols = field_columns(text.lines().next().unwrap_or(""));
        let (i, message) = match names.iter().zip(expected).position(|(a, b)| a != b) {
            Some(i) => (
                i,
                format!(
                    "header column {} is `{}`, expected `{}` (columns: {})",
                    i + 1,
                    names[i],
                    expected[i],
                    expected.join(",")
                ),
            ),
            None => (
                names.len().min(expected.len()),
                format!(
                    "header has {} columns, expected {}: {}",
                    names.len(),
                    expected.len(),
                    expected.join(",")
                ),
            ),
        };
        diags.push(Diagnostic {
            path: source.path.clone(),
            line: 1,
            column: cols.get(i).copied().unwrap_or(1),
            message,
        });
        return out;
    }
    for rec in reader.records() {
        match rec {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line() as usize);
                if r.len() != expected.len() {
                    diags.push(Diagnostic {
                        path: source.path.clone(),
                        line,
                        column: 1,
                        message: format!("row has {} fields, expected {}", r.len(), expected.len()),
                    });
                    continue;
                }
                out.push((line, r));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                diags.push(Diagnostic {
                    path: source.path.clone(),
                    line,
                    column: 1,
                    message: format!("cannot parse the row: {e}"),
                });
            }
        }
    }
    out
}

fn is_properties_table(source: &TableSource) -> bool {
    let first = source
        .text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    first.split(',').map(str::trim).any(|c| c == "cues")
}

/// Loads every table, validating as it goes. Rows with errors are left out; every
/// problem is returned as a diagnostic. `units` supplies the known unit ids.
pub fn load_tables(sources: &[TableSource], units: &UnitTable) -> (ReferenceSet, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut properties: Vec<Property> = Vec::new();
    let mut property_seen: HashMap<String, (String, usize)> = HashMap::new();

    for source in sources.iter().filter(|s| is_properties_table(s)) {
        let recs = records(source, &PROPERTY_COLUMNS, &mut diags);
        let lines: Vec<&str> = source.text.lines().collect();
        let mut sheet = Sheet {
            path: &source.path,
            lines,
            diags: &mut diags,
        };
        for (line, r) in recs {
            let id = r[0].trim().to_string();
            let unit = r[1].trim().to_string();
            let mut ok = true;
            if id.is_empty() {
                sheet.err(line, 0, "property id is empty");
                ok = false;
            }
            if let Some((p, l)) = property_seen.get(&id) {
                sheet.err(
                    line,
                    0,
                    format!("property `{id}` is already defined at {p}:{l}"),
                );
                ok = false;
            }
            // A blank unit means "varies by entity": each row's own unit is used.
            if !unit.is_empty() && units.get(&unit).is_none() {
                sheet.err(
                    line,
                    1,
                    format!("unknown unit `{unit}` (not in the units table)"),
                );
                ok = false;
            }
            let kind = match r[2].trim() {
                "count" => PropertyKind::Count,
                "year" => PropertyKind::Year,
                "percent" => PropertyKind::Percent,
                "measure" => PropertyKind::Measure,
                other => {
                    sheet.err(
                        line,
                        2,
                        format!("unknown kind `{other}` (count, year, percent or measure)"),
                    );
                    ok = false;
                    PropertyKind::Count
                }
            };
            let cues: Vec<String> = split_list(&r[3]).map(|c| c.to_lowercase()).collect();
            if cues.is_empty() {
                sheet.err(line, 3, format!("property `{id}` has no cue phrases"));
                ok = false;
            }
            let tol = r[4].trim();
            let hedge_tolerance = match parse_number(tol) {
                Some(t) if (0.0..1.0).contains(&t) => t,
                _ => {
                    sheet.err(
                        line,
                        4,
                        format!("hedge_tolerance `{tol}` is not a fraction between 0 and 1"),
                    );
                    ok = false;
                    0.0
                }
            };
            if ok {
                property_seen.insert(id.clone(), (source.path.clone(), line));
                properties.push(Property {
                    id,
                    unit,
                    kind,
                    cues,
                    hedge_tolerance,
                    description: r[5].trim().to_string(),
                });
            }
        }
    }
    let property_units: HashMap<&str, &str> = properties
        .iter()
        .map(|p| (p.id.as_str(), p.unit.as_str()))
        .collect();

    let mut rows: Vec<Row> = Vec::new();
    let mut entity_aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut entity_order: Vec<String> = Vec::new();
    let mut alias_owner: HashMap<String, (String, String, usize)> = HashMap::new();
    let mut seen_keys: HashMap<(String, String, String), (String, usize)> = HashMap::new();

    for source in sources.iter().filter(|s| !is_properties_table(s)) {
        let recs = records(source, &CLAIM_COLUMNS, &mut diags);
        let lines: Vec<&str> = source.text.lines().collect();
        let mut sheet = Sheet {
            path: &source.path,
            lines,
            diags: &mut diags,
        };
        for (line, r) in recs {
            let field = |i: usize| r[i].trim().to_string();
            let entity = field(0);
            let property = field(2);
            let mut ok = true;
            if entity.is_empty() {
                sheet.err(line, 0, "entity is empty");
                ok = false;
            }
            let number = |i: usize, sheet: &mut Sheet, ok: &mut bool| -> Option<f64> {
                let s = r[i].trim();
                if s.is_empty() {
                    return None;
                }
                match parse_number(s) {
                    Some(v) => Some(v),
                    None => {
                        sheet.err(
                            line,
                            i,
                            format!("{} `{s}` is not a number", CLAIM_COLUMNS[i]),
                        );
                        *ok = false;
                        None
                    }
                }
            };
            let value = number(3, &mut sheet, &mut ok);
            if value.is_none() && r[3].trim().is_empty() {
                sheet.err(line, 3, "value is empty");
                ok = false;
            }
            let low = number(4, &mut sheet, &mut ok);
            let high = number(5, &mut sheet, &mut ok);
            if let (Some(v), Some(l)) = (value, low)
                && l > v
            {
                sheet.err(line, 4, format!("low {l} is above value {v}"));
                ok = false;
            }
            if let (Some(v), Some(h)) = (value, high)
                && v > h
            {
                sheet.err(line, 5, format!("value {v} is above high {h}"));
                ok = false;
            }
            if low.is_some() != high.is_some() {
                sheet.err(
                    line,
                    if low.is_some() { 5 } else { 4 },
                    "low and high must be given together",
                );
                ok = false;
            }
            let unit = field(6);
            if units.get(&unit).is_none() {
                sheet.err(
                    line,
                    6,
                    format!("unknown unit `{unit}` (not in the units table)"),
                );
                ok = false;
            }
            match property_units.get(property.as_str()) {
                None => {
                    sheet.err(
                        line,
                        2,
                        format!("unknown property `{property}` (not in properties.csv)"),
                    );
                    ok = false;
                }
                Some(pu) if !pu.is_empty() && *pu != unit && ok => {
                    let convertible = units.get(pu).zip(units.get(&unit)).is_some_and(|(a, b)| {
                        a.dimension == b.dimension
                            && a.dimension != "count"
                            && a.dimension != "currency"
                    });
                    if !convertible {
                        sheet.err(
                            line,
                            6,
                            format!(
                                "unit `{unit}` does not match property `{property}`'s unit `{pu}`"
                            ),
                        );
                        ok = false;
                    }
                }
                _ => {}
            }
            let as_of = field(7);
            if !as_of.is_empty() && !is_date(&as_of) {
                sheet.err(
                    line,
                    7,
                    format!("as_of `{as_of}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
                );
                ok = false;
            }
            if field(8).is_empty() {
                sheet.err(line, 8, "missing source: source_title is empty");
                ok = false;
            }
            if field(9).is_empty() {
                sheet.err(line, 9, "missing source: source_url is empty");
                ok = false;
            }
            let key = (entity.to_lowercase(), property.clone(), as_of.clone());
            if let Some((p, l)) = seen_keys.get(&key) {
                sheet.err(
                    line,
                    0,
                    format!("duplicate of {p}:{l} (same entity, property and as_of)"),
                );
                ok = false;
            }
            // Aliases: each belongs to one entity only.
            // The canonical name is not an alias by itself: "world" is too common a word
            // to name the world's population. Tables list every surface form they want.
            let aliases: Vec<String> = split_list(&r[1]).map(str::to_string).collect();
            for a in &aliases {
                let k = a.to_lowercase();
                match alias_owner.get(&k) {
                    Some((owner, p, l)) if !owner.eq_ignore_ascii_case(&entity) => {
                        sheet.err(
                            line,
                            1,
                            format!("alias `{a}` is already claimed by `{owner}` ({p}:{l})"),
                        );
                        ok = false;
                    }
                    Some(_) => {}
                    None => {
                        alias_owner.insert(k, (entity.clone(), source.path.clone(), line));
                    }
                }
            }
            if !ok {
                continue;
            }
            seen_keys.insert(key, (source.path.clone(), line));
            let list = entity_aliases.entry(entity.clone()).or_insert_with(|| {
                entity_order.push(entity.clone());
                Vec::new()
            });
            for a in aliases {
                if !list.iter().any(|x| x.eq_ignore_ascii_case(&a)) {
                    list.push(a);
                }
            }
            rows.push(Row {
                entity,
                property,
                value: value.unwrap_or_default(),
                value_text: r[3].trim().to_string(),
                low,
                high,
                unit,
                as_of: (!as_of.is_empty()).then_some(as_of),
                source_title: field(8),
                source_url: field(9),
                notes: field(10),
                path: source.path.clone(),
                line,
            });
        }
    }
    let entities = entity_order
        .into_iter()
        .map(|name| {
            let aliases = entity_aliases.remove(&name).unwrap_or_default();
            Entity { name, aliases }
        })
        .collect();
    (ReferenceSet::build(properties, entities, rows), diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROPS: &str = "property,unit,kind,cues,hedge_tolerance,description\nbrain_neurons,neurons,count,neurons,0.1,Neurons in the brain.\n";

    fn load(claims: &str) -> (ReferenceSet, Vec<Diagnostic>) {
        let sources = vec![
            TableSource {
                path: "p.csv".into(),
                text: PROPS.into(),
            },
            TableSource {
                path: "c.csv".into(),
                text: claims.into(),
            },
        ];
        load_tables(&sources, UnitTable::default_table())
    }

    const HEADER: &str =
        "entity,aliases,property,value,low,high,unit,as_of,source_title,source_url,notes\n";

    #[test]
    fn a_good_row_loads() {
        let (set, diags) = load(&format!(
            "{HEADER}mouse,mice,brain_neurons,67873741,57467547,78279935,neurons,2006,HH 2015,https://x,\n"
        ));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(set.rows.len(), 1);
        assert_eq!(set.entities[0].aliases, ["mice"]);
    }

    #[test]
    fn an_unparseable_number_names_its_line_and_column() {
        let (_, diags) = load(&format!(
            "{HEADER}mouse,mice,brain_neurons,67.8.7,,,neurons,2006,HH,https://x,\n"
        ));
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].to_string(),
            "c.csv:2:26: value `67.8.7` is not a number"
        );
    }

    #[test]
    fn low_above_value_is_an_error() {
        let (set, diags) = load(&format!(
            "{HEADER}mouse,mice,brain_neurons,10,20,30,neurons,2006,HH,https://x,\n"
        ));
        assert!(set.rows.is_empty());
        assert!(diags[0].message.contains("low 20 is above value 10"));
    }

    #[test]
    fn missing_source_duplicates_unknowns_and_alias_clashes() {
        let text = format!(
            "{HEADER}mouse,mice,brain_neurons,10,,,neurons,2006,,https://x,\nmouse,mice,brain_neurons,10,,,neurons,2007,HH,https://x,\nmouse,mice,brain_neurons,11,,,neurons,2007,HH,https://x,\nrat,,weight,1,,,neurons,,HH,https://x,\nrat,,brain_neurons,1,,,furlongs,,HH,https://x,\nvole,mice,brain_neurons,1,,,neurons,,HH,https://x,\nmouse,mice,brain_neurons,10,,,neurons,June 2020,HH,https://x,\n"
        );
        let (_, diags) = load(&text);
        let msgs: Vec<String> = diags.iter().map(ToString::to_string).collect();
        assert!(
            msgs[0].starts_with("c.csv:2:") && msgs[0].contains("missing source"),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("c.csv:4:1: duplicate of c.csv:3")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.contains("unknown property `weight`")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.contains("unknown unit `furlongs`")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.starts_with("c.csv:7:")
                && m.contains("alias `mice` is already claimed by `mouse`")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("as_of `June 2020` is not a date")),
            "{msgs:?}"
        );
    }

    #[test]
    fn a_row_with_too_few_fields_is_an_error_with_its_line() {
        let (_, diags) = load(&format!("{HEADER}mouse,mice,brain_neurons,10\n"));
        assert_eq!(diags[0].line, 2);
        assert!(diags[0].message.contains("4 fields, expected 11"));
    }

    #[test]
    fn the_embedded_tables_are_clean() {
        let sources: Vec<TableSource> = embedded_sources();
        let (set, diags) = load_tables(&sources, UnitTable::default_table());
        assert!(diags.is_empty(), "{:#?}", diags);
        assert!(set.rows.len() >= 100);
    }
}
