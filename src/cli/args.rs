//! The command line's arguments: subcommand names and flags are a contract scripts rely on.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "tianbiao",
    version,
    about = "填表助手：离线填写“最美科技工作者”推荐表。不带参数时打开窗口。"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<CliCommand>,
    /// 窗口的图形方式：默认先用 glow（OpenGL），打不开时自动改用 wgpu
    #[arg(long, value_enum)]
    pub renderer: Option<crate::ui::RendererChoice>,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
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
    /// 读取通知（文本 UTF-8/GBK 或 .docx），生成活动文件；逐行列出读到的内容及其出处，再列出未找到的内容
    ReadNotice {
        /// 通知文件（.txt 或 .docx）
        notice: PathBuf,
        /// 输出的活动文件（.json）
        #[arg(short, long)]
        output: PathBuf,
    },
}
