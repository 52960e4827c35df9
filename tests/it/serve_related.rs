//! The documents related to an act, in one place (`GET /v1/acts/{id}/related` and the act
//! page's box): its predecessor and successor, the acts it amends and that amend it, the acts
//! it cites and that cite it, each with its status, linked when the corpus holds the act and
//! named as the text names it otherwise; at a laptop's and a phone's width in both interface
//! languages, with axe-core.
//!
//! The corpus: the Almaty oblast maslikhat decisions on keeping dogs and cats of 27.03.2015
//! № 43-249 and of 31.07.2019 № 51-257, the second replacing the first (`tests/fixtures/mirror`
//! and `tests/fixtures/predecessors`, from `kazakhstan-law/local-almaty-oblast`); the order of
//! 01.03.2019 № 11-1-4/99 and the order of 02.04.2020 № 11-1-4/150 amending it
//! (`tests/fixtures/amend/consolidated`); the Constitutional Law on the Government
//! (`tests/fixtures/mirror/codes`), amended by laws the corpus lacks.

use super::common::copy_dir;
use super::serve_api::{get, Server};
use super::serve_browser::{
    axe_source, axe_violations, each_width_and_language, js, open, runtime, screenshot, wait_true,
    Served,
};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const OLD: &str = "maslikhat-decision-2015-03-27-43-249";
const NEW: &str = "maslikhat-decision-2019-07-31-51-257";
const AMENDED: &str = "mfa-order-2019-03-01-11-1-4-99";
const AMENDING: &str = "mfa-order-2020-04-02-11-1-4-150";
const GOVERNMENT: &str = "constitutional-law-1995-12-18-2688";
const DIR: &str =
    "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti";
const OLD_DIR: &str =
    "2015/0327-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-sobak-i-koshek-otlo-89455";
const NEW_DIR: &str =
    "2019/0731-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-sobak-i-koshek-otlo-134034";

/// The corpus above, made in `root`.
fn related_corpus(root: &Path) -> PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let corpus = root.join("corpus");
    copy_dir(
        &fixtures.join("mirror").join(DIR).join(OLD_DIR),
        &corpus.join(DIR).join(OLD_DIR),
    );
    copy_dir(
        &fixtures.join("predecessors").join(DIR).join(NEW_DIR),
        &corpus.join(DIR).join(NEW_DIR),
    );
    copy_dir(
        &fixtures.join("amend/consolidated"),
        &corpus.join("consolidated"),
    );
    copy_dir(
        &fixtures.join(
            "mirror/codes/01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316",
        ),
        &corpus.join("104316"),
    );
    corpus
}

/// Each entry of `list` as `[id or null, citation, status or null, count]`.
fn entries(list: &Value) -> Vec<Value> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|a| json!([a["id"], a["citation"], a["status"]["state"], a["count"]]))
        .collect()
}

#[test]
fn an_act_lists_its_related_acts_with_their_status_paged() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = related_corpus(tmp.path());
    let server = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "0"]);

    // The decision of 2019 replaced that of 2015, which its text repeals: the old one is
    // linked, with its status as its requisite records it.
    let (status, new, _) = get(&server, &format!("/v1/acts/{NEW}/related?as_of=2020-01-01"));
    assert_eq!(status, 200, "{new:#}");
    assert_eq!(new["on"], "2020-01-01");
    assert_eq!(new["replaces"]["id"], OLD, "{new:#}");
    assert_eq!(
        new["replaces"]["citation"],
        "Алматы облыстық мәслихатының 27.03.2015 № 43-249 шешімі"
    );
    assert_eq!(
        new["replaces"]["in_words"]["ru"],
        "Решение маслихата Алматинской области от 27.03.2015 № 43-249"
    );
    assert_eq!(new["replaces"]["status"]["state"], "repealed");
    assert_eq!(new["replaces"]["permalink"], format!("/acts/{OLD}"));
    assert!(new.get("replaced_by").is_none(), "{new:#}");
    // On 1 January 2020 the new decision was in force: no state of its own to say.
    let (_, old, _) = get(&server, &format!("/v1/acts/{OLD}/related?as_of=2020-01-01"));
    assert_eq!(old["replaced_by"]["id"], NEW, "{old:#}");
    assert!(old["replaced_by"].get("state").is_none(), "{old:#}");
    // Cited twice: by its repeal clause in the Russian text and in the Kazakh one (`№ 43-249
    // (… тіркелген, … жарияланған) шешімінің`).
    assert_eq!(
        entries(&old["cited_by"]),
        [json!([
            NEW,
            "Алматы облыстық мәслихатының 31.07.2019 № 51-257 шешімі",
            "repealed",
            2
        ])]
    );
    // Today it is repealed: the time rule's words, in both languages.
    let (_, today, _) = get(&server, &format!("/v1/acts/{OLD}/related"));
    assert_eq!(
        today["replaced_by"]["state"]["kind"], "repealed",
        "{today:#}"
    );
    assert!(
        today["replaced_by"]["state_in_words"]["ru"]
            .as_str()
            .is_some_and(|w| w.starts_with("утратил силу не ранее ~15.11.2022")),
        "{today:#}"
    );

    // The order of 2019 and the order of 2020 amending it, each seen from the other.
    let (_, amended, _) = get(&server, &format!("/v1/acts/{AMENDED}/related"));
    assert_eq!(
        entries(&amended["amended_by"]),
        [json!([
            AMENDING,
            "ҚР Сыртқы істер министрінің 02.04.2020 № 11-1-4/150 бұйрығы",
            "in_force",
            1
        ])]
    );
    assert_eq!(
        entries(&amended["cited_by"]),
        [json!([
            AMENDING,
            "ҚР Сыртқы істер министрінің 02.04.2020 № 11-1-4/150 бұйрығы",
            "in_force",
            5
        ])]
    );
    // The law it is made under is not in the corpus: named by its title alone, which is too
    // little for an official name, so quoted as its text prints it; no status.
    assert_eq!(amended["cites"][0]["quoted"], true, "{amended:#}");
    assert_eq!(
        entries(&amended["cites"]),
        [json!([
            null,
            "\"Сынақ туралы\" Қазақстан Республикасы Заңының 5-бабына",
            null,
            1
        ])]
    );
    assert!(amended["cites"][0].get("permalink").is_none());
    let (_, amending, _) = get(&server, &format!("/v1/acts/{AMENDING}/related"));
    assert_eq!(
        entries(&amending["amends"]),
        [json!([
            AMENDED,
            "ҚР Сыртқы істер министрінің 01.03.2019 № 11-1-4/99 бұйрығы",
            "in_force",
            1
        ])]
    );
    assert_eq!(amending["totals"]["amended_by"], 0);

    // The Government law, amended by eight laws the corpus lacks, in official form, newest
    // first; paged.
    let (_, gov, _) = get(&server, &format!("/v1/acts/{GOVERNMENT}/related"));
    assert_eq!(gov["totals"]["amended_by"], 8, "{gov:#}");
    assert_eq!(
        entries(&gov["amended_by"])[..2],
        [
            json!([null, "ҚР 05.11.2022 № 156-VII Конституциялық Заңы", null, 6]),
            json!([null, "ҚР 30.12.2020 № 392-VI Конституциялық Заңы", null, 3])
        ]
    );
    let (_, page, _) = get(
        &server,
        &format!("/v1/acts/{GOVERNMENT}/related?limit=1&offset=1"),
    );
    assert_eq!(
        entries(&page["amended_by"]),
        [json!([
            null,
            "ҚР 30.12.2020 № 392-VI Конституциялық Заңы",
            null,
            3
        ])]
    );
    assert_eq!(
        (page["offset"].clone(), page["next_offset"].clone()),
        (json!(1), json!(2))
    );
    // In Russian, the Russian text's notes name the amending laws in Russian.
    let (_, ru, _) = get(
        &server,
        &format!("/v1/acts/{GOVERNMENT}/related?lang=ru&limit=1"),
    );
    assert_eq!(ru["lang"], "ru");
    assert_eq!(
        ru["amended_by"][0]["citation"],
        "Конституционный закон РК от 05.11.2022 № 156-VII"
    );

    // Bad requests say what is wrong; the path is in the OpenAPI document.
    let (status, _, _) = get(&server, "/v1/acts/no-such-act/related");
    assert_eq!(status, 404);
    let (status, bad, _) = get(&server, &format!("/v1/acts/{OLD}/related?as_of=01.01.2020"));
    assert_eq!(status, 400, "{bad:#}");
    let (_, doc, _) = get(&server, "/openapi.json");
    assert!(
        doc["paths"]["/v1/acts/{id}/related"]["get"].is_object(),
        "the OpenAPI document lacks the related acts"
    );
}

/// The order of 04.01.2018 № 11-1-4/1 (the repository's `corpus/`), amended by four orders
/// the corpus lacks, of 2022 and 2025, and citing acts the corpus lacks.
const RULES: &str = "mfa-order-2018-01-04-11-1-4-1";

/// Each entry of `list` as `[citation, quoted, state kind, state in Kazakh, in Russian,
/// Russian name, count]`.
fn described(list: &Value) -> Vec<Value> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|a| {
            json!([
                a["citation"],
                a.get("quoted").is_some_and(|q| q == true),
                a["state"]["kind"],
                a["state_in_words"]["kk"],
                a["state_in_words"]["ru"],
                a["in_words"]["ru"],
                a["count"]
            ])
        })
        .collect()
}

/// On 01.01.2020 the order's amending orders (2022, 2025) were not yet adopted: each says so,
/// the newest first; the order it repeals, which the corpus lacks, is named in official form
/// from its reference's parts (the issuer printed before it, the kind, date and number), in
/// the nominative and in both languages, not as the sentence declines it. On a later day the
/// acts it cites are newest first, those named by too little (a law's title, a code the table
/// of codes lacks) quoted and last with the codes named by their titles (`Еңбек Кодексіне`:
/// the Labour Code), in the order of their names. The CLI's JSON, its text and `/v1` agree.
#[test]
fn related_acts_are_newest_first_named_officially_and_marked_when_after_the_day() {
    let index = tempfile::tempdir().expect("temp dir");
    let zanlex = |args: &[&str]| super::common::zanlex_with(&index, args);
    let (code, out, err) = zanlex(&["related", RULES, "--as-of", "2020-01-01", "--json"]);
    assert_eq!(code, 0, "{err}");
    let on_2020: Value = serde_json::from_str(&out).expect("JSON");
    let later = |day: &str, adopted: &str| {
        (
            "not_yet_adopted",
            format!("{day} күні әлі қабылданбаған ({adopted} қабылданған)"),
        )
    };
    let mut want = Vec::new();
    for (date, number, count) in [
        ("05.12.2025", "11-1-4/730", 4),
        ("30.09.2025", "11-1-4/577", 1),
        ("23.11.2022", "11-1-4/628", 5),
        ("26.05.2022", "11-1-4/240", 2),
    ] {
        let (kind, kk) = later("01.01.2020", date);
        want.push(json!([
            format!("ҚР Сыртқы істер министрінің м.а. {date} № {number} бұйрығы"),
            false,
            kind,
            kk,
            format!("на 01.01.2020 ещё не принят (принят {date})"),
            format!(
                "Приказ исполняющего обязанности Министра иностранных дел РК от {date} № {number}"
            ),
            count
        ]));
    }
    assert_eq!(described(&on_2020["amended_by"]), want, "{on_2020:#}");
    assert_eq!(
        described(&on_2020["cites"]),
        [json!([
            "ҚР Сыртқы істер министрінің 18.10.2000 № 222 бұйрығы",
            false,
            null,
            null,
            null,
            "Приказ Министра иностранных дел РК от 18.10.2000 № 222",
            1
        ])],
        "{on_2020:#}"
    );

    let (code, out, err) = zanlex(&["related", RULES, "--as-of", "2026-11-01", "--json"]);
    assert_eq!(code, 0, "{err}");
    let on_2026: Value = serde_json::from_str(&out).expect("JSON");
    // Every amending order was adopted and applies by then: no state.
    assert!(
        on_2026["amended_by"]
            .as_array()
            .expect("list")
            .iter()
            .all(|a| a.get("state").is_none()),
        "{on_2026:#}"
    );
    let cites: Vec<(String, bool)> = on_2026["cites"]
        .as_array()
        .expect("list")
        .iter()
        .map(|a| {
            (
                a["citation"].as_str().expect("citation").to_string(),
                a.get("quoted").is_some_and(|q| q == true),
            )
        })
        .collect();
    let official = |s: &str| (s.to_string(), false);
    let quoted = |s: &str| (s.to_string(), true);
    assert_eq!(
        cites,
        [
            official("ҚР Сыртқы істер министрінің 12.05.2020 № 11-1-4/149 бұйрығы"),
            official("ҚР Сыртқы істер министрінің 20.05.2019 № 11-1-4/227 бұйрығы"),
            official("ҚР Президентінің 25.04.2016 № 240 Жарлығы"),
            official("ҚР Сыртқы істер министрінің 18.10.2000 № 222 бұйрығы"),
            quoted("\" Дербес деректер және оларды қорғау туралы\" Қазақстан Республикасы Заңының 8-бабына"),
            quoted("\"Атқарушылық іс жүргізу және сот орындаушыларының мәртебесі туралы\" Қазақстан Республикасы Заңының 47-бабына"),
            quoted("\"Мемлекеттік көрсетілетін қызметтер туралы\" Қазақстан Республикасы Заңының 14-бабы 1) тармақшасына"),
            quoted("\"Неке ( ерлі-зайыптылық) және отбасы туралы\" Қазақстан Республикасы Кодексінің"),
            quoted("\"Неке (ерлі – зайыптылық) және отбасы туралы\" Қазақстан Республикасы Кодексінің (бұдан әрі – Кодекс) 22-тарауында"),
            quoted("Салық кодексіне"),
            official("Қазақстан Республикасының Еңбек кодексі"),
            official("Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексі"),
        ],
        "{on_2026:#}"
    );

    // The text says the same in words.
    let (code, text, err) = zanlex(&["related", RULES, "--as-of", "2020-01-01"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "amended_by   ҚР Сыртқы істер министрінің м.а. 05.12.2025 № 11-1-4/730 бұйрығы  [not in the corpus; 01.01.2020 күні әлі қабылданбаған (05.12.2025 қабылданған)]",
            "amended_by   ҚР Сыртқы істер министрінің м.а. 30.09.2025 № 11-1-4/577 бұйрығы  [not in the corpus; 01.01.2020 күні әлі қабылданбаған (30.09.2025 қабылданған)]",
            "amended_by   ҚР Сыртқы істер министрінің м.а. 23.11.2022 № 11-1-4/628 бұйрығы  [not in the corpus; 01.01.2020 күні әлі қабылданбаған (23.11.2022 қабылданған)]",
            "amended_by   ҚР Сыртқы істер министрінің м.а. 26.05.2022 № 11-1-4/240 бұйрығы  [not in the corpus; 01.01.2020 күні әлі қабылданбаған (26.05.2022 қабылданған)]",
            "cites        ҚР Сыртқы істер министрінің 18.10.2000 № 222 бұйрығы  [not in the corpus]",
        ]
    );
    let (code, text, _) = zanlex(&["related", RULES, "--as-of", "2026-11-01"]);
    assert_eq!(code, 0);
    assert!(
        text.lines()
            .any(|l| l
                == "cites        «Салық кодексіне» (quoted from the text)  [not in the corpus]"),
        "{text}"
    );

    // `/v1` answers as the CLI does.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let server = Server::start(
        &corpus,
        &index.path().join("served"),
        &["--watch-secs", "0"],
    );
    let (status, served, _) = get(
        &server,
        &format!("/v1/acts/{RULES}/related?as_of=2020-01-01"),
    );
    assert_eq!(status, 200, "{served:#}");
    for list in ["amended_by", "cites", "amends", "cited_by"] {
        assert_eq!(served[list], on_2020[list], "{list}");
    }
    assert_eq!(served["totals"], on_2020["totals"]);
}

/// The box is open and its lists are in.
const RELATED_IN: &str = "const b = document.getElementById('related'); \
    if (!b) return false; b.open = true; \
    return b.querySelector('.related-body').getAttribute('aria-busy') === 'false'";

/// Each list of the box as `{list id: [[link href or null, name, status words]]}`.
async fn shown(c: &fantoccini::Client) -> Value {
    js(
        c,
        "const out = {}; \
         for (const ul of document.querySelectorAll('#related ul')) \
           out[ul.id] = [...ul.children].map((li) => { \
             const a = li.querySelector('a'); \
             const s = li.querySelector('.badge, .state, .muted'); \
             return [a ? a.getAttribute('href') : null, (a || li.querySelector('.cite')).textContent, s ? s.textContent : null]; }); \
         return out",
    )
    .await
}

#[test]
fn the_act_page_shows_its_related_documents_in_the_interface_language() {
    let Some(f) = Served::start(related_corpus) else {
        return;
    };
    let axe = axe_source();
    if axe.is_none() {
        eprintln!("skipped: axe-core could not be installed with npm (npm install axe-core@4)");
    }
    let base = &f.server.base;
    runtime().block_on(async {
        let cases = [
            (
                "kk",
                "күшінде",
                "күшін жойған",
                "корпуста жоқ",
                "Байланысты құжаттар",
                "Алматы облыстық мәслихатының 27.03.2015 № 43-249 шешімі",
                "ҚР Сыртқы істер министрінің 02.04.2020 № 11-1-4/150 бұйрығы",
            ),
            (
                "ru",
                "действует",
                "утратил силу",
                "нет в корпусе",
                "Связанные документы",
                "Решение маслихата Алматинской области от 27.03.2015 № 43-249",
                "Приказ Министра иностранных дел РК от 02.04.2020 № 11-1-4/150",
            ),
        ];
        each_width_and_language(&f.webdriver, Some(base), &cases, async |c, width, (ui, in_force, repealed, missing, heading, old_name, amending_name)| {
            let at = format!("{width} px, {ui}");
            // The new decision: its predecessor, linked, repealed.
            open(c, &format!("{base}/acts/{NEW}"), RELATED_IN).await;
            assert_eq!(
                js(c, "return document.querySelector('#related summary h2').textContent").await,
                heading,
                "{at}"
            );
            let lists = shown(c).await;
            assert_eq!(
                lists["related-replaces"],
                json!([[format!("/acts/{OLD}"), old_name, repealed]]),
                "{at}: {lists:#}"
            );
            // Every entry is words, none an object's name.
            assert_eq!(
                js(c, "return document.getElementById('related').textContent.includes('[object')").await,
                false,
                "{at}"
            );
            // The box is one keyboard stop before the text: its summary.
            assert_eq!(
                js(c, "return document.querySelector('#related').compareDocumentPosition(document.querySelector('.act-grid')) === Node.DOCUMENT_POSITION_FOLLOWING").await,
                true,
                "{at}"
            );
            js(c, "document.getElementById('related').scrollIntoView(); return true").await;
            screenshot(c, &format!("related-{ui}-{width}")).await;
            if let Some(axe) = &axe {
                let found: Vec<Value> = axe_violations(c, axe)
                    .await
                    .into_iter()
                    .filter(|v| v["impact"] != "minor")
                    .collect();
                assert!(found.is_empty(), "{at}: axe-core: {found:#?}");
            }
            // The amended order: the order amending it, in force; the law it is made
            // under, which the corpus lacks, named by its title alone: quoted as printed.
            open(c, &format!("{base}/acts/{AMENDED}"), RELATED_IN).await;
            let lists = shown(c).await;
            assert_eq!(
                lists["related-amended-by"],
                json!([[format!("/acts/{AMENDING}"), amending_name, in_force]]),
                "{at}: {lists:#}"
            );
            assert_eq!(
                lists["related-cited-by"],
                json!([[format!("/acts/{AMENDING}"), amending_name, in_force]]),
                "{at}: {lists:#}"
            );
            assert_eq!(
                lists["related-cites"],
                json!([[
                    null,
                    "«\"Сынақ туралы\" Қазақстан Республикасы Заңының 5-бабына»",
                    missing
                ]]),
                "{at}: {lists:#}"
            );
            // Following the link opens the amending order's page, its own box listing
            // the order it amends.
            js(c, "document.querySelector('#related-amended-by a').click(); return true").await;
            wait_true(
                c,
                &format!("return location.pathname === '/acts/{AMENDING}' && !!document.querySelector('#related-amends li')"),
                "the amending order's page",
            )
            .await;
            screenshot(c, &format!("related-amends-{ui}-{width}")).await;
        })
        .await;
    });
}

/// The Almaty oblast maslikhat's decision of 15.12.2020 № 64-340 (`tests/fixtures/mirror`)
/// cites four orders of the Minister of Agriculture the corpus lacks, each printed after the
/// minister's title in the genitive (`Қазақстан Республикасы Ауыл шаруашылығы министрінің 2015
/// жылғы 30 қаңтардағы № 7-1/68 бұйрығымен`), and the Civil Code by its name: each is named in
/// official form in the nominative, in both languages, newest first, from the Kazakh text and
/// from the Russian; the codes the table of codes lacks (land, forest, water, environment)
/// keep the text's words.
#[test]
fn a_ministry_the_issuer_table_lists_names_its_orders_officially() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mirror");
    let dir = format!(
        "{DIR}/2020/1215-ob-utverzhdenii-pravil-vypasa-selskokhoziaistvennykh-zhivotnykh-150276"
    );
    let corpus = tmp.path().join("corpus");
    copy_dir(&fixtures.join(&dir), &corpus.join(&dir));
    let corpus_arg = corpus.to_string_lossy().into_owned();
    let (code, out, err) = super::common::zanlex_with(
        &tmp,
        &[
            "--corpus",
            &corpus_arg,
            "related",
            "maslikhat-decision-2020-12-15-64-340",
            "--as-of",
            "2021-06-01",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let related: Value = serde_json::from_str(&out).expect("JSON");
    let named: Vec<Value> = related["cites"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|a| a.get("quoted").is_none())
        .map(|a| json!([a["citation"], a["in_words"]["kk"], a["in_words"]["ru"]]))
        .collect();
    let order = |date: &str, number: &str| {
        let kk = format!("ҚР Ауыл шаруашылығы министрінің {date} № {number} бұйрығы");
        json!([
            kk,
            kk,
            format!("Приказ Министра сельского хозяйства РК от {date} № {number}")
        ])
    };
    assert_eq!(
        named,
        [
            order("29.04.2020", "145"),
            order("12.10.2015", "18-02/909"),
            order("14.04.2015", "3-3/332"),
            order("30.01.2015", "7-1/68"),
            json!([
                "Қазақстан Республикасының Азаматтық кодексі",
                "Қазақстан Республикасының Азаматтық кодексі",
                "Гражданский кодекс Республики Казахстан"
            ]),
        ],
        "{related:#}"
    );

    // The Russian text prints the orders after the minister's title (`приказом Министра
    // сельского хозяйства Республики Казахстан от 30 января 2015 года № 7-1/68`): its list
    // names the same orders, and the Civil Code.
    let (code, out, err) = super::common::zanlex_with(
        &tmp,
        &[
            "--corpus",
            &corpus_arg,
            "related",
            "maslikhat-decision-2020-12-15-64-340",
            "--as-of",
            "2021-06-01",
            "--lang",
            "ru",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let related: Value = serde_json::from_str(&out).expect("JSON");
    let named: Vec<Value> = related["cites"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|a| a.get("quoted").is_none())
        .map(|a| json!([a["citation"], a["in_words"]["kk"], a["in_words"]["ru"]]))
        .collect();
    let order = |date: &str, number: &str| {
        let ru = format!("Приказ Министра сельского хозяйства РК от {date} № {number}");
        json!([
            ru,
            format!("ҚР Ауыл шаруашылығы министрінің {date} № {number} бұйрығы"),
            ru
        ])
    };
    assert_eq!(
        named,
        [
            order("29.04.2020", "145"),
            order("12.10.2015", "18-02/909"),
            order("14.04.2015", "3-3/332"),
            order("30.01.2015", "7-1/68"),
            json!([
                "Гражданский кодекс Республики Казахстан",
                "Қазақстан Республикасының Азаматтық кодексі",
                "Гражданский кодекс Республики Казахстан"
            ]),
        ],
        "{related:#}"
    );
}

/// `zanlex related --json` of the Almaty oblast maslikhat's decision of 26.04.2024 № 20-96
/// (`tests/fixtures/chapters`), alone in a corpus, in `lang`.
fn related_of_decision_20_96(lang: &str) -> Value {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/chapters");
    let dir = "0426-ob-utverzhdenii-pravil-pogrebeniia-i-organizatsii-dela-po-ukhodu-196425";
    let corpus = tmp.path().join("corpus");
    copy_dir(
        &fixtures.join(dir),
        &corpus.join("local-almaty-oblast").join(dir),
    );
    let corpus_arg = corpus.to_string_lossy().into_owned();
    let (code, out, err) = super::common::zanlex_with(
        &tmp,
        &[
            "--corpus",
            &corpus_arg,
            "related",
            "maslikhat-decision-2024-04-26-20-96",
            "--lang",
            lang,
            "--json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("JSON")
}

/// The Almaty oblast maslikhat's decision of 26.04.2024 № 20-96 (`tests/fixtures/chapters`)
/// repeals the maslikhat's decision of 28.08.2019 № 52-269, which the corpus lacks, cited in
/// its Russian text as `решение Алматинского областного маслихата от 28 августа 2019 года №
/// 52-269`: it is named officially with its region, in both languages; and the orders of
/// ministers it cites after their titles (`приказом Министра здравоохранения Республики
/// Казахстан от 19 августа 2021 года № ҚР ДСМ-81`) are named officially too.
#[test]
fn a_maslikhat_decision_is_named_with_its_region() {
    let related = related_of_decision_20_96("ru");
    let named: Vec<Value> = related["cites"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|a| a.get("quoted").is_none() && a.get("id").is_none())
        .map(|a| json!([a["citation"], a["in_words"]["kk"], a["in_words"]["ru"]]))
        .collect();
    for want in [
        [
            "Решение маслихата Алматинской области от 28.08.2019 № 52-269",
            "Алматы облысы мәслихатының 28.08.2019 № 52-269 шешімі",
            "Решение маслихата Алматинской области от 28.08.2019 № 52-269",
        ],
        [
            "Приказ Министра здравоохранения РК от 19.08.2021 № ҚР ДСМ-81",
            "ҚР Денсаулық сақтау министрінің 19.08.2021 № ҚР ДСМ-81 бұйрығы",
            "Приказ Министра здравоохранения РК от 19.08.2021 № ҚР ДСМ-81",
        ],
        [
            "Приказ Министра национальной экономики РК от 31.05.2019 № 48",
            "ҚР Ұлттық экономика министрінің 31.05.2019 № 48 бұйрығы",
            "Приказ Министра национальной экономики РК от 31.05.2019 № 48",
        ],
    ] {
        assert!(named.contains(&json!(want)), "{want:?}: {related:#}");
    }
}

/// The same decision's Kazakh text cites the repealed decision with its title and its
/// registration between the number and the kind word (`Алматы облыстық мәслихатының 2019
/// жылғы 28 тамыздағы № 52-269 «… бекіту туралы» (… № 4387 болып тіркелген) шешімінің`):
/// the reference is read across them, and the decision named officially in both languages.
#[test]
fn a_maslikhat_decision_cited_in_kazakh_across_its_title_is_named() {
    let related = related_of_decision_20_96("kk");
    let named: Vec<Value> = related["cites"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|a| a.get("quoted").is_none() && a.get("id").is_none())
        .map(|a| json!([a["citation"], a["in_words"]["ru"], a["count"]]))
        .collect();
    let want = json!([
        "Алматы облысы мәслихатының 28.08.2019 № 52-269 шешімі",
        "Решение маслихата Алматинской области от 28.08.2019 № 52-269",
        1
    ]);
    assert!(named.contains(&want), "{related:#}");
}
