//! Colours and sizes in one place.

use eframe::egui::Color32;

use crate::form::limit::LimitStatus;
use crate::form::validate::Severity;

pub const OK: Color32 = Color32::from_rgb(0x2e, 0x7d, 0x32);
pub const NEAR: Color32 = Color32::from_rgb(0xb2, 0x6a, 0x00);
pub const ERROR: Color32 = Color32::from_rgb(0xc6, 0x28, 0x28);
pub const HINT: Color32 = Color32::from_rgb(0x45, 0x5a, 0x64);
pub const MUTED: Color32 = Color32::from_rgb(0x60, 0x60, 0x60);

/// Width of the help column beside the fields.
pub const HELP_WIDTH: f32 = 260.0;
/// Width of the section list.
pub const SIDE_WIDTH: f32 = 170.0;

pub fn severity(severity: Severity) -> Color32 {
    match severity {
        Severity::Error => ERROR,
        Severity::Warning => NEAR,
        Severity::Hint => HINT,
    }
}

/// Green inside the band, amber near it or outside an "about" band, red over a hard limit.
pub fn limit(status: LimitStatus) -> Color32 {
    match status {
        LimitStatus::Inside => OK,
        LimitStatus::Empty => MUTED,
        LimitStatus::Near | LimitStatus::Short | LimitStatus::Long => NEAR,
        LimitStatus::Over => ERROR,
    }
}
