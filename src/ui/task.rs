//! Work off the UI thread: one small task type for every job, preview and thumbnail, polled
//! once a frame; the window repaints when a task ends. Results stay typed until shown.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

use eframe::egui::{self, RichText};

use super::command::AppCommand;
use super::theme;
use crate::jobs::{Done, JobError};

pub struct Task<T> {
    receiver: Receiver<T>,
}

pub enum Polled<T> {
    Running,
    Done(T),
    /// The thread ended without an answer (it panicked).
    Crashed,
}

impl<T: Send + 'static> Task<T> {
    pub fn spawn(ctx: &egui::Context, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (sender, receiver) = channel();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let _ = sender.send(work());
            repaint.request_repaint();
        });
        Task { receiver }
    }

    pub fn poll(&self) -> Polled<T> {
        match self.receiver.try_recv() {
            Ok(value) => Polled::Done(value),
            Err(TryRecvError::Empty) => Polled::Running,
            Err(TryRecvError::Disconnected) => Polled::Crashed,
        }
    }
}

pub type JobResult = Result<Done, JobError>;

/// A job of a screen or dialog: not started, running, or finished with its result.
#[derive(Default)]
pub enum JobSlot {
    #[default]
    Idle,
    Running(Task<JobResult>),
    Finished(JobResult),
}

impl JobSlot {
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        work: impl FnOnce() -> JobResult + Send + 'static,
    ) {
        *self = JobSlot::Running(Task::spawn(ctx, work));
    }

    /// Picks up a finished job; true on the frame it finished.
    pub fn poll(&mut self) -> bool {
        let JobSlot::Running(task) = self else {
            return false;
        };
        match task.poll() {
            Polled::Running => false,
            Polled::Done(result) => {
                *self = JobSlot::Finished(result);
                true
            }
            Polled::Crashed => {
                *self = JobSlot::Finished(Err(JobError::Crashed));
                true
            }
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(self, JobSlot::Running(_))
    }

    pub fn finished(&self) -> Option<&JobResult> {
        match self {
            JobSlot::Finished(result) => Some(result),
            _ => None,
        }
    }

    /// Takes the result out, leaving the slot idle.
    pub fn take_finished(&mut self) -> Option<JobResult> {
        match std::mem::take(self) {
            JobSlot::Finished(result) => Some(result),
            other => {
                *self = other;
                None
            }
        }
    }
}

/// How a job stands: a spinner with what runs, or what it made with 打开 / 打开所在文件夹, or
/// its error (with 另存为… when another program holds the file and `retry` is given).
pub fn job_ui(
    ui: &mut egui::Ui,
    slot: &JobSlot,
    running: &str,
    open_label: &str,
    retry: Option<AppCommand>,
    commands: &mut Vec<AppCommand>,
) {
    match slot {
        JobSlot::Idle => {}
        JobSlot::Running(_) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(running);
            });
        }
        JobSlot::Finished(Ok(done)) => {
            ui.add(egui::Label::new(RichText::new(done.message()).color(theme::OK)).wrap());
            if let Some(path) = done.path() {
                ui.horizontal(|ui| {
                    if ui.button(open_label).clicked() {
                        commands.push(AppCommand::OpenExternally(path.to_owned()));
                    }
                    if ui.button("打开所在文件夹").clicked() {
                        commands.push(AppCommand::ShowInFolder(path.to_owned()));
                    }
                });
            }
        }
        JobSlot::Finished(Err(error)) => {
            ui.add(egui::Label::new(RichText::new(error.to_string()).color(theme::ERROR)).wrap());
            if let Some(retry) = retry.filter(|_| error.is_held())
                && ui.button("另存为…").clicked()
            {
                commands.push(retry);
            }
        }
    }
}
