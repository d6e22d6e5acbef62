//! The pages around the table, from the print model as the PDF prints them: the cover (title
//! and the lines of 候选人姓名, 工作单位 … on rules), the 填表说明, the evidence images with their
//! captions, a separate text (事迹材料) when the campaign asks for it and it is filled in, and
//! the footer 第 X 页 共 Y 页.

use docx_rs::{
    AlignmentType, BreakType, FieldCharType, Footer, InstrNUMPAGES, InstrPAGE, InstrText,
    Paragraph, Run, Table, TableAlignmentType, TableCell, TableCellBorder, TableCellBorderPosition,
    TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::images::{fit_width, picture};
use super::runs::{
    RunStyle, exact_pitch, line, paragraph, run, styled, text_paragraphs, twips, twips_u,
};
use super::{Block, DocxInput};
use crate::form::printed::{
    AfterPart, CAPTION_PT, COVER_LINE_PITCH_MM, COVER_LINE_PT, COVER_LINES_CENTRE_MM,
    COVER_RULE_MM, FOOTER_PT, HEADING_PT, INSTRUCTIONS_PT, INSTRUCTIONS_TITLE_PT, PADDING_MM,
    PlacedImage, SUBTITLE_CENTRE_MM, SUBTITLE_PT, TEXT_HEADING_PT, TITLE_CENTRE_MM, TITLE_PT,
};

/// Evidence images side by side when there are more than this many (the PDF's 2 × 2 pages).
const ONE_COLUMN_MAX: usize = 2;

/// The cover: the title split before 推荐表 as on the PDF, then the cover lines.
pub fn cover(context: &DocxInput) -> Vec<Block> {
    let cover = &context.form.cover;
    let first = cover.title.as_str();
    let top = context.form.page.margin_top_mm;
    let (title_style, subtitle_style) = (RunStyle::bold(TITLE_PT), RunStyle::bold(SUBTITLE_PT));
    let title_top = TITLE_CENTRE_MM - top - title_style.pitch_mm() / 2.0;
    let mut blocks = vec![Block::Paragraph(
        line(first, title_style, AlignmentType::Center).line_spacing(exact_pitch(
            title_style,
            title_top,
            0.0,
        )),
    )];
    let mut bottom = TITLE_CENTRE_MM + title_style.pitch_mm() / 2.0;
    if let Some(second) = &cover.subtitle {
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
    let spacer = RunStyle::plain(1.0);
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
fn cover_lines(context: &DocxInput) -> Table {
    let style = RunStyle::plain(COVER_LINE_PT);
    let lines = &context.form.cover.lines;
    let longest = lines
        .iter()
        .map(|l| l.label.chars().count() + 1)
        .max()
        .unwrap_or(0);
    let label_mm = style.chars_mm(longest as f32) + 1.0;
    let rows = lines
        .iter()
        .map(|cover_line| {
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
                .add_paragraph(line(&cover_line.value, style, AlignmentType::Center));
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
pub fn instructions(context: &DocxInput) -> Vec<Block> {
    let items = &context.form.instructions;
    if items.is_empty() {
        return Vec::new();
    }
    let heading = RunStyle::bold(INSTRUCTIONS_TITLE_PT);
    let spaced = run("填表说明", heading).character_spacing(twips(heading.chars_mm(1.0)));
    let mut blocks = vec![Block::Paragraph(
        paragraph(heading, AlignmentType::Center)
            .line_spacing(exact_pitch(heading, 0.0, 6.0))
            .add_run(spaced),
    )];
    let style = RunStyle::plain(INSTRUCTIONS_PT);
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

pub fn after_table(context: &DocxInput) -> Vec<Block> {
    let mut blocks = Vec::new();
    for part in &context.form.after_table {
        match part {
            AfterPart::Evidence {
                heading, images, ..
            } => blocks.extend(evidence(context, heading, images)),
            AfterPart::Text { heading, text, .. } => {
                let style = RunStyle::bold(TEXT_HEADING_PT);
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
fn evidence(context: &DocxInput, heading: &str, shown: &[PlacedImage]) -> Vec<Block> {
    let columns = if shown.len() <= ONE_COLUMN_MAX { 1 } else { 2 };
    let column_mm = context.text_width_mm() / columns as f32;
    let heading_style = RunStyle::bold(HEADING_PT);
    let caption_style = RunStyle::plain(CAPTION_PT);
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
            .map(|placed| {
                let mut cell = TableCell::new().width(twips_u(column_mm), WidthType::Dxa);
                if let Some(prepared) = context.images.get(&placed.file) {
                    // The size the PDF prints it at.
                    let (width, height) = fit_width(
                        placed.image.width,
                        placed.image.height,
                        column_mm - 2.0 * PADDING_MM,
                    );
                    cell = cell.add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .add_run(picture(prepared, width, height, &context.pictures)),
                    );
                }
                cell.add_paragraph(line(&placed.caption, caption_style, AlignmentType::Center))
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
    let new_page = paragraph(RunStyle::plain(1.0), AlignmentType::Left).page_break_before(true);
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
    let style = RunStyle::plain(FOOTER_PT);
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
