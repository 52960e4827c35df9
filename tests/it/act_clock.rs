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
use rmcp::service::RunningService;
use rmcp::RoleClient;
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

/// `GET path` of the API server: the JSON body of its answer, which must be 200.
pub(super) fn api_get(server: &super::serve_api::Server, path: &str) -> Value {
    let res = reqwest::blocking::get(server.url(path)).expect("request");
    assert_eq!(res.status(), 200, "{path}");
    res.json().expect("JSON")
}

/// MCP `at_date` of `target` on `date`, in `lang` when given: the tool's answer.
pub(super) async fn at_date(
    client: &RunningService<RoleClient, ()>,
    target: &str,
    date: &str,
    lang: Option<&str>,
) -> Value {
    let mut args = json!({"target": target, "date": date});
    if let Some(lang) = lang {
        args["lang"] = json!(lang);
    }
    super::mcp_tools::ok(client, "at_date", args).await
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
    let body = api_get(
        &server,
        "/v1/acts/government-resolution-2023-04-25-326/units/para_1?as_of=2023-04-30&lang=ru",
    );
    assert_eq!(body["state"]["kind"], "not_yet_in_force");
    assert_eq!(body["state"]["from"], "2023-05-05");
    assert_eq!(body["state"]["estimated"], true);
    drop(server);
    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &tmp.path().join("index-mcp")).await;
        let at = at_date(
            &client,
            "government-resolution-2023-04-25-326#para_1",
            "2023-04-30",
            None,
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

/// The order of the Minister of Justice of 21.06.2007 № 186 (code 34004,
/// `tests/fixtures/clock/ministerial`, copied from `kazakhstan-law/ministerial`): «3.
/// Настоящий приказ вводится в действие со дня государственной регистрации в Министерстве
/// юстиции Республики Казахстан» (Kazakh «… мемлекеттік тіркелген күнінен бастап қолданысқа
/// енгізіледі»), its requisite «Зарегистрирован в Министерстве юстиции Республики Казахстан 6
/// июля 2007 года № 4790»: adopted on 21.06.2007, in force from 06.07.2007, exactly.
const ORDER_DIR: &str =
    "0621-ob-utverzhdenii-pravil-iziatiia-gosudarstvennykh-nagrad-respubli-34004";

#[test]
fn an_order_is_not_in_force_before_its_state_registration() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    copy_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/clock/ministerial")
            .join(ORDER_DIR),
        &corpus.join("ministerial").join(ORDER_DIR),
    );
    let corpus_arg = corpus.to_str().expect("utf-8 path");
    let (code, out, err) = zanlex_with(
        &tmp,
        &[
            "search",
            "изъятие государственных наград",
            "--json",
            "--corpus",
            corpus_arg,
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let id = v["hits"][0]["act"]["id"]
        .as_str()
        .expect("a hit")
        .to_string();
    assert_eq!(id, "moj-order-2007-06-21-186");
    let unit = format!("{id}#para_1");
    let ru = show(&tmp, &corpus, &unit, "2007-07-05", "ru");
    assert_eq!(
        ru["state"],
        json!({"kind": "not_yet_in_force", "adopted": "2007-06-21", "from": "2007-07-06",
               "rule": {"rule": "on_registration"}})
    );
    assert_eq!(
        ru["state_text"],
        "на 05.07.2007 не вступил в силу: вводится в действие со дня государственной \
         регистрации, с 06.07.2007"
    );
    assert_eq!(ru["text"], "", "no wording is shown as in force");
    let kk = show(&tmp, &corpus, &unit, "2007-07-05", "kk");
    assert_eq!(
        kk["state_text"],
        "05.07.2007 күні қолданысқа енгізілмеген: мемлекеттік тіркелген күнінен бастап \
         қолданысқа енгізіледі, 06.07.2007 бастап"
    );
    let on = show(&tmp, &corpus, &unit, "2007-07-06", "ru");
    assert_eq!(on["state"], json!({"kind": "in_force"}));
    assert_eq!(on["edition"]["from"], "2007-07-06");
    assert_eq!(on["edition"]["from_estimated"], false);
    assert!(
        on["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("1. Утвердить прилагаемые Правила")),
        "{}",
        on["text"]
    );
}

/// The Law on Legal Acts of 06.04.2016 № 480-V (code 100890, `tests/fixtures/clock/codes`,
/// from `kazakhstan-law/codes` at 052482cc, the edition of 01.01.2020: its title, preamble,
/// chapter 8 (articles 37–41) and chapter 15 (articles 66 and 67) copied whole, the other
/// chapters left out). Article 67: «2. Часть третья пункта 2 статьи 37, пункт 3 статьи 38 и
/// пункт 3 статьи 39 действуют до 1 января 2017 года» (Kazakh «… 2017 жылғы 1 қаңтарға дейін
/// қолданылады»); paragraph 3 of articles 38 and 39 reads «3. Действовал до 01.01.2017 в
/// соответствии с Законом РК от 06.04.2016 № 480-V (порядок введения в действие см. ст. 67).»
/// (Kazakh «3. 01.01.2017 дейін қолданыста болды - ҚР 06.04.2016 N 480-V Заңымен.»).
const LEGAL_ACTS_DIR: &str = "0406-o-pravovykh-aktakh-100890";
const LEGAL_ACTS: &str = "law-2016-04-06-480-v";

/// The Law on Legal Acts cited in official form, as its paragraphs' expiry names it.
const LEGAL_ACTS_RU: &str = "Закон РК от 06.04.2016 № 480-V";
const LEGAL_ACTS_KK: &str = "ҚР 06.04.2016 № 480-V Заңы";

/// Paragraph 3 of articles 38 and 39 as a JSON state: expired since 01.01.2017 under article 67
/// paragraph 2, by the Law 480-V cited as `citation`.
fn expired_json(citation: &str) -> Value {
    json!({
        "kind": "expired",
        "since": "2017-01-01",
        "under": "art_67__para_2",
        "set_by": {"kind": "law", "date": "2016-04-06", "number": "480-V", "citation": citation},
    })
}

/// The act the expiry names as a unit answer's `state_by`: the law itself, linked.
fn legal_acts_link(citation: &str) -> Value {
    json!({
        "id": LEGAL_ACTS,
        "requisite": citation,
        "date": "2016-04-06",
        "number": "480-V",
        "evidence": "note",
    })
}

/// A day before paragraph 3 of articles 38 and 39 stopped applying.
const BEFORE_2017: &str = "2016-06-01";

/// Paragraph 3 of articles 38 and 39 on [`BEFORE_2017`]: its wording of that day not in the
/// corpus, whose earliest edition of the law is of 01.01.2020.
fn not_in_corpus_before_2017() -> Value {
    json!({"kind": "not_in_corpus", "earliest_edition": "2020-01-01"})
}

fn legal_acts() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    copy_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/clock/codes")
            .join(LEGAL_ACTS_DIR),
        &corpus.join("codes").join(LEGAL_ACTS_DIR),
    );
    (tmp, corpus)
}

#[test]
fn a_paragraph_that_applied_until_a_day_in_every_door() {
    let (tmp, corpus) = legal_acts();
    let today = "2026-11-28";
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date");
    // Under article 67, paragraph 2, the transitional provision naming both paragraphs, by
    // the Law 480-V the paragraphs' own words name (this very law), cited in each language.
    let expired = |citation: &str| zanlex::TimeState::Expired {
        since: day("2017-01-01"),
        part: None,
        under: Some("art_67__para_2".into()),
        set_by: Some(zanlex::NamedAct {
            kind: zanlex::ActKind::Law,
            date: Some(day("2016-04-06")),
            number: Some("480-V".into()),
            citation: citation.into(),
        }),
    };

    // The library: expired since 01.01.2017 in both languages, its text still readable.
    let index = crate::common::build_clean(
        &corpus,
        tmp.path().join("lib-index"),
        &zanlex::BuildOptions::default(),
    );
    for (lang, text, citation) in [
        (
            zanlex::Lang::Ru,
            "3. Действовал до 01.01.2017 в соответствии с Законом РК от 06.04.2016 № 480-V (порядок введения в действие см. ст. 67).",
            LEGAL_ACTS_RU,
        ),
        (
            zanlex::Lang::Kk,
            "3. 01.01.2017 дейін қолданыста болды - ҚР 06.04.2016 N 480-V Заңымен.",
            LEGAL_ACTS_KK,
        ),
    ] {
        for eid in ["art_38__para_3", "art_39__para_3"] {
            let at = index
                .unit_as_of(LEGAL_ACTS, eid, Some(lang), Some(day(today)))
                .expect("the unit");
            assert_eq!(at.state, expired(citation), "{eid} {lang:?}");
            let unit = at.unit.as_ref().expect("its wording is shown");
            assert_eq!(unit.full_text(), text, "{eid} {lang:?}");
            // The act the words name, linked: the corpus holds it (it is this law).
            let answer = index
                .unit_answer(LEGAL_ACTS, eid, Some(lang), Some(day(today)))
                .expect("the unit");
            assert_eq!(
                serde_json::to_value(&answer.state_by).expect("JSON"),
                legal_acts_link(citation),
                "{eid} {lang:?}"
            );
        }
    }
    // Before the day it applied: not expired, no act named; its wording of that day is not in
    // the corpus (its earliest edition is of 01.01.2020), so no text is shown as in force.
    let then = index
        .unit_answer(
            LEGAL_ACTS,
            "art_38__para_3",
            Some(zanlex::Lang::Ru),
            Some(day(BEFORE_2017)),
        )
        .expect("the unit");
    assert_eq!(
        serde_json::to_value(&then.state).expect("JSON"),
        not_in_corpus_before_2017()
    );
    assert_eq!(then.state_by, None);
    assert_eq!(then.text, "");
    // Paragraph 1 of the same article is in force.
    let p1 = index
        .unit_as_of(
            LEGAL_ACTS,
            "art_38__para_1",
            Some(zanlex::Lang::Ru),
            Some(day(today)),
        )
        .expect("the unit");
    assert_eq!(p1.state, zanlex::TimeState::InForce);

    // The CLI.
    let ru = show(
        &tmp,
        &corpus,
        &format!("{LEGAL_ACTS}#art_38__para_3"),
        today,
        "ru",
    );
    assert_eq!(ru["state"], expired_json(LEGAL_ACTS_RU));
    assert_eq!(
        ru["state_text"],
        "не действует с 01.01.2017 (основание — пункт 2 статьи 67 настоящего акта; Закон РК от \
         06.04.2016 № 480-V); показана последняя редакция"
    );
    assert_eq!(ru["state_by"], legal_acts_link(LEGAL_ACTS_RU));
    assert_eq!(
        ru["text"],
        "3. Действовал до 01.01.2017 в соответствии с Законом РК от 06.04.2016 № 480-V (порядок введения в действие см. ст. 67)."
    );
    let ru_then = show(
        &tmp,
        &corpus,
        &format!("{LEGAL_ACTS}#art_38__para_3"),
        BEFORE_2017,
        "ru",
    );
    assert_eq!(ru_then["state"], not_in_corpus_before_2017());
    assert_eq!(ru_then["text"], "");
    let kk = show(
        &tmp,
        &corpus,
        &format!("{LEGAL_ACTS}#art_39__para_3"),
        today,
        "kk",
    );
    assert_eq!(kk["state"], expired_json(LEGAL_ACTS_KK));
    assert_eq!(
        kk["state_text"],
        "осы актінің 67-бабының 2-тармағына сәйкес 01.01.2017 бастап қолданылмайды (негізі – \
         ҚР 06.04.2016 № 480-V Заңы); соңғы редакциясы көрсетілген"
    );
    assert_eq!(kk["state_by"], legal_acts_link(LEGAL_ACTS_KK));

    // A search of the law in force today ranks the expired paragraphs with the repealed ones
    // (half their score): below article 66's subparagraph 1, in force, which matches the
    // words less closely than they do, as a search on a day before 2017 ranks them (their
    // wording of that day not in the corpus, their score whole).
    let corpus_arg = corpus.to_str().expect("utf-8 path");
    let search = |as_of: Option<&str>| -> Vec<(String, f64, String, String)> {
        let mut args = vec!["search", "действовал до 2017 года", "--lang", "ru"];
        if let Some(d) = as_of {
            args.extend(["--as-of", d]);
        }
        args.extend(["--json", "--corpus", corpus_arg]);
        let (code, out, err) = zanlex_with(&tmp, &args);
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).expect("JSON");
        v["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| {
                (
                    h["unit"]["eid"].as_str().unwrap_or("").to_string(),
                    h["score"].as_f64().unwrap_or(0.0),
                    h["version"]["state"]["kind"]
                        .as_str()
                        .unwrap_or("")
                        .to_string(),
                    h["version"]["state"]["set_by"]["citation"]
                        .as_str()
                        .unwrap_or("")
                        .to_string(),
                )
            })
            .collect()
    };
    let eids = |hits: &[(String, f64, String, String)]| -> Vec<String> {
        hits.iter().map(|h| h.0.clone()).collect()
    };
    let today_hits = search(None);
    assert_eq!(
        eids(&today_hits),
        [
            "art_67__para_2",
            "art_66__subpara_2",
            "art_66__subpara_1",
            "art_38__para_3",
            "art_39__para_3"
        ]
    );
    assert_eq!(today_hits[3].2, "expired");
    assert_eq!(today_hits[3].3, LEGAL_ACTS_RU);
    let before = search(Some(BEFORE_2017));
    assert_eq!(
        eids(&before),
        [
            "art_67__para_2",
            "art_66__subpara_2",
            "art_38__para_3",
            "art_39__para_3",
            "art_66__subpara_1"
        ]
    );
    assert!(
        (before[2].1 - 2.0 * today_hits[3].1).abs() < 1e-3,
        "{before:?} {today_hits:?}"
    );

    // `/v1` and MCP `at_date` say the same.
    let index_dir = tmp.path().join("api-index");
    let server = super::serve_api::Server::start(&corpus, &index_dir, &[]);
    let body = api_get(
        &server,
        &format!("/v1/acts/{LEGAL_ACTS}/units/art_38__para_3?as_of={today}&lang=ru"),
    );
    assert_eq!(body["state"], expired_json(LEGAL_ACTS_RU));
    assert_eq!(body["state_by"], legal_acts_link(LEGAL_ACTS_RU));
    assert_eq!(body["text"], ru["text"]);
    let then = api_get(
        &server,
        &format!("/v1/acts/{LEGAL_ACTS}/units/art_38__para_3?as_of={BEFORE_2017}&lang=ru"),
    );
    assert_eq!(then["state"], not_in_corpus_before_2017());
    assert_eq!(then["text"], "");
    drop(server);
    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &tmp.path().join("index-mcp")).await;
        let target = format!("{LEGAL_ACTS}#art_38__para_3");
        let then = at_date(&client, &target, BEFORE_2017, Some("ru")).await;
        assert_eq!(then["state"], not_in_corpus_before_2017());
        assert_eq!(then["text"], "");
        let at = at_date(&client, &target, today, Some("ru")).await;
        assert_eq!(at["state"], expired_json(LEGAL_ACTS_RU));
        assert_eq!(at["state_by"], legal_acts_link(LEGAL_ACTS_RU));
        assert!(
            at["state_text"].as_str().is_some_and(|s| s.ends_with(
                "; expiry set by law-2016-04-06-480-v (Закон РК от 06.04.2016 № 480-V)"
            )),
            "{at:#}"
        );
        assert_eq!(at["text"], ru["text"]);
        client.cancel().await.expect("close the session");
    });
}

/// The Almaty oblast maslikhat decision of 15.12.2020 № 64-340 (code 150276,
/// `tests/fixtures/mirror/local-almaty-oblast`): «3. Настоящее решение вступает в силу со дня
/// государственной регистрации в органах юстиции и вводится в действие по истечении десяти
/// календарных дней после дня его первого официального опубликования» (Kazakh «3. Осы шешім
/// әділет органдарында мемлекеттік тіркелген күннен бастап күшіне енеді және алғашқы ресми
/// жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі»), its
/// requisite «Зарегистрировано Департаментом юстиции Алматинской области 23 декабря 2020 года
/// № 5834». It cannot be published before it is registered (the Law on Legal Acts, articles
/// 38 and 39), so with its publication day unknown it is in force not before ~02.01.2021
/// (registration + 10), estimated, not ~25.12.2020 (signing + 10).
const PASTURE_DIR: &str = "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti/2020/1215-ob-utverzhdenii-pravil-vypasa-selskokhoziaistvennykh-zhivotnykh-150276";

#[test]
fn a_count_from_publication_runs_from_the_registration_day() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    copy_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/mirror")
            .join(PASTURE_DIR),
        &corpus.join(PASTURE_DIR),
    );
    let unit = "maslikhat-decision-2020-12-15-64-340#para_1";
    let ru = show(&tmp, &corpus, unit, "2020-12-28", "ru");
    assert_eq!(
        ru["state"],
        json!({"kind": "not_yet_in_force", "adopted": "2020-12-15", "from": "2021-01-02",
               "estimated": true, "rule": {"rule": "days_after_publication", "days": 10}})
    );
    assert_eq!(
        ru["state_text"],
        "на 28.12.2020 не вступил в силу: вводится в действие по истечении 10 календарных дней \
         после первого официального опубликования, не ранее ~02.01.2021"
    );
    assert_eq!(ru["text"], "", "no wording is shown as in force");
    let kk = show(&tmp, &corpus, unit, "2021-01-01", "kk");
    assert_eq!(
        kk["state_text"],
        "01.01.2021 күні қолданысқа енгізілмеген: алғашқы ресми жарияланған күнінен кейін \
         күнтізбелік 10 күн өткен соң қолданысқа енгізіледі, ~02.01.2021 бұрын емес"
    );
    for lang in ["ru", "kk"] {
        let on = show(&tmp, &corpus, unit, "2021-01-02", lang);
        assert_eq!(on["state"], json!({"kind": "in_force"}), "{lang}");
        assert_eq!(on["edition"]["from"], "2021-01-02", "{lang}");
        assert_eq!(on["edition"]["from_estimated"], true, "{lang}");
    }
}

/// The order of the Minister of Justice of 03.07.2003 № 133 «Об утверждении Правил ведения
/// мониторинга нормативных правовых актов …» (code 16296, `tests/fixtures/clock/ministerial`,
/// copied from `kazakhstan-law/ministerial`), whose requisite opens «Сноска. Действие приказа
/// приостановлено - приказом Министра юстиции Республики Казахстан от 16 октября 2003 года N
/// 218.» and ends «Утратил силу приказом … от 25 сентября 2006 года N 256». The suspending
/// order's day in force is not printed there, so the order is suspended not before ~16.10.2003,
/// estimated (its signing day, the earliest it can be), the suspending order named; never
/// before that day; repealed from ~25.09.2006. The note is no part of the act's own issuance.
const SUSPENDED_DIR: &str =
    "0702-ob-utverzhdenii-pravil-vedeniia-monitoringa-normativnykh-pravovy-16296";
const SUSPENDED: &str = "moj-order-2003-07-03-133";
const SUSPENDER: &str =
    "приказом Министра юстиции Республики Казахстан от 16 октября 2003 года N 218";

#[test]
fn an_order_suspended_by_another_in_every_door() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    copy_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/clock/ministerial")
            .join(SUSPENDED_DIR),
        &corpus.join("ministerial").join(SUSPENDED_DIR),
    );
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date");
    let suspended = zanlex::TimeState::Suspended {
        from: Some(day("2003-10-16")),
        until: None,
        estimated: true,
        by: Some(SUSPENDER.to_string()),
    };
    let state_json = json!({"kind": "suspended", "from": "2003-10-16", "estimated": true,
                            "by": SUSPENDER});
    let ru_words =
        format!("действие приостановлено {SUSPENDER} не ранее ~16.10.2003 (оценка); текст показан");

    // The library: the act is the order of 03.07.2003 № 133, suspended from ~16.10.2003 in
    // both languages, its text readable; in force the day before; repealed from ~25.09.2006.
    let index = crate::common::build_clean(
        &corpus,
        tmp.path().join("lib-index"),
        &zanlex::BuildOptions::default(),
    );
    let act = index.act(SUSPENDED).expect("the order");
    assert_eq!(act.kind, zanlex::ActKind::Order);
    for lang in [zanlex::Lang::Ru, zanlex::Lang::Kk] {
        let at = |d: &str| {
            index
                .unit_as_of(SUSPENDED, "att_1__para_2", Some(lang), Some(day(d)))
                .expect("the unit")
        };
        let on = at("2004-06-01");
        assert_eq!(on.state, suspended, "{lang:?}");
        assert!(on.unit.is_some(), "its wording is shown");
        assert_eq!(at("2003-10-15").state, zanlex::TimeState::InForce);
        assert_eq!(at("2003-10-16").state, suspended);
        assert_eq!(
            at("2006-09-25").state,
            zanlex::TimeState::Repealed {
                since: Some(day("2006-09-25")),
                estimated: true
            }
        );
    }

    // The CLI: JSON and text.
    let unit = format!("{SUSPENDED}#att_1__para_2");
    let ru = show(&tmp, &corpus, &unit, "2004-06-01", "ru");
    assert_eq!(ru["state"], state_json);
    assert_eq!(ru["state_text"], ru_words.as_str());
    assert_eq!(
        ru["text"],
        "2. Действие настоящих Правил не распространяется на нормативные правовые акты, \
         содержащие сведения, касающиеся государственных секретов Республики Казахстан."
    );
    let kk = show(&tmp, &corpus, &unit, "2004-06-01", "kk");
    assert_eq!(kk["state"], state_json);
    assert_eq!(
        kk["state_text"],
        format!(
            "қолданылуы ~16.10.2003 бұрын емес (бағалау) тоқтатыла тұрған — {SUSPENDER}; \
             мәтіні көрсетілген"
        )
    );
    assert_eq!(
        show(&tmp, &corpus, &unit, "2003-10-15", "ru")["state"],
        json!({"kind": "in_force"})
    );
    let corpus_arg = corpus.to_str().expect("utf-8 path");
    let (code, out, err) = zanlex_with(
        &tmp,
        &[
            "show",
            &unit,
            "--as-of",
            "2004-06-01",
            "--lang",
            "ru",
            "--corpus",
            corpus_arg,
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(&format!(
            "suspended by {SUSPENDER} not before ~2003-10-16 (estimated); its wording is shown"
        )),
        "{out}"
    );
    // The whole act on the date: one state, the suspension.
    let (code, out, err) = zanlex_with(
        &tmp,
        &[
            "show",
            SUSPENDED,
            "--as-of",
            "2004-06-01",
            "--lang",
            "ru",
            "--corpus",
            corpus_arg,
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("State: {ru_words}")), "{out}");
    // A search on the date finds its units, suspended.
    let (code, out, err) = zanlex_with(
        &tmp,
        &[
            "search",
            "государственных секретов",
            "--as-of",
            "2004-06-01",
            "--lang",
            "ru",
            "--json",
            "--corpus",
            corpus_arg,
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["hits"][0]["unit"]["eid"], "att_1__para_2");
    assert_eq!(v["hits"][0]["version"]["state"], state_json);

    // `/v1`: the unit, and the act as the page's banner reads it.
    let server = super::serve_api::Server::start(&corpus, &tmp.path().join("api-index"), &[]);
    let get = |path: &str| api_get(&server, path);
    let body = get(&format!(
        "/v1/acts/{SUSPENDED}/units/att_1__para_2?as_of=2004-06-01&lang=ru"
    ));
    assert_eq!(body["state"], state_json);
    assert_eq!(body["state_text"], ru_words.as_str());
    assert_eq!(body["text"], ru["text"]);
    let outline = get(&format!("/v1/acts/{SUSPENDED}?as_of=2004-06-01&lang=ru"));
    assert_eq!(outline["state"], state_json);
    assert_eq!(outline["state_text"], ru_words.as_str());
    let before = get(&format!("/v1/acts/{SUSPENDED}?as_of=2003-10-15&lang=ru"));
    assert_eq!(before["state"], Value::Null, "in force the day before");
    drop(server);

    // MCP `at_date`.
    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &tmp.path().join("index-mcp")).await;
        let at = at_date(&client, &unit, "2004-06-01", Some("ru")).await;
        assert_eq!(at["state"], state_json);
        assert_eq!(at["text"], ru["text"]);
        client.cancel().await.expect("close the session");
    });
}

/// The Law on Responsible Treatment of Animals of 30.12.2021 № 97-VII (code 162833,
/// `tests/fixtures/clock/codes`, the edition of 19.04.2023). Its article 30, paragraph 2,
/// suspends paragraph 3 of article 18 until 01.01.2029 and gives it two wordings for the
/// period: «1) со дня введения в действие настоящего Закона до 1 января 2025 года: «3. …»» and
/// «2) с 1 января 2025 года до 1 января 2029 года: «3. …»». The database prints the first under
/// article 18 with «Сноска. Данная редакция пункта 3 действует до 01.01.2025 в соответствии с
/// подпунктом 1) пункта 2 статьи 30 настоящего Закона.» (Kazakh «3-тармағының осы редакциясы
/// 01.01.2025 дейін қолданылады - …»): from 01.01.2025 that wording no longer applies, but the
/// paragraph does, in the second wording; it is not a paragraph that stopped applying.
const ANIMALS_DIR: &str = "1230-ob-otvetstvennom-obrashchenii-s-zhivotnymi-162833";

/// A corpus, under `dir`, of one act's folder of `tests/fixtures/clock/GROUP`, in the mirror's
/// layout.
fn clock_act_corpus(dir: &Path, group: &str, folder: &str) -> PathBuf {
    let corpus = dir.join("corpus");
    copy_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/clock")
            .join(group)
            .join(folder),
        &corpus.join(group).join(folder),
    );
    corpus
}

/// A corpus of law 162833 alone, under `dir`.
fn animals_corpus(dir: &Path) -> PathBuf {
    clock_act_corpus(dir, "codes", ANIMALS_DIR)
}

#[test]
fn a_wording_that_applied_until_a_day_is_not_the_unit_expired() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = animals_corpus(tmp.path());
    let unit = "law-2021-12-30-97-vii#art_18__para_3";
    // After 01.01.2029 (the period of article 30's wordings over), the printed wording still
    // no longer applies; the paragraph's own wording is not printed.
    let ru = show(&tmp, &corpus, unit, "2030-06-01", "ru");
    assert_eq!(
        ru["state"],
        json!({"kind": "expired", "since": "2025-01-01", "part": "данная редакция",
               "under": "art_30__para_2__subpara_1"})
    );
    assert_eq!(
        ru["state_text"],
        "данная редакция не действует с 01.01.2025 (основание — подпункт 1) пункта 2 статьи 30 \
         настоящего акта); текст показан"
    );
    // Before 2025 the wording printed is the one the suspension gives: suspended until 2029,
    // its wording shown.
    let before = show(&tmp, &corpus, unit, "2024-06-01", "ru");
    assert_eq!(
        before["state"],
        json!({"kind": "suspended", "until": "2029-01-01"})
    );
    assert!(
        before["text"]
            .as_str()
            .is_some_and(|t| t
                .starts_with("3. Не допускается использовать животных в передвижных зверинцах")),
        "{}",
        before["text"]
    );
}

/// The Kazakh text of 162833 prints the same note on article 18, paragraph 3, in its own
/// words, the unit named in the genitive: «Ескерту. 3-тармағының осы редакциясы 01.01.2025
/// дейін қолданылады - осы Заңның 30-бабы 2-тармағының 1) тармақшаcымен.». It names the
/// paragraph the note is on, and the wording printed stops applying on 01.01.2025, as in
/// Russian; and article 30's own suspension, «Осы Заңның 18-бабы 3-тармағының қолданысы 2029
/// жылғы 1 қаңтарға дейін тоқтатыла тұрсын», reaches the paragraph it names.
#[test]
fn the_kazakh_note_on_a_wording_until_a_day_names_its_paragraph() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = animals_corpus(tmp.path());
    let unit = "law-2021-12-30-97-vii#art_18__para_3";
    let kk = show(&tmp, &corpus, unit, "2030-06-01", "kk");
    assert_eq!(
        kk["state"],
        json!({"kind": "expired", "since": "2025-01-01", "part": "осы редакциясы",
               "under": "art_30__para_2__subpara_1"})
    );
    assert_eq!(
        kk["state_text"],
        "осы редакциясы: осы актінің 30-бабының 2-тармағының 1) тармақшасына сәйкес 01.01.2025 \
         бастап қолданылмайды; мәтіні көрсетілген"
    );
    let before = show(&tmp, &corpus, unit, "2024-06-01", "kk");
    assert_eq!(
        before["state"],
        json!({"kind": "suspended", "until": "2029-01-01"})
    );
    assert!(
        before["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("3. Егер жануарларды ұстау")),
        "{}",
        before["text"]
    );
    // Article 7, subparagraph 2): its Kazakh note and article 30, paragraph 1 («Осы Заңның
    // 7-бабы 2) тармақшасының қолданысы 2025 жылғы 1 қаңтарға дейін тоқтатыла тұрсын»).
    let sub = "law-2021-12-30-97-vii#art_7__subpara_2";
    assert_eq!(
        show(&tmp, &corpus, sub, "2024-06-01", "kk")["state"],
        json!({"kind": "suspended", "until": "2025-01-01"})
    );
    assert_eq!(
        show(&tmp, &corpus, sub, "2026-06-01", "kk")["state"],
        json!({"kind": "expired", "since": "2025-01-01", "part": "осы редакциясы",
               "under": "art_30__para_1"})
    );
}

/// Article 30, paragraph 2, subparagraph 2) of 162833 gives article 18, paragraph 3, its
/// wording from 01.01.2025 to 01.01.2029 («3. Не допускается использовать животных в
/// дельфинариях, стационарных океанариумах, …»), which the text prints only there: asked on a
/// day of that period, the paragraph answers with that wording, in force, its period and the
/// provision that gives it named, in every door; before it the printed wording, after it the
/// printed wording marked as no longer applying.
#[test]
fn a_wording_given_for_a_period_answers_in_its_period_in_every_door() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = animals_corpus(tmp.path());
    const ACT: &str = "law-2021-12-30-97-vii";
    const EID: &str = "art_18__para_3";
    const RU: &str = "3. Не допускается использовать животных в дельфинариях, стационарных \
                      океанариумах, если их содержание, перевозка не позволяют обеспечивать \
                      наиболее эффективное использование животных в соответствии с \
                      биологическими, видовыми и индивидуальными особенностями, не причиняя \
                      вреда их жизни и здоровью.";
    const KK: &str = "3. Егер жануарларды ұстау, тасымалдау олардың тіршілігі мен саулығына \
                      зиян келтірмей, биологиялық, түрлік және жеке ерекшеліктеріне сәйкес \
                      неғұрлым тиімді пайдалануды қамтамасыз етуге мүмкіндік бермесе, \
                      жануарларды дельфинарийлерде, стационарлық океанариумдарда пайдалануға \
                      жол берілмейді.";
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date");

    // The library, both languages.
    let index = crate::common::build_clean(
        &corpus,
        tmp.path().join("lib-index"),
        &zanlex::BuildOptions::default(),
    );
    for (lang, wording) in [(zanlex::Lang::Ru, RU), (zanlex::Lang::Kk, KK)] {
        let at = index
            .unit_as_of(ACT, EID, Some(lang), Some(day("2026-06-01")))
            .expect("the unit");
        assert_eq!(at.state, zanlex::TimeState::InForce, "{lang:?}");
        assert_eq!(
            at.unit.as_ref().map(|u| u.text.as_str()),
            Some(wording),
            "{lang:?}"
        );
        let edition = at.edition.expect("its edition");
        assert_eq!(
            (edition.from, edition.to),
            (Some(day("2025-01-01")), Some(day("2029-01-01")))
        );
        assert_eq!(
            edition.basis,
            "the wording this act's provision art_30__para_2__subpara_2 gives the unit for \
             2025-01-01 – 2029-01-01"
        );
        // The provision giving it, cited as the text cites a provision of its own.
        let given = edition.given_in.expect("the provision giving it");
        assert_eq!(
            (given.eid.as_str(), given.citation.as_str()),
            (
                "art_30__para_2__subpara_2",
                match lang {
                    zanlex::Lang::Ru => "подпункт 2) пункта 2 статьи 30 настоящего акта",
                    zanlex::Lang::Kk => "осы актінің 30-бабының 2-тармағының 2) тармақшасы",
                }
            )
        );
        // Its place: article 30's subparagraph, not article 18.
        assert_eq!((edition.line_start, edition.line_end), (597, 599));
        // The last day before the period: the printed wording, the paragraph suspended.
        let before = index
            .unit_as_of(ACT, EID, Some(lang), Some(day("2024-12-31")))
            .expect("the unit");
        assert!(
            matches!(before.state, zanlex::TimeState::Suspended { .. }),
            "{:?}",
            before.state
        );
        assert_ne!(before.unit.map(|u| u.text), Some(wording.to_string()));
        // From 01.01.2029: the printed wording no longer applies.
        let after = index
            .unit_as_of(ACT, EID, Some(lang), Some(day("2029-01-01")))
            .expect("the unit");
        assert!(
            matches!(
                after.state,
                zanlex::TimeState::Expired { part: Some(_), .. }
            ),
            "{:?}",
            after.state
        );
    }

    // `show --json`.
    let target = format!("{ACT}#{EID}");
    let given = |citation: &str| json!({"eid": "art_30__para_2__subpara_2", "citation": citation});
    let given_ru = given("подпункт 2) пункта 2 статьи 30 настоящего акта");
    let ru = show(&tmp, &corpus, &target, "2026-06-01", "ru");
    assert_eq!(ru["state"], json!({"kind": "in_force"}));
    assert_eq!(ru["text"], RU);
    assert_eq!(ru["edition"]["from"], "2025-01-01");
    assert_eq!(ru["edition"]["to"], "2029-01-01");
    assert_eq!(ru["edition"]["given_in"], given_ru);
    let kk = show(&tmp, &corpus, &target, "2026-06-01", "kk");
    assert_eq!(kk["state"], json!({"kind": "in_force"}));
    assert_eq!(kk["text"], KK);
    assert_eq!(
        kk["edition"]["given_in"],
        given("осы актінің 30-бабының 2-тармағының 2) тармақшасы")
    );
    // The edition printing the unit's own wording names no provision giving it.
    let printed = show(&tmp, &corpus, &target, "2029-01-01", "ru");
    assert_eq!(printed["edition"]["given_in"], Value::Null, "{printed:#}");

    // `/v1`: the unit, and the act on the date as the page reads it.
    let server = super::serve_api::Server::start(&corpus, &tmp.path().join("api-index"), &[]);
    let get = |path: &str| api_get(&server, path);
    let body = get(&format!(
        "/v1/acts/{ACT}/units/{EID}?as_of=2026-06-01&lang=ru"
    ));
    assert_eq!(body["state"], json!({"kind": "in_force"}));
    assert_eq!(body["text"], RU);
    assert_eq!(body["edition"]["from"], "2025-01-01");
    assert_eq!(body["edition"]["to"], "2029-01-01");
    assert_eq!(body["edition"]["given_in"], given_ru);
    let outline = get(&format!(
        "/v1/acts/{ACT}?as_of=2026-06-01&lang=ru&text=true"
    ));
    let text = find_unit_text(&outline, EID);
    assert_eq!(text.as_deref(), Some(RU), "{outline}");
    drop(server);

    // MCP `at_date`.
    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &tmp.path().join("index-mcp")).await;
        let at = at_date(&client, &target, "2026-06-01", Some("ru")).await;
        assert_eq!(at["state"], json!({"kind": "in_force"}));
        assert_eq!(at["text"], RU);
        assert_eq!(at["edition"]["given_in"], given_ru);
        client.cancel().await.expect("close the session");
    });
}

/// The text of unit `eid` in an act's outline as `/v1/acts/{id}` gives it.
fn find_unit_text(v: &Value, eid: &str) -> Option<String> {
    match v {
        Value::Object(m) => {
            if m.get("eid").and_then(Value::as_str) == Some(eid) {
                if let Some(t) = m.get("text").and_then(Value::as_str) {
                    return Some(t.to_string());
                }
            }
            m.values().find_map(|x| find_unit_text(x, eid))
        }
        Value::Array(a) => a.iter().find_map(|x| find_unit_text(x, eid)),
        _ => None,
    }
}

/// The Astana maslikhat's decision of 09.07.2008 № 117/18-IV (41560) prints its commencement in
/// Kazakh as «Осы шешім алғашқы ресми жарияланғаннан кейін күнтізбелік он күн өткен соң
/// қолданысқа енеді» (`қолданысқа енеді`, not `қолданысқа енгізіледі`), in Russian as «…
/// вводится в действие по истечении десяти календарных дней после дня их первого официального
/// опубликования». Both texts are the same act's: neither is in force before its ten days,
/// counted from its state registration (15.08.2008), the earliest it can have been published.
#[test]
fn a_kazakh_commencement_worded_kolodanysqa_enedi_is_read() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    const DIR: &str = "0709-o-dopolnitelnom-lekarstvennom-obespechenii-41560";
    copy_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/clock/local-astana")
            .join(DIR),
        &corpus.join("local-astana").join(DIR),
    );
    let unit = "maslikhat-decision-2008-07-09-117-18-iv#para_1";
    let want = json!({"kind": "not_yet_in_force", "adopted": "2008-07-09", "from": "2008-08-25",
                      "estimated": true, "rule": {"rule": "days_after_publication", "days": 10}});
    assert_eq!(show(&tmp, &corpus, unit, "2008-07-12", "ru")["state"], want);
    let kk = show(&tmp, &corpus, unit, "2008-07-12", "kk");
    assert_eq!(kk["state"], want);
    assert_eq!(
        kk["state_text"],
        "12.07.2008 күні қолданысқа енгізілмеген: алғашқы ресми жарияланған күнінен кейін \
         күнтізбелік 10 күн өткен соң қолданысқа енгізіледі, ~25.08.2008 бұрын емес"
    );
    assert_eq!(
        show(&tmp, &corpus, unit, "2008-08-25", "kk")["state"],
        json!({"kind": "in_force"})
    );
}

/// The Astana maslikhat's decision of 02.05.2002 № 161/30-II (12312, the edition of
/// 28.05.2010, `tests/fixtures/clock/local-astana`, copied from `kazakhstan-law/local-astana`):
/// its point 1 reads «Сноска. Пункт 1 с изменениями, внесенными решением маслихата города
/// Астаны от 28.05.2010 N 358/48-IV (порядок введения в действие см. п. 2)» (Kazakh: «…
/// (қолданысқа енгізілу тәртібін 2-тармақтан қараңыз) Шешімімен»). The amending decision is
/// not in the corpus, so the day its point 2 sets is unknown: the wording is never in force
/// before 28.05.2010 (its signing), and from then on no door calls it in force; each names the
/// decision and its point 2. The Russian preamble, changed by a decision in force ten days
/// after its publication, is in force beside it; the decision is repealed from ~24.09.2013.
const AWAITING_DIR: &str =
    "0501-o-dopolnitelnom-reglamentirovanii-poriadka-i-mest-dlia-provedeni-12312";
const AWAITING: &str = "maslikhat-decision-2002-05-02-161-30-ii";
/// The amending decision of 28.05.2010 № 358/48-IV as each text cites it: Russian, Kazakh.
const AWAITING_CITATION: [&str; 2] = [
    "Решение маслихата города Астаны от 28.05.2010 № 358/48-IV",
    "Астана қаласы Мәслихатының 28.05.2010 № 358/48-IV шешімі",
];

/// The awaiting act's folder alone, as a corpus under `dir`.
fn awaiting_corpus(dir: &Path) -> PathBuf {
    clock_act_corpus(dir, "local-astana", AWAITING_DIR)
}

#[test]
fn a_wording_whose_day_another_act_sets_is_never_in_force_in_any_door() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = awaiting_corpus(tmp.path());
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date");
    let set_by = |lang: zanlex::Lang| zanlex::DaySetBy {
        kind: zanlex::ActKind::Decision,
        date: Some(day("2010-05-28")),
        number: Some("358/48-IV".into()),
        citation: AWAITING_CITATION[usize::from(lang == zanlex::Lang::Kk)].to_string(),
        provision: "2".into(),
        paragraph: true,
        in_corpus: false,
    };
    let awaiting = |lang| zanlex::TimeState::AwaitingOtherAct {
        not_before: day("2010-05-28"),
        set_by: set_by(lang),
        later_change: None,
    };
    let state_json = |i: usize| {
        json!({"kind": "awaiting_other_act", "not_before": "2010-05-28", "set_by": {
            "kind": "decision", "date": "2010-05-28", "number": "358/48-IV",
            "citation": AWAITING_CITATION[i], "provision": "2", "paragraph": true,
            "in_corpus": false}})
    };
    let ru_words = format!(
        "вводится в действие не ранее 28.05.2010; день устанавливает пункт 2 вносящего \
         изменения акта ({}), которого нет в корпусе: действует ли редакция на 01.01.2011, \
         неизвестно; текст показан",
        AWAITING_CITATION[0]
    );
    let kk_words = format!(
        "28.05.2010 бұрын емес қолданысқа енгізіледі; күнін өзгерістер енгізген актінің ({}) \
         2-тармағы белгілейді, ол акт корпуста жоқ: 01.01.2011 күні қолданыста екені белгісіз; \
         редакциясы көрсетілген",
        AWAITING_CITATION[1]
    );
    let en_words = |i: usize| {
        format!(
            "not in force before 2010-05-28; from then the day it takes effect is set by \
             paragraph 2 of {}, an act the corpus does not hold: not known to be in force on \
             2011-01-01; the wording is shown",
            AWAITING_CITATION[i]
        )
    };

    // The library: the day before the signing the wording is not in the corpus (the edition
    // of 28.05.2010 is the earliest); from it, and on 01.01.2011, its day is unknown, the
    // wording shown; repealed later. The preamble's Russian wording is in force then.
    let index = crate::common::build_clean(
        &corpus,
        tmp.path().join("lib-index"),
        &zanlex::BuildOptions::default(),
    );
    for lang in [zanlex::Lang::Ru, zanlex::Lang::Kk] {
        let at = |d: &str| {
            index
                .unit_as_of(AWAITING, "para_1", Some(lang), Some(day(d)))
                .expect("the unit")
        };
        let on = at("2011-01-01");
        assert_eq!(on.state, awaiting(lang), "{lang:?}");
        assert!(on.unit.is_some(), "its wording is shown");
        assert!(!on.state.is_in_force());
        assert_eq!(at("2010-05-28").state, awaiting(lang), "{lang:?}");
        assert_eq!(at("2010-05-27").state.as_str(), "not_in_corpus", "{lang:?}");
        assert_eq!(at("2014-01-01").state.as_str(), "repealed", "{lang:?}");
    }
    let preamble = index
        .unit_as_of(
            AWAITING,
            "preamble",
            Some(zanlex::Lang::Ru),
            Some(day("2011-01-01")),
        )
        .expect("the preamble");
    assert_eq!(preamble.state, zanlex::TimeState::InForce);

    // The CLI: JSON in both languages, and text.
    let unit = format!("{AWAITING}#para_1");
    let ru = show(&tmp, &corpus, &unit, "2011-01-01", "ru");
    assert_eq!(ru["state"], state_json(0));
    assert_eq!(ru["state_text"], ru_words.as_str());
    assert_eq!(
        ru["text"],
        "1. Определить местами проведения мирных собраний, митингов и пикетов в городе Астане \
         территории прилегающие к зданиям:\nПКФ \"Газсервис\"(улица Вторая Нагорная, 1)"
    );
    let kk = show(&tmp, &corpus, &unit, "2011-01-01", "kk");
    assert_eq!(kk["state"], state_json(1));
    assert_eq!(kk["state_text"], kk_words.as_str());
    let corpus_arg = corpus.to_str().expect("utf-8 path");
    let (code, out, err) = zanlex_with(
        &tmp,
        &[
            "show",
            &unit,
            "--as-of",
            "2011-01-01",
            "--lang",
            "ru",
            "--corpus",
            corpus_arg,
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&en_words(0)), "{out}");
    assert!(!out.contains("in force on 2011-01-01\n"), "{out}");
    // A search on the date finds point 1 with that state, the preamble in force.
    let (code, out, err) = zanlex_with(
        &tmp,
        &[
            "search",
            "мирных собраний",
            "--as-of",
            "2011-01-01",
            "--lang",
            "ru",
            "--json",
            "--corpus",
            corpus_arg,
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let states: Vec<(Value, Value)> = v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| (h["unit"]["eid"].clone(), h["version"]["state"].clone()))
        .collect();
    assert_eq!(
        states,
        [
            (json!("para_1"), state_json(0)),
            (json!("preamble"), json!({"kind": "in_force"}))
        ],
        "{v:#}"
    );

    // `/v1`: the unit, the act's units on the date, and a search on the date.
    let server = super::serve_api::Server::start(&corpus, &tmp.path().join("api-index"), &[]);
    let get = |path: &str| api_get(&server, path);
    let body = get(&format!(
        "/v1/acts/{AWAITING}/units/para_1?as_of=2011-01-01&lang=ru"
    ));
    assert_eq!(body["state"], state_json(0));
    assert_eq!(body["state_text"], ru_words.as_str());
    assert_eq!(body["text"], ru["text"]);
    let outline = get(&format!(
        "/v1/acts/{AWAITING}?as_of=2011-01-01&lang=kk&text=true"
    ));
    let units: Vec<(Value, Value)> = outline["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| (u["eid"].clone(), u["state"]["kind"].clone()))
        .collect();
    assert_eq!(
        units,
        [
            (json!("preamble"), json!("awaiting_other_act")),
            (json!("para_1"), json!("awaiting_other_act")),
            (json!("para_2"), json!("in_force")),
        ],
        "{outline:#}"
    );
    let found = get("/v1/search?q=%D0%BC%D0%B8%D1%80%D0%BD%D1%8B%D1%85%20%D1%81%D0%BE%D0%B1%D1%80%D0%B0%D0%BD%D0%B8%D0%B9&lang=ru&as_of=2011-01-01");
    assert_eq!(found["hits"][0]["unit"]["eid"], "para_1", "{found:#}");
    assert_eq!(found["hits"][0]["version"]["state"], state_json(0));
    drop(server);

    // MCP: `at_date` (its words in English) and `search` on the date.
    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &tmp.path().join("index-mcp")).await;
        let at = at_date(&client, &unit, "2011-01-01", Some("kk")).await;
        assert_eq!(at["state"], state_json(1));
        assert_eq!(at["state_text"], en_words(1).as_str());
        assert_eq!(at["text"], kk["text"]);
        let found = super::mcp_tools::ok(
            &client,
            "search",
            // The decision is repealed today: the tool leaves repealed acts out unless asked.
            json!({"query": "мирных собраний", "lang": "ru", "as_of": "2011-01-01",
                   "include_repealed": true}),
        )
        .await;
        assert_eq!(found["hits"][0]["unit"]["eid"], "para_1", "{found:#}");
        assert_eq!(found["hits"][0]["version"]["state"], state_json(0));
        client.cancel().await.expect("close the session");
    });
}

/// The Tax Code of 25.12.2017 № 120-VI (code 117004, `tests/fixtures/clock/codes`, its title,
/// head note and opening paragraph copied from `kazakhstan-law/codes`) prints no commencement
/// clause of its own: its head note reads «Сноска. Кодекс вводится в действие в соответствии
/// с Законом РК от 25.12.2017 № 121-VІ.» (Kazakh «Ескерту. Кодекс ҚР 25.12.2017 № 121-VI
/// Заңына сәйкес қолданысқа енгізіледі.»). That law, «О введении в действие …» (code 117063,
/// its title and article 1 copied), puts it into effect «с 1 января 2018 года, за исключением
/// …» (Kazakh «… қоспағанда, 2018 жылғы 1 қаңтардан бастап қолданысқа енгізілсін»).
const TAX_CODE_DIR: &str =
    "1225-o-nalogakh-i-drugikh-obiazatelnykh-platezhakh-v-biudzhet-nalogov-117004";
const TAX_LAW_DIR: &str =
    "1225-o-vvedenii-v-deistvie-kodeksa-respubliki-kazakhstan-o-nalogakh-i-117063";
const TAX_CODE: &str = "code-2017-12-25-120-vi";
/// The law as each text cites it: Russian, Kazakh.
const TAX_LAW_CITATION: [&str; 2] = [
    "Закон РК от 25.12.2017 № 121-VI",
    "ҚР 25.12.2017 № 121-VI Заңы",
];

/// Without the law in the corpus the code's day is not known: from the law's signing its text
/// is never called in force, in the library and the CLI, in both languages; with the law, the
/// code is not yet in force before 01.01.2018 and in force from that day, exactly.
#[test]
fn a_code_brought_into_effect_by_another_law_waits_for_it_or_takes_its_day() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = clock_act_corpus(tmp.path(), "codes", TAX_CODE_DIR);
    let target = format!("{TAX_CODE}#preamble");
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date");
    let set_by = |i: usize| {
        json!({"kind": "law", "date": "2017-12-25", "number": "121-VI",
               "citation": TAX_LAW_CITATION[i], "provision": "", "paragraph": false,
               "in_corpus": false})
    };

    // The library, the law absent.
    let index = crate::common::build_clean(
        &corpus,
        tmp.path().join("lib-index"),
        &zanlex::BuildOptions::default(),
    );
    for (i, lang) in [zanlex::Lang::Ru, zanlex::Lang::Kk].into_iter().enumerate() {
        let on = index
            .unit_as_of(TAX_CODE, "preamble", Some(lang), Some(day("2018-06-01")))
            .expect("the unit");
        assert_eq!(
            serde_json::to_value(&on.state).expect("JSON"),
            json!({"kind": "awaiting_other_act", "not_before": "2017-12-25", "set_by": set_by(i)}),
            "{lang:?}"
        );
        assert!(!on.state.is_in_force() && on.state.has_wording());
    }
    drop(index);

    // The CLI, the law absent.
    let ru = show(&tmp, &corpus, &target, "2018-06-01", "ru");
    assert_eq!(
        ru["state"],
        json!({"kind": "awaiting_other_act", "not_before": "2017-12-25", "set_by": set_by(0)})
    );
    assert_eq!(
        ru["state_text"],
        "вводится в действие не ранее 25.12.2017; день устанавливает Закон РК от 25.12.2017 № \
         121-VI, которого нет в корпусе: действует ли редакция на 01.06.2018, неизвестно; текст \
         показан"
    );
    let kk = show(&tmp, &corpus, &target, "2018-06-01", "kk");
    assert_eq!(
        kk["state_text"],
        "25.12.2017 бұрын емес қолданысқа енгізіледі; күнін ҚР 25.12.2017 № 121-VI Заңы \
         белгілейді, ол акт корпуста жоқ: 01.06.2018 күні қолданыста екені белгісіз; \
         редакциясы көрсетілген"
    );
    assert!(kk["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("Осы Кодекс салық салудың")));

    // The law in the corpus: its article 1 gives the day, in both languages.
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = clock_act_corpus(tmp.path(), "codes", TAX_CODE_DIR);
    clock_act_corpus(tmp.path(), "codes", TAX_LAW_DIR);
    for (i, lang) in ["ru", "kk"].into_iter().enumerate() {
        let before = show(&tmp, &corpus, &target, "2017-12-30", lang);
        assert_eq!(before["state"]["kind"], "not_yet_in_force", "{lang}");
        assert_eq!(before["state"]["from"], "2018-01-01", "{lang}");
        assert_eq!(before["state"].get("estimated"), None, "{lang}");
        assert_eq!(before["state"]["rule"]["rule"], "with_other_act", "{lang}");
        assert_eq!(before["state"]["rule"]["in_corpus"], true, "{lang}");
        assert_eq!(
            before["state"]["rule"]["on"]["basis"],
            format!(
                "article 1 of {}: fixed date in the text (2018-01-01)",
                TAX_LAW_CITATION[i]
            )
        );
        assert_eq!(before["text"], "", "{lang}");
        let after = show(&tmp, &corpus, &target, "2018-01-01", lang);
        assert!(
            after["state"]["kind"] == "in_force_before_earliest_edition",
            "{lang}: {}",
            after["state"]
        );
    }
    let before = show(&tmp, &corpus, &target, "2017-12-30", "ru");
    assert_eq!(
        before["state_text"],
        "на 30.12.2017 не вступил в силу: порядок введения в действие определяет Закон РК от \
         25.12.2017 № 121-VI, с 01.01.2018"
    );

    // The units the law excepts take the day it gives them: article 23 of the code «вводится
    // в действие с 1 января 2021 года» (item 4 of the law's article 1), in both languages;
    // the preamble is in force then.
    let art_23 = format!("{TAX_CODE}#art_23");
    for (i, lang) in ["ru", "kk"].into_iter().enumerate() {
        let before = show(&tmp, &corpus, &art_23, "2020-06-01", lang);
        assert_eq!(
            before["state"]["kind"], "not_yet_in_force",
            "{lang}: {before:#}"
        );
        assert_eq!(before["state"]["from"], "2021-01-01", "{lang}");
        assert_eq!(before["state"]["rule"]["rule"], "with_other_act", "{lang}");
        assert_eq!(
            before["state"]["rule"]["on"]["basis"],
            format!(
                "article 1 of {}: fixed date in the text (2021-01-01)",
                TAX_LAW_CITATION[i]
            )
        );
        assert_eq!(before["text"], "", "{lang}");
        let preamble = show(&tmp, &corpus, &target, "2020-06-01", lang);
        assert_eq!(
            preamble["state"]["kind"], "in_force_before_earliest_edition",
            "{lang}"
        );
        let after = show(&tmp, &corpus, &art_23, "2021-01-01", lang);
        assert_eq!(
            after["state"]["kind"], "in_force_before_earliest_edition",
            "{lang}: {after:#}"
        );
    }
    let before = show(&tmp, &corpus, &art_23, "2020-06-01", "ru");
    assert_eq!(
        before["state_text"],
        "на 01.06.2020 не вступил в силу: порядок введения в действие определяет Закон РК от \
         25.12.2017 № 121-VI, с 01.01.2021"
    );
}

/// The tied code over `/v1` and MCP, as the library and the CLI answer it: without the law,
/// its text on 01.06.2018 awaits the law's day (the unit, the act's units on the day, a search
/// on the day; MCP `at_date` and `search`); with the law, article 23 is not in force on
/// 01.06.2020, from 01.01.2021, the day the law's article 1 gives it.
#[test]
fn a_code_brought_into_effect_by_another_law_answers_alike_over_http_and_mcp() {
    let set_by = |i: usize| {
        json!({"kind": "law", "date": "2017-12-25", "number": "121-VI",
               "citation": TAX_LAW_CITATION[i], "provision": "", "paragraph": false,
               "in_corpus": false})
    };
    let awaiting = |i: usize| json!({"kind": "awaiting_other_act", "not_before": "2017-12-25", "set_by": set_by(i)});
    let ru_words = "вводится в действие не ранее 25.12.2017; день устанавливает Закон РК от \
                    25.12.2017 № 121-VI, которого нет в корпусе: действует ли редакция на \
                    01.06.2018, неизвестно; текст показан";
    let en_words = |i: usize| {
        format!(
            "not in force before 2017-12-25; from then the day it takes effect is set by {}, \
             an act the corpus does not hold: not known to be in force on 2018-06-01; the \
             wording is shown",
            TAX_LAW_CITATION[i]
        )
    };

    // The law absent.
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = clock_act_corpus(tmp.path(), "codes", TAX_CODE_DIR);
    let server = super::serve_api::Server::start(&corpus, &tmp.path().join("api-index"), &[]);
    let unit = api_get(
        &server,
        &format!("/v1/acts/{TAX_CODE}/units/preamble?as_of=2018-06-01&lang=ru"),
    );
    assert_eq!(unit["state"], awaiting(0), "{unit:#}");
    assert_eq!(unit["state_text"], ru_words);
    assert!(unit["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("Настоящий Кодекс устанавливает")));
    let outline = api_get(
        &server,
        &format!("/v1/acts/{TAX_CODE}?as_of=2018-06-01&lang=kk&text=true"),
    );
    let units: Vec<(Value, Value)> = outline["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| (u["eid"].clone(), u["state"]["kind"].clone()))
        .collect();
    assert!(
        !units.is_empty() && units.iter().all(|(_, k)| k == "awaiting_other_act"),
        "{outline:#}"
    );
    // Every unit awaits the law: the act does, said once (the page's banner reads it).
    assert_eq!(outline["state"], awaiting(1), "{outline:#}");
    let found = api_get(
        &server,
        "/v1/search?q=%D0%B2%D0%BE%D0%B5%D0%BD%D0%BD%D0%BE%D0%B3%D0%BE%20%D1%83%D0%BF%D1%80%D0%B0%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D1%8F&lang=ru&as_of=2018-06-01",
    );
    // Paragraph 2 of article 23 names the organs of military administration twice.
    assert_eq!(
        found["hits"][0]["unit"]["eid"], "art_23__para_2",
        "{found:#}"
    );
    assert_eq!(found["hits"][0]["version"]["state"], awaiting(0));
    drop(server);
    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &tmp.path().join("index-mcp")).await;
        for (i, lang) in ["ru", "kk"].into_iter().enumerate() {
            let target = format!("{TAX_CODE}#preamble");
            let at = at_date(&client, &target, "2018-06-01", Some(lang)).await;
            assert_eq!(at["state"], awaiting(i), "{at:#}");
            assert_eq!(at["state_text"], en_words(i).as_str());
        }
        let found = super::mcp_tools::ok(
            &client,
            "search",
            // The code is repealed today: the tool leaves repealed acts out unless asked.
            json!({"query": "органами военного управления", "lang": "ru",
                   "as_of": "2018-06-01", "include_repealed": true}),
        )
        .await;
        assert_eq!(
            found["hits"][0]["unit"]["eid"], "art_23__para_2",
            "{found:#}"
        );
        assert_eq!(found["hits"][0]["version"]["state"], awaiting(0));
        client.cancel().await.expect("close the session");
    });

    // The law in the corpus: article 23 waits for the day the law gives it.
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = clock_act_corpus(tmp.path(), "codes", TAX_CODE_DIR);
    clock_act_corpus(tmp.path(), "codes", TAX_LAW_DIR);
    let server = super::serve_api::Server::start(&corpus, &tmp.path().join("api-index"), &[]);
    for lang in ["ru", "kk"] {
        let unit = api_get(
            &server,
            &format!("/v1/acts/{TAX_CODE}/units/art_23?as_of=2020-06-01&lang={lang}"),
        );
        assert_eq!(
            unit["state"]["kind"], "not_yet_in_force",
            "{lang}: {unit:#}"
        );
        assert_eq!(unit["state"]["from"], "2021-01-01", "{lang}");
        let on = api_get(
            &server,
            &format!("/v1/acts/{TAX_CODE}/units/art_23?as_of=2021-01-01&lang={lang}"),
        );
        assert!(on["state"]["kind"]
            .as_str()
            .is_some_and(|k| k.starts_with("in_force")));
    }
    let outline = api_get(
        &server,
        &format!("/v1/acts/{TAX_CODE}?as_of=2020-06-01&lang=ru&text=true"),
    );
    let units: Vec<(Value, Value)> = outline["units"]
        .as_array()
        .expect("units")
        .iter()
        .filter(|u| u["eid"] == "preamble" || u["eid"] == "art_23")
        .map(|u| (u["eid"].clone(), u["state"]["kind"].clone()))
        .collect();
    assert_eq!(
        units,
        [
            (json!("preamble"), json!("in_force_before_earliest_edition")),
            (json!("art_23"), json!("not_yet_in_force")),
        ],
        "{outline:#}"
    );
    drop(server);
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &tmp.path().join("index-mcp")).await;
        let target = format!("{TAX_CODE}#art_23");
        let at = at_date(&client, &target, "2020-06-01", Some("kk")).await;
        assert_eq!(at["state"]["kind"], "not_yet_in_force", "{at:#}");
        assert_eq!(at["state"]["from"], "2021-01-01");
        assert_eq!(at["state"]["rule"]["rule"], "with_other_act");
        client.cancel().await.expect("close the session");
    });
}

/// Article 31 of 162833 brings the law into effect sixty days after its publication «за
/// исключением: … 2) пункта 7 статьи 18 настоящего Закона, который вводится в действие с 1
/// января 2025 года; 3) пункта 8 статьи 18 настоящего Закона, который вводится в действие с 1
/// января 2029 года». The article prints its heading line above its words («Статья 31. Порядок
/// введения в действие настоящего Закона»): its clause is read past it. On 01.06.2026
/// paragraph 8 of article 18 is not yet in force, from 01.01.2029, and paragraph 9 beside it
/// is; on 01.01.2029 paragraph 8 is in force: alike in `show --json`, `/v1` (the unit and the
/// act's outline) and MCP `at_date`.
#[test]
fn an_article_the_acts_own_clause_excepts_waits_for_its_day_in_every_door() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = animals_corpus(tmp.path());
    const ACT: &str = "law-2021-12-30-97-vii";
    let excepted = "art_18__para_8";
    let beside = "art_18__para_9";
    // Not yet in force: no text in force, and apart the wording it takes on its day.
    let not_yet = |v: &Value, lang: &str| {
        assert_eq!(v["state"]["kind"], "not_yet_in_force", "{v:#}");
        assert_eq!(v["state"]["from"], "2029-01-01", "{v:#}");
        assert_eq!(
            (&v["text"], &v["edition"]),
            (&json!(""), &Value::Null),
            "{v:#}"
        );
        let wording = match lang {
            "ru" => "8. Запрещается деятельность дельфинариев.",
            _ => "8. Дельфинарийлердің қызметіне тыйым салынады.",
        };
        assert_eq!(v["to_come"]["text"], wording, "{v:#}");
        assert_eq!(
            (
                &v["to_come"]["edition"]["id"],
                &v["to_come"]["edition"]["from"]
            ),
            (&json!("2023-04-19"), &json!("2029-01-01")),
            "{v:#}"
        );
    };

    // `show --json`, each language: the Kazakh article lists its exceptions as participles
    // («… қолданысқа енгізілетін осы Заңның 18-бабының 8-тармағын қоспағанда, …»).
    for lang in ["ru", "kk"] {
        let at = |eid: &str, date: &str| show(&tmp, &corpus, &format!("{ACT}#{eid}"), date, lang);
        not_yet(&at(excepted, "2026-06-01"), lang);
        assert_eq!(
            at(beside, "2026-06-01")["state"],
            json!({"kind": "in_force"}),
            "{lang}"
        );
        let on_its_day = at(excepted, "2029-01-01");
        assert_eq!(on_its_day["state"], json!({"kind": "in_force"}), "{lang}");
        assert_eq!(on_its_day["to_come"], Value::Null, "{lang}");
        // Article 11, excepted until 01.09.2023, and article 12 beside it.
        let art_11 = at("art_11", "2023-06-01");
        assert_eq!(art_11["state"]["kind"], "not_yet_in_force", "{art_11:#}");
        assert_eq!(art_11["state"]["from"], "2023-09-01", "{lang}");
        assert_eq!(
            at("art_11", "2023-09-01")["state"],
            json!({"kind": "in_force"}),
            "{lang}"
        );
    }

    // `/v1`: the unit and the act's outline.
    let server = super::serve_api::Server::start(&corpus, &tmp.path().join("api-index"), &[]);
    let get = |path: &str| api_get(&server, path);
    for lang in ["ru", "kk"] {
        not_yet(
            &get(&format!(
                "/v1/acts/{ACT}/units/{excepted}?as_of=2026-06-01&lang={lang}"
            )),
            lang,
        );
    }
    let outline = get(&format!("/v1/acts/{ACT}?as_of=2026-06-01&lang=ru"));
    assert_eq!(
        [excepted, beside].map(|e| find_unit(&outline, e).map(|u| u["state"]["kind"].clone())),
        [Some(json!("not_yet_in_force")), Some(json!("in_force"))],
        "{outline:#}"
    );
    drop(server);

    // MCP `at_date`.
    let rt = super::mcp_tools::runtime();
    rt.block_on(async {
        let client = super::mcp_tools::spawn(&corpus, &tmp.path().join("index-mcp")).await;
        let target = format!("{ACT}#{excepted}");
        for lang in ["ru", "kk"] {
            not_yet(
                &at_date(&client, &target, "2026-06-01", Some(lang)).await,
                lang,
            );
        }
        let at = at_date(
            &client,
            &format!("{ACT}#{beside}"),
            "2026-06-01",
            Some("ru"),
        )
        .await;
        assert_eq!(at["state"], json!({"kind": "in_force"}), "{at:#}");
        client.cancel().await.expect("close the session");
    });
}

/// Unit `eid` in an act's outline as `/v1/acts/{id}` gives it, at any depth.
fn find_unit(v: &Value, eid: &str) -> Option<Value> {
    match v {
        Value::Object(m) if m.get("eid").and_then(Value::as_str) == Some(eid) => Some(v.clone()),
        Value::Object(m) => m.values().find_map(|x| find_unit(x, eid)),
        Value::Array(a) => a.iter().find_map(|x| find_unit(x, eid)),
        _ => None,
    }
}
