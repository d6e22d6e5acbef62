//! The decoding front of the notice reader: a notice file's bytes to text. `.txt` in UTF-8 or
//! GBK/GB18030 (valid UTF-8 is UTF-8, anything else GB18030), `.docx` (the paragraphs of
//! `word/document.xml` as lines), a PDF's text layer (a scan without one is refused with a
//! message). The reading itself is `form::notice`, which does no I/O.

use std::io::Read;
use std::path::Path;

/// The text of a notice file, or a message in Chinese saying why it cannot be read.
pub fn notice_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path)
        .map_err(|error| format!("读不了通知文件 {}：{error}", path.display()))?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let text = match extension.as_str() {
        "docx" => docx_text(&bytes)?,
        "pdf" => pdf_text(&bytes)?,
        "doc" | "wps" => {
            return Err(
                "旧版Word（.doc/.wps）文件读不了：请另存为 .docx 或文本后再读取。".to_owned(),
            );
        }
        _ if bytes.starts_with(b"%PDF") => pdf_text(&bytes)?,
        _ if bytes.starts_with(b"PK") => docx_text(&bytes)?,
        _ => crate::files::decode_text(&bytes),
    };
    if text.trim().is_empty() {
        return Err(format!("通知文件 {} 中没有文字。", path.display()));
    }
    Ok(text)
}

/// A PDF's compressed streams may not grow past this when decoded (a hostile file could
/// otherwise claim gigabytes).
const PDF_STREAM_LIMIT: usize = 64 * 1024 * 1024;

/// The text layer of a PDF, page by page. A scan has none: the message says what to do.
pub fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    let document = lopdf::Document::load_mem(bytes).map_err(|error| {
        format!("PDF 文件打不开（{error}）：请另存为文本或Word后再读取，或把通知文字粘贴进来。")
    })?;
    let pages: Vec<u32> = document.get_pages().into_keys().collect();
    let text: Vec<String> = (pages.iter())
        .filter_map(|page| (document.extract_text_with_limit(&[*page], PDF_STREAM_LIMIT)).ok())
        .collect();
    let text = join_latin_runs(&text.join("\n"));
    if text.chars().filter(|c| !c.is_whitespace()).count() < 20 {
        return Err(
            "这份PDF没有可读的文字（可能是扫描件）：请用WPS或Acrobat转成文字后再读取，或把通知文字粘贴进来。"
                .to_owned(),
        );
    }
    Ok(text)
}

/// A PDF draws digits and Latin letters in another font than the Chinese around them, and the
/// text layer then gives each run a line of its own ("8" / "．主要事迹" / "1500" / "字左右"). Such a
/// run is put back into its line, between the text before and after it.
fn join_latin_runs(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut glue_next = false;
    for line in text.lines() {
        let is_run = !line.trim().is_empty() && line.trim().chars().all(|c| c.is_ascii_graphic());
        match lines.last_mut() {
            Some(last) if is_run || glue_next => last.push_str(line.trim()),
            _ => lines.push(line.to_owned()),
        }
        glue_next = is_run;
    }
    lines.join("\n")
}

/// The paragraphs of a Word document, one a line.
pub fn docx_text(bytes: &[u8]) -> Result<String, String> {
    let damaged = |error: &dyn std::fmt::Display| {
        format!("Word 文件打不开（{error}）：请另存为文本后再读取。")
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|e| damaged(&e))?
        .read_to_string(&mut xml)
        .map_err(|e| damaged(&e))?;
    Ok(paragraphs(&xml).join("\n"))
}

/// The text of each `<w:p>`: its `<w:t>` runs, tabs as spaces, breaks as new lines.
fn paragraphs(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    for paragraph in xml.split("</w:p>") {
        let mut line = String::new();
        let mut rest = paragraph;
        while let Some(open) = rest.find('<') {
            let Some(close) = rest[open..].find('>') else {
                break;
            };
            let tag = &rest[open + 1..open + close];
            rest = &rest[open + close + 1..];
            let name = tag.split([' ', '/']).next().unwrap_or("");
            match name {
                "w:t" if !tag.ends_with('/') => {
                    let end = rest.find("</w:t>").unwrap_or(rest.len());
                    line.push_str(&unescape(&rest[..end]));
                    rest = &rest[end..];
                }
                "w:tab" => line.push(' '),
                "w:br" | "w:cr" => line.push('\n'),
                _ => {}
            }
        }
        out.push(line);
    }
    if out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}
