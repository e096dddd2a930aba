//! The index's binary layout: how records become one byte blob (an `fst` map
//! from name key to a postings list, a smaller `fst` of the names trusted for
//! fuzzy matching, fixed-size entry records and a string pool), and how the
//! blob is read back without parsing anything.
//!
//! The shipped blob is written by `build.rs` and embedded in the binary; user
//! files are turned into a blob of the same layout at load time. Decoding is
//! lazy: an entry is read from its 48 bytes when asked for. All integers are
//! little-endian. Shared with `build.rs`, so it uses only `std` and `fst`.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use fst::Map;

use super::key::key;
use super::record::{Kind, NameKind, Record, FLAG_DETAIL};
use super::source::{Alias, CountryRecord, Target};

/// Identifies the layout; bump `VERSION` whenever it changes.
pub const MAGIC: &[u8; 4] = b"SGZX";
/// Layout version.
pub const VERSION: u32 = 2;
const HEADER: usize = 8 + 5 * 8;
const ENTRY: usize = 48;
/// Keys shorter than this are never matched fuzzily.
pub const FUZZY_MIN_KEY: usize = 5;
/// Fuzzy-map section of the places any article may name fuzzily.
pub const FUZZY_WORLD: &str = "~~";
/// Section of entries without a country.
const NO_COUNTRY: &str = "ZZ";
/// Population from which a place is in the world section.
const FUZZY_WORLD_POPULATION: u64 = 200_000;

/// Bytes that are either embedded in the binary or owned.
pub type Bytes = Cow<'static, [u8]>;

/// Joins records and aliases into the final entry list: countries first,
/// duplicates (same GeoNames id) merged, capitals flagged, aliases attached.
/// Returns the aliases whose target is not among the records.
pub fn assemble(
    countries: Vec<CountryRecord>,
    places: Vec<Record>,
    aliases: Vec<Alias>,
) -> (Vec<Record>, Vec<Alias>) {
    let mut records: Vec<Record> = Vec::with_capacity(countries.len() + places.len());
    let mut by_id: HashMap<u64, usize> = HashMap::new();
    let mut by_country: HashMap<String, usize> = HashMap::new();
    let mut capitals = Vec::new();
    for c in countries {
        by_country.insert(c.record.country.clone(), records.len());
        if c.record.geonameid != 0 {
            by_id.insert(c.record.geonameid, records.len());
        }
        capitals.push((c.record.country.clone(), key(&c.capital)));
        records.push(c.record);
    }
    let mut gcodes: HashMap<(String, String), String> = HashMap::new();
    for r in places {
        if r.geonameid != 0 {
            if let Some(&i) = by_id.get(&r.geonameid) {
                let old = &mut records[i];
                old.flags |= r.flags;
                for n in r.names {
                    if !old.names.contains(&n) {
                        old.names.push(n);
                    }
                }
                continue;
            }
            by_id.insert(r.geonameid, records.len());
        }
        if r.kind == Kind::Admin1 && !r.admin1_gcode.is_empty() {
            gcodes.insert(
                (r.country.clone(), r.admin1_gcode.clone()),
                r.admin1_code.clone(),
            );
        }
        records.push(r);
    }
    for r in records.iter_mut() {
        if r.admin1_code.is_empty() && !r.admin1_gcode.is_empty() {
            if let Some(code) = gcodes.get(&(r.country.clone(), r.admin1_gcode.clone())) {
                r.admin1_code = code.clone();
            }
        }
    }
    flag_capitals(&mut records, &capitals);
    let mut unresolved = Vec::new();
    for a in aliases {
        let idx = match &a.target {
            Target::Geonameid(id) => by_id.get(id),
            Target::Country(c) => by_country.get(c),
        };
        match idx {
            Some(&i) => records[i].names.push((a.name, a.kind)),
            None => unresolved.push(a),
        }
    }
    (records, unresolved)
}

fn flag_capitals(records: &mut [Record], capitals: &[(String, String)]) {
    let wanted: HashMap<&str, &str> = capitals
        .iter()
        .filter(|(_, k)| !k.is_empty())
        .map(|(c, k)| (c.as_str(), k.as_str()))
        .collect();
    let mut best: HashMap<&str, usize> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if r.kind != Kind::City {
            continue;
        }
        let Some(cap) = wanted.get(r.country.as_str()) else {
            continue;
        };
        if !r.names.iter().any(|(n, _)| key(n) == *cap) {
            continue;
        }
        let better = match best.get(r.country.as_str()) {
            Some(&j) => records[j].population < r.population,
            None => true,
        };
        if better {
            best.insert(r.country.as_str(), i);
        }
    }
    let chosen: Vec<usize> = best.into_values().collect();
    for i in chosen {
        records[i].flags |= super::record::FLAG_CAPITAL;
    }
}

/// True if a name of this record may be matched fuzzily: only admin units,
/// countries and places big enough (or from a detailed source) to be worth
/// the risk of a false match.
fn fuzzy_eligible(r: &Record, kind: NameKind) -> bool {
    matches!(kind, NameKind::Primary | NameKind::Alias)
        && match r.kind {
            Kind::Country | Kind::Admin1 | Kind::Admin2 => true,
            Kind::City => r.population >= 15_000 || r.flags & FLAG_DETAIL != 0,
            Kind::Other => false,
        }
}

struct Strings {
    bytes: Vec<u8>,
    seen: HashMap<String, u32>,
}

impl Strings {
    fn add(&mut self, s: &str, max: usize) -> (u32, usize) {
        let s = truncate(s, max);
        if let Some(&off) = self.seen.get(s) {
            return (off, s.len());
        }
        let off = self.bytes.len() as u32;
        self.bytes.extend_from_slice(s.as_bytes());
        self.seen.insert(s.to_string(), off);
        (off, s.len())
    }
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Writes records into one index blob.
pub fn write(records: &[Record]) -> Result<Vec<u8>, fst::Error> {
    let mut strings = Strings {
        bytes: Vec::new(),
        seen: HashMap::new(),
    };
    let mut entries = Vec::with_capacity(records.len() * ENTRY);
    let mut keys: BTreeMap<String, Vec<(u32, NameKind)>> = BTreeMap::new();
    // Fuzzy keys are sectioned by country, plus a world section of big places,
    // so a search only walks the part of the map it may accept.
    let mut fuzzy_keys: BTreeMap<String, String> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        let (name_off, name_len) = strings.add(&r.name, u16::MAX as usize);
        let (a1_off, a1_len) = strings.add(&r.admin1_code, u8::MAX as usize);
        let (g_off, g_len) = strings.add(&r.admin1_gcode, u8::MAX as usize);
        entries.extend_from_slice(&r.geonameid.to_le_bytes());
        entries.extend_from_slice(&(r.lat as f32).to_le_bytes());
        entries.extend_from_slice(&(r.lon as f32).to_le_bytes());
        entries.extend_from_slice(&r.population.to_le_bytes());
        entries.extend_from_slice(&name_off.to_le_bytes());
        entries.extend_from_slice(&(name_len as u16).to_le_bytes());
        entries.push(r.kind as u8);
        entries.push(r.flags);
        let c = r.country.as_bytes();
        entries.extend_from_slice(&[
            c.first().copied().unwrap_or(0),
            c.get(1).copied().unwrap_or(0),
        ]);
        entries.extend_from_slice(&a1_off.to_le_bytes());
        entries.push(a1_len as u8);
        entries.extend_from_slice(&g_off.to_le_bytes());
        entries.push(g_len as u8);
        entries.extend_from_slice(&[0; 4]);
        for (name, kind) in &r.names {
            let k = key(name);
            if k.is_empty() {
                continue;
            }
            if fuzzy_eligible(r, *kind) && k.len() >= FUZZY_MIN_KEY {
                let country = if r.country.len() == 2 {
                    r.country.as_str()
                } else {
                    NO_COUNTRY
                };
                fuzzy_keys.insert(format!("{country}\0{k}"), k.clone());
                if r.population >= FUZZY_WORLD_POPULATION || r.kind == Kind::Country {
                    fuzzy_keys.insert(format!("{FUZZY_WORLD}\0{k}"), k.clone());
                }
            }
            let list = keys.entry(k).or_default();
            match list.iter_mut().find(|(e, _)| *e == i as u32) {
                // One entry per list, under the strongest of its names.
                Some(p) => p.1 = p.1.min(*kind),
                None => list.push((i as u32, *kind)),
            }
        }
    }
    let mut postings: Vec<u8> = Vec::new();
    let mut main = fst::MapBuilder::memory();
    let mut offsets: HashMap<&str, u64> = HashMap::new();
    for (k, list) in &keys {
        let off = (postings.len() / 4) as u64;
        postings.extend_from_slice(&(list.len() as u32).to_le_bytes());
        for (e, kind) in list {
            postings.extend_from_slice(&e.to_le_bytes());
            postings.extend_from_slice(&(*kind as u32).to_le_bytes());
        }
        main.insert(k, off)?;
        offsets.insert(k.as_str(), off);
    }
    let mut fuzzy = fst::MapBuilder::memory();
    for (sectioned, k) in &fuzzy_keys {
        fuzzy.insert(sectioned, offsets[k.as_str()])?;
    }
    let main = main.into_inner()?;
    let fuzzy = fuzzy.into_inner()?;
    let mut out = Vec::with_capacity(
        HEADER + main.len() + fuzzy.len() + postings.len() + entries.len() + strings.bytes.len(),
    );
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    for len in [
        main.len(),
        fuzzy.len(),
        postings.len(),
        records.len(),
        strings.bytes.len(),
    ] {
        out.extend_from_slice(&(len as u64).to_le_bytes());
    }
    out.extend_from_slice(&main);
    out.extend_from_slice(&fuzzy);
    out.extend_from_slice(&postings);
    out.extend_from_slice(&entries);
    out.extend_from_slice(&strings.bytes);
    Ok(out)
}

/// One index blob, read in place.
pub struct Layer {
    data: Bytes,
    main: Map<Bytes>,
    fuzzy: Map<Bytes>,
    postings: Range<usize>,
    entries: Range<usize>,
    len: usize,
    strings: Range<usize>,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut a = [0; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut a = [0; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

fn sub(data: &Bytes, r: Range<usize>) -> Bytes {
    match data {
        Cow::Borrowed(b) => Cow::Borrowed(&b[r]),
        Cow::Owned(v) => Cow::Owned(v[r].to_vec()),
    }
}

/// The raw fields of one entry.
#[derive(Clone, Copy, Debug)]
pub struct RawEntry<'a> {
    /// GeoNames id, 0 when none.
    pub geonameid: u64,
    /// Latitude.
    pub lat: f32,
    /// Longitude.
    pub lon: f32,
    /// Population.
    pub population: u64,
    /// Canonical name.
    pub name: &'a str,
    /// Kind.
    pub kind: Kind,
    /// `FLAG_*` bits.
    pub flags: u8,
    /// ISO 3166-1 alpha-2, empty when none.
    pub country: &'a str,
    /// ISO 3166-2 of the admin1.
    pub admin1_code: &'a str,
    /// GeoNames admin1 code.
    pub admin1_gcode: &'a str,
}

impl Layer {
    /// Reads a blob written by [`write`]; checks the header and that every
    /// section fits, so later reads cannot go out of bounds.
    pub fn from_bytes(data: Bytes) -> Result<Layer, String> {
        let b: &[u8] = &data;
        if b.len() < HEADER || &b[..4] != MAGIC {
            return Err("not a sitrep gazetteer index".into());
        }
        let version = u32_at(b, 4);
        if version != VERSION {
            return Err(format!("index version {version}, expected {VERSION}"));
        }
        let lens: Vec<usize> = (0..5).map(|i| u64_at(b, 8 + 8 * i) as usize).collect();
        let mut at = HEADER;
        let mut take = |n: usize| {
            let r = at..at.saturating_add(n);
            at = r.end;
            r
        };
        let main = take(lens[0]);
        let fuzzy = take(lens[1]);
        let postings = take(lens[2]);
        let entries = take(lens[3].saturating_mul(ENTRY));
        let strings = take(lens[4]);
        if strings.end != b.len() {
            return Err("index is truncated or has trailing bytes".into());
        }
        let main_map = Map::new(sub(&data, main)).map_err(|e| e.to_string())?;
        let fuzzy_map = Map::new(sub(&data, fuzzy)).map_err(|e| e.to_string())?;
        Ok(Layer {
            main: main_map,
            fuzzy: fuzzy_map,
            postings,
            entries,
            len: lens[3],
            strings,
            data,
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The name-key map.
    pub fn main(&self) -> &Map<Bytes> {
        &self.main
    }

    /// The map of keys trusted for fuzzy matching.
    pub fn fuzzy(&self) -> &Map<Bytes> {
        &self.fuzzy
    }

    fn string(&self, off: u32, len: usize) -> &str {
        let s = &self.data[self.strings.clone()];
        let start = (off as usize).min(s.len());
        let end = start.saturating_add(len).min(s.len());
        std::str::from_utf8(&s[start..end]).unwrap_or("")
    }

    /// Entry `i`; panics if `i >= len()`, which is a bug in the caller.
    pub fn entry(&self, i: u32) -> RawEntry<'_> {
        let at = self.entries.start + i as usize * ENTRY;
        let b = &self.data[at..at + ENTRY];
        let country = std::str::from_utf8(&b[32..34])
            .ok()
            .filter(|c| c.bytes().all(|x| x.is_ascii_uppercase()))
            .unwrap_or("");
        RawEntry {
            geonameid: u64_at(b, 0),
            lat: f32::from_bits(u32_at(b, 8)),
            lon: f32::from_bits(u32_at(b, 12)),
            population: u64_at(b, 16),
            name: self.string(u32_at(b, 24), u16::from_le_bytes([b[28], b[29]]) as usize),
            kind: Kind::from_byte(b[30]),
            flags: b[31],
            country,
            admin1_code: self.string(u32_at(b, 34), b[38] as usize),
            admin1_gcode: self.string(u32_at(b, 39), b[43] as usize),
        }
    }

    /// The postings list stored at `value` (an fst output): entries and the
    /// kind of name that led to them. Out-of-range values yield nothing.
    pub fn postings(&self, value: u64) -> impl Iterator<Item = (u32, NameKind)> + '_ {
        let p = &self.data[self.postings.clone()];
        let at = (value as usize).saturating_mul(4);
        let count = if at + 4 <= p.len() {
            u32_at(p, at) as usize
        } else {
            0
        };
        let len = self.len;
        (0..count).filter_map(move |i| {
            let off = at + 4 + i * 8;
            if off + 8 > p.len() {
                return None;
            }
            let e = u32_at(p, off);
            ((e as usize) < len).then(|| (e, NameKind::from_byte(u32_at(p, off + 4) as u8)))
        })
    }
}
