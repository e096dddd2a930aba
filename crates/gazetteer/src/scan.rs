//! Finding gazetteer names in running text: the text is cut into folded words,
//! and from every capitalised word the name-key automaton is walked word by
//! word; the longest name that ends on a word boundary wins, and scanning goes
//! on after it (leftmost-longest).
//!
//! Scanning only finds names; it does not decide which entry is meant or
//! whether a common word is really a place: that is recognition's job, which
//! gets every candidate entry with each match.

use std::ops::Range;

use fst::raw::{Fst, Output};
use sitrep_model::Span;

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
    /// Candidate entries, at least one.
    pub hits: Vec<Hit>,
}

/// The words of a text and the names found in it.
#[derive(Clone, Debug, Default)]
pub struct Scan {
    /// Every word, in order.
    pub words: Vec<Word>,
    /// Every name, in order, not overlapping.
    pub matches: Vec<NameMatch>,
    buf: String,
}

impl Scan {
    /// The folded form of word `i`.
    pub fn folded(&self, i: usize) -> &str {
        &self.buf[self.words[i].folded.clone()]
    }
}

/// Longest name to look for, in words.
const MAX_WORDS: usize = 8;

/// Cuts `text` into folded words.
pub fn words(text: &str) -> (Vec<Word>, String) {
    let mut words: Vec<Word> = Vec::with_capacity(text.len() / 5);
    let mut buf = String::with_capacity(text.len());
    let mut tmp = String::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        tmp.clear();
        // ASCII, nearly all of an English text, folds to its lower case.
        if c.is_ascii() {
            tmp.push(c.to_ascii_lowercase());
        } else {
            sitrep_text::push_folded(c, &mut tmp);
        }
        let alnum = !tmp.is_empty() && tmp.bytes().all(|b| b.is_ascii_alphanumeric());
        if alnum {
            match open {
                Some(w) => words[w].span.end = i + c.len_utf8(),
                None => {
                    open = Some(words.len());
                    words.push(Word {
                        span: Span::new(i, i + c.len_utf8()),
                        folded: buf.len()..buf.len(),
                        capitalised: c.is_uppercase(),
                        all_caps: true,
                        sep: Sep::Break,
                        period_after: false,
                    });
                }
            }
            let w = open.map(|w| &mut words[w]);
            if let Some(w) = w {
                if c.is_lowercase() {
                    w.all_caps = false;
                }
                buf.push_str(&tmp);
                w.folded.end = buf.len();
            }
        } else if !tmp.is_empty() || !is_mark(c) {
            open = None;
        }
    }
    for k in 0..words.len() {
        let sep = match words.get(k + 1) {
            Some(next) => separator(&text[words[k].span.end..next.span.start]),
            None => Sep::Break,
        };
        words[k].sep = sep;
        words[k].period_after = text.as_bytes().get(words[k].span.end) == Some(&b'.');
        if words[k].all_caps && words[k].span.len() < 2 {
            words[k].all_caps = false;
        }
    }
    (words, buf)
}

/// Combining marks fold to nothing and stay inside their word.
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn separator(between: &str) -> Sep {
    if between.is_empty() {
        return Sep::Join;
    }
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
        };
        let mut i = 0;
        while i < scan.words.len() {
            match self.longest_at(&scan, i) {
                Some(m) => {
                    i = m.words.end;
                    scan.matches.push(m);
                }
                None => i += 1,
            }
        }
        scan
    }

    fn longest_at(&self, scan: &Scan, i: usize) -> Option<NameMatch> {
        let first = &scan.words[i];
        let lead = is_lead_skip(scan.folded(i)) && first.sep != Sep::Break;
        let starts =
            first.capitalised || (lead && scan.words.get(i + 1).is_some_and(|w| w.capitalised));
        if !starts {
            return None;
        }
        let mut best: Option<(usize, Vec<(u16, u64)>)> = None;
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
                    match walk(fst, node, out, w.as_bytes()) {
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
                match &mut best {
                    Some((b, vals)) if *b == end => vals.push((l as u16, value)),
                    Some((b, _)) if *b > end => {}
                    _ => best = Some((end, vec![(l as u16, value)])),
                }
            }
        }
        let (end, values) = best?;
        let mut hits = Vec::new();
        for (l, value) in values {
            for (index, name) in self.layers[l as usize].postings(value) {
                let entry = EntryId { layer: l, index };
                if !self.is_shadowed(entry) {
                    hits.push(Hit { entry, name });
                }
            }
        }
        if hits.is_empty() {
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
            hits,
        })
    }
}
