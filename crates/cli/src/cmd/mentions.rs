//! `sitrep mentions`: every stored mention, as JSON lines or CSV.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use sitrep_export::MentionCsvWriter;
use sitrep_store::{MentionFilter, SqliteStore, Store};

use crate::args::{GlobalArgs, MentionFormat, MentionsArgs};

pub fn run(_global: &GlobalArgs, args: MentionsArgs) -> anyhow::Result<ExitCode> {
    let store = SqliteStore::open(&args.db.db)
        .with_context(|| format!("opening database {}", args.db.db.display()))?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut csv = match args.format {
        MentionFormat::Csv => Some(MentionCsvWriter::new(&mut out)?),
        MentionFormat::Jsonl => None,
    };
    let mut jsonl = Vec::new();
    for stored in store.articles()? {
        let article = stored.article;
        let mentions: Vec<_> = store
            .mentions(&MentionFilter::Article(article.id.clone()))?
            .into_iter()
            .map(|m| m.mention)
            .collect();
        match &mut csv {
            Some(w) => w.write(&article, &mentions)?,
            None => {
                jsonl.clear();
                sitrep_export::write_mentions_jsonl(&mut jsonl, &article, &mentions)?;
            }
        }
        if csv.is_none() {
            // JSON lines go straight through; the CSV writer holds its own handle.
            std::io::stdout().lock().write_all(&jsonl)?;
        }
    }
    if let Some(w) = csv {
        w.finish()?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
