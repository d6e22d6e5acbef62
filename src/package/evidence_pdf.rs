//! The evidence images of one candidate as one PDF named after them (e.g. 张三-佐证材料.pdf),
//! where the campaign's evidence material asks for it (`one_pdf` with a `file_name`): each
//! image on an A4 page of its own, fitted within the margins at 300 dpi, its caption under it.

use std::sync::Arc;

use super::roster::Candidate;
use crate::form::answers::PhotoRef;
use crate::form::campaign::{Campaign, Material};
use crate::form::printed::ImageTarget;
use crate::form::units::pixels_for;
use crate::pdf::export::font;
use crate::pdf::layout::{Color, Document, ImageBox, Item, Page, TextRun};
use crate::pdf::measure::{Measure, break_text};
use crate::pdf::write::{WriteOptions, write_pdf};
use crate::photo::EncodedImage;
use crate::photo::prepare::prepare_all;

/// The material id, and the draft field holding the evidence images.
pub const EVIDENCE: &str = "evidence";

const MARGIN_MM: f32 = 20.0;
const HEADING_PT: f32 = 12.0;
const CAPTION_PT: f32 = 10.5;
const MM_PER_PT: f32 = 25.4 / 72.0;
const DPI: u32 = 300;

/// The evidence material, where the campaign asks for it as one PDF with a file name.
pub fn one_pdf_material(campaign: &Campaign) -> Option<&Material> {
    (campaign.materials.iter()).find(|m| m.id == EVIDENCE && m.one_pdf && m.file_name.is_some())
}

/// The file name and the PDF of a candidate's evidence; None where the campaign does not ask
/// for one PDF or the candidate has no evidence image. What goes wrong is added to `problems`.
pub fn for_candidate(
    candidate: &Candidate,
    campaign: &Campaign,
    stem: &str,
    problems: &mut Vec<String>,
) -> Option<(String, Vec<u8>)> {
    let material = one_pdf_material(campaign)?;
    let images = candidate.draft.answers.images(EVIDENCE);
    if images.is_empty() {
        return None;
    }
    let file = material.file_name_for(stem)?;
    match evidence_pdf(candidate, images) {
        Ok(pdf) => Some((file, pdf)),
        Err(reason) => {
            problems.push(format!(
                "{}：佐证材料未能合成PDF（{reason}），请在草稿中检查佐证材料后重新生成。",
                candidate.name
            ));
            None
        }
    }
}

fn evidence_pdf(candidate: &Candidate, images: &[PhotoRef]) -> Result<Vec<u8>, String> {
    let page = Page::a4();
    let width = page.width_mm - 2.0 * MARGIN_MM;
    let height = page.height_mm - 2.0 * MARGIN_MM - 30.0;
    let boxes: Vec<(f32, f32)> = images.iter().map(|i| fit(i, width, height)).collect();
    let targets: Vec<ImageTarget> = (images.iter().zip(&boxes))
        .map(|(image, (w, h))| ImageTarget {
            file: image.file.clone(),
            orientation: image.orientation,
            crop: None,
            width_px: pixels_for(*w, DPI),
            height_px: pixels_for(*h, DPI),
        })
        .collect();
    let prepared = prepare_all(&candidate.folder.dir, &targets).map_err(|e| e.to_string())?;
    let font = font().map_err(|e| e.to_string())?;
    let mut document = Document {
        title: format!("{}-佐证材料", candidate.name),
        ..Document::default()
    };
    let count = images.len();
    for (index, (image, (w, h))) in images.iter().zip(boxes).enumerate() {
        let encoded = prepared
            .get(&image.file)
            .ok_or_else(|| format!("图片{}未能读取", image.file))?;
        let heading = format!("{} 佐证材料（{}/{count}）", candidate.name, index + 1);
        document
            .pages
            .push(evidence_page(&heading, image, encoded, (w, h), font));
    }
    write_pdf(&document, font, &WriteOptions::default()).map_err(|e| e.to_string())
}

/// The printed size of an image fitted in `width` × `height` mm, upright, never enlarged
/// beyond 300 dpi.
fn fit(image: &PhotoRef, width: f32, height: f32) -> (f32, f32) {
    let (w, h) = image.upright_size();
    let (w, h) = (w.max(1) as f32, h.max(1) as f32);
    let natural = (w / DPI as f32 * 25.4, h / DPI as f32 * 25.4);
    let scale = (width / natural.0).min(height / natural.1).min(1.0);
    // Small images are still printed at a readable size: at least half the width.
    let scale = scale.max((width * 0.5 / natural.0).min(height / natural.1));
    (natural.0 * scale, natural.1 * scale)
}

fn evidence_page(
    heading: &str,
    image: &PhotoRef,
    encoded: &Arc<EncodedImage>,
    (w, h): (f32, f32),
    measure: &dyn Measure,
) -> Page {
    let mut page = Page::a4();
    let text = |x_mm: f32, baseline_mm: f32, size_pt: f32, text: String| {
        Item::Text(TextRun {
            x_mm,
            baseline_mm,
            size_pt,
            text,
            letter_spacing_pt: 0.0,
            bold: false,
            color: Color::BLACK,
        })
    };
    let top = MARGIN_MM + HEADING_PT * MM_PER_PT;
    page.items
        .push(text(MARGIN_MM, top, HEADING_PT, heading.to_owned()));
    let image_top = top + 6.0;
    let x = (page.width_mm - w) / 2.0;
    page.items.push(Item::Image(ImageBox {
        x_mm: x,
        y_mm: image_top,
        width_mm: w,
        height_mm: h,
        image: encoded.clone(),
    }));
    let width = page.width_mm - 2.0 * MARGIN_MM;
    let line_mm = CAPTION_PT * MM_PER_PT * 1.5;
    let mut baseline = image_top + h + line_mm;
    let caption = image.caption.as_deref().unwrap_or_default();
    for line in break_text(caption, width, 0.0, CAPTION_PT, measure) {
        let x = MARGIN_MM + (width - line.width_mm).max(0.0) / 2.0;
        page.items.push(text(x, baseline, CAPTION_PT, line.text));
        baseline += line_mm;
    }
    page
}
