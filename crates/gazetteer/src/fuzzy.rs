//! Fuzzy lookup: names within a small edit distance of a garbled or
//! transliterated spelling ("Rashkarga" for "Lashkargah").
//!
//! Only the keys of the fuzzy map are searched (primary names and aliases of
//! countries, admin units and places of 15,000 people or more, or from a
//! detailed source); GeoNames' many alternate spellings are not, because
//! matching near them finds far more noise than places. The automaton keeps
//! one row of the edit-distance table as its state and prunes any prefix
//! already further than the limit, so a search touches only a thin slice of
//! the map. Deciding when a fuzzy match is believable is left to recognition.

use fst::{Automaton, IntoStreamer, Streamer};

use crate::layout::FUZZY_WORLD;
use crate::{EntryId, Gazetteer, Hit};

/// Longest query the automaton takes, in bytes.
const MAX_QUERY: usize = 31;

/// Edit-distance automaton over bytes, after an exact section prefix.
struct Levenshtein<'q> {
    prefix: &'q [u8],
    query: &'q [u8],
    max: u8,
}

/// Inside the prefix (bytes matched so far), or one row of the edit-distance table.
#[derive(Clone)]
enum State {
    Prefix(usize),
    Row([u8; MAX_QUERY + 1]),
}

impl Levenshtein<'_> {
    fn first_row(&self) -> State {
        let mut row = [0u8; MAX_QUERY + 1];
        for (i, cell) in row.iter_mut().enumerate().take(self.query.len() + 1) {
            *cell = i as u8;
        }
        State::Row(row)
    }
}

impl Automaton for Levenshtein<'_> {
    type State = Option<State>;

    fn start(&self) -> Option<State> {
        if self.prefix.is_empty() {
            Some(self.first_row())
        } else {
            Some(State::Prefix(0))
        }
    }

    fn is_match(&self, state: &Option<State>) -> bool {
        matches!(state, Some(State::Row(r)) if r[self.query.len()] <= self.max)
    }

    fn can_match(&self, state: &Option<State>) -> bool {
        state.is_some()
    }

    fn accept(&self, state: &Option<State>, byte: u8) -> Option<State> {
        match state.as_ref()? {
            State::Prefix(i) => {
                if self.prefix.get(*i) != Some(&byte) {
                    None
                } else if i + 1 == self.prefix.len() {
                    Some(self.first_row())
                } else {
                    Some(State::Prefix(i + 1))
                }
            }
            State::Row(prev) => {
                let n = self.query.len();
                let mut next = [0u8; MAX_QUERY + 1];
                next[0] = prev[0].saturating_add(1);
                let mut min = next[0];
                for i in 1..=n {
                    let sub = prev[i - 1] + u8::from(self.query[i - 1] != byte);
                    next[i] = sub.min(prev[i] + 1).min(next[i - 1] + 1);
                    min = min.min(next[i]);
                }
                (min <= self.max).then_some(State::Row(next))
            }
        }
    }
}

/// Plain edit distance between two byte strings.
pub fn distance(a: &[u8], b: &[u8]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(x != y)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

/// A fuzzy hit: an entry and how far its name is from the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FuzzyHit {
    /// The entry and the kind of name matched.
    pub hit: Hit,
    /// Edit distance between the query key and the name key.
    pub distance: u8,
}

impl Gazetteer {
    /// Entries whose key is within `max` edits of `query_key` (a key as made
    /// by [`crate::key`]), nearest first, exact matches included. Searched
    /// are the trusted names of the given countries (ISO alpha-2) and, within
    /// one edit, of countries and places of 200,000 people or more anywhere.
    pub fn fuzzy(&self, query_key: &str, max: u8, countries: &[&str]) -> Vec<FuzzyHit> {
        let q = query_key.as_bytes();
        if q.is_empty() || q.len() > MAX_QUERY {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut sections: Vec<String> = countries
            .iter()
            .map(|c| format!("{}\0", c.to_ascii_uppercase()))
            .collect();
        sections.push(format!("{FUZZY_WORLD}\0"));
        for (l, layer) in self.layers.iter().enumerate() {
            for section in &sections {
                // Two edits over the whole world cost too much time and find
                // too much noise; the world section gets one.
                let world = section.starts_with(FUZZY_WORLD);
                let aut = Levenshtein {
                    prefix: section.as_bytes(),
                    query: q,
                    max: if world { max.min(1) } else { max },
                };
                let mut stream = layer.fuzzy().search(&aut).into_stream();
                while let Some((k, value)) = stream.next() {
                    let d = distance(q, &k[section.len()..]) as u8;
                    for (index, name) in layer.postings(value) {
                        let entry = EntryId {
                            layer: l as u16,
                            index,
                        };
                        let fresh = !out.iter().any(|h: &FuzzyHit| h.hit.entry == entry);
                        if fresh && !self.is_shadowed(entry) {
                            out.push(FuzzyHit {
                                hit: Hit { entry, name },
                                distance: d,
                            });
                        }
                    }
                }
            }
        }
        out.sort_by_key(|h| h.distance);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn edit_distance() {
        let cases = [
            ("rashkarga", "lashkargah", 2),
            ("kandahar", "kandahar", 0),
            ("herat", "hirat", 1),
            ("", "abc", 3),
        ];
        for (a, b, d) in cases {
            assert_eq!(distance(a.as_bytes(), b.as_bytes()), d, "{a} {b}");
        }
    }
}
