//! A secretary's package of 30 candidates, each with the sample's ID photo and four 4000×3000
//! camera photos (≈2.7 MB, printed as 佐证材料): how long the photos and pages take
//! - as the package was made before the print cache (each candidate composed twice, for their
//!   PDF and again for the 合订本; every photo decoded and resampled each time), cache off;
//! - as it is made now with the cache switched off (composed once);
//! - now, first run (nothing prepared yet) and second run (every photo prepared).
//!
//! Prints figures (medians where there are several runs); asserts nothing.
//! Run: `cargo bench --bench photos` (release; a first release build takes 25+ minutes here), or
//! quicker in the test profile, where the photo libraries are optimised but this crate is not:
//! `cargo test --bench photos`. `TIANBIAO_BENCH_CANDIDATES=10` for fewer candidates.

use std::fs;
use std::io::Cursor;
use std::path::Path;
use std::time::{Duration, Instant};

use tianbiao::draft::sample::create_sample;
use tianbiao::draft::{DraftFolder, Library};
use tianbiao::form::answers::PhotoRef;
use tianbiao::form::campaign::Campaign;
use tianbiao::form::catalog::Catalog;
use tianbiao::form::definition::FormDefinition;
use tianbiao::package::batch::export_batch;
use tianbiao::package::pack::{PackOptions, pack};
use tianbiao::package::roster::Candidate;
use tianbiao::pdf::compose::ComposeOptions;
use tianbiao::pdf::export::export_pdf;
use tianbiao::photo::cache::{CACHE_DIR, set_enabled, size_on_disk};

/// A 4000×3000 photo with the detail of a real scene (gradients, edges, noise) at a camera's
/// quality (as in benches/export.rs), ≈2.7 MB.
fn camera_photo(seed: u32) -> Vec<u8> {
    let (width, height) = (4000, 3000);
    let mut state = seed.wrapping_mul(2_654_435_761).max(1);
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 20) as i32 - 10;
        let band = if (x / 180 + y / 140 + seed).is_multiple_of(3) {
            60
        } else {
            0
        };
        let level = |base: u32| (base as i32 + noise + band).clamp(0, 255) as u8;
        image::Rgb([
            level(x * 200 / width + 30),
            level(y * 180 / height + 40),
            level((x + y) * 120 / (width + height) + 60),
        ])
    });
    let mut bytes = Vec::new();
    let mut encoder =
        image::codecs::jpeg::JpegEncoder::new_with_quality(Cursor::new(&mut bytes), 90);
    if let Err(error) = encoder.encode_image(&image) {
        eprintln!("cannot encode the test photo: {error}");
    }
    bytes
}

/// One candidate: the sample draft, renamed, with the four camera photos as 佐证材料.
fn candidate(library: &Library, n: usize, photos: &[Vec<u8>]) -> Option<DraftFolder> {
    let folder = create_sample(library).ok()?;
    let (mut draft, _) = folder.load().ok()?;
    draft.answers.set_text("name", format!("候选人{n}"));
    let mut evidence = Vec::new();
    for (i, bytes) in photos.iter().enumerate() {
        let file = format!("camera-{}.jpg", i + 1);
        fs::write(folder.dir.join(&file), bytes).ok()?;
        evidence.push(PhotoRef {
            file,
            width: 4000,
            height: 3000,
            bytes: bytes.len() as u64,
            orientation: 1,
            crop: None,
            caption: Some(format!("获奖现场照片{}", i + 1)),
            original_name: None,
        });
    }
    draft.answers.set_images("evidence", evidence);
    folder.save(&mut draft).ok()?;
    Some(folder)
}

fn clear_caches(candidates: &[Candidate]) {
    for candidate in candidates {
        let _ = fs::remove_dir_all(candidate.folder.dir.join(CACHE_DIR));
    }
}

/// The package's PDF work as it was before: each candidate's PDF, then the 合订本 composing
/// every candidate again.
fn old_pdf_work(chosen: &[&Candidate], definition: &FormDefinition, campaign: &Campaign) {
    let options = ComposeOptions::default();
    for candidate in chosen {
        let made = export_pdf(
            &candidate.folder,
            &candidate.draft,
            definition,
            campaign,
            options,
        );
        if let Err(error) = made {
            eprintln!("export failed: {error}");
        }
    }
    if let Err(error) = export_batch(chosen, definition, campaign, options) {
        eprintln!("合订本 failed: {error}");
    }
}

fn package(
    chosen: &[&Candidate],
    definition: &FormDefinition,
    campaign: &Campaign,
    out: &Path,
) -> Duration {
    let started = Instant::now();
    match pack(chosen, definition, campaign, out, &PackOptions::default()) {
        Ok(packed) => {
            let elapsed = started.elapsed();
            let _ = fs::remove_dir_all(&packed.folder);
            if let Some(zip) = packed.zip {
                let _ = fs::remove_file(zip);
            }
            elapsed
        }
        Err(error) => {
            eprintln!("pack failed: {error}");
            started.elapsed()
        }
    }
}

fn median(mut runs: Vec<Duration>) -> f64 {
    runs.sort();
    runs.get(runs.len() / 2).map_or(0.0, Duration::as_secs_f64)
}

fn main() {
    let count: usize = std::env::var("TIANBIAO_BENCH_CANDIDATES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(30);
    let Ok(work) = tempfile::tempdir() else {
        return eprintln!("no temporary folder");
    };
    let started = Instant::now();
    let photos: Vec<Vec<u8>> = (1..=4).map(camera_photo).collect();
    let average = photos.iter().map(Vec::len).sum::<usize>() as f64 / 4.0 / 1e6;
    let library = Library::at(&work.path().join("data"));
    let Ok(catalog) = Catalog::builtin() else {
        return eprintln!("no catalog");
    };
    let Some((definition, campaign)) = catalog.pair("xinxiang-2023") else {
        return eprintln!("no campaign");
    };
    let mut candidates = Vec::new();
    for n in 1..=count {
        let Some(folder) = candidate(&library, n, &photos) else {
            return eprintln!("cannot make candidate {n}");
        };
        let Ok((draft, _)) = folder.load() else {
            return eprintln!("cannot read candidate {n}");
        };
        candidates.push(Candidate::new(folder, draft, definition, campaign));
    }
    let chosen: Vec<&Candidate> = candidates.iter().collect();
    println!(
        "{count} candidates, each: the sample's ID photo and 4 camera photos of 4000×3000, {average:.1} MB on average (set up in {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    let out = work.path().join("out");
    if fs::create_dir_all(&out).is_err() {
        return eprintln!("cannot make the output folder");
    }

    set_enabled(false);
    let started = Instant::now();
    old_pdf_work(&chosen, definition, campaign);
    let before = started.elapsed().as_secs_f64();
    println!(
        "before (每份推荐表 + 合订本 composed separately, no cache): {before:.1} s (PDF work only, no files written)"
    );
    let off = package(&chosen, definition, campaign, &out).as_secs_f64();
    println!("package now, cache off: {off:.1} s");

    set_enabled(true);
    clear_caches(&candidates);
    let first = package(&chosen, definition, campaign, &out).as_secs_f64();
    println!("package now, first run (nothing prepared): {first:.1} s");
    let seconds: Vec<Duration> = (0..3)
        .map(|_| package(&chosen, definition, campaign, &out))
        .collect();
    let second = median(seconds);
    println!(
        "package now, second run (prepared; median of 3): {second:.2} s — {:.1}× faster than cache off, {:.1}× faster than before",
        off / second.max(1e-9),
        before / second.max(1e-9)
    );
    let cache: u64 = candidates.iter().map(|c| size_on_disk(&c.folder.dir)).sum();
    println!(
        "print cache on disk: {:.2} MB per candidate ({:.1} MB in all)",
        cache as f64 / count.max(1) as f64 / 1e6,
        cache as f64 / 1e6
    );
}
