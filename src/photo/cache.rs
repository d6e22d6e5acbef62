//! Prepared print versions of a draft's photos, kept in the draft folder (`print-cache/`) so
//! that export, preview, batch, pack and the Word copy decode and resample a camera photo once,
//! not every time.
//!
//! An entry is named by a hash (SHA-256, first 128 bits) of everything that decides its
//! pixels: the source file's bytes, the orientation, the crop, the target size and
//! `PREPARE_VERSION`. A replaced photo, a moved crop or a new way of preparing gives another
//! name, so an entry can never be stale; one that is missing or damaged is made again. The
//! originals are untouched; the folder is never copied into exchange zips, packages or
//! copies of a draft (they take only the files draft.json names), and deleting it loses
//! nothing. Writes go through the one writer (atomic, owner-only); a folder that cannot be
//! written (a read-only USB stick) only means no cache.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use sha2::{Digest, Sha256};
use turbojpeg::{Colorspace, Decompressor};

use super::EncodedImage;
use crate::form::answers::Crop;
use crate::form::printed::ImageTarget;

/// The cache's folder inside a draft folder.
pub const CACHE_DIR: &str = "print-cache";

/// Bump whenever `photo::print` would make different bytes from the same input.
pub const PREPARE_VERSION: u32 = 1;

static ENABLED: AtomicBool = AtomicBool::new(true);

/// Switches the cache off (or on again) for this process: the benchmark measures both.
pub fn set_enabled(enabled: bool) {
    ENABLED.store(enabled, Ordering::Relaxed);
}

pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// The entry's name for this source and this target.
pub fn key(source: &[u8], target: &ImageTarget) -> String {
    let mut hash = Sha256::new();
    hash.update(b"print");
    hash.update(PREPARE_VERSION.to_le_bytes());
    hash.update((source.len() as u64).to_le_bytes());
    hash.update(source);
    hash.update([target.orientation]);
    match target.crop {
        Some(Crop {
            x,
            y,
            width,
            height,
        }) => {
            hash.update([1]);
            for v in [x, y, width, height] {
                hash.update(v.to_le_bytes());
            }
        }
        None => hash.update([0]),
    }
    hash.update(target.width_px.to_le_bytes());
    hash.update(target.height_px.to_le_bytes());
    let digest = hash.finalize();
    digest
        .iter()
        .take(16)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The name of the screen thumbnail of this source (upright, `side` pixels at most); its entry
/// ends in `.thumb.jpg` and is kept by `prune`.
pub fn thumb_key(source: &[u8], orientation: u8, side: u32) -> String {
    let mut hash = Sha256::new();
    hash.update(b"thumb");
    hash.update(PREPARE_VERSION.to_le_bytes());
    hash.update((source.len() as u64).to_le_bytes());
    hash.update(source);
    hash.update([orientation]);
    hash.update(side.to_le_bytes());
    let digest = hash.finalize();
    let hex: String = digest
        .iter()
        .take(16)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("{hex}.thumb")
}

fn entry_path(dir: &Path, key: &str) -> PathBuf {
    dir.join(CACHE_DIR).join(format!("{key}.jpg"))
}

/// The prepared photo under `key`, if there is a whole one.
pub fn load(dir: &Path, key: &str) -> Option<EncodedImage> {
    if !enabled() {
        return None;
    }
    let jpeg = fs::read(entry_path(dir, key)).ok()?;
    // Written atomically, but a disk or a hand may still have damaged it: it must at least be
    // a JPEG with its end marker, of a colour space the PDF shows as it is.
    if !jpeg.ends_with(&[0xFF, 0xD9]) {
        return None;
    }
    let header = Decompressor::new().ok()?.read_header(&jpeg).ok()?;
    let components = match header.colorspace {
        Colorspace::Gray => 1,
        Colorspace::YCbCr | Colorspace::RGB => 3,
        _ => return None,
    };
    Some(EncodedImage {
        width_px: u32::try_from(header.width).ok()?,
        height_px: u32::try_from(header.height).ok()?,
        jpeg,
        components,
    })
}

/// Keeps a prepared photo under `key`; failing to is not an error (no cache, that is all).
pub fn store(dir: &Path, key: &str, image: &EncodedImage) {
    store_bytes(dir, key, &image.jpeg);
}

/// Keeps JPEG bytes under `key` (a thumbnail); failing to is not an error.
pub fn store_bytes(dir: &Path, key: &str, jpeg: &[u8]) {
    if !enabled() {
        return;
    }
    let folder = dir.join(CACHE_DIR);
    if crate::files::ensure_private_dir(&folder).is_ok() {
        let _ = crate::files::write_file(&entry_path(dir, key), jpeg);
    }
}

/// Removes the print entries no photo of the draft uses any more (an old crop, a replaced
/// photo). Thumbnails are left: the window asks for them by themselves.
pub fn prune(dir: &Path, keep: &[String]) {
    if !enabled() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir.join(CACHE_DIR)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let used = name
            .strip_suffix(".jpg")
            .is_some_and(|key| key.ends_with(".thumb") || keep.iter().any(|k| k == key));
        // The writer's temporary files belong to a write in progress (or to the sweep).
        if !used && !crate::files::is_temporary(&name) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Bytes the cache takes in a draft folder.
pub fn size_on_disk(dir: &Path) -> u64 {
    fs::read_dir(dir.join(CACHE_DIR))
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|entry| entry.metadata().ok())
                .map(|metadata| metadata.len())
                .sum()
        })
        .unwrap_or(0)
}
