//! One widget per field kind, each labelled for accessibility (that is also how tests find
//! them), with the 填表说明 help beside it, the live 字数 under limited fields, and the field's
//! findings under it once it has been left.

use eframe::egui::{self, Align, RichText, Ui};

use super::command::AppCommand;
use super::editor::{Editor, text_mut};
use super::{rows, theme};
use crate::form::campaign::Campaign;
use crate::form::count::count;
use crate::form::dates::{Date, YearMonth};
use crate::form::definition::{BlankKind, Field, FieldKind, FormDefinition};
use crate::form::validate::{CheckInput, Finding};

/// What drawing a field needs besides the editor.
pub struct FieldEnv<'a> {
    pub definition: &'a FormDefinition,
    pub campaign: &'a Campaign,
    pub findings: &'a [Finding],
}

/// Draws a field; returns whether its answer changed.
pub fn field_ui(
    ui: &mut Ui,
    field: &Field,
    editor: &mut Editor,
    env: &FieldEnv,
    commands: &mut Vec<AppCommand>,
) -> bool {
    let mut changed = false;
    // Beside the field when there is room; under its label when the preview or the check
    // panel leaves the centre narrow (1366×768 with a panel open).
    let help_beside = ui.available_width() >= 3.0 * theme::HELP_WIDTH;
    ui.horizontal_top(|ui| {
        let width = if help_beside {
            (ui.available_width() - theme::HELP_WIDTH - 16.0).max(260.0)
        } else {
            ui.available_width()
        };
        ui.vertical(|ui| {
            ui.set_width(width);
            // The label with the live 字数 beside it, visible however long the text grows.
            let label = ui
                .horizontal(|ui| {
                    let label = ui.label(RichText::new(label_text(field)).strong());
                    counter_ui(ui, field, editor, env);
                    label
                })
                .inner;
            if let Some(help) = field.help.as_ref().filter(|_| !help_beside) {
                ui.label(RichText::new(help).color(theme::MUTED));
            }
            let response = widget(ui, field, editor, env, label.id, commands);
            if let Some(response) = response {
                changed |= response.changed();
                if response.has_focus() || response.changed() {
                    editor.editing = Some(field.id.clone());
                }
                if response.lost_focus() {
                    editor.shown.insert(field.id.clone());
                    normalize_date(field, editor);
                }
                if editor.jump_to.as_deref() == Some(field.id.as_str()) {
                    response.request_focus();
                    response.scroll_to_me(Some(Align::Center));
                    editor.jump_to = None;
                }
            }
            findings_ui(ui, field, editor, env);
        });
        if let Some(help) = field.help.as_ref().filter(|_| help_beside) {
            ui.add_sized(
                [theme::HELP_WIDTH, 0.0],
                egui::Label::new(RichText::new(help).color(theme::MUTED)).wrap(),
            );
        }
    });
    ui.add_space(10.0);
    changed
}

fn label_text(field: &Field) -> String {
    if field.required {
        format!("{} *", field.label)
    } else {
        field.label.clone()
    }
}

/// The input itself; `None` for fields without a single focusable input.
fn widget(
    ui: &mut Ui,
    field: &Field,
    editor: &mut Editor,
    env: &FieldEnv,
    label: egui::Id,
    commands: &mut Vec<AppCommand>,
) -> Option<egui::Response> {
    let answers = &mut editor.draft.answers;
    match &field.kind {
        FieldKind::Text => {
            let text = text_mut(answers, &field.id)?;
            let hint = field.placeholder.clone().unwrap_or_default();
            Some(
                ui.add(
                    egui::TextEdit::singleline(text)
                        .hint_text(hint)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label),
            )
        }
        FieldKind::Multiline => {
            let text = text_mut(answers, &field.id)?;
            let editor_widget = egui::TextEdit::multiline(text)
                .desired_rows(12)
                .desired_width(f32::INFINITY);
            Some(ui.add(editor_widget).labelled_by(label))
        }
        FieldKind::YearMonth | FieldKind::Date => date_ui(ui, field, editor, label),
        FieldKind::Choice {
            options,
            allow_other,
        } => choice_ui(ui, field, editor, options, *allow_other, label),
        FieldKind::MultiChoice { options, .. } => {
            let mut chosen = answers.list(&field.id).to_vec();
            let mut changed = None;
            ui.horizontal_wrapped(|ui| {
                for option in options {
                    let mut on = chosen.contains(option);
                    let response = ui.checkbox(&mut on, option.as_str());
                    if response.changed() {
                        chosen.retain(|item| item != option);
                        if on {
                            chosen.push(option.clone());
                        }
                        // Keep the printed order of the options.
                        chosen.sort_by_key(|item| options.iter().position(|o| o == item));
                        changed = Some(response);
                    }
                }
            });
            if changed.is_some() {
                answers.set_list(&field.id, chosen);
            }
            changed
        }
        FieldKind::Rows { columns, .. } => rows::rows_ui(ui, field, columns, editor, label),
        FieldKind::Photo => super::photos::photo_ui(ui, field, editor, env, commands),
        FieldKind::Images { .. } => super::photos::images_ui(ui, field, editor, env, commands),
        FieldKind::PrintBlank { blank } => {
            let text = match blank {
                BlankKind::Signature => "打印后由候选人亲笔签名。",
                BlankKind::HandwrittenDate => "打印后手写日期。",
                BlankKind::Seal => "打印后在此加盖公章（表上留有盖章位置）。",
            };
            ui.label(RichText::new(text).color(theme::MUTED));
            None
        }
    }
}

/// Year-month and date fields accept what people type (2023.01, 2023-1, 2023年1月) and show
/// how it will print; the stored form is normalized when the field is left.
fn date_ui(
    ui: &mut Ui,
    field: &Field,
    editor: &mut Editor,
    label: egui::Id,
) -> Option<egui::Response> {
    let text = text_mut(&mut editor.draft.answers, &field.id)?;
    let hint = field.placeholder.clone().unwrap_or_default();
    let mut result = None;
    ui.horizontal(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(text)
                    .hint_text(hint)
                    .desired_width(160.0),
            )
            .labelled_by(label);
        let printed = match field.kind {
            FieldKind::Date => Date::parse(text).ok().map(Date::printed),
            _ => YearMonth::parse(text).ok().map(YearMonth::printed),
        };
        if let Some(printed) = printed {
            ui.label(RichText::new(format!("打印为 {printed}")).color(theme::OK));
        }
        result = Some(response);
    });
    result
}

fn normalize_date(field: &Field, editor: &mut Editor) {
    let Some(text) = text_mut(&mut editor.draft.answers, &field.id) else {
        return;
    };
    let normalized = match field.kind {
        FieldKind::Date => Date::parse(text).ok().map(|d| d.to_string()),
        FieldKind::YearMonth => YearMonth::parse(text).ok().map(|ym| ym.to_string()),
        _ => None,
    };
    if let Some(normalized) = normalized {
        *text = normalized;
    }
}

const OTHER: &str = "其他（自己填写）";

fn choice_ui(
    ui: &mut Ui,
    field: &Field,
    editor: &mut Editor,
    options: &[String],
    allow_other: bool,
    label: egui::Id,
) -> Option<egui::Response> {
    let current = editor.draft.answers.text(&field.id).to_owned();
    let is_other = allow_other
        && (editor.other.contains(&field.id)
            || (!current.is_empty() && !options.contains(&current)));
    let shown = if is_other {
        OTHER.to_owned()
    } else if current.is_empty() {
        "请选择".to_owned()
    } else {
        current.clone()
    };
    let mut picked: Option<String> = None;
    let combo = egui::ComboBox::from_id_salt(("choice", &field.id))
        .selected_text(shown)
        .width(200.0)
        .show_ui(ui, |ui| {
            for option in options {
                if ui
                    .selectable_label(current == *option && !is_other, option.as_str())
                    .clicked()
                {
                    picked = Some(option.clone());
                }
            }
            if allow_other && ui.selectable_label(is_other, OTHER).clicked() {
                picked = Some(OTHER.to_owned());
            }
        });
    let mut response = combo.response.labelled_by(label);
    match picked.as_deref() {
        Some(OTHER) => {
            editor.other.insert(field.id.clone());
            if options.contains(&current) {
                editor.draft.answers.set_text(&field.id, "");
            }
            response.mark_changed();
        }
        Some(option) => {
            editor.other.remove(&field.id);
            editor.draft.answers.set_text(&field.id, option);
            editor.shown.insert(field.id.clone());
            response.mark_changed();
        }
        None => {}
    }
    if is_other || picked.as_deref() == Some(OTHER) {
        let text = text_mut(&mut editor.draft.answers, &field.id)?;
        let other = ui
            .add(
                egui::TextEdit::singleline(text)
                    .hint_text("请填写")
                    .desired_width(200.0),
            )
            .labelled_by(label);
        if other.changed() || other.lost_focus() {
            return Some(other);
        }
    }
    Some(response)
}

/// The Word-compatible 字数 against the limit, coloured by where it stands; the Han-only count
/// on hover.
fn counter_ui(ui: &mut Ui, field: &Field, editor: &Editor, env: &FieldEnv) {
    if field.kind != FieldKind::Multiline {
        return;
    }
    let text = editor.draft.answers.text(&field.id);
    let counted = count(text);
    let context = CheckInput {
        definition: env.definition,
        campaign: env.campaign,
        answers: &editor.draft.answers,
        reference_date: None,
    };
    let (label, color) = match context.word_limit(&field.id) {
        Some(limit) => (
            format!("{} / {}", counted.words, limit.label()),
            theme::limit(limit.status(counted.words)),
        ),
        None => (format!("{} 字", counted.words), theme::MUTED),
    };
    ui.label(RichText::new(label).color(color))
        .on_hover_text(format!(
            "按 Word 字数统计：{} 字；其中汉字 {} 个",
            counted.words, counted.han
        ));
}

/// The findings of this field, once it has been left (or all are shown).
fn findings_ui(ui: &mut Ui, field: &Field, editor: &Editor, env: &FieldEnv) {
    if !(editor.show_all || editor.shown.contains(&field.id)) {
        return;
    }
    for finding in env.findings.iter().filter(|f| f.field == field.id) {
        ui.label(
            RichText::new(format!("{}：{}", finding.severity.label(), finding.message))
                .color(theme::severity(finding.severity)),
        );
    }
}
