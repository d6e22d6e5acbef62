//! The photos of the Word copy, prepared exactly as for the PDF (`photo::prepare`: upright,
//! cropped as the user chose, 300 dpi at the printed size, JPEG) and embedded as they are:
//! docx-rs without its `image` feature never decodes or re-encodes them.

use std::cell::Cell;

use docx_rs::{Pic, Run};

use super::DocxError;
use super::runs::emu;
use crate::draft::DraftFolder;
use crate::form::answers::Answers;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::printed::image_targets;
use crate::photo::EncodedImage;
use crate::photo::prepare::{PreparedImages, prepare_all as prepare_targets};

/// Every photo the form shows, read from the draft folder and prepared for print in parallel.
pub fn prepare_all(
    folder: &DraftFolder,
    definition: &FormDefinition,
    campaign: &Campaign,
    answers: &Answers,
) -> Result<PreparedImages, DocxError> {
    let targets = image_targets(definition, campaign, answers);
    prepare_targets(&folder.dir, &targets).map_err(|error| DocxError::Photo {
        file: error.file,
        reason: error.reason,
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
