//! Finding trigger and medium names in a folded article: an Aho–Corasick
//! DFA, walked over a compact copy of its transition table.
//!
//! The DFA of the shipped lexicons has some 18,000 states. The library
//! stores each state's transitions in a row of 64 four-byte entries (its
//! byte classes rounded up to a power of two), some 4 MB in all: far more
//! than the processor's caches hold, and the walk over an article waited on
//! memory more than it computed. The copy here keeps one entry per class
//! (one per byte that occurs in a pattern, one for all other bytes: 33 for
//! the shipped lexicons), some 2.4 MB, with the states numbered by depth so
//! the busy shallow ones lie together. The library's automaton still
//! answers which patterns a match state ends. Walking two articles side by
//! side ([`Triggers::occurrences_of`]) overlaps their waits on memory.

use std::collections::VecDeque;

use aho_corasick::automaton::{Automaton as _, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

/// An occurrence of a pattern in a folded text: (start, end, pattern).
pub(crate) type Occurrence = (usize, usize, usize);

/// The patterns' automaton with its compact transition table.
pub(crate) struct Triggers {
    dfa: DFA,
    /// The class of each byte: one per byte that occurs in a pattern, and
    /// one for all the others (they all lead where the start state does).
    classes: [u16; 256],
    /// Per state, per class, the next state; a state is the index of its
    /// row's first entry, so a step is one addition and one load.
    next: Vec<u32>,
    /// The number of classes (the length of a row).
    stride: usize,
    /// States below this one are match states, the only ones the walk
    /// stops at.
    plain: u32,
    /// The start state.
    start: u32,
    /// The DFA's id of each match state, by row number (state / stride).
    ids: Vec<StateID>,
}

impl Triggers {
    /// The automaton of `patterns`, with the semantics occurrences need.
    pub(crate) fn new(patterns: &[String]) -> Result<Triggers, String> {
        // Standard semantics so overlapping matches can be found: a longer
        // pattern that fails the word-boundary check must not hide a shorter one.
        let dfa = DFA::builder()
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Unanchored)
            // Without a prefilter only match states are special: the start
            // state is an ordinary one.
            .prefilter(false)
            .build(patterns)
            .map_err(|e| e.to_string())?;
        let start = dfa.start_state(Anchored::No).map_err(|e| e.to_string())?;

        let mut classes = [0u16; 256];
        let mut stride = 1;
        for b in patterns.iter().flat_map(|p| p.bytes()) {
            if classes[usize::from(b)] == 0 {
                classes[usize::from(b)] = stride as u16;
                stride += 1;
            }
        }
        // One byte of each class (the class of other bytes: one no
        // pattern has, if any).
        let mut sample = vec![0u8; stride];
        for b in (0..=255u8).rev() {
            sample[usize::from(classes[usize::from(b)])] = b;
        }

        // Every state the walk can reach, by depth (breadth first), and
        // its row, by the DFA's id of it (a small number).
        const NONE: u32 = u32::MAX;
        /// Marks `s` seen; true if it was already.
        fn seen(row: &mut Vec<u32>, s: StateID) -> bool {
            let i = s.as_usize();
            if i >= row.len() {
                row.resize(i + 1, NONE);
            }
            std::mem::replace(&mut row[i], 0) != NONE
        }
        let mut row: Vec<u32> = Vec::new();
        seen(&mut row, start);
        let mut order = vec![start];
        let mut queue = VecDeque::from([start]);
        while let Some(s) = queue.pop_front() {
            for &b in &sample {
                let t = dfa.next_state(Anchored::No, s, b);
                if !seen(&mut row, t) {
                    order.push(t);
                    queue.push_back(t);
                }
            }
        }
        if order.len() * stride > NONE as usize {
            return Err("the trigger automaton is too large".into());
        }
        // Match states first, each group still by depth.
        order.sort_by_key(|&s| !dfa.is_special(s));
        let ids: Vec<StateID> = order
            .iter()
            .copied()
            .take_while(|&s| dfa.is_special(s))
            .collect();
        for (i, &s) in order.iter().enumerate() {
            row[s.as_usize()] = (i * stride) as u32;
        }
        let mut next = Vec::with_capacity(order.len() * stride);
        for &s in &order {
            next.extend(
                sample
                    .iter()
                    .map(|&b| row[dfa.next_state(Anchored::No, s, b).as_usize()]),
            );
        }
        Ok(Triggers {
            classes,
            next,
            stride,
            plain: (ids.len() * stride) as u32,
            start: row[start.as_usize()],
            ids,
            dfa,
        })
    }

    /// Every occurrence of a pattern in `text` that starts and ends at a
    /// word boundary, overlapping ones included, in order of their ends.
    pub(crate) fn occurrences(&self, text: &[u8]) -> Vec<Occurrence> {
        let mut walk = Walk::new(self, text);
        self.walk(&mut walk);
        walk.occurrences(self)
    }

    /// The occurrences of several texts: [`Triggers::occurrences`] of
    /// each, found together. A walk waits on memory at almost every byte,
    /// each step needing the state the last one read; walks side by side
    /// have their waits overlap.
    pub(crate) fn occurrences_of(&self, texts: &[&[u8]]) -> Vec<Vec<Occurrence>> {
        let mut walks: Vec<Walk> = texts.iter().map(|t| Walk::new(self, t)).collect();
        for group in walks.chunks_mut(4) {
            // Each round ends one walk at least: the shortest left.
            loop {
                let mut live = group.iter_mut().filter(|w| w.at < w.text.len());
                match (live.next(), live.next(), live.next(), live.next()) {
                    (Some(a), Some(b), Some(c), Some(d)) => self.walk_n([a, b, c, d]),
                    (Some(a), Some(b), ..) => self.walk_n([a, b]),
                    (Some(a), None, ..) => self.walk(a),
                    _ => break,
                }
            }
        }
        walks.iter().map(|w| w.occurrences(self)).collect()
    }

    /// Walks on to the end of the text, noting the match states reached.
    ///
    /// Kept out of line and small: a table lookup and a comparison per
    /// byte, all in registers (inlined into a larger loop, the state lived
    /// on the stack and each byte cost twice the instructions).
    #[inline(never)]
    fn walk(&self, w: &mut Walk) {
        let mut state = w.state;
        for (end, &b) in w.text.iter().enumerate().skip(w.at) {
            state = self.step(state, b);
            if state < self.plain {
                w.stops.push((end + 1, state));
            }
        }
        (w.state, w.at) = (state, w.text.len());
    }

    /// [`Triggers::walk`] over `N` texts at once, as far as all go.
    #[inline(never)]
    fn walk_n<const N: usize>(&self, mut walks: [&mut Walk; N]) {
        let mut states: [u32; N] = std::array::from_fn(|k| walks[k].state);
        let texts: [&[u8]; N] = std::array::from_fn(|k| &walks[k].text[walks[k].at..]);
        let n = texts.iter().map(|t| t.len()).min().unwrap_or(0);
        // Byte `i` of every text in turn: no one text to iterate over.
        #[allow(clippy::needless_range_loop)]
        for i in 0..n {
            for k in 0..N {
                states[k] = self.step(states[k], texts[k][i]);
                if states[k] < self.plain {
                    let w = &mut walks[k];
                    w.stops.push((w.at + i + 1, states[k]));
                }
            }
        }
        for (w, state) in walks.iter_mut().zip(states) {
            (w.state, w.at) = (state, w.at + n);
        }
    }

    fn step(&self, state: u32, b: u8) -> u32 {
        let class = usize::from(self.classes[usize::from(b)]);
        self.next[state as usize + class]
    }
}

/// A walk of the automaton over one text.
struct Walk<'t> {
    text: &'t [u8],
    state: u32,
    /// The bytes read.
    at: usize,
    /// Where a match state was reached, and which: read once the walk is
    /// done, so the walk itself is one tight loop.
    stops: Vec<(usize, u32)>,
}

impl<'t> Walk<'t> {
    fn new(t: &Triggers, text: &'t [u8]) -> Walk<'t> {
        Walk {
            text,
            state: t.start,
            at: 0,
            stops: Vec::new(),
        }
    }

    /// The occurrences the match states reached stand for: the patterns
    /// they end that start and end at word boundaries.
    fn occurrences(&self, t: &Triggers) -> Vec<Occurrence> {
        let text = self.text;
        let boundary = |i: usize| i == 0 || i >= text.len() || !text[i].is_ascii_alphanumeric();
        let mut found = Vec::new();
        for &(end, state) in self.stops.iter().filter(|&&(end, _)| boundary(end)) {
            let id = t.ids[state as usize / t.stride];
            for k in 0..t.dfa.match_len(id) {
                let pid = t.dfa.match_pattern(id, k);
                let from = end - t.dfa.pattern_len(pid);
                if boundary(from.wrapping_sub(1)) {
                    found.push((from, end, pid.as_usize()));
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every occurrence at word boundaries, the plain way, sorted.
    fn reference(patterns: &[String], text: &[u8]) -> Vec<Occurrence> {
        let word = |i: usize| text.get(i).is_some_and(u8::is_ascii_alphanumeric);
        let mut found = Vec::new();
        for (pid, p) in patterns.iter().enumerate() {
            let p = p.as_bytes();
            for from in 0..=text.len().saturating_sub(p.len()) {
                let end = from + p.len();
                if text.get(from..end) == Some(p) && (from == 0 || !word(from - 1)) && !word(end) {
                    found.push((from, end, pid));
                }
            }
        }
        found.sort_unstable();
        found
    }

    #[test]
    fn finds_what_a_plain_search_finds() {
        let patterns: Vec<String> = [
            "took",
            "took control",
            "control",
            "took control of",
            "al-shabaab",
            "shabaab",
            "a",
            "\"x\"",
            "zürich",
            "2 4",
        ]
        .map(String::from)
        .to_vec();
        let t = Triggers::new(&patterns).unwrap();
        let texts: Vec<&[u8]> = vec![
            b"",
            b"a",
            b"they took control of the town; a took-control took",
            b"al-shabaab and shabaab, xal-shabaab al-shabaabs",
            "zürich, zürichs \"x\" \"x\"y 2 4 12 4 2 44".as_bytes(),
            b"tooktook control control\0\xff a",
        ];
        for text in &texts {
            let mut found = t.occurrences(text);
            found.sort_unstable();
            assert_eq!(
                found,
                reference(&patterns, text),
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
        // Walked side by side, each text gives what it gives alone,
        // whatever the others' lengths.
        let alone: Vec<_> = texts.iter().map(|text| t.occurrences(text)).collect();
        for k in 0..texts.len() {
            let rotated: Vec<&[u8]> = texts[k..].iter().chain(&texts[..k]).copied().collect();
            let want: Vec<_> = alone[k..].iter().chain(&alone[..k]).cloned().collect();
            for n in 0..=rotated.len() {
                assert_eq!(t.occurrences_of(&rotated[..n]), want[..n]);
            }
        }
    }
}
