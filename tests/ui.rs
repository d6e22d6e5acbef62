//! The real app driven headless with egui_kittest (no GPU, no display): flows a candidate goes
//! through, with file dialogs answered by `FixedDialogs`. Fields are found by their labels,
//! which is also what screen readers use.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::ui::{app_at, wait_for};

use eframe::egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tianbiao::draft::{DraftFolder, Library};
use tianbiao::ui::app::{AppOptions, Screen, TianbiaoApp};
use tianbiao::ui::dialogs::FixedDialogs;

struct Setup {
    data: tempfile::TempDir,
    harness: Harness<'static, TianbiaoApp>,
}

fn app_with(dialogs: FixedDialogs) -> Setup {
    let data = tempfile::tempdir().unwrap();
    let harness = app_at(data.path(), dialogs);
    Setup { data, harness }
}

fn app() -> Setup {
    app_with(FixedDialogs::default())
}

fn editor_draft(harness: &Harness<'_, TianbiaoApp>) -> tianbiao::draft::Draft {
    harness
        .state()
        .editor()
        .expect("a draft is open")
        .draft
        .clone()
}

fn folder(harness: &Harness<'_, TianbiaoApp>) -> DraftFolder {
    harness
        .state()
        .editor()
        .expect("a draft is open")
        .folder
        .clone()
}

fn new_draft(harness: &mut Harness<'_, TianbiaoApp>) {
    harness.get_by_label("新建").click();
    harness.run();
}

/// Clicks a section in the side list (the open section's heading has the same name, later).
fn open_section(harness: &mut Harness<'_, TianbiaoApp>, title: &str) {
    harness
        .get_all_by_label(title)
        .next()
        .expect("the section is listed")
        .click();
    harness.run();
}

fn jpeg(path: &Path, width: u32, height: u32) {
    let image = image::RgbImage::from_pixel(width, height, image::Rgb([140, 180, 230]));
    image.save(path).unwrap();
}

#[test]
fn a_new_draft_is_created_for_the_newest_campaign() {
    let Setup { data, mut harness } = app();
    harness.run();
    harness.get_by_label_contains("还没有草稿");
    new_draft(&mut harness);
    let draft = editor_draft(&harness);
    assert_eq!(draft.campaign, "hengshui-2024");
    assert!(
        folder(&harness).file().is_file(),
        "saved at once, so it is in the list"
    );
    assert_eq!(
        harness.state().editor().map(|e| e.section),
        Some(0),
        "the guide starts at 封面"
    );
    harness.get_by_label_contains("2024年衡水市“最美科技工作者”推荐表");
    assert_eq!(
        Library::at(data.path())
            .list(&tianbiao::form::catalog::Catalog::builtin().unwrap())
            .len(),
        1
    );
}

#[test]
fn chinese_typed_into_the_name_is_in_the_draft() {
    let Setup { mut harness, .. } = app();
    new_draft(&mut harness);
    harness.get_by_label("候选人姓名 *").focus();
    harness.get_by_label("候选人姓名 *").type_text("林晓岚");
    harness.run();
    assert_eq!(editor_draft(&harness).answers.text("name"), "林晓岚");
    harness.get_by_label_contains("林晓岚");
}

#[test]
fn the_main_deeds_count_follows_the_typing() {
    let Setup { mut harness, .. } = app();
    new_draft(&mut harness);
    open_section(&mut harness, "主要事迹");
    harness.get_by_label("主要事迹 *").focus();
    harness
        .get_by_label("主要事迹 *")
        .type_text("他于2019年获得国家科技进步奖二等奖。");
    harness.run();
    harness.get_by_label("17 / 约1500字");
}

#[test]
fn a_wrong_mobile_is_found_and_the_check_panel_jumps_to_it() {
    let Setup { mut harness, .. } = app();
    new_draft(&mut harness);
    open_section(&mut harness, "基本信息");
    harness.get_by_label("手机 *").focus();
    harness.get_by_label("手机 *").type_text("1381234567");
    harness.key_press(Key::Tab);
    harness.run();
    harness.get_by_label_contains("手机号码应为11位数字");
    open_section(&mut harness, "封面");
    harness.get_by_label("检查").click();
    harness.run();
    harness.get_by_label_contains("错误 · 手机：").click();
    harness.run();
    assert!(
        harness.get_by_label("手机 *").is_focused(),
        "the field is focused after the jump"
    );
    assert_eq!(
        harness.state().editor().map(|e| e.section),
        Some(1),
        "基本信息 is open"
    );
}

#[test]
fn history_rows_are_added_moved_and_removed() {
    let Setup { mut harness, .. } = app();
    new_draft(&mut harness);
    open_section(&mut harness, "学习工作经历");
    harness.get_by_label("添加一行").click();
    harness.run();
    harness.get_by_label("添加一行").click();
    harness.run();
    assert_eq!(editor_draft(&harness).answers.rows("history").len(), 3);
    harness
        .get_all_by_label("删除")
        .nth(1)
        .expect("a button for each row")
        .click();
    harness.run();
    assert_eq!(editor_draft(&harness).answers.rows("history").len(), 2);
}

#[test]
fn a_year_month_is_normalized_and_shown_as_printed() {
    let Setup { mut harness, .. } = app();
    new_draft(&mut harness);
    open_section(&mut harness, "基本信息");
    harness.get_by_label("出生年月 *").focus();
    harness.get_by_label("出生年月 *").type_text("1984年6月");
    harness.run();
    harness.get_by_label("打印为 1984年06月");
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(editor_draft(&harness).answers.text("birth"), "1984-06");
}

#[test]
fn a_photo_is_attached_through_the_dialog_and_copied() {
    let source_dir = tempfile::tempdir().unwrap();
    let photo = source_dir.path().join("证件照.jpg");
    jpeg(&photo, 826, 1062);
    let Setup { mut harness, .. } = app_with(FixedDialogs {
        images: vec![photo.clone()],
        ..FixedDialogs::default()
    });
    new_draft(&mut harness);
    open_section(&mut harness, "照片");
    harness.get_by_label("选择照片…").click();
    harness.step();
    // Read and copied in the background: the window keeps drawing meanwhile.
    wait_for(&mut harness, |app| {
        app.editor().is_some_and(|e| e.photo_job.is_none())
    });
    let draft = editor_draft(&harness);
    let attached = draft.answers.photo("photo").expect("photo attached");
    assert_eq!((attached.width, attached.height), (826, 1062));
    assert!(
        folder(&harness).dir.join(&attached.file).is_file(),
        "copied into the draft folder"
    );
    assert!(photo.is_file(), "the original stays");
    wait_for(&mut harness, |app| {
        app.editor().is_some_and(|e| !e.thumbnails_loading())
    });
    harness.run();
    harness.get_by_label_contains("826×1062");
}

#[test]
fn autosave_writes_the_draft_shortly_after_typing() {
    let Setup { mut harness, .. } = app();
    new_draft(&mut harness);
    harness.get_by_label("推荐单位 *").focus();
    harness.get_by_label("推荐单位 *").type_text("新乡市农学会");
    harness.run();
    let folder = folder(&harness);
    wait_for(&mut harness, |_| {
        folder
            .load()
            .is_ok_and(|(d, _)| d.answers.text("recommender") == "新乡市农学会")
    });
    // The autosaver reports on its own thread, a moment after the file is in place.
    wait_for(&mut harness, |app| {
        app.editor()
            .is_some_and(|e| matches!(e.status, tianbiao::ui::editor::SaveStatus::Saved(_)))
    });
    harness.run();
    harness.get_by_label_contains("已自动保存");
}

#[test]
fn ctrl_s_saves_at_once() {
    let Setup { mut harness, .. } = app();
    new_draft(&mut harness);
    harness.get_by_label("工作单位 *").focus();
    harness
        .get_by_label("工作单位 *")
        .type_text("新乡市农林科学研究院");
    harness.run();
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::S);
    let folder = folder(&harness);
    wait_for(&mut harness, |_| {
        folder
            .load()
            .is_ok_and(|(d, _)| d.answers.text("work_unit") == "新乡市农林科学研究院")
    });
}

#[test]
fn the_sample_opens_exports_and_the_pdf_is_there() {
    let out = tempfile::tempdir().unwrap();
    let pdf: PathBuf = out.path().join("郜穗宁-推荐表.pdf");
    let Setup { mut harness, .. } = app_with(FixedDialogs {
        images: Vec::new(),
        save_to: Some(pdf.clone()),
        ..FixedDialogs::default()
    });
    harness.run();
    harness.get_by_label("打开示例").click();
    harness.run();
    assert_eq!(editor_draft(&harness).answers.text("name"), "郜穗宁");
    harness.get_by_label("导出PDF…").click();
    harness.run();
    harness.get_by_label("导出…").click();
    harness.step();
    wait_for(&mut harness, |app| {
        app.session()
            .and_then(|session| session.export.as_ref())
            .is_some_and(|dialog| dialog.exported().is_some())
    });
    harness.run_steps(2);
    harness.get_by_label("打开PDF");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
}

#[test]
fn a_deleted_draft_comes_back_with_undo() {
    let Setup { mut harness, .. } = app();
    harness.run();
    harness.get_by_label("打开示例").click();
    harness.run();
    harness.get_by_label("◀ 草稿列表").click();
    harness.run();
    assert_eq!(harness.state().drafts.len(), 1);
    harness.get_by_label("删除").click();
    harness.run();
    assert!(harness.state().drafts.is_empty());
    harness.get_by_label("撤销").click();
    harness.run();
    assert_eq!(harness.state().drafts.len(), 1);
    harness.get_by_label("复制").click();
    harness.run();
    assert_eq!(harness.state().drafts.len(), 2);
}

#[test]
fn next_moves_on_and_shows_what_is_missing() {
    let Setup { mut harness, .. } = app();
    new_draft(&mut harness);
    harness.get_by_label("下一步").click();
    harness.run();
    assert_eq!(harness.state().editor().map(|e| e.section), Some(1));
    open_section(&mut harness, "封面");
    harness.get_by_label_contains("「候选人姓名」还没有填写");
    assert!(matches!(harness.state().screen, Screen::Edit(_)));
}

/// The sample open with the preview shown and composed (photos loaded).
fn sample_with_preview() -> Harness<'static, TianbiaoApp> {
    let Setup { mut harness, .. } = app();
    harness.run();
    harness.get_by_label("打开示例").click();
    harness.run();
    harness.get_by_label("预览").click();
    harness.step();
    wait_for(&mut harness, |app| {
        preview(app).pages() > 0
            && !preview(app).is_busy()
            && !app.editor().is_some_and(|e| e.thumbnails_loading())
    });
    harness
}

#[test]
fn the_preview_shows_the_pages_that_will_print() {
    let mut harness = sample_with_preview();
    harness.run();
    harness.get_by_label("共7页");
    harness.get_by_label("第7页");
}

#[test]
fn the_preview_follows_the_field_being_edited() {
    let mut harness = sample_with_preview();
    // Opening a section turns the preview to where it prints: the stories begin on the
    // table's second or third page, never on the cover.
    open_section(&mut harness, "感人故事");
    wait_for(&mut harness, |app| preview(app).followed_page().is_some());
    let page = preview(harness.state()).followed_page().unwrap_or(0);
    assert!(page >= 2, "followed page {page}");
    // Back to 封面, the preview shows the cover; into the stories again, their page.
    open_section(&mut harness, "封面");
    wait_for(&mut harness, |app| preview(app).followed_page() == Some(0));
    open_section(&mut harness, "感人故事");
    harness.get_by_label("感人故事 *").focus();
    harness.step();
    wait_for(&mut harness, |app| {
        preview(app).followed_page() == Some(page)
    });
    // Typing there changes the pages after the pause, off the UI thread, and still follows.
    harness
        .get_by_label("感人故事 *")
        .type_text("又一段新的文字。");
    wait_for(&mut harness, |app| !preview(app).is_busy());
    assert_eq!(preview(harness.state()).followed_page(), Some(page));
}

#[test]
fn the_zoom_is_remembered_between_runs() {
    let Setup { data, mut harness } = app();
    harness.run();
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::Plus);
    harness.run();
    let zoom = harness.ctx.zoom_factor();
    assert!(zoom > 1.05, "{zoom}");
    let saved = tianbiao::ui::settings::Settings::load(data.path());
    assert!((saved.zoom - zoom).abs() < 0.01, "{saved:?}");
    let data_dir = data.path().to_owned();
    let mut again = Harness::builder()
        .with_size([1366.0, 768.0])
        .build_eframe(move |cc| {
            tianbiao::ui::install_fonts(&cc.egui_ctx);
            TianbiaoApp::new(AppOptions {
                data_dir,
                dialogs: Box::new(FixedDialogs::default()),
                started: None,
            })
        });
    again.run();
    assert!((again.ctx.zoom_factor() - zoom).abs() < 0.01);
}

#[test]
fn a_draft_changed_outside_the_app_is_never_overwritten_silently() {
    let Setup { mut harness, .. } = app();
    harness.run();
    harness.get_by_label("打开示例").click();
    harness.run();
    let folder = folder(&harness);
    // Another window (or PC) writes the same draft.
    std::thread::sleep(Duration::from_millis(20));
    let (mut other, _) = folder.load().unwrap();
    other.answers.set_text("honours", "别处写的荣誉");
    folder.save(&mut other).unwrap();
    wait_for(&mut harness, |app| {
        app.editor().is_some_and(|editor| editor.changed_outside)
    });
    harness.step();
    harness.get_by_label("保留本程序中的版本");
    harness.get_by_label("自动保存已暂停（文件在外部被修改）");
    // Typing now does not reach the disk.
    harness.get_by_label("候选人姓名 *").focus();
    harness.step();
    harness.get_by_label("候选人姓名 *").type_text("甲");
    wait_for(&mut harness, |app| {
        app.editor()
            .is_some_and(|e| e.draft.answers.text("name") == "郜穗宁甲")
    });
    std::thread::sleep(Duration::from_millis(1200));
    harness.step();
    let (on_disk, _) = folder.load().unwrap();
    assert_eq!(on_disk.answers.text("honours"), "别处写的荣誉");
    assert_eq!(on_disk.answers.text("name"), "郜穗宁");
    // Keeping ours writes it, and theirs is kept beside it.
    harness.get_by_label("保留本程序中的版本").click();
    harness.step();
    wait_for(&mut harness, |_| {
        folder
            .load()
            .is_ok_and(|(draft, _)| draft.answers.text("name") == "郜穗宁甲")
    });
    let kept: Vec<_> = std::fs::read_dir(folder.dir.join("kept"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(kept.len(), 1);
    let theirs = std::fs::read_to_string(kept[0].path()).unwrap();
    assert!(theirs.contains("别处写的荣誉"));
    assert!(!harness.state().editor().unwrap().changed_outside);
}

/// The open draft's preview (the tests open a draft before asking).
fn preview(app: &tianbiao::ui::app::TianbiaoApp) -> &tianbiao::ui::preview::Preview {
    &app.session().expect("a draft is open").preview
}
