//! Time expressions, normalised against the publication date.

use chrono::NaiveDate;
use sitrep_model::{Mention, Span};

/// Finds and normalises every date expression in `text`.
pub fn recognise(_text: &str, _sentences: &[Span], _published: Option<NaiveDate>) -> Vec<Mention> {
    Vec::new()
}
