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

mod secretary;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::draft::{Draft, DraftFolder, Library};
use crate::form::campaign::Campaign;
use crate::form::catalog::Catalog;
use crate::form::count::count;
use crate::form::definition::FormDefinition;
use crate::form::validate::{Finding, Severity, validate};
use crate::package::import::ImportChoice;
use crate::package::pack::PackOptions;
use crate::pdf::compose::ComposeOptions;
use crate::pdf::export::{ExportError, export_pdf, export_summary};

#[derive(Debug, Parser)]
#[command(
    name = "tianbiao",
    version,
    about = "填表助手：离线填写“最美科技工作者”推荐表。不带参数时打开窗口。"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// 窗口的图形方式：默认先用 glow（OpenGL），打不开时自动改用 wgpu
    #[arg(long, value_enum)]
    pub renderer: Option<crate::ui::RendererChoice>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查草稿：逐行列出错误、警告和提示；有错误时退出码为1
    Check {
        /// 草稿文件夹，或其中的 draft.json
        draft: PathBuf,
        /// 数据文件夹（含 campaigns/ 中自行添加的活动）；默认为本机的数据文件夹
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// 统计文本文件的字数（与 Word“字数统计”一致），第二行为汉字数
    Count {
        /// UTF-8 文本文件；“-”表示标准输入
        file: PathBuf,
    },
    /// 导出可打印的推荐表 PDF（A4，字体已嵌入）
    Export {
        /// 草稿文件夹，或其中的 draft.json
        draft: PathBuf,
        /// 输出的 PDF 文件
        #[arg(short, long)]
        output: PathBuf,
        /// 不画盖章处的虚线圆（打印最终原件时用；位置仍然保留）
        #[arg(long)]
        no_seal_guides: bool,
        /// 不附填表说明页
        #[arg(long)]
        no_instructions: bool,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// 由多份草稿生成候选人汇总表 PDF（A4 横向）
    Summary {
        /// 同一活动的草稿文件夹
        #[arg(required = true)]
        drafts: Vec<PathBuf>,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        no_seal_guides: bool,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// 生成报送材料包（文件夹和同名 zip）：推荐表 PDF、合订本、汇总表、按“姓名+序号”命名的照片原图、材料清单
    Pack {
        /// 同一活动、同一推荐单位的草稿文件夹
        #[arg(required = true)]
        drafts: Vec<PathBuf>,
        /// 放材料包的文件夹
        #[arg(short, long)]
        output: PathBuf,
        /// 推荐单位名称；默认取草稿中填写的推荐单位
        #[arg(long)]
        unit: Option<String>,
        #[arg(long)]
        no_seal_guides: bool,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// 把多份推荐表合成一个 PDF，供双面打印（每份从奇数页开始）
    Batch {
        #[arg(required = true)]
        drafts: Vec<PathBuf>,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        no_seal_guides: bool,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// 导出推荐表的 Word 版（.docx）
    Docx {
        draft: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// 把草稿和照片导出为一个“姓名-推荐材料.zip”，便于发给推荐单位
    Share {
        draft: PathBuf,
        /// 文件夹（在其中生成“姓名-推荐材料.zip”）或 .zip 文件
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// 导入别人发来的“推荐材料.zip”；已有同一候选人时不导入，除非指定 --replace 或 --keep-both
    Import {
        zip: PathBuf,
        /// 替换已有的同一候选人草稿（旧草稿移入回收文件夹，可恢复）
        #[arg(long, conflicts_with = "keep_both")]
        replace: bool,
        /// 保留两份
        #[arg(long)]
        keep_both: bool,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
}

pub fn run_command(command: Command) -> ExitCode {
    let result = match command {
        Command::Check { draft, data_dir } => check(&draft, data_dir.as_deref()),
        Command::Count { file } => count_file(&file),
        Command::Export {
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
            export(&draft, &output, options, data_dir.as_deref())
        }
        Command::Summary {
            drafts,
            output,
            no_seal_guides,
            data_dir,
        } => {
            let options = ComposeOptions {
                seal_guides: !no_seal_guides,
                instructions: false,
            };
            summary(&drafts, &output, options, data_dir.as_deref())
        }
        Command::Pack {
            drafts,
            output,
            unit,
            no_seal_guides,
            data_dir,
        } => {
            let options = PackOptions {
                seal_guides: !no_seal_guides,
                unit,
            };
            secretary::pack_command(&drafts, &output, &options, data_dir.as_deref())
        }
        Command::Batch {
            drafts,
            output,
            no_seal_guides,
            data_dir,
        } => {
            let options = ComposeOptions {
                seal_guides: !no_seal_guides,
                instructions: false,
            };
            secretary::batch_command(&drafts, &output, options, data_dir.as_deref())
        }
        Command::Docx {
            draft,
            output,
            data_dir,
        } => secretary::docx_command(&draft, &output, data_dir.as_deref()),
        Command::Share {
            draft,
            output,
            data_dir,
        } => secretary::share_command(&draft, &output, data_dir.as_deref()),
        Command::Import {
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
            secretary::import_command(&zip, choice, data_dir.as_deref())
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// The catalog with the user's own campaign files; problems with those files are told on stderr
/// and do not stop the command.
fn catalog_for(data_dir: Option<&Path>) -> Result<Catalog, String> {
    let mut catalog = Catalog::builtin().map_err(|error| format!("内置表格定义有误：{error}"))?;
    if let Some(root) = data_dir.map(Path::to_owned).or_else(Library::default_root) {
        for error in Library::at(&root).load_user_campaigns(&mut catalog) {
            eprintln!("提示：未能加载活动文件 {error}");
        }
    }
    Ok(catalog)
}

fn check(path: &Path, data_dir: Option<&Path>) -> Result<ExitCode, String> {
    let catalog = catalog_for(data_dir)?;
    let folder = DraftFolder::at(path);
    let (draft, notes) = folder.load().map_err(|error| error.to_string())?;
    if let Some(schema) = notes.migrated_from {
        eprintln!("提示：草稿是旧格式（版本 {schema}），已按新格式读取；文件本身未改动。");
    }
    let (definition, campaign) = catalog.pair(&draft.campaign).ok_or_else(|| {
        format!(
            "不认识草稿中的活动“{}”：请把该活动的通知文件（JSON）放入数据文件夹的 campaigns 中。",
            draft.campaign
        )
    })?;
    let mut findings = folder.missing_photos(definition, &draft);
    findings.extend(validate(definition, campaign, &draft.answers));
    // Characters the font lacks would print blank: they are errors here as in export.
    let font = crate::pdf::export::font().map_err(|error| error.to_string())?;
    findings.extend(crate::pdf::glyphs::missing_glyphs(
        definition,
        &draft.answers,
        &|c| font.has_glyph(c),
    ));
    for finding in &findings {
        println!("{}", finding_line(finding, definition));
    }
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    let errors = count(Severity::Error);
    eprintln!(
        "{}：{}个错误，{}个警告，{}个提示。",
        draft.display_name(),
        errors,
        count(Severity::Warning),
        count(Severity::Hint)
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn finding_line(finding: &Finding, definition: &crate::form::definition::FormDefinition) -> String {
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

fn count_file(path: &Path) -> Result<ExitCode, String> {
    let bytes = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|error| format!("无法读取标准输入：{error}"))?;
        bytes
    } else {
        fs::read(path).map_err(|error| format!("无法读取文件 {}：{error}", path.display()))?
    };
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "文件 {} 不是 UTF-8 编码的文本：请在记事本中“另存为”并选择 UTF-8 编码后再试。",
            path.display()
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let counted = count(text);
    println!("{}\t字数（与Word字数统计一致）", counted.words);
    println!("{}\t汉字", counted.han);
    Ok(ExitCode::SUCCESS)
}

/// Writes the output file; the message says what to do when the folder is not writable.
fn write_output(path: &Path, bytes: &[u8]) -> Result<(), String> {
    fs::write(path, bytes)
        .map_err(|error| crate::draft::DraftError::write(path, &error).to_string())
}

fn load_with_campaign<'a>(
    catalog: &'a Catalog,
    path: &Path,
) -> Result<
    (
        DraftFolder,
        Draft,
        &'a crate::form::definition::FormDefinition,
        &'a crate::form::campaign::Campaign,
    ),
    String,
> {
    let folder = DraftFolder::at(path);
    let (draft, _) = folder.load().map_err(|error| error.to_string())?;
    let (definition, campaign) = catalog.pair(&draft.campaign).ok_or_else(|| {
        format!(
            "不认识草稿中的活动“{}”：请把该活动的通知文件（JSON）放入数据文件夹的 campaigns 中。",
            draft.campaign
        )
    })?;
    Ok((folder, draft, definition, campaign))
}

/// Drafts that must all belong to one campaign (a summary, a package, a combined PDF).
type OneCampaign<'a> = (Vec<(DraftFolder, Draft)>, &'a FormDefinition, &'a Campaign);

fn load_one_campaign<'a>(
    catalog: &'a Catalog,
    paths: &[PathBuf],
) -> Result<OneCampaign<'a>, String> {
    let mut loaded = Vec::new();
    let mut pair: Option<(&FormDefinition, &Campaign)> = None;
    for path in paths {
        let (folder, draft, definition, campaign) = load_with_campaign(catalog, path)?;
        match pair {
            Some((_, first)) if first.id != campaign.id => {
                let both = format!("{} 和 {}", first.id, campaign.id);
                return Err(crate::package::PackageError::MixedCampaigns(both).to_string());
            }
            _ => pair = Some((definition, campaign)),
        }
        loaded.push((folder, draft));
    }
    let (definition, campaign) = pair.ok_or("请至少给出一份草稿。")?;
    Ok((loaded, definition, campaign))
}

/// Exports even with findings (a copy to review is useful), telling the errors on stderr;
/// refuses only what would print wrong: characters the font lacks.
fn export(
    path: &Path,
    output: &Path,
    options: ComposeOptions,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    let catalog = catalog_for(data_dir)?;
    let (folder, draft, definition, campaign) = load_with_campaign(&catalog, path)?;
    let errors: Vec<Finding> = validate(definition, campaign, &draft.answers)
        .into_iter()
        .chain(folder.missing_photos(definition, &draft))
        .filter(|finding| finding.severity == Severity::Error)
        .collect();
    for finding in &errors {
        eprintln!("{}", finding_line(finding, definition));
    }
    match export_pdf(&folder, &draft, definition, campaign, options) {
        Ok(bytes) => {
            write_output(output, &bytes)?;
            if !errors.is_empty() {
                eprintln!(
                    "注意：草稿还有{}个错误（见上），这份 PDF 只宜用于核对，改正后再打印原件。",
                    errors.len()
                );
            }
            println!("{}", output.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(ExportError::MissingGlyphs(findings)) => {
            for finding in &findings {
                println!("{}", finding_line(finding, definition));
            }
            eprintln!("有字体中没有的字，未导出：请按上面的说明修改后再导出。");
            Ok(ExitCode::from(1))
        }
        Err(error) => Err(error.to_string()),
    }
}

fn summary(
    paths: &[PathBuf],
    output: &Path,
    options: ComposeOptions,
    data_dir: Option<&Path>,
) -> Result<ExitCode, String> {
    let catalog = catalog_for(data_dir)?;
    let (loaded, definition, campaign) = load_one_campaign(&catalog, paths)?;
    let drafts: Vec<Draft> = loaded.into_iter().map(|(_, draft)| draft).collect();
    let references: Vec<&Draft> = drafts.iter().collect();
    match export_summary(&references, definition, campaign, options) {
        Ok(bytes) => {
            write_output(output, &bytes)?;
            println!("{}", output.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(ExportError::MissingGlyphs(findings)) => {
            for finding in &findings {
                println!("{}", finding_line(finding, definition));
            }
            Ok(ExitCode::from(1))
        }
        Err(error) => Err(error.to_string()),
    }
}
