//! Starting jobs from the window: the app asks where to put the result (the save dialog), then
//! runs the library's job function on a task; the screen or dialog that asked shows its
//! progress and result. The same functions serve the command line.

use std::path::PathBuf;

use eframe::egui;

use super::app::{Screen, TianbiaoApp, job_color};
use super::dialogs::SaveKind;
use super::exchange_ui::PendingImport;
use super::secretary::Job;
use crate::draft::DraftFolder;
use crate::draft::library::safe_file_stem;
use crate::jobs::{self, Done};
use crate::package::exchange::exchange_file_name;
use crate::package::import::{ImportChoice, ImportOutcome};
use crate::package::pack::PackOptions;
use crate::package::roster::Candidate;
use crate::pdf::compose::ComposeOptions;

impl TianbiaoApp {
    /// 导出PDF: asks where, then exports the draft as it is on screen.
    pub(super) fn run_export(&mut self, ctx: &egui::Context) {
        let Screen::Edit(session) = &mut self.screen else {
            return;
        };
        let Some((definition, campaign)) = self.catalog.pair(&session.editor.draft.campaign) else {
            return;
        };
        let Some(dialog) = &mut session.export else {
            return;
        };
        let name = format!(
            "{}-推荐表.pdf",
            safe_file_stem(session.editor.draft.answers.text("name"))
        );
        let Some(path) = self.dialogs.save_pdf(&name) else {
            return;
        };
        let (folder, draft) = (session.editor.folder.clone(), session.editor.draft.clone());
        let (definition, campaign) = (definition.clone(), campaign.clone());
        let options = dialog.options;
        dialog.job.start(ctx, move || {
            jobs::export(&folder, &draft, &definition, &campaign, options, &path)
        });
    }

    /// 生成汇总表 / 批量导出 / 生成材料包 for the selected candidates.
    pub(super) fn run_secretary_job(&mut self, job: Job, ctx: &egui::Context) {
        let Screen::Secretary(state) = &mut self.screen else {
            return;
        };
        let Some((definition, campaign)) = self.catalog.pair(&state.campaign) else {
            return;
        };
        let chosen: Vec<Candidate> = state.chosen().into_iter().cloned().collect();
        if chosen.is_empty() {
            return;
        }
        let target = match job {
            Job::Summary => self
                .dialogs
                .save_file(SaveKind::Pdf, &format!("{}.pdf", campaign.summary_title)),
            Job::Batch => self.dialogs.save_file(SaveKind::Pdf, "推荐表合订本.pdf"),
            Job::Pack => self.dialogs.pick_folder(),
        };
        let Some(target) = target else {
            return;
        };
        let (definition, campaign) = (definition.clone(), campaign.clone());
        let progress = std::sync::Arc::new(crate::package::progress::Progress::default());
        state.progress = Some(progress.clone());
        state.job.start(ctx, move || {
            let references: Vec<&Candidate> = chosen.iter().collect();
            let options = ComposeOptions {
                seal_guides: true,
                instructions: false,
            };
            match job {
                Job::Summary => {
                    jobs::summary(&references, &definition, &campaign, options, &target)
                }
                Job::Batch => jobs::batch(&references, &definition, &campaign, options, &target),
                Job::Pack => {
                    let options = PackOptions {
                        seal_guides: true,
                        unit: None,
                        progress: Some(progress),
                    };
                    jobs::pack(&references, &definition, &campaign, &target, &options)
                }
            }
        });
    }

    /// 导出zip on the start page: 姓名-推荐材料.zip where the user says.
    pub(super) fn share(&mut self, folder: DraftFolder, ctx: &egui::Context) {
        let draft = match folder.load() {
            Ok((draft, _)) => draft,
            Err(error) => return self.tell(error.to_string(), job_color(false)),
        };
        let Some(path) = self
            .dialogs
            .save_file(SaveKind::Zip, &exchange_file_name(&draft))
        else {
            return;
        };
        self.start_job
            .start(ctx, move || jobs::share(&folder, &draft, &path));
    }

    /// 导入推荐材料: adds a zip; the same candidate already here makes it ask (see `poll_start_job`).
    pub(super) fn import(&mut self, zip: PathBuf, choice: ImportChoice, ctx: &egui::Context) {
        let (library, catalog) = (self.library.clone(), self.catalog.clone());
        self.start_job
            .start(ctx, move || jobs::import(&library, &catalog, &zip, choice));
    }

    /// Tells what the start page's job made, or asks about the same candidate.
    pub(super) fn poll_start_job(&mut self) {
        if !self.start_job.poll() {
            return;
        }
        match self.start_job.take_finished() {
            Some(Ok(Done::Imported {
                zip,
                candidate,
                outcome: ImportOutcome::Conflict(existing),
                ..
            })) => {
                self.pending_import = Some(PendingImport::new(zip, candidate, &existing));
            }
            Some(Ok(done)) => {
                let imported = matches!(done, Done::Imported { .. });
                self.tell(done.message(), job_color(true));
                if imported {
                    self.refresh_drafts();
                }
            }
            Some(Err(error)) => self.tell(error.to_string(), job_color(false)),
            None => {}
        }
    }
}
