//! `sitrep mentions`: every stored mention, as JSON lines or CSV.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use sitrep_export::MentionCsvWriter;
use sitrep_model::{Article, Mention};
use sitrep_store::{MentionFilter, SqliteStore, Store};

use crate::args::{GlobalArgs, MentionFormat, MentionsArgs};

pub fn run(_global: &GlobalArgs, args: MentionsArgs) -> anyhow::Result<ExitCode> {
    let store = SqliteStore::open(&args.db.db)
        .with_context(|| format!("opening database {}", args.db.db.display()))?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        MentionFormat::Csv => {
            let mut w = MentionCsvWriter::new(out)?;
            each_article(&store, |a, m| Ok(w.write(a, m)?))?;
            w.finish()?;
        }
        MentionFormat::Jsonl => {
            each_article(&store, |a, m| {
                sitrep_export::write_mentions_jsonl(&mut out, a, m)?;
                Ok(())
            })?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Calls `f` with each stored article and its mentions, in ingest order.
fn each_article(
    store: &SqliteStore,
    mut f: impl FnMut(&Article, &[Mention]) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    for stored in store.articles()? {
        let mentions: Vec<Mention> = store
            .mentions(&MentionFilter::Article(stored.article.id.clone()))?
            .into_iter()
            .map(|m| m.mention)
            .collect();
        f(&stored.article, &mentions)?;
    }
    Ok(())
}
