//! The export pipeline, from a draft folder to PDF bytes: photos are read and prepared for
//! print in parallel while the font is parsed; every character is checked against the font;
//! then compose and write. This is the only PDF code that touches the file system.

use std::collections::HashMap;
use std::fs;
use std::sync::Arc;
use std::thread;

use thiserror::Error;

use super::compose::{ComposeOptions, Context, ImageTarget, compose, image_targets};
use super::glyphs::missing_glyphs;
use super::layout::{Document, EncodedImage};
use super::measure::Measure;
use super::write::{PdfFont, WriteError, WriteOptions, write_pdf};
use crate::draft::{Draft, DraftFolder};
use crate::fonts::CJK_FONT;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::validate::Finding;
use crate::photo::print::prepare;

impl Measure for PdfFont {
    fn advance_em(&self, c: char) -> f32 {
        // A character without a glyph is refused before composing; 1 em keeps layout sane.
        PdfFont::advance_em(self, c).unwrap_or(1.0)
    }
}

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("有{}处文字字体中没有，导出已停止：{}", .0.len(), .0.iter().map(|f| f.message.as_str()).collect::<Vec<_>>().join(" "))]
    MissingGlyphs(Vec<Finding>),
    #[error("图片 {file} 无法使用：{reason}")]
    Photo { file: String, reason: String },
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// The font, parsed once per process (tens of ms for 14 MB).
pub fn font() -> Result<&'static PdfFont, WriteError> {
    static FONT: std::sync::OnceLock<Result<PdfFont, String>> = std::sync::OnceLock::new();
    FONT.get_or_init(|| PdfFont::parse(CJK_FONT).map_err(|error| error.to_string()))
        .as_ref()
        .map_err(|message| WriteError::Font(message.clone()))
}

/// Reads and prepares the photos in parallel. Workers take the next photo from a shared queue,
/// largest files first, so two cores share four camera photos evenly instead of one core
/// getting all of them because they sit together in the list.
pub fn prepare_images(
    folder: &DraftFolder,
    targets: &[ImageTarget],
) -> Result<HashMap<String, Arc<EncodedImage>>, ExportError> {
    let workers = thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4)
        .min(targets.len().max(1));
    let mut order: Vec<&ImageTarget> = targets.iter().collect();
    let size = |target: &ImageTarget| {
        fs::metadata(folder.dir.join(&target.file)).map_or(0, |metadata| metadata.len())
    };
    order.sort_by_cached_key(|target| std::cmp::Reverse(size(target)));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Result<Vec<(String, EncodedImage)>, ExportError>> = thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(target) = order.get(index) else {
                            return Ok(done);
                        };
                        done.push(prepare_one(folder, target)?);
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle.join().unwrap_or_else(|_| {
                    Err(ExportError::Photo {
                        file: String::new(),
                        reason: "处理图片时程序出错".into(),
                    })
                })
            })
            .collect()
    });
    let mut images = HashMap::new();
    for result in results {
        for (file, image) in result? {
            images.insert(file, Arc::new(image));
        }
    }
    Ok(images)
}

fn prepare_one(
    folder: &DraftFolder,
    target: &ImageTarget,
) -> Result<(String, EncodedImage), ExportError> {
    let fail = |reason: String| ExportError::Photo {
        file: target.file.clone(),
        reason,
    };
    let bytes = fs::read(folder.dir.join(&target.file)).map_err(|error| {
        fail(format!(
            "无法读取（{error}），文件可能已被移走或删除：请在填表助手中重新选择这张图片"
        ))
    })?;
    let image = prepare(
        &bytes,
        target.orientation,
        target.crop,
        (target.width_px, target.height_px),
    )
    .map_err(|error| fail(error.to_string()))?;
    Ok((target.file.clone(), image))
}

/// Composes the draft's pages (photos prepared, font parsed concurrently).
pub fn compose_draft(
    folder: &DraftFolder,
    draft: &Draft,
    definition: &FormDefinition,
    campaign: &Campaign,
    options: ComposeOptions,
) -> Result<(Document, &'static PdfFont), ExportError> {
    let targets = image_targets(definition, campaign, &draft.answers);
    let (font, images) = thread::scope(|scope| {
        let font = scope.spawn(font);
        let images = prepare_images(folder, &targets);
        (
            font.join()
                .unwrap_or_else(|_| Err(WriteError::Font("解析字体时程序出错".into()))),
            images,
        )
    });
    let font = font?;
    let images = images?;
    let missing = missing_glyphs(definition, &draft.answers, &|c| font.has_glyph(c));
    if !missing.is_empty() {
        return Err(ExportError::MissingGlyphs(missing));
    }
    let context = Context {
        definition,
        campaign,
        answers: &draft.answers,
        images: &images,
        measure: font,
        options,
    };
    Ok((compose(&context), font))
}

/// The draft as a print-ready PDF.
pub fn export_pdf(
    folder: &DraftFolder,
    draft: &Draft,
    definition: &FormDefinition,
    campaign: &Campaign,
    options: ComposeOptions,
) -> Result<Vec<u8>, ExportError> {
    let (document, font) = compose_draft(folder, draft, definition, campaign, options)?;
    Ok(write_pdf(&document, font, &WriteOptions::default())?)
}

/// The summary table of several drafts of one campaign, as a PDF.
pub fn export_summary(
    drafts: &[&Draft],
    definition: &FormDefinition,
    campaign: &Campaign,
    options: ComposeOptions,
) -> Result<Vec<u8>, ExportError> {
    let font = font()?;
    let missing: Vec<Finding> = drafts
        .iter()
        .flat_map(|draft| missing_glyphs(definition, &draft.answers, &|c| font.has_glyph(c)))
        .collect();
    if !missing.is_empty() {
        return Err(ExportError::MissingGlyphs(missing));
    }
    let answers: Vec<&crate::form::answers::Answers> =
        drafts.iter().map(|draft| &draft.answers).collect();
    let document = super::compose::compose_summary(definition, campaign, &answers, font, options);
    Ok(write_pdf(&document, font, &WriteOptions::default())?)
}
