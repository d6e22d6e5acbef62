//! Each kind of bad (or merely unusual) image people have, through the photo step
//! (`add_photo`), the engine (`verify`, `prepare`), `check` (`photo_findings`), `export` and
//! `pack`: `check` fails exactly where `export` does, a cut JPEG is said to be cut, never
//! printed grey, and transparency prints on white.

mod common;

use std::fs;
use std::io::Cursor;

use image::{DynamicImage, ImageFormat};
use tianbiao::draft::sample::create_sample;
use tianbiao::draft::{DraftFolder, Library};
use tianbiao::form::validate::Severity;
use tianbiao::package::pack::{PackOptions, pack};
use tianbiao::package::roster::Candidate;
use tianbiao::pdf::compose::ComposeOptions;
use tianbiao::pdf::export::export_pdf;
use tianbiao::photo::PhotoError;
use tianbiao::photo::print::prepare;
use tianbiao::photo::verify::verify;

fn encode(width: u16, height: u16, color: jpeg_encoder::ColorType, progressive: bool) -> Vec<u8> {
    let channels = match color {
        jpeg_encoder::ColorType::Luma => 1,
        jpeg_encoder::ColorType::Cmyk => 4,
        _ => 3,
    };
    let pixels: Vec<u8> = (0..width as usize * height as usize * channels)
        .map(|i| (i * 7 % 251) as u8)
        .collect();
    let mut bytes = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut bytes, 90);
    encoder.set_progressive(progressive);
    encoder.encode(&pixels, width, height, color).unwrap();
    bytes
}

fn rgb_jpeg(width: u16, height: u16) -> Vec<u8> {
    encode(width, height, jpeg_encoder::ColorType::Rgb, false)
}

/// A JPEG whose EXIF says "turn 90° clockwise to view" (orientation 6).
fn rotated_jpeg() -> Vec<u8> {
    let mut exif = b"Exif\0\0II*\0\x08\0\0\0\x01\0".to_vec();
    exif.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
    let pixels = vec![128u8; 600 * 400 * 3];
    let mut bytes = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut bytes, 90);
    encoder.add_app_segment(1, exif).unwrap();
    encoder
        .encode(&pixels, 600, 400, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    bytes
}

fn png(image: DynamicImage) -> Vec<u8> {
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .unwrap();
    bytes
}

/// A small JPEG whose frame header claims `width`×`height`.
fn claiming(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = rgb_jpeg(64, 64);
    let sof = bytes.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    bytes[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    bytes[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    bytes
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A 100-byte PNG of 10000×10000 16-bit RGBA: 800 MB once decoded.
fn png_bomb() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        bytes.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend(data);
        bytes.extend(&body);
        bytes.extend(crc32(&body).to_be_bytes());
    };
    let mut header = Vec::new();
    header.extend(10_000u32.to_be_bytes());
    header.extend(10_000u32.to_be_bytes());
    header.extend([16, 6, 0, 0, 0]);
    chunk(b"IHDR", &header);
    chunk(b"IDAT", &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
    chunk(b"IEND", &[]);
    bytes
}

/// Every kind, with what the engine says of it (None: usable).
fn kinds() -> Vec<(&'static str, Vec<u8>, Option<PhotoError>)> {
    let camera = rgb_jpeg(1600, 1200);
    let transparent = image::RgbaImage::from_pixel(500, 640, image::Rgba([0, 0, 0, 0]));
    let deep = image::ImageBuffer::from_pixel(500, 640, image::Rgb([60000u16, 30000, 100]));
    vec![
        (
            "truncated",
            camera[..camera.len() * 3 / 5].to_vec(),
            Some(PhotoError::Truncated),
        ),
        ("zero bytes", Vec::new(), Some(PhotoError::ZeroBytes)),
        (
            "text named .jpg",
            "这不是照片，是一段文字。".as_bytes().to_vec(),
            Some(PhotoError::NotAnImage),
        ),
        (
            "cmyk",
            encode(500, 640, jpeg_encoder::ColorType::Cmyk, false),
            None,
        ),
        (
            "grayscale",
            encode(500, 640, jpeg_encoder::ColorType::Luma, false),
            None,
        ),
        ("16-bit png", png(DynamicImage::ImageRgb16(deep)), None),
        (
            "transparent png",
            png(DynamicImage::ImageRgba8(transparent)),
            None,
        ),
        (
            "progressive",
            encode(1600, 1200, jpeg_encoder::ColorType::Rgb, true),
            None,
        ),
        ("exif-rotated", rotated_jpeg(), None),
        (
            "claims 30000×30000",
            claiming(30000, 30000),
            Some(PhotoError::TooLarge {
                width: 30000,
                height: 30000,
            }),
        ),
        (
            "decodes to gigabytes",
            png_bomb(),
            Some(PhotoError::TooManyBytes {
                width: 10000,
                height: 10000,
                megabytes: 762,
            }),
        ),
    ]
}

#[test]
fn the_engine_says_what_each_kind_is() {
    for (kind, bytes, expected) in kinds() {
        let verified = verify(&bytes);
        let prepared = prepare(&bytes, 1, None, (413, 531));
        match &expected {
            None => {
                assert!(verified.is_ok(), "{kind}: {verified:?}");
                let image = prepared.unwrap_or_else(|e| panic!("{kind}: {e}"));
                let decoded = image::load_from_memory(&image.jpeg).unwrap();
                assert_eq!(
                    (decoded.width(), decoded.height()),
                    (image.width_px, image.height_px)
                );
                assert!(
                    image.width_px <= 710 && image.height_px <= 665,
                    "{kind}: resampled or small"
                );
            }
            Some(error) => {
                assert_eq!(verified.as_ref().err(), Some(error), "{kind}");
                assert_eq!(prepared.err().as_ref(), Some(error), "{kind}");
                // Said in Chinese, with what to do.
                assert!(error.to_string().contains('：'), "{kind}: {error}");
            }
        }
    }
    let truncated = PhotoError::Truncated.to_string();
    assert!(truncated.contains("照片文件不完整") && truncated.contains("请重新复制原图"));
}

#[test]
fn transparency_prints_on_white_and_rotation_is_applied() {
    let transparent = image::RgbaImage::from_pixel(200, 260, image::Rgba([0, 0, 0, 0]));
    let printed = prepare(
        &png(DynamicImage::ImageRgba8(transparent)),
        1,
        None,
        (100, 130),
    )
    .unwrap();
    let pixels = image::load_from_memory(&printed.jpeg).unwrap().to_rgb8();
    assert!(
        pixels.pixels().all(|p| p.0.iter().all(|&c| c > 245)),
        "not white"
    );
    let info = verify(&rotated_jpeg()).unwrap();
    assert_eq!(info.orientation, 6);
    let upright = prepare(&rotated_jpeg(), info.orientation, None, (400, 600)).unwrap();
    assert_eq!((upright.width_px, upright.height_px), (400, 600));
    let cmyk = prepare(
        &encode(64, 64, jpeg_encoder::ColorType::Cmyk, false),
        1,
        None,
        (64, 64),
    );
    assert_eq!(
        cmyk.map(|image| image.components),
        Ok(3),
        "CMYK becomes RGB"
    );
}

/// The sample draft with its ID photo's bytes replaced (the record in draft.json untouched).
fn sample_with_photo(library: &Library, bytes: &[u8]) -> DraftFolder {
    let folder = create_sample(library).unwrap();
    fs::write(folder.dir.join("photo-1.jpg"), bytes).unwrap();
    folder
}

fn check_errors(folder: &DraftFolder) -> Vec<String> {
    let (draft, _) = folder.load().unwrap();
    let (definition, campaign) = common::catalog().pair(&draft.campaign).unwrap();
    folder
        .photo_findings(definition, campaign, &draft)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message)
        .collect()
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
fn check_fails_exactly_where_export_fails_with_the_same_message() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(root.path());
    for (kind, bytes, expected) in kinds() {
        let folder = sample_with_photo(&library, &bytes);
        let errors = check_errors(&folder);
        let exported = export(&folder);
        assert_eq!(
            errors.is_empty(),
            exported.is_ok(),
            "{kind}: {errors:?} / {exported:?}"
        );
        assert_eq!(expected.is_none(), exported.is_ok(), "{kind}");
        if let (Some(error), Err(message)) = (expected, exported) {
            let reason = error.to_string();
            assert!(message.contains(&reason), "{kind}: export said {message}");
            assert!(
                errors.iter().any(|e| e.contains(&reason)),
                "{kind}: {errors:?}"
            );
        }
    }
}

#[test]
fn the_photo_step_refuses_what_would_not_print() {
    let root = tempfile::tempdir().unwrap();
    let folder = create_sample(&Library::at(&root.path().join("data"))).unwrap();
    for (kind, bytes, expected) in kinds() {
        let chosen = root.path().join("chosen.jpg");
        fs::write(&chosen, &bytes).unwrap();
        let added = folder.add_photo(&chosen, "photo");
        match expected {
            None => assert!(added.is_ok(), "{kind}: {added:?}"),
            Some(error) => {
                let message = added.map(|_| ()).unwrap_err().to_string();
                assert!(message.contains(&error.to_string()), "{kind}: {message}");
            }
        }
    }
}

#[test]
fn check_and_export_refuse_a_cut_photo_on_the_command_line() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let camera = rgb_jpeg(1600, 1200);
    let folder = sample_with_photo(&Library::at(&data), &camera[..camera.len() / 2]);
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_tianbiao"))
            .args(args)
            .arg("--data-dir")
            .arg(&data)
            .output()
            .unwrap()
    };
    let draft = folder.dir.to_str().unwrap();
    let checked = run(&["check", draft]);
    assert_eq!(checked.status.code(), Some(1));
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(said.contains("照片文件不完整"), "{said}");
    let pdf = root.path().join("out.pdf");
    let exported = run(&["export", draft, "-o", pdf.to_str().unwrap()]);
    assert_ne!(exported.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&exported.stderr).contains("照片文件不完整"));
    assert!(!pdf.exists(), "nothing half-written");
}

#[test]
fn a_package_refuses_a_cut_id_photo_and_leaves_out_a_cut_life_photo() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(&root.path().join("data"));
    let (definition, campaign) = common::pair("xinxiang-2023");
    let camera = rgb_jpeg(1600, 1200);
    let cut = &camera[..camera.len() / 2];
    let out = root.path().join("out");
    fs::create_dir_all(&out).unwrap();
    // A cut ID photo: the form cannot print, the package is not made.
    let folder = sample_with_photo(&library, cut);
    let (draft, _) = folder.load().unwrap();
    let candidate = Candidate::new(folder, draft, definition, campaign);
    let error = pack(
        &[&candidate],
        definition,
        campaign,
        &out,
        &PackOptions::default(),
    )
    .map(|_| ())
    .unwrap_err()
    .to_string();
    assert!(error.contains("照片文件不完整"), "{error}");
    assert_eq!(
        fs::read_dir(&out).unwrap().count(),
        0,
        "nothing half-written"
    );
    // A cut life photo (handed in, not printed): left out, and the checklist says why.
    let folder = create_sample(&library).unwrap();
    let (mut draft, _) = folder.load().unwrap();
    let good = root.path().join("good.jpg");
    common::camera_jpeg(&good, 3, 95);
    let mut life = vec![folder.add_photo(&good, "life").unwrap()];
    let mut broken = life[0].clone();
    broken.file = "life-cut.jpg".into();
    fs::write(folder.dir.join(&broken.file), cut).unwrap();
    life.push(broken);
    draft.answers.set_images("life_photos", life);
    folder.save(&mut draft).unwrap();
    let errors = check_errors(&folder);
    assert!(
        errors.is_empty(),
        "not printed, so not an error: {errors:?}"
    );
    let (draft, _) = folder.load().unwrap();
    let candidate = Candidate::new(folder, draft, definition, campaign);
    let packed = pack(
        &[&candidate],
        definition,
        campaign,
        &out,
        &PackOptions::default(),
    )
    .unwrap();
    let problems = packed.contents.problems.join("\n");
    assert!(
        problems.contains("life-cut.jpg") && problems.contains("照片文件不完整"),
        "{problems}"
    );
    let life_photos = packed
        .contents
        .files
        .iter()
        .filter(|f| f.material == "life_work_photos")
        .count();
    assert_eq!(life_photos, 1, "the cut photo is not handed in");
}
