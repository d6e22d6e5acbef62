//! The notice reader: from a notice's text to a campaign for the editor to review. Plain Rust,
//! no I/O: the caller decodes the file (see `jobs::notice`). It never invents: each value keeps
//! the sentence it came from; what it could not find is listed; a value it is unsure of is a
//! suggestion, not filled; required fields of the schema the notice does not give get a marked
//! stand-in and a `silent` line saying so.

mod build;
mod contacts;
mod dates;
mod extras;
mod header;
mod limits;
mod materials;
pub mod normalise;
mod photos;
mod quotas;
mod scan;

pub use build::MISSING_MARK;

use super::campaign::Campaign;

/// One value read from the notice, with the sentence it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The field as the editor groups it, in Chinese (e.g. 截止日期).
    pub field: String,
    pub value: String,
    pub source: String,
}

/// What the reader made of a notice.
#[derive(Debug, Clone)]
pub struct Reading {
    pub campaign: Campaign,
    /// Values filled into the campaign.
    pub found: Vec<Found>,
    /// Values offered, not filled (unsure).
    pub suggestions: Vec<Found>,
    /// Fields the notice did not give, in Chinese.
    pub missing: Vec<String>,
}

/// The notice's text cut into clean lines and sentences, for the extractors.
pub struct Text {
    /// The lines as written, spaces kept (names in a contact line are set apart by them).
    pub raw_lines: Vec<String>,
    pub lines: Vec<String>,
    pub sentences: Vec<String>,
}

impl Text {
    pub fn new(raw: &str) -> Text {
        let lines = normalise::lines(raw);
        let sentences = normalise::sentences(&lines);
        let raw_lines = raw.lines().map(|l| l.replace('\u{3000}', " ")).collect();
        Text {
            raw_lines,
            lines,
            sentences,
        }
    }

    /// The first sentence containing all `words`.
    pub fn sentence_with(&self, words: &[&str]) -> Option<&str> {
        self.sentences
            .iter()
            .map(String::as_str)
            .find(|s| words.iter().all(|w| s.contains(w)))
    }
}

/// Collects found values, suggestions and what is missing while the extractors run.
#[derive(Default)]
pub struct Notes {
    pub found: Vec<Found>,
    pub suggestions: Vec<Found>,
    pub missing: Vec<String>,
    /// How the reader took a phrase the notice leaves open, for the campaign's `silent` lines.
    pub silent: Vec<String>,
}

impl Notes {
    pub fn found(&mut self, field: &str, value: impl Into<String>, source: &str) {
        self.found.push(Found {
            field: field.to_owned(),
            value: value.into(),
            source: source.trim().to_owned(),
        });
    }

    pub fn suggest(&mut self, field: &str, value: impl Into<String>, source: &str) {
        self.suggestions.push(Found {
            field: field.to_owned(),
            value: value.into(),
            source: source.trim().to_owned(),
        });
    }

    pub fn missing(&mut self, field: &str) {
        self.missing.push(field.to_owned());
    }
}

/// Reads a notice's text (already decoded) into a campaign.
pub fn read_notice(raw: &str) -> Reading {
    let text = Text::new(raw);
    let mut notes = Notes::default();
    let campaign = build::campaign(&text, &mut notes);
    Reading {
        campaign,
        found: notes.found,
        suggestions: notes.suggestions,
        missing: notes.missing,
    }
}
