//! The export pipeline, from a draft folder to PDF bytes: photos are read and prepared for
//! print in parallel while the font is parsed; every character is checked against the font;
//! then compose and write. This is the only PDF code that touches the file system.

use std::thread;

use thiserror::Error;

use super::compose::{ComposeInput, ComposeOptions, compose, compose_booklet};
use super::font::PdfFont;
use super::glyphs::missing_glyphs;
use super::layout::Document;
use super::write::{WriteError, WriteOptions, write_pdf};
use crate::draft::{Draft, DraftFolder};
use crate::fonts::CJK_FONT;
use crate::form::campaign::{Campaign, EvidencePlacement, EvidenceRules};
use crate::form::definition::FormDefinition;
use crate::form::printed::image_targets;
use crate::form::validate::Finding;
use crate::photo::prepare::{PrepareError, prepare_all};

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("有{}处文字字体中没有，导出已停止：{}", .0.len(), .0.iter().map(|f| f.message.as_str()).collect::<Vec<_>>().join(" "))]
    MissingGlyphs(Vec<Finding>),
    #[error("图片 {file} 无法使用：{reason}")]
    Photo { file: String, reason: String },
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl From<PrepareError> for ExportError {
    fn from(error: PrepareError) -> Self {
        ExportError::Photo {
            file: error.file,
            reason: error.reason,
        }
    }
}

/// The font, parsed once per process (tens of ms for 14 MB).
pub fn font() -> Result<&'static PdfFont, WriteError> {
    static FONT: std::sync::OnceLock<Result<PdfFont, String>> = std::sync::OnceLock::new();
    FONT.get_or_init(|| PdfFont::parse(CJK_FONT).map_err(|error| error.0))
        .as_ref()
        .map_err(|message| WriteError::Font(message.clone()))
}

/// The draft's photos prepared and the font parsed (concurrently), its text checked against
/// the font.
fn prepare_draft(
    folder: &DraftFolder,
    draft: &Draft,
    definition: &FormDefinition,
    campaign: &Campaign,
) -> Result<(&'static PdfFont, PreparedImages), ExportError> {
    let targets = image_targets(definition, campaign, &draft.answers);
    let (font, images) = thread::scope(|scope| {
        let font = scope.spawn(font);
        let images = prepare_all(&folder.dir, &targets);
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
    Ok((font, images))
}

type PreparedImages = std::collections::HashMap<String, std::sync::Arc<crate::photo::EncodedImage>>;

/// Runs `make` on the draft's compose input, its photos prepared and the font parsed.
fn with_input<T>(
    folder: &DraftFolder,
    draft: &Draft,
    (definition, campaign): (&FormDefinition, &Campaign),
    options: ComposeOptions,
    make: impl FnOnce(&ComposeInput, &'static PdfFont) -> T,
) -> Result<T, ExportError> {
    let (font, images) = prepare_draft(folder, draft, definition, campaign)?;
    let input = ComposeInput {
        definition,
        campaign,
        answers: &draft.answers,
        images: &images,
        measure: font,
        options,
    };
    Ok(make(&input, font))
}

/// Composes the draft's pages (photos prepared, font parsed concurrently).
pub fn compose_draft(
    folder: &DraftFolder,
    draft: &Draft,
    definition: &FormDefinition,
    campaign: &Campaign,
    options: ComposeOptions,
) -> Result<(Document, &'static PdfFont), ExportError> {
    let pair = (definition, campaign);
    with_input(folder, draft, pair, options, |input, font| {
        (compose(input), font)
    })
}

/// The 推荐表 and, where the campaign asks for the 佐证材料 as a booklet of their own and the
/// draft has some, that booklet: both as PDFs, from one preparation of the photos.
pub fn export_pdfs(
    folder: &DraftFolder,
    draft: &Draft,
    definition: &FormDefinition,
    campaign: &Campaign,
    options: ComposeOptions,
) -> Result<(Vec<u8>, Option<Vec<u8>>), ExportError> {
    let pair = (definition, campaign);
    let written = with_input(folder, draft, pair, options, |input, font| {
        let write = |document: &Document| write_pdf(document, font, &WriteOptions::default());
        let form = write(&compose(input))?;
        let booklet = compose_booklet(input).map(|document| write(&document));
        Ok::<_, WriteError>((form, booklet.transpose()?))
    })?;
    Ok(written?)
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

/// The 佐证材料 alone as a booklet with its cover, whatever the campaign's placement (the
/// package's one PDF of evidence per candidate); `None` without evidence images.
pub fn export_evidence_booklet(
    folder: &DraftFolder,
    draft: &Draft,
    definition: &FormDefinition,
    campaign: &Campaign,
    options: ComposeOptions,
) -> Result<Option<Vec<u8>>, ExportError> {
    let mut as_booklet = campaign.clone();
    as_booklet.evidence = Some(EvidenceRules {
        placement: EvidencePlacement::Booklet,
        text: None,
    });
    let pair = (definition, &as_booklet);
    let written = with_input(folder, draft, pair, options, |input, font| {
        let booklet = compose_booklet(input);
        booklet.map(|document| write_pdf(&document, font, &WriteOptions::default()))
    })?;
    Ok(written.transpose()?)
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
