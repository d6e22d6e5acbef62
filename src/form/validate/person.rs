//! Rules about the person: a plausible 出生年月 and the campaign's youth rule.

use super::{CheckInput, Finding, Severity};
use crate::form::definition::Field;

pub(super) fn plausible_birth(
    min_age: u32,
    max_age: u32,
    field: &Field,
    context: &CheckInput,
    findings: &mut Vec<Finding>,
) {
    let (Some(born), Some(day)) = (context.birth(), context.reference_date) else {
        return;
    };
    let age = day.age_of(born);
    if age < 0 {
        let message = format!(
            "「{}」{}晚于本次活动的截止日期，请检查年份。",
            field.label,
            born.printed()
        );
        findings.push(Finding::new(Severity::Error, field, "birth", message));
    } else if age < min_age as i32 || age > max_age as i32 {
        let message = format!(
            "「{}」{}：截至{}候选人{}岁，不像在职科技工作者的年龄，请确认年份没有写错。",
            field.label,
            born.printed(),
            day.printed(),
            age
        );
        findings.push(Finding::new(Severity::Warning, field, "birth", message));
    }
}

pub(super) fn youth_hint(field: &Field, context: &CheckInput, findings: &mut Vec<Finding>) {
    let (Some(rule), Some(born), Some(day)) = (
        context.campaign.youth_rule,
        context.birth(),
        context.reference_date,
    ) else {
        return;
    };
    let age = day.age_of(born);
    if age < 0 {
        return;
    }
    let share = match rule.min_percent {
        Some(percent) => format!(
            "通知要求推荐人选中{}岁以下的青年科技工作者不少于{}%",
            rule.under_age, percent
        ),
        None => format!("通知要求兼顾推荐{}岁以下的青年科技工作者", rule.under_age),
    };
    // “45岁以下” includes 45 (以上、以下包括本数, 民法典第一千二百五十九条).
    let counted = if rule.is_young(age) {
        "属于青年科技工作者"
    } else {
        "不属于青年科技工作者"
    };
    let message = format!(
        "截至{}候选人{}岁，{}。{}。",
        day.printed(),
        age,
        counted,
        share
    );
    findings.push(Finding::new(Severity::Hint, field, "youth", message));
}
