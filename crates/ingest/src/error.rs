//! The one error type of the crate. Every variant names the input it is about
//! (a path, `-`, or `path#record12`-style origin) and, where it helps find the
//! problem, the feed item, WARC record or byte offset. `Display` is one line.

use std::path::PathBuf;

/// Why one input (or one item/record inside it) produced no article.
///
/// None of these stop a batch: [`crate::Reader::read_path`] yields the error and
/// goes on with the next file, item or record.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path does not exist.
    #[error("{}: no such file or directory", .path.display())]
    NotFound { path: PathBuf },

    /// An I/O error while reading (permissions, a directory that vanished...).
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The input has no bytes, or only whitespace.
    #[error("{origin}: empty input")]
    Empty { origin: String },

    /// The input is larger than the reader's `max_bytes`; it was not read.
    /// `size` is known for files, unknown for streams and decompressed data.
    #[error("{origin}: too large ({}, limit {max} bytes)", describe_size(*.size, *.max))]
    TooLarge {
        origin: String,
        size: Option<u64>,
        max: u64,
    },

    /// The input looks binary (a NUL byte or many control characters).
    #[error("{origin}: binary data, not text (byte offset {offset})")]
    Binary { origin: String, offset: usize },

    /// Bytes that are not valid UTF-8, in an input that declares no other charset.
    #[error("{origin}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { origin: String, offset: usize },

    /// A declared charset this crate cannot decode.
    #[error("{origin}: unknown charset {charset:?}")]
    UnknownCharset { origin: String, charset: String },

    /// An HTML page (or feed item) whose main text came out empty after
    /// boilerplate removal.
    #[error("{origin}: no article text found")]
    NoText { origin: String },

    /// The feed's XML broke at a byte offset; items before it were read.
    #[error("{origin}: malformed feed at byte offset {offset}: {reason}")]
    Feed {
        origin: String,
        offset: u64,
        reason: String,
    },

    /// One feed item could not become an article; the other items still do.
    #[error("{origin}: item {item}: {reason}")]
    FeedItem {
        origin: String,
        item: usize,
        reason: String,
    },

    /// One WARC record was malformed, truncated or unreadable; reading resumes
    /// at the next record when the stream allows it.
    #[error("{origin}: record {record}: {reason}")]
    WarcRecord {
        origin: String,
        record: usize,
        reason: String,
    },
}

impl IngestError {
    /// The input the error is about, as given (a path, `-`, or an origin).
    pub fn origin(&self) -> String {
        match self {
            IngestError::NotFound { path } | IngestError::Io { path, .. } => {
                path.display().to_string()
            }
            IngestError::Empty { origin }
            | IngestError::TooLarge { origin, .. }
            | IngestError::Binary { origin, .. }
            | IngestError::InvalidUtf8 { origin, .. }
            | IngestError::UnknownCharset { origin, .. }
            | IngestError::NoText { origin }
            | IngestError::Feed { origin, .. }
            | IngestError::FeedItem { origin, .. }
            | IngestError::WarcRecord { origin, .. } => origin.clone(),
        }
    }
}

fn describe_size(size: Option<u64>, max: u64) -> String {
    match size {
        Some(n) => format!("{n} bytes"),
        None => format!("more than {max} bytes"),
    }
}
