//! The 导出PDF dialog: options, the errors that remain (asked about, not hidden), then the
//! export's progress and result with 打开 / 打开所在文件夹. The app opens the save dialog and
//! runs the job; this only draws and pushes commands.

use eframe::egui::{self, RichText};

use super::command::AppCommand;
use super::task::{JobSlot, job_ui};
use super::theme;
use crate::form::validate::{Finding, Severity};
use crate::pdf::compose::ComposeOptions;

pub struct ExportDialog {
    pub options: ComposeOptions,
    errors: Vec<String>,
    warnings: usize,
    pub job: JobSlot,
}

impl ExportDialog {
    pub fn new(options: ComposeOptions, findings: &[Finding]) -> Self {
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.message.clone())
            .collect();
        let warnings = findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count();
        ExportDialog {
            options,
            errors,
            warnings,
            job: JobSlot::Idle,
        }
    }

    /// The file written, once the export has finished.
    pub fn exported(&self) -> Option<&std::path::Path> {
        match self.job.finished() {
            Some(Ok(done)) => done.path(),
            _ => None,
        }
    }

    /// Draws the dialog; returns false once it is closed.
    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<AppCommand>) -> bool {
        self.job.poll();
        let mut open = true;
        egui::Window::new("导出PDF")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.set_max_width(520.0);
                if matches!(self.job, JobSlot::Idle) {
                    open = self.asking_ui(ui, commands);
                    return;
                }
                job_ui(
                    ui,
                    &self.job,
                    "正在导出…（处理照片、排版、嵌入字体）",
                    "打开PDF",
                    Some(AppCommand::RunExport),
                    commands,
                );
                if !self.job.is_running() && ui.button("关闭").clicked() {
                    open = false;
                }
            });
        open
    }

    fn asking_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<AppCommand>) -> bool {
        ui.checkbox(
            &mut self.options.seal_guides,
            "画出盖章位置的虚线圆（打印最终原件时可不画，位置仍保留）",
        );
        ui.checkbox(&mut self.options.instructions, "附“填表说明”页");
        if self.warnings > 0 {
            ui.label(
                RichText::new(format!("还有{}个警告，请在“检查”中确认。", self.warnings))
                    .color(theme::NEAR),
            );
        }
        if !self.errors.is_empty() {
            ui.label(
                RichText::new(format!(
                    "还有{}个错误，导出的PDF只宜用于核对：",
                    self.errors.len()
                ))
                .color(theme::ERROR),
            );
            egui::ScrollArea::vertical()
                .max_height(160.0)
                .show(ui, |ui| {
                    for error in &self.errors {
                        ui.label(
                            RichText::new(format!("· {error}"))
                                .small()
                                .color(theme::ERROR),
                        );
                    }
                });
        }
        let mut open = true;
        ui.horizontal(|ui| {
            let action = if self.errors.is_empty() {
                "导出…"
            } else {
                "仍然导出…"
            };
            if ui.button(action).clicked() {
                commands.push(AppCommand::RunExport);
            }
            if ui.button("取消").clicked() {
                open = false;
            }
        });
        open
    }
}
