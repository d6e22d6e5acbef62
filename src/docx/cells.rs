//! The content of one table cell as Word paragraphs, from the print model's value: labels,
//! answers as printed, ☑/☐ boxes, the photo, the declaration with its signature blank, and a
//! unit's opinion with room for its seal, placed as the PDF places them.

use docx_rs::{AlignmentType, Paragraph, VAlignType};

use super::DocxInput;
use super::images::{fit_width, picture};
use super::runs::{
    self, RunStyle, exact_pitch, line, paragraph, run, text_paragraphs, vertical, width_em,
};
use crate::form::printed::{
    CellValue, DATE_BLANK, DATE_RIGHT_CHARS, Fit, PADDING_MM, PERIOD_DASH, SEAL_BLOCK_MM,
    SEAL_DIAMETER_MM, SIGNATURE_CHARS, STAMP, address_parts, fit_column, is_address,
};

/// Space between two checkbox options, in em (two full-width spaces).
const OPTION_GAP_EM: f32 = 2.0;

/// A cell's paragraphs and where they sit in it.
pub struct Content {
    pub paragraphs: Vec<Paragraph>,
    pub valign: VAlignType,
}

impl Content {
    fn middle(paragraphs: Vec<Paragraph>) -> Self {
        Content {
            paragraphs,
            valign: VAlignType::Center,
        }
    }

    fn top(paragraphs: Vec<Paragraph>) -> Self {
        Content {
            paragraphs,
            valign: VAlignType::Top,
        }
    }
}

/// The content of a cell `width_mm` wide; a short answer is set as `fit` says when its column
/// decided (the 学习工作经历 rows), else as it fits alone.
pub fn content(value: &CellValue, width_mm: f32, fit: Option<Fit>, context: &DocxInput) -> Content {
    let body = context.body();
    let centred = |text: &str| {
        let fit = fit.unwrap_or_else(|| value_fit([text], width_mm, context));
        fitted(text, fit, width_mm, context)
    };
    match value {
        CellValue::Label {
            text,
            vertical: true,
        } => Content::middle(vertical(text, body)),
        CellValue::Label { text, .. } => Content::middle(
            text.lines()
                .map(|l| line(l.trim(), body, AlignmentType::Center))
                .collect(),
        ),
        CellValue::Value(value) => Content::middle(centred(value)),
        CellValue::Paragraphs { heading, text } => {
            let heading = heading.iter().map(|h| line(h, body, AlignmentType::Both));
            Content::top(heading.chain(text_paragraphs(text, body)).collect())
        }
        CellValue::Checkboxes(options) => Content::middle(checkboxes(options, width_mm, context)),
        CellValue::Photo {
            file,
            width_mm: photo_width,
            height_mm: photo_height,
        } => {
            let size = (*photo_width, *photo_height);
            Content::middle(photo(file.as_deref(), size, width_mm, context))
        }
        CellValue::Statement { text, signature } => Content::top(statement(text, signature, body)),
        CellValue::Opinion { text } => Content::top(opinion(text, body)),
    }
}

/// How short answers fit cells `width_mm` wide, one decision for all of them (see
/// `fit_column`), from the cautious width estimate: on one line at the body size, shrunk within
/// the layout's floor, or wrapped at the body size, as the PDF fits values.
pub fn value_fit<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    width_mm: f32,
    context: &DocxInput,
) -> Fit {
    let body = context.body();
    let naturals = (texts.into_iter())
        .map(|text| (!text.contains('\n')).then(|| body.chars_mm(width_em(text))));
    let room = width_mm - 2.0 * PADDING_MM;
    fit_column(
        naturals,
        room,
        body.size_pt,
        context.form.page.min_font_size_pt,
    )
}

/// A short answer centred in its cell, a paragraph per line, at the size its fit says; a
/// period that wraps breaks after its dash (2021.01— / 至今), as in the PDF, not where Word
/// would (2021.01—至 / 今).
fn fitted(text: &str, fit: Fit, width_mm: f32, context: &DocxInput) -> Vec<Paragraph> {
    let style = RunStyle::plain(fit.size_pt(context.body().size_pt));
    let room_em = (width_mm - 2.0 * PADDING_MM) / style.chars_mm(1.0);
    let ends = (text.split_once(PERIOD_DASH))
        .map(|(start, end)| (format!("{}{PERIOD_DASH}", start.trim()), end.trim()))
        .filter(|(start, end)| {
            fit == Fit::Wrapped
                && !text.contains('\n')
                && !end.is_empty()
                && width_em(start) <= room_em
                && width_em(end) <= room_em
        });
    if let Some((start, end)) = ends {
        return vec![
            line(&start, style, AlignmentType::Center),
            line(end, style, AlignmentType::Center),
        ];
    }
    if fit == Fit::Wrapped && is_address(text) {
        return address_lines(text, room_em)
            .iter()
            .map(|text| line(text, style, AlignmentType::Center))
            .collect();
    }
    text.lines()
        .map(str::trim)
        .map(|text| line(text, style, AlignmentType::Center))
        .collect()
}

/// An address that wraps, in lines broken after @ . / (gaosuining@ / example.com) as the PDF
/// breaks it; a part wider than a line is left for Word to break.
fn address_lines(text: &str, room_em: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in address_parts(text) {
        match lines.last_mut() {
            Some(line) if width_em(&format!("{line}{part}")) <= room_em => line.push_str(part),
            _ => lines.push(part.to_owned()),
        }
    }
    lines
}

/// Every option of the field, ☑ before the chosen ones, ☐ before the others; options go on
/// lines of their own as they fit, so Word never splits one across two lines.
fn checkboxes(options: &[(String, bool)], width_mm: f32, context: &DocxInput) -> Vec<Paragraph> {
    let body = context.body();
    let room_em = (width_mm - 2.0 * PADDING_MM) / body.chars_mm(1.0);
    let mut lines: Vec<Vec<(&String, bool)>> = vec![Vec::new()];
    let mut used = 0.0;
    for (option, checked) in options {
        // The box, a space, the option; two full-width spaces before the next one.
        let item = 1.5 + width_em(option);
        if used > 0.0 && used + OPTION_GAP_EM + item > room_em {
            lines.push(Vec::new());
            used = 0.0;
        }
        if let Some(line) = lines.last_mut() {
            if used > 0.0 {
                used += OPTION_GAP_EM;
            }
            line.push((option, *checked));
            used += item;
        }
    }
    lines
        .into_iter()
        .filter(|line| !line.is_empty())
        .map(|options| {
            let mut paragraph = paragraph(body, AlignmentType::Left);
            for (index, (option, checked)) in options.into_iter().enumerate() {
                if index > 0 {
                    paragraph = paragraph.add_run(run("　　", body));
                }
                paragraph = paragraph
                    .add_run(runs::checkbox(checked, body))
                    .add_run(run(" ", body))
                    .add_run(run(option, body));
            }
            paragraph
        })
        .collect()
}

/// The ID photo at the campaign's printed size (smaller only if the cell is narrower), or the
/// word 照片 where it goes.
fn photo(
    file: Option<&str>,
    (photo_width, photo_height): (f32, f32),
    width_mm: f32,
    context: &DocxInput,
) -> Vec<Paragraph> {
    let Some(prepared) = file.and_then(|file| context.images.get(file)) else {
        return vertical("照片", context.body());
    };
    let (width, height) = fit_width(photo_width, photo_height, width_mm - 2.0 * PADDING_MM);
    // No exact line pitch here: it would clip the picture to one line.
    vec![
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(picture(prepared, width, height, &context.pictures)),
    ]
}

/// A right-aligned line ending `right_chars` characters from the cell's right edge.
fn right(style: RunStyle, right_chars: f32) -> Paragraph {
    paragraph(style, AlignmentType::Right).indent(
        None,
        None,
        Some(style.chars_twips(right_chars)),
        None,
    )
}

/// The declaration, then a line for the candidate's signature and the date blank.
fn statement(text: &str, label: &str, body: RunStyle) -> Vec<Paragraph> {
    // Underscores, not underlined spaces: Word does not underline spaces ending a line.
    let blank = "_".repeat(2 * SIGNATURE_CHARS);
    let mut paragraphs = text_paragraphs(text, body);
    paragraphs.push(paragraph(body, AlignmentType::Left));
    paragraphs.push(
        right(body, 2.0)
            .add_run(run(&format!("{label}："), body))
            .add_run(run(&blank, body)),
    );
    paragraphs.push(right(body, DATE_RIGHT_CHARS).add_run(run(DATE_BLANK, body)));
    paragraphs
}

/// A unit's opinion, then （盖章） over the date blank with room for the seal, placed as the PDF
/// places them: the seal's upper part above （盖章）,
/// （盖章） centred over the date, the date right-aligned four characters from the edge.
fn opinion(text: &str, body: RunStyle) -> Vec<Paragraph> {
    let pitch = body.pitch_mm();
    let margin = (SEAL_BLOCK_MM - SEAL_DIAMETER_MM) / 2.0;
    let stamp_centre = margin + 1.25 * SEAL_DIAMETER_MM / 2.0;
    let date_gap = 0.3 * pitch;
    let after = SEAL_BLOCK_MM - (stamp_centre + 1.3 * pitch + pitch / 2.0);
    // Centred over the date: half the difference of their lengths further from the edge.
    let date_chars = DATE_BLANK.chars().count() as f32;
    let stamp_chars = STAMP.chars().count() as f32;
    let stamp_right = DATE_RIGHT_CHARS + (date_chars - stamp_chars) / 2.0;
    let mut paragraphs = text_paragraphs(text, body);
    paragraphs.push(
        right(body, stamp_right)
            .line_spacing(exact_pitch(body, stamp_centre - pitch / 2.0, 0.0))
            .add_run(run(STAMP, body)),
    );
    paragraphs.push(
        right(body, DATE_RIGHT_CHARS)
            .line_spacing(exact_pitch(body, date_gap, after))
            .add_run(run(DATE_BLANK, body)),
    );
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_wraps_after_at_or_a_dot() {
        assert_eq!(
            address_lines("gaosuining@example.com", 8.0),
            ["gaosuining@", "example.com"]
        );
        assert_eq!(
            address_lines("gaosuining@agri-science.example.com", 8.0),
            ["gaosuining@", "agri-science.", "example.com"]
        );
    }
}
