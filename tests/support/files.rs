//! Fixture files for the tests: one copy for the library's unit tests (`src/test_support.rs`)
//! and the integration tests (`tests/it/common.rs`), each including it by path.

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
