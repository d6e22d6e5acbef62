//! The app: owns the catalog, the data folder, the screen shown, autosave and the export job;
//! runs the commands the UI collected during the frame at its end.

use std::path::PathBuf;

use eframe::egui::{self, Key, Modifiers, RichText};

use super::command::Command;
use super::dialogs::FileDialogs;
use super::editor::{Editor, SaveStatus};
use super::exchange_ui::{self, Imported, PendingImport};
use super::guide::{Panels, guide_ui};
use super::secretary::{SecretaryState, secretary_ui};
use super::start::{StartState, start_ui};
use super::{export_ui, preview, theme};
use crate::draft::autosave::{AutosaveEvent, Autosaver, DEFAULT_DELAY};
use crate::draft::{Draft, DraftFolder, DraftSummary, Library};
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
    Edit(Box<Editor>),
    Secretary(Box<SecretaryState>),
}

pub struct TianbiaoApp {
    pub catalog: Catalog,
    pub library: Library,
    pub screen: Screen,
    pub drafts: Vec<DraftSummary>,
    pub problems: Vec<String>,
    pub start: StartState,
    pub panels: Panels,
    pub export: Option<export_ui::ExportDialog>,
    pub preview: preview::Preview,
    /// A message for the user (what went wrong, what was done), shown until replaced.
    pub notice: Option<(String, egui::Color32)>,
    /// An import waiting for “replace, keep both or cancel”.
    pub pending_import: Option<PendingImport>,
    /// Taken only when the app is dropped, to write what is pending.
    autosaver: Option<Autosaver>,
    dialogs: Box<dyn FileDialogs>,
    deleted: Option<(PathBuf, DraftFolder)>,
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
            Catalog {
                forms: Vec::new(),
                campaigns: Vec::new(),
            }
        });
        let library = Library::at(&options.data_dir);
        problems.extend(
            library
                .load_user_campaigns(&mut catalog)
                .iter()
                .map(|e| format!("未能加载活动文件：{e}")),
        );
        let drafts = library.list(&catalog);
        let settings = super::settings::Settings::load(&options.data_dir);
        TianbiaoApp {
            catalog,
            library,
            screen: Screen::Start,
            drafts,
            problems,
            start: StartState::default(),
            panels: Panels::default(),
            export: None,
            preview: preview::Preview::default(),
            notice: None,
            pending_import: None,
            autosaver: Some(Autosaver::start(DEFAULT_DELAY)),
            dialogs: options.dialogs,
            deleted: None,
            settings,
            zoom_applied: false,
            started: options.started,
        }
    }

    pub fn editor(&self) -> Option<&Editor> {
        match &self.screen {
            Screen::Edit(editor) => Some(editor),
            Screen::Start | Screen::Secretary(_) => None,
        }
    }

    fn refresh_drafts(&mut self) {
        self.drafts = self.library.list(&self.catalog);
    }

    fn tell(&mut self, message: impl Into<String>, color: egui::Color32) {
        self.notice = Some((message.into(), color));
    }

    fn poll_autosave(&mut self) {
        let events = self
            .autosaver
            .as_ref()
            .map(Autosaver::poll)
            .unwrap_or_default();
        for event in events {
            let Screen::Edit(editor) = &mut self.screen else {
                continue;
            };
            match event {
                AutosaveEvent::Saved {
                    folder,
                    saved_at,
                    draft,
                    stamp,
                    kept,
                    ..
                } if folder == editor.folder => {
                    editor.draft.saved_at = saved_at;
                    editor.saved(*draft, saved_at, stamp);
                    if let Some(kept) = kept {
                        self.notice = Some((
                            format!(
                                "草稿文件曾在本程序之外被修改；那个版本已另存为 {}，现在保存的是本程序中的内容。",
                                kept.display()
                            ),
                            theme::HINT,
                        ));
                    }
                }
                AutosaveEvent::Failed { folder, message } if folder == editor.folder => {
                    editor.status = SaveStatus::Failed(message.clone());
                    self.notice = Some((message, theme::ERROR));
                }
                _ => {}
            }
        }
    }

    fn open(&mut self, folder: DraftFolder) {
        match folder.load() {
            Ok((draft, notes)) => {
                if self.catalog.pair(&draft.campaign).is_none() {
                    let message = format!(
                        "不认识这份草稿的活动“{}”：请把该活动的通知文件放入数据文件夹的 campaigns 中。",
                        draft.campaign
                    );
                    return self.tell(message, theme::ERROR);
                }
                if let Some(schema) = notes.migrated_from {
                    self.tell(
                        format!("这份草稿是旧格式（版本 {schema}），已按新格式打开，保存后更新。"),
                        theme::HINT,
                    );
                }
                self.edit(folder, draft);
            }
            Err(error) => self.tell(error.to_string(), theme::ERROR),
        }
    }

    /// Shows a draft in the guide; the autosaver learns the file as loaded, to notice changes
    /// made by others.
    fn edit(&mut self, folder: DraftFolder, draft: Draft) {
        let editor = Editor::new(folder, draft);
        if let Some(autosaver) = &self.autosaver {
            autosaver.loaded(&editor.folder, editor.disk_stamp());
        }
        self.screen = Screen::Edit(Box::new(editor));
    }

    /// Writes what is on screen before the editor is left, and waits for it: false (the editor
    /// stays, with the reason shown) when it could not be written.
    fn flush_before_leaving(&mut self) -> bool {
        self.save_now();
        let (Screen::Edit(editor), Some(autosaver)) = (&mut self.screen, &self.autosaver) else {
            return true;
        };
        if !editor.is_dirty() && !matches!(editor.status, SaveStatus::Pending) {
            return true;
        }
        let timeout = std::time::Duration::from_secs(10);
        let events = autosaver.save_and_wait(&editor.folder, &editor.draft, timeout);
        let written = events.iter().any(|event| {
            matches!(event, AutosaveEvent::Saved { folder, draft, .. }
                if *folder == editor.folder && draft.same_content(&editor.draft))
        });
        if written {
            return true;
        }
        let message = events
            .iter()
            .find_map(|event| match event {
                AutosaveEvent::Failed { message, .. } => Some(message.clone()),
                AutosaveEvent::Saved { .. } => None,
            })
            .unwrap_or_else(|| "保存超时（磁盘忙或无响应），内容仍在程序中，请稍后再试。".into());
        editor.status = SaveStatus::Failed(message.clone());
        self.tell(message, theme::ERROR);
        false
    }

    fn save_now(&mut self) {
        // With another's change on disk, ours is written after theirs is kept (the autosaver
        // keeps it under kept/ first): nothing is lost either way.
        if let Screen::Edit(editor) = &mut self.screen
            && editor.changed_outside
        {
            editor.changed_outside = false;
            editor.force_dirty();
        }
        if let Screen::Edit(editor) = &mut self.screen
            && editor.is_dirty()
        {
            editor.status = SaveStatus::Pending;
            if let Some(autosaver) = &self.autosaver {
                autosaver.save_now(&editor.folder, &editor.draft);
            }
        }
    }

    fn run(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::NewDraft(campaign_id) => {
                let Some((form, _)) = self.catalog.pair(&campaign_id) else {
                    return;
                };
                let mut draft = Draft::new(&form.id, &campaign_id);
                match self.library.create(&mut draft) {
                    Ok(folder) => self.edit(folder, draft),
                    Err(error) => self.tell(error.to_string(), theme::ERROR),
                }
            }
            Command::Open(folder) => self.open(folder),
            Command::OpenSample => self.open_sample(),
            Command::Duplicate(folder) => match self.library.duplicate(&folder) {
                Ok(_) => self.refresh_drafts(),
                Err(error) => self.tell(error.to_string(), theme::ERROR),
            },
            Command::Delete(folder) => {
                let name = self
                    .drafts
                    .iter()
                    .find(|d| d.folder == folder)
                    .map(|d| d.name.clone())
                    .unwrap_or_default();
                match self.library.delete(&folder) {
                    Ok(trashed) => {
                        self.deleted = Some((trashed, folder));
                        self.start.deleted = Some(name);
                        self.refresh_drafts();
                    }
                    Err(error) => self.tell(error.to_string(), theme::ERROR),
                }
            }
            Command::UndoDelete => {
                if let Some((trashed, folder)) = self.deleted.take() {
                    if let Err(error) = self.library.restore(&trashed, &folder) {
                        self.tell(error.to_string(), theme::ERROR);
                    }
                    self.start.deleted = None;
                    self.refresh_drafts();
                }
            }
            Command::Close => {
                if !self.flush_before_leaving() {
                    return;
                }
                self.screen = Screen::Start;
                self.export = None;
                self.refresh_drafts();
            }
            Command::SaveNow => self.save_now(),
            Command::PickPhoto(field) => {
                if let Some(path) = self.dialogs.pick_image() {
                    self.add_photo(&field, path);
                }
            }
            Command::DroppedPhoto(path) => {
                // A dropped file goes to the form's photo field.
                let field = self
                    .editor()
                    .and_then(|editor| self.catalog.pair(&editor.draft.campaign))
                    .and_then(|(definition, _)| {
                        definition
                            .fields()
                            .find(|f| f.kind == crate::form::definition::FieldKind::Photo)
                            .map(|f| f.id.clone())
                    });
                if let Some(field) = field {
                    self.add_photo(&field, path);
                }
            }
            Command::AddImages(field) => {
                for path in self.dialogs.pick_images() {
                    self.add_image(&field, path);
                }
            }
            Command::Export(options) => {
                if let Screen::Edit(editor) = &self.screen
                    && let Some((definition, campaign)) = self.catalog.pair(&editor.draft.campaign)
                {
                    self.export = Some(export_ui::ExportDialog::new(
                        options,
                        &editor.findings(definition, campaign),
                    ));
                }
            }
            Command::OpenExternally(path) => {
                if let Err(error) = export_ui::open_externally(&path) {
                    self.tell(error, theme::ERROR);
                }
            }
            Command::Secretary(campaign) => {
                if !self.flush_before_leaving() {
                    return;
                }
                self.refresh_drafts();
                let campaign = campaign.unwrap_or_else(|| self.busiest_campaign());
                let state = SecretaryState::load(&campaign, &self.drafts, &self.catalog);
                self.screen = Screen::Secretary(Box::new(state));
            }
            Command::SecretaryJob(job) => {
                if let Screen::Secretary(state) = &mut self.screen {
                    state.start(job, &self.catalog, self.dialogs.as_mut());
                }
            }
            Command::Share(folder) => match exchange_ui::share(&folder, self.dialogs.as_mut()) {
                Some(Ok(message)) => self.tell(message, theme::OK),
                Some(Err(message)) => self.tell(message, theme::ERROR),
                None => {}
            },
            Command::Import => {
                if let Some(zip) = self.dialogs.pick_zip() {
                    self.import(zip, crate::package::import::ImportChoice::Ask);
                }
            }
            Command::ResolveOutsideChange(keep_mine) => self.resolve_outside_change(keep_mine),
            Command::ResolveImport(choice) => {
                if let (Some(pending), Some(choice)) = (self.pending_import.take(), choice) {
                    self.import(pending.zip, choice);
                }
            }
        }
        ctx.request_repaint();
    }

    fn import(&mut self, zip: PathBuf, choice: crate::package::import::ImportChoice) {
        match exchange_ui::import(&self.library, &self.catalog, zip, choice) {
            Ok(Imported::Done(message)) => self.tell(message, theme::OK),
            Ok(Imported::Ask(pending)) => self.pending_import = Some(pending),
            Err(message) => self.tell(message, theme::ERROR),
        }
        self.refresh_drafts();
    }

    fn resolve_outside_change(&mut self, keep_mine: bool) {
        if keep_mine {
            return self.save_now();
        }
        let Screen::Edit(editor) = &mut self.screen else {
            return;
        };
        let kept = match editor.folder.keep_draft(&editor.draft, "本机版本") {
            Ok(kept) => kept,
            Err(error) => return self.tell(error.to_string(), theme::ERROR),
        };
        let folder = editor.folder.clone();
        self.open(folder);
        self.tell(
            format!(
                "已载入磁盘上的版本；您在本机的版本另存为 {}",
                kept.display()
            ),
            theme::HINT,
        );
    }

    /// The campaign most drafts belong to (the secretary's own, usually), else the newest.
    fn busiest_campaign(&self) -> String {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for draft in &self.drafts {
            *counts.entry(draft.campaign.as_str()).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map(|(id, _)| id.to_owned())
            .or_else(|| self.catalog.campaigns.first().map(|c| c.id.clone()))
            .unwrap_or_default()
    }

    fn open_sample(&mut self) {
        match crate::draft::sample::create_sample(&self.library) {
            Ok(copy) => self.open(copy),
            Err(error) => self.tell(format!("无法打开示例：{error}"), theme::ERROR),
        }
    }

    fn add_photo(&mut self, field: &str, path: PathBuf) {
        let Screen::Edit(editor) = &mut self.screen else {
            return;
        };
        match editor.folder.add_photo(&path, "photo") {
            Ok(photo) => {
                editor.draft.answers.set_photo(field, photo);
                editor.shown.insert(field.to_owned());
                editor.status = SaveStatus::Pending;
                if let Some(autosaver) = &self.autosaver {
                    autosaver.save_now(&editor.folder, &editor.draft);
                }
            }
            Err(error) => self.notice = Some((error.to_string(), theme::ERROR)),
        }
    }

    fn add_image(&mut self, field: &str, path: PathBuf) {
        let Screen::Edit(editor) = &mut self.screen else {
            return;
        };
        match editor.folder.add_photo(&path, "evidence") {
            Ok(mut image) => {
                image.caption = Some(String::new());
                let mut images = editor.draft.answers.images(field).to_vec();
                images.push(image);
                editor.draft.answers.set_images(field, images);
                editor.status = SaveStatus::Pending;
                if let Some(autosaver) = &self.autosaver {
                    autosaver.save_now(&editor.folder, &editor.draft);
                }
            }
            Err(error) => self.notice = Some((error.to_string(), theme::ERROR)),
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

    fn shortcuts(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::S)) {
            commands.push(Command::SaveNow);
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
            commands.extend(dropped.into_iter().take(1).map(Command::DroppedPhoto));
        }
    }
}

/// Which version to keep when the draft file changed outside the app; both are kept on disk.
fn outside_change_ui(ctx: &egui::Context, commands: &mut Vec<Command>) {
    egui::Window::new("草稿文件已在外部修改")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
        .show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.label(
                "磁盘上的草稿与本程序中的不同。无论选哪个，另一个版本都会另存一份，不会丢失。",
            );
            ui.horizontal(|ui| {
                if ui.button("保留本程序中的版本").clicked() {
                    commands.push(Command::ResolveOutsideChange(true));
                }
                if ui.button("载入磁盘上的版本").clicked() {
                    commands.push(Command::ResolveOutsideChange(false));
                }
            });
        });
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
        if let Some((message, color)) = self.notice.clone() {
            egui::Panel::bottom("notice").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(message).color(color));
                    if ui.small_button("知道了").clicked() {
                        self.notice = None;
                    }
                });
            });
        }
        match &mut self.screen {
            Screen::Start => start_ui(
                ui,
                &mut self.start,
                &self.catalog,
                &self.drafts,
                &self.problems,
                &mut commands,
            ),
            Screen::Secretary(state) => secretary_ui(ui, state, &self.catalog, &mut commands),
            Screen::Edit(editor) => {
                if let Some((definition, campaign)) = self.catalog.pair(&editor.draft.campaign) {
                    if self.panels.preview {
                        egui::Panel::right("preview")
                            .default_size(420.0)
                            .show(ui, |ui| {
                                self.preview.ui(ui, editor, definition, campaign);
                            });
                    }
                    let changed = guide_ui(
                        ui,
                        editor,
                        definition,
                        campaign,
                        &mut self.panels,
                        &mut commands,
                    );
                    if changed && editor.is_dirty() {
                        // While the file on disk holds someone else's change, nothing is
                        // written over it until the user chooses.
                        if !editor.changed_outside {
                            editor.status = SaveStatus::Pending;
                            if let Some(autosaver) = &self.autosaver {
                                autosaver.edited(&editor.folder, &editor.draft);
                            }
                        }
                        self.preview.edited();
                    }
                    if editor.check_disk() {
                        self.notice = Some((
                            "草稿文件在本程序之外被修改了（可能在另一个窗口或另一台电脑上打开过）。自动保存已暂停，请选择保留哪个版本。".into(),
                            theme::ERROR,
                        ));
                    }
                    if editor.changed_outside {
                        outside_change_ui(&ctx, &mut commands);
                    }
                    if let Some(dialog) = &mut self.export {
                        let open = dialog.ui(
                            &ctx,
                            editor,
                            definition,
                            campaign,
                            self.dialogs.as_mut(),
                            &mut commands,
                        );
                        if !open {
                            self.export = None;
                        }
                    }
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
        self.save_now();
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
