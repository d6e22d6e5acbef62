//! The list of campaigns: built in and added, how many drafts use each, and the files of the
//! data folder that did not load, with their problem (never hidden).

use eframe::egui::{self, RichText, Ui};

use super::{CampaignCommand, CampaignsState, CampaignsView, push};
use crate::ui::command::AppCommand;
use crate::ui::theme;

pub fn list_ui(
    ui: &mut Ui,
    state: &mut CampaignsState,
    view: &CampaignsView,
    commands: &mut Vec<AppCommand>,
) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button("◀ 首页").clicked() {
                commands.push(AppCommand::Close);
            }
            ui.heading("活动（通知）");
        });
        ui.label(
            RichText::new(
                "每年的通知是一个活动。收到新通知时：点“从通知创建…”粘贴或打开通知，核对读到的内容后保存；也可以复制往年的活动再修改。",
            )
            .color(theme::MUTED),
        );
        ui.horizontal(|ui| {
            if ui.button("从通知创建…").clicked() {
                state.paste = Some(String::new());
            }
            if ui
                .button("导入活动文件…")
                .on_hover_text("加入别人用“导出活动文件…”发来的活动（.json）")
                .clicked()
            {
                push(commands, CampaignCommand::Import);
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                campaigns_table(ui, view, commands);
                broken_files(ui, view, commands);
            });
    });
}

fn campaigns_table(ui: &mut Ui, view: &CampaignsView, commands: &mut Vec<AppCommand>) {
    egui::Grid::new("campaigns")
        .striped(true)
        .num_columns(5)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            for heading in ["推荐表", "截止日期", "来源", "草稿", ""] {
                ui.strong(heading);
            }
            ui.end_row();
            for campaign in &view.catalog.campaigns {
                let builtin = view.catalog.is_builtin(&campaign.id);
                let drafts = (view.drafts.iter())
                    .filter(|d| d.campaign == campaign.id)
                    .count();
                ui.label(view.catalog.list_name(campaign))
                    .on_hover_text(format!("编号：{}", campaign.id));
                ui.label(campaign.deadline.date.as_str());
                ui.label(if builtin { "内置" } else { "本机添加" });
                ui.label(format!("{drafts}份"));
                ui.horizontal(|ui| {
                    let id = || campaign.id.clone();
                    let open = if builtin { "查看" } else { "编辑" };
                    if ui
                        .button(open)
                        .on_hover_text(format!("{open}：{}", campaign.form_title))
                        .clicked()
                    {
                        push(commands, CampaignCommand::Edit(id()));
                    }
                    if ui.button("复制为新活动").clicked() {
                        push(commands, CampaignCommand::Copy(id()));
                    }
                    if ui
                        .button("导出活动文件…")
                        .on_hover_text("存成一个文件，随通知发给各单位；他们用“导入活动文件…”加入")
                        .clicked()
                    {
                        push(commands, CampaignCommand::Export(id()));
                    }
                    if !builtin && ui.button("删除").clicked() {
                        push(commands, CampaignCommand::Delete(id()));
                    }
                });
                ui.end_row();
            }
        });
}

fn broken_files(ui: &mut Ui, view: &CampaignsView, commands: &mut Vec<AppCommand>) {
    let broken: Vec<_> = (view.files.iter())
        .filter_map(|file| Some((&file.path, file.loaded.as_ref().err()?)))
        .collect();
    if broken.is_empty() {
        return;
    }
    ui.add_space(10.0);
    ui.strong("未能加载的活动文件");
    ui.label(
        RichText::new(
            "使用这些活动的草稿暂时打不开：请重新导入正确的活动文件，或把有误的文件移走。",
        )
        .color(theme::MUTED),
    );
    for (path, error) in broken {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(theme::ERROR, error.to_string());
            if ui.small_button("移到回收文件夹").clicked() {
                push(commands, CampaignCommand::TrashBroken(path.clone()));
            }
        });
    }
}
