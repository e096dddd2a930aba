//! Fuzzy lookup: names within a small edit distance of a garbled or
//! transliterated spelling ("Rashkarga" for "Lashkargah").
//!
//! Only the keys of the fuzzy table are searched (primary names and aliases of
//! countries, admin units and places of 15,000 people or more, or from a
//! detailed source); GeoNames' many alternate spellings are not, because
//! matching near them finds far more noise than places. The table is cut into
//! sections (one per country, one of big places world-wide) whose rows are
//! sorted by key length, so a search reads only the lengths within reach;
//! a letter mask per row rules out most of those before any distance is
//! computed, and the distance itself stops as soon as it exceeds the limit.
//! Deciding when a fuzzy match is believable is left to recognition.

use crate::layout::{letter_mask, FUZZY_WORLD};
use crate::{EntryId, Gazetteer, Hit};

/// Longest query searched, in bytes.
const MAX_QUERY: usize = 31;

/// Plain edit distance between two byte strings (the reference the bounded
/// one is tested against).
#[cfg(test)]
fn distance(a: &[u8], b: &[u8]) -> usize {
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

/// Edit distance between `a` and `b` if it is at most `max`, on one row of
/// the table kept on the stack. Only the band of cells within `max` of the
/// diagonal is computed (a cell further off is already more than `max`), and
/// the search gives up as soon as a row exceeds `max`.
fn bounded_distance(a: &[u8], b: &[u8], max: usize) -> Option<u8> {
    const CAP: usize = 64;
    if a.len() >= CAP || b.len() >= CAP || a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Every cell is capped at `over`: any value above `max` is as good as another.
    let over = max as u8 + 1;
    let mut row = [over; CAP];
    for (j, cell) in row.iter_mut().enumerate().take(b.len().min(max) + 1) {
        *cell = j as u8;
    }
    for (i, &x) in a.iter().enumerate() {
        let i = i + 1;
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(b.len());
        // Cell (i, lo - 1): the first column, or just outside the band.
        let left = if lo == 1 { (i as u8).min(over) } else { over };
        let mut diag = row[lo - 1];
        row[lo - 1] = left;
        let mut min = left;
        for j in lo..=hi {
            let up = row[j];
            let cell = (diag + u8::from(x != b[j - 1]))
                .min(up + 1)
                .min(row[j - 1] + 1)
                .min(over);
            diag = up;
            row[j] = cell;
            min = min.min(cell);
        }
        if usize::from(min) > max {
            return None;
        }
    }
    let d = row[b.len()];
    (usize::from(d) <= max).then_some(d)
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
        let q_mask = letter_mask(q);
        // Two edits over the whole world cost too much time and find too
        // much noise; the world section gets one.
        let mut sections: Vec<(String, usize)> = countries
            .iter()
            .map(|c| (c.to_ascii_uppercase(), usize::from(max)))
            .collect();
        sections.push((FUZZY_WORLD.to_string(), usize::from(max.min(1))));
        let mut out: Vec<FuzzyHit> = Vec::new();
        for (l, layer) in self.layers.iter().enumerate() {
            for (section, limit) in &sections {
                let rows = layer.fuzzy_rows(
                    section,
                    q.len().saturating_sub(*limit),
                    q.len() + limit,
                    q_mask,
                    2 * *limit as u32,
                );
                for row in rows {
                    let Some(d) = bounded_distance(q, row.key, *limit) else {
                        continue;
                    };
                    for (index, name) in layer.postings(row.value) {
                        let entry = EntryId {
                            layer: l as u16,
                            index,
                        };
                        match out.iter_mut().find(|h| h.hit.entry == entry) {
                            Some(h) if d < h.distance => {
                                h.distance = d;
                                h.hit.name = name;
                            }
                            Some(_) => {}
                            None if self.is_shadowed(entry) => {}
                            None => out.push(FuzzyHit {
                                hit: Hit { entry, name },
                                distance: d,
                            }),
                        }
                    }
                }
            }
        }
        out.sort_by_key(|h| (h.distance, h.hit.entry));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{bounded_distance, distance};

    #[test]
    fn bounded_distance_agrees_within_the_bound() {
        let words = [
            "rashkarga",
            "lashkargah",
            "kunduzz",
            "kunduz",
            "herat",
            "hirat",
            "",
            "kabul",
            "k",
            "ab",
            "ba",
            "mazarisharif",
            "mazarsharif",
            "sharif",
        ];
        for a in words {
            for b in words {
                let d = distance(a.as_bytes(), b.as_bytes());
                for max in 0..4 {
                    let want = (d <= max).then_some(d as u8);
                    assert_eq!(
                        bounded_distance(a.as_bytes(), b.as_bytes(), max),
                        want,
                        "{a} {b} {max}"
                    );
                }
            }
        }
    }

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
