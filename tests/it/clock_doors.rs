//! A search on a day, through the doors the command line's tests in `act_clock.rs` do not
//! reach: `/v1/search?as_of=` and MCP `search` with `as_of`, on the real acts of
//! `tests/fixtures/clock/` in one corpus:
//! - the Government resolution of 25.04.2023 № 326 (code 182303), in force «по истечении
//!   десяти календарных дней после дня его первого официального опубликования», its
//!   publication day unknown: not before ~05.05.2023;
//! - the Law on Legal Acts of 06.04.2016 № 480-V (code 100890), whose paragraph 3 of articles
//!   38 and 39 reads «3. Действовал до 01.01.2017 …»: expired since 01.01.2017, its score
//!   halved by a search in force today, so it comes after its act's units in force;
//! - the order of the Minister of Justice of 03.07.2003 № 133 (code 16296), suspended by the
//!   order of 16.10.2003 № 218, repealed from ~25.09.2006;
//!
//! and, in a corpus of their own from `evals/corpus`, two laws whose twins share the clock's
//! readings one language's text gives (117701, 137894): `/v1` units and MCP `at_date` as the
//! library reads them.

use super::common::copy_dir;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const RESOLUTION: &str = "government-resolution-2023-04-25-326";
const LEGAL_ACTS: &str = "law-2016-04-06-480-v";

/// The four acts of `tests/fixtures/clock/` this file and `serve_browser_clock.rs` read, in
/// the mirror's layout, under `dir`: the corpus (the fourth, the Astana maslikhat's decision
/// 12312, for the page's banner of a wording whose day another act sets).
pub(super) fn clock_corpus(dir: &Path) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clock");
    let corpus = dir.join("corpus");
    for folder in [
        "government/0425-o-perenose-dnia-otdykha-v-2023-godu-182303",
        "codes/0406-o-pravovykh-aktakh-100890",
        "ministerial/0702-ob-utverzhdenii-pravil-vedeniia-monitoringa-normativnykh-pravovy-16296",
        "local-astana/0501-o-dopolnitelnom-reglamentirovanii-poriadka-i-mest-dlia-provedeni-12312",
    ] {
        copy_dir(&root.join(folder), &corpus.join(folder));
    }
    corpus
}

/// (act id, unit eid, the state's kind) of every hit of a search answer, in its order.
fn hits(answer: &Value) -> Vec<(String, String, String)> {
    answer["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            (
                h["act"]["id"].as_str().unwrap_or("").to_string(),
                h["unit"]["eid"].as_str().unwrap_or("").to_string(),
                h["version"]["state"]["kind"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect()
}

fn row(act: &str, eid: &str, kind: &str) -> (String, String, String) {
    (act.to_string(), eid.to_string(), kind.to_string())
}

/// The rows of `act` only.
fn of(act: &str, rows: Vec<(String, String, String)>) -> Vec<(String, String, String)> {
    rows.into_iter().filter(|r| r.0 == act).collect()
}

/// Five days after its signing the resolution is not in force: neither door finds its
/// paragraphs; from ~05.05.2023 both find them first, in force from that estimated day. Today
/// the two expired paragraphs of the Law on Legal Acts come after its paragraphs in force,
/// their score halved, their state `expired`, in both doors in the library's order (and
/// the command line's, `act_clock::a_paragraph_that_applied_until_a_day_in_every_door`).
#[test]
fn a_search_on_a_day_answers_alike_over_http_and_mcp() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = clock_corpus(tmp.path());
    let expired_today = vec![
        row(LEGAL_ACTS, "art_67__para_2", "in_force"),
        row(LEGAL_ACTS, "art_66__subpara_2", "in_force"),
        row(LEGAL_ACTS, "art_66__subpara_1", "in_force"),
        row(LEGAL_ACTS, "art_38__para_3", "expired"),
        row(LEGAL_ACTS, "art_39__para_3", "expired"),
    ];
    // The library's own search in force today ranks them so: the doors give its order.
    let index = crate::common::build_clean(
        &corpus,
        tmp.path().join("lib-index"),
        &zanlex::BuildOptions::default(),
    );
    let library = index
        .search(&zanlex::SearchRequest::new("действовал до 2017 года").lang(zanlex::Lang::Ru))
        .expect("the search");
    let library = serde_json::to_value(library).expect("JSON");
    assert_eq!(of(LEGAL_ACTS, hits(&library)), expired_today, "{library:#}");

    let server = super::serve_api::Server::start(&corpus, &tmp.path().join("api-index"), &[]);
    let get = |q: &str, as_of: Option<&str>| -> Value {
        let mut url = reqwest::Url::parse(&server.url("/v1/search")).expect("url");
        url.query_pairs_mut()
            .append_pair("q", q)
            .append_pair("lang", "ru");
        if let Some(d) = as_of {
            url.query_pairs_mut().append_pair("as_of", d);
        }
        let res = reqwest::blocking::get(url).expect("request");
        assert_eq!(res.status(), 200);
        res.json().expect("JSON")
    };
    answers_on_the_three_days(
        &get("перенести день отдыха", Some("2023-04-30")),
        &get("перенести день отдыха", Some("2023-05-05")),
        &get("действовал до 2017 года", None),
        &expired_today,
    );
    drop(server);

    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &tmp.path().join("index-mcp")).await;
        let search = |query: &str, as_of: Option<&str>| {
            let mut args = json!({"query": query, "lang": "ru"});
            if let Some(d) = as_of {
                args["as_of"] = json!(d);
            }
            args
        };
        let ask = |query: &str, as_of: Option<&str>| {
            super::mcp_tools::ok(&client, "search", search(query, as_of))
        };
        answers_on_the_three_days(
            &ask("перенести день отдыха", Some("2023-04-30")).await,
            &ask("перенести день отдыха", Some("2023-05-05")).await,
            &ask("действовал до 2017 года", None).await,
            &expired_today,
        );
        client.cancel().await.expect("close the session");
    });
}

/// The three searches of [`a_search_on_a_day_answers_alike_over_http_and_mcp`], as one door
/// answered them: before the resolution's day nothing of it, on the day its paragraph first
/// (in force from that estimated day), today the Law on Legal Acts' rows as `expired_today`.
fn answers_on_the_three_days(
    before: &Value,
    on: &Value,
    today: &Value,
    expired_today: &[(String, String, String)],
) {
    assert_eq!(of(RESOLUTION, hits(before)), vec![], "{before:#}");
    assert_eq!(
        hits(on).first(),
        Some(&row(RESOLUTION, "para_1", "in_force")),
        "{on:#}"
    );
    assert_eq!(on["hits"][0]["version"]["from"], "2023-05-05");
    assert_eq!(on["hits"][0]["version"]["from_estimated"], true);
    assert_eq!(of(LEGAL_ACTS, hits(today)), expired_today, "{today:#}");
}

/// The unit with eid `eid` in an outline's tree of units.
fn unit<'a>(units: &'a Value, eid: &str) -> Option<&'a Value> {
    units.as_array()?.iter().find_map(|u| {
        if u["eid"] == eid {
            Some(u)
        } else {
            unit(&u["children"], eid)
        }
    })
}

/// The act's texts read today without a date (what the page shows by default): the Law on
/// Legal Acts prints its latest wording of every unit, and paragraph 3 of articles 38 and 39,
/// which stopped applying on 01.01.2017, says so beside its text, as `show` says it of the
/// paragraph alone; paragraph 1 beside them, in force, says nothing.
#[test]
fn the_act_read_today_marks_its_expired_paragraphs() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = clock_corpus(tmp.path());
    let server = super::serve_api::Server::start(&corpus, &tmp.path().join("api-index"), &[]);
    let get = |path: &str| -> Value {
        let res = reqwest::blocking::get(server.url(path)).expect("request");
        assert_eq!(res.status(), 200, "{path}");
        res.json().expect("JSON")
    };
    for (lang, words, text, citation) in [
        (
            "ru",
            "не действует с 01.01.2017 (основание — пункт 2 статьи 67 настоящего акта; Закон РК \
             от 06.04.2016 № 480-V); показана последняя редакция",
            "3. Действовал до 01.01.2017 в соответствии с Законом РК от 06.04.2016 № 480-V (порядок введения в действие см. ст. 67).",
            "Закон РК от 06.04.2016 № 480-V",
        ),
        (
            "kk",
            "осы актінің 67-бабының 2-тармағына сәйкес 01.01.2017 бастап қолданылмайды (негізі – \
             ҚР 06.04.2016 № 480-V Заңы); соңғы редакциясы көрсетілген",
            "3. 01.01.2017 дейін қолданыста болды - ҚР 06.04.2016 N 480-V Заңымен.",
            "ҚР 06.04.2016 № 480-V Заңы",
        ),
    ] {
        let act = get(&format!("/v1/acts/{LEGAL_ACTS}?lang={lang}&text=true"));
        for eid in ["art_38__para_3", "art_39__para_3"] {
            let u = unit(&act["units"], eid).unwrap_or_else(|| panic!("{eid} in {act:#}"));
            assert_eq!(
                u["state"],
                json!({"kind": "expired", "since": "2017-01-01", "under": "art_67__para_2",
                       "set_by": {"kind": "law", "date": "2016-04-06", "number": "480-V",
                                  "citation": citation}}),
                "{eid} {lang}"
            );
            assert_eq!(u["state_text"], words, "{eid} {lang}");
            if eid == "art_38__para_3" {
                assert_eq!(u["text"], text, "{lang}");
            }
        }
        let p1 = unit(&act["units"], "art_38__para_1").expect("paragraph 1");
        assert_eq!(p1["state"], Value::Null, "{lang}");
        // The unit alone says the same.
        let alone = get(&format!(
            "/v1/acts/{LEGAL_ACTS}/units/art_38__para_3?lang={lang}"
        ));
        assert_eq!(alone["state_text"], words, "{lang}");
        // The act the words name, linked: this very law.
        assert_eq!(
            alone["state_by"],
            json!({"id": LEGAL_ACTS, "requisite": citation, "date": "2016-04-06",
                   "number": "480-V", "evidence": "note"}),
            "{lang}"
        );
    }
}

/// The Law on the Compensation Fund for Victims of 10.01.2018 № 131-VI (code 117701) and the
/// Law on the Status of the Teacher of 27.12.2019 № 293-VI (code 137894), both of
/// `evals/corpus`, each with readings of its clock one language's text gives and the other's
/// reader misses, shared by the twins (`amend::versions_tests::twins_share_the_days_…`).
const COMPENSATION: &str = "law-2018-01-10-131-vi";
const TEACHER: &str = "law-2019-12-27-293-vi";

/// One language's answer of the library for a unit on a day: (`ACT#EID`, the date, the
/// language, (its state, its `read_from`), its text).
type LibraryAnswer<'a> = (String, &'a str, &'a str, (Value, Value), String);

/// One reading for both languages, through `/v1` and MCP `at_date` as through the library:
/// 117701's article 4, subparagraph 1), not in force on 01.01.2019, from 01.07.2020 (its
/// article 13 read in the Kazakh text), and article 10, paragraph 2, not on 01.06.2018, from
/// 01.07.2018 (read in the Russian); 137894's article 8, paragraph 3, subparagraph 2) on
/// 01.06.2020 suspended until 01.09.2021 in Russian (its article 20 read in the Kazakh text),
/// the Kazakh giving the wording article 20 sets for the period, in force. Each answer whose
/// state rests on the other text's reading names that text's language (`read_from`): 117701's
/// subparagraph in Russian and paragraph in Kazakh, 137894's suspension in Russian.
#[test]
fn twins_share_the_clocks_readings_over_http_and_mcp() {
    let (dir, index) = crate::common::index_of_eval_acts(&[
        "codes/03-laws/2018/0110-o-fonde-kompensatsii-poterpevshim-117701",
        "codes/03-laws/2019/1227-o-statuse-pedagoga-137894",
    ]);
    let corpus = dir.path().join("corpus");
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date");
    let not_yet =
        |from: &str| json!({"kind": "not_yet_in_force", "adopted": "2018-01-10", "from": from});
    // (act, unit, date, the Kazakh state and the language it was read from, the Russian's)
    let readings = [
        (
            COMPENSATION,
            "art_4__subpara_1",
            "2019-01-01",
            (not_yet("2020-07-01"), Value::Null),
            (not_yet("2020-07-01"), json!("kk")),
        ),
        (
            COMPENSATION,
            "art_10__para_2",
            "2018-06-01",
            (not_yet("2018-07-01"), json!("ru")),
            (not_yet("2018-07-01"), Value::Null),
        ),
        (
            TEACHER,
            "art_8__para_3__subpara_2",
            "2020-06-01",
            (json!({"kind": "in_force"}), Value::Null),
            (
                json!({"kind": "suspended", "until": "2021-09-01"}),
                json!("kk"),
            ),
        ),
    ];
    let mut library: Vec<LibraryAnswer> = Vec::new();
    for (act, eid, on, kk, ru) in &readings {
        for (lang, code, (state, from)) in
            [(zanlex::Lang::Kk, "kk", kk), (zanlex::Lang::Ru, "ru", ru)]
        {
            let a = index
                .unit_answer(act, eid, Some(lang), Some(day(on)))
                .expect("the unit");
            let got = serde_json::to_value(&a.state).expect("JSON");
            assert_eq!(&got, state, "{act}#{eid} {code} on {on}");
            let got_from = serde_json::to_value(a.read_from).expect("JSON");
            assert_eq!(&got_from, from, "{act}#{eid} {code} on {on}");
            library.push((format!("{act}#{eid}"), on, code, (got, got_from), a.text));
        }
    }
    assert!(
        library[4].4.contains(
            "орта білім беру ұйымдары мен техникалық және кәсіптік, орта білімнен кейінгі \
             білімнің білім беру бағдарламаларын іске асыратын білім беру ұйымдары үшін;"
        ),
        "{library:#?}"
    );

    let server = super::serve_api::Server::start(&corpus, &dir.path().join("api-index"), &[]);
    for (target, on, lang, (state, from), text) in &library {
        let (act, eid) = target.split_once('#').expect("ACT#EID");
        let body = super::act_clock::api_get(
            &server,
            &format!("/v1/acts/{act}/units/{eid}?as_of={on}&lang={lang}"),
        );
        assert_eq!(&body["state"], state, "{target} {lang} on {on}");
        assert_eq!(&body["read_from"], from, "{target} {lang} on {on}");
        assert_eq!(body["text"], *text, "{target} {lang} on {on}");
    }
    drop(server);
    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &dir.path().join("index-mcp")).await;
        for (target, on, lang, (state, from), text) in &library {
            let at = super::act_clock::at_date(&client, target, on, Some(lang)).await;
            assert_eq!(&at["state"], state, "{target} {lang} on {on}");
            assert_eq!(&at["read_from"], from, "{target} {lang} on {on}");
            assert_eq!(at["text"], *text, "{target} {lang} on {on}");
        }
        client.cancel().await.expect("close the session");
    });
}
