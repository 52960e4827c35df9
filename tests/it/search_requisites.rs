//! A search by an act's requisites through the doors: `zanlex search --registration/--number/
//! --issuer/--date-from/--date-to` and `GET /v1/search?registration=&number=&issuer=&date_from=
//! &date_to=`, with no words, agree with each other and keep exactly the acts that have them;
//! `GET /v1/issuers` lists the issuers with their names; an issuer that names none is a clear
//! error listing the closest names.

use super::common::zanlex_with;
use super::serve_api::{get, test_corpus, Server, ACT, BILINGUAL};
use serde_json::Value;
use std::collections::BTreeSet;

/// (act, lang, eid) of every hit of a search answer.
fn hit_units(page: &Value) -> BTreeSet<(String, String, String)> {
    page["hits"]
        .as_array()
        .unwrap_or_else(|| panic!("no hits: {page}"))
        .iter()
        .map(|h| {
            (
                h["act"]["id"].as_str().unwrap_or_default().to_string(),
                h["lang"].as_str().unwrap_or_default().to_string(),
                h["unit"]["eid"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn acts_of(units: &BTreeSet<(String, String, String)>) -> BTreeSet<&str> {
    units.iter().map(|(a, ..)| a.as_str()).collect()
}

#[test]
fn the_command_line_and_the_api_search_by_requisites_alike() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let corpus = corpus.to_str().expect("utf-8 path");
    let cli = |args: &[&str]| -> Value {
        let mut all = vec!["search", "--corpus", corpus, "--json", "--limit", "1000"];
        all.extend_from_slice(args);
        let (code, out, err) = zanlex_with(&tmp, &all);
        assert_eq!(code, 0, "{args:?}: {err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
    };
    // Every unit of the order registered № 16354, none of another act.
    let whole = hit_units(&cli(&[&format!("act:{ACT}")]));
    assert!(whole.len() > 3, "{whole:?}");
    let by_reg = cli(&["--registration", "16354"]);
    assert_eq!(hit_units(&by_reg), whole);
    assert_eq!(by_reg["total"], whole.len());
    // The bilingual decision № 64-340 of the Almaty oblast's maslikhat, registered № 5834: its
    // Kazakh and Russian units, by either requisite, by its issuer named in Russian.
    let decision = hit_units(&cli(&["--registration", "5834"]));
    assert_eq!(acts_of(&decision), BTreeSet::from([BILINGUAL]));
    let langs: BTreeSet<&str> = decision.iter().map(|(_, l, _)| l.as_str()).collect();
    assert_eq!(langs, BTreeSet::from(["kk", "ru"]));
    assert_eq!(
        hit_units(&cli(&["--number", "№ 64-340", "--issuer", "Маслихат"])),
        decision
    );
    // A date range that holds its day (15.12.2020) keeps it; one that ends the day before
    // does not.
    assert_eq!(
        hit_units(&cli(&[
            "--number",
            "64-340",
            "--date-from",
            "2020-12-15",
            "--date-to",
            "2020-12-15"
        ])),
        decision
    );
    assert!(hit_units(&cli(&["--number", "64-340", "--date-to", "2020-12-14"])).is_empty());
    // An issuer named wrong: a one-line error with the closest name, exit code 2.
    let (code, _, err) = zanlex_with(
        &tmp,
        &[
            "search",
            "--corpus",
            corpus,
            "--issuer",
            "Министр иностраных дел",
        ],
    );
    assert_ne!(code, 0);
    assert!(
        err.contains("--issuer: no issuer is named \"Министр иностраных дел\"; the closest names: «Министр иностранных дел Республики Казахстан»"),
        "{err}"
    );

    // The API, on the same corpus: the same hits for the same requisites.
    let s = Server::start(
        std::path::Path::new(corpus),
        &tmp.path().join("served-index"),
        &["--watch-secs", "0"],
    );
    let (status, page, _) = get(&s, "/v1/search?registration=16354&limit=100");
    assert_eq!(status, 200, "{page}");
    assert_eq!(hit_units(&page), whole);
    // More units than a page holds: every page of them.
    let mut pages = BTreeSet::new();
    for offset in [0, 100] {
        let (status, page, _) = get(
            &s,
            &format!("/v1/search?number=64-340&issuer=%D0%9C%D0%B0%D1%81%D0%BB%D0%B8%D1%85%D0%B0%D1%82&limit=100&offset={offset}"),
        );
        assert_eq!(status, 200, "{page}");
        assert_eq!(page["total"], decision.len());
        pages.extend(hit_units(&page));
    }
    assert!(decision.len() > 100 && decision.len() <= 200);
    assert_eq!(pages, decision);
    // Words and requisites together: the words' hits in that act only.
    let (_, words, _) = get(
        &s,
        "/v1/search?q=%D1%82%D2%B1%D1%80%D0%B0%D2%9B%D1%82%D1%8B&limit=100",
    );
    let (_, both, _) = get(
        &s,
        "/v1/search?q=%D1%82%D2%B1%D1%80%D0%B0%D2%9B%D1%82%D1%8B&registration=16354&limit=100",
    );
    let both = hit_units(&both);
    assert!(!both.is_empty());
    assert_eq!(
        both,
        hit_units(&words)
            .intersection(&whole)
            .cloned()
            .collect::<BTreeSet<_>>()
    );
    // An unknown issuer: 400, the closest names in the message.
    let (status, err, _) = get(
        &s,
        "/v1/search?issuer=%D0%9C%D0%B8%D0%BD%D0%B8%D1%81%D1%82%D1%80%20%D0%B8%D0%BD%D0%BE%D1%81%D1%82%D1%80%D0%B0%D0%BD%D1%8B%D1%85%20%D0%B4%D0%B5%D0%BB",
    );
    assert_eq!(status, 400, "{err}");
    assert_eq!(err["error"]["code"], "bad_request", "{err}");
    let message = err["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("«Министр иностранных дел Республики Казахстан»"),
        "{message}"
    );
    // No words and no requisite: q is still asked for.
    let (status, _, _) = get(&s, "/v1/search");
    assert_eq!(status, 400);
    // The issuers the form lists.
    let (status, list, _) = get(&s, "/v1/issuers");
    assert_eq!(status, 200);
    let mfa = list
        .as_array()
        .and_then(|l| l.iter().find(|i| i["code"] == "mfa"))
        .unwrap_or_else(|| panic!("{list}"));
    assert_eq!(
        mfa,
        &serde_json::json!({
            "code": "mfa",
            "kk": "Қазақстан Республикасының Сыртқы істер министрі",
            "ru": "Министр иностранных дел Республики Казахстан"
        })
    );
}
