//! The secretary's flows in the real app, headless (egui_kittest): the table of a campaign's
//! candidates with the youth figure, the submission package made off the UI thread, and drafts
//! shared as 姓名-推荐材料.zip and imported with a question instead of a silent overwrite.

mod common;

use common::ui::{app_at, wait_for};
use egui_kittest::kittest::Queryable;
use tianbiao::draft::Library;
use tianbiao::ui::app::Screen;
use tianbiao::ui::dialogs::FixedDialogs;

/// Copies of the sample with other names and birth dates (新乡 2023: 45岁以下 counted).
fn candidates(library: &Library, people: &[(&str, &str)]) {
    for (name, birth) in people {
        let folder = tianbiao::draft::sample::create_sample(library).unwrap();
        let (mut draft, _) = folder.load().unwrap();
        draft.answers.set_text("name", *name);
        draft.answers.set_text("birth", *birth);
        draft.title = String::new();
        folder.save(&mut draft).unwrap();
    }
}

#[test]
fn the_secretary_sees_every_candidate_and_makes_the_package() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    candidates(
        &Library::at(data.path()),
        &[
            ("张三", "1990-05"),
            ("李四", "1970-01"),
            ("王五", "1965-09"),
        ],
    );
    let mut harness = app_at(
        data.path(),
        FixedDialogs {
            folder: Some(out.path().to_owned()),
            ..FixedDialogs::default()
        },
    );
    harness.run();
    harness.get_by_label("推荐单位：汇总与报送…").click();
    harness.run();
    assert!(matches!(harness.state().screen, Screen::Secretary(_)));
    for name in ["张三", "李四", "王五"] {
        harness.get_by_label(name);
    }
    // 新乡 2023 asks to consider young people without a figure: 1 of 3 under 45 on 2023-04-30.
    harness.get_by_label(
        "青年比例：45岁以下1人，共3人，占33%（通知要求兼顾青年科技工作者，未规定比例）",
    );
    // Unselect one: the figure follows the selection.
    harness.get_by_label("张三").click();
    harness.run();
    harness.get_by_label("已选2人");
    harness.get_by_label(
        "青年比例：45岁以下0人，共2人，占0%（通知要求兼顾青年科技工作者，未规定比例）",
    );
    harness.get_by_label("生成材料包…").click();
    harness.step();
    wait_for(&mut harness, |app| match &app.screen {
        Screen::Secretary(state) => state.job.finished().is_some(),
        _ => false,
    });
    harness.run();
    let package = out.path().join("最美科技工作者+新乡市农学会");
    assert!(package.join("李四-推荐表.pdf").is_file());
    assert!(package.join("王五-推荐表.pdf").is_file());
    assert!(!package.join("张三-推荐表.pdf").exists(), "not selected");
    assert!(package.join("材料清单.txt").is_file());
    assert!(out.path().join("最美科技工作者+新乡市农学会.zip").is_file());
    harness.get_by_label("打开所在文件夹");
}

/// Runs frames until the start page's job (export or import on a task) has ended.
fn settle(harness: &mut egui_kittest::Harness<'_, tianbiao::ui::app::TianbiaoApp>) {
    harness.step();
    wait_for(harness, |app| !app.is_working());
    harness.run();
}

#[test]
fn a_shared_draft_is_imported_and_the_same_candidate_is_asked_about() {
    let candidate_pc = tempfile::tempdir().unwrap();
    let secretary_pc = tempfile::tempdir().unwrap();
    let shared = tempfile::tempdir().unwrap();

    // The candidate shares the draft from the drafts list.
    candidates(&Library::at(candidate_pc.path()), &[("赵六", "1988-02")]);
    let mut candidate = app_at(
        candidate_pc.path(),
        FixedDialogs {
            save_dir: Some(shared.path().to_owned()),
            ..FixedDialogs::default()
        },
    );
    candidate.run();
    candidate.get_by_label("导出zip").click();
    settle(&mut candidate);
    let zip = shared.path().join("赵六-推荐材料.zip");
    assert!(zip.is_file(), "named 姓名-推荐材料.zip");

    // The secretary imports it, then imports it again.
    let mut secretary = app_at(
        secretary_pc.path(),
        FixedDialogs {
            zip: Some(zip.clone()),
            ..FixedDialogs::default()
        },
    );
    secretary.run();
    secretary.get_by_label("导入推荐材料…").click();
    settle(&mut secretary);
    assert_eq!(secretary.state().drafts.len(), 1);
    secretary.get_by_label("赵六");

    secretary.get_by_label("导入推荐材料…").click();
    settle(&mut secretary);
    assert!(secretary.state().pending_import.is_some(), "asks first");
    secretary.get_by_label("取消").click();
    secretary.run();
    assert_eq!(secretary.state().drafts.len(), 1, "cancel writes nothing");

    secretary.get_by_label("导入推荐材料…").click();
    settle(&mut secretary);
    secretary.get_by_label("保留两份").click();
    settle(&mut secretary);
    assert_eq!(secretary.state().drafts.len(), 2);

    secretary.get_by_label("导入推荐材料…").click();
    settle(&mut secretary);
    secretary.get_by_label("替换").click();
    settle(&mut secretary);
    assert_eq!(secretary.state().drafts.len(), 2, "replaced, not added");
    assert!(
        secretary_pc.path().join("trash").is_dir(),
        "the old one is recoverable"
    );

    // A damaged zip is refused with a message; nothing is added.
    let damaged = shared.path().join("坏的.zip");
    let bytes = std::fs::read(&zip).unwrap();
    std::fs::write(&damaged, &bytes[..bytes.len() / 3]).unwrap();
    let mut again = app_at(
        secretary_pc.path(),
        FixedDialogs {
            zip: Some(damaged),
            ..FixedDialogs::default()
        },
    );
    again.run();
    again.get_by_label("导入推荐材料…").click();
    settle(&mut again);
    let notice = again
        .state()
        .notice
        .clone()
        .map(|(text, _)| text)
        .unwrap_or_default();
    assert!(notice.contains("不是有效的压缩包"), "{notice}");
    assert_eq!(again.state().drafts.len(), 2);
}
