//! The shares a notice asks of the candidates besides the youth rule (e.g. 企业科技工作者不超过
//! 30%), counted over the selected candidates, with how the notice counts them: per unit, over
//! the whole city, or not said.

use crate::form::answers::Answers;
use crate::form::campaign::Campaign;
use crate::form::campaign_rules::{Scope, ShareRule, scope_text};

/// One share rule against a set of candidates.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareFigure {
    pub label: String,
    pub matching: usize,
    pub counted: usize,
    pub min_percent: Option<u32>,
    pub max_percent: Option<u32>,
    pub scope: Option<Scope>,
    limit: String,
}

impl ShareFigure {
    pub fn percent(&self) -> f32 {
        if self.counted == 0 {
            0.0
        } else {
            self.matching as f32 * 100.0 / self.counted as f32
        }
    }

    /// Whether the selection meets the rule; None without candidates.
    pub fn meets_rule(&self) -> Option<bool> {
        if self.counted == 0 {
            return None;
        }
        let share = self.matching * 100;
        let above_min = self
            .min_percent
            .is_none_or(|min| share >= min as usize * self.counted);
        let below_max = self
            .max_percent
            .is_none_or(|max| share <= max as usize * self.counted);
        Some(above_min && below_max)
    }

    /// The figure as the secretary reads it.
    pub fn describe(&self) -> String {
        let verdict = match self.meets_rule() {
            Some(true) => "符合",
            Some(false) => "不符合",
            None => "还无法判断",
        };
        format!(
            "{}{}人，共{}人，占{:.0}%（通知要求{}，{verdict}；{}）",
            self.label,
            self.matching,
            self.counted,
            self.percent(),
            self.limit,
            scope_text(self.scope)
        )
    }
}

fn figure(rule: &ShareRule, candidates: &[&Answers]) -> ShareFigure {
    ShareFigure {
        label: rule.label.clone(),
        matching: candidates.iter().filter(|a| rule.matches(a)).count(),
        counted: candidates.len(),
        min_percent: rule.min_percent,
        max_percent: rule.max_percent,
        scope: rule.scope,
        limit: rule.limit_text(),
    }
}

/// Every share rule of the campaign against the candidates' answers.
pub fn share_figures(campaign: &Campaign, candidates: &[&Answers]) -> Vec<ShareFigure> {
    (campaign.share_rules.iter())
        .map(|rule| figure(rule, candidates))
        .collect()
}
