//! Every photo a printed copy shows, read from the draft folder and prepared for print in
//! parallel (`print::prepare`); the PDF and the Word copy embed the same bytes. This is the one
//! place photos are prepared: each is looked up in the draft folder's print cache first
//! (`cache`), and only a missing entry is decoded and resampled.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use thiserror::Error;

use super::print::prepare;
use super::source::read_photo;
use super::{EncodedImage, cache};
use crate::form::printed::ImageTarget;

/// A photo that could not be prepared, and why (in Chinese, for the user).
#[derive(Debug, Error, PartialEq, Eq)]
#[error("图片 {file} 无法使用：{reason}")]
pub struct PrepareError {
    pub file: String,
    pub reason: String,
}

/// Prepared photos by their file name in the draft folder.
pub type PreparedImages = HashMap<String, Arc<EncodedImage>>;

type Prepared = (String, String, EncodedImage);

/// Reads and prepares the photos of `dir` in parallel; the first problem stops it.
pub fn prepare_all(dir: &Path, targets: &[ImageTarget]) -> Result<PreparedImages, PrepareError> {
    let mut images = HashMap::new();
    let mut keys = Vec::new();
    for result in prepare_each(dir, targets) {
        let (file, key, image) = result?;
        images.insert(file, Arc::new(image));
        keys.push(key);
    }
    cache::prune(dir, &keys);
    Ok(images)
}

/// Prepares the photos of `dir` on a thread of their own and keeps them in the print cache, so
/// that the preview's export, the PDF and the Word copy find them ready (the window calls this
/// when a photo is added). Nothing waits for it; a problem is found again by `check`/`export`.
pub fn prepare_in_background(dir: std::path::PathBuf, targets: Vec<ImageTarget>) {
    if targets.is_empty() || !cache::enabled() {
        return;
    }
    let _ = thread::Builder::new()
        .name("prepare-photos".into())
        .spawn(move || {
            let _ = prepare_all(&dir, &targets);
        });
}

/// Every problem of the photos of `dir`, found exactly as `prepare_all` finds them (so `check`
/// fails where `export` would); what is prepared on the way stays in the cache for export.
pub fn check_all(dir: &Path, targets: &[ImageTarget]) -> Vec<PrepareError> {
    prepare_each(dir, targets)
        .into_iter()
        .filter_map(Result::err)
        .collect()
}

/// Workers take the next photo from a shared queue, largest files first, so two cores share
/// four camera photos evenly instead of one core getting all of them because they sit
/// together in the list.
fn prepare_each(dir: &Path, targets: &[ImageTarget]) -> Vec<Result<Prepared, PrepareError>> {
    let workers = thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4)
        .min(targets.len().max(1));
    let mut order: Vec<&ImageTarget> = targets.iter().collect();
    let size = |target: &ImageTarget| {
        super::source::photo_path(dir, &target.file)
            .ok()
            .and_then(|path| fs::metadata(path).ok())
            .map_or(0, |metadata| metadata.len())
    };
    order.sort_by_cached_key(|target| std::cmp::Reverse(size(target)));
    let next = AtomicUsize::new(0);
    thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(target) = order.get(index) else {
                            return done;
                        };
                        done.push(prepare_one(dir, target));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle.join().unwrap_or_else(|_| {
                    vec![Err(PrepareError {
                        file: String::new(),
                        reason: "处理图片时程序出错".into(),
                    })]
                })
            })
            .collect()
    })
}

fn prepare_one(dir: &Path, target: &ImageTarget) -> Result<Prepared, PrepareError> {
    let fail = |reason: String| PrepareError {
        file: target.file.clone(),
        reason,
    };
    let bytes = read_photo(dir, &target.file).map_err(|error| fail(error.to_string()))?;
    let key = cache::key(&bytes, target);
    if let Some(image) = cache::load(dir, &key) {
        return Ok((target.file.clone(), key, image));
    }
    let image = prepare(
        &bytes,
        target.orientation,
        target.crop,
        (target.width_px, target.height_px),
    )
    .map_err(|error| fail(error.to_string()))?;
    // A photo passed through as it is needs no second copy.
    if image.jpeg != bytes {
        cache::store(dir, &key, &image);
    }
    Ok((target.file.clone(), key, image))
}
