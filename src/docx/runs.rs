//! Text as Word sees it: runs in 宋体 (Latin letters and digits in Times New Roman) at the
//! layout's sizes, paragraphs at the PDF's line pitch, the lengths Word counts in (twips,
//! half-points, EMU), and the font table that names our embedded font as 宋体's fallback.

use docx_rs::{
    AlignmentType, LineSpacing, LineSpacingType, Paragraph, Run, RunFonts, SpecialIndentType,
};

use crate::fonts::CJK_FONT_NAME;
use crate::form::printed::{LINE_PITCH, is_address, line_height_mm, size_mm};

/// The face of the official Word form; every Chinese office PC has it.
pub const SONG: &str = "宋体";
/// Latin letters and digits beside 宋体, as government documents set them.
pub const LATIN: &str = "Times New Roman";
/// ☐ and ☑ are in neither 宋体 nor our font; Windows has them in Segoe UI Symbol, and any
/// other system falls back to a font that has them (LibreOffice here: DejaVu Sans).
const SYMBOLS: &str = "Segoe UI Symbol";
const TWIPS_PER_MM: f32 = 1440.0 / 25.4;
const EMU_PER_MM: f32 = 36_000.0;

/// Twentieths of a point, Word's unit for page, table and paragraph geometry.
pub fn twips(mm: f32) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

/// Twips for the APIs that take them unsigned (grid and cell widths); negative sizes are 0.
pub fn twips_u(mm: f32) -> usize {
    twips(mm).max(0) as usize
}

/// English Metric Units, the unit of drawing sizes.
pub fn emu(mm: f32) -> u32 {
    (mm * EMU_PER_MM).round().max(0.0) as u32
}

fn pt_twips(pt: f32) -> i32 {
    (pt * 20.0).round() as i32
}

/// Type sizes are in half-points (五号 10.5 pt = 21).
fn half_points(pt: f32) -> usize {
    (pt * 2.0).round().max(1.0) as usize
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunStyle {
    pub size_pt: f32,
    pub bold: bool,
}

impl RunStyle {
    pub fn plain(size_pt: f32) -> Self {
        RunStyle {
            size_pt,
            bold: false,
        }
    }

    pub fn bold(size_pt: f32) -> Self {
        RunStyle {
            size_pt,
            bold: true,
        }
    }

    /// The width of `chars` full-width characters, in twips (for indents).
    pub fn chars_twips(self, chars: f32) -> i32 {
        pt_twips(self.size_pt * chars)
    }

    /// Distance between lines, in mm.
    pub fn pitch_mm(self) -> f32 {
        line_height_mm(self.size_pt)
    }

    /// The width of `chars` full-width characters, in mm.
    pub fn chars_mm(self, chars: f32) -> f32 {
        size_mm(self.size_pt) * chars
    }
}

/// Digits and the marks of numbers as wide as in DejaVu Serif, what LibreOffice draws Times New
/// Roman with where neither it nor Liberation Serif is installed (a Linux desktop with
/// `--no-install-recommends`): the widest of the three, so a number that fits here fits in all
/// of them and never wraps after its hyphen (0373- / 2081756). Its advances over 2048 units.
const DIGIT_EM: f32 = 1303.0 / 2048.0;
const HYPHEN_EM: f32 = 692.0 / 2048.0;
const POINT_EM: f32 = 651.0 / 2048.0;

/// A cautious estimate of a text's width in em, for the few decisions Word cannot make for us
/// (a value shrunk to stay on one line, checkbox options not split across lines): digits and
/// their marks as wide as in the widest font that may stand for Times New Roman, other ASCII
/// at most half an em in Times New Roman, everything else a full em as in 宋体.
pub fn width_em(text: &str) -> f32 {
    // An address wider than its cell breaks where we say, not where Word would (inside a word):
    // its letters count as wide as in DejaVu Serif too (lower case 0.57 em on average).
    let address = is_address(text);
    text.chars()
        .map(|c| match c {
            '0'..='9' => DIGIT_EM,
            '-' => HYPHEN_EM,
            '.' => POINT_EM,
            '@' if address => 1.0,
            c if address && c.is_ascii_uppercase() => 0.75,
            c if address && c.is_ascii_lowercase() => 0.6,
            c if c.is_ascii() => 0.5,
            _ => 1.0,
        })
        .sum()
}

pub fn fonts() -> RunFonts {
    RunFonts::new()
        .east_asia(SONG)
        .ascii(LATIN)
        .hi_ansi(LATIN)
        .cs(LATIN)
}

/// A run in the style, without text yet (a field, a picture).
pub fn styled(style: RunStyle) -> Run {
    let run = Run::new().fonts(fonts()).size(half_points(style.size_pt));
    if style.bold { run.bold() } else { run }
}

pub fn run(text: &str, style: RunStyle) -> Run {
    styled(style).add_text(text)
}

/// A checkbox glyph, ☑ when `checked`.
pub fn checkbox(checked: bool, style: RunStyle) -> Run {
    let symbol = RunFonts::new()
        .east_asia(SYMBOLS)
        .ascii(SYMBOLS)
        .hi_ansi(SYMBOLS)
        .cs(SYMBOLS);
    Run::new()
        .add_text(if checked { "☑" } else { "☐" })
        .fonts(symbol)
        .size(half_points(style.size_pt))
}

/// An empty paragraph at the style's exact pitch: Word and LibreOffice then space lines alike
/// whatever font each substitutes. The paragraph mark gets the style too, so an empty
/// paragraph is one line of this size.
pub fn paragraph(style: RunStyle, align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .align(align)
        .line_spacing(exact_pitch(style, 0.0, 0.0))
        .fonts(fonts())
        .size(half_points(style.size_pt))
}

/// Exact line pitch with room above and below, in mm.
pub fn exact_pitch(style: RunStyle, before_mm: f32, after_mm: f32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(pt_twips(style.size_pt * LINE_PITCH))
        .before(twips(before_mm).max(0) as u32)
        .after(twips(after_mm).max(0) as u32)
}

/// One line of text in a paragraph of its own.
pub fn line(text: &str, style: RunStyle, align: AlignmentType) -> Paragraph {
    paragraph(style, align).add_run(run(text, style))
}

/// A multiline answer as the PDF prints it: one paragraph per line, blank lines dropped (the
/// indent marks paragraphs), justified, the first line indented two characters.
pub fn text_paragraphs(text: &str, style: RunStyle) -> Vec<Paragraph> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            // docx-rs 0.4.22 stores `first_line_chars` but never writes it, so the indent is
            // given in twips: two characters of this size.
            paragraph(style, AlignmentType::Both)
                .indent(
                    None,
                    Some(SpecialIndentType::FirstLine(style.chars_twips(2.0))),
                    None,
                    None,
                )
                .add_run(run(line, style))
        })
        .collect()
}

/// Characters of a vertical label, one per line (whitespace dropped, as the PDF does).
pub fn vertical(text: &str, style: RunStyle) -> Vec<Paragraph> {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| line(&c.to_string(), style, AlignmentType::Center))
        .collect()
}

/// word/fontTable.xml. docx has no per-run fallback list, and docx-rs writes a fixed font
/// table (Times New Roman, Symbol, Arial), so we write our own: 宋体 with our embedded font as
/// its `altName`, the name Word and LibreOffice try when 宋体 itself is not installed (a Mac,
/// a Linux desktop). The panose and charset are those Word writes for 宋体.
pub fn font_table() -> Vec<u8> {
    let font = |name: &str, alt: Option<&str>, panose: &str, charset: &str, family: &str| {
        let alt = alt.map_or(String::new(), |alt| {
            format!(r#"<w:altName w:val="{alt}"/>"#)
        });
        format!(
            r#"<w:font w:name="{name}">{alt}<w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>"#
        )
    };
    let fonts = [
        font(
            SONG,
            Some(CJK_FONT_NAME),
            "02010600030101010101",
            "86",
            "auto",
        ),
        font(LATIN, None, "02020603050405020304", "00", "roman"),
        font(CJK_FONT_NAME, None, "02020400000000000000", "86", "roman"),
        font(SYMBOLS, None, "020B0502040204020203", "00", "swiss"),
    ];
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{}</w:fonts>"#,
        fonts.concat()
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_in_words_units() {
        assert_eq!(twips(25.4), 1440);
        assert_eq!(emu(35.0), 1_260_000);
        assert_eq!(half_points(10.5), 21);
        assert_eq!(RunStyle::plain(10.5).chars_twips(2.0), 420);
    }

    #[test]
    fn numbers_are_measured_as_wide_as_any_font_may_draw_them() {
        use crate::form::printed::{Fit, PADDING_MM, fit_column};
        // 0373-2081756 in DejaVu Serif: 11 digits and a hyphen.
        let em = width_em("0373-2081756");
        assert!((em - (11.0 * 0.6362 + 0.3379)).abs() < 0.001, "{em}");
        // In the form's 27 mm column it shrinks within the floor (9 pt) rather than wrap, and
        // at 9 pt it fits there in every font LibreOffice may use for Times New Roman.
        let body = RunStyle::plain(10.5);
        let room = 27.0 - 2.0 * PADDING_MM;
        let fit = fit_column([Some(body.chars_mm(em))], room, 10.5, 9.0);
        assert_eq!(fit, Fit::Shrunk(9.0));
        assert!(RunStyle::plain(9.0).chars_mm(em) <= room);
    }

    #[test]
    fn the_font_table_names_the_fallback() {
        let xml = String::from_utf8(font_table()).unwrap_or_default();
        assert!(xml.contains(r#"<w:font w:name="宋体"><w:altName w:val="Noto Serif CJK SC"/>"#));
    }

    #[test]
    fn blank_lines_do_not_make_paragraphs() {
        assert_eq!(
            text_paragraphs("一\n\n  二  \n", RunStyle::plain(10.5)).len(),
            2
        );
    }
}
