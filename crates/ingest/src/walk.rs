//! Directory walking in a deterministic order: entries sorted by name (byte
//! order), depth first, hidden entries (names starting with `.`) skipped.
//! Symbolic links to files are read; symbolic links to directories are not
//! followed, which rules out cycles.

use std::path::{Path, PathBuf};

use crate::IngestError;

/// Iterator over the files under a directory.
pub(crate) struct Walk {
    /// Paths still to visit, the next one last.
    stack: Vec<PathBuf>,
}

impl Walk {
    pub(crate) fn new(root: &Path) -> Walk {
        Walk {
            stack: vec![root.to_path_buf()],
        }
    }

    fn push_children(&mut self, dir: &Path) -> Result<(), IngestError> {
        let io = |source| IngestError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut children = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            let name = entry.file_name();
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            children.push(entry.path());
        }
        children.sort_by(|a, b| b.file_name().cmp(&a.file_name()));
        self.stack.extend(children);
        Ok(())
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while let Some(path) = self.stack.pop() {
            let meta = match std::fs::symlink_metadata(&path) {
                Ok(m) => m,
                Err(source) => return Some(Err(IngestError::Io { path, source })),
            };
            if meta.is_dir() {
                if let Err(e) = self.push_children(&path) {
                    return Some(Err(e));
                }
                continue;
            }
            if meta.file_type().is_symlink() && path.is_dir() {
                continue;
            }
            return Some(Ok(path));
        }
        None
    }
}
