//! One builder, replicas that serve what it publishes: `zanlex publish` copies the index in
//! force into a replica's folder as a new generation, and `zanlex serve --replica` swaps each
//! published generation in whole. A generation half copied, or one that cannot be opened, is
//! never served. (`scripts/replicas.py` runs the same behind a load balancer, under load.)

use super::serve_api::{test_corpus, Server};
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Runs the zanlex binary: (exit code, stderr).
fn zanlex(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(args)
        .output()
        .expect("run zanlex");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn get(server: &Server, path: &str) -> Value {
    let res = reqwest::blocking::get(server.url(path)).expect("request");
    assert_eq!(res.status().as_u16(), 200, "{path}");
    res.json().expect("JSON")
}

/// The hits' `act#eid` of a search.
fn hits(server: &Server, q: &str) -> Vec<String> {
    get(server, &format!("/v1/search?q={q}"))["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            format!(
                "{}#{}",
                h["act"]["id"].as_str().unwrap_or(""),
                h["unit"]["eid"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// Waits up to 30 s for the replica to serve `generation`.
fn wait_for(server: &Server, generation: &str) {
    let started = Instant::now();
    while get(server, "/healthz")["generation"] != generation {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the replica did not swap in {generation}: {:?}",
            server.stderr()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn publish(built: &Path, to: &Path) -> (i32, String) {
    zanlex(&[
        "publish",
        "--index",
        &built.display().to_string(),
        "--to",
        &to.display().to_string(),
    ])
}

fn index(corpus: &Path, built: &Path) {
    let (code, err) = zanlex(&[
        "index",
        "--corpus",
        &corpus.display().to_string(),
        "--index",
        &built.display().to_string(),
    ]);
    assert_eq!(code, 0, "{err}");
}

/// A new act of its own, in Markdown, saying `word`.
const NEW_ACT: &str = "# Жирафозавр туралы бұйрық\n\n1. Жирафозавр қорғалады.\n\n2. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.\n";

#[test]
fn a_replica_serves_each_published_generation_whole_and_never_a_broken_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let built = dir.path().join("built");
    let replica = dir.path().join("replica");
    index(&corpus, &built);
    let (code, err) = publish(&built, &replica);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("published gen-000001 to"), "{err}");
    // Publishing what the replica already has writes nothing.
    let (code, err) = publish(&built, &replica);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("already serves this index (gen-000001)"),
        "{err}"
    );

    // The corpus folder given is not read: the replica serves what was published.
    let server = Server::start(
        &dir.path().join("no-corpus-here"),
        &replica,
        &["--replica", "--watch-secs", "1"],
    );
    assert_eq!(get(&server, "/healthz")["generation"], "gen-000001");
    assert!(hits(&server, "жирафозавр").is_empty());
    let before = hits(&server, "рұқсат");
    assert!(!before.is_empty());

    // A generation being copied (a folder no `CURRENT` names) is not looked at.
    let partial = replica.join("gen-000007");
    std::fs::create_dir(&partial).expect("mkdir");
    std::fs::write(partial.join("meta.json"), b"{\"segments\": [").expect("write");
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(get(&server, "/healthz")["generation"], "gen-000001");

    // `CURRENT` naming a generation that cannot be opened: the one served stays in force.
    std::fs::write(replica.join("CURRENT"), "gen-000007\n").expect("write");
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(get(&server, "/healthz")["generation"], "gen-000001");
    assert_eq!(hits(&server, "рұқсат"), before);
    std::fs::write(replica.join("CURRENT"), "gen-000001\n").expect("write");

    // The builder indexes a new act and publishes: the replica swaps the new index in.
    std::fs::write(corpus.join("new.md"), NEW_ACT).expect("write");
    index(&corpus, &built);
    let (code, err) = publish(&built, &replica);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("published gen-000008 to"), "{err}");
    wait_for(&server, "gen-000008");
    assert_eq!(hits(&server, "жирафозавр").len(), 1);
    assert_eq!(hits(&server, "рұқсат"), before);
    assert_eq!(get(&server, "/healthz")["refreshes"], 1);
    // The generations no longer in force are gone, the broken one with them.
    let mut left: Vec<String> = std::fs::read_dir(&replica)
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("gen-"))
        .collect();
    left.sort();
    assert_eq!(left, ["gen-000008"]);
}

#[test]
fn publish_refuses_the_index_itself_and_a_folder_that_is_not_an_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let built = dir.path().join("built");
    index(&corpus, &built);
    let (code, err) = publish(&built, &built);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is the index itself"), "{err}");
    let (code, err) = publish(&built, &built.join("gen-000001"));
    assert_eq!(code, 2, "{err}");
    let other = dir.path().join("papers");
    std::fs::create_dir(&other).expect("mkdir");
    std::fs::write(other.join("notes.txt"), "мәтін").expect("write");
    let (code, err) = publish(&built, &other);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("not a zanlex index"), "{err}");
    assert_eq!(
        std::fs::read_to_string(other.join("notes.txt")).expect("read"),
        "мәтін"
    );
    let (code, err) = publish(&dir.path().join("nothing"), &other);
    assert_ne!(code, 0, "{err}");
}
