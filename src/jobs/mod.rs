//! The jobs a user or a script asks for — export, summary, batch, pack, docx, share, import —
//! one function each, called alike by the command line and the window. A job takes paths and
//! loaded drafts, writes its files through the one writer (`crate::files`), and returns what it
//! made (`Done`, which also says it in Chinese) or a typed `JobError`.

mod done;
mod error;
mod load;
pub mod notice;
mod secretary;
mod single;

pub use done::Done;
pub use error::JobError;
pub use load::{OneCampaign, catalog_for, load_draft, load_one_campaign};
pub use secretary::{batch, pack, summary};
pub use single::{docx, export, import, share};
