//! A small TrueType font holding only the glyphs of the characters one PDF prints, cut from the
//! font read in place (`sfnt`). printpdf then subsets and embeds this small font: its own
//! subsetter walks every glyph and every cmap entry of the font it is given, which for the
//! 33,000-glyph CJK font cost more than the rest of writing a PDF. The outlines, advances, name,
//! OS/2 and header values are copied unchanged, so the PDF shows exactly the same glyphs.

use std::collections::BTreeSet;

use super::sfnt::{Sfnt, be_u16};

/// Composite glyph flags (OpenType `glyf`): how long each component record is.
const ARGS_ARE_WORDS: u16 = 0x0001;
const HAS_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const HAS_X_AND_Y_SCALE: u16 = 0x0040;
const HAS_TWO_BY_TWO: u16 = 0x0080;

/// The font cut down to the glyphs of `chars` (and glyph 0), with a cmap for them.
pub fn subset(font: &Sfnt, chars: &BTreeSet<char>) -> Result<Vec<u8>, String> {
    let mapped: Vec<(char, u16)> = (chars.iter())
        .map(|&c| (c, font.glyph(c)))
        .filter(|&(_, glyph)| glyph != 0)
        .collect();
    let old_ids = with_components(font, mapped.iter().map(|&(_, glyph)| glyph));
    let new_id = |old: u16| old_ids.binary_search(&old).ok().map(|i| i as u16);
    let count = u16::try_from(old_ids.len()).map_err(|_| "字形太多，无法生成子集".to_owned())?;

    let (glyf, loca) = glyf_and_loca(font, &old_ids, &new_id)?;
    let mut hmtx = Vec::with_capacity(4 * old_ids.len());
    for &old in &old_ids {
        let (advance, bearing) = font.h_metrics(old);
        hmtx.extend(advance.to_be_bytes());
        hmtx.extend(bearing.to_be_bytes());
    }
    let copy = |tag: &[u8; 4]| font.table_bytes(tag).map(<[u8]>::to_vec);
    let missing = || "字体缺少必需的表".to_owned();
    let mut head = copy(b"head").ok_or_else(missing)?;
    put_u32(&mut head, 8, 0); // checkSumAdjustment, set once the whole file is known
    put_u16(&mut head, 50, 1); // long loca offsets
    let mut hhea = copy(b"hhea").ok_or_else(missing)?;
    put_u16(&mut hhea, 34, count);
    let mut maxp = copy(b"maxp").ok_or_else(missing)?;
    put_u16(&mut maxp, 4, count);
    let mapped_new: Vec<(u32, u16)> = (mapped.iter())
        .filter_map(|&(c, old)| Some((u32::from(c), new_id(old)?)))
        .collect();

    let mut tables: Vec<([u8; 4], Vec<u8>)> = vec![
        (*b"cmap", cmap(&mapped_new)),
        (*b"glyf", glyf),
        (*b"head", head),
        (*b"hhea", hhea),
        (*b"hmtx", hmtx),
        (*b"loca", loca),
        (*b"maxp", maxp),
    ];
    for tag in [b"OS/2", b"name", b"cvt ", b"fpgm", b"prep"] {
        if let Some(bytes) = copy(tag) {
            tables.push((*tag, bytes));
        }
    }
    // post version 3: no glyph names, which would have to be renumbered.
    if let Some(mut post) = font
        .table_bytes(b"post")
        .and_then(|p| p.get(..32))
        .map(<[u8]>::to_vec)
    {
        put_u32(&mut post, 0, 0x0003_0000);
        tables.push((*b"post", post));
    }
    tables.sort_by_key(|(tag, _)| *tag);
    Ok(assemble(&tables))
}

/// Glyph 0, the glyphs asked for and the components of composite glyphs, in ascending order
/// (a glyph's new id is its position here).
fn with_components(font: &Sfnt, glyphs: impl Iterator<Item = u16>) -> Vec<u16> {
    let mut kept: BTreeSet<u16> = std::iter::once(0).chain(glyphs).collect();
    let mut queue: Vec<u16> = kept.iter().copied().collect();
    while let Some(glyph) = queue.pop() {
        let Some(outline) = font.glyph_bytes(glyph) else {
            continue;
        };
        for (_, component) in components(outline) {
            if component < font.num_glyphs && kept.insert(component) {
                queue.push(component);
            }
        }
    }
    kept.into_iter().collect()
}

/// The component glyph ids of a composite outline, each with the offset of its id field.
fn components(outline: &[u8]) -> Vec<(usize, u16)> {
    let mut found = Vec::new();
    let is_composite = be_u16(outline, 0).is_some_and(|contours| (contours as i16) < 0);
    if !is_composite {
        return found;
    }
    let mut at = 10;
    while let (Some(flags), Some(glyph)) = (be_u16(outline, at), be_u16(outline, at + 2)) {
        found.push((at + 2, glyph));
        at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & HAS_SCALE != 0 {
            2
        } else if flags & HAS_X_AND_Y_SCALE != 0 {
            4
        } else if flags & HAS_TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
    found
}

/// The outlines in their new order (composites pointing at their components' new ids), and
/// their long offsets.
fn glyf_and_loca(
    font: &Sfnt,
    old_ids: &[u16],
    new_id: &dyn Fn(u16) -> Option<u16>,
) -> Result<(Vec<u8>, Vec<u8>), String> {
    let mut glyf = Vec::new();
    let mut loca = Vec::with_capacity(4 * (old_ids.len() + 1));
    for &old in old_ids {
        loca.extend((glyf.len() as u32).to_be_bytes());
        let outline = font.glyph_bytes(old).ok_or("字体的字形表已损坏")?;
        let start = glyf.len();
        glyf.extend_from_slice(outline);
        for (at, component) in components(outline) {
            let renumbered = new_id(component).ok_or("字体的组合字形已损坏")?;
            put_u16(&mut glyf, start + at, renumbered);
        }
        glyf.resize(glyf.len().next_multiple_of(4), 0);
    }
    loca.extend((glyf.len() as u32).to_be_bytes());
    Ok((glyf, loca))
}

/// A cmap with a format 4 subtable (Windows BMP) and a format 12 one (full Unicode), as
/// the original font has; consecutive characters with consecutive glyphs share a range.
fn cmap(mapped: &[(u32, u16)]) -> Vec<u8> {
    let bmp: Vec<(u16, u16, u16)> = ranges(mapped.iter().filter(|&&(c, _)| c < 0xFFFF))
        .into_iter()
        .filter_map(|(start, end, glyph)| {
            Some((u16::try_from(start).ok()?, u16::try_from(end).ok()?, glyph))
        })
        .collect();
    let ranges = ranges(mapped.iter());
    let format4 = format4(&bmp);
    let format12 = format12(&ranges);
    let mut table = Vec::new();
    table.extend(0u16.to_be_bytes()); // version
    let subtables: Vec<(u16, u16, &[u8])> = match &format4 {
        Some(format4) => vec![(3, 1, format4), (3, 10, &format12)],
        None => vec![(3, 10, &format12)],
    };
    table.extend((subtables.len() as u16).to_be_bytes());
    let mut offset = 4 + 8 * subtables.len();
    for (platform, encoding, bytes) in &subtables {
        table.extend(platform.to_be_bytes());
        table.extend(encoding.to_be_bytes());
        table.extend((offset as u32).to_be_bytes());
        offset += bytes.len();
    }
    for (_, _, bytes) in &subtables {
        table.extend_from_slice(bytes);
    }
    table
}

/// Runs of consecutive characters drawn by consecutive glyphs: (first, last, first glyph).
fn ranges<'a>(mapped: impl Iterator<Item = &'a (u32, u16)>) -> Vec<(u32, u32, u16)> {
    let mut ranges: Vec<(u32, u32, u16)> = Vec::new();
    for &(c, glyph) in mapped {
        match ranges.last_mut() {
            Some((start, end, first))
                if *end + 1 == c && u32::from(*first) + (c - *start) == u32::from(glyph) =>
            {
                *end = c;
            }
            _ => ranges.push((c, c, glyph)),
        }
    }
    ranges
}

/// `None` when the BMP ranges do not fit the format's 16-bit length (thousands of scattered
/// characters): format 12 alone then maps everything.
fn format4(ranges: &[(u16, u16, u16)]) -> Option<Vec<u8>> {
    let segments = ranges.len() + 1; // and the closing 0xFFFF segment
    let length = u16::try_from(16 + 8 * segments).ok()?;
    let power = 1usize << (usize::BITS - 1 - segments.leading_zeros());
    let mut table = Vec::with_capacity(usize::from(length));
    for value in [4, length, 0, (2 * segments) as u16, (2 * power) as u16] {
        table.extend(value.to_be_bytes());
    }
    let selector = power.trailing_zeros() as u16;
    table.extend(selector.to_be_bytes());
    table.extend(((2 * segments - 2 * power) as u16).to_be_bytes());
    let ends = ranges.iter().map(|r| r.1).chain([0xFFFF]);
    table.extend(ends.flat_map(u16::to_be_bytes));
    table.extend(0u16.to_be_bytes()); // reservedPad
    let starts = ranges.iter().map(|r| r.0).chain([0xFFFF]);
    table.extend(starts.flat_map(u16::to_be_bytes));
    let deltas = (ranges
        .iter()
        .map(|&(start, _, glyph)| glyph.wrapping_sub(start)))
    .chain([1]);
    table.extend(deltas.flat_map(u16::to_be_bytes));
    table.extend(std::iter::repeat_n(0u8, 2 * segments)); // no idRangeOffsets
    Some(table)
}

fn format12(ranges: &[(u32, u32, u16)]) -> Vec<u8> {
    let mut table = Vec::with_capacity(16 + 12 * ranges.len());
    table.extend(12u16.to_be_bytes());
    table.extend(0u16.to_be_bytes());
    table.extend(((16 + 12 * ranges.len()) as u32).to_be_bytes());
    table.extend(0u32.to_be_bytes()); // language
    table.extend((ranges.len() as u32).to_be_bytes());
    for &(start, end, glyph) in ranges {
        for value in [start, end, u32::from(glyph)] {
            table.extend(value.to_be_bytes());
        }
    }
    table
}

/// The font file: the table directory (tags sorted), each table padded to four bytes, and the
/// head table's whole-file checksum adjustment.
fn assemble(tables: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let count = tables.len();
    let power = 1usize << (usize::BITS - 1 - count.max(1).leading_zeros());
    let mut font = Vec::new();
    font.extend(0x0001_0000u32.to_be_bytes());
    for value in [
        count,
        16 * power,
        power.trailing_zeros() as usize,
        16 * (count - power),
    ] {
        font.extend((value as u16).to_be_bytes());
    }
    let mut offset = 12 + 16 * count;
    for (tag, bytes) in tables {
        font.extend_from_slice(tag);
        font.extend(checksum(bytes).to_be_bytes());
        font.extend((offset as u32).to_be_bytes());
        font.extend((bytes.len() as u32).to_be_bytes());
        offset += bytes.len().next_multiple_of(4);
    }
    let mut head_at = None;
    for (tag, bytes) in tables {
        if tag == b"head" {
            head_at = Some(font.len());
        }
        font.extend_from_slice(bytes);
        font.resize(font.len().next_multiple_of(4), 0);
    }
    if let Some(head_at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&font));
        put_u32(&mut font, head_at + 8, adjustment);
    }
    font
}

/// The sum of the big-endian 32-bit words (the last one padded with zeros).
fn checksum(bytes: &[u8]) -> u32 {
    bytes.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn put_u16(bytes: &mut [u8], at: usize, value: u16) {
    if let Some(slot) = bytes.get_mut(at..at + 2) {
        slot.copy_from_slice(&value.to_be_bytes());
    }
}

fn put_u32(bytes: &mut [u8], at: usize, value: u32) {
    if let Some(slot) = bytes.get_mut(at..at + 4) {
        slot.copy_from_slice(&value.to_be_bytes());
    }
}

#[cfg(test)]
mod tests;
