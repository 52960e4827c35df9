//! `zanlex mcp` and `zanlex serve`'s `/mcp`: the Model Context Protocol tools, called by a real
//! client (rmcp's, over the child process's stdio; plain JSON-RPC over HTTP) on the bundled
//! corpus: the tools listed with their schemas, exact answers with citations and permalinks,
//! and every kind of bad argument answered as a tool error the model can act on.

use rmcp::model::{CallToolRequestParams, CallToolResult};
use rmcp::service::RunningService;
use rmcp::transport::{ConfigureCommandExt, TokioChildProcess};
use rmcp::{RoleClient, ServiceExt};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Stdio;

/// The tools, in the order the server lists them.
const TOOLS: [&str; 6] = ["at_date", "cited_by", "history", "read", "refs", "search"];

/// The act most tests read: an order in Kazakh with rules attached, amended twelve times.
const ACT: &str = "mfa-order-2018-01-04-11-1-4-1";
const ACT_CITATION: &str = "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы";
const UNIT: &str = "mfa-order-2018-01-04-11-1-4-1#att_1__para_3";
const UNIT_CITATION: &str =
    "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 3-тармақ";

/// A copy of the bundled corpus in `dir`, so that no test writes an index into the repository.
fn corpus_copy(dir: &Path) -> std::path::PathBuf {
    let corpus = dir.join("corpus");
    super::common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        &corpus,
    );
    corpus
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// `zanlex mcp` on a copy of the bundled corpus in `dir`, with a client session open on it.
async fn connect(dir: &Path) -> RunningService<RoleClient, ()> {
    connect_with(dir, &[]).await
}

/// [`connect`] with `extra` files, (name, text), added to the corpus.
async fn connect_with(dir: &Path, extra: &[(&str, &str)]) -> RunningService<RoleClient, ()> {
    let corpus = corpus_copy(dir);
    for (name, text) in extra {
        std::fs::write(corpus.join(name), text).expect("write an extra act");
    }
    let index = dir.join("index");
    let command = tokio::process::Command::new(env!("CARGO_BIN_EXE_zanlex")).configure(|c| {
        c.arg("mcp")
            .arg("--corpus")
            .arg(&corpus)
            .arg("--index")
            .arg(&index);
    });
    let (transport, _) = TokioChildProcess::builder(command)
        .stderr(Stdio::null())
        .spawn()
        .expect("start zanlex mcp");
    ().serve(transport).await.expect("MCP session")
}

/// Calls tool `name` with `args`.
async fn call(client: &RunningService<RoleClient, ()>, name: &str, args: Value) -> CallToolResult {
    let args = args.as_object().cloned().expect("arguments are an object");
    client
        .call_tool(CallToolRequestParams::new(name.to_string()).with_arguments(args))
        .await
        .unwrap_or_else(|e| panic!("{name} failed as a protocol call: {e}"))
}

/// The one text block of a result.
fn text(result: &CallToolResult) -> &str {
    assert_eq!(result.content.len(), 1, "{result:?}");
    &result.content[0]
        .as_text()
        .unwrap_or_else(|| panic!("not text: {result:?}"))
        .text
}

/// The JSON answer of a call that succeeded.
async fn ok(client: &RunningService<RoleClient, ()>, name: &str, args: Value) -> Value {
    let result = call(client, name, args.clone()).await;
    assert_eq!(
        result.is_error,
        Some(false),
        "{name} {args}: {}",
        text(&result)
    );
    serde_json::from_str(text(&result)).expect("the answer is JSON")
}

/// The message of a call that failed as a tool error.
async fn tool_error(client: &RunningService<RoleClient, ()>, name: &str, args: Value) -> String {
    let result = call(client, name, args.clone()).await;
    assert_eq!(
        result.is_error,
        Some(true),
        "{name} {args}: {}",
        text(&result)
    );
    text(&result).to_string()
}

#[test]
fn mcp_lists_the_tools_with_their_schemas() {
    let dir = tempfile::tempdir().expect("temp dir");
    runtime().block_on(async {
        let client = connect(dir.path()).await;
        let info = client.peer_info().expect("server info");
        assert_eq!(
            info.server_info.as_ref().map(|s| s.name.as_str()),
            Some("zanlex")
        );
        assert!(info
            .instructions
            .as_deref()
            .is_some_and(|i| i.contains("`search`")));
        let tools = client.list_all_tools().await.expect("tools/list");
        let names: Vec<&str> = tools.iter().map(|t| t.name.as_ref()).collect();
        assert_eq!(names, TOOLS);
        for tool in &tools {
            let schema = &tool.input_schema;
            assert_eq!(schema.get("type"), Some(&json!("object")), "{}", tool.name);
            let required = schema.get("required").cloned().unwrap_or(json!([]));
            let properties = schema
                .get("properties")
                .and_then(Value::as_object)
                .unwrap_or_else(|| panic!("{} has no properties", tool.name));
            let wanted: &[&str] = match tool.name.as_ref() {
                "search" => &["query"],
                "at_date" => &["target", "date"],
                _ => &["target"],
            };
            assert_eq!(required, json!(wanted), "{}", tool.name);
            for p in properties.values() {
                assert!(p.get("description").is_some(), "{}: {p}", tool.name);
            }
            let description = tool.description.as_deref().unwrap_or("");
            assert!(
                description.contains("Example"),
                "{}: {description}",
                tool.name
            );
            let read_only = tool.annotations.as_ref().and_then(|a| a.read_only_hint);
            assert_eq!(read_only, Some(true), "{}", tool.name);
        }
        let search = &tools[5].input_schema["properties"];
        assert_eq!(search["lang"]["enum"], json!(["kk", "ru"]));
        assert!(["offset", "limit", "as_of", "kind", "include_repealed"]
            .iter()
            .all(|p| search.get(*p).is_some()));
        client.cancel().await.expect("close the session");
    });
}

#[test]
fn mcp_tools_answer_on_the_bundled_corpus() {
    let dir = tempfile::tempdir().expect("temp dir");
    runtime().block_on(async {
        let client = connect(dir.path()).await;

        // search: the amendment that limits a B2 visa's extension, first, with its citation.
        let found = ok(
            &client,
            "search",
            json!({"query": "визаның қолданылу мерзімін ұзарту", "limit": 2}),
        )
        .await;
        assert_eq!(found["offset"], 0);
        assert_eq!(found["limit"], 2);
        assert_eq!(found["next_offset"], 2);
        let hits = found["hits"].as_array().expect("hits");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0]["act"]["id"], "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611");
        assert_eq!(hits[0]["unit"]["eid"], "para_1__mod_25");
        assert_eq!(
            hits[0]["citation"],
            "ҚР Сыртқы істер министрінің 01.09.2020 № 11-1-4/245 және ҚР Ішкі істер министрінің \
             01.09.2020 № 611 бірлескен бұйрығы · 1-тармақ 25-өзгеріс"
        );
        assert_eq!(
            hits[0]["permalink"],
            "/acts/mfa-mvd-joint-order-2020-09-01-11-1-4-245-611/para_1__mod_25"
        );
        assert_eq!(
            hits[0]["text"],
            "50-тармақ мынадай редакцияда жазылсын:\n\"50. \"В2\" санатындағы визаның қолданылу \
             мерзімі тек бір рет ұзартылады.\";"
        );
        // The next page starts where this one ended.
        let next = ok(
            &client,
            "search",
            json!({"query": "визаның қолданылу мерзімін ұзарту", "offset": 1, "limit": 1}),
        )
        .await;
        assert_eq!(next["hits"][0]["rank"], hits[1]["rank"]);
        assert_eq!(next["hits"][0]["citation"], hits[1]["citation"]);
        // A date: the permalink carries it.
        let dated = ok(
            &client,
            "search",
            json!({"query": "визаның қолданылу мерзімін ұзарту", "limit": 1, "as_of": "2021-01-01"}),
        )
        .await;
        let link = dated["hits"][0]["permalink"].as_str().expect("permalink");
        assert!(link.ends_with("?as_of=2021-01-01"), "{link}");

        // Repealed acts: left out of the page unless asked for, and counted.
        let current = ok(&client, "search", json!({"query": "рұқсат", "limit": 50})).await;
        assert_eq!((current["total"].clone(), current["repealed_left_out"].clone()), (json!(40), json!(13)));
        let kept = current["hits"].as_array().expect("hits");
        assert_eq!(kept.len(), 27);
        assert!(kept.iter().all(|h| h["act"]["status"] != "repealed"));
        assert!(current.get("next_offset").is_none());
        let all = ok(
            &client,
            "search",
            json!({"query": "рұқсат", "limit": 50, "include_repealed": true}),
        )
        .await;
        let all = all["hits"].as_array().expect("hits");
        assert_eq!(all.len(), 40);
        let repealed = all.iter().filter(|h| h["act"]["status"] == "repealed");
        assert!(repealed.clone().all(|h| h["act"]["id"] == "mvd-order-2012-06-14-352"));
        assert_eq!(repealed.count(), 13);

        // read a unit: its text from its start, in Kazakh; the act has no Russian text.
        let unit = ok(&client, "read", json!({"target": UNIT})).await;
        assert_eq!(unit["target"], UNIT);
        assert_eq!(unit["citation"], UNIT_CITATION);
        assert_eq!(unit["permalink"], "/acts/mfa-order-2018-01-04-11-1-4-1/att_1__para_3");
        assert_eq!(unit["kk"]["citation"], UNIT_CITATION);
        assert_eq!(unit["ru"], Value::Null);
        let body = unit["kk"]["text"].as_str().expect("text");
        assert!(
            body.starts_with("3. Мемлекеттік қызметті алу үшін"),
            "{body}"
        );
        let children: Vec<&str> = unit["kk"]["children"]
            .as_array()
            .expect("children")
            .iter()
            .filter_map(|c| c["eid"].as_str())
            .collect();
        assert_eq!(
            children,
            (1..=7)
                .map(|i| format!("att_1__para_3__subpara_{i}"))
                .collect::<Vec<_>>()
        );

        // read an act: its outline, with its citation and permalink.
        let act = ok(&client, "read", json!({"target": ACT})).await;
        assert_eq!(act["id"], ACT);
        assert_eq!(act["citation"], ACT_CITATION);
        assert_eq!(act["permalink"], "/acts/mfa-order-2018-01-04-11-1-4-1");
        assert_eq!(act["expressions"], json!(["kk"]));
        assert_eq!(act["units"][1]["eid"], "para_1");
        assert!(act.get("note").is_none(), "a small outline is whole");

        // at_date before the act's adoption: no wording, and why.
        let before = ok(&client, "at_date", json!({"target": UNIT, "date": "2010-01-01"})).await;
        assert_eq!(
            before["state"],
            json!({"kind": "not_yet_adopted", "adopted": "2018-01-04"})
        );
        // In the text's own language, with dates as Kazakhstan writes them.
        assert_eq!(
            before["state_text"],
            "01.01.2010 күні әлі қабылданбаған (04.01.2018 қабылданған)"
        );
        assert_eq!(before["text"], "");
        assert_eq!(before["edition"], Value::Null);
        assert_eq!(before["citation"], UNIT_CITATION);
        assert_eq!(
            before["permalink"],
            "/acts/mfa-order-2018-01-04-11-1-4-1/att_1__para_3?as_of=2010-01-01"
        );
        // …and today: in force, in the edition of its last amendment.
        let now = ok(&client, "at_date", json!({"target": UNIT, "date": "2026-06-01"})).await;
        assert_eq!(now["state"], json!({"kind": "in_force"}));
        assert_eq!(now["state_text"], "01.06.2026 күні қолданыста");
        assert_eq!(now["edition"]["from"], "2025-12-15");
        assert!(now["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("3. Мемлекеттік қызметті алу үшін")));

        // history: twelve events, newest first, paged with the total.
        let history = ok(&client, "history", json!({"target": ACT, "limit": 2})).await;
        assert_eq!(history["citation"], ACT_CITATION);
        assert_eq!(history["totals"], json!({"events": 12, "editions": 0, "wordings": 0}));
        assert_eq!(history["next_offset"], 2);
        let entries = history["entries"].as_array().expect("entries");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0]["eid"], "att_1__annex_3");
        assert_eq!(entries[0]["effective"]["date"], "2026-01-01");
        assert_eq!(
            entries[0]["amending_act"],
            "ҚР Сыртқы істер министрінің м.а. 30.09.2025 № 11-1-4/577 бұйрығы"
        );
        let last = ok(&client, "history", json!({"target": ACT, "offset": 10, "limit": 5})).await;
        assert_eq!(last["entries"].as_array().map(Vec::len), Some(2));
        assert!(last.get("next_offset").is_none());
        let of_unit = ok(&client, "history", json!({"target": UNIT})).await;
        assert_eq!(of_unit["citation"], UNIT_CITATION);
        assert_eq!(of_unit["eid"], "att_1__para_3");

        // refs: what the paragraph and its subparagraphs cite.
        let refs = ok(&client, "refs", json!({"target": UNIT, "limit": 2})).await;
        assert_eq!(refs["citation"], UNIT_CITATION);
        assert_eq!((refs["total"].clone(), refs["resolved"].clone()), (json!(5), json!(2)));
        assert_eq!(refs["references"].as_array().map(Vec::len), Some(2));
        assert_eq!(refs["references"][0]["text"], "осы Қағидаларға 3-қосымшада");
        assert_eq!(refs["references"][0]["target"]["eid"], "att_1__annex_3");
        assert_eq!(refs["next_offset"], 2);

        // cited_by: the act's own units that cite it.
        let cited = ok(&client, "cited_by", json!({"target": ACT, "limit": 50})).await;
        assert_eq!(cited["citation"], ACT_CITATION);
        assert_eq!(cited["total"], 11);
        assert_eq!(cited["cited_by"].as_array().map(Vec::len), Some(11));
        assert!(cited.get("next_offset").is_none());
        assert_eq!(
            cited["cited_by"][0]["citing"]["citation"],
            "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · 3-тармақ 5) тармақша"
        );
        client.cancel().await.expect("close the session");
    });
}

#[test]
fn mcp_bad_arguments_are_tool_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    runtime().block_on(async {
        let client = connect(dir.path()).await;
        let folder = dir.path().to_string_lossy().to_string();
        let unknown_act = "No act has the id \"mfa-order-2018-01-04-11-1-4-2\". Did you mean: \
                           mfa-order-2018-01-04-11-1-4-1, mvd-order-2012-06-14-352, \
                           mfa-mvd-joint-order-2020-09-01-11-1-4-245-611? Call `search` to find \
                           the act: each hit gives its `act.id`.";
        let cases: Vec<(&str, Value, String)> =
            vec![
            // Unknown acts: the nearest ids, and the tool that finds the right one.
            (
                "read",
                json!({"target": "mfa-order-2018-01-04-11-1-4-2"}),
                unknown_act.to_string(),
            ),
            (
                "at_date",
                json!({"target": "mfa-order-2018-01-04-11-1-4-2#para_1", "date": "2020-01-01"}),
                unknown_act.to_string(),
            ),
            (
                "history",
                json!({"target": "mfa-order-2018-01-04-11-1-4-2"}),
                unknown_act.to_string(),
            ),
            (
                "refs",
                json!({"target": "mfa-order-2018-01-04-11-1-4-2"}),
                unknown_act.to_string(),
            ),
            (
                "cited_by",
                json!({"target": "mfa-order-2018-01-04-11-1-4-2"}),
                unknown_act.to_string(),
            ),
            // An unknown unit of a known act: how to list its units.
            (
                "read",
                json!({"target": format!("{ACT}#para_999")}),
                format!(
                    "Act {ACT} has no unit \"para_999\". Call `read` with target \"{ACT}\" to list \
                     its units and their eids, or `search` with `act:{ACT}` and words from the \
                     provision."
                ),
            ),
            // Malformed dates.
            (
                "at_date",
                json!({"target": UNIT, "date": "01.01.2020"}),
                "date \"01.01.2020\" is not a date; write YYYY-MM-DD, e.g. date 2020-01-01"
                    .to_string(),
            ),
            (
                "search",
                json!({"query": "виза", "as_of": "2020-13-01"}),
                "as_of \"2020-13-01\" is not a date; write YYYY-MM-DD, e.g. as_of 2020-01-01"
                    .to_string(),
            ),
            (
                "read",
                json!({"target": UNIT, "as_of": "yesterday"}),
                "as_of \"yesterday\" is not a date; write YYYY-MM-DD, e.g. as_of 2020-01-01"
                    .to_string(),
            ),
            (
                "refs",
                json!({"target": UNIT, "as_of": "2020/01/01"}),
                "as_of \"2020/01/01\" is not a date; write YYYY-MM-DD, e.g. as_of 2020-01-01"
                    .to_string(),
            ),
            (
                "cited_by",
                json!({"target": UNIT, "as_of": "2020"}),
                "as_of \"2020\" is not a date; write YYYY-MM-DD, e.g. as_of 2020-01-01"
                    .to_string(),
            ),
            // Empty and malformed queries.
            (
                "search",
                json!({"query": "  "}),
                "query is empty: give the words to search for, e.g. {\"query\": \"виза ұзарту\"}"
                    .to_string(),
            ),
            (
                "search",
                json!({"query": "\"unclosed"}),
                "bad query \"\\\"unclosed\": the quote at character 1 is never closed; add a \
                 closing \" or remove it"
                    .to_string(),
            ),
            // Limits out of range.
            (
                "search",
                json!({"query": "виза", "limit": 10000}),
                "limit 10000 is out of range; use 1 to 50 and page on with `offset`".to_string(),
            ),
            (
                "history",
                json!({"target": ACT, "limit": 10000}),
                "limit 10000 is out of range; use 1 to 100 and page on with `offset`".to_string(),
            ),
            (
                "refs",
                json!({"target": UNIT, "limit": 10000}),
                "limit 10000 is out of range; use 1 to 100 and page on with `offset`".to_string(),
            ),
            (
                "cited_by",
                json!({"target": UNIT, "limit": 0}),
                "limit 0 is out of range; use 1 to 100 and page on with `offset`".to_string(),
            ),
            // Targets written wrong, and arguments of the wrong type.
            (
                "at_date",
                json!({"target": ACT, "date": "2020-01-01"}),
                format!(
                    "at_date needs one unit: write target as ACT_ID#EID; `read` with target \
                     \"{ACT}\" lists the act's units and their eids"
                ),
            ),
            ("read", json!({"target": "#para_3"}), String::new()),
            ("search", json!({"query": "виза", "limit": -1}), String::new()),
            ("search", json!({"query": "виза", "lang": "en"}), String::new()),
            ("history", json!({}), String::new()),
        ];
        for (tool, args, message) in cases {
            let got = tool_error(&client, tool, args.clone()).await;
            if !message.is_empty() {
                assert_eq!(got, message, "{tool} {args}");
            }
            assert!(!got.is_empty(), "{tool} {args}");
            assert!(
                !got.contains(&folder),
                "{tool} {args} names a folder: {got}"
            );
        }
        // The server is still there after every error.
        let found = ok(&client, "search", json!({"query": "виза", "limit": 1})).await;
        assert_eq!(found["hits"].as_array().map(Vec::len), Some(1));
        client.cancel().await.expect("close the session");
    });
}

#[test]
fn mcp_long_texts_are_cut_saying_so() {
    // A text of 30,131 characters in one unit: past what a tool sends whole.
    let long = format!(
        "Қазақстан Республикасы Әділет министрінің бұйрығы\n\
         Зебразавр сынақ қағидаларын бекіту туралы\n\n\
         1. Зебразавр тармағы{}.\n2. Екінші тармақ.\n",
        " сөз".repeat(7_500)
    );
    let dir = tempfile::tempdir().expect("temp dir");
    runtime().block_on(async {
        let client = connect_with(dir.path(), &[("900_long.txt", &long)]).await;
        let found = ok(
            &client,
            "search",
            json!({"query": "зебразавр тармағы", "limit": 1}),
        )
        .await;
        let hit = &found["hits"][0];
        let target = format!(
            "{}#{}",
            hit["act"]["id"].as_str().expect("act id"),
            hit["unit"]["eid"].as_str().expect("eid")
        );
        let shown = hit["text"].as_str().expect("text");
        assert!(
            shown.ends_with(&format!(
                "\n[cut: the first 2000 of 30131 characters are shown; `read` {target} gives \
                 the whole text]"
            )),
            "{shown}"
        );
        assert_eq!(shown.chars().count(), 2_000 + note_len(shown));

        let unit = ok(&client, "read", json!({"target": target})).await;
        let text = unit["kk"]["text"].as_str().expect("text");
        assert!(
            text.starts_with("Қазақстан Республикасы Әділет министрінің бұйрығы"),
            "{text}"
        );
        assert!(
            text.ends_with(
                "\n[cut: the first 20000 of 30131 characters are shown; its units are listed in \
                 `children`: `read` each by its eid]"
            ),
            "{text}"
        );
        assert_eq!(text.chars().count(), 20_000 + note_len(text));
        client.cancel().await.expect("close the session");
    });
}

/// The length in characters of the note after a cut text (from its last line break on).
fn note_len(text: &str) -> usize {
    text.rfind("\n[cut:")
        .map_or(0, |i| text[i..].chars().count())
}

/// POSTs one JSON-RPC message to `/mcp`: the status and the JSON answer.
fn post(url: &str, message: &Value, headers: &[(&str, &str)]) -> (u16, Value) {
    let client = reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_secs(60))
        .build()
        .expect("http client");
    let mut req = client
        .post(url)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .json(message);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = req.send().expect("request");
    let status = res.status().as_u16();
    (status, res.json().unwrap_or(Value::Null))
}

#[test]
fn mcp_over_http_at_the_servers_mcp_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus_copy(dir.path());
    let server = super::serve_api::Server::start(&corpus, &dir.path().join("index"), &[]);
    let url = server.url("/mcp");
    let (status, init) = post(
        &url,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "test", "version": "1"}}}),
        &[],
    );
    assert_eq!(status, 200, "{init}");
    assert_eq!(init["result"]["serverInfo"]["name"], "zanlex");
    let version = [("MCP-Protocol-Version", "2025-06-18")];
    let (status, listed) = post(
        &url,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "tools/list", "params": {}}),
        &version,
    );
    assert_eq!(status, 200, "{listed}");
    let names: Vec<&str> = listed["result"]["tools"]
        .as_array()
        .expect("tools")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert_eq!(names, TOOLS);
    let (status, called) = post(
        &url,
        &json!({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {
            "name": "read", "arguments": {"target": UNIT}}}),
        &version,
    );
    assert_eq!(status, 200, "{called}");
    assert_eq!(called["result"]["isError"], false);
    let answer: Value = serde_json::from_str(
        called["result"]["content"][0]["text"]
            .as_str()
            .expect("text content"),
    )
    .expect("JSON answer");
    assert_eq!(answer["citation"], UNIT_CITATION);
    assert_eq!(
        answer["permalink"],
        "/acts/mfa-order-2018-01-04-11-1-4-1/att_1__para_3"
    );
    // The server's rule for every route holds for /mcp: on loopback, only loopback names,
    // and no change from another site's page.
    let (status, refused) = post(
        &url,
        &json!({"jsonrpc": "2.0", "id": 4, "method": "tools/list", "params": {}}),
        &[("Host", "attacker.example")],
    );
    assert_eq!(status, 403, "{refused}");
    assert_eq!(refused["error"]["code"], "forbidden");
    let (status, refused) = post(
        &url,
        &json!({"jsonrpc": "2.0", "id": 5, "method": "tools/list", "params": {}}),
        &[("Origin", "https://attacker.example")],
    );
    assert_eq!(status, 403, "{refused}");
    assert_eq!(server.terminate().code(), Some(0));
}
