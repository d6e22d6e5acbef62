//! The headless command line, for scripts and tests. Subcommand names and output formats are a
//! contract scripts rely on: extend, never rename.
//!
//! - `tianbiao check DRAFT`: one finding a line, `严重程度<TAB>字段<TAB>说明`; exit 0 without
//!   errors, 1 with errors, 2 when the draft cannot be read.
//! - `tianbiao count FILE`: first line the Word-compatible 字数, second line the Han-only count.
//! - `tianbiao export DRAFT -o OUT.pdf [--no-seal-guides] [--no-instructions]`: the print-ready
//!   推荐表; prints the output path; exit 1 (nothing written) if a character is not in the font,
//!   listed as `check` lists findings.
//! - `tianbiao summary DRAFT... -o OUT.pdf [--no-seal-guides]`: the 候选人汇总表 of drafts of
//!   one campaign.
//! - `tianbiao pack DRAFT... -o DIR [--unit NAME] [--no-seal-guides]`: the submission package
//!   (folder and zip); prints both paths; exit 1 when the 材料清单 lists things still to fix.
//! - `tianbiao batch DRAFT... -o OUT.pdf`: all forms in one PDF, each starting on an odd page.
//! - `tianbiao docx DRAFT -o OUT.docx`: the Word copy of the 推荐表.
//! - `tianbiao share DRAFT -o DIR|FILE.zip`: the draft and its photos as 姓名-推荐材料.zip.
//! - `tianbiao import ZIP [--replace|--keep-both]`: adds a shared draft to the data folder;
//!   exit 1 (nothing written) when the same candidate is already there and no choice is given.
//! - `tianbiao read-notice NOTICE -o CAMPAIGN.json`: reads a notice (.txt in UTF-8 or GBK,
//!   .docx) into a campaign file; prints `字段<TAB>值<TAB>来源句子` a line, then `建议<TAB>…`
//!   for values offered but not filled, then `未找到<TAB>字段`; exit 0 when it wrote the file,
//!   2 when the notice cannot be read.

mod args;
mod check;
mod notice;
mod secretary;
mod single;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use args::{Cli, CliCommand};

use crate::draft::Library;
use crate::form::catalog::Catalog;
use crate::form::definition::FormDefinition;
use crate::form::validate::Finding;
use crate::jobs::JobError;
use crate::package::import::ImportChoice;
use crate::package::pack::PackOptions;
use crate::pdf::compose::ComposeOptions;

pub fn run_command(command: CliCommand) -> ExitCode {
    let result = match command {
        CliCommand::Check { draft, data_dir } => check::check(&draft, data_dir.as_deref()),
        CliCommand::Count { file } => check::count_file(&file),
        CliCommand::Export {
            draft,
            output,
            no_seal_guides,
            no_instructions,
            data_dir,
        } => {
            let options = ComposeOptions {
                seal_guides: !no_seal_guides,
                instructions: !no_instructions,
            };
            single::export(&draft, &output, options, data_dir.as_deref())
        }
        CliCommand::Summary {
            drafts,
            output,
            no_seal_guides,
            data_dir,
        } => secretary::summary(
            &drafts,
            &output,
            forms_only(no_seal_guides),
            data_dir.as_deref(),
        ),
        CliCommand::Pack {
            drafts,
            output,
            unit,
            no_seal_guides,
            data_dir,
        } => {
            let options = PackOptions {
                seal_guides: !no_seal_guides,
                unit,
                progress: None,
            };
            secretary::pack(&drafts, &output, &options, data_dir.as_deref())
        }
        CliCommand::Batch {
            drafts,
            output,
            no_seal_guides,
            data_dir,
        } => secretary::batch(
            &drafts,
            &output,
            forms_only(no_seal_guides),
            data_dir.as_deref(),
        ),
        CliCommand::Docx {
            draft,
            output,
            data_dir,
        } => single::docx(&draft, &output, data_dir.as_deref()),
        CliCommand::Share {
            draft,
            output,
            data_dir,
        } => single::share(&draft, &output, data_dir.as_deref()),
        CliCommand::Import {
            zip,
            replace,
            keep_both,
            data_dir,
        } => {
            let choice = match (replace, keep_both) {
                (true, _) => ImportChoice::Replace,
                (_, true) => ImportChoice::KeepBoth,
                _ => ImportChoice::Ask,
            };
            single::import(&zip, choice, data_dir.as_deref())
        }
        CliCommand::ReadNotice { notice, output } => notice::read(&notice, &output),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// Forms for the secretary: without the 填表说明 page.
fn forms_only(no_seal_guides: bool) -> ComposeOptions {
    ComposeOptions {
        seal_guides: !no_seal_guides,
        instructions: false,
    }
}

/// The data folder a command works with: its writes are journaled there, and what killed runs
/// left there is swept first (told on stderr).
fn data_folder(data_dir: Option<&Path>) -> Option<PathBuf> {
    let root = data_dir
        .map(Path::to_owned)
        .or_else(Library::default_root)?;
    crate::files::journal::set_data_dir(&root);
    for message in Library::at(&root).sweep_leftovers() {
        eprintln!("提示：{message}");
    }
    Some(root)
}

/// The catalog with the user's own campaign files; problems with those files are told on stderr
/// and do not stop the command.
fn catalog_for(data_dir: Option<&Path>) -> Result<Catalog, String> {
    catalog_in(data_folder(data_dir).as_deref())
}

/// The catalog of a data folder already opened (and swept) by `data_folder`.
fn catalog_in(root: Option<&Path>) -> Result<Catalog, String> {
    let (catalog, problems) = crate::jobs::catalog_for(root).map_err(|error| error.to_string())?;
    for problem in problems {
        eprintln!("提示：{problem}");
    }
    Ok(catalog)
}

/// Findings one a line: `严重程度<TAB>字段[第N行]<TAB>说明`.
fn finding_line(finding: &Finding, definition: &FormDefinition) -> String {
    let label = definition
        .field(&finding.field)
        .map_or(finding.field.as_str(), |f| f.label.as_str());
    let place = match finding.row {
        Some(row) => format!("{label}第{}行", row + 1),
        None => label.to_owned(),
    };
    format!(
        "{}\t{}\t{}",
        finding.severity.label(),
        place,
        finding.message
    )
}

/// A job's error as the command line reports it: characters missing from the font are listed
/// like `check`'s findings with exit 1; anything else is a message with exit 2.
fn job_failed(error: JobError, definition: &FormDefinition) -> Result<ExitCode, String> {
    match error {
        JobError::MissingGlyphs(findings) => {
            for finding in &findings {
                println!("{}", finding_line(finding, definition));
            }
            eprintln!("有字体中没有的字，未导出：请按上面的说明修改后再导出。");
            Ok(ExitCode::from(1))
        }
        other => Err(other.to_string()),
    }
}
