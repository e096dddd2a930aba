//! End-to-end tests of the readers on fixture pages and feeds, on WARC archives
//! built here, on the reference article, and on bad inputs generated at test
//! time.

mod common;

use std::io::Write;
use std::path::Path;

use common::{fixture, gzip, record, warc_records};
use std::time::Instant;

use chrono::NaiveDate;
use sitrep_ingest::{IngestError, Overrides, Reader};
use sitrep_model::Article;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn read_all(reader: &Reader, path: &Path) -> Vec<Result<Article, IngestError>> {
    reader.read_path(path).collect()
}

fn only_article(results: Vec<Result<Article, IngestError>>) -> Article {
    assert_eq!(results.len(), 1, "{results:?}");
    results.into_iter().next().unwrap().unwrap()
}

struct PageCase {
    file: &'static str,
    title: &'static str,
    published: Option<&'static str>,
    url: Option<&'static str>,
    source: Option<&'static str>,
    /// Each must appear in the text.
    kept: &'static [&'static str],
    /// None may appear in the text.
    dropped: &'static [&'static str],
}

const PAGES: &[PageCase] = &[
    PageCase {
        file: "kabul-herald-herat.html",
        title: "Taliban capture Herat, Afghanistan's third-largest city",
        published: Some("2021-08-13"),
        url: Some("https://kabulherald.example/news/2021/08/13/herat-falls"),
        source: Some("The Kabul Herald"),
        kept: &[
            "HERAT — Taliban fighters took control of Herat late on Thursday",
            "Government forces pulled back to an army base near the airport",
            "Ismail Khan detained",
            "“The shops are closed and people are staying indoors,” said one shopkeeper",
            "Kandahar, the country's second-largest city",
            "Washington said it would send about 3,000 troops to Kabul",
        ],
        dropped: &[
            "cookies",
            "Home",
            "Opinion",
            "Facebook",
            "Twitter",
            "Read more",
            "Ghazni falls",
            "Advertisement",
            "Tags",
            "Sign up",
            "inbox",
            "Related",
            "Faizabad",
            "comments",
            "tragedy",
            "Most read",
            "Doha talks",
            "All rights reserved",
            "Privacy",
            "By Farid",
            "Smoke over",
            "Security",
        ],
    },
    PageCase {
        file: "khartoum-teasers.html",
        title: "Fighting rages in Khartoum for a third day",
        published: Some("2023-04-17"),
        url: None,
        source: Some("Nile Dispatch"),
        kept: &[
            "KHARTOUM, April 17 — Heavy fighting",
            "At least 185 people have been killed",
            "Both sides claimed control of the international airport.",
            "Several hospitals in the capital were forced to close",
        ],
        dropped: &[
            "Front page",
            "Who are the Rapid",
            "Egypt calls",
            "Oil prices",
            "Share on",
            "Terms",
            "Evacuation convoys",
            "Timeline",
            "Map:",
            "Also on",
        ],
    },
    PageCase {
        file: "tigris-wire-mosul.htm",
        title: "Iraqi forces enter eastern Mosul",
        published: Some("2016-11-01"),
        url: None,
        source: None,
        kept: &[
            "Iraqi special forces entered the eastern edge of Mosul on Tuesday",
            "on the city’s eastern outskirts",
            "“they have no choice but to die or give up.”",
            "café owners",
        ],
        dropped: &["Home |", "Syria", "Most popular", "peshmerga", "Copyright"],
    },
    PageCase {
        file: "yemen-bulletin.html",
        title: "Bulletin: Red Sea coast, 10 February",
        published: Some("2021-02-10"),
        url: None,
        source: Some("Gulf Bulletin"),
        kept: &[
            "Drone strike reported at Abha airport.\n\nCivilian aircraft damaged",
            "Fighting continues west of Marib.",
        ],
        dropped: &["Saudi Arabia", "2021"],
    },
];

#[test]
fn html_pages_give_main_text_and_metadata() {
    let reader = Reader::new(Overrides::default());
    for case in PAGES {
        let a = only_article(read_all(&reader, &fixture(case.file)));
        let name = case.file;
        assert_eq!(a.title.as_deref(), Some(case.title), "{name}");
        assert_eq!(a.published, case.published.map(date), "{name}");
        assert_eq!(a.url.as_deref(), case.url, "{name}");
        assert_eq!(a.source.as_deref(), case.source, "{name}");
        assert!(a.origin.ends_with(case.file), "{name}: {}", a.origin);
        assert!(
            a.text.starts_with(&format!("{}\n\n", case.title)),
            "{name}: headline first:\n{}",
            a.text
        );
        for k in case.kept {
            assert!(a.text.contains(k), "{name}: missing {k:?} in\n{}", a.text);
        }
        for d in case.dropped {
            assert!(
                !a.text.contains(d),
                "{name}: boilerplate {d:?} kept in\n{}",
                a.text
            );
        }
        // Paragraphs are separated by exactly one blank line, with no
        // stray whitespace around them.
        for p in a.text.split("\n\n") {
            assert!(
                !p.is_empty() && p.trim() == p && !p.contains('\n'),
                "{name}: {p:?}"
            );
        }
    }
}

#[test]
fn reference_article_keeps_text_and_file_name_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/2021-08-13-taliban-offensive.txt");
    if !path.exists() {
        eprintln!("skipping: {} not present", path.display());
        return;
    }
    let raw = std::fs::read_to_string(&path).unwrap();
    let a = only_article(read_all(&Reader::new(Overrides::default()), &path));
    assert_eq!(a.published, Some(date("2021-08-13")));
    assert_eq!(
        a.title.as_deref(),
        Some("Taliban offensive accelerates to take the second largest city in Afghanistan")
    );
    // Byte-identical prefix: only the trailing "Source link" stub and the
    // whitespace before it are cut.
    assert!(raw.starts_with(&a.text));
    assert_eq!(raw[a.text.len()..].trim(), "Source link");
    assert!(a.text.ends_with("Sebastian Payne in London"));
    let i = a.text.find("Lashkar Gah").unwrap();
    assert_eq!(&raw[i..i + "Lashkar Gah".len()], "Lashkar Gah");
}

#[test]
fn rss_feed_gives_one_article_per_item() {
    let reader = Reader::new(Overrides::default());
    let results = read_all(&reader, &fixture("frontline.rss"));
    assert_eq!(results.len(), 4, "{results:?}");

    let a = results[0].as_ref().unwrap();
    assert!(a.origin.ends_with("frontline.rss#item1"));
    assert_eq!(
        a.title.as_deref(),
        Some("Ukrainian troops enter Kherson after Russian withdrawal")
    );
    assert_eq!(a.published, Some(date("2022-11-11")));
    assert_eq!(
        a.url.as_deref(),
        Some("https://frontline.example/2022/11/11/kherson")
    );
    assert_eq!(a.source.as_deref(), Some("Frontline Monitor"));
    assert!(a.text.starts_with("Ukrainian troops enter Kherson after Russian withdrawal\n\nUkrainian forces entered the southern city of Kherson on Friday"));
    assert!(a.text.contains("\n\nCrowds gathered"));
    assert!(!a.text.contains("Share"), "{}", a.text);
    assert!(!a.text.contains("Photo"), "{}", a.text);
    assert!(!a.text.contains("Read more"), "{}", a.text);

    let b = results[1].as_ref().unwrap();
    assert_eq!(b.published, Some(date("2022-11-10")));
    assert!(
        b.text.contains("in central Mali on Wednesday"),
        "{}",
        b.text
    );
    assert!(
        b.text.ends_with("\n\nThe army did not comment."),
        "{}",
        b.text
    );

    let err = results[2].as_ref().unwrap_err();
    assert!(matches!(err, IngestError::FeedItem { item: 3, .. }));
    assert!(
        err.to_string()
            .ends_with("frontline.rss: item 3: no title and no text"),
        "{err}"
    );

    let d = results[3].as_ref().unwrap();
    assert_eq!(d.text, "Gaza & Israel: ceasefire holds for second day");
    assert_eq!(d.published, Some(date("2022-08-09")));
}

#[test]
fn atom_feed_entries() {
    let reader = Reader::new(Overrides::default());
    let results = read_all(&reader, &fixture("sahel.atom"));
    assert_eq!(results.len(), 2, "{results:?}");
    let a = results[0].as_ref().unwrap();
    assert_eq!(
        a.url.as_deref(),
        Some("https://sahelwatch.example/niger-coup")
    );
    // Local date of the stamp, not UTC (which would still be the 26th here,
    // but the 27th for the `updated` value that must not win).
    assert_eq!(a.published, Some(date("2023-07-26")));
    assert_eq!(a.source.as_deref(), Some("Sahel Watch"));
    assert!(a.text.contains("in the capital Niamey on Wednesday"));
    assert!(
        a.text
            .ends_with("\n\nThe soldiers said borders were closed and a curfew imposed."),
        "{}",
        a.text
    );
    let b = results[1].as_ref().unwrap();
    assert_eq!(
        b.title.as_deref(),
        Some("Burkina Faso: convoy ambushed near Djibo")
    );
    assert_eq!(b.url.as_deref(), Some("https://sahelwatch.example/djibo"));
    assert_eq!(b.published, Some(date("2023-06-30")));
    assert!(b.text.ends_with("near Djibo, the army said."));
}

#[test]
fn overrides_win() {
    let reader = Reader::new(Overrides {
        published: Some(date("2021-08-14")),
        source: Some("Analyst upload".into()),
        url: Some("https://override.example/x".into()),
    });
    for file in ["kabul-herald-herat.html", "frontline.rss"] {
        for a in read_all(&reader, &fixture(file)).into_iter().flatten() {
            assert_eq!(a.published, Some(date("2021-08-14")));
            assert_eq!(a.source.as_deref(), Some("Analyst upload"));
            assert_eq!(a.url.as_deref(), Some("https://override.example/x"));
        }
    }
}

#[test]
fn content_is_sniffed_when_the_extension_lies() {
    let reader = Reader::new(Overrides::default());
    let html = std::fs::read(fixture("kabul-herald-herat.html")).unwrap();
    let rss = std::fs::read(fixture("frontline.rss")).unwrap();
    let from_txt = reader.read_bytes(&html, "2021-08-13-page.txt");
    assert_eq!(from_txt.len(), 1);
    let a = from_txt[0].as_ref().unwrap();
    assert!(!a.text.contains("<p>"));
    assert_eq!(
        a.title.as_deref(),
        Some("Taliban capture Herat, Afghanistan's third-largest city")
    );
    assert_eq!(reader.read_bytes(&rss, "-").len(), 4);
    assert_eq!(reader.read_bytes(&rss, "feed.html").len(), 4);
    let plain = reader.read_bytes(
        b"Kabul airport\r\n\r\nCrowds gathered at the airport.\r\n",
        "x.html",
    );
    let a = plain[0].as_ref().unwrap();
    assert_eq!(a.text, "Kabul airport\n\nCrowds gathered at the airport.");
    assert_eq!(a.title.as_deref(), Some("Kabul airport"));
}

// ---------------------------------------------------------------- WARC

fn check_warc(results: &[Result<Article, IngestError>], origin: &str) {
    let shown: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(a) => format!("ok {}", a.origin),
            Err(e) => format!("err {e}"),
        })
        .collect();
    assert_eq!(
        shown,
        vec![
            format!("ok {origin}#record3"),
            format!("ok {origin}#record6"),
            format!("err {origin}: record 7: malformed header line \"this line is not a header\""),
            format!("err {origin}: record 8: unsupported Content-Encoding br"),
            format!("ok {origin}#record9"),
            format!(
                "err {origin}: record 10: truncated record (Content-Length 5000, 312 bytes left)"
            ),
        ],
        "{origin}"
    );
    let kunduz = results[0].as_ref().unwrap();
    assert_eq!(
        kunduz.url.as_deref(),
        Some("https://www.news.example/kunduz")
    );
    assert_eq!(kunduz.source.as_deref(), Some("news.example"));
    assert_eq!(
        kunduz.published,
        Some(date("2021-08-15")),
        "WARC-Date fallback"
    );
    assert!(
        kunduz
            .text
            .starts_with("Kunduz falls\n\nTaliban fighters overran"),
        "{}",
        kunduz.text
    );
    assert!(!kunduz.text.contains("Home"));
    let sangin = results[1].as_ref().unwrap();
    assert_eq!(sangin.url.as_deref(), Some("file:///notes/sangin.txt"));
    assert_eq!(
        sangin.text,
        "Sangin district centre fell after a week of fighting, local officials said."
    );
    let herald = results[4].as_ref().unwrap();
    assert_eq!(
        herald.url.as_deref(),
        Some("https://kabulherald.example/news/2021/08/13/herat-falls"),
        "canonical wins"
    );
    assert_eq!(
        herald.published,
        Some(date("2021-08-13")),
        "page date beats WARC-Date"
    );
}

#[test]
fn warc_plain_per_record_gzip_and_whole_gzip() {
    let reader = Reader::new(Overrides::default());
    let records = warc_records();
    let plain: Vec<u8> = records.concat();
    let per_record: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let whole = gzip(&plain);
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("crawl.warc", &plain),
        ("crawl-records.warc.gz", &per_record),
        ("crawl-whole.warc.gz", &whole),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        check_warc(&read_all(&reader, &path), &path.display().to_string());
        check_warc(&reader.read_bytes(bytes, name), name);
    }
}

#[test]
fn warc_records_over_the_limit_are_skipped_not_read() {
    let reader = Reader::new(Overrides::default()).max_bytes(1000);
    let herald = std::fs::read(fixture("kabul-herald-herat.html")).unwrap();
    let mut bytes = record("resource", "https://big.example/", "text/html", &herald);
    bytes.extend(record(
        "resource",
        "https://small.example/",
        "text/plain",
        b"Small text about Kunduz.",
    ));
    let results = reader.read_bytes(&bytes, "a.warc");
    assert_eq!(results.len(), 2);
    let err = results[0].as_ref().unwrap_err().to_string();
    assert!(
        err.starts_with("a.warc: record 1: record too large"),
        "{err}"
    );
    assert_eq!(
        results[1].as_ref().unwrap().text,
        "Small text about Kunduz."
    );
}

#[test]
fn corrupt_gzip_warc_reports_and_stops() {
    let reader = Reader::new(Overrides::default());
    let whole = gzip(&warc_records().concat());
    let cut = &whole[..whole.len() / 2];
    let results = reader.read_bytes(cut, "cut.warc.gz");
    assert!(results.last().unwrap().is_err(), "{results:?}");
    assert!(results.iter().any(|r| r.is_ok()));
}

// ------------------------------------------------------------ bad inputs

#[test]
fn bad_inputs_are_errors_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("a")).unwrap();
    std::fs::write(
        root.join("a/2021-08-13-report.txt"),
        "Taliban enter Ghazni\n\nThe Taliban entered Ghazni on Thursday.\n",
    )
    .unwrap();
    std::fs::write(root.join("b-empty.txt"), "").unwrap();
    std::fs::write(root.join("c-image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(root.join("d-latin1.txt"), b"Caf\xe9 in Herat").unwrap();
    std::fs::write(root.join("e-menu.html"), "<html><body><nav><a href='/'>Home</a></nav><div class='menu'><a href='/x'>World</a></div><footer>(c) 2021</footer></body></html>").unwrap();
    std::fs::write(root.join(".hidden.txt"), "never read").unwrap();
    std::fs::create_dir(root.join(".git")).unwrap();
    std::fs::write(root.join(".git/HEAD"), "ref").unwrap();
    std::fs::write(
        root.join("z.txt"),
        "Kabul airport reopens to military flights.",
    )
    .unwrap();

    // 50 MB page, generated here, refused from its size alone.
    let huge = root.join("f-huge.html");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&huge).unwrap());
    f.write_all(b"<html><body><article>").unwrap();
    let para = b"<p>Fighting continued around the city for a third day, residents said by telephone.</p>\n";
    for _ in 0..(50 * 1024 * 1024 / para.len() + 1) {
        f.write_all(para).unwrap();
    }
    f.write_all(b"</article></body></html>").unwrap();
    f.flush().unwrap();
    drop(f);

    let reader = Reader::new(Overrides::default());
    let start = Instant::now();
    let huge_result = read_all(&reader, &huge);
    assert!(
        start.elapsed().as_millis() < 500,
        "too slow to refuse: {:?}",
        start.elapsed()
    );
    let huge_err = huge_result[0].as_ref().unwrap_err().to_string();
    assert!(huge_err.contains("too large ("), "{huge_err}");
    assert!(huge_err.ends_with(", limit 20971520 bytes)"), "{huge_err}");

    let results = read_all(&reader, root);
    let shown: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(a) => format!(
                "ok {}",
                a.origin
                    .strip_prefix(&format!("{}/", root.display()))
                    .unwrap()
            ),
            Err(e) => e.to_string().replace(&format!("{}/", root.display()), ""),
        })
        .collect();
    let huge_size = std::fs::metadata(&huge).unwrap().len();
    assert_eq!(
        shown,
        vec![
            "ok a/2021-08-13-report.txt".to_string(),
            "b-empty.txt: empty input".to_string(),
            "c-image.txt: binary data, not text (byte offset 8)".to_string(),
            "d-latin1.txt: invalid UTF-8 at byte offset 3".to_string(),
            "e-menu.html: no article text found".to_string(),
            format!("f-huge.html: too large ({huge_size} bytes, limit 20971520 bytes)"),
            "ok z.txt".to_string(),
        ]
    );
    let first = results[0].as_ref().unwrap();
    assert_eq!(first.published, Some(date("2021-08-13")));
    assert_eq!(first.title.as_deref(), Some("Taliban enter Ghazni"));
    assert_eq!(results[6].as_ref().unwrap().published, None);

    let missing = root.join("nope.txt");
    let err = read_all(&reader, &missing).remove(0).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: no such file or directory", missing.display())
    );

    // A raised limit reads the big page (and it is extracted, not refused).
    let big_reader = Reader::new(Overrides::default()).max_bytes(60 * 1024 * 1024);
    let a = only_article(read_all(&big_reader, &huge));
    assert!(a.text.starts_with("Fighting continued around the city"));
}

#[test]
fn every_error_is_one_line() {
    let reader = Reader::new(Overrides::default());
    let inputs: &[(&[u8], &str)] = &[
        (b"", "x.txt"),
        (b"\0", "x.txt"),
        (
            b"<rss><channel><item><title>a</title></item><item>",
            "x.rss",
        ),
        (b"<?xml version='1.0'?><catalog/>", "x.xml"),
        (b"WARC/1.0\r\n\r\n", "x.warc"),
    ];
    for (bytes, origin) in inputs {
        for r in reader.read_bytes(bytes, origin) {
            if let Err(e) = r {
                let s = e.to_string();
                assert!(!s.contains('\n') && s.starts_with(origin), "{s:?}");
            }
        }
    }
}
