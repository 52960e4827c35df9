//! What one amending act changed across the corpus (`zanlex::pages::amended_by`, `zanlex
//! amended-by`, `GET /v1/amended-by`, the MCP tool `amended_by`), on two real acts both amended
//! by the Law of 19.04.2023 № 223-VII: the Administrative Procedural Code as the mirror splits it
//! (`tests/fixtures/split`: its notes name the law for articles 3, 4, 41 and 43-1) and the Law on
//! Responsible Treatment of Animals (`tests/fixtures/clock`: articles 6, in a new wording, and
//! 7). The law itself is in neither.

use super::mcp_tools::{call, runtime, spawn};
use super::serve_api::Server;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use zanlex::pages::{
    amended_by, AmendedByAnswer, AmendedByArgs, AmendedByRequest, AmendingActName, Budget, Links,
};
use zanlex::{BuildOptions, ErrorCode, ZanIndex};

const CODE: &str = "code-2020-06-29-350-vi";
const ANIMALS: &str = "law-2021-12-30-97-vii";
/// The Law of 19.04.2023 № 223-VII as a Russian reader writes it, and as a Kazakh one does.
const LAW_RU: &str = "Закон РК от 19.04.2023 № 223-VII";
const LAW_KK: &str = "2023 жылғы 19 сәуірдегі № 223-VII Заң";
/// The page the permalinks of the doors lead to (as `mcp_tools::spawn` sets it).
const PUBLIC: &str = "https://zan.example.kz/";

/// The code and the animals law, copied into `dir/corpus`.
fn corpus_in(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    super::common::copy_dir(&fixtures.join("split"), &corpus.join("split"));
    super::common::copy_dir(
        &fixtures.join("clock/codes/1230-ob-otvetstvennom-obrashchenii-s-zhivotnymi-162833"),
        &corpus.join("animals"),
    );
    corpus
}

/// One index over the two acts.
fn index() -> &'static (tempfile::TempDir, ZanIndex) {
    static BUILT: OnceLock<(tempfile::TempDir, ZanIndex)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = corpus_in(dir.path());
        let index =
            crate::common::build_clean(&corpus, dir.path().join("index"), &BuildOptions::default());
        (dir, index)
    })
}

/// The library's answer to `by` in `lang`, the page `offset`/`limit`, within `budget`.
fn ask(
    by: &str,
    lang: Option<&str>,
    page: (Option<u64>, Option<u64>),
    budget: &Budget,
) -> zanlex::Result<AmendedByAnswer> {
    let args = AmendedByArgs {
        by,
        lang,
        offset: page.0,
        limit: page.1,
    };
    let request = AmendedByRequest::parse(&args, str::to_string)?;
    amended_by(&index().1, &request, &Links::relative(), budget)
}

/// Each provision of an answer: (act, eid, action, effective day, estimated).
fn rows(answer: &AmendedByAnswer) -> Vec<(String, String, String, String, bool)> {
    let v = serde_json::to_value(answer).expect("serializes");
    rows_of(&v)
}

/// The same from an answer's JSON, as any door sends it.
fn rows_of(answer: &Value) -> Vec<(String, String, String, String, bool)> {
    answer["provisions"]
        .as_array()
        .unwrap_or_else(|| panic!("no provisions: {answer}"))
        .iter()
        .map(|p| {
            (
                p["act_id"].as_str().unwrap_or_default().to_string(),
                p["eid"].as_str().unwrap_or_default().to_string(),
                p["action"].as_str().unwrap_or_default().to_string(),
                p["effective"]["date"]
                    .as_str()
                    .unwrap_or("none")
                    .to_string(),
                p["effective"]["estimated"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

/// What the notes say the Law № 223-VII changed, by act and in each act's order: in force
/// ten calendar days after its first publication, the day estimated from its signing.
fn law_223_changes() -> Vec<(String, String, String, String, bool)> {
    [
        (CODE, "art_3", "changed"),
        (CODE, "art_4", "changed"),
        (CODE, "art_41", "changed"),
        (CODE, "art_43-1", "changed"),
        (ANIMALS, "art_6", "new_wording"),
        (ANIMALS, "art_7", "changed"),
    ]
    .into_iter()
    .map(|(a, e, x)| {
        (
            a.to_string(),
            e.to_string(),
            x.to_string(),
            "2023-04-29".to_string(),
            true,
        )
    })
    .collect()
}

#[test]
fn a_law_s_changes_are_listed_across_two_acts_by_act_and_unit_order() {
    let answer = ask(LAW_RU, None, (None, None), &Budget::LOCAL).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows(&answer), law_223_changes());
    assert_eq!((answer.total, answer.acts_total), (6, 2));
    let acts: Vec<(&str, usize)> = answer
        .acts
        .iter()
        .map(|a| (a.act_id.as_str(), a.provisions))
        .collect();
    assert_eq!(acts, [(CODE, 4), (ANIMALS, 2)]);
    // Read in the Kazakh texts, the law named as their notes name it; not in the corpus.
    assert_eq!(answer.amending_act, "ҚР 19.04.2023 № 223-VII Заңы");
    assert_eq!(
        (
            answer.signed.map(|d| d.to_string()),
            answer.number.as_deref()
        ),
        (Some("2023-04-19".to_string()), Some("223-VII"))
    );
    assert!(!answer.in_corpus);
    assert_eq!(answer.amending_act_id, None);
    assert_eq!(answer.page.next_offset, None);
    assert_eq!(
        answer.notes,
        [
            "the corpus does not hold ҚР 19.04.2023 № 223-VII Заңы itself: its changes are read \
          from the notes of the acts it changed"
        ]
    );
    let six = &answer.provisions[4];
    assert_eq!(six.citation, "ҚР 30.12.2021 № 97-VII Заңы · 6-бап");
    assert_eq!(six.label, "6-бап");
    assert_eq!(
        six.permalink.as_deref(),
        Some("/acts/law-2021-12-30-97-vii/art_6?as_of=2023-04-29")
    );
    assert!(
        six.note
            .starts_with("Ескерту. 6-бап жаңа редакцияда - ҚР 19.04.2023 № 223-VII"),
        "{}",
        six.note
    );
    assert_eq!(
        answer.provisions[0].act_citation,
        answer.acts[0].act_citation
    );
}

#[test]
fn requisites_in_either_language_name_the_same_act() {
    assert_eq!(
        AmendingActName::parse(LAW_RU).ok(),
        AmendingActName::parse(LAW_KK).ok()
    );
    let ru = ask(LAW_RU, None, (None, None), &Budget::LOCAL).unwrap_or_else(|e| panic!("{e}"));
    let kk = ask(LAW_KK, None, (None, None), &Budget::LOCAL).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ru, kk);
    // The notes of the Russian texts record the same changes.
    let in_ru =
        ask(LAW_KK, Some("ru"), (None, None), &Budget::LOCAL).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows(&in_ru), law_223_changes());
    assert_eq!(in_ru.amending_act, "Закон РК от 19.04.2023 № 223-VII");
    assert_eq!(
        in_ru.provisions[4].citation,
        "Закон РК от 30.12.2021 № 97-VII · статья 6"
    );
}

#[test]
fn an_act_no_note_names_is_an_empty_answer_and_an_unknown_id_an_error() {
    // Requisites no note names: nothing is known of what that act changed, which is an
    // answer (it may be an act the corpus lacks), not an error.
    let none = ask(
        "Закон РК от 19.04.2023 № 224-VII",
        None,
        (None, None),
        &Budget::LOCAL,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((none.total, none.acts_total, none.in_corpus), (0, 0, false));
    assert!(none.provisions.is_empty());
    assert_eq!(
        none.notes,
        [
            "no amendment note in the corpus names ҚР 19.04.2023 № 224-VII Заңы, and the corpus \
          does not hold it: whether it changed acts the corpus lacks is not known here"
        ]
    );
    // An act the corpus holds, named by its id, that changed none of the others.
    let held = ask(ANIMALS, None, (None, None), &Budget::LOCAL).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((held.total, held.in_corpus), (0, true));
    assert_eq!(held.amending_act_id.as_deref(), Some(ANIMALS));
    assert_eq!(
        held.permalink.as_deref(),
        Some("/acts/law-2021-12-30-97-vii")
    );
    assert_eq!(held.amending_act, "ҚР 30.12.2021 № 97-VII Заңы");
    // An id the index lacks, and requisites without a date: the library's typed errors.
    let unknown =
        ask("law-2023-04-19-223-vii", None, (None, None), &Budget::LOCAL).expect_err("no such act");
    assert_eq!(unknown.code(), ErrorCode::NotFound);
    let undated =
        ask("Закон РК № 223-VII", None, (None, None), &Budget::LOCAL).expect_err("no date");
    assert_eq!(undated.code(), ErrorCode::BadRequest);
    assert!(
        undated.to_string().contains("its date (17.07.2024)"),
        "{undated}"
    );
}

#[test]
fn a_law_that_changed_many_provisions_is_paged_and_bounded() {
    // The Law of 17.12.2025 № 241-VIII changed dozens of the code's provisions.
    let by = "Закон РК от 17.12.2025 № 241-VIII";
    let all = ask(by, None, (None, Some(100)), &Budget::LOCAL).unwrap_or_else(|e| panic!("{e}"));
    let every = rows(&all);
    assert_eq!((all.total, every.len(), all.acts_total), (54, 54, 1));
    // Three of its notes leave the day to the law's own article 2, which the corpus lacks:
    // no day is given for them rather than a guessed one.
    let undated: Vec<Value> = all
        .provisions
        .iter()
        .filter(|p| p.effective.is_none())
        .map(|p| serde_json::to_value(&p.rule).expect("a rule")["rule"].clone())
        .collect();
    assert_eq!(undated, vec![json!("in_amending_act"); 3]);
    // Pages of the assistant's budget: each within 8,000 characters, together the whole list.
    let mut paged = Vec::new();
    let mut offset = 0;
    let mut cut = 0;
    loop {
        let page = ask(by, None, (Some(offset), None), &Budget::ASSISTANT)
            .unwrap_or_else(|e| panic!("{e}"));
        let chars = serde_json::to_string(&page).expect("json").chars().count();
        assert!(chars <= 8_000, "offset {offset}: {chars} characters");
        assert_eq!(page.total, all.total);
        cut += usize::from(page.page.cut.is_some());
        paged.extend(rows(&page));
        match page.page.next_offset {
            Some(next) => offset = next as u64,
            None => break,
        }
    }
    assert_eq!(paged, every);
    assert!(cut > 0, "no page was cut to the budget");
}

/// `zanlex amended-by … --json` on `corpus`: its exit code and its JSON.
fn cli(corpus: &Path, index: &Path, args: &[&str]) -> (i32, Value) {
    crate::common::zanlex_json(corpus, index, &[&["amended-by"], args].concat())
}

#[test]
fn every_door_lists_the_same_changes_and_the_same_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus_in(dir.path());
    let server = Server::start(
        &corpus,
        &dir.path().join("served"),
        &["--watch-secs", "0", "--public-url", PUBLIC],
    );
    let api = |by: &str| -> (u16, Value) {
        let res = reqwest::blocking::Client::new()
            .get(server.url("/v1/amended-by"))
            .query(&[("by", by)])
            .send()
            .expect("GET /v1/amended-by");
        (res.status().as_u16(), res.json().expect("a JSON answer"))
    };
    let cli_index = dir.path().join("cli");
    let (exit, from_cli) = cli(&corpus, &cli_index, &[LAW_KK, "--public-url", PUBLIC]);
    assert_eq!(exit, 0, "{from_cli}");
    let (status, from_api) = api(LAW_RU);
    assert_eq!(status, 200, "{from_api}");
    assert_eq!(from_cli, from_api);
    assert_eq!(rows_of(&from_api), law_223_changes());
    assert_eq!(
        from_api["provisions"][4]["permalink"],
        "https://zan.example.kz/acts/law-2021-12-30-97-vii/art_6?as_of=2023-04-29"
    );
    runtime().block_on(async {
        let client = spawn(&corpus, &dir.path().join("mcp")).await;
        // The assistant's pages, each within its 8,000 characters, together the same list.
        let mut mcp_rows = Vec::new();
        let mut mcp_provisions = Vec::new();
        let mut offset = 0;
        loop {
            let args = json!({ "by": LAW_RU, "offset": offset });
            let result = call(&client, "amended_by", args).await;
            assert_eq!(result.is_error, Some(false), "{result:?}");
            let mcp = result.structured_content.expect("structured content");
            assert!(mcp.to_string().chars().count() <= 8_000, "{mcp}");
            assert_eq!(mcp["total"], 6);
            mcp_rows.extend(rows_of(&mcp));
            mcp_provisions.extend(mcp["provisions"].as_array().cloned().unwrap_or_default());
            match mcp["next_offset"].as_u64() {
                Some(next) => offset = next,
                None => break,
            }
        }
        assert_eq!(mcp_rows, law_223_changes());
        // A short note is whole in every door: the provision is the server's.
        assert_eq!(mcp_provisions[4], from_api["provisions"][4]);
        // The same mistakes: the same code from each door.
        for (by, code) in [
            ("law-2023-04-19-223-vii", "not_found"),
            ("Закон РК № 223-VII", "bad_request"),
        ] {
            let (exit, cli_error) = cli(&corpus, &cli_index, &[by]);
            assert_ne!(exit, 0, "{by}");
            let (status, api_error) = api(by);
            assert!((400..500).contains(&status), "{by}: {status}");
            let result = call(&client, "amended_by", json!({ "by": by })).await;
            assert_eq!(result.is_error, Some(true), "{by}");
            let mcp_error = result.structured_content.expect("structured error");
            for (door, answer) in [
                ("cli", &cli_error),
                ("/v1", &api_error),
                ("mcp", &mcp_error),
            ] {
                assert_eq!(answer["error"]["code"], code, "{door} {by}: {answer}");
            }
        }
        client.cancel().await.expect("close the session");
    });
}
