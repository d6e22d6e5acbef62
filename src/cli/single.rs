//! `export`, `docx`, `share` and `import`: the jobs on one draft, with the output scripts read
//! (the path made on stdout; what to know on stderr).

use std::path::Path;
use std::process::ExitCode;

use super::{catalog_for, catalog_in, data_folder, finding_line, job_failed};
use crate::draft::Library;
use crate::form::validate::{Finding, Severity, validate};
use crate::jobs::{self, Done, load_draft};
use crate::package::import::{ImportChoice, ImportOutcome};
use crate::pdf::compose::ComposeOptions;

/// Exports even with findings (a copy to review is useful), telling the errors on stderr;
/// refuses only what would print wrong: characters the font lacks.
pub(super) fn export(
    path: &Path,
    output: &Path,
    options: ComposeOptions,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    let catalog = catalog_for(data_dir)?;
    let (folder, draft, definition, campaign) =
        load_draft(&catalog, path).map_err(|error| error.to_string())?;
    let errors: Vec<Finding> = validate(definition, campaign, &draft.answers)
        .into_iter()
        .chain(folder.missing_photos(definition, &draft))
        .filter(|finding| finding.severity == Severity::Error)
        .collect();
    for finding in &errors {
        eprintln!("{}", finding_line(finding, definition));
    }
    match jobs::export(&folder, &draft, definition, campaign, options, output) {
        Ok(done) => {
            if !errors.is_empty() {
                eprintln!(
                    "注意：草稿还有{}个错误（见上），这份 PDF 只宜用于核对，改正后再打印原件。",
                    errors.len()
                );
            }
            print_path(&done);
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => job_failed(error, definition),
    }
}

pub(super) fn docx(
    path: &Path,
    output: &Path,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    let catalog = catalog_for(data_dir)?;
    let (folder, draft, definition, campaign) =
        load_draft(&catalog, path).map_err(|error| error.to_string())?;
    match jobs::docx(&folder, &draft, definition, campaign, output) {
        Ok(done) => {
            print_path(&done);
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => job_failed(error, definition),
    }
}

/// `share DRAFT -o DIR|FILE.zip`: a folder gets 姓名-推荐材料.zip inside it.
pub(super) fn share(
    path: &Path,
    output: &Path,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    let catalog = catalog_for(data_dir)?;
    let (folder, draft, _, _) = load_draft(&catalog, path).map_err(|error| error.to_string())?;
    let done = jobs::share(&folder, &draft, output).map_err(|error| error.to_string())?;
    print_path(&done);
    Ok(ExitCode::SUCCESS)
}

/// `import ZIP`: exit 0 imported, 1 when the same candidate is already here and no choice was
/// given (nothing written), 2 when the zip cannot be used.
pub(super) fn import(
    zip: &Path,
    choice: ImportChoice,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    let root = data_folder(data_dir)
        .ok_or("找不到本机的数据文件夹（主目录未设置）：请用 --data-dir 指定。")?;
    let catalog = catalog_in(Some(&root))?;
    let library = Library::at(&root);
    let done = jobs::import(&library, &catalog, zip, choice).map_err(|error| error.to_string())?;
    let Done::Imported {
        outcome,
        migrated_from,
        ..
    } = done
    else {
        return Err("导入时程序出错，请重试。".into());
    };
    if let Some(schema) = migrated_from {
        eprintln!("提示：草稿是旧格式（版本 {schema}），已按新格式导入。");
    }
    match outcome {
        ImportOutcome::Imported(folder) => {
            println!("{}", folder.dir.display());
            Ok(ExitCode::SUCCESS)
        }
        ImportOutcome::Replaced { folder, trashed } => {
            println!("{}", folder.dir.display());
            eprintln!("原草稿已移入回收文件夹：{}", trashed.display());
            Ok(ExitCode::SUCCESS)
        }
        ImportOutcome::Conflict(existing) => {
            for summary in &existing {
                println!("{}\t{}", summary.name, summary.folder.dir.display());
            }
            eprintln!(
                "本机已有同一候选人的草稿（见上），没有导入：加 --replace 替换它（旧草稿移入回收文件夹，可恢复），或加 --keep-both 保留两份。"
            );
            Ok(ExitCode::from(1))
        }
    }
}

fn print_path(done: &Done) {
    if let Some(path) = done.path() {
        println!("{}", path.display());
    }
    // A second line only where the campaign asks for the evidence as a booklet of its own.
    if let Done::Pdf {
        booklet: Some(booklet),
        ..
    } = done
    {
        println!("{}", booklet.display());
    }
}
