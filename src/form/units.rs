//! Print units: millimetres, points and pixels at a resolution.

pub const MM_PER_INCH: f32 = 25.4;
/// A PostScript point is 1/72 inch.
pub const MM_PER_PT: f32 = MM_PER_INCH / 72.0;

/// Pixels needed to print `mm` at `dpi`.
pub fn pixels_for(mm: f32, dpi: u32) -> u32 {
    (mm / MM_PER_INCH * dpi as f32).round().max(1.0) as u32
}

/// The resolution an image of `pixels` prints at when it is `mm` long.
pub fn dpi_at(pixels: u32, mm: f32) -> u32 {
    (pixels as f32 * MM_PER_INCH / mm.max(0.01)).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_two_inch_photo_at_300_dpi() {
        assert_eq!((pixels_for(35.0, 300), pixels_for(45.0, 300)), (413, 531));
        assert_eq!(dpi_at(413, 35.0), 300);
    }
}
