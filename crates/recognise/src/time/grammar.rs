//! The grammar of date expressions: a hand-written recursive-descent matcher over
//! the tokens of one sentence, which resolves each expression to a
//! [`DateRange`] as it matches it.
//!
//! Every rule starts at a token index and returns a [`Found`] (where the
//! expression ends and what it means) or `None`. Rules are tried from the most
//! specific to the most general, and the caller takes the first that matches, so
//! "nearly 20 years ago" is read whole rather than as a bare "20 years".
//!
//! Relative expressions are resolved against an anchor day: the publication
//! date, or a stand-in when there is none (the caller then drops the range and
//! keeps only the fact that the expression was relative).

use std::cell::Cell;

use chrono::{Datelike, NaiveDate, Weekday};
use sitrep_model::{DateRange, Precision, TimeRelation};

use super::calendar::{self, add_days, add_months, precision_of, shift};
use super::lexicon::{plausible_year, Kw, Lex, Part, Tok, Unit};
use super::tense::{tense, Tense};

/// The word that introduces an expression, when the expression's span takes it
/// in. It both widens what may follow (a bare "2001" is a year only after a
/// preposition) and sets the relation ("by", "since").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prep {
    None,
    On,
    In,
    At,
    During,
    Over,
    Within,
    For,
    By,
    Until,
    Since,
    From,
    Between,
}

/// The calendar unit an expression names, which decides what a modifier like
/// "the end of" or "by" does to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grain {
    Day,
    Week,
    Month,
    Year,
    Decade,
    /// Any other stretch of days ("the past two weeks", "since 2001").
    Span,
    /// An explicit range with both ends named ("12-15 August", "from 2015 to
    /// 2018"), which "from" and "between" must not wrap again.
    Range,
}

/// One matched expression.
#[derive(Clone, Copy, Debug)]
pub(super) struct Found {
    /// Token index one past the expression's last token.
    pub(super) end: usize,
    /// What it means.
    pub(super) range: DateRange,
    /// True when the meaning depends on the anchor day.
    pub(super) relative: bool,
    grain: Grain,
}

/// A count before a unit: exact ("two") or vague ("a few", "several").
#[derive(Clone, Copy, Debug)]
struct Count {
    lo: i64,
    hi: i64,
}

impl Count {
    fn exact(n: i64) -> Count {
        Count { lo: n, hi: n }
    }

    fn is_exact(&self) -> bool {
        self.lo == self.hi
    }
}

/// A year named after a month or day: "2021" or "last year".
#[derive(Clone, Copy, Debug)]
struct YearRef {
    year: i32,
    relative: bool,
}

/// How many tokens an expression may run before its first anchor token (see
/// `Tok::anchor`): "since the beginning of this year" is the longest lead-in.
const ANCHOR_REACH: usize = 6;

/// Counts above this are not durations anyone dates an event by.
const MAX_COUNT: u32 = 2000;
/// A month or day named without a year is taken from the previous year when the
/// anchor year would put it this many days or more in the future of a clause
/// that does not speak of the future.
const FAR_FUTURE_DAYS: i64 = 90;

/// One sentence's tokens and the anchor day.
pub(super) struct Sentence<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Tok],
    pub(super) published: Option<NaiveDate>,
    pub(super) anchor: NaiveDate,
    /// The story's reference day: the last single day named before the
    /// expression, which "hours later" and "the next day" count from.
    pub(super) reference: Cell<Option<NaiveDate>>,
}

impl Sentence<'_> {
    /// Every expression in the sentence, left to right, not overlapping:
    /// (first token, match).
    pub(super) fn scan(&self, out: &mut Vec<(usize, Found)>) {
        // An anchor token within reach, looked for only from the few tokens
        // that can start an expression.
        let anchor_near = |i: usize| {
            self.toks[i..]
                .iter()
                .take(ANCHOR_REACH + 1)
                .any(|t| t.anchor)
        };
        let mut i = 0;
        while i < self.toks.len() {
            let tok = &self.toks[i];
            let starts = tok.num.is_some() || tok.lex.is_some_and(|l| l.can_start());
            if starts && anchor_near(i) {
                if let Some(found) = self.expression(i) {
                    if let Some(day) = reference_day(&found.range) {
                        self.reference.set(Some(day));
                    }
                    out.push((i, found));
                    i = found.end;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// An expression starting at token `i`, with a leading preposition if any.
    fn expression(&self, i: usize) -> Option<Found> {
        let Some(Lex::Kw(kw)) = self.lex(i) else {
            return self.core(i, Prep::None);
        };
        let prep = match kw {
            Kw::By => Prep::By,
            Kw::Until | Kw::Through => Prep::Until,
            Kw::Since => Prep::Since,
            Kw::From => Prep::From,
            Kw::Between => Prep::Between,
            Kw::On => Prep::On,
            Kw::In => Prep::In,
            Kw::At => Prep::At,
            Kw::During => Prep::During,
            Kw::Over => Prep::Over,
            Kw::Within => Prep::Within,
            Kw::For => Prep::For,
            _ => return self.core(i, Prep::None),
        };
        let inner = self.core(i + 1, prep)?;
        match prep {
            Prep::By | Prep::Until => self.deadline(inner),
            Prep::Since => Some(self.since(inner)),
            Prep::From if inner.grain == Grain::Range => Some(inner),
            Prep::From => Some(self.range_tail(inner).unwrap_or(Found {
                range: inner.range.with_relation(TimeRelation::From),
                ..inner
            })),
            Prep::Between if inner.grain == Grain::Range => Some(inner),
            Prep::Between => self.range_tail(inner),
            // "for" only introduces spans ending now ("for the past week"), never
            // a bare duration, which is no date.
            Prep::For if !matches!(inner.grain, Grain::Span | Grain::Range) => None,
            _ => Some(inner),
        }
    }

    /// An expression without its preposition. `prep` is the word before it that
    /// the span takes in, if any.
    fn core(&self, i: usize, prep: Prep) -> Option<Found> {
        self.tok(i)?;
        self.after_reference(i, prep)
            .or_else(|| self.ago(i))
            .or_else(|| self.around_now(i, prep))
            .or_else(|| self.deictic(i))
            .or_else(|| self.the_night(i, prep))
            .or_else(|| self.part_of(i, prep))
            .or_else(|| self.weekday(i, prep))
            .or_else(|| self.day_first(i))
            .or_else(|| self.month_first(i, prep))
            .or_else(|| self.year_first(i, prep))
            .or_else(|| self.weekend(i, prep))
    }

    // ---- Counts from the story's last day ----------------------------------------

    /// "hours later", "two days later", "the next day", "later that day", "the
    /// same day": narrative time, counted from the last day the story named
    /// rather than from publication. Nothing without such a day.
    fn after_reference(&self, i: usize, prep: Prep) -> Option<Found> {
        let r = self.reference.get()?;
        let day_word = |j: usize| {
            matches!(self.lex(j), Some(Lex::Unit(Unit::Day, false)))
                || self.kw(j, Kw::Night)
                || self.kw(j, Kw::TimeOfDay)
        };
        // "later that day", "that night", "the same day".
        let j = if self.kw(i, Kw::Later) { i + 1 } else { i };
        if (self.kw(j, Kw::That) || self.kw(j, Kw::The) && self.kw(j + 1, Kw::Same))
            && day_word(j + 1 + usize::from(self.kw(j, Kw::The)))
        {
            let end = j + 2 + usize::from(self.kw(j, Kw::The));
            return Some(self.day(end, r));
        }
        // "the next day", "the following morning".
        if self.kw(i, Kw::The)
            && (self.kw(i + 1, Kw::Next) || self.kw(i + 1, Kw::Following))
            && day_word(i + 2)
        {
            return Some(self.day(i + 3, add_days(r, 1)?));
        }
        // "hours later", "a day later", "three days later".
        let (j, count) = match self.count(i) {
            Some((j, c)) => (j, Some(c)),
            None => (i, None),
        };
        let Some(Lex::Unit(unit, plural)) = self.lex(j) else {
            return None;
        };
        // "a day after the Taliban took the capital", told at the story's
        // day: the expression dates what follows it, that many days before.
        // "two days after August 14" is left to the calendar rules.
        // Hours are left out: "hours after" mostly counts from a time of day
        // the story did not name.
        let before = prep == Prep::None
            && self.kw(j + 1, Kw::After)
            && matches!(unit, Unit::Day | Unit::Week)
            && count.is_some_and(|c| c.is_exact())
            && !matches!(
                self.lex(j + 2),
                Some(Lex::Month(_) | Lex::MonthAbbr(_) | Lex::Weekday(_))
            )
            && self.tok(j + 2).is_some_and(|t| t.num.is_none());
        if before {
            let n = count.map_or(0, |c| c.lo);
            let back = if unit == Unit::Week { n * 7 } else { n };
            return Some(self.day(j + 2, add_days(r, -back)?));
        }
        if !self.kw(j + 1, Kw::Later) || count.is_none() && !plural {
            return None;
        }
        let (lo, hi) = match (unit, count) {
            // A story's "hours later" is nearly always the same day.
            (Unit::Hour, _) => (0, 0),
            (Unit::Day, Some(c)) => (c.lo, c.hi),
            (Unit::Day, None) => (2, 6),
            (Unit::Week, Some(c)) => (c.lo * 7, c.hi * 7),
            _ => return None,
        };
        let (start, last) = (add_days(r, lo)?, add_days(r, hi)?);
        self.span(j + 2, start, last, true)
    }

    // ---- Counts back from now -------------------------------------------------

    /// "[nearly] N units ago", "a few days ago", "weeks ago".
    fn ago(&self, i: usize) -> Option<Found> {
        let (j, qualified) = self.qualifier(i);
        let (j, count) = self.count(j).or_else(|| self.vague_plural(j))?;
        let Some(Lex::Unit(unit, _)) = self.lex(j) else {
            return None;
        };
        if !self.kw(j + 1, Kw::Ago) {
            return None;
        }
        let a = self.anchor;
        let (start, end, precision) = match unit {
            Unit::Hour | Unit::Day => {
                let start = shift(a, unit, -count.hi)?;
                let end = shift(a, unit, -count.lo)?;
                (start, end, precision_of(start, end))
            }
            // A week ago is a day give or take three.
            Unit::Week | Unit::Fortnight => {
                let start = add_days(shift(a, unit, -count.hi)?, -3)?;
                let end = add_days(shift(a, unit, -count.lo)?, 3)?.min(a);
                let precision = if count.is_exact() {
                    Precision::Week
                } else {
                    precision_of(start, end)
                };
                (start, end, precision)
            }
            Unit::Month => {
                let (start, _) = calendar::month_of(shift(a, unit, -count.hi)?)?;
                let (_, end) = calendar::month_of(shift(a, unit, -count.lo)?)?;
                let precision = if count.is_exact() {
                    Precision::Month
                } else {
                    precision_of(start, end)
                };
                (start, end, precision)
            }
            Unit::Year | Unit::Decade => {
                let (start, _) = calendar::year(shift(a, unit, -count.hi)?.year())?;
                let (_, end) = calendar::year(shift(a, unit, -count.lo)?.year())?;
                let precision = if count.is_exact() && unit == Unit::Year && !qualified {
                    Precision::Year
                } else {
                    Precision::Years
                };
                (start, end, precision)
            }
        };
        let relation = if qualified {
            TimeRelation::About
        } else {
            TimeRelation::Within
        };
        Some(Found {
            end: j + 2,
            range: DateRange {
                start,
                end,
                precision,
                relation,
            },
            relative: true,
            grain: Grain::Span,
        })
    }

    /// "the next two days", "the past week", "in recent months", "within a week",
    /// "in eight days": stretches that start or end at the anchor.
    fn around_now(&self, i: usize, prep: Prep) -> Option<Found> {
        let a = self.anchor;
        let the = self.kw(i, Kw::The);
        let j = if the { i + 1 } else { i };
        let forward = match self.lex(j) {
            Some(Lex::Kw(Kw::Next | Kw::Coming)) => Some(true),
            Some(Lex::Kw(Kw::Past | Kw::Last)) => Some(false),
            _ => None,
        };
        if let Some(forward) = forward {
            let counted = self.count(j + 1);
            let k = counted.map_or(j + 1, |(k, _)| k);
            let Some(Lex::Unit(unit, plural)) = self.lex(k) else {
                return None;
            };
            // "last week" alone is the calendar week (see `deictic`); "the last
            // week of July" is not about now at all, nor is "the next day" of a
            // story, which counts from the events told.
            let anaphoric = counted.is_none() && !plural && matches!(unit, Unit::Day | Unit::Hour);
            if (!the && counted.is_none()) || self.kw(k + 1, Kw::Of) || anaphoric {
                return None;
            }
            let n = match counted {
                Some((_, c)) => c.hi,
                None if plural => 6,
                None => 1,
            };
            let (start, end) = if forward {
                (a, shift(a, unit, n)?)
            } else {
                (shift(a, unit, -n)?, a)
            };
            return self.span(k + 1, start, end, true);
        }
        if self.kw(j, Kw::Recent) {
            let Some(Lex::Unit(unit, true)) = self.lex(j + 1) else {
                return None;
            };
            // How far back "recent" reaches depends on the unit it qualifies.
            let start = match unit {
                Unit::Hour => add_days(a, -1)?,
                Unit::Day => add_days(a, -7)?,
                Unit::Week | Unit::Fortnight => add_months(a, -1)?,
                Unit::Month => add_months(a, -6)?,
                Unit::Year | Unit::Decade => add_months(a, -60)?,
            };
            return self.span(j + 2, start, a, true);
        }
        if !matches!(prep, Prep::In | Prep::Within) || the {
            return None;
        }
        let (k, count) = match self.count(i) {
            Some(c) => c,
            None if prep == Prep::Within => self.vague_plural(i)?,
            None => return None,
        };
        let Some(Lex::Unit(unit, _)) = self.lex(k) else {
            return None;
        };
        // "in 20 years of war" is a duration, not a date.
        if self.kw(k + 1, Kw::Of) || self.kw(k + 1, Kw::Ago) {
            return None;
        }
        if self.tense_at(i, k + 1) != Tense::Future {
            // "Fourteen capitals fell within a week": the stretch just past.
            return self.span(k + 1, shift(a, unit, -count.hi)?, a, true);
        }
        if prep == Prep::Within {
            return self.span(k + 1, a, shift(a, unit, count.hi)?, true);
        }
        // "The vote is in eight days": a point ahead, as precise as its unit.
        let (lo, hi) = (shift(a, unit, count.lo)?, shift(a, unit, count.hi)?);
        let (start, end, precision) = match unit {
            Unit::Hour | Unit::Day => (lo, hi, precision_of(lo, hi)),
            Unit::Week | Unit::Fortnight => (add_days(lo, -3)?, add_days(hi, 3)?, Precision::Week),
            Unit::Month => (
                calendar::month_of(lo)?.0,
                calendar::month_of(hi)?.1,
                Precision::Month,
            ),
            Unit::Year | Unit::Decade => (
                calendar::year(lo.year())?.0,
                calendar::year(hi.year())?.1,
                if count.is_exact() && unit == Unit::Year {
                    Precision::Year
                } else {
                    Precision::Years
                },
            ),
        };
        Some(Found {
            end: k + 1,
            range: DateRange::range(start, end, precision),
            relative: true,
            grain: Grain::Span,
        })
    }

    // ---- Words that point at the anchor ---------------------------------------

    /// "today", "yesterday", "tonight", "overnight", "this week", "last month",
    /// "next Friday", "earlier this month", "later today".
    fn deictic(&self, i: usize) -> Option<Found> {
        let a = self.anchor;
        let kw = match self.lex(i)? {
            Lex::Kw(kw) => kw,
            _ => return None,
        };
        match kw {
            Kw::Today | Kw::Tonight => {
                // "USA Today" is a newspaper.
                let named = self.tok(i)?.cap && i > 0 && self.is_name_word(i - 1);
                (!named).then(|| self.day(i + 1, a))
            }
            Kw::Yesterday => Some(self.day(self.time_of_day(i + 1), add_days(a, -1)?)),
            Kw::Tomorrow => Some(self.day(self.time_of_day(i + 1), add_days(a, 1)?)),
            Kw::Overnight => self.span(i + 1, add_days(a, -1)?, a, true),
            Kw::This if self.kw(i + 1, Kw::Past) => self.shifted_period(i + 2, -1),
            Kw::This => match self.lex(i + 1)? {
                Lex::Kw(Kw::TimeOfDay) => Some(self.day(i + 2, a)),
                _ => self.shifted_period(i + 1, 0),
            },
            Kw::Last if self.kw(i + 1, Kw::Night) => Some(self.day(i + 2, add_days(a, -1)?)),
            Kw::Last => self.shifted_period(i + 1, -1),
            Kw::Next => self.shifted_period(i + 1, 1),
            Kw::Earlier | Kw::Later => {
                let earlier = kw == Kw::Earlier;
                let period = match self.lex(i + 1)? {
                    Lex::Kw(Kw::Today) => return Some(self.day(i + 2, a)),
                    // "earlier on Friday" is Friday.
                    Lex::Kw(Kw::On) => return self.weekday(i + 2, Prep::On),
                    Lex::Kw(Kw::This) => self.shifted_period(i + 2, 0)?,
                    // "earlier in the month"
                    Lex::Kw(Kw::In) if self.kw(i + 2, Kw::The) => self.shifted_period(i + 3, 0)?,
                    _ => return None,
                };
                if period.grain == Grain::Day {
                    return Some(period);
                }
                let r = period.range;
                let (start, end) = if earlier {
                    (r.start, a.min(r.end))
                } else {
                    (a.max(r.start), r.end)
                };
                Some(Found {
                    range: DateRange::range(start, end, r.precision),
                    ..period
                })
            }
            _ => None,
        }
    }

    /// "during the night", "in the night": with no day named for it, the
    /// night before publication, as "overnight".
    fn the_night(&self, i: usize, prep: Prep) -> Option<Found> {
        if !(matches!(prep, Prep::During | Prep::In)
            && self.kw(i, Kw::The)
            && self.kw(i + 1, Kw::Night))
        {
            return None;
        }
        self.span(i + 2, add_days(self.anchor, -1)?, self.anchor, true)
    }

    /// What follows "this", "last" or "next" (`offset` 0, -1, 1): a week, month,
    /// year, weekend, weekday or month name, resolved against the anchor.
    fn shifted_period(&self, j: usize, offset: i64) -> Option<Found> {
        let a = self.anchor;
        let (start, end, precision, grain) = match self.lex(j)? {
            Lex::Unit(Unit::Week, false) => {
                let (s, e) = calendar::week_of(add_days(a, 7 * offset)?)?;
                (s, e, Precision::Week, Grain::Week)
            }
            Lex::Unit(Unit::Month, false) => {
                let (s, e) = calendar::month_of(add_months(a, offset)?)?;
                (s, e, Precision::Month, Grain::Month)
            }
            Lex::Unit(Unit::Year, false) => {
                let (s, e) = calendar::year(a.year() + i32::try_from(offset).ok()?)?;
                (s, e, Precision::Year, Grain::Year)
            }
            Lex::Kw(Kw::Weekend) => {
                let (s, e) = self.weekend_range(Some(offset), Tense::Unknown)?;
                (s, e, Precision::Days, Grain::Span)
            }
            Lex::Weekday(day) if self.tok(j)?.cap => {
                if let Some(dated) = self.dated_weekday(j, day) {
                    return Some(dated);
                }
                let d = match offset {
                    0 => calendar::weekday_in_week(a, day)?,
                    -1 => calendar::nearest_weekday(a, day, false)?,
                    _ => calendar::weekday_in_week(add_days(a, 7)?, day)?,
                };
                (d, d, Precision::Day, Grain::Day)
            }
            Lex::Month(m) if self.tok(j)?.cap => {
                // "last March" is the latest March before this month; "next
                // March" the first after it.
                let year = match offset {
                    0 => a.year(),
                    -1 if m < a.month() => a.year(),
                    -1 => a.year() - 1,
                    _ if m > a.month() => a.year(),
                    _ => a.year() + 1,
                };
                let (s, e) = calendar::month(year, m)?;
                (s, e, Precision::Month, Grain::Month)
            }
            _ => return None,
        };
        let end_tok = if grain == Grain::Day {
            self.time_of_day(j + 1)
        } else {
            j + 1
        };
        Some(Found {
            end: end_tok,
            range: DateRange {
                start,
                end,
                precision,
                relation: TimeRelation::Within,
            },
            relative: true,
            grain,
        })
    }

    // ---- Parts of periods -----------------------------------------------------

    /// "mid-August", "early September", "late 2019", "the end of the month",
    /// "late on Thursday", "early this morning".
    fn part_of(&self, i: usize, prep: Prep) -> Option<Found> {
        match self.lex(i)? {
            Lex::PartMonth(part, m) => {
                let whole = self.month_named(i, i + 1, m, prep)?;
                self.apply_part(whole, part)
            }
            Lex::PartYear(part, y) => {
                let (s, e) = calendar::year(y)?;
                let whole = Found {
                    end: i + 1,
                    range: DateRange::range(s, e, Precision::Year),
                    relative: false,
                    grain: Grain::Year,
                };
                self.apply_part(whole, part)
            }
            Lex::Kw(kw @ (Kw::Early | Kw::Mid | Kw::Late)) => {
                let part = match kw {
                    Kw::Early => Part::Early,
                    Kw::Mid => Part::Mid,
                    _ => Part::Late,
                };
                // "late on Thursday", "early Friday", "late last night": the
                // same day, however late.
                let j = if self.kw(i + 1, Kw::On) { i + 2 } else { i + 1 };
                let day = self
                    .weekday(j, Prep::On)
                    .or_else(|| self.deictic(j).filter(|f| f.grain == Grain::Day));
                if let Some(day) = day {
                    return Some(day);
                }
                if j != i + 1 {
                    return None;
                }
                let whole = self.period(i + 1, false)?;
                self.apply_part(whole, part)
            }
            Lex::Kw(Kw::The) => self.end_of(i + 1),
            Lex::Kw(Kw::End | Kw::Beginning | Kw::Start | Kw::Middle) => self.end_of(i),
            _ => None,
        }
    }

    /// "end of the month", "beginning of August", "middle of next year".
    fn end_of(&self, i: usize) -> Option<Found> {
        let part = match self.lex(i)? {
            Lex::Kw(Kw::End) => Part::Late,
            Lex::Kw(Kw::Beginning | Kw::Start) => Part::Early,
            Lex::Kw(Kw::Middle) => Part::Mid,
            _ => return None,
        };
        if !self.kw(i + 1, Kw::Of) {
            return None;
        }
        let whole = self.period(i + 2, true)?;
        self.apply_part(whole, part)
    }

    /// A whole period a part can be taken of: a month (with or without year),
    /// a year, "this/last/next week|month|year" or, after "the end of",
    /// "the week|month|year".
    fn period(&self, j: usize, after_of: bool) -> Option<Found> {
        match self.lex(j) {
            Some(Lex::Month(m) | Lex::MonthAbbr(m)) if self.tok(j)?.cap => {
                self.month_named(j, j + 1, m, Prep::Within)
            }
            Some(Lex::Kw(Kw::This)) => self.shifted_period(j + 1, 0),
            Some(Lex::Kw(Kw::Last)) => self.shifted_period(j + 1, -1),
            Some(Lex::Kw(Kw::Next)) => self.shifted_period(j + 1, 1),
            Some(Lex::Kw(Kw::The)) if after_of => match self.lex(j + 1) {
                Some(Lex::Unit(Unit::Week | Unit::Month | Unit::Year, false)) => {
                    self.shifted_period(j + 1, 0)
                }
                _ => self.year_first(j + 1, Prep::Within),
            },
            _ => self.year_first(j, Prep::Within),
        }
        .filter(|f| {
            matches!(
                f.grain,
                Grain::Week | Grain::Month | Grain::Year | Grain::Decade
            )
        })
    }

    fn apply_part(&self, whole: Found, part: Part) -> Option<Found> {
        let (start, end) = calendar::part(whole.range.start, whole.range.end, part)?;
        Some(Found {
            range: DateRange::range(start, end, precision_of(start, end)),
            grain: Grain::Span,
            ..whole
        })
    }

    // ---- Weekdays -------------------------------------------------------------

    /// "Friday", "Thursday night", "Sunday, August 15", "Friday's attack".
    fn weekday(&self, i: usize, prep: Prep) -> Option<Found> {
        let Some(Lex::Weekday(day)) = self.lex(i) else {
            return None;
        };
        let tok = self.tok(i)?;
        if !tok.cap {
            return None;
        }
        // "Bloody Sunday", "Good Friday", "the Sunday Times": names, not dates.
        if i > 0 && self.is_name_word(i - 1) {
            return None;
        }
        if prep == Prep::None && self.tok(i + 1).is_some_and(|t| t.cap && t.lex.is_none()) {
            return None;
        }
        if let Some(dated) = self.dated_weekday(i, day) {
            return Some(dated);
        }
        let a = self.anchor;
        let date = if day == a.weekday() {
            a
        } else {
            let forward = match prep {
                Prep::Since => false,
                _ => match self.tense_at(i, i + 1) {
                    Tense::Future => true,
                    Tense::Past => false,
                    // "from Monday", "until Friday", "by Sunday" lean forward.
                    Tense::Unknown => matches!(prep, Prep::From | Prep::Until | Prep::By),
                },
            };
            calendar::nearest_weekday(a, day, forward)?
        };
        Some(self.day(self.time_of_day(i + 1), date))
    }

    /// A weekday followed by its date ("Sunday, August 15"): the date decides,
    /// the weekday picks the year when none is given.
    fn dated_weekday(&self, i: usize, day: Weekday) -> Option<Found> {
        let j = if self.punct(i + 1, ',') { i + 2 } else { i + 1 };
        let (end, d, m, y) = self.month_day(j).or_else(|| self.day_month(j))?;
        self.calendar_day(i, end, d, m, y, Some(day))
    }

    // ---- Calendar dates -------------------------------------------------------

    /// "13 August", "15th of August 2021", "12-15 August", "the 15th".
    fn day_first(&self, i: usize) -> Option<Found> {
        if self.kw(i, Kw::The) {
            let (j, d) = self.day_number(i + 1, true)?;
            if self.kw(j, Kw::Of) {
                if let Some((end, m, y)) = self.month_then_year(j + 1) {
                    return self.calendar_day(i, end, d, m, y, None);
                }
            }
            // "the 3rd Battalion", "the 30th convocation": an ordinal before a
            // noun is no date.
            if self.tok(j).is_some_and(|t| t.word && t.lex.is_none()) {
                return None;
            }
            return self.day_of_this_month(i, j, d);
        }
        if let Some((end, d, m, y)) = self.day_month(i) {
            return self.calendar_day(i, end, d, m, y, None);
        }
        // "12-15 August", "12 to 15 August"
        let (j, first) = self.day_number(i, false)?;
        if !(self.punct(j, '-') || self.kw(j, Kw::To) || self.kw(j, Kw::And)) {
            return None;
        }
        let (end, last, m, y) = self.day_month(j + 1)?;
        self.day_range(i, end, first, last, m, y)
    }

    /// "August 12", "Aug. 12, 2021", "August 15th", "August 2021", "in July".
    fn month_first(&self, i: usize, prep: Prep) -> Option<Found> {
        let m = match self.lex(i)? {
            Lex::Month(m) | Lex::MonthAbbr(m) if self.tok(i)?.cap => m,
            _ => return None,
        };
        if let Some((end, d, m, y)) = self.month_day(i) {
            // "August 12-15"
            if self.punct(end, '-') && y.is_none() {
                if let Some((end2, last)) = self.day_number(end + 1, false) {
                    let (end2, y) = self.maybe_year(end2);
                    return self.day_range(i, end2, d, last, m, y);
                }
            }
            return self.calendar_day(i, end, d, m, y, None);
        }
        let j = self.after_month(i);
        self.month_named(i, j, m, prep)
    }

    /// A month name at `i` (its tokens ending before `j`), with an optional year
    /// after it, as a whole month.
    fn month_named(&self, i: usize, j: usize, m: u32, prep: Prep) -> Option<Found> {
        let explicit = if self.kw(j, Kw::Of) {
            self.year_ref(j + 1)
        } else {
            self.year_ref(j)
        };
        if let Some((end, y)) = explicit {
            let (s, e) = calendar::month(y.year, m)?;
            return Some(Found {
                end,
                range: DateRange::range(s, e, Precision::Month),
                relative: y.relative,
                grain: Grain::Month,
            });
        }
        let tok = self.tok(i)?;
        let abbreviated = matches!(tok.lex, Some(Lex::MonthAbbr(_)));
        // "may" and "march" are verbs as often as months; abbreviations are
        // names ("Jan") unless a number follows.
        if abbreviated || ((m == 3 || m == 5) && prep == Prep::None && !self.date_context(i)) {
            return None;
        }
        let (s, e) = self.infer_year(i, j, |y| calendar::month(y, m))?;
        Some(Found {
            end: j,
            range: DateRange::range(s, e, Precision::Month),
            relative: true,
            grain: Grain::Month,
        })
    }

    /// "2001" (after a preposition), "2021-08-12", "the 1990s".
    fn year_first(&self, i: usize, prep: Prep) -> Option<Found> {
        let y = self.year_number(i)?;
        if let Some(found) = self.iso_date(i, y) {
            return Some(found);
        }
        if self.kw(i + 1, Kw::PluralS) && self.glued(i + 1) && y % 10 == 0 {
            let (s, _) = calendar::year(y)?;
            let (_, e) = calendar::year(y + 9)?;
            return Some(self.fixed(i + 2, s, e, Precision::Years, Grain::Decade));
        }
        if prep == Prep::None && !self.date_context(i) {
            return None;
        }
        // "2000 years", "in 2000 homes": a count, not a year. Counts of things
        // are mostly round, years mostly not, so only round numbers are doubted.
        if let Some(next) = self.tok(i + 1) {
            let word = &self.text[next.start..next.end];
            if matches!(next.lex, Some(Lex::Unit(..))) || (y % 100 == 0 && is_plural_noun(word)) {
                return None;
            }
        }
        let (s, e) = calendar::year(y)?;
        Some(self.fixed(i + 1, s, e, Precision::Year, Grain::Year))
    }

    /// "2021-08-12". ISO 8601 is the only all-numeric form that is never
    /// ambiguous; "12/08/2021" is left alone.
    fn iso_date(&self, i: usize, y: i32) -> Option<Found> {
        let dashed = |k: usize| self.punct(k, '-') && self.glued(k) && self.glued(k + 1);
        if !(dashed(i + 1) && dashed(i + 3)) {
            return None;
        }
        let m = self.small_number(i + 2)?;
        let d = self.small_number(i + 4)?;
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        Some(self.fixed(i + 5, date, date, Precision::Day, Grain::Day))
    }

    /// "the weekend", "at the weekend", "over the weekend".
    fn weekend(&self, i: usize, prep: Prep) -> Option<Found> {
        if !(self.kw(i, Kw::The) && self.kw(i + 1, Kw::Weekend)) {
            return None;
        }
        let tense = match prep {
            Prep::Over | Prep::Since => Tense::Past,
            Prep::Until | Prep::By | Prep::From => Tense::Future,
            _ => self.tense_at(i, i + 2),
        };
        let (s, e) = self.weekend_range(None, tense)?;
        self.span(i + 2, s, e, true)
    }

    /// The Saturday and Sunday meant by "this/last/next weekend" (`offset`) or by
    /// "the weekend" in a clause of the given tense.
    fn weekend_range(&self, offset: Option<i64>, tense: Tense) -> Option<(NaiveDate, NaiveDate)> {
        let a = self.anchor;
        let saturday = calendar::weekday_in_week(a, Weekday::Sat)?;
        let in_weekend = a >= saturday;
        // The weekend "this weekend" means: the coming one, or the current one.
        let offset = offset.unwrap_or(match tense {
            Tense::Future => 0,
            _ if in_weekend => 0,
            _ => -1,
        });
        let start = add_days(saturday, 7 * offset)?;
        Some((start, add_days(start, 1)?))
    }

    // ---- Pieces of calendar dates ---------------------------------------------

    /// "August 12", "Aug. 12th, 2021": (end, day, month, year).
    fn month_day(&self, i: usize) -> Option<(usize, u32, u32, Option<YearRef>)> {
        let m = match self.lex(i)? {
            Lex::Month(m) | Lex::MonthAbbr(m) if self.tok(i)?.cap => m,
            _ => return None,
        };
        let (j, d) = self.day_number(self.after_month(i), false)?;
        // "In July 12 soldiers died": a count, not a day.
        if let Some(next) = self.tok(j) {
            if is_plural_noun(&self.text[next.start..next.end]) {
                return None;
            }
        }
        let (end, y) = self.maybe_year(j);
        Some((end, d, m, y))
    }

    /// "13 August", "15th of August, 2021": (end, day, month, year).
    fn day_month(&self, i: usize) -> Option<(usize, u32, u32, Option<YearRef>)> {
        let (j, d) = self.day_number(i, false)?;
        let j = if self.kw(j, Kw::Of) { j + 1 } else { j };
        let (end, m, y) = self.month_then_year(j)?;
        Some((end, d, m, y))
    }

    /// "August", "Aug.", "August 2021", "August, 2021": (end, month, year).
    fn month_then_year(&self, i: usize) -> Option<(usize, u32, Option<YearRef>)> {
        let m = match self.lex(i)? {
            Lex::Month(m) | Lex::MonthAbbr(m) if self.tok(i)?.cap => m,
            _ => return None,
        };
        let (end, y) = self.maybe_year(self.after_month(i));
        Some((end, m, y))
    }

    /// The token after a month name, past the period of an abbreviation.
    fn after_month(&self, i: usize) -> usize {
        let abbreviated = matches!(self.lex(i), Some(Lex::MonthAbbr(_)));
        if abbreviated && self.punct(i + 1, '.') && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        }
    }

    /// An optional year at `j`, after an optional comma.
    fn maybe_year(&self, j: usize) -> (usize, Option<YearRef>) {
        let k = if self.punct(j, ',') { j + 1 } else { j };
        match self.year_ref(k) {
            Some((end, y)) => (end, Some(y)),
            None => (j, None),
        }
    }

    /// "2021", or "last year", "this year", "next year" after a date.
    fn year_ref(&self, j: usize) -> Option<(usize, YearRef)> {
        if let Some(year) = self.year_number(j) {
            return Some((
                j + 1,
                YearRef {
                    year,
                    relative: false,
                },
            ));
        }
        let offset = match self.lex(j)? {
            Lex::Kw(Kw::Last) => -1,
            Lex::Kw(Kw::This) => 0,
            Lex::Kw(Kw::Next) => 1,
            _ => return None,
        };
        if self.lex(j + 1) != Some(Lex::Unit(Unit::Year, false)) {
            return None;
        }
        let year = self.anchor.year() + offset;
        Some((
            j + 2,
            YearRef {
                year,
                relative: true,
            },
        ))
    }

    /// A day of the month, 1 to 31, with an ordinal suffix if `ordinal` (else
    /// optionally): (end, day).
    fn day_number(&self, i: usize, ordinal: bool) -> Option<(usize, u32)> {
        let tok = self.tok(i)?;
        let d = tok
            .num
            .filter(|d| tok.digits <= 2 && (1..=31).contains(d))?;
        let suffixed = self.kw(i + 1, Kw::OrdinalSuffix) && self.glued(i + 1);
        match (suffixed, ordinal) {
            (true, _) => Some((i + 2, d)),
            (false, false) => Some((i + 1, d)),
            (false, true) => None,
        }
    }

    /// A one- or two-digit number (month or day in ISO dates).
    fn small_number(&self, i: usize) -> Option<u32> {
        let tok = self.tok(i)?;
        tok.num.filter(|_| tok.digits <= 2)
    }

    /// A plausible year written as four digits.
    fn year_number(&self, i: usize) -> Option<i32> {
        let tok = self.tok(i)?;
        if tok.digits != 4 {
            return None;
        }
        plausible_year(&self.text[tok.start..tok.end])
    }

    /// A day and month, with or without year (and weekday, which picks the year
    /// when it is missing).
    fn calendar_day(
        &self,
        i: usize,
        end: usize,
        d: u32,
        m: u32,
        y: Option<YearRef>,
        weekday: Option<Weekday>,
    ) -> Option<Found> {
        if let Some(y) = y {
            let date = NaiveDate::from_ymd_opt(y.year, m, d)?;
            let found = self.fixed(end, date, date, Precision::Day, Grain::Day);
            return Some(Found {
                relative: y.relative,
                ..found
            });
        }
        let a = self.anchor.year();
        let by_weekday = weekday.and_then(|w| {
            [a, a - 1, a + 1]
                .into_iter()
                .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                .find(|date| date.weekday() == w)
        });
        let date = match by_weekday {
            Some(date) => date,
            None => {
                self.infer_year(i, end, |y| NaiveDate::from_ymd_opt(y, m, d).map(|x| (x, x)))?
                    .0
            }
        };
        Some(self.day(end, date))
    }

    /// "12-15 August [2021]".
    fn day_range(
        &self,
        i: usize,
        end: usize,
        first: u32,
        last: u32,
        m: u32,
        y: Option<YearRef>,
    ) -> Option<Found> {
        if first >= last {
            return None;
        }
        let build = |y: i32| {
            Some((
                NaiveDate::from_ymd_opt(y, m, first)?,
                NaiveDate::from_ymd_opt(y, m, last)?,
            ))
        };
        let ((s, e), relative) = match y {
            Some(y) => (build(y.year)?, y.relative),
            None => (self.infer_year(i, end, build)?, true),
        };
        Some(Found {
            end,
            range: DateRange::range(s, e, precision_of(s, e)),
            relative,
            grain: Grain::Range,
        })
    }

    /// "the 15th": that day of the anchor's month, or of the month before or
    /// after when the clause's tense points there.
    fn day_of_this_month(&self, i: usize, end: usize, d: u32) -> Option<Found> {
        let a = self.anchor;
        let in_month = |offset: i64| {
            let m = add_months(NaiveDate::from_ymd_opt(a.year(), a.month(), 1)?, offset)?;
            NaiveDate::from_ymd_opt(m.year(), m.month(), d)
        };
        let this = in_month(0);
        let tense = self.tense_at(i, end);
        let date = match this {
            Some(x) if tense == Tense::Future && x < a => in_month(1)?,
            Some(x) if tense != Tense::Future && x > add_days(a, 7)? => in_month(-1)?,
            Some(x) => x,
            None => in_month(if tense == Tense::Future { 1 } else { -1 })?,
        };
        Some(self.day(end, date))
    }

    /// Places a yearless date: the anchor's year, unless the clause's tense and
    /// distance put it in the year before or after.
    fn infer_year(
        &self,
        i: usize,
        end: usize,
        build: impl Fn(i32) -> Option<(NaiveDate, NaiveDate)>,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let a = self.anchor;
        let (s, e) = build(a.year())?;
        let tense = self.tense_at(i, end);
        if tense == Tense::Future && e < a {
            return build(a.year() + 1);
        }
        if tense != Tense::Future && s > add_days(a, FAR_FUTURE_DAYS)? {
            return build(a.year() - 1);
        }
        Some((s, e))
    }

    // ---- Relations ------------------------------------------------------------

    /// "by the end of the month", "until Friday": the event comes no later than
    /// the end of the inner range. The range starts at the anchor when the
    /// deadline lies ahead of it, else where the inner range starts.
    fn deadline(&self, inner: Found) -> Option<Found> {
        let end = inner.range.end;
        let start = match self.published {
            Some(p) if p <= end => p.min(inner.range.start),
            _ => inner.range.start,
        };
        Some(Found {
            range: DateRange::range(start, end, precision_of(start, end))
                .with_relation(TimeRelation::By),
            grain: Grain::Span,
            ..inner
        })
    }

    /// "since 2001": from the start of the inner range up to the anchor.
    fn since(&self, inner: Found) -> Found {
        let start = inner.range.start;
        let end = match self.published {
            Some(p) if p >= start => p,
            _ => inner.range.end,
        };
        Found {
            range: DateRange::range(start, end, inner.range.precision)
                .with_relation(TimeRelation::From),
            grain: Grain::Span,
            ..inner
        }
    }

    /// "... to Friday", "... and 2021": the second half of "from X to Y" and
    /// "between X and Y".
    fn range_tail(&self, first: Found) -> Option<Found> {
        let j = first.end;
        let joins = self.kw(j, Kw::To)
            || self.kw(j, Kw::Until)
            || self.kw(j, Kw::Through)
            || self.kw(j, Kw::And)
            || self.punct(j, '-');
        if !joins {
            return None;
        }
        let mut last = self.core(j + 1, Prep::Until)?;
        // "from June through November": a yearless end placed before the start
        // belongs to the following year.
        if last.relative && last.range.end < first.range.start {
            let shifted = |d: NaiveDate| add_months(d, 12);
            last.range.start = shifted(last.range.start)?;
            last.range.end = shifted(last.range.end)?;
            if last.range.end < first.range.start {
                return None;
            }
        }
        let start = first.range.start.min(last.range.start);
        let end = first.range.end.max(last.range.end);
        Some(Found {
            end: last.end,
            range: DateRange::range(start, end, precision_of(start, end)),
            relative: first.relative || last.relative,
            grain: Grain::Range,
        })
    }

    // ---- Small helpers --------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn lex(&self, i: usize) -> Option<Lex> {
        self.toks.get(i).and_then(|t| t.lex)
    }

    fn kw(&self, i: usize, kw: Kw) -> bool {
        self.lex(i) == Some(Lex::Kw(kw))
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.punct == Some(c))
    }

    /// True when token `i` follows token `i - 1` with no space between.
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }

    /// A capitalised word that is part of a name rather than a date word.
    fn is_name_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.cap && t.lex.is_none())
    }

    /// True when the word before `i` makes a bare month or year a date: "in",
    /// "since", "of", "before", "early" and the like.
    fn date_context(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.lex(i - 1),
                Some(
                    Lex::Kw(
                        Kw::In
                            | Kw::Since
                            | Kw::From
                            | Kw::Until
                            | Kw::Through
                            | Kw::By
                            | Kw::During
                            | Kw::Before
                            | Kw::After
                            | Kw::Of
                            | Kw::To
                            | Kw::And
                            | Kw::Between
                            | Kw::Early
                            | Kw::Mid
                            | Kw::Late
                            | Kw::Last
                            | Kw::Next
                            | Kw::This
                            | Kw::About
                    ) | Lex::Qualifier
                )
            )
    }

    /// Skips "morning", "afternoon", "evening" or "night" after a day word.
    fn time_of_day(&self, j: usize) -> usize {
        if self.kw(j, Kw::TimeOfDay) || self.kw(j, Kw::Night) {
            j + 1
        } else {
            j
        }
    }

    /// "nearly", "about", "more than", "at least", "just over": (next, found).
    fn qualifier(&self, i: usize) -> (usize, bool) {
        let mut j = i;
        for _ in 0..2 {
            match self.lex(j) {
                Some(Lex::Qualifier | Lex::Kw(Kw::About)) => j += 1,
                Some(Lex::Kw(Kw::Over)) if self.count(j + 1).is_some() => j += 1,
                Some(Lex::Kw(Kw::More)) if self.kw(j + 1, Kw::Than) => j += 2,
                Some(Lex::Kw(Kw::At)) if self.kw(j + 1, Kw::Least) => j += 2,
                _ => break,
            }
        }
        (j, j > i)
    }

    /// "two", "24", "a", "a few", "several", "a couple of": (next, count).
    fn count(&self, i: usize) -> Option<(usize, Count)> {
        let tok = self.tok(i)?;
        if let Some(n) = tok.num {
            return (n <= MAX_COUNT).then_some((i + 1, Count::exact(i64::from(n))));
        }
        let of = |j: usize| if self.kw(j, Kw::Of) { j + 1 } else { j };
        match tok.lex? {
            Lex::Number(n) => Some((i + 1, Count::exact(i64::from(n)))),
            Lex::Kw(Kw::A) => match self.lex(i + 1) {
                Some(Lex::Kw(Kw::Few)) => Some((i + 2, Count { lo: 2, hi: 5 })),
                Some(Lex::Kw(Kw::Couple)) => Some((of(i + 2), Count::exact(2))),
                _ => Some((i + 1, Count::exact(1))),
            },
            Lex::Kw(Kw::Few) => Some((i + 1, Count { lo: 2, hi: 5 })),
            Lex::Kw(Kw::Several) => Some((i + 1, Count { lo: 3, hi: 7 })),
            Lex::Kw(Kw::Couple) => Some((of(i + 1), Count::exact(2))),
            _ => None,
        }
    }

    /// A plural unit with no count ("days ago", "within hours"): a few of them.
    fn vague_plural(&self, i: usize) -> Option<(usize, Count)> {
        matches!(self.lex(i), Some(Lex::Unit(_, true))).then_some((i, Count { lo: 2, hi: 6 }))
    }

    fn tense_at(&self, start: usize, end: usize) -> Tense {
        tense(self.text, self.toks, start, end)
    }

    /// A single day, relative to the anchor.
    fn day(&self, end: usize, date: NaiveDate) -> Found {
        Found {
            end,
            range: DateRange::day(date),
            relative: true,
            grain: Grain::Day,
        }
    }

    /// A range of days, precision by length.
    fn span(&self, end: usize, start: NaiveDate, last: NaiveDate, relative: bool) -> Option<Found> {
        Some(Found {
            end,
            range: DateRange::range(start, last, precision_of(start, last)),
            relative,
            grain: Grain::Span,
        })
    }

    /// An absolute range that does not depend on the anchor.
    fn fixed(
        &self,
        end: usize,
        start: NaiveDate,
        last: NaiveDate,
        precision: Precision,
        grain: Grain,
    ) -> Found {
        Found {
            end,
            range: DateRange::range(start, last, precision),
            relative: false,
            grain,
        }
    }
}

/// A lower-case word that looks like a plural noun ("soldiers", "homes"): after a
/// number it makes the number a count.
fn is_plural_noun(word: &str) -> bool {
    const NOT_PLURAL: &[&str] = &["as", "is", "was", "has", "its", "this", "his", "us", "thus"];
    word.len() > 2
        && word.ends_with('s')
        && word.starts_with(|c: char| c.is_ascii_lowercase())
        && !word.ends_with("ss")
        && !NOT_PLURAL.contains(&word)
}

/// The single day an expression names, which later narrative time counts
/// from; deadlines and approximate ranges name none.
fn reference_day(range: &DateRange) -> Option<NaiveDate> {
    (range.start == range.end
        && range.precision == Precision::Day
        && range.relation == TimeRelation::Within)
        .then_some(range.start)
}
