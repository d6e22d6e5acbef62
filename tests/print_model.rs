//! The PDF and the Word copy print the same answers: both come from one print model
//! (`form::printed`), so every value it holds must read back from both — the PDF with
//! pdftotext, the Word copy after LibreOffice has laid it out.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use common::pair;
use tianbiao::docx::export_docx;
use tianbiao::draft::Library;
use tianbiao::draft::sample::create_sample;
use tianbiao::form::printed::{AfterPart, CellValue, PrintedForm, resolve};
use tianbiao::pdf::compose::ComposeOptions;
use tianbiao::pdf::export::export_pdf;

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every answer value the model prints, whitespace-free; long texts paragraph by paragraph.
fn model_values(form: &PrintedForm) -> BTreeSet<String> {
    let mut values: BTreeSet<String> = form.cover.lines.iter().map(|l| squeeze(&l.value)).collect();
    let paragraphs = |text: &str| -> Vec<String> { text.lines().map(squeeze).collect() };
    for group in &form.table.groups {
        let spans = group.spans.iter().map(|span| &span.cell);
        for cell in group.rows.iter().flat_map(|row| &row.cells).chain(spans) {
            match &cell.value {
                CellValue::Value(value) => values.insert(squeeze(value)),
                CellValue::Paragraphs { text, .. } | CellValue::Opinion { text } => {
                    values.extend(paragraphs(text));
                    true
                }
                CellValue::Checkboxes(options) => {
                    values.extend(options.iter().map(|(option, _)| squeeze(option)));
                    true
                }
                _ => false,
            };
        }
    }
    for part in &form.after_table {
        match part {
            AfterPart::Evidence { images, .. } => {
                values.extend(images.iter().map(|image| squeeze(&image.caption)))
            }
            AfterPart::Text { text, .. } => values.extend(paragraphs(text)),
        }
    }
    values.remove("");
    values
}

/// The values found in a printed copy: anywhere in its text, or in its value column read page
/// after page (a paragraph continued on the next page then reads as one piece).
fn found(values: &BTreeSet<String>, pdf: &Path, value_column: &[&str]) -> BTreeSet<String> {
    let (text, column) = (
        squeeze(&common::pdftotext(pdf, &[])),
        squeeze(&common::pdftotext(pdf, value_column)),
    );
    (values.iter())
        .filter(|value| text.contains(value.as_str()) || column.contains(value.as_str()))
        .cloned()
        .collect()
}

#[test]
fn the_pdf_and_the_word_copy_print_the_same_answers() {
    let root = tempfile::tempdir().expect("a temp dir");
    let library = Library::at(&root.path().join("library"));
    let folder = create_sample(&library).expect("the sample is created");
    let (draft, _) = folder.load().expect("the sample loads");
    let (definition, campaign) = pair(&draft.campaign);

    let pdf_path = root.path().join("form.pdf");
    let pdf = export_pdf(
        &folder,
        &draft,
        definition,
        campaign,
        ComposeOptions::default(),
    )
    .expect("the PDF exports");
    fs::write(&pdf_path, pdf).expect("the PDF is written");
    let docx_path = root.path().join("word.docx");
    let docx = export_docx(&folder, &draft, definition, campaign).expect("the Word copy exports");
    fs::write(&docx_path, docx).expect("the Word copy is written");
    let home = root.path().join("home");
    fs::create_dir_all(&home).expect("a home for soffice");
    let status = Command::new("soffice")
        .env("HOME", &home)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(root.path())
        .arg(&docx_path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("soffice (LibreOffice) is needed: apt-get install libreoffice-writer-nogui");
    assert!(status.success(), "soffice failed: {status}");

    let values = model_values(&resolve(definition, campaign, &draft.answers));
    assert!(values.len() > 20, "the sample fills the form: {values:?}");
    // In points: right of the label column (45 mm), above the footer (277 mm).
    let in_pdf = found(
        &values,
        &pdf_path,
        &["-x", "128", "-y", "0", "-W", "470", "-H", "783"],
    );
    let in_word = found(
        &values,
        &root.path().join("word.pdf"),
        &["-x", "124", "-y", "0", "-W", "440", "-H", "785"],
    );
    let missing = |found: &BTreeSet<String>| values.difference(found).cloned().collect::<Vec<_>>();
    assert_eq!(missing(&in_pdf), Vec::<String>::new(), "not in the PDF");
    assert_eq!(
        missing(&in_word),
        Vec::<String>::new(),
        "not in the Word copy"
    );
    assert_eq!(in_pdf, in_word);
}
