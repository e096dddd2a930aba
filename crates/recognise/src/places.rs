//! Place recognition: gazetteer names found in the text, filtered against
//! common-word and person-name false alarms, resolved to one entry by context,
//! and labelled with how they are used (literal, metonym, modifier).
//!
//! Resolution scores every candidate entry of a name: its importance (kind,
//! population, capital), how the name belongs to it (own name over GeoNames
//! alternate), words around it ("Herat province", "city of Herat", "Lashkar
//! Gah, Helmand Province") and, in a second pass, the article's other places
//! (a country the article is mostly about, provinces it names). Garbled names
//! are looked up fuzzily only in a place-like context (after "in", "near", in a
//! list of places), only among the focus country's places or big ones, and
//! never for words the caller knows as other names (actor aliases).
//!
//! What this does not do: find lower-case place names, resolve places the
//! gazetteer lacks (those stay as unresolved mentions when the context makes
//! them clearly places), or decide what happened there.

use std::borrow::Cow;

use sitrep_gazetteer::{Entry, EntryId, Gazetteer, Hit, NameKind};
use sitrep_model::{Mention, MentionKind, Place, PlaceKind, PlaceMention, PlaceRole, Span};

mod context;
mod score;

#[cfg(test)]
mod tests;

use context::{Context, Plausible};
use score::Candidate;

/// One name found in the text, before resolution.
struct Found<'g> {
    span: Span,
    words: std::ops::Range<usize>,
    /// Borrowed from the scan unless filtered or found fuzzily.
    hits: Cow<'g, [Hit]>,
    /// The entry of each hit, decoded once for every step that weighs it.
    entries: Vec<Entry<'g>>,
    /// Edit distance of a fuzzy match, 0 for exact ones.
    distance: u8,
    /// The kind the words in and around the name ask for.
    hint: Option<PlaceKind>,
    /// The candidates of a name after ", " that may contain this one.
    containers: &'g [Hit],
}

impl<'g> Found<'g> {
    /// A name with its entries and the words around it, read once for
    /// both passes of resolution.
    fn new(
        ctx: &Context<'g>,
        span: Span,
        words: std::ops::Range<usize>,
        hits: Cow<'g, [Hit]>,
        distance: u8,
    ) -> Found<'g> {
        let entries = hits.iter().map(|h| ctx.g.entry(h.entry)).collect();
        Found {
            span,
            hint: ctx.kind_hint_words(words.clone()),
            containers: ctx.container(words.end),
            words,
            hits,
            entries,
            distance,
        }
    }
}

/// Finds and resolves every place name in `text`.
pub fn recognise(gazetteer: &Gazetteer, text: &str, sentences: &[Span]) -> Vec<Mention> {
    recognise_known(gazetteer, text, sentences, &[])
}

/// Like [`recognise`], given the spans of names another dictionary already
/// knows (the actor dictionary's aliases, sorted, not overlapping): a word
/// inside one is a known name, never looked up fuzzily as a garbled place
/// ("Taliban" is not a misspelt town).
pub fn recognise_known(
    gazetteer: &Gazetteer,
    text: &str,
    sentences: &[Span],
    known: &[Span],
) -> Vec<Mention> {
    recognise_in_context(gazetteer, text, sentences, known, &[])
}

/// Like [`recognise_known`], given the countries of the named actors the
/// article mentions: "a Taliban assault on Faizabad" is about Afghanistan,
/// which decides between namesakes when no other place does. Each named actor
/// weighs half a place name.
pub fn recognise_in_context(
    gazetteer: &Gazetteer,
    text: &str,
    sentences: &[Span],
    known: &[Span],
    actor_countries: &[&str],
) -> Vec<Mention> {
    let scan = gazetteer.scan(text);
    let ctx = Context::new(gazetteer, &scan, text, sentences);
    let mut found = Vec::new();
    let mut in_focus = Vec::new();
    for m in &scan.matches {
        let f = Found::new(
            &ctx,
            m.span,
            m.words.clone(),
            dedup(gazetteer, scan.hits(m)),
            0,
        );
        match ctx.plausible(&f) {
            Plausible::Yes => found.push(f),
            Plausible::InFocus => in_focus.push(f),
            Plausible::No => {}
        }
    }
    // First pass: each name on its own, to learn what the article is about.
    let mut scores = score::Scores::default();
    let first: Vec<Option<Candidate>> = found
        .iter()
        .map(|f| score::best(&ctx, f, None, &mut scores))
        .collect();
    let article = score::ArticleContext::from_winners(&found, &first, actor_countries);
    if let Some(focus) = article.focus() {
        for f in in_focus {
            let hits: Vec<Hit> = (f.hits.iter().zip(&f.entries))
                .filter(|(_, e)| e.country == focus)
                .map(|(h, _)| *h)
                .collect();
            if !hits.is_empty() {
                found.push(Found::new(&ctx, f.span, f.words, hits.into(), 0));
            }
        }
    }
    found.extend(ctx.fuzzy_candidates(&article, &found, known));
    found.sort_by_key(|f| f.span.start);
    let mut out = Vec::with_capacity(found.len());
    let mut places = Places::default();
    // The place just resolved and the word after its name, for "Kabul's
    // Sherpur area".
    let mut owner: Option<(usize, &Entry)> = None;
    for f in &found {
        let mut best = score::best(&ctx, f, Some(&article), &mut scores);
        let part_elsewhere = match (owner, best) {
            (Some((after, outer)), Some(c))
                if ctx.possessive(after) == Some(f.words.start.wrapping_sub(1)) =>
            {
                !within(outer, &f.entries[c.at])
            }
            _ => false,
        };
        owner = best.map(|c| (f.words.end, &f.entries[c.at]));
        if part_elsewhere || best.is_some_and(|c| article.stray(&f.entries[c.at])) {
            // Kept, unresolved, only where the words around call it a place.
            if !ctx.has_evidence(f) {
                continue;
            }
            best = None;
        }
        out.push(mention(&mut places, &ctx, text, sentences, f, best));
    }
    for mut m in ctx.unresolved(&found) {
        m.sentence = sentence_index(sentences, m.span.start);
        out.push(m);
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// True when `inner` can be a part of `outer` ("Kabul's Sherpur area",
/// "Helmand's Nad Ali district"): inside the same country, and for a town
/// within a short drive of it, for a province inside it.
fn within(outer: &Entry, inner: &Entry) -> bool {
    const NEAR_TOWN_KM: f64 = 60.0;
    outer.country == inner.country
        && match outer.kind {
            PlaceKind::City | PlaceKind::Other => {
                sitrep_model::great_circle_km(outer.lat, outer.lon, inner.lat, inner.lon)
                    <= NEAR_TOWN_KM
            }
            PlaceKind::Admin1 => outer.admin1_code == inner.admin1_code,
            PlaceKind::Admin2 | PlaceKind::Country => true,
        }
}

/// One hit per GeoNames id (a user alias copies a shipped entry), keeping the
/// strongest kind of name.
fn dedup<'h>(g: &Gazetteer, hits: &'h [Hit]) -> Cow<'h, [Hit]> {
    // Most names have no such copies: then the hits are kept as they are.
    let repeats = |i: usize| {
        let (h, id) = (hits[i], g.geonameid(hits[i].entry));
        hits[..i]
            .iter()
            .any(|o| o.entry == h.entry || (id.is_some() && g.geonameid(o.entry) == id))
    };
    if !(1..hits.len()).any(repeats) {
        return Cow::Borrowed(hits);
    }
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut ids: Vec<Option<u64>> = Vec::with_capacity(hits.len());
    for h in hits {
        let id = g.geonameid(h.entry);
        let same = out
            .iter_mut()
            .zip(&ids)
            .find(|(o, &oid)| o.entry == h.entry || (id.is_some() && oid == id));
        match same {
            Some((o, _)) => o.name = o.name.min(h.name),
            None => {
                out.push(*h);
                ids.push(id);
            }
        }
    }
    Cow::Owned(out)
}

/// The places an article's mentions resolve to, each made once: an article
/// names the same few places again and again.
#[derive(Default)]
struct Places(Vec<(EntryId, Place)>);

impl Places {
    fn get(&mut self, g: &Gazetteer, e: &Entry) -> Place {
        if let Some((_, p)) = self.0.iter().find(|(id, _)| *id == e.id) {
            return p.clone();
        }
        let p = g.place_of(e);
        self.0.push((e.id, p.clone()));
        p
    }
}

fn mention(
    places: &mut Places,
    ctx: &Context,
    text: &str,
    sentences: &[Span],
    f: &Found,
    best: Option<Candidate>,
) -> Mention {
    let g = ctx.g;
    // "the Qatari capital" names Doha.
    if let Some((capital, span)) = best
        .as_ref()
        .and_then(|c| capital_named(g, text, f.span, c, &f.entries[c.at]))
    {
        return Mention {
            span,
            text: span.slice(text).to_string(),
            sentence: sentence_index(sentences, span.start),
            kind: MentionKind::Place(PlaceMention {
                place: Some(places.get(g, &g.entry(capital))),
                score: best.as_ref().map_or(0.0, |c| c.confidence),
                candidates: 1,
                fuzzy: false,
                role: PlaceRole::Literal,
            }),
        };
    }
    let (place, score, role) = match &best {
        Some(c) => {
            let e = &f.entries[c.at];
            let role = if c.name == NameKind::Demonym {
                PlaceRole::Modifier
            } else if ctx.is_metonym(f.words.end, e, f.words.start) {
                PlaceRole::Metonym
            } else {
                PlaceRole::Literal
            };
            (Some(places.get(g, e)), c.confidence, role)
        }
        None => (None, 0.0, PlaceRole::Literal),
    };
    Mention {
        span: f.span,
        text: f.span.slice(text).to_string(),
        sentence: sentence_index(sentences, f.span.start),
        kind: MentionKind::Place(PlaceMention {
            place,
            score,
            candidates: f.hits.len(),
            fuzzy: f.distance > 0,
            role,
        }),
    }
}

/// The capital a country's adjective names with "capital" after it ("the
/// Qatari capital", "the Afghan capital"), with the span of both words.
fn capital_named(
    g: &Gazetteer,
    text: &str,
    span: Span,
    c: &Candidate,
    e: &Entry,
) -> Option<(EntryId, Span)> {
    if c.name != NameKind::Demonym {
        return None;
    }
    if e.kind != sitrep_model::PlaceKind::Country {
        return None;
    }
    let rest = text[span.end..].strip_prefix(' ')?;
    let word = "capital";
    let after = rest.get(word.len()..)?;
    if !rest.starts_with(word) || after.starts_with(|ch: char| ch.is_alphanumeric()) {
        return None;
    }
    let capital = g.capital(e.country)?;
    Some((capital, Span::new(span.start, span.end + 1 + word.len())))
}

fn sentence_index(sentences: &[Span], offset: usize) -> usize {
    sitrep_text::sentence_of(sentences, offset).unwrap_or_else(|| {
        sentences
            .partition_point(|s| s.end <= offset)
            .min(sentences.len().saturating_sub(1))
    })
}

/// The country the article is mostly about (ISO 3166-1 alpha-2), judged from its
/// resolved place mentions, used to resolve generic actors ("militants").
///
/// Places named literally count fully, metonyms and modifiers ("Afghan
/// forces", "Washington said") half; a country must lead and be named at
/// least twice.
pub fn focus_country(places: &[Mention]) -> Option<String> {
    let mut counts: Vec<(&str, f64)> = Vec::new();
    for m in places {
        let Some(p) = m.as_place() else { continue };
        let Some(place) = &p.place else { continue };
        if place.country.is_empty() {
            continue;
        }
        let w = match p.role {
            PlaceRole::Literal => 1.0,
            PlaceRole::Metonym | PlaceRole::Modifier => 0.5,
        };
        match counts.iter_mut().find(|(c, _)| *c == &*place.country) {
            Some((_, n)) => *n += w,
            None => counts.push((&place.country, w)),
        }
    }
    counts.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (lead, n) = *counts.first()?;
    let second = counts.get(1).map_or(0.0, |c| c.1);
    (n >= 1.5 && second < n).then(|| lead.to_string())
}
