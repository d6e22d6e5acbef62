//! The printed form, tested from the outside as a reviewer would see it: poppler's pdftotext,
//! pdffonts and pdfimages on PDFs made by `tianbiao export` and `tianbiao summary`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::text_of;
use tianbiao::draft::{Draft, DraftFolder};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample")
}

/// A copy of the sample draft folder, to change without touching the original.
fn sample_copy(root: &Path, name: &str) -> DraftFolder {
    let dir = root.join(name);
    fs::create_dir_all(&dir).unwrap();
    for entry in fs::read_dir(sample()).unwrap().flatten() {
        if entry.path().is_file() {
            fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
        }
    }
    DraftFolder::at(&dir)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tianbiao"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn export(folder: &Path, pdf: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "export",
        folder.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ];
    args.extend(extra);
    run(&args)
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: {e}"));
    assert!(
        output.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The text right of the label column and above the footer, page after page: a long answer
/// continued on the next page reads as one piece.
fn value_text(pdf: &Path) -> String {
    // In points: the label column ends 45 mm from the left edge, the footer starts at 277 mm.
    squeeze(&poppler(
        "pdftotext",
        &[
            "-x",
            "130",
            "-y",
            "0",
            "-W",
            "470",
            "-H",
            "783",
            pdf.to_str().unwrap(),
            "-",
        ],
    ))
}

#[test]
fn every_answer_of_the_sample_is_in_the_pdf() {
    let root = tempfile::tempdir().unwrap();
    let pdf = root.path().join("sample.pdf");
    let output = export(&sample(), &pdf, &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (draft, _) = DraftFolder::at(&sample()).load().unwrap();
    let all = squeeze(&poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    let values = value_text(&pdf);
    for (id, answer) in &draft.answers.0 {
        let texts: Vec<String> = match answer {
            tianbiao::form::answers::Answer::Text(text) => vec![text.clone()],
            tianbiao::form::answers::Answer::List(items) => items.clone(),
            tianbiao::form::answers::Answer::Rows(rows) => rows
                .iter()
                .filter_map(|row| row.get("what").cloned())
                .collect(),
            tianbiao::form::answers::Answer::Images(images) => {
                images.iter().filter_map(|i| i.caption.clone()).collect()
            }
            tianbiao::form::answers::Answer::Photo(_) => vec![],
        };
        for text in texts.iter().filter(|t| !t.trim().is_empty()) {
            let printed = match id.as_str() {
                // Dates are printed as 2023年04月20日; the summary-only fields are checked with
                // the summary table.
                "fill_date" | "birth" | "specialty" | "honours" | "summary_note" => continue,
                _ => squeeze(text),
            };
            assert!(
                all.contains(&printed) || values.contains(&printed),
                "{id}: {text}"
            );
        }
    }
    assert!(
        all.contains(&squeeze(
            &draft.answers.text("main_deeds").replace('\n', "")
        )) || values.contains(&squeeze(draft.answers.text("main_deeds")))
    );
    assert!(all.contains("2023年“最美科技工作者”") || all.contains("2023年新乡“最美科技工作者”"));
}

#[test]
fn the_font_is_embedded_as_a_subset() {
    let root = tempfile::tempdir().unwrap();
    let pdf = root.path().join("sample.pdf");
    assert!(export(&sample(), &pdf, &[]).status.success());
    let fonts = poppler("pdffonts", &[pdf.to_str().unwrap()]);
    let line = fonts
        .lines()
        .find(|line| line.contains("NotoSerifCJK"))
        .unwrap_or_else(|| panic!("{fonts}"));
    let columns: Vec<&str> = line.split_whitespace().collect();
    // name type type encoding emb sub uni object id
    assert!(
        columns.contains(&"TrueType") && columns.contains(&"Identity-H"),
        "{line}"
    );
    let flags: Vec<&str> = columns.iter().rev().skip(2).take(3).copied().collect();
    assert_eq!(flags, ["yes", "yes", "yes"], "uni, sub, emb: {line}");
    let size = fs::metadata(&pdf).unwrap().len();
    assert!(size < 1_500_000, "a subset, not the 14 MB font: {size}");
}

#[test]
fn photos_are_embedded_at_print_resolution() {
    let root = tempfile::tempdir().unwrap();
    let pdf = root.path().join("sample.pdf");
    assert!(export(&sample(), &pdf, &[]).status.success());
    let list = poppler("pdfimages", &["-list", pdf.to_str().unwrap()]);
    let images: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|line| line.split_whitespace().collect())
        .collect();
    let (draft, _) = DraftFolder::at(&sample()).load().unwrap();
    assert_eq!(images.len(), draft.answers.photo_files().len(), "{list}");
    for image in &images {
        // page num type width height color comp bpc enc interp object id x-ppi y-ppi size ratio
        assert_eq!(image[8], "jpeg", "{list}");
        let (x_ppi, y_ppi): (u32, u32) = (image[12].parse().unwrap(), image[13].parse().unwrap());
        assert!(x_ppi.abs_diff(y_ppi) <= 2, "not stretched: {list}");
        assert!(x_ppi >= 150, "{list}");
    }
    let id_photo = &images[0];
    assert!(
        id_photo[12].parse::<u32>().unwrap() >= 295,
        "the ID photo at 300 dpi: {list}"
    );
}

#[test]
fn a_4000_character_deeds_flows_onto_further_pages() {
    let root = tempfile::tempdir().unwrap();
    let short_pdf = root.path().join("short.pdf");
    assert!(export(&sample(), &short_pdf, &[]).status.success());
    let folder = sample_copy(root.path(), "long");
    let (mut draft, _) = folder.load().unwrap();
    let long = format!("{}\n{}\n{}", text_of(1400), text_of(1300), text_of(1300));
    draft.answers.set_text("main_deeds", long.clone());
    folder.save(&mut draft).unwrap();
    let long_pdf = root.path().join("long.pdf");
    let output = export(&folder.dir, &long_pdf, &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let pages = |pdf: &Path| -> usize {
        let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
        info.lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    };
    assert!(
        pages(&long_pdf) > pages(&short_pdf),
        "{} vs {}",
        pages(&long_pdf),
        pages(&short_pdf)
    );
    assert!(
        value_text(&long_pdf).contains(&squeeze(&long)),
        "every character, in order"
    );
    let last = pages(&long_pdf);
    let footer = poppler(
        "pdftotext",
        &[
            "-f",
            &last.to_string(),
            "-l",
            &last.to_string(),
            long_pdf.to_str().unwrap(),
            "-",
        ],
    );
    assert!(
        squeeze(&footer).contains(&format!("第{}页共{}页", last - 1, last - 1)),
        "{footer}"
    );
}

#[test]
fn rare_name_characters_print_and_missing_ones_are_refused() {
    let root = tempfile::tempdir().unwrap();
    let folder = sample_copy(root.path(), "rare");
    let (mut draft, _) = folder.load().unwrap();
    draft.answers.set_text("name", "王䶮𠇔");
    folder.save(&mut draft).unwrap();
    let pdf = root.path().join("rare.pdf");
    assert!(export(&folder.dir, &pdf, &[]).status.success());
    assert!(squeeze(&poppler("pdftotext", &[pdf.to_str().unwrap(), "-"])).contains("王䶮𠇔"));

    draft.answers.set_text("name", "王𪚥");
    folder.save(&mut draft).unwrap();
    let refused = root.path().join("refused.pdf");
    let output = export(&folder.dir, &refused, &[]);
    assert_eq!(output.status.code(), Some(1));
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(
        printed.contains("错误\t候选人姓名\t")
            && printed.contains("𪚥")
            && printed.contains("U+2A6A5"),
        "{printed}"
    );
    assert!(!refused.exists(), "nothing is written");
}

#[test]
fn seal_guides_can_be_left_out_for_the_final_original() {
    let root = tempfile::tempdir().unwrap();
    let (with, without) = (
        root.path().join("with.pdf"),
        root.path().join("without.pdf"),
    );
    assert!(export(&sample(), &with, &[]).status.success());
    assert!(
        export(
            &sample(),
            &without,
            &["--no-seal-guides", "--no-instructions"]
        )
        .status
        .success()
    );
    let text = |pdf: &Path| squeeze(&poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    assert!(text(&with).contains("填表说明"));
    assert!(!text(&without).contains("填表说明"));
    assert_eq!(
        text(&without).matches("（盖章）").count(),
        2,
        "the seal places stay"
    );
}

#[test]
fn the_summary_lists_every_candidate() {
    let root = tempfile::tempdir().unwrap();
    let mut folders = Vec::new();
    for (n, name) in ["张三", "李四", "王五"].iter().enumerate() {
        let folder = sample_copy(root.path(), name);
        let (mut draft, _): (Draft, _) = folder.load().unwrap();
        draft.answers.set_text("name", *name);
        draft
            .answers
            .set_text("birth", format!("198{n}-0{}", n + 1));
        folder.save(&mut draft).unwrap();
        folders.push(folder);
    }
    let pdf = root.path().join("summary.pdf");
    let mut args = vec!["summary".to_owned()];
    args.extend(folders.iter().map(|f| f.dir.display().to_string()));
    args.extend(["-o".to_owned(), pdf.display().to_string()]);
    let output = Command::new(env!("CARGO_BIN_EXE_tianbiao"))
        .args(&args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = squeeze(&poppler(
        "pdftotext",
        &["-layout", pdf.to_str().unwrap(), "-"],
    ));
    assert!(
        text.contains("2023年新乡“最美科技工作者”候选人汇总表"),
        "{text}"
    );
    assert!(text.contains("推荐单位（盖章）"));
    for name in ["张三", "李四", "王五"] {
        assert!(text.contains(name), "{name}: {text}");
    }
    for birth in ["1980年01月", "1981年02月", "1982年03月"] {
        assert!(text.contains(birth), "{birth}");
    }
    // Cells that wrap are read line by line; their first lines are enough to find them.
    for column in [
        "中共党员",
        "小麦遗传育种",
        "河南省三八红旗手",
        "新乡市农林科学研究院",
    ] {
        assert_eq!(text.matches(column).count(), 3, "{column}: {text}");
    }
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("841.89 x 595.276"), "landscape A4: {info}");
}
