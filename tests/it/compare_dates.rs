//! Compare by date (`docs/time.md`): any two dates, each side the wording in force that day by
//! the time rule, unit by unit, with the honest states where the corpus has no wording; the
//! answer names the dates asked and the editions behind each side. The library, `zanlex diff
//! --json`, its text and `/v1/acts/{id}/diff` agree, on the Constitutional Law on the
//! Government in three Kazakh editions (2014-09-29, 2022-11-05, 2023-04-19) and on a repealed
//! maslikhat decision.

use super::time_rule::Fixture;
use serde_json::{json, Value};

const GOV: &str = "constitutional-law-1995-12-18-2688";

fn d(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Dates between which the corpus has no edition: each side read by the rule, never "no
/// version", never the editions nearest the dates silently.
#[test]
fn any_two_dates_compare_and_name_the_editions_behind_them() {
    let fx = Fixture::government_three();
    let act = fx.index.act(GOV).expect("act");
    let diff = zanlex::diff(&act, "2020-01-01", "2022-01-01", None).expect("diff");
    assert_eq!(
        (diff.from.as_str(), diff.to.as_str()),
        ("2020-01-01", "2022-01-01")
    );
    assert_eq!(diff.from_side.date, Some(d("2020-01-01")));
    assert_eq!(diff.from_side.editions, ids(&["2014-09-29", "2022-11-05"]));
    assert_eq!(diff.to_side.editions, ids(&["2014-09-29", "2022-11-05"]));
    assert_eq!((&diff.from_side.state, &diff.to_side.state), (&None, &None));
    // The law of 30.12.2020 № 392-VI (in force ten days after publication, ~09.01.2021)
    // deleted article 21-1 and reworded paragraph 6 of article 24 between the two days;
    // article 10's paragraphs 6 and 7, subparagraphs 3) and 4) of article 12's paragraph 1 and
    // subparagraph 6) of article 14 were amended from ~15.06.2017 in a wording no edition
    // prints: not known on either day.
    assert_eq!(
        diff.deleted,
        ids(&[
            "art_21-1",
            "art_21-1__para_1",
            "art_21-1__para_2",
            "art_21-1__para_3",
            "art_21-1__para_4",
            "art_21-1__para_5"
        ])
    );
    assert_eq!(
        serde_json::to_value(&diff.units[0].state_to).unwrap(),
        json!({"kind": "deleted", "since": "2021-01-09"})
    );
    assert!(diff.inserted.is_empty());
    assert_eq!(diff.changed, ["art_24__para_6"]);
    assert_eq!(
        diff.unknown,
        ids(&[
            "art_10",
            "art_10__para_6",
            "art_10__para_7",
            "art_12__para_1__subpara_3",
            "art_12__para_1__subpara_4",
            "art_14__subpara_6"
        ])
    );
    let art_10 = diff
        .units
        .iter()
        .find(|c| c.eid == "art_10")
        .expect("art_10");
    assert_eq!(
        serde_json::to_value(&art_10.state_from).unwrap(),
        json!({"kind": "not_in_corpus", "earliest_edition": "2014-09-29", "since": "2017-06-15",
               "estimated": true, "until": "2023-01-01"})
    );

    // Across the law of 15.06.2017 № 75-VI: article 12 paragraph 3 rewritten whole, its old
    // wording the 2014 edition's, its new the 2022 edition's.
    let across =
        zanlex::diff(&act, "2015-01-01", "2020-01-01", Some("art_12__para_3")).expect("diff");
    assert_eq!(across.from_side.editions, ids(&["2014-09-29"]));
    assert_eq!(across.to_side.editions, ids(&["2022-11-05"]));
    assert_eq!(across.changed, ["art_12__para_3"]);
    let c = &across.units[0];
    assert!(c.rewritten, "{c:?}");
    assert_eq!(
        serde_json::to_value(&c.state_from).unwrap(),
        json!({"kind": "in_force"})
    );

    // Before the adoption: no text on that side, said, and nothing compared.
    let before = zanlex::diff(&act, "1990-01-01", "2020-01-01", None).expect("diff");
    assert_eq!(
        serde_json::to_value(&before.from_side).unwrap(),
        json!({"date": "1990-01-01", "editions": [],
               "state": {"kind": "not_yet_adopted", "adopted": "1995-12-18"},
               "state_text": "01.01.1990 күні әлі қабылданбаған (18.12.1995 қабылданған)"})
    );
    assert!(before.units.is_empty(), "{:?}", before.units);

    // A date whose wording the corpus lacks (article 12 amended in 1999 and 2007, the
    // earliest edition of 2014): not known, with the state that says why.
    let gap = zanlex::diff(&act, "2000-01-01", "2015-01-01", Some("art_12")).expect("diff");
    assert!(
        gap.unknown.contains(&"art_12__para_3".to_string()),
        "{gap:?}"
    );
    let p3 = gap
        .units
        .iter()
        .find(|c| c.eid == "art_12__para_3")
        .expect("para 3");
    assert_eq!(p3.kind, zanlex::UnitChangeKind::Unknown);
    assert_eq!((p3.text_from.as_deref(), p3.status_from), (None, "unknown"));
    assert_eq!(
        serde_json::to_value(&p3.state_from).unwrap(),
        json!({"kind": "not_in_corpus", "earliest_edition": "2014-09-29"})
    );

    // The command line's JSON is the library's answer, and its text names the dates and the
    // editions.
    let js = fx.cli_json(&["diff", GOV, "--from", "2020-01-01", "--to", "2022-01-01"]);
    let page = diff_page(&fx.index, GOV, "2020-01-01", "2022-01-01", None);
    assert_eq!(page.diff, diff);
    assert_eq!(page.units_total, diff.units.len());
    assert_eq!(js, serde_json::to_value(&page).unwrap());
    let corpus = fx.corpus.to_str().expect("utf-8 path");
    let (code, out, err) = super::common::zanlex_with(
        &tempfile::tempdir().expect("tmp"),
        &[
            "diff",
            GOV,
            "--from",
            "1990-01-01",
            "--to",
            "2020-01-01",
            "--corpus",
            corpus,
        ],
    );
    assert_eq!(code, 0, "{err}");
    let head: Vec<&str> = out.lines().take(3).collect();
    assert_eq!(
        head,
        [
            "constitutional-law-1995-12-18-2688: 1990-01-01 → 2020-01-01",
            "from 1990-01-01: no edition in force; not yet adopted on 1990-01-01 (adopted 1995-12-18)",
            "to 2020-01-01: editions 2014-09-29, 2022-11-05",
        ]
    );
}

/// The library's diff of `act` (its unit `eid`) from `from` to `to` as the HTTP API and the
/// command line send it: one page, within the server's budget.
fn diff_page(
    index: &zanlex::ZanIndex,
    act: &str,
    from: &str,
    to: &str,
    eid: Option<&str>,
) -> zanlex::pages::ActDiffPage {
    let budget = zanlex::pages::Budget::SERVER;
    let target = zanlex::Target::new(act, eid.map(str::to_string));
    let paging = budget.list_paging(None, None).expect("paging");
    let request = zanlex::pages::DiffRequest::new(target, from, to, paging);
    zanlex::pages::diff_page(index, &request, &budget).expect("diff page")
}

/// `/v1/acts/{id}/diff` answers what the library answers, for dates and for a unit.
#[test]
fn the_http_api_compares_any_two_dates_as_the_library_does() {
    let fx = Fixture::government_three();
    let tmp = tempfile::tempdir().expect("tmp");
    let server = super::serve_api::Server::start(
        &fx.corpus,
        &tmp.path().join("index"),
        &["--watch-secs", "0"],
    );
    let act = fx.index.act(GOV).expect("act");
    for (from, to, eid) in [
        ("2020-01-01", "2022-01-01", None),
        ("2015-01-01", "2020-01-01", Some("art_12__para_3")),
        ("1990-01-01", "2023-05-01", Some("art_12")),
    ] {
        let url = format!(
            "/v1/acts/{GOV}/diff?from={from}&to={to}{}",
            eid.map(|e| format!("&eid={e}")).unwrap_or_default()
        );
        let body: Value = reqwest::blocking::get(server.url(&url))
            .expect("request")
            .json()
            .expect("JSON");
        let library = zanlex::diff(&act, from, to, eid).expect("diff");
        let page = diff_page(&fx.index, GOV, from, to, eid);
        assert_eq!(page.diff, library, "{url}");
        assert_eq!(body, serde_json::to_value(&page).unwrap(), "{url}");
    }
}

/// A repealed act compared across its repeal: the later side is its last wording, marked
/// repealed, and says from when: not before the repealing decision's signing (its requisite
/// prints no commencement, and the decision is not in the corpus).
#[test]
fn a_side_after_the_repeal_is_marked_repealed() {
    let fx = Fixture::new(&[(
        "tests/fixtures/mirror/local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti/2020",
        "almaty/2020",
    )]);
    let id = "maslikhat-decision-2020-12-15-64-340";
    // In force ten days after its publication, which follows its registration of 23.12.2020:
    // not before ~02.01.2021; the day before, the earlier side is not yet in force.
    let early = fx
        .index
        .act_diff(id, "2021-01-01", "2025-01-01", None, None)
        .expect("diff");
    assert_eq!(
        serde_json::to_value(&early.from_side.state).unwrap(),
        json!({"kind": "not_yet_in_force", "adopted": "2020-12-15", "from": "2021-01-02",
               "estimated": true, "rule": {"rule": "days_after_publication", "days": 10}})
    );
    let diff = fx
        .index
        .act_diff(id, "2021-01-02", "2025-01-01", None, None)
        .expect("diff");
    assert_eq!(diff.from_side.state, None);
    assert_eq!(
        serde_json::to_value(&diff.to_side).unwrap(),
        json!({"date": "2025-01-01", "editions": ["2020-12-15"],
               "state": {"kind": "repealed", "since": "2024-08-13", "estimated": true},
               "state_text": "~13.08.2024 бұрын емес күші жойылған; соңғы редакциясы көрсетілген"})
    );
    assert!(diff.units.is_empty(), "{:?}", diff.units);
}

/// An edition in the old layout (the Kazakh text of 2014-09-29, which opens with a bare
/// contents list, no `## Мазмұны` heading) compared with the edition of 2022-11-05 (its
/// contents under `## Мазмұны`): exactly the units a diff by hand finds. By hand (each
/// article's parts and subparagraphs read side by side, spacing, letter case and the Latin
/// `i`/`Y` the 2014 text writes for `і`/`Ү` aside, the notes apart): articles 1, 2, 5, 6, 7, 8,
/// 15, 16, 17, 21, 25, 26 and 27 and every chapter heading are the same; article 14's heading
/// and parts 1)–5) were restated and 6) deleted (law of 15.06.2017 № 75-VI); articles 21-1 and
/// 23 are deleted (a heading and a deletion note in 2022); paragraph 3 of article 11 reads
/// «Алып тасталды»; the rest below.
#[test]
fn an_old_layout_edition_compares_as_a_diff_by_hand() {
    let fx = Fixture::government_three();
    let act = fx.index.act(GOV).expect("act");
    let diff = zanlex::diff(&act, "2014-09-29", "2022-11-05", None).expect("diff");
    let mut deleted = diff.deleted.clone();
    deleted.sort();
    assert_eq!(
        deleted,
        ids(&[
            "art_11__para_3",
            "art_12__para_1__subpara_3",
            "art_12__para_1__subpara_4",
            "art_14__subpara_6",
            "art_21-1",
            "art_21-1__para_1",
            "art_21-1__para_2",
            "art_21-1__para_3",
            "art_21-1__para_4",
            "art_21-1__para_5",
            "art_23",
            "art_23__para_1",
            "art_23__para_2",
            "art_23__para_3",
            "art_23__para_4",
            "art_23__para_5",
        ])
    );
    assert_eq!(
        diff.inserted,
        ids(&[
            "art_4__para_4",
            "art_9__subpara_5-1",
            "art_9__subpara_5-2",
            "art_9__subpara_5-3",
            "art_9__subpara_10-1",
            "art_10__para_5-1",
            "art_20__para_3",
        ])
    );
    assert_eq!(
        diff.changed,
        ids(&[
            "art_3__para_3",
            "art_3-1__para_1",
            "art_4__para_1",
            "art_4__para_2",
            "art_4__para_3",
            "art_9__subpara_2",
            "art_9__subpara_5",
            "art_10__para_6",
            "art_10__para_7",
            "art_11__para_1",
            "art_12__para_1__subpara_1",
            "art_12__para_1__subpara_2",
            "art_12__para_2",
            "art_12__para_3",
            "art_13__para_2__subpara_1",
            "art_14",
            "art_14__subpara_1",
            "art_14__subpara_2",
            "art_14__subpara_3",
            "art_14__subpara_4",
            "art_14__subpara_5",
            "art_18__para_3",
            "art_19__para_1__subpara_4",
            "art_19__para_1__subpara_5",
            "art_19__para_1__subpara_6",
            "art_19__para_1__subpara_7",
            "art_22__para_2-2",
            // Not paragraph 4 of article 22: printed the same in 2014 and 2022; the 2014 text
            // breaks the article's note over two paragraphs (`… - ҚР 1999.05.06*` / `N 379
            // Заңымен; …`), whose second half is the note's, not the paragraph's.
            "art_24__para_6",
        ])
    );
    assert!(diff.unknown.is_empty(), "{:?}", diff.unknown);

    // The original Russian text of 1995 (its first chapter and articles inside a code block)
    // against the 2022 edition: chapter II's heading differs only in a letter's case
    // («правительства» / «Правительства»), which is no change; the article headings reworded
    // since are.
    let fx = Fixture::bilingual();
    let ru = fx
        .index
        .act_diff(
            GOV,
            "1995-12-18",
            "2022-11-05",
            None,
            Some(zanlex::Lang::Ru),
        )
        .expect("diff");
    let headings: Vec<&str> = ru
        .changed
        .iter()
        .map(String::as_str)
        .filter(|e| !e.contains("__"))
        .collect();
    assert_eq!(
        headings,
        [
            "preamble", "art_1", "art_2", "art_3", "art_4", "art_14", "art_20", "art_22", "art_24",
            "art_25", "art_27"
        ]
    );
}
