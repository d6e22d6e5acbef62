//! The decoding front of the notice reader: a notice file's bytes to text. `.txt` in UTF-8 or
//! GBK/GB18030 (valid UTF-8 is UTF-8, anything else GB18030), `.docx` (the paragraphs of
//! `word/document.xml` as lines); a PDF is refused with a message. The reading itself is
//! `form::notice`, which does no I/O.

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
        "pdf" => return Err("请把PDF另存为文本或Word后再读取。".to_owned()),
        "doc" | "wps" => {
            return Err(
                "旧版Word（.doc/.wps）文件读不了：请另存为 .docx 或文本后再读取。".to_owned(),
            );
        }
        _ if bytes.starts_with(b"%PDF") => {
            return Err("请把PDF另存为文本或Word后再读取。".to_owned());
        }
        _ if bytes.starts_with(b"PK") => docx_text(&bytes)?,
        _ => crate::files::decode_text(&bytes),
    };
    if text.trim().is_empty() {
        return Err(format!("通知文件 {} 中没有文字。", path.display()));
    }
    Ok(text)
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
