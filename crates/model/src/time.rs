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
            TimeRelation::By => {
                f.write_str("<=")?;
                write_day(f, self.end)
            }
            TimeRelation::From => {
                f.write_str(">=")?;
                write_day(f, self.start)
            }
            _ if self.start == self.end => write_day(f, self.start),
            _ => {
                write_day(f, self.start)?;
                f.write_str("..")?;
                write_day(f, self.end)
            }
        }
    }
}

/// A day as chrono writes it (`2021-08-13`), digit by digit for the years 0
/// to 9999: every event id hashes its date's text, and chrono's general
/// formatting cost more than the hash.
fn write_day(f: &mut impl std::fmt::Write, day: NaiveDate) -> std::fmt::Result {
    use chrono::Datelike;
    let year = day.year();
    let Ok(y @ 0..=9999) = u32::try_from(year) else {
        return write!(f, "{day}");
    };
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (m, d) = (day.month(), day.day());
    let text = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(d / 10),
        digit(d),
    ];
    f.write_str(std::str::from_utf8(&text).map_err(|_| std::fmt::Error)?)
}

#[cfg(test)]
mod day_tests {
    use chrono::NaiveDate;

    /// `write_day` writes what chrono writes, inside its fast range and out.
    #[test]
    fn days_are_written_as_chrono_writes_them() {
        let mut days: Vec<NaiveDate> = [(-44, 3, 15), (0, 1, 1), (9, 9, 9), (999, 12, 31)]
            .into_iter()
            .chain([(1975, 4, 30), (2021, 8, 15), (9999, 12, 31), (10000, 1, 1)])
            .filter_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
            .collect();
        let first = NaiveDate::from_ymd_opt(2019, 12, 25).unwrap();
        days.extend(first.iter_days().take(800));
        for day in days {
            let mut out = String::new();
            super::write_day(&mut out, day).unwrap();
            assert_eq!(out, day.to_string());
        }
    }
}
