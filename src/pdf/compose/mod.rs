//! From the definition, the campaign and the answers to pages: the cover, the optional 填表说明,
//! the table flowing over as many pages as its text needs, the evidence pages and any separate
//! text, then the page numbers. Pure: photos arrive already prepared, the font as a `Measure`.

mod cells;
mod pages;
mod summary;
mod table;
mod text;
mod values;

use std::collections::HashMap;
use std::sync::Arc;

use super::layout::{Anchor, Document, EncodedImage, Item, Page};
use super::measure::Measure;
use crate::form::answers::Answers;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::print::PrintLayout;
use crate::form::validate::is_relevant;
use text::Style;

pub use cells::{SEAL_BLOCK_MM, SEAL_DIAMETER_MM};
pub use pages::{EVIDENCE_DPI, ImageTarget, evidence_layout, image_targets};
pub use summary::{compose_summary, summary_row};
pub use values::{period, printed};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComposeOptions {
    /// Dashed circles where the seals go (off for the final original; the space stays).
    pub seal_guides: bool,
    /// The 填表说明 page after the cover.
    pub instructions: bool,
}

impl Default for ComposeOptions {
    fn default() -> Self {
        ComposeOptions {
            seal_guides: true,
            instructions: true,
        }
    }
}

/// Everything composing reads.
pub struct Context<'a> {
    pub definition: &'a FormDefinition,
    pub campaign: &'a Campaign,
    pub answers: &'a Answers,
    /// Prepared photos by their file name in the draft folder.
    pub images: &'a HashMap<String, Arc<EncodedImage>>,
    pub measure: &'a dyn Measure,
    pub options: ComposeOptions,
}

impl Context<'_> {
    fn layout(&self) -> &PrintLayout {
        &self.definition.print
    }

    fn left(&self) -> f32 {
        self.layout().page.margin_left_mm
    }

    fn text_width(&self) -> f32 {
        let page = &self.layout().page;
        page.width_mm - page.margin_left_mm - page.margin_right_mm
    }

    fn body_style(&self) -> Style {
        Style::plain(self.layout().page.font_size_pt)
    }

    fn min_size_pt(&self) -> f32 {
        self.layout().page.min_font_size_pt
    }

    /// The ID photo's printed size in mm (the campaign's 小2寸).
    fn photo_size(&self) -> (f32, f32) {
        let photo = &self.campaign.photo.id_photo;
        (photo.width_mm, photo.height_mm)
    }

    fn relevant(&self, field: &str) -> bool {
        self.definition
            .field(field)
            .is_some_and(|f| is_relevant(f, self.campaign))
    }
}

/// Pages being filled, with the position of the next row on the current one.
pub struct Pages {
    done: Vec<Page>,
    current: Page,
    width: f32,
    height: f32,
    top: f32,
    bottom: f32,
    /// Where the next thing goes on the current page.
    y: f32,
    anchors: Vec<Anchor>,
}

impl Pages {
    fn new(layout: &PrintLayout) -> Self {
        let page = &layout.page;
        Pages {
            done: Vec::new(),
            current: Page {
                width_mm: page.width_mm,
                height_mm: page.height_mm,
                items: Vec::new(),
            },
            width: page.width_mm,
            height: page.height_mm,
            top: page.margin_top_mm,
            bottom: page.height_mm - page.margin_bottom_mm,
            y: page.margin_top_mm,
            anchors: Vec::new(),
        }
    }

    /// Notes that a field's answer is printed here (the first time only: where it begins).
    fn anchor(&mut self, field: &str, y_mm: f32) {
        if !self.anchors.iter().any(|anchor| anchor.field == field) {
            self.anchors.push(Anchor {
                field: field.to_owned(),
                page: self.done.len(),
                y_mm,
            });
        }
    }

    /// Starts a new page (the first page exists from the start).
    fn new_page(&mut self) {
        let next = Page {
            width_mm: self.width,
            height_mm: self.height,
            items: Vec::new(),
        };
        self.done.push(std::mem::replace(&mut self.current, next));
        self.y = self.top;
    }

    fn finish(mut self) -> (Vec<Page>, Vec<Anchor>) {
        self.done.push(self.current);
        (self.done, self.anchors)
    }

    /// Height left on the current page.
    fn room(&self) -> f32 {
        self.bottom - self.y
    }

    fn at_top(&self) -> bool {
        self.y <= self.top + 0.01
    }

    fn items(&mut self) -> &mut Vec<Item> {
        &mut self.current.items
    }
}

/// The whole printed form.
pub fn compose(context: &Context) -> Document {
    let mut pages = Pages::new(context.layout());
    pages::cover(&mut pages, context);
    if context.options.instructions {
        pages::instructions(&mut pages, context);
    }
    table::compose_table(&mut pages, context);
    pages::after_table(&mut pages, context);
    let (mut pages, anchors) = pages.finish();
    // The cover carries no number.
    pages::number_pages(
        &mut pages,
        1,
        context.layout().page.margin_bottom_mm,
        context.measure,
    );
    let name = context.answers.text("name");
    let title = if name.is_empty() {
        context.campaign.form_title.clone()
    } else {
        format!("{}（{}）", context.campaign.form_title, name)
    };
    Document {
        title,
        pages,
        anchors,
    }
}
