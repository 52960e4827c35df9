//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// The bundled corpus's `.txt` file whose name starts with `prefix` (`"003"`).
pub fn corpus_file(prefix: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .expect("corpus file")
}

/// Copies folder `from` into `to` (created when missing), subfolders included.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("target folder");
    for e in std::fs::read_dir(from).expect("source folder") {
        let p = e.expect("folder entry").path();
        let target = to.join(p.file_name().expect("file name"));
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            std::fs::copy(&p, target).expect("copy");
        }
    }
}

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
