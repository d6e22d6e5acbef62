//! Entry names in the zips the app writes, as Windows Explorer on a Chinese PC reads them: a
//! Chinese name is stored in GBK (code page 936) without the UTF-8 flag, with its UTF-8 form in
//! the Info-ZIP Unicode Path field (0x7075) for every other reader; a name GBK cannot hold is
//! UTF-8 with the flag. The app's own importer reads these zips and the older UTF-8 ones.

mod common;

use std::fs;
use std::io::{Cursor, Read};

use tianbiao::draft::Library;
use tianbiao::package::exchange::{read_exchange, write_exchange};
use tianbiao::package::import::{ImportChoice, ImportOutcome, import_draft};
use tianbiao::package::zip_writer::{Compression, ZipWriter};

const UTF8_FLAG: u16 = 1 << 11;

/// One central directory record, read as Explorer reads it: raw bytes, nothing interpreted.
#[derive(Debug)]
struct RawEntry {
    made_by: u16,
    flags: u16,
    name: Vec<u8>,
    extra: Vec<u8>,
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// The central directory of a zip without an archive comment or Zip64 records.
fn central_directory(zip: &[u8]) -> Vec<RawEntry> {
    let end = zip.len() - 22;
    assert_eq!(u32_at(zip, end), 0x0605_4b50, "end of central directory");
    let count = u16_at(zip, end + 10) as usize;
    let mut at = u32_at(zip, end + 16) as usize;
    (0..count)
        .map(|_| {
            assert_eq!(u32_at(zip, at), 0x0201_4b50);
            let name_len = u16_at(zip, at + 28) as usize;
            let extra_len = u16_at(zip, at + 30) as usize;
            let comment_len = u16_at(zip, at + 32) as usize;
            let name_at = at + 46;
            let entry = RawEntry {
                made_by: u16_at(zip, at + 4),
                flags: u16_at(zip, at + 8),
                name: zip[name_at..name_at + name_len].to_vec(),
                extra: zip[name_at + name_len..name_at + name_len + extra_len].to_vec(),
            };
            at = name_at + name_len + extra_len + comment_len;
            entry
        })
        .collect()
}

/// The UTF-8 name of a 0x7075 field and the CRC-32 it carries, if the entry has one.
fn unicode_path(extra: &[u8]) -> Option<(u32, String)> {
    let mut at = 0;
    while at + 4 <= extra.len() {
        let (id, len) = (u16_at(extra, at), u16_at(extra, at + 2) as usize);
        if id == 0x7075 {
            assert_eq!(extra[at + 4], 1, "version 1");
            let name = String::from_utf8(extra[at + 9..at + 4 + len].to_vec()).unwrap();
            return Some((u32_at(extra, at + 5), name));
        }
        at += 4 + len;
    }
    None
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(bytes);
    crc.sum()
}

/// What Explorer shows for a name without the UTF-8 flag on a Chinese Windows.
fn as_code_page_936(name: &[u8]) -> String {
    let (text, had_errors) = encoding_rs::GBK.decode_without_bom_handling(name);
    assert!(!had_errors, "{name:?} is not GBK");
    text.into_owned()
}

#[test]
fn every_name_reads_right_by_code_page_936_by_the_unicode_field_and_by_the_utf8_flag() {
    let names = [
        ("draft.json", Compression::Deflated),
        (
            "最美科技工作者+新乡市农学会/张三/推荐表.pdf",
            Compression::Deflated,
        ),
        (
            "最美科技工作者+新乡市农学会/张三/张三1.jpg",
            Compression::Stored,
        ),
        // Outside GBK (CJK Extension B), and a GBK trail byte 0x5C (`\`): UTF-8 with the flag.
        ("𠀀明-推荐材料/照片.jpg", Compression::Stored),
        ("乗.jpg", Compression::Stored),
    ];
    let mut zip = ZipWriter::new(Vec::new());
    for (index, (name, compression)) in names.iter().enumerate() {
        let content = format!("{index}: {}", "主要事迹。".repeat(index * 50));
        zip.add(name, content.as_bytes(), *compression).unwrap();
    }
    let bytes = zip.finish().unwrap();

    let raw = central_directory(&bytes);
    assert_eq!(raw.len(), names.len());
    // ASCII: as every tool writes it.
    assert_eq!(raw[0].name, b"draft.json");
    assert_eq!((raw[0].flags & UTF8_FLAG, raw[0].extra.len()), (0, 0));
    for (entry, (name, _)) in raw[1..3].iter().zip(&names[1..3]) {
        assert_eq!(
            entry.flags & UTF8_FLAG,
            0,
            "Explorer must not be told UTF-8"
        );
        assert_eq!(
            entry.made_by >> 8,
            0,
            "made by MS-DOS/FAT: the OEM code page"
        );
        assert_eq!(as_code_page_936(&entry.name), *name);
        let (crc, utf8) = unicode_path(&entry.extra).expect("a Unicode Path field");
        assert_eq!(utf8, *name);
        assert_eq!(
            crc,
            crc32(&entry.name),
            "the field's CRC is that of the GBK name"
        );
    }
    for (entry, (name, _)) in raw[3..].iter().zip(&names[3..]) {
        assert_eq!(entry.flags & UTF8_FLAG, UTF8_FLAG);
        assert_eq!(entry.name, name.as_bytes());
        assert!(unicode_path(&entry.extra).is_none());
    }

    // The `zip` crate (the app's importer) reads every name and every byte back.
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    for (index, (name, _)) in names.iter().enumerate() {
        let mut entry = archive.by_name(name).unwrap();
        let mut content = String::new();
        entry.read_to_string(&mut content).unwrap();
        assert_eq!(
            content,
            format!("{index}: {}", "主要事迹。".repeat(index * 50))
        );
    }
}

#[test]
fn a_draft_with_a_chinese_photo_name_travels_and_imports() {
    let root = tempfile::tempdir().unwrap();
    let candidate_pc = Library::at(&root.path().join("candidate"));
    let secretary_pc = Library::at(&root.path().join("secretary"));
    let folder = tianbiao::draft::sample::create_sample(&candidate_pc).unwrap();
    let (mut draft, _) = folder.load().unwrap();
    // A photo named the way the notice asks (姓名+序号).
    let mut photo = draft.answers.photo("photo").unwrap().clone();
    fs::rename(folder.dir.join(&photo.file), folder.dir.join("张三1.jpg")).unwrap();
    photo.file = "张三1.jpg".into();
    draft.answers.set_photo("photo", photo);
    folder.save(&mut draft).unwrap();

    let bytes = write_exchange(&folder, &draft).unwrap();
    let raw = central_directory(&bytes);
    let named = raw
        .iter()
        .find(|entry| unicode_path(&entry.extra).is_some_and(|(_, n)| n == "张三1.jpg"))
        .expect("the photo under its Chinese name");
    assert_eq!(as_code_page_936(&named.name), "张三1.jpg");
    assert_eq!(named.flags & UTF8_FLAG, 0);

    let incoming = read_exchange("张三-推荐材料.zip", &bytes).unwrap();
    let original = fs::read(folder.dir.join("张三1.jpg")).unwrap();
    assert!(
        incoming
            .files
            .iter()
            .any(|(_, content)| *content == original)
    );
    let outcome = import_draft(
        &secretary_pc,
        common::catalog(),
        incoming,
        ImportChoice::Ask,
    )
    .unwrap();
    let ImportOutcome::Imported(imported) = outcome else {
        panic!("nothing to conflict with");
    };
    let (copy, _) = imported.load().unwrap();
    let arrived = copy.answers.photo("photo").unwrap();
    assert_eq!(
        fs::read(imported.dir.join(&arrived.file)).unwrap(),
        original
    );
    assert_eq!(
        copy.answers.text("main_deeds"),
        draft.answers.text("main_deeds")
    );
}
