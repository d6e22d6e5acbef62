//! A package tells how far it is, candidate by candidate, and a cancelled one leaves nothing:
//! no folder, no zip, no staging folder.

mod common;

use std::fs;
use std::sync::Arc;
use std::time::Duration;

use tianbiao::draft::Library;
use tianbiao::draft::sample::create_sample;
use tianbiao::package::PackageError;
use tianbiao::package::pack::{PackOptions, pack};
use tianbiao::package::progress::Progress;
use tianbiao::package::roster::Candidate;

fn candidates(library: &Library, names: &[&str]) -> Vec<Candidate> {
    let (definition, campaign) = common::pair("xinxiang-2023");
    names
        .iter()
        .map(|name| {
            let folder = create_sample(library).unwrap();
            let (mut draft, _) = folder.load().unwrap();
            draft.answers.set_text("name", *name);
            folder.save(&mut draft).unwrap();
            Candidate::new(folder, draft, definition, campaign)
        })
        .collect()
}

#[test]
fn a_cancelled_package_leaves_nothing_and_a_finished_one_told_each_step() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(&root.path().join("data"));
    let people = candidates(&library, &["张三", "李四", "王五"]);
    let chosen: Vec<&Candidate> = people.iter().collect();
    let (definition, campaign) = common::pair("xinxiang-2023");
    let out = root.path().join("out");
    fs::create_dir_all(&out).unwrap();

    // Cancelled while the second candidate is being made.
    let progress = Arc::new(Progress::default());
    let watcher = {
        let progress = progress.clone();
        std::thread::spawn(move || {
            let mut seen = Vec::new();
            loop {
                if let Some(step) = progress.current() {
                    if seen.last() != Some(&step.line()) {
                        seen.push(step.line());
                    }
                    if step.done >= 2 {
                        progress.cancel();
                        return seen;
                    }
                }
                std::thread::sleep(Duration::from_millis(1));
            }
        })
    };
    let options = PackOptions {
        progress: Some(progress),
        ..PackOptions::default()
    };
    let result = pack(&chosen, definition, campaign, &out, &options);
    let seen = watcher.join().unwrap();
    assert!(matches!(result, Err(PackageError::Cancelled)), "{result:?}");
    assert!(seen.contains(&"正在生成 2/3：李四…".to_owned()), "{seen:?}");
    let left: Vec<_> = fs::read_dir(&out).unwrap().flatten().collect();
    assert!(left.is_empty(), "nothing half-written: {left:?}");

    // Not cancelled: every candidate, then the 合订本, told in turn; the package is whole.
    let progress = Arc::new(Progress::default());
    let options = PackOptions {
        progress: Some(progress.clone()),
        ..PackOptions::default()
    };
    let packed = pack(&chosen, definition, campaign, &out, &options).unwrap();
    assert!(packed.folder.is_dir());
    assert_eq!(progress.current().unwrap().line(), "正在生成材料清单…");
}
