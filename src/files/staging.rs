//! Several files that appear together or not at all (an imported draft, a package): built in a
//! hidden staging folder beside the target, then renamed into place in one step. Dropped
//! without `commit`, the staging folder is removed; killed, it is swept at the next start.

use std::fs;
use std::path::{Path, PathBuf};

use super::{TEMP_PREFIX, WriteError, ensure_private_dir, journal, sync_dir, unique};

pub struct Staging {
    dir: PathBuf,
    entry: Option<journal::Entry>,
    committed: bool,
}

impl Staging {
    /// A new, empty, owner-only staging folder in `parent` (created if needed).
    pub fn new(parent: &Path, label: &str) -> Result<Self, WriteError> {
        ensure_private_dir(parent).map_err(|error| WriteError::from_io(parent, &error))?;
        let dir = parent.join(format!(
            "{TEMP_PREFIX}{label}.{}-{}.staging",
            std::process::id(),
            unique()
        ));
        let entry = journal::begin(&dir);
        ensure_private_dir(&dir).map_err(|error| WriteError::from_io(&dir, &error))?;
        Ok(Staging {
            dir,
            entry: Some(entry),
            committed: false,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Moves the finished folder to `target` (which must not exist) in one rename.
    pub fn commit(mut self, target: &Path) -> Result<(), WriteError> {
        sync_dir(&self.dir);
        super::rename_with_retries(&self.dir, target, &mut |from, to| {
            if to.exists() {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "目标已存在",
                ));
            }
            fs::rename(from, to)
        })
        .map_err(|error| WriteError::from_io(target, &error))?;
        self.committed = true;
        if let Some(parent) = target.parent() {
            sync_dir(parent);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
        if let Some(entry) = self.entry.take() {
            journal::end(entry);
        }
    }
}

/// Whether a name is one of our temporary files or staging folders (never listed as a draft).
pub fn is_temporary(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX)
}
