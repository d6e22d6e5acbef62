//! The summary table (候选人汇总表, 附件2): one row per candidate, every cell filled from the
//! candidate's form, never retyped.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SummaryTable {
    /// Printed above the table, left: 推荐单位（盖章）：
    pub unit_line: String,
    pub columns: Vec<SummaryColumn>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SummaryColumn {
    pub label: String,
    /// Relative width; the composer scales widths to the landscape page.
    pub width: f32,
    pub source: SummarySource,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum SummarySource {
    /// The row number (序号).
    Index,
    /// One or more fields' printed values, joined by `separator`.
    Fields {
        fields: Vec<String>,
        #[serde(default)]
        separator: String,
    },
}

impl SummarySource {
    pub fn fields(&self) -> &[String] {
        match self {
            SummarySource::Index => &[],
            SummarySource::Fields { fields, .. } => fields,
        }
    }
}
