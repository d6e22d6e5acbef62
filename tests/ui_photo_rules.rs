//! The photo step shows what the campaign asks of the ID photo: its size by name and the
//! background colour (with a swatch), from the campaign file — here a notice added to the data
//! folder that asks for a 1寸 photo on 蓝底.

mod common;

use common::pair;
use common::ui::{app_at, wait_for};
use egui_kittest::kittest::Queryable;
use serde_json::json;
use tianbiao::draft::Library;
use tianbiao::draft::sample::create_sample;
use tianbiao::ui::dialogs::FixedDialogs;

#[test]
fn the_photo_step_shows_the_size_and_background_the_notice_asks_for() {
    let data = tempfile::tempdir().unwrap();
    let (_, base) = pair("xinxiang-2023");
    let mut value = serde_json::to_value(base).unwrap();
    value["id"] = json!("blue-2030");
    value["year"] = json!(2030);
    let photo = value["photo"]["id_photo"].as_object_mut().unwrap();
    photo.insert("size".into(), json!("1寸"));
    photo.insert("background".into(), json!("蓝底"));
    photo.remove("width_mm");
    photo.remove("height_mm");
    let campaigns = data.path().join("campaigns");
    std::fs::create_dir_all(&campaigns).unwrap();
    std::fs::write(campaigns.join("blue-2030.json"), value.to_string()).unwrap();

    let library = Library::at(data.path());
    let folder = create_sample(&library).unwrap();
    let (mut draft, _) = folder.load().unwrap();
    draft.campaign = "blue-2030".into();
    folder.save(&mut draft).unwrap();

    let mut harness = app_at(data.path(), FixedDialogs::default());
    harness.run();
    harness.get_all_by_label("打开").next().unwrap().click();
    harness.run();
    harness
        .get_all_by_label("照片")
        .next()
        .expect("the section is listed")
        .click();
    harness.step();
    wait_for(&mut harness, |app| {
        app.editor().is_some_and(|e| !e.thumbnails_loading())
    });
    harness.run();
    harness.get_by_label("通知要求1寸照片（25×35毫米），裁切框按这个比例。");
    harness.get_by_label("通知要求背景：蓝底");
}
