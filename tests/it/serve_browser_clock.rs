//! The act's own clock on the page, in headless Chromium (as `serve_browser.rs`; skipped,
//! saying so, where `chromedriver` is not installed), on the real acts of
//! `tests/fixtures/clock/` (`clock_doors::clock_corpus`): the banner of an act not yet in
//! force on a day counted from its publication, of a provision that stopped applying, of
//! one suspended and of one whose day another act sets; the act read today marking its
//! expired paragraphs beside their text, the «Негізі» link there opening the provision it
//! names, and the act an expiry's words name linked beside the state; the language a twin's
//! shared reading came from, a search's expired hits in the library's order badged as no
//! longer applying, and the titles of two texts of one folder paired as one act.
//! The screenshots go to `target/serve-screenshots/` (`clock-*.png`).

use super::serve_browser::{
    chromium, interface_language, js, open, runtime, screenshot, wait_true, Served,
};
use serde_json::json;

const RESOLUTION: &str = "government-resolution-2023-04-25-326";
const LEGAL_ACTS: &str = "law-2016-04-06-480-v";
const SUSPENDED: &str = "moj-order-2003-07-03-133";
const AWAITING: &str = "maslikhat-decision-2002-05-02-161-30-ii";
/// The banner of [`AWAITING`]'s point 1 on 01.01.2011, in the interface's language (Kazakh).
const AWAITING_BANNER: &str = "28.05.2010 бұрын емес қолданысқа енгізіледі; күнін өзгерістер \
    енгізген актінің (Астана қаласы Мәслихатының 28.05.2010 № 358/48-IV шешімі) 2-тармағы \
    белгілейді, ол акт корпуста жоқ: 01.01.2011 күні қолданыста екені белгісіз; редакциясы \
    көрсетілген";

/// The state of paragraph 3 of articles 38 and 39 of [`LEGAL_ACTS`] today, in Kazakh: expired
/// under article 67's paragraph 2, by the law its words name (the law itself).
const EXPIRED_38_39: &str = "осы актінің 67-бабының 2-тармағына сәйкес 01.01.2017 бастап \
    қолданылмайды (негізі – ҚР 06.04.2016 № 480-V Заңы); соңғы редакциясы көрсетілген";

const TEXTS_LOADED: &str = "return !document.getElementById('texts-loading') && !!document.querySelector('.act-text section .text')";
const UNIT_LOADED: &str = "return document.querySelectorAll('.column').length > 0";

/// The texts of the page's banners, in their order.
const BANNERS: &str = "return [...document.querySelectorAll('.banner')].map((b) => b.textContent)";

/// The elements `SELECTOR` finds that a printed page hides: those a `display: none` rule of
/// the page's print styles matches, or that are inside one.
const HIDDEN_IN_PRINT: &str = "const hides = [...document.styleSheets].flatMap((s) => [...s.cssRules]) \
    .filter((r) => r.media && r.media.mediaText.includes('print')).flatMap((r) => [...r.cssRules]) \
    .filter((r) => r.style && r.style.display === 'none').map((r) => r.selectorText); \
    return [...document.querySelectorAll('SELECTOR')].filter((e) => hides.some((s) => e.closest(s))).length";

#[test]
fn the_page_says_when_an_act_or_a_provision_is_not_in_force() {
    let Some(served) = Served::start(super::clock_doors::clock_corpus) else {
        return;
    };
    let (server, webdriver) = (&served.server, &served.webdriver);
    runtime().block_on(async {
        let c = chromium(webdriver, 1366, 900).await;
        // Five days after its signing, the resolution counted from its publication: one
        // banner, its earliest day estimated, and the page not called the text in force.
        open(
            &c,
            &server.url(&format!("/acts/{RESOLUTION}?as_of=2023-04-30")),
            "return !!document.querySelector('article.act') && !document.getElementById('texts-loading')",
        )
        .await;
        screenshot(&c, "clock-not-yet-in-force").await;
        assert_eq!(
            js(&c, BANNERS).await,
            json!(["30.04.2023 күні қолданысқа енгізілмеген: алғашқы ресми жарияланған күнінен \
                    кейін күнтізбелік 10 күн өткен соң қолданысқа енгізіледі, ~05.05.2023 бұрын емес"])
        );
        let print = js(&c, "return document.querySelector('.print-head .print-date').textContent").await;
        assert!(!print.as_str().unwrap_or("").contains("қолданыстағы"), "{print}");

        // The Law on Legal Acts read today: in force, no banner; the paragraphs that stopped
        // applying on 01.01.2017 (and the third part of article 37's paragraph 2) say so
        // beside their text.
        open(&c, &server.url(&format!("/acts/{LEGAL_ACTS}")), TEXTS_LOADED).await;
        let page = js(
            &c,
            "return { banners: document.querySelectorAll('.banner').length, \
               states: [...document.querySelectorAll('.act-text .state')].filter((s) => !s.hidden).map((s) => s.textContent), \
               text: document.getElementById('art_38__para_3').querySelector('.text').textContent }",
        )
        .await;
        screenshot(&c, "clock-expired-in-act").await;
        assert_eq!(page["banners"], 0, "{page:#}");
        assert_eq!(
            page["states"],
            json!([
                "үшінші бөлігі: осы актінің 67-бабының 2-тармағына сәйкес 01.01.2017 бастап \
                 қолданылмайды; мәтіні көрсетілген · Негізі: 67-бап 2-тармақ",
                format!("{EXPIRED_38_39} · Негізі: 67-бап 2-тармақ"),
                format!("{EXPIRED_38_39} · Негізі: 67-бап 2-тармақ")
            ]),
            "{page:#}"
        );
        assert_eq!(
            page["text"],
            "3. 01.01.2017 дейін қолданыста болды - ҚР 06.04.2016 N 480-V Заңымен.",
            "{page:#}"
        );

        // The «Негізі: 67-бап 2-тармақ» link beside paragraph 3 of article 38 opens the
        // provision it names: article 67's paragraph 2, whose words set the day.
        let under = "document.getElementById('art_38__para_3').querySelector('.state a.lapsed-under')";
        assert_eq!(
            js(&c, &format!("return new URL({under}.href).pathname")).await,
            format!("/acts/{LEGAL_ACTS}/art_67__para_2"),
        );
        js(&c, &format!("{under}.click(); return true")).await;
        wait_true(
            &c,
            &format!(
                "return location.pathname === '/acts/{LEGAL_ACTS}/art_67__para_2' && \
                 document.querySelectorAll('.column .text').length === 2"
            ),
            "the provision the link names",
        )
        .await;
        assert_eq!(
            js(
                &c,
                "return [...document.querySelectorAll('.column .text')].map((t) => t.textContent.slice(0, 60))",
            )
            .await,
            json!([
                "2. 37-баптың 2-тармағының үшінші бөлігі, 38-баптың 3-тармағы",
                "2. Часть третья пункта 2 статьи 37, пункт 3 статьи 38 и пунк"
            ])
        );

        // The paragraph alone: one banner naming the act its expiry's words name (this law,
        // linked), its text readable beneath it.
        open(&c, &server.url(&format!("/acts/{LEGAL_ACTS}/art_38__para_3")), UNIT_LOADED).await;
        screenshot(&c, "clock-expired-unit").await;
        assert_eq!(
            js(&c, BANNERS).await,
            json!([format!(
                "{EXPIRED_38_39}Мерзімін белгілеген акт: ҚР 06.04.2016 № 480-V Заңы"
            )])
        );
        assert_eq!(
            js(&c, "return new URL(document.getElementById('banner-act').href).pathname").await,
            format!("/acts/{LEGAL_ACTS}")
        );
        // Each column's state names the provision and the act, each a link; the provision's
        // opens it.
        assert_eq!(
            js(
                &c,
                "return [...document.querySelectorAll('.column .state')].map((s) => \
                 [s.textContent, ...[...s.querySelectorAll('a')].map((a) => new URL(a.href).pathname)])",
            )
            .await,
            json!([
                [
                    format!(
                        "{EXPIRED_38_39} · Негізі: 67-бап 2-тармақ · Мерзімін белгілеген акт: \
                         ҚР 06.04.2016 № 480-V Заңы"
                    ),
                    format!("/acts/{LEGAL_ACTS}/art_67__para_2"),
                    format!("/acts/{LEGAL_ACTS}")
                ],
                [
                    "не действует с 01.01.2017 (основание — пункт 2 статьи 67 настоящего акта; \
                     Закон РК от 06.04.2016 № 480-V); показана последняя редакция · Негізі: 67-бап \
                     2-тармақ · Мерзімін белгілеген акт: Закон РК от 06.04.2016 № 480-V",
                    format!("/acts/{LEGAL_ACTS}/art_67__para_2"),
                    format!("/acts/{LEGAL_ACTS}")
                ]
            ])
        );
        let columns = js(
            &c,
            "return [...document.querySelectorAll('.column .text')].map((t) => t.textContent)",
        )
        .await;
        assert_eq!(
            columns,
            json!([
                "3. 01.01.2017 дейін қолданыста болды - ҚР 06.04.2016 N 480-V Заңымен.",
                "3. Действовал до 01.01.2017 в соответствии с Законом РК от 06.04.2016 № 480-V (порядок введения в действие см. ст. 67)."
            ])
        );

        // A paragraph of the suspended order on a day of its suspension: one banner naming the
        // suspending order in its words, not the act that repealed the order later.
        open(
            &c,
            &server.url(&format!("/acts/{SUSPENDED}/att_1__para_2?as_of=2004-06-01")),
            UNIT_LOADED,
        )
        .await;
        screenshot(&c, "clock-suspended-unit").await;
        assert_eq!(
            js(&c, BANNERS).await,
            json!(["қолданылуы ~16.10.2003 бұрын емес (бағалау) тоқтатыла тұрған — приказом \
                    Министра юстиции Республики Казахстан от 16 октября 2003 года N 218; мәтіні \
                    көрсетілген"])
        );
        assert_eq!(js(&c, "return !!document.getElementById('banner-act')").await, false);

        // A point whose new wording's day the amending decision's point 2 sets, a decision the
        // corpus lacks: on a day after that decision's signing, one banner saying so, never
        // the text in force, the wording readable beneath it.
        open(
            &c,
            &server.url(&format!("/acts/{AWAITING}/para_1?as_of=2011-01-01")),
            UNIT_LOADED,
        )
        .await;
        screenshot(&c, "clock-awaiting-other-act-unit").await;
        assert_eq!(js(&c, BANNERS).await, json!([AWAITING_BANNER]));
        let print = js(&c, "return document.querySelector('.print-head .print-date').textContent").await;
        assert!(!print.as_str().unwrap_or("").contains("қолданыстағы"), "{print}");
        let states = js(
            &c,
            "return [...document.querySelectorAll('.column .state')].map((s) => s.className)",
        )
        .await;
        assert_eq!(
            states,
            json!(["state state-awaiting_other_act", "state state-awaiting_other_act"])
        );
        let _ = c.close().await;
    });
}

/// The Tax Code (`tests/fixtures/clock/codes`, code 117004), brought into effect by the law of
/// 25.12.2017 № 121-VI (117063): without the law, its text on 01.06.2018 shows one banner
/// naming the law and the day its effect is not before; with the law, article 23 on
/// 01.06.2020 shows one banner naming the law and the day it gives the article, 01.01.2021.
#[test]
fn the_page_names_the_act_a_code_waits_for_and_the_day_it_gives() {
    let code = "code-2017-12-25-120-vi";
    let Some(served) = Served::start(|dir| tied_corpus(dir, false)) else {
        return;
    };
    runtime().block_on(async {
        let c = chromium(&served.webdriver, 1366, 900).await;
        open(
            &c,
            &served.server.url(&format!("/acts/{code}/preamble?as_of=2018-06-01")),
            UNIT_LOADED,
        )
        .await;
        screenshot(&c, "clock-awaiting-law-unit").await;
        assert_eq!(
            js(&c, BANNERS).await,
            json!(["25.12.2017 бұрын емес қолданысқа енгізіледі; күнін ҚР 25.12.2017 № 121-VI \
                    Заңы белгілейді, ол акт корпуста жоқ: 01.06.2018 күні қолданыста екені \
                    белгісіз; редакциясы көрсетілген"])
        );
        open(
            &c,
            &served.server.url(&format!("/acts/{code}?as_of=2018-06-01")),
            TEXTS_LOADED,
        )
        .await;
        screenshot(&c, "clock-awaiting-law-act").await;
        // The whole code awaits the law: one banner, not one line per unit.
        assert_eq!(
            js(&c, BANNERS).await,
            json!(["25.12.2017 бұрын емес қолданысқа енгізіледі; күнін ҚР 25.12.2017 № 121-VI \
                    Заңы белгілейді, ол акт корпуста жоқ: 01.06.2018 күні қолданыста екені \
                    белгісіз; редакциясы көрсетілген"])
        );
        assert_eq!(
            js(&c, "return [...document.querySelectorAll('.act-text .state')].filter((s) => !s.hidden).length").await,
            0
        );
        let print = js(&c, "return document.querySelector('.print-head .print-date').textContent").await;
        assert!(!print.as_str().unwrap_or("").contains("қолданыстағы"), "{print}");
        let _ = c.close().await;
    });
    drop(served);

    let Some(served) = Served::start(|dir| tied_corpus(dir, true)) else {
        return;
    };
    runtime().block_on(async {
        let c = chromium(&served.webdriver, 1366, 900).await;
        open(
            &c,
            &served
                .server
                .url(&format!("/acts/{code}/art_23?as_of=2020-06-01")),
            UNIT_LOADED,
        )
        .await;
        screenshot(&c, "clock-excepted-unit").await;
        // The law and the day it gives; not the code that repealed this one in 2025, which is
        // no cause of its not being in force in 2020.
        assert_eq!(
            js(&c, BANNERS).await,
            json!([
                "01.06.2020 күні қолданысқа енгізілмеген: қолданысқа енгізілу тәртібін ҚР \
                    25.12.2017 № 121-VI Заңы белгілейді, 01.01.2021 бастап"
            ])
        );
        assert_eq!(
            js(&c, "return !!document.getElementById('banner-act')").await,
            false
        );
        let print = js(
            &c,
            "return document.querySelector('.print-head .print-date').textContent",
        )
        .await;
        assert!(
            !print.as_str().unwrap_or("").contains("қолданыстағы"),
            "{print}"
        );
        let _ = c.close().await;
    });
}

/// The Tax Code's excerpt under `dir` as a corpus, with the law putting it into effect when
/// `with_law`.
fn tied_corpus(dir: &std::path::Path, with_law: bool) -> std::path::PathBuf {
    let folders = [
        "codes/1225-o-nalogakh-i-drugikh-obiazatelnykh-platezhakh-v-biudzhet-nalogov-117004",
        "codes/1225-o-vvedenii-v-deistvie-kodeksa-respubliki-kazakhstan-o-nalogakh-i-117063",
    ];
    fixture_corpus(dir, &folders[..if with_law { 2 } else { 1 }])
}

/// A corpus under `dir` of the given folders of `tests/fixtures/clock`, in the mirror's layout.
fn fixture_corpus(dir: &std::path::Path, folders: &[&str]) -> std::path::PathBuf {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clock");
    let corpus = dir.join("corpus");
    for f in folders {
        super::common::copy_dir(&root.join(f), &corpus.join(f));
    }
    corpus
}

/// The Law on Responsible Treatment of Animals of 30.12.2021 № 97-VII (162833,
/// `tests/fixtures/clock/codes`, the edition of 19.04.2023; the acts the CLI, `/v1` and MCP
/// tests read in `act_clock.rs`). Its article 30, paragraph 2, gives paragraph 3 of article 18
/// a wording for 01.01.2025 – 01.01.2029 that the text does not print under the paragraph: on
/// 01.06.2026 the paragraph's page shows that wording in each language, in force, no banner;
/// on 01.01.2029 the printed wording no longer applies, one banner saying so. Its article 31
/// brings paragraph 8 of article 18 into effect on 01.01.2029, later than the act: on
/// 01.06.2026 that paragraph's page shows one banner, the paragraph not yet in force, naming
/// its day, and beneath it the wording it takes that day, marked so, on screen and in print.
#[test]
fn the_page_shows_a_wording_given_for_a_period_and_a_paragraph_that_takes_effect_later() {
    let act = "law-2021-12-30-97-vii";
    let Some(served) = Served::start(|dir| {
        fixture_corpus(
            dir,
            &["codes/1230-ob-otvetstvennom-obrashchenii-s-zhivotnymi-162833"],
        )
    }) else {
        return;
    };
    let columns = "return [...document.querySelectorAll('.column')].map((c) => \
                   [c.querySelector('.text').textContent, \
                    c.querySelector('.state').textContent, c.querySelector('.edition').textContent])";
    runtime().block_on(async {
        let c = chromium(&served.webdriver, 1366, 900).await;
        let page =
            |eid: &str, day: &str| served.server.url(&format!("/acts/{act}/{eid}?as_of={day}"));

        // Inside the period: the wording article 30 gives, in each language, in force for
        // the period's days, the provision giving it cited as each text cites it; no banner.
        open(&c, &page("art_18__para_3", "2026-06-01"), UNIT_LOADED).await;
        screenshot(&c, "clock-worded-in-period").await;
        assert_eq!(js(&c, BANNERS).await, json!([]));
        let period = |given: &str| {
            format!(
                "күшінде Редакция 19.04.2023 · күшінде: 01.01.2025 – 01.01.2029 · \
                 Редакцияның негізі: {given} · Ресми мәтін"
            )
        };
        assert_eq!(
            js(&c, columns).await,
            json!([
                [
                    "3. Егер жануарларды ұстау, тасымалдау олардың тіршілігі мен саулығына зиян \
                     келтірмей, биологиялық, түрлік және жеке ерекшеліктеріне сәйкес неғұрлым \
                     тиімді пайдалануды қамтамасыз етуге мүмкіндік бермесе, жануарларды \
                     дельфинарийлерде, стационарлық океанариумдарда пайдалануға жол берілмейді.",
                    "01.06.2026 күні қолданыста",
                    period("осы актінің 30-бабының 2-тармағының 2) тармақшасы")
                ],
                [
                    "3. Не допускается использовать животных в дельфинариях, стационарных \
                     океанариумах, если их содержание, перевозка не позволяют обеспечивать \
                     наиболее эффективное использование животных в соответствии с \
                     биологическими, видовыми и индивидуальными особенностями, не причиняя \
                     вреда их жизни и здоровью.",
                    "действует на 01.06.2026",
                    period("подпункт 2) пункта 2 статьи 30 настоящего акта")
                ]
            ])
        );
        // Each citation opens that subparagraph on the same day, in the text's language; a
        // printed page keeps it.
        assert_eq!(
            js(
                &c,
                "return [...document.querySelectorAll('.column .edition a.given-in')].map((a) => \
                 [a.lang, new URL(a.href).pathname + new URL(a.href).search])",
            )
            .await,
            json!([
                [
                    "kk",
                    format!("/acts/{act}/art_30__para_2__subpara_2?as_of=2026-06-01")
                ],
                [
                    "ru",
                    format!("/acts/{act}/art_30__para_2__subpara_2?as_of=2026-06-01")
                ]
            ])
        );
        assert_eq!(
            js(
                &c,
                &HIDDEN_IN_PRINT.replace("SELECTOR", ".column .edition a.given-in")
            )
            .await,
            0
        );

        // After the period: the wording printed under the paragraph no longer applies, one
        // banner saying so, the text readable beneath it with the provision it applied under.
        open(&c, &page("art_18__para_3", "2029-01-01"), UNIT_LOADED).await;
        screenshot(&c, "clock-worded-after-period").await;
        let lapsed = "осы редакциясы: осы актінің 30-бабының 2-тармағының 1) тармақшасына сәйкес \
                      01.01.2025 бастап қолданылмайды; мәтіні көрсетілген";
        assert_eq!(js(&c, BANNERS).await, json!([lapsed]));
        let printed = "қолданылмайды Редакция 19.04.2023 · күшінде: ~28.02.2022 – … · Ресми мәтін";
        assert_eq!(
            js(&c, columns).await,
            json!([
                [
                    "3. Егер жануарларды ұстау, тасымалдау олардың тіршілігі мен саулығына зиян \
                     келтірмей, биологиялық, түрлік және жеке ерекшеліктеріне сәйкес неғұрлым \
                     тиімді пайдалануды қамтамасыз етуге мүмкіндік бермесе, жануарларды \
                     жылжымалы хайуанаттар бақтарында, ауыл шаруашылығы жануарларының және үй \
                     жануарларының көрмелерін қоспағанда, жылжымалы жануарлар көрмелерінде, \
                     сондай-ақ дельфинарийлерде, жылжымалы және стационарлық океанариумдарда \
                     және контактілі зоопарктерде пайдалануға жол берілмейді.",
                    format!("{lapsed} · Негізі: 30-бап 2-тармақ 1) тармақша"),
                    printed
                ],
                [
                    "3. Не допускается использовать животных в передвижных зверинцах, \
                     передвижных выставках животных, за исключением выставок \
                     сельскохозяйственных животных и домашних животных, а также дельфинариях, \
                     передвижных и стационарных океанариумах и контактных зоопарках, если их \
                     содержание, перевозка не позволяют обеспечивать наиболее эффективное \
                     использование животных в соответствии с биологическими, видовыми и \
                     индивидуальными особенностями, не причиняя вреда их жизни и здоровью.",
                    "данная редакция не действует с 01.01.2025 (основание — подпункт 1) пункта \
                     2 статьи 30 настоящего акта); текст показан · Негізі: 30-бап 2-тармақ 1) \
                     тармақша",
                    printed
                ]
            ])
        );

        // Paragraph 8, in force from 01.01.2029 by article 31, on a day the act is in force:
        // one banner, not yet in force, naming its day; each column says it in its language,
        // and shows beneath it the wording the paragraph takes that day, marked with the day,
        // its edition line naming it the wording to come.
        open(&c, &page("art_18__para_8", "2026-06-01"), UNIT_LOADED).await;
        screenshot(&c, "clock-paragraph-later-than-act").await;
        let waits = "30.12.2021 қабылданған, бірақ 01.06.2026 күні әлі қолданысқа енгізілмеген \
                     (01.01.2029 бастап қолданыста)";
        assert_eq!(js(&c, BANNERS).await, json!([waits]));
        let to_come =
            "күшіне енбеген Қолданысқа енгізілетін редакция: Редакция 19.04.2023 · күшінде: \
                       01.01.2029 – … · Ресми мәтін";
        assert_eq!(
            js(&c, columns).await,
            json!([
                [
                    "8. Дельфинарийлердің қызметіне тыйым салынады.",
                    waits,
                    to_come
                ],
                [
                    "8. Запрещается деятельность дельфинариев.",
                    "принят 30.12.2021, но на 01.06.2026 ещё не введён в действие (действует с \
                     01.01.2029)",
                    to_come
                ]
            ])
        );
        assert_eq!(
            js(
                &c,
                "return [...document.querySelectorAll('.column')].map((c) => \
                 [...c.children].filter((e) => e.matches('.to-come, .text')).map((e) => \
                 [e.className, (e.querySelector('.to-come-label') || {}).textContent || null]))",
            )
            .await,
            json!([
                [[
                    "to-come",
                    "01.01.2029 бастап қолданысқа енгізілетін мәтін, әлі қолданыста емес:"
                ]],
                [[
                    "to-come",
                    "01.01.2029 бастап қолданысқа енгізілетін мәтін, әлі қолданыста емес:"
                ]]
            ])
        );
        assert_eq!(
            js(
                &c,
                &HIDDEN_IN_PRINT.replace("SELECTOR", ".column .to-come, .column .to-come .text")
            )
            .await,
            0
        );
        let print = js(
            &c,
            "return document.querySelector('.print-head .print-date').textContent",
        )
        .await;
        assert_eq!(print, "01.06.2026 күнгі мәтін");
        let _ = c.close().await;
    });
}

/// The clock's corpus (`clock_doors::clock_corpus`) under `dir` with the Law on the
/// Compensation Fund for Victims (117701, `evals/corpus`), whose twins share the readings each
/// language's final article gives, and the folder of texts without `meta.yaml`
/// (`mirror_corpus::one_folder_of_texts`) whose two texts of the order 143531 are one act.
/// Returns the corpus and 143531's fixture folder.
fn twins_corpus(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let corpus = super::clock_doors::clock_corpus(dir);
    let law = "codes/03-laws/2018/0110-o-fonde-kompensatsii-poterpevshim-117701";
    super::common::copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("evals/corpus")
            .join(law),
        &corpus.join(law),
    );
    let [order, ..] = super::mirror_corpus::one_folder_of_texts(&corpus.join("flat"));
    (corpus, order)
}

/// What the twins share and how a search in force today ranks, on the page. 117701's
/// article 4, subparagraph 1) on 01.01.2019: not yet in force in both columns, from
/// 01.07.2020, the Russian column saying its day was read from the Kazakh text (article 13,
/// which the Russian reader misses). A search in force today for «действовал до 2017 года»:
/// the Law on Legal Acts' two expired paragraphs come after its paragraphs in force, as the
/// library orders them (`clock_doors::a_search_on_a_day_answers_alike_over_http_and_mcp`),
/// badged as no longer applying, not in force. The order 143531, two texts of one folder
/// paired by their names: its page is headed by its own title in each interface language.
#[test]
fn the_page_says_which_text_a_shared_reading_came_from_and_ranks_expired_hits_last() {
    let mut fixture = std::path::PathBuf::new();
    let Some(served) = Served::start(|dir| {
        let (corpus, order) = twins_corpus(dir);
        fixture = order;
        corpus
    }) else {
        return;
    };
    let server = &served.server;
    let kk_title = super::mirror_corpus::md_title(&fixture.join("kaz.md"));
    let ru_title = super::mirror_corpus::md_title(&fixture.join("rus.md"));
    assert!(kk_title.starts_with("Қазақстан Республикасы Президенті Әкімшілігінің"));
    assert!(ru_title.starts_with("Об утверждении Правил и условий проведения аттестации"));
    // The act whose Kazakh text is 143531's, as `/v1/acts` lists it.
    let (_, list, _) = super::serve_api::get(server, "/v1/acts?limit=1000");
    let order = list["acts"]
        .as_array()
        .expect("acts")
        .iter()
        .find(|a| {
            a["expressions"]
                .as_array()
                .is_some_and(|es| es.iter().any(|e| e["title"] == kk_title.as_str()))
        })
        .and_then(|a| a["id"].as_str())
        .unwrap_or_else(|| panic!("143531 in {list:#}"))
        .to_string();
    let query = [("q", "действовал до 2017 года"), ("lang", "ru")];
    let search = reqwest::Url::parse_with_params(&server.url("/"), &query).expect("url");
    // The library's order and states, as `/v1/search` gives them (the page's first ten).
    let api = reqwest::Url::parse_with_params(&server.url("/v1/search"), &query).expect("url");
    let (_, answer, _) =
        super::serve_api::get(server, &format!("/v1/search?{}", api.query().unwrap_or("")));
    let library: Vec<(String, String)> = answer["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .take(10)
        .map(|h| {
            (
                format!(
                    "/acts/{}/{}",
                    h["act"]["id"].as_str().unwrap_or(""),
                    h["unit"]["eid"].as_str().unwrap_or("")
                ),
                h["version"]["state"]["kind"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    runtime().block_on(async {
        let c = chromium(&served.webdriver, 1366, 900).await;
        open(
            &c,
            &server.url("/acts/law-2018-01-10-131-vi/art_4__subpara_1?as_of=2019-01-01"),
            UNIT_LOADED,
        )
        .await;
        screenshot(&c, "clock-twins-read-from").await;
        assert_eq!(
            js(&c, BANNERS).await,
            json!([
                "10.01.2018 қабылданған, бірақ 01.01.2019 күні әлі қолданысқа енгізілмеген \
                    (01.07.2020 бастап қолданыста)"
            ])
        );
        assert_eq!(
            js(
                &c,
                "return [...document.querySelectorAll('.column')].map((c) => \
                 [c.lang, c.querySelector('.state').textContent, \
                  [...c.querySelectorAll('.state .read-from')].map((r) => r.lang)])",
            )
            .await,
            json!([
                [
                    "kk",
                    "10.01.2018 қабылданған, бірақ 01.01.2019 күні әлі қолданысқа енгізілмеген \
                     (01.07.2020 бастап қолданыста)",
                    []
                ],
                [
                    "ru",
                    "принят 10.01.2018, но на 01.01.2019 ещё не введён в действие (действует с \
                     01.07.2020) · қазақ тіліндегі мәтіннен оқылды",
                    ["kk"]
                ]
            ])
        );

        open(
            &c,
            search.as_str(),
            "return document.querySelectorAll('.hit').length > 0",
        )
        .await;
        screenshot(&c, "clock-search-expired-last").await;
        let hits = js(
            &c,
            "return [...document.querySelectorAll('.hit')].map((li) => \
             [new URL(li.querySelector('a.cite').href).pathname, \
              li.querySelector('.badge').textContent])",
        )
        .await;
        // The law's paragraphs in force, then its two expired ones (their score halved),
        // then the other acts' hits, the repealed order last.
        let at = |act: &str, eid: &str| format!("/acts/{act}/{eid}");
        let expected = [
            (at(LEGAL_ACTS, "art_67__para_2"), "in_force", "күшінде"),
            (at(LEGAL_ACTS, "art_66__subpara_2"), "in_force", "күшінде"),
            (at(LEGAL_ACTS, "art_66__subpara_1"), "in_force", "күшінде"),
            (at(LEGAL_ACTS, "art_38__para_3"), "expired", "қолданылмайды"),
            (at(LEGAL_ACTS, "art_39__para_3"), "expired", "қолданылмайды"),
            (at(&order, "att_1__annex_2"), "in_force", "күшінде"),
            (at("law-2018-01-10-131-vi", "art_13"), "in_force", "күшінде"),
            (at(SUSPENDED, "para_1"), "repealed", "күшін жойған"),
        ];
        assert_eq!(
            library,
            expected
                .iter()
                .map(|(p, kind, _)| (p.clone(), kind.to_string()))
                .collect::<Vec<_>>()
        );
        assert_eq!(
            hits,
            json!(expected
                .iter()
                .map(|(p, _, badge)| json!([p, badge]))
                .collect::<Vec<_>>()),
            "{hits:#}"
        );

        let heading = "return document.querySelector('article.act h1').textContent";
        let act_page = server.url(&format!("/acts/{order}"));
        let loaded = "return !!document.querySelector('article.act h1')";
        open(&c, &act_page, loaded).await;
        assert_eq!(js(&c, heading).await, json!(kk_title));
        interface_language(&c, &server.url(""), "ru").await;
        open(&c, &act_page, loaded).await;
        assert_eq!(js(&c, heading).await, json!(ru_title));
        interface_language(&c, &server.url(""), "kk").await;
        let _ = c.close().await;
    });
}
