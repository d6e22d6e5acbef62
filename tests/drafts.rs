//! Drafts on disk: round trip, a save interrupted at every step, damaged and newer files left
//! untouched, old schemas migrated, read-only folders and full disks reported with the text kept,
//! photos copied (never modified) and missing photos found, backups, the library and autosave.

mod common;

use std::fs;
use std::io;
use std::path::Path;
use std::time::Duration;

use common::*;
use tianbiao::draft::autosave::{AutosaveEvent, Autosaver};
use tianbiao::draft::folder::{BACKUPS_KEPT, SaveStep};
use tianbiao::draft::{Draft, DraftError, DraftFolder, Library};

fn draft_with(name: &str) -> Draft {
    let mut draft = Draft::new("zuimei_tuijianbiao", "xinxiang-2023");
    draft.answers = valid_answers();
    draft.answers.set_text("name", name);
    draft
}

fn folder_in(root: &Path) -> DraftFolder {
    let mut folder = DraftFolder::at(&root.join("draft"));
    folder.backup_interval = Duration::ZERO;
    folder
}

#[test]
fn a_draft_round_trips_and_only_its_owner_can_read_it() {
    let root = tempfile::tempdir().unwrap();
    let folder = folder_in(root.path());
    let mut draft = draft_with("林某某");
    let report = folder.save(&mut draft).unwrap();
    assert!(report.bytes > 3000);
    assert!(draft.saved_at > 1_700_000_000);
    let (loaded, notes) = folder.load().unwrap();
    assert_eq!(loaded, draft);
    assert_eq!(notes.migrated_from, None);
    // Loading by the path of draft.json works the same.
    assert_eq!(DraftFolder::at(&folder.file()).load().unwrap().0, draft);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder.file()), 0o600);
        assert_eq!(mode(&folder.dir), 0o700);
    }
}

#[test]
fn a_save_interrupted_at_any_step_leaves_the_old_or_the_new_draft() {
    for step in SaveStep::ALL {
        let root = tempfile::tempdir().unwrap();
        let folder = folder_in(root.path());
        let mut old = draft_with("旧名字");
        folder.save(&mut old).unwrap();
        let mut new = draft_with("新名字");
        let result = folder.save_with(&mut new, &mut |at| {
            if at == step {
                Err(io::Error::other("断电"))
            } else {
                Ok(())
            }
        });
        assert!(result.is_err(), "{step:?}");
        let (on_disk, _) = folder.load().unwrap_or_else(|e| panic!("{step:?}: {e}"));
        let name = on_disk.answers.text("name").to_owned();
        assert!(name == "旧名字" || name == "新名字", "{step:?}: {name}");
        assert!(
            !folder.dir.join("draft.json.tmp").exists(),
            "{step:?}: temp file cleaned up"
        );
        // The in-memory draft keeps every word for the next attempt.
        assert_eq!(new.answers.text("name"), "新名字");
        folder.save(&mut new).unwrap();
        assert_eq!(folder.load().unwrap().0.answers.text("name"), "新名字");
    }
}

#[test]
fn a_crash_that_leaves_a_half_written_temp_file_does_not_matter() {
    let root = tempfile::tempdir().unwrap();
    let folder = folder_in(root.path());
    let mut draft = draft_with("林某某");
    folder.save(&mut draft).unwrap();
    fs::write(
        folder.dir.join("draft.json.tmp"),
        "{\"schema\": 1, \"form\": \"zu",
    )
    .unwrap();
    assert_eq!(folder.load().unwrap().0, draft);
    folder.save(&mut draft).unwrap();
    assert_eq!(folder.load().unwrap().0, draft);
}

fn assert_untouched(path: &Path, before: &[u8]) {
    assert_eq!(
        fs::read(path).unwrap(),
        before,
        "the file must be left as it was"
    );
}

#[test]
fn a_truncated_file_is_reported_and_left_alone() {
    let root = tempfile::tempdir().unwrap();
    let folder = folder_in(root.path());
    folder.save(&mut draft_with("林某某")).unwrap();
    let full = fs::read(folder.file()).unwrap();
    let truncated = &full[..full.len() / 3];
    fs::write(folder.file(), truncated).unwrap();
    let error = folder.load().unwrap_err();
    assert!(matches!(error, DraftError::Damaged { .. }), "{error:?}");
    let message = error.to_string();
    assert!(
        message.contains("截断") && message.contains("没有被改动") && message.contains("backups"),
        "{message}"
    );
    assert_untouched(&folder.file(), truncated);

    fs::write(folder.file(), b"\xff\xfe not json").unwrap();
    assert!(matches!(folder.load(), Err(DraftError::Damaged { .. })));
    fs::write(folder.file(), "{\"schema\": 1, \"form\": 3}").unwrap();
    assert!(matches!(folder.load(), Err(DraftError::Damaged { .. })));
}

#[test]
fn a_file_from_a_newer_version_is_refused_untouched() {
    let root = tempfile::tempdir().unwrap();
    let folder = folder_in(root.path());
    fs::create_dir_all(&folder.dir).unwrap();
    let newer = "{\"schema\": 7, \"form\": \"zuimei_tuijianbiao\", \"campaign\": \"x\", \"answers\": {}, \"video\": \"a.mp4\"}";
    fs::write(folder.file(), newer).unwrap();
    let error = folder.load().unwrap_err();
    assert!(
        matches!(
            error,
            DraftError::Newer {
                found: 7,
                supported: 1,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("升级"), "{error}");
    assert_untouched(&folder.file(), newer.as_bytes());
}

#[test]
fn an_older_schema_is_migrated_on_load() {
    let root = tempfile::tempdir().unwrap();
    let folder = folder_in(root.path());
    fs::create_dir_all(&folder.dir).unwrap();
    let old = r#"{"form": "zuimei_tuijianbiao", "campaign": "xinxiang-2023",
                  "fields": {"name": "林某某", "birth": "1984.6", "history": [{"start": "2002.9", "end": "至今", "what": "学习"}]}}"#;
    fs::write(folder.file(), old).unwrap();
    let (mut draft, notes) = folder.load().unwrap();
    assert_eq!(notes.migrated_from, Some(0));
    assert_eq!(draft.answers.text("birth"), "1984-06");
    assert_eq!(draft.answers.rows("history")[0]["start"], "2002-09");
    assert_untouched(&folder.file(), old.as_bytes());
    folder.save(&mut draft).unwrap();
    assert_eq!(folder.load().unwrap().1.migrated_from, None);
}

#[cfg(unix)]
/// Makes a folder unwritable for real: by permissions for a normal user, by the immutable
/// attribute for root (who ignores permissions). None if neither is possible here.
fn make_read_only(dir: &Path) -> Option<Box<dyn FnOnce()>> {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir.to_owned();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o500)).ok()?;
    if fs::write(dir.join("probe"), "x").is_err() {
        let restore = dir.clone();
        return Some(Box::new(move || {
            let _ = fs::set_permissions(&restore, fs::Permissions::from_mode(0o700));
        }));
    }
    let _ = fs::remove_file(dir.join("probe"));
    let _ = fs::set_permissions(&dir, fs::Permissions::from_mode(0o700));
    let immutable = std::process::Command::new("chattr")
        .arg("+i")
        .arg(&dir)
        .status()
        .ok()?;
    if !immutable.success() || fs::write(dir.join("probe"), "x").is_ok() {
        return None;
    }
    Some(Box::new(move || {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&dir)
            .status();
    }))
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_reported_and_the_old_draft_kept() {
    let root = tempfile::tempdir().unwrap();
    let folder = folder_in(root.path());
    folder.save(&mut draft_with("旧名字")).unwrap();
    let before = fs::read(folder.file()).unwrap();
    let mut draft = draft_with("新名字");
    let result = match make_read_only(&folder.dir) {
        Some(undo) => {
            let result = folder.save(&mut draft);
            undo();
            result
        }
        None => {
            eprintln!(
                "this machine cannot make a folder read-only; simulating the system's answer"
            );
            folder.save_with(&mut draft, &mut |step| {
                if step == SaveStep::CreateTemp {
                    Err(io::ErrorKind::ReadOnlyFilesystem.into())
                } else {
                    Ok(())
                }
            })
        }
    };
    let message = result.unwrap_err().to_string();
    assert!(
        message.contains("只读") && message.contains("没有丢失"),
        "{message}"
    );
    assert_untouched(&folder.file(), &before);
    assert_eq!(draft.answers.text("name"), "新名字");
}

#[test]
fn a_full_disk_is_reported_in_chinese() {
    let root = tempfile::tempdir().unwrap();
    let folder = folder_in(root.path());
    let mut draft = draft_with("林某某");
    let error = folder
        .save_with(&mut draft, &mut |step| {
            if step == SaveStep::WriteSecondHalf {
                Err(io::ErrorKind::StorageFull.into())
            } else {
                Ok(())
            }
        })
        .unwrap_err();
    assert!(error.to_string().contains("磁盘空间已满"), "{error}");
    assert!(!folder.file().exists(), "no half-written draft.json");
}

#[test]
fn backups_keep_the_last_few_versions() {
    let root = tempfile::tempdir().unwrap();
    let folder = folder_in(root.path());
    for n in 0..(BACKUPS_KEPT + 3) {
        folder.save(&mut draft_with(&format!("版本{n}"))).unwrap();
        std::thread::sleep(Duration::from_millis(2));
    }
    let backups = folder.backups();
    assert_eq!(backups.len(), BACKUPS_KEPT);
    let newest = DraftFolder::at(root.path());
    let bytes = fs::read(backups.last().unwrap()).unwrap();
    let (previous, _) = tianbiao::draft::folder::parse_draft(&newest.file(), &bytes).unwrap();
    assert_eq!(
        previous.answers.text("name"),
        format!("版本{}", BACKUPS_KEPT + 1)
    );

    // With the normal interval, quick successive saves (autosave) make no new backups.
    let spaced = DraftFolder::at(&folder.dir);
    spaced.save(&mut draft_with("再存一次")).unwrap();
    spaced.save(&mut draft_with("又存一次")).unwrap();
    assert_eq!(spaced.backups(), backups);
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_pixel(width, height, image::Rgb([120, 160, 220]));
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(&mut io::Cursor::new(&mut bytes), image::ImageFormat::Jpeg)
        .unwrap();
    bytes
}

#[test]
fn photos_are_copied_never_modified_and_missing_ones_found() {
    let root = tempfile::tempdir().unwrap();
    let folder = folder_in(root.path());
    let original = root.path().join("我的照片.JPG");
    let bytes = jpeg(413, 531);
    fs::write(&original, &bytes).unwrap();
    let modified = fs::metadata(&original).unwrap().modified().unwrap();

    let photo = folder.add_photo(&original, "photo").unwrap();
    assert_eq!(
        (photo.file.as_str(), photo.width, photo.height),
        ("photo-1.jpg", 413, 531)
    );
    assert_eq!(photo.bytes, bytes.len() as u64);
    assert_eq!(photo.original_name.as_deref(), Some("我的照片.JPG"));
    assert_eq!(fs::read(folder.dir.join(&photo.file)).unwrap(), bytes);
    assert_eq!(fs::read(&original).unwrap(), bytes);
    assert_eq!(
        fs::metadata(&original).unwrap().modified().unwrap(),
        modified
    );
    assert_eq!(
        folder.add_photo(&original, "photo").unwrap().file,
        "photo-2.jpg"
    );

    let mut draft = draft_with("林某某");
    draft.answers.set_photo("photo", photo);
    let (definition, _) = pair("xinxiang-2023");
    assert!(
        folder
            .missing_photos(definition, &draft)
            .iter()
            .all(|f| f.field != "photo")
    );
    let missing = folder.missing_photos(definition, &draft);
    assert_eq!(
        missing.len(),
        1,
        "evidence-1.jpg was never copied: {missing:?}"
    );
    assert!(
        missing[0].message.contains("evidence-1.jpg") && missing[0].message.contains("重新选择")
    );

    let not_image = root.path().join("简历.pdf");
    fs::write(&not_image, "%PDF-1.4").unwrap();
    let error = folder
        .add_photo(&not_image, "photo")
        .unwrap_err()
        .to_string();
    assert!(error.contains("不是能识别的图片"), "{error}");
    let gone = folder
        .add_photo(&root.path().join("没有这个文件.jpg"), "photo")
        .unwrap_err();
    assert!(matches!(gone, DraftError::NotFound(_)), "{gone:?}");
}

#[test]
fn the_library_lists_copies_deletes_and_restores_drafts() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(root.path());
    let mut complete = draft_with("林某某");
    let first = library.create(&mut complete).unwrap();
    fs::write(first.dir.join("photo-1.jpg"), jpeg(826, 1062)).unwrap();
    fs::write(first.dir.join("evidence-1.jpg"), jpeg(2400, 1700)).unwrap();
    let mut empty = Draft::new("zuimei_tuijianbiao", "xinxiang-2023");
    let second = library.create(&mut empty).unwrap();
    let damaged = library.new_folder("坏/文件").unwrap();
    fs::write(damaged.file(), "{").unwrap();
    assert!(damaged.dir.ends_with("坏_文件"));

    let list = library.list(catalog());
    assert_eq!(list.len(), 3);
    let entry = |name: &str| list.iter().find(|d| d.name == name).unwrap();
    let full = entry("林某某");
    assert_eq!(full.errors, 0);
    assert_eq!(full.completeness.0, full.completeness.1);
    assert_eq!(full.campaign_title, "2023年新乡“最美科技工作者”推荐表");
    let blank = entry("未命名草稿");
    assert_eq!(blank.completeness.0, 0);
    assert!(blank.errors > 20);
    let broken = list.iter().find(|d| d.problem.is_some()).unwrap();
    assert!(broken.problem.as_deref().unwrap().contains("损坏"));

    let copy = library.duplicate(&first).unwrap();
    let (copied, _) = copy.load().unwrap();
    assert_eq!(copied.answers, complete.answers);
    assert_eq!(copied.title, "林某某（副本）");
    assert!(copy.dir.join("photo-1.jpg").is_file() && copy.dir.join("evidence-1.jpg").is_file());

    let trashed = library.delete(&second).unwrap();
    assert!(!second.dir.exists() && trashed.join("draft.json").is_file());
    assert_eq!(library.list(catalog()).len(), 3);
    library.restore(&trashed, &second).unwrap();
    assert_eq!(library.list(catalog()).len(), 4);
}

#[test]
fn autosave_coalesces_edits_and_saves_the_last_one() {
    let root = tempfile::tempdir().unwrap();
    let folder = folder_in(root.path());
    let autosaver = Autosaver::start(Duration::from_millis(150));
    let mut draft = draft_with("");
    for name in ["林", "林某", "林某某"] {
        draft.answers.set_text("name", name);
        autosaver.edited(&folder, &draft);
    }
    let mut events = Vec::new();
    for _ in 0..100 {
        events.extend(autosaver.poll());
        if !events.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(events.len(), 1, "three quick edits, one save: {events:?}");
    assert!(matches!(&events[0], AutosaveEvent::Saved { saved_at, .. } if *saved_at > 0));
    assert_eq!(folder.load().unwrap().0.answers.text("name"), "林某某");

    draft.answers.set_text("name", "林某某某");
    autosaver.edited(&folder, &draft);
    let last = autosaver.finish();
    assert_eq!(last.len(), 1, "exit saves what is pending");
    assert_eq!(folder.load().unwrap().0.answers.text("name"), "林某某某");
}

#[test]
fn autosave_reports_a_failure_and_keeps_going() {
    let root = tempfile::tempdir().unwrap();
    // A file where the draft folder should be: every save fails.
    let blocked = root.path().join("blocked");
    fs::write(&blocked, "not a folder").unwrap();
    let folder = DraftFolder::at(&blocked.join("draft"));
    let autosaver = Autosaver::start(Duration::from_millis(10));
    autosaver.save_now(&folder, &draft_with("林某某"));
    let good = folder_in(root.path());
    autosaver.save_now(&good, &draft_with("林某某"));
    let events = autosaver.finish();
    assert!(
        matches!(&events[0], AutosaveEvent::Failed { message, .. } if message.contains("没有丢失")),
        "{events:?}"
    );
    assert!(
        matches!(&events[1], AutosaveEvent::Saved { .. }),
        "{events:?}"
    );
}
