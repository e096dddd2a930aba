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

use sitrep_actors::{ActorDictionary, AliasMatch};
use sitrep_gazetteer::Gazetteer;
use sitrep_model::{Article, Mention, MentionKind, Place, Span};
use sitrep_text::Token;

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
    /// The article's tokens ([`sitrep_text::tokens`]), in order, so later
    /// stages need not cut the text again.
    pub tokens: Vec<Token>,
    /// The country most of the article's places lie in, as the gazetteer
    /// has it: where a claim over "the country" or "18 provincial capitals"
    /// lies when the text does not name the country.
    pub focus: Option<Place>,
    /// The capitals of the governments and forces the article names, once
    /// each: where a government's words are placed when the text says
    /// nowhere else.
    pub capitals: Vec<Place>,
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
        self.recognise_with(article, self.actors.scan(&article.text))
    }

    /// Recognises a batch of articles: the recognitions of
    /// [`Recogniser::recognise`], in order, found faster. The actor aliases
    /// of the whole batch are scanned first, back to back: the alias
    /// automaton is megabytes, and its busy part stays in the processor's
    /// caches that way instead of being evicted by the gazetteer's tables
    /// between one article and the next.
    pub fn recognise_batch(&self, articles: &[Article]) -> Vec<Recognition> {
        let aliases: Vec<Vec<AliasMatch>> =
            articles.iter().map(|a| self.actors.scan(&a.text)).collect();
        articles
            .iter()
            .zip(aliases)
            .map(|(article, aliases)| self.recognise_with(article, aliases))
            .collect()
    }

    /// Recognises everything in one article, given its actor aliases
    /// ([`ActorDictionary::scan`]). They are found first: place recognition
    /// does not look them up as garbled place names.
    fn recognise_with(&self, article: &Article, aliases: Vec<AliasMatch>) -> Recognition {
        let text = article.text.as_str();
        let sentences = sitrep_text::sentences(text);
        // Tokenised once for every stage that reads tokens.
        let tokens = sitrep_text::tokens(text);
        let known: Vec<Span> = aliases.iter().map(|a| a.span).collect();
        let actor_countries: Vec<&str> = aliases
            .iter()
            .filter_map(|a| self.actors.owner_country(a.targets.owner?))
            .collect();
        let places = places::recognise_in_context(
            &self.gazetteer,
            text,
            &sentences,
            &known,
            &actor_countries,
        );
        let focus = places::focus_country(&places);
        let place_spans: Vec<Span> = places.iter().map(|m| m.span).collect();
        let input = actors::Input {
            text,
            sentences: &sentences,
            tokens: &tokens,
            places: &place_spans,
        };
        let actors = actors::recognise_aliases(&self.actors, &input, focus.as_deref(), &aliases);
        let places = outside_names(text, places, &actors);
        let times = self
            .time
            .recognise_tokens(text, &tokens, &sentences, article.published);
        let focus = focus
            .as_deref()
            .and_then(|c| self.gazetteer.country(c))
            .map(|id| self.gazetteer.place(id));
        let capitals = self.capitals(&actors);
        Recognition {
            mentions: merge_in_order([places, actors, times]),
            sentences,
            tokens,
            focus,
            capitals,
        }
    }
}

impl Recogniser {
    /// The capitals of the states among `actors`, in order of first mention.
    fn capitals(&self, actors: &[Mention]) -> Vec<Place> {
        let mut seen: Vec<&str> = Vec::new();
        for m in actors {
            let MentionKind::Actor(actor) = &m.kind else {
                continue;
            };
            let state = matches!(
                actor.kind,
                sitrep_model::ActorKind::Government | sitrep_model::ActorKind::StateForces
            );
            if let Some(c) = actor
                .country
                .as_deref()
                .filter(|c| state && !seen.contains(c))
            {
                seen.push(c);
            }
        }
        seen.into_iter()
            .filter_map(|c| self.gazetteer.capital(c))
            .map(|id| self.gazetteer.place(id))
            .collect()
    }
}

/// Places named inside a longer actor name ("the UN Assistance Mission in
/// Afghanistan", "Tigray Defence Forces") are part of the name: the
/// organisation does not stand in the place, and events must not be put there.
/// A possessive is not part of a name: "Russia's defence ministry" is Russia
/// acting.
fn outside_names(text: &str, mut places: Vec<Mention>, actors: &[Mention]) -> Vec<Mention> {
    // The actors' spans by start, each with the furthest end among it and
    // those before it: a place is then checked against all of them with one
    // binary search, not one comparison per actor.
    let mut spans: Vec<Span> = actors
        .iter()
        .filter(|a| matches!(a.kind, MentionKind::Actor(_)))
        .map(|a| a.span)
        .collect();
    if spans.is_empty() {
        return places;
    }
    spans.sort_unstable_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let reach: Vec<usize> = spans
        .iter()
        .scan(0, |far, s| {
            *far = s.end.max(*far);
            Some(*far)
        })
        .collect();
    // In a longer actor name: one starting before the place and reaching its
    // end, or one starting with it and ending after it (the longest of those
    // comes first).
    let inside = |p: Span| {
        let before = spans.partition_point(|s| s.start < p.start);
        (before > 0 && reach[before - 1] >= p.end)
            || spans
                .get(before)
                .is_some_and(|s| s.start == p.start && s.end > p.end)
    };
    let possessive = |p: &Mention| {
        let rest = &text[p.span.end..];
        rest.starts_with("'s") || rest.starts_with("\u{2019}s")
    };
    // "Hamas" is also a name of Hamm, in Germany: a name the actor
    // dictionary holds is that actor, except a country's (its place stays,
    // and extraction reads it as the government where it acts).
    let same = |p: &Mention| {
        let from = spans.partition_point(|s| s.start < p.span.start);
        spans[from..]
            .iter()
            .take_while(|s| s.start == p.span.start)
            .any(|s| s.end == p.span.end)
            && p.as_place()
                .and_then(|m| m.place.as_ref())
                .is_some_and(|place| place.kind != sitrep_model::PlaceKind::Country)
    };
    // Kept in place: only the mentions after a removed one move.
    places.retain(|p| (possessive(p) || !inside(p.span)) && !same(p));
    places
}

/// The mentions of every list, sorted by start, longest first; among equal
/// spans, earlier lists first.
///
/// Each list comes out of its recogniser (nearly) sorted, so sorting each and
/// merging moves every mention once, where sorting the whole would move the
/// large place mentions around several times.
fn merge_in_order<const N: usize>(lists: [Vec<Mention>; N]) -> Vec<Mention> {
    let key = |m: &Mention| (m.span.start, std::cmp::Reverse(m.span.end));
    let mut out = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    let mut lists = lists.map(|mut list| {
        // Most lists come sorted: checking is cheaper than the sort's
        // scratch copy of such large values.
        if !list.is_sorted_by_key(key) {
            list.sort_by_key(key);
        }
        list.into_iter()
    });
    loop {
        let mut best = None;
        // Each list's next mention is read where it lies (a peeking
        // iterator would first move it out, a copy of a large value).
        for (i, list) in lists.iter().enumerate() {
            if let Some(k) = list.as_slice().first().map(key) {
                if best.is_none_or(|(_, b)| k < b) {
                    best = Some((i, k));
                }
            }
        }
        let Some((i, _)) = best else { break };
        out.extend(lists[i].next());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recogniser() -> Recogniser {
        Recogniser::new(
            Gazetteer::shipped().expect("gazetteer"),
            ActorDictionary::shipped().expect("actors"),
        )
    }

    fn places(r: &Recogniser, text: &str) -> Vec<(String, String)> {
        let article = Article::from_text(text, "t.txt");
        r.recognise(&article)
            .mentions
            .iter()
            .filter_map(|m| m.as_place()?.place.as_ref())
            .map(|p| (p.name.to_string(), p.country.to_string()))
            .collect()
    }

    #[test]
    fn actors_decide_between_namesakes_and_own_the_places_in_their_names() {
        let r = recogniser();
        // The Taliban put Faizabad in Afghanistan, not in India.
        let got = places(&r, "Afghan forces repelled a Taliban assault on Faizabad.");
        assert!(got.iter().any(|(_, c)| c == "AF"), "{got:?}");
        assert!(got.iter().all(|(_, c)| c != "IN"), "{got:?}");
        // "Afghanistan" inside the mission's name is no place of its own.
        let got = places(
            &r,
            "The United Nations Assistance Mission in Afghanistan said fighting continued.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_name_the_actor_dictionary_holds_is_no_town_of_that_name() {
        let r = recogniser();
        // "Hamas" is also a GeoNames name of Hamm, in Germany.
        let got = places(&r, "Hamas said on Monday that it accepted the proposal.");
        assert!(got.iter().all(|(_, c)| c != "DE"), "{got:?}");
        // A country named as an actor stays a place.
        let got = places(&r, "Qatar said on Monday that talks would resume in Doha.");
        assert!(got.iter().any(|(n, _)| n == "Qatar"), "{got:?}");
    }
}
