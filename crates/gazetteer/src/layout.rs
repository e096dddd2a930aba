//! The index's binary layout: how records become one byte blob (an `fst` map
//! from name key to a postings list, a table of the names trusted for fuzzy
//! matching sectioned by country and sorted by length, fixed-size entry
//! records and a string pool), and how the
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
pub const VERSION: u32 = 3;
const HEADER: usize = 8 + 5 * 8;
const ENTRY: usize = 48;
/// Bytes of one fuzzy-table row: letter mask, key length, postings value, key offset.
const FUZZY_ROW: usize = 16;
/// Bytes of one fuzzy-table section header: code, first row, end row.
const FUZZY_SECTION: usize = 12;
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
    // so a search only reads the part of the table it may accept.
    let mut fuzzy_keys: BTreeMap<String, Vec<String>> = BTreeMap::new();
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
                fuzzy_keys
                    .entry(country.to_string())
                    .or_default()
                    .push(k.clone());
                if r.population >= FUZZY_WORLD_POPULATION || r.kind == Kind::Country {
                    fuzzy_keys
                        .entry(FUZZY_WORLD.to_string())
                        .or_default()
                        .push(k.clone());
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
    let fuzzy = fuzzy_table(&mut fuzzy_keys, &offsets, &mut strings);
    let main = main.into_inner()?;
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

/// Letters present in a key, one bit each (digits share the top six bits):
/// one edit changes at most two bits, so keys whose masks differ in more than
/// two bits per allowed edit are skipped without computing a distance.
pub fn letter_mask(key: &[u8]) -> u32 {
    key.iter().fold(0, |m, &b| {
        m | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            _ => 1 << (26 + b % 6),
        }
    })
}

/// True if `x` has at most `n` bits set. Clearing the lowest bit `n` times
/// is cheaper than a population count on CPUs without one, for the one to
/// four bits a fuzzy search allows; those are unrolled, since this runs on
/// thousands of rows per search.
fn at_most_bits(x: u32, n: u32) -> bool {
    let clear = |x: u32| x & x.wrapping_sub(1);
    match n {
        0 => x == 0,
        1 => clear(x) == 0,
        2 => clear(clear(x)) == 0,
        3 => clear(clear(clear(x))) == 0,
        4 => clear(clear(clear(clear(x)))) == 0,
        _ => x.count_ones() <= n,
    }
}

/// Writes the fuzzy table: a count of sections, the section headers (code,
/// first row, end row) sorted by code, then the rows of every section sorted
/// by key length, so a search reads only the lengths within reach.
fn fuzzy_table(
    sections: &mut BTreeMap<String, Vec<String>>,
    offsets: &HashMap<&str, u64>,
    strings: &mut Strings,
) -> Vec<u8> {
    let mut head = Vec::new();
    let mut rows = Vec::new();
    head.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    let mut row = 0u32;
    for (code, keys) in sections.iter_mut() {
        keys.sort_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
        keys.dedup();
        let c = code.as_bytes();
        head.extend_from_slice(&[c[0], c[1], 0, 0]);
        head.extend_from_slice(&row.to_le_bytes());
        for k in keys.iter() {
            let (off, len) = strings.add(k, u8::MAX as usize);
            rows.extend_from_slice(&letter_mask(k.as_bytes()).to_le_bytes());
            rows.extend_from_slice(&(len as u32).to_le_bytes());
            rows.extend_from_slice(&(offsets[k.as_str()] as u32).to_le_bytes());
            rows.extend_from_slice(&off.to_le_bytes());
            row += 1;
        }
        head.extend_from_slice(&row.to_le_bytes());
    }
    head.extend_from_slice(&rows);
    head
}

/// One row of the fuzzy table.
#[derive(Clone, Copy, Debug)]
pub struct FuzzyRow<'a> {
    /// The postings value of the key.
    pub value: u64,
    /// The key.
    pub key: &'a [u8],
}

/// One index blob, read in place.
pub struct Layer {
    data: Bytes,
    main: Map<Bytes>,
    fuzzy: Range<usize>,
    postings: Range<usize>,
    entries: Range<usize>,
    len: usize,
    /// The string pool, checked to be UTF-8 once when the blob is read so
    /// that decoding an entry only slices it.
    pool: Cow<'static, str>,
    /// Every two-letter upper-case code, "AAAB…ZZ", so an entry's country
    /// is sliced from here rather than checked as UTF-8 on every read.
    codes: String,
}

/// The `len` bytes of the string pool at `off`; empty if out of range or
/// not on character boundaries.
fn pool_slice(pool: &str, off: u32, len: usize) -> &str {
    let start = (off as usize).min(pool.len());
    let end = start.saturating_add(len).min(pool.len());
    pool.get(start..end).unwrap_or("")
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
        let pool = match sub(&data, strings) {
            Cow::Borrowed(b) => Cow::Borrowed(std::str::from_utf8(b).map_err(|e| e.to_string())?),
            Cow::Owned(v) => Cow::Owned(String::from_utf8(v).map_err(|e| e.to_string())?),
        };
        let main_map = Map::new(sub(&data, main)).map_err(|e| e.to_string())?;
        let f = &b[fuzzy.clone()];
        let sections = if f.len() >= 4 {
            u32_at(f, 0) as usize
        } else {
            0
        };
        let rows_at = 4 + sections * FUZZY_SECTION;
        let rows_ok = (0..sections).all(|s| {
            let (start, end) = (
                u32_at(f, 8 + s * FUZZY_SECTION),
                u32_at(f, 12 + s * FUZZY_SECTION),
            );
            start <= end && rows_at + end as usize * FUZZY_ROW <= f.len()
        });
        if f.len() < rows_at || !rows_ok {
            return Err("fuzzy table out of bounds".into());
        }
        Ok(Layer {
            main: main_map,
            fuzzy,
            postings,
            entries,
            len: lens[3],
            pool,
            codes: (b'A'..=b'Z')
                .flat_map(|a| (b'A'..=b'Z').flat_map(move |b| [char::from(a), char::from(b)]))
                .collect(),
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

    /// The rows of one fuzzy-table section (an ISO alpha-2 code or
    /// [`FUZZY_WORLD`]) whose keys are `min_len..=max_len` bytes long and
    /// whose letter mask differs from `mask` in at most `max_bits` bits.
    pub fn fuzzy_rows(
        &self,
        section: &str,
        min_len: usize,
        max_len: usize,
        mask: u32,
        max_bits: u32,
    ) -> impl Iterator<Item = FuzzyRow<'_>> + '_ {
        let f = &self.data[self.fuzzy.clone()];
        let count = u32_at(f, 0) as usize;
        let rows_at = 4 + count * FUZZY_SECTION;
        let code = section.as_bytes();
        let found = (0..count)
            .map(|s| 4 + s * FUZZY_SECTION)
            .find(|&h| f[h..h + 2] == *code);
        let (start, end) = match found {
            Some(h) => (u32_at(f, h + 4) as usize, u32_at(f, h + 8) as usize),
            None => (0, 0),
        };
        let rows = &f[rows_at + start * FUZZY_ROW..rows_at + end * FUZZY_ROW];
        let len_of = |i: usize| u32_at(rows, i * FUZZY_ROW + 4) as usize;
        // Rows are sorted by key length: the first row at least `len` long.
        let first_of = |len: usize| {
            let (mut lo, mut hi) = (0, end - start);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if len_of(mid) < len {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            lo
        };
        let (lo, hi) = (first_of(min_len), first_of(max_len.saturating_add(1)));
        rows[lo * FUZZY_ROW..hi.max(lo) * FUZZY_ROW]
            .chunks_exact(FUZZY_ROW)
            .filter(move |r| at_most_bits(u32_at(r, 0) ^ mask, max_bits))
            .map(|r| FuzzyRow {
                value: u64::from(u32_at(r, 8)),
                key: self.string_bytes(u32_at(r, 12), u32_at(r, 4) as usize),
            })
    }

    fn string_bytes(&self, off: u32, len: usize) -> &[u8] {
        self.string(off, len).as_bytes()
    }

    fn string(&self, off: u32, len: usize) -> &str {
        pool_slice(&self.pool, off, len)
    }

    /// Entry `i`; panics if `i >= len()`, which is a bug in the caller.
    pub fn entry(&self, i: u32) -> RawEntry<'_> {
        let at = self.entries.start + i as usize * ENTRY;
        // One fixed-size record: the reads below need no bounds checks.
        let Some(b) = self.data[at..].first_chunk::<ENTRY>() else {
            panic!("entry {i} is out of range");
        };
        let le32 = |k: usize| u32::from_le_bytes([b[k], b[k + 1], b[k + 2], b[k + 3]]);
        let le64 = |k: usize| u64::from(le32(k)) | u64::from(le32(k + 4)) << 32;
        let (c0, c1) = (b[32], b[33]);
        let country = if c0.is_ascii_uppercase() && c1.is_ascii_uppercase() {
            let at = 2 * (usize::from(c0 - b'A') * 26 + usize::from(c1 - b'A'));
            &self.codes[at..at + 2]
        } else {
            ""
        };
        let pool: &str = &self.pool;
        RawEntry {
            geonameid: le64(0),
            lat: f32::from_bits(le32(8)),
            lon: f32::from_bits(le32(12)),
            population: le64(16),
            name: pool_slice(pool, le32(24), u16::from_le_bytes([b[28], b[29]]) as usize),
            kind: Kind::from_byte(b[30]),
            flags: b[31],
            country,
            admin1_code: pool_slice(pool, le32(34), b[38] as usize),
            admin1_gcode: pool_slice(pool, le32(39), b[43] as usize),
        }
    }

    /// The GeoNames id of entry `i` (0 when none); panics like [`Layer::entry`].
    pub fn geonameid(&self, i: u32) -> u64 {
        u64_at(&self.data, self.entries.start + i as usize * ENTRY)
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

#[cfg(test)]
mod tests {
    use super::at_most_bits;

    #[test]
    fn at_most_bits_agrees_with_count_ones() {
        for x in [0u32, 1, 2, 3, 0b1011, 0x8000_0001, u32::MAX, 0x0f0f_0000] {
            for n in 0..6 {
                assert_eq!(at_most_bits(x, n), x.count_ones() <= n, "{x:#x} {n}");
            }
        }
    }
}
