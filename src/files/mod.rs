//! The one writer: every file the app makes goes through here. A file is written to a hidden
//! temporary file in its target folder, flushed, and renamed into place, so a reader (or a
//! crash) sees the old file or the new one, never half of one. Everything is readable only by
//! its owner on Unix: drafts and every file made from them hold phones, addresses and birth
//! dates. Several files that belong together are built in a staging folder and appear with one
//! rename (`Staging`). Leftovers of a killed run are found again through the journal and swept.

mod error;
pub mod journal;
mod private;
mod staging;
mod text;

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use error::WriteError;
pub use private::{
    create_private, ensure_private_dir, open_private_new, sync_dir, write_private_new,
};
pub use staging::{Staging, is_temporary};
pub use text::decode_text;

/// Prefix of every temporary file and staging folder: the sweep removes only names with it.
pub const TEMP_PREFIX: &str = ".tianbiao-";

/// Writes `bytes` to `path` atomically and owner-only, replacing what is there.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_file_using(path, bytes, &mut |from, to| std::fs::rename(from, to))
}

/// Writes a file whose content is produced into it (a large zip), atomically and owner-only.
pub fn write_with(
    path: &Path,
    fill: &mut dyn FnMut(&mut File) -> io::Result<()>,
) -> Result<(), WriteError> {
    write_inner(path, fill, &mut |from, to| std::fs::rename(from, to))
}

/// `write_file` with the final rename given (tests use it to act as Windows does when another
/// program holds the target open).
pub fn write_file_using(
    path: &Path,
    bytes: &[u8],
    rename: &mut dyn FnMut(&Path, &Path) -> io::Result<()>,
) -> Result<(), WriteError> {
    write_inner(path, &mut |file| file.write_all(bytes), rename)
}

fn write_inner(
    path: &Path,
    fill: &mut dyn FnMut(&mut File) -> io::Result<()>,
    rename: &mut dyn FnMut(&Path, &Path) -> io::Result<()>,
) -> Result<(), WriteError> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(WriteError::NoFolder {
            path: path.to_owned(),
        });
    }
    let temp = temp_path(&folder, path);
    let entry = journal::begin(&temp);
    let written = open_private_new(&temp)
        .and_then(|mut file| {
            fill(&mut file)?;
            file.sync_all()
        })
        .map_err(|error| WriteError::from_io(path, &error));
    let result = written.and_then(|()| {
        rename_with_retries(&temp, path, rename).map_err(|error| {
            // The temporary file was written, so the folder takes files: on Windows a refused
            // rename means another program holds the target.
            if is_held(&error) || (cfg!(windows) && error.kind() == io::ErrorKind::PermissionDenied)
            {
                WriteError::Held {
                    path: path.to_owned(),
                }
            } else {
                WriteError::from_io(path, &error)
            }
        })
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    sync_dir(&folder);
    journal::end(entry);
    result
}

/// A hidden name beside the target, unique to this process and moment.
pub(crate) fn temp_path(folder: &Path, target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy().into_owned());
    folder.join(format!(
        "{TEMP_PREFIX}{name}.{}-{}.partial",
        std::process::id(),
        unique()
    ))
}

/// A number not used before in this process.
pub(crate) fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    millis * 1000 + NEXT.fetch_add(1, Ordering::Relaxed) % 1000
}

/// Delays between attempts to rename over a file that an antivirus, an indexer or a viewer
/// holds for a moment on Windows (about 1.5 s in all before giving up).
const RETRY_DELAYS_MS: [u64; 6] = [20, 50, 100, 200, 400, 700];

/// Renames `from` over `to`, trying again while the target is briefly held.
pub fn rename_with_retries(
    from: &Path,
    to: &Path,
    rename: &mut dyn FnMut(&Path, &Path) -> io::Result<()>,
) -> io::Result<()> {
    let mut delays = RETRY_DELAYS_MS.iter();
    loop {
        match rename(from, to) {
            Ok(()) => return Ok(()),
            Err(error) if is_transient(&error) => match delays.next() {
                Some(ms) => std::thread::sleep(Duration::from_millis(*ms)),
                None => return Err(error),
            },
            Err(error) => return Err(error),
        }
    }
}

/// Whether another program holds the file (Windows: sharing or lock violation; elsewhere a
/// busy file).
pub fn is_held(error: &io::Error) -> bool {
    // ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION.
    if cfg!(windows) && matches!(error.raw_os_error(), Some(32 | 33)) {
        return true;
    }
    matches!(
        error.kind(),
        io::ErrorKind::ResourceBusy | io::ErrorKind::ExecutableFileBusy
    )
}

fn is_transient(error: &io::Error) -> bool {
    is_held(error) || (cfg!(windows) && error.kind() == io::ErrorKind::PermissionDenied)
}

#[cfg(test)]
mod tests;
