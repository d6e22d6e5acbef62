//! The table as one Word table on the definition's column grid: each cell spans its grid
//! columns (gridSpan), a cell covering several rows (the photo) is merged down them (vMerge),
//! a repeated group (学习工作经历) gets a row per answer row under its header with the side
//! label merged down all of them. Rows keep their minimum height and grow with their text;
//! only rows holding a growing cell may break across pages, as in the PDF. Word does the
//! flowing, so nothing here measures text.

use docx_rs::{
    HeightRule, Paragraph, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableCellMargins, TableLayoutType, TableRow, VMergeType, WidthType,
};

use super::Context;
use super::cells::{PADDING_MM, content};
use super::runs::{twips, twips_u};
use crate::form::answers::Row as AnswerRow;
use crate::form::print::{Cell, CellContent, Row};

/// Border width in eighths of a point: ½ pt, Word's usual table rule (the PDF draws 0.6 pt).
const BORDER_EIGHTHS: usize = 4;
/// Space above and below a cell's text.
const PADDING_TOP_MM: f32 = 1.0;

/// Grid columns held by a cell spanning rows, as the PDF's composer tracks them.
struct Held {
    column: usize,
    span: usize,
    /// Rows still covered, this one included.
    rows: u32,
}

pub fn table(context: &Context) -> Table {
    let layout = &context.definition.print.table;
    let columns = &layout.columns_mm;
    let mut rows = Vec::new();
    let mut held: Vec<Held> = Vec::new();
    for row in &layout.rows {
        match row {
            Row::Cells {
                cells,
                min_height_mm,
            } => {
                // A row of fields the campaign does not ask for is left out, unless a cell
                // spanning rows ties it to its neighbours.
                let tied = !held.is_empty() || cells.iter().any(|cell| cell.row_span > 1);
                if !tied && !prints_anything(cells, context) {
                    continue;
                }
                rows.push(cells_row(cells, *min_height_mm, &mut held, context));
            }
            Row::Repeat {
                field,
                side,
                header,
                cells,
                min_rows,
                min_height_mm,
            } => {
                if !context.relevant(field) {
                    continue;
                }
                held.clear();
                let group = Group {
                    side,
                    header,
                    cells,
                    min_rows: *min_rows,
                    min_height_mm: *min_height_mm,
                };
                rows.extend(repeat_rows(field, &group, context));
            }
        }
    }
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |borders, position| {
        borders.set(TableBorder::new(position).size(BORDER_EIGHTHS))
    });
    let (pad_x, pad_y) = (twips_u(PADDING_MM), twips_u(PADDING_TOP_MM));
    Table::new(rows)
        .set_grid(columns.iter().map(|mm| twips_u(*mm)).collect())
        .layout(TableLayoutType::Fixed)
        .width(twips_u(columns.iter().sum()), WidthType::Dxa)
        .margins(TableCellMargins::new().margin(pad_y, pad_x, pad_y, pad_x))
        .set_borders(borders)
}

/// Whether a row has a label only or at least one field the campaign asks for.
fn prints_anything(cells: &[Cell], context: &Context) -> bool {
    let fields: Vec<&str> = cells
        .iter()
        .flat_map(|cell| match &cell.content {
            // The signature blanks are always printed with the declaration.
            CellContent::Statement { .. } => Vec::new(),
            other => other.fields(),
        })
        .collect();
    fields.is_empty() || fields.iter().any(|field| context.relevant(field))
}

/// Width in twips of `span` grid columns from `column`.
fn width(context: &Context, column: usize, span: usize) -> usize {
    let columns = &context.definition.print.table.columns_mm;
    twips_u(columns.iter().skip(column).take(span).sum())
}

fn cell(cell: &Cell, column: usize, answer: Option<&AnswerRow>, context: &Context) -> TableCell {
    let span = cell.span.max(1) as usize;
    let columns = &context.definition.print.table.columns_mm;
    let width_mm: f32 = columns.iter().skip(column).take(span).sum();
    let content = content(&cell.content, answer, width_mm, context);
    let mut table_cell = TableCell::new()
        .width(width(context, column, span), WidthType::Dxa)
        .vertical_align(content.valign);
    if span > 1 {
        table_cell = table_cell.grid_span(span);
    }
    if content.paragraphs.is_empty() {
        // A cell must hold a paragraph.
        return table_cell.add_paragraph(Paragraph::new());
    }
    content
        .paragraphs
        .into_iter()
        .fold(table_cell, TableCell::add_paragraph)
}

/// The lower part of a cell merged down from the row above.
fn continued(column: usize, span: usize, context: &Context) -> TableCell {
    let mut table_cell = TableCell::new()
        .vertical_merge(VMergeType::Continue)
        .width(width(context, column, span), WidthType::Dxa)
        .add_paragraph(Paragraph::new());
    if span > 1 {
        table_cell = table_cell.grid_span(span);
    }
    table_cell
}

fn row(cells: Vec<TableCell>, min_height_mm: f32, may_break: bool) -> TableRow {
    let row = TableRow::new(cells)
        .row_height(twips(min_height_mm) as f32)
        .height_rule(HeightRule::AtLeast);
    if may_break { row } else { row.cant_split() }
}

fn cells_row(
    cells: &[Cell],
    min_height_mm: f32,
    held: &mut Vec<Held>,
    context: &Context,
) -> TableRow {
    let mut out = Vec::new();
    let mut column = 0;
    // Columns held from the rows above get the merged cell's continuation.
    let skip_held = |column: &mut usize, out: &mut Vec<TableCell>, held: &[Held]| {
        while let Some(span) = held
            .iter()
            .find(|h| h.column == *column)
            .map(|h| h.span.max(1))
        {
            out.push(continued(*column, span, context));
            *column += span;
        }
    };
    let above = held.len();
    for table_cell in cells {
        skip_held(&mut column, &mut out, held.get(..above).unwrap_or(&[]));
        let span = table_cell.span.max(1) as usize;
        let mut built = cell(table_cell, column, None, context);
        if table_cell.row_span > 1 {
            built = built.vertical_merge(VMergeType::Restart);
            held.push(Held {
                column,
                span,
                rows: table_cell.row_span,
            });
        }
        out.push(built);
        column += span;
    }
    skip_held(&mut column, &mut out, held.get(..above).unwrap_or(&[]));
    let may_break = cells.iter().any(|cell| cell.grow);
    held.retain(|h| h.rows > 1);
    for h in held.iter_mut() {
        h.rows -= 1;
    }
    row(out, min_height_mm, may_break && held.is_empty())
}

/// A repeated group as the layout describes it.
struct Group<'a> {
    side: &'a Cell,
    header: &'a [Cell],
    cells: &'a [Cell],
    min_rows: u32,
    min_height_mm: f32,
}

/// The header and one row per filled answer row (at least `min_rows`), the side label merged
/// down all of them.
fn repeat_rows(field: &str, group: &Group, context: &Context) -> Vec<TableRow> {
    let side_span = group.side.span.max(1) as usize;
    let blank = AnswerRow::new();
    let mut answers: Vec<&AnswerRow> = context
        .answers
        .rows(field)
        .iter()
        .filter(|row| row.values().any(|cell| !cell.trim().is_empty()))
        .collect();
    while answers.len() < group.min_rows as usize {
        answers.push(&blank);
    }
    let line = |cells: &[Cell], answer: Option<&AnswerRow>, first: bool| {
        let side = if first {
            cell(group.side, 0, None, context).vertical_merge(VMergeType::Restart)
        } else {
            continued(0, side_span, context)
        };
        let mut out = vec![side];
        let mut column = side_span;
        for table_cell in cells {
            out.push(cell(table_cell, column, answer, context));
            column += table_cell.span.max(1) as usize;
        }
        let may_break = cells.iter().any(|cell| cell.grow);
        row(out, group.min_height_mm, may_break)
    };
    let mut rows = vec![line(group.header, None, true)];
    rows.extend(
        answers
            .into_iter()
            .map(|answer| line(group.cells, Some(answer), false)),
    );
    rows
}
