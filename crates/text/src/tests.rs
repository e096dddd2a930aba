use super::*;

fn split(text: &str) -> Vec<&str> {
    sentences(text).iter().map(|s| s.slice(text)).collect()
}

#[test]
fn sentences_split_on_terminators_not_abbreviations() {
    let cases: &[(&str, &[&str])] = &[
        ("One. Two! Three?", &["One.", "Two!", "Three?"]),
        (
            "The U.S. said so. Then Gen. Miller left.",
            &["The U.S. said so.", "Then Gen. Miller left."],
        ),
        (
            "He said: “It fell.” Then silence.",
            &["He said: “It fell.”", "Then silence."],
        ),
        (
            "HERAT FALLS\n\nThe city fell on Friday.",
            &["HERAT FALLS", "The city fell on Friday."],
        ),
        (
            "a line that wraps\nhere and ends.",
            &["a line that wraps\nhere and ends."],
        ),
        (
            "3.5 million people. Next.",
            &["3.5 million people.", "Next."],
        ),
        ("", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(split(text), *want, "input: {text:?}");
    }
}

#[test]
fn tokens_keep_inner_joiners() {
    let text = "al-Qaeda’s U.S. 3,000 troops, Mazar-i-Sharif.";
    let got: Vec<&str> = tokens(text).iter().map(|t| t.slice(text)).collect();
    assert_eq!(
        got,
        [
            "al-Qaeda’s",
            "U.S.",
            "3,000",
            "troops",
            ",",
            "Mazar-i-Sharif",
            "."
        ]
    );
}

#[test]
fn fold_removes_accents_and_case() {
    assert_eq!(fold("Lashkar Gāh"), "lashkar gah");
    assert_eq!(fold("Hérat – ‘Kābol’"), "herat - 'kabol'");
}

#[test]
fn sentence_of_finds_containing_sentence() {
    let text = "One two. Three four.";
    let s = sentences(text);
    assert_eq!(sentence_of(&s, 0), Some(0));
    assert_eq!(sentence_of(&s, 10), Some(1));
    assert_eq!(sentence_of(&s, 8), None);
}

#[test]
fn tokens_across_scripts_and_odd_spacing() {
    let cases: &[(&str, &[&str])] = &[
        ("Kābul’s\u{a0}fall", &["Kābul’s", "fall"]),
        ("U.S.-led 1.5 km", &["U.S.", "-", "led", "1.5", "km"]),
        ("end. ", &["end", "."]),
        ("a--b", &["a", "-", "-", "b"]),
        ("x\u{2014}y", &["x", "\u{2014}", "y"]),
        ("", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<&str> = tokens(text).iter().map(|t| t.slice(text)).collect();
        assert_eq!(got, *want, "input: {text:?}");
    }
}

#[test]
fn packed_words_compare_ignoring_ascii_case_only() {
    let p = |w: &str| PackedWord::new(w.as_bytes());
    assert_eq!(p("Friday"), p("FRIDAY"));
    assert_ne!(p("a"), p("a\0"));
    assert_ne!(p("ab"), p("ba"));
    assert_ne!(p("é"), p("É"));
    assert_eq!(
        p("fifteen letters"),
        Some(PackedWord::of("Fifteen Letters"))
    );
    assert_eq!(p("sixteen letters!"), None);
    let list = PackedWord::sorted(["will", "a", "zebra", "may"]);
    assert!(list.windows(2).all(|w| w[0] < w[1]));
    assert!(PackedWord::of("MAY").is_in(&list));
    assert!(!PackedWord::of("mays").is_in(&list));
}
