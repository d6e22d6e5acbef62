//! A draft as one file for the way between candidate and secretary: `姓名-推荐材料.zip` holding
//! `draft.json` and its photos. Reading one back checks everything (a zip at all, ours, complete,
//! not absurdly large, paths inside the folder) before anything is written anywhere.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::PackageError;
use super::zip_writer::{Compression, ZipWriter};
use crate::draft::folder::{LoadNotes, parse_draft};
use crate::draft::library::safe_file_stem;
use crate::draft::{DRAFT_FILE, Draft, DraftFolder};

/// A photo original is a few MB; more than this in one entry is not a draft's photo.
const MAX_ENTRY_BYTES: u64 = 64 * 1024 * 1024;
/// All of a draft: the ID photo, evidence and life photos at camera size.
const MAX_TOTAL_BYTES: u64 = 512 * 1024 * 1024;

/// The file name the notice-minded secretary expects: 姓名-推荐材料.zip.
pub fn exchange_file_name(draft: &Draft) -> String {
    format!("{}-推荐材料.zip", safe_file_stem(&draft.candidate_name()))
}

/// The draft and every photo it refers to, as zip bytes. Photos are stored as they are (JPEG
/// does not compress further); the draft text is deflated. Names as Windows Explorer reads them
/// (`zip_entry_name`); the reader below takes these and the UTF-8 names of older versions.
pub fn write_exchange(folder: &DraftFolder, draft: &Draft) -> Result<Vec<u8>, PackageError> {
    let json =
        serde_json::to_vec_pretty(draft).map_err(|error| PackageError::Zip(error.to_string()))?;
    let mut zip = ZipWriter::new(Vec::new());
    let fail = |error: std::io::Error| PackageError::Zip(error.to_string());
    zip.add(DRAFT_FILE, &json, Compression::Deflated)
        .map_err(fail)?;
    let mut written = Vec::new();
    for (_, photo) in draft.answers.photo_files() {
        if written.contains(&photo.file) {
            continue;
        }
        // Only a plain file name inside the draft folder is read (`photo::source`).
        let bytes = crate::photo::source::read_photo(&folder.dir, &photo.file).map_err(|_| {
            PackageError::MissingPhoto {
                name: draft.display_name(),
                file: photo.file.clone(),
            }
        })?;
        zip.add(&photo.file, &bytes, Compression::Stored)
            .map_err(fail)?;
        written.push(photo.file.clone());
    }
    zip.finish().map_err(fail)
}

/// A draft read from an exchange zip, not yet written anywhere.
#[derive(Debug)]
pub struct Incoming {
    pub draft: Draft,
    pub notes: LoadNotes,
    /// The photo files the draft refers to, under fresh names: name and bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Reads and checks an exchange zip. `name` is only for messages (the zip's file name).
pub fn read_exchange(name: &str, bytes: &[u8]) -> Result<Incoming, PackageError> {
    let mut archive =
        ZipArchive::new(Cursor::new(bytes)).map_err(|error| PackageError::NotAZip {
            path: name.to_owned(),
            detail: error.to_string(),
        })?;
    // A zip re-packed by hand may hold the draft folder itself: accept one level of folder.
    let (prefix, draft_index) = find_draft(&mut archive).ok_or_else(|| PackageError::Foreign {
        path: name.to_owned(),
    })?;
    let draft_bytes = read_entry(&mut archive, draft_index, name)?;
    let (mut draft, notes) = parse_draft(
        std::path::Path::new(&format!("{name}/{DRAFT_FILE}")),
        &draft_bytes,
    )?;
    let files = take_photos(
        &mut archive,
        &prefix,
        &mut draft,
        name,
        draft_bytes.len() as u64,
    )?;
    Ok(Incoming {
        draft,
        notes,
        files,
    })
}

/// Reads every photo the draft refers to, checks that it is an image, and gives it a fresh
/// plain name (`photo-1.jpg` …): names from another PC are never used as paths here (`CON`,
/// `C:x`, `backups`, case twins on Windows). The draft's references follow the new names, and
/// sizes are those of the bytes received, not what the file claims.
fn take_photos<R: Read + std::io::Seek>(
    archive: &mut ZipArchive<R>,
    prefix: &str,
    draft: &mut Draft,
    name: &str,
    mut total: u64,
) -> Result<Vec<(String, Vec<u8>)>, PackageError> {
    let incomplete = |detail: String| PackageError::Incomplete {
        path: name.to_owned(),
        detail,
    };
    // Original name → (new name, probed facts).
    let mut renamed: Vec<(String, String, crate::photo::ImageInfo, u64)> = Vec::new();
    let mut files = Vec::new();
    for photo in draft.answers.photo_files_mut() {
        if !renamed.iter().any(|(old, ..)| *old == photo.file) {
            let index = archive
                .index_for_name(&format!("{prefix}{}", photo.file))
                .filter(|_| !photo.file.is_empty())
                .ok_or_else(|| incomplete(format!("草稿引用的图片 {} 不在压缩包里", photo.file)))?;
            let content = read_entry(archive, index, name)?;
            total += content.len() as u64;
            if total > MAX_TOTAL_BYTES {
                return Err(PackageError::TooLarge {
                    path: name.to_owned(),
                    detail: format!("合计超过{}MB", MAX_TOTAL_BYTES / (1024 * 1024)),
                });
            }
            let info = crate::photo::probe(&content).map_err(|error| {
                let reason = error.to_string();
                let reason = reason.trim_end_matches('。');
                incomplete(format!("图片 {} 无法使用（{reason}）", photo.file))
            })?;
            let fresh = format!("photo-{}.{}", renamed.len() + 1, info.extension());
            renamed.push((
                photo.file.clone(),
                fresh.clone(),
                info,
                content.len() as u64,
            ));
            files.push((fresh, content));
        }
        if let Some((_, fresh, info, bytes)) = renamed.iter().find(|(old, ..)| *old == photo.file) {
            let claimed = (photo.width, photo.height);
            photo.file = fresh.clone();
            photo.bytes = *bytes;
            photo.width = info.width;
            photo.height = info.height;
            photo.orientation = info.orientation;
            // A crop chosen on other pixels would cut the wrong part: the user chooses again.
            if claimed != (info.width, info.height) {
                photo.crop = None;
            }
        }
    }
    Ok(files)
}

/// The folder prefix ("" or "张三/") and index of the draft.json entry.
fn find_draft<R: Read + std::io::Seek>(archive: &mut ZipArchive<R>) -> Option<(String, usize)> {
    if let Some(index) = archive.index_for_name(DRAFT_FILE) {
        return Some((String::new(), index));
    }
    let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
    names.into_iter().find_map(|entry| {
        let (folder, file) = entry.split_once('/')?;
        (file == DRAFT_FILE && !folder.is_empty() && folder != "..")
            .then(|| {
                archive
                    .index_for_name(&entry)
                    .map(|i| (format!("{folder}/"), i))
            })
            .flatten()
    })
}

/// One entry's bytes, refusing entries that claim or turn out to be too large.
fn read_entry<R: Read + std::io::Seek>(
    archive: &mut ZipArchive<R>,
    index: usize,
    name: &str,
) -> Result<Vec<u8>, PackageError> {
    let broken = |detail: String| PackageError::NotAZip {
        path: name.to_owned(),
        detail,
    };
    let entry = archive
        .by_index(index)
        .map_err(|error| broken(error.to_string()))?;
    let too_large = || PackageError::TooLarge {
        path: name.to_owned(),
        detail: format!("单个文件超过{}MB", MAX_ENTRY_BYTES / (1024 * 1024)),
    };
    if entry.size() > MAX_ENTRY_BYTES {
        return Err(too_large());
    }
    let mut content = Vec::new();
    // The declared size may lie; never read past the cap whatever it says.
    entry
        .take(MAX_ENTRY_BYTES + 1)
        .read_to_end(&mut content)
        .map_err(|error| broken(error.to_string()))?;
    if content.len() as u64 > MAX_ENTRY_BYTES {
        return Err(too_large());
    }
    Ok(content)
}
