//! The index is built only where zanlex made an index or the folder is empty: a folder that is
//! not an index is never touched (the command line's refusals: `tests/it/index_safety.rs`).

/// A project folder that holds a `meta.json` is not an index: the build from acts refuses it
/// and every file in it is kept.
#[test]
fn a_folder_that_is_not_an_index_is_never_touched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let proj = dir.path().join("proj");
    std::fs::create_dir_all(proj.join("src")).expect("folder");
    std::fs::write(proj.join("meta.json"), "{}").expect("write");
    std::fs::write(proj.join("src/main.rs"), "fn main(){}").expect("write");
    let err = crate::index::build_from_acts(&proj, &[]).expect_err("not an index");
    assert!(err.to_string().contains("not a zanlex index"), "{err}");
    assert!(proj.join("src/main.rs").is_file());
}
