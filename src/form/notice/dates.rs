//! Deadlines: M月D日前 with a time of day where given (16:00, 16时; also merged as 4月1416:00),
//! one stage per sentence that sets a date for sending something.

use super::scan::number_before;
use super::{Notes, Text};
use crate::form::campaign::Deadline;
use crate::form::campaign_rules::DeadlineStage;

const SENDING: [&str; 6] = ["报送", "发送", "提交", "寄送", "报市", "报至"];

struct Due {
    month: u32,
    day: u32,
    time: Option<String>,
}

/// A date M月D日 (optionally HH:MM or H时) followed by 前/之前/以前 at byte `at` (the 月).
fn due_at(s: &str, at: usize) -> Option<Due> {
    let (month, _) = number_before(s, at)?;
    let rest = &s[at + '月'.len_utf8()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let mut tail = &rest[digits.len()..];
    let (day, mut time) = if let Some(after) = tail.strip_prefix(':') {
        // 4月1416:00: the day and the hour run together.
        if digits.len() < 3 {
            return None;
        }
        let (day, hour) = digits.split_at(digits.len() - 2);
        let minutes: String = after.chars().take_while(char::is_ascii_digit).collect();
        tail = &after[minutes.len()..];
        (day.parse().ok()?, Some(format!("{hour}:{minutes:0>2}")))
    } else {
        tail = tail.strip_prefix(['日', '号'])?;
        (digits.parse().ok()?, None)
    };
    if time.is_none() {
        let hour: String = tail.chars().take_while(char::is_ascii_digit).collect();
        if !hour.is_empty() {
            let after = &tail[hour.len()..];
            if let Some(m) = after.strip_prefix(':') {
                let minutes: String = m.chars().take_while(char::is_ascii_digit).collect();
                tail = &m[minutes.len()..];
                time = Some(format!("{:0>2}:{minutes:0>2}", hour));
            } else if let Some(m) = after.strip_prefix(['时', '点']) {
                tail = m;
                time = Some(format!("{:0>2}:00", hour));
            }
        }
    }
    let tail = tail.trim_start_matches(['之', '以']);
    (tail.starts_with('前') && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some(Due { month, day, time })
}

fn what_is_due(words: &str) -> Option<&'static str> {
    match (words.contains("纸质"), words.contains("电子")) {
        (true, false) => Some("纸质材料"),
        (false, true) => Some("电子版材料"),
        _ => None,
    }
}

/// The deadline and its stages; None where no sentence sets a date for sending.
pub fn read(text: &Text, year: Option<u16>, notes: &mut Notes) -> Option<Deadline> {
    let year = year?;
    let mut stages: Vec<DeadlineStage> = Vec::new();
    for sentence in &text.sentences {
        if !SENDING.iter().any(|w| sentence.contains(w)) {
            continue;
        }
        for at in sentence.match_indices('月').map(|(i, _)| i) {
            let Some(due) = due_at(sentence, at) else {
                continue;
            };
            // What is due: named in the date's own clause, else in the sentence.
            let clause = super::scan::clause_around(sentence, at, &['，', '；', '。']);
            let what = what_is_due(clause)
                .or_else(|| what_is_due(sentence))
                .unwrap_or("推荐材料");
            let date = format!("{year:04}-{:02}-{:02}", due.month, due.day);
            if stages
                .iter()
                .any(|s| s.date == date && s.time == due.time && s.what == what)
            {
                continue;
            }
            let text = sentence.trim().to_owned();
            let when = match &due.time {
                Some(t) => format!("{date} {t}"),
                None => date.clone(),
            };
            notes.found("截止日期", format!("{what}：{when}"), &text);
            stages.push(DeadlineStage {
                what: what.to_owned(),
                date,
                time: due.time,
                text: Some(text),
            });
        }
    }
    let last = stages
        .iter()
        .max_by(|a, b| (&a.date, &a.time).cmp(&(&b.date, &b.time)))?
        .clone();
    let first_text = stages
        .first()
        .and_then(|s| s.text.clone())
        .unwrap_or_default();
    let distinct = stages
        .iter()
        .any(|s| s.date != last.date || s.time != last.time);
    Some(Deadline {
        date: last.date.clone(),
        text: if distinct {
            last.text.clone().unwrap_or_default()
        } else {
            first_text
        },
        time: last.time.clone(),
        stages: if stages.len() > 1 { stages } else { Vec::new() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_with_times() {
        let s = "请于4月1416:00前报送";
        let due = due_at(s, s.find('月').unwrap()).unwrap();
        assert_eq!(
            (due.month, due.day, due.time.as_deref()),
            (4, 14, Some("16:00"))
        );
        let s = "5月1日前";
        let due = due_at(s, s.find('月').unwrap()).unwrap();
        assert_eq!((due.month, due.day, due.time), (5, 1, None));
        let s = "5月8日17时前";
        assert_eq!(
            due_at(s, s.find('月').unwrap()).unwrap().time.as_deref(),
            Some("17:00")
        );
        let s = "5月30日“全国科技工作者日”前后";
        assert!(due_at(s, s.find('月').unwrap()).is_none());
    }
}
