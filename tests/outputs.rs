//! Every file the program makes holds personal data (phones, addresses, birth dates): each
//! kind of output is written through the one writer — readable only by its owner, and no
//! temporary file left beside it.

use std::fs;
use std::path::Path;
use std::process::Command;

use tianbiao::draft::Library;
use tianbiao::draft::sample::create_sample;

fn run(args: &[&str], data: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_tianbiao"))
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.code().is_some_and(|code| code <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[cfg(unix)]
fn assert_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let wanted = if path.is_dir() { 0o700 } else { 0o600 };
    assert_eq!(mode, wanted, "{} is {mode:o}", path.display());
}

#[cfg(not(unix))]
fn assert_private(_path: &Path) {}

fn assert_no_temporary(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(
            !name.starts_with('.') && !name.contains("partial"),
            "left beside the outputs: {name}"
        );
    }
}

#[test]
fn every_kind_of_output_is_private_and_whole() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let out = root.path().join("out");
    fs::create_dir_all(&out).unwrap();
    let draft = create_sample(&Library::at(&data)).unwrap();
    let draft = draft.dir.to_str().unwrap();
    let pdf = out.join("推荐表.pdf");
    // A file already there is replaced, not appended to or left half-written.
    fs::write(&pdf, b"an older export").unwrap();
    let outputs = [
        (vec!["export", draft, "-o"], pdf.clone()),
        (vec!["summary", draft, "-o"], out.join("汇总表.pdf")),
        (vec!["batch", draft, "-o"], out.join("合订本.pdf")),
        (vec!["docx", draft, "-o"], out.join("推荐表.docx")),
        (vec!["share", draft, "-o"], out.join("郜穗宁-推荐材料.zip")),
    ];
    for (args, file) in &outputs {
        let mut args = args.clone();
        args.push(file.to_str().unwrap());
        run(&args, &data);
        assert!(
            fs::metadata(file).unwrap().len() > 1000,
            "{}",
            file.display()
        );
        assert_private(file);
    }
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let packages = root.path().join("packages");
    fs::create_dir_all(&packages).unwrap();
    run(&["pack", draft, "-o", packages.to_str().unwrap()], &data);
    let mut made = 0;
    for entry in fs::read_dir(&packages).unwrap().flatten() {
        made += 1;
        assert_private(&entry.path());
        if entry.path().is_dir() {
            for file in fs::read_dir(entry.path()).unwrap().flatten() {
                assert_private(&file.path());
            }
        }
    }
    assert_eq!(made, 2, "the package folder and its zip");
    assert_no_temporary(&out);
    assert_no_temporary(&packages);
}
