//! The guide: the sections in fill order with their marks on the left, one section at a time
//! in the middle with 上一步 / 下一步, and the 检查 panel when asked for.

use eframe::egui::{self, RichText, Ui};

use super::command::AppCommand;
use super::editor::{Editor, SaveStatus, SectionMark};
use super::fields::{FieldEnv, field_ui};
use super::theme;
use crate::clock::clock;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::validate::{Finding, is_relevant};

/// Runtime switches of the guide's panels.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Panels {
    pub check: bool,
    pub preview: bool,
}

/// Draws the guide; returns whether an answer changed this frame.
pub fn guide_ui(
    ui: &mut Ui,
    editor: &mut Editor,
    definition: &FormDefinition,
    campaign: &Campaign,
    panels: &mut Panels,
    commands: &mut Vec<AppCommand>,
) -> bool {
    let findings = editor.findings(definition, campaign);
    top_bar(ui, editor, (definition, campaign), panels, commands);
    sections_list(ui, editor, definition, campaign, &findings);
    if panels.check {
        egui::Panel::right("check")
            .default_size(320.0)
            .show(ui, |ui| {
                super::check_panel::check_ui(ui, editor, definition, campaign, &findings);
            });
    }
    let mut changed = false;
    egui::CentralPanel::default().show(ui, |ui| {
        changed = section_ui(ui, editor, definition, campaign, &findings, commands);
    });
    changed
}

fn top_bar(
    ui: &mut Ui,
    editor: &Editor,
    (definition, campaign): (&FormDefinition, &Campaign),
    panels: &mut Panels,
    commands: &mut Vec<AppCommand>,
) {
    egui::Panel::top("draft_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button("◀ 草稿列表").clicked() {
                commands.push(AppCommand::Close);
            }
            ui.strong(editor.draft.display_name());
            ui.label(RichText::new(&campaign.form_title).color(theme::MUTED));
            // Where the notice has no form of its own, said once where it is always in sight.
            if let Some(note) = crate::form::wording::layout_note(definition, campaign) {
                ui.label(RichText::new("（版式依照模板，请与正式表格核对）").color(theme::NEAR))
                    .on_hover_text(note);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("导出PDF…").clicked() {
                    commands.push(AppCommand::Export(Default::default()));
                }
                ui.toggle_value(&mut panels.preview, "预览");
                ui.toggle_value(&mut panels.check, "检查");
                if ui.button("保存").on_hover_text("Ctrl+S").clicked() {
                    commands.push(AppCommand::SaveNow);
                }
                if editor.changed_outside {
                    ui.label(
                        RichText::new("自动保存已暂停（文件在外部被修改）").color(theme::ERROR),
                    );
                } else {
                    status_label(ui, &editor.status);
                }
            });
        });
    });
}

fn status_label(ui: &mut Ui, status: &SaveStatus) {
    match status {
        SaveStatus::Loaded => {
            ui.label(RichText::new("已打开").color(theme::MUTED));
        }
        SaveStatus::Pending => {
            ui.label(RichText::new("正在保存…").color(theme::MUTED));
        }
        SaveStatus::Saved(at) => {
            ui.label(RichText::new(format!("已自动保存 {}", clock(*at))).color(theme::OK));
        }
        SaveStatus::Failed(message) => {
            ui.label(RichText::new("保存失败，内容仍在程序中").color(theme::ERROR))
                .on_hover_text(message.as_str());
        }
    }
}

fn sections_list(
    ui: &mut Ui,
    editor: &mut Editor,
    definition: &FormDefinition,
    campaign: &Campaign,
    findings: &[Finding],
) {
    egui::Panel::left("sections")
        .exact_size(theme::SIDE_WIDTH)
        .show(ui, |ui| {
            ui.add_space(6.0);
            let sections = Editor::sections(definition, campaign);
            let mut go = None;
            for (index, section) in sections.iter().enumerate() {
                let mark = editor.mark(section, campaign, findings);
                let color = match mark {
                    SectionMark::Done => theme::OK,
                    SectionMark::Errors(_) => theme::ERROR,
                    _ => theme::MUTED,
                };
                ui.horizontal(|ui| {
                    if ui
                        .selectable_label(index == editor.section, section.title.as_str())
                        .clicked()
                    {
                        go = Some(index);
                    }
                    ui.label(RichText::new(mark.label()).small().color(color));
                });
            }
            if let Some(index) = go {
                editor.go_to(index, definition, campaign);
            }
        });
}

fn section_ui(
    ui: &mut Ui,
    editor: &mut Editor,
    definition: &FormDefinition,
    campaign: &Campaign,
    findings: &[Finding],
    commands: &mut Vec<AppCommand>,
) -> bool {
    let sections = Editor::sections(definition, campaign);
    let Some(section) = sections.get(editor.section).copied() else {
        return false;
    };
    let env = FieldEnv {
        definition,
        campaign,
        findings,
    };
    let mut changed = false;
    ui.heading(section.title.as_str());
    if let Some(help) = &section.help {
        ui.label(RichText::new(help).color(theme::MUTED));
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .max_height(ui.available_height() - 40.0)
        .show(ui, |ui| {
            for field in section.fields.iter().filter(|f| is_relevant(f, campaign)) {
                changed |= field_ui(ui, field, editor, &env, commands);
            }
        });
    ui.separator();
    ui.horizontal(|ui| {
        let last = sections.len().saturating_sub(1);
        if ui
            .add_enabled(editor.section > 0, egui::Button::new("上一步"))
            .clicked()
        {
            editor.go_to(editor.section.saturating_sub(1), definition, campaign);
            commands.push(AppCommand::SaveNow);
        }
        if ui
            .add_enabled(editor.section < last, egui::Button::new("下一步"))
            .clicked()
        {
            editor.go_to(editor.section + 1, definition, campaign);
            commands.push(AppCommand::SaveNow);
        }
        ui.label(
            RichText::new(format!(
                "第{}步，共{}步",
                editor.section + 1,
                sections.len()
            ))
            .color(theme::MUTED),
        );
    });
    changed
}
