//! Year-months and dates as people type them (2023.01, 2023-1, 2023年1月, 2023/01/05), normalized
//! for storage (YYYY-MM, YYYY-MM-DD) and printed the way the 填表说明 asks (2023年01月01日).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Why a typed date was not understood; the message tells how to write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// 二〇二三年 and the like: the form asks for Arabic numerals.
    ChineseNumerals,
    /// Not a date at all.
    Unreadable,
    /// A month outside 1–12, a day outside the month, or a year outside 1900–2100.
    OutOfRange,
}

impl DateError {
    pub fn message(&self, example: &str) -> String {
        match self {
            DateError::ChineseNumerals => {
                format!("日期请用阿拉伯数字书写（填表说明第3条），例如 {example}。")
            }
            DateError::Unreadable => format!("看不懂这个日期，请按 {example} 的格式填写。"),
            DateError::OutOfRange => {
                format!("日期超出了合理范围，请检查年份和月份，例如 {example}。")
            }
        }
    }
}

const CHINESE_NUMERALS: &str = "〇零一二三四五六七八九十廿";

fn has_chinese_numerals(text: &str) -> bool {
    text.chars().any(|c| CHINESE_NUMERALS.contains(c))
}

/// The numbers in a typed date, in order: "2023年1月5日" → [2023, 1, 5]. Full-width digits count.
fn numbers(text: &str) -> Result<Vec<u32>, DateError> {
    if has_chinese_numerals(text) {
        return Err(DateError::ChineseNumerals);
    }
    let mut numbers = Vec::new();
    let mut current: Option<u32> = None;
    for c in text.chars() {
        let digit = match c {
            '0'..='9' => Some(c as u32 - '0' as u32),
            '０'..='９' => Some(c as u32 - '０' as u32),
            _ => None,
        };
        match digit {
            Some(d) => {
                let value = current
                    .unwrap_or(0)
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(d));
                current = Some(value.ok_or(DateError::OutOfRange)?);
            }
            None => {
                if !is_date_separator(c) {
                    return Err(DateError::Unreadable);
                }
                numbers.extend(current.take());
            }
        }
    }
    numbers.extend(current);
    Ok(numbers)
}

fn is_date_separator(c: char) -> bool {
    c.is_whitespace() || ".-/年月日．－／".contains(c)
}

/// "202301" and "20230105" typed without separators.
fn split_compact(numbers: Vec<u32>, text: &str) -> Vec<u32> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    match (numbers.as_slice(), digits.len()) {
        ([n], 6) => vec![n / 100, n % 100],
        ([n], 8) => vec![n / 10000, n / 100 % 100, n % 100],
        _ => numbers,
    }
}

fn check_year(year: u32) -> Result<i32, DateError> {
    if (1900..=2100).contains(&year) {
        Ok(year as i32)
    } else {
        Err(DateError::OutOfRange)
    }
}

impl YearMonth {
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        match split_compact(numbers(text)?, text).as_slice() {
            [year, month] => {
                let year = check_year(*year)?;
                if !(1..=12).contains(month) {
                    return Err(DateError::OutOfRange);
                }
                Ok(YearMonth {
                    year,
                    month: *month,
                })
            }
            _ => Err(DateError::Unreadable),
        }
    }

    /// Months since year 0, for differences.
    pub fn index(self) -> i32 {
        self.year * 12 + self.month as i32 - 1
    }

    pub fn months_until(self, later: YearMonth) -> i32 {
        later.index() - self.index()
    }

    /// Printed form: 2023年01月.
    pub fn printed(self) -> String {
        format!("{}年{:02}月", self.year, self.month)
    }

    /// Compact printed form for narrow cells: 2023.01.
    pub fn dotted(self) -> String {
        format!("{}.{:02}", self.year, self.month)
    }
}

impl fmt::Display for YearMonth {
    /// Stored form: 2023-01.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.year, self.month)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        match split_compact(numbers(text)?, text).as_slice() {
            [year, month, day] => {
                let year = check_year(*year)?;
                if !(1..=12).contains(month) || *day < 1 || *day > days_in_month(year, *month) {
                    return Err(DateError::OutOfRange);
                }
                Ok(Date {
                    year,
                    month: *month,
                    day: *day,
                })
            }
            _ => Err(DateError::Unreadable),
        }
    }

    pub fn year_month(self) -> YearMonth {
        YearMonth {
            year: self.year,
            month: self.month,
        }
    }

    /// Full years from a year-month of birth to this date (the birth day is unknown, so a
    /// person born in this very month is counted as having had the birthday).
    pub fn age_of(self, born: YearMonth) -> i32 {
        let mut age = self.year - born.year;
        if self.month < born.month {
            age -= 1;
        }
        age
    }

    /// Printed form: 2023年01月01日 (填表说明3).
    pub fn printed(self) -> String {
        format!("{}年{:02}月{:02}日", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    /// Stored form: 2023-01-01.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Spots a year written in Chinese numerals inside free text (二〇一九年, 二零二三年).
pub fn find_chinese_numeral_year(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let is_digit = |c: &char| "〇零一二三四五六七八九".contains(*c);
    chars.windows(5).find_map(|window| {
        let (digits, last) = window.split_at(4);
        let is_year = last == ['年'] && digits.iter().all(is_digit)
            // 一九 … or 二〇/二零 …: the first two digits of a plausible year.
            && matches!(digits, ['一', '九', ..] | ['二', '〇' | '零', ..]);
        is_year.then(|| window.iter().collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_months_as_people_type_them() {
        let cases = [
            ("2023.01", "2023-01"),
            ("2023-1", "2023-01"),
            ("2023年1月", "2023-01"),
            ("2023 年 12 月", "2023-12"),
            ("2023/07", "2023-07"),
            ("202307", "2023-07"),
            ("２０２３．０７", "2023-07"),
            (" 1984.06 ", "1984-06"),
        ];
        for (typed, stored) in cases {
            assert_eq!(
                YearMonth::parse(typed).map(|ym| ym.to_string()),
                Ok(stored.into()),
                "{typed}"
            );
        }
    }

    #[test]
    fn bad_year_months_say_why() {
        assert_eq!(
            YearMonth::parse("二〇二三年一月"),
            Err(DateError::ChineseNumerals)
        );
        assert_eq!(YearMonth::parse("2023.13"), Err(DateError::OutOfRange));
        assert_eq!(YearMonth::parse("1823.01"), Err(DateError::OutOfRange));
        assert_eq!(YearMonth::parse("2023"), Err(DateError::Unreadable));
        assert_eq!(YearMonth::parse("去年春天"), Err(DateError::Unreadable));
        assert_eq!(
            YearMonth::parse("99999999999999.1"),
            Err(DateError::OutOfRange)
        );
    }

    #[test]
    fn dates_parse_and_print_as_the_form_asks() {
        let date = Date::parse("2023年1月1日").unwrap();
        assert_eq!(date.to_string(), "2023-01-01");
        assert_eq!(date.printed(), "2023年01月01日");
        assert_eq!(Date::parse("2024.2.29").map(|d| d.day), Ok(29));
        assert_eq!(Date::parse("2023.2.29"), Err(DateError::OutOfRange));
        assert_eq!(
            Date::parse("20230405").map(|d| d.to_string()),
            Ok("2023-04-05".into())
        );
    }

    #[test]
    fn ages_count_full_years() {
        let day = Date::parse("2023-04-30").unwrap();
        assert_eq!(
            day.age_of(YearMonth {
                year: 1978,
                month: 4
            }),
            45
        );
        assert_eq!(
            day.age_of(YearMonth {
                year: 1978,
                month: 5
            }),
            44
        );
    }

    #[test]
    fn chinese_numeral_years_are_found_in_text() {
        assert_eq!(
            find_chinese_numeral_year("他于二〇一九年获奖"),
            Some("二〇一九年".into())
        );
        assert_eq!(
            find_chinese_numeral_year("二零二三年春"),
            Some("二零二三年".into())
        );
        assert_eq!(find_chinese_numeral_year("他于2019年获奖"), None);
        assert_eq!(find_chinese_numeral_year("一二三四年"), None);
    }
}
