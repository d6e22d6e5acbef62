//! Shared by the integration tests: the built-in catalog, a complete and valid set of answers
//! for 新乡 2023, and small helpers to read findings.
#![allow(dead_code)]

pub mod office;
pub mod ui;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use tianbiao::form::answers::{AnswerRow as Row, Answers, PhotoRef};
use tianbiao::form::campaign::Campaign;
use tianbiao::form::catalog::Catalog;
use tianbiao::form::definition::FormDefinition;
use tianbiao::form::validate::{Finding, Severity, validate};

pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::builtin().expect("the built-in definitions load"))
}

pub fn pair(campaign: &str) -> (&'static FormDefinition, &'static Campaign) {
    catalog().pair(campaign).expect("campaign is built in")
}

/// A paragraph repeated to about `words` Word-counted characters (each sentence counts 25).
pub fn text_of(words: usize) -> String {
    let sentence = "他带领团队培育小麦新品种，推广面积达到12万亩，亩均增产约百分之八。";
    assert_eq!(tianbiao::form::count::count(sentence).words, 33);
    let mut text = String::new();
    while tianbiao::form::count::count(&text).words + 33 <= words {
        text.push_str(sentence);
    }
    text
}

pub fn row(start: &str, end: &str, what: &str) -> Row {
    BTreeMap::from([
        ("start".to_owned(), start.to_owned()),
        ("end".to_owned(), end.to_owned()),
        ("what".to_owned(), what.to_owned()),
    ])
}

pub fn photo(width: u32, height: u32) -> PhotoRef {
    PhotoRef {
        file: "photo-1.jpg".into(),
        width,
        height,
        bytes: 2_500_000,
        orientation: 1,
        crop: None,
        caption: None,
        original_name: None,
    }
}

/// Every field filled correctly for 新乡 2023: validating it gives no error and no warning.
pub fn valid_answers() -> Answers {
    let mut a = Answers::default();
    for (id, value) in [
        ("name", "林某某"),
        ("work_unit", "新乡市农业科学研究所"),
        ("recommender", "新乡市农学会"),
        ("fill_date", "2023-04-20"),
        ("gender", "女"),
        ("birth", "1984-06"),
        ("ethnicity", "汉族"),
        ("native_place", "河南辉县"),
        ("political_status", "中共党员"),
        ("education", "博士研究生"),
        ("school", "南方农业大学"),
        ("major", "作物遗传育种"),
        ("unit_position", "新乡市农业科学研究所小麦研究室主任"),
        ("pro_title", "研究员"),
        ("office_phone", "0373-3661806"),
        ("mobile", "13812345678"),
        ("email", "lin@example.com"),
        ("address", "河南省新乡市红旗区示例路1号"),
        ("postcode", "453000"),
        ("specialty", "小麦遗传育种"),
        ("honours", "河南省三八红旗手（2020年）"),
        (
            "unit_opinion",
            "该同志政治表现好，廉洁自律，道德品行端正。经审核，推荐材料真实、准确，不涉及国家秘密。同意推荐。",
        ),
        (
            "recommender_opinion",
            "该同志主要事迹突出，学风正派，道德高尚。同意推荐。",
        ),
    ] {
        a.set_text(id, value);
    }
    a.set_text("main_deeds", text_of(1500));
    a.set_text(
        "stories",
        format!(
            "故事一：麦田里的夜\n{}\n故事二：一封信\n{}",
            text_of(400),
            text_of(400)
        ),
    );
    a.set_list("domains", vec!["面向经济主战场".into()]);
    a.set_rows(
        "history",
        vec![
            row("2002-09", "2006-07", "南方农业大学农学专业学习"),
            row("2006-09", "2012-06", "南方农业大学作物遗传育种专业硕博连读"),
            row("2012-07", "至今", "新乡市农业科学研究所从事小麦育种工作"),
        ],
    );
    a.set_photo("photo", photo(826, 1062));
    let mut certificate = photo(2400, 1700);
    certificate.file = "evidence-1.jpg".into();
    certificate.caption = Some("2021年河南省科学技术进步奖二等奖".into());
    a.set_images("evidence", vec![certificate]);
    a
}

pub fn check(answers: &Answers) -> Vec<Finding> {
    let (definition, campaign) = pair("xinxiang-2023");
    validate(definition, campaign, answers)
}

/// The codes of the findings for one field, at one severity.
pub fn codes(findings: &[Finding], field: &str, severity: Severity) -> Vec<&'static str> {
    findings
        .iter()
        .filter(|f| f.field == field && f.severity == severity)
        .map(|f| f.code)
        .collect()
}

pub fn serious(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.severity != Severity::Hint)
        .collect()
}

/// A camera-like JPEG of 1600×1200 at this quality: noise does not compress, so at 95 and up it
/// is more than 2 MB, as a phone's or camera's photo is.
pub fn camera_jpeg(path: &std::path::Path, seed: u32, quality: u8) {
    let (width, height) = (1600u16, 1200u16);
    let mut state = seed.max(1);
    let pixels: Vec<u8> = (0..width as usize * height as usize * 3)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8
        })
        .collect();
    jpeg_encoder::Encoder::new_file(path, quality)
        .expect("the test photo can be written")
        .encode(&pixels, width, height, jpeg_encoder::ColorType::Rgb)
        .expect("the test photo encodes");
}

/// The text of a PDF as poppler reads it (`crop`: pdftotext's -x/-y/-W/-H options, or none).
pub fn pdftotext(pdf: &std::path::Path, crop: &[&str]) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(crop)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed");
    assert!(output.status.success(), "pdftotext failed on {pdf:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}
