//! Writers that turn sitrep events and mentions into files analysts load
//! elsewhere: JSON lines, flat CSV, GeoJSON and an ACLED-style table.
//!
//! Every writer streams to any [`std::io::Write`] and returns an
//! [`ExportSummary`]: how many records were written and how many were skipped,
//! by reason (an event without coordinates has no GeoJSON point; a statement
//! has no ACLED code). Nothing here reads a database, decides what an event is,
//! or changes one: the writers only reformat.
//!
//! # Offsets
//!
//! Spans inside sitrep are UTF-8 **byte** offsets. Every exported mention
//! carries both conventions: `start`/`end` are **Unicode code point** offsets
//! into the article text (end exclusive; what Python's `str`, JavaScript's
//! `Array.from(text)` and most annotation tools count), and
//! `byte_start`/`byte_end` are the byte offsets. Event evidence keeps sitrep's
//! internal byte spans in the JSON-lines and GeoJSON output.
//!
//! ```
//! use sitrep_export::{write_jsonl, ExportSummary};
//! let mut out = Vec::new();
//! let summary = write_jsonl(&mut out, &[]).unwrap();
//! assert_eq!(summary, ExportSummary::default());
//! ```

mod acled;
mod countries;
mod flat;
mod geojson;
mod mentions;

use std::collections::BTreeMap;

use sitrep_model::Event;

pub use acled::{write_acled, AcledOptions, ACLED_COLUMNS};
pub use countries::{Country, CountryTable};
pub use flat::{write_csv, CSV_COLUMNS};
pub use geojson::write_geojson;
pub use mentions::{
    mention_json, write_mentions_csv, write_mentions_jsonl, MentionCsvWriter, MENTION_CSV_COLUMNS,
};

/// Why a writer left a record out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    /// No place, or a place without usable coordinates (GeoJSON).
    NoCoordinates,
    /// An event kind ACLED does not code: statements, meetings, claims (ACLED).
    NoAcledCode,
    /// Negated or hypothetical: reported as not happening, or not yet (ACLED).
    NotFactual,
    /// No country could be determined (ACLED).
    NoCountry,
    /// No date (ACLED).
    Undated,
}

impl SkipReason {
    /// A short snake_case name for reports.
    pub fn as_str(&self) -> &'static str {
        match self {
            SkipReason::NoCoordinates => "no_coordinates",
            SkipReason::NoAcledCode => "no_acled_code",
            SkipReason::NotFactual => "not_factual",
            SkipReason::NoCountry => "no_country",
            SkipReason::Undated => "undated",
        }
    }
}

/// What a writer did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Records written.
    pub written: usize,
    /// Records left out, by reason.
    pub skipped: BTreeMap<SkipReason, usize>,
}

impl ExportSummary {
    fn skip(&mut self, reason: SkipReason) {
        *self.skipped.entry(reason).or_default() += 1;
    }

    /// Total records left out.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

/// A failure while writing, with the record it happened on.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output could not be written.
    #[error("writing {format} output: {source}")]
    Io {
        /// Output format.
        format: &'static str,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A record could not be serialised as JSON.
    #[error("{format}: serialising {record}: {source}")]
    Json {
        /// Output format.
        format: &'static str,
        /// Event id, or `article#index` for a mention.
        record: String,
        /// The serde error.
        source: serde_json::Error,
    },
    /// A CSV row could not be written.
    #[error("{format}: writing {record}: {source}")]
    Csv {
        /// Output format.
        format: &'static str,
        /// Event id, or `article#index` for a mention.
        record: String,
        /// The csv error.
        source: csv::Error,
    },
    /// A mention's span does not slice its article's text.
    #[error("mention {index} of article {article}: span {start}..{end} is not a valid slice of the text")]
    BadSpan {
        /// The article id.
        article: String,
        /// Index in the mention list.
        index: usize,
        /// Byte start.
        start: usize,
        /// Byte end.
        end: usize,
    },
    /// The embedded country table is malformed (a build defect).
    #[error("country table line {line}: {reason}")]
    CountryTable {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// Writes one serialised [`Event`] per line.
pub fn write_jsonl<'a, W, I>(mut out: W, events: I) -> Result<ExportSummary, ExportError>
where
    W: std::io::Write,
    I: IntoIterator<Item = &'a Event>,
{
    let mut summary = ExportSummary::default();
    for event in events {
        serde_json::to_writer(&mut out, event).map_err(|source| ExportError::Json {
            format: "jsonl",
            record: event.id.clone(),
            source,
        })?;
        out.write_all(b"\n").map_err(io("jsonl"))?;
        summary.written += 1;
    }
    out.flush().map_err(io("jsonl"))?;
    Ok(summary)
}

fn io(format: &'static str) -> impl Fn(std::io::Error) -> ExportError {
    move |source| ExportError::Io { format, source }
}

fn csv_err(format: &'static str, record: &str) -> impl FnOnce(csv::Error) -> ExportError {
    let record = record.to_string();
    // csv hides the I/O error behind its own type with no `source`; unwrap it
    // so callers can tell a closed pipe from a bad record.
    move |source| {
        if source.is_io_error() {
            if let csv::ErrorKind::Io(source) = source.into_kind() {
                return ExportError::Io { format, source };
            }
            unreachable!("is_io_error says the kind is Io");
        }
        ExportError::Csv {
            format,
            record,
            source,
        }
    }
}

/// Formats a number without a trailing `.0` when it is whole.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// The snake_case serde name of a unit enum variant (`day`, `by`, `city`).
fn unit_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
