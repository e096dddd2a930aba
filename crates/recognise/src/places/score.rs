//! Ranking a name's candidate entries: importance, how the name belongs to
//! the entry, the words around it, and what else the article names.

use sitrep_gazetteer::{Entry, EntryId, Gazetteer, NameKind};
use sitrep_model::PlaceKind;

use super::context::Context;
use super::Found;

/// The chosen entry of a name.
#[derive(Clone, Copy, Debug)]
pub(super) struct Candidate {
    pub entry: EntryId,
    /// Its place among the name's hits and decoded entries.
    pub at: usize,
    pub name: NameKind,
    /// Share of the winner in the candidates' softmax, in 0..=1.
    pub confidence: f64,
}

/// What the article as a whole names, learnt from a first pass.
#[derive(Debug, Default)]
pub(super) struct ArticleContext {
    focus: Option<String>,
    /// Mentions per country (ISO alpha-2); an article names a handful.
    countries: Vec<(String, f64)>,
    /// The admin1 units named; a handful, looked up for every candidate.
    admin1: Vec<EntryId>,
}

impl ArticleContext {
    /// Gathers countries (weighted by mentions) and admin1 units from the
    /// first-pass winners.
    pub fn from_winners(
        found: &[Found],
        winners: &[Option<Candidate>],
        actor_countries: &[&str],
    ) -> ArticleContext {
        let mut ctx = ArticleContext::default();
        for country in actor_countries {
            match ctx.countries.iter_mut().find(|(c, _)| c == country) {
                Some((_, n)) => *n += 0.5,
                None => ctx.countries.push((country.to_string(), 0.5)),
            }
        }
        let won = found.iter().zip(winners);
        for (f, c) in won.filter_map(|(f, c)| Some((f, c.as_ref()?))) {
            let e = &f.entries[c.at];
            if e.country.is_empty() {
                continue;
            }
            let w = if c.name == NameKind::Demonym {
                0.5
            } else {
                1.0
            };
            match ctx.countries.iter_mut().find(|(c, _)| c == e.country) {
                Some((_, n)) => *n += w,
                None => ctx.countries.push((e.country.to_string(), w)),
            }
            if e.kind == PlaceKind::Admin1 && !ctx.admin1.contains(&c.entry) {
                ctx.admin1.push(c.entry);
            }
        }
        let mut ranked: Vec<&(String, f64)> = ctx.countries.iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        if let Some((c, n)) = ranked.first() {
            let second = ranked.get(1).map_or(0.0, |r| r.1);
            if *n >= 1.5 && *n > second {
                ctx.focus = Some(c.clone());
            }
        }
        ctx
    }

    /// Mentions of a country in the first pass.
    fn mentions_of(&self, country: &str) -> f64 {
        self.countries
            .iter()
            .find(|(c, _)| c == country)
            .map_or(0.0, |(_, n)| *n)
    }

    /// The country the article is mostly about.
    pub fn focus(&self) -> Option<&str> {
        self.focus.as_deref()
    }

    /// True if `e` is a small town of a country the article names nowhere
    /// else while it is plainly about another country: the name is then far
    /// more likely a place the gazetteer lacks (a quarter of a city, a
    /// village) than a namesake abroad ("Sherpur" in a Kabul report is not
    /// the Bangladeshi town).
    pub fn stray(&self, e: &Entry) -> bool {
        let Some(focus) = self.focus() else {
            return false;
        };
        let strong = self.mentions_of(focus) >= 3.0;
        let named_elsewhere = self.mentions_of(e.country) > 1.0;
        strong
            && e.country != focus
            && e.kind == PlaceKind::City
            && e.population < 200_000
            && !named_elsewhere
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

/// Room for the scores of one name's candidates, reused from name to name.
#[derive(Default)]
pub(super) struct Scores(Vec<(f64, Candidate)>);

/// The best candidate of a name; `article` is `None` in the first pass,
/// which leaves the confidence at 0.
pub(super) fn best(
    ctx: &Context,
    f: &Found,
    article: Option<&ArticleContext>,
    scores: &mut Scores,
) -> Option<Candidate> {
    // A name of one candidate, most names, needs no scores: it wins with
    // a softmax share of exactly 1.
    if let ([h], [_]) = (&*f.hits, &*f.entries) {
        return Some(Candidate {
            entry: h.entry,
            at: 0,
            name: h.name,
            confidence: match article {
                None => 0.0,
                Some(_) => fuzzy_share(f, 1.0),
            },
        });
    }
    let g = ctx.g;
    let (hint, containers) = (f.hint, f.containers);
    let scored = &mut scores.0;
    scored.clear();
    for (at, (h, e)) in f.hits.iter().zip(&f.entries).enumerate() {
        let mut s = importance(e) + name_bonus(h.name) - 2.0 * f64::from(f.distance);
        match hint {
            Some(k) => s += if k == e.kind { 8.0 } else { -2.0 },
            // A district named like a place in it ("Spin Boldak") means that
            // place, its centre, unless the words around say "district".
            None if e.kind == PlaceKind::Admin2
                && f.entries
                    .iter()
                    .any(|o| o.kind == PlaceKind::City && o.admin1_code == e.admin1_code) =>
            {
                s -= 3.0;
            }
            None => {}
        }
        if containers.iter().any(|c| contains(g, c.entry, e)) {
            s += 10.0;
        }
        if let Some(a) = article {
            if !e.country.is_empty() {
                if a.focus() == Some(e.country) {
                    s += 5.0;
                } else if a.mentions_of(e.country) >= 1.0 {
                    s += 2.0;
                }
            }
            // The entry's admin1 was found when it was decoded.
            if e.admin1
                .is_some_and(|a1| a1 != h.entry && a.admin1.contains(&a1))
            {
                s += 4.0;
            }
        }
        scored.push((
            s,
            Candidate {
                entry: h.entry,
                at,
                name: h.name,
                confidence: 0.0,
            },
        ));
    }
    let (s, mut c) = scored
        .iter()
        .copied()
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.entry.cmp(&a.1.entry)))?;
    // The first pass only learns the winners; their confidence is unused.
    if article.is_none() {
        return Some(c);
    }
    let top = scored
        .iter()
        .map(|(s, _)| *s)
        .fold(f64::NEG_INFINITY, f64::max);
    let sum: f64 = scored.iter().map(|(s, _)| (s - top).exp()).sum();
    c.confidence = fuzzy_share(f, ((s - top).exp() / sum).clamp(0.0, 1.0));
    Some(c)
}

/// The confidence of a winner with softmax share `share`, lower for a
/// garbled name found fuzzily.
fn fuzzy_share(f: &Found, share: f64) -> f64 {
    if f.distance > 0 {
        share * 0.7
    } else {
        share
    }
}

/// True if `outer` (a country or admin1) contains `inner`.
fn contains(g: &Gazetteer, outer: EntryId, inner: &Entry) -> bool {
    if outer == inner.id {
        return false;
    }
    let o = g.entry(outer);
    match o.kind {
        PlaceKind::Country => o.country == inner.country,
        PlaceKind::Admin1 => inner.admin1 == Some(outer),
        _ => false,
    }
}
