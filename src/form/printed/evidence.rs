//! Where the evidence images (佐证材料) go, decided without measuring text: two to a page at
//! full width, or four (2 × 2), on at most the layout's pages, each with room for a two-line
//! caption; and every photo the form prints, with the pixels it needs to print at 300 dpi.

use super::Area;
use super::sizes::{CAPTION_PT, HEADING_PT, line_height_mm};
use crate::form::answers::{Answers, Crop, PhotoRef};
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::print::{AfterTable, PageSpec};
use crate::form::units::pixels_for;

/// Evidence images are prepared for this resolution at their printed size.
pub const EVIDENCE_DPI: u32 = 300;
/// ID photos too.
const PHOTO_DPI: u32 = 300;
/// Images a page holds (2 × 2); with two or fewer, each gets the full width.
const IMAGES_PER_PAGE: usize = 4;
/// Space between the images and around them.
const GAP_MM: f32 = 4.0;

/// An evidence image in its place.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedImage {
    /// The file in the draft folder.
    pub file: String,
    pub caption: String,
    /// Among the evidence pages, from 0.
    pub page: usize,
    /// The image's share of the page, caption included.
    pub slot: Area,
    /// The box the image fills, keeping its shape.
    pub image: Area,
}

/// Where each image of an evidence field goes; images beyond `max_pages` are left out.
pub fn evidence_boxes(images: &[PhotoRef], max_pages: u32, spec: &PageSpec) -> Vec<PlacedImage> {
    let area = evidence_area(spec);
    let shown = images
        .iter()
        .take(max_pages.max(1) as usize * IMAGES_PER_PAGE)
        .collect::<Vec<_>>();
    let per_page = if shown.len() <= 2 { 2 } else { IMAGES_PER_PAGE };
    let columns = if per_page == 2 { 1 } else { 2 };
    let caption = 2.0 * line_height_mm(CAPTION_PT);
    let slot_width = (area.width - GAP_MM * (columns as f32 + 1.0)) / columns as f32;
    let slot_height = (area.height - GAP_MM * 3.0) / 2.0;
    shown
        .iter()
        .enumerate()
        .map(|(index, image)| {
            let (page, place) = (index / per_page, index % per_page);
            let (column, row) = (place % columns, place / columns);
            let slot = Area {
                x: area.x + GAP_MM + column as f32 * (slot_width + GAP_MM),
                y: area.y + GAP_MM + row as f32 * (slot_height + GAP_MM),
                width: slot_width,
                height: slot_height,
            };
            let (w, h) = image.printed_pixels();
            let aspect = w as f32 / h.max(1) as f32;
            let fit_width = slot_width.min((slot_height - caption) * aspect);
            let fit_height = fit_width / aspect;
            PlacedImage {
                file: image.file.clone(),
                caption: image.caption.clone().unwrap_or_default(),
                page,
                slot,
                image: Area {
                    x: slot.x + (slot_width - fit_width) / 2.0,
                    y: slot.y + (slot_height - caption - fit_height) / 2.0,
                    width: fit_width,
                    height: fit_height,
                },
            }
        })
        .collect()
}

/// How many pages the evidence images take, and how many of them are printed.
pub fn evidence_layout(images: &[PhotoRef], max_pages: u32, spec: &PageSpec) -> (usize, usize) {
    let boxes = evidence_boxes(images, max_pages, spec);
    (page_count(&boxes), boxes.len())
}

pub(super) fn page_count(boxes: &[PlacedImage]) -> usize {
    boxes
        .iter()
        .map(|placed| placed.page + 1)
        .max()
        .unwrap_or(0)
}

/// The area under the heading of an evidence page.
pub fn evidence_area(spec: &PageSpec) -> Area {
    let heading = 2.5 * line_height_mm(HEADING_PT);
    let width = spec.width_mm - spec.margin_left_mm - spec.margin_right_mm;
    let height = spec.height_mm - spec.margin_top_mm - spec.margin_bottom_mm - heading;
    Area {
        x: spec.margin_left_mm,
        y: spec.margin_top_mm + heading,
        width,
        height,
    }
}

/// A photo to prepare for print: which file, how to turn and crop it, and the pixels it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageTarget {
    pub file: String,
    pub orientation: u8,
    pub crop: Option<Crop>,
    pub width_px: u32,
    pub height_px: u32,
}

/// Every photo the printed form shows, with the size it prints at.
pub fn image_targets(
    definition: &FormDefinition,
    campaign: &Campaign,
    answers: &Answers,
) -> Vec<ImageTarget> {
    let target = |photo: &PhotoRef, width_mm: f32, height_mm: f32, dpi: u32| ImageTarget {
        file: photo.file.clone(),
        orientation: photo.orientation,
        crop: photo.crop,
        width_px: pixels_for(width_mm, dpi),
        height_px: pixels_for(height_mm, dpi),
    };
    let mut targets = Vec::new();
    for field in definition.fields() {
        if let Some(photo) = answers.photo(&field.id) {
            let size = &campaign.photo.id_photo;
            let mut cropped = target(photo, size.width_mm, size.height_mm, PHOTO_DPI);
            cropped.crop = Some(photo.crop_for(size.width_mm / size.height_mm));
            targets.push(cropped);
        }
    }
    // Images of a part the campaign does not ask for are never printed, so never read.
    let asked = |field: &str| {
        (definition.field(field)).is_some_and(|f| crate::form::validate::is_relevant(f, campaign))
    };
    for part in &definition.print.after_table {
        if let AfterTable::Images {
            field, max_pages, ..
        } = part
            && asked(field)
        {
            let images = answers.images(field);
            for (placed, photo) in evidence_boxes(images, *max_pages, &definition.print.page)
                .iter()
                .zip(images)
            {
                targets.push(target(
                    photo,
                    placed.image.width,
                    placed.image.height,
                    EVIDENCE_DPI,
                ));
            }
        }
    }
    targets
}
