//! The content of one table cell: resolved from the definition and the answers into a `Body`,
//! measured, and drawn into an area. Growing bodies (paragraphs, opinions) can be drawn in
//! pieces, so a row can continue on the next page.

use std::sync::Arc;

use super::super::layout::{Circle, Color, EncodedImage, ImageBox, Item, Line, Rect};
use super::super::measure::{BrokenLine, Measure, break_text};
use super::Context;
use super::text::{self, Area, Style, line_height_mm, size_mm};
use super::values::{period, printed};
use crate::form::answers::Row;
use crate::form::print::CellContent;

/// Space between a cell's border and its content.
pub const PADDING_MM: f32 = 1.8;
/// The seal guide: a unit's seal is at most 45 mm across; 42 mm is the common size.
pub const SEAL_DIAMETER_MM: f32 = 42.0;
/// Room above and below the seal guide inside its block.
const SEAL_MARGIN_MM: f32 = 2.0;
/// Height kept below an opinion's text for the seal and the date.
pub const SEAL_BLOCK_MM: f32 = SEAL_DIAMETER_MM + 2.0 * SEAL_MARGIN_MM;
const BORDER_PT: f32 = 0.6;
const SEAL_GUIDE: Color = Color::gray(0.6);

/// A handwritten date: room for the year, month and day (年　月　日).
const DATE_BLANK: &str = "　　　　年　　月　　日";

#[derive(Debug, Clone)]
pub enum Body {
    Label {
        text: String,
        vertical: bool,
    },
    Value(String),
    /// Paragraphs that grow with the text and may continue on the next page.
    Paragraphs(Vec<BrokenLine>),
    Checkboxes(Vec<(String, bool)>),
    Photo(Option<Arc<EncodedImage>>),
    /// The declaration: its text, then blanks for the signature and the date.
    Statement(Vec<BrokenLine>),
    /// A unit's opinion: its text, then the seal place and the date blank.
    Opinion(Vec<BrokenLine>),
}

impl Body {
    pub fn resolve(
        content: &CellContent,
        row: Option<&Row>,
        width: f32,
        context: &Context,
    ) -> Body {
        let style = context.body_style();
        let inner = width - 2.0 * PADDING_MM;
        let paragraphs = |text: &str| break_text(text, inner, 2.0, style.size_pt, context.measure);
        let answers = context.answers;
        match content {
            CellContent::Label { text, vertical } => Body::Label {
                text: text.clone(),
                vertical: *vertical,
            },
            CellContent::Value { field } => {
                let value = printed(context.definition, answers, field);
                if context.definition.is_multiline(field) {
                    Body::Paragraphs(paragraphs(&value))
                } else {
                    Body::Value(value)
                }
            }
            CellContent::Column { column } => Body::Value(
                row.and_then(|row| row.get(column))
                    .map(|v| v.trim().to_owned())
                    .unwrap_or_default(),
            ),
            CellContent::Period { from, to } => {
                Body::Value(row.map(|row| period(row, from, to)).unwrap_or_default())
            }
            CellContent::Checkboxes { field } => {
                let chosen = answers.list(field);
                let options = context
                    .definition
                    .options(field)
                    .iter()
                    .map(|o| (o.clone(), chosen.contains(o)))
                    .collect();
                Body::Checkboxes(options)
            }
            CellContent::Photo { field } => Body::Photo(
                answers
                    .photo(field)
                    .and_then(|photo| context.images.get(&photo.file).cloned()),
            ),
            CellContent::Statement { text, .. } => Body::Statement(paragraphs(text)),
            CellContent::Opinion { field, .. } => Body::Opinion(paragraphs(answers.text(field))),
        }
    }

    /// Lines that may be split across pages.
    pub fn lines(&self) -> &[BrokenLine] {
        match self {
            Body::Paragraphs(lines) | Body::Statement(lines) | Body::Opinion(lines) => lines,
            _ => &[],
        }
    }

    /// Height after the lines that stays with the last piece (signature or seal).
    pub fn tail(&self, style: Style) -> f32 {
        match self {
            Body::Statement(_) => 3.0 * line_height_mm(style.size_pt),
            Body::Opinion(_) => SEAL_BLOCK_MM,
            _ => 0.0,
        }
    }

    /// Height the whole body needs in a cell `width` wide, padding included.
    pub fn height(&self, width: f32, context: &Context) -> f32 {
        let style = context.body_style();
        let inner = width - 2.0 * PADDING_MM;
        let pitch = line_height_mm(style.size_pt);
        let content = match self {
            Body::Label { text, vertical } => {
                text::label_height(text, *vertical, inner, style, context.measure)
            }
            Body::Value(value) => {
                text::fitted_height(value, inner, style, context.min_size_pt(), context.measure)
            }
            Body::Checkboxes(options) => {
                checkbox_rows(options, inner, style, context.measure).len() as f32 * pitch
            }
            Body::Photo(_) => context.photo_size().1,
            Body::Paragraphs(lines) | Body::Statement(lines) | Body::Opinion(lines) => {
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
        context: &Context,
        items: &mut Vec<Item>,
    ) {
        let style = context.body_style();
        let inner = area.inset(PADDING_MM);
        let measure = context.measure;
        match self {
            Body::Label { text, vertical } => {
                items.extend(text::label(text, *vertical, inner, style, measure))
            }
            Body::Value(value) => items
                .extend(text::fitted_value(value, inner, style, context.min_size_pt(), measure).0),
            Body::Checkboxes(options) => draw_checkboxes(options, inner, style, measure, items),
            Body::Photo(image) => draw_photo(image.as_ref(), area, context, items),
            Body::Paragraphs(lines) | Body::Statement(lines) | Body::Opinion(lines) => {
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
                        Body::Statement(_) => draw_signature(inner, below, style, measure, items),
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
    style: Style,
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
    style: Style,
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
    area: Area,
    context: &Context,
    items: &mut Vec<Item>,
) {
    let (width, height) = context.photo_size();
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
    inner: Area,
    below: f32,
    style: Style,
    measure: &dyn Measure,
    items: &mut Vec<Item>,
) {
    let pitch = line_height_mm(style.size_pt);
    let label = "候选人签名：";
    let blank = 8.0 * size_mm(style.size_pt);
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
    style: Style,
    measure: &dyn Measure,
    items: &mut Vec<Item>,
) -> (f32, f32) {
    let width = measure.width_mm(DATE_BLANK, style.size_pt);
    let x = inner.right() - 4.0 * size_mm(style.size_pt) - width;
    items.push(text::run(DATE_BLANK, x, centre, style, 0.0));
    (x, width)
}

/// The seal place under a unit's opinion, as GB/T 9704 places a seal: （盖章） over the date,
/// the date right-aligned with four characters of space, the seal centred on the date and
/// pressing down on it, so the stamp and the date sit in the seal's lower half.
fn draw_seal_place(inner: Area, below: f32, context: &Context, items: &mut Vec<Item>) {
    let style = context.body_style();
    let pitch = line_height_mm(style.size_pt);
    let radius = SEAL_DIAMETER_MM / 2.0;
    // The seal's top within a line of the text; （盖章） a little below its centre, the date below.
    let centre_y = below + SEAL_MARGIN_MM + radius;
    let stamp_y = centre_y + 0.25 * radius;
    let date_y = stamp_y + 1.3 * pitch;
    let (date_x, date_width) = draw_date_blank(inner, date_y, style, context.measure, items);
    let centre_x = date_x + date_width / 2.0;
    let stamp = "（盖章）";
    let stamp_width = context.measure.width_mm(stamp, style.size_pt);
    items.push(text::run(
        stamp,
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
