//! The printed form, resolved once from the definition, the campaign and the answers, without
//! measuring any text: the cover, the 填表说明, the table on its grid (groups, spans, values as
//! printed, which rows may continue on the next page), and the pages after it. The PDF composer
//! measures, breaks and paginates from this; the Word copy maps it to Word's tables and
//! paragraphs. Where the campaign does not ask for a field, both print it blank, and a row or a
//! page holding nothing else is left out.

mod evidence;
mod sizes;
mod table;
mod values;

#[cfg(test)]
mod tests;

pub use evidence::{
    EVIDENCE_DPI, ImageTarget, PlacedImage, evidence_area, evidence_boxes, evidence_layout,
    image_targets,
};
pub use sizes::*;
pub use table::{
    CellValue, GroupKind, PrintedCell, PrintedRow, PrintedTable, RowGroup, SpanningCell,
};
pub use values::{period, printed};

use crate::form::answers::Answers;
use crate::form::campaign::{Campaign, EvidencePlacement};
use crate::form::definition::FormDefinition;
use crate::form::print::{AfterTable, PageSpec};
use crate::form::validate::is_relevant;

/// A rectangle on the page, in mm from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Area {
    pub fn inset(self, by: f32) -> Area {
        Area {
            x: self.x + by,
            y: self.y + by,
            width: (self.width - 2.0 * by).max(0.0),
            height: (self.height - 2.0 * by).max(0.0),
        }
    }
    pub fn right(self) -> f32 {
        self.x + self.width
    }
    pub fn bottom(self) -> f32 {
        self.y + self.height
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PrintedForm {
    pub page: PageSpec,
    /// The document's title: the form's, with the candidate's name when there is one.
    pub title: String,
    pub cover: CoverPart,
    /// The 填表说明, one item a paragraph (empty when the definition has none).
    pub instructions: Vec<String>,
    pub table: PrintedTable,
    pub after_table: Vec<AfterPart>,
    /// The 佐证材料 as a booklet of their own, where the campaign asks for one (衡水 2024:
    /// 统一封面，单独成册); they are then not among the pages after the table.
    pub booklet: Option<Booklet>,
}

/// A separate booklet: its cover, then its pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Booklet {
    pub title: String,
    pub cover: CoverPart,
    pub parts: Vec<AfterPart>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CoverPart {
    /// The title's first line, and 推荐表 on a line of its own when the title ends with it.
    pub title: String,
    pub subtitle: Option<String>,
    pub lines: Vec<CoverLineValue>,
}

/// A cover line: its label, and the answer written on its rule.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverLineValue {
    pub label: String,
    pub field: String,
    pub value: String,
}

/// A page or pages after the table.
#[derive(Debug, Clone, PartialEq)]
pub enum AfterPart {
    /// Evidence images with their captions, under a heading.
    Evidence {
        field: String,
        heading: String,
        /// Pages they take.
        pages: usize,
        images: Vec<PlacedImage>,
    },
    /// A separate text (事迹材料) under a heading, on pages of its own.
    Text {
        field: String,
        heading: String,
        text: String,
    },
}

/// What resolving reads.
struct Source<'a> {
    definition: &'a FormDefinition,
    campaign: &'a Campaign,
    answers: &'a Answers,
}

impl Source<'_> {
    /// Whether the campaign asks for the field.
    fn relevant(&self, field: &str) -> bool {
        self.definition
            .field(field)
            .is_some_and(|f| is_relevant(f, self.campaign))
    }
}

/// The printed form of a draft.
pub fn resolve(definition: &FormDefinition, campaign: &Campaign, answers: &Answers) -> PrintedForm {
    let source = Source {
        definition,
        campaign,
        answers,
    };
    let name = answers.text("name");
    let title = if name.is_empty() {
        campaign.form_title.clone()
    } else {
        format!("{}（{}）", campaign.form_title, name)
    };
    let (mut after_table, mut booklet_parts) = (after_table(&source), Vec::new());
    if campaign.evidence_placement() == EvidencePlacement::Booklet {
        (booklet_parts, after_table) =
            (after_table.into_iter()).partition(|part| matches!(part, AfterPart::Evidence { .. }));
    }
    let cover = cover(&source);
    PrintedForm {
        page: definition.print.page.clone(),
        booklet: (!booklet_parts.is_empty()).then(|| booklet(&cover, name, booklet_parts)),
        title,
        cover,
        instructions: definition.instructions.clone(),
        table: table::resolve_table(&source),
        after_table,
    }
}

/// The evidence booklet: the form's cover with 佐证材料 for 推荐表, without the date line.
fn booklet(form_cover: &CoverPart, name: &str, parts: Vec<AfterPart>) -> Booklet {
    const BOOKLET: &str = "佐证材料";
    let title = if name.is_empty() {
        format!("{}{BOOKLET}", form_cover.title)
    } else {
        format!("{}{BOOKLET}（{name}）", form_cover.title)
    };
    let lines = (form_cover.lines.iter())
        .filter(|line| line.field != "fill_date")
        .cloned()
        .collect();
    Booklet {
        title,
        cover: CoverPart {
            title: form_cover.title.clone(),
            subtitle: Some(BOOKLET.to_owned()),
            lines,
        },
        parts,
    }
}

fn cover(source: &Source) -> CoverPart {
    let title = &source.campaign.form_title;
    let (title, subtitle) = match title.strip_suffix("推荐表") {
        Some(head) if !head.is_empty() => (head.to_owned(), Some("推荐表".to_owned())),
        _ => (title.clone(), None),
    };
    let lines = (source.definition.print.cover.lines.iter())
        .map(|line| CoverLineValue {
            label: line.label.clone(),
            field: line.field.clone(),
            value: if source.relevant(&line.field) {
                printed(source.definition, source.answers, &line.field)
            } else {
                String::new()
            },
        })
        .collect();
    CoverPart {
        title,
        subtitle,
        lines,
    }
}

/// The parts after the table the campaign asks for and the answers fill.
fn after_table(source: &Source) -> Vec<AfterPart> {
    let print = &source.definition.print;
    let parts = print.after_table.iter();
    parts
        .filter(|part| source.relevant(part.field()))
        .filter_map(|part| match part {
            AfterTable::Images {
                field,
                heading,
                max_pages,
            } => {
                let images = evidence_boxes(source.answers.images(field), *max_pages, &print.page);
                (!images.is_empty()).then(|| AfterPart::Evidence {
                    field: field.clone(),
                    heading: heading.clone(),
                    pages: evidence::page_count(&images),
                    images,
                })
            }
            AfterTable::Text { field, heading } => {
                let text = source.answers.text(field);
                (!text.is_empty()).then(|| AfterPart::Text {
                    field: field.clone(),
                    heading: heading.clone(),
                    text: text.to_owned(),
                })
            }
        })
        .collect()
}
