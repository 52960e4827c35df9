//! Recent changes (`/v1/changes`, `/changes.atom`, the page's `/changes`): the amendments
//! the bundled acts' notes record, newest first by the day they take effect, across the
//! corpus, in one act and in the acts a search finds; the Atom feeds valid by RFC 4287's
//! grammar (scripts/atom_check.py, lxml and rnc2rng from PyPI in `target/feed-venv`); the
//! page at a laptop's and a phone's width in both interface languages, with axe-core.

use super::serve_api::{get, test_corpus, Server, ACT};
use super::serve_browser::{
    axe_source, axe_violations, each_width_and_language, js, open, runtime, screenshot, Served, UIS,
};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The days of a list of changes, as the answer gives them.
fn days(answer: &Value) -> Vec<String> {
    answer["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| c["day"].as_str().unwrap_or("none").to_string())
        .collect()
}

/// The Python that runs the feed validator, with lxml and rnc2rng installed into
/// `target/feed-venv` (by .ci/run, or here when missing); `None`, saying so, where they
/// cannot be installed (no Python, no PyPI), and the feed check skips.
fn feed_python() -> Option<PathBuf> {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/feed-venv");
    let python = venv.join("bin/python");
    let ready = |p: &Path| {
        Command::new(p)
            .args(["-c", "import lxml, rnc2rng"])
            .status()
            .is_ok_and(|s| s.success())
    };
    if python.is_file() && ready(&python) {
        return Some(python);
    }
    let installed = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .is_ok_and(|s| s.success())
        && Command::new(venv.join("bin/pip"))
            .args(["install", "-q", "lxml", "rnc2rng"])
            .status()
            .is_ok_and(|s| s.success());
    if installed && ready(&python) {
        Some(python)
    } else {
        eprintln!(
            "skipped: the Atom feeds' validation (pip install lxml rnc2rng into target/feed-venv)"
        );
        None
    }
}

/// Runs scripts/atom_check.py on `feeds`: its output, and whether every feed is valid.
fn atom_check(python: &Path, feeds: &[PathBuf]) -> (bool, String) {
    let out = Command::new(python)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/atom_check.py"))
        .args(feeds)
        .output()
        .expect("run scripts/atom_check.py");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn recent_changes_are_newest_first_by_effective_day_and_the_feeds_are_valid_atom() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let server = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "0"]);

    // Across the corpus: every amending act's changes to each act, the latest day first.
    let (status, all, _) = get(&server, "/v1/changes?limit=100");
    assert_eq!(status, 200, "{all:#}");
    assert_eq!(all["total"], 6, "{all:#}");
    assert_eq!(
        days(&all),
        [
            "2026-01-01",
            "2025-12-15",
            "2022-12-03",
            "2022-06-05",
            "2020-10-10",
            "2014-03-21"
        ]
    );
    let first = &all["changes"][0];
    assert_eq!(first["act_id"], ACT);
    assert_eq!(
        first["act_citation"],
        "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы"
    );
    assert_eq!(
        first["act_in_words"]["ru"],
        "Приказ Министра иностранных дел РК от 04.01.2018 № 11-1-4/1"
    );
    assert_eq!(
        first["amending_act"],
        "ҚР Сыртқы істер министрінің м.а. 30.09.2025 № 11-1-4/577 бұйрығы"
    );
    assert_eq!(first["signed"], "2025-09-30");
    assert_eq!(first["effective"]["date"], "2026-01-01");
    assert_eq!(first["effective"]["estimated"], false);
    assert_eq!(first["in_words"]["ru"]["since"], "с 01.01.2026");
    assert_eq!(first["units"][0]["eid"], "att_1__annex_3");
    assert_eq!(first["units"][0]["name"]["ru"], "Приложение 3 приложения 1");
    assert_eq!(first["act_status"]["state"], "in_force");
    assert_eq!(first["permalink"], format!("/acts/{ACT}?as_of=2026-01-01"));
    // An estimated day is said to be one.
    let second = &all["changes"][1];
    assert_eq!(second["effective"]["estimated"], true);
    assert_eq!(
        second["in_words"]["kk"]["since"],
        "шамамен 15.12.2025 бастап"
    );
    let units: Vec<&str> = second["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["eid"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(units, ["att_1__para_3", "att_1__para_11", "att_1__annex_3"]);
    assert_eq!(
        all["changes"][4]["amending_act"],
        "Нұр-Сұлтан қаласы мәслихатының 30.09.2020 № 539/73-VI шешімі"
    );

    // Pages follow one another: the second page of two is the list's third and fourth.
    let (_, page, _) = get(&server, "/v1/changes?limit=2&offset=2");
    assert_eq!(days(&page), ["2022-12-03", "2022-06-05"]);
    assert_eq!(page["next_offset"], 4);
    // One act's changes, and a range of days.
    let (_, act, _) = get(
        &server,
        &format!("/v1/changes?act={ACT}&since=2022-01-01&until=2023-01-01"),
    );
    assert_eq!(act["act"], ACT);
    assert_eq!(days(&act), ["2022-12-03", "2022-06-05"]);
    // The acts a search finds: of the four acts «виза» finds, one records an amendment.
    let (_, found, _) = get(&server, "/v1/changes?q=%D0%B2%D0%B8%D0%B7%D0%B0");
    assert_eq!(found["query"], "виза");
    assert_eq!(found["acts"], 4, "{found:#}");
    assert_eq!(days(&found), ["2014-03-21"]);
    assert_eq!(found["changes"][0]["act_id"], "mvd-order-2012-06-14-352");
    // Wrong requests are told what is wrong.
    let (status, bad, _) = get(&server, "/v1/changes?since=2020-01-01&until=2019-01-01");
    assert_eq!(status, 400, "{bad:#}");
    assert!(bad["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("since 2020-01-01 is after until 2019-01-01")));
    let (status, _, _) = get(&server, "/v1/changes?act=no-such-act");
    assert_eq!(status, 404);
    let (status, _, _) = get(&server, &format!("/v1/changes?act={ACT}&q=x"));
    assert_eq!(status, 400);

    // The same lists as Atom feeds: corpus-wide, one act's in Russian, a search's, and an
    // empty one; each entry dated by its day in Kazakhstan's time, linking to the act then.
    let client = reqwest::blocking::Client::new();
    let fetch = |path: &str| {
        let res = client.get(server.url(path)).send().expect("feed");
        assert_eq!(res.status().as_u16(), 200, "{path}");
        assert_eq!(
            res.headers()["content-type"],
            "application/atom+xml; charset=utf-8"
        );
        res.text().expect("feed text")
    };
    let feeds = [
        ("all", fetch("/changes.atom")),
        ("act-ru", fetch(&format!("/changes.atom?act={ACT}&ui=ru"))),
        ("search", fetch("/changes.atom?q=%D0%B2%D0%B8%D0%B7%D0%B0")),
        ("empty", fetch("/changes.atom?since=2999-01-01")),
    ];
    let all_feed = &feeds[0].1;
    assert_eq!(all_feed.matches("<entry>").count(), 6);
    assert!(all_feed.contains("<updated>2026-01-01T00:00:00+05:00</updated>"));
    assert!(all_feed.contains(&format!(
        "<link href=\"/acts/{ACT}?as_of=2026-01-01\" rel=\"alternate\" type=\"text/html\"/>"
    )));
    assert!(all_feed.contains("<author><name>zanlex</name></author>"));
    assert!(feeds[1]
        .1
        .contains("<title>Изменения акта: Приказ Министра иностранных дел РК от 04.01.2018 № 11-1-4/1 — zanlex</title>"));
    assert!(feeds[1].1.contains("Изменены: Приложение 3 приложения 1"));
    assert_eq!(feeds[3].1.matches("<entry>").count(), 0);
    let Some(python) = feed_python() else { return };
    let mut files = Vec::new();
    for (name, xml) in &feeds {
        let file = tmp.path().join(format!("{name}.atom"));
        std::fs::write(&file, xml).expect("write feed");
        files.push(file);
    }
    let (valid, said) = atom_check(&python, &files);
    assert!(valid, "{said}");
    // The validator is not a formality: a feed without its `updated` fails it.
    let broken = tmp.path().join("broken.atom");
    let first_updated = all_feed.find("<updated>").expect("updated");
    let end = all_feed[first_updated..].find("</updated>").expect("end") + first_updated + 10;
    std::fs::write(
        &broken,
        format!("{}{}", &all_feed[..first_updated], &all_feed[end..]),
    )
    .expect("write broken feed");
    let (valid, said) = atom_check(&python, &[broken]);
    assert!(!valid, "a feed without `updated` passed: {said}");
}

/// What says the recent-changes view is drawn.
const DRAWN: &str = "return document.querySelectorAll('.recent-change').length > 0 || !!document.querySelector('#recent .note')";

#[test]
fn the_recent_changes_page_lists_follows_and_offers_its_feed_at_both_widths_and_languages() {
    let Some(s) = Served::start(test_corpus) else {
        return;
    };
    let base = &s.server.base;
    let axe = axe_source();
    if axe.is_none() {
        eprintln!("axe-core could not be installed with npm: its part of this test skips");
    }
    runtime().block_on(async {
        each_width_and_language(&s.webdriver, Some(base), &UIS, async |c, width, ui| {
            // The menu leads to the page, in the interface's language.
            open(c, &format!("{base}/"), "return !!document.getElementById('nav-changes')").await;
            let nav = js(c, "return document.getElementById('nav-changes').textContent").await;
            assert_eq!(nav, if ui == "kk" { "Соңғы өзгерістер" } else { "Последние изменения" });
            open(c, &format!("{base}/changes"), DRAWN).await;
            let h1 = js(c, "return document.querySelector('h1').textContent").await;
            assert_eq!(
                h1,
                if ui == "kk" { "Актілердегі соңғы өзгерістер" } else { "Последние изменения актов" }
            );
            let first = js(
                c,
                "const li = document.querySelector('.recent-change'); return [li.querySelector('time').textContent, li.querySelector('.recent-act a').textContent, li.querySelector('.recent-act a').getAttribute('href'), li.querySelector('.recent-by').textContent, li.querySelector('.recent-units').textContent]",
            )
            .await;
            let by = if ui == "kk" {
                "Өзгерткен акт: ҚР Сыртқы істер министрінің м.а. 30.09.2025 № 11-1-4/577 бұйрығы, 01.01.2026 бастап"
            } else {
                "Изменяющий акт: Приказ исполняющего обязанности Министра иностранных дел РК от 30.09.2025 № 11-1-4/577, с 01.01.2026"
            };
            let units = if ui == "kk" {
                "Өзгерген бөліктер: 1-қосымшаның 3-қосымшасы"
            } else {
                "Изменены: приложение 3 приложения 1"
            };
            assert_eq!(
                first,
                serde_json::json!([
                    "01.01.2026",
                    if ui == "kk" {
                        "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы"
                    } else {
                        "Приказ Министра иностранных дел РК от 04.01.2018 № 11-1-4/1"
                    },
                    format!("/acts/{ACT}?as_of=2026-01-01"),
                    by,
                    units
                ])
            );
            assert_eq!(js(c, "return document.querySelectorAll('.recent-change').length").await, 6);
            // The count says which number is the changes and which the acts looked in.
            assert_eq!(
                js(c, "return document.getElementById('recent-h').textContent").await,
                if ui == "kk" { "Өзгерістер: 6 · қаралған актілер: 8" } else { "Изменений: 6 · просмотрено актов: 8" }
            );
            // The feed: named in the head for a feed reader, and a link on the page.
            let feed = js(c, "return [document.querySelector('link[rel=alternate][type=\"application/atom+xml\"]').getAttribute('href'), document.getElementById('feed').getAttribute('href')]").await;
            assert_eq!(feed, serde_json::json!([format!("/changes.atom?ui={ui}"), format!("/changes.atom?ui={ui}")]));
            // Nothing runs past a phone's screen.
            assert_eq!(
                js(c, "return document.documentElement.scrollWidth <= window.innerWidth").await,
                true,
                "{width} px, {ui}: the page is wider than the screen"
            );
            if let Some(axe) = &axe {
                let found: Vec<String> = axe_violations(c, axe)
                    .await
                    .into_iter()
                    .filter(|v| ["moderate", "serious", "critical"].contains(&v["impact"].as_str().unwrap_or("")))
                    .map(|v| format!("{v:#}"))
                    .collect();
                assert!(found.is_empty(), "{width} px, {ui}: axe-core:\n{}", found.join("\n"));
            }
            screenshot(c, &format!("recent-changes-{ui}-{width}")).await;

            // A search narrows the list to the acts it finds, and names its own feed.
            js(c, "document.getElementById('recent-q').value = 'виза'; return true").await;
            c.find(fantoccini::Locator::Id("recent-go"))
                .await
                .expect("the show button")
                .click()
                .await
                .expect("submit");
            super::serve_browser::wait_true(
                c,
                "return location.search.includes('q=') && document.querySelectorAll('.recent-change').length === 1",
                "the search's changes",
            )
            .await;
            let act = js(c, "return document.querySelector('.recent-act a').getAttribute('href')").await;
            assert_eq!(act, "/acts/mvd-order-2012-06-14-352?as_of=2014-03-21");
            let head = js(c, "return document.querySelector('link[type=\"application/atom+xml\"]').getAttribute('href')").await;
            assert_eq!(head, format!("/changes.atom?q=%D0%B2%D0%B8%D0%B7%D0%B0&ui={ui}"));

            // One act's page names the act's feed; its changes page lists them alone.
            open(c, &format!("{base}/acts/{ACT}"), "return !!document.querySelector('h1')").await;
            let head = js(c, "return document.querySelector('link[type=\"application/atom+xml\"]').getAttribute('href')").await;
            assert_eq!(head, format!("/changes.atom?act={ACT}&ui={ui}"));
            open(c, &format!("{base}/changes?act={ACT}"), DRAWN).await;
            assert_eq!(js(c, "return document.querySelectorAll('.recent-change').length").await, 4);
            if let Some(axe) = &axe {
                let found: Vec<String> = axe_violations(c, axe)
                    .await
                    .into_iter()
                    .filter(|v| ["moderate", "serious", "critical"].contains(&v["impact"].as_str().unwrap_or("")))
                    .map(|v| format!("{v:#}"))
                    .collect();
                assert!(found.is_empty(), "{width} px, {ui}, one act: axe-core:\n{}", found.join("\n"));
            }
        })
        .await;
    });
}
