//! An ACLED-style table: ACLED's export columns in ACLED's order, filled from
//! sitrep events, so the output can sit next to ACLED data in the same tools.
//!
//! What is derived and how (ACLED's codebook conventions):
//! - `event_id_cnty`: ISO alpha-3 of the country plus a number derived from the
//!   sitrep event id (the first 6 bytes of its SHA-256, in decimal), so it is
//!   stable across runs. ACLED's own numbers are sequential; ours are not.
//! - `event_date`: ISO `YYYY-MM-DD`. A single day as is; "by D" gives D, "from
//!   D" gives D; any other range gives its middle day, as ACLED codes an event
//!   known only to a week or month. `time_precision`: 1 for a day, 2 for a few
//!   days or a week, 3 for a month or coarser.
//! - `inter1`/`inter2` from the actor kind: 1 state forces (and governments), 2
//!   rebel groups (and transnational jihadist groups, as ACLED codes them), 3
//!   political militias, 6 protesters (actor of a protest), 7 civilians, 8
//!   external/other. sitrep cannot tell identity militias (4) or rioters (5)
//!   apart yet. `interaction` is the two codes joined lowest first ("12"), or
//!   `inter1` followed by 0 for a one-sided event ("20").
//! - Violence against civilians without a named target gets actor2
//!   `Civilians (<country>)` with inter 7, and `civilian_targeting` is set.
//! - `geo_precision`: 1 for a town or specific site, 2 for a district, 3 for a
//!   province or country.
//! - `source`: the outlets of all reports, `; `-separated; `source_scale` is
//!   left empty (sitrep does not know an outlet's scale). `notes`: the first
//!   report's sentence. `tags`: the sitrep event id and confidence.
//!   `timestamp`: given by the caller (the export time), since events carry none.
//!
//! Skipped and counted: kinds ACLED does not code (no ACLED code), negated and
//! hypothetical events, events with no country and undated events.

use sha2::{Digest, Sha256};
use sitrep_model::{
    ActorKind, ActorMention, DateRange, Event, EventKind, PlaceKind, Precision, TimeRelation,
};

use crate::{csv_err, io, CountryTable, ExportError, ExportSummary, SkipReason};

/// ACLED's export columns, in ACLED's order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// Settings of the ACLED writer.
#[derive(Clone, Debug)]
pub struct AcledOptions {
    /// Country codes, names and regions.
    pub countries: CountryTable,
    /// Unix time written in the `timestamp` column.
    pub timestamp: i64,
}

impl AcledOptions {
    /// The embedded country table and the given timestamp.
    pub fn new(timestamp: i64) -> Result<AcledOptions, ExportError> {
        Ok(AcledOptions {
            countries: CountryTable::embedded()?,
            timestamp,
        })
    }
}

/// Writes the ACLED-style CSV (header row, then one row per codable event).
pub fn write_acled<'a, W, I>(
    out: W,
    events: I,
    options: &AcledOptions,
) -> Result<ExportSummary, ExportError>
where
    W: std::io::Write,
    I: IntoIterator<Item = &'a Event>,
{
    let mut w = csv::Writer::from_writer(out);
    w.write_record(ACLED_COLUMNS)
        .map_err(csv_err("acled", "header"))?;
    let mut summary = ExportSummary::default();
    for e in events {
        match row(e, options) {
            Ok(r) => {
                w.write_record(&r).map_err(csv_err("acled", &e.id))?;
                summary.written += 1;
            }
            Err(reason) => summary.skip(reason),
        }
    }
    w.flush().map_err(io("acled"))?;
    Ok(summary)
}

fn row(e: &Event, options: &AcledOptions) -> Result<Vec<String>, SkipReason> {
    let code = e.acled.as_ref().ok_or(SkipReason::NoAcledCode)?;
    if e.negated || e.hypothetical {
        return Err(SkipReason::NotFactual);
    }
    let iso2 = e
        .place
        .as_ref()
        .map(|p| p.country.as_ref())
        .or_else(|| e.actor.as_ref().and_then(|a| a.country.as_deref()))
        .ok_or(SkipReason::NoCountry)?;
    let country = options.countries.get(iso2).ok_or(SkipReason::NoCountry)?;
    let date = e.date.as_ref().ok_or(SkipReason::Undated)?;
    let day = event_day(date);

    let protest = e.kind == EventKind::Protest;
    let inter1 = e.actor.as_ref().map(|a| inter(a, protest));
    let (actor2, inter2) = match &e.target {
        Some(t) => (t.name.to_string(), Some(inter(t, false))),
        None if targets_civilians(e) => (format!("Civilians ({})", country.name), Some(7)),
        None => (String::new(), None),
    };
    let interaction = match (inter1, inter2) {
        (Some(a), Some(b)) => format!("{}{}", a.min(b), a.max(b)),
        (Some(a), None) | (None, Some(a)) => format!("{a}0"),
        (None, None) => String::new(),
    };
    let civilian_targeting = if inter2 == Some(7) || targets_civilians(e) {
        "Civilian targeting"
    } else {
        ""
    };

    let place = e.place.as_ref();
    let opt = |s: Option<&str>| s.unwrap_or_default().to_string();
    let mut sources: Vec<&str> = Vec::new();
    for s in &e.sources {
        if let Some(name) = s.source.as_deref().or(s.url.as_deref()) {
            if !sources.contains(&name) {
                sources.push(name);
            }
        }
    }
    Ok(vec![
        format!("{}{}", country.iso3, id_number(&e.id)),
        day.to_string(),
        day.format("%Y").to_string(),
        time_precision(date.precision).to_string(),
        disorder_type(&code.event_type, &code.sub_event_type).to_string(),
        code.event_type.clone(),
        code.sub_event_type.clone(),
        opt(e.actor.as_ref().map(|a| a.name.as_ref())),
        e.participants
            .iter()
            .map(|a| a.name.as_ref())
            .collect::<Vec<_>>()
            .join("; "),
        inter1.map(|i| i.to_string()).unwrap_or_default(),
        actor2,
        String::new(),
        inter2.map(|i| i.to_string()).unwrap_or_default(),
        interaction,
        civilian_targeting.to_string(),
        country.numeric.map(|n| n.to_string()).unwrap_or_default(),
        country.region.clone(),
        country.name.clone(),
        opt(place.and_then(|p| p.admin1.as_deref())),
        opt(place.and_then(|p| p.admin2.as_deref())),
        String::new(),
        opt(place.map(|p| p.name.as_ref())),
        place.map(|p| format!("{:.4}", p.lat)).unwrap_or_default(),
        place.map(|p| format!("{:.4}", p.lon)).unwrap_or_default(),
        place
            .map(|p| geo_precision(p.kind).to_string())
            .unwrap_or_default(),
        sources.join("; "),
        String::new(),
        opt(e.sources.first().map(|s| s.sentence.trim())),
        e.fatalities
            .as_ref()
            .map(|q| q.value.round().max(0.0) as u64)
            .unwrap_or(0)
            .to_string(),
        format!("sitrep_id={}; confidence={:.2}", e.id, e.confidence),
        options.timestamp.to_string(),
    ])
}

fn targets_civilians(e: &Event) -> bool {
    e.kind == EventKind::AttackOnCivilians
        || e.target
            .as_ref()
            .is_some_and(|t| t.kind == ActorKind::Civilians)
}

/// ACLED's actor type code.
fn inter(actor: &ActorMention, protest: bool) -> u8 {
    if protest {
        return 6;
    }
    match actor.kind {
        ActorKind::StateForces | ActorKind::Government => 1,
        ActorKind::RebelGroup | ActorKind::Terrorist => 2,
        ActorKind::Militia | ActorKind::PoliticalParty => 3,
        ActorKind::Civilians | ActorKind::Media => 7,
        ActorKind::InternationalOrganisation | ActorKind::Person | ActorKind::Other => 8,
    }
}

/// The one day ACLED's `event_date` holds for a range.
fn event_day(date: &DateRange) -> chrono::NaiveDate {
    match date.relation {
        TimeRelation::By => date.end,
        TimeRelation::From => date.start,
        TimeRelation::Within | TimeRelation::About => {
            let half = (date.end - date.start).num_days() / 2;
            date.start + chrono::Duration::days(half)
        }
    }
}

fn time_precision(p: Precision) -> u8 {
    match p {
        Precision::Day => 1,
        Precision::Days | Precision::Week => 2,
        Precision::Month | Precision::Year | Precision::Years => 3,
    }
}

fn geo_precision(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::City | PlaceKind::Other => 1,
        PlaceKind::Admin2 => 2,
        PlaceKind::Admin1 | PlaceKind::Country => 3,
    }
}

/// ACLED's disorder type for an event type.
fn disorder_type(event_type: &str, sub_event_type: &str) -> &'static str {
    let e = event_type.to_ascii_lowercase();
    let s = sub_event_type.to_ascii_lowercase();
    if s == "mob violence" || s.starts_with("excessive force") {
        "Political violence; Demonstrations"
    } else if e == "protests" || e == "riots" {
        "Demonstrations"
    } else if e == "strategic developments" {
        "Strategic developments"
    } else {
        "Political violence"
    }
}

/// A stable number for an event id: 48 bits of its SHA-256, in decimal.
fn id_number(id: &str) -> u64 {
    let digest = Sha256::digest(id.as_bytes());
    digest[..6]
        .iter()
        .fold(0u64, |n, b| (n << 8) | u64::from(*b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, m, day).unwrap()
    }

    #[test]
    fn event_day_follows_the_relation() {
        let cases = [
            (DateRange::day(d(8, 13)), d(8, 13)),
            (
                DateRange::range(d(8, 1), d(8, 31), Precision::Month),
                d(8, 16),
            ),
            (
                DateRange::day(d(8, 13)).with_relation(TimeRelation::By),
                d(8, 13),
            ),
            (
                DateRange::range(d(8, 1), d(8, 13), Precision::Days)
                    .with_relation(TimeRelation::By),
                d(8, 13),
            ),
            (
                DateRange::range(d(8, 13), d(8, 20), Precision::Week)
                    .with_relation(TimeRelation::From),
                d(8, 13),
            ),
        ];
        for (range, want) in cases {
            assert_eq!(event_day(&range), want, "{range}");
        }
    }

    #[test]
    fn disorder_types() {
        let cases = [
            ("Battles", "Armed clash", "Political violence"),
            (
                "Strategic developments",
                "Non-state actor overtakes territory",
                "Strategic developments",
            ),
            ("Protests", "Peaceful protest", "Demonstrations"),
            (
                "Protests",
                "Excessive force against protesters",
                "Political violence; Demonstrations",
            ),
            (
                "Riots",
                "Mob violence",
                "Political violence; Demonstrations",
            ),
            (
                "Explosions/Remote violence",
                "Air/drone strike",
                "Political violence",
            ),
        ];
        for (e, s, want) in cases {
            assert_eq!(disorder_type(e, s), want, "{e} / {s}");
        }
    }

    #[test]
    fn id_numbers_are_stable_and_distinct() {
        assert_eq!(id_number("a1b2"), id_number("a1b2"));
        assert_ne!(id_number("a1b2"), id_number("a1b3"));
        assert!(id_number("x") < 1 << 48);
    }
}
