//! The printed form: `layout` is the page model, `compose` fills it from the definition and the
//! answers, `write` turns it into PDF bytes (the only code that imports printpdf).

pub mod compose;
pub mod export;
pub mod glyphs;
pub mod layout;
pub mod measure;
pub mod write;
