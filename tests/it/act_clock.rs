//! An act's own clock: its commencement clause read from its final provision, in every door.
//!
//! The real act: the Government resolution of 25.04.2023 № 326 «О переносе дня отдыха в 2023
//! году» (code 182303, `tests/fixtures/clock/government`, copied from
//! `kazakhstan-law/government`), whose paragraph 2 reads «Настоящее постановление вводится в
//! действие по истечении десяти календарных дней после дня его первого официального
//! опубликования» (Kazakh «… алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен
//! соң қолданысқа енгізіледі»). Its publication day is not in the corpus, so it is in force
//! not before ~05.05.2023 (signing + 10), marked estimated; with a publication day in
//! `meta.yaml` the day is exact.

use super::common::{copy_dir, zanlex_with};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const ACT_DIR: &str = "0425-o-perenose-dnia-otdykha-v-2023-godu-182303";

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/clock/government")
        .join(ACT_DIR)
}

/// The act in a corpus of its own, with `publication_date` added to its `meta.yaml` when
/// given: (the temporary folder, the corpus).
fn corpus(published: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    let dir = corpus.join("government").join(ACT_DIR);
    copy_dir(&fixture(), &dir);
    if let Some(p) = published {
        let meta = dir.join("meta.yaml");
        let text = std::fs::read_to_string(&meta).expect("meta.yaml");
        std::fs::write(&meta, format!("{text}publication_date: {p}\n")).expect("write");
    }
    (tmp, corpus)
}

/// `show ID#EID --as-of DATE --json` in `lang`: the answer.
fn show(tmp: &tempfile::TempDir, corpus: &Path, target: &str, date: &str, lang: &str) -> Value {
    let corpus_arg = corpus.to_str().expect("utf-8 path");
    let (code, out, err) = zanlex_with(
        tmp,
        &[
            "show", target, "--as-of", date, "--lang", lang, "--json", "--corpus", corpus_arg,
        ],
    );
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("JSON")
}

/// The act's id, as the index gives it.
fn act_id(tmp: &tempfile::TempDir, corpus: &Path) -> String {
    let corpus_arg = corpus.to_str().expect("utf-8 path");
    let (code, out, err) = zanlex_with(
        tmp,
        &[
            "search",
            "перенести день отдыха",
            "--json",
            "--corpus",
            corpus_arg,
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    v["hits"][0]["act"]["id"]
        .as_str()
        .expect("a hit")
        .to_string()
}

#[test]
fn a_resolution_is_not_in_force_before_its_ten_days() {
    let (tmp, corpus) = corpus(None);
    let id = act_id(&tmp, &corpus);
    assert_eq!(id, "government-resolution-2023-04-25-326");
    let unit = format!("{id}#para_1");
    // Five days after signing: adopted, not yet in force, and the state says by which rule.
    let ru = show(&tmp, &corpus, &unit, "2023-04-30", "ru");
    assert_eq!(
        ru["state"],
        json!({"kind": "not_yet_in_force", "adopted": "2023-04-25", "from": "2023-05-05",
               "estimated": true, "rule": {"rule": "days_after_publication", "days": 10}})
    );
    assert_eq!(
        ru["state_text"],
        "на 30.04.2023 не вступил в силу: вводится в действие по истечении 10 календарных дней \
         после первого официального опубликования, не ранее ~05.05.2023"
    );
    assert_eq!(ru["text"], "", "no wording is shown as in force");
    assert_eq!(ru["edition"], Value::Null);
    let kk = show(&tmp, &corpus, &unit, "2023-04-30", "kk");
    assert_eq!(kk["state"]["kind"], "not_yet_in_force");
    assert_eq!(
        kk["state_text"],
        "30.04.2023 күні қолданысқа енгізілмеген: алғашқы ресми жарияланған күнінен кейін \
         күнтізбелік 10 күн өткен соң қолданысқа енгізіледі, ~05.05.2023 бұрын емес"
    );
    // From the earliest day it can be, in force (that start estimated).
    let on = show(&tmp, &corpus, &unit, "2023-05-05", "ru");
    assert_eq!(on["state"], json!({"kind": "in_force"}));
    assert_eq!(on["edition"]["from"], "2023-05-05");
    assert_eq!(on["edition"]["from_estimated"], true);

    // `search --as-of` returns none of its units before then, and finds them from then.
    let corpus_arg = corpus.to_str().expect("utf-8 path");
    let hits = |date: &str| -> Vec<String> {
        let (code, out, err) = zanlex_with(
            &tmp,
            &[
                "search",
                "перенести день отдыха",
                "--as-of",
                date,
                "--json",
                "--corpus",
                corpus_arg,
            ],
        );
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).expect("JSON");
        v["hits"]
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
    };
    assert_eq!(hits("2023-04-30"), Vec::<String>::new());
    assert_eq!(
        hits("2023-05-05").first().map(String::as_str),
        Some(unit.as_str())
    );
}

#[test]
fn a_publication_day_in_meta_yaml_makes_the_day_exact() {
    let (tmp, corpus) = corpus(Some("2023-04-28"));
    let unit = "government-resolution-2023-04-25-326#para_1";
    let ru = show(&tmp, &corpus, unit, "2023-05-05", "ru");
    assert_eq!(
        ru["state"],
        json!({"kind": "not_yet_in_force", "adopted": "2023-04-25", "from": "2023-05-08",
               "rule": {"rule": "days_after_publication", "days": 10}})
    );
    assert_eq!(
        ru["state_text"],
        "на 05.05.2023 не вступил в силу: вводится в действие по истечении 10 календарных дней \
         после первого официального опубликования, с 08.05.2023"
    );
    let on = show(&tmp, &corpus, unit, "2023-05-08", "ru");
    assert_eq!(on["state"], json!({"kind": "in_force"}));
    assert_eq!(on["edition"]["from_estimated"], false);
}

#[test]
fn the_http_api_and_mcp_say_the_same() {
    let (tmp, corpus) = corpus(None);
    let index = tmp.path().join("index");
    let server = super::serve_api::Server::start(&corpus, &index, &[]);
    let body: Value = reqwest::blocking::get(server.url(
        "/v1/acts/government-resolution-2023-04-25-326/units/para_1?as_of=2023-04-30&lang=ru",
    ))
    .expect("request")
    .json()
    .expect("JSON");
    assert_eq!(body["state"]["kind"], "not_yet_in_force");
    assert_eq!(body["state"]["from"], "2023-05-05");
    assert_eq!(body["state"]["estimated"], true);
    drop(server);
    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &tmp.path().join("index-mcp")).await;
        let at = super::mcp_tools::ok(
            &client,
            "at_date",
            json!({"target": "government-resolution-2023-04-25-326#para_1", "date": "2023-04-30"}),
        )
        .await;
        assert_eq!(at["state"]["kind"], "not_yet_in_force");
        assert_eq!(at["state"]["from"], "2023-05-05");
        assert_eq!(
            at["state_text"],
            "not yet in force on 2023-04-30: in force 10 calendar days after its first official \
             publication, not before ~2023-05-05"
        );
        assert_eq!(at["text"], "");
        client.cancel().await.expect("close the session");
    });
}
