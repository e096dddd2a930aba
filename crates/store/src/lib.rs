//! sitrep's event store: articles, their mentions and the events extracted from
//! them, kept in an embedded SQLite file with versioned migrations.
//!
//! The [`Store`] trait is the whole interface the rest of sitrep sees; it is
//! object-safe (`Box<dyn Store>`), so a PostgreSQL backend can later sit behind
//! it without touching callers. [`SqliteStore`] is the only implementation, and
//! this crate is the only place in sitrep that speaks SQL.
//!
//! What the store guarantees:
//! - **One transaction per article.** [`Store::ingest`] writes the article, all
//!   its mentions and all its events, or nothing (a failure midway, a killed
//!   process or a power cut leaves no partial article).
//! - **Idempotence.** Articles are keyed by the SHA-256 of their text; ingesting
//!   the same text again is a no-op returning [`IngestOutcome::Duplicate`].
//! - **Evidence accumulates.** An event whose id is already stored (the same
//!   event reported by another article, see `Event::compute_id`) is not
//!   duplicated: the new report is appended to its sources and its confidence
//!   becomes the maximum of the two. Nothing else of the stored event changes;
//!   reconciling conflicting fields is a later merge stage's job.
//! - **Lossless round trip.** Every mention and event is stored whole as JSON,
//!   plus indexed columns for the fields queries filter on; reading back gives
//!   the same values.
//!
//! What it does not do: deduplicate near-identical texts, merge events whose ids
//! differ, or resolve contradictions between reports. Later schema versions add
//! those as new migrations (`migrations/sqlite/NNNN_*.sql`).
//!
//! ```
//! use sitrep_model::Article;
//! use sitrep_store::{EventFilter, IngestOutcome, SqliteStore, Store};
//!
//! let mut store = SqliteStore::open_in_memory()?;
//! let article = Article::from_text("Fighting was reported near Kunduz.", "doc.txt");
//! assert_eq!(store.ingest(&article, &[], &[])?, IngestOutcome::Inserted);
//! assert_eq!(store.ingest(&article, &[], &[])?, IngestOutcome::Duplicate);
//! assert!(store.events(&EventFilter::default())?.is_empty());
//! # Ok::<(), sitrep_store::StoreError>(())
//! ```

mod error;
mod migrate;
mod sqlite;

use chrono::NaiveDate;
use sitrep_model::{Article, ArticleId, Event, EventKind, Mention};

pub use error::{IngestFailure, StoreError};
pub use migrate::SCHEMA_VERSION;
pub use sqlite::SqliteStore;

/// What [`Store::ingest`] did with an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IngestOutcome {
    /// The article was new; it and its mentions and events were written.
    Inserted,
    /// An article with the same text was already stored; nothing was written.
    Duplicate,
}

/// Which mentions to return.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum MentionFilter {
    /// Every mention of every article.
    #[default]
    All,
    /// The mentions of one article.
    Article(ArticleId),
}

/// Which events to return. Every criterion that is set must hold; the default
/// returns everything.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventFilter {
    /// Only events whose date range ends on or after this day. Undated events
    /// are excluded when this or `until` is set.
    pub since: Option<NaiveDate>,
    /// Only events whose date range starts on or before this day.
    pub until: Option<NaiveDate>,
    /// Only these kinds (empty: any kind).
    pub kinds: Vec<EventKind>,
    /// Case- and accent-insensitive substring of the place's name, admin1 name,
    /// ISO 3166-2 code, country code or country name (the main place or any of
    /// the extra places): `"kandahar"`, `"AF-HEL"`, `"afghan"`.
    pub place: Option<String>,
    /// Case- and accent-insensitive substring of the actor's, target's or
    /// person's id or name: `"taliban"`, `"af.government"`.
    pub actor: Option<String>,
    /// At most this many events (after ordering by start date, then id).
    pub limit: Option<usize>,
}

/// An article as stored, with when it was stored.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredArticle {
    /// The article.
    pub article: Article,
    /// When it was ingested (RFC 3339, UTC).
    pub ingested_at: String,
}

/// A mention as stored, with its article and its code point offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredMention {
    /// The article it was found in.
    pub article: ArticleId,
    /// The mention (its span is in bytes).
    pub mention: Mention,
    /// Code point offset of the span start.
    pub char_start: usize,
    /// Code point offset of the span end (exclusive).
    pub char_end: usize,
}

/// Row counts and schema version.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StoreStats {
    /// Schema version of the database.
    pub schema_version: u32,
    /// Stored articles.
    pub articles: u64,
    /// Stored mentions.
    pub mentions: u64,
    /// Distinct events.
    pub events: u64,
    /// Reports of events (an event reported by three articles counts three).
    pub event_sources: u64,
}

/// The storage interface every sitrep stage uses. Object-safe.
pub trait Store {
    /// Stores one article with its mentions and events in one transaction.
    ///
    /// Evidence that names another article is stored only if that article is
    /// already in the store (otherwise it arrives when that article is
    /// ingested); spans of this article's evidence and mentions must slice its
    /// text, or the whole article is rejected.
    fn ingest(
        &mut self,
        article: &Article,
        mentions: &[Mention],
        events: &[Event],
    ) -> Result<IngestOutcome, StoreError>;

    /// Every article, in ingestion order.
    fn articles(&self) -> Result<Vec<StoredArticle>, StoreError>;

    /// One article by id.
    fn article(&self, id: &ArticleId) -> Result<Option<Article>, StoreError>;

    /// Mentions, ordered by article (ingestion order) then by position.
    fn mentions(&self, filter: &MentionFilter) -> Result<Vec<StoredMention>, StoreError>;

    /// Events matching `filter`, each with all its sources, ordered by start
    /// date (undated last), then id.
    fn events(&self, filter: &EventFilter) -> Result<Vec<Event>, StoreError>;

    /// Row counts.
    fn stats(&self) -> Result<StoreStats, StoreError>;
}
