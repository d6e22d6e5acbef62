//! The table: rows of cells on the definition's column grid, grown to their content and flowed
//! over pages. A row that does not fit moves to the next page; a growing row (主要事迹, opinions)
//! continues there, its borders closed at the page's foot and reopened at the next page's head.
//! Rows tied by a cell spanning rows (the photo) stay together; the 学习工作经历 rows may part
//! between rows, the side label drawn again on each page.

use super::cells::{Body, PADDING_MM, border};
use super::text::{Area, line_height_mm};
use super::{Context, Pages};
use crate::form::print::{Cell, Row};

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

/// x and width of `span` grid columns starting at `column`.
fn place(columns: &[f32], left: f32, column: usize, span: usize) -> (f32, f32) {
    let x = left + columns.iter().take(column).sum::<f32>();
    let width = columns.iter().skip(column).take(span).sum();
    (x, width)
}

fn planned(
    cell: &Cell,
    column: usize,
    row: Option<&crate::form::answers::Row>,
    context: &Context,
) -> PlannedCell {
    let (x, width) = place(
        &context.layout().table.columns_mm,
        context.left(),
        column,
        cell.span as usize,
    );
    PlannedCell {
        x,
        width,
        body: Body::resolve(&cell.content, row, width, context),
        fields: cell
            .content
            .fields()
            .into_iter()
            .map(str::to_owned)
            .collect(),
    }
}

fn planned_row(cells: Vec<PlannedCell>, min_height: f32, context: &Context) -> PlannedRow {
    let height = cells
        .iter()
        .map(|c| c.body.height(c.width, context))
        .fold(min_height, f32::max);
    let grows = cells.iter().position(|c| !c.body.lines().is_empty());
    PlannedRow {
        cells,
        height,
        grows,
    }
}

/// Resolves the definition's rows into groups with measured heights.
fn plan(context: &Context) -> Vec<Group> {
    let table = &context.layout().table;
    let mut groups: Vec<Group> = Vec::new();
    // Grid columns held by a cell spanning rows: (first column, span, rows still to cover).
    let mut held: Vec<(usize, usize, u32)> = Vec::new();
    for row in &table.rows {
        match row {
            Row::Cells {
                cells,
                min_height_mm,
            } => {
                let continues = !held.is_empty();
                let mut planned_cells = Vec::new();
                let mut spans = Vec::new();
                let mut column = 0;
                for cell in cells {
                    while let Some((_, span, _)) =
                        held.iter().find(|(start, _, _)| *start == column)
                    {
                        column += span;
                    }
                    let plan = planned(cell, column, None, context);
                    if cell.row_span > 1 {
                        held.push((column, cell.span as usize, cell.row_span));
                        spans.push(plan);
                    } else {
                        planned_cells.push(plan);
                    }
                    column += cell.span as usize;
                }
                let planned_row = planned_row(planned_cells, *min_height_mm, context);
                match groups.last_mut() {
                    Some(group) if continues => {
                        group.rows.push(planned_row);
                        group.spans.extend(spans);
                    }
                    _ => groups.push(Group {
                        rows: vec![planned_row],
                        keep_together: !spans.is_empty(),
                        spans,
                    }),
                }
                held = held
                    .into_iter()
                    .filter(|(_, _, rows)| *rows > 1)
                    .map(|(c, s, rows)| (c, s, rows - 1))
                    .collect();
            }
            Row::Repeat {
                field,
                side,
                header,
                cells,
                min_rows,
                min_height_mm,
            } => {
                groups.push(plan_repeat(
                    field,
                    side,
                    header,
                    cells,
                    *min_rows,
                    *min_height_mm,
                    context,
                ));
            }
        }
    }
    for group in &mut groups {
        fit_spans(group, context);
    }
    groups
}

fn plan_repeat(
    field: &str,
    side: &Cell,
    header: &[Cell],
    cells: &[Cell],
    min_rows: u32,
    min_height: f32,
    context: &Context,
) -> Group {
    let side_columns = side.span as usize;
    let row_of = |cells: &[Cell], answer: Option<&crate::form::answers::Row>| {
        let mut column = side_columns;
        let planned_cells = cells
            .iter()
            .map(|cell| {
                let mut plan = planned(cell, column, answer, context);
                plan.fields.push(field.to_owned());
                column += cell.span as usize;
                plan
            })
            .collect();
        planned_row(planned_cells, min_height, context)
    };
    let answers: Vec<_> = context
        .answers
        .rows(field)
        .iter()
        .filter(|row| row.values().any(|cell| !cell.trim().is_empty()))
        .collect();
    let mut rows = vec![row_of(header, None)];
    rows.extend(answers.iter().map(|answer| row_of(cells, Some(answer))));
    while rows.len() < min_rows as usize + 1 {
        rows.push(row_of(cells, Some(&Default::default())));
    }
    Group {
        rows,
        spans: vec![planned(side, 0, None, context)],
        keep_together: false,
    }
}

/// A spanning cell taller than its rows (the photo) makes the last row taller.
fn fit_spans(group: &mut Group, context: &Context) {
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
pub fn compose_table(pages: &mut Pages, context: &Context) {
    pages.new_page();
    for group in plan(context) {
        flow_group(&group, pages, context);
    }
}

fn flow_group(group: &Group, pages: &mut Pages, context: &Context) {
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

/// A growing row, in as many pieces as pages it needs; no piece ends with a single line.
fn flow_growing_row(row: &PlannedRow, pages: &mut Pages, context: &Context) {
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
        // Lines that fit here; the last line waits for the tail (signature, seal) if need be.
        let fit = ((pages.room() - 2.0 * PADDING_MM) / pitch).floor().max(0.0) as usize;
        let fit = fit.min((lines - from).saturating_sub(1));
        if (fit < 2 || pages.room() < fixed) && !pages.at_top() {
            pages.new_page();
            continue;
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
    context: &Context,
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

fn draw_spans(group: &Group, top: f32, pages: &mut Pages, context: &Context) {
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
