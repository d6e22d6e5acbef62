//! Handing files to the system: 打开 with the file's own program, 打开所在文件夹 with the file
//! selected where the file manager can do that (Explorer on Windows).

use std::path::Path;

/// Opens a file or folder with the system's program for it.
pub fn open_externally(path: &Path) -> Result<(), String> {
    let mut command = if cfg!(target_os = "windows") {
        std::process::Command::new("explorer")
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    command.arg(path);
    spawn(command, path)
}

/// Opens the folder of a file, with the file selected on Windows.
pub fn show_in_folder(path: &Path) -> Result<(), String> {
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        let mut command = std::process::Command::new("explorer");
        // Explorer wants the path quoted after the comma, as one argument.
        command.raw_arg(format!("/select,\"{}\"", path.display()));
        spawn(command, path)
    }
    #[cfg(not(windows))]
    {
        let folder = if path.is_dir() {
            path
        } else {
            path.parent().unwrap_or(path)
        };
        open_externally(folder)
    }
}

fn spawn(mut command: std::process::Command, path: &Path) -> Result<(), String> {
    command.spawn().map(|_| ()).map_err(|error| {
        format!(
            "无法打开 {}：{error}。请在文件管理器中找到它。",
            path.display()
        )
    })
}
