//! The four kinds of dictionary entry, as stored after loading, and the raw
//! forms a TOML file gives them in (every field optional, so a later file can
//! amend an earlier entry by naming only what changes).

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_model::ActorKind;

/// A collective actor: a state's government or forces, an armed group, an
/// organisation, a media outlet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable lowercase id ("taliban", "af.forces").
    pub id: Arc<str>,
    /// Canonical display name.
    pub name: Arc<str>,
    /// Actor class.
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-2 country the actor belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Arc<str>>,
    /// CAMEO actor code, when one applies ("AFGREB").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// Names that always mean this actor (the canonical name is implied).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Names that mean this actor only in articles about its `country`
    /// ("insurgents" for the Taliban in an Afghan article).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub generic_aliases: Vec<String>,
    /// Focus countries where `generic_aliases` apply, when not only the actor's
    /// own (the Saudi-led coalition is "the coalition" in Yemeni articles).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub generic_in: Vec<String>,
}

impl Actor {
    /// The focus countries in which the generic aliases apply.
    pub fn generic_countries(&self) -> impl Iterator<Item = &str> {
        let own = self
            .generic_in
            .is_empty()
            .then_some(self.country.as_deref())
            .flatten();
        self.generic_in.iter().map(String::as_str).chain(own)
    }
}

/// A period during which a person held the dictionary role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Active {
    /// First day, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Last day, if it has ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

/// A named individual.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Stable lowercase id ("ben_wallace").
    pub id: Arc<str>,
    /// Canonical name ("Ben Wallace").
    pub name: Arc<str>,
    /// Role or office, used when the text states none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Arc<str>>,
    /// Id of the actor the person belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<Arc<str>>,
    /// ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Arc<str>>,
    /// CAMEO code of the role, when imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// Other spellings, short forms, transliterations, common garblings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// When the role was held (informational; recognition does not filter on it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<Active>,
}

/// A country as an actor's frame: its names, adjectives, and which actors
/// stand for its government and its forces.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// Names that, used as an actor ("Britain said"), stand for the government.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// Adjectives and attributive forms ("British", "U.S.") that, before a
    /// generic side ("British troops"), give the side its country.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjectives: Vec<String>,
    /// Id of the actor for the country's government.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub government: Option<String>,
    /// Id of the actor for the country's armed forces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forces: Option<String>,
}

/// Which state actor a generic side stands for once its country is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StateRole {
    /// The country's armed forces ("troops", "army").
    Forces,
    /// The country's government ("government", "authorities").
    Government,
}

/// A generic side: a common noun for a party to a conflict ("rebels",
/// "security forces", "villagers"), recognised as `generic:<id>:<ISO2>` when
/// no specific actor fits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// Short lowercase id, used in `generic:<id>:<ISO2>` ("rebels").
    pub id: String,
    /// Display name ("Rebels").
    pub name: Arc<str>,
    /// Actor class of the side.
    pub kind: ActorKind,
    /// The nouns and noun phrases, singular and plural.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// With a country ("Afghan troops"), the side is that country's forces or
    /// government actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<StateRole>,
    /// Also resolve through the article's focus country when no country is
    /// written ("government forces" in an Afghan article): only for phrases that
    /// cannot mean a foreign state.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub focus: bool,
    /// The side's nouns also name one person's job ("official",
    /// "journalist"): after an indefinite article ("a provincial official")
    /// or as an audience ("told reporters") they are not a party.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub role_noun: bool,
}

/// One TOML file's content, as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    #[serde(default)]
    pub actor: Vec<RawActor>,
    #[serde(default)]
    pub person: Vec<RawPerson>,
    #[serde(default)]
    pub country: Vec<RawCountry>,
    #[serde(default)]
    pub side: Vec<RawSide>,
}

/// Output shape for [`crate::ActorDictionary::to_toml`].
#[derive(Serialize)]
pub(crate) struct FileOut<'a> {
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub country: &'a [Country],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub side: &'a [Side],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub actor: &'a [Actor],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub person: &'a [Person],
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawActor {
    pub id: String,
    pub name: Option<String>,
    pub kind: Option<ActorKind>,
    pub country: Option<String>,
    pub cameo: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub generic_aliases: Vec<String>,
    #[serde(default)]
    pub generic_in: Vec<String>,
    #[serde(default)]
    pub replace: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPerson {
    pub id: String,
    pub name: Option<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub country: Option<String>,
    pub cameo: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub active: Option<Active>,
    #[serde(default)]
    pub replace: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCountry {
    pub code: String,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
    pub government: Option<String>,
    pub forces: Option<String>,
    #[serde(default)]
    pub replace: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSide {
    pub id: String,
    pub name: Option<String>,
    pub kind: Option<ActorKind>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub state: Option<StateRole>,
    pub focus: Option<bool>,
    pub role_noun: Option<bool>,
    #[serde(default)]
    pub replace: bool,
}

/// Appends the names in `more` that `into` lacks (compared folded).
fn extend_names(into: &mut Vec<String>, more: Vec<String>) {
    for name in more {
        let folded = sitrep_text::fold(&name);
        if !into.iter().any(|n| sitrep_text::fold(n) == folded) {
            into.push(name);
        }
    }
}

fn set<T>(slot: &mut Option<T>, value: Option<T>) {
    if value.is_some() {
        *slot = value;
    }
}

/// How a raw entry becomes a stored one, or amends one already stored.
pub(crate) trait Amend: Sized {
    /// The stored form.
    type Stored;
    /// The key entries merge on (id, or country code).
    fn key(&self) -> &str;
    /// True if the entry replaces an earlier one instead of amending it.
    fn replaces(&self) -> bool;
    /// A new stored entry; `Err` names the missing field.
    fn create(self) -> Result<Self::Stored, String>;
    /// Amends an existing entry: set fields override, lists extend.
    fn amend(self, stored: &mut Self::Stored);
}

fn required<T>(value: Option<T>, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing `{field}` (required for a new entry)"))
}

impl Amend for RawActor {
    type Stored = Actor;
    fn key(&self) -> &str {
        &self.id
    }
    fn replaces(&self) -> bool {
        self.replace
    }
    fn create(self) -> Result<Actor, String> {
        Ok(Actor {
            name: required(self.name, "name")?.into(),
            kind: required(self.kind, "kind")?,
            id: self.id.into(),
            country: self.country.map(Into::into),
            cameo: self.cameo,
            aliases: self.aliases,
            generic_aliases: self.generic_aliases,
            generic_in: self.generic_in,
        })
    }
    fn amend(self, a: &mut Actor) {
        set(&mut a.country, self.country.map(Into::into));
        set(&mut a.cameo, self.cameo);
        if let Some(name) = self.name {
            a.name = name.into();
        }
        if let Some(kind) = self.kind {
            a.kind = kind;
        }
        extend_names(&mut a.aliases, self.aliases);
        extend_names(&mut a.generic_aliases, self.generic_aliases);
        extend_names(&mut a.generic_in, self.generic_in);
    }
}

impl Amend for RawPerson {
    type Stored = Person;
    fn key(&self) -> &str {
        &self.id
    }
    fn replaces(&self) -> bool {
        self.replace
    }
    fn create(self) -> Result<Person, String> {
        Ok(Person {
            name: required(self.name, "name")?.into(),
            id: self.id.into(),
            role: self.role.map(Into::into),
            affiliation: self.affiliation.map(Into::into),
            country: self.country.map(Into::into),
            cameo: self.cameo,
            aliases: self.aliases,
            active: self.active,
        })
    }
    fn amend(self, p: &mut Person) {
        if let Some(name) = self.name {
            p.name = name.into();
        }
        set(&mut p.role, self.role.map(Into::into));
        set(&mut p.affiliation, self.affiliation.map(Into::into));
        set(&mut p.country, self.country.map(Into::into));
        set(&mut p.cameo, self.cameo);
        set(&mut p.active, self.active);
        extend_names(&mut p.aliases, self.aliases);
    }
}

impl Amend for RawCountry {
    type Stored = Country;
    fn key(&self) -> &str {
        &self.code
    }
    fn replaces(&self) -> bool {
        self.replace
    }
    fn create(self) -> Result<Country, String> {
        Ok(Country {
            code: self.code,
            names: self.names,
            adjectives: self.adjectives,
            government: self.government,
            forces: self.forces,
        })
    }
    fn amend(self, c: &mut Country) {
        set(&mut c.government, self.government);
        set(&mut c.forces, self.forces);
        extend_names(&mut c.names, self.names);
        extend_names(&mut c.adjectives, self.adjectives);
    }
}

impl Amend for RawSide {
    type Stored = Side;
    fn key(&self) -> &str {
        &self.id
    }
    fn replaces(&self) -> bool {
        self.replace
    }
    fn create(self) -> Result<Side, String> {
        Ok(Side {
            name: required(self.name, "name")?.into(),
            kind: required(self.kind, "kind")?,
            id: self.id,
            aliases: self.aliases,
            state: self.state,
            focus: self.focus.unwrap_or(false),
            role_noun: self.role_noun.unwrap_or(false),
        })
    }
    fn amend(self, s: &mut Side) {
        if let Some(name) = self.name {
            s.name = name.into();
        }
        if let Some(kind) = self.kind {
            s.kind = kind;
        }
        set(&mut s.state, self.state);
        if let Some(focus) = self.focus {
            s.focus = focus;
        }
        if let Some(role_noun) = self.role_noun {
            s.role_noun = role_noun;
        }
        extend_names(&mut s.aliases, self.aliases);
    }
}
