//! What differs between the platforms: where the data folder is (portable mode beside the
//! program), the console of the Windows build, and the window icon.

mod icon;
#[cfg(windows)]
mod windows_console;

use std::path::{Path, PathBuf};

pub use icon::window_icon;
#[cfg(windows)]
pub use windows_console::{Console, attach_console};

/// The folder that, beside the program, holds all its data (a USB stick carried between PCs).
pub const PORTABLE_DIR: &str = "tianbiao-data";

/// `tianbiao-data` beside the program, when it exists: then nothing is written anywhere else.
pub fn portable_data_dir() -> Option<PathBuf> {
    portable_dir_beside(&std::env::current_exe().ok()?)
}

fn portable_dir_beside(exe: &Path) -> Option<PathBuf> {
    let dir = exe.parent()?.join(PORTABLE_DIR);
    dir.is_dir().then_some(dir)
}

/// Nothing to do outside Windows: a program started from a terminal already writes to it.
#[cfg(not(windows))]
pub struct Console;

#[cfg(not(windows))]
pub fn attach_console() -> Console {
    Console
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portable_mode_needs_the_folder_beside_the_program() {
        let root = tempfile::tempdir().unwrap();
        let exe = root.path().join("U盘 填表").join("tianbiao.exe");
        assert_eq!(portable_dir_beside(&exe), None);
        std::fs::create_dir_all(exe.with_file_name(PORTABLE_DIR)).unwrap();
        assert_eq!(
            portable_dir_beside(&exe),
            Some(root.path().join("U盘 填表").join(PORTABLE_DIR))
        );
        // A file of that name is not a data folder.
        let other = root.path().join("other");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(other.join(PORTABLE_DIR), b"").unwrap();
        assert_eq!(portable_dir_beside(&other.join("tianbiao")), None);
    }
}
