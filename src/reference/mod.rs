//! Reference tables: the model, CSV loading with validation, and lookup.
//!
//! Tables are data (`claims/*.csv`). A claims table has the columns
//! `entity,aliases,property,value,low,high,unit,as_of,source_title,source_url,notes`;
//! `properties.csv` has `property,unit,kind,cues,hedge_tolerance,description`.
//! Loading never stops at the first problem: every problem becomes a [`Diagnostic`]
//! with `file:line:column`, and rows with errors are left out of the set.

mod load;

pub use load::{EMBEDDED_TABLES, TableSource, embedded_sources, load_tables};

use std::collections::HashMap;

use serde::Serialize;

/// A problem in a reference table, located at `path:line:column` (all 1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PropertyKind {
    Count,
    Year,
    Percent,
    Measure,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Property {
    pub id: String,
    pub unit: String,
    pub kind: PropertyKind,
    pub cues: Vec<String>,
    pub hedge_tolerance: f64,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub entity: String,
    pub property: String,
    pub value: f64,
    /// The value as written, for its precision.
    pub value_text: String,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: String,
    pub as_of: Option<String>,
    pub source_title: String,
    pub source_url: String,
    pub notes: String,
    pub path: String,
    pub line: usize,
}

impl Row {
    /// The year of `as_of`, when it has one.
    pub fn as_of_year(&self) -> Option<i32> {
        self.as_of.as_deref()?.get(..4)?.parse().ok()
    }

    /// Half a unit of the last written digit of `value_text` (statcheck-style precision).
    pub fn half_unit(&self) -> f64 {
        let t = self.value_text.trim();
        let mantissa = t.split(['e', 'E']).next().unwrap_or(t);
        let exp: i32 = t
            .split_once(['e', 'E'])
            .and_then(|(_, e)| e.parse().ok())
            .unwrap_or(0);
        let decimals = mantissa.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
        0.5 * 10f64.powi(exp - decimals)
    }

    /// Short source name for messages: "Azevedo et al. 2009", "Herculano-Houzel et al. 2015".
    pub fn short_source(&self) -> String {
        let t = self.source_title.as_str();
        let cut = t.find([',', '(', ':']).unwrap_or(t.len());
        let first = t[..cut].trim();
        let year = t
            .as_bytes()
            .windows(4)
            .position(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'));
        match year {
            Some(_) if first.contains(|c: char| c.is_ascii_digit()) => first.to_string(),
            Some(y) if first.contains("et al") => format!("{first} {}", &t[y..y + 4]),
            // "Herculano-Houzel, Catania, ... 2015": a list of authors.
            Some(y) if !first.contains(' ') && t[..y].contains([',', '&']) => {
                format!("{first} et al. {}", &t[y..y + 4])
            }
            _ => first.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub name: String,
    pub aliases: Vec<String>,
}

/// All loaded reference data, indexed for lookup.
#[derive(Debug, Clone, Default)]
pub struct ReferenceSet {
    pub properties: Vec<Property>,
    pub entities: Vec<Entity>,
    pub rows: Vec<Row>,
    property_index: HashMap<String, usize>,
    entity_index: HashMap<String, usize>,
    rows_index: HashMap<(usize, String), Vec<usize>>,
}

impl ReferenceSet {
    pub fn property(&self, id: &str) -> Option<&Property> {
        self.property_index.get(id).map(|&i| &self.properties[i])
    }

    pub fn entity_id(&self, name: &str) -> Option<usize> {
        self.entity_index.get(name).copied()
    }

    /// Rows for an entity and property, oldest `as_of` first.
    pub fn rows_for(&self, entity: usize, property: &str) -> Vec<&Row> {
        self.rows_index
            .get(&(entity, property.to_string()))
            .map(|ix| ix.iter().map(|&i| &self.rows[i]).collect())
            .unwrap_or_default()
    }

    pub fn has_rows(&self, entity: usize, property: &str) -> bool {
        self.rows_index
            .contains_key(&(entity, property.to_string()))
    }

    /// Could `entity` plausibly have `property`? True when some row of the property
    /// sits in a table that also holds rows of the entity (neuron counts are about
    /// animals, publication years about papers and models).
    pub fn plausible(&self, entity: usize, property: &str) -> bool {
        let name = &self.entities[entity].name;
        let entity_files: Vec<&str> = self
            .rows
            .iter()
            .filter(|r| &r.entity == name)
            .map(|r| r.path.as_str())
            .collect();
        self.rows
            .iter()
            .any(|r| r.property == property && entity_files.contains(&r.path.as_str()))
    }

    fn build(properties: Vec<Property>, entities: Vec<Entity>, rows: Vec<Row>) -> ReferenceSet {
        let property_index = properties
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let entity_index: HashMap<String, usize> = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.clone(), i))
            .collect();
        let mut rows_index: HashMap<(usize, String), Vec<usize>> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            if let Some(&e) = entity_index.get(&r.entity) {
                rows_index
                    .entry((e, r.property.clone()))
                    .or_default()
                    .push(i);
            }
        }
        for ix in rows_index.values_mut() {
            ix.sort_by_key(|&i| rows[i].as_of.clone().unwrap_or_default());
        }
        ReferenceSet {
            properties,
            entities,
            rows,
            property_index,
            entity_index,
            rows_index,
        }
    }
}
