//! `zanlex history` and `zanlex diff` on the command line (issue 5, items 6 and 7).

use crate::common::zanlex_with;

#[test]
fn history_json_of_003() {
    let index = tempfile::tempdir().expect("temp dir");
    let zanlex = |args: &[&str]| zanlex_with(&index, args);
    let (code, out, err) = zanlex(&["history", "mfa-order-2018-01-04-11-1-4-1", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 12);
    assert_eq!(entries[0]["by"]["number"], "11-1-4/577");
    assert_eq!(entries[0]["effective"]["date"], "2026-01-01");
    assert_eq!(entries[0]["effective"]["estimated"], false);
    assert_eq!(entries[1]["effective"]["estimated"], true);
    assert!(entries[1]["effective"]["basis"]
        .as_str()
        .unwrap()
        .contains("assumed on the signing date"));
    let (code, out, _) = zanlex(&["history", "mfa-order-2018-01-04-11-1-4-1", "att_1__para_15"]);
    assert_eq!(code, 0);
    assert!(out.contains("att_1__para_15"), "{out}");
    assert!(
        out.contains("~2022-12-03"),
        "estimated dates are marked: {out}"
    );
    assert!(out.contains("estimated: publication date unknown"), "{out}");
    assert!(!out.contains("att_1__para_3 "), "{out}");
}

#[test]
fn diff_of_government_law() {
    let index = tempfile::tempdir().expect("temp dir");
    let zanlex = |args: &[&str]| zanlex_with(&index, args);
    let corpus = "tests/fixtures/versions/codes_104316_government";
    let target = "constitutional-law-1995-12-18-2688#art_9";
    let (code, out, err) = zanlex(&[
        "diff",
        target,
        "--corpus",
        corpus,
        "--from",
        "2022-11-05",
        "--to",
        "2023-04-19",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("deleted (2): art_9__subpara_2, art_9__subpara_7"),
        "{out}"
    );
    assert!(out.contains("changed (1): art_9__subpara_12"), "{out}");
    assert!(out.contains("notes only (1): art_9"), "{out}");
    assert!(
        out.contains(
            "[-, мәдениетті, білім беруді, денсаулық сақтауды, туризм мен спортты дамыту-]"
        ),
        "{out}"
    );
    assert!(
        !out.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    let (code, out, _) = zanlex(&[
        "diff",
        "constitutional-law-1995-12-18-2688",
        "--corpus",
        corpus,
        "--from",
        "2022-11-05",
        "--to",
        "2023-04-19",
        "--json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["from"], "2022-11-05");
    assert!(v["changed"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e == "art_10__para_5-1"));
    // Any date is a side: before the adoption, the act had no text, and the answer says so.
    let (code, out, err) = zanlex(&[
        "diff",
        "constitutional-law-1995-12-18-2688",
        "--corpus",
        corpus,
        "--from",
        "1990-01-01",
        "--to",
        "2023-04-19",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "from 1990-01-01: no edition in force; not yet adopted on 1990-01-01 (adopted \
             1995-12-18)"
        ),
        "{out}"
    );
    // A side neither an edition nor a date is a usage error naming the versions there are.
    let (code, _, err) = zanlex(&[
        "diff",
        "constitutional-law-1995-12-18-2688",
        "--corpus",
        corpus,
        "--from",
        "v-none",
        "--to",
        "2023-04-19",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no version \"v-none\" (versions: 2022-11-05, 2023-04-19)"),
        "{err}"
    );
}
