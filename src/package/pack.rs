//! The submission package of a recommending unit: a folder (and the same as a zip) named as
//! the notice asks, holding each candidate's 推荐表 PDF, the print-ready combined PDF, the
//! 汇总表, the photos renamed 姓名+序号 with their original bytes, the Word copies where the
//! notice asks for them, and the 材料清单 that names every file and everything still to do.
//!
//! The package is assembled in a hidden staging folder and renamed into place at the end, and
//! an existing package is never overwritten: a second one gets a numbered name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use std::sync::Arc;

use super::PackageError;
use super::batch::combine;
use super::checklist::{CHECKLIST_FILE, Contents, package_checklist};
use super::evidence_pdf::EvidenceFile;
use super::folder_zip::zip_folder;
use super::pack_candidate;
use super::pack_files::{Files, add_photos};
use super::parallel::map_in_order;
use super::progress::Progress;
use super::roster::Candidate;
use crate::clock::{day_and_minute, now_seconds};
use crate::draft::library::safe_file_stem;
use crate::files::{Staging, write_private_new};
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::pdf::compose::ComposeOptions;
use crate::pdf::export::export_summary;
use crate::pdf::write::WriteError;

/// The combined forms for double-sided printing.
pub const BATCH_FILE: &str = "打印-推荐表合订本.pdf";

#[derive(Debug, Clone, Default)]
pub struct PackOptions {
    /// Dashed circles where the seals go (the space is kept either way).
    pub seal_guides: bool,
    /// The recommending unit; by default the one most drafts name.
    pub unit: Option<String>,
    /// Told each candidate as it starts; cancelling it stops the package (nothing is left).
    pub progress: Option<Arc<Progress>>,
}

#[derive(Debug)]
pub struct Packed {
    pub folder: PathBuf,
    /// The same as a zip; None when it could not be made (the folder is complete anyway, and
    /// the reason is among the problems).
    pub zip: Option<PathBuf>,
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
    // Built in a hidden staging folder: the package appears whole or not at all.
    let staging = Staging::new(out_dir, "package")?;
    let mut contents = fill(
        candidates,
        definition,
        campaign,
        staging.dir(),
        options,
        &unit,
        problems,
    )?;
    let folder = free_path(out_dir, &name, "");
    staging.commit(&folder)?;
    let zip_name = folder
        .file_name()
        .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let zip = free_path(out_dir, &zip_name, ".zip");
    let zip = match zip_folder(&folder, &zip) {
        Ok(()) => Some(zip),
        Err(error) => {
            contents.problems.push(format!(
                "未能生成同名zip（{error}）；文件夹中的材料是完整的，可自行压缩后报送。"
            ));
            None
        }
    };
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
    let mut files = Files {
        dir,
        packed: Vec::new(),
        used: [CHECKLIST_FILE.to_lowercase()].into(),
    };
    let progress = options.progress.clone().unwrap_or_default();
    let total = candidates.len();
    // Two candidates of one name: the second one's files all carry its number.
    let mut taken = std::collections::HashSet::new();
    let stems: Vec<String> = (candidates.iter())
        .map(|candidate| {
            let base = safe_file_stem(&candidate.name);
            (1..)
                .map(|n| match n {
                    1 => base.clone(),
                    _ => format!("{base}（{n}）"),
                })
                .find(|stem| taken.insert(stem.to_lowercase()))
                .unwrap_or(base)
        })
        .collect();
    // Composed and written on every core; the files are written below in the candidates' order.
    let made = map_in_order(
        candidates,
        |index, candidate| {
            progress.begin(index + 1, total, &candidate.name)?;
            let stem = stems.get(index).map_or("", String::as_str);
            pack_candidate::make(candidate, (definition, campaign), compose, stem)
        },
        |candidate| PackageError::Export {
            name: candidate.name.clone(),
            source: WriteError::Save("生成时程序出错".to_owned()).into(),
        },
    )?;
    let mut forms = Vec::new();
    let mut font = None;
    for ((candidate, stem), made) in candidates.iter().zip(&stems).zip(made) {
        if progress.is_cancelled() {
            return Err(PackageError::Cancelled);
        }
        note_findings(candidate, &mut problems);
        let what = format!("{}的推荐表（电子版）", candidate.name);
        files.add(&format!("{stem}-推荐表.pdf"), &made.pdf, "form", what)?;
        if let Some(docx) = &made.docx {
            let what = format!("{}的推荐表Word版", candidate.name);
            files.add(&format!("{stem}-推荐表.docx"), docx, "word_copy", what)?;
        }
        add_photos(candidate, campaign, &mut files, stem, &mut problems)?;
        // The evidence as a PDF of its own, where the notice asks for one.
        problems.extend(made.evidence_problems);
        if let Some(evidence) = made.evidence {
            let EvidenceFile {
                path,
                pdf,
                material,
                what,
            } = evidence;
            files.add(&path, &pdf, material, what)?;
        }
        forms.push((candidate.name.clone(), made.pages));
        font = Some(made.font);
    }
    progress.begin(total + 1, total, "合订本")?;
    let font = font.ok_or(PackageError::NoDrafts)?;
    let batch = combine(campaign, forms, font)?;
    let starts: Vec<String> = batch
        .starts
        .iter()
        .map(|(name, page)| format!("{name}第{page}页"))
        .collect();
    let what = format!(
        "全部推荐表合订本，共{}页，双面打印用（{}）",
        batch.pages,
        starts.join("，")
    );
    files.add(BATCH_FILE, &batch.pdf, "form", what)?;
    if asks("summary") {
        progress.begin(total + 1, total, "汇总表")?;
        let drafts: Vec<_> = candidates.iter().map(|c| &c.draft).collect();
        let pdf = export_summary(&drafts, definition, campaign, compose).map_err(|source| {
            PackageError::Export {
                name: campaign.summary_title.clone(),
                source,
            }
        })?;
        let path = format!("{}.pdf", safe_file_stem_long(&campaign.summary_title));
        let what = format!("{}（{}人）", campaign.summary_title, candidates.len());
        files.add(&path, &pdf, "summary", what)?;
    }
    let contents = Contents {
        unit: unit.to_owned(),
        candidates: candidates.iter().map(|c| c.name.clone()).collect(),
        files: files.packed,
        problems,
        made_at: day_and_minute(now_seconds()),
        layout_note: crate::form::wording::layout_note(definition, campaign),
    };
    progress.begin(total + 1, total, "材料清单")?;
    let text = package_checklist(campaign, &contents);
    let checklist = dir.join(CHECKLIST_FILE);
    write_private_new(&checklist, &windows_text(&text))
        .map_err(|error| PackageError::write(&checklist, &error))?;
    Ok(contents)
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
    // Long unit names would pass the 255-byte file name limit with “（2）.zip” added.
    safe_file_stem_long(&name).chars().take(60).collect()
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

/// Notepad on older Windows needs a byte-order mark and CRLF line ends to show UTF-8 text.
fn windows_text(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(text.replace('\n', "\r\n").into_bytes());
    bytes
}
