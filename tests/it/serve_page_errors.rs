//! The web page reads an act or a provision as the API does: its address's date and language
//! are checked by the library's one read request, so a bad read gets the same error code from
//! the page as from `/v1`: the page's own answer has `/v1`'s status, and the error it shows
//! names `/v1`'s code (`data-code`), on real acts of the bundled corpus. Skipped without
//! Debian's `chromium` and `chromium-driver`.

use super::serve_api::{get, test_corpus, Server, ACT};
use super::serve_browser::{chromedriver, chromium, js, open, runtime, start_driver};

/// A provision of [`ACT`].
const UNIT: &str = "att_1__para_3__subpara_1";

#[test]
fn the_page_and_the_api_answer_a_bad_read_with_the_same_code() {
    let Some(chromedriver) = chromedriver() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let server = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "0"]);
    let (_driver, webdriver) = start_driver(&chromedriver);
    // The page's address, the API's for the same read, and the code both give.
    let cases = [
        (
            "/acts/no-such-act".to_string(),
            "/v1/acts/no-such-act".to_string(),
            "not_found",
        ),
        (
            format!("/acts/{ACT}/para_99"),
            format!("/v1/acts/{ACT}/units/para_99"),
            "not_found",
        ),
        (
            format!("/acts/{ACT}?as_of=2020-13-01"),
            format!("/v1/acts/{ACT}?as_of=2020-13-01"),
            "bad_request",
        ),
        (
            format!("/acts/{ACT}/{UNIT}?as_of=2020-02-30"),
            format!("/v1/acts/{ACT}/units/{UNIT}?as_of=2020-02-30"),
            "bad_request",
        ),
        (
            format!("/acts/{ACT}?lang=en"),
            format!("/v1/acts/{ACT}?lang=en"),
            "bad_request",
        ),
    ];
    let client = reqwest::blocking::Client::new();
    let mut statuses = Vec::new();
    for (page, api, code) in &cases {
        let (status, body, _) = get(&server, api);
        assert_eq!(body["error"]["code"], *code, "{api}: {body:#}");
        let shell = client
            .get(server.url(page))
            .header("Accept", "text/html")
            .send()
            .expect("the page");
        let page_status = shell.status().as_u16();
        assert!(
            shell
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("text/html")),
            "{page}"
        );
        statuses.push((page.clone(), status, page_status));
    }
    // A read the library refuses as asked, and an act or unit the index lacks, are refused by
    // the page with the API's status.
    for (page, api_status, page_status) in &statuses {
        assert_eq!(page_status, api_status, "{page}");
    }
    runtime().block_on(async {
        let c = chromium(&webdriver, 1366, 900).await;
        for (page, api, code) in &cases {
            open(
                &c,
                &server.url(page),
                "return !!document.querySelector('main .error')",
            )
            .await;
            let shown = js(
                &c,
                "return document.querySelector('main .error').dataset.code",
            )
            .await;
            assert_eq!(shown, *code, "{page} (as {api})");
        }
        c.close().await.expect("close the browser");
    });
}

/// The page's status for `path`, asked as a browser asks.
fn page_status(server: &Server, path: &str) -> u16 {
    reqwest::blocking::Client::new()
        .get(server.url(path))
        .header("Accept", "text/html")
        .send()
        .expect("the page")
        .status()
        .as_u16()
}

#[test]
fn the_page_of_an_act_or_unit_the_index_lacks_is_not_found_as_in_the_api() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let server = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "0"]);
    // The page's address, the API's for the same read, and the status and code both give.
    let cases = [
        (
            "/acts/no-such-act".to_string(),
            "/v1/acts/no-such-act".to_string(),
            404,
            "not_found",
        ),
        (
            "/acts/no-such-act/para_1".to_string(),
            "/v1/acts/no-such-act/units/para_1".to_string(),
            404,
            "not_found",
        ),
        (
            format!("/acts/{ACT}/para_99"),
            format!("/v1/acts/{ACT}/units/para_99"),
            404,
            "not_found",
        ),
        (format!("/acts/{ACT}"), format!("/v1/acts/{ACT}"), 200, ""),
        (
            format!("/acts/{ACT}/{UNIT}"),
            format!("/v1/acts/{ACT}/units/{UNIT}"),
            200,
            "",
        ),
        (
            format!("/acts/{ACT}/att_1"),
            format!("/v1/acts/{ACT}/units/att_1"),
            200,
            "",
        ),
    ];
    for (page, api, status, code) in &cases {
        let (api_status, body, _) = get(&server, api);
        assert_eq!(
            (api_status, body["error"]["code"].as_str().unwrap_or("")),
            (*status, *code),
            "{api}: {body:#}"
        );
        assert_eq!(page_status(&server, page), *status, "{page}");
    }
}
