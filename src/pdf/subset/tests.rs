use std::collections::BTreeSet;

use super::subset;
use crate::fonts::CJK_FONT;
use crate::pdf::sfnt::Sfnt;

/// Common characters, Latin, full-width punctuation, a supplementary-plane name character
/// (𠇔) and one the font lacks (a private-use code point).
const TEXT: &str = "推荐表中文ABC123，。（）《》𠇔堃喆\u{E000}";

#[test]
fn each_character_keeps_its_outline_and_advance() {
    let font = Sfnt::open(CJK_FONT).expect("the shipped font opens");
    let chars: BTreeSet<char> = TEXT.chars().collect();
    let bytes = subset(&font, &chars).expect("subset");
    let small = Sfnt::open(&bytes).expect("the subset is a font");
    let drawn = chars.iter().filter(|&&c| font.glyph(c) != 0).count();
    assert_eq!(drawn, chars.len() - 1, "all but the private-use character");
    for c in chars {
        let (old, new) = (font.glyph(c), small.glyph(c));
        if old == 0 {
            assert_eq!(new, 0, "{c} is not in the font, so not in the subset");
            continue;
        }
        assert_ne!(new, 0, "{c} is drawn by the subset");
        assert_eq!(small.h_metrics(new), font.h_metrics(old), "advance of {c}");
        let outline = small.glyph_bytes(new).expect("outline");
        let original = font.glyph_bytes(old).expect("outline");
        // Only padding to four bytes is added.
        assert_eq!(
            outline.get(..original.len()),
            Some(original),
            "outline of {c}"
        );
    }
    assert_eq!(small.units_per_em, font.units_per_em);
    assert_eq!(
        (small.ascender, small.descender),
        (font.ascender, font.descender)
    );
    // The drawn characters and glyph 0: a few kilobytes, not the 14 MB font.
    assert_eq!(usize::from(small.num_glyphs), drawn + 1);
    assert!(bytes.len() < 60_000, "{} bytes", bytes.len());
}

#[test]
fn printpdf_reads_the_subset_with_the_same_glyphs() {
    let font = Sfnt::open(CJK_FONT).expect("the shipped font opens");
    let chars: BTreeSet<char> = TEXT.chars().filter(|&c| font.glyph(c) != 0).collect();
    let bytes = subset(&font, &chars).expect("subset");
    let small = Sfnt::open(&bytes).expect("the subset is a font");
    let mut warnings = Vec::new();
    let parsed = printpdf::ParsedFont::from_bytes(&bytes, 0, &mut warnings).expect("parsed");
    for c in chars {
        let glyph = parsed.lookup_glyph_index(u32::from(c));
        assert_eq!(glyph, Some(small.glyph(c)), "{c}");
    }
    assert_eq!(
        parsed.font_name.as_deref(),
        Some("NotoSerifCJKsc-Regular"),
        "the name the PDF shows is kept"
    );
}
