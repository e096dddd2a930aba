//! Event evaluation on sitrep's own labelled corpus (`tests/corpus/`:
//! `gold.jsonl` reports and `variants.jsonl` paraphrases).
//!
//! Predicted and gold events of one report are paired one to one, greedily,
//! on kind + place + date: same kind; the same place (GeoNames id, name, or
//! within 10 km) when the gold names one; overlapping dates (open-ended "by" and
//! "from" dates extend to one side) when the gold has one. Precision and recall
//! of that pairing are reported per kind; actor, target and quantity are then
//! scored on the pairs. Negated and hypothetical events count like any other:
//! the gold lists them too, with their flags.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use sitrep_extract::Extractor;
use sitrep_model::{Article, DateRange, Event, Precision, TimeRelation};
use sitrep_recognise::Recogniser;

use crate::geoparse::haversine_km;
use crate::{corpus, Counts, EvalError};

/// A gold place as the corpus writes it.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldPlace {
    /// Canonical name.
    pub name: String,
    /// GeoNames id, when in GeoNames.
    #[serde(default)]
    pub geonameid: Option<u64>,
    /// Coordinates.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Coordinates.
    #[serde(default)]
    pub lon: Option<f64>,
}

/// A gold quantity.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldQuantity {
    /// The number.
    pub value: f64,
    /// Normalised unit.
    #[serde(default)]
    pub unit: Option<String>,
    /// The whole, for "14 of 34".
    #[serde(default)]
    pub of: Option<f64>,
}

/// One gold event.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldEvent {
    /// Event kind (snake_case).
    pub kind: String,
    /// Actor id.
    #[serde(default)]
    pub actor: Option<String>,
    /// Target id.
    #[serde(default)]
    pub target: Option<String>,
    /// Person id.
    #[serde(default)]
    pub person: Option<String>,
    /// Place.
    #[serde(default)]
    pub place: Option<GoldPlace>,
    /// Date in the corpus syntax.
    #[serde(default)]
    pub date: Option<String>,
    /// Counted quantity.
    #[serde(default)]
    pub quantity: Option<GoldQuantity>,
}

#[derive(Deserialize)]
struct Variant {
    id: String,
    published: Option<NaiveDate>,
    text: String,
    #[serde(default)]
    events: Vec<GoldEvent>,
}

/// Scores per kind and per field.
#[derive(Clone, Debug, Default)]
pub struct EventsReport {
    /// Reports (and variant items) scored.
    pub documents: usize,
    /// kind + place + date pairing, per kind.
    pub per_kind: BTreeMap<String, Counts>,
    /// Actor on paired events.
    pub actor: Counts,
    /// Target on paired events.
    pub target: Counts,
    /// Quantity on paired events.
    pub quantity: Counts,
    /// Unpaired gold events (`doc: kind place date`), for reading the misses.
    pub missed: Vec<String>,
    /// Unpaired predictions.
    pub spurious: Vec<String>,
}

impl EventsReport {
    /// All kinds together.
    pub fn total(&self) -> Counts {
        let mut t = Counts::default();
        for c in self.per_kind.values() {
            t.add(*c);
        }
        t
    }
}

impl fmt::Display for EventsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "events on {} documents (kind + place + date)",
            self.documents
        )?;
        writeln!(f, "  {:<22} {}", "all", self.total())?;
        for (k, c) in &self.per_kind {
            writeln!(f, "  {k:<22} {c}")?;
        }
        writeln!(f, "fields on paired events")?;
        writeln!(f, "  {:<22} {}", "actor", self.actor)?;
        writeln!(f, "  {:<22} {}", "target", self.target)?;
        writeln!(f, "  {:<22} {}", "quantity", self.quantity)
    }
}

/// Parses the corpus date syntax: `D`, `D..D`, `<=D`, `>=D`.
pub fn parse_date(s: &str) -> Option<DateRange> {
    let d = |x: &str| NaiveDate::parse_from_str(x.trim(), "%Y-%m-%d").ok();
    if let Some(x) = s.strip_prefix("<=") {
        return Some(DateRange::day(d(x)?).with_relation(TimeRelation::By));
    }
    if let Some(x) = s.strip_prefix(">=") {
        return Some(DateRange::day(d(x)?).with_relation(TimeRelation::From));
    }
    if let Some((a, b)) = s.split_once("..") {
        return Some(DateRange::range(d(a)?, d(b)?, Precision::Days));
    }
    d(s).map(DateRange::day)
}

/// True when two dates can mean the same day; "by" and "from" are open-ended.
pub fn dates_compatible(a: &DateRange, b: &DateRange) -> bool {
    let lo = |d: &DateRange| match d.relation {
        TimeRelation::By => NaiveDate::MIN,
        _ => d.start,
    };
    let hi = |d: &DateRange| match d.relation {
        TimeRelation::From => NaiveDate::MAX,
        _ => d.end,
    };
    lo(a) <= hi(b) && lo(b) <= hi(a)
}

fn place_ok(gold: &Option<GoldPlace>, e: &Event) -> bool {
    let Some(g) = gold else { return true };
    let mut places = e.place.iter().chain(e.places.iter());
    places.any(|p| {
        g.geonameid.is_some() && p.geonameid == g.geonameid
            || sitrep_text::fold(&p.name) == sitrep_text::fold(&g.name)
            || matches!((g.lat, g.lon), (Some(la), Some(lo)) if haversine_km(la, lo, p.lat, p.lon) <= 10.0)
    })
}

fn date_ok(gold: &Option<String>, e: &Event) -> bool {
    match (gold.as_deref().and_then(parse_date), &e.date) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(g), Some(d)) => dates_compatible(&g, d),
    }
}

fn pairs(gold: &GoldEvent, e: &Event) -> bool {
    gold.kind == e.kind.as_str() && place_ok(&gold.place, e) && date_ok(&gold.date, e)
}

fn score_field(c: &mut Counts, gold: Option<&str>, predicted: Option<&str>) {
    match (gold, predicted) {
        (Some(g), Some(p)) if g == p => c.tp += 1,
        (Some(_), Some(_)) => {
            c.fp += 1;
            c.fn_ += 1
        }
        (Some(_), None) => c.fn_ += 1,
        (None, Some(_)) => c.fp += 1,
        (None, None) => {}
    }
}

fn describe(kind: &str, place: Option<&str>, date: Option<String>) -> String {
    format!(
        "{kind} {} {}",
        place.unwrap_or("-"),
        date.unwrap_or_else(|| "-".into())
    )
}

/// A largest one-to-one pairing of gold and predicted events (augmenting
/// paths): pairing greedily in gold order lets a vague gold event (no place)
/// take the prediction a specific one needed, and scores a miss that is not.
fn pairing(
    gold: usize,
    predicted: usize,
    pairs: impl Fn(usize, usize) -> bool,
) -> Vec<Option<usize>> {
    fn augment(
        g: usize,
        edges: &[Vec<usize>],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for &p in &edges[g] {
            if std::mem::replace(&mut seen[p], true) {
                continue;
            }
            if owner[p].is_none_or(|o| augment(o, edges, owner, seen)) {
                owner[p] = Some(g);
                return true;
            }
        }
        false
    }
    let edges: Vec<Vec<usize>> = (0..gold)
        .map(|g| (0..predicted).filter(|&p| pairs(g, p)).collect())
        .collect();
    let mut owner = vec![None; predicted];
    for g in 0..gold {
        augment(g, &edges, &mut owner, &mut vec![false; predicted]);
    }
    let mut matched = vec![None; gold];
    for (p, g) in owner.iter().enumerate() {
        if let Some(g) = g {
            matched[*g] = Some(p);
        }
    }
    matched
}

impl EventsReport {
    fn score(&mut self, doc: &str, gold: &[GoldEvent], predicted: &[Event]) {
        self.documents += 1;
        let matched = pairing(gold.len(), predicted.len(), |g, p| {
            pairs(&gold[g], &predicted[p])
        });
        let mut used = vec![false; predicted.len()];
        for (g, hit) in gold.iter().zip(matched) {
            let counts = self.per_kind.entry(g.kind.clone()).or_default();
            let Some(i) = hit else {
                counts.fn_ += 1;
                self.missed.push(format!(
                    "{doc}: {}",
                    describe(
                        &g.kind,
                        g.place.as_ref().map(|p| p.name.as_str()),
                        g.date.clone()
                    )
                ));
                continue;
            };
            used[i] = true;
            counts.tp += 1;
            let e = &predicted[i];
            let actor = e
                .actor
                .as_ref()
                .map(|a| a.id.as_ref())
                .or(e.person.as_ref().and_then(|p| p.affiliation.as_deref()));
            score_field(&mut self.actor, g.actor.as_deref(), actor);
            score_field(
                &mut self.target,
                g.target.as_deref(),
                e.target.as_ref().map(|t| t.id.as_ref()),
            );
            let q = e.quantities.first().map(|q| format!("{}", q.value));
            let gq = g.quantity.as_ref().map(|q| format!("{}", q.value));
            score_field(&mut self.quantity, gq.as_deref(), q.as_deref());
        }
        for (i, e) in predicted.iter().enumerate().filter(|(i, _)| !used[*i]) {
            let _ = i;
            self.per_kind
                .entry(e.kind.as_str().to_string())
                .or_default()
                .fp += 1;
            self.spurious.push(format!(
                "{doc}: {}",
                describe(
                    e.kind.as_str(),
                    e.place.as_ref().map(|p| p.name.as_ref()),
                    e.date.map(|d| d.to_string())
                )
            ));
        }
    }
}

fn gold_events(values: &[serde_json::Value], doc: &str) -> Result<Vec<GoldEvent>, EvalError> {
    values
        .iter()
        .map(|v| {
            serde_json::from_value(v.clone()).map_err(|e| EvalError::json(Path::new(doc), 0, e))
        })
        .collect()
}

/// Scores the extractor on the corpus in `corpus_dir` (`gold.jsonl` and,
/// when present, `variants.jsonl`).
pub fn run(
    recogniser: &Recogniser,
    extractor: &Extractor,
    corpus_dir: &Path,
) -> Result<EventsReport, EvalError> {
    let mut report = EventsReport::default();
    for r in corpus::load(corpus_dir)? {
        let rec = recogniser.recognise(&r.article);
        let events = extractor.extract(&r.article, &rec);
        let gold = gold_events(&r.gold.events, &r.gold.id)?;
        report.score(&r.gold.id, &gold, &events);
    }
    let variants = corpus_dir.join("variants.jsonl");
    if variants.exists() {
        let text = std::fs::read_to_string(&variants).map_err(|e| EvalError::io(&variants, e))?;
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let v: Variant =
                serde_json::from_str(line).map_err(|e| EvalError::json(&variants, n + 1, e))?;
            let mut article =
                Article::from_text(v.text, format!("{}#{}", variants.display(), v.id));
            article.published = v.published;
            let rec = recogniser.recognise(&article);
            let events = extractor.extract(&article, &rec);
            report.score(&v.id, &v.events, &events);
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_compare() {
        let by = parse_date("<=2021-08-13").unwrap();
        let day = parse_date("2021-08-12").unwrap();
        let range = parse_date("2021-08-13..2021-08-15").unwrap();
        let from = parse_date(">=2021-08-14").unwrap();
        assert!(dates_compatible(&by, &day));
        assert!(!dates_compatible(&day, &range));
        assert!(dates_compatible(&range, &from));
        assert!(!dates_compatible(&by, &from));
    }

    /// A vague gold event listed first must not take the only prediction a
    /// specific one can pair with.
    #[test]
    fn pairing_is_largest_not_greedy() {
        // gold 0 pairs with predictions 0 and 1; gold 1 only with 0.
        let edges = [[true, true], [true, false]];
        assert_eq!(pairing(2, 2, |g, p| edges[g][p]), vec![Some(1), Some(0)]);
        assert_eq!(pairing(2, 1, |g, p| edges[g][p]), vec![Some(0), None]);
        assert_eq!(pairing(1, 0, |_, _| true), vec![None]);
    }

    /// Scores the project's own corpus; `cargo test -p sitrep-eval events -- --nocapture`.
    #[test]
    fn corpus_report() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
        if !dir.join("gold.jsonl").exists() {
            return;
        }
        let gazetteer = sitrep_gazetteer::Gazetteer::shipped().expect("gazetteer");
        let actors = sitrep_actors::ActorDictionary::shipped().expect("actors");
        let recogniser = Recogniser::new(gazetteer, actors);
        let extractor = Extractor::shipped().expect("lexicon");
        let report = run(&recogniser, &extractor, &dir).expect("corpus");
        println!("{report}");
        if std::env::var_os("EVENTS_ITEMS").is_some() {
            println!(
                "missed:\n{}\nspurious:\n{}",
                report.missed.join("\n"),
                report.spurious.join("\n")
            );
        }
        assert!(report.documents > 0);
    }
}
