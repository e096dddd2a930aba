//! Mentions of one article as JSON lines or CSV, with code point offsets
//! (`start`, `end`) next to byte offsets (`byte_start`, `byte_end`).

use serde_json::{Map, Value};
use sitrep_model::{Article, Mention, MentionKind};

use crate::{csv_err, io, number, unit_name, ExportError, ExportSummary};

/// The columns of [`write_mentions_csv`], in order.
pub const MENTION_CSV_COLUMNS: [&str; 20] = [
    "article",
    "type",
    "start",
    "end",
    "byte_start",
    "byte_end",
    "sentence",
    "text",
    "resolved",
    "id",
    "kind",
    "geonameid",
    "country",
    "admin1_code",
    "lat",
    "lon",
    "score",
    "date_start",
    "date_end",
    "precision",
];

/// Code point offsets of a mention, or an error naming it if its span does not
/// slice the text.
fn char_span(article: &Article, index: usize, m: &Mention) -> Result<(usize, usize), ExportError> {
    if article.text.get(m.span.start..m.span.end).is_none() {
        return Err(ExportError::BadSpan {
            article: article.id.0.clone(),
            index,
            start: m.span.start,
            end: m.span.end,
        });
    }
    Ok(article.char_span(m.span))
}

/// One mention as a JSON object: the mention's own fields (as the model
/// serialises them, its payload flattened in) with the byte `span` replaced by
/// `start`/`end` (code points) and `byte_start`/`byte_end`, plus `article`.
pub fn mention_json(article: &Article, index: usize, m: &Mention) -> Result<Value, ExportError> {
    let (start, end) = char_span(article, index, m)?;
    let mut obj = Map::new();
    obj.insert("article".into(), Value::from(article.id.0.as_str()));
    obj.insert("start".into(), Value::from(start));
    obj.insert("end".into(), Value::from(end));
    obj.insert("byte_start".into(), Value::from(m.span.start));
    obj.insert("byte_end".into(), Value::from(m.span.end));
    let fields = serde_json::to_value(m).map_err(|source| ExportError::Json {
        format: "mentions jsonl",
        record: format!("{}#{index}", article.id),
        source,
    })?;
    if let Value::Object(fields) = fields {
        obj.extend(fields.into_iter().filter(|(k, _)| k != "span"));
    }
    Ok(Value::Object(obj))
}

/// Writes one JSON object per mention (see [`mention_json`]).
pub fn write_mentions_jsonl<W: std::io::Write>(
    mut out: W,
    article: &Article,
    mentions: &[Mention],
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    for (index, m) in mentions.iter().enumerate() {
        let obj = mention_json(article, index, m)?;
        serde_json::to_writer(&mut out, &obj).map_err(|source| ExportError::Json {
            format: "mentions jsonl",
            record: format!("{}#{index}", article.id),
            source,
        })?;
        out.write_all(b"\n").map_err(io("mentions jsonl"))?;
        summary.written += 1;
    }
    out.flush().map_err(io("mentions jsonl"))?;
    Ok(summary)
}

/// Writes the mentions CSV of one article (header row, then one row per
/// mention). `resolved` is the canonical name (place, actor, person) or the
/// normalised date range.
pub fn write_mentions_csv<W: std::io::Write>(
    out: W,
    article: &Article,
    mentions: &[Mention],
) -> Result<ExportSummary, ExportError> {
    let mut w = MentionCsvWriter::new(out)?;
    w.write(article, mentions)?;
    w.finish()
}

/// Writes the mentions of many articles as one CSV table: the header once, then
/// a row per mention.
pub struct MentionCsvWriter<W: std::io::Write> {
    csv: csv::Writer<W>,
    summary: ExportSummary,
}

impl<W: std::io::Write> MentionCsvWriter<W> {
    /// Starts the table, writing the header row.
    pub fn new(out: W) -> Result<Self, ExportError> {
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(MENTION_CSV_COLUMNS)
            .map_err(csv_err("mentions csv", "header"))?;
        Ok(MentionCsvWriter {
            csv,
            summary: ExportSummary::default(),
        })
    }

    /// Appends one article's mentions.
    pub fn write(&mut self, article: &Article, mentions: &[Mention]) -> Result<(), ExportError> {
        for (index, m) in mentions.iter().enumerate() {
            let (start, end) = char_span(article, index, m)?;
            let mut r = vec![
                article.id.0.clone(),
                m.type_name().to_string(),
                start.to_string(),
                end.to_string(),
                m.span.start.to_string(),
                m.span.end.to_string(),
                m.sentence.to_string(),
                m.text.clone(),
            ];
            r.extend(payload_columns(&m.kind));
            self.csv
                .write_record(&r)
                .map_err(csv_err("mentions csv", &format!("{}#{index}", article.id)))?;
            self.summary.written += 1;
        }
        Ok(())
    }

    /// Flushes the table and says how many rows were written.
    pub fn finish(mut self) -> Result<ExportSummary, ExportError> {
        self.csv.flush().map_err(io("mentions csv"))?;
        Ok(self.summary)
    }
}

/// resolved, id, kind, geonameid, country, admin1_code, lat, lon, score,
/// date_start, date_end, precision.
fn payload_columns(kind: &MentionKind) -> [String; 12] {
    let s = |v: Option<&str>| v.unwrap_or_default().to_string();
    match kind {
        MentionKind::Place(p) => {
            let place = p.place.as_ref();
            [
                s(place.map(|pl| pl.name.as_ref())),
                String::new(),
                place.map(|pl| unit_name(&pl.kind)).unwrap_or_default(),
                place
                    .and_then(|pl| pl.geonameid)
                    .map(|g| g.to_string())
                    .unwrap_or_default(),
                s(place.map(|pl| pl.country.as_ref())),
                s(place.and_then(|pl| pl.admin1_code.as_deref())),
                place.map(|pl| pl.lat.to_string()).unwrap_or_default(),
                place.map(|pl| pl.lon.to_string()).unwrap_or_default(),
                number(p.score),
                String::new(),
                String::new(),
                String::new(),
            ]
        }
        MentionKind::Actor(a) => who(
            &a.name,
            Some(&a.id),
            unit_name(&a.kind),
            a.country.as_deref(),
        ),
        MentionKind::Person(p) => who(
            &p.name,
            p.id.as_deref(),
            "person".into(),
            p.country.as_deref(),
        ),
        MentionKind::Time(t) => {
            let r = t.range.as_ref();
            [
                r.map(|r| r.to_string()).unwrap_or_default(),
                String::new(),
                if t.relative { "relative" } else { "absolute" }.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                r.map(|r| r.start.to_string()).unwrap_or_default(),
                r.map(|r| r.end.to_string()).unwrap_or_default(),
                r.map(|r| unit_name(&r.precision)).unwrap_or_default(),
            ]
        }
    }
}

/// The columns of an actor or person: name, id, kind and country; the place
/// and date columns stay empty.
fn who(name: &str, id: Option<&str>, kind: String, country: Option<&str>) -> [String; 12] {
    let mut row: [String; 12] = Default::default();
    row[0] = name.to_string();
    row[1] = id.unwrap_or_default().to_string();
    row[2] = kind;
    row[4] = country.unwrap_or_default().to_string();
    row
}
