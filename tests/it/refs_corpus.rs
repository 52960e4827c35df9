//! Cross-references on the command line: `refs` and `cited-by` over the seeds and an amending
//! act, and `show`, `refs` and `cited-by` reading the wording of the date asked for (the
//! references themselves: `src/refs/corpus_tests.rs`).

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn refs_and_cited_by_on_the_command_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = root().join("corpus");
    let corpus = corpus.to_str().expect("utf-8 path");
    let (code, out, err) = crate::common::zanlex_with(
        &tmp,
        &[
            "refs",
            "mfa-order-2018-01-04-11-1-4-1#att_1__para_11",
            "--json",
            "--corpus",
            corpus,
        ],
    );
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["total"], 1);
    assert_eq!(doc["resolved"], 1);
    let r = &doc["references"][0];
    assert_eq!(r["text"], "осы Қағидалардың 10-тармағында");
    assert_eq!(r["kind"], "attachment");
    assert_eq!(r["citing"]["eid"], "att_1__para_11");
    assert_eq!(
        r["citing"]["citation"],
        "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 11-тармақ"
    );
    assert_eq!(r["source"]["file"], "corpus/003_0165b7296e38fd1a.txt");
    assert_eq!(r["source"]["line_start"], 238);
    assert_eq!(r["target"]["eid"], "att_1__para_10");
    assert_eq!(
        r["target"]["citation"],
        "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 10-тармақ"
    );
    let (code, out, err) = crate::common::zanlex_with(
        &tmp,
        &[
            "cited-by",
            "mfa-order-2018-01-04-11-1-4-1#att_1__para_10",
            "--corpus",
            corpus,
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("«осы Қағидалардың 10-тармағында»  corpus/003_0165b7296e38fd1a.txt:238"),
        "{out}"
    );
    assert!(out.ends_with("1 reference(s), 1 resolved\n"), "{out}");
    // An unknown unit is bad usage.
    let (code, _, err) = crate::common::zanlex_with(
        &tmp,
        &[
            "refs",
            "mfa-order-2018-01-04-11-1-4-1#att_1__para_99",
            "--corpus",
            corpus,
        ],
    );
    assert_eq!(code, 2, "{err}");
    // show and search carry the unit's outgoing references.
    let (code, out, err) = crate::common::zanlex_with(
        &tmp,
        &[
            "show",
            "mfa-order-2018-01-04-11-1-4-1#att_1__para_11",
            "--json",
            "--corpus",
            corpus,
        ],
    );
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["references"][0]["target"]["eid"], "att_1__para_10");
}

/// The apply fixture with references written into the target's paragraph 1 and into the
/// new wording the amending act gives it.
fn amended_with_references() -> tempfile::TempDir {
    let src = root().join("tests/fixtures/amend/apply");
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("apply");
    std::fs::create_dir(&dir).expect("folder");
    for entry in std::fs::read_dir(&src).expect("fixture") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_owned();
        let text = std::fs::read_to_string(&path).expect("utf-8");
        let text = text
            .replace(
                "1. Осы қағидалар сынақ тәртібін айқындайды.",
                "1. Осы қағидалар сынақ тәртібін осы Қағидалардың 4-тармағына сәйкес айқындайды.",
            )
            .replace(
                "\"1. Осы қағидалар сынақ өткізу тәртібі мен мерзімін айқындайды.\";",
                "\"1. Осы қағидалар сынақ өткізу тәртібі мен мерзімін осы Қағидалардың \n3-тармағына сәйкес айқындайды.\";",
            );
        std::fs::write(dir.join(name), text).expect("write");
    }
    tmp
}

#[test]
fn show_refs_and_cited_by_read_the_wording_of_the_date_asked_for() {
    let tmp = amended_with_references();
    let corpus = tmp.path().join("apply");
    let corpus = corpus.to_str().expect("utf-8 path");
    let run = |args: &[&str]| -> serde_json::Value {
        let mut all = args.to_vec();
        all.extend(["--json", "--corpus", corpus]);
        let (code, out, err) = crate::common::zanlex_with(&tmp, &all);
        assert_eq!(code, 0, "{args:?}: {err}");
        serde_json::from_str(&out).expect("JSON")
    };
    let para_1 = "mfa-order-2019-03-01-11-1-4-99#att_1__para_1";
    // The unit as worded before the amending act took effect, with the references that
    // wording makes.
    let shown = run(&["show", para_1, "--as-of", "2019-06-01"]);
    assert_eq!(
        shown["text"],
        "1. Осы қағидалар сынақ тәртібін осы Қағидалардың 4-тармағына сәйкес айқындайды."
    );
    let refs = shown["references"].as_array().expect("references");
    assert_eq!(refs.len(), 1);
    assert_eq!(refs[0]["target"]["eid"], "att_1__para_4");
    assert_eq!(refs[0]["edition"]["id"], "2019-03-01");
    let now = run(&["refs", para_1]);
    assert_eq!(now["total"], 1);
    let r = &now["references"][0];
    assert_eq!(r["target"]["eid"], "att_1__para_3");
    assert_eq!(
        r["edition"]["id"],
        "applied:mfa-order-2020-04-02-11-1-4-150"
    );
    assert_eq!(r["edition"]["from"], "2020-04-20");
    assert_eq!(r["source"]["file"], "apply/011_amending.txt");
    let then = run(&["refs", para_1, "--as-of", "2019-06-01"]);
    assert_eq!(then["references"][0]["target"]["eid"], "att_1__para_4");
    assert_eq!(then["references"][0]["edition"]["to"], "2020-04-20");
    let para_4 = "mfa-order-2019-03-01-11-1-4-99#att_1__para_4";
    let citing = |args: &[&str]| -> Vec<String> {
        run(args)["cited_by"]
            .as_array()
            .expect("cited_by")
            .iter()
            .map(|r| r["citing"]["eid"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(citing(&["cited-by", para_4]), vec!["para_1__mod_5"]);
    assert_eq!(
        citing(&["cited-by", para_4, "--as-of", "2019-06-01"]),
        vec!["att_1__para_1"]
    );
    let (code, _, err) = crate::common::zanlex_with(
        &tmp,
        &["refs", para_1, "--as-of", "2019-13-01", "--corpus", corpus],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--as-of \"2019-13-01\" is not a date"),
        "{err}"
    );
}
