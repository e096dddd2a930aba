use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How precisely a date is known. Ordered from finest to coarsest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A single known day.
    Day,
    /// A span of a few days ("in the next two days", "last week").
    Days,
    /// Somewhere within a week.
    Week,
    /// Somewhere within a month.
    Month,
    /// Somewhere within a year.
    Year,
    /// Vaguer than a year ("nearly 20 years ago").
    Years,
}

/// How a reported date relates to the event: on it, before it, after it, roughly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeRelation {
    /// The event happened within the range.
    #[default]
    Within,
    /// The event happens no later than `end` ("by the end of the month").
    By,
    /// The event happens no earlier than `start` ("from Monday").
    From,
    /// The range is approximate ("nearly 20 years ago", "around").
    About,
}

/// A closed range of calendar days with a precision: the normal form of every
/// date expression. A single day has `start == end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateRange {
    /// First day that may be meant.
    pub start: NaiveDate,
    /// Last day that may be meant (inclusive).
    pub end: NaiveDate,
    /// How precisely the text pins the date.
    pub precision: Precision,
    /// How the event relates to the range.
    #[serde(default)]
    pub relation: TimeRelation,
}

impl DateRange {
    /// One known day.
    pub fn day(d: NaiveDate) -> DateRange {
        DateRange {
            start: d,
            end: d,
            precision: Precision::Day,
            relation: TimeRelation::Within,
        }
    }

    /// A range of days with the given precision.
    pub fn range(start: NaiveDate, end: NaiveDate, precision: Precision) -> DateRange {
        DateRange {
            start: start.min(end),
            end: end.max(start),
            precision,
            relation: TimeRelation::Within,
        }
    }

    /// The same range with another relation.
    pub fn with_relation(mut self, relation: TimeRelation) -> DateRange {
        self.relation = relation;
        self
    }

    /// True if the two ranges share a day.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

/// Formats like the corpus does: `2021-08-13`, `2021-08-13..2021-08-15`,
/// `<=2021-08-31` for "by", `>=2021-08-13` for "from".
impl std::fmt::Display for DateRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.relation {
            TimeRelation::By => write!(f, "<={}", self.end),
            TimeRelation::From => write!(f, ">={}", self.start),
            _ if self.start == self.end => write!(f, "{}", self.start),
            _ => write!(f, "{}..{}", self.start, self.end),
        }
    }
}
