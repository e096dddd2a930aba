//! Records: one gazetteer entry with every name it answers to, as read from a
//! source file and before it is written into an index.
//!
//! Shared with `build.rs`, so it uses nothing outside `std`.

/// Feature kind, stored as one byte in the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A country.
    Country = 0,
    /// A first-level subdivision.
    Admin1 = 1,
    /// A second-level subdivision.
    Admin2 = 2,
    /// A populated place.
    City = 3,
    /// A continent, sea or region.
    Other = 4,
}

impl Kind {
    /// The kind stored as `byte`; unknown bytes read as [`Kind::Other`].
    pub fn from_byte(byte: u8) -> Kind {
        match byte {
            0 => Kind::Country,
            1 => Kind::Admin1,
            2 => Kind::Admin2,
            3 => Kind::City,
            _ => Kind::Other,
        }
    }

    /// Parses the `kind` column of a places file.
    pub fn parse(s: &str) -> Option<Kind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "country" => Some(Kind::Country),
            "admin1" => Some(Kind::Admin1),
            "admin2" => Some(Kind::Admin2),
            "city" | "" => Some(Kind::City),
            "other" => Some(Kind::Other),
            _ => None,
        }
    }
}

/// How a name belongs to its entry; lower is stronger evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameKind {
    /// The entry's own name.
    Primary = 0,
    /// A curated or user alias, or a common English name of a country.
    Alias = 1,
    /// A GeoNames alternate name.
    Alternate = 2,
    /// A demonym or adjective ("Afghan", "Turkish"): a use as a modifier.
    Demonym = 3,
}

impl NameKind {
    /// The name kind stored as `byte`.
    pub fn from_byte(byte: u8) -> NameKind {
        match byte {
            0 => NameKind::Primary,
            1 => NameKind::Alias,
            3 => NameKind::Demonym,
            _ => NameKind::Alternate,
        }
    }
}

/// Flag: the entry is its country's capital.
pub const FLAG_CAPITAL: u8 = 1;
/// Flag: the entry comes from a source with fine detail for its country
/// (e.g. all Afghan places of 500 people and more), so it is trusted for fuzzy matching.
pub const FLAG_DETAIL: u8 = 2;
/// Flag: a copy of a lower layer's entry made only to carry user aliases; it hides nothing.
pub const FLAG_ALIAS_COPY: u8 = 4;

/// One entry and its names.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// GeoNames id, 0 when none.
    pub geonameid: u64,
    /// Canonical name.
    pub name: String,
    /// Feature kind.
    pub kind: Kind,
    /// ISO 3166-1 alpha-2 country code; empty for continents and seas.
    pub country: String,
    /// ISO 3166-2 code of the first-level subdivision (of itself, for an admin1).
    pub admin1_code: String,
    /// GeoNames admin1 code within the country ("10" for Helmand).
    pub admin1_gcode: String,
    /// WGS84 latitude.
    pub lat: f64,
    /// WGS84 longitude.
    pub lon: f64,
    /// Population, 0 when unknown.
    pub population: u64,
    /// `FLAG_*` bits.
    pub flags: u8,
    /// Every name, the primary one included.
    pub names: Vec<(String, NameKind)>,
}
