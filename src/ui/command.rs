//! What the UI asks the app to do: collected while drawing a frame, run at its end, so drawing
//! code never touches the disk.

use super::secretary::Job;
use crate::draft::DraftFolder;
use crate::package::import::ImportChoice;
use crate::pdf::compose::ComposeOptions;

#[derive(Debug, Clone, PartialEq)]
pub enum AppCommand {
    /// A new draft for a campaign (by id).
    NewDraft(String),
    Open(DraftFolder),
    Duplicate(DraftFolder),
    /// Moved to the recycle folder; can be undone.
    Delete(DraftFolder),
    UndoDelete,
    /// A copy of the sample draft, to look around in.
    OpenSample,
    /// Back to the start page (saving first).
    Close,
    /// Save at once (Ctrl+S, section change).
    SaveNow,
    /// Choose the photo of a field with the file dialog.
    PickPhoto(String),
    /// Add images to a field with the file dialog.
    AddImages(String),
    /// A file dropped on the window, for the photo field.
    DroppedPhoto(std::path::PathBuf),
    /// Open the 导出PDF dialog with these options.
    Export(ComposeOptions),
    /// Ask where to save, then export (from the dialog; again after a file was held open).
    RunExport,
    /// Open a file or folder with the system's program.
    OpenExternally(std::path::PathBuf),
    /// Show a file in its folder (selected, where the file manager can).
    ShowInFolder(std::path::PathBuf),
    /// The secretary's screen, for a campaign (by default the one with the most drafts).
    Secretary(Option<String>),
    /// 生成汇总表 / 批量导出 / 生成材料包 for the selected candidates.
    SecretaryJob(Job),
    /// Save a draft as 姓名-推荐材料.zip with the save dialog.
    Share(DraftFolder),
    /// Import a 推荐材料.zip chosen with the file dialog.
    Import,
    /// The draft file was changed outside the app: true keeps the version on screen (the one on
    /// disk is kept as a copy), false loads the one on disk (the one on screen is kept).
    ResolveOutsideChange(bool),
    /// The answer to “same candidate already here”: replace, keep both, or None to cancel.
    ResolveImport(Option<ImportChoice>),
    /// The campaigns screen (活动…).
    Campaigns,
    /// What the campaigns screen asks for.
    Campaign(super::campaigns::CampaignCommand),
}
