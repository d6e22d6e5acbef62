//! The campaign schema for notices to come, through the engine: a campaign file written with
//! only the fields of the first five notices loads unchanged, and each optional addition (photo
//! size by name, no ID photo, background, birth date, stated conditions, share rules, deadline
//! times and stages, electronic-only submission) changes what the engine loads or finds.

mod common;

use common::*;
use serde_json::{Value, json};
use tianbiao::form::campaign::Campaign;
use tianbiao::form::campaign_rules::{Background, PhotoSize, Scope};
use tianbiao::form::catalog::{Catalog, LoadError};
use tianbiao::form::printed::{CellValue, resolve};
use tianbiao::form::validate::Severity::{Error, Hint, Warning};
use tianbiao::form::validate::{Finding, is_relevant, validate};
use tianbiao::package::roster::youth_figure;
use tianbiao::package::shares::share_figures;

/// A built-in campaign as JSON, changed by `edit`, loaded through the catalog (parse, resolve,
/// load-time checks) as a campaign file in the data folder would be.
fn variant(base: &str, edit: impl FnOnce(&mut Value)) -> Result<Campaign, LoadError> {
    let (_, campaign) = pair(base);
    let mut value = serde_json::to_value(campaign).expect("a campaign serialises");
    value["id"] = json!("test-variant");
    edit(&mut value);
    let mut catalog = Catalog::builtin().expect("the built-in files load");
    let text = value.to_string();
    catalog.add_campaign("test-variant.json", &text).cloned()
}

fn loaded(base: &str, edit: impl FnOnce(&mut Value)) -> Campaign {
    variant(base, edit).unwrap_or_else(|error| panic!("the variant loads: {error}"))
}

fn findings_for(campaign: &Campaign, answers: &tianbiao::form::answers::Answers) -> Vec<Finding> {
    let (definition, _) = pair("xinxiang-2023");
    validate(definition, campaign, answers)
}

/// A campaign file with only the fields the first notices used (no field added since).
const OLD_CAMPAIGN: &str = r#"{
  "id": "old-style",
  "city": "某市",
  "year": 2025,
  "form": "zuimei_tuijianbiao",
  "notice_title": "关于开展2025年某市“最美科技工作者”学习宣传活动的通知",
  "form_title": "2025年某市“最美科技工作者”推荐表",
  "summary_title": "2025年某市“最美科技工作者”推荐人选汇总表",
  "organisers": ["市科协"],
  "reference_date": "2025-04-30",
  "deadline": { "date": "2025-04-30", "text": "4月30日前报送" },
  "word_limits": {},
  "photo": {
    "id_photo": {
      "description": "小2寸正面免冠彩色照片",
      "width_mm": 35.0,
      "height_mm": 45.0,
      "size_source": "通知只写“小2寸”",
      "colour": true
    },
    "text": "小2寸正面免冠彩色照片"
  },
  "paper_copies": [{ "material": "form", "copies": 2 }],
  "materials": [
    {
      "id": "form",
      "name": "推荐表",
      "by": "candidate",
      "produced_by": "app",
      "paper": true,
      "electronic": true
    }
  ],
  "submission": { "email": "kx@example.com", "office": "市科协" },
  "quotas": [{ "channel": "各单位", "max": 2 }],
  "youth_rule": { "under_age": 45, "min_percent": 20 },
  "eligibility": { "excluded": [] }
}"#;

#[test]
fn a_campaign_file_with_only_the_old_fields_loads_unchanged() {
    let mut catalog = Catalog::builtin().unwrap();
    let campaign = catalog
        .add_campaign("old.json", OLD_CAMPAIGN)
        .unwrap()
        .clone();
    assert_eq!((campaign.year, campaign.city.as_str()), (2025, "某市"));
    let photo = &campaign.photo.id_photo;
    assert_eq!((photo.width_mm, photo.height_mm), (35.0, 45.0));
    assert!(photo.asked && photo.size.is_none());
    assert!(campaign.deadline.time.is_none() && campaign.deadline.stages.is_empty());
    assert!(!campaign.submission.electronic_only);
    assert!(campaign.share_rules.is_empty() && campaign.before_submission.is_empty());
    assert_eq!(campaign.youth_rule.and_then(|r| r.scope), None);
    assert!(campaign.eligibility.born_after.is_none());
    assert_eq!(campaign.summary_label(), "汇总表");
    // Unknown fields are still refused, so a typo does not pass silently.
    let typo = OLD_CAMPAIGN.replace("\"word_limits\"", "\"word_limit\"");
    let error = catalog.add_campaign("typo.json", &typo).unwrap_err();
    assert!(error.problem.contains("word_limit"), "{error}");
}

fn photo_cell(campaign: &Campaign, answers: &tianbiao::form::answers::Answers) -> CellValue {
    let (definition, _) = pair("xinxiang-2023");
    let form = resolve(definition, campaign, answers);
    let cells = form.table.groups.iter().flat_map(|group| {
        let spans = group.spans.iter().map(|span| &span.cell);
        group.rows.iter().flat_map(|row| &row.cells).chain(spans)
    });
    cells
        .map(|cell| cell.value.clone())
        .find(|value| matches!(value, CellValue::Photo { .. }))
        .expect("the table has a photo cell")
}

#[test]
fn a_named_photo_size_sets_the_ratio_the_findings_and_the_printed_cell() {
    let one_inch = loaded("xinxiang-2023", |v| {
        let photo = &mut v["photo"]["id_photo"];
        photo["size"] = json!("1寸");
        photo.as_object_mut().unwrap().remove("width_mm");
        photo.as_object_mut().unwrap().remove("height_mm");
    });
    let photo = &one_inch.photo.id_photo;
    assert_eq!(photo.size, Some(PhotoSize::OneInch));
    assert_eq!((photo.width_mm, photo.height_mm), (25.0, 35.0));
    let CellValue::Photo {
        width_mm,
        height_mm,
        ..
    } = photo_cell(&one_inch, &valid_answers())
    else {
        unreachable!()
    };
    assert_eq!((width_mm, height_mm), (25.0, 35.0));
    // A 小2寸 photo (826×1062) is the wrong shape for 1寸: the ratio warning follows the size.
    assert!(codes(&check(&valid_answers()), "photo", Warning).is_empty());
    let findings = findings_for(&one_inch, &valid_answers());
    assert_eq!(codes(&findings, "photo", Warning), ["photo_ratio"]);
    // 2寸 is 35×49.
    let two_inch = loaded("xinxiang-2023", |v| {
        let photo = &mut v["photo"]["id_photo"];
        photo["size"] = json!("2寸");
        photo["width_mm"] = json!(0.0);
        photo["height_mm"] = json!(0.0);
    });
    let photo = &two_inch.photo.id_photo;
    assert_eq!((photo.width_mm, photo.height_mm), (35.0, 49.0));
    // Neither a size nor millimetres: a clear load error.
    let error = variant("xinxiang-2023", |v| {
        let photo = v["photo"]["id_photo"].as_object_mut().unwrap();
        photo.remove("width_mm");
        photo.remove("height_mm");
    })
    .unwrap_err();
    assert!(error.problem.contains("小2寸、2寸或1寸"), "{error}");
}

#[test]
fn no_id_photo_means_no_photo_field_no_finding_and_a_blank_cell() {
    let mut answers = valid_answers();
    answers.remove("photo");
    assert_eq!(codes(&check(&answers), "photo", Error), ["required"]);
    let none = loaded("xinxiang-2023", |v| {
        v["photo"]["id_photo"]["asked"] = json!(false)
    });
    assert!(!none.photo.id_photo.asked);
    let (definition, _) = pair("xinxiang-2023");
    let photo_field = definition.field("photo").unwrap();
    assert!(!is_relevant(photo_field, &none));
    let findings = findings_for(&none, &answers);
    assert!(findings.iter().all(|f| f.field != "photo"), "{findings:#?}");
    // Even an old draft that holds a photo prints the cell blank.
    let CellValue::Photo { file, .. } = photo_cell(&none, &valid_answers()) else {
        unreachable!()
    };
    assert_eq!(file, None);
    let CellValue::Photo { file, .. } = photo_cell(pair("xinxiang-2023").1, &valid_answers())
    else {
        unreachable!()
    };
    assert!(file.is_some());
}

#[test]
fn the_background_colour_is_read_and_hinted() {
    let white = pair("hengshui-2019").1;
    assert_eq!(
        white.photo.id_photo.background_colour(),
        Some(Background::White)
    );
    assert_eq!(
        pair("xinxiang-2023").1.photo.id_photo.background_colour(),
        None
    );
    let blue = loaded("xinxiang-2023", |v| {
        v["photo"]["id_photo"]["background"] = json!("蓝底")
    });
    assert_eq!(
        blue.photo.id_photo.background_colour(),
        Some(Background::Blue)
    );
    let findings = findings_for(&blue, &valid_answers());
    let hint = findings
        .iter()
        .find(|f| f.field == "photo" && f.code == "photo_background")
        .expect("a hint about the background");
    assert_eq!(hint.severity, Hint);
    assert!(hint.message.contains("蓝底"), "{}", hint.message);
}

#[test]
fn eligibility_by_birth_date_is_checked_on_the_birth_field() {
    let campaign = loaded("xinxiang-2023", |v| {
        v["eligibility"]["born_after"] =
            json!({ "date": "1979-01-01", "text": "1979年1月1日以后出生" })
    });
    let mut answers = valid_answers();
    answers.set_text("birth", "1978.12");
    let findings = findings_for(&campaign, &answers);
    assert_eq!(codes(&findings, "birth", Warning), ["born_after"]);
    let warning = findings.iter().find(|f| f.code == "born_after").unwrap();
    assert!(
        warning.message.contains("1979年1月1日以后出生"),
        "{}",
        warning.message
    );
    answers.set_text("birth", "1979.01");
    let findings = findings_for(&campaign, &answers);
    assert!(codes(&findings, "birth", Warning).is_empty());
    assert!(codes(&findings, "birth", Hint).contains(&"born_after"));
    // Without the rule, no such finding.
    answers.set_text("birth", "1978.12");
    assert!(!check(&answers).iter().any(|f| f.code == "born_after"));
    // A bad date in the file is a load error.
    let error = variant("xinxiang-2023", |v| {
        v["eligibility"]["born_after"] = json!({ "date": "1979年", "text": "x" })
    })
    .unwrap_err();
    assert_eq!(error.place, "eligibility.born_after.date");
}

#[test]
fn stated_conditions_are_hints_on_their_field() {
    let campaign =
        loaded(
            "xinxiang-2023",
            |v| {
                v["eligibility"]["conditions"] =
                    json!([{ "field": "pro_title", "text": "具有副高级以上专业技术职称" }])
            },
        );
    let findings = findings_for(&campaign, &valid_answers());
    assert_eq!(codes(&findings, "pro_title", Hint), ["condition"]);
    assert!(codes(&check(&valid_answers()), "pro_title", Hint).is_empty());
    let error = variant("xinxiang-2023", |v| {
        v["eligibility"]["conditions"] = json!([{ "field": "no_such", "text": "x" }])
    })
    .unwrap_err();
    assert!(error.problem.contains("no_such"), "{error}");
}

#[test]
fn share_rules_count_the_batch_and_say_how_the_notice_counts() {
    let campaign = loaded("hengshui-2024", |v| {
        v["share_rules"] = json!([{
            "label": "企业科技工作者",
            "field": "work_unit",
            "any_of": ["公司", "企业"],
            "max_percent": 30,
            "scope": "city",
            "text": "企业科技工作者不超过30%"
        }]);
        v["youth_rule"]["scope"] = json!("unit");
    });
    let mut company = valid_answers();
    company.set_text("work_unit", "新乡某某种业有限公司");
    let mut institute = valid_answers();
    institute.set_text("work_unit", "新乡市农业科学院");
    let two = [&company, &institute];
    let figures = share_figures(&campaign, &two);
    assert_eq!(figures.len(), 1);
    assert_eq!((figures[0].matching, figures[0].counted), (1, 2));
    assert_eq!(figures[0].meets_rule(), Some(false));
    assert!(
        figures[0].describe().contains("全市"),
        "{}",
        figures[0].describe()
    );
    let four = [&company, &institute, &institute, &institute];
    assert_eq!(share_figures(&campaign, &four)[0].meets_rule(), Some(true));
    assert_eq!(campaign.youth_rule.and_then(|r| r.scope), Some(Scope::Unit));
    // The shipped 衡水 2024 does not say per unit or city: the figure says so.
    assert!(share_figures(pair("hengshui-2024").1, &two).is_empty());
    let figure = youth_figure(pair("hengshui-2024").1, &[]).unwrap();
    assert!(
        figure.describe().contains("未说明"),
        "{}",
        figure.describe()
    );
    let error = variant("hengshui-2024", |v| {
        v["share_rules"] = json!([{
            "label": "x", "field": "work_unit", "any_of": ["公司"],
            "min_percent": 50, "max_percent": 30, "text": "x"
        }])
    })
    .unwrap_err();
    assert_eq!(error.place, "share_rules[0]");
}

#[test]
fn deadline_times_stages_and_electronic_only_are_checked_on_load() {
    let staged = loaded("xinxiang-2023", |v| {
        v["deadline"]["time"] = json!("17:00");
        v["deadline"]["stages"] = json!([
            { "what": "电子版", "date": "2023-04-25", "time": "12:00" },
            { "what": "纸质材料", "date": "2023-04-30" }
        ]);
    });
    assert_eq!(staged.deadline.stages.len(), 2);
    let error = variant("xinxiang-2023", |v| v["deadline"]["time"] = json!("25:00")).unwrap_err();
    assert_eq!(error.place, "deadline.time");
    let error = variant("xinxiang-2023", |v| {
        v["deadline"]["stages"] = json!([{ "what": "电子版", "date": "4月25日" }])
    })
    .unwrap_err();
    assert_eq!(error.place, "deadline.stages[0].date");
    // Electronic only with paper copies left in is refused.
    let error = variant("xinxiang-2023", |v| {
        v["submission"]["electronic_only"] = json!(true)
    })
    .unwrap_err();
    assert_eq!(error.place, "submission.electronic_only");
}
