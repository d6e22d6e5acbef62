//! The desktop window. Until the guide lands this is a start window that shows the app runs,
//! the font renders and which drafts exist; it does no I/O while drawing.

use std::process::ExitCode;
use std::sync::Arc;

use eframe::egui;

use crate::draft::{DraftSummary, Library};
use crate::fonts::{CJK_FONT, CJK_FONT_NAME};
use crate::form::catalog::Catalog;

/// Installs the embedded CJK font first in every family, before the first frame.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT_NAME.to_owned(),
        Arc::new(egui::FontData::from_static(CJK_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, CJK_FONT_NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}

struct StartWindow {
    campaigns: Vec<String>,
    drafts: Vec<DraftSummary>,
    problems: Vec<String>,
}

impl StartWindow {
    fn load() -> Self {
        let mut problems = Vec::new();
        let mut catalog = match Catalog::builtin() {
            Ok(catalog) => catalog,
            Err(error) => {
                problems.push(error.to_string());
                Catalog {
                    forms: Vec::new(),
                    campaigns: Vec::new(),
                }
            }
        };
        let library = Library::default_root().map(|root| Library::at(&root));
        let drafts = match &library {
            Some(library) => {
                problems.extend(
                    library
                        .load_user_campaigns(&mut catalog)
                        .iter()
                        .map(ToString::to_string),
                );
                library.list(&catalog)
            }
            None => {
                problems.push("找不到本机的数据文件夹，草稿无法保存。".to_owned());
                Vec::new()
            }
        };
        let campaigns = catalog
            .campaigns
            .iter()
            .map(|c| c.form_title.clone())
            .collect();
        StartWindow {
            campaigns,
            drafts,
            problems,
        }
    }
}

impl eframe::App for StartWindow {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("填表助手 · “最美科技工作者”推荐表");
            ui.label("填写向导正在开发中。现在可以使用命令行：tianbiao check 草稿文件夹、tianbiao count 文本文件。");
            ui.separator();
            ui.strong("可选的活动");
            for title in &self.campaigns {
                ui.label(title);
            }
            ui.separator();
            ui.strong(format!("草稿（{}份）", self.drafts.len()));
            for draft in &self.drafts {
                let (filled, total) = draft.completeness;
                ui.label(format!("{} · {} · 已填{}/{} · 错误{}", draft.name, draft.campaign_title, filled, total, draft.errors));
            }
            for problem in &self.problems {
                ui.colored_label(egui::Color32::DARK_RED, problem);
            }
        });
    }
}

pub fn run() -> ExitCode {
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        // Every PC renders with the embedded font, whatever fonts it has installed.
        system_font_fallback: false,
        viewport: egui::ViewportBuilder::default()
            .with_title("填表助手")
            .with_inner_size([1024.0, 700.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "填表助手",
        options,
        Box::new(|creation| {
            install_fonts(&creation.egui_ctx);
            Ok(Box::new(StartWindow::load()))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "无法打开窗口：{error}。请确认本机支持 OpenGL 2，或在命令行中使用 tianbiao check / count。"
            );
            ExitCode::FAILURE
        }
    }
}
