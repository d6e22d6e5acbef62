//! Photos: reading what a chosen file is (format, pixel size, EXIF orientation) without decoding
//! its pixels, and refusing files that are not images or too big to handle on an old PC.

pub mod prepare;
pub mod print;

use std::io::Cursor;

use image::{ImageDecoder, ImageFormat, ImageReader};
use thiserror::Error;

/// A photo ready for print: the PDF embeds these bytes unchanged (DCTDecode), the Word copy
/// as its picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedImage {
    /// Baseline JPEG bytes, already rotated upright and sized for print.
    pub jpeg: Vec<u8>,
    pub width_px: u32,
    pub height_px: u32,
    /// 1 for grayscale, 3 for RGB (CMYK JPEGs are converted before they get here).
    pub components: u8,
}

/// More pixels than any camera photo of an ID or a certificate needs; decoding more would take
/// hundreds of MB on an office PC.
pub const MAX_PIXELS: u64 = 100_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    pub format: ImageFormat,
    pub width: u32,
    pub height: u32,
    /// EXIF orientation 1–8 (1 = upright).
    pub orientation: u8,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum PhotoError {
    #[error(
        "这个文件不是能识别的图片（支持 JPG 和 PNG）：请选择相机或手机拍摄的 JPG 照片，或扫描得到的 JPG/PNG 图片。"
    )]
    NotAnImage,
    #[error("图片文件已损坏，无法读取（{0}）：请重新导出或重新拍摄后再选择。")]
    Damaged(String),
    #[error("图片有{width}×{height}像素，太大了：请先用看图软件缩小到1亿像素以下再选择。")]
    TooLarge { width: u32, height: u32 },
    #[error("图片的宽或高为0像素，无法使用：请选择另一张图片。")]
    Empty,
}

/// The file's format, size and orientation, read from its header.
pub fn probe(bytes: &[u8]) -> Result<ImageInfo, PhotoError> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|error| PhotoError::Damaged(error.to_string()))?;
    let format = match reader.format() {
        Some(format @ (ImageFormat::Jpeg | ImageFormat::Png)) => format,
        _ => return Err(PhotoError::NotAnImage),
    };
    let mut decoder = reader
        .into_decoder()
        .map_err(|error| PhotoError::Damaged(error.to_string()))?;
    let (width, height) = decoder.dimensions();
    if width == 0 || height == 0 {
        return Err(PhotoError::Empty);
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooLarge { width, height });
    }
    // A photo whose EXIF block is unreadable is still a usable photo: treat it as upright.
    let orientation = decoder.orientation().map(orientation_number).unwrap_or(1);
    Ok(ImageInfo {
        format,
        width,
        height,
        orientation,
    })
}

fn orientation_number(orientation: image::metadata::Orientation) -> u8 {
    use image::metadata::Orientation::*;
    match orientation {
        NoTransforms => 1,
        FlipHorizontal => 2,
        Rotate180 => 3,
        FlipVertical => 4,
        Rotate90FlipH => 5,
        Rotate90 => 6,
        Rotate270FlipH => 7,
        Rotate270 => 8,
    }
}

impl ImageInfo {
    /// File extension to store the copy under.
    pub fn extension(&self) -> &'static str {
        match self.format {
            ImageFormat::Png => "png",
            _ => "jpg",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_pixel(width, height, image::Rgb([200, 220, 240]));
        let mut bytes = Vec::new();
        image::DynamicImage::ImageRgb8(image)
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Jpeg)
            .unwrap();
        bytes
    }

    #[test]
    fn probes_a_jpeg() {
        let info = probe(&jpeg(413, 531)).unwrap();
        assert_eq!((info.width, info.height, info.orientation), (413, 531, 1));
        assert_eq!(info.extension(), "jpg");
    }

    #[test]
    fn refuses_what_is_not_an_image() {
        assert_eq!(probe(b"%PDF-1.7 not a photo"), Err(PhotoError::NotAnImage));
        assert_eq!(probe(b""), Err(PhotoError::NotAnImage));
    }

    #[test]
    fn a_truncated_jpeg_is_damaged_or_unreadable() {
        let bytes = jpeg(64, 64);
        let result = probe(&bytes[..20]);
        assert!(matches!(result, Err(PhotoError::Damaged(_))), "{result:?}");
    }
}
