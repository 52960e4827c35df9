//! One request, one answer, every door: the same search asked of the command line's `--json`,
//! `GET /v1/search` and the MCP tool `search` (over `zanlex mcp`'s stdio) on the bundled
//! corpus gets the same hits, and the same invalid search the same error, its code from the
//! one table.

use super::mcp_tools::{call, ok, runtime, spawn};
use super::serve_api::Server;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// A copy of the bundled corpus in `dir`.
fn corpus_copy(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    super::common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        &corpus,
    );
    corpus
}

/// `zanlex search --json` with `args` on `corpus`: its exit code and its JSON on stdout.
fn cli_search(corpus: &Path, index: &Path, args: &[&str]) -> (i32, Value) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .arg("search")
        .arg("--json")
        .args(args)
        .arg("--corpus")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .output()
        .expect("run zanlex search");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{args:?}: stdout is not one JSON document ({e}): {stdout}"));
    (out.status.code().unwrap_or(-1), json)
}

/// `GET /v1/search` with `query`: its status and JSON.
fn api_search(server: &Server, query: &[(&str, &str)]) -> (u16, Value) {
    let res = reqwest::blocking::Client::new()
        .get(server.url("/v1/search"))
        .query(query)
        .send()
        .expect("GET /v1/search");
    let status = res.status().as_u16();
    (status, res.json().expect("a JSON answer"))
}

/// Rank and citation of each hit of an answer.
fn ranked(answer: &Value) -> Vec<(u64, String)> {
    answer["hits"]
        .as_array()
        .unwrap_or_else(|| panic!("no hits: {answer}"))
        .iter()
        .map(|h| {
            (
                h["rank"].as_u64().expect("rank"),
                h["citation"].as_str().expect("citation").to_string(),
            )
        })
        .collect()
}

/// One bad search: the code every door answers with, the command line's arguments, the
/// API's parameters, the tool's arguments, and the message when no door's page size is in it.
type Case<'a> = (
    &'a str,
    Vec<&'a str>,
    Vec<(&'a str, &'a str)>,
    Value,
    Option<&'a str>,
);

#[test]
fn mcp_cli_and_api_answer_one_search_alike() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus_copy(dir.path());
    let server = Server::start(&corpus, &dir.path().join("served"), &["--watch-secs", "0"]);
    let cli_index = dir.path().join("cli");
    let long = "виза ".repeat(201);
    let long = long.trim_end();
    runtime().block_on(async {
        let client = spawn(&corpus, &dir.path().join("mcp")).await;

        // The second page of three hits: the same units, ranked alike, in every door.
        let (code, cli) = cli_search(&corpus, &cli_index, &["виза", "--offset", "2", "-n", "3"]);
        assert_eq!(code, 0, "{cli}");
        let (status, api) = api_search(&server, &[("q", "виза"), ("offset", "2"), ("limit", "3")]);
        assert_eq!(status, 200, "{api}");
        let mcp = ok(
            &client,
            "search",
            json!({"query": "виза", "offset": 2, "limit": 3}),
        )
        .await;
        let page = ranked(&cli);
        assert_eq!(
            page.iter().map(|(rank, _)| *rank).collect::<Vec<_>>(),
            [3, 4, 5]
        );
        assert_eq!(ranked(&api), page);
        assert_eq!(ranked(&mcp), page);
        assert_eq!((&api["offset"], &mcp["offset"]), (&json!(2), &json!(2)));
        assert_eq!(api["total"], cli["total"]);
        assert_eq!(mcp["total"], cli["total"]);

        // The same invalid search: the same code (and, where no door's page size is in it,
        // the same words) from each door.
        let cases: [Case; 5] = [
            (
                "limit_out_of_range",
                vec!["виза", "-n", "0"],
                vec![("q", "виза"), ("limit", "0")],
                json!({"query": "виза", "limit": 0}),
                None,
            ),
            (
                "offset_out_of_range",
                vec!["виза", "--offset", "995", "-n", "10"],
                vec![("q", "виза"), ("offset", "995"), ("limit", "10")],
                json!({"query": "виза", "offset": 995, "limit": 10}),
                Some(
                    "offset 995 + limit 10 is past hit 1000, where a search's pages end; narrow \
                     the question instead (a more precise query, a filter)",
                ),
            ),
            (
                "query_too_long",
                vec![long],
                vec![("q", long)],
                json!({ "query": long }),
                Some(
                    "the query is 1004 characters long; the limit is 1000: shorten it to its \
                     key words",
                ),
            ),
            (
                "bad_query",
                vec!["\"тұрақты тұру"],
                vec![("q", "\"тұрақты тұру")],
                json!({"query": "\"тұрақты тұру"}),
                None,
            ),
            (
                "bad_request",
                vec!["виза", "--kind", "memo"],
                vec![("q", "виза"), ("kind", "memo")],
                json!({"query": "виза", "kind": "memo"}),
                None,
            ),
        ];
        for (code, cli_args, api_query, mcp_args, message) in cases {
            let (exit, cli) = cli_search(&corpus, &cli_index, &cli_args);
            assert_eq!(exit, 2, "{cli_args:?}: {cli}");
            let (status, api) = api_search(&server, &api_query);
            assert!(
                (400..500).contains(&status),
                "{api_query:?}: {status} {api}"
            );
            let result = call(&client, "search", mcp_args.clone()).await;
            assert_eq!(result.is_error, Some(true), "{mcp_args}");
            let mcp = result.structured_content.expect("structured error");
            for (door, answer) in [("cli", &cli), ("/v1", &api), ("mcp", &mcp)] {
                assert_eq!(answer["error"]["code"], code, "{door} {mcp_args}: {answer}");
                if let Some(m) = message {
                    assert_eq!(answer["error"]["message"], m, "{door}: {answer}");
                }
            }
        }
        client.cancel().await.expect("close the session");
    });
}

/// `zanlex COMMAND… --json` on `corpus` (`command` is the subcommand and its arguments): its
/// JSON on stdout, the command having succeeded.
fn cli_json(corpus: &Path, index: &Path, command: &[&str]) -> Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(command)
        .arg("--json")
        .arg("--corpus")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .output()
        .expect("run zanlex");
    assert!(
        out.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON document")
}

/// `zanlex changes --json` with `args`.
fn cli_changes(corpus: &Path, index: &Path, args: &[&str]) -> Value {
    cli_json(corpus, index, &[&["changes"], args].concat())
}

#[test]
fn mcp_cli_and_api_list_the_same_recent_changes() {
    const PUBLIC: &str = "https://zan.example.kz/";
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus_copy(dir.path());
    let server = Server::start(
        &corpus,
        &dir.path().join("served"),
        &["--watch-secs", "0", "--public-url", PUBLIC],
    );
    let cli_index = dir.path().join("cli");
    let api = |query: &str| -> Value {
        let res = reqwest::blocking::get(server.url(&format!("/v1/changes?{query}")))
            .expect("GET /v1/changes");
        assert_eq!(res.status().as_u16(), 200);
        res.json().expect("JSON")
    };
    runtime().block_on(async {
        let client = spawn(&corpus, &dir.path().join("mcp")).await;
        // One act's changes since 2020, two a page, the second page; and the whole corpus's.
        let one = [
            ("act", "mfa-order-2018-01-04-11-1-4-1"),
            ("since", "2020-01-01"),
            ("offset", "2"),
            ("limit", "2"),
        ];
        let cli_args: Vec<String> = one
            .iter()
            .flat_map(|(k, v)| [format!("--{k}"), v.to_string()])
            .chain(["--public-url".to_string(), PUBLIC.to_string()])
            .collect();
        let cli_args: Vec<&str> = cli_args.iter().map(String::as_str).collect();
        let cli = cli_changes(&corpus, &cli_index, &cli_args);
        let query: Vec<String> = one.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let from_api = api(&query.join("&"));
        let result = call(
            &client,
            "recent_changes",
            json!({"act": one[0].1, "since": "2020-01-01", "offset": 2, "limit": 2}),
        )
        .await;
        assert_eq!(result.is_error, Some(false), "{result:?}");
        let mcp = result.structured_content.expect("structured content");
        assert_eq!(cli, from_api);
        // The assistant's budget lists two units of each change (`units_total` counts them
        // all); the rest of the answer is the same.
        assert_eq!(mcp, assistant_budget(&from_api));
        assert_eq!(
            from_api["changes"][0]["units"].as_array().map(Vec::len),
            Some(5)
        );
        assert_eq!(cli["offset"], 2);
        assert_eq!(cli["changes"].as_array().map(Vec::len), Some(2));
        assert_eq!(
            cli["changes"][0]["act_citation"],
            "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы"
        );
        assert!(cli["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .all(|c| c["day"].as_str().is_some_and(|d| d >= "2020-01-01")));

        let all_cli = cli_changes(
            &corpus,
            &cli_index,
            &["--limit", "3", "--public-url", PUBLIC],
        );
        let all_mcp = result_of(call(&client, "recent_changes", json!({"limit": 3})).await);
        assert_eq!(all_cli, api("limit=3"));
        assert_eq!(all_mcp, assistant_budget(&all_cli));
        assert_eq!(all_cli["acts"], 5);
        client.cancel().await.expect("close the session");
    });
}

/// The structured content of a call that succeeded.
fn result_of(result: rmcp::model::CallToolResult) -> Value {
    assert_eq!(result.is_error, Some(false), "{result:?}");
    result.structured_content.expect("structured content")
}

/// A server's recent changes as the assistant's budget lists them: the first two units of
/// each change.
fn assistant_budget(answer: &Value) -> Value {
    let mut answer = answer.clone();
    for change in answer["changes"].as_array_mut().expect("changes") {
        if let Some(units) = change["units"].as_array_mut() {
            units.truncate(2);
        }
    }
    answer
}

/// `zanlex related ACT --json` with `args`.
fn cli_related(corpus: &Path, index: &Path, act: &str, args: &[&str]) -> Value {
    cli_json(corpus, index, &[&["related", act], args].concat())
}

/// Each entry of `list` as `[id or null, citation]`: what names the act, whatever a budget
/// keeps of the rest.
fn named(list: &Value) -> Vec<(Value, Value)> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|a| (a["id"].clone(), a["citation"].clone()))
        .collect()
}

#[test]
fn mcp_cli_and_api_list_the_same_related_acts() {
    const PUBLIC: &str = "https://zan.example.kz/";
    const ACT: &str = "mfa-order-2018-01-04-11-1-4-1";
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus_copy(dir.path());
    let server = Server::start(
        &corpus,
        &dir.path().join("served"),
        &["--watch-secs", "0", "--public-url", PUBLIC],
    );
    let cli_index = dir.path().join("cli");
    runtime().block_on(async {
        let client = spawn(&corpus, &dir.path().join("mcp")).await;
        let cli = cli_related(
            &corpus,
            &cli_index,
            ACT,
            &["--as-of", "2020-01-01", "--public-url", PUBLIC],
        );
        let res =
            reqwest::blocking::get(server.url(&format!("/v1/acts/{ACT}/related?as_of=2020-01-01")))
                .expect("GET /v1/acts/{id}/related");
        assert_eq!(res.status().as_u16(), 200);
        let from_api: Value = res.json().expect("JSON");
        assert_eq!(cli, from_api);
        let mcp = result_of(
            call(
                &client,
                "related",
                json!({"act": ACT, "as_of": "2020-01-01"}),
            )
            .await,
        );
        for key in [
            "act",
            "citation",
            "lang",
            "on",
            "totals",
            "replaces",
            "replaced_by",
        ] {
            assert_eq!(mcp[key], cli[key], "{key}");
        }
        // The assistant's budget may end the lists sooner; what it carries is the same acts in
        // the same order.
        let mut carried = 0;
        for list in ["amends", "amended_by", "cites", "cited_by"] {
            let (all, cut) = (named(&cli[list]), named(&mcp[list]));
            assert!(cut.len() <= all.len(), "{list}");
            assert_eq!(all[..cut.len()], cut[..], "{list}");
            carried += cut.len();
        }
        assert!(carried > 0, "{mcp}");
        assert_eq!(
            cli["totals"],
            json!({"amends": 0, "amended_by": 4, "cites": 1, "cited_by": 0})
        );
        // The newest first, and not yet adopted on the day asked: said in both doors.
        assert_eq!(
            cli["amended_by"][0]["citation"],
            "ҚР Сыртқы істер министрінің м.а. 05.12.2025 № 11-1-4/730 бұйрығы"
        );
        assert_eq!(cli["amended_by"][0]["state"]["kind"], "not_yet_adopted");
        assert_eq!(mcp["amended_by"][0]["state"], cli["amended_by"][0]["state"]);
        assert_eq!(cli["act"], ACT);
        assert_eq!(
            cli["citation"],
            "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы"
        );
        client.cancel().await.expect("close the session");
    });
}

/// `GET path` on `server`: its status and JSON.
fn api_answer(server: &Server, path: &str) -> (u16, Value) {
    let res = reqwest::blocking::get(server.url(path)).expect("GET");
    let status = res.status().as_u16();
    (status, res.json().expect("a JSON answer"))
}

/// One bad read: the code every door answers with, the command line's arguments, the API's
/// path and query, the tool and its arguments, and the message when no door's own name for a
/// value is in it.
type ReadCase<'a> = (
    &'a str,
    Vec<&'a str>,
    String,
    &'a str,
    Value,
    Option<&'a str>,
);

#[test]
fn mcp_cli_and_api_read_one_act_and_unit_alike() {
    const ACT: &str = "mfa-order-2018-01-04-11-1-4-1";
    let unit = format!("{ACT}#att_1__para_3__subpara_1");
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus_copy(dir.path());
    let server = Server::start(&corpus, &dir.path().join("served"), &["--watch-secs", "0"]);
    let cli_index = dir.path().join("cli");
    let cli = |args: &[&str]| {
        crate::common::zanlex_json(&corpus, &cli_index, &[&["show"], args].concat())
    };
    runtime().block_on(async {
        let client = spawn(&corpus, &dir.path().join("mcp")).await;

        // A unit on a date: the same answer from the command line and the API; `at_date` the
        // same unit, its state said in the assistant's words.
        let (code, one) = cli(&[&unit, "--as-of", "2026-01-01"]);
        assert_eq!(code, 0, "{one}");
        let (status, api) = api_answer(
            &server,
            &format!("/v1/acts/{ACT}/units/att_1__para_3__subpara_1?as_of=2026-01-01"),
        );
        assert_eq!(status, 200, "{api}");
        assert_eq!(api, one);
        assert_eq!(
            one["citation"],
            "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 3-тармақ 1) \
             тармақша"
        );
        assert_eq!(
            one["text"],
            "1) осы Қағидаларға 1-қосымшаға сәйкес нысан бойынша өтiнiш-сауалнама;"
        );
        assert_eq!(one["state"]["kind"], "in_force");
        assert_eq!(one["edition"]["from"], "2025-12-15");
        let on_date = result_of(
            call(
                &client,
                "at_date",
                json!({"target": unit, "date": "2026-01-01"}),
            )
            .await,
        );
        assert_eq!(on_date["date"], "2026-01-01");
        for (key, value) in one.as_object().expect("an object") {
            if key != "state_text" {
                assert_eq!(&on_date[key], value, "at_date {key}");
            }
        }
        assert_eq!(on_date["state_text"], "in force on 2026-01-01");

        // The unit in both languages: `read` sends what `--parallel` and parallel=true do.
        let (code, both) = cli(&[&unit, "--parallel"]);
        assert_eq!(code, 0, "{both}");
        let (status, api) = api_answer(
            &server,
            &format!("/v1/acts/{ACT}/units/att_1__para_3__subpara_1?parallel=true"),
        );
        assert_eq!(status, 200, "{api}");
        assert_eq!(api, both);
        let read = result_of(call(&client, "read", json!({ "target": unit })).await);
        assert_eq!((&read["kk"], &read["ru"]), (&both["kk"], &both["ru"]));
        assert_eq!(read["citation"], one["citation"]);
        assert_eq!(both["ru"], Value::Null);

        // The act's outline, and its texts paged: one answer from the command line and the
        // API; `read` the same outline.
        let (code, act) = cli(&[ACT]);
        assert_eq!(code, 0, "{act}");
        let (status, api) = api_answer(&server, &format!("/v1/acts/{ACT}"));
        assert_eq!(status, 200, "{api}");
        assert_eq!(api, act);
        let eids: Vec<&Value> = act["units"]
            .as_array()
            .expect("units")
            .iter()
            .map(|u| &u["eid"])
            .collect();
        assert_eq!(
            eids,
            ["preamble", "para_1", "para_2", "para_3", "para_4", "para_5", "att_1"]
        );
        assert!(act["units"][1].get("text").is_none(), "{}", act["units"][1]);
        let outline = result_of(call(&client, "read", json!({ "target": ACT })).await);
        assert_eq!(outline.get("note"), None, "{outline}");
        for key in ["id", "citation", "title", "status", "versions", "units"] {
            assert_eq!(outline[key], act[key], "read {key}");
        }
        let (code, texts) = cli(&[ACT, "--texts"]);
        assert_eq!(code, 0, "{texts}");
        let (status, api) = api_answer(&server, &format!("/v1/acts/{ACT}?text=true"));
        assert_eq!(status, 200, "{api}");
        assert_eq!(api, texts);
        let para_1 = &texts["units"][1];
        assert_eq!(para_1["eid"], "para_1");
        assert!(
            para_1["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("1. Қоса беріліп отырған")),
            "{para_1}"
        );
        let paged = result_of(
            call(
                &client,
                "read",
                json!({"target": ACT, "texts": true, "offset": 1}),
            )
            .await,
        );
        // A page from offset 1 holds the units from it, the preamble before it not.
        assert_eq!(paged["units"][0]["eid"], "para_1");
        assert_eq!(paged["units"][0]["text"], para_1["text"]);

        // The same bad read: the same code from every door.
        let missing = format!("{ACT}#para_99");
        let api_unit = |eid: &str, query: &str| format!("/v1/acts/{ACT}/units/{eid}?{query}");
        let cases: Vec<ReadCase> = vec![
            (
                "not_found",
                vec!["no-such-act"],
                "/v1/acts/no-such-act".into(),
                "read",
                json!({"target": "no-such-act"}),
                None,
            ),
            (
                "not_found",
                vec![missing.as_str()],
                api_unit("para_99", ""),
                "at_date",
                json!({"target": missing, "date": "2026-01-01"}),
                None,
            ),
            (
                "bad_request",
                vec![unit.as_str(), "--as-of", "2026-13-01"],
                api_unit("att_1__para_3__subpara_1", "as_of=2026-13-01"),
                "read",
                json!({"target": unit, "as_of": "2026-13-01"}),
                None,
            ),
            (
                "bad_request",
                vec![unit.as_str(), "--lang", "en"],
                api_unit("att_1__para_3__subpara_1", "lang=en"),
                "at_date",
                json!({"target": unit, "date": "2026-01-01", "lang": "en"}),
                None,
            ),
            (
                "bad_request",
                vec![ACT, "--texts", "--offset", "100000"],
                format!("/v1/acts/{ACT}?text=true&offset=100000"),
                "read",
                json!({"target": ACT, "texts": true, "offset": 100000}),
                Some(
                    "offset 100000 is past the act's last unit (44 units); texts start at offset 0",
                ),
            ),
            (
                "bad_request",
                vec![ACT, "--offset", "5"],
                format!("/v1/acts/{ACT}?offset=5"),
                "read",
                json!({"target": ACT, "offset": 5}),
                None,
            ),
        ];
        for (code, cli_args, api_path, tool, mcp_args, message) in cases {
            let (exit, cli_error) = cli(&cli_args);
            assert_eq!(exit, 2, "{cli_args:?}: {cli_error}");
            let (status, api_error) = api_answer(&server, &api_path);
            assert!((400..500).contains(&status), "{api_path}: {status}");
            let result = call(&client, tool, mcp_args.clone()).await;
            assert_eq!(result.is_error, Some(true), "{tool} {mcp_args}");
            let mcp_error = result.structured_content.expect("structured error");
            for (door, answer) in [
                ("cli", &cli_error),
                ("/v1", &api_error),
                ("mcp", &mcp_error),
            ] {
                assert_eq!(answer["error"]["code"], code, "{door} {mcp_args}: {answer}");
                if let Some(m) = message {
                    assert_eq!(answer["error"]["message"], m, "{door}: {answer}");
                }
            }
        }

        // Recent changes asked badly: the same code from every door.
        for (cli_args, query, mcp_args) in [
            (
                vec!["--since", "2020-02-30"],
                "since=2020-02-30",
                json!({"since": "2020-02-30"}),
            ),
            (vec!["--lang", "en"], "lang=en", json!({"lang": "en"})),
            (vec!["--limit", "101"], "limit=101", json!({"limit": 101})),
        ] {
            let (exit, cli_error) = crate::common::zanlex_json(
                &corpus,
                &cli_index,
                &[&["changes"], &cli_args[..]].concat(),
            );
            assert_eq!(exit, 2, "{cli_args:?}: {cli_error}");
            let (status, api_error) = api_answer(&server, &format!("/v1/changes?{query}"));
            assert_eq!(status, 400, "{query}");
            let result = call(&client, "recent_changes", mcp_args.clone()).await;
            assert_eq!(result.is_error, Some(true), "{mcp_args}");
            let mcp_error = result.structured_content.expect("structured error");
            for answer in [&cli_error, &api_error, &mcp_error] {
                assert_eq!(answer["error"]["code"], "bad_request", "{query}: {answer}");
            }
        }
        client.cancel().await.expect("close the session");
    });
}

/// One list asked badly: the command line's arguments, the API's path and query, the tool and
/// its arguments, and the value each door's message names.
type ListCase<'a> = (Vec<&'a str>, String, &'a str, Value, &'a str);

#[test]
fn mcp_cli_and_api_refuse_a_list_asked_badly_alike() {
    const ACT: &str = "mfa-order-2018-01-04-11-1-4-1";
    let unit = format!("{ACT}#att_1__para_3");
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus_copy(dir.path());
    let server = Server::start(&corpus, &dir.path().join("served"), &["--watch-secs", "0"]);
    let cli_index = dir.path().join("cli");
    let refs = format!("/v1/acts/{ACT}/units/att_1__para_3/refs");
    let related = format!("/v1/acts/{ACT}/related");
    let cited_by = format!("/v1/acts/{ACT}/cited-by");
    let history = format!("/v1/acts/{ACT}/history");
    // A bad date and an unknown language, for each tool whose arguments the library parses.
    let cases: Vec<ListCase> = vec![
        (
            vec!["refs", &unit, "--as-of", "2020-13-01"],
            format!("{refs}?as_of=2020-13-01"),
            "refs",
            json!({"target": unit, "as_of": "2020-13-01"}),
            "\"2020-13-01\" is not a date",
        ),
        (
            vec!["refs", &unit, "--lang", "en"],
            format!("{refs}?lang=en"),
            "refs",
            json!({"target": unit, "lang": "en"}),
            "\"en\" is not a language here",
        ),
        (
            vec!["related", ACT, "--as-of", "2020-02-30"],
            format!("{related}?as_of=2020-02-30"),
            "related",
            json!({"act": ACT, "as_of": "2020-02-30"}),
            "\"2020-02-30\" is not a date",
        ),
        (
            vec!["related", ACT, "--lang", "de"],
            format!("{related}?lang=de"),
            "related",
            json!({"act": ACT, "lang": "de"}),
            "\"de\" is not a language here",
        ),
        (
            vec!["cited-by", ACT, "--as-of", "01.01.2020"],
            format!("{cited_by}?as_of=01.01.2020"),
            "cited_by",
            json!({"target": ACT, "as_of": "01.01.2020"}),
            "\"01.01.2020\" is not a date",
        ),
        (
            vec!["history", ACT, "--lang", "en"],
            format!("{history}?lang=en"),
            "history",
            json!({"target": ACT, "lang": "en"}),
            "\"en\" is not a language here",
        ),
    ];
    runtime().block_on(async {
        let client = spawn(&corpus, &dir.path().join("mcp")).await;
        for (cli_args, api_path, tool, mcp_args, named) in cases {
            let (exit, cli_error) = crate::common::zanlex_json(&corpus, &cli_index, &cli_args);
            assert_eq!(exit, 2, "{cli_args:?}: {cli_error}");
            let (status, api_error) = api_answer(&server, &api_path);
            assert_eq!(status, 400, "{api_path}: {api_error}");
            let result = call(&client, tool, mcp_args.clone()).await;
            assert_eq!(result.is_error, Some(true), "{tool} {mcp_args}");
            let mcp_error = result.structured_content.expect("structured error");
            for (door, answer) in [
                ("cli", &cli_error),
                ("/v1", &api_error),
                ("mcp", &mcp_error),
            ] {
                assert_eq!(
                    answer["error"]["code"], "bad_request",
                    "{door} {mcp_args}: {answer}"
                );
                let message = answer["error"]["message"].as_str().unwrap_or_default();
                assert!(message.contains(named), "{door}: {answer}");
            }
            // One message, each door spelling the value's name its own way.
            let spelt = |m: &Value| {
                m["error"]["message"]
                    .as_str()
                    .unwrap_or_default()
                    .replace("--as-of", "as_of")
                    .replace("--lang", "lang")
            };
            assert_eq!(spelt(&cli_error), spelt(&api_error), "{cli_args:?}");
            assert_eq!(spelt(&mcp_error), spelt(&api_error), "{tool} {mcp_args}");
        }
        client.cancel().await.expect("close the session");
    });
}

/// A command asked badly: the command line's arguments, the API's path and query, and the
/// tool and its arguments when an MCP tool asks the same.
type BadCase<'a> = (Vec<&'a str>, String, Option<(&'a str, Value)>);

#[test]
fn mcp_cli_and_api_refuse_a_search_diff_or_units_asked_badly_alike() {
    const ACT: &str = "mfa-order-2018-01-04-11-1-4-1";
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus_copy(dir.path());
    let server = Server::start(&corpus, &dir.path().join("served"), &["--watch-secs", "0"]);
    let cli_index = dir.path().join("cli");
    // An unknown language, checked by the library's request: the search's, the diff's (no
    // MCP tool compares editions) and the outline's that `units` prints.
    let cases: Vec<BadCase> = vec![
        (
            vec!["search", "виза", "--lang", "en"],
            "/v1/search?q=виза&lang=en".to_string(),
            Some(("search", json!({"query": "виза", "lang": "en"}))),
        ),
        (
            vec![
                "diff",
                ACT,
                "--from",
                "2018-01-01",
                "--to",
                "2020-01-01",
                "--lang",
                "en",
            ],
            format!("/v1/acts/{ACT}/diff?from=2018-01-01&to=2020-01-01&lang=en"),
            None,
        ),
        (
            vec!["units", ACT, "--lang", "en"],
            format!("/v1/acts/{ACT}?lang=en"),
            Some(("read", json!({"target": ACT, "lang": "en"}))),
        ),
    ];
    runtime().block_on(async {
        let client = spawn(&corpus, &dir.path().join("mcp")).await;
        for (cli_args, api_path, mcp) in cases {
            let (exit, cli_error) = crate::common::zanlex_json(&corpus, &cli_index, &cli_args);
            assert_eq!(exit, 2, "{cli_args:?}: {cli_error}");
            let (status, api_error) = api_answer(&server, &api_path);
            assert_eq!(status, 400, "{api_path}: {api_error}");
            let mut answers = vec![("cli", cli_error), ("/v1", api_error)];
            if let Some((tool, args)) = mcp {
                let result = call(&client, tool, args.clone()).await;
                assert_eq!(result.is_error, Some(true), "{tool} {args}");
                answers.push(("mcp", result.structured_content.expect("structured error")));
            }
            // One code and one message, the command line spelling the value `--lang`.
            let spelt = |m: &Value| {
                m["error"]["message"]
                    .as_str()
                    .unwrap_or_default()
                    .replace("--lang", "lang")
            };
            for (door, answer) in &answers {
                assert_eq!(answer["error"]["code"], "bad_request", "{door}: {answer}");
                assert_eq!(
                    spelt(answer),
                    "lang: \"en\" is not a language here; write kk (Kazakh) or ru (Russian)",
                    "{door} {cli_args:?}: {answer}"
                );
            }
        }
        client.cancel().await.expect("close the session");
    });
}
