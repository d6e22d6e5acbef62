//! 学习工作经历: every row dated, in order, without overlaps; gaps warned; starting from the
//! studies that end in graduation from 中专 or university (填表说明7), and reaching the present.

use super::{CheckInput, Finding, Severity};
use crate::form::answers::AnswerRow;
use crate::form::dates::YearMonth;
use crate::form::definition::Field;
use crate::form::rules::Rule;

/// A row's period; `end` is None for 至今.
struct Period {
    start: YearMonth,
    end: Option<YearMonth>,
}

pub fn is_present(text: &str) -> bool {
    matches!(text.trim(), "至今" | "今" | "现在" | "目前" | "今天")
}

pub(super) fn check(rule: &Rule, field: &Field, context: &CheckInput, findings: &mut Vec<Finding>) {
    let Rule::History {
        start,
        end,
        what,
        max_gap_months,
        study_words,
    } = rule
    else {
        return;
    };
    let rows = context.answers.rows(&field.id);
    let mut periods: Vec<(usize, Period)> = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        if row.values().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if let Some(period) = check_row(row, index, (start, end, what), field, findings) {
            periods.push((index, period));
        }
    }
    check_sequence(&periods, *max_gap_months, field, findings);
    if let Some((index, first)) = rows
        .iter()
        .enumerate()
        .find(|(_, row)| row.values().any(|c| !c.trim().is_empty()))
    {
        check_first_row(first, index, what, study_words, field, context, findings);
    }
    if let Some((index, last)) = periods.last()
        && last.end.is_some()
    {
        let message = format!(
            "「{}」第{}行没有写到现在：最后一段经历如仍在继续，截止时间请填“至今”。",
            field.label,
            index + 1
        );
        findings
            .push(Finding::new(Severity::Hint, field, "history_present", message).in_row(*index));
    }
}

fn check_row(
    row: &AnswerRow,
    index: usize,
    (start, end, what): (&String, &String, &String),
    field: &Field,
    findings: &mut Vec<Finding>,
) -> Option<Period> {
    let line = index + 1;
    let cell = |id: &String| row.get(id).map(|v| v.trim()).unwrap_or("");
    let mut error = |code, message: String| {
        findings.push(Finding::new(Severity::Error, field, code, message).in_row(index))
    };
    if cell(what).is_empty() {
        error(
            "history_what",
            format!(
                "「{}」第{}行还没有写在何单位从事何工作。",
                field.label, line
            ),
        );
    }
    let start = match YearMonth::parse(cell(start)) {
        Ok(start) => start,
        Err(problem) => {
            error(
                "history_date",
                format!(
                    "「{}」第{}行的起始年月：{}",
                    field.label,
                    line,
                    problem.message("2006.09")
                ),
            );
            return None;
        }
    };
    let end_text = cell(end);
    let end = if is_present(end_text) {
        None
    } else {
        match YearMonth::parse(end_text) {
            Ok(end) => Some(end),
            Err(problem) => {
                error(
                    "history_date",
                    format!(
                        "「{}」第{}行的截止年月：{}（仍在继续请填“至今”）",
                        field.label,
                        line,
                        problem.message("2010.07")
                    ),
                );
                return None;
            }
        }
    };
    if let Some(end) = end
        && end < start
    {
        error(
            "history_reversed",
            format!(
                "「{}」第{}行截止年月{}早于起始年月{}，请检查。",
                field.label,
                line,
                end.dotted(),
                start.dotted()
            ),
        );
        return None;
    }
    Some(Period { start, end })
}

fn check_sequence(
    periods: &[(usize, Period)],
    max_gap_months: u32,
    field: &Field,
    findings: &mut Vec<Finding>,
) {
    for pair in periods.windows(2) {
        let [(before_index, before), (index, period)] = pair else {
            continue;
        };
        let (line, before_line) = (index + 1, before_index + 1);
        if period.start < before.start {
            let message = format!(
                "「{}」第{}行（{}起）排在第{}行（{}起）之后，但时间更早：请按时间先后顺序排列。",
                field.label,
                line,
                period.start.dotted(),
                before_line,
                before.start.dotted()
            );
            findings.push(
                Finding::new(Severity::Error, field, "history_order", message).in_row(*index),
            );
            continue;
        }
        match before.end {
            None => {
                let message = format!(
                    "「{}」第{}行已写“至今”，后面不应再有第{}行：请把“至今”改为实际截止年月，或调整顺序。",
                    field.label, before_line, line
                );
                findings.push(
                    Finding::new(Severity::Error, field, "history_overlap", message).in_row(*index),
                );
            }
            Some(before_end) if period.start < before_end => {
                let message = format!(
                    "「{}」第{}行（{}起）与第{}行（至{}）时间重叠：同一时期的兼职请写在同一行里，或改正起止年月。",
                    field.label,
                    line,
                    period.start.dotted(),
                    before_line,
                    before_end.dotted()
                );
                findings.push(
                    Finding::new(Severity::Error, field, "history_overlap", message).in_row(*index),
                );
            }
            Some(before_end) => {
                let gap = before_end.months_until(period.start) - 1;
                if gap > max_gap_months as i32 {
                    let message = format!(
                        "「{}」第{}行与第{}行之间（{}—{}）空了{}个月：如有这段经历请补上，没有请忽略此提醒。",
                        field.label,
                        before_line,
                        line,
                        before_end.dotted(),
                        period.start.dotted(),
                        gap
                    );
                    findings.push(
                        Finding::new(Severity::Warning, field, "history_gap", message)
                            .in_row(*index),
                    );
                }
            }
        }
    }
}

fn check_first_row(
    row: &AnswerRow,
    index: usize,
    what: &String,
    study_words: &[String],
    field: &Field,
    context: &CheckInput,
    findings: &mut Vec<Finding>,
) {
    let text = row.get(what).map(|v| v.trim()).unwrap_or("");
    let school = context.answers.text("school");
    let early = ["高中", "初中", "小学", "中学学习"];
    if let Some(word) = early.iter().find(|word| text.contains(**word)) {
        let message = format!(
            "「{}」第{}行写的是{}阶段：学习工作经历从中专或大学毕业后填起（填表说明第7条），请从中专或大学开始填写。",
            field.label,
            index + 1,
            word
        );
        findings
            .push(Finding::new(Severity::Warning, field, "history_start", message).in_row(index));
        return;
    }
    let is_study = study_words.iter().any(|word| text.contains(word.as_str()));
    let names_school = !school.is_empty() && text.contains(school);
    if let (Some(born), Some(first)) = (
        context.birth(),
        row.values().find_map(|v| YearMonth::parse(v).ok()),
    ) && born.months_until(first) < 15 * 12
        && !(is_study || names_school)
    {
        let message = format!(
            "「{}」第{}行开始于{}，候选人当时不满15岁：请检查年份，经历从中专或大学毕业后填起。",
            field.label,
            index + 1,
            first.dotted()
        );
        findings
            .push(Finding::new(Severity::Warning, field, "history_start", message).in_row(index));
    }
}
