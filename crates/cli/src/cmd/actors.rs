//! `sitrep actors`: import CAMEO/Phoenix dictionaries into the user data
//! directory, list the dictionary in force.

use std::process::ExitCode;

use anyhow::Context;
use sitrep_actors::ActorDictionary;

use crate::args::{ActorsArgs, ActorsCommand, GlobalArgs};
use crate::config;

pub fn run(global: &GlobalArgs, args: ActorsArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        ActorsCommand::Import { files } => {
            let dir = config::data_dir_path(global)
                .context("no user data directory: set --data-dir or SITREP_DATA_DIR")?
                .join("actors");
            std::fs::create_dir_all(&dir).with_context(|| dir.display().to_string())?;
            for file in files {
                let dict = sitrep_actors::import_cameo(&file)
                    .with_context(|| format!("importing {}", file.display()))?;
                let stem = file
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "imported".into());
                let out = dir.join(format!("{stem}.toml"));
                let header = format!(
                    "# Imported by `sitrep actors import` from {}.\n\
                     # CAMEO/Phoenix actor dictionaries are published by the Open Event Data\n\
                     # Alliance under the MIT licence; keep this notice with the file.\n\n",
                    file.display()
                );
                std::fs::write(&out, header + &dict.to_toml())
                    .with_context(|| format!("writing {}", out.display()))?;
                eprintln!(
                    "sitrep: {} actors from {} written to {}",
                    dict.len(),
                    file.display(),
                    out.display()
                );
            }
        }
        ActorsCommand::List => {
            let mut dict = ActorDictionary::shipped()?;
            if let Some(dir) = config::user_data_dir(global).map(|d| d.join("actors")) {
                if dir.is_dir() {
                    dict = dict.load_dir(&dir)?;
                }
            }
            print!("{}", dict.to_toml());
        }
    }
    Ok(ExitCode::SUCCESS)
}
