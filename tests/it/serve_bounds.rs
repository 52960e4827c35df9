//! The lists of the JSON API (references, cited-by, history, a diff's changes) and an act's
//! outline bounded in characters (`serve --answer-chars`), cut where an entry ends and saying
//! how to get the rest, on real acts with long lists: the Administrative Procedure Code split
//! into part files (187 references, 170 citing references, 171 amendment events) and the
//! Constitutional Law on the Government in two editions (38 changed units). The pages, read in
//! turn, give the whole list the command line's `--json` prints.

use super::serve_api::{get, Server};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Administrative Procedure Code, in part files.
const CODE: &str = "code-2020-06-29-350-vi";
/// The Constitutional Law on the Government, in two editions.
const GOVERNMENT: &str = "constitutional-law-1995-12-18-2688";
/// The bound the servers of these tests run with.
const BOUND: usize = 20_000;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `zanlex ARGS --json` on `corpus` and `index`: the whole answer, within the default bound.
fn cli_json(corpus: &Path, index: &Path, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(args)
        .arg("--json")
        .arg("--corpus")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .output()
        .expect("run zanlex");
    assert!(out.status.success(), "{args:?}: {out:?}");
    serde_json::from_slice(&out.stdout).expect("CLI JSON")
}

/// The characters of `value`'s JSON as the server writes it (compact, letters unescaped).
fn chars(value: &Value) -> usize {
    value.to_string().chars().count()
}

/// Every page of `path` from offset 0, following `next_offset`: the pages, each checked to
/// be within [`BOUND`], its `cut` to say how many entries of `key` it holds and where the next
/// page begins, and the last to say nothing of a next.
fn every_page(s: &Server, path: &str, key: &str, word: &str) -> Vec<Value> {
    let mut pages: Vec<Value> = Vec::new();
    let mut offset = 0;
    loop {
        let sep = if path.contains('?') { '&' } else { '?' };
        let (status, page, _) = get(s, &format!("{path}{sep}offset={offset}"));
        assert_eq!(status, 200, "{path} at {offset}: {page:#}");
        let size = chars(&page);
        assert!(size <= BOUND, "{path} at {offset}: {size} characters");
        assert_eq!(page["offset"], offset, "{path}");
        let held = page[key].as_array().expect("the list").len();
        match page.get("next_offset").and_then(Value::as_u64) {
            Some(next) => {
                assert!(held >= 2, "{path} at {offset}: {held} entries on a page");
                assert_eq!(next, (offset + held) as u64, "{path} at {offset}");
                assert_eq!(
                    page["cut"],
                    format!(
                        "the page holds {held} {word} to stay within {BOUND} characters; \
                         `offset` {next} gives the next"
                    ),
                    "{path} at {offset}"
                );
                pages.push(page);
                offset = next as usize;
            }
            None => {
                assert!(page.get("cut").is_none(), "{page:#}");
                pages.push(page);
                return pages;
            }
        }
        assert!(pages.len() < 100, "{path}: no last page");
    }
}

/// The entries of `key` of every page, in order.
fn joined(pages: &[Value], key: &str) -> Vec<Value> {
    pages
        .iter()
        .flat_map(|p| p[key].as_array().cloned().unwrap_or_default())
        .collect()
}

#[test]
fn api_lists_are_cut_where_an_entry_ends_and_page_on() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = fixture("split");
    let index = tmp.path().join("index");
    let s = Server::start(
        &corpus,
        &index,
        &["--watch-secs", "0", "--answer-chars", &BOUND.to_string()],
    );

    // What the code refers to: 187 references, a page of them at a time.
    let whole = cli_json(&corpus, &index, &["refs", CODE]);
    assert_eq!(whole["total"], 187);
    assert!(whole.get("next_offset").is_none(), "{}", whole["cut"]);
    assert!(chars(&whole) > BOUND, "the list is longer than one page");
    let pages = every_page(
        &s,
        &format!("/v1/acts/{CODE}/refs"),
        "references",
        "references",
    );
    assert!(pages.len() >= 6, "{} pages", pages.len());
    assert_eq!(joined(&pages, "references"), joined(&[whole], "references"));
    for page in &pages {
        assert_eq!(
            (page["total"].clone(), page["limit"].clone()),
            (187.into(), 10_000.into())
        );
        assert_eq!(page["citation"], "ҚР 29.06.2020 № 350-VI Кодексі");
    }

    // What refers to it: 170 references from its own articles.
    let whole = cli_json(&corpus, &index, &["cited-by", CODE]);
    assert_eq!(whole["total"], 170);
    let pages = every_page(
        &s,
        &format!("/v1/acts/{CODE}/cited-by"),
        "cited_by",
        "references",
    );
    assert!(pages.len() >= 6, "{} pages", pages.len());
    assert_eq!(joined(&pages, "cited_by"), joined(&[whole], "cited_by"));

    // Its history: 171 events by 47 amending acts, each list paged together.
    let whole = cli_json(&corpus, &index, &["history", CODE]);
    assert_eq!(whole["totals"]["events"], 171);
    assert_eq!(whole["entries"].as_array().map(Vec::len), Some(171));
    let acts = whole["totals"]["by_act"].as_u64().expect("by_act");
    assert_eq!(
        whole["by_act"].as_array().map(Vec::len),
        Some(acts as usize)
    );
    let path = format!("/v1/acts/{CODE}/history");
    let pages = every_page(&s, &path, "entries", "entries of each list");
    assert_eq!(
        joined(&pages, "entries"),
        joined(std::slice::from_ref(&whole), "entries")
    );
    assert_eq!(
        joined(&pages, "by_act"),
        joined(std::slice::from_ref(&whole), "by_act")
    );
    // A page asked for: its entries are the list's, from its offset.
    let (_, five, _) = get(&s, &format!("{path}?offset=5&limit=5"));
    assert_eq!(
        five["entries"],
        Value::from(whole["entries"].as_array().expect("entries")[5..10].to_vec())
    );
    assert_eq!(
        (five["limit"].clone(), five["next_offset"].clone()),
        (5.into(), 10.into())
    );
    assert!(five.get("cut").is_none(), "{five:#}");

    // The outline without texts: its first levels, saying which and how to read the rest.
    let (status, outline, _) = get(&s, &format!("/v1/acts/{CODE}"));
    assert_eq!(status, 200, "{outline:#}");
    assert!(chars(&outline) <= BOUND);
    assert_eq!(
        outline["cut"],
        format!(
            "the outline is large: only its first 2 level(s) are listed (a unit's `children` \
             there are left out, not absent); GET /v1/acts/{{id}}/units/{{eid}} (zanlex show) \
             gives {CODE}#EID for a unit and its children"
        )
    );
    let units = outline["units"].as_array().expect("units");
    assert_eq!(units.len(), 4, "the code's four sections");
    assert!(units.iter().all(|u| {
        u["children"].as_array().is_some_and(|c| {
            !c.is_empty() && c.iter().all(|c| c["children"] == Value::Array(vec![]))
        })
    }));

    // A bad page: the one error table's code.
    let (status, err, _) = get(&s, &format!("{path}?limit=0"));
    assert_eq!(status, 400, "{err:#}");
    assert_eq!(err["error"]["code"], "bad_request");
    assert_eq!(
        err["error"]["message"],
        "limit 0 is out of range; use 1 to 10000 and page on with `offset`"
    );
}

#[test]
fn api_diff_is_cut_where_a_change_ends_and_pages_on() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = fixture("versions");
    let index = tmp.path().join("index");
    let s = Server::start(
        &corpus,
        &index,
        &["--watch-secs", "0", "--answer-chars", &BOUND.to_string()],
    );
    let whole = cli_json(
        &corpus,
        &index,
        &[
            "diff",
            GOVERNMENT,
            "--from",
            "2022-11-05",
            "--to",
            "2023-04-19",
        ],
    );
    assert_eq!(whole["units_total"], 38);
    assert!(chars(&whole) > BOUND, "the diff is longer than one page");
    let path = format!("/v1/acts/{GOVERNMENT}/diff?from=2022-11-05&to=2023-04-19");
    let pages = every_page(&s, &path, "units", "changes");
    assert!(pages.len() >= 2, "{} pages", pages.len());
    assert_eq!(
        joined(&pages, "units"),
        joined(std::slice::from_ref(&whole), "units")
    );
    // The lists of eids are whole on every page.
    for page in &pages {
        assert_eq!(page["changed"], whole["changed"]);
        assert_eq!(page["units_total"], 38);
    }
}

/// Each unit of `units` in document order (a unit before the units inside it) without the
/// units inside it, with the eid of the unit holding it: a page's top units name theirs in
/// `parent`.
fn flat(units: &[Value], holder: Option<&str>, out: &mut Vec<(Option<String>, Value)>) {
    for u in units {
        let mut own = u.clone();
        let fields = own.as_object_mut().expect("a unit");
        fields.remove("children");
        let named = fields.remove("parent");
        let holder = named
            .as_ref()
            .and_then(Value::as_str)
            .or(holder)
            .map(str::to_string);
        out.push((holder, own));
        let eid = u["eid"].as_str().expect("eid");
        flat(u["children"].as_array().expect("children"), Some(eid), out);
    }
}

/// Every page of the act `path` asks (with `text=true`) from offset 0, following
/// `next_offset`: each within `bound` characters, holding the units from its `offset` up to
/// its `next_offset` and no other, each with its text, and saying so; the units of all
/// pages in order, each with its holder.
fn act_pages(s: &Server, path: &str, bound: usize) -> (usize, Vec<(Option<String>, Value)>) {
    let mut units = Vec::new();
    let (mut offset, mut pages) = (0, 0);
    loop {
        let (status, page, _) = get(s, &format!("{path}&offset={offset}"));
        assert_eq!(status, 200, "{path} at {offset}: {page:#}");
        pages += 1;
        let size = chars(&page);
        assert!(size <= bound, "{path} at {offset}: {size} characters");
        let mut held = Vec::new();
        flat(page["units"].as_array().expect("units"), None, &mut held);
        assert!(!held.is_empty(), "{path} at {offset}: no unit");
        let count = held.len();
        units.extend(held);
        match page.get("next_offset").and_then(Value::as_u64) {
            Some(next) => {
                let next = next as usize;
                assert_eq!(next, offset + count, "{path} at {offset}");
                assert!(
                    page["cut"].as_str().is_some_and(|c| c
                        .starts_with(&format!("units {offset} to {} of ", next - 1))
                        && c.ends_with(&format!(
                            "(in document order, from 0), with their texts, are sent to stay \
                         within {bound} characters; `offset` {next} gives the next"
                        ))),
                    "{}",
                    page["cut"]
                );
                offset = next;
            }
            None => {
                assert!(page.get("cut").is_none(), "{page:#}");
                return (pages, units);
            }
        }
        assert!(pages < 1_000, "{path}: no last page");
    }
}

/// An act read with its texts larger than one answer comes in pages of its outline and texts
/// together, each within the bound: the Administrative Procedure Code (sections, chapters,
/// articles, paragraphs), today and on a date. Walked from offset 0, the pages give every unit
/// of the whole answer (`zanlex show --texts --json`) once, in order, with its text, and a
/// unit whose holder was on an earlier page names it.
#[test]
fn an_act_s_outline_and_texts_come_in_pages_within_the_bound() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = fixture("split");
    let index = tmp.path().join("index");
    let s = Server::start(
        &corpus,
        &index,
        &["--watch-secs", "0", "--answer-chars", &BOUND.to_string()],
    );
    for date in [None, Some("2021-07-01")] {
        let mut args = vec!["show", CODE, "--texts"];
        let mut path = format!("/v1/acts/{CODE}?text=true");
        if let Some(date) = date {
            args.extend(["--as-of", date]);
            path.push_str(&format!("&as_of={date}"));
        }
        let whole = cli_json(&corpus, &index, &args);
        assert!(whole.get("next_offset").is_none(), "{}", whole["cut"]);
        let mut want = Vec::new();
        flat(whole["units"].as_array().expect("units"), None, &mut want);
        assert!(want.len() > 1_000, "{} units", want.len());
        // The outline alone is larger than a page.
        let outline: usize = want
            .iter()
            .map(|(_, u)| {
                let mut u = u.clone();
                for key in ["text", "notes", "tables", "highlights", "closing_at"] {
                    u.as_object_mut().expect("unit").remove(key);
                }
                chars(&u)
            })
            .sum();
        assert!(outline > 3 * BOUND, "{outline} characters of outline");
        let (pages, got) = act_pages(&s, &path, BOUND);
        assert!(pages >= 10, "{pages} pages");
        assert_eq!(got.len(), want.len(), "{date:?}");
        for (k, (got, want)) in got.iter().zip(&want).enumerate() {
            assert_eq!(got, want, "unit {k} on {date:?}");
        }
        assert!(got.iter().all(|(_, u)| u.get("text").is_some()));
        // A page that starts inside an article names the units holding its first units.
        let (_, page, _) = get(&s, &format!("{path}&offset={}", want.len() / 2));
        let first = &page["units"][0];
        assert_eq!(
            first.get("parent").and_then(Value::as_str),
            want[want.len() / 2].0.as_deref(),
            "{first:#}"
        );
        assert!(first.get("parent").is_some(), "{first:#}");
    }
}

/// The pages of a large act's outline and texts, read from offset 0 through the library at a
/// small bound, give the act's whole outline and texts once, in order, each unit with its
/// holder, its text and what a search's words mark in it: the Administrative Procedure Code,
/// today and on a date, with and without words marked. Each page stays within its bound,
/// the marks and the holders it names counted.
#[test]
fn the_pages_of_a_large_act_make_its_whole_outline() {
    use zanlex::pages::{act_page, Budget, ReadArgs, ReadRequest};
    let tmp = tempfile::tempdir().expect("tempdir");
    let index = crate::common::build_clean(
        fixture("split"),
        tmp.path().join("index"),
        &zanlex::BuildOptions::default(),
    );
    let mut whole_budget = Budget::SERVER;
    whole_budget.answer_chars = usize::MAX;
    let mut page_budget = Budget::SERVER;
    page_budget.answer_chars = BOUND;
    // The corpus has the code's edition of 25.08.2026 alone: on a later day each unit has its
    // wording.
    for as_of in [None, Some("2026-09-01")] {
        for mark in [None, Some("әкімшілік рәсім")] {
            let read = |offset: usize, budget: &Budget| {
                let args = ReadArgs {
                    target: CODE,
                    as_of,
                    mark,
                    texts: true,
                    offset: Some(offset as u64),
                    ..Default::default()
                };
                let request = ReadRequest::parse(&args, str::to_string).expect("request");
                let page = act_page(&index, &request, budget).expect("page");
                serde_json::to_value(&page).expect("JSON")
            };
            let whole = read(0, &whole_budget);
            assert!(whole.get("next_offset").is_none(), "{as_of:?} {mark:?}");
            let mut want = Vec::new();
            flat(whole["units"].as_array().expect("units"), None, &mut want);
            assert!(want.len() > 1_000, "{} units", want.len());
            let worded = want.iter().filter(|(_, u)| u["text"] != "");
            assert!(worded.count() > 1_000, "{as_of:?}: the units' wordings");
            if mark.is_some() {
                let marked = want.iter().filter(|(_, u)| u.get("highlights").is_some());
                assert!(marked.count() > 500, "{as_of:?}: the words are marked");
            }
            let (mut got, mut offset, mut pages) = (Vec::new(), 0, 0);
            loop {
                let page = read(offset, &page_budget);
                pages += 1;
                assert!(chars(&page) <= BOUND, "{as_of:?} {mark:?} at {offset}");
                let before = got.len();
                flat(page["units"].as_array().expect("units"), None, &mut got);
                match page.get("next_offset").and_then(Value::as_u64) {
                    Some(next) => {
                        assert_eq!(got.len(), next as usize, "{as_of:?} {mark:?} at {offset}");
                        assert!(got.len() > before);
                        offset = next as usize;
                    }
                    None => break,
                }
            }
            assert!(pages >= 10, "{pages} pages");
            assert_eq!(got.len(), want.len(), "{as_of:?} {mark:?}");
            for (k, (got, want)) in got.iter().zip(&want).enumerate() {
                assert_eq!(got, want, "unit {k}, {as_of:?} {mark:?}");
            }
        }
    }
}
