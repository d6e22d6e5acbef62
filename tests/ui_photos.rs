//! The photo step in the window (egui_kittest, headless): a photo file cut short, or in a
//! format that is not printed, is refused when chosen, with the message `check` and `export`
//! give, and nothing is attached.

mod common;

use common::ui::app_at;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tianbiao::ui::app::TianbiaoApp;
use tianbiao::ui::dialogs::FixedDialogs;

fn choose_photo(harness: &mut Harness<'_, TianbiaoApp>) {
    harness.get_by_label("新建").click();
    harness.run();
    harness
        .get_all_by_label("照片")
        .next()
        .expect("the section is listed")
        .click();
    harness.run();
    harness.get_by_label("选择照片…").click();
    harness.step();
    // Read and copied in the background; then a spinner keeps repainting while the thumbnail is
    // decoded: a few frames, not `run`.
    common::ui::wait_for(harness, |app| {
        app.editor().is_some_and(|e| e.photo_job.is_none())
    });
    harness.run_steps(5);
}

#[test]
fn a_cut_or_unprintable_photo_is_refused_at_the_photo_step() {
    let source = tempfile::tempdir().unwrap();
    let whole = source.path().join("whole.jpg");
    common::camera_jpeg(&whole, 5, 90);
    let bytes = std::fs::read(&whole).unwrap();
    let cut = source.path().join("证件照.jpg");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let heic = source.path().join("IMG_0001.jpg");
    std::fs::write(&heic, b"\0\0\0\x18ftypheic\0\0\0\0mif1heic").unwrap();
    for (file, said) in [(cut, "照片文件不完整"), (heic, "兼容性最佳")] {
        let data = tempfile::tempdir().unwrap();
        let mut harness = app_at(
            data.path(),
            FixedDialogs {
                images: vec![file],
                ..FixedDialogs::default()
            },
        );
        choose_photo(&mut harness);
        harness.get_by_label_contains(said);
        let editor = harness.state().editor().expect("a draft is open");
        assert!(
            editor.draft.answers.photo("photo").is_none(),
            "nothing attached"
        );
    }
}

/// A new draft with a 6-megapixel camera photo chosen at its photo step (the folders live as
/// long as the harness is used).
fn with_camera_photo() -> ([tempfile::TempDir; 2], Harness<'static, TianbiaoApp>) {
    let source = tempfile::tempdir().unwrap();
    let whole = source.path().join("证件照.jpg");
    common::camera_jpeg(&whole, 6, 90);
    let data = tempfile::tempdir().unwrap();
    let mut harness = app_at(
        data.path(),
        FixedDialogs {
            images: vec![whole],
            ..FixedDialogs::default()
        },
    );
    choose_photo(&mut harness);
    ([source, data], harness)
}

#[test]
fn a_chosen_photo_is_prepared_for_print_and_its_thumbnail_kept_in_the_background() {
    let (_folders, mut harness) = with_camera_photo();
    let editor = harness.state().editor().expect("a draft is open");
    assert!(editor.draft.answers.photo("photo").is_some());
    let cache = editor.folder.dir.join(tianbiao::photo::cache::CACHE_DIR);
    // The thumbnail, too, is kept there.
    let names = || -> Vec<String> {
        std::fs::read_dir(&cache)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    let ready = (0..200).any(|_| {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(50));
        let names = names();
        names.iter().any(|n| n.ends_with(".thumb.jpg"))
            && names.iter().any(|n| !n.ends_with(".thumb.jpg"))
    });
    assert!(ready, "print version and thumbnail kept: {:?}", names());
}

/// The crop of the open draft's photo.
fn crop_of(harness: &Harness<'_, TianbiaoApp>) -> Option<tianbiao::form::answers::Crop> {
    let editor = harness.state().editor()?;
    editor.draft.answers.photo("photo")?.crop
}

#[test]
fn a_moved_crop_is_prepared_again_once_saved() {
    let (_folders, mut harness) = with_camera_photo();
    let editor = harness.state().editor().expect("a draft is open");
    let cache = editor.folder.dir.join(tianbiao::photo::cache::CACHE_DIR);
    // The print versions in the cache (an entry of a crop no longer used is pruned).
    let prints = || -> Vec<String> {
        std::fs::read_dir(&cache)
            .map(|entries| {
                (entries.flatten())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|name| !name.ends_with(".thumb.jpg"))
                    .collect()
            })
            .unwrap_or_default()
    };
    let wait_for_print = |harness: &mut Harness<'_, TianbiaoApp>, new: &dyn Fn(&str) -> bool| {
        (0..200).any(|_| {
            harness.step();
            std::thread::sleep(std::time::Duration::from_millis(50));
            prints().iter().any(|name| new(name))
        })
    };
    assert!(
        wait_for_print(&mut harness, &|_| true),
        "the first crop is prepared"
    );
    let first = prints();
    let before = crop_of(&harness);

    // A smaller crop: once the draft is saved, its print version is prepared as well. The crop
    // frame shows once the thumbnail is decoded.
    let shown = (0..200).any(|_| {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.query_all_by_label("裁切框大小（%）").count() > 0
    });
    assert!(shown, "the crop frame is shown");
    // The label, then the slider it names.
    let slider = harness.get_all_by_label("裁切框大小（%）").last().unwrap();
    slider.set_value_accesskit(60.0);
    harness.run_steps(3);
    let after = crop_of(&harness);
    assert_ne!(before, after, "the crop moved");
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::S);
    let ok = wait_for_print(&mut harness, &|name| !first.iter().any(|f| f == name));
    assert!(ok, "the new crop is prepared too");
}
