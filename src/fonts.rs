//! The one CJK font, embedded so every PC renders and prints the same: Noto Serif CJK SC
//! (SIL OFL 1.1, see fonts/OFL.txt), reduced and converted to TrueType by fonts/make_font.sh.

pub const CJK_FONT: &[u8] = include_bytes!("../fonts/NotoSerifCJKsc-Regular.ttf");
pub const CJK_FONT_NAME: &str = "Noto Serif CJK SC";
