//! The form definition: the fields a person fills in, section by section, with their help text
//! and rules, and the description of the printed table. It is data (`assets/forms/*.json`) so
//! the engine, the PDF and the GUI serve any year's form without code changes.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::limit::WordLimit;
use super::print::PrintLayout;
use super::rules::Rule;
use super::summary::SummaryTable;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FormDefinition {
    pub id: String,
    pub version: u32,
    /// Generic title; the campaign's `form_title` is what is printed.
    pub title: String,
    /// The form this definition's layout was taken from (a notice's 附件1), told to users of
    /// campaigns whose notice does not contain its own form.
    #[serde(default)]
    pub source: Option<String>,
    /// The 填表说明, one item each, printed on the optional instructions page.
    pub instructions: Vec<String>,
    /// Default word limits of the form itself, by field id; a campaign may override them.
    #[serde(default)]
    pub word_limits: BTreeMap<String, WordLimit>,
    pub sections: Vec<Section>,
    pub print: PrintLayout,
    pub summary: SummaryTable,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub help: Option<String>,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    pub label: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    /// Guidance shown beside the field, from the 填表说明 where it says something.
    #[serde(default)]
    pub help: Option<String>,
    #[serde(default)]
    pub placeholder: Option<String>,
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// The field exists only in campaigns that set a word limit with this key
    /// (e.g. the separate 3000字 事迹材料 of 衡水 2019).
    #[serde(default)]
    pub only_if_campaign_limit: Option<String>,
    /// The field exists only in campaigns that ask for this material (e.g. `life_work_photos`).
    #[serde(default)]
    pub only_if_campaign_material: Option<String>,
    /// The field holds the 佐证材料: it exists unless the campaign says the notice does not
    /// ask for them.
    #[serde(default)]
    pub only_if_campaign_evidence: bool,
    /// Handed in as files beside the table (生活或工作照片), never printed in it.
    #[serde(default)]
    pub files_only: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Paragraphs; a word limit applies when the form or campaign sets one for this field id.
    Multiline,
    /// One of a list; with `allow_other` any other text is accepted (其他).
    Choice {
        options: Vec<String>,
        #[serde(default)]
        allow_other: bool,
    },
    /// 年月, stored as YYYY-MM.
    YearMonth,
    /// 年月日, stored as YYYY-MM-DD.
    Date,
    /// Several of a list (推荐领域).
    MultiChoice {
        options: Vec<String>,
        #[serde(default)]
        min: u32,
    },
    /// Repeated rows of columns (学习工作经历).
    Rows {
        columns: Vec<Column>,
        #[serde(default)]
        min_rows: u32,
    },
    /// One photo (the 小2寸 ID photo).
    Photo,
    /// Several images with captions (佐证材料).
    Images {
        #[serde(default)]
        max_pages: u32,
    },
    /// Printed blank for handwriting or a seal; nothing to fill in on screen.
    PrintBlank { blank: BlankKind },
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum BlankKind {
    Signature,
    HandwrittenDate,
    Seal,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub id: String,
    pub label: String,
    pub kind: ColumnKind,
    #[serde(default)]
    pub placeholder: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Text,
    YearMonth,
    /// A year-month or 至今 (to the present).
    YearMonthOrPresent,
}

impl FieldKind {
    /// Whether a person types or picks something for this field (print blanks are not filled).
    pub fn is_fillable(&self) -> bool {
        !matches!(self, FieldKind::PrintBlank { .. })
    }
}

impl FormDefinition {
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.sections
            .iter()
            .flat_map(|section| section.fields.iter())
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().find(|field| field.id == id)
    }

    /// Whether a field holds paragraphs (printed with a first-line indent).
    pub fn is_multiline(&self, id: &str) -> bool {
        self.field(id)
            .is_some_and(|field| field.kind == FieldKind::Multiline)
    }

    /// The options of a choice or multi-choice field (empty for other kinds).
    pub fn options(&self, id: &str) -> &[String] {
        match self.field(id).map(|field| &field.kind) {
            Some(FieldKind::MultiChoice { options, .. } | FieldKind::Choice { options, .. }) => {
                options
            }
            _ => &[],
        }
    }

    /// The section holding a field, for jumping to it.
    pub fn section_of(&self, field_id: &str) -> Option<&Section> {
        self.sections
            .iter()
            .find(|section| section.fields.iter().any(|field| field.id == field_id))
    }
}
