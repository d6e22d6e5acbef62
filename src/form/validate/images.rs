//! The photo and the evidence images: enough pixels to print sharply at 300 dpi, the ID photo's
//! ratio, and what the notice says of photo files (format, size) for the electronic package.

use super::{CheckInput, Finding, Severity};
use crate::form::answers::PhotoRef;
use crate::form::definition::Field;
use crate::form::units::{dpi_at, pixels_for};

pub(super) fn photo_print(
    min_dpi: u32,
    ratio_tolerance_percent: u32,
    field: &Field,
    context: &CheckInput,
    findings: &mut Vec<Finding>,
) {
    let Some(photo) = context.answers.photo(&field.id) else {
        return;
    };
    let rules = &context.campaign.photo;
    let size = &rules.id_photo;
    let (width, height) = photo.printed_pixels();
    let dpi = dpi_at(width, size.width_mm).min(dpi_at(height, size.height_mm));
    let need = (
        pixels_for(size.width_mm, min_dpi),
        pixels_for(size.height_mm, min_dpi),
    );
    if dpi < min_dpi / 2 {
        let message = format!(
            "照片只有{}×{}像素，打印成{}×{}毫米时约{}dpi，会很模糊：请换一张至少{}×{}像素的照片。",
            width, height, size.width_mm, size.height_mm, dpi, need.0, need.1
        );
        findings.push(Finding::new(
            Severity::Error,
            field,
            "photo_resolution",
            message,
        ));
    } else if dpi < min_dpi {
        let message = format!(
            "照片{}×{}像素，打印约{}dpi，低于{}dpi：打印可能不够清晰，建议换一张至少{}×{}像素的照片。",
            width, height, dpi, min_dpi, need.0, need.1
        );
        findings.push(Finding::new(
            Severity::Warning,
            field,
            "photo_resolution",
            message,
        ));
    }
    let wanted = size.width_mm / size.height_mm;
    let ratio = width as f32 / height.max(1) as f32;
    if (ratio / wanted - 1.0).abs() * 100.0 > ratio_tolerance_percent as f32 {
        let message = format!(
            "照片宽高比例与{}（{}×{}毫米）不符，打印时会被裁切：请在照片步骤中拖动裁切框选好头像部分。",
            size.description, size.width_mm, size.height_mm
        );
        findings.push(Finding::new(
            Severity::Warning,
            field,
            "photo_ratio",
            message,
        ));
    }
    if let Some(background) = &size.background {
        let message = format!("通知要求照片为{}：请确认照片背景符合要求。", background);
        findings.push(Finding::new(
            Severity::Hint,
            field,
            "photo_background",
            message,
        ));
    }
    file_rules(photo, field, context, findings);
}

/// What the notice asks of photo files for the electronic package (jpg, ≥2MB): a hint for the
/// ID photo, since printing the form does not depend on it.
fn file_rules(photo: &PhotoRef, field: &Field, context: &CheckInput, findings: &mut Vec<Finding>) {
    findings.extend(
        file_problems(photo, context)
            .into_iter()
            .map(|(code, message)| Finding::new(Severity::Hint, field, code, message)),
    );
}

/// The notice's format and size rules broken by one photo file, as (code, message).
fn file_problems(photo: &PhotoRef, context: &CheckInput) -> Vec<(&'static str, String)> {
    let rules = &context.campaign.photo;
    let mut problems = Vec::new();
    let extension = photo
        .file
        .rsplit('.')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if let Some(format) = &rules.format
        && format == "jpg"
        && !matches!(extension.as_str(), "jpg" | "jpeg")
    {
        let message = format!(
            "通知要求照片为jpg格式，这张是{}：报送电子版时请提供jpg格式的原图。",
            extension
        );
        problems.push(("photo_format", message));
    }
    if let Some(min) = rules.min_file_bytes
        && photo.bytes < min
    {
        let message = format!(
            "通知要求报送的照片不小于{}MB，这张只有{}KB：打印推荐表不受影响，报送电子版时请提供相机或手机拍摄的原图。",
            min / (1024 * 1024),
            photo.bytes / 1024
        );
        problems.push(("photo_file_size", message));
    }
    problems
}

/// 生活或工作照片 go into the package as files: as many as the notice asks, each in its
/// format and size (a warning: the package would not be what the notice asks for).
pub(super) fn package_photos(field: &Field, context: &CheckInput, findings: &mut Vec<Finding>) {
    let photos = context.answers.images(&field.id);
    if let Some(range) = context.campaign.photo.life_work_photos {
        let count = photos.len() as u32;
        let wanted = range.words("张");
        if count == 0 {
            // Not yet a problem: the form prints without them; they go with the package.
            let message = format!(
                "通知要求另交{}{}（随材料报送，不印在推荐表上）：报送前请在这里添加相机或手机拍摄的原图。",
                field.label, wanted
            );
            findings.push(Finding::new(Severity::Hint, field, "photos_count", message));
        } else if count < range.min || count > range.max {
            let message = format!(
                "通知要求{}{}，现在有{}张：请{}。",
                field.label,
                wanted,
                count,
                if count < range.min {
                    "补充照片"
                } else {
                    "精选后删去多余的照片"
                }
            );
            findings.push(Finding::new(
                Severity::Warning,
                field,
                "photos_count",
                message,
            ));
        }
    }
    for (index, photo) in photos.iter().enumerate() {
        for (code, message) in file_problems(photo, context) {
            findings.push(Finding::new(Severity::Warning, field, code, message).in_row(index));
        }
    }
}

/// 佐证材料 are printed on at most `max_pages` pages, four images a page at most.
pub(super) fn images_print(
    min_dpi: u32,
    field: &Field,
    context: &CheckInput,
    findings: &mut Vec<Finding>,
) {
    let images = context.answers.images(&field.id);
    let max_pages = match field.kind {
        crate::form::definition::FieldKind::Images { max_pages } if max_pages > 0 => max_pages,
        _ => 2,
    };
    let most = max_pages as usize * 4;
    if images.len() > most {
        let message = format!(
            "「{}」最多提供{}页，共{}张图片会排得太小（每页最多4张）：请精选不超过{}张。",
            field.label,
            max_pages,
            images.len(),
            most
        );
        findings.push(Finding::new(
            Severity::Warning,
            field,
            "images_count",
            message,
        ));
    }
    // Four to a page share a half-width cell (about 80 mm); fewer get more room.
    let printed_width_mm = if images.len() <= max_pages as usize {
        160.0
    } else {
        80.0
    };
    for (index, image) in images.iter().enumerate() {
        let (width, _) = image.printed_pixels();
        let dpi = dpi_at(width, printed_width_mm);
        if dpi < min_dpi {
            let message = format!(
                "「{}」第{}张图片只有{}像素宽，打印约{}dpi，证书上的文字可能看不清：请换一张更清晰的扫描件或照片。",
                field.label,
                index + 1,
                width,
                dpi
            );
            findings.push(
                Finding::new(Severity::Warning, field, "image_resolution", message).in_row(index),
            );
        }
        if image
            .caption
            .as_deref()
            .is_none_or(|caption| caption.trim().is_empty())
        {
            let message = format!(
                "「{}」第{}张图片还没有说明：请写明荣誉或奖励的名称（如“XXXX年XX省科学技术进步奖二等奖”）。",
                field.label,
                index + 1
            );
            findings
                .push(Finding::new(Severity::Hint, field, "image_caption", message).in_row(index));
        }
    }
}
