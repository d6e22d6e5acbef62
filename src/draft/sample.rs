//! The sample draft (assets/sample), built into the binary: the app's 示例 opens a fresh copy
//! of it in the data folder, wherever the program was installed.

use std::fs;

use super::{DraftError, DraftFolder, Library};

const FILES: &[(&str, &[u8])] = &[
    (
        "draft.json",
        include_bytes!("../../assets/sample/draft.json"),
    ),
    (
        "photo-1.jpg",
        include_bytes!("../../assets/sample/photo-1.jpg"),
    ),
    (
        "evidence-1.jpg",
        include_bytes!("../../assets/sample/evidence-1.jpg"),
    ),
    (
        "evidence-2.jpg",
        include_bytes!("../../assets/sample/evidence-2.jpg"),
    ),
    (
        "evidence-3.jpg",
        include_bytes!("../../assets/sample/evidence-3.jpg"),
    ),
];

/// A new copy of the sample in the library, saved (so it lists with today's time).
pub fn create_sample(library: &Library) -> Result<DraftFolder, DraftError> {
    let folder = library.new_folder("示例")?;
    for (name, bytes) in FILES {
        let path = folder.dir.join(name);
        fs::write(&path, bytes).map_err(|error| DraftError::write(&path, &error))?;
    }
    let (mut draft, _) = folder.load()?;
    folder.save(&mut draft)?;
    Ok(folder)
}
