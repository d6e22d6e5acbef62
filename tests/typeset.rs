//! The form typeset like a careful typesetter's, checked on the page model with the fixed-width
//! stand-in font: a text broken over pages never leaves a line alone on either side of the
//! break, the rows of 学习工作经历 set each column at one size, and an e-mail address shrinks
//! within the floor before it breaks, and then only after @ or a dot.

mod common;

use std::collections::HashMap;

use common::*;
use tianbiao::form::answers::Answers;
use tianbiao::pdf::compose::{ComposeInput, ComposeOptions, compose};
use tianbiao::pdf::layout::{Document, TextRun};
use tianbiao::pdf::measure::FixedWidth;

/// The body size and the floor of the form's layout.
const BODY_PT: f32 = 10.5;
const MIN_PT: f32 = 9.0;

fn compose_with(answers: &Answers) -> Document {
    let (definition, campaign) = pair("xinxiang-2023");
    let images = HashMap::new();
    compose(&ComposeInput {
        definition,
        campaign,
        answers,
        images: &images,
        measure: &FixedWidth,
        options: ComposeOptions::default(),
    })
}

/// Runs made only of `mark` (the lines of a text written with that one character), per page.
fn lines_per_page(document: &Document, mark: char) -> Vec<usize> {
    (document.pages.iter())
        .map(|page| {
            page.texts()
                .filter(|run| !run.text.is_empty() && run.text.chars().all(|c| c == mark))
                .count()
        })
        .collect()
}

fn runs_where<'a>(
    document: &'a Document,
    keep: impl Fn(&TextRun) -> bool + 'a,
) -> impl Iterator<Item = &'a TextRun> + 'a {
    (document.pages.iter())
        .flat_map(|page| page.texts())
        .filter(move |run| keep(run))
}

#[test]
fn a_text_broken_over_pages_keeps_two_lines_on_each_side() {
    let mut broken = 0;
    // Lengths step by less than a line, so the break falls before every line of a page's end.
    for length in (1200..3200).step_by(23) {
        let mut answers = valid_answers();
        let deeds = "甲".repeat(length);
        let half = length / 3;
        answers.set_text(
            "main_deeds",
            format!("{}\n{}", &deeds[..half * 3], &deeds[half * 3..]),
        );
        answers.set_text("stories", "乙".repeat(900));
        let document = compose_with(&answers);
        for mark in ['甲', '乙'] {
            let pieces: Vec<usize> = (lines_per_page(&document, mark).into_iter())
                .filter(|lines| *lines > 0)
                .collect();
            if pieces.len() > 1 {
                broken += 1;
            }
            assert!(
                pieces.iter().all(|lines| *lines >= 2),
                "{mark} of {length}: lines per page {pieces:?}"
            );
        }
    }
    assert!(
        broken > 40,
        "the texts were broken over pages {broken} times"
    );
}

/// Sizes of the runs in the 学习工作经历 column of 在何单位从事何工作 written with `marks`.
fn history_sizes(document: &Document, marks: &str) -> Vec<f32> {
    runs_where(document, |run| {
        !run.text.is_empty() && run.text.chars().all(|c| marks.contains(c))
    })
    .map(|run| run.size_pt)
    .collect()
}

#[test]
fn the_history_rows_set_each_column_at_one_size() {
    let mut answers = valid_answers();
    // Shrinks to one line within the floor, beside a row that must wrap and a short one.
    answers.set_rows(
        "history",
        vec![
            row("2002-09", "2006-07", &"丙".repeat(32)),
            row("2006-09", "2012-06", &"丙".repeat(45)),
            row("2012-07", "至今", "丁丁"),
        ],
    );
    let sizes = history_sizes(&compose_with(&answers), "丙丁");
    assert!(sizes.len() >= 4, "{sizes:?}");
    assert!(
        sizes.iter().all(|size| *size == BODY_PT),
        "the column wraps at the body size, no row shrinks: {sizes:?}"
    );

    // Rows that all fit shrunk: all at the same smaller size.
    answers.set_rows(
        "history",
        vec![
            row("2002-09", "2006-07", &"丙".repeat(32)),
            row("2006-09", "2012-06", &"丙".repeat(31)),
            row("2012-07", "至今", "丁丁"),
        ],
    );
    let sizes = history_sizes(&compose_with(&answers), "丙丁");
    assert_eq!(sizes.len(), 3, "{sizes:?}");
    assert!(
        sizes
            .iter()
            .all(|size| *size == sizes[0] && *size >= MIN_PT && *size < BODY_PT),
        "one shrunk size: {sizes:?}"
    );

    // The periods (2002.09—2006.07 wraps in its narrow column): one size too.
    let periods: Vec<f32> = runs_where(&compose_with(&answers), |run| {
        run.text.starts_with("20") && run.text.contains('.') && run.x_mm < 70.0
    })
    .map(|run| run.size_pt)
    .collect();
    assert!(periods.len() >= 3, "{periods:?}");
    assert!(
        periods.iter().all(|size| *size == periods[0]),
        "{periods:?}"
    );
}

/// The runs of the e-mail cell (right of the 电子邮箱 label, made of the address's characters).
fn email_runs<'a>(document: &'a Document, email: &'a str) -> Vec<&'a TextRun> {
    runs_where(document, move |run| {
        run.x_mm > 145.0 && !run.text.is_empty() && run.text.chars().all(|c| email.contains(c))
    })
    .collect()
}

#[test]
fn an_email_shrinks_within_the_floor_then_breaks_after_at_or_a_dot() {
    let mut answers = valid_answers();
    // 22 characters: too wide at the body size, on one line within the floor.
    let email = "gaosuining@example.com";
    answers.set_text("email", email);
    let document = compose_with(&answers);
    let runs = email_runs(&document, email);
    assert_eq!(runs.len(), 1, "one line: {runs:?}");
    assert!(runs[0].size_pt >= MIN_PT && runs[0].size_pt < BODY_PT);
    assert_eq!(runs[0].text, email);

    // Too wide even at the floor: broken at the body size, after @ or a dot only.
    for email in [
        "gaosuining.lab@example.com",
        "gaosuining@agri-science.example.com",
    ] {
        answers.set_text("email", email);
        let document = compose_with(&answers);
        let runs = email_runs(&document, email);
        let texts: Vec<&str> = runs.iter().map(|run| run.text.as_str()).collect();
        assert!(texts.len() >= 2, "{texts:?}");
        assert_eq!(texts.concat(), email);
        let (last, broken) = texts.split_last().unwrap_or((&"", &[]));
        assert!(
            broken.iter().all(|text| text.ends_with(['@', '.'])),
            "{texts:?}"
        );
        assert!(!last.starts_with(['@', '.']), "{texts:?}");
        assert!(runs.iter().all(|run| run.size_pt == BODY_PT), "{runs:?}");
    }
}

#[test]
fn a_period_that_wraps_breaks_after_its_dash() {
    let mut answers = valid_answers();
    answers.set_rows(
        "history",
        vec![
            row("2002-09", "2006-07", "学习"),
            row("2021-01", "至今", "工作"),
        ],
    );
    let document = compose_with(&answers);
    let periods: Vec<&str> = runs_where(&document, |run| run.x_mm < 70.0 && run.x_mm > 45.0)
        .map(|run| run.text.as_str())
        .filter(|text| text.contains('.') || *text == "至今")
        .collect();
    assert_eq!(periods, ["2002.09—", "2006.07", "2021.01—", "至今"]);
}
