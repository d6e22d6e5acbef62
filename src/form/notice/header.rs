//! The notice's head and foot: title, year, city, document number, organisers, date of issue,
//! and the titles of its forms (《…推荐表》, 《…汇总表》).

use super::scan::number_before;
use super::{Notes, Text};

pub struct Header {
    pub title: Option<String>,
    pub year: Option<u16>,
    pub city: Option<String>,
    pub document_number: Option<String>,
    pub organisers: Vec<String>,
    pub issued: Option<String>,
    pub form_title: Option<String>,
    pub summary_title: Option<String>,
}

pub fn read(text: &Text, notes: &mut Notes) -> Header {
    let title = title(text);
    let year = title.as_deref().and_then(year_in);
    let city = title.as_deref().and_then(city_in);
    if let Some(t) = &title {
        notes.found("通知标题", t.clone(), t);
        if let Some(y) = year {
            notes.found("年份", y.to_string(), t);
        }
        if let Some(c) = &city {
            notes.found("城市", c.clone(), t);
        }
    }
    let document_number = document_number(text);
    if let Some((number, line)) = &document_number {
        notes.found("文号", number.clone(), line);
    }
    let organisers = organisers(text).or_else(|| signatures(text));
    if let Some((list, line)) = &organisers {
        notes.found("主办单位", list.join("、"), line);
    }
    let issued = issued(text, year);
    if let Some((date, line)) = &issued {
        notes.found("印发日期", date.clone(), line);
    }
    let form_title = book_title(text, "推荐表");
    let summary_title = book_title(text, "汇总表");
    for (field, found) in [("推荐表标题", &form_title), ("汇总表标题", &summary_title)] {
        if let Some((value, sentence)) = found {
            notes.found(field, value.clone(), sentence);
        }
    }
    Header {
        title,
        year,
        city,
        document_number: document_number.map(|d| d.0),
        organisers: organisers.map(|o| o.0).unwrap_or_default(),
        issued: issued.map(|d| d.0),
        form_title: form_title.map(|t| t.0),
        summary_title: summary_title.map(|t| t.0),
    }
}

/// From the first line starting 关于 to the line ending in 通知 (at most five lines).
fn title(text: &Text) -> Option<String> {
    let start = text.lines.iter().position(|l| l.starts_with("关于"))?;
    let mut title = String::new();
    for line in text.lines.iter().skip(start).take(5) {
        title.push_str(line);
        if let Some(end) = title.find("通知") {
            title.truncate(end + "通知".len());
            return Some(super::normalise::clean_line(&title));
        }
    }
    None
}

fn year_in(s: &str) -> Option<u16> {
    let at = s.find('年')?;
    let (n, _) = number_before(s, at)?;
    (2000..2100).contains(&n).then_some(n as u16)
}

/// The place named after the year: 2019年度衡水市“… → 衡水.
fn city_in(title: &str) -> Option<String> {
    let at = title.find('年')?;
    let rest = title[at..]
        .trim_start_matches('年')
        .trim_start_matches('度');
    let end = rest.find(['“', '"', '《'])?;
    let city = rest[..end].trim_end_matches('市').trim_end_matches("全");
    let n = city.chars().count();
    (1..=6).contains(&n).then(|| city.to_owned())
}

/// 衡市科协〔2019〕8号: the first number not quoted from another notice (inside （…）).
fn document_number(text: &Text) -> Option<(String, String)> {
    for line in text.lines.iter().take(30) {
        for open in ['〔', '[', '(', '（', '【'] {
            let Some(at) = line.find(open) else { continue };
            let after = &line[at + open.len_utf8()..];
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            if digits.len() != 4 {
                continue;
            }
            let rest = &after[4..];
            let Some(close) = rest.chars().next().filter(|c| "〕])）】".contains(*c)) else {
                continue;
            };
            let rest = rest[close.len_utf8()..].trim_start();
            let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if number.is_empty() || !rest[number.len()..].starts_with('号') {
                continue;
            }
            let prefix: String = line[..at]
                .chars()
                .rev()
                .take_while(|c| super::normalise::is_cjk(*c) && !"（《：”".contains(*c))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if prefix.is_empty() || line[..at].ends_with("（") {
                continue;
            }
            let before_prefix = &line[..at - prefix.len()];
            if before_prefix.ends_with('（') || before_prefix.ends_with('(') {
                continue;
            }
            return Some((format!("{prefix}〔{digits}〕{number}号"), line.clone()));
        }
    }
    None
}

/// The line after a heading 主办单位, split at 、 and ，; else the signature line before the date.
fn organisers(text: &Text) -> Option<(Vec<String>, String)> {
    let heading = text
        .lines
        .iter()
        .position(|l| l.contains("主办单位") && l.chars().count() <= 12)?;
    let line = text.lines.get(heading + 1)?;
    let body = line.trim_end_matches(['。', '；']);
    let separators: &[char] = if body.contains('，') {
        &['，']
    } else {
        &['、']
    };
    let list: Vec<String> = body
        .split(separators)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    (!list.is_empty()).then(|| (list, line.clone()))
}

/// The signature line above the closing date: offices set apart by spaces.
fn signatures(text: &Text) -> Option<(Vec<String>, String)> {
    let date_line = text.raw_lines.iter().rposition(|l| {
        let t = l.trim();
        t.ends_with('日')
            && t.chars().take(4).all(|c| c.is_ascii_digit())
            && t.chars().count() <= 12
    })?;
    let line = text.raw_lines[..date_line]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())?;
    let parts: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
    let office = |p: &String| {
        p.chars().count() >= 4
            && ["部", "会", "局", "协", "室", "委", "厅", "院"]
                .iter()
                .any(|e| p.ends_with(e))
    };
    (!parts.is_empty() && parts.iter().all(office)).then(|| (parts, line.trim().to_owned()))
}

/// A line that is only a date (or a date and 印发): the date of issue.
fn issued(text: &Text, year: Option<u16>) -> Option<(String, String)> {
    for line in text.lines.iter().rev() {
        let tail = line.trim_end_matches("印发").trim();
        let Some(day_end) = tail.strip_suffix('日') else {
            continue;
        };
        let start = day_end.rfind(|c: char| !(c.is_ascii_digit() || c == '年' || c == '月'));
        let date = start.map_or(day_end, |i| {
            &day_end[i + day_end[i..].chars().next().map_or(1, char::len_utf8)..]
        });
        let parts: Vec<u32> = date
            .split(['年', '月'])
            .filter_map(|p| p.parse().ok())
            .collect();
        if let [y, m, d] = parts[..]
            && year.is_none_or(|year| year as u32 == y)
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
            && (start.is_none() || line.ends_with("印发"))
        {
            return Some((format!("{y:04}-{m:02}-{d:02}"), line.clone()));
        }
    }
    None
}

/// The first 《…WORD》 in the text.
fn book_title(text: &Text, word: &str) -> Option<(String, String)> {
    for sentence in &text.sentences {
        let mut rest = sentence.as_str();
        while let Some(open) = rest.find('《') {
            let after = &rest[open + '《'.len_utf8()..];
            let Some(close) = after.find('》') else {
                break;
            };
            let inner = &after[..close];
            if inner.ends_with(word) {
                return Some((inner.to_owned(), sentence.clone()));
            }
            rest = &after[close..];
        }
    }
    None
}
