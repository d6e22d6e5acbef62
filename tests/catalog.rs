//! The shipped definition and the five campaigns load and pass their checks; a broken file is
//! refused with a message naming the file and the place; campaigns can be added as files.

mod common;

use common::catalog;
use tianbiao::draft::Library;
use tianbiao::form::catalog::{Catalog, parse_form};
use tianbiao::form::definition::FieldKind;

const FORM: &str = include_str!("../assets/forms/zuimei_tuijianbiao.json");

#[test]
fn the_definition_has_every_field_of_the_seed_form() {
    let form = catalog().form("zuimei_tuijianbiao").unwrap();
    let labels: Vec<&str> = form.fields().map(|f| f.label.as_str()).collect();
    for label in [
        "候选人姓名",
        "工作单位",
        "推荐单位",
        "填报日期",
        "性别",
        "出生年月",
        "民族",
        "籍贯",
        "政治面貌",
        "学历",
        "毕业院校",
        "所学专业",
        "工作单位及职务",
        "专业技术职务",
        "办公电话",
        "手机",
        "电子邮箱",
        "通讯地址",
        "邮编",
        "照片",
        "推荐领域",
        "学习工作经历",
        "主要事迹",
        "感人故事",
        "候选人签名",
        "所在单位意见",
        "推荐单位意见",
        "佐证材料",
    ] {
        assert!(labels.contains(&label), "missing {label}");
    }
    let sections: Vec<&str> = form.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections.first(), Some(&"封面"));
    assert_eq!(sections.last(), Some(&"佐证材料"));
    assert_eq!(form.instructions.len(), 10, "the ten items of the 填表说明");
    assert!(form.fields().count() >= 35);
    let kinds = |pred: fn(&FieldKind) -> bool| form.fields().filter(|f| pred(&f.kind)).count();
    assert_eq!(kinds(|k| matches!(k, FieldKind::Photo)), 1);
    assert_eq!(kinds(|k| matches!(k, FieldKind::Rows { .. })), 1);
    assert_eq!(kinds(|k| matches!(k, FieldKind::PrintBlank { .. })), 6);
    let Some(FieldKind::MultiChoice { options, .. }) = form.field("domains").map(|f| &f.kind)
    else {
        panic!("推荐领域 is a multi-choice");
    };
    assert_eq!(options.len(), 5);
    let Some(FieldKind::Choice {
        options,
        allow_other: true,
    }) = form.field("ethnicity").map(|f| &f.kind)
    else {
        panic!("民族 is a choice with 其他");
    };
    assert_eq!(options.len(), 56);
}

#[test]
fn the_five_campaigns_load_newest_first() {
    let ids: Vec<&str> = catalog().campaigns.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "hengshui-2024",
            "xinxiang-2023",
            "beijing-2022",
            "chongqing-2021",
            "hengshui-2019"
        ]
    );
    for campaign in &catalog().campaigns {
        assert!(
            campaign.form_title.contains(&campaign.year.to_string()),
            "{}",
            campaign.form_title
        );
        assert!(
            campaign.form_title.contains("“最美科技工作者”"),
            "{}",
            campaign.form_title
        );
        assert!(
            campaign.materials.iter().any(|m| m.id == "form"),
            "{}",
            campaign.id
        );
        assert!(!campaign.organisers.is_empty(), "{}", campaign.id);
    }
    let xinxiang = catalog().campaign("xinxiang-2023").unwrap();
    assert_eq!(xinxiang.form_title, "2023年新乡“最美科技工作者”推荐表");
    assert_eq!(xinxiang.word_limits["main_deeds"].words, 1500);
    assert_eq!(xinxiang.photo.min_file_bytes, Some(2 * 1024 * 1024));
    assert_eq!(
        xinxiang.submission.package_name.as_deref(),
        Some("最美科技工作者+推荐单位")
    );
    let hengshui = catalog().campaign("hengshui-2024").unwrap();
    assert_eq!(hengshui.youth_rule.and_then(|r| r.min_percent), Some(20));
    let hengshui_2019 = catalog().campaign("hengshui-2019").unwrap();
    assert_eq!(hengshui_2019.word_limits["deeds_material"].words, 3000);
    assert_eq!(
        hengshui_2019.photo.id_photo.background.as_deref(),
        Some("白底")
    );
    let beijing = catalog().campaign("beijing-2022").unwrap();
    assert!(beijing.materials.iter().any(|m| m.id == "word_copy"));
    assert!(beijing.materials.iter().any(|m| m.id == "video"));
}

fn broken(from: &str, to: &str) -> String {
    assert!(FORM.contains(from), "test edit not found: {from}");
    parse_form("broken.json", &FORM.replacen(from, to, 1))
        .unwrap_err()
        .to_string()
}

#[test]
fn a_broken_definition_names_the_file_and_the_place() {
    let duplicate = broken("\"id\": \"gender\"", "\"id\": \"name\"");
    assert!(
        duplicate.starts_with("broken.json：sections[1].fields[0]"),
        "{duplicate}"
    );
    assert!(duplicate.contains("重复"), "{duplicate}");

    let unknown_cell = broken("\"field\": \"mobile\"", "\"field\": \"mobil\"");
    assert!(
        unknown_cell.contains("print.table.rows[6].cells[3]") && unknown_cell.contains("mobil"),
        "{unknown_cell}"
    );

    let grid = broken("\"span\": 5", "\"span\": 4");
    assert!(
        grid.contains("print.table.rows[4]") && grid.contains("列"),
        "{grid}"
    );

    let rule = broken(
        "\"format\": \"mobile\"",
        "\"format\": \"mobile\"}, {\"rule\": \"word_limit\"",
    );
    assert!(
        rule.contains("rules[1]") && rule.contains("不适用"),
        "{rule}"
    );

    let syntax = parse_form("broken.json", &FORM[..FORM.len() / 2])
        .unwrap_err()
        .to_string();
    assert!(syntax.starts_with("broken.json：第"), "{syntax}");
}

#[test]
fn a_field_printed_nowhere_is_refused() {
    let mut form: serde_json::Value = serde_json::from_str(FORM).unwrap();
    let postcode_row = &mut form["print"]["table"]["rows"][7]["cells"][3]["content"];
    assert_eq!(postcode_row["field"], "postcode");
    *postcode_row = serde_json::json!({"type": "label", "text": "邮编"});
    let unprinted = parse_form("broken.json", &form.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        unprinted.contains("postcode") && unprinted.contains("没有印在任何地方"),
        "{unprinted}"
    );
}

#[test]
fn campaigns_added_as_files_in_the_data_folder() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(root.path());
    std::fs::create_dir_all(library.campaigns_dir()).unwrap();
    let next_year = include_str!("../assets/campaigns/xinxiang-2023.json")
        .replace("xinxiang-2023", "xinxiang-2025")
        .replace("2023年新乡", "2025年新乡")
        .replace("\"year\": 2023", "\"year\": 2025");
    std::fs::write(
        library.campaigns_dir().join("xinxiang-2025.json"),
        next_year,
    )
    .unwrap();
    std::fs::write(library.campaigns_dir().join("bad.json"), "{\"id\": \"bad\"").unwrap();
    std::fs::write(
        library.campaigns_dir().join("no-form.json"),
        include_str!("../assets/campaigns/beijing-2022.json")
            .replace("\"form\": \"zuimei_tuijianbiao\"", "\"form\": \"other\""),
    )
    .unwrap();

    let mut catalog = Catalog::builtin().unwrap();
    let errors = library.load_user_campaigns(&mut catalog);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|e| e.file.ends_with("bad.json") && e.place.starts_with("第")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.file.ends_with("no-form.json") && e.problem.contains("other")),
        "{errors:?}"
    );
    assert_eq!(
        catalog.campaigns.first().map(|c| c.id.as_str()),
        Some("xinxiang-2025")
    );
    assert_eq!(catalog.campaigns.len(), 6);
    assert_eq!(
        catalog.campaign("beijing-2022").map(|c| c.form.as_str()),
        Some("zuimei_tuijianbiao")
    );
}
