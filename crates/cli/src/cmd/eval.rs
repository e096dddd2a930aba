//! `sitrep eval`: precision, recall and F1 per field against labelled data.
//! The scoring lives in `sitrep-eval`; this command finds the data and prints.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;

use crate::args::{EvalArgs, EvalTask, GlobalArgs};
use crate::pipeline::Pipeline;

const GEOPARSE_DEV: &str = "../shared/eval/geoparse-dev.jsonl";
const PLOVER_DEV: &str = "../shared/eval/plover-dev.jsonl";
const CORPUS: &str = "tests/corpus";
const HELDOUT: &str = "tests/heldout";

pub fn run(global: &GlobalArgs, args: EvalArgs) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::load(global)?;
    let gold = |default: &str| args.gold.clone().unwrap_or_else(|| PathBuf::from(default));
    let mut ran = 0;
    let wanted = |t: EvalTask| args.task == EvalTask::All || args.task == t;
    // Written, not printed: a reader that stops early (`| head`) is no panic.
    let mut out = std::io::stdout().lock();

    for (task, default) in [(EvalTask::Corpus, CORPUS), (EvalTask::Heldout, HELDOUT)] {
        if !wanted(task) {
            continue;
        }
        if let Some(dir) = found(&gold(default), args.task == task)? {
            writeln!(out, "#### {}", dir.display())?;
            let mentions = sitrep_eval::mentions::run(&pipeline.recogniser, &dir)?;
            writeln!(out, "{mentions}")?;
            let events = sitrep_eval::events::run(&pipeline.recogniser, &pipeline.extractor, &dir)?;
            writeln!(out, "{events}")?;
            if args.items {
                writeln!(out, "missed:")?;
                for item in &events.missed {
                    writeln!(out, "  {item}")?;
                }
                writeln!(out, "spurious:")?;
                for item in &events.spurious {
                    writeln!(out, "  {item}")?;
                }
            }
            ran += 1;
        }
    }
    if wanted(EvalTask::Geoparse) {
        if let Some(path) = found(&gold(GEOPARSE_DEV), args.task == EvalTask::Geoparse)? {
            let report = sitrep_eval::geoparse::run(pipeline.recogniser.gazetteer(), &path)?;
            writeln!(out, "{report}")?;
            ran += 1;
        }
    }
    if wanted(EvalTask::Plover) {
        if let Some(path) = found(&gold(PLOVER_DEV), args.task == EvalTask::Plover)? {
            let report =
                sitrep_eval::plover::run(&pipeline.recogniser, &pipeline.extractor, &path)?;
            writeln!(out, "{report}")?;
            ran += 1;
        }
    }
    if ran == 0 {
        bail!("no evaluation data found (try --gold)");
    }
    Ok(ExitCode::SUCCESS)
}

/// The path if it exists; a missing default is skipped quietly under `all`, a
/// missing path the user asked for is an error.
fn found(path: &Path, required: bool) -> anyhow::Result<Option<PathBuf>> {
    if path.exists() {
        Ok(Some(path.to_path_buf()))
    } else if required {
        bail!("{}: not found", path.display())
    } else {
        eprintln!("sitrep: skipping {} (not found)", path.display());
        Ok(None)
    }
}
