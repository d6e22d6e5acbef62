//! The checklist (材料清单) follows the campaign schema: the 初选人名单 and 公示 of 衡水 2019,
//! every Word file of 北京 2022 with who makes it and the disc or USB stick, and each optional
//! addition for notices to come (deadline time and stages, electronic only, video rules,
//! materials for some candidates only, one PDF named after the candidate, birth date,
//! conditions, shares and how they are counted).

mod common;

use common::pair;
use serde_json::{Value, json};
use tianbiao::form::campaign::Campaign;
use tianbiao::form::catalog::Catalog;
use tianbiao::package::checklist::checklist_text;

fn variant(base: &str, edit: impl FnOnce(&mut Value)) -> Campaign {
    let (_, campaign) = pair(base);
    let mut value = serde_json::to_value(campaign).expect("a campaign serialises");
    value["id"] = json!("test-variant");
    edit(&mut value);
    let mut catalog = Catalog::builtin().expect("the built-in files load");
    let text = value.to_string();
    match catalog.add_campaign("test-variant.json", &text) {
        Ok(campaign) => campaign.clone(),
        Err(error) => panic!("the variant loads: {error}"),
    }
}

/// The checklist line that contains `needle`.
fn line<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("no line with “{needle}” in:\n{text}"))
}

#[test]
fn hengshui_2019_hands_in_an_initial_list_after_review_and_public_notice() {
    let campaign = pair("hengshui-2019").1;
    assert_eq!(campaign.summary_label(), "初选人名单");
    assert!(campaign.summary_title.ends_with("初选人名单"));
    let text = checklist_text(campaign);
    // Only the note on what the notice leaves open may mention a 汇总表.
    let listed = text.split("通知未说明的事项").next().unwrap_or_default();
    assert!(!listed.contains("汇总表"), "{text}");
    assert!(line(&text, "· 初选人名单").contains("填表助手生成"));
    let review = line(&text, "[ ] 经县科协");
    assert!(
        review.contains("[ ]") && review.contains("初选人名单"),
        "{review}"
    );
    assert!(text.contains("报送前须完成"), "{text}");
    // The video's rules as data: 3—5分钟, 1080p.
    assert!(
        line(&text, "视频要求").contains("时长3分钟至5分钟；分辨率1080p"),
        "{text}"
    );
    // Other campaigns keep 汇总表.
    assert_eq!(pair("xinxiang-2023").1.summary_label(), "汇总表");
}

#[test]
fn beijing_2022_names_every_word_file_and_who_makes_it() {
    let text = checklist_text(pair("beijing-2022").1);
    for (word_file, maker) in [
        ("《2022年北京“最美科技工作者”推荐表》Word版", "填表助手生成"),
        (
            "《2022年北京“最美科技工作者”推荐人选汇总表》Word版",
            "需另行准备",
        ),
        (
            "《北京“最美科技工作者”学习宣传活动开展情况表》Word版",
            "需另行准备",
        ),
        ("推荐工作情况报告Word版", "需另行准备"),
    ] {
        let found = line(&text, &format!("· {word_file}"));
        assert!(found.contains(maker), "{word_file}: {found}");
    }
    let scans = line(&text, "· 推荐材料电子版PDF带章扫描版");
    assert!(scans.contains("需另行准备"), "{scans}");
    for part in ["推荐表", "推荐人选汇总表", "开展情况表", "推荐工作情况报告"]
    {
        assert!(scans.contains(part), "{part}: {scans}");
    }
    // The Word files to prepare by hand are on the to-do list too.
    let manual = text.split("需要另行准备").nth(1).unwrap_or_default();
    assert!(manual.contains("[ ] 推荐工作情况报告Word版"), "{text}");
    // The disc or USB stick is something to hand over, with what goes on it.
    let media = line(&text, "[ ] 光盘或U盘");
    assert!(
        media.contains("视频") && media.contains("随纸质材料一并报送"),
        "{media}"
    );
    // 公示 before submission, the video rules, both stages of the deadline.
    assert!(line(&text, "一定范围内公示").contains("[ ]"));
    assert!(
        line(&text, "视频要求")
            .contains("格式MP4或MOV；时长3分钟以内；分辨率横版1920*1080或竖版1080*1920"),
        "{text}"
    );
    assert!(line(&text, "推荐材料电子版（Word版").contains("2022-04-20前"));
    assert!(line(&text, "[ ] 纸质材料（加盖推荐单位公章）").contains("2022-04-20前"));
}

#[test]
fn a_deadline_with_a_time_and_stages() {
    let campaign = variant("xinxiang-2023", |v| {
        v["deadline"]["time"] = json!("17:00");
        v["deadline"]["stages"] = json!([
            { "what": "电子版材料", "date": "2023-04-25", "time": "12:00", "text": "4月25日中午12时前发送邮箱" },
            { "what": "纸质材料", "date": "2023-04-30" }
        ]);
    });
    let text = checklist_text(&campaign);
    assert!(
        line(&text, "截止时间").contains("2023-04-30 17:00"),
        "{text}"
    );
    let electronic = line(&text, "[ ] 电子版材料");
    assert!(electronic.contains("2023-04-25 12:00前"), "{electronic}");
    assert!(
        electronic.contains("4月25日中午12时前发送邮箱"),
        "{electronic}"
    );
    assert!(line(&text, "[ ] 纸质材料：").contains("2023-04-30前"));
    assert!(!checklist_text(pair("xinxiang-2023").1).contains("分阶段"));
}

#[test]
fn an_electronic_only_submission_prints_nothing() {
    let campaign = variant("chongqing-2021", |v| {
        v["submission"]["electronic_only"] = json!(true);
        v["paper_copies"] = json!([]);
        v["deadline"]["text"] = json!("5月28日前将推荐材料电子版发送至邮箱");
        v["silent"] = json!([]);
        for material in v["materials"].as_array_mut().unwrap() {
            material["paper"] = json!(false);
        }
    });
    let text = checklist_text(&campaign);
    assert!(text.contains("只报电子版，不交纸质材料"), "{text}");
    assert!(!text.contains("纸质材料报送"), "{text}");
    assert!(!text.contains("保持一致"), "{text}");
    assert!(
        !text.contains("纸质2份") && !text.contains("：纸质"),
        "{text}"
    );
    assert!(text.contains("扫描成电子版"), "{text}");
    assert!(!checklist_text(pair("chongqing-2021").1).contains("只报电子版"));
}

#[test]
fn materials_for_some_candidates_and_one_pdf_named_after_the_candidate() {
    let campaign = variant("xinxiang-2023", |v| {
        let materials = v["materials"].as_array_mut().unwrap();
        materials.push(json!({
            "id": "tax_certificate",
            "name": "企业纳税证明",
            "by": "candidate",
            "produced_by": "manual",
            "paper": false,
            "electronic": true,
            "applies_to": "仅限企业负责人"
        }));
        materials.push(json!({
            "id": "evidence",
            "name": "佐证材料",
            "by": "candidate",
            "produced_by": "app",
            "paper": false,
            "electronic": true,
            "file_name": "{姓名}-佐证材料.pdf",
            "one_pdf": true
        }));
    });
    let text = checklist_text(&campaign);
    assert!(line(&text, "适用：").contains("仅限企业负责人"), "{text}");
    let file = line(&text, "张三-佐证材料.pdf");
    assert!(file.contains("合成一个PDF"), "{file}");
    assert!(!checklist_text(pair("xinxiang-2023").1).contains("适用："));
}

#[test]
fn conditions_and_shares_are_listed_with_how_they_are_counted() {
    let campaign = variant("hengshui-2024", |v| {
        v["eligibility"]["born_after"] =
            json!({ "date": "1979-01-01", "text": "1979年1月1日以后出生" });
        v["eligibility"]["conditions"] =
            json!([{ "field": "pro_title", "text": "具有副高级以上专业技术职称" }]);
        v["share_rules"] = json!([{
            "label": "企业科技工作者", "field": "work_unit", "any_of": ["公司"],
            "max_percent": 30, "scope": "unit", "text": "企业科技工作者不超过30%"
        }]);
    });
    let text = checklist_text(&campaign);
    assert!(line(&text, "出生日期").contains("1979年1月1日以后出生"));
    assert!(line(&text, "[ ] 具有副高级以上专业技术职称").starts_with("  [ ]"));
    let share = line(&text, "[ ] 企业科技工作者");
    assert!(
        share.contains("不超过30%") && share.contains("每个推荐单位"),
        "{share}"
    );
    // 衡水 2024's youth rule does not say per unit or city: the checklist says so.
    let shipped = checklist_text(pair("hengshui-2024").1);
    let youth = line(&shipped, "青年比例");
    assert!(
        youth.contains("不少于20%") && youth.contains("未说明"),
        "{youth}"
    );
    // 北京 2022 states no conditions or shares: no such section.
    assert!(!checklist_text(pair("beijing-2022").1).contains("推荐条件与比例要求"));
}
