//! Photos shown on screen: decoded off the UI thread (a 12 MP photo takes a good part of a
//! second on an old PC), turned upright, reduced to screen size, kept as textures.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use eframe::egui::{self, ColorImage, TextureHandle, TextureOptions};

/// Longest side of a thumbnail, in pixels.
const MAX_SIDE: u32 = 900;

pub enum Thumb {
    Loading,
    Ready(TextureHandle),
    Failed(String),
}

pub struct Thumbnails {
    cache: HashMap<PathBuf, Thumb>,
    sender: Sender<(PathBuf, Result<ColorImage, String>)>,
    receiver: Receiver<(PathBuf, Result<ColorImage, String>)>,
}

impl Default for Thumbnails {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Thumbnails {
            cache: HashMap::new(),
            sender,
            receiver,
        }
    }
}

impl Thumbnails {
    /// The thumbnail of a file, starting its decoding on first request.
    pub fn get(&mut self, ctx: &egui::Context, path: &Path) -> &Thumb {
        for (done, result) in self.receiver.try_iter() {
            let thumb = match result {
                Ok(image) => Thumb::Ready(ctx.load_texture(
                    done.display().to_string(),
                    image,
                    TextureOptions::LINEAR,
                )),
                Err(message) => Thumb::Failed(message),
            };
            self.cache.insert(done, thumb);
        }
        if !self.cache.contains_key(path) {
            let sender = self.sender.clone();
            let owned = path.to_owned();
            let repaint = ctx.clone();
            std::thread::spawn(move || {
                let result = decode(&owned);
                let _ = sender.send((owned, result));
                repaint.request_repaint();
            });
            self.cache.insert(path.to_owned(), Thumb::Loading);
        }
        self.cache.get(path).unwrap_or(&Thumb::Loading)
    }

    /// Whether a decode is still running (its result lands on a later frame).
    pub fn is_loading(&self) -> bool {
        self.cache
            .values()
            .any(|thumb| matches!(thumb, Thumb::Loading))
    }

    /// Forget a file (replaced or removed).
    pub fn forget(&mut self, path: &Path) {
        self.cache.remove(path);
    }
}

fn decode(path: &Path) -> Result<ColorImage, String> {
    let bytes = std::fs::read(path).map_err(|error| format!("无法读取图片：{error}"))?;
    let info = crate::photo::probe(&bytes).map_err(|error| error.to_string())?;
    let mut image =
        image::load_from_memory(&bytes).map_err(|error| format!("图片无法解码：{error}"))?;
    image.apply_orientation(
        image::metadata::Orientation::from_exif(info.orientation)
            .unwrap_or(image::metadata::Orientation::NoTransforms),
    );
    let image = image.thumbnail(MAX_SIDE, MAX_SIDE).to_rgba8();
    let size = [image.width() as usize, image.height() as usize];
    Ok(ColorImage::from_rgba_unmultiplied(size, image.as_raw()))
}
