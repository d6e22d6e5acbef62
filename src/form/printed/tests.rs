use std::collections::BTreeMap;

use super::*;
use crate::form::answers::{AnswerRow, Answers};
use crate::form::catalog::Catalog;
use crate::form::print::{Cell, CellContent, PrintRow};

fn with_pair<T>(campaign: &str, test: impl FnOnce(&FormDefinition, &Campaign) -> T) -> T {
    let catalog = Catalog::builtin().expect("the built-in definitions load");
    let (definition, campaign) = catalog.pair(campaign).expect("a built-in campaign");
    test(definition, campaign)
}

fn history_row(start: &str, end: &str, what: &str) -> AnswerRow {
    BTreeMap::from([
        ("start".to_owned(), start.to_owned()),
        ("end".to_owned(), end.to_owned()),
        ("what".to_owned(), what.to_owned()),
    ])
}

fn columns(row: &PrintedRow) -> Vec<usize> {
    row.cells.iter().map(|cell| cell.column).collect()
}

/// The values of the cells printing `field`.
fn values_of<'a>(form: &'a PrintedForm, field: &str) -> Vec<&'a CellValue> {
    let groups = form.table.groups.iter();
    groups
        .flat_map(|group| {
            let spans = group.spans.iter().map(|span| &span.cell);
            group.rows.iter().flat_map(|row| &row.cells).chain(spans)
        })
        .filter(|cell| cell.fields.iter().any(|f| f == field))
        .map(|cell| &cell.value)
        .collect()
}

#[test]
fn the_photo_spans_the_first_three_rows_and_ties_them() {
    with_pair("xinxiang-2023", |definition, campaign| {
        let form = resolve(definition, campaign, &Answers::default());
        let Some(first) = form.table.groups.first() else {
            panic!("the table has rows");
        };
        assert_eq!(first.kind, GroupKind::Tied);
        assert_eq!(first.rows.len(), 3);
        assert_eq!(first.spans.len(), 1);
        let photo = &first.spans[0];
        assert_eq!((photo.first_row, photo.rows, photo.cell.column), (0, 3, 5));
        assert!(matches!(
            photo.cell.value,
            CellValue::Photo { file: None, .. }
        ));
        // The rows below the first skip the photo's column: their last cell spans two columns.
        assert_eq!(columns(&first.rows[0]), [0, 1, 2, 3]);
        assert_eq!(columns(&first.rows[1]), [0, 1, 2, 3]);
        assert_eq!(first.rows[1].cells[3].span, 2);
        assert!(first.rows.iter().all(|row| !row.may_break));
        // Cells are placed on the grid: x is the sum of the columns before.
        let grid = &form.table.columns_mm;
        assert_eq!(first.rows[0].cells[2].x_mm, grid[0] + grid[1]);
        assert_eq!(photo.cell.width_mm, grid[5]);
    });
}

#[test]
fn history_repeats_its_rows_under_the_header_with_the_side_label_over_all() {
    with_pair("xinxiang-2023", |definition, campaign| {
        let mut answers = Answers::default();
        answers.set_rows(
            "history",
            vec![
                history_row("2006-09", "2010-07", "某大学 学习"),
                history_row("", "", "  "),
                history_row("2010-07", "至今", "某研究所 研究员"),
            ],
        );
        let form = resolve(definition, campaign, &answers);
        let Some(group) = (form.table.groups.iter()).find(
            |group| matches!(&group.kind, GroupKind::Repeated { field } if field == "history"),
        ) else {
            panic!("the history group");
        };
        // The header, two filled rows (the blank one dropped), two blank rows up to min_rows 4.
        assert_eq!(group.rows.len(), 5);
        assert_eq!(group.spans.len(), 1);
        assert_eq!((group.spans[0].first_row, group.spans[0].rows), (0, 5));
        assert!(group.rows.iter().all(|row| !row.may_break));
        let first = &group.rows[1];
        assert_eq!(
            first.cells[0].value,
            CellValue::Value("2006.09—2010.07".into())
        );
        assert_eq!(first.cells[1].value, CellValue::Value("某大学 学习".into()));
        assert_eq!(
            group.rows[2].cells[0].value,
            CellValue::Value("2010.07—至今".into())
        );
        assert_eq!(
            group.rows[4].cells[0].value,
            CellValue::Value(String::new())
        );
        assert!(
            first
                .cells
                .iter()
                .all(|cell| cell.fields.contains(&"history".into()))
        );
    });
}

#[test]
fn answers_read_as_on_paper_and_long_texts_may_continue() {
    with_pair("xinxiang-2023", |definition, campaign| {
        let mut answers = Answers::default();
        answers.set_text("birth", "1980-05");
        answers.set_list("domains", vec!["面向经济主战场".into()]);
        answers.set_text("main_deeds", "第一段\n第二段");
        let form = resolve(definition, campaign, &answers);
        assert_eq!(
            values_of(&form, "birth"),
            [&CellValue::Value(printed(definition, &answers, "birth"))]
        );
        let Some(CellValue::Checkboxes(options)) = values_of(&form, "domains").first().copied()
        else {
            panic!("the domains are checkboxes");
        };
        let chosen: Vec<&str> = (options.iter())
            .filter(|(_, checked)| *checked)
            .map(|(option, _)| option.as_str())
            .collect();
        assert_eq!(chosen, ["面向经济主战场"]);
        assert!(options.len() > 1, "every option is shown");
        assert_eq!(
            values_of(&form, "main_deeds"),
            [&CellValue::Paragraphs {
                // The form's own heading, with this campaign's limit.
                heading: Some(
                    "主要事迹（1500字左右），内容应客观真实地反映候选人感人事迹、精神风貌和社会影响情况。"
                        .into()
                ),
                text: "第一段\n第二段".into()
            }]
        );
        // 主要事迹 grows and may continue; the declaration (grow not set) stays whole.
        let row_of = |field: &str| {
            (form.table.groups.iter())
                .flat_map(|group| &group.rows)
                .find(|row| {
                    row.cells
                        .iter()
                        .any(|c| c.fields.iter().any(|f| f == field))
                })
                .map(|row| row.may_break)
        };
        assert_eq!(row_of("main_deeds"), Some(true));
        assert_eq!(row_of("unit_opinion"), Some(true));
        assert_eq!(row_of("signature"), Some(false));
    });
}

#[test]
fn a_field_the_campaign_does_not_ask_for_is_left_out() {
    // 事迹材料 is asked for by 衡水 2019 only: a table row holding it and its page after the
    // table print there and nowhere else.
    let catalog = Catalog::builtin().expect("the built-in definitions load");
    let Some((definition, _)) = catalog.pair("hengshui-2019") else {
        panic!("衡水 2019 is built in");
    };
    let mut definition = definition.clone();
    definition.print.table.rows.push(PrintRow::Cells {
        cells: vec![Cell {
            span: 6,
            row_span: 1,
            content: CellContent::Value {
                field: "deeds_material".into(),
                heading: None,
            },
            grow: true,
        }],
        min_height_mm: 20.0,
    });
    let mut answers = Answers::default();
    answers.set_text("deeds_material", "事迹材料的正文");
    let rows = |form: &PrintedForm| {
        form.table
            .groups
            .iter()
            .map(|g| g.rows.len())
            .sum::<usize>()
    };
    let texts = |form: &PrintedForm| {
        let parts = form.after_table.iter();
        parts
            .filter(|part| matches!(part, AfterPart::Text { .. }))
            .count()
    };
    let (asked, not_asked) = (
        catalog.campaign("hengshui-2019"),
        catalog.campaign("xinxiang-2023"),
    );
    let (Some(asked), Some(not_asked)) = (asked, not_asked) else {
        panic!("both campaigns are built in");
    };
    let with = resolve(&definition, asked, &answers);
    let without = resolve(&definition, not_asked, &answers);
    assert_eq!(rows(&with), rows(&without) + 1);
    assert_eq!((texts(&with), texts(&without)), (1, 0));
    assert_eq!(
        values_of(&with, "deeds_material"),
        [&CellValue::Paragraphs {
            heading: None,
            text: "事迹材料的正文".into()
        }]
    );
    assert!(values_of(&without, "deeds_material").is_empty());
}

#[test]
fn evidence_takes_two_a_page_at_full_width_or_four() {
    with_pair("xinxiang-2023", |definition, _| {
        let page = &definition.print.page;
        let photo = |n: usize| crate::form::answers::PhotoRef {
            file: format!("e{n}.jpg"),
            width: 1600,
            height: 1200,
            bytes: 500_000,
            orientation: 1,
            crop: None,
            caption: Some(format!("证书{n}")),
            original_name: None,
        };
        let two: Vec<_> = (0..2).map(photo).collect();
        let nine: Vec<_> = (0..9).map(photo).collect();
        assert_eq!(evidence_layout(&two, 2, page), (1, 2));
        assert_eq!(evidence_layout(&nine, 2, page), (2, 8));
        let boxes = evidence_boxes(&two, 2, page);
        let area = evidence_area(page);
        assert!(
            boxes
                .iter()
                .all(|placed| placed.slot.width > area.width * 0.9)
        );
        assert_eq!(boxes[1].caption, "证书1");
    });
}
