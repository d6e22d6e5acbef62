//! From the print model (`form::printed`, resolved here from the definition, the campaign and
//! the answers) to pages: the cover, the optional 填表说明, the table flowing over as many pages
//! as its text needs, the evidence pages and any separate text, then the page numbers. This is
//! where text is measured, broken into lines and paginated. Pure: photos arrive already
//! prepared, the font as a `Measure`.

mod cells;
mod keep;
mod pages;
mod summary;
mod table;
mod text;

use std::collections::HashMap;
use std::sync::Arc;

use super::layout::{Anchor, Document, Item, Page};
use super::measure::Measure;
use crate::form::answers::Answers;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::print::PageSpec;
use crate::form::printed::{PrintedForm, resolve};
use crate::photo::EncodedImage;
use text::TextStyle;

pub use summary::{compose_summary, summary_row};

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
pub struct ComposeInput<'a> {
    pub definition: &'a FormDefinition,
    pub campaign: &'a Campaign,
    pub answers: &'a Answers,
    /// Prepared photos by their file name in the draft folder.
    pub images: &'a HashMap<String, Arc<EncodedImage>>,
    pub measure: &'a dyn Measure,
    pub options: ComposeOptions,
}

/// The resolved form and what measuring and drawing it needs.
struct Composer<'a> {
    form: &'a PrintedForm,
    images: &'a HashMap<String, Arc<EncodedImage>>,
    measure: &'a dyn Measure,
    options: ComposeOptions,
}

impl Composer<'_> {
    fn page(&self) -> &PageSpec {
        &self.form.page
    }

    fn left(&self) -> f32 {
        self.page().margin_left_mm
    }

    fn text_width(&self) -> f32 {
        let page = self.page();
        page.width_mm - page.margin_left_mm - page.margin_right_mm
    }

    fn body_style(&self) -> TextStyle {
        TextStyle::plain(self.page().font_size_pt)
    }

    fn min_size_pt(&self) -> f32 {
        self.page().min_font_size_pt
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
    fn new(page: &PageSpec) -> Self {
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
pub fn compose(input: &ComposeInput) -> Document {
    let form = resolve(input.definition, input.campaign, input.answers);
    let composer = Composer {
        form: &form,
        images: input.images,
        measure: input.measure,
        options: input.options,
    };
    compose_form(&composer)
}

/// The evidence booklet, where the campaign asks for one: its cover, then the evidence pages,
/// numbered like the form's.
pub fn compose_booklet(input: &ComposeInput) -> Option<Document> {
    let form = resolve(input.definition, input.campaign, input.answers);
    let booklet = form.booklet.clone()?;
    let form = PrintedForm {
        title: booklet.title,
        cover: booklet.cover,
        instructions: Vec::new(),
        after_table: booklet.parts,
        booklet: None,
        ..form
    };
    let composer = Composer {
        form: &form,
        images: input.images,
        measure: input.measure,
        options: input.options,
    };
    let mut pages = Pages::new(composer.page());
    pages::cover(&mut pages, &composer);
    pages::after_table(&mut pages, &composer);
    Some(finish(pages, &composer))
}

fn compose_form(composer: &Composer) -> Document {
    let mut pages = Pages::new(composer.page());
    pages::cover(&mut pages, composer);
    if composer.options.instructions {
        pages::instructions(&mut pages, composer);
    }
    table::compose_table(&mut pages, composer);
    pages::after_table(&mut pages, composer);
    finish(pages, composer)
}

/// The pages numbered (the cover carries no number) and titled.
fn finish(pages: Pages, composer: &Composer) -> Document {
    let (mut pages, anchors) = pages.finish();
    pages::number_pages(
        &mut pages,
        1,
        composer.page().margin_bottom_mm,
        composer.measure,
    );
    Document {
        title: composer.form.title.clone(),
        pages,
        anchors,
    }
}
