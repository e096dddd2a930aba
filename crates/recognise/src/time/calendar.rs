//! Calendar arithmetic the resolver needs: shifting dates, the bounds of weeks,
//! months and years, and picking a precision for a range of days.
//!
//! Every function returns `None` instead of panicking when a date would fall
//! outside what chrono can represent, so absurd input ("9000 years ago") only
//! loses a mention.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use sitrep_model::Precision;

use super::lexicon::{Part, Unit};

/// `d` shifted by `n` days, either way.
pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let magnitude = Days::new(n.unsigned_abs());
    if n >= 0 {
        d.checked_add_days(magnitude)
    } else {
        d.checked_sub_days(magnitude)
    }
}

/// `d` shifted by `n` months, either way; the day is clamped to the month's end.
pub(super) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let magnitude = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(magnitude)
    } else {
        d.checked_sub_months(magnitude)
    }
}

/// `d` shifted by `n` of `unit`.
pub(super) fn shift(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    match unit {
        Unit::Hour => {
            // Any part of a day counts as a day: "12 hours ago" may be yesterday.
            let days = i64::try_from(n.unsigned_abs().div_ceil(24)).ok()?;
            add_days(d, if n < 0 { -days } else { days })
        }
        Unit::Day => add_days(d, n),
        Unit::Week => add_days(d, n.checked_mul(7)?),
        Unit::Fortnight => add_days(d, n.checked_mul(14)?),
        Unit::Month => add_months(d, n),
        Unit::Year => add_months(d, n.checked_mul(12)?),
        Unit::Decade => add_months(d, n.checked_mul(120)?),
    }
}

/// The Monday of the (ISO, Monday to Sunday) week holding `d`.
pub(super) fn week_start(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

/// The Monday to Sunday week holding `d`.
pub(super) fn week_of(d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let start = week_start(d)?;
    Some((start, add_days(start, 6)?))
}

/// First and last day of a month.
pub(super) fn month(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let end = add_days(add_months(start, 1)?, -1)?;
    Some((start, end))
}

/// The month holding `d`.
pub(super) fn month_of(d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    month(d.year(), d.month())
}

/// First and last day of a year.
pub(super) fn year(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// The day of the given weekday in the Monday to Sunday week holding `d`.
pub(super) fn weekday_in_week(d: NaiveDate, day: Weekday) -> Option<NaiveDate> {
    add_days(week_start(d)?, i64::from(day.num_days_from_monday()))
}

/// The nearest `day` strictly before (`forward == false`) or after `d`.
pub(super) fn nearest_weekday(d: NaiveDate, day: Weekday, forward: bool) -> Option<NaiveDate> {
    let from = i64::from(d.weekday().num_days_from_monday());
    let to = i64::from(day.num_days_from_monday());
    let ahead = (to - from).rem_euclid(7);
    if forward {
        add_days(d, if ahead == 0 { 7 } else { ahead })
    } else {
        let back = (from - to).rem_euclid(7);
        add_days(d, -(if back == 0 { 7 } else { back }))
    }
}

/// The early, middle or late third of a range: used for months ("mid-August"),
/// years ("late 2019"), weeks and decades alike.
pub(super) fn part(start: NaiveDate, end: NaiveDate, part: Part) -> Option<(NaiveDate, NaiveDate)> {
    let len = (end - start).num_days() + 1;
    let whole_year = start.ordinal() == 1 && end == year(start.year())?.1;
    let whole_month = start.day() == 1 && Some(end) == month_of(start).map(|m| m.1);
    // Thirds of a year go by months (January to April...), thirds of a month
    // are the conventional 1-10, 11-20, 21-end.
    let years = end.year() - start.year() + 1;
    let whole_years = start.ordinal() == 1 && end == year(end.year())?.1;
    let (a, b) = if whole_years && years > 1 {
        // Decades split by years: "the early 1990s" is 1990-1993.
        let from = |k: i32| Some((year(start.year() + k)?.0 - start).num_days());
        (from((years * 4 + 9) / 10)?, from(years * 7 / 10)?)
    } else if whole_year {
        let may = NaiveDate::from_ymd_opt(start.year(), 5, 1)?;
        let september = NaiveDate::from_ymd_opt(start.year(), 9, 1)?;
        ((may - start).num_days(), (september - start).num_days())
    } else if whole_month {
        (10, 20)
    } else {
        (len / 3, 2 * len / 3)
    };
    match part {
        Part::Early => Some((start, add_days(start, a - 1)?)),
        Part::Mid => Some((add_days(start, a)?, add_days(start, b - 1)?)),
        Part::Late => Some((add_days(start, b)?, end)),
    }
}

/// How precise a range of days is, judged by its length.
pub(super) fn precision_of(start: NaiveDate, end: NaiveDate) -> Precision {
    match (end - start).num_days() + 1 {
        ..=1 => Precision::Day,
        2..=6 => Precision::Days,
        7..=11 => Precision::Week,
        12..=62 => Precision::Month,
        63..=400 => Precision::Year,
        _ => Precision::Years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("test date")
    }

    #[test]
    fn weekday_arithmetic() {
        let friday = d("2021-08-13");
        let cases = [
            (Weekday::Sun, false, "2021-08-08"),
            (Weekday::Sun, true, "2021-08-15"),
            (Weekday::Fri, false, "2021-08-06"),
            (Weekday::Fri, true, "2021-08-20"),
            (Weekday::Thu, false, "2021-08-12"),
            (Weekday::Mon, true, "2021-08-16"),
        ];
        for (day, forward, want) in cases {
            assert_eq!(
                nearest_weekday(friday, day, forward),
                Some(d(want)),
                "{day} {forward}"
            );
        }
        assert_eq!(week_of(friday), Some((d("2021-08-09"), d("2021-08-15"))));
    }

    #[test]
    fn parts_of_months_and_years() {
        let (s, e) = month(2021, 2).expect("february");
        assert_eq!(e, d("2021-02-28"));
        assert_eq!(part(s, e, Part::Late), Some((d("2021-02-21"), e)));
        let (s, e) = year(2019).expect("2019");
        assert_eq!(part(s, e, Part::Early).map(|r| r.1), Some(d("2019-04-30")));
    }

    #[test]
    fn absurd_shifts_do_not_panic() {
        let day = d("2021-08-13");
        assert_eq!(shift(day, Unit::Decade, i64::MAX), None);
        assert_eq!(shift(day, Unit::Day, i64::MIN), None);
        assert!(shift(day, Unit::Year, -1_000_000).is_none());
    }
}
