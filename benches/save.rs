//! Save time of the sample draft, as autosave does it after a pause in typing: atomic write,
//! sync, rename. Prints figures; it asserts nothing (timings are for reading, not for CI).
//!
//! Run: `cargo bench --bench save`

use std::path::Path;
use std::time::{Duration, Instant};

use tianbiao::draft::DraftFolder;
use tianbiao::form::catalog::Catalog;
use tianbiao::form::validate::validate;

const ROUNDS: usize = 200;

fn main() {
    let sample = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample"));
    let (draft, _) = match DraftFolder::at(sample).load() {
        Ok(loaded) => loaded,
        Err(error) => return eprintln!("cannot read the sample draft: {error}"),
    };
    let Ok(target) = tempfile::tempdir() else {
        return eprintln!("cannot make a temporary folder");
    };
    let folder = DraftFolder::at(&target.path().join("draft"));

    let mut times = Vec::with_capacity(ROUNDS);
    let mut bytes = 0;
    for round in 0..ROUNDS {
        let mut copy = draft.clone();
        copy.answers
            .set_text("summary_note", format!("第{round}次保存"));
        let started = Instant::now();
        match folder.save(&mut copy) {
            Ok(report) => bytes = report.bytes,
            Err(error) => return eprintln!("save failed: {error}"),
        }
        times.push(started.elapsed());
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "save of the sample draft ({bytes} bytes of JSON), {ROUNDS} rounds, write + fsync + rename:"
    );
    println!("  p50 {:?}  p90 {:?}  max {:?}", at(0.5), at(0.9), at(1.0));

    let Ok(catalog) = Catalog::builtin() else {
        return;
    };
    let Some((definition, campaign)) = catalog.pair(&draft.campaign) else {
        return;
    };
    let started = Instant::now();
    let mut findings = 0;
    for _ in 0..ROUNDS {
        findings = validate(definition, campaign, &draft.answers).len();
    }
    let each = started.elapsed() / ROUNDS as u32;
    println!("validate the sample draft: {each:?} each ({findings} findings)");
    let started = Instant::now();
    let mut serialized = 0;
    for _ in 0..ROUNDS {
        serialized = serde_json::to_vec_pretty(&draft).map_or(0, |json| json.len());
    }
    let each: Duration = started.elapsed() / ROUNDS as u32;
    println!("serialize the sample draft: {each:?} each ({serialized} bytes)");
}
