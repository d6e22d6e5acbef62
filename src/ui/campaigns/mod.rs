//! 活动: the campaigns this PC knows (built in, added, and files that did not load), and the
//! campaign editor that teaches the app next year's notice: one campaign edited in grouped
//! steps, checked live with the same checks as loading a campaign file, saved into the data
//! folder's `campaigns/`. UI only: files are read and written by the app (`app_campaigns.rs`).

mod check;
mod editor;
mod list;
mod notice_ui;
mod questions;
pub mod sheet;
mod steps_form;
mod steps_materials;
mod steps_people;

use std::path::PathBuf;

use eframe::egui::Ui;

pub use check::{problem, tidy, unresolved_marks};
pub use questions::{PendingCampaignDelete, PendingCampaignImport};

use super::command::AppCommand;
use crate::draft::DraftSummary;
use crate::draft::campaign_files::CampaignFile;
use crate::form::campaign::Campaign;
use crate::form::catalog::Catalog;
use crate::form::notice::{Found, Reading};
use crate::package::import::ImportChoice;

/// What the campaign screen asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum CampaignCommand {
    /// Edit a campaign of the catalog (a built-in one is shown read-only).
    Edit(String),
    /// A new campaign copied from one of the catalog.
    Copy(String),
    /// Read a notice's text into a new campaign.
    ReadNotice(String),
    /// Choose a notice file (.txt, .docx, PDF with text) and put its text in the window.
    PickNotice,
    /// Save the campaign being edited into the data folder.
    Save,
    /// Back to the list; the campaign being edited is dropped (unsaved changes were asked for).
    BackToList,
    /// 导出活动文件… for a campaign of the catalog, by id.
    Export(String),
    /// 导入活动文件…
    Import,
    /// The answer to “a campaign with this id is already here”.
    ResolveImport(Option<ImportChoice>),
    /// Move a campaign file to the recycle folder (asks first when drafts use it).
    Delete(String),
    /// The answer to the delete question.
    ConfirmDelete(bool),
    /// Move a campaign file that does not load to the recycle folder.
    TrashBroken(PathBuf),
}

/// The steps of the editor, in the order a notice is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Basic,
    Time,
    Form,
    Photo,
    Materials,
    Submission,
    Rules,
    Silent,
}

impl Step {
    pub const ALL: [Step; 8] = [
        Step::Basic,
        Step::Time,
        Step::Form,
        Step::Photo,
        Step::Materials,
        Step::Submission,
        Step::Rules,
        Step::Silent,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Step::Basic => "基本",
            Step::Time => "时间",
            Step::Form => "表格",
            Step::Photo => "照片",
            Step::Materials => "材料",
            Step::Submission => "报送",
            Step::Rules => "名额与条件",
            Step::Silent => "通知未说明",
        }
    }

    /// The step where a value the notice reader names (in Chinese) is edited.
    pub fn of_reader_field(field: &str) -> Step {
        let has = |words: &[&str]| words.iter().any(|w| field.contains(w));
        if has(&["截止", "报送前"]) {
            Step::Time
        } else if has(&["字数", "感人故事", "佐证材料", "附有推荐表"]) {
            Step::Form
        } else if has(&[
            "报送方式",
            "邮箱",
            "报送部门",
            "联系",
            "地址",
            "邮编",
            "压缩包",
        ]) {
            Step::Submission
        } else if has(&["照片", "证件照", "视频"]) {
            Step::Photo
        } else if has(&["纸质份数", "材料"]) {
            Step::Materials
        } else if has(&["名额", "青年", "个人申报", "出生", "排除"]) {
            Step::Rules
        } else {
            Step::Basic
        }
    }

    /// The step where a place of the load check (a JSON path) is edited.
    pub fn of_place(place: &str) -> Step {
        let head = place.split(['.', '[', '（']).next().unwrap_or(place);
        match head {
            "reference_date" | "deadline" | "before_submission" => Step::Time,
            "word_limits" | "stories" | "instructions" | "evidence" | "form_in_notice" => {
                Step::Form
            }
            "photo" => Step::Photo,
            "materials" | "paper_copies" => Step::Materials,
            "submission" => Step::Submission,
            "quotas" | "youth_rule" | "share_rules" | "eligibility" | "selection" => Step::Rules,
            "silent" => Step::Silent,
            _ => Step::Basic,
        }
    }
}

/// One campaign open in the editor.
#[derive(Debug, Clone)]
pub struct CampaignEdit {
    pub campaign: Campaign,
    /// As last saved; None until saved the first time. Unsaved changes are the difference.
    pub saved: Option<Campaign>,
    /// Its file in the data folder once saved; None for a new or a built-in campaign.
    pub path: Option<PathBuf>,
    /// Built in: shown read-only (copy it to change it).
    pub builtin: bool,
    pub step: Step,
    /// What the notice reader found, where the campaign was made from a notice.
    pub reading: Option<ReadingReport>,
    /// 返回 was pressed with unsaved changes: asking.
    pub leaving: bool,
}

impl CampaignEdit {
    pub fn open(campaign: Campaign, path: Option<PathBuf>, builtin: bool) -> Self {
        CampaignEdit {
            saved: Some(campaign.clone()),
            campaign,
            path,
            builtin,
            step: Step::Basic,
            reading: None,
            leaving: false,
        }
    }

    /// A campaign not saved yet (a copy, or read from a notice).
    pub fn new(campaign: Campaign, reading: Option<ReadingReport>) -> Self {
        CampaignEdit {
            saved: None,
            reading,
            ..CampaignEdit::open(campaign, None, false)
        }
    }

    pub fn is_new(&self) -> bool {
        self.saved.is_none()
    }

    pub fn has_changes(&self) -> bool {
        self.saved.as_ref() != Some(&self.campaign)
    }
}

/// The notice reader's report, kept beside the editor while the campaign is reviewed.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingReport {
    pub found: Vec<Found>,
    pub suggestions: Vec<Found>,
    pub missing: Vec<String>,
}

impl ReadingReport {
    pub fn split(reading: Reading) -> (Campaign, ReadingReport) {
        let report = ReadingReport {
            found: reading.found,
            suggestions: reading.suggestions,
            missing: reading.missing,
        };
        (reading.campaign, report)
    }
}

/// The campaign screen's state: the list, or one campaign in the editor, and the questions.
#[derive(Debug, Default)]
pub struct CampaignsState {
    pub edit: Option<CampaignEdit>,
    /// The 从通知创建 window's text while it is open.
    pub paste: Option<String>,
    pub import: Option<PendingCampaignImport>,
    pub delete: Option<PendingCampaignDelete>,
}

/// What the screen shows besides its own state.
pub struct CampaignsView<'a> {
    pub catalog: &'a Catalog,
    pub files: &'a [CampaignFile],
    pub drafts: &'a [DraftSummary],
}

pub fn campaigns_ui(
    ui: &mut Ui,
    state: &mut CampaignsState,
    view: &CampaignsView,
    commands: &mut Vec<AppCommand>,
) {
    match &mut state.edit {
        Some(edit) => editor::editor_ui(ui, edit, view.catalog, commands),
        None => list::list_ui(ui, state, view, commands),
    }
    let ctx = ui.ctx().clone();
    if let Some(text) = &mut state.paste
        && !notice_ui::paste_ui(&ctx, text, commands)
    {
        state.paste = None;
    }
    if let Some(pending) = &state.import {
        questions::import_ui(&ctx, pending, commands);
    }
    if let Some(pending) = &state.delete {
        questions::delete_ui(&ctx, pending, commands);
    }
}

fn push(commands: &mut Vec<AppCommand>, command: CampaignCommand) {
    commands.push(AppCommand::Campaign(command));
}
