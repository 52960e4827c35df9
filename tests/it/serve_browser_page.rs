//! The page in headless Chromium, at a laptop's and a phone's width, as a reader keeps it open
//! all day: an appendix's tables shown as tables (their cells' spans kept, scrolling within
//! their own box on a phone); a paragraph's closing words after its list; a question that
//! matches nothing well said so; a query the server cannot read explained in the reader's
//! language.

use super::serve_api::{test_corpus, BILINGUAL};
use super::serve_browser::{
    axe_source, axe_violations, each_width, each_width_and_language, interface_language, js, open,
    runtime, screenshot, Served, UIS,
};
use fantoccini::Client;
use std::path::Path;

/// The register of posts of the President's Office (order 135478 of the mirror): three
/// appendices, each a table with `<th>` column names, cells spanning rows and columns.
const REGISTER: &str = "president-office-order-2019-10-07-19-42-3-3-17";

/// The bundled corpus with the pasture rules (`BILINGUAL`: three appendices, each a table)
/// and the register of posts, served; the browser driver; `None` without chromedriver.
fn fixture() -> Option<Served> {
    Served::start(|tmp| {
        let corpus = test_corpus(tmp);
        super::common::copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(
                "tests/fixtures/mirror/ministerial/07-ministerial/101001000000-administratsiia-prezidenta/\
                 2019/1007-ob-utverzhdenii-reestra-dolzhnostei-grazhdanskikh-sluzhashchikh-135478",
            ),
            &corpus.join("register"),
        );
        corpus
    })
}

/// The act page's texts are in.
const TEXTS_IN: &str = "return !document.getElementById('texts-loading') && !!document.querySelector('.act-text section .text')";

/// The first rows of the first table inside `scope` (a CSS selector): each cell as
/// `[element, text, colspan, rowspan]`.
async fn table_rows(c: &Client, scope: &str, rows: usize) -> serde_json::Value {
    js(
        c,
        &format!(
            "const t = document.querySelector('{scope} table'); if (!t) return null; \
             return [...t.rows].slice(0, {rows}).map((r) => [...r.cells].map((c) => \
               [c.tagName.toLowerCase(), c.textContent, c.colSpan, c.rowSpan]))"
        ),
    )
    .await
}

/// Whether the table inside `scope` scrolls within its own box and the page does not.
async fn scrolls_alone(c: &Client, scope: &str) -> serde_json::Value {
    js(
        c,
        &format!(
            "const w = document.querySelector('{scope} .table-wrap'); \
             return [w.scrollWidth > w.clientWidth, getComputedStyle(w).overflowX, \
                     document.documentElement.scrollWidth <= window.innerWidth + 1]"
        ),
    )
    .await
}

#[test]
fn an_appendixs_tables_are_tables_with_their_spans() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    let axe = axe_source();
    runtime().block_on(async {
        each_width(&f.webdriver, async |c, width| {
            interface_language(c, base, "ru").await;
            // The pasture rules' first appendix: the column names as column headers, a
            // number spanning two columns, a kind of livestock spanning all four.
            open(c, &format!("{base}/acts/{BILINGUAL}?lang=ru"), TEXTS_IN).await;
            let annex = "[id=\"att_1__annex_1\"]";
            assert_eq!(
                table_rows(c, annex, 3).await,
                serde_json::json!([
                    [
                        ["th", "Половозрастные группы", 1, 1],
                        ["th", "Количество животных, голов", 2, 1],
                        ["th", "Суточный перегон, километров", 1, 1]
                    ],
                    [["td", "Крупный рогатый скот", 4, 1]],
                    [
                        ["td", "Коровы с телятами (на подсосе)", 1, 1],
                        ["td", "150-200", 2, 1],
                        ["td", "15-20", 1, 1]
                    ]
                ]),
                "{width} px"
            );
            // The cells are no longer printed as lines beside the table; the title is.
            assert_eq!(
                js(c, &format!("const t = document.querySelector('{annex} > .text'); return [t.firstChild.textContent, t.querySelectorAll('table').length, t.textContent.split('Половозрастные группы').length - 1]")).await,
                serde_json::json!(["Приложение 1 к правилам\nНорма отбора сельскохозяйственных животных, подлежащих перегону", 1, 1]),
                "{width} px"
            );
            // Each of the three appendices has its table.
            assert_eq!(
                js(c, "return ['att_1__annex_1', 'att_1__annex_2', 'att_1__annex_3'].map((e) => document.querySelectorAll(`[id=\"${e}\"] table`).length)").await,
                serde_json::json!([1, 1, 1])
            );
            js(c, &format!("document.querySelector('{annex}').scrollIntoView(); return true")).await;
            screenshot(c, &format!("act-table-{width}")).await;
            // The tables pass axe-core's rules (headers, names, a scrolling box reachable
            // by keyboard).
            if let Some(axe) = &axe {
                let serious: Vec<String> = axe_violations(c, axe)
                    .await
                    .into_iter()
                    .filter(|v| ["serious", "critical"].contains(&v["impact"].as_str().unwrap_or("")))
                    .map(|v| format!("{v:#}"))
                    .collect();
                assert!(serious.is_empty(), "{width} px: axe-core:\n{}", serious.join("\n"));
            }

            // The register: column headers the source marks `<th>`, a grade spanning two
            // rows, a block spanning the three columns.
            open(c, &format!("{base}/acts/{REGISTER}?lang=ru"), TEXTS_IN).await;
            assert_eq!(
                table_rows(c, "[id=\"annex_1\"]", 4).await,
                serde_json::json!([
                    [["th", "Звено", 1, 1], ["th", "Ступень", 1, 1], ["th", "Наименование должностей", 1, 1]],
                    [["td", "Блок А (управленческий персонал)", 3, 1]],
                    [["td", "А2", 1, 2], ["td", "1", 1, 1], ["td", "Руководитель хозяйственной службы", 1, 1]],
                    [["td", "1-1", 1, 1], ["td", "Заместитель руководителя хозяйственной службы", 1, 1]]
                ]),
                "{width} px"
            );
            assert_eq!(
                js(c, "return [...document.querySelectorAll('[id=\"annex_1\"] thead th')].map((th) => th.getAttribute('scope'))").await,
                serde_json::json!(["col", "col", "col"])
            );

            // The appendix on its own page: the same table, in the Russian column.
            open(
                c,
                &format!("{base}/acts/{BILINGUAL}/att_1__annex_2"),
                "return document.querySelectorAll('.parallel .column table').length === 2",
            )
            .await;
            assert_eq!(
                table_rows(c, ".column[lang=\"ru\"]", 3).await,
                serde_json::json!([
                    [["th", "Половозрастные группы", 1, 1], ["th", "Упитанность", 4, 1]],
                    [["th", "Нижнесредняя, голов", 1, 1], ["th", "Средняя, голов", 2, 1], ["th", "Вышесредняя, голов", 1, 1]],
                    [["th", "1", 1, 1], ["th", "2", 1, 1], ["th", "3", 2, 1], ["th", "4", 1, 1]]
                ]),
                "{width} px"
            );
            // On a phone the wide table scrolls in its box; the page never scrolls sideways.
            let scroll = scrolls_alone(c, ".column[lang=\"ru\"]").await;
            assert_eq!(scroll[1], "auto", "{width} px");
            assert_eq!(scroll[2], true, "{width} px: the page scrolls sideways");
            if width < 500 {
                assert_eq!(scroll[0], true, "{width} px: the table does not scroll in its box");
            }
        })
        .await;
    });
}

#[test]
fn a_paragraphs_closing_words_come_after_its_list() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    // Paragraph 4 of the pasture rules: what is not allowed, nine items, then what is.
    let want: Vec<String> = [
        "4. Не допускается:",
        "1) выпас больных",
        "2) выпас сельскохозяйственных животных, не",
        "3) выпас сельскохозяйственных животных на",
        "4) в пределах водоохранных",
        "5) выпас сельскохозяйственных животных без",
        "6) прогон (перегон) до места",
        "При этом, в соответствии",
        "7) прогон (перегон) сельскохозяйственных животных через",
        "8) прогон (перегон) сельскохозяйственных животных по",
        "9) водопой",
        "Для водопоя",
        "Порядок выпаса",
    ]
    .map(String::from)
    .to_vec();
    runtime().block_on(async {
        each_width(&f.webdriver, async |c, width| {
            // The act page: the texts between paragraph 4's head and paragraph 5, in the
            // order shown, each line's beginning.
            open(c, &format!("{base}/acts/{BILINGUAL}?lang=ru"), TEXTS_IN).await;
            let lines: Vec<String> = serde_json::from_value(
                js(
                    c,
                    "const all = [...document.querySelectorAll('.act-text .text')]; \
                     const from = all.indexOf(document.querySelector('[id=\"att_1__para_4\"] > .text')); \
                     const to = all.indexOf(document.querySelector('[id=\"att_1__para_5\"] > .text')); \
                     return all.slice(from, to).flatMap((t) => t.textContent.split('\\n')).filter(Boolean)",
                )
                .await,
            )
            .expect("lines");
            let starts: Vec<String> = lines
                .iter()
                .zip(&want)
                .map(|(l, w)| l.chars().take(w.chars().count()).collect())
                .collect();
            assert_eq!(starts, want, "{width} px: {lines:#?}");
            assert_eq!(lines.len(), want.len(), "{width} px: {lines:#?}");
            // The paragraph's own page reads in the same order.
            open(
                c,
                &format!("{base}/acts/{BILINGUAL}/att_1__para_4"),
                "return document.querySelectorAll('.parallel .column .text').length === 2",
            )
            .await;
            let lines: Vec<String> = serde_json::from_value(
                js(c, "return document.querySelector('.column[lang=\"ru\"] .text').textContent.split('\\n')").await,
            )
            .expect("lines");
            let starts: Vec<String> = lines
                .iter()
                .zip(&want)
                .map(|(l, w)| l.chars().take(w.chars().count()).collect())
                .collect();
            assert_eq!(starts, want, "{width} px, the provision: {lines:#?}");
            assert_eq!(lines.len(), want.len(), "{width} px, the provision: {lines:#?}");
        })
        .await;
    });
}

#[test]
fn a_question_that_matches_nothing_well_is_said_so() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        let cases = [
            ("ru", "По вашему запросу точных совпадений нет; показаны частичные."),
            ("kk", "Сұрауыңызға дәл сәйкестік жоқ; ішінара сәйкестері көрсетілді."),
        ];
        each_width_and_language(&f.webdriver, Some(base), &cases, async |c, width, (ui, words)| {
            // No text of the corpus speaks of visas for a trip to Turkey: every hit has
            // only some of the words.
            open(
                c,
                &format!("{base}/?q=нужна%20ли%20виза%20для%20поездки%20в%20Турцию&lang=ru"),
                "return document.querySelectorAll('.hit').length > 0",
            )
            .await;
            assert_eq!(
                js(c, "const n = document.getElementById('no-exact'); return n && [n.textContent, !!(n.compareDocumentPosition(document.querySelector('.hits')) & Node.DOCUMENT_POSITION_FOLLOWING)]").await,
                serde_json::json!([words, true]),
                "{width} px, {ui}"
            );
            // A question the corpus answers gets no such word.
            open(
                c,
                &format!("{base}/?q=выпас%20больных%20сельскохозяйственных%20животных&lang=ru"),
                "return document.querySelectorAll('.hit').length > 0",
            )
            .await;
            assert_eq!(js(c, "return !!document.getElementById('no-exact')").await, false);
        })
        .await;
    });
}

#[test]
fn a_query_the_server_cannot_read_is_explained_in_the_readers_words() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        let cases = [
            (
                "kk",
                "Қате: 1-таңбадағы тырнақша жабылмаған: жабатын тырнақша қойыңыз немесе оны алып тастаңыз.",
                "Қате: «(» жақшасы жабылмаған: «)» қойыңыз немесе оны алып тастаңыз.",
            ),
            (
                "ru",
                "Ошибка: кавычка в 1-м символе не закрыта: поставьте закрывающую кавычку или уберите её.",
                "Ошибка: скобка «(» не закрыта: добавьте «)» или уберите её.",
            ),
        ];
        each_width_and_language(&f.webdriver, Some(base), &cases, async |c, width, (ui, quote, paren)| {
            // A phrase never closed, then a parenthesis never closed: the server refuses
            // each, and the page says which and how to fix it.
            for (q, said) in [("%22виза%20беру", quote), ("(виза%20OR%20рұқсат", paren)] {
                open(
                    c,
                    &format!("{base}/?q={q}"),
                    "return !!document.querySelector('#results .error')",
                )
                .await;
                assert_eq!(
                    js(c, "return document.querySelector('#results .error').textContent").await,
                    said,
                    "{width} px, {ui}, {q}"
                );
            }
        })
        .await;
    });
}

/// Markup put into a table cell of a real source text (the register of posts, its Russian
/// appendix 1: an `<img onerror>`, a `<script>` and an escaped `<b onmouseover>` in the cell
/// «Руководитель хозяйственной службы») is never run: the table is drawn from the cells' text,
/// the escaped tag shown as the text it is, and the page has no element the markup would make.
#[test]
fn markup_in_a_table_cell_is_shown_as_text() {
    let Some(f) = Served::start(|tmp| {
        let corpus = tmp.join("corpus");
        let register = corpus.join("register");
        super::common::copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(
                "tests/fixtures/mirror/ministerial/07-ministerial/101001000000-administratsiia-prezidenta/\
                 2019/1007-ob-utverzhdenii-reestra-dolzhnostei-grazhdanskikh-sluzhashchikh-135478",
            ),
            &register,
        );
        let rus = register.join("rus.md");
        let text = std::fs::read_to_string(&rus).expect("rus.md");
        let cell = "<td>Руководитель хозяйственной службы</td>";
        assert!(text.contains(cell), "the register's cell");
        let hostile = "<td>Руководитель <img src=x onerror=alert(1)> <script>alert(2)</script> \
                       &lt;b onmouseover=alert(3)&gt;хозяйственной службы</td>";
        std::fs::write(&rus, text.replacen(cell, hostile, 1)).expect("write rus.md");
        corpus
    }) else {
        return;
    };
    let base = &f.server.base;
    runtime().block_on(async {
        each_width(&f.webdriver, async |c, width| {
            open(c, &format!("{base}/acts/{REGISTER}?lang=ru"), TEXTS_IN).await;
            assert_eq!(
                table_rows(c, "[id=\"annex_1\"]", 3).await[2],
                serde_json::json!([
                    ["td", "А2", 1, 2],
                    ["td", "1", 1, 1],
                    ["td", "Руководитель alert(2) <b onmouseover=alert(3)>хозяйственной службы", 1, 1]
                ]),
                "{width} px"
            );
            assert_eq!(
                js(c, "return document.querySelectorAll('main img, main script, main b, [onerror], [onmouseover]').length").await,
                serde_json::json!(0),
                "{width} px: markup was injected"
            );
        })
        .await;
    });
}

#[test]
fn the_russian_filler_word_o_is_not_marked_in_the_hits() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        each_width_and_language(&f.webdriver, Some(base), &UIS, async |c, width, ui| {
            // The pasture rules, paragraphs 2) of the akimat's and the akim's duties:
            // «разъяснительной работы … о проведении мероприятий». «о» is a filler word:
            // the words that say something are marked, «о» never.
            open(
                c,
                &format!("{base}/?q=о%20проведении%20разъяснительной%20работы&lang=ru"),
                "return document.querySelectorAll('#results .hit').length > 0",
            )
            .await;
            let hits = js(
                c,
                "return [...document.querySelectorAll('#results .hit .snippet')].map((p) => \
                   [p.textContent, [...p.querySelectorAll('mark')].map((m) => m.textContent.toLowerCase())])",
            )
            .await;
            let hits = hits.as_array().expect("hits");
            let with_o: Vec<_> = hits
                .iter()
                .filter(|h| h[0].as_str().is_some_and(|t| t.contains(" о проведении ")))
                .collect();
            assert!(!with_o.is_empty(), "{width} px, {ui}: {hits:?}");
            for hit in with_o {
                let marks: Vec<&str> = hit[1]
                    .as_array()
                    .expect("marks")
                    .iter()
                    .filter_map(|m| m.as_str())
                    .collect();
                assert!(marks.contains(&"проведении"), "{width} px, {ui}: {hit}");
                assert!(marks.contains(&"разъяснительной"), "{width} px, {ui}: {hit}");
                assert!(!marks.contains(&"о"), "{width} px, {ui}: {hit}");
            }
            screenshot(c, &format!("hits-filler-o-{ui}-{width}")).await;
        })
        .await;
    });
}
