//! `zanlex serve`'s web page in headless Chromium over WebDriver (Debian's `chromium` and
//! `chromium-driver`; `.ci/run` installs them): a query typed, a hit followed to its
//! provision, the as-of date switched, the compare view opened, a citation copied, markup from
//! a document and a query kept as text, and screenshots (into `target/serve-screenshots/`)
//! that are not blank; then, at a laptop's and a phone's width, axe-core's accessibility
//! rules on every view (axe-core installed from npm into `target/npm`, never kept in the
//! repository), the keyboard's path through a search, and the interface's words in Kazakh
//! and in Russian. Skipped, saying so, only where `chromedriver` is not installed (or, for
//! axe-core's test, where npm cannot install it).

use super::serve_api::{test_corpus, Server, ACT, BILINGUAL, EDITIONS};
use fantoccini::{Client, ClientBuilder, Locator};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Debian's chromedriver, or `None` after saying that the browser test skips.
pub(super) fn chromedriver() -> Option<PathBuf> {
    let found = on_path("chromedriver");
    if found.is_none() {
        eprintln!(
            "skipped: chromedriver is not installed (apt-get install chromium chromium-driver)"
        );
    }
    found
}

/// `name` found on `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// A running chromedriver, killed when dropped.
pub(super) struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A corpus served and a browser driver beside it, kept alive together for one test.
pub(super) struct Served {
    pub server: Server,
    /// The driver's WebDriver address.
    pub webdriver: String,
    _driver: Driver,
    _tmp: tempfile::TempDir,
}

impl Served {
    /// Builds a corpus with `corpus` (given a temporary folder, it returns the corpus folder
    /// it made there), serves it without a watcher and starts the browser driver; `None`
    /// without chromedriver.
    pub(super) fn start(corpus: impl FnOnce(&Path) -> PathBuf) -> Option<Self> {
        let chromedriver = chromedriver()?;
        let tmp = tempfile::tempdir().expect("tempdir");
        let corpus = corpus(tmp.path());
        let server = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "0"]);
        let (driver, webdriver) = start_driver(&chromedriver);
        Some(Served {
            server,
            webdriver,
            _driver: driver,
            _tmp: tmp,
        })
    }
}

pub(super) fn start_driver(path: &Path) -> (Driver, String) {
    let port = free_port();
    let child = Command::new(path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver(child);
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "chromedriver did not listen"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    (driver, format!("http://127.0.0.1:{port}"))
}

/// Where the screenshots go: `target/serve-screenshots/`.
pub(super) fn shots_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("serve-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

/// Saves a screenshot and checks it is not blank: many colours, and a good share of its
/// pixels differ from the most common one (the background).
pub(super) async fn screenshot(c: &Client, name: &str) -> PathBuf {
    let png_bytes = c.screenshot().await.expect("screenshot");
    let path = shots_dir().join(format!("{name}.png"));
    std::fs::write(&path, &png_bytes).expect("save screenshot");
    let decoder = png::Decoder::new(std::io::Cursor::new(&png_bytes));
    let mut reader = decoder.read_info().expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("PNG frame");
    let channels = info.color_type.samples();
    let mut counts: std::collections::HashMap<&[u8], usize> = Default::default();
    for px in buf[..info.buffer_size()].chunks(channels) {
        *counts.entry(px).or_default() += 1;
    }
    let total = (info.width * info.height) as usize;
    let background = counts.values().copied().max().unwrap_or(0);
    assert!(counts.len() > 20, "{name}: only {} colours", counts.len());
    assert!(
        total - background > total / 50,
        "{name}: almost all pixels are the background"
    );
    path
}

pub(super) async fn js(c: &Client, script: &str) -> serde_json::Value {
    c.execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("the script `{script}` failed: {e}"))
}

/// Waits until `script` returns true.
pub(super) async fn wait_true(c: &Client, script: &str, what: &str) {
    let started = Instant::now();
    loop {
        if js(c, script).await == serde_json::Value::Bool(true) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// No markup from a document or a query made it into the page as elements.
/// Whether no two elements of the page share an id.
async fn document_ids_are_unique(c: &Client) -> serde_json::Value {
    js(
        c,
        "const ids = [...document.querySelectorAll('[id]')].map(e => e.id); \
         return ids.length === new Set(ids).size",
    )
    .await
}

async fn assert_no_injected_markup(c: &Client) {
    let injected = js(
        c,
        "return document.querySelectorAll('main img, main script, main [onerror]').length",
    )
    .await;
    assert_eq!(injected, serde_json::json!(0), "markup was injected");
}

#[test]
fn the_page_searches_follows_a_hit_switches_the_date_compares_and_copies() {
    let Some(chromedriver) = chromedriver() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let server = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "0"]);
    let time_server = time_server(tmp.path());
    let (_driver, webdriver) = start_driver(&chromedriver);
    let rt = runtime();
    rt.block_on(async {
        let c = chromium(&webdriver, 1280, 900).await;
        drive(&c, &server.base).await;
        drive_time(&c, &time_server.base).await;
        let _ = c.close().await;
    });
}

/// A runtime for one test's browser session.
pub(super) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// The Government law in Kazakh and Russian, its Kazakh text in two editions, served from a
/// corpus under `tmp`: the point-in-time view of each column.
fn time_server(tmp: &Path) -> Server {
    let time_corpus = tmp.join("time-corpus");
    super::common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(GOV_MIRROR),
        &time_corpus.join("mirror/104316"),
    );
    std::fs::create_dir_all(time_corpus.join("editions")).expect("editions folder");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(GOV_2023),
        time_corpus.join("editions/kaz_2023-04-19.md"),
    )
    .expect("copy the 2023 edition");
    Server::start(
        &time_corpus,
        &tmp.join("time-index"),
        &["--watch-secs", "0"],
    )
}

/// A headless Chromium session, `width` by `height` pixels, whose browser prefers Kazakh.
pub(super) async fn chromium(webdriver: &str, width: u32, height: u32) -> Client {
    let mut caps = serde_json::Map::new();
    // No sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    let chrome = serde_json::json!({ "args": [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        format!("--window-size={width},{height}"),
        "--lang=kk",
    ] });
    caps.insert("goog:chromeOptions".into(), chrome);
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let c = ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(webdriver)
        .await
        .expect("a Chromium session");
    // The window size asked for is the outer one; the page's width is what layout sees.
    c.set_window_size(width, height).await.expect("window size");
    c
}

/// The Government law's mirror folder (Kazakh and Russian texts of 2022, meta.yaml).
pub(super) const GOV_MIRROR: &str =
    "tests/fixtures/mirror/codes/01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316";
/// Its Kazakh edition of 2023-04-19.
pub(super) const GOV_2023: &str =
    "tests/fixtures/versions/codes_104316_government/kaz@0c5d4a0f_v2023-04-19.md";
/// The Government law's act page: chapters, articles (one numbered 3-1), paragraphs.
pub(super) const GOV_ACT: &str = "/acts/constitutional-law-1995-12-18-2688";
/// Article 12 paragraph 3 of the Government law: reworded in 2017, deleted by the law of
/// 19.04.2023 in force ten days after publication (~29.04.2023); the Russian text of 2022
/// does not print the deletion.
pub(super) const GOV_P3: &str = "/acts/constitutional-law-1995-12-18-2688/art_12__para_3";

/// Each column's state in words, its edition and its text, on the provision page for `date`.
async fn columns_on(c: &Client, base: &str, date: &str) -> serde_json::Value {
    c.goto(&format!("{base}{GOV_P3}?as_of={date}"))
        .await
        .expect("the provision on a date");
    wait_true(
        c,
        &format!(
            "return location.search.includes('as_of={date}') && document.querySelectorAll('.parallel .column .state').length === 2"
        ),
        "two columns with their states",
    )
    .await;
    js(
        c,
        "return Object.fromEntries([...document.querySelectorAll('.parallel .column')].map(col => [col.lang, { \
           state: col.querySelector('.state').textContent, \
           edition: col.querySelector('.edition').textContent, \
           text: col.querySelector('.text').textContent }]))",
    )
    .await
}

/// The provision page on dates around a deletion the Russian text does not print: each
/// language's column says what was in force then, with its own edition, or that the corpus
/// lacks that language's wording.
async fn drive_time(c: &Client, base: &str) {
    let before = columns_on(c, base, "2023-04-25").await;
    assert_eq!(before["kk"]["state"], "25.04.2023 күні қолданыста");
    assert_eq!(
        before["kk"]["text"],
        "3. Үкімет Республика Президентімен мемлекеттік бағдарламаларды олар бекітілгенге дейін келіседі."
    );
    assert!(
        before["kk"]["edition"]
            .as_str()
            .is_some_and(|e| e.contains("Редакция 05.11.2022")),
        "{before}"
    );
    assert_eq!(before["ru"]["state"], "действует на 25.04.2023");
    assert_eq!(
        before["ru"]["text"],
        "3. Правительство согласовывает с Президентом Республики государственные программы до их утверждения."
    );
    assert!(
        before["ru"]["edition"]
            .as_str()
            .is_some_and(|e| e.contains("Редакция 05.11.2022") && e.contains("– 29.04.2023")),
        "{before}"
    );
    screenshot(c, "parallel-dates").await;
    // The citation copied from the Kazakh column names the date, and its permalink opens
    // that very wording again.
    js(
        c,
        "document.querySelector('.column[lang=kk] button.copy').click(); return true",
    )
    .await;
    wait_true(
        c,
        "return !!document.getElementById('live').dataset.copied",
        "the copied citation",
    )
    .await;
    let copied = js(c, "return document.getElementById('live').dataset.copied").await;
    let copied = copied.as_str().expect("copied text");
    let link = format!("{base}{GOV_P3}?as_of=2023-04-25");
    assert_eq!(
        copied,
        format!("ҚР 18.12.1995 № 2688 Конституциялық Заңы · 12-бап 3-тармақ (25.04.2023 күнгі редакция) — {link}")
    );
    c.goto(&link).await.expect("the permalink");
    wait_true(
        c,
        "return document.querySelectorAll('.parallel .column .state').length === 2",
        "the cited provision",
    )
    .await;
    assert_eq!(
        js(
            c,
            "return document.querySelector('.column[lang=kk] .text').textContent"
        )
        .await,
        before["kk"]["text"]
    );

    let after = columns_on(c, base, "2023-05-01").await;
    assert_eq!(after["kk"]["state"], "29.04.2023 бастап алып тасталған");
    assert!(
        after["kk"]["edition"]
            .as_str()
            .is_some_and(|e| e.contains("Редакция 19.04.2023")),
        "{after}"
    );
    assert_eq!(after["ru"]["text"], "");
    assert_eq!(
        after["ru"]["state"],
        "редакции на 01.05.2023 в корпусе нет: текст на другом языке отмечает изменение этой \
         единицы, действующее с ~29.04.2023, после последней редакции этого текста (05.11.2022)"
    );
    assert!(
        after["ru"]["edition"]
            .as_str()
            .is_some_and(|e| e.contains("Бұл күнге корпуста редакциясы жоқ")),
        "{after}"
    );

    // A date typed as Kazakhstan writes it, whatever the browser's locale, opens that date;
    // the field shows the date the same way.
    assert_eq!(
        js(
            c,
            "const f = document.getElementById('as_of'); return [f.type, f.value]"
        )
        .await,
        serde_json::json!(["text", "01.05.2023"])
    );
    js(c, "document.getElementById('as_of').value = '25.04.2023'").await;
    c.find(Locator::Id("asof-go"))
        .await
        .expect("as-of button")
        .click()
        .await
        .expect("switch the date");
    wait_true(
        c,
        "return location.search.includes('as_of=2023-04-25') && document.querySelectorAll('.parallel .column .state').length === 2 && document.querySelector('.column[lang=ru] .state').textContent === 'действует на 25.04.2023'",
        "the date typed day first",
    )
    .await;

    let unborn = columns_on(c, base, "1990-01-01").await;
    assert_eq!(
        unborn["kk"]["state"],
        "01.01.1990 күні әлі қабылданбаған (18.12.1995 қабылданған)"
    );
    assert_eq!(unborn["kk"]["text"], "");
    assert_eq!(
        unborn["ru"]["state"],
        "на 01.01.1990 ещё не принят (принят 18.12.1995)"
    );
}

async fn drive(c: &Client, base: &str) {
    // Markup in a query (one malformed, whose error message repeats it, and one that finds
    // the hostile act) and in a document stays text.
    for hostile_query in [
        "\"><img src=x onerror=alert(1)> <script>alert(3)</script> зебразавр",
        "<img src=x onerror=alert(1)> <script>alert(3)</script> зебразавр",
    ] {
        c.goto(&format!("{base}/")).await.expect("open the page");
        let q = c
            .wait()
            .for_element(Locator::Id("q"))
            .await
            .expect("search box");
        q.send_keys(hostile_query).await.expect("type");
        c.find(Locator::Id("go"))
            .await
            .expect("button")
            .click()
            .await
            .expect("search");
        wait_true(
            c,
            "return !!document.querySelector('#count, #results .error')",
            "results or an error",
        )
        .await;
        assert_no_injected_markup(c).await;
    }
    c.goto(&format!("{base}/?q=зебразавр"))
        .await
        .expect("search");
    c.wait()
        .for_element(Locator::Css(".hit"))
        .await
        .expect("the hostile act's hit");
    let text = js(c, "return document.getElementById('results').textContent").await;
    assert!(text
        .as_str()
        .unwrap_or("")
        .contains("<img src=x onerror=alert(1)>"));
    assert_no_injected_markup(c).await;
    // Its act page too (title and text).
    c.find(Locator::Css(".hit .actions a:last-child"))
        .await
        .expect("act link")
        .click()
        .await
        .expect("open the act");
    c.wait()
        .for_element(Locator::Css(".act h1"))
        .await
        .expect("act page");
    // The outline first, then the texts.
    wait_true(
        c,
        "return !document.getElementById('texts-loading') && document.querySelector('.act-text').textContent.includes('onerror=alert(1)')",
        "the act's texts",
    )
    .await;
    assert_no_injected_markup(c).await;

    // The count says what the API says: fewer than the bound match, so the total is exact;
    // and the next page is offered.
    c.goto(&format!("{base}/v1/search?q=тұрақты&limit=10"))
        .await
        .expect("the API's answer");
    let body = js(c, "return document.body.innerText").await;
    let answer: serde_json::Value =
        serde_json::from_str(body.as_str().unwrap_or("")).expect("the API's JSON");
    let total = answer["total"].as_u64().expect("a total");
    assert!(total > 10, "{answer}");
    assert_eq!(answer["total_is_lower_bound"], false, "{answer}");
    let expected = format!("{total} нәтиже");
    c.goto(&format!("{base}/?q=тұрақты")).await.expect("search");
    wait_true(c, "return !!document.getElementById('count')", "the count").await;
    let count = js(c, "return document.getElementById('count').textContent").await;
    assert!(
        count.as_str().unwrap_or("").starts_with(&expected),
        "{count}, expected {expected}"
    );
    assert_eq!(
        js(c, "return !!document.getElementById('next')").await,
        serde_json::json!(true)
    );
    // Past its bound the count is a lower bound: a bound of 5, but the page holds 10 hits,
    // so "10+"; and the next page is still offered.
    c.goto(&format!("{base}/?q=тұрақты&total_bound=5"))
        .await
        .expect("search");
    wait_true(c, "return !!document.getElementById('count')", "the count").await;
    let count = js(c, "return document.getElementById('count').textContent").await;
    assert!(
        count.as_str().unwrap_or("").starts_with("10+ нәтиже"),
        "{count}"
    );
    assert_eq!(
        js(c, "return !!document.getElementById('next')").await,
        serde_json::json!(true)
    );

    // Type a query with the keyboard: `/` focuses the box.
    c.goto(&format!("{base}/")).await.expect("open the page");
    c.wait()
        .for_element(Locator::Id("q"))
        .await
        .expect("search box");
    c.find(Locator::Css("body"))
        .await
        .expect("body")
        .send_keys("/")
        .await
        .expect("slash");
    assert_eq!(
        js(c, "return document.activeElement.id").await,
        serde_json::json!("q")
    );
    let q = c.find(Locator::Id("q")).await.expect("search box");
    q.send_keys("мүгедек балалары бар отбасылар\u{E007}")
        .await
        .expect("type and Enter");
    c.wait()
        .for_element(Locator::Css(".hit"))
        .await
        .expect("hits");
    wait_true(
        c,
        "return document.querySelectorAll('.hit mark').length > 0",
        "highlights",
    )
    .await;
    screenshot(c, "search").await;

    // Copy a citation: the official form, the date of the wording (today's, for a search
    // with no date) and the permalink that opens that wording.
    let citation = js(c, "return document.querySelector('.hit .cite').textContent").await;
    let permalink = js(
        c,
        "return document.querySelector('.hit .cite').getAttribute('href').split('?')[0]",
    )
    .await;
    let today = chrono::Utc::now().date_naive();
    let cited = format!(
        "{} ({} күнгі редакция) — {base}{}?as_of={}",
        citation.as_str().expect("a citation"),
        today.format("%d.%m.%Y"),
        permalink.as_str().expect("a link"),
        today.format("%Y-%m-%d"),
    );
    c.find(Locator::Css(".hit button.copy"))
        .await
        .expect("copy button")
        .click()
        .await
        .expect("copy");
    wait_true(
        c,
        "return !!document.getElementById('live').dataset.copied",
        "the copied citation",
    )
    .await;
    assert_eq!(
        js(c, "return document.getElementById('live').dataset.copied").await,
        serde_json::json!(cited)
    );
    // The status filter keeps its options and its choice: the message went to the live
    // region, not to the element the filter's id once shared.
    assert_eq!(
        js(
            c,
            "const s = document.querySelector('select#status'); \
             return s ? s.options.length : -1"
        )
        .await,
        serde_json::json!(4)
    );
    assert_eq!(document_ids_are_unique(c).await, serde_json::json!(true));

    // Follow the hit in the act with two editions to its provision.
    let link = js(
        c,
        "const a = [...document.querySelectorAll('.hit .cite')].find(a => a.href.includes('para_1__subpara_3')); \
         if (a) { a.click(); return true } return false",
    )
    .await;
    assert_eq!(link, serde_json::json!(true), "no hit in para_1__subpara_3");
    c.wait()
        .for_element(Locator::Css(".column .text"))
        .await
        .expect("provision");
    wait_true(
        c,
        "return location.pathname.includes('para_1__subpara_3')",
        "the provision page",
    )
    .await;
    let now = js(
        c,
        "return document.querySelector('.column .text').textContent",
    )
    .await;
    assert!(
        js(
            c,
            "return document.querySelectorAll('.events li').length > 0"
        )
        .await
            == true
    );

    // Switch the as-of date: the older edition's wording.
    js(c, "document.getElementById('as_of').value = '2020-01-01'").await;
    c.find(Locator::Id("asof-go"))
        .await
        .expect("as-of button")
        .click()
        .await
        .expect("switch");
    wait_true(c, "return location.search.includes('as_of=2020-01-01') && !!document.querySelector('.column .text')", "the older wording").await;
    wait_true(
        c,
        "return document.querySelector('.column .edition').textContent.includes('Редакция 23.08.2019')",
        "the older edition",
    )
    .await;
    let then = js(
        c,
        "return document.querySelector('.column .text').textContent",
    )
    .await;
    assert_ne!(now, then, "the as-of date changed nothing");
    screenshot(c, "provision").await;

    // Compare two dates: words added and removed marked.
    js(
        c,
        "document.getElementById('cmp_from').value = '2019-09-16'; document.getElementById('cmp_to').value = '2020-10-12'",
    )
    .await;
    c.find(Locator::Id("compare-go"))
        .await
        .expect("compare button")
        .click()
        .await
        .expect("compare");
    c.wait()
        .for_element(Locator::Css("#diff ins"))
        .await
        .expect("insertions marked");
    js(
        c,
        "document.getElementById('compare-form').scrollIntoView()",
    )
    .await;
    screenshot(c, "compare").await;

    // Kazakh and Russian side by side.
    c.goto(&format!("{base}/acts/{BILINGUAL}/att_1__para_2"))
        .await
        .expect("a bilingual provision");
    wait_true(
        c,
        "return document.querySelectorAll('.parallel .column').length === 2",
        "two columns",
    )
    .await;
    screenshot(c, "parallel").await;

    // A provision's references: a link to the one it cites; that one lists it as citing.
    c.goto(&format!("{base}/acts/{ACT}/att_1__para_11"))
        .await
        .expect("a provision with a reference");
    wait_true(
        c,
        "return !!document.querySelector('.refs a.ref-target') && !!document.querySelector('#cited-by-list ul, #no-cited-by')",
        "the references and the citing provisions",
    )
    .await;
    assert_eq!(
        js(
            c,
            "return [...document.querySelectorAll('.refs a.ref-target')].map(a => [a.dataset.act, a.dataset.eid, a.textContent])"
        )
        .await,
        serde_json::json!([[
            ACT,
            "att_1__para_10",
            "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 10-тармақ"
        ]])
    );
    let quote = js(
        c,
        "return document.querySelector('.refs .ref .quote').textContent",
    )
    .await;
    assert_eq!(quote, serde_json::json!("«осы Қағидалардың 10-тармағында»"));
    js(c, "document.querySelector('.refs').scrollIntoView()").await;
    screenshot(c, "references").await;
    c.find(Locator::Css(".refs a.ref-target"))
        .await
        .expect("the reference's link")
        .click()
        .await
        .expect("follow the reference");
    wait_true(
        c,
        "return location.pathname.endsWith('/att_1__para_10') && !!document.querySelector('#cited-by-list .cited-items')",
        "the cited provision with its citing ones",
    )
    .await;
    assert_eq!(
        js(c, "return document.querySelector('h1').textContent").await,
        serde_json::json!(
            "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 10-тармақ"
        )
    );
    assert_eq!(
        js(
            c,
            "return [...document.querySelectorAll('#cited-by-list a.cite')].map(a => [a.dataset.act, a.dataset.eid, a.textContent])"
        )
        .await,
        serde_json::json!([[
            ACT,
            "att_1__para_11",
            "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 11-тармақ"
        ]])
    );
    // Its own reference, to an annex, is a link as well.
    wait_true(
        c,
        "return [...document.querySelectorAll('.refs a.ref-target')].some(a => a.dataset.eid === 'att_1__annex_4')",
        "the cited provision's own reference",
    )
    .await;
    js(c, "document.querySelector('.cited-by').scrollIntoView()").await;
    screenshot(c, "cited-by").await;
    // An unresolved reference: its words and why, as text, no link.
    c.goto(&format!("{base}/acts/{ACT}/att_1__para_14"))
        .await
        .expect("a provision with an unresolved reference");
    wait_true(
        c,
        "return !!document.querySelector('.refs .ref.unresolved .why')",
        "the unresolved reference",
    )
    .await;
    assert_eq!(
        js(
            c,
            "return document.querySelectorAll('.refs .ref.unresolved a').length"
        )
        .await,
        serde_json::json!(0)
    );
    let why = js(
        c,
        "return document.querySelector('.refs .ref.unresolved .why').textContent",
    )
    .await;
    assert!(why.as_str().unwrap_or("").contains("корпуста жоқ"), "{why}");
    wait_true(
        c,
        "return !!document.getElementById('no-cited-by')",
        "no citing provisions",
    )
    .await;

    // The act: its outline, then its texts; each unit's label links to its page.
    c.goto(&format!("{base}/acts/{ACT}#att_1__para_10"))
        .await
        .expect("the act");
    wait_true(
        c,
        "return !document.getElementById('texts-loading') && !!document.querySelector('.act-text section .text') && document.querySelector('[id=\"att_1__para_10\"] .text').textContent.startsWith('10.')",
        "the act's outline and texts",
    )
    .await;
    assert_eq!(
        js(
            c,
            "return document.querySelector('[id=\"att_1__para_10\"] .unit-head a').textContent"
        )
        .await,
        serde_json::json!("10-тармақ")
    );
    screenshot(c, "act").await;

    // A malformed `%` escape in the address: the page says the act is not found, not blank.
    c.goto(&format!("{base}/acts/%E0%A4%A"))
        .await
        .expect("a malformed address");
    wait_true(
        c,
        "const m = document.getElementById('main'); \
         return !!m && m.textContent.trim().length > 0 && !!m.querySelector('.error')",
        "a message in place of a blank page for a malformed address",
    )
    .await;

    // A hit of a mirror act links its text on the official database (meta.yaml's `source`),
    // opening apart.
    c.goto(&format!(
        "{base}/?q=выпаса%20сельскохозяйственных%20животных"
    ))
    .await
    .expect("search");
    c.wait()
        .for_element(Locator::Css(".hit"))
        .await
        .expect("hits");
    let official = js(
        c,
        "const a = document.querySelector('.hit a.official'); \
         return a && [a.closest('.hit').lang, a.getAttribute('href'), a.rel, a.target, \
         a.textContent];",
    )
    .await;
    let text_lang = if official[0] == "ru" { "rus" } else { "kaz" };
    assert_eq!(
        official,
        serde_json::json!([
            official[0],
            format!("https://zan.gov.kz/client/#!/doc/150276/{text_lang}/15.12.2020"),
            "noopener noreferrer",
            "_blank",
            "Ресми мәтін"
        ])
    );

    // Words typed in Latin letters are marked in the provision a hit opens, as in the hit:
    // the server marks them (the page matches no words itself).
    c.goto(&format!("{base}/?q=turaqty%20turu"))
        .await
        .expect("search");
    c.wait()
        .for_element(Locator::Css(".hit .cite"))
        .await
        .expect("hits")
        .click()
        .await
        .expect("open the hit");
    wait_true(
        c,
        "return document.querySelectorAll('.column .text mark').length > 0",
        "the provision's marked words",
    )
    .await;
    let marks = js(
        c,
        "return [...document.querySelectorAll('.column .text mark')].map(m => m.textContent.toLowerCase())",
    )
    .await;
    let marks: Vec<String> = serde_json::from_value(marks).expect("words");
    // «тұрақты» and «тұру» (and their forms), nothing else.
    assert!(marks.iter().all(|m| m.starts_with("тұр")), "{marks:?}");

    // A place the question names that the index holds no local act of is said above the
    // hits, which are still shown: another place's rule is never passed off as the one asked.
    c.goto(&format!("{base}/?q=тұрақты%20тұру%20Қарағандыда"))
        .await
        .expect("search");
    c.wait()
        .for_element(Locator::Css(".hit"))
        .await
        .expect("hits beside the place's note");
    let place = js(
        c,
        "const n = document.getElementById('place-none'); return n && n.textContent;",
    )
    .await;
    let place = place.as_str().unwrap_or_default();
    assert!(place.contains("Қарағандыда"), "{place:?}");

    // Phone width: nothing wider than the screen.
    c.set_window_size(390, 844).await.expect("phone width");
    c.goto(&format!("{base}/?q=тұрақты%20тұру"))
        .await
        .expect("search");
    c.wait()
        .for_element(Locator::Css(".hit"))
        .await
        .expect("hits");
    wait_true(
        c,
        "return document.documentElement.scrollWidth <= window.innerWidth + 1",
        "no horizontal scrolling at phone width",
    )
    .await;
    screenshot(c, "phone").await;
}

/// The servers and the browser driver the page's tests below share: the test corpus and the
/// Government law in two editions, each served; `None`, saying so, without chromedriver.
struct Fixture {
    server: Server,
    time_server: Server,
    webdriver: String,
    _driver: Driver,
    _tmp: tempfile::TempDir,
}

fn fixture() -> Option<Fixture> {
    let chromedriver = chromedriver()?;
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let server = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "0"]);
    let time_server = time_server(tmp.path());
    let (driver, webdriver) = start_driver(&chromedriver);
    Some(Fixture {
        server,
        time_server,
        webdriver,
        _driver: driver,
        _tmp: tmp,
    })
}

/// The widths the layout is checked at: a laptop's and a phone's.
pub(super) const WIDTHS: [(u32, u32); 2] = [(1366, 900), (390, 844)];

/// The interface languages, each page's check run in both.
pub(super) const UIS: [&str; 2] = ["kk", "ru"];

/// A case of a page's check: an interface language, alone or with what the check expects in it
/// (`("ru", "Скачать")`).
pub(super) trait UiCase: Clone {
    /// The interface language (`kk`, `ru`).
    fn ui(&self) -> &'static str;
}

impl UiCase for &'static str {
    fn ui(&self) -> &'static str {
        self
    }
}

macro_rules! ui_case_tuples {
    ($(($($t:ident),+)),+) => {$(
        impl<$($t: Clone),+> UiCase for (&'static str, $($t),+) {
            fn ui(&self) -> &'static str {
                self.0
            }
        }
    )+};
}
ui_case_tuples!(
    (A),
    (A, B),
    (A, B, C),
    (A, B, C, D),
    (A, B, C, D, E),
    (A, B, C, D, E, F)
);

/// Runs `check` in a browser at each of [`WIDTHS`] (given the width), closing it after.
pub(super) async fn each_width(webdriver: &str, mut check: impl AsyncFnMut(&Client, u32)) {
    for (width, height) in WIDTHS {
        let c = chromium(webdriver, width, height).await;
        check(&c, width).await;
        let _ = c.close().await;
    }
}

/// Runs `check` in the browser `c` once for each of `cases` in turn (an interface language and
/// what the check expects in it), the language chosen first as a reader chooses it
/// ([`interface_language`] on the page at `base`) unless `base` is `None` (the check chooses
/// it itself).
pub(super) async fn each_language<C: UiCase>(
    c: &Client,
    base: Option<&str>,
    cases: &[C],
    mut check: impl AsyncFnMut(C),
) {
    for case in cases {
        if let Some(base) = base {
            interface_language(c, base, case.ui()).await;
        }
        check(case.clone()).await;
    }
}

/// [`each_language`] in a browser at each of [`WIDTHS`] (given the width), closing it after.
pub(super) async fn each_width_and_language<C: UiCase>(
    webdriver: &str,
    base: Option<&str>,
    cases: &[C],
    mut check: impl AsyncFnMut(&Client, u32, C),
) {
    each_width(webdriver, async |c, width| {
        each_language(c, base, cases, async |case| check(c, width, case).await).await;
    })
    .await;
}

/// The provision of the act with two editions whose wording changed between them.
async fn editions_provision(c: &Client, base: &str) -> String {
    c.goto(&format!("{base}/v1/acts/{EDITIONS}"))
        .await
        .expect("the act's outline");
    let eid = js(
        c,
        "const act = JSON.parse(document.body.innerText); const all = []; \
         const walk = (us) => (us || []).forEach((u) => { all.push(u.eid); walk(u.children); }); \
         walk(act.units); return all.find((e) => e.endsWith('para_1__subpara_3'))",
    )
    .await;
    format!(
        "{base}/acts/{EDITIONS}/{}",
        eid.as_str().expect("a unit para_1__subpara_3")
    )
}

/// Opens the page at `base` and sets its interface language to `ui` (`kk`, `ru`), as a reader's
/// choice is kept: the next page opened reads in it.
pub(super) async fn interface_language(c: &Client, base: &str, ui: &str) {
    c.goto(&format!("{base}/")).await.expect("open the page");
    js(
        c,
        &format!("localStorage.setItem('zanlex-ui', '{ui}'); return true"),
    )
    .await;
}

/// Goes to `url` and waits until `ready` is true.
pub(super) async fn open(c: &Client, url: &str, ready: &str) {
    c.goto(url)
        .await
        .unwrap_or_else(|e| panic!("open {url}: {e}"));
    wait_true(c, ready, url).await;
}

/// The search with results, an act, a provision in two languages, a provision's history with
/// a comparison of two dates, an act's history and its compare view, recent changes, and the
/// error pages (an act not there, a page not there): each view's address and what says it is
/// drawn.
async fn views(c: &Client, f: &Fixture) -> Vec<(&'static str, String, &'static str)> {
    let base = &f.server.base;
    vec![
        (
            "search",
            format!("{base}/?q=мүгедек%20балалары%20бар%20отбасылар"),
            "return document.querySelectorAll('.hit mark').length > 0",
        ),
        (
            "act",
            format!("{base}/acts/{ACT}"),
            "return !document.getElementById('texts-loading') && !!document.querySelector('.act-text section .text')",
        ),
        (
            "provision",
            format!("{base}/acts/{BILINGUAL}/att_1__para_2"),
            "return document.querySelectorAll('.parallel .column').length === 2 && !!document.querySelector('#cited-by-list ul, #no-cited-by') && [...document.querySelectorAll('.refs-list')].every((r) => r.textContent !== T[ui].loading)",
        ),
        (
            "references",
            format!("{base}/acts/{ACT}/att_1__para_11"),
            "return !!document.querySelector('.refs a.ref-target') && !!document.querySelector('#cited-by-list ul, #no-cited-by')",
        ),
        (
            "history",
            editions_provision(c, base).await,
            "return document.querySelectorAll('.events li').length > 0 && !!document.querySelector('#cited-by-list ul, #no-cited-by')",
        ),
        (
            "act-articles",
            format!("{}{GOV_ACT}", f.time_server.base),
            "return !document.getElementById('texts-loading') && !!document.querySelector('.act-text section .text')",
        ),
        (
            "parallel-dates",
            format!("{}{GOV_P3}?as_of=2023-05-01", f.time_server.base),
            "return document.querySelectorAll('.parallel .column .state').length === 2",
        ),
        (
            "act-history",
            format!("{}{GOV_ACT}/history", f.time_server.base),
            "return document.querySelectorAll('.events .event').length > 0",
        ),
        (
            "compare",
            format!("{}{GOV_ACT}/history", f.time_server.base),
            "return document.querySelectorAll('.events .event').length > 0",
        ),
        (
            "changes",
            format!("{base}/changes"),
            "return document.querySelectorAll('.recent-change').length > 0",
        ),
        (
            "error",
            format!("{base}/acts/no-such-act"),
            "return !!document.querySelector('main .error')",
        ),
        (
            "not-found",
            format!("{base}/no/such/page"),
            "return !!document.querySelector('main h1')",
        ),
    ]
}

/// What a view needs done once it is drawn: the provision's history compares two dates, the
/// act's compare view compares the act's two editions.
async fn after_opening(c: &Client, name: &str) {
    match name {
        "history" => compare_dates(c).await,
        "compare" => {
            js(
                c,
                "document.getElementById('cmp_from').value = '05.11.2022'; \
                 document.getElementById('cmp_to').value = '19.04.2023'; \
                 document.getElementById('compare-go').click(); return true",
            )
            .await;
            wait_true(
                c,
                "return !!document.querySelector('#diff .change')",
                "the act compared between its editions",
            )
            .await;
        }
        _ => {}
    }
}

/// Runs the compare form of the provision page shown, between two dates, and waits for the
/// marked differences.
async fn compare_dates(c: &Client) {
    js(
        c,
        "document.getElementById('cmp_from').value = '16.09.2019'; document.getElementById('cmp_to').value = '12.10.2020'",
    )
    .await;
    c.find(Locator::Id("compare-go"))
        .await
        .expect("compare button")
        .click()
        .await
        .expect("compare");
    wait_true(
        c,
        "return !!document.querySelector('#diff ins')",
        "the marked differences",
    )
    .await;
}

/// axe-core's script, installed with npm into `target/npm` when it is not there yet; `None`
/// when npm cannot install it (no npm, no registry), and the caller skips.
pub(super) fn axe_source() -> Option<String> {
    let dir = shots_dir().parent().expect("the target folder").join("npm");
    let file = dir.join("node_modules/axe-core/axe.min.js");
    if !file.is_file() {
        let installed = Command::new("npm")
            .arg("install")
            .arg("--prefix")
            .arg(&dir)
            .args(["axe-core@4", "--no-audit", "--no-fund", "--silent"])
            .status()
            .is_ok_and(|s| s.success());
        if !installed {
            return None;
        }
    }
    std::fs::read_to_string(&file).ok()
}

/// axe-core's violations on the page shown, each with its rule, impact and the elements at
/// fault. The script is put into the page through WebDriver (the page's own policy allows no
/// script from elsewhere, and none is needed by its users).
pub(super) async fn axe_violations(c: &Client, axe: &str) -> Vec<serde_json::Value> {
    if js(c, "return typeof window.axe").await != "object" {
        c.execute(axe, vec![]).await.expect("inject axe-core");
    }
    let res = c
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             axe.run(document, { resultTypes: ['violations'] }) \
               .then((r) => done(r.violations.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, \
                  nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 160), why: n.failureSummary })) })))) \
               .catch((e) => done({ error: String(e) }))",
            vec![],
        )
        .await
        .expect("axe.run");
    match res {
        serde_json::Value::Array(list) => list,
        other => panic!("axe-core failed: {other}"),
    }
}

#[test]
fn axe_core_finds_nothing_moderate_or_worse_on_any_view_at_either_width_or_language() {
    let Some(f) = fixture() else { return };
    let Some(axe) = axe_source() else {
        eprintln!("skipped: axe-core could not be installed with npm (npm install axe-core@4)");
        return;
    };
    runtime().block_on(async {
        let mut found = Vec::new();
        let mut runs = 0;
        let mut by_impact: std::collections::BTreeMap<String, usize> = Default::default();
        each_width_and_language(&f.webdriver, None, &UIS, async |c, width, ui| {
            let views = views(c, &f).await;
            for (name, url, ready) in views {
                c.goto(&url).await.expect("open the view");
                js(
                    c,
                    &format!("localStorage.setItem('zanlex-ui', '{ui}'); return true"),
                )
                .await;
                open(c, &url, ready).await;
                after_opening(c, name).await;
                if name == "history" {
                    js(
                        c,
                        "document.querySelector('.timeline').scrollIntoView(); return true",
                    )
                    .await;
                }
                if name == "compare" {
                    js(
                        c,
                        "document.getElementById('diff').scrollIntoView(); return true",
                    )
                    .await;
                }
                screenshot(c, &format!("view-{name}-{ui}-{width}")).await;
                // What the screenshots showed: fields in the browser's small default
                // type, and a hit's links run together and broken across lines.
                let small = js(
                    c,
                    "return [...document.querySelectorAll('main input, main select')] \
                       .filter((e) => e.offsetParent && parseFloat(getComputedStyle(e).fontSize) < 14) \
                       .map((e) => e.id || e.name)",
                )
                .await;
                if small != serde_json::json!([]) {
                    found.push(format!("{name} at {width} px, {ui}: fields in small type: {small}"));
                }
                let broken = js(
                    c,
                    "return [...document.querySelectorAll('.actions > *')] \
                       .filter((a) => a.getClientRects().length > 1).map((a) => a.textContent)",
                )
                .await;
                if broken != serde_json::json!([]) {
                    found.push(format!("{name} at {width} px, {ui}: links broken across lines: {broken}"));
                }
                runs += 1;
                for v in axe_violations(c, &axe).await {
                    let impact = v["impact"].as_str().unwrap_or("").to_string();
                    let line = format!("{name} at {width} px, {ui}: {v:#}");
                    eprintln!("axe-core: {line}");
                    *by_impact.entry(impact.clone()).or_default() += 1;
                    if ["moderate", "serious", "critical"].contains(&impact.as_str()) {
                        found.push(line);
                    }
                }
            }
        })
        .await;
        eprintln!("axe-core: {runs} runs, violations by impact: {by_impact:?}");
        assert_eq!(runs, 2 * 2 * 12, "every view at both widths in both languages");
        assert!(
            found.is_empty(),
            "axe-core's moderate, serious and critical violations, and what the screenshots showed:\n{}",
            found.join("\n")
        );
    });
}

/// The element with focus: its tag, id and text.
async fn focused(c: &Client) -> serde_json::Value {
    js(
        c,
        "const a = document.activeElement; \
         return { tag: a.tagName.toLowerCase(), id: a.id, text: a.textContent.trim().slice(0, 80), \
                  inResults: !!a.closest('#results') }",
    )
    .await
}

#[test]
fn the_keyboard_lands_on_the_results_and_every_name_is_what_is_shown() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        each_width_and_language(&f.webdriver, Some(base), &UIS, async |c, width, ui| {
            open(c, &format!("{base}/"), "return !!document.getElementById('q')").await;
            // The search page has its heading, for those who move by headings.
            assert_eq!(
                js(c, "return document.querySelectorAll('main h1').length").await,
                serde_json::json!(1),
                "{width} px, {ui}: the search page's heading"
            );
            // The language button is called what it shows.
            let button = js(
                c,
                "const b = document.getElementById('ui-lang'); \
                 return [b.getAttribute('aria-label') || b.textContent.trim(), b.innerText.trim()]",
            )
            .await;
            assert_eq!(button[0], button[1], "{width} px, {ui}: the language button");
            // A query typed and sent: the focus goes to the results' heading, so the
            // next Tab reaches the first hit.
            let q = c.find(Locator::Id("q")).await.expect("search box");
            q.click().await.expect("focus the box");
            q.send_keys("мүгедек балалары бар отбасылар\u{E007}")
                .await
                .expect("type and Enter");
            wait_true(c, "return !!document.querySelector('.hit')", "hits").await;
            wait_true(
                c,
                "return document.activeElement.tagName === 'H2' && !!document.activeElement.closest('#results')",
                &format!("{width} px, {ui}: the focus on the results' heading, not {}", focused(c).await),
            )
            .await;
            assert_eq!(
                js(c, "return document.activeElement.id").await,
                serde_json::json!("count")
            );
            c.find(Locator::Css("body"))
                .await
                .expect("body")
                .send_keys("\u{E004}")
                .await
                .expect("Tab");
            assert_eq!(
                js(c, "return document.activeElement === document.querySelector('.hit a')").await,
                serde_json::json!(true),
                "{width} px, {ui}: Tab from the results' heading: {}",
                focused(c).await
            );
            // The copied citation is confirmed, and the confirmation goes away by itself.
            c.find(Locator::Css(".hit button.copy"))
                .await
                .expect("copy button")
                .click()
                .await
                .expect("copy");
            wait_true(
                c,
                "return document.getElementById('live').textContent.length > 0",
                "the confirmation",
            )
            .await;
            let shown = Instant::now();
            while js(c, "return document.getElementById('live').textContent").await != "" {
                assert!(
                    shown.elapsed() < Duration::from_secs(10),
                    "{width} px, {ui}: the copy confirmation stays"
                );
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        })
        .await;
    });
}

/// The interface's own words on the page shown: the text of the header, of `main` without
/// what documents and queries put there (citations, texts, snippets, titles, file names), of
/// the live region, and every `aria-label`, `title` and `placeholder`.
async fn interface_words(c: &Client) -> Vec<String> {
    let words = js(
        c,
        "const main = document.getElementById('main').cloneNode(true); \
         main.querySelectorAll('h1, .cite, .text, .amend-note, .snippet, .words, .quote, .crumbs, .ref-target, \
            .amending-act, .src, .state, input, noscript') \
           .forEach((e) => e.remove()); \
         const attrs = [...document.querySelectorAll('[aria-label], [title], [placeholder]')] \
           .flatMap((e) => ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a)).filter(Boolean)); \
         return [document.querySelector('header nav').innerText, document.getElementById('ui-lang').innerText, \
                 main.textContent, document.getElementById('live').textContent, \
                 document.getElementById('skip').textContent, ...attrs]",
    )
    .await;
    serde_json::from_value(words).expect("strings")
}

/// What in `words` is not in Kazakh or Russian (a word in Latin letters, bar the query
/// syntax the search box's placeholder shows) or is a date not written dd.mm.yyyy.
fn foreign(words: &[String]) -> Vec<String> {
    let latin = regex::Regex::new(r"[A-Za-z]{2,}").expect("regex");
    let iso = regex::Regex::new(r"\d{4}-\d{2}-\d{2}").expect("regex");
    words
        .iter()
        .filter(|w| {
            let syntax = w.contains("act:…") && w.contains("kind:…");
            (latin.is_match(w) && !syntax) || iso.is_match(w)
        })
        .cloned()
        .collect()
}

/// The message shown in `main`'s error box.
async fn error_shown(c: &Client) -> String {
    js(
        c,
        "return document.querySelector('main .error').textContent",
    )
    .await
    .as_str()
    .unwrap_or("")
    .to_string()
}

#[test]
fn every_word_of_the_page_is_in_kazakh_and_in_russian() {
    let Some(f) = fixture() else { return };
    let base = &f.server.base;
    runtime().block_on(async {
        let c = chromium(&f.webdriver, 1366, 900).await;
        // The interface language is chosen once and kept: the choice survives a reload,
        // and the content's language does not follow it.
        open(&c, &format!("{base}/"), "return !!document.getElementById('q')").await;
        assert_eq!(js(&c, "return document.documentElement.lang").await, "kk");
        c.find(Locator::Id("ui-lang"))
            .await
            .expect("language button")
            .click()
            .await
            .expect("switch to Russian");
        open(&c, &format!("{base}/acts/{ACT}"), "return !!document.querySelector('.act h1')").await;
        assert_eq!(js(&c, "return document.documentElement.lang").await, "ru");
        assert_eq!(js(&c, "return document.getElementById('nav-search').textContent").await, "Поиск");
        assert_eq!(js(&c, "return document.querySelector('.act-text').lang").await, "kk");

        // Each language's words for the errors the page can meet, with no API path or
        // developer's English in them; a query the server cannot read, what it found wrong.
        let messages = [
            ("kk", "Қате: мұндай акт корпуста жоқ.", "Қате: актіде мұндай бөлік жоқ.", "Қате: 1-таңбадағы тырнақша жабылмаған: жабатын тырнақша қойыңыз немесе оны алып тастаңыз.", "Бет табылмады"),
            ("ru", "Ошибка: такого акта в корпусе нет.", "Ошибка: в акте нет такой единицы.", "Ошибка: кавычка в 1-м символе не закрыта: поставьте закрывающую кавычку или уберите её.", "Страница не найдена"),
        ];
        for (ui, no_act, no_unit, bad_query, no_page) in messages {
            js(&c, &format!("localStorage.setItem('zanlex-ui', '{ui}'); return true")).await;
            let mut seen = Vec::new();
            for (name, url, ready) in views(&c, &f).await {
                open(&c, &url, ready).await;
                after_opening(&c, name).await;
                let words = interface_words(&c).await;
                seen.extend(foreign(&words).into_iter().map(|w| format!("{name}: {w}")));
            }
            open(&c, &format!("{base}/acts/no-such-act"), "return !!document.querySelector('main .error')").await;
            assert_eq!(error_shown(&c).await, no_act);
            seen.extend(foreign(&interface_words(&c).await));
            open(&c, &format!("{base}/acts/{ACT}/para_999"), "return !!document.querySelector('main .error')").await;
            assert_eq!(error_shown(&c).await, no_unit);
            open(&c, &format!("{base}/?q=%22зебра"), "return !!document.querySelector('main .error')").await;
            assert_eq!(error_shown(&c).await, bad_query);
            seen.extend(foreign(&interface_words(&c).await));
            // A page the server does not have: a page, in the interface language; the
            // API's paths keep answering JSON.
            open(&c, &format!("{base}/no/such/page"), "return !!document.querySelector('main h1')").await;
            assert_eq!(js(&c, "return document.contentType").await, "text/html");
            assert_eq!(js(&c, "return document.querySelector('main h1').textContent").await, no_page);
            seen.extend(foreign(&interface_words(&c).await));
            c.goto(&format!("{base}/v1/no/such/endpoint")).await.expect("an API path");
            assert_eq!(js(&c, "return document.contentType").await, "application/json");
            assert!(
                seen.is_empty(),
                "{ui}: not in the interface's language:\n{}",
                seen.join("\n")
            );
        }

        // A query longer than the server takes is shortened, and the page says so in the
        // interface's language, whether it came typed or in the address.
        let long = "мүгедек балалары бар отбасылар ".repeat(40);
        for (ui, said) in [
            ("kk", "Сұраныс тым ұзын (ең көбі 1000 таңба, 64 сөз): тек басы ізделді."),
            ("ru", "Запрос слишком длинный (не больше 1000 символов и 64 слов): искали только его начало."),
        ] {
            js(&c, &format!("localStorage.setItem('zanlex-ui', '{ui}'); return true")).await;
            open(&c, &format!("{base}/?q={long}"), "return !!document.querySelector('#count, main .error')").await;
            assert_eq!(js(&c, "return document.getElementById('shortened').textContent").await, said);
            assert_eq!(
                js(&c, "return document.getElementById('count') ? 'results' : document.querySelector('main .error').textContent").await,
                "results",
                "{ui}: the shortened query"
            );
            open(&c, &format!("{base}/"), "return !!document.getElementById('q')").await;
            let q = c.find(Locator::Id("q")).await.expect("search box");
            q.send_keys(&long).await.expect("type");
            c.find(Locator::Id("go")).await.expect("button").click().await.expect("search");
            wait_true(&c, "return !!document.querySelector('#count, main .error')", "the results").await;
            assert_eq!(js(&c, "return document.getElementById('shortened').textContent").await, said);
            assert_eq!(
                js(&c, "return document.getElementById('count') ? 'results' : document.querySelector('main .error').textContent").await,
                "results",
                "{ui}: the shortened query, typed"
            );
        }
        let _ = c.close().await;
    });
}

/// Types `typed` into the act page's "go to article" box and sends it.
async fn go_to(c: &Client, typed: &str) {
    js(c, "document.getElementById('goto').value = ''; return true").await;
    let field = c.find(Locator::Id("goto")).await.expect("the go-to box");
    field
        .send_keys(&format!("{typed}\u{E007}"))
        .await
        .expect("type and Enter");
}

#[test]
fn the_act_lists_its_articles_by_number_and_title_and_goes_to_one_typed() {
    let Some(f) = fixture() else { return };
    let url = format!("{}{GOV_ACT}", f.time_server.base);
    runtime().block_on(async {
        each_width(&f.webdriver, async |c, width| {
            open(
                c,
                &url,
                "return !document.getElementById('texts-loading') && !!document.querySelector('.toc a')",
            )
            .await;
            screenshot(c, &format!("act-articles-{width}")).await;
            // The contents name each article by its number and its title.
            let entry = |eid: &str| {
                format!("return document.querySelector('.toc a[href=\"#{eid}\"]').textContent")
            };
            assert_eq!(
                js(c, &entry("art_12")).await,
                "12-бап. Республика Президентiмен қарым-қатынасы"
            );
            assert_eq!(js(c, &entry("chp_1")).await, "1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР");
            // A chapter's articles are listed, an article's paragraphs folded away until
            // its button opens them.
            let shown = |eid: &str| format!("return document.querySelector('.toc a[href=\"#{eid}\"]').offsetParent !== null");
            assert_eq!(js(c, &shown("art_3")).await, true, "{width} px");
            assert_eq!(js(c, &shown("art_3__para_1")).await, false, "{width} px");
            let toggle = "document.querySelector('.toc button[aria-controls=\"toc-art_3\"]')";
            assert_eq!(js(c, &format!("return {toggle}.getAttribute('aria-expanded')")).await, "false");
            js(c, &format!("{toggle}.click(); return true")).await;
            assert_eq!(js(c, &shown("art_3__para_1")).await, true, "{width} px");
            assert_eq!(js(c, &format!("return {toggle}.getAttribute('aria-expanded')")).await, "true");
            js(c, &format!("{toggle}.click(); return true")).await;
            assert_eq!(js(c, &shown("art_3__para_1")).await, false, "{width} px");
            // "Go to article" takes the number as a lawyer writes it.
            for (typed, eid) in [
                ("7", "art_7"),
                ("3-1", "art_3-1"),
                ("ст. 12", "art_12"),
                ("12-бап", "art_12"),
                ("21-1-бап", "art_21-1"),
            ] {
                js(c, "window.scrollTo(0, 0); return true").await;
                go_to(c, typed).await;
                wait_true(
                    c,
                    &format!(
                        "const el = document.getElementById('{eid}'); const r = el.getBoundingClientRect(); \
                         return location.hash === '#{eid}' && document.activeElement === el && r.top >= -1 && r.top < window.innerHeight"
                    ),
                    &format!("{width} px: {typed:?} to {eid} in view with the focus"),
                )
                .await;
                assert_eq!(js(c, "return document.getElementById('goto-msg').textContent").await, "");
            }
            // A contents entry followed: the unit comes into view in the page as it is,
            // not in a page built again (the act fetched anew, the folds reset).
            js(
                c,
                "window.scrollTo(0, 0); window.actShown = document.querySelector('.act'); \
                 document.querySelector('.toc button[aria-controls=\"toc-art_3\"]').click(); \
                 document.querySelector('.toc a[href=\"#art_13\"]').click(); return true",
            )
            .await;
            wait_true(
                c,
                "const r = document.getElementById('art_13').getBoundingClientRect(); \
                 return location.hash === '#art_13' && r.top >= -1 && r.top < window.innerHeight",
                "the contents entry's unit in view",
            )
            .await;
            tokio::time::sleep(Duration::from_secs(2)).await;
            assert_eq!(
                js(
                    c,
                    "return [document.querySelector('.act') === window.actShown, \
                     document.querySelector('.toc button[aria-controls=\"toc-art_3\"]').getAttribute('aria-expanded')]"
                )
                .await,
                serde_json::json!([true, "true"]),
                "{width} px: the act page was built again for a link within it"
            );
            go_to(c, "99").await;
            wait_true(
                c,
                "return document.getElementById('goto-msg').textContent === 'Мұндай бап табылмады.'",
                "the message for an article the act does not have",
            )
            .await;
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
