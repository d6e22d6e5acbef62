//! The table as one Word table on the print model's column grid: each cell spans its grid
//! columns (gridSpan), a cell covering several rows (the photo, the side label of 学习工作经历)
//! is merged down them (vMerge). Rows keep their minimum height and grow with their text; only
//! the rows the model lets continue on the next page may break across pages, as in the PDF.
//! Word does the flowing, so nothing here measures text.

use docx_rs::{
    HeightRule, Paragraph, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableCellMargins, TableLayoutType, TableRow, VMergeType, WidthType,
};

use super::DocxInput;
use super::cells::{content, value_fit};
use super::runs::{twips, twips_u};
use crate::form::printed::{Fit, PADDING_MM, PrintedCell, RowGroup};

/// Border width in eighths of a point: ½ pt, Word's usual table rule (the PDF draws 0.6 pt).
const BORDER_EIGHTHS: usize = 4;
/// Space above and below a cell's text.
const PADDING_TOP_MM: f32 = 1.0;

pub fn table(context: &DocxInput) -> Table {
    let columns = &context.form.table.columns_mm;
    let rows = (context.form.table.groups.iter())
        .flat_map(|group| group_rows(group, context))
        .collect();
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

/// The group's rows, each with its own cells and, in their columns, the cells spanning it:
/// the spanning cell itself in its first row, its merged continuation below.
fn group_rows(group: &RowGroup, context: &DocxInput) -> Vec<TableRow> {
    let fits = column_fits(group, context);
    let fit = |printed: &PrintedCell| {
        (fits.iter())
            .find(|(column, _)| *column == printed.column)
            .map(|(_, fit)| *fit)
    };
    (group.rows.iter().enumerate())
        .map(|(index, row)| {
            let mut cells: Vec<(usize, TableCell)> = (row.cells.iter())
                .map(|printed| (printed.column, cell(printed, fit(printed), context)))
                .collect();
            for spanning in group.spans.iter().filter(|s| s.covers(index)) {
                let printed = &spanning.cell;
                let merged = if spanning.first_row == index {
                    cell(printed, None, context).vertical_merge(VMergeType::Restart)
                } else {
                    continued(printed)
                };
                cells.push((printed.column, merged));
            }
            cells.sort_by_key(|(column, _)| *column);
            let cells = cells.into_iter().map(|(_, cell)| cell).collect();
            let table_row = TableRow::new(cells)
                .row_height(twips(row.min_height_mm) as f32)
                .height_rule(HeightRule::AtLeast);
            if row.may_break {
                table_row
            } else {
                table_row.cant_split()
            }
        })
        .collect()
}

/// A cell of its grid width and span, holding at least one paragraph.
fn framed(printed: &PrintedCell) -> TableCell {
    let cell = TableCell::new().width(twips_u(printed.width_mm), WidthType::Dxa);
    if printed.span > 1 {
        cell.grid_span(printed.span)
    } else {
        cell
    }
}

/// The 学习工作经历 rows set each column one way, as the PDF sets them: all at the body size,
/// all shrunk to one size, or all wrapped.
fn column_fits(group: &RowGroup, context: &DocxInput) -> Vec<(usize, Fit)> {
    (group.value_columns().into_iter())
        .map(|(column, width, texts)| (column, value_fit(texts, width, context)))
        .collect()
}

fn cell(printed: &PrintedCell, fit: Option<Fit>, context: &DocxInput) -> TableCell {
    let content = content(&printed.value, printed.width_mm, fit, context);
    let table_cell = framed(printed).vertical_align(content.valign);
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
fn continued(printed: &PrintedCell) -> TableCell {
    framed(printed)
        .vertical_merge(VMergeType::Continue)
        .add_paragraph(Paragraph::new())
}
