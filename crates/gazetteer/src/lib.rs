//! The gazetteer: every place name sitrep knows, the entries they point to,
//! and the matching that finds those names in text.
//!
//! The shipped data (GeoNames-derived, see `data/gazetteer/NOTICE.md`) is
//! indexed once at build time into a compact blob (an `fst` map from name key
//! to candidate entries, plus fixed-size entry records) that is embedded in
//! the binary, so [`Gazetteer::shipped`] does no parsing. A user extends or
//! overrides it with plain TSV files ([`Gazetteer::with_user_dir`]), which
//! [`import_geonames`] can produce from GeoNames' own dumps.
//!
//! Matching works on keys (see [`key`]): folded, separator-free, with ezafe
//! connectors and Arabic articles dropped, so common transliteration variants
//! meet. [`Gazetteer::scan`] finds names in text (leftmost-longest, from
//! capitalised words); [`Gazetteer::fuzzy`] finds names near a garbled spelling.
//!
//! # User files
//!
//! [`Gazetteer::with_user_dir`] reads, from one directory, every file named
//! `places*.tsv`, `admin1*.tsv`, `aliases*.tsv` or `demonyms*.tsv` (tab-separated,
//! one header row, `#` comments, lists separated by `|`):
//!
//! - `places*.tsv`, `admin1*.tsv`: the columns of the shipped `cities15000.tsv`,
//!   found by header name. Required: `name, latitude, longitude`; optional:
//!   `geonameid, country_iso2, geonames_admin1` (GeoNames' code, "10"),
//!   `admin1_iso_3166_2` ("AF-HEL"), `population, alternatenames`, and `kind`
//!   (`country`, `admin1`, `admin2`, `city`, `other`; default `city`, or
//!   `admin1` in an `admin1*.tsv`). A row with the GeoNames id of a shipped
//!   entry replaces it.
//! - `aliases*.tsv`: `alias, geonameid` — another name for an entry, shipped or the user's.
//! - `demonyms*.tsv`: `target, forms` — target a geonameid or ISO alpha-2 code,
//!   forms `|`-separated adjectives ("Rohingya").
//!
//! The user layer is indexed once and cached in the same directory
//! (`.sitrep-index-v<N>-<hash>.bin`). [`import_geonames`] writes such files.
//!
//! This crate does not decide which candidate a mention means, whether a
//! common word is used as a place, or how a name is used (literal, metonym):
//! that is recognition's work (`sitrep-recognise`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sitrep_model::{Place, PlaceKind};

mod fuzzy;
mod hash;
mod import;
mod key;
mod layout;
mod record;
mod scan;
mod source;
mod user;

pub use fuzzy::FuzzyHit;
pub use import::{import_geonames, ImportReport};
pub use key::key;
pub use record::NameKind;
pub use scan::{NameMatch, Scan, Sep, Word};
pub use source::SourceError;

use hash::{FastMap, FastSet};
use layout::{Bytes, Layer, RawEntry};
use record::{Kind, FLAG_CAPITAL, FLAG_DETAIL};

const SHIPPED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.idx"));
const COMMON_WORDS: &str = include_str!("../../../data/gazetteer/common_words.txt");

/// Why a gazetteer could not be loaded or extended.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// The embedded or cached index is unreadable.
    #[error("gazetteer index {what}: {message}")]
    Index {
        /// Which index.
        what: String,
        /// What is wrong.
        message: String,
    },
    /// A source file is unreadable or has a bad record.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The failure.
        source: std::io::Error,
    },
    /// An input file of an import is not in a GeoNames format.
    #[error("{path}:{line}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Identifies one entry of a gazetteer (valid only for the gazetteer it came from).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId {
    layer: u16,
    index: u32,
}

/// A country code and a GeoNames admin1 code packed into one fixed-size key,
/// so that looking an admin1 up on every entry view allocates nothing. Codes
/// longer than the key (none in GeoNames) are cut, which can only merge two
/// such codes of one country.
type GcodeKey = [u8; 24];

fn gcode_key(country: &str, gcode: &str) -> GcodeKey {
    let mut k = [0u8; 24];
    for (slot, b) in k
        .iter_mut()
        .zip(country.bytes().take(2).chain([0]).chain(gcode.bytes()))
    {
        *slot = b;
    }
    k
}

/// A candidate entry for a matched name, and how the name belongs to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Hit {
    /// The entry.
    pub entry: EntryId,
    /// Primary name, alias, alternate name or demonym.
    pub name: NameKind,
}

/// A read-only view of one entry.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'g> {
    /// Its id.
    pub id: EntryId,
    /// GeoNames id, if it has one.
    pub geonameid: Option<u64>,
    /// Canonical name.
    pub name: &'g str,
    /// Feature kind.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2, empty for continents and seas.
    pub country: &'g str,
    /// ISO 3166-2 of its first-level subdivision (its own, for an admin1), or empty.
    pub admin1_code: &'g str,
    /// The admin1 entry it lies in (itself for an admin1): found by its ISO
    /// 3166-2 code, else by its GeoNames admin1 code; `None` if neither is known.
    pub admin1: Option<EntryId>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population, 0 when unknown.
    pub population: u64,
    /// True for a country's capital city.
    pub capital: bool,
    /// True if it comes from a source with fine detail for its country.
    pub detailed: bool,
}

/// The gazetteer: the shipped index and any user layers above it.
pub struct Gazetteer {
    layers: Vec<Layer>,
    /// Per layer: where its name map stands after every two-byte start.
    prefixes: Vec<scan::Prefixes>,
    /// GeoNames ids a user layer redefines, with that layer: lower layers' entries are hidden.
    shadowed: FastMap<u64, u16>,
    countries: FastMap<String, EntryId>,
    /// Each country's capital city, by ISO 3166-1 alpha-2.
    capitals: FastMap<String, EntryId>,
    admin1: FastMap<String, EntryId>,
    admin1_by_gcode: FastMap<GcodeKey, EntryId>,
    /// The names of countries and first-level subdivisions, made once and
    /// shared by every [`Place`] that lies in them.
    shared: FastMap<EntryId, SharedNames>,
    common: FastSet<String>,
}

/// A country's or subdivision's name and code as every [`Place`] in it holds them.
struct SharedNames {
    name: Arc<str>,
    /// ISO 3166-1 alpha-2 of a country; the entry's own ISO 3166-2 of a
    /// subdivision (`None` when it has none).
    code: Option<Arc<str>>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("layers", &self.layers.len())
            .field("entries", &self.len())
            .finish()
    }
}

fn model_kind(kind: Kind) -> PlaceKind {
    match kind {
        Kind::Country => PlaceKind::Country,
        Kind::Admin1 => PlaceKind::Admin1,
        Kind::Admin2 => PlaceKind::Admin2,
        Kind::City => PlaceKind::City,
        Kind::Other => PlaceKind::Other,
    }
}

impl Gazetteer {
    /// The gazetteer built into the binary. Costs a few milliseconds (2.8 ms
    /// measured in a release build):
    /// the index is read in place; only the country and admin1 tables are
    /// gathered into hash maps.
    pub fn shipped() -> Result<Gazetteer, GazetteerError> {
        let layer = Layer::from_bytes(Bytes::Borrowed(SHIPPED)).map_err(|message| {
            GazetteerError::Index {
                what: "shipped".into(),
                message,
            }
        })?;
        let common = COMMON_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        let mut g = Gazetteer {
            layers: Vec::new(),
            prefixes: Vec::new(),
            shadowed: FastMap::default(),
            countries: FastMap::default(),
            capitals: FastMap::default(),
            admin1: FastMap::default(),
            admin1_by_gcode: FastMap::default(),
            shared: FastMap::default(),
            common,
        };
        g.push_layer(layer);
        Ok(g)
    }

    /// Extends this gazetteer with the user files in `dir` (see "User files"
    /// in the crate documentation): `places*.tsv` and `admin1*.tsv` add or
    /// replace entries (a row with the GeoNames id of a shipped entry replaces
    /// it), `aliases*.tsv` and `demonyms*.tsv` add names. A missing directory
    /// is an error; a directory without such files changes nothing.
    pub fn with_user_dir(self, dir: &Path) -> Result<Gazetteer, GazetteerError> {
        user::extend(self, dir)
    }

    fn push_layer(&mut self, layer: Layer) {
        let l = self.layers.len() as u16;
        for index in 0..layer.len() as u32 {
            let e = layer.entry(index);
            let id = EntryId { layer: l, index };
            let shared = |code: &str| SharedNames {
                name: e.name.into(),
                code: (!code.is_empty()).then(|| code.into()),
            };
            match e.kind {
                Kind::Country if !e.country.is_empty() => {
                    self.countries.insert(e.country.to_string(), id);
                    self.shared.insert(id, shared(e.country));
                }
                Kind::Admin1 => {
                    self.shared.insert(id, shared(e.admin1_code));
                    if !e.admin1_code.is_empty() {
                        self.admin1.insert(e.admin1_code.to_string(), id);
                    }
                    if !e.admin1_gcode.is_empty() {
                        self.admin1_by_gcode
                            .insert(gcode_key(e.country, e.admin1_gcode), id);
                    }
                }
                Kind::City if e.flags & FLAG_CAPITAL != 0 && !e.country.is_empty() => {
                    self.capitals.insert(e.country.to_string(), id);
                }
                _ => {}
            }
        }
        self.prefixes
            .push(scan::Prefixes::new(layer.main().as_fst()));
        self.layers.push(layer);
    }

    fn is_shadowed(&self, id: EntryId) -> bool {
        if self.shadowed.is_empty() {
            return false;
        }
        let g = self.raw(id).geonameid;
        g != 0 && self.shadowed.get(&g).is_some_and(|&l| l > id.layer)
    }

    fn raw(&self, id: EntryId) -> RawEntry<'_> {
        self.layers[id.layer as usize].entry(id.index)
    }

    /// Number of entries over all layers (shadowed ones included).
    pub fn len(&self) -> usize {
        self.layers.iter().map(Layer::len).sum()
    }

    /// True if there are no entries at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A view of an entry.
    pub fn entry(&self, id: EntryId) -> Entry<'_> {
        let r = self.raw(id);
        // Most entries carry their subdivision's ISO code; the others only
        // GeoNames' code, looked up once for both the code and the unit.
        let by_gcode = || {
            (!r.admin1_gcode.is_empty())
                .then(|| {
                    self.admin1_by_gcode
                        .get(&gcode_key(r.country, r.admin1_gcode))
                })
                .flatten()
                .copied()
        };
        let (admin1_code, admin1) = if r.admin1_code.is_empty() {
            let a = by_gcode();
            let code = a.map_or("", |a| self.raw(a).admin1_code);
            (code, if r.kind == Kind::Admin1 { Some(id) } else { a })
        } else if r.kind == Kind::Admin1 {
            (r.admin1_code, Some(id))
        } else {
            let a = self.admin1.get(r.admin1_code).copied();
            (r.admin1_code, a.or_else(by_gcode))
        };
        Entry {
            id,
            geonameid: (r.geonameid != 0).then_some(r.geonameid),
            name: r.name,
            kind: model_kind(r.kind),
            country: r.country,
            admin1_code,
            admin1,
            lat: f64::from(r.lat),
            lon: f64::from(r.lon),
            population: r.population,
            capital: r.flags & FLAG_CAPITAL != 0,
            detailed: r.flags & FLAG_DETAIL != 0,
        }
    }

    /// The entry of a country by ISO 3166-1 alpha-2 code.
    pub fn country(&self, iso2: &str) -> Option<EntryId> {
        if iso2.bytes().all(|b| !b.is_ascii_lowercase()) {
            return self.countries.get(iso2).copied();
        }
        self.countries.get(&iso2.to_ascii_uppercase()).copied()
    }

    /// The capital city of a country by ISO 3166-1 alpha-2 code ("QA" gives
    /// Doha).
    pub fn capital(&self, iso2: &str) -> Option<EntryId> {
        self.capitals.get(&iso2.to_ascii_uppercase()).copied()
    }

    /// The entry of a first-level subdivision by ISO 3166-2 code ("AF-HEL").
    pub fn admin1(&self, code: &str) -> Option<EntryId> {
        self.admin1.get(code).copied()
    }

    /// The admin1 entry an entry lies in (itself for an admin1).
    pub fn admin1_of(&self, id: EntryId) -> Option<EntryId> {
        self.entry(id).admin1
    }

    /// The GeoNames id of an entry, without decoding the rest of it.
    pub fn geonameid(&self, id: EntryId) -> Option<u64> {
        let g = self.layers[id.layer as usize].geonameid(id.index);
        (g != 0).then_some(g)
    }

    /// The entry as a model [`Place`]. Country and subdivision names are
    /// shared, not copied: only a city's own name is allocated.
    pub fn place(&self, id: EntryId) -> Place {
        self.place_of(&self.entry(id))
    }

    /// Like [`Gazetteer::place`], for an entry this gazetteer already decoded.
    pub fn place_of(&self, e: &Entry) -> Place {
        let id = e.id;
        let admin1 = if e.kind == PlaceKind::Country {
            None
        } else {
            e.admin1
        };
        let admin1_code = admin1.and_then(|a| {
            let own = self.shared.get(&a).and_then(|s| s.code.clone());
            // A subdivision without its own ISO code may have one found
            // through its GeoNames code (in another layer).
            own.or_else(|| {
                let code = self.entry(a).admin1_code;
                (!code.is_empty()).then(|| code.into())
            })
        });
        let country = self.country(e.country);
        // The country's code as this entry spells it ("af" finds "AF").
        let country_code = country
            .and_then(|c| self.shared.get(&c)?.code.as_ref())
            .filter(|code| ***code == *e.country)
            .map_or_else(|| e.country.into(), Arc::clone);
        Place {
            geonameid: e.geonameid,
            name: match self.shared.get(&id) {
                Some(s) => Arc::clone(&s.name),
                // Already decoded: no second read of the record.
                None => e.name.into(),
            },
            kind: e.kind,
            admin1: admin1.map(|a| self.shared_name(a)),
            admin1_code,
            admin2: None,
            country: country_code,
            country_name: country.map_or_else(|| "".into(), |c| self.shared_name(c)),
            lat: e.lat,
            lon: e.lon,
            population: e.population,
        }
    }

    /// The name of an entry, shared when it is a country's or subdivision's.
    fn shared_name(&self, id: EntryId) -> Arc<str> {
        match self.shared.get(&id) {
            Some(s) => Arc::clone(&s.name),
            None => self.raw(id).name.into(),
        }
    }

    /// Every entry whose name has exactly the key of `name`.
    pub fn lookup(&self, name: &str) -> Vec<Hit> {
        let k = key(name);
        let mut out = Vec::new();
        for (l, layer) in self.layers.iter().enumerate() {
            if let Some(value) = layer.main().get(&k) {
                for (index, kind) in layer.postings(value) {
                    let entry = EntryId {
                        layer: l as u16,
                        index,
                    };
                    if !self.is_shadowed(entry) {
                        out.push(Hit { entry, name: kind });
                    }
                }
            }
        }
        out
    }

    /// True if `folded` (a folded single word) is a common English word that is
    /// also a place name ("most", "police", "reading"): a match on it needs
    /// local evidence before it is taken as a place.
    pub fn is_common_word(&self, folded: &str) -> bool {
        self.common.contains(folded)
    }
}

#[cfg(test)]
mod tests;
