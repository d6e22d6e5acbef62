//! Autosave for the GUI: after every edit the UI hands over a snapshot (a clone of a few KB, so
//! it is cheap to do on every keystroke); a background thread waits until typing pauses for
//! `delay`, then saves the newest snapshot atomically. The UI never waits on the disk.
//!
//! Before each save the thread compares the file with the version it last wrote or was told was
//! loaded: when someone else changed it meanwhile (another window, a shared folder), their
//! version is kept under `kept/` first, so a save never destroys another's work.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::folder::{DiskStamp, SaveReport};
use super::{Draft, DraftFolder};

/// How long typing must pause before a save.
pub const DEFAULT_DELAY: Duration = Duration::from_millis(800);

enum Job {
    /// Save after the pause (a newer snapshot replaces a pending one).
    Later(DraftFolder, Box<Draft>),
    /// Save at once (Ctrl+S, section change).
    Now(DraftFolder, Box<Draft>),
    /// The file as it was loaded: what "unchanged by others" means until our first save.
    Loaded(DraftFolder, Option<DiskStamp>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum AutosaveEvent {
    /// Saved; `saved_at` is the time written into the file (seconds since 1970).
    Saved {
        folder: DraftFolder,
        saved_at: u64,
        report: SaveReport,
        /// What was written, to tell it from edits made since.
        draft: Box<Draft>,
        /// The file's stamp after the write.
        stamp: Option<DiskStamp>,
        /// Where someone else's version went, when the file had been changed outside.
        kept: Option<PathBuf>,
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

    /// Tell the file's stamp when the draft was loaded (changes by others are judged from it).
    pub fn loaded(&self, folder: &DraftFolder, stamp: Option<DiskStamp>) {
        self.send(Job::Loaded(folder.clone(), stamp));
    }

    /// Saves now and waits (at most `timeout`) until exactly this snapshot is on disk or the
    /// save failed; for leaving a draft, when the screen is about to forget it.
    pub fn save_and_wait(
        &self,
        folder: &DraftFolder,
        draft: &Draft,
        timeout: Duration,
    ) -> Vec<AutosaveEvent> {
        self.save_now(folder, draft);
        let until = Instant::now() + timeout;
        let mut seen = Vec::new();
        while let Ok(event) = self
            .events
            .recv_timeout(until.saturating_duration_since(Instant::now()))
        {
            let done = match &event {
                AutosaveEvent::Saved {
                    folder: saved,
                    draft: written,
                    ..
                } => saved == folder && written.same_content(draft),
                AutosaveEvent::Failed { folder: failed, .. } => failed == folder,
            };
            seen.push(event);
            if done {
                break;
            }
        }
        seen
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
    // The stamp each folder's file had after our last write (or when it was loaded).
    let mut known: HashMap<PathBuf, Option<DiskStamp>> = HashMap::new();
    let save = |known: &mut HashMap<_, _>, folder: DraftFolder, draft: Box<Draft>| {
        save_guarded(folder, draft, known, &events);
    };
    loop {
        let job = match &pending {
            Some((_, _, due)) => jobs.recv_timeout(due.saturating_duration_since(Instant::now())),
            None => jobs.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match job {
            Ok(Job::Loaded(folder, stamp)) => {
                if let Some((other, other_draft, _)) = pending.take_if(|(f, _, _)| *f == folder) {
                    save(&mut known, other, other_draft);
                }
                known.insert(folder.dir, stamp);
            }
            Ok(Job::Later(folder, draft)) => {
                // A pending snapshot of another draft is saved before switching.
                if let Some((other, other_draft, _)) = pending.take_if(|(f, _, _)| *f != folder) {
                    save(&mut known, other, other_draft);
                }
                pending = Some((folder, draft, Instant::now() + delay));
            }
            Ok(Job::Now(folder, draft)) => {
                if let Some((other, other_draft, _)) =
                    pending.take().filter(|(f, _, _)| *f != folder)
                {
                    save(&mut known, other, other_draft);
                }
                save(&mut known, folder, draft);
            }
            Err(RecvTimeoutError::Timeout) => {
                if let Some((folder, draft, _)) = pending.take() {
                    save(&mut known, folder, draft);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                if let Some((folder, draft, _)) = pending.take() {
                    save(&mut known, folder, draft);
                }
                return;
            }
        }
    }
}

/// Saves, first keeping the file under `kept/` when it is neither what we last wrote nor what
/// was loaded. If that copy cannot be made, nothing is written: the other version stays.
fn save_guarded(
    folder: DraftFolder,
    mut draft: Box<Draft>,
    known: &mut HashMap<PathBuf, Option<DiskStamp>>,
    events: &Sender<AutosaveEvent>,
) {
    let now = folder.disk_stamp();
    let changed_outside = match known.get(&folder.dir) {
        Some(expected) => now.is_some() && now != *expected,
        None => false,
    };
    let kept = if changed_outside {
        match folder.keep_disk_version() {
            Ok(path) => Some(path),
            Err(error) => {
                let message = format!(
                    "草稿文件在本程序之外被修改过，而另存那个版本时出错（{error}），所以没有保存，以免覆盖它。您填写的内容仍保留在程序中。"
                );
                let _ = events.send(AutosaveEvent::Failed { folder, message });
                return;
            }
        }
    } else {
        None
    };
    let event = match folder.save(&mut draft) {
        Ok(report) => {
            let stamp = folder.disk_stamp();
            known.insert(folder.dir.clone(), stamp);
            AutosaveEvent::Saved {
                saved_at: draft.saved_at,
                report,
                folder,
                draft,
                stamp,
                kept,
            }
        }
        Err(error) => AutosaveEvent::Failed {
            message: error.to_string(),
            folder,
        },
    };
    let _ = events.send(event);
}
