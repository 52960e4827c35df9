//! The page's compare between two dates and its status banner, in headless Chromium (as
//! `serve_browser.rs`; skipped, saying so, where `chromedriver` is not installed), on:
//! - the Government law in three Kazakh editions (2014-09-29, 2022-11-05, 2023-04-19) beside its
//!   mirror folder: article 12 paragraph 3, rewritten whole by the law of 15.06.2017 № 75-VI
//!   (`P3_2014` → `P3_2022`), compared side by side; article 9 subparagraph 12, edited (a few
//!   words struck out in 2023), compared word by word;
//! - the Almaty oblast maslikhat decision of 15.12.2020 № 64-340 (the mirror's folder, act code
//!   150276), repealed by the decision of 13.08.2024 № 25-125, which the corpus lacks;
//! - the decision of 27.03.2015 № 43-249 (act code 89455), repealed by the decision of
//!   31.07.2019 № 51-257, which the corpus holds (`tests/fixtures/predecessors/`).
//!
//! The screenshots go to `target/serve-screenshots/` (`compare-*.png`).

use super::serve_browser::{chromium, js, open, runtime, screenshot, Served};
use super::serve_browser_history::{as_printed, shown};
use fantoccini::{Client, Locator};
use std::path::Path;

const GOV: &str = "constitutional-law-1995-12-18-2688";
const REPEALED: &str = "maslikhat-decision-2020-12-15-64-340";
const REPEALED_LINKED: &str = "maslikhat-decision-2015-03-27-43-249";
const REPEALER: &str = "maslikhat-decision-2019-07-31-51-257";

const P3_2014: &str = "3. Республика Президентi толығымен немесе бiр бөлiгiнде Республика Үкіметі мен Премьер-Министрі актiлерiнiң күшiн жояды не тоқтата тұрады.";
const P3_2022: &str =
    "3. Үкімет Республика Президентімен мемлекеттік бағдарламаларды олар бекітілгенге дейін келіседі.";

/// The corpus: the mirror's fixtures, the predecessors' fixture and the Government law's
/// Kazakh editions of 2014 and 2023 beside its mirror folder.
pub(super) fn compare_corpus(tmp: &Path) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = tmp.join("corpus");
    super::common::copy_dir(&root.join("tests/fixtures/mirror"), &corpus.join("mirror"));
    super::common::copy_dir(
        &root.join("tests/fixtures/predecessors"),
        &corpus.join("predecessors"),
    );
    std::fs::create_dir_all(corpus.join("editions")).expect("editions folder");
    for (from, to) in [
        (
            "tests/fixtures/versions/codes_104316_government/kaz@0c5d4a0f_v2023-04-19.md",
            "editions/kaz_2023-04-19.md",
        ),
        (
            "tests/fixtures/time/codes_104316_government_2014/kaz@22a5d1a3_v2014-09-29.md",
            "editions/kaz@22a5d1a3_v2014-09-29.md",
        ),
    ] {
        std::fs::copy(root.join(from), corpus.join(to)).expect("copy an edition");
    }
    corpus
}

/// Sets the compare form's dates (as a reader types them) and waits for its answer.
async fn compare(c: &Client, from: &str, to: &str) {
    js(
        c,
        &format!(
            "document.getElementById('cmp_from').value = '{from}'; \
             document.getElementById('cmp_to').value = '{to}'"
        ),
    )
    .await;
    c.find(Locator::Id("compare-go"))
        .await
        .expect("compare button")
        .click()
        .await
        .expect("compare");
    super::serve_browser::wait_true(
        c,
        "return !!document.querySelector('#diff .diff-head, #diff .error')",
        "the compare's answer",
    )
    .await;
}

const TEXTS_LOADED: &str =
    "return !document.getElementById('texts-loading') && !!document.querySelector('.act-text section .text')";

#[test]
fn a_repealed_act_shows_one_banner_naming_its_repeal_on_screen_and_in_print() {
    let Some(served) = Served::start(compare_corpus) else {
        return;
    };
    let (server, webdriver) = (&served.server, &served.webdriver);
    runtime().block_on(async {
        let c = chromium(webdriver, 1366, 900).await;
        open(&c, &server.url(&format!("/acts/{REPEALED}")), TEXTS_LOADED).await;
        let page = js(
            &c,
            "const b = document.querySelectorAll('.banner'); \
             return { banners: b.length, text: b[0] && b[0].textContent, \
               act: document.getElementById('banner-act') && document.getElementById('banner-act').tagName, \
               first: document.querySelector('article.act > .banner') === document.querySelector('article.act h1').previousElementSibling, \
               unitLines: [...document.querySelectorAll('.act-text .state')].filter((s) => !s.hidden).length, \
               edition: document.getElementById('act-edition').textContent, \
               print: document.querySelector('.print-head .print-date').textContent }",
        )
        .await;
        screenshot(&c, "compare-repealed-act").await;
        assert_eq!(page["banners"], 1, "{page:#}");
        // The repeal in the Kazakh text's words, and the repealing decision as its requisite
        // names it: not in the corpus, so not a link.
        assert_eq!(
            page["text"],
            "~13.08.2024 бұрын емес күші жойылған; соңғы редакциясы көрсетілгенКүшін жойған акт: \
             решением маслихата Алматинской области от 13 августа 2024 года № 25-125",
            "{page:#}"
        );
        assert_eq!(page["act"], "SPAN");
        assert_eq!(page["first"], true, "the banner comes before the title");
        assert_eq!(page["unitLines"], 0, "one banner, not one line per unit");
        assert!(
            !page["edition"].as_str().unwrap_or("").contains("Қолданыстағы"),
            "{page:#}"
        );
        assert!(
            !page["print"].as_str().unwrap_or("").contains("қолданыстағы"),
            "{page:#}"
        );
        // Printed (the print rules applied): the banner is on the page, under the citation
        // and the date, and the page is not called the text in force.
        as_printed(&c).await;
        assert_eq!(
            (shown(&c, ".print-head").await, shown(&c, ".banner").await),
            (serde_json::json!(true), serde_json::json!(true))
        );
        screenshot(&c, "compare-repealed-act-print").await;

        // An act whose repealing act the corpus holds: the banner links to it.
        open(&c, &server.url(&format!("/acts/{REPEALED_LINKED}")), TEXTS_LOADED).await;
        let link = js(
            &c,
            "const a = document.querySelector('.banner #banner-act'); \
             return [document.querySelectorAll('.banner').length, a.tagName, a.getAttribute('href')]",
        )
        .await;
        assert_eq!(
            link,
            serde_json::json!([1, "A", format!("/acts/{REPEALER}")])
        );
        screenshot(&c, "compare-repealed-act-linked").await;

        // A provision of the repealed act: the same one banner.
        open(
            &c,
            &server.url(&format!("/acts/{REPEALED}/att_1__para_2")),
            "return document.querySelectorAll('.column').length > 0",
        )
        .await;
        let unit = js(
            &c,
            "return [document.querySelectorAll('.banner').length, document.querySelector('.banner').textContent.includes('25-125')]",
        )
        .await;
        assert_eq!(unit, serde_json::json!([1, true]));

        // An act in force has none.
        open(&c, &server.url(&format!("/acts/{GOV}")), TEXTS_LOADED).await;
        assert_eq!(js(&c, "return document.querySelectorAll('.banner').length").await, 0);
        // Read on a day before its adoption: one banner saying so.
        open(
            &c,
            &server.url(&format!("/acts/{GOV}?as_of=1990-01-01")),
            "return !!document.querySelector('article.act') && !document.getElementById('texts-loading')",
        )
        .await;
        assert_eq!(
            js(
                &c,
                "return [...document.querySelectorAll('.banner')].map((b) => b.textContent)"
            )
            .await,
            serde_json::json!(["01.01.1990 күні әлі қабылданбаған (18.12.1995 қабылданған)"])
        );
        let _ = c.close().await;
    });
}

#[test]
fn the_compare_takes_any_two_dates_and_shows_a_rewritten_paragraph_side_by_side() {
    let Some(served) = Served::start(compare_corpus) else {
        return;
    };
    let (server, webdriver) = (&served.server, &served.webdriver);
    runtime().block_on(async {
        let c = chromium(webdriver, 1366, 900).await;
        let ready = "return !!document.getElementById('compare-go')";
        // Rewritten whole: old | new, each wording as the edition behind its date prints it.
        open(&c, &server.url(&format!("/acts/{GOV}/art_12__para_3")), ready).await;
        compare(&c, "01.01.2015", "01.01.2020").await;
        let answer = js(
            &c,
            "const d = document.getElementById('diff'); \
             return { head: d.querySelector('#diff-head').textContent, \
               old: d.querySelector('.side-by-side .old .words') && d.querySelector('.side-by-side .old .words').textContent, \
               new: d.querySelector('.side-by-side .new .words') && d.querySelector('.side-by-side .new .words').textContent, \
               marks: d.querySelectorAll('p.words > ins, p.words > del').length }",
        )
        .await;
        js(&c, "document.getElementById('diff').scrollIntoView()").await;
        screenshot(&c, "compare-side-by-side").await;
        assert_eq!(
            answer["head"],
            "01.01.2015 (29.09.2014 редакциясы) → 01.01.2020 (05.11.2022 редакциясы)",
            "{answer:#}"
        );
        assert_eq!(answer["old"], P3_2014, "{answer:#}");
        assert_eq!(answer["new"], P3_2022, "{answer:#}");

        // Edited, most words shared: word marks, no columns.
        open(&c, &server.url(&format!("/acts/{GOV}/art_9__subpara_12")), ready).await;
        compare(&c, "01.12.2022", "01.05.2023").await;
        let edited = js(
            &c,
            "const d = document.getElementById('diff'); \
             return [d.querySelectorAll('.side-by-side').length, d.querySelectorAll('.words del').length > 0, \
               d.querySelector('#diff-head').textContent]",
        )
        .await;
        assert_eq!(
            edited,
            serde_json::json!([
                0,
                true,
                "01.12.2022 (05.11.2022 редакциясы) → 01.05.2023 (19.04.2023 редакциясы)"
            ])
        );

        // The whole act between two dates the corpus has no edition of: an answer, never
        // "not in the corpus", naming the dates and the editions behind them.
        open(&c, &server.url(&format!("/acts/{GOV}/history")), ready).await;
        compare(&c, "01.01.2020", "01.01.2022").await;
        let whole = js(
            &c,
            "const d = document.getElementById('diff'); \
             return [d.querySelectorAll('.error').length, d.querySelector('#diff-head').textContent]",
        )
        .await;
        js(&c, "document.getElementById('diff').scrollIntoView()").await;
        screenshot(&c, "compare-whole-act-dates").await;
        assert_eq!(
            whole,
            serde_json::json!([
                0,
                "01.01.2020 (29.09.2014, 05.11.2022 редакциясы) → 01.01.2022 (29.09.2014, \
                 05.11.2022 редакциясы)"
            ])
        );
        let _ = c.close().await;
    });
}
