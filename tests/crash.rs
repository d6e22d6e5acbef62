//! Killed at any moment, nothing half-made is ever shown. Each job that writes files is started
//! as the real program and killed after a random delay, a few dozen times with a fixed seed;
//! after each kill, every output at its final name must be whole, and after the next start no
//! staging folder or temporary file may be left and every draft must load.

mod common;
#[path = "crash/harness.rs"]
mod harness;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use harness::{kill_repeatedly, leftovers};
use tianbiao::draft::sample::create_sample;
use tianbiao::draft::{DraftFolder, Library};

const BIN: &str = env!("CARGO_BIN_EXE_tianbiao");

/// A data folder (Chinese name, a space) with the sample candidate (and, for the import, four
/// camera photos added to the evidence), and an output folder beside it.
struct Place {
    _root: tempfile::TempDir,
    data: PathBuf,
    out: PathBuf,
    draft: DraftFolder,
}

fn place(camera_photos: u32) -> Place {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("填表 数据");
    let out = root.path().join("输出 文件");
    fs::create_dir_all(&out).unwrap();
    let draft = create_sample(&Library::at(&data)).unwrap();
    let (mut loaded, _) = draft.load().unwrap();
    let mut images = loaded.answers.images("evidence").to_vec();
    for n in 0..camera_photos {
        let camera = root.path().join(format!("IMG_{n}.jpg"));
        common::camera_jpeg(&camera, n + 7, 95);
        let mut image = draft.add_photo(&camera, "evidence").unwrap();
        image.caption = Some(format!("现场照片{n}"));
        images.push(image);
    }
    loaded.answers.set_images("evidence", images);
    draft.save(&mut loaded).unwrap();
    Place {
        _root: root,
        data,
        out,
        draft,
    }
}

fn tianbiao(args: &[&str], data: &Path) -> Command {
    let mut command = Command::new(BIN);
    command.args(args).arg("--data-dir").arg(data);
    command
}

fn path(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The next start: any command that opens the data folder sweeps it first.
fn next_start(place: &Place) {
    let status = tianbiao(&["check", path(&place.draft.dir)], &place.data)
        .output()
        .unwrap();
    assert!(status.status.code().is_some_and(|code| code <= 1));
}

fn assert_clean_after_start(place: &Place) {
    next_start(place);
    for dir in [&place.data, &place.out] {
        let left = leftovers(dir);
        assert!(left.is_empty(), "left after the next start: {left:?}");
    }
    assert_drafts_load(&place.data);
}

/// Every folder listed as a draft loads, with every photo it names.
fn assert_drafts_load(data: &Path) {
    for entry in fs::read_dir(data.join("drafts")).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(".tianbiao-") {
            continue; // a staging folder: never listed, swept at the next start
        }
        let folder = DraftFolder::at(&entry.path());
        let (draft, _) = folder
            .load()
            .unwrap_or_else(|error| panic!("{name} does not load: {error}"));
        for (_, photo) in draft.answers.photo_files() {
            assert!(
                folder.dir.join(&photo.file).is_file(),
                "{name}: {}",
                photo.file
            );
        }
    }
}

/// A PDF at its final name opens in poppler.
fn assert_pdf_whole(file: &Path) {
    let info = Command::new("pdfinfo")
        .arg(file)
        .output()
        .expect("pdfinfo (poppler-utils)");
    assert!(
        info.status.success(),
        "{} is not a whole PDF",
        file.display()
    );
}

/// A zip (or .docx) at its final name reads to the end with every CRC right.
fn assert_zip_whole(file: &Path) {
    let bytes = fs::read(file).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .unwrap_or_else(|error| panic!("{}: {error}", file.display()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let mut sink = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut sink)
            .unwrap_or_else(|error| panic!("{}: {error}", file.display()));
    }
}

/// Every output at its final name in the output folder is whole.
fn assert_outputs_whole(out: &Path) {
    for file in harness::walk(out) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with(".tianbiao-") || file.is_dir() {
            continue;
        }
        match file.extension().and_then(|e| e.to_str()) {
            Some("pdf") => assert_pdf_whole(&file),
            Some("zip" | "docx") => assert_zip_whole(&file),
            _ => {}
        }
    }
}

#[test]
fn an_import_killed_at_any_moment_leaves_whole_drafts_or_none() {
    let place = place(4);
    let zip = place.out.join("郜穗宁-推荐材料.zip");
    let shared = tianbiao(
        &["share", path(&place.draft.dir), "-o", path(&zip)],
        &place.data,
    )
    .status()
    .unwrap();
    assert!(shared.success());
    assert!(
        fs::metadata(&zip).unwrap().len() > 6_000_000,
        "four camera photos"
    );
    let receiving = tempfile::tempdir().unwrap();
    let data = receiving.path().join("秘书 数据");
    kill_repeatedly(
        "import",
        40,
        2026,
        || tianbiao(&["import", path(&zip), "--keep-both"], &data),
        |_| assert_drafts_load(&data),
    );
    let receiver = Place {
        _root: receiving,
        data: data.clone(),
        out: data.clone(),
        draft: DraftFolder::at(&Library::at(&data).list(&common_catalog())[0].folder.dir),
    };
    assert_clean_after_start(&receiver);
}

fn common_catalog() -> tianbiao::form::catalog::Catalog {
    tianbiao::form::catalog::Catalog::builtin().unwrap()
}

/// Kills `job` (its arguments after the program name, with `--data-dir` added) and checks the
/// outputs after each kill and the folders after the next start.
fn crash_test(job: &'static str, kills: usize, seed: u64, args: impl Fn(&Place) -> Vec<String>) {
    let place = place(0);
    let args = args(&place);
    kill_repeatedly(
        job,
        kills,
        seed,
        || {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            tianbiao(&args, &place.data)
        },
        |_| {
            assert_outputs_whole(&place.out);
            assert_drafts_load(&place.data);
        },
    );
    assert_clean_after_start(&place);
}

fn args(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|part| (*part).to_owned()).collect()
}

#[test]
fn an_export_killed_at_any_moment_leaves_a_whole_pdf_or_none() {
    crash_test("export", 25, 11, |place| {
        let out = place.out.join("郜穗宁-推荐表.pdf");
        args(&["export", path(&place.draft.dir), "-o", path(&out)])
    });
}

#[test]
fn a_word_copy_killed_at_any_moment_is_whole_or_absent() {
    crash_test("docx", 25, 12, |place| {
        let out = place.out.join("郜穗宁-推荐表.docx");
        args(&["docx", path(&place.draft.dir), "-o", path(&out)])
    });
}

#[test]
fn a_share_killed_at_any_moment_leaves_a_whole_zip_or_none() {
    crash_test("share", 25, 13, |place| {
        args(&["share", path(&place.draft.dir), "-o", path(&place.out)])
    });
}

#[test]
fn summary_and_batch_killed_at_any_moment_are_whole_or_absent() {
    crash_test("summary", 20, 14, |place| {
        let out = place.out.join("汇总表.pdf");
        args(&["summary", path(&place.draft.dir), "-o", path(&out)])
    });
    crash_test("batch", 20, 15, |place| {
        let out = place.out.join("合订本.pdf");
        args(&[
            "batch",
            path(&place.draft.dir),
            path(&place.draft.dir),
            "-o",
            path(&out),
        ])
    });
}

#[test]
fn a_package_killed_at_any_moment_appears_whole_or_not_at_all() {
    crash_test("pack", 20, 16, |place| {
        args(&["pack", path(&place.draft.dir), "-o", path(&place.out)])
    });
}

/// The process the autosave crash test kills: saves the draft named by the environment again
/// and again through the autosaver, as the window does while someone types.
#[test]
#[ignore = "started by autosave_killed_at_any_moment_leaves_a_draft_that_loads"]
fn autosaving_child() {
    let Some(dir) = std::env::var_os("TIANBIAO_CRASH_DRAFT") else {
        return;
    };
    let folder = DraftFolder::at(Path::new(&dir));
    let (mut draft, _) = folder.load().unwrap();
    let autosaver = tianbiao::draft::autosave::Autosaver::start(std::time::Duration::ZERO);
    // About a second of typing; the test kills it somewhere in there.
    for round in 0..300 {
        let text = format!("{}{round}", draft.answers.text("stories"));
        draft.answers.set_text("stories", text);
        autosaver.save_now(&folder, &draft);
        std::thread::sleep(std::time::Duration::from_millis(3));
    }
    autosaver.finish();
}

#[test]
fn autosave_killed_at_any_moment_leaves_a_draft_that_loads() {
    let place = place(0);
    kill_repeatedly(
        "autosave",
        30,
        17,
        || {
            let mut child = Command::new(std::env::current_exe().unwrap());
            child
                .args(["autosaving_child", "--exact", "--ignored", "--nocapture"])
                .env("TIANBIAO_CRASH_DRAFT", &place.draft.dir);
            child
        },
        |_| {
            let (draft, _) = place.draft.load().expect("draft.json loads after a kill");
            assert!(draft.answers.text("stories").len() > 100);
        },
    );
    next_start(&place);
    assert!(!place.draft.dir.join("draft.json.tmp").exists());
    for kept in harness::walk(&place.draft.dir.join("kept")) {
        DraftFolder::at(&place.draft.dir)
            .load()
            .expect("the draft still loads");
        let bytes = fs::read(&kept).unwrap();
        tianbiao::draft::folder::parse_draft(&kept, &bytes).expect("a kept version is whole");
    }
    assert_clean_after_start(&place);
}
