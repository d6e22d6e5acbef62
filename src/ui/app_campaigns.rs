//! Running what the campaigns screen asks for: opening a campaign in the editor, saving it into
//! the data folder, reading a notice, exporting and importing campaign files, deleting one. After
//! each change on disk the catalog is built again, so drafts, the start page and the secretary's
//! screen see the campaign as saved.

use std::path::PathBuf;

use super::app::{Screen, TianbiaoApp};
use super::campaigns::{
    CampaignCommand, CampaignEdit, CampaignsState, PendingCampaignDelete, PendingCampaignImport,
    ReadingReport, problem, tidy,
};
use super::dialogs::SaveKind;
use super::theme;
use crate::draft::campaign_files::{read_campaign_file, write_campaign};
use crate::form::campaign::Campaign;
use crate::form::catalog::Catalog;
use crate::package::import::ImportChoice;

impl TianbiaoApp {
    pub(super) fn run_campaign(&mut self, command: CampaignCommand) {
        if !matches!(self.screen, Screen::Campaigns(_)) {
            return;
        }
        match command {
            CampaignCommand::Edit(id) => self.open_campaign(&id),
            CampaignCommand::Copy(id) => {
                if let Some(mut campaign) = self.catalog.campaign(&id).cloned() {
                    campaign.id = free_id(&self.catalog, &campaign.id);
                    self.with_campaigns(|state| {
                        state.edit = Some(CampaignEdit::new(campaign, None))
                    });
                }
            }
            CampaignCommand::ReadNotice(text) => {
                let reading = crate::form::notice::read_notice(&text);
                let (mut campaign, report) = ReadingReport::split(reading);
                if self.catalog.campaign(&campaign.id).is_some() {
                    campaign.id = free_id(&self.catalog, &campaign.id);
                }
                self.with_campaigns(|state| {
                    state.paste = None;
                    state.edit = Some(CampaignEdit::new(campaign, Some(report)));
                });
            }
            CampaignCommand::PickNotice => self.pick_notice(),
            CampaignCommand::Save => self.save_campaign(),
            CampaignCommand::BackToList => {
                self.with_campaigns(|state| state.edit = None);
            }
            CampaignCommand::Export(id) => self.export_campaign(&id),
            CampaignCommand::Import => self.import_campaign(),
            CampaignCommand::ResolveImport(choice) => self.resolve_campaign_import(choice),
            CampaignCommand::Delete(id) => self.ask_delete_campaign(&id),
            CampaignCommand::ConfirmDelete(yes) => {
                let pending = self.with_campaigns(|state| state.delete.take()).flatten();
                if let (Some(pending), true) = (pending, yes) {
                    self.trash_campaign_file(pending.path, &pending.title);
                }
            }
            CampaignCommand::TrashBroken(path) => {
                let name = path.display().to_string();
                self.trash_campaign_file(path, &name);
            }
        }
    }

    /// Builds the catalog again from the built-in campaigns and the data folder's files.
    pub(super) fn reload_catalog(&mut self) {
        let Ok(mut catalog) = Catalog::builtin() else {
            return;
        };
        self.campaign_files = self.library.load_campaign_files(&mut catalog);
        self.catalog = catalog;
        self.refresh_drafts();
    }

    fn with_campaigns<T>(&mut self, change: impl FnOnce(&mut CampaignsState) -> T) -> Option<T> {
        match &mut self.screen {
            Screen::Campaigns(state) => Some(change(state)),
            _ => None,
        }
    }

    /// The data folder's file of a campaign, where it came from one.
    fn campaign_path(&self, id: &str) -> Option<PathBuf> {
        (self.campaign_files.iter())
            .find(|file| file.loaded.as_deref() == Ok(id))
            .map(|file| file.path.clone())
    }

    fn open_campaign(&mut self, id: &str) {
        let Some(campaign) = self.catalog.campaign(id).cloned() else {
            return;
        };
        let builtin = self.catalog.is_builtin(id);
        let path = self.campaign_path(id);
        self.with_campaigns(|state| state.edit = Some(CampaignEdit::open(campaign, path, builtin)));
    }

    fn pick_notice(&mut self) {
        let Some(path) = self.dialogs.pick_notice() else {
            return;
        };
        match crate::jobs::notice::notice_text(&path) {
            Ok(text) => {
                self.with_campaigns(|state| state.paste = Some(text));
            }
            Err(message) => self.tell(message, theme::ERROR),
        }
    }

    fn save_campaign(&mut self) {
        let Screen::Campaigns(state) = &mut self.screen else {
            return;
        };
        let Some(edit) = state.edit.as_mut().filter(|edit| !edit.builtin) else {
            return;
        };
        if let Some(error) = problem(&self.catalog, &edit.campaign, edit.is_new()) {
            let message = format!("活动未保存：{}", error.problem);
            return self.tell(message, theme::ERROR);
        }
        tidy(&mut edit.campaign);
        let path = (edit.path.clone())
            .unwrap_or_else(|| self.library.new_campaign_path(&edit.campaign.id));
        let message = match self.library.save_campaign(&path, &edit.campaign) {
            Ok(()) => {
                edit.path = Some(path.clone());
                edit.saved = Some(edit.campaign.clone());
                edit.leaving = false;
                Ok(format!(
                    "已保存活动“{}”：{}",
                    edit.campaign.form_title,
                    path.display()
                ))
            }
            Err(error) => Err(format!("活动未保存：{error}")),
        };
        match message {
            Ok(message) => {
                self.reload_catalog();
                self.tell(message, theme::OK);
            }
            Err(message) => self.tell(message, theme::ERROR),
        }
    }

    fn export_campaign(&mut self, id: &str) {
        let Some(campaign) = self.catalog.campaign(id).cloned() else {
            return;
        };
        let suggested = format!("{}.json", campaign.id);
        let Some(path) = self.dialogs.save_file(SaveKind::Campaign, &suggested) else {
            return;
        };
        match write_campaign(&path, &campaign) {
            Ok(()) => self.tell(
                format!(
                    "已导出活动文件：{}。随通知发给各单位，他们在“活动…”中导入。",
                    path.display()
                ),
                theme::OK,
            ),
            Err(error) => self.tell(error, theme::ERROR),
        }
    }

    fn import_campaign(&mut self) {
        let Some(path) = self.dialogs.pick_campaign_file() else {
            return;
        };
        let campaign = match read_campaign_file(&path, &self.catalog) {
            Ok(campaign) => campaign,
            Err(message) => return self.tell(message, theme::ERROR),
        };
        match self.catalog.campaign(&campaign.id) {
            Some(existing) => {
                let pending = PendingCampaignImport {
                    existing_title: existing.form_title.clone(),
                    existing_builtin: self.catalog.is_builtin(&campaign.id),
                    campaign,
                };
                self.with_campaigns(|state| state.import = Some(pending));
            }
            None => self.add_imported(campaign, None),
        }
    }

    fn resolve_campaign_import(&mut self, choice: Option<ImportChoice>) {
        let Some(pending) = self.with_campaigns(|state| state.import.take()).flatten() else {
            return;
        };
        let mut campaign = pending.campaign;
        match choice {
            Some(ImportChoice::Replace) => {
                let old = self.campaign_path(&campaign.id);
                self.add_imported(campaign, old);
            }
            Some(ImportChoice::KeepBoth) => {
                campaign.id = free_id(&self.catalog, &campaign.id);
                self.add_imported(campaign, None);
            }
            Some(ImportChoice::Ask) | None => {}
        }
    }

    /// Saves an imported campaign into the data folder; the file it replaces goes to the
    /// recycle folder first.
    fn add_imported(&mut self, campaign: Campaign, replaces: Option<PathBuf>) {
        if let Some(old) = replaces
            && let Err(error) = self.library.trash_campaign(&old)
        {
            return self.tell(format!("未导入：{error}"), theme::ERROR);
        }
        let path = self.library.new_campaign_path(&campaign.id);
        match self.library.save_campaign(&path, &campaign) {
            Ok(()) => {
                self.reload_catalog();
                let message = format!("已导入活动“{}”。", campaign.form_title);
                self.tell(message, theme::OK);
            }
            Err(error) => self.tell(format!("未导入：{error}"), theme::ERROR),
        }
    }

    fn ask_delete_campaign(&mut self, id: &str) {
        let (Some(path), Some(campaign)) = (self.campaign_path(id), self.catalog.campaign(id))
        else {
            return;
        };
        let pending = PendingCampaignDelete {
            id: id.to_owned(),
            title: campaign.form_title.clone(),
            path,
            drafts: self.drafts.iter().filter(|d| d.campaign == id).count(),
        };
        self.with_campaigns(|state| state.delete = Some(pending));
    }

    fn trash_campaign_file(&mut self, path: PathBuf, name: &str) {
        match self.library.trash_campaign(&path) {
            Ok(target) => {
                self.reload_catalog();
                let message = format!("已把活动“{name}”移到回收文件夹：{}", target.display());
                self.tell(message, theme::OK);
            }
            Err(error) => self.tell(error, theme::ERROR),
        }
    }
}

/// An id no campaign has: the given one with -2, -3 … appended.
fn free_id(catalog: &Catalog, base: &str) -> String {
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| catalog.campaign(id).is_none())
        .unwrap_or_else(|| base.to_owned())
}
