//! What one candidate brings to a package, made on a worker thread (`parallel`): their pages,
//! composed once for their own 推荐表 PDF and for their part of the 合订本, the Word copy where
//! the notice asks for one, and the evidence PDF where it asks for one. Nothing is written
//! here: the package's files are written afterwards, in the candidates' order.

use super::PackageError;
use super::evidence_pdf::{EvidenceFile, for_candidate};
use super::roster::Candidate;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::pdf::compose::ComposeOptions;
use crate::pdf::export::compose_draft;
use crate::pdf::font::PdfFont;
use crate::pdf::layout::Page;
use crate::pdf::write::{WriteOptions, write_pdf};

pub(super) struct Made {
    pub pages: Vec<Page>,
    pub font: &'static PdfFont,
    pub pdf: Vec<u8>,
    pub docx: Option<Vec<u8>>,
    pub evidence: Option<EvidenceFile>,
    /// Why the evidence PDF could not be made, for the checklist.
    pub evidence_problems: Vec<String>,
}

/// The candidate's documents; `stem` is the start of their file names in the package.
pub(super) fn make(
    candidate: &Candidate,
    (definition, campaign): (&FormDefinition, &Campaign),
    compose: ComposeOptions,
    stem: &str,
) -> Result<Made, PackageError> {
    let failed = |source| PackageError::Export {
        name: candidate.name.clone(),
        source,
    };
    let (document, font) = compose_draft(
        &candidate.folder,
        &candidate.draft,
        definition,
        campaign,
        compose,
    )
    .map_err(failed)?;
    let pdf = write_pdf(&document, font, &WriteOptions::default())
        .map_err(|error| failed(error.into()))?;
    let docx = if campaign.materials.iter().any(|m| m.id == "word_copy") {
        // Its photos come from the print cache `compose_draft` just filled.
        let docx =
            crate::docx::export_docx(&candidate.folder, &candidate.draft, definition, campaign)
                .map_err(|error| PackageError::Word {
                    name: candidate.name.clone(),
                    detail: error.to_string(),
                })?;
        Some(docx)
    } else {
        None
    };
    let mut evidence_problems = Vec::new();
    let asked = (definition, campaign);
    let evidence = for_candidate(candidate, asked, compose, stem, &mut evidence_problems);
    Ok(Made {
        pages: document.pages,
        font,
        pdf,
        docx,
        evidence,
        evidence_problems,
    })
}
