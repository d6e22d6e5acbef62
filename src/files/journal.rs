//! What is being written right now: each temporary file and staging folder has an entry in the
//! data folder's `inflight/`, locked while the write runs. A run killed half-way (power cut,
//! closed lid, ended process) leaves its entries unlocked, and the next start removes what they
//! name — in the output folder the user picked as well as among the drafts.
//!
//! Without a journal folder set (library tests, scripts that pass none) writes go on unjournaled.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::{TEMP_PREFIX, ensure_private_dir, unique};

static JOURNAL_DIR: Mutex<Option<PathBuf>> = Mutex::new(None);

/// The journal's folder inside a data folder.
pub fn dir_in(data_dir: &Path) -> PathBuf {
    data_dir.join("inflight")
}

/// Journals this process's writes in the data folder.
pub fn set_data_dir(data_dir: &Path) {
    if let Ok(mut dir) = JOURNAL_DIR.lock() {
        *dir = Some(dir_in(data_dir));
    }
}

fn current_dir() -> Option<PathBuf> {
    JOURNAL_DIR.lock().ok().and_then(|dir| dir.clone())
}

/// An entry naming one temporary path; dropped (or ended) when the write is over.
pub struct Entry {
    file: Option<(PathBuf, File)>,
}

impl Drop for Entry {
    fn drop(&mut self) {
        if let Some((path, file)) = self.file.take() {
            let _ = file.unlock();
            drop(file);
            let _ = fs::remove_file(path);
        }
    }
}

/// Notes that `temp` is about to be written. Never fails the write: without a journal the
/// leftover of a crash stays until the same job runs again.
pub fn begin(temp: &Path) -> Entry {
    let file = current_dir().and_then(|dir| {
        ensure_private_dir(&dir).ok()?;
        let path = dir.join(format!("{}-{}.txt", std::process::id(), unique()));
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .ok()?;
        // Locked before the path is written: a sweep never sees a half entry as stale.
        file.lock().ok()?;
        file.write_all(temp.to_string_lossy().as_bytes()).ok()?;
        file.sync_all().ok()?;
        Some((path, file))
    });
    Entry { file }
}

pub fn end(entry: Entry) {
    drop(entry);
}

/// Removes what killed runs left (entries no process holds) and returns the paths removed.
/// Only names carrying our prefix are removed, so an entry can never delete a user's file.
pub fn sweep(data_dir: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let entries = fs::read_dir(dir_in(data_dir))
        .into_iter()
        .flatten()
        .flatten();
    for entry in entries {
        let path = entry.path();
        let Ok(mut file) = OpenOptions::new().read(true).write(true).open(&path) else {
            continue;
        };
        if file.try_lock().is_err() {
            continue; // a running process is writing
        }
        let mut named = String::new();
        let _ = file.read_to_string(&mut named);
        let _ = file.unlock();
        drop(file);
        let target = PathBuf::from(named.trim_end());
        let ours = target
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with(TEMP_PREFIX));
        if ours && remove_any(&target) {
            removed.push(target);
        }
        let _ = fs::remove_file(&path);
    }
    removed
}

fn remove_any(path: &Path) -> bool {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(path).is_ok(),
        Ok(_) => fs::remove_file(path).is_ok(),
        Err(_) => false,
    }
}
