//! Characters the font cannot print. The font's fallback glyph is blank, so a rare name
//! character (𠇔 is in, a few are not) would silently print as a gap: every answer is checked
//! before export, and each missing character is a finding on its field.

use crate::form::answers::{Answer, Answers};
use crate::form::definition::FormDefinition;
use crate::form::validate::{Finding, Severity};

/// One finding per field that holds characters `has_glyph` does not know.
pub fn missing_glyphs(
    definition: &FormDefinition,
    answers: &Answers,
    has_glyph: &dyn Fn(char) -> bool,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for field in definition.fields() {
        let Some(answer) = answers.0.get(&field.id) else {
            continue;
        };
        let mut missing: Vec<char> = Vec::new();
        let mut check = |text: &str| {
            for c in text
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
            {
                if !has_glyph(c) && !missing.contains(&c) {
                    missing.push(c);
                }
            }
        };
        match answer {
            Answer::Text(text) => check(text),
            Answer::List(items) => items.iter().for_each(|item| check(item)),
            Answer::Rows(rows) => rows
                .iter()
                .flat_map(|row| row.values())
                .for_each(|cell| check(cell)),
            Answer::Photo(photo) => check(photo.caption.as_deref().unwrap_or("")),
            Answer::Images(images) => images
                .iter()
                .filter_map(|i| i.caption.as_deref())
                .for_each(&mut check),
        }
        if missing.is_empty() {
            continue;
        }
        let shown: Vec<String> = missing
            .iter()
            .map(|c| format!("“{c}”(U+{:04X})", *c as u32))
            .collect();
        let message = format!(
            "「{}」中的{}字体里没有，打印出来会是空白：请换用规范写法或同音的常用字并在备注中说明，或打印后用笔补写。",
            field.label,
            shown.join("、")
        );
        findings.push(Finding::new(
            Severity::Error,
            field,
            "missing_glyph",
            message,
        ));
    }
    findings
}
