//! `zanlex mcp` and `zanlex serve`'s `/mcp`: the Model Context Protocol tools, called by a real
//! client (rmcp's, over the child process's stdio; plain JSON-RPC over HTTP) on the bundled
//! corpus, on the Government law in two editions and on the mirror sample: the tools listed
//! with their schemas, exact answers with citations and permalinks, and every kind of bad
//! argument answered as a tool error the model can act on.

use rmcp::model::{CallToolRequestParams, CallToolResult};
use rmcp::service::RunningService;
use rmcp::transport::{ConfigureCommandExt, TokioChildProcess};
use rmcp::{RoleClient, ServiceExt};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Stdio;

/// The tools, in the order the server lists them.
const TOOLS: [&str; 13] = [
    "amended_by",
    "at_date",
    "changes",
    "cited_by",
    "grep",
    "history",
    "read",
    "recent_changes",
    "refs",
    "related",
    "search",
    "stats",
    "wording",
];

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

pub(super) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// The page the permalinks of these sessions lead to (`--public-url`).
const PUBLIC_URL: &str = "https://zan.example.kz/";

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
    spawn(&corpus, &dir.join("index")).await
}

/// `zanlex mcp` on the corpus in `corpus`, its index in `index`, with a client session open.
pub(super) async fn spawn(corpus: &Path, index: &Path) -> RunningService<RoleClient, ()> {
    let command = tokio::process::Command::new(env!("CARGO_BIN_EXE_zanlex")).configure(|c| {
        c.arg("mcp")
            .arg("--corpus")
            .arg(corpus)
            .arg("--index")
            .arg(index)
            .arg("--public-url")
            .arg(PUBLIC_URL);
    });
    let (transport, _) = TokioChildProcess::builder(command)
        .stderr(Stdio::null())
        .spawn()
        .expect("start zanlex mcp");
    ().serve(transport).await.expect("MCP session")
}

/// Calls tool `name` with `args`.
pub(super) async fn call(
    client: &RunningService<RoleClient, ()>,
    name: &str,
    args: Value,
) -> CallToolResult {
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
pub(super) async fn ok(client: &RunningService<RoleClient, ()>, name: &str, args: Value) -> Value {
    let result = call(client, name, args.clone()).await;
    assert_eq!(
        result.is_error,
        Some(false),
        "{name} {args}: {}",
        text(&result)
    );
    serde_json::from_str(text(&result)).expect("the answer is JSON")
}

/// Every page of a call, following `next_offset` until the last; each page within the
/// assistant's 8,000 characters.
async fn every_page(
    client: &RunningService<RoleClient, ()>,
    name: &str,
    args: Value,
) -> Vec<Value> {
    let mut pages: Vec<Value> = Vec::new();
    let mut asked = args;
    loop {
        let page = ok(client, name, asked.clone()).await;
        let chars = page.to_string().chars().count();
        assert!(chars <= 8_000, "{name} {asked}: {chars} characters");
        let next = page.get("next_offset").and_then(Value::as_u64);
        pages.push(page);
        match next {
            Some(n) => asked["offset"] = json!(n),
            None => return pages,
        }
        assert!(pages.len() < 50, "{name}: no last page");
    }
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
                "related" => &["act"],
                "grep" => &["pattern"],
                "stats" | "recent_changes" => &[],
                "wording" => &["target", "phrase"],
                "amended_by" => &["by"],
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
        let properties = |name: &str| {
            let tool = tools.iter().find(|t| t.name == name).expect("tool");
            let mut names: Vec<String> = tool.input_schema["properties"]
                .as_object()
                .expect("properties")
                .keys()
                .cloned()
                .collect();
            names.sort();
            (tool.input_schema["properties"].clone(), names)
        };
        let (search, _) = properties("search");
        assert_eq!(search["lang"]["enum"], json!(["kk", "ru"]));
        assert!(["offset", "limit", "as_of", "kind", "include_repealed"]
            .iter()
            .all(|p| search.get(*p).is_some()));
        let (changes, names) = properties("changes");
        assert_eq!(
            names,
            ["edition", "from", "lang", "limit", "offset", "target", "to"]
        );
        assert_eq!(changes["lang"]["enum"], json!(["kk", "ru"]));
        let (_, names) = properties("stats");
        assert_eq!(names, ["limit", "since"]);
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
            "https://zan.example.kz/acts/mfa-mvd-joint-order-2020-09-01-11-1-4-245-611/para_1__mod_25"
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
        // The page of 50 stops where its hits fill the answer's 8,000 characters (after 6:
        // the fifth carries the law of 30.12.2019 its Kazakh text cites; before any repealed
        // hit), saying where the next begins; the pages after it hold
        // the rest, the repealed hits counted where they are passed.
        let pages = every_page(&client, "search", json!({"query": "рұқсат", "limit": 50})).await;
        let current = &pages[0];
        assert_eq!(current["total"], 40);
        assert_eq!(current["hits"].as_array().map(Vec::len), Some(6));
        assert!(current.get("repealed_left_out").is_none(), "{current}");
        assert_eq!(current["next_offset"], 6);
        assert_eq!(
            current["cut"],
            "the page stops after 6 hits to stay within 8000 characters; `offset` 6 gives the next"
        );
        let kept: Vec<&Value> = pages.iter().flat_map(|p| p["hits"].as_array().expect("hits")).collect();
        assert_eq!(kept.len(), 27);
        assert!(kept.iter().all(|h| h["act"]["status"] != "repealed"));
        let left_out: u64 = pages.iter().map(|p| p["repealed_left_out"].as_u64().unwrap_or(0)).sum();
        assert_eq!(left_out, 13);
        let ranks: Vec<u64> = kept.iter().map(|h| h["rank"].as_u64().expect("rank")).collect();
        // Ranked in the whole list: the 13 repealed hits passed are the ranks missing.
        assert_eq!(
            ranks,
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 22, 23, 25, 26, 34, 35, 37, 38, 40]
        );
        let pages = every_page(
            &client,
            "search",
            json!({"query": "рұқсат", "limit": 50, "include_repealed": true}),
        )
        .await;
        let all: Vec<&Value> = pages.iter().flat_map(|p| p["hits"].as_array().expect("hits")).collect();
        assert_eq!(all.len(), 40);
        let repealed = all.iter().filter(|h| h["act"]["status"] == "repealed");
        assert!(repealed.clone().all(|h| h["act"]["id"] == "mvd-order-2012-06-14-352"));
        assert_eq!(repealed.count(), 13);

        // read a unit: its text from its start, in Kazakh; the act has no Russian text.
        let unit = ok(&client, "read", json!({"target": UNIT})).await;
        assert_eq!(unit["target"], UNIT);
        assert_eq!(unit["citation"], UNIT_CITATION);
        assert_eq!(unit["permalink"], "https://zan.example.kz/acts/mfa-order-2018-01-04-11-1-4-1/att_1__para_3");
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
        assert_eq!(act["permalink"], "https://zan.example.kz/acts/mfa-order-2018-01-04-11-1-4-1");
        assert_eq!(act["expressions"], json!(["kk"]));
        assert_eq!(act["units"][1]["eid"], "para_1");
        assert!(act.get("note").is_none(), "a small outline is whole");

        // at_date before the act's adoption: no wording, and why.
        let before = ok(&client, "at_date", json!({"target": UNIT, "date": "2010-01-01"})).await;
        assert_eq!(
            before["state"],
            json!({"kind": "not_yet_adopted", "adopted": "2018-01-04"})
        );
        assert_eq!(
            before["state_text"],
            "not yet adopted on 2010-01-01 (adopted 2018-01-04)"
        );
        assert_eq!(before["text"], "");
        assert_eq!(before["edition"], Value::Null);
        assert_eq!(before["citation"], UNIT_CITATION);
        assert_eq!(
            before["permalink"],
            "https://zan.example.kz/acts/mfa-order-2018-01-04-11-1-4-1/att_1__para_3?as_of=2010-01-01"
        );
        // …and today: in force, in the edition of its last amendment.
        let now = ok(&client, "at_date", json!({"target": UNIT, "date": "2026-06-01"})).await;
        assert_eq!(now["state"], json!({"kind": "in_force"}));
        assert_eq!(now["state_text"], "in force on 2026-06-01");
        assert_eq!(now["edition"]["from"], "2025-12-15");
        assert!(now["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("3. Мемлекеттік қызметті алу үшін")));

        // history: twelve events, newest first, paged with the total.
        let history = ok(&client, "history", json!({"target": ACT, "limit": 2})).await;
        assert_eq!(history["citation"], ACT_CITATION);
        assert_eq!(
            history["totals"],
            json!({"events": 12, "editions": 0, "wordings": 0, "by_act": 4})
        );
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
        let unknown_act = "no act with id \"mfa-order-2018-01-04-11-1-4-2\"; did you mean: \
                           mfa-order-2018-01-04-11-1-4-1, mvd-order-2012-06-14-352, \
                           mfa-mvd-joint-order-2020-09-01-11-1-4-245-611? (the index has 5 acts: \
                           a search finds the act's id)";
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
            // changes: unknown acts and units, dates and editions that name no span.
            (
                "changes",
                json!({"target": "mfa-order-2018-01-04-11-1-4-2", "from": "2020-01-01"}),
                unknown_act.to_string(),
            ),
            (
                "changes",
                json!({"target": format!("{ACT}#para_999"), "from": "2020-01-01"}),
                format!(
                    "Act {ACT} has no unit \"para_999\". Call `read` with target \"{ACT}\" to list \
                     its units and their eids, or `search` with `act:{ACT}` and words from the \
                     provision."
                ),
            ),
            (
                "changes",
                json!({"target": ACT, "from": "01.01.2020"}),
                "from \"01.01.2020\" is not a date; write YYYY-MM-DD, e.g. from 2020-01-01"
                    .to_string(),
            ),
            (
                "changes",
                json!({"target": ACT, "from": "2020-01-01", "to": "2020-02-30"}),
                "to \"2020-02-30\" is not a date; write YYYY-MM-DD, e.g. to 2020-01-01".to_string(),
            ),
            (
                "changes",
                json!({"target": ACT, "from": "2021-01-01", "to": "2020-01-01"}),
                "from 2021-01-01 is after to 2020-01-01; give the earlier date as `from`"
                    .to_string(),
            ),
            (
                "changes",
                json!({"target": ACT}),
                format!(
                    "say what to compare: `from` (a date, YYYY-MM-DD; `to` is today when left \
                     out), or `edition` (one of act {ACT}'s editions: what it changed); the corpus \
                     holds one edition of it"
                ),
            ),
            (
                "changes",
                json!({"target": ACT, "edition": "2020-01-01", "to": "2021-01-01"}),
                "give either `edition` (what one edition changed) or `from` and `to` (what \
                 changed between two dates), not both"
                    .to_string(),
            ),
            (
                "changes",
                json!({"target": ACT, "edition": "2020-01-01"}),
                format!(
                    "act {ACT} has no edition \"2020-01-01\"; the corpus holds one edition of it. \
                     Or give `from` and `to` dates instead."
                ),
            ),
            (
                "changes",
                json!({"target": ACT, "from": "2020-01-01", "limit": 51}),
                "limit 51 is out of range; use 1 to 50 and page on with `offset`".to_string(),
            ),
            ("changes", json!({"target": ACT, "from": 2020}), String::new()),
            ("changes", json!({"from": "2020-01-01"}), String::new()),
            // stats: a malformed date, limits out of range.
            (
                "stats",
                json!({"since": "2020"}),
                "since \"2020\" is not a date; write YYYY-MM-DD, e.g. since 2020-01-01"
                    .to_string(),
            ),
            (
                "stats",
                json!({"limit": 0}),
                "limit 0 is out of range; use 1 to 100 (entries of each ranked list)".to_string(),
            ),
            (
                "stats",
                json!({"limit": 101}),
                "limit 101 is out of range; use 1 to 100 (entries of each ranked list)"
                    .to_string(),
            ),
            ("stats", json!({"limit": "ten"}), String::new()),
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

/// The eids of a list in a JSON answer.
fn eids(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|v| v.as_str().or_else(|| v["eid"].as_str()).expect("an eid"))
        .collect()
}

#[test]
fn mcp_changes_and_stats_on_the_bundled_corpus() {
    let dir = tempfile::tempdir().expect("temp dir");
    runtime().block_on(async {
        let client = connect(dir.path()).await;

        // stats: the five acts by their headers (the FAQ has no issuer, date or status), and
        // the thirteen events of the amendment notes, all in the MFA order.
        let stats = ok(&client, "stats", json!({"limit": 2})).await;
        assert_eq!(stats["acts"], 5);
        assert_eq!(
            stats["by_kind"],
            json!({"faq": 1, "joint_order": 1, "order": 2, "resolution": 1})
        );
        assert_eq!(
            stats["by_issuer"],
            json!({"government": 1, "mfa": 2, "mvd": 2, "unknown": 1})
        );
        assert_eq!(
            stats["by_year"],
            json!({"2012": 1, "2018": 1, "2020": 1, "2022": 1, "unknown": 1})
        );
        assert_eq!(
            stats["by_status"],
            json!({"in_force": 3, "repealed": 1, "unknown": 1})
        );
        assert_eq!(stats["since"], Value::Null);
        assert_eq!(
            (&stats["events"], &stats["amended_units"], &stats["amending_acts"]),
            (&json!(13), &json!(9), &json!(5))
        );
        assert_eq!(stats["limit"], 2);
        assert_eq!(
            stats["most_amended_units"][0],
            json!({
                "act": ACT,
                "eid": "att_1__annex_3",
                "citation": "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · \
                             3-қосымша",
                "events": 4,
                "last": "2026-01-01",
                "permalink": "https://zan.example.kz/acts/mfa-order-2018-01-04-11-1-4-1/att_1__annex_3"
            })
        );
        assert_eq!(stats["most_amended_units"].as_array().map(Vec::len), Some(2));
        assert_eq!(
            stats["top_amending_acts"][0],
            json!({
                "amending_act": "ҚР Сыртқы істер министрінің м.а. 23.11.2022 № 11-1-4/628 бұйрығы",
                "key": "2022-11-23/11-1-4/628",
                "signed": "2022-11-23",
                "acts": 1,
                "events": 5,
                "act_ids": [ACT]
            })
        );
        // Since a date: the events taking effect from it on.
        let since = ok(&client, "stats", json!({"since": "2025-01-01", "limit": 1})).await;
        assert_eq!(since["since"], "2025-01-01");
        assert_eq!(
            (&since["events"], &since["amended_units"], &since["amending_acts"]),
            (&json!(5), &json!(3), &json!(2))
        );
        assert_eq!(since["most_amended_units"][0]["eid"], "att_1__annex_3");
        assert_eq!(since["most_amended_units"][0]["events"], 3);
        assert_eq!(
            since["top_amending_acts"][0]["amending_act"],
            "ҚР Сыртқы істер министрінің м.а. 05.12.2025 № 11-1-4/730 бұйрығы"
        );
        assert_eq!(since["top_amending_acts"][0]["events"], 4);

        // changes in an act the corpus holds in one edition, dated 2025-12-05, whose notes
        // record changes before it: on 2025-01-01 the wording of the units they changed is
        // not in the corpus, so whether they changed is not known (the rest kept its
        // wording), and the amendment notes of the span say what happened.
        let changes = ok(
            &client,
            "changes",
            json!({"target": ACT, "from": "2025-01-01", "to": "2026-06-01", "limit": 2}),
        )
        .await;
        assert_eq!(changes["citation"], ACT_CITATION);
        assert_eq!(
            changes["permalink"],
            "https://zan.example.kz/acts/mfa-order-2018-01-04-11-1-4-1?as_of=2026-06-01"
        );
        assert_eq!((&changes["from"], &changes["to"]), (&json!("2025-01-01"), &json!("2026-06-01")));
        assert_eq!(
            eids(&changes["diff"]["unknown"]),
            [
                "att_1",
                "att_1__chp_2",
                "att_1__para_3",
                "att_1__para_3__subpara_1",
                "att_1__para_3__subpara_2",
                "att_1__para_3__subpara_3",
                "att_1__para_3__subpara_4",
                "att_1__para_3__subpara_5",
                "att_1__para_3__subpara_6",
                "att_1__para_3__subpara_7",
                "att_1__para_11",
                "att_1__annex_3"
            ]
        );
        assert_eq!(
            changes["diff"]["units"][0]["state_from"],
            json!({"kind": "not_in_corpus", "earliest_edition": "2025-12-05"})
        );
        assert_eq!(changes["diff"]["units"][0]["text_from"], Value::Null);
        assert_eq!(changes.get("notes"), None);
        assert_eq!(
            changes["totals"],
            json!({"units": 12, "deleted": 0, "inserted": 0, "changed": 0, "notes_changed": 0,
                   "events": 5})
        );
        assert_eq!(changes["next_offset"], 2);
        assert_eq!(eids(&changes["events"]), ["att_1__annex_3", "att_1__annex_3"]);
        assert_eq!(changes["events"][0]["effective"]["date"], "2026-01-01");
        assert_eq!(
            changes["events"][0]["amending_act"],
            "ҚР Сыртқы істер министрінің м.а. 30.09.2025 № 11-1-4/577 бұйрығы"
        );
        // One provision: the new wording of 3-тармақ by the order 11-1-4/730.
        let para = ok(
            &client,
            "changes",
            json!({"target": UNIT, "from": "2025-01-01", "to": "2026-06-01"}),
        )
        .await;
        assert_eq!(para["citation"], UNIT_CITATION);
        assert_eq!(para["totals"]["events"], 1);
        assert_eq!(eids(&para["events"]), ["att_1__para_3"]);
        assert_eq!(para["events"][0]["action"], "new_wording");
        assert_eq!(
            para["events"][0]["amending_act"],
            "ҚР Сыртқы істер министрінің м.а. 05.12.2025 № 11-1-4/730 бұйрығы"
        );
        // Its eight units (the paragraph and its subparagraphs, whose wording before
        // 05.12.2025 the corpus lacks) fill two pages of 8,000 characters.
        assert_eq!(para["totals"]["units"], 8);
        assert_eq!(
            eids(&para["diff"]["units"]),
            [
                "att_1__para_3",
                "att_1__para_3__subpara_1",
                "att_1__para_3__subpara_2",
                "att_1__para_3__subpara_3"
            ]
        );
        assert_eq!(para["next_offset"], 4);
        assert_eq!(
            para["notes"],
            json!(["the page holds fewer changes than asked to stay within 8000 characters; \
                    `offset` 4 gives the next"])
        );
        let pages = every_page(
            &client,
            "changes",
            json!({"target": UNIT, "from": "2025-01-01", "to": "2026-06-01", "offset": 4}),
        )
        .await;
        assert_eq!(pages.len(), 1);
        assert!(pages[0].get("next_offset").is_none(), "{}", pages[0]);
        std::fs::write("/tmp/doors_para2.json", pages[0].to_string()).ok();
        assert_eq!(
            eids(&pages[0]["diff"]["units"]),
            [
                "att_1__para_3__subpara_4",
                "att_1__para_3__subpara_5",
                "att_1__para_3__subpara_6",
                "att_1__para_3__subpara_7"
            ]
        );
        client.cancel().await.expect("close the session");
    });
}

/// The Government law (104316) in its two Kazakh editions, 2022-11-05 and 2023-04-19.
const GOV: &str = "constitutional-law-1995-12-18-2688";
const GOV_CITATION: &str = "ҚР 18.12.1995 № 2688 Конституциялық Заңы";

#[test]
fn mcp_changes_between_editions_of_the_government_law() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    super::common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/versions/codes_104316_government"),
        &corpus.join("gov"),
    );
    let index = dir.path().join("index");
    // The library's diff, which the tool pages: the same units, in the same order.
    let (library, _) = zanlex::ZanIndex::open_or_build(
        &corpus,
        dir.path().join("library-index"),
        &Default::default(),
    )
    .expect("index");
    let act = library.act(GOV).expect("act");
    let expected = zanlex::diff(&act, "2022-11-05", "2023-04-19", None).expect("diff");
    runtime().block_on(async {
        let client = spawn(&corpus, &index).await;

        // What the 2023 edition changed against the 2022 one.
        let edition = ok(
            &client,
            "changes",
            json!({"target": GOV, "edition": "2023-04-19", "limit": 50}),
        )
        .await;
        assert_eq!(edition["citation"], GOV_CITATION);
        assert_eq!(edition["edition"], "2023-04-19");
        assert_eq!(edition["editions"], json!(["2022-11-05", "2023-04-19"]));
        assert_eq!(
            (&edition["from"], &edition["to"]),
            (&json!("2022-11-05"), &json!("2023-04-19"))
        );
        assert_eq!(
            edition["totals"],
            json!({"units": 38, "deleted": 3, "inserted": 0, "changed": 10, "notes_changed": 27,
                   "events": 7})
        );
        let diff = &edition["diff"];
        assert_eq!(
            (&diff["from_edition"], &diff["to_edition"]),
            (&json!("2022-11-05"), &json!("2023-04-19"))
        );
        assert_eq!(
            eids(&diff["deleted"]),
            ["art_9__subpara_2", "art_9__subpara_7", "art_12__para_3"]
        );
        assert_eq!(
            eids(&diff["changed"]),
            [
                "art_9__subpara_12",
                "art_10__para_1",
                "art_10__para_2",
                "art_10__para_4",
                "art_10__para_5-1",
                "art_19__para_1__subpara_2",
                "art_22__para_1",
                "art_22__para_2-2",
                "art_25__para_1",
                "art_25__para_2"
            ]
        );
        assert_eq!(eids(&diff["deleted"]), expected.deleted);
        assert_eq!(eids(&diff["changed"]), expected.changed);
        assert_eq!(eids(&diff["notes_changed"]), expected.notes_changed);
        // The 38 unit changes and 7 events do not fit in 8,000 characters: the first page
        // holds 3 changes and 4 events, and says where the next begins (after the shorter
        // list); the pages from there hold the rest.
        assert_eq!(edition["next_offset"], 3);
        assert_eq!(
            edition["notes"],
            json!(["the page holds fewer changes than asked to stay within 8000 characters; \
                    `offset` 3 gives the next"])
        );
        assert_eq!(edition["events"].as_array().map(Vec::len), Some(4));
        let pages = every_page(
            &client,
            "changes",
            json!({"target": GOV, "edition": "2023-04-19", "limit": 50, "offset": 3}),
        )
        .await;
        let page_units: Vec<Value> = std::iter::once(&edition)
            .chain(&pages)
            .flat_map(|p| p["diff"]["units"].as_array().expect("units").clone())
            .collect();
        let all_units = Value::Array(page_units);
        let units: Vec<&str> = eids(&all_units);
        assert_eq!(
            units,
            expected
                .units
                .iter()
                .map(|u| u.eid.as_str())
                .collect::<Vec<_>>()
        );
        let deleted = &diff["units"][2];
        assert_eq!(deleted["eid"], "art_12__para_3");
        assert_eq!(deleted["kind"], "deleted");
        assert_eq!(
            deleted["citation"],
            format!("{GOV_CITATION} · 12-бап 3-тармақ")
        );
        assert_eq!(
            deleted["permalink"],
            "https://zan.example.kz/acts/constitutional-law-1995-12-18-2688/art_12__para_3?as_of=2023-04-19"
        );
        assert_eq!(
            deleted["text_from"],
            "3. Үкімет Республика Президентімен мемлекеттік бағдарламаларды олар бекітілгенге \
             дейін келіседі."
        );
        // A changed unit carries the library's word diff: a sentence added after two kept
        // whole, the kept run shown by its ends (past 300 characters its middle is left out).
        let changed = all_units
            .as_array()
            .expect("units")
            .iter()
            .find(|u| u["eid"] == "art_22__para_1")
            .expect("art_22__para_1");
        let library_words = &expected
            .units
            .iter()
            .find(|u| u.eid == "art_22__para_1")
            .expect("in the library's diff")
            .words;
        assert_eq!(
            library_words.iter().map(|w| w.tag).collect::<Vec<_>>(),
            ["equal", "insert"]
        );
        let kept: Vec<char> = library_words[0].text.chars().collect();
        assert_eq!(kept.len(), 320);
        let ends = |r: std::ops::Range<usize>| kept[r].iter().collect::<String>();
        assert_eq!(
            changed["words"],
            json!([
                {"tag": "equal", "text": format!("{}[… 120 unchanged characters …]{}",
                    ends(0..100), ends(220..320))},
                {"tag": "insert", "text": "\nМинистрлік Қазақстан Республикасының қолданыстағы \
                    заңнамасына сәйкес тиісті салаларда мемлекеттік саясатты қалыптастырады."}
            ])
        );
        assert_eq!(changed["words"][1]["text"], library_words[1].text);
        // The events of the edition: the amendments signed since the edition before it, on
        // the pages by their place in the list (a page cut where its changes end may show an
        // event again on the next).
        let mut by_place = std::collections::BTreeMap::new();
        for page in std::iter::once(&edition).chain(&pages) {
            let offset = page["offset"].as_u64().expect("offset");
            for (k, e) in page["events"].as_array().expect("events").iter().enumerate() {
                by_place.insert(offset + k as u64, e.clone());
            }
        }
        assert_eq!(by_place.keys().copied().collect::<Vec<u64>>(), (0..7).collect::<Vec<u64>>());
        let events: Vec<Value> = by_place.into_values().collect();
        assert_eq!(events.len(), 7);
        assert!(events
            .iter()
            .all(|e| e["amending_act"] == "ҚР 19.04.2023 № 222-VII Конституциялық Заңы"));

        // Paged: the last unit change alone, and no page after it.
        let last = ok(
            &client,
            "changes",
            json!({"target": GOV, "edition": "2023-04-19", "offset": 37, "limit": 1}),
        )
        .await;
        assert_eq!(eids(&last["diff"]["units"]), [units[37]]);
        assert_eq!(last["events"].as_array().map(Vec::len), Some(0));
        assert!(last.get("next_offset").is_none());
        let first = ok(
            &client,
            "changes",
            json!({"target": GOV, "edition": "2023-04-19", "limit": 2}),
        )
        .await;
        assert_eq!(eids(&first["diff"]["units"]), units[..2]);
        assert_eq!(first["next_offset"], 2);

        // Between two dates, one provision: deleted from the day the amendment took effect.
        let span = ok(
            &client,
            "changes",
            json!({"target": format!("{GOV}#art_12__para_3"), "from": "2023-04-25",
                   "to": "2023-04-29"}),
        )
        .await;
        assert_eq!(
            span["citation"],
            format!("{GOV_CITATION} · 12-бап 3-тармақ")
        );
        assert_eq!(
            span["permalink"],
            "https://zan.example.kz/acts/constitutional-law-1995-12-18-2688/art_12__para_3?as_of=2023-04-29"
        );
        assert_eq!(eids(&span["diff"]["deleted"]), ["art_12__para_3"]);
        assert_eq!(eids(&span["diff"]["units"]), ["art_12__para_3"]);
        assert_eq!(
            span["diff"]["units"][0]["text_to"],
            "3. Алып тасталды - ҚР 19.04.2023 № 222-VII (алғашқы ресми жарияланған күнінен кейін \
             күнтізбелік он күн өткен соң қолданысқа енгізіледі) Конституциялық заңымен."
        );
        assert_eq!(eids(&span["events"]), ["art_12", "art_12__para_3"]);
        assert!(span.get("notes").is_none());
        // …and before that day, nothing changed, said in words.
        let before = ok(
            &client,
            "changes",
            json!({"target": format!("{GOV}#art_12__para_3"), "from": "2023-04-20",
                   "to": "2023-04-28"}),
        )
        .await;
        assert_eq!(before["diff"]["units"], json!([]));
        assert_eq!(before["totals"]["events"], 0);
        assert_eq!(
            before["notes"],
            json!([
                "nothing changed in the span: the texts compared are the same, and no \
                    amendment note records a change then"
            ])
        );
        // From a day whose wording the corpus lacks (before the earliest edition, article 12
        // amended since): compared all the same, the provision's change not known, and each
        // side names its date and the editions behind it.
        let gap = ok(
            &client,
            "changes",
            json!({"target": format!("{GOV}#art_12__para_3"), "from": "2010-01-01",
                   "to": "2023-04-29"}),
        )
        .await;
        assert_eq!(eids(&gap["diff"]["unknown"]), ["art_12__para_3"]);
        assert_eq!(
            (&gap["diff"]["from_side"], &gap["diff"]["to_side"]),
            (
                &json!({"date": "2010-01-01", "editions": []}),
                &json!({"date": "2023-04-29", "editions": ["2023-04-19"]})
            )
        );
        assert_eq!(
            (&gap["diff"]["from_edition"], &gap["diff"]["to_edition"]),
            (&Value::Null, &json!("2023-04-19"))
        );
        assert_eq!(
            gap["diff"]["units"][0]["state_from"],
            json!({"kind": "not_in_corpus", "earliest_edition": "2022-11-05"})
        );
        // The earliest edition has nothing before it to compare with.
        let earliest = tool_error(
            &client,
            "changes",
            json!({"target": GOV, "edition": "2022-11-05"}),
        )
        .await;
        assert_eq!(
            earliest,
            format!(
                "edition \"2022-11-05\" is the earliest of act {GOV} in the corpus: there is no \
                 earlier text to compare it with; its editions: 2022-11-05, 2023-04-19. `history` \
                 lists the amendments its notes record."
            )
        );
        assert!(!earliest.contains(&dir.path().to_string_lossy().to_string()));

        // read the act on a date: its units that day, each with its state and the edition
        // of its wording, no texts; article 12 paragraph 3 in force on 25.04.2023 from the
        // 2022 edition, deleted from ~29.04.2023; the permalink keeps the date.
        let para_3 = |act: &Value| -> Value {
            act["units"]
                .as_array()
                .expect("units")
                .iter()
                .flat_map(|c| c["children"].as_array().cloned().unwrap_or_default())
                .find(|a| a["eid"] == "art_12")
                .and_then(|a| {
                    a["children"]
                        .as_array()
                        .and_then(|c| c.iter().find(|p| p["eid"] == "art_12__para_3").cloned())
                })
                .expect("art_12__para_3")
        };
        let before = ok(
            &client,
            "read",
            json!({"target": GOV, "as_of": "2023-04-25"}),
        )
        .await;
        assert_eq!(before["as_of"], "2023-04-25");
        assert_eq!(
            before["permalink"],
            "https://zan.example.kz/acts/constitutional-law-1995-12-18-2688?as_of=2023-04-25"
        );
        let p3 = para_3(&before);
        assert_eq!(p3["state"], json!({"kind": "in_force"}));
        assert_eq!(p3["edition"], "2022-11-05");
        assert!(p3.get("text").is_none(), "{p3}");
        let after = ok(
            &client,
            "read",
            json!({"target": GOV, "as_of": "2023-05-01"}),
        )
        .await;
        assert_eq!(
            para_3(&after)["state"],
            json!({"kind": "deleted", "since": "2023-04-29"})
        );
        client.cancel().await.expect("close the session");
    });
}

/// The mirror sample (`../shared/data/mirror`), laid out as the mirror is: its repository
/// folders, without its README and MANIFEST. `None`, said on stderr, when it is absent.
fn mirror_copy(dir: &Path) -> Option<std::path::PathBuf> {
    let mirror = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/mirror");
    if !mirror.is_dir() {
        eprintln!("skipped: {} is absent", mirror.display());
        return None;
    }
    let corpus = dir.join("corpus");
    for entry in std::fs::read_dir(&mirror).expect("mirror folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            super::common::copy_dir(&path, &corpus.join(path.file_name().expect("name")));
        }
    }
    Some(corpus)
}

/// Every `meta.yaml` under `dir`.
fn metas(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            metas(&path, out);
        } else if path.file_name().is_some_and(|n| n == "meta.yaml") {
            out.push(std::fs::read_to_string(&path).expect("meta.yaml"));
        }
    }
}

#[test]
fn mcp_stats_and_changes_on_the_mirror_sample() {
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(corpus) = mirror_copy(dir.path()) else {
        return;
    };
    // What the acts' meta.yaml say: the form (РЕШ decision, ПРИК order, КЗАК constitutional
    // law, КОД code), the year of `approved_on`, and a repeal in `requisite`.
    let mut texts = Vec::new();
    metas(&corpus, &mut texts);
    let field = |meta: &str, name: &str| -> String {
        meta.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("no {name} in {meta}"))
            .trim()
            .to_string()
    };
    let mut by_kind = serde_json::Map::new();
    let mut by_year = serde_json::Map::new();
    let mut repealed = 0;
    for meta in &texts {
        let kind = match field(meta, "form").as_str() {
            "РЕШ" => "decision",
            "ПРИК" => "order",
            "КЗАК" => "constitutional_law",
            "КОД" => "code",
            other => panic!("a form this test does not know: {other}"),
        };
        let year = field(meta, "approved_on")[..4].to_string();
        for (map, key) in [(&mut by_kind, kind.to_string()), (&mut by_year, year)] {
            let n = map.get(&key).and_then(Value::as_u64).unwrap_or(0);
            map.insert(key, json!(n + 1));
        }
        if field(meta, "requisite").contains("Утратил") {
            repealed += 1;
        }
    }
    assert_eq!(texts.len(), 8);
    runtime().block_on(async {
        let client = spawn(&corpus, &dir.path().join("index")).await;
        let stats = ok(&client, "stats", json!({"limit": 1})).await;
        assert_eq!(stats["acts"], texts.len());
        assert_eq!(stats["by_kind"], Value::Object(by_kind));
        assert_eq!(stats["by_year"], Value::Object(by_year));
        assert_eq!(
            stats["by_kind"],
            json!({"code": 1, "constitutional_law": 1, "decision": 3, "order": 3})
        );
        assert_eq!(
            stats["by_year"],
            json!({"1995": 1, "2015": 2, "2017": 1, "2019": 1, "2020": 3})
        );
        assert_eq!(
            stats["by_status"],
            json!({"in_force": texts.len() - repealed, "repealed": repealed})
        );
        assert_eq!(repealed, 2);
        // The code is amended most: its article 4, by the Law 241-VIII of 17.12.2025 most. Its
        // last change, by the Law 256-VIII of 09.01.2026, takes effect six months after
        // publication: 09.07.2026 as estimated from the signing date.
        assert_eq!(
            stats["most_amended_units"][0],
            json!({
                "act": "code-2020-06-29-350-vi",
                "eid": "art_4",
                "citation": "ҚР ӘРПК 4-бабы",
                "events": 7,
                "last": "2026-07-09",
                "permalink": "https://zan.example.kz/acts/code-2020-06-29-350-vi/art_4"
            })
        );
        assert_eq!(
            stats["top_amending_acts"][0]["amending_act"],
            "ҚР 17.12.2025 № 241-VIII Заңы"
        );
        assert_eq!(stats["top_amending_acts"][0]["events"], 54);

        // The order 19-42-3.3.17 in 2020: appendix 2 in a new wording and appendix 3 deleted
        // by the order of 20.08.2020, appendix 4 in a new wording by that of 12.11.2020.
        let order = "president-office-order-2019-10-07-19-42-3-3-17";
        let changes = ok(
            &client,
            "changes",
            json!({"target": order, "from": "2020-01-01", "to": "2021-01-01"}),
        )
        .await;
        assert_eq!(
            changes["citation"],
            "ҚР Президенті Кеңсесі бастығының 07.10.2019 № 19-42-3.3.17 бұйрығы"
        );
        assert_eq!(changes["totals"]["events"], 3);
        assert_eq!(eids(&changes["events"]), ["annex_4", "annex_2", "annex_3"]);
        let actions: Vec<&str> = changes["events"]
            .as_array()
            .expect("events")
            .iter()
            .filter_map(|e| e["action"].as_str())
            .collect();
        assert_eq!(actions, ["new_wording", "new_wording", "deleted"]);
        assert_eq!(
            changes["events"][1]["amending_act"],
            "ҚР Президенті Кеңсесі бастығының 20.08.2020 № 20-42-3.3.11 бұйрығы"
        );
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
        // A long text: the passage its words are in, marked, and how to read it whole.
        let shown = hit["text"].as_str().expect("text");
        assert!(
            shown.starts_with(
                "Қазақстан Республикасы Әділет министрінің бұйрығы [Зебразавр] сынақ \
                 қағидаларын бекіту туралы 1. [Зебразавр] [тармағы] сөз сөз"
            ),
            "{shown}"
        );
        assert!(
            shown.ends_with(" …") && shown.chars().count() <= 440,
            "{shown}"
        );
        assert_eq!(hit["text_chars"], 30_131);
        assert_eq!(
            hit["more"],
            format!("`read` gives the whole text (target {target})")
        );

        let unit = ok(&client, "read", json!({"target": target})).await;
        let text = unit["kk"]["text"].as_str().expect("text");
        assert!(
            text.starts_with("Қазақстан Республикасы Әділет министрінің бұйрығы"),
            "{text}"
        );
        assert!(
            text.ends_with(
                "\n[cut: the first 12000 of 30131 characters are shown; its units are listed in \
                 `children`: `read` each by its eid]"
            ),
            "{text}"
        );
        assert_eq!(text.chars().count(), 12_000 + note_len(text));
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

/// `zanlex mcp` over stdio without `--public-url`: no zanlex page can be opened, so a
/// permalink is the official text's address, in the text's language (`meta.yaml`'s `source`);
/// `read` gives a unit in the one language asked for.
#[test]
fn mcp_over_stdio_links_the_official_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    super::common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mirror/local-almaty-oblast"),
        &corpus,
    );
    runtime().block_on(async {
        let command = tokio::process::Command::new(env!("CARGO_BIN_EXE_zanlex")).configure(|c| {
            c.arg("mcp")
                .arg("--corpus")
                .arg(&corpus)
                .arg("--index")
                .arg(dir.path().join("index"));
        });
        let (transport, _) = TokioChildProcess::builder(command)
            .stderr(Stdio::null())
            .spawn()
            .expect("start zanlex mcp");
        let client = ().serve(transport).await.expect("MCP session");
        let ru = ok(
            &client,
            "search",
            json!({"query": "выпас сельскохозяйственных животных", "lang": "ru", "limit": 1, "include_repealed": true}),
        )
        .await;
        let hit = &ru["hits"][0];
        assert_eq!(hit["lang"], "ru");
        assert_eq!(
            hit["permalink"],
            "https://zan.gov.kz/client/#!/doc/150276/rus/15.12.2020"
        );
        let act = hit["act"]["id"].as_str().expect("act id").to_string();
        let eid = hit["unit"]["eid"].as_str().expect("eid").to_string();
        let outline = ok(&client, "read", json!({"target": act})).await;
        assert_eq!(
            outline["permalink"],
            "https://zan.gov.kz/client/#!/doc/150276/kaz/15.12.2020"
        );
        assert_eq!(outline["official_url"], outline["permalink"]);
        // One language asked for: that language alone, its own official text linked.
        let target = format!("{act}#{eid}");
        let unit = ok(&client, "read", json!({"target": target, "lang": "ru"})).await;
        assert!(unit["kk"].is_null(), "{unit}");
        assert_eq!(unit["ru"]["unit"]["eid"], eid.as_str());
        assert_eq!(
            unit["permalink"],
            "https://zan.gov.kz/client/#!/doc/150276/rus/15.12.2020"
        );
        let both = ok(&client, "read", json!({"target": target})).await;
        assert!(both["kk"].is_object() && both["ru"].is_object(), "{both}");
        client.cancel().await.expect("close the session");
    });
}

/// The Administrative Procedure Code (split into part files): its history (171 events by
/// many amending acts), its references and what cites it come in pages within the
/// assistant's 8,000 characters, which together hold each whole list; its outline of 1,395
/// units within the outline's 40,000, its deepest levels left out and said so.
#[test]
fn mcp_long_lists_of_a_code_stay_within_the_budget() {
    const CODE: &str = "code-2020-06-29-350-vi";
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/split");
    runtime().block_on(async {
        let client = spawn(&corpus, &dir.path().join("index")).await;
        let pages = every_page(&client, "history", json!({"target": CODE, "limit": 100})).await;
        assert_eq!(pages[0]["totals"]["events"], 171);
        let joined = |key: &str| -> Vec<Value> {
            pages
                .iter()
                .flat_map(|p| p[key].as_array().cloned().unwrap_or_default())
                .collect()
        };
        assert_eq!(joined("entries").len(), 171);
        assert_eq!(
            Some(joined("by_act").len() as u64),
            pages[0]["totals"]["by_act"].as_u64()
        );
        let first = pages[0]["entries"].as_array().map_or(0, Vec::len);
        assert_eq!(
            pages[0]["cut"],
            format!(
                "the page holds {first} entries of each list to stay within 8000 characters; \
                 `offset` {first} gives the next"
            )
        );
        for (name, key, total) in [("refs", "references", 187), ("cited_by", "cited_by", 170)] {
            let pages = every_page(&client, name, json!({"target": CODE, "limit": 100})).await;
            let held: usize = pages
                .iter()
                .map(|p| p[key].as_array().map_or(0, Vec::len))
                .sum();
            assert_eq!(
                (pages[0]["total"].clone(), held),
                (json!(total), total),
                "{name}"
            );
        }
        let outline = ok(&client, "read", json!({"target": CODE})).await;
        let chars = outline.to_string().chars().count();
        assert!(chars <= 40_000, "{chars} characters");
        assert!(
            outline["note"].as_str().is_some_and(
                |n| n.starts_with("the outline is large: only its first 3 level(s) are listed")
            ),
            "{}",
            outline["note"]
        );
        client.cancel().await.expect("close the session");
    });
}

/// Every tool declares an output schema (an object, generated from the library's answer
/// type), and its answers carry their JSON as structured content that the schema accepts,
/// the same as their text.
#[test]
fn mcp_answers_are_structured_content_of_the_tools_output_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    runtime().block_on(async {
        let client = connect(dir.path()).await;
        let tools = client.list_all_tools().await.expect("tools/list");
        let calls = [
            ("search", json!({"query": "виза", "limit": 3})),
            ("read", json!({"target": ACT})),
            ("read", json!({"target": UNIT})),
            ("at_date", json!({"target": UNIT, "date": "2020-01-01"})),
            ("history", json!({"target": ACT, "limit": 2})),
            ("refs", json!({"target": UNIT})),
            ("cited_by", json!({"target": ACT})),
            ("related", json!({"act": ACT, "as_of": "2020-01-01"})),
            ("changes", json!({"target": ACT, "from": "2019-01-01"})),
            ("stats", json!({"limit": 3})),
        ];
        for tool in &tools {
            let schema = tool
                .output_schema
                .as_ref()
                .unwrap_or_else(|| panic!("{} has no output schema", tool.name));
            assert_eq!(schema.get("type"), Some(&json!("object")), "{}", tool.name);
        }
        for (name, args) in calls {
            let result = call(&client, name, args.clone()).await;
            assert_eq!(
                result.is_error,
                Some(false),
                "{name} {args}: {}",
                text(&result)
            );
            let structured = result
                .structured_content
                .clone()
                .unwrap_or_else(|| panic!("{name}: no structured content"));
            let from_text: Value = serde_json::from_str(text(&result)).expect("JSON text");
            assert_eq!(structured, from_text, "{name}");
            let tool = tools.iter().find(|t| t.name == name).expect("listed");
            let schema = Value::Object((*tool.output_schema.clone().expect("schema")).clone());
            let validator = jsonschema::options()
                .with_draft(jsonschema::Draft::Draft202012)
                .build(&schema)
                .unwrap_or_else(|e| panic!("{name}: the output schema does not compile: {e}"));
            let errors: Vec<String> = validator
                .iter_errors(&structured)
                .map(|e| format!("{e} at {}", e.instance_path))
                .collect();
            assert!(errors.is_empty(), "{name} {args}: {errors:?}");
        }
        client.cancel().await.expect("close the session");
    });
}
