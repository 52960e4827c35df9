//! Ingesting a folder: the real corpus, bad files beside good ones, sidecars (the commands over
//! it: `tests/it/ingest_corpus.rs`).

use crate::ingest::{corpus_files, ingest_corpus};
use std::path::Path;

const IDS: [&str; 5] = [
    "faq-qandastardyn-atynan-zhii-qoiylatyn-suraqtar-boiynsha",
    "government-resolution-2022-10-10-807",
    "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611",
    "mfa-order-2018-01-04-11-1-4-1",
    "mvd-order-2012-06-14-352",
];

#[test]
fn real_corpus_ingests_every_document() {
    let report = ingest_corpus(Path::new("corpus"));
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    let ids: Vec<_> = report.acts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, IDS);
    let files: Vec<_> = report.acts.iter().map(|a| a.source.file.as_str()).collect();
    assert_eq!(
        files,
        vec![
            "corpus/000_59abb921da226678.txt",
            "corpus/001_e93b22564f257a40.txt",
            "corpus/002_5607aeb48d2f36af.txt",
            "corpus/003_0165b7296e38fd1a.txt",
            "corpus/004_46f9999d47256b55.txt",
        ]
    );
    // Ids are stable across runs.
    let again = ingest_corpus(Path::new("corpus"));
    let e1: Vec<Vec<String>> = report
        .acts
        .iter()
        .map(|a| a.all_units().iter().map(|u| u.eid.clone()).collect())
        .collect();
    let e2: Vec<Vec<String>> = again
        .acts
        .iter()
        .map(|a| a.all_units().iter().map(|u| u.eid.clone()).collect())
        .collect();
    assert_eq!(e1, e2);
    // Every eid is unique within its act.
    for a in &report.acts {
        let mut seen = std::collections::HashSet::new();
        for u in a.all_units() {
            assert!(seen.insert(u.eid.clone()), "{}: duplicate {}", a.id, u.eid);
        }
    }
}

#[test]
fn bad_files_fail_alone_and_sidecars_apply() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    std::fs::copy("corpus/001_e93b22564f257a40.txt", corpus.join("a_good.txt")).expect("copy");
    std::fs::write(
        corpus.join("a_good.meta.toml"),
        "publication_date = \"2022-10-14\"\nregistration_number = \"99999\"\nregistration_date = \"2022-10-12\"\n",
    )
    .expect("sidecar");
    std::fs::write(corpus.join("b_empty.txt"), b"").expect("empty");
    std::fs::write(
        corpus.join("c_binary.txt"),
        [0u8, 159, 146, 150, 0, 0, 255, 1, 2, 3],
    )
    .expect("binary");
    std::fs::write(corpus.join("d_notes.json"), b"{}").expect("other file");
    std::fs::create_dir(corpus.join("sub")).expect("subdir");
    std::fs::copy("corpus/003_0165b7296e38fd1a.txt", corpus.join("sub/x.txt")).expect("copy");

    let files = corpus_files(&corpus).expect("list");
    let names: Vec<_> = files
        .iter()
        .map(|f| {
            f.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    // Subfolders are walked (a mirror checkout keeps one folder per act); other files are not
    // sources.
    assert_eq!(
        names,
        vec!["a_good.txt", "b_empty.txt", "c_binary.txt", "x.txt"]
    );
    assert!(files[3].ends_with("sub/x.txt"));

    let report = ingest_corpus(&corpus);
    let ids: Vec<&str> = report.acts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "government-resolution-2022-10-10-807",
            "mfa-order-2018-01-04-11-1-4-1"
        ]
    );
    assert_eq!(report.acts[1].source.file, "corpus/sub/x.txt");
    let a = &report.acts[0];
    assert_eq!(a.id, "government-resolution-2022-10-10-807");
    assert_eq!(a.source.file, "corpus/a_good.txt");
    assert_eq!(
        a.publication_date,
        chrono::NaiveDate::from_ymd_opt(2022, 10, 14)
    );
    // The sidecar fills what the header lacks (001 prints no registration).
    let r = a
        .registration
        .as_ref()
        .expect("registration from the sidecar");
    assert_eq!(r.number, "99999");
    assert_eq!(r.date, chrono::NaiveDate::from_ymd_opt(2022, 10, 12));
    let failed: Vec<_> = report
        .failures
        .iter()
        .map(|f| f.path.to_string_lossy().into_owned())
        .collect();
    assert_eq!(failed, vec!["corpus/b_empty.txt", "corpus/c_binary.txt"]);
    for f in &report.failures {
        assert!(!f.reason.is_empty());
        assert!(!f.reason.contains('\n'));
    }
}

#[test]
fn missing_corpus_folder_is_one_failure() {
    let report = ingest_corpus(Path::new("no/such/folder"));
    assert!(report.acts.is_empty());
    assert_eq!(report.failures.len(), 1);
    assert!(report.failures[0]
        .reason
        .starts_with("cannot read the corpus folder"));
}
