//! The vocabulary every sitrep stage speaks: articles, spans, mentions, places,
//! actors, dates and events.
//!
//! This crate holds plain data types and the few invariants that come with them
//! (a [`Span`] always slices its article's text; an [`Event`] id is a hash of its
//! defining fields). It does no I/O, knows no file formats beyond serde, and
//! contains no recognition or extraction logic: those live in the stage crates,
//! which all depend on this one and on nothing above it.
//!
//! # Offsets
//!
//! Internally every [`Span`] counts **UTF-8 bytes** into [`Article::text`], so it
//! can slice the text directly. Everything sitrep prints as JSON reports
//! **Unicode code point** offsets (`start`, `end`, end exclusive) as well as the
//! byte offsets (`byte_start`, `byte_end`); [`Article::char_span`] converts.
//!
//! ```
//! use sitrep_model::{Article, Span};
//! let a = Article::from_text("Kābul fell.", "example.txt");
//! let span = Span::new(0, "Kābul".len());
//! assert_eq!(span.slice(&a.text), "Kābul");
//! assert_eq!(a.char_span(span), (0, 5));
//! ```

mod article;
mod event;
mod mention;
mod time;

pub use article::{content_hash, Article, ArticleId, Span};
pub use event::{
    AcledCode, Event, EventKind, Evidence, FieldEvidence, PloverCode, Qualifier, Quantity,
};
pub use mention::{
    great_circle_km, ActorKind, ActorMention, Mention, MentionKind, PersonMention, Place,
    PlaceKind, PlaceMention, PlaceRole, TimeMention,
};
pub use time::{DateRange, Precision, TimeRelation};
