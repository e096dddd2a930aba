//! Prints the events of a text read from stdin, as JSON lines:
//! `cargo run -p sitrep-extract --example extract_text -- 2021-08-13 < article.txt`
//! (the argument is the publication date).

use std::io::Read;

use sitrep_actors::ActorDictionary;
use sitrep_extract::Extractor;
use sitrep_gazetteer::Gazetteer;
use sitrep_model::Article;
use sitrep_recognise::Recogniser;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let mut article = Article::from_text(text, "-");
    article.published = std::env::args()
        .nth(1)
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let recogniser = Recogniser::new(Gazetteer::shipped()?, ActorDictionary::shipped()?);
    let extractor = Extractor::shipped()?;
    let rec = recogniser.recognise(&article);
    if std::env::var_os("SHOW_MENTIONS").is_some() {
        for m in &rec.mentions {
            eprintln!(
                "{} {:?} {}",
                m.type_name(),
                m.text,
                serde_json::to_string(&m.kind)?
            );
        }
    }
    // BENCH=N times recognition and extraction over N runs of the text.
    if let Some(n) = std::env::var("BENCH")
        .ok()
        .and_then(|n| n.parse::<u32>().ok())
    {
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(recogniser.recognise(&article));
        }
        let recognise = t.elapsed().as_secs_f64();
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(extractor.extract(&article, &rec));
        }
        let extract = t.elapsed().as_secs_f64();
        eprintln!(
            "{} bytes: recognise {:.0}/s, extract {:.0}/s, both {:.0}/s",
            article.text.len(),
            f64::from(n) / recognise,
            f64::from(n) / extract,
            f64::from(n) / (recognise + extract)
        );
    }
    for e in extractor.extract(&article, &rec) {
        println!("{}", serde_json::to_string(&e)?);
    }
    Ok(())
}
