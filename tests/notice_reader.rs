//! The notice reader (issue 12 item 2): the facts each seed notice must give, the written
//! campaign loads, a GBK text and a Word file read like the UTF-8 text, and the command line's
//! contract `tianbiao read-notice NOTICE -o CAMPAIGN.json`.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};

use tianbiao::form::campaign::Campaign;
use tianbiao::form::catalog::Catalog;
use tianbiao::form::limit::LimitMode;
use tianbiao::form::notice::{Reading, read_notice};

fn notice_path(id: &str) -> String {
    format!("{}/tests/notices/{id}.txt", env!("CARGO_MANIFEST_DIR"))
}

fn notice(id: &str) -> String {
    std::fs::read_to_string(notice_path(id)).unwrap()
}

fn shipped(id: &str) -> Campaign {
    let path = format!("{}/assets/campaigns/{id}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn read(id: &str) -> Reading {
    read_notice(&notice(id))
}

/// The facts every seed must give as its shipped file has them.
fn assert_core_facts(id: &str) -> Campaign {
    let got = read(id).campaign;
    let want = shipped(id);
    assert_eq!(got.year, want.year, "{id} year");
    assert_eq!(got.deadline.date, want.deadline.date, "{id} deadline");
    assert_eq!(got.deadline.time, want.deadline.time, "{id} time");
    assert_eq!(got.submission.email, want.submission.email, "{id} email");
    assert_eq!(got.submission.office, want.submission.office, "{id} office");
    for (field, limit) in &want.word_limits {
        let read = got
            .word_limits
            .get(field)
            .unwrap_or_else(|| panic!("{id} {field}"));
        assert_eq!(
            (read.mode, read.words),
            (limit.mode, limit.words),
            "{id} {field}"
        );
    }
    assert_eq!(got.stories, want.stories, "{id} stories");
    let (p, q) = (&got.photo, &want.photo);
    assert_eq!(p.life_work_photos, q.life_work_photos, "{id} life photos");
    assert_eq!(p.format, q.format, "{id} format");
    assert_eq!(p.min_file_bytes, q.min_file_bytes, "{id} min size");
    assert_eq!(p.naming, q.naming, "{id} naming");
    assert_eq!(
        p.id_photo.background, q.id_photo.background,
        "{id} background"
    );
    assert_eq!(p.id_photo.colour, q.id_photo.colour, "{id} colour");
    let quotas = |c: &Campaign| c.quotas.iter().map(|q| (q.min, q.max)).collect::<Vec<_>>();
    assert_eq!(quotas(&got), quotas(&want), "{id} quotas");
    assert_eq!(got.youth_rule, want.youth_rule, "{id} youth rule");
    assert_eq!(
        got.eligibility.official_level, want.eligibility.official_level,
        "{id}"
    );
    assert_eq!(
        got.eligibility.soldiers_excluded, want.eligibility.soldiers_excluded,
        "{id}"
    );
    got
}

fn copies(c: &Campaign, material: &str) -> Option<u32> {
    c.paper_copies
        .iter()
        .find(|p| p.material == material)
        .map(|p| p.copies)
}

#[test]
fn hengshui_2019() {
    let c = assert_core_facts("hengshui-2019");
    assert_eq!(c.word_limits["deeds_material"].mode, LimitMode::AtMost);
    assert_eq!(copies(&c, "form"), Some(3));
    assert_eq!(copies(&c, "deeds_material"), Some(3));
    assert_eq!(c.document_number.as_deref(), Some("衡市科协〔2019〕8号"));
    assert_eq!(c.issued.as_deref(), Some("2019-04-23"));
}

#[test]
fn xinxiang_2023() {
    let c = assert_core_facts("xinxiang-2023");
    assert_eq!(copies(&c, "form"), Some(2));
    assert_eq!(copies(&c, "summary"), Some(1));
    assert_eq!(copies(&c, "report"), Some(1));
    assert_eq!(c.submission.contacts, ["郭明帅", "胡敏"]);
    assert_eq!(c.submission.postcode.as_deref(), Some("450000"));
}

#[test]
fn hengshui_2024_scanned() {
    let c = assert_core_facts("hengshui-2024");
    assert_eq!(copies(&c, "form"), Some(2));
    assert_eq!(copies(&c, "evidence_book"), Some(1));
    assert_eq!(c.document_number.as_deref(), Some("衡市科协〔2024〕5号"));
    assert_eq!(c.eligibility.individual_application, Some(false));
    assert_eq!(c.submission.contacts, ["杨辉", "杨琪"]);
    assert_eq!(c.notice_title, shipped("hengshui-2024").notice_title);
}

#[test]
fn chongqing_2021() {
    let c = assert_core_facts("chongqing-2021");
    assert_eq!(copies(&c, "form"), Some(2));
    assert_eq!(copies(&c, "summary"), Some(1));
    assert_eq!(copies(&c, "report"), Some(1));
    assert_eq!(c.submission.phones, ["63003526"]);
}

#[test]
fn beijing_2022() {
    let c = assert_core_facts("beijing-2022");
    assert_eq!(copies(&c, "form"), Some(2));
    assert_eq!(copies(&c, "activity_sheet"), Some(1));
    assert!(
        c.submission
            .contacts
            .contains(&"王慧（北京科普发展与研究中心）".to_owned())
    );
}

#[test]
fn every_written_campaign_loads_and_marks_what_is_missing() {
    for id in [
        "hengshui-2019",
        "xinxiang-2023",
        "hengshui-2024",
        "chongqing-2021",
        "beijing-2022",
    ] {
        let reading = read(id);
        loads_as_a_campaign_file(&reading.campaign, id);
        // Every found value keeps its sentence.
        assert!(reading.found.iter().all(|f| !f.source.is_empty()), "{id}");
    }
    // 衡水 2019 names no 汇总表: a marked stand-in and a silent line, not a made-up title.
    let reading = read("hengshui-2019");
    assert!(
        reading
            .campaign
            .summary_title
            .starts_with(tianbiao::form::notice::MISSING_MARK)
    );
    assert!(reading.missing.contains(&"汇总表标题".to_owned()));
    assert!(
        reading
            .campaign
            .silent
            .iter()
            .any(|s| s.contains("汇总表标题"))
    );
}

/// What the reader wrote loads as a campaign file does, with the load checks (else: why not).
fn loads_as_a_campaign_file(campaign: &Campaign, name: &str) {
    let json = serde_json::to_string_pretty(campaign).unwrap();
    Catalog::builtin()
        .unwrap()
        .add_campaign(&format!("{name}.json"), &json)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
}

#[test]
fn an_empty_notice_invents_nothing_and_still_loads() {
    let reading = read_notice("各单位：请认真组织。");
    let c = &reading.campaign;
    assert!(c.submission.email.is_none() && c.quotas.is_empty() && c.youth_rule.is_none());
    assert!(reading.missing.contains(&"截止日期".to_owned()));
    loads_as_a_campaign_file(c, "empty");
}

#[test]
fn gbk_text_reads_like_utf8() {
    let text = notice("xinxiang-2023");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("通知.txt");
    std::fs::write(&path, &gbk).unwrap();
    let decoded = tianbiao::jobs::notice::notice_text(&path).unwrap();
    assert_eq!(
        read_notice(&decoded).campaign,
        read("xinxiang-2023").campaign
    );
}

/// A minimal Word document: one `<w:p>` per line of the text.
fn docx(text: &str) -> Vec<u8> {
    let mut body = String::new();
    for line in text.lines() {
        let line = line
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        body.push_str(&format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{line}</w:t></w:r></w:p>"
        ));
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn docx_reads_like_the_text() {
    let text = notice("chongqing-2021");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("通知.docx");
    std::fs::write(&path, docx(&text)).unwrap();
    let decoded = tianbiao::jobs::notice::notice_text(&path).unwrap();
    assert_eq!(
        read_notice(&decoded).campaign,
        read("chongqing-2021").campaign
    );
}

fn read_notice_cli(notice: &Path, output: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tianbiao"))
        .arg("read-notice")
        .arg(notice)
        .arg("-o")
        .arg(output)
        .output()
        .expect("the binary runs")
}

#[test]
fn cli_writes_a_campaign_and_lists_values_with_sources() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("xinxiang.json");
    let output = read_notice_cli(Path::new(&notice_path("xinxiang-2023")), &out);
    let printed = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{printed}");
    assert!(
        printed
            .lines()
            .any(|l| l.starts_with("电子邮箱\txxkxzzrsb@163.com\t")
                && l.contains("发送至市科协组织人事部邮箱")),
        "{printed}"
    );
    assert!(
        printed.lines().any(|l| l.starts_with("截止日期\t")),
        "{printed}"
    );
    // What was not found comes last.
    let first_missing = printed
        .lines()
        .position(|l| l.starts_with("未找到\t"))
        .unwrap();
    assert!(
        printed
            .lines()
            .skip(first_missing)
            .all(|l| l.starts_with("未找到\t"))
    );
    assert!(printed.contains("未找到\t个人申报"), "{printed}");
    let json = std::fs::read_to_string(&out).unwrap();
    assert!(!json.contains("null"), "fields not found are left out");
    let mut catalog = Catalog::builtin().unwrap();
    let loaded = catalog.add_campaign("xinxiang.json", &json).unwrap();
    assert_eq!(loaded.deadline.date, "2023-04-30");
    assert_eq!(loaded.id, "xinxiang", "the file's name is the id");
}

#[test]
fn cli_exit_2_when_the_notice_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let missing = read_notice_cli(&dir.path().join("none.txt"), &out);
    assert_eq!(missing.status.code(), Some(2));
    assert!(!out.exists());
    let pdf = dir.path().join("通知.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n").unwrap();
    let refused = read_notice_cli(&pdf, &out);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8(refused.stderr)
            .unwrap()
            .contains("PDF 文件打不开")
    );
    let broken = dir.path().join("坏.docx");
    std::fs::write(&broken, b"PK\x03\x04 not a zip").unwrap();
    assert_eq!(read_notice_cli(&broken, &out).status.code(), Some(2));
    assert!(!out.exists());
}

/// A notice it was never shown, in the phrasings issue 12 lists.
#[test]
fn phrasings_of_other_notices() {
    let text = "关于开展2025年某某市“最美科技工作者”推荐工作的通知\n\
某科协〔2025〕12号\n\
二、主办单位\n\
某某市科学技术协会、某某市科技局\n\
各区县推荐候选人不超过3名；各市级学会推荐候选人1—2名。\n\
推荐人选中40周岁以下的青年科技工作者不少于30%。\n\
不包括现役军人、公务员和参照公务员法管理的党政机关现任厅局级以上领导干部。不接受个人申报。\n\
主要事迹2000字以内，2—3个感人故事，每个800字以内。\n\
照片为1寸蓝底彩色证件照，jpg格式，不小于1MB，以姓名+序号命名；生活或工作照片2—4张。\n\
请于5月1416:00前将电子版发送至邮箱ａｂｃ＠１２６．ｃｏｍ，纸质材料《2025年某某市“最美科技工作者”推荐表》一式三份于5月20日前报送至市科协科普部。\n\
联系人：张三  李四\n\
联系电话：0311-1234567\n";
    let reading = read_notice(text);
    let c = &reading.campaign;
    assert_eq!(c.year, 2025);
    assert_eq!(c.city, "某某");
    assert_eq!(c.document_number.as_deref(), Some("某科协〔2025〕12号"));
    assert_eq!(c.organisers, ["某某市科学技术协会", "某某市科技局"]);
    let quotas: Vec<_> = c
        .quotas
        .iter()
        .map(|q| (q.channel.as_str(), q.min, q.max))
        .collect();
    assert_eq!(quotas, [("各区县", None, 3), ("各市级学会", Some(1), 2)]);
    let youth = c.youth_rule.unwrap();
    assert_eq!((youth.under_age, youth.min_percent), (40, Some(30)));
    assert_eq!(c.eligibility.official_level.as_deref(), Some("厅局级"));
    assert!(c.eligibility.soldiers_excluded);
    assert_eq!(c.eligibility.individual_application, Some(false));
    let main = &c.word_limits["main_deeds"];
    assert_eq!((main.mode, main.words), (LimitMode::AtMost, 2000));
    assert_eq!(c.photo.id_photo.size.map(|s| s.name()), Some("1寸"));
    assert_eq!(c.photo.id_photo.background.as_deref(), Some("蓝底"));
    assert_eq!(c.photo.min_file_bytes, Some(1024 * 1024));
    assert_eq!(
        c.photo.life_work_photos.map(|r| (r.min, r.max)),
        Some((2, 4))
    );
    assert_eq!(c.submission.email.as_deref(), Some("abc@126.com"));
    assert_eq!(c.submission.contacts, ["张三", "李四"]);
    assert_eq!(c.submission.phones, ["0311-1234567"]);
    assert_eq!(c.submission.office, "市科协科普部");
    assert_eq!(copies(c, "form"), Some(3));
    // Two stages: electronic by 5月14日 16:00, paper by 5月20日.
    assert_eq!(c.deadline.date, "2025-05-20");
    assert_eq!(c.deadline.stages.len(), 2, "{:?}", c.deadline);
    assert_eq!(c.deadline.stages[0].time.as_deref(), Some("16:00"));
}

/// 附件2、3各1份 resolved by the notice's own list of attachments; seals kept.
#[test]
fn copies_of_numbered_attachments() {
    let text = "关于开展2025年某某市“最美科技工作者”推荐工作的通知\n\
请于5月10日前将纸质版推荐表（附件1）2份，附件2、3各1份报送市科协组宣部，均须加盖推荐单位公章。\n\
附件：1.《2025年某某市“最美科技工作者”推荐表》\n\
2.《2025年某某市“最美科技工作者”推荐人选汇总表》\n\
3.《推荐工作情况报告》\n";
    let reading = read_notice(text);
    let c = &reading.campaign;
    assert_eq!(copies(c, "form"), Some(2));
    assert_eq!(copies(c, "summary"), Some(1));
    assert_eq!(copies(c, "report"), Some(1));
    let form = c.materials.iter().find(|m| m.id == "form").unwrap();
    assert_eq!(form.stamp.as_deref(), Some("推荐单位公章"));
    assert!(reading.suggestions.is_empty(), "{:?}", reading.suggestions);
    loads_as_a_campaign_file(c, "attachments");
}

/// Any piece of a notice (cut anywhere, lines shuffled) is read without a panic.
#[test]
fn pieces_of_notices_never_panic() {
    for id in [
        "hengshui-2019",
        "xinxiang-2023",
        "hengshui-2024",
        "chongqing-2021",
        "beijing-2022",
    ] {
        let text = notice(id);
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(37).collect();
        for (k, &cut) in cuts.iter().enumerate() {
            read_notice(&text[..cut]);
            read_notice(&text[cut..]);
            if let Some(&end) = cuts.get(k + 5) {
                read_notice(&text[cut..end]);
            }
        }
        let mut lines: Vec<&str> = text.lines().collect();
        lines.reverse();
        read_notice(&lines.join("\n"));
    }
    for odd in [
        "",
        "月前",
        "1月前报送",
        "附件：",
        "联系人：",
        "〔2024〕号",
        "不超过名",
        "岁以下不少于%",
        "4月1416:前报送",
        "“",
        "@",
        "mb不小于",
    ] {
        read_notice(odd);
    }
}

/// A notice saved as PDF by office software (LibreOffice here): its text layer reads as the text
/// itself does.
#[test]
fn a_pdf_notice_is_read_from_its_text_layer() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let txt = dir.path().join("xinxiang-2023.txt");
    std::fs::copy("tests/notices/xinxiang-2023.txt", &txt).unwrap();
    common::office::soffice_to_pdf(&[&txt], dir.path(), home.path());
    let pdf = dir.path().join("xinxiang-2023.pdf");
    let from_pdf = read_notice(&tianbiao::jobs::notice::notice_text(&pdf).unwrap()).campaign;
    let from_txt = read_notice(&std::fs::read_to_string(&txt).unwrap()).campaign;
    assert_eq!(from_pdf.year, 2023);
    assert_eq!(from_pdf.city, from_txt.city);
    assert_eq!(from_pdf.form_title, from_txt.form_title);
    assert_eq!(from_pdf.deadline.date, from_txt.deadline.date);
    assert_eq!(from_pdf.submission.email, from_txt.submission.email);
    assert_eq!(from_pdf.word_limits, from_txt.word_limits);
    assert_eq!(from_pdf.quotas, from_txt.quotas);
}

/// A PDF without a text layer (a scan): refused with what to do instead.
#[test]
fn a_pdf_without_text_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("扫描件.pdf");
    std::fs::write(&pdf, empty_page_pdf()).unwrap();
    let message = tianbiao::jobs::notice::notice_text(&pdf).unwrap_err();
    assert!(message.starts_with("这份PDF没有可读的文字"), "{message}");
}

/// The smallest valid PDF: one empty A4 page, with a correct cross-reference table.
fn empty_page_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    let trailer = format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    pdf.extend(trailer.bytes());
    pdf
}

/// The package's name, the evidence booklet, the units' own 公示 and a birth-date limit, in a
/// notice written for this test.
#[test]
fn package_evidence_publicity_and_birth_date() {
    let text = "关于开展2026年某某市“最美科技工作者”推荐工作的通知\n\
推荐人选须为1981年1月1日以后出生的一线科技工作者。\n\
各单位要按照民主程序确定推荐人选，并在本单位公示5个工作日。\n\
佐证材料须统一封面，单独成册。\n\
电子版材料打包后以“最美科技工作者+单位名称”作为文件名发送至邮箱。\n\
市委宣传部、市科协组织专家审定后公示。\n";
    let reading = read_notice(text);
    let c = &reading.campaign;
    assert_eq!(
        c.submission.package_name.as_deref(),
        Some("最美科技工作者+单位名称")
    );
    let evidence = c.evidence.as_ref().expect("evidence placement read");
    assert_eq!(
        evidence.placement,
        tianbiao::form::campaign::EvidencePlacement::Booklet
    );
    assert_eq!(
        c.before_submission,
        ["各单位要按照民主程序确定推荐人选，并在本单位公示5个工作日"]
    );
    let born = c.eligibility.born_after.as_ref().expect("birth limit read");
    assert_eq!(born.date, "1981-01-01");
    assert!(!c.form_in_notice);
    // Nothing said about evidence: listed as not found, never taken as "not asked".
    let silent = read_notice("关于开展2026年某某市“最美科技工作者”推荐工作的通知\n");
    assert!(silent.campaign.evidence.is_none());
    assert!(silent.missing.iter().any(|m| m.starts_with("佐证材料")));
}
