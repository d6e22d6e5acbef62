//! Placing text in boxes: centred labels, vertical labels (one character a line), single-line
//! values that shrink to fit before they wrap (one decision for a whole column), and justified paragraphs with a two-character
//! first-line indent. Everything here returns items; nothing is drawn directly.

use super::super::layout::{Color, Item, TextRun};
use super::super::measure::{
    BrokenLine, Measure, break_address, break_text, is_address, justify_spacing_pt,
};
pub use crate::form::printed::{Area, line_height_mm, size_mm};
use crate::form::printed::{Fit, PERIOD_DASH, fit_column};

/// The baseline sits this far (in em) below the centre of a CJK character's em box.
const BASELINE_BELOW_CENTRE_EM: f32 = 0.38;

#[derive(Debug, Clone, Copy)]
pub struct TextStyle {
    pub size_pt: f32,
    pub bold: bool,
}

impl TextStyle {
    pub fn plain(size_pt: f32) -> Self {
        TextStyle {
            size_pt,
            bold: false,
        }
    }
    pub fn bold(size_pt: f32) -> Self {
        TextStyle {
            size_pt,
            bold: true,
        }
    }
}

/// A run whose em box is centred vertically on `centre_y`.
pub fn run(text: &str, x: f32, centre_y: f32, style: TextStyle, letter_spacing_pt: f32) -> Item {
    Item::Text(TextRun {
        x_mm: x,
        baseline_mm: centre_y + BASELINE_BELOW_CENTRE_EM * size_mm(style.size_pt),
        size_pt: style.size_pt,
        text: text.to_owned(),
        letter_spacing_pt,
        bold: style.bold,
        color: Color::BLACK,
    })
}

/// Lines of a label or a short value, centred as a block in the area, each line centred.
pub fn centred_lines(lines: &[BrokenLine], area: Area, style: TextStyle) -> Vec<Item> {
    let pitch = line_height_mm(style.size_pt);
    let top = area.y + (area.height - pitch * lines.len() as f32) / 2.0;
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let x = area.x + (area.width - line.width_mm) / 2.0;
            run(&line.text, x, top + pitch * (i as f32 + 0.5), style, 0.0)
        })
        .collect()
}

/// Height a label needs in a cell `width` wide.
pub fn label_height(
    text: &str,
    vertical: bool,
    width: f32,
    style: TextStyle,
    measure: &dyn Measure,
) -> f32 {
    let lines = if vertical {
        vertical_text(text).len()
    } else {
        break_text(text, width, 0.0, style.size_pt, measure).len()
    };
    lines as f32 * line_height_mm(style.size_pt)
}

/// The characters of a vertical label, spaces dropped (姓  名 → 姓, 名).
fn vertical_text(text: &str) -> Vec<char> {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

pub fn label(
    text: &str,
    vertical: bool,
    area: Area,
    style: TextStyle,
    measure: &dyn Measure,
) -> Vec<Item> {
    if vertical {
        let lines: Vec<BrokenLine> = vertical_text(text)
            .into_iter()
            .map(|c| {
                let text = c.to_string();
                let width_mm = measure.width_mm(&text, style.size_pt);
                BrokenLine {
                    text,
                    width_mm,
                    starts_paragraph: true,
                    ends_paragraph: true,
                }
            })
            .collect();
        return centred_lines(&lines, area, style);
    }
    centred_lines(
        &break_text(text, area.width, 0.0, style.size_pt, measure),
        area,
        style,
    )
}

/// How a short value alone fits a cell `width` wide (see `fit_column`).
pub fn fit_value(
    text: &str,
    width: f32,
    style: TextStyle,
    min_size_pt: f32,
    measure: &dyn Measure,
) -> Fit {
    let natural = (!text.contains('\n')).then(|| measure.width_mm(text, style.size_pt));
    fit_column([natural], width, style.size_pt, min_size_pt)
}

/// The lines of a short value set as `fit` decides, and their style.
fn fitted_lines(
    text: &str,
    width: f32,
    style: TextStyle,
    fit: Fit,
    measure: &dyn Measure,
) -> (Vec<BrokenLine>, TextStyle) {
    match fit {
        Fit::Natural | Fit::Shrunk(_) if !text.contains('\n') => {
            let style = TextStyle {
                size_pt: fit.size_pt(style.size_pt),
                ..style
            };
            let line = BrokenLine {
                text: text.to_owned(),
                width_mm: measure.width_mm(text, style.size_pt),
                starts_paragraph: true,
                ends_paragraph: true,
            };
            (vec![line], style)
        }
        _ => (wrapped_value(text, width, style.size_pt, measure), style),
    }
}

/// A short value that wraps: an address after @ . /, a period (2021.01—至今) after its dash
/// when each end fits a line, anything else as text.
fn wrapped_value(text: &str, width: f32, size_pt: f32, measure: &dyn Measure) -> Vec<BrokenLine> {
    if is_address(text) {
        return break_address(text, width, size_pt, measure);
    }
    let ends = text
        .split_once(PERIOD_DASH)
        .map(|(start, end)| (format!("{start}{PERIOD_DASH}"), end.to_owned()));
    match ends {
        Some((start, end))
            if !text.contains('\n')
                && !start.trim().is_empty()
                && !end.trim().is_empty()
                && measure.width_mm(text, size_pt) > width
                && [&start, &end]
                    .iter()
                    .all(|end| measure.width_mm(end, size_pt) <= width + 0.01) =>
        {
            [start, end]
                .into_iter()
                .enumerate()
                .map(|(index, text)| BrokenLine {
                    width_mm: measure.width_mm(&text, size_pt),
                    text,
                    starts_paragraph: index == 0,
                    ends_paragraph: index == 1,
                })
                .collect()
        }
        _ => break_text(text, width, 0.0, size_pt, measure),
    }
}

/// A short value centred in the area: on one line at the body size or shrunk, or wrapped at
/// the body size, as `fit` decides.
pub fn fitted_value(
    text: &str,
    area: Area,
    style: TextStyle,
    fit: Fit,
    measure: &dyn Measure,
) -> Vec<Item> {
    let (lines, style) = fitted_lines(text, area.width, style, fit, measure);
    centred_lines(&lines, area, style)
}

/// Height a short value needs (see `fitted_value`); a shrunk line keeps the body's pitch.
pub fn fitted_height(
    text: &str,
    width: f32,
    style: TextStyle,
    fit: Fit,
    measure: &dyn Measure,
) -> f32 {
    let (lines, _) = fitted_lines(text, width, style, fit, measure);
    lines.len() as f32 * line_height_mm(style.size_pt)
}

/// Paragraph lines placed from `top`, justified to `width`, the first line of each paragraph
/// indented.
pub fn paragraph_lines(
    lines: &[BrokenLine],
    x: f32,
    top: f32,
    width: f32,
    indent_em: f32,
    style: TextStyle,
) -> Vec<Item> {
    let pitch = line_height_mm(style.size_pt);
    let indent = indent_em * size_mm(style.size_pt);
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let offset = if line.starts_paragraph { indent } else { 0.0 };
            let spacing = justify_spacing_pt(line, width - offset, style.size_pt);
            run(
                &line.text,
                x + offset,
                top + pitch * (i as f32 + 0.5),
                style,
                spacing,
            )
        })
        .collect()
}
