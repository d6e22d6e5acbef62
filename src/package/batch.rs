//! 批量导出: every selected form in one PDF for double-sided printing. Each form starts on an
//! odd page (a blank page is added after a form with an odd number of pages), so the forms can
//! be separated after printing and none shares a sheet with the next.

use super::PackageError;
use super::parallel::map_in_order;
use super::roster::Candidate;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::pdf::compose::ComposeOptions;
use crate::pdf::export::compose_draft;
use crate::pdf::font::PdfFont;
use crate::pdf::layout::{Document, Page};
use crate::pdf::write::{WriteError, WriteOptions, write_pdf};

/// The forms and where each starts (1-based page numbers in the combined PDF).
pub struct Batch {
    pub pdf: Vec<u8>,
    pub starts: Vec<(String, usize)>,
    pub pages: usize,
}

pub fn export_batch(
    candidates: &[&Candidate],
    definition: &FormDefinition,
    campaign: &Campaign,
    options: ComposeOptions,
) -> Result<Batch, PackageError> {
    let export_failed = |candidate: &&Candidate, source| PackageError::Export {
        name: candidate.name.clone(),
        source,
    };
    // Composed on every core, combined in the candidates' order.
    let composed = map_in_order(
        candidates,
        |_, candidate| {
            let (folder, draft) = (&candidate.folder, &candidate.draft);
            compose_draft(folder, draft, definition, campaign, options)
                .map_err(|source| export_failed(candidate, source))
        },
        |candidate| {
            let error = WriteError::Save("生成时程序出错".to_owned());
            export_failed(candidate, error.into())
        },
    )?;
    let mut forms = Vec::new();
    let mut font = None;
    for (candidate, (document, used)) in candidates.iter().zip(composed) {
        font = Some(used);
        forms.push((candidate.name.clone(), document.pages));
    }
    let font = font.ok_or(PackageError::NoDrafts)?;
    combine(campaign, forms, font)
}

/// Forms already composed (name and pages), in one PDF, each from an odd page.
pub fn combine(
    campaign: &Campaign,
    forms: Vec<(String, Vec<Page>)>,
    font: &PdfFont,
) -> Result<Batch, PackageError> {
    let mut combined = Document {
        title: format!("{}（{}份）", campaign.form_title, forms.len()),
        pages: Vec::new(),
        anchors: Vec::new(),
    };
    let mut starts = Vec::new();
    for (name, pages) in forms {
        let start = append_on_odd_page(&mut combined.pages, pages);
        starts.push((name, start));
    }
    let pages = combined.pages.len();
    let pdf = write_pdf(&combined, font, &WriteOptions::default()).map_err(|error| {
        PackageError::Export {
            name: campaign.form_title.clone(),
            source: error.into(),
        }
    })?;
    Ok(Batch { pdf, starts, pages })
}

/// Adds a form's pages, first padding the combined pages to an even count so the form begins on
/// the front of a sheet; returns the form's first page number (1-based).
pub fn append_on_odd_page(combined: &mut Vec<Page>, form: Vec<Page>) -> usize {
    if combined.len() % 2 == 1
        && let Some(last) = combined.last()
    {
        let blank = Page {
            width_mm: last.width_mm,
            height_mm: last.height_mm,
            items: Vec::new(),
        };
        combined.push(blank);
    }
    let start = combined.len() + 1;
    combined.extend(form);
    start
}
