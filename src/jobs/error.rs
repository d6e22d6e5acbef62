//! Why a job did not make its file, kept typed until it is shown (the command line prints the
//! message; the window shows it, and offers another name when a file is held open).

use thiserror::Error;

use crate::docx::DocxError;
use crate::draft::DraftError;
use crate::files::WriteError;
use crate::form::validate::Finding;
use crate::package::PackageError;
use crate::pdf::export::ExportError;

#[derive(Debug, Error)]
pub enum JobError {
    #[error(transparent)]
    Draft(#[from] DraftError),
    #[error("不认识草稿中的活动“{0}”：请把该活动的通知文件（JSON）放入数据文件夹的 campaigns 中。")]
    UnknownCampaign(String),
    #[error("内置表格定义有误：{0}")]
    Catalog(String),
    #[error("找不到本机的数据文件夹（主目录未设置）：请用 --data-dir 指定。")]
    NoDataFolder,
    /// Characters the font lacks would print blank: nothing is written.
    #[error("有{}处文字字体中没有，未导出：{}", .0.len(), .0.iter().map(|f| f.message.as_str()).collect::<Vec<_>>().join(" "))]
    MissingGlyphs(Vec<Finding>),
    #[error(transparent)]
    Export(ExportError),
    #[error(transparent)]
    Package(#[from] PackageError),
    #[error(transparent)]
    Word(#[from] DocxError),
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The job's thread ended without an answer (a bug): nothing is half-written.
    #[error("生成时程序出错，请重试；如果仍然出错，请把这条信息告诉维护人员。")]
    Crashed,
}

impl From<ExportError> for JobError {
    fn from(error: ExportError) -> Self {
        match error {
            ExportError::MissingGlyphs(findings) => JobError::MissingGlyphs(findings),
            other => JobError::Export(other),
        }
    }
}

impl JobError {
    /// Another program holds the output file: saving under another name would help.
    pub fn is_held(&self) -> bool {
        matches!(self, JobError::Write(error) if error.is_held())
    }
}
