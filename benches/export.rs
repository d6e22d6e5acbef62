//! Export of the sample draft with an ID photo and four 12 MP evidence photos (generated here,
//! about 2.5 MB each as a camera gives them): wall time of the whole export, peak memory and
//! PDF size. Prints figures; asserts nothing (timings are for reading, not for CI).
//!
//! Run: `cargo bench --bench export` (release build). The figures of one run are in the issue
//! notes; the targets are ≤ 0.2 s, ≤ 1.5 MB and ≤ 150 MB.

use std::fs;
use std::io::Cursor;
use std::path::Path;
use std::time::Instant;

use tianbiao::draft::DraftFolder;
use tianbiao::form::answers::PhotoRef;
use tianbiao::form::catalog::Catalog;
use tianbiao::pdf::compose::ComposeOptions;
use tianbiao::pdf::export::compose_draft;
use tianbiao::pdf::write::{WriteOptions, write_pdf};

/// A 4000×3000 photo with the detail of a real scene (gradients, edges, fine noise), encoded at
/// a camera's quality, so decoding and compressing it costs what a real one does.
fn camera_photo(seed: u32) -> Vec<u8> {
    let (width, height) = (4000, 3000);
    let mut state = seed.wrapping_mul(2_654_435_761).max(1);
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 16) as i32 - 8;
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

fn peak_memory_mb() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let sample = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample"));
    let Ok(work) = tempfile::tempdir() else {
        return eprintln!("no temporary folder");
    };
    let folder = DraftFolder::at(&work.path().join("draft"));
    let Ok((mut draft, _)) = DraftFolder::at(sample).load() else {
        return eprintln!("cannot read the sample");
    };
    if fs::create_dir_all(&folder.dir).is_err()
        || fs::copy(sample.join("photo-1.jpg"), folder.dir.join("photo-1.jpg")).is_err()
    {
        return eprintln!("cannot copy the sample photo");
    }
    let mut evidence = Vec::new();
    let mut total_bytes = 0;
    for n in 1..=4 {
        let bytes = camera_photo(n);
        total_bytes += bytes.len();
        let file = format!("camera-{n}.jpg");
        if fs::write(folder.dir.join(&file), &bytes).is_err() {
            return eprintln!("cannot write the test photo");
        }
        evidence.push(PhotoRef {
            file,
            width: 4000,
            height: 3000,
            bytes: bytes.len() as u64,
            orientation: 1,
            crop: None,
            caption: Some(format!("获奖现场照片{n}")),
            original_name: None,
        });
    }
    // One photo alone, to tell decoding from everything else.
    if let (Ok(bytes), Some(target)) = (fs::read(folder.dir.join("camera-1.jpg")), Some((874, 619)))
    {
        let started = Instant::now();
        match tianbiao::photo::print::prepare(&bytes, 1, None, target) {
            Ok(image) => println!(
                "one 12 MP photo prepared for print ({}×{}, {} KB): {:.0} ms on one core",
                image.width_px,
                image.height_px,
                image.jpeg.len() / 1024,
                started.elapsed().as_secs_f64() * 1000.0
            ),
            Err(error) => eprintln!("cannot prepare the photo: {error}"),
        }
    }
    draft.answers.set_images("evidence", evidence);
    println!(
        "four camera photos of 4000×3000, {:.1} MB each on average",
        total_bytes as f64 / 4.0 / 1e6
    );
    let memory_before = peak_memory_mb();

    let Ok(catalog) = Catalog::builtin() else {
        return;
    };
    let Some((definition, campaign)) = catalog.pair(&draft.campaign) else {
        return;
    };
    // The first export includes preparing the photos and opening the font, as a fresh process
    // does; the others find the photos prepared (the print cache) and give the median.
    const ROUNDS: usize = 11;
    let mut prepared = Vec::new();
    for round in 1..=ROUNDS {
        let started = Instant::now();
        let composed = compose_draft(
            &folder,
            &draft,
            definition,
            campaign,
            ComposeOptions::default(),
        );
        let Ok((document, font)) = composed else {
            return eprintln!("export failed");
        };
        let composed_at = started.elapsed();
        let pdf = match write_pdf(&document, font, &WriteOptions::default()) {
            Ok(pdf) => pdf,
            Err(error) => return eprintln!("export failed: {error}"),
        };
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        let (total, compose, write) = (
            ms(started.elapsed()),
            ms(composed_at),
            ms(started.elapsed() - composed_at),
        );
        if round == 1 {
            println!(
                "export 1 (photos prepared, font opened): {total:.0} ms = photos, font and layout {compose:.0} ms + writing {write:.0} ms; PDF {:.2} MB",
                pdf.len() as f64 / 1e6
            );
        } else {
            prepared.push((total, compose, write));
        }
    }
    let median = |pick: fn(&(f64, f64, f64)) -> f64| {
        let mut values: Vec<f64> = prepared.iter().map(pick).collect();
        values.sort_by(f64::total_cmp);
        values.get(values.len() / 2).copied().unwrap_or(0.0)
    };
    let (fastest, slowest) = prepared
        .iter()
        .fold((f64::MAX, 0.0f64), |(low, high), run| {
            (low.min(run.0), high.max(run.0))
        });
    println!(
        "export with prepared photos, median of {}: {:.0} ms (min {fastest:.0}, max {slowest:.0}) = photos, font and layout {:.0} ms + writing {:.0} ms",
        prepared.len(),
        median(|run| run.0),
        median(|run| run.1),
        median(|run| run.2)
    );
    match (memory_before, peak_memory_mb()) {
        (Some(before), Some(peak)) => println!(
            "peak memory in this process: {peak:.0} MB (before exporting: {before:.0} MB, the test photos included)"
        ),
        _ => println!("peak memory: not measurable on this platform"),
    }
    whole_process(&folder, &mut draft);
}

/// The whole process as a user runs it: `tianbiao export`, timed by GNU time (wall seconds and
/// peak resident memory), when both are there.
fn whole_process(folder: &DraftFolder, draft: &mut tianbiao::draft::Draft) {
    // The binary cargo built beside this benchmark, in the same profile.
    let binary = Path::new(env!("CARGO_BIN_EXE_tianbiao"));
    let time = Path::new("/usr/bin/time");
    if !binary.is_file() || !time.is_file() {
        return println!("whole process: needs the tianbiao binary and GNU time (/usr/bin/time)");
    }
    if let Err(error) = folder.save(draft) {
        return eprintln!("cannot save the test draft: {error}");
    }
    let output = folder.dir.join("out.pdf");
    const RUNS: usize = 11;
    let mut walls = Vec::with_capacity(RUNS);
    let mut report = String::new();
    for _ in 0..RUNS {
        let started = std::time::Instant::now();
        let run = std::process::Command::new(time)
            .args(["-f", "%M KB peak"])
            .arg(binary)
            .arg("export")
            .arg(&folder.dir)
            .arg("-o")
            .arg(&output)
            .output();
        walls.push(started.elapsed());
        match run {
            Ok(run) => {
                let stderr = String::from_utf8_lossy(&run.stderr);
                report = stderr.lines().last().unwrap_or("").to_owned();
            }
            Err(error) => return eprintln!("cannot run {}: {error}", binary.display()),
        }
    }
    walls.sort();
    let ms = |i: usize| walls[i].as_secs_f64() * 1000.0;
    let size = fs::metadata(&output).map_or(0, |m| m.len());
    println!(
        "whole process `tianbiao export`, {RUNS} runs: min {:.0} ms, median {:.0} ms, max {:.0} ms; {report}; PDF {:.2} MB",
        ms(0),
        ms(RUNS / 2),
        ms(RUNS - 1),
        size as f64 / 1e6
    );
}
