//! Bringing a draft received as `姓名-推荐材料.zip` into the local drafts. An import never
//! overwrites silently: when the same candidate is already here, the caller must choose to
//! replace it (the old one goes to the recycle folder, so even that can be undone) or keep both.

use std::path::PathBuf;

use super::PackageError;
use super::exchange::Incoming;
use crate::draft::{Draft, DraftFolder, DraftSummary, Library};
use crate::files::Staging;
use crate::form::catalog::Catalog;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportChoice {
    /// Import only if the candidate is not here yet; otherwise report the conflict.
    Ask,
    /// Move the existing draft of the same candidate to the recycle folder, then import.
    Replace,
    /// Import beside the existing draft.
    KeepBoth,
}

#[derive(Debug)]
pub enum ImportOutcome {
    Imported(DraftFolder),
    /// The existing draft went to the recycle folder (for undo).
    Replaced {
        folder: DraftFolder,
        trashed: PathBuf,
    },
    /// Nothing was written: these drafts are of the same candidate.
    Conflict(Vec<DraftSummary>),
}

/// Drafts of the same candidate: same campaign and same name (when the name is filled in).
pub fn same_candidate(library: &Library, catalog: &Catalog, draft: &Draft) -> Vec<DraftSummary> {
    let name = draft.answers.text("name").trim();
    if name.is_empty() {
        return Vec::new();
    }
    library
        .list(catalog)
        .into_iter()
        .filter(|summary| summary.campaign == draft.campaign)
        .filter(|summary| {
            summary
                .folder
                .load()
                .is_ok_and(|(existing, _)| existing.answers.text("name").trim() == name)
        })
        .collect()
}

pub fn import_draft(
    library: &Library,
    catalog: &Catalog,
    incoming: Incoming,
    choice: ImportChoice,
) -> Result<ImportOutcome, PackageError> {
    if catalog.pair(&incoming.draft.campaign).is_none() {
        return Err(PackageError::UnknownCampaign {
            campaign: incoming.draft.campaign.clone(),
        });
    }
    let existing = same_candidate(library, catalog, &incoming.draft);
    if choice == ImportChoice::Ask && !existing.is_empty() {
        return Ok(ImportOutcome::Conflict(existing));
    }
    // The new draft is complete on disk before the old one is moved away.
    let folder = write_new(library, incoming)?;
    match (choice, existing.first()) {
        // The list is newest first: the draft replaced is the one last worked on.
        (ImportChoice::Replace, Some(newest)) => {
            let trashed = library.delete(&newest.folder)?;
            Ok(ImportOutcome::Replaced { folder, trashed })
        }
        _ => Ok(ImportOutcome::Imported(folder)),
    }
}

/// Built in a hidden staging folder among the drafts (never listed), then renamed into place in
/// one step: an import killed at any moment leaves a whole draft or none, and what a failed or
/// killed one wrote (personal data) is removed, at once or at the next start.
fn write_new(library: &Library, incoming: Incoming) -> Result<DraftFolder, PackageError> {
    let mut draft = incoming.draft;
    let staging = Staging::new(&library.drafts_dir(), "import")?;
    let staged = DraftFolder::at(staging.dir());
    for (name, bytes) in &incoming.files {
        staged.put_file(name, bytes)?;
    }
    staged.save(&mut draft)?;
    let target = library.free_folder(&draft.display_name());
    staging.commit(&target)?;
    Ok(DraftFolder::at(&target))
}
