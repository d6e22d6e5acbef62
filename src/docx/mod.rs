//! The Word copy (.docx) of the 推荐表, which some notices (北京 2022) ask for beside the
//! stamped PDF. It maps the same print model as the PDF (`form::printed`) to docx-rs: the
//! cover, the 填表说明, the table on its column grid, the evidence images and any separate
//! text; photos prepared as for print (`photo::prepare`). Word lays the text out itself, so
//! nothing here measures text; the PDF stays the original.

mod cells;
mod images;
mod package;
mod pages;
mod runs;
mod table;

use docx_rs::{Docx, PageMargin, Paragraph, Section, Table};
use thiserror::Error;

use crate::draft::{Draft, DraftFolder};
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::printed::{PrintedForm, resolve};
use crate::photo::prepare::PreparedImages;
use images::PictureIds;
use runs::RunStyle;

#[derive(Debug, Error)]
pub enum DocxError {
    #[error("照片或图片“{file}”无法放进Word文件：{reason}")]
    Photo { file: String, reason: String },
    #[error(
        "生成Word文件时出错（{0}）。请再试一次；如果仍然出错，请先使用PDF版，并把这条信息告诉维护人员。"
    )]
    Package(String),
}

/// The draft as a Word document (.docx bytes).
pub fn export_docx(
    folder: &DraftFolder,
    draft: &Draft,
    definition: &FormDefinition,
    campaign: &Campaign,
) -> Result<Vec<u8>, DocxError> {
    let images = images::prepare_all(folder, definition, campaign, &draft.answers)?;
    let form = resolve(definition, campaign, &draft.answers);
    let input = DocxInput {
        form: &form,
        images: &images,
        pictures: PictureIds::default(),
    };
    package::pack(document(&input).build(), &runs::font_table())
        .map_err(|error| DocxError::Package(error.to_string()))
}

/// Everything building the document reads: the print model and the prepared photos.
pub(crate) struct DocxInput<'a> {
    form: &'a PrintedForm,
    images: &'a PreparedImages,
    pictures: PictureIds,
}

impl DocxInput<'_> {
    /// The body text: 五号 on the official form.
    fn body(&self) -> RunStyle {
        RunStyle::plain(self.form.page.font_size_pt)
    }

    fn text_width_mm(&self) -> f32 {
        let page = &self.form.page;
        page.width_mm - page.margin_left_mm - page.margin_right_mm
    }
}

/// A paragraph or a table of the body, in order.
// A few hundred per document, each moved once into the Docx: boxing would buy nothing.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

fn document(context: &DocxInput) -> Docx {
    let page = &context.form.page;
    let (width, height) = (runs::twips(page.width_mm), runs::twips(page.height_mm));
    // The footer's text centred in the bottom margin, where the PDF puts the page number.
    let footer_distance = page.margin_bottom_mm / 2.0 - RunStyle::plain(9.0).pitch_mm() / 2.0;
    let margin = PageMargin::new()
        .top(runs::twips(page.margin_top_mm))
        .bottom(runs::twips(page.margin_bottom_mm))
        .left(runs::twips(page.margin_left_mm))
        .right(runs::twips(page.margin_right_mm))
        .header(runs::twips(page.margin_top_mm / 2.0))
        .footer(runs::twips(footer_distance))
        .gutter(0);
    // The cover is a section of its own, without a footer (the footer is the last section's).
    let cover = pages::cover(context).into_iter().fold(
        Section::new()
            .page_size(docx_rs::PageSize::new().size(width as u32, height as u32))
            .page_margin(margin.clone()),
        |section, block| match block {
            Block::Paragraph(p) => section.add_paragraph(p),
            Block::Table(t) => section.add_table(t),
        },
    );
    let mut blocks = pages::instructions(context);
    blocks.push(Block::Table(table::table(context)));
    blocks.extend(pages::after_table(context));
    if matches!(blocks.last(), Some(Block::Table(_))) {
        // Word wants a paragraph after the last table; one point high, it cannot spill over
        // to an empty page.
        let tiny = RunStyle::plain(1.0);
        blocks.push(Block::Paragraph(runs::paragraph(
            tiny,
            docx_rs::AlignmentType::Left,
        )));
    }
    let body = context.body();
    let now = crate::clock::now_seconds();
    let docx = Docx::new()
        .default_fonts(runs::fonts())
        .default_size((body.size_pt * 2.0).round() as usize)
        .page_size(width as u32, height as u32)
        .page_margin(margin)
        .footer(pages::footer())
        .created_at(&w3c_time(now))
        .updated_at(&w3c_time(now))
        .add_section(cover);
    blocks.into_iter().fold(docx, |docx, block| match block {
        Block::Paragraph(p) => docx.add_paragraph(p),
        Block::Table(t) => docx.add_table(t),
    })
}

/// A time as docProps/core.xml writes it (2026-11-21T10:42:00+08:00), in the user's zone.
fn w3c_time(seconds: u64) -> String {
    let offset = crate::clock::utc_offset_hours();
    let sign = if offset < 0 { '-' } else { '+' };
    format!(
        "{}T{}{sign}{:02}:00",
        crate::clock::day(seconds),
        crate::clock::clock(seconds),
        offset.abs()
    )
}
