//! One message for each way writing a file fails, in Chinese, with what to do. Every message
//! says that nothing was overwritten: the old file (if any) is as it was.

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

#[derive(Debug, Error)]
pub enum WriteError {
    #[error(
        "文件正在被其他程序打开，无法替换：{path}。请在 WPS、Word、Acrobat、Foxit 等程序中关闭它后重试，或另存为新的文件名；原文件没有被改动。"
    )]
    Held { path: PathBuf },
    #[error(
        "无法写入 {path}：文件夹是只读的，或没有写入权限。请换一个有写入权限的文件夹（如“文档”或桌面），或请管理员开放权限；原文件没有被改动。"
    )]
    ReadOnly { path: PathBuf },
    #[error(
        "无法写入 {path}：磁盘空间已满。请删除一些不需要的文件、清空回收站后再试，或保存到U盘；原文件没有被改动。"
    )]
    DiskFull { path: PathBuf },
    #[error("无法写入 {path}：保存的文件夹不存在。请重新选择保存位置。")]
    NoFolder { path: PathBuf },
    #[error("无法写入 {path}（{reason}）。请稍后再试，或保存到其他文件夹；原文件没有被改动。")]
    Other { path: PathBuf, reason: String },
}

impl WriteError {
    pub fn from_io(path: &Path, error: &io::Error) -> Self {
        let path = path.to_owned();
        if super::is_held(error) {
            return WriteError::Held { path };
        }
        match error.kind() {
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                WriteError::ReadOnly { path }
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                WriteError::DiskFull { path }
            }
            io::ErrorKind::NotFound => WriteError::NoFolder { path },
            _ => WriteError::Other {
                path,
                reason: format!("系统错误：{error}"),
            },
        }
    }

    /// Whether saving under another name would help (the target is held by another program).
    pub fn is_held(&self) -> bool {
        matches!(self, WriteError::Held { .. })
    }
}
