//! `zanlex serve` against requests a hostile page or client sends: bytes that are not UTF-8 in
//! a path, an offset near the integer limit, another site's name in `Host`, a change posted
//! from another site's page, and `--cors` values that would open the API to every page.

use super::serve_api::{test_corpus, Server};
use serde_json::Value;
use std::process::Command;

fn send(server: &Server, req: reqwest::blocking::RequestBuilder) -> (u16, Value) {
    let _ = server;
    let res = req.send().expect("request");
    let status = res.status().as_u16();
    let ctype = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body: Value = res.json().unwrap_or(Value::Null);
    assert!(
        ctype.starts_with("application/json"),
        "{status} {ctype} {body}"
    );
    (status, body)
}

#[test]
fn hostile_requests_get_the_one_error_shape_and_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(&corpus, &dir.path().join("index"), &["--watch-secs", "0"]);
    let client = reqwest::blocking::Client::new();

    // Bytes that are not UTF-8 in a path: the JSON error shape, not plain text.
    for path in ["/v1/acts/%FF%FE", "/v1/acts/x/units/%C3"] {
        let (status, body) = send(&server, client.get(server.url(path)));
        assert_eq!(status, 400, "{path}: {body}");
        assert_eq!(body["error"]["code"], "bad_request", "{path}: {body}");
    }

    // An offset near the integer limit does not wrap around past the page check.
    let huge = format!("/v1/search?q=виза&limit=10&offset={}", usize::MAX - 5);
    let (status, body) = send(&server, client.get(server.url(&huge)));
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["code"], "offset_out_of_range", "{body}");

    // Another site's name in `Host` (a name pointed at this machine) reads nothing.
    let (status, body) = send(
        &server,
        client
            .get(server.url("/v1/acts"))
            .header("Host", "evil.example:8080"),
    );
    assert_eq!(status, 403, "{body}");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("evil.example"));
    // This machine's own names still do.
    for host in ["localhost", "127.0.0.1"] {
        let res = client
            .get(server.url("/healthz"))
            .header("Host", host)
            .send()
            .expect("healthz");
        assert_eq!(res.status().as_u16(), 200, "{host}");
    }

    // A change posted by another site's page is refused; the page's own origin is taken.
    let (status, body) = send(
        &server,
        client
            .post(server.url("/v1/reindex"))
            .header("Origin", "http://evil.example"),
    );
    assert_eq!(status, 403, "{body}");
    let own = server.base.clone();
    let (status, body) = send(
        &server,
        client.post(server.url("/v1/reindex")).header("Origin", own),
    );
    assert_eq!(status, 200, "{body}");
}

#[test]
fn cors_takes_one_origin_and_says_what_it_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    for bad in [
        "*",
        "null",
        "",
        "https://a.kz,https://b.kz",
        "https://a.kz/path",
        "example.kz",
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_zanlex"))
            .args(["serve", "--addr", "127.0.0.1:0", "--cors", bad, "--corpus"])
            .arg(&corpus)
            .arg("--index")
            .arg(dir.path().join("index"))
            .output()
            .expect("run zanlex serve");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "--cors {bad:?}: {err}");
        assert!(
            err.contains(&format!("--cors {bad:?} is refused")),
            "--cors {bad:?}: {err}"
        );
    }
}

/// `GET /v1/acts` is paged as search is: a page holds `limit` acts (1000 at most), `total`
/// counts them all, and the pages in turn give the list `zanlex acts --json` prints.
#[test]
fn the_list_of_acts_comes_in_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(&corpus, &dir.path().join("index"), &["--watch-secs", "0"]);
    let client = reqwest::blocking::Client::new();
    let (status, all) = send(&server, client.get(server.url("/v1/acts")));
    assert_eq!(status, 200, "{all}");
    let total = all["total"].as_u64().expect("total") as usize;
    let ids = |v: &Value| -> Vec<String> {
        v["acts"]
            .as_array()
            .expect("acts")
            .iter()
            .map(|a| a["id"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(ids(&all).len(), total);
    assert!(total > 4, "{total} acts");
    let mut paged = Vec::new();
    for offset in (0..total).step_by(2) {
        let (status, page) = send(
            &server,
            client.get(server.url(&format!("/v1/acts?limit=2&offset={offset}"))),
        );
        assert_eq!(status, 200, "{page}");
        assert_eq!(page["total"].as_u64(), Some(total as u64));
        assert_eq!(page["offset"].as_u64(), Some(offset as u64));
        assert!(ids(&page).len() <= 2);
        paged.extend(ids(&page));
    }
    assert_eq!(paged, ids(&all));
    let (status, body) = send(&server, client.get(server.url("/v1/acts?limit=5000")));
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["code"], "limit_out_of_range", "{body}");
}

/// Links of the corpus that lead out of it (not followed, or broken) are named in
/// `/v1/acts` and the reindex answer without where they lead on the server's disk.
#[test]
fn failures_outside_the_corpus_do_not_show_the_servers_paths() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let outside = dir.path().join("elsewhere");
    std::fs::create_dir_all(outside.join("folder")).expect("mkdir");
    std::fs::write(outside.join("damaged.pdf"), b"%PDF-1.4\nnot a pdf at all").expect("write");
    std::os::unix::fs::symlink(outside.join("damaged.pdf"), corpus.join("linked.pdf"))
        .expect("symlink");
    std::os::unix::fs::symlink(outside.join("folder"), corpus.join("linked-folder"))
        .expect("symlink");
    std::os::unix::fs::symlink(outside.join("gone.txt"), corpus.join("dangling.txt"))
        .expect("symlink");
    let server = Server::start(&corpus, &dir.path().join("index"), &["--watch-secs", "0"]);
    let client = reqwest::blocking::Client::new();
    let root = dir.path().to_string_lossy().to_string();
    let (status, acts) = send(&server, client.get(server.url("/v1/acts")));
    assert_eq!(status, 200, "{acts}");
    let failures = acts["failures"].to_string();
    for name in ["linked.pdf", "linked-folder", "dangling.txt"] {
        assert!(failures.contains(name), "{name}: {failures}");
    }
    assert!(
        failures.contains("<outside the corpus>/damaged.pdf"),
        "{failures}"
    );
    assert!(!failures.contains(&root), "{failures}");
    let (status, refreshed) = send(&server, client.post(server.url("/v1/reindex")));
    assert_eq!(status, 200, "{refreshed}");
    assert!(!refreshed.to_string().contains(&root), "{refreshed}");
}

/// The OpenAPI document says what the server takes: an empty `lang`, `as_of` or flag is taken
/// as not given (the page's forms send them empty), and the document's schemas accept it.
#[test]
fn the_openapi_document_takes_the_empty_values_the_server_takes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(&corpus, &dir.path().join("index"), &["--watch-secs", "0"]);
    let client = reqwest::blocking::Client::new();
    let (status, doc) = send(&server, client.get(server.url("/openapi.json")));
    assert_eq!(status, 200);
    let mut checked = 0;
    for (path, ops) in doc["paths"].as_object().expect("paths") {
        for op in ops.as_object().expect("operations").values() {
            for p in op["parameters"].as_array().into_iter().flatten() {
                let name = p["name"].as_str().unwrap_or_default();
                if p["in"] != "query"
                    || !["lang", "as_of", "exact", "text", "parallel"].contains(&name)
                {
                    continue;
                }
                let validator = jsonschema::validator_for(&p["schema"]).expect("schema compiles");
                assert!(
                    validator.is_valid(&Value::String(String::new())),
                    "{path} {name}: the document refuses an empty value the server takes"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 15, "{checked} parameters checked");
    let (status, body) = send(
        &server,
        client.get(server.url("/v1/search?q=виза&lang=&as_of=&exact_total=")),
    );
    assert_eq!(status, 200, "{body}");
}

/// The OpenAPI document says what the server takes for a page's numbers: a whole number, or
/// empty for the default (as the page's forms send an empty field), which the server answers
/// as not given; any other text is refused, as the document says.
#[test]
fn page_numbers_take_what_the_openapi_document_says() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let s = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "0"]);
    let doc: Value = reqwest::blocking::get(s.url("/openapi.json"))
        .and_then(|r| r.json())
        .expect("openapi.json");
    for (path, name) in [
        ("/v1/search", "offset"),
        ("/v1/search", "limit"),
        ("/v1/acts", "offset"),
        ("/v1/acts", "limit"),
    ] {
        let params = doc["paths"][path]["get"]["parameters"]
            .as_array()
            .expect("parameters");
        let schema = params
            .iter()
            .find(|p| p["name"] == name)
            .map(|p| p["schema"].clone())
            .unwrap_or_else(|| panic!("{path} {name}"));
        let valid = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .build(&schema)
            .expect("schema");
        assert!(valid.is_valid(&Value::from("")), "{path} {name}: {schema}");
        assert!(valid.is_valid(&Value::from(1)), "{path} {name}: {schema}");
        assert!(
            !valid.is_valid(&Value::from("x")),
            "{path} {name}: {schema}"
        );
        let q = if path == "/v1/search" {
            "q=виза&"
        } else {
            ""
        };
        let empty = reqwest::blocking::get(s.url(&format!("{path}?{q}{name}="))).expect("get");
        assert_eq!(empty.status().as_u16(), 200, "{path} {name}=");
        let text = reqwest::blocking::get(s.url(&format!("{path}?{q}{name}=x"))).expect("get");
        assert_eq!(text.status().as_u16(), 400, "{path} {name}=x");
    }
}

/// A request whose target holds a character a URL may not hold unescaped (a raw `>` typed in
/// a query, a space, a `{`) is answered with the one error shape: a 400 whose message names the
/// request and the character and says how to write it, not an empty answer. The connection
/// still closes (the request cannot be read), and the next connection is served.
#[test]
fn a_request_line_with_a_raw_character_is_named_in_its_error() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(&corpus, &dir.path().join("index"), &["--watch-secs", "0"]);
    let addr = server.base.trim_start_matches("http://").to_string();
    for (target, ch, escaped) in [
        ("/v1/search?q=a>b", "'>'", "%3E"),
        ("/v1/acts/x<y", "'<'", "%3C"),
        ("/v1/acts/a`b", "'`'", "%60"),
        ("/v1/search?q=\"x\"", "'\"'", "%22"),
    ] {
        let mut stream = std::net::TcpStream::connect(&addr).expect("connect");
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .expect("timeout");
        write!(stream, "GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").expect("send");
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
        assert!(head.starts_with("HTTP/1.1 400"), "{target}: {answer}");
        assert!(
            head.to_ascii_lowercase()
                .contains("content-type: application/json"),
            "{target}: {head}"
        );
        let body: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {answer}"));
        assert_eq!(body["error"]["code"], "bad_request", "{body}");
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(!message.contains('\n'), "{message}");
        assert!(
            message.contains(&format!("GET {target}")),
            "{target}: {message}"
        );
        assert!(message.contains(ch), "{target}: {message}");
        assert!(message.contains(escaped), "{target}: {message}");
    }
    let ok = reqwest::blocking::get(server.url("/v1/search?q=a%3Eb")).expect("get");
    assert_eq!(ok.status().as_u16(), 200);
}

/// Where the server refuses a value for its length, the OpenAPI document refuses it too: an
/// empty `from` or `to` of a compare (400, "is missing"), and a highlighting `q` longer than a
/// query may be (422), on an act and on a unit.
#[test]
fn the_openapi_document_refuses_the_lengths_the_server_refuses() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(&corpus, &dir.path().join("index"), &["--watch-secs", "0"]);
    let client = reqwest::blocking::Client::new();
    let (status, doc) = send(&server, client.get(server.url("/openapi.json")));
    assert_eq!(status, 200);
    let (_, acts) = send(&server, client.get(server.url("/v1/acts")));
    let id = acts["acts"][0]["id"].as_str().expect("an act").to_string();
    let long = "а".repeat(1001);
    for (path, name, value, url, want) in [
        (
            "/v1/acts/{id}/diff",
            "from",
            "",
            format!("/v1/acts/{id}/diff?from=&to=2020-01-01"),
            400,
        ),
        (
            "/v1/acts/{id}/diff",
            "to",
            "",
            format!("/v1/acts/{id}/diff?from=2020-01-01&to="),
            400,
        ),
        (
            "/v1/acts/{id}/units/{eid}",
            "q",
            long.as_str(),
            format!("/v1/acts/{id}/units/para_1?q={long}"),
            422,
        ),
        (
            "/v1/acts/{id}",
            "q",
            long.as_str(),
            format!("/v1/acts/{id}?text=true&q={long}"),
            422,
        ),
    ] {
        let schema = doc["paths"][path]["get"]["parameters"]
            .as_array()
            .expect("parameters")
            .iter()
            .find(|p| p["name"] == name)
            .map(|p| p["schema"].clone())
            .unwrap_or_else(|| panic!("{path} {name}"));
        let valid = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .build(&schema)
            .expect("schema");
        assert!(
            !valid.is_valid(&Value::from(value)),
            "{path} {name}: the document takes what the server refuses: {schema}"
        );
        assert!(valid.is_valid(&Value::from("2020-01-01")), "{path} {name}");
        let (status, body) = send(&server, client.get(server.url(&url)));
        assert_eq!(status, want, "{url}: {body}");
        // And the document lists the answer the server gives.
        let listed = &doc["paths"][path]["get"]["responses"][want.to_string()]["description"];
        let code = body["error"]["code"].as_str().unwrap_or_default();
        assert!(
            listed
                .as_str()
                .is_some_and(|d| d.contains(&format!("`{code}`"))),
            "{path}: {want} {code} not documented: {listed}"
        );
    }
}

/// No answer of the API is larger than its bound, however large the file: an act of 12 MB
/// (one line, indexed as units of at most 256 KiB) sends its units with their texts in pages
/// that stop where a unit ends and give the next `offset`, and together hold every unit's
/// text once, in order;
/// a page of 100 hits, each a unit of 256 KiB, stops where a hit ends and gives the next.
#[test]
fn every_answer_stays_within_its_bound_and_says_where_the_rest_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    let sentence = "Жолбарыс қағидалары туралы сөз болды. ";
    let line = format!("{}Соңында жирафозавр бар.", sentence.repeat(175_000));
    std::fs::write(corpus.join("big.txt"), &line).expect("write");
    let index = dir.path().join("index");
    let server = Server::start(&corpus, &index, &["--watch-secs", "0"]);
    let client = reqwest::blocking::Client::new();
    let bound = zanlex::pages::SERVER_ANSWER_CHARS;
    let get = |path: &str| -> Value {
        let res = client.get(server.url(path)).send().expect("request");
        assert_eq!(res.status().as_u16(), 200, "{path}");
        let body = res.text().expect("body");
        // The outline and the texts together.
        assert!(
            body.chars().count() <= bound,
            "{path}: {} characters",
            body.chars().count()
        );
        serde_json::from_str(&body).expect("JSON")
    };
    let built = zanlex::ZanIndex::open(&index).expect("index");
    let act = built.acts().expect("acts").remove(0);
    let units: Vec<&str> = act.units.iter().map(|u| u.text.as_str()).collect();
    assert!(units.len() > 40, "{} units", units.len());
    let mut read: Vec<String> = Vec::new();
    let mut offset = 0;
    let mut pages = 0;
    loop {
        let page = get(&format!("/v1/acts/{}?text=true&offset={offset}", act.id));
        pages += 1;
        // The units from the offset to the next, each with its text, and no other.
        let all = page["units"].as_array().expect("units");
        let next = page["next_offset"].as_u64().map(|n| n as usize);
        let end = next.unwrap_or(units.len());
        assert!(end > offset, "{page:?}");
        assert_eq!(all.len(), end - offset, "page {offset}");
        for u in all {
            let sent = u["text"].as_str().expect("each unit's text");
            read.push(sent.to_string());
        }
        match next {
            Some(n) => {
                assert_eq!(
                    page["cut"],
                    format!(
                        "units {offset} to {} of {} (in document order, from 0), with their \
                         texts, are sent to stay within {bound} characters; `offset` {n} gives \
                         the next",
                        n - 1,
                        units.len()
                    )
                );
                offset = n;
            }
            None => {
                assert!(page.get("cut").is_none(), "{}", page["cut"]);
                break;
            }
        }
    }
    assert!(pages >= 2, "{pages} pages");
    assert_eq!(read, units, "every unit's text once, in order");
    let res = client
        .get(server.url(&format!("/v1/acts/{}?offset=1", act.id)))
        .send()
        .expect("request");
    assert_eq!(res.status().as_u16(), 400);
    let res = client
        .get(server.url(&format!("/v1/acts/{}?text=true&offset=5000", act.id)))
        .send()
        .expect("request");
    assert_eq!(res.status().as_u16(), 400);

    let first = get("/v1/search?q=жолбарыс&limit=100");
    let hits = first["hits"].as_array().expect("hits");
    let next = first["next_offset"].as_u64().expect("next_offset") as usize;
    assert!(!hits.is_empty() && hits.len() < 100, "{} hits", hits.len());
    assert_eq!(next, hits.len());
    assert_eq!(
        first["cut"],
        format!(
            "the page stops after {next} hits to stay within {bound} characters; `offset` \
             {next} gives the next"
        )
    );
    let second = get(&format!("/v1/search?q=жолбарыс&limit=100&offset={next}"));
    assert_eq!(second["hits"][0]["rank"].as_u64(), Some(next as u64 + 1));
    let small = get("/v1/search?q=жолбарыс&limit=3");
    assert_eq!(small["hits"].as_array().map(Vec::len), Some(3));
    assert!(small.get("next_offset").is_none() && small.get("cut").is_none());
}

/// An act of many small units, whose outline alone is many answers long, read with its texts
/// (today and on a date) comes in pages of its outline and texts together, each within the
/// server's bound: a generated government resolution of 12,000 paragraphs, the whole read as
/// every paragraph once, in order, with its own text.
#[test]
fn a_large_act_s_outline_comes_in_pages_within_the_bound() {
    const PARAGRAPHS: usize = 12_000;
    const BOUND: usize = 100_000;
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    let mut file = String::from(
        "Жолбарыс қағидаларын бекіту туралы\n\nҚазақстан Республикасы Үкіметінің 2022 жылғы \
         10 қазандағы № 9807 қаулысы.\n      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n",
    );
    let said = |k: usize| format!("{k}. Жолбарыс қағидаларының {k}-тармағы туралы сөз болды.");
    for k in 1..=PARAGRAPHS {
        file.push_str(&format!("      {}\n", said(k)));
    }
    std::fs::write(corpus.join("big.txt"), &file).expect("write");
    let index = dir.path().join("index");
    let server = Server::start(
        &corpus,
        &index,
        &["--watch-secs", "0", "--answer-chars", &BOUND.to_string()],
    );
    let client = reqwest::blocking::Client::new();
    let id = "government-resolution-2022-10-10-9807";
    for date in ["", "&as_of=2024-01-01"] {
        let (mut offset, mut pages, mut eids) = (0, 0, Vec::new());
        loop {
            let url = server.url(&format!("/v1/acts/{id}?text=true&offset={offset}{date}"));
            let res = client.get(url).send().expect("request");
            assert_eq!(res.status().as_u16(), 200, "{offset}{date}");
            let body = res.text().expect("body");
            let size = body.chars().count();
            assert!(size <= BOUND, "page {offset}{date}: {size} characters");
            let page: Value = serde_json::from_str(&body).expect("JSON");
            pages += 1;
            for u in page["units"].as_array().expect("units") {
                let eid = u["eid"].as_str().expect("eid");
                if let Some(k) = eid.strip_prefix("para_") {
                    let k: usize = k.parse().expect("a paragraph's number");
                    assert_eq!(u["text"].as_str(), Some(said(k).as_str()), "{eid}{date}");
                }
                eids.push(eid.to_string());
            }
            match page["next_offset"].as_u64() {
                Some(next) => offset = next as usize,
                None => break,
            }
            assert!(pages < 500, "no last page");
        }
        // The outline alone is about 1.4 M characters: fourteen pages at least.
        assert!(pages >= 14, "{pages} pages{date}");
        let want: Vec<String> = std::iter::once("preamble".to_string())
            .chain((1..=PARAGRAPHS).map(|k| format!("para_{k}")))
            .collect();
        assert_eq!(eids, want, "every unit once, in order{date}");
    }
}

/// The reads of a unit and of a wording's history describe their path parameters and phrase
/// by what the server takes, with examples it answers: a request built from the document's
/// examples is answered 200, and what the patterns refuse the server refuses too (an act id
/// with a capital or a space, a phrase of punctuation alone).
#[test]
fn unit_and_wording_parameters_say_what_the_server_takes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(&corpus, &dir.path().join("index"), &["--watch-secs", "0"]);
    let client = reqwest::blocking::Client::new();
    let (_, doc) = send(&server, client.get(server.url("/openapi.json")));
    for (path, refused) in [
        (
            "/v1/acts/{id}/units/{eid}",
            [("id", "Mfa order"), ("eid", "att 1")],
        ),
        ("/v1/acts/{id}/wording", [("id", "ACT"), ("phrase", "«!!»")]),
    ] {
        let params = doc["paths"][path]["get"]["parameters"]
            .as_array()
            .expect("parameters");
        let mut url = path.to_string();
        let mut query = Vec::new();
        for p in params {
            let name = p["name"].as_str().expect("name");
            let schema = &p["schema"];
            let validator = jsonschema::validator_for(schema).expect("schema compiles");
            let example = schema["examples"][0]
                .as_str()
                .or_else(|| schema["anyOf"][0]["examples"][0].as_str());
            if let Some(value) = example {
                assert!(validator.is_valid(&Value::from(value)), "{path} {name}");
                if p["in"] == "path" {
                    url = url.replace(&format!("{{{name}}}"), value);
                } else {
                    query.push((name.to_string(), value.to_string()));
                }
            } else {
                assert!(
                    p["in"] != "path",
                    "{path}: path parameter {name} has no example"
                );
            }
            if let Some((_, bad)) = refused.iter().find(|(n, _)| *n == name) {
                assert!(
                    !validator.is_valid(&Value::from(*bad)),
                    "{path} {name}: the document takes {bad:?}"
                );
            }
        }
        assert!(!url.contains('{'), "{url}");
        let (status, body) = send(&server, client.get(server.url(&url)).query(&query));
        assert_eq!(status, 200, "{url} {query:?}: {body}");
    }
    let (status, body) = send(
        &server,
        client.get(server.url("/v1/acts/mfa-order-2018-01-04-11-1-4-1/wording?phrase=«!!»")),
    );
    assert_eq!(
        (status, &body["error"]["code"]),
        (400, &Value::from("bad_request"))
    );
    for bad in [
        "/v1/acts/Mfa%20order/units/para_1",
        "/v1/acts/mfa-order-2018-01-04-11-1-4-1/units/att%201",
    ] {
        let (status, body) = send(&server, client.get(server.url(bad)));
        assert_eq!(status, 404, "{bad}: {body}");
    }
}
