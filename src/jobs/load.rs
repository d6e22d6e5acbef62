//! Loading what a job works on: the catalog with the user's own campaign files, a draft with its
//! form and campaign, and several drafts that must share one campaign.

use std::path::{Path, PathBuf};

use super::JobError;
use crate::draft::{Draft, DraftFolder, Library};
use crate::form::campaign::Campaign;
use crate::form::catalog::Catalog;
use crate::form::definition::FormDefinition;
use crate::package::PackageError;

/// The built-in catalog plus the campaign files of a data folder (by default this PC's), and
/// the problems with those files (they do not stop a job).
pub fn catalog_for(data_dir: Option<&Path>) -> Result<(Catalog, Vec<String>), JobError> {
    let mut catalog = Catalog::builtin().map_err(|error| JobError::Catalog(error.to_string()))?;
    let mut problems = Vec::new();
    if let Some(root) = data_dir.map(Path::to_owned).or_else(Library::default_root) {
        problems.extend(
            Library::at(&root)
                .load_user_campaigns(&mut catalog)
                .iter()
                .map(|error| format!("未能加载活动文件 {error}")),
        );
    }
    Ok((catalog, problems))
}

/// A draft (folder or its draft.json) with the form and campaign it belongs to.
pub fn load_draft<'a>(
    catalog: &'a Catalog,
    path: &Path,
) -> Result<(DraftFolder, Draft, &'a FormDefinition, &'a Campaign), JobError> {
    let folder = DraftFolder::at(path);
    let (draft, _) = folder.load()?;
    let (definition, campaign) = catalog
        .pair(&draft.campaign)
        .ok_or_else(|| JobError::UnknownCampaign(draft.campaign.clone()))?;
    Ok((folder, draft, definition, campaign))
}

/// Drafts that must all belong to one campaign (a summary, a package, a combined PDF).
pub type OneCampaign<'a> = (Vec<(DraftFolder, Draft)>, &'a FormDefinition, &'a Campaign);

pub fn load_one_campaign<'a>(
    catalog: &'a Catalog,
    paths: &[PathBuf],
) -> Result<OneCampaign<'a>, JobError> {
    let mut loaded = Vec::new();
    let mut pair: Option<(&FormDefinition, &Campaign)> = None;
    for path in paths {
        let (folder, draft, definition, campaign) = load_draft(catalog, path)?;
        match pair {
            Some((_, first)) if first.id != campaign.id => {
                let both = format!("{} 和 {}", first.id, campaign.id);
                return Err(PackageError::MixedCampaigns(both).into());
            }
            _ => pair = Some((definition, campaign)),
        }
        loaded.push((folder, draft));
    }
    let (definition, campaign) = pair.ok_or(PackageError::NoDrafts)?;
    Ok((loaded, definition, campaign))
}
