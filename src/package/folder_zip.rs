//! The package folder as a zip beside it, written through the one file writer and the one zip
//! writer (names Windows Explorer reads): entries under the folder's name, JPEG photos stored
//! (they do not compress), the rest deflated.

use std::fs;
use std::path::{Path, PathBuf};

use super::PackageError;
use super::zip_writer::{Compression, ZipWriter};
use crate::files::write_with;

/// The package folder as a zip beside it, entries under the folder's name. JPEG photos are
/// stored (they do not compress); the rest is deflated.
pub(super) fn zip_folder(folder: &Path, target: &Path) -> Result<(), PackageError> {
    let root = folder
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let mut entries = Vec::new();
    collect_files(folder, "", &mut entries)
        .map_err(|error| PackageError::Zip(error.to_string()))?;
    write_with(target, &mut |file| write_zip(file, &root, &entries))?;
    Ok(())
}

fn write_zip(
    file: &mut fs::File,
    root: &str,
    entries: &[(String, PathBuf)],
) -> std::io::Result<()> {
    let mut zip = ZipWriter::new(std::io::BufWriter::new(file));
    for (relative, path) in entries {
        let compression = if relative.ends_with(".jpg") || relative.ends_with(".jpeg") {
            Compression::Stored
        } else {
            Compression::Deflated
        };
        let bytes = fs::read(path)?;
        zip.add(&format!("{root}/{relative}"), &bytes, compression)?;
    }
    zip.finish()?;
    Ok(())
}

/// Files under `dir`, sorted, with paths relative to the package root (`/`-separated).
fn collect_files(
    dir: &Path,
    prefix: &str,
    out: &mut Vec<(String, PathBuf)>,
) -> std::io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, &format!("{prefix}{name}/"), out)?;
        } else {
            out.push((format!("{prefix}{name}"), path));
        }
    }
    Ok(())
}
