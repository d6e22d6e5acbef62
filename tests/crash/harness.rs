//! Killing the real program at random moments, with a fixed seed, and looking at what is left.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift): the same seed kills at the same moments.
pub struct Seeded(u64);

impl Seeded {
    pub fn new(seed: u64) -> Self {
        Seeded(seed.max(1))
    }

    pub fn below(&mut self, limit: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % limit.max(1)
    }
}

/// How the kills went, printed for the closing note.
pub struct Kills {
    pub job: &'static str,
    pub kills: usize,
    pub finished_first: usize,
    pub seed: u64,
    pub full_run: Duration,
}

/// Runs the job once to learn how long it takes, then `kills` times, each killed (SIGKILL on
/// Unix, TerminateProcess on Windows) after a random delay within that time; `check` looks
/// at what is left after each kill.
pub fn kill_repeatedly(
    job: &'static str,
    kills: usize,
    seed: u64,
    mut command: impl FnMut() -> Command,
    mut check: impl FnMut(usize),
) -> Kills {
    let started = Instant::now();
    let status = command()
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the job runs");
    let full_run = started.elapsed();
    assert!(
        status.code().is_some_and(|code| code <= 1),
        "{job}: {status}"
    );
    let mut random = Seeded::new(seed);
    let mut finished_first = 0;
    let span = (full_run.as_micros() as u64).max(1000) * 11 / 10;
    for kill in 0..kills {
        let mut child = command()
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the job starts");
        std::thread::sleep(Duration::from_micros(random.below(span)));
        if matches!(child.try_wait(), Ok(Some(_))) {
            finished_first += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        check(kill);
    }
    let kills = Kills {
        job,
        kills,
        finished_first,
        seed,
        full_run,
    };
    println!(
        "crash test {}: {} kills (seed {}), {} runs finished before their kill, one whole run {} ms",
        kills.job,
        kills.kills,
        kills.seed,
        kills.finished_first,
        kills.full_run.as_millis()
    );
    kills
}

/// Every file and folder under `dir`.
pub fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut queue = vec![dir.to_owned()];
    while let Some(next) = queue.pop() {
        for entry in std::fs::read_dir(&next).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                queue.push(path.clone());
            }
            found.push(path);
        }
    }
    found
}

/// Names a killed run may leave and the next start must remove.
pub fn leftovers(dir: &Path) -> Vec<std::path::PathBuf> {
    walk(dir)
        .into_iter()
        .filter(|path| {
            path.file_name().is_some_and(|name| {
                let name = name.to_string_lossy();
                name.starts_with(".tianbiao-")
                    || name.contains(".partial")
                    || name == "draft.json.tmp"
            })
        })
        // Inside a leftover staging folder counts once, as the folder.
        .filter(|path| {
            !path
                .parent()
                .and_then(Path::file_name)
                .is_some_and(|name| name.to_string_lossy().starts_with(".tianbiao-"))
        })
        .collect()
}
