//! Preferences kept between runs (the zoom chosen with Ctrl+= / Ctrl+-), in the data folder.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub zoom: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { zoom: 1.0 }
    }
}

fn file(data_dir: &Path) -> PathBuf {
    data_dir.join("settings.json")
}

impl Settings {
    /// The saved settings; defaults when there are none or the file is unreadable.
    pub fn load(data_dir: &Path) -> Self {
        fs::read(file(data_dir))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Settings>(&bytes).ok())
            .filter(|settings| (0.5..=3.0).contains(&settings.zoom))
            .unwrap_or_default()
    }

    /// Saves; a failure only means the zoom is not remembered, so it is not reported.
    pub fn save(&self, data_dir: &Path) {
        if let Ok(json) = serde_json::to_vec_pretty(self) {
            let _ = crate::files::ensure_private_dir(data_dir)
                .map_err(|error| crate::files::WriteError::from_io(data_dir, &error))
                .and_then(|()| crate::files::write_file(&file(data_dir), &json));
        }
    }
}
