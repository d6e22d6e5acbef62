//! The page model: what the composer produces and both the PDF writer and the GUI's preview
//! paint. Plain data in millimetres with a top-left origin (y grows downward), free of printpdf
//! and egui types, so the preview shows exactly what will print.

use std::sync::Arc;

use crate::photo::EncodedImage;

#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Document title in the PDF's metadata.
    pub title: String,
    pub pages: Vec<Page>,
    /// Where each field's answer begins, so the preview can show the page being edited.
    pub anchors: Vec<Anchor>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub field: String,
    /// Index into `pages`.
    pub page: usize,
    pub y_mm: f32,
}

impl Document {
    /// The page where a field's answer begins.
    pub fn page_of(&self, field: &str) -> Option<usize> {
        self.anchors
            .iter()
            .find(|anchor| anchor.field == field)
            .map(|anchor| anchor.page)
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    pub width_mm: f32,
    pub height_mm: f32,
    /// Painted in order: later items over earlier ones.
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub enum Item {
    Text(TextRun),
    Line(Line),
    Rect(Rect),
    Circle(Circle),
    Image(ImageBox),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    pub r: f32,
    pub g: f32,
    pub b: f32,
}

impl Color {
    pub const BLACK: Color = Color {
        r: 0.0,
        g: 0.0,
        b: 0.0,
    };
    pub const fn gray(level: f32) -> Color {
        Color {
            r: level,
            g: level,
            b: level,
        }
    }
}

/// One line of text in one size, already broken and positioned.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Left end of the baseline.
    pub x_mm: f32,
    pub baseline_mm: f32,
    pub size_pt: f32,
    pub text: String,
    /// Extra space after every character, in points (justified lines, spaced titles).
    pub letter_spacing_pt: f32,
    /// Synthesized bold (fill and stroke), as Word does for 宋体.
    pub bold: bool,
    pub color: Color,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    pub from_mm: (f32, f32),
    pub to_mm: (f32, f32),
    pub width_pt: f32,
    /// Dash and gap lengths in mm; None for a solid line.
    pub dash_mm: Option<(f32, f32)>,
    pub color: Color,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x_mm: f32,
    pub y_mm: f32,
    pub width_mm: f32,
    pub height_mm: f32,
    /// Outline width in points; None for no outline.
    pub stroke_pt: Option<f32>,
    pub fill: Option<Color>,
    pub color: Color,
}

/// A circle outline: the seal guide (dashed, light).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Circle {
    pub center_mm: (f32, f32),
    pub radius_mm: f32,
    pub width_pt: f32,
    pub dash_mm: Option<(f32, f32)>,
    pub color: Color,
}

/// A JPEG placed in a box; the bytes are embedded unchanged (DCTDecode).
#[derive(Debug, Clone)]
pub struct ImageBox {
    pub x_mm: f32,
    pub y_mm: f32,
    pub width_mm: f32,
    pub height_mm: f32,
    pub image: Arc<EncodedImage>,
}

impl Page {
    pub fn a4() -> Self {
        Page {
            width_mm: 210.0,
            height_mm: 297.0,
            items: Vec::new(),
        }
    }

    pub fn a4_landscape() -> Self {
        Page {
            width_mm: 297.0,
            height_mm: 210.0,
            items: Vec::new(),
        }
    }

    /// All text on the page, in painting order (for tests and search).
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|item| match item {
            Item::Text(run) => Some(run),
            _ => None,
        })
    }
}
