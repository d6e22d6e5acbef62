//! The secretary's side: drafts travelling between candidate and secretary as one zip, the
//! table of a campaign's candidates with the youth figure, all forms in one PDF for
//! double-sided printing, and the submission package with its 材料清单.

pub mod batch;
pub mod checklist;
mod checklist_notice;
mod error;
mod evidence_pdf;
pub mod exchange;
mod folder_zip;
pub mod import;
pub mod pack;
mod pack_candidate;
mod pack_files;
mod parallel;
pub mod photos;
pub mod progress;
pub mod roster;
pub mod shares;
mod zip_entry_name;
pub mod zip_writer;

pub use error::PackageError;
