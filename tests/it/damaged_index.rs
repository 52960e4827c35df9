//! An index whose files were damaged on disk (a segment's `.idx` or `.store` cut short): the
//! command line says in one line what is damaged and that it rebuilt the index, then answers;
//! the server starts, rebuilt, and serves.

use super::serve_api::{test_corpus, Server};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The segment files with extension `ext` of the index in force in `index`, largest first.
fn segment_files(index: &Path, ext: &str) -> Vec<PathBuf> {
    let current = std::fs::read_to_string(index.join("CURRENT")).expect("CURRENT");
    let generation = index.join(current.trim());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&generation)
        .expect("generation")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort_by_key(|p| std::cmp::Reverse(std::fs::metadata(p).map_or(0, |m| m.len())));
    assert!(!files.is_empty(), "no .{ext} in {}", generation.display());
    files
}

/// Cuts `file` to its first 100 bytes.
fn truncate(file: &Path) {
    std::fs::OpenOptions::new()
        .write(true)
        .open(file)
        .and_then(|f| f.set_len(100))
        .expect("truncate");
}

fn zanlex(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("zanlex runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// For each of a segment's `.idx` and `.store` cut short: `search` says in one line which
/// file is damaged and that the index was rebuilt, and answers as before the damage.
#[test]
fn search_on_a_damaged_index_says_so_in_one_line_and_rebuilds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let corpus = corpus.to_str().expect("utf-8 path");
    let args = ["search", "--corpus", corpus, "--index", "idx", "виза"];
    let (code, before, err) = zanlex(dir.path(), &args);
    assert_eq!(code, 0, "{err}");
    assert!(!before.trim().is_empty());
    for ext in ["idx", "store"] {
        let file = segment_files(&dir.path().join("idx"), ext).remove(0);
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_string();
        truncate(&file);
        let (code, out, err) = zanlex(dir.path(), &args);
        assert_eq!(code, 0, "{err}");
        assert_eq!(out, before, "{err}");
        // One line says what is damaged and what was done; the rest is the rebuild's report,
        // and no line is the engine's own dump.
        let said: Vec<&str> = err.lines().collect();
        assert_eq!(
            said.iter().filter(|l| l.contains("damaged")).count(),
            1,
            "{err}"
        );
        assert!(
            !err.contains("IoError") && !err.contains("tantivy"),
            "{err}"
        );
        assert!(
            said[0].starts_with(&format!("zanlex: the index idx was damaged ({name}: ")),
            "{err}"
        );
        assert!(said[0].ends_with("); rebuilt it from the corpus"), "{err}");
        // Rebuilt: the next search says nothing of damage.
        let (code, out, err) = zanlex(dir.path(), &args);
        assert_eq!((code, out.as_str()), (0, before.as_str()), "{err}");
        assert!(!err.contains("damaged"), "{err}");
    }
}

/// `serve` on an index with a segment cut short starts, says the index was damaged and
/// rebuilt, and answers searches.
#[test]
fn serve_starts_on_a_damaged_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let index = dir.path().join("index");
    drop(Server::start(&corpus, &index, &[]));
    truncate(&segment_files(&index, "idx")[0]);
    let server = Server::start(&corpus, &index, &[]);
    let res = reqwest::blocking::get(server.url("/v1/search?q=виза")).expect("search");
    assert_eq!(res.status().as_u16(), 200);
    let said = server.stderr();
    assert!(
        said.iter()
            .any(|l| l.contains("was damaged (") && l.ends_with("rebuilt it from the corpus")),
        "{said:?}"
    );
}
