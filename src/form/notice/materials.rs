//! Paper copies per material (原件2份, 一式3份, 各1份) and the materials they name.

use super::{Notes, Text};

/// Material ids by the words that name them, most specific first.
const KINDS: [(&str, &str); 9] = [
    ("汇总表", "summary"),
    ("名单", "summary"),
    ("情况表", "activity_sheet"),
    ("工作情况报告", "report"),
    ("诚信推荐承诺书", "integrity_recommender"),
    ("承诺书", "integrity_candidate"),
    ("佐证", "evidence_book"),
    ("事迹", "deeds_material"),
    ("推荐表", "form"),
];

/// The id of the material a phrase names.
pub fn kind_of(phrase: &str) -> Option<&'static str> {
    KINDS
        .iter()
        .find(|(w, _)| phrase.contains(w))
        .map(|(_, id)| *id)
}

/// One material's paper copies as read.
pub struct Copies {
    pub material: &'static str,
    /// The material as the notice names it (《…》 where quoted).
    pub name: String,
    pub copies: u32,
    /// Whose seal it needs (推荐单位公章), where its sentence says.
    pub stamp: Option<String>,
}

pub struct Paper {
    pub copies: Vec<Copies>,
    /// 纸质材料（3份）: one count for every paper material.
    pub all: Option<u32>,
}

/// The phrase before byte `end`, back to a ，；：。 outside （） and 《》.
fn phrase_before(s: &str, end: usize) -> &str {
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s[..end].char_indices().rev() {
        match c {
            '）' | ')' | '》' => depth += 1,
            '（' | '(' | '《' if depth > 0 => depth -= 1,
            '，' | '；' | '：' | '。' | ',' if depth == 0 => {
                start = i + c.len_utf8();
                break;
            }
            _ => {}
        }
    }
    &s[start..end]
}

fn quoted(phrase: &str) -> Option<String> {
    let open = phrase.find('《')?;
    let close = phrase[open..].find('》')? + open;
    Some(phrase[open..close + '》'.len_utf8()].to_owned())
}

/// The notice's attachments by number (附件：1.《…推荐表》 2.…汇总表): number and title.
fn attachments(text: &Text) -> Vec<(u32, String)> {
    let Some(start) = text
        .lines
        .iter()
        .position(|l| l.starts_with("附件：") || l.starts_with("附件:"))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, line) in text.lines.iter().skip(start).take(8).enumerate() {
        let body = if i == 0 {
            line.trim_start_matches("附件")
                .trim_start_matches([':', '：'])
        } else {
            line.as_str()
        };
        let Some((n, len)) = super::scan::number_at(body) else {
            break;
        };
        let title = body[len..].trim_start_matches(['.', '．', '、', ' ']);
        if title.is_empty() {
            break;
        }
        out.push((n, title.trim_matches(['《', '》']).to_owned()));
    }
    out
}

/// The seal a sentence asks for: 加盖推荐单位公章 → 推荐单位公章.
fn stamp_in(sentence: &str) -> Option<String> {
    let at = sentence.find("加盖")? + "加盖".len();
    let rest = &sentence[at..];
    let end = rest.find("公章")? + "公章".len();
    let stamp = &rest[..end];
    (stamp.chars().count() <= 12).then(|| stamp.to_owned())
}

/// 附件2、3、4 in a phrase: the numbers named.
fn attachment_numbers(phrase: &str) -> Vec<u32> {
    let Some(at) = phrase.find("附件") else {
        return Vec::new();
    };
    phrase[at + "附件".len()..]
        .split(['、', '和', '及'])
        .map_while(|part| part.trim_start_matches("附件").parse::<u32>().ok())
        .collect()
}

fn read_in(sentences: &[&String], listed: &[(u32, String)], notes: &mut Notes) -> Paper {
    let mut paper = Paper {
        copies: Vec::new(),
        all: None,
    };
    for sentence in sentences {
        for (at, _) in sentence.match_indices('份') {
            let Some((n, start)) = super::scan::number_before(sentence, at).or_else(|| {
                let c = sentence[..at].chars().last()?;
                let start = at - c.len_utf8();
                super::scan::number_at(&sentence[start..at]).map(|(n, _)| (n, start))
            }) else {
                continue;
            };
            let head = &sentence[..start];
            let head = head
                .trim_end_matches("原件")
                .trim_end_matches("一式")
                .trim_end_matches('各');
            let head = head.trim_end_matches("原件");
            let phrase = phrase_before(sentence, head.len());
            let phrase_clean = phrase.trim_end_matches(['（', '(']);
            let stamp = stamp_in(sentence);
            // 附件2、3各1份: the attachments by their titles, where the notice lists them.
            for number in attachment_numbers(phrase_clean) {
                let Some((_, title)) = listed.iter().find(|(n, _)| *n == number) else {
                    continue;
                };
                if let Some(kind) = kind_of(title)
                    && !paper.copies.iter().any(|c| c.material == kind)
                {
                    notes.found("纸质份数", format!("《{title}》{n}份"), sentence);
                    paper.copies.push(Copies {
                        material: kind,
                        name: format!("《{title}》"),
                        copies: n,
                        stamp: stamp.clone(),
                    });
                }
            }
            match kind_of(phrase_clean) {
                Some(kind) if !paper.copies.iter().any(|c| c.material == kind) => {
                    let name = quoted(phrase_clean).unwrap_or_else(|| {
                        phrase_clean
                            .trim_start_matches("包括")
                            .trim_start_matches("将")
                            .to_owned()
                    });
                    notes.found("纸质份数", format!("{name}{n}份"), sentence);
                    paper.copies.push(Copies {
                        material: kind,
                        name,
                        copies: n,
                        stamp: stamp.clone(),
                    });
                }
                Some(_) => {}
                None if phrase.contains("纸质") && paper.all.is_none() => {
                    notes.found("纸质份数", format!("纸质材料各{n}份"), sentence);
                    paper.all = Some(n);
                }
                None if phrase.contains("附件") && listed.is_empty() => {
                    notes.suggest(
                        "纸质份数",
                        format!("{}{n}份（通知未写明附件名称）", phrase.trim()),
                        sentence,
                    );
                }
                None => {}
            }
        }
    }
    paper
}

/// Copies from the sentences that speak of paper; where those give none, from all sentences.
pub fn read(text: &Text, notes: &mut Notes) -> Paper {
    let on_paper: Vec<&String> = text
        .sentences
        .iter()
        .filter(|s| s.contains("纸质") && s.contains('份'))
        .collect();
    let mut scratch = super::Notes::default();
    let listed = attachments(text);
    let paper = read_in(&on_paper, &listed, &mut scratch);
    if !paper.copies.is_empty() || paper.all.is_some() {
        notes.found.extend(scratch.found);
        notes.suggestions.extend(scratch.suggestions);
        return paper;
    }
    let all: Vec<&String> = text.sentences.iter().filter(|s| s.contains('份')).collect();
    read_in(&all, &listed, notes)
}
