//! The alias automaton: one Aho-Corasick DFA over every folded alias in the
//! dictionary, walked once over the text, which is folded as it is read (no
//! folded copy is made).
//!
//! Matching is case- and accent-insensitive, except for short all-capital
//! acronyms ("UN", "IS", "US", "U.S.", "ISKP"), which must appear in capitals:
//! folded, they collide with common words ("is", "us", "un-"). Matches must
//! start and end on word boundaries; a hyphen before a match rejects it ("anti-
//! Taliban" is not the Taliban), a hyphen after it does not ("Taliban-led").
//! Among overlapping valid matches the leftmost, then longest, wins.
//!
//! The matcher only finds names. What a name means in its context (a generic
//! side's country, a title before a person) is recognition's job.

use std::collections::HashMap;

use aho_corasick::automaton::{Automaton as _, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use sitrep_model::Span;

use crate::ActorError;

/// Everything one folded alias can stand for. Several entries may share an
/// alias ("US" is a country name; "insurgents" is a side and the Taliban's
/// generic alias in Afghan articles).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AliasTargets {
    /// The actor or person the alias always means (a later definition wins).
    pub owner: Option<Owner>,
    /// Actors the alias means only when the article's focus country is the
    /// given ISO2 code: `(country, actor index)`.
    pub focus: Vec<(String, usize)>,
    /// Index of the generic side the alias names.
    pub side: Option<usize>,
    /// Index of the country this alias names ("Britain").
    pub country_name: Option<usize>,
    /// Index of the country this alias is an adjective of ("British").
    pub country_adjective: Option<usize>,
}

/// The entry an alias always means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// Index into [`crate::ActorDictionary::actors`].
    Actor(usize),
    /// Index into [`crate::ActorDictionary::people`].
    Person(usize),
}

/// One alias found in a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AliasMatch<'d> {
    /// Byte span in the original text.
    pub span: Span,
    /// What the alias can stand for.
    pub targets: &'d AliasTargets,
}

#[derive(Clone, Debug)]
struct Pattern {
    targets: AliasTargets,
    /// True when any spelling of the alias matches regardless of case.
    any_case: bool,
    /// True when the alias is written as a name of several words ("Central
    /// Command"): it matches in any case but not all in lower case, where the
    /// words are common ones ("the group's central command").
    name: bool,
    /// Exact spellings that must be matched as written (acronyms).
    exact: Vec<String>,
}

/// Collects aliases, then builds the automaton.
#[derive(Default)]
pub(crate) struct MatcherBuilder {
    index: HashMap<String, usize>,
    folded: Vec<String>,
    patterns: Vec<Pattern>,
}

impl MatcherBuilder {
    /// Registers `alias`, letting `update` record what it stands for.
    pub fn add(&mut self, alias: &str, update: impl FnOnce(&mut AliasTargets)) {
        let folded = fold_alias(alias);
        if folded.is_empty() {
            return;
        }
        let i = *self.index.entry(folded.clone()).or_insert_with(|| {
            self.folded.push(folded);
            self.patterns.push(Pattern {
                targets: AliasTargets::default(),
                any_case: false,
                name: false,
                exact: Vec::new(),
            });
            self.patterns.len() - 1
        });
        let p = &mut self.patterns[i];
        if is_acronym(alias) {
            let exact = alias.trim().to_string();
            if !p.exact.contains(&exact) {
                p.exact.push(exact);
            }
        } else if alias.trim().contains(' ') && alias.chars().any(char::is_uppercase) {
            // One word ("American", "Taliban") is a name in any case, also in
            // garbled lower-case copy; words that are common ones together
            // are a name only with a capital.
            p.name = true;
        } else {
            p.any_case = true;
        }
        update(&mut p.targets);
    }

    pub fn build(self) -> Result<Matcher, ActorError> {
        if self.patterns.is_empty() {
            return Ok(Matcher::default());
        }
        // A DFA (a few MB for the shipped aliases) walked directly: one table
        // lookup per byte, with work only where some alias ends.
        let dfa = DFA::builder()
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Unanchored)
            // Walked directly, never searched: without a prefilter only
            // match states are special, one test per byte fewer.
            .prefilter(false)
            .build(&self.folded)
            .map_err(|e| ActorError::Matcher(e.to_string()))?;
        let start = dfa
            .start_state(Anchored::No)
            .map_err(|e| ActorError::Matcher(e.to_string()))?;
        if let Some(long) = self.folded.iter().find(|f| f.len() > MAX_ALIAS) {
            return Err(ActorError::Matcher(format!(
                "alias longer than {MAX_ALIAS} bytes: {long:?}"
            )));
        }
        Ok(Matcher {
            dfa: Some(Automaton { dfa, start }),
            patterns: self.patterns,
        })
    }
}

/// The built automaton with what each pattern stands for.
#[derive(Clone, Debug, Default)]
pub(crate) struct Matcher {
    dfa: Option<Automaton>,
    patterns: Vec<Pattern>,
}

/// The DFA over every folded alias, ready to walk.
#[derive(Clone, Debug)]
struct Automaton {
    dfa: DFA,
    start: StateID,
}

/// Size of the ring of recent folded bytes a scan keeps: a whole alias, the
/// byte before it and the byte after it.
const WINDOW: usize = 256;

/// The longest alias, folded, in bytes.
const MAX_ALIAS: usize = WINDOW - 2;

impl Matcher {
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Every valid alias occurrence in `text`, leftmost-longest, non-overlapping,
    /// in text order.
    pub fn find<'d>(&'d self, text: &str) -> Vec<AliasMatch<'d>> {
        let Some(auto) = &self.dfa else {
            return Vec::new();
        };
        let mut found = auto.scan(text, &self.patterns);
        found.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let mut out: Vec<AliasMatch<'d>> = Vec::with_capacity(found.len());
        let mut covered = 0;
        for (span, p) in found {
            if span.start < covered {
                continue;
            }
            covered = span.end;
            out.push(AliasMatch {
                span,
                targets: &self.patterns[p].targets,
            });
        }
        out
    }
}

fn case_fits(p: &Pattern, text: &str, span: Span) -> bool {
    if p.any_case {
        return true;
    }
    if p.name && span.slice(text).chars().any(char::is_uppercase) {
        return true;
    }
    // In an all-capitals headline ("WHAT IS NEXT") every word looks like an
    // acronym, so an acronym next to a long all-capitals word is not trusted.
    p.exact.iter().any(|e| e == span.slice(text)) && !next_to_capitals(text, span)
}

fn next_to_capitals(text: &str, span: Span) -> bool {
    let shouting = |word: &str| {
        word.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    };
    let before = text[..span.start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let after = text[span.end..]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    shouting(before) || shouting(after)
}

/// True for short all-capital acronyms ("UN", "U.S.", "ISKP"): at most four
/// letters, all upper case. These only match as written.
pub(crate) fn is_acronym(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase())
}

fn on_word_boundaries(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let first = text[span.start..].chars().next();
    let last = text[..span.end].chars().next_back();
    // Only a word character next to a word character glues two words together;
    // a trailing '.' in "U.S." must not stop the next sentence from matching.
    let glued_before =
        before.is_some_and(|b| (is_word(b) && first.is_some_and(is_word)) || is_hyphen(b));
    let glued_after = after.is_some_and(|a| is_word(a) && last.is_some_and(is_word));
    !glued_before && !glued_after
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Folds an alias the way the text is folded: [`sitrep_text::fold`] with runs
/// of whitespace collapsed to one space.
pub(crate) fn fold_alias(alias: &str) -> String {
    let mut out = String::with_capacity(alias.len());
    for c in alias.trim().chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            sitrep_text::push_folded(c, &mut out);
        }
    }
    out
}

impl Automaton {
    /// Every valid alias occurrence in `text` as (span, pattern index),
    /// overlapping ones included, so that a long candidate failing a boundary
    /// check cannot hide a shorter valid one starting at the same place.
    ///
    /// The text is folded as it is read, never copied: ASCII a byte at a time,
    /// whitespace runs as one space, other characters through
    /// [`sitrep_text::push_folded`]. The last folded bytes, and the original
    /// offsets they came from, are kept in a ring: enough to check an
    /// occurrence's boundaries and map it back to the original text.
    ///
    /// Kept out of line: inlined into recognition, more of the loop's state
    /// lived on the stack.
    #[inline(never)]
    fn scan(&self, text: &str, patterns: &[Pattern]) -> Vec<(Span, usize)> {
        let dfa = &self.dfa;
        let bytes = text.as_bytes();
        let mut ring = Ring {
            bytes: [0; WINDOW],
            origin: [0; WINDOW],
        };
        let mut found = Vec::new();
        let mut state = self.start;
        let mut fed = 0usize;
        // A match state reached after `pending_end` folded bytes (0: none),
        // waiting for the next byte to tell whether the alias ends inside a word.
        let mut pending_state = self.start;
        let mut pending_end = 0usize;
        // One step of the automaton: folded byte `$f` from the character at
        // byte `$origin` of the text.
        macro_rules! feed {
            ($f:expr, $origin:expr) => {{
                let f: u8 = $f;
                if pending_end != 0 {
                    // Cheap rejection of matches inside words ("is" in "this").
                    if !glued(ring.bytes[slot(pending_end - 1)], f) {
                        ring.emit(dfa, pending_state, pending_end, text, patterns, &mut found);
                    }
                    pending_end = 0;
                }
                ring.bytes[slot(fed)] = f;
                ring.origin[slot(fed)] = $origin as u32;
                fed += 1;
                state = dfa.next_state(Anchored::No, state, f);
                if dfa.is_special(state) && dfa.is_match(state) {
                    pending_state = state;
                    pending_end = fed;
                }
            }};
        }
        let mut in_space = false;
        let mut buf = String::new();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII, most of any text, in runs fed by a loop of its own
            // while no match waits for its next byte.
            if pending_end == 0 {
                let run = ring.feed_ascii(
                    dfa,
                    bytes,
                    Run {
                        state,
                        at: i,
                        fed,
                        in_space,
                    },
                );
                (state, i, fed, in_space) = (run.state, run.at, run.fed, run.in_space);
                if dfa.is_special(state) && dfa.is_match(state) {
                    pending_state = state;
                    pending_end = fed;
                }
                if i == bytes.len() {
                    break;
                }
            }
            let b = bytes[i];
            if let Some(&f) = ASCII_FOLD.get(usize::from(b)) {
                let space = f == b' ';
                if !(space && in_space) {
                    feed!(f, i);
                }
                in_space = space;
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            let space = c.is_whitespace();
            if space && !in_space {
                feed!(b' ', i);
            } else if !space {
                buf.clear();
                sitrep_text::push_folded(c, &mut buf);
                for &f in buf.as_bytes() {
                    feed!(f, i);
                }
            }
            in_space = space;
            i += c.len_utf8();
        }
        if pending_end != 0 {
            ring.emit(dfa, pending_state, pending_end, text, patterns, &mut found);
        }
        found
    }
}

/// ASCII folded for matching: lower case, every whitespace byte (vertical
/// tab included) a space.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() || c == 0x0b {
            b' '
        } else {
            c.to_ascii_lowercase()
        };
        b += 1;
    }
    t
};

/// The last folded bytes of a scan, and the original offsets they came from,
/// at their position modulo [`WINDOW`].
struct Ring {
    bytes: [u8; WINDOW],
    origin: [u32; WINDOW],
}

/// Where a scan stands: the automaton's state after `fed` folded bytes, the
/// next byte of the text to read, and whether the last character read was
/// whitespace.
struct Run {
    state: StateID,
    at: usize,
    fed: usize,
    in_space: bool,
}

impl Ring {
    /// Feeds the ASCII bytes from `run.at` on, whitespace runs as one space,
    /// up to the first other byte or the end of the text, or up to a byte
    /// that takes the automaton to a special (match) state, included, unless
    /// the next byte is ASCII glued to it (the match cannot be valid).
    ///
    /// The same steps as the rest of the scan, kept out of line: apart from
    /// it, the few values of this loop, most of the cost of a scan, all
    /// stay in registers. The rest of a whitespace run is skipped as soon as
    /// its space is fed, so the loop keeps no whitespace state of its own.
    #[inline(never)]
    fn feed_ascii(&mut self, dfa: &DFA, bytes: &[u8], run: Run) -> Run {
        let Run {
            mut state,
            mut at,
            mut fed,
            in_space,
        } = run;
        let first = fed;
        if in_space {
            at = skip_ascii_space(bytes, at);
        }
        while let Some(&f) = bytes.get(at).and_then(|&b| ASCII_FOLD.get(usize::from(b))) {
            let k = slot(fed);
            self.bytes[k] = f;
            self.origin[k] = at as u32;
            fed += 1;
            at += 1;
            state = dfa.next_state(Anchored::No, state, f);
            if f == b' ' {
                at = skip_ascii_space(bytes, at);
            }
            // An alias ending inside a word ("is" in "this") is no match:
            // when the next byte glues on, the scan goes on here.
            if dfa.is_special(state)
                && !(bytes.get(at))
                    .and_then(|&b| ASCII_FOLD.get(usize::from(b)))
                    .is_some_and(|&next| glued(f, next))
            {
                break;
            }
        }
        Run {
            state,
            at,
            fed,
            // The last character read was whitespace exactly when the last
            // byte fed was its space.
            in_space: if fed > first {
                self.bytes[slot(fed - 1)] == b' '
            } else {
                in_space
            },
        }
    }

    /// Records the valid aliases of match state `state`, reached after `end`
    /// folded bytes.
    #[inline(never)]
    fn emit(
        &self,
        dfa: &DFA,
        state: StateID,
        end: usize,
        text: &str,
        patterns: &[Pattern],
        found: &mut Vec<(Span, usize)>,
    ) {
        for k in 0..dfa.match_len(state) {
            let pid = dfa.match_pattern(state, k);
            let start = end - dfa.pattern_len(pid);
            if start > 0 && glued(self.bytes[slot(start - 1)], self.bytes[slot(start)]) {
                continue;
            }
            let first = self.origin[slot(start)] as usize;
            let last = self.origin[slot(end - 1)] as usize;
            let stop = last + text[last..].chars().next().map_or(0, char::len_utf8);
            let span = Span::new(first, stop);
            let pattern = &patterns[pid.as_usize()];
            // Case first: it rejects most short acronyms ("us", "is") at once.
            if case_fits(pattern, text, span) && on_word_boundaries(text, span) {
                found.push((span, pid.as_usize()));
            }
        }
    }
}

/// The first byte at or after `at` that is no ASCII whitespace.
fn skip_ascii_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes
        .get(at)
        .is_some_and(|&b| ASCII_FOLD.get(usize::from(b)) == Some(&b' '))
    {
        at += 1;
    }
    at
}

/// The ring slot of the folded byte at `at`.
#[inline(always)]
fn slot(at: usize) -> usize {
    // Truncation is the modulo: WINDOW is 256.
    usize::from(at as u8)
}

/// Two folded bytes that belong to one word.
fn glued(a: u8, b: u8) -> bool {
    a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(aliases: &[&str]) -> Matcher {
        let mut b = MatcherBuilder::default();
        for (i, a) in aliases.iter().enumerate() {
            b.add(a, |t| t.owner = Some(Owner::Actor(i)));
        }
        b.build().expect("builds")
    }

    fn found(m: &Matcher, text: &str) -> Vec<String> {
        m.find(text)
            .iter()
            .map(|f| f.span.slice(text).to_string())
            .collect()
    }

    #[test]
    fn matches_follow_boundary_and_case_rules() {
        let m = matcher(&[
            "Taliban",
            "IS",
            "U.S.",
            "al-Qaeda",
            "al-Qaida",
            "al Qaeda",
            "Islamic State",
            "UN",
        ]);
        let cases: &[(&str, &[&str])] = &[
            ("The Taliban took it.", &["Taliban"]),
            ("the anti-Taliban warlord", &[]),
            ("a Taliban-led government", &["Taliban"]),
            ("This is what IS wants.", &["IS"]),
            ("WHAT IS NEXT FOR KABUL", &[]),
            ("U.S. and U.K. troops", &["U.S."]),
            ("the u.s. said", &[]),
            (
                "Al-Qaida’s presence; al-Qaeda's men; al Qaeda",
                &["Al-Qaida", "al-Qaeda", "al Qaeda"],
            ),
            ("TALIBANS", &[]),
            ("the Islamic\n  State group", &["Islamic\n  State"]),
            ("Kābul and the UN.", &["UN"]),
            ("an unusual uN", &[]),
            // Whitespace runs mixing ASCII and other spaces are one space.
            ("the Islamic \u{a0}\t State", &["Islamic \u{a0}\t State"]),
            ("Kābul\u{a0} Taliban", &["Taliban"]),
            ("ends with the Taliban", &["Taliban"]),
        ];
        for (text, want) in cases {
            assert_eq!(found(&m, text), *want, "text: {text:?}");
        }
    }

    #[test]
    fn longest_wins_at_same_start() {
        let m = matcher(&["Islamic State", "Islamic State in Khorasan"]);
        let t = "the Islamic State in Khorasan claimed it";
        assert_eq!(found(&m, t), ["Islamic State in Khorasan"]);
        let t = "the Islamic State in Khorasanx claimed it";
        assert_eq!(found(&m, t), ["Islamic State"]);
    }

    #[test]
    fn acronym_rule() {
        for (alias, want) in [
            ("UN", true),
            ("U.S.", true),
            ("ISKP", true),
            ("ANDSF", false),
            ("Hamas", false),
        ] {
            assert_eq!(is_acronym(alias), want, "{alias}");
        }
    }
}
