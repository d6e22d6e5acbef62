//! Photos shown on screen: decoded off the UI thread (a 12 MP photo takes a good part of a
//! second on an old PC), turned upright, reduced to screen size, kept as textures.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use eframe::egui::{self, ColorImage, TextureHandle, TextureOptions};

use super::task::{Polled, Task};
use crate::photo::{cache, print};

/// Longest side of a thumbnail, in pixels.
const MAX_SIDE: u32 = 900;

pub enum Thumb {
    Loading,
    Ready(TextureHandle),
    Failed(String),
}

/// The thumbnails of one open draft (dropped with its session).
#[derive(Default)]
pub struct Thumbnails {
    cache: HashMap<PathBuf, Thumb>,
    decoding: HashMap<PathBuf, Task<Result<ColorImage, String>>>,
}

impl Thumbnails {
    /// The thumbnail of the photo `file` of the draft folder `dir`, starting its decoding on
    /// first request. Only a plain file name inside the folder is read (`photo::source`).
    pub fn get(&mut self, ctx: &egui::Context, dir: &Path, file: &str) -> &Thumb {
        self.collect(ctx);
        let path = dir.join(file);
        if !self.cache.contains_key(&path) {
            let (dir, file) = (dir.to_owned(), file.to_owned());
            let task = Task::spawn(ctx, move || decode(&dir, &file));
            self.decoding.insert(path.clone(), task);
            self.cache.insert(path.clone(), Thumb::Loading);
        }
        self.cache.get(&path).unwrap_or(&Thumb::Loading)
    }

    /// Turns finished decodes into textures.
    fn collect(&mut self, ctx: &egui::Context) {
        let mut finished = Vec::new();
        for (path, task) in &self.decoding {
            let thumb = match task.poll() {
                Polled::Running => continue,
                Polled::Done(Ok(image)) => Thumb::Ready(ctx.load_texture(
                    path.display().to_string(),
                    image,
                    TextureOptions::LINEAR,
                )),
                Polled::Done(Err(message)) => Thumb::Failed(message),
                Polled::Crashed => Thumb::Failed("图片无法解码。".to_owned()),
            };
            finished.push((path.clone(), thumb));
        }
        for (path, thumb) in finished {
            self.decoding.remove(&path);
            self.cache.insert(path, thumb);
        }
    }

    /// Whether a decode is still running (its result lands on a later frame).
    pub fn is_loading(&self) -> bool {
        !self.decoding.is_empty()
    }

    /// The files shown or being decoded.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.cache.keys().map(PathBuf::as_path)
    }

    /// Forget a file (replaced or removed).
    pub fn forget(&mut self, path: &Path) {
        self.cache.remove(path);
        self.decoding.remove(path);
    }
}

fn decode(dir: &Path, file: &str) -> Result<ColorImage, String> {
    let bytes = crate::photo::source::read_photo(dir, file).map_err(|error| error.to_string())?;
    let info = crate::photo::probe(&bytes).map_err(|error| error.to_string())?;
    // Kept in the print cache: the next time the draft opens, a 12 MP photo is not decoded.
    // Made by the print path's decoder, which refuses a cut JPEG instead of showing it grey.
    let key = cache::thumb_key(&bytes, info.orientation, MAX_SIDE);
    let image = match cache::load(dir, &key) {
        Some(thumb) => image::load_from_memory_with_format(&thumb.jpeg, image::ImageFormat::Jpeg)
            .map_err(|error| format!("图片无法解码：{error}"))?,
        None => {
            let image = print::upright_scaled(&bytes, info.orientation, MAX_SIDE)
                .map_err(|error| error.to_string())?;
            if let Ok(jpeg) = print::encode_thumbnail(&image) {
                cache::store_bytes(dir, &key, &jpeg);
            }
            image
        }
    };
    let image = image.to_rgba8();
    let size = [image.width() as usize, image.height() as usize];
    Ok(ColorImage::from_rgba_unmultiplied(size, image.as_raw()))
}
