use super::*;
use crate::pdf::font::PdfFont;

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
    let image = ::image::DynamicImage::ImageRgb8(::image::RgbImage::from_fn(width, height, pixel));
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
