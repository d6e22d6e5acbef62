//! Every photo a printed copy shows, read from the draft folder and prepared for print in
//! parallel (`print::prepare`); the PDF and the Word copy embed the same bytes.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use thiserror::Error;

use super::EncodedImage;
use super::print::prepare;
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

/// Reads and prepares the photos of `dir` in parallel. Workers take the next photo from a
/// shared queue, largest files first, so two cores share four camera photos evenly instead of
/// one core getting all of them because they sit together in the list.
pub fn prepare_all(dir: &Path, targets: &[ImageTarget]) -> Result<PreparedImages, PrepareError> {
    let workers = thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4)
        .min(targets.len().max(1));
    let mut order: Vec<&ImageTarget> = targets.iter().collect();
    let size = |target: &ImageTarget| {
        fs::metadata(dir.join(&target.file)).map_or(0, |metadata| metadata.len())
    };
    order.sort_by_cached_key(|target| std::cmp::Reverse(size(target)));
    let next = AtomicUsize::new(0);
    let results: Vec<Result<Vec<(String, EncodedImage)>, PrepareError>> = thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(target) = order.get(index) else {
                            return Ok(done);
                        };
                        done.push(prepare_one(dir, target)?);
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle.join().unwrap_or_else(|_| {
                    Err(PrepareError {
                        file: String::new(),
                        reason: "处理图片时程序出错".into(),
                    })
                })
            })
            .collect()
    });
    let mut images = HashMap::new();
    for result in results {
        for (file, image) in result? {
            images.insert(file, Arc::new(image));
        }
    }
    Ok(images)
}

fn prepare_one(dir: &Path, target: &ImageTarget) -> Result<(String, EncodedImage), PrepareError> {
    let fail = |reason: String| PrepareError {
        file: target.file.clone(),
        reason,
    };
    let bytes = fs::read(dir.join(&target.file)).map_err(|error| {
        fail(format!(
            "无法读取（{error}），文件可能已被移走或删除：请在填表助手中重新选择这张图片"
        ))
    })?;
    let image = prepare(
        &bytes,
        target.orientation,
        target.crop,
        (target.width_px, target.height_px),
    )
    .map_err(|error| fail(error.to_string()))?;
    Ok((target.file.clone(), image))
}
