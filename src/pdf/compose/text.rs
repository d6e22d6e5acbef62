//! Placing text in boxes: centred labels, vertical labels (one character a line), single-line
//! values that shrink to fit before they wrap, and justified paragraphs with a two-character
//! first-line indent. Everything here returns items; nothing is drawn directly.

use super::super::layout::{Color, Item, TextRun};
use super::super::measure::{BrokenLine, Measure, break_text, justify_spacing_pt};
pub use crate::form::printed::{Area, line_height_mm, size_mm};

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

/// A short value: one line at the body size if it fits, else shrunk down to `min_size_pt`,
/// else wrapped at the body size. Returns the items and the size used.
pub fn fitted_value(
    text: &str,
    area: Area,
    style: TextStyle,
    min_size_pt: f32,
    measure: &dyn Measure,
) -> (Vec<Item>, f32) {
    let natural = measure.width_mm(text, style.size_pt);
    if natural <= area.width && !text.contains('\n') {
        let line = BrokenLine {
            text: text.to_owned(),
            width_mm: natural,
            starts_paragraph: true,
            ends_paragraph: true,
        };
        return (
            centred_lines(&[line], area, style),
            line_height_mm(style.size_pt),
        );
    }
    // Shrink in quarter points, so the size is a round figure.
    let shrunk = (style.size_pt * area.width / natural.max(0.01) * 4.0).floor() / 4.0;
    if shrunk >= min_size_pt && !text.contains('\n') {
        let small = TextStyle {
            size_pt: shrunk,
            ..style
        };
        let width_mm = measure.width_mm(text, small.size_pt);
        let line = BrokenLine {
            text: text.to_owned(),
            width_mm,
            starts_paragraph: true,
            ends_paragraph: true,
        };
        return (
            centred_lines(&[line], area, small),
            line_height_mm(small.size_pt),
        );
    }
    let lines = break_text(text, area.width, 0.0, style.size_pt, measure);
    let height = lines.len() as f32 * line_height_mm(style.size_pt);
    (centred_lines(&lines, area, style), height)
}

/// Height a short value needs (see `fitted_value`).
pub fn fitted_height(
    text: &str,
    width: f32,
    style: TextStyle,
    min_size_pt: f32,
    measure: &dyn Measure,
) -> f32 {
    let at_min_size = measure.width_mm(text, min_size_pt);
    if at_min_size <= width && !text.contains('\n') {
        return line_height_mm(style.size_pt);
    }
    break_text(text, width, 0.0, style.size_pt, measure).len() as f32
        * line_height_mm(style.size_pt)
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
