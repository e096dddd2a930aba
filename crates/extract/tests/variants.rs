//! The paraphrases of `/work/shared/corpus/variants.md`: each gives the event
//! of the reference sentence it restates, or no event where it says so.

use sitrep_model::{Event, EventKind};

use crate::util::{extract, same_name, show};

/// What a variant must give: kind, actor id (or a country for state actors,
/// `""` for any), place (`""` for none required), a count (`0.0` for none).
struct Want {
    kind: EventKind,
    actor: &'static str,
    place: &'static str,
    count: f64,
}

const fn want(
    kind: EventKind,
    actor: &'static str,
    place: &'static str,
    count: f64,
) -> Option<Want> {
    Some(Want {
        kind,
        actor,
        place,
        count,
    })
}

fn actor_ok(w: &Want, e: &Event) -> bool {
    if w.actor.is_empty() {
        return true;
    }
    let by_actor = e.actor.as_ref().is_some_and(|a| {
        &*a.id == w.actor
            || (w.actor.len() == 2 && a.country.as_deref() == Some(w.actor) && !a.generic)
    });
    let by_person = e
        .person
        .as_ref()
        .is_some_and(|p| same_name(&p.name, w.actor) || p.country.as_deref() == Some(w.actor));
    by_actor || by_person
}

fn matches(w: &Want, e: &Event) -> bool {
    e.kind == w.kind
        && !e.negated
        && !e.hypothetical
        && actor_ok(w, e)
        && (w.place.is_empty()
            || e.place
                .iter()
                .chain(e.places.iter())
                .any(|p| same_name(&p.name, w.place)))
        && (w.count == 0.0 || e.quantities.iter().any(|q| q.value == w.count))
}

#[test]
fn variants_give_the_same_events() {
    use EventKind::*;
    let cases: Vec<(&str, Option<Want>)> = vec![
        ("Kandahar fell to the Taliban on Thursday night, officials said.", want(TerritoryTaken, "taliban", "Kandahar", 0.0)),
        ("Taliban fighters seized the southern city of Kandahar overnight.", want(TerritoryTaken, "taliban", "Kandahar", 0.0)),
        ("Insurgents have overrun Lashkargah, the capital of Helmand.", want(TerritoryTaken, "taliban", "Lashkar Gah", 0.0)),
        // One sentence alone gives "militants" no country to resolve them by.
        ("The militants captured Lashkar Gāh after a month-long siege.", want(TerritoryTaken, "", "Lashkar Gah", 0.0)),
        ("HERAT FALLS AS TALIBAN SWEEP WEST", want(TerritoryTaken, "taliban", "Herat", 0.0)),
        ("Afghanistan's third city, Hirat, is now in the hands of the insurgents.", want(TerritoryTaken, "taliban", "Herat", 0.0)),
        ("Security forces withdrew from Qalat, the provincial capital of Zabul, handing it to the Taliban.", want(TerritoryTransferred, "", "Qalat", 0.0)),
        ("The Taliban now hold 14 of the country's 34 provincial capitals.", want(ControlClaim, "taliban", "", 14.0)),
        ("Fourteen provincial capitals have fallen in eight days.", want(TerritoryTaken, "", "", 14.0)),
        // A clash is coded where it happened: here where the retaking was.
        ("Government forces retook the district centre of Andar in Ghazni after heavy clashes.", want(ArmedClash, "", "Andar", 0.0)),
        ("The Taliban denied they had entered Mazar-e Sharif.", None),
        ("Washington is sending about 3,000 troops back to Kabul's airport to help evacuate the embassy.", want(Deployment, "", "Kabul", 3000.0)),
        ("Some 3,500 more US soldiers will be positioned in Kuwait.", want(Deployment, "US", "Kuwait", 3500.0)),
        ("Britain will deploy around 600 troops to help British nationals leave.", want(Deployment, "GB", "", 600.0)),
        ("Defence Secretary Ben Wallace told Sky News he was \"absolutely worried\".", want(Statement, "Ben Wallace", "", 0.0)),
        ("Mullah Abdul Ghani Baradar leads the Taliban delegation in Doha.", want(Negotiation, "", "Doha", 0.0)),
        ("If Kabul falls, the government will collapse.", None),
    ];
    let mut failures = Vec::new();
    for (text, w) in &cases {
        let events = extract(text, "2021-08-13");
        let ok = match w {
            Some(w) => events.iter().any(|e| matches(w, e)),
            // "none": no factual territorial event.
            None => !events
                .iter()
                .any(|e| !e.negated && !e.hypothetical && e.kind == EventKind::TerritoryTaken),
        };
        if !ok {
            failures.push(format!("{text}\n{}", show(&events)));
        }
    }
    println!(
        "{} of {} variants right",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} variants wrong:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
