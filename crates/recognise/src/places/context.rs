//! The words around a name: what makes a name plausible as a place, which
//! kind of place it names, what contains it, whether it stands for a
//! government, and where a name the gazetteer lacks is still clearly a place.

use std::collections::HashMap;

use sitrep_gazetteer::{Entry, FuzzyHit, Gazetteer, Hit, NameKind, Scan, Sep};
use sitrep_model::{Mention, MentionKind, PlaceKind, PlaceMention, PlaceRole, Span};

use super::score::ArticleContext;
use super::Found;

/// Prepositions after which a capitalised word is most likely a place.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "into",
    "outside",
    "inside",
    "towards",
    "toward",
    "across",
    "around",
    "via",
    "to",
    "through",
    "throughout",
    "north",
    "south",
    "east",
    "west",
];

/// Words that say a name is an admin unit or a city.
const ADMIN1_WORDS: &[&str] = &[
    "province",
    "provinces",
    "governorate",
    "state",
    "oblast",
    "region",
    "prefecture",
    "wilayah",
    "vilayet",
    "provincial",
    "governor",
];
const ADMIN2_WORDS: &[&str] = &["district", "districts", "raion", "county", "municipality"];
const CITY_WORDS: &[&str] = &["city", "town", "village", "capital"];

/// Words before a capitalised word that are not part of a person's name.
const NOT_NAME: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "at",
    "on",
    "of",
    "from",
    "to",
    "for",
    "by",
    "with",
    "and",
    "or",
    "but",
    "as",
    "after",
    "before",
    "near",
    "into",
    "outside",
    "when",
    "while",
    "since",
    "during",
    "across",
    "under",
    "over",
    "both",
    "between",
    "within",
    "including",
    "then",
    "if",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "greater",
    "upper",
    "lower",
    "new",
    "old",
    "downtown",
    "rural",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "only",
    "all",
    "about",
    "against",
    "like",
    "via",
    "where",
    "that",
    "this",
    "its",
    "their",
    "his",
    "her",
    "our",
    "neighbouring",
    "neighboring",
    "nearby",
];

/// Verbs that make a capital or country stand for its government ("Doha said").
const DECIDER_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "decided",
    "decides",
    "warned",
    "warns",
    "urged",
    "urges",
    "accused",
    "accuses",
    "denied",
    "denies",
    "rejected",
    "rejects",
    "insisted",
    "agreed",
    "agrees",
    "responded",
    "condemned",
    "condemns",
    "demanded",
    "demands",
    "claimed",
    "claims",
    "stated",
    "called",
    "calls",
    "wants",
    "wanted",
    "hopes",
    "believes",
    "sent",
    "sends",
    "imposed",
    "imposes",
    "threatened",
    "threatens",
    "criticized",
    "criticised",
    "welcomed",
    "welcomes",
    "refused",
    "refuses",
    "pledged",
    "pledges",
    "vowed",
    "vows",
    "confirmed",
    "confirms",
    "signed",
    "promised",
    "promises",
    "backed",
    "backs",
    "supports",
    "supported",
    "expelled",
    "ordered",
    "sanctioned",
    "retaliated",
    "blamed",
    "blames",
    "recognised",
    "recognized",
    "approved",
    "opposed",
    "opposes",
    "plans",
    "planned",
    "intends",
    "sought",
    "seeks",
    "negotiated",
    "offered",
    "offers",
    "asked",
    "asks",
    "told",
    "tells",
    "insists",
];
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "could", "should", "may", "might", "must", "is", "was",
    "did", "does", "also", "then", "later",
];

/// True if one of the entries is a country, an admin1 unit, a region or a city
/// of a million people.
fn big(entries: &[Entry]) -> bool {
    entries.iter().any(|e| {
        matches!(
            e.kind,
            PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Other
        ) || e.population >= 1_000_000
    })
}

/// True if a capital follows the first letter ("TOLOnews", "YouTube"): a
/// brand or an acronym, never a garbled place name.
fn mixed_case(word: &str) -> bool {
    word.bytes().skip(1).any(|b| b.is_ascii_uppercase())
}

/// True if `span` lies within one of `spans` (sorted, not overlapping).
fn inside(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.end < span.end);
    spans
        .get(i)
        .is_some_and(|s| s.start <= span.start && span.end <= s.end)
}

/// Whether a scanned name is believable as a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Plausible {
    /// Yes.
    Yes,
    /// Only as a place of the country the article is about: a small place
    /// named by a GeoNames alternate spelling ("Sheberghan" for Shibirghān)
    /// is believable in an article about its country, noise elsewhere.
    InFocus,
    /// No.
    No,
}

/// The text around names, shared by every step of recognition.
pub(super) struct Context<'a> {
    pub g: &'a Gazetteer,
    pub scan: &'a Scan,
    pub text: &'a str,
    /// Per word: true if it starts its sentence.
    initial: Vec<bool>,
    /// Per word: the scan match starting there.
    match_at: Vec<Option<usize>>,
}

impl<'a> Context<'a> {
    pub fn new(g: &'a Gazetteer, scan: &'a Scan, text: &'a str, sentences: &[Span]) -> Context<'a> {
        let mut initial = vec![false; scan.words.len()];
        let mut w = 0;
        for s in sentences {
            while w < scan.words.len() && scan.words[w].span.start < s.start {
                w += 1;
            }
            if w < scan.words.len() && scan.words[w].span.start < s.end {
                initial[w] = true;
            }
        }
        let mut match_at = vec![None; scan.words.len()];
        for (i, m) in scan.matches.iter().enumerate() {
            match_at[m.words.start] = Some(i);
        }
        Context {
            g,
            scan,
            text,
            initial,
            match_at,
        }
    }

    fn folded(&self, w: usize) -> &str {
        self.scan.folded(w)
    }

    /// The word before `w` if nothing but spaces separates them.
    fn prev_spaced(&self, w: usize) -> Option<usize> {
        (w > 0 && self.scan.words[w - 1].sep == Sep::Space).then(|| w - 1)
    }

    /// The word after the one ending at `end - 1`, if only spaces separate them.
    fn next_spaced(&self, end: usize) -> Option<usize> {
        (end > 0 && end < self.scan.words.len() && self.scan.words[end - 1].sep == Sep::Space)
            .then_some(end)
    }

    fn is_locative_before(&self, w: usize) -> bool {
        self.prev_spaced(w).is_some_and(|p| {
            let word = self.folded(p);
            // "pulled out of Izium", "driven out of Kherson".
            let out_of =
                word == "of" && self.prev_spaced(p).is_some_and(|q| self.folded(q) == "out");
            (LOCATIVE.contains(&word) || out_of) && !self.scan.words[p].capitalised
        })
    }

    /// Whether a scan match is believable as a place at all.
    pub fn plausible(&self, m: &Found) -> Plausible {
        let verdict = |yes: bool| if yes { Plausible::Yes } else { Plausible::No };
        let first = m.words.start;
        let word = &self.scan.words[first];
        if m.words.len() > 1 {
            let phrase: Vec<&str> = m.words.clone().map(|w| self.folded(w)).collect();
            return verdict(!self.g.is_common_word(&phrase.join(" ")));
        }
        let folded = self.folded(first);
        let official = m.hits.iter().any(|h| {
            matches!(
                h.name,
                NameKind::Primary | NameKind::Alias | NameKind::Demonym
            )
        });
        // Month and weekday names after "in" or "on" are dates, never places.
        if sitrep_text::MONTHS.contains(&folded) || sitrep_text::WEEKDAYS.contains(&folded) {
            return Plausible::No;
        }
        if word.all_caps && folded.len() <= 3 && !official {
            return Plausible::No;
        }
        // Short alternate spellings are mostly noise, except the plain
        // transliteration of a large city's name ("Hama" for Ḩamāh).
        let transliterated = word.capitalised
            && m.entries.iter().any(|e| {
                e.kind == PlaceKind::City && e.population >= 250_000 && {
                    let name = sitrep_text::fold(e.name);
                    name.starts_with(folded) && name.len() <= folded.len() + 2
                }
            });
        if !official && folded.len() <= 4 && !transliterated {
            return Plausible::No;
        }
        // A name known only by GeoNames alternate spellings, right before
        // another capitalised word that is no place, is a given name or a
        // title ("Marshal Abdul Rashid Dostum", "Hanna Maliar").
        if !official && self.before_name(m.words.end) {
            return Plausible::No;
        }
        // A small place known only by a GeoNames alternate spelling is more
        // often a word of another kind ("Cobra").
        let obscure = !official
            && m.entries
                .iter()
                .all(|e| e.kind == PlaceKind::City && e.population < 100_000);
        let demonym = m.hits.iter().all(|h| h.name == NameKind::Demonym);
        if !demonym && self.after_given_name(first) && !big(&m.entries) {
            return Plausible::No;
        }
        if self.g.is_common_word(folded) && !self.has_evidence(m) {
            return Plausible::No;
        }
        if obscure && !self.has_evidence(m) {
            return Plausible::InFocus;
        }
        Plausible::Yes
    }

    /// True if the word at `end` follows with only a space, is capitalised,
    /// starts no gazetteer name and is no word of place kind.
    fn before_name(&self, end: usize) -> bool {
        let Some(n) = self.next_spaced(end) else {
            return false;
        };
        let next = &self.scan.words[n];
        next.capitalised
            && !next.all_caps
            && !self.initial[n]
            && !self.starts_match(n)
            && self.kind_hint_words(end - 1..end).is_none()
    }

    /// A common word counts as a place after a locative preposition or
    /// before ", <country or province>" or a kind word ("Reading district").
    pub fn has_evidence(&self, m: &Found) -> bool {
        let first = m.words.start;
        if self.is_locative_before(first) && !self.initial[first] {
            return true;
        }
        if m.hint.is_some() && !self.initial[first] {
            return true;
        }
        if self.apposition(m.words.end) {
            return true;
        }
        m.containers.iter().any(|h| {
            matches!(
                self.g.entry(h.entry).kind,
                PlaceKind::Country | PlaceKind::Admin1
            )
        })
    }

    /// True if the name ending at word `end - 1` is followed by an apposition
    /// that says what kind of place it is: "Sheberghan, the capital of
    /// Jowzjan", "Torkham, a town on the border".
    fn apposition(&self, end: usize) -> bool {
        if end == 0 || end >= self.scan.words.len() {
            return false;
        }
        let between =
            &self.text[self.scan.words[end - 1].span.end..self.scan.words[end].span.start];
        if between.trim() != "," {
            return false;
        }
        let mut n = end;
        if matches!(self.folded(n), "the" | "a" | "an") {
            n += 1;
        }
        // "the provincial capital", "a small town", "the main city".
        for _ in 0..2 {
            if n >= self.scan.words.len() {
                return false;
            }
            let w = self.folded(n);
            if CITY_WORDS.contains(&w) || ADMIN2_WORDS.contains(&w) || ADMIN1_WORDS.contains(&w) {
                return true;
            }
            n += 1;
        }
        false
    }

    /// True if the word before `w` looks like a given name or title, so that
    /// `w` is a surname ("Ben Wallace", "President Jackson").
    fn after_given_name(&self, w: usize) -> bool {
        let Some(p) = self.prev_spaced(w) else {
            return false;
        };
        let prev = &self.scan.words[p];
        let f = self.folded(p);
        // A sentence-initial common word ("Most Kabul residents") is no given name.
        let initial_word = self.initial[p] && self.g.is_common_word(f);
        let ordinary = prev.all_caps || NOT_NAME.contains(&f) || initial_word;
        prev.capitalised && !ordinary && !self.match_ends_at(p)
    }

    fn starts_match(&self, w: usize) -> bool {
        self.match_at.get(w).is_some_and(Option::is_some)
    }

    fn match_ends_at(&self, w: usize) -> bool {
        // Matches are in order and do not overlap: their ends increase.
        let matches = &self.scan.matches;
        let i = matches.partition_point(|m| m.words.end < w + 1);
        matches.get(i).is_some_and(|m| m.words.end == w + 1)
    }

    /// The candidates of a name that follows ", " right after word `end - 1`
    /// ("Lashkar Gah, Helmand Province").
    pub fn container(&self, end: usize) -> &'a [Hit] {
        if end == 0 || end >= self.scan.words.len() {
            return &[];
        }
        let between =
            &self.text[self.scan.words[end - 1].span.end..self.scan.words[end].span.start];
        if between.trim() != "," {
            return &[];
        }
        match self.match_at.get(end) {
            Some(&Some(i)) => self.scan.hits(&self.scan.matches[i]),
            _ => &[],
        }
    }

    /// The kind the words in and around a name ask for.
    pub fn kind_hint_words(&self, words: std::ops::Range<usize>) -> Option<PlaceKind> {
        let classify = |w: &str| {
            if ADMIN1_WORDS.contains(&w) {
                Some(PlaceKind::Admin1)
            } else if ADMIN2_WORDS.contains(&w) {
                Some(PlaceKind::Admin2)
            } else if CITY_WORDS.contains(&w) {
                Some(PlaceKind::City)
            } else {
                None
            }
        };
        if words.len() > 1 {
            if let Some(k) = classify(self.folded(words.end - 1)) {
                return Some(k);
            }
        }
        if let Some(n) = self.next_spaced(words.end) {
            // "three Baghlan districts": the unit the districts are in.
            if self.folded(n) == "districts" {
                return Some(PlaceKind::Admin1);
            }
            if let Some(k) = classify(self.folded(n)) {
                return Some(k);
            }
        }
        // "Sar-e Pul, capital of the province", "Firozkoh (also known as
        // Chaghcharan), the capital of Ghor": a city.
        if let Some(n) = self.scan.words.get(words.end) {
            let prev = &self.scan.words[words.end - 1];
            let capital = match self.folded(words.end) {
                "capital" => true,
                "the" => self
                    .next_spaced(words.end + 1)
                    .is_some_and(|c| self.folded(c) == "capital"),
                _ => false,
            };
            if capital && self.text[prev.span.end..n.span.start].contains(',') {
                return Some(PlaceKind::City);
            }
        }
        // "Herat's capital": the unit whose capital is meant.
        if let Some(s) = self.possessive(words.end) {
            if self
                .next_spaced(s + 1)
                .is_some_and(|n| self.folded(n) == "capital")
            {
                return Some(PlaceKind::Admin1);
            }
        }
        // "the city of Herat", "Herat city" handled above; "province of
        // Kandahar"; "the capital of Balkh" names the unit, not a city.
        if words.start >= 2 && self.folded(words.start - 1) == "of" {
            return match self.folded(words.start - 2) {
                "capital" => Some(PlaceKind::Admin1),
                w => classify(w),
            };
        }
        // "Tarinkot in Uruzgan": a place after "<place> in" contains it.
        if words.start >= 2
            && self.folded(words.start - 1) == "in"
            && self.prev_spaced(words.start).is_some()
            && self.scan.words[words.start - 2].sep == Sep::Space
            && self.match_ends_at(words.start - 2)
        {
            return Some(PlaceKind::Admin1);
        }
        // "Mehtar Lam (Laghman)": a place in brackets after another is the
        // unit that contains it.
        if words.start >= 1 {
            let prev = &self.scan.words[words.start - 1];
            let between = || &self.text[prev.span.end..self.scan.words[words.start].span.start];
            if prev.capitalised && between().trim() == "(" && self.match_ends_at(words.start - 1) {
                return Some(PlaceKind::Admin1);
            }
        }
        None
    }

    /// The "s" of a possessive right after word `end - 1` ("Herat's"), if any.
    pub fn possessive(&self, end: usize) -> Option<usize> {
        let w = self.scan.words.get(end)?;
        let prev = &self.scan.words[end.checked_sub(1)?];
        // The word first: it is rarely an "s".
        (self.folded(end) == "s" && matches!(&self.text[prev.span.end..w.span.start], "'" | "’"))
            .then_some(end)
    }

    /// True if the name ending before word `end` is followed by a verb of
    /// saying or deciding, and names a country or a capital.
    pub fn is_metonym(&self, end: usize, e: &Entry, start: usize) -> bool {
        let capital_like = e.kind == PlaceKind::Country || e.capital;
        if !capital_like {
            return false;
        }
        // "a family in Kabul said": the place locates the subject; it is not
        // the subject.
        if self.is_locative_before(start) {
            return false;
        }
        let Some(n) = self.next_spaced(end) else {
            return false;
        };
        let w = self.folded(n);
        if DECIDER_VERBS.contains(&w) {
            return true;
        }
        if AUXILIARIES.contains(&w) {
            if let Some(n2) = self.next_spaced(n + 1) {
                let w2 = self.folded(n2);
                return DECIDER_VERBS.contains(&w2) || (w2.ends_with("ed") && w2.len() > 4);
            }
        }
        false
    }

    /// True if word `w` sits where a place name is expected: after a locative
    /// preposition, or in a list next to a recognised place.
    fn place_slot(&self, w: usize, found: &[Found<'a>]) -> bool {
        if self.is_locative_before(w) {
            return true;
        }
        let ends_place = |x: usize| found.iter().any(|f| f.words.end == x + 1);
        let starts_place = |x: usize| found.iter().any(|f| f.words.start == x);
        // "Kandahar, Herat and Rashkarga": a list with a place just before.
        if w >= 2 && matches!(self.folded(w - 1), "and" | "or") && ends_place(w - 2) {
            return true;
        }
        if w >= 1 && self.scan.words[w - 1].sep == Sep::Break && ends_place(w - 1) {
            let between =
                &self.text[self.scan.words[w - 1].span.end..self.scan.words[w].span.start];
            if between.trim() == "," {
                return true;
            }
        }
        // "Kunduzz airport", "Rashkarga city": a word of place kind follows.
        if let Some(n) = self.next_spaced(w + 1) {
            let f = self.folded(n);
            if f == "airport"
                || ADMIN1_WORDS.contains(&f)
                || ADMIN2_WORDS.contains(&f)
                || CITY_WORDS.contains(&f)
            {
                return true;
            }
        }
        // "Rashkarga and Kandahar", "Rashkarga, Helmand".
        let next = w + 1;
        if next < self.scan.words.len() {
            if matches!(self.folded(next), "and" | "or") && starts_place(next + 1) {
                return true;
            }
            if !self.container(next).is_empty() {
                return true;
            }
            // "capture Rashkarga Helmand": the container with no comma.
            if self.next_spaced(next).is_some() && self.starts_container(next) {
                return true;
            }
        }
        false
    }

    /// True if word `w` stands alone: not next to another capitalised word,
    /// which would make it part of a person's or an organisation's name.
    fn stands_alone(&self, w: usize) -> bool {
        let cap = |x: usize| self.scan.words[x].capitalised;
        let before = self
            .prev_spaced(w)
            .is_some_and(|p| cap(p) && !self.initial[p]);
        // "Rashkarga Helmand": a province or country right after is its
        // container with the comma left out, not a second part of a name.
        let after = self
            .next_spaced(w + 1)
            .is_some_and(|n| cap(n) && !self.starts_container(n));
        !before && !after
    }

    /// True if a name starting at word `w` may be a province or a country.
    fn starts_container(&self, w: usize) -> bool {
        let Some(&Some(i)) = self.match_at.get(w) else {
            return false;
        };
        self.scan.hits(&self.scan.matches[i]).iter().any(|h| {
            h.name != NameKind::Demonym
                && matches!(
                    self.g.entry(h.entry).kind,
                    PlaceKind::Country | PlaceKind::Admin1
                )
        })
    }

    /// Fuzzy matches for capitalised words the gazetteer does not know, where
    /// the context says a place is expected (mixed-case brands like
    /// "TOLOnews" excepted). Only the focus country's entries
    /// and places of 200,000 or more are allowed, and the allowed distance
    /// grows with length (1 edit from 6 letters, 2 from 9).
    /// Words inside a `known` span (sorted, not overlapping) are names of
    /// another kind and are not searched.
    pub fn fuzzy_candidates(
        &self,
        article: &ArticleContext,
        found: &[Found<'a>],
        known: &[Span],
    ) -> Vec<Found<'a>> {
        let mut covered = vec![false; self.scan.words.len()];
        for f in found {
            for w in f.words.clone() {
                covered[w] = true;
            }
        }
        let focus: Vec<&str> = article.focus().into_iter().collect();
        // Names repeat within an article: each distinct word is searched once.
        let mut searched: HashMap<&str, Option<(u8, Vec<Hit>)>> = HashMap::new();
        let mut out = Vec::new();
        for (w, word) in self.scan.words.iter().enumerate() {
            if !word.capitalised || word.all_caps || self.initial[w] || covered[w] {
                continue;
            }
            let folded = self.folded(w);
            if folded.len() < 6
                || self.starts_match(w)
                || !folded.bytes().all(|b| b.is_ascii_lowercase())
                || mixed_case(word.span.slice(self.text))
                || self.g.is_common_word(folded)
                || !self.stands_alone(w)
                || !self.place_slot(w, found)
                || inside(known, word.span)
            {
                continue;
            }
            let result = searched
                .entry(folded)
                .or_insert_with(|| self.fuzzy_search(folded, &focus, article));
            let Some((distance, hits)) = result else {
                continue;
            };
            out.push(Found::new(
                self,
                word.span,
                w..w + 1,
                hits.clone().into(),
                *distance,
            ));
        }
        out
    }

    /// The nearest fuzzy matches of one folded word that the article allows,
    /// with their distance; `None` when there are none.
    fn fuzzy_search(
        &self,
        folded: &str,
        focus: &[&str],
        article: &ArticleContext,
    ) -> Option<(u8, Vec<Hit>)> {
        let max = if folded.len() >= 9 { 2 } else { 1 };
        let hits: Vec<FuzzyHit> = self
            .g
            .fuzzy(folded, max, focus)
            .into_iter()
            .filter(|h| h.distance > 0 && self.fuzzy_allowed(article, h))
            .collect();
        let nearest = hits.first()?.distance;
        Some((
            nearest,
            hits.iter()
                .filter(|h| h.distance == nearest)
                .map(|h| h.hit)
                .collect(),
        ))
    }

    fn fuzzy_allowed(&self, article: &ArticleContext, h: &FuzzyHit) -> bool {
        let e = self.g.entry(h.hit.entry);
        if h.hit.name == NameKind::Demonym || e.kind == PlaceKind::Other {
            return false;
        }
        article.focus() == Some(e.country) || e.population >= 200_000
    }

    /// Names the gazetteer lacks in unmistakable place slots ("the village of
    /// Marjah", "near Torkham"), kept without a resolved place.
    pub fn unresolved(&self, found: &[Found<'a>]) -> Vec<Mention> {
        let mut is_covered = vec![false; self.scan.words.len()];
        for f in found {
            for w in f.words.clone() {
                is_covered[w] = true;
            }
        }
        let covered = |w: usize| is_covered[w];
        let mut out = Vec::new();
        let n = self.scan.words.len();
        let mut w = 0;
        while w < n {
            let word = &self.scan.words[w];
            // The word's own flags first: they turn most words away cheaply.
            if !word.capitalised
                || word.all_caps
                || covered(w)
                || self.initial[w]
                || !self.strong_cue_before(w)
                || self.g.is_common_word(self.folded(w))
            {
                w += 1;
                continue;
            }
            let mut end = w + 1;
            while end < n
                && end - w < 3
                && self.scan.words[end - 1].sep == Sep::Space
                && self.scan.words[end].capitalised
                && !covered(end)
            {
                end += 1;
            }
            let span = Span::new(word.span.start, self.scan.words[end - 1].span.end);
            out.push(self.unresolved_at(span));
            w = end;
        }
        self.facilities(&covered, &mut out);
        out.sort_by_key(|m| m.span.start);
        out
    }

    /// A place mention kept with its surface text but no gazetteer entry.
    fn unresolved_at(&self, span: Span) -> Mention {
        Mention {
            span,
            text: span.slice(self.text).to_string(),
            sentence: 0,
            kind: MentionKind::Place(PlaceMention {
                place: None,
                score: 0.0,
                candidates: 0,
                fuzzy: false,
                role: PlaceRole::Literal,
            }),
        }
    }

    /// Named airports the gazetteer lacks ("Hamid Karzai International
    /// Airport"): the capitalised words up to "Airport", kept unresolved.
    /// Skipped when a known place starts the name ("Kabul Airport"): that
    /// place is already a mention.
    fn facilities(&self, covered: &dyn Fn(usize) -> bool, out: &mut Vec<Mention>) {
        for (a, word) in self.scan.words.iter().enumerate() {
            if !word.capitalised
                || word.all_caps
                || !matches!(self.folded(a), "airport" | "airbase" | "airfield")
                || covered(a)
            {
                continue;
            }
            let mut start = a;
            while start > 0
                && a - start < 5
                && self.scan.words[start - 1].sep == Sep::Space
                && self.scan.words[start - 1].capitalised
                && !covered(start - 1)
                && !self.initial[start]
            {
                start -= 1;
            }
            let blocked =
                start > 0 && self.scan.words[start - 1].sep == Sep::Space && covered(start - 1);
            if start == a || blocked {
                continue;
            }
            let span = Span::new(self.scan.words[start].span.start, word.span.end);
            if out.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            out.push(self.unresolved_at(span));
        }
    }

    /// "near X", "outside X", "the village of X", "X district" cues.
    fn strong_cue_before(&self, w: usize) -> bool {
        let Some(p) = self.prev_spaced(w) else {
            return false;
        };
        let f = self.folded(p);
        if matches!(f, "near" | "outside") && !self.scan.words[p].capitalised {
            return true;
        }
        f == "of"
            && p > 0
            && self.scan.words[p - 1].sep == Sep::Space
            && matches!(
                self.folded(p - 1),
                "village" | "town" | "district" | "province" | "city"
            )
    }
}
