//! File dialogs behind a trait: the app asks, the platform's dialog answers (rfd), and tests
//! answer with fixed paths. Each call blocks while the dialog is open, as native dialogs do.

use std::path::PathBuf;

pub trait FileDialogs {
    /// One image (the ID photo).
    fn pick_image(&mut self) -> Option<PathBuf>;
    /// Several images (佐证材料).
    fn pick_images(&mut self) -> Vec<PathBuf>;
    /// Where to save a PDF, starting from a suggested file name.
    fn save_pdf(&mut self, suggested_name: &str) -> Option<PathBuf>;
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

    fn save_pdf(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("导出PDF")
            .set_file_name(suggested_name)
            .add_filter("PDF 文件", &["pdf"])
            .save_file()
    }
}

/// Answers fixed in advance (tests, and scripted demos).
#[derive(Debug, Default, Clone)]
pub struct FixedDialogs {
    pub images: Vec<PathBuf>,
    pub save_to: Option<PathBuf>,
}

impl FileDialogs for FixedDialogs {
    fn pick_image(&mut self) -> Option<PathBuf> {
        self.images.first().cloned()
    }

    fn pick_images(&mut self) -> Vec<PathBuf> {
        self.images.clone()
    }

    fn save_pdf(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        self.save_to.clone()
    }
}
