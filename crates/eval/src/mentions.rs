//! Mention recognition and resolution on sitrep's own corpus, per mention type.
//!
//! Recognition: a gold mention is found when a predicted mention of the same
//! type overlaps its span. A predicted mention is a true positive when it
//! overlaps a gold mention of its type; the gold lists every occurrence, so an
//! unlisted prediction counts against precision. One exception: the corpus
//! labels generic sides ("officials", "fighters") only where they stand for a
//! named actor, while the recogniser reports every generic side so that no
//! event loses its actor; an unlabelled generic actor is counted apart
//! (`generic, unscored`) rather than as a false positive. Likewise a country
//! adjective the recogniser reports as a place modifier ("Afghan" in "Afghan
//! forces", as GeoWebNews labels it) inside a span the corpus labels as an
//! actor is set aside, not counted against place precision.
//! Resolution: of the gold mentions found, the share whose payload is right —
//! places by GeoNames id (or, without one, by ISO 3166-2 code and country),
//! actors and people by dictionary id, dates by their normalised range.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use sitrep_model::{Mention, MentionKind, Span};
use sitrep_recognise::Recogniser;

use crate::corpus::{self, GoldMention};
use crate::score::ratio;
use crate::{Counts, EvalError};

/// Scores per mention type.
#[derive(Debug, Default)]
pub struct MentionsReport {
    /// Reports scored.
    pub reports: usize,
    /// Recognition counts per type.
    pub recognition: BTreeMap<String, Counts>,
    /// Resolution per type: (right, found).
    pub resolution: BTreeMap<String, (usize, usize)>,
    /// Gold mentions whose text was not found in their report (labelling errors).
    pub unlocated: usize,
    /// Predicted generic actors the gold does not label (not scored).
    pub generic_unscored: usize,
    /// Predicted place modifiers inside gold actor spans (not scored).
    pub modifiers_in_actors: usize,
    /// A sample of misses and wrong resolutions, for reading.
    pub errors: Vec<String>,
}

/// Scores the recogniser on the corpus in `dir`.
pub fn run(recogniser: &Recogniser, dir: &Path) -> Result<MentionsReport, EvalError> {
    let mut report = MentionsReport::default();
    for loaded in corpus::load(dir)? {
        report.reports += 1;
        let text = loaded.article.text.as_str();
        let predicted = recogniser.recognise(&loaded.article).mentions;
        let spans = corpus::locate(text, &loaded.gold.mentions);
        let mut gold_spans: Vec<(&str, Span)> = Vec::new();
        for (gold, span) in loaded.gold.mentions.iter().zip(&spans) {
            let Some(span) = *span else {
                report.unlocated += 1;
                continue;
            };
            gold_spans.push((gold.kind.as_str(), span));
            let counts = report.recognition.entry(gold.kind.clone()).or_default();
            let hit = predicted
                .iter()
                .filter(|m| m.type_name() == gold.kind && m.span.overlaps(span))
                .max_by_key(|m| overlap(m.span, span));
            let Some(hit) = hit else {
                counts.fn_ += 1;
                report.note(format!(
                    "{}: missed {} {:?}",
                    loaded.gold.id, gold.kind, gold.text
                ));
                continue;
            };
            let res = report.resolution.entry(gold.kind.clone()).or_default();
            res.1 += 1;
            if resolves(hit, gold) {
                res.0 += 1;
            } else {
                report.note(format!(
                    "{}: {:?} resolved to {}",
                    loaded.gold.id,
                    gold.text,
                    describe(hit)
                ));
            }
        }
        for m in &predicted {
            let kind = m.type_name();
            let counts = report.recognition.entry(kind.to_string()).or_default();
            if gold_spans
                .iter()
                .any(|(k, s)| *k == kind && s.overlaps(m.span))
            {
                counts.tp += 1;
            } else if m.as_actor().is_some_and(|a| a.generic) {
                report.generic_unscored += 1;
            } else if m
                .as_place()
                .is_some_and(|p| p.role == sitrep_model::PlaceRole::Modifier)
                && gold_spans
                    .iter()
                    .any(|(k, s)| *k == "actor" && s.overlaps(m.span))
            {
                report.modifiers_in_actors += 1;
            } else {
                counts.fp += 1;
                report.note(format!(
                    "{}: spurious {} {:?}",
                    loaded.gold.id, kind, m.text
                ));
            }
        }
    }
    Ok(report)
}

impl MentionsReport {
    /// Keeps the first errors for the report; all of them with
    /// `SITREP_EVAL_ALL` set, for reading every miss.
    fn note(&mut self, line: String) {
        let cap = if std::env::var_os("SITREP_EVAL_ALL").is_some() {
            usize::MAX
        } else {
            40
        };
        if self.errors.len() < cap {
            self.errors.push(line);
        }
    }
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn resolves(m: &Mention, gold: &GoldMention) -> bool {
    match &m.kind {
        MentionKind::Place(p) => {
            let Some(place) = &p.place else {
                return false;
            };
            match gold.geonameid {
                Some(id) => place.geonameid == Some(id),
                None => {
                    gold.country.as_deref().is_none_or(|c| c == &*place.country)
                        && gold
                            .admin1_code
                            .as_deref()
                            .is_none_or(|a| place.admin1_code.as_deref() == Some(a))
                }
            }
        }
        MentionKind::Actor(a) => gold.actor.as_deref() == Some(a.id.as_ref()),
        MentionKind::Person(p) => match &gold.person {
            Some(id) => p.id.as_deref() == Some(id.as_str()),
            None => p.id.is_none(),
        },
        MentionKind::Time(t) => match (&gold.date, &t.range) {
            (Some(want), Some(got)) => same_date(want, &got.to_string()),
            (None, None) => true,
            _ => false,
        },
    }
}

/// Dates agree when they print the same, or differ only in whether the
/// expression's "by"/"since" is part of the value (`<=2021-08-31` for "by Aug.
/// 31" against a gold `2021-08-31` that labelled only the inner date).
fn same_date(want: &str, got: &str) -> bool {
    let bare = |s: &str| {
        s.trim_start_matches("<=")
            .trim_start_matches(">=")
            .to_string()
    };
    want == got || bare(want) == bare(got)
}

fn describe(m: &Mention) -> String {
    match &m.kind {
        MentionKind::Place(p) => match &p.place {
            Some(pl) => format!(
                "{} ({}, {}, geonameid {:?})",
                pl.name,
                pl.admin1_code.as_deref().unwrap_or("-"),
                pl.country,
                pl.geonameid
            ),
            None => "nothing".into(),
        },
        MentionKind::Actor(a) => a.id.to_string(),
        MentionKind::Person(p) => {
            p.id.as_deref()
                .map_or_else(|| format!("unknown {}", p.name), str::to_string)
        }
        MentionKind::Time(t) => t
            .range
            .map(|r| r.to_string())
            .unwrap_or_else(|| "unanchored".into()),
    }
}

impl fmt::Display for MentionsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "== mentions: own corpus, {} reports (recognition = span overlap, same type)",
            self.reports
        )?;
        let mut all = Counts::default();
        for (kind, counts) in &self.recognition {
            all.add(*counts);
            let (right, found) = self.resolution.get(kind).copied().unwrap_or_default();
            writeln!(
                f,
                "{kind:<7} recognition {counts}   resolution {:.3} ({right}/{found})",
                ratio(right, found)
            )?;
        }
        writeln!(f, "{:<7} recognition {all}", "all")?;
        writeln!(
            f,
            "set aside: {} generic actors the gold does not label, {} place modifiers inside gold actors",
            self.generic_unscored, self.modifiers_in_actors
        )?;
        if self.unlocated > 0 {
            writeln!(
                f,
                "gold mentions not found in their text: {}",
                self.unlocated
            )?;
        }
        for e in &self.errors {
            writeln!(f, "  {e}")?;
        }
        Ok(())
    }
}
