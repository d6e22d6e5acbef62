//! One draft folder: `draft.json`, the photos copied into it, and `backups/`. Saving writes a
//! temporary file in the same folder, syncs it, keeps the previous version as a backup and
//! renames over the old file, so an interrupted save leaves either the old or the new draft.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::migrate::{Migrated, migrate};
use super::{DRAFT_FILE, Draft, DraftError};
use crate::files::{create_private, ensure_private_dir, rename_with_retries, sync_dir};
use crate::form::answers::PhotoRef;
use crate::form::definition::FormDefinition;
use crate::form::validate::{Finding, Severity};
use crate::photo;

pub(crate) const TEMP_FILE: &str = "draft.json.tmp";
const BACKUP_DIR: &str = "backups";
/// Versions written by someone else and kept before the app overwrote them.
const KEPT_DIR: &str = "kept";
/// How many earlier versions are kept in `backups/`.
pub const BACKUPS_KEPT: usize = 5;
/// Autosave writes after every pause in typing; a backup of each would keep only the last
/// minute. One backup per interval keeps versions worth going back to.
pub const BACKUP_INTERVAL: Duration = Duration::from_secs(5 * 60);

/// When a file was last modified and its size.
pub type DiskStamp = (SystemTime, u64);

/// The steps of a save, in order; tests interrupt a save before each of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    CreateTemp,
    WriteFirstHalf,
    WriteSecondHalf,
    Sync,
    Backup,
    Rename,
    SyncFolder,
}

impl SaveStep {
    pub const ALL: [SaveStep; 7] = [
        SaveStep::CreateTemp,
        SaveStep::WriteFirstHalf,
        SaveStep::WriteSecondHalf,
        SaveStep::Sync,
        SaveStep::Backup,
        SaveStep::Rename,
        SaveStep::SyncFolder,
    ];
}

/// What a successful load found besides the draft itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadNotes {
    /// The schema the file had, when it was older and was migrated in memory (the file itself is
    /// only rewritten by the next save).
    pub migrated_from: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftFolder {
    pub dir: PathBuf,
    /// A save makes a backup only if the newest one is older than this.
    pub backup_interval: Duration,
}

impl DraftFolder {
    /// A draft folder, or the folder of a `draft.json` path.
    pub fn at(path: &Path) -> Self {
        let dir = if path.file_name().is_some_and(|name| name == DRAFT_FILE) {
            path.parent().map(Path::to_owned).unwrap_or_default()
        } else {
            path.to_owned()
        };
        DraftFolder {
            dir,
            backup_interval: BACKUP_INTERVAL,
        }
    }

    pub fn file(&self) -> PathBuf {
        self.dir.join(DRAFT_FILE)
    }

    pub fn load(&self) -> Result<(Draft, LoadNotes), DraftError> {
        let path = self.file();
        let bytes = fs::read(&path).map_err(|error| DraftError::read(&path, &error))?;
        parse_draft(&path, &bytes)
    }

    pub fn save(&self, draft: &mut Draft) -> Result<SaveReport, DraftError> {
        self.save_with(draft, &mut |_| Ok(()))
    }

    /// Saves, calling `before` ahead of each step; an error from it stops the save there, as a
    /// crash or a full disk would (tests use this to interrupt every step).
    pub fn save_with(
        &self,
        draft: &mut Draft,
        before: &mut dyn FnMut(SaveStep) -> io::Result<()>,
    ) -> Result<SaveReport, DraftError> {
        let started = Instant::now();
        let previous_saved_at = draft.saved_at;
        draft.saved_at = now_seconds();
        let result = self.write_atomically(draft, before);
        if result.is_err() {
            draft.saved_at = previous_saved_at;
            // The temporary file is of no use; the old draft.json is intact.
            let _ = fs::remove_file(self.dir.join(TEMP_FILE));
        }
        let bytes = result?;
        Ok(SaveReport {
            bytes,
            micros: started.elapsed().as_micros() as u64,
        })
    }

    fn write_atomically(
        &self,
        draft: &Draft,
        before: &mut dyn FnMut(SaveStep) -> io::Result<()>,
    ) -> Result<usize, DraftError> {
        let json = serde_json::to_vec_pretty(draft).map_err(|error| DraftError::Write {
            path: self.file(),
            reason: error.to_string(),
            advice: "这是程序的问题，请把草稿另存一份并联系维护人员。",
        })?;
        let temp = self.dir.join(TEMP_FILE);
        let fail = |error: io::Error| DraftError::write(&temp, &error);
        ensure_private_dir(&self.dir).map_err(|error| DraftError::write(&self.dir, &error))?;
        before(SaveStep::CreateTemp).map_err(fail)?;
        let mut file = create_private(&temp).map_err(fail)?;
        // Held while written: the sweep at start tells a live save from a killed one.
        let _ = file.lock();
        let (first, second) = json.split_at(json.len() / 2);
        before(SaveStep::WriteFirstHalf).map_err(fail)?;
        file.write_all(first).map_err(fail)?;
        before(SaveStep::WriteSecondHalf).map_err(fail)?;
        file.write_all(second).map_err(fail)?;
        before(SaveStep::Sync).map_err(fail)?;
        file.sync_all().map_err(fail)?;
        drop(file);
        before(SaveStep::Backup).map_err(fail)?;
        self.back_up().map_err(fail)?;
        before(SaveStep::Rename).map_err(fail)?;
        // An antivirus or indexer may hold draft.json for a moment on Windows: retried.
        rename_with_retries(&temp, &self.file(), &mut |from, to| fs::rename(from, to))
            .map_err(|error| DraftError::write(&self.file(), &error))?;
        before(SaveStep::SyncFolder).map_err(fail)?;
        sync_dir(&self.dir);
        Ok(json.len())
    }

    /// Copies the current draft.json into `backups/` (unless a recent backup exists) and drops
    /// the oldest beyond the limit.
    fn back_up(&self) -> io::Result<()> {
        let current = self.file();
        if !current.exists() || self.has_recent_backup() {
            return Ok(());
        }
        let dir = self.dir.join(BACKUP_DIR);
        ensure_private_dir(&dir)?;
        let name = format!("draft-{}.json", now_millis());
        // Through the one writer: a crash never leaves half a backup to restore from.
        let bytes = fs::read(&current)?;
        crate::files::write_file(&dir.join(name), &bytes).map_err(io::Error::other)?;
        let mut backups = self.backups();
        while backups.len() > BACKUPS_KEPT {
            let oldest = backups.remove(0);
            fs::remove_file(oldest)?;
        }
        Ok(())
    }

    fn has_recent_backup(&self) -> bool {
        let newest = self.backups().pop();
        let age = newest
            .and_then(|path| fs::metadata(path).ok())
            .and_then(|meta| meta.modified().ok())
            .and_then(|modified| modified.elapsed().ok());
        age.is_some_and(|age| age < self.backup_interval)
    }

    /// Keeps a copy of the draft file as it is on disk now, under `kept/` (never rotated
    /// away), before it is overwritten after a change made outside the app.
    pub fn keep_disk_version(&self) -> Result<PathBuf, DraftError> {
        let from = self.file();
        let bytes = fs::read(&from).map_err(|error| DraftError::read(&from, &error))?;
        self.keep(&bytes, "磁盘版本")
    }

    /// Keeps a draft under `kept/` with a label in its name (e.g. the version on screen, before
    /// the one on disk is loaded over it).
    pub fn keep_draft(&self, draft: &Draft, label: &str) -> Result<PathBuf, DraftError> {
        let bytes = serde_json::to_vec_pretty(draft).map_err(|error| DraftError::Write {
            path: self.file(),
            reason: error.to_string(),
            advice: "",
        })?;
        self.keep(&bytes, label)
    }

    pub(crate) fn keep(&self, bytes: &[u8], label: &str) -> Result<PathBuf, DraftError> {
        let kept = self.dir.join(KEPT_DIR);
        ensure_private_dir(&kept).map_err(|error| DraftError::write(&kept, &error))?;
        let target = kept.join(format!("draft-{}-{label}.json", now_millis()));
        crate::files::write_file(&target, bytes)?;
        Ok(target)
    }

    /// When the draft file was last changed and its size: a different stamp than the one of
    /// our own last save means someone else wrote it.
    pub fn disk_stamp(&self) -> Option<DiskStamp> {
        let metadata = fs::metadata(self.file()).ok()?;
        Some((metadata.modified().ok()?, metadata.len()))
    }

    /// Earlier versions, oldest first.
    pub fn backups(&self) -> Vec<PathBuf> {
        json_files(&self.dir.join(BACKUP_DIR))
    }

    /// Copies a photo into the folder (the original is never touched) and describes it.
    pub fn add_photo(&self, source: &Path, stem: &str) -> Result<PhotoRef, DraftError> {
        let bytes = fs::read(source).map_err(|error| DraftError::read(source, &error))?;
        // Opened in full: a file cut short or too big is refused here, at the photo step, with
        // the message `check` and `export` would give.
        let info = photo::verify::verify(&bytes).map_err(|error| DraftError::Photo {
            path: source.to_owned(),
            source: error,
        })?;
        ensure_private_dir(&self.dir).map_err(|error| DraftError::write(&self.dir, &error))?;
        let name = self.free_name(stem, info.extension());
        // Whole or not at all: a photo cut short by a crash would print half-drawn.
        crate::files::write_file(&self.dir.join(&name), &bytes)?;
        Ok(PhotoRef {
            file: name,
            width: info.width,
            height: info.height,
            bytes: bytes.len() as u64,
            orientation: info.orientation,
            crop: None,
            caption: None,
            original_name: source
                .file_name()
                .map(|name| name.to_string_lossy().into_owned()),
        })
    }

    /// Writes a photo received from elsewhere (an imported draft) under its own name, readable
    /// only by the owner. The name must be a plain file name.
    pub fn put_file(&self, name: &str, bytes: &[u8]) -> Result<(), DraftError> {
        let target = self.dir.join(name);
        if name.is_empty() || name.contains(['/', '\\']) || name == DRAFT_FILE || name == ".." {
            return Err(DraftError::write(
                &target,
                &io::Error::new(io::ErrorKind::InvalidInput, "文件名不合法"),
            ));
        }
        ensure_private_dir(&self.dir).map_err(|error| DraftError::write(&self.dir, &error))?;
        let mut file =
            create_private(&target).map_err(|error| DraftError::write(&target, &error))?;
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|error| DraftError::write(&target, &error))
    }

    fn free_name(&self, stem: &str, extension: &str) -> String {
        (1..)
            .map(|n| format!("{stem}-{n}.{extension}"))
            .find(|name| !self.dir.join(name).exists())
            .unwrap_or_else(|| format!("{stem}-{}.{extension}", now_millis()))
    }

    /// Findings for photo files the draft refers to that are not in the folder, or that are
    /// not plain file names in it (a path, `..`, a link leading out): cheap, no file is read.
    /// `photo_findings` (in `photo_check`) also opens and decodes them.
    pub fn missing_photos(&self, definition: &FormDefinition, draft: &Draft) -> Vec<Finding> {
        draft
            .answers
            .photo_files()
            .into_iter()
            .filter_map(|(field_id, photo)| {
                let error = photo::source::photo_path(&self.dir, &photo.file).err()?;
                let label = definition
                    .field(field_id)
                    .map_or(field_id, |field| field.label.as_str());
                let code = match error {
                    photo::source::SourceError::Missing(_) => "photo_missing",
                    _ => "photo_outside",
                };
                Some(Finding {
                    severity: Severity::Error,
                    field: field_id.to_owned(),
                    row: None,
                    code,
                    message: format!("「{label}」：{error}"),
                })
            })
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveReport {
    pub bytes: usize,
    pub micros: u64,
}

pub fn parse_draft(path: &Path, bytes: &[u8]) -> Result<(Draft, LoadNotes), DraftError> {
    let damaged = |detail: String| DraftError::Damaged {
        path: path.to_owned(),
        detail,
    };
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|error| {
        damaged(format!(
            "第{}行第{}列：{}",
            error.line(),
            error.column(),
            json_problem(&error)
        ))
    })?;
    match migrate(value).map_err(damaged)? {
        Migrated::Newer(found) => Err(DraftError::Newer {
            path: path.to_owned(),
            found,
            supported: super::SCHEMA,
        }),
        Migrated::Current { value, from } => {
            let draft: Draft =
                serde_json::from_value(value).map_err(|error| damaged(error.to_string()))?;
            Ok((
                draft,
                LoadNotes {
                    migrated_from: from,
                },
            ))
        }
    }
}

fn json_problem(error: &serde_json::Error) -> &'static str {
    match error.classify() {
        serde_json::error::Category::Eof => "文件在中途截断了",
        serde_json::error::Category::Syntax => "内容格式错误",
        serde_json::error::Category::Data => "内容与草稿格式不符",
        serde_json::error::Category::Io => "读取出错",
    }
}

/// The `.json` files of a folder, sorted by name; none if the folder cannot be read.
pub(crate) fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

fn now_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn now_millis() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}
