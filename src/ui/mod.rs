//! The desktop window: a guide through the table with live counts and checks, photos, autosave,
//! a live page preview and export. UI code draws and returns commands; the app runs them.

pub mod app;
mod app_campaigns;
mod app_commands;
mod app_jobs;
pub mod campaigns;
mod check_panel;
pub mod command;
pub mod dialogs;
pub mod editor;
mod exchange_ui;
pub mod export_ui;
mod fields;
mod guide;
mod photo_job;
mod photos;
pub mod preview;
mod rows;
pub mod secretary;
pub mod session;
pub mod settings;
mod start;
mod system;
pub mod task;
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

/// Which graphics back end draws the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RendererChoice {
    /// OpenGL 2+ (works on almost every PC, also old ones).
    Glow,
    /// DirectX 12 / Vulkan / Metal, for PCs without usable OpenGL (some remote desktops).
    Wgpu,
}

impl RendererChoice {
    fn eframe(self) -> eframe::Renderer {
        match self {
            RendererChoice::Glow => eframe::Renderer::Glow,
            RendererChoice::Wgpu => eframe::Renderer::Wgpu,
        }
    }

    fn name(self) -> &'static str {
        match self {
            RendererChoice::Glow => "glow",
            RendererChoice::Wgpu => "wgpu",
        }
    }
}

/// Opens the window: with the renderer asked for, or glow first and, if it cannot start, wgpu.
/// The retry runs in a new process because a window system's event loop can be created only
/// once per process.
pub fn run(renderer: Option<RendererChoice>) -> ExitCode {
    let started = std::time::Instant::now();
    let Some(data_dir) = Library::default_root() else {
        eprintln!("找不到本机的数据文件夹（主目录未设置），无法保存草稿。");
        return ExitCode::FAILURE;
    };
    let choice = renderer.unwrap_or(RendererChoice::Glow);
    let Err(error) = run_with(choice, data_dir, started) else {
        return ExitCode::SUCCESS;
    };
    if std::env::var_os(RETRY_ENV).is_some() {
        // The parent process tells the user what to do next.
        eprintln!("wgpu 也无法打开窗口：{error}。");
        return ExitCode::FAILURE;
    }
    if renderer.is_some() {
        eprintln!(
            "无法用 {} 打开窗口：{error}。可以试试另一种：tianbiao --renderer {}；命令行功能（tianbiao check / export / pack）不需要窗口。",
            choice.name(),
            match choice {
                RendererChoice::Glow => "wgpu",
                RendererChoice::Wgpu => "glow",
            }
        );
        return ExitCode::FAILURE;
    }
    eprintln!("OpenGL（glow）无法打开窗口：{error}。改用 wgpu 重试…");
    retry_with_wgpu()
}

/// Set for the process that retries with wgpu, so only the first process gives advice.
const RETRY_ENV: &str = "TIANBIAO_RENDERER_RETRY";

fn retry_with_wgpu() -> ExitCode {
    let retried = std::env::current_exe().and_then(|exe| {
        std::process::Command::new(exe)
            .args(["--renderer", "wgpu"])
            .env(RETRY_ENV, "1")
            .status()
    });
    match retried {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => {
            eprintln!(
                "两种图形方式都无法打开窗口：这台电脑的显卡驱动可能过旧，或远程桌面不支持3D。请更新显卡驱动，或在本机（非远程）运行；命令行功能（tianbiao check / export / pack）不需要窗口。"
            );
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("无法重新启动程序以改用 wgpu：{error}。请运行 tianbiao --renderer wgpu。");
            ExitCode::FAILURE
        }
    }
}

fn run_with(
    renderer: RendererChoice,
    data_dir: std::path::PathBuf,
    started: std::time::Instant,
) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        renderer: renderer.eframe(),
        // Every PC renders with the embedded font, whatever fonts it has installed.
        system_font_fallback: false,
        viewport: egui::ViewportBuilder::default()
            .with_title("填表助手")
            .with_inner_size([1280.0, 720.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true)
            .with_icon(crate::platform::window_icon()),
        ..Default::default()
    };
    eframe::run_native(
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
    )
}
