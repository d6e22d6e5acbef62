//! The checklist's lines for what varies from notice to notice: the deadline with its time and
//! stages, the disc or USB stick to hand over, a material's conditions, video rules and file
//! name, and the conditions and shares a unit's candidates must meet.

use std::fmt::Write;

use crate::form::campaign::{Campaign, Deadline, Material};
use crate::form::campaign_rules::scope_text;

/// 截止时间 with the time of day, and each stage where the notice sets more than one.
pub(super) fn deadline_lines(out: &mut String, deadline: &Deadline) {
    let _ = writeln!(
        out,
        "  截止时间：{}（{}）",
        when(&deadline.date, deadline.time.as_deref()),
        deadline.text
    );
    if !deadline.stages.is_empty() {
        let _ = writeln!(out, "  分阶段报送：");
        for stage in &deadline.stages {
            let mut line = format!(
                "    [ ] {}：{}前",
                stage.what,
                when(&stage.date, stage.time.as_deref())
            );
            if let Some(text) = &stage.text {
                line.push_str(&format!("（{text}）"));
            }
            let _ = writeln!(out, "{line}");
        }
    }
}

/// 2022-04-20, or 2022-04-20 17:00.
fn when(date: &str, time: Option<&str>) -> String {
    match time {
        Some(time) => format!("{date} {time}"),
        None => date.to_owned(),
    }
}

/// （装入：照片、视频）after the media, where the campaign lists what goes on it.
pub(super) fn media_holds(campaign: &Campaign) -> String {
    let names = media_names(campaign);
    if names.is_empty() {
        String::new()
    } else {
        format!("（装入：{}）", names.join("、"))
    }
}

fn media_names(campaign: &Campaign) -> Vec<&str> {
    (campaign.submission.media_materials.iter())
        .filter_map(|id| campaign.materials.iter().find(|m| &m.id == id))
        .map(|m| m.name.as_str())
        .collect()
}

/// The disc or USB stick among the things to hand over with the paper.
pub(super) fn media_line(out: &mut String, campaign: &Campaign) {
    let Some(media) = &campaign.submission.media else {
        return;
    };
    let names = media_names(campaign);
    let holds = if names.is_empty() {
        "照片、视频等电子材料".to_owned()
    } else {
        names.join("、")
    };
    let _ = writeln!(out, "  [ ] {media}：存入{holds}，随纸质材料一并报送");
}

/// Who it applies to, the video rules and the file name, under a material's line.
pub(super) fn material_details(out: &mut String, material: &Material) {
    if let Some(who) = &material.applies_to {
        let _ = writeln!(out, "      适用：{who}（其他候选人不需要）");
    }
    if let Some(video) = &material.video {
        let rules = video.describe();
        if !rules.is_empty() {
            let _ = writeln!(out, "      视频要求：{rules}");
        }
    }
    match (&material.file_name, material.one_pdf) {
        (Some(_), true) => {
            let example = material.file_name_for("张三").unwrap_or_default();
            let _ = writeln!(
                out,
                "      文件：每位候选人合成一个PDF，以姓名命名，如“{example}”"
            );
        }
        (Some(_), false) => {
            let example = material.file_name_for("张三").unwrap_or_default();
            let _ = writeln!(out, "      文件命名：如“{example}”");
        }
        (None, true) => {
            let _ = writeln!(out, "      文件：每位候选人合成一个PDF");
        }
        (None, false) => {}
    }
}

/// Whether the notice states conditions or shares the checklist should list.
pub(super) fn has_conditions(campaign: &Campaign) -> bool {
    let eligibility = &campaign.eligibility;
    eligibility.born_after.is_some()
        || !eligibility.conditions.is_empty()
        || campaign.youth_rule.is_some()
        || !campaign.share_rules.is_empty()
}

/// Born after, other conditions, the youth rule and the share rules, each with how it is
/// counted (per unit, over the city, or not said).
pub(super) fn condition_lines(out: &mut String, campaign: &Campaign) {
    let eligibility = &campaign.eligibility;
    if let Some(born) = &eligibility.born_after {
        let _ = writeln!(out, "  [ ] 出生日期：{}", born.text);
    }
    for condition in &eligibility.conditions {
        let _ = writeln!(out, "  [ ] {}", condition.text);
    }
    if let Some(rule) = &campaign.youth_rule {
        let share = match rule.min_percent {
            Some(percent) => format!(
                "{}岁以下的青年科技工作者不少于{percent}%（{}）",
                rule.under_age,
                scope_text(rule.scope)
            ),
            None => format!(
                "兼顾{}岁以下的青年科技工作者（通知未规定比例）",
                rule.under_age
            ),
        };
        let _ = writeln!(out, "  [ ] 青年比例：{share}");
    }
    for rule in &campaign.share_rules {
        let _ = writeln!(
            out,
            "  [ ] {}：{}（{}）。通知原文：{}",
            rule.label,
            rule.limit_text(),
            scope_text(rule.scope),
            rule.text
        );
    }
}
