//! Readers for the gazetteer's tab-separated files: the shipped data and a
//! user's own files share these formats.
//!
//! Files have one header row; columns are found by name, so extra columns are
//! ignored and optional ones may be left out. Lists inside a cell are separated
//! by `|`. Lines starting with `#` and blank lines are skipped. Readers report
//! the file and line of a bad record; they never guess a value they cannot parse.
//! Shared with `build.rs`, so it uses nothing outside `std`.

use std::fmt;
use std::path::{Path, PathBuf};

use super::record::{Kind, NameKind, Record};

/// A source file that could not be read or has a bad record.
#[derive(Debug)]
pub struct SourceError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line, 0 for the whole file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
        }
    }
}

impl std::error::Error for SourceError {}

/// What an alias or demonym points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// An entry by GeoNames id.
    Geonameid(u64),
    /// A country by ISO 3166-1 alpha-2 code.
    Country(String),
}

/// An extra name for an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    /// The name as written.
    pub name: String,
    /// The entry it names.
    pub target: Target,
    /// Alias or demonym.
    pub kind: NameKind,
}

/// A parsed table: header column positions and data rows with line numbers.
struct Table<'a> {
    path: &'a Path,
    header: Vec<&'a str>,
    rows: Vec<(usize, Vec<&'a str>)>,
}

impl<'a> Table<'a> {
    fn parse(path: &'a Path, text: &'a str) -> Result<Table<'a>, SourceError> {
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let header = match lines.next() {
            Some((_, h)) => h.split('\t').map(str::trim).collect(),
            None => Vec::new(),
        };
        let rows = lines
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r').split('\t').collect()))
            .collect();
        Ok(Table { path, header, rows })
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| *h == name)
    }

    fn require(&self, name: &str) -> Result<usize, SourceError> {
        self.col(name).ok_or_else(|| SourceError {
            path: self.path.to_path_buf(),
            line: 1,
            message: format!("missing column `{name}`"),
        })
    }

    fn error(&self, line: usize, message: String) -> SourceError {
        SourceError {
            path: self.path.to_path_buf(),
            line,
            message,
        }
    }
}

fn cell<'a>(row: &[&'a str], col: Option<usize>) -> &'a str {
    col.and_then(|c| row.get(c)).map_or("", |s| s.trim())
}

fn number<T: std::str::FromStr + Default>(
    t: &Table,
    line: usize,
    row: &[&str],
    col: Option<usize>,
    what: &str,
) -> Result<T, SourceError> {
    let s = cell(row, col);
    if s.is_empty() {
        return Ok(T::default());
    }
    s.parse()
        .map_err(|_| t.error(line, format!("bad {what} `{s}`")))
}

fn coordinate(
    t: &Table,
    line: usize,
    row: &[&str],
    col: usize,
    what: &str,
    limit: f64,
) -> Result<f64, SourceError> {
    let s = cell(row, Some(col));
    match s.parse::<f64>() {
        Ok(v) if v.abs() <= limit => Ok(v),
        _ => Err(t.error(line, format!("bad {what} `{s}`"))),
    }
}

fn read_text(path: &Path) -> Result<String, SourceError> {
    std::fs::read_to_string(path).map_err(|e| SourceError {
        path: path.to_path_buf(),
        line: 0,
        message: e.to_string(),
    })
}

/// Reads a places file (the columns of `cities15000.tsv`: `geonameid, name,
/// latitude, longitude, country_iso2, geonames_admin1, admin1_iso_3166_2,
/// population, alternatenames`, plus an optional `kind`). Rows without a
/// `kind` get `default_kind`; every record gets `flags`.
pub fn read_places(path: &Path, default_kind: Kind, flags: u8) -> Result<Vec<Record>, SourceError> {
    let text = read_text(path)?;
    parse_places(path, &text, default_kind, flags)
}

/// Parses the text of a places file (see [`read_places`]).
pub fn parse_places(
    path: &Path,
    text: &str,
    default_kind: Kind,
    flags: u8,
) -> Result<Vec<Record>, SourceError> {
    let t = Table::parse(path, text)?;
    let id = t.col("geonameid");
    let name = t.require("name")?;
    let lat = t.require("latitude")?;
    let lon = t.require("longitude")?;
    let country = t.col("country_iso2");
    let gcode = t.col("geonames_admin1");
    let a1 = t.col("admin1_iso_3166_2");
    let pop = t.col("population");
    let alt = t.col("alternatenames");
    let kind = t.col("kind");
    let mut out = Vec::with_capacity(t.rows.len());
    for (line, row) in &t.rows {
        let line = *line;
        let primary = cell(row, Some(name)).to_string();
        if primary.is_empty() {
            return Err(t.error(line, "empty name".into()));
        }
        let kind = match kind {
            Some(_) => Kind::parse(cell(row, kind))
                .ok_or_else(|| t.error(line, format!("bad kind `{}`", cell(row, kind))))?,
            None => default_kind,
        };
        let mut names = vec![(primary.clone(), NameKind::Primary)];
        names.extend(
            cell(row, alt)
                .split('|')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(|n| (n.to_string(), NameKind::Alternate)),
        );
        let admin1_code = cell(row, a1).to_string();
        let mut country = cell(row, country).to_ascii_uppercase();
        if country.is_empty() && admin1_code.len() > 2 {
            country = admin1_code[..2].to_ascii_uppercase();
        }
        out.push(Record {
            geonameid: number(&t, line, row, id, "geonameid")?,
            name: primary,
            kind,
            country,
            admin1_code,
            admin1_gcode: cell(row, gcode).to_string(),
            lat: coordinate(&t, line, row, lat, "latitude", 90.0)?,
            lon: coordinate(&t, line, row, lon, "longitude", 180.0)?,
            population: number(&t, line, row, pop, "population")?,
            flags,
            names,
        });
    }
    Ok(out)
}

/// A country record and the name of its capital.
pub struct CountryRecord {
    /// The country as an entry.
    pub record: Record,
    /// Its capital's name, to flag the capital among the cities.
    pub capital: String,
}

/// Reads the countries file (`iso2, geonameid, name, latitude, longitude,
/// population, capital, alternatenames`).
#[allow(dead_code)] // Used by build.rs; user layers add countries as places with `kind`.
pub fn read_countries(path: &Path) -> Result<Vec<CountryRecord>, SourceError> {
    let text = read_text(path)?;
    let t = Table::parse(path, &text)?;
    let iso = t.require("iso2")?;
    let capital = t.col("capital");
    let records = parse_places(path, &text, Kind::Country, 0)?;
    let mut out = Vec::with_capacity(records.len());
    for ((line, row), mut record) in t.rows.iter().zip(records) {
        let code = cell(row, Some(iso)).to_ascii_uppercase();
        if code.len() != 2 {
            return Err(t.error(*line, format!("bad iso2 `{code}`")));
        }
        record.country = code;
        out.push(CountryRecord {
            record,
            capital: cell(row, capital).to_string(),
        });
    }
    Ok(out)
}

/// Reads an aliases file (`alias, geonameid`) or a demonyms file (`target,
/// forms` where target is a geonameid or an ISO country code and forms are
/// `|`-separated). Which one is decided by the header.
pub fn read_aliases(path: &Path) -> Result<Vec<Alias>, SourceError> {
    let text = read_text(path)?;
    parse_aliases(path, &text)
}

/// Parses the text of an aliases or demonyms file (see [`read_aliases`]).
pub fn parse_aliases(path: &Path, text: &str) -> Result<Vec<Alias>, SourceError> {
    let t = Table::parse(path, text)?;
    let (names, target, kind) = match (t.col("alias"), t.col("forms")) {
        (Some(a), _) => (a, t.require("geonameid")?, NameKind::Alias),
        (None, Some(f)) => (f, t.require("target")?, NameKind::Demonym),
        (None, None) => return Err(t.error(1, "need an `alias` or a `forms` column".into())),
    };
    let mut out = Vec::new();
    for (line, row) in &t.rows {
        let raw = cell(row, Some(target));
        let target = if raw.len() == 2 && raw.chars().all(|c| c.is_ascii_alphabetic()) {
            Target::Country(raw.to_ascii_uppercase())
        } else {
            Target::Geonameid(
                raw.parse()
                    .map_err(|_| t.error(*line, format!("bad target `{raw}`")))?,
            )
        };
        for name in cell(row, Some(names)).split('|').map(str::trim) {
            if !name.is_empty() {
                out.push(Alias {
                    name: name.to_string(),
                    target: target.clone(),
                    kind,
                });
            }
        }
    }
    Ok(out)
}
