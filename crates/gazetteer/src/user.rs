//! User layers: the places, admin units, aliases and demonyms a user keeps in
//! a directory of TSV files, indexed into a layer above the shipped one.
//!
//! The layer is cached in the same directory (`.sitrep-index-v<version>-<hash>.bin`,
//! the hash covering the names and contents of the files), so a large import
//! is indexed once; a cache that cannot be written is not an error.

use std::path::{Path, PathBuf};

use crate::layout::{self, Bytes, Layer};
use crate::record::{Kind, Record, FLAG_ALIAS_COPY};
use crate::source::{self, Alias, SourceError, Target};
use crate::{EntryId, Gazetteer, GazetteerError};

/// The user files in `dir`, by role, each list sorted by name.
#[derive(Default)]
struct Files {
    admin1: Vec<PathBuf>,
    places: Vec<PathBuf>,
    aliases: Vec<PathBuf>,
}

fn io(path: &Path, source: std::io::Error) -> GazetteerError {
    GazetteerError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn list(dir: &Path) -> Result<Files, GazetteerError> {
    let mut files = Files::default();
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    for p in names {
        let Some(name) = p.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !name.ends_with(".tsv") {
            continue;
        }
        if name.starts_with("admin1") {
            files.admin1.push(p);
        } else if name.starts_with("places") {
            files.places.push(p);
        } else if name.starts_with("aliases") || name.starts_with("demonyms") {
            files.aliases.push(p);
        }
    }
    Ok(files)
}

/// FNV-1a, 64 bits: stable across Rust versions, unlike std's hasher.
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x100_0000_01b3);
    }
}

pub(crate) fn extend(mut g: Gazetteer, dir: &Path) -> Result<Gazetteer, GazetteerError> {
    let files = list(dir)?;
    let all: Vec<&PathBuf> = files
        .admin1
        .iter()
        .chain(&files.places)
        .chain(&files.aliases)
        .collect();
    if all.is_empty() {
        return Ok(g);
    }
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    fnv(&mut hash, &layout::VERSION.to_le_bytes());
    fnv(&mut hash, &(g.len() as u64).to_le_bytes());
    for p in &all {
        fnv(&mut hash, p.to_string_lossy().as_bytes());
        fnv(&mut hash, &std::fs::read(p).map_err(|e| io(p, e))?);
    }
    let cache = dir.join(format!(
        ".sitrep-index-v{}-{hash:016x}.bin",
        layout::VERSION
    ));
    let layer = match std::fs::read(&cache)
        .ok()
        .and_then(|b| Layer::from_bytes(Bytes::Owned(b)).ok())
    {
        Some(layer) => layer,
        None => {
            let blob = build(&g, &files)?;
            // A read-only directory only costs a rebuild next time.
            let _ = std::fs::write(&cache, &blob);
            Layer::from_bytes(Bytes::Owned(blob)).map_err(|message| GazetteerError::Index {
                what: cache.display().to_string(),
                message,
            })?
        }
    };
    let l = g.layers.len() as u16;
    for index in 0..layer.len() as u32 {
        let e = layer.entry(index);
        if e.geonameid != 0 && e.flags & FLAG_ALIAS_COPY == 0 {
            g.shadowed.insert(e.geonameid, l);
        }
    }
    g.push_layer(layer);
    Ok(g)
}

fn build(g: &Gazetteer, files: &Files) -> Result<Vec<u8>, GazetteerError> {
    let mut records = Vec::new();
    for p in &files.admin1 {
        records.extend(source::read_places(p, Kind::Admin1, 0)?);
    }
    for p in &files.places {
        records.extend(source::read_places(p, Kind::City, 0)?);
    }
    let mut aliases = Vec::new();
    for p in &files.aliases {
        aliases.extend(source::read_aliases(p)?);
    }
    let (mut records, unresolved) = layout::assemble(Vec::new(), records, aliases);
    if !unresolved.is_empty() {
        let by_id = g.geonameid_index();
        for a in unresolved {
            let id = match &a.target {
                Target::Country(c) => g.country(c),
                Target::Geonameid(n) => by_id.get(n).copied(),
            };
            let Some(id) = id else {
                return Err(unknown_target(files, &a).into());
            };
            records.push(alias_copy(g, id, a));
        }
    }
    layout::write(&records).map_err(|e| GazetteerError::Index {
        what: "user layer".into(),
        message: e.to_string(),
    })
}

fn unknown_target(files: &Files, a: &Alias) -> SourceError {
    SourceError {
        path: files.aliases.first().cloned().unwrap_or_default(),
        line: 0,
        message: format!("alias `{}` names unknown entry {:?}", a.name, a.target),
    }
}

/// A record that repeats a lower layer's entry, to carry a user alias.
fn alias_copy(g: &Gazetteer, id: EntryId, a: Alias) -> Record {
    let e = g.raw(id);
    Record {
        geonameid: e.geonameid,
        name: e.name.to_string(),
        kind: e.kind,
        country: e.country.to_string(),
        admin1_code: e.admin1_code.to_string(),
        admin1_gcode: e.admin1_gcode.to_string(),
        lat: f64::from(e.lat),
        lon: f64::from(e.lon),
        population: e.population,
        flags: e.flags | FLAG_ALIAS_COPY,
        names: vec![(a.name, a.kind)],
    }
}

impl Gazetteer {
    /// Every GeoNames id, mapped to its entry (the highest layer wins).
    pub(crate) fn geonameid_index(&self) -> std::collections::HashMap<u64, EntryId> {
        let mut map = std::collections::HashMap::with_capacity(self.len());
        for (l, layer) in self.layers.iter().enumerate() {
            for index in 0..layer.len() as u32 {
                let g = layer.entry(index).geonameid;
                if g != 0 {
                    map.insert(
                        g,
                        EntryId {
                            layer: l as u16,
                            index,
                        },
                    );
                }
            }
        }
        map
    }
}
