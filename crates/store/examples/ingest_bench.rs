//! Measures ingest throughput: writes N synthetic ~3 KB articles (5 mentions and
//! 1-2 events each, one transaction per article) into a fresh SQLite file.
//!
//! ```text
//! cargo run --release -p sitrep-store --example ingest_bench -- [N] [path]
//! ```

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::time::Instant;

use sitrep_store::{EventFilter, SqliteStore, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(5_000);
    let path = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("sitrep-ingest-bench.db"));
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.clone().into_os_string();
        p.push(suffix);
        // A missing file is the normal case.
        let _ = std::fs::remove_file(p);
    }
    let samples: Vec<_> = (0..n).map(common::sample).collect();
    let bytes: usize = samples.iter().map(|(a, ..)| a.text.len()).sum();

    let mut store = SqliteStore::open(&path)?;
    let start = Instant::now();
    for (a, m, e) in &samples {
        store.ingest(a, m, e)?;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "ingested {n} articles ({:.1} KB avg) in {secs:.3} s: {:.0} articles/s, {:.0} us/article",
        bytes as f64 / n as f64 / 1024.0,
        n as f64 / secs,
        secs * 1e6 / n as f64
    );

    let start = Instant::now();
    for (a, m, e) in &samples {
        store.ingest(a, m, e)?;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "re-ingest (all duplicates): {:.0} articles/s",
        n as f64 / secs
    );

    let start = Instant::now();
    let events = store.events(&EventFilter::default())?;
    println!(
        "read back {} events with sources in {:.3} s; {:?}",
        events.len(),
        start.elapsed().as_secs_f64(),
        store.stats()?
    );
    let filter = EventFilter {
        place: Some("kandahar".into()),
        ..EventFilter::default()
    };
    let start = Instant::now();
    let hits = store.events(&filter)?;
    println!(
        "place filter 'kandahar': {} events in {:.4} s",
        hits.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
