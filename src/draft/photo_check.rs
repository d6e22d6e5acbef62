//! The draft's photo files opened and checked as `export` and `pack` use them: `check` trusts
//! the bytes, not the sizes recorded in draft.json, so it fails exactly where `export` would.

use std::collections::HashSet;

use super::{Draft, DraftFolder};
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::printed::image_targets;
use crate::form::validate::{Finding, Severity};
use crate::photo::prepare::check_all;
use crate::photo::source::{photo_path, read_photo};
use crate::photo::verify::verify;

impl DraftFolder {
    /// Every problem with the draft's photo files: missing or outside the folder
    /// (`missing_photos`), and then each one opened. A photo the form prints is prepared for
    /// print exactly as `export` prepares it (an error, with export's message; what is
    /// prepared stays in the print cache for export). A photo only handed in with the package
    /// (生活或工作照片) is decoded in full (a warning: the form prints without it).
    pub fn photo_findings(
        &self,
        definition: &FormDefinition,
        campaign: &Campaign,
        draft: &Draft,
    ) -> Vec<Finding> {
        let mut findings = self.missing_photos(definition, draft);
        let reachable = |file: &str| photo_path(&self.dir, file).is_ok();
        let targets: Vec<_> = image_targets(definition, campaign, &draft.answers)
            .into_iter()
            .filter(|target| reachable(&target.file))
            .collect();
        let printed: HashSet<&str> = targets.iter().map(|t| t.file.as_str()).collect();
        for error in check_all(&self.dir, &targets) {
            if let Some(finding) = self.finding(definition, draft, &error.file, &error.reason) {
                findings.push(Finding {
                    severity: Severity::Error,
                    ..finding
                });
            }
        }
        let mut seen = HashSet::new();
        for (_, photo) in draft.answers.photo_files() {
            let file = photo.file.as_str();
            if printed.contains(file) || !reachable(file) || !seen.insert(file) {
                continue;
            }
            let problem = read_photo(&self.dir, file)
                .map_err(|error| error.to_string())
                .and_then(|bytes| verify(&bytes).map_err(|error| error.to_string()));
            if let Err(reason) = problem {
                let reason = format!("{reason}（这张照片不印在推荐表上，但要放进报送材料）");
                findings.extend(self.finding(definition, draft, file, &reason));
            }
        }
        findings
    }

    /// A finding at the field (and row) that refers to `file`.
    fn finding(
        &self,
        definition: &FormDefinition,
        draft: &Draft,
        file: &str,
        reason: &str,
    ) -> Option<Finding> {
        let (field_id, _) = draft
            .answers
            .photo_files()
            .into_iter()
            .find(|(_, photo)| photo.file == file)?;
        let label = definition
            .field(field_id)
            .map_or(field_id, |field| field.label.as_str());
        let row = draft
            .answers
            .images(field_id)
            .iter()
            .position(|image| image.file == file);
        let place = match row {
            Some(index) => format!("「{label}」第{}张图片", index + 1),
            None => format!("「{label}」"),
        };
        Some(Finding {
            severity: Severity::Warning,
            field: field_id.to_owned(),
            row,
            code: "photo_unusable",
            message: format!("{place}（{file}）无法使用：{reason}"),
        })
    }
}
