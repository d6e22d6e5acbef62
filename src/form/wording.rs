//! The form's words for one campaign. The shared form definition holds no city and no year: its
//! 填表说明, cell headings, help texts and examples are templates with placeholders that each
//! campaign fills in with its own year, limits, photo and channels. The catalog words the form
//! once per campaign, so the window, the checks, the PDF and the Word copy read the same text.
//!
//! Placeholders: `{year}`, `{photo}` (the ID photo as the notice asks for it), `{channels}` (the
//! notice's recommending channels as a clause, or nothing), `{limit:FIELD}` (1500字左右),
//! `{stories}` (1—2个), `{evidence}` (where the 佐证材料 go),
//! `{life_photos}` (the life or work photos as the notice names them), `{naming}` (the file naming
//! rule as a clause, or nothing). Other braces (`{label}`, `{value}` …) are left for the checks.

use super::campaign::{Campaign, EvidencePlacement};
use super::definition::{FormDefinition, Section};
use super::limit::{LimitMode, WordLimit};
use super::print::{CellContent, PrintRow};
use super::rules::Rule;

/// The word limit in force for a field: the campaign's, else the form's own.
pub fn word_limit_in_force<'a>(
    definition: &'a FormDefinition,
    campaign: &'a Campaign,
    field: &str,
) -> Option<&'a WordLimit> {
    (campaign.word_limits.get(field)).or_else(|| definition.word_limits.get(field))
}

/// A limit as a notice says it: 1500字左右, 1000字以内.
pub fn limit_words(limit: &WordLimit) -> String {
    match limit.mode {
        LimitMode::About => format!("{}字左右", limit.words),
        LimitMode::AtMost => format!("{}字以内", limit.words),
    }
}

/// How many stories the campaign asks for, else the form's own rule: 1—2个, or 2个.
pub fn stories_count(definition: &FormDefinition, campaign: &Campaign) -> Option<String> {
    let from_rule = || {
        let field = definition.field("stories")?;
        field.rules.iter().find_map(|rule| match rule {
            Rule::StoryCount { min, max } => Some((*min, *max)),
            _ => None,
        })
    };
    let (min, max) = (campaign.stories.map(|range| (range.min, range.max))).or_else(from_rule)?;
    Some(if min == max {
        format!("{max}个")
    } else {
        format!("{min}—{max}个")
    })
}

/// The ID photo as the 填表说明 names it: 小2寸正面免冠彩色标准照, 2寸蓝底正面免冠标准照.
pub fn photo_words(campaign: &Campaign) -> String {
    let photo = &campaign.photo.id_photo;
    let size = (photo.size.map(|size| size.name().to_owned()))
        .unwrap_or_else(|| size_name(photo.width_mm, photo.height_mm));
    let background = photo.background.as_deref().unwrap_or("");
    let colour = if photo.colour { "彩色" } else { "" };
    format!("{size}{background}正面免冠{colour}标准照")
}

/// The common name of an ID photo size, else its size in mm.
fn size_name(width_mm: f32, height_mm: f32) -> String {
    const NAMED: [(f32, f32, &str); 4] = [
        (25.0, 35.0, "1寸"),
        (35.0, 45.0, "小2寸"),
        (35.0, 49.0, "2寸"),
        (33.0, 48.0, "大2寸"),
    ];
    let close = |a: f32, b: f32| (a - b).abs() < 0.6;
    (NAMED.iter())
        .find(|(w, h, _)| close(*w, width_mm) && close(*h, height_mm))
        .map(|(_, _, name)| (*name).to_owned())
        .unwrap_or_else(|| format!("{width_mm}×{height_mm}毫米"))
}

/// The notice's recommending channels as a clause ending in a comma, or nothing where the
/// notice names none. Notes in brackets after a channel are left out.
fn channels_clause(campaign: &Campaign) -> String {
    let channels: Vec<&str> = (campaign.quotas.iter())
        .filter_map(|quota| quota.channel.split('（').next())
        .map(str::trim)
        .filter(|channel| !channel.is_empty())
        .collect();
    if channels.is_empty() {
        String::new()
    } else {
        format!(
            "按通知规定的推荐渠道（{}）推荐候选人，",
            channels.join("；")
        )
    }
}

/// The life or work photos as the notice names them (体现先进事迹的生活或工作照片3—5张).
fn life_photos_words(campaign: &Campaign) -> String {
    let material = (campaign.materials.iter()).find(|material| material.id == "life_work_photos");
    match (material, campaign.photo.life_work_photos) {
        (Some(material), _) => material.name.clone(),
        (None, Some(range)) => format!("生活或工作照片{}", range.words("张")),
        (None, None) => "生活或工作照片".to_owned(),
    }
}

/// Where the 佐证材料 go, as the campaign says.
fn evidence_words(campaign: &Campaign) -> &'static str {
    match campaign.evidence_placement() {
        EvidencePlacement::AfterForm => "佐证材料最多提供两页，装订在推荐表之后。",
        EvidencePlacement::Booklet => {
            "佐证材料统一封面，单独成册：应用另外导出一份带封面的佐证材料PDF，不印在推荐表里。"
        }
        EvidencePlacement::NotAsked => "本次通知未要求佐证材料，推荐表不印佐证材料页。",
    }
}

/// What to tell the user where the notice does not contain its form: the layout follows the
/// template, to be compared with the official form the organiser publishes.
pub fn layout_note(definition: &FormDefinition, campaign: &Campaign) -> Option<String> {
    if campaign.form_in_notice {
        return None;
    }
    let source =
        (definition.source.as_deref()).map_or(String::new(), |source| format!("依照{source}，"));
    Some(format!(
        "本次通知未附推荐表样式：表格版式{source}填表说明已按本次通知改写。请与主办单位发布的正式推荐表核对版式和栏目，有出入时以正式表格为准。"
    ))
}

/// Fills the placeholders of one template.
pub fn fill(template: &str, definition: &FormDefinition, campaign: &Campaign) -> String {
    if !template.contains('{') {
        return template.to_owned();
    }
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let key = &after[..close];
        match value_of(key, definition, campaign) {
            Some(value) => out.push_str(&value),
            None => {
                out.push('{');
                out.push_str(key);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The value of a placeholder this module knows, `None` for the ones it leaves alone.
fn value_of(key: &str, definition: &FormDefinition, campaign: &Campaign) -> Option<String> {
    match key {
        "year" => Some(campaign.year.to_string()),
        "photo" => Some(photo_words(campaign)),
        "channels" => Some(channels_clause(campaign)),
        "stories" => Some(stories_count(definition, campaign).unwrap_or_default()),
        "evidence" => Some(evidence_words(campaign).to_owned()),
        "life_photos" => Some(life_photos_words(campaign)),
        "naming" => Some(
            campaign
                .photo
                .naming
                .as_ref()
                .map_or_else(String::new, |naming| format!("报送时按“{naming}”命名，")),
        ),
        _ => {
            let field = key.strip_prefix("limit:")?;
            let limit = word_limit_in_force(definition, campaign, field);
            Some(limit.map(limit_words).unwrap_or_default())
        }
    }
}

/// The definition worded for one campaign: 填表说明 (the notice's own where it has them),
/// help texts, examples, rule messages and cell headings with the campaign's facts.
pub fn worded(definition: &FormDefinition, campaign: &Campaign) -> FormDefinition {
    let fill = |text: &str| fill(text, definition, campaign);
    let mut form = definition.clone();
    form.instructions = match &campaign.instructions {
        Some(own) => own.clone(),
        None => definition
            .instructions
            .iter()
            .map(|item| fill(item))
            .collect(),
    };
    for section in &mut form.sections {
        word_section(section, &fill);
    }
    for row in &mut form.print.table.rows {
        if let PrintRow::Cells { cells, .. } = row {
            for cell in cells {
                if let CellContent::Value {
                    heading: Some(heading),
                    ..
                } = &mut cell.content
                {
                    *heading = fill(heading);
                }
            }
        }
    }
    form
}

fn word_section(section: &mut Section, fill: &impl Fn(&str) -> String) {
    let fill_option = |text: &mut Option<String>| {
        if let Some(text) = text {
            *text = fill(text);
        }
    };
    fill_option(&mut section.help);
    for field in &mut section.fields {
        fill_option(&mut field.help);
        fill_option(&mut field.placeholder);
        for rule in &mut field.rules {
            if let Some(message) = rule.message_mut() {
                *message = fill(message);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::catalog::Catalog;

    fn campaign(id: &str) -> (FormDefinition, Campaign) {
        let catalog = Catalog::builtin().expect("the built-in files load");
        let campaign = catalog.campaign(id).expect("built in").clone();
        let form = catalog.form(&campaign.form).expect("its form").clone();
        (form, campaign)
    }

    #[test]
    fn the_photo_is_named_by_size_background_and_colour() {
        let (_, mut campaign) = campaign("xinxiang-2023");
        assert_eq!(photo_words(&campaign), "小2寸正面免冠彩色标准照");
        let photo = &mut campaign.photo.id_photo;
        (photo.width_mm, photo.height_mm) = (25.0, 35.0);
        photo.background = Some("蓝底".into());
        photo.colour = false;
        assert_eq!(photo_words(&campaign), "1寸蓝底正面免冠标准照");
        campaign.photo.id_photo.width_mm = 30.0;
        assert_eq!(photo_words(&campaign), "30×35毫米蓝底正面免冠标准照");
    }

    #[test]
    fn placeholders_are_filled_and_others_left_for_the_checks() {
        let (form, mut campaign) = campaign("hengshui-2019");
        let filled = fill(
            "{year}年：{limit:main_deeds}、{limit:deeds_material}、{stories}；「{label}」{unknown",
            &form,
            &campaign,
        );
        assert_eq!(
            filled,
            "2019年：1500字左右、3000字以内、1—2个；「{label}」{unknown"
        );
        campaign.stories = Some(crate::form::campaign::CountRange { min: 2, max: 2 });
        assert_eq!(fill("{stories}", &form, &campaign), "2个");
        assert_eq!(fill("{naming}", &form, &campaign), "");
        assert_eq!(
            fill("{life_photos}", &form, &campaign),
            "本人近期工作照原图3张"
        );
    }

    #[test]
    fn only_a_notice_without_its_form_gets_the_layout_note() {
        let (form, campaign) = campaign("xinxiang-2023");
        assert_eq!(layout_note(&form, &campaign), None);
        let (form, campaign) = self::campaign("beijing-2022");
        let note = layout_note(&form, &campaign).unwrap_or_default();
        assert!(note.contains("2023年新乡“最美科技工作者”推荐表"), "{note}");
        assert!(note.contains("正式推荐表核对"), "{note}");
    }
}
