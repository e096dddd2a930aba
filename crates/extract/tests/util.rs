//! Shared test helpers: the real pipeline, and printing events compactly.

use std::sync::OnceLock;

use chrono::NaiveDate;
use sitrep_actors::ActorDictionary;
use sitrep_extract::Extractor;
use sitrep_gazetteer::Gazetteer;
use sitrep_model::{Article, Event};
use sitrep_recognise::Recogniser;

/// The shipped recogniser and extractor, built once per test binary.
pub fn pipeline() -> &'static (Recogniser, Extractor) {
    static P: OnceLock<(Recogniser, Extractor)> = OnceLock::new();
    P.get_or_init(|| {
        let gazetteer = Gazetteer::shipped().expect("shipped gazetteer");
        let actors = ActorDictionary::shipped().expect("shipped actor dictionary");
        (
            Recogniser::new(gazetteer, actors),
            Extractor::shipped().expect("shipped lexicon"),
        )
    })
}

/// Recognises and extracts one text published on `published`.
pub fn extract(text: &str, published: &str) -> Vec<Event> {
    let (recogniser, extractor) = pipeline();
    let mut article = Article::from_text(text, "test");
    article.published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    let rec = recogniser.recognise(&article);
    extractor.extract(&article, &rec)
}

/// One line per event, for failure messages.
pub fn show(events: &[Event]) -> String {
    events
        .iter()
        .map(|e| {
            format!(
                "{} actor={} person={} target={} place={} places={:?} date={} q={:?} neg={} hyp={} conf={:.2} plover={:?} | {}",
                e.kind,
                e.actor.as_ref().map_or("-", |a| a.id.as_ref()),
                e.person.as_ref().map_or("-", |p| p.name.as_ref()),
                e.target.as_ref().map_or("-", |a| a.id.as_ref()),
                e.place.as_ref().map_or("-", |p| p.name.as_ref()),
                e.places.iter().map(|p| p.name.as_ref()).collect::<Vec<_>>(),
                e.date.map_or("-".to_string(), |d| d.to_string()),
                e.quantities.iter().map(|q| (q.value, q.qualifier, q.of, q.unit.as_str())).collect::<Vec<_>>(),
                e.negated,
                e.hypothetical,
                e.confidence,
                e.plover.as_ref().map(|p| p.event_type.as_str()),
                e.sources.iter().map(|s| s.sentence.chars().take(60).collect::<String>()).collect::<Vec<_>>().join(" || "),
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Folds a name for comparison: lower case, letters and digits only.
pub fn key(s: &str) -> String {
    sitrep_text::fold(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// Edit distance, for comparing spellings of one place ("Mazar-i-Sharif").
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Same place name, allowing a transliteration difference.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    a == b || (a.len() >= 5 && edit_distance(&a, &b) <= 2)
}

/// Great-circle distance in km.
pub fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let r = 6371.0_f64;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * r * h.sqrt().asin()
}
