//! The campaign files of the data folder (`campaigns/`): which loaded and which did not (a file
//! that does not load is reported, never dropped), saving one from the campaign editor, moving
//! one to the recycle folder, and the files shared with a notice (导出活动文件 / 导入活动文件).

use std::fs;
use std::path::{Path, PathBuf};

use super::Library;
use super::folder::json_files;
use super::library::safe_file_stem;
use crate::files::ensure_private_dir;
use crate::form::campaign::Campaign;
use crate::form::catalog::{Catalog, LoadError, parse_campaign};

/// A campaign file is a few kilobytes; anything much larger is not one.
const MAX_CAMPAIGN_BYTES: u64 = 2 * 1024 * 1024;

/// One file of `campaigns/`: the campaign id it added, or why it did not load.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignFile {
    pub path: PathBuf,
    pub loaded: Result<String, LoadError>,
}

impl Library {
    /// Adds the campaign files of the data folder to the catalog and says what became of each.
    /// A bad file does not stop the others.
    pub fn load_campaign_files(&self, catalog: &mut Catalog) -> Vec<CampaignFile> {
        json_files(&self.campaigns_dir())
            .into_iter()
            .map(|path| {
                let name = path.display().to_string();
                let loaded = read_text(&path)
                    .map_err(|problem| LoadError::new(&name, "文件", problem))
                    .and_then(|text| catalog.add_campaign(&name, &text).map(|c| c.id.clone()));
                CampaignFile { path, loaded }
            })
            .collect()
    }

    /// Where a new campaign's file goes: named after its id, and not over another file.
    pub fn new_campaign_path(&self, id: &str) -> PathBuf {
        let dir = self.campaigns_dir();
        let stem = safe_file_stem(id);
        (1..)
            .map(|n| match n {
                1 => dir.join(format!("{stem}.json")),
                n => dir.join(format!("{stem}-{n}.json")),
            })
            .find(|path| !path.exists())
            .unwrap_or_else(|| dir.join(format!("{stem}-new.json")))
    }

    /// Writes a campaign to its file in `campaigns/` (atomically, owner-only).
    pub fn save_campaign(&self, path: &Path, campaign: &Campaign) -> Result<(), String> {
        let dir = self.campaigns_dir();
        ensure_private_dir(&dir).map_err(|error| format!("无法创建活动文件夹：{error}"))?;
        write_campaign(path, campaign)
    }

    /// Moves a campaign file to the recycle folder; returns where it went.
    pub fn trash_campaign(&self, path: &Path) -> Result<PathBuf, String> {
        let trash = self.trash_dir();
        ensure_private_dir(&trash).map_err(|error| format!("无法创建回收文件夹：{error}"))?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let target = (1..)
            .map(|n| trash.join(format!("活动-{stem}-{n}.json")))
            .find(|candidate| !candidate.exists())
            .unwrap_or_else(|| trash.join(format!("活动-{stem}.json")));
        fs::rename(path, &target).map_err(|error| {
            format!(
                "无法把活动文件 {} 移到回收文件夹：{error}。请关闭正在使用它的程序后再试。",
                path.display()
            )
        })?;
        Ok(target)
    }
}

/// A campaign as the JSON of a campaign file, the fields it leaves empty (null) left out.
pub fn campaign_json(campaign: &Campaign) -> Result<String, String> {
    let mut value = serde_json::to_value(campaign).map_err(|error| error.to_string())?;
    drop_nulls(&mut value);
    serde_json::to_string_pretty(&value).map_err(|error| error.to_string())
}

/// Writes a campaign file anywhere (the data folder, or 导出活动文件 to send with the notice).
pub fn write_campaign(path: &Path, campaign: &Campaign) -> Result<(), String> {
    let json = campaign_json(campaign)?;
    crate::files::write_file(path, json.as_bytes())
        .map_err(|error| format!("无法写入活动文件 {}：{error}", path.display()))
}

/// Reads a campaign file someone sent (导入活动文件): the bytes are checked, not trusted. A file
/// that is not a campaign file says what it is instead, in Chinese.
pub fn read_campaign_file(path: &Path, catalog: &Catalog) -> Result<Campaign, String> {
    let text = read_text(path)?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|error| {
        format!(
            "“{}”不是活动文件：内容不是 JSON 格式（第{}行第{}列）。请选择用“导出活动文件…”得到的 .json 文件。",
            file_name(path),
            error.line(),
            error.column()
        )
    })?;
    if let Some(problem) = foreign_kind(&value) {
        return Err(format!("“{}”不是活动文件：{problem}", file_name(path)));
    }
    let name = file_name(path);
    let campaign = parse_campaign(&name, &text).map_err(|error| damaged(&error))?;
    catalog
        .check(&name, &campaign)
        .map_err(|error| damaged(&error))?;
    Ok(campaign)
}

fn damaged(error: &LoadError) -> String {
    format!("活动文件有误，未导入：{error}。请让发文件的人重新导出，或在“活动”中改正后再导出。")
}

/// What a JSON file is when it is not a campaign file.
fn foreign_kind(value: &serde_json::Value) -> Option<&'static str> {
    let Some(object) = value.as_object() else {
        return Some("内容不是一个活动（应为 JSON 对象）。");
    };
    if object.contains_key("answers") {
        return Some("这是一份候选人的草稿。草稿请在首页用“导入推荐材料…”导入。");
    }
    if object.contains_key("sections") {
        return Some("这是表格定义文件，不是活动文件。");
    }
    let looks_like_campaign = ["id", "form", "form_title", "deadline"]
        .iter()
        .all(|key| object.contains_key(*key));
    (!looks_like_campaign).then_some("缺少活动编号（id）、表格（form）、表格标题或截止日期。")
}

/// A text file's content: UTF-8 (a byte-order mark dropped), else GB18030, as Notepad on a
/// Chinese Windows may save it; refused when far too large to be a campaign file.
fn read_text(path: &Path) -> Result<String, String> {
    let size = fs::metadata(path)
        .map_err(|error| format!("无法读取 {}：{error}", path.display()))?
        .len();
    if size > MAX_CAMPAIGN_BYTES {
        return Err(format!(
            "“{}”有{} MB，不是活动文件（活动文件只有几KB）。",
            file_name(path),
            size / 1024 / 1024
        ));
    }
    let bytes = fs::read(path).map_err(|error| format!("无法读取 {}：{error}", path.display()))?;
    Ok(crate::files::decode_text(&bytes))
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn drop_nulls(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}
