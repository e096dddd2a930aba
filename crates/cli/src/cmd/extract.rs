//! `sitrep extract FILE`: one article (or each item of a feed or archive),
//! no database; prints JSON lines documented in docs/OUTPUT.md: an `article`
//! record, then its `mention` records, then its `event` records.

use std::io::Write;
use std::process::ExitCode;

use serde_json::{json, Value};
use sitrep_ingest::Reader;
use sitrep_model::Article;

use crate::args::{ExtractArgs, GlobalArgs};
use crate::output;
use crate::pipeline::Pipeline;

pub fn run(global: &GlobalArgs, args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::load(global)?;
    let reader = Reader::new(output::overrides(&args.meta));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for item in reader.read_path(&args.file) {
        let article = match item {
            Ok(a) => a,
            Err(err) => {
                eprintln!("sitrep: {err}");
                failed = true;
                continue;
            }
        };
        let processed = pipeline.process(&article);
        writeln!(out, "{}", article_record(&article))?;
        for (i, m) in processed.recognition.mentions.iter().enumerate() {
            let mut v = sitrep_export::mention_json(&article, i, m)?;
            output::tag(&mut v, "mention");
            writeln!(out, "{v}")?;
        }
        for e in &processed.events {
            let mut v = serde_json::to_value(e)?;
            output::tag(&mut v, "event");
            writeln!(out, "{v}")?;
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn article_record(a: &Article) -> Value {
    json!({
        "record": "article",
        "id": a.id,
        "origin": a.origin,
        "title": a.title,
        "published": a.published,
        "source": a.source,
        "url": a.url,
        "chars": a.text.chars().count(),
        "bytes": a.text.len(),
    })
}
