//! Import of CAMEO/Phoenix actor and agent dictionaries (the PETRARCH format).
//!
//! The format, as this importer reads it:
//!
//! - `#` starts a comment, to the end of the line;
//! - an entry starts at the beginning of a line with its phrase in capitals,
//!   words joined by `_` (`TALIBAN_`), optionally followed by `{PLURAL}` (agents)
//!   and by one or more bracketed codes: `[AFGREB]`, `[~COP]`,
//!   `[USAGOV 010120-050120]`, `[AFGGOV >100701]`, `[HTIOPPMED <061231]`;
//! - a line starting with `+` adds an alias to the entry above;
//! - an indented line holds further bracketed codes for the entry above;
//! - `!NAME! = A, B` (agents) defines a substitution set used as `!NAME!` in
//!   phrases.
//!
//! How entries become sitrep entries:
//!
//! - an entry whose only code is a country (`[AFG]`) becomes a [`Country`] frame
//!   (its aliases become country names; CAMEO lists cities and provinces there
//!   too, which the written TOML lets the user prune);
//! - an entry with a dated code, or an `ELI` (elite) code, is a [`Person`];
//!   its affiliation is taken from its current code (open-ended, else latest);
//! - an agent (`[~CODE]`) becomes a generic [`Side`] `agent.<code>`;
//! - anything else is an [`Actor`]. Codes `<ISO3>GOV` and `<ISO3>MIL` map to
//!   the ids `<iso2>.government` and `<iso2>.forces`, so they amend sitrep's own
//!   entries when loaded; other actors get an id made from their phrase.
//!
//! Not supported: PETRARCH stems (a phrase without the trailing `_` matches as
//! a prefix there; here every phrase is a whole-word alias), and the verb
//! dictionary. Unreadable date ranges are ignored, keeping the code.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use sitrep_model::ActorKind;

use crate::entry::{Active, Actor, Country, Person, Side};
use crate::iso::iso2_of;
use crate::{ActorDictionary, ActorError};

/// Reads a CAMEO/Phoenix actors or agents file into a dictionary.
pub fn import_cameo(path: &Path) -> Result<ActorDictionary, ActorError> {
    let src = std::fs::read_to_string(path).map_err(|source| ActorError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let entries = parse(&src).map_err(|(line, message)| ActorError::Cameo {
        path: path.to_path_buf(),
        line,
        message,
    })?;
    if entries.is_empty() {
        return Err(ActorError::Cameo {
            path: path.to_path_buf(),
            line: 0,
            message: "no coded entries: not a CAMEO/Phoenix dictionary?".into(),
        });
    }
    convert(entries)
}

/// A code with its validity period.
#[derive(Clone, Debug, PartialEq)]
struct Code {
    code: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    dated: bool,
}

/// One entry as read.
#[derive(Debug, Default)]
struct Entry {
    phrases: Vec<String>,
    aliases: Vec<String>,
    codes: Vec<Code>,
}

type ParseError = (usize, String);

fn parse(src: &str) -> Result<Vec<Entry>, ParseError> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    for (n, raw) in src.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.split('#').next().unwrap_or("");
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with('!') && trimmed.contains('=') {
            let (name, values) = trimmed.split_once('=').unwrap_or_default();
            let values = values.split(',').map(|v| v.trim().to_string());
            sets.insert(
                name.trim().to_string(),
                values.filter(|v| !v.is_empty()).collect(),
            );
            continue;
        }
        if let Some(alias) = trimmed.strip_prefix('+') {
            let entry = entries
                .last_mut()
                .ok_or((line_no, "alias line before any entry".to_string()))?;
            let (phrase, codes, _) = split_line(alias, line_no)?;
            entry.aliases.extend(expand(&phrase, &sets));
            entry.codes.extend(codes);
            continue;
        }
        // An indented line of codes belongs to the entry above; an indented
        // phrase (the files have some) is an entry of its own.
        if line.starts_with(char::is_whitespace) && trimmed.starts_with('[') {
            let entry = entries
                .last_mut()
                .ok_or((line_no, "code line before any entry".to_string()))?;
            let (_, codes, _) = split_line(trimmed, line_no)?;
            entry.codes.extend(codes);
            continue;
        }
        let (phrase, codes, plural) = split_line(trimmed, line_no)?;
        let mut phrases = expand(&phrase, &sets);
        if codes.iter().any(|c| c.code.starts_with('~')) {
            match plural {
                Some(p) if p.is_empty() => {}
                Some(p) => phrases.extend(expand(&p, &sets)),
                None => {
                    let plurals: Vec<String> = phrases.iter().map(|p| plural_of(p)).collect();
                    phrases.extend(plurals);
                }
            }
        }
        entries.push(Entry {
            phrases,
            aliases: Vec::new(),
            codes,
        });
    }
    entries.retain(|e| !e.codes.is_empty() && !e.phrases.is_empty());
    Ok(entries)
}

/// Splits `PHRASE {PLURAL} [CODE ...] [CODE ...]` into its parts.
fn split_line(s: &str, line_no: usize) -> Result<(String, Vec<Code>, Option<String>), ParseError> {
    let cut = s.find(['[', '{']).unwrap_or(s.len());
    let phrase = s[..cut].trim().to_string();
    let mut rest = &s[cut..];
    let mut codes = Vec::new();
    let mut plural = None;
    loop {
        rest = rest.trim_start();
        let Some(open) = rest.chars().next() else {
            break;
        };
        let close = match open {
            '[' => ']',
            '{' => '}',
            // Some files carry free text after the codes: it is a comment.
            _ => break,
        };
        // The published files have a few `[CODE}` typos: accept either closer.
        let end = rest
            .find(close)
            .or_else(|| rest.find([']', '}']))
            .ok_or((line_no, format!("unclosed '{open}'")))?;
        let inner = rest[1..end].trim();
        if open == '{' {
            plural = Some(inner.to_string());
        } else if let Some(code) = parse_code(inner) {
            codes.push(code);
        }
        rest = &rest[end + 1..];
    }
    Ok((phrase, codes, plural))
}

fn parse_code(inner: &str) -> Option<Code> {
    let mut parts = inner.split_whitespace();
    let code = parts.next()?.to_string();
    if !code
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '~')
    {
        // `[---]` and similar placeholders carry no code.
        return None;
    }
    let (mut from, mut to, mut dated) = (None, None, false);
    if let Some(range) = parts.next() {
        dated = true;
        if let Some(d) = range.strip_prefix('>') {
            from = date(d);
        } else if let Some(d) = range.strip_prefix('<') {
            to = date(d);
        } else if let Some((a, b)) = range.split_once('-') {
            from = date(a);
            to = date(b);
        }
    }
    Some(Code {
        code,
        from,
        to,
        dated,
    })
}

/// `YYMMDD` (years up to 30 are 20xx) or `YYYYMMDD`.
fn date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let (y, rest) = match s.len() {
        6 => {
            let yy = num(0..2)? as i32;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, 2)
        }
        8 => (num(0..4)? as i32, 4),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, num(rest..rest + 2)?, num(rest + 2..rest + 4)?)
}

/// Expands `!SET!` references and turns `_` into spaces.
fn expand(phrase: &str, sets: &HashMap<String, Vec<String>>) -> Vec<String> {
    let mut out = vec![phrase.to_string()];
    for (name, values) in sets {
        if phrase.contains(name.as_str()) {
            out = out
                .iter()
                .flat_map(|p| values.iter().map(move |v| p.replace(name.as_str(), v)))
                .collect();
        }
    }
    out.into_iter()
        .map(|p| display_case(p.replace('_', " ").trim()))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Regular English plural of a (display-cased) phrase's last word.
fn plural_of(phrase: &str) -> String {
    let lower = phrase.to_lowercase();
    if lower.ends_with("man") {
        format!("{}en", &phrase[..phrase.len() - 2])
    } else if lower.ends_with('y') && !lower.ends_with("ay") && !lower.ends_with("ey") {
        format!("{}ies", &phrase[..phrase.len() - 1])
    } else if ["s", "x", "ch", "sh"].iter().any(|e| lower.ends_with(e)) {
        format!("{phrase}es")
    } else {
        format!("{phrase}s")
    }
}

/// CAMEO phrases are in capitals; sitrep shows names in title case but keeps
/// short single-word acronyms ("UN", "ANSF", "U.N.") as written, so that they
/// stay case-sensitive aliases.
fn display_case(phrase: &str) -> String {
    let single = !phrase.contains(' ');
    let letters = phrase.chars().filter(|c| c.is_alphabetic()).count();
    if single && (letters <= 5 || phrase.contains('.')) {
        return phrase.to_string();
    }
    let mut out = String::with_capacity(phrase.len());
    let mut start_of_word = true;
    for c in phrase.chars() {
        if start_of_word {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_word = !c.is_alphanumeric() && c != '\'';
    }
    out
}

/// `ashraf_ghani` from "Ashraf Ghani".
fn slug(name: &str) -> String {
    let folded = sitrep_text::fold(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// The country (ISO2) a code starts with, if it starts with an ISO3 code.
fn country_of(code: &str) -> Option<String> {
    code.get(..3).and_then(iso2_of).map(str::to_string)
}

/// Role segments after the leading country or region code.
fn segments(code: &str) -> impl Iterator<Item = &str> {
    let rest = code.get(3..).unwrap_or("");
    (0..rest.len() / 3).filter_map(move |i| rest.get(i * 3..i * 3 + 3))
}

fn kind_of(code: &str) -> ActorKind {
    let code = code.trim_start_matches('~');
    if code.starts_with("IGO") || code.starts_with("NGO") {
        return ActorKind::InternationalOrganisation;
    }
    if code.starts_with("IMG") {
        return ActorKind::Terrorist;
    }
    let head = code.get(..3).unwrap_or("");
    let segs: Vec<&str> = std::iter::once(head).chain(segments(code)).collect();
    let has = |set: &[&str]| segs.iter().any(|s| set.contains(s));
    if has(&["REB", "INS", "SEP"]) {
        ActorKind::RebelGroup
    } else if has(&["UAF"]) {
        ActorKind::Militia
    } else if has(&["MIL", "COP", "SPY"]) {
        ActorKind::StateForces
    } else if has(&["GOV", "LEG", "JUD"]) {
        ActorKind::Government
    } else if has(&["PTY", "OPP"]) {
        ActorKind::PoliticalParty
    } else if has(&["MED", "JRN"]) {
        ActorKind::Media
    } else if has(&["CVL", "REF", "EDU", "LAB", "AGR", "HLH"]) {
        ActorKind::Civilians
    } else if code.len() == 3 && iso2_of(code).is_some() {
        ActorKind::Government
    } else {
        ActorKind::Other
    }
}

/// sitrep's own id for a code, where one exists.
fn conventional_id(code: &str) -> Option<String> {
    const IGO: &[(&str, &str)] = &[("IGOUNO", "un"), ("IGOWSTNAT", "nato"), ("IGOEUREEC", "eu")];
    if let Some((_, id)) = IGO.iter().find(|(p, _)| code.starts_with(p)) {
        return Some(id.to_string());
    }
    let iso2 = country_of(code)?.to_lowercase();
    match code.get(3..) {
        Some("GOV") => Some(format!("{iso2}.government")),
        Some("MIL") => Some(format!("{iso2}.forces")),
        _ => None,
    }
}

/// The code in force now: open-ended first, then latest end, then undated.
fn current_code(codes: &[Code]) -> &Code {
    codes
        .iter()
        .max_by_key(|c| match (c.dated, c.from, c.to) {
            (true, _, None) => (3, c.from),
            (true, _, Some(to)) => (2, Some(to)),
            _ => (1, None),
        })
        .unwrap_or(&codes[0])
}

fn convert(entries: Vec<Entry>) -> Result<ActorDictionary, ActorError> {
    let mut actors: Vec<Actor> = Vec::new();
    let mut actor_ids: HashMap<String, usize> = HashMap::new();
    let mut people: Vec<Person> = Vec::new();
    let mut person_ids: HashMap<String, usize> = HashMap::new();
    let mut countries: Vec<Country> = Vec::new();
    let mut sides: Vec<Side> = Vec::new();
    let mut side_ids: HashMap<String, usize> = HashMap::new();

    for e in entries {
        let name = e.phrases[0].clone();
        let aliases: Vec<String> = e.phrases[1..].iter().chain(&e.aliases).cloned().collect();
        let first = &e.codes[0];
        if first.code.starts_with('~') {
            let id = format!(
                "agent.{}",
                first.code.trim_start_matches('~').to_lowercase()
            );
            let i = *side_ids.entry(id.clone()).or_insert_with(|| {
                sides.push(Side {
                    id,
                    name: name.as_str().into(),
                    kind: kind_of(&first.code),
                    aliases: Vec::new(),
                    state: None,
                    focus: false,
                    role_noun: false,
                });
                sides.len() - 1
            });
            sides[i]
                .aliases
                .extend(e.phrases.iter().chain(&e.aliases).cloned());
            continue;
        }
        let is_person = e.codes.iter().any(|c| c.dated)
            || e.codes
                .iter()
                .any(|c| segments(&c.code).any(|s| s == "ELI"));
        if is_person {
            let code = current_code(&e.codes);
            let base = slug(&name);
            let mut id = base.clone();
            let mut n = 1;
            while person_ids.contains_key(&id) {
                n += 1;
                id = format!("{base}_{n}");
            }
            person_ids.insert(id.clone(), people.len());
            let active = (code.from.is_some() || code.to.is_some()).then_some(Active {
                from: code.from,
                to: code.to,
            });
            people.push(Person {
                id: id.into(),
                name: name.into(),
                role: None,
                affiliation: conventional_id(&code.code).map(Into::into),
                country: country_of(&code.code).map(Into::into),
                cameo: Some(code.code.clone()),
                aliases,
                active,
            });
            continue;
        }
        if e.codes.len() == 1 && first.code.len() == 3 {
            if let Some(iso2) = iso2_of(&first.code) {
                let lower = iso2.to_lowercase();
                countries.push(Country {
                    code: iso2.to_string(),
                    names: e.phrases.iter().chain(&e.aliases).cloned().collect(),
                    adjectives: Vec::new(),
                    government: Some(format!("{lower}.government")),
                    forces: Some(format!("{lower}.forces")),
                });
                continue;
            }
        }
        let id = conventional_id(&first.code).unwrap_or_else(|| slug(&name));
        if id.is_empty() {
            continue;
        }
        match actor_ids.get(&id) {
            Some(&i) => actors[i]
                .aliases
                .extend(e.phrases.iter().chain(&e.aliases).cloned()),
            None => {
                actor_ids.insert(id.clone(), actors.len());
                actors.push(Actor {
                    id: id.into(),
                    name: name.into(),
                    kind: kind_of(&first.code),
                    country: country_of(&first.code).map(Into::into),
                    cameo: Some(first.code.clone()),
                    aliases,
                    generic_aliases: Vec::new(),
                    generic_in: Vec::new(),
                });
            }
        }
    }
    for list in actors
        .iter_mut()
        .map(|a| &mut a.aliases)
        .chain(sides.iter_mut().map(|s| &mut s.aliases))
    {
        dedup_folded(list);
    }
    ActorDictionary::from_parts(actors, people, countries, sides)
}

fn dedup_folded(list: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    list.retain(|a| seen.insert(sitrep_text::fold(a)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_codes() {
        let c = parse_code("AFGGOV 090101-100331").expect("code");
        assert_eq!(c.from, NaiveDate::from_ymd_opt(2009, 1, 1));
        assert_eq!(c.to, NaiveDate::from_ymd_opt(2010, 3, 31));
        let c = parse_code("AFGELI 19270101-730717").expect("code");
        assert_eq!(c.from, NaiveDate::from_ymd_opt(1927, 1, 1));
        assert_eq!(c.to, NaiveDate::from_ymd_opt(1973, 7, 17));
        assert!(parse_code("---").is_none());
        assert_eq!(kind_of("AFGREB"), ActorKind::RebelGroup);
        assert_eq!(kind_of("~COP"), ActorKind::StateForces);
        assert_eq!(
            kind_of("IGOUNOREFHCR"),
            ActorKind::InternationalOrganisation
        );
        assert_eq!(kind_of("IMGMUSALQ"), ActorKind::Terrorist);
        assert_eq!(conventional_id("AFGMIL").as_deref(), Some("af.forces"));
    }

    #[test]
    fn display_case_keeps_acronyms() {
        for (input, want) in [
            ("ANSF", "ANSF"),
            ("U.N.", "U.N."),
            ("TALIBAN", "Taliban"),
            ("AL-QAEDA ORGANIZATION", "Al-Qaeda Organization"),
            ("KING'S COLLEGE", "King's College"),
        ] {
            assert_eq!(display_case(input), want);
        }
        assert_eq!(plural_of("Policeman"), "Policemen");
        assert_eq!(plural_of("Militia"), "Militias");
        assert_eq!(plural_of("Deputy"), "Deputies");
    }
}
