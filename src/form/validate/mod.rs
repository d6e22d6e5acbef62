//! The validator: (definition, campaign, answers) → findings. Headless and pure: it reads no
//! files (the draft store adds findings about missing photo files) and knows no UI.

mod eligibility;
mod exclusions;
mod history;
pub use history::is_present;
mod images;
mod limits;
pub use limits::story_count;
mod person;
mod text;

use super::answers::Answers;
use super::campaign::{Campaign, EvidencePlacement};
use super::dates::{Date, YearMonth};
use super::definition::{Field, FieldKind, FormDefinition};
use super::limit::WordLimit;
use super::rules::Rule;

/// How much a finding matters: an error blocks the final print, a warning asks to confirm, a
/// hint only informs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Hint,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Hint => "提示",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// The field it belongs to.
    pub field: String,
    /// The row of a repeated field (0-based), where the finding is about one row.
    pub row: Option<usize>,
    /// A stable name of what was checked (`required`, `mobile`, `overlap` …), for tests and
    /// for the UI to group by; never shown to the user.
    pub code: &'static str,
    /// What is wrong and how to fix it, in Chinese.
    pub message: String,
}

impl Finding {
    pub fn new(severity: Severity, field: &Field, code: &'static str, message: String) -> Self {
        Finding {
            severity,
            field: field.id.clone(),
            row: None,
            code,
            message,
        }
    }

    pub fn in_row(mut self, row: usize) -> Self {
        self.row = Some(row);
        self
    }
}

/// What a rule needs besides its own field's answer.
pub struct CheckInput<'a> {
    pub definition: &'a FormDefinition,
    pub campaign: &'a Campaign,
    pub answers: &'a Answers,
    /// The campaign's reference date (ages are counted on it), if its file gives a valid one.
    pub reference_date: Option<Date>,
}

impl CheckInput<'_> {
    /// The word limit in force for a field: the campaign's, else the form's own.
    pub fn word_limit(&self, field_id: &str) -> Option<&WordLimit> {
        crate::form::wording::word_limit_in_force(self.definition, self.campaign, field_id)
    }

    /// The parsed 出生年月, if filled in validly.
    pub fn birth(&self) -> Option<YearMonth> {
        YearMonth::parse(self.answers.text("birth")).ok()
    }
}

/// Whether a field belongs to this campaign's form (some exist only where a notice asks).
pub fn is_relevant(field: &Field, campaign: &Campaign) -> bool {
    let limit_set = field
        .only_if_campaign_limit
        .as_ref()
        .is_none_or(|key| campaign.word_limits.contains_key(key));
    let material_asked = field
        .only_if_campaign_material
        .as_ref()
        .is_none_or(|id| campaign.materials.iter().any(|m| &m.id == id));
    let evidence_asked = !field.only_if_campaign_evidence
        || campaign.evidence_placement() != EvidencePlacement::NotAsked;
    // A notice that asks for no ID photo: the photo field is not part of its form.
    let photo_asked = !matches!(field.kind, FieldKind::Photo) || campaign.photo.id_photo.asked;
    limit_set && material_asked && evidence_asked && photo_asked
}

/// Every finding for a draft, in the order of the form, errors first within a field.
pub fn validate(
    definition: &FormDefinition,
    campaign: &Campaign,
    answers: &Answers,
) -> Vec<Finding> {
    let context = CheckInput {
        definition,
        campaign,
        answers,
        reference_date: Date::parse(&campaign.reference_date).ok(),
    };
    let mut findings = Vec::new();
    for field in definition.fields().filter(|f| is_relevant(f, campaign)) {
        let mut own = check_field(field, &context);
        own.sort_by_key(|finding| (finding.row, finding.severity));
        findings.extend(own);
    }
    findings
}

/// The findings of one field (the GUI calls this when a field loses focus).
pub fn check_field(field: &Field, context: &CheckInput) -> Vec<Finding> {
    let mut findings = Vec::new();
    if !field.kind.is_fillable() {
        return findings;
    }
    eligibility::check(field, context, &mut findings);
    if !context.answers.is_filled(&field.id) {
        if field.required {
            findings.push(required(field, context));
        }
        // Photos the notice asks for as files: none yet is worth a warning, not an error
        // (printing the form does not need them).
        if field.rules.contains(&Rule::PackagePhotos) {
            images::package_photos(field, context, &mut findings);
        }
        return findings;
    }
    check_kind(field, context, &mut findings);
    for rule in &field.rules {
        check_rule(rule, field, context, &mut findings);
    }
    findings
}

fn required(field: &Field, context: &CheckInput) -> Finding {
    let message = match field.kind {
        FieldKind::Photo => {
            let photo = &context.campaign.photo.id_photo;
            format!(
                "还没有插入照片：请选择一张{}（打印为{}×{}毫米）。",
                crate::form::wording::photo_words(context.campaign),
                photo.width_mm,
                photo.height_mm
            )
        }
        FieldKind::Rows { .. } | FieldKind::Images { .. } | FieldKind::MultiChoice { .. } => {
            format!("「{}」还没有填写，请至少填写一项。", field.label)
        }
        _ => format!("「{}」还没有填写，请填写。", field.label),
    };
    Finding::new(Severity::Error, field, "required", message)
}

/// Checks that follow from the field's kind itself: choices from the list, readable dates.
fn check_kind(field: &Field, context: &CheckInput, findings: &mut Vec<Finding>) {
    let value = context.answers.text(&field.id);
    match &field.kind {
        FieldKind::Choice {
            options,
            allow_other: false,
        } if !options.iter().any(|option| option == value) => {
            let message = format!(
                "「{}」请从列表中选择：{}。",
                field.label,
                options.join("、")
            );
            findings.push(Finding::new(Severity::Error, field, "choice", message));
        }
        FieldKind::MultiChoice { options, min } => {
            let chosen = context.answers.list(&field.id);
            let unknown: Vec<&str> = chosen
                .iter()
                .filter(|item| !options.contains(item))
                .map(String::as_str)
                .collect();
            if !unknown.is_empty() {
                let message = format!(
                    "「{}」中的“{}”不在选项中，请从这些选项中勾选：{}。",
                    field.label,
                    unknown.join("、"),
                    options.join("、")
                );
                findings.push(Finding::new(Severity::Error, field, "choice", message));
            }
            if (chosen.len() as u32) < *min {
                let message = format!("「{}」请至少勾选{}项。", field.label, min);
                findings.push(Finding::new(Severity::Error, field, "choice", message));
            }
        }
        FieldKind::YearMonth => {
            if let Err(error) = YearMonth::parse(value) {
                let message = format!(
                    "「{}」：{}",
                    field.label,
                    error.message("1984.06 或 1984年06月")
                );
                findings.push(Finding::new(Severity::Error, field, "date", message));
            }
        }
        FieldKind::Date => {
            if let Err(error) = Date::parse(value) {
                let example = format!("{}年01月01日", context.campaign.year);
                let message = format!("「{}」：{}", field.label, error.message(&example));
                findings.push(Finding::new(Severity::Error, field, "date", message));
            }
        }
        _ => {}
    }
}

fn check_rule(rule: &Rule, field: &Field, context: &CheckInput, findings: &mut Vec<Finding>) {
    match rule {
        Rule::Format { format } => text::format(*format, field, context, findings),
        Rule::Forbidden { words, message } => {
            text::forbidden(words, message, field, context, findings)
        }
        Rule::FullName { min_chars, message } => {
            text::full_name(*min_chars, message, field, context, findings)
        }
        Rule::States { any_of, message } => text::states(any_of, message, field, context, findings),
        Rule::Covers { topics, message } => text::covers(topics, message, field, context, findings),
        Rule::ArabicDates => text::arabic_dates(field, context, findings),
        Rule::ExcludedOffice { message, .. } => {
            let words = exclusions::office_words(rule, context.campaign);
            text::excluded_office(&words, message, field, context, findings)
        }
        Rule::TitleHeld { words, message } => {
            let words = exclusions::title_words(words, context.campaign);
            text::title_held(&words, message, field, context, findings)
        }
        Rule::WordLimit => limits::word_limit(field, context, findings),
        Rule::StoryCount { min, max } => {
            limits::story_count_check(*min, *max, field, context, findings)
        }
        Rule::PlausibleBirth { min_age, max_age } => {
            person::plausible_birth(*min_age, *max_age, field, context, findings)
        }
        Rule::YouthHint => person::youth_hint(field, context, findings),
        Rule::History { .. } => history::check(rule, field, context, findings),
        Rule::PhotoPrint {
            min_dpi,
            ratio_tolerance_percent,
        } => images::photo_print(*min_dpi, *ratio_tolerance_percent, field, context, findings),
        Rule::ImagesPrint { min_dpi } => images::images_print(*min_dpi, field, context, findings),
        Rule::PackagePhotos => images::package_photos(field, context, findings),
    }
}

/// Share of the required fields that are filled, for the drafts list and the guide's marks.
pub fn completeness(
    definition: &FormDefinition,
    campaign: &Campaign,
    answers: &Answers,
) -> (usize, usize) {
    let required: Vec<&Field> = definition
        .fields()
        .filter(|field| field.required && field.kind.is_fillable() && is_relevant(field, campaign))
        .collect();
    let filled = required
        .iter()
        .filter(|field| answers.is_filled(&field.id))
        .count();
    (filled, required.len())
}

/// Replaces `{name}` placeholders in a message from the definition.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}
