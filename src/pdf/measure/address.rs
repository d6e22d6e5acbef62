//! E-mail and web addresses: one word each, broken only after @ . / when a line cannot hold it
//! (gaosuining@ / example.com), never at a hyphen and never inside a part that fits a line.

use super::{BrokenLine, LineFiller, Measure};
pub use crate::form::printed::{address_parts, is_address};

/// An address broken into lines no wider than `width_mm`, after @ . / only, and between
/// characters only inside a part too wide for a line.
pub fn break_address(
    text: &str,
    width_mm: f32,
    size_pt: f32,
    measure: &dyn Measure,
) -> Vec<BrokenLine> {
    let mut filler = LineFiller::new(width_mm, 0.0, size_pt, measure);
    filler.add_address(text);
    filler.finish()
}

#[cfg(test)]
mod tests {
    use super::super::{FixedWidth, break_paragraph};
    use super::*;

    /// 10.5 pt: one CJK character is 3.704 mm wide.
    const SIZE: f32 = 10.5;
    fn chars(n: f32) -> f32 {
        n * SIZE * super::super::MM_PER_PT + 0.001
    }
    fn texts(lines: &[BrokenLine]) -> Vec<&str> {
        lines.iter().map(|line| line.text.as_str()).collect()
    }
    fn concat(lines: &[BrokenLine]) -> String {
        lines.iter().map(|line| line.text.as_str()).collect()
    }

    #[test]
    fn an_address_breaks_after_at_or_dot_never_inside_a_word() {
        let email = "gaosuining@example.com";
        // Wide enough for either half, not for both.
        let lines = break_paragraph(email, chars(6.0), 0.0, SIZE, &FixedWidth);
        assert_eq!(texts(&lines), ["gaosuining@", "example.com"]);
        let lines = break_paragraph(
            "zhang.san@lab.example.com",
            chars(6.0),
            0.0,
            SIZE,
            &FixedWidth,
        );
        assert_eq!(texts(&lines), ["zhang.san@", "lab.example.", "com"]);
        // Wide enough for one half only: the other is cut, the break after @ is kept.
        let lines = break_paragraph(email, chars(4.0), 0.0, SIZE, &FixedWidth);
        assert_eq!(concat(&lines), email);
        assert!(lines.iter().any(|line| line.text.ends_with('@')));
        assert!(lines.iter().all(|line| line.width_mm <= chars(4.0)));
    }

    #[test]
    fn an_address_never_breaks_at_its_hyphen() {
        let email = "gaosuining@agri-science.example.com";
        assert!(is_address(email) && !is_address("见 www.example.com 网站"));
        let lines = break_address(email, chars(8.0), SIZE, &FixedWidth);
        assert_eq!(
            texts(&lines),
            ["gaosuining@", "agri-science.", "example.com"]
        );
        assert!(lines[0].starts_paragraph && lines[2].ends_paragraph && !lines[1].ends_paragraph);
        let lines = break_address(email, chars(4.0), SIZE, &FixedWidth);
        assert_eq!(concat(&lines), email);
        assert!(lines.iter().all(|line| line.width_mm <= chars(4.0)));
    }
}
