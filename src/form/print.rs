//! How the form is printed, as data: the page, the cover, the table as rows of cells on a column
//! grid (widths in mm, spans, which label or field each cell holds, which cells grow and may flow
//! to the next page), and the pages after the table. The PDF composer lays this out; nothing of
//! the official table's shape is hard-coded there.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PrintLayout {
    pub page: PageSpec,
    pub cover: Cover,
    pub table: Table,
    /// Pages after the table: images (佐证材料) and separate texts (事迹材料).
    #[serde(default)]
    pub after_table: Vec<AfterTable>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PageSpec {
    pub width_mm: f32,
    pub height_mm: f32,
    pub margin_top_mm: f32,
    pub margin_bottom_mm: f32,
    pub margin_left_mm: f32,
    pub margin_right_mm: f32,
    /// Body text size in points (五号 = 10.5).
    pub font_size_pt: f32,
    /// A single-line value may shrink down to this size before it wraps.
    pub min_font_size_pt: f32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    /// Lines under the title: label and the field printed after it.
    pub lines: Vec<CoverLine>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CoverLine {
    pub label: String,
    pub field: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Widths of the grid's columns in mm; they add up to the text width.
    pub columns_mm: Vec<f32>,
    pub rows: Vec<PrintRow>,
}

/// A row of the table: plain cells, or a group repeated once per answer row (学习工作经历).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum PrintRow {
    Cells {
        cells: Vec<Cell>,
        /// Height before growing; a growing cell may make the row taller.
        min_height_mm: f32,
    },
    Repeat {
        /// The rows field whose answer rows are printed.
        field: String,
        /// Cell at the left spanning the header and every repeated row (a vertical label).
        side: Cell,
        header: Vec<Cell>,
        cells: Vec<Cell>,
        /// Blank rows printed at least, so a short history still shows the table's shape.
        min_rows: u32,
        min_height_mm: f32,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// Grid columns covered.
    #[serde(default = "one")]
    pub span: u32,
    /// Rows covered (the photo cell).
    #[serde(default = "one")]
    pub row_span: u32,
    pub content: CellContent,
    /// The cell grows with its text, and its row may continue on the next page.
    #[serde(default)]
    pub grow: bool,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum CellContent {
    /// Fixed text, centred; `vertical` sets one character per line.
    Label {
        text: String,
        #[serde(default)]
        vertical: bool,
    },
    /// A field's answer; a long text may print under a heading of the form's own words
    /// (主要事迹（1500字左右），内容应…), worded per campaign.
    Value {
        field: String,
        #[serde(default)]
        heading: Option<String>,
    },
    /// A column of the enclosing repeated row.
    Column {
        column: String,
    },
    /// Two columns of the enclosing repeated row printed as a period (2006.09—2010.07).
    Period {
        from: String,
        to: String,
    },
    /// A multi-choice field printed as ☑/☐ boxes, every option shown.
    Checkboxes {
        field: String,
    },
    Photo {
        field: String,
    },
    /// Fixed text followed by blanks for the candidate's signature and date.
    Statement {
        text: String,
        signature: String,
        date: String,
    },
    /// A unit's opinion: its text, then the seal place and the date blank.
    Opinion {
        field: String,
        seal: String,
        date: String,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum AfterTable {
    /// Images with captions, on at most `max_pages` pages, under a heading.
    Images {
        field: String,
        heading: String,
        max_pages: u32,
    },
    /// A separate text on pages of its own, under a heading (only printed when filled in).
    Text { field: String, heading: String },
}

impl CellContent {
    /// The fields this content prints (for the load-time check that every field is printed).
    pub fn fields(&self) -> Vec<&str> {
        match self {
            CellContent::Label { .. } | CellContent::Column { .. } | CellContent::Period { .. } => {
                Vec::new()
            }
            CellContent::Value { field, .. }
            | CellContent::Checkboxes { field }
            | CellContent::Photo { field } => vec![field.as_str()],
            CellContent::Statement {
                signature, date, ..
            } => vec![signature.as_str(), date.as_str()],
            CellContent::Opinion { field, seal, date } => {
                vec![field.as_str(), seal.as_str(), date.as_str()]
            }
        }
    }

    /// The columns of a repeated row this content prints.
    pub fn columns(&self) -> Vec<&str> {
        match self {
            CellContent::Column { column } => vec![column.as_str()],
            CellContent::Period { from, to } => vec![from.as_str(), to.as_str()],
            _ => Vec::new(),
        }
    }
}

impl AfterTable {
    pub fn field(&self) -> &str {
        match self {
            AfterTable::Images { field, .. } | AfterTable::Text { field, .. } => field,
        }
    }
}
