//! The photos of the Word copy, prepared exactly as for the PDF (`photo::print::prepare`:
//! upright, cropped as the user chose, 300 dpi at the printed size, JPEG) and embedded as they
//! are: docx-rs without its `image` feature never decodes or re-encodes them.

use std::cell::Cell;
use std::collections::HashMap;
use std::fs;
use std::thread;

use docx_rs::{Pic, Run};

use super::DocxError;
use super::runs::emu;
use crate::draft::DraftFolder;
use crate::form::answers::Answers;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::pdf::compose::{ImageTarget, image_targets};
use crate::pdf::layout::EncodedImage;
use crate::photo::print::prepare;

/// A photo ready to embed, with the target it was prepared for.
pub struct Prepared {
    pub image: EncodedImage,
    pub target: ImageTarget,
}

/// Prepared photos by their file name in the draft folder, as the PDF keeps them.
pub type Images = HashMap<String, Prepared>;

/// Every photo the form shows, read from the draft folder and prepared for print, on as many
/// threads as there are cores (decoding dominates the export; one batch per core bounds the
/// memory an old PC needs for several large camera photos at once).
pub fn prepare_all(
    folder: &DraftFolder,
    definition: &FormDefinition,
    campaign: &Campaign,
    answers: &Answers,
) -> Result<Images, DocxError> {
    let targets = image_targets(definition, campaign, answers);
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    let batch = targets.len().div_ceil(workers).max(1);
    let results: Vec<Result<Prepared, DocxError>> = thread::scope(|scope| {
        let handles: Vec<_> = targets
            .chunks(batch)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|target| prepare_one(folder, target))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle.join().unwrap_or_else(|_| {
                    vec![Err(DocxError::Photo {
                        file: String::new(),
                        reason: "处理图片时程序出错，请重试".into(),
                    })]
                })
            })
            .collect()
    });
    let mut images = Images::new();
    for prepared in results {
        let prepared = prepared?;
        images.insert(prepared.target.file.clone(), prepared);
    }
    Ok(images)
}

fn prepare_one(folder: &DraftFolder, target: &ImageTarget) -> Result<Prepared, DocxError> {
    let fail = |reason: String| DocxError::Photo {
        file: target.file.clone(),
        reason,
    };
    let bytes = fs::read(folder.dir.join(&target.file)).map_err(|error| {
        fail(format!(
            "无法读取（{error}），文件可能已被移走或删除：请在填表助手中重新选择照片"
        ))
    })?;
    let image = prepare(
        &bytes,
        target.orientation,
        target.crop,
        (target.width_px, target.height_px),
    )
    // The photo errors already say how to fix them (重新导出、重新拍摄后再选择).
    .map_err(|error| fail(error.to_string()))?;
    Ok(Prepared {
        image,
        target: target.clone(),
    })
}

/// Numbers the pictures of one document: docx-rs's own counter is global and not atomic, so
/// two exports on two threads could give two pictures the same relationship id.
#[derive(Default)]
pub struct PictureIds(Cell<usize>);

impl PictureIds {
    fn next(&self) -> String {
        let id = self.0.get() + 1;
        self.0.set(id);
        // Also the media file's name (word/media/tbImage1.jpeg).
        format!("tbImage{id}")
    }
}

/// A run holding the photo inline at `width_mm` × `height_mm`.
pub fn picture(image: &EncodedImage, width_mm: f32, height_mm: f32, ids: &PictureIds) -> Run {
    let pic = Pic::new_with_dimensions(image.jpeg.clone(), image.width_px, image.height_px)
        .size(emu(width_mm), emu(height_mm))
        .id(ids.next());
    Run::new().add_image(pic)
}

/// `width` × `height` scaled down, keeping its shape, to fit `max_width` (never enlarged).
pub fn fit_width(width: f32, height: f32, max_width: f32) -> (f32, f32) {
    if width <= max_width || width <= 0.0 {
        (width, height)
    } else {
        (max_width, height * max_width / width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_wider_than_its_room_shrinks_keeping_its_shape() {
        assert_eq!(fit_width(35.0, 45.0, 40.0), (35.0, 45.0));
        assert_eq!(fit_width(200.0, 100.0, 160.0), (160.0, 80.0));
    }

    #[test]
    fn pictures_of_a_document_get_their_own_ids() {
        let ids = PictureIds::default();
        assert_eq!(ids.next(), "tbImage1");
        assert_eq!(ids.next(), "tbImage2");
    }
}
