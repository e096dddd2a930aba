//! Golden tests: each writer's output on a small hand-built event set is
//! compared byte for byte with a file under `tests/golden/`. After an intended
//! format change, regenerate with `SITREP_UPDATE_GOLDEN=1 cargo test -p
//! sitrep-export` and review the diff.

use std::path::PathBuf;

use chrono::NaiveDate;
use sitrep_export::{
    write_acled, write_csv, write_geojson, write_jsonl, write_mentions_csv, write_mentions_jsonl,
    AcledOptions, ExportSummary, SkipReason, ACLED_COLUMNS, CSV_COLUMNS,
};
use sitrep_model::{
    AcledCode, ActorKind, ActorMention, Article, DateRange, Event, EventKind, Evidence, Mention,
    MentionKind, PersonMention, Place, PlaceKind, PlaceMention, PlaceRole, PloverCode, Precision,
    Qualifier, Quantity, Span, TimeMention, TimeRelation,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn actor(id: &str, name: &str, kind: ActorKind, country: &str) -> ActorMention {
    ActorMention {
        id: id.into(),
        name: name.into(),
        kind,
        country: Some(country.into()),
        generic: false,
    }
}

#[allow(clippy::too_many_arguments)]
fn place(
    geonameid: Option<u64>,
    name: &str,
    kind: PlaceKind,
    admin1: Option<(&str, &str)>,
    country: &str,
    country_name: &str,
    lat: f64,
    lon: f64,
) -> Place {
    Place {
        geonameid,
        name: name.into(),
        kind,
        admin1: admin1.map(|a| a.0.into()),
        admin1_code: admin1.map(|a| a.1.into()),
        admin2: None,
        country: country.into(),
        country_name: country_name.into(),
        lat,
        lon,
        population: 0,
    }
}

/// Evidence for a sentence that is its own whole article text.
fn evidence(
    article: &str,
    source: &str,
    url: Option<&str>,
    sentence: &str,
    trigger: &str,
) -> Evidence {
    let t = sentence.find(trigger).expect("trigger in sentence");
    Evidence {
        article: sitrep_model::ArticleId(article.into()),
        url: url.map(str::to_string),
        source: Some(source.into()),
        published: Some(day(2021, 8, 13)),
        sentence_span: Span::new(0, sentence.len()),
        sentence: sentence.into(),
        trigger: Span::new(t, t + trigger.len()),
        fields: Vec::new(),
    }
}

fn code(event_type: &str, sub: &str) -> Option<AcledCode> {
    Some(AcledCode {
        event_type: event_type.into(),
        sub_event_type: sub.into(),
    })
}

fn plover(t: &str, mode: Option<&str>) -> Option<PloverCode> {
    Some(PloverCode {
        event_type: t.into(),
        mode: mode.map(str::to_string),
    })
}

fn base(kind: EventKind, id: &str) -> Event {
    Event {
        id: id.into(),
        kind,
        actor: None,
        person: None,
        participants: Vec::new(),
        target: None,
        place: None,
        places: Vec::new(),
        date: None,
        quantities: Vec::new(),
        fatalities: None,
        injuries: None,
        negated: false,
        hypothetical: false,
        confidence: 0.8,
        plover: None,
        acled: None,
        sources: Vec::new(),
    }
}

fn events() -> Vec<Event> {
    let afghanistan = place(
        Some(1149361),
        "Afghanistan",
        PlaceKind::Country,
        None,
        "AF",
        "Afghanistan",
        33.0,
        66.0,
    );
    vec![
        Event {
            actor: Some(actor("taliban", "Taliban", ActorKind::RebelGroup, "AF")),
            place: Some(place(Some(1138336), "Kandahār", PlaceKind::City, Some(("Kandahar", "AF-KAN")), "AF", "Afghanistan", 31.61332, 65.71013)),
            date: Some(DateRange::day(day(2021, 8, 13)).with_relation(TimeRelation::By)),
            confidence: 0.92,
            plover: plover("SEIZE", Some("occupy")),
            acled: code("Strategic developments", "Non-state actor overtakes territory"),
            sources: vec![
                evidence("a1", "Reuters", Some("https://news.example/kandahar"), "The Taliban have seized Kandahar, Afghanistan's second city.", "seized"),
                evidence("a2", "TOLOnews", None, "Kandahar fell to the Taliban overnight, officials said.", "fell"),
            ],
            ..base(EventKind::TerritoryTaken, "e01")
        },
        Event {
            actor: Some(actor("m23", "M23", ActorKind::RebelGroup, "CD")),
            target: Some(actor("cd.military", "Military Forces of the Democratic Republic of Congo", ActorKind::StateForces, "CD")),
            place: Some(place(Some(216281), "Goma", PlaceKind::City, Some(("Nord-Kivu", "CD-NK")), "CD", "Congo, The Democratic Republic of the", -1.67409, 29.22845)),
            date: Some(DateRange::range(day(2022, 10, 24), day(2022, 10, 30), Precision::Week)),
            fatalities: Some(Quantity { value: 12.0, unit: "fatalities".into(), qualifier: Qualifier::About, of: None, span: Span::new(60, 62) }),
            plover: plover("ASSAULT", Some("firearms")),
            acled: code("Battles", "Armed clash"),
            sources: vec![evidence("a3", "Radio Okapi", Some("https://news.example/goma"), "Fighting between M23 and the army north of Goma killed about 12, a \"local\" source said.", "Fighting")],
            ..base(EventKind::ArmedClash, "e02")
        },
        Event {
            actor: Some(actor("rsf", "Rapid Support Forces", ActorKind::Militia, "SD")),
            place: Some(place(Some(379555), "El Fasher", PlaceKind::City, Some(("North Darfur", "SD-DN")), "SD", "Sudan", 13.62793, 25.34936)),
            date: Some(DateRange::day(day(2024, 5, 11))),
            fatalities: Some(Quantity { value: 30.0, unit: "fatalities".into(), qualifier: Qualifier::AtLeast, of: None, span: Span::new(0, 2) }),
            confidence: 0.75,
            plover: plover("ASSAULT", None),
            acled: code("Violence against civilians", "Attack"),
            sources: vec![evidence("a4", "Sudan Tribune", None, "At least 30 civilians were killed when RSF fighters shelled a market in El Fasher.", "killed")],
            ..base(EventKind::AttackOnCivilians, "e03")
        },
        Event {
            actor: Some(actor("un", "United Nations", ActorKind::InternationalOrganisation, "UN")),
            date: Some(DateRange::day(day(2021, 8, 13))),
            plover: plover("DISAPPROVE", None),
            sources: vec![evidence("a1", "Reuters", Some("https://news.example/kandahar"), "The UN called for an immediate halt to the offensive.", "called")],
            ..base(EventKind::Statement, "e04")
        },
        Event {
            actor: Some(actor("taliban", "Taliban", ActorKind::RebelGroup, "AF")),
            place: Some(afghanistan),
            date: Some(DateRange::day(day(2021, 8, 13))),
            quantities: vec![Quantity { value: 14.0, unit: "provincial capitals".into(), qualifier: Qualifier::AtLeast, of: Some(34.0), span: Span::new(0, 5) }],
            confidence: 0.7,
            sources: vec![evidence("a1", "Reuters", Some("https://news.example/kandahar"), "The Taliban now control at least 14 of the 34 provincial capitals.", "control")],
            ..base(EventKind::ControlClaim, "e05")
        },
        Event {
            actor: Some(actor("ru.military", "Military Forces of Russia", ActorKind::StateForces, "RU")),
            place: Some(place(Some(713174), "Bakhmut", PlaceKind::City, Some(("Donetska oblast", "UA-14")), "UA", "Ukraine", 48.59419, 37.99886)),
            date: Some(DateRange::range(day(2023, 3, 1), day(2023, 3, 31), Precision::Month)),
            hypothetical: true,
            confidence: 0.4,
            plover: plover("ASSAULT", Some("aerial")),
            acled: code("Explosions/Remote violence", "Air/drone strike"),
            sources: vec![evidence("a5", "Kyiv Independent", None, "Officials warned that air strikes on Bakhmut could intensify in March.", "air strikes")],
            ..base(EventKind::AirStrike, "e06")
        },
    ]
}

fn article_and_mentions() -> (Article, Vec<Mention>) {
    let text = "Taliban fighters entered Kandahār on Friday, a spokesman, Zabihullah Mujahid, told reporters in Kābul.";
    let mut article = Article::from_text(text, "golden.txt");
    article.published = Some(day(2021, 8, 14));
    let at = |s: &str| {
        let start = text.find(s).unwrap();
        Span::new(start, start + s.len())
    };
    let mention = |surface: &str, kind| Mention {
        span: at(surface),
        text: surface.into(),
        sentence: 0,
        kind,
    };
    let kandahar = place(
        Some(1138336),
        "Kandahār",
        PlaceKind::City,
        Some(("Kandahar", "AF-KAN")),
        "AF",
        "Afghanistan",
        31.61332,
        65.71013,
    );
    let kabul = place(
        Some(1138958),
        "Kabul",
        PlaceKind::City,
        Some(("Kabul", "AF-KAB")),
        "AF",
        "Afghanistan",
        34.52813,
        69.17233,
    );
    let place_kind = |p: Place| {
        MentionKind::Place(PlaceMention {
            place: Some(p),
            score: 0.9,
            candidates: 2,
            fuzzy: false,
            role: PlaceRole::Literal,
        })
    };
    let mentions = vec![
        mention(
            "Taliban",
            MentionKind::Actor(actor("taliban", "Taliban", ActorKind::RebelGroup, "AF")),
        ),
        mention("Kandahār", place_kind(kandahar)),
        mention(
            "Friday",
            MentionKind::Time(TimeMention {
                range: Some(DateRange::day(day(2021, 8, 13))),
                relative: true,
            }),
        ),
        mention(
            "Zabihullah Mujahid",
            MentionKind::Person(PersonMention {
                id: Some("zabihullah_mujahid".into()),
                name: "Zabihullah Mujahid".into(),
                role: Some("spokesman".into()),
                affiliation: Some("taliban".into()),
                country: Some("AF".into()),
                via_pronoun: false,
            }),
        ),
        mention("Kābul", place_kind(kabul)),
    ];
    (article, mentions)
}

fn golden(name: &str, output: &[u8]) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    let output = std::str::from_utf8(output).expect("writers emit UTF-8");
    if std::env::var_os("SITREP_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, output).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (set SITREP_UPDATE_GOLDEN=1 to create)",
            path.display()
        )
    });
    assert_eq!(output, want, "{name} differs from its golden file");
}

fn skipped(pairs: &[(SkipReason, usize)]) -> std::collections::BTreeMap<SkipReason, usize> {
    pairs.iter().copied().collect()
}

#[test]
fn jsonl_round_trips_every_event() {
    let events = events();
    let mut out = Vec::new();
    let summary = write_jsonl(&mut out, &events).unwrap();
    assert_eq!(summary.written, events.len());
    golden("events.jsonl", &out);
    let back: Vec<Event> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(back, events);
}

#[test]
fn csv_has_one_row_per_event() {
    let events = events();
    let mut out = Vec::new();
    let summary = write_csv(&mut out, &events).unwrap();
    assert_eq!(
        summary,
        ExportSummary {
            written: 6,
            ..Default::default()
        }
    );
    golden("events.csv", &out);
    let mut r = csv::Reader::from_reader(out.as_slice());
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), CSV_COLUMNS);
    assert_eq!(r.records().count(), events.len());
}

#[test]
fn geojson_points_are_lon_lat_and_unlocated_events_are_counted() {
    let events = events();
    let mut out = Vec::new();
    let summary = write_geojson(&mut out, &events).unwrap();
    assert_eq!(summary.written, 5);
    assert_eq!(summary.skipped, skipped(&[(SkipReason::NoCoordinates, 1)]));
    golden("events.geojson", &out);
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let first = &doc["features"][0];
    assert_eq!(
        first["geometry"]["coordinates"],
        serde_json::json!([65.71013, 31.61332])
    );
    assert_eq!(first["properties"]["kind"], "territory_taken");
}

#[test]
fn acled_rows_follow_acled_conventions() {
    let events = events();
    let mut out = Vec::new();
    let summary = write_acled(
        &mut out,
        &events,
        &AcledOptions::new(1_700_000_000).unwrap(),
    )
    .unwrap();
    assert_eq!(summary.written, 3);
    assert_eq!(
        summary.skipped,
        skipped(&[(SkipReason::NoAcledCode, 2), (SkipReason::NotFactual, 1)])
    );
    golden("events_acled.csv", &out);

    let mut r = csv::Reader::from_reader(out.as_slice());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        ACLED_COLUMNS
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let col = |row: &csv::StringRecord, name: &str| {
        row[ACLED_COLUMNS.iter().position(|c| *c == name).unwrap()].to_string()
    };
    // (column, expected in rows 0, 1, 2)
    let cases: [(&str, [&str; 3]); 12] = [
        ("event_date", ["2021-08-13", "2022-10-27", "2024-05-11"]),
        ("time_precision", ["1", "2", "1"]),
        (
            "disorder_type",
            [
                "Strategic developments",
                "Political violence",
                "Political violence",
            ],
        ),
        ("inter1", ["2", "2", "3"]),
        ("inter2", ["", "1", "7"]),
        ("interaction", ["20", "12", "37"]),
        (
            "actor2",
            [
                "",
                "Military Forces of the Democratic Republic of Congo",
                "Civilians (Sudan)",
            ],
        ),
        ("civilian_targeting", ["", "", "Civilian targeting"]),
        ("iso", ["4", "180", "729"]),
        ("region", ["South Asia", "Middle Africa", "Northern Africa"]),
        (
            "country",
            ["Afghanistan", "Democratic Republic of Congo", "Sudan"],
        ),
        ("fatalities", ["0", "12", "30"]),
    ];
    for (name, want) in cases {
        let got: Vec<String> = rows.iter().map(|r| col(r, name)).collect();
        assert_eq!(got, want, "{name}");
    }
    assert!(col(&rows[0], "event_id_cnty").starts_with("AFG"));
    assert_eq!(col(&rows[0], "source"), "Reuters; TOLOnews");
}

#[test]
fn mentions_carry_code_point_and_byte_offsets() {
    let (article, mentions) = article_and_mentions();
    let mut out = Vec::new();
    write_mentions_jsonl(&mut out, &article, &mentions).unwrap();
    golden("mentions.jsonl", &out);
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let chars: Vec<char> = article.text.chars().collect();
    for (line, m) in lines.iter().zip(&mentions) {
        let (start, end) = (
            line["start"].as_u64().unwrap() as usize,
            line["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars[start..end].iter().collect::<String>(), m.text);
        assert_eq!(line["byte_start"], m.span.start);
        assert_eq!(line["text"], m.text.as_str());
    }
    // One two-byte letter (the ā of Kandahār) precedes Kābul.
    let kabul = &lines[4];
    assert_eq!(
        kabul["byte_start"].as_u64().unwrap() - kabul["start"].as_u64().unwrap(),
        1
    );

    let mut out = Vec::new();
    let summary = write_mentions_csv(&mut out, &article, &mentions).unwrap();
    assert_eq!(summary.written, mentions.len());
    golden("mentions.csv", &out);
}

#[test]
fn a_bad_mention_span_is_an_error_naming_the_mention() {
    let (article, mut mentions) = article_and_mentions();
    // Inside the two-byte ā of Kandahār.
    mentions[1].span = Span::new(mentions[1].span.start, mentions[1].span.start + 7);
    for result in [
        write_mentions_jsonl(Vec::new(), &article, &mentions),
        write_mentions_csv(Vec::new(), &article, &mentions),
    ] {
        let err = result.unwrap_err().to_string();
        assert!(err.contains("mention 1 of article"), "{err}");
    }
}
