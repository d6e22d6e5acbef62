//! The sample draft (assets/sample), built into the binary: the app's 示例 opens a fresh copy
//! of it in the data folder, wherever the program was installed.

use crate::files::{Staging, write_private_new};

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
    let staging = Staging::new(&library.drafts_dir(), "sample")?;
    let staged = DraftFolder::at(staging.dir());
    for (name, bytes) in FILES {
        let path = staged.dir.join(name);
        write_private_new(&path, bytes).map_err(|error| DraftError::write(&path, &error))?;
    }
    let (mut draft, _) = staged.load()?;
    staged.save(&mut draft)?;
    let target = library.free_folder("示例");
    staging.commit(&target)?;
    Ok(DraftFolder::at(&target))
}
