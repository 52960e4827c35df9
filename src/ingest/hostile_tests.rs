//! Hostile and accidental input read by ingestion: a file swapped for a FIFO under the walk,
//! lone carriage returns, lists built to make numbering grow out of bounds (the command line's
//! side of hostile input: `tests/it/ingest_hostile.rs`).

use std::process::Command;
use std::time::Duration;

/// An act of its own, in Markdown: a title naming `word` and two numbered paragraphs that
/// say it.
fn act(word: &str) -> String {
    format!(
        "# {word} қағидаларын бекіту туралы\n\n\
         ## 1-бап. Жалпы ережелер\n\n\
         1. {word} тармағы осы қағидалармен реттеледі.\n\
         2. Екінші тармақ {word} туралы.\n"
    )
}

/// A file that became a FIFO after the folder was listed is named as not
/// regular, at once; reading it waited for a writer forever, with the index's write lock held.
#[cfg(unix)]
#[test]
fn a_file_swapped_for_a_fifo_after_listing_is_named_not_waited_on() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    let fifo = corpus.join("swapped.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let (path, parent) = (fifo.clone(), tmp.path().to_path_buf());
    std::thread::spawn(move || {
        let _ = tx.send(crate::ingest::ingest_file(&path, &parent).map(|a| a.id));
    });
    let got = rx.recv_timeout(Duration::from_secs(20));
    if got.is_err() {
        // Let the reader go before failing: a writer opening the FIFO ends its wait.
        let _ = std::fs::OpenOptions::new().write(true).open(&fifo);
    }
    let err = got
        .expect("reading a FIFO must not wait for a writer")
        .expect_err("a FIFO gives no act");
    let message = err.to_string();
    assert!(message.contains("FIFO"), "{message}");
    assert!(!message.contains('\n'), "{message}");
}

/// A lone carriage return (old Mac files) ends a line, as `\n` and
/// `\r\n` do: the text has its paragraphs and a title of its own.
#[test]
fn lone_carriage_returns_end_lines() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    let file = corpus.join("mac.md");
    std::fs::write(&file, act("Жолбарыс").replace('\n', "\r")).expect("write");
    let mac = crate::ingest::ingest_file(&file, tmp.path()).expect("ingested");
    std::fs::write(&file, act("Жолбарыс")).expect("write");
    let unix = crate::ingest::ingest_file(&file, tmp.path()).expect("ingested");
    assert_eq!(mac.title, unix.title);
    assert!(mac.title.chars().count() < 100, "{}", mac.title);
    assert!(!mac.title.contains("тармағы"), "{}", mac.title);
    fn eids(units: &[crate::Unit], out: &mut Vec<String>) {
        for u in units {
            out.push(u.eid.clone());
            eids(&u.children, out);
        }
    }
    let (mut of_mac, mut of_unix) = (Vec::new(), Vec::new());
    eids(&mac.units, &mut of_mac);
    eids(&unix.units, &mut of_unix);
    assert_eq!(of_mac, of_unix);
    assert_eq!(of_mac.len(), 3, "{of_mac:?}");
}

/// 20 000 list items all numbered `1.` (a common Markdown style) are
/// numbered apart (`_2`, `_3`, …). Numbering them took about a minute when each looked at
/// every id before it, a few hundred milliseconds now; tests assert no timings, so the test
/// holds the ids, and the cost is measured by hand.
#[test]
fn twenty_thousand_items_numbered_alike_get_ids_of_their_own() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    let mut md = String::from("# Сынақ туралы заң\n\n## 1-бап. Жалпы ережелер\n\n");
    for i in 0..20_000 {
        md.push_str(&format!("1. Тармақ мәтіні {i} туралы.\n"));
    }
    let file = corpus.join("list.md");
    std::fs::write(&file, md).expect("write");
    let act = crate::ingest::ingest_file(&file, tmp.path()).expect("ingested");
    let mut eids: Vec<&str> = Vec::new();
    fn walk<'a>(units: &'a [crate::Unit], out: &mut Vec<&'a str>) {
        for u in units {
            out.push(&u.eid);
            walk(&u.children, out);
        }
    }
    walk(&act.units, &mut eids);
    assert_eq!(eids.len(), 20_001);
    let distinct: std::collections::HashSet<&&str> = eids.iter().collect();
    assert_eq!(distinct.len(), eids.len());
    assert!(
        eids.iter().any(|e| e.ends_with("_20000")),
        "{:?}",
        &eids[..3]
    );
}
