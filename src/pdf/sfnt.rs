//! The TrueType font file read in place: the table directory, character → glyph lookups in its
//! `cmap`, advances from `hmtx`, the vertical metrics and each glyph's outline bytes. Nothing
//! is decoded ahead of use, so opening the 14 MB font costs microseconds instead of the tens of
//! milliseconds a full parse takes at every start of the program.

use std::ops::Range;

/// A TrueType (`glyf` outlines) font, borrowed.
pub struct Sfnt<'a> {
    data: &'a [u8],
    tables: Vec<([u8; 4], Range<usize>)>,
    cmap: Cmap,
    pub num_glyphs: u16,
    num_h_metrics: u16,
    pub units_per_em: u16,
    pub ascender: i16,
    pub descender: i16,
    long_loca: bool,
}

/// The cmap subtable used for lookups, by its offset in the file.
#[derive(Clone, Copy)]
enum Cmap {
    /// Segmented coverage: every code point, the supplementary planes included.
    Format12 { groups: usize, count: usize },
    /// Segment mapping to delta values: the Basic Multilingual Plane only.
    Format4 { at: usize, segments: usize },
}

impl<'a> Sfnt<'a> {
    /// Reads the table directory; `Err` says in Chinese what is wrong with the file.
    pub fn open(data: &'a [u8]) -> Result<Sfnt<'a>, String> {
        let version = be_u32(data, 0).ok_or("字体文件不完整")?;
        if version != 0x0001_0000 && version != u32::from_be_bytes(*b"true") {
            return Err("不是 TrueType 字体（需要 glyf 轮廓）".to_owned());
        }
        let count = usize::from(be_u16(data, 4).ok_or("字体文件不完整")?);
        let mut tables = Vec::with_capacity(count);
        for index in 0..count {
            let record = 12 + 16 * index;
            let tag = data.get(record..record + 4).ok_or("字体目录不完整")?;
            let offset = be_u32(data, record + 8).ok_or("字体目录不完整")? as usize;
            let length = be_u32(data, record + 12).ok_or("字体目录不完整")? as usize;
            let range = offset..offset.checked_add(length).ok_or("字体目录无效")?;
            if range.end > data.len() {
                return Err("字体文件被截断".to_owned());
            }
            let tag: [u8; 4] = tag.try_into().map_err(|_| "字体目录无效")?;
            tables.push((tag, range));
        }
        let mut font = Sfnt {
            data,
            tables,
            cmap: Cmap::Format4 { at: 0, segments: 0 },
            num_glyphs: 0,
            num_h_metrics: 0,
            units_per_em: 0,
            ascender: 0,
            descender: 0,
            long_loca: false,
        };
        font.read_headers()
            .ok_or("字体缺少必需的表（head、hhea、maxp、hmtx、loca、glyf）")?;
        font.cmap = font
            .find_cmap()
            .ok_or("字体没有 Unicode 字符映射表（cmap）")?;
        Ok(font)
    }

    fn read_headers(&mut self) -> Option<()> {
        let head = self.table(b"head")?.start;
        let hhea = self.table(b"hhea")?.start;
        let maxp = self.table(b"maxp")?.start;
        self.table(b"hmtx")?;
        self.table(b"loca")?;
        self.table(b"glyf")?;
        self.units_per_em = be_u16(self.data, head + 18)?;
        self.long_loca = be_u16(self.data, head + 50)? == 1;
        self.ascender = be_u16(self.data, hhea + 4)? as i16;
        self.descender = be_u16(self.data, hhea + 6)? as i16;
        self.num_h_metrics = be_u16(self.data, hhea + 34)?.max(1);
        self.num_glyphs = be_u16(self.data, maxp + 4)?;
        Some(())
    }

    /// A full-Unicode subtable (format 12) where there is one, else the BMP one (format 4).
    fn find_cmap(&self) -> Option<Cmap> {
        let cmap = self.table(b"cmap")?.start;
        let count = usize::from(be_u16(self.data, cmap + 2)?);
        let mut bmp = None;
        for index in 0..count {
            let record = cmap + 4 + 8 * index;
            let platform = be_u16(self.data, record)?;
            let encoding = be_u16(self.data, record + 2)?;
            let at = cmap + be_u32(self.data, record + 4)? as usize;
            let unicode = platform == 0 || (platform == 3 && matches!(encoding, 1 | 10));
            match be_u16(self.data, at) {
                Some(12) if unicode => {
                    let count = be_u32(self.data, at + 12)? as usize;
                    self.data.get(at + 16..at + 16 + count.checked_mul(12)?)?;
                    return Some(Cmap::Format12 {
                        groups: at + 16,
                        count,
                    });
                }
                Some(4) if unicode => {
                    let segments = usize::from(be_u16(self.data, at + 6)? / 2);
                    self.data.get(at..at + 16 + 8 * segments)?;
                    bmp = Some(Cmap::Format4 { at, segments });
                }
                _ => {}
            }
        }
        bmp
    }

    /// The bytes of the table named `tag`.
    pub fn table_bytes(&self, tag: &[u8; 4]) -> Option<&'a [u8]> {
        self.data.get(self.table(tag)?)
    }

    fn table(&self, tag: &[u8; 4]) -> Option<Range<usize>> {
        let found = self.tables.iter().find(|(name, _)| name == tag);
        found.map(|(_, range)| range.clone())
    }

    /// The glyph drawing `c`; 0 (the blank fallback glyph) when the font lacks it.
    pub fn glyph(&self, c: char) -> u16 {
        let c = u32::from(c);
        match self.cmap {
            Cmap::Format12 { groups, count } => self.format12(groups, count, c),
            Cmap::Format4 { at, segments } => self.format4(at, segments, c),
        }
        .unwrap_or(0)
    }

    fn format12(&self, groups: usize, count: usize, c: u32) -> Option<u16> {
        let end_of = |index: usize| be_u32(self.data, groups + 12 * index + 4).unwrap_or(0);
        // The first group ending at or after `c` (groups are sorted and do not overlap).
        let (mut low, mut high) = (0, count);
        while low < high {
            let middle = (low + high) / 2;
            if end_of(middle) < c {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if low >= count {
            return None;
        }
        let group = groups + 12 * low;
        let start = be_u32(self.data, group)?;
        if c < start {
            return None;
        }
        let glyph = be_u32(self.data, group + 8)?.checked_add(c - start)?;
        u16::try_from(glyph).ok()
    }

    fn format4(&self, at: usize, segments: usize, c: u32) -> Option<u16> {
        let c = u16::try_from(c).ok()?;
        let ends = at + 14;
        let starts = ends + 2 * segments + 2;
        let deltas = starts + 2 * segments;
        let range_offsets = deltas + 2 * segments;
        let (mut low, mut high) = (0, segments);
        while low < high {
            let middle = (low + high) / 2;
            if be_u16(self.data, ends + 2 * middle)? < c {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if low >= segments {
            return None;
        }
        let start = be_u16(self.data, starts + 2 * low)?;
        if c < start {
            return None;
        }
        let delta = be_u16(self.data, deltas + 2 * low)?;
        let range_offset_at = range_offsets + 2 * low;
        let range_offset = usize::from(be_u16(self.data, range_offset_at)?);
        if range_offset == 0 {
            return Some(c.wrapping_add(delta));
        }
        let glyph_at = range_offset_at + range_offset + 2 * usize::from(c - start);
        let glyph = be_u16(self.data, glyph_at)?;
        (glyph != 0).then(|| glyph.wrapping_add(delta))
    }

    /// Advance width and left side bearing of `glyph` in font units.
    pub fn h_metrics(&self, glyph: u16) -> (u16, i16) {
        let Some(hmtx) = self.table(b"hmtx") else {
            return (0, 0);
        };
        let long = usize::from(self.num_h_metrics);
        let glyph = usize::from(glyph);
        let advance_at = hmtx.start + 4 * glyph.min(long - 1);
        let bearing_at = if glyph < long {
            hmtx.start + 4 * glyph + 2
        } else {
            hmtx.start + 4 * long + 2 * (glyph - long)
        };
        let advance = be_u16(self.data, advance_at).unwrap_or(0);
        let bearing = be_u16(self.data, bearing_at).unwrap_or(0) as i16;
        (advance, bearing)
    }

    /// The outline of `glyph` as stored in `glyf` (empty for a blank glyph).
    pub fn glyph_bytes(&self, glyph: u16) -> Option<&'a [u8]> {
        let loca = self.table(b"loca")?.start;
        let glyf = self.table(b"glyf")?;
        let index = usize::from(glyph);
        let (start, end) = if self.long_loca {
            let at = loca + 4 * index;
            (
                be_u32(self.data, at)? as usize,
                be_u32(self.data, at + 4)? as usize,
            )
        } else {
            let at = loca + 2 * index;
            let read = |at| be_u16(self.data, at).map(|v| 2 * usize::from(v));
            (read(at)?, read(at + 2)?)
        };
        let range = glyf.start.checked_add(start)?..glyf.start.checked_add(end)?;
        if range.start > range.end || range.end > glyf.end {
            return None;
        }
        self.data.get(range)
    }
}

pub fn be_u16(data: &[u8], at: usize) -> Option<u16> {
    let bytes = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes(bytes.try_into().ok()?))
}

pub fn be_u32(data: &[u8], at: usize) -> Option<u32> {
    let bytes = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes(bytes.try_into().ok()?))
}
