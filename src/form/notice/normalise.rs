//! Cleans a notice's text before reading: full-width digits, letters and ＠ to half-width,
//! spaces between Chinese characters dropped (OCR), lines broken inside a sentence joined,
//! quotes that stand on lines of their own put back, common OCR slips (巳 for 已, l for 1).

/// Whether a character is Chinese or Chinese punctuation (spaces next to it are OCR noise).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
        | 0x2014..=0x201F | 0x2026)
}

fn half_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '＠' | '．' | '－' | '＿' | '：' => {
            // The forms block maps 1:1 onto ASCII; the full-width colon stays Chinese.
            if c == '：' {
                return c;
            }
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '\u{3000}' | '\t' | '\u{a0}' => ' ',
        '巳' => '已',
        _ => c,
    }
}

/// One line cleaned: half-width, OCR slips, spaces next to Chinese characters dropped.
pub fn clean_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().map(half_width).collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = chars[..i].iter().rev().find(|c| **c != ' ');
            let after = chars[i + 1..].iter().find(|c| **c != ' ');
            let digit_or_cjk =
                |c: Option<&char>| c.is_none_or(|c| is_cjk(*c) || c.is_ascii_digit());
            if digit_or_cjk(before) && digit_or_cjk(after) || before.is_none() || after.is_none() {
                // Keep a space between two digit runs (phone lists) only.
                if !(before.is_some_and(|c| c.is_ascii_digit())
                    && after.is_some_and(|c| c.is_ascii_digit()))
                {
                    continue;
                }
            }
            // Around @ and dots in an address.
            if before == Some(&'@') || after == Some(&'@') {
                continue;
            }
        }
        if c == 'l' || c == 'I' {
            // OCR: l for 1 between a digit or 附件 and a non-letter.
            let prev = i.checked_sub(1).and_then(|p| chars.get(p));
            let next = chars.get(i + 1);
            let prev_ok = prev.is_some_and(|p| p.is_ascii_digit() || *p == '件');
            let next_ok = next.is_none_or(|n| !n.is_ascii_alphabetic());
            if prev_ok && next_ok {
                out.push('1');
                continue;
            }
        }
        out.push(c);
    }
    fix_quotes(out.trim())
}

/// OCR writes “ for both quotes: a second “ before a close is a ”.
fn fix_quotes(line: &str) -> String {
    let mut open = false;
    line.chars()
        .map(|c| match c {
            '“' if open => {
                open = false;
                '”'
            }
            '“' => {
                open = true;
                c
            }
            '”' => {
                open = false;
                c
            }
            _ => c,
        })
        .collect()
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['。', '；', '：', '！', '？', ':', ';'])
}

fn is_quote(line: &str) -> bool {
    matches!(line, "“" | "”" | "\"" | "‘" | "’")
}

/// Whether a line is a heading (一、…, （二）…, 附件…) that starts a new paragraph.
fn starts_paragraph(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    first == '（'
        || (first.is_ascii_digit() && matches!(second, '.' | '．' | '、'))
        || ("一二三四五六七八九十".contains(first) && second == '、')
        || line.starts_with("附件")
        || label_first(line)
        || (line.ends_with('号') && line.chars().count() <= 20)
        || (line.chars().take(4).all(|c| c.is_ascii_digit())
            && line.contains('年')
            && line.chars().count() <= 14)
        || ["联系", "电话", "地址", "邮寄", "邮政", "邮编", "邮箱"]
            .iter()
            .any(|w| line.starts_with(w))
}

/// Whether the text's lines are a page's lines (a scan, a PDF) rather than paragraphs: more
/// than a third of its longer lines end without a sentence mark.
fn scanned(text: &str) -> bool {
    let long: Vec<String> = text
        .lines()
        .map(clean_line)
        .filter(|l| l.chars().count() >= 20)
        .collect();
    let open = long
        .iter()
        .filter(|l| !ends_sentence(l) && !l.ends_with(['”', '）', '。']))
        .count();
    open * 3 > long.len()
}

/// A short label and a colon first (电话：, 邮箱：): a line of its own.
fn label_first(line: &str) -> bool {
    line.chars().take(7).any(|c| c == '：' || c == ':') && !line.starts_with("附件")
}

/// The notice as clean lines, broken lines joined: a line that does not end a sentence and
/// ends with 、，, or in a scanned text (see `scanned`) is 16 characters or more; a quote alone
/// and the line after it.
pub fn lines(text: &str) -> Vec<String> {
    let broken = scanned(text);
    let mut out: Vec<String> = Vec::new();
    let mut joining = false;
    for raw in text.lines() {
        let line = clean_line(raw);
        if line.is_empty() {
            continue;
        }
        let quote = is_quote(&line);
        match out.last_mut() {
            Some(last) if quote || (joining && !starts_paragraph(&line)) => {
                last.push_str(&line);
                let fixed = fix_quotes(last);
                *last = fixed;
            }
            _ => out.push(line.clone()),
        }
        let last = out.last().map(String::as_str).unwrap_or("");
        let long = broken && last.chars().count() >= 16;
        joining = quote
            || is_quote(&line)
            || (!ends_sentence(last) && (long || last.ends_with(['、', '，'])));
    }
    out
}

/// Sentences: each line cut after 。；！？ (the mark kept).
pub fn sentences(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines {
        let mut current = String::new();
        for c in line.chars() {
            current.push(c);
            if matches!(c, '。' | '；' | '！' | '？') {
                out.push(std::mem::take(&mut current));
            }
        }
        if !current.trim().is_empty() {
            out.push(current);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_noise_is_cleaned() {
        assert_eq!(clean_line("衡水市 科 学 技 术局"), "衡水市科学技术局");
        assert_eq!(clean_line("附件l和附件4"), "附件1和附件4");
        assert_eq!(clean_line("巳获得"), "已获得");
        assert_eq!(clean_line("（ｘｘ＠１６３.com）"), "（xx@163.com）");
        let joined = lines("关于开展2024年衡水市\n\n“最美科技工作者\n“\n\n学习宣传活动的通知\n");
        assert_eq!(joined[0], "关于开展2024年衡水市");
        assert!(joined[1].starts_with("“最美科技工作者”学习"), "{joined:?}");
    }
}
