use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A half-open range of UTF-8 byte offsets into an article's text.
///
/// The invariant every stage keeps: `text[span.start..span.end]` is valid and is
/// exactly the evidence the span stands for.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from byte offsets. Panics if `end < start`, which is always a bug.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span end {end} before start {start}");
        Span { start, end }
    }

    /// The text this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True if `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True if the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A stable article identifier: the first 16 hex digits of the SHA-256 of its text.
///
/// Two articles with the same text have the same id whatever their source, which is
/// what makes re-ingesting idempotent.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The full SHA-256 hex digest of a text, used as the content hash in the store.
pub fn content_hash(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// Lower-case hex digits of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    // One push per digit: formatting each byte cost more than the hash itself.
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    out
}

/// One report, after ingestion: its main text and what is known of where it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Content-derived id (see [`ArticleId`]).
    pub id: ArticleId,
    /// The main text, boilerplate removed. Every span indexes into this.
    pub text: String,
    /// Headline, when the input had one separate from the text.
    pub title: Option<String>,
    /// Publication date, the anchor for relative time expressions.
    pub published: Option<NaiveDate>,
    /// Site or outlet name ("Reuters", "TOLOnews").
    pub source: Option<String>,
    /// Canonical URL when known.
    pub url: Option<String>,
    /// Where sitrep read it from: a file path, `path#item3` for a feed item,
    /// `path#record12` for a WARC record, or `-` for stdin.
    pub origin: String,
}

impl Article {
    /// An article with only text and origin; metadata can be filled in afterwards.
    pub fn from_text(text: impl Into<String>, origin: impl Into<String>) -> Article {
        let text = text.into();
        let id = ArticleId(content_hash(&text)[..16].to_string());
        Article {
            id,
            text,
            title: None,
            published: None,
            source: None,
            url: None,
            origin: origin.into(),
        }
    }

    /// Converts a byte span into code point offsets `(start, end)`.
    pub fn char_span(&self, span: Span) -> (usize, usize) {
        char_offsets(&self.text, span)
    }
}

/// Converts a byte span of `text` into code point offsets.
pub(crate) fn char_offsets(text: &str, span: Span) -> (usize, usize) {
    let start = text[..span.start].chars().count();
    let end = start + text[span.start..span.end].chars().count();
    (start, end)
}
