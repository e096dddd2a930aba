//! Periods long before the report are background: they neither date what is
//! said now nor make current events of past ones.

use sitrep_model::EventKind;

use crate::util::{extract, show};

#[test]
fn old_periods_do_not_date_current_reports() {
    let cases: &[(&str, &str, EventKind, Option<&str>)] = &[
        // The year belongs to what is talked about, not to the statement.
        (
            "President Joe Biden said there would be no repeat of the scenes of 1975.",
            "2021-07-09",
            EventKind::Statement,
            Some("<=2021-07-09"),
        ),
        // "since 2016" says how long, not when these strikes happened.
        (
            "Russian warplanes struck rebel positions in Aleppo, the first air strikes there since 2016.",
            "2024-11-30",
            EventKind::AirStrike,
            Some("<=2024-11-30"),
        ),
        // History told as background is not a current event.
        (
            "Uzbek militias fought the Taliban in Jowzjan in the 1990s.",
            "2021-08-20",
            EventKind::ArmedClash,
            None,
        ),
    ];
    for (text, published, kind, want) in cases {
        let events = extract(text, published);
        let found: Vec<String> = events
            .iter()
            .filter(|e| e.kind == *kind)
            .map(|e| e.date.map(|d| d.to_string()).unwrap_or_default())
            .collect();
        match want {
            Some(date) => assert_eq!(found, [date.to_string()], "{text}\n{}", show(&events)),
            None => assert!(found.is_empty(), "{text}\n{}", show(&events)),
        }
    }
}
