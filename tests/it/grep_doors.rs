//! A regular-expression search over the units' texts, asked of every door: `zanlex grep
//! --json`, `GET /v1/grep` and the MCP tool `grep` (over `zanlex mcp`'s stdio) on the bundled
//! corpus and the Astana decision in two editions get the same units, the wording in force on
//! a date, the same refusal of a pattern that cannot be read, and say when a bound was hit.

use super::mcp_tools::{call, runtime, spawn};
use super::serve_api::{test_corpus, Server, EDITIONS};
use serde_json::{json, Value};
use std::path::Path;

/// The page the permalinks lead to, as the MCP session of [`spawn`] sets it.
const PUBLIC: &str = "https://zan.example.kz/";

/// `zanlex grep --json` with `args`: its exit code and its one JSON document.
fn cli_grep(corpus: &Path, index: &Path, args: &[&str]) -> (i32, Value) {
    let all = [&["grep"], args, &["--public-url", PUBLIC]].concat();
    crate::common::zanlex_json(corpus, index, &all)
}

/// `GET /v1/grep` with `query`: its status and JSON.
fn api_grep(server: &Server, query: &[(&str, &str)]) -> (u16, Value) {
    let res = reqwest::blocking::Client::new()
        .get(server.url("/v1/grep"))
        .query(query)
        .send()
        .expect("GET /v1/grep");
    let status = res.status().as_u16();
    (status, res.json().expect("a JSON answer"))
}

/// Each unit of an answer: its act and eid, and its matches' spans.
fn units(answer: &Value) -> Vec<(String, Vec<(u64, u64)>)> {
    answer["units"]
        .as_array()
        .unwrap_or_else(|| panic!("no units: {answer}"))
        .iter()
        .map(|u| {
            let spans = u["matches"]
                .as_array()
                .expect("matches")
                .iter()
                .map(|m| {
                    (
                        m["start"].as_u64().expect("start"),
                        m["end"].as_u64().expect("end"),
                    )
                })
                .collect();
            (
                format!(
                    "{}#{}",
                    u["act_id"].as_str().expect("act_id"),
                    u["eid"].as_str().expect("eid")
                ),
                spans,
            )
        })
        .collect()
}

/// The eids of an answer's units.
fn eids(answer: &Value) -> Vec<String> {
    units(answer).into_iter().map(|(u, _)| u).collect()
}

/// The units of the bundled corpus and the test acts that refer to an article of a law in
/// Kazakh, «Заңның 21-бабы», «Заңы 14-1-бабы» (read in the texts: the FAQ's answers, the Astana
/// and Almaty decisions, the joint order, the MFA order and the MVD order).
const LAW_ARTICLES: [&str; 18] = [
    "faq-qandastardyn-atynan-zhii-qoiylatyn-suraqtar-boiynsha#sec_1.2",
    "faq-qandastardyn-atynan-zhii-qoiylatyn-suraqtar-boiynsha#sec_2.1",
    "faq-qandastardyn-atynan-zhii-qoiylatyn-suraqtar-boiynsha#sec_2.3",
    "maslikhat-decision-2019-08-23-418-54-vi#preamble",
    "maslikhat-decision-2020-12-15-64-340#preamble",
    "maslikhat-decision-2020-12-15-64-340#att_1__para_1",
    "maslikhat-decision-2020-12-15-64-340#att_1__para_26",
    "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611#para_1__mod_1",
    "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611#para_1__mod_2",
    "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611#para_1__mod_11",
    "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611#annex_3",
    "mfa-order-2018-01-04-11-1-4-1#preamble",
    "mfa-order-2018-01-04-11-1-4-1#att_1__para_3__subpara_4",
    "mfa-order-2018-01-04-11-1-4-1#att_1__para_14",
    "mfa-order-2018-01-04-11-1-4-1#att_1__para_16",
    "mfa-order-2018-01-04-11-1-4-1#att_1__annex_3",
    "mvd-order-2012-06-14-352#preamble",
    "mvd-order-2012-06-14-352#att_1__para_5__subpara_1",
];

/// The Almaty decision's Russian units that refer to an article («статьи 6», «статьей 21»).
const RU_ARTICLES: [&str; 6] = [
    "maslikhat-decision-2020-12-15-64-340#preamble",
    "maslikhat-decision-2020-12-15-64-340#att_1__para_1",
    "maslikhat-decision-2020-12-15-64-340#att_1__para_4__subpara_6",
    "maslikhat-decision-2020-12-15-64-340#att_1__para_6",
    "maslikhat-decision-2020-12-15-64-340#att_1__para_7",
    "maslikhat-decision-2020-12-15-64-340#att_1__para_26",
];

#[test]
fn every_door_greps_the_same_units() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(
        &corpus,
        &dir.path().join("served"),
        &["--watch-secs", "0", "--public-url", PUBLIC],
    );
    let cli_index = dir.path().join("cli");
    runtime().block_on(async {
        let client = spawn(&corpus, &dir.path().join("mcp")).await;
        // A reference to an article in Russian: the Almaty decision's Russian text alone.
        let pattern = r"стать(я|и|ей|ю) \d+";
        let (exit, cli) = cli_grep(&corpus, &cli_index, &[pattern]);
        assert_eq!(exit, 0, "{cli}");
        let (status, api) = api_grep(&server, &[("pattern", pattern)]);
        assert_eq!(status, 200, "{api}");
        let result = call(&client, "grep", json!({"pattern": pattern})).await;
        assert_eq!(result.is_error, Some(false), "{result:?}");
        let mcp = result.structured_content.expect("structured content");
        assert_eq!(cli, api);
        assert_eq!(mcp, api, "the answer fits the assistant's budget whole");
        assert_eq!(eids(&cli), RU_ARTICLES);
        assert_eq!(
            (&cli["total"], &cli["matches_total"]),
            (&json!(6), &json!(7))
        );
        assert_eq!(cli["total_is_lower_bound"], false);
        let first = &cli["units"][0];
        assert_eq!(
            first["citation"],
            "Решение маслихата Алматинской области от 15.12.2020 № 64-340 · преамбула"
        );
        assert_eq!(first["lang"], "ru");
        assert_eq!(first["state"]["kind"], "repealed");
        assert_eq!(
            first["permalink"],
            format!("{PUBLIC}acts/maslikhat-decision-2020-12-15-64-340/preamble")
        );
        assert_eq!(
            first["matches"],
            json!([{"start": 29, "end": 37, "excerpt":
                "В соответствии с пунктом 2-2 статьи 6 Закона Республики Казахстан от 23 январ…"}])
        );

        // The same in Kazakh, a law's article: every text of the test corpus.
        let law = r"Заң\w*\s+\d+(-\d+)?-ба[бп]";
        let (_, cli) = cli_grep(&corpus, &cli_index, &[law]);
        let (_, api) = api_grep(&server, &[("pattern", law)]);
        assert_eq!(cli, api);
        assert_eq!(eids(&cli), LAW_ARTICLES);
        assert_eq!(
            (&cli["total"], &cli["matches_total"]),
            (&json!(18), &json!(24))
        );
        assert_eq!(
            units(&cli)[0].1,
            [(2261, 2274), (2373, 2386), (2489, 2504)],
            "«Заңның 21-бабы», «… 21-бабының», «… 20-1-бабының»"
        );
        // Every current text of the test corpus (the hostile document's with them).
        assert_eq!(cli["units_scanned"], 346);
        // Letters whatever their case: «заңының 49-бабының» too, in two more of the FAQ's
        // answers and four of the joint order's amendments.
        let (_, any_case) = cli_grep(&corpus, &cli_index, &["-i", law, "--limit", "100"]);
        let lower = r"заң\w*\s+\d+(-\d+)?-ба[бп]";
        let (_, lower_only) = cli_grep(&corpus, &cli_index, &[lower]);
        assert_eq!(
            (&any_case["total"], &any_case["matches_total"]),
            (&json!(24), &json!(30))
        );
        assert_eq!(
            eids(&lower_only),
            [
                "faq-qandastardyn-atynan-zhii-qoiylatyn-suraqtar-boiynsha#sec_1.3",
                "faq-qandastardyn-atynan-zhii-qoiylatyn-suraqtar-boiynsha#sec_1.4",
                "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611#para_1__mod_7",
                "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611#para_1__mod_8",
                "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611#para_1__mod_12",
                "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611#para_1__mod_26",
            ]
        );
        // The assistant's page is cut to its characters where a unit ends, and says how to
        // go on: the units it holds are the first of the whole page's.
        let mcp = call(&client, "grep", json!({"pattern": law})).await;
        let mcp = mcp.structured_content.expect("structured content");
        let kept = mcp["units"].as_array().map_or(0, Vec::len);
        assert!(kept > 0 && kept < 18, "{kept}");
        assert_eq!(eids(&mcp), LAW_ARTICLES[..kept]);
        assert_eq!(mcp["next_offset"], kept);
        assert!(
            mcp["cut"]
                .as_str()
                .is_some_and(|c| c.contains("8000 characters")),
            "{mcp}"
        );
        assert!(serde_json::to_string(&mcp).expect("JSON").chars().count() <= 8_000);

        // Dates written in words in Russian, in one act and language.
        let dates = r"\d{1,2} [а-я]+ \d{4} года";
        let act = "maslikhat-decision-2020-12-15-64-340";
        let (_, cli) = cli_grep(&corpus, &cli_index, &[dates, "--act", act, "--lang", "ru"]);
        let (_, api) = api_grep(&server, &[("pattern", dates), ("act", act), ("lang", "ru")]);
        let mcp = call(
            &client,
            "grep",
            json!({"pattern": dates, "act": act, "lang": "ru"}),
        )
        .await;
        assert_eq!(cli, api);
        assert_eq!(mcp.structured_content.expect("structured content"), api);
        let paras = [
            "preamble",
            "att_1__para_1",
            "att_1__para_3",
            "att_1__para_4",
            "att_1__para_4__subpara_6",
            "att_1__para_6",
            "att_1__para_7",
            "att_1__para_18",
            "att_1__para_25",
            "att_1__para_26",
        ];
        let want: Vec<String> = paras.iter().map(|p| format!("{act}#{p}")).collect();
        assert_eq!(eids(&cli), want);
        assert_eq!(cli["matches_total"], 14);
        client.cancel().await.expect("close the session");
    });
}

#[test]
fn grep_reads_the_wording_in_force_on_a_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let index = dir.path().join("index");
    // The veterans came into the list of point 1's subparagraph 3 with the amendment of
    // 30.09.2020; the families «тәрбиелеушi отбасылар;» became «… отбасылары;» then.
    let grep = |pattern: &str, as_of: &str| {
        let (exit, answer) = cli_grep(
            &corpus,
            &index,
            &[pattern, "--act", EDITIONS, "--as-of", as_of],
        );
        assert_eq!(exit, 0, "{answer}");
        answer
    };
    let before = grep("ардагер", "2020-01-01");
    assert_eq!(before["total"], 0, "{before}");
    assert_eq!(before["units"], json!([]));
    let after = grep("ардагер", "2021-01-01");
    let subparagraph = [format!("{EDITIONS}#para_1__subpara_3")];
    assert_eq!(eids(&after), subparagraph, "{after}");
    assert_eq!(after["matches_total"], 4);
    assert!(after["units"]
        .as_array()
        .expect("units")
        .iter()
        .all(|u| u["state"]["kind"] == "in_force"));
    let old = grep("отбасылар;", "2020-01-01");
    assert_eq!(eids(&old), subparagraph, "{old}");
    assert_eq!(units(&old)[0].1, [(102, 112), (299, 309)]);
    let new = grep("отбасылар;", "2021-01-01");
    // Only «көпбалалы отбасылар;» is left, further on in the longer list.
    assert_eq!(
        units(&new),
        [(subparagraph[0].clone(), vec![(1229, 1239)])],
        "{new}"
    );
    // Today the decision is repealed: its last wording is read, and says so.
    let (_, today) = cli_grep(&corpus, &index, &["ардагер", "--act", EDITIONS]);
    assert_eq!(eids(&today), subparagraph, "{today}");
    assert!(
        today["units"]
            .as_array()
            .expect("units")
            .iter()
            .all(|u| u["state"]["kind"] == "repealed"),
        "{today}"
    );
}

#[test]
fn every_door_refuses_a_bad_pattern_alike() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(&corpus, &dir.path().join("served"), &["--watch-secs", "0"]);
    let cli_index = dir.path().join("cli");
    let cases = [
        ("(статья", "pattern «(статья»: unclosed group (at character 1)"),
        (
            r"(?<=статья )\d+",
            "pattern «(?<=статья )\\d+»: look-around, including look-ahead and look-behind, is not \
             supported (at character 1)",
        ),
    ];
    runtime().block_on(async {
        let client = spawn(&corpus, &dir.path().join("mcp")).await;
        for (pattern, message) in cases {
            let (exit, cli) = cli_grep(&corpus, &cli_index, &[pattern]);
            assert_eq!(exit, 2, "{cli}");
            let (status, api) = api_grep(&server, &[("pattern", pattern)]);
            assert_eq!(status, 400, "{api}");
            let result = call(&client, "grep", json!({"pattern": pattern})).await;
            assert_eq!(result.is_error, Some(true), "{result:?}");
            let mcp = result.structured_content.expect("structured error");
            for (door, answer) in [("cli", &cli), ("/v1", &api), ("mcp", &mcp)] {
                assert_eq!(answer["error"]["code"], "bad_pattern", "{door}: {answer}");
                assert_eq!(answer["error"]["message"], message, "{door}");
            }
        }
        // Too large a program: refused before any text is read.
        let (exit, cli) = cli_grep(&corpus, &cli_index, &["a{1000}{1000}"]);
        assert_eq!(
            (exit, &cli["error"]["code"]),
            (2, &json!("bad_pattern")),
            "{cli}"
        );
        let text = cli["error"]["message"].as_str().unwrap_or_default();
        assert!(
            text.contains("compiles to more than") && !text.contains('\n'),
            "{text}"
        );
        client.cancel().await.expect("close the session");
    });
}

#[test]
fn grep_says_when_a_bound_is_hit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(
        &corpus,
        &dir.path().join("served"),
        &["--watch-secs", "0", "--public-url", PUBLIC],
    );
    let cli_index = dir.path().join("cli");
    // Every unit that names the Republic: more than three, counted to three.
    let pattern = "Республикас";
    let (_, cli) = cli_grep(
        &corpus,
        &cli_index,
        &[pattern, "--total-bound", "3", "--limit", "2"],
    );
    let (_, api) = api_grep(
        &server,
        &[("pattern", pattern), ("total_bound", "3"), ("limit", "2")],
    );
    assert_eq!(cli, api);
    assert_eq!(
        (&cli["total"], &cli["total_is_lower_bound"]),
        (&json!(3), &json!(true)),
        "{cli}"
    );
    assert_eq!(cli["next_offset"], 2);
    assert!(
        cli["notes"][0]
            .as_str()
            .is_some_and(|n| n.starts_with("more than 3 units match")),
        "{cli}"
    );
    // The whole count (the hostile document's one unit among them), and the first three units
    // are the same three.
    let (_, all) = cli_grep(&corpus, &cli_index, &[pattern, "--limit", "3"]);
    assert_eq!(all["total_is_lower_bound"], false);
    assert_eq!(
        (&all["total"], &all["matches_total"]),
        (&json!(115), &json!(766))
    );
    let (_, bounded) = cli_grep(
        &corpus,
        &cli_index,
        &[pattern, "--total-bound", "3", "--limit", "3"],
    );
    assert_eq!(eids(&bounded), eids(&all));
    assert_eq!(bounded["next_offset"], Value::Null);
    // A unit with more matches than are listed says how many it has: the FAQ's answer 1.2.
    let second = &all["units"][1];
    assert_eq!(second["eid"], "sec_1.2");
    assert_eq!(
        (
            second["matches"].as_array().map(Vec::len),
            &second["matches_total"]
        ),
        (Some(5), &json!(12))
    );
    let _ = server;
}
