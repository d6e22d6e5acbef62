//! Typing into a 3,000字 主要事迹 in the real app, headless (egui_kittest: the whole frame —
//! layout, the live count, findings, tessellation — without a GPU to paint it), with the live
//! preview open. Prints the frame time per keystroke (p50/p90/max) and the time from the last
//! keystroke to the draft on disk. Figures for reading, nothing asserted.
//!
//! Run: `cargo bench --bench typing`

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tianbiao::ui::app::TianbiaoApp;
use tianbiao::ui::dialogs::FixedDialogs;

/// The same app harness the UI tests use.
#[path = "../tests/common/ui.rs"]
#[allow(dead_code)]
mod ui;
use ui::app_at;

const KEYSTROKES: usize = 120;

fn main() {
    let Ok(data) = tempfile::tempdir() else {
        return eprintln!("cannot make a temporary folder");
    };
    let mut harness = app_at(data.path(), FixedDialogs::default());
    harness.run();
    harness.get_by_label("打开示例").click();
    harness.run();
    harness.get_by_label("预览").click();
    settle(&mut harness);
    if let Some(section) = harness.get_all_by_label("主要事迹").next() {
        section.click();
    }
    settle(&mut harness);
    // Make the text 3,000字: the sample's 1,532 and as much again.
    let long = {
        let text = harness
            .state()
            .editor()
            .map(|e| e.draft.answers.text("main_deeds").to_owned())
            .unwrap_or_default();
        let mut long = text.clone();
        while tianbiao::form::count::count(&long).words < 3000 {
            long.push_str(&text);
        }
        long
    };
    if let tianbiao::ui::app::Screen::Edit(session) = &mut harness.state_mut().screen {
        session.editor.draft.answers.set_text("main_deeds", long);
    }
    settle(&mut harness);
    harness.get_by_label("主要事迹 *").focus();
    harness.step();
    let folder = harness.state().editor().map(|e| e.folder.clone());
    let mut frames = Vec::with_capacity(KEYSTROKES);
    for n in 0..KEYSTROKES {
        let key = if n % 10 == 9 { "。" } else { "测" };
        harness.get_by_label("主要事迹 *").type_text(key);
        let started = Instant::now();
        harness.step();
        frames.push(started.elapsed());
    }
    let last_key = Instant::now();
    let on_disk = loop {
        harness.step();
        let written = folder
            .as_ref()
            .and_then(|f| f.load().ok())
            .is_some_and(|(draft, _)| {
                draft
                    .answers
                    .text("main_deeds")
                    .ends_with("测测测测测测测测测。")
            });
        if written || last_key.elapsed() > Duration::from_secs(20) {
            break last_key.elapsed();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    frames.sort();
    let at = |q: f64| frames[((frames.len() - 1) as f64 * q) as usize];
    let words = harness.state().editor().map_or(0, |e| {
        tianbiao::form::count::count(e.draft.answers.text("main_deeds")).words
    });
    println!("typing into 主要事迹 of {words}字 with the preview open, {KEYSTROKES} keystrokes:");
    println!(
        "  frame time p50 {:.1} ms, p90 {:.1} ms, max {:.1} ms",
        at(0.5).as_secs_f64() * 1000.0,
        at(0.9).as_secs_f64() * 1000.0,
        at(1.0).as_secs_f64() * 1000.0
    );
    println!(
        "  last keystroke to draft on disk: {:.0} ms (autosave waits {} ms for a pause in typing)",
        on_disk.as_secs_f64() * 1000.0,
        tianbiao::draft::autosave::DEFAULT_DELAY.as_millis()
    );
}

/// Steps until background work (preview, photos) is done, at most a few seconds.
fn settle(harness: &mut Harness<'_, TianbiaoApp>) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) {
        harness.step();
        let busy = harness
            .state()
            .session()
            .is_some_and(|session| session.preview.is_busy())
            || harness
                .state()
                .editor()
                .is_some_and(|e| e.thumbnails_loading());
        if !busy {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
