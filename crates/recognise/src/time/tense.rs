//! A rough guess at whether a clause speaks of the future or the past, from the
//! words around a date expression.
//!
//! Only bare weekdays ("on Sunday"), month names without a year and counts
//! ("within a week", "in eight days") need it: they point forward or back
//! depending on the verb. This is a word-list heuristic, not a parser: it reads
//! the nearest tense cue before the expression (modals, auxiliaries, past-tense
//! verbs), then a few words after it, and says `Unknown` when it finds none.

use sitrep_text::PackedWord;

use super::lexicon::Tok;

/// Which way a clause points in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    Unknown,
}

/// How many tokens before the expression are read for a cue.
const BEFORE: usize = 10;
/// How many tokens after it.
const AFTER: usize = 6;

/// Verbs and auxiliaries that point forward.
const FUTURE: [PackedWord; 20] = PackedWord::sorted([
    "will",
    "shall",
    "won't",
    "going",
    "due",
    "scheduled",
    "expected",
    "expects",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "aims",
    "upcoming",
    "could",
    "might",
    "may",
    "must",
    "would",
]);

/// Past-tense forms that do not end in "-ed", and other words that point back.
const PAST: [PackedWord; 53] = PackedWord::sorted([
    "said",
    "told",
    "was",
    "were",
    "had",
    "has",
    "have",
    "did",
    "been",
    "took",
    "fell",
    "began",
    "came",
    "went",
    "saw",
    "left",
    "won",
    "lost",
    "fought",
    "overran",
    "struck",
    "shot",
    "held",
    "made",
    "met",
    "sent",
    "spoke",
    "gave",
    "broke",
    "withdrew",
    "drove",
    "led",
    "fled",
    "ran",
    "got",
    "rose",
    "swept",
    "seized",
    "ago",
    "yesterday",
    "earlier",
    "last",
    "knew",
    "thought",
    "wrote",
    "hit",
    "brought",
    "found",
    "kept",
    "paid",
    "stood",
    "sought",
    "laid",
]);

/// Words ending in "-ed" that are not past tenses.
const NOT_PAST: [PackedWord; 8] = PackedWord::sorted([
    "need", "feed", "speed", "bed", "red", "indeed", "proceed", "seed",
]);

/// Guesses the tense of the clause around tokens `start..end` of a sentence.
pub(super) fn tense(text: &str, toks: &[Tok], start: usize, end: usize) -> Tense {
    let before = toks[start.saturating_sub(BEFORE)..start].iter().rev();
    for (k, tok) in before.enumerate() {
        // A clause boundary: "will not be rushed, in an interview late on
        // Friday" says nothing of when the interview was. A comma right before
        // the expression only sets it off ("scheduled to hold, on Saturday").
        if matches!(tok.punct, Some(',' | ';' | ':' | '(' | '-')) && k > 1 {
            break;
        }
        let cue = cue(&text[tok.start..tok.end]);
        // "will be held", "to be taken", "has been seized": a participle after
        // "be" or "been" carries no tense; the auxiliary before them does.
        if cue == Tense::Past {
            let prev = start
                .checked_sub(k + 2)
                .map(|p| &text[toks[p].start..toks[p].end]);
            if prev.is_some_and(|w| w.eq_ignore_ascii_case("be") || w.eq_ignore_ascii_case("been"))
            {
                continue;
            }
        }
        if cue != Tense::Unknown {
            return cue;
        }
    }
    for tok in toks[end.min(toks.len())..].iter().take(AFTER) {
        let cue = cue(&text[tok.start..tok.end]);
        if cue != Tense::Unknown {
            return cue;
        }
    }
    Tense::Unknown
}

/// The tense one word points to, if any.
fn cue(word: &str) -> Tense {
    if word.ends_with("'ll") || word.ends_with("’ll") {
        return Tense::Future;
    }
    if word.len() > 12 {
        return Tense::Unknown;
    }
    // Packed, the word is compared with the lists case-insensitively and
    // without comparing strings: this runs for every word near a date. Only
    // a word with a typographic apostrophe ("won’t") needs a copy first.
    let owned;
    let bytes = if word.is_ascii() {
        word.as_bytes()
    } else {
        owned = word.to_ascii_lowercase().replace('’', "'");
        owned.as_bytes()
    };
    // At most 12 bytes: it packs.
    let Some(packed) = PackedWord::new(bytes) else {
        return Tense::Unknown;
    };
    // Capitalised "May" is the month, never the modal.
    if packed == PackedWord::of("may") && word.starts_with('M') {
        return Tense::Unknown;
    }
    if packed.is_in(&FUTURE) {
        Tense::Future
    } else if packed.is_in(&PAST)
        || (word.starts_with(|c: char| c.is_ascii_lowercase())
            && ends_in_ed(bytes)
            && !packed.is_in(&NOT_PAST))
    {
        Tense::Past
    } else {
        Tense::Unknown
    }
}

/// "-ed" but not "-eed", in any case.
fn ends_in_ed(word: &[u8]) -> bool {
    let n = word.len();
    n >= 5 && word[n - 2..].eq_ignore_ascii_case(b"ed") && !word[n - 3].eq_ignore_ascii_case(&b'e')
}
