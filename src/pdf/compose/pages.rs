//! The pages around the table: the cover, the 填表说明, the evidence pages (images with their
//! captions, at most two pages), separate texts, and the page numbers.

use super::super::layout::{Color, ImageBox, Item, Line, Page};
use super::super::measure::{MM_PER_PT, Measure, break_paragraph, break_text};
use super::cells::border;
use super::keep;
use super::text::{self, Area, TextStyle, line_height_mm, size_mm};
use super::{Composer, Pages};
use crate::form::printed::{
    AfterPart, CAPTION_PT, COVER_LINE_PITCH_MM, COVER_LINE_PT, COVER_LINES_CENTRE_MM,
    COVER_RULE_MM, FOOTER_PT, HEADING_PT, INSTRUCTIONS_PT, INSTRUCTIONS_TITLE_PT, PlacedImage,
    SUBTITLE_CENTRE_MM, SUBTITLE_PT, TEXT_HEADING_PT, TITLE_CENTRE_MM, TITLE_PT, evidence_area,
};

fn centred_run(
    text: &str,
    page_width: f32,
    centre_y: f32,
    style: TextStyle,
    spacing_pt: f32,
    measure: &dyn Measure,
) -> Item {
    let count = text.chars().count() as f32;
    let width =
        measure.width_mm(text, style.size_pt) + spacing_pt * (count - 1.0).max(0.0) * MM_PER_PT;
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
pub fn cover(pages: &mut Pages, composer: &Composer) {
    let cover = &composer.form.cover;
    for line in &cover.lines {
        pages.anchor(&line.field, 0.0);
    }
    let width = pages.width;
    let measure = composer.measure;
    let mut items = vec![centred_run(
        &cover.title,
        width,
        TITLE_CENTRE_MM,
        TextStyle::bold(TITLE_PT),
        0.0,
        measure,
    )];
    if let Some(subtitle) = &cover.subtitle {
        items.push(centred_run(
            subtitle,
            width,
            SUBTITLE_CENTRE_MM,
            TextStyle::bold(SUBTITLE_PT),
            SUBTITLE_PT,
            measure,
        ));
    }
    let style = TextStyle::plain(COVER_LINE_PT);
    let label_width = (cover.lines.iter())
        .map(|l| measure.width_mm(&format!("{}：", l.label), style.size_pt))
        .fold(0.0, f32::max);
    let left = (width - label_width - COVER_RULE_MM) / 2.0;
    for (index, line) in cover.lines.iter().enumerate() {
        let centre = COVER_LINES_CENTRE_MM + index as f32 * COVER_LINE_PITCH_MM;
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
            to_mm: (rule_left + COVER_RULE_MM, rule_y),
            width_pt: 0.6,
            dash_mm: None,
            color: Color::BLACK,
        }));
        let area = Area {
            x: rule_left,
            y: centre - 5.0,
            width: COVER_RULE_MM,
            height: 10.0,
        };
        let fit = text::fit_value(&line.value, area.width, style, 10.0, measure);
        items.extend(text::fitted_value(&line.value, area, style, fit, measure));
    }
    pages.items().extend(items);
}

/// The 填表说明 page.
pub fn instructions(pages: &mut Pages, context: &Composer) {
    pages.new_page();
    let measure = context.measure;
    let style = TextStyle::plain(INSTRUCTIONS_PT);
    let mut items = vec![centred_run(
        "填表说明",
        pages.width,
        pages.top + 8.0,
        TextStyle::bold(INSTRUCTIONS_TITLE_PT),
        INSTRUCTIONS_TITLE_PT,
        measure,
    )];
    let mut y = pages.top + 20.0;
    for item in &context.form.instructions {
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

pub fn after_table(pages: &mut Pages, composer: &Composer) {
    for part in &composer.form.after_table {
        match part {
            AfterPart::Evidence {
                field,
                heading,
                pages: count,
                images,
            } => evidence(pages, composer, field, heading, (*count, images)),
            AfterPart::Text {
                field,
                heading,
                text,
            } => separate_text(pages, composer, field, heading, text),
        }
    }
}

fn evidence(
    pages: &mut Pages,
    composer: &Composer,
    field: &str,
    heading: &str,
    (count, images): (usize, &[PlacedImage]),
) {
    let spec = composer.page();
    let area = evidence_area(spec);
    for page in 0..count {
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
            TextStyle::bold(HEADING_PT),
            composer.measure,
        ));
        for placed in images.iter().filter(|placed| placed.page == page) {
            if let Some(prepared) = composer.images.get(&placed.file) {
                items.push(Item::Image(ImageBox {
                    x_mm: placed.image.x,
                    y_mm: placed.image.y,
                    width_mm: placed.image.width,
                    height_mm: placed.image.height,
                    image: prepared.clone(),
                }));
            }
            let caption_area = Area {
                x: placed.slot.x,
                y: placed.image.bottom() + 1.0,
                width: placed.slot.width,
                height: 2.0 * line_height_mm(CAPTION_PT),
            };
            let lines = break_text(
                &placed.caption,
                caption_area.width,
                0.0,
                CAPTION_PT,
                composer.measure,
            );
            items.extend(text::centred_lines(
                &lines,
                caption_area,
                TextStyle::plain(CAPTION_PT),
            ));
        }
        pages.items().extend(items);
    }
}

/// A separate text (the 衡水 2019 事迹材料) on pages of its own, when the campaign asks for it.
fn separate_text(pages: &mut Pages, context: &Composer, field: &str, heading: &str, value: &str) {
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
        TextStyle::bold(TEXT_HEADING_PT),
        0.0,
        context.measure,
    );
    pages.items().push(heading_item);
    pages.y += 16.0;
    let mut from = 0;
    while from < lines.len() {
        let (room, remaining) = ((pages.room() / pitch).floor() as usize, lines.len() - from);
        let fit = match keep::lines_before_break(room, remaining) {
            _ if room >= remaining => remaining,
            0 => room.clamp(1, remaining),
            fit => fit,
        };
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
            TextStyle::plain(FOOTER_PT),
            0.0,
            measure,
        ));
    }
}
