//! What can go wrong with a draft on disk, said in Chinese with what to do about it. Every
//! message also says that nothing was lost or overwritten, because that is what people fear.

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::photo::PhotoError;

#[derive(Debug, Error)]
pub enum DraftError {
    #[error("找不到草稿：{0}。请确认路径，草稿是一个含有 draft.json 的文件夹。")]
    NotFound(PathBuf),
    #[error(
        "草稿文件 {path} 已损坏，无法读取（{detail}）。文件保持原样，没有被改动；可以在同一文件夹的 backups 中找到较早的版本。"
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "草稿文件 {path} 由更新版本的填表助手保存（格式版本 {found}，本程序支持到 {supported}）。请升级填表助手后再打开；文件没有被改动。"
    )]
    Newer {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("无法保存到 {path}：{reason}。您填写的内容仍保留在程序中，没有丢失；{advice}")]
    Write {
        path: PathBuf,
        reason: String,
        advice: &'static str,
    },
    #[error("无法读取 {path}：{reason}。")]
    Read { path: PathBuf, reason: String },
    #[error(transparent)]
    File(#[from] crate::files::WriteError),
    #[error("照片 {path}：{source}")]
    Photo { path: PathBuf, source: PhotoError },
}

impl DraftError {
    pub fn write(path: &Path, error: &io::Error) -> Self {
        let (reason, advice) = describe_write_error(error);
        DraftError::Write {
            path: path.to_owned(),
            reason,
            advice,
        }
    }

    pub fn read(path: &Path, error: &io::Error) -> Self {
        if error.kind() == io::ErrorKind::NotFound {
            return DraftError::NotFound(path.to_owned());
        }
        DraftError::Read {
            path: path.to_owned(),
            reason: describe_io(error),
        }
    }
}

fn describe_write_error(error: &io::Error) -> (String, &'static str) {
    if crate::files::is_held(error) {
        return (
            "文件正在被其他程序打开".to_owned(),
            "请关闭打开它的程序（如杀毒软件、同步盘或另一个填表助手窗口）后再保存。",
        );
    }
    match error.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => (
            "文件夹是只读的，或没有写入权限".to_owned(),
            "请把草稿另存到有写入权限的文件夹（如“文档”），或请管理员开放权限。",
        ),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => (
            "磁盘空间已满".to_owned(),
            "请删除一些不需要的文件、清空回收站后再保存，或另存到U盘。",
        ),
        _ => (describe_io(error), "请稍后再试，或另存到其他文件夹。"),
    }
}

fn describe_io(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "文件或文件夹不存在".to_owned(),
        io::ErrorKind::PermissionDenied => "没有访问权限".to_owned(),
        io::ErrorKind::InvalidData => "内容不是有效的 UTF-8 文本".to_owned(),
        _ => format!("系统错误：{error}"),
    }
}
