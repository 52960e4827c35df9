//! An act's contents follow the reader: as the text scrolls, the entry of the unit at the top
//! of the text is marked (`aria-current="location"`), or the nearest entry shown that holds
//! it where the contents fold it away, and the contents box keeps the mark in view; the
//! keyboard's place is left alone. At a laptop's and a phone's width, in both interface
//! languages, with axe-core; on the Constitutional Law on the Government
//! (`tests/fixtures/mirror/codes`).

use super::common::copy_dir;
use super::serve_browser::{
    axe_source, axe_violations, each_width_and_language, js, open, runtime, screenshot, Served,
    GOV_ACT, GOV_MIRROR, UIS,
};
use fantoccini::Client;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The Government law alone.
fn government(root: &Path) -> PathBuf {
    let corpus = root.join("corpus");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(GOV_MIRROR),
        &corpus.join("104316"),
    );
    corpus
}

/// The act's texts are in.
const TEXTS_IN: &str = "return !document.getElementById('texts-loading') && !!document.querySelector('.act-text section .text')";

/// The marked contents entries: `[href, whether the mark is within the contents box's
/// visible part]`.
async fn marked(c: &Client) -> Value {
    js(
        c,
        "return [...document.querySelectorAll('.toc a[aria-current]')].map((a) => { \
           const box = a.closest('.toc').getBoundingClientRect(); const r = a.getBoundingClientRect(); \
           return [a.getAttribute('href'), a.getAttribute('aria-current'), r.top >= box.top - 1 && r.bottom <= box.bottom + 1]; })",
    )
    .await
}

/// Scrolls unit `eid`'s section to the top of the window and waits for the contents to mark
/// `entry`.
async fn read_at(c: &Client, eid: &str, entry: &str) {
    js(
        c,
        &format!("document.getElementById('{eid}').scrollIntoView(); return true"),
    )
    .await;
    let started = std::time::Instant::now();
    loop {
        let now = js(
            c,
            "const a = document.querySelector('.toc a[aria-current]'); return a ? a.getAttribute('href') : null",
        )
        .await;
        if now == format!("#{entry}") {
            return;
        }
        if started.elapsed() > std::time::Duration::from_secs(15) {
            let top = js(
                c,
                "const s = [...document.querySelectorAll('.act-text > section.unit')].find((s) => s.getBoundingClientRect().bottom > 1); \
                 return s ? [s.id, s.getBoundingClientRect().top, window.scrollY] : null",
            )
            .await;
            panic!(
                "at {eid}: the contents mark {now}, not #{entry}; the first unit in view: {top}"
            );
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[test]
fn the_contents_follow_the_reader_without_moving_the_keyboard() {
    let Some(f) = Served::start(government) else {
        return;
    };
    let axe = axe_source();
    let url = format!("{}{GOV_ACT}", f.server.base);
    runtime().block_on(async {
        each_width_and_language(
            &f.webdriver,
            Some(&f.server.base),
            &UIS,
            async |c, width, ui| {
                let at = format!("{width} px, {ui}");
                open(c, &url, TEXTS_IN).await;
                // The keyboard is in the go-to box; the reader scrolls with the mouse.
                js(c, "document.getElementById('goto').focus(); return true").await;
                // Article 12 at the top: its entry is marked, in view in the contents.
                read_at(c, "art_12", "art_12").await;
                assert_eq!(
                    marked(c).await,
                    serde_json::json!([["#art_12", "location", true]]),
                    "{at}"
                );
                // Article 3's paragraph 1, folded away in the contents: the article is marked.
                read_at(c, "art_3__para_1", "art_3").await;
                // Further down, article 21-1 (the last articles, far down the contents box).
                read_at(c, "art_21-1", "art_21-1").await;
                assert_eq!(
                    marked(c).await,
                    serde_json::json!([["#art_21-1", "location", true]]),
                    "{at}"
                );
                // Unfolded, the paragraph's own entry takes the mark.
                js(
                    c,
                    "document.querySelector('.toc button[aria-controls=\"toc-art_3\"]').click(); \
                 document.getElementById('goto').focus(); return true",
                )
                .await;
                read_at(c, "art_3__para_1", "art_3__para_1").await;
                // The focus never moved.
                assert_eq!(
                    js(c, "return document.activeElement.id").await,
                    "goto",
                    "{at}"
                );
                screenshot(c, &format!("contents-follow-{ui}-{width}")).await;
                if let Some(axe) = &axe {
                    let found: Vec<Value> = axe_violations(c, axe)
                        .await
                        .into_iter()
                        .filter(|v| v["impact"] != "minor")
                        .collect();
                    assert!(found.is_empty(), "{at}: axe-core: {found:#?}");
                }
            },
        )
        .await;
    });
}

/// The Almaty oblast maslikhat's burial Rules (`tests/fixtures/chapters`): the Kazakh text
/// prints its first two chapters `1 тарау.` and `2 тарау.` (a space where the hyphen belongs),
/// the rest `3-тарау.`. Its Kazakh and its Russian contents list the same seven chapters, in
/// either interface language, at a laptop's and a phone's width.
#[test]
fn the_contents_keep_a_chapter_written_with_a_space_for_its_hyphen() {
    let dir = "0426-ob-utverzhdenii-pravil-pogrebeniia-i-organizatsii-dela-po-ukhodu-196425";
    let Some(f) = Served::start(|root| {
        let corpus = root.join("corpus");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/chapters")
                .join(dir),
            &corpus.join("local-almaty-oblast").join(dir),
        );
        corpus
    }) else {
        return;
    };
    let base = &f.server.base;
    let chapters: Vec<String> = (1..=7).map(|n| format!("#att_1__chp_{n}")).collect();
    runtime().block_on(async {
        each_width_and_language(&f.webdriver, Some(base), &UIS, async |c, width, ui| {
            for lang in ["kk", "ru"] {
                open(
                    c,
                    &format!("{base}/acts/maslikhat-decision-2024-04-26-20-96?lang={lang}"),
                    TEXTS_IN,
                )
                .await;
                let shown = js(
                    c,
                    "return [...document.querySelectorAll('.toc a')].map((a) => a.getAttribute('href')) \
                       .filter((h) => /^#att_1__chp_[0-9-]+$/.test(h))",
                )
                .await;
                assert_eq!(
                    shown,
                    serde_json::json!(chapters),
                    "{width} px, {ui} interface, {lang} text"
                );
            }
            // The first chapter's entry, its number written as the other chapters'.
            open(
                c,
                &format!("{base}/acts/maslikhat-decision-2024-04-26-20-96?lang=kk"),
                TEXTS_IN,
            )
            .await;
            assert_eq!(
                js(c, "return document.querySelector('.toc a[href=\"#att_1__chp_1\"]').textContent").await,
                "1-тарау. Жалпы ережелер",
                "{width} px, {ui}"
            );
        })
        .await;
    });
}
