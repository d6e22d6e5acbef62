//! The start page: the drafts on this PC with their state, and 新建 / 打开 / 复制 / 删除 / 示例.

use eframe::egui::{self, RichText, Ui};

use super::command::AppCommand;
use super::theme;
use crate::clock::{clock, day};
use crate::draft::DraftSummary;
use crate::form::catalog::Catalog;

#[derive(Debug, Default)]
pub struct StartState {
    /// The campaign chosen for 新建 (newest by default).
    pub campaign: Option<String>,
    /// The last deleted draft's name, while it can still be restored.
    pub deleted: Option<String>,
}

pub fn start_ui(
    ui: &mut Ui,
    state: &mut StartState,
    catalog: &Catalog,
    drafts: &[DraftSummary],
    problems: &[String],
    commands: &mut Vec<AppCommand>,
) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading("填表助手 · “最美科技工作者”推荐表");
        ui.label(RichText::new("全部在本机完成，不联网，不上传任何内容。").color(theme::MUTED));
        ui.add_space(8.0);
        new_draft_ui(ui, state, catalog, commands);
        if let Some(name) = state.deleted.clone() {
            ui.horizontal(|ui| {
                ui.label(format!("已把“{name}”移到回收文件夹。"));
                if ui.button("撤销").clicked() {
                    commands.push(AppCommand::UndoDelete);
                }
            });
        }
        ui.separator();
        ui.strong(format!("我的草稿（{}份）", drafts.len()));
        if drafts.is_empty() {
            ui.label(
                RichText::new("还没有草稿：点“新建”开始填写，或点“打开示例”看看填好的样子。")
                    .color(theme::MUTED),
            );
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                drafts_table(ui, drafts, commands);
            });
        for problem in problems {
            ui.colored_label(theme::ERROR, problem.as_str());
        }
    });
}

fn new_draft_ui(
    ui: &mut Ui,
    state: &mut StartState,
    catalog: &Catalog,
    commands: &mut Vec<AppCommand>,
) {
    ui.horizontal(|ui| {
        let chosen = state
            .campaign
            .clone()
            .or_else(|| catalog.campaigns.first().map(|c| c.id.clone()));
        let title = chosen
            .as_deref()
            .and_then(|id| catalog.campaign(id))
            .map_or_else(|| "请选择活动".to_owned(), |c| catalog.list_name(c));
        let label = ui.label("活动：");
        egui::ComboBox::from_id_salt("campaign")
            .selected_text(title)
            .width(340.0)
            .show_ui(ui, |ui| {
                for campaign in &catalog.campaigns {
                    let selected = chosen.as_deref() == Some(campaign.id.as_str());
                    if ui
                        .selectable_label(selected, catalog.list_name(campaign))
                        .clicked()
                    {
                        state.campaign = Some(campaign.id.clone());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if ui
            .add_enabled(chosen.is_some(), egui::Button::new("新建"))
            .clicked()
            && let Some(id) = chosen
        {
            commands.push(AppCommand::NewDraft(id));
        }
        if ui
            .button("打开示例")
            .on_hover_text("打开一份填好的示例草稿（副本），随意修改")
            .clicked()
        {
            commands.push(AppCommand::OpenSample);
        }
    });
    ui.horizontal(|ui| {
        if ui
            .button("导入推荐材料…")
            .on_hover_text("打开候选人发来的“姓名-推荐材料.zip”，加入我的草稿")
            .clicked()
        {
            commands.push(AppCommand::Import);
        }
        if ui
            .button("推荐单位：汇总与报送…")
            .on_hover_text("同一活动的全部草稿：生成汇总表、批量导出、生成报送材料包")
            .clicked()
        {
            commands.push(AppCommand::Secretary(None));
        }
        if ui
            .button("活动…")
            .on_hover_text("查看各年的通知（活动）；收到新通知时，在这里从通知创建新活动")
            .clicked()
        {
            commands.push(AppCommand::Campaigns);
        }
    });
}

fn drafts_table(ui: &mut Ui, drafts: &[DraftSummary], commands: &mut Vec<AppCommand>) {
    egui::Grid::new("drafts")
        .striped(true)
        .num_columns(6)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            for heading in ["姓名", "活动", "最后修改", "完成度", "错误", ""] {
                ui.strong(heading);
            }
            ui.end_row();
            for draft in drafts {
                ui.label(draft.name.as_str());
                ui.label(draft.campaign_title.as_str());
                ui.label(if draft.saved_at == 0 {
                    "—".to_owned()
                } else {
                    format!("{} {}", day(draft.saved_at), clock(draft.saved_at))
                });
                let (filled, total) = draft.completeness;
                ui.label(format!("{filled}/{total}"));
                match &draft.problem {
                    Some(problem) => {
                        ui.colored_label(theme::ERROR, "无法读取")
                            .on_hover_text(problem.as_str());
                    }
                    None if draft.errors > 0 => {
                        ui.colored_label(theme::ERROR, draft.errors.to_string());
                    }
                    None => {
                        ui.colored_label(theme::OK, "0");
                    }
                }
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(draft.problem.is_none(), egui::Button::new("打开"))
                        .on_hover_text(format!("打开 {}", draft.name))
                        .clicked()
                    {
                        commands.push(AppCommand::Open(draft.folder.clone()));
                    }
                    if ui
                        .add_enabled(draft.problem.is_none(), egui::Button::new("复制"))
                        .clicked()
                    {
                        commands.push(AppCommand::Duplicate(draft.folder.clone()));
                    }
                    if ui
                        .add_enabled(draft.problem.is_none(), egui::Button::new("导出zip"))
                        .on_hover_text("把草稿和照片存成一个“姓名-推荐材料.zip”，发给推荐单位")
                        .clicked()
                    {
                        commands.push(AppCommand::Share(draft.folder.clone()));
                    }
                    if ui.button("删除").clicked() {
                        commands.push(AppCommand::Delete(draft.folder.clone()));
                    }
                });
                ui.end_row();
            }
        });
}
