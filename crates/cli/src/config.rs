//! Resolved settings: where user data lives. Checked once, then handed to the
//! commands as plain values.

use std::path::PathBuf;

use crate::args::GlobalArgs;

/// The user data directory that extends the shipped dictionaries, if it exists.
///
/// Layout: `gazetteer/` (places and aliases, see `sitrep gazetteer import`),
/// `actors/*.toml`, `lexicon/*.toml`.
pub fn user_data_dir(global: &GlobalArgs) -> Option<PathBuf> {
    let dir = data_dir_path(global)?;
    dir.is_dir().then_some(dir)
}

/// Where the user data directory is or would be, whether or not it exists yet.
pub fn data_dir_path(global: &GlobalArgs) -> Option<PathBuf> {
    if let Some(dir) = &global.data_dir {
        return Some(dir.clone());
    }
    if let Some(xdg) = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(xdg).join("sitrep"));
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share/sitrep"))
}
