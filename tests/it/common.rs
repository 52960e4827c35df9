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

/// Runs `zanlex ARGS --json --corpus CORPUS --index INDEX`: its exit code and the one JSON
/// document it prints on stdout (an error is `{"error": {"code", "message"}}` there too).
pub fn zanlex_json(
    corpus: &std::path::Path,
    index: &std::path::Path,
    args: &[&str],
) -> (i32, serde_json::Value) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(args)
        .arg("--json")
        .arg("--corpus")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .output()
        .expect("run zanlex");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: stdout is not one JSON document ({e}): {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), json)
}

/// An index built once and shared by every test of a file, kept with the temporary folder it
/// lives in: `static INDEX: SharedIndex = SharedIndex::new();`, then
/// `INDEX.get(|| index_of_eval_acts(&[…]))` in each test (the first call builds it).
pub struct SharedIndex(std::sync::OnceLock<(tempfile::TempDir, zanlex::ZanIndex)>);

impl SharedIndex {
    /// A shared index not built yet.
    pub const fn new() -> Self {
        SharedIndex(std::sync::OnceLock::new())
    }

    /// The index, built by `build` (its folder and the index in it) on the first call.
    pub fn get(
        &self,
        build: impl FnOnce() -> (tempfile::TempDir, zanlex::ZanIndex),
    ) -> &zanlex::ZanIndex {
        &self.0.get_or_init(build).1
    }
}

/// An index of the acts of `evals/corpus` named by their folders' paths below it
/// (`codes/03-laws/2002/0312-o-pchelovodstve-11564`), built in a temporary folder the caller
/// keeps alive; the build must read every act without a failure.
pub fn index_of_eval_acts(acts: &[&str]) -> (tempfile::TempDir, zanlex::ZanIndex) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("evals/corpus");
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    for act in acts {
        let from = root.join(act);
        let name = from.file_name().expect("a folder");
        copy_dir(&from, &corpus.join(name));
    }
    let index = build_clean(
        &corpus,
        dir.path().join("index"),
        &zanlex::BuildOptions::default(),
    );
    (dir, index)
}

/// The index in `index` built from `corpus` with `opts` (or refreshed, when it is there) and
/// opened; the build must read every file: one it could not read fails the test, named with
/// the reason.
pub fn build_clean(
    corpus: impl AsRef<std::path::Path>,
    index: impl AsRef<std::path::Path>,
    opts: &zanlex::BuildOptions,
) -> zanlex::ZanIndex {
    let corpus = corpus.as_ref();
    let (built, report) = zanlex::ZanIndex::open_or_build(corpus, index, opts)
        .unwrap_or_else(|e| panic!("{}: the index does not build: {e}", corpus.display()));
    assert!(
        report.failures.is_empty(),
        "{}: files not indexed (file, why): {:?}",
        corpus.display(),
        report.failures
    );
    built
}
