//! The 导出PDF dialog: options, the errors that remain (asked about, not hidden), the native
//! save dialog with a sensible name, the export on a background thread, and afterwards
//! 打开PDF / 打开所在文件夹.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use eframe::egui::{self, RichText};

use super::command::Command;
use super::dialogs::FileDialogs;
use super::editor::Editor;
use super::theme;
use crate::draft::DraftError;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::validate::{Finding, Severity};
use crate::pdf::compose::ComposeOptions;
use crate::pdf::export::export_pdf;

enum Stage {
    Asking,
    Running(Receiver<Result<PathBuf, String>>),
    Done(Result<PathBuf, String>),
}

pub struct ExportDialog {
    pub options: ComposeOptions,
    errors: Vec<String>,
    warnings: usize,
    stage: Stage,
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
            stage: Stage::Asking,
        }
    }

    /// Whether the export has finished with this file.
    pub fn exported(&self) -> Option<&Path> {
        match &self.stage {
            Stage::Done(Ok(path)) => Some(path),
            _ => None,
        }
    }

    /// Draws the dialog; returns false once it is closed.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        editor: &Editor,
        definition: &FormDefinition,
        campaign: &Campaign,
        dialogs: &mut dyn FileDialogs,
        commands: &mut Vec<Command>,
    ) -> bool {
        if let Stage::Running(receiver) = &self.stage {
            match receiver.try_recv() {
                Ok(result) => self.stage = Stage::Done(result),
                Err(TryRecvError::Disconnected) => {
                    self.stage = Stage::Done(Err("导出时程序出错，请重试。".into()))
                }
                Err(TryRecvError::Empty) => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(50))
                }
            }
        }
        let mut open = true;
        egui::Window::new("导出PDF")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.set_max_width(520.0);
                match &self.stage {
                    Stage::Asking => {
                        open = self.asking_ui(ui, editor, definition, campaign, dialogs)
                    }
                    Stage::Running(_) => {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label("正在导出…（处理照片、排版、嵌入字体）");
                        });
                    }
                    Stage::Done(Ok(path)) => {
                        ui.label(
                            RichText::new(format!("已导出：{}", path.display())).color(theme::OK),
                        );
                        ui.horizontal(|ui| {
                            if ui.button("打开PDF").clicked() {
                                commands.push(Command::OpenExternally(path.clone()));
                            }
                            if ui.button("打开所在文件夹").clicked() {
                                let folder = path.parent().map(Path::to_owned).unwrap_or_default();
                                commands.push(Command::OpenExternally(folder));
                            }
                            if ui.button("关闭").clicked() {
                                open = false;
                            }
                        });
                    }
                    Stage::Done(Err(message)) => {
                        ui.label(RichText::new(message.as_str()).color(theme::ERROR));
                        if ui.button("关闭").clicked() {
                            open = false;
                        }
                    }
                }
            });
        open
    }

    fn asking_ui(
        &mut self,
        ui: &mut egui::Ui,
        editor: &Editor,
        definition: &FormDefinition,
        campaign: &Campaign,
        dialogs: &mut dyn FileDialogs,
    ) -> bool {
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
                let name = format!(
                    "{}-推荐表.pdf",
                    crate::draft::library::safe_file_stem(editor.draft.answers.text("name"))
                );
                match dialogs.save_pdf(&name) {
                    Some(path) => {
                        self.stage =
                            Stage::Running(start(path, editor, definition, campaign, self.options))
                    }
                    None => open = false,
                }
            }
            if ui.button("取消").clicked() {
                open = false;
            }
        });
        open
    }
}

/// Exports on a background thread; the receiver gets the written path or a message.
fn start(
    path: PathBuf,
    editor: &Editor,
    definition: &FormDefinition,
    campaign: &Campaign,
    options: ComposeOptions,
) -> Receiver<Result<PathBuf, String>> {
    let (sender, receiver) = channel();
    let (folder, draft) = (editor.folder.clone(), editor.draft.clone());
    let (definition, campaign) = (definition.clone(), campaign.clone());
    std::thread::spawn(move || {
        let result = export_pdf(&folder, &draft, &definition, &campaign, options)
            .map_err(|error| error.to_string())
            .and_then(|bytes| {
                std::fs::write(&path, bytes)
                    .map_err(|error| DraftError::write(&path, &error).to_string())
            })
            .map(|()| path);
        let _ = sender.send(result);
    });
    receiver
}

/// Opens a file or folder with the system's program for it.
pub fn open_externally(path: &Path) -> Result<(), String> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(path)
        .spawn()
        .map(|_| ())
        .map_err(|error| {
            format!(
                "无法打开 {}：{error}。请在文件管理器中找到它。",
                path.display()
            )
        })
}
