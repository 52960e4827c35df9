//! zanlex never deletes, moves or overwrites what it did not make, and one bad file or query
//! never stops it (issue "Never lose a user's data"): an `--index` folder that is not a zanlex
//! index, a text that panicked the instruction parser, the query `date:..`.

use std::path::Path;
use std::process::Command;

fn zanlex(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(args)
        .output()
        .expect("zanlex runs")
}

fn copy_corpus(to: &Path) {
    crate::common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"), to);
}

/// A project folder that holds a `meta.json` is not an index: `search --index` on it fails
/// before reading the corpus, with a message naming it, and every file in it is kept.
#[test]
fn a_folder_that_is_not_an_index_is_never_touched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    copy_corpus(&corpus);
    let proj = dir.path().join("proj");
    std::fs::create_dir_all(proj.join("src")).expect("folder");
    std::fs::write(proj.join("meta.json"), "{}").expect("write");
    std::fs::write(proj.join("src/main.rs"), "fn main(){}").expect("write");
    let (c, p) = (
        corpus.to_string_lossy().into_owned(),
        proj.to_string_lossy().into_owned(),
    );
    for args in [
        vec!["search", "виза", "--corpus", &c, "--index", &p],
        vec!["index", "--force", "--corpus", &c, "--index", &p],
    ] {
        let out = zanlex(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("is a folder with other files in it, not a zanlex index")
                && err.contains(&p),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(proj.join("src/main.rs")).expect("kept"),
            "fn main(){}"
        );
        assert_eq!(
            std::fs::read_to_string(proj.join("meta.json")).expect("kept"),
            "{}"
        );
    }
    // The library refuses the same way.
    let err = zanlex::refresh(&corpus, &proj, &Default::default()).expect_err("not an index");
    assert!(err.to_string().contains("not a zanlex index"), "{err}");
    // So does the build from acts beneath it (`src/index/safety_tests.rs`).
    // A file given as the index is refused and kept.
    let file = corpus.join(
        std::fs::read_dir(&corpus)
            .expect("corpus")
            .flatten()
            .next()
            .expect("a file")
            .file_name(),
    );
    let before = std::fs::read(&file).expect("read");
    let out = zanlex(&["index", "--corpus", &c, "--index", &file.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a file, not an index folder"));
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

/// An index zanlex made carries its marker; one made before the marker existed (a commit with
/// zanlex's manifest, no marker) is still recognised and rebuilt in place.
/// An index is marked as zanlex's; one written before the marker and before generations
/// (tantivy's files at the top of the folder, zanlex's manifest in its commit) is still
/// recognised, and the next build replaces it with a generation, removing tantivy's files.
#[test]
fn zanlex_indexes_are_marked_and_rebuilt() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    copy_corpus(&corpus);
    let idx = dir.path().join("index");
    let (c, i) = (
        corpus.to_string_lossy().into_owned(),
        idx.to_string_lossy().into_owned(),
    );
    assert!(zanlex(&["index", "--corpus", &c, "--index", &i])
        .status
        .success());
    let marker = idx.join("zanlex-index.json");
    let body = std::fs::read_to_string(&marker).expect("marker");
    assert!(body.contains("\"written_by\": \"zanlex\""), "{body}");
    // The layout of before: the generation's files at the top, no marker, no CURRENT.
    let gen = idx.join("gen-000001");
    for e in std::fs::read_dir(&gen).expect("generation") {
        let p = e.expect("entry").path();
        std::fs::rename(&p, idx.join(p.file_name().expect("name"))).expect("move up");
    }
    for f in [&marker, &idx.join("CURRENT")] {
        std::fs::remove_file(f).expect("remove");
    }
    std::fs::remove_dir(&gen).expect("remove generation");
    // Still recognised as zanlex's: the build below replaces it rather than refusing it.
    let out = zanlex(&["index", "--corpus", &c, "--index", &i]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(marker.is_file());
    let mut left: Vec<String> = std::fs::read_dir(&idx)
        .expect("index")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [
            "CURRENT",
            "gen-000001",
            "read.lock",
            "write.lock",
            "zanlex-index.json"
        ]
    );
    let out = zanlex(&[
        "search", "виза", "--corpus", &c, "--index", &i, "--limit", "1",
    ]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("1. "));
}

/// A 455-byte text whose instructions put two verbs where one head's displaced words run
/// into the next panicked every command; now it is indexed and the rest with it.
#[test]
fn a_text_that_panicked_the_instruction_parser_is_indexed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    copy_corpus(&corpus);
    std::fs::write(
        corpus.join("zz.txt"),
        "      1. \"Көшіп келушілердің Қазақстан Республикасына келуінің және онда болуының, \nаумағына келуге тыйым салынған адамдарды есепке алу қағидаларын бекіту туралы\" \nмынадай өзгеріс пен толықтыру енгізілсін:\n1. толықтырылсын: болатын.\n2. жазылсын: жүзеге.\n",
    )
    .expect("write");
    let built = dir.path().join("built");
    let index = crate::common::build_clean(&corpus, &built, &Default::default());
    assert_eq!(index.acts().expect("acts").len(), 6);
    let idx = dir.path().join("index");
    let out = zanlex(&[
        "search",
        "тұрақты тұру",
        "--corpus",
        &corpus.to_string_lossy(),
        "--index",
        &idx.to_string_lossy(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("1. "));
}

/// `date:..` names no date: a bad query (exit 2 with a fix), not a panic.
#[test]
fn an_empty_date_range_is_a_bad_query() {
    let err = zanlex::Query::parse("date:..").expect_err("no date");
    assert!(err.to_string().contains("has no date"), "{err}");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = zanlex(&[
        "search",
        "date:..",
        "--index",
        &dir.path().join("index").to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has no date"));
}

/// Terminal escapes in a document's words and in a file name reach the terminal as visible
/// escapes (`\u{1b}`), never as control characters, in `acts`, `units`, `show` and `search`.
#[test]
fn terminal_escapes_from_documents_are_printed_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("folder");
    let seed = std::fs::read_to_string(crate::common::corpus_file("001")).expect("seed");
    let hostile = seed.replacen("Қазақстан", "Қазақстан \u{1b}]0;PWNED\u{7}", 1);
    assert_ne!(hostile, seed);
    std::fs::write(corpus.join("b\u{1b}[2J.txt"), hostile).expect("write");
    let (c, i) = (
        corpus.to_string_lossy().into_owned(),
        dir.path().join("index").to_string_lossy().into_owned(),
    );
    let acts = zanlex(&["acts", "--corpus", &c, "--index", &i]);
    assert!(
        acts.status.success(),
        "{}",
        String::from_utf8_lossy(&acts.stderr)
    );
    let text = String::from_utf8_lossy(&acts.stdout);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text}"
    );
    assert!(text.contains("\\u{1b}]0;PWNED\\u{7}"), "{text}");
    assert!(text.contains("b\\u{1b}[2J.txt"), "{text}");
    let id = "government-resolution-2022-10-10-807";
    for args in [
        vec!["units", id],
        vec!["show", "government-resolution-2022-10-10-807#preamble"],
        vec!["search", "қаулы", "-n", "3"],
    ] {
        let mut a = args.clone();
        a.extend(["--corpus", &c, "--index", &i]);
        let out = zanlex(&a);
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{args:?}: {text}"
        );
        if args[0] == "units" {
            // The title, printed at the head of the tree.
            assert!(text.contains("\\u{1b}]0;PWNED"), "{text}");
        }
    }
}
