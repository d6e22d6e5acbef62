//! What some notices say and others do not: the electronic package's name, where the 佐证材料
//! go, what must be done before sending (公示), a birth-date limit, and whether the notice holds
//! the form itself (附件1 with its 填表说明).

use super::scan::clause_around;
use super::{Notes, Text};
use crate::form::campaign::{EvidencePlacement, EvidenceRules};
use crate::form::campaign_rules::BornAfter;

#[derive(Debug, Default)]
pub struct Extras {
    pub package_name: Option<String>,
    pub evidence: Option<EvidenceRules>,
    pub before_submission: Vec<String>,
    pub born_after: Option<BornAfter>,
    pub form_in_notice: bool,
    /// How photos and video travel (光盘或U盘), and the materials the sentence names.
    pub media: Option<(String, Vec<&'static str>)>,
}

pub fn read(text: &Text, notes: &mut Notes) -> Extras {
    Extras {
        package_name: package_name(text, notes),
        evidence: evidence(text, notes),
        before_submission: before_submission(text, notes),
        born_after: born_after(text, notes),
        form_in_notice: form_in_notice(text, notes),
        media: media(text, notes),
    }
}

/// 打包用“最美科技工作者+推荐单位”作为文件名 → 最美科技工作者+推荐单位.
fn package_name(text: &Text, notes: &mut Notes) -> Option<String> {
    let sentence = (text.sentences.iter())
        .find(|s| (s.contains("打包") || s.contains("压缩")) && s.contains("文件名"))?;
    let open = sentence.find('“')?;
    let close = open + sentence[open..].find('”')?;
    let name = sentence[open + '“'.len_utf8()..close].trim().to_owned();
    if name.is_empty() {
        return None;
    }
    notes.found("压缩包名称", name.clone(), sentence);
    Some(name)
}

/// Where the 佐证材料 go, where the notice says; a notice that never names them is listed as
/// not found, not taken as asking for none (its form may still have the cell).
fn evidence(text: &Text, notes: &mut Notes) -> Option<EvidenceRules> {
    let Some(sentence) = text.sentence_with(&["佐证材料"]) else {
        notes.missing("佐证材料（通知未提；不要时在“表格”中选“通知不要佐证材料”）");
        return None;
    };
    let placement = if sentence.contains("单独成册") || sentence.contains("统一封面") {
        EvidencePlacement::Booklet
    } else if sentence.contains("装订在推荐表") || sentence.contains("附在推荐表") {
        EvidencePlacement::AfterForm
    } else {
        notes.suggest("佐证材料放法", "附在推荐表之后", sentence);
        return None;
    };
    let words = match placement {
        EvidencePlacement::Booklet => "单独成册",
        _ => "附在推荐表之后",
    };
    notes.found("佐证材料放法", words, sentence);
    Some(EvidenceRules {
        placement,
        text: Some(sentence.trim_end_matches('。').to_owned()),
    })
}

/// The units' own 公示 or review before they send (not the organisers' 公示 after choosing).
fn before_submission(text: &Text, notes: &mut Notes) -> Vec<String> {
    let mut steps = Vec::new();
    for sentence in &text.sentences {
        let Some(at) = sentence.find("公示") else {
            continue;
        };
        let about_candidates = ["推荐人选", "初选人", "候选人", "拟推荐"]
            .iter()
            .any(|w| sentence.contains(w));
        let organisers_step = ["审定", "印发", "通报", "评选结果"]
            .iter()
            .any(|w| sentence.contains(w));
        if !about_candidates || organisers_step {
            continue;
        }
        // The clause with 公示 and the one before it (确定推荐人选，并在一定范围内公示).
        let clause = clause_around(sentence, at, &['。', '；']);
        let step = clause.trim().trim_end_matches('。').to_owned();
        if !step.is_empty() && !steps.contains(&step) {
            notes.found("报送前须完成", step.clone(), sentence);
            steps.push(step);
        }
    }
    steps
}

/// 1979年1月1日以后出生 → born on or after 1979-01-01.
fn born_after(text: &Text, notes: &mut Notes) -> Option<BornAfter> {
    let sentence =
        (text.sentences.iter()).find(|s| ["以后出生", "之后出生"].iter().any(|w| s.contains(w)))?;
    let end = ["以后出生", "之后出生"]
        .iter()
        .find_map(|w| sentence.find(w))?;
    let head = &sentence[..end];
    let (year, rest) = head.rsplit_once('年')?;
    let year: u32 = year
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .chars()
        .rev()
        .collect::<String>()
        .parse()
        .ok()?;
    let (month, day) = rest.split_once('月')?;
    let day = day.trim_end_matches(['日', '号']);
    let (month, day): (u32, u32) = (month.parse().ok()?, day.parse().ok()?);
    let date = format!("{year:04}-{month:02}-{day:02}");
    let words = clause_around(sentence, end, &['，', '。', '；', '、']).to_owned();
    notes.found("出生日期限制", date.clone(), sentence);
    Some(BornAfter { date, text: words })
}

/// A notice that holds the form: its 填表说明 and the cells only a form has.
fn form_in_notice(text: &Text, notes: &mut Notes) -> bool {
    let has = |words: &str| text.lines.iter().any(|line| line.contains(words));
    let holds = has("填表说明") && has("所在单位意见") && has("推荐单位意见");
    if holds {
        notes.found("通知附有推荐表", "是", "填表说明");
    }
    holds
}

/// 推荐人照片和视频请以光盘或U盘方式随纸质材料一并报送 → 光盘或U盘, for the photos and video.
fn media(text: &Text, notes: &mut Notes) -> Option<(String, Vec<&'static str>)> {
    let sentence = (text.sentences.iter()).find(|s| s.contains("光盘") || s.contains("U盘"))?;
    let way = ["光盘或U盘", "U盘或光盘", "光盘", "U盘"]
        .into_iter()
        .find(|way| sentence.contains(way))?;
    let mut materials = Vec::new();
    if sentence.contains("照片") {
        materials.extend(["id_photo", "life_work_photos"]);
    }
    if sentence.contains("视频") {
        materials.push("video");
    }
    notes.found("照片、视频的报送方式", way, sentence);
    Some((way.to_owned(), materials))
}
