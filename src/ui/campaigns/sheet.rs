//! The rows of the campaign editor: a label, an input bound to one value of the campaign, and
//! the load check's message under the input it concerns. Every input is `labelled_by` its label
//! (screen readers, and the UI tests find inputs by label). Empty optional inputs are `None`:
//! the campaign file then leaves the field out, as a notice that does not say.

use eframe::egui::{self, RichText, Ui};

use crate::form::catalog::LoadError;
use crate::ui::theme;

const LABEL_WIDTH: f32 = 150.0;
const INPUT_WIDTH: f32 = 420.0;

/// One step's rows: knows the current problem (to show it at its place) and whether anything
/// changed this frame.
pub struct Sheet<'a> {
    problem: Option<&'a LoadError>,
    pub changed: bool,
}

impl<'a> Sheet<'a> {
    pub fn new(problem: Option<&'a LoadError>) -> Self {
        Sheet {
            problem,
            changed: false,
        }
    }

    /// A single line of text.
    pub fn text(&mut self, ui: &mut Ui, label: &str, place: &str, value: &mut String, hint: &str) {
        self.row(ui, label, place, |ui, label| {
            ui.add(
                egui::TextEdit::singleline(value)
                    .hint_text(hint)
                    .desired_width(INPUT_WIDTH),
            )
            .labelled_by(label)
            .changed()
        });
    }

    /// A line of text the notice may leave out (empty = not said).
    pub fn optional(
        &mut self,
        ui: &mut Ui,
        label: &str,
        place: &str,
        value: &mut Option<String>,
        hint: &str,
    ) {
        let mut buffer = value.clone().unwrap_or_default();
        self.text(ui, label, place, &mut buffer, hint);
        if buffer != value.clone().unwrap_or_default() {
            *value = (!buffer.is_empty()).then_some(buffer);
        }
    }

    /// Several lines of the notice's own words.
    pub fn paragraph(&mut self, ui: &mut Ui, label: &str, place: &str, value: &mut String) {
        self.row(ui, label, place, |ui, label| {
            ui.add(
                egui::TextEdit::multiline(value)
                    .desired_rows(3)
                    .desired_width(INPUT_WIDTH),
            )
            .labelled_by(label)
            .changed()
        });
    }

    /// A list of short texts, one a line (empty lines are dropped when saving).
    pub fn lines(
        &mut self,
        ui: &mut Ui,
        label: &str,
        place: &str,
        value: &mut Vec<String>,
        hint: &str,
    ) {
        let mut buffer = value.join("\n");
        self.row(ui, label, place, |ui, label| {
            ui.add(
                egui::TextEdit::multiline(&mut buffer)
                    .hint_text(hint)
                    .desired_rows(2)
                    .desired_width(INPUT_WIDTH),
            )
            .labelled_by(label)
            .changed()
        });
        if buffer != value.join("\n") {
            // Split on every new line, so a line just begun survives until it gets text.
            *value = buffer.split('\n').map(str::to_owned).collect();
        }
    }

    /// A whole number; what is not a number is not taken.
    pub fn number<T>(&mut self, ui: &mut Ui, label: &str, place: &str, value: &mut T)
    where
        T: std::str::FromStr + ToString + Default + PartialEq,
    {
        let mut buffer = value.to_string();
        self.text(ui, label, place, &mut buffer, "");
        let trimmed = buffer.trim();
        let parsed = if trimmed.is_empty() {
            Some(T::default())
        } else {
            trimmed.parse().ok()
        };
        if let Some(number) = parsed
            && number != *value
        {
            *value = number;
        }
    }

    /// A number the notice may leave out (empty = not said).
    pub fn optional_number<T>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        place: &str,
        value: &mut Option<T>,
        hint: &str,
    ) where
        T: std::str::FromStr + ToString + PartialEq + Copy,
    {
        let mut buffer = value.map(|n| n.to_string()).unwrap_or_default();
        self.text(ui, label, place, &mut buffer, hint);
        let trimmed = buffer.trim();
        if trimmed.is_empty() {
            *value = None;
        } else if let Ok(number) = trimmed.parse() {
            *value = Some(number);
        }
    }

    pub fn check(&mut self, ui: &mut Ui, label: &str, value: &mut bool) {
        self.changed |= ui.checkbox(value, label).changed();
    }

    /// One of a few choices, by their Chinese names.
    pub fn choice<T: PartialEq + Copy>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &mut T,
        choices: &[(T, &str)],
    ) {
        let shown = (choices.iter())
            .find(|(choice, _)| choice == value)
            .map_or("", |(_, name)| *name);
        self.row(ui, label, "", |ui, label| {
            let mut changed = false;
            egui::ComboBox::from_id_salt(("choice", label))
                .selected_text(shown)
                .width(200.0)
                .show_ui(ui, |ui| {
                    for (choice, name) in choices {
                        changed |= ui.selectable_value(value, *choice, *name).changed();
                    }
                })
                .response
                .labelled_by(label);
            changed
        });
    }

    /// A part of the campaign the notice may leave out as a whole (a youth rule, a video):
    /// a box to tick, and its rows when ticked.
    pub fn section<T>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &mut Option<T>,
        make: impl FnOnce() -> T,
        rows: impl FnOnce(&mut Self, &mut Ui, &mut T),
    ) {
        let mut present = value.is_some();
        if ui.checkbox(&mut present, label).changed() {
            self.changed = true;
            *value = present.then(make);
        }
        if let Some(inner) = value {
            ui.indent(label, |ui| rows(self, ui, inner));
        }
    }

    /// A list of parts (materials, quotas …): each in a frame with 删除, then 添加.
    pub fn list<T>(
        &mut self,
        ui: &mut Ui,
        add_label: &str,
        items: &mut Vec<T>,
        make: impl Fn() -> T,
        mut rows: impl FnMut(&mut Self, &mut Ui, usize, &mut T),
    ) {
        let mut remove = None;
        for (i, item) in items.iter_mut().enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.push_id((add_label, i), |ui| {
                    rows(self, ui, i, item);
                    if ui.small_button("删除此项").clicked() {
                        remove = Some(i);
                    }
                });
            });
        }
        if let Some(i) = remove {
            items.remove(i);
            self.changed = true;
        }
        if ui.button(add_label).clicked() {
            items.push(make());
            self.changed = true;
        }
    }

    /// A label, the input, and under it the load check's message where it concerns `place`.
    fn row(
        &mut self,
        ui: &mut Ui,
        label: &str,
        place: &str,
        input: impl FnOnce(&mut Ui, egui::Id) -> bool,
    ) {
        ui.horizontal(|ui| {
            let label = ui.add_sized(
                [LABEL_WIDTH, 20.0],
                egui::Label::new(label).wrap_mode(egui::TextWrapMode::Wrap),
            );
            self.changed |= input(ui, label.id);
        });
        if let Some(problem) = self.problem_at(place) {
            ui.horizontal(|ui| {
                ui.add_space(LABEL_WIDTH + 8.0);
                ui.label(RichText::new(problem).color(theme::ERROR));
            });
        }
    }

    fn problem_at(&self, place: &str) -> Option<String> {
        let problem = self.problem?;
        let at = !place.is_empty()
            && (problem.place == place
                || [".", "[", "（"]
                    .iter()
                    .any(|sep| problem.place.starts_with(&format!("{place}{sep}"))));
        at.then(|| problem.problem.clone())
    }
}
