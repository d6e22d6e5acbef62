//! Autosave for the GUI: after every edit the UI hands over a snapshot (a clone of a few KB, so
//! it is cheap to do on every keystroke); a background thread waits until typing pauses for
//! `delay`, then saves the newest snapshot atomically. The UI never waits on the disk.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::folder::SaveReport;
use super::{Draft, DraftFolder};

/// How long typing must pause before a save.
pub const DEFAULT_DELAY: Duration = Duration::from_millis(800);

enum Job {
    /// Save after the pause (a newer snapshot replaces a pending one).
    Later(DraftFolder, Box<Draft>),
    /// Save at once (Ctrl+S, section change).
    Now(DraftFolder, Box<Draft>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AutosaveEvent {
    /// Saved; `saved_at` is the time written into the file (seconds since 1970).
    Saved {
        folder: DraftFolder,
        saved_at: u64,
        report: SaveReport,
    },
    /// Could not save; the message says why and that the text is still in memory.
    Failed {
        folder: DraftFolder,
        message: String,
    },
}

pub struct Autosaver {
    jobs: Option<Sender<Job>>,
    events: Receiver<AutosaveEvent>,
    worker: Option<JoinHandle<()>>,
}

impl Autosaver {
    pub fn start(delay: Duration) -> Self {
        let (jobs, job_receiver) = mpsc::channel();
        let (event_sender, events) = mpsc::channel();
        let worker = thread::Builder::new()
            .name("autosave".into())
            .spawn(move || run(delay, job_receiver, event_sender))
            .ok();
        Autosaver {
            jobs: Some(jobs),
            events,
            worker,
        }
    }

    /// Note an edit: the snapshot is saved once typing pauses.
    pub fn edited(&self, folder: &DraftFolder, draft: &Draft) {
        self.send(Job::Later(folder.clone(), Box::new(draft.clone())));
    }

    /// Save this snapshot now.
    pub fn save_now(&self, folder: &DraftFolder, draft: &Draft) {
        self.send(Job::Now(folder.clone(), Box::new(draft.clone())));
    }

    fn send(&self, job: Job) {
        // A missing worker (thread could not start) is reported by `is_running`; the UI then
        // saves on its own thread.
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
    }

    pub fn is_running(&self) -> bool {
        self.worker
            .as_ref()
            .is_some_and(|worker| !worker.is_finished())
    }

    /// Events since the last call, without waiting.
    pub fn poll(&self) -> Vec<AutosaveEvent> {
        self.events.try_iter().collect()
    }

    /// Saves whatever is pending and stops (on exit); returns the last events.
    pub fn finish(mut self) -> Vec<AutosaveEvent> {
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
        self.events.try_iter().collect()
    }
}

fn run(delay: Duration, jobs: Receiver<Job>, events: Sender<AutosaveEvent>) {
    let mut pending: Option<(DraftFolder, Box<Draft>, Instant)> = None;
    loop {
        let job = match &pending {
            Some((_, _, due)) => jobs.recv_timeout(due.saturating_duration_since(Instant::now())),
            None => jobs.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match job {
            Ok(Job::Later(folder, draft)) => {
                // A pending snapshot of another draft is saved before switching.
                if let Some((other, other_draft, _)) = pending.take_if(|(f, _, _)| *f != folder) {
                    save(other, other_draft, &events);
                }
                pending = Some((folder, draft, Instant::now() + delay));
            }
            Ok(Job::Now(folder, draft)) => {
                if let Some((other, other_draft, _)) =
                    pending.take().filter(|(f, _, _)| *f != folder)
                {
                    save(other, other_draft, &events);
                }
                save(folder, draft, &events);
            }
            Err(RecvTimeoutError::Timeout) => {
                if let Some((folder, draft, _)) = pending.take() {
                    save(folder, draft, &events);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                if let Some((folder, draft, _)) = pending.take() {
                    save(folder, draft, &events);
                }
                return;
            }
        }
    }
}

fn save(folder: DraftFolder, mut draft: Box<Draft>, events: &Sender<AutosaveEvent>) {
    let event = match folder.save(&mut draft) {
        Ok(report) => AutosaveEvent::Saved {
            saved_at: draft.saved_at,
            report,
            folder,
        },
        Err(error) => AutosaveEvent::Failed {
            message: error.to_string(),
            folder,
        },
    };
    let _ = events.send(event);
}
