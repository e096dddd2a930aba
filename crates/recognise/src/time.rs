//! Time expressions: finds dates in English news text and normalises each to a
//! [`DateRange`](sitrep_model::DateRange) anchored on the publication date.
//!
//! A [`TimeRecogniser`] holds the word list, built once; its
//! [`recognise`](TimeRecogniser::recognise) walks the tokens of each sentence
//! with a hand-written grammar (no regexes) and returns one
//! [`MentionKind::Time`] mention per expression, whose span slices the text
//! exactly and takes in the words that carry meaning ("on Friday", "by the end
//! of the month", "nearly 20 years ago").
//!
//! What it reads:
//! - calendar dates: "13 August", "Aug. 12", "August 12, 2021", "on August
//!   15th", "the 15th", "Sunday, August 15", "12-15 August", "2021-08-12",
//!   "August 2021", "in July", "in 2001", "the 1990s";
//! - weekdays and day words: "on Friday", "late on Thursday", "Thursday night",
//!   "last Friday", "next Monday", "today", "yesterday", "tonight",
//!   "overnight", "this morning", "last night", "at the weekend";
//! - calendar periods: "this week", "last week", "next month", "last year",
//!   "earlier this month", "later this week";
//! - parts of periods: "mid-August", "early September", "late 2019",
//!   "the end of the month";
//! - counts from now: "two weeks ago", "nearly 20 years ago", "in the next two
//!   days", "the past week", "in recent months", "within a week", "in eight
//!   days";
//! - relations: "by ..." and "until ..." (no later than), "since ..." and
//!   "from ..." (no earlier than), "from X to Y", "between X and Y".
//!
//! How relations are encoded: for `By`, only `end` is meaningful; `start` is the
//! publication date when the deadline lies ahead of it ("by the end of the
//! month" on 13 August is 2021-08-13..2021-08-31), else the start of the named
//! period. For `From` after "since", `end` is the publication date. Bare
//! weekdays, months and "the 15th" are placed before or after the publication
//! date by a rough reading of the clause's tense ("will meet on Sunday" is the
//! next Sunday; "met on Sunday" the last); so are counts after "in" and
//! "within" ("fell within a week" is the week up to publication, "will fall
//! within a week" the week after it). The span takes in the preposition and
//! the relation word ("on Friday", "since 2001"), since they carry meaning.
//!
//! Narrative time ("hours later", "two days later", "the next day", "later
//! that day") counts from the last single day the article named before it,
//! the story's reference day; with none named yet it is skipped.
//!
//! "Three days after a car bomb ..." counts back from that day: it dates the
//! event that follows it.
//!
//! What it does not do: durations are not dates ("a 20-year war", "for two
//! weeks", "20 years" are not mentions);
//! all-numeric dates other than ISO ("12/08/2021") are skipped as ambiguous;
//! clock times are ignored; only English is read. Relative expressions get a
//! `None` range when there is no publication date.

use chrono::NaiveDate;
use sitrep_model::{Mention, MentionKind, Span, TimeMention};
use sitrep_text::Token;

mod calendar;
mod grammar;
mod lexicon;
mod tense;
#[cfg(test)]
mod tests;

use grammar::Sentence;
use lexicon::{Lexicon, Tok};

/// Finds and normalises date expressions. Build one and reuse it: building
/// allocates the word list's buckets, a small but needless cost per article.
pub struct TimeRecogniser {
    lexicon: Lexicon,
}

impl Default for TimeRecogniser {
    fn default() -> TimeRecogniser {
        TimeRecogniser::new()
    }
}

impl TimeRecogniser {
    /// A recogniser with the built-in English word list.
    pub fn new() -> TimeRecogniser {
        TimeRecogniser {
            lexicon: Lexicon::new(),
        }
    }

    /// Finds every date expression in `text`, sentence by sentence, and
    /// normalises it against `published`. Mentions come out in text order.
    pub fn recognise(
        &self,
        text: &str,
        sentences: &[Span],
        published: Option<NaiveDate>,
    ) -> Vec<Mention> {
        self.recognise_tokens(text, &sitrep_text::tokens(text), sentences, published)
    }

    /// Like [`recognise`](TimeRecogniser::recognise), for a caller that has
    /// already run [`sitrep_text::tokens`] on `text` and can share the result
    /// (tokenising is about a third of the cost).
    pub fn recognise_tokens(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Span],
        published: Option<NaiveDate>,
    ) -> Vec<Mention> {
        let toks: Vec<Tok> = tokens
            .iter()
            .map(|t| Tok::new(text, t, &self.lexicon))
            .collect();
        // Relative expressions still need some anchor to be parsed against;
        // without a publication date their ranges are dropped below.
        let anchor = published.unwrap_or_else(fallback_anchor);
        let mut mentions = Vec::new();
        let mut found = Vec::new();
        let reference = std::cell::Cell::new(None);
        for (index, sentence) in sentences.iter().enumerate() {
            let lo = toks.partition_point(|t| t.start < sentence.start);
            let hi = toks.partition_point(|t| t.end <= sentence.end);
            if lo >= hi {
                continue;
            }
            let toks = &toks[lo..hi];
            let parser = Sentence {
                text,
                toks,
                published,
                anchor,
                reference: reference.clone(),
            };
            found.clear();
            parser.scan(&mut found);
            reference.set(parser.reference.get());
            for &(first, ref f) in &found {
                let span = Span::new(toks[first].start, toks[f.end - 1].end);
                let range = (published.is_some() || !f.relative).then_some(f.range);
                mentions.push(Mention {
                    span,
                    text: span.slice(text).to_string(),
                    sentence: index,
                    kind: MentionKind::Time(TimeMention {
                        range,
                        relative: f.relative,
                    }),
                });
            }
        }
        mentions
    }
}

/// Finds and normalises every date expression in `text`. A convenience that
/// builds a [`TimeRecogniser`] per call; hold one instead when recognising many
/// articles.
pub fn recognise(text: &str, sentences: &[Span], published: Option<NaiveDate>) -> Vec<Mention> {
    TimeRecogniser::new().recognise(text, sentences, published)
}

/// Any ordinary day does: ranges computed from it are never returned.
fn fallback_anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}
