//! `check` and `count`: what is wrong with a draft, and a text's 字数.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use super::{catalog_for, finding_line};
use crate::draft::DraftFolder;
use crate::form::count::count;
use crate::form::validate::{Severity, validate};

pub(super) fn check(path: &Path, data_dir: Option<&Path>) -> Result<ExitCode, String> {
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
    // The photo files themselves, opened and prepared as `export` does.
    let mut findings = folder.photo_findings(definition, campaign, &draft);
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

pub(super) fn count_file(path: &Path) -> Result<ExitCode, String> {
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
