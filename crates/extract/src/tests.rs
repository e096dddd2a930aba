//! Unit tests over hand-built recognitions: each case names the mentions a
//! recogniser would give, so the rules are tested apart from recognition.

use chrono::NaiveDate;
use sitrep_model::{
    ActorKind, ActorMention, Article, DateRange, Event, EventKind, Mention, MentionKind,
    PersonMention, Place, PlaceKind, PlaceMention, PlaceRole, Qualifier, Span, TimeMention,
    TimeRelation,
};
use sitrep_recognise::Recognition;

use super::*;

/// What a surface string in a test sentence is.
#[derive(Clone)]
enum M {
    Actor(&'static str, ActorKind, &'static str),
    Person(&'static str, &'static str),
    Place(&'static str, PlaceKind, &'static str, f64, f64),
    Metonym(&'static str, &'static str),
    Day(&'static str),
}

fn place(name: &str, kind: PlaceKind, country: &str, lat: f64, lon: f64) -> Place {
    Place {
        geonameid: None,
        name: name.into(),
        kind,
        admin1: None,
        admin1_code: None,
        admin2: None,
        country: country.into(),
        country_name: country.into(),
        lat,
        lon,
        population: 0,
    }
}

/// Builds a recognition from (surface, mention) pairs; each surface is found
/// at its n-th unused occurrence in the text.
fn recognise(text: &str, ms: &[(&str, M)]) -> Recognition {
    let mut mentions = Vec::new();
    let mut used: Vec<Span> = Vec::new();
    for (surface, m) in ms {
        let mut from = 0;
        let start = loop {
            let Some(p) = text[from..].find(surface) else {
                panic!("{surface:?} not in {text:?}")
            };
            let s = from + p;
            if !used.iter().any(|u| u.start == s) {
                break s;
            }
            from = s + 1;
        };
        let span = Span::new(start, start + surface.len());
        used.push(span);
        let kind = match m.clone() {
            M::Actor(id, kind, country) => MentionKind::Actor(ActorMention {
                id: id.into(),
                name: id.into(),
                kind,
                country: Some(country.into()),
                generic: id.starts_with("generic:"),
            }),
            M::Person(name, aff) => MentionKind::Person(PersonMention {
                id: None,
                name: name.into(),
                role: None,
                affiliation: Some(aff.into()),
                country: None,
                via_pronoun: false,
            }),
            M::Place(name, kind, c, lat, lon) => MentionKind::Place(PlaceMention {
                place: Some(place(name, kind, c, lat, lon)),
                score: 1.0,
                candidates: 1,
                fuzzy: false,
                role: PlaceRole::Literal,
            }),
            M::Metonym(name, c) => MentionKind::Place(PlaceMention {
                place: Some(place(name, PlaceKind::City, c, 0.0, 0.0)),
                score: 1.0,
                candidates: 1,
                fuzzy: false,
                role: PlaceRole::Metonym,
            }),
            M::Day(d) => {
                let d = NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
                MentionKind::Time(TimeMention {
                    range: Some(DateRange::day(d)),
                    relative: true,
                })
            }
        };
        mentions.push(Mention {
            span,
            text: surface.to_string(),
            sentence: 0,
            kind,
        });
    }
    mentions.sort_by_key(|m| m.span.start);
    Recognition {
        sentences: sitrep_text::sentences(text),
        mentions,
        tokens: sitrep_text::tokens(text),
        focus: None,
        capitals: Vec::new(),
    }
}

/// Like [`run`], with the recognition amended first (its focus country, its
/// capitals) and the given publication date.
fn run_amended(
    text: &str,
    ms: &[(&str, M)],
    published: &str,
    amend: impl FnOnce(&mut Recognition),
) -> Vec<Event> {
    let mut rec = recognise(text, ms);
    amend(&mut rec);
    let mut article = Article::from_text(text, "test");
    article.published = published.parse().ok();
    Extractor::shipped().unwrap().extract(&article, &rec)
}

/// The only event of `kind`; fails when there is none or more than one.
fn only(events: &[Event], kind: EventKind) -> &Event {
    let of_kind: Vec<&Event> = events.iter().filter(|e| e.kind == kind).collect();
    assert_eq!(of_kind.len(), 1, "one {kind:?} expected: {events:#?}");
    of_kind[0]
}

/// The first event of `kind`; fails when there is none.
fn first(events: &[Event], kind: EventKind) -> &Event {
    events
        .iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?}: {events:#?}"))
}

fn run(text: &str, ms: &[(&str, M)]) -> Vec<Event> {
    let mut article = Article::from_text(text, "test");
    article.published = NaiveDate::from_ymd_opt(2021, 8, 13);
    let ex = Extractor::shipped().unwrap();
    ex.extract(&article, &recognise(text, ms))
}

fn taliban() -> M {
    M::Actor("taliban", ActorKind::RebelGroup, "AF")
}
fn city(name: &'static str) -> M {
    M::Place(name, PlaceKind::City, "AF", 31.0, 65.0)
}

/// (actor id, kind, place name) of the factual events.
fn facts(events: &[Event]) -> Vec<(String, EventKind, String)> {
    events
        .iter()
        .filter(|e| !e.negated && !e.hypothetical)
        .map(|e| {
            (
                e.actor.as_ref().map_or(String::new(), |a| a.id.to_string()),
                e.kind,
                e.place
                    .as_ref()
                    .map_or(String::new(), |p| p.name.to_string()),
            )
        })
        .collect()
}

fn f(actor: &str, kind: EventKind, place: &str) -> (String, EventKind, String) {
    (actor.into(), kind, place.into())
}

#[test]
fn lexicon_inflects_verbs() {
    let forms = |s: &str| {
        lexicon::inflect(s)
            .into_iter()
            .map(|(t, _)| t)
            .collect::<Vec<_>>()
    };
    assert_eq!(forms("seize"), ["seize", "seizes", "seizing", "seized"]);
    assert_eq!(
        forms("occupy"),
        ["occupy", "occupies", "occupying", "occupied"]
    );
    assert_eq!(
        forms("take:took:taken"),
        ["take", "takes", "taking", "took", "taken"]
    );
    assert_eq!(
        forms("pull out"),
        ["pull out", "pulls out", "pulling out", "pulled out"]
    );
    assert_eq!(forms("ban"), ["ban", "bans", "banning", "banned"]);
    assert_eq!(forms("clash"), ["clash", "clashes", "clashing", "clashed"]);
}

#[test]
fn territory_voice_lists_and_appositions() {
    use EventKind::*;
    type Fact = (String, EventKind, String);
    type Case = (&'static str, Vec<(&'static str, M)>, Vec<Fact>);
    let cases: Vec<Case> = vec![
        (
            "The Taliban occupied Kandahar, Herat and Kunduz on Thursday.",
            vec![
                ("Taliban", taliban()),
                ("Kandahar", city("Kandahar")),
                ("Herat", city("Herat")),
                ("Kunduz", city("Kunduz")),
            ],
            vec![
                f("taliban", TerritoryTaken, "Kandahar"),
                f("taliban", TerritoryTaken, "Herat"),
                f("taliban", TerritoryTaken, "Kunduz"),
            ],
        ),
        (
            "Kandahar fell to the Taliban on Thursday night, officials said.",
            vec![("Kandahar", city("Kandahar")), ("Taliban", taliban())],
            vec![f("taliban", TerritoryTaken, "Kandahar")],
        ),
        (
            // Machine-translated pages put an auxiliary before active verbs.
            "Gardez fell. In east the insurgents was captured Ghazni on Monday and Qalat city at Sunday Qalat falls.",
            vec![
                ("Gardez", city("Gardez")),
                ("insurgents", taliban()),
                ("Ghazni", city("Ghazni")),
                ("Qalat", city("Qalat")),
            ],
            vec![
                f("taliban", TerritoryTaken, "Gardez"),
                f("taliban", TerritoryTaken, "Ghazni"),
                f("taliban", TerritoryTaken, "Qalat"),
            ],
        ),
        (
            "Lashkar Gah was captured by the Taliban.",
            vec![("Lashkar Gah", city("Lashkar Gah")), ("Taliban", taliban())],
            vec![f("taliban", TerritoryTaken, "Lashkar Gah")],
        ),
        (
            "Insurgents have overrun Lashkargah, the capital of Helmand.",
            vec![
                ("Insurgents", taliban()),
                ("Lashkargah", city("Lashkar Gah")),
                (
                    "Helmand",
                    M::Place("Helmand", PlaceKind::Admin1, "AF", 31.0, 64.0),
                ),
            ],
            vec![f("taliban", TerritoryTaken, "Lashkar Gah")],
        ),
        (
            "Government forces retook Ghazni after heavy clashes.",
            vec![
                (
                    "Government forces",
                    M::Actor("af.forces", ActorKind::StateForces, "AF"),
                ),
                ("Ghazni", city("Ghazni")),
            ],
            vec![
                f("af.forces", TerritoryRegained, "Ghazni"),
                f("af.forces", ArmedClash, "Ghazni"),
            ],
        ),
        (
            "Taliban fighters entered Jalalabad on Sunday without firing a shot.",
            vec![("Taliban", taliban()), ("Jalalabad", city("Jalalabad"))],
            vec![f("taliban", TerritoryTransferred, "Jalalabad")],
        ),
        (
            "The Taliban took Zaranj without serious resistance.",
            vec![("Taliban", taliban()), ("Zaranj", city("Zaranj"))],
            vec![f("taliban", TerritoryTaken, "Zaranj")],
        ),
        (
            // A state's forces "liberating" a town abroad are taking it.
            "Russian troops liberated Bakhmut on Saturday.",
            vec![
                (
                    "Russian troops",
                    M::Actor("ru.forces", ActorKind::StateForces, "RU"),
                ),
                (
                    "Bakhmut",
                    M::Place("Bakhmut", PlaceKind::City, "UA", 48.6, 38.0),
                ),
            ],
            vec![f("ru.forces", TerritoryTaken, "Bakhmut")],
        ),
        (
            "Ukrainian troops liberated Kupiansk on Saturday.",
            vec![
                (
                    "Ukrainian troops",
                    M::Actor("ua.forces", ActorKind::StateForces, "UA"),
                ),
                (
                    "Kupiansk",
                    M::Place("Kupiansk", PlaceKind::City, "UA", 49.7, 37.6),
                ),
            ],
            vec![f("ua.forces", TerritoryRegained, "Kupiansk")],
        ),
        (
            "The Taliban denied they had entered Mazar-e Sharif.",
            vec![
                ("Taliban", taliban()),
                ("Mazar-e Sharif", city("Mazar-i-Sharif")),
            ],
            // The corpus convention: a denial is coded as the denied event,
            // negated (not listed by `facts`), not as a statement of its own.
            vec![],
        ),
        (
            "If Kabul falls, the government will collapse.",
            vec![("Kabul", city("Kabul"))],
            vec![],
        ),
        (
            "The Taliban took part in the talks.",
            vec![("Taliban", taliban())],
            vec![f("taliban", Negotiation, "")],
        ),
    ];
    for (text, ms, want) in cases {
        assert_eq!(facts(&run(text, &ms)), want, "{text}");
    }
}

#[test]
fn counted_captures_are_tallies_and_claimed_places_captures() {
    use EventKind::*;
    let afghanistan = || M::Place("Afghanistan", PlaceKind::Country, "AF", 33.0, 65.0);
    type Case = (
        &'static str,
        Vec<(&'static str, M)>,
        Vec<(String, EventKind, String)>,
    );
    let cases: Vec<Case> = vec![
        (
            "The Taliban have captured 14 of Afghanistan's 34 provincial capitals.",
            vec![("Taliban", taliban()), ("Afghanistan", afghanistan())],
            vec![f("taliban", ControlClaim, "Afghanistan")],
        ),
        (
            "The Taliban seized 85 percent of Afghanistan.",
            vec![("Taliban", taliban()), ("Afghanistan", afghanistan())],
            vec![f("taliban", ControlClaim, "Afghanistan")],
        ),
        (
            "The Taliban claimed Islam Qala on Friday.",
            vec![("Taliban", taliban()), ("Islam Qala", city("Islam Qala"))],
            vec![f("taliban", TerritoryTaken, "Islam Qala")],
        ),
        (
            // People freed or captured are no ground taken.
            "The Taliban took Bagram and freed thousands of inmates from the prison there.",
            vec![("Taliban", taliban()), ("Bagram", city("Bagram"))],
            vec![f("taliban", TerritoryTaken, "Bagram")],
        ),
        (
            "The Taliban captured 20 soldiers near Kunduz.",
            vec![("Taliban", taliban()), ("Kunduz", city("Kunduz"))],
            vec![],
        ),
        (
            "Local fighters freed the town of Banu from the Taliban.",
            vec![
                (
                    "Local fighters",
                    M::Actor("generic:fighters:AF", ActorKind::Militia, "AF"),
                ),
                ("Banu", city("Banu")),
                ("Taliban", taliban()),
            ],
            vec![f("generic:fighters:AF", TerritoryRegained, "Banu")],
        ),
        (
            "The Taliban claimed the attack in Kandahar.",
            vec![("Taliban", taliban()), ("Kandahar", city("Kandahar"))],
            vec![f("taliban", ArmedClash, "Kandahar")],
        ),
    ];
    for (text, ms, want) in cases {
        assert_eq!(facts(&run(text, &ms)), want, "{text}");
    }
    let events = run(
        "Ukrainian troops have liberated about 2,000 square km of territory in Kharkiv region.",
        &[
            (
                "Ukrainian troops",
                M::Actor("ua.forces", ActorKind::StateForces, "UA"),
            ),
            (
                "Kharkiv region",
                M::Place("Kharkiv oblast", PlaceKind::Admin1, "UA", 49.5, 36.5),
            ),
        ],
    );
    let claim = only(&events, ControlClaim);
    assert_eq!(claim.quantities[0].value, 2000.0);
    assert_eq!(claim.quantities[0].unit, "square km");
}

#[test]
fn a_violent_noun_as_subject_names_the_event_its_verb_tells() {
    // "The strike had hit a vehicle": the air strike told again, not an
    // explosion of its own.
    let text = "A US drone strike hit a car in Kabul on Sunday. The strike had hit a vehicle carrying bombers.";
    let events = run(
        text,
        &[
            ("US", M::Actor("us.forces", ActorKind::StateForces, "US")),
            ("Kabul", city("Kabul")),
        ],
    );
    let kinds: Vec<EventKind> = events.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventKind::AirStrike], "{events:#?}");
}

#[test]
fn a_claimed_attack_is_the_attack_told_before() {
    let text = "Gunmen attacked villagers around Barsalogho on Saturday, killing dozens. \
        The group JNIM claimed the attack on Sunday.";
    let events = run(
        text,
        &[
            (
                "Gunmen",
                M::Actor("generic:gunmen:BF", ActorKind::RebelGroup, "BF"),
            ),
            (
                "villagers",
                M::Actor("generic:villagers:BF", ActorKind::Civilians, "BF"),
            ),
            (
                "Barsalogho",
                M::Place("Barsalogho", PlaceKind::City, "BF", 13.4, -1.1),
            ),
            ("JNIM", M::Actor("jnim", ActorKind::RebelGroup, "ML")),
        ],
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].actor.as_ref().map(|a| &*a.id), Some("jnim"));
    assert_eq!(events[0].sources.len(), 2);
}

#[test]
fn a_plural_noun_after_a_determiner_takes_its_by_phrase_agent() {
    let text = "The Houthis said the attacks by the US on Hodeidah killed five fighters.";
    let events = run(
        text,
        &[
            ("Houthis", M::Actor("houthis", ActorKind::RebelGroup, "YE")),
            ("US", M::Actor("us.government", ActorKind::Government, "US")),
            (
                "Hodeidah",
                M::Place("Hodeidah", PlaceKind::City, "YE", 14.8, 42.9),
            ),
        ],
    );
    let attack = first(&events, EventKind::ArmedClash);
    assert_eq!(
        attack.actor.as_ref().map(|a| &*a.id),
        Some("us.government"),
        "{events:#?}"
    );
}

#[test]
fn a_present_process_in_an_as_clause_is_background() {
    let ms = || {
        vec![
            ("Taliban", taliban()),
            ("Zaranj", city("Zaranj")),
            (
                "foreign troops",
                M::Actor("generic:coalition:AF", ActorKind::StateForces, "AF"),
            ),
        ]
    };
    let told = "The Taliban captured Zaranj on Friday as foreign troops leave the country.";
    let kinds: Vec<EventKind> = run(told, &ms()).iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventKind::TerritoryTaken], "{told}");
    // A headline tells past events in the present.
    let headline = "Zaranj falls to Taliban as foreign troops leave Zaranj";
    let kinds: Vec<EventKind> = run(headline, &ms()).iter().map(|e| e.kind).collect();
    assert!(
        kinds.contains(&EventKind::Withdrawal),
        "{headline}: {kinds:?}"
    );
}

#[test]
fn protesters_fired_on_are_a_protest_and_an_attack() {
    let text = "Demonstrators in Asadabad came under fire on Thursday, and several were killed.";
    let events = run(
        text,
        &[
            (
                "Demonstrators",
                M::Actor("generic:protesters:AF", ActorKind::Civilians, "AF"),
            ),
            ("Asadabad", city("Asadabad")),
        ],
    );
    let protest = only(&events, EventKind::Protest);
    assert_eq!(
        protest.actor.as_ref().map(|a| &*a.id),
        Some("generic:protesters:AF")
    );
    only(&events, EventKind::AttackOnCivilians);
}

#[test]
fn civilians_leaving_are_evacuated_forces_leaving_withdraw() {
    let ms = || {
        vec![
            (
                "UK forces",
                M::Actor("gb.forces", ActorKind::StateForces, "GB"),
            ),
            (
                "Afghanistan",
                M::Place("Afghanistan", PlaceKind::Country, "AF", 33.0, 65.0),
            ),
        ]
    };
    let kinds =
        |text: &str| -> Vec<EventKind> { run(text, &ms()).iter().map(|e| e.kind).collect() };
    assert_eq!(
        kinds("UK forces have helped more than 15,000 people to leave Afghanistan."),
        [EventKind::Evacuation]
    );
    assert_eq!(
        kinds("UK forces and embassy staff left Afghanistan on Saturday."),
        [EventKind::Withdrawal]
    );
}

#[test]
fn weapons_named_together_are_one_attack() {
    type Case = (&'static str, EventKind);
    let cases: [Case; 2] = [
        (
            "Residents reported heavy gunfire and explosions in Bamako on Tuesday.",
            EventKind::ArmedClash,
        ),
        (
            "A car bomb and gun attack hit a guest house in Bamako on Tuesday.",
            EventKind::Explosion,
        ),
    ];
    for (text, kind) in cases {
        let events = run(
            text,
            &[(
                "Bamako",
                M::Place("Bamako", PlaceKind::City, "ML", 12.6, -8.0),
            )],
        );
        let kinds: Vec<EventKind> = events.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [kind], "{text}\n{events:#?}");
    }
}

#[test]
fn quantities_are_read_with_qualifiers() {
    let text = "The Taliban now control at least 14 of Afghanistan's 34 provincial capitals and more than half of the country's territory.";
    let events = run(
        text,
        &[
            ("Taliban", taliban()),
            (
                "Afghanistan",
                M::Place("Afghanistan", PlaceKind::Country, "AF", 33.0, 65.0),
            ),
        ],
    );
    let claims: Vec<_> = events
        .iter()
        .filter(|e| e.kind == EventKind::ControlClaim)
        .collect();
    assert_eq!(claims.len(), 1, "{events:#?}");
    let qs = &claims[0].quantities;
    assert_eq!(qs.len(), 2, "{qs:?}");
    assert_eq!(
        (qs[0].value, qs[0].of, qs[0].qualifier, qs[0].unit.as_str()),
        (14.0, Some(34.0), Qualifier::AtLeast, "provincial capitals")
    );
    assert_eq!(
        (qs[1].value, qs[1].qualifier, qs[1].unit.as_str()),
        (0.5, Qualifier::MoreThan, "share of territory")
    );
    assert_eq!(claims[0].date.unwrap().to_string(), "2021-08-13");
}

#[test]
fn deployments_split_by_count_and_inherit_destination() {
    let text = "The US and Britain said they would send troops to Kabul. The Pentagon will send 3,000 soldiers and 3,500 soldiers to Kuwait. Britain will deploy another 600 soldiers.";
    let us = M::Actor("us.government", ActorKind::Government, "US");
    let gb = M::Actor("gb.government", ActorKind::Government, "GB");
    let events = run(
        text,
        &[
            ("US", us.clone()),
            ("Britain", gb.clone()),
            ("Kabul", city("Kabul")),
            ("Pentagon", us),
            (
                "Kuwait",
                M::Place("Kuwait", PlaceKind::Country, "KW", 29.0, 47.0),
            ),
            ("Britain", gb),
        ],
    );
    let deps: Vec<(String, f64)> = events
        .iter()
        .filter(|e| e.kind == EventKind::Deployment)
        .map(|e| {
            (
                e.place
                    .as_ref()
                    .map_or(String::new(), |p| p.name.to_string()),
                e.quantities.first().map_or(0.0, |q| q.value),
            )
        })
        .collect();
    assert!(deps.contains(&("Kabul".into(), 3000.0)), "{deps:?}");
    assert!(deps.contains(&("Kuwait".into(), 3500.0)), "{deps:?}");
    assert!(deps.contains(&("Kabul".into(), 600.0)), "{deps:?}");
    assert_eq!(deps.len(), 3, "{deps:?}");
    let planned = events
        .iter()
        .find(|e| e.kind == EventKind::Deployment)
        .unwrap();
    assert!(!planned.hypothetical);
    assert_eq!(planned.date.unwrap().relation, TimeRelation::From);
}

#[test]
fn statements_to_two_media_stay_two() {
    let text = "Defence Secretary Ben Wallace said the country was lost. He told Sky News on Friday that he was worried. He also told the BBC that a civil war was coming.";
    let wallace = M::Person("Ben Wallace", "gb.government");
    let events = run(
        text,
        &[
            ("Ben Wallace", wallace.clone()),
            ("He", wallace.clone()),
            ("Friday", M::Day("2021-08-13")),
            ("He", wallace),
        ],
    );
    let st: Vec<String> = events
        .iter()
        .filter(|e| e.kind == EventKind::Statement)
        .map(|e| {
            e.target
                .as_ref()
                .map_or(String::new(), |t| t.name.to_string())
        })
        .collect();
    assert_eq!(st, ["Sky News", "the BBC"], "{events:#?}");
}

#[test]
fn metonym_speaker_is_a_government() {
    let text = "Washington condemned the attack on the embassy.";
    let events = run(text, &[("Washington", M::Metonym("Washington", "US"))]);
    let st = events
        .iter()
        .find(|e| e.kind == EventKind::Statement)
        .expect("statement");
    assert_eq!(&*st.actor.as_ref().unwrap().id, "us.government");
    assert_eq!(st.plover.as_ref().unwrap().event_type, "ACCUSE");
}

#[test]
fn merged_reports_keep_both_evidence() {
    let text = "Militants occupied Lashkar Gah on Thursday. After the occupation of Rashkarga, the Taliban moved north.";
    let events = run(
        text,
        &[
            ("Militants", taliban()),
            ("Lashkar Gah", city("Lashkar Gah")),
            ("Thursday", M::Day("2021-08-12")),
            ("Rashkarga", city("Lashkar Gah")),
            ("Taliban", taliban()),
        ],
    );
    let taken: Vec<_> = events
        .iter()
        .filter(|e| e.kind == EventKind::TerritoryTaken)
        .collect();
    assert_eq!(taken.len(), 1, "{events:#?}");
    assert_eq!(taken[0].sources.len(), 2);
    assert_eq!(taken[0].date.unwrap().to_string(), "2021-08-12");
}

#[test]
fn ids_are_stable_and_spans_slice() {
    let text = "HERAT FALLS AS TALIBAN SWEEP WEST\n\nTaliban fighters seized the southern city of Kandahar overnight.";
    let ms = [
        ("HERAT", city("Herat")),
        ("TALIBAN", taliban()),
        ("Taliban", taliban()),
        ("Kandahar", city("Kandahar")),
    ];
    let a = run(text, &ms);
    let b = run(text, &ms);
    assert_eq!(a, b);
    let got = facts(&a);
    assert!(
        got.contains(&f("taliban", EventKind::TerritoryTaken, "Herat")),
        "{got:?}"
    );
    assert!(
        got.contains(&f("taliban", EventKind::TerritoryTaken, "Kandahar")),
        "{got:?}"
    );
    for e in &a {
        for s in &e.sources {
            assert!(text.get(s.trigger.start..s.trigger.end).is_some());
        }
    }
}

#[test]
fn statements_are_placed_where_they_were_said() {
    let us = M::Actor("us.government", ActorKind::Government, "US");
    let kabul = M::Place("Kabul", PlaceKind::City, "AF", 34.5, 69.2);
    let washington = M::Place("Washington", PlaceKind::City, "US", 38.9, -77.0);
    type Case<'a> = (&'a str, &'a [(&'a str, M)], &'a str);
    let cases: &[Case] = &[
        // The dateline place in the speaker's country.
        (
            "KABUL/WASHINGTON, Aug 16 - Crowds filled the runway. The White House warned the Taliban against attacks.",
            &[("KABUL", kabul.clone()), ("WASHINGTON", washington.clone()), ("White House", us.clone()), ("Taliban", taliban())],
            "Washington",
        ),
        // A place fronting the sentence, not one in what was said.
        (
            "In Washington, the White House urged the Taliban to spare Kabul.",
            &[("Washington", washington), ("White House", us.clone()), ("Taliban", taliban()), ("Kabul", kabul.clone())],
            "Washington",
        ),
        // The scene a fronted phrase sets, with a meeting in it, is where it
        // was said; the meeting is no news of its own.
        (
            "At the NATO summit in Vilnius on Tuesday, the White House gave a cautious answer, saying the Taliban must keep their word.",
            &[("Vilnius", M::Place("Vilnius", PlaceKind::City, "LT", 54.7, 25.3)), ("White House", us.clone()), ("Taliban", taliban())],
            "Vilnius",
        ),
        // Where the speaker met the press, named before.
        (
            "The Taliban held a press conference in Kandahar. Later the Taliban warned foreign powers against any delay.",
            &[("Taliban", taliban()), ("Kandahar", city("Kandahar")), ("Taliban", taliban())],
            "Kandahar",
        ),
        // No dateline in the speaker's country: no place.
        (
            "KABUL, Aug 16 - The White House warned the Taliban against attacks.",
            &[("KABUL", kabul), ("White House", us), ("Taliban", taliban())],
            "",
        ),
    ];
    for (text, ms, want) in cases {
        let events = run(text, ms);
        let st = events
            .iter()
            .find(|e| e.kind == EventKind::Statement)
            .unwrap_or_else(|| panic!("no statement in {text}: {events:#?}"));
        let got = st.place.as_ref().map_or("", |p| p.name.as_ref());
        assert_eq!(got, *want, "{text}");
        assert!(
            events.iter().all(|e| e.kind != EventKind::Meeting),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn round_two_news_patterns() {
    use EventKind::*;
    type Fact = (String, EventKind, String);
    type Case = (&'static str, Vec<(&'static str, M)>, Vec<Fact>);
    let jnim = || M::Actor("jnim", ActorKind::Terrorist, "ML");
    let cases: Vec<Case> = vec![
        // Storming a building in a town is an assault there.
        (
            "JNIM fighters stormed a gendarmerie school in Bamako on Tuesday.",
            vec![("JNIM", jnim()), ("Bamako", city("Bamako"))],
            vec![f("jnim", ArmedClash, "Bamako")],
        ),
        // Storming a town is still a capture.
        (
            "JNIM fighters stormed Boulkessi on Tuesday.",
            vec![("JNIM", jnim()), ("Boulkessi", city("Boulkessi"))],
            vec![f("jnim", TerritoryTaken, "Boulkessi")],
        ),
        // A claim over all of a place or part of it is a control claim.
        (
            "The Taliban now control all of Kandahar.",
            vec![("Taliban", taliban()), ("Kandahar", city("Kandahar"))],
            vec![f("taliban", ControlClaim, "Kandahar")],
        ),
        // A trailing attribution to unnamed sources is not a statement.
        (
            "The Taliban entered Ghazni on Thursday, two local officials said.",
            vec![("Taliban", taliban()), ("Ghazni", city("Ghazni"))],
            vec![f("taliban", TerritoryTaken, "Ghazni")],
        ),
        // An actor slot in a trigger phrase names who holds the place.
        (
            "BADGHIS CAPITAL QALA-I-NAW IN TALIBAN HANDS",
            vec![("TALIBAN", taliban()), ("QALA-I-NAW", city("Qala i Naw"))],
            vec![f("taliban", TerritoryTaken, "Qala i Naw")],
        ),
        (
            "By nightfall Taloqan was under the rebels' control, residents said.",
            vec![
                (
                    "rebels",
                    M::Actor("generic:rebels:AF", ActorKind::RebelGroup, "AF"),
                ),
                ("Taloqan", city("Taloqan")),
            ],
            vec![f("generic:rebels:AF", TerritoryTaken, "Taloqan")],
        ),
        // What unnamed sources say is the provenance of news, not news.
        (
            "Residents said the streets were quiet.",
            vec![(
                "Residents",
                M::Actor("generic:residents:AF", ActorKind::Civilians, "AF"),
            )],
            vec![],
        ),
        // A state's media report; the state does not speak.
        (
            "Russian state media reported that Assad was in Moscow.",
            vec![
                (
                    "Russian",
                    M::Actor("ru.government", ActorKind::Government, "RU"),
                ),
                (
                    "Moscow",
                    M::Place("Moscow", PlaceKind::City, "RU", 55.7, 37.6),
                ),
            ],
            vec![],
        ),
        // "his decision to withdraw" is a policy, not a withdrawal.
        (
            "Joe Biden said he stood by his decision to withdraw from Afghanistan.",
            vec![
                ("Joe Biden", M::Person("Joe Biden", "us.government")),
                (
                    "Afghanistan",
                    M::Place("Afghanistan", PlaceKind::Country, "AF", 33.0, 65.0),
                ),
            ],
            vec![f("us.government", Statement, "Afghanistan")],
        ),
    ];
    for (text, ms, want) in cases {
        let events = run(text, &ms);
        assert_eq!(facts(&events), want, "{text}\n{events:#?}");
    }
}

#[test]
fn an_allys_deployment_goes_where_the_last_one_went() {
    let text = "The Pentagon will send 3,000 troops to Kabul. Britain is sending around 600.";
    let events = run(
        text,
        &[
            (
                "Pentagon",
                M::Actor("us.forces", ActorKind::StateForces, "US"),
            ),
            ("Kabul", city("Kabul")),
            ("Britain", M::Metonym("Britain", "GB")),
        ],
    );
    let places: Vec<&str> = events
        .iter()
        .filter(|e| e.kind == EventKind::Deployment)
        .map(|e| e.place.as_ref().map_or("", |p| p.name.as_ref()))
        .collect();
    assert_eq!(places, ["Kabul", "Kabul"], "{events:#?}");
}

#[test]
fn round_three_news_patterns() {
    use EventKind::*;
    type Fact = (String, EventKind, String);
    type Case = (&'static str, Vec<(&'static str, M)>, Vec<Fact>);
    let residents = || M::Actor("generic:residents:AF", ActorKind::Civilians, "AF");
    let gunmen = || M::Actor("generic:gunmen:AF", ActorKind::Militia, "AF");
    let us = || M::Actor("us.forces", ActorKind::StateForces, "US");
    let mndaa = || M::Actor("mndaa", ActorKind::RebelGroup, "MM");
    let cases: Vec<Case> = vec![
        // The one pushed out sits in the verb's slot; the list goes on past a
        // name the gazetteer lacks.
        (
            "Armed residents have pushed the Taliban out of Deh Salah, Pul-e Hesar and Banu.",
            vec![
                ("residents", residents()),
                ("Taliban", taliban()),
                ("Deh Salah", city("Deh Salah")),
                ("Banu", city("Banu")),
            ],
            vec![
                f("generic:residents:AF", TerritoryTaken, "Deh Salah"),
                f("generic:residents:AF", TerritoryTaken, "Banu"),
            ],
        ),
        // The object of a relative clause is its antecedent.
        (
            "Commandos tried to retake the market of Spin Boldak, which the insurgents seized on Wednesday.",
            vec![("Spin Boldak", city("Spin Boldak")), ("insurgents", taliban())],
            vec![f("taliban", TerritoryTaken, "Spin Boldak")],
        ),
        // Shooting into the air is no attack.
        (
            "Celebratory gunfire killed 17 people in Kabul on Friday.",
            vec![("Kabul", city("Kabul"))],
            vec![],
        ),
        // Killing armed men is a fight.
        (
            "US soldiers shot dead two armed men in Kabul on Monday.",
            vec![("US soldiers", us()), ("armed men", gunmen()), ("Kabul", city("Kabul"))],
            vec![f("us.forces", ArmedClash, "Kabul")],
        ),
        // Capturing a command takes the town; storming a school is a clash.
        (
            "MNDAA fighters captured the headquarters of the regional command in Lashio.",
            vec![("MNDAA", mndaa()), ("Lashio", city("Lashio"))],
            vec![f("mndaa", TerritoryTaken, "Lashio")],
        ),
        // "its fighters" are the named side's fighters.
        (
            "Kurdish-led SDF said its fighters had repelled an assault on Manbij.",
            vec![
                ("SDF", M::Actor("sdf", ActorKind::RebelGroup, "SY")),
                ("fighters", M::Actor("generic:fighters:SY", ActorKind::Militia, "SY")),
                ("Manbij", city("Manbij")),
            ],
            vec![f("sdf", ArmedClash, "Manbij")],
        ),
        // An offensive launched is fighting; one written about is not.
        (
            "Rebels launched an offensive in Idlib on Wednesday.",
            vec![
                ("Rebels", M::Actor("generic:rebels:SY", ActorKind::RebelGroup, "SY")),
                ("Idlib", city("Idlib")),
            ],
            vec![f("generic:rebels:SY", ArmedClash, "Idlib")],
        ),
        (
            "Analysts say the rebel offensive in Idlib has gathered pace.",
            vec![("Idlib", city("Idlib"))],
            vec![],
        ),
        // Only forces are deployed.
        (
            "The foreign ministry sent a letter of protest to Kabul on Monday.",
            vec![("Kabul", city("Kabul"))],
            vec![],
        ),
        (
            "The Pentagon is sending 1,000 soldiers to Kabul. Britain is sending around 600.",
            vec![
                ("Pentagon", M::Actor("us.government", ActorKind::Government, "US")),
                ("Kabul", city("Kabul")),
                ("Britain", M::Actor("gb.government", ActorKind::Government, "GB")),
            ],
            vec![
                f("us.government", Deployment, "Kabul"),
                f("gb.government", Deployment, "Kabul"),
            ],
        ),
        // Forces moved in the passive are their side's deployment.
        (
            "Another 500 French soldiers were flown to Gao overnight.",
            vec![
                ("French soldiers", M::Actor("fr.forces", ActorKind::StateForces, "FR")),
                ("Gao", city("Gao")),
            ],
            vec![f("fr.forces", Deployment, "Gao")],
        ),
        // The act a period is counted from is background.
        (
            "Prices in Ghazni have doubled since the Taliban captured Ghazni in May.",
            vec![("Ghazni", city("Ghazni")), ("Taliban", taliban()), ("Ghazni", city("Ghazni"))],
            vec![],
        ),
        // "group" is the armed group named before, not the one who says so.
        (
            "Houthi fighters entered Marib; monitor says group controls much of the city.",
            vec![
                ("Houthi", M::Actor("houthis", ActorKind::RebelGroup, "YE")),
                ("Marib", city("Marib")),
                ("monitor", M::Actor("generic:monitor", ActorKind::Other, "YE")),
            ],
            vec![
                f("houthis", TerritoryTaken, "Marib"),
                f("houthis", ControlClaim, "Marib"),
            ],
        ),
        // "The mission" is the international body named before; what it is
        // concerned about is not its own doing.
        (
            "UNAMA recorded the deaths in Kandahar. The mission said it was alarmed at heavy shelling and air strikes in Kandahar.",
            vec![
                ("UNAMA", M::Actor("unama", ActorKind::InternationalOrganisation, "AF")),
                ("Kandahar", city("Kandahar")),
                ("Kandahar", city("Kandahar")),
            ],
            vec![f("", Explosion, "Kandahar"), f("", AirStrike, "Kandahar")],
        ),
        (
            "UNAMA recorded the deaths in Kandahar. The mission urged both sides to spare civilians.",
            vec![
                ("UNAMA", M::Actor("unama", ActorKind::InternationalOrganisation, "AF")),
                ("Kandahar", city("Kandahar")),
            ],
            vec![f("unama", Statement, "")],
        ),
        // A verb trigger's word after a determiner is a noun: no arrest.
        (
            "Taliban fighters patrolled near the city's jail in Kunduz.",
            vec![("Taliban", taliban()), ("Kunduz", city("Kunduz"))],
            vec![],
        ),
    ];
    for (text, ms, want) in cases {
        let events = run(text, &ms);
        assert_eq!(facts(&events), want, "{text}\n{events:#?}");
    }
}

#[test]
fn joint_operations_are_one_event_with_participants() {
    let text = "US troops and British forces carried out air strikes on Houthi sites near Hodeidah on Friday.";
    let events = run(
        text,
        &[
            (
                "US troops",
                M::Actor("us.forces", ActorKind::StateForces, "US"),
            ),
            (
                "British forces",
                M::Actor("gb.forces", ActorKind::StateForces, "GB"),
            ),
            ("Houthi", M::Actor("houthis", ActorKind::RebelGroup, "YE")),
            (
                "Hodeidah",
                M::Place("Hodeidah", PlaceKind::City, "YE", 14.8, 42.95),
            ),
        ],
    );
    let strike = only(&events, EventKind::AirStrike);
    let actor = strike.actor.as_ref().map(|a| a.id.as_ref());
    let partners: Vec<&str> = strike.participants.iter().map(|a| a.id.as_ref()).collect();
    assert_eq!((actor, partners), (Some("us.forces"), vec!["gb.forces"]));
}

#[test]
fn what_is_demanded_or_fled_is_no_event_of_its_own() {
    let qatar = M::Actor("qa.government", ActorKind::Government, "QA");
    // The demand is the statement; the settlement it asks for is not an event.
    let events = run(
        "Qatar urged both sides to speed up efforts towards a political settlement and a ceasefire.",
        &[("Qatar", qatar)],
    );
    let kinds: Vec<EventKind> = events.iter().map(|e| e.kind).collect();
    assert!(!kinds.contains(&EventKind::Ceasefire), "{kinds:?}");
    assert!(!kinds.contains(&EventKind::Agreement), "{kinds:?}");
    // The fighting people fled is the background of their flight.
    let events = run(
        "Families who had sheltered in Wad Madani after fleeing the fighting in Khartoum were on the move again.",
        &[
            ("Wad Madani", M::Place("Wad Madani", PlaceKind::City, "SD", 14.4, 33.5)),
            ("Khartoum", M::Place("Khartoum", PlaceKind::City, "SD", 15.5, 32.5)),
        ],
    );
    assert!(
        events.iter().all(|e| e.kind != EventKind::ArmedClash),
        "{events:#?}"
    );
}

#[test]
fn retreats_and_sites_locate_where_they_happen() {
    let army = M::Actor("af.forces", ActorKind::StateForces, "AF");
    let militia = M::Actor("af.militias", ActorKind::Militia, "AF");
    // Where soldiers run to is not where they left from; two sides fleeing
    // together are one retreat.
    let events = run(
        "Soldiers and militiamen fled Mazar-i-Sharif towards the border at Hairatan.",
        &[
            ("Soldiers", army),
            ("militiamen", militia),
            (
                "Mazar-i-Sharif",
                M::Place("Mazar-e Sharif", PlaceKind::City, "AF", 36.7, 67.1),
            ),
            (
                "Hairatan",
                M::Place("Hairatan", PlaceKind::Other, "AF", 37.2, 67.4),
            ),
        ],
    );
    let retreat = only(&events, EventKind::Withdrawal);
    assert_eq!(
        retreat.place.as_ref().map(|p| &*p.name),
        Some("Mazar-e Sharif")
    );
    assert_eq!(retreat.participants.len(), 1, "{:?}", retreat.participants);
    // An airport told in one sentence and its city in another are one departure.
    let events = run(
        "The last US aircraft left Kabul airport on Monday. The last US troops left Kabul on Monday.",
        &[
            ("US aircraft", M::Actor("us.forces", ActorKind::StateForces, "US")),
            ("US troops", M::Actor("us.forces", ActorKind::StateForces, "US")),
            ("Kabul airport", M::Place("Hamid Karzai International Airport", PlaceKind::Other, "AF", 34.566, 69.212)),
            ("Kabul", M::Place("Kabul", PlaceKind::City, "AF", 34.528, 69.172)),
            ("on Monday", M::Day("2021-08-09")),
        ],
    );
    assert_eq!(only(&events, EventKind::Withdrawal).sources.len(), 2);
}

#[test]
fn fire_on_a_gathering_is_an_attack_on_civilians() {
    let cases: &[(&str, &[(&str, M)])] = &[
        (
            "Several people were killed at a rally in Asadabad when Taliban fighters opened fire.",
            &[
                ("Asadabad", city("Asadabad")),
                ("Taliban fighters", taliban()),
            ],
        ),
        (
            "Three killed as Taliban fire on flag protest in Jalalabad",
            &[("Taliban", taliban()), ("Jalalabad", city("Jalalabad"))],
        ),
        (
            "Soldiers opened fire on mourners at a funeral in Mandalay on Sunday.",
            &[
                (
                    "Soldiers",
                    M::Actor("mm.forces", ActorKind::StateForces, "MM"),
                ),
                (
                    "Mandalay",
                    M::Place("Mandalay", PlaceKind::City, "MM", 21.97, 96.08),
                ),
            ],
        ),
    ];
    for (text, ms) in cases {
        let events = run(text, ms);
        let attack = events
            .iter()
            .find(|e| e.kind == EventKind::AttackOnCivilians)
            .unwrap_or_else(|| panic!("no attack on civilians in {text:?}: {events:#?}"));
        assert!(
            attack.target.as_ref().is_none_or(|t| !crate::armed(t)),
            "{text:?}: {attack:#?}"
        );
        assert!(
            events.iter().all(|e| e.kind != EventKind::ArmedClash),
            "{text:?}: {events:#?}"
        );
    }
}

#[test]
fn counted_claims_read_the_whole_and_lie_in_the_focus_country() {
    let text =
        "With Qalat and Firozkoh gone, the militants now control 18 provincial capitals out of 34.";
    let ms = [
        ("Qalat", city("Qalat")),
        ("Firozkoh", city("Firozkoh")),
        ("militants", taliban()),
    ];
    let events = run_amended(text, &ms, "2021-08-14", |rec| {
        rec.focus = Some(place("Afghanistan", PlaceKind::Country, "AF", 33.9, 67.7));
    });
    let claim = first(&events, EventKind::ControlClaim);
    let q = claim.quantities.first().expect("a count");
    assert_eq!((q.value, q.of), (18.0, Some(34.0)), "{q:?}");
    assert_eq!(claim.place.as_ref().map(|p| &*p.name), Some("Afghanistan"));
}

#[test]
fn a_government_speaks_from_its_capital_when_nowhere_is_named() {
    let text = "The Ethiopian government rejected the proposal on Monday.";
    let ms = [(
        "The Ethiopian government",
        M::Actor("et.government", ActorKind::Government, "ET"),
    )];
    let addis = || vec![place("Addis Ababa", PlaceKind::City, "ET", 9.02, 38.75)];
    let events = run_amended(text, &ms, "2021-06-29", |rec| rec.capitals = addis());
    let said = first(&events, EventKind::Statement);
    assert_eq!(said.place.as_ref().map(|p| &*p.name), Some("Addis Ababa"));
    // Rebels have no seat to speak from.
    let text = "The rebels rejected the proposal on Monday.";
    let ms = [("The rebels", M::Actor("tplf", ActorKind::RebelGroup, "ET"))];
    let events = run_amended(text, &ms, "2021-06-29", |rec| rec.capitals = addis());
    assert!(events.iter().all(|e| e.place.is_none()), "{events:#?}");
}

#[test]
fn many_acts_over_a_spell_lie_in_the_country() {
    let text = "The Taliban took Taloqan on Sunday. US forces had carried out several air strikes this week.";
    let ms = [
        ("The Taliban", taliban()),
        ("Taloqan", city("Taloqan")),
        (
            "US forces",
            M::Actor("us.forces", ActorKind::StateForces, "US"),
        ),
    ];
    let events = run_amended(text, &ms, "2021-08-08", |rec| {
        rec.focus = Some(place("Afghanistan", PlaceKind::Country, "AF", 33.9, 67.7));
    });
    let strike = first(&events, EventKind::AirStrike);
    assert_eq!(strike.place.as_ref().map(|p| &*p.name), Some("Afghanistan"));
}

#[test]
fn a_state_sends_troops_at_home_when_no_destination_is_named() {
    let events = run(
        "Tajikistan's president ordered 20,000 reservists to reinforce the frontier.",
        &[
            (
                "Tajikistan",
                M::Place("Tajikistan", PlaceKind::Country, "TJ", 38.5, 71.0),
            ),
            (
                "president",
                M::Actor("tj.government", ActorKind::Government, "TJ"),
            ),
        ],
    );
    let sent = first(&events, EventKind::Deployment);
    assert_eq!(sent.place.as_ref().map(|p| &*p.name), Some("Tajikistan"));
}

#[test]
fn a_past_act_in_a_time_clause_happened_unless_it_is_reported_future() {
    let jihadists = M::Actor("jnim", ActorKind::RebelGroup, "BF");
    let town = M::Place("Barsalogho", PlaceKind::City, "BF", 13.4, -1.06);
    let events = run(
        "Hundreds of people may have been killed when jihadist fighters attacked villagers around Barsalogho on Saturday.",
        &[("jihadist fighters", jihadists), ("Barsalogho", town)],
    );
    assert!(
        events.iter().any(|e| is_violent(e.kind) && !e.hypothetical),
        "{events:#?}"
    );
    let events = run(
        "The minister warned that the country could collapse after the United States withdrew.",
        &[(
            "United States",
            M::Actor("us.forces", ActorKind::StateForces, "US"),
        )],
    );
    assert!(
        events
            .iter()
            .filter(|e| e.kind == EventKind::Withdrawal)
            .all(|e| e.hypothetical),
        "{events:#?}"
    );
}

fn is_violent(k: EventKind) -> bool {
    matches!(
        k,
        EventKind::AttackOnCivilians | EventKind::ArmedClash | EventKind::Explosion
    )
}

#[test]
fn a_rumoured_act_beside_its_denial_is_one_event() {
    let text = "The governor denied that Kunduz had fallen to the Taliban. Rumours had spread overnight that Kunduz had been captured.";
    let events = run(
        text,
        &[
            ("Kunduz", city("Kunduz")),
            ("Taliban", taliban()),
            ("Kunduz", city("Kunduz")),
        ],
    );
    let taken: Vec<_> = events
        .iter()
        .filter(|e| e.kind == EventKind::TerritoryTaken)
        .collect();
    assert_eq!(taken.len(), 1, "{events:#?}");
    assert!(taken[0].negated && !taken[0].hypothetical, "{events:#?}");
    assert_eq!(taken[0].sources.len(), 2);
}

#[test]
fn accusations_without_an_accuser_are_no_statement_and_no_fact() {
    let text = "The governor's convoy left Ghazni under Taliban escort, prompting accusations that officials had struck a deal with the insurgents.";
    let events = run(
        text,
        &[
            ("Ghazni", city("Ghazni")),
            ("Taliban", taliban()),
            (
                "officials",
                M::Actor("generic:officials", ActorKind::Government, "AF"),
            ),
            ("insurgents", taliban()),
        ],
    );
    assert!(
        events.iter().all(|e| e.kind != EventKind::Statement),
        "{events:#?}"
    );
    assert!(
        events
            .iter()
            .filter(|e| e.kind == EventKind::Agreement)
            .all(|e| e.hypothetical),
        "{events:#?}"
    );
}

#[test]
fn idioms_hold_a_triggers_word_without_its_sense() {
    let sy = |name: &'static str| M::Place(name, PlaceKind::City, "SY", 33.0, 36.0);
    let cases: &[(&str, &[(&str, M)])] = &[
        (
            "Turkish officials said their troops took part in a NATO exercise near Izmir.",
            &[(
                "Izmir",
                M::Place("Izmir", PlaceKind::City, "TR", 38.4, 27.1),
            )],
        ),
        (
            "Jordan took in thousands of refugees from Daraa last year.",
            &[("Daraa", sy("Daraa"))],
        ),
        (
            "The Syrian government hit back at the accusations in Damascus on Monday.",
            &[
                (
                    "Syrian government",
                    M::Actor("sy.government", ActorKind::Government, "SY"),
                ),
                ("Damascus", sy("Damascus")),
            ],
        ),
    ];
    for (text, ms) in cases {
        let events = run(text, ms);
        assert!(
            events.iter().all(|e| !matches!(
                e.kind,
                EventKind::TerritoryTaken
                    | EventKind::Explosion
                    | EventKind::AirStrike
                    | EventKind::ArmedClash
            )),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn a_trailing_attribution_tells_the_act_it_did_not_do() {
    let army = M::Actor("ua.forces", ActorKind::StateForces, "UA");
    let kharkiv = M::Place("Kharkiv", PlaceKind::City, "UA", 50.0, 36.2);
    let events = run(
        "Overnight, a drone attack on a market in Kharkiv killed four people, the Ukrainian army said.",
        &[("Kharkiv", kharkiv), ("Ukrainian army", army)],
    );
    let attack = events
        .iter()
        .find(|e| e.kind != EventKind::Statement)
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert!(
        attack.actor.as_ref().is_none_or(|a| &*a.id != "ua.forces"),
        "{attack:#?}"
    );
}

#[test]
fn control_established_is_taken_and_positions_outside_are_a_retreat() {
    let turkey = M::Actor("tr.forces", ActorKind::StateForces, "TR");
    let tal_abyad = M::Place("Tal Abyad", PlaceKind::City, "SY", 36.7, 38.95);
    let events = run(
        "Turkish troops took full control of the town of Tal Abyad on Sunday.",
        &[("Turkish troops", turkey.clone()), ("Tal Abyad", tal_abyad)],
    );
    assert_eq!(
        facts(&events),
        vec![f("tr.forces", EventKind::TerritoryTaken, "Tal Abyad")],
        "{events:#?}"
    );
    let mali = M::Actor("ml.forces", ActorKind::StateForces, "ML");
    let kidal = M::Place("Kidal", PlaceKind::City, "ML", 18.4, 1.4);
    let events = run(
        "The Malian army redeployed and took up positions outside Kidal on Tuesday.",
        &[("Malian army", mali), ("Kidal", kidal)],
    );
    assert_eq!(
        facts(&events),
        vec![f("ml.forces", EventKind::Withdrawal, "Kidal")],
        "{events:#?}"
    );
    // The side of a crossing is the crossing.
    let lebanon = M::Place("Lebanon", PlaceKind::Country, "LB", 33.9, 35.9);
    let masnaa = M::Place("Masnaa crossing", PlaceKind::Other, "LB", 33.7, 36.1);
    let events = run(
        "Turkish troops established operational control over the Lebanon side of the Masnaa crossing.",
        &[("Turkish troops", turkey), ("Lebanon", lebanon), ("Masnaa crossing", masnaa)],
    );
    assert_eq!(
        facts(&events),
        vec![f("tr.forces", EventKind::TerritoryTaken, "Masnaa crossing")],
        "{events:#?}"
    );
}

#[test]
fn bombers_fire_on_unarmed_people_and_years_of_war_as_background() {
    let quetta = M::Place("Quetta", PlaceKind::City, "PK", 30.2, 67.0);
    let events = run(
        "A suicide bomber blew himself up outside a police station in Quetta on Friday.",
        &[("Quetta", quetta.clone())],
    );
    assert!(
        events.iter().any(|e| e.kind == EventKind::Explosion),
        "{events:#?}"
    );
    let gunmen = M::Actor("generic:gunmen:PK", ActorKind::Other, "PK");
    let events = run(
        "Gunmen opened fire on passengers at a bus station in Quetta on Friday.",
        &[("Gunmen", gunmen), ("Quetta", quetta)],
    );
    let kinds: Vec<EventKind> = events.iter().map(|e| e.kind).collect();
    assert!(kinds.contains(&EventKind::AttackOnCivilians), "{kinds:?}");
    assert!(!kinds.contains(&EventKind::ArmedClash), "{kinds:?}");
    let boko = M::Actor("boko_haram", ActorKind::Terrorist, "NG");
    let maiduguri = M::Place("Maiduguri", PlaceKind::City, "NG", 11.8, 13.15);
    let events = run(
        "Boko Haram, which has fought the Nigerian army for more than a decade, claimed the bombing in Maiduguri.",
        &[("Boko Haram", boko), ("Maiduguri", maiduguri)],
    );
    assert!(
        events.iter().all(|e| e.kind != EventKind::ArmedClash),
        "{events:#?}"
    );
}

#[test]
fn a_described_place_word_points_back() {
    let sdf = M::Actor("sdf", ActorKind::RebelGroup, "SY");
    let raqqa = M::Place("Raqqa", PlaceKind::City, "SY", 35.95, 39.0);
    let events = run(
        "Kurdish-led fighters pushed into Raqqa on Monday. The SDF says it now controls the entire city.",
        &[("Raqqa", raqqa), ("SDF", sdf)],
    );
    assert!(
        events.iter().any(|e| e.kind == EventKind::ControlClaim
            && e.place.as_ref().is_some_and(|p| &*p.name == "Raqqa")),
        "{events:#?}"
    );
}

#[test]
fn news_passed_on_by_phone_is_no_call_between_leaders() {
    let bunia = M::Place("Bunia", PlaceKind::City, "CD", 1.56, 30.25);
    let events = run(
        "Residents in Bunia told journalists by telephone that the shooting had stopped.",
        &[("Bunia", bunia)],
    );
    assert!(
        events.iter().all(|e| e.kind != EventKind::Meeting),
        "{events:#?}"
    );
    let events = run(
        "Macron spoke by telephone with Putin on Friday.",
        &[
            ("Macron", M::Person("Emmanuel Macron", "fr.government")),
            ("Putin", M::Person("Vladimir Putin", "ru.government")),
        ],
    );
    assert!(
        events.iter().any(|e| e.kind == EventKind::Meeting),
        "{events:#?}"
    );
}

#[test]
fn the_town_is_a_town_named_before_not_a_region() {
    let mndaa = M::Actor("mndaa", ActorKind::RebelGroup, "MM");
    let junta = M::Actor("mm.forces", ActorKind::StateForces, "MM");
    let events = run(
        "MNDAA fighters entered Lashio on Saturday. The group posted photos of its fighters at the \
         regional command. Many residents fled towards the Kokang region. Witnesses said junta \
         jets bombed the town on Sunday.",
        &[
            ("MNDAA", mndaa),
            ("Lashio", M::Place("Lashio", PlaceKind::City, "MM", 22.93, 97.75)),
            ("Kokang", M::Place("Kokang", PlaceKind::Other, "MM", 23.8, 98.6)),
            ("junta", junta),
        ],
    );
    let strike = first(&events, EventKind::AirStrike);
    assert_eq!(
        strike.place.as_ref().map(|p| &*p.name),
        Some("Lashio"),
        "{events:#?}"
    );
}

#[test]
fn a_statement_is_news_when_what_it_tells_has_no_place_to_be_coded() {
    let tehran = M::Actor("ir.government", ActorKind::Government, "IR");
    let events = run(
        "Iran's foreign ministry said its forces had not taken part in the fighting.",
        &[("Iran's foreign ministry", tehran)],
    );
    assert!(
        events.iter().any(|e| e.kind == EventKind::Statement),
        "{events:#?}"
    );
}

#[test]
fn a_settlement_too_small_to_know_is_taken_where_the_text_puts_it() {
    let mali = M::Actor("ml.forces", ActorKind::StateForces, "ML");
    let timbuktu = M::Place("Tombouctou", PlaceKind::Admin1, "ML", 19.0, -2.0);
    let events = run(
        "Malian troops retook the desert town of Ber in the Timbuktu region on Sunday.",
        &[("Malian troops", mali), ("Timbuktu", timbuktu)],
    );
    assert_eq!(
        facts(&events),
        vec![f("ml.forces", EventKind::TerritoryRegained, "Tombouctou")],
        "{events:#?}"
    );
}

#[test]
fn an_invasion_is_fighting() {
    let russia = M::Actor("ru.forces", ActorKind::StateForces, "RU");
    let ukraine = M::Place("Ukraine", PlaceKind::Country, "UA", 49.0, 32.0);
    let events = run(
        "Russian troops invaded Ukraine from three directions before dawn.",
        &[("Russian troops", russia), ("Ukraine", ukraine)],
    );
    assert_eq!(
        facts(&events),
        vec![f("ru.forces", EventKind::ArmedClash, "Ukraine")],
        "{events:#?}"
    );
}
