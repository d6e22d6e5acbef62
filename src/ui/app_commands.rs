//! Running the commands the UI collected during a frame: opening, closing, copying and
//! deleting drafts, saving, photos, and resolving questions. Jobs start in `app_jobs.rs`.

use std::path::PathBuf;

use eframe::egui;

use super::app::{Screen, TianbiaoApp, view_of};
use super::command::AppCommand;
use super::editor::SaveStatus;
use super::export_ui::ExportDialog;
use super::photo_job::{Adding, PhotoJob};
use super::secretary::SecretaryState;
use super::session::{SaveWhen, Session};
use super::theme;
use crate::draft::autosave::AutosaveEvent;
use crate::draft::{Draft, DraftFolder};
use crate::form::answers::PhotoRef;
use crate::form::definition::FieldKind;

impl TianbiaoApp {
    pub(super) fn run(&mut self, command: AppCommand, ctx: &egui::Context) {
        match command {
            AppCommand::NewDraft(campaign_id) => self.new_draft(&campaign_id),
            AppCommand::Open(folder) => self.open(folder),
            AppCommand::OpenSample => match crate::draft::sample::create_sample(&self.library) {
                Ok(copy) => self.open(copy),
                Err(error) => self.tell(format!("无法打开示例：{error}"), theme::ERROR),
            },
            AppCommand::Duplicate(folder) => match self.library.duplicate(&folder) {
                Ok(_) => self.refresh_drafts(),
                Err(error) => self.tell(error.to_string(), theme::ERROR),
            },
            AppCommand::Delete(folder) => self.delete(folder),
            AppCommand::UndoDelete => self.undo_delete(),
            AppCommand::Close => {
                if self.flush_before_leaving() {
                    self.screen = Screen::Start;
                    self.refresh_drafts();
                }
            }
            AppCommand::SaveNow => self.save_now(),
            AppCommand::PickPhoto(field) => {
                if let Some(path) = self.dialogs.pick_image() {
                    self.add_photos(&field, Adding::Photo, vec![path], ctx);
                }
            }
            AppCommand::DroppedPhoto(path) => {
                // A dropped file goes to the form's photo field.
                let field = self
                    .editor()
                    .and_then(|editor| self.catalog.pair(&editor.draft.campaign))
                    .and_then(|(definition, _)| {
                        definition
                            .fields()
                            .find(|f| f.kind == FieldKind::Photo)
                            .map(|f| f.id.clone())
                    });
                if let Some(field) = field {
                    self.add_photos(&field, Adding::Photo, vec![path], ctx);
                }
            }
            AppCommand::AddImages(field) => {
                let paths = self.dialogs.pick_images();
                if !paths.is_empty() {
                    self.add_photos(&field, Adding::Images, paths, ctx);
                }
            }
            AppCommand::Export(options) => {
                let catalog = &self.catalog;
                if let Screen::Edit(session) = &mut self.screen
                    && let Some((definition, campaign)) =
                        catalog.pair(&session.editor.draft.campaign)
                {
                    let findings = session.editor.findings(definition, campaign);
                    session.export = Some(ExportDialog::new(options, &findings));
                }
            }
            AppCommand::RunExport => self.run_export(ctx),
            AppCommand::OpenExternally(path) => {
                if let Err(error) = super::system::open_externally(&path) {
                    self.tell(error, theme::ERROR);
                }
            }
            AppCommand::ShowInFolder(path) => {
                if let Err(error) = super::system::show_in_folder(&path) {
                    self.tell(error, theme::ERROR);
                }
            }
            AppCommand::Secretary(campaign) => {
                if !self.flush_before_leaving() {
                    return;
                }
                self.refresh_drafts();
                let campaign = campaign.unwrap_or_else(|| self.busiest_campaign());
                let state = SecretaryState::load(&campaign, &self.drafts, &self.catalog);
                self.screen = Screen::Secretary(Box::new(state));
            }
            AppCommand::SecretaryJob(job) => self.run_secretary_job(job, ctx),
            AppCommand::Share(folder) => self.share(folder, ctx),
            AppCommand::Import => {
                if let Some(zip) = self.dialogs.pick_zip() {
                    self.import(zip, crate::package::import::ImportChoice::Ask, ctx);
                }
            }
            AppCommand::ResolveOutsideChange(keep_mine) => self.resolve_outside_change(keep_mine),
            AppCommand::ResolveImport(choice) => {
                if let (Some(pending), Some(choice)) = (self.pending_import.take(), choice) {
                    self.import(pending.zip, choice, ctx);
                }
            }
            AppCommand::Campaigns => {
                if self.flush_before_leaving() {
                    self.refresh_drafts();
                    self.screen = Screen::Campaigns(Box::default());
                }
            }
            AppCommand::Campaign(command) => self.run_campaign(command),
        }
        ctx.request_repaint();
    }

    fn new_draft(&mut self, campaign_id: &str) {
        let Some((form, _)) = self.catalog.pair(campaign_id) else {
            return;
        };
        let mut draft = Draft::new(&form.id, campaign_id);
        match self.library.create(&mut draft) {
            Ok(folder) => self.edit(folder, draft),
            Err(error) => self.tell(error.to_string(), theme::ERROR),
        }
    }

    fn open(&mut self, folder: DraftFolder) {
        match folder.load() {
            Ok((draft, notes)) => {
                if self.catalog.pair(&draft.campaign).is_none() {
                    let message = crate::draft::library::unknown_campaign(&draft.campaign);
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

    /// Shows a draft in the guide, in a new session (the one before is dropped whole); the
    /// autosaver learns the file as loaded, to notice changes made by others.
    fn edit(&mut self, folder: DraftFolder, draft: Draft) {
        let (panels, zoom) = match &self.screen {
            Screen::Edit(session) => view_of(session),
            _ => (self.panels, self.preview_zoom),
        };
        let session = Session::new(folder, draft, panels, zoom);
        if let Some(autosaver) = &self.autosaver {
            autosaver.loaded(&session.editor.folder, session.editor.disk_stamp());
        }
        self.screen = Screen::Edit(Box::new(session));
    }

    fn delete(&mut self, folder: DraftFolder) {
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

    fn undo_delete(&mut self) {
        if let Some((trashed, folder)) = self.deleted.take() {
            if let Err(error) = self.library.restore(&trashed, &folder) {
                self.tell(error.to_string(), theme::ERROR);
            }
            self.start.deleted = None;
            self.refresh_drafts();
        }
    }

    /// Writes what is on screen before the draft is left, and waits for it: false (the draft
    /// stays open, with the reason shown) when it could not be written. The panels and zoom
    /// are kept for the next draft.
    fn flush_before_leaving(&mut self) -> bool {
        self.save_now();
        let Screen::Edit(session) = &mut self.screen else {
            return true;
        };
        (self.panels, self.preview_zoom) = view_of(session);
        let (editor, Some(autosaver)) = (&mut session.editor, &self.autosaver) else {
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
        if let Screen::Edit(session) = &mut self.screen {
            session.save_now(self.autosaver.as_ref());
        }
    }

    fn resolve_outside_change(&mut self, keep_mine: bool) {
        if keep_mine {
            return self.save_now();
        }
        let Some(session) = self.session_mut() else {
            return;
        };
        let editor = &session.editor;
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

    /// Copies a photo into the draft folder for a photo field, and saves at once.
    /// Reads, checks and copies photos into the draft folder in the background (see
    /// `photo_job`); one job at a time.
    fn add_photos(
        &mut self,
        field: &str,
        adding: Adding,
        paths: Vec<PathBuf>,
        ctx: &egui::Context,
    ) {
        let Screen::Edit(session) = &mut self.screen else {
            return;
        };
        let editor = &mut session.editor;
        if editor.photo_job.is_some() {
            return self.tell("上一张照片还在读取，请稍候再添加。", theme::NEAR);
        }
        let folder = editor.folder.clone();
        editor.photo_job = Some(PhotoJob::start(ctx, folder, field, adding, paths));
    }

    /// Attaches the photos of a finished job, prepares them for print and saves; a photo that
    /// could not be added is said, and nothing of it attached.
    pub(super) fn poll_photo_job(&mut self) {
        let Screen::Edit(session) = &mut self.screen else {
            return;
        };
        let editor = &mut session.editor;
        let Some(results) = editor.photo_job.as_ref().and_then(PhotoJob::poll) else {
            return;
        };
        let Some(job) = editor.photo_job.take() else {
            return;
        };
        let mut problems = Vec::new();
        let mut added = false;
        for result in results {
            match result {
                Ok(photo) => {
                    added = true;
                    match job.adding {
                        Adding::Photo => editor.draft.answers.set_photo(&job.field, photo),
                        Adding::Images => {
                            let mut images = editor.draft.answers.images(&job.field).to_vec();
                            images.push(PhotoRef {
                                caption: Some(String::new()),
                                ..photo
                            });
                            editor.draft.answers.set_images(&job.field, images);
                        }
                    }
                }
                Err(error) => problems.push(error.to_string()),
            }
        }
        if added {
            editor.shown.insert(job.field.clone());
            prepare_for_print(&self.catalog, session);
            session.queue_save(self.autosaver.as_ref(), SaveWhen::Now);
        }
        if !problems.is_empty() {
            self.notice = Some((problems.join("\n"), theme::ERROR));
        }
    }
}

/// A photo was added or a crop moved (seen when the draft is saved): the print versions are
/// prepared in the background (print cache), so the export finds them ready.
pub(super) fn prepare_for_print(catalog: &crate::form::catalog::Catalog, session: &mut Session) {
    let editor = &session.editor;
    if let Some((definition, campaign)) = catalog.pair(&editor.draft.campaign) {
        let targets =
            crate::form::printed::image_targets(definition, campaign, &editor.draft.answers);
        if targets != session.prepared {
            let dir = editor.folder.dir.clone();
            crate::photo::prepare::prepare_in_background(dir, targets.clone());
            session.prepared = targets;
        }
    }
}
