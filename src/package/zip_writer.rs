//! The one zip writer of the zips people open themselves (the submission package, 姓名-推荐材料.zip):
//! entry names stored as `zip_entry_name` decides, so Windows Explorer on a Chinese PC reads them.
//!
//! Written here rather than with the `zip` crate's writer because that one always stores a name
//! as UTF-8 and sets the UTF-8 flag for any non-ASCII name (`ZipFileData::flags`), with no way to
//! give the name field's bytes. The format written is the plain subset every reader knows: each
//! entry whole (CRC and sizes in the local header, no data descriptor), stored or deflated,
//! Zip64 records only when the archive passes 4 GiB or 65 535 entries.

use std::io::{self, Write};

use flate2::write::DeflateEncoder;

use super::zip_entry_name::{EntryName, UTF8_FLAG, entry_name};

/// How an entry's bytes are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// As they are: JPEG photos, which do not shrink.
    Stored,
    Deflated,
}

impl Compression {
    fn method(self) -> u16 {
        match self {
            Self::Stored => 0,
            Self::Deflated => 8,
        }
    }
}

/// Version 2.0 (deflate), the version every reader handles.
const VERSION_NEEDED: u16 = 20;
/// Version 4.5: Zip64 records.
const VERSION_NEEDED_ZIP64: u16 = 45;
/// Version 6.3 (the UTF-8 flag), made by MS-DOS/FAT (high byte 0): a name without the UTF-8
/// flag is then in the OEM code page, which is how readers that look at the host system take it.
const VERSION_MADE_BY: u16 = 63;
/// Version 6.3 made by Unix, for names with the UTF-8 flag: Debian's unzip decodes a FAT-made
/// name from the OEM code page even when the flag is set (measured: `乗.jpg` came out garbled),
/// and this is what the `zip` crate wrote for every entry before.
const VERSION_MADE_BY_UNIX: u16 = (3 << 8) | 63;
/// `-rw-r--r--`, regular file, in the high half of the external attributes (Unix-made only).
const UNIX_FILE_ATTRIBUTES: u32 = 0o100644 << 16;
/// 1980-01-01 00:00 in MS-DOS form, the date the app's zips have always carried (no clock is
/// read, so the same files give the same zip).
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;
/// A 32-bit field that says "see the Zip64 record".
const ZIP64_MARK: u32 = u32::MAX;
const ZIP64_EXTRA_ID: u16 = 0x0001;

/// One entry's facts for the central directory.
struct Written {
    name: EntryName,
    method: u16,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u64,
}

/// Writes entries one after the other to `out`, then the central directory in `finish`.
pub struct ZipWriter<W: Write> {
    out: W,
    position: u64,
    entries: Vec<Written>,
}

impl<W: Write> ZipWriter<W> {
    pub fn new(out: W) -> Self {
        Self {
            out,
            position: 0,
            entries: Vec::new(),
        }
    }

    /// Adds one file. Entries are files read whole into memory (a photo, a PDF): one of 4 GiB or
    /// more is refused rather than written in a form fewer readers know.
    pub fn add(&mut self, name: &str, bytes: &[u8], compression: Compression) -> io::Result<()> {
        let name = entry_name(name);
        let mut crc = flate2::Crc::new();
        crc.update(bytes);
        let deflated;
        let data = match compression {
            Compression::Stored => bytes,
            Compression::Deflated => {
                let mut encoder = DeflateEncoder::new(Vec::new(), flate2::Compression::default());
                encoder.write_all(bytes)?;
                deflated = encoder.finish()?;
                &deflated[..]
            }
        };
        let too_large = || io::Error::new(io::ErrorKind::InvalidInput, "单个文件不能超过4GB");
        let size = u32::try_from(bytes.len())
            .ok()
            .filter(|s| *s != ZIP64_MARK)
            .ok_or_else(too_large)?;
        let compressed = u32::try_from(data.len())
            .ok()
            .filter(|s| *s != ZIP64_MARK)
            .ok_or_else(too_large)?;
        let entry = Written {
            method: compression.method(),
            crc: crc.sum(),
            compressed,
            size,
            offset: self.position,
            name,
        };
        let mut header = Vec::with_capacity(30 + entry.name.field.len() + entry.name.extra.len());
        put32(&mut header, 0x0403_4b50);
        put16(&mut header, VERSION_NEEDED);
        common_fields(&mut header, &entry);
        put16(&mut header, field_len(entry.name.field.len())?);
        put16(&mut header, field_len(entry.name.extra.len())?);
        header.extend_from_slice(&entry.name.field);
        header.extend_from_slice(&entry.name.extra);
        self.write(&header)?;
        self.write(data)?;
        self.entries.push(entry);
        Ok(())
    }

    /// Writes the central directory and gives the output back.
    pub fn finish(mut self) -> io::Result<W> {
        let start = self.position;
        let mut directory = Vec::new();
        for entry in &self.entries {
            central_header(&mut directory, entry)?;
        }
        self.write(&directory)?;
        let size = self.position - start;
        let count = self.entries.len() as u64;
        let small = |value: u64, limit: u64| (value < limit).then_some(value);
        let count16 = small(count, 0xFFFF).map(|c| c as u16);
        let start32 = small(start, ZIP64_MARK as u64).map(|s| s as u32);
        let size32 = small(size, ZIP64_MARK as u64).map(|s| s as u32);
        let mut end = Vec::new();
        if count16.is_none() || start32.is_none() || size32.is_none() {
            zip64_end(&mut end, self.position, count, size, start);
        }
        put32(&mut end, 0x0605_4b50);
        put32(&mut end, 0); // this disk, the disk where the directory starts
        put16(&mut end, count16.unwrap_or(0xFFFF));
        put16(&mut end, count16.unwrap_or(0xFFFF));
        put32(&mut end, size32.unwrap_or(ZIP64_MARK));
        put32(&mut end, start32.unwrap_or(ZIP64_MARK));
        put16(&mut end, 0); // no archive comment
        self.write(&end)?;
        self.out.flush()?;
        Ok(self.out)
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)?;
        self.position += bytes.len() as u64;
        Ok(())
    }
}

/// The fields the local header and the central directory share, from the flags to the sizes.
fn common_fields(out: &mut Vec<u8>, entry: &Written) {
    put16(out, entry.name.flags);
    put16(out, entry.method);
    put16(out, DOS_TIME);
    put16(out, DOS_DATE);
    put32(out, entry.crc);
    put32(out, entry.compressed);
    put32(out, entry.size);
}

fn central_header(out: &mut Vec<u8>, entry: &Written) -> io::Result<()> {
    let offset32 = u32::try_from(entry.offset)
        .ok()
        .filter(|o| *o != ZIP64_MARK);
    let mut extra = entry.name.extra.clone();
    if offset32.is_none() {
        // Only the offset can be past 4 GiB (`add` refuses larger entries).
        put16(&mut extra, ZIP64_EXTRA_ID);
        put16(&mut extra, 8);
        extra.extend_from_slice(&entry.offset.to_le_bytes());
    }
    let unix_made = entry.name.flags & UTF8_FLAG != 0;
    put32(out, 0x0201_4b50);
    put16(
        out,
        if unix_made {
            VERSION_MADE_BY_UNIX
        } else {
            VERSION_MADE_BY
        },
    );
    let needed = if offset32.is_some() {
        VERSION_NEEDED
    } else {
        VERSION_NEEDED_ZIP64
    };
    put16(out, needed);
    common_fields(out, entry);
    put16(out, field_len(entry.name.field.len())?);
    put16(out, field_len(extra.len())?);
    put16(out, 0); // no comment
    put16(out, 0); // disk number start
    put16(out, 0); // internal attributes
    put32(out, if unix_made { UNIX_FILE_ATTRIBUTES } else { 0 });
    put32(out, offset32.unwrap_or(ZIP64_MARK));
    out.extend_from_slice(&entry.name.field);
    out.extend_from_slice(&extra);
    Ok(())
}

/// The Zip64 end of central directory record and its locator (APPNOTE 4.3.14, 4.3.15).
fn zip64_end(out: &mut Vec<u8>, record_offset: u64, count: u64, size: u64, start: u64) {
    put32(out, 0x0606_4b50);
    out.extend_from_slice(&44u64.to_le_bytes()); // the record's size after this field
    put16(out, VERSION_MADE_BY);
    put16(out, VERSION_NEEDED_ZIP64);
    put32(out, 0); // this disk
    put32(out, 0); // the disk where the directory starts
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    put32(out, 0x0706_4b50);
    put32(out, 0); // the disk of the Zip64 record
    out.extend_from_slice(&record_offset.to_le_bytes());
    put32(out, 1); // disks in all
}

fn field_len(len: usize) -> io::Result<u16> {
    u16::try_from(len)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "压缩包内的文件名过长"))
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}
