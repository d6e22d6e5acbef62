//! What a person has filled in: one answer per field id. Answers are plain data, saved in the
//! draft as they are; the definition says how to read each one.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One answer. Untagged so the draft's JSON reads naturally (`"name": "林某"`,
/// `"domains": ["…"]`); an empty list reads back as `List`, so accessors accept it for any list.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Answer {
    Text(String),
    List(Vec<String>),
    Rows(Vec<AnswerRow>),
    Photo(PhotoRef),
    Images(Vec<PhotoRef>),
}

/// A repeated row: column id → text.
pub type AnswerRow = BTreeMap<String, String>;

/// A photo copied into the draft folder; the user's original file is never modified.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PhotoRef {
    /// File name inside the draft folder.
    pub file: String,
    /// Pixel size as stored, before EXIF rotation.
    pub width: u32,
    pub height: u32,
    /// File size in bytes.
    pub bytes: u64,
    /// EXIF orientation (1–8); 1 when absent.
    #[serde(default = "upright")]
    pub orientation: u8,
    /// The part to print, chosen by the user, in the rotated image's pixels.
    #[serde(default)]
    pub crop: Option<Crop>,
    #[serde(default)]
    pub caption: Option<String>,
    /// The name the file had when it was chosen, for the user's benefit.
    #[serde(default)]
    pub original_name: Option<String>,
}

fn upright() -> u8 {
    1
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Crop {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

impl PhotoRef {
    /// Size after applying the EXIF orientation (orientations 5–8 swap width and height).
    pub fn upright_size(&self) -> (u32, u32) {
        if (5..=8).contains(&self.orientation) {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }

    /// The part printed in a box of `ratio` (width / height): the user's crop, or else the
    /// largest centred crop of that ratio (a photo is never stretched).
    pub fn crop_for(&self, ratio: f32) -> Crop {
        if let Some(crop) = self.crop {
            return crop;
        }
        let (width, height) = self.upright_size();
        if width as f32 / height.max(1) as f32 > ratio {
            let cropped = (height as f32 * ratio).round() as u32;
            Crop {
                x: (width - cropped.min(width)) / 2,
                y: 0,
                width: cropped.min(width),
                height,
            }
        } else {
            let cropped = (width as f32 / ratio).round() as u32;
            Crop {
                x: 0,
                y: (height - cropped.min(height)) / 2,
                width,
                height: cropped.min(height),
            }
        }
    }

    /// The pixels that will be printed: the crop if one is set, else the whole upright image.
    pub fn printed_pixels(&self) -> (u32, u32) {
        match self.crop {
            Some(crop) => (crop.width, crop.height),
            None => self.upright_size(),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    /// A text answer, trimmed; "" when absent or not text.
    pub fn text(&self, id: &str) -> &str {
        match self.0.get(id) {
            Some(Answer::Text(text)) => text.trim(),
            _ => "",
        }
    }

    pub fn list(&self, id: &str) -> &[String] {
        match self.0.get(id) {
            Some(Answer::List(items)) => items,
            _ => &[],
        }
    }

    pub fn rows(&self, id: &str) -> &[AnswerRow] {
        match self.0.get(id) {
            Some(Answer::Rows(rows)) => rows,
            _ => &[],
        }
    }

    pub fn photo(&self, id: &str) -> Option<&PhotoRef> {
        match self.0.get(id) {
            Some(Answer::Photo(photo)) => Some(photo),
            _ => None,
        }
    }

    pub fn images(&self, id: &str) -> &[PhotoRef] {
        match self.0.get(id) {
            Some(Answer::Images(images)) => images,
            _ => &[],
        }
    }

    /// Every photo file the answers refer to, with the field that holds it.
    pub fn photo_files(&self) -> Vec<(&str, &PhotoRef)> {
        let mut files = Vec::new();
        for (id, answer) in &self.0 {
            match answer {
                Answer::Photo(photo) => files.push((id.as_str(), photo)),
                Answer::Images(images) => files.extend(images.iter().map(|i| (id.as_str(), i))),
                _ => {}
            }
        }
        files
    }

    /// Every photo reference, to change (e.g. the file names of an imported draft).
    pub fn photo_files_mut(&mut self) -> Vec<&mut PhotoRef> {
        let mut files = Vec::new();
        for answer in self.0.values_mut() {
            match answer {
                Answer::Photo(photo) => files.push(photo),
                Answer::Images(images) => files.extend(images.iter_mut()),
                _ => {}
            }
        }
        files
    }

    pub fn set_text(&mut self, id: &str, text: impl Into<String>) {
        self.0.insert(id.to_owned(), Answer::Text(text.into()));
    }

    pub fn set_list(&mut self, id: &str, items: Vec<String>) {
        self.0.insert(id.to_owned(), Answer::List(items));
    }

    pub fn set_rows(&mut self, id: &str, rows: Vec<AnswerRow>) {
        self.0.insert(id.to_owned(), Answer::Rows(rows));
    }

    pub fn set_photo(&mut self, id: &str, photo: PhotoRef) {
        self.0.insert(id.to_owned(), Answer::Photo(photo));
    }

    pub fn set_images(&mut self, id: &str, images: Vec<PhotoRef>) {
        self.0.insert(id.to_owned(), Answer::Images(images));
    }

    pub fn remove(&mut self, id: &str) {
        self.0.remove(id);
    }

    /// Whether a field has something in it (for required checks and completeness).
    pub fn is_filled(&self, id: &str) -> bool {
        match self.0.get(id) {
            None => false,
            Some(Answer::Text(text)) => !text.trim().is_empty(),
            Some(Answer::List(items)) => items.iter().any(|item| !item.trim().is_empty()),
            Some(Answer::Rows(rows)) => rows
                .iter()
                .any(|row| row.values().any(|cell| !cell.trim().is_empty())),
            Some(Answer::Photo(_)) => true,
            Some(Answer::Images(images)) => !images.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_read_back_from_natural_json() {
        let json = r#"{
            "name": "林某",
            "domains": ["面向经济主战场"],
            "history": [{"start": "2006-09", "end": "2010-07", "what": "学习"}],
            "photo": {"file": "photo.jpg", "width": 413, "height": 531, "bytes": 40000},
            "evidence": [{"file": "e1.jpg", "width": 1200, "height": 850, "bytes": 90000, "caption": "证书"}],
            "empty": []
        }"#;
        let answers: Answers = serde_json::from_str(json).unwrap();
        assert_eq!(answers.text("name"), "林某");
        assert_eq!(answers.list("domains"), ["面向经济主战场"]);
        assert_eq!(answers.rows("history")[0]["what"], "学习");
        assert_eq!(answers.photo("photo").map(|p| p.width), Some(413));
        assert_eq!(
            answers.images("evidence")[0].caption.as_deref(),
            Some("证书")
        );
        assert!(answers.rows("empty").is_empty());
        assert!(!answers.is_filled("empty"));
        assert_eq!(answers.photo_files().len(), 2);
    }

    #[test]
    fn orientation_swaps_the_upright_size() {
        let mut photo = PhotoRef {
            file: "p.jpg".into(),
            width: 4000,
            height: 3000,
            bytes: 1,
            orientation: 6,
            crop: None,
            caption: None,
            original_name: None,
        };
        assert_eq!(photo.upright_size(), (3000, 4000));
        photo.crop = Some(Crop {
            x: 0,
            y: 0,
            width: 700,
            height: 900,
        });
        assert_eq!(photo.printed_pixels(), (700, 900));
    }
}
