//! Adding photos off the UI thread: a file on a USB stick is read, opened in full (a file cut
//! short is refused) and copied into the draft folder while the window keeps drawing — on an
//! old PC that is a second or more. One job at a time per draft, so two adds never race for the
//! same file name in the folder.

use std::path::PathBuf;

use eframe::egui;

use super::task::{Polled, Task};
use crate::draft::{DraftError, DraftFolder};
use crate::form::answers::PhotoRef;

/// What the files become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adding {
    /// The field's one photo (证件照), replacing the one before.
    Photo,
    /// More images for the field (佐证材料), each with an empty caption.
    Images,
}

pub struct PhotoJob {
    pub field: String,
    pub adding: Adding,
    /// The first file, to name in the message if the job ends without an answer.
    first: PathBuf,
    task: Task<Vec<Result<PhotoRef, DraftError>>>,
}

impl PhotoJob {
    pub fn start(
        ctx: &egui::Context,
        folder: DraftFolder,
        field: &str,
        adding: Adding,
        paths: Vec<PathBuf>,
    ) -> Self {
        let stem = match adding {
            Adding::Photo => "photo",
            Adding::Images => "evidence",
        };
        let first = paths.first().cloned().unwrap_or_default();
        let task = Task::spawn(ctx, move || {
            (paths.iter())
                .map(|path| folder.add_photo(path, stem))
                .collect()
        });
        PhotoJob {
            field: field.to_owned(),
            adding,
            first,
            task,
        }
    }

    /// The photos added (or why not), once the job is over.
    pub fn poll(&self) -> Option<Vec<Result<PhotoRef, DraftError>>> {
        match self.task.poll() {
            Polled::Running => None,
            Polled::Done(results) => Some(results),
            // The thread ended without an answer: nothing was attached, and the user is told.
            Polled::Crashed => Some(vec![Err(DraftError::read(
                &self.first,
                &std::io::Error::other("读取照片时程序出错，照片没有加入"),
            ))]),
        }
    }
}
