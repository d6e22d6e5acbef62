//! Photos for the package, named as the notices ask (姓名+序号: 张三1.jpg, 张三2.jpg …) and
//! copied with their original bytes: a notice asking for jpg ≥2MB must get the camera's file,
//! never a recompressed one. A photo that breaks the notice's rules is reported, not converted.
//! Format and size are judged from the bytes themselves, not from what the draft says of them.

use super::roster::Candidate;
use crate::form::campaign::Campaign;
use crate::photo::probe;
use image::ImageFormat;

/// Material ids (see the campaign files) of the photos handed in as files.
pub const ID_PHOTO: &str = "id_photo";
pub const LIFE_WORK_PHOTOS: &str = "life_work_photos";
/// The draft field holding the life or work photos.
pub const LIFE_PHOTOS_FIELD: &str = "life_photos";

/// A photo the campaign asks for, in the order it is numbered.
#[derive(Debug, Clone, PartialEq)]
pub struct WantedPhoto {
    /// The copy in the draft folder, identical to the chosen original: its name there, read
    /// only through `photo::source` (a plain name inside the folder).
    pub file: String,
    pub material: &'static str,
}

/// The candidate's photos the campaign asks for: the ID photo first, then the life or work
/// photos.
pub fn wanted_photos(candidate: &Candidate, campaign: &Campaign) -> Vec<WantedPhoto> {
    let asks = |id: &str| campaign.materials.iter().any(|m| m.id == id);
    let answers = &candidate.draft.answers;
    let mut wanted = Vec::new();
    if asks(ID_PHOTO)
        && let Some(photo) = answers.photo("photo")
    {
        wanted.push(WantedPhoto {
            file: photo.file.clone(),
            material: ID_PHOTO,
        });
    }
    if asks(LIFE_WORK_PHOTOS) {
        wanted.extend(
            answers
                .images(LIFE_PHOTOS_FIELD)
                .iter()
                .map(|photo| WantedPhoto {
                    file: photo.file.clone(),
                    material: LIFE_WORK_PHOTOS,
                }),
        );
    }
    wanted
}

/// The file extension for these bytes (jpg, png), from their content.
pub fn extension(bytes: &[u8]) -> &'static str {
    probe(bytes).map_or("bin", |info| info.extension())
}

/// What these bytes break of the notice's rules (format, size), in Chinese.
pub fn problems(bytes: &[u8], campaign: &Campaign) -> Vec<String> {
    let rules = &campaign.photo;
    let mut problems = Vec::new();
    let format = probe(bytes).map(|info| info.format);
    if rules.format.as_deref() == Some("jpg") && format != Ok(ImageFormat::Jpeg) {
        let what = match format {
            Ok(ImageFormat::Png) => "是png格式",
            _ => "不是能识别的图片",
        };
        problems.push(format!(
            "{what}，通知要求jpg：请找到这张照片的jpg原图，在草稿中重新选择（程序不会替您转换格式，以免画质受损）"
        ));
    }
    if let Some(min) = rules.min_file_bytes
        && (bytes.len() as u64) < min
    {
        problems.push(format!(
            "只有{}，通知要求不小于{}MB：请在草稿中换成相机或手机拍摄的原图",
            file_size(bytes.len() as u64),
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
