//! The `index`, `search` and `show` commands through the binary: output, exit codes, JSON,
//! incremental refresh.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn zanlex(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("zanlex runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// An index of the real corpus, built once by `zanlex index`.
fn index_dir() -> &'static str {
    static DIR: OnceLock<(tempfile::TempDir, String)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index").to_string_lossy().into_owned();
        let o = zanlex(&["index", "--index", &path]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("5 added"), "{}", stdout(&o));
        (dir, path)
    })
    .1
}

fn search(args: &[&str]) -> Output {
    let mut a = vec!["search", "--index", index_dir()];
    a.extend_from_slice(args);
    zanlex(&a)
}

#[test]
fn search_prints_cited_hits() {
    let o = search(&["тұрақты тұруға рұқсат", "--limit", "3"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("1. "), "{out}");
    assert!(out.contains("\n3. ") && !out.contains("\n4. "), "{out}");
    // Not a terminal: highlights in brackets, no ANSI escapes.
    assert!(
        out.contains("[Тұрақты]") || out.contains("[тұрақты]"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'));
    let re =
        regex::Regex::new(r"corpus/00\d_[0-9a-f]+\.txt:\d+-\d+ · kk · (in_force|repealed|unknown)")
            .unwrap();
    assert_eq!(re.find_iter(&out).count(), 3, "{out}");
}

#[test]
fn search_json_follows_the_contract() {
    let o = search(&["виза ұзарту", "--json", "--limit", "4"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let js: Value = serde_json::from_slice(&o.stdout).expect("one JSON document on stdout");
    assert_eq!(js["query"], "виза ұзарту");
    assert!(js["total"].as_u64().unwrap() >= 4);
    assert!(js["took_ms"].is_number());
    let hits = js["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 4);
    for (i, h) in hits.iter().enumerate() {
        assert_eq!(h["rank"], i + 1);
        for k in ["id", "title", "kind", "number", "date", "status"] {
            assert!(h["act"].get(k).is_some(), "act.{k}");
        }
        for k in ["eid", "label"] {
            assert!(h["unit"][k].is_string(), "unit.{k}");
        }
        for k in ["file", "line_start", "line_end", "page"] {
            assert!(h["source"].get(k).is_some(), "source.{k}");
        }
        assert!(h["version"].get("from").is_some() && h["version"].get("to").is_some());
        assert!(h["citation"].as_str().unwrap().contains('№'));
        let snippet = h["snippet"]["text"].as_str().unwrap();
        let hl = h["snippet"]["highlights"].as_array().unwrap();
        assert!(!hl.is_empty());
        for r in hl {
            let (a, b) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            let word = snippet
                .get(a..b)
                .expect("highlight on char boundaries")
                .to_lowercase();
            // The query's words, or the thesaurus alternative of виза, «келуге рұқсат».
            assert!(
                ["виза", "ұзарт", "келу", "рұқсат"]
                    .iter()
                    .any(|w| word.starts_with(w)),
                "{word}"
            );
        }
        assert!(h["text"].as_str().unwrap().len() >= snippet.len() / 2);
        assert!(h["amendments"].is_array());
    }
}

/// A search counts the matches exactly up to its bound (10,000 by default): all 42 units of
/// the seed corpus with «тұрақты», as `--exact-total` does; with `--total-bound 5` it stops
/// counting at 5 and says "5+" (in JSON, a lower bound), with the same hit.
#[test]
fn the_total_is_exact_up_to_its_bound_and_a_lower_bound_past_it() {
    let run = |extra: &[&str]| -> Value {
        let mut args = vec!["тұрақты", "--json", "--limit", "1"];
        args.extend_from_slice(extra);
        let o = search(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).expect("one JSON document on stdout")
    };
    let (default, exact, bounded) = (
        run(&[]),
        run(&["--exact-total"]),
        run(&["--total-bound", "5"]),
    );
    assert_eq!(exact["total"], 42);
    assert_eq!(exact["total_is_lower_bound"], false);
    assert_eq!(default["total"], 42);
    assert_eq!(default["total_is_lower_bound"], false);
    assert_eq!(bounded["total"], 5);
    assert_eq!(bounded["total_is_lower_bound"], true);
    for other in [&default, &bounded] {
        assert_eq!(other["hits"][0]["unit"], exact["hits"][0]["unit"]);
        assert_eq!(other["hits"][0]["score"], exact["hits"][0]["score"]);
    }
    // The text says the count as a reader reads it.
    let text = |extra: &[&str]| {
        let mut args = vec!["тұрақты", "--limit", "1"];
        args.extend_from_slice(extra);
        let o = search(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
    };
    let out = text(&["--total-bound", "5"]);
    assert!(out.ends_with("\n5+ units match\n"), "{out}");
    let out = text(&[]);
    assert!(out.ends_with("\n42 units match\n"), "{out}");
}

#[test]
fn a_short_page_is_filled_with_partial_hits_marked_in_json_and_text() {
    // Seven units have enough of the words: six have two of them or more, and the FAQ's answer
    // 1.4 has only «діни», which tells enough of the question alone. Three with fewer of the
    // words fill the page, after them.
    let q = "діни миссионерлік виза беріле ме";
    let o = search(&[q, "--json", "--limit", "10"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let js: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(js["total"], 7);
    let partial: Vec<bool> = js["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            h["partial"]
                .as_bool()
                .expect("every hit says whether it is partial")
        })
        .collect();
    assert_eq!(partial, [[false; 7].as_slice(), &[true; 3]].concat());
    let o = search(&[q, "--limit", "10"]);
    let text = stdout(&o);
    let marked: Vec<&str> = text
        .lines()
        .filter(|l| l.ends_with(" · partial: some of the words"))
        .collect();
    assert_eq!(marked.len(), 3, "{text}");
    assert!(marked[0].starts_with("8. "), "{text}");
}

/// `--budget-ms`: a search out of its budget says in words that it stopped and that more may
/// match, and its JSON says `incomplete`; a search within it does not.
#[test]
fn a_search_out_of_its_budget_says_so_in_words_and_in_json() {
    let q = "тұрақты тұруға рұқсат";
    let o = search(&[q, "--json", "--budget-ms", "60000"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let js: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(js["incomplete"], false);
    assert!(!js["hits"].as_array().unwrap().is_empty());
    assert!(!stderr(&o).contains("budget"), "{}", stderr(&o));
    let o = search(&[q, "--json", "--budget-ms", "0"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let js: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(js["incomplete"], true);
    assert_eq!(js["total_is_lower_bound"], true);
    assert!(
        stderr(&o).contains("the search stopped at its budget of 0 ms"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn filters_and_flags() {
    let o = search(&["рұқсат", "--status", "repealed", "--json", "--limit", "50"]);
    let js: Value = serde_json::from_slice(&o.stdout).unwrap();
    let hits = js["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["act"]["status"] == "repealed"));
    let o = search(&["рұқсат", "--kind", "faq", "--json"]);
    let js: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(js["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["act"]["kind"] == "faq"));
    let o = search(&["рұқсат", "--act", "mfa-order-2018-01-04-11-1-4-1", "--json"]);
    let js: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(js["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["act"]["id"] == "mfa-order-2018-01-04-11-1-4-1"));
}

#[test]
fn zero_hits_exit_0_with_a_hint() {
    let o = search(&["жоқсөзбарма"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("no unit matches"), "{}", stderr(&o));
    let o = search(&["жоқсөзбарма", "--json"]);
    let js: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(js["total"], 0);
}

#[test]
fn bad_queries_and_flags_exit_2_with_a_fix() {
    let long = "виза ".repeat(2000);
    for (args, needle) in [
        (vec!["\"тұрақты тұру"], "never closed"),
        (vec!["(виза"], "never closed"),
        (vec!["виза", "-"], "lone"),
        (vec!["kind:memo"], "unknown kind"),
        (vec![long.as_str()], "limit is 1000"),
        (vec!["виза", "--as-of", "2020-02-30"], "YYYY-MM-DD"),
        (vec!["виза", "--kind", "memo"], "unknown kind"),
        (vec!["виза", "--status", "alive"], "unknown status"),
        (vec!["виза", "--act", "no-such-act"], "no act"),
        (vec!["виза", "--limit", "0"], "out of range"),
    ] {
        let o = search(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("zanlex: ") && err.contains(needle),
            "{args:?}: {err}"
        );
        assert!(stdout(&o).is_empty());
    }
}

#[test]
fn show_prints_a_unit_with_citation_and_children() {
    let o = zanlex(&[
        "show",
        "--index",
        index_dir(),
        "mfa-order-2018-01-04-11-1-4-1#att_1__para_3",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 3-тармақ\n"
        ),
        "{out}"
    );
    assert!(out.contains("Children: 1) тармақша"), "{out}");
    let o = zanlex(&[
        "show",
        "--index",
        index_dir(),
        "--json",
        "mfa-order-2018-01-04-11-1-4-1#att_1__para_3",
    ]);
    let js: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(js["unit"]["eid"], "att_1__para_3");
    assert!(js["children"].as_array().unwrap().len() >= 2);
    let o = zanlex(&[
        "show",
        "--index",
        index_dir(),
        "mfa-order-2018-01-04-11-1-4-1#para_99",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("has no unit"));
    // An unknown act names the nearest ids, never the whole list.
    let o = zanlex(&["show", "--index", index_dir(), "nope#para_1"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("zanlex: no act with id \"nope\"; ")
            && err.ends_with("? (the index has 5 acts: a search finds the act's id)\n")
            && err.matches(", ").count() == 2,
        "{err}"
    );
}

fn copy_corpus(to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(root().join("corpus")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
        let mut perm = std::fs::metadata(to.join(p.file_name().unwrap()))
            .unwrap()
            .permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perm.set_readonly(false);
        std::fs::set_permissions(to.join(p.file_name().unwrap()), perm).unwrap();
    }
}

/// The word put into paragraph 2 of corpus/001 to see whether the index read the file again.
const MARKER: &str = "ерекшесөзтексеру";

/// Puts [`MARKER`] into paragraph 2 of the copy of corpus/001 in `corpus`; returns the file.
fn mark_file_001(corpus: &Path) -> PathBuf {
    edit_file_001(corpus, "2. Осы қаулы", &format!("2. Осы {MARKER} қаулы"))
}

/// Replaces `from` (which must be there) by `to` in the copy of corpus/001 in `corpus`;
/// returns the file.
fn edit_file_001(corpus: &Path, from: &str, to: &str) -> PathBuf {
    let f001 = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("001_"))
        .unwrap();
    let text = std::fs::read_to_string(&f001).unwrap();
    assert!(text.contains(from));
    std::fs::write(&f001, text.replace(from, to)).unwrap();
    f001
}

#[test]
fn index_refreshes_only_what_changed_and_search_builds_on_first_run() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_corpus(&corpus);
    let c = corpus.to_string_lossy().into_owned();
    let idx = tmp.path().join("index").to_string_lossy().into_owned();
    // A fresh clone: search builds the index first.
    let o = zanlex(&[
        "search", "--corpus", &c, "--index", &idx, "виза", "--limit", "1",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("built"), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("1. "));
    let o = zanlex(&["index", "--corpus", &c, "--index", &idx]);
    assert!(stdout(&o).contains("up to date"), "{}", stdout(&o));
    // Change one file.
    let f001 = mark_file_001(&corpus);
    let o = zanlex(&["index", "--corpus", &c, "--index", &idx]);
    assert!(
        stdout(&o).contains("0 added, 1 updated, 0 removed, 4 unchanged"),
        "{}",
        stdout(&o)
    );
    let o = zanlex(&["search", "--corpus", &c, "--index", &idx, MARKER, "--json"]);
    let js: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(js["total"], 1, "{js}");
    assert!(js["hits"][0]["source"]["file"]
        .as_str()
        .unwrap()
        .contains("001_"));
    // Remove it: its units leave the index, the rest stays.
    std::fs::remove_file(&f001).unwrap();
    let o = zanlex(&["search", "--corpus", &c, "--index", &idx, MARKER, "--json"]);
    assert!(stderr(&o).contains("refreshed"), "{}", stderr(&o));
    let js: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(js["total"], 0);
    let o = zanlex(&["index", "--corpus", &c, "--index", &idx]);
    assert!(stdout(&o).contains("up to date"), "{}", stdout(&o));
    let o = zanlex(&[
        "search",
        "--corpus",
        &c,
        "--index",
        &idx,
        "тұрақты",
        "--json",
    ]);
    let js: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(js["total"].as_u64().unwrap() > 10);
    // An unreadable file is reported and skipped; the rest is still indexed, and the exit
    // code says a file is not (1).
    std::fs::write(corpus.join("999_empty.txt"), b"").unwrap();
    let o = zanlex(&["index", "--corpus", &c, "--index", &idx]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("999_empty.txt"), "{}", stderr(&o));
    let o = zanlex(&[
        "search",
        "--corpus",
        &c,
        "--index",
        &idx,
        "тұрақты",
        "--json",
    ]);
    let js2: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(js2["total"], js["total"]);
    // No rebuild for a known-bad file, which is named again all the same.
    assert_eq!(o.status.code(), Some(1));
    let name = corpus.file_name().unwrap().to_string_lossy();
    assert_eq!(
        stderr(&o),
        format!(
            "zanlex: skipped {name}/999_empty.txt: empty file\n\
             zanlex: 1 of 5 files could not be indexed; the others are\n"
        )
    );
}

/// `--no-refresh` searches the index as it is: a file changed since the build is not read
/// again (its new word is not found, nothing is "refreshed"), until a search without the flag
/// refreshes the index; a missing index is still built; `zanlex index` refuses the flag.
#[test]
fn no_refresh_searches_the_index_as_it_is() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_corpus(&corpus);
    let c = corpus.to_string_lossy().into_owned();
    let idx = tmp.path().join("index").to_string_lossy().into_owned();
    let search = |word: &str, flag: Option<&str>| {
        let mut args = vec!["search", "--corpus", &c, "--index", &idx, word, "--json"];
        args.extend(flag);
        zanlex(&args)
    };
    let o = search("виза", Some("--no-refresh"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("built"), "{}", stderr(&o));
    mark_file_001(&corpus);
    let o = search(MARKER, Some("--no-refresh"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("refreshed"), "{}", stderr(&o));
    let js: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(js["total"], 0, "{js}");
    let o = search(MARKER, None);
    assert!(stderr(&o).contains("refreshed"), "{}", stderr(&o));
    let js: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(js["total"], 1, "{js}");
    let o = zanlex(&["index", "--corpus", &c, "--index", &idx, "--no-refresh"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--no-refresh"), "{}", stderr(&o));
}

/// `ZanIndex::open_or_build_with` answers from an up-to-date index: on a fresh index once,
/// while the corpus is checked; after a file changed, again on the refreshed index, whose
/// answer it returns. A missing index is built first.
#[test]
fn open_or_build_with_answers_from_an_up_to_date_index() {
    use std::cell::Cell;
    use zanlex::{BuildOptions, SearchRequest, ZanIndex};
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_corpus(&corpus);
    let idx = tmp.path().join("index");
    let runs = Cell::new(0);
    let total = |word: &str| {
        let request = SearchRequest::new(word).exact_total(true);
        let runs = &runs;
        move |index: &ZanIndex| {
            runs.set(runs.get() + 1);
            index.search(&request).unwrap().total
        }
    };
    let opts = BuildOptions::default();
    let (_, report, n) = ZanIndex::open_or_build_with(&corpus, &idx, &opts, total("виза")).unwrap();
    assert!(report.rebuilt && n > 0 && runs.get() == 1, "{report:?} {n}");
    runs.set(0);
    let (_, report, again) =
        ZanIndex::open_or_build_with(&corpus, &idx, &opts, total("виза")).unwrap();
    assert_eq!((again, runs.get()), (n, 1));
    assert!(!report.changed && report.unchanged == 5, "{report:?}");
    mark_file_001(&corpus);
    runs.set(0);
    let (_, report, found) =
        ZanIndex::open_or_build_with(&corpus, &idx, &opts, total(MARKER)).unwrap();
    assert!(report.changed && !report.rebuilt, "{report:?}");
    assert_eq!((found, runs.get()), (1, 2));
}

/// On a corpus of more files than `--scan-limit`, a search reads no file's size and time: it
/// uses the index as the last full check left it and says since when, so a file changed since
/// is not found until `zanlex index` checks the corpus again. Within the limit every search
/// checks every file, as before.
#[test]
fn a_corpus_past_the_scan_limit_is_used_as_last_checked_and_says_since_when() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_corpus(&corpus);
    let c = corpus.to_string_lossy().into_owned();
    let idx = tmp.path().join("index").to_string_lossy().into_owned();
    let run = |cmd: &str, word: Option<&str>, limit: &str| {
        let mut args = vec![cmd, "--corpus", &c, "--index", &idx, "--scan-limit", limit];
        if let Some(w) = word {
            args.extend([w, "--json"]);
        }
        zanlex(&args)
    };
    let total = |o: &Output| serde_json::from_slice::<Value>(&o.stdout).unwrap()["total"].clone();
    let o = run("search", Some("виза"), "4");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("built"), "{}", stderr(&o));
    mark_file_001(&corpus);
    let o = run("search", Some(MARKER), "4");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(total(&o), 0);
    let said = stderr(&o);
    assert!(
        said.contains("the corpus's 5 files were last checked")
            && said.contains("changes since are not in the index"),
        "{said}"
    );
    assert!(!said.contains("refreshed"), "{said}");
    let o = run("index", None, "4");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("refreshed"), "{}", stdout(&o));
    let o = run("search", Some(MARKER), "4");
    assert_eq!(total(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("last checked"), "{}", stderr(&o));
    // Within the limit, a change is found by the next search.
    let f001 = mark_file_001_again(&corpus);
    let o = run("search", Some(SECOND_MARKER), "5");
    assert_eq!(total(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("refreshed"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("last checked"), "{}", stderr(&o));
    assert!(f001.is_file());
}

/// A second word put into corpus/001 after [`MARKER`].
const SECOND_MARKER: &str = "екіншісөзтексеру";

/// Puts [`SECOND_MARKER`] beside [`MARKER`] in the copy of corpus/001 in `corpus`.
fn mark_file_001_again(corpus: &Path) -> PathBuf {
    edit_file_001(corpus, MARKER, &format!("{MARKER} {SECOND_MARKER}"))
}

/// While a [`zanlex::CorpusWatch`] runs and has seen no change since its refresh, opening the
/// index reads no file (`Watched`); a file changed is seen by the watcher, and the next open
/// checks every file and refreshes. A watcher that is gone vouches for nothing, whatever its
/// `watch.json` says. Its owner is woken by each change.
#[test]
fn a_running_watcher_vouches_for_the_index_until_a_file_changes() {
    use zanlex::{BuildOptions, CorpusWatch, Freshness, SearchRequest, ZanIndex};
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_corpus(&corpus);
    let idx = tmp.path().join("index");
    let opts = BuildOptions::default();
    ZanIndex::open_or_build(&corpus, &idx, &opts).unwrap();
    let watch = CorpusWatch::start(&corpus, &idx).unwrap();
    // Not yet refreshed since the watch began: every file is checked.
    let (_, report) = ZanIndex::open_or_build(&corpus, &idx, &opts).unwrap();
    assert_eq!(report.freshness, Freshness::Checked);
    let seen = watch.changes();
    watch.mark_refreshed(seen);
    let total = |index: &ZanIndex| {
        index
            .search(&SearchRequest::new(MARKER).exact_total(true))
            .unwrap()
            .total
    };
    let (_, report, n) = ZanIndex::open_or_build_with(&corpus, &idx, &opts, total).unwrap();
    assert_eq!((report.freshness, n), (Freshness::Watched, 0));
    assert!(
        CorpusWatch::start(&corpus, &idx).is_err(),
        "one watcher per index"
    );
    // The owner is told of the change as it comes.
    let (changed, woken) = std::sync::mpsc::channel();
    watch.on_change(move || {
        let _ = changed.send(());
    });
    mark_file_001(&corpus);
    woken
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("no event came");
    assert_ne!(watch.changes(), seen);
    let (_, report, n) = ZanIndex::open_or_build_with(&corpus, &idx, &opts, total).unwrap();
    assert_eq!(
        (report.freshness, report.changed, n),
        (Freshness::Checked, true, 1)
    );
    drop(watch);
    let state =
        serde_json::json!({ "corpus": std::fs::canonicalize(&corpus).unwrap(), "pending": false });
    std::fs::write(idx.join("watch.json"), state.to_string()).unwrap();
    let (_, report) = ZanIndex::open_or_build(&corpus, &idx, &opts).unwrap();
    assert_eq!(report.freshness, Freshness::Checked);
}
