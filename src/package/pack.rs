//! The submission package of a recommending unit: a folder (and the same as a zip) named as
//! the notice asks, holding each candidate's 推荐表 PDF, the print-ready combined PDF, the
//! 汇总表, the photos renamed 姓名+序号 with their original bytes, the Word copies where the
//! notice asks for them, and the 材料清单 that names every file and everything still to do.
//!
//! The package is assembled in a hidden staging folder and renamed into place at the end, and
//! an existing package is never overwritten: a second one gets a numbered name.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::PackageError;
use super::batch::export_batch;
use super::checklist::{CHECKLIST_FILE, Contents, PackedFile, package_checklist};
use super::photos::package_photos;
use super::roster::Candidate;
use crate::clock::{day_and_minute, now_seconds};
use crate::draft::library::safe_file_stem;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::pdf::compose::ComposeOptions;
use crate::pdf::export::{export_pdf, export_summary};

/// The combined forms for double-sided printing.
pub const BATCH_FILE: &str = "打印-推荐表合订本.pdf";
const PHOTO_DIR: &str = "照片";

#[derive(Debug, Clone, Default)]
pub struct PackOptions {
    /// Dashed circles where the seals go (the space is kept either way).
    pub seal_guides: bool,
    /// The recommending unit; by default the one most drafts name.
    pub unit: Option<String>,
}

#[derive(Debug)]
pub struct Packed {
    pub folder: PathBuf,
    pub zip: PathBuf,
    pub contents: Contents,
}

pub fn pack(
    candidates: &[&Candidate],
    definition: &FormDefinition,
    campaign: &Campaign,
    out_dir: &Path,
    options: &PackOptions,
) -> Result<Packed, PackageError> {
    if candidates.is_empty() {
        return Err(PackageError::NoDrafts);
    }
    let mut problems = Vec::new();
    let unit = options
        .unit
        .clone()
        .unwrap_or_else(|| common_unit(candidates, &mut problems));
    let name = package_name(campaign, &unit);
    fs::create_dir_all(out_dir).map_err(|error| PackageError::write(out_dir, &error))?;
    let staging = out_dir.join(format!(".{name}.partial"));
    // Only our own leftover from an interrupted run can be here.
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).map_err(|error| PackageError::write(&staging, &error))?;
    let result = fill(
        candidates, definition, campaign, &staging, options, &unit, problems,
    );
    let contents = match result {
        Ok(contents) => contents,
        Err(error) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(error);
        }
    };
    let folder = free_path(out_dir, &name, "");
    fs::rename(&staging, &folder).map_err(|error| PackageError::write(&folder, &error))?;
    let zip_name = folder
        .file_name()
        .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let zip = free_path(out_dir, &zip_name, ".zip");
    zip_folder(&folder, &zip)?;
    Ok(Packed {
        folder,
        zip,
        contents,
    })
}

/// Writes every file into `dir` and returns what the checklist says of them.
fn fill(
    candidates: &[&Candidate],
    definition: &FormDefinition,
    campaign: &Campaign,
    dir: &Path,
    options: &PackOptions,
    unit: &str,
    mut problems: Vec<String>,
) -> Result<Contents, PackageError> {
    let asks = |id: &str| campaign.materials.iter().any(|m| m.id == id);
    let compose = ComposeOptions {
        seal_guides: options.seal_guides,
        instructions: false,
    };
    let stems = unique_stems(candidates);
    let mut files = Vec::new();
    for (candidate, stem) in candidates.iter().zip(&stems) {
        note_findings(candidate, &mut problems);
        let pdf = export_pdf(
            &candidate.folder,
            &candidate.draft,
            definition,
            campaign,
            compose,
        )
        .map_err(|source| PackageError::Export {
            name: candidate.name.clone(),
            source,
        })?;
        let path = format!("{stem}-推荐表.pdf");
        write_new(&dir.join(&path), &pdf)?;
        files.push(packed(
            path,
            "form",
            format!("{}的推荐表（电子版）", candidate.name),
        ));
        if asks("word_copy") {
            let docx = word_copy(candidate, definition, campaign).map_err(|detail| {
                PackageError::Incomplete {
                    path: format!("{stem}-推荐表.docx"),
                    detail,
                }
            })?;
            let path = format!("{stem}-推荐表.docx");
            write_new(&dir.join(&path), &docx)?;
            files.push(packed(
                path,
                "word_copy",
                format!("{}的推荐表Word版", candidate.name),
            ));
        }
        add_photos(candidate, campaign, dir, stem, &mut files, &mut problems)?;
    }
    let batch = export_batch(candidates, definition, campaign, compose)?;
    write_new(&dir.join(BATCH_FILE), &batch.pdf)?;
    let starts: Vec<String> = batch
        .starts
        .iter()
        .map(|(name, page)| format!("{name}第{page}页"))
        .collect();
    files.push(packed(
        BATCH_FILE.into(),
        "form",
        format!(
            "全部推荐表合订本，共{}页，双面打印用（{}）",
            batch.pages,
            starts.join("，")
        ),
    ));
    if asks("summary") {
        let drafts: Vec<_> = candidates.iter().map(|c| &c.draft).collect();
        let pdf = export_summary(&drafts, definition, campaign, compose).map_err(|source| {
            PackageError::Export {
                name: campaign.summary_title.clone(),
                source,
            }
        })?;
        let path = format!("{}.pdf", safe_file_stem_long(&campaign.summary_title));
        write_new(&dir.join(&path), &pdf)?;
        files.push(packed(
            path,
            "summary",
            format!("{}（{}人）", campaign.summary_title, candidates.len()),
        ));
    }
    let contents = Contents {
        unit: unit.to_owned(),
        candidates: candidates.iter().map(|c| c.name.clone()).collect(),
        files,
        problems,
        made_at: day_and_minute(now_seconds()),
    };
    let text = package_checklist(campaign, &contents);
    write_new(&dir.join(CHECKLIST_FILE), &windows_text(&text))?;
    Ok(contents)
}

/// The Word copy of one candidate's form.
fn word_copy(
    candidate: &Candidate,
    definition: &FormDefinition,
    campaign: &Campaign,
) -> Result<Vec<u8>, String> {
    crate::docx::export_docx(&candidate.folder, &candidate.draft, definition, campaign)
        .map_err(|error| error.to_string())
}

fn packed(path: String, material: &str, what: String) -> PackedFile {
    PackedFile {
        path,
        material: material.to_owned(),
        what,
    }
}

fn add_photos(
    candidate: &Candidate,
    campaign: &Campaign,
    dir: &Path,
    stem: &str,
    files: &mut Vec<PackedFile>,
    problems: &mut Vec<String>,
) -> Result<(), PackageError> {
    for photo in package_photos(candidate, campaign, stem) {
        let bytes = match fs::read(&photo.source) {
            Ok(bytes) => bytes,
            Err(_) => {
                problems.push(format!(
                    "{}：照片文件{}不在草稿文件夹中，未放入材料包：请在草稿中重新选择后再生成。",
                    candidate.name,
                    photo.source.display()
                ));
                continue;
            }
        };
        let path = format!("{PHOTO_DIR}/{}", photo.name);
        fs::create_dir_all(dir.join(PHOTO_DIR))
            .map_err(|error| PackageError::write(&dir.join(PHOTO_DIR), &error))?;
        write_new(&dir.join(&path), &bytes)?;
        let what = if photo.material == super::photos::ID_PHOTO {
            format!("{}的证件照（原图）", candidate.name)
        } else {
            format!("{}的生活或工作照片（原图）", candidate.name)
        };
        for problem in &photo.problems {
            problems.push(format!("{}：照片{}{problem}。", candidate.name, photo.name));
        }
        files.push(packed(path, photo.material, what));
    }
    let asked = campaign.photo.life_work_photos;
    let has = candidate
        .draft
        .answers
        .images(super::photos::LIFE_PHOTOS_FIELD)
        .len() as u32;
    if let Some(range) = asked.filter(|r| has < r.min || has > r.max)
        && campaign
            .materials
            .iter()
            .any(|m| m.id == super::photos::LIFE_WORK_PHOTOS)
    {
        problems.push(format!(
            "{}：生活或工作照片有{has}张，通知要求{}—{}张：请在草稿的“生活工作照片”一步补充或精选。",
            candidate.name, range.min, range.max
        ));
    }
    Ok(())
}

fn note_findings(candidate: &Candidate, problems: &mut Vec<String>) {
    if candidate.errors > 0 {
        problems.push(format!(
            "{}：推荐表还有{}处错误未改正（在填表助手中打开该草稿，点“检查”查看）。",
            candidate.name, candidate.errors
        ));
    }
}

/// The unit most drafts name as 推荐单位; a disagreement is worth a line in the checklist.
fn common_unit(candidates: &[&Candidate], problems: &mut Vec<String>) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for candidate in candidates {
        let unit = candidate
            .draft
            .answers
            .text("recommender")
            .trim()
            .to_owned();
        if !unit.is_empty() {
            *counts.entry(unit).or_default() += 1;
        }
    }
    if counts.len() > 1 {
        let names: Vec<&str> = counts.keys().map(String::as_str).collect();
        problems.push(format!(
            "各推荐表的“推荐单位”不一致（{}）：同一材料包应来自同一推荐单位，请核对。",
            names.join("、")
        ));
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map_or_else(|| "推荐单位".to_owned(), |(unit, _)| unit)
}

/// The package's name: the notice's pattern where it gives one (最美科技工作者+推荐单位),
/// otherwise a descriptive one.
pub fn package_name(campaign: &Campaign, unit: &str) -> String {
    let name = match &campaign.submission.package_name {
        Some(pattern) if pattern.contains("推荐单位") => pattern.replacen("推荐单位", unit, 1),
        Some(pattern) => format!("{pattern}-{unit}"),
        None => format!(
            "{}年{}最美科技工作者推荐材料-{unit}",
            campaign.year, campaign.city
        ),
    };
    safe_file_stem_long(&name)
}

/// Like `safe_file_stem` without its length cap (titles are long, and fine as file names).
fn safe_file_stem_long(text: &str) -> String {
    text.chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect::<String>()
        .trim_matches(['.', ' '])
        .to_owned()
}

/// Stems for each candidate's files: the name, and (2), (3) … for a name already used.
fn unique_stems(candidates: &[&Candidate]) -> Vec<String> {
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    candidates
        .iter()
        .map(|candidate| {
            let stem = safe_file_stem(&candidate.name);
            let seen = used.entry(stem.clone()).or_default();
            *seen += 1;
            if *seen == 1 {
                stem
            } else {
                format!("{stem}（{seen}）")
            }
        })
        .collect()
}

/// `dir/name+suffix`, or `dir/name（2）+suffix` … when taken: nothing is ever overwritten.
fn free_path(dir: &Path, name: &str, suffix: &str) -> PathBuf {
    (1..)
        .map(|n| {
            if n == 1 {
                dir.join(format!("{name}{suffix}"))
            } else {
                dir.join(format!("{name}（{n}）{suffix}"))
            }
        })
        .find(|path| !path.exists())
        .unwrap_or_else(|| dir.join(format!("{name}-{}{suffix}", now_seconds())))
}

fn write_new(path: &Path, bytes: &[u8]) -> Result<(), PackageError> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|error| PackageError::write(path, &error))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|error| PackageError::write(path, &error))
}

/// Notepad on older Windows needs a byte-order mark and CRLF line ends to show UTF-8 text.
fn windows_text(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(text.replace('\n', "\r\n").into_bytes());
    bytes
}

/// The package folder as a zip beside it, entries under the folder's name. JPEG photos are
/// stored (they do not compress); the rest is deflated.
fn zip_folder(folder: &Path, target: &Path) -> Result<(), PackageError> {
    let root = folder
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let temp = target.with_extension("zip.partial");
    let file = fs::File::create(&temp).map_err(|error| PackageError::write(&temp, &error))?;
    let mut zip = ZipWriter::new(file);
    let fail =
        |error: zip::result::ZipError| PackageError::write(target, &std::io::Error::other(error));
    let mut entries = Vec::new();
    collect_files(folder, "", &mut entries).map_err(|error| PackageError::read(folder, &error))?;
    for (relative, path) in entries {
        let method = if relative.ends_with(".jpg") || relative.ends_with(".jpeg") {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(true);
        let bytes = fs::read(&path).map_err(|error| PackageError::read(&path, &error))?;
        zip.start_file(format!("{root}/{relative}"), options)
            .map_err(fail)?;
        zip.write_all(&bytes)
            .map_err(|error| PackageError::write(target, &error))?;
    }
    let file = zip.finish().map_err(fail)?;
    file.sync_all()
        .map_err(|error| PackageError::write(&temp, &error))?;
    fs::rename(&temp, target).map_err(|error| PackageError::write(target, &error))
}

/// Files under `dir`, sorted, with paths relative to the package root (`/`-separated).
fn collect_files(
    dir: &Path,
    prefix: &str,
    out: &mut Vec<(String, PathBuf)>,
) -> std::io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, &format!("{prefix}{name}/"), out)?;
        } else {
            out.push((format!("{prefix}{name}"), path));
        }
    }
    Ok(())
}
