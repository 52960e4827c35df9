//! The history of real consolidated acts on the command line: notes not read as events and
//! targets moved to an enclosing unit are reported (issue 36, item 6).

use crate::common::zanlex_with;

#[test]
fn history_reports_unparsed_notes_and_moved_targets() {
    let index = tempfile::tempdir().expect("temp dir");
    let corpus = "tests/fixtures/amend/notes";
    let id = "constitutional-law-qazaqstan-respublikasynyn-ukimeti-turaly";
    let (code, out, err) = zanlex_with(&index, &["history", id, "--corpus", corpus, "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    let unparsed = v["unparsed_notes"].as_array().expect("unparsed_notes");
    assert_eq!(unparsed.len(), 1);
    assert_eq!(unparsed[0]["file"], "notes/kaz.md");
    assert_eq!(unparsed[0]["line"], 15);
    assert_eq!(unparsed[0]["eid"], "art_1");
    let moved = v["target_fallbacks"].as_array().expect("target_fallbacks");
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0]["wanted"], "art_2__para_3");
    assert_eq!(v["entries"].as_array().unwrap().len(), 2);
    let (code, out, err) = zanlex_with(&index, &["history", id, "--corpus", corpus]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("1 note(s) not read as events (see --json: unparsed_notes)"),
        "{out}"
    );
    assert!(out.contains("(whole act)"), "{out}");
    // For article 2 alone: its moved event, not article 1's unparsed note.
    let (code, out, _) = zanlex_with(&index, &["history", id, "art_2", "--corpus", corpus]);
    assert_eq!(code, 0);
    assert!(!out.contains("not read as events"), "{out}");
    assert!(
        out.contains("1 event(s) moved to an enclosing unit"),
        "{out}"
    );
}

#[test]
fn history_of_an_article_inserted_by_a_note() {
    // `history ACT art_3-1` lists the note's events: they are on `art_3-1` itself.
    let index = tempfile::tempdir().expect("temp dir");
    let (code, out, err) = zanlex_with(
        &index,
        &[
            "history",
            "constitutional-law-1995-12-18-2688",
            "art_3-1",
            "--corpus",
            "tests/fixtures/versions/codes_104316_government",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    let got: Vec<(String, String, String)> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["eid"].as_str().unwrap_or("?").to_string(),
                e["action"].as_str().unwrap_or("?").to_string(),
                e["by"]["number"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect();
    let own: Vec<_> = got.iter().filter(|(e, _, _)| e == "art_3-1").collect();
    assert_eq!(
        own,
        [
            &(
                "art_3-1".to_string(),
                "changed".to_string(),
                "75-VI".to_string()
            ),
            &(
                "art_3-1".to_string(),
                "inserted".to_string(),
                "379-I".to_string()
            ),
        ]
    );
    // The rest are events of the whole act (its title).
    assert!(
        got.iter().all(|(e, _, _)| e == "art_3-1" || e.is_empty()),
        "{got:?}"
    );
    assert_eq!(v["unparsed_notes"].as_array().unwrap().len(), 0);
}
