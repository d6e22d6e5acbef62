//! The draft being edited and what the guide needs to know about it: the section shown, which
//! fields show their findings, where to jump, and whether what is on screen is on disk. Runtime
//! state only; the draft itself is the persistent part.

use std::collections::HashSet;

use crate::draft::folder::DiskStamp;
use crate::draft::{Draft, DraftFolder};
use crate::form::answers::{Answer, AnswerRow, Answers};
use crate::form::campaign::Campaign;
use crate::form::definition::{Field, FormDefinition, Section};
use crate::form::validate::{Finding, Severity, is_relevant, validate};

/// How a section stands, for its mark in the side list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionMark {
    Empty,
    Errors(usize),
    Partial,
    Done,
}

impl SectionMark {
    pub fn label(self) -> String {
        match self {
            SectionMark::Empty => "未填".to_owned(),
            SectionMark::Errors(n) => format!("有错误 {n}"),
            SectionMark::Partial => "未完成".to_owned(),
            SectionMark::Done => "完成".to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing changed since loading.
    Loaded,
    /// Saved at this time (seconds since 1970).
    Saved(u64),
    /// Changed, not yet on disk.
    Pending,
    /// The last save failed; the text is still here.
    Failed(String),
}

pub struct Editor {
    pub folder: DraftFolder,
    pub draft: Draft,
    /// The content last written to (or read from) disk.
    saved: Draft,
    pub section: usize,
    /// Fields whose findings are shown: left at least once, or all after 下一步 or 检查.
    pub shown: HashSet<String>,
    pub show_all: bool,
    /// A field to bring into view and focus on the next frame (from the check panel).
    pub jump_to: Option<String>,
    /// The field last focused or changed: the preview shows its page.
    pub editing: Option<String>,
    /// Choice fields switched to free text (其他).
    pub other: HashSet<String>,
    pub status: SaveStatus,
    /// The draft file's stamp after our last load or save.
    disk: Option<DiskStamp>,
    disk_checked: std::time::Instant,
    /// The file on disk was changed by someone else since we last read or wrote it.
    pub changed_outside: bool,
    /// Save even if the content equals the last save (ours must go back over another's).
    force_save: bool,
    pub thumbnails: super::thumbnails::Thumbnails,
    /// Photo files checked on disk, and what was found: checked again only when the draft's
    /// photos change (or after a save), never every frame.
    photo_checks: Option<(Vec<String>, Vec<Finding>)>,
    /// Photos being read and copied into the folder (one job at a time).
    pub photo_job: Option<super::photo_job::PhotoJob>,
}

impl Editor {
    pub fn new(folder: DraftFolder, draft: Draft) -> Self {
        Editor {
            disk: folder.disk_stamp(),
            folder,
            saved: draft.clone(),
            draft,
            section: 0,
            shown: HashSet::new(),
            show_all: false,
            jump_to: None,
            editing: None,
            other: HashSet::new(),
            status: SaveStatus::Loaded,
            disk_checked: std::time::Instant::now(),
            changed_outside: false,
            force_save: false,
            thumbnails: Default::default(),
            photo_checks: None,
            photo_job: None,
        }
    }

    pub fn thumbnails_loading(&self) -> bool {
        self.thumbnails.is_loading()
    }

    /// Whether the screen holds something the disk does not.
    pub fn is_dirty(&self) -> bool {
        self.force_save || !self.draft.same_content(&self.saved)
    }

    /// Called when a save of `content` has landed.
    pub fn saved(&mut self, content: Draft, at: u64, stamp: Option<DiskStamp>) {
        // Edits made while this was being written keep the draft dirty (and pending).
        if content.same_content(&self.draft) {
            self.status = SaveStatus::Saved(at);
        }
        self.saved = content;
        self.disk = stamp;
        // A save is a moment to look at the photo files again.
        self.photo_checks = None;
        self.changed_outside = false;
        self.force_save = false;
    }

    /// The file's stamp after our last load or save.
    pub fn disk_stamp(&self) -> Option<DiskStamp> {
        self.disk
    }

    /// Makes the next save write even if nothing changed here (to put our version back over
    /// one written by someone else).
    pub fn force_dirty(&mut self) {
        self.force_save = true;
    }

    /// Looks (at most once a second, and only while no save of ours is under way) whether the
    /// draft file was changed by someone else; returns true when that is newly found.
    pub fn check_disk(&mut self) -> bool {
        let settled = !self.is_dirty() && !matches!(self.status, SaveStatus::Pending);
        if self.changed_outside
            || !settled
            || self.disk_checked.elapsed() < std::time::Duration::from_secs(1)
        {
            return false;
        }
        self.disk_checked = std::time::Instant::now();
        let now = self.folder.disk_stamp();
        if now.is_some() && now != self.disk {
            self.changed_outside = true;
            return true;
        }
        false
    }

    pub fn findings(&self, definition: &FormDefinition, campaign: &Campaign) -> Vec<Finding> {
        let mut findings = validate(definition, campaign, &self.draft.answers);
        if let Some((_, photo_findings)) = &self.photo_checks {
            findings.extend(photo_findings.iter().cloned());
        }
        findings
    }

    /// Looks at the photo files on disk when the set the draft refers to has changed since the
    /// last look (a photo added, replaced or removed), or after a save.
    pub fn refresh_photo_checks(&mut self, definition: &FormDefinition) {
        let files: Vec<String> = self
            .draft
            .answers
            .photo_files()
            .into_iter()
            .map(|(_, photo)| photo.file.clone())
            .collect();
        if self
            .photo_checks
            .as_ref()
            .is_some_and(|(checked, _)| *checked == files)
        {
            return;
        }
        let found = self.folder.missing_photos(definition, &self.draft);
        self.photo_checks = Some((files, found));
    }

    /// Sections of this campaign's form, in fill order.
    pub fn sections<'a>(definition: &'a FormDefinition, campaign: &Campaign) -> Vec<&'a Section> {
        definition
            .sections
            .iter()
            .filter(|section| {
                section
                    .fields
                    .iter()
                    .any(|field| is_relevant(field, campaign))
            })
            .collect()
    }

    pub fn mark(
        &self,
        section: &Section,
        campaign: &Campaign,
        findings: &[Finding],
    ) -> SectionMark {
        let fields: Vec<&Field> = section
            .fields
            .iter()
            .filter(|f| f.kind.is_fillable() && is_relevant(f, campaign))
            .collect();
        let errors = findings
            .iter()
            .filter(|f| {
                f.severity == Severity::Error && fields.iter().any(|field| field.id == f.field)
            })
            .count();
        let answers = &self.draft.answers;
        let any_filled = fields.iter().any(|field| answers.is_filled(&field.id));
        let required_filled = fields
            .iter()
            .filter(|f| f.required)
            .all(|f| answers.is_filled(&f.id));
        if fields.is_empty() {
            SectionMark::Done
        } else if !any_filled && errors > 0 {
            SectionMark::Empty
        } else if errors > 0 {
            SectionMark::Errors(errors)
        } else if required_filled {
            SectionMark::Done
        } else {
            SectionMark::Partial
        }
    }

    /// Moves to a section; findings of the one left are shown from now on.
    pub fn go_to(&mut self, index: usize, definition: &FormDefinition, campaign: &Campaign) {
        if let Some(section) = Self::sections(definition, campaign).get(self.section) {
            self.shown
                .extend(section.fields.iter().map(|f| f.id.clone()));
        }
        let sections = Self::sections(definition, campaign);
        self.section = index.min(sections.len().saturating_sub(1));
        // The preview turns to where the new section prints.
        if let Some(first) = sections.get(self.section).and_then(|section| {
            section
                .fields
                .iter()
                .find(|f| f.kind.is_fillable() && is_relevant(f, campaign))
        }) {
            self.editing = Some(first.id.clone());
        }
    }

    /// Opens the section of a field and asks for it to be focused.
    pub fn jump(&mut self, field_id: &str, definition: &FormDefinition, campaign: &Campaign) {
        let sections = Self::sections(definition, campaign);
        if let Some(index) = sections
            .iter()
            .position(|s| s.fields.iter().any(|f| f.id == field_id))
        {
            self.section = index;
        }
        self.shown.insert(field_id.to_owned());
        self.jump_to = Some(field_id.to_owned());
    }
}

/// The text of a field, for editing in place (any other kind of answer there is replaced).
pub fn text_mut<'a>(answers: &'a mut Answers, id: &str) -> Option<&'a mut String> {
    let entry = answers
        .0
        .entry(id.to_owned())
        .or_insert_with(|| Answer::Text(String::new()));
    if !matches!(entry, Answer::Text(_)) {
        *entry = Answer::Text(String::new());
    }
    match entry {
        Answer::Text(text) => Some(text),
        _ => None,
    }
}

/// The rows of a field, for editing in place.
pub fn rows_mut<'a>(answers: &'a mut Answers, id: &str) -> Option<&'a mut Vec<AnswerRow>> {
    let entry = answers
        .0
        .entry(id.to_owned())
        .or_insert_with(|| Answer::Rows(Vec::new()));
    if !matches!(entry, Answer::Rows(_)) {
        *entry = Answer::Rows(Vec::new());
    }
    match entry {
        Answer::Rows(rows) => Some(rows),
        _ => None,
    }
}
