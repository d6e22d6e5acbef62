//! The CJK font's metrics: which characters it draws and how wide they are. Composing and the
//! preview measure with it; the writer only embeds it (`PdfFont::parsed`). printpdf's parser is
//! used so that the font is read once for both jobs.

use printpdf::ParsedFont;

use super::measure::Measure;

#[derive(Debug, thiserror::Error)]
#[error("字体无法使用：{0}")]
pub struct FontError(pub String);

/// The CJK font, parsed once and reused for every export (parsing 14 MB costs tens of ms).
/// printpdf keeps its own copy of the bytes; each export embeds only the glyphs it uses.
pub struct PdfFont {
    parsed: ParsedFont,
    units_per_em: f32,
}

impl std::fmt::Debug for PdfFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // ParsedFont's own Debug would print the whole font.
        let glyphs = self.parsed.num_glyphs;
        f.debug_struct("PdfFont").field("glyphs", &glyphs).finish()
    }
}

impl PdfFont {
    pub fn parse(bytes: &[u8]) -> Result<PdfFont, FontError> {
        if bytes.is_empty() {
            let message = "字体文件是空的，程序可能安装不完整".to_owned();
            return Err(FontError(message));
        }
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or_else(|| {
            let detail: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
            FontError(format!("无法读取字体文件（{}）", detail.join("；")))
        })?;
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        let font = PdfFont {
            parsed,
            units_per_em,
        };
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
        let advance = self.parsed.get_horizontal_advance(self.glyph(c)?);
        Some(f32::from(advance) / self.units_per_em)
    }

    /// Height above the baseline in em (hhea ascender), positive.
    pub fn ascent_em(&self) -> f32 {
        self.parsed.font_metrics.ascent / self.units_per_em
    }

    /// Depth below the baseline in em (hhea descender), returned as a POSITIVE number.
    pub fn descent_em(&self) -> f32 {
        self.parsed.font_metrics.descent.abs() / self.units_per_em
    }

    /// The parsed font, for the writer to embed.
    pub(super) fn parsed(&self) -> &ParsedFont {
        &self.parsed
    }

    fn glyph(&self, c: char) -> Option<u16> {
        let glyph = self.parsed.lookup_glyph_index(u32::from(c));
        glyph.filter(|&glyph| glyph != 0)
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
