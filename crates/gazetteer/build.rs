//! Builds the shipped gazetteer index from `data/gazetteer/*.tsv` once, at
//! compile time, so that `Gazetteer::shipped()` only has to point at bytes.

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/key.rs"]
mod key;
#[allow(dead_code)]
#[path = "src/layout.rs"]
mod layout;
#[allow(dead_code)]
#[path = "src/record.rs"]
mod record;
#[allow(dead_code)]
#[path = "src/source.rs"]
mod source;

use record::{Kind, FLAG_DETAIL};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let data = manifest.join("../../data/gazetteer");
    let file = |name: &str| -> PathBuf {
        let p = data.join(name);
        println!("cargo:rerun-if-changed={}", p.display());
        p
    };
    println!("cargo:rerun-if-changed=src/key.rs");
    println!("cargo:rerun-if-changed=src/layout.rs");
    println!("cargo:rerun-if-changed=src/record.rs");
    println!("cargo:rerun-if-changed=src/source.rs");
    if let Err(e) = build(
        &file,
        &PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets this")),
    ) {
        panic!("building the shipped gazetteer: {e}");
    }
}

fn build(file: &dyn Fn(&str) -> PathBuf, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let countries = source::read_countries(&file("countries.tsv"))?;
    let mut places = Vec::new();
    places.extend(source::read_places(&file("admin1.tsv"), Kind::Admin1, 0)?);
    places.extend(source::read_places(
        &file("cities15000.tsv"),
        Kind::City,
        0,
    )?);
    places.extend(source::read_places(
        &file("afg_places.tsv"),
        Kind::City,
        FLAG_DETAIL,
    )?);
    places.extend(source::read_places(
        &file("afg_districts.tsv"),
        Kind::Admin2,
        FLAG_DETAIL,
    )?);
    places.extend(source::read_places(&file("regions.tsv"), Kind::Other, 0)?);
    places.extend(source::read_places(&file("sites.tsv"), Kind::Other, 0)?);
    let mut aliases = source::read_aliases(&file("aliases.tsv"))?;
    aliases.extend(source::read_aliases(&file("demonyms.tsv"))?);
    let (records, unresolved) = layout::assemble(countries, places, aliases);
    if !unresolved.is_empty() {
        return Err(format!("aliases with unknown targets: {unresolved:?}").into());
    }
    let blob = layout::write(&records)?;
    std::fs::write(out.join("gazetteer.idx"), blob)?;
    Ok(())
}
