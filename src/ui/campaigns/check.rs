//! The editor's live check: the load checks of a campaign file (so what the editor saves always
//! loads), plus what only an edited campaign can get wrong — its id.

use crate::form::campaign::Campaign;
use crate::form::catalog::{Catalog, LoadError};
use crate::form::notice::MISSING_MARK;

/// What the editor calls the campaign in messages (there is no file yet).
const PLACE_NAME: &str = "活动";

/// The first problem that would stop the campaign from loading, or None.
pub fn problem(catalog: &Catalog, campaign: &Campaign, is_new: bool) -> Option<LoadError> {
    id_problem(catalog, &campaign.id, is_new)
        .map(|problem| LoadError::new(PLACE_NAME, "id", problem))
        .or_else(|| required_problem(campaign))
        .or_else(|| catalog.check(PLACE_NAME, &tidied(campaign)).err())
}

fn id_problem(catalog: &Catalog, id: &str, is_new: bool) -> Option<String> {
    if id.is_empty() {
        return Some("请填写活动编号，例如 xinxiang-2025（草稿靠它找到活动）".into());
    }
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Some("活动编号只能用英文字母、数字、“-”和“_”，例如 xinxiang-2025".into());
    }
    (is_new && catalog.campaign(id).is_some())
        .then(|| format!("已有编号为“{id}”的活动：请换一个编号"))
}

/// Texts the schema requires: empty, the campaign would print blanks where the notice's words go.
fn required_problem(campaign: &Campaign) -> Option<LoadError> {
    let required = [
        ("city", &campaign.city, "城市"),
        ("notice_title", &campaign.notice_title, "通知标题"),
        ("form_title", &campaign.form_title, "推荐表标题"),
        ("summary_title", &campaign.summary_title, "汇总表标题"),
        ("deadline.text", &campaign.deadline.text, "截止时间的原话"),
        (
            "submission.office",
            &campaign.submission.office,
            "接收材料的部门",
        ),
    ];
    let (place, _, name) = required
        .into_iter()
        .find(|(_, value, _)| value.trim().is_empty())?;
    Some(LoadError::new(
        PLACE_NAME,
        place,
        format!("请填写{name}（照通知原文）"),
    ))
}

/// Places still holding the reader's stand-in for what the notice did not give.
pub fn unresolved_marks(campaign: &Campaign) -> usize {
    serde_json::to_string(campaign)
        .map(|json| json.matches(MISSING_MARK).count())
        .unwrap_or(0)
}

/// The campaign as it is saved: empty lines of the lists dropped.
pub fn tidied(campaign: &Campaign) -> Campaign {
    let mut campaign = campaign.clone();
    tidy(&mut campaign);
    campaign
}

pub fn tidy(campaign: &mut Campaign) {
    let drop_empty = |lines: &mut Vec<String>| {
        lines
            .iter_mut()
            .for_each(|line| *line = line.trim().to_owned());
        lines.retain(|line| !line.is_empty());
    };
    drop_empty(&mut campaign.organisers);
    drop_empty(&mut campaign.before_submission);
    drop_empty(&mut campaign.silent);
    drop_empty(&mut campaign.eligibility.excluded);
    drop_empty(&mut campaign.eligibility.title_words);
    drop_empty(&mut campaign.submission.contacts);
    drop_empty(&mut campaign.submission.phones);
    if let Some(instructions) = &mut campaign.instructions {
        drop_empty(instructions);
    }
    for rule in &mut campaign.share_rules {
        drop_empty(&mut rule.any_of);
    }
    for material in &mut campaign.materials {
        if let Some(video) = &mut material.video {
            drop_empty(&mut video.formats);
            drop_empty(&mut video.resolutions);
        }
    }
    // A material with no paper copy needs no line in paper_copies.
    campaign.paper_copies.retain(|copies| copies.copies > 0);
}
