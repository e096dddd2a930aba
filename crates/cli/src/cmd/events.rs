//! `sitrep events`: stored events, filtered, in one of the export formats.

use std::process::ExitCode;

use anyhow::{bail, Context};
use sitrep_export::AcledOptions;
use sitrep_model::EventKind;
use sitrep_store::{EventFilter, SqliteStore, Store};

use crate::args::{EventFormat, EventsArgs, GlobalArgs};

pub fn run(_global: &GlobalArgs, args: EventsArgs) -> anyhow::Result<ExitCode> {
    let mut kinds = Vec::new();
    for k in &args.kind {
        match EventKind::parse(k) {
            Some(kind) => kinds.push(kind),
            None => bail!(
                "unknown event kind {k:?}; one of: {}",
                EventKind::ALL.map(|k| k.as_str()).join(", ")
            ),
        }
    }
    let store = SqliteStore::open(&args.db.db)
        .with_context(|| format!("opening database {}", args.db.db.display()))?;
    let events = store.events(&EventFilter {
        since: args.since,
        until: args.until,
        kinds,
        place: args.place.clone(),
        actor: args.actor.clone(),
        limit: None,
    })?;
    let stdout = std::io::stdout();
    let out = std::io::BufWriter::new(stdout.lock());
    let summary = match args.format {
        EventFormat::Jsonl => sitrep_export::write_jsonl(out, &events)?,
        EventFormat::Csv => sitrep_export::write_csv(out, &events)?,
        EventFormat::Geojson => sitrep_export::write_geojson(out, &events)?,
        EventFormat::Acled => {
            let now = chrono::Utc::now().timestamp();
            sitrep_export::write_acled(out, &events, &AcledOptions::new(now)?)?
        }
    };
    if summary.skipped_total() > 0 {
        let reasons: Vec<String> = summary
            .skipped
            .iter()
            .map(|(r, n)| format!("{n} {}", r.as_str()))
            .collect();
        eprintln!(
            "sitrep: {} events written, {} skipped ({})",
            summary.written,
            summary.skipped_total(),
            reasons.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}
