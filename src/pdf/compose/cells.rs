//! The content of one table cell: the print model's value broken into lines as a `Body`,
//! measured, and drawn into an area. Growing bodies (paragraphs, opinions) can be drawn in
//! pieces, so a row can continue on the next page.

use std::sync::Arc;

use super::super::layout::{Circle, Color, ImageBox, Item, Line, Rect};
use super::super::measure::{BrokenLine, Measure, break_text};
use super::Composer;
use super::text::{self, Area, TextStyle, line_height_mm, size_mm};
use crate::form::printed::{
    CellValue, DATE_BLANK, DATE_RIGHT_CHARS, Fit, PADDING_MM, SEAL_BLOCK_MM, SEAL_DIAMETER_MM,
    SEAL_MARGIN_MM, SIGNATURE_CHARS, STAMP,
};
use crate::photo::EncodedImage;

const BORDER_PT: f32 = 0.6;
const SEAL_GUIDE: Color = Color::gray(0.6);

#[derive(Debug, Clone)]
pub enum Body {
    Label {
        text: String,
        vertical: bool,
    },
    /// A short value, set as its fit (decided alone or with its column) says.
    Value {
        text: String,
        fit: Fit,
    },
    /// Paragraphs that grow with the text and may continue on the next page.
    Paragraphs(Vec<BrokenLine>),
    Checkboxes(Vec<(String, bool)>),
    Photo {
        image: Option<Arc<EncodedImage>>,
        /// The printed size in mm.
        size: (f32, f32),
    },
    /// The declaration: its text, then the signature's label and blank, and the date blank.
    Statement {
        lines: Vec<BrokenLine>,
        signature: String,
    },
    /// A unit's opinion: its text, then the seal place and the date blank.
    Opinion(Vec<BrokenLine>),
}

impl Body {
    pub fn resolve(value: &CellValue, width: f32, composer: &Composer) -> Body {
        let style = composer.body_style();
        let inner = width - 2.0 * PADDING_MM;
        let paragraphs = |text: &str| break_text(text, inner, 2.0, style.size_pt, composer.measure);
        match value {
            CellValue::Label { text, vertical } => Body::Label {
                text: text.clone(),
                vertical: *vertical,
            },
            CellValue::Value(value) => Body::Value {
                text: value.clone(),
                fit: text::fit_value(
                    value,
                    inner,
                    style,
                    composer.min_size_pt(),
                    composer.measure,
                ),
            },
            CellValue::Paragraphs { heading, text } => {
                // The form's heading runs unindented above the answer's paragraphs.
                let heading = heading.as_deref().unwrap_or_default();
                let mut lines = break_text(heading, inner, 0.0, style.size_pt, composer.measure);
                for line in &mut lines {
                    line.starts_paragraph = false;
                }
                lines.extend(paragraphs(text));
                Body::Paragraphs(lines)
            }
            CellValue::Checkboxes(options) => Body::Checkboxes(options.clone()),
            CellValue::Photo {
                file,
                width_mm,
                height_mm,
            } => Body::Photo {
                image: file
                    .as_ref()
                    .and_then(|file| composer.images.get(file).cloned()),
                size: (*width_mm, *height_mm),
            },
            CellValue::Statement { text, signature } => Body::Statement {
                lines: paragraphs(text),
                signature: format!("{signature}："),
            },
            CellValue::Opinion { text } => Body::Opinion(paragraphs(text)),
        }
    }

    /// Lines that may be split across pages.
    pub fn lines(&self) -> &[BrokenLine] {
        match self {
            Body::Paragraphs(lines) | Body::Statement { lines, .. } | Body::Opinion(lines) => lines,
            _ => &[],
        }
    }

    /// Height after the lines that stays with the last piece (signature or seal).
    pub fn tail(&self, style: TextStyle) -> f32 {
        match self {
            Body::Statement { .. } => 3.0 * line_height_mm(style.size_pt),
            Body::Opinion(_) => SEAL_BLOCK_MM,
            _ => 0.0,
        }
    }

    /// Height the whole body needs in a cell `width` wide, padding included.
    pub fn height(&self, width: f32, context: &Composer) -> f32 {
        let style = context.body_style();
        let inner = width - 2.0 * PADDING_MM;
        let pitch = line_height_mm(style.size_pt);
        let content = match self {
            Body::Label { text, vertical } => {
                text::label_height(text, *vertical, inner, style, context.measure)
            }
            Body::Value { text: value, fit } => {
                text::fitted_height(value, inner, style, *fit, context.measure)
            }
            Body::Checkboxes(options) => {
                checkbox_rows(options, inner, style, context.measure).len() as f32 * pitch
            }
            Body::Photo { size, .. } => size.1,
            Body::Paragraphs(lines) | Body::Statement { lines, .. } | Body::Opinion(lines) => {
                lines.len() as f32 * pitch + self.tail(style)
            }
        };
        content + 2.0 * PADDING_MM
    }

    /// Draws the body, or for growing bodies the lines `from..to` (and the tail when `to` is the
    /// end), in `area` (the cell's border box).
    pub fn draw(
        &self,
        area: Area,
        from: usize,
        to: usize,
        context: &Composer,
        items: &mut Vec<Item>,
    ) {
        let style = context.body_style();
        let inner = area.inset(PADDING_MM);
        let measure = context.measure;
        match self {
            Body::Label { text, vertical } => {
                items.extend(text::label(text, *vertical, inner, style, measure))
            }
            Body::Value { text: value, fit } => {
                items.extend(text::fitted_value(value, inner, style, *fit, measure))
            }
            Body::Checkboxes(options) => draw_checkboxes(options, inner, style, measure, items),
            Body::Photo { image, size } => draw_photo(image.as_ref(), *size, area, context, items),
            Body::Paragraphs(lines) | Body::Statement { lines, .. } | Body::Opinion(lines) => {
                let piece = lines.get(from..to.min(lines.len())).unwrap_or(&[]);
                items.extend(text::paragraph_lines(
                    piece,
                    inner.x,
                    inner.y,
                    inner.width,
                    2.0,
                    style,
                ));
                if to >= lines.len() {
                    let below = inner.y + piece.len() as f32 * line_height_mm(style.size_pt);
                    match self {
                        Body::Statement { signature, .. } => {
                            draw_signature(signature, inner, below, style, measure, items)
                        }
                        Body::Opinion(_) => draw_seal_place(inner, below, context, items),
                        _ => {}
                    }
                }
            }
        }
    }
}

/// The border of a cell.
pub fn border(area: Area) -> Item {
    Item::Rect(Rect {
        x_mm: area.x,
        y_mm: area.y,
        width_mm: area.width,
        height_mm: area.height,
        stroke_pt: Some(BORDER_PT),
        fill: None,
        color: Color::BLACK,
    })
}

const BOX_MM: f32 = 3.2;
const BOX_GAP_MM: f32 = 1.2;
const ITEM_GAP_MM: f32 = 6.0;

/// Options laid out in rows that fit the width: (option index, x offset) per row.
fn checkbox_rows(
    options: &[(String, bool)],
    width: f32,
    style: TextStyle,
    measure: &dyn Measure,
) -> Vec<Vec<(usize, f32)>> {
    let mut rows: Vec<Vec<(usize, f32)>> = vec![Vec::new()];
    let mut x = 0.0;
    for (index, (label, _)) in options.iter().enumerate() {
        let item = BOX_MM + BOX_GAP_MM + measure.width_mm(label, style.size_pt);
        if x > 0.0 && x + item > width {
            rows.push(Vec::new());
            x = 0.0;
        }
        if let Some(row) = rows.last_mut() {
            row.push((index, x));
        }
        x += item + ITEM_GAP_MM;
    }
    rows
}

fn draw_checkboxes(
    options: &[(String, bool)],
    inner: Area,
    style: TextStyle,
    measure: &dyn Measure,
    items: &mut Vec<Item>,
) {
    let rows = checkbox_rows(options, inner.width, style, measure);
    let pitch = line_height_mm(style.size_pt);
    let top = inner.y + (inner.height - pitch * rows.len() as f32) / 2.0;
    for (r, row) in rows.iter().enumerate() {
        let centre = top + pitch * (r as f32 + 0.5);
        for (index, x) in row {
            let Some((label, checked)) = options.get(*index) else {
                continue;
            };
            let (bx, by) = (inner.x + x, centre - BOX_MM / 2.0);
            items.push(Item::Rect(Rect {
                x_mm: bx,
                y_mm: by,
                width_mm: BOX_MM,
                height_mm: BOX_MM,
                stroke_pt: Some(0.5),
                fill: None,
                color: Color::BLACK,
            }));
            if *checked {
                // A tick drawn as two strokes: it prints the same in every viewer.
                let tick = |from: (f32, f32), to: (f32, f32)| {
                    Item::Line(Line {
                        from_mm: from,
                        to_mm: to,
                        width_pt: 1.0,
                        dash_mm: None,
                        color: Color::BLACK,
                    })
                };
                items.push(tick((bx + 0.6, by + 1.7), (bx + 1.35, by + 2.6)));
                items.push(tick((bx + 1.35, by + 2.6), (bx + 2.7, by + 0.6)));
            }
            items.push(text::run(
                label,
                bx + BOX_MM + BOX_GAP_MM,
                centre,
                style,
                0.0,
            ));
        }
    }
}

fn draw_photo(
    image: Option<&Arc<EncodedImage>>,
    (width, height): (f32, f32),
    area: Area,
    context: &Composer,
    items: &mut Vec<Item>,
) {
    let x = area.x + (area.width - width) / 2.0;
    let y = area.y + (area.height - height) / 2.0;
    match image {
        Some(image) => items.push(Item::Image(ImageBox {
            x_mm: x,
            y_mm: y,
            width_mm: width,
            height_mm: height,
            image: image.clone(),
        })),
        None => {
            let style = context.body_style();
            let frame = Area {
                x,
                y,
                width,
                height,
            };
            items.extend(text::label("照片", true, frame, style, context.measure));
        }
    }
}

/// 候选人签名 and a date, right-aligned, for handwriting.
fn draw_signature(
    label: &str,
    inner: Area,
    below: f32,
    style: TextStyle,
    measure: &dyn Measure,
    items: &mut Vec<Item>,
) {
    let pitch = line_height_mm(style.size_pt);
    let blank = SIGNATURE_CHARS as f32 * size_mm(style.size_pt);
    let label_width = measure.width_mm(label, style.size_pt);
    let x = inner.right() - blank - label_width - 2.0 * size_mm(style.size_pt);
    let centre = below + pitch * 1.5;
    items.push(text::run(label, x, centre, style, 0.0));
    let underline_y = centre + size_mm(style.size_pt) * 0.6;
    items.push(Item::Line(Line {
        from_mm: (x + label_width, underline_y),
        to_mm: (x + label_width + blank, underline_y),
        width_pt: 0.5,
        dash_mm: None,
        color: Color::BLACK,
    }));
    draw_date_blank(inner, centre + pitch, style, measure, items);
}

/// 年　月　日 right-aligned with four characters of space (GB/T 9704: 右空四字).
fn draw_date_blank(
    inner: Area,
    centre: f32,
    style: TextStyle,
    measure: &dyn Measure,
    items: &mut Vec<Item>,
) -> (f32, f32) {
    let width = measure.width_mm(DATE_BLANK, style.size_pt);
    let x = inner.right() - DATE_RIGHT_CHARS * size_mm(style.size_pt) - width;
    items.push(text::run(DATE_BLANK, x, centre, style, 0.0));
    (x, width)
}

/// The seal place under a unit's opinion, as GB/T 9704 places a seal: （盖章） over the date,
/// the date right-aligned with four characters of space, the seal centred on the date and
/// pressing down on it, so the stamp and the date sit in the seal's lower half.
fn draw_seal_place(inner: Area, below: f32, context: &Composer, items: &mut Vec<Item>) {
    let style = context.body_style();
    let pitch = line_height_mm(style.size_pt);
    let radius = SEAL_DIAMETER_MM / 2.0;
    // The seal's top within a line of the text; （盖章） a little below its centre, the date below.
    let centre_y = below + SEAL_MARGIN_MM + radius;
    let stamp_y = centre_y + 0.25 * radius;
    let date_y = stamp_y + 1.3 * pitch;
    let (date_x, date_width) = draw_date_blank(inner, date_y, style, context.measure, items);
    let centre_x = date_x + date_width / 2.0;
    let stamp_width = context.measure.width_mm(STAMP, style.size_pt);
    items.push(text::run(
        STAMP,
        centre_x - stamp_width / 2.0,
        stamp_y,
        style,
        0.0,
    ));
    // Without guides (the final original) the space stays, only the circle goes.
    if context.options.seal_guides {
        items.push(Item::Circle(Circle {
            center_mm: (centre_x, centre_y),
            radius_mm: radius,
            width_pt: 0.5,
            dash_mm: Some((1.5, 1.5)),
            color: SEAL_GUIDE,
        }));
    }
}
