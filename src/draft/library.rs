//! The data folder: one folder per draft under `drafts/`, deleted drafts under `trash/` (so a
//! delete can be undone), and campaign files a secretary adds under `campaigns/`.

use std::fs;
use std::path::{Path, PathBuf};

use super::{Draft, DraftError, DraftFolder};
use crate::files::{Staging, ensure_private_dir, is_temporary};
use crate::form::catalog::{Catalog, LoadError};
use crate::form::validate::{Severity, completeness, validate};

const DRAFTS: &str = "drafts";
const TRASH: &str = "trash";
const CAMPAIGNS: &str = "campaigns";

/// One line of the drafts list.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftSummary {
    pub folder: DraftFolder,
    pub name: String,
    pub campaign: String,
    /// Campaign title as printed, or the id if this build does not know it.
    pub campaign_title: String,
    pub saved_at: u64,
    /// Required fields filled / required fields.
    pub completeness: (usize, usize),
    pub errors: usize,
    pub warnings: usize,
    /// Why the draft could not be read, if it could not (it is listed anyway, never hidden).
    pub problem: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Library {
    pub root: PathBuf,
}

impl Library {
    /// `tianbiao-data` beside the program (portable mode), else the platform's data folder
    /// (e.g. ~/.local/share/tianbiao, %APPDATA%\tianbiao\tianbiao\data).
    pub fn default_root() -> Option<PathBuf> {
        crate::platform::portable_data_dir().or_else(|| {
            directories::ProjectDirs::from("cn", "tianbiao", "tianbiao")
                .map(|dirs| dirs.data_dir().to_owned())
        })
    }

    pub fn at(root: &Path) -> Self {
        Library {
            root: root.to_owned(),
        }
    }

    pub fn drafts_dir(&self) -> PathBuf {
        self.root.join(DRAFTS)
    }

    pub fn campaigns_dir(&self) -> PathBuf {
        self.root.join(CAMPAIGNS)
    }

    /// Every draft folder, newest change first; unreadable drafts are listed with their problem.
    pub fn list(&self, catalog: &Catalog) -> Vec<DraftSummary> {
        let mut list: Vec<DraftSummary> = subfolders(&self.drafts_dir())
            .into_iter()
            // Staging folders of imports under way are not drafts (yet).
            .filter(|dir| !is_temporary_dir(dir))
            .filter(|dir| dir.join(super::DRAFT_FILE).is_file())
            .map(|dir| summarize(DraftFolder::at(&dir), catalog))
            .collect();
        list.sort_by(|a, b| {
            b.saved_at
                .cmp(&a.saved_at)
                .then_with(|| a.name.cmp(&b.name))
        });
        list
    }

    /// A new, empty folder for a draft, named after its title and made unique.
    pub fn new_folder(&self, title: &str) -> Result<DraftFolder, DraftError> {
        let drafts = self.drafts_dir();
        ensure_private_dir(&drafts).map_err(|error| DraftError::write(&drafts, &error))?;
        let dir = self.free_folder(title);
        ensure_private_dir(&dir).map_err(|error| DraftError::write(&dir, &error))?;
        Ok(DraftFolder::at(&dir))
    }

    /// A path among the drafts, named after a title, that no folder has yet.
    pub fn free_folder(&self, title: &str) -> PathBuf {
        let drafts = self.drafts_dir();
        let stem = safe_file_stem(title);
        (1..)
            .map(|n| {
                if n == 1 {
                    drafts.join(&stem)
                } else {
                    drafts.join(format!("{stem}-{n}"))
                }
            })
            .find(|dir| !dir.exists())
            .unwrap_or_else(|| drafts.join(format!("{stem}-new")))
    }

    /// Saves a new draft in a folder of its own.
    pub fn create(&self, draft: &mut Draft) -> Result<DraftFolder, DraftError> {
        let folder = self.new_folder(&draft.display_name())?;
        folder.save(draft)?;
        Ok(folder)
    }

    /// Copies a draft folder (draft and photos, not its backups) into a new folder, which
    /// appears whole or not at all.
    pub fn duplicate(&self, source: &DraftFolder) -> Result<DraftFolder, DraftError> {
        let (mut draft, _) = source.load()?;
        draft.title = format!("{}（副本）", draft.display_name());
        let staging = Staging::new(&self.drafts_dir(), "copy")?;
        let staged = DraftFolder::at(staging.dir());
        for (_, photo) in draft.answers.photo_files() {
            // Only plain names inside the folder are copied (`photo::source`); the print cache
            // is not: the copy makes its own.
            let Ok(from) = crate::photo::source::photo_path(&source.dir, &photo.file) else {
                continue;
            };
            let to = staged.dir.join(&photo.file);
            if from.is_file() {
                fs::copy(&from, &to).map_err(|error| DraftError::write(&to, &error))?;
            }
        }
        staged.save(&mut draft)?;
        let target = self.free_folder(&draft.title);
        staging.commit(&target)?;
        Ok(DraftFolder::at(&target))
    }

    /// Moves a draft folder to the trash; returns where it went, for undo.
    pub fn delete(&self, folder: &DraftFolder) -> Result<PathBuf, DraftError> {
        let trash = self.trash_dir();
        ensure_private_dir(&trash).map_err(|error| DraftError::write(&trash, &error))?;
        let name = folder
            .dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let target = (1..)
            .map(|n| trash.join(format!("{name}-{n}")))
            .find(|dir| !dir.exists())
            .unwrap_or_else(|| trash.join(name));
        fs::rename(&folder.dir, &target).map_err(|error| DraftError::write(&folder.dir, &error))?;
        Ok(target)
    }

    /// Puts a deleted draft back where it was.
    pub fn restore(&self, trashed: &Path, folder: &DraftFolder) -> Result<(), DraftError> {
        fs::rename(trashed, &folder.dir).map_err(|error| DraftError::write(&folder.dir, &error))
    }

    /// Adds the campaign files of the data folder to the catalog. A bad file does not stop the
    /// others: its error is returned for the user to see.
    pub fn load_user_campaigns(&self, catalog: &mut Catalog) -> Vec<LoadError> {
        (self.load_campaign_files(catalog).into_iter())
            .filter_map(|file| file.loaded.err())
            .collect()
    }

    /// The recycle folder: deleted drafts and campaign files, so a delete can be undone.
    pub fn trash_dir(&self) -> PathBuf {
        self.root.join(TRASH)
    }
}

fn subfolders(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect()
}

fn summarize(folder: DraftFolder, catalog: &Catalog) -> DraftSummary {
    let fallback_name = folder
        .dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (draft, problem) = match folder.load() {
        Ok((draft, _)) => (draft, None),
        Err(error) => (Draft::new("", ""), Some(error.to_string())),
    };
    let pair = catalog.pair(&draft.campaign);
    let (completeness, errors, warnings) = match pair {
        Some((definition, campaign)) => {
            let mut findings = validate(definition, campaign, &draft.answers);
            findings.extend(folder.missing_photos(definition, &draft));
            let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
            (
                completeness(definition, campaign, &draft.answers),
                count(Severity::Error),
                count(Severity::Warning),
            )
        }
        None => ((0, 0), 0, 0),
    };
    let problem = problem.or_else(|| pair.is_none().then(|| unknown_campaign(&draft.campaign)));
    DraftSummary {
        name: if draft.campaign.is_empty() {
            fallback_name
        } else {
            draft.display_name()
        },
        campaign_title: pair.map_or_else(
            || draft.campaign.clone(),
            |(_, campaign)| campaign.form_title.clone(),
        ),
        campaign: draft.campaign,
        saved_at: draft.saved_at,
        completeness,
        errors,
        warnings,
        problem,
        folder,
    }
}

/// Why a draft cannot open: this PC does not know its campaign (never loaded, deleted, or its
/// file no longer loads).
pub fn unknown_campaign(id: &str) -> String {
    format!(
        "本机没有这份草稿的活动“{id}”（或它的活动文件未能加载）：请在首页“活动…”中导入该活动的活动文件，或修复未能加载的文件。"
    )
}

/// A folder name from a title: no path separators or characters Windows refuses.
pub fn safe_file_stem(title: &str) -> String {
    let cleaned: String = title
        .trim()
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(40)
        .collect();
    let cleaned = cleaned.trim_matches(['.', ' ']).to_owned();
    if cleaned.is_empty() {
        "草稿".to_owned()
    } else if is_windows_device_name(&cleaned) {
        format!("{cleaned}_")
    } else {
        cleaned
    }
}

/// CON, NUL, COM1 … (with any extension) name devices on Windows, not files.
fn is_windows_device_name(stem: &str) -> bool {
    let base = stem.split('.').next().unwrap_or(stem).to_ascii_uppercase();
    matches!(base.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((base.starts_with("COM") || base.starts_with("LPT"))
            && base.len() == 4
            && base[3..].chars().all(|c| c.is_ascii_digit()))
}

fn is_temporary_dir(dir: &Path) -> bool {
    dir.file_name()
        .is_some_and(|name| is_temporary(&name.to_string_lossy()))
}
