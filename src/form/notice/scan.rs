//! Small scanning helpers over characters: numbers (Arabic or 一…十), ranges (3—5), the text
//! after a label, and the clause around a place.

/// A number written at the start of `s`: Arabic digits, or one Chinese numeral (一 to 十).
pub fn number_at(s: &str) -> Option<(u32, usize)> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok().map(|n| (n, digits.len()));
    }
    let c = s.chars().next()?;
    let n = "一二三四五六七八九十".chars().position(|d| d == c)? as u32 + 1;
    Some((n, c.len_utf8()))
}

/// The Arabic number that ends right before byte `end` of `s`, with its start.
pub fn number_before(s: &str, end: usize) -> Option<(u32, usize)> {
    let head = s.get(..end)?;
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i)?;
    head[start..].parse().ok().map(|n| (n, start))
}

const DASHES: [char; 6] = ['—', '-', '～', '~', '至', '–'];

/// A count or range ending right before byte `end` (3—5 before 张): (min, max, start).
pub fn range_before(s: &str, end: usize) -> Option<(u32, u32, usize)> {
    let (max, start) = number_before(s, end)?;
    let head = &s[..start];
    let trimmed = head.trim_end_matches(DASHES);
    if trimmed.len() < head.len()
        && let Some((min, from)) = number_before(s, trimmed.len())
    {
        return Some((min, max, from));
    }
    Some((max, max, start))
}

/// The text after `label` (and a colon) up to one of `stops`, trimmed.
pub fn after_label(s: &str, label: &str, stops: &[char]) -> Option<String> {
    let at = s.find(label)? + label.len();
    let rest = s[at..].trim_start_matches([':', '：', ' ']);
    let end = rest.find(stops).unwrap_or(rest.len());
    let value = rest[..end].trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// The clause of `s` around byte `at`, cut at ，、；。 and line ends.
pub fn clause_around<'a>(s: &'a str, at: usize, cuts: &[char]) -> &'a str {
    let start = s[..at]
        .rfind(cuts)
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let end = s[at..].find(cuts).map_or(s.len(), |i| at + i);
    &s[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_ranges() {
        assert_eq!(number_at("3份"), Some((3, 1)));
        assert_eq!(number_at("三份"), Some((3, 3)));
        let s = "照片3—5张";
        assert_eq!(
            range_before(s, s.find('张').unwrap()).map(|r| (r.0, r.1)),
            Some((3, 5))
        );
        let s = "工作照原图3张";
        assert_eq!(
            range_before(s, s.find('张').unwrap()).map(|r| (r.0, r.1)),
            Some((3, 3))
        );
        assert_eq!(
            after_label("邮政编码：450000", "邮政编码", &['；']),
            Some("450000".into())
        );
    }
}
