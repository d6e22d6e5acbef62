use std::io;
use std::path::Path;

use super::*;

fn folder() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(TEMP_PREFIX))
        .collect()
}

#[test]
fn a_written_file_replaces_the_old_one_and_is_private() {
    let dir = folder();
    let path = dir.path().join("张三-推荐表.pdf");
    std::fs::write(&path, b"old").expect("old");
    write_file(&path, b"new content").expect("write");
    assert_eq!(std::fs::read(&path).expect("read"), b"new content");
    assert!(leftovers(dir.path()).is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_file_held_by_another_program_is_reported_and_left_as_it_was() {
    let dir = folder();
    let path = dir.path().join("推荐表.pdf");
    std::fs::write(&path, b"open in WPS").expect("old");
    let mut attempts = 0;
    let error = write_file_using(&path, b"new", &mut |_, _| {
        attempts += 1;
        Err(io::Error::from(io::ErrorKind::ResourceBusy))
    })
    .expect_err("held");
    assert!(error.is_held(), "{error}");
    assert!(error.to_string().contains("文件正在被其他程序打开"));
    assert_eq!(
        attempts,
        RETRY_DELAYS_MS.len() + 1,
        "retried before giving up"
    );
    assert_eq!(std::fs::read(&path).expect("read"), b"open in WPS");
    assert!(leftovers(dir.path()).is_empty(), "temporary file removed");
}

#[test]
fn a_file_held_for_a_moment_is_written_after_a_retry() {
    let dir = folder();
    let path = dir.path().join("draft.json");
    let mut attempts = 0;
    write_file_using(&path, b"{}", &mut |from, to| {
        attempts += 1;
        if attempts < 3 {
            Err(io::Error::from(io::ErrorKind::ResourceBusy))
        } else {
            std::fs::rename(from, to)
        }
    })
    .expect("written on the third try");
    assert_eq!(std::fs::read(&path).expect("read"), b"{}");
}

#[test]
fn a_missing_folder_is_said_plainly() {
    let dir = folder();
    let error = write_file(&dir.path().join("gone").join("a.pdf"), b"x").expect_err("no folder");
    assert!(matches!(error, WriteError::NoFolder { .. }), "{error}");
}

#[test]
fn a_staging_folder_appears_whole_or_not_at_all() {
    let dir = folder();
    let target = dir.path().join("郜穗宁");
    {
        let staging = Staging::new(dir.path(), "import").expect("staging");
        std::fs::write(staging.dir().join("photo-1.jpg"), b"jpg").expect("photo");
        // Dropped without commit: nothing remains.
    }
    assert!(leftovers(dir.path()).is_empty());
    assert!(!target.exists());
    let staging = Staging::new(dir.path(), "import").expect("staging");
    std::fs::write(staging.dir().join("draft.json"), b"{}").expect("draft");
    staging.commit(&target).expect("commit");
    assert!(target.join("draft.json").is_file());
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn the_sweep_removes_what_a_killed_run_left_and_spares_running_writes() {
    let data = folder();
    let out = folder();
    let journal = journal::dir_in(data.path());
    std::fs::create_dir_all(&journal).expect("journal");
    // A killed run: an unlocked entry naming its temporary file.
    let left = out.path().join(".tianbiao-a.pdf.1-1.partial");
    std::fs::write(&left, b"half").expect("left");
    std::fs::write(journal.join("1-1.txt"), left.to_string_lossy().as_bytes()).expect("entry");
    // An entry naming a user's file is never followed.
    let users = out.path().join("张三-推荐表.pdf");
    std::fs::write(&users, b"keep").expect("user file");
    std::fs::write(journal.join("1-2.txt"), users.to_string_lossy().as_bytes()).expect("entry");
    // A running write: its entry is locked.
    let running = out.path().join(".tianbiao-b.pdf.2-2.partial");
    std::fs::write(&running, b"writing").expect("running");
    let held = journal.join("2-2.txt");
    std::fs::write(&held, running.to_string_lossy().as_bytes()).expect("entry");
    let lock = std::fs::File::open(&held).expect("open");
    lock.lock().expect("lock");

    let removed = journal::sweep(data.path());
    assert_eq!(removed, vec![left.clone()]);
    assert!(!left.exists());
    assert!(users.exists(), "a user's file is never removed");
    assert!(running.exists(), "a running write is left alone");
    assert!(held.exists());
}
