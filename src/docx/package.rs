//! The .docx zip, written here rather than by docx-rs's own `pack`, because docx-rs names every
//! picture `*.png` even when it holds JPEG bytes (Word trusts the extension's content type;
//! LibreOffice sniffs), gives every drawing the same `wp:docPr` id (Word wants them unique),
//! writes a fixed font table (we need ours, with the fallback font), and stores the XML
//! uncompressed. Parts and paths are those docx-rs writes; the parts we never use (task
//! panes, web extensions, custom XML) are left out.

use std::io::{Cursor, Write};

use docx_rs::XMLDocx;
use zip::CompressionMethod;
use zip::result::ZipResult;
use zip::write::{SimpleFileOptions, ZipWriter};

const JPEG_MAGIC: &[u8] = &[0xFF, 0xD8];

/// The package's bytes, with `font_table` as word/fontTable.xml.
pub fn pack(xml: XMLDocx, font_table: &[u8]) -> ZipResult<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    // JPEG does not shrink further: stored, it costs no time.
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let jpegs: Vec<&str> = xml
        .media
        .iter()
        .filter(|(_, bytes)| bytes.starts_with(JPEG_MAGIC))
        .map(|(id, _)| id.as_str())
        .collect();
    let rels = |bytes: &[u8]| jpeg_targets(bytes, &jpegs);
    let mut part = |path: &str, bytes: &[u8]| -> ZipResult<()> {
        zip.start_file(path, deflated)?;
        zip.write_all(bytes)?;
        Ok(())
    };
    part("[Content_Types].xml", &xml.content_type)?;
    part("_rels/.rels", &xml.rels)?;
    part("docProps/app.xml", &xml.doc_props.app)?;
    part("docProps/core.xml", &xml.doc_props.core)?;
    part("docProps/custom.xml", &xml.doc_props.custom)?;
    part("word/_rels/document.xml.rels", &rels(&xml.document_rels))?;
    part("word/document.xml", &unique_drawing_ids(&xml.document))?;
    part("word/styles.xml", &xml.styles)?;
    part("word/settings.xml", &xml.settings)?;
    part("word/fontTable.xml", font_table)?;
    part("word/comments.xml", &xml.comments)?;
    part("word/numbering.xml", &xml.numberings)?;
    part("word/commentsExtended.xml", &xml.comments_extended)?;
    part("word/footnotes.xml", &xml.footnotes)?;
    for (index, header) in xml.headers.iter().enumerate() {
        part(&format!("word/header{}.xml", index + 1), header)?;
        if let Some(header_rels) = xml.header_rels.get(index) {
            let path = format!("word/_rels/header{}.xml.rels", index + 1);
            part(&path, &rels(header_rels))?;
        }
    }
    for (index, footer) in xml.footers.iter().enumerate() {
        part(&format!("word/footer{}.xml", index + 1), footer)?;
        if let Some(footer_rels) = xml.footer_rels.get(index) {
            let path = format!("word/_rels/footer{}.xml.rels", index + 1);
            part(&path, &rels(footer_rels))?;
        }
    }
    for (id, bytes) in &xml.media {
        let extension = if jpegs.contains(&id.as_str()) {
            "jpeg"
        } else {
            "png"
        };
        zip.start_file(format!("word/media/{id}.{extension}"), stored)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Relationships pointing at JPEG media under their true extension (the content types part
/// already maps `jpeg` to image/jpeg).
fn jpeg_targets(rels: &[u8], jpegs: &[&str]) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(rels).into_owned();
    for id in jpegs {
        text = text.replace(
            &format!("\"media/{id}.png\""),
            &format!("\"media/{id}.jpeg\""),
        );
    }
    text.into_bytes()
}

/// The drawings numbered 1, 2, 3 … (docx-rs writes `id="1"` for all of them).
fn unique_drawing_ids(document: &[u8]) -> Vec<u8> {
    const DRAWING: &str = r#"<wp:docPr id="1""#;
    let text = String::from_utf8_lossy(document);
    let mut out = String::with_capacity(text.len() + 64);
    for (index, piece) in text.split(DRAWING).enumerate() {
        if index > 0 {
            out.push_str(&format!(r#"<wp:docPr id="{index}""#));
        }
        out.push_str(piece);
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jpeg_media_are_named_as_jpeg() {
        let rels = br#"<Relationship Id="a" Target="media/tbImage1.png" /><Relationship Id="b" Target="media/tbImage2.png" />"#;
        let fixed = String::from_utf8(jpeg_targets(rels, &["tbImage1"])).unwrap_or_default();
        assert!(fixed.contains("\"media/tbImage1.jpeg\""));
        assert!(fixed.contains("\"media/tbImage2.png\""));
    }

    #[test]
    fn every_drawing_gets_its_own_id() {
        let document = br#"<wp:docPr id="1" name="Figure" /><x/><wp:docPr id="1" name="Figure" />"#;
        let fixed = String::from_utf8(unique_drawing_ids(document)).unwrap_or_default();
        assert_eq!(
            fixed,
            r#"<wp:docPr id="1" name="Figure" /><x/><wp:docPr id="2" name="Figure" />"#
        );
    }
}
