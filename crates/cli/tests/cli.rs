//! End-to-end tests of the `sitrep` binary: one article in, mentions and events
//! out; batches with bad inputs; idempotent ingest; export formats.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn sitrep() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    // Keep the user's own data directory out of the tests.
    cmd.env("SITREP_DATA_DIR", "/nonexistent/sitrep-test-data");
    cmd.env_remove("SITREP_DB");
    cmd
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The reference article lives in the shared development folder beside the
/// repository; CI always has it.
fn reference_article() -> PathBuf {
    let p = workspace().join("../shared/corpus/2021-08-13-taliban-offensive.txt");
    assert!(p.exists(), "reference article missing at {}", p.display());
    p
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("sitrep runs");
    assert!(
        out.status.code().is_some(),
        "sitrep was killed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

#[test]
fn extract_offsets_slice_the_original_text() {
    let path = reference_article();
    let text = std::fs::read_to_string(&path).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let out = run(sitrep().arg("extract").arg(&path));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    let mentions: Vec<&Value> = lines.iter().filter(|l| l["record"] == "mention").collect();
    assert!(mentions.len() > 30, "only {} mentions", mentions.len());
    for m in mentions {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        let by_chars: String = chars[s..e].iter().collect();
        assert_eq!(by_chars, m["text"].as_str().unwrap(), "char offsets of {m}");
        let (bs, be) = (
            m["byte_start"].as_u64().unwrap() as usize,
            m["byte_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[bs..be],
            m["text"].as_str().unwrap(),
            "byte offsets of {m}"
        );
    }
    let article = &lines[0];
    assert_eq!(article["record"], "article");
    assert_eq!(article["published"], "2021-08-13");
}

/// The JSON `extract` prints is a documented interface (docs/OUTPUT.md): this
/// pins it. Regenerate with `SITREP_UPDATE_GOLDEN=1 cargo test -p sitrep` after
/// an intended change, and review the diff.
#[test]
fn extract_output_is_pinned() {
    let out = run(sitrep().arg("extract").arg(reference_article()));
    assert!(out.status.success());
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/extract-reference.jsonl");
    // The origin is an absolute path that differs between checkouts.
    let got: String = json_lines(&out.stdout)
        .into_iter()
        .map(|mut v| {
            if v["record"] == "article" {
                v["origin"] = Value::String("<reference>".into());
            }
            format!("{v}\n")
        })
        .collect();
    if std::env::var_os("SITREP_UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &got).unwrap();
    }
    let want = std::fs::read_to_string(&golden).expect("golden file; see the test's doc");
    if want != got {
        let first = want
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(got.lines().count()));
        panic!(
            "extract output changed at line {}:\nwant: {}\ngot:  {}",
            first + 1,
            want.lines().nth(first).unwrap_or("<end>"),
            got.lines().nth(first).unwrap_or("<end>")
        );
    }
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = d.join("2021-08-14-good.txt");
    std::fs::write(
        &good,
        "Taliban fighters captured Mazar-i-Sharif on Saturday.\n",
    )
    .unwrap();
    let empty = d.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = d.join("binary.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 0, 1, 2, 3]).unwrap();
    let invalid = d.join("latin1.txt");
    std::fs::write(&invalid, b"Kandahar fell \xe9 to the Taliban \xff.").unwrap();
    let no_article = d.join("nav.html");
    std::fs::write(
        &no_article,
        "<html><body><nav><a href='/'>Home</a><a href='/w'>World</a></nav></body></html>",
    )
    .unwrap();
    let big = d.join("big.html");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        f.write_all(b"<html><body><article>").unwrap();
        let para = "<p>Fighting continued around the city as residents fled.</p>\n";
        for _ in 0..(50 * 1024 * 1024 / para.len() + 1) {
            f.write_all(para.as_bytes()).unwrap();
        }
        f.write_all(b"</article></body></html>").unwrap();
    }
    let missing = d.join("missing.txt");
    let good2 = d.join("good2.html");
    std::fs::write(
        &good2,
        "<html><head><title>Herat falls</title>\
         <meta property=\"article:published_time\" content=\"2021-08-13T08:00:00Z\"></head>\
         <body><nav>Home | World</nav><article><h1>Herat falls</h1>\
         <p>The Taliban captured Herat, the country's third largest city, on Thursday.</p>\
         <p>Government forces withdrew to the airport after two weeks of fighting.</p>\
         </article><footer>Share this</footer></body></html>",
    )
    .unwrap();
    let db = d.join("test.db");
    let out = run(sitrep().arg("ingest").arg("--db").arg(&db).args([
        &good,
        &empty,
        &binary,
        &invalid,
        &no_article,
        &big,
        &missing,
        &good2,
    ]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    for bad in [&empty, &binary, &invalid, &no_article, &big, &missing] {
        let name = bad.file_name().unwrap().to_string_lossy();
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(&*name)).collect();
        assert_eq!(
            lines.len(),
            1,
            "one error line naming {name}; stderr:\n{stderr}"
        );
    }
    assert!(stderr.contains("2 articles stored"), "stderr: {stderr}");

    // Both good articles are in the database, with their events.
    let out = run(sitrep().arg("events").arg("--db").arg(&db));
    assert!(out.status.success());
    let events = json_lines(&out.stdout);
    let kinds: Vec<&str> = events.iter().filter_map(|e| e["kind"].as_str()).collect();
    assert!(
        kinds.iter().filter(|k| **k == "territory_taken").count() >= 2,
        "kinds: {kinds:?}"
    );
}

#[test]
fn ingesting_twice_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let report = dir.path().join("2021-08-12-ghazni.txt");
    std::fs::write(
        &report,
        "Taliban fighters seized Ghazni, 150 km south-west of Kabul, on Thursday, officials said.\n",
    )
    .unwrap();
    for expected in [
        "1 articles stored, 0 already present",
        "0 articles stored, 1 already present",
    ] {
        let out = run(sitrep().arg("ingest").arg("--db").arg(&db).arg(&report));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(stderr.contains(expected), "want {expected:?} in {stderr}");
    }
    let out = run(sitrep()
        .arg("mentions")
        .arg("--db")
        .arg(&db)
        .args(["--format", "csv"]));
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.lines().next().unwrap().contains("byte_start"), "{csv}");
    assert_eq!(
        csv.lines().filter(|l| l.contains("Ghazni")).count(),
        1,
        "each mention stored once: {csv}"
    );
}

#[test]
fn events_export_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out = run(sitrep()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(reference_article()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = run(sitrep()
        .args(["events", "--format", "geojson", "--db"])
        .arg(&db));
    let geo: Value = serde_json::from_slice(&out.stdout).expect("GeoJSON parses");
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().unwrap();
    assert!(!features.is_empty());
    for f in features {
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        assert!(c[0].as_f64().unwrap().abs() <= 180.0 && c[1].as_f64().unwrap().abs() <= 90.0);
    }

    let out = run(sitrep()
        .args(["events", "--format", "acled", "--db"])
        .arg(&db));
    let acled = String::from_utf8(out.stdout).unwrap();
    let header = acled.lines().next().unwrap();
    for col in [
        "event_id_cnty",
        "event_date",
        "event_type",
        "sub_event_type",
        "actor1",
        "admin1",
        "latitude",
        "fatalities",
    ] {
        assert!(
            header.split(',').any(|h| h == col),
            "ACLED column {col} in {header}"
        );
    }
    assert!(
        acled.contains("Non-state actor overtakes territory"),
        "{acled}"
    );

    let out = run(sitrep()
        .args([
            "events",
            "--kind",
            "territory_taken",
            "--place",
            "AF-HEL",
            "--db",
        ])
        .arg(&db));
    let events = json_lines(&out.stdout);
    assert_eq!(
        events.len(),
        1,
        "one Lashkar Gah capture, merged: {events:?}"
    );
    assert_eq!(
        events[0]["sources"][0]["article"].as_str().map(str::len),
        Some(16)
    );
}

/// A user extends the gazetteer and the actor dictionary for a new place and
/// group without recompiling: a GeoNames dump line and a TOML file.
#[test]
fn user_data_extends_dictionaries_without_recompiling() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let dump = dir.path().join("XX.txt");
    // GeoNames' 19 tab-separated columns; the id is a test value.
    let cols = [
        "99000001",
        "Marjah",
        "Marjah",
        "Marja,Marjeh",
        "31.5200",
        "64.1200",
        "P",
        "PPL",
        "AF",
        "",
        "10",
        "",
        "",
        "",
        "80000",
        "",
        "760",
        "Asia/Kabul",
        "2021-01-01",
    ];
    std::fs::write(&dump, cols.join("\t") + "\n").unwrap();
    let out = run(sitrep()
        .env("SITREP_DATA_DIR", &data)
        .args(["gazetteer", "import"])
        .arg(&dump));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::create_dir_all(data.join("actors")).unwrap();
    std::fs::write(
        data.join("actors/local.toml"),
        "[[actor]]\nid = \"test.brigade\"\nname = \"Northern Lions Brigade\"\nkind = \"militia\"\n\
         country = \"AF\"\naliases = [\"Northern Lions\"]\n",
    )
    .unwrap();
    let article = dir.path().join("2021-08-20-marjah.txt");
    std::fs::write(
        &article,
        "Fighters of the Northern Lions clashed with the Taliban near Marjeh on Thursday.\n",
    )
    .unwrap();
    let out = run(sitrep()
        .env("SITREP_DATA_DIR", &data)
        .arg("extract")
        .arg(&article));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    let place = lines
        .iter()
        .find(|l| l["type"] == "place" && l["text"] == "Marjeh")
        .expect("Marjeh recognised through the imported alternate name");
    assert_eq!(place["place"]["name"], "Marjah");
    assert!(
        lines
            .iter()
            .any(|l| l["type"] == "actor" && l["id"] == "test.brigade"),
        "user actor recognised: {lines:?}"
    );
}
