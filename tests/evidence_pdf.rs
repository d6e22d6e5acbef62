//! Evidence as one PDF named after the candidate: where a campaign's evidence material asks for
//! `one_pdf` with a `file_name`, the package holds 姓名-佐证材料.pdf — the evidence booklet: a
//! cover, then the images with their captions — and the checklist names the file.

mod common;

use std::fs;

use serde_json::json;
use tianbiao::draft::Library;
use tianbiao::form::catalog::Catalog;
use tianbiao::package::checklist::CHECKLIST_FILE;
use tianbiao::package::pack::{PackOptions, pack};
use tianbiao::package::roster::Candidate;

#[test]
fn the_package_holds_the_evidence_as_one_pdf_named_after_the_candidate() {
    let (definition, base) = common::pair("xinxiang-2023");
    let mut value = serde_json::to_value(base).unwrap();
    value["id"] = json!("evidence-variant");
    value["materials"].as_array_mut().unwrap().push(json!({
        "id": "evidence",
        "name": "佐证材料",
        "by": "candidate",
        "produced_by": "app",
        "paper": false,
        "electronic": true,
        "file_name": "{姓名}-佐证材料.pdf",
        "one_pdf": true
    }));
    let mut catalog = Catalog::builtin().unwrap();
    let campaign = catalog
        .add_campaign("evidence-variant.json", &value.to_string())
        .unwrap()
        .clone();

    let root = tempfile::tempdir().unwrap();
    let library = Library::at(&root.path().join("data"));
    let folder = tianbiao::draft::sample::create_sample(&library).unwrap();
    let (mut draft, _) = folder.load().unwrap();
    draft.campaign = campaign.id.clone();
    let evidence = draft.answers.images("evidence").to_vec();
    assert!(!evidence.is_empty(), "the sample has evidence images");
    let candidate = Candidate::new(folder, draft, definition, &campaign);
    let out = root.path().join("out");
    let options = PackOptions::default();
    let packed = pack(&[&candidate], definition, &campaign, &out, &options).unwrap();
    let pdf = packed.folder.join("郜穗宁-佐证材料.pdf");
    assert!(
        pdf.is_file(),
        "{:?}",
        fs::read_dir(&packed.folder).unwrap().collect::<Vec<_>>()
    );
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    // The cover, then up to four images a page.
    let pages = format!("Pages:{}", 1 + evidence.len().div_ceil(4));
    assert!(info.replace(' ', "").contains(&pages), "{info}");
    let text: String = common::pdftotext(&pdf, &[])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for image in &evidence {
        if let Some(caption) = &image.caption {
            let caption: String = caption.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(text.contains(&caption), "{caption} in {text}");
        }
    }
    let checklist = fs::read_to_string(packed.folder.join(CHECKLIST_FILE)).unwrap();
    assert!(checklist.contains("[✓] 郜穗宁-佐证材料.pdf"), "{checklist}");

    // Without the option (the shipped 新乡 2023), no such file.
    let packed = pack(
        &[&candidate],
        definition,
        base,
        &root.path().join("out2"),
        &options,
    )
    .unwrap();
    assert!(!packed.folder.join("郜穗宁-佐证材料.pdf").exists());
}
