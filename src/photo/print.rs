//! Photos made ready for print: decoded at reduced size in the DCT domain where the JPEG allows
//! it, turned upright by their EXIF orientation, cropped as the user chose, downscaled to 300 dpi
//! at their printed size and encoded as baseline JPEG, whose bytes the PDF embeds unchanged.
//! A JPEG that is already upright, uncropped and not much larger than needed is passed through.
//!
//! JPEG decoding and encoding use libjpeg-turbo (SIMD; it decodes at any M/8 of the size): four
//! 12 MP camera photos are most of an export's time, and it is 1.4× faster to decode and 3×
//! faster to encode than the pure-Rust decoders measured (benches/export).

use turbojpeg::{Colorspace, Decompressor, PixelFormat, ScalingFactor, Subsamp};

use image::{DynamicImage, ImageFormat, metadata::Orientation};

use super::EncodedImage;
use super::verify::{decode_other, is_harmless, jpeg_error, verify_jpeg};
use super::{PhotoError, probe};
use crate::form::answers::Crop;

/// JPEG quality for printed photos. 82 keeps faces and certificate text free of visible
/// artefacts at 300 dpi while a 2000×1500 photo stays near 300 KB (measured in benches/export).
pub const PRINT_QUALITY: u8 = 82;

/// A source this much larger than needed (in each direction) is still passed through as it is.
const PASS_THROUGH_SLACK: f32 = 1.25;

/// The upright region of a photo that is printed: the crop, kept inside the image.
fn region(crop: Option<Crop>, upright: (u32, u32)) -> Crop {
    let full = Crop {
        x: 0,
        y: 0,
        width: upright.0,
        height: upright.1,
    };
    let Some(crop) = crop else { return full };
    let x = crop.x.min(upright.0.saturating_sub(1));
    let y = crop.y.min(upright.1.saturating_sub(1));
    let width = crop.width.clamp(1, upright.0 - x);
    let height = crop.height.clamp(1, upright.1 - y);
    Crop {
        x,
        y,
        width,
        height,
    }
}

/// Prepares a photo to print at `target_px` (width, height) pixels at most.
pub fn prepare(
    bytes: &[u8],
    orientation: u8,
    crop: Option<Crop>,
    target_px: (u32, u32),
) -> Result<EncodedImage, PhotoError> {
    let info = probe(bytes)?;
    let swaps = (5..=8).contains(&orientation);
    let upright = if swaps {
        (info.height, info.width)
    } else {
        (info.width, info.height)
    };
    let region = region(crop, upright);
    let whole = region.width == upright.0 && region.height == upright.1;
    let small_enough = region.width as f32 <= target_px.0 as f32 * PASS_THROUGH_SLACK
        && region.height as f32 <= target_px.1 as f32 * PASS_THROUGH_SLACK;
    if info.format == ImageFormat::Jpeg
        && orientation <= 1
        && whole
        && small_enough
        && let Some(components) = plain_jpeg_components(bytes)
    {
        // Embedded as it is, so it must be whole: a cut JPEG would print half grey.
        verify_jpeg(bytes)?;
        return Ok(EncodedImage {
            jpeg: bytes.to_vec(),
            width_px: info.width,
            height_px: info.height,
            components,
        });
    }
    // How much smaller than the region the print needs to be (never enlarge).
    let scale = (target_px.0 as f32 / region.width as f32)
        .max(target_px.1 as f32 / region.height as f32)
        .min(1.0);
    let mut image = on_white(decode_scaled(bytes, info.format, scale)?);
    image.apply_orientation(orientation_of(orientation));
    // The decoder may have reduced the size: map the crop onto the decoded pixels.
    let factor = image.width() as f32 / upright.0 as f32;
    let scaled = |v: u32| (v as f32 * factor).round() as u32;
    let (x, y) = (scaled(region.x), scaled(region.y));
    let width = scaled(region.width).clamp(1, image.width().saturating_sub(x).max(1));
    let height = scaled(region.height).clamp(1, image.height().saturating_sub(y).max(1));
    if !whole {
        image = image.crop_imm(x, y, width, height);
    }
    let fit =
        (target_px.0 as f32 / image.width() as f32).max(target_px.1 as f32 / image.height() as f32);
    if fit < 1.0 {
        let new_width = ((image.width() as f32 * fit).round() as u32).max(1);
        let new_height = ((image.height() as f32 * fit).round() as u32).max(1);
        image = resize(&image, new_width, new_height)?;
    }
    encode(&image)
}

/// The photo upright, on white, at most `max_side` pixels on its longer side, for the screen:
/// JPEGs decoded at the M/8 of their size that is enough (a 12 MP photo needs a quarter of its
/// pixels for a 900-pixel thumbnail, and never takes 36 MB of memory at once).
pub fn upright_scaled(
    bytes: &[u8],
    orientation: u8,
    max_side: u32,
) -> Result<DynamicImage, PhotoError> {
    let info = probe(bytes)?;
    let longer = info.width.max(info.height).max(1);
    let scale = (max_side as f32 / longer as f32).min(1.0);
    let mut image = on_white(decode_scaled(bytes, info.format, scale)?);
    image.apply_orientation(orientation_of(orientation));
    let fit = max_side as f32 / image.width().max(image.height()).max(1) as f32;
    if fit < 1.0 {
        let width = ((image.width() as f32 * fit).round() as u32).max(1);
        let height = ((image.height() as f32 * fit).round() as u32).max(1);
        image = resize(&image, width, height)?;
    }
    Ok(image)
}

/// The same as a JPEG at print quality, for the thumbnail cache.
pub fn encode_thumbnail(image: &DynamicImage) -> Result<Vec<u8>, PhotoError> {
    encode(image).map(|encoded| encoded.jpeg)
}

/// Downscales with a Catmull-Rom convolution (sharp certificate text, no aliasing), SIMD-fast:
/// the image crate's own filters take about 40 ms per megapixel.
fn resize(image: &DynamicImage, width: u32, height: u32) -> Result<DynamicImage, PhotoError> {
    use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
    let source = match image {
        DynamicImage::ImageLuma8(_) | DynamicImage::ImageRgb8(_) => image.clone(),
        other => DynamicImage::ImageRgb8(other.to_rgb8()),
    };
    let mut target = match source {
        DynamicImage::ImageLuma8(_) => DynamicImage::new_luma8(width, height),
        _ => DynamicImage::new_rgb8(width, height),
    };
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::CatmullRom));
    Resizer::new()
        .resize(&source, &mut target, &options)
        .map_err(|error| PhotoError::Damaged(error.to_string()))?;
    Ok(target)
}

/// Components of a JPEG that a PDF viewer shows correctly as it is (gray or RGB, 8 bits, not
/// lossless); None for CMYK and others, which are re-encoded.
fn plain_jpeg_components(bytes: &[u8]) -> Option<u8> {
    let header = Decompressor::new().ok()?.read_header(bytes).ok()?;
    if header.is_lossless {
        return None;
    }
    match header.colorspace {
        Colorspace::Gray => Some(1),
        Colorspace::YCbCr | Colorspace::RGB => Some(3),
        _ => None,
    }
}

/// Transparent parts print on white paper as white, not as the black (or whatever colour) a
/// PNG keeps under them: the image is laid over white.
fn on_white(image: DynamicImage) -> DynamicImage {
    if !image.color().has_alpha() {
        return image;
    }
    let rgba = image.to_rgba8();
    let over =
        |c: u8, a: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
    let rgb = image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        image::Rgb([over(r, a), over(g, a), over(b, a)])
    });
    DynamicImage::ImageRgb8(rgb)
}

/// Decodes a JPEG at the smallest M/8 of its size that still gives at least `scale` of it;
/// anything else (and a JPEG libjpeg-turbo cannot turn into RGB, such as CMYK, once it is known
/// to be whole) in full through the `image` crate.
fn decode_scaled(
    bytes: &[u8],
    format: ImageFormat,
    scale: f32,
) -> Result<DynamicImage, PhotoError> {
    if format == ImageFormat::Jpeg {
        if let Some(image) = decode_jpeg_scaled(bytes, scale)? {
            return Ok(image);
        }
        verify_jpeg(bytes)?;
    }
    decode_other(bytes, format)
}

/// None when libjpeg-turbo cannot give RGB or gray (CMYK, YCCK).
fn decode_jpeg_scaled(bytes: &[u8], scale: f32) -> Result<Option<DynamicImage>, PhotoError> {
    let fail = |error: turbojpeg::Error| jpeg_error(bytes, &error);
    let mut decompressor = Decompressor::new().map_err(fail)?;
    let header = decompressor.read_header(bytes).map_err(fail)?;
    decode_jpeg_with(bytes, &mut decompressor, &header, scale)
}

fn decode_jpeg_with(
    bytes: &[u8],
    decompressor: &mut Decompressor,
    header: &turbojpeg::DecompressHeader,
    scale: f32,
) -> Result<Option<DynamicImage>, PhotoError> {
    let fail = |error: turbojpeg::Error| jpeg_error(bytes, &error);
    let overflow = || PhotoError::TooLarge {
        width: header.width as u32,
        height: header.height as u32,
    };
    let factor = if header.is_lossless {
        ScalingFactor::ONE
    } else {
        (1..=8)
            .map(|eighths| ScalingFactor::new(eighths, 8))
            .find(|factor| factor.num() as f32 / factor.denom() as f32 >= scale - 0.001)
            .unwrap_or(ScalingFactor::ONE)
    };
    decompressor.set_scaling_factor(factor).map_err(fail)?;
    let size = header.scaled(factor);
    let (format, channels) = match header.colorspace {
        Colorspace::Gray => (PixelFormat::GRAY, 1),
        Colorspace::YCbCr | Colorspace::RGB => (PixelFormat::RGB, 3),
        _ => return Ok(None),
    };
    let pitch = size.width.checked_mul(channels).ok_or_else(overflow)?;
    let mut pixels = vec![0; pitch.checked_mul(size.height).ok_or_else(overflow)?];
    let output = turbojpeg::Image {
        pixels: pixels.as_mut_slice(),
        width: size.width,
        pitch,
        height: size.height,
        format,
    };
    match decompressor.decompress(bytes, output) {
        Err(error) if !is_harmless(&error) => return Err(fail(error)),
        _ => {}
    }
    let (width, height) = (
        u32::try_from(size.width).map_err(|_| overflow())?,
        u32::try_from(size.height).map_err(|_| overflow())?,
    );
    Ok(match channels {
        1 => image::GrayImage::from_raw(width, height, pixels).map(DynamicImage::ImageLuma8),
        _ => image::RgbImage::from_raw(width, height, pixels).map(DynamicImage::ImageRgb8),
    })
}

fn orientation_of(number: u8) -> Orientation {
    Orientation::from_exif(number).unwrap_or(Orientation::NoTransforms)
}

/// Baseline JPEG at `PRINT_QUALITY` (4:2:0 as cameras write them), gray stays gray.
fn encode(image: &DynamicImage) -> Result<EncodedImage, PhotoError> {
    let (width, height) = (image.width(), image.height());
    let rgb;
    let (pixels, format, subsamp, components) = match image {
        DynamicImage::ImageLuma8(gray) => (gray.as_raw(), PixelFormat::GRAY, Subsamp::Gray, 1),
        other => {
            rgb = other.to_rgb8();
            (rgb.as_raw(), PixelFormat::RGB, Subsamp::Sub2x2, 3)
        }
    };
    let source = turbojpeg::Image {
        pixels: pixels.as_slice(),
        width: width as usize,
        pitch: width as usize * components as usize,
        height: height as usize,
        format,
    };
    let jpeg = turbojpeg::compress(source, i32::from(PRINT_QUALITY), subsamp)
        .map_err(|error| PhotoError::Damaged(error.to_string()))?;
    Ok(EncodedImage {
        jpeg: jpeg.to_vec(),
        width_px: width,
        height_px: height,
        components,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn camera_jpeg(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([
                (x * 255 / width) as u8,
                (y * 255 / height) as u8,
                ((x ^ y) & 0xff) as u8,
            ])
        });
        let mut bytes = Vec::new();
        DynamicImage::ImageRgb8(image)
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Jpeg)
            .unwrap();
        bytes
    }

    #[test]
    fn a_big_photo_is_reduced_to_the_print_size() {
        let source = camera_jpeg(1600, 1200);
        let printed = prepare(&source, 1, None, (700, 525)).unwrap();
        assert_eq!((printed.width_px, printed.height_px), (700, 525));
        assert_eq!(printed.components, 3);
        assert_eq!(probe(&printed.jpeg).unwrap().width, 700);
    }

    #[test]
    fn a_photo_already_at_print_size_passes_through() {
        let source = camera_jpeg(413, 531);
        let printed = prepare(&source, 1, None, (413, 531)).unwrap();
        assert_eq!(printed.jpeg, source);
    }

    #[test]
    fn orientation_and_crop_are_applied() {
        let source = camera_jpeg(800, 600);
        // Orientation 6: the upright photo is 600 wide, 800 high.
        let printed = prepare(&source, 6, None, (600, 800)).unwrap();
        assert_eq!((printed.width_px, printed.height_px), (600, 800));
        let crop = Crop {
            x: 100,
            y: 100,
            width: 350,
            height: 450,
        };
        let printed = prepare(&source, 6, Some(crop), (413, 531)).unwrap();
        assert_eq!(
            (printed.width_px, printed.height_px),
            (350, 450),
            "never enlarged"
        );
        let printed = prepare(
            &source,
            1,
            Some(Crop {
                x: 700,
                y: 500,
                width: 900,
                height: 900,
            }),
            (100, 100),
        )
        .unwrap();
        assert_eq!(
            (printed.width_px, printed.height_px),
            (100, 100),
            "crop kept inside the image"
        );
    }

    #[test]
    fn broken_files_are_errors_not_panics() {
        let source = camera_jpeg(320, 240);
        for cut in [10, 200, source.len() / 2] {
            let _ = prepare(&source[..cut], 1, None, (100, 100));
        }
        assert!(prepare(b"not an image", 1, None, (10, 10)).is_err());
    }
}
