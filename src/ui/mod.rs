//! The desktop window: a guide through the table with live counts and checks, photos, autosave,
//! a live page preview and export. UI code draws and returns commands; the app runs them.

pub mod app;
mod check_panel;
pub mod command;
pub mod dialogs;
pub mod editor;
mod export_ui;
mod fields;
mod guide;
mod photos;
mod preview;
mod rows;
pub mod settings;
mod start;
mod theme;
mod thumbnails;

use std::process::ExitCode;
use std::sync::Arc;

use eframe::egui;

use crate::draft::Library;
use crate::fonts::{CJK_FONT, CJK_FONT_NAME};
use app::{AppOptions, TianbiaoApp};

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

/// Opens the window on the platform's data folder.
pub fn run() -> ExitCode {
    let started = std::time::Instant::now();
    let Some(data_dir) = Library::default_root() else {
        eprintln!("找不到本机的数据文件夹（主目录未设置），无法保存草稿。");
        return ExitCode::FAILURE;
    };
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        // Every PC renders with the embedded font, whatever fonts it has installed.
        system_font_fallback: false,
        viewport: egui::ViewportBuilder::default()
            .with_title("填表助手")
            .with_inner_size([1280.0, 720.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "填表助手",
        options,
        Box::new(move |creation| {
            install_fonts(&creation.egui_ctx);
            let dialogs = Box::new(dialogs::NativeDialogs);
            Ok(Box::new(TianbiaoApp::new(AppOptions {
                data_dir,
                dialogs,
                started: Some(started),
            })))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "无法打开窗口：{error}。请确认本机支持 OpenGL 2；命令行功能（tianbiao check / export）不需要窗口。"
            );
            ExitCode::FAILURE
        }
    }
}
