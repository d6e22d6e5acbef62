//! Drafts on disk. A draft is a folder: `draft.json` (answers and references to photos) and the
//! photo files copied next to it. Saving is atomic and keeps backups; loading never changes a
//! file it cannot read.

pub mod autosave;
pub mod campaign_files;
pub mod error;
pub mod folder;
mod leftovers;
pub mod library;
pub mod migrate;
mod photo_check;
pub mod sample;

use serde::{Deserialize, Serialize};

use crate::form::answers::Answers;

pub use error::DraftError;
pub use folder::DraftFolder;
pub use library::{DraftSummary, Library};

/// The draft format this build writes. Older files are migrated on load; newer ones refused.
pub const SCHEMA: u32 = 1;

pub const DRAFT_FILE: &str = "draft.json";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub schema: u32,
    /// Form definition id.
    pub form: String,
    /// Campaign id.
    pub campaign: String,
    /// Name shown in the drafts list; the candidate's name when empty.
    #[serde(default)]
    pub title: String,
    /// When it was last saved, in seconds since 1970 (UTC).
    #[serde(default)]
    pub saved_at: u64,
    pub answers: Answers,
}

impl Draft {
    pub fn new(form: &str, campaign: &str) -> Self {
        Draft {
            schema: SCHEMA,
            form: form.to_owned(),
            campaign: campaign.to_owned(),
            title: String::new(),
            saved_at: 0,
            answers: Answers::default(),
        }
    }

    /// The name to show: the title, else the candidate's name, else a placeholder.
    pub fn display_name(&self) -> String {
        let name = self.answers.text("name");
        match (self.title.trim(), name) {
            ("", "") => "未命名草稿".to_owned(),
            ("", name) => name.to_owned(),
            (title, _) => title.to_owned(),
        }
    }

    /// The candidate's name for file names (姓名-推荐表.pdf, 姓名1.jpg), else the shown name.
    pub fn candidate_name(&self) -> String {
        match self.answers.text("name").trim() {
            "" => self.display_name(),
            name => name.to_owned(),
        }
    }

    /// Same content, ignoring when it was saved (to know whether there is anything to save).
    pub fn same_content(&self, other: &Draft) -> bool {
        self.form == other.form
            && self.campaign == other.campaign
            && self.title == other.title
            && self.answers == other.answers
    }
}
