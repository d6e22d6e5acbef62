//! Every campaign prints its own form: the sample draft switched to each of the five campaigns
//! exports a PDF and a Word copy (read back through LibreOffice) that carry that campaign's
//! title, limits and 填表说明, and nothing that names another city or year. The 佐证材料 go where
//! the notice puts them: after the table, in a booklet with its own cover, or nowhere.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::office::soffice_to_pdf;
use common::{pair, pdftotext};
use tianbiao::docx::export_docx;
use tianbiao::draft::sample::create_sample;
use tianbiao::draft::{Draft, DraftFolder, Library};
use tianbiao::form::answers::Answers;
use tianbiao::form::wording::{limit_words, word_limit_in_force};
use tianbiao::jobs::{self, Done};
use tianbiao::pdf::compose::ComposeOptions;

const CAMPAIGNS: [&str; 5] = [
    "xinxiang-2023",
    "hengshui-2019",
    "hengshui-2024",
    "chongqing-2021",
    "beijing-2022",
];
const CITIES: [&str; 4] = ["新乡", "衡水", "重庆", "北京"];
const YEARS: [&str; 5] = ["2019", "2021", "2022", "2023", "2024"];
const NAME: &str = "郜穗宁";

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The sample draft with only the candidate's name and the evidence images (without their
/// captions) kept, so that any
/// city or year in the printed text comes from the form, not from the answers.
fn bare_sample(root: &Path) -> (DraftFolder, Draft) {
    let library = Library::at(&root.join("library"));
    let folder = create_sample(&library).expect("the sample is created");
    let (mut draft, _) = folder.load().expect("the sample loads");
    let mut evidence = draft.answers.images("evidence").to_vec();
    for image in &mut evidence {
        image.caption = None;
    }
    assert!(!evidence.is_empty(), "the sample has evidence images");
    draft.answers = Answers::default();
    draft.answers.set_text("name", NAME);
    draft.answers.set_images("evidence", evidence);
    (folder, draft)
}

/// What the form prints for a campaign that a reader must find, whitespace-free.
fn expected(campaign_id: &str) -> Vec<String> {
    let (definition, campaign) = pair(campaign_id);
    let limit = |field| {
        word_limit_in_force(definition, campaign, field)
            .map(limit_words)
            .expect("the form has a limit")
    };
    vec![
        squeeze(&campaign.form_title),
        format!("主要事迹（{}），内容应客观真实地反映", limit("main_deeds")),
        format!("感人故事（1—2个，{}）", limit("stories")),
        format!("如{}年01月01日", campaign.year),
    ]
}

/// The text must hold the campaign's own words and no other city or year.
fn assert_own(campaign_id: &str, what: &str, text: &str) {
    let (_, campaign) = pair(campaign_id);
    let text = squeeze(text);
    for wanted in expected(campaign_id) {
        assert!(
            text.contains(&wanted),
            "{campaign_id} {what}: “{wanted}” missing"
        );
    }
    for city in CITIES.iter().filter(|city| **city != campaign.city) {
        assert!(!text.contains(city), "{campaign_id} {what} names {city}");
    }
    let own = campaign.year.to_string();
    for year in YEARS.iter().filter(|year| **year != own) {
        assert!(!text.contains(year), "{campaign_id} {what} names {year}");
    }
}

fn export_pdf(folder: &DraftFolder, draft: &Draft, campaign_id: &str, out: &Path) -> Done {
    let (definition, campaign) = pair(campaign_id);
    let mut draft = draft.clone();
    draft.campaign = campaign_id.to_owned();
    let options = ComposeOptions::default();
    jobs::export(folder, &draft, definition, campaign, options, out).expect("the PDF exports")
}

#[test]
fn each_campaign_prints_its_own_form_in_pdf_and_word() {
    let root = tempfile::tempdir().expect("a temp dir");
    let (folder, draft) = bare_sample(root.path());
    let mut word_files: Vec<PathBuf> = Vec::new();
    for id in CAMPAIGNS {
        let pdf = root.path().join(format!("{id}.pdf"));
        let done = export_pdf(&folder, &draft, id, &pdf);
        // Layout mode keeps the letter-spaced titles of the cover whole.
        let text = pdftotext(&pdf, &["-layout"]);
        assert_own(id, "PDF", &text);
        let evidence_heading = text.contains("佐证材料（候选人所获得的主要荣誉及奖励情况）");
        assert_eq!(
            evidence_heading,
            id == "xinxiang-2023",
            "{id}: evidence pages"
        );
        let Done::Pdf { booklet, .. } = done else {
            panic!("{id}: export made no PDF")
        };
        assert_eq!(booklet.is_some(), id == "hengshui-2024", "{id}: booklet");

        let (definition, campaign) = pair(id);
        let bytes = export_docx(&folder, &draft, definition, campaign).expect("the Word copy");
        let docx = root.path().join(format!("{id}.docx"));
        fs::write(&docx, bytes).expect("the docx is written");
        word_files.push(docx);
    }
    let converted = root.path().join("converted");
    fs::create_dir_all(&converted).expect("a folder");
    let files: Vec<&Path> = word_files.iter().map(PathBuf::as_path).collect();
    soffice_to_pdf(&files, &converted, root.path());
    for id in CAMPAIGNS {
        let text = pdftotext(&converted.join(format!("{id}.pdf")), &["-layout"]);
        assert_own(id, "Word copy", &text);
    }
}

#[test]
fn hengshui_2024_gets_the_evidence_as_a_booklet_with_a_cover() {
    let root = tempfile::tempdir().expect("a temp dir");
    let (folder, draft) = bare_sample(root.path());
    let pdf = root.path().join("郜穗宁-推荐表.pdf");
    let Done::Pdf {
        booklet: Some(booklet),
        ..
    } = export_pdf(&folder, &draft, "hengshui-2024", &pdf)
    else {
        panic!("衡水 2024 asks for the evidence as a booklet of its own")
    };
    assert_eq!(
        booklet.file_name().and_then(|n| n.to_str()),
        Some("郜穗宁-推荐表-佐证材料.pdf")
    );
    let cover = squeeze(&pdftotext(&booklet, &["-layout", "-f", "1", "-l", "1"]));
    for wanted in [
        "2024年衡水市“最美科技工作者”",
        "佐证材料",
        "候选人姓名",
        NAME,
    ] {
        assert!(cover.contains(wanted), "the cover lacks {wanted}: {cover}");
    }
    let pages = squeeze(&pdftotext(&booklet, &["-f", "2"]));
    assert!(pages.contains("佐证材料"), "{pages}");
    // The 推荐表 itself has no evidence page.
    let form = squeeze(&pdftotext(&pdf, &[]));
    assert!(!form.contains("佐证材料（候选人所获得"), "{form}");
}
