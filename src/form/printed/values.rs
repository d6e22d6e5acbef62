//! How answers read on paper: dates as the 填表说明 asks (2023年01月01日), periods as
//! 2006.09—2010.07, choices and texts as typed.

use super::sizes::PERIOD_DASH;
use crate::form::answers::{AnswerRow, Answers};
use crate::form::dates::{Date, YearMonth};
use crate::form::definition::{FieldKind, FormDefinition};
use crate::form::validate::is_present;

/// The printed text of a field's answer ("" when empty).
pub fn printed(definition: &FormDefinition, answers: &Answers, field_id: &str) -> String {
    let text = answers.text(field_id);
    match definition.field(field_id).map(|field| &field.kind) {
        Some(FieldKind::Date) => Date::parse(text).map_or_else(|_| text.to_owned(), Date::printed),
        Some(FieldKind::YearMonth) => {
            YearMonth::parse(text).map_or_else(|_| text.to_owned(), YearMonth::printed)
        }
        Some(FieldKind::MultiChoice { .. }) => answers.list(field_id).join("、"),
        _ => text.to_owned(),
    }
}

/// A period of a history row: 2006.09—2010.07, 2012.07—至今.
pub fn period(row: &AnswerRow, from: &str, to: &str) -> String {
    let cell = |id: &str| row.get(id).map(|text| text.trim()).unwrap_or("");
    let format = |text: &str| {
        if is_present(text) {
            "至今".to_owned()
        } else {
            YearMonth::parse(text).map_or_else(|_| text.to_owned(), YearMonth::dotted)
        }
    };
    let (start, end) = (cell(from), cell(to));
    match (start.is_empty(), end.is_empty()) {
        (true, true) => String::new(),
        _ => format!("{}{PERIOD_DASH}{}", format(start), format(end)),
    }
}
