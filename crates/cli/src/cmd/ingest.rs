//! `sitrep ingest`: read inputs, recognise and extract, store one article per
//! transaction. A bad input is reported on one line and skipped; the exit status
//! says whether any input failed.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sitrep_ingest::{Overrides, Reader};
use sitrep_store::{IngestOutcome, SqliteStore, Store};

use crate::args::{GlobalArgs, IngestArgs};
use crate::pipeline::{Pipeline, BATCH};
use sitrep_model::Article;

/// What one ingest run did, printed at the end.
#[derive(Debug, Default)]
struct Batch {
    inserted: usize,
    duplicates: usize,
    failed: usize,
    events: usize,
}

pub fn run(global: &GlobalArgs, args: IngestArgs) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::load(global)?;
    let mut store = SqliteStore::open(&args.db.db)
        .with_context(|| format!("opening database {}", args.db.db.display()))?;
    let reader = Reader::new(Overrides {
        published: args.meta.published,
        source: args.meta.source.clone(),
        url: args.meta.url.clone(),
    })
    .max_bytes(args.max_mib * 1024 * 1024);

    let progress = progress_bar();
    let mut batch = Batch::default();
    // Articles wait in a small batch so the pipeline runs one stage at a time
    // over several (see `Pipeline::process_batch`); each is still stored in
    // its own transaction, in input order.
    let mut pending: Vec<Article> = Vec::with_capacity(BATCH);
    for path in &args.paths {
        for item in reader.read_path(path) {
            match item {
                Ok(article) => pending.push(article),
                Err(err) => {
                    batch.failed += 1;
                    progress.suspend(|| eprintln!("sitrep: {err}"));
                }
            }
            if pending.len() == BATCH {
                store_batch(&pipeline, &mut store, &mut pending, &mut batch, &progress);
            }
        }
    }
    store_batch(&pipeline, &mut store, &mut pending, &mut batch, &progress);
    progress.finish_and_clear();
    eprintln!(
        "sitrep: {} articles stored, {} already present, {} inputs failed, {} events",
        batch.inserted, batch.duplicates, batch.failed, batch.events
    );
    Ok(if batch.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Processes the pending articles and stores each in its own transaction.
fn store_batch(
    pipeline: &Pipeline,
    store: &mut SqliteStore,
    pending: &mut Vec<Article>,
    batch: &mut Batch,
    progress: &ProgressBar,
) {
    let processed = pipeline.process_batch(pending);
    for (article, processed) in pending.drain(..).zip(processed) {
        let outcome = store
            .ingest(&article, &processed.recognition.mentions, &processed.events)
            .with_context(|| format!("{}: storing article {}", article.origin, article.id));
        match outcome {
            Ok(IngestOutcome::Inserted) => {
                batch.inserted += 1;
                batch.events += processed.events.len();
            }
            Ok(IngestOutcome::Duplicate) => batch.duplicates += 1,
            Err(err) => {
                batch.failed += 1;
                progress.suspend(|| eprintln!("sitrep: {err:#}"));
            }
        }
        progress.inc(1);
        progress.set_message(format!("{} errors", batch.failed));
    }
}

/// A spinner with articles/s and the error count, on stderr, only for a terminal.
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
        return bar;
    }
    bar.set_draw_target(ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {pos} articles ({per_sec}) {msg} [{elapsed}]")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}
