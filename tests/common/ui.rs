//! The real app in a headless harness (egui_kittest), for the UI tests.

use std::path::Path;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use tianbiao::ui::app::{AppOptions, TianbiaoApp};
use tianbiao::ui::dialogs::FixedDialogs;

/// The app on a data folder, at the 1366×768 of an office PC, with fixed dialog answers.
pub fn app_at(data_dir: &Path, dialogs: FixedDialogs) -> Harness<'static, TianbiaoApp> {
    let data_dir = data_dir.to_owned();
    Harness::builder()
        .with_size([1366.0, 768.0])
        .build_eframe(move |cc| {
            tianbiao::ui::install_fonts(&cc.egui_ctx);
            TianbiaoApp::new(AppOptions {
                data_dir,
                dialogs: Box::new(dialogs),
                started: None,
            })
        })
}

/// Runs frames until `done` holds, for work on other threads.
pub fn wait_for(
    harness: &mut Harness<'_, TianbiaoApp>,
    mut done: impl FnMut(&TianbiaoApp) -> bool,
) {
    let started = Instant::now();
    while !done(harness.state()) {
        assert!(started.elapsed() < Duration::from_secs(60), "timed out");
        harness.step();
        std::thread::sleep(Duration::from_millis(30));
    }
}
