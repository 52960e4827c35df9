//! Issue 35, defects 9, 12 and 13: every file of the corpus is indexed or named on stderr with
//! its reason, by every command, every run; the exit code says whether any file is not indexed
//! (1) the same way for every command; bad `--index`/`--corpus` arguments are refused before
//! the corpus is read, naming the path; an unknown act id suggests the nearest ids; file names
//! and document text reach the terminal with their control characters escaped.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs zanlex with `args` in `cwd`; a run that does not end within 60 s (a FIFO opened, which
/// blocks) is killed and fails the test. (exit code, stdout, stderr).
fn run_in(cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("zanlex runs");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("zanlex {args:?} did not end (a FIFO opened?)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The lines of `err` that name files (`zanlex: skipped …`, `zanlex: warning: …`) and the
/// count line.
fn file_lines(err: &str) -> Vec<&str> {
    err.lines()
        .filter(|l| {
            l.starts_with("zanlex: skipped ")
                || l.starts_with("zanlex: warning: ")
                || l.contains("could not be indexed")
        })
        .collect()
}

/// A corpus folder `c` in `dir` with two acts of the bundled corpus and, for each kind of entry
/// that is not read, one: a FIFO, a broken link, two links looping, a link to a file and one to
/// a folder outside the corpus, an empty folder named `*.txt`, an empty text.
#[cfg(unix)]
fn odd_corpus(dir: &Path) {
    use std::os::unix::fs::symlink;
    let c = dir.join("c");
    std::fs::create_dir_all(&c).expect("corpus");
    std::fs::copy(crate::common::corpus_file("003"), c.join("003.txt")).expect("copy");
    std::fs::copy(crate::common::corpus_file("004"), c.join("004.txt")).expect("copy");
    std::fs::write(c.join("empty.txt"), b"").expect("write");
    let fifo = c.join("fifo.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    symlink("nowhere.txt", c.join("broken.txt")).expect("link");
    symlink("loop2.txt", c.join("loop1.txt")).expect("link");
    symlink("loop1.txt", c.join("loop2.txt")).expect("link");
    let outside = dir.join("outside");
    std::fs::create_dir_all(&outside).expect("outside");
    std::fs::copy(crate::common::corpus_file("001"), outside.join("001.txt")).expect("copy");
    symlink("../outside/001.txt", c.join("out.txt")).expect("link");
    symlink("../outside", c.join("outdir")).expect("link");
    std::fs::create_dir(c.join("folder.txt")).expect("folder");
}

/// Each odd entry is named with its reason by `index`, again by an `index` that finds the index
/// up to date, and by `search`, `acts`, `units`, `show`, `history` and `diff`; each exits 1
/// after printing its output. `--follow` reads the links leaving the corpus.
#[cfg(unix)]
#[test]
fn every_file_not_indexed_is_named_every_run_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    odd_corpus(dir.path());
    let outside = std::fs::canonicalize(dir.path().join("outside")).expect("canonical");
    let expected = [
        "zanlex: skipped c/broken.txt: is a broken symbolic link (to nowhere.txt, which does not exist)".to_string(),
        "zanlex: skipped c/empty.txt: empty file".to_string(),
        "zanlex: skipped c/fifo.txt: a FIFO (named pipe), not a regular file; it is not read".to_string(),
        "zanlex: skipped c/folder.txt: is a folder, not a file, and holds no .txt, .md or .pdf file".to_string(),
        "zanlex: skipped c/loop1.txt: is a symbolic link that loops".to_string(),
        "zanlex: skipped c/loop2.txt: is a symbolic link that loops".to_string(),
        format!("zanlex: skipped c/out.txt: is a link to {}, outside the corpus; not followed (give --follow to read it)", outside.join("001.txt").display()),
        format!("zanlex: skipped c/outdir: is a link to the folder {}, outside the corpus; not followed (give --follow to read it)", outside.display()),
        "zanlex: 8 of 10 files could not be indexed; the others are".to_string(),
    ];
    let base = ["--corpus", "c", "--index", "idx"];
    let with = |args: &[&str]| -> Vec<String> {
        args.iter()
            .chain(base.iter())
            .map(|s| s.to_string())
            .collect()
    };
    let run = |args: &[&str]| {
        let a = with(args);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        run_in(dir.path(), &a)
    };

    let (code, out, err) = run(&["index"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.starts_with("built idx: 10 added, 0 updated, 0 removed, 0 unchanged;"),
        "{out}"
    );
    assert_eq!(file_lines(&err), expected, "{err}");

    // Up to date: nothing is read again, and the same files are named.
    let (code, out, err) = run(&["index"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.starts_with("idx is up to date (10 files unchanged;"),
        "{out}"
    );
    assert_eq!(file_lines(&err), expected, "{err}");

    let act = "mvd-order-2012-06-14-352";
    for args in [
        vec!["search", "тұрақты тұру", "-n", "1"],
        vec!["acts"],
        vec!["units", act],
        vec!["show", "mvd-order-2012-06-14-352#para_1"],
        vec!["history", act],
        vec!["diff", act, "--from", "2012-06-14", "--to", "2012-06-14"],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(!out.is_empty(), "{args:?}: the output is printed");
        assert_eq!(file_lines(&err), expected, "{args:?}: {err}");
    }
    // The JSON lists them too.
    let (code, out, _) = run(&["acts", "--json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(v["failures"].as_array().map(Vec::len), Some(8));

    // With --follow the links leaving the corpus are read; what is left still exits 1.
    let (code, out, err) = run(&["index", "--follow"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.starts_with("refreshed idx: 1 added, 1 updated, 1 removed,"),
        "{out}"
    );
    let lines = file_lines(&err);
    assert_eq!(
        lines.last(),
        Some(&"zanlex: 7 of 10 files could not be indexed; the others are"),
        "{err}"
    );
    assert!(!err.contains("outside the corpus"), "{err}");
    // The two links name the same text: the second is an undated edition of the first.
    assert!(
        lines.iter().any(|l| l.starts_with(
            "zanlex: skipped c/outdir/001.txt: c/outdir/001.txt and c/out.txt are both undated editions"
        )),
        "{err}"
    );
}

/// A corpus whose every file is indexed exits 0 everywhere, also when up to date; a text with
/// no recognised structure is one unit of its whole text, found by a search; a broken
/// `.meta.toml`, an unclosed front matter and a date that is no date are warnings, and their
/// texts are indexed without that metadata.
#[test]
fn texts_with_broken_metadata_or_no_structure_are_indexed_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let c = dir.path().join("c");
    std::fs::create_dir(&c).expect("corpus");
    std::fs::copy(crate::common::corpus_file("004"), c.join("004.txt")).expect("copy");
    std::fs::write(c.join("004.meta.toml"), "publication_date = \"2018-\n").expect("write");
    std::fs::write(
        c.join("plain.txt"),
        "Жайылымдағы түйелерді суару тәртібі туралы қысқаша анықтама.\nЕкінші жол.\n",
    )
    .expect("write");
    std::fs::write(
        c.join("open.md"),
        "---\ntitle: Ашық\n# Заң\n\n### 1-бап. Жалпы ереже\n\n1. Мәтін мұнда.\n",
    )
    .expect("write");
    std::fs::write(
        c.join("date.md"),
        "---\nversion_date: 2020-13-45\n---\n# Тексеру туралы заң\n\n### 1-бап. Жалпы ереже\n\n1. Басқа мәтін.\n",
    )
    .expect("write");
    let run = |args: &[&str]| {
        let mut a = args.to_vec();
        a.extend(["--corpus", "c", "--index", "idx"]);
        run_in(dir.path(), &a)
    };
    let (code, out, err) = run(&["index"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("built idx: 4 added,"), "{out}");
    assert_eq!(
        file_lines(&err),
        [
            "zanlex: warning: c/004.txt: the sidecar 004.meta.toml is not valid TOML (invalid basic string); the text is indexed without it",
            "zanlex: warning: c/date.md: version_date \"2020-13-45\" in its metadata is not a date (write YYYY-MM-DD); the text is indexed without it",
            "zanlex: warning: c/open.md: its front matter (the `---` on line 1) is never closed by a `---` line; it is read as text",
            "zanlex: warning: c/plain.txt: no structure recognised (no numbered paragraphs, articles or questions); the whole text is indexed as one unit",
        ],
        "{err}"
    );
    let (code, out, err) = run(&["index"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("idx is up to date (4 files unchanged;"),
        "{out}"
    );
    assert_eq!(file_lines(&err), Vec::<&str>::new(), "{err}");

    let (code, out, err) = run(&["search", "түйе суару", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(v["total"], 1, "{out}");
    let hit = &v["hits"][0];
    assert_eq!(hit["unit"]["eid"], "other_1");
    assert_eq!(hit["source"]["file"], "c/plain.txt");
    assert_eq!(hit["source"]["line_start"], 1);
    assert_eq!(hit["source"]["line_end"], 2);
    assert_eq!(
        hit["text"],
        "Жайылымдағы түйелерді суару тәртібі туралы қысқаша анықтама.\nЕкінші жол."
    );
    let (code, out, _) = run(&["acts", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(v["acts"].as_array().map(Vec::len), Some(4), "{out}");
}

/// `--index` and `--corpus` mistakes are refused at once with one line naming the path, before
/// the corpus is read or anything is written.
#[test]
fn bad_index_and_corpus_arguments_are_refused_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let c = dir.path().join("c");
    std::fs::create_dir(&c).expect("corpus");
    std::fs::copy(crate::common::corpus_file("004"), c.join("004.txt")).expect("copy");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("folder");
    let cases: [(&Path, Vec<&str>, &str); 7] = [
        (
            &empty,
            vec!["index", "--corpus", "../c", "--index", "."],
            "zanlex: index .: names no folder of its own; give --index a folder name, e.g. --index index",
        ),
        (
            &empty,
            vec!["search", "виза", "--corpus", "../c", "--index", ".."],
            "zanlex: index ..: names no folder of its own; give --index a folder name, e.g. --index index",
        ),
        (
            dir.path(),
            vec!["index", "--corpus", "c", "--index", "c/004.txt"],
            "zanlex: index c/004.txt: is a file, not an index folder; zanlex writes only into an empty folder or an index it made: pick another --index",
        ),
        (
            dir.path(),
            vec!["acts", "--corpus", "c", "--index", "c/idx"],
            "zanlex: index c/idx: is inside the corpus folder (c); give --index a folder of its own outside it",
        ),
        (
            dir.path(),
            vec!["index", "--corpus", "c", "--index", "c"],
            "zanlex: index c: is the corpus folder itself (c); give --index a folder of its own outside it",
        ),
        (
            dir.path(),
            vec!["index", "--corpus", "c/004.txt", "--index", "idx"],
            "zanlex: corpus c/004.txt: is a file, not a corpus folder; give --corpus the folder of the texts",
        ),
        (
            dir.path(),
            vec!["index", "--corpus", "nope", "--index", "idx"],
            "zanlex: corpus nope: cannot read the corpus folder (No such file or directory (os error 2)); give --corpus the folder of the texts",
        ),
    ];
    for (cwd, args, line) in cases {
        let (code, out, err) = run_in(cwd, &args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert_eq!(out, "", "{args:?}");
        assert_eq!(err, format!("{line}\n"), "{args:?}");
    }
    // Nothing was written anywhere.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["c", "empty"]);
    assert_eq!(std::fs::read_dir(&empty).expect("list").count(), 0);
    assert_eq!(std::fs::read_dir(&c).expect("list").count(), 1);
}

/// An unknown id of 8 KB among 100,000 acts reads a bounded number of ids (the neighbours of its
/// place in sorted order and those that contain it), not every id, and the error names the id
/// cut to the length an id can have.
#[test]
fn an_unknown_act_id_of_any_length_costs_a_bounded_lookup() {
    // The lookup's bound is checked where it lives (`src/index/nearest_tests.rs`).
    let long = "akimat-resolution-2020-01-01-".repeat(300);
    // The error names the id no longer than an id can be.
    let dir = tempfile::tempdir().expect("temp dir");
    let c = dir.path().join("c");
    crate::common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"), &c);
    let target = format!("{long}#para_1");
    let (code, _, err) = run_in(
        dir.path(),
        &["show", &target, "--corpus", "c", "--index", "idx"],
    );
    assert_eq!(code, 2, "{err}");
    let line = err.lines().last().unwrap_or_default();
    assert!(
        line.starts_with("zanlex: no act with id \"akimat-resolution-2020-01-01-akimat"),
        "{err}"
    );
    assert!(
        line.chars().count() < 600,
        "{} characters",
        line.chars().count()
    );
}

/// An unknown act id names the three nearest ids and how many there are, never the whole list.
#[test]
fn an_unknown_act_id_suggests_the_nearest_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let c = dir.path().join("c");
    crate::common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"), &c);
    let (code, _, err) = run_in(dir.path(), &["index", "--corpus", "c", "--index", "idx"]);
    assert_eq!(code, 0, "{err}");
    for args in [
        vec!["units", "mvd-order-2012-06-14-353"],
        vec!["history", "mvd-order-2012-06-14-353"],
        vec!["show", "mvd-order-2012-06-14-353#para_1"],
    ] {
        let mut a = args.clone();
        a.extend(["--corpus", "c", "--index", "idx"]);
        let (code, out, err) = run_in(dir.path(), &a);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_eq!(out, "");
        assert_eq!(
            err,
            "zanlex: no act with id \"mvd-order-2012-06-14-353\"; did you mean: \
             mvd-order-2012-06-14-352, mfa-order-2018-01-04-11-1-4-1, \
             government-resolution-2022-10-10-807? (the index has 5 acts: a search finds the \
             act's id)\n",
            "{args:?}"
        );
    }
    // A prefix typed finds the ids it begins: `src/index/nearest_tests.rs`.
}

/// Control characters in a file's name and its text reach the terminal escaped in `history`,
/// `diff`, and the lines naming files.
#[test]
fn terminal_escapes_are_escaped_in_history_diff_and_file_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let c = dir.path().join("c");
    std::fs::create_dir(&c).expect("corpus");
    let seed = std::fs::read_to_string(crate::common::corpus_file("003")).expect("seed");
    // The title, printed at the head of `history`.
    let hostile = seed.replacen("Қазақстан", "Қазақстан \u{1b}]0;PWNED\u{7}", 1);
    assert_ne!(hostile, seed);
    std::fs::write(c.join("003.txt"), hostile).expect("write");
    std::fs::write(c.join("bad\u{1b}[2J.txt"), b"").expect("write");
    std::fs::write(c.join("warn\u{1b}[2J.txt"), "Бір жол ғана.\n").expect("write");
    let id = "mfa-order-2018-01-04-11-1-4-1";
    for args in [
        vec!["history", id],
        vec!["diff", id, "--from", "2018-01-04", "--to", "2026-01-01"],
        vec!["index", "--force"],
    ] {
        let mut a = args.clone();
        a.extend(["--corpus", "c", "--index", "idx"]);
        let (code, out, err) = run_in(dir.path(), &a);
        assert_eq!(code, 1, "{args:?}: {err}");
        for text in [&out, &err] {
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{7}'),
                "{args:?}: {text}"
            );
        }
        assert!(
            err.contains("zanlex: skipped c/bad\\u{1b}[2J.txt: empty file\n"),
            "{args:?}: {err}"
        );
        if args[0] == "history" {
            assert!(out.contains("Қазақстан \\u{1b}]0;PWNED\\u{7}"), "{out}");
        }
        if args[0] == "index" {
            assert!(
                err.contains("zanlex: warning: c/warn\\u{1b}[2J.txt: no structure recognised"),
                "{err}"
            );
        }
    }
}
