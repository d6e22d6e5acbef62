//! The 检查 panel: every finding of the draft, errors first; clicking one opens its section and
//! focuses its field.

use eframe::egui::{self, RichText, Ui};

use super::editor::Editor;
use super::theme;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::validate::{Finding, Severity};

pub fn check_ui(
    ui: &mut Ui,
    editor: &mut Editor,
    definition: &FormDefinition,
    campaign: &Campaign,
    findings: &[Finding],
) {
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    ui.heading("检查");
    ui.label(format!(
        "{}个错误，{}个警告，{}个提示",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Hint)
    ));
    if findings.is_empty() {
        ui.colored_label(theme::OK, "没有发现问题。");
    }
    ui.separator();
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| f.severity);
    let mut jump = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for finding in sorted {
                let label = definition
                    .field(&finding.field)
                    .map_or(finding.field.as_str(), |f| f.label.as_str());
                let text = RichText::new(format!(
                    "{} · {}：{}",
                    finding.severity.label(),
                    label,
                    finding.message
                ))
                .color(theme::severity(finding.severity));
                if ui
                    .add(egui::Button::new(text).wrap().frame(false))
                    .on_hover_text("转到这一项")
                    .clicked()
                {
                    jump = Some(finding.field.clone());
                }
                ui.add_space(4.0);
            }
            // Below the findings, so that they keep their place at the top.
            if let Some(note) = crate::form::wording::layout_note(definition, campaign) {
                ui.separator();
                ui.add(egui::Label::new(RichText::new(note).color(theme::NEAR).small()).wrap());
            }
        });
    if let Some(field) = jump {
        editor.jump(&field, definition, campaign);
    }
}
