//! Sizes and marks both printed copies share, so the PDF and the Word copy cannot drift apart:
//! the line pitch, a cell's padding, the seal place, the blanks for handwriting, and the type
//! sizes and places of the pages around the table.

use super::table::{CellValue, GroupKind, RowGroup};
use crate::form::units::MM_PER_PT;

/// Line pitch as a multiple of the font size (Word's single spacing for 宋体 is about 1.3;
/// a little more reads better in long 事迹).
pub const LINE_PITCH: f32 = 1.4;

/// Space between a cell's border and its content.
pub const PADDING_MM: f32 = 1.8;
/// The seal guide: a unit's seal is at most 45 mm across; 42 mm is the common size.
pub const SEAL_DIAMETER_MM: f32 = 42.0;
/// Room above and below the seal guide inside its block.
pub const SEAL_MARGIN_MM: f32 = 2.0;
/// Height kept below an opinion's text for the seal and the date.
pub const SEAL_BLOCK_MM: f32 = SEAL_DIAMETER_MM + 2.0 * SEAL_MARGIN_MM;
/// Where the seal is stamped, written over the date.
pub const STAMP: &str = "（盖章）";
/// A handwritten date: room for the year, month and day (年　月　日).
pub const DATE_BLANK: &str = "　　　　年　　月　　日";
/// The date ends this many characters from the right edge (GB/T 9704: 右空四字).
pub const DATE_RIGHT_CHARS: f32 = 4.0;
/// Between the ends of a period (2006.09—2010.07); a period that wraps breaks after it.
pub const PERIOD_DASH: char = '—';
/// Where an e-mail or web address may break when a line cannot hold it: after these only (a
/// break at its hyphen would read as part of the address).
pub const ADDRESS_BREAKS: [char; 3] = ['@', '.', '/'];
/// The room for a signature, in full-width characters.
pub const SIGNATURE_CHARS: usize = 8;

// The cover, in pt and mm from the top of the page.
pub const TITLE_PT: f32 = 22.0;
pub const SUBTITLE_PT: f32 = 26.0;
pub const TITLE_CENTRE_MM: f32 = 75.0;
pub const SUBTITLE_CENTRE_MM: f32 = 100.0;
pub const COVER_LINE_PT: f32 = 16.0;
pub const COVER_LINES_CENTRE_MM: f32 = 165.0;
pub const COVER_LINE_PITCH_MM: f32 = 16.0;
pub const COVER_RULE_MM: f32 = 85.0;

// The 填表说明, the pages after the table, the footer.
pub const INSTRUCTIONS_TITLE_PT: f32 = 16.0;
pub const INSTRUCTIONS_PT: f32 = 12.0;
/// The heading of an evidence page.
pub const HEADING_PT: f32 = 12.0;
/// The heading of a separate text (事迹材料).
pub const TEXT_HEADING_PT: f32 = 16.0;
pub const CAPTION_PT: f32 = 9.0;
pub const FOOTER_PT: f32 = 9.0;

/// The em size in mm of a font size in points.
pub fn size_mm(size_pt: f32) -> f32 {
    size_pt * MM_PER_PT
}

/// The distance between two lines' baselines at a font size.
pub fn line_height_mm(size_pt: f32) -> f32 {
    size_mm(size_pt) * LINE_PITCH
}

/// Whether a value is an e-mail address or a web address: one word, broken only after
/// `ADDRESS_BREAKS`.
pub fn is_address(text: &str) -> bool {
    !text.contains(char::is_whitespace)
        && (text.contains('@') || text.contains("://") || text.starts_with("www."))
}

/// An address in the parts that may end a line (gaosuining@, example., com).
pub fn address_parts(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(ADDRESS_BREAKS)
}

/// How a short value is set in its cell: on one line at the body size, on one line shrunk (in
/// quarter points, never below the layout's floor), or wrapped at the body size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fit {
    Natural,
    Shrunk(f32),
    Wrapped,
}

impl Fit {
    /// The size of the text set this way.
    pub fn size_pt(self, body_pt: f32) -> f32 {
        match self {
            Fit::Shrunk(size_pt) => size_pt,
            Fit::Natural | Fit::Wrapped => body_pt,
        }
    }
}

/// One decision for values that belong together (a column of the 学习工作经历 rows), from
/// their natural widths at the body size (`None` for a value that must wrap: it holds a line
/// break): all at the body size when all fit, else all shrunk to the size the widest needs when
/// that is not below `min_pt`, else all wrapped at the body size. One value is a column of one.
pub fn fit_column(
    naturals: impl IntoIterator<Item = Option<f32>>,
    room_mm: f32,
    body_pt: f32,
    min_pt: f32,
) -> Fit {
    let mut widest: f32 = 0.0;
    for natural in naturals {
        match natural {
            Some(width) => widest = widest.max(width),
            None => return Fit::Wrapped,
        }
    }
    if widest <= room_mm + 0.01 {
        return Fit::Natural;
    }
    // Quarter points, so the size is a round figure.
    let shrunk = (body_pt * room_mm / widest * 4.0).floor() / 4.0;
    if shrunk >= min_pt {
        Fit::Shrunk(shrunk)
    } else {
        Fit::Wrapped
    }
}

impl RowGroup {
    /// The grid columns of a repeated group's one-line values, each with its width and the
    /// texts of every row in it: what the outputs need to set one size per column. Empty for
    /// other groups.
    pub fn value_columns(&self) -> Vec<(usize, f32, Vec<&str>)> {
        if !matches!(self.kind, GroupKind::Repeated { .. }) {
            return Vec::new();
        }
        let values = || {
            (self.rows.iter().flat_map(|row| &row.cells)).filter_map(|cell| match &cell.value {
                CellValue::Value(text) => Some((cell, text.as_str())),
                _ => None,
            })
        };
        let mut columns: Vec<(usize, f32)> = values()
            .map(|(cell, _)| (cell.column, cell.width_mm))
            .collect();
        columns.sort_by_key(|(column, _)| *column);
        columns.dedup_by_key(|(column, _)| *column);
        (columns.into_iter())
            .map(|(column, width)| {
                let texts = values()
                    .filter(|(cell, _)| cell.column == column)
                    .map(|(_, text)| text)
                    .collect();
                (column, width, texts)
            })
            .collect()
    }
}

#[cfg(test)]
mod fit_tests {
    use super::*;

    #[test]
    fn a_column_takes_one_decision() {
        // All fit: the body size.
        assert_eq!(
            fit_column([Some(10.0), Some(20.0)], 30.0, 10.5, 9.0),
            Fit::Natural
        );
        // The widest shrinks within the floor: every row at that size.
        assert_eq!(
            fit_column([Some(10.0), Some(33.0)], 30.0, 10.5, 9.0),
            Fit::Shrunk(9.5)
        );
        // One needs more than the floor allows: every row wraps at the body size, none shrinks.
        assert_eq!(
            fit_column([Some(32.0), Some(50.0)], 30.0, 10.5, 9.0),
            Fit::Wrapped
        );
        assert_eq!(fit_column([Some(5.0), None], 30.0, 10.5, 9.0), Fit::Wrapped);
        assert_eq!(Fit::Shrunk(9.5).size_pt(10.5), 9.5);
        assert_eq!(Fit::Wrapped.size_pt(10.5), 10.5);
    }
}
