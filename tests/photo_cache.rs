//! The print cache in the draft folder: an entry is never used once its source or crop has
//! changed, a damaged one is remade, and the cache goes into no exchange zip, package or copy.
//! And a photo reference that leads outside the draft folder is refused everywhere.

mod common;

use std::fs;
use std::path::Path;

use tianbiao::draft::sample::create_sample;
use tianbiao::draft::{DraftFolder, Library};
use tianbiao::form::answers::Crop;
use tianbiao::form::printed::ImageTarget;
use tianbiao::form::validate::Severity;
use tianbiao::package::exchange::write_exchange;
use tianbiao::package::pack::{PackOptions, pack};
use tianbiao::package::roster::Candidate;
use tianbiao::pdf::compose::ComposeOptions;
use tianbiao::pdf::export::export_pdf;
use tianbiao::photo::cache::{CACHE_DIR, size_on_disk};
use tianbiao::photo::prepare::prepare_all;
use tianbiao::photo::print::prepare;

fn target(file: &str, crop: Option<Crop>) -> ImageTarget {
    ImageTarget {
        file: file.into(),
        orientation: 1,
        crop,
        width_px: 600,
        height_px: 450,
    }
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir.join(CACHE_DIR))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_stale_entry_is_never_used() {
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("evidence-1.jpg");
    common::camera_jpeg(&photo, 1, 90);
    let fresh = |crop| {
        let bytes = fs::read(&photo).unwrap();
        prepare(&bytes, 1, crop, (600, 450)).unwrap()
    };
    let first = prepare_all(dir.path(), &[target("evidence-1.jpg", None)]).unwrap();
    assert_eq!(*first["evidence-1.jpg"], fresh(None));
    assert_eq!(entries(dir.path()).len(), 1, "prepared once, kept");
    // Again: the same bytes, read from the cache.
    let again = prepare_all(dir.path(), &[target("evidence-1.jpg", None)]).unwrap();
    assert_eq!(again, first);
    // The source replaced under the same name: prepared anew, the old entry dropped.
    common::camera_jpeg(&photo, 2, 90);
    let replaced = prepare_all(dir.path(), &[target("evidence-1.jpg", None)]).unwrap();
    assert_eq!(*replaced["evidence-1.jpg"], fresh(None));
    assert_ne!(replaced, first);
    assert_eq!(entries(dir.path()).len(), 1);
    // The crop changed: prepared anew.
    let crop = Some(Crop {
        x: 100,
        y: 100,
        width: 800,
        height: 600,
    });
    let cropped = prepare_all(dir.path(), &[target("evidence-1.jpg", crop)]).unwrap();
    assert_eq!(*cropped["evidence-1.jpg"], fresh(crop));
    assert_ne!(cropped, replaced);
    // A damaged entry (cut short, or not a JPEG at all) is remade, not embedded.
    for damage in [&b"not a jpeg"[..], &[0xFF, 0xD8, 0xFF][..]] {
        let entry = dir.path().join(CACHE_DIR).join(&entries(dir.path())[0]);
        fs::write(&entry, damage).unwrap();
        let remade = prepare_all(dir.path(), &[target("evidence-1.jpg", crop)]).unwrap();
        assert_eq!(remade, cropped);
        assert_eq!(fs::read(&entry).unwrap(), cropped["evidence-1.jpg"].jpeg);
    }
    // Deleting the cache loses nothing.
    fs::remove_dir_all(dir.path().join(CACHE_DIR)).unwrap();
    let remade = prepare_all(dir.path(), &[target("evidence-1.jpg", crop)]).unwrap();
    assert_eq!(remade, cropped);
}

fn export(folder: &DraftFolder) -> Result<Vec<u8>, String> {
    let (draft, _) = folder.load().unwrap();
    let (definition, campaign) = common::catalog().pair(&draft.campaign).unwrap();
    export_pdf(
        folder,
        &draft,
        definition,
        campaign,
        ComposeOptions::default(),
    )
    .map_err(|error| error.to_string())
}

#[test]
fn the_cache_goes_into_no_zip_package_or_copy() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(&root.path().join("data"));
    let folder = create_sample(&library).unwrap();
    // The sample's evidence photos are larger than printed: prepared and kept.
    let (mut draft, _) = folder.load().unwrap();
    let big = root.path().join("big.jpg");
    common::camera_jpeg(&big, 7, 95);
    let mut evidence = draft.answers.images("evidence").to_vec();
    let mut added = folder.add_photo(&big, "evidence").unwrap();
    added.caption = Some("证书".into());
    evidence.push(added);
    draft.answers.set_images("evidence", evidence);
    folder.save(&mut draft).unwrap();
    export(&folder).unwrap();
    assert!(
        !entries(&folder.dir).is_empty(),
        "the camera photo is cached"
    );
    assert!(size_on_disk(&folder.dir) > 0);
    let zip = write_exchange(&folder, &draft).unwrap();
    let archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    assert!(archive.file_names().all(|name| !name.contains(CACHE_DIR)));
    let copy = library.duplicate(&folder).unwrap();
    assert!(!copy.dir.join(CACHE_DIR).exists());
    let (definition, campaign) = common::pair("xinxiang-2023");
    let candidate = Candidate::new(folder.clone(), draft, definition, campaign);
    let out = root.path().join("out");
    fs::create_dir_all(&out).unwrap();
    let packed = pack(
        &[&candidate],
        definition,
        campaign,
        &out,
        &PackOptions::default(),
    )
    .unwrap();
    assert!(
        packed
            .contents
            .files
            .iter()
            .all(|f| !f.path.contains(CACHE_DIR))
    );
    let mut stack = vec![packed.folder.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            assert!(!entry.file_name().to_string_lossy().contains(CACHE_DIR));
            if entry.path().is_dir() {
                stack.push(entry.path());
            }
        }
    }
}

/// The sample draft with its ID photo pointing at `file`.
fn pointing_at(library: &Library, file: &str) -> DraftFolder {
    let folder = create_sample(library).unwrap();
    let (mut draft, _) = folder.load().unwrap();
    let mut photo = draft.answers.photo("photo").cloned().unwrap();
    photo.file = file.into();
    draft.answers.set_photo("photo", photo);
    folder.save(&mut draft).unwrap();
    folder
}

#[test]
fn a_reference_outside_the_draft_folder_is_refused_everywhere() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(&root.path().join("data"));
    let secret = root.path().join("secret.jpg");
    common::camera_jpeg(&secret, 9, 80);
    let absolute = secret.to_str().unwrap().to_owned();
    let mut references = vec![absolute, "../../../secret.jpg".to_owned()];
    if cfg!(unix) {
        references.push("link.jpg".to_owned());
    }
    for reference in references {
        let folder = pointing_at(&library, &reference);
        #[cfg(unix)]
        if reference == "link.jpg" {
            std::os::unix::fs::symlink(&secret, folder.dir.join("link.jpg")).unwrap();
        }
        let (draft, _) = folder.load().unwrap();
        let (definition, campaign) = common::pair("xinxiang-2023");
        let findings = folder.photo_findings(definition, campaign, &draft);
        let refused: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error && f.code == "photo_outside")
            .collect();
        assert_eq!(refused.len(), 1, "{reference}: {findings:?}");
        assert!(refused[0].message.contains("为安全起见不会读取"));
        let exported = export(&folder).unwrap_err();
        assert!(
            exported.contains("为安全起见不会读取"),
            "{reference}: {exported}"
        );
        assert!(write_exchange(&folder, &draft).is_err(), "{reference}");
        let candidate = Candidate::new(folder.clone(), draft, definition, campaign);
        assert!(candidate.errors > 0);
        let out = root.path().join("out");
        fs::create_dir_all(&out).unwrap();
        let packed = pack(
            &[&candidate],
            definition,
            campaign,
            &out,
            &PackOptions::default(),
        );
        assert!(packed.is_err(), "{reference}: the form cannot print");
        let copy = library.duplicate(&folder).unwrap();
        assert!(!copy.dir.join("link.jpg").exists() || reference != "link.jpg");
        let copied = fs::read_dir(&copy.dir).unwrap().flatten().count();
        assert!(copied > 0);
    }
}
