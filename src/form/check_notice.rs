//! Load-time checks of the optional parts of a campaign (deadline stages and times, electronic-
//! only submission, media, share rules, eligibility by birth date and conditions): each failure
//! names the place in the file and says how to fix it.

use std::collections::HashSet;

use super::campaign::Campaign;
use super::catalog::LoadError;
use super::dates::Date;
use super::definition::FormDefinition;

pub(super) fn check_notice(
    file: &str,
    campaign: &Campaign,
    definition: &FormDefinition,
) -> Result<(), LoadError> {
    let fail = |place: String, problem: String| Err(LoadError::new(file, place, problem));
    let deadline = &campaign.deadline;
    if let Some(time) = &deadline.time
        && !is_time(time)
    {
        return fail("deadline.time".into(), time_problem(time));
    }
    for (i, stage) in deadline.stages.iter().enumerate() {
        if let Err(error) = Date::parse(&stage.date) {
            return fail(
                format!("deadline.stages[{i}].date"),
                error.message("2023-04-30"),
            );
        }
        if let Some(time) = &stage.time
            && !is_time(time)
        {
            return fail(format!("deadline.stages[{i}].time"), time_problem(time));
        }
    }
    let ids: HashSet<&str> = campaign.materials.iter().map(|m| m.id.as_str()).collect();
    if campaign.submission.electronic_only {
        if !campaign.paper_copies.is_empty() {
            return fail(
                "submission.electronic_only".into(),
                "只报电子版的活动不能有 paper_copies：请删去纸质份数，或把 electronic_only 改为 false"
                    .into(),
            );
        }
        if let Some(material) = campaign.materials.iter().find(|m| m.paper) {
            return fail(
                format!("materials（{}）", material.id),
                "只报电子版的活动中，材料的 paper 必须为 false".into(),
            );
        }
    }
    for (i, id) in campaign.submission.media_materials.iter().enumerate() {
        if !ids.contains(id.as_str()) {
            return fail(
                format!("submission.media_materials[{i}]"),
                format!("材料“{id}”不在 materials 中"),
            );
        }
    }
    let field_exists = |id: &str| definition.field(id).is_some();
    for (i, rule) in campaign.share_rules.iter().enumerate() {
        let place = format!("share_rules[{i}]");
        if !field_exists(&rule.field) {
            return fail(place, format!("表格中没有字段“{}”", rule.field));
        }
        if rule.any_of.iter().all(|word| word.trim().is_empty()) {
            return fail(place, "any_of 至少要有一个词，用来判断谁属于这一类".into());
        }
        let percents = [rule.min_percent, rule.max_percent];
        if percents.iter().flatten().any(|p| *p > 100) {
            return fail(place, "比例不能超过100%".into());
        }
        if let [Some(min), Some(max)] = percents
            && min > max
        {
            return fail(place, "min_percent 大于 max_percent".into());
        }
    }
    let eligibility = &campaign.eligibility;
    if let Some(born) = &eligibility.born_after
        && let Err(error) = Date::parse(&born.date)
    {
        return fail(
            "eligibility.born_after.date".into(),
            error.message("1979-01-01"),
        );
    }
    for (i, condition) in eligibility.conditions.iter().enumerate() {
        if !field_exists(&condition.field) {
            return fail(
                format!("eligibility.conditions[{i}]"),
                format!("表格中没有字段“{}”", condition.field),
            );
        }
    }
    Ok(())
}

/// HH:MM, 00:00 to 23:59 (24:00 is written 23:59 or the next day's 00:00).
fn is_time(text: &str) -> bool {
    let Some((hours, minutes)) = text.split_once(':') else {
        return false;
    };
    let number = |part: &str, max: u32| {
        part.len() == 2
            && part.chars().all(|c| c.is_ascii_digit())
            && part.parse::<u32>().is_ok_and(|n| n <= max)
    };
    number(hours, 23) && number(minutes, 59)
}

fn time_problem(time: &str) -> String {
    format!("时间“{time}”无法识别：请写成24小时制的“时:分”，例如 17:30")
}

#[cfg(test)]
mod tests {
    use super::is_time;

    #[test]
    fn times_of_day() {
        for good in ["00:00", "09:30", "17:00", "23:59"] {
            assert!(is_time(good), "{good}");
        }
        for bad in ["9:30", "24:00", "17:60", "17.00", "下午5点", ""] {
            assert!(!is_time(bad), "{bad}");
        }
    }
}
