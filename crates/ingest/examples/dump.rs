//! Prints what the readers make of each path given: metadata, then the text.
//! `cargo run -p sitrep-ingest --example dump -- PATH...`

use std::path::PathBuf;

use sitrep_ingest::{Overrides, Reader};

fn main() {
    let reader = Reader::new(Overrides::default());
    for arg in std::env::args_os().skip(1) {
        let path = PathBuf::from(arg);
        for result in reader.read_path(&path) {
            match result {
                Ok(a) => {
                    println!("== {} [{}]", a.origin, a.id);
                    println!("title: {:?}", a.title);
                    println!("published: {:?}", a.published);
                    println!("source: {:?}", a.source);
                    println!("url: {:?}", a.url);
                    println!("{}\n", a.text);
                }
                Err(e) => println!("!! {e}\n"),
            }
        }
    }
}
