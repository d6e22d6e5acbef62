//! Word limits as notices phrase them (主要事迹1500字左右, 感人故事1000字以内, 3000字以内主要事迹
//! 文字材料) and the number of stories (感人故事1—2个).

use std::collections::BTreeMap;

use super::scan::{number_before, range_before};
use super::{Notes, Text};
use crate::form::campaign::CountRange;
use crate::form::limit::{LimitMode, WordLimit};

/// Which form field a phrase near a limit names.
fn field_of(before: &str, after: &str) -> Option<&'static str> {
    let near_before: String = before
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let near_after: String = after.chars().take(12).collect();
    if near_before.contains("感人故事") || near_after.starts_with("感人故事") {
        Some("stories")
    } else if near_after.contains("事迹") && near_after.contains("材料") {
        Some("deeds_material")
    } else if near_before.contains("主要事迹") || near_after.starts_with("主要事迹") {
        Some("main_deeds")
    } else {
        None
    }
}

pub struct Limits {
    pub words: BTreeMap<String, WordLimit>,
    pub stories: Option<CountRange>,
}

pub fn read(text: &Text, notes: &mut Notes) -> Limits {
    let mut words = BTreeMap::new();
    let mut stories = None;
    for sentence in &text.sentences {
        for (at, _) in sentence.match_indices('字') {
            let Some((n, start)) = number_before(sentence, at) else {
                continue;
            };
            let after = &sentence[at + '字'.len_utf8()..];
            let (mode, rest) = if let Some(rest) = after.strip_prefix("左右") {
                (LimitMode::About, rest)
            } else if let Some(rest) = after
                .strip_prefix("以内")
                .or_else(|| after.strip_prefix("以下"))
                .or_else(|| after.strip_prefix("之内"))
            {
                (LimitMode::AtMost, rest)
            } else {
                continue;
            };
            let Some(field) = field_of(&sentence[..start], rest) else {
                continue;
            };
            if words.contains_key(field) {
                continue;
            }
            let source = source_words(sentence, start, at, rest, field);
            notes.found(
                &format!("字数：{}", field_label(field)),
                source.clone(),
                sentence,
            );
            words.insert(
                field.to_owned(),
                WordLimit {
                    mode,
                    words: n as usize,
                    band_percent: 10,
                    source,
                },
            );
        }
        if stories.is_none()
            && let Some(at) = sentence.find("感人故事")
        {
            let after = &sentence[at + "感人故事".len()..];
            let after = after.trim_start_matches(['（', '(']);
            if let Some(end) = after.find('个')
                && end <= 8
                && let Some((min, max, from)) = range_before(after, end)
                && from == 0
            {
                let range = CountRange { min, max };
                notes.found("感人故事个数", range.words("个"), sentence);
                stories = Some(range);
            }
        }
    }
    Limits { words, stories }
}

fn field_label(field: &str) -> &'static str {
    match field {
        "main_deeds" => "主要事迹",
        "stories" => "感人故事",
        _ => "事迹材料",
    }
}

/// The limit in the notice's words: the field's name and the number (主要事迹1500字左右).
fn source_words(sentence: &str, start: usize, at: usize, rest: &str, field: &str) -> String {
    let limit_end = sentence.len() - rest.len();
    let limit = &sentence[start..limit_end];
    let _ = at;
    match field {
        "deeds_material" => {
            let end = rest.find(['；', '。', '，']).unwrap_or(rest.len());
            format!("{limit}{}", &rest[..end])
        }
        _ => format!("{}{}", field_label(field), limit),
    }
}
