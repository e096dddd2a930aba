use std::path::PathBuf;

/// What went wrong loading, merging or importing a dictionary. Every variant names
/// the input (a file path, or `<shipped:NAME>` / `<string>`) and, where there is
/// one, the line.
#[derive(Debug, thiserror::Error)]
pub enum ActorError {
    /// A file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The TOML did not parse or did not have the dictionary's shape.
    #[error("{origin}:{line}: {message}")]
    Toml {
        /// Where the text came from.
        origin: String,
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// The parser's message.
        message: String,
    },
    /// An entry parsed but breaks a rule of the format (missing name, bad id, ...).
    #[error("{origin}:{line}: {what}: {message}")]
    Invalid {
        /// Where the entry came from.
        origin: String,
        /// 1-based line where the entry's id first appears (0 when unknown).
        line: usize,
        /// Which entry (`actor "taliban"`, `person "ben_wallace"`).
        what: String,
        /// What is wrong.
        message: String,
    },
    /// A line of a CAMEO/Phoenix dictionary could not be read.
    #[error("{path}:{line}: {message}")]
    Cameo {
        /// The dictionary file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The alias automaton could not be built (too many or too long aliases).
    #[error("building the alias matcher: {0}")]
    Matcher(String),
}
