//! Recognition: finds the places, actors, people and dates an article names,
//! each with the exact span it came from.
//!
//! A [`Recogniser`] holds the two dictionaries recognition needs, the
//! [`Gazetteer`] and the [`ActorDictionary`], and turns one [`Article`] into a
//! [`Recognition`]: its sentences and its [`Mention`]s, sorted by position.
//! Place names are resolved to gazetteer entries by context; actor aliases to
//! canonical actors; pronouns to the person they refer back to; date expressions
//! to calendar ranges anchored on the publication date.
//!
//! Recognition does no I/O and never fails: garbled text yields fewer or
//! unresolved mentions, never an error. It does not decide what happened; that is
//! `sitrep-extract`'s job.

use sitrep_actors::ActorDictionary;
use sitrep_gazetteer::Gazetteer;
use sitrep_model::{Article, Mention, Span};

pub mod actors;
pub mod places;
pub mod time;

/// The result of recognising one article.
#[derive(Clone, Debug, Default)]
pub struct Recognition {
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// Every mention, sorted by start offset (mentions of different types may overlap).
    pub mentions: Vec<Mention>,
}

/// Recognises places, actors, people and dates in articles.
pub struct Recogniser {
    gazetteer: Gazetteer,
    actors: ActorDictionary,
    time: time::TimeRecogniser,
}

impl Recogniser {
    /// A recogniser over the given dictionaries.
    pub fn new(gazetteer: Gazetteer, actors: ActorDictionary) -> Recogniser {
        Recogniser {
            gazetteer,
            actors,
            time: time::TimeRecogniser::new(),
        }
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The actor dictionary in use.
    pub fn actors(&self) -> &ActorDictionary {
        &self.actors
    }

    /// Recognises everything in one article.
    pub fn recognise(&self, article: &Article) -> Recognition {
        let text = article.text.as_str();
        let sentences = sitrep_text::sentences(text);
        let mut mentions = places::recognise(&self.gazetteer, text, &sentences);
        let focus = places::focus_country(&mentions);
        mentions.extend(actors::recognise(
            &self.actors,
            text,
            &sentences,
            focus.as_deref(),
        ));
        mentions.extend(self.time.recognise(text, &sentences, article.published));
        mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        Recognition {
            sentences,
            mentions,
        }
    }
}
