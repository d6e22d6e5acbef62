//! Local dates and times for what the user reads (save status, drafts list, checklists). The
//! offset comes from the environment where the platform does not tell it, so it defaults to
//! China's UTC+8: these PCs are in China, and no time-zone database is shipped.

use std::time::{SystemTime, UNIX_EPOCH};

/// Hours east of UTC for shown times: TIANBIAO_UTC_OFFSET_HOURS, else China's UTC+8.
pub fn utc_offset_hours() -> i64 {
    std::env::var("TIANBIAO_UTC_OFFSET_HOURS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8)
}

pub fn now_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Local time of day (hh:mm:ss) of a Unix time.
pub fn clock(seconds: u64) -> String {
    let local = (seconds as i64 + utc_offset_hours() * 3600).rem_euclid(86_400);
    format!(
        "{:02}:{:02}:{:02}",
        local / 3600,
        local / 60 % 60,
        local % 60
    )
}

/// Local date (YYYY-MM-DD) of a Unix time.
pub fn day(seconds: u64) -> String {
    let days = (seconds as i64 + utc_offset_hours() * 3600).div_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y}-{m:02}-{d:02}")
}

/// Local date and minute, e.g. 2026-11-21 10:42.
pub fn day_and_minute(seconds: u64) -> String {
    format!("{} {}", day(seconds), &clock(seconds)[..5])
}
