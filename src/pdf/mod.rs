//! The printed form as PDF: `compose` measures, breaks and paginates the print model
//! (`form::printed`) into pages of `layout`, measuring with `font`; `write` turns the pages into
//! PDF bytes. Only `write` imports printpdf; `font` reads the font file in place (`sfnt`) and
//! cuts the subset each PDF embeds (`subset`).

pub mod compose;
pub mod export;
pub mod font;
pub mod glyphs;
pub mod layout;
pub mod measure;
mod sfnt;
mod subset;
pub mod write;
