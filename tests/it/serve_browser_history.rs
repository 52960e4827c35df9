//! The page in headless Chromium, at a laptop's and a phone's width: history and compare in
//! words (each amendment a sentence in the reader's language with its amending act, linked
//! when the corpus holds it, and the date it took effect, for one provision and for a whole
//! act; a whole act compared between two dates, the provisions whose text changed first); the
//! act read on one date and searched within; the act printed, its notes set apart.

use super::serve_browser::{
    axe_source, axe_violations, chromium, each_language, each_width, each_width_and_language,
    interface_language, js, open, runtime, screenshot, wait_true, Served, GOV_2023, GOV_ACT,
    GOV_MIRROR, GOV_P3, UIS,
};
use fantoccini::{Client, Locator};
use std::path::Path;

/// The order amended by an order the corpus holds (`tests/fixtures/amend/consolidated`).
const AMENDED: &str = "mfa-order-2019-03-01-11-1-4-99";
/// The order that amends it.
const AMENDING: &str = "mfa-order-2020-04-02-11-1-4-150";

/// A server of the Government law in two Kazakh editions (its Russian text of 2022 beside)
/// and of an order with the order amending it; the browser driver; `None` without
/// chromedriver.
fn fixture() -> Option<Served> {
    Served::start(|tmp| {
        let corpus = tmp.join("corpus");
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        super::common::copy_dir(&manifest.join(GOV_MIRROR), &corpus.join("mirror/104316"));
        std::fs::create_dir_all(corpus.join("editions")).expect("editions folder");
        std::fs::copy(
            manifest.join(GOV_2023),
            corpus.join("editions/kaz_2023-04-19.md"),
        )
        .expect("copy the 2023 edition");
        super::common::copy_dir(
            &manifest.join("tests/fixtures/amend/consolidated"),
            &corpus.join("consolidated"),
        );
        corpus
    })
}

/// The timeline's lines as the page shows them.
async fn events(c: &Client) -> Vec<String> {
    serde_json::from_value(
        js(
            c,
            "return [...document.querySelectorAll('.events .event')].map((li) => li.textContent)",
        )
        .await,
    )
    .expect("lines")
}

/// No eid, action code, act kind code or unknown date (`?`) shown in the timeline or the
/// comparison.
async fn assert_no_internal_codes(c: &Client, what: &str) {
    let shown = js(
        c,
        "return [...document.querySelectorAll('.timeline, .compare')].map((e) => e.innerText).join('\\n')",
    )
    .await;
    let shown = shown.as_str().unwrap_or("");
    let code = regex::Regex::new(
        r"[a-z]+_[a-z0-9_]+|\b(changed|deleted|inserted|new_wording|renamed)\b|\?",
    )
    .expect("regex");
    assert!(
        !code.is_match(shown),
        "{what}: {:?} in {shown}",
        code.find(shown).map(|m| m.as_str())
    );
}

#[test]
fn history_and_compare_tell_each_amendment_in_the_readers_words() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        each_width(&f.webdriver, async |c, width| {
            // A provision's timeline, in Kazakh, then in Russian.
            let cases = [
                (
                "kk",
                "12-баптың 3-тармағы алып тасталды — ҚР 19.04.2023 № 222-VII Конституциялық Заңы, шамамен 29.04.2023 бастап",
                "12-бап жаңа редакцияда жазылды — ҚР 15.06.2017 № 75-VI Конституциялық Заңы, шамамен 15.06.2017 бастап",
                ),
                (
                "ru",
                "Пункт 3 статьи 12 исключен — Конституционный закон РК от 19.04.2023 № 222-VII, примерно с 29.04.2023",
                "Статья 12 изложена в новой редакции — Конституционный закон РК от 15.06.2017 № 75-VI, примерно с 15.06.2017",
                ),
            ];
            each_language(c, Some(base), &cases, async |(ui, deleted, reworded)| {
                open(
                    c,
                    &format!("{base}{GOV_P3}"),
                    "return document.querySelectorAll('.events .event').length > 0",
                )
                .await;
                let lines = events(c).await;
                assert_eq!(lines.len(), 4, "{width} px, {ui}: {lines:#?}");
                assert_eq!(lines[1], deleted, "{width} px, {ui}");
                assert_eq!(lines[2], reworded, "{width} px, {ui}");
                // The unit a line names links to its provision; an amending act the corpus
                // lacks is named, not linked.
                assert_eq!(
                    js(c, "return document.querySelectorAll('.events .event')[1].querySelector('a.event-unit').getAttribute('href')").await,
                    "/acts/constitutional-law-1995-12-18-2688/art_12__para_3"
                );
                assert_eq!(js(c, "return document.querySelectorAll('.events a.amending-act').length").await, 0);
                assert_no_internal_codes(c, &format!("{width} px, {ui}, provision")).await;
            })
            .await;
            js(c, "localStorage.setItem('zanlex-ui', 'kk'); return true").await;

            // An act's timeline, from its page; its amending act linked where the corpus
            // holds it.
            open(
                c,
                &format!("{base}/acts/{AMENDED}"),
                "return !!document.getElementById('act-history-link')",
            )
            .await;
            c.find(Locator::Id("act-history-link"))
                .await
                .expect("the act's history link")
                .click()
                .await
                .expect("open the act's history");
            wait_true(
                c,
                "return document.querySelectorAll('.events .event').length > 0",
                "the act's timeline",
            )
            .await;
            // The amendment under its amending act's heading, which names the act and its day.
            assert_eq!(
                events(c).await,
                ["1-қосымшаның 1-тармағы жаңа редакцияда жазылды"]
            );
            assert_eq!(
                js(c, "const g = document.querySelector('.amending-acts .amending'); return [g.querySelector('.amending-head').textContent, g.querySelector('.since').textContent]").await,
                serde_json::json!(["ҚР Сыртқы істер министрінің 02.04.2020 № 11-1-4/150 бұйрығы", "20.04.2020 бастап"])
            );
            assert_eq!(
                js(c, "const a = document.querySelector('.amending-head a.amending-act'); return a && a.getAttribute('href')").await,
                format!("/acts/{AMENDING}")
            );
            assert_eq!(
                js(c, "return location.pathname").await,
                format!("/acts/{AMENDED}/history")
            );

            // The whole Government law compared between its two editions: the provisions
            // whose text changed first, named in words, their words marked; then those whose
            // notes alone changed.
            open(
                c,
                &format!("{base}{GOV_ACT}/history"),
                "return !!document.getElementById('compare-go') && document.querySelectorAll('.events .event').length > 0",
            )
            .await;
            assert_no_internal_codes(c, &format!("{width} px, the act's timeline")).await;
            js(
                c,
                "document.getElementById('cmp_from').value = '05.11.2022'; document.getElementById('cmp_to').value = '19.04.2023'; return true",
            )
            .await;
            c.find(Locator::Id("compare-go"))
                .await
                .expect("compare button")
                .click()
                .await
                .expect("compare");
            wait_true(c, "return !!document.querySelector('#diff .change')", "the comparison").await;
            let heads: Vec<String> = serde_json::from_value(
                js(c, "return [...document.querySelectorAll('#diff .change h3')].map((h) => h.textContent)").await,
            )
            .expect("headings");
            assert_eq!(heads.len(), 13, "{heads:#?}");
            assert_eq!(
                heads[..4],
                [
                    "9-баптың 2) тармақшасы · алып тасталды",
                    "9-баптың 7) тармақшасы · алып тасталды",
                    "12-баптың 3-тармағы · алып тасталды",
                    "9-баптың 12) тармақшасы · мәтіні өзгерді",
                ]
            );
            assert_eq!(
                js(c, "return [...document.querySelectorAll('#diff .change')][3].querySelector('del').textContent").await,
                ", мәдениетті, білім беруді, денсаулық сақтауды, туризм мен спортты дамыту"
            );
            // Notes alone: one line after the changes, each unit a link.
            assert_eq!(
                js(c, "const n = document.querySelector('#diff .notes-only'); return !!n && !n.nextElementSibling && n.querySelectorAll('a').length").await,
                25
            );
            assert_no_internal_codes(c, &format!("{width} px, the act compared")).await;
            js(c, "document.querySelector('.compare').scrollIntoView(); return true").await;
            screenshot(c, &format!("act-history-{width}")).await;
            wait_true(
                c,
                "return document.documentElement.scrollWidth <= window.innerWidth + 1",
                &format!("no horizontal scrolling at {width} px"),
            )
            .await;
        })
        .await;
    });
}

#[test]
fn axe_core_finds_nothing_serious_on_the_history_views() {
    let Some(f) = fixture() else { return };
    let Some(axe) = axe_source() else {
        eprintln!("skipped: axe-core could not be installed with npm (npm install axe-core@4)");
        return;
    };
    let base = &f.server.base;
    runtime().block_on(async {
        let mut serious = Vec::new();
        each_width_and_language(&f.webdriver, Some(base), &UIS, async |c, width, ui| {
            for (url, ready) in [
                (format!("{base}{GOV_P3}"), "return document.querySelectorAll('.events .event').length > 0"),
                (format!("{base}{GOV_ACT}/history"), "return document.querySelectorAll('.events .event').length > 0"),
            ] {
                open(c, &url, ready).await;
                js(
                    c,
                    "document.getElementById('cmp_from').value = '05.11.2022'; document.getElementById('cmp_to').value = '19.04.2023'; document.getElementById('compare-go').click(); return true",
                )
                .await;
                wait_true(c, "return !!document.querySelector('#diff .change, #no-changes')", "the comparison").await;
                for v in axe_violations(c, &axe).await {
                    let line = format!("{url} at {width} px, {ui}: {v:#}");
                    eprintln!("axe-core: {line}");
                    if ["serious", "critical"].contains(&v["impact"].as_str().unwrap_or("")) {
                        serious.push(line);
                    }
                }
            }
        })
        .await;
        assert!(serious.is_empty(), "axe-core:\n{}", serious.join("\n"));
    });
}

/// The text, the shown state (empty when hidden) of the act page's unit `eid`.
async fn unit_on_act_page(c: &Client, eid: &str) -> serde_json::Value {
    js(
        c,
        &format!(
            "const u = document.getElementById('{eid}'); const s = u.querySelector('.state'); \
             return [u.querySelector('.text').textContent, s.hidden ? '' : s.textContent]"
        ),
    )
    .await
}

/// The act page's texts are in.
const TEXTS_IN: &str = "return !document.getElementById('texts-loading') && !!document.querySelector('.act-text section .text')";

#[test]
fn the_act_reads_on_one_date_and_searches_within_itself() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    let para3 = "art_12__para_3";
    let in_force = "3. Үкімет Республика Президентімен мемлекеттік бағдарламаларды олар бекітілгенге дейін келіседі.";
    runtime().block_on(async {
        each_width(&f.webdriver, async |c, width| {
            interface_language(c, base, "kk").await;
            // The act as it stood on 25.04.2023: the paragraph deleted four days later is
            // there in its wording then, in force; the page says which text it shows.
            open(c, &format!("{base}{GOV_ACT}?as_of=2023-04-25"), TEXTS_IN).await;
            assert_eq!(unit_on_act_page(c, para3).await, serde_json::json!([in_force, ""]));
            assert_eq!(
                js(c, "return [document.getElementById('as_of').value, document.getElementById('act-edition').textContent]").await,
                serde_json::json!(["25.04.2023", "Мәтін 25.04.2023 күнгі күйінде: әр бөлік сол күні күшінде болған редакциясында."])
            );
            // A unit's link opens it on the same date.
            assert_eq!(
                js(c, &format!("return document.querySelector('[id=\"{para3}\"] .unit-head a').getAttribute('href')")).await,
                format!("{GOV_P3}?lang=kk&as_of=2023-04-25")
            );
            // Another date typed as Kazakhstan writes it: the address keeps it, and the
            // paragraph is deleted since 29.04.2023, said in words.
            js(c, "document.getElementById('as_of').value = '01.05.2023'; return true").await;
            c.find(Locator::Id("asof-go")).await.expect("the date button").click().await.expect("switch the date");
            wait_true(
                c,
                &format!("return location.search.includes('as_of=2023-05-01') && !document.getElementById('texts-loading') && !!document.querySelector('[id=\"{para3}\"] .state:not([hidden])')"),
                "the act on 01.05.2023",
            )
            .await;
            let after = unit_on_act_page(c, para3).await;
            assert_eq!(after[1], "29.04.2023 бастап алып тасталған", "{width} px: {after}");
            assert_ne!(after[0], in_force, "{width} px");
            screenshot(c, &format!("act-date-{width}")).await;

            // Search within the act: its hits listed beside the contents, each a link to its
            // unit on the page, whose words are marked.
            js(c, "window.scrollTo(0, 0); return true").await;
            let field = c.find(Locator::Id("act-q")).await.expect("the act's search box");
            field.send_keys("мемлекеттік бағдарламалар\u{E007}").await.expect("type and Enter");
            wait_true(
                c,
                "return location.search.includes('q=') && !!document.getElementById('act-hits-count') && !document.getElementById('texts-loading') && !!document.querySelector('.act-text mark')",
                "the hits within the act",
            )
            .await;
            let hits: Vec<String> = serde_json::from_value(
                js(c, "return [...document.querySelectorAll('#act-hits a.act-hit')].map((a) => a.getAttribute('href'))").await,
            )
            .expect("hrefs");
            assert!(!hits.is_empty(), "{width} px: no hits within the act");
            assert!(hits.iter().all(|h| h.starts_with("#art_") || h.starts_with("#chp_") || h.starts_with("#preamble")), "{hits:?}");
            assert!(hits.contains(&"#art_9__subpara_2".to_string()), "{hits:?}");
            // The search keeps the page's date.
            assert_eq!(
                js(c, "return location.search.includes('as_of=2023-05-01')").await,
                true,
                "{width} px: the date kept with the search"
            );
            js(c, "document.querySelector('#act-hits a.act-hit').click(); return true").await;
            wait_true(
                c,
                "const id = decodeURIComponent(location.hash.slice(1)); const el = id && document.getElementById(id); \
                 if (!el) return false; const r = el.getBoundingClientRect(); return r.top >= -1 && r.top < window.innerHeight",
                "the hit's unit in view",
            )
            .await;

            // Today's text: said so, with its edition.
            open(c, &format!("{base}{GOV_ACT}"), TEXTS_IN).await;
            assert_eq!(
                js(c, "return document.getElementById('act-edition').textContent").await,
                "Қолданыстағы мәтін (19.04.2023 редакциясы)."
            );
            wait_true(
                c,
                "return document.documentElement.scrollWidth <= window.innerWidth + 1",
                &format!("no horizontal scrolling at {width} px"),
            )
            .await;
        })
        .await;
    });
}

/// Applies the page's print rules to the screen (a rule for `print` is then for `screen`
/// too), as printing or saving as PDF would lay the page out.
pub(super) async fn as_printed(c: &Client) {
    js(
        c,
        "for (const sheet of document.styleSheets) for (const r of sheet.cssRules) \
           if (r.media && r.media.mediaText === 'print') r.media.appendMedium('screen'); \
         return true",
    )
    .await;
}

/// Whether the first element `selector` matches is laid out (not `display: none`).
pub(super) async fn shown(c: &Client, selector: &str) -> serde_json::Value {
    js(
        c,
        &format!("const e = document.querySelector('{selector}'); return !!e && e.getClientRects().length > 0"),
    )
    .await
}

#[test]
fn the_act_prints_as_a_text_with_its_notes_set_apart() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        each_width(&f.webdriver, async |c, width| {
            interface_language(c, base, "kk").await;
            open(c, &format!("{base}{GOV_ACT}?as_of=2023-05-01"), TEXTS_IN).await;
            // The notes the source prints under an article, in the text but apart from it.
            assert_eq!(
                js(c, "return [...document.querySelectorAll('[id=\"art_12\"] > .amend-notes .amend-note')].map((n) => n.textContent)").await,
                serde_json::json!(["Ескерту. 12-бап жаңа редакцияда - ҚР 15.06.2017 № 75-VI (алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі); өзгеріс енгізілді - ҚР 19.04.2023 № 222-VII (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Конституциялық заңдарымен."])
            );
            assert_eq!(
                js(c, "return document.querySelector('[id=\"art_12\"] > .text').textContent.includes('Ескерту')").await,
                false
            );
            assert_eq!(
                js(c, "const n = document.querySelector('.amend-note'); return getComputedStyle(n).fontStyle").await,
                "italic"
            );
            // Nothing printed on screen that only print shows.
            assert_eq!(shown(c, ".print-head").await, false);
            // Printed: no controls, the citation and the date on top, the text in one column.
            as_printed(c).await;
            for hidden in [".top", ".toc", "#act-asof", "button", "#act-history-link"] {
                assert_eq!(shown(c, hidden).await, false, "{width} px: {hidden} printed");
            }
            assert_eq!(
                js(c, "return document.querySelector('.print-head').textContent").await,
                "ҚР 18.12.1995 № 2688 Конституциялық Заңы · 01.05.2023 күнгі редакция"
            );
            assert_eq!(shown(c, ".print-head").await, true);
            assert_eq!(
                js(c, "return document.querySelector('main').firstElementChild.firstElementChild.className").await,
                "print-head"
            );
            screenshot(c, &format!("act-print-{width}")).await;
            // A provision printed: its citation and the date it is read on.
            js(c, "localStorage.setItem('zanlex-ui', 'ru'); return true").await;
            open(
                c,
                &format!("{base}{GOV_P3}?as_of=2023-04-25"),
                "return document.querySelectorAll('.parallel .column .state').length === 2",
            )
            .await;
            as_printed(c).await;
            assert_eq!(
                js(c, "return document.querySelector('.print-head').textContent").await,
                "ҚР 18.12.1995 № 2688 Конституциялық Заңы · 12-бап 3-тармақ · редакция на 25.04.2023"
            );
            assert_eq!(shown(c, "#asof-go").await, false);
        })
        .await;
    });
}

#[test]
fn the_russian_text_shows_its_footnotes() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        let c = chromium(&f.webdriver, 1366, 900).await;
        open(&c, &format!("{base}{GOV_ACT}?lang=ru"), TEXTS_IN).await;
        let notes: Vec<String> = serde_json::from_value(
            js(
                &c,
                "return [...document.querySelectorAll('.amend-note')].map((n) => n.textContent)",
            )
            .await,
        )
        .expect("notes");
        assert!(!notes.is_empty(), "no footnote shown in the Russian text");
        // The Russian text prints its notes as `Сноска.`, and announced changes as
        // `Примечание.`
        assert!(
            notes.iter().any(|n| n.starts_with("Сноска. ")),
            "{notes:#?}"
        );
        assert!(
            notes
                .iter()
                .all(|n| n.starts_with("Сноска. ") || n.starts_with("Примечание. ")),
            "{notes:#?}"
        );
        let _ = c.close().await;
    });
}

/// A server of the Government law in Kazakh and Russian (the mirror's 2022 texts) with its
/// original Russian text of 1995 (`tests/fixtures/time/codes_104316_government_1995`) beside
/// them: a Russian expression in two editions; `None` without chromedriver.
fn fixture_1995() -> Option<Served> {
    Served::start(|tmp| {
        let corpus = tmp.join("corpus");
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        for folder in [
            GOV_MIRROR,
            "tests/fixtures/time/codes_104316_government_1995",
        ] {
            super::common::copy_dir(&manifest.join(folder), &corpus.join("mirror/104316"));
        }
        corpus
    })
}

/// The Russian text read on 01.01.1996 lists the units the law had that day: article 7 with
/// the heading and both paragraphs of 1995, which the 2022 text no longer prints («Статья 7.»
/// alone, deleted by the law of 19.06.2007), in the contents and in the text; no article 3-1,
/// added later. Read on 01.01.2008, article 7 has no paragraphs.
#[test]
fn the_act_on_a_date_lists_the_units_of_that_day() {
    let Some(f) = fixture_1995() else { return };
    let base = &f.server.base;
    let para_1 = "1. Премьер-Министр Республики в течение месяца после своего назначения представляет Парламенту доклад о Программе Правительства, если новый состав Правительства поддерживает Программу предшествующего состава Правительства, заявление о поддержке указанной Программы и намерении нового Правительства руководствоваться ею в своей деятельности.";
    let units = "return [...document.querySelectorAll('.act-text section.unit')].map((s) => s.id)";
    let toc = "return [...document.querySelectorAll('nav.toc li > a')].map((a) => decodeURIComponent(a.getAttribute('href').slice(1)))";
    runtime().block_on(async {
        each_width(&f.webdriver, async |c, width| {
            interface_language(c, base, "ru").await;
            open(
                c,
                &format!("{base}{GOV_ACT}?lang=ru&as_of=1996-01-01"),
                TEXTS_IN,
            )
            .await;
            for script in [units, toc] {
                let eids: Vec<String> = serde_json::from_value(js(c, script).await).expect("eids");
                let at = eids.iter().position(|e| e == "art_7").expect("article 7");
                assert_eq!(
                    eids[at..at + 4],
                    ["art_7", "art_7__para_1", "art_7__para_2", "art_8"],
                    "{width} px: {script}"
                );
                assert!(
                    !eids.iter().any(|e| e.starts_with("art_3-1")),
                    "{width} px: {eids:?}"
                );
            }
            assert_eq!(
                unit_on_act_page(c, "art_7__para_1").await,
                serde_json::json!([para_1, ""]),
                "{width} px"
            );
            assert_eq!(
                js(
                    c,
                    "return document.querySelector('[id=\"art_7\"] .text').textContent"
                )
                .await,
                "Статья 7. Программа деятельности Правительства Республики"
            );
            js(
                c,
                "document.getElementById('art_7').scrollIntoView(); return true",
            )
            .await;
            screenshot(c, &format!("act-older-unit-{width}")).await;

            open(
                c,
                &format!("{base}{GOV_ACT}?lang=ru&as_of=2008-01-01"),
                TEXTS_IN,
            )
            .await;
            let eids: Vec<String> = serde_json::from_value(js(c, units).await).expect("eids");
            let at = eids.iter().position(|e| e == "art_7").expect("article 7");
            assert_eq!(eids[at + 1], "art_8", "{width} px");
        })
        .await;
    });
}

/// The whole law compared between 01.01.1996 and 01.12.2022 in Russian: the heading of article
/// 25, rewritten («Аппарат Правительства Республики» → «Информационно-аналитическое и
/// организационно-правовое обеспечение деятельности Премьер-Министра и Правительства
/// Республики»), is shown deleted and inserted whole; the heading of article 3, edited («…,
/// структура …»), word by word.
#[test]
fn a_heading_rewritten_is_compared_whole() {
    let Some(f) = fixture_1995() else { return };
    let base = &f.server.base;
    let block = |eid: &str| {
        format!(
            "const b = [...document.querySelectorAll('#diff .change')].find((b) => b.querySelector('h3 a').getAttribute('href').endsWith('/{eid}')); \
             return b && [[...b.querySelectorAll('del')].map((e) => e.textContent), [...b.querySelectorAll('ins')].map((e) => e.textContent), b.querySelector('.words').textContent]"
        )
    };
    runtime().block_on(async {
        each_width(&f.webdriver, async |c, width| {
            interface_language(c, base, "ru").await;
            open(
                c,
                &format!("{base}{GOV_ACT}/history?lang=ru"),
                "return !!document.getElementById('compare-go') && document.querySelectorAll('.events .event').length > 0",
            )
            .await;
            js(
                c,
                "document.getElementById('cmp_from').value = '01.01.1996'; document.getElementById('cmp_to').value = '01.12.2022'; return true",
            )
            .await;
            c.find(Locator::Id("compare-go")).await.expect("compare button").click().await.expect("compare");
            wait_true(c, "return !!document.querySelector('#diff .change')", "the comparison").await;
            let new_heading = "Информационно-аналитическое и организационно-правовое обеспечение деятельности Премьер-Министра и Правительства Республики";
            assert_eq!(
                js(c, &block("art_25")).await,
                serde_json::json!([
                    ["Аппарат Правительства Республики"],
                    [new_heading],
                    format!("Статья 25. Аппарат Правительства Республики{new_heading}")
                ]),
                "{width} px"
            );
            assert_eq!(
                js(c, &block("art_3")).await,
                serde_json::json!([
                    [],
                    [", структура"],
                    "Статья 3. Образование, структура и состав Правительства Республики Казахстан"
                ]),
                "{width} px"
            );
            js(
                c,
                "[...document.querySelectorAll('#diff .change h3 a')].find((a) => a.getAttribute('href').endsWith('/art_25')).scrollIntoView(); return true",
            )
            .await;
            screenshot(c, &format!("compare-heading-{width}")).await;
            wait_true(
                c,
                "return document.documentElement.scrollWidth <= window.innerWidth + 1",
                &format!("no horizontal scrolling at {width} px"),
            )
            .await;
        })
        .await;
    });
}

/// The act's history as the official site lists it, in both interface languages and at both
/// widths: the compare form first; the editions, each a link opening the act on the day it
/// came into force; the amendments grouped by amending act as `/v1` groups them, newest
/// first, each naming the act, the day its changes apply from and the units it changed, its
/// events below; a choice of unit limits the list to that unit, as `/v1` limits it.
#[test]
fn the_act_history_lists_editions_and_amendments_by_amending_act() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    let (status, api, _) = super::serve_api::get(
        &f.server,
        "/v1/acts/constitutional-law-1995-12-18-2688/history",
    );
    assert_eq!(status, 200);
    let groups = api["by_act"].as_array().expect("by_act").len();
    let (_, art12, _) = super::serve_api::get(
        &f.server,
        "/v1/acts/constitutional-law-1995-12-18-2688/history?eid=art_12",
    );
    let art12_groups = art12["by_act"].as_array().expect("by_act").len();
    runtime().block_on(async {
        let cases = [
            ("kk", KK_HEADS, KK_FIRST_META),
            ("ru", RU_HEADS, RU_FIRST_META),
        ];
        each_width_and_language(&f.webdriver, Some(base), &cases, async |c, width, (ui, heads, first_meta)| {
            open(
                c,
                &format!("{base}{GOV_ACT}/history"),
                "return document.querySelectorAll('.amending-acts .amending').length > 0",
            )
            .await;
            // The compare form comes before the editions and the amendments.
            assert_eq!(
                js(c, "const f = document.getElementById('compare-form'); return [...document.querySelectorAll('.editions, .timeline')].every((s) => f.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING)").await,
                true,
                "{width} px, {ui}"
            );
            // Each edition a link to the act on its first day.
            assert_eq!(
                js(c, "return [...document.querySelectorAll('.editions .versions a')].map((a) => [a.textContent, a.getAttribute('href')])").await,
                serde_json::json!(EDITIONS[if ui == "kk" { 0 } else { 1 }]),
                "{width} px, {ui}"
            );
            // The amending acts, newest first, as many as `/v1` groups.
            let shown: Vec<String> = serde_json::from_value(
                js(c, "return [...document.querySelectorAll('.amending-acts .amending-head')].map((h) => h.textContent)").await,
            )
            .expect("heads");
            assert_eq!(shown.len(), groups, "{width} px, {ui}");
            assert_eq!(shown[..heads.len()], heads[..], "{width} px, {ui}");
            assert_eq!(
                js(c, "return [...document.querySelector('.amending-acts .amending').querySelectorAll('.amending-meta')].map((p) => p.textContent)").await,
                serde_json::json!(first_meta),
                "{width} px, {ui}"
            );
            // Its events below it, in the act's order.
            assert_eq!(
                js(c, "return document.querySelector('.amending-acts .amending').querySelectorAll('.events .event').length").await,
                7,
                "{width} px, {ui}"
            );
            // Each names its unit and what was done, the act and its day said once above.
            let whats: Vec<&str> = api["by_act"][0]["entries"]
                .as_array()
                .expect("entries")
                .iter()
                .map(|i| {
                    let i = i.as_u64().expect("an entry's place") as usize;
                    api["entries"][i]["in_words"][ui]["what"].as_str().expect("what")
                })
                .collect();
            assert_eq!(
                js(c, "return [...document.querySelector('.amending-acts .amending').querySelectorAll('.events .event')].map((e) => e.textContent)").await,
                serde_json::json!(whats),
                "{width} px, {ui}"
            );
            if ui == "kk" {
                assert_eq!(whats[0], "9-бапқа өзгерістер енгізілді");
            }
            assert_no_internal_codes(c, &format!("{width} px, {ui}, by amending act")).await;
            // Limited to article 12: the address says so, and the groups are `/v1`'s.
            js(c, "const s = document.getElementById('unit-filter'); s.value = 'art_12'; s.dispatchEvent(new Event('change')); return true").await;
            wait_true(
                c,
                "return location.search.includes('eid=art_12') && document.getElementById('unit-filter') && document.getElementById('unit-filter').value === 'art_12'",
                "the history of article 12",
            )
            .await;
            let limited = js(c, "return document.querySelectorAll('.amending-acts .amending').length").await;
            assert_eq!(limited, art12_groups, "{width} px, {ui}");
            assert!(art12_groups < groups);
            screenshot(c, &format!("act-history-by-act-{ui}-{width}")).await;
            wait_true(
                c,
                "return document.documentElement.scrollWidth <= window.innerWidth + 1",
                &format!("no horizontal scrolling at {width} px"),
            )
            .await;
        })
        .await;
    });
}

/// The Government law's editions as the history lists them, in Kazakh and in Russian: the
/// link's words and where it goes.
const EDITIONS: [[[&str; 2]; 2]; 2] = [
    [
        [
            "05.11.2022 – 19.04.2023",
            "/acts/constitutional-law-1995-12-18-2688?as_of=2022-11-05",
        ],
        [
            "19.04.2023 – …",
            "/acts/constitutional-law-1995-12-18-2688?as_of=2023-04-19",
        ],
    ],
    [
        [
            "05.11.2022 – 19.04.2023",
            "/acts/constitutional-law-1995-12-18-2688?as_of=2022-11-05",
        ],
        [
            "19.04.2023 – …",
            "/acts/constitutional-law-1995-12-18-2688?as_of=2023-04-19",
        ],
    ],
];
/// Its three newest amending acts, in Kazakh and in Russian.
const KK_HEADS: [&str; 3] = [
    "ҚР 19.04.2023 № 222-VII Конституциялық Заңы",
    "ҚР 05.11.2022 № 156-VII Конституциялық Заңы",
    "ҚР 30.12.2020 № 392-VI Конституциялық Заңы",
];
const RU_HEADS: [&str; 3] = [
    "Конституционный закон РК от 19.04.2023 № 222-VII",
    "Конституционный закон РК от 05.11.2022 № 156-VII",
    "Конституционный закон РК от 30.12.2020 № 392-VI",
];
/// What the newest amending act changed and from when, in Kazakh and in Russian.
const KK_FIRST_META: [&str; 2] = [
    "шамамен 29.04.2023 бастап",
    "Өзгерген бөліктер: 9-бап; 9-баптың 2) тармақшасы; 9-баптың 7) тармақшасы; 12-бап; 12-баптың 3-тармағы; 22-бап; 25-бап",
];
const RU_FIRST_META: [&str; 2] = [
    "примерно с 29.04.2023",
    "Изменены: статья 9; подпункт 2) статьи 9; подпункт 7) статьи 9; статья 12; пункт 3 статьи 12; статья 22; статья 25",
];

/// A provision page leads to the provision before and after it, as `/v1` finds them (the
/// same kind, across articles), named in the reader's language; following the link opens
/// that provision.
#[test]
fn a_provision_leads_to_the_one_before_and_after_it() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    let (status, api, _) = super::serve_api::get(
        &f.server,
        "/v1/acts/constitutional-law-1995-12-18-2688/units/art_12__para_3",
    );
    assert_eq!(status, 200);
    assert_eq!(api["previous"]["eid"], "art_12__para_2");
    assert_eq!(api["next"]["eid"], "art_13__para_1");
    let (_, first, _) = super::serve_api::get(
        &f.server,
        "/v1/acts/constitutional-law-1995-12-18-2688/units/art_1",
    );
    assert!(first["previous"].is_null(), "{}", first["previous"]);
    assert_eq!(first["next"]["eid"], "art_2");
    runtime().block_on(async {
        let cases = [
            (
                "kk",
                "← Алдыңғы: 12-баптың 2-тармағы",
                "Келесі: 13-баптың 1-тармағы →",
                "ҚР 18.12.1995 № 2688 Конституциялық Заңы · 13-бап 1-тармақ",
            ),
            (
                "ru",
                "← Предыдущая: Пункт 2 статьи 12",
                "Следующая: Пункт 1 статьи 13 →",
                // The Kazakh text comes first on a provision page, whatever the interface.
                "ҚР 18.12.1995 № 2688 Конституциялық Заңы · 13-бап 1-тармақ",
            ),
        ];
        each_width_and_language(&f.webdriver, Some(base), &cases, async |c, width, (ui, prev, next, next_h1)| {
            open(
                c,
                &format!("{base}{GOV_P3}?as_of=2023-04-25"),
                "return !!document.getElementById('next-unit')",
            )
            .await;
            assert_eq!(
                js(c, "return ['prev-unit', 'next-unit'].map((id) => { const a = document.getElementById(id); return [a.textContent, a.getAttribute('href')]; })").await,
                serde_json::json!([
                    [prev, "/acts/constitutional-law-1995-12-18-2688/art_12__para_2?as_of=2023-04-25"],
                    [next, "/acts/constitutional-law-1995-12-18-2688/art_13__para_1?as_of=2023-04-25"],
                ]),
                "{width} px, {ui}"
            );
            c.find(Locator::Id("next-unit"))
                .await
                .expect("the next provision's link")
                .click()
                .await
                .expect("open the next provision");
            wait_true(
                c,
                "return location.pathname.endsWith('/art_13__para_1') && !!document.getElementById('prev-unit') && document.getElementById('prev-unit').getAttribute('href').includes('/art_12__para_3')",
                "the next provision",
            )
            .await;
            let h1 = js(c, "return document.querySelector('h1').textContent").await;
            assert_eq!(h1, next_h1, "{width} px, {ui}");
            if ui == "ru" {
                screenshot(c, &format!("unit-prev-next-{ui}-{width}")).await;
            }
        })
        .await;
    });
}

/// The Government law's title and preamble rewritten by the constitutional law of 06.05.1999
/// № 379 («Тақырып пен кіріспе жаңа редакцияда»): on the act's history the change is worded as
/// the act's heading changed, in either interface language, never as a change to an article.
#[test]
fn a_heading_change_is_worded_as_a_heading_change_on_the_acts_history() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        let cases = [
            ("kk", "Актінің тақырыбы өзгертілді"),
            ("ru", "Заголовок акта изменен"),
        ];
        each_width_and_language(&f.webdriver, Some(base), &cases, async |c, width, (ui, heading)| {
            open(
                c,
                &format!("{base}{GOV_ACT}/history"),
                "return document.querySelectorAll('.amending-acts .amending .event').length > 0",
            )
            .await;
            let group = js(
                c,
                "const g = [...document.querySelectorAll('.amending-acts .amending')] \
                   .filter((g) => g.querySelector('.amending-head').textContent.includes('06.05.1999 № 379')); \
                 return g.map((g) => [g.querySelector('.amending-head').textContent, \
                   [...g.querySelectorAll('.event')].map((li) => li.textContent)])",
            )
            .await;
            let events: Vec<String> = group
                .as_array()
                .expect("groups")
                .iter()
                .flat_map(|g| g[1].as_array().expect("events").clone())
                .filter_map(|e| e.as_str().map(str::to_string))
                .collect();
            assert_eq!(
                events.iter().filter(|e| e.contains(heading)).count(),
                1,
                "{width} px, {ui}: {group}"
            );
            // Its own line, first (the act's heading before its articles), and no line
            // said twice, as a second change to one unit would be.
            assert_eq!(events[0], heading, "{width} px, {ui}: {group}");
            let mut unique = events.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), events.len(), "{width} px, {ui}: {group}");
            assert_eq!(events.len(), 15, "{width} px, {ui}: {group}");
            screenshot(c, &format!("history-heading-{ui}-{width}")).await;
        })
        .await;
    });
}
