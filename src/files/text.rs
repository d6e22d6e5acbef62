//! Text files people write by hand or save from Notepad: UTF-8, or the Chinese Windows code
//! page (GBK, read as its superset GB18030).

/// Text bytes: UTF-8 (a byte-order mark dropped) where valid, else GB18030 (a superset of GBK).
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}
