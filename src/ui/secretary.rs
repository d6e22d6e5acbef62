//! The secretary's screen: every draft of one campaign in a table (name, unit, age, errors,
//! warnings, completeness), a selection, the youth figure and quotas for it, and three jobs run
//! off the UI thread: 生成汇总表, 批量导出 (one PDF, each form from an odd page), 生成材料包.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use eframe::egui::{self, RichText, Ui};

use super::command::Command;
use super::dialogs::{FileDialogs, SaveKind};
use super::theme;
use crate::draft::DraftSummary;
use crate::form::catalog::Catalog;
use crate::package::batch::export_batch;
use crate::package::pack::{PackOptions, pack};
use crate::package::roster::{Candidate, quota_line, youth_figure};
use crate::pdf::compose::ComposeOptions;
use crate::pdf::export::export_summary;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    Summary,
    Batch,
    Pack,
}

/// What a finished job made, for the message and the 打开 buttons.
#[derive(Debug, Clone)]
pub struct Made {
    pub message: String,
    pub path: PathBuf,
}

pub struct SecretaryState {
    pub campaign: String,
    pub candidates: Vec<Candidate>,
    /// Selected draft folders.
    pub selected: BTreeSet<PathBuf>,
    running: Option<(Job, Receiver<Result<Made, String>>)>,
    pub result: Option<Result<Made, String>>,
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
            running: None,
            result: None,
        }
    }

    fn chosen(&self) -> Vec<&Candidate> {
        self.candidates
            .iter()
            .filter(|c| self.selected.contains(&c.folder.dir))
            .collect()
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Picks up a finished job.
    fn poll(&mut self, ctx: &egui::Context) {
        if let Some((_, receiver)) = &self.running {
            match receiver.try_recv() {
                Ok(result) => {
                    self.result = Some(result);
                    self.running = None;
                }
                Err(TryRecvError::Disconnected) => {
                    self.result = Some(Err("生成时程序出错，请重试。".into()));
                    self.running = None;
                }
                Err(TryRecvError::Empty) => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(50));
                }
            }
        }
    }

    /// Asks where to put the result, then runs the job on a thread.
    pub fn start(&mut self, job: Job, catalog: &Catalog, dialogs: &mut dyn FileDialogs) {
        let Some((definition, campaign)) = catalog.pair(&self.campaign) else {
            return;
        };
        let chosen: Vec<Candidate> = self.chosen().into_iter().cloned().collect();
        if chosen.is_empty() {
            return;
        }
        let target = match job {
            Job::Summary => {
                dialogs.save_file(SaveKind::Pdf, &format!("{}.pdf", campaign.summary_title))
            }
            Job::Batch => dialogs.save_file(SaveKind::Pdf, "推荐表合订本.pdf"),
            Job::Pack => dialogs.pick_folder(),
        };
        let Some(target) = target else {
            return;
        };
        let (definition, campaign) = (definition.clone(), campaign.clone());
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let references: Vec<&Candidate> = chosen.iter().collect();
            let options = ComposeOptions {
                seal_guides: true,
                instructions: false,
            };
            let result = match job {
                Job::Summary => {
                    let drafts: Vec<_> = references.iter().map(|c| &c.draft).collect();
                    export_summary(&drafts, &definition, &campaign, options)
                        .map_err(|error| error.to_string())
                        .and_then(|pdf| write(&target, &pdf))
                        .map(|()| Made {
                            message: format!(
                                "已生成汇总表（{}人）：{}",
                                drafts.len(),
                                target.display()
                            ),
                            path: target,
                        })
                }
                Job::Batch => export_batch(&references, &definition, &campaign, options)
                    .map_err(|error| error.to_string())
                    .and_then(|batch| {
                        write(&target, &batch.pdf)?;
                        Ok(Made {
                            message: format!(
                                "已生成合订本：{}份推荐表共{}页，每份从奇数页开始，请双面打印。{}",
                                batch.starts.len(),
                                batch.pages,
                                target.display()
                            ),
                            path: target,
                        })
                    }),
                Job::Pack => pack(
                    &references,
                    &definition,
                    &campaign,
                    &target,
                    &PackOptions {
                        seal_guides: true,
                        unit: None,
                    },
                )
                .map_err(|error| error.to_string())
                .map(|packed| {
                    let mut message = format!(
                        "已生成材料包：{}（同名 zip 在旁边）。",
                        packed.folder.display()
                    );
                    if !packed.contents.problems.is_empty() {
                        message.push_str(&format!(
                            "材料清单中列出了{}项报送前还需处理的事。",
                            packed.contents.problems.len()
                        ));
                    }
                    Made {
                        message,
                        path: packed.folder,
                    }
                }),
            };
            let _ = sender.send(result);
        });
        self.result = None;
        self.running = Some((job, receiver));
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes)
        .map_err(|error| crate::draft::DraftError::write(path, &error).to_string())
}

pub fn secretary_ui(
    ui: &mut Ui,
    state: &mut SecretaryState,
    catalog: &Catalog,
    commands: &mut Vec<Command>,
) {
    state.poll(ui.ctx());
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button("← 返回").clicked() {
                commands.push(Command::Close);
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
        actions(ui, state, commands);
    });
}

fn campaign_picker(
    ui: &mut Ui,
    state: &mut SecretaryState,
    catalog: &Catalog,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let label = ui.label("活动：");
        let title = catalog
            .campaign(&state.campaign)
            .map_or(state.campaign.as_str(), |c| c.form_title.as_str());
        egui::ComboBox::from_id_salt("secretary_campaign")
            .selected_text(title)
            .width(340.0)
            .show_ui(ui, |ui| {
                for campaign in &catalog.campaigns {
                    if ui
                        .selectable_label(
                            campaign.id == state.campaign,
                            campaign.form_title.as_str(),
                        )
                        .clicked()
                    {
                        commands.push(Command::Secretary(Some(campaign.id.clone())));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

fn candidates_table(ui: &mut Ui, state: &mut SecretaryState, commands: &mut Vec<Command>) {
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
                    commands.push(Command::Open(candidate.folder.clone()));
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

fn actions(ui: &mut Ui, state: &SecretaryState, commands: &mut Vec<Command>) {
    let idle = !state.is_running() && !state.selected.is_empty();
    ui.horizontal(|ui| {
        for (job, label, hint) in [
            (
                Job::Summary,
                "生成汇总表…",
                "所选候选人的汇总表（A4横向PDF）",
            ),
            (
                Job::Batch,
                "批量导出…",
                "所选推荐表合成一个PDF，每份从奇数页开始，便于双面打印",
            ),
            (
                Job::Pack,
                "生成材料包…",
                "推荐表、合订本、汇总表、照片原图和材料清单，文件夹和zip",
            ),
        ] {
            if ui
                .add_enabled(idle, egui::Button::new(label))
                .on_hover_text(hint)
                .clicked()
            {
                commands.push(Command::SecretaryJob(job));
            }
        }
        if state.is_running() {
            ui.spinner();
            ui.label("正在生成…");
        }
    });
    match &state.result {
        Some(Ok(made)) => {
            ui.label(RichText::new(made.message.as_str()).color(theme::OK));
            ui.horizontal(|ui| {
                if ui.button("打开").clicked() {
                    commands.push(Command::OpenExternally(made.path.clone()));
                }
                if ui.button("打开所在文件夹").clicked() {
                    let folder = made.path.parent().map(Path::to_owned).unwrap_or_default();
                    commands.push(Command::OpenExternally(folder));
                }
            });
        }
        Some(Err(message)) => {
            ui.label(RichText::new(message.as_str()).color(theme::ERROR));
        }
        None => {}
    }
}
