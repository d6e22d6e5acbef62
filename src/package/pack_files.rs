//! The files of a package as they are written (each under a name no other file has), and the
//! candidates' photos among them: the original bytes, named 姓名+序号, read only through
//! `photo::source` and only when whole (`photo::verify`).

use std::path::Path;

use super::PackageError;
use super::checklist::PackedFile;
use super::photos::{ID_PHOTO, LIFE_PHOTOS_FIELD, LIFE_WORK_PHOTOS, extension, wanted_photos};
use super::roster::Candidate;
use crate::files::{ensure_private_dir, write_private_new};
use crate::form::campaign::Campaign;

const PHOTO_DIR: &str = "照片";

/// The package's files as they are written: each under a name no other file has (compared
/// without case, as Windows does), readable only by the owner (they hold personal data).
pub(super) struct Files<'a> {
    pub dir: &'a Path,
    pub packed: Vec<PackedFile>,
    pub used: std::collections::HashSet<String>,
}

impl Files<'_> {
    /// Writes `bytes` as `wanted` (or `wanted` numbered, when taken); returns the path used.
    pub fn add(
        &mut self,
        wanted: &str,
        bytes: &[u8],
        material: &str,
        what: String,
    ) -> Result<String, PackageError> {
        let (stem, extension) = wanted.rsplit_once('.').unwrap_or((wanted, ""));
        let path = (1..)
            .map(|n| match n {
                1 => wanted.to_owned(),
                _ => format!("{stem}（{n}）.{extension}"),
            })
            .find(|path| !self.used.contains(&path.to_lowercase()))
            .unwrap_or_else(|| wanted.to_owned());
        self.used.insert(path.to_lowercase());
        let target = self.dir.join(&path);
        if let Some(parent) = target.parent() {
            ensure_private_dir(parent).map_err(|error| PackageError::write(parent, &error))?;
        }
        write_private_new(&target, bytes).map_err(|error| PackageError::write(&target, &error))?;
        self.packed.push(PackedFile {
            path: path.clone(),
            material: material.to_owned(),
            what,
        });
        Ok(path)
    }
}

pub(super) fn add_photos(
    candidate: &Candidate,
    campaign: &Campaign,
    files: &mut Files,
    stem: &str,
    problems: &mut Vec<String>,
) -> Result<(), PackageError> {
    for (index, photo) in wanted_photos(candidate, campaign).into_iter().enumerate() {
        let bytes = match crate::photo::source::read_photo(&candidate.folder.dir, &photo.file) {
            Ok(bytes) => bytes,
            Err(error) => {
                problems.push(format!(
                    "{}：{error}（这张照片未放入材料包）",
                    candidate.name
                ));
                continue;
            }
        };
        // The original bytes go in, so they must be whole: a cut file is of no use to anyone.
        if let Err(error) = crate::photo::verify::verify(&bytes) {
            problems.push(format!(
                "{}：照片{}无法使用，未放入材料包：{error}",
                candidate.name, photo.file
            ));
            continue;
        }
        let wanted = format!("{PHOTO_DIR}/{stem}{}.{}", index + 1, extension(&bytes));
        let what = if photo.material == ID_PHOTO {
            format!("{}的证件照（原图）", candidate.name)
        } else {
            format!("{}的生活或工作照片（原图）", candidate.name)
        };
        let path = files.add(&wanted, &bytes, photo.material, what)?;
        let shown = path.rsplit('/').next().unwrap_or(&path).to_owned();
        for problem in super::photos::problems(&bytes, campaign) {
            problems.push(format!("{}：照片{shown}{problem}。", candidate.name));
        }
    }
    let asked = campaign.photo.life_work_photos;
    let has = candidate.draft.answers.images(LIFE_PHOTOS_FIELD).len() as u32;
    if let Some(range) = asked.filter(|r| has < r.min || has > r.max)
        && campaign.materials.iter().any(|m| m.id == LIFE_WORK_PHOTOS)
    {
        problems.push(format!(
            "{}：生活或工作照片有{has}张，通知要求{}：请在草稿的“生活工作照片”一步补充或精选。",
            candidate.name,
            range.words("张")
        ));
    }
    Ok(())
}
