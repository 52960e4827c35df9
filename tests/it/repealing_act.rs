//! The act that gave a unit its state, named beside the state in every door that answers for
//! one unit (`show ACT#EID`, text and JSON, today and `--as-of`; `/v1/acts/{id}/units/{eid}`;
//! MCP `at_date` and `read`), on real acts:
//! - the Almaty oblast maslikhat decision of 15.12.2020 № 64-340 (code 150276,
//!   `tests/fixtures/mirror`), whose requisite ends «Утратило силу решением маслихата
//!   Алматинской области от 13 августа 2024 года № 25-125», an act not in the corpus;
//! - the same maslikhat's decision of 27.03.2015 № 43-249 (code 89455, `tests/fixtures/mirror`),
//!   repealed by its decision of 31.07.2019 № 51-257 (code 134034,
//!   `tests/fixtures/predecessors`), which the corpus holds: the repealing act is linked;
//! - the Administrative Procedural Code (code 144260, `tests/fixtures/split`), whose article 3,
//!   paragraph 3, subparagraph 2) reads «исключен Законом РК от 11.06.2026 № 306-VIII
//!   (вводится в действие с 01.07.2026)», and whose Kazakh article 24, paragraph 2, reads
//!   «Алып тасталды - ҚР 20.03.2021 № 20-VII (01.07.2021 бастап қолданысқа енгізіледі)
//!   Заңымен.»: the deleting act named from the note.

use super::common::{copy_dir, zanlex_with};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const PASTURE: &str = "maslikhat-decision-2020-12-15-64-340";
const DOGS_2015: &str = "maslikhat-decision-2015-03-27-43-249";
const DOGS_2019: &str = "maslikhat-decision-2019-07-31-51-257";
const CODE: &str = "code-2020-06-29-350-vi";
const ALMATY: &str = "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/\
    15400000-almatinskoi-oblasti";

/// The four acts, each in its fixture's layout, under `dir`: the corpus.
fn corpus(dir: &Path) -> PathBuf {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let corpus = dir.join("corpus");
    for (root, folder) in [
        (
            "mirror",
            format!("{ALMATY}/2020/1215-ob-utverzhdenii-pravil-vypasa-selskokhoziaistvennykh-zhivotnykh-150276"),
        ),
        (
            "mirror",
            format!("{ALMATY}/2015/0327-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-sobak-i-koshek-otlo-89455"),
        ),
        (
            "predecessors",
            format!("{ALMATY}/2019/0731-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-sobak-i-koshek-otlo-134034"),
        ),
        (
            "split",
            "codes/02-codes/2020/0629-administrativnyi-protsedurno-protsessualnyi-kodeks-respubliki-ka-144260"
                .to_string(),
        ),
    ] {
        copy_dir(&fixtures.join(root).join(&folder), &corpus.join(&folder));
    }
    corpus
}

/// The repealing act of 64-340 as its requisite names it: not in the corpus.
fn pasture_repealer() -> Value {
    json!({
        "id": null,
        "requisite": "решением маслихата Алматинской области от 13 августа 2024 года № 25-125",
        "date": "2024-08-13",
        "number": "25-125",
        "evidence": "requisite",
    })
}

/// The law that deleted the code's article 3, paragraph 3, subparagraph 2), as its note names it.
fn code_deleter() -> Value {
    json!({
        "id": null,
        "requisite": "Закон РК от 11.06.2026 № 306-VIII",
        "date": "2026-06-11",
        "number": "306-VIII",
        "evidence": "note",
    })
}

/// `show TARGET [--as-of DATE] --lang LANG [--json]`: (exit code, stdout, stderr).
fn show(
    tmp: &tempfile::TempDir,
    corpus: &Path,
    target: &str,
    as_of: Option<&str>,
    lang: &str,
    json: bool,
) -> String {
    let corpus_arg = corpus.to_str().expect("utf-8 path");
    let mut args = vec!["show", target, "--lang", lang, "--corpus", corpus_arg];
    if let Some(d) = as_of {
        args.extend(["--as-of", d]);
    }
    if json {
        args.push("--json");
    }
    let (code, out, err) = zanlex_with(tmp, &args);
    assert_eq!(code, 0, "{err}");
    out
}

fn show_json(
    tmp: &tempfile::TempDir,
    corpus: &Path,
    target: &str,
    as_of: Option<&str>,
    lang: &str,
) -> Value {
    serde_json::from_str(&show(tmp, corpus, target, as_of, lang, true)).expect("JSON")
}

/// The library and the command line: a unit of a repealed act names the repealing act (linked
/// when the corpus holds it), a deleted unit the act whose note deleted it, today and on a
/// date after; on a date before, in force, nothing is named.
#[test]
fn the_act_that_repealed_or_deleted_is_named_by_the_library_and_show() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = corpus(tmp.path());
    let index = crate::common::build_clean(
        &corpus,
        tmp.path().join("lib-index"),
        &zanlex::BuildOptions::default(),
    );
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date");
    let by = |act: &str, eid: &str, lang: zanlex::Lang, on: Option<&str>| {
        let u = index
            .unit_answer(act, eid, Some(lang), on.map(day))
            .expect("the unit");
        serde_json::to_value(&u.state_by).expect("JSON")
    };
    let ru = zanlex::Lang::Ru;
    assert_eq!(by(PASTURE, "para_1", ru, None), pasture_repealer());
    assert_eq!(
        by(PASTURE, "para_1", ru, Some("2024-09-01")),
        pasture_repealer()
    );
    assert_eq!(by(PASTURE, "para_1", ru, Some("2021-06-01")), Value::Null);
    assert_eq!(by(DOGS_2015, "para_1", ru, None)["id"], DOGS_2019);
    let sub = "art_3__para_3__subpara_2";
    assert_eq!(by(CODE, sub, ru, Some("2026-08-01")), code_deleter());
    assert_eq!(by(CODE, sub, ru, Some("2026-06-01")), Value::Null);
    assert_eq!(
        by(CODE, "art_24__para_2", zanlex::Lang::Kk, None),
        json!({
            "id": null,
            "requisite": "ҚР 20.03.2021 № 20-VII Заңы",
            "date": "2021-03-20",
            "number": "20-VII",
            "evidence": "note",
        })
    );

    // `show --json`, today and on a date, and the text beside the state.
    let unit = format!("{PASTURE}#para_1");
    for as_of in [None, Some("2024-09-01")] {
        let j = show_json(&tmp, &corpus, &unit, as_of, "ru");
        assert_eq!(j["state"]["kind"], "repealed", "{j:#}");
        assert_eq!(j["state_by"], pasture_repealer(), "{as_of:?}");
        let text = show(&tmp, &corpus, &unit, as_of, "ru", false);
        assert!(
            text.contains(
                "Repealed by решением маслихата Алматинской области от 13 августа 2024 года \
                 № 25-125 (not in the corpus)"
            ),
            "{text}"
        );
    }
    let before = show_json(&tmp, &corpus, &unit, Some("2021-06-01"), "ru");
    assert_eq!(before["state_by"], Value::Null);
    let linked = show(
        &tmp,
        &corpus,
        &format!("{DOGS_2015}#para_1"),
        None,
        "ru",
        false,
    );
    assert!(
        linked.contains(&format!("Repealed by {DOGS_2019} (")),
        "{linked}"
    );
    let deleted = format!("{CODE}#{sub}");
    let j = show_json(&tmp, &corpus, &deleted, Some("2026-08-01"), "ru");
    assert_eq!(j["state"]["kind"], "deleted", "{j:#}");
    assert_eq!(j["state_by"], code_deleter());
    let text = show(&tmp, &corpus, &deleted, Some("2026-08-01"), "ru", false);
    assert!(
        text.contains("Deleted by Закон РК от 11.06.2026 № 306-VIII (not in the corpus)"),
        "{text}"
    );
}

/// `/v1` (the act and the unit, today and on a date) and MCP (`at_date`, `read`) name the same
/// act as the library.
#[test]
fn the_act_that_repealed_or_deleted_is_named_over_http_and_mcp() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = corpus(tmp.path());
    let server = super::serve_api::Server::start(&corpus, &tmp.path().join("api-index"), &[]);
    let get = |path: &str| -> Value {
        let res = reqwest::blocking::get(server.url(path)).expect("request");
        assert_eq!(res.status(), 200, "{path}");
        res.json().expect("JSON")
    };
    for q in ["", "&as_of=2024-09-01"] {
        let u = get(&format!("/v1/acts/{PASTURE}/units/para_1?lang=ru{q}"));
        assert_eq!(u["state_by"], pasture_repealer(), "{q}");
        let a = get(&format!("/v1/acts/{PASTURE}?lang=ru{q}"));
        assert_eq!(
            a["repealed_by"]["requisite"],
            pasture_repealer()["requisite"]
        );
    }
    let u = get(&format!("/v1/acts/{DOGS_2015}/units/para_1?lang=ru"));
    assert_eq!(u["state_by"]["id"], DOGS_2019, "{u:#}");
    let u = get(&format!(
        "/v1/acts/{CODE}/units/art_3__para_3__subpara_2?lang=ru&as_of=2026-08-01"
    ));
    assert_eq!(u["state_by"], code_deleter(), "{u:#}");
    drop(server);

    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &tmp.path().join("index-mcp")).await;
        let at = super::mcp_tools::ok(
            &client,
            "at_date",
            json!({"target": format!("{PASTURE}#para_1"), "date": "2024-09-01", "lang": "ru"}),
        )
        .await;
        assert_eq!(at["state_by"], pasture_repealer(), "{at:#}");
        assert!(
            at["state_text"].as_str().is_some_and(|s| s.ends_with(
                "; repealed by решением маслихата Алматинской области от 13 августа 2024 года \
                 № 25-125 (not in the corpus)"
            )),
            "{at:#}"
        );
        let at = super::mcp_tools::ok(
            &client,
            "at_date",
            json!({"target": format!("{CODE}#art_3__para_3__subpara_2"), "date": "2026-08-01",
                   "lang": "ru"}),
        )
        .await;
        assert_eq!(at["state_by"], code_deleter(), "{at:#}");
        let read = super::mcp_tools::ok(
            &client,
            "read",
            json!({"target": format!("{PASTURE}#para_1")}),
        )
        .await;
        assert_eq!(read["ru"]["state_by"], pasture_repealer(), "{read:#}");
        assert_eq!(
            read["kk"]["state_by"]["requisite"],
            pasture_repealer()["requisite"],
            "{read:#}"
        );
        client.cancel().await.expect("close the session");
    });
}

/// The decision № 64-340 (repealed on 13.08.2024) searched for its own words on a day it was in
/// force (01.01.2022) and on a day after its repeal (01.09.2024), in Russian: its units are
/// found on the first day in every door — the library's search and the assistant's page
/// (`pages::hits_page`, which MCP `search` shows), the CLI's JSON, `/v1/search`, MCP `search`
/// — 73 units, the first three of each page in force then; after the repeal no door finds
/// them, as a search of the law in force on that day. The assistant's page used to leave them
/// out on both days, by the act's status today (its hits counted as `repealed_left_out` on
/// 01.01.2022).
#[test]
fn a_repealed_act_is_searched_on_a_day_it_was_in_force_in_every_door() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = corpus(tmp.path());
    let query = format!("выпаса сельскохозяйственных животных act:{PASTURE}");
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    let (in_force, after) = ("2022-01-01", "2024-09-01");

    // The library.
    let (zi, _) = zanlex::ZanIndex::open_or_build(
        &corpus,
        tmp.path().join("lib-index"),
        &zanlex::BuildOptions::default(),
    )
    .expect("index");
    let links = zanlex::pages::Links::new(None).expect("links");
    let page = |as_of: &str| {
        let args = zanlex::pages::SearchArgs {
            query: &query,
            as_of: Some(as_of),
            lang: Some("ru"),
            limit: Some(3),
            ..Default::default()
        };
        let name = |n: &str| n.to_string();
        let req =
            zanlex::pages::SearchPageRequest::parse(&args, &zanlex::pages::Budget::LOCAL, name)
                .expect("request");
        zanlex::pages::hits_page(&zi, &req, &links, &zanlex::pages::Budget::LOCAL).expect("page")
    };
    let hits = |as_of: &str| {
        zi.search(
            &zanlex::SearchRequest::new(&query)
                .as_of(day(as_of))
                .lang(zanlex::Lang::Ru)
                .limit(3),
        )
        .expect("search")
    };
    let (total, found) = (73, 3);
    let results = hits(in_force);
    assert_eq!(results.total, total);
    let before = results.hits;
    assert_eq!(before.len(), found);
    assert!(before
        .iter()
        .all(|h| h.act.id == PASTURE && h.version.state == zanlex::TimeState::InForce));
    assert_eq!(hits(after).total, 0);
    let shown = serde_json::to_value(page(in_force)).expect("JSON");
    assert_eq!(
        shown["hits"].as_array().map(Vec::len),
        Some(found),
        "{shown:#}"
    );
    assert!(shown.get("repealed_left_out").is_none(), "{shown:#}");
    assert_eq!(shown["total"], total);
    let later = serde_json::to_value(page(after)).expect("JSON");
    assert_eq!(later["hits"].as_array().map(Vec::len), Some(0), "{later:#}");

    // The command line's JSON.
    let cli = |as_of: &str| -> Vec<String> {
        let (code, v) = super::common::zanlex_json(
            &corpus,
            &tmp.path().join("cli-index"),
            &[
                "search", &query, "--lang", "ru", "--as-of", as_of, "--limit", "3",
            ],
        );
        assert_eq!(code, 0, "{v}");
        hit_states(&v)
    };
    assert_eq!(cli(in_force), vec!["in_force"; found]);
    assert!(cli(after).is_empty());

    // `/v1/search`.
    let server = super::serve_api::Server::start(&corpus, &tmp.path().join("api-index"), &[]);
    let v1 = |as_of: &str| -> Vec<String> {
        let res = reqwest::blocking::Client::new()
            .get(server.url("/v1/search"))
            .query(&[
                ("q", query.as_str()),
                ("lang", "ru"),
                ("as_of", as_of),
                ("limit", "3"),
            ])
            .send()
            .expect("request");
        assert_eq!(res.status(), 200);
        let v: Value = res.json().expect("JSON");
        hit_states(&v)
    };
    assert_eq!(v1(in_force), vec!["in_force"; found]);
    assert!(v1(after).is_empty());
    drop(server);

    // MCP `search`.
    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &tmp.path().join("index-mcp")).await;
        let search =
            |as_of: &str| json!({"query": query, "lang": "ru", "as_of": as_of, "limit": 3});
        let then = super::mcp_tools::ok(&client, "search", search(in_force)).await;
        assert_eq!(
            then["hits"].as_array().map(Vec::len),
            Some(found),
            "{then:#}"
        );
        assert!(then.get("repealed_left_out").is_none(), "{then:#}");
        let since = super::mcp_tools::ok(&client, "search", search(after)).await;
        assert_eq!(since["hits"].as_array().map(Vec::len), Some(0), "{since:#}");
        client.cancel().await.expect("close the session");
    });
}

/// The state kind of each hit of a search answer in JSON (CLI `--json`, `/v1`), in order.
fn hit_states(answer: &Value) -> Vec<String> {
    answer["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            h["version"]["state"]["kind"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect()
}
