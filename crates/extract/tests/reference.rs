//! The reference article through the real recogniser and extractor, scored
//! against the facts in `data/expected.jsonl` (a copy of the project's spec).
//!
//! A fact is found when one event has its kind, a compatible actor (the
//! expected names map to actor ids, countries or people below), the same place
//! (name, or within 10 km, or — for a destination given only as a country —
//! that country), a compatible date and the expected quantity. An event that
//! is neither hypothetical nor negated and matches no fact is wrong.

use chrono::NaiveDate;
use serde_json::Value;
use sitrep_model::{DateRange, Event, EventKind, Precision, Qualifier, TimeRelation};

use crate::util::{extract, km, same_name, show};

const ARTICLE: &str = include_str!("data/2021-08-13-taliban-offensive.txt");
const EXPECTED: &str = include_str!("data/expected.jsonl");

/// Who an expected actor name may be in the product's terms.
enum Who {
    Id(&'static str),
    /// A state actor (government or forces) of a country, or a person of it.
    Country(&'static str),
    Person(&'static str),
}

fn who(name: &str) -> Who {
    let table: &[(&str, Who)] = &[
        ("Taliban", Who::Id("taliban")),
        ("Afghan government", Who::Country("AF")),
        ("Afghan government forces", Who::Country("AF")),
        ("United States (Pentagon)", Who::Country("US")),
        ("United States", Who::Country("US")),
        ("United Kingdom", Who::Country("GB")),
        ("Ben Wallace", Who::Person("Ben Wallace")),
        ("Boris Johnson", Who::Person("Boris Johnson")),
        ("Zalmay Khalilzad", Who::Person("Zalmay Khalilzad")),
        (
            "Doha talks participants (statement issued by Qatar)",
            Who::Country("QA"),
        ),
    ];
    for (n, w) in table {
        if *n == name {
            return match w {
                Who::Id(x) => Who::Id(x),
                Who::Country(x) => Who::Country(x),
                Who::Person(x) => Who::Person(x),
            };
        }
    }
    panic!("no actor mapping for expected name {name:?}")
}

fn actor_ok(name: &str, e: &Event) -> bool {
    match who(name) {
        Who::Id(id) => e.actor.as_ref().is_some_and(|a| &*a.id == id),
        Who::Country(c) => {
            e.actor
                .as_ref()
                .is_some_and(|a| a.country.as_deref() == Some(c) && !a.generic)
                || e.person
                    .as_ref()
                    .is_some_and(|p| p.country.as_deref() == Some(c))
        }
        Who::Person(n) => e.person.as_ref().is_some_and(|p| same_name(&p.name, n)),
    }
}

/// The expected date syntax, with the prose forms the file uses.
fn expected_date(s: &str) -> Option<DateRange> {
    let day = |x: &str| NaiveDate::parse_from_str(x.trim(), "%Y-%m-%d").ok();
    let last = s.rsplit([' ', ',']).next().unwrap_or(s);
    if let Some(x) = s.strip_prefix("<=") {
        return Some(DateRange::day(day(x)?).with_relation(TimeRelation::By));
    }
    if let Some(x) = s.strip_prefix(">=") {
        return Some(DateRange::day(day(x)?).with_relation(TimeRelation::From));
    }
    if let Some((a, b)) = s.split_once("..") {
        return Some(DateRange::range(day(a)?, day(b)?, Precision::Days));
    }
    if s.contains("before") {
        return Some(DateRange::day(day(last)?).with_relation(TimeRelation::By));
    }
    day(last).map(DateRange::day)
}

fn dates_ok(expected: &DateRange, got: &DateRange) -> bool {
    let lo = |d: &DateRange| {
        if d.relation == TimeRelation::By {
            NaiveDate::MIN
        } else {
            d.start
        }
    };
    let hi = |d: &DateRange| {
        if d.relation == TimeRelation::From {
            NaiveDate::MAX
        } else {
            d.end
        }
    };
    lo(expected) <= hi(got) && lo(got) <= hi(expected)
}

fn place_ok(f: &Value, e: &Event) -> bool {
    let name = f
        .get("place")
        .or_else(|| f.get("destination"))
        .and_then(Value::as_str);
    let places: Vec<_> = e.place.iter().chain(e.places.iter()).collect();
    if let Some(list) = f.get("places").and_then(Value::as_array) {
        return list
            .iter()
            .filter_map(Value::as_str)
            .all(|n| places.iter().any(|p| same_name(&p.name, n)));
    }
    let Some(name) = name else { return true };
    let (lat, lon) = (
        f.get("lat").and_then(Value::as_f64),
        f.get("lon").and_then(Value::as_f64),
    );
    let country = f.get("country").and_then(Value::as_str);
    places.iter().any(|p| {
        same_name(&p.name, name)
            || matches!((lat, lon), (Some(la), Some(lo)) if km(la, lo, p.lat, p.lon) <= 10.0)
            || (p.kind == sitrep_model::PlaceKind::Country && Some(p.country.as_ref()) == country)
    })
}

fn quantity_ok(f: &Value, e: &Event) -> bool {
    let Some(q) = f.get("quantity") else {
        return true;
    };
    let unit = q.get("unit").and_then(Value::as_str).unwrap_or("");
    let (want, qual) = if let Some(v) = q.get("at_least") {
        (v.as_f64(), Some(Qualifier::AtLeast))
    } else if let Some(v) = q.get("more_than") {
        (v.as_f64(), Some(Qualifier::MoreThan))
    } else {
        (q.get("value").and_then(Value::as_f64), None)
    };
    let of = q.get("of").and_then(Value::as_f64);
    e.quantities.iter().any(|x| {
        Some(x.value) == want
            && x.unit == unit
            && qual.is_none_or(|q| x.qualifier == q)
            && (of.is_none() || x.of == of)
    })
}

fn fact_matches(f: &Value, e: &Event) -> bool {
    let kind = f
        .get("kind")
        .and_then(Value::as_str)
        .and_then(EventKind::parse);
    if kind != Some(e.kind) {
        return false;
    }
    let actor = match (
        f.get("actor").and_then(Value::as_str),
        f.get("actors").and_then(Value::as_array),
    ) {
        (Some(a), _) => actor_ok(a, e),
        (None, Some(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .any(|a| actor_ok(a, e)),
        _ => true,
    };
    let date = f
        .get("date")
        .or_else(|| f.get("as_of"))
        .and_then(Value::as_str)
        .and_then(expected_date);
    let date_ok = match (date, &e.date) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(x), Some(y)) => dates_ok(&x, y),
    };
    actor && date_ok && place_ok(f, e) && quantity_ok(f, e)
}

#[test]
fn reference_article_gives_the_expected_facts() {
    let events = extract(ARTICLE, "2021-08-13");
    let facts: Vec<Value> = EXPECTED
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("expected.jsonl line"))
        .collect();
    let mut missing = Vec::new();
    for f in &facts {
        if !events.iter().any(|e| fact_matches(f, e)) {
            missing.push(f.to_string());
        }
    }
    let wrong: Vec<&Event> = events
        .iter()
        .filter(|e| !e.hypothetical && !e.negated && !facts.iter().any(|f| fact_matches(f, e)))
        .collect();
    let found = facts.len() - missing.len();
    println!("events:\n{}\n", show(&events));
    println!(
        "found {found}/{} facts; {} wrong events",
        facts.len(),
        wrong.len()
    );
    println!("missing:\n{}\n", missing.join("\n"));
    println!(
        "wrong:\n{}",
        show(&wrong.into_iter().cloned().collect::<Vec<_>>())
    );
    let wrong = events
        .iter()
        .filter(|e| !e.hypothetical && !e.negated && !facts.iter().any(|f| fact_matches(f, e)))
        .count();
    assert!(found >= 15, "found only {found} of {} facts", facts.len());
    assert!(wrong <= 3, "{wrong} wrong events");
}

#[test]
fn lashkar_gah_is_one_event_with_two_reports() {
    let events = extract(ARTICLE, "2021-08-13");
    let lg: Vec<&Event> = events
        .iter()
        .filter(|e| {
            e.kind == EventKind::TerritoryTaken
                && e.place
                    .as_ref()
                    .is_some_and(|p| same_name(&p.name, "Lashkar Gah"))
        })
        .collect();
    assert_eq!(lg.len(), 1, "{}", show(&events));
    assert!(lg[0].sources.len() >= 2, "{}", show(&events));
}
