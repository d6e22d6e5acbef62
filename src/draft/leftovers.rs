//! At start: what runs killed half-way (power cut, closed lid, ended process) left behind is
//! removed — staging folders of imports and copies, temporary files of exports, packages and
//! zips, wherever the journal says they were — and a draft save cut short before its rename,
//! which may hold the newest words, is kept aside in the draft's `kept/` and told once.

use std::fs::{self, OpenOptions};
use std::path::PathBuf;

use super::folder::{TEMP_FILE, parse_draft};
use super::{DraftFolder, Library};
use crate::files::journal;

impl Library {
    /// Sweeps leftovers; returns what to tell the user (nothing when there was nothing to keep).
    pub fn sweep_leftovers(&self) -> Vec<String> {
        journal::sweep(&self.root);
        let mut messages = Vec::new();
        let dirs = fs::read_dir(self.drafts_dir())
            .into_iter()
            .flatten()
            .flatten();
        for dir in dirs.map(|entry| entry.path()).filter(|dir| dir.is_dir()) {
            if let Some(message) = keep_interrupted_save(&DraftFolder::at(&dir)) {
                messages.push(message);
            }
        }
        messages
    }
}

/// A `draft.json.tmp` no running save holds: kept aside when it is a whole draft that differs
/// from the saved one, then removed.
fn keep_interrupted_save(folder: &DraftFolder) -> Option<String> {
    let temp: PathBuf = folder.dir.join(TEMP_FILE);
    let file = OpenOptions::new().read(true).write(true).open(&temp).ok()?;
    if file.try_lock().is_err() {
        return None; // a save is under way
    }
    let bytes = fs::read(&temp).ok();
    let _ = file.unlock();
    drop(file);
    let whole = bytes.filter(|bytes| parse_draft(&temp, bytes).is_ok());
    let saved = fs::read(folder.file()).ok();
    let message = match whole {
        Some(bytes) if saved.as_deref() != Some(bytes.as_slice()) => {
            let name = folder
                .dir
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            match folder.keep(&bytes, "中断的保存") {
                Ok(kept) => Some(format!(
                    "草稿“{name}”上次保存时被中断（可能是断电或程序被关闭）。当时的内容已另存为 {}，需要时可打开比对。",
                    kept.display()
                )),
                // Not removed: it may be the only copy of those words.
                Err(_) => return None,
            }
        }
        _ => None,
    };
    let _ = fs::remove_file(&temp);
    message
}
