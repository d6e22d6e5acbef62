//! The campaign screen's questions: an imported campaign whose id is already here (replace,
//! keep both, cancel — as for drafts), and deleting a campaign that drafts use.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::{CampaignCommand, push};
use crate::form::campaign::Campaign;
use crate::package::import::ImportChoice;
use crate::ui::command::AppCommand;
use crate::ui::theme;

/// An imported campaign waiting for the answer.
#[derive(Debug, Clone)]
pub struct PendingCampaignImport {
    pub campaign: Campaign,
    /// The title of the campaign here with the same id.
    pub existing_title: String,
    /// That campaign is built in (replacing adds a file that takes its place).
    pub existing_builtin: bool,
}

/// A campaign to delete, waiting for the answer.
#[derive(Debug, Clone)]
pub struct PendingCampaignDelete {
    pub id: String,
    pub title: String,
    pub path: PathBuf,
    pub drafts: usize,
}

pub fn import_ui(
    ctx: &egui::Context,
    pending: &PendingCampaignImport,
    commands: &mut Vec<AppCommand>,
) {
    question(ctx, "导入活动文件", |ui| {
        ui.label(format!(
            "本机已有编号为“{}”的活动：{}",
            pending.campaign.id, pending.existing_title
        ));
        ui.label(format!("导入的是：{}", pending.campaign.form_title));
        if pending.existing_builtin {
            ui.label(
                RichText::new("“替换”后以导入的为准；删除导入的活动即恢复内置的。")
                    .color(theme::MUTED),
            );
        } else {
            ui.label(
                RichText::new("“替换”时，本机原来的活动文件移入回收文件夹。").color(theme::MUTED),
            );
        }
        ui.label("要怎样处理？");
        ui.horizontal(|ui| {
            if ui.button("替换").clicked() {
                push(
                    commands,
                    CampaignCommand::ResolveImport(Some(ImportChoice::Replace)),
                );
            }
            if ui
                .button("保留两份")
                .on_hover_text("导入的活动换一个编号，与本机的并存")
                .clicked()
            {
                push(
                    commands,
                    CampaignCommand::ResolveImport(Some(ImportChoice::KeepBoth)),
                );
            }
            if ui.button("取消").clicked() {
                push(commands, CampaignCommand::ResolveImport(None));
            }
        });
    });
}

pub fn delete_ui(
    ctx: &egui::Context,
    pending: &PendingCampaignDelete,
    commands: &mut Vec<AppCommand>,
) {
    question(ctx, "删除活动", |ui| {
        ui.label(format!("删除活动“{}”？", pending.title));
        ui.label("活动文件移入回收文件夹，需要时可以从那里找回。");
        if pending.drafts > 0 {
            ui.label(
                RichText::new(format!(
                    "有{}份草稿使用这个活动：删除后这些草稿打不开，直到重新导入该活动文件。草稿本身不会被删除。",
                    pending.drafts
                ))
                .color(theme::ERROR),
            );
        }
        ui.horizontal(|ui| {
            if ui.button("删除").clicked() {
                push(commands, CampaignCommand::ConfirmDelete(true));
            }
            if ui.button("取消").clicked() {
                push(commands, CampaignCommand::ConfirmDelete(false));
            }
        });
    });
}

fn question(ctx: &egui::Context, title: &str, body: impl FnOnce(&mut egui::Ui)) {
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.set_max_width(480.0);
            body(ui);
        });
}
