//! The last steps of writing: the font a PDF embeds, and the document as bytes.
//!
//! printpdf's own `save` deflates every stream at zlib's best level (9): for the sample's
//! 250 KB font subset that was about a quarter of the time of writing the PDF. Here streams are
//! deflated at level 2, the largest (the font) on a thread of its own: measured on that font,
//! a third of the time of level 9 for a stream 4 % larger (level 1 was faster still, but 19 %
//! larger). Streams that already carry a filter (the photos, `DCTDecode`) are left untouched.

use std::collections::BTreeSet;
use std::io::Write;
use std::thread;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use lopdf::{Object, Stream};
use printpdf::{ParsedFont, PdfDocument, PdfParseErrorSeverity, PdfSaveOptions};

use super::WriteError;
use crate::pdf::font::PdfFont;

/// zlib level for content streams and the font (see above).
const DEFLATE_LEVEL: u32 = 2;
/// Streams shorter than this are not worth a thread of their own.
const LARGE_STREAM: usize = 32 * 1024;

/// The font of `chars` cut from the CJK font, parsed for printpdf.
pub(super) fn font_of(font: &PdfFont, chars: &BTreeSet<char>) -> Result<ParsedFont, WriteError> {
    let bytes = font.subset(chars)?;
    let mut warnings = Vec::new();
    ParsedFont::from_bytes(&bytes, 0, &mut warnings).ok_or_else(|| {
        let detail: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
        WriteError::Font(format!("无法生成字体子集（{}）", detail.join("；")))
    })
}

/// The document as PDF bytes: printpdf builds the objects (and subsets the font), the streams
/// are deflated here, lopdf writes the file.
pub(super) fn to_bytes(pdf: &PdfDocument) -> Result<Vec<u8>, WriteError> {
    // The defaults subset fonts; `image_optimization` would only touch printpdf's own images.
    let options = PdfSaveOptions {
        image_optimization: None,
        ..Default::default()
    };
    let mut warnings = Vec::new();
    let mut document = pdf.to_lopdf_document(&options, &mut warnings);
    // printpdf reports problems (such as a font it could not subset and embedded whole
    // instead) as error-level warnings.
    let errors: Vec<&str> = (warnings.iter())
        .filter(|w| w.severity == PdfParseErrorSeverity::Error)
        .map(|w| w.msg.as_str())
        .collect();
    if !errors.is_empty() {
        return Err(WriteError::Save(errors.join("；")));
    }
    let mut streams: Vec<&mut Stream> = (document.objects.values_mut())
        .filter_map(|object| match object {
            Object::Stream(stream) if stream.allows_compression => Some(stream),
            _ => None,
        })
        .filter(|stream| stream.dict.get(b"Filter").is_err())
        .collect();
    streams.sort_by_key(|stream| std::cmp::Reverse(stream.content.len()));
    deflate_all(&mut streams)?;
    let mut bytes = Vec::new();
    document
        .save_to(&mut bytes)
        .map_err(|error| WriteError::Save(error.to_string()))?;
    if !bytes.starts_with(b"%PDF") {
        return Err(WriteError::Save("输出为空".to_owned()));
    }
    Ok(bytes)
}

/// Deflates the streams, largest first; the largest on a second thread when it is large.
fn deflate_all(streams: &mut [&mut Stream]) -> Result<(), WriteError> {
    let split = match streams.first() {
        Some(largest) if largest.content.len() >= LARGE_STREAM => 1,
        _ => 0,
    };
    let (largest, rest) = streams.split_at_mut(split);
    if largest.is_empty() {
        let deflated = rest.iter_mut().try_for_each(|s| deflate(s));
        return deflated.map_err(|error| WriteError::Save(error.to_string()));
    }
    let (first, others) = thread::scope(|scope| {
        let first = scope.spawn(|| largest.iter_mut().try_for_each(|s| deflate(s)));
        let others = rest.iter_mut().try_for_each(|s| deflate(s));
        (first.join(), others)
    });
    let first = first.map_err(|_| WriteError::Save("压缩时程序出错".to_owned()))?;
    first
        .and(others)
        .map_err(|error| WriteError::Save(error.to_string()))
}

/// Deflates one stream unless that would not make it shorter (as lopdf's own `compress`).
fn deflate(stream: &mut Stream) -> std::io::Result<()> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::new(DEFLATE_LEVEL));
    encoder.write_all(&stream.content)?;
    let compressed = encoder.finish()?;
    if compressed.len() + 19 < stream.content.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
    Ok(())
}
