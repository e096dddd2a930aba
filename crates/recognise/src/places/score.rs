//! Ranking a name's candidate entries: importance, how the name belongs to
//! the entry, the words around it, and what else the article names.

use std::collections::{HashMap, HashSet};

use sitrep_gazetteer::{Entry, EntryId, Gazetteer, NameKind};
use sitrep_model::PlaceKind;

use super::context::Context;
use super::Found;

/// The chosen entry of a name.
#[derive(Clone, Copy, Debug)]
pub(super) struct Candidate {
    pub entry: EntryId,
    pub name: NameKind,
    /// Share of the winner in the candidates' softmax, in 0..=1.
    pub confidence: f64,
}

/// What the article as a whole names, learnt from a first pass.
#[derive(Debug, Default)]
pub(super) struct ArticleContext {
    focus: Option<String>,
    countries: HashMap<String, f64>,
    admin1: HashSet<EntryId>,
}

impl ArticleContext {
    /// Gathers countries (weighted by mentions) and admin1 units from the
    /// first-pass winners.
    pub fn from_winners(g: &Gazetteer, winners: &[Option<Candidate>]) -> ArticleContext {
        let mut ctx = ArticleContext::default();
        for c in winners.iter().flatten() {
            let e = g.entry(c.entry);
            if e.country.is_empty() {
                continue;
            }
            let w = if c.name == NameKind::Demonym {
                0.5
            } else {
                1.0
            };
            *ctx.countries.entry(e.country.to_string()).or_default() += w;
            if e.kind == PlaceKind::Admin1 {
                ctx.admin1.insert(c.entry);
            }
        }
        let mut ranked: Vec<(&String, &f64)> = ctx.countries.iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
        if let Some((c, n)) = ranked.first() {
            let second = ranked.get(1).map_or(0.0, |r| *r.1);
            if **n >= 1.5 && **n > second {
                ctx.focus = Some((*c).clone());
            }
        }
        ctx
    }

    /// The country the article is mostly about.
    pub fn focus(&self) -> Option<&str> {
        self.focus.as_deref()
    }
}

/// Prior importance of an entry, before any context.
fn importance(e: &Entry) -> f64 {
    match e.kind {
        PlaceKind::Country => 10.0,
        PlaceKind::Admin1 => 6.0,
        PlaceKind::Admin2 => 3.5,
        PlaceKind::City => {
            1.2 * (e.population.max(10) as f64).log10() + if e.capital { 2.0 } else { 0.0 }
        }
        PlaceKind::Other => {
            if e.population >= 100_000_000 {
                8.0
            } else {
                5.0
            }
        }
    }
}

fn name_bonus(kind: NameKind) -> f64 {
    match kind {
        NameKind::Primary | NameKind::Alias => 2.0,
        NameKind::Alternate => 0.0,
        NameKind::Demonym => 9.0,
    }
}

/// The best candidate of a name; `article` is `None` in the first pass.
pub(super) fn best(
    ctx: &Context,
    f: &Found,
    article: Option<&ArticleContext>,
) -> Option<Candidate> {
    let g = ctx.g;
    let hint = ctx.kind_hint(f);
    let containers: Vec<EntryId> = ctx.container(f.words.end).iter().map(|h| h.entry).collect();
    let mut scored: Vec<(f64, Candidate)> = Vec::with_capacity(f.hits.len());
    for h in &f.hits {
        let e = g.entry(h.entry);
        let mut s = importance(&e) + name_bonus(h.name) - 2.0 * f64::from(f.distance);
        if let Some(k) = hint {
            s += if k == e.kind { 8.0 } else { -2.0 };
        }
        if containers.iter().any(|&c| contains(g, c, h.entry)) {
            s += 10.0;
        }
        if let Some(a) = article {
            if !e.country.is_empty() {
                if a.focus() == Some(e.country) {
                    s += 5.0;
                } else if a.countries.get(e.country).is_some_and(|&n| n >= 1.0) {
                    s += 2.0;
                }
            }
            if g.admin1_of(h.entry)
                .is_some_and(|a1| a1 != h.entry && a.admin1.contains(&a1))
            {
                s += 4.0;
            }
        }
        scored.push((
            s,
            Candidate {
                entry: h.entry,
                name: h.name,
                confidence: 0.0,
            },
        ));
    }
    let top = scored
        .iter()
        .map(|(s, _)| *s)
        .fold(f64::NEG_INFINITY, f64::max);
    let sum: f64 = scored.iter().map(|(s, _)| (s - top).exp()).sum();
    let (s, mut c) = scored
        .into_iter()
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.entry.cmp(&a.1.entry)))?;
    c.confidence = ((s - top).exp() / sum).clamp(0.0, 1.0);
    if f.distance > 0 {
        c.confidence *= 0.7;
    }
    Some(c)
}

/// True if `outer` (a country or admin1) contains `inner`.
fn contains(g: &Gazetteer, outer: EntryId, inner: EntryId) -> bool {
    if outer == inner {
        return false;
    }
    let o = g.entry(outer);
    let i = g.entry(inner);
    match o.kind {
        PlaceKind::Country => o.country == i.country,
        PlaceKind::Admin1 => g.admin1_of(inner) == Some(outer),
        _ => false,
    }
}
