use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use sha2::{Digest, Sha256};

use crate::article::hex;
use crate::{ActorMention, ArticleId, DateRange, PersonMention, Place, Span};

/// What happened. The kinds are sitrep's own; each maps onto PLOVER and ACLED codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// An armed group takes a place by force.
    TerritoryTaken,
    /// Government (or the former holder) takes a place back.
    TerritoryRegained,
    /// A place is handed over without a fight.
    TerritoryTransferred,
    /// Two armed sides fight.
    ArmedClash,
    /// Air or drone strike.
    AirStrike,
    /// IED, suicide bomb, shelling, artillery, missile.
    Explosion,
    /// Violence aimed at civilians.
    AttackOnCivilians,
    /// Kidnapping or abduction.
    Abduction,
    /// Arrest or detention by authorities.
    Arrest,
    /// Demonstration or protest.
    Protest,
    /// Troops sent or moved.
    Deployment,
    /// Forces pull out.
    Withdrawal,
    /// People evacuated.
    Evacuation,
    /// A public statement, warning, call or criticism.
    Statement,
    /// A meeting is held or convened.
    Meeting,
    /// Talks or negotiations.
    Negotiation,
    /// An agreement is reached.
    Agreement,
    /// A ceasefire is declared or agreed.
    Ceasefire,
    /// An assertion about who controls what ("now control 14 of 34 capitals").
    ControlClaim,
}

impl EventKind {
    /// Every kind, in declaration order.
    pub const ALL: [EventKind; 19] = [
        EventKind::TerritoryTaken,
        EventKind::TerritoryRegained,
        EventKind::TerritoryTransferred,
        EventKind::ArmedClash,
        EventKind::AirStrike,
        EventKind::Explosion,
        EventKind::AttackOnCivilians,
        EventKind::Abduction,
        EventKind::Arrest,
        EventKind::Protest,
        EventKind::Deployment,
        EventKind::Withdrawal,
        EventKind::Evacuation,
        EventKind::Statement,
        EventKind::Meeting,
        EventKind::Negotiation,
        EventKind::Agreement,
        EventKind::Ceasefire,
        EventKind::ControlClaim,
    ];

    /// The snake_case name used in JSON and on the command line.
    pub fn as_str(&self) -> &'static str {
        match self {
            EventKind::TerritoryTaken => "territory_taken",
            EventKind::TerritoryRegained => "territory_regained",
            EventKind::TerritoryTransferred => "territory_transferred",
            EventKind::ArmedClash => "armed_clash",
            EventKind::AirStrike => "air_strike",
            EventKind::Explosion => "explosion",
            EventKind::AttackOnCivilians => "attack_on_civilians",
            EventKind::Abduction => "abduction",
            EventKind::Arrest => "arrest",
            EventKind::Protest => "protest",
            EventKind::Deployment => "deployment",
            EventKind::Withdrawal => "withdrawal",
            EventKind::Evacuation => "evacuation",
            EventKind::Statement => "statement",
            EventKind::Meeting => "meeting",
            EventKind::Negotiation => "negotiation",
            EventKind::Agreement => "agreement",
            EventKind::Ceasefire => "ceasefire",
            EventKind::ControlClaim => "control_claim",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.iter().copied().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a number is qualified in the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as is.
    #[default]
    Exact,
    /// "at least", "no fewer than".
    AtLeast,
    /// "more than", "over".
    MoreThan,
    /// "about", "some", "around", "nearly".
    About,
    /// "up to", "at most", "fewer than".
    AtMost,
}

/// A counted quantity: troops, fatalities, provincial capitals, share of territory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The number (a share such as "more than half" is 0.5).
    pub value: f64,
    /// What is counted, normalised ("soldiers", "fatalities", "provincial capitals").
    pub unit: String,
    /// How the number is qualified.
    #[serde(default)]
    pub qualifier: Qualifier,
    /// The whole, for shares like "14 of 34".
    pub of: Option<f64>,
    /// Byte span of the quantity phrase in the article.
    pub span: Span,
}

/// PLOVER coding: event type and, where it applies, mode.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PloverCode {
    /// PLOVER event type, e.g. `SEIZE`, `ASSAULT`, `MOBILIZE`.
    pub event_type: String,
    /// PLOVER mode, e.g. `occupy`, `firearms`, `troops`; empty when none applies.
    pub mode: Option<String>,
}

/// ACLED coding: one of the 6 event types and 25 sub-event types.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcledCode {
    /// e.g. `Strategic developments`.
    pub event_type: String,
    /// e.g. `Non-state actor overtakes territory`.
    pub sub_event_type: String,
}

/// Where one field of an event came from, when not from the main sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldEvidence {
    /// Field name: `actor`, `target`, `place`, `date`, `quantity` (borrowed
    /// when made by sitrep: every event has several).
    pub field: Cow<'static, str>,
    /// Byte span in the article.
    pub span: Span,
}

/// One report of an event: which article, which sentence, which words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The article.
    pub article: ArticleId,
    /// Its URL, when known.
    pub url: Option<String>,
    /// Its source name, when known.
    pub source: Option<String>,
    /// Its publication date, when known.
    pub published: Option<NaiveDate>,
    /// Byte span of the sentence in the article.
    pub sentence_span: Span,
    /// The sentence text.
    pub sentence: String,
    /// Byte span of the words that carry the event (the trigger).
    pub trigger: Span,
    /// Per-field evidence outside the trigger.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldEvidence>,
}

/// One real-world event as extracted: who did what to whom, where, when, how many.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: a hash of kind, actor, target, place and date (see [`Event::compute_id`]).
    pub id: String,
    /// What happened.
    pub kind: EventKind,
    /// Who did it (a group or state).
    pub actor: Option<ActorMention>,
    /// A named person acting (speaker, convener), when the actor is a person.
    pub person: Option<PersonMention>,
    /// Other sides acting with `actor` in one joint operation ("American and
    /// British forces carried out strikes"): ACLED's associated actors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<ActorMention>,
    /// To whom or what.
    pub target: Option<ActorMention>,
    /// Where; for deployments, the destination.
    pub place: Option<Place>,
    /// Further places when one event names several (control claims).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    /// When.
    pub date: Option<DateRange>,
    /// Counted quantities (troops, capitals, shares).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<Quantity>,
    /// People killed, when reported.
    pub fatalities: Option<Quantity>,
    /// People wounded, when reported.
    pub injuries: Option<Quantity>,
    /// True when the text denies the event.
    pub negated: bool,
    /// True for plans, conditionals, possibilities: kept but never counted as fact.
    pub hypothetical: bool,
    /// Confidence in 0..=1.
    pub confidence: f64,
    /// PLOVER coding.
    pub plover: Option<PloverCode>,
    /// ACLED coding (absent for kinds ACLED does not code, e.g. statements).
    pub acled: Option<AcledCode>,
    /// One entry per report of the event.
    pub sources: Vec<Evidence>,
}

impl Event {
    /// The stable id of an event with these defining fields: the first 16 hex digits
    /// of the SHA-256 of `kind|actor|target|place|date`, so re-running the same
    /// input gives the same ids and two reports of the same event collide.
    pub fn compute_id(
        kind: EventKind,
        actor: Option<&str>,
        target: Option<&str>,
        place: Option<&str>,
        date: Option<&DateRange>,
    ) -> String {
        // The fields go into the hash one by one, '|'-separated: the same
        // digest as hashing the joined key, without building it.
        let mut hasher = Sha256::new();
        hasher.update(kind.as_str());
        for part in [actor, target, place] {
            hasher.update(b"|");
            hasher.update(part.unwrap_or(""));
        }
        hasher.update(b"|");
        if let Some(date) = date {
            // Written straight into the hash, not into a string first.
            struct Feed<'h>(&'h mut Sha256);
            impl std::fmt::Write for Feed<'_> {
                fn write_str(&mut self, s: &str) -> std::fmt::Result {
                    self.0.update(s);
                    Ok(())
                }
            }
            // Writing to a hash cannot fail.
            let _ = std::fmt::Write::write_fmt(&mut Feed(&mut hasher), format_args!("{date}"));
        }
        hex(&hasher.finalize()[..8])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content_hash;

    /// Ids are the start of the SHA-256 of the '|'-joined defining fields:
    /// stored ids must not change when the computation does.
    #[test]
    fn ids_hash_the_joined_fields() {
        let day = DateRange::day(NaiveDate::from_ymd_opt(2021, 8, 13).unwrap());
        let cases = [
            (
                Some("taliban"),
                Some("af.forces"),
                Some("1138336"),
                Some(&day),
            ),
            (None, None, None, None),
            (Some("us.forces"), None, Some("Kabul"), None),
        ];
        for (actor, target, place, date) in cases {
            let key = format!(
                "territory_taken|{}|{}|{}|{}",
                actor.unwrap_or(""),
                target.unwrap_or(""),
                place.unwrap_or(""),
                date.map(|d| d.to_string()).unwrap_or_default()
            );
            let id = Event::compute_id(EventKind::TerritoryTaken, actor, target, place, date);
            assert_eq!(id, content_hash(&key)[..16]);
        }
    }
}
