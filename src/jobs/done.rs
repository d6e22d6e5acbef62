//! What a job made, and how it is said to the user: worded once, for the window and the
//! command line alike.

use std::path::{Path, PathBuf};

use crate::package::import::ImportOutcome;
use crate::package::pack::Packed;

#[derive(Debug)]
pub enum Done {
    /// The 推荐表 as PDF, and the 佐证材料 booklet where the campaign asks for one.
    Pdf {
        path: PathBuf,
        booklet: Option<PathBuf>,
    },
    /// The 汇总表 of several candidates.
    Summary {
        path: PathBuf,
        candidates: usize,
        /// What the campaign calls it (汇总表, 初选人名单).
        name: String,
    },
    /// All forms in one PDF, each from an odd page: where each starts (1-based).
    Batch {
        path: PathBuf,
        pages: usize,
        starts: Vec<(String, usize)>,
    },
    /// The submission package (folder and zip).
    Package(Packed),
    /// The Word copy.
    Word { path: PathBuf },
    /// 姓名-推荐材料.zip.
    Shared { path: PathBuf },
    /// A draft received as a zip, imported or (on `Conflict`) waiting for a choice.
    Imported {
        zip: PathBuf,
        candidate: String,
        outcome: ImportOutcome,
        migrated_from: Option<u32>,
    },
}

impl Done {
    /// The file or folder 打开 opens.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Done::Pdf { path, .. }
            | Done::Summary { path, .. }
            | Done::Batch { path, .. }
            | Done::Word { path }
            | Done::Shared { path } => Some(path),
            Done::Package(packed) => Some(&packed.folder),
            Done::Imported { outcome, .. } => match outcome {
                ImportOutcome::Imported(folder) | ImportOutcome::Replaced { folder, .. } => {
                    Some(&folder.dir)
                }
                ImportOutcome::Conflict(_) => None,
            },
        }
    }

    pub fn message(&self) -> String {
        match self {
            Done::Pdf {
                path,
                booklet: None,
            } => format!("已导出：{}", path.display()),
            Done::Pdf {
                path,
                booklet: Some(booklet),
            } => format!(
                "已导出：{}；佐证材料按通知要求单独成册，另存为：{}",
                path.display(),
                booklet.display()
            ),
            Done::Summary {
                path,
                candidates,
                name,
            } => {
                format!("已生成{name}（{candidates}人）：{}", path.display())
            }
            Done::Batch {
                path,
                pages,
                starts,
            } => format!(
                "已生成合订本：{}份推荐表共{pages}页，每份从奇数页开始，请双面打印。{}",
                starts.len(),
                path.display()
            ),
            Done::Package(packed) => {
                let mut message = format!(
                    "已生成材料包：{}（同名 zip 在旁边）。",
                    packed.folder.display()
                );
                if !packed.contents.problems.is_empty() {
                    message.push_str(&format!(
                        "材料清单中列出了{}项报送前还需处理的事。",
                        packed.contents.problems.len()
                    ));
                }
                message
            }
            Done::Word { path } => format!("已导出Word版：{}", path.display()),
            Done::Shared { path } => format!(
                "已导出：{}（含草稿和全部照片，可发给推荐单位，对方用“导入推荐材料”打开）",
                path.display()
            ),
            Done::Imported {
                candidate, outcome, ..
            } => match outcome {
                ImportOutcome::Imported(_) => format!("已导入“{candidate}”的草稿。"),
                ImportOutcome::Replaced { .. } => {
                    format!("已导入“{candidate}”的草稿，替换了原来的草稿（原草稿在回收文件夹中）。")
                }
                ImportOutcome::Conflict(_) => {
                    format!("本机已有“{candidate}”的草稿，没有导入。")
                }
            },
        }
    }
}
