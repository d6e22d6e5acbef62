//! `tianbiao read-notice NOTICE -o CAMPAIGN.json`: reads a notice into a campaign file. Prints
//! one line per value, `字段<TAB>值<TAB>来源句子`, then `建议<TAB>字段<TAB>值<TAB>来源句子` for
//! values offered but not filled, then `未找到<TAB>字段`. Exit 0 when it wrote the file, 2 when
//! the notice cannot be read (or the file cannot be written).

use std::path::Path;
use std::process::ExitCode;

use crate::form::notice::{Reading, read_notice};

pub fn read(notice: &Path, output: &Path) -> Result<ExitCode, String> {
    let text = crate::jobs::notice::notice_text(notice)?;
    let mut reading = read_notice(&text);
    // The file's own name is the campaign's id where it is a plain name (hengshui-2025.json).
    if let Some(stem) = output.file_stem().and_then(|s| s.to_str())
        && !stem.is_empty()
        && stem
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        reading.campaign.id = stem.to_owned();
    }
    let json = campaign_json(&reading)?;
    crate::files::write_file(output, json.as_bytes())
        .map_err(|error| format!("写不了活动文件 {}：{error}", output.display()))?;
    for found in &reading.found {
        println!(
            "{}\t{}\t{}",
            found.field,
            found.value,
            one_line(&found.source)
        );
    }
    for found in &reading.suggestions {
        println!(
            "建议\t{}\t{}\t{}",
            found.field,
            found.value,
            one_line(&found.source)
        );
    }
    for field in &reading.missing {
        println!("未找到\t{field}");
    }
    eprintln!("已写入活动文件：{}", output.display());
    Ok(ExitCode::SUCCESS)
}

fn one_line(text: &str) -> String {
    text.replace(['\n', '\t'], " ")
}

/// The campaign as JSON, the fields the notice did not give (null) left out.
pub fn campaign_json(reading: &Reading) -> Result<String, String> {
    crate::draft::campaign_files::campaign_json(&reading.campaign)
}
