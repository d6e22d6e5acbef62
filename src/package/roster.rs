//! The secretary's table: one line per candidate of a campaign (name, unit, age, errors,
//! warnings, completeness), and the figure the notices ask to keep an eye on: the share of young
//! candidates (e.g. 45岁以下不低于20% in 衡水 2024) and how many a channel may recommend.

use crate::draft::{Draft, DraftFolder};
use crate::form::campaign::Campaign;
use crate::form::campaign_rules::{Scope, scope_text};
use crate::form::dates::{Date, YearMonth};
use crate::form::definition::FormDefinition;
use crate::form::validate::{Severity, completeness, validate};

/// One candidate as the secretary's table shows it.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub folder: DraftFolder,
    pub draft: Draft,
    pub name: String,
    pub unit: String,
    /// Whole years on the campaign's reference date; None while 出生年月 is missing or unreadable.
    pub age: Option<i32>,
    pub errors: usize,
    pub warnings: usize,
    /// Required fields filled / required fields.
    pub completeness: (usize, usize),
}

impl Candidate {
    pub fn new(
        folder: DraftFolder,
        draft: Draft,
        definition: &FormDefinition,
        campaign: &Campaign,
    ) -> Self {
        let findings = validate(definition, campaign, &draft.answers);
        let missing = folder.missing_photos(definition, &draft);
        let count = |severity: Severity| {
            findings
                .iter()
                .chain(&missing)
                .filter(|f| f.severity == severity)
                .count()
        };
        Candidate {
            name: draft.candidate_name(),
            unit: draft.answers.text("work_unit").trim().to_owned(),
            age: age_on_reference_date(&draft, campaign),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            completeness: completeness(definition, campaign, &draft.answers),
            folder,
            draft,
        }
    }
}

pub fn age_on_reference_date(draft: &Draft, campaign: &Campaign) -> Option<i32> {
    let born = YearMonth::parse(draft.answers.text("birth")).ok()?;
    let day = Date::parse(&campaign.reference_date).ok()?;
    Some(day.age_of(born)).filter(|age| *age >= 0)
}

/// The youth share of a set of candidates, against the campaign's rule.
#[derive(Debug, Clone, PartialEq)]
pub struct YouthFigure {
    pub under_age: u32,
    pub young: usize,
    /// Candidates whose age is known.
    pub counted: usize,
    /// Candidates without a readable 出生年月.
    pub unknown: usize,
    pub required_percent: Option<u32>,
    /// Per unit or over the city, where the notice says.
    pub scope: Option<Scope>,
}

impl YouthFigure {
    pub fn percent(&self) -> f32 {
        if self.counted == 0 {
            0.0
        } else {
            self.young as f32 * 100.0 / self.counted as f32
        }
    }

    /// Whether the share meets the rule: None while it cannot be told (no candidate, or some
    /// without a readable 出生年月); always met where the notice gives no figure.
    pub fn meets_rule(&self) -> Option<bool> {
        match self.required_percent {
            None => Some(true),
            Some(_) if self.counted == 0 || self.unknown > 0 => None,
            Some(required) => Some(self.young * 100 >= required as usize * self.counted),
        }
    }

    /// The figure as the secretary reads it.
    pub fn describe(&self) -> String {
        let mut text = format!(
            "{}岁以下{}人，共{}人，占{:.0}%",
            self.under_age,
            self.young,
            self.counted,
            self.percent()
        );
        if let Some(required) = self.required_percent {
            let verdict = match self.meets_rule() {
                Some(true) => "符合",
                Some(false) => "未达到",
                None => "还无法判断",
            };
            text.push_str(&format!(
                "（通知要求不低于{required}%，{verdict}；{}）",
                scope_text(self.scope)
            ));
        } else {
            text.push_str("（通知要求兼顾青年科技工作者，未规定比例）");
        }
        if self.unknown > 0 {
            text.push_str(&format!("；另有{}人出生年月未填或无法识别", self.unknown));
        }
        text
    }
}

/// None where the campaign has no youth rule.
pub fn youth_figure(campaign: &Campaign, candidates: &[&Candidate]) -> Option<YouthFigure> {
    let rule = campaign.youth_rule?;
    let ages: Vec<i32> = candidates.iter().filter_map(|c| c.age).collect();
    Some(YouthFigure {
        under_age: rule.under_age,
        young: ages.iter().filter(|age| rule.is_young(**age)).count(),
        counted: ages.len(),
        unknown: candidates.len() - ages.len(),
        required_percent: rule.min_percent,
        scope: rule.scope,
    })
}

/// The campaign's quotas in one line, with the number selected, for the secretary to compare
/// with their own channel (a draft does not say which channel recommends it); None without
/// quotas.
pub fn quota_line(campaign: &Campaign, selected: usize) -> Option<String> {
    if campaign.quotas.is_empty() {
        return None;
    }
    let quotas: Vec<String> = campaign
        .quotas
        .iter()
        .map(|quota| match quota.min {
            Some(min) if min != quota.max => format!("{}{min}—{}名", quota.channel, quota.max),
            _ => format!("{}不超过{}名", quota.channel, quota.max),
        })
        .collect();
    Some(format!(
        "名额（按推荐渠道）：{}。已选{selected}名，请对照本单位所属渠道。",
        quotas.join("；")
    ))
}
