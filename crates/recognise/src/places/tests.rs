use std::sync::OnceLock;

use super::*;
use sitrep_model::PlaceKind;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::shipped().expect("shipped gazetteer"))
}

fn run(text: &str) -> Vec<Mention> {
    recognise(gazetteer(), text, &sitrep_text::sentences(text))
}

/// `surface -> (name, kind, country, admin1 code, role)` for every mention.
fn describe(m: &Mention) -> String {
    let p = m.as_place().expect("place mention");
    match &p.place {
        Some(pl) => format!(
            "{} -> {} {:?} {} {} {:?}",
            m.text,
            pl.name,
            pl.kind,
            pl.country,
            pl.admin1_code.as_deref().unwrap_or("-"),
            p.role
        ),
        None => format!("{} -> unresolved", m.text),
    }
}

fn find<'m>(mentions: &'m [Mention], surface: &str) -> Vec<&'m Mention> {
    mentions.iter().filter(|m| m.text == surface).collect()
}

/// The one place mention of `surface`; fails, listing every mention, on
/// none or several.
fn the<'m>(mentions: &'m [Mention], surface: &str) -> &'m PlaceMention {
    let m = find(mentions, surface);
    assert_eq!(
        m.len(),
        1,
        "{surface}: {:?}",
        mentions.iter().map(describe).collect::<Vec<_>>()
    );
    m[0].as_place().expect("place mention")
}

type Want<'a> = (&'a str, PlaceKind, &'a str, &'a str, PlaceRole);

/// Checks that every mention of `surface` resolves to a place with this name
/// (compared folded), kind, country, admin1 code (`-` for none) and role.
fn expect(text: &str, mentions: &[Mention], surface: &str, want: Want) {
    let found = find(mentions, surface);
    let all: Vec<String> = mentions.iter().map(describe).collect();
    assert!(!found.is_empty(), "{surface} not found in {all:?}");
    for m in found {
        assert_eq!(m.span.slice(text), m.text);
        let p = m.as_place().expect("place");
        let place = p
            .place
            .as_ref()
            .unwrap_or_else(|| panic!("{surface} unresolved"));
        let got = (
            sitrep_text::fold(&place.name),
            place.kind,
            place.country.as_ref(),
            place.admin1_code.as_deref().unwrap_or("-"),
            p.role,
        );
        let want = (sitrep_text::fold(want.0), want.1, want.2, want.3, want.4);
        assert_eq!(got, want, "{}", describe(m));
    }
}

use PlaceKind::{Admin1, City, Country};
use PlaceRole::{Literal, Metonym, Modifier};

#[test]
fn reference_article_places() {
    let text = include_str!("../../../../../shared/corpus/2021-08-13-taliban-offensive.txt");
    let ms = run(text);
    let cases: &[(&str, Want)] = &[
        (
            "Lashkar Gah",
            ("Lashkar Gah", City, "AF", "AF-HEL", Literal),
        ),
        ("Kandahar", ("Kandahar", City, "AF", "AF-KAN", Literal)),
        ("Herat", ("Herat", City, "AF", "AF-HER", Literal)),
        ("Kabul", ("Kabul", City, "AF", "AF-KAB", Literal)),
        (
            "Mazar-i-Sharif",
            ("Mazar-e Sharif", City, "AF", "AF-BAL", Literal),
        ),
        ("Jalalabad", ("Jalalabad", City, "AF", "AF-NAN", Literal)),
        ("Kuwait", ("Kuwait", Country, "KW", "-", Literal)),
        ("Qatar", ("Qatar", Country, "QA", "-", Literal)),
        (
            "United States",
            ("United States", Country, "US", "-", Literal),
        ),
        ("Britain", ("United Kingdom", Country, "GB", "-", Literal)),
        ("Pakistan", ("Pakistan", Country, "PK", "-", Literal)),
        ("China", ("China", Country, "CN", "-", Literal)),
        ("India", ("India", Country, "IN", "-", Literal)),
        ("Washington", ("Washington", City, "US", "US-DC", Metonym)),
        ("British", ("United Kingdom", Country, "GB", "-", Modifier)),
    ];
    for (surface, want) in cases {
        expect(text, &ms, surface, *want);
    }
    // The garbled second naming of Lashkar Gah, found fuzzily.
    let r = find(&ms, "Rashkarga");
    assert_eq!(r.len(), 1);
    let p = r[0].as_place().expect("place");
    assert!(p.fuzzy);
    assert_eq!(
        p.place.as_ref().map(|p| p.name.as_ref()),
        Some("Lashkar Gāh")
    );
    // Helmand is the province, whether or not "Province" joins the span.
    let helmand: Vec<_> = ms
        .iter()
        .filter(|m| m.text.starts_with("Helmand"))
        .collect();
    assert_eq!(helmand.len(), 1);
    let h = helmand[0]
        .as_place()
        .and_then(|p| p.place.as_ref())
        .expect("resolved");
    assert_eq!((h.kind, h.admin1_code.as_deref()), (Admin1, Some("AF-HEL")));
    // Doha: the first mention speaks for Qatar, the second is where talks are.
    let doha = find(&ms, "Doha");
    assert_eq!(doha.len(), 2);
    for d in &doha {
        assert_eq!(
            d.as_place()
                .and_then(|p| p.place.as_ref())
                .map(|p| p.country.as_ref()),
            Some("QA")
        );
    }
    assert_eq!(doha[0].as_place().map(|p| p.role), Some(Metonym));
    assert_eq!(focus_country(&ms).as_deref(), Some("AF"));
    // Nothing that is not a place: no "Cobra", no "In a", no "Wallace".
    for not in ["Cobra", "In a", "Wallace", "Taliban", "Sky", "Friday"] {
        assert!(find(&ms, not).is_empty(), "{not} taken as a place");
    }
}

#[test]
fn variants_of_the_reference_facts() {
    let cases: &[(&str, &str, Want)] = &[
        (
            "Insurgents have overrun Lashkargah, the capital of Helmand.",
            "Lashkargah",
            ("Lashkar Gah", City, "AF", "AF-HEL", Literal),
        ),
        (
            "The militants captured Lashkar Gāh after a month-long siege.",
            "Lashkar Gāh",
            ("Lashkar Gah", City, "AF", "AF-HEL", Literal),
        ),
        (
            "HERAT FALLS AS TALIBAN SWEEP WEST",
            "HERAT",
            ("Herat", City, "AF", "AF-HER", Literal),
        ),
        (
            "Afghanistan's third city, Hirat, is now in the hands of the insurgents.",
            "Hirat",
            ("Herat", City, "AF", "AF-HER", Literal),
        ),
        (
            "Security forces withdrew from Qalat, the provincial capital of Zabul.",
            "Qalat",
            ("Qalat", City, "AF", "AF-ZAB", Literal),
        ),
        (
            "The Taliban denied they had entered Mazar-e Sharif.",
            "Mazar-e Sharif",
            ("Mazar-e Sharif", City, "AF", "AF-BAL", Literal),
        ),
        (
            "Fighting spread across Herat province on Sunday.",
            "Herat",
            ("Herat", Admin1, "AF", "AF-HER", Literal),
        ),
        (
            "Shelling hit the city of Kandahar overnight.",
            "Kandahar",
            ("Kandahar", City, "AF", "AF-KAN", Literal),
        ),
        (
            "Some 3,500 more US soldiers will be positioned in Kuwait.",
            "US",
            ("United States", Country, "US", "-", Literal),
        ),
        (
            "Kabul announced a curfew after the attacks in Kandahar.",
            "Kabul",
            ("Kabul", City, "AF", "AF-KAB", Metonym),
        ),
        (
            "Afghan forces pulled back from the border.",
            "Afghan",
            ("Afghanistan", Country, "AF", "-", Modifier),
        ),
    ];
    for (text, surface, want) in cases {
        expect(text, &run(text), surface, *want);
    }
}

#[test]
fn conflicts_elsewhere_resolve_in_their_country() {
    let cases: &[(&str, &str, Want)] = &[
        (
            "Syrian government troops advanced on Idlib after heavy shelling of Aleppo.",
            "Idlib",
            ("Idlib", City, "SY", "SY-ID", Literal),
        ),
        (
            "Syrian government troops advanced on Idlib after heavy shelling of Aleppo.",
            "Aleppo",
            ("Aleppo", City, "SY", "SY-HL", Literal),
        ),
        (
            "Kurdish-led fighters held the oil fields east of Deir ez-Zor in Syria.",
            "Deir ez-Zor",
            ("Deir ez-Zor", City, "SY", "SY-DY", Literal),
        ),
        (
            "Airstrikes were reported in Dayr az Zawr, near the Iraqi border of Syria.",
            "Dayr az Zawr",
            ("Deir ez-Zor", City, "SY", "SY-DY", Literal),
        ),
        (
            "Russian missiles struck Kharkov and Mariupol in eastern Ukraine.",
            "Kharkov",
            ("Kharkiv", City, "UA", "UA-63", Literal),
        ),
        (
            "Russian missiles struck Kharkov and Mariupol in eastern Ukraine.",
            "Mariupol",
            ("Mariupol", City, "UA", "UA-14", Literal),
        ),
        (
            "Ukrainian units dug in around Bakhmut as the battle for Donetsk went on.",
            "Bakhmut",
            ("Bakhmut", City, "UA", "UA-14", Literal),
        ),
        (
            "The RSF besieged El Fasher while the army bombed Khartoum, Sudan.",
            "El Fasher",
            ("El Fasher", City, "SD", "SD-DN", Literal),
        ),
        (
            "The RSF besieged El Fasher while the army bombed Khartoum, Sudan.",
            "Khartoum",
            ("Khartoum", City, "SD", "SD-KH", Literal),
        ),
        (
            "Jihadists attacked an army post near Gao, in northern Mali, and later Timbuktu.",
            "Gao",
            ("Gao", City, "ML", "ML-7", Literal),
        ),
        (
            "Jihadists attacked an army post near Gao, in northern Mali, and later Tombouctou.",
            "Tombouctou",
            ("Timbuktu", City, "ML", "ML-6", Literal),
        ),
        (
            "Protesters gathered in Ouagadougou, the capital of Burkina Faso.",
            "Ouagadougou",
            ("Ouagadougou", City, "BF", "BF-03", Literal),
        ),
        (
            "Houthi forces pressed towards Ma'rib as fighting flared in Yemen.",
            "Ma'rib",
            ("Ma'rib", City, "YE", "YE-MA", Literal),
        ),
        (
            "Houthi forces pressed towards Marib and shelled Hodeidah, Yemen.",
            "Hodeidah",
            ("Al Hudaydah", City, "YE", "YE-HU", Literal),
        ),
        (
            "Yemeni officials said ships left Al Hudaydah on Monday.",
            "Al Hudaydah",
            ("Al Hudaydah", City, "YE", "YE-HU", Literal),
        ),
    ];
    for (text, surface, want) in cases {
        expect(text, &run(text), surface, *want);
    }
}

#[test]
fn common_words_and_names_are_not_places() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Most analysts expect a long war. Police said two died.",
            &["Most", "Police"],
        ),
        (
            "Reading the statement, the minister said in March that talks would resume.",
            &["Reading", "March"],
        ),
        (
            "Defence Secretary Ben Wallace spoke to President Joe Biden.",
            &["Wallace", "Biden"],
        ),
        ("Of the 34 provinces, half have fallen.", &["Of"]),
        (
            "The Afghan army chief met Hamid Karzai and Ahmad Massoud in Kabul.",
            &["Hamid", "Ahmad"],
        ),
    ];
    for (text, absent) in cases {
        let ms = run(text);
        for a in *absent {
            assert!(
                find(&ms, a).is_empty(),
                "{a} in {:?}",
                ms.iter().map(describe).collect::<Vec<_>>()
            );
        }
    }
    // With place evidence a common word is kept.
    let ms = run("Two men were arrested in Reading, England, on Friday.");
    assert_eq!(find(&ms, "Reading").len(), 1);
}

#[test]
fn words_around_a_name_pick_province_or_town() {
    use PlaceKind::Admin2;
    // Each text names Afghan places often enough to make Afghanistan the focus.
    let cases: &[(&str, &str, Want)] = &[
        (
            "Ghani flew to Mazar-i-Sharif, the capital of Balkh, on Wednesday, \
             as fighting reached Kunduz and Afghanistan's north.",
            "Balkh",
            ("Balkh", Admin1, "AF", "AF-BAL", Literal),
        ),
        (
            "The Taliban took Asadabad (Kunar) and Mehtar Lam (Laghman) in \
             eastern Afghanistan, officials in Kabul said.",
            "Laghman",
            ("Laghman", Admin1, "AF", "AF-LAG", Literal),
        ),
        (
            "Militias retook two Baghlan districts near Kabul as Afghan forces \
             held Kunduz airport.",
            "Baghlan",
            ("Baghlan", Admin1, "AF", "AF-BGL", Literal),
        ),
        (
            "Traders fled the market of Spin Boldak in Kandahar province as \
             fighting spread across southern Afghanistan.",
            "Spin Boldak",
            ("Spin Boldak", City, "AF", "AF-KAN", Literal),
        ),
        (
            "The Taliban overran Spin Boldak district in Kandahar province, \
             Afghan officials said.",
            "Spin Boldak",
            ("Spin Boldak", Admin2, "AF", "AF-KAN", Literal),
        ),
    ];
    for (text, surface, want) in cases {
        let ms = run(text);
        expect(text, &ms, surface, *want);
    }
}

#[test]
fn garbled_names_next_to_place_words_are_found() {
    // Misspellings of Afghan cities, in an article about Afghanistan.
    let text = "The Taliban seized Kandahar and Herat in Afghanistan this week. \
        Soldiers at the Kunduzz airport surrendered, and fighters who captured \
        Rashkarga Helmand on Friday moved on Kabul.";
    let ms = run(text);
    for (surface, name) in [("Kunduzz", "Kunduz"), ("Rashkarga", "Lashkar Gah")] {
        let p = the(&ms, surface);
        assert!(p.fuzzy, "{surface}");
        let got = p.place.as_ref().map(|p| sitrep_text::fold(&p.name));
        assert_eq!(
            got.as_deref(),
            Some(sitrep_text::fold(name).as_str()),
            "{surface}"
        );
    }
}

#[test]
fn known_names_and_mixed_case_words_are_not_garbled_places() {
    // "Kunduzz" after "the" and before "airport" is searched fuzzily unless
    // the caller knows it as another name, or it is written like a brand.
    let plain = "The Taliban seized Kandahar and Herat in Afghanistan this week. \
        Soldiers at the Kunduzz airport surrendered.";
    let fuzzy_at = |text: &str, known: &[Span]| {
        recognise_known(gazetteer(), text, &sitrep_text::sentences(text), known)
            .iter()
            .filter(|m| m.as_place().is_some_and(|p| p.fuzzy))
            .map(|m| m.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(fuzzy_at(plain, &[]), ["Kunduzz"]);
    let start = plain.find("Kunduzz").expect("in text");
    let known = [Span::new(start, start + "Kunduzz".len())];
    assert_eq!(fuzzy_at(plain, &known), Vec::<String>::new());
    let branded = plain.replace("Kunduzz", "KunDuzz");
    assert_eq!(fuzzy_at(&branded, &[]), Vec::<String>::new());
}

#[test]
fn alternate_spellings_count_in_the_focus_country_only() {
    // "Sheberghan" is only a GeoNames alternate spelling of Shibirghān: taken
    // in an article about Afghanistan, left alone without a focus country.
    let afghan = "Sheberghan, the capital of Jowzjan province in northern \
        Afghanistan, fell on Saturday. Fighting went on near Kunduz and Taloqan.";
    let ms = run(afghan);
    expect(
        afghan,
        &ms,
        "Sheberghan",
        ("Shibirghan", City, "AF", "AF-JOW", Literal),
    );
    let alone = run("Sheberghan, they said, was quiet.");
    assert!(find(&alone, "Sheberghan").is_empty());
}

#[test]
fn spans_slice_the_text_and_sentences_are_right() {
    let text = "Clashes in Kābul. Later, fighting reached Mazār-e Sharīf and the U.S. embassy.";
    let sentences = sitrep_text::sentences(text);
    let ms = recognise(gazetteer(), text, &sentences);
    let got: Vec<(&str, usize)> = ms
        .iter()
        .map(|m| (m.span.slice(text), m.sentence))
        .collect();
    assert_eq!(got, [("Kābul", 0), ("Mazār-e Sharīf", 1), ("U.S.", 1)]);
}

#[test]
fn unknown_places_in_clear_slots_stay_unresolved() {
    let text = "Fighting was heavy near Zorbatiya and in the village of Qara Tepe.";
    let ms = run(text);
    for surface in ["Zorbatiya", "Qara Tepe"] {
        assert!(the(&ms, surface).place.is_none(), "{surface}");
    }
}

#[test]
fn shipped_sites_resolve() {
    let text = "Evacuation flights left Hamid Karzai International Airport at dawn. \
        The last defenders of Azovstal surrendered.";
    let ms = run(text);
    for (surface, name) in [
        (
            "Hamid Karzai International Airport",
            "Hamid Karzai International Airport",
        ),
        ("Azovstal", "Azovstal steelworks"),
    ] {
        let place = the(&ms, surface).place.as_ref();
        assert_eq!(place.map(|p| &*p.name), Some(name));
    }
}

#[test]
fn a_countrys_capital_by_its_adjective() {
    let ms =
        run("Talks in the Qatari capital ended without a deal. Qatari officials were hopeful.");
    let place = the(&ms, "Qatari capital").place.as_ref();
    assert_eq!(place.map(|p| &*p.name), Some("Doha"));
    // The adjective alone is no capital.
    assert!(find(&ms, "Qatari officials").is_empty());
}

#[test]
fn a_part_of_a_place_is_not_a_namesake_abroad() {
    // Sherpur is a Kabul neighbourhood the gazetteer lacks; its namesake is
    // in Bangladesh. Nad Ali is a district of Helmand the gazetteer has.
    let ms = run("A car bomb exploded in Kabul's Sherpur area. Fighting spread to Helmand's Nad Ali district.");
    let sherpur = find(&ms, "Sherpur");
    assert!(
        sherpur
            .iter()
            .all(|m| m.as_place().is_some_and(|p| p.place.is_none())),
        "{:?}",
        ms.iter().map(describe).collect::<Vec<_>>()
    );
    let place = the(&ms, "Nad Ali").place.as_ref();
    assert_eq!(place.map(|p| &*p.country), Some("AF"));
}
