//! The form engine: definitions, campaigns, answers, rules and 字数. Plain Rust: no UI, no I/O.

pub mod answers;
pub mod campaign;
pub mod campaign_rules;
pub mod catalog;
pub mod check;
mod check_notice;
pub mod count;
pub mod dates;
pub mod definition;
pub mod limit;
pub mod notice;
pub mod print;
pub mod printed;
pub mod rules;
pub mod summary;
pub mod units;
pub mod validate;
pub mod wording;
