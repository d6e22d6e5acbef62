//! The secretary's screen: every draft of one campaign in a table (name, unit, age, errors,
//! warnings, completeness), a selection, the youth figure and quotas for it, and three jobs run
//! off the UI thread: 生成汇总表, 批量导出 (one PDF, each form from an odd page), 生成材料包.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui::{self, RichText, Ui};

use super::command::AppCommand;
use super::task::{JobSlot, job_ui};
use super::theme;
use crate::draft::DraftSummary;
use crate::form::catalog::Catalog;
use crate::package::progress::Progress;
use crate::package::roster::{Candidate, quota_line, youth_figure};
use crate::package::shares::share_figures;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    Summary,
    Batch,
    Pack,
}

pub struct SecretaryState {
    pub campaign: String,
    pub candidates: Vec<Candidate>,
    /// Selected draft folders.
    pub selected: BTreeSet<PathBuf>,
    pub job: JobSlot,
    /// How far the running package is (per candidate), and its 取消.
    pub progress: Option<Arc<Progress>>,
}

impl SecretaryState {
    /// The drafts of a campaign (all selected); unreadable drafts stay on the start page.
    pub fn load(campaign: &str, drafts: &[DraftSummary], catalog: &Catalog) -> Self {
        let candidates: Vec<Candidate> = catalog
            .pair(campaign)
            .map(|(definition, campaign_def)| {
                drafts
                    .iter()
                    .filter(|d| d.campaign == campaign && d.problem.is_none())
                    .filter_map(|d| {
                        let (draft, _) = d.folder.load().ok()?;
                        Some(Candidate::new(
                            d.folder.clone(),
                            draft,
                            definition,
                            campaign_def,
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        SecretaryState {
            campaign: campaign.to_owned(),
            selected: candidates.iter().map(|c| c.folder.dir.clone()).collect(),
            candidates,
            job: JobSlot::Idle,
            progress: None,
        }
    }

    pub fn chosen(&self) -> Vec<&Candidate> {
        self.candidates
            .iter()
            .filter(|c| self.selected.contains(&c.folder.dir))
            .collect()
    }

    pub fn is_running(&self) -> bool {
        self.job.is_running()
    }
}

pub fn secretary_ui(
    ui: &mut Ui,
    state: &mut SecretaryState,
    catalog: &Catalog,
    commands: &mut Vec<AppCommand>,
) {
    state.job.poll();
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button("← 返回").clicked() {
                commands.push(AppCommand::Close);
            }
            ui.heading("推荐单位：汇总与报送");
        });
        campaign_picker(ui, state, catalog, commands);
        ui.separator();
        if state.candidates.is_empty() {
            ui.label(
                RichText::new(
                    "这个活动还没有草稿：请先导入候选人发来的“推荐材料.zip”，或新建草稿。",
                )
                .color(theme::MUTED),
            );
            return;
        }
        ui.horizontal(|ui| {
            if ui.button("全选").clicked() {
                state.selected = state
                    .candidates
                    .iter()
                    .map(|c| c.folder.dir.clone())
                    .collect();
            }
            if ui.button("全不选").clicked() {
                state.selected.clear();
            }
            ui.label(format!("已选{}人", state.selected.len()));
        });
        egui::ScrollArea::vertical()
            .max_height(ui.available_height() - 150.0)
            .auto_shrink([false, true])
            .show(ui, |ui| candidates_table(ui, state, commands));
        ui.separator();
        figures(ui, state, catalog);
        let summary = catalog
            .campaign(&state.campaign)
            .map_or("汇总表", |campaign| campaign.summary_label());
        actions(ui, state, summary, commands);
    });
}

fn campaign_picker(
    ui: &mut Ui,
    state: &mut SecretaryState,
    catalog: &Catalog,
    commands: &mut Vec<AppCommand>,
) {
    ui.horizontal(|ui| {
        let label = ui.label("活动：");
        let title = catalog
            .campaign(&state.campaign)
            .map_or_else(|| state.campaign.clone(), |c| catalog.list_name(c));
        egui::ComboBox::from_id_salt("secretary_campaign")
            .selected_text(title)
            .width(340.0)
            .show_ui(ui, |ui| {
                for campaign in &catalog.campaigns {
                    if ui
                        .selectable_label(
                            campaign.id == state.campaign,
                            catalog.list_name(campaign),
                        )
                        .clicked()
                    {
                        commands.push(AppCommand::Secretary(Some(campaign.id.clone())));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

fn candidates_table(ui: &mut Ui, state: &mut SecretaryState, commands: &mut Vec<AppCommand>) {
    egui::Grid::new("candidates")
        .striped(true)
        .num_columns(7)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for heading in ["姓名", "工作单位", "年龄", "错误", "警告", "完成度", ""]
            {
                ui.strong(heading);
            }
            ui.end_row();
            for candidate in &state.candidates {
                let key = candidate.folder.dir.clone();
                let mut selected = state.selected.contains(&key);
                if ui
                    .checkbox(&mut selected, candidate.name.as_str())
                    .changed()
                {
                    if selected {
                        state.selected.insert(key);
                    } else {
                        state.selected.remove(&key);
                    }
                }
                ui.label(candidate.unit.as_str());
                ui.label(candidate.age.map_or("—".to_owned(), |age| age.to_string()));
                let errors = RichText::new(candidate.errors.to_string());
                ui.label(if candidate.errors > 0 {
                    errors.color(theme::ERROR)
                } else {
                    errors.color(theme::OK)
                });
                let warnings = RichText::new(candidate.warnings.to_string());
                ui.label(if candidate.warnings > 0 {
                    warnings.color(theme::NEAR)
                } else {
                    warnings
                });
                let (filled, total) = candidate.completeness;
                ui.label(format!("{filled}/{total}"));
                if ui
                    .button("打开")
                    .on_hover_text(format!("打开 {}", candidate.name))
                    .clicked()
                {
                    commands.push(AppCommand::Open(candidate.folder.clone()));
                }
                ui.end_row();
            }
        });
}

fn figures(ui: &mut Ui, state: &SecretaryState, catalog: &Catalog) {
    let Some(campaign) = catalog.campaign(&state.campaign) else {
        return;
    };
    let chosen = state.chosen();
    if let Some(figure) = youth_figure(campaign, &chosen) {
        let color = match figure.meets_rule() {
            Some(true) => theme::OK,
            Some(false) => theme::ERROR,
            None => theme::NEAR,
        };
        ui.label(RichText::new(format!("青年比例：{}", figure.describe())).color(color));
    }
    let answers: Vec<_> = chosen.iter().map(|c| &c.draft.answers).collect();
    for figure in share_figures(campaign, &answers) {
        let color = match figure.meets_rule() {
            Some(true) => theme::OK,
            Some(false) => theme::ERROR,
            None => theme::NEAR,
        };
        ui.add(
            egui::Label::new(RichText::new(format!("比例：{}", figure.describe())).color(color))
                .wrap(),
        );
    }
    if let Some(line) = quota_line(campaign, chosen.len()) {
        ui.add(egui::Label::new(RichText::new(line).color(theme::MUTED)).wrap());
    }
    let errors: usize = chosen.iter().map(|c| c.errors).sum();
    if errors > 0 {
        ui.label(
            RichText::new(format!(
                "所选推荐表共有{errors}处错误：可以先生成用于核对，改正后再打印原件。"
            ))
            .color(theme::ERROR),
        );
    }
}

fn actions(ui: &mut Ui, state: &SecretaryState, summary: &str, commands: &mut Vec<AppCommand>) {
    let idle = !state.is_running() && !state.selected.is_empty();
    let summary_label = format!("生成{summary}…");
    let summary_hint = format!("所选候选人的{summary}（A4横向PDF）");
    let pack_hint = format!("推荐表、合订本、{summary}、照片原图和材料清单，文件夹和zip");
    ui.horizontal(|ui| {
        for (job, label, hint) in [
            (Job::Summary, summary_label.as_str(), summary_hint.as_str()),
            (
                Job::Batch,
                "批量导出…",
                "所选推荐表合成一个PDF，每份从奇数页开始，便于双面打印",
            ),
            (Job::Pack, "生成材料包…", pack_hint.as_str()),
        ] {
            if ui
                .add_enabled(idle, egui::Button::new(label))
                .on_hover_text(hint)
                .clicked()
            {
                commands.push(AppCommand::SecretaryJob(job));
            }
        }
    });
    let step = state
        .progress
        .as_ref()
        .and_then(|progress| progress.current());
    let running = step.map_or_else(|| "正在生成…".to_owned(), |step| step.line());
    job_ui(ui, &state.job, &running, "打开", None, commands);
    if state.job.is_running()
        && let Some(progress) = &state.progress
    {
        let cancelled = progress.is_cancelled();
        let label = if cancelled {
            "正在取消…"
        } else {
            "取消"
        };
        if ui
            .add_enabled(!cancelled, egui::Button::new(label))
            .on_hover_text("停止生成：已生成的部分会删除，不留下半成品")
            .clicked()
        {
            progress.cancel();
        }
    }
}
