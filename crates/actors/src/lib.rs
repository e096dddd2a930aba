//! The actor dictionary: who can act in a conflict report, under which names.
//!
//! An [`ActorDictionary`] holds four kinds of entry, read from TOML (the format
//! is documented in `data/actors/README.md`):
//!
//! - [`Actor`]s: governments, armed forces, armed groups, organisations, media;
//! - [`Person`]s: named individuals with a role and an affiliation;
//! - [`Country`] frames: a country's names and adjectives and which actors are
//!   its government and its forces ("British troops" → `gb.forces`);
//! - generic [`Side`]s: common nouns for parties ("rebels", "villagers") that
//!   recognition reports as `generic:<side>:<ISO2>` when nothing specific fits.
//!
//! The shipped dictionaries are compiled in ([`ActorDictionary::shipped`]); a
//! user directory of `*.toml` files amends them by id
//! ([`ActorDictionary::load_dir`]); CAMEO/Phoenix dictionaries convert with
//! [`import_cameo`]. Every alias goes into one automaton, built once per
//! dictionary, that [`ActorDictionary::scan`] runs over a text.
//!
//! This crate does not decide what a match means in context (which country a
//! generic side belongs to, whether a pronoun stands for a person, what title
//! precedes a name): that is `sitrep-recognise`'s job. It does no I/O beyond
//! reading the files it is pointed at.
//!
//! ```
//! use sitrep_actors::ActorDictionary;
//! let dict = ActorDictionary::shipped().unwrap();
//! let text = "Taliban fighters entered the city.";
//! let found = dict.scan(text);
//! assert_eq!(found[0].span.slice(text), "Taliban");
//! ```

use std::collections::HashMap;
use std::path::Path;

mod cameo;
mod entry;
mod error;
mod iso;
mod matcher;

pub use cameo::import_cameo;
pub use entry::{Active, Actor, Country, Person, Side, StateRole};
pub use error::ActorError;
pub use matcher::{AliasMatch, AliasTargets, Owner};

use entry::{Amend, FileOut, RawFile};
use matcher::{Matcher, MatcherBuilder};

/// The dictionaries shipped with sitrep, in load order (later files amend
/// earlier ones).
const SHIPPED: &[(&str, &str)] = &[
    (
        "generic.toml",
        include_str!("../../../data/actors/generic.toml"),
    ),
    (
        "global.toml",
        include_str!("../../../data/actors/global.toml"),
    ),
    (
        "countries.toml",
        include_str!("../../../data/actors/countries.toml"),
    ),
    (
        "afghanistan.toml",
        include_str!("../../../data/actors/afghanistan.toml"),
    ),
    (
        "syria.toml",
        include_str!("../../../data/actors/syria.toml"),
    ),
    (
        "russia_ukraine.toml",
        include_str!("../../../data/actors/russia_ukraine.toml"),
    ),
    (
        "israel_palestine_lebanon.toml",
        include_str!("../../../data/actors/israel_palestine_lebanon.toml"),
    ),
    (
        "yemen.toml",
        include_str!("../../../data/actors/yemen.toml"),
    ),
    (
        "sudan.toml",
        include_str!("../../../data/actors/sudan.toml"),
    ),
    (
        "sahel.toml",
        include_str!("../../../data/actors/sahel.toml"),
    ),
    (
        "myanmar.toml",
        include_str!("../../../data/actors/myanmar.toml"),
    ),
    (
        "ethiopia.toml",
        include_str!("../../../data/actors/ethiopia.toml"),
    ),
    (
        "somalia.toml",
        include_str!("../../../data/actors/somalia.toml"),
    ),
    (
        "great_lakes.toml",
        include_str!("../../../data/actors/great_lakes.toml"),
    ),
    (
        "caucasus.toml",
        include_str!("../../../data/actors/caucasus.toml"),
    ),
];

/// Actors, people, country frames and generic sides, with the alias automaton
/// built over all of them.
#[derive(Clone, Debug, Default)]
pub struct ActorDictionary {
    actors: Vec<Actor>,
    people: Vec<Person>,
    countries: Vec<Country>,
    sides: Vec<Side>,
    actor_index: HashMap<String, usize>,
    person_index: HashMap<String, usize>,
    country_index: HashMap<String, usize>,
    side_index: HashMap<String, usize>,
    matcher: Matcher,
}

impl ActorDictionary {
    /// The dictionaries compiled into sitrep.
    pub fn shipped() -> Result<ActorDictionary, ActorError> {
        let mut dict = ActorDictionary::default();
        for (name, src) in SHIPPED {
            dict.merge_toml(src, &format!("<shipped:{name}>"))?;
        }
        dict.rebuild()?;
        Ok(dict)
    }

    /// A dictionary from one TOML text.
    pub fn from_toml_str(src: &str) -> Result<ActorDictionary, ActorError> {
        ActorDictionary::default().extend_toml(src, "<string>")
    }

    /// Amends this dictionary with one TOML text; `origin` names it in errors.
    pub fn extend_toml(mut self, src: &str, origin: &str) -> Result<ActorDictionary, ActorError> {
        self.merge_toml(src, origin)?;
        self.rebuild()?;
        Ok(self)
    }

    /// Amends this dictionary with one TOML file.
    pub fn load_file(self, path: &Path) -> Result<ActorDictionary, ActorError> {
        let src = read(path)?;
        self.extend_toml(&src, &path.display().to_string())
    }

    /// Amends this dictionary with every `*.toml` file in `dir`, in file name
    /// order. An entry whose id (or country code) is already known amends it:
    /// fields it sets override, alias lists extend; `replace = true` replaces
    /// the entry outright.
    pub fn load_dir(mut self, dir: &Path) -> Result<ActorDictionary, ActorError> {
        let io = |source| ActorError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let path = entry.map_err(io)?.path();
            if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
                files.push(path);
            }
        }
        files.sort();
        for path in files {
            let src = read(&path)?;
            self.merge_toml(&src, &path.display().to_string())?;
        }
        self.rebuild()?;
        Ok(self)
    }

    /// The whole dictionary as TOML in the documented format; reading it back
    /// gives the same dictionary.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(&FileOut {
            country: &self.countries,
            side: &self.sides,
            actor: &self.actors,
            person: &self.people,
        })
        // Serialising plain strings, lists and enums cannot fail.
        .unwrap_or_default();
        format!("# sitrep actor dictionary; format: data/actors/README.md\n\n{body}")
    }

    /// Number of actors and people.
    pub fn len(&self) -> usize {
        self.actors.len() + self.people.len()
    }

    /// True if there are no actors and no people.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every actor, in load order (an [`Owner::Actor`] index points here).
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// Every person, in load order (an [`Owner::Person`] index points here).
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// Every country frame.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// Every generic side.
    pub fn sides(&self) -> &[Side] {
        &self.sides
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_index.get(id).map(|&i| &self.actors[i])
    }

    /// The country of the actor or person an alias always means.
    pub fn owner_country(&self, owner: Owner) -> Option<&str> {
        match owner {
            Owner::Actor(i) => self.actors.get(i)?.country.as_deref(),
            Owner::Person(i) => self.people.get(i)?.country.as_deref(),
        }
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.person_index.get(id).map(|&i| &self.people[i])
    }

    /// The country frame for an ISO2 code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index.get(code).map(|&i| &self.countries[i])
    }

    /// The generic side with this id.
    pub fn side(&self, id: &str) -> Option<&Side> {
        self.side_index.get(id).map(|&i| &self.sides[i])
    }

    /// Number of distinct folded aliases in the automaton.
    pub fn alias_count(&self) -> usize {
        self.matcher.len()
    }

    /// Every alias occurrence in `text`: byte spans into `text`, in order,
    /// leftmost-longest and non-overlapping.
    pub fn scan<'d>(&'d self, text: &str) -> Vec<AliasMatch<'d>> {
        self.matcher.find(text)
    }

    /// References to ids that no entry defines (`person "x": affiliation "y"`),
    /// for checking a dictionary; recognition tolerates them.
    pub fn dangling_references(&self) -> Vec<String> {
        let mut out = Vec::new();
        for p in &self.people {
            if let Some(a) = &p.affiliation {
                if !self.actor_index.contains_key(&**a) {
                    out.push(format!("person {:?}: affiliation {a:?}", p.id));
                }
            }
        }
        for c in &self.countries {
            for id in [&c.government, &c.forces].into_iter().flatten() {
                if !self.actor_index.contains_key(id) {
                    out.push(format!("country {:?}: actor {id:?}", c.code));
                }
            }
        }
        out
    }

    /// Builds a dictionary from entries already made (used by the importer).
    pub(crate) fn from_parts(
        actors: Vec<Actor>,
        people: Vec<Person>,
        countries: Vec<Country>,
        sides: Vec<Side>,
    ) -> Result<ActorDictionary, ActorError> {
        let mut dict = ActorDictionary {
            actors,
            people,
            countries,
            sides,
            ..ActorDictionary::default()
        };
        dict.rebuild()?;
        Ok(dict)
    }

    fn merge_toml(&mut self, src: &str, origin: &str) -> Result<(), ActorError> {
        let raw: RawFile = toml::from_str(src).map_err(|e| ActorError::Toml {
            origin: origin.to_string(),
            line: e.span().map_or(0, |s| line_at(src, s.start)),
            message: e.message().to_string(),
        })?;
        let ctx = Context { src, origin };
        for a in &raw.actor {
            ctx.check_id("actor", &a.id)?;
            ctx.check_country("actor", &a.id, a.country.as_deref())?;
            for c in &a.generic_in {
                ctx.check_country("actor", &a.id, Some(c))?;
            }
            ctx.check_aliases("actor", &a.id, a.aliases.iter().chain(&a.generic_aliases))?;
        }
        for p in &raw.person {
            ctx.check_id("person", &p.id)?;
            ctx.check_country("person", &p.id, p.country.as_deref())?;
            ctx.check_aliases("person", &p.id, p.aliases.iter())?;
        }
        for c in &raw.country {
            ctx.check_country("country", &c.code, Some(&c.code))?;
            ctx.check_aliases("country", &c.code, c.names.iter().chain(&c.adjectives))?;
        }
        for s in &raw.side {
            ctx.check_id("side", &s.id)?;
            ctx.check_aliases("side", &s.id, s.aliases.iter())?;
        }
        ctx.merge("actor", raw.actor, &mut self.actors, &mut self.actor_index)?;
        ctx.merge(
            "person",
            raw.person,
            &mut self.people,
            &mut self.person_index,
        )?;
        ctx.merge(
            "country",
            raw.country,
            &mut self.countries,
            &mut self.country_index,
        )?;
        ctx.merge("side", raw.side, &mut self.sides, &mut self.side_index)?;
        for a in &self.actors {
            if a.generic_countries().next().is_none() && !a.generic_aliases.is_empty() {
                return Err(ctx.invalid(
                    "actor",
                    &a.id,
                    "generic_aliases apply only in the actor's country: set `country` or `generic_in`",
                ));
            }
        }
        Ok(())
    }

    /// Rebuilds the id indexes and the alias automaton.
    fn rebuild(&mut self) -> Result<(), ActorError> {
        fn index<T>(items: &[T], key: impl Fn(&T) -> &str) -> HashMap<String, usize> {
            items
                .iter()
                .enumerate()
                .map(|(i, t)| (key(t).to_string(), i))
                .collect()
        }
        self.actor_index = index(&self.actors, |a| &a.id);
        self.person_index = index(&self.people, |p| &p.id);
        self.country_index = index(&self.countries, |c| &c.code);
        self.side_index = index(&self.sides, |s| &s.id);

        let mut b = MatcherBuilder::default();
        for (i, s) in self.sides.iter().enumerate() {
            for alias in &s.aliases {
                b.add(alias, |t| t.side = Some(i));
            }
        }
        for (i, c) in self.countries.iter().enumerate() {
            for name in &c.names {
                b.add(name, |t| t.country_name = Some(i));
            }
            for adj in &c.adjectives {
                b.add(adj, |t| t.country_adjective = Some(i));
            }
        }
        for (i, a) in self.actors.iter().enumerate() {
            for alias in std::iter::once(&*a.name).chain(a.aliases.iter().map(String::as_str)) {
                b.add(alias, |t| t.owner = Some(Owner::Actor(i)));
            }
            for country in a.generic_countries() {
                for alias in &a.generic_aliases {
                    b.add(alias, |t| t.focus.push((country.to_string(), i)));
                }
            }
        }
        for (i, p) in self.people.iter().enumerate() {
            for alias in std::iter::once(&*p.name).chain(p.aliases.iter().map(String::as_str)) {
                b.add(alias, |t| t.owner = Some(Owner::Person(i)));
            }
        }
        self.matcher = b.build()?;
        Ok(())
    }
}

fn read(path: &Path) -> Result<String, ActorError> {
    std::fs::read_to_string(path).map_err(|source| ActorError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// 1-based line number of a byte offset.
fn line_at(src: &str, offset: usize) -> usize {
    src.as_bytes()[..offset.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// One source being merged: for error messages.
struct Context<'a> {
    src: &'a str,
    origin: &'a str,
}

impl Context<'_> {
    fn invalid(&self, what: &str, id: &str, message: &str) -> ActorError {
        let line = self
            .src
            .find(&format!("\"{id}\""))
            .map_or(0, |at| line_at(self.src, at));
        ActorError::Invalid {
            origin: self.origin.to_string(),
            line,
            what: format!("{what} {id:?}"),
            message: message.to_string(),
        }
    }

    fn check_id(&self, what: &str, id: &str) -> Result<(), ActorError> {
        let ok = !id.is_empty()
            && id.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-')
            });
        if ok {
            Ok(())
        } else {
            Err(self.invalid(
                what,
                id,
                "ids are lowercase ASCII letters, digits, '.', '_' or '-'",
            ))
        }
    }

    fn check_country(&self, what: &str, id: &str, code: Option<&str>) -> Result<(), ActorError> {
        match code {
            Some(c) if c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_uppercase()) => Err(self
                .invalid(
                    what,
                    id,
                    &format!("country {c:?} is not an ISO 3166-1 alpha-2 code"),
                )),
            _ => Ok(()),
        }
    }

    fn check_aliases<'s>(
        &self,
        what: &str,
        id: &str,
        mut aliases: impl Iterator<Item = &'s String>,
    ) -> Result<(), ActorError> {
        if aliases.any(|a| matcher::fold_alias(a).is_empty()) {
            return Err(self.invalid(what, id, "empty alias"));
        }
        Ok(())
    }

    fn merge<R: Amend>(
        &self,
        what: &str,
        raws: Vec<R>,
        list: &mut Vec<R::Stored>,
        index: &mut HashMap<String, usize>,
    ) -> Result<(), ActorError> {
        for raw in raws {
            let key = raw.key().to_string();
            match index.get(&key) {
                Some(&i) if !raw.replaces() => raw.amend(&mut list[i]),
                found => {
                    let entry = raw.create().map_err(|m| self.invalid(what, &key, &m))?;
                    match found {
                        Some(&i) => list[i] = entry,
                        None => {
                            index.insert(key, list.len());
                            list.push(entry);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
