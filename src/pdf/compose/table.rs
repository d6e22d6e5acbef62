//! The table: rows of cells on the definition's column grid, grown to their content and flowed
//! over pages. A row that does not fit moves to the next page; a growing row (主要事迹, opinions)
//! continues there, its borders closed at the page's foot and reopened at the next page's head.
//! Rows tied by a cell spanning rows (the photo) stay together; the 学习工作经历 rows may part
//! between rows, the side label drawn again on each page.

use super::cells::{Body, border};
use super::keep;
use super::text::{Area, line_height_mm};
use super::{Composer, Pages};
use crate::form::printed::{
    Fit, GroupKind, PADDING_MM, PrintedCell, PrintedRow, RowGroup, fit_column,
};

struct PlannedCell {
    x: f32,
    width: f32,
    body: Body,
    /// Fields whose answers the cell prints (for the preview's anchors).
    fields: Vec<String>,
}

struct PlannedRow {
    cells: Vec<PlannedCell>,
    height: f32,
    /// Index of the cell whose lines may continue on the next page.
    grows: Option<usize>,
}

/// Rows printed as a unit, with the cells that span them.
struct Group {
    rows: Vec<PlannedRow>,
    spans: Vec<PlannedCell>,
    keep_together: bool,
}

/// The fit each grid column's values share, where they must share one.
type ColumnFits = Vec<(usize, Fit)>;

fn planned(cell: &PrintedCell, composer: &Composer, fits: &ColumnFits) -> PlannedCell {
    let mut body = Body::resolve(&cell.value, cell.width_mm, composer);
    if let Body::Value { fit, .. } = &mut body
        && let Some((_, shared)) = fits.iter().find(|(column, _)| *column == cell.column)
    {
        *fit = *shared;
    }
    PlannedCell {
        x: composer.left() + cell.x_mm,
        width: cell.width_mm,
        body,
        fields: cell.fields.clone(),
    }
}

/// The 学习工作经历 rows set each column one way: all its values at the body size, or all
/// shrunk to one size, or all wrapped, never a row shrunk beside rows that wrap.
fn column_fits(group: &RowGroup, composer: &Composer) -> ColumnFits {
    let style = composer.body_style();
    (group.value_columns().into_iter())
        .map(|(column, width, texts)| {
            let naturals = (texts.into_iter()).map(|text| {
                (!text.contains('\n')).then(|| composer.measure.width_mm(text, style.size_pt))
            });
            let room = width - 2.0 * PADDING_MM;
            let fit = fit_column(naturals, room, style.size_pt, composer.min_size_pt());
            (column, fit)
        })
        .collect()
}

fn planned_row(row: &PrintedRow, composer: &Composer, fits: &ColumnFits) -> PlannedRow {
    let cells: Vec<PlannedCell> = (row.cells.iter())
        .map(|c| planned(c, composer, fits))
        .collect();
    let height = cells
        .iter()
        .map(|c| c.body.height(c.width, composer))
        .fold(row.min_height_mm, f32::max);
    // Only lines can continue on the next page: a growing cell holding none keeps its row whole.
    let grows = if row.may_break {
        (row.cells.iter().zip(&cells))
            .position(|(cell, plan)| cell.grows && !plan.body.lines().is_empty())
    } else {
        None
    };
    PlannedRow {
        cells,
        height,
        grows,
    }
}

/// The model's row groups, measured.
fn plan(composer: &Composer) -> Vec<Group> {
    let groups = composer.form.table.groups.iter();
    groups
        .map(|group| {
            let fits = column_fits(group, composer);
            let mut planned_group = Group {
                rows: group
                    .rows
                    .iter()
                    .map(|r| planned_row(r, composer, &fits))
                    .collect(),
                spans: group
                    .spans
                    .iter()
                    .map(|s| planned(&s.cell, composer, &Vec::new()))
                    .collect(),
                keep_together: group.kind == GroupKind::Tied,
            };
            fit_spans(&mut planned_group, composer);
            planned_group
        })
        .collect()
}

/// A spanning cell taller than its rows (the photo) makes the last row taller.
fn fit_spans(group: &mut Group, context: &Composer) {
    if !group.keep_together {
        return;
    }
    let needed = group
        .spans
        .iter()
        .map(|span| span.body.height(span.width, context))
        .fold(0.0, f32::max);
    let total: f32 = group.rows.iter().map(|row| row.height).sum();
    if let Some(last) = group.rows.last_mut()
        && needed > total
    {
        last.height += needed - total;
    }
}

/// Lays out the table from the top of a new page.
pub fn compose_table(pages: &mut Pages, context: &Composer) {
    pages.new_page();
    for group in plan(context) {
        flow_group(&group, pages, context);
    }
}

fn flow_group(group: &Group, pages: &mut Pages, context: &Composer) {
    let total: f32 = group.rows.iter().map(|row| row.height).sum();
    if group.keep_together {
        if total > pages.room() && !pages.at_top() {
            pages.new_page();
        }
        let top = pages.y;
        for row in &group.rows {
            draw_row(row, pages, context, 0, usize::MAX, row.height);
        }
        draw_spans(group, top, pages, context);
        return;
    }
    if group.rows.len() == 1 && group.rows.iter().all(|row| row.grows.is_some()) {
        if let Some(row) = group.rows.first() {
            flow_growing_row(row, pages, context);
        }
        return;
    }
    // Rows that may part between rows, with a side label on every page (学习工作经历); the
    // header stays with the first row.
    let mut top = pages.y;
    for (index, row) in group.rows.iter().enumerate() {
        let with_next = if index == 0 {
            group.rows.get(1).map_or(0.0, |next| next.height)
        } else {
            0.0
        };
        if row.height + with_next > pages.room() && !pages.at_top() {
            if pages.y > top {
                draw_spans(group, top, pages, context);
            }
            pages.new_page();
            top = pages.y;
        }
        draw_row(row, pages, context, 0, usize::MAX, row.height);
    }
    draw_spans(group, top, pages, context);
}

/// A growing row, in as many pieces as pages it needs; no piece holds fewer than
/// `keep::MIN_LINES` lines (widows and orphans), short cells move whole.
fn flow_growing_row(row: &PlannedRow, pages: &mut Pages, context: &Composer) {
    let Some(grow_cell) = row.grows.and_then(|index| row.cells.get(index)) else {
        return;
    };
    let style = context.body_style();
    let pitch = line_height_mm(style.size_pt);
    let lines = grow_cell.body.lines().len();
    let tail = grow_cell.body.tail(style);
    let fixed = row
        .cells
        .iter()
        .filter(|cell| cell.body.lines().is_empty())
        .map(|cell| cell.body.height(cell.width, context))
        .fold(0.0, f32::max);
    let mut from = 0;
    loop {
        let rest_height = 2.0 * PADDING_MM + (lines - from) as f32 * pitch + tail;
        let height = if from == 0 {
            row.height
        } else {
            rest_height.max(fixed)
        };
        if height <= pages.room() + 0.01 {
            draw_row(row, pages, context, from, lines, height);
            return;
        }
        // Lines that fit here, leaving enough for the next page (the tail, signature or seal,
        // goes with the last piece).
        let room_lines = ((pages.room() - 2.0 * PADDING_MM) / pitch).floor().max(0.0) as usize;
        let mut fit = keep::lines_before_break(room_lines, lines - from);
        if (fit == 0 || pages.room() < fixed) && !pages.at_top() {
            pages.new_page();
            continue;
        }
        if fit == 0 {
            // A whole page cannot keep the lines together: break anyway, at least one line
            // waiting for the tail.
            fit = room_lines.min((lines - from).saturating_sub(1));
        }
        if fit == 0 {
            // Not even a page holds the tail: print it anyway rather than lose it.
            draw_row(row, pages, context, from, lines, height);
            return;
        }
        let room = pages.room();
        draw_row(row, pages, context, from, from + fit, room);
        from += fit;
        pages.new_page();
    }
}

/// Draws a row (or the lines `from..to` of its growing cell) at the current position.
fn draw_row(
    row: &PlannedRow,
    pages: &mut Pages,
    context: &Composer,
    from: usize,
    to: usize,
    height: f32,
) {
    let y = pages.y;
    for field in row.cells.iter().flat_map(|cell| &cell.fields) {
        pages.anchor(field, y);
    }
    let items = pages.items();
    for cell in &row.cells {
        let area = Area {
            x: cell.x,
            y,
            width: cell.width,
            height,
        };
        items.push(border(area));
        cell.body.draw(area, from, to, context, items);
    }
    pages.y += height;
}

fn draw_spans(group: &Group, top: f32, pages: &mut Pages, context: &Composer) {
    let height = pages.y - top;
    for field in group.spans.iter().flat_map(|span| &span.fields) {
        pages.anchor(field, top);
    }
    let items = pages.items();
    for span in &group.spans {
        let area = Area {
            x: span.x,
            y: top,
            width: span.width,
            height,
        };
        items.push(border(area));
        span.body.draw(area, 0, usize::MAX, context, items);
    }
}
