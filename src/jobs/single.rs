//! Jobs on one draft: the PDF, the Word copy, the exchange zip, and bringing a zip in.

use std::path::Path;

use super::{Done, JobError};
use crate::draft::{Draft, DraftFolder, Library};
use crate::files::write_file;
use crate::form::campaign::Campaign;
use crate::form::catalog::Catalog;
use crate::form::definition::FormDefinition;
use crate::package::exchange::{exchange_file_name, read_exchange, write_exchange};
use crate::package::import::{ImportChoice, import_draft};
use crate::pdf::compose::ComposeOptions;

/// The 推荐表 as a print-ready PDF at `output`. Findings do not stop it (a copy to review is
/// useful); characters the font lacks do, and nothing is written then.
pub fn export(
    folder: &DraftFolder,
    draft: &Draft,
    definition: &FormDefinition,
    campaign: &Campaign,
    options: ComposeOptions,
    output: &Path,
) -> Result<Done, JobError> {
    let (form, booklet) =
        crate::pdf::export::export_pdfs(folder, draft, definition, campaign, options)?;
    write_file(output, &form)?;
    let booklet = match booklet {
        Some(bytes) => {
            let path = booklet_path(output);
            write_file(&path, &bytes)?;
            Some(path)
        }
        None => None,
    };
    Ok(Done::Pdf {
        path: output.to_owned(),
        booklet,
    })
}

/// The evidence booklet beside the form: 张三-推荐表.pdf → 张三-推荐表-佐证材料.pdf.
pub fn booklet_path(form: &Path) -> std::path::PathBuf {
    let stem = form
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    form.with_file_name(format!("{stem}-佐证材料.pdf"))
}

/// The Word copy of the 推荐表 at `output`.
pub fn docx(
    folder: &DraftFolder,
    draft: &Draft,
    definition: &FormDefinition,
    campaign: &Campaign,
    output: &Path,
) -> Result<Done, JobError> {
    let bytes = crate::docx::export_docx(folder, draft, definition, campaign)?;
    write_file(output, &bytes)?;
    Ok(Done::Word {
        path: output.to_owned(),
    })
}

/// The draft and its photos as one zip; `output` is the zip, or a folder to put
/// 姓名-推荐材料.zip in.
pub fn share(folder: &DraftFolder, draft: &Draft, output: &Path) -> Result<Done, JobError> {
    let bytes = write_exchange(folder, draft)?;
    let path = if output.is_dir() {
        output.join(exchange_file_name(draft))
    } else {
        output.to_owned()
    };
    write_file(&path, &bytes)?;
    Ok(Done::Shared { path })
}

/// Adds a shared draft to the library; with `ImportChoice::Ask` a draft of the same candidate
/// makes it stop with `ImportOutcome::Conflict` and nothing written.
pub fn import(
    library: &Library,
    catalog: &Catalog,
    zip: &Path,
    choice: ImportChoice,
) -> Result<Done, JobError> {
    let bytes = std::fs::read(zip).map_err(|error| crate::draft::DraftError::read(zip, &error))?;
    let name = zip.file_name().map_or(zip.display().to_string(), |n| {
        n.to_string_lossy().into_owned()
    });
    let incoming = read_exchange(&name, &bytes)?;
    let candidate = incoming.draft.candidate_name();
    let migrated_from = incoming.notes.migrated_from;
    let outcome = import_draft(library, catalog, incoming, choice)?;
    Ok(Done::Imported {
        zip: zip.to_owned(),
        candidate,
        outcome,
        migrated_from,
    })
}
