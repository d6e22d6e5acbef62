//! The summary table (候选人汇总表, 附件2) on landscape A4: the campaign's title, the line for the
//! recommending unit's seal, and one row per candidate, every cell filled from the forms. Rows
//! wrap their text and the header is repeated on every page.

use super::super::layout::{Circle, Color, Document, Page};
use super::super::measure::{Measure, break_text};
use super::cells::border;
use super::text::{self, Area, TextStyle, line_height_mm};
use super::{ComposeOptions, pages::number_pages};
use crate::form::answers::Answers;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::printed::{PADDING_MM, SEAL_DIAMETER_MM, printed};
use crate::form::summary::SummarySource;

const MARGIN_MM: f32 = 20.0;
const TITLE_PT: f32 = 18.0;
const BODY_PT: f32 = 10.5;

/// The text of each column for one candidate (row number from 1).
pub fn summary_row(definition: &FormDefinition, answers: &Answers, number: usize) -> Vec<String> {
    definition
        .summary
        .columns
        .iter()
        .map(|column| match &column.source {
            SummarySource::Index => number.to_string(),
            SummarySource::Fields { fields, separator } => fields
                .iter()
                .map(|field| printed(definition, answers, field))
                .filter(|value| !value.is_empty())
                .collect::<Vec<_>>()
                .join(separator),
        })
        .collect()
}

pub fn compose_summary(
    definition: &FormDefinition,
    campaign: &Campaign,
    candidates: &[&Answers],
    measure: &dyn Measure,
    options: ComposeOptions,
) -> Document {
    let mut page = Page::a4_landscape();
    let text_width = page.width_mm - 2.0 * MARGIN_MM;
    let bottom = page.height_mm - MARGIN_MM;
    let total: f32 = definition.summary.columns.iter().map(|c| c.width).sum();
    let widths: Vec<f32> = definition
        .summary
        .columns
        .iter()
        .map(|c| c.width / total.max(0.01) * text_width)
        .collect();
    let style = TextStyle::plain(BODY_PT);
    let pitch = line_height_mm(BODY_PT);
    let cell_lines = |texts: &[String]| -> Vec<Vec<_>> {
        texts
            .iter()
            .zip(&widths)
            .map(|(text, width)| break_text(text, width - 2.0 * PADDING_MM, 0.0, BODY_PT, measure))
            .collect()
    };
    let row_height = |lines: &[Vec<_>]| {
        lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * pitch + 2.0 * PADDING_MM
    };
    let header: Vec<String> = definition
        .summary
        .columns
        .iter()
        .map(|c| c.label.clone())
        .collect();
    let header_lines = cell_lines(&header);
    let header_height = row_height(&header_lines).max(12.0);

    let mut pages = Vec::new();
    let mut y = heading(
        &mut page, definition, campaign, candidates, measure, options,
    );
    let draw = |page: &mut Page, y: f32, lines: &[Vec<_>], height: f32, bold: bool| {
        let mut x = MARGIN_MM;
        for (cell, width) in lines.iter().zip(&widths) {
            let area = Area {
                x,
                y,
                width: *width,
                height,
            };
            page.items.push(border(area));
            let cell_style = if bold {
                TextStyle::bold(BODY_PT)
            } else {
                style
            };
            page.items.extend(text::centred_lines(
                cell,
                area.inset(PADDING_MM),
                cell_style,
            ));
            x += width;
        }
    };
    draw(&mut page, y, &header_lines, header_height, true);
    y += header_height;
    // At least the seed's seven rows, so hand-added candidates have room.
    let rows = candidates.len().max(7);
    for index in 0..rows {
        let texts = match candidates.get(index) {
            Some(answers) => summary_row(definition, answers, index + 1),
            None => vec![String::new(); widths.len()],
        };
        let lines = cell_lines(&texts);
        let height = row_height(&lines).max(12.0);
        if y + height > bottom {
            pages.push(std::mem::replace(&mut page, Page::a4_landscape()));
            y = MARGIN_MM;
            draw(&mut page, y, &header_lines, header_height, true);
            y += header_height;
        }
        draw(&mut page, y, &lines, height, false);
        y += height;
    }
    pages.push(page);
    if pages.len() > 1 {
        number_pages(&mut pages, 0, MARGIN_MM, measure);
    }
    Document {
        title: campaign.summary_title.clone(),
        pages,
        anchors: Vec::new(),
    }
}

/// Title and the 推荐单位（盖章） line with its seal guide; returns where the table starts.
fn heading(
    page: &mut Page,
    definition: &FormDefinition,
    campaign: &Campaign,
    candidates: &[&Answers],
    measure: &dyn Measure,
    options: ComposeOptions,
) -> f32 {
    let title_style = TextStyle::bold(TITLE_PT);
    let title_width = measure.width_mm(&campaign.summary_title, TITLE_PT);
    page.items.push(text::run(
        &campaign.summary_title,
        (page.width_mm - title_width) / 2.0,
        MARGIN_MM + 6.0,
        title_style,
        0.0,
    ));
    // The unit is printed when every candidate names the same one; otherwise it is written by hand.
    let units: Vec<&str> = candidates.iter().map(|a| a.text("recommender")).collect();
    let unit = match units.first() {
        Some(first) if !first.is_empty() && units.iter().all(|u| u == first) => *first,
        _ => "",
    };
    // Low enough that the seal guide clears the title.
    let line_y = MARGIN_MM + 32.0;
    let label = &definition.summary.unit_line;
    let style = TextStyle::plain(12.0);
    page.items
        .push(text::run(label, MARGIN_MM, line_y, style, 0.0));
    let unit_x = MARGIN_MM + measure.width_mm(label, style.size_pt);
    page.items.push(text::run(unit, unit_x, line_y, style, 0.0));
    if options.seal_guides {
        let unit_width = measure.width_mm(unit, style.size_pt).max(40.0);
        page.items.push(super::super::layout::Item::Circle(Circle {
            center_mm: (unit_x + unit_width / 2.0, line_y),
            radius_mm: SEAL_DIAMETER_MM / 2.0,
            width_pt: 0.5,
            dash_mm: Some((1.5, 1.5)),
            color: Color::gray(0.6),
        }));
    }
    line_y + 8.0
}
