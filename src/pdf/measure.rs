//! Measuring and breaking text like a typesetter: advances from the real font, line breaks at
//! Unicode (UAX #14) opportunities, tightened by the Chinese rules of GB/T 15834 (禁则): closing
//! marks never start a line, opening marks never end one, —— and …… never split.

mod address;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use address::address_parts;
pub use address::{break_address, is_address};

pub use crate::form::units::MM_PER_PT;

/// Advance widths of characters, in em. The PDF font implements it; tests use `FixedWidth`.
pub trait Measure {
    fn advance_em(&self, c: char) -> f32;

    fn width_mm(&self, text: &str, size_pt: f32) -> f32 {
        text.chars().map(|c| self.advance_em(c)).sum::<f32>() * size_pt * MM_PER_PT
    }
}

/// A stand-in font for tests: CJK and full-width characters 1 em, everything else half.
pub struct FixedWidth;

impl Measure for FixedWidth {
    fn advance_em(&self, c: char) -> f32 {
        if crate::form::count::is_east_asian(c) {
            1.0
        } else {
            0.5
        }
    }
}

/// Marks that never start a line (GB/T 15834 and common practice).
const NO_LINE_START: &str = "、。，．；：？！）］｝〕〉》」』】〗〙〛”’…—～·％‰℃!),.:;?]}%";
/// Marks that never end a line.
const NO_LINE_END: &str = "（［｛〔〈《「『【〖〘〚“‘([{";

/// A broken line: its text and its natural width.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenLine {
    pub text: String,
    pub width_mm: f32,
    /// Whether a paragraph starts here (such lines are indented).
    pub starts_paragraph: bool,
    /// Whether the paragraph ends here (such lines are not justified).
    pub ends_paragraph: bool,
}

/// Byte offsets where a line may break, after the UAX #14 opportunities are tightened by 禁则.
fn break_points(text: &str) -> Vec<(usize, bool)> {
    linebreaks(text)
        .filter(|(index, _)| {
            let before = text[..*index].chars().next_back();
            let after = text[*index..].chars().next();
            let ends_badly = before.is_some_and(|c| NO_LINE_END.contains(c));
            let starts_badly = after.is_some_and(|c| NO_LINE_START.contains(c));
            // —— and …… are one mark of two characters.
            let splits_pair = matches!(
                (before, after),
                (Some('—'), Some('—')) | (Some('…'), Some('…'))
            );
            !(ends_badly || starts_badly || splits_pair)
        })
        .map(|(index, opportunity)| (index, opportunity == BreakOpportunity::Mandatory))
        .collect()
}

/// Breaks one paragraph (no line breaks inside) into lines no wider than `width_mm`; the first
/// line is `first_indent_mm` narrower. A piece wider than a whole line (a long URL) is cut
/// between characters.
pub fn break_paragraph(
    text: &str,
    width_mm: f32,
    first_indent_mm: f32,
    size_pt: f32,
    measure: &dyn Measure,
) -> Vec<BrokenLine> {
    let mut filler = LineFiller::new(width_mm, first_indent_mm, size_pt, measure);
    let mut start = 0;
    for (end, _) in break_points(text) {
        let piece = &text[start..end];
        start = end;
        let piece_width = measure.width_mm(piece, size_pt);
        // Trailing spaces may hang past the edge.
        let visible_width = measure.width_mm(piece.trim_end(), size_pt);
        if !filler.fits(visible_width) {
            filler.new_line();
        }
        if filler.fits(visible_width) {
            filler.push(piece, piece_width);
        } else {
            // Too wide for any line (an e-mail address, a URL): break after @ . / where the
            // line is full, and between characters only inside a part still too wide.
            filler.add_address(piece);
        }
    }
    filler.finish()
}

/// Fills lines piece by piece: a piece that does not fit after what the line holds goes to the
/// next line. The first line is narrower by the paragraph's indent.
struct LineFiller<'a> {
    lines: Vec<BrokenLine>,
    line: String,
    line_width: f32,
    width_mm: f32,
    first_indent_mm: f32,
    size_pt: f32,
    measure: &'a dyn Measure,
}

impl<'a> LineFiller<'a> {
    fn new(width_mm: f32, first_indent_mm: f32, size_pt: f32, measure: &'a dyn Measure) -> Self {
        LineFiller {
            lines: Vec::new(),
            line: String::new(),
            line_width: 0.0,
            width_mm,
            first_indent_mm,
            size_pt,
            measure,
        }
    }

    fn available(&self) -> f32 {
        if self.lines.is_empty() {
            self.width_mm - self.first_indent_mm
        } else {
            self.width_mm
        }
    }

    fn fits(&self, width: f32) -> bool {
        self.line_width + width <= self.available() + 0.01
    }

    fn push(&mut self, piece: &str, width: f32) {
        self.line.push_str(piece);
        self.line_width += width;
    }

    /// Ends the line being filled, if it holds anything.
    fn new_line(&mut self) {
        if !self.line.is_empty() {
            let text = std::mem::take(&mut self.line);
            push_line(&mut self.lines, text, self.measure, self.size_pt, false);
        }
        self.line_width = 0.0;
    }

    /// An address: its parts (after @ . /) each where they fit, a part wider than a line cut
    /// between characters.
    fn add_address(&mut self, address: &str) {
        for part in address_parts(address) {
            let width = self.measure.width_mm(part, self.size_pt);
            if !self.fits(width) {
                self.new_line();
            }
            if self.fits(width) {
                self.push(part, width);
                continue;
            }
            for c in part.chars() {
                let text = c.encode_utf8(&mut [0; 4]).to_owned();
                let advance = self.measure.width_mm(&text, self.size_pt);
                if !self.fits(advance) {
                    self.new_line();
                }
                self.push(&text, advance);
            }
        }
    }

    fn finish(mut self) -> Vec<BrokenLine> {
        if !self.line.is_empty() || self.lines.is_empty() {
            let text = std::mem::take(&mut self.line);
            push_line(&mut self.lines, text, self.measure, self.size_pt, true);
        }
        if let Some(last) = self.lines.last_mut() {
            last.ends_paragraph = true;
        }
        self.lines
    }
}

fn push_line(
    lines: &mut Vec<BrokenLine>,
    text: String,
    measure: &dyn Measure,
    size_pt: f32,
    ends_paragraph: bool,
) {
    let text = text.trim_end().to_owned();
    let width_mm = measure.width_mm(&text, size_pt);
    let starts_paragraph = lines.is_empty();
    lines.push(BrokenLine {
        text,
        width_mm,
        starts_paragraph,
        ends_paragraph,
    });
}

/// Breaks a text of several paragraphs (separated by line breaks; blank lines are dropped, as
/// paragraphs are marked by their indent), each with a first-line indent.
pub fn break_text(
    text: &str,
    width_mm: f32,
    indent_em: f32,
    size_pt: f32,
    measure: &dyn Measure,
) -> Vec<BrokenLine> {
    let indent_mm = indent_em * size_pt * MM_PER_PT;
    text.lines()
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .flat_map(|paragraph| break_paragraph(paragraph, width_mm, indent_mm, size_pt, measure))
        .collect()
}

/// Letter spacing (pt) that makes a line fill `width_mm`: spread over the gaps between
/// characters, and never more than half an em (a line of three characters stays readable).
pub fn justify_spacing_pt(line: &BrokenLine, width_mm: f32, size_pt: f32) -> f32 {
    let gaps = line.text.chars().count().saturating_sub(1);
    if line.ends_paragraph || gaps == 0 {
        return 0.0;
    }
    let extra_pt = (width_mm - line.width_mm).max(0.0) / MM_PER_PT;
    (extra_pt / gaps as f32).min(size_pt * 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 10.5 pt: one CJK character is 3.704 mm wide.
    const SIZE: f32 = 10.5;
    fn chars(n: f32) -> f32 {
        n * SIZE * MM_PER_PT + 0.001
    }
    fn texts(lines: &[BrokenLine]) -> Vec<&str> {
        lines.iter().map(|line| line.text.as_str()).collect()
    }

    #[test]
    fn chinese_breaks_between_any_characters() {
        let lines = break_paragraph("一二三四五六七八九十", chars(4.0), 0.0, SIZE, &FixedWidth);
        assert_eq!(texts(&lines), ["一二三四", "五六七八", "九十"]);
        assert!(lines[2].ends_paragraph && !lines[0].ends_paragraph);
    }

    #[test]
    fn closing_marks_never_start_a_line() {
        for mark in [
            "。", "，", "、", "；", "：", "？", "！", "）", "》", "”", "」",
        ] {
            let text = format!("一二三四{mark}五六");
            let lines = break_paragraph(&text, chars(4.0), 0.0, SIZE, &FixedWidth);
            assert!(
                lines.iter().all(|line| !line.text.starts_with(mark)),
                "{mark}: {:?}",
                texts(&lines)
            );
            assert_eq!(lines.concat_text(), text);
        }
    }

    #[test]
    fn opening_marks_never_end_a_line() {
        for mark in ["（", "《", "“", "「", "【"] {
            let text = format!("一二三{mark}四五六");
            let lines = break_paragraph(&text, chars(4.0), 0.0, SIZE, &FixedWidth);
            assert!(
                lines.iter().all(|line| !line.text.ends_with(mark)),
                "{mark}: {:?}",
                texts(&lines)
            );
        }
    }

    #[test]
    fn dashes_and_ellipses_stay_whole() {
        for pair in ["——", "……"] {
            let text = format!("一二三{pair}四五");
            let lines = break_paragraph(&text, chars(4.0), 0.0, SIZE, &FixedWidth);
            assert!(
                lines.iter().any(|line| line.text.contains(pair)),
                "{pair}: {:?}",
                texts(&lines)
            );
        }
    }

    #[test]
    fn latin_words_and_numbers_are_not_split() {
        let lines = break_paragraph("获得2019年度CRISPR奖", chars(5.0), 0.0, SIZE, &FixedWidth);
        assert!(
            lines.iter().any(|line| line.text.contains("2019")),
            "{:?}",
            texts(&lines)
        );
        assert!(
            lines.iter().any(|line| line.text.contains("CRISPR")),
            "{:?}",
            texts(&lines)
        );
    }

    #[test]
    fn a_piece_wider_than_the_line_is_cut() {
        let url = "https://example.com/a/very/long/path/that/does/not/fit";
        let lines = break_paragraph(url, chars(6.0), 0.0, SIZE, &FixedWidth);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|line| line.width_mm <= chars(6.0)));
        assert_eq!(lines.concat_text(), url);
    }

    #[test]
    fn paragraphs_get_a_first_line_indent() {
        let lines = break_text("一二三四五六\n\n七八", chars(4.0), 2.0, SIZE, &FixedWidth);
        assert_eq!(texts(&lines), ["一二", "三四五六", "七八"]);
        let ends: Vec<bool> = lines.iter().map(|line| line.ends_paragraph).collect();
        let starts: Vec<bool> = lines.iter().map(|line| line.starts_paragraph).collect();
        assert_eq!(ends, [false, true, true]);
        assert_eq!(starts, [true, false, true]);
    }

    #[test]
    fn justification_fills_the_line_but_not_the_last() {
        let lines = break_paragraph("一二三四五，六七", chars(5.0), 0.0, SIZE, &FixedWidth);
        // "一二三四" + "五，" cannot split: the first line is four characters, spread to five.
        assert_eq!(texts(&lines), ["一二三四", "五，六七"]);
        let spacing = justify_spacing_pt(&lines[0], chars(5.0), SIZE);
        assert!((spacing - SIZE / 3.0).abs() < 0.01, "{spacing}");
        assert_eq!(justify_spacing_pt(&lines[1], chars(5.0), SIZE), 0.0);
    }

    trait Concat {
        fn concat_text(&self) -> String;
    }
    impl Concat for Vec<BrokenLine> {
        fn concat_text(&self) -> String {
            self.iter().map(|line| line.text.as_str()).collect()
        }
    }
}
