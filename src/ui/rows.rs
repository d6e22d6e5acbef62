//! The 学习工作经历 table: one line per row with its dates and text, and buttons to add,
//! remove and move rows.

use eframe::egui::{self, Ui};

use super::editor::{Editor, rows_mut};
use crate::form::answers::AnswerRow;
use crate::form::dates::YearMonth;
use crate::form::definition::{Column, ColumnKind, Field};
use crate::form::validate::is_present;

enum RowAction {
    Remove(usize),
    Up(usize),
    Down(usize),
}

pub fn rows_ui(
    ui: &mut Ui,
    field: &Field,
    columns: &[Column],
    editor: &mut Editor,
    label: egui::Id,
) -> Option<egui::Response> {
    let rows = rows_mut(&mut editor.draft.answers, &field.id)?;
    if rows.is_empty() {
        rows.push(AnswerRow::new());
    }
    let mut action = None;
    let mut last: Option<egui::Response> = None;
    let count = rows.len();
    egui::Grid::new(("rows", &field.id))
        .num_columns(columns.len() + 1)
        .spacing([6.0, 4.0])
        .show(ui, |ui| {
            for column in columns {
                ui.strong(column.label.as_str());
            }
            ui.label("");
            ui.end_row();
            for (index, row) in rows.iter_mut().enumerate() {
                for column in columns {
                    let cell = row.entry(column.id.clone()).or_default();
                    let width = match column.kind {
                        ColumnKind::Text => 300.0,
                        _ => 90.0,
                    };
                    let hint = column.placeholder.clone().unwrap_or_default();
                    let response = ui
                        .add(
                            egui::TextEdit::singleline(cell)
                                .hint_text(hint)
                                .desired_width(width),
                        )
                        .labelled_by(label)
                        .on_hover_text(format!("第{}行 {}", index + 1, column.label));
                    if response.lost_focus() {
                        normalize(column.kind, cell);
                    }
                    if response.changed() || response.lost_focus() || last.is_none() {
                        last = Some(response);
                    }
                }
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(index > 0, egui::Button::new("↑"))
                        .on_hover_text("上移")
                        .clicked()
                    {
                        action = Some(RowAction::Up(index));
                    }
                    if ui
                        .add_enabled(index + 1 < count, egui::Button::new("↓"))
                        .on_hover_text("下移")
                        .clicked()
                    {
                        action = Some(RowAction::Down(index));
                    }
                    if ui
                        .button("删除")
                        .on_hover_text(format!("删除第{}行", index + 1))
                        .clicked()
                    {
                        action = Some(RowAction::Remove(index));
                    }
                });
                ui.end_row();
            }
        });
    let add = ui.button("添加一行");
    let mut changed = add.clicked();
    if changed {
        rows.push(AnswerRow::new());
    }
    match action {
        Some(RowAction::Remove(index)) if index < rows.len() => {
            rows.remove(index);
            changed = true;
        }
        Some(RowAction::Up(index)) if index > 0 && index < rows.len() => {
            rows.swap(index, index - 1);
            changed = true;
        }
        Some(RowAction::Down(index)) if index + 1 < rows.len() => {
            rows.swap(index, index + 1);
            changed = true;
        }
        _ => {}
    }
    let mut response = last.unwrap_or(add);
    if changed {
        response.mark_changed();
    }
    Some(response)
}

/// Dates typed as 2006.9 or 2006年9月 are stored as 2006-09; 至今 stays.
fn normalize(kind: ColumnKind, cell: &mut String) {
    if kind == ColumnKind::Text || is_present(cell) {
        return;
    }
    if let Ok(year_month) = YearMonth::parse(cell) {
        *cell = year_month.to_string();
    }
}
