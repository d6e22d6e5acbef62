//! The Word copy, tested from the outside: the sample draft exported to .docx, converted to
//! PDF by LibreOffice (as a reviewer's Word would lay it out), read back with pdftotext; and the
//! package itself opened as a zip.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use common::office::soffice_to_pdf;
use common::pair;
use tianbiao::docx::export_docx;
use tianbiao::draft::sample::create_sample;
use tianbiao::draft::{Draft, DraftFolder, Library};
use tianbiao::form::answers::Answer;
use tianbiao::form::definition::{FieldKind, FormDefinition};
use tianbiao::form::print::PrintRow as Row;
use tianbiao::form::printed::{period, printed};

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A fresh copy of the sample draft in a library under `root`.
fn sample(root: &Path) -> (DraftFolder, Draft) {
    let library = Library::at(&root.join("library"));
    let folder = create_sample(&library).expect("the sample is created");
    let (draft, _) = folder.load().expect("the sample loads");
    (folder, draft)
}

fn export(folder: &DraftFolder, draft: &Draft, campaign: &str, out: &Path) -> Vec<u8> {
    let (definition, campaign) = pair(campaign);
    let bytes = export_docx(folder, draft, definition, campaign).expect("the draft exports");
    fs::write(out, &bytes).expect("the docx is written");
    bytes
}

fn page_count(pdf: &Path) -> usize {
    let output = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is needed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|pages| pages.trim().parse().ok())
        .expect("pdfinfo gives the page count")
}

fn zip_entry(docx: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut entry = archive.by_name(name).ok()?;
    let mut bytes = Vec::new();
    entry.read_to_end(&mut bytes).expect("the entry reads");
    Some(bytes)
}

fn zip_names(docx: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    archive.file_names().map(str::to_owned).collect()
}

/// The fields the print layout shows somewhere: cover, table, pages after it.
fn printed_fields(definition: &FormDefinition) -> BTreeSet<&str> {
    let print = &definition.print;
    let mut fields: BTreeSet<&str> = print.cover.lines.iter().map(|l| l.field.as_str()).collect();
    for row in &print.table.rows {
        match row {
            Row::Cells { cells, .. } => {
                fields.extend(cells.iter().flat_map(|cell| cell.content.fields()));
            }
            Row::Repeat { field, .. } => {
                fields.insert(field);
            }
        }
    }
    fields.extend(print.after_table.iter().map(|part| part.field()));
    fields
}

/// What must be readable in the converted document, each piece whitespace-free: every answer
/// as printed (multiline ones paragraph by paragraph), every history row, every option.
fn expected_texts(definition: &FormDefinition, draft: &Draft) -> Vec<String> {
    let answers = &draft.answers;
    let printed_fields = printed_fields(definition);
    let mut expected = Vec::new();
    for field in definition.fields() {
        if !printed_fields.contains(field.id.as_str()) {
            // Summary-only fields (专业专长, 曾获荣誉) are not in the form.
            continue;
        }
        match (&field.kind, answers.0.get(&field.id)) {
            (_, None) => {}
            (FieldKind::Multiline, _) => expected.extend(
                answers
                    .text(&field.id)
                    .lines()
                    .map(squeeze)
                    .filter(|line| !line.is_empty()),
            ),
            (FieldKind::Rows { .. }, _) => {
                for row in answers.rows(&field.id) {
                    expected.push(squeeze(&period(row, "start", "end")));
                    expected.extend(row.get("what").map(|what| squeeze(what)));
                }
            }
            (FieldKind::MultiChoice { options, .. }, _) => {
                let chosen = answers.list(&field.id);
                for option in options {
                    let mark = if chosen.contains(option) {
                        "☑"
                    } else {
                        "☐"
                    };
                    expected.push(format!("{mark}{}", squeeze(option)));
                }
            }
            (FieldKind::Images { .. }, Some(Answer::Images(images))) => expected.extend(
                images
                    .iter()
                    .filter_map(|image| image.caption.as_deref().map(squeeze)),
            ),
            (FieldKind::Photo, _) => {}
            _ => expected.push(squeeze(&printed(definition, answers, &field.id))),
        }
    }
    expected.retain(|text| !text.is_empty());
    expected
}

#[test]
fn the_word_copy_reads_like_the_printed_form() {
    let root = tempfile::tempdir().expect("a temp dir");
    let (folder, draft) = sample(root.path());
    let docx_path = root.path().join("sample.docx");
    let started = Instant::now();
    let docx = export(&folder, &draft, &draft.campaign, &docx_path);
    let export_time = started.elapsed();
    // 北京 2022 asks for the Word copy: the same draft under its title, converted in the same run.
    let beijing_path = root.path().join("beijing.docx");
    let beijing = export(&folder, &draft, "beijing-2022", &beijing_path);

    // The package: JPEG photos kept as JPEG, runs in 宋体 with our font as its fallback.
    let names = zip_names(&docx);
    let media: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("word/media/"))
        .collect();
    assert_eq!(
        media.len(),
        4,
        "the ID photo and three certificates: {names:?}"
    );
    for name in &media {
        assert!(name.ends_with(".jpeg"), "{name}");
        let bytes = zip_entry(&docx, name).expect("the media entry");
        assert!(bytes.starts_with(&[0xFF, 0xD8]), "{name} is JPEG");
    }
    let document =
        String::from_utf8(zip_entry(&docx, "word/document.xml").expect("document")).expect("UTF-8");
    assert!(document.contains(r#"w:eastAsia="宋体""#), "runs name 宋体");
    assert!(document.contains(r#"<w:sz w:val="21" />"#), "body in 五号");
    let fonts = String::from_utf8(zip_entry(&docx, "word/fontTable.xml").expect("font table"))
        .expect("UTF-8");
    assert!(
        fonts.contains(r#"<w:altName w:val="Noto Serif CJK SC"/>"#),
        "{fonts}"
    );
    let rels =
        String::from_utf8(zip_entry(&docx, "word/_rels/document.xml.rels").expect("relationships"))
            .expect("UTF-8");
    assert!(!rels.contains(".png"), "no picture named .png: {rels}");

    // Laid out by LibreOffice and read back: every answer is there.
    let home = root.path().join("home");
    fs::create_dir_all(&home).expect("a home for soffice");
    let convert_time = soffice_to_pdf(&[&docx_path, &beijing_path], root.path(), &home);
    let pdf: PathBuf = root.path().join("sample.pdf");
    let text = squeeze(&common::pdftotext(&pdf, &[]));
    // Right of the label column and above the footer, page after page: a paragraph continued
    // on the next page reads as one piece (in pt: the labels end 45 mm from the left edge,
    // the footer is below 277 mm).
    let values = squeeze(&common::pdftotext(
        &pdf,
        &["-x", "124", "-y", "0", "-W", "440", "-H", "785"],
    ));
    let (definition, campaign) = pair(&draft.campaign);
    assert!(text.contains(&squeeze(&campaign.form_title)), "the title");
    let missing: Vec<String> = expected_texts(definition, &draft)
        .into_iter()
        .filter(|expected| !text.contains(expected.as_str()) && !values.contains(expected.as_str()))
        .collect();
    assert!(missing.is_empty(), "not in the Word copy: {missing:#?}");
    // The cover counts but carries no number (see docx::pages::footer).
    let pages = page_count(&pdf);
    assert!(
        text.contains(&format!("第2页共{pages}页")),
        "pages are numbered"
    );
    assert!(!text.contains("第1页"), "the cover has no number");
    assert!(text.contains("（盖章）"), "the seal places");
    let beijing_text = squeeze(&common::pdftotext(&root.path().join("beijing.pdf"), &[]));
    let (_, beijing_campaign) = pair("beijing-2022");
    assert!(beijing_text.contains(&squeeze(&beijing_campaign.form_title)));
    eprintln!(
        "docx: {} bytes ({} for 北京), exported in {export_time:?}; soffice converted both in {convert_time:?}",
        docx.len(),
        beijing.len()
    );
}

#[test]
fn a_separate_text_is_printed_only_where_the_campaign_asks_for_it() {
    let root = tempfile::tempdir().expect("a temp dir");
    let (folder, mut draft) = sample(root.path());
    let material = "这是单独成文的事迹材料，第一段。\n第二段，写她在麦田里的故事。";
    draft.answers.set_text("deeds_material", material);
    let document = |campaign: &str, name: &str| {
        let bytes = export(&folder, &draft, campaign, &root.path().join(name));
        String::from_utf8(zip_entry(&bytes, "word/document.xml").expect("document")).expect("UTF-8")
    };
    // 衡水 2019 asks for a 3000字 事迹材料; 新乡 2023 does not.
    assert!(document("hengshui-2019", "hengshui.docx").contains("第二段，写她在麦田里的故事。"));
    assert!(!document("xinxiang-2023", "xinxiang.docx").contains("第二段"));
}

#[test]
fn an_unreadable_photo_says_to_choose_it_again() {
    let root = tempfile::tempdir().expect("a temp dir");
    let (folder, draft) = sample(root.path());
    fs::write(folder.dir.join("photo-1.jpg"), b"not a photo any more").expect("overwritten");
    let (definition, campaign) = pair(&draft.campaign);
    let error = export_docx(&folder, &draft, definition, campaign)
        .expect_err("a broken photo stops the export");
    let message = error.to_string();
    assert!(message.contains("photo-1.jpg"), "{message}");
    assert!(message.contains("选择"), "{message}");
    fs::remove_file(folder.dir.join("photo-1.jpg")).expect("removed");
    let message = export_docx(&folder, &draft, definition, campaign)
        .expect_err("a missing photo stops the export")
        .to_string();
    assert!(message.contains("重新选择这张图片"), "{message}");
}
