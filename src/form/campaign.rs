//! A campaign is one notice (a city and a year): what it prints on the form, the limits it sets,
//! the photos and materials it asks for, where and when to send them. One JSON file each, so a
//! new notice next year is a new file, not new code. Facts come only from the notice; where the
//! notice is silent the file says so in `silent` instead of inventing a value.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::campaign_rules::{
    BornAfter, Condition, DeadlineStage, PhotoSize, Scope, ShareRule, VideoRules,
};
use super::limit::WordLimit;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    /// Stable id, e.g. `xinxiang-2023`; drafts refer to it.
    pub id: String,
    pub city: String,
    pub year: u16,
    /// Id of the form definition this campaign prints.
    pub form: String,
    /// The notice's own title and document number, for the checklist.
    pub notice_title: String,
    #[serde(default)]
    pub document_number: Option<String>,
    /// The date the notice was issued (YYYY-MM-DD), where the notice gives it.
    #[serde(default)]
    pub issued: Option<String>,
    /// Title printed on the cover and the table, e.g. 2023年新乡“最美科技工作者”推荐表.
    pub form_title: String,
    /// Title of the summary table (附件2), e.g. 2023年新乡“最美科技工作者”候选人汇总表.
    pub summary_title: String,
    pub organisers: Vec<String>,
    /// Ages (youth rule, plausibility) are computed on this date (YYYY-MM-DD): the deadline.
    pub reference_date: String,
    pub deadline: Deadline,
    /// Word limits by field id (`main_deeds`, `stories`, `deeds_material`); a field not listed
    /// here keeps the default of the form definition.
    #[serde(default)]
    pub word_limits: BTreeMap<String, WordLimit>,
    /// How many 感人故事 the notice asks for, where it says.
    #[serde(default)]
    pub stories: Option<CountRange>,
    pub photo: PhotoRules,
    pub paper_copies: Vec<PaperCopies>,
    pub materials: Vec<Material>,
    pub submission: Submission,
    /// What must be done before the materials are sent, in the notice's words (公示, 审核确认 …).
    #[serde(default)]
    pub before_submission: Vec<String>,
    /// The short name of the summary material where the notice does not call it 汇总表 (衡水
    /// 2019: 初选人名单); buttons, messages and the checklist use it.
    #[serde(default)]
    pub summary_name: Option<String>,
    /// Shares of a category over the candidates besides the youth rule (e.g. 企业科技工作者不
    /// 超过30%).
    #[serde(default)]
    pub share_rules: Vec<ShareRule>,
    #[serde(default)]
    pub quotas: Vec<Quota>,
    #[serde(default)]
    pub youth_rule: Option<YouthRule>,
    pub eligibility: Eligibility,
    /// How many will be chosen, as the notice says it.
    #[serde(default)]
    pub selection: Option<String>,
    /// Whether the notice contains its form (附件1): its 填表说明 and layout are then the
    /// notice's own. Where it does not, the form follows the template of the form definition
    /// and the app says so.
    #[serde(default)]
    pub form_in_notice: bool,
    /// The notice's own 填表说明, word for word, where it has them; otherwise the template's
    /// are worded with this campaign's year, limits, photo and channels.
    #[serde(default)]
    pub instructions: Option<Vec<String>>,
    /// Where the 佐证材料 go; `None` keeps the form definition's place (after the table).
    #[serde(default)]
    pub evidence: Option<EvidenceRules>,
    /// What the notice does not say, one sentence each (so nobody mistakes a gap for a fact).
    #[serde(default)]
    pub silent: Vec<String>,
}

/// Where a notice puts the 佐证材料 (evidence of honours and awards).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRules {
    pub placement: EvidencePlacement,
    /// The notice's own words about them.
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum EvidencePlacement {
    /// Pages of the 推荐表 after the table (新乡: 最多两页，装订在推荐表之后).
    AfterForm,
    /// A booklet of its own with a cover page (衡水 2024: 统一封面，单独成册).
    Booklet,
    /// The notice does not ask for them: nothing is printed.
    NotAsked,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// YYYY-MM-DD.
    pub date: String,
    /// The notice's own words, e.g. 于4月30日前报送.
    pub text: String,
    /// Time of day (HH:MM) on `date`, where the notice gives one.
    #[serde(default)]
    pub time: Option<String>,
    /// Where the notice sets more than one date (electronic by one, paper by another): each
    /// stage; `date` is then the last of them.
    #[serde(default)]
    pub stages: Vec<DeadlineStage>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CountRange {
    pub min: u32,
    pub max: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PhotoRules {
    /// The ID photo (证件照) and what the notice says of it.
    pub id_photo: IdPhoto,
    /// Life or work photos showing the deeds (生活或工作照片), how many.
    #[serde(default)]
    pub life_work_photos: Option<CountRange>,
    /// File format asked for, e.g. `jpg`.
    #[serde(default)]
    pub format: Option<String>,
    /// Minimum file size in bytes (不小于2MB → 2097152).
    #[serde(default)]
    pub min_file_bytes: Option<u64>,
    /// File naming, e.g. 姓名+序号.
    #[serde(default)]
    pub naming: Option<String>,
    /// The notice's own words about photos.
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IdPhoto {
    /// e.g. 小2寸正面免冠彩色照片.
    pub description: String,
    /// The size as the notice names it (小2寸, 2寸, 1寸); where `width_mm`/`height_mm` are left
    /// out, they are taken from it when the file is loaded.
    #[serde(default)]
    pub size: Option<PhotoSize>,
    /// Printed size in mm; the ratio used for cropping.
    #[serde(default)]
    pub width_mm: f32,
    #[serde(default)]
    pub height_mm: f32,
    /// Where the size in mm comes from (the notice only says 小2寸).
    #[serde(default)]
    pub size_source: String,
    /// False where the notice asks for no ID photo at all: the photo field is then not part of
    /// the form (no finding, the photo cell printed blank).
    #[serde(default = "asked")]
    pub asked: bool,
    /// Background colour asked for, e.g. 白底; None where the notice is silent.
    #[serde(default)]
    pub background: Option<String>,
    #[serde(default)]
    pub colour: bool,
}

fn asked() -> bool {
    true
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PaperCopies {
    /// Material id (see `materials`).
    pub material: String,
    pub copies: u32,
}

/// Who produces a material: the app, or a person by hand.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Producer {
    /// The app makes it (推荐表 PDF, 汇总表 PDF, photos renamed, Word copy).
    App,
    /// Written, signed, stamped or recorded by hand, then added to the package.
    Manual,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Material {
    pub id: String,
    /// As the notice names it, e.g. 《2023年新乡“最美科技工作者”推荐表》.
    pub name: String,
    /// Who prepares it: the candidate or the recommending unit.
    pub by: Party,
    pub produced_by: Producer,
    /// Needed on paper, electronically, or both.
    pub paper: bool,
    pub electronic: bool,
    /// Whose seal it needs, if any (e.g. 推荐单位公章).
    #[serde(default)]
    pub stamp: Option<String>,
    #[serde(default)]
    pub optional: bool,
    /// Format or other requirement in the notice's words.
    #[serde(default)]
    pub note: Option<String>,
    /// Which candidates it applies to, where only some (e.g. 仅限企业负责人).
    #[serde(default)]
    pub applies_to: Option<String>,
    /// What the notice asks of a video (format, duration, resolution).
    #[serde(default)]
    pub video: Option<VideoRules>,
    /// The file name the notice asks for, `{姓名}` standing for the candidate's name (e.g.
    /// `{姓名}-佐证材料.pdf`).
    #[serde(default)]
    pub file_name: Option<String>,
    /// All of it in one PDF per candidate (e.g. the evidence images).
    #[serde(default)]
    pub one_pdf: bool,
}

impl Material {
    /// A material by its id and name, who prepares it and how; neither on paper nor
    /// electronic yet, the optional parts (seal, note, video …) empty.
    pub fn new(id: &str, name: String, by: Party, produced_by: Producer) -> Self {
        Material {
            id: id.to_owned(),
            name,
            by,
            produced_by,
            paper: false,
            electronic: false,
            stamp: None,
            optional: false,
            note: None,
            applies_to: None,
            video: None,
            file_name: None,
            one_pdf: false,
        }
    }

    /// The file name for one candidate, where the notice gives a pattern.
    pub fn file_name_for(&self, candidate: &str) -> Option<String> {
        (self.file_name.as_ref()).map(|pattern| pattern.replace("{姓名}", candidate))
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Candidate,
    Recommender,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// Name of the electronic package, e.g. 最美科技工作者+推荐单位.
    #[serde(default)]
    pub package_name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// Office that receives the paper materials.
    pub office: String,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub postcode: Option<String>,
    #[serde(default)]
    pub contacts: Vec<String>,
    #[serde(default)]
    pub phones: Vec<String>,
    /// How photos and video travel, where the notice says (e.g. 光盘或U盘).
    #[serde(default)]
    pub media: Option<String>,
    /// The materials (ids) that go on `media`.
    #[serde(default)]
    pub media_materials: Vec<String>,
    /// Only electronic files are sent: no paper copies.
    #[serde(default)]
    pub electronic_only: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    /// The recommending channel, e.g. 各县（市、区）科协联合有关单位.
    pub channel: String,
    #[serde(default)]
    pub min: Option<u32>,
    pub max: u32,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct YouthRule {
    /// Youth means at most this age in whole years on the reference date (45岁以下 → 45; 以下
    /// includes the number, 民法典第一千二百五十九条).
    pub under_age: u32,
    /// Minimum share of youth among a unit's candidates, in percent; None where the notice
    /// only asks to consider young people (兼顾) without a figure.
    #[serde(default)]
    pub min_percent: Option<u32>,
    /// Whether the share is counted per recommending unit or over the whole city; None where
    /// the notice does not say.
    #[serde(default)]
    pub scope: Option<Scope>,
}

impl CountRange {
    /// As a notice says it: 3张 where both ends agree, else 3—5张.
    pub fn words(&self, unit: &str) -> String {
        if self.min == self.max {
            format!("{}{unit}", self.max)
        } else {
            format!("{}—{}{unit}", self.min, self.max)
        }
    }
}

impl Campaign {
    /// Where the 佐证材料 go; a campaign file that does not say keeps the form's place.
    pub fn evidence_placement(&self) -> EvidencePlacement {
        self.evidence
            .as_ref()
            .map_or(EvidencePlacement::AfterForm, |rules| rules.placement)
    }
}

impl YouthRule {
    pub fn is_young(&self, age: i32) -> bool {
        (0..=self.under_age as i32).contains(&age)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// Who is excluded, in the notice's words (现役军人, 公务员…县处级以上 …).
    pub excluded: Vec<String>,
    /// The level of office above which civil servants are excluded: 县处级 or 司局级.
    #[serde(default)]
    pub official_level: Option<String>,
    #[serde(default)]
    pub soldiers_excluded: bool,
    /// Titles that exclude a candidate, in the notice's words.
    #[serde(default)]
    pub titles_excluded: Option<String>,
    /// Words that name such a title in an answer (最美, 全国 …), where the file gives them; else
    /// the form's own words are looked for.
    #[serde(default)]
    pub title_words: Vec<String>,
    /// Whether individuals may apply themselves.
    #[serde(default)]
    pub individual_application: Option<bool>,
    /// Only candidates born on or after a date (e.g. 1979年1月1日以后出生).
    #[serde(default)]
    pub born_after: Option<BornAfter>,
    /// Other conditions the notice states, each shown as a hint on its field.
    #[serde(default)]
    pub conditions: Vec<Condition>,
}

impl Campaign {
    /// The summary material's short name: 汇总表 unless the notice calls it otherwise.
    pub fn summary_label(&self) -> &str {
        self.summary_name.as_deref().unwrap_or("汇总表")
    }

    /// Whether anything is sent on paper.
    pub fn has_paper(&self) -> bool {
        !self.submission.electronic_only && self.materials.iter().any(|m| m.paper)
    }
}
