//! Each campaign applies its own rules and words its own form: exclusions by the notice's level
//! of office and its soldiers' rule, the titles it excludes, its photo, limits and channels —
//! and a notice that says nothing gets no invented rule.

mod common;

use common::*;
use tianbiao::form::answers::Answers;
use tianbiao::form::validate::Severity::{Error, Hint, Warning};
use tianbiao::form::validate::{Finding, validate};

const CAMPAIGNS: [&str; 5] = [
    "xinxiang-2023",
    "hengshui-2019",
    "hengshui-2024",
    "chongqing-2021",
    "beijing-2022",
];

fn check_in(campaign: &str, answers: &Answers) -> Vec<Finding> {
    let (definition, campaign) = pair(campaign);
    validate(definition, campaign, answers)
}

fn with(field: &str, value: &str) -> Answers {
    let mut answers = valid_answers();
    answers.set_text(field, value);
    answers
}

fn message<'a>(findings: &'a [Finding], field: &str, code: &str) -> Option<&'a str> {
    (findings.iter())
        .find(|f| f.field == field && f.code == code)
        .map(|f| f.message.as_str())
}

#[test]
fn the_level_of_office_follows_the_notice() {
    let head_of_division = with("unit_position", "河南省农业厅科教处处长");
    // 新乡 excludes 县处级以上: a 处长 is hinted.
    let xinxiang = check_in("xinxiang-2023", &head_of_division);
    assert_eq!(codes(&xinxiang, "unit_position", Hint), ["eligibility"]);
    // 重庆 and 北京 exclude 司局级以上 only: a 处长 is not.
    for campaign in ["chongqing-2021", "beijing-2022"] {
        let findings = check_in(campaign, &head_of_division);
        assert!(
            codes(&findings, "unit_position", Hint).is_empty(),
            "{campaign}: {findings:#?}"
        );
        let director_general = with("unit_position", "某省科学技术厅厅长");
        let findings = check_in(campaign, &director_general);
        let hint = message(&findings, "unit_position", "eligibility").unwrap_or_default();
        assert!(hint.contains("司局级"), "{campaign}: {hint}");
    }
}

#[test]
fn soldiers_are_hinted_only_where_the_notice_excludes_them() {
    let soldier = with("unit_position", "解放军某部队研究所工程师");
    for campaign in ["hengshui-2024", "chongqing-2021", "beijing-2022"] {
        let findings = check_in(campaign, &soldier);
        let hint = message(&findings, "unit_position", "eligibility").unwrap_or_default();
        assert!(hint.contains("现役军人"), "{campaign}: {hint}");
    }
    // 新乡 2023 says nothing of soldiers.
    let findings = check_in("xinxiang-2023", &soldier);
    assert!(message(&findings, "unit_position", "eligibility").is_none());
}

#[test]
fn a_notice_that_excludes_nobody_gets_no_invented_rule() {
    for (field, value) in [
        (
            "unit_position",
            "某市科技局局长、某县副县长、部队研究所处长",
        ),
        ("honours", "2018年河北省“最美科技工作者”；全国五一劳动奖章"),
    ] {
        let findings = check_in("hengshui-2019", &with(field, value));
        let about_eligibility: Vec<&Finding> = (findings.iter())
            .filter(|f| f.code == "eligibility" || f.code == "title_held")
            .collect();
        assert!(about_eligibility.is_empty(), "{about_eligibility:#?}");
        assert!(findings.iter().all(|f| !f.message.contains("：。")));
    }
}

#[test]
fn the_honours_rule_knows_each_notices_titles() {
    let national = with("honours", "2020年获全国五一劳动奖章");
    for campaign in ["chongqing-2021", "beijing-2022"] {
        let findings = check_in(campaign, &national);
        assert_eq!(
            codes(&findings, "honours", Warning),
            ["title_held"],
            "{campaign}"
        );
        let warning = message(&findings, "honours", "title_held").unwrap_or_default();
        assert!(warning.contains("国家级荣誉表彰"), "{warning}");
    }
    // 新乡 excludes only a 最美科技工作者 title; 衡水 2024 only the 宣传部 “最美” series.
    for campaign in ["xinxiang-2023", "hengshui-2024"] {
        let findings = check_in(campaign, &national);
        assert!(
            codes(&findings, "honours", Warning).is_empty(),
            "{campaign}"
        );
    }
    let series = with("honours", "2021年河北省“最美教师”");
    let findings = check_in("hengshui-2024", &series);
    assert_eq!(codes(&findings, "honours", Warning), ["title_held"]);
    let findings = check_in("xinxiang-2023", &series);
    assert!(codes(&findings, "honours", Warning).is_empty());
}

#[test]
fn the_missing_photo_is_asked_for_as_the_notice_words_it() {
    let mut answers = valid_answers();
    answers.remove("photo");
    let xinxiang = check_in("xinxiang-2023", &answers);
    let asked = message(&xinxiang, "photo", "required").unwrap_or_default();
    assert!(asked.contains("小2寸正面免冠彩色标准照"), "{asked}");
    // 衡水 2019 asks for a 白底 photo and says nothing of colour.
    let hengshui = check_in("hengshui-2019", &answers);
    let asked = message(&hengshui, "photo", "required").unwrap_or_default();
    assert!(asked.contains("白底") && !asked.contains("彩色"), "{asked}");
    assert_eq!(codes(&hengshui, "photo", Error), ["required"]);
}

#[test]
fn no_campaign_words_its_form_with_another_city_or_year() {
    let cities = ["新乡", "衡水", "重庆", "北京"];
    for id in CAMPAIGNS {
        let (definition, campaign) = pair(id);
        let mut texts: Vec<String> = definition.instructions.clone();
        for section in &definition.sections {
            texts.extend(section.help.clone());
            for field in &section.fields {
                texts.extend(field.help.clone());
                texts.extend(field.placeholder.clone());
            }
        }
        let years = ["2019", "2021", "2022", "2023", "2024"];
        for text in &texts {
            assert!(
                !text.contains('{'),
                "{id}: a placeholder is left in “{text}”"
            );
            assert!(!text.contains("0373"), "{id}: “{text}”");
            for city in cities.iter().filter(|c| **c != campaign.city) {
                assert!(!text.contains(city), "{id}: “{text}” names {city}");
            }
            let own = campaign.year.to_string();
            for year in years.iter().filter(|y| **y != own) {
                assert!(!text.contains(year), "{id}: “{text}” names {year}");
            }
        }
    }
}

#[test]
fn the_instructions_carry_the_campaigns_year_limits_and_channels() {
    let (definition, _) = pair("hengshui-2024");
    let items = definition.instructions.join("\n");
    assert!(items.contains("如2024年01月01日"), "{items}");
    assert!(
        items.contains("主要事迹1500字左右，感人故事1000字以内"),
        "{items}"
    );
    assert!(items.contains("各县市区科协联合党委宣传部"), "{items}");
    // Notes in brackets after a channel are left out of the 填表说明.
    assert!(!items.contains("相关材料由县科协负责"), "{items}");
    // 新乡 2023's notice contains its form: its own words, unchanged.
    let (definition, _) = pair("xinxiang-2023");
    assert!(definition.instructions[1].starts_with("2．各县（市、区）联合有关单位"));
    assert!(definition.instructions[2].contains("如2023年01月01日"));
    // 衡水 2019 names no channel: the item keeps only the rule.
    let (definition, _) = pair("hengshui-2019");
    assert_eq!(
        definition.instructions[1],
        "2．推荐单位：由哪个单位推荐的，填写单位名称。"
    );
}

#[test]
fn evidence_exists_only_where_the_notice_asks_for_it() {
    let mut answers = valid_answers();
    answers.set_images("evidence", vec![photo(2400, 1800)]);
    for (campaign, asked) in [
        ("xinxiang-2023", true),
        ("hengshui-2024", true),
        ("hengshui-2019", false),
        ("chongqing-2021", false),
        ("beijing-2022", false),
    ] {
        let (definition, campaign_data) = pair(campaign);
        let field = definition.field("evidence").expect("the form has evidence");
        assert_eq!(
            tianbiao::form::validate::is_relevant(field, campaign_data),
            asked,
            "{campaign}"
        );
        // An uncaptioned image is hinted where evidence is asked for, and nowhere else.
        let findings = check_in(campaign, &answers);
        let hinted = findings.iter().any(|f| f.field == "evidence");
        assert_eq!(hinted, asked, "{campaign}");
    }
}
