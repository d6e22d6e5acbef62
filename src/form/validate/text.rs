//! Rules on a single text answer: formats, forbidden words, full names, required statements,
//! topics an opinion must cover, Arabic dates, and the eligibility hints read from the text.

use super::{CheckInput, Finding, Severity, fill};
use crate::form::dates::find_chinese_numeral_year;
use crate::form::definition::Field;
use crate::form::rules::{TextFormat, Topic};

pub(super) fn format(
    format: TextFormat,
    field: &Field,
    context: &CheckInput,
    findings: &mut Vec<Finding>,
) {
    let value = context.answers.text(&field.id);
    let (ok, code, how) = match format {
        TextFormat::Mobile => (
            is_mobile(value),
            "mobile",
            "手机号码应为11位数字、以1开头，请改成如 13812345678 的写法，不要加空格、横线或区号",
        ),
        TextFormat::Phone => (
            is_phone(value),
            "phone",
            "办公电话请写区号和号码，例如“区号-1234567”；也可以填写11位手机号码",
        ),
        TextFormat::Email => (
            is_email(value),
            "email",
            "电子邮箱应形如 name@example.com，请检查“@”和域名，并使用半角字符",
        ),
        TextFormat::Postcode => (
            is_postcode(value),
            "postcode",
            "邮编应为6位数字，请改成如 453000 的写法",
        ),
    };
    if !ok {
        let message = format!("「{}」“{}”格式不对：{}。", field.label, value, how);
        findings.push(Finding::new(Severity::Error, field, code, message));
    }
}

fn is_mobile(value: &str) -> bool {
    let digits: Vec<char> = value.chars().collect();
    digits.len() == 11
        && digits.iter().all(char::is_ascii_digit)
        && digits.first() == Some(&'1')
        && digits
            .get(1)
            .is_some_and(|second| ('3'..='9').contains(second))
}

/// Area code and number (0373-3661806, (010)84617697, 010—84617697 转 8100), 7–8 digit local
/// numbers, or a mobile.
fn is_phone(value: &str) -> bool {
    if is_mobile(value) {
        return true;
    }
    // An extension after 转 (010—84650077转8100) is not part of the number.
    let (main, extension) = value.split_once('转').unwrap_or((value, ""));
    if !extension.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    let only_phone_chars = main
        .chars()
        .all(|c| c.is_ascii_digit() || "-—－()（） ".contains(c));
    only_phone_chars
        && (7..=12).contains(&digits.len())
        && (digits.starts_with('0') || digits.len() <= 8)
}

fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let allowed = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    !local.is_empty()
        && local.chars().all(allowed)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c))
}

fn is_postcode(value: &str) -> bool {
    value.len() == 6 && value.chars().all(|c| c.is_ascii_digit())
}

pub(super) fn forbidden(
    words: &[String],
    message: &str,
    field: &Field,
    context: &CheckInput,
    findings: &mut Vec<Finding>,
) {
    let value = context.answers.text(&field.id);
    let normalized: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !"“”\"'".contains(*c))
        .collect();
    // The bare category words are wrong; a concrete title that contains one (正高级工程师) is fine.
    if let Some(word) = words
        .iter()
        .find(|word| normalized == **word || normalized == format!("{word}职称"))
    {
        let message = fill(message, &[("label", &field.label), ("value", word)]);
        findings.push(Finding::new(Severity::Error, field, "forbidden", message));
    }
}

pub(super) fn full_name(
    min_chars: usize,
    message: &str,
    field: &Field,
    context: &CheckInput,
    findings: &mut Vec<Finding>,
) {
    let value = context.answers.text(&field.id);
    if value.chars().count() < min_chars {
        let message = fill(message, &[("label", &field.label), ("value", value)]);
        findings.push(Finding::new(Severity::Hint, field, "full_name", message));
    }
}

pub(super) fn states(
    any_of: &[String],
    message: &str,
    field: &Field,
    context: &CheckInput,
    findings: &mut Vec<Finding>,
) {
    let value = context.answers.text(&field.id);
    if !any_of.iter().any(|phrase| value.contains(phrase.as_str())) {
        let message = fill(message, &[("label", &field.label)]);
        findings.push(Finding::new(Severity::Error, field, "states", message));
    }
}

pub(super) fn covers(
    topics: &[Topic],
    message: &str,
    field: &Field,
    context: &CheckInput,
    findings: &mut Vec<Finding>,
) {
    let value = context.answers.text(&field.id);
    let missing: Vec<&str> = topics
        .iter()
        .filter(|topic| {
            !topic
                .any_of
                .iter()
                .any(|word| value.contains(word.as_str()))
        })
        .map(|topic| topic.name.as_str())
        .collect();
    if !missing.is_empty() {
        let message = fill(
            message,
            &[("label", &field.label), ("missing", &missing.join("、"))],
        );
        findings.push(Finding::new(Severity::Warning, field, "covers", message));
    }
}

pub(super) fn arabic_dates(field: &Field, context: &CheckInput, findings: &mut Vec<Finding>) {
    let texts: Vec<&str> = match context.answers.0.get(&field.id) {
        Some(crate::form::answers::Answer::Rows(rows)) => rows
            .iter()
            .flat_map(|row| row.values().map(String::as_str))
            .collect(),
        _ => vec![context.answers.text(&field.id)],
    };
    if let Some(year) = texts
        .iter()
        .find_map(|text| find_chinese_numeral_year(text))
    {
        let message = format!(
            "「{}」中的“{}”：推荐表中的日期统一用阿拉伯数字（填表说明第3条），请改成如“2019年”的写法。",
            field.label, year
        );
        findings.push(Finding::new(
            Severity::Warning,
            field,
            "arabic_dates",
            message,
        ));
    }
}

/// Eligibility: a word in the answer that suggests an office the notice excludes.
pub(super) fn excluded_office(
    words: &[String],
    message: &str,
    field: &Field,
    context: &CheckInput,
    findings: &mut Vec<Finding>,
) {
    let excluded = super::exclusions::excluded_words(context.campaign);
    let found = mentions(words, message, ("excluded", &excluded), field, context);
    findings
        .extend(found.map(|message| Finding::new(Severity::Hint, field, "eligibility", message)));
}

/// Eligibility: a title already held that the notice excludes.
pub(super) fn title_held(
    words: &[String],
    message: &str,
    field: &Field,
    context: &CheckInput,
    findings: &mut Vec<Finding>,
) {
    let eligibility = &context.campaign.eligibility;
    let rule = eligibility
        .titles_excluded
        .as_deref()
        .unwrap_or("已获得相关称号的原则上不再推荐");
    // A notice that excludes no title gets no warning, whatever the words.
    if words.is_empty() {
        return;
    }
    let found = mentions(words, message, ("rule", rule), field, context);
    findings
        .extend(found.map(|message| Finding::new(Severity::Warning, field, "title_held", message)));
}

/// The message for the first of `words` the answer contains, with `{label}`, `{word}` and one
/// more placeholder filled in.
fn mentions(
    words: &[String],
    message: &str,
    extra: (&str, &str),
    field: &Field,
    context: &CheckInput,
) -> Option<String> {
    let value = context.answers.text(&field.id);
    let word = words.iter().find(|word| value.contains(word.as_str()))?;
    Some(fill(
        message,
        &[("label", &field.label), ("word", word), extra],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles() {
        for good in ["13812345678", "19912345678"] {
            assert!(is_mobile(good), "{good}");
        }
        for bad in [
            "1381234567",
            "138123456789",
            "23812345678",
            "12812345678",
            "138-1234-5678",
            "１３８１２３４５６７８",
        ] {
            assert!(!is_mobile(bad), "{bad}");
        }
    }

    #[test]
    fn phones() {
        for good in [
            "0373-3661806",
            "010-84617697",
            "(010)84617697",
            "3661806",
            "13812345678",
            "010—84650077转8100",
        ] {
            assert!(is_phone(good), "{good}");
        }
        for bad in ["12345", "电话0373", "0373-36618061234567", "abc-defgh"] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn emails_and_postcodes() {
        assert!(is_email("xxkxzzrsb@163.com"));
        assert!(is_email("li.ming+form@example.com.cn"));
        for bad in [
            "xxkxzzrsb＠163.com",
            "no-at.example.com",
            "a@b",
            "a@.com",
            "@163.com",
            "名字@163.com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(is_postcode("453000"));
        assert!(!is_postcode("45300"));
        assert!(!is_postcode("４５３０００"));
    }
}
