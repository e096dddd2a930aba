//! Throughput of extraction alone: recognises every `.txt` file of a directory
//! once (untimed), then times `Extractor::extract` over them.
//!
//! `sitrep bench --articles 2000 --write /tmp/bench` writes a corpus;
//! `cargo run --release -p sitrep-extract --example extract_bench -- /tmp/bench [rounds]`.

use std::time::Instant;

use chrono::NaiveDate;
use sitrep_actors::ActorDictionary;
use sitrep_extract::Extractor;
use sitrep_gazetteer::Gazetteer;
use sitrep_model::Article;
use sitrep_recognise::Recogniser;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: extract_bench DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("reading the corpus directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let recogniser = Recogniser::new(
        Gazetteer::shipped().expect("gazetteer"),
        ActorDictionary::shipped().expect("actors"),
    );
    let extractor = Extractor::shipped().expect("lexicon");
    let published = NaiveDate::from_ymd_opt(2021, 8, 15);
    let docs: Vec<_> = files
        .iter()
        .filter_map(|f| {
            let text = std::fs::read_to_string(f).ok()?;
            let mut a = Article::from_text(text, f.display().to_string());
            a.published = published;
            let rec = recogniser.recognise(&a);
            Some((a, rec))
        })
        .collect();
    let mut best = f64::MAX;
    let mut events = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        events = docs
            .iter()
            .map(|(a, r)| std::hint::black_box(extractor.extract(a, r)).len())
            .sum::<usize>();
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "extract {:.0} articles/s ({} articles, {} events, best of {rounds})",
        docs.len() as f64 / best,
        docs.len(),
        events
    );
}
