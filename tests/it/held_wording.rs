//! A wording held back by an earlier change whose day another act sets, and a deletion dated
//! by its own note, on the Administrative Procedural Code (code 144260, `tests/fixtures/split`,
//! the edition of 25.08.2026):
//! - article 73's note reads «Статья 73 с изменениями, внесенными Законом РК от 17.12.2025
//!   № 241-VIII (порядок введения в действие см. статью 2)» (Kazakh «73-бапқа өзгерістер
//!   енгізілді – ҚР 17.12.2025 № 241-VIII (қолданысқа енгізілу тәртібін 2-баптан қараңыз)
//!   Заңымен»), and the code's opening note replaces words «по всему тексту» by the Law of
//!   09.01.2026 № 256-VIII (in force six months after its publication, not before
//!   ~09.07.2026). The wording printed holds both changes: the later one's day does not make
//!   it known to be in force while the earlier one's day is unknown;
//! - article 4, paragraph 1, subparagraph 12) reads «исключен Законом РК от 17.12.2025
//!   № 241-VIII (вводится в действие с 01.01.2026)» (Kazakh «алып тасталды – ҚР 17.12.2025
//!   № 241-VIII (01.01.2026 бастап қолданысқа енгізіледі) Заңымен»): deleted since
//!   01.01.2026, the day its note gives, not the day of the later changes its article's notes
//!   record.

use super::common::{copy_dir, zanlex_json};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const CODE: &str = "code-2020-06-29-350-vi";
const FOLDER: &str =
    "codes/02-codes/2020/0629-administrativnyi-protsedurno-protsessualnyi-kodeks-respubliki-ka-144260";

fn corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    copy_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/split")
            .join(FOLDER),
        &corpus.join(FOLDER),
    );
    corpus
}

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

/// Article 73's state on `on` in `lang`'s JSON: awaiting Law 241-VIII's article 2, not
/// before ~09.07.2026, the day of Law 256-VIII's change.
fn held(lang: &str) -> Value {
    let (set_by, later) = match lang {
        "ru" => (
            "Закон РК от 17.12.2025 № 241-VIII",
            "Закон РК от 09.01.2026 № 256-VIII",
        ),
        _ => (
            "ҚР 17.12.2025 № 241-VIII Заңы",
            "ҚР 09.01.2026 № 256-VIII Заңы",
        ),
    };
    json!({
        "kind": "awaiting_other_act",
        "not_before": "2026-07-09",
        "set_by": {
            "kind": "law",
            "date": "2025-12-17",
            "number": "241-VIII",
            "citation": set_by,
            "provision": "2",
            "paragraph": false,
            "in_corpus": false,
        },
        "later_change": {"citation": later, "estimated": true},
    })
}

const RU_WORDS: &str = "вводится в действие не ранее ~09.07.2026 (день введения в действие \
    изменения, внесенного: Закон РК от 09.01.2026 № 256-VIII); день более раннего изменения в \
    этой редакции устанавливает статья 2 вносящего изменения акта (Закон РК от 17.12.2025 \
    № 241-VIII), которого нет в корпусе: действует ли редакция на 01.08.2026, неизвестно; \
    текст показан";

const DELETED_SUB: &str = "art_4__para_1__subpara_12";

/// The library: article 73 (and each of its paragraphs) is never `in_force` after the later
/// change's day; the state names both acts; before that day the wording is not the one in
/// force. The deleted subparagraph is deleted from 01.01.2026.
#[test]
fn a_later_known_day_does_not_date_a_wording_an_earlier_change_holds_back() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = corpus(tmp.path());
    let index = crate::common::build_clean(
        &corpus,
        tmp.path().join("lib-index"),
        &zanlex::BuildOptions::default(),
    );
    for (lang, code) in [(zanlex::Lang::Ru, "ru"), (zanlex::Lang::Kk, "kk")] {
        for eid in ["art_73", "art_73__para_3"] {
            let at = index
                .unit_as_of(CODE, eid, Some(lang), Some(day("2026-08-01")))
                .expect("the unit");
            assert!(!at.state.is_in_force(), "{eid} {lang:?}: {:?}", at.state);
            assert_eq!(
                serde_json::to_value(&at.state).expect("JSON"),
                held(code),
                "{eid} {lang:?}"
            );
            assert!(at.unit.is_some(), "its wording is shown");
            let edition = at.edition.as_ref().expect("its edition");
            assert_eq!(edition.from, Some(day("2026-07-09")));
            assert!(
                edition.basis.contains("256-VIII") && edition.basis.contains("241-VIII"),
                "{}",
                edition.basis
            );
            // Today's text: the same state.
            let today = index
                .unit_as_of(CODE, eid, Some(lang), None)
                .expect("the unit");
            assert_eq!(
                serde_json::to_value(&today.state).expect("JSON"),
                held(code)
            );
        }
        // Before the later change's day the wording printed is not the one in force.
        let before = index
            .unit_as_of(CODE, "art_73", Some(lang), Some(day("2026-03-01")))
            .expect("the unit");
        assert_eq!(before.state.as_str(), "not_in_corpus", "{lang:?}");
    }
    // A unit whose notes name no change waiting on another act stays in force after the later
    // change's day: article 74, changed by Law 241-VIII ten days after its publication.
    let a74 = index
        .unit_as_of(
            CODE,
            "art_74",
            Some(zanlex::Lang::Ru),
            Some(day("2026-08-01")),
        )
        .expect("the unit");
    assert_eq!(
        a74.state,
        zanlex::TimeState::InForceBeforeEarliestEdition {
            earliest_edition: day("2026-08-25")
        }
    );

    // The deletion's day is its note's.
    for lang in [zanlex::Lang::Ru, zanlex::Lang::Kk] {
        for on in ["2026-03-01", "2026-08-01"] {
            let at = index
                .unit_as_of(CODE, DELETED_SUB, Some(lang), Some(day(on)))
                .expect("the unit");
            assert_eq!(
                at.state,
                zanlex::TimeState::Deleted {
                    since: Some(day("2026-01-01"))
                },
                "{lang:?} {on}"
            );
        }
    }
}

/// `show --json`, `/v1` and MCP `at_date` give the library's state and words.
#[test]
fn the_held_wording_and_the_deletion_in_every_door() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = corpus(tmp.path());
    let index = tmp.path().join("cli-index");
    let show = |target: &str, as_of: &str, lang: &str| -> Value {
        let (code, j) = zanlex_json(
            &corpus,
            &index,
            &["show", target, "--as-of", as_of, "--lang", lang],
        );
        assert_eq!(code, 0, "{j:#}");
        j
    };
    let ru = show(&format!("{CODE}#art_73"), "2026-08-01", "ru");
    assert_eq!(ru["state"], held("ru"), "{:#}", ru["state"]);
    assert_eq!(ru["state_text"], RU_WORDS);
    let kk = show(&format!("{CODE}#art_73"), "2026-08-01", "kk");
    assert_eq!(kk["state"], held("kk"), "{:#}", kk["state"]);
    let deleted = show(&format!("{CODE}#{DELETED_SUB}"), "2026-03-01", "ru");
    assert_eq!(
        deleted["state"],
        json!({"kind": "deleted", "since": "2026-01-01"})
    );
    assert_eq!(deleted["state_text"], "исключено с 01.01.2026");
    // A search on the day returns article 73 in the same state.
    let (code, hits) = zanlex_json(
        &corpus,
        &index,
        &[
            "search",
            "заслушивание в письменной форме",
            "--act",
            CODE,
            "--as-of",
            "2026-08-01",
            "--lang",
            "ru",
            "--limit",
            "50",
        ],
    );
    assert_eq!(code, 0, "{hits:#}");
    let hit = hits["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .find(|h| {
            h["unit"]["eid"]
                .as_str()
                .is_some_and(|e| e.starts_with("art_73"))
        })
        .unwrap_or_else(|| panic!("article 73 among the hits: {hits:#}"));
    assert_eq!(hit["version"]["state"], held("ru"), "{hit:#}");

    let server = super::serve_api::Server::start(&corpus, &tmp.path().join("api-index"), &[]);
    let get = |path: &str| -> Value {
        let res = reqwest::blocking::get(server.url(path)).expect("request");
        assert_eq!(res.status(), 200, "{path}");
        res.json().expect("JSON")
    };
    let u = get(&format!(
        "/v1/acts/{CODE}/units/art_73?lang=ru&as_of=2026-08-01"
    ));
    assert_eq!(u["state"], held("ru"), "{u:#}");
    assert_eq!(u["state_text"], RU_WORDS);
    let u = get(&format!(
        "/v1/acts/{CODE}/units/{DELETED_SUB}?lang=kk&as_of=2026-03-01"
    ));
    assert_eq!(
        u["state"],
        json!({"kind": "deleted", "since": "2026-01-01"}),
        "{u:#}"
    );
    drop(server);

    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &tmp.path().join("index-mcp")).await;
        let at = super::mcp_tools::ok(
            &client,
            "at_date",
            json!({"target": format!("{CODE}#art_73"), "date": "2026-08-01", "lang": "ru"}),
        )
        .await;
        assert_eq!(at["state"], held("ru"), "{at:#}");
        client.cancel().await.expect("close the session");
    });
}
