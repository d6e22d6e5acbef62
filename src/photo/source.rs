//! Where a draft's photo is: a plain file name inside the draft folder, nothing else. A draft
//! folder may come on a USB stick from someone else; if draft.json could name
//! `/home/…/身份证.jpg`, `..\..\x.jpg` or a link leading out of the folder, `export` and `pack`
//! would read any picture on the disk into their PDF or package. Every reader of a photo
//! (print, package, exchange zip, copy of a draft, thumbnails) goes through `photo_path`.

use std::fs;
use std::path::{Component, Path, PathBuf};

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SourceError {
    #[error(
        "草稿中的图片“{0}”不是草稿文件夹里的文件名（含有路径、盘符或“..”），为安全起见不会读取：请在填表助手中重新选择这张图片。"
    )]
    NotPlainName(String),
    #[error(
        "草稿中的图片“{0}”是指向草稿文件夹以外的链接（快捷方式），为安全起见不会读取：请把原图复制出来，在填表助手中重新选择这张图片。"
    )]
    OutsideFolder(String),
    #[error("图片文件 {0} 不在草稿文件夹中（可能被移动或删除）：请重新选择这张图片。")]
    Missing(String),
    #[error("无法读取图片 {file}（{reason}）：请关闭正在使用它的程序，或重新选择这张图片。")]
    Unreadable { file: String, reason: String },
}

/// Whether `name` is a plain file name: one normal component, no separator of either system,
/// no drive letter, not `.`/`..`, not empty.
pub fn is_plain_name(name: &str) -> bool {
    let mut components = Path::new(name).components();
    let single =
        matches!(components.next(), Some(Component::Normal(_))) && components.next().is_none();
    single
        && !name.contains(['/', '\\', ':', '\0'])
        && name != "."
        && name != ".."
        && !name.trim().is_empty()
}

/// The path of the photo `name` in the draft folder `dir`, once it is known to be a plain name
/// and, if it is a link, one that stays inside the folder.
pub fn photo_path(dir: &Path, name: &str) -> Result<PathBuf, SourceError> {
    if !is_plain_name(name) {
        return Err(SourceError::NotPlainName(name.to_owned()));
    }
    let path = dir.join(name);
    let metadata =
        fs::symlink_metadata(&path).map_err(|_| SourceError::Missing(name.to_owned()))?;
    if metadata.file_type().is_symlink() || !metadata.is_file() {
        // A link (or a Windows junction) is followed only when it ends inside the folder.
        let inside = match (fs::canonicalize(&path), fs::canonicalize(dir)) {
            (Ok(target), Ok(folder)) => target.starts_with(&folder) && target.is_file(),
            _ => false,
        };
        if !inside {
            return Err(if path.exists() || metadata.file_type().is_symlink() {
                SourceError::OutsideFolder(name.to_owned())
            } else {
                SourceError::Missing(name.to_owned())
            });
        }
    }
    Ok(path)
}

/// The bytes of the photo `name` in the draft folder `dir` (see `photo_path`).
pub fn read_photo(dir: &Path, name: &str) -> Result<Vec<u8>, SourceError> {
    let path = photo_path(dir, name)?;
    fs::read(&path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => SourceError::Missing(name.to_owned()),
        _ => SourceError::Unreadable {
            file: name.to_owned(),
            reason: error.to_string(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_are_plain() {
        for good in ["photo-1.jpg", "张三 证件照.png", ".hidden.jpg"] {
            assert!(is_plain_name(good), "{good}");
        }
        for bad in [
            "",
            " ",
            ".",
            "..",
            "../x.jpg",
            "a/b.jpg",
            "a\\b.jpg",
            "/etc/x.jpg",
            "C:\\x.jpg",
            "C:x.jpg",
            "\\\\server\\share\\x.jpg",
        ] {
            assert!(!is_plain_name(bad), "{bad}");
        }
    }

    #[test]
    fn a_missing_file_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            photo_path(dir.path(), "nope.jpg"),
            Err(SourceError::Missing("nope.jpg".into()))
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_folder_is_refused_and_one_inside_is_followed() {
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret.jpg");
        fs::write(&secret, b"secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(&secret, dir.path().join("photo-1.jpg")).unwrap();
        assert_eq!(
            read_photo(dir.path(), "photo-1.jpg"),
            Err(SourceError::OutsideFolder("photo-1.jpg".into()))
        );
        fs::write(dir.path().join("real.jpg"), b"mine").unwrap();
        std::os::unix::fs::symlink("real.jpg", dir.path().join("alias.jpg")).unwrap();
        assert_eq!(read_photo(dir.path(), "alias.jpg").unwrap(), b"mine");
    }
}
