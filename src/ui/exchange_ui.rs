//! 导入推荐材料 asks before touching a draft of the same candidate: the question, and what it
//! remembers while asking.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::command::AppCommand;
use super::theme;
use crate::draft::DraftSummary;
use crate::package::import::ImportChoice;

/// An import waiting for the user's answer: the zip and the drafts of the same candidate.
#[derive(Debug, Clone)]
pub struct PendingImport {
    pub zip: PathBuf,
    pub candidate: String,
    pub existing: Vec<String>,
}

impl PendingImport {
    pub fn new(zip: PathBuf, candidate: String, existing: &[DraftSummary]) -> Self {
        PendingImport {
            zip,
            candidate,
            existing: existing
                .iter()
                .map(|summary| format!("{}（{}）", summary.name, summary.campaign_title))
                .collect(),
        }
    }
}

/// The question: same candidate already here.
pub fn conflict_ui(ctx: &egui::Context, pending: &PendingImport, commands: &mut Vec<AppCommand>) {
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
                    commands.push(AppCommand::ResolveImport(Some(ImportChoice::Replace)));
                }
                if ui.button("保留两份").clicked() {
                    commands.push(AppCommand::ResolveImport(Some(ImportChoice::KeepBoth)));
                }
                if ui.button("取消").clicked() {
                    commands.push(AppCommand::ResolveImport(None));
                }
            });
        });
}
