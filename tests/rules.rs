//! Engine scenarios: start from a complete, valid 推荐表, change what a person typically gets
//! wrong, and assert the findings the validator gives (field, severity, what was checked).

mod common;

use common::*;
use tianbiao::form::validate::Severity::{Error, Hint, Warning};
use tianbiao::form::validate::{completeness, validate};

#[test]
fn a_complete_form_has_no_errors_or_warnings() {
    let findings = check(&valid_answers());
    assert!(serious(&findings).is_empty(), "{:#?}", serious(&findings));
    // The youth rule of 新乡 2023 tells the age as a hint.
    assert_eq!(codes(&findings, "birth", Hint), ["youth"]);
    let (definition, campaign) = pair("xinxiang-2023");
    let (filled, total) = completeness(definition, campaign, &valid_answers());
    assert_eq!(filled, total);
}

#[test]
fn every_required_field_is_asked_for() {
    let findings = check(&Default::default());
    let (definition, campaign) = pair("xinxiang-2023");
    let required: Vec<&str> = definition
        .fields()
        .filter(|f| f.required && tianbiao::form::validate::is_relevant(f, campaign))
        .map(|f| f.id.as_str())
        .collect();
    assert!(required.len() >= 28, "{required:?}");
    for id in &required {
        assert_eq!(codes(&findings, id, Error), ["required"], "{id}");
    }
    let name = findings.iter().find(|f| f.field == "name").unwrap();
    assert!(name.message.contains("候选人姓名"), "{}", name.message);
    assert_eq!(completeness(definition, campaign, &Default::default()).0, 0);
}

#[test]
fn whitespace_is_not_an_answer() {
    let mut answers = valid_answers();
    answers.set_text("native_place", "   ");
    assert_eq!(codes(&check(&answers), "native_place", Error), ["required"]);
}

#[test]
fn dates_must_use_arabic_numerals() {
    let mut answers = valid_answers();
    answers.set_text("birth", "一九八四年六月");
    answers.set_text("fill_date", "2023年2月30日");
    let findings = check(&answers);
    let birth = findings.iter().find(|f| f.field == "birth").unwrap();
    assert_eq!(birth.code, "date");
    assert!(birth.message.contains("阿拉伯数字"), "{}", birth.message);
    assert_eq!(codes(&findings, "fill_date", Error), ["date"]);

    let mut answers = valid_answers();
    answers.set_text(
        "main_deeds",
        format!("{}二〇一九年，他获得省级奖励。", text_of(1450)),
    );
    let findings = check(&answers);
    assert_eq!(codes(&findings, "main_deeds", Warning), ["arabic_dates"]);
    assert!(findings.iter().any(|f| f.message.contains("二〇一九年")));
}

#[test]
fn phones_mobiles_emails_and_postcodes_are_well_formed() {
    let mut answers = valid_answers();
    answers.set_text("mobile", "1381234567");
    answers.set_text("office_phone", "电话3661806");
    answers.set_text("email", "lin＠example.com");
    answers.set_text("postcode", "45300");
    let findings = check(&answers);
    assert_eq!(codes(&findings, "mobile", Error), ["mobile"]);
    assert_eq!(codes(&findings, "office_phone", Error), ["phone"]);
    assert_eq!(codes(&findings, "email", Error), ["email"]);
    assert_eq!(codes(&findings, "postcode", Error), ["postcode"]);
    let mobile = findings.iter().find(|f| f.field == "mobile").unwrap();
    assert!(mobile.message.contains("11位"), "{}", mobile.message);
}

#[test]
fn a_professional_title_must_be_concrete() {
    for bad in ["正高", "副高", "中级", " 副高级 ", "正高职称"] {
        let mut answers = valid_answers();
        answers.set_text("pro_title", bad);
        let findings = check(&answers);
        assert_eq!(codes(&findings, "pro_title", Error), ["forbidden"], "{bad}");
        assert!(findings.iter().any(|f| f.message.contains("研究员")));
    }
    for good in [
        "研究员",
        "正高级工程师",
        "副研究员",
        "高级农艺师",
        "研究员级高级工程师",
    ] {
        let mut answers = valid_answers();
        answers.set_text("pro_title", good);
        assert!(
            codes(&check(&answers), "pro_title", Error).is_empty(),
            "{good}"
        );
    }
}

#[test]
fn choices_come_from_their_lists_unless_other_is_allowed() {
    let mut answers = valid_answers();
    answers.set_text("gender", "男性");
    answers.set_text("ethnicity", "穿青人");
    answers.set_list("domains", vec!["面向未来".into()]);
    let findings = check(&answers);
    assert_eq!(codes(&findings, "gender", Error), ["choice"]);
    assert!(
        codes(&findings, "ethnicity", Error).is_empty(),
        "民族 allows 其他"
    );
    assert_eq!(codes(&findings, "domains", Error), ["choice"]);
}

#[test]
fn history_in_order_without_overlaps_gaps_warned() {
    let mut answers = valid_answers();
    answers.set_rows(
        "history",
        vec![
            row("2002-09", "2006-07", "南方农业大学农学专业学习"),
            row("2006-01", "2012-06", "南方农业大学作物遗传育种专业硕博连读"),
            row("2013-09", "2015-06", "某研究所博士后"),
            row("2011-07", "至今", "新乡市农业科学研究所从事小麦育种工作"),
        ],
    );
    let findings = check(&answers);
    let history: Vec<(Option<usize>, &str)> = findings
        .iter()
        .filter(|f| f.field == "history")
        .map(|f| (f.row, f.code))
        .collect();
    assert!(
        history.contains(&(Some(1), "history_overlap")),
        "{history:?}"
    );
    assert!(history.contains(&(Some(2), "history_gap")), "{history:?}");
    assert!(history.contains(&(Some(3), "history_order")), "{history:?}");
    let overlap = findings
        .iter()
        .find(|f| f.code == "history_overlap")
        .unwrap();
    assert!(
        overlap.message.contains("第2行") && overlap.message.contains("重叠"),
        "{}",
        overlap.message
    );
}

#[test]
fn history_rows_need_readable_dates_and_a_present() {
    let mut answers = valid_answers();
    answers.set_rows(
        "history",
        vec![
            row("2002.9", "二〇〇六年七月", "南方农业大学农学专业学习"),
            row("2012-07", "2010-01", ""),
        ],
    );
    let findings = check(&answers);
    let codes: Vec<&str> = findings
        .iter()
        .filter(|f| f.field == "history")
        .map(|f| f.code)
        .collect();
    assert!(codes.contains(&"history_date"), "{codes:?}");
    assert!(codes.contains(&"history_reversed"), "{codes:?}");
    assert!(codes.contains(&"history_what"), "{codes:?}");

    let mut answers = valid_answers();
    answers.set_rows(
        "history",
        vec![
            row("2002-09", "2006-07", "南方农业大学农学专业学习"),
            row("2006-07", "2022-12", "研究所工作"),
        ],
    );
    let findings = check(&answers);
    assert_eq!(
        common::codes(&findings, "history", Hint),
        ["history_present"]
    );
    assert!(
        serious(&findings).is_empty(),
        "touching months are not an overlap: {:#?}",
        serious(&findings)
    );
}

#[test]
fn history_starts_at_graduation_studies() {
    let mut answers = valid_answers();
    answers.set_rows(
        "history",
        vec![
            row("1999-09", "2002-07", "辉县第一中学高中学习"),
            row("2002-09", "至今", "南方农业大学学习及工作"),
        ],
    );
    assert_eq!(
        codes(&check(&answers), "history", Warning),
        ["history_start"]
    );

    let mut answers = valid_answers();
    answers.set_rows("history", vec![row("1992-09", "至今", "在村里务农")]);
    assert_eq!(
        codes(&check(&answers), "history", Warning),
        ["history_start"],
        "started at 8"
    );
}

#[test]
fn main_deeds_about_1500_with_a_band() {
    for (words, expected) in [
        (1200, vec!["short"]),
        (1400, vec![]),
        (1640, vec![]),
        (1800, vec!["long"]),
    ] {
        let mut answers = valid_answers();
        answers.set_text("main_deeds", text_of(words));
        assert_eq!(
            codes(&check(&answers), "main_deeds", Warning),
            expected,
            "{words}"
        );
    }
}

#[test]
fn stories_at_most_1000_and_one_or_two_of_them() {
    let mut answers = valid_answers();
    answers.set_text(
        "stories",
        format!("故事一：夜\n{}\n故事二：信\n{}", text_of(900), text_of(900)),
    );
    let findings = check(&answers);
    assert_eq!(codes(&findings, "stories", Error), ["over_limit"]);
    let over = findings.iter().find(|f| f.code == "over_limit").unwrap();
    assert!(over.message.contains("1000"), "{}", over.message);

    let mut answers = valid_answers();
    answers.set_text(
        "stories",
        format!(
            "一、夜\n{}\n二、信\n{}\n三、课\n{}",
            text_of(200),
            text_of(200),
            text_of(200)
        ),
    );
    assert_eq!(codes(&check(&answers), "stories", Warning), ["story_count"]);
}

#[test]
fn opinions_must_state_agreement_and_cover_their_topics() {
    let mut answers = valid_answers();
    answers.set_text("unit_opinion", "该同志工作认真负责，成绩突出。");
    answers.set_text(
        "recommender_opinion",
        "经研究，不同意推荐。该同志事迹一般，学风端正。",
    );
    let findings = check(&answers);
    assert_eq!(codes(&findings, "unit_opinion", Error), ["states"]);
    assert_eq!(codes(&findings, "unit_opinion", Warning), ["covers"]);
    let covers = findings.iter().find(|f| f.code == "covers").unwrap();
    for topic in ["政治表现", "廉洁自律", "道德品行", "涉密"] {
        assert!(
            covers.message.contains(topic),
            "{topic}: {}",
            covers.message
        );
    }
    assert!(
        codes(&findings, "recommender_opinion", Error).is_empty(),
        "不同意推荐 is a clear statement"
    );
}

#[test]
fn the_photo_needs_300_dpi_and_the_right_ratio() {
    let mut answers = valid_answers();
    answers.set_photo("photo", photo(200, 260));
    assert_eq!(
        codes(&check(&answers), "photo", Error),
        ["photo_resolution"]
    );

    answers.set_photo("photo", photo(350, 450));
    assert_eq!(
        codes(&check(&answers), "photo", Warning),
        ["photo_resolution"]
    );

    answers.set_photo("photo", photo(1200, 1000));
    assert_eq!(codes(&check(&answers), "photo", Warning), ["photo_ratio"]);

    let mut cropped = photo(1200, 1000);
    cropped.crop = Some(tianbiao::form::answers::Crop {
        x: 100,
        y: 0,
        width: 700,
        height: 900,
    });
    answers.set_photo("photo", cropped);
    assert!(
        serious(&check(&answers)).is_empty(),
        "a crop to 35:45 fixes the ratio"
    );

    let mut small = photo(826, 1062);
    small.bytes = 80_000;
    small.file = "photo-1.png".into();
    answers.set_photo("photo", small);
    let hints = codes(&check(&answers), "photo", Hint);
    assert_eq!(hints, ["photo_format", "photo_file_size"]);
}

#[test]
fn evidence_images_are_legible_and_captioned() {
    let mut answers = valid_answers();
    let mut images = Vec::new();
    for _ in 0..10 {
        images.push(photo(500, 400));
    }
    answers.set_images("evidence", images);
    let findings = check(&answers);
    assert_eq!(
        codes(&findings, "evidence", Warning).first(),
        Some(&"images_count")
    );
    assert!(codes(&findings, "evidence", Warning).contains(&"image_resolution"));
    assert!(codes(&findings, "evidence", Hint).contains(&"image_caption"));
}

#[test]
fn eligibility_hints_from_the_notice() {
    let mut answers = valid_answers();
    answers.set_text("unit_position", "新乡市某区科技局局长");
    answers.set_text("honours", "2020年河南省“最美科技工作者”");
    let findings = check(&answers);
    let office = findings.iter().find(|f| f.code == "eligibility").unwrap();
    assert_eq!(office.severity, Hint);
    assert!(
        office.message.contains("县处级"),
        "the notice's own words: {}",
        office.message
    );
    assert_eq!(codes(&findings, "honours", Warning), ["title_held"]);
}

#[test]
fn age_and_youth_follow_the_campaign() {
    let mut answers = valid_answers();
    answers.set_text("birth", "1975-01");
    let findings = check(&answers);
    let youth = findings.iter().find(|f| f.code == "youth").unwrap();
    assert!(
        youth.message.contains("48岁") && youth.message.contains("不属于"),
        "{}",
        youth.message
    );

    let (definition, campaign) = pair("hengshui-2024");
    let findings = validate(definition, campaign, &answers);
    let youth = findings.iter().find(|f| f.code == "youth").unwrap();
    assert!(youth.message.contains("20%"), "{}", youth.message);

    let (definition, campaign) = pair("beijing-2022");
    assert!(
        validate(definition, campaign, &answers)
            .iter()
            .all(|f| f.code != "youth"),
        "北京 2022 has no youth rule"
    );

    answers.set_text("birth", "2030-01");
    assert_eq!(codes(&check(&answers), "birth", Error), ["birth"]);
    answers.set_text("birth", "1930-01");
    assert_eq!(codes(&check(&answers), "birth", Warning), ["birth"]);
}

#[test]
fn a_separate_deeds_material_only_where_the_notice_asks() {
    let answers = valid_answers();
    let (definition, campaign) = pair("hengshui-2019");
    let findings = validate(definition, campaign, &answers);
    assert_eq!(codes(&findings, "deeds_material", Error), ["required"]);
    assert!(
        check(&answers).iter().all(|f| f.field != "deeds_material"),
        "新乡 2023 does not ask for it"
    );

    let mut answers = valid_answers();
    answers.set_text("deeds_material", text_of(3100));
    let findings = validate(definition, campaign, &answers);
    assert_eq!(codes(&findings, "deeds_material", Error), ["over_limit"]);
}

#[test]
fn every_message_is_chinese_and_says_what_to_do() {
    let mut answers = valid_answers();
    answers.set_text("mobile", "123");
    answers.set_text("pro_title", "正高");
    answers.set_text("unit_opinion", "工作认真。");
    let findings = check(&answers);
    assert!(findings.len() >= 3);
    for finding in &findings {
        let han = tianbiao::form::count::count(&finding.message).han;
        assert!(han >= 8, "{}", finding.message);
    }
    // Errors and warnings ask for an action; hints only inform.
    for finding in serious(&findings) {
        assert!(finding.message.contains('请'), "{}", finding.message);
    }
}

#[test]
fn life_photos_are_asked_for_where_the_notice_asks_for_them() {
    // None yet: a hint (the form prints without them; they go with the package).
    let findings = check(&valid_answers());
    assert_eq!(codes(&findings, "life_photos", Hint), ["photos_count"]);
    // Two of 3—5, one of them a small PNG: warnings, the PNG's by its row.
    let mut answers = valid_answers();
    let mut png = photo(1600, 1200);
    png.file = "life-2.png".into();
    png.bytes = 300_000;
    answers.set_images("life_photos", vec![photo(4000, 3000), png]);
    let findings = check(&answers);
    let warnings: Vec<(&str, Option<usize>)> = findings
        .iter()
        .filter(|f| f.field == "life_photos" && f.severity == Warning)
        .map(|f| (f.code, f.row))
        .collect();
    assert_eq!(
        warnings,
        [
            ("photos_count", None),
            ("photo_format", Some(1)),
            ("photo_file_size", Some(1))
        ]
    );
    // Three camera originals: nothing to say.
    answers.set_images("life_photos", vec![photo(4000, 3000); 3]);
    assert!(codes(&check(&answers), "life_photos", Warning).is_empty());
    // 衡水 2024 asks for no photos: the field is not part of its form.
    let (definition, campaign) = pair("hengshui-2024");
    let field = definition.field("life_photos").unwrap();
    assert!(!tianbiao::form::validate::is_relevant(field, campaign));
}
