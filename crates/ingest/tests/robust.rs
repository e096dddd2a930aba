//! The readers never panic: random bytes, random mixtures of the syntax each
//! reader cares about, and randomly damaged real inputs all give articles or
//! one-line errors.

mod common;

use proptest::prelude::*;
use sitrep_ingest::{Overrides, Reader};
use sitrep_model::content_hash;

const ORIGINS: &[&str] = &[
    "x.txt",
    "x.html",
    "x.rss",
    "x.warc",
    "x.warc.gz",
    "x.gz",
    "-",
    "2021-08-13-x",
];

/// Pieces of every syntax the readers parse, to reach deeper states than
/// uniformly random bytes do.
const TOKENS: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"share\">",
    "</div>",
    "<article>",
    "</article>",
    "<a href=\"/x\">",
    "</a>",
    "<script>",
    "</script>",
    "<br>",
    "<h1>",
    "</h1>",
    "<meta property=\"article:published_time\" content=\"2021-08-13\">",
    "<meta charset=\"windows-1252\">",
    "<?xml version=\"1.0\"?>",
    "<rss>",
    "<channel>",
    "<item>",
    "</item>",
    "<title>",
    "</title>",
    "<entry>",
    "<content type=\"xhtml\">",
    "</content>",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&nbsp;",
    "&#x1F600;",
    "&bogus;",
    "<pubDate>",
    "</pubDate>",
    "WARC/1.1\r\n",
    "WARC-Type: response\r\n",
    "WARC-Type: resource\r\n",
    "Content-Type: text/html\r\n",
    "Content-Type: application/http\r\n",
    "Content-Length: 40\r\n",
    "Content-Length: 99999999999\r\n",
    "HTTP/1.1 200 OK\r\n",
    "Transfer-Encoding: chunked\r\n",
    "Content-Encoding: gzip\r\n",
    "\r\n",
    "\n",
    " ",
    "Kabul fell on Sunday. ",
    "ā",
    "\u{feff}",
    "\u{0}",
    "\x1f\u{8b}",
    "ff\r\n",
    "0\r\n\r\n",
    "\r",
];

fn check(reader: &Reader, bytes: &[u8], origin: &str) {
    for result in reader.read_bytes(bytes, origin) {
        match result {
            Ok(a) => {
                assert!(!a.text.trim().is_empty());
                assert_eq!(a.id.0, content_hash(&a.text)[..16]);
            }
            Err(e) => {
                let s = e.to_string();
                assert!(!s.contains('\n'), "multi-line error {s:?}");
            }
        }
    }
}

fn damaged_inputs() -> Vec<(Vec<u8>, &'static str)> {
    let records = common::warc_records();
    let plain = records.concat();
    let per_record: Vec<u8> = records.iter().flat_map(|r| common::gzip(r)).collect();
    let mut inputs = vec![
        (common::gzip(&plain), "crawl.warc.gz"),
        (per_record, "crawl.warc.gz"),
        (plain, "crawl.warc"),
    ];
    for (name, origin) in [
        ("kabul-herald-herat.html", "x.html"),
        ("tigris-wire-mosul.htm", "x.htm"),
        ("frontline.rss", "x.rss"),
        ("sahel.atom", "x.atom"),
    ] {
        inputs.push((std::fs::read(common::fixture(name)).unwrap(), origin));
    }
    inputs
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048), o in 0..ORIGINS.len()) {
        let reader = Reader::new(Overrides::default());
        check(&reader, &bytes, ORIGINS[o]);
    }

    #[test]
    fn random_syntax_never_panics(picks in proptest::collection::vec(0..TOKENS.len(), 0..200), o in 0..ORIGINS.len()) {
        let reader = Reader::new(Overrides::default()).max_bytes(1 << 16);
        let bytes: Vec<u8> = picks.iter().flat_map(|&i| TOKENS[i].bytes()).collect();
        check(&reader, &bytes, ORIGINS[o]);
    }

    #[test]
    fn damaged_inputs_never_panic(
        which in 0..7usize,
        cut in 0.0..1.0f64,
        flips in proptest::collection::vec((0.0..1.0f64, any::<u8>()), 0..12),
    ) {
        let reader = Reader::new(Overrides::default());
        let inputs = damaged_inputs();
        let (mut bytes, origin) = inputs[which % inputs.len()].clone();
        for (at, b) in flips {
            let i = ((bytes.len() as f64) * at) as usize;
            if i < bytes.len() {
                bytes[i] = b;
            }
        }
        bytes.truncate(((bytes.len() as f64) * cut) as usize + 1);
        check(&reader, &bytes, origin);
    }
}
