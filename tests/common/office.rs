//! Word files read back as a reviewer would: converted to PDF by LibreOffice.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SOFFICE_TIMEOUT: Duration = Duration::from_secs(120);

/// Converts the .docx files to PDF with LibreOffice, in one run (each start costs seconds).
pub fn soffice_to_pdf(files: &[&Path], out_dir: &Path, home: &Path) -> Duration {
    let started = Instant::now();
    let mut child = Command::new("soffice")
        .env("HOME", home)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(out_dir)
        .args(files)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|error| {
            panic!(
                "soffice (LibreOffice) is needed to check the Word copy ({error}): \
                 install it with `apt-get install libreoffice-writer-nogui`"
            )
        });
    loop {
        if let Some(status) = child.try_wait().expect("soffice can be waited for") {
            assert!(status.success(), "soffice failed: {status}");
            return started.elapsed();
        }
        if started.elapsed() > SOFFICE_TIMEOUT {
            let _ = child.kill();
            panic!("soffice took more than {SOFFICE_TIMEOUT:?} to convert {files:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
