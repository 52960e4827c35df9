//! The page in headless Chromium, at a laptop's and a phone's width and in both interface
//! languages, as a lawyer reads a provision and prints it: where the text comes from (the
//! official database's address, not a file of the corpus), and an act's heading in the
//! reader's language.

use super::serve_api::{test_corpus, ACT, BILINGUAL};
use super::serve_browser::{
    axe_source, axe_violations, each_width_and_language, js, open, runtime, screenshot, Served, UIS,
};
use fantoccini::Client;

/// The bundled corpus (its own acts have no official address; the pasture rules, `BILINGUAL`,
/// have one per language in their meta.yaml), served; the browser driver; `None` without
/// chromedriver.
fn fixture() -> Option<Served> {
    Served::start(test_corpus)
}

/// A provision page is in: its columns and the cited-by list.
const UNIT_IN: &str = "return !!document.querySelector('.unit-page .column .edition') && !!document.querySelector('#cited-by-list ul, #no-cited-by')";

/// Each column's source on a provision page: `[language, official href or null, file text or
/// null, whether the print stylesheet hides the file]`.
async fn sources(c: &Client) -> serde_json::Value {
    js(
        c,
        "const printRules = []; \
         for (const sheet of document.styleSheets) for (const r of sheet.cssRules) \
           if (r.media && r.media.mediaText.includes('print')) \
             for (const s of r.cssRules) if (s.style && s.style.display === 'none') printRules.push(s.selectorText); \
         return [...document.querySelectorAll('.unit-page .column')].map((col) => { \
           const a = col.querySelector('.edition a.official'); const f = col.querySelector('.edition .src'); \
           return [col.lang, a ? a.getAttribute('href') : null, f ? f.textContent : null, \
                   f ? printRules.some((sel) => f.matches(sel)) : null]; })",
    )
    .await
}

#[test]
fn a_provision_names_its_official_source_and_prints_no_file_path() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        each_width_and_language(&f.webdriver, Some(base), &UIS, async |c, width, ui| {
            // The pasture rules: each language's text links to its own official page,
            // and no file of the corpus is named.
            open(
                c,
                &format!("{base}/acts/{BILINGUAL}/att_1__para_2"),
                UNIT_IN,
            )
            .await;
            assert_eq!(
                sources(c).await,
                serde_json::json!([
                    [
                        "kk",
                        "https://zan.gov.kz/client/#!/doc/150276/kaz/15.12.2020",
                        null,
                        null
                    ],
                    [
                        "ru",
                        "https://zan.gov.kz/client/#!/doc/150276/rus/15.12.2020",
                        null,
                        null
                    ]
                ]),
                "{width} px, {ui}"
            );
            assert_eq!(
                js(c, "return document.body.textContent.includes('.md:')").await,
                false,
                "{width} px, {ui}"
            );
            screenshot(c, &format!("unit-official-{ui}-{width}")).await;
            // An act of the corpus without an official address: its file and lines, on
            // the screen only.
            open(c, &format!("{base}/acts/{ACT}/para_1"), UNIT_IN).await;
            let shown = sources(c).await;
            assert_eq!(
                shown[0],
                serde_json::json!(["kk", null, "corpus/003_0165b7296e38fd1a.txt:17-20", true]),
                "{width} px, {ui}"
            );
            for col in shown.as_array().expect("columns") {
                assert_eq!(col[1], serde_json::Value::Null, "{width} px, {ui}");
                assert!(
                    col[2]
                        .as_str()
                        .is_some_and(|f| f.starts_with("corpus/003_0165b7296e38fd1a.txt:")),
                    "{width} px, {ui}: {col}"
                );
                assert_eq!(col[3], true, "{width} px, {ui}: {col}");
            }
        })
        .await;
    });
}

/// Each hit on the page: `[act id, hit language, official href or null, file text or null]`.
async fn hit_sources(c: &Client) -> Vec<serde_json::Value> {
    let v = js(
        c,
        "return [...document.querySelectorAll('#results .hit')].map((li) => { \
           const act = decodeURIComponent(li.querySelector('a.cite').getAttribute('href')).split('/')[2]; \
           const a = li.querySelector('.meta a.official'); const f = li.querySelector('.meta .src'); \
           return [act, li.lang, a ? a.getAttribute('href') : null, f ? f.textContent : null]; })",
    )
    .await;
    v.as_array().expect("hits").clone()
}

#[test]
fn a_search_hit_names_its_official_source_and_no_file_path() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        each_width_and_language(&f.webdriver, Some(base), &UIS, async |c, width, ui| {
            // The pasture rules answer in each language: each hit links to the official
            // page of its own text, and no hit names a file of the corpus.
            for (q, lang, official) in [
                (
                    "выпас%20больных%20сельскохозяйственных%20животных",
                    "ru",
                    "https://zan.gov.kz/client/#!/doc/150276/rus/15.12.2020",
                ),
                (
                    "ауыл%20шаруашылығы%20жануарларын%20жаю",
                    "kk",
                    "https://zan.gov.kz/client/#!/doc/150276/kaz/15.12.2020",
                ),
            ] {
                open(
                    c,
                    &format!("{base}/?q={q}&lang={lang}"),
                    "return document.querySelectorAll('#results .hit').length > 0",
                )
                .await;
                let hits = hit_sources(c).await;
                let pasture: Vec<_> = hits.iter().filter(|h| h[0] == BILINGUAL).collect();
                assert!(!pasture.is_empty(), "{width} px, {ui}, {q}: {hits:?}");
                for hit in pasture {
                    assert_eq!(
                        hit,
                        &serde_json::json!([BILINGUAL, lang, official, null]),
                        "{width} px, {ui}, {q}"
                    );
                }
                // The bundled acts have no official address: their hits keep the file.
                for hit in hits.iter().filter(|h| h[0] != BILINGUAL) {
                    assert_eq!(hit[2], serde_json::Value::Null, "{width} px, {ui}: {hit}");
                    assert!(
                        hit[3].as_str().is_some_and(|f| f.starts_with("corpus/")),
                        "{width} px, {ui}: {hit}"
                    );
                }
                screenshot(c, &format!("hits-official-{ui}-{lang}-{width}")).await;
            }
        })
        .await;
    });
}

/// The act page's texts are in.
const TEXTS_IN: &str = "return !document.getElementById('texts-loading') && !!document.querySelector('.act-text section .text')";

#[test]
fn an_acts_heading_is_in_the_interface_language_where_the_act_has_it() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        let cases = [
            (
                "kk",
                "Алматы облысы бойынша ауыл шаруашылығы жануарларын жаюдың қағидаларын бекіту туралы",
                "~13.08.2024 бұрын емес күші жойылған; соңғы редакциясы көрсетілген",
            ),
            (
                "ru",
                "Об утверждении Правил выпаса сельскохозяйственных животных по Алматинской области",
                "утратил силу не ранее ~13.08.2024; показана последняя редакция",
            ),
        ];
        each_width_and_language(&f.webdriver, Some(base), &cases, async |c, width, (ui, title, banner)| {
            // The act opens on its Kazakh text whatever the interface language.
            open(c, &format!("{base}/acts/{BILINGUAL}"), TEXTS_IN).await;
            assert_eq!(
                js(c, "const h = document.querySelector('h1'); return [h.lang, h.textContent, document.querySelector('.act-text').lang]").await,
                serde_json::json!([ui, title, "kk"]),
                "{width} px"
            );
            screenshot(c, &format!("act-h1-{ui}-{width}")).await;
            // A provision of the repealed act, in both languages: the banner's state in
            // the interface's language, as its label is.
            open(c, &format!("{base}/acts/{BILINGUAL}/att_1__para_2"), UNIT_IN).await;
            assert_eq!(
                js(c, "const s = document.querySelector('#status-banner .state'); return [s.lang, s.textContent]").await,
                serde_json::json!([ui, banner]),
                "{width} px"
            );
        })
        .await;
    });
}

/// axe-core's findings of `rules` on the view shown, as their ids.
async fn findings(c: &Client, axe: &str, rules: &[&str]) -> Vec<String> {
    axe_violations(c, axe)
        .await
        .into_iter()
        .filter_map(|v| v["rule"].as_str().map(str::to_string))
        .filter(|id| rules.contains(&id.as_str()))
        .collect()
}

#[test]
fn an_act_with_several_tables_and_the_error_page_pass_axes_moderate_rules() {
    let Some(f) = fixture() else { return };
    let Some(axe) = axe_source() else {
        eprintln!("skipped: axe-core could not be installed with npm (npm install axe-core@4)");
        return;
    };
    let base = &f.server.base;
    let rules = ["landmark-unique", "page-has-heading-one"];
    runtime().block_on(async {
        each_width_and_language(&f.webdriver, Some(base), &[("kk", "Қате"), ("ru", "Ошибка")], async |c, width, (ui, error)| {
            // The pasture rules' three appendices, each a table: three regions, each
            // named by its number.
            open(c, &format!("{base}/acts/{BILINGUAL}"), TEXTS_IN).await;
            assert_eq!(
                js(c, "return [...document.querySelectorAll('.table-wrap')].map((w) => w.getAttribute('aria-label').split(' ')[1])").await,
                serde_json::json!(["1", "2", "3"]),
                "{width} px, {ui}"
            );
            assert_eq!(findings(c, &axe, &rules).await, Vec::<String>::new(), "{width} px, {ui}");
            // An act that is not there: the page's one heading says it is an error.
            open(
                c,
                &format!("{base}/acts/no-such-act"),
                "return !!document.querySelector('main .error')",
            )
            .await;
            assert_eq!(
                js(c, "return [...document.querySelectorAll('h1')].map((h) => h.textContent)").await,
                serde_json::json!([error]),
                "{width} px, {ui}"
            );
            assert_eq!(findings(c, &axe, &rules).await, Vec::<String>::new(), "{width} px, {ui}");
            screenshot(c, &format!("error-page-{ui}-{width}")).await;
        })
        .await;
    });
}

#[test]
fn a_skip_link_leads_past_the_contents_to_the_text() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        let cases = [
            ("kk", "Мазмұнын өткізіп, мәтінге өту"),
            ("ru", "Пропустить содержание и перейти к тексту"),
        ];
        each_width_and_language(&f.webdriver, Some(base), &cases, async |c, width, (ui, words)| {
            open(c, &format!("{base}/acts/{BILINGUAL}"), TEXTS_IN).await;
            // The contents' first keyboard stop is the skip link, in the reader's language.
            assert_eq!(
                js(c, "const n = document.querySelector('nav.toc'); const first = n.querySelector('a, button, input'); return [first.id, first.textContent]").await,
                serde_json::json!(["skip-toc", words]),
                "{width} px"
            );
            js(c, "document.getElementById('skip-toc').focus(); return true").await;
            c.active_element()
                .await
                .expect("the focused element")
                .send_keys("\u{E007}")
                .await
                .expect("press Enter");
            assert_eq!(
                js(c, "const a = document.activeElement; return [a.id, a.contains(document.querySelector('.act-text')), location.hash]").await,
                serde_json::json!(["act-text-section", true, ""]),
                "{width} px, {ui}"
            );
            js(c, "document.getElementById('skip-toc').focus(); window.scrollTo(0, 0); return true").await;
            screenshot(c, &format!("act-skip-toc-{ui}-{width}")).await;
        })
        .await;
    });
}

#[test]
fn on_a_phone_the_filters_fold_into_a_line_above_the_first_result() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        each_width_and_language(&f.webdriver, Some(base), &[("kk", "Сүзгілер (1)"), ("ru", "Фильтры (1)")], async |c, width, (ui, words)| {
            open(
                c,
                &format!("{base}/?q=жайылым&status=repealed"),
                "return document.querySelectorAll('.hit').length > 0",
            )
            .await;
            // `[filters open, the line's words or null when hidden, first result's top
            // within the window, the status filter's choice]`.
            let shown = js(
                c,
                "const b = document.getElementById('filters-box'); const s = b.querySelector('summary'); \
                 const top = document.querySelector('.hit').getBoundingClientRect().top; \
                 return [b.open, getComputedStyle(s).display === 'none' ? null : s.textContent, \
                         top < window.innerHeight - 60, document.getElementById('status').value]",
            )
            .await;
            let phone = width < 600;
            assert_eq!(
                shown,
                serde_json::json!([!phone, if phone { Some(words) } else { None }, true, "repealed"]),
                "{width} px, {ui}"
            );
            screenshot(c, &format!("search-filters-{ui}-{width}")).await;
            if phone {
                // The line opens them.
                c.find(fantoccini::Locator::Css("#filters-box summary"))
                    .await
                    .expect("the filters' line")
                    .click()
                    .await
                    .expect("open the filters");
                assert_eq!(
                    js(c, "const s = document.getElementById('status'); return [document.getElementById('filters-box').open, s.getBoundingClientRect().height > 0]").await,
                    serde_json::json!([true, true]),
                    "{width} px, {ui}"
                );
            }
        })
        .await;
    });
}

/// The links in each column's text of a provision page: `[language, words, href, title]`.
async fn text_links(c: &Client) -> serde_json::Value {
    js(
        c,
        "return [...document.querySelectorAll('.unit-page .column')].flatMap((col) => \
           [...col.querySelectorAll('.text a.text-ref')].map((a) => \
             [col.lang, a.textContent, a.getAttribute('href'), a.title]))",
    )
    .await
}

#[test]
fn references_in_the_running_text_are_links_naming_the_unit_they_lead_to() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    let act = "/acts/maslikhat-decision-2020-12-15-64-340";
    let links_in =
        "return document.querySelectorAll('.unit-page .column .text a.text-ref').length > 0";
    runtime().block_on(async {
        each_width_and_language(&f.webdriver, Some(base), &UIS, async |c, width, ui| {
            // Item 22 of the pasture rules names appendices 2 and 3, in each language.
            open(c, &format!("{base}/acts/{BILINGUAL}/att_1__para_22"), links_in).await;
            assert_eq!(
                text_links(c).await,
                serde_json::json!([
                    ["kk", "осы Қағидалардың 2-қосымшада", format!("{act}/att_1__annex_2?lang=kk"),
                     "Алматы облыстық мәслихатының 15.12.2020 № 64-340 шешімі · Қағидалар · 2-қосымша"],
                    ["kk", "осы Қағидалардың 3-қосымшада", format!("{act}/att_1__annex_3?lang=kk"),
                     "Алматы облыстық мәслихатының 15.12.2020 № 64-340 шешімі · Қағидалар · 3-қосымша"],
                    ["ru", "приложении 2 к настоящим Правилам", format!("{act}/att_1__annex_2?lang=ru"),
                     "Решение маслихата Алматинской области от 15.12.2020 № 64-340 · Правила · приложение 2"],
                    ["ru", "приложении 3 к настоящим Правилам", format!("{act}/att_1__annex_3?lang=ru"),
                     "Решение маслихата Алматинской области от 15.12.2020 № 64-340 · Правила · приложение 3"],
                ]),
                "{width} px, {ui}"
            );
            // The text around the links reads as printed.
            assert_eq!(
                js(c, "return document.querySelector('.unit-page .column[lang=ru] .text').textContent.split('\\n')[1]").await,
                "Нормы нагрузки на одно лицо, осуществляющего выпас сельскохозяйственных животных, указаны в приложении 3 к настоящим Правилам.",
                "{width} px, {ui}"
            );
            // On focus from the keyboard the citation shows, within the phone's width.
            js(c, "document.querySelector('.column[lang=ru] .text a.text-ref').focus(); return true").await;
            assert_eq!(
                js(c, "const a = document.activeElement; return [a.matches(':focus-visible'), getComputedStyle(a, '::after').content]").await,
                serde_json::json!([true, "\"Решение маслихата Алматинской области от 15.12.2020 № 64-340 · Правила · приложение 2\""]),
                "{width} px, {ui}"
            );
            assert_eq!(
                js(c, "return document.documentElement.scrollWidth <= window.innerWidth").await,
                true,
                "{width} px, {ui}"
            );
            screenshot(c, &format!("text-links-{ui}-{width}")).await;
            // A provision's links include those of the units inside it: the rules as a
            // whole link every resolved reference of their items, in the text's order.
            open(c, &format!("{base}/acts/{BILINGUAL}/att_1?lang=ru"), links_in).await;
            assert_eq!(
                js(c, "return [...document.querySelectorAll('.column[lang=ru] .text a.text-ref')].map((a) => [a.textContent, a.dataset.eid])").await,
                serde_json::json!([
                    ["пункте 17 настоящих Правил", "att_1__para_17"],
                    ["приложении 1 к настоящим Правилам", "att_1__annex_1"],
                    ["приложении 2 к настоящим Правилам", "att_1__annex_2"],
                    ["приложении 3 к настоящим Правилам", "att_1__annex_3"],
                ]),
                "{width} px, {ui}"
            );
            // Following one opens the unit it names.
            open(c, &format!("{base}/acts/{BILINGUAL}/att_1__para_22"), links_in).await;
            c.find(fantoccini::Locator::Css(".column[lang=kk] .text a.text-ref"))
                .await
                .expect("the first link")
                .click()
                .await
                .expect("follow it");
            super::serve_browser::wait_true(
                c,
                "return location.pathname.endsWith('/att_1__annex_2') && !!document.querySelector('.unit-page h1')",
                "the appendix the link names",
            )
            .await;
            assert_eq!(
                js(c, "return document.querySelector('.unit-page .column[lang=kk] .cite').textContent").await,
                "Алматы облыстық мәслихатының 15.12.2020 № 64-340 шешімі · Қағидалар · 2-қосымша",
                "{width} px, {ui}"
            );
        })
        .await;
    });
}

/// The Administrative Procedural Code as the mirror splits it into part files, served.
fn code_fixture() -> Option<Served> {
    Served::start(|tmp| {
        let corpus = tmp.join("corpus");
        super::common::copy_dir(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/split"),
            &corpus,
        );
        corpus
    })
}

#[test]
fn a_codes_provision_is_cited_in_official_short_form() {
    let Some(f) = code_fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        each_width_and_language(&f.webdriver, Some(base), &UIS, async |c, width, ui| {
            open(
                c,
                &format!("{base}/acts/code-2020-06-29-350-vi/art_4__para_2"),
                UNIT_IN,
            )
            .await;
            // Each column cites the code by its short name in its own language.
            assert_eq!(
                js(c, "return [...document.querySelectorAll('.unit-page .column')].map((col) => [col.lang, col.querySelector('.cite').textContent])").await,
                serde_json::json!([
                    ["kk", "ҚР ӘРПК 4-бабының 2-тармағы"],
                    ["ru", "п. 2 ст. 4 АППК РК"]
                ]),
                "{width} px, {ui}"
            );
            assert_eq!(
                js(c, "return [document.querySelector('h1').textContent, document.title]").await,
                serde_json::json!([
                    "ҚР ӘРПК 4-бабының 2-тармағы",
                    "ҚР ӘРПК 4-бабының 2-тармағы — zanlex"
                ]),
                "{width} px, {ui}"
            );
            assert_eq!(
                js(c, "return document.documentElement.scrollWidth <= window.innerWidth").await,
                true,
                "{width} px, {ui}"
            );
            screenshot(c, &format!("code-citation-{ui}-{width}")).await;
        })
        .await;
    });
}
