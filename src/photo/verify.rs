//! Whether a photo file is whole: its header is not enough. A JPEG cut short (a copy from a
//! camera or a USB stick interrupted) has a perfect header, and a lenient decoder fills the
//! missing part grey without a word; libjpeg-turbo reports it. The photo step, `check`,
//! `export` and `pack` all ask here, so they agree on what is usable.

use std::io::Cursor;

use image::{ImageError, ImageFormat, ImageReader};
use turbojpeg::{Colorspace, Decompressor, PixelFormat, ScalingFactor};

use super::{ImageInfo, PhotoError, probe};

/// The header is sound and every pixel decodes. JPEGs are decoded at 1/8 of their size (the
/// whole entropy-coded data is still read, so a cut is found; a 12 MP photo takes ≈20 ms),
/// PNGs in full.
pub fn verify(bytes: &[u8]) -> Result<ImageInfo, PhotoError> {
    let info = probe(bytes)?;
    match info.format {
        ImageFormat::Jpeg => verify_jpeg(bytes)?,
        format => {
            decode_other(bytes, format)?;
        }
    }
    Ok(info)
}

/// Decodes a JPEG at 1/8 size into a throwaway buffer, only to learn whether it is whole.
pub(crate) fn verify_jpeg(bytes: &[u8]) -> Result<(), PhotoError> {
    let mut decompressor = Decompressor::new().map_err(|error| jpeg_error(bytes, &error))?;
    let header = decompressor
        .read_header(bytes)
        .map_err(|error| jpeg_error(bytes, &error))?;
    let (format, channels) = match header.colorspace {
        Colorspace::Gray => (PixelFormat::GRAY, 1),
        Colorspace::CMYK | Colorspace::YCCK => (PixelFormat::CMYK, 4),
        _ => (PixelFormat::RGB, 3),
    };
    let factor = if header.is_lossless {
        ScalingFactor::ONE
    } else {
        ScalingFactor::ONE_EIGHTH
    };
    decompressor
        .set_scaling_factor(factor)
        .map_err(|error| jpeg_error(bytes, &error))?;
    let size = header.scaled(factor);
    let pitch = size.width.saturating_mul(channels);
    let mut pixels = vec![0; pitch.saturating_mul(size.height)];
    let output = turbojpeg::Image {
        pixels: pixels.as_mut_slice(),
        width: size.width,
        pitch,
        height: size.height,
        format,
    };
    match decompressor.decompress(bytes, output) {
        Ok(()) => Ok(()),
        Err(error) if is_harmless(&error) => Ok(()),
        Err(error) => Err(jpeg_error(bytes, &error)),
    }
}

/// Decodes a PNG (or another format the `image` crate reads) in full.
pub(crate) fn decode_other(
    bytes: &[u8],
    format: ImageFormat,
) -> Result<image::DynamicImage, PhotoError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(super::MAX_DECODED_BYTES + 64 * 1024 * 1024);
    reader.limits(limits);
    reader
        .decode()
        .map_err(|error| match (&error, probe(bytes)) {
            (ImageError::Limits(_), Ok(info)) => PhotoError::TooManyBytes {
                width: info.width,
                height: info.height,
                megabytes: super::MAX_DECODED_BYTES / (1024 * 1024),
            },
            _ => image_error(&error),
        })
}

/// A warning libjpeg-turbo gives for a picture it still decoded whole: stray bytes between
/// segments, which some older cameras write.
pub(crate) fn is_harmless(error: &turbojpeg::Error) -> bool {
    matches!(error, turbojpeg::Error::TurboJpegError(message)
        if message.contains("extraneous bytes before marker"))
}

/// The user's words for what libjpeg-turbo found: a cut file (its end marker missing, or the
/// decoder ran out of data) or other damage.
pub(crate) fn jpeg_error(bytes: &[u8], error: &turbojpeg::Error) -> PhotoError {
    let message = error.to_string();
    let premature = message.to_ascii_lowercase().contains("premature end");
    if premature || !ends_with_eoi(bytes) {
        PhotoError::Truncated
    } else {
        PhotoError::Damaged(message)
    }
}

/// The `image` crate's errors in the user's words: running out of data is a cut file.
pub(crate) fn image_error(error: &ImageError) -> PhotoError {
    match error {
        ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            PhotoError::Truncated
        }
        other => {
            let message = other.to_string();
            if message.to_ascii_lowercase().contains("eof") {
                PhotoError::Truncated
            } else {
                PhotoError::Damaged(message)
            }
        }
    }
}

/// A JPEG ends with the EOI marker (FF D9), perhaps followed by padding some cameras add.
fn ends_with_eoi(bytes: &[u8]) -> bool {
    let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    bytes
        .get(..end)
        .is_some_and(|data| data.ends_with(&[0xFF, 0xD9]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x * y) % 256) as u8])
        });
        let mut bytes = Vec::new();
        image::DynamicImage::ImageRgb8(image)
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Jpeg)
            .unwrap();
        bytes
    }

    #[test]
    fn a_whole_jpeg_passes() {
        let info = verify(&jpeg(640, 480)).unwrap();
        assert_eq!((info.width, info.height), (640, 480));
    }

    #[test]
    fn a_jpeg_cut_anywhere_in_its_pixels_is_truncated() {
        let bytes = jpeg(640, 480);
        for cut in [bytes.len() / 3, bytes.len() / 2, bytes.len() - 10] {
            let result = verify(&bytes[..cut]);
            assert_eq!(result, Err(PhotoError::Truncated), "cut at {cut}");
        }
    }

    #[test]
    fn an_empty_file_is_zero_bytes() {
        assert_eq!(verify(b""), Err(PhotoError::ZeroBytes));
    }
}
