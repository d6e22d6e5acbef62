//! A candidate's 佐证材料 as a PDF of their own in the package: the booklet a campaign asks for
//! (衡水 2024: 统一封面，单独成册 → 姓名-佐证材料.pdf), or the one PDF of evidence named after the
//! candidate that an evidence material asks for (`one_pdf` with a `file_name`). Both are the
//! evidence booklet of the print model — a cover, then the images with their captions — so the
//! package and the single export lay evidence out the same way.

use super::roster::Candidate;
use crate::form::campaign::{Campaign, EvidencePlacement, Material};
use crate::form::definition::FormDefinition;
use crate::pdf::compose::ComposeOptions;
use crate::pdf::export::export_evidence_booklet;

/// The material id, and the draft field holding the evidence images.
pub const EVIDENCE: &str = "evidence";
/// The material id of the 佐证材料 booklet (衡水 2024).
const EVIDENCE_BOOK: &str = "evidence_book";

/// The evidence material, where the campaign asks for it as one PDF with a file name.
pub fn one_pdf_material(campaign: &Campaign) -> Option<&Material> {
    (campaign.materials.iter()).find(|m| m.id == EVIDENCE && m.one_pdf && m.file_name.is_some())
}

/// A candidate's evidence file for the package: its path, bytes, the material it fulfils and
/// what it is.
pub struct EvidenceFile {
    pub path: String,
    pub pdf: Vec<u8>,
    pub material: &'static str,
    pub what: String,
}

/// The candidate's evidence PDF, where the campaign asks for one and the candidate has
/// evidence images; what goes wrong is added to `problems`.
pub fn for_candidate(
    candidate: &Candidate,
    (definition, campaign): (&FormDefinition, &Campaign),
    options: ComposeOptions,
    stem: &str,
    problems: &mut Vec<String>,
) -> Option<EvidenceFile> {
    let asks = |id: &str| campaign.materials.iter().any(|m| m.id == id);
    let (path, material, what) = if campaign.evidence_placement() == EvidencePlacement::Booklet {
        let material = if asks(EVIDENCE_BOOK) {
            EVIDENCE_BOOK
        } else {
            "form"
        };
        let what = format!("{}的佐证材料（统一封面，单独成册）", candidate.name);
        (format!("{stem}-佐证材料.pdf"), material, what)
    } else {
        let file = one_pdf_material(campaign)?.file_name_for(stem)?;
        let what = format!("{}的佐证材料（全部图片合成一个PDF）", candidate.name);
        (file, EVIDENCE, what)
    };
    let (folder, draft) = (&candidate.folder, &candidate.draft);
    match export_evidence_booklet(folder, draft, definition, campaign, options) {
        Ok(pdf) => pdf.map(|pdf| EvidenceFile {
            path,
            pdf,
            material,
            what,
        }),
        Err(reason) => {
            problems.push(format!(
                "{}：佐证材料未能合成PDF（{reason}），请在草稿中检查佐证材料后重新生成。",
                candidate.name
            ));
            None
        }
    }
}
