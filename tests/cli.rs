//! The command line as scripts use it: `tianbiao check DRAFT` and `tianbiao count FILE`, their
//! output lines and exit codes (a contract: names and formats stay stable).

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::*;
use tianbiao::draft::{Draft, DraftFolder};

fn tianbiao(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tianbiao"))
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .output()
        .expect("the binary runs")
}

fn count(path: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tianbiao"))
        .arg("count")
        .arg(path)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn sample() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample"))
}

#[test]
fn check_passes_the_sample_draft() {
    let data = tempfile::tempdir().unwrap();
    let output = tianbiao(&["check", sample().to_str().unwrap()], data.path());
    let printed = stdout(&output);
    assert!(!printed.contains("错误"), "{printed}");
    assert_eq!(output.status.code(), Some(0), "{printed}");
    // Also by the path of its draft.json.
    let by_file = tianbiao(
        &["check", sample().join("draft.json").to_str().unwrap()],
        data.path(),
    );
    assert_eq!(by_file.status.code(), Some(0));
}

#[test]
fn check_lists_the_typical_mistakes_and_fails() {
    let root = tempfile::tempdir().unwrap();
    let folder = DraftFolder::at(&root.path().join("mistakes"));
    let mut draft = Draft::new("zuimei_tuijianbiao", "xinxiang-2023");
    draft.answers = valid_answers();
    draft.answers.set_text("pro_title", "正高");
    draft.answers.set_rows(
        "history",
        vec![
            row("2002-09", "2008-07", "南方农业大学农学专业学习"),
            row("2006-09", "至今", "新乡市农业科学研究所工作"),
        ],
    );
    draft
        .answers
        .set_text("stories", format!("故事一：夜\n{}", text_of(1800)));
    draft.answers.set_text(
        "unit_opinion",
        "该同志政治表现好，廉洁自律，道德品行端正，材料真实，不涉密。",
    );
    draft.answers.set_text("mobile", "1381234567");
    draft.answers.set_text("native_place", "河北𪚥县");
    folder.save(&mut draft).unwrap();

    let output = tianbiao(&["check", folder.dir.to_str().unwrap()], root.path());
    assert_eq!(output.status.code(), Some(1));
    let printed = stdout(&output);
    let lines: Vec<&str> = printed.lines().collect();
    let line = |place: &str, words: &str| {
        lines.iter().any(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            columns.len() == 3
                && columns[0] == "错误"
                && columns[1] == place
                && columns[2].contains(words)
        })
    };
    assert!(line("专业技术职务", "研究员"), "{printed}");
    assert!(line("学习工作经历第2行", "重叠"), "{printed}");
    assert!(line("感人故事", "1000"), "{printed}");
    assert!(line("所在单位意见", "同意推荐"), "{printed}");
    assert!(line("手机", "11位"), "{printed}");
    assert!(line("籍贯", "𪚥"), "a character the font lacks: {printed}");
    // The photos named in the answers were never copied into this folder.
    assert!(line("照片", "重新选择"), "{printed}");
}

#[test]
fn check_explains_a_draft_it_cannot_read() {
    let root = tempfile::tempdir().unwrap();
    let output = tianbiao(
        &["check", root.path().join("nowhere").to_str().unwrap()],
        root.path(),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("找不到草稿"));

    fs::write(root.path().join("draft.json"), "{\"schema\": 1, \"form\": \"zuimei_tuijianbiao\", \"campaign\": \"shanghai-2030\", \"answers\": {}}").unwrap();
    let output = tianbiao(&["check", root.path().to_str().unwrap()], root.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("shanghai-2030"));
}

#[test]
fn count_prints_words_then_han() {
    let root = tempfile::tempdir().unwrap();
    let file = root.path().join("text.txt");
    fs::write(
        &file,
        "\u{feff}他于2019年获得国家科技进步奖二等奖。\nHello “世界”\n",
    )
    .unwrap();
    let output = count(&file);
    assert_eq!(output.status.code(), Some(0));
    let printed = stdout(&output);
    let first: Vec<&str> = printed.lines().next().unwrap().split('\t').collect();
    assert_eq!(first[0], "22", "17 + 5: {printed}");
    let second: Vec<&str> = printed.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!(second[0], "17", "15 + 2: {printed}");

    fs::write(&file, [0xb2, 0xe2, 0xca, 0xd4]).unwrap(); // "测试" in GBK
    let output = count(&file);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("UTF-8"));
}
