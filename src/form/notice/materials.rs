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

fn read_in(sentences: &[&String], notes: &mut Notes) -> Paper {
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
                    });
                }
                Some(_) => {}
                None if phrase.contains("纸质") && paper.all.is_none() => {
                    notes.found("纸质份数", format!("纸质材料各{n}份"), sentence);
                    paper.all = Some(n);
                }
                None if phrase.contains("附件") => {
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
    let paper = read_in(&on_paper, &mut scratch);
    if !paper.copies.is_empty() || paper.all.is_some() {
        notes.found.extend(scratch.found);
        notes.suggestions.extend(scratch.suggestions);
        return paper;
    }
    let all: Vec<&String> = text.sentences.iter().filter(|s| s.contains('份')).collect();
    read_in(&all, notes)
}
