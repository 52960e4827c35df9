//! The search form's requisites, in headless Chromium at a laptop's and a phone's width, in
//! both interface languages, with axe-core: the issuer chosen from a list of names in the
//! interface's language, the registration number, the act's number and the adoption dates
//! typed, the form sent; the address keeps them (a search by requisites is a link to share)
//! and the hits are exactly those acts' units. On a phone the fields fold with the other
//! filters.

use super::serve_api::{test_corpus, ACT};
use super::serve_browser::{
    axe_source, axe_violations, each_width_and_language, interface_language, js, open, runtime,
    screenshot, wait_true, Served, UIS,
};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

/// The search form is drawn with its issuer list.
const FORM_IN: &str = "return document.querySelectorAll('#issuer option').length > 20";
/// The results are in: their count, or the note that nothing was found.
const RESULTS_IN: &str = "return !!document.getElementById('count')";

/// The joint order of the Ministers of Foreign and of Internal Affairs, 01.09.2020
/// № 11-1-4/245 and № 611.
const JOINT: &str = "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611";

/// Each hit's act, from its link, and the total the page says.
async fn hits(c: &Client) -> Value {
    js(
        c,
        "return [...document.querySelectorAll('.hit a.cite')].map((a) => decodeURIComponent(new URL(a.href).pathname).split('/')[2])",
    )
    .await
}

/// How many units the API finds for `params` (every unit of the acts asked for).
async fn api_total(c: &Client, params: &str) -> Value {
    c.execute_async(
        &format!(
            "const done = arguments[arguments.length - 1]; \
             fetch('/v1/search?{params}&exact_total=true').then((r) => r.json()).then((p) => done(p.total))"
        ),
        vec![],
    )
    .await
    .expect("the API's total")
}

/// The number in the page's count line (`Найдено: 25`, `25 нәтиже`).
async fn shown_total(c: &Client) -> Value {
    js(
        c,
        "const m = /\\d[\\d\\s\\u00a0\\u202f]*/.exec(document.getElementById('count').textContent); \
         return m ? Number(m[0].replace(/\\D/g, '')) : null",
    )
    .await
}

/// Opens the filters where a phone folds them.
async fn unfold(c: &Client) {
    let open_now = js(c, "return document.getElementById('filters-box').open").await;
    if open_now != Value::Bool(true) {
        c.find(Locator::Css("#filters-box > summary"))
            .await
            .expect("the filters' line")
            .click()
            .await
            .expect("open the filters");
    }
}

/// Types `text` into the field `id` (emptied first).
async fn type_into(c: &Client, id: &str, text: &str) {
    let field = c.find(Locator::Id(id)).await.expect(id);
    field.clear().await.expect("clear");
    field.send_keys(text).await.expect("type");
}

async fn no_axe_findings(c: &Client, axe: &Option<String>, at: &str) {
    if let Some(axe) = axe {
        let found: Vec<Value> = axe_violations(c, axe)
            .await
            .into_iter()
            .filter(|v| v["impact"] != "minor")
            .collect();
        assert!(found.is_empty(), "{at}: axe-core: {found:#?}");
    }
}

#[test]
fn the_form_searches_by_issuer_registration_number_and_dates() {
    let Some(f) = Served::start(test_corpus) else {
        return;
    };
    let base = &f.server.base;
    let axe = axe_source();
    if axe.is_none() {
        eprintln!("axe-core could not be installed with npm: its checks are skipped");
    }
    runtime().block_on(async {
        each_width_and_language(&f.webdriver, None, &UIS, async |c, width, ui| {
            let at = format!("{width} px, {ui}");
            interface_language(c, base, ui).await;
            open(c, &format!("{base}/"), FORM_IN).await;
            // On a phone the fields are folded with the other filters.
            let folded = js(c, "return document.getElementById('filters-box').open").await;
            assert_eq!(folded, Value::Bool(width > 700), "{at}");
            unfold(c).await;
            // Each field is named in the interface's language, by its label.
            let labels = js(
                c,
                "return ['issuer', 'registration', 'number', 'date_from', 'date_to'].map((id) => \
                   document.getElementById(id).labels[0].firstChild.textContent)",
            )
            .await;
            let want = if ui == "kk" {
                json!(["Қабылдаған орган", "Тіркеу нөмірі", "Акт нөмірі", "Акт күні, бастап", "дейін"])
            } else {
                json!(["Принявший орган", "Номер регистрации", "Номер акта", "Дата акта, с", "по"])
            };
            assert_eq!(labels, want, "{at}");
            // The issuers by their names in the interface's language.
            let mfa = js(
                c,
                "return document.querySelector('#issuer option[value=\"mfa\"]').textContent",
            )
            .await;
            let want = if ui == "kk" {
                "Қазақстан Республикасының Сыртқы істер министрі"
            } else {
                "Министр иностранных дел Республики Казахстан"
            };
            assert_eq!(mfa, want, "{at}");

            // The Minister of Foreign Affairs' order registered № 16354, by its issuer
            // and registration number: every unit of it, nothing else.
            c.find(Locator::Id("issuer"))
                .await
                .expect("the issuer list")
                .select_by_value("mfa")
                .await
                .expect("choose the issuer");
            type_into(c, "registration", "16354").await;
            if width < 700 {
                screenshot(c, &format!("requisites-form-{ui}-{width}")).await;
            }
            c.find(Locator::Id("go"))
                .await
                .expect("the search button")
                .click()
                .await
                .expect("search");
            wait_true(c, RESULTS_IN, "the results").await;
            let url = c.current_url().await.expect("the address");
            let query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
            assert_eq!(
                query,
                vec![
                    ("issuer".to_string(), "mfa".to_string()),
                    ("registration".to_string(), "16354".to_string())
                ],
                "{at}"
            );
            let found = hits(c).await;
            assert_eq!(found.as_array().map(Vec::len), Some(10), "{at}: {found}");
            assert!(
                found.as_array().is_some_and(|a| a.iter().all(|x| x == ACT)),
                "{at}: {found}"
            );
            let whole = api_total(c, &format!("q=act:{ACT}")).await;
            assert!(whole.as_u64().is_some_and(|n| n > 10), "{at}: {whole}");
            assert_eq!(shown_total(c).await, whole, "{at}");
            screenshot(c, &format!("requisites-{ui}-{width}")).await;
            no_axe_findings(c, &axe, &at).await;

            // The joint order by its number, in a range of dates that ends before it:
            // nothing; then in one that holds its day.
            open(c, &format!("{base}/"), FORM_IN).await;
            unfold(c).await;
            type_into(c, "number", "11-1-4/245").await;
            type_into(c, "date_from", "01.01.2020").await;
            type_into(c, "date_to", "31.08.2020").await;
            c.find(Locator::Id("go"))
                .await
                .expect("the search button")
                .click()
                .await
                .expect("search");
            wait_true(c, RESULTS_IN, "the results").await;
            assert_eq!(hits(c).await, json!([]), "{at}");
            assert_eq!(shown_total(c).await, json!(0), "{at}");
            unfold(c).await;
            type_into(c, "date_to", "01.09.2020").await;
            c.find(Locator::Id("go"))
                .await
                .expect("the search button")
                .click()
                .await
                .expect("search");
            wait_true(
                c,
                "return !!document.getElementById('count') && document.querySelectorAll('.hit').length > 0",
                "the joint order's hits",
            )
            .await;
            let found = hits(c).await;
            assert!(
                found.as_array().is_some_and(|a| a.iter().all(|x| x == JOINT)),
                "{at}: {found}"
            );
            assert_eq!(
                shown_total(c).await,
                api_total(c, &format!("q=act:{JOINT}")).await,
                "{at}"
            );

            // A shared link: the fields show what it asks, the hits are its.
            let link = format!(
                "{base}/?issuer=%D0%9C%D0%B8%D0%BD%D0%B8%D1%81%D1%82%D1%80%20%D0%B2%D0%BD%D1%83%D1%82%D1%80%D0%B5%D0%BD%D0%BD%D0%B8%D1%85%20%D0%B4%D0%B5%D0%BB&date_from=2012-01-01&date_to=2012-12-31"
            );
            open(c, &link, RESULTS_IN).await;
            let found = hits(c).await;
            assert!(
                found
                    .as_array()
                    .is_some_and(|a| !a.is_empty() && a.iter().all(|x| x == "mvd-order-2012-06-14-352")),
                "{at}: {found}"
            );
            let shown = js(
                c,
                "return ['issuer', 'date_from', 'date_to'].map((id) => document.getElementById(id).value)",
            )
            .await;
            assert_eq!(
                shown,
                json!(["Министр внутренних дел", "01.01.2012", "31.12.2012"]),
                "{at}"
            );
            // On a phone the folded line says how many filters are set.
            if width < 700 {
                let line = js(c, "return document.querySelector('#filters-box > summary').textContent").await;
                let want = if ui == "kk" { "Сүзгілер (3)" } else { "Фильтры (3)" };
                assert_eq!(line, want, "{at}");
                screenshot(c, &format!("requisites-link-{ui}-{width}")).await;
            }
            no_axe_findings(c, &axe, &at).await;
        })
        .await;
    });
}
