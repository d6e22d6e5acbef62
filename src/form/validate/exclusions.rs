//! Which words suggest an excluded candidate, by what the campaign's notice excludes: the level
//! of office (县处级, 司局级, 厅局级 以上), serving soldiers, titles already held. A notice that
//! excludes nothing gives no words, so no hint is invented.

use crate::form::campaign::Campaign;
use crate::form::rules::Rule;

/// The words of an `excluded_office` rule that apply to this campaign.
pub(super) fn office_words(rule: &Rule, campaign: &Campaign) -> Vec<String> {
    let Rule::ExcludedOffice {
        words,
        levels,
        soldier_words,
        ..
    } = rule
    else {
        return Vec::new();
    };
    let eligibility = &campaign.eligibility;
    let level = (eligibility.official_level.as_deref())
        .and_then(|level| levels.get(level))
        .into_iter()
        .flatten();
    let soldiers = (soldier_words.iter()).filter(|_| eligibility.soldiers_excluded);
    words.iter().chain(level).chain(soldiers).cloned().collect()
}

/// The titles to look for in the honours: the campaign's own words, else the rule's, and none
/// where the notice excludes no title.
pub(super) fn title_words(rule_words: &[String], campaign: &Campaign) -> Vec<String> {
    let eligibility = &campaign.eligibility;
    if !eligibility.title_words.is_empty() {
        eligibility.title_words.clone()
    } else if eligibility.titles_excluded.is_some() {
        rule_words.to_vec()
    } else {
        Vec::new()
    }
}

/// Who the notice excludes, for the hint's wording: its own words, else a sentence made from
/// the level and the soldiers' rule.
pub(super) fn excluded_words(campaign: &Campaign) -> String {
    let eligibility = &campaign.eligibility;
    if !eligibility.excluded.is_empty() {
        return eligibility.excluded.join("；");
    }
    let mut parts = Vec::new();
    if eligibility.soldiers_excluded {
        parts.push("现役军人".to_owned());
    }
    if let Some(level) = &eligibility.official_level {
        parts.push(format!(
            "公务员和参照公务员法管理的党政机关现任{level}以上行政职务者"
        ));
    }
    parts.join("、")
}
