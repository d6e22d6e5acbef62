//! The parts of a campaign file that vary from notice to notice beyond the five shipped ones:
//! named ID photo sizes and background colours, deadlines in stages and with a time of day,
//! video rules, eligibility by birth date and other stated conditions, and share rules over a
//! unit's or a city's candidates. Every field that uses these types is optional in the JSON, so
//! campaign files written before them load unchanged.

use serde::{Deserialize, Serialize};

use super::answers::Answers;

/// A named ID photo size. The notice names it; the millimetres are the usual ones in China.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub enum PhotoSize {
    /// 小2寸: 35×45 mm (the size the shipped campaigns use).
    #[serde(rename = "小2寸")]
    SmallTwoInch,
    /// 2寸: 35×49 mm.
    #[serde(rename = "2寸")]
    TwoInch,
    /// 1寸: 25×35 mm.
    #[serde(rename = "1寸")]
    OneInch,
}

impl PhotoSize {
    /// Width and height in millimetres.
    pub fn mm(self) -> (f32, f32) {
        match self {
            PhotoSize::SmallTwoInch => (35.0, 45.0),
            PhotoSize::TwoInch => (35.0, 49.0),
            PhotoSize::OneInch => (25.0, 35.0),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            PhotoSize::SmallTwoInch => "小2寸",
            PhotoSize::TwoInch => "2寸",
            PhotoSize::OneInch => "1寸",
        }
    }
}

/// The background colour an ID photo must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    White,
    Blue,
    Red,
}

impl Background {
    /// Reads 白底 / 蓝底 / 红底 (also 白色背景, 蓝色 …) from the notice's words; None for
    /// anything else (the words are then only shown, not drawn).
    pub fn from_words(words: &str) -> Option<Background> {
        let found: Vec<Background> = [
            ('白', Background::White),
            ('蓝', Background::Blue),
            ('红', Background::Red),
        ]
        .into_iter()
        .filter(|(c, _)| words.contains(*c))
        .map(|(_, colour)| colour)
        .collect();
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Background::White => "白底",
            Background::Blue => "蓝底",
            Background::Red => "红底",
        }
    }

    /// The colour as red, green, blue, for a swatch on screen.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Background::White => [255, 255, 255],
            Background::Blue => [67, 142, 219],
            Background::Red => [220, 30, 40],
        }
    }
}

impl super::campaign::IdPhoto {
    /// The background colour named by `background` (白底/蓝底/红底), where it names one.
    pub fn background_colour(&self) -> Option<Background> {
        self.background.as_deref().and_then(Background::from_words)
    }

    /// Fills `width_mm`/`height_mm` from the named size where the file leaves them out.
    pub fn resolve_size(&mut self) {
        if let Some(size) = self.size
            && self.width_mm <= 0.0
            && self.height_mm <= 0.0
        {
            (self.width_mm, self.height_mm) = size.mm();
        }
    }
}

/// One stage of the deadline where a notice sets more than one (electronic by one date, paper
/// by another).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DeadlineStage {
    /// What is due, e.g. 电子版材料 / 纸质材料.
    pub what: String,
    /// YYYY-MM-DD.
    pub date: String,
    /// Time of day HH:MM, where the notice gives one.
    #[serde(default)]
    pub time: Option<String>,
    /// The notice's own words for this stage.
    #[serde(default)]
    pub text: Option<String>,
}

/// What a notice asks of a video.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct VideoRules {
    /// File formats, e.g. MP4, MOV.
    #[serde(default)]
    pub formats: Vec<String>,
    /// Shortest and longest duration in seconds, where the notice says.
    #[serde(default)]
    pub min_seconds: Option<u32>,
    #[serde(default)]
    pub max_seconds: Option<u32>,
    /// Accepted resolutions as the notice writes them, e.g. 1920×1080.
    #[serde(default)]
    pub resolutions: Vec<String>,
}

impl VideoRules {
    /// One line for the checklist: 格式MP4或MOV；时长3分钟以内；分辨率1920×1080或1080×1920.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.formats.is_empty() {
            parts.push(format!("格式{}", self.formats.join("或")));
        }
        match (self.min_seconds, self.max_seconds) {
            (Some(min), Some(max)) => {
                parts.push(format!("时长{}至{}", duration(min), duration(max)))
            }
            (None, Some(max)) => parts.push(format!("时长{}以内", duration(max))),
            (Some(min), None) => parts.push(format!("时长不少于{}", duration(min))),
            (None, None) => {}
        }
        if !self.resolutions.is_empty() {
            parts.push(format!("分辨率{}", self.resolutions.join("或")));
        }
        parts.join("；")
    }
}

/// 180 → 3分钟, 90 → 1分30秒.
fn duration(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s}秒"),
        (m, 0) => format!("{m}分钟"),
        (m, s) => format!("{m}分{s}秒"),
    }
}

/// Eligibility by birth date: born on or after `date`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BornAfter {
    /// YYYY-MM-DD; born on this day or later is eligible.
    pub date: String,
    /// The notice's own words, e.g. 1979年1月1日以后出生.
    pub text: String,
}

/// A condition the notice states, shown as a hint on the field it concerns.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Field id of the form (e.g. `pro_title`).
    pub field: String,
    /// The notice's own words.
    pub text: String,
}

/// Over whose candidates a share is counted.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Each recommending unit's own candidates.
    Unit,
    /// All candidates of the city together (the organiser counts it).
    City,
}

/// The sentence that says how a share is counted, or that the notice does not say.
pub fn scope_text(scope: Option<Scope>) -> &'static str {
    match scope {
        Some(Scope::Unit) => "通知要求每个推荐单位的推荐人选分别达到",
        Some(Scope::City) => "通知按全市推荐人选合计计算，本单位的比例仅供参考",
        None => "通知未说明按推荐单位还是按全市计算；此处按所选人选计算，仅供参考",
    }
}

/// A share of a category over the whole batch (e.g. 企业科技工作者不超过30%).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ShareRule {
    /// The category as the notice names it.
    pub label: String,
    /// The form field that tells whether a candidate belongs to it.
    pub field: String,
    /// A candidate belongs when the field's answer (or one of its choices) contains one of
    /// these words.
    pub any_of: Vec<String>,
    #[serde(default)]
    pub min_percent: Option<u32>,
    #[serde(default)]
    pub max_percent: Option<u32>,
    #[serde(default)]
    pub scope: Option<Scope>,
    /// The notice's own words.
    pub text: String,
}

impl ShareRule {
    /// Whether a candidate's answers put them in the category.
    pub fn matches(&self, answers: &Answers) -> bool {
        let contains = |value: &str| self.any_of.iter().any(|word| value.contains(word.as_str()));
        contains(answers.text(&self.field)) || answers.list(&self.field).iter().any(|v| contains(v))
    }

    /// The limit in words: 不少于20% / 不超过30% / 20%—30%.
    pub fn limit_text(&self) -> String {
        match (self.min_percent, self.max_percent) {
            (Some(min), Some(max)) => format!("{min}%—{max}%"),
            (Some(min), None) => format!("不少于{min}%"),
            (None, Some(max)) => format!("不超过{max}%"),
            (None, None) => "通知未给比例".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backgrounds_from_the_notice_words() {
        assert_eq!(Background::from_words("白底"), Some(Background::White));
        assert_eq!(Background::from_words("蓝色背景"), Some(Background::Blue));
        assert_eq!(Background::from_words("红底"), Some(Background::Red));
        assert_eq!(Background::from_words("白底或蓝底"), None);
        assert_eq!(Background::from_words("浅色"), None);
    }

    #[test]
    fn video_rules_in_words() {
        let rules = VideoRules {
            formats: vec!["MP4".into(), "MOV".into()],
            max_seconds: Some(180),
            resolutions: vec!["1920×1080".into(), "1080×1920".into()],
            ..VideoRules::default()
        };
        assert_eq!(
            rules.describe(),
            "格式MP4或MOV；时长3分钟以内；分辨率1920×1080或1080×1920"
        );
        let span = VideoRules {
            min_seconds: Some(90),
            max_seconds: Some(300),
            ..VideoRules::default()
        };
        assert_eq!(span.describe(), "时长1分30秒至5分钟");
    }
}
