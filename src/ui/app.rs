//! The app: owns the catalog, the data folder, the screen shown, autosave and the export job;
//! runs the commands the UI collected during the frame at its end.

use std::path::PathBuf;

use eframe::egui::{self, Key, Modifiers, RichText};

use super::command::Command;
use super::dialogs::FileDialogs;
use super::editor::{Editor, SaveStatus};
use super::guide::{Panels, guide_ui};
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
            Screen::Start => None,
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
                    folder, saved_at, ..
                } if folder == editor.folder => {
                    let mut content = editor.draft.clone();
                    content.saved_at = saved_at;
                    editor.draft.saved_at = saved_at;
                    editor.saved(content, saved_at);
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
                self.screen = Screen::Edit(Box::new(Editor::new(folder, draft)));
            }
            Err(error) => self.tell(error.to_string(), theme::ERROR),
        }
    }

    fn save_now(&mut self) {
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
                    Ok(folder) => self.screen = Screen::Edit(Box::new(Editor::new(folder, draft))),
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
                self.save_now();
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
        }
        ctx.request_repaint();
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
                        editor.status = SaveStatus::Pending;
                        if let Some(autosaver) = &self.autosaver {
                            autosaver.edited(&editor.folder, &editor.draft);
                        }
                        self.preview.edited();
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
