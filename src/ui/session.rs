//! One open draft: the editor, its preview, its export dialog, its thumbnails and its autosave
//! bookkeeping, in one value. Opening another draft drops the session whole, so nothing of one
//! candidate can show on another's screen.

use eframe::egui;

use super::command::AppCommand;
use super::editor::{Editor, SaveStatus};
use super::export_ui::ExportDialog;
use super::guide::{Panels, guide_ui};
use super::preview::Preview;
use super::theme;
use crate::draft::autosave::{AutosaveEvent, Autosaver};
use crate::draft::{Draft, DraftFolder};
use crate::form::catalog::Catalog;

/// When a change goes to disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveWhen {
    /// After the pause in typing (autosave's debounce).
    AfterPause,
    /// At once (Ctrl+S, a photo added, leaving a section).
    Now,
}

/// Something to tell the user, with its colour.
pub type Notice = (String, egui::Color32);

pub struct Session {
    pub editor: Editor,
    pub preview: Preview,
    pub export: Option<ExportDialog>,
    pub panels: Panels,
    /// The photos last handed to the background preparation (print cache), so that only a
    /// change (a photo added, a crop moved) starts it again.
    pub prepared: Vec<crate::form::printed::ImageTarget>,
}

impl Session {
    /// A session for a draft just loaded; the panels and zoom the user had stay as they were.
    pub fn new(folder: DraftFolder, draft: Draft, panels: Panels, zoom: f32) -> Self {
        let mut preview = Preview::default();
        preview.zoom = zoom;
        Session {
            editor: Editor::new(folder, draft),
            preview,
            export: None,
            panels,
            prepared: Vec::new(),
        }
    }

    /// Marks what is on screen as on its way to disk and hands it to the autosaver. While the
    /// file on disk holds someone else's change, nothing is written over it until the user
    /// chooses (unless `force` says they chose ours).
    pub fn queue_save(&mut self, autosaver: Option<&Autosaver>, when: SaveWhen) {
        let editor = &mut self.editor;
        if editor.changed_outside || !editor.is_dirty() {
            return;
        }
        editor.status = SaveStatus::Pending;
        if let Some(autosaver) = autosaver {
            match when {
                SaveWhen::AfterPause => autosaver.edited(&editor.folder, &editor.draft),
                SaveWhen::Now => autosaver.save_now(&editor.folder, &editor.draft),
            }
        }
    }

    /// Saves at once; with another's change on disk, ours is written after theirs is kept (the
    /// autosaver keeps it under kept/ first): nothing is lost either way.
    pub fn save_now(&mut self, autosaver: Option<&Autosaver>) {
        if self.editor.changed_outside {
            self.editor.changed_outside = false;
            self.editor.force_dirty();
        }
        self.queue_save(autosaver, SaveWhen::Now);
    }

    /// Takes in what the autosaver reports about this draft; returns what to tell.
    pub fn autosaved(&mut self, event: AutosaveEvent) -> Option<Notice> {
        let editor = &mut self.editor;
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
                kept.map(|kept| {
                    (
                        format!(
                            "草稿文件曾在本程序之外被修改；那个版本已另存为 {}，现在保存的是本程序中的内容。",
                            kept.display()
                        ),
                        theme::HINT,
                    )
                })
            }
            AutosaveEvent::Failed { folder, message } if folder == editor.folder => {
                editor.status = SaveStatus::Failed(message.clone());
                Some((message, theme::ERROR))
            }
            _ => None,
        }
    }

    /// Draws the guide, the preview and the dialogs of this draft; returns what to tell.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        catalog: &Catalog,
        autosaver: Option<&Autosaver>,
        commands: &mut Vec<AppCommand>,
    ) -> Option<Notice> {
        let ctx = ui.ctx().clone();
        let (definition, campaign) = catalog.pair(&self.editor.draft.campaign)?;
        self.editor.refresh_photo_checks(definition);
        if self.panels.preview {
            egui::Panel::right("preview")
                .default_size(420.0)
                .show(ui, |ui| {
                    self.preview.ui(ui, &mut self.editor, definition, campaign);
                });
        }
        let changed = guide_ui(
            ui,
            &mut self.editor,
            definition,
            campaign,
            &mut self.panels,
            commands,
        );
        if changed && self.editor.is_dirty() {
            self.queue_save(autosaver, SaveWhen::AfterPause);
            self.preview.edited();
        }
        let mut notice = None;
        if self.editor.check_disk() {
            notice = Some((
                "草稿文件在本程序之外被修改了（可能在另一个窗口或另一台电脑上打开过）。自动保存已暂停，请选择保留哪个版本。".to_owned(),
                theme::ERROR,
            ));
        }
        if self.editor.changed_outside {
            outside_change_ui(&ctx, commands);
        }
        if let Some(dialog) = &mut self.export
            && !dialog.ui(&ctx, commands)
        {
            self.export = None;
        }
        notice
    }
}

/// Which version to keep when the draft file changed outside the app; both are kept on disk.
fn outside_change_ui(ctx: &egui::Context, commands: &mut Vec<AppCommand>) {
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
                    commands.push(AppCommand::ResolveOutsideChange(true));
                }
                if ui.button("载入磁盘上的版本").clicked() {
                    commands.push(AppCommand::ResolveOutsideChange(false));
                }
            });
        });
}
