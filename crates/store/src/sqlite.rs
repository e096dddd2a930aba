//! The SQLite backend of [`Store`].
//!
//! The connection runs in WAL mode with `synchronous = NORMAL`: a killed process
//! never loses a committed article or leaves half of one, and a power cut may lose
//! only the last few commits. Several processes may write to one file; each
//! article's transaction takes the write lock up front (`BEGIN IMMEDIATE`) and
//! waits up to [`BUSY_TIMEOUT`] for it.

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, TransactionBehavior};
use sitrep_model::{
    content_hash, Article, ArticleId, Event, Evidence, FieldEvidence, Mention, MentionKind, Span,
};
use sitrep_text::fold;

use crate::error::IngestFailure;
use crate::migrate::{current_version, migrate};
use crate::{
    EventFilter, IngestOutcome, MentionFilter, Store, StoreError, StoreStats, StoredArticle,
    StoredMention,
};

/// How long a writer waits for another process's transaction before failing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A [`Store`] in one SQLite file (or in memory, for tests).
pub struct SqliteStore {
    conn: Connection,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.conn.path())
            .finish()
    }
}

/// The current time as stored: RFC 3339, UTC, whole seconds.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up
    /// to date. Refuses a database written by a newer schema version.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(open_err)?;
        configure(&conn).map_err(open_err)?;
        SqliteStore::with_connection(conn)
    }

    /// A fresh private database in memory.
    pub fn open_in_memory() -> Result<SqliteStore, StoreError> {
        let open_err = |source| StoreError::Open {
            path: ":memory:".into(),
            source,
        };
        let conn = Connection::open_in_memory().map_err(open_err)?;
        configure(&conn).map_err(open_err)?;
        SqliteStore::with_connection(conn)
    }

    fn with_connection(mut conn: Connection) -> Result<SqliteStore, StoreError> {
        migrate(&mut conn)?;
        Ok(SqliteStore { conn })
    }

    /// Runs SQLite's `PRAGMA integrity_check`; returns the problems found (empty
    /// when the file is sound).
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(query("integrity check"))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(query("integrity check"))?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        current_version(&self.conn).map_err(query("reading schema version"))
    }
}

fn configure(conn: &Connection) -> Result<(), rusqlite::Error> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // journal_mode answers with a row; in-memory databases stay "memory".
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
}

fn query(context: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |source| StoreError::Query { context, source }
}

impl Store for SqliteStore {
    fn ingest(
        &mut self,
        article: &Article,
        mentions: &[Mention],
        events: &[Event],
    ) -> Result<IngestOutcome, StoreError> {
        ingest(&mut self.conn, article, mentions, events).map_err(|reason| StoreError::Ingest {
            article: article.id.0.clone(),
            reason,
        })
    }

    fn articles(&self) -> Result<Vec<StoredArticle>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{ARTICLE_SELECT} ORDER BY rowid"))
            .map_err(query("listing articles"))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(StoredArticle {
                    article: article_from_row(r)?,
                    ingested_at: r.get(7)?,
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(query("listing articles"))?;
        Ok(rows)
    }

    fn article(&self, id: &ArticleId) -> Result<Option<Article>, StoreError> {
        self.conn
            .prepare_cached(&format!("{ARTICLE_SELECT} WHERE id = ?1"))
            .and_then(|mut stmt| stmt.query_row([&id.0], article_from_row).optional())
            .map_err(query("reading article"))
    }

    fn mentions(&self, filter: &MentionFilter) -> Result<Vec<StoredMention>, StoreError> {
        let base = "SELECT m.article_id, m.ord, m.byte_start, m.byte_end, m.char_start, \
                    m.char_end, m.sentence, m.surface, m.payload FROM mentions m";
        let (sql, arg) = match filter {
            MentionFilter::All => (
                format!("{base} JOIN articles a ON a.id = m.article_id ORDER BY a.rowid, m.ord"),
                None,
            ),
            MentionFilter::Article(id) => (
                format!("{base} WHERE m.article_id = ?1 ORDER BY m.ord"),
                Some(id.0.as_str()),
            ),
        };
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .map_err(query("listing mentions"))?;
        let raw = stmt
            .query_map(params_from_iter(arg), |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    RawMention {
                        span: Span::new(r.get(2)?, r.get(3)?),
                        char_start: r.get(4)?,
                        char_end: r.get(5)?,
                        sentence: r.get(6)?,
                        surface: r.get(7)?,
                        payload: r.get(8)?,
                    },
                ))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(query("listing mentions"))?;
        raw.into_iter()
            .map(|(article, ord, m)| {
                let kind: MentionKind =
                    serde_json::from_str(&m.payload).map_err(|source| StoreError::Payload {
                        table: "mentions",
                        key: format!("{article}#{ord}"),
                        source,
                    })?;
                Ok(StoredMention {
                    article: ArticleId(article),
                    mention: Mention {
                        span: m.span,
                        text: m.surface,
                        sentence: m.sentence,
                        kind,
                    },
                    char_start: m.char_start,
                    char_end: m.char_end,
                })
            })
            .collect()
    }

    fn events(&self, filter: &EventFilter) -> Result<Vec<Event>, StoreError> {
        let (sql, args) = event_query(filter);
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .map_err(query("listing events"))?;
        let rows = stmt
            .query_map(params_from_iter(args), |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, f64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(query("listing events"))?;
        let mut sources = self
            .conn
            .prepare_cached(SOURCES_SELECT)
            .map_err(query("reading event sources"))?;
        rows.into_iter()
            .map(|(id, confidence, payload)| {
                let mut event: Event =
                    serde_json::from_str(&payload).map_err(|source| StoreError::Payload {
                        table: "events",
                        key: id.clone(),
                        source,
                    })?;
                event.confidence = confidence;
                event.sources =
                    sources
                        .query_map([&id], evidence_from_row)
                        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
                        .map_err(query("reading event sources"))?
                        .into_iter()
                        .map(|(ev, fields)| {
                            let fields: Vec<FieldEvidence> = serde_json::from_str(&fields)
                                .map_err(|source| StoreError::Payload {
                                    table: "event_sources",
                                    key: id.clone(),
                                    source,
                                })?;
                            Ok(Evidence { fields, ..ev })
                        })
                        .collect::<Result<_, StoreError>>()?;
                Ok(event)
            })
            .collect()
    }

    fn stats(&self) -> Result<StoreStats, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            self.conn
                .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| n.max(0) as u64)
                .map_err(query("counting rows"))
        };
        Ok(StoreStats {
            schema_version: self.schema_version()?,
            articles: count("articles")?,
            mentions: count("mentions")?,
            events: count("events")?,
            event_sources: count("event_sources")?,
        })
    }
}

struct RawMention {
    span: Span,
    char_start: usize,
    char_end: usize,
    sentence: usize,
    surface: String,
    payload: String,
}

const ARTICLE_SELECT: &str =
    "SELECT id, text, title, published, source, url, origin, ingested_at FROM articles";

fn article_from_row(r: &Row<'_>) -> rusqlite::Result<Article> {
    Ok(Article {
        id: ArticleId(r.get(0)?),
        text: r.get(1)?,
        title: r.get(2)?,
        published: r.get::<_, Option<NaiveDate>>(3)?,
        source: r.get(4)?,
        url: r.get(5)?,
        origin: r.get(6)?,
    })
}

const SOURCES_SELECT: &str = "SELECT s.article_id, a.url, a.source, a.published, \
     s.sentence_start, s.sentence_end, s.sentence, s.trigger_start, s.trigger_end, s.fields \
     FROM event_sources s JOIN articles a ON a.id = s.article_id \
     WHERE s.event_id = ?1 ORDER BY s.id";

/// An evidence row, with its field evidence still as JSON.
fn evidence_from_row(r: &Row<'_>) -> rusqlite::Result<(Evidence, String)> {
    Ok((
        Evidence {
            article: ArticleId(r.get(0)?),
            url: r.get(1)?,
            source: r.get(2)?,
            published: r.get(3)?,
            sentence_span: Span::new(r.get(4)?, r.get(5)?),
            sentence: r.get(6)?,
            trigger: Span::new(r.get(7)?, r.get(8)?),
            fields: Vec::new(),
        },
        r.get(9)?,
    ))
}

/// Builds the event query: only the criteria that are set become SQL, so SQLite
/// can use the matching index.
fn event_query(filter: &EventFilter) -> (String, Vec<Value>) {
    let mut wheres = Vec::new();
    let mut args = Vec::new();
    if let Some(since) = filter.since {
        wheres.push("date_end >= ?");
        args.push(Value::Text(since.to_string()));
    }
    if let Some(until) = filter.until {
        wheres.push("date_start <= ?");
        args.push(Value::Text(until.to_string()));
    }
    let kind_marks;
    if !filter.kinds.is_empty() {
        kind_marks = format!("kind IN ({})", vec!["?"; filter.kinds.len()].join(", "));
        wheres.push(&kind_marks);
        args.extend(
            filter
                .kinds
                .iter()
                .map(|k| Value::Text(k.as_str().to_string())),
        );
    }
    if let Some(place) = &filter.place {
        wheres.push("instr(place_search, ?) > 0");
        args.push(Value::Text(fold(place)));
    }
    if let Some(actor) = &filter.actor {
        wheres.push("instr(actor_search, ?) > 0");
        args.push(Value::Text(fold(actor)));
    }
    let mut sql = String::from("SELECT id, confidence, payload FROM events");
    if !wheres.is_empty() {
        sql.push_str(" WHERE ");
        sql.push_str(&wheres.join(" AND "));
    }
    sql.push_str(" ORDER BY date_start IS NULL, date_start, id");
    if let Some(limit) = filter.limit {
        sql.push_str(" LIMIT ?");
        args.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    }
    (sql, args)
}

fn sql_err(what: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> IngestFailure {
    let what = what.into();
    move |source| IngestFailure::Sql { what, source }
}

fn ingest(
    conn: &mut Connection,
    article: &Article,
    mentions: &[Mention],
    events: &[Event],
) -> Result<IngestOutcome, IngestFailure> {
    let hash = content_hash(&article.text);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql_err("begin"))?;
    let existing: Option<String> = tx
        .prepare_cached("SELECT content_hash FROM articles WHERE id = ?1 OR content_hash = ?2")
        .and_then(|mut s| {
            s.query_row(params![article.id.0, hash], |r| r.get(0))
                .optional()
        })
        .map_err(sql_err("looking up article"))?;
    match existing {
        Some(h) if h == hash => return Ok(IngestOutcome::Duplicate),
        Some(_) => return Err(IngestFailure::IdCollision),
        None => {}
    }
    let now = now();
    tx.prepare_cached(
        "INSERT INTO articles (id, content_hash, text, title, published, source, url, origin, \
         ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )
    .and_then(|mut s| {
        s.execute(params![
            article.id.0,
            hash,
            article.text,
            article.title,
            article.published,
            article.source,
            article.url,
            article.origin,
            now
        ])
    })
    .map_err(sql_err("inserting article"))?;
    insert_mentions(&tx, article, mentions)?;
    for event in events {
        insert_event(&tx, article, event, &now)?;
    }
    tx.commit().map_err(sql_err("commit"))?;
    Ok(IngestOutcome::Inserted)
}

/// Checks that `span` slices `text`.
fn valid_span(text: &str, span: Span) -> bool {
    span.start <= span.end && text.get(span.start..span.end).is_some()
}

fn insert_mentions(
    tx: &rusqlite::Transaction<'_>,
    article: &Article,
    mentions: &[Mention],
) -> Result<(), IngestFailure> {
    let text = &article.text;
    let mut stmt = tx
        .prepare_cached(
            "INSERT INTO mentions (article_id, ord, type, byte_start, byte_end, char_start, \
             char_end, sentence, surface, place_geonameid, place_country, place_admin1_code, \
             actor_id, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )
        .map_err(sql_err("preparing mention insert"))?;
    for (index, m) in mentions.iter().enumerate() {
        if !valid_span(text, m.span) {
            return Err(IngestFailure::BadMentionSpan {
                index,
                start: m.span.start,
                end: m.span.end,
                len: text.len(),
            });
        }
        let (char_start, char_end) = article.char_span(m.span);
        let place = m.as_place().and_then(|p| p.place.as_ref());
        let actor_id = match &m.kind {
            MentionKind::Actor(a) => Some(a.id.as_ref()),
            MentionKind::Person(p) => p.affiliation.as_deref(),
            _ => None,
        };
        let payload =
            serde_json::to_string(&m.kind).map_err(|source| IngestFailure::Serialise {
                what: format!("mention {index}"),
                source,
            })?;
        stmt.execute(params![
            article.id.0,
            index,
            m.type_name(),
            m.span.start,
            m.span.end,
            char_start,
            char_end,
            m.sentence,
            m.text,
            place.and_then(|p| p.geonameid),
            place.map(|p| &*p.country),
            place.and_then(|p| p.admin1_code.as_deref()),
            actor_id,
            payload
        ])
        .map_err(sql_err(format!("inserting mention {index}")))?;
    }
    Ok(())
}

/// The folded place search key: every name and code of every place of the event.
fn place_search(event: &Event) -> String {
    let mut key = String::new();
    for p in event.place.iter().chain(&event.places) {
        let parts = [
            Some(&*p.name),
            p.admin1.as_deref(),
            p.admin1_code.as_deref(),
            Some(&*p.country),
            Some(&*p.country_name),
        ];
        for part in parts.into_iter().flatten() {
            key.push_str(&fold(part));
            key.push('\n');
        }
    }
    key
}

/// The folded actor search key: ids and names of actor, target and person.
fn actor_search(event: &Event) -> String {
    let mut key = String::new();
    for a in event.actor.iter().chain(&event.target) {
        for part in [&a.id, &a.name] {
            key.push_str(&fold(part));
            key.push('\n');
        }
    }
    if let Some(p) = &event.person {
        for part in [p.id.as_deref(), Some(p.name.as_ref())]
            .into_iter()
            .flatten()
        {
            key.push_str(&fold(part));
            key.push('\n');
        }
    }
    key
}

fn insert_event(
    tx: &rusqlite::Transaction<'_>,
    article: &Article,
    event: &Event,
    now: &str,
) -> Result<(), IngestFailure> {
    let stripped = Event {
        sources: Vec::new(),
        ..event.clone()
    };
    let payload = serde_json::to_string(&stripped).map_err(|source| IngestFailure::Serialise {
        what: format!("event {}", event.id),
        source,
    })?;
    let place = event.place.as_ref();
    let date = event.date.as_ref();
    tx.prepare_cached(
        "INSERT INTO events (id, kind, actor_id, target_id, place_geonameid, place_name, \
         place_admin1, place_admin1_code, place_country, place_lat, place_lon, date_start, \
         date_end, precision, relation, negated, hypothetical, confidence, plover_type, \
         plover_mode, acled_event_type, acled_sub_event_type, fatalities, place_search, \
         actor_search, payload, first_seen, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
         ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?27) \
         ON CONFLICT (id) DO UPDATE SET confidence = max(confidence, excluded.confidence), \
         updated_at = excluded.updated_at",
    )
    .and_then(|mut s| {
        s.execute(params![
            event.id,
            event.kind.as_str(),
            event.actor.as_ref().map(|a| a.id.as_ref()),
            event.target.as_ref().map(|a| a.id.as_ref()),
            place.and_then(|p| p.geonameid),
            place.map(|p| &*p.name),
            place.and_then(|p| p.admin1.as_deref()),
            place.and_then(|p| p.admin1_code.as_deref()),
            place.map(|p| &*p.country),
            place.map(|p| p.lat),
            place.map(|p| p.lon),
            date.map(|d| d.start),
            date.map(|d| d.end),
            date.map(|d| enum_name(&d.precision)),
            date.map(|d| enum_name(&d.relation)),
            event.negated,
            event.hypothetical,
            event.confidence,
            event.plover.as_ref().map(|p| p.event_type.as_str()),
            event.plover.as_ref().and_then(|p| p.mode.as_deref()),
            event.acled.as_ref().map(|a| a.event_type.as_str()),
            event.acled.as_ref().map(|a| a.sub_event_type.as_str()),
            event.fatalities.as_ref().map(|q| q.value),
            place_search(event),
            actor_search(event),
            payload,
            now
        ])
    })
    .map_err(sql_err(format!("inserting event {}", event.id)))?;
    for ev in &event.sources {
        insert_evidence(tx, article, event, ev)?;
    }
    Ok(())
}

fn insert_evidence(
    tx: &rusqlite::Transaction<'_>,
    article: &Article,
    event: &Event,
    ev: &Evidence,
) -> Result<(), IngestFailure> {
    if ev.article == article.id {
        let spans = [ev.sentence_span, ev.trigger]
            .into_iter()
            .chain(ev.fields.iter().map(|f| f.span));
        for span in spans {
            if !valid_span(&article.text, span) {
                return Err(IngestFailure::BadEvidenceSpan {
                    event: event.id.clone(),
                    start: span.start,
                    end: span.end,
                    len: article.text.len(),
                });
            }
        }
    } else {
        // Another article's report is kept only once that article is stored;
        // it arrives with that article's own ingest otherwise.
        let known = tx
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
            .and_then(|mut s| s.exists([&ev.article.0]))
            .map_err(sql_err("looking up evidence article"))?;
        if !known {
            return Ok(());
        }
    }
    let fields = serde_json::to_string(&ev.fields).map_err(|source| IngestFailure::Serialise {
        what: format!("evidence fields of event {}", event.id),
        source,
    })?;
    tx.prepare_cached(
        "INSERT OR IGNORE INTO event_sources (event_id, article_id, sentence_start, \
         sentence_end, trigger_start, trigger_end, sentence, fields) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )
    .and_then(|mut s| {
        s.execute(params![
            event.id,
            ev.article.0,
            ev.sentence_span.start,
            ev.sentence_span.end,
            ev.trigger.start,
            ev.trigger.end,
            ev.sentence,
            fields
        ])
    })
    .map_err(sql_err(format!("inserting evidence of event {}", event.id)))?;
    Ok(())
}

/// The serde (snake_case) name of a unit enum variant.
fn enum_name<T: serde::Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}
