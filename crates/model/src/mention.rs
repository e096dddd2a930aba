use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::{DateRange, Span};

/// What kind of geographic feature a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A sovereign state or dependency (ISO 3166-1).
    Country,
    /// First-level subdivision: province, state, governorate, oblast.
    Admin1,
    /// Second-level subdivision: district, raion, county.
    Admin2,
    /// A populated place: city, town, village, district centre.
    City,
    /// Anything else the gazetteer knows (airport, border crossing, region).
    Other,
}

/// A resolved gazetteer entry: where a mention points on the map.
///
/// The names are shared: every mention of a place in an article, and every
/// event placed there, holds the same strings (a copy is a reference count).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// GeoNames id, when the entry came from GeoNames.
    pub geonameid: Option<u64>,
    /// Canonical name, as the gazetteer spells it ("Lashkar Gah").
    pub name: Arc<str>,
    /// Feature kind.
    pub kind: PlaceKind,
    /// First-level subdivision's name ("Helmand"), if any.
    pub admin1: Option<Arc<str>>,
    /// ISO 3166-2 code of that subdivision ("AF-HEL"), if known.
    pub admin1_code: Option<Arc<str>>,
    /// Second-level subdivision's name, if known.
    pub admin2: Option<String>,
    /// ISO 3166-1 alpha-2 country code ("AF").
    pub country: Arc<str>,
    /// Country's short name ("Afghanistan").
    pub country_name: Arc<str>,
    /// WGS84 latitude.
    pub lat: f64,
    /// WGS84 longitude.
    pub lon: f64,
    /// Population, 0 when unknown.
    pub population: u64,
}

impl Place {
    /// Great-circle distance to `other` in km.
    pub fn km_to(&self, other: &Place) -> f64 {
        great_circle_km(self.lat, self.lon, other.lat, other.lon)
    }
}

/// Great-circle distance in km between two WGS84 points (haversine).
pub fn great_circle_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// How a place name is used in its sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceRole {
    /// The place itself ("fighting in Herat").
    #[default]
    Literal,
    /// The place stands for its government or people ("Washington decided").
    Metonym,
    /// An adjective or demonym ("Afghan forces", "British army").
    Modifier,
}

/// A place name found in the text, resolved or not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// The best-ranked gazetteer entry, or `None` when nothing fit well enough.
    pub place: Option<Place>,
    /// Ranking score of the chosen entry in 0..=1 (0 when unresolved).
    pub score: f64,
    /// How many gazetteer entries competed for this name.
    pub candidates: usize,
    /// True when the match was fuzzy (a transliteration or garbled spelling).
    pub fuzzy: bool,
    /// Literal, metonymic or modifier use.
    pub role: PlaceRole,
}

/// Broad classes of actor, aligned with ACLED's actor types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// Military, police and other armed forces of a state.
    StateForces,
    /// A government, ministry or state institution acting politically.
    Government,
    /// An organised non-state armed group fighting a government.
    RebelGroup,
    /// Pro-government or communal militias.
    Militia,
    /// Terrorist or transnational jihadist organisations.
    Terrorist,
    /// UN agencies, alliances, NGOs and other international bodies.
    InternationalOrganisation,
    /// Political parties and movements without arms.
    PoliticalParty,
    /// Civilians and unarmed groups.
    Civilians,
    /// Media organisations (as sources of statements).
    Media,
    /// A named individual.
    Person,
    /// Anything else.
    Other,
}

/// A reference to a collective actor (group, state, organisation).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    /// Stable dictionary id ("taliban", "af.government"), or `generic:<side>:<ISO2>`
    /// for a side the dictionary does not name ("rebels" in Sudan).
    pub id: Arc<str>,
    /// Canonical display name.
    pub name: Arc<str>,
    /// Actor class.
    pub kind: ActorKind,
    /// Country the actor belongs to, ISO 3166-1 alpha-2.
    pub country: Option<Arc<str>>,
    /// True when the actor is an unnamed generic side rather than a dictionary entry.
    pub generic: bool,
}

/// A named person, with the role and affiliation the text or dictionary gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonMention {
    /// Dictionary id when known ("ben_wallace"), else `None`.
    pub id: Option<Arc<str>>,
    /// Canonical name ("Ben Wallace").
    pub name: Arc<str>,
    /// Role or title as stated in the text, else the dictionary's.
    pub role: Option<Arc<str>>,
    /// Id of the actor the person belongs to ("gb.government").
    pub affiliation: Option<Arc<str>>,
    /// Country, ISO 3166-1 alpha-2.
    pub country: Option<Arc<str>>,
    /// True when this mention is a pronoun resolved back to the person.
    pub via_pronoun: bool,
}

/// A normalised date expression.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeMention {
    /// The normalised range, or `None` when the expression could not be anchored
    /// (no publication date for a relative expression).
    pub range: Option<DateRange>,
    /// True when the expression is relative to the publication date.
    pub relative: bool,
}

/// The payload of a mention, by type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MentionKind {
    /// A place name.
    Place(PlaceMention),
    /// A group, state or organisation.
    Actor(ActorMention),
    /// A named person (or a pronoun standing for one).
    Person(PersonMention),
    /// A date or time expression.
    Time(TimeMention),
}

/// One recognised thing in one article, with the exact span it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte span into the article text.
    pub span: Span,
    /// The surface text, `span.slice(text)`.
    pub text: String,
    /// Index of the sentence that contains the span.
    pub sentence: usize,
    /// What was recognised.
    #[serde(flatten)]
    pub kind: MentionKind,
}

impl Mention {
    /// The place payload, if this is a place mention.
    pub fn as_place(&self) -> Option<&PlaceMention> {
        match &self.kind {
            MentionKind::Place(p) => Some(p),
            _ => None,
        }
    }

    /// The actor payload, if this is an actor mention.
    pub fn as_actor(&self) -> Option<&ActorMention> {
        match &self.kind {
            MentionKind::Actor(a) => Some(a),
            _ => None,
        }
    }

    /// The person payload, if this is a person mention.
    pub fn as_person(&self) -> Option<&PersonMention> {
        match &self.kind {
            MentionKind::Person(p) => Some(p),
            _ => None,
        }
    }

    /// The time payload, if this is a time mention.
    pub fn as_time(&self) -> Option<&TimeMention> {
        match &self.kind {
            MentionKind::Time(t) => Some(t),
            _ => None,
        }
    }

    /// A short name for the mention type: `place`, `actor`, `person`, `time`.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            MentionKind::Place(_) => "place",
            MentionKind::Actor(_) => "actor",
            MentionKind::Person(_) => "person",
            MentionKind::Time(_) => "time",
        }
    }
}
