//! Loads sitrep's own labelled corpus (`tests/corpus/`): the reports and their
//! gold mentions and events, as written in `tests/corpus/README.md`.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use sitrep_model::Article;

use crate::EvalError;

/// One labelled report.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldReport {
    /// Report id, e.g. `001-zaranj-falls`.
    pub id: String,
    /// Path of the text, relative to the corpus directory.
    pub file: PathBuf,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<chrono::NaiveDate>,
    /// Outlet name.
    #[serde(default)]
    pub source: Option<String>,
    /// Writing style label.
    #[serde(default)]
    pub style: Option<String>,
    /// Gold mentions, in text order.
    #[serde(default)]
    pub mentions: Vec<GoldMention>,
    /// Gold events.
    #[serde(default)]
    pub events: Vec<serde_json::Value>,
}

/// One gold mention: its surface text and what it should resolve to.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldMention {
    /// `place`, `actor`, `person` or `time`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Surface text as it occurs in the report.
    pub text: String,
    /// Places: GeoNames id, when the place is in GeoNames.
    #[serde(default)]
    pub geonameid: Option<u64>,
    /// Places: ISO 3166-2 code of the first-level subdivision.
    #[serde(default)]
    pub admin1_code: Option<String>,
    /// Places: ISO 3166-1 alpha-2 country.
    #[serde(default)]
    pub country: Option<String>,
    /// Places: coordinates, for places without a GeoNames id.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Places: coordinates, for places without a GeoNames id.
    #[serde(default)]
    pub lon: Option<f64>,
    /// Actors: dictionary id.
    #[serde(default)]
    pub actor: Option<String>,
    /// People: dictionary id (absent for people no dictionary names).
    #[serde(default)]
    pub person: Option<String>,
    /// Times: the normalised date, formatted as `DateRange`'s Display.
    #[serde(default)]
    pub date: Option<String>,
    /// Code point offset of the mention, when the gold gives it.
    #[serde(default)]
    pub start: Option<usize>,
    /// Code point offset one past the mention, when the gold gives it.
    #[serde(default)]
    pub end: Option<usize>,
}

/// A labelled report with its text loaded.
#[derive(Clone, Debug)]
pub struct LoadedReport {
    /// The gold labels.
    pub gold: GoldReport,
    /// The article built from the text and the gold metadata.
    pub article: Article,
}

/// Reads `gold.jsonl` and every report it names from `dir`.
pub fn load(dir: &Path) -> Result<Vec<LoadedReport>, EvalError> {
    let gold_path = dir.join("gold.jsonl");
    let text = std::fs::read_to_string(&gold_path).map_err(|e| EvalError::io(&gold_path, e))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let gold: GoldReport =
            serde_json::from_str(line).map_err(|e| EvalError::json(&gold_path, i + 1, e))?;
        let path = dir.join(&gold.file);
        let body = std::fs::read_to_string(&path).map_err(|e| EvalError::io(&path, e))?;
        let mut article = Article::from_text(body, path.display().to_string());
        article.published = gold.published;
        article.source = gold.source.clone();
        out.push(LoadedReport { gold, article });
    }
    Ok(out)
}

/// Finds each gold mention's byte span in the text: from its code point
/// offsets when the gold gives them and they slice its surface text, else by
/// search, the n-th gold mention with a given surface text being its n-th
/// occurrence. `None` where neither works (a labelling error the report prints).
pub fn locate(text: &str, mentions: &[GoldMention]) -> Vec<Option<sitrep_model::Span>> {
    let byte_of: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut next_from: std::collections::HashMap<&str, usize> = Default::default();
    mentions
        .iter()
        .map(|m| {
            let by_offsets = match (m.start, m.end) {
                (Some(s), Some(e)) if s <= e && e < byte_of.len() => {
                    let span = sitrep_model::Span::new(byte_of[s], byte_of[e]);
                    (span.slice(text) == m.text).then_some(span)
                }
                _ => None,
            };
            if by_offsets.is_some() {
                return by_offsets;
            }
            let from = next_from.get(m.text.as_str()).copied().unwrap_or(0);
            let at = text.get(from..)?.find(&m.text)? + from;
            next_from.insert(m.text.as_str(), at + m.text.len());
            Some(sitrep_model::Span::new(at, at + m.text.len()))
        })
        .collect()
}
