//! What can go wrong when drafts travel or are packed, in Chinese, with what to do about it.

use std::io;
use std::path::Path;

use thiserror::Error;

use crate::draft::DraftError;
use crate::pdf::export::ExportError;

#[derive(Debug, Error)]
pub enum PackageError {
    #[error(
        "{path} 不是有效的压缩包（{detail}）。文件可能损坏或只传了一部分：请让对方重新导出“推荐材料.zip”再发送。"
    )]
    NotAZip { path: String, detail: String },
    #[error(
        "压缩包 {path} 里没有 draft.json，不是填表助手导出的推荐材料：请在对方的填表助手中用“导出推荐材料”生成压缩包。"
    )]
    Foreign { path: String },
    #[error("压缩包 {path} 不完整：{detail}。请让对方重新导出“推荐材料.zip”再发送。")]
    Incomplete { path: String, detail: String },
    #[error(
        "压缩包 {path} 里的文件太大（{detail}），为防止占满磁盘没有导入：请确认文件来源，或让对方去掉多余的文件后重新导出。"
    )]
    TooLarge { path: String, detail: String },
    #[error(
        "草稿属于活动“{campaign}”，本机的填表助手没有这个活动：请把该活动的文件放进数据文件夹的 campaigns 文件夹，或升级填表助手。"
    )]
    UnknownCampaign { campaign: String },
    #[error("「{name}」的图片文件 {file} 不在草稿文件夹中：请在该草稿中重新选择这张图片后再导出。")]
    MissingPhoto { name: String, file: String },
    #[error("所选草稿属于不同的活动（{0}）：汇总表和材料包只能由同一活动的草稿生成，请分开生成。")]
    MixedCampaigns(String),
    #[error("没有选择草稿：请至少选择一份草稿。")]
    NoDrafts,
    #[error("「{name}」：{source}")]
    Export { name: String, source: ExportError },
    #[error("「{name}」的Word版无法生成：{detail}")]
    Word { name: String, detail: String },
    #[error("生成压缩包时出错（{0}）：请再试一次；如果仍然出错，请检查磁盘空间。")]
    Zip(String),
    #[error("已取消：没有生成材料包，也没有留下生成了一半的文件。")]
    Cancelled,
    #[error(transparent)]
    Draft(#[from] DraftError),
    #[error(transparent)]
    Write(#[from] crate::files::WriteError),
}

impl PackageError {
    /// A failed write, said as a draft save failure is said (disk full, read-only folder …).
    pub fn write(path: &Path, error: &io::Error) -> Self {
        PackageError::Draft(DraftError::write(path, error))
    }

    pub fn read(path: &Path, error: &io::Error) -> Self {
        PackageError::Draft(DraftError::read(path, error))
    }
}
