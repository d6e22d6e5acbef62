//! The page layout, checked on the page model with a fixed-width stand-in font: every answer is
//! on the pages, long text flows onto further pages with nothing lost, nothing runs into the
//! footer, the seal guides come and go with the option, and the evidence fits two pages.

mod common;

use std::collections::HashMap;
use std::sync::Arc;

use common::*;
use tianbiao::form::answers::Answers;
use tianbiao::form::printed::image_targets;
use tianbiao::pdf::compose::{ComposeInput as Context, ComposeOptions, compose};
use tianbiao::pdf::layout::{Document, Item};
use tianbiao::pdf::measure::FixedWidth;
use tianbiao::photo::EncodedImage;

fn images_for(answers: &Answers) -> HashMap<String, Arc<EncodedImage>> {
    let (definition, campaign) = pair("xinxiang-2023");
    image_targets(definition, campaign, answers)
        .into_iter()
        .map(|target| {
            let image = EncodedImage {
                jpeg: vec![0xff, 0xd8],
                width_px: target.width_px,
                height_px: target.height_px,
                components: 3,
            };
            (target.file, Arc::new(image))
        })
        .collect()
}

fn compose_with(answers: &Answers, options: ComposeOptions) -> Document {
    let (definition, campaign) = pair("xinxiang-2023");
    let images = images_for(answers);
    let context = Context {
        definition,
        campaign,
        answers,
        images: &images,
        measure: &FixedWidth,
        options,
    };
    compose(&context)
}

/// Text of the value cells (right of the label column), in order, without whitespace.
fn value_text(document: &Document) -> String {
    document
        .pages
        .iter()
        .flat_map(|page| {
            page.texts()
                .filter(|run| run.x_mm > 45.5 && run.baseline_mm < page.height_mm - 20.0)
        })
        .flat_map(|run| run.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_answer_is_printed() {
    let answers = valid_answers();
    let document = compose_with(&answers, ComposeOptions::default());
    let all: String = document
        .pages
        .iter()
        .flat_map(|p| p.texts())
        .map(|r| squeeze(&r.text))
        .collect();
    for id in [
        "name",
        "work_unit",
        "recommender",
        "gender",
        "ethnicity",
        "native_place",
        "political_status",
        "education",
        "school",
        "major",
        "unit_position",
        "pro_title",
        "office_phone",
        "mobile",
        "email",
        "address",
        "postcode",
    ] {
        assert!(
            all.contains(&squeeze(answers.text(id))),
            "{id}: {}",
            answers.text(id)
        );
    }
    assert!(
        all.contains("2023年04月20日"),
        "fill date printed as the form asks"
    );
    assert!(all.contains("1984年06月"));
    assert!(all.contains("2002.09—2006.07") && all.contains("2012.07—至今"));
    let values = value_text(&document);
    for id in [
        "main_deeds",
        "stories",
        "unit_opinion",
        "recommender_opinion",
    ] {
        assert!(
            values.contains(&squeeze(answers.text(id))),
            "{id} is printed whole and in order"
        );
    }
    assert_eq!(
        document
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| matches!(i, Item::Image(_)))
            .count(),
        2
    );
    assert!(
        document.title.contains("2023年新乡“最美科技工作者”推荐表")
            && document.title.contains("林某某")
    );
}

#[test]
fn long_deeds_flow_onto_further_pages_with_nothing_lost() {
    let mut answers = valid_answers();
    let long = format!("{}\n{}", text_of(2000), text_of(2000));
    answers.set_text("main_deeds", long.clone());
    let short = compose_with(&valid_answers(), ComposeOptions::default());
    let document = compose_with(&answers, ComposeOptions::default());
    assert!(
        document.pages.len() >= short.pages.len() + 2,
        "{} vs {}",
        document.pages.len(),
        short.pages.len()
    );
    assert!(value_text(&document).contains(&squeeze(&long)));
    for (index, page) in document.pages.iter().enumerate() {
        for item in &page.items {
            let bottom = match item {
                Item::Text(run) if run.text.starts_with("第 ") => continue,
                Item::Text(run) => run.baseline_mm,
                Item::Rect(rect) => rect.y_mm + rect.height_mm,
                Item::Image(image) => image.y_mm + image.height_mm,
                Item::Line(line) => line.from_mm.1.max(line.to_mm.1),
                Item::Circle(circle) => circle.center_mm.1 + circle.radius_mm,
            };
            assert!(
                bottom <= page.height_mm - 20.0 + 0.05,
                "page {index}: {item:?} runs into the footer"
            );
        }
    }
}

#[test]
fn pages_are_numbered_after_the_cover() {
    let document = compose_with(&valid_answers(), ComposeOptions::default());
    let total = document.pages.len() - 1;
    assert!(
        document.pages[0]
            .texts()
            .all(|run| !run.text.starts_with("第 "))
    );
    for (index, page) in document.pages.iter().enumerate().skip(1) {
        let footer = format!("第 {index} 页 共 {total} 页");
        assert!(page.texts().any(|run| run.text == footer), "page {index}");
    }
}

#[test]
fn seal_guides_and_instructions_follow_the_options() {
    let circles = |document: &Document| {
        document
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| matches!(i, Item::Circle(_)))
            .count()
    };
    let with = compose_with(&valid_answers(), ComposeOptions::default());
    assert_eq!(circles(&with), 2, "所在单位 and 推荐单位");
    let without = compose_with(
        &valid_answers(),
        ComposeOptions {
            seal_guides: false,
            instructions: false,
        },
    );
    assert_eq!(circles(&without), 0);
    assert_eq!(
        without.pages.len(),
        with.pages.len() - 1,
        "the 填表说明 page is optional"
    );
    let stamps = |document: &Document| {
        document
            .pages
            .iter()
            .flat_map(|p| p.texts())
            .filter(|r| r.text == "（盖章）")
            .count()
    };
    assert_eq!(stamps(&without), 2, "the seal places stay");
    for item in with.pages.iter().flat_map(|p| &p.items) {
        if let Item::Circle(circle) = item {
            assert!((circle.radius_mm - 21.0).abs() < 0.01);
        }
    }
}

#[test]
fn the_photo_prints_at_its_true_size() {
    let document = compose_with(&valid_answers(), ComposeOptions::default());
    let photo = document
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .find_map(|i| match i {
            Item::Image(image) if image.width_mm < 40.0 => Some(image.clone()),
            _ => None,
        });
    let photo = photo.expect("the ID photo is placed");
    assert!((photo.width_mm - 35.0).abs() < 0.01 && (photo.height_mm - 45.0).abs() < 0.01);
}

#[test]
fn evidence_takes_at_most_two_pages() {
    let mut answers = valid_answers();
    let mut images = Vec::new();
    for n in 0..8 {
        let mut image = photo(3000, 2000);
        image.file = format!("evidence-{n}.jpg");
        image.caption = Some(format!("证书{n}"));
        images.push(image);
    }
    answers.set_images("evidence", images);
    let document = compose_with(&answers, ComposeOptions::default());
    let pages_with_images = document
        .pages
        .iter()
        .filter(|p| {
            p.items
                .iter()
                .any(|i| matches!(i, Item::Image(i) if i.width_mm > 40.0))
        })
        .count();
    assert_eq!(pages_with_images, 2);
    let targets = image_targets(pair("xinxiang-2023").0, pair("xinxiang-2023").1, &answers);
    assert_eq!(targets.len(), 9, "the ID photo and eight certificates");
    let certificate = &targets[1];
    assert!(
        (certificate.width_px as f32 / certificate.height_px as f32 - 1.5).abs() < 0.01,
        "aspect kept"
    );
    assert!(
        certificate.width_px > 800,
        "300 dpi of a half-page-wide box: {certificate:?}"
    );
}
