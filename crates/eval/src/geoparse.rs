//! Geoparsing evaluation on GeoWebNews (Gritta, Pilehvar and Collier, "A
//! pragmatic guide to geoparsing evaluation", Language Resources and
//! Evaluation 54:683–712, 2020), in the JSON lines form described in the
//! shared eval README.
//!
//! Scores place recognition alone (`sitrep_recognise::places::recognise`):
//! toponym recognition by exact span and by overlap, and resolution as the
//! share of found toponyms resolved within 161 km (100 miles) of the gold
//! point, with the median error. Both are given over all toponym types and
//! over the paper's literal group alone. It also times recognition. It does
//! not score roles (metonym, modifier) and never changes what is recognised.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::time::Instant;

use serde::Deserialize;
use sitrep_gazetteer::Gazetteer;
use sitrep_model::{Mention, Span};
use sitrep_recognise::places;

use crate::{Counts, EvalError};

#[derive(Deserialize)]
struct GoldArticle {
    text: String,
    toponyms: Vec<GoldToponym>,
}

#[derive(Deserialize)]
struct GoldToponym {
    start: usize,
    end: usize,
    surface: String,
    lat: Option<f64>,
    lon: Option<f64>,
    #[serde(rename = "type")]
    kind: String,
    group: String,
}

/// Resolution results over one scope.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resolution {
    /// Gold toponyms with coordinates in scope.
    pub with_coords: usize,
    /// Of those, found (overlapped by a resolved prediction).
    pub found: usize,
    /// Of those found, resolved within 161 km.
    pub within_161: usize,
    /// Median error in km over the found ones.
    pub median_km: f64,
    /// Mean error in km over the found ones.
    pub mean_km: f64,
}

impl Resolution {
    /// Share of found toponyms resolved within 161 km.
    pub fn accuracy(&self) -> f64 {
        if self.found == 0 {
            0.0
        } else {
            self.within_161 as f64 / self.found as f64
        }
    }

    fn from_errors(with_coords: usize, mut errors: Vec<f64>) -> Resolution {
        errors.sort_by(f64::total_cmp);
        let median_km = match errors.len() {
            0 => 0.0,
            n if n % 2 == 1 => errors[n / 2],
            n => (errors[n / 2 - 1] + errors[n / 2]) / 2.0,
        };
        Resolution {
            with_coords,
            found: errors.len(),
            within_161: errors.iter().filter(|&&d| d <= 161.0).count(),
            median_km,
            mean_km: if errors.is_empty() {
                0.0
            } else {
                errors.iter().sum::<f64>() / errors.len() as f64
            },
        }
    }
}

/// Everything one run measures.
#[derive(Clone, Debug, Default)]
pub struct GeoparseReport {
    /// Articles scored.
    pub articles: usize,
    /// Gold toponyms, all types / literal group.
    pub gold: (usize, usize),
    /// Place mentions predicted.
    pub predicted: usize,
    /// Recognition, exact span, all types.
    pub exact: Counts,
    /// Recognition, any overlap, all types.
    pub overlap: Counts,
    /// Recognition, exact span, literal group (predictions on associative
    /// toponyms are neither right nor wrong here).
    pub exact_literal: Counts,
    /// Recognition, any overlap, literal group (same convention).
    pub overlap_literal: Counts,
    /// Resolution over all types with coordinates.
    pub resolution: Resolution,
    /// Resolution over the literal group with coordinates.
    pub resolution_literal: Resolution,
    /// Recognition speed, articles per second (place recognition only,
    /// sentences split beforehand).
    pub articles_per_sec: f64,
    /// The same in MB of text per second.
    pub mb_per_sec: f64,
    /// Fuzzy (garbled-spelling) predictions, and how many of them overlap a gold toponym.
    pub fuzzy: (usize, usize),
    /// Most frequent missed toponyms (surface, type, count).
    pub missed: Vec<(String, String, usize)>,
    /// Most frequent predictions overlapping no toponym (surface, count).
    pub false_alarms: Vec<(String, usize)>,
    /// Most frequent resolutions off by more than 161 km (surface, resolved name, count).
    pub wrong: Vec<(String, String, usize)>,
}

/// Great-circle distance in km (the model's, under the name the
/// evaluation has always used).
pub use sitrep_model::great_circle_km as haversine_km;

/// Byte span of a code point range, or `None` if it is out of range.
fn byte_span(text: &str, start: usize, end: usize) -> Option<Span> {
    let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    offsets.push(text.len());
    let (s, e) = (*offsets.get(start)?, *offsets.get(end)?);
    (s <= e).then(|| Span::new(s, e))
}

fn top<K: Clone + Ord + std::hash::Hash>(counts: HashMap<K, usize>, n: usize) -> Vec<(K, usize)> {
    let mut v: Vec<(K, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

/// Scores place recognition and resolution on a GeoWebNews JSON lines file.
pub fn run(gazetteer: &Gazetteer, path: &Path) -> Result<GeoparseReport, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
    let mut articles = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let a: GoldArticle =
            serde_json::from_str(line).map_err(|e| EvalError::json(path, i + 1, e))?;
        articles.push(a);
    }
    let mut r = GeoparseReport {
        articles: articles.len(),
        ..GeoparseReport::default()
    };
    let mut errors_all = Vec::new();
    let mut errors_lit = Vec::new();
    let (mut coords_all, mut coords_lit) = (0, 0);
    let mut missed: HashMap<(String, String), usize> = HashMap::new();
    let mut alarms: HashMap<String, usize> = HashMap::new();
    let mut wrong: HashMap<(String, String), usize> = HashMap::new();
    let sentences: Vec<Vec<Span>> = articles
        .iter()
        .map(|a| sitrep_text::sentences(&a.text))
        .collect();
    for (a, sents) in articles.iter().zip(&sentences) {
        let predicted = places::recognise(gazetteer, &a.text, sents);
        let gold: Vec<(Span, &GoldToponym)> = a
            .toponyms
            .iter()
            .filter_map(|t| byte_span(&a.text, t.start, t.end).map(|s| (s, t)))
            .collect();
        score_article(&mut r, &gold, &predicted);
        for (span, t) in &gold {
            let literal = t.group == "literal";
            let hit = predicted.iter().find(|m| m.span.overlaps(*span));
            if hit.is_none() {
                *missed
                    .entry((t.surface.clone(), t.kind.clone()))
                    .or_default() += 1;
            }
            let (Some(lat), Some(lon)) = (t.lat, t.lon) else {
                continue;
            };
            coords_all += 1;
            coords_lit += usize::from(literal);
            let resolved = hit
                .and_then(|m| m.as_place())
                .and_then(|p| p.place.as_ref());
            if let Some(p) = resolved {
                let d = haversine_km(lat, lon, p.lat, p.lon);
                errors_all.push(d);
                if literal {
                    errors_lit.push(d);
                }
                if d > 161.0 {
                    *wrong
                        .entry((t.surface.clone(), p.name.to_string()))
                        .or_default() += 1;
                }
            }
        }
        for m in &predicted {
            let right = gold.iter().any(|(s, _)| s.overlaps(m.span));
            if !right {
                *alarms.entry(m.text.clone()).or_default() += 1;
            }
            if m.as_place().is_some_and(|p| p.fuzzy) {
                r.fuzzy.0 += 1;
                r.fuzzy.1 += usize::from(right);
            }
        }
    }
    r.resolution = Resolution::from_errors(coords_all, errors_all);
    r.resolution_literal = Resolution::from_errors(coords_lit, errors_lit);
    r.missed = top(missed, 25)
        .into_iter()
        .map(|((s, k), n)| (s, k, n))
        .collect();
    r.false_alarms = top(alarms, 25);
    r.wrong = top(wrong, 25)
        .into_iter()
        .map(|((s, k), n)| (s, k, n))
        .collect();
    time(gazetteer, &mut r, &articles, &sentences);
    Ok(r)
}

fn score_article(r: &mut GeoparseReport, gold: &[(Span, &GoldToponym)], predicted: &[Mention]) {
    r.gold.0 += gold.len();
    r.gold.1 += gold.iter().filter(|(_, t)| t.group == "literal").count();
    r.predicted += predicted.len();
    let literal = |t: &GoldToponym| t.group == "literal";
    for (span, t) in gold {
        let exact = predicted.iter().any(|m| m.span == *span);
        let over = predicted.iter().any(|m| m.span.overlaps(*span));
        bump(&mut r.exact, exact);
        bump(&mut r.overlap, over);
        if literal(t) {
            bump(&mut r.exact_literal, exact);
            bump(&mut r.overlap_literal, over);
        }
    }
    for m in predicted {
        let exact: Vec<_> = gold.iter().filter(|(s, _)| *s == m.span).collect();
        let over: Vec<_> = gold.iter().filter(|(s, _)| s.overlaps(m.span)).collect();
        r.exact.fp += usize::from(exact.is_empty());
        r.overlap.fp += usize::from(over.is_empty());
        // For the literal scope a prediction on an associative toponym is set aside.
        r.exact_literal.fp += usize::from(exact.is_empty() && over.iter().all(|(_, t)| literal(t)));
        r.overlap_literal.fp += usize::from(over.is_empty());
    }
}

fn bump(c: &mut Counts, found: bool) {
    if found {
        c.tp += 1;
    } else {
        c.fn_ += 1;
    }
}

/// Times place recognition over the articles, repeated to run at least half a second.
fn time(g: &Gazetteer, r: &mut GeoparseReport, articles: &[GoldArticle], sentences: &[Vec<Span>]) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let start = Instant::now();
    let mut rounds = 0;
    let mut sink = 0;
    while rounds < 3 || start.elapsed().as_secs_f64() < 0.5 {
        for (a, s) in articles.iter().zip(sentences) {
            sink += places::recognise(g, &a.text, s).len();
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    std::hint::black_box(sink);
    r.articles_per_sec = (articles.len() * rounds) as f64 / secs;
    r.mb_per_sec = (bytes * rounds) as f64 / secs / 1e6;
}

impl fmt::Display for GeoparseReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "GeoWebNews dev: {} articles, {} gold toponyms ({} literal group), {} place mentions predicted",
            self.articles, self.gold.0, self.gold.1, self.predicted
        )?;
        writeln!(f, "Recognition, all types (literal + associative):")?;
        writeln!(f, "  exact span  {}", self.exact)?;
        writeln!(f, "  overlap     {}", self.overlap)?;
        writeln!(
            f,
            "Recognition, literal group (predictions on associative toponyms set aside):"
        )?;
        writeln!(f, "  exact span  {}", self.exact_literal)?;
        writeln!(f, "  overlap     {}", self.overlap_literal)?;
        for (name, res) in [
            ("all types", &self.resolution),
            ("literal group", &self.resolution_literal),
        ] {
            writeln!(
                f,
                "Resolution, {name}: acc@161km {:.3} ({} of {} found; {} gold with coordinates), median error {:.1} km, mean {:.0} km",
                res.accuracy(),
                res.within_161,
                res.found,
                res.with_coords,
                res.median_km,
                res.mean_km
            )?;
        }
        writeln!(
            f,
            "Speed (place recognition only): {:.0} articles/s, {:.2} MB/s",
            self.articles_per_sec, self.mb_per_sec
        )?;
        let list = |v: &[(String, String, usize)]| {
            v.iter()
                .map(|(a, b, n)| format!("{a} [{b}] x{n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(
            f,
            "Fuzzy matches: {} predicted, {} on a gold toponym",
            self.fuzzy.0, self.fuzzy.1
        )?;
        writeln!(f, "Most missed: {}", list(&self.missed))?;
        writeln!(
            f,
            "Most frequent false alarms: {}",
            self.false_alarms
                .iter()
                .map(|(a, n)| format!("{a} x{n}"))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
        writeln!(f, "Most frequent wrong resolutions: {}", list(&self.wrong))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_become_bytes() {
        let text = "Kābul and Herāt";
        let s = byte_span(text, 10, 15).expect("in range");
        assert_eq!(s.slice(text), "Herāt");
        assert!(byte_span(text, 10, 99).is_none());
    }

    #[test]
    fn distance_is_great_circle() {
        // One degree of longitude on the equator, and equator to pole.
        let cases = [
            ((0.0, 0.0, 0.0, 1.0), 111.19),
            ((0.0, 0.0, 90.0, 0.0), 10_007.5),
        ];
        for ((a, b, c, d), km) in cases {
            let got = haversine_km(a, b, c, d);
            assert!((got - km).abs() < 1.0, "{got} vs {km}");
        }
    }

    #[test]
    fn scores_a_small_file() {
        let g = Gazetteer::shipped().expect("gazetteer");
        let dir = std::env::temp_dir().join(format!("sitrep-geoparse-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("tmp dir");
        let path = dir.join("gold.jsonl");
        let line = serde_json::json!({
            "text": "Clashes were reported in Kābul and near Herat on Monday.",
            "toponyms": [
                {"start": 25, "end": 30, "surface": "Kābul", "lat": 34.53, "lon": 69.17, "type": "Literal", "group": "literal"},
                {"start": 40, "end": 45, "surface": "Herat", "lat": 34.35, "lon": 62.2, "type": "Literal", "group": "literal"}
            ]
        });
        std::fs::write(&path, format!("{line}\n")).expect("write");
        let r = run(&g, &path).expect("runs");
        assert_eq!(r.exact.tp, 2, "{r}");
        assert_eq!(r.resolution.within_161, 2, "{r}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
