use std::sync::OnceLock;

use sitrep_actors::ActorDictionary;
use sitrep_model::{ActorMention, Mention, MentionKind, PersonMention, Span};

use super::{recognise, Input};

fn dict() -> &'static ActorDictionary {
    static DICT: OnceLock<ActorDictionary> = OnceLock::new();
    DICT.get_or_init(|| ActorDictionary::shipped().expect("shipped actors load"))
}

fn run(text: &str, focus: Option<&str>) -> Vec<Mention> {
    run_with_places(text, focus, &[])
}

/// Like [`run`], with the place names recognition found ("Kabul").
fn run_with_places(text: &str, focus: Option<&str>, places: &[&str]) -> Vec<Mention> {
    let sentences = sitrep_text::sentences(text);
    let tokens = sitrep_text::tokens(text);
    let mut spans: Vec<Span> = Vec::new();
    for name in places {
        spans.extend(
            text.match_indices(name)
                .map(|(at, _)| Span::new(at, at + name.len())),
        );
    }
    spans.sort_by_key(|s| s.start);
    let input = Input {
        text,
        sentences: &sentences,
        tokens: &tokens,
        places: &spans,
    };
    let found = recognise(dict(), &input, focus);
    for m in &found {
        assert_eq!(m.span.slice(text), m.text, "span must slice the text");
        assert_eq!(
            Some(m.sentence),
            sitrep_text::sentence_of(&sentences, m.span.start)
        );
    }
    found
}

fn actors(found: &[Mention]) -> Vec<(&str, &ActorMention)> {
    found
        .iter()
        .filter_map(|m| m.as_actor().map(|a| (m.text.as_str(), a)))
        .collect()
}

fn people(found: &[Mention]) -> Vec<(&str, &PersonMention)> {
    found
        .iter()
        .filter_map(|m| match &m.kind {
            MentionKind::Person(p) => Some((m.text.as_str(), p)),
            _ => None,
        })
        .collect()
}

/// The reference article, read from the shared corpus when present (it is not
/// part of the repository).
const REFERENCE: &str = "/work/shared/corpus/2021-08-13-taliban-offensive.txt";

#[test]
fn reference_article() {
    let Ok(text) = std::fs::read_to_string(REFERENCE) else {
        eprintln!("skipping: {REFERENCE} not found");
        return;
    };
    // Inferring the focus from the article's own actors must give the same
    // result as being told it.
    for focus in [Some("AF"), None] {
        let found = run(&text, focus);
        let acts = actors(&found);
        let ids = |surface: &str| -> Vec<&str> {
            acts.iter()
                .filter(|(t, _)| *t == surface)
                .map(|(_, a)| a.id.as_ref())
                .collect()
        };
        let taliban = acts.iter().filter(|(_, a)| &*a.id == "taliban").count();
        assert!(taliban >= 10, "Taliban found {taliban} times");
        for surface in [
            "Islamic militias",
            "Islamists",
            "Islamic radicals",
            "rebel groups",
        ] {
            assert_eq!(ids(surface), ["taliban"], "{surface}");
        }
        for (surface, id) in [
            ("al-Qaeda", "al_qaeda"),
            ("Al-Qaida", "al_qaeda"),
            ("al Qaeda", "al_qaeda"),
            ("Pentagon", "us.forces"),
            ("British government", "gb.government"),
            ("U.S.", "us.government"),
            ("U.K.", "gb.government"),
            ("UK", "gb.government"),
            ("Sky News", "sky_news"),
            ("BBC", "bbc"),
            ("British army", "gb.forces"),
            ("Britain", "gb.government"),
            ("Pakistan", "pk.government"),
        ] {
            assert!(
                ids(surface).contains(&id),
                "{surface} -> {:?}",
                ids(surface)
            );
        }
        // The focus country's own name is the place, not an actor.
        assert!(ids("Afghanistan").is_empty());
        assert!(ids("Qatar").is_empty(), "'in Qatar' is a place");

        let ppl = people(&found);
        let person = |surface: &str| {
            ppl.iter()
                .find(|(t, _)| *t == surface)
                .map(|(_, p)| *p)
                .unwrap_or_else(|| panic!("{surface} not found: {ppl:#?}"))
        };
        let ghani = person("Ashraf Ghani");
        assert_eq!(ghani.id.as_deref(), Some("ashraf_ghani"));
        assert_eq!(ghani.role.as_deref(), Some("President"));
        let wallace = person("Ben Wallace");
        assert_eq!(wallace.role.as_deref(), Some("British Defense Minister"));
        assert_eq!(
            person("Boris Johnson").role.as_deref(),
            Some("Prime Minister")
        );
        assert_eq!(
            person("Zalmay Khalilzad").role.as_deref(),
            Some("U.S. Special Representative for Afghanistan")
        );
        let baradal = person("Mullah Baradal");
        assert_eq!(baradal.id.as_deref(), Some("abdul_ghani_baradar"));
        assert_eq!(baradal.role.as_deref(), Some("Taliban co-founder"));
        assert_eq!(person("Baradar").id.as_deref(), Some("abdul_ghani_baradar"));
        let rudra = person("Rudra Chaudhuri");
        assert_eq!(rudra.id, None);
        assert_eq!(
            rudra.role.as_deref(),
            Some("lecturer in the Department of War Studies at King’s College London")
        );
        assert_eq!(person("Wallace").id.as_deref(), Some("ben_wallace"));

        let he: Vec<&PersonMention> = ppl
            .iter()
            .filter(|(t, p)| p.via_pronoun && t.eq_ignore_ascii_case("he"))
            .map(|(_, p)| *p)
            .collect();
        assert!(he.len() >= 2, "{he:#?}");
        assert!(
            he.iter().all(|p| p.id.as_deref() == Some("ben_wallace")),
            "{he:#?}"
        );
        // "he and his crew" follows two people: left unresolved.
        assert!(!ppl.iter().any(|(t, p)| *t == "his" && p.via_pronoun));
    }
}

#[test]
fn actors_across_theatres() {
    // (focus, text, surface, expected id)
    let cases: &[(Option<&str>, &str, &str, &str)] = &[
        (
            Some("SD"),
            "The army said it had repelled an attack on El Fasher.",
            "army",
            "sd.forces",
        ),
        (
            Some("SD"),
            "Paramilitaries looted the market in Wad Madani.",
            "Paramilitaries",
            "rsf",
        ),
        (Some("SD"), "The RSF denied the accusation.", "RSF", "rsf"),
        (
            Some("SD"),
            "Rebels from the SPLM-N shelled Kadugli.",
            "SPLM-N",
            "splm_n",
        ),
        (
            Some("SD"),
            "Rebels shelled Kadugli.",
            "Rebels",
            "generic:rebels:SD",
        ),
        (
            Some("UA"),
            "Russian troops pushed towards Pokrovsk.",
            "Russian troops",
            "ru.forces",
        ),
        // Every country of the gazetteer has a frame, written or generated.
        (
            Some("CO"),
            "Colombian troops clashed with ELN fighters near Cucuta.",
            "Colombian troops",
            "co.forces",
        ),
        (
            Some("LY"),
            "The Libyan government condemned the attack.",
            "Libyan government",
            "ly.government",
        ),
        // A people named by its adjective is not a state's side.
        (
            Some("MK"),
            "Ethnic Albanian guerrillas attacked a police post.",
            "guerrillas",
            "generic:insurgents:MK",
        ),
        (
            Some("UA"),
            "The Kremlin rejected the proposal.",
            "Kremlin",
            "ru.government",
        ),
        (
            Some("UA"),
            "Wagner fighters withdrew from Bakhmut.",
            "Wagner fighters",
            "wagner",
        ),
        (
            Some("UA"),
            "Russia's defence ministry said two drones were downed.",
            "Russia's defence ministry",
            "ru.forces",
        ),
        (
            Some("SY"),
            "HTS fighters entered Aleppo.",
            "HTS fighters",
            "hts",
        ),
        (
            Some("SY"),
            "Turkish-backed factions clashed with the SDF near Manbij.",
            "SDF",
            "sdf",
        ),
        (
            Some("SY"),
            "Islamic State claimed the attack.",
            "Islamic State",
            "islamic_state",
        ),
        (
            Some("PS"),
            "The IDF said it struck a Hamas command centre.",
            "IDF",
            "il.forces",
        ),
        (
            Some("PS"),
            "The IDF said it struck a Hamas command centre.",
            "Hamas",
            "hamas",
        ),
        (
            Some("LB"),
            "Hezbollah fired rockets at northern Israel.",
            "Hezbollah",
            "hezbollah",
        ),
        (
            Some("YE"),
            "The Houthis launched a missile at a tanker.",
            "Houthis",
            "houthis",
        ),
        (
            Some("YE"),
            "Coalition warplanes struck Sanaa overnight.",
            "Coalition warplanes",
            "saudi_coalition",
        ),
        (
            Some("ML"),
            "JNIM claimed the ambush near Boulkessi.",
            "JNIM",
            "jnim",
        ),
        (
            Some("ML"),
            "The junta expelled the French ambassador.",
            "junta",
            "ml.government",
        ),
        (
            Some("MM"),
            "The junta's troops torched the village.",
            "junta",
            "mm.government",
        ),
        (
            Some("MM"),
            "The Arakan Army seized the town.",
            "Arakan Army",
            "arakan_army",
        ),
        (
            Some("ET"),
            "Federal forces entered Mekelle.",
            "Federal forces",
            "et.forces",
        ),
        (
            Some("ET"),
            "Fano militias attacked Gondar.",
            "Fano militias",
            "fano",
        ),
        (
            Some("ET"),
            "Amhara militias attacked Gondar.",
            "Amhara militias",
            "fano",
        ),
        (
            Some("AF"),
            "Insurgents overran the district centre.",
            "Insurgents",
            "taliban",
        ),
        (
            Some("AF"),
            "Security forces withdrew from Qalat.",
            "Security forces",
            "af.forces",
        ),
        (
            Some("AF"),
            "Government forces retook the district centre.",
            "Government forces",
            "af.forces",
        ),
        (
            Some("AF"),
            "Villagers fled the fighting.",
            "Villagers",
            "generic:villagers:AF",
        ),
        (
            Some("AF"),
            "Afghan civilians queued at the airport.",
            "Afghan civilians",
            "generic:civilians:AF",
        ),
        (
            Some("AF"),
            "Some 3,500 more US soldiers will be positioned in Kuwait.",
            "US soldiers",
            "us.forces",
        ),
        (
            Some("AF"),
            "Britain will deploy around 600 troops.",
            "Britain",
            "gb.government",
        ),
        (
            Some("AF"),
            "The troops will leave by the end of the month.",
            "troops",
            "generic:troops",
        ),
        (
            None,
            "Militants attacked a checkpoint.",
            "Militants",
            "generic:militants",
        ),
        (
            Some("IQ"),
            "Militants attacked a checkpoint.",
            "Militants",
            "generic:militants:IQ",
        ),
        (
            Some("SY"),
            "Insurgents attacked a checkpoint.",
            "Insurgents",
            "generic:insurgents:SY",
        ),
        // A country word before what a state does or has.
        (
            Some("AF"),
            "the U.S. embassy was evacuated",
            "U.S.",
            "us.government",
        ),
        (
            Some("AF"),
            "Ten civilians died in a US drone strike on Sunday.",
            "US",
            "us.forces",
        ),
        (
            Some("UA"),
            "The counter-offensive rolled back Russian lines near Izium.",
            "Russian",
            "ru.forces",
        ),
        (
            Some("AF"),
            "The new Afghan commander found the base empty.",
            "Afghan",
            "af.forces",
        ),
        (
            Some("AF"),
            "Tajik border guards said 1,000 soldiers had crossed.",
            "Tajik border guards",
            "tj.forces",
        ),
        (
            Some("AF"),
            "The Interior Ministry said the governor had been detained.",
            "Interior Ministry",
            "af.government",
        ),
        (
            Some("SY"),
            "Russian and Syrian warplanes struck rebel positions.",
            "Russian",
            "ru.forces",
        ),
        (
            Some("SY"),
            "Russian and Syrian warplanes struck rebel positions.",
            "Syrian warplanes",
            "sy.forces",
        ),
        (
            Some("AF"),
            "Leaders of the G7 met by video link.",
            "G7",
            "g7",
        ),
    ];
    for (focus, text, surface, id) in cases {
        let found = run(text, *focus);
        let got: Vec<(&str, &str)> = actors(&found)
            .into_iter()
            .map(|(t, a)| (t, a.id.as_ref()))
            .collect();
        assert!(
            got.contains(&(*surface, *id)),
            "{text:?} (focus {focus:?}): want {surface:?} -> {id}, got {got:?}"
        );
    }
}

#[test]
fn things_that_are_not_actors() {
    let cases: &[(Option<&str>, &str)] = &[
        (Some("AF"), "The anti-Taliban uprising spread."),
        (Some("AF"), "Troops were flown to Kuwait and Qatar."),
        (Some("SY"), "This is what it is, she said."),
        (None, "WHAT IS NEXT FOR KABUL"),
        (Some("UA"), "Russia's economy shrank."),
        (Some("AF"), "The U.S. citizens were told to leave."),
    ];
    for (focus, text) in cases {
        let found = run(text, *focus);
        let named: Vec<(&str, &str)> = actors(&found)
            .into_iter()
            .filter(|(_, a)| !a.generic)
            .map(|(t, a)| (t, a.id.as_ref()))
            .collect();
        assert!(named.is_empty(), "{text:?}: {named:?}");
    }
}

/// Generic nouns that are not a party where they stand: modifiers, parts of
/// names, one person described, an audience.
#[test]
fn generic_nouns_that_are_not_parties() {
    let cases: &[(&str, &[&str])] = &[
        (
            "The insurgents took the governor's office and the police headquarters.",
            &["insurgents"],
        ),
        ("A government spokesman said the minister was safe.", &[]),
        ("Government media chief shot dead in Kabul", &[]),
        (
            "Interior Ministry spokesman Mirwais Stanikzai said so.",
            &["Interior Ministry"],
        ),
        (
            "He was the head of the Government Media and Information Centre.",
            &[],
        ),
        ("Menapal, a former journalist, was shot.", &[]),
        ("The city fell, a provincial official said.", &[]),
        (
            "The general told reporters at the Pentagon that it was over.",
            &["Pentagon"],
        ),
        (
            "Government forces pulled back to an army base.",
            &["Government forces"],
        ),
        (
            "Officials said the army had withdrawn.",
            &["Officials", "army"],
        ),
        ("Journalists were beaten by the guards.", &["Journalists"]),
        (
            "Taliban militants captured the city.",
            &["Taliban militants"],
        ),
        (
            "The paramilitary Rapid Support Forces took the town.",
            &["Rapid Support Forces"],
        ),
        ("The al Qaeda-linked group JNIM claimed it.", &["JNIM"]),
        (
            "Islamic State Khorasan (ISIS-K) claimed the bombing.",
            &["Islamic State Khorasan"],
        ),
        ("The city sits on the border with Iran.", &[]),
    ];
    for (text, want) in cases {
        let found = run(text, Some("AF"));
        let got: Vec<&str> = actors(&found).into_iter().map(|(t, _)| t).collect();
        assert_eq!(got, *want, "{text:?}");
    }
}

/// Names of known people that are someone or something else where they stand.
#[test]
fn known_names_used_for_others() {
    /// A text and the people found in it: surface and dictionary id.
    type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
    let cases: &[Case] = &[
        (
            "The last flight left Hamid Karzai International Airport.",
            &[],
        ),
        (
            "Ghani named General Hibatullah Alizai as army chief.",
            &[("Ghani", Some("ashraf_ghani")), ("Hibatullah Alizai", None)],
        ),
        (
            "Hibatullah Akhundzada, the Taliban leader, issued a decree.",
            &[("Hibatullah Akhundzada", Some("hibatullah_akhundzada"))],
        ),
    ];
    for (text, want) in cases {
        let found = run(text, Some("AF"));
        let got: Vec<(&str, Option<&str>)> = people(&found)
            .into_iter()
            .map(|(t, p)| (t, p.id.as_deref()))
            .collect();
        assert_eq!(got, *want, "{text:?}");
    }
}

/// Unknown people named after a role and a comma.
#[test]
fn names_after_a_role_and_a_comma() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "The governor of Ghazni province, Daud Laghmani, was detained.",
            &[("Daud Laghmani", "governor of Ghazni province")],
        ),
        (
            "The front said its spokesman, Fahim Dashty, had been killed.",
            &[("Fahim Dashty", "spokesman")],
        ),
        (
            "Two reporters of the daily, Taqi Daryabi and Nematullah Naqdi, were beaten.",
            &[
                ("Taqi Daryabi", "Two reporters of the daily"),
                ("Nematullah Naqdi", "Two reporters of the daily"),
            ],
        ),
        ("The spokesman, however, said nothing.", &[]),
    ];
    for (text, want) in cases {
        let found = run(text, Some("AF"));
        let got: Vec<(&str, &str)> = people(&found)
            .into_iter()
            .filter(|(_, p)| !p.via_pronoun)
            .map(|(t, p)| (t, p.role.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(got, *want, "{text:?}");
    }
}

/// A place name before an unknown person's name is not part of it.
#[test]
fn place_names_are_cut_from_unknown_names() {
    let text = "Shot dead in Kabul\n\nAhmad Zia Saraj, the head of the agency, was killed.";
    let found = run_with_places(text, Some("AF"), &["Kabul"]);
    let names: Vec<&str> = people(&found).into_iter().map(|(t, _)| t).collect();
    assert_eq!(names, ["Ahmad Zia Saraj"]);
}

#[test]
fn people_and_roles() {
    // (text, name surface, expected id (None = unknown), expected role)
    let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        (
            "Defence Secretary Ben Wallace told Sky News he was worried.",
            "Ben Wallace",
            Some("ben_wallace"),
            Some("Defence Secretary"),
        ),
        (
            "Kremlin spokesman Dmitry Peskov declined to comment.",
            "Dmitry Peskov",
            Some("dmitry_peskov"),
            Some("Kremlin spokesman"),
        ),
        (
            "Governor Abdul Qayoom Rahimi said the city was calm.",
            "Abdul Qayoom Rahimi",
            None,
            Some("Governor"),
        ),
        (
            "Herat police spokesman Ahmad Zia said two shops burned.",
            "Ahmad Zia",
            None,
            Some("Herat police spokesman"),
        ),
        (
            "Aisha Rahman, a researcher at a Kabul think tank, said talks had stalled.",
            "Aisha Rahman",
            None,
            Some("researcher at a Kabul think tank"),
        ),
        (
            "Hemedti, the RSF commander, rejected the truce.",
            "Hemedti",
            Some("mohamed_hamdan_dagalo"),
            Some("RSF commander"),
        ),
        (
            "Burhan visited Port Sudan on Tuesday.",
            "Burhan",
            Some("abdel_fattah_al_burhan"),
            Some("Commander of the Sudanese Armed Forces, chairman of the Sovereignty Council"),
        ),
        (
            "Gen. Min Aung Hlaing addressed the parade.",
            "Min Aung Hlaing",
            Some("min_aung_hlaing"),
            Some("Gen."),
        ),
        (
            "Israeli Prime Minister Benjamin Netanyahu convened the security cabinet.",
            "Benjamin Netanyahu",
            Some("benjamin_netanyahu"),
            Some("Israeli Prime Minister"),
        ),
        (
            "Ukrainian President Volodymyr Zelenskyy thanked the allies.",
            "Volodymyr Zelenskyy",
            Some("volodymyr_zelensky"),
            Some("Ukrainian President"),
        ),
    ];
    for (text, surface, id, role) in cases {
        let found = run(text, None);
        let ppl = people(&found);
        let p = ppl
            .iter()
            .find(|(t, p)| t == surface && !p.via_pronoun)
            .map(|(_, p)| *p)
            .unwrap_or_else(|| panic!("{surface:?} not found in {text:?}: {ppl:#?}"));
        assert_eq!(p.id.as_deref(), *id, "{text:?}");
        assert_eq!(p.role.as_deref(), *role, "{text:?}");
    }
}

#[test]
fn pronouns_need_one_candidate() {
    let text = "Volodymyr Zelensky arrived in Washington. He met lawmakers. \
                Joe Biden greeted Zelensky at the White House. He promised more air defence.";
    let found = run(text, None);
    let resolved: Vec<(&str, Option<&str>)> = people(&found)
        .into_iter()
        .filter(|(_, p)| p.via_pronoun)
        .map(|(t, p)| (t, p.id.as_deref()))
        .collect();
    // The first "He" can only be Zelensky; the second follows two people.
    assert_eq!(resolved, [("He", Some("volodymyr_zelensky"))]);
    let far = "Abiy Ahmed spoke. One. Two. Three. He left.";
    assert!(people(&run(far, None)).iter().all(|(_, p)| !p.via_pronoun));
}
