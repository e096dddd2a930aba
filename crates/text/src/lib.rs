//! Text primitives every recognition stage shares: sentence splitting,
//! tokenising and the accent- and case-folding that name matching relies on.
//!
//! Everything here works on `&str` and returns byte [`Span`]s into it, so results
//! always slice the original text. Nothing here knows about places, actors or
//! events; nothing does I/O.
//!
//! ```
//! use sitrep_text::{fold, sentences, tokens};
//! let text = "Kandahar fell. The U.S. sent troops to Kābul.";
//! let s = sentences(text);
//! assert_eq!(s.len(), 2);
//! assert_eq!(s[1].slice(text), "The U.S. sent troops to Kābul.");
//! assert_eq!(fold("Mazār-e Sharīf"), "mazar-e sharif");
//! assert_eq!(tokens("Lashkar Gah, 3,000")[3].slice("Lashkar Gah, 3,000"), "3,000");
//! ```

use sitrep_model::Span;

mod packed;
mod sentence;
mod token;

pub use packed::PackedWord;
pub use sentence::sentences;
pub use token::{tokens, Token, TokenKind};

/// Folds a string for matching: lower case, diacritics and typographic variants
/// removed (ā→a, ‘’→', –→-), other characters transliterated to ASCII where a
/// plain-ASCII form exists. Length may change, so never use folded offsets to
/// slice the original; use [`fold_char`] when offsets must be kept.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Folds one character, appending its folded form (possibly empty or several
/// characters) to `out`.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        '‘' | '’' | 'ʼ' | 'ʻ' | '`' | '´' | 'ʿ' | 'ʾ' => out.push('\''),
        '“' | '”' | '„' => out.push('"'),
        '–' | '—' | '‐' | '‑' | '−' => out.push('-'),
        '\u{a0}' => out.push(' '),
        _ => {
            let ascii = deunicode::deunicode_char(c).unwrap_or("");
            for a in ascii.chars() {
                out.push(a.to_ascii_lowercase());
            }
        }
    }
}

/// Folds one character into `out`, returning how many bytes it produced;
/// convenient when building a folded copy with an offset map.
pub fn fold_char(c: char, out: &mut String) -> usize {
    let before = out.len();
    push_folded(c, out);
    out.len() - before
}

/// English month names, folded, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// English weekday names, folded, Monday first (ISO 8601 order).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// True if the word starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The span of the sentence that contains `offset`, if any.
pub fn sentence_of(sentences: &[Span], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= offset);
    (i < sentences.len() && sentences[i].start <= offset).then_some(i)
}

#[cfg(test)]
mod tests;
