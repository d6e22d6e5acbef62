//! The table resolved on its column grid: rows in groups (rows tied by a cell spanning them,
//! the repeated 学习工作经历 rows under their header, or a row on its own), each cell placed on
//! the grid with its value as printed, and which rows may continue on the next page. The one
//! place that tracks cells spanning rows; the PDF and the Word copy only read the result.

use super::Source;
use super::values::{period, printed};
use crate::form::answers::AnswerRow;
use crate::form::print::{Cell, CellContent, PrintRow};

#[derive(Debug, Clone, PartialEq)]
pub struct PrintedTable {
    /// Widths of the grid's columns in mm.
    pub columns_mm: Vec<f32>,
    pub groups: Vec<RowGroup>,
}

/// How a group's rows hold together on paper.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupKind {
    /// One row of its own: it may continue on the next page if it grows.
    Single,
    /// Rows tied by a cell spanning them (the photo): printed together, never split.
    Tied,
    /// The header and one row per answer row of a rows field; they part between rows, the
    /// side label printed again on each page.
    Repeated { field: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowGroup {
    pub kind: GroupKind,
    pub rows: Vec<PrintedRow>,
    /// Cells covering several rows of the group, drawn over them.
    pub spans: Vec<SpanningCell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PrintedRow {
    /// The row's own cells, left to right (cells spanning rows are in the group's `spans`).
    pub cells: Vec<PrintedCell>,
    /// Height before growing.
    pub min_height_mm: f32,
    /// The row may continue on the next page (a growing cell in a row of its own).
    pub may_break: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SpanningCell {
    /// Index of the first row covered in the group.
    pub first_row: usize,
    /// Rows covered.
    pub rows: usize,
    pub cell: PrintedCell,
}

impl SpanningCell {
    pub fn covers(&self, row: usize) -> bool {
        (self.first_row..self.first_row + self.rows).contains(&row)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PrintedCell {
    /// First grid column covered.
    pub column: usize,
    /// Grid columns covered.
    pub span: usize,
    /// Left edge from the table's left edge, and width, in mm.
    pub x_mm: f32,
    pub width_mm: f32,
    pub value: CellValue,
    /// The cell grows with its text (the definition's `grow`).
    pub grows: bool,
    /// Fields whose answers the cell prints (for the preview's anchors).
    pub fields: Vec<String>,
}

/// What a cell prints, answers already read as on paper.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// Fixed text, centred; `vertical` sets one character per line.
    Label { text: String, vertical: bool },
    /// A short value on one line (shrunk or wrapped if long).
    Value(String),
    /// A long text in paragraphs, from the top of the cell, under the form's own heading where
    /// it has one.
    Paragraphs {
        heading: Option<String>,
        text: String,
    },
    /// Every option with ☑ (chosen) or ☐.
    Checkboxes(Vec<(String, bool)>),
    /// The ID photo's file in the draft folder (`None` prints the word 照片) and printed size.
    Photo {
        file: Option<String>,
        width_mm: f32,
        height_mm: f32,
    },
    /// The declaration, then the signature blank (with its label) and the date blank.
    Statement { text: String, signature: String },
    /// A unit's opinion, then the seal place and the date blank.
    Opinion { text: String },
}

/// Grid columns held by a cell spanning rows.
struct Held {
    column: usize,
    span: usize,
    /// Rows still covered, the current one included.
    rows: u32,
}

pub(super) fn resolve_table(source: &Source) -> PrintedTable {
    let table = &source.definition.print.table;
    let mut groups: Vec<RowGroup> = Vec::new();
    let mut held: Vec<Held> = Vec::new();
    for row in &table.rows {
        match row {
            PrintRow::Cells {
                cells,
                min_height_mm,
            } => {
                // A row of fields the campaign does not ask for is left out, unless a cell
                // spanning rows ties it to its neighbours.
                let tied = !held.is_empty() || cells.iter().any(|cell| cell.row_span > 1);
                if !tied && !prints_anything(cells, source) {
                    continue;
                }
                let continues = !held.is_empty();
                let (own, spanning) = place_cells(cells, &mut held, source);
                let row = PrintedRow {
                    may_break: !tied && cells.iter().any(|cell| cell.grow),
                    cells: own,
                    min_height_mm: *min_height_mm,
                };
                match groups.last_mut() {
                    Some(group) if continues => {
                        let first_row = group.rows.len();
                        group.rows.push(row);
                        group
                            .spans
                            .extend(spanning.into_iter().map(|(rows, cell)| SpanningCell {
                                first_row,
                                rows,
                                cell,
                            }));
                    }
                    _ => groups.push(RowGroup {
                        kind: if tied {
                            GroupKind::Tied
                        } else {
                            GroupKind::Single
                        },
                        rows: vec![row],
                        spans: (spanning.into_iter())
                            .map(|(rows, cell)| SpanningCell {
                                first_row: 0,
                                rows,
                                cell,
                            })
                            .collect(),
                    }),
                }
                held.retain(|h| h.rows > 1);
                held.iter_mut().for_each(|h| h.rows -= 1);
            }
            PrintRow::Repeat {
                field,
                side,
                header,
                cells,
                min_rows,
                min_height_mm,
            } => {
                if !source.relevant(field) {
                    continue;
                }
                held.clear();
                let repeat = Repeat {
                    field,
                    side,
                    header,
                    cells,
                    min_rows: *min_rows,
                    min_height_mm: *min_height_mm,
                };
                groups.push(repeat_group(&repeat, source));
            }
        }
    }
    PrintedTable {
        columns_mm: table.columns_mm.clone(),
        groups,
    }
}

/// Places a row's cells on the grid, past columns held from above. Returns the row's own cells
/// and the cells spanning rows (with the rows they cover).
fn place_cells(
    cells: &[Cell],
    held: &mut Vec<Held>,
    source: &Source,
) -> (Vec<PrintedCell>, Vec<(usize, PrintedCell)>) {
    let above = held.len();
    let (mut own, mut spanning) = (Vec::new(), Vec::new());
    let mut column = 0;
    for cell in cells {
        while let Some(h) = held.iter().take(above).find(|h| h.column == column) {
            column += h.span;
        }
        let span = cell.span.max(1) as usize;
        let printed = resolve_cell(cell, column, None, source);
        if cell.row_span > 1 {
            held.push(Held {
                column,
                span,
                rows: cell.row_span,
            });
            spanning.push((cell.row_span as usize, printed));
        } else {
            own.push(printed);
        }
        column += span;
    }
    (own, spanning)
}

/// Whether a row has a label only or at least one field the campaign asks for.
fn prints_anything(cells: &[Cell], source: &Source) -> bool {
    let fields: Vec<&str> = cells
        .iter()
        .flat_map(|cell| match &cell.content {
            // The signature blanks are always printed with the declaration.
            CellContent::Statement { .. } => Vec::new(),
            other => other.fields(),
        })
        .collect();
    fields.is_empty() || fields.iter().any(|field| source.relevant(field))
}

/// A repeated group as the layout describes it.
struct Repeat<'a> {
    field: &'a str,
    side: &'a Cell,
    header: &'a [Cell],
    cells: &'a [Cell],
    min_rows: u32,
    min_height_mm: f32,
}

/// The header and one row per filled answer row (at least `min_rows`), the side label spanning
/// all of them.
fn repeat_group(repeat: &Repeat, source: &Source) -> RowGroup {
    let side_span = repeat.side.span.max(1) as usize;
    let blank = AnswerRow::new();
    let mut answers: Vec<&AnswerRow> = source
        .answers
        .rows(repeat.field)
        .iter()
        .filter(|row| row.values().any(|cell| !cell.trim().is_empty()))
        .collect();
    while answers.len() < repeat.min_rows as usize {
        answers.push(&blank);
    }
    let row = |cells: &[Cell], answer: Option<&AnswerRow>| {
        let mut column = side_span;
        let cells = cells
            .iter()
            .map(|cell| {
                let mut printed = resolve_cell(cell, column, answer, source);
                printed.fields.push(repeat.field.to_owned());
                column += cell.span.max(1) as usize;
                printed
            })
            .collect();
        PrintedRow {
            cells,
            min_height_mm: repeat.min_height_mm,
            // Rows part between rows, never inside one.
            may_break: false,
        }
    };
    let mut rows = vec![row(repeat.header, None)];
    rows.extend(
        answers
            .into_iter()
            .map(|answer| row(repeat.cells, Some(answer))),
    );
    RowGroup {
        kind: GroupKind::Repeated {
            field: repeat.field.to_owned(),
        },
        spans: vec![SpanningCell {
            first_row: 0,
            rows: rows.len(),
            cell: resolve_cell(repeat.side, 0, None, source),
        }],
        rows,
    }
}

fn resolve_cell(
    cell: &Cell,
    column: usize,
    row: Option<&AnswerRow>,
    source: &Source,
) -> PrintedCell {
    let span = cell.span.max(1) as usize;
    let columns = &source.definition.print.table.columns_mm;
    PrintedCell {
        column,
        span,
        x_mm: columns.iter().take(column).sum(),
        width_mm: columns.iter().skip(column).take(span).sum(),
        value: cell_value(&cell.content, row, source),
        grows: cell.grow,
        fields: cell
            .content
            .fields()
            .into_iter()
            .map(str::to_owned)
            .collect(),
    }
}

/// The value of a cell; fields the campaign does not ask for print blank.
fn cell_value(content: &CellContent, row: Option<&AnswerRow>, source: &Source) -> CellValue {
    let (definition, answers) = (source.definition, source.answers);
    let column = |id: &str| row.and_then(|row| row.get(id)).map_or("", |v| v.trim());
    match content {
        CellContent::Label { text, vertical } => CellValue::Label {
            text: text.clone(),
            vertical: *vertical,
        },
        CellContent::Value { field, heading } => {
            let value = if source.relevant(field) {
                printed(definition, answers, field)
            } else {
                String::new()
            };
            if definition.is_multiline(field) {
                CellValue::Paragraphs {
                    heading: heading.clone(),
                    text: value,
                }
            } else {
                CellValue::Value(value)
            }
        }
        CellContent::Column { column: id } => CellValue::Value(column(id).to_owned()),
        CellContent::Period { from, to } => {
            CellValue::Value(row.map(|row| period(row, from, to)).unwrap_or_default())
        }
        CellContent::Checkboxes { field } => {
            let chosen = answers.list(field);
            let relevant = source.relevant(field);
            let options = (definition.options(field).iter())
                .map(|option| (option.clone(), relevant && chosen.contains(option)))
                .collect();
            CellValue::Checkboxes(options)
        }
        CellContent::Photo { field } => {
            let size = &source.campaign.photo.id_photo;
            CellValue::Photo {
                file: (answers.photo(field))
                    .filter(|_| source.relevant(field))
                    .map(|photo| photo.file.clone()),
                width_mm: size.width_mm,
                height_mm: size.height_mm,
            }
        }
        CellContent::Statement {
            text, signature, ..
        } => CellValue::Statement {
            text: text.clone(),
            signature: definition
                .field(signature)
                .map_or("签名", |field| field.label.as_str())
                .to_owned(),
        },
        CellContent::Opinion { field, .. } => CellValue::Opinion {
            text: if source.relevant(field) {
                answers.text(field).to_owned()
            } else {
                String::new()
            },
        },
    }
}
