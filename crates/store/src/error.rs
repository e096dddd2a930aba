use std::path::PathBuf;

/// Everything that can go wrong in the store, with the input it happened on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or configured.
    #[error("cannot open store {}: {source}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// The SQLite error.
        source: rusqlite::Error,
    },
    /// A schema migration failed; the database is left at the previous version.
    #[error("migration {version} ({name}) failed: {source}")]
    Migration {
        /// Migration number.
        version: u32,
        /// Migration file name.
        name: &'static str,
        /// The SQLite error.
        source: rusqlite::Error,
    },
    /// The database was written by a newer sitrep than this one.
    #[error(
        "store schema version {found} is newer than this build supports ({supported}); \
         upgrade sitrep or use another database file"
    )]
    SchemaTooNew {
        /// Version recorded in the database.
        found: u32,
        /// Newest version this build knows.
        supported: u32,
    },
    /// Ingesting one article failed; nothing of it was written.
    #[error("ingesting article {article}: {reason}")]
    Ingest {
        /// The article id.
        article: String,
        /// What went wrong.
        reason: IngestFailure,
    },
    /// A query failed.
    #[error("{context}: {source}")]
    Query {
        /// What the store was doing.
        context: &'static str,
        /// The SQLite error.
        source: rusqlite::Error,
    },
    /// A stored JSON payload could not be read back (a corrupt or foreign row).
    #[error("{table} row {key}: bad JSON payload: {source}")]
    Payload {
        /// Table name.
        table: &'static str,
        /// The row's key.
        key: String,
        /// The decoding error.
        source: serde_json::Error,
    },
}

/// Why an article could not be ingested.
#[derive(Debug, thiserror::Error)]
pub enum IngestFailure {
    /// The article's id is taken by a different text (a hash prefix collision or a
    /// hand-built article whose id does not match its text).
    #[error("id already stored for a different text")]
    IdCollision,
    /// A mention's span does not slice the article text.
    #[error("mention {index}: span {start}..{end} is not a valid slice of the {len}-byte text")]
    BadMentionSpan {
        /// Index in the mention list.
        index: usize,
        /// Span start (bytes).
        start: usize,
        /// Span end (bytes).
        end: usize,
        /// Text length (bytes).
        len: usize,
    },
    /// An event's evidence span does not slice the article text.
    #[error(
        "event {event}: evidence span {start}..{end} is not a valid slice of the {len}-byte text"
    )]
    BadEvidenceSpan {
        /// Event id.
        event: String,
        /// Span start (bytes).
        start: usize,
        /// Span end (bytes).
        end: usize,
        /// Text length (bytes).
        len: usize,
    },
    /// A value could not be serialised.
    #[error("{what}: {source}")]
    Serialise {
        /// Which value.
        what: String,
        /// The serde error.
        source: serde_json::Error,
    },
    /// SQLite refused a statement.
    #[error("{what}: {source}")]
    Sql {
        /// Which statement.
        what: String,
        /// The SQLite error.
        source: rusqlite::Error,
    },
}
