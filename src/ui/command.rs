//! What the UI asks the app to do: collected while drawing a frame, run at its end, so drawing
//! code never touches the disk.

use crate::draft::DraftFolder;
use crate::pdf::compose::ComposeOptions;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
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
    /// Export to PDF with the save dialog.
    Export(ComposeOptions),
    /// Open a file or folder with the system's program.
    OpenExternally(std::path::PathBuf),
}
