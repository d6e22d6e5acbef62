//! Drafts between candidate and secretary: 导出推荐材料 (姓名-推荐材料.zip with the save dialog)
//! and 导入推荐材料, which asks before touching a draft of the same candidate.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::command::Command;
use super::dialogs::{FileDialogs, SaveKind};
use super::theme;
use crate::draft::{DraftFolder, Library};
use crate::form::catalog::Catalog;
use crate::package::exchange::{exchange_file_name, read_exchange, write_exchange};
use crate::package::import::{ImportChoice, ImportOutcome, import_draft};

/// An import waiting for the user's answer: the zip and the drafts of the same candidate.
#[derive(Debug, Clone)]
pub struct PendingImport {
    pub zip: PathBuf,
    pub candidate: String,
    pub existing: Vec<String>,
}

/// What an import did, for the notice.
pub enum Imported {
    Done(String),
    Ask(PendingImport),
}

/// Asks where to save and writes the zip; returns the message to show.
pub fn share(
    folder: &DraftFolder,
    dialogs: &mut dyn FileDialogs,
) -> Option<Result<String, String>> {
    let (draft, _) = match folder.load() {
        Ok(loaded) => loaded,
        Err(error) => return Some(Err(error.to_string())),
    };
    let path = dialogs.save_file(SaveKind::Zip, &exchange_file_name(&draft))?;
    let result = write_exchange(folder, &draft)
        .map_err(|error| error.to_string())
        .and_then(|bytes| {
            // The whole draft (phones, birth date): only the owner may read it.
            crate::draft::folder::write_private_replacing(&path, &bytes)
                .map_err(|error| crate::draft::DraftError::write(&path, &error).to_string())
        })
        .map(|()| {
            format!(
                "已导出：{}（含草稿和全部照片，可发给推荐单位，对方用“导入推荐材料”打开）",
                path.display()
            )
        });
    Some(result)
}

/// Imports a zip; with `ImportChoice::Ask` a draft of the same candidate makes it ask.
pub fn import(
    library: &Library,
    catalog: &Catalog,
    zip: PathBuf,
    choice: ImportChoice,
) -> Result<Imported, String> {
    let bytes = std::fs::read(&zip)
        .map_err(|error| crate::draft::DraftError::read(&zip, &error).to_string())?;
    let name = zip.file_name().map_or(zip.display().to_string(), |n| {
        n.to_string_lossy().into_owned()
    });
    let incoming = read_exchange(&name, &bytes).map_err(|error| error.to_string())?;
    let candidate = incoming.draft.candidate_name();
    let outcome =
        import_draft(library, catalog, incoming, choice).map_err(|error| error.to_string())?;
    Ok(match outcome {
        ImportOutcome::Imported(_) => Imported::Done(format!("已导入“{candidate}”的草稿。")),
        ImportOutcome::Replaced { .. } => Imported::Done(format!(
            "已导入“{candidate}”的草稿，替换了原来的草稿（原草稿在回收文件夹中）。"
        )),
        ImportOutcome::Conflict(existing) => Imported::Ask(PendingImport {
            zip,
            candidate,
            existing: existing
                .iter()
                .map(|summary| format!("{}（{}）", summary.name, summary.campaign_title))
                .collect(),
        }),
    })
}

/// The question: same candidate already here.
pub fn conflict_ui(ctx: &egui::Context, pending: &PendingImport, commands: &mut Vec<Command>) {
    egui::Window::new("导入推荐材料")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.label(format!(
                "本机已有“{}”的草稿，导入的是同一候选人：",
                pending.candidate
            ));
            for existing in &pending.existing {
                ui.label(RichText::new(format!("· {existing}")).color(theme::MUTED));
            }
            ui.label("要怎样处理？");
            ui.horizontal(|ui| {
                if ui
                    .button("替换")
                    .on_hover_text("用导入的草稿替换本机的草稿；本机原来的草稿移入回收文件夹")
                    .clicked()
                {
                    commands.push(Command::ResolveImport(Some(ImportChoice::Replace)));
                }
                if ui.button("保留两份").clicked() {
                    commands.push(Command::ResolveImport(Some(ImportChoice::KeepBoth)));
                }
                if ui.button("取消").clicked() {
                    commands.push(Command::ResolveImport(None));
                }
            });
        });
}
