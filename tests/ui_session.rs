//! One open draft, one session: nothing of one candidate shows on another's screen when the
//! user moves from one draft to the next.

mod common;

use common::ui::{app_at, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tianbiao::draft::Library;
use tianbiao::draft::sample::create_sample;
use tianbiao::ui::app::TianbiaoApp;
use tianbiao::ui::dialogs::FixedDialogs;
use tianbiao::ui::preview::Preview;

fn preview(app: &TianbiaoApp) -> &Preview {
    &app.session().expect("a draft is open").preview
}

/// Waits until the preview is composed and every photo on screen is decoded.
fn settle(harness: &mut Harness<'_, TianbiaoApp>) {
    harness.step();
    wait_for(harness, |app| {
        preview(app).pages() > 0
            && !preview(app).is_busy()
            && !app.editor().is_some_and(|e| e.thumbnails_loading())
    });
    harness.run();
}

#[test]
fn a_new_draft_never_shows_the_previous_candidates_pages() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app_at(data.path(), FixedDialogs::default());
    harness.run();
    harness.get_by_label("打开示例").click();
    harness.run();
    harness.get_by_label("预览").click();
    settle(&mut harness);
    assert!(preview(harness.state()).shows_text("郜穗宁"));

    harness.get_by_label("◀ 草稿列表").click();
    harness.run();
    harness.get_by_label("新建").click();
    harness.step();
    // From the first frame of the new draft on, before any keystroke.
    let state = harness.state();
    assert_ne!(state.editor().unwrap().draft.campaign, "xinxiang-2023");
    assert!(!preview(state).shows_text("郜穗宁"), "the sample's pages");
    settle(&mut harness);
    let state = harness.state();
    assert!(
        state.session().unwrap().panels.preview,
        "the preview stays shown"
    );
    assert!(preview(state).pages() > 0);
    assert!(!preview(state).shows_text("郜穗宁"), "the sample's pages");
}

#[test]
fn photos_of_the_same_file_name_in_two_drafts_never_mix() {
    let data = tempfile::tempdir().unwrap();
    let library = Library::at(data.path());
    let first = create_sample(&library).unwrap();
    let second = create_sample(&library).unwrap();
    // The second candidate: another person (every mention of the name changed), and another ID
    // photo under the same file name.
    let file = second.file();
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("郜穗宁", "乙某某");
    std::fs::write(&file, text).unwrap();
    let (mut draft, _) = second.load().unwrap();
    let photo = draft.answers.photo("photo").unwrap().file.clone();
    assert_eq!(
        Some(photo.as_str()),
        first
            .load()
            .unwrap()
            .0
            .answers
            .photo("photo")
            .map(|p| p.file.as_str())
    );
    image::RgbImage::from_pixel(413, 531, image::Rgb([200, 30, 30]))
        .save(second.dir.join(&photo))
        .unwrap();
    second.save(&mut draft).unwrap();

    let mut harness = app_at(data.path(), FixedDialogs::default());
    harness.run();
    // Newest first: the second draft is listed first.
    harness.get_all_by_label("打开").nth(1).unwrap().click();
    harness.run();
    assert_eq!(harness.state().editor().unwrap().folder, first);
    harness.get_by_label("预览").click();
    settle(&mut harness);

    harness.get_by_label("◀ 草稿列表").click();
    harness.run();
    harness.get_all_by_label("打开").next().unwrap().click();
    harness.step();
    let editor = harness.state().editor().unwrap();
    assert_eq!(editor.folder, second);
    assert!(!preview(harness.state()).shows_text("郜穗宁"));
    settle(&mut harness);
    let state = harness.state();
    assert!(preview(state).shows_text("乙某某"));
    assert!(!preview(state).shows_text("郜穗宁"));
    let editor = state.editor().unwrap();
    let paths: Vec<_> = editor.thumbnails.paths().collect();
    assert!(!paths.is_empty());
    assert!(
        paths.iter().all(|path| path.starts_with(&second.dir)),
        "{paths:?}"
    );
}

/// Where the notice has no form of its own, the editor says so in its top bar; not where it has.
#[test]
fn the_top_bar_says_when_the_layout_follows_the_template() {
    const NOTE: &str = "（版式依照模板，请与正式表格核对）";
    let data = tempfile::tempdir().unwrap();
    let mut harness = app_at(data.path(), FixedDialogs::default());
    harness.run();
    // The newest campaign, 衡水 2024, whose notice does not contain its form.
    harness.get_by_label("新建").click();
    harness.run();
    harness.get_by_label(NOTE);
    harness.get_by_label("◀ 草稿列表").click();
    harness.run();
    // The sample is 新乡 2023, whose notice contains its form.
    harness.get_by_label("打开示例").click();
    harness.run();
    harness.get_by_label("2023年新乡“最美科技工作者”推荐表");
    assert!(harness.query_by_label(NOTE).is_none());
}
