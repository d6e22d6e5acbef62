//! Photos: reading what a chosen file is (format, pixel size, EXIF orientation) without decoding
//! its pixels, and refusing files that are not images or too big to handle on an old PC.

pub mod cache;
pub mod prepare;
pub mod print;
pub mod source;
pub mod verify;

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

/// Memory the decoded pixels may take (a 16-bit PNG with transparency needs 8 bytes a pixel:
/// a 2 MB file of one colour can claim gigabytes).
pub const MAX_DECODED_BYTES: u64 = 400 * 1024 * 1024;

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
    #[error("图片文件是空的（0字节），可能复制时出错了：请重新复制原图后再选择。")]
    ZeroBytes,
    #[error(
        "照片文件不完整（可能从相机、手机或U盘复制时中断了），打印出来会缺一块或是一片灰色：请重新复制原图，再在填表助手中重新选择这张图片。"
    )]
    Truncated,
    #[error("这是{format}格式的图片，不能直接使用：{advice}")]
    Unsupported {
        format: &'static str,
        advice: &'static str,
    },
    #[error(
        "图片有{width}×{height}像素，解开后需要约{megabytes}MB内存，太大了：请先用看图软件另存为JPG（或缩小）后再选择。"
    )]
    TooManyBytes {
        width: u32,
        height: u32,
        megabytes: u64,
    },
}

/// The file's format, size and orientation, read from its header.
pub fn probe(bytes: &[u8]) -> Result<ImageInfo, PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::ZeroBytes);
    }
    if let Some(unsupported) = unsupported_format(bytes) {
        return Err(unsupported);
    }
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|error| PhotoError::Damaged(error.to_string()))?;
    let format = match reader.format() {
        Some(format @ (ImageFormat::Jpeg | ImageFormat::Png)) => format,
        Some(other) => return Err(unsupported(other)),
        None => return Err(PhotoError::NotAnImage),
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
    let decoded = decoder.total_bytes();
    if decoded > MAX_DECODED_BYTES {
        let megabytes = decoded / (1024 * 1024);
        return Err(PhotoError::TooManyBytes {
            width,
            height,
            megabytes,
        });
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

/// Formats people have that are not printed as they are. BMP, WebP and HEIC are not decoded
/// here: the `image` crate is built with JPEG and PNG only (each codec more is more code in
/// every build, and the notices ask for jpg anyway), and HEIC has no Rust decoder without a
/// C library. Each gets a message saying which format to save it as.
fn unsupported(format: ImageFormat) -> PhotoError {
    let (format, advice) = match format {
        ImageFormat::Bmp => (
            "BMP（位图）",
            "请用Windows自带的“画图”打开，“另存为”JPEG图片（照片）或PNG图片（扫描件）后再选择。",
        ),
        ImageFormat::WebP => (
            "WebP",
            "这种图多是从网页或聊天软件保存的压缩图，打印不够清晰：请找到相机或手机拍摄的JPG原图；没有原图时，可用“画图”或看图软件另存为JPEG后再选择。",
        ),
        ImageFormat::Avif => (
            "AVIF",
            "请用手机或看图软件把它另存为JPG后再选择，最好使用相机或手机拍摄的JPG原图。",
        ),
        ImageFormat::Tiff => (
            "TIFF",
            "请在扫描软件中改存为JPG（照片）或PNG（证书），或用看图软件另存为JPEG后再选择。",
        ),
        ImageFormat::Gif => (
            "GIF",
            "GIF只有256种颜色，不宜打印照片：请使用JPG原图，或用看图软件另存为PNG后再选择。",
        ),
        _ => (
            "不常见",
            "请用看图软件另存为JPG（照片）或PNG（扫描件）后再选择。",
        ),
    };
    PhotoError::Unsupported { format, advice }
}

/// HEIC/HEIF (iPhones save photos so by default): an ISO box `ftyp` with a HEIF brand. The
/// `image` crate's guess does not know it.
fn unsupported_format(bytes: &[u8]) -> Option<PhotoError> {
    let brand = bytes.get(8..12)?;
    let heif = bytes.get(4..8) == Some(b"ftyp")
        && [
            b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1",
            b"msf1",
        ]
        .iter()
        .any(|known| brand == *known);
    heif.then_some(PhotoError::Unsupported {
        format: "HEIC（苹果手机照片）",
        advice: "请在手机“设置→相机→格式”中选“兼容性最佳”后重新导出，或用手机、电脑上的照片工具把它导出为JPG后再选择（用微信或QQ发送“原图”到电脑得到的通常已是JPG）。",
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
        assert_eq!(probe(b""), Err(PhotoError::ZeroBytes));
    }

    #[test]
    fn phone_and_web_formats_say_what_to_save_as() {
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        let webp = b"RIFF\x24\0\0\0WEBPVP8 \x18\0\0\0";
        let bmp = b"BM\x3a\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0";
        for (bytes, format, save_as) in [
            (&heic[..], "HEIC", "兼容性最佳"),
            (&webp[..], "WebP", "另存为JPEG"),
            (&bmp[..], "BMP", "另存为"),
        ] {
            let message = probe(bytes).map(|_| ()).unwrap_err().to_string();
            assert!(
                message.contains(format) && message.contains(save_as),
                "{message}"
            );
        }
    }

    #[test]
    fn a_truncated_jpeg_is_damaged_or_unreadable() {
        let bytes = jpeg(64, 64);
        let result = probe(&bytes[..20]);
        assert!(matches!(result, Err(PhotoError::Damaged(_))), "{result:?}");
    }
}
