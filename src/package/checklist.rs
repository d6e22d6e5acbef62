//! 材料清单: everything the notice asks for, read from the campaign file — what the package
//! holds, what must be printed and how many copies, what must be added by hand (stamped scans,
//! the unit's report, 诚信承诺书, video …), the deadline and where to send it. Plain text, so
//! it opens anywhere and can be printed and ticked off.

use std::fmt::Write;

use super::checklist_notice;
use crate::form::campaign::{Campaign, Material, Party, Producer};

/// One file of the package, as the checklist names it.
#[derive(Debug, Clone, PartialEq)]
pub struct PackedFile {
    /// Path inside the package folder, with `/` between folders.
    pub path: String,
    /// The campaign material it fulfils.
    pub material: String,
    /// What it is, for the reader.
    pub what: String,
}

/// What a package holds, for its checklist.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contents {
    pub unit: String,
    pub candidates: Vec<String>,
    pub files: Vec<PackedFile>,
    /// What the secretary must still fix, one sentence each.
    pub problems: Vec<String>,
    /// When the package was made, as shown (e.g. 2026-11-21 10:42).
    pub made_at: String,
    /// Where the notice has no form of its own: the layout follows the template, to be
    /// compared with the official form (`wording::layout_note`).
    pub layout_note: Option<String>,
}

/// The file name of the checklist inside a package.
pub const CHECKLIST_FILE: &str = "材料清单.txt";

/// The campaign's full checklist, before any package exists.
pub fn checklist_text(campaign: &Campaign) -> String {
    render(campaign, None)
}

/// The checklist of a package: the campaign's list plus the files it holds and what to fix.
pub fn package_checklist(campaign: &Campaign, contents: &Contents) -> String {
    render(campaign, Some(contents))
}

fn render(campaign: &Campaign, contents: Option<&Contents>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}年{}“最美科技工作者”推荐材料清单",
        campaign.year, campaign.city
    );
    let _ = writeln!(out, "依据：{}", campaign.notice_title);
    if let Some(number) = &campaign.document_number {
        let _ = writeln!(out, "文号：{number}");
    }
    if let Some(contents) = contents {
        let _ = writeln!(out, "推荐单位：{}", contents.unit);
        let _ = writeln!(
            out,
            "候选人（{}人）：{}",
            contents.candidates.len(),
            contents.candidates.join("、")
        );
        let _ = writeln!(out, "生成：{}（填表助手）", contents.made_at);
        if let Some(note) = &contents.layout_note {
            let _ = writeln!(out, "注意：{note}");
        }
    }
    let candidates = contents.map_or(0, |c| c.candidates.len());
    let mut section = Sections::default();
    section.heading(&mut out, "报送要求");
    where_and_when(&mut out, campaign);
    if !campaign.before_submission.is_empty() {
        section.heading(&mut out, "报送前须完成（通知要求）");
        for step in &campaign.before_submission {
            let _ = writeln!(out, "  [ ] {step}");
        }
    }
    section.heading(&mut out, "通知要求的全部材料");
    for material in &campaign.materials {
        material_line(&mut out, campaign, material, candidates);
    }
    if let Some(contents) = contents {
        section.heading(
            &mut out,
            &format!("本材料包中的文件（{}个）", contents.files.len() + 1),
        );
        for file in &contents.files {
            let _ = writeln!(out, "  [✓] {} —— {}", file.path, file.what);
        }
        let _ = writeln!(out, "  [✓] {CHECKLIST_FILE} —— 本清单");
    }
    section.heading(&mut out, "需要打印的纸质材料");
    paper_lines(&mut out, campaign, candidates);
    if checklist_notice::has_conditions(campaign) {
        section.heading(&mut out, "推荐条件与比例要求");
        checklist_notice::condition_lines(&mut out, campaign);
    }
    section.heading(&mut out, "需要另行准备、补充的材料（填表助手不能代为生成）");
    manual_lines(&mut out, campaign);
    if let Some(contents) = contents.filter(|c| !c.problems.is_empty()) {
        section.heading(&mut out, "报送前还需处理");
        for problem in &contents.problems {
            let _ = writeln!(out, "  [ ] {problem}");
        }
    }
    if !campaign.silent.is_empty() {
        section.heading(
            &mut out,
            "通知未说明的事项（请以通知原件为准，必要时向主办方确认）",
        );
        for line in &campaign.silent {
            let _ = writeln!(out, "  · {line}");
        }
    }
    out
}

/// Numbered headings: 一、二、三…
#[derive(Default)]
struct Sections(usize);

impl Sections {
    fn heading(&mut self, out: &mut String, title: &str) {
        const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
        let numeral = NUMERALS.get(self.0).copied().unwrap_or("十");
        self.0 += 1;
        let _ = writeln!(out, "\n{numeral}、{title}");
    }
}

fn where_and_when(out: &mut String, campaign: &Campaign) {
    let submission = &campaign.submission;
    checklist_notice::deadline_lines(out, &campaign.deadline);
    if submission.electronic_only {
        let _ = writeln!(out, "  报送方式：只报电子版，不交纸质材料");
    }
    let mut place = if submission.electronic_only {
        format!("  报送单位：{}", submission.office)
    } else {
        format!("  纸质材料报送：{}", submission.office)
    };
    if let Some(address) = &submission.address {
        place.push_str(&format!("，{address}"));
    }
    if let Some(postcode) = &submission.postcode {
        place.push_str(&format!("，邮编{postcode}"));
    }
    let _ = writeln!(out, "{place}");
    if let Some(email) = &submission.email {
        let _ = writeln!(out, "  电子邮箱：{email}");
    }
    if let Some(media) = &submission.media {
        let _ = writeln!(
            out,
            "  照片、视频等电子材料载体：{media}{}",
            checklist_notice::media_holds(campaign)
        );
    }
    if let Some(name) = &submission.package_name {
        let _ = writeln!(out, "  电子材料打包命名：{name}");
    }
    if !submission.contacts.is_empty() {
        let _ = writeln!(out, "  联系人：{}", submission.contacts.join("、"));
    }
    if !submission.phones.is_empty() {
        let _ = writeln!(out, "  联系电话：{}", submission.phones.join("、"));
    }
}

fn material_line(out: &mut String, campaign: &Campaign, material: &Material, candidates: usize) {
    let who = match material.by {
        Party::Candidate => "候选人",
        Party::Recommender => "推荐单位",
    };
    let mut forms = Vec::new();
    if material.paper {
        match paper_copies(campaign, &material.id) {
            Some(copies) => forms.push(copies_text(material, copies, candidates)),
            None => forms.push("纸质".to_owned()),
        }
    }
    if material.electronic {
        forms.push("电子版".to_owned());
    }
    let maker = match material.produced_by {
        Producer::App => "填表助手生成",
        Producer::Manual => "需另行准备",
    };
    let _ = write!(
        out,
        "  · {}（{who}；{}；{maker}",
        material.name,
        forms.join("、")
    );
    if material.optional {
        let _ = write!(out, "；可选");
    }
    let _ = writeln!(out, "）");
    checklist_notice::material_details(out, material);
    if let Some(stamp) = &material.stamp {
        let _ = writeln!(out, "      盖章：{stamp}");
    }
    if let Some(note) = &material.note {
        let _ = writeln!(out, "      要求：{note}");
    }
}

fn paper_copies(campaign: &Campaign, material: &str) -> Option<u32> {
    campaign
        .paper_copies
        .iter()
        .find(|p| p.material == material)
        .map(|p| p.copies)
}

/// 纸质2份, or for a candidate's material in a package 每人纸质2份，共6份.
fn copies_text(material: &Material, copies: u32, candidates: usize) -> String {
    if material.by == Party::Candidate && candidates > 0 {
        format!("每人纸质{copies}份，共{}份", copies as usize * candidates)
    } else {
        format!("纸质{copies}份")
    }
}

fn paper_lines(out: &mut String, campaign: &Campaign, candidates: usize) {
    if campaign.submission.electronic_only {
        let _ = writeln!(out, "  本次只报电子版，不交纸质材料。");
        return;
    }
    let paper: Vec<&Material> = campaign.materials.iter().filter(|m| m.paper).collect();
    if paper.is_empty() {
        let _ = writeln!(out, "  通知未要求纸质材料。");
        return;
    }
    for material in paper {
        let copies = paper_copies(campaign, &material.id)
            .map_or("份数通知未写".to_owned(), |n| {
                copies_text(material, n, candidates)
            });
        let stamp = material
            .stamp
            .as_ref()
            .map_or(String::new(), |s| format!("，加盖{s}"));
        let _ = writeln!(out, "  [ ] {}：{copies}{stamp}", material.name);
    }
    if campaign.materials.iter().any(|m| m.id == "form" && m.paper) {
        let _ = writeln!(
            out,
            "  提示：推荐表请双面打印；“打印-推荐表合订本.pdf”中每份推荐表都从奇数页开始，打印后可逐份分开。"
        );
    }
    checklist_notice::media_line(out, campaign);
}

fn manual_lines(out: &mut String, campaign: &Campaign) {
    let manual: Vec<&Material> = campaign
        .materials
        .iter()
        .filter(|m| m.produced_by == Producer::Manual)
        .collect();
    for material in &manual {
        let mut line = format!("  [ ] {}", material.name);
        if let Some(note) = &material.note {
            line.push_str(&format!("：{note}"));
        }
        let _ = writeln!(out, "{line}");
    }
    // Seals and signatures are on paper; every campaign needs them whatever its list says.
    let _ = writeln!(
        out,
        "  [ ] 打印后的推荐表：候选人在“个人声明”处签名并写日期，所在单位和推荐单位在意见栏签署日期并盖章。"
    );
    if campaign.submission.electronic_only {
        let _ = writeln!(
            out,
            "  [ ] 签名盖章后的推荐表扫描成电子版，与其他电子材料一并报送（本次不交纸质材料）。"
        );
    }
}
