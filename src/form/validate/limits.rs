//! Word limits (Word-compatible 字数 against 左右 / 以内) and the number of 感人故事.

use super::{CheckInput, Finding, Severity};
use crate::form::count::count;
use crate::form::definition::Field;
use crate::form::limit::{LimitMode, LimitStatus};

pub(super) fn word_limit(field: &Field, context: &CheckInput, findings: &mut Vec<Finding>) {
    let Some(limit) = context.word_limit(&field.id) else {
        return;
    };
    let words = count(context.answers.text(&field.id)).words;
    let (low, high) = limit.band();
    let (severity, code, message) = match (limit.status(words), limit.mode) {
        (LimitStatus::Over, _) => (
            Severity::Error,
            "over_limit",
            format!(
                "「{}」现有{}字（按Word字数统计），超过了{}字的上限（{}），请删减{}字以上。",
                field.label,
                words,
                limit.words,
                limit.source,
                words - limit.words
            ),
        ),
        (LimitStatus::Long, _) => (
            Severity::Warning,
            "long",
            format!(
                "「{}」现有{}字，要求{}（{}—{}字之间较为合适），请精简约{}字。",
                field.label,
                words,
                limit.source,
                low,
                high,
                words - high
            ),
        ),
        (LimitStatus::Short, LimitMode::About) => (
            Severity::Warning,
            "short",
            format!(
                "「{}」现有{}字，要求{}（{}—{}字之间较为合适），内容可能不够充实，请补充约{}字。",
                field.label,
                words,
                limit.source,
                low,
                high,
                low - words
            ),
        ),
        _ => return,
    };
    findings.push(Finding::new(severity, field, code, message));
}

/// Heading lines that start a story: 故事一, 故事1, 一、, （一）, 1., 【…】.
fn is_story_heading(line: &str) -> bool {
    let line = line.trim_start();
    let numerals = "一二三四五六七八九十";
    let mut chars = line.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some('故'), Some('事'), Some(n)) => numerals.contains(n) || n.is_ascii_digit(),
        (Some('（' | '('), Some(n), Some('）' | ')')) => numerals.contains(n),
        (Some(n), Some('、' | '.' | '．'), _) => numerals.contains(n) || n.is_ascii_digit(),
        (Some('【'), _, _) => line.contains('】'),
        _ => false,
    }
}

/// How many stories a text holds: its headings, or one if it has none.
pub fn story_count(text: &str) -> u32 {
    let headings = text.lines().filter(|line| is_story_heading(line)).count() as u32;
    if text.trim().is_empty() {
        0
    } else {
        headings.max(1)
    }
}

pub(super) fn story_count_check(
    min: u32,
    max: u32,
    field: &Field,
    context: &CheckInput,
    findings: &mut Vec<Finding>,
) {
    let (min, max) = context
        .campaign
        .stories
        .map_or((min, max), |range| (range.min, range.max));
    let stories = story_count(context.answers.text(&field.id));
    if stories > max || stories < min {
        let message = format!(
            "「{}」要求写{}—{}个故事，现在看起来有{}个（按“故事一：”“一、”这样的小标题计）。请合并或删去多余的故事，每个故事用小标题开头。",
            field.label, min, max, stories
        );
        findings.push(Finding::new(
            Severity::Warning,
            field,
            "story_count",
            message,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_are_counted_by_their_headings() {
        assert_eq!(story_count(""), 0);
        assert_eq!(story_count("一段没有小标题的故事。\n第二段。"), 1);
        assert_eq!(
            story_count("故事一：麦田里的夜\n正文\n故事二：一封信\n正文"),
            2
        );
        assert_eq!(
            story_count("一、麦田\n正文\n二、书信\n正文\n三、课堂\n正文"),
            3
        );
        assert_eq!(story_count("（一）麦田\n正文\n（二）书信"), 2);
        assert_eq!(story_count("【麦田】正文\n【书信】正文"), 2);
        assert_eq!(story_count("2019年他来到这里。\n一天，下雨了。"), 1);
    }
}
