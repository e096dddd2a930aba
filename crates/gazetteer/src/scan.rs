//! Finding gazetteer names in running text: the text is cut into folded words,
//! and from every capitalised word the name-key automaton is walked word by
//! word; the longest name that ends on a word boundary wins, and scanning goes
//! on after it (leftmost-longest).
//!
//! Scanning only finds names; it does not decide which entry is meant or
//! whether a common word is really a place: that is recognition's job, which
//! gets every candidate entry with each match.

use std::ops::Range;

use fst::raw::{CompiledAddr, Fst, Output};
use sitrep_model::Span;

use crate::hash::FastMap;
use crate::key::{is_inner_skip, is_lead_skip};
use crate::{EntryId, Gazetteer, Hit};

/// What separates a word from the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sep {
    /// Nothing, or one hyphen, apostrophe or period ("Mazar-i", "Ma'rib", "U.S").
    Join,
    /// Spaces or tabs on one line.
    Space,
    /// Anything else: punctuation, a line break, the end of the text.
    Break,
}

/// A word of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte span in the text.
    pub span: Span,
    /// Range of its folded form in [`Scan::folded`].
    folded: Range<usize>,
    /// Starts with an upper-case letter.
    pub capitalised: bool,
    /// Every letter is upper case (headlines, acronyms).
    pub all_caps: bool,
    /// What follows it.
    pub sep: Sep,
    /// A period follows it directly.
    pub period_after: bool,
}

/// A name found in the text, with every entry it may refer to.
#[derive(Clone, Debug, PartialEq)]
pub struct NameMatch {
    /// The words it covers.
    pub words: Range<usize>,
    /// Byte span in the text (an initialism's final period included: "U.S.").
    pub span: Span,
    /// Its candidate entries (at least one) in [`Scan::hits`]: the hits of
    /// all names are kept in one list, not one list each.
    hits: Range<usize>,
}

/// The words of a text and the names found in it.
#[derive(Clone, Debug, Default)]
pub struct Scan {
    /// Every word, in order.
    pub words: Vec<Word>,
    /// Every name, in order, not overlapping.
    pub matches: Vec<NameMatch>,
    buf: String,
    /// The hits of every name, in the order of the names.
    hits: Vec<Hit>,
}

impl Scan {
    /// The candidate entries of a name of this scan, at least one.
    pub fn hits(&self, m: &NameMatch) -> &[Hit] {
        &self.hits[m.hits.clone()]
    }

    /// The folded form of word `i`.
    pub fn folded(&self, i: usize) -> &str {
        &self.buf[self.words[i].folded.clone()]
    }
}

/// Where walking a layer's name map through one first word ends (node
/// address and output so far), or `None` if no name starts with it.
type FirstSteps<'s> = FastMap<(u16, &'s str), Option<(CompiledAddr, Output)>>;

/// Longest name to look for, in words.
const MAX_WORDS: usize = 8;

/// Byte class bits: an ASCII letter or digit, an ASCII lower-case letter.
const ALNUM: u8 = 1;
const LOWER: u8 = 2;

/// The class bits of every byte value.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] |= ALNUM;
        }
        if c.is_ascii_lowercase() {
            t[b] |= LOWER;
        }
        b += 1;
    }
    t
};

/// Cuts `text` into folded words.
///
/// A word of ASCII letters and digits only, nearly every word of an English
/// text, folds to its own bytes lower-cased: the text is lower-cased once as
/// a whole, and such a word's folded form is read from that copy in place.
/// A word with other letters has its folded form built after the copy.
pub fn words(text: &str) -> (Vec<Word>, String) {
    let mut words: Vec<Word> = Vec::with_capacity(text.len() / 5);
    // Checked as UTF-8 once at the end: a lower-cased text, then folded
    // words of ASCII letters and digits.
    let mut buf: Vec<u8> = Vec::with_capacity(text.len() + text.len() / 8);
    buf.extend_from_slice(text.as_bytes());
    buf.make_ascii_lowercase();
    let mut one = String::new();
    // Whether the last word is still open (nothing but letters, digits and
    // combining marks since it started).
    let mut open = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if CLASS[b as usize] & ALNUM != 0 {
            let mut j = i + 1;
            let mut classes = CLASS[b as usize];
            while let Some(&c) = bytes.get(j) {
                let class = CLASS[c as usize];
                if class & ALNUM == 0 {
                    break;
                }
                classes |= class;
                j += 1;
            }
            let has_lower = classes & LOWER != 0;
            if open {
                if let Some(w) = words.last_mut() {
                    grow_folded(&mut buf, &mut w.folded, i..j);
                }
            } else {
                words.push(Word {
                    span: Span::new(i, i),
                    folded: i..j,
                    capitalised: b.is_ascii_uppercase(),
                    all_caps: true,
                    sep: Sep::Break,
                    period_after: false,
                });
                open = true;
            }
            if let Some(w) = words.last_mut() {
                w.span.end = j;
                if has_lower {
                    w.all_caps = false;
                }
            }
            i = j;
            continue;
        }
        // Other ASCII (spaces, punctuation) ends a word; everything else goes
        // through the fold table.
        if b.is_ascii() {
            open = false;
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        one.clear();
        sitrep_text::push_folded(c, &mut one);
        let added = one.as_bytes();
        if !added.is_empty() && added.iter().all(u8::is_ascii_alphanumeric) {
            if !open {
                words.push(Word {
                    span: Span::new(i, i),
                    folded: buf.len()..buf.len(),
                    capitalised: c.is_uppercase(),
                    all_caps: true,
                    sep: Sep::Break,
                    period_after: false,
                });
                open = true;
            }
            if let Some(w) = words.last_mut() {
                let at = buf.len();
                buf.extend_from_slice(added);
                grow_folded(&mut buf, &mut w.folded, at..at + added.len());
                w.span.end = i + len;
                if c.is_lowercase() {
                    w.all_caps = false;
                }
            }
        } else if !(added.is_empty() && is_mark(c)) {
            open = false;
        }
        i += len;
    }
    for k in 0..words.len() {
        let sep = match words.get(k + 1) {
            Some(next) => separator(text, words[k].span.end..next.span.start),
            None => Sep::Break,
        };
        words[k].sep = sep;
        words[k].period_after = text.as_bytes().get(words[k].span.end) == Some(&b'.');
        if words[k].all_caps && words[k].span.len() < 2 {
            words[k].all_caps = false;
        }
    }
    let buf = String::from_utf8(buf).expect("a lower-cased text and ASCII letters and digits");
    (words, buf)
}

/// Extends the folded form `folded` of an open word (in `buf`) with the
/// folded bytes at `more`, which start at or after its end. The form must stay
/// one range: unless `more` follows it directly, it is first moved to the end
/// of `buf` (it was read in place, and a combining mark or a letter folded
/// elsewhere came in between).
fn grow_folded(buf: &mut Vec<u8>, folded: &mut Range<usize>, more: Range<usize>) {
    if folded.end == more.start {
        folded.end = more.end;
        return;
    }
    let start = buf.len();
    buf.extend_from_within(folded.clone());
    buf.extend_from_within(more);
    *folded = start..buf.len();
}

/// Combining marks fold to nothing and stay inside their word.
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// What the text at `between` (from the end of a word to the start of the
/// next) makes of them.
fn separator(text: &str, between: Range<usize>) -> Sep {
    // One space or one ASCII joiner: nearly every case, decided on bytes,
    // before the text is sliced (and checked for character boundaries).
    match &text.as_bytes()[between.clone()] {
        [] | [b'-' | b'\'' | b'`' | b'.'] => return Sep::Join,
        [b' '] => return Sep::Space,
        _ => {}
    }
    let between = &text[between];
    if between.chars().count() == 1
        && between.chars().all(|c| {
            matches!(
                c,
                '-' | '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '.' | '‐' | '‑'
            )
        })
    {
        return Sep::Join;
    }
    if between
        .chars()
        .all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
    {
        return Sep::Space;
    }
    Sep::Break
}

/// Letters and digits, the only bytes of a folded word, numbered for [`Prefixes`].
const ALPHABET: usize = 36;

fn alphabet_index(b: u8) -> Option<usize> {
    match b {
        b'a'..=b'z' => Some(usize::from(b - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(b - b'0')),
        _ => None,
    }
}

/// Where a layer's name map stands after every start of two letters or
/// digits, so that walking a first word skips the two widest nodes (the
/// root and the one under it), the costliest to search.
pub(crate) struct Prefixes(Vec<Option<(CompiledAddr, u64)>>);

impl Prefixes {
    pub fn new<D: AsRef<[u8]>>(fst: &Fst<D>) -> Prefixes {
        let mut table = vec![None; ALPHABET * ALPHABET];
        let root = fst.root();
        for t0 in root.transitions() {
            let Some(i0) = alphabet_index(t0.inp) else {
                continue;
            };
            for t1 in fst.node(t0.addr).transitions() {
                if let Some(i1) = alphabet_index(t1.inp) {
                    table[i0 * ALPHABET + i1] = Some((t1.addr, t0.out.cat(t1.out).value()));
                }
            }
        }
        Prefixes(table)
    }

    /// Walks `fst` (the map this table was made from) from its root through
    /// `bytes`; `None` when it falls off.
    fn walk<'f, D: AsRef<[u8]>>(
        &self,
        fst: &'f Fst<D>,
        bytes: &[u8],
    ) -> Option<(fst::raw::Node<'f>, Output)> {
        if let [b0, b1, rest @ ..] = bytes {
            if let (Some(i0), Some(i1)) = (alphabet_index(*b0), alphabet_index(*b1)) {
                let (addr, out) = self.0[i0 * ALPHABET + i1]?;
                return walk(fst, fst.node(addr), Output::new(out), rest);
            }
        }
        walk(fst, fst.root(), Output::zero(), bytes)
    }
}

/// Walks an fst from `node` through `bytes`; `None` when it falls off.
fn walk<'f, D: AsRef<[u8]>>(
    fst: &'f Fst<D>,
    mut node: fst::raw::Node<'f>,
    mut out: Output,
    bytes: &[u8],
) -> Option<(fst::raw::Node<'f>, Output)> {
    for &b in bytes {
        let i = node.find_input(b)?;
        let t = node.transition(i);
        out = out.cat(t.out);
        node = fst.node(t.addr);
    }
    Some((node, out))
}

impl Gazetteer {
    /// Finds every gazetteer name in `text` that starts with a capital letter.
    pub fn scan(&self, text: &str) -> Scan {
        let (words, buf) = words(text);
        let mut scan = Scan {
            words,
            matches: Vec::new(),
            buf,
            hits: Vec::new(),
        };
        // About one name in twelve words; growing a vector costs more than
        // a little spare room.
        let mut matches = Vec::with_capacity(scan.words.len() / 8);
        // About one word in five starts with a capital: room for their
        // first steps at once rather than growing the table several times.
        let mut first_steps =
            FirstSteps::with_capacity_and_hasher(scan.words.len() / 4, Default::default());
        let mut hits = Vec::with_capacity(matches.capacity() * 2);
        // The name map values of the longest name at a word, per layer:
        // one list refilled at each word.
        let mut values = Vec::with_capacity(self.layers.len());
        let mut i = 0;
        while i < scan.words.len() {
            match self.longest_at(&scan, i, &mut first_steps, &mut values, &mut hits) {
                Some(m) => {
                    i = m.words.end;
                    matches.push(m);
                }
                None => i += 1,
            }
        }
        scan.matches = matches;
        scan.hits = hits;
        scan
    }

    fn longest_at<'s>(
        &self,
        scan: &'s Scan,
        i: usize,
        first_steps: &mut FirstSteps<'s>,
        values: &mut Vec<(u16, u64)>,
        hits: &mut Vec<Hit>,
    ) -> Option<NameMatch> {
        let first = &scan.words[i];
        let lead = is_lead_skip(scan.folded(i)) && first.sep != Sep::Break;
        let starts =
            first.capitalised || (lead && scan.words.get(i + 1).is_some_and(|w| w.capitalised));
        if !starts {
            return None;
        }
        // The end word of the longest name; its values are in `values`.
        let mut best: Option<usize> = None;
        values.clear();
        for (l, layer) in self.layers.iter().enumerate() {
            let fst = layer.main().as_fst();
            let mut node = fst.root();
            let mut out = Output::zero();
            let mut fed_any = false;
            let mut j = i;
            let mut layer_best: Option<(usize, u64)> = None;
            while j < scan.words.len() && j < i + MAX_WORDS {
                let w = scan.folded(j);
                let skip = if j == i { lead } else { is_inner_skip(w) };
                // After a space, a name goes on with capitalised words or short
                // particles ("Bosnia and Herzegovina"), and ends on a capital:
                // "In a" is not "Ina".
                let spaced = j > i && scan.words[j - 1].sep == Sep::Space;
                let lower = !scan.words[j].capitalised;
                if spaced && lower && w.len() > 3 {
                    break;
                }
                if !skip {
                    let step = if fed_any {
                        walk(fst, node, out, w.as_bytes())
                    } else {
                        // Capitalised words repeat within a text ("Taliban",
                        // "Kabul"): the walk through a first word is done once.
                        let at = *first_steps.entry((l as u16, w)).or_insert_with(|| {
                            self.prefixes[l]
                                .walk(fst, w.as_bytes())
                                .map(|(n, o)| (n.addr(), o))
                        });
                        at.map(|(addr, o)| (fst.node(addr), o))
                    };
                    match step {
                        Some((n, o)) => {
                            node = n;
                            out = o;
                            fed_any = true;
                            if node.is_final() && !(spaced && lower) {
                                layer_best = Some((j, out.cat(node.final_output()).value()));
                            }
                        }
                        None => break,
                    }
                }
                if scan.words[j].sep == Sep::Break {
                    break;
                }
                j += 1;
            }
            if !fed_any {
                continue;
            }
            if let Some((end, value)) = layer_best {
                match best {
                    Some(b) if b == end => values.push((l as u16, value)),
                    Some(b) if b > end => {}
                    _ => {
                        best = Some(end);
                        values.clear();
                        values.push((l as u16, value));
                    }
                }
            }
        }
        let end = best?;
        let first_hit = hits.len();
        for &(l, value) in values.iter() {
            for (index, name) in self.layers[l as usize].postings(value) {
                let entry = EntryId { layer: l, index };
                if !self.is_shadowed(entry) {
                    hits.push(Hit { entry, name });
                }
            }
        }
        if hits.len() == first_hit {
            return None;
        }
        let last = &scan.words[end];
        let mut span = Span::new(first.span.start, last.span.end);
        // "U.S." keeps its final period: the last word is a lone letter after a joined one.
        if end > i
            && last.span.len() == 1
            && scan.words[end - 1].sep == Sep::Join
            && last.period_after
        {
            span.end += 1;
        }
        Some(NameMatch {
            words: i..end + 1,
            span,
            hits: first_hit..hits.len(),
        })
    }
}
