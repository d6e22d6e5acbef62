//! One campaign in the editor: the steps on the left with a mark where the check finds a
//! problem, the step's rows in the middle, what the notice reader found on the right, and the
//! check's verdict at the top beside 保存.

use eframe::egui::{self, RichText, Ui};

use super::sheet::Sheet;
use super::{CampaignCommand, CampaignEdit, Step, push};
use crate::form::catalog::{Catalog, LoadError};
use crate::ui::command::AppCommand;
use crate::ui::theme;

pub fn editor_ui(
    ui: &mut Ui,
    edit: &mut CampaignEdit,
    catalog: &Catalog,
    commands: &mut Vec<AppCommand>,
) {
    let problem = super::problem(catalog, &edit.campaign, edit.is_new());
    top_bar(ui, edit, problem.as_ref(), commands);
    steps_list(ui, edit, problem.as_ref());
    if let Some(report) = &edit.reading {
        egui::Panel::right("reading")
            .default_size(330.0)
            .show(ui, |ui| {
                if let Some(step) = super::notice_ui::report_ui(ui, report) {
                    edit.step = step;
                }
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading(edit.step.name());
                if edit.builtin {
                    ui.label(
                        RichText::new("内置活动只能查看：要修改，请回到列表点“复制为新活动”。")
                            .color(theme::NEAR),
                    );
                }
                ui.add_space(6.0);
                let builtin = edit.builtin;
                ui.add_enabled_ui(!builtin, |ui| step_ui(ui, edit, catalog, problem.as_ref()));
            });
    });
}

fn step_ui(ui: &mut Ui, edit: &mut CampaignEdit, catalog: &Catalog, problem: Option<&LoadError>) {
    let mut sheet = Sheet::new(problem);
    let is_new = edit.is_new();
    let campaign = &mut edit.campaign;
    match edit.step {
        Step::Basic => super::steps_form::basic_ui(ui, &mut sheet, campaign, catalog, is_new),
        Step::Time => super::steps_form::time_ui(ui, &mut sheet, campaign),
        Step::Form => super::steps_form::form_ui(ui, &mut sheet, campaign, catalog),
        Step::Photo => super::steps_materials::photo_ui(ui, &mut sheet, campaign),
        Step::Materials => super::steps_materials::materials_ui(ui, &mut sheet, campaign),
        Step::Submission => super::steps_people::submission_ui(ui, &mut sheet, campaign),
        Step::Rules => super::steps_people::rules_ui(ui, &mut sheet, campaign, catalog),
        Step::Silent => super::steps_people::silent_ui(ui, &mut sheet, campaign),
    }
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        let index = Step::ALL.iter().position(|s| *s == edit.step).unwrap_or(0);
        if index > 0 && ui.button("上一步").clicked() {
            edit.step = Step::ALL[index - 1];
        }
        if let Some(next) = Step::ALL.get(index + 1)
            && ui.button("下一步").clicked()
        {
            edit.step = *next;
        }
    });
}

fn top_bar(
    ui: &mut Ui,
    edit: &mut CampaignEdit,
    problem: Option<&LoadError>,
    commands: &mut Vec<AppCommand>,
) {
    egui::Panel::top("campaign_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button("◀ 活动列表").clicked() {
                if edit.has_changes() && !edit.builtin {
                    edit.leaving = true;
                } else {
                    push(commands, CampaignCommand::BackToList);
                }
            }
            let title = if edit.campaign.form_title.is_empty() {
                "（新活动）"
            } else {
                edit.campaign.form_title.as_str()
            };
            ui.strong(title);
            if edit.builtin {
                ui.label(RichText::new("内置，只读").color(theme::MUTED));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if !edit.builtin {
                    let can_save = problem.is_none() && edit.has_changes();
                    if ui
                        .add_enabled(can_save, egui::Button::new("保存"))
                        .on_disabled_hover_text(if problem.is_some() {
                            "先改正标红的问题"
                        } else {
                            "没有未保存的修改"
                        })
                        .clicked()
                    {
                        push(commands, CampaignCommand::Save);
                    }
                }
                if !edit.is_new() && !edit.has_changes() {
                    let id = || edit.campaign.id.clone();
                    if ui
                        .button("导出活动文件…")
                        .on_hover_text("存成一个文件，随通知发给各单位")
                        .clicked()
                    {
                        push(commands, CampaignCommand::Export(id()));
                    }
                    if ui.button("用此活动新建草稿").clicked() {
                        commands.push(AppCommand::NewDraft(id()));
                    }
                }
                verdict_ui(ui, edit, problem);
            });
        });
        if edit.leaving {
            ui.horizontal(|ui| {
                ui.label(RichText::new("这个活动有未保存的修改。").color(theme::NEAR));
                if ui
                    .add_enabled(problem.is_none(), egui::Button::new("保存后返回"))
                    .clicked()
                {
                    push(commands, CampaignCommand::Save);
                    push(commands, CampaignCommand::BackToList);
                }
                if ui.button("放弃修改").clicked() {
                    push(commands, CampaignCommand::BackToList);
                }
                if ui.button("继续编辑").clicked() {
                    edit.leaving = false;
                }
            });
        }
    });
}

/// ✓ or the problem, and the reader's stand-ins still to replace.
fn verdict_ui(ui: &mut Ui, edit: &CampaignEdit, problem: Option<&LoadError>) {
    match problem {
        Some(problem) => {
            let step = Step::of_place(&problem.place);
            ui.label(
                RichText::new(format!("× {}：{}", step.name(), problem.problem))
                    .color(theme::ERROR),
            );
        }
        None => {
            let marks = super::unresolved_marks(&edit.campaign);
            if marks > 0 {
                ui.label(
                    RichText::new(format!(
                        "还有{marks}处“{}”：按通知填写；通知确实没写的，在“通知未说明”中说明",
                        crate::form::notice::MISSING_MARK
                    ))
                    .color(theme::NEAR),
                );
            } else if edit.has_changes() {
                ui.label(RichText::new("✓ 检查通过，尚未保存").color(theme::OK));
            } else {
                ui.label(RichText::new("✓ 检查通过，已保存").color(theme::OK));
            }
        }
    }
}

fn steps_list(ui: &mut Ui, edit: &mut CampaignEdit, problem: Option<&LoadError>) {
    let wrong = problem.map(|problem| Step::of_place(&problem.place));
    egui::Panel::left("campaign_steps")
        .resizable(false)
        .exact_size(theme::SIDE_WIDTH - 40.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            for step in Step::ALL {
                let text = if wrong == Some(step) {
                    RichText::new(format!("× {}", step.name())).color(theme::ERROR)
                } else {
                    RichText::new(step.name())
                };
                if ui.selectable_label(edit.step == step, text).clicked() {
                    edit.step = step;
                }
            }
        });
}
