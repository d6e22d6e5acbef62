//! The pages around the table, as the PDF has them (pdf::compose::pages): the cover (title and
//! the lines of 候选人姓名, 工作单位 … on rules), the 填表说明, the evidence images with their
//! captions, a separate text (事迹材料) when the campaign asks for it and it is filled in, and
//! the footer 第 X 页 共 Y 页.

use docx_rs::{
    AlignmentType, BreakType, FieldCharType, Footer, InstrNUMPAGES, InstrPAGE, InstrText,
    Paragraph, Run, Table, TableAlignmentType, TableCell, TableCellBorder, TableCellBorderPosition,
    TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::cells::PADDING_MM;
use super::images::{fit_width, picture};
use super::runs::{
    Style, exact_pitch, line, paragraph, run, styled, text_paragraphs, twips, twips_u,
};
use super::{Block, Context};
use crate::form::print::AfterTable;
use crate::pdf::compose::{EVIDENCE_DPI, evidence_layout, printed};

// Sizes and places of the PDF's cover, in pt and mm from the top of the page.
const TITLE_PT: f32 = 22.0;
const SUBTITLE_PT: f32 = 26.0;
const TITLE_CENTRE_MM: f32 = 75.0;
const SUBTITLE_CENTRE_MM: f32 = 100.0;
const COVER_LINE_PT: f32 = 16.0;
const COVER_LINES_CENTRE_MM: f32 = 165.0;
const COVER_LINE_PITCH_MM: f32 = 16.0;
const COVER_RULE_MM: f32 = 85.0;
const INSTRUCTIONS_TITLE_PT: f32 = 16.0;
const INSTRUCTIONS_PT: f32 = 12.0;
const HEADING_PT: f32 = 12.0;
const TEXT_HEADING_PT: f32 = 16.0;
const CAPTION_PT: f32 = 9.0;
const FOOTER_PT: f32 = 9.0;
/// Evidence images side by side when there are more than this many (the PDF's 2 × 2 pages).
const ONE_COLUMN_MAX: usize = 2;

/// The cover: the title split before 推荐表 as on the PDF, then the cover lines.
pub fn cover(context: &Context) -> Vec<Block> {
    let title = &context.campaign.form_title;
    let (first, second) = match title.strip_suffix("推荐表") {
        Some(head) if !head.is_empty() => (head, "推荐表"),
        _ => (title.as_str(), ""),
    };
    let top = context.definition.print.page.margin_top_mm;
    let (title_style, subtitle_style) = (Style::bold(TITLE_PT), Style::bold(SUBTITLE_PT));
    let title_top = TITLE_CENTRE_MM - top - title_style.pitch_mm() / 2.0;
    let mut blocks = vec![Block::Paragraph(
        line(first, title_style, AlignmentType::Center).line_spacing(exact_pitch(
            title_style,
            title_top,
            0.0,
        )),
    )];
    let mut bottom = TITLE_CENTRE_MM + title_style.pitch_mm() / 2.0;
    if !second.is_empty() {
        let gap = SUBTITLE_CENTRE_MM - subtitle_style.pitch_mm() / 2.0 - bottom;
        // Spaced one character apart, 推 荐 表, as on the PDF.
        let spaced =
            run(second, subtitle_style).character_spacing(twips(subtitle_style.chars_mm(1.0)));
        blocks.push(Block::Paragraph(
            paragraph(subtitle_style, AlignmentType::Center)
                .line_spacing(exact_pitch(subtitle_style, gap, 0.0))
                .add_run(spaced),
        ));
        bottom = SUBTITLE_CENTRE_MM + subtitle_style.pitch_mm() / 2.0;
    }
    let lines_top = COVER_LINES_CENTRE_MM - COVER_LINE_PITCH_MM / 2.0;
    let spacer = Style::plain(1.0);
    blocks.push(Block::Paragraph(
        paragraph(spacer, AlignmentType::Left).line_spacing(exact_pitch(
            spacer,
            lines_top - bottom,
            0.0,
        )),
    ));
    blocks.push(Block::Table(cover_lines(context)));
    blocks
}

/// 候选人姓名：____ lines: labels in a column as wide as the longest, answers centred on rules.
fn cover_lines(context: &Context) -> Table {
    let style = Style::plain(COVER_LINE_PT);
    let lines = &context.definition.print.cover.lines;
    let longest = lines
        .iter()
        .map(|l| l.label.chars().count() + 1)
        .max()
        .unwrap_or(0);
    let label_mm = style.chars_mm(longest as f32) + 1.0;
    let rows = lines
        .iter()
        .map(|cover_line| {
            let value = if context.relevant(&cover_line.field) {
                printed(context.definition, context.answers, &cover_line.field)
            } else {
                String::new()
            };
            let label = TableCell::new()
                .width(twips_u(label_mm), WidthType::Dxa)
                .vertical_align(VAlignType::Bottom)
                .add_paragraph(line(
                    &format!("{}：", cover_line.label),
                    style,
                    AlignmentType::Left,
                ));
            let rule = TableCell::new()
                .width(twips_u(COVER_RULE_MM), WidthType::Dxa)
                .vertical_align(VAlignType::Bottom)
                .clear_all_border()
                .set_border(TableCellBorder::new(TableCellBorderPosition::Bottom).size(6))
                .add_paragraph(line(&value, style, AlignmentType::Center));
            TableRow::new(vec![label, rule])
                .row_height(twips(COVER_LINE_PITCH_MM) as f32)
                .cant_split()
        })
        .collect();
    Table::without_borders(rows)
        .set_grid(vec![twips_u(label_mm), twips_u(COVER_RULE_MM)])
        .layout(TableLayoutType::Fixed)
        .width(twips_u(label_mm + COVER_RULE_MM), WidthType::Dxa)
        .align(TableAlignmentType::Center)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

/// The 填表说明, one paragraph per item; the last one ends its page, so the table starts on a
/// page of its own.
pub fn instructions(context: &Context) -> Vec<Block> {
    let items = &context.definition.instructions;
    if items.is_empty() {
        return Vec::new();
    }
    let heading = Style::bold(INSTRUCTIONS_TITLE_PT);
    let spaced = run("填表说明", heading).character_spacing(twips(heading.chars_mm(1.0)));
    let mut blocks = vec![Block::Paragraph(
        paragraph(heading, AlignmentType::Center)
            .line_spacing(exact_pitch(heading, 0.0, 6.0))
            .add_run(spaced),
    )];
    let style = Style::plain(INSTRUCTIONS_PT);
    let mut paragraphs: Vec<Paragraph> = items
        .iter()
        .flat_map(|item| text_paragraphs(item, style))
        .map(|p| p.line_spacing(exact_pitch(style, 0.0, 1.5)))
        .collect();
    if let Some(last) = paragraphs.pop() {
        paragraphs.push(last.add_run(Run::new().add_break(BreakType::Page)));
    }
    blocks.extend(paragraphs.into_iter().map(Block::Paragraph));
    blocks
}

pub fn after_table(context: &Context) -> Vec<Block> {
    let mut blocks = Vec::new();
    for part in &context.definition.print.after_table {
        if !context.relevant(part.field()) {
            continue;
        }
        match part {
            AfterTable::Images {
                field,
                heading,
                max_pages,
            } => blocks.extend(evidence(context, field, heading, *max_pages)),
            AfterTable::Text { field, heading } => {
                let text = context.answers.text(field);
                if text.is_empty() {
                    continue;
                }
                let style = Style::bold(TEXT_HEADING_PT);
                blocks.push(Block::Paragraph(
                    line(heading, style, AlignmentType::Center)
                        .line_spacing(exact_pitch(style, 0.0, 6.0))
                        .page_break_before(true),
                ));
                blocks.extend(
                    text_paragraphs(text, context.body())
                        .into_iter()
                        .map(Block::Paragraph),
                );
            }
        }
    }
    blocks
}

/// The evidence images under their heading, in a bordered table of one column (two images at
/// most, each the full width) or two, each with its caption; as many as the PDF prints.
fn evidence(context: &Context, field: &str, heading: &str, max_pages: u32) -> Vec<Block> {
    let images = context.answers.images(field);
    let (_, shown) = evidence_layout(images, max_pages, &context.definition.print.page);
    let Some(shown) = images.get(..shown).filter(|shown| !shown.is_empty()) else {
        return Vec::new();
    };
    let columns = if shown.len() <= ONE_COLUMN_MAX { 1 } else { 2 };
    let column_mm = context.text_width_mm() / columns as f32;
    let heading_style = Style::bold(HEADING_PT);
    let caption_style = Style::plain(CAPTION_PT);
    let heading_cell = TableCell::new()
        .width(twips_u(context.text_width_mm()), WidthType::Dxa)
        .grid_span(columns)
        .vertical_align(VAlignType::Center)
        .add_paragraph(line(heading, heading_style, AlignmentType::Center));
    let mut rows = vec![
        TableRow::new(vec![heading_cell])
            .row_height(twips(2.5 * heading_style.pitch_mm()) as f32)
            .cant_split(),
    ];
    for pair in shown.chunks(columns) {
        let mut cells: Vec<TableCell> = pair
            .iter()
            .map(|photo| {
                let mut cell = TableCell::new().width(twips_u(column_mm), WidthType::Dxa);
                if let Some(prepared) = context.images.get(&photo.file) {
                    // The size the PDF prints it at (its target at EVIDENCE_DPI).
                    let mm = |px: u32| px as f32 * 25.4 / EVIDENCE_DPI as f32;
                    let (width, height) = fit_width(
                        mm(prepared.target.width_px),
                        mm(prepared.target.height_px),
                        column_mm - 2.0 * PADDING_MM,
                    );
                    cell = cell.add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .add_run(picture(&prepared.image, width, height, &context.pictures)),
                    );
                }
                let caption = photo.caption.as_deref().unwrap_or("");
                cell.add_paragraph(line(caption, caption_style, AlignmentType::Center))
            })
            .collect();
        while cells.len() < columns {
            cells.push(
                TableCell::new()
                    .width(twips_u(column_mm), WidthType::Dxa)
                    .add_paragraph(Paragraph::new()),
            );
        }
        rows.push(TableRow::new(cells).cant_split());
    }
    let pad = twips_u(PADDING_MM);
    let new_page = paragraph(Style::plain(1.0), AlignmentType::Left).page_break_before(true);
    vec![
        // Tables cannot start a page themselves: a one-point paragraph does it for them.
        Block::Paragraph(new_page),
        Block::Table(
            Table::new(rows)
                .set_grid(vec![twips_u(column_mm); columns])
                .layout(TableLayoutType::Fixed)
                .width(twips_u(context.text_width_mm()), WidthType::Dxa)
                .margins(TableCellMargins::new().margin(pad, pad, pad, pad)),
        ),
    ]
}

/// 第 X 页 共 Y 页 on every page but the cover. The PDF leaves the cover out of the count too;
/// Word could with SECTIONPAGES, but LibreOffice (7.4) does not compute that field and shows
/// its stale value, so the count here includes the cover: the table starts on 第 2 页.
pub fn footer() -> Footer {
    let style = Style::plain(FOOTER_PT);
    let field = |instruction: InstrText| {
        styled(style)
            .add_field_char(FieldCharType::Begin, false)
            .add_instr_text(instruction)
            .add_field_char(FieldCharType::Separate, false)
            .add_text("1")
            .add_field_char(FieldCharType::End, false)
    };
    Footer::new().add_paragraph(
        paragraph(style, AlignmentType::Center)
            .add_run(run("第 ", style))
            .add_run(field(InstrText::PAGE(InstrPAGE::new())))
            .add_run(run(" 页 共 ", style))
            .add_run(field(InstrText::NUMPAGES(InstrNUMPAGES::new())))
            .add_run(run(" 页", style)),
    )
}
