//! Word limits (字数要求) as the notices phrase them: "1500字左右" (about, with a tolerance band)
//! or "1000字以内" (at most). Counting itself is in `count`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum LimitMode {
    /// 左右: aim for `words`; outside ±`band_percent` is warned, not refused.
    About,
    /// 以内: more than `words` is an error.
    AtMost,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct WordLimit {
    pub mode: LimitMode,
    pub words: usize,
    /// Tolerance for `about`, in percent of `words`.
    #[serde(default = "default_band_percent")]
    pub band_percent: u32,
    /// The notice's or form's own words, e.g. 主要事迹1500字左右.
    pub source: String,
}

fn default_band_percent() -> u32 {
    10
}

/// Where a count stands against its limit; the UI colours by it, the rules phrase messages by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitStatus {
    Empty,
    /// Below the band of an `about` limit.
    Short,
    Inside,
    /// Within the last 5% below an `at_most` limit, or the band's upper half: a nudge.
    Near,
    /// Above the band of an `about` limit: warned.
    Long,
    /// Above an `at_most` limit: refused.
    Over,
}

impl WordLimit {
    /// Lowest and highest count inside the band (both equal to the limit's ends for `at_most`).
    pub fn band(&self) -> (usize, usize) {
        match self.mode {
            LimitMode::About => {
                let delta = self.words * self.band_percent as usize / 100;
                (self.words.saturating_sub(delta), self.words + delta)
            }
            LimitMode::AtMost => (0, self.words),
        }
    }

    pub fn status(&self, words: usize) -> LimitStatus {
        if words == 0 {
            return LimitStatus::Empty;
        }
        let (low, high) = self.band();
        match self.mode {
            LimitMode::About if words < low => LimitStatus::Short,
            LimitMode::About if words > high => LimitStatus::Long,
            LimitMode::AtMost if words > high => LimitStatus::Over,
            LimitMode::AtMost if words * 100 >= high * 95 => LimitStatus::Near,
            _ => LimitStatus::Inside,
        }
    }

    /// Short label for counters: "约1500字" or "≤1000字".
    pub fn label(&self) -> String {
        match self.mode {
            LimitMode::About => format!("约{}字", self.words),
            LimitMode::AtMost => format!("≤{}字", self.words),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn about(words: usize) -> WordLimit {
        WordLimit {
            mode: LimitMode::About,
            words,
            band_percent: 10,
            source: String::new(),
        }
    }
    fn at_most(words: usize) -> WordLimit {
        WordLimit {
            mode: LimitMode::AtMost,
            words,
            band_percent: 10,
            source: String::new(),
        }
    }

    #[test]
    fn about_has_a_band_of_ten_percent() {
        let limit = about(1500);
        assert_eq!(limit.band(), (1350, 1650));
        assert_eq!(limit.status(0), LimitStatus::Empty);
        assert_eq!(limit.status(1349), LimitStatus::Short);
        assert_eq!(limit.status(1350), LimitStatus::Inside);
        assert_eq!(limit.status(1650), LimitStatus::Inside);
        assert_eq!(limit.status(1651), LimitStatus::Long);
        assert_eq!(limit.label(), "约1500字");
    }

    #[test]
    fn at_most_refuses_above_and_nudges_near() {
        let limit = at_most(1000);
        assert_eq!(limit.status(900), LimitStatus::Inside);
        assert_eq!(limit.status(950), LimitStatus::Near);
        assert_eq!(limit.status(1000), LimitStatus::Near);
        assert_eq!(limit.status(1001), LimitStatus::Over);
        assert_eq!(limit.label(), "≤1000字");
    }
}
