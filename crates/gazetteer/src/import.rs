//! Import of GeoNames' own dump files into a user directory, in the formats
//! [`crate::Gazetteer::with_user_dir`] reads.
//!
//! Accepted inputs (unzipped): a country or world dump (`SY.txt`,
//! `allCountries.txt`, `cities500.txt`: 19 tab-separated columns),
//! `alternateNamesV2.txt` (or the older `alternateNames.txt`),
//! `admin1CodesASCII.txt` and `admin2Codes.txt`. Every file is streamed line
//! by line, so even the world dump needs little memory beyond the set of ids
//! kept. What is kept: populated places (feature class P, except historical
//! and abandoned ones), first- and second-level admin units, and a few spot
//! features that matter in conflict reports (airports, military
//! installations, border posts, bridges, regions). Only Latin-script alternate
//! names are kept. The import does not merge with or delete earlier imports:
//! each input gives its own output file, named after it.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::{Gazetteer, GazetteerError};

/// What an import wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Places and admin units written.
    pub places: usize,
    /// Admin1 units written from `admin1CodesASCII.txt` alone.
    pub admin1: usize,
    /// Aliases written.
    pub aliases: usize,
    /// Input records not kept (other feature classes, other scripts, unknown ids).
    pub skipped: usize,
    /// Files written.
    pub written: Vec<PathBuf>,
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} places, {} admin1 units, {} aliases written ({} records skipped) to {} files",
            self.places,
            self.admin1,
            self.aliases,
            self.skipped,
            self.written.len()
        )
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Input {
    Admin1Codes,
    Admin2Codes,
    Dump,
    AlternateNames,
}

fn kind_of(path: &Path) -> Input {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if name.starts_with("admin1codes") {
        Input::Admin1Codes
    } else if name.starts_with("admin2codes") {
        Input::Admin2Codes
    } else if name.starts_with("alternatenames") {
        Input::AlternateNames
    } else {
        Input::Dump
    }
}

/// The same test the shipped data went through: Latin script, some upper
/// case, not an all-capital code.
fn latin_name(name: &str) -> bool {
    let n = name.chars().count();
    if !(2..=60).contains(&n) {
        return false;
    }
    let latin = name.chars().all(|c| {
        (c as u32) < 0x250
            || ('\u{1e00}'..'\u{1f00}').contains(&c)
            || matches!(c, '‘' | '’' | 'ʼ' | 'ʻ' | 'ʿ' | 'ʾ' | '‐' | '‑' | '–')
    });
    let letters = || name.chars().filter(|c| c.is_alphabetic());
    latin
        && letters().any(char::is_uppercase)
        && !letters().all(char::is_uppercase)
        && !name.contains('\t')
        && !name.contains('|')
}

/// Feature codes kept from classes other than P and A.
const SPOT_CODES: &[&str] = &["AIRP", "AIRB", "AIRF", "INSM", "PSTB", "BDG", "RGN", "DAM"];

struct Ctx<'g> {
    gazetteer: &'g Gazetteer,
    report: ImportReport,
    ids: HashSet<u64>,
    admin1_names: HashMap<(String, String), (String, u64)>,
    admin1_seen: HashSet<(String, String)>,
    admin2_names: Vec<(u64, String)>,
}

fn io(path: &Path, source: std::io::Error) -> GazetteerError {
    GazetteerError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn format_error(path: &Path, line: usize, message: String) -> GazetteerError {
    GazetteerError::Format {
        path: path.to_path_buf(),
        line,
        message,
    }
}

/// Streams GeoNames dump files into `out_dir` (created if missing) as user
/// files: `places-<input>.tsv`, `admin1-<input>.tsv`, `aliases-<input>.tsv`.
/// Alternate names are kept for the places of this import, of earlier
/// imports in `out_dir`, and of the shipped gazetteer.
pub fn import_geonames(inputs: &[PathBuf], out_dir: &Path) -> Result<ImportReport, GazetteerError> {
    std::fs::create_dir_all(out_dir).map_err(|e| io(out_dir, e))?;
    let gazetteer = Gazetteer::shipped()?;
    let mut ctx = Ctx {
        gazetteer: &gazetteer,
        report: ImportReport::default(),
        ids: gazetteer.geonameid_index().into_keys().collect(),
        admin1_names: HashMap::new(),
        admin1_seen: HashSet::new(),
        admin2_names: Vec::new(),
    };
    ctx.ids.extend(earlier_ids(out_dir)?);
    let mut ordered: Vec<&PathBuf> = inputs.iter().collect();
    ordered.sort_by_key(|p| kind_of(p));
    for path in ordered {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "input".into());
        match kind_of(path) {
            Input::Admin1Codes => read_codes(path, |code, name, id| {
                if let Some((cc, a1)) = code.split_once('.') {
                    ctx.admin1_names
                        .insert((cc.to_string(), a1.to_string()), (name.to_string(), id));
                }
            })?,
            Input::Admin2Codes => read_codes(path, |_, name, id| {
                ctx.admin2_names.push((id, name.to_string()));
            })?,
            Input::Dump => {
                import_dump(&mut ctx, path, &out_dir.join(format!("places-{stem}.tsv")))?
            }
            Input::AlternateNames => {
                import_alternates(&mut ctx, path, &out_dir.join(format!("aliases-{stem}.tsv")))?
            }
        }
    }
    write_admin_codes(&mut ctx, out_dir)?;
    Ok(ctx.report)
}

/// GeoNames ids already in `places*.tsv` files of the directory.
fn earlier_ids(dir: &Path) -> Result<Vec<u64>, GazetteerError> {
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))?.flatten() {
        let p = entry.path();
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !(name.starts_with("places") || name.starts_with("admin1")) || !name.ends_with(".tsv") {
            continue;
        }
        let f = File::open(&p).map_err(|e| io(&p, e))?;
        for line in BufReader::new(f).lines() {
            let line = line.map_err(|e| io(&p, e))?;
            if let Some(id) = line.split('\t').next().and_then(|s| s.parse().ok()) {
                ids.push(id);
            }
        }
    }
    Ok(ids)
}

/// Reads `admin1CodesASCII.txt` / `admin2Codes.txt`: code, name, ascii name, geonameid.
fn read_codes(path: &Path, mut f: impl FnMut(&str, &str, u64)) -> Result<(), GazetteerError> {
    let file = File::open(path).map_err(|e| io(path, e))?;
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| io(path, e))?;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            return Err(format_error(
                path,
                i + 1,
                format!("expected 4 columns, found {}", cols.len()),
            ));
        }
        let id = cols[3]
            .trim()
            .parse()
            .map_err(|_| format_error(path, i + 1, format!("bad geonameid `{}`", cols[3])))?;
        let name = if cols[2].trim().is_empty() {
            cols[1]
        } else {
            cols[2]
        };
        f(cols[0].trim(), name.trim(), id);
    }
    Ok(())
}

const PLACES_HEADER: &str = "geonameid\tname\tlatitude\tlongitude\tcountry_iso2\tgeonames_admin1\tadmin1_iso_3166_2\tpopulation\tkind\talternatenames\n";

fn import_dump(ctx: &mut Ctx, path: &Path, out: &Path) -> Result<(), GazetteerError> {
    let file = File::open(path).map_err(|e| io(path, e))?;
    let mut w = BufWriter::new(File::create(out).map_err(|e| io(out, e))?);
    w.write_all(PLACES_HEADER.as_bytes())
        .map_err(|e| io(out, e))?;
    let mut written = 0;
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| io(path, e))?;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() != 19 {
            return Err(format_error(
                path,
                i + 1,
                format!(
                    "expected the 19 columns of a GeoNames dump, found {}",
                    c.len()
                ),
            ));
        }
        let (class, code) = (c[6], c[7]);
        let kind = match (class, code) {
            ("A", "ADM1") => "admin1",
            ("A", "ADM2") => "admin2",
            ("P", "PPLH" | "PPLQ") => {
                ctx.report.skipped += 1;
                continue;
            }
            ("P", _) => "city",
            (_, code) if SPOT_CODES.contains(&code) => "other",
            _ => {
                ctx.report.skipped += 1;
                continue;
            }
        };
        let bad = |what: &str, v: &str| format_error(path, i + 1, format!("bad {what} `{v}`"));
        let id: u64 = c[0].parse().map_err(|_| bad("geonameid", c[0]))?;
        let lat: f64 = c[4].parse().map_err(|_| bad("latitude", c[4]))?;
        let lon: f64 = c[5].parse().map_err(|_| bad("longitude", c[5]))?;
        let pop: u64 = c[14].trim().parse().unwrap_or(0);
        let (cc, a1) = (c[8].trim(), c[10].trim());
        let mut name = c[1].trim().to_string();
        if kind == "admin1" {
            ctx.admin1_seen.insert((cc.to_string(), a1.to_string()));
            if let Some((n, _)) = ctx.admin1_names.get(&(cc.to_string(), a1.to_string())) {
                if !n.is_empty() {
                    name = n.clone();
                }
            }
        }
        let iso = admin1_iso(ctx.gazetteer, cc, a1);
        let mut alts: Vec<&str> = Vec::new();
        for a in std::iter::once(c[2]).chain(c[3].split(',')) {
            let a = a.trim();
            if a != name && latin_name(a) && !alts.contains(&a) {
                alts.push(a);
            }
        }
        let kind_col = if kind == "admin1" && name != c[1].trim() {
            alts.push(c[1].trim());
            kind
        } else {
            kind
        };
        writeln!(
            w,
            "{id}\t{name}\t{lat}\t{lon}\t{cc}\t{a1}\t{iso}\t{pop}\t{kind_col}\t{}",
            alts.join("|")
        )
        .map_err(|e| io(out, e))?;
        ctx.ids.insert(id);
        written += 1;
    }
    w.flush().map_err(|e| io(out, e))?;
    ctx.report.places += written;
    ctx.report.written.push(out.to_path_buf());
    Ok(())
}

fn admin1_iso(g: &Gazetteer, country: &str, gcode: &str) -> String {
    g.admin1_by_gcode
        .get(&crate::gcode_key(country, gcode))
        .map(|&id| g.entry(id).admin1_code.to_string())
        .unwrap_or_default()
}

/// Languages of GeoNames alternate names that are codes or links, not names.
const NOT_NAMES: &[&str] = &[
    "link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "fr_1793",
];

fn import_alternates(ctx: &mut Ctx, path: &Path, out: &Path) -> Result<(), GazetteerError> {
    let file = File::open(path).map_err(|e| io(path, e))?;
    let mut w = BufWriter::new(File::create(out).map_err(|e| io(out, e))?);
    w.write_all(b"alias\tgeonameid\n").map_err(|e| io(out, e))?;
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| io(path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 4 {
            return Err(format_error(
                path,
                i + 1,
                format!("expected the columns of alternateNames, found {}", c.len()),
            ));
        }
        let id: u64 = match c[1].parse() {
            Ok(id) => id,
            Err(_) => {
                return Err(format_error(
                    path,
                    i + 1,
                    format!("bad geonameid `{}`", c[1]),
                ))
            }
        };
        let name = c[3].trim();
        if !ctx.ids.contains(&id) || NOT_NAMES.contains(&c[2]) || !latin_name(name) {
            ctx.report.skipped += 1;
            continue;
        }
        writeln!(w, "{name}\t{id}").map_err(|e| io(out, e))?;
        ctx.report.aliases += 1;
    }
    w.flush().map_err(|e| io(out, e))?;
    ctx.report.written.push(out.to_path_buf());
    Ok(())
}

/// Admin1 units named in `admin1CodesASCII.txt` but absent from the dumps get
/// an entry when the shipped gazetteer knows where they are; admin2 names
/// become aliases of imported or shipped entries.
fn write_admin_codes(ctx: &mut Ctx, out_dir: &Path) -> Result<(), GazetteerError> {
    let mut rows = Vec::new();
    let mut missing = ctx
        .admin1_names
        .iter()
        .filter(|(k, _)| !ctx.admin1_seen.contains(*k))
        .collect::<Vec<_>>();
    missing.sort();
    for ((cc, a1), (name, id)) in missing {
        let Some(&e) = ctx.gazetteer.admin1_by_gcode.get(&crate::gcode_key(cc, a1)) else {
            ctx.report.skipped += 1;
            continue;
        };
        let e = ctx.gazetteer.entry(e);
        let mut alts = String::new();
        if e.name != name {
            alts.push_str(e.name);
        }
        rows.push(format!(
            "{id}\t{name}\t{}\t{}\t{cc}\t{a1}\t{}\t{}\tadmin1\t{alts}\n",
            e.lat, e.lon, e.admin1_code, e.population
        ));
    }
    if !rows.is_empty() {
        let out = out_dir.join("admin1-admin1CodesASCII.tsv");
        let mut w = BufWriter::new(File::create(&out).map_err(|e| io(&out, e))?);
        w.write_all(PLACES_HEADER.as_bytes())
            .map_err(|e| io(&out, e))?;
        for r in &rows {
            w.write_all(r.as_bytes()).map_err(|e| io(&out, e))?;
        }
        w.flush().map_err(|e| io(&out, e))?;
        ctx.report.admin1 += rows.len();
        ctx.report.written.push(out);
    }
    let names: Vec<&(u64, String)> = ctx
        .admin2_names
        .iter()
        .filter(|(id, n)| ctx.ids.contains(id) && latin_name(n))
        .collect();
    if !names.is_empty() {
        let out = out_dir.join("aliases-admin2Codes.tsv");
        let mut w = BufWriter::new(File::create(&out).map_err(|e| io(&out, e))?);
        w.write_all(b"alias\tgeonameid\n")
            .map_err(|e| io(&out, e))?;
        for (id, n) in &names {
            writeln!(w, "{n}\t{id}").map_err(|e| io(&out, e))?;
        }
        w.flush().map_err(|e| io(&out, e))?;
        ctx.report.aliases += names.len();
        ctx.report.written.push(out);
    }
    Ok(())
}
