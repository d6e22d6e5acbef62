//! The page model turned into PDF bytes: the only file that imports printpdf (pinned to 0.12.8,
//! whose API changes between releases). A pure function from `layout::Document` to bytes.
//!
//! Traps of printpdf 0.12.8 avoided here (see DESIGN.md): positions with `SetTextMatrix`, never
//! the relative `SetTextCursor`; a `Rect` without a paint mode draws nothing; the origin is
//! bottom-left; the creation date defaults to 1970; its image path decodes and re-encodes
//! photos, so JPEGs go in as raw `DCTDecode` streams instead.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use printpdf::{
    Color as PdfColor, CurTransMat, Date, DateTime, DictItem, ExternalStream, ExternalXObject,
    FontId, Line as PdfLine, LineDashPattern, LineJoinStyle, LinePoint, Mm, Op, PaintMode,
    PdfDocument, PdfFontHandle, PdfPage, Point, Pt, Rect as PdfRect, Rgb, TextItem, TextMatrix,
    TextRenderingMode, XObject, XObjectId, XObjectTransform,
};

use crate::pdf::font::{FontError, PdfFont};
use crate::pdf::layout::{Circle, Color, Document, ImageBox, Item, Line, Rect};
use crate::pdf::layout::{Page, TextRun};
use crate::photo::EncodedImage;

const PT_PER_MM: f32 = 72.0 / 25.4;
/// Stroke width of synthesized bold per point of font size (close to Word's fake bold).
const BOLD_STROKE_PER_PT: f32 = 0.035;
/// Control-point distance of a quarter circle drawn as one cubic Bézier, per unit radius.
const KAPPA: f32 = 0.552_284_8;

pub struct WriteOptions {
    /// Year, month, day of the document's creation date; `None` means now.
    pub creation_date: Option<(i32, u8, u8)>,
    pub producer: String,
}

impl Default for WriteOptions {
    fn default() -> Self {
        let producer = "填表助手 tianbiao".to_owned();
        WriteOptions {
            creation_date: None,
            producer,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("字体无法使用：{0}")]
    Font(String),
    #[error("无法生成 PDF：{0}")]
    Save(String),
}

impl From<FontError> for WriteError {
    fn from(error: FontError) -> Self {
        WriteError::Font(error.0)
    }
}

/// Writes the document as PDF bytes: the font subset with a ToUnicode map, JPEGs unchanged.
pub fn write_pdf(
    document: &Document,
    font: &PdfFont,
    options: &WriteOptions,
) -> Result<Vec<u8>, WriteError> {
    if document.pages.is_empty() {
        return Err(WriteError::Save("没有可打印的页面".to_owned()));
    }
    let chars = used_chars(document, font)?;
    let mut pdf = PdfDocument::new(&document.title);
    set_metadata(&mut pdf, options)?;
    // A small font of just these characters; printpdf subsets it again to the glyphs the
    // ShowText ops use and embeds that (only with its `text_layout` feature).
    let font_id = pdf.add_font(&save::font_of(font, &chars)?);
    let mut images = HashMap::new();
    let mut pages = Vec::with_capacity(document.pages.len());
    for (index, page) in document.pages.iter().enumerate() {
        let size_ok = |v: f32| v.is_finite() && v > 0.0;
        if !size_ok(page.width_mm) || !size_ok(page.height_mm) {
            let message = format!("第 {} 页的纸张尺寸无效", index + 1);
            return Err(WriteError::Save(message));
        }
        let ops = page_ops(page, &font_id, &mut pdf, &mut images)?;
        pages.push(PdfPage::new(Mm(page.width_mm), Mm(page.height_mm), ops));
    }
    pdf.with_pages(pages);
    save::to_bytes(&pdf)
}

/// The characters the document prints. A character the font lacks would print as an
/// invisible blank: refuse instead.
fn used_chars(document: &Document, font: &PdfFont) -> Result<BTreeSet<char>, WriteError> {
    let runs = document.pages.iter().flat_map(|page| page.texts());
    let chars: BTreeSet<char> = runs.flat_map(|run| run.text.chars()).collect();
    let missing: Vec<char> = chars
        .iter()
        .copied()
        .filter(|&c| !font.has_glyph(c))
        .collect();
    if missing.is_empty() {
        return Ok(chars);
    }
    let listed: Vec<String> = (missing.iter().take(10))
        .map(|c| format!("“{c}”(U+{:04X})", u32::from(*c)))
        .collect();
    let message = format!(
        "字体里没有这些字符，打印出来会是空白：{}",
        listed.join("、")
    );
    Err(WriteError::Font(message))
}

fn set_metadata(pdf: &mut PdfDocument, options: &WriteOptions) -> Result<(), WriteError> {
    let mut date = DateTime::now();
    if let Some((year, month, day)) = options.creation_date {
        let valid =
            (1900..=9999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
        if !valid {
            let message = format!("创建日期无效：{year}-{month}-{day}");
            return Err(WriteError::Save(message));
        }
        // Midnight UTC, so the date reads the same in China's time zone.
        date = DateTime::epoch();
        date.date = Date { year, month, day };
    }
    // printpdf's default for all three dates is 1970-01-01.
    let info = &mut pdf.metadata.info;
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.producer = options.producer.clone();
    info.creator = options.producer.clone();
    Ok(())
}

/// One page's operations, each item wrapped in q … Q so that no colour, width, dash or text
/// state leaks into the next.
fn page_ops(
    page: &Page,
    font_id: &FontId,
    pdf: &mut PdfDocument,
    images: &mut HashMap<*const EncodedImage, XObjectId>,
) -> Result<Vec<Op>, WriteError> {
    // Layout: mm from the top-left, y down. PDF: points from the bottom-left, y up.
    let point = |(x, y): (f32, f32)| Point::new(Mm(x), Mm(page.height_mm - y));
    let mut ops = Vec::new();
    for item in &page.items {
        let item_ops = match item {
            Item::Text(run) if run.text.is_empty() => continue,
            Item::Text(run) => text_ops(run, point((run.x_mm, run.baseline_mm)), font_id),
            Item::Line(line) => line_ops(line, point),
            Item::Rect(rect) => match rect_ops(rect, point) {
                Some(rect_ops) => rect_ops,
                None => continue,
            },
            Item::Circle(circle) => circle_ops(circle, point),
            Item::Image(image_box) => {
                let id = image_xobject(pdf, images, &image_box.image)?;
                image_ops(image_box, id, point)
            }
        };
        ops.push(Op::SaveGraphicsState);
        ops.extend(item_ops);
        ops.push(Op::RestoreGraphicsState);
    }
    Ok(ops)
}

fn text_ops(run: &TextRun, origin: Point, font_id: &FontId) -> Vec<Op> {
    let font = PdfFontHandle::External(font_id.clone());
    let size = Pt(run.size_pt);
    let mut ops = vec![
        Op::StartTextSection,
        Op::SetFont { font, size },
        fill(run.color),
    ];
    if run.bold {
        // Synthesized bold, as Word does for 宋体: fill the outlines and stroke them too.
        ops.extend(stroke(run.size_pt * BOLD_STROKE_PER_PT, None, run.color));
        let (join, mode) = (LineJoinStyle::Round, TextRenderingMode::FillStroke);
        ops.extend([
            Op::SetLineJoinStyle { join },
            Op::SetTextRenderingMode { mode },
        ]);
    }
    if run.letter_spacing_pt != 0.0 {
        // `Tc` is in unscaled text space units: points, as our text matrix does not scale.
        let multiplier = run.letter_spacing_pt;
        ops.push(Op::SetCharacterSpacing { multiplier });
    }
    // `Tm` sets an absolute position; `SetTextCursor` (`Td`) would move relative to the last.
    let matrix = TextMatrix::Translate(origin.x, origin.y);
    // Text is encoded as glyph ids of the subset font; it also feeds the ToUnicode map.
    let items = vec![TextItem::Text(run.text.clone())];
    ops.extend([
        Op::SetTextMatrix { matrix },
        Op::ShowText { items },
        Op::EndTextSection,
    ]);
    ops
}

fn line_ops(line: &Line, point: impl Fn((f32, f32)) -> Point) -> Vec<Op> {
    let points = vec![on_path(point(line.from_mm)), on_path(point(line.to_mm))];
    let mut ops = stroke(line.width_pt, line.dash_mm, line.color);
    let is_closed = false;
    ops.push(Op::DrawLine {
        line: PdfLine { points, is_closed },
    });
    ops
}

fn rect_ops(rect: &Rect, point: impl Fn((f32, f32)) -> Point) -> Option<Vec<Op>> {
    // Trap: `mode: None` paints nothing, so always name the mode.
    let mode = match (rect.stroke_pt, rect.fill) {
        (Some(_), Some(_)) => PaintMode::FillStroke,
        (Some(_), None) => PaintMode::Stroke,
        (None, Some(_)) => PaintMode::Fill,
        (None, None) => return None,
    };
    let mut ops = Vec::new();
    ops.extend(rect.fill.map(fill));
    if let Some(width_pt) = rect.stroke_pt {
        ops.extend(stroke(width_pt, None, rect.color));
    }
    let lower_left = point((rect.x_mm, rect.y_mm + rect.height_mm));
    let (width, height) = (
        Pt(rect.width_mm * PT_PER_MM),
        Pt(rect.height_mm * PT_PER_MM),
    );
    let mut rectangle = PdfRect::from_xywh(lower_left.x, lower_left.y, width, height);
    rectangle.mode = Some(mode);
    ops.push(Op::DrawRectangle { rectangle });
    Some(ops)
}

/// Four cubic Béziers, one per quarter, counter-clockwise from the rightmost point.
fn circle_ops(circle: &Circle, point: impl Fn((f32, f32)) -> Point) -> Vec<Op> {
    let ((cx, cy), r) = (circle.center_mm, circle.radius_mm);
    let at = |(dx, dy): (f32, f32)| point((cx + r * dx, cy - r * dy));
    let control = |p| LinePoint { p, bezier: true };
    let directions = [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0), (1.0, 0.0)];
    let mut points = vec![on_path(at((1.0, 0.0)))];
    for pair in directions.windows(2) {
        if let [(ax, ay), (bx, by)] = *pair {
            points.push(control(at((ax + KAPPA * bx, ay + KAPPA * by))));
            points.push(control(at((bx + KAPPA * ax, by + KAPPA * ay))));
            points.push(on_path(at((bx, by))));
        }
    }
    let mut ops = stroke(circle.width_pt, circle.dash_mm, circle.color);
    let is_closed = true;
    ops.push(Op::DrawLine {
        line: PdfLine { points, is_closed },
    });
    ops
}

/// An image XObject fills the unit square: scale it to the box and move it into place.
fn image_ops(image: &ImageBox, id: XObjectId, point: impl Fn((f32, f32)) -> Point) -> Vec<Op> {
    let lower_left = point((image.x_mm, image.y_mm + image.height_mm));
    let (width, height) = (image.width_mm * PT_PER_MM, image.height_mm * PT_PER_MM);
    let matrix = CurTransMat::Raw([width, 0.0, 0.0, height, lower_left.x.0, lower_left.y.0]);
    // The XObject has no pixel size, so printpdf adds no scale of its own; say so twice.
    let transform = XObjectTransform {
        no_auto_scale: true,
        ..Default::default()
    };
    vec![
        Op::SetTransformationMatrix { matrix },
        Op::UseXobject { id, transform },
    ]
}

/// The JPEG as an image XObject whose stream is the file itself (`/DCTDecode`), added once
/// per `Arc`. printpdf's `RawImage` path would decode it and re-encode it downscaled.
fn image_xobject(
    pdf: &mut PdfDocument,
    images: &mut HashMap<*const EncodedImage, XObjectId>,
    image: &Arc<EncodedImage>,
) -> Result<XObjectId, WriteError> {
    if let Some(id) = images.get(&Arc::as_ptr(image)) {
        return Ok(id.clone());
    }
    let color_space: &[u8] = match image.components {
        1 => b"DeviceGray",
        3 => b"DeviceRGB",
        n => {
            let message = format!("照片的颜色格式不受支持（{n} 个通道）");
            return Err(WriteError::Save(message));
        }
    };
    if !image.jpeg.starts_with(&[0xFF, 0xD8]) || image.width_px == 0 || image.height_px == 0 {
        return Err(WriteError::Save("照片数据不是有效的 JPEG".to_owned()));
    }
    let name = |s: &[u8]| DictItem::Name(s.to_vec());
    let int = |v: u32| DictItem::Int(i64::from(v));
    let entries = [
        ("Type", name(b"XObject")),
        ("Subtype", name(b"Image")),
        ("Width", int(image.width_px)),
        ("Height", int(image.height_px)),
        ("ColorSpace", name(color_space)),
        ("BitsPerComponent", int(8)),
        ("Filter", name(b"DCTDecode")),
    ];
    let dict = BTreeMap::from_iter(entries.map(|(key, value)| (key.to_owned(), value)));
    // `compress: false`: never Flate a JPEG (lopdf also leaves streams with a /Filter alone).
    let content = image.jpeg.clone();
    let stream = ExternalStream {
        dict,
        content,
        compress: false,
    };
    // No width/height, or `UseXobject` would scale the unit square to pixels at 300 dpi.
    let xobject = ExternalXObject {
        stream,
        width: None,
        height: None,
        dpi: None,
    };
    let id = XObjectId::new();
    let xobjects = &mut pdf.resources.xobjects.map;
    xobjects.insert(id.clone(), XObject::External(xobject));
    images.insert(Arc::as_ptr(image), id.clone());
    Ok(id)
}

fn stroke(width_pt: f32, dash_mm: Option<(f32, f32)>, color: Color) -> Vec<Op> {
    let col = rgb(color);
    let mut ops = vec![
        Op::SetOutlineColor { col },
        Op::SetOutlineThickness { pt: Pt(width_pt) },
    ];
    // A dash array of zeros is invalid PDF: only positive lengths make a dash.
    if let Some((dash, gap)) = dash_mm.filter(|&(dash, gap)| dash > 0.0 && gap > 0.0) {
        let dash = LineDashPattern::new(0.0, &[dash * PT_PER_MM, gap * PT_PER_MM]);
        ops.push(Op::SetLineDashPattern { dash });
    }
    ops
}

fn fill(color: Color) -> Op {
    Op::SetFillColor { col: rgb(color) }
}

fn on_path(p: Point) -> LinePoint {
    LinePoint { p, bezier: false }
}

fn rgb(color: Color) -> PdfColor {
    let channel = |v: f32| if v.is_nan() { 0.0 } else { v.clamp(0.0, 1.0) };
    let [r, g, b] = [color.r, color.g, color.b].map(channel);
    PdfColor::Rgb(Rgb::new(r, g, b, None))
}

mod save;
#[cfg(test)]
mod tests;
