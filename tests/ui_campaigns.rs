//! The campaign editor in the real app, headless (egui_kittest): a campaign made from a pasted
//! notice, corrected, saved, drafted in and exported with its own title; campaign files sent
//! from one PC to another; damaged files that say what they are; built-in campaigns read-only.

mod common;

use std::path::Path;

use common::ui::{app_at, wait_for};
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tianbiao::ui::app::{Screen, TianbiaoApp};
use tianbiao::ui::campaigns::CampaignEdit;
use tianbiao::ui::dialogs::FixedDialogs;

/// A short notice of a city and year none of the shipped campaigns has, written for this test.
const NOTICE: &str = "关于开展2027年安阳市“最美科技工作者”推荐工作的通知
安科协〔2027〕3号
各县（市、区）科协，各学会：
请各单位认真组织推荐，于2027年5月20日前将《2027年安阳市“最美科技工作者”推荐表》纸质版一式2份报送市科协组织人事部，电子版发送至aykx@163.com。
推荐表中主要事迹1500字左右，感人故事1—2个，1000字以内。
联系人：王某，电话：0372-1234567
安阳市科学技术协会
2027年3月1日";

const NEW_TITLE: &str = "2027年安阳市“最美科技工作者”推荐表（修订）";

fn editing<'a>(harness: &'a Harness<'_, TianbiaoApp>) -> Option<&'a CampaignEdit> {
    match &harness.state().screen {
        Screen::Campaigns(state) => state.edit.as_ref(),
        _ => None,
    }
}

/// Replaces the text of the input labelled `label`.
fn retype(harness: &mut Harness<'_, TianbiaoApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn notice_message(harness: &Harness<'_, TianbiaoApp>) -> String {
    (harness.state().notice.as_ref()).map_or_else(String::new, |(text, _)| text.clone())
}

fn campaign_files(data: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(data.join("campaigns"))
        .map(|dir| dir.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn a_campaign_from_a_pasted_notice_is_corrected_saved_drafted_in_and_exported() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("安阳.pdf");
    let dialogs = FixedDialogs {
        save_to: Some(pdf.clone()),
        ..FixedDialogs::default()
    };
    let mut harness = app_at(data.path(), dialogs);
    harness.run();
    harness.get_by_label("活动…").click();
    harness.run();
    harness.get_by_label("从通知创建…").click();
    harness.run();
    harness.get_by_label("通知全文").click();
    harness.run();
    harness.get_by_label("通知全文").type_text(NOTICE);
    harness.run();
    harness.get_by_label("读取").click();
    harness.run();

    // What the reader found is filled in, each value shown with its sentence.
    let edit = editing(&harness).expect("the new campaign is in the editor");
    assert!(edit.is_new());
    assert_eq!(edit.campaign.year, 2027);
    assert_eq!(
        edit.campaign.form_title,
        "2027年安阳市“最美科技工作者”推荐表"
    );
    assert_eq!(edit.campaign.deadline.date, "2027-05-20");
    assert_eq!(
        edit.campaign.submission.email.as_deref(),
        Some("aykx@163.com")
    );
    // What it did not find is listed, and stands marked in the campaign.
    assert!(edit.campaign.summary_title.starts_with("【通知未写明】"));
    harness.get_by_label("从通知读到的");
    harness.get_by_label("· 汇总表标题");
    // Each item leads to the step where it is edited.
    harness.get_by_label("电子邮箱：aykx@163.com").click();
    harness.run();
    assert_eq!(
        editing(&harness).unwrap().step,
        tianbiao::ui::campaigns::Step::Submission
    );
    harness.get_by_label("基本").click();
    harness.run();

    // Corrected by hand, with its own id, and saved into the data folder.
    retype(&mut harness, "活动编号", "anyang-2027");
    retype(&mut harness, "推荐表标题", NEW_TITLE);
    assert_eq!(editing(&harness).unwrap().campaign.form_title, NEW_TITLE);
    harness
        .get_by_label("还有1处“【通知未写明】”：按通知填写；通知确实没写的，在“通知未说明”中说明");
    retype(
        &mut harness,
        "汇总表标题",
        "2027年安阳市“最美科技工作者”候选人汇总表",
    );
    harness.get_by_label("✓ 检查通过，尚未保存");
    harness.get_by_label("保存").click();
    harness.run();
    assert!(
        notice_message(&harness).starts_with("已保存活动"),
        "{}",
        notice_message(&harness)
    );
    let saved = data.path().join("campaigns").join("anyang-2027.json");
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.contains(NEW_TITLE));
    let campaign = harness
        .state()
        .catalog
        .campaign("anyang-2027")
        .expect("in the catalog");
    assert_eq!(campaign.form_title, NEW_TITLE);
    harness.get_by_label("✓ 检查通过，已保存");

    // A draft in it, exported: the PDF carries the corrected title.
    harness.get_by_label("用此活动新建草稿").click();
    harness.run();
    let draft = &harness
        .state()
        .editor()
        .expect("the new draft is open")
        .draft;
    assert_eq!(draft.campaign, "anyang-2027");
    harness.get_by_label("导出PDF…").click();
    harness.run();
    // An empty draft has errors: the PDF is still made, to check the layout.
    harness.get_by_label("仍然导出…").click();
    harness.step();
    wait_for(&mut harness, |app| {
        app.session()
            .and_then(|session| session.export.as_ref())
            .is_some_and(|dialog| dialog.exported().is_some())
    });
    let text = common::pdftotext(&pdf, &[]);
    assert!(text.contains("2027年安阳市"), "{text}");
    assert!(text.contains("（修订）"), "{text}");
}

/// Opens 活动… and makes a saved copy of 新乡 2023 with id `id` and a city of its own.
fn saved_copy(harness: &mut Harness<'_, TianbiaoApp>, id: &str) {
    if !matches!(harness.state().screen, Screen::Campaigns(_)) {
        harness.get_by_label("活动…").click();
        harness.run();
    }
    // The list is newest first: 2024, 2023 (新乡), …; each row has its own buttons.
    let row = (harness.state().catalog.campaigns.iter())
        .position(|c| c.id == "xinxiang-2023")
        .unwrap();
    harness
        .get_all_by_label("复制为新活动")
        .nth(row)
        .unwrap()
        .click();
    harness.run();
    let edit = editing(harness).expect("the copy is in the editor");
    assert_eq!(edit.campaign.id, "xinxiang-2023-2");
    retype(harness, "活动编号", id);
    retype(harness, "城市", "辉县");
    harness.get_by_label("保存").click();
    harness.run();
    assert!(harness.state().catalog.campaign(id).is_some());
}

#[test]
fn a_campaign_file_goes_from_one_pc_to_another() {
    let here = tempfile::tempdir().unwrap();
    let there = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("发给各单位.json");
    let dialogs = FixedDialogs {
        save_to: Some(file.clone()),
        ..FixedDialogs::default()
    };
    let mut harness = app_at(here.path(), dialogs);
    harness.run();
    saved_copy(&mut harness, "huixian-2023");
    harness.get_by_label("导出活动文件…").click();
    harness.run();
    assert!(notice_message(&harness).starts_with("已导出活动文件"));

    // The other PC imports it: the campaign is there, with a file of its own.
    let dialogs = FixedDialogs {
        campaign_file: Some(file.clone()),
        ..FixedDialogs::default()
    };
    let mut other = app_at(there.path(), dialogs);
    other.run();
    other.get_by_label("活动…").click();
    other.run();
    other.get_by_label("导入活动文件…").click();
    other.run();
    let imported = other
        .state()
        .catalog
        .campaign("huixian-2023")
        .expect("imported");
    assert_eq!(imported.city, "辉县");
    assert_eq!(campaign_files(there.path()).len(), 1);

    // The same file again: asked, and 保留两份 keeps both under two ids.
    other.get_by_label("导入活动文件…").click();
    other.run();
    other.get_by_label("要怎样处理？");
    other.get_by_label("保留两份").click();
    other.run();
    assert!(other.state().catalog.campaign("huixian-2023").is_some());
    assert!(other.state().catalog.campaign("huixian-2023-2").is_some());
    assert_eq!(campaign_files(there.path()).len(), 2);

    // 替换: the old file goes to the recycle folder, nothing is lost.
    other.get_by_label("导入活动文件…").click();
    other.run();
    other.get_by_label("替换").click();
    other.run();
    assert_eq!(campaign_files(there.path()).len(), 2);
    let trashed = std::fs::read_dir(there.path().join("trash"))
        .unwrap()
        .count();
    assert_eq!(trashed, 1);
}

#[test]
fn damaged_and_foreign_campaign_files_say_what_they_are() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    // A campaign file cut short, a draft, and a campaign whose deadline is not a date.
    let cut = files.path().join("cut.json");
    let shipped = include_str!("../assets/campaigns/xinxiang-2023.json");
    std::fs::write(&cut, &shipped.as_bytes()[..shipped.len() / 2]).unwrap();
    let draft = files.path().join("draft.json");
    std::fs::write(&draft, r#"{"schema": 3, "answers": {}}"#).unwrap();
    let bad_date = files.path().join("bad-date.json");
    let changed = shipped
        .replace("\"id\": \"xinxiang-2023\"", "\"id\": \"bad-2023\"")
        .replace("\"date\": \"2023-04-30\"", "\"date\": \"2023年4月31日\"");
    std::fs::write(&bad_date, changed).unwrap();

    for (file, expected) in [
        (&cut, "“cut.json”不是活动文件：内容不是 JSON 格式"),
        (&draft, "“draft.json”不是活动文件：这是一份候选人的草稿"),
        (
            &bad_date,
            "活动文件有误，未导入：bad-date.json：deadline.date：",
        ),
    ] {
        let dialogs = FixedDialogs {
            campaign_file: Some(file.clone()),
            ..FixedDialogs::default()
        };
        let mut harness = app_at(data.path(), dialogs);
        harness.run();
        harness.get_by_label("活动…").click();
        harness.run();
        harness.get_by_label("导入活动文件…").click();
        harness.run();
        let message = notice_message(&harness);
        assert!(message.starts_with(expected), "{message}");
        assert!(campaign_files(data.path()).is_empty());
    }

    // A file in the data folder that no longer loads is listed with its problem, and can be
    // moved away; drafts of its campaign say why they do not open.
    std::fs::create_dir_all(data.path().join("campaigns")).unwrap();
    std::fs::copy(&cut, data.path().join("campaigns").join("cut.json")).unwrap();
    let mut harness = app_at(data.path(), FixedDialogs::default());
    harness.run();
    assert!(
        harness
            .get_all_by_label_contains("未能加载活动文件")
            .next()
            .is_some()
    );
    harness.get_by_label("活动…").click();
    harness.run();
    harness.get_by_label("未能加载的活动文件");
    harness.get_by_label("移到回收文件夹").click();
    harness.run();
    assert!(campaign_files(data.path()).is_empty());
    assert_eq!(
        std::fs::read_dir(data.path().join("trash"))
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn built_in_campaigns_are_read_only_and_a_copy_is_checked_live() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app_at(data.path(), FixedDialogs::default());
    harness.run();
    harness.get_by_label("活动…").click();
    harness.run();
    harness.get_all_by_label("查看").next().unwrap().click();
    harness.run();
    assert!(editing(&harness).unwrap().builtin);
    harness.get_by_label("内置活动只能查看：要修改，请回到列表点“复制为新活动”。");
    assert!(harness.query_by_label("保存").is_none());
    harness.get_by_label("◀ 活动列表").click();
    harness.run();

    saved_copy(&mut harness, "huixian-2023");
    // A date that is not one is refused at its field, and 保存 waits for it.
    harness.get_by_label("时间").click();
    harness.run();
    retype(&mut harness, "截止日期", "2023-04-31");
    // In the top bar, at the step and under the input.
    assert!(
        harness
            .get_all_by_label_contains("× 时间：")
            .next()
            .is_some()
    );
    harness.get_by_label("× 时间");
    let app = harness.state();
    let edit = editing(&harness).unwrap();
    let problem = tianbiao::ui::campaigns::problem(&app.catalog, &edit.campaign, false).unwrap();
    assert_eq!(problem.place, "deadline.date");
    harness.get_by_label(&problem.problem);
    harness.get_by_label("保存").click();
    harness.run();
    let file = data.path().join("campaigns").join("huixian-2023.json");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("2023-04-30") && !saved.contains("2023-04-31"));
    retype(&mut harness, "截止日期", "2023-04-30");
    harness.get_by_label("✓ 检查通过，已保存");
}

#[test]
fn deleting_a_campaign_with_drafts_asks_and_keeps_the_drafts() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app_at(data.path(), FixedDialogs::default());
    harness.run();
    saved_copy(&mut harness, "huixian-2023");
    harness.get_by_label("用此活动新建草稿").click();
    harness.run();
    harness.get_by_label("◀ 草稿列表").click();
    harness.run();
    harness.get_by_label("活动…").click();
    harness.run();
    // The copy keeps 新乡's title: lists tell the two apart by id.
    harness.get_by_label("2023年新乡“最美科技工作者”推荐表（huixian-2023）");
    harness.get_by_label("2023年新乡“最美科技工作者”推荐表（xinxiang-2023）");
    harness.get_by_label("删除").click();
    harness.run();
    harness.get_by_label_contains("有1份草稿使用这个活动");
    harness.get_all_by_label("删除").last().unwrap().click();
    harness.run();
    assert!(harness.state().catalog.campaign("huixian-2023").is_none());
    assert!(campaign_files(data.path()).is_empty());
    // The draft is still listed, with why it does not open.
    let drafts = &harness.state().drafts;
    assert_eq!(drafts.len(), 1);
    let problem = drafts[0].problem.as_deref().unwrap_or_default();
    assert!(problem.contains("huixian-2023"), "{problem}");
}
