//! What the notice states about who may be recommended, as findings on the field concerned:
//! born on or after a date (on 出生年月), and other conditions (a hint on their field).

use std::cmp::Ordering;

use super::{CheckInput, Finding, Severity};
use crate::form::dates::Date;
use crate::form::definition::Field;
use crate::form::rules::Rule;

pub(super) fn check(field: &Field, context: &CheckInput, findings: &mut Vec<Finding>) {
    let eligibility = &context.campaign.eligibility;
    if is_birth_field(field)
        && let Some(rule) = &eligibility.born_after
        && let Ok(boundary) = Date::parse(&rule.date)
    {
        born_after(&rule.text, boundary, field, context, findings);
    }
    for condition in eligibility
        .conditions
        .iter()
        .filter(|c| c.field == field.id)
    {
        let message = format!(
            "通知要求：{}。请确认候选人符合这一条件，不符合的不能推荐。",
            condition.text
        );
        findings.push(Finding::new(Severity::Hint, field, "condition", message));
    }
}

/// The field of 出生年月: the one carrying the birth rules.
fn is_birth_field(field: &Field) -> bool {
    field
        .rules
        .iter()
        .any(|rule| matches!(rule, Rule::PlausibleBirth { .. } | Rule::YouthHint))
}

fn born_after(
    text: &str,
    boundary: Date,
    field: &Field,
    context: &CheckInput,
    findings: &mut Vec<Finding>,
) {
    let Some(born) = context.birth() else {
        let message = format!("通知要求{text}：填写出生年月后将核对。");
        findings.push(Finding::new(Severity::Hint, field, "born_after", message));
        return;
    };
    let (severity, message) = match born.cmp(&boundary.year_month()) {
        Ordering::Less => (
            Severity::Warning,
            format!(
                "「{}」{}早于{}：通知要求{}，候选人不符合推荐条件。请核对出生年月，确实如此的不能推荐。",
                field.label,
                born.printed(),
                boundary.printed(),
                text
            ),
        ),
        Ordering::Equal if boundary.day > 1 => (
            Severity::Hint,
            format!(
                "「{}」{}与通知的界限{}在同一个月：通知要求{}，请按身份证核对出生日期是否在当日或以后。",
                field.label,
                born.printed(),
                boundary.printed(),
                text
            ),
        ),
        _ => (
            Severity::Hint,
            format!(
                "「{}」{}，符合通知“{}”的要求。",
                field.label,
                born.printed(),
                text
            ),
        ),
    };
    findings.push(Finding::new(severity, field, "born_after", message));
}
