//! Counted quantities in a sentence: "3,000 soldiers", "at least 14 of 34
//! provincial capitals", "more than half of the country's territory",
//! "fourteen provincial capitals", "killing 12".
//!
//! Works on folded tokens of one sentence; knows nothing about events. Which
//! event a quantity belongs to is decided by the caller.

use std::ops::Range;

use sitrep_model::{PlaceKind, Qualifier};

use crate::doc::Doc;
use crate::lexicon::{QuantityWords, Shapes};

/// What a number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Counts {
    /// A unit from the lexicon (index into `QuantityWords::units`).
    Unit(usize),
    /// People killed.
    Fatalities,
    /// People wounded.
    Injuries,
}

/// One quantity found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct QuantRef {
    pub toks: Range<usize>,
    pub value: f64,
    pub qualifier: Qualifier,
    pub of: Option<f64>,
    pub counts: Counts,
}

/// A number written at token `i`: digits ("3,000", "3.5"), optionally followed
/// by a multiplier ("million"), or number words ("fourteen", "twenty-five").
/// Returns the value and the index after it.
fn number_at(doc: &Doc, q: &QuantityWords, i: usize, end: usize) -> Option<(f64, usize)> {
    let w = doc.word(i);
    let first = w.chars().next()?;
    let (mut value, mut next) = if first.is_ascii_digit() {
        // Copied without its commas only when it has some.
        let value = if w.contains(',') {
            w.chars()
                .filter(|c| *c != ',')
                .collect::<String>()
                .parse::<f64>()
        } else {
            w.parse::<f64>()
        };
        (value.ok()?, i + 1)
    } else if let Some(v) = q.numbers.get(w) {
        (*v, i + 1)
    } else if let Some((a, b)) = w.split_once('-') {
        // "twenty-five"
        let (a, b) = (q.numbers.get(a)?, q.numbers.get(b)?);
        (a + b, i + 1)
    } else {
        return None;
    };
    while next < end {
        match q.multipliers.get(doc.word(next)) {
            Some(m) => {
                value *= m;
                next += 1;
            }
            None => break,
        }
    }
    Some((value, next))
}

/// The qualifier written just before token `i`, with its first token.
fn qualifier_before(doc: &Doc, q: &QuantityWords, i: usize, start: usize) -> (Qualifier, usize) {
    // A qualifier's last word is the word before `i`.
    if i == start || !q.qualifier_end_shapes.may_contain(doc.word(i - 1)) {
        return (Qualifier::Exact, i);
    }
    for (words, qual) in &q.qualifiers {
        if words.len() <= i - start && doc.at(i - words.len(), words) {
            return (*qual, i - words.len());
        }
    }
    (Qualifier::Exact, i)
}

/// The unit named at `i` (after skippable words), longest phrase first.
fn unit_at(
    doc: &Doc,
    q: &QuantityWords,
    mut i: usize,
    end: usize,
    share: bool,
) -> Option<(usize, usize)> {
    for _ in 0..4 {
        let mut best: Option<(usize, usize)> = None;
        let starting = q
            .unit_starts
            .get(doc.word(i))
            .map_or(&[][..], Vec::as_slice);
        for &(u, k) in starting {
            let unit = &q.units[u];
            if share && !unit.share {
                continue;
            }
            let w = &unit.words[k];
            if i + w.len() <= end && doc.at(i, w) && best.is_none_or(|(_, l)| w.len() > l) {
                best = Some((u, w.len()));
            }
        }
        if let Some((u, len)) = best {
            return Some((u, i + len));
        }
        let w = doc.word(i);
        let skippable = q.skip.contains(w) || w.ends_with("'s") || (doc.capitalised(i) && !share);
        if i >= end || !skippable {
            return None;
        }
        i += 1;
    }
    None
}

/// "85 percent of Afghanistan", "half of Donetsk region": a share of a
/// named country or region is a share of its territory.
fn region_share(doc: &Doc, q: &QuantityWords, i: usize) -> Option<(usize, usize)> {
    let place = doc.places.iter().find(|p| p.toks.start == i)?;
    if !matches!(
        place.place.kind,
        PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2
    ) {
        return None;
    }
    let unit = q.units.iter().position(|u| u.share)?;
    // "of Afghanistan's territory" reads on to the unit word; "most of
    // Syria's second city" is a share of something else.
    match unit_at(doc, q, place.toks.end, place.toks.end + 3, true) {
        Some((_, end)) => Some((unit, end)),
        None if doc.word(place.toks.end) == "'s"
            || doc.word(place.toks.end - 1).ends_with("'s") =>
        {
            None
        }
        None => Some((unit, place.toks.end)),
    }
}

/// Every quantity in the token range of one sentence.
pub(crate) fn find(doc: &Doc, q: &QuantityWords, sent: Range<usize>) -> Vec<QuantRef> {
    let mut out = Vec::new();
    let mut i = sent.start;
    while i < sent.end {
        if !doc.quantity_start(i) {
            i += 1;
            continue;
        }
        if let Some(found) = share_at(doc, q, i, &sent).or_else(|| count_at(doc, q, i, &sent)) {
            i = found.toks.end.max(i + 1);
            out.push(found);
        } else {
            i += 1;
        }
    }
    out
}

/// True when a number or share can start with the word `w`: digits, a
/// number word ("fourteen", "twenty-five") or the first word of a share.
/// `listed`: whether `w` is one of the quantity starters. Answered once per
/// token when the article's view is built ([`Doc::quantity_start`]), on
/// the word's bytes: most tokens are ruled out by their first byte, without
/// making a `str` of them.
#[inline]
pub(crate) fn may_start(q: &QuantityWords, w: &[u8], listed: bool) -> bool {
    let Some(&first) = w.first() else {
        return false;
    };
    // Every number word is a starter: a word whose first byte begins none
    // (and no hyphenated number) cannot start a quantity.
    if first.is_ascii_digit() {
        return true;
    }
    if first != b'-' && !q.starter_bytes.contains(first) {
        return false;
    }
    // "twenty-five": the part before the first hyphen is a number word. A
    // byte loop: the words are short, and this runs at nearly every token.
    // The bytes before an ASCII hyphen of a `str` are one.
    listed
        || w.iter()
            .position(|&b| b == b'-')
            .is_some_and(|k| std::str::from_utf8(&w[..k]).is_ok_and(|n| q.numbers.contains_key(n)))
}

/// "more than half of the country's territory".
fn share_at(doc: &Doc, q: &QuantityWords, i: usize, sent: &Range<usize>) -> Option<QuantRef> {
    let first = doc.word(i);
    let (words, value) = q.shares.iter().find(|(w, _)| {
        w.first().is_some_and(|f| f == first) && i + w.len() <= sent.end && doc.at(i, w)
    })?;
    let mut next = i + words.len();
    if doc.word(next) != "of" {
        return None;
    }
    next += 1;
    let (unit, end) =
        unit_at(doc, q, next, sent.end, true).or_else(|| region_share(doc, q, next))?;
    let (qualifier, start) = qualifier_before(doc, q, i, sent.start);
    Some(QuantRef {
        toks: start..end,
        value: *value,
        qualifier,
        of: None,
        counts: Counts::Unit(unit),
    })
}

/// "at least 14 of Afghanistan's 34 provincial capitals", "3,000 soldiers",
/// "12 people were killed", "killing 12".
fn count_at(doc: &Doc, q: &QuantityWords, i: usize, sent: &Range<usize>) -> Option<QuantRef> {
    let (value, mut next) = number_at(doc, q, i, sent.end)?;
    let (qualifier, start) = qualifier_before(doc, q, i, sent.start);
    // "85 percent of Afghanistan's territory", "65% of the country": a share.
    let percent = match (doc.word(next), doc.word(next + 1)) {
        ("%" | "percent", _) => Some(next + 1),
        ("per", "cent") => Some(next + 2),
        _ => None,
    };
    if let Some(after) = percent {
        if doc.word(after) == "of" {
            if let Some((unit, end)) = unit_at(doc, q, after + 1, sent.end, true)
                .or_else(|| region_share(doc, q, after + 1))
            {
                return Some(QuantRef {
                    toks: start..end,
                    value: value / 100.0,
                    qualifier,
                    of: None,
                    counts: Counts::Unit(unit),
                });
            }
        }
    }
    let mut of = None;
    // "14 of (the country's) 34 ..." and "14 out of 34".
    let of_at = if doc.word(next) == "of" {
        Some(next + 1)
    } else if doc.word(next) == "out" && doc.word(next + 1) == "of" {
        Some(next + 2)
    } else {
        None
    };
    if let Some(mut j) = of_at {
        while j < sent.end && j < next + 4 {
            if let Some((whole, after)) = number_at(doc, q, j, sent.end) {
                of = Some(whole);
                next = after;
                break;
            }
            j += 1;
        }
    }
    let unit = unit_at(doc, q, next, sent.end, false);
    let mut end = unit.map_or(next, |(_, e)| e);
    // "18 provincial capitals out of 34": the whole after the unit.
    if of.is_none() && unit.is_some() {
        let whole_at = (doc.word(end) == "out" && doc.word(end + 1) == "of").then_some(end + 2);
        if let Some((whole, after)) = whole_at.and_then(|j| number_at(doc, q, j, sent.end)) {
            if whole >= value {
                of = Some(whole);
                end = after;
            }
        }
    }
    let near = |r: Range<usize>, set: &crate::lexicon::WordSet, shapes: &Shapes| {
        r.clone().any(|k| {
            k < sent.end && k >= sent.start && {
                let w = doc.word(k);
                shapes.may_contain(w) && set.contains(w)
            }
        })
    };
    let (fatal, fatal_shapes) = (&q.fatality_words, &q.fatality_shapes);
    let (hurt, hurt_shapes) = (&q.injury_words, &q.injury_shapes);
    let after = end..(end + 4).min(sent.end);
    let before = start.saturating_sub(2).max(sent.start)..start;
    let counts =
        if near(after.clone(), fatal, fatal_shapes) || near(before.clone(), fatal, fatal_shapes) {
            Counts::Fatalities
        } else if near(after, hurt, hurt_shapes) || near(before, hurt, hurt_shapes) {
            Counts::Injuries
        } else if let Some((u, _)) = unit {
            Counts::Unit(u)
        } else {
            return None;
        };
    // A bare year is a date, not a count.
    if unit.is_none() && (1900.0..2100.0).contains(&value) && value.fract() == 0.0 {
        return None;
    }
    Some(QuantRef {
        toks: start..end,
        value,
        qualifier,
        of,
        counts,
    })
}
