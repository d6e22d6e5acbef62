//! Where to send: the e-mail address, the office, its address and postcode, contacts paired with
//! their phones.

use super::scan::after_label;
use super::{Notes, Text};

pub struct Contacts {
    pub email: Option<String>,
    pub office: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub contacts: Vec<String>,
    pub phones: Vec<String>,
}

fn email_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')
}

/// Every e-mail address in a line: ASCII around an @ with a dot after it.
fn emails(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in line.match_indices('@') {
        let local: String = line[..at]
            .chars()
            .rev()
            .take_while(|c| email_char(*c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let domain: String = line[at + 1..]
            .chars()
            .take_while(|c| email_char(*c))
            .collect();
        let domain = domain.trim_end_matches('.');
        if !local.is_empty() && domain.contains('.') {
            out.push(format!("{local}@{}", domain.to_ascii_lowercase()));
        }
    }
    out
}

const OFFICE_ENDS: [&str; 6] = ["办公室", "部", "处", "科", "中心", "室"];

/// The office named after 报送(至)/报 in a sentence that sends paper.
fn office(text: &Text) -> Option<(String, String)> {
    let mut best = None;
    for sentence in &text.sentences {
        for verb in ["报送至", "报送到", "送至", "报送", "报"] {
            for (at, _) in sentence.match_indices(verb) {
                let rest = &sentence[at + verb.len()..];
                let end = rest
                    .find(['（', '(', '，', '。', '；', '、'])
                    .unwrap_or(rest.len());
                let name = &rest[..end];
                let n = name.chars().count();
                if (3..=30).contains(&n)
                    && OFFICE_ENDS.iter().any(|e| name.ends_with(e))
                    && !name.contains("邮箱")
                {
                    let paper = sentence.contains("纸质");
                    if paper || best.is_none() {
                        best = Some((name.to_owned(), sentence.clone()));
                    }
                    if paper {
                        return best;
                    }
                }
            }
        }
    }
    best
}

/// Names after 联系人: split at spaces, 、，; single characters (胡 敏) joined; offices dropped.
fn names(value: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending = String::new();
    for part in value.split([' ', '、', '，', ',']) {
        let part = part.trim();
        if part.is_empty()
            || OFFICE_ENDS.iter().any(|e| part.ends_with(e))
            || part.chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        if part.chars().count() == 1 && part.chars().all(super::normalise::is_cjk) {
            pending.push_str(part);
            if pending.chars().count() >= 2 {
                out.push(std::mem::take(&mut pending));
            }
        } else if (2..=4).contains(&part.chars().count()) {
            out.push(part.to_owned());
        }
    }
    out
}

/// Contacts after their office (北京科普发展与研究中心，王慧、马文轩): 王慧（北京科普发展与研究中心）.
fn with_offices(value: &str) -> Vec<String> {
    let mut office: Option<&str> = None;
    let mut out = Vec::new();
    for part in value.split(['，', ',']) {
        let part = part.trim();
        if !part.contains(' ') && OFFICE_ENDS.iter().any(|e| part.ends_with(e)) {
            office = Some(part);
            continue;
        }
        for name in names(part) {
            out.push(match office {
                Some(office) => format!("{name}（{office}）"),
                None => name,
            });
        }
    }
    out
}

/// Phone numbers in a value: digit runs with - (or —) of 7 digits or more.
fn phones(value: &str) -> Vec<String> {
    let value = value.replace(['—', '－', '–'], "-");
    let mut out = Vec::new();
    let mut current = String::new();
    for c in value.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '-' && !current.is_empty()) {
            current.push(c);
        } else {
            let number = current.trim_end_matches('-').to_owned();
            if c != '@' && number.chars().filter(char::is_ascii_digit).count() >= 7 {
                out.push(number);
            }
            current.clear();
        }
    }
    out
}

pub fn read(text: &Text, notes: &mut Notes) -> Contacts {
    let mut email = None;
    for line in &text.lines {
        if let Some(found) = emails(line).into_iter().next() {
            notes.found("电子邮箱", found.clone(), line);
            email = Some(found);
            break;
        }
    }
    let office = office(text);
    if let Some((name, sentence)) = &office {
        notes.found("报送部门", name.clone(), sentence);
    }
    let stops = ['）', ')', '；', '。', '，'];
    let mut address = None;
    let mut postcode = None;
    let mut contacts = Vec::new();
    let mut phone_list = Vec::new();
    for line in &text.lines {
        if address.is_none()
            && let Some(value) = after_label(line, "地址", &stops)
        {
            notes.found("地址", value.clone(), line);
            address = Some(value);
        }
        for label in ["邮政编码", "邮编"] {
            if postcode.is_none()
                && let Some(value) = after_label(line, label, &stops)
            {
                let code: String = value.chars().take_while(char::is_ascii_digit).collect();
                if code.len() == 6 {
                    notes.found("邮编", code.clone(), line);
                    postcode = Some(code);
                }
            }
        }
    }
    // Phones: first where the contacts are, then any line with 电话.
    for pass in [true, false] {
        for (i, line) in text.lines.iter().enumerate() {
            if !phone_list.is_empty() {
                break;
            }
            let contact_line = line.starts_with("联系") || line.starts_with("电话");
            if (pass && !contact_line) || !(line.contains("电话") || line.contains("联系人")) {
                continue;
            }
            let at = if line.starts_with("联系人") {
                0
            } else {
                line.find("电话").unwrap_or(0)
            };
            let mut numbers = phones(&line[at..]);
            // Lines going on below a contact line without a label of their own (another office,
            // its contacts, a number alone: 010—84650077—8100).
            if line.starts_with("联系人") {
                for next in text.lines.iter().skip(i + 1).take(3) {
                    if next.contains(['：', ':']) || next.chars().count() > 40 {
                        break;
                    }
                    numbers.extend(phones(next));
                }
            }
            if !numbers.is_empty() {
                notes.found("联系电话", numbers.join("、"), line);
                phone_list = numbers;
            }
        }
    }
    for (i, raw) in text.raw_lines.iter().enumerate() {
        let clean = super::normalise::clean_line(raw);
        if !clean.contains("联系人") {
            continue;
        }
        let Some(at) = raw.find("人：").or_else(|| raw.find("人:")) else {
            continue;
        };
        let Some((colon, mark)) = raw[at..]
            .char_indices()
            .find(|(_, c)| matches!(c, ':' | '：'))
        else {
            continue;
        };
        let value = &raw[at + colon + mark.len_utf8()..];
        let mut value = value
            .split(['；', '。', ';'])
            .next()
            .unwrap_or("")
            .to_owned();
        // Lines that go on below it, indented (another office and its contacts).
        for next in text.raw_lines.iter().skip(i + 1) {
            let trimmed = next.trim();
            let indented = next.starts_with([' ', '\u{3000}', '\t']);
            if trimmed.is_empty()
                || trimmed.contains([':', '：'])
                || !(indented
                    || trimmed
                        .chars()
                        .all(|c| !super::normalise::is_cjk(c) || c == '—'))
            {
                break;
            }
            value.push('，');
            value.push_str(trimmed);
        }
        let value = value.split("电话").next().unwrap_or("");
        contacts = with_offices(value);
        if !contacts.is_empty() {
            notes.found("联系人", contacts.join("、"), &clean);
            break;
        }
    }
    Contacts {
        email,
        office: office.map(|o| o.0),
        address,
        postcode,
        contacts,
        phones: phone_list,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_phones() {
        assert_eq!(
            names("市科协组织人事部  郭明帅  胡 敏"),
            vec!["郭明帅", "胡敏"]
        );
        assert_eq!(names(" 杨辉 杨琪"), vec!["杨辉", "杨琪"]);
        assert_eq!(phones("010—84650077—8100"), vec!["010-84650077-8100"]);
        assert_eq!(emails("邮箱（xx_1@163.com）"), vec!["xx_1@163.com"]);
    }
}
