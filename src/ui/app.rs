//! The app: owns the catalog, the data folder, the screen shown (one `Session` while a draft is
//! open), the autosaver and the start page's jobs; runs the commands the UI collected during
//! the frame at its end (`app_commands.rs`).

use std::path::PathBuf;

use eframe::egui::{self, Key, Modifiers, RichText};

use super::campaigns::{CampaignsView, campaigns_ui};
use super::command::AppCommand;
use super::dialogs::FileDialogs;
use super::editor::Editor;
use super::exchange_ui::{self, PendingImport};
use super::guide::Panels;
use super::secretary::{SecretaryState, secretary_ui};
use super::session::Session;
use super::start::{StartState, start_ui};
use super::task::JobSlot;
use super::theme;
use crate::draft::autosave::{Autosaver, DEFAULT_DELAY};
use crate::draft::campaign_files::CampaignFile;
use crate::draft::{DraftFolder, DraftSummary, Library};
use crate::form::catalog::Catalog;

/// What the app needs from outside: where its data lives and how to ask for files.
pub struct AppOptions {
    pub data_dir: PathBuf,
    pub dialogs: Box<dyn FileDialogs>,
    /// When the process started, to report the time to the first frame (TIANBIAO_TIMING=1).
    pub started: Option<std::time::Instant>,
}

pub enum Screen {
    Start,
    Edit(Box<Session>),
    Secretary(Box<SecretaryState>),
    /// 活动: the campaigns and the campaign editor.
    Campaigns(Box<super::campaigns::CampaignsState>),
}

pub struct TianbiaoApp {
    pub catalog: Catalog,
    pub library: Library,
    pub screen: Screen,
    pub drafts: Vec<DraftSummary>,
    /// The campaign files of the data folder: which loaded, and why the others did not.
    pub campaign_files: Vec<CampaignFile>,
    pub problems: Vec<String>,
    pub start: StartState,
    /// The panels shown beside the guide, kept from one draft to the next (they hold no data).
    pub(super) panels: Panels,
    /// The preview's zoom, kept likewise.
    pub(super) preview_zoom: f32,
    /// A message for the user (what went wrong, what was done), shown until replaced.
    pub notice: Option<(String, egui::Color32)>,
    /// An import waiting for “replace, keep both or cancel”.
    pub pending_import: Option<PendingImport>,
    /// 导出zip and 导入推荐材料 from the start page.
    pub(super) start_job: JobSlot,
    /// Taken only when the app is dropped, to write what is pending.
    pub(super) autosaver: Option<Autosaver>,
    pub(super) dialogs: Box<dyn FileDialogs>,
    pub(super) deleted: Option<(PathBuf, DraftFolder)>,
    settings: super::settings::Settings,
    /// Whether the saved zoom has been applied (on the first frame).
    zoom_applied: bool,
    started: Option<std::time::Instant>,
}

impl TianbiaoApp {
    pub fn new(options: AppOptions) -> Self {
        let mut problems = Vec::new();
        let mut catalog = Catalog::builtin().unwrap_or_else(|error| {
            problems.push(format!("内置表格定义有误：{error}"));
            Catalog::default()
        });
        crate::files::journal::set_data_dir(&options.data_dir);
        let library = Library::at(&options.data_dir);
        // What a run killed half-way left is cleared before anything is listed.
        problems.extend(library.sweep_leftovers());
        let campaign_files = library.load_campaign_files(&mut catalog);
        let drafts = library.list(&catalog);
        let settings = super::settings::Settings::load(&options.data_dir);
        TianbiaoApp {
            catalog,
            library,
            screen: Screen::Start,
            drafts,
            campaign_files,
            problems,
            start: StartState::default(),
            panels: Panels::default(),
            preview_zoom: 1.0,
            notice: None,
            pending_import: None,
            start_job: JobSlot::Idle,
            autosaver: Some(Autosaver::start(DEFAULT_DELAY)),
            dialogs: options.dialogs,
            deleted: None,
            settings,
            zoom_applied: false,
            started: options.started,
        }
    }

    /// The open draft's session, if a draft is open.
    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Edit(session) => Some(session),
            _ => None,
        }
    }

    pub(super) fn session_mut(&mut self) -> Option<&mut Session> {
        match &mut self.screen {
            Screen::Edit(session) => Some(session),
            _ => None,
        }
    }

    /// Whether a job of the start page (导出zip, 导入推荐材料) is still running.
    pub fn is_working(&self) -> bool {
        self.start_job.is_running()
    }

    pub fn editor(&self) -> Option<&Editor> {
        self.session().map(|session| &session.editor)
    }

    pub(super) fn refresh_drafts(&mut self) {
        self.drafts = self.library.list(&self.catalog);
    }

    /// The start page's problems: leftovers swept at start, and campaign files that did not load.
    fn start_problems(&self) -> Vec<String> {
        let broken = (self.campaign_files.iter())
            .filter_map(|file| file.loaded.as_ref().err())
            .map(|error| format!("未能加载活动文件：{error}"));
        self.problems.iter().cloned().chain(broken).collect()
    }

    pub(super) fn tell(&mut self, message: impl Into<String>, color: egui::Color32) {
        self.notice = Some((message.into(), color));
    }

    fn poll_autosave(&mut self) {
        let events = self
            .autosaver
            .as_ref()
            .map(Autosaver::poll)
            .unwrap_or_default();
        let saved = (events.iter())
            .any(|event| matches!(event, crate::draft::autosave::AutosaveEvent::Saved { .. }));
        for event in events {
            if let Some(notice) = self.session_mut().and_then(|s| s.autosaved(event)) {
                self.notice = Some(notice);
            }
        }
        // A crop moved or a photo replaced: prepared for print once it is on disk.
        if saved && let Screen::Edit(session) = &mut self.screen {
            super::app_commands::prepare_for_print(&self.catalog, session);
        }
    }

    /// Applies the remembered zoom once; remembers a new one (egui handles Ctrl+= / Ctrl+-).
    fn zoom(&mut self, ctx: &egui::Context) {
        if !self.zoom_applied {
            ctx.set_zoom_factor(self.settings.zoom);
            self.zoom_applied = true;
        } else if (ctx.zoom_factor() - self.settings.zoom).abs() > 0.01 {
            self.settings.zoom = ctx.zoom_factor();
            self.settings.save(&self.library.root);
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context, commands: &mut Vec<AppCommand>) {
        if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::S)) {
            commands.push(AppCommand::SaveNow);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_owned())
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        });
        if matches!(self.screen, Screen::Edit(_)) {
            commands.extend(dropped.into_iter().take(1).map(AppCommand::DroppedPhoto));
        }
    }

    fn notice_ui(&mut self, ui: &mut egui::Ui) {
        let Some((message, color)) = self.notice.clone() else {
            return;
        };
        egui::Panel::bottom("notice").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(message).color(color));
                if ui.small_button("知道了").clicked() {
                    self.notice = None;
                }
            });
        });
    }
}

impl eframe::App for TianbiaoApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut commands = Vec::new();
        self.zoom(&ctx);
        if let Some(started) = self.started.take()
            && std::env::var_os("TIANBIAO_TIMING").is_some()
        {
            eprintln!(
                "first frame: {:.0} ms after start",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
        self.shortcuts(&ctx, &mut commands);
        self.poll_autosave();
        self.poll_photo_job();
        self.poll_start_job();
        self.notice_ui(ui);
        match &mut self.screen {
            Screen::Start => {
                let problems = self.start_problems();
                start_ui(
                    ui,
                    &mut self.start,
                    &self.catalog,
                    &self.drafts,
                    &problems,
                    &mut commands,
                );
            }
            Screen::Campaigns(state) => {
                let view = CampaignsView {
                    catalog: &self.catalog,
                    files: &self.campaign_files,
                    drafts: &self.drafts,
                };
                campaigns_ui(ui, state, &view, &mut commands);
            }
            Screen::Secretary(state) => secretary_ui(ui, state, &self.catalog, &mut commands),
            Screen::Edit(session) => {
                let notice = session.ui(ui, &self.catalog, self.autosaver.as_ref(), &mut commands);
                if notice.is_some() {
                    self.notice = notice;
                }
            }
        }
        if let Some(pending) = &self.pending_import {
            exchange_ui::conflict_ui(&ctx, pending, &mut commands);
        }
        for command in commands {
            self.run(command, &ctx);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Screen::Edit(session) = &mut self.screen {
            session.save_now(self.autosaver.as_ref());
        }
    }
}

impl Drop for TianbiaoApp {
    fn drop(&mut self) {
        // The last snapshot is written before the process ends.
        if let Some(autosaver) = self.autosaver.take() {
            autosaver.finish();
        }
    }
}

/// Keeps the panel layout and zoom of a session being closed for the next one.
pub(super) fn view_of(session: &Session) -> (Panels, f32) {
    (session.panels, session.preview.zoom)
}

/// A draft's theme colour for a finished job's message.
pub(super) fn job_color(ok: bool) -> egui::Color32 {
    if ok { theme::OK } else { theme::ERROR }
}
