//! `zanlex serve` while a file of its corpus changes again and again: the refreshes are
//! coalesced (one takes in the changes that came while the last ran and the gap after it),
//! the index in force serves meanwhile, and the last change is in the index once the stream
//! stops.

use super::serve_api::{test_corpus, Server};
use std::time::{Duration, Instant};

/// The text of a small act whose second paragraph says `word`.
fn act(word: &str) -> String {
    format!(
        "Сынақ қағидаларын бекіту туралы\n\n1. Бірінші тармақ сынақ туралы.\n2. Екінші тармақ {word} туралы.\n"
    )
}

/// One file rewritten every 100 ms for four seconds: at most six refreshes take all forty
/// changes in (one a change before), and the last word is found once the stream stops.
#[test]
fn a_stream_of_changes_is_taken_in_by_a_few_refreshes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let file = corpus.join("950_burst.txt");
    std::fs::write(&file, act("бастапқысөз")).expect("write");
    let server = Server::start(&corpus, &dir.path().join("index"), &["--watch-secs", "1"]);
    let refreshes = |server: &Server| {
        server
            .stderr()
            .iter()
            .filter(|l| l.contains("serving a refreshed index"))
            .count()
    };
    let before = refreshes(&server);
    let started = Instant::now();
    let mut n = 0;
    while started.elapsed() < Duration::from_secs(4) {
        n += 1;
        std::fs::write(&file, act(&format!("аралықсөз{}", "а".repeat(n % 7 + 1)))).expect("write");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::fs::write(&file, act("ақырғысөз")).expect("write");
    let found = |server: &Server| {
        reqwest::blocking::get(server.url("/v1/search?q=ақырғысөз"))
            .and_then(|r| r.json::<serde_json::Value>())
            .is_ok_and(|v| v["hits"].as_array().is_some_and(|h| !h.is_empty()))
    };
    let waited = Instant::now();
    while !found(&server) {
        assert!(
            waited.elapsed() < Duration::from_secs(20),
            "the last change never came in: {:?}",
            server.stderr()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let made = refreshes(&server) - before;
    assert!(n >= 30, "{n} changes");
    assert!(
        made <= 7,
        "{made} refreshes for {n} changes: {:?}",
        server.stderr()
    );
}
