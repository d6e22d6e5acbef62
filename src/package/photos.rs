//! Photos for the package, named as the notices ask (姓名+序号: 张三1.jpg, 张三2.jpg …) and
//! copied with their original bytes: a notice asking for jpg ≥2MB must get the camera's file,
//! never a recompressed one. A photo that breaks the notice's rules is reported, not converted.

use std::path::PathBuf;

use super::roster::Candidate;
use crate::form::answers::PhotoRef;
use crate::form::campaign::Campaign;

/// Material ids (see the campaign files) of the photos handed in as files.
pub const ID_PHOTO: &str = "id_photo";
pub const LIFE_WORK_PHOTOS: &str = "life_work_photos";
/// The draft field holding the life or work photos.
pub const LIFE_PHOTOS_FIELD: &str = "life_photos";

#[derive(Debug, Clone, PartialEq)]
pub struct PackagePhoto {
    /// Where the bytes are: the copy in the draft folder, identical to the chosen original.
    pub source: PathBuf,
    /// The name in the package, e.g. 张三1.jpg.
    pub name: String,
    pub material: &'static str,
    /// What breaks the notice's rules (format, size), in Chinese.
    pub problems: Vec<String>,
}

/// The candidate's photos the campaign asks for, numbered in order: the ID photo first, then
/// the life or work photos. `stem` is the name part (the candidate's name, made unique).
pub fn package_photos(candidate: &Candidate, campaign: &Campaign, stem: &str) -> Vec<PackagePhoto> {
    let asks = |id: &str| campaign.materials.iter().any(|m| m.id == id);
    let answers = &candidate.draft.answers;
    let mut chosen: Vec<(&PhotoRef, &'static str)> = Vec::new();
    if asks(ID_PHOTO)
        && let Some(photo) = answers.photo("photo")
    {
        chosen.push((photo, ID_PHOTO));
    }
    if asks(LIFE_WORK_PHOTOS) {
        chosen.extend(
            answers
                .images(LIFE_PHOTOS_FIELD)
                .iter()
                .map(|p| (p, LIFE_WORK_PHOTOS)),
        );
    }
    chosen
        .into_iter()
        .enumerate()
        .map(|(index, (photo, material))| {
            let extension = extension_of(photo);
            PackagePhoto {
                source: candidate.folder.dir.join(&photo.file),
                name: format!("{stem}{}.{extension}", index + 1),
                material,
                problems: problems(photo, &extension, campaign),
            }
        })
        .collect()
}

fn extension_of(photo: &PhotoRef) -> String {
    let extension = photo
        .file
        .rsplit_once('.')
        .map_or("", |(_, ext)| ext)
        .to_ascii_lowercase();
    match extension.as_str() {
        "jpeg" => "jpg".to_owned(),
        "" => "bin".to_owned(),
        _ => extension,
    }
}

fn problems(photo: &PhotoRef, extension: &str, campaign: &Campaign) -> Vec<String> {
    let rules = &campaign.photo;
    let mut problems = Vec::new();
    if rules.format.as_deref() == Some("jpg") && extension != "jpg" {
        problems.push(format!(
            "是{extension}格式，通知要求jpg：请找到这张照片的jpg原图，在草稿中重新选择（程序不会替您转换格式，以免画质受损）"
        ));
    }
    if let Some(min) = rules.min_file_bytes
        && photo.bytes < min
    {
        problems.push(format!(
            "只有{}，通知要求不小于{}MB：请在草稿中换成相机或手机拍摄的原图",
            file_size(photo.bytes),
            min / (1024 * 1024)
        ));
    }
    problems
}

/// 48KB, 1.6MB: as a file manager shows sizes.
fn file_size(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{}KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1}MB", bytes as f64 / (1024.0 * 1024.0))
    }
}
