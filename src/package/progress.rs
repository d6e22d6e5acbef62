//! How far a long job on many candidates is, and whether the user asked to stop: shared between
//! the job's thread (which sets the step and looks at `cancelled` between candidates) and the
//! window (which shows "正在生成 7/20：张三…" and has a 取消 button).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::PackageError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// 1-based; `total + 1` and beyond are the steps after the last candidate.
    pub done: usize,
    pub total: usize,
    pub what: String,
}

impl Step {
    /// "正在生成 7/20：张三…", or the step after the candidates ("正在生成合订本…").
    pub fn line(&self) -> String {
        if self.done <= self.total {
            format!("正在生成 {}/{}：{}…", self.done, self.total, self.what)
        } else {
            format!("正在生成{}…", self.what)
        }
    }
}

#[derive(Debug, Default)]
pub struct Progress {
    step: Mutex<Option<Step>>,
    cancel: AtomicBool,
}

impl Progress {
    /// Asks the job to stop at its next step; what it made so far is removed.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The step now running, for the window.
    pub fn current(&self) -> Option<Step> {
        self.step.lock().ok().and_then(|step| step.clone())
    }

    /// Starts a step; `Err(Cancelled)` once the user asked to stop.
    pub fn begin(&self, done: usize, total: usize, what: &str) -> Result<(), PackageError> {
        if self.is_cancelled() {
            return Err(PackageError::Cancelled);
        }
        if let Ok(mut step) = self.step.lock() {
            *step = Some(Step {
                done,
                total,
                what: what.to_owned(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_read_as_the_window_shows_them_and_stop_once_cancelled() {
        let progress = Progress::default();
        assert!(progress.begin(7, 20, "张三").is_ok());
        assert_eq!(progress.current().unwrap().line(), "正在生成 7/20：张三…");
        assert!(progress.begin(21, 20, "合订本").is_ok());
        assert_eq!(progress.current().unwrap().line(), "正在生成合订本…");
        progress.cancel();
        assert!(matches!(
            progress.begin(1, 1, "x"),
            Err(PackageError::Cancelled)
        ));
    }
}
