//! Quotas per channel (不超过N名, N—M名, 候选人N名), the youth rule (N岁以下…不少于P%), who is
//! excluded (现役军人, 公务员…县处级以上, titles already held) and whether individuals may apply.

use super::scan::range_before;
use super::{Notes, Text};
use crate::form::campaign::{Eligibility, Quota, YouthRule};

const VERBS: [&str; 5] = ["共同遴选推荐", "共同推荐", "统筹推荐", "遴选推荐", "推荐"];

/// The channel: the sentence's start up to the verb, numbering and 由 dropped.
fn channel(head: &str) -> Option<String> {
    // The last verb before the number; of verbs ending at the same place, the longest.
    let (_, at) = VERBS
        .iter()
        .filter_map(|v| head.rfind(v).map(|at| (at + v.len(), at)))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))?;
    let mut name = head[..at].trim_end_matches(['，', '、']);
    if let Some(heading) = name.find("名额") {
        name = &name[heading + "名额".len()..];
    }
    let trimmed = name.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "．.、（）()一二三四五六七八九十".contains(c)
    });
    name = trimmed;
    if let Some(by) = name.rfind('由') {
        name = &name[by + '由'.len_utf8()..];
    }
    let name = name.trim_end_matches("组织").trim();
    (!name.is_empty() && name.chars().count() <= 60).then(|| name.to_owned())
}

pub fn quotas(text: &Text, notes: &mut Notes) -> Vec<Quota> {
    let mut out = Vec::new();
    for sentence in &text.sentences {
        if !sentence.contains("推荐") {
            continue;
        }
        let mut from = 0;
        for (at, _) in sentence.match_indices('名') {
            let clause = super::scan::clause_around(sentence, at, &['，', '；', '。']);
            let before = &sentence[..at];
            if ["确定", "命名", "评选", "表彰"]
                .iter()
                .any(|w| before.contains(w))
                || clause.contains("名额")
            {
                continue;
            }
            let Some((min, max, start)) = range_before(sentence, at) else {
                continue;
            };
            if start < from {
                continue;
            }
            let head = &sentence[from..start];
            let Some(channel) = channel(head) else {
                continue;
            };
            let quota = Quota {
                channel,
                min: (min != max).then_some(min),
                max,
            };
            let limit = match quota.min {
                Some(min) => format!("{min}—{max}名"),
                None => format!("不超过{max}名"),
            };
            if !head.contains("不超过")
                && quota.min.is_none()
                && !sentence[..start].ends_with("不超过")
            {
                notes.silent.push(format!(
                    "通知对“{}”写“{max}名”，未写“不超过”；应用把这个人数当作名额上限，不要求推满。",
                    quota.channel
                ));
            }
            notes.found("名额", format!("{}：{limit}", quota.channel), sentence);
            out.push(quota);
            from = at;
        }
    }
    out
}

pub fn youth(text: &Text, notes: &mut Notes) -> Option<YouthRule> {
    for sentence in &text.sentences {
        let Some(at) = sentence
            .find("岁以下")
            .or_else(|| sentence.find("周岁以下"))
        else {
            continue;
        };
        let end = if sentence[..at].ends_with('周') {
            at - '周'.len_utf8()
        } else {
            at
        };
        let Some((age, _)) = super::scan::number_before(sentence, end) else {
            continue;
        };
        let percent = sentence.find("不少于").and_then(|p| {
            let rest = &sentence[p + "不少于".len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            rest[digits.len()..]
                .starts_with('%')
                .then(|| digits.parse().ok())
                .flatten()
        });
        let rule = YouthRule {
            under_age: age,
            min_percent: percent,
            scope: None,
        };
        let words = match percent {
            Some(p) => format!("{age}岁以下不少于{p}%"),
            None => format!("{age}岁以下（未规定比例）"),
        };
        notes.found("青年比例", words, sentence);
        return Some(rule);
    }
    None
}

pub fn eligibility(text: &Text, notes: &mut Notes) -> Eligibility {
    let mut eligibility = Eligibility {
        excluded: Vec::new(),
        official_level: None,
        soldiers_excluded: false,
        titles_excluded: None,
        title_words: Vec::new(),
        individual_application: None,
        born_after: None,
        conditions: Vec::new(),
    };
    for sentence in &text.sentences {
        let excludes = ["不包括", "不含", "不得", "不能"]
            .iter()
            .find_map(|w| sentence.find(w));
        if let Some(at) = excludes {
            let words = sentence[at..]
                .trim_end_matches(['。', '）', '；'])
                .to_owned();
            if sentence.contains("现役军人") && !eligibility.soldiers_excluded {
                eligibility.soldiers_excluded = true;
                notes.found("排除：现役军人", "是", sentence);
            }
            if sentence.contains("公务员") && eligibility.official_level.is_none() {
                for level in ["县处级", "司局级", "厅局级", "乡科级", "省部级"] {
                    if sentence.contains(&format!("{level}以上")) {
                        eligibility.official_level = Some(level.to_owned());
                        notes.found("排除：公务员级别", format!("{level}以上"), sentence);
                        break;
                    }
                }
            }
            if (sentence.contains("现役军人") || sentence.contains("公务员"))
                && !eligibility.excluded.contains(&words)
            {
                eligibility.excluded.push(words);
            }
        }
        if eligibility.titles_excluded.is_none()
            && (sentence.contains("不再推荐") || sentence.contains("不再参加"))
            && (sentence.contains("获得") || sentence.contains("荣获"))
        {
            let start = sentence
                .find("已获得")
                .or_else(|| sentence.find("曾荣获"))
                .or_else(|| sentence.find("获得"))
                .unwrap_or(0);
            let words = sentence[start..]
                .trim_end_matches(['。', '）', ')', '；'])
                .trim_start_matches(['（', '('])
                .to_owned();
            notes.found("排除：已获称号", words.clone(), sentence);
            if sentence.contains("最美") {
                eligibility.title_words.push("最美".to_owned());
            }
            eligibility.excluded.push(words.clone());
            eligibility.titles_excluded = Some(words);
        }
        if eligibility.individual_application.is_none() {
            if ["不接受个人", "个人申报不予受理", "不受理个人"]
                .iter()
                .any(|w| sentence.contains(w))
            {
                eligibility.individual_application = Some(false);
                notes.found("个人申报", "不接受", sentence);
            } else if ["接受个人申报", "可个人申报", "个人自荐"]
                .iter()
                .any(|w| sentence.contains(w))
            {
                eligibility.individual_application = Some(true);
                notes.found("个人申报", "接受", sentence);
            }
        }
    }
    eligibility
}
