//! The secretary's jobs on drafts of one campaign: the 汇总表, the 合订本 and the package.

use std::path::Path;

use super::{Done, JobError};
use crate::files::write_file;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::package::batch::export_batch;
use crate::package::pack::PackOptions;
use crate::package::roster::Candidate;
use crate::pdf::compose::ComposeOptions;

/// The 候选人汇总表 of the candidates at `output`.
pub fn summary(
    candidates: &[&Candidate],
    definition: &FormDefinition,
    campaign: &Campaign,
    options: ComposeOptions,
    output: &Path,
) -> Result<Done, JobError> {
    let drafts: Vec<_> = candidates.iter().map(|c| &c.draft).collect();
    let bytes = crate::pdf::export::export_summary(&drafts, definition, campaign, options)?;
    write_file(output, &bytes)?;
    Ok(Done::Summary {
        path: output.to_owned(),
        candidates: drafts.len(),
        name: campaign.summary_label().to_owned(),
    })
}

/// Every form in one PDF at `output`, each from an odd page.
pub fn batch(
    candidates: &[&Candidate],
    definition: &FormDefinition,
    campaign: &Campaign,
    options: ComposeOptions,
    output: &Path,
) -> Result<Done, JobError> {
    let batch = export_batch(candidates, definition, campaign, options)?;
    write_file(output, &batch.pdf)?;
    Ok(Done::Batch {
        path: output.to_owned(),
        pages: batch.pages,
        starts: batch.starts,
    })
}

/// The submission package in `out_dir`: a new folder and the same as a zip.
pub fn pack(
    candidates: &[&Candidate],
    definition: &FormDefinition,
    campaign: &Campaign,
    out_dir: &Path,
    options: &PackOptions,
) -> Result<Done, JobError> {
    let packed = crate::package::pack::pack(candidates, definition, campaign, out_dir, options)?;
    Ok(Done::Package(packed))
}
