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
    ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point,
    Pt, Rect as PdfRect, Rgb, TextItem, TextMatrix, TextRenderingMode, XObject, XObjectId,
    XObjectTransform,
};

use crate::pdf::layout::{Circle, Color, Document, EncodedImage, ImageBox, Item, Line, Rect};
use crate::pdf::layout::{Page, TextRun};

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

/// The CJK font, parsed once and reused for every export (parsing 14 MB costs tens of ms).
/// printpdf keeps its own copy of the bytes; each export embeds only the glyphs it uses.
pub struct PdfFont {
    parsed: ParsedFont,
    units_per_em: f32,
}

impl std::fmt::Debug for PdfFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // ParsedFont's own Debug would print the whole font.
        let glyphs = self.parsed.num_glyphs;
        f.debug_struct("PdfFont").field("glyphs", &glyphs).finish()
    }
}

impl PdfFont {
    pub fn parse(bytes: &[u8]) -> Result<PdfFont, WriteError> {
        if bytes.is_empty() {
            let message = "字体文件是空的，程序可能安装不完整".to_owned();
            return Err(WriteError::Font(message));
        }
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or_else(|| {
            let detail: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
            WriteError::Font(format!("无法读取字体文件（{}）", detail.join("；")))
        })?;
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        let font = PdfFont {
            parsed,
            units_per_em,
        };
        if !font.has_glyph('中') {
            return Err(WriteError::Font("这不是中文字体（没有“中”字）".to_owned()));
        }
        Ok(font)
    }

    /// Whether the font draws `c`; a missing character would print as a blank.
    pub fn has_glyph(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// Advance width of `c` in em, or `None` when the font lacks it.
    pub fn advance_em(&self, c: char) -> Option<f32> {
        let advance = self.parsed.get_horizontal_advance(self.glyph(c)?);
        Some(f32::from(advance) / self.units_per_em)
    }

    /// Height above the baseline in em (hhea ascender), positive.
    pub fn ascent_em(&self) -> f32 {
        self.parsed.font_metrics.ascent / self.units_per_em
    }

    /// Depth below the baseline in em (hhea descender), returned as a POSITIVE number.
    pub fn descent_em(&self) -> f32 {
        self.parsed.font_metrics.descent.abs() / self.units_per_em
    }

    fn glyph(&self, c: char) -> Option<u16> {
        let glyph = self.parsed.lookup_glyph_index(u32::from(c));
        glyph.filter(|&glyph| glyph != 0)
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
    check_coverage(document, font)?;
    let mut pdf = PdfDocument::new(&document.title);
    set_metadata(&mut pdf, options)?;
    // Cheap: the font bytes sit behind an Arc. `save` subsets it to the glyphs that the
    // ShowText ops use (only with printpdf's `text_layout` feature).
    let font_id = pdf.add_font(&font.parsed);
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

    // The defaults subset fonts; `image_optimization` would only touch printpdf's own images.
    let save_options = PdfSaveOptions {
        image_optimization: None,
        ..Default::default()
    };
    let mut warnings = Vec::new();
    let bytes = pdf.save(&save_options, &mut warnings);
    // `save` cannot fail: printpdf reports problems (such as a font it could not subset and
    // embedded whole instead) as error-level warnings, and I/O errors as empty output.
    let errors: Vec<&str> = (warnings.iter())
        .filter(|w| w.severity == PdfParseErrorSeverity::Error)
        .map(|w| w.msg.as_str())
        .collect();
    if !errors.is_empty() {
        return Err(WriteError::Save(errors.join("；")));
    }
    if !bytes.starts_with(b"%PDF") {
        return Err(WriteError::Save("输出为空".to_owned()));
    }
    Ok(bytes)
}

/// A character the font lacks would print as an invisible blank: refuse instead.
fn check_coverage(document: &Document, font: &PdfFont) -> Result<(), WriteError> {
    let runs = document.pages.iter().flat_map(|page| page.texts());
    let chars = runs.flat_map(|run| run.text.chars());
    let missing: BTreeSet<char> = chars.filter(|&c| !font.has_glyph(c)).collect();
    if missing.is_empty() {
        return Ok(());
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The real font, or `None` (with a note) while fonts/ still holds the empty placeholder.
    fn font() -> Option<PdfFont> {
        if crate::fonts::CJK_FONT.is_empty() {
            eprintln!("skipped: fonts/NotoSerifCJKsc-Regular.ttf is still the empty placeholder");
            return None;
        }
        PdfFont::parse(crate::fonts::CJK_FONT).ok()
    }

    fn jpeg(width: u32, height: u32, gray: bool) -> Arc<EncodedImage> {
        let pixel = |x: u32, y: u32| ::image::Rgb([(x % 256) as u8, (y % 256) as u8, 128]);
        let image =
            ::image::DynamicImage::ImageRgb8(::image::RgbImage::from_fn(width, height, pixel));
        let image = if gray { image.grayscale() } else { image };
        let mut jpeg = Vec::new();
        let encoder = ::image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85);
        assert!(image.write_with_encoder(encoder).is_ok());
        let (width_px, height_px, components) = (width, height, if gray { 1 } else { 3 });
        Arc::new(EncodedImage {
            jpeg,
            width_px,
            height_px,
            components,
        })
    }

    fn text(x_mm: f32, baseline_mm: f32, size_pt: f32, text: &str, bold: bool) -> Item {
        let (text, letter_spacing_pt, color) = (text.to_owned(), 0.0, Color::BLACK);
        Item::Text(TextRun {
            x_mm,
            baseline_mm,
            size_pt,
            text,
            letter_spacing_pt,
            bold,
            color,
        })
    }

    fn line(y_mm: f32, dash_mm: Option<(f32, f32)>) -> Item {
        let (from_mm, to_mm, width_pt, color) = ((25.0, y_mm), (185.0, y_mm), 0.75, Color::BLACK);
        Item::Line(Line {
            from_mm,
            to_mm,
            width_pt,
            dash_mm,
            color,
        })
    }

    fn rect((x_mm, y_mm, width_mm, height_mm): (f32, f32, f32, f32), fill: Option<Color>) -> Item {
        let (stroke_pt, color) = (fill.is_none().then_some(0.75), Color::BLACK);
        Item::Rect(Rect {
            x_mm,
            y_mm,
            width_mm,
            height_mm,
            stroke_pt,
            fill,
            color,
        })
    }

    fn picture(
        (x_mm, y_mm, width_mm, height_mm): (f32, f32, f32, f32),
        image: &Arc<EncodedImage>,
    ) -> Item {
        let image = image.clone();
        Item::Image(ImageBox {
            x_mm,
            y_mm,
            width_mm,
            height_mm,
            image,
        })
    }

    /// Two pages (A4 portrait, A4 landscape) with every kind of item; `photo` appears on both.
    fn sample(photo: &Arc<EncodedImage>, gray: &Arc<EncodedImage>) -> Document {
        let mut title = text(30.0, 30.0, 22.0, "最美科技工作者推荐表", true);
        if let Item::Text(run) = &mut title {
            run.letter_spacing_pt = 4.0;
            run.color = Color {
                r: 0.6,
                g: 0.0,
                b: 0.0,
            };
        }
        let (center_mm, radius_mm, width_pt) = ((150.0, 230.0), 20.0, 0.75);
        let (dash_mm, color) = (Some((1.5, 1.0)), Color::gray(0.5));
        let seal = Item::Circle(Circle {
            center_mm,
            radius_mm,
            width_pt,
            dash_mm,
            color,
        });
        let mut first = Page::a4();
        first.items = vec![
            title,
            text(
                25.0,
                50.0,
                12.0,
                "姓名：张三　性别：男　手机：13800138000",
                false,
            ),
            line(55.0, None),
            line(60.0, Some((2.0, 1.0))),
            rect((25.0, 70.0, 100.0, 40.0), None),
            rect((30.0, 75.0, 20.0, 10.0), Some(Color::gray(0.85))),
            seal,
            picture((150.0, 65.0, 35.0, 45.0), photo),
        ];
        let mut second = Page::a4_landscape();
        second.items = vec![
            text(20.0, 20.0, 14.0, "佐证材料", true),
            picture((20.0, 30.0, 70.0, 90.0), photo),
            picture((100.0, 30.0, 70.0, 90.0), gray),
        ];
        Document {
            title: "推荐表 张三".to_owned(),
            pages: vec![first, second],
            anchors: Vec::new(),
        }
    }

    fn count(haystack: &[u8], needle: &[u8]) -> usize {
        haystack
            .windows(needle.len())
            .filter(|w| *w == needle)
            .count()
    }

    #[test]
    fn writes_pages_text_and_each_jpeg_once_unchanged() {
        let Some(font) = font() else { return };
        let (photo, gray) = (jpeg(413, 531, false), jpeg(200, 100, true));
        let options = WriteOptions {
            creation_date: Some((2024, 3, 15)),
            ..Default::default()
        };
        let bytes = write_pdf(&sample(&photo, &gray), &font, &options).expect("writes");
        assert!(bytes.starts_with(b"%PDF"));
        // One XObject per distinct image, its bytes verbatim, and the file not much bigger.
        assert_eq!(count(&bytes, b"/DCTDecode"), 2);
        assert_eq!(count(&bytes, &photo.jpeg), 1);
        assert_eq!(count(&bytes, &gray.jpeg), 1);
        let images_len = photo.jpeg.len() + gray.jpeg.len();
        assert!(bytes.len() < images_len + 100_000, "{} bytes", bytes.len());
        assert_eq!(count(&bytes, b"/CreationDate(D:20240315"), 1);
        assert_eq!(
            count(&bytes, b"/FontFile2"),
            1,
            "one embedded TrueType program"
        );

        let options = printpdf::PdfParseOptions::default();
        let parsed = PdfDocument::parse(&bytes, &options, &mut Vec::new()).expect("parses");
        let sizes: Vec<(f32, f32)> = (parsed.pages.iter())
            .map(|page| {
                (
                    page.media_box.width.0.round(),
                    page.media_box.height.0.round(),
                )
            })
            .collect();
        assert_eq!(sizes, [(595.0, 842.0), (842.0, 595.0)]);
        assert_eq!(parsed.metadata.info.document_title, "推荐表 张三");
        let first_page = parsed.pages[0].extract_text(&parsed.resources).concat();
        assert!(first_page.contains("最美科技工作者推荐表"), "{first_page}");
    }

    #[test]
    fn font_metrics_and_coverage() {
        let Some(font) = font() else { return };
        assert!(font.has_glyph('堃') && font.has_glyph('A') && !font.has_glyph('\u{E000}'));
        assert_eq!(font.advance_em('中'), Some(1.0));
        assert!(font.advance_em('A').is_some_and(|a| a > 0.2 && a < 0.9));
        assert_eq!(font.advance_em('\u{E000}'), None);
        assert!(font.ascent_em() > 0.7 && font.descent_em() > 0.1);
        let mut document = sample(&jpeg(8, 8, false), &jpeg(8, 8, true));
        document.pages[1]
            .items
            .push(text(10.0, 10.0, 10.0, "私用\u{E000}", false));
        let error = write_pdf(&document, &font, &WriteOptions::default()).unwrap_err();
        assert!(
            matches!(&error, WriteError::Font(m) if m.contains("U+E000")),
            "{error}"
        );
    }

    #[test]
    fn rejects_bad_input_with_chinese_messages() {
        assert!(matches!(PdfFont::parse(&[]), Err(WriteError::Font(_))));
        assert!(matches!(
            PdfFont::parse(b"not a font"),
            Err(WriteError::Font(_))
        ));
        let Some(font) = font() else { return };
        let options = WriteOptions::default();
        let empty = Document::default();
        assert!(matches!(
            write_pdf(&empty, &font, &options),
            Err(WriteError::Save(_))
        ));
        let mut cmyk = (*jpeg(8, 8, false)).clone();
        cmyk.components = 4;
        let document = sample(&Arc::new(cmyk), &jpeg(8, 8, true));
        let error = write_pdf(&document, &font, &options).unwrap_err();
        assert!(error.to_string().contains("颜色格式"), "{error}");
        let bad_date = WriteOptions {
            creation_date: Some((2024, 13, 1)),
            ..Default::default()
        };
        let document = sample(&jpeg(8, 8, false), &jpeg(8, 8, true));
        assert!(write_pdf(&document, &font, &bad_date).is_err());
    }

    #[test]
    fn font_can_be_shared_with_a_worker_thread() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<PdfFont>();
    }
}
