//! `zanlex serve` keeping up with a corpus changed behind its back: the corpus folder moved
//! away and another made in its place, and an edit that keeps a file's size and modification
//! time (`cp -p`, `rsync -t`).

use super::serve_api::{test_corpus, Server};
use serde_json::Value;
use std::path::Path;
use std::time::{Duration, Instant};

fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(120))
        .build()
        .expect("http client")
}

/// How many hits `q` has on the server.
fn total(s: &Server, q: &str) -> u64 {
    let res = client()
        .get(s.url(&format!("/v1/search?q={q}")))
        .send()
        .expect("request");
    assert_eq!(res.status().as_u16(), 200);
    res.json::<Value>().expect("json")["total"]
        .as_u64()
        .unwrap_or(0)
}

/// Waits up to `most` for `q` to have hits; whether it did.
fn found_within(s: &Server, q: &str, most: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < most {
        if total(s, q) > 0 {
            return true;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    false
}

fn reindex(s: &Server) -> Value {
    let res = client().post(s.url("/v1/reindex")).send().expect("request");
    assert_eq!(res.status().as_u16(), 200);
    res.json::<Value>().expect("json")
}

/// `mv corpus gone; sleep PAUSE; mkdir corpus; cp -r gone/* corpus/`, with one act of the
/// copy new.
fn replace_corpus_folder(corpus: &Path, pause: Duration) {
    let gone = corpus.with_file_name("gone");
    std::fs::rename(corpus, &gone).expect("move the corpus away");
    std::thread::sleep(pause);
    std::fs::create_dir(corpus).expect("make the corpus folder again");
    super::common::copy_dir(&gone, corpus);
    std::fs::write(
        corpus.join("901_new.txt"),
        super::serve_api::HOSTILE_DOC.replace("зебразавр", "жирафозавр"),
    )
    .expect("write the new act");
}

/// Rewrites `file` with `from` replaced by `to` (as many bytes), then gives it back its
/// modification time: its size and time are as the index recorded them.
fn edit_keeping_size_and_time(file: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let before = std::fs::metadata(file).expect("metadata");
    let text = std::fs::read_to_string(file).expect("read");
    assert!(text.contains(from));
    // The word at the start of a sentence too.
    let capital = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let edited = text.replace(from, to).replace(&capital(from), &capital(to));
    std::fs::write(file, edited).expect("write");
    let f = std::fs::File::options()
        .write(true)
        .open(file)
        .expect("open");
    f.set_modified(before.modified().expect("mtime"))
        .expect("set mtime");
    drop(f);
    let after = std::fs::metadata(file).expect("metadata");
    assert_eq!(after.len(), before.len());
    assert_eq!(after.modified().ok(), before.modified().ok());
}

/// The watcher follows a corpus folder replaced by another of the same name: the new
/// folder's acts are served without a restart.
#[test]
fn a_replaced_corpus_folder_is_watched_again() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let s = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "1"]);
    assert_eq!(total(&s, "жирафозавр"), 0);
    // Replaced at once, while the watcher's first refresh may be running (the moment
    // `a_folder_replaced_during_a_refresh_is_followed` holds still).
    replace_corpus_folder(&corpus, Duration::ZERO);
    assert!(
        found_within(&s, "жирафозавр", Duration::from_secs(40)),
        "the replaced folder's new act is not served: {:?}",
        s.stderr()
    );
    // And the new folder is watched: a file written into it later is served too.
    std::fs::write(
        corpus.join("902_later.txt"),
        super::serve_api::HOSTILE_DOC.replace("зебразавр", "бегемотозавр"),
    )
    .expect("write");
    assert!(
        found_within(&s, "бегемотозавр", Duration::from_secs(40)),
        "a file written into the new folder is not served: {:?}",
        s.stderr()
    );
}

/// The library's watcher, as `zanlex serve --watch` and `zanlex watch` drive it: a corpus
/// folder replaced while a refresh runs (after the owner read the count of changes, before it
/// marks the index refreshed) is followed when the refresh is marked. The marking finds the
/// new folder, counts a change (every file to be compared) and does not vouch for the index;
/// the next refresh reads the new folder, and a file written into it later is seen. The
/// moment is the one a folder replaced as a server starts meets: its first refresh runs.
#[test]
fn a_folder_replaced_during_a_refresh_is_followed() {
    use zanlex::{BuildOptions, CorpusWatch, Freshness, Rehash, SearchRequest, ZanIndex};
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let index = tmp.path().join("index");
    let opts = BuildOptions::default();
    ZanIndex::open_or_build(&corpus, &index, &opts).expect("build");
    let watch = std::sync::Arc::new(CorpusWatch::start(&corpus, &index).expect("watch"));
    let (changed, woken) = std::sync::mpsc::channel();
    watch.on_change(move || {
        let _ = changed.send(());
    });
    // A refresh begins: the count read, the corpus read.
    let seen = watch.changes();
    ZanIndex::open_or_build(&corpus, &index, &opts).expect("refresh");
    // The folder is replaced before the refresh is marked.
    replace_corpus_folder(&corpus, Duration::ZERO);
    // Marked on a thread of its own: a marking that never returns fails the test.
    let (marked, done) = std::sync::mpsc::channel();
    let marking = std::sync::Arc::clone(&watch);
    std::thread::spawn(move || {
        marking.mark_refreshed(seen);
        let _ = marked.send(());
    });
    done.recv_timeout(Duration::from_secs(20))
        .expect("marking the refresh does not return once the folder was replaced");
    assert_ne!(watch.changes(), seen);
    assert_eq!(watch.rehash(), Rehash::Every);
    // Searches do not trust the index: the next open checks every file and reads the new act.
    let again = BuildOptions {
        rehash: watch.rehash(),
        ..BuildOptions::default()
    };
    let seen = watch.changes();
    let (zi, report) = ZanIndex::open_or_build(&corpus, &index, &again).expect("refresh");
    assert_eq!(report.freshness, Freshness::Checked, "{report:?}");
    assert_eq!(report.added, ["corpus/901_new.txt"], "{report:?}");
    let hits = zi
        .search(&SearchRequest::new("жирафозавр"))
        .expect("search");
    assert!(hits.total > 0);
    watch.mark_refreshed(seen);
    assert_eq!(watch.rehash(), Rehash::Unchanged);
    // The new folder is the one watched: a file written into it wakes the owner.
    while woken.try_recv().is_ok() {}
    std::fs::write(
        corpus.join("902_later.txt"),
        super::serve_api::HOSTILE_DOC.replace("зебразавр", "бегемотозавр"),
    )
    .expect("write");
    woken
        .recv_timeout(Duration::from_secs(20))
        .expect("no event from the new folder");
    assert_ne!(watch.changes(), seen);
}

/// `POST /v1/reindex` checks the corpus itself rather than trust a watcher that was left on
/// the folder moved away.
#[test]
fn reindex_reads_a_replaced_corpus_folder() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    // Looks an hour apart: only the reindex can bring the new folder in.
    let s = Server::start(
        &corpus,
        &tmp.path().join("index"),
        &["--watch-secs", "3600"],
    );
    // The first look has refreshed once the watcher trusts the index.
    std::thread::sleep(Duration::from_secs(2));
    // The move is an event, and the watcher refreshes (the folder gone, the index stays as
    // it is) before the new folder is made: it trusts the index again.
    replace_corpus_folder(&corpus, Duration::from_secs(2));
    std::thread::sleep(Duration::from_millis(500));
    let r = reindex(&s);
    assert!(total(&s, "жирафозавр") > 0, "{r}");
}

/// An edit that keeps a file's size and modification time is indexed once its file event
/// names the file.
#[test]
fn an_edit_keeping_size_and_time_is_indexed_after_its_event() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let s = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "1"]);
    assert!(total(&s, "зебразавр") > 0);
    // The watcher's first refresh is over before the edit.
    std::thread::sleep(Duration::from_secs(2));
    edit_keeping_size_and_time(&corpus.join("900_hostile.txt"), "зебразавр", "мамонтище");
    assert!(
        found_within(&s, "мамонтище", Duration::from_secs(40)),
        "the edit is not served: {:?}",
        s.stderr()
    );
    assert_eq!(total(&s, "зебразавр"), 0);
}

/// Without a watcher, `POST /v1/reindex` compares every file by content: an edit that kept
/// size and time is taken in.
#[test]
fn reindex_takes_in_an_edit_keeping_size_and_time() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let s = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "0"]);
    edit_keeping_size_and_time(&corpus.join("900_hostile.txt"), "зебразавр", "мамонтище");
    let r = reindex(&s);
    assert_eq!(r["changed"], true, "{r}");
    assert_eq!(
        r["updated"],
        serde_json::json!(["corpus/900_hostile.txt"]),
        "{r}"
    );
    assert!(total(&s, "мамонтище") > 0);
    assert_eq!(total(&s, "зебразавр"), 0);
}

/// A refresh told which files an event named compares them by content: an edit that kept
/// size and time is indexed; without being told, size and time decide.
#[test]
fn a_refresh_told_the_named_files_compares_their_content() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let index = tmp.path().join("index");
    let opts = zanlex::BuildOptions::default();
    zanlex::ZanIndex::open_or_build(&corpus, &index, &opts).expect("build");
    let file = corpus.join("900_hostile.txt");
    edit_keeping_size_and_time(&file, "зебразавр", "мамонтище");
    let (_, untold) = zanlex::ZanIndex::open_or_build(&corpus, &index, &opts).expect("refresh");
    assert!(!untold.changed, "{untold:?}");
    let told = zanlex::BuildOptions {
        rehash: zanlex::Rehash::Files(vec![file.clone()]),
        ..zanlex::BuildOptions::default()
    };
    let (zi, report) = zanlex::ZanIndex::open_or_build(&corpus, &index, &told).expect("refresh");
    assert_eq!(report.updated, ["corpus/900_hostile.txt"], "{report:?}");
    let hits = zi
        .search(&zanlex::SearchRequest::new("мамонтище"))
        .expect("search");
    assert!(hits.total > 0);
    // Told again, nothing is new.
    let (_, again) = zanlex::ZanIndex::open_or_build(&corpus, &index, &told).expect("refresh");
    assert!(!again.changed, "{again:?}");
}
