use std::path::PathBuf;

use sitrep_model::ActorKind;

use super::*;

fn shipped() -> ActorDictionary {
    ActorDictionary::shipped().expect("shipped dictionaries load")
}

#[test]
fn shipped_dictionary_is_consistent() {
    let dict = shipped();
    assert!(
        dict.dangling_references().is_empty(),
        "{:?}",
        dict.dangling_references()
    );
    for id in [
        "taliban",
        "af.government",
        "af.forces",
        "us.forces",
        "gb.government",
        "al_qaeda",
        "iskp",
        "un",
        "nato",
        "rsf",
        "hamas",
        "houthis",
        "jnim",
        "mm.forces",
        "tdf",
        "wagner",
    ] {
        assert!(dict.actor(id).is_some(), "missing actor {id}");
    }
    for id in [
        "ben_wallace",
        "abdul_ghani_baradar",
        "zalmay_khalilzad",
        "vladimir_putin",
        "min_aung_hlaing",
        "abiy_ahmed",
    ] {
        assert!(dict.person(id).is_some(), "missing person {id}");
    }
    assert!(dict.len() > 300, "only {} entries", dict.len());
}

#[test]
fn scan_finds_names_with_their_owners() {
    let dict = shipped();
    let cases: &[(&str, &str, &str)] = &[
        (
            "Sources said Mullah Baradar arrived.",
            "Mullah Baradar",
            "abdul_ghani_baradar",
        ),
        ("Fighting with the RSF continued.", "RSF", "rsf"),
        ("The Pentagon said on Friday", "Pentagon", "us.forces"),
        (
            "a statement from Downing Street",
            "Downing Street",
            "gb.government",
        ),
        ("Al-Qaida’s presence", "Al-Qaida", "al_qaeda"),
        ("said Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham", "hts"),
        (
            "the Islamic State Khorasan Province claimed",
            "Islamic State Khorasan Province",
            "iskp",
        ),
    ];
    for (text, surface, id) in cases {
        let found = dict.scan(text);
        let m = found
            .iter()
            .find(|m| m.span.slice(text) == *surface)
            .unwrap_or_else(|| panic!("{surface:?} not found in {text:?}"));
        let got = match m.targets.owner {
            Some(Owner::Actor(i)) => dict.actors()[i].id.to_string(),
            Some(Owner::Person(i)) => dict.people()[i].id.to_string(),
            None => String::new(),
        };
        assert_eq!(got, *id, "{text:?}");
    }
}

#[test]
fn generic_aliases_are_conditional() {
    let dict = shipped();
    let text = "insurgents attacked";
    let m = &dict.scan(text)[0];
    assert!(m.targets.owner.is_none());
    assert!(m.targets.side.is_some());
    let focus: Vec<&str> = m
        .targets
        .focus
        .iter()
        .map(|(c, i)| (c.as_str(), dict.actors()[*i].id.as_ref()))
        .filter(|(c, _)| *c == "AF")
        .map(|(_, id)| id)
        .collect();
    assert_eq!(focus, ["taliban"]);
}

#[test]
fn user_files_amend_and_replace() {
    let base = ActorDictionary::from_toml_str(
        r#"
[[actor]]
id = "x.rebels"
name = "X Rebels"
kind = "rebel_group"
country = "XX"
aliases = ["Xrebs"]
"#,
    );
    // "XX" is shaped like an ISO code; the check is shape, not registry.
    let base = base.expect("base parses");
    let amended = base
        .clone()
        .extend_toml(
            "[[actor]]\nid = \"x.rebels\"\naliases = [\"Front X\"]\n",
            "user.toml",
        )
        .expect("amends");
    let a = amended.actor("x.rebels").expect("still there");
    assert_eq!(a.aliases, ["Xrebs", "Front X"]);
    assert_eq!(a.kind, ActorKind::RebelGroup);
    let replaced = base
        .extend_toml(
            "[[actor]]\nid = \"x.rebels\"\nreplace = true\nname = \"Y\"\nkind = \"militia\"\n",
            "user.toml",
        )
        .expect("replaces");
    let a = replaced.actor("x.rebels").expect("still there");
    assert!(a.aliases.is_empty());
    assert_eq!(a.kind, ActorKind::Militia);
}

#[test]
fn errors_name_origin_and_line() {
    let cases: &[(&str, &str)] = &[
        (
            "[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"wizard\"\n",
            "user.toml:4",
        ),
        (
            "[[actor]]\nid = \"Bad Id\"\nname = \"A\"\nkind = \"other\"\n",
            "user.toml:2",
        ),
        (
            "\n[[person]]\nid = \"p\"\n",
            "user.toml:3: person \"p\": missing `name`",
        ),
        (
            "[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"other\"\ncountry = \"Afg\"\n",
            "not an ISO",
        ),
        (
            "[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"other\"\ngeneric_aliases = [\"x\"]\n",
            "generic_aliases",
        ),
    ];
    for (src, want) in cases {
        let err = ActorDictionary::default()
            .extend_toml(src, "user.toml")
            .expect_err("must fail");
        let msg = err.to_string();
        assert!(msg.contains(want), "{msg:?} lacks {want:?}");
    }
}

#[test]
fn to_toml_round_trips() {
    let dict = shipped();
    let text = dict.to_toml();
    let back = ActorDictionary::from_toml_str(&text).expect("reparses");
    assert_eq!(back.actors(), dict.actors());
    assert_eq!(back.people(), dict.people());
    assert_eq!(back.countries(), dict.countries());
    assert_eq!(back.sides(), dict.sides());
}

#[test]
fn load_dir_reads_toml_files_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.toml"),
        "[[actor]]\nid = \"taliban\"\naliases = [\"Talibs\"]\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("notes.txt"), "ignored").expect("write");
    let dict = shipped().load_dir(dir.path()).expect("loads");
    assert!(dict
        .actor("taliban")
        .expect("taliban")
        .aliases
        .iter()
        .any(|a| a == "Talibs"));
    std::fs::write(dir.path().join("b.toml"), "[[actor]]\nid = \n").expect("write");
    let err = shipped().load_dir(dir.path()).expect_err("bad file");
    assert!(err.to_string().contains("b.toml:2"), "{err}");
}

/// A small dictionary in the PETRARCH format, written for this test.
const CAMEO_SAMPLE: &str = "\
# test dictionary
!PERSON! = MAN, MEN

AFGHANISTAN_  [AFG]
+AFGHAN_
+ISLAMIC_REPUBLIC_OF_AFGHANISTAN

AFGHAN_NATIONAL_ARMY_ # the army
+ANA
\t[AFGMIL]

TALIBAN_ [AFGREB] # comment
+TALEBAN_

ASHRAF_GHANI_
+PRESIDENT_GHANI_
\t[AFGGOVBUS 20020602-20041214]
\t[AFGGOV >140929]

UN_ [IGOUNO]
BORDER_GUARD [~COP]
POLICE!PERSON! {} [~COP]
";

fn write_sample(content: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("sample.actors.txt");
    std::fs::write(&path, content).expect("write");
    (dir, path)
}

#[test]
fn cameo_import_reads_the_format() {
    let (_dir, path) = write_sample(CAMEO_SAMPLE);
    let dict = import_cameo(&path).expect("imports");
    let taliban = dict.actor("taliban").expect("taliban");
    assert_eq!(taliban.kind, ActorKind::RebelGroup);
    assert_eq!(taliban.country.as_deref(), Some("AF"));
    assert_eq!(taliban.aliases, ["Taleban"]);
    let army = dict.actor("af.forces").expect("AFGMIL maps to af.forces");
    assert_eq!(army.aliases, ["ANA"]);
    let ghani = dict.person("ashraf_ghani").expect("person");
    assert_eq!(ghani.affiliation.as_deref(), Some("af.government"));
    assert_eq!(
        ghani.active.and_then(|a| a.from),
        chrono::NaiveDate::from_ymd_opt(2014, 9, 29)
    );
    assert_eq!(dict.actor("un").expect("un").aliases, Vec::<String>::new());
    let country = dict.country("AF").expect("country frame");
    assert!(country.names.iter().any(|n| n == "Afghan"));
    let police = dict.side("agent.cop").expect("agents become a side");
    assert!(police.aliases.iter().any(|a| a == "Border Guards"));
    assert!(police.aliases.iter().any(|a| a == "Policemen"));
    // The written TOML reads back, and as a user file it amends the shipped entries.
    let toml = dict.to_toml();
    let merged = ActorDictionary::shipped()
        .expect("shipped")
        .extend_toml(&toml, "imported.toml")
        .expect("merges");
    assert!(merged
        .actor("af.forces")
        .expect("af.forces")
        .aliases
        .iter()
        .any(|a| a == "ANA"));
    assert_eq!(&*merged.actor("taliban").expect("taliban").name, "Taliban");
}

#[test]
fn cameo_errors_name_file_and_line() {
    for (content, want) in [
        ("TALIBAN_ [AFGREB\n", ":1: unclosed '['"),
        ("# x\n+ALIAS_\n", ":2: alias line before any entry"),
        ("# nothing\n", "no coded entries"),
    ] {
        let (_dir, path) = write_sample(content);
        let err = import_cameo(&path).expect_err("must fail").to_string();
        assert!(
            err.contains("sample.actors.txt") && err.contains(want),
            "{err}"
        );
    }
}

#[test]
fn cameo_import_of_shared_files_if_present() {
    // The shared data directory is outside the repository; skip when absent.
    let dir = PathBuf::from("/work/shared/data/cameo");
    for name in [
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.agents.txt",
        "Phoenix.Countries.actors.txt",
    ] {
        let path = dir.join(name);
        if !path.exists() {
            continue;
        }
        let dict = import_cameo(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            dict.len() + dict.sides().len() + dict.countries().len() > 10,
            "{name}"
        );
        ActorDictionary::from_toml_str(&dict.to_toml()).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn names_of_several_common_words_need_a_capital() {
    let dict = shipped();
    let ids = |text: &str| -> Vec<String> {
        dict.scan(text)
            .iter()
            .map(|m| m.span.slice(text).to_string())
            .collect()
    };
    assert!(ids("US Central Command said the strike hit a vehicle.")
        .contains(&"US Central Command".to_string()));
    assert!(!ids("Jets struck the group's central command on Friday.")
        .contains(&"central command".to_string()));
    // One word stays a name in garbled lower-case copy.
    assert!(ids("the american government is said that")
        .iter()
        .any(|s| s.starts_with("american")));
}
