//! Measures HTML extraction throughput on generated news-shaped pages (head
//! metadata, menus, share bar, related list, comments, footer, 4-40 body
//! paragraphs). `cargo run --release -p sitrep-ingest --example html_throughput [PAGES]`

use std::time::Instant;

use sitrep_ingest::{Overrides, Reader};

const WORDS: &[&str] = &[
    "the",
    "forces",
    "said",
    "on",
    "Thursday",
    "city",
    "fighters",
    "officials",
    "government",
    "province",
    "attack",
    "killed",
    "district",
    "after",
    "clashes",
    "army",
    "residents",
    "capital",
    "according",
    "to",
    "a",
    "spokesman",
    "militants",
    "control",
    "of",
    "in",
    "border",
    "troops",
];

/// A small deterministic generator so runs are comparable.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn sentence(rng: &mut Lcg) -> String {
    let n = 8 + rng.next(20);
    let mut s: Vec<&str> = (0..n).map(|_| WORDS[rng.next(WORDS.len())]).collect();
    s[0] = "Officials";
    format!("{}, {}.", s[..n / 2].join(" "), s[n / 2..].join(" "))
}

fn page(i: usize, rng: &mut Lcg) -> String {
    let mut body = String::new();
    for _ in 0..4 + rng.next(37) {
        body.push_str("<p>");
        for _ in 0..1 + rng.next(4) {
            body.push_str(&sentence(rng));
            body.push(' ');
        }
        body.push_str("</p>\n");
    }
    format!(
        r##"<!DOCTYPE html><html><head><meta charset="utf-8"><title>Report {i} | Example News</title>
<meta property="og:site_name" content="Example News"><meta property="og:title" content="Report {i}">
<meta property="article:published_time" content="2021-08-13T10:00:00+04:30">
<link rel="canonical" href="https://news.example/{i}"><script>var x = {i};</script><style>p{{margin:0}}</style></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/asia">Asia</a></li></ul></nav></header>
<main><article><h1>Report {i}</h1><div class="byline">By Staff</div>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<div class="article-body">{body}</div>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul></aside>
</article><section class="comments"><p>A comment on the report that goes on for a while, as comments do.</p></section></main>
<footer><p>Copyright Example News</p></footer></body></html>"##
    )
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let mut rng = Lcg(42);
    let pages: Vec<String> = (0..n).map(|i| page(i, &mut rng)).collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let reader = Reader::new(Overrides::default());
    if let Some(Ok(a)) = reader
        .read_bytes(pages[0].as_bytes(), "page.html")
        .into_iter()
        .next()
    {
        let paragraphs = a.text.split("\n\n").count();
        let head: String = a.text.chars().take(160).collect();
        println!(
            "sample: {paragraphs} paragraphs, source {:?}, published {:?}: {head:?}",
            a.source, a.published
        );
    }

    let start = Instant::now();
    let mut text_bytes = 0usize;
    for p in &pages {
        for a in reader
            .read_bytes(p.as_bytes(), "page.html")
            .into_iter()
            .flatten()
        {
            text_bytes += a.text.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "html: {n} pages, {:.1} MB in {secs:.3} s: {:.0} pages/s, {:.1} MB/s (avg page {:.1} KB, avg text {:.1} KB)",
        bytes as f64 / 1e6,
        n as f64 / secs,
        bytes as f64 / 1e6 / secs,
        bytes as f64 / n as f64 / 1e3,
        text_bytes as f64 / n as f64 / 1e3,
    );

    let texts: Vec<String> = pages.iter().map(|p| p.replace('<', " ")).collect();
    let start = Instant::now();
    for t in &texts {
        std::hint::black_box(reader.read_bytes(t.as_bytes(), "page.txt"));
    }
    let secs = start.elapsed().as_secs_f64();
    let tbytes: usize = texts.iter().map(String::len).sum();
    println!(
        "text: {n} files, {:.1} MB/s, {:.0} files/s",
        tbytes as f64 / 1e6 / secs,
        n as f64 / secs
    );
}
