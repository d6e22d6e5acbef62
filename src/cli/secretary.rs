//! `summary`, `batch` and `pack`: the secretary's jobs on drafts of one campaign.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{catalog_for, job_failed};
use crate::form::campaign::Campaign;
use crate::form::catalog::Catalog;
use crate::form::definition::FormDefinition;
use crate::jobs::{self, Done, load_one_campaign};
use crate::package::pack::PackOptions;
use crate::package::roster::{Candidate, quota_line, youth_figure};
use crate::package::shares::share_figures;
use crate::pdf::compose::ComposeOptions;

/// Loads drafts of one campaign as candidates.
fn candidates<'a>(
    catalog: &'a Catalog,
    paths: &[PathBuf],
) -> Result<(Vec<Candidate>, &'a FormDefinition, &'a Campaign), String> {
    let (loaded, definition, campaign) =
        load_one_campaign(catalog, paths).map_err(|error| error.to_string())?;
    let candidates = loaded
        .into_iter()
        .map(|(folder, draft)| Candidate::new(folder, draft, definition, campaign))
        .collect();
    Ok((candidates, definition, campaign))
}

/// Runs a job on the drafts of one campaign, loaded as candidates.
fn on_candidates(
    paths: &[PathBuf],
    data_dir: Option<&Path>,
    job: impl FnOnce(&[&Candidate], &FormDefinition, &Campaign) -> Result<ExitCode, String>,
) -> Result<ExitCode, String> {
    let catalog = catalog_for(data_dir)?;
    let (loaded, definition, campaign) = candidates(&catalog, paths)?;
    let references: Vec<&Candidate> = loaded.iter().collect();
    job(&references, definition, campaign)
}

pub(super) fn summary(
    paths: &[PathBuf],
    output: &Path,
    options: ComposeOptions,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    on_candidates(
        paths,
        data_dir,
        |references, definition, campaign| match jobs::summary(
            references, definition, campaign, options, output,
        ) {
            Ok(_) => {
                println!("{}", output.display());
                Ok(ExitCode::SUCCESS)
            }
            Err(error) => job_failed(error, definition),
        },
    )
}

pub(super) fn pack(
    paths: &[PathBuf],
    output: &Path,
    options: &PackOptions,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    on_candidates(paths, data_dir, |references, definition, campaign| {
        report_package(references, definition, campaign, output, options)
    })
}

fn report_package(
    references: &[&Candidate],
    definition: &FormDefinition,
    campaign: &Campaign,
    output: &Path,
    options: &PackOptions,
) -> Result<ExitCode, String> {
    let done = match jobs::pack(references, definition, campaign, output, options) {
        Ok(done) => done,
        Err(error) => return job_failed(error, definition),
    };
    let Done::Package(packed) = done else {
        return Err("生成材料包时程序出错，请重试。".into());
    };
    println!("{}", packed.folder.display());
    if let Some(zip) = &packed.zip {
        println!("{}", zip.display());
    }
    if let Some(figure) = youth_figure(campaign, references) {
        eprintln!("青年比例：{}", figure.describe());
    }
    let answers: Vec<_> = references.iter().map(|c| &c.draft.answers).collect();
    for figure in share_figures(campaign, &answers) {
        eprintln!("比例：{}", figure.describe());
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

pub(super) fn batch(
    paths: &[PathBuf],
    output: &Path,
    options: ComposeOptions,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    on_candidates(
        paths,
        data_dir,
        |references, definition, campaign| match jobs::batch(
            references, definition, campaign, options, output,
        ) {
            Ok(Done::Batch { starts, .. }) => {
                println!("{}", output.display());
                for (name, page) in &starts {
                    eprintln!("{name}：从第{page}页开始");
                }
                Ok(ExitCode::SUCCESS)
            }
            Ok(_) => Err("合订本生成时程序出错，请重试。".into()),
            Err(error) => job_failed(error, definition),
        },
    )
}
