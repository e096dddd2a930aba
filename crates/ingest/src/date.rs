//! Publication dates as inputs write them: ISO 8601 / RFC 3339 timestamps,
//! RFC 2822 (`Fri, 13 Aug 2021 09:00:00 GMT`), `2021/08/13`, `20210813`,
//! `13 August 2021`, `Aug. 13, 2021`, and dates at the start of file names.
//!
//! A timestamp gives the calendar date *as written*, in the zone it was written
//! in, not converted to UTC: an article stamped `2021-08-13T01:30:00+04:30` was
//! published on the 13th in Kabul, and that local date is what relative
//! expressions ("on Friday") are anchored to. This module does not find dates
//! in running text; that is the recogniser's job.

use chrono::{DateTime, NaiveDate};
use regex::Regex;

/// Compiled date patterns; build once per [`crate::Reader`].
#[derive(Debug)]
pub(crate) struct Dates {
    iso: Regex,
    compact: Regex,
    day_month: Regex,
    month_day: Regex,
    file_name: Regex,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

impl Dates {
    pub(crate) fn new() -> Dates {
        let month = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?";
        Dates {
            iso: Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[^\d])").expect("iso date"),
            compact: Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:$|[Tt ])").expect("compact date"),
            day_month: Regex::new(&format!(
                r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{month},?\s+(\d{{4}})\b"
            ))
            .expect("day month date"),
            month_day: Regex::new(&format!(
                r"(?i)\b{month}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
            ))
            .expect("month day date"),
            file_name: Regex::new(r"^(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?:$|[^\d])")
                .expect("file name date"),
        }
    }

    /// Parses a date or timestamp value from metadata (a meta tag, a feed's
    /// `pubDate`, a WARC-Date). `None` when nothing date-like is found.
    pub(crate) fn parse(&self, value: &str) -> Option<NaiveDate> {
        let v = value.trim();
        if v.is_empty() {
            return None;
        }
        if let Some(c) = self.iso.captures(v) {
            return ymd(&c[1], &c[2], &c[3]);
        }
        if let Some(c) = self.compact.captures(v) {
            return ymd(&c[1], &c[2], &c[3]);
        }
        if let Ok(dt) = DateTime::parse_from_rfc2822(v) {
            return plausible(dt.naive_local().date());
        }
        if let Some(c) = self.day_month.captures(v) {
            return month_index(&c[2]).and_then(|m| ymd_num(&c[3], m, &c[1]));
        }
        if let Some(c) = self.month_day.captures(v) {
            return month_index(&c[1]).and_then(|m| ymd_num(&c[3], m, &c[2]));
        }
        None
    }

    /// A date at the very start of a file name: `2021-08-13-taliban.txt`,
    /// `2021_08_13.html`, `20210813.txt`. Only the final path component counts.
    pub(crate) fn in_file_name(&self, origin: &str) -> Option<NaiveDate> {
        let name = origin.rsplit(['/', '\\']).next().unwrap_or(origin);
        let c = self.file_name.captures(name)?;
        ymd(&c[1], &c[2], &c[3])
    }
}

fn month_index(name: &str) -> Option<u32> {
    let lower = name.get(..3)?.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .map(|i| i as u32 + 1)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    ymd_num(y, m.parse().ok()?, d)
}

fn ymd_num(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    plausible(NaiveDate::from_ymd_opt(
        y.parse().ok()?,
        m,
        d.parse().ok()?,
    )?)
}

/// Rejects years no news report was published in, which are almost always a
/// placeholder (`0001-01-01`) or a misparse.
fn plausible(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    (1900..=2200).contains(&d.year()).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An input and the (year, month, day) it should give.
    type Case = (&'static str, Option<(i32, u32, u32)>);

    #[test]
    fn parses_metadata_dates() {
        let d = Dates::new();
        let cases: &[Case] = &[
            ("2021-08-13T01:30:00+04:30", Some((2021, 8, 13))),
            ("2021-08-13", Some((2021, 8, 13))),
            ("2021-8-3 10:00", Some((2021, 8, 3))),
            ("2021/08/13", Some((2021, 8, 13))),
            ("20210813", Some((2021, 8, 13))),
            ("20210813T101500Z", Some((2021, 8, 13))),
            ("Fri, 13 Aug 2021 23:30:00 -0500", Some((2021, 8, 13))),
            ("Fri, 13 Aug 2021 09:00:00 GMT", Some((2021, 8, 13))),
            ("13 Aug 2021", Some((2021, 8, 13))),
            ("Friday 13th August 2021", Some((2021, 8, 13))),
            ("Aug. 13, 2021 5:01 PM ET", Some((2021, 8, 13))),
            ("September 2, 2021", Some((2021, 9, 2))),
            ("2021-02-30", None),
            ("0001-01-01T00:00:00Z", None),
            ("yesterday", None),
            ("", None),
        ];
        for (input, want) in cases {
            let want = want.map(|(y, m, dd)| NaiveDate::from_ymd_opt(y, m, dd).unwrap());
            assert_eq!(d.parse(input), want, "input {input:?}");
        }
    }

    #[test]
    fn file_name_dates() {
        let d = Dates::new();
        let cases: &[Case] = &[
            (
                "corpus/2021-08-13-taliban-offensive.txt",
                Some((2021, 8, 13)),
            ),
            ("2021_08_13.html", Some((2021, 8, 13))),
            ("20210813-kabul.txt", Some((2021, 8, 13))),
            ("2021-08-13", Some((2021, 8, 13))),
            ("2021-08-131.txt", None),
            ("report-2021-08-13.txt", None),
            ("2021-13-01-x.txt", None),
            ("2021-08-13-dir/report.txt", None),
            ("-", None),
        ];
        for (input, want) in cases {
            let want = want.map(|(y, m, dd)| NaiveDate::from_ymd_opt(y, m, dd).unwrap());
            assert_eq!(d.in_file_name(input), want, "input {input:?}");
        }
    }
}
