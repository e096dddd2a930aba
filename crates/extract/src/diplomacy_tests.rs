//! End-to-end tests of verbal and diplomatic events: real recognition, then
//! the PLOVER type, source country and target country of each sentence's most
//! confident coded event. The sentences are written for these tests about
//! real kinds of events; each case exercises one rule (a lexicon group, an
//! intention, an obligation, a demonym, an addressee).

use sitrep_model::Article;
use sitrep_recognise::Recogniser;

use super::Extractor;

/// The shipped recogniser and extractor, as a function from a sentence to
/// its events.
fn pipeline() -> impl Fn(&str) -> Vec<sitrep_model::Event> {
    let gazetteer = sitrep_gazetteer::Gazetteer::shipped().expect("gazetteer");
    let actors = sitrep_actors::ActorDictionary::shipped().expect("actors");
    let recogniser = Recogniser::new(gazetteer, actors);
    let extractor = Extractor::shipped().expect("lexicon");
    move |text| {
        let article = Article::from_text(text, "t.txt");
        extractor.extract(&article, &recogniser.recognise(&article))
    }
}

#[test]
fn verbal_events_are_typed_with_source_and_target() {
    let events = pipeline();
    // (sentence, PLOVER type, source country, target country)
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        // A formal protest is an accusation, addressed with "with".
        (
            "Pakistan lodged a formal protest with India over the shelling.",
            "ACCUSE",
            "PK",
            Some("IN"),
        ),
        // Sanctions on a country's military target that country.
        (
            "The United States imposed sanctions on Myanmar's military leaders.",
            "SANCTION",
            "US",
            Some("MM"),
        ),
        // An expelled ambassador is his government.
        (
            "Egypt expelled the Turkish ambassador on Tuesday.",
            "SANCTION",
            "EG",
            Some("TR"),
        ),
        // A plural demonym is its country's people.
        ("Palestinians rejected the plan.", "REJECT", "PS", None),
        // "must" in reported content makes the statement a demand on its subject.
        (
            "Russia said Ukraine must withdraw its troops from the region.",
            "REQUEST",
            "RU",
            Some("UA"),
        ),
        // A decided future act of aid is a promise.
        (
            "Qatar will provide 50 million dollars in humanitarian aid to Afghanistan, its foreign ministry said.",
            "AGREE",
            "QA",
            Some("AF"),
        ),
        // A boycott announced under a condition is a threat.
        (
            "Turkey said on Monday it would boycott the summit unless Sweden changed its position.",
            "THREATEN",
            "TR",
            None,
        ),
        // Signing a formal agreement is diplomatic support (CAMEO 057).
        (
            "Jordan and Israel signed a peace treaty in 1994.",
            "SUPPORT",
            "JO",
            None,
        ),
        // A hyphenated modifier is no act of support.
        (
            "The Iranian-backed militia attacked a convoy near Baghdad.",
            "FIGHT",
            "",
            None,
        ),
    ];
    for (text, plover, source, target) in cases {
        let events = events(text);
        let e = crate::main_event(&events).unwrap_or_else(|| panic!("no coded event in {text:?}"));
        let got = e.plover.as_ref().map(|p| p.event_type.as_str());
        assert_eq!(got, Some(*plover), "{text}");
        if !source.is_empty() {
            let country = e
                .actor
                .as_ref()
                .and_then(|a| a.country.as_deref())
                .or_else(|| e.person.as_ref().and_then(|p| p.country.as_deref()));
            assert_eq!(country, Some(*source), "source of {text}");
        }
        if let Some(t) = target {
            let country = e.target.as_ref().and_then(|a| a.country.as_deref());
            assert_eq!(country, Some(*t), "target of {text}");
        }
    }
}

#[test]
fn a_stranded_preposition_ends_a_relative_clause_not_a_request() {
    let events = pipeline();
    let statements = |text: &str| {
        events(text)
            .iter()
            .filter(|e| e.kind == sitrep_model::EventKind::Statement)
            .count()
    };
    assert_eq!(
        statements("Strongmen in Balkh kept private forces that Kabul could call on."),
        0
    );
    assert_eq!(
        statements("The Afghan government called on Pakistan to close the border."),
        1
    );
    // A quotation is the object, not the end of a clause.
    assert_eq!(
        statements("Zalmay Khalilzad called for \u{201c}an end to attacks on cities\u{201d}."),
        1
    );
}
