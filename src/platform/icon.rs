//! The window's icon: the same drawing as the program's icon (assets/icon/make_icon.py).

use eframe::egui::IconData;

const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/icon-64.png");

/// The icon as RGBA pixels; empty (the system's default icon) if the PNG cannot be decoded.
pub fn window_icon() -> IconData {
    match image::load_from_memory_with_format(ICON_PNG, image::ImageFormat::Png) {
        Ok(decoded) => {
            let rgba = decoded.into_rgba8();
            IconData {
                width: rgba.width(),
                height: rgba.height(),
                rgba: rgba.into_raw(),
            }
        }
        Err(_) => IconData::default(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_icon_decodes() {
        let icon = super::window_icon();
        assert_eq!((icon.width, icon.height), (64, 64));
        assert_eq!(icon.rgba.len(), 64 * 64 * 4);
    }
}
