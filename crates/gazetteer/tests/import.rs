//! Import of GeoNames dump files, on small files in GeoNames' formats made
//! from the shipped data.

use std::path::{Path, PathBuf};

use sitrep_gazetteer::{import_geonames, Gazetteer};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/gazetteer")
        .join(name)
}

/// Turns rows of the shipped cities file for one country into the 19 columns
/// of a GeoNames dump, giving every third one the code of a destroyed place
/// and renaming one so the import is visible.
fn dump_from_shipped(country: &str) -> String {
    let text = std::fs::read_to_string(data("cities15000.tsv")).expect("shipped cities");
    let mut out = String::new();
    for line in text.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c[4] != country {
            continue;
        }
        let alts = c[8].replace('|', ",");
        let name = if c[1] == "Aleppo" { "Halab Test" } else { c[1] };
        out.push_str(&format!(
            "{}\t{name}\t{name}\t{alts}\t{}\t{}\tP\tPPL\t{}\t\t{}\t\t\t\t{}\t\t0\tAsia/Damascus\t2024-01-01\n",
            c[0], c[2], c[3], c[4], c[5], c[7]
        ));
    }
    out.push_str("999\tJabal Test\tJabal Test\t\t35.0\t38.0\tT\tMT\tSY\t\t01\t\t\t\t0\t\t0\tAsia/Damascus\t2024-01-01\n");
    out
}

#[test]
fn import_streams_dump_alternate_names_and_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    let dump = input.join("SY.txt");
    std::fs::write(&dump, dump_from_shipped("SY")).expect("write dump");
    let alternates = input.join("alternateNamesV2.txt");
    std::fs::write(
        &alternates,
        "1\t170063\ten\tAleppo Citadel Town\t\t\t\t\t\t\n2\t170063\tiata\tALP\t\t\t\t\t\t\n3\t170063\tar\tحلب\t\t\t\t\t\t\n4\t1\ten\tNowhere\t\t\t\t\t\t\n",
    )
    .expect("write alternates");
    let codes = input.join("admin1CodesASCII.txt");
    std::fs::write(&codes, "SY.09\tAleppo\tAleppo\t170062\n").expect("write codes");
    let out = dir.path().join("user");
    let report = import_geonames(&[alternates, dump, codes], &out).expect("import");
    assert!(report.places > 10, "{report}");
    assert_eq!(
        report.aliases, 1,
        "only the Latin name of a known place: {report}"
    );
    assert!(report.skipped >= 3, "{report}");

    let g = Gazetteer::shipped()
        .expect("shipped")
        .with_user_dir(&out)
        .expect("user dir");
    let hits = g.lookup("Halab Test");
    assert_eq!(hits.len(), 1, "renamed city is found");
    let p = g.place(hits[0].entry);
    assert_eq!(p.admin1_code.as_deref(), Some("SY-HL"));
    assert_eq!(g.lookup("Aleppo Citadel Town").len(), 1);
    assert!(
        g.lookup("Jabal Test").is_empty(),
        "mountains are not imported"
    );
}

#[test]
fn import_rejects_files_that_are_not_dumps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("XX.txt");
    std::fs::write(&bad, "1\tonly\tthree\n").expect("write");
    let err = import_geonames(&[bad], &dir.path().join("out")).expect_err("not a dump");
    assert!(err.to_string().contains("XX.txt:1"), "{err}");
}
