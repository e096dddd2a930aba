//! Evaluation against labelled data. Each module scores one task and returns a
//! report whose `Display` prints precision, recall and F1 per field, with the
//! scope it covers. Nothing here changes what the pipeline does; it only
//! measures it.

use std::path::{Path, PathBuf};

pub mod corpus;
pub mod events;
pub mod geoparse;
pub mod mentions;
pub mod plover;
mod score;

pub use score::Counts;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of a JSON lines file did not parse.
    #[error("{path}:{line}: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
}

impl EvalError {
    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> EvalError {
        EvalError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// A JSON error on line `line` of `path`.
    pub fn json(path: &Path, line: usize, source: serde_json::Error) -> EvalError {
        EvalError::Json {
            path: path.to_path_buf(),
            line,
            source,
        }
    }
}
