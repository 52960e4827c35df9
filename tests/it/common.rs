//! Helpers shared by the integration tests.
#[path = "../support/files.rs"]
mod files;
pub use files::{copy_dir, corpus_file};

/// Runs zanlex with `--index` in a temporary folder (the commands read acts from the index,
/// built on first use), so that no test writes an index into the repository: (exit code,
/// stdout, stderr).
pub fn zanlex_with(index: &tempfile::TempDir, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(args)
        .arg("--index")
        .arg(index.path().join("index"))
        .output()
        .expect("run zanlex");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
