//! The pages around the table: the cover, the 填表说明, the evidence pages (images with their
//! captions, at most two pages), separate texts, and the page numbers.

use super::super::layout::{Color, ImageBox, Item, Line, Page};
use super::super::measure::{Measure, break_paragraph, break_text};
use super::cells::border;
use super::text::{self, Area, Style, line_height_mm, size_mm};
use super::values::printed;
use super::{Context, Pages};
use crate::form::answers::{Answers, Crop, PhotoRef};
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::print::{AfterTable, PageSpec};
use crate::form::units::pixels_for;

/// Evidence images are prepared for this resolution at their printed size.
pub const EVIDENCE_DPI: u32 = 300;
const TITLE_PT: f32 = 22.0;
const SUBTITLE_PT: f32 = 26.0;
const COVER_LINE_PT: f32 = 16.0;
const CAPTION_PT: f32 = 9.0;
const HEADING_PT: f32 = 12.0;
const FOOTER_PT: f32 = 9.0;
/// Images a page holds (2 × 2); with two or fewer, each gets the full width.
const IMAGES_PER_PAGE: usize = 4;
const GAP_MM: f32 = 4.0;

fn centred_run(
    text: &str,
    page_width: f32,
    centre_y: f32,
    style: Style,
    spacing_pt: f32,
    measure: &dyn Measure,
) -> Item {
    let count = text.chars().count() as f32;
    let width = measure.width_mm(text, style.size_pt)
        + spacing_pt * (count - 1.0).max(0.0) * super::super::measure::MM_PER_PT;
    text::run(
        text,
        (page_width - width) / 2.0,
        centre_y,
        style,
        spacing_pt,
    )
}

/// The cover: the campaign's title over two lines (…“最美科技工作者” / 推 荐 表) and the four
/// lines of 候选人姓名, 工作单位, 推荐单位, 填报日期 on rules.
pub fn cover(pages: &mut Pages, context: &Context) {
    for line in &context.layout().cover.lines {
        pages.anchor(&line.field, 0.0);
    }
    let width = pages.width;
    let measure = context.measure;
    let title = &context.campaign.form_title;
    let (first, second) = match title.strip_suffix("推荐表") {
        Some(head) => (head.to_owned(), "推荐表".to_owned()),
        None => (title.clone(), String::new()),
    };
    let mut items = vec![centred_run(
        &first,
        width,
        75.0,
        Style::bold(TITLE_PT),
        0.0,
        measure,
    )];
    if !second.is_empty() {
        items.push(centred_run(
            &second,
            width,
            100.0,
            Style::bold(SUBTITLE_PT),
            SUBTITLE_PT,
            measure,
        ));
    }
    let style = Style::plain(COVER_LINE_PT);
    let label_width = context
        .layout()
        .cover
        .lines
        .iter()
        .map(|l| measure.width_mm(&format!("{}：", l.label), style.size_pt))
        .fold(0.0, f32::max);
    let rule_width = 85.0;
    let left = (width - label_width - rule_width) / 2.0;
    for (index, line) in context.layout().cover.lines.iter().enumerate() {
        let centre = 165.0 + index as f32 * 16.0;
        items.push(text::run(
            &format!("{}：", line.label),
            left,
            centre,
            style,
            0.0,
        ));
        let rule_left = left + label_width;
        let rule_y = centre + size_mm(style.size_pt) * 0.65;
        items.push(Item::Line(Line {
            from_mm: (rule_left, rule_y),
            to_mm: (rule_left + rule_width, rule_y),
            width_pt: 0.6,
            dash_mm: None,
            color: Color::BLACK,
        }));
        let value = printed(context.definition, context.answers, &line.field);
        let area = Area {
            x: rule_left,
            y: centre - 5.0,
            width: rule_width,
            height: 10.0,
        };
        items.extend(text::fitted_value(&value, area, style, 10.0, measure).0);
    }
    pages.items().extend(items);
}

/// The 填表说明 page.
pub fn instructions(pages: &mut Pages, context: &Context) {
    pages.new_page();
    let measure = context.measure;
    let style = Style::plain(12.0);
    let mut items = vec![centred_run(
        "填表说明",
        pages.width,
        pages.top + 8.0,
        Style::bold(16.0),
        16.0,
        measure,
    )];
    let mut y = pages.top + 20.0;
    for item in &context.definition.instructions {
        let lines = break_paragraph(
            item,
            context.text_width(),
            2.0 * size_mm(style.size_pt),
            style.size_pt,
            measure,
        );
        items.extend(text::paragraph_lines(
            &lines,
            context.left(),
            y,
            context.text_width(),
            2.0,
            style,
        ));
        y += lines.len() as f32 * line_height_mm(style.size_pt) + 1.5;
    }
    pages.items().extend(items);
}

pub fn after_table(pages: &mut Pages, context: &Context) {
    for part in &context.layout().after_table {
        match part {
            AfterTable::Images {
                field,
                heading,
                max_pages,
            } => evidence(pages, context, field, heading, *max_pages),
            AfterTable::Text { field, heading } => separate_text(pages, context, field, heading),
        }
    }
}

/// Where each image of an evidence field goes: its page (0-based among the evidence pages) and
/// the box the image fills, in mm. Shared with `image_targets`, so photos are prepared at exactly
/// the size they print.
fn evidence_boxes(
    images: &[PhotoRef],
    max_pages: u32,
    spec: &PageSpec,
) -> Vec<(usize, Area, Area)> {
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
            let image_box = Area {
                x: slot.x + (slot_width - fit_width) / 2.0,
                y: slot.y + (slot_height - caption - fit_height) / 2.0,
                width: fit_width,
                height: fit_height,
            };
            (page, slot, image_box)
        })
        .collect()
}

/// How many pages the evidence images take, and how many of them are printed.
pub fn evidence_layout(images: &[PhotoRef], max_pages: u32, spec: &PageSpec) -> (usize, usize) {
    let boxes = evidence_boxes(images, max_pages, spec);
    let pages = boxes.iter().map(|(page, _, _)| page + 1).max().unwrap_or(0);
    (pages, boxes.len())
}

/// The area under the heading of an evidence page.
fn evidence_area(spec: &PageSpec) -> Area {
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

fn evidence(pages: &mut Pages, context: &Context, field: &str, heading: &str, max_pages: u32) {
    let images = context.answers.images(field);
    if images.is_empty() {
        return;
    }
    let spec = &context.layout().page;
    let boxes = evidence_boxes(images, max_pages, spec);
    let page_count = boxes.iter().map(|(page, _, _)| page + 1).max().unwrap_or(0);
    let area = evidence_area(spec);
    for page in 0..page_count {
        pages.new_page();
        pages.anchor(field, spec.margin_top_mm);
        let heading_area = Area {
            x: area.x,
            y: spec.margin_top_mm,
            width: area.width,
            height: area.y - spec.margin_top_mm,
        };
        let mut items = vec![border(heading_area), border(area)];
        items.extend(text::label(
            heading,
            false,
            heading_area.inset(2.0),
            Style::bold(HEADING_PT),
            context.measure,
        ));
        for (index, (_, slot, image_box)) in
            boxes.iter().enumerate().filter(|(_, (p, _, _))| *p == page)
        {
            let Some(photo) = images.get(index) else {
                continue;
            };
            if let Some(prepared) = context.images.get(&photo.file) {
                items.push(Item::Image(ImageBox {
                    x_mm: image_box.x,
                    y_mm: image_box.y,
                    width_mm: image_box.width,
                    height_mm: image_box.height,
                    image: prepared.clone(),
                }));
            }
            let caption = photo.caption.as_deref().unwrap_or("");
            let caption_area = Area {
                x: slot.x,
                y: image_box.bottom() + 1.0,
                width: slot.width,
                height: 2.0 * line_height_mm(CAPTION_PT),
            };
            let lines = break_text(
                caption,
                caption_area.width,
                0.0,
                CAPTION_PT,
                context.measure,
            );
            items.extend(text::centred_lines(
                &lines,
                caption_area,
                Style::plain(CAPTION_PT),
            ));
        }
        pages.items().extend(items);
    }
}

/// A separate text (the 衡水 2019 事迹材料) on pages of its own, when the campaign asks for it.
fn separate_text(pages: &mut Pages, context: &Context, field: &str, heading: &str) {
    let value = context.answers.text(field);
    if value.is_empty() || !context.relevant(field) {
        return;
    }
    let style = context.body_style();
    let pitch = line_height_mm(style.size_pt);
    let lines = break_text(
        value,
        context.text_width(),
        2.0,
        style.size_pt,
        context.measure,
    );
    pages.new_page();
    pages.anchor(field, pages.y);
    let heading_item = centred_run(
        heading,
        pages.width,
        pages.y + 6.0,
        Style::bold(16.0),
        0.0,
        context.measure,
    );
    pages.items().push(heading_item);
    pages.y += 16.0;
    let mut from = 0;
    while from < lines.len() {
        let fit = ((pages.room() / pitch).floor() as usize)
            .max(1)
            .min(lines.len() - from);
        let piece = lines.get(from..from + fit).unwrap_or(&[]);
        let items = text::paragraph_lines(
            piece,
            context.left(),
            pages.y,
            context.text_width(),
            2.0,
            style,
        );
        pages.items().extend(items);
        from += fit;
        if from < lines.len() {
            pages.new_page();
        }
    }
}

/// 第 X 页 共 Y 页 centred in the bottom margin of every page after the first `skip`.
pub fn number_pages(pages: &mut [Page], skip: usize, margin_bottom_mm: f32, measure: &dyn Measure) {
    let total = pages.len().saturating_sub(skip);
    for (index, page) in pages.iter_mut().skip(skip).enumerate() {
        let footer = format!("第 {} 页 共 {total} 页", index + 1);
        let centre = page.height_mm - margin_bottom_mm / 2.0;
        page.items.push(centred_run(
            &footer,
            page.width_mm,
            centre,
            Style::plain(FOOTER_PT),
            0.0,
            measure,
        ));
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
            let mut cropped = target(photo, size.width_mm, size.height_mm, 300);
            cropped.crop = Some(photo.crop_for(size.width_mm / size.height_mm));
            targets.push(cropped);
        }
    }
    for part in &definition.print.after_table {
        if let AfterTable::Images {
            field, max_pages, ..
        } = part
        {
            let images = answers.images(field);
            for ((_, _, image_box), photo) in
                evidence_boxes(images, *max_pages, &definition.print.page)
                    .iter()
                    .zip(images)
            {
                targets.push(target(
                    photo,
                    image_box.width,
                    image_box.height,
                    EVIDENCE_DPI,
                ));
            }
        }
    }
    targets
}
