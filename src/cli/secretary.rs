//! The secretary's commands: `pack`, `batch`, `docx`, `share` and `import`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{catalog_for, load_one_campaign, load_with_campaign, write_output};
use crate::draft::Library;
use crate::form::campaign::Campaign;
use crate::form::catalog::Catalog;
use crate::form::definition::FormDefinition;
use crate::package::batch::export_batch;
use crate::package::exchange::{exchange_file_name, read_exchange, write_exchange};
use crate::package::import::{ImportChoice, ImportOutcome, import_draft};
use crate::package::pack::{PackOptions, pack};
use crate::package::roster::{Candidate, quota_line, youth_figure};
use crate::pdf::compose::ComposeOptions;

/// Loads drafts of one campaign as candidates.
fn candidates<'a>(
    catalog: &'a Catalog,
    paths: &[PathBuf],
) -> Result<(Vec<Candidate>, &'a FormDefinition, &'a Campaign), String> {
    let (loaded, definition, campaign) = load_one_campaign(catalog, paths)?;
    let candidates = loaded
        .into_iter()
        .map(|(folder, draft)| Candidate::new(folder, draft, definition, campaign))
        .collect();
    Ok((candidates, definition, campaign))
}

pub(super) fn pack_command(
    paths: &[PathBuf],
    output: &Path,
    options: &PackOptions,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    let catalog = catalog_for(data_dir)?;
    let (loaded, definition, campaign) = candidates(&catalog, paths)?;
    let references: Vec<&Candidate> = loaded.iter().collect();
    let packed = pack(&references, definition, campaign, output, options)
        .map_err(|error| error.to_string())?;
    println!("{}", packed.folder.display());
    if let Some(zip) = &packed.zip {
        println!("{}", zip.display());
    }
    if let Some(figure) = youth_figure(campaign, &references) {
        eprintln!("青年比例：{}", figure.describe());
    }
    if let Some(line) = quota_line(campaign, references.len()) {
        eprintln!("{line}");
    }
    for problem in &packed.contents.problems {
        eprintln!("待处理：{problem}");
    }
    Ok(if packed.contents.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub(super) fn batch_command(
    paths: &[PathBuf],
    output: &Path,
    options: ComposeOptions,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    let catalog = catalog_for(data_dir)?;
    let (loaded, definition, campaign) = candidates(&catalog, paths)?;
    let references: Vec<&Candidate> = loaded.iter().collect();
    let batch = export_batch(&references, definition, campaign, options)
        .map_err(|error| error.to_string())?;
    write_output(output, &batch.pdf)?;
    println!("{}", output.display());
    for (name, page) in &batch.starts {
        eprintln!("{name}：从第{page}页开始");
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn docx_command(
    path: &Path,
    output: &Path,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    let catalog = catalog_for(data_dir)?;
    let (folder, draft, definition, campaign) = load_with_campaign(&catalog, path)?;
    let bytes = crate::docx::export_docx(&folder, &draft, definition, campaign)
        .map_err(|error| error.to_string())?;
    write_output(output, &bytes)?;
    println!("{}", output.display());
    Ok(ExitCode::SUCCESS)
}

/// `share DRAFT -o DIR|FILE.zip`: a folder gets 姓名-推荐材料.zip inside it.
pub(super) fn share_command(
    path: &Path,
    output: &Path,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    let catalog = catalog_for(data_dir)?;
    let (folder, draft, _, _) = load_with_campaign(&catalog, path)?;
    let bytes = write_exchange(&folder, &draft).map_err(|error| error.to_string())?;
    let target = if output.is_dir() {
        output.join(exchange_file_name(&draft))
    } else {
        output.to_owned()
    };
    // The zip holds the whole draft (phones, birth date): only the owner may read it.
    crate::draft::folder::write_private_replacing(&target, &bytes)
        .map_err(|error| crate::draft::DraftError::write(&target, &error).to_string())?;
    println!("{}", target.display());
    Ok(ExitCode::SUCCESS)
}

/// `import ZIP`: exit 0 imported, 1 when the same candidate is already here and no choice was
/// given (nothing written), 2 when the zip cannot be used.
pub(super) fn import_command(
    zip: &Path,
    choice: ImportChoice,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    let root = data_dir
        .map(Path::to_owned)
        .or_else(Library::default_root)
        .ok_or("找不到本机的数据文件夹（主目录未设置）：请用 --data-dir 指定。")?;
    let catalog = catalog_for(Some(&root))?;
    let library = Library::at(&root);
    let bytes = std::fs::read(zip)
        .map_err(|error| crate::draft::DraftError::read(zip, &error).to_string())?;
    let name = zip.display().to_string();
    let incoming = read_exchange(&name, &bytes).map_err(|error| error.to_string())?;
    if let Some(schema) = incoming.notes.migrated_from {
        eprintln!("提示：草稿是旧格式（版本 {schema}），已按新格式导入。");
    }
    match import_draft(&library, &catalog, incoming, choice).map_err(|error| error.to_string())? {
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
