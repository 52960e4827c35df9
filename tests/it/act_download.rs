//! An act as it stood on a date, downloaded as a file to attach (Markdown or plain text): the
//! citation in official form and the date on top, then each unit in its wording in force that
//! day, as [`zanlex::ZanIndex::act_outline_on`] reads it; an act not in force that day says so
//! and gives no text. From the library ([`zanlex::ZanIndex::act_file`]), `zanlex show ID
//! --as-of D --format txt`, `GET /v1/acts/{id}/download` and the act page's links.
//!
//! On the Constitutional Law on the Government in three Kazakh editions (2014, 2022, 2023):
//! article 12 paragraph 3 is worded one way in 2014, reworded by the law of 15.06.2017
//! (~2017-06-15), deleted by the law of 19.04.2023 (~2023-04-29); see `time_rule.rs`.

use super::time_rule::Fixture;
use serde_json::Value;
use std::process::Command;
use zanlex::FileFormat;

const GOV: &str = "constitutional-law-1995-12-18-2688";
const REPEALED: &str = "mvd-order-2012-06-14-352";
const CITATION: &str = "ҚР 18.12.1995 № 2688 Конституциялық Заңы";
const TITLE: &str = "Қазақстан Республикасының Үкіметі туралы";
/// The act's first words, its preamble.
const PREAMBLE: &str = "Осы Конституциялық заң Қазақстан Республикасының Конституциясына сәйкес Қазақстан Республикасы Үкiметiнiң құзыретiн, ұйымдастырылуы мен қызметiнiң тәртiбiн белгiлейдi.";

const P2_2014: &str =
    "2. Үкiмет Республика Президентiмен Үкiметтiң заң жобалары жөнiндегi жұмыстарының жоспарларын келiседi.";
const P2_2022: &str =
    "2. Үкiмет Республика Президентiмен Үкiметтiң заң жобалау жұмыстарының жоспарларын келiседi.";
const P3_2014: &str = "3. Республика Президентi толығымен немесе бiр бөлiгiнде Республика Үкіметі мен Премьер-Министрі актiлерiнiң күшiн жояды не тоқтата тұрады.";
const P3_2022: &str =
    "3. Үкімет Республика Президентімен мемлекеттік бағдарламаларды олар бекітілгенге дейін келіседі.";
const P3_2023: &str = "3. Алып тасталды - ҚР 19.04.2023 № 222-VII (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Конституциялық заңымен.";

fn d(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The non-empty lines of `body` from the one `first` begins to the one before the line
/// `next` begins.
fn between<'a>(body: &'a str, first: &str, next: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = body.lines().filter(|l| !l.is_empty()).collect();
    let from = lines
        .iter()
        .position(|l| l.starts_with(first))
        .unwrap_or_else(|| panic!("no line {first:?} in\n{body}"));
    let to = lines[from..]
        .iter()
        .position(|l| l.starts_with(next))
        .map_or(lines.len(), |k| from + k);
    lines[from..to].to_vec()
}

/// Article 12 of the Government law (the paragraphs after its first, which lists the
/// President's powers), on three dates: in plain text the lines as the act prints them, in
/// Markdown the article a heading and the deletion's state in italics.
#[test]
fn a_downloaded_act_opens_with_its_citation_and_date_and_gives_each_unit_s_wording_then() {
    let fx = Fixture::government_three();
    for (date, p2, p3, state) in [
        ("2015-01-01", P2_2014, P3_2014, None),
        ("2020-01-01", P2_2022, P3_2022, None),
        (
            "2023-05-01",
            P2_2022,
            P3_2023,
            Some("29.04.2023 бастап алып тасталған"),
        ),
    ] {
        let day = d(date).format("%d.%m.%Y").to_string();
        let txt = fx
            .index
            .act_file(GOV, None, d(date), FileFormat::Text)
            .expect("text file");
        let txt_body = txt.body.into_string();
        assert_eq!(txt.file_name, format!("{GOV}_kk_{date}.txt"));
        assert_eq!(txt.media_type, "text/plain; charset=utf-8");
        let head: Vec<&str> = txt_body.lines().take(5).collect();
        assert_eq!(
            head,
            [
                CITATION,
                &format!("{day} күнгі редакция"),
                TITLE,
                "",
                PREAMBLE
            ],
            "{date}"
        );
        let mut want = vec![p2, p3];
        let note = state.map(|s| format!("[{s}]"));
        want.extend(note.as_deref());
        assert_eq!(between(&txt_body, "2. Үкiмет Республика", "13-бап."), want);

        let md = fx
            .index
            .act_file(GOV, None, d(date), FileFormat::Markdown)
            .expect("Markdown file");

        let md_body = md.body.into_string();
        assert_eq!(md.file_name, format!("{GOV}_kk_{date}.md"));
        assert_eq!(md.media_type, "text/markdown; charset=utf-8");
        let head: Vec<&str> = md_body.lines().take(7).collect();
        assert_eq!(
            head,
            [
                &format!("# {CITATION}") as &str,
                "",
                &format!("**{day} күнгі редакция**"),
                "",
                TITLE,
                "",
                PREAMBLE
            ],
            "{date}"
        );
        assert!(
            md_body.contains("\n#### 12-бап. Республика Президентiмен қарым-қатынасы\n"),
            "{date}"
        );
        let mut want = vec![p2, p3];
        let note = state.map(|s| format!("*\\[{s}\\]*"));
        want.extend(note.as_deref());
        assert_eq!(
            between(&md_body, "2. Үкiмет Республика", "#### 13-бап."),
            want
        );
    }
}

/// A unit with no wording in force on the date is named with its state, not given a text
/// from another edition: in 2020 article 10's own words were changed from ~15.06.2017, and the
/// corpus has no edition between 2014 and 2022.
#[test]
fn a_unit_without_a_wording_on_the_date_is_named_with_its_state() {
    let fx = Fixture::government_three();
    let txt = fx
        .index
        .act_file(GOV, None, d("2020-01-01"), FileFormat::Text)
        .expect("text file");
    let txt_body = txt.body.into_string();
    let article = between(&txt_body, "10-бап.", "1.");
    assert_eq!(
        article,
        [
            "10-бап. Республика Үкiметiнiң актiлерi",
            "[01.01.2020 күнгі редакциясы корпуста жоқ: ескертулерде бұл бөлікке ~15.06.2017 бастап қолданысқа енгізілген өзгеріс бар, корпустағы келесі редакциясы 01.01.2023 бастап қолданыста]"
        ]
    );
}

/// An act not yet adopted, not yet in force or repealed on the date: the file says so under
/// its citation and date, and gives none of its text.
#[test]
fn an_act_not_in_force_on_the_date_is_said_so_without_text() {
    let fx = Fixture::government_three();
    let txt = fx
        .index
        .act_file(GOV, None, d("1995-12-01"), FileFormat::Text)
        .expect("text file");
    let txt_body = txt.body.into_string();
    assert_eq!(
        txt_body,
        format!(
            "{CITATION}\n01.12.1995 күнгі редакция\n{TITLE}\n\n\
             01.12.1995 күні әлі қабылданбаған (18.12.1995 қабылданған)\n\n\
             01.12.1995 күні актінің қолданыстағы мәтіні жоқ.\n"
        )
    );

    let file = super::common::corpus_file("004");
    let name = file.file_name().and_then(|n| n.to_str()).expect("name");
    let rel = format!("corpus/{name}");
    let fx = Fixture::new(&[(rel.as_str(), name)]);
    let act = fx.index.act(REPEALED).expect("act");
    let in_force = fx
        .index
        .act_file(REPEALED, None, d("2013-01-01"), FileFormat::Text)
        .expect("text file");
    let in_force_body = in_force.body.into_string();
    assert!(
        in_force_body.contains("\n3. Мемлекеттік қызметті"),
        "{}",
        in_force_body
    );
    for (date, state) in [
        (
            "2012-06-14",
            "14.06.2012 күні қолданысқа енгізілмеген: алғашқы ресми жарияланған күнінен кейін күнтізбелік 10 күн өткен соң қолданысқа енгізіледі, ~08.07.2012 бұрын емес",
        ),
        ("2020-01-01", "~21.03.2014 бұрын емес күші жойылған"),
    ] {
        let day = d(date).format("%d.%m.%Y").to_string();
        let txt = fx
            .index
            .act_file(REPEALED, None, d(date), FileFormat::Text)
            .expect("text file");
        let txt_body = txt.body.into_string();
        assert_eq!(
            txt_body,
            format!(
                "{}\n{day} күнгі редакция\n{}\n\n{state}\n\n{day} күні актінің қолданыстағы мәтіні жоқ.\n",
                act.short_name(),
                act.title
            ),
            "{date}"
        );
    }
}

/// `GET /v1/acts/{id}/download` sends the library's file as an attachment named by the act,
/// the language and the date; `show --as-of --format` prints the same; a format it does not
/// write is a 400 naming it; the OpenAPI document lists the route with its two media types.
#[test]
fn the_download_route_and_show_give_the_library_s_file() {
    let fx = Fixture::government_three();
    let tmp = tempfile::tempdir().expect("tmp");
    let server = super::serve_api::Server::start(
        &fx.corpus,
        &tmp.path().join("index"),
        &["--watch-secs", "0"],
    );
    let client = reqwest::blocking::Client::new();
    for (format, ext, media) in [
        (FileFormat::Text, "txt", "text/plain; charset=utf-8"),
        (FileFormat::Markdown, "md", "text/markdown; charset=utf-8"),
    ] {
        let library = fx
            .index
            .act_file(GOV, None, d("2020-01-01"), format)
            .expect("file");
        let library_body = library.body.into_string();
        let res = client
            .get(server.url(&format!(
                "/v1/acts/{GOV}/download?date=2020-01-01&format={ext}"
            )))
            .send()
            .expect("request");
        assert_eq!(res.status().as_u16(), 200);
        let header = |name: &str| {
            res.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        assert_eq!(header("content-type").as_deref(), Some(media));
        assert_eq!(
            header("content-disposition"),
            Some(format!(
                "attachment; filename=\"{GOV}_kk_2020-01-01.{ext}\""
            ))
        );
        assert_eq!(res.text().expect("body"), library_body, "{ext}");

        let out = Command::new(env!("CARGO_BIN_EXE_zanlex"))
            .args(["show", GOV, "--as-of", "2020-01-01", "--format", ext])
            .arg("--corpus")
            .arg(&fx.corpus)
            .arg("--index")
            .arg(tmp.path().join("cli-index"))
            .output()
            .expect("run zanlex");
        assert!(out.status.success(), "{out:?}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), library_body, "{ext}");
    }
    // Markdown when no format is asked; the Russian text where the act has one is asked
    // with lang (this corpus has none).
    let res = client
        .get(server.url(&format!("/v1/acts/{GOV}/download?date=2020-01-01")))
        .send()
        .expect("request");
    assert_eq!(
        res.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("text/markdown; charset=utf-8")
    );
    let (status, body, _) = super::serve_api::get(
        &server,
        &format!("/v1/acts/{GOV}/download?date=2020-01-01&format=pdf"),
    );
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"]["code"], "bad_request", "{body}");
    assert_eq!(
        body["error"]["message"],
        "format \"pdf\": write md (Markdown) or txt (plain text)"
    );
    let (status, body, _) =
        super::serve_api::get(&server, &format!("/v1/acts/{GOV}/download?date=01.01.2020"));
    assert_eq!(status, 400, "{body}");
    let (status, _, _) = super::serve_api::get(&server, "/v1/acts/no-such-act/download");
    assert_eq!(status, 404);
    let (_, doc, _) = super::serve_api::get(&server, "/openapi.json");
    let op: &Value = &doc["paths"]["/v1/acts/{id}/download"]["get"];
    assert_eq!(op["operationId"], "act_download", "{op:#}");
    let content = &op["responses"]["200"]["content"];
    assert!(
        content.get("text/markdown").is_some() && content.get("text/plain").is_some(),
        "{content:#}"
    );
    assert!(
        op["responses"]["200"]["headers"]
            .get("Content-Disposition")
            .is_some(),
        "{op:#}"
    );
}

/// Every bundled act (the repository's `corpus/` and the mirror's acts of
/// `tests/fixtures/mirror`), in each language it has, in Markdown and in plain text, on three
/// dates: the file as the library streams it, and as `GET /v1/acts/{id}/download` sends it,
/// is byte for byte the file the renderer wrote whole before the body was streamed
/// (`tests/fixtures/downloads/SHA256SUMS`: `sha256sum` of those files, each named
/// `ID.LANG.DATE.FORMAT`). Each piece but the last is at least [`zanlex::ActFileBody::PIECE`]
/// long, so that an act of several pieces is sent in several.
#[test]
fn streamed_downloads_of_the_bundled_acts_are_the_files_written_whole() {
    use sha2::{Digest, Sha256};
    let fx = Fixture::new(&[("corpus", "bundled"), ("tests/fixtures/mirror", "mirror")]);
    let tmp = tempfile::tempdir().expect("tmp");
    let server = super::serve_api::Server::start(
        &fx.corpus,
        &tmp.path().join("index"),
        &["--watch-secs", "0"],
    );
    let client = reqwest::blocking::Client::new();
    let sums = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/downloads/SHA256SUMS"),
    )
    .expect("SHA256SUMS");
    let (mut checked, mut langs, mut several) = (0, std::collections::BTreeSet::new(), 0);
    for line in sums.lines() {
        let (want, name) = line.split_once("  ").expect("a sha256sum line");
        let mut parts = name.rsplitn(4, '.');
        let (ext, date, lang, id) = (
            parts.next().expect("format"),
            parts.next().expect("date"),
            parts.next().expect("language"),
            parts.next().expect("id"),
        );
        let format = FileFormat::parse(ext).expect("format");
        let file = fx
            .index
            .act_file(id, zanlex::Lang::parse(lang), d(date), format)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let pieces: Vec<String> = file.body.collect();
        let last = pieces.len().saturating_sub(1);
        assert!(
            pieces[..last]
                .iter()
                .all(|p| p.len() >= zanlex::ActFileBody::PIECE),
            "{name}"
        );
        if pieces.len() > 1 {
            several += 1;
        }
        let streamed = pieces.concat();
        assert_eq!(
            hex::encode(Sha256::digest(streamed.as_bytes())),
            want,
            "{name}"
        );
        let sent = client
            .get(server.url(&format!(
                "/v1/acts/{id}/download?date={date}&format={ext}&lang={lang}"
            )))
            .send()
            .and_then(|r| r.bytes())
            .expect("download");
        assert_eq!(hex::encode(Sha256::digest(&sent)), want, "{name} over HTTP");
        checked += 1;
        langs.insert(lang.to_string());
    }
    assert_eq!(checked, 114);
    assert_eq!(langs.into_iter().collect::<Vec<_>>(), ["kk", "ru"]);
    // The FAQ on three dates and the joint order of 2020 on the last, in each format.
    assert_eq!(several, 8);
}

/// `name` on `PATH`.
fn on_path(name: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// The act page printed to PDF by headless Chromium (the print stylesheet the page has), its
/// text read back with `pdftotext`: the citation and the date of the wording on top, the
/// wording of article 12 paragraph 3 on that date, no download links or forms. Skipped,
/// saying so, without Chromium or poppler-utils.
#[test]
fn the_act_page_prints_to_pdf_with_its_citation_date_and_wording() {
    let (Some(chromium), Some(pdftotext)) = (
        on_path("chromium").or_else(|| on_path("chromium-browser")),
        on_path("pdftotext"),
    ) else {
        eprintln!("skipped: chromium or pdftotext is not installed (apt-get install chromium poppler-utils)");
        return;
    };
    let fx = Fixture::government_three();
    let tmp = tempfile::tempdir().expect("tmp");
    let server = super::serve_api::Server::start(
        &fx.corpus,
        &tmp.path().join("index"),
        &["--watch-secs", "0"],
    );
    for (date, p3) in [("2015-01-01", P3_2014), ("2020-01-01", P3_2022)] {
        let pdf = tmp.path().join(format!("act-{date}.pdf"));
        let out = Command::new(&chromium)
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--lang=kk",
                "--no-pdf-header-footer",
                // Time for the page's script to fetch the act and its texts.
                "--virtual-time-budget=20000",
            ])
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(server.url(&format!("/acts/{GOV}?as_of={date}")))
            .output()
            .expect("run chromium");
        assert!(pdf.is_file(), "no PDF: {out:?}");
        let text = Command::new(&pdftotext)
            .arg("-enc")
            .arg("UTF-8")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("run pdftotext");
        assert!(text.status.success(), "{text:?}");
        let words = String::from_utf8_lossy(&text.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let day = d(date).format("%d.%m.%Y").to_string();
        assert!(
            words.starts_with(&format!("{CITATION} · {day} күнгі редакция")),
            "{date}: {}",
            &words[..words.len().min(400)]
        );
        assert!(words.contains(p3), "{date}: {p3} not in the PDF");
        assert!(
            !words.contains("жүктеп алу"),
            "{date}: the download links printed"
        );
    }
}

/// The act page links its download on the date read, in Markdown and in plain text, in both
/// interface languages and at a laptop's and a phone's width; the link gives the file whose
/// first line is the citation the page shows, in the language of the text shown.
#[test]
fn the_act_page_links_its_download_on_the_date_read() {
    use super::serve_browser::{each_width_and_language, js, open, runtime};
    let Some(f) = super::serve_browser::Served::start(|tmp| {
        let corpus = tmp.join("corpus");
        let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        super::common::copy_dir(
            &manifest.join(super::serve_browser::GOV_MIRROR),
            &corpus.join("mirror/104316"),
        );
        std::fs::create_dir_all(corpus.join("editions")).expect("editions folder");
        std::fs::copy(
            manifest.join(super::serve_browser::GOV_2023),
            corpus.join("editions/kaz_2023-04-19.md"),
        )
        .expect("copy the 2023 edition");
        corpus
    }) else {
        return;
    };
    let base = &f.server.base;
    runtime().block_on(async {
        let cases = [
            ("kk", "01.05.2023 күнгі мәтінді жүктеп алу: белгіленген мәтін · қарапайым мәтін"),
            ("ru", "Скачать текст на 01.05.2023: с разметкой · простым текстом"),
        ];
        each_width_and_language(&f.webdriver, Some(base), &cases, async |c, width, (ui, words)| {
            for lang in ["kk", "ru"] {
                open(
                    c,
                    &format!("{base}/acts/{GOV}?as_of=2023-05-01&lang={lang}"),
                    "return !!document.getElementById('act-download-md')",
                )
                .await;
                let at = format!("{width} px, {ui} interface, {lang} text");
                assert_eq!(
                    js(c, "return document.getElementById('act-download').textContent").await,
                    words,
                    "{at}"
                );
                for format in ["md", "txt"] {
                    let href = js(
                        c,
                        &format!("return document.getElementById('act-download-{format}').getAttribute('href')"),
                    )
                    .await;
                    assert_eq!(
                        href,
                        format!("/v1/acts/{GOV}/download?date=2023-05-01&format={format}&lang={lang}"),
                        "{at}"
                    );
                    // Shown within the page's width, not cut off on a phone.
                    let fits = js(
                        c,
                        &format!("const r = document.getElementById('act-download-{format}').getBoundingClientRect(); return r.width > 0 && r.right <= document.documentElement.clientWidth"),
                    )
                    .await;
                    assert_eq!(fits, true, "{at}: {format}");
                }
                // The file the Markdown link gives opens with the citation the page
                // prints and the date read.
                let first = js(
                    c,
                    "return fetch(document.getElementById('act-download-md').href).then((r) => r.text()).then((t) => t.split('\\n').slice(0, 3).join('\\n'))",
                )
                .await;
                let citation = js(c, "return document.querySelector('.print-head .cite').textContent").await;
                let dated = if lang == "kk" { "01.05.2023 күнгі редакция" } else { "Редакция на 01.05.2023" };
                assert_eq!(
                    first.as_str(),
                    Some(format!("# {}\n\n**{dated}**", citation.as_str().unwrap_or("?")).as_str()),
                    "{at}"
                );
            }
        })
        .await;
    });
}

/// WebDriver's Print Page command: the page shown, printed to PDF by the browser with the
/// page's print stylesheet, as base64.
#[derive(Debug)]
struct PrintPage;

impl fantoccini::wd::WebDriverCompatibleCommand for PrintPage {
    fn endpoint(
        &self,
        base_url: &reqwest::Url,
        session_id: Option<&str>,
    ) -> Result<reqwest::Url, <reqwest::Url as std::str::FromStr>::Err> {
        base_url.join(&format!("session/{}/print", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &reqwest::Url) -> (axum::http::Method, Option<String>) {
        (axum::http::Method::POST, Some("{}".to_string()))
    }
}

/// The act page printed to PDF in either interface language, from a laptop's and a phone's
/// window, its text read back with `pdftotext`: the citation and the date of the wording in
/// the interface's words on top, the wording of article 12 paragraph 3 on that date, no
/// download links. Skipped, saying so, without chromedriver or poppler-utils (`base64` is
/// coreutils').
#[test]
fn the_act_page_prints_to_pdf_in_either_interface_language_at_either_width() {
    use super::serve_browser::{each_width_and_language, open, runtime, Served};
    let Some(pdftotext) = on_path("pdftotext") else {
        eprintln!("skipped: pdftotext is not installed (apt-get install poppler-utils)");
        return;
    };
    let fx = Fixture::government_three();
    let Some(served) = Served::start(|_| fx.corpus.clone()) else {
        return;
    };
    let base = &served.server.base;
    let tmp = tempfile::tempdir().expect("tmp");
    runtime().block_on(async {
        let cases = [
            ("kk", "01.01.2015 күнгі редакция", "жүктеп алу"),
            ("ru", "редакция на 01.01.2015", "Скачать"),
        ];
        each_width_and_language(&served.webdriver, Some(base), &cases, async |c, width, (ui, dated, download)| {
            open(
                c,
                &format!("{base}/acts/{GOV}?as_of=2015-01-01"),
                "return !document.getElementById('texts-loading') && !!document.querySelector('.act-text section .text')",
            )
            .await;
            let printed = c.issue_cmd(PrintPage).await.expect("print the page");
            let b64 = tmp.path().join(format!("act-{ui}-{width}.b64"));
            std::fs::write(&b64, printed.as_str().expect("the PDF in base64")).expect("write");
            let pdf = Command::new("base64")
                .arg("-d")
                .arg(&b64)
                .output()
                .expect("run base64");
            assert!(pdf.status.success(), "{pdf:?}");
            assert!(pdf.stdout.starts_with(b"%PDF"), "{width} px, {ui}: no PDF");
            let file = tmp.path().join(format!("act-{ui}-{width}.pdf"));
            std::fs::write(&file, &pdf.stdout).expect("write the PDF");
            let text = Command::new(&pdftotext)
                .args(["-enc", "UTF-8"])
                .arg(&file)
                .arg("-")
                .output()
                .expect("run pdftotext");
            assert!(text.status.success(), "{text:?}");
            let words = String::from_utf8_lossy(&text.stdout)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let at = format!("{width} px, {ui}");
            assert!(
                words.starts_with(&format!("{CITATION} · {dated}")),
                "{at}: {}",
                words.chars().take(200).collect::<String>()
            );
            assert!(words.contains(P3_2014), "{at}: {P3_2014} not in the PDF");
            assert!(!words.contains(download), "{at}: the download links printed");
        })
        .await;
    });
}
