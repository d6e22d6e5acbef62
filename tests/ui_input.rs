//! Keyboard and input method in the real app, headless: Tab moves through the fields in the
//! order of the form, and Chinese typed through an IME (composition, then commit) lands in the
//! field with the candidate window placed at the caret.

mod common;

use common::ui::app_at;
use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use tianbiao::ui::app::TianbiaoApp;
use tianbiao::ui::dialogs::FixedDialogs;

fn focused_label(harness: &Harness<'_, TianbiaoApp>) -> String {
    harness
        .get_by(|node| node.is_focused())
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

/// A new draft with the cursor in 候选人姓名.
fn new_draft_at_the_name(data: &std::path::Path) -> Harness<'static, TianbiaoApp> {
    let mut harness = app_at(data, FixedDialogs::default());
    harness.run();
    harness.get_by_label("新建").click();
    harness.run();
    harness.get_by_label("候选人姓名 *").focus();
    harness.run();
    harness
}

#[test]
fn tab_moves_through_the_fields_in_the_order_of_the_form() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = new_draft_at_the_name(data.path());
    let mut order = vec![focused_label(&harness)];
    for _ in 0..3 {
        harness.key_press(Key::Tab);
        harness.run();
        order.push(focused_label(&harness));
    }
    assert_eq!(
        order,
        ["候选人姓名 *", "工作单位 *", "推荐单位 *", "填报日期 *"]
    );
    harness.key_press_modifiers(egui::Modifiers::SHIFT, Key::Tab);
    harness.run();
    assert_eq!(focused_label(&harness), "推荐单位 *");
}

#[test]
fn chinese_from_an_input_method_lands_in_the_field_with_the_candidates_at_the_caret() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = new_draft_at_the_name(data.path());
    // Composing: pinyin shown in the field, not yet the answer's final text.
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "lin".into(),
        active_range_chars: None,
    }));
    harness.run();
    let ime = harness
        .output()
        .platform_output
        .ime
        .expect("a focused field tells the system where the IME goes");
    let field = harness.get_by_label("候选人姓名 *").rect();
    assert!(
        field.expand(2.0).contains_rect(ime.rect),
        "{:?} in {field:?}",
        ime.rect
    );
    assert!(
        ime.rect.contains(ime.cursor_rect.center()),
        "caret inside the field"
    );
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("林晓岚".into())));
    harness.run();
    let name = harness
        .state()
        .editor()
        .map(|editor| editor.draft.answers.text("name").to_owned());
    assert_eq!(name.as_deref(), Some("林晓岚"));
}
