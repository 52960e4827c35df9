//! When a wording appeared and went (`zanlex::pages::wording_history`): a phrase followed over
//! the editions of the Constitutional Law on the Government (104316) — in three Kazakh
//! editions (2014-09-29, 2022-11-05, 2023-04-19: `tests/fixtures/time/` and
//! `tests/fixtures/versions/`) and in the two later ones alone — with the days the
//! point-in-time rule gives (docs/time.md), the amending acts the notes name, the honest "at
//! least since" where the earliest edition already prints it, the errors, and the same answer
//! from each door: the command line, `GET /v1/acts/{id}/wording`, the MCP tool `wording`.
//!
//! Article 12 paragraph 3: worded in 2014 «… актiлерiнiң күшiн жояды не тоқтата тұрады»
//! (in force from ~2007-06-19), reworded by the law of 15.06.2017 № 75-VI «Үкімет …
//! мемлекеттік бағдарламаларды олар бекітілгенге дейін келіседі» (~2017-06-15), deleted by
//! the law of 19.04.2023 № 222-VII (~2023-04-29).

use super::mcp_tools::{call, ok, runtime, spawn};
use super::serve_api::Server;
use super::time_rule::Fixture;
use serde_json::{json, Value};
use zanlex::pages::{
    wording_history, Budget, Links, Paging, WordingAnswer, WordingEnd, WordingRequest, WordingStart,
};

const GOV: &str = "constitutional-law-1995-12-18-2688";
const P3: &str = "art_12__para_3";
/// The words the law of 2017 brought into paragraph 3 and the law of 2023 took out.
const PROGRAMMES: &str = "мемлекеттік бағдарламаларды";
const LAW_2017: &str = "ҚР 15.06.2017 № 75-VI Конституциялық Заңы";
const LAW_2023: &str = "ҚР 19.04.2023 № 222-VII Конституциялық Заңы";

/// The Government law in three Kazakh editions, built once for the tests that share it.
fn three() -> &'static Fixture {
    static F: std::sync::OnceLock<Fixture> = std::sync::OnceLock::new();
    F.get_or_init(Fixture::government_three)
}

/// The library's answer for `phrase` in `eid` of the Government law, one page of 20 units.
fn ask(fx: &Fixture, phrase: &str, eid: Option<&str>) -> zanlex::Result<WordingAnswer> {
    let paging = Paging::new(None, None, 20, 100)?;
    let request = WordingRequest::new(GOV, phrase, paging).unit(eid.map(str::to_string));
    wording_history(&fx.index, &request, &Links::relative(), &Budget::SERVER)
}

/// An edition as the answer names it: id and date.
fn ed(e: &zanlex::pages::WordingEdition) -> (String, Option<String>) {
    (e.id.clone(), e.date.map(|d| d.to_string()))
}

/// Each amending act named: citation and effective day.
fn acts(list: &[zanlex::pages::WordingChange]) -> Vec<(String, Option<String>)> {
    list.iter()
        .map(|c| {
            (
                c.amending_act.clone(),
                c.effective.as_ref().map(|e| e.date.to_string()),
            )
        })
        .collect()
}

fn e(id: &str) -> (String, Option<String>) {
    (id.to_string(), Some(id.to_string()))
}

fn act(citation: &str, day: &str) -> (String, Option<String>) {
    (citation.to_string(), Some(day.to_string()))
}

#[test]
fn a_phrase_brought_by_one_law_and_taken_out_by_another() {
    let answer = ask(three(), PROGRAMMES, Some(P3)).expect("answer");
    assert_eq!(answer.words, ["мемлекеттік", "бағдарламаларды"]);
    assert_eq!(
        (answer.editions, answer.units_total, answer.spans_total),
        (3, 1, 1)
    );
    let unit = &answer.units[0];
    assert_eq!(unit.eid, P3);
    let span = &unit.spans[0];
    assert_eq!(span.editions, 1);
    let WordingStart::Appeared {
        edition,
        after,
        unit_new,
        from,
        from_estimated,
        by,
        ..
    } = &span.start
    else {
        panic!("appeared: {:?}", span.start);
    };
    // The day the wording took effect by the rule, not the edition's date (2022-11-05).
    assert_eq!(
        (ed(edition), ed(after), *unit_new),
        (e("2022-11-05"), e("2014-09-29"), false)
    );
    assert_eq!(
        (from.map(|d| d.to_string()), *from_estimated),
        (Some("2017-06-15".into()), true)
    );
    assert_eq!(acts(by), [act(LAW_2017, "2017-06-15")]);
    let WordingEnd::Removed {
        edition,
        until,
        absent_from,
        absent_from_estimated,
        by,
        ..
    } = &span.end
    else {
        panic!("removed: {:?}", span.end);
    };
    // The edition of 2023-04-19 prints the deletion, in force ten days after publication.
    assert_eq!(ed(edition), e("2023-04-19"));
    assert_eq!(until.map(|d| d.to_string()), Some("2023-04-29".into()));
    assert_eq!(
        (absent_from.map(|d| d.to_string()), *absent_from_estimated),
        (Some("2023-04-29".into()), true)
    );
    assert_eq!(acts(by), [act(LAW_2023, "2023-04-29")]);
}

#[test]
fn a_phrase_the_earliest_edition_prints_was_there_at_least_since_its_wording() {
    // The 2014 wording, its Latin `i` read as the Kazakh letter: the earliest edition prints
    // it, so when it appeared is not known, only its wording's start (~2007-06-19).
    let answer = ask(three(), "күшін жояды", Some(P3)).expect("answer");
    let span = &answer.units[0].spans[0];
    let WordingStart::SinceAtLeast {
        edition,
        from,
        from_estimated,
        ..
    } = &span.start
    else {
        panic!("since at least: {:?}", span.start);
    };
    assert_eq!(ed(edition), e("2014-09-29"));
    assert_eq!(
        (from.map(|d| d.to_string()), *from_estimated),
        (Some("2007-06-19".into()), true)
    );
    let WordingEnd::Removed {
        absent_from,
        by,
        edition,
        ..
    } = &span.end
    else {
        panic!("removed: {:?}", span.end);
    };
    assert_eq!(ed(edition), e("2022-11-05"));
    assert_eq!(
        absent_from.map(|d| d.to_string()),
        Some("2017-06-15".into())
    );
    assert_eq!(acts(by), [act(LAW_2017, "2017-06-15")]);

    // With the two later editions alone, the words of 2017 are in the earliest edition held:
    // there since at least ~2017-06-15, the law of 2017 giving that wording, not "appeared".
    let two = Fixture::new(&[("tests/fixtures/versions/codes_104316_government", "gov")]);
    let answer = ask(&two, PROGRAMMES, Some(P3)).expect("answer");
    let span = &answer.units[0].spans[0];
    let WordingStart::SinceAtLeast {
        edition, from, by, ..
    } = &span.start
    else {
        panic!("since at least: {:?}", span.start);
    };
    assert_eq!(ed(edition), e("2022-11-05"));
    assert_eq!(from.map(|d| d.to_string()), Some("2017-06-15".into()));
    assert_eq!(acts(by), [act(LAW_2017, "2017-06-15")]);
}

#[test]
fn a_phrase_still_printed_and_one_printed_nowhere() {
    // Over the whole act: the Government's name in 30 units (three print it with a Latin `Y`,
    // read as `Ү`), most in every edition; the first units in the order of the newest edition.
    let answer = ask(three(), "Үкіметінің", None).expect("answer");
    assert_eq!((answer.units_total, answer.spans_total), (30, 30));
    let kinds: Vec<(String, &str, &str)> = answer.units[..7]
        .iter()
        .map(|u| {
            let s = &u.spans[0];
            let start = match s.start {
                WordingStart::SinceAtLeast { .. } => "since_at_least",
                WordingStart::Appeared { .. } => "appeared",
                _ => "other",
            };
            let end = match s.end {
                WordingEnd::StillPresent { .. } => "still_present",
                WordingEnd::Removed { .. } => "removed",
                WordingEnd::UnitRemoved { .. } => "unit_removed",
                _ => "other",
            };
            (u.eid.clone(), start, end)
        })
        .collect();
    let at_least = "since_at_least";
    assert_eq!(
        kinds,
        [
            ("preamble".to_string(), at_least, "still_present"),
            ("art_1".to_string(), at_least, "still_present"),
            ("art_3".to_string(), at_least, "still_present"),
            ("art_3-1__para_1".to_string(), at_least, "still_present"),
            ("art_4".to_string(), at_least, "still_present"),
            ("art_4__para_1".to_string(), at_least, "removed"),
            ("art_4__para_3".to_string(), "appeared", "still_present"),
        ]
    );
    let none = ask(three(), "ғарыштық кеме", None).expect("answer");
    assert_eq!((none.units_total, none.spans_total), (0, 0));
    assert_eq!(none.notes.len(), 1, "{:?}", none.notes);
    assert!(
        none.notes[0].contains("no edition of the Kazakh text"),
        "{:?}",
        none.notes
    );
    // An act or a unit the index lacks: the library's errors, with their codes.
    let unknown = ask(three(), PROGRAMMES, Some("art_99")).expect_err("no such unit");
    assert_eq!(unknown.code(), zanlex::ErrorCode::NotFound);
    assert!(
        matches!(unknown, zanlex::Error::UnknownUnit { .. }),
        "{unknown}"
    );
    let paging = Paging::new(None, None, 20, 100).expect("page");
    let request = WordingRequest::new("no-such-act", PROGRAMMES, paging);
    let err = wording_history(
        &three().index,
        &request,
        &Links::relative(),
        &Budget::SERVER,
    )
    .expect_err("no such act");
    assert!(matches!(err, zanlex::Error::UnknownAct { .. }), "{err}");
}

/// `zanlex wording ARGS --json` on the fixture: exit code and stdout as JSON.
fn cli(fx: &Fixture, args: &[&str]) -> (i32, Value) {
    let corpus = fx.corpus.to_str().expect("utf-8 path");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut all = vec!["wording"];
    all.extend_from_slice(args);
    all.extend(["--json", "--corpus", corpus]);
    let (code, out, err) = super::common::zanlex_with(&dir, &all);
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{all:?}: {e}: {out} {err}"));
    (code, v)
}

#[test]
fn every_door_gives_the_library_answer() {
    let fx = three();
    let paging = Paging::new(None, None, 20, 100).expect("page");
    let request = WordingRequest::new(GOV, PROGRAMMES, paging).unit(Some(P3.to_string()));
    let library = |links: &Links, budget: &Budget| {
        let a = wording_history(&fx.index, &request, links, budget).expect("answer");
        serde_json::to_value(a).expect("json")
    };

    // The command line: the official text's address, every unit.
    let (code, out) = cli(fx, &[GOV, PROGRAMMES, "--unit", P3]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, library(&Links::official_only(), &Budget::LOCAL));
    assert_eq!(out["units"][0]["spans"][0]["start"]["kind"], "appeared");
    assert_eq!(out["units"][0]["spans"][0]["end"]["kind"], "removed");
    let (code, err) = cli(fx, &["no-such-act", PROGRAMMES]);
    assert_ne!(code, 0);
    assert_eq!(err["error"]["code"], "not_found", "{err}");
    let (code, err) = cli(fx, &[GOV, " , "]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err["error"]["code"], "bad_request", "{err}");

    // HTTP: relative links, the server's budget.
    let dir = tempfile::tempdir().expect("temp dir");
    let server = Server::start(
        &fx.corpus,
        &dir.path().join("served"),
        &["--watch-secs", "0"],
    );
    let get = |query: &[(&str, &str)], act: &str| {
        let res = reqwest::blocking::Client::new()
            .get(server.url(&format!("/v1/acts/{act}/wording")))
            .query(query)
            .send()
            .expect("GET wording");
        (res.status().as_u16(), res.json::<Value>().expect("JSON"))
    };
    let (status, api) = get(&[("phrase", PROGRAMMES), ("unit", P3)], GOV);
    assert_eq!(status, 200, "{api}");
    assert_eq!(api, library(&Links::relative(), &Budget::SERVER));
    let (status, err) = get(&[("phrase", PROGRAMMES)], "no-such-act");
    assert_eq!((status, &err["error"]["code"]), (404, &json!("not_found")));
    let (status, err) = get(&[("phrase", "-")], GOV);
    assert_eq!(
        (status, &err["error"]["code"]),
        (400, &json!("bad_request"))
    );
    let (status, _) = get(&[("unit", P3)], GOV);
    assert_eq!(status, 400, "the phrase is required");

    // MCP over stdio: the same spans, links to the public page.
    let target = format!("{GOV}#{P3}");
    runtime().block_on(async {
        let client = spawn(&fx.corpus, &dir.path().join("mcp")).await;
        let mcp = ok(
            &client,
            "wording",
            json!({"target": target, "phrase": PROGRAMMES}),
        )
        .await;
        assert_eq!(mcp["units"][0]["spans"], api["units"][0]["spans"]);
        assert_eq!(mcp["units_total"], 1);
        assert_eq!(
            mcp["units"][0]["permalink"],
            format!("https://zan.example.kz/acts/{GOV}/{P3}")
        );
        let bad = call(
            &client,
            "wording",
            json!({"target": "no-such-act", "phrase": "x"}),
        )
        .await;
        assert_eq!(bad.is_error, Some(true));
        let code = &bad.structured_content.as_ref().expect("structured")["error"]["code"];
        assert_eq!(code, "not_found");
        client.cancel().await.expect("close");
    });
}
