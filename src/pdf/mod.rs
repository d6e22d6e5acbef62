//! The printed form as PDF: `compose` measures, breaks and paginates the print model
//! (`form::printed`) into pages of `layout`, measuring with `font`; `write` turns the pages into
//! PDF bytes. Only `write` (the document) and `font` (the metrics it embeds) import printpdf.

pub mod compose;
pub mod export;
pub mod font;
pub mod glyphs;
pub mod layout;
pub mod measure;
pub mod write;
