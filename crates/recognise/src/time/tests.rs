use chrono::NaiveDate;
use sitrep_model::{DateRange, Mention, MentionKind, TimeMention};

use super::TimeRecogniser;

/// Friday 13 August 2021, the reference article's publication date.
const FRIDAY: &str = "2021-08-13";

/// One sentence, its publication date, and every time mention expected in it:
/// (span text, normal form). The normal form is `start..end Precision Relation`,
/// or `relative` for a relative expression left unanchored.
struct Case {
    text: &'static str,
    published: Option<&'static str>,
    want: &'static [(&'static str, &'static str)],
}

const fn case(text: &'static str, want: &'static [(&'static str, &'static str)]) -> Case {
    Case {
        text,
        published: Some(FRIDAY),
        want,
    }
}

fn show(m: &TimeMention) -> String {
    match &m.range {
        Some(r) => format!("{}..{} {:?} {:?}", r.start, r.end, r.precision, r.relation),
        None if m.relative => "relative".to_string(),
        None => "unresolved".to_string(),
    }
}

fn time(m: &Mention) -> &TimeMention {
    match &m.kind {
        MentionKind::Time(t) => t,
        other => panic!("not a time mention: {other:?}"),
    }
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test dates are valid")
}

/// Runs the recogniser on a text and checks the invariants every mention must
/// keep: its span slices the text to its `text`, and its sentence holds it.
fn run(r: &TimeRecogniser, text: &str, published: Option<NaiveDate>) -> Vec<Mention> {
    let sentences = sitrep_text::sentences(text);
    let mentions = r.recognise(text, &sentences, published);
    for m in &mentions {
        assert_eq!(m.span.slice(text), m.text, "span must slice the text");
        assert_eq!(
            sitrep_text::sentence_of(&sentences, m.span.start),
            Some(m.sentence),
            "sentence index of {:?}",
            m.text
        );
        assert!(sentences[m.sentence].contains(m.span));
    }
    mentions
}

const CASES: &[Case] = &[
    // The reference article's expressions, in sentences of our own.
    case(
        "Wallace told Sky News on Friday.",
        &[("on Friday", "2021-08-13..2021-08-13 Day Within")],
    ),
    case(
        "A statement was issued late on Thursday.",
        &[("late on Thursday", "2021-08-12..2021-08-12 Day Within")],
    ),
    case(
        "Kandahar fell to the Taliban on Thursday night.",
        &[("on Thursday night", "2021-08-12..2021-08-12 Day Within")],
    ),
    case(
        "Troops will arrive in the next two days.",
        &[("in the next two days", "2021-08-13..2021-08-15 Days Within")],
    ),
    case(
        "The goal is to withdraw all troops by the end of the month.",
        &[("by the end of the month", "2021-08-13..2021-08-31 Month By")],
    ),
    case(
        "The invasion began nearly 20 years ago.",
        &[("nearly 20 years ago", "2001-01-01..2001-12-31 Years About")],
    ),
    case(
        "Villages were attacked in recent months.",
        &[("in recent months", "2021-02-13..2021-08-13 Year Within")],
    ),
    case(
        "Ten provincial capitals fell within a week.",
        &[("within a week", "2021-08-06..2021-08-13 Week Within")],
    ),
    // Calendar dates.
    case(
        "The city fell on 13 August.",
        &[("on 13 August", "2021-08-13..2021-08-13 Day Within")],
    ),
    case(
        "Talks resumed Aug. 12 in Doha.",
        &[("Aug. 12", "2021-08-12..2021-08-12 Day Within")],
    ),
    case(
        "The report was dated August 12, 2021.",
        &[("August 12, 2021", "2021-08-12..2021-08-12 Day Within")],
    ),
    case(
        "The order was signed on 2021-08-12.",
        &[("on 2021-08-12", "2021-08-12..2021-08-12 Day Within")],
    ),
    case(
        "Evacuations begin on 15 August.",
        &[("on 15 August", "2021-08-15..2021-08-15 Day Within")],
    ),
    case(
        "Evacuations begin on August 15th.",
        &[("on August 15th", "2021-08-15..2021-08-15 Day Within")],
    ),
    case(
        "The deadline is the 15th.",
        &[("the 15th", "2021-08-15..2021-08-15 Day Within")],
    ),
    case(
        "Voting ends on Sunday, August 15.",
        &[("on Sunday, August 15", "2021-08-15..2021-08-15 Day Within")],
    ),
    case(
        "The meeting took place on Wednesday 11 August.",
        &[(
            "on Wednesday 11 August",
            "2021-08-11..2021-08-11 Day Within",
        )],
    ),
    case(
        "The accord was signed on February 29, 2020.",
        &[("on February 29, 2020", "2020-02-29..2020-02-29 Day Within")],
    ),
    case(
        "The accord was signed in February 2020.",
        &[("in February 2020", "2020-02-01..2020-02-29 Month Within")],
    ),
    case(
        "He was born in March 1978.",
        &[("in March 1978", "1978-03-01..1978-03-31 Month Within")],
    ),
    case(
        "The talks were held between 12 and 15 August.",
        &[(
            "between 12 and 15 August",
            "2021-08-12..2021-08-15 Days Within",
        )],
    ),
    case(
        "Kunduz was attacked in July.",
        &[("in July", "2021-07-01..2021-07-31 Month Within")],
    ),
    // A past clause does not mean a month four months ahead.
    case(
        "Elections took place in December.",
        &[("in December", "2020-12-01..2020-12-31 Month Within")],
    ),
    case(
        "The 2021 offensive began in May.",
        &[("in May", "2021-05-01..2021-05-31 Month Within")],
    ),
    case(
        "US forces invaded in 2001.",
        &[("in 2001", "2001-01-01..2001-12-31 Year Within")],
    ),
    case(
        "Fighting raged from 2015 to 2018.",
        &[("from 2015 to 2018", "2015-01-01..2018-12-31 Years Within")],
    ),
    case(
        "Fighting continued in the 1990s.",
        &[("1990s", "1990-01-01..1999-12-31 Years Within")],
    ),
    case(
        "By 2014, most foreign troops had left.",
        &[("By 2014", "2014-01-01..2014-12-31 Year By")],
    ),
    // Weekdays and day words.
    case(
        "Rebels attacked the base on Sunday.",
        &[("on Sunday", "2021-08-08..2021-08-08 Day Within")],
    ),
    case(
        "The council will meet on Sunday.",
        &[("on Sunday", "2021-08-15..2021-08-15 Day Within")],
    ),
    case(
        "A similar attack occurred last Friday.",
        &[("last Friday", "2021-08-06..2021-08-06 Day Within")],
    ),
    case(
        "He will travel next Friday.",
        &[("next Friday", "2021-08-20..2021-08-20 Day Within")],
    ),
    case(
        "Friday's attack killed five people.",
        &[("Friday's", "2021-08-13..2021-08-13 Day Within")],
    ),
    case(
        "Crowds gathered for Friday prayers.",
        &[("Friday", "2021-08-13..2021-08-13 Day Within")],
    ),
    case(
        "A curfew applies from Monday.",
        &[("from Monday", "2021-08-16..2021-08-16 Day From")],
    ),
    case(
        "The embassy stays open until Friday.",
        &[("until Friday", "2021-08-13..2021-08-13 Day By")],
    ),
    case(
        "The ceasefire runs until Sunday.",
        &[("until Sunday", "2021-08-13..2021-08-15 Days By")],
    ),
    case(
        "The convoy was attacked yesterday.",
        &[("yesterday", "2021-08-12..2021-08-12 Day Within")],
    ),
    case(
        "The president speaks today.",
        &[("today", "2021-08-13..2021-08-13 Day Within")],
    ),
    case(
        "Johnson will address the nation tonight.",
        &[("tonight", "2021-08-13..2021-08-13 Day Within")],
    ),
    case(
        "Taliban fighters seized Kandahar overnight.",
        &[("overnight", "2021-08-12..2021-08-13 Days Within")],
    ),
    case(
        "During the night, drones struck an oil depot near Odesa.",
        &[("During the night", "2021-08-12..2021-08-13 Days Within")],
    ),
    case(
        "Officials said this morning that the airport was open.",
        &[("this morning", "2021-08-13..2021-08-13 Day Within")],
    ),
    case(
        "The attack took place late last night.",
        &[("late last night", "2021-08-12..2021-08-12 Day Within")],
    ),
    case(
        "Officials met earlier today.",
        &[("earlier today", "2021-08-13..2021-08-13 Day Within")],
    ),
    case(
        "Protests are planned at the weekend.",
        &[("at the weekend", "2021-08-14..2021-08-15 Days Within")],
    ),
    case(
        "Several districts fell at the weekend.",
        &[("at the weekend", "2021-08-07..2021-08-08 Days Within")],
    ),
    case(
        "Talks in Doha began on Tuesday, officials said on Friday.",
        &[
            ("on Tuesday", "2021-08-10..2021-08-10 Day Within"),
            ("on Friday", "2021-08-13..2021-08-13 Day Within"),
        ],
    ),
    // Calendar periods.
    case(
        "Fighting intensified last week.",
        &[("last week", "2021-08-02..2021-08-08 Week Within")],
    ),
    case(
        "The envoy visits Doha this week.",
        &[("this week", "2021-08-09..2021-08-15 Week Within")],
    ),
    case(
        "Herat was besieged last month.",
        &[("last month", "2021-07-01..2021-07-31 Month Within")],
    ),
    case(
        "The district fell earlier this month.",
        &[("earlier this month", "2021-08-01..2021-08-13 Month Within")],
    ),
    case(
        "The government could collapse later this year.",
        &[("later this year", "2021-08-13..2021-12-31 Year Within")],
    ),
    case(
        "A government is expected next week.",
        &[("next week", "2021-08-16..2021-08-22 Week Within")],
    ),
    case(
        "Elections are due next month.",
        &[("next month", "2021-09-01..2021-09-30 Month Within")],
    ),
    case(
        "Fighting is expected to peak in mid-August.",
        &[("in mid-August", "2021-08-11..2021-08-20 Week Within")],
    ),
    case(
        "Troops will leave in early September.",
        &[("in early September", "2021-09-01..2021-09-10 Week Within")],
    ),
    case(
        "The siege began in late July.",
        &[("in late July", "2021-07-21..2021-07-31 Week Within")],
    ),
    case(
        "The Taliban said on Friday that talks would resume in mid-2022.",
        &[
            ("on Friday", "2021-08-13..2021-08-13 Day Within"),
            ("in mid-2022", "2022-05-01..2022-08-31 Year Within"),
        ],
    ),
    case(
        "The talks were due to end by 31 August.",
        &[("by 31 August", "2021-08-13..2021-08-31 Month By")],
    ),
    // Counts from now.
    case(
        "The army says it will retake the city within a week.",
        &[("within a week", "2021-08-13..2021-08-20 Week Within")],
    ),
    case(
        "Fourteen provincial capitals have fallen in eight days.",
        &[("in eight days", "2021-08-05..2021-08-13 Week Within")],
    ),
    case(
        "The election will be held in eight days.",
        &[("in eight days", "2021-08-21..2021-08-21 Day Within")],
    ),
    case(
        "The Taliban took ten cities in a week.",
        &[("in a week", "2021-08-06..2021-08-13 Week Within")],
    ),
    case(
        "Talks collapsed two weeks ago.",
        &[("two weeks ago", "2021-07-27..2021-08-02 Week Within")],
    ),
    case(
        "The governor fled three days ago.",
        &[("three days ago", "2021-08-10..2021-08-10 Day Within")],
    ),
    case(
        "The base was abandoned a few days ago.",
        &[("a few days ago", "2021-08-08..2021-08-11 Days Within")],
    ),
    case(
        "The ministry released figures for the past week.",
        &[("for the past week", "2021-08-06..2021-08-13 Week Within")],
    ),
    case(
        "Fighting is expected over the coming days.",
        &[("over the coming days", "2021-08-13..2021-08-19 Week Within")],
    ),
    case(
        "The US began withdrawing in May, three months ago.",
        &[
            ("in May", "2021-05-01..2021-05-31 Month Within"),
            ("three months ago", "2021-05-01..2021-05-31 Month Within"),
        ],
    ),
    case(
        "The group has been fighting since 2001.",
        &[("since 2001", "2001-01-01..2021-08-13 Year From")],
    ),
    case(
        "The victim was killed on May 26 last year.",
        &[("on May 26 last year", "2020-05-26..2020-05-26 Day Within")],
    ),
    case(
        "The vote is next Wednesday, August 18.",
        &[(
            "next Wednesday, August 18",
            "2021-08-18..2021-08-18 Day Within",
        )],
    ),
    case(
        "The fighting season runs from June through November.",
        &[(
            "from June through November",
            "2021-06-01..2021-11-30 Year Within",
        )],
    ),
    case(
        "Most attacks came between mid-August and mid-October.",
        &[(
            "between mid-August and mid-October",
            "2021-08-11..2021-10-20 Year Within",
        )],
    ),
    case(
        "The movement grew in the early 1990s.",
        &[("early 1990s", "1990-01-01..1993-12-31 Years Within")],
    ),
    case(
        "Fighting stopped at the start of the year.",
        &[(
            "at the start of the year",
            "2021-01-01..2021-04-30 Year Within",
        )],
    ),
    case(
        "Supplies should last until 31 May 2022.",
        &[("until 31 May 2022", "2021-08-13..2022-05-31 Year By")],
    ),
    // Not dates.
    case("He commanded the 3rd Battalion in Helmand.", &[]),
    case("The 10th International Film Festival opened.", &[]),
    case("The order was signed on 12/08/2021.", &[]),
    case("Two hours after the blast, police arrived.", &[]),
    case("Three days later the city fell.", &[]),
    case("The next day the city fell.", &[]),
    // Narrative time counts from the last day the story named.
    case(
        "Rebels entered the town on Monday. Hours later the army declared a truce.",
        &[
            ("on Monday", "2021-08-09..2021-08-09 Day Within"),
            ("Hours later", "2021-08-09..2021-08-09 Day Within"),
        ],
    ),
    case(
        "The bridge was blown up on 2 August. The next day the garrison surrendered, and two days later the town fell.",
        &[
            ("on 2 August", "2021-08-02..2021-08-02 Day Within"),
            ("The next day", "2021-08-03..2021-08-03 Day Within"),
            ("two days later", "2021-08-05..2021-08-05 Day Within"),
        ],
    ),
    case(
        "Talks opened in Doha on Tuesday. Later that day the envoys met again.",
        &[
            ("on Tuesday", "2021-08-10..2021-08-10 Day Within"),
            ("Later that day", "2021-08-10..2021-08-10 Day Within"),
        ],
    ),
    // "N days after" dates what follows it, counted back from the story's day.
    case(
        "Crowds filled the airport on Monday, a day after the Taliban took the capital.",
        &[
            ("on Monday", "2021-08-09..2021-08-09 Day Within"),
            ("a day after", "2021-08-08..2021-08-08 Day Within"),
        ],
    ),
    case(
        "The official was shot on Friday. His killing came three days after a car bomb hit the capital.",
        &[
            ("on Friday", "2021-08-13..2021-08-13 Day Within"),
            ("three days after", "2021-08-10..2021-08-10 Day Within"),
        ],
    ),
    // A deadline names no day the story stands on.
    case(
        "Troops must leave by August 31. Days later the talks failed.",
        &[("by August 31", "2021-08-13..2021-08-31 Month By")],
    ),
    case("It was the end of a 20-year war.", &[]),
    case("The war lasted 20 years.", &[]),
    case("The mission ran for two weeks.", &[]),
    case("The Pentagon sent 3,000 soldiers.", &[]),
    case("The Taliban control 14 of 34 provincial capitals.", &[]),
    case("Some 1,500 families fled.", &[]),
    case("Floods reached 2000 homes in the valley.", &[]),
    case("Afghanistan may once again become a haven.", &[]),
    case("May God protect us, he said.", &[]),
    case("Theresa May spoke to reporters.", &[]),
    case("Thousands joined the March for Peace.", &[]),
    case("The Sunday Times reported the deal.", &[]),
    case("USA Today reported the figures.", &[]),
    case("Jan Egeland spoke to the council.", &[]),
    case("An august body of elders met.", &[]),
];

#[test]
fn table() {
    let r = TimeRecogniser::new();
    let mut failures = Vec::new();
    for c in CASES {
        let published = c.published.map(date);
        let got: Vec<(String, String)> = run(&r, c.text, published)
            .iter()
            .map(|m| (m.text.clone(), show(time(m))))
            .collect();
        let want: Vec<(String, String)> = c
            .want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{:?}\n    want {want:?}\n    got  {got:?}", c.text));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn other_publication_dates() {
    let r = TimeRecogniser::new();
    let cases: &[(&str, &str, &str, &str)] = &[
        // Published on a Monday: "on Sunday" is the day before.
        (
            "Rebels struck on Sunday.",
            "2021-08-16",
            "on Sunday",
            "2021-08-15..2021-08-15 Day Within",
        ),
        // Published in January, a December in a past clause is the last one.
        (
            "The town fell in December.",
            "2022-01-05",
            "in December",
            "2021-12-01..2021-12-31 Month Within",
        ),
        // ... and in a future clause, a January already past is next year's.
        (
            "Talks will resume in January.",
            "2021-11-20",
            "in January",
            "2022-01-01..2022-01-31 Month Within",
        ),
        // The weekday picks the year of a yearless date.
        (
            "It fell on Sunday, August 15.",
            "2022-01-10",
            "on Sunday, August 15",
            "2021-08-15..2021-08-15 Day Within",
        ),
        // Published on a Sunday, "the weekend" is this one.
        (
            "Several districts fell at the weekend.",
            "2021-08-15",
            "at the weekend",
            "2021-08-14..2021-08-15 Days Within",
        ),
    ];
    for (text, published, span, want) in cases {
        let got: Vec<(String, String)> = run(&r, text, Some(date(published)))
            .iter()
            .map(|m| (m.text.clone(), show(time(m))))
            .collect();
        assert_eq!(
            got,
            [(span.to_string(), want.to_string())],
            "{text:?} published {published}"
        );
    }
}

#[test]
fn without_publication_date_relative_ranges_are_unknown() {
    let r = TimeRecogniser::new();
    let text =
        "US forces invaded in 2001. The city fell on Friday. Troops arrive by 31 August 2021.";
    let got: Vec<(String, String)> = run(&r, text, None)
        .iter()
        .map(|m| (m.text.clone(), show(time(m))))
        .collect();
    let want = [
        ("in 2001", "2001-01-01..2001-12-31 Year Within"),
        ("on Friday", "relative"),
        ("by 31 August 2021", "2021-08-31..2021-08-31 Day By"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
}

/// The reference article, published Friday 13 August 2021: the expressions its
/// README pins down, and nothing that is not a date.
#[test]
fn reference_article() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/2021-08-13-taliban-offensive.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        // The shared corpus sits beside the repository; a checkout without it
        // can still run every other test.
        eprintln!("skipping: {path} not found");
        return;
    };
    let r = TimeRecogniser::new();
    let got: Vec<(String, String, Option<String>)> = run(&r, &text, Some(date(FRIDAY)))
        .iter()
        .map(|m| {
            let t = time(m);
            (
                m.text.clone(),
                show(t),
                t.range.as_ref().map(DateRange::to_string),
            )
        })
        .collect();
    let want: &[(&str, &str, &str)] = &[
        (
            "nearly 20 years ago",
            "2001-01-01..2001-12-31 Years About",
            "2001-01-01..2001-12-31",
        ),
        (
            "on Friday",
            "2021-08-13..2021-08-13 Day Within",
            "2021-08-13",
        ),
        (
            "by the end of the month",
            "2021-08-13..2021-08-31 Month By",
            "<=2021-08-31",
        ),
        (
            "on Friday",
            "2021-08-13..2021-08-13 Day Within",
            "2021-08-13",
        ),
        (
            "in the next two days",
            "2021-08-13..2021-08-15 Days Within",
            "2021-08-13..2021-08-15",
        ),
        (
            "in recent months",
            "2021-02-13..2021-08-13 Year Within",
            "2021-02-13..2021-08-13",
        ),
        (
            "within a week",
            "2021-08-06..2021-08-13 Week Within",
            "2021-08-06..2021-08-13",
        ),
        (
            "late on Thursday",
            "2021-08-12..2021-08-12 Day Within",
            "2021-08-12",
        ),
    ];
    let want: Vec<(String, String, Option<String>)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), Some(c.to_string())))
        .collect();
    assert_eq!(got, want);
}

/// A small deterministic generator (xorshift), so the never-panics test needs
/// no dependency and fails the same way every time.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Date words, numbers, punctuation and multi-byte text thrown together at
/// random must never panic, and every span must still slice the text.
#[test]
fn never_panics_on_arbitrary_text() {
    const PIECES: &[&str] = &[
        "on",
        "in",
        "by",
        "since",
        "from",
        "until",
        "between",
        "and",
        "to",
        "the",
        "of",
        "a",
        "few",
        "last",
        "next",
        "this",
        "past",
        "coming",
        "recent",
        "early",
        "mid",
        "late",
        "end",
        "Friday",
        "Sunday’s",
        "friday",
        "May",
        "March",
        "Aug",
        ".",
        ",",
        "-",
        "–",
        "/",
        "’s",
        "2021",
        "2000",
        "1990",
        "s",
        "th",
        "st",
        "31",
        "29",
        "0",
        "00",
        "99999999999",
        "12",
        "2",
        "days",
        "weeks",
        "months",
        "years",
        "year",
        "decade",
        "hours",
        "ago",
        "nearly",
        "more",
        "than",
        "within",
        "today",
        "tonight",
        "overnight",
        "weekend",
        "mid-August",
        "late-2019",
        "twenty-four",
        "February",
        "will",
        "said",
        "Kābul",
        "Mazār-e",
        "日本",
        "🙂",
        "\n",
        "\n\n",
        "  ",
        "\u{301}",
        "é",
        "\"",
        "“",
        "(",
        "?",
        "!",
        "ä-",
        "-2021",
    ];
    let r = TimeRecogniser::new();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let publications = [
        None,
        Some(date(FRIDAY)),
        NaiveDate::from_ymd_opt(1, 1, 1),
        Some(NaiveDate::MAX),
        Some(NaiveDate::MIN),
    ];
    for round in 0..3000 {
        let len = (rng.next() % 40) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(rng.pick(PIECES));
            text.push_str(rng.pick(&[" ", " ", ""]));
        }
        // Now and then, arbitrary code points.
        if round % 5 == 4 {
            for _ in 0..(rng.next() % 20) {
                if let Some(c) = char::from_u32((rng.next() % 0x11_0000) as u32) {
                    text.push(c);
                }
            }
        }
        let published = publications[round % publications.len()];
        run(&r, &text, published);
    }
}

#[test]
fn free_function_matches_recogniser() {
    let text = "The city fell on Friday.";
    let sentences = sitrep_text::sentences(text);
    let a = super::recognise(text, &sentences, Some(date(FRIDAY)));
    let b = TimeRecogniser::new().recognise(text, &sentences, Some(date(FRIDAY)));
    assert_eq!(a, b);
    assert_eq!(a.len(), 1);
}

/// A guard against accidental quadratic behaviour, not a benchmark: a long
/// article made of many date-dense sentences must stay far below a millisecond
/// per 3 KB even in an unoptimised test build. (Release builds take tens of
/// microseconds per 3 KB; see the crate report for how that was measured.)
#[test]
fn scanning_time_grows_linearly() {
    let paragraph = "On Friday, officials said nearly 20 years ago troops arrived; by the end \
        of the month, within a week, in the next two days, since 2001 and on 15 August \
        3,000 soldiers and 14 of 34 capitals were counted, Kābul’s envoy said late on Thursday. ";
    let text = paragraph.repeat(200);
    let r = TimeRecogniser::new();
    let sentences = sitrep_text::sentences(&text);
    let start = std::time::Instant::now();
    let mentions = r.recognise(&text, &sentences, Some(date(FRIDAY)));
    let elapsed = start.elapsed();
    assert_eq!(mentions.len(), 200 * 8);
    let per_3kb = elapsed.as_secs_f64() * 3000.0 / text.len() as f64;
    eprintln!("{:.1} µs per 3 KB (test build)", per_3kb * 1e6);
    assert!(per_3kb < 1e-3, "{per_3kb} s per 3 KB");
}
