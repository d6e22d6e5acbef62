//! 填表助手 (tianbiao): fill in the “最美科技工作者” recommendation form offline, print it, and
//! hand in every material the notice asks for. The engine (`form`) is plain Rust; drafts on disk
//! are in `draft`; the command line and the GUI are clients of both.

pub mod cli;
pub mod clock;
pub mod docx;
pub mod draft;
pub mod files;
pub mod fonts;
pub mod form;
pub mod jobs;
pub mod package;
pub mod pdf;
pub mod photo;
pub mod platform;
pub mod ui;
