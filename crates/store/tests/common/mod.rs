//! Synthetic articles for the store's tests and its ingest benchmark: varied
//! conflicts, a few kinds of mention and event per article, and events that
//! recur across articles (so evidence merging is exercised).
//!
//! Each article's `origin` records how many mentions and evidence rows it
//! carries (`synthetic#<i>#m<mentions>#e<evidence>`), so a reader can check an
//! article is complete without re-running the generator.

#![allow(dead_code)]

use chrono::NaiveDate;
use sitrep_model::{
    AcledCode, ActorKind, ActorMention, Article, DateRange, Event, EventKind, Evidence, Mention,
    MentionKind, Place, PlaceKind, PlaceMention, PlaceRole, PloverCode, Span, TimeMention,
};

/// (geonameid, name, admin1, ISO 3166-2, country, country name, lat, lon)
type PlaceRow = (
    u64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    f64,
    f64,
);

const PLACES: &[PlaceRow] = &[
    (
        1135689,
        "Kunduz",
        "Kunduz",
        "AF-KDZ",
        "AF",
        "Afghanistan",
        36.72895,
        68.857,
    ),
    (
        1138336,
        "Kandahār",
        "Kandahar",
        "AF-KAN",
        "AF",
        "Afghanistan",
        31.61332,
        65.71013,
    ),
    (
        216281,
        "Goma",
        "Nord-Kivu",
        "CD-NK",
        "CD",
        "Congo, The Democratic Republic of the",
        -1.67409,
        29.22845,
    ),
    (
        713174,
        "Bakhmut",
        "Donetska oblast",
        "UA-14",
        "UA",
        "Ukraine",
        48.59419,
        37.99886,
    ),
    (
        379555,
        "El Fasher",
        "North Darfur",
        "SD-DN",
        "SD",
        "Sudan",
        13.62793,
        25.34936,
    ),
];

/// (id, name, kind, country)
const ACTORS: &[(&str, &str, ActorKind, &str)] = &[
    ("taliban", "Taliban", ActorKind::RebelGroup, "AF"),
    ("m23", "M23", ActorKind::RebelGroup, "CD"),
    (
        "ru.military",
        "Russian armed forces",
        ActorKind::StateForces,
        "RU",
    ),
    ("rsf", "Rapid Support Forces", ActorKind::Militia, "SD"),
];

/// Filler that brings an article to a realistic length (~3 KB) without adding mentions.
const FILLER: &str = "Aid agencies said the roads out of the area were crowded with families \
    carrying what they could, and that prices for flour and fuel had doubled within days. \
    Officials in the capital did not respond to requests for comment. Independent \
    verification of the claims was not possible because telephone lines were cut and \
    journalists were kept away from the front. Residents described hearing heavy gunfire \
    through the night and said many shops had stayed shut. ";

pub fn place(row: &PlaceRow) -> Place {
    let (geonameid, name, admin1, code, country, country_name, lat, lon) = *row;
    Place {
        geonameid: Some(geonameid),
        name: name.into(),
        kind: PlaceKind::City,
        admin1: Some(admin1.into()),
        admin1_code: Some(code.into()),
        admin2: None,
        country: country.into(),
        country_name: country_name.into(),
        lat,
        lon,
        population: 0,
    }
}

pub fn actor(i: usize) -> ActorMention {
    let (id, name, kind, country) = ACTORS[i % ACTORS.len()];
    ActorMention {
        id: id.into(),
        name: name.into(),
        kind,
        country: Some(country.into()),
        generic: false,
    }
}

fn span_of(text: &str, needle: &str, from: usize) -> Span {
    let start = from
        + text[from..]
            .find(needle)
            .expect("needle is in the generated text");
    Span::new(start, start + needle.len())
}

/// The i-th synthetic article with its mentions and events.
pub fn sample(i: usize) -> (Article, Vec<Mention>, Vec<Event>) {
    let row = &PLACES[i % PLACES.len()];
    let (_, pname, ..) = *row;
    let actor = actor(i);
    let day = NaiveDate::from_ymd_opt(2021, 8, 1).expect("valid date")
        + chrono::Days::new((i % 20) as u64);
    let sentences = [
        format!(
            "Report {i}: heavy fighting broke out around {pname} on {day}, local officials said."
        ),
        format!(
            "{} fighters said they had captured {pname} after a siege lasting {} days.",
            actor.name,
            3 + i % 9
        ),
        format!("Thousands of civilians fled {pname} as the clashes spread to nearby villages."),
    ];
    let mut text = sentences.join(" ");
    text.push(' ');
    for _ in 0..(i % 3 + 5) {
        text.push_str(FILLER);
    }
    let text = text.trim_end().to_string();

    let sentence_spans: Vec<Span> = {
        let mut from = 0;
        sentences
            .iter()
            .map(|s| {
                let span = span_of(&text, s, from);
                from = span.end;
                span
            })
            .collect()
    };

    let mut mentions = Vec::new();
    for (si, s) in sentence_spans.iter().enumerate() {
        let span = span_of(&text, pname, s.start);
        mentions.push(Mention {
            span,
            text: pname.to_string(),
            sentence: si,
            kind: MentionKind::Place(PlaceMention {
                place: Some(place(row)),
                score: 0.9,
                candidates: 2,
                fuzzy: false,
                role: PlaceRole::Literal,
            }),
        });
    }
    let actor_span = span_of(&text, &actor.name, sentence_spans[1].start);
    mentions.push(Mention {
        span: actor_span,
        text: actor.name.to_string(),
        sentence: 1,
        kind: MentionKind::Actor(actor.clone()),
    });
    let day_text = day.to_string();
    mentions.push(Mention {
        span: span_of(&text, &day_text, 0),
        text: day_text,
        sentence: 0,
        kind: MentionKind::Time(TimeMention {
            range: Some(DateRange::day(day)),
            relative: false,
        }),
    });

    let mut article = Article::from_text(text, String::new());
    article.published = Some(day);
    article.source = Some(format!("Wire {}", i % 4));
    article.url = Some(format!("https://news.example/{i}"));

    // Place, actor and day repeat with period 20, so articles i and i + 20 report
    // the same capture and their "taken" events share an id.
    let taken_date = DateRange::day(day);
    let taken = make_event(
        EventKind::TerritoryTaken,
        &actor,
        row,
        taken_date,
        &article,
        sentence_spans[1],
        "captured",
        0.6 + (i % 4) as f64 * 0.1,
    );
    let mut events = vec![taken];
    if i % 2 == 0 {
        events.push(make_event(
            EventKind::ArmedClash,
            &actor,
            row,
            taken_date,
            &article,
            sentence_spans[0],
            "fighting",
            0.7,
        ));
    }
    let evidence: usize = events.iter().map(|e| e.sources.len()).sum();
    article.origin = format!("synthetic#{i}#m{}#e{evidence}", mentions.len());
    (article, mentions, events)
}

#[allow(clippy::too_many_arguments)]
pub fn make_event(
    kind: EventKind,
    actor: &ActorMention,
    row: &PlaceRow,
    date: DateRange,
    article: &Article,
    sentence: Span,
    trigger: &str,
    confidence: f64,
) -> Event {
    let place = place(row);
    let acled = match kind {
        EventKind::TerritoryTaken => Some((
            "Strategic developments",
            "Non-state actor overtakes territory",
        )),
        EventKind::ArmedClash => Some(("Battles", "Armed clash")),
        _ => None,
    };
    Event {
        id: Event::compute_id(kind, Some(&actor.id), None, Some(&place.name), Some(&date)),
        kind,
        actor: Some(actor.clone()),
        person: None,
        participants: Vec::new(),
        target: None,
        place: Some(place),
        places: Vec::new(),
        date: Some(date),
        quantities: Vec::new(),
        fatalities: None,
        injuries: None,
        negated: false,
        hypothetical: false,
        confidence,
        plover: Some(PloverCode {
            event_type: if kind == EventKind::ArmedClash {
                "ASSAULT"
            } else {
                "SEIZE"
            }
            .to_string(),
            mode: None,
        }),
        acled: acled.map(|(t, s)| AcledCode {
            event_type: t.to_string(),
            sub_event_type: s.to_string(),
        }),
        sources: vec![Evidence {
            article: article.id.clone(),
            url: article.url.clone(),
            source: article.source.clone(),
            published: article.published,
            sentence_span: sentence,
            sentence: sentence.slice(&article.text).to_string(),
            trigger: span_of(&article.text, trigger, sentence.start),
            fields: Vec::new(),
        }],
    }
}

/// Parses the expected (mentions, evidence) counts out of a synthetic origin.
pub fn expected_counts(origin: &str) -> Option<(u64, u64)> {
    let mut parts = origin.split('#').skip(2);
    let m = parts.next()?.strip_prefix('m')?.parse().ok()?;
    let e = parts.next()?.strip_prefix('e')?.parse().ok()?;
    Some((m, e))
}
