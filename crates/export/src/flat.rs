//! The flat CSV: one row per event, one column per field an analyst filters or
//! pivots on. Nested data (extra places, all sources) is reduced to counts and
//! the first source; use JSON lines for everything.

use sitrep_model::{Event, Qualifier, Quantity};

use crate::{csv_err, io, number, unit_name, ExportError, ExportSummary};

/// The columns of [`write_csv`], in order.
pub const CSV_COLUMNS: [&str; 27] = [
    "id",
    "kind",
    "date_start",
    "date_end",
    "precision",
    "date_relation",
    "actor",
    "actor_id",
    "target",
    "target_id",
    "place",
    "admin1",
    "admin1_code",
    "country",
    "lat",
    "lon",
    "quantity",
    "fatalities",
    "negated",
    "hypothetical",
    "confidence",
    "plover",
    "acled_event_type",
    "acled_sub_event_type",
    "source_count",
    "first_source_url",
    "sentence",
];

/// Writes the flat CSV (header row, then one row per event).
pub fn write_csv<'a, W, I>(out: W, events: I) -> Result<ExportSummary, ExportError>
where
    W: std::io::Write,
    I: IntoIterator<Item = &'a Event>,
{
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_COLUMNS)
        .map_err(csv_err("csv", "header"))?;
    let mut summary = ExportSummary::default();
    for e in events {
        w.write_record(row(e)).map_err(csv_err("csv", &e.id))?;
        summary.written += 1;
    }
    w.flush().map_err(io("csv"))?;
    Ok(summary)
}

fn row(e: &Event) -> [String; 27] {
    let opt = |s: Option<&str>| s.unwrap_or_default().to_string();
    let place = e.place.as_ref();
    let date = e.date.as_ref();
    let first = e.sources.first();
    [
        e.id.clone(),
        e.kind.as_str().to_string(),
        date.map(|d| d.start.to_string()).unwrap_or_default(),
        date.map(|d| d.end.to_string()).unwrap_or_default(),
        date.map(|d| unit_name(&d.precision)).unwrap_or_default(),
        date.map(|d| unit_name(&d.relation)).unwrap_or_default(),
        opt(e.actor.as_ref().map(|a| a.name.as_ref())),
        opt(e.actor.as_ref().map(|a| a.id.as_ref())),
        opt(e.target.as_ref().map(|a| a.name.as_ref())),
        opt(e.target.as_ref().map(|a| a.id.as_ref())),
        opt(place.map(|p| p.name.as_ref())),
        opt(place.and_then(|p| p.admin1.as_deref())),
        opt(place.and_then(|p| p.admin1_code.as_deref())),
        opt(place.map(|p| p.country.as_ref())),
        place.map(|p| p.lat.to_string()).unwrap_or_default(),
        place.map(|p| p.lon.to_string()).unwrap_or_default(),
        e.quantities
            .iter()
            .map(describe_quantity)
            .collect::<Vec<_>>()
            .join("; "),
        e.fatalities
            .as_ref()
            .map(|q| number(q.value))
            .unwrap_or_default(),
        e.negated.to_string(),
        e.hypothetical.to_string(),
        e.confidence.to_string(),
        e.plover
            .as_ref()
            .map(|p| match &p.mode {
                Some(mode) => format!("{}/{mode}", p.event_type),
                None => p.event_type.clone(),
            })
            .unwrap_or_default(),
        opt(e.acled.as_ref().map(|a| a.event_type.as_str())),
        opt(e.acled.as_ref().map(|a| a.sub_event_type.as_str())),
        e.sources.len().to_string(),
        opt(first.and_then(|s| s.url.as_deref())),
        opt(first.map(|s| s.sentence.as_str())),
    ]
}

/// "at least 14 of 34 provincial capitals".
pub(crate) fn describe_quantity(q: &Quantity) -> String {
    let qualifier = match q.qualifier {
        Qualifier::Exact => "",
        Qualifier::AtLeast => "at least ",
        Qualifier::MoreThan => "more than ",
        Qualifier::About => "about ",
        Qualifier::AtMost => "up to ",
    };
    let of =
        q.of.map(|of| format!(" of {}", number(of)))
            .unwrap_or_default();
    format!("{qualifier}{}{of} {}", number(q.value), q.unit)
}
