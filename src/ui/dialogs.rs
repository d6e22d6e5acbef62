//! File dialogs behind a trait: the app asks, the platform's dialog answers (rfd), and tests
//! answer with fixed paths. Each call blocks while the dialog is open, as native dialogs do.

use std::path::PathBuf;

/// What a save dialog saves: its title, filter label and extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveKind {
    Pdf,
    Zip,
    /// A campaign file (导出活动文件), to send with the notice.
    Campaign,
}

impl SaveKind {
    fn title(self) -> &'static str {
        match self {
            SaveKind::Pdf => "导出PDF",
            SaveKind::Zip => "导出推荐材料",
            SaveKind::Campaign => "导出活动文件",
        }
    }

    fn filter(self) -> (&'static str, &'static str) {
        match self {
            SaveKind::Pdf => ("PDF 文件", "pdf"),
            SaveKind::Zip => ("压缩包", "zip"),
            SaveKind::Campaign => ("活动文件", "json"),
        }
    }
}

pub trait FileDialogs {
    /// One image (the ID photo).
    fn pick_image(&mut self) -> Option<PathBuf>;
    /// Several images (佐证材料).
    fn pick_images(&mut self) -> Vec<PathBuf>;
    /// Where to save a file, starting from a suggested file name.
    fn save_file(&mut self, kind: SaveKind, suggested_name: &str) -> Option<PathBuf>;
    /// A 推荐材料.zip to import.
    fn pick_zip(&mut self) -> Option<PathBuf>;
    /// A folder to put the submission package in.
    fn pick_folder(&mut self) -> Option<PathBuf>;
    /// A campaign file to import (导入活动文件).
    fn pick_campaign_file(&mut self) -> Option<PathBuf>;
    /// A notice to read into a new campaign (.txt, .docx, .pdf).
    fn pick_notice(&mut self) -> Option<PathBuf>;

    fn save_pdf(&mut self, suggested_name: &str) -> Option<PathBuf> {
        self.save_file(SaveKind::Pdf, suggested_name)
    }
}

/// The platform's own dialogs.
pub struct NativeDialogs;

fn image_dialog() -> rfd::FileDialog {
    rfd::FileDialog::new().set_title("选择图片").add_filter(
        "图片（JPG、PNG）",
        &["jpg", "jpeg", "JPG", "JPEG", "png", "PNG"],
    )
}

impl FileDialogs for NativeDialogs {
    fn pick_image(&mut self) -> Option<PathBuf> {
        image_dialog().pick_file()
    }

    fn pick_images(&mut self) -> Vec<PathBuf> {
        image_dialog().pick_files().unwrap_or_default()
    }

    fn save_file(&mut self, kind: SaveKind, suggested_name: &str) -> Option<PathBuf> {
        let (label, extension) = kind.filter();
        rfd::FileDialog::new()
            .set_title(kind.title())
            .set_file_name(suggested_name)
            .add_filter(label, &[extension])
            .save_file()
    }

    fn pick_zip(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("导入推荐材料")
            .add_filter("推荐材料（zip）", &["zip", "ZIP"])
            .pick_file()
    }

    fn pick_folder(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("选择存放材料包的文件夹")
            .pick_folder()
    }

    fn pick_campaign_file(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("导入活动文件")
            .add_filter("活动文件（json）", &["json", "JSON"])
            .pick_file()
    }

    fn pick_notice(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("打开通知")
            .add_filter(
                "通知（文本、Word、PDF）",
                &["txt", "TXT", "docx", "DOCX", "pdf", "PDF"],
            )
            .pick_file()
    }
}

/// Answers fixed in advance (tests, and scripted demos).
#[derive(Debug, Default, Clone)]
pub struct FixedDialogs {
    pub images: Vec<PathBuf>,
    /// The answer of every save dialog; when None, `save_dir` joined with the suggested name.
    pub save_to: Option<PathBuf>,
    pub save_dir: Option<PathBuf>,
    pub zip: Option<PathBuf>,
    pub folder: Option<PathBuf>,
    pub campaign_file: Option<PathBuf>,
    pub notice: Option<PathBuf>,
}

impl FileDialogs for FixedDialogs {
    fn pick_image(&mut self) -> Option<PathBuf> {
        self.images.first().cloned()
    }

    fn pick_images(&mut self) -> Vec<PathBuf> {
        self.images.clone()
    }

    fn save_file(&mut self, _kind: SaveKind, suggested_name: &str) -> Option<PathBuf> {
        self.save_to
            .clone()
            .or_else(|| Some(self.save_dir.as_ref()?.join(suggested_name)))
    }

    fn pick_zip(&mut self) -> Option<PathBuf> {
        self.zip.clone()
    }

    fn pick_folder(&mut self) -> Option<PathBuf> {
        self.folder.clone()
    }

    fn pick_campaign_file(&mut self) -> Option<PathBuf> {
        self.campaign_file.clone()
    }

    fn pick_notice(&mut self) -> Option<PathBuf> {
        self.notice.clone()
    }
}
