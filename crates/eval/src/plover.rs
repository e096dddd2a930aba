//! PLOVER event-type evaluation over sentence-level gold records (the Open
//! Event Data Alliance's PLOVER gold standard, JSON lines with `text`, `date`,
//! `event`, `source`, `target`).
//!
//! Each sentence is recognised and extracted like an article; its predicted
//! type is the PLOVER type of its most confident event that carries one
//! (`none` when there is none). sitrep codes current PLOVER names; the gold
//! uses the 2016 names, so a few are mapped (REQUEST→DEMAND, ACCUSE→DISAPPROVE,
//! YIELD→CONCEDE, SEIZE→FIGHT). Source and target are scored by country:
//! the predicted actor's ISO alpha-3 code against the gold codes.
//!
//! Nothing here tunes the extractor; it only measures it.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use sitrep_extract::Extractor;
use sitrep_model::Article;
use sitrep_recognise::Recogniser;

use crate::score::ratio;
use crate::{Counts, EvalError};

#[derive(Deserialize)]
struct Record {
    id: String,
    text: String,
    date: Option<chrono::NaiveDate>,
    event: String,
    #[serde(default)]
    source: serde_json::Value,
    #[serde(default)]
    target: serde_json::Value,
}

/// One sentence's outcome, for listing errors.
#[derive(Clone, Debug)]
pub struct PloverItem {
    /// Record id.
    pub id: String,
    /// Gold type.
    pub gold: String,
    /// Predicted type, `none` when no event carried one.
    pub predicted: String,
    /// Gold source codes, and the predicted source country (ISO alpha-3).
    pub source: (Vec<String>, Option<String>),
    /// Gold target codes, and the predicted target country (ISO alpha-3).
    pub target: (Vec<String>, Option<String>),
}

/// Scores over one PLOVER file.
#[derive(Clone, Debug, Default)]
pub struct PloverReport {
    /// Sentences scored.
    pub sentences: usize,
    /// Sentences whose predicted type equals the gold type.
    pub correct: usize,
    /// Per gold or predicted type.
    pub per_type: BTreeMap<String, Counts>,
    /// Source country: (correct, scored) over records with a gold source code.
    pub source: (usize, usize),
    /// Target country: (correct, scored) over records with a gold target code.
    pub target: (usize, usize),
    /// Every sentence's outcome.
    pub items: Vec<PloverItem>,
}

impl PloverReport {
    /// Share of sentences with the right type.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.sentences)
    }

    /// Mean F1 over the gold types (types never in the gold are not averaged).
    pub fn macro_f1(&self) -> f64 {
        let gold: Vec<&Counts> = self
            .per_type
            .iter()
            .filter(|(t, c)| t.as_str() != "none" && c.tp + c.fn_ > 0)
            .map(|(_, c)| c)
            .collect();
        if gold.is_empty() {
            return 0.0;
        }
        gold.iter().map(|c| c.f1()).sum::<f64>() / gold.len() as f64
    }
}

impl fmt::Display for PloverReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "PLOVER event types, {} sentences", self.sentences)?;
        writeln!(
            f,
            "accuracy {:.3} ({}/{})  macro F1 {:.3} over gold types",
            self.accuracy(),
            self.correct,
            self.sentences,
            self.macro_f1()
        )?;
        writeln!(
            f,
            "source country {:.3} ({}/{})  target country {:.3} ({}/{})",
            ratio(self.source.0, self.source.1),
            self.source.0,
            self.source.1,
            ratio(self.target.0, self.target.1),
            self.target.0,
            self.target.1
        )?;
        for (t, c) in &self.per_type {
            writeln!(f, "  {t:<12} {c}")?;
        }
        Ok(())
    }
}

/// The 2016 PLOVER name for a current one.
fn to_2016(t: &str) -> &str {
    match t {
        "REQUEST" => "DEMAND",
        "ACCUSE" => "DISAPPROVE",
        "YIELD" => "CONCEDE",
        "SEIZE" => "FIGHT",
        other => other,
    }
}

/// Gold actor codes of a `source` / `target` field (a list of objects with
/// `code`, or empty).
fn codes(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|o| o.get("code").and_then(|c| c.as_str()))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// ISO alpha-2 → alpha-3 from a `countries.tsv` (columns iso2, iso3, ...).
pub fn load_iso3(path: &Path) -> Result<HashMap<String, String>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
    Ok(text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some((cols.next()?.to_string(), cols.next()?.to_string()))
        })
        .collect())
}

/// Scores the extractor on a PLOVER JSON lines file. Country codes are read
/// from `countries.tsv` in `../data/world/` next to the file when present.
pub fn run(
    recogniser: &Recogniser,
    extractor: &Extractor,
    path: &Path,
) -> Result<PloverReport, EvalError> {
    let countries = path
        .parent()
        .map(|p| p.join("../data/world/countries.tsv"))
        .filter(|p| p.exists());
    let iso3 = match countries {
        Some(p) => load_iso3(&p)?,
        None => HashMap::new(),
    };
    run_with(recogniser, extractor, path, &iso3)
}

/// Like [`run`], with an explicit alpha-2 → alpha-3 table.
pub fn run_with(
    recogniser: &Recogniser,
    extractor: &Extractor,
    path: &Path,
    iso3: &HashMap<String, String>,
) -> Result<PloverReport, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
    let mut report = PloverReport::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec: Record =
            serde_json::from_str(line).map_err(|e| EvalError::json(path, n + 1, e))?;
        let mut article =
            Article::from_text(rec.text.clone(), format!("{}#{}", path.display(), rec.id));
        article.published = rec.date;
        let recognition = recogniser.recognise(&article);
        let events = extractor.extract(&article, &recognition);
        let main = sitrep_extract::main_event(&events);
        let predicted = main
            .and_then(|e| e.plover.as_ref())
            .map_or("none".to_string(), |p| to_2016(&p.event_type).to_string());
        report.sentences += 1;
        if predicted == rec.event {
            report.correct += 1;
            report.per_type.entry(predicted.clone()).or_default().tp += 1;
        } else {
            report.per_type.entry(predicted.clone()).or_default().fp += 1;
            report.per_type.entry(rec.event.clone()).or_default().fn_ += 1;
        }
        let country3 =
            |c: Option<&str>| c.and_then(|c| iso3.get(c).cloned().or_else(|| Some(c.to_string())));
        let gold_source = codes(&rec.source);
        let source = country3(main.and_then(|e| {
            e.actor
                .as_ref()
                .and_then(|a| a.country.as_deref())
                .or_else(|| e.person.as_ref().and_then(|p| p.country.as_deref()))
        }));
        if !gold_source.is_empty() {
            report.source.1 += 1;
            if source.as_ref().is_some_and(|c| gold_source.contains(c)) {
                report.source.0 += 1;
            }
        }
        let gold_target = codes(&rec.target);
        let target = country3(
            main.and_then(|e| e.target.as_ref())
                .and_then(|t| t.country.as_deref()),
        );
        if !gold_target.is_empty() {
            report.target.1 += 1;
            if target.as_ref().is_some_and(|c| gold_target.contains(c)) {
                report.target.0 += 1;
            }
        }
        report.items.push(PloverItem {
            id: rec.id,
            gold: rec.event,
            predicted,
            source: (gold_source, source),
            target: (gold_target, target),
        });
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scores the shared dev set when it is on this machine (it is not in the
    /// repository). Prints the report; `cargo test -p sitrep-eval plover -- --nocapture`.
    #[test]
    fn dev_set_report() {
        let path = Path::new("/work/shared/eval/plover-dev.jsonl");
        if !path.exists() {
            return;
        }
        let gazetteer = sitrep_gazetteer::Gazetteer::shipped().expect("gazetteer");
        let actors = sitrep_actors::ActorDictionary::shipped().expect("actors");
        let recogniser = Recogniser::new(gazetteer, actors);
        let extractor = Extractor::shipped().expect("lexicon");
        let report = run(&recogniser, &extractor, path).expect("dev set");
        println!("{report}");
        if std::env::var_os("PLOVER_ITEMS").is_some() {
            for i in &report.items {
                println!(
                    "{} {} gold {} got {}; source {:?} got {:?}; target {:?} got {:?}",
                    if i.gold == i.predicted { "ok" } else { "XX" },
                    i.id,
                    i.gold,
                    i.predicted,
                    i.source.0,
                    i.source.1,
                    i.target.0,
                    i.target.1
                );
            }
        }
        assert_eq!(report.sentences, 164);
    }

    #[test]
    fn version_names_map() {
        assert_eq!(to_2016("REQUEST"), "DEMAND");
        assert_eq!(to_2016("ACCUSE"), "DISAPPROVE");
        assert_eq!(to_2016("AGREE"), "AGREE");
    }
}
