//! `sitrep gazetteer`: import GeoNames dumps into the user data directory, look
//! names up.

use std::process::ExitCode;

use anyhow::Context;
use sitrep_gazetteer::Gazetteer;

use crate::args::{GazetteerArgs, GazetteerCommand, GlobalArgs};
use crate::config;

pub fn run(global: &GlobalArgs, args: GazetteerArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        GazetteerCommand::Import { files } => {
            let dir = config::data_dir_path(global)
                .context("no user data directory: set --data-dir or SITREP_DATA_DIR")?
                .join("gazetteer");
            std::fs::create_dir_all(&dir).with_context(|| dir.display().to_string())?;
            let report = sitrep_gazetteer::import_geonames(&files, &dir)?;
            eprintln!("sitrep: {report} (into {})", dir.display());
        }
        GazetteerCommand::Lookup { name } => {
            let mut gaz = Gazetteer::shipped()?;
            if let Some(dir) = config::user_data_dir(global).map(|d| d.join("gazetteer")) {
                if dir.is_dir() {
                    gaz = gaz.with_user_dir(&dir)?;
                }
            }
            let hits = gaz.lookup(&name);
            if hits.is_empty() {
                eprintln!("sitrep: no gazetteer entry named {name:?}");
                return Ok(ExitCode::from(1));
            }
            for hit in hits {
                println!("{}", serde_json::to_string(&gaz.place(hit.entry))?);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
