//! The rules a field carries, as data. Each rule names what it checks; the checking itself is in
//! `validate` and its modules. Messages that depend on the form's wording live in the data
//! (`message`); the rest are phrased in code with the field's label.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// A well-formed value of a common kind.
    Format { format: TextFormat },
    /// Words that are not a valid answer on their own (专业技术职务: 正高, 副高, 中级).
    Forbidden { words: Vec<String>, message: String },
    /// Full names asked for (毕业院校、工作单位填写全称): a hint below `min_chars`.
    FullName { min_chars: usize, message: String },
    /// The Word-compatible count against the form's or campaign's limit for this field.
    WordLimit,
    /// 感人故事: how many stories, from headings like 故事一 / 一、.
    StoryCount { min: u32, max: u32 },
    /// The text must state one of these (同意推荐 / 不同意推荐).
    States {
        any_of: Vec<String>,
        message: String,
    },
    /// The text should address each topic (政治表现、廉洁自律 …); a hint per missing topic.
    Covers { topics: Vec<Topic>, message: String },
    /// Dates written with Arabic numerals (填表说明3), not 二〇一九年.
    ArabicDates,
    /// 出生年月 plausible for a working person on the campaign's reference date.
    PlausibleBirth { min_age: u32, max_age: u32 },
    /// The campaign's youth rule: tells the candidate's age and whether they count as youth.
    YouthHint,
    /// 学习工作经历: in order, no overlaps, gaps over `max_gap_months` warned, starting at
    /// graduation studies.
    History {
        start: String,
        end: String,
        what: String,
        max_gap_months: u32,
        study_words: Vec<String>,
    },
    /// The photo's resolution and ratio for the campaign's print size.
    PhotoPrint {
        min_dpi: u32,
        ratio_tolerance_percent: u32,
    },
    /// Evidence images readable when printed on at most the given pages.
    ImagesPrint { min_dpi: u32 },
    /// Photos handed in as files (生活或工作照片): as many as the notice asks, in its format
    /// and file size.
    PackagePhotos,
    /// Eligibility: words in the position that suggest an excluded office. Which words apply
    /// follows the campaign: `levels` by its `official_level` (县处级 → 处长, 县长 …; 司局级 →
    /// 厅长, 司长 …), `soldier_words` where it excludes serving soldiers, `words` always. A
    /// campaign that excludes nobody gets no hint.
    ExcludedOffice {
        #[serde(default)]
        words: Vec<String>,
        #[serde(default)]
        levels: BTreeMap<String, Vec<String>>,
        #[serde(default)]
        soldier_words: Vec<String>,
        message: String,
    },
    /// Eligibility: a title already held that excludes the candidate. The campaign's own
    /// `title_words` are looked for, else these `words`; a campaign that excludes no title
    /// gets no warning.
    TitleHeld { words: Vec<String>, message: String },
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    /// 手机: 11 digits starting with 1.
    Mobile,
    /// 办公电话: area code and number, or a mobile.
    Phone,
    Email,
    /// 邮编: 6 digits.
    Postcode,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub name: String,
    pub any_of: Vec<String>,
}

impl Rule {
    /// The rule's message from the definition, where it has one (for wording per campaign).
    pub fn message_mut(&mut self) -> Option<&mut String> {
        match self {
            Rule::Forbidden { message, .. }
            | Rule::FullName { message, .. }
            | Rule::States { message, .. }
            | Rule::Covers { message, .. }
            | Rule::ExcludedOffice { message, .. }
            | Rule::TitleHeld { message, .. } => Some(message),
            _ => None,
        }
    }
}
