//! The evidence images of one candidate as one PDF named after them (e.g. 张三-佐证材料.pdf),
//! where the campaign's evidence material asks for it (`one_pdf` with a `file_name`). It is
//! the evidence booklet of the print model — a cover, then the images with their captions —
//! so the package and the single export lay evidence out the same way.

use super::roster::Candidate;
use crate::form::campaign::{Campaign, Material};
use crate::form::definition::FormDefinition;
use crate::pdf::compose::ComposeOptions;
use crate::pdf::export::export_evidence_booklet;

/// The material id, and the draft field holding the evidence images.
pub const EVIDENCE: &str = "evidence";

/// The evidence material, where the campaign asks for it as one PDF with a file name.
pub fn one_pdf_material(campaign: &Campaign) -> Option<&Material> {
    (campaign.materials.iter()).find(|m| m.id == EVIDENCE && m.one_pdf && m.file_name.is_some())
}

/// The file name and the PDF of a candidate's evidence; None where the campaign does not ask
/// for one PDF or the candidate has no evidence image. What goes wrong is added to `problems`.
pub fn for_candidate(
    candidate: &Candidate,
    (definition, campaign): (&FormDefinition, &Campaign),
    options: ComposeOptions,
    stem: &str,
    problems: &mut Vec<String>,
) -> Option<(String, Vec<u8>)> {
    let material = one_pdf_material(campaign)?;
    let file = material.file_name_for(stem)?;
    let (folder, draft) = (&candidate.folder, &candidate.draft);
    match export_evidence_booklet(folder, draft, definition, campaign, options) {
        Ok(pdf) => pdf.map(|pdf| (file, pdf)),
        Err(reason) => {
            problems.push(format!(
                "{}：佐证材料未能合成PDF（{reason}），请在草稿中检查佐证材料后重新生成。",
                candidate.name
            ));
            None
        }
    }
}
