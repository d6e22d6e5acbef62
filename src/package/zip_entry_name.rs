//! How an entry's name is stored in the zips the app writes, so that the zip view of Windows
//! Explorer on a Chinese PC shows it as well as 7-Zip, WinRAR, Bandizip, unzip and this app do.
//!
//! Explorer's zip folder (before Windows 11 24H2) ignores the UTF-8 flag (general purpose bit
//! 11) and reads every name in the PC's OEM code page, 936 (GBK) on a Chinese Windows. 7-Zip
//! and WinRAR write names that way themselves when the local code page can hold them. So a name
//! is stored in GBK without the flag, and the same name in UTF-8 goes beside it in the Info-ZIP
//! Unicode Path extra field (0x7075), which 7-Zip, WinRAR, Bandizip, Info-ZIP unzip, the `zip`
//! crate (our importer) and others prefer to the name field: a PC in another locale still reads
//! the right name. A name GBK cannot hold keeps today's form: UTF-8 with the flag.

/// The Info-ZIP Unicode Path extra field's header id (APPNOTE 4.6.9).
const UNICODE_PATH_ID: u16 = 0x7075;
/// The field's version byte: 1 is the only one defined.
const UNICODE_PATH_VERSION: u8 = 1;
/// General purpose bit 11: the name (and comment) are UTF-8.
pub const UTF8_FLAG: u16 = 1 << 11;

/// An entry name as written into the local header and the central directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryName {
    /// The bytes of the name field.
    pub field: Vec<u8>,
    /// The general purpose flag bits the name asks for (0 or `UTF8_FLAG`).
    pub flags: u16,
    /// Extra field records to write after the name (the Unicode Path field, or nothing).
    pub extra: Vec<u8>,
}

/// The stored form of `name` (a `/`-separated path inside the zip).
pub fn entry_name(name: &str) -> EntryName {
    if name.is_ascii() {
        // Every reader agrees on ASCII: no flag, no extra field, as every zip tool writes it.
        return EntryName {
            field: name.as_bytes().to_vec(),
            flags: 0,
            extra: Vec::new(),
        };
    }
    match gbk_bytes(name) {
        Some(gbk) => {
            let extra = unicode_path_field(&gbk, name);
            EntryName {
                field: gbk,
                flags: 0,
                extra,
            }
        }
        None => EntryName {
            field: name.as_bytes().to_vec(),
            flags: UTF8_FLAG,
            extra: Vec::new(),
        },
    }
}

/// The name in GBK (code page 936) when it can be stored so without loss or ambiguity.
fn gbk_bytes(name: &str) -> Option<Vec<u8>> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(name);
    if unmappable {
        return None;
    }
    // A GBK trail byte can be 0x5C, the backslash: tools that turn `\` into `/` in the raw
    // name (the Shift-JIS problem, seen with GBK too) would cut such a name in two.
    if bytes.contains(&b'\\') {
        return None;
    }
    // What Explorer shows is the decoded bytes: they must give the same name back.
    let decoded = encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(&bytes)?;
    (decoded == name).then(|| bytes.into_owned())
}

/// The Info-ZIP Unicode Path extra field: version, CRC-32 of the name field as written (so a
/// reader can tell that the field still belongs to this name), then the UTF-8 name.
fn unicode_path_field(name_field: &[u8], utf8_name: &str) -> Vec<u8> {
    let mut crc = flate2::Crc::new();
    crc.update(name_field);
    let data_len = 1 + 4 + utf8_name.len();
    let mut field = Vec::with_capacity(4 + data_len);
    field.extend_from_slice(&UNICODE_PATH_ID.to_le_bytes());
    // Past 64 KiB the writer refuses the whole extra field (`zip_writer::field_len`), so the
    // clamped size is never written.
    field.extend_from_slice(&u16::try_from(data_len).unwrap_or(u16::MAX).to_le_bytes());
    field.push(UNICODE_PATH_VERSION);
    field.extend_from_slice(&crc.sum().to_le_bytes());
    field.extend_from_slice(utf8_name.as_bytes());
    field
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_names_are_stored_as_they_are() {
        let name = entry_name("draft.json");
        assert_eq!(name.field, b"draft.json");
        assert_eq!(name.flags, 0);
        assert!(name.extra.is_empty());
    }

    #[test]
    fn chinese_names_are_gbk_with_the_utf8_name_beside_them() {
        let name = entry_name("张三/推荐表.pdf");
        // 张 = D5C5, 三 = C8FD in GBK.
        assert_eq!(&name.field[..4], &[0xD5, 0xC5, 0xC8, 0xFD]);
        assert_eq!(name.flags & UTF8_FLAG, 0);
        let utf8 = "张三/推荐表.pdf".as_bytes();
        assert_eq!(&name.extra[..2], &[0x75, 0x70]);
        let size = u16::from_le_bytes([name.extra[2], name.extra[3]]) as usize;
        assert_eq!(size, 5 + utf8.len());
        assert_eq!(name.extra[4], 1);
        let mut crc = flate2::Crc::new();
        crc.update(&name.field);
        assert_eq!(&name.extra[5..9], &crc.sum().to_le_bytes());
        assert_eq!(&name.extra[9..], utf8);
    }

    #[test]
    fn names_gbk_cannot_hold_stay_utf8_with_the_flag() {
        // 𠀀 (CJK Extension B) and Korean are outside GBK's two-byte table.
        for text in ["𠀀明-推荐材料.zip", "김철수.jpg"] {
            let name = entry_name(text);
            assert_eq!(name.field, text.as_bytes());
            assert_eq!(name.flags, UTF8_FLAG);
            assert!(name.extra.is_empty());
        }
    }

    #[test]
    fn a_gbk_trail_byte_that_reads_as_a_backslash_keeps_the_name_utf8() {
        // 乗 is 81 5C in GBK.
        let (bytes, _, _) = encoding_rs::GBK.encode("乗");
        assert_eq!(bytes.as_ref(), &[0x81, 0x5C]);
        assert_eq!(entry_name("乗.jpg").flags, UTF8_FLAG);
    }
}
