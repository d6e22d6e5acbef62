//! The CJK font's metrics: which characters it draws and how wide they are. Composing and the
//! preview measure with it; the writer embeds a subset of it (`PdfFont::subset`). The font file
//! is read in place (`sfnt`): nothing is parsed ahead, so a fresh process starts at once.

use std::collections::BTreeSet;

use super::measure::Measure;
use super::sfnt::Sfnt;

#[derive(Debug, thiserror::Error)]
#[error("字体无法使用：{0}")]
pub struct FontError(pub String);

/// The CJK font, shared by every export of the process.
pub struct PdfFont {
    sfnt: Sfnt<'static>,
    units_per_em: f32,
}

impl std::fmt::Debug for PdfFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let glyphs = self.sfnt.num_glyphs;
        f.debug_struct("PdfFont").field("glyphs", &glyphs).finish()
    }
}

impl PdfFont {
    pub fn parse(bytes: &'static [u8]) -> Result<PdfFont, FontError> {
        if bytes.is_empty() {
            let message = "字体文件是空的，程序可能安装不完整".to_owned();
            return Err(FontError(message));
        }
        let sfnt = Sfnt::open(bytes)
            .map_err(|detail| FontError(format!("无法读取字体文件（{detail}）")))?;
        // As printpdf read it: a font that claims 0 units per em is taken as 1000.
        let units_per_em = match sfnt.units_per_em {
            0 => 1000.0,
            units => f32::from(units),
        };
        let font = PdfFont { sfnt, units_per_em };
        if !font.has_glyph('中') {
            return Err(FontError("这不是中文字体（没有“中”字）".to_owned()));
        }
        Ok(font)
    }

    /// Whether the font draws `c`; a missing character would print as a blank.
    pub fn has_glyph(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// Advance width of `c` in em, or `None` when the font lacks it.
    pub fn advance_em(&self, c: char) -> Option<f32> {
        let (advance, _) = self.sfnt.h_metrics(self.glyph(c)?);
        Some(f32::from(advance) / self.units_per_em)
    }

    /// Height above the baseline in em (hhea ascender), positive.
    pub fn ascent_em(&self) -> f32 {
        f32::from(self.sfnt.ascender) / self.units_per_em
    }

    /// Depth below the baseline in em (hhea descender), returned as a POSITIVE number.
    pub fn descent_em(&self) -> f32 {
        f32::from(self.sfnt.descender).abs() / self.units_per_em
    }

    /// A font file of just the glyphs of `chars`, for the writer to embed.
    pub(super) fn subset(&self, chars: &BTreeSet<char>) -> Result<Vec<u8>, FontError> {
        super::subset::subset(&self.sfnt, chars).map_err(FontError)
    }

    fn glyph(&self, c: char) -> Option<u16> {
        Some(self.sfnt.glyph(c)).filter(|&glyph| glyph != 0)
    }
}

impl Measure for PdfFont {
    fn advance_em(&self, c: char) -> f32 {
        // A character without a glyph is refused before composing; 1 em keeps layout sane.
        PdfFont::advance_em(self, c).unwrap_or(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_a_font() {
        assert!(PdfFont::parse(&[]).is_err());
        assert!(PdfFont::parse(b"not a font").is_err());
    }

    #[test]
    fn font_can_be_shared_with_a_worker_thread() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<PdfFont>();
    }
}
