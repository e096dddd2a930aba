//! Behaviour of the SQLite store through the public `Store` interface.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common::{expected_counts, sample};
use sitrep_model::{Article, ArticleId, EventKind, Span};
use sitrep_store::{
    EventFilter, IngestFailure, IngestOutcome, MentionFilter, SqliteStore, Store, StoreError,
    SCHEMA_VERSION,
};

fn ingest_samples(store: &mut SqliteStore, range: std::ops::Range<usize>) {
    for i in range {
        let (a, m, e) = sample(i);
        store.ingest(&a, &m, &e).expect("sample ingests");
    }
}

#[test]
fn migrates_an_empty_file_and_reopens_without_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    drop(store);

    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().schema_version, SCHEMA_VERSION);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let rows: i64 = conn
        .query_row("SELECT COUNT(*) FROM schema_migrations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        rows,
        i64::from(SCHEMA_VERSION),
        "each migration recorded once"
    );
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn refuses_a_database_from_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    drop(SqliteStore::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, 'future', 'x')",
        [SCHEMA_VERSION + 1],
    )
    .unwrap();
    drop(conn);
    match SqliteStore::open(&path) {
        Err(StoreError::SchemaTooNew { found, supported }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
}

#[test]
fn round_trips_articles_mentions_and_events() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let (article, mentions, events) = sample(1);
    assert_eq!(
        store.ingest(&article, &mentions, &events).unwrap(),
        IngestOutcome::Inserted
    );

    let articles = store.articles().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].article, article);
    assert_eq!(store.article(&article.id).unwrap(), Some(article.clone()));
    assert_eq!(store.article(&ArticleId("nope".into())).unwrap(), None);

    let stored = store
        .mentions(&MentionFilter::Article(article.id.clone()))
        .unwrap();
    let back: Vec<_> = stored.iter().map(|s| s.mention.clone()).collect();
    assert_eq!(back, mentions);
    for s in &stored {
        assert_eq!(
            (s.char_start, s.char_end),
            article.char_span(s.mention.span)
        );
    }
    // Sample 1 is about Kandahār: char and byte offsets differ after the ā.
    assert!(stored.iter().any(|s| s.char_end != s.mention.span.end));

    assert_eq!(store.events(&EventFilter::default()).unwrap(), events);
}

#[test]
fn reingesting_the_same_text_is_a_no_op() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let (article, mentions, events) = sample(2);
    store.ingest(&article, &mentions, &events).unwrap();
    let before = store.stats().unwrap();

    let mut renamed = article.clone();
    renamed.origin = "elsewhere.txt".into();
    renamed.url = None;
    for a in [&article, &renamed] {
        assert_eq!(
            store.ingest(a, &mentions, &events).unwrap(),
            IngestOutcome::Duplicate
        );
    }
    assert_eq!(store.stats().unwrap(), before);
    assert_eq!(before.articles, 1);
}

#[test]
fn rejects_an_id_taken_by_another_text() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let first = Article::from_text("Shelling was reported in Kharkiv.", "a");
    store.ingest(&first, &[], &[]).unwrap();
    let mut forged = Article::from_text("A different report entirely.", "b");
    forged.id = first.id.clone();
    match store.ingest(&forged, &[], &[]) {
        Err(StoreError::Ingest {
            article,
            reason: IngestFailure::IdCollision,
        }) => assert_eq!(article, first.id.0),
        other => panic!("expected IdCollision, got {other:?}"),
    }
}

#[test]
fn the_same_event_from_two_articles_gains_a_source() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let (a0, m0, e0) = sample(0);
    let (a20, m20, e20) = sample(20);
    assert_eq!(e0[0].id, e20[0].id, "generator makes these collide");
    assert_ne!(a0.id, a20.id);
    store.ingest(&a0, &m0, &e0).unwrap();
    store.ingest(&a20, &m20, &e20).unwrap();

    let stats = store.stats().unwrap();
    assert_eq!(stats.articles, 2);
    // Both articles also share the armed-clash event.
    assert_eq!(stats.events, 2);
    assert_eq!(stats.event_sources, 4);

    let taken = store
        .events(&EventFilter {
            kinds: vec![EventKind::TerritoryTaken],
            ..EventFilter::default()
        })
        .unwrap();
    assert_eq!(taken.len(), 1);
    let sources: Vec<_> = taken[0].sources.iter().map(|s| s.article.clone()).collect();
    assert_eq!(sources, vec![a0.id.clone(), a20.id.clone()]);
    assert_eq!(taken[0].confidence, e0[0].confidence.max(e20[0].confidence));
}

#[test]
fn evidence_from_another_article_waits_for_that_article() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let (a0, m0, mut e0) = sample(0);
    let (a20, m20, e20) = sample(20);
    // Article 0 arrives carrying a batch-merged event that already cites article 20.
    e0[0].sources.extend(e20[0].sources.clone());
    store.ingest(&a0, &m0, &e0).unwrap();
    assert_eq!(
        store.stats().unwrap().event_sources,
        2,
        "article 20 not stored yet"
    );
    store.ingest(&a20, &m20, &e20).unwrap();
    assert_eq!(store.stats().unwrap().event_sources, 4);
}

#[test]
fn a_failure_midway_leaves_no_partial_article() {
    type Corrupt = fn(&mut Vec<sitrep_model::Mention>, &mut Vec<sitrep_model::Event>);
    // (name, sample index, corruption)
    let cases: [(&str, usize, Corrupt); 3] = [
        ("last mention past the end", 10, |m, _| {
            let last = m.last_mut().unwrap();
            last.span = Span::new(last.span.start, 1_000_000);
        }),
        ("mention inside a code point", 6, |m, _| {
            // Sample 6's place is Kandahār; byte 7 falls inside the two-byte ā.
            let first = m.first_mut().unwrap();
            first.span = Span::new(first.span.start, first.span.start + 7);
        }),
        ("second event's trigger past the end", 10, |_, e| {
            let second = e.get_mut(1).unwrap();
            second.sources[0].trigger = Span::new(10, 1_000_000);
        }),
    ];
    for (name, index, corrupt) in cases {
        let mut store = SqliteStore::open_in_memory().unwrap();
        ingest_samples(&mut store, 2..4);
        let before = store.stats().unwrap();
        let (article, mut mentions, mut events) = sample(index);
        assert!(events.len() >= 2, "{name}: need two events");
        corrupt(&mut mentions, &mut events);
        let err = store.ingest(&article, &mentions, &events);
        assert!(
            matches!(err, Err(StoreError::Ingest { .. })),
            "{name}: got {err:?}"
        );
        assert_eq!(store.stats().unwrap(), before, "{name}: partial write");
        assert_eq!(store.article(&article.id).unwrap(), None, "{name}");
        // The untouched article still goes in afterwards.
        let (article, mentions, events) = sample(index);
        assert_eq!(
            store.ingest(&article, &mentions, &events).unwrap(),
            IngestOutcome::Inserted,
            "{name}"
        );
    }
}

#[test]
fn filters_select_events() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    ingest_samples(&mut store, 0..40);
    let all = store.events(&EventFilter::default()).unwrap();
    assert_eq!(all.len() as u64, store.stats().unwrap().events);
    let day = |d| NaiveDate::from_ymd_opt(2021, 8, d).unwrap();

    type Check = fn(&sitrep_model::Event) -> bool;
    let cases: Vec<(&str, EventFilter, Check)> = vec![
        (
            "since/until",
            EventFilter {
                since: Some(day(5)),
                until: Some(day(9)),
                ..Default::default()
            },
            |e| {
                let d = e.date.unwrap();
                d.end >= NaiveDate::from_ymd_opt(2021, 8, 5).unwrap()
                    && d.start <= NaiveDate::from_ymd_opt(2021, 8, 9).unwrap()
            },
        ),
        (
            "kinds",
            EventFilter {
                kinds: vec![EventKind::ArmedClash],
                ..Default::default()
            },
            |e| e.kind == EventKind::ArmedClash,
        ),
        (
            "place without accent",
            EventFilter {
                place: Some("KANDAHAR".into()),
                ..Default::default()
            },
            |e| &*e.place.as_ref().unwrap().name == "Kandahār",
        ),
        (
            "ISO 3166-2 code",
            EventFilter {
                place: Some("af-kdz".into()),
                ..Default::default()
            },
            |e| &*e.place.as_ref().unwrap().name == "Kunduz",
        ),
        (
            "country name",
            EventFilter {
                place: Some("sudan".into()),
                ..Default::default()
            },
            |e| &*e.place.as_ref().unwrap().country == "SD",
        ),
        (
            "actor name",
            EventFilter {
                actor: Some("rapid support".into()),
                ..Default::default()
            },
            |e| &*e.actor.as_ref().unwrap().id == "rsf",
        ),
    ];
    for (name, filter, check) in cases {
        let got = store.events(&filter).unwrap();
        let want = all.iter().filter(|e| check(e)).count();
        assert!(want > 0 && want < all.len(), "{name}: test data must split");
        assert_eq!(got.len(), want, "{name}");
        assert!(got.iter().all(check), "{name}");
    }

    let limited = store
        .events(&EventFilter {
            limit: Some(3),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(limited, all[..3].to_vec());
    let dates: Vec<_> = all.iter().map(|e| e.date.unwrap().start).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "ordered by date");
}

#[test]
fn mentions_of_all_articles_come_in_ingest_order() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    ingest_samples(&mut store, 0..5);
    let all = store.mentions(&MentionFilter::All).unwrap();
    let order: Vec<ArticleId> = store
        .articles()
        .unwrap()
        .into_iter()
        .map(|a| a.article.id)
        .collect();
    let mut seen: Vec<ArticleId> = all.iter().map(|m| m.article.clone()).collect();
    seen.dedup();
    assert_eq!(seen, order);
    assert_eq!(all.len() as u64, store.stats().unwrap().mentions);
}

const CRASH_CHILD: &str = "SITREP_STORE_CRASH_CHILD";

/// Not a test on its own: when re-run by `a_killed_writer_leaves_whole_articles`
/// with the env var set, ingests until killed.
#[test]
fn crash_child() {
    let Some(path) = std::env::var_os(CRASH_CHILD) else {
        return;
    };
    let mut store = SqliteStore::open(Path::new(&path)).unwrap();
    for i in 0.. {
        let (a, m, e) = sample(i);
        store.ingest(&a, &m, &e).unwrap();
    }
}

/// Starts the child writer and SIGKILLs it once the store holds `target` articles.
fn kill_writer_at(path: &Path, target: u64) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(CRASH_CHILD, path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let watcher = SqliteStore::open(path).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while watcher.stats().unwrap().articles < target {
        assert!(Instant::now() < deadline, "child made no progress");
        assert!(child.try_wait().unwrap().is_none(), "child exited early");
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
}

#[test]
fn a_killed_writer_leaves_whole_articles() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    drop(SqliteStore::open(&path).unwrap());

    // Several kills at different points; each restart re-offers the articles
    // already stored (duplicates) before writing new ones.
    for target in [100, 250, 400] {
        kill_writer_at(&path, target);
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
    }

    let mut store = SqliteStore::open(&path).unwrap();
    let articles = store.articles().unwrap();
    assert!(articles.len() >= 400);

    let mut evidence: HashMap<ArticleId, u64> = HashMap::new();
    for e in store.events(&EventFilter::default()).unwrap() {
        for s in e.sources {
            *evidence.entry(s.article).or_default() += 1;
        }
    }
    for a in &articles {
        let (mentions, sources) = expected_counts(&a.article.origin).unwrap();
        let stored = store
            .mentions(&MentionFilter::Article(a.article.id.clone()))
            .unwrap();
        assert_eq!(stored.len() as u64, mentions, "{}", a.article.origin);
        assert_eq!(
            evidence.get(&a.article.id).copied().unwrap_or(0),
            sources,
            "{}",
            a.article.origin
        );
    }
    // And the store is still writable where the child stopped.
    let next = articles.len();
    ingest_samples(&mut store, next..next + 5);
}
