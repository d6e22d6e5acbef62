//! Load-time checks of definitions and campaigns: ids unique, every rule and cell names a real
//! field of the right kind, the table's rows fill the grid, every field is printed somewhere.
//! Each failure names the file and the place, so whoever edits the JSON finds it at once.

use std::collections::{BTreeSet, HashSet};

use super::campaign::Campaign;
use super::catalog::LoadError;
use super::dates::Date;
use super::definition::{Field, FieldKind, FormDefinition};
use super::print::{Cell, CellContent, PrintRow};
use super::rules::Rule;

pub fn check_definition(file: &str, definition: &FormDefinition) -> Result<(), LoadError> {
    let fail = |place: String, problem: String| Err(LoadError::new(file, place, problem));
    let mut ids = HashSet::new();
    let mut section_ids = HashSet::new();
    for (s, section) in definition.sections.iter().enumerate() {
        if !section_ids.insert(section.id.as_str()) {
            return fail(
                format!("sections[{s}]"),
                format!("分节编号“{}”重复", section.id),
            );
        }
        for (f, field) in section.fields.iter().enumerate() {
            let place = format!("sections[{s}].fields[{f}]（{}）", field.id);
            if !ids.insert(field.id.as_str()) {
                return fail(place, format!("字段编号“{}”重复", field.id));
            }
            if field.label.trim().is_empty() {
                return fail(place, "字段没有标签".into());
            }
            for (r, rule) in field.rules.iter().enumerate() {
                if let Err(problem) = check_rule(rule, field) {
                    return fail(format!("{place}.rules[{r}]"), problem);
                }
            }
        }
    }
    for key in definition.word_limits.keys() {
        if definition.field(key).is_none() {
            return fail(format!("word_limits.{key}"), format!("字段“{key}”不存在"));
        }
    }
    let printed = check_print(file, definition)?;
    if let Some(field) = definition
        .fields()
        .find(|field| !field.files_only && !printed.contains(field.id.as_str()))
    {
        let place = format!("字段“{}”（{}）", field.id, field.label);
        return fail(
            place,
            "没有印在任何地方：请在 print 或 summary 中放置它".into(),
        );
    }
    Ok(())
}

/// Whether a rule fits its field's kind (and, for rows, names the field's columns).
fn check_rule(rule: &Rule, field: &Field) -> Result<(), String> {
    let kind = &field.kind;
    let fits = match rule {
        Rule::Format { .. } | Rule::Forbidden { .. } | Rule::FullName { .. } => {
            matches!(kind, FieldKind::Text)
        }
        Rule::ExcludedOffice { .. } | Rule::TitleHeld { .. } => matches!(kind, FieldKind::Text),
        Rule::WordLimit | Rule::StoryCount { .. } | Rule::States { .. } | Rule::Covers { .. } => {
            matches!(kind, FieldKind::Multiline)
        }
        Rule::ArabicDates => matches!(
            kind,
            FieldKind::Text | FieldKind::Multiline | FieldKind::Rows { .. }
        ),
        Rule::PlausibleBirth { .. } | Rule::YouthHint => matches!(kind, FieldKind::YearMonth),
        Rule::PhotoPrint { .. } => matches!(kind, FieldKind::Photo),
        Rule::ImagesPrint { .. } | Rule::PackagePhotos => matches!(kind, FieldKind::Images { .. }),
        Rule::History {
            start, end, what, ..
        } => {
            let FieldKind::Rows { columns, .. } = kind else {
                return Err("经历规则只能用于多行表格字段".into());
            };
            if let Some(missing) = [start, end, what]
                .into_iter()
                .find(|id| !columns.iter().any(|c| &c.id == *id))
            {
                return Err(format!("经历规则引用的列“{missing}”不存在"));
            }
            true
        }
    };
    if fits {
        Ok(())
    } else {
        Err(format!("规则 {rule:?} 不适用于这种字段"))
    }
}

/// Checks the cover, the table and the pages after it; returns every field they print.
fn check_print<'a>(
    file: &str,
    definition: &'a FormDefinition,
) -> Result<BTreeSet<&'a str>, LoadError> {
    let fail = |place: String, problem: String| LoadError::new(file, place, problem);
    let mut printed = BTreeSet::new();
    let layout = &definition.print;
    let exists = |id: &str| definition.field(id).is_some();
    for (i, line) in layout.cover.lines.iter().enumerate() {
        if !exists(&line.field) {
            return Err(fail(
                format!("print.cover.lines[{i}]"),
                format!("字段“{}”不存在", line.field),
            ));
        }
        printed.insert(line.field.as_str());
    }
    let width: f32 = layout.table.columns_mm.iter().sum();
    let text_width =
        layout.page.width_mm - layout.page.margin_left_mm - layout.page.margin_right_mm;
    if (width - text_width).abs() > 0.5 {
        return Err(fail(
            "print.table.columns_mm".into(),
            format!("列宽合计{width}毫米，应等于版心宽度{text_width}毫米"),
        ));
    }
    let columns = layout.table.columns_mm.len() as u32;
    // Grid columns still covered by a cell spanning rows from above: (remaining rows, span).
    let mut carried: Vec<(u32, u32)> = Vec::new();
    for (r, row) in layout.table.rows.iter().enumerate() {
        let place = format!("print.table.rows[{r}]");
        let covered_from_above: u32 = carried.iter().map(|(_, span)| span).sum();
        carried = carried
            .into_iter()
            .filter(|(rows, _)| *rows > 1)
            .map(|(rows, span)| (rows - 1, span))
            .collect();
        match row {
            PrintRow::Cells { cells, .. } => {
                let spans: u32 = cells.iter().map(|c| c.span).sum();
                if spans + covered_from_above != columns {
                    return Err(fail(
                        place,
                        format!(
                            "这一行的单元格共占{}列，表格有{}列",
                            spans + covered_from_above,
                            columns
                        ),
                    ));
                }
                for (c, cell) in cells.iter().enumerate() {
                    check_cell(definition, cell, None)
                        .map_err(|p| fail(format!("{place}.cells[{c}]"), p))?;
                    printed.extend(cell.content.fields());
                    if cell.row_span > 1 {
                        carried.push((cell.row_span - 1, cell.span));
                    }
                }
            }
            PrintRow::Repeat {
                field,
                side,
                header,
                cells,
                ..
            } => {
                let Some(FieldKind::Rows { columns: cols, .. }) =
                    definition.field(field).map(|f| &f.kind)
                else {
                    return Err(fail(
                        place,
                        format!("重复行引用的“{field}”不是多行表格字段"),
                    ));
                };
                let col_ids: Vec<&str> = cols.iter().map(|c| c.id.as_str()).collect();
                for (name, list) in [("header", header), ("cells", cells)] {
                    let spans: u32 = side.span + list.iter().map(|c| c.span).sum::<u32>();
                    if spans != columns {
                        return Err(fail(
                            format!("{place}.{name}"),
                            format!("共占{spans}列，表格有{columns}列"),
                        ));
                    }
                    for (c, cell) in list.iter().enumerate() {
                        check_cell(definition, cell, Some(&col_ids))
                            .map_err(|p| fail(format!("{place}.{name}[{c}]"), p))?;
                    }
                }
                printed.insert(field.as_str());
            }
        }
    }
    for (i, page) in layout.after_table.iter().enumerate() {
        if !exists(page.field()) {
            return Err(fail(
                format!("print.after_table[{i}]"),
                format!("字段“{}”不存在", page.field()),
            ));
        }
        printed.insert(page.field());
    }
    for (i, column) in definition.summary.columns.iter().enumerate() {
        if let Some(missing) = column.source.fields().iter().find(|id| !exists(id)) {
            return Err(fail(
                format!("summary.columns[{i}]"),
                format!("字段“{missing}”不存在"),
            ));
        }
        printed.extend(column.source.fields().iter().map(String::as_str));
    }
    Ok(printed)
}

/// A cell names existing fields of the right kind; columns only inside a repeated row.
fn check_cell(
    definition: &FormDefinition,
    cell: &Cell,
    columns: Option<&[&str]>,
) -> Result<(), String> {
    for id in cell.content.fields() {
        if definition.field(id).is_none() {
            return Err(format!("字段“{id}”不存在"));
        }
    }
    let kind = |id: &str| definition.field(id).map(|f| f.kind.clone());
    match &cell.content {
        CellContent::Checkboxes { field }
            if !matches!(kind(field), Some(FieldKind::MultiChoice { .. })) =>
        {
            return Err(format!("复选框单元格引用的“{field}”不是多选字段"));
        }
        CellContent::Photo { field } if kind(field) != Some(FieldKind::Photo) => {
            return Err(format!("照片单元格引用的“{field}”不是照片字段"));
        }
        _ => {}
    }
    for column in cell.content.columns() {
        match columns {
            None => return Err(format!("列“{column}”只能用在重复行中")),
            Some(ids) if !ids.contains(&column) => return Err(format!("列“{column}”不存在")),
            _ => {}
        }
    }
    Ok(())
}

pub fn check_campaign(
    file: &str,
    campaign: &Campaign,
    definition: &FormDefinition,
) -> Result<(), LoadError> {
    let fail = |place: &str, problem: String| Err(LoadError::new(file, place, problem));
    for (place, date) in [
        ("reference_date", &campaign.reference_date),
        ("deadline.date", &campaign.deadline.date),
    ] {
        if let Err(error) = Date::parse(date) {
            return fail(place, error.message("2023-04-30"));
        }
    }
    for key in campaign.word_limits.keys() {
        if definition.field(key).is_none() {
            return fail(
                &format!("word_limits.{key}"),
                format!("表格中没有字段“{key}”"),
            );
        }
    }
    let mut ids = HashSet::new();
    for (i, material) in campaign.materials.iter().enumerate() {
        if !ids.insert(material.id.as_str()) {
            return fail(
                &format!("materials[{i}]"),
                format!("材料编号“{}”重复", material.id),
            );
        }
    }
    for (i, copies) in campaign.paper_copies.iter().enumerate() {
        if !ids.contains(copies.material.as_str()) {
            return fail(
                &format!("paper_copies[{i}]"),
                format!("材料“{}”不在 materials 中", copies.material),
            );
        }
    }
    let photo = &campaign.photo.id_photo;
    if photo.width_mm <= 0.0 || photo.height_mm <= 0.0 {
        return fail(
            "photo.id_photo",
            "照片尺寸必须大于0：请写 size（小2寸、2寸或1寸），或 width_mm 和 height_mm".into(),
        );
    }
    super::check_notice::check_notice(file, campaign, definition)?;
    if let Some(range) = campaign.stories
        && range.min > range.max
    {
        return fail("stories", "故事个数的下限大于上限".into());
    }
    Ok(())
}
