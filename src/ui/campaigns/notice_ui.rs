//! 从通知创建: the window to paste a notice's text into (or open its file), and beside the
//! editor the reader's report — each value with the sentence it came from, the suggestions it
//! did not dare to fill, and what it did not find.

use eframe::egui::{self, RichText, Ui};

use super::{CampaignCommand, ReadingReport, Step, push};
use crate::form::notice::Found;
use crate::ui::command::AppCommand;
use crate::ui::theme;

/// The paste window; returns false when it is closed.
pub fn paste_ui(ctx: &egui::Context, text: &mut String, commands: &mut Vec<AppCommand>) -> bool {
    let mut open = true;
    egui::Window::new("从通知创建活动")
        .collapsible(false)
        .default_size([640.0, 460.0])
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label("把通知全文粘贴到下面（含附件的表格和填表说明更好），或打开通知文件（.txt、.docx、带文字的PDF）。");
            let label = ui.label("通知全文");
            egui::ScrollArea::vertical().max_height(330.0).show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(text)
                        .desired_rows(16)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            });
            ui.horizontal(|ui| {
                if ui.button("打开通知文件…").clicked() {
                    push(commands, CampaignCommand::PickNotice);
                }
                let has_text = !text.trim().is_empty();
                if ui
                    .add_enabled(has_text, egui::Button::new("读取"))
                    .clicked()
                {
                    push(commands, CampaignCommand::ReadNotice(text.clone()));
                    open = false;
                }
                if ui.button("取消").clicked() {
                    open = false;
                }
            });
        });
    open
}

/// The report; returns the step to show when an item was clicked.
pub fn report_ui(ui: &mut Ui, report: &ReadingReport) -> Option<Step> {
    let mut go = None;
    ui.heading("从通知读到的");
    ui.label(
        RichText::new("每项后面是它在通知中的原句。请逐项核对（点一项即转到它所在的步骤），没读到的请照通知填写。")
            .color(theme::MUTED),
    );
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if !report.missing.is_empty() {
                ui.add_space(4.0);
                ui.strong(format!("没有读到（{}项）", report.missing.len()));
                for field in &report.missing {
                    let text = RichText::new(format!("· {field}")).color(theme::ERROR);
                    if clickable(ui, text).clicked() {
                        go = Some(Step::of_reader_field(field));
                    }
                }
            }
            if !report.suggestions.is_empty() {
                ui.add_space(4.0);
                ui.strong("建议（未填入，请确认后手工填写）");
                for found in &report.suggestions {
                    go = go.or(found_ui(ui, found, theme::NEAR));
                }
            }
            ui.add_space(4.0);
            ui.strong(format!("已填入（{}项）", report.found.len()));
            for found in &report.found {
                go = go.or(found_ui(ui, found, theme::OK));
            }
        });
    go
}

fn found_ui(ui: &mut Ui, found: &Found, colour: egui::Color32) -> Option<Step> {
    let text = RichText::new(format!("{}：{}", found.field, found.value)).color(colour);
    let clicked = clickable(ui, text).clicked();
    let source = RichText::new(format!("　“{}”", found.source));
    ui.label(source.color(theme::MUTED).small());
    clicked.then(|| Step::of_reader_field(&found.field))
}

fn clickable(ui: &mut Ui, text: RichText) -> egui::Response {
    ui.add(egui::Label::new(text).sense(egui::Sense::click()))
        .on_hover_cursor(egui::CursorIcon::PointingHand)
}
