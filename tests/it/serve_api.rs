//! `zanlex serve`'s JSON API, against a server on an ephemeral port: every endpoint, every
//! error status, the OpenAPI document checked against real responses, a refresh while
//! requests run, and a graceful stop.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// An act with markup in its title and text: nothing of it may reach a page as markup.
pub const HOSTILE_DOC: &str = "Қазақстан Республикасы Әділет министрінің бұйрығы\n\
<script>alert('title')</script> зебразавр сынақ қағидаларын бекіту туралы\n\
\n\
1. Зебразавр тармағы: \"><img src=x onerror=alert(1)> және <script>alert(2)</script> мәтіні.\n\
2. Екінші тармақ зебразавр туралы.\n";

/// A corpus for the server tests: the bundled acts, one act in two editions (for the as-of
/// and compare views), one in Kazakh and Russian (a folder of the mirror) and [`HOSTILE_DOC`].
pub fn test_corpus(root: &Path) -> PathBuf {
    let corpus = root.join("corpus");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    super::common::copy_dir(&manifest.join("corpus"), &corpus);
    super::common::copy_dir(
        &manifest.join("tests/fixtures/versions/local-astana_134470"),
        &corpus.join("local-astana_134470"),
    );
    super::common::copy_dir(
        &manifest.join(
            "tests/fixtures/mirror/local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/\
             15400000-almatinskoi-oblasti/2020/\
             1215-ob-utverzhdenii-pravil-vypasa-selskokhoziaistvennykh-zhivotnykh-150276",
        ),
        &corpus.join("vypas"),
    );
    std::fs::write(corpus.join("900_hostile.txt"), HOSTILE_DOC).expect("write hostile act");
    corpus
}

/// A running `zanlex serve`, stopped (SIGKILL) when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    stderr: Arc<std::sync::Mutex<Vec<String>>>,
}

impl Server {
    /// Starts `zanlex serve` on an ephemeral port with `extra` arguments and waits until it
    /// says where it listens.
    pub fn start(corpus: &Path, index: &Path, extra: &[&str]) -> Server {
        Self::start_with_env(corpus, index, extra, &[])
    }

    /// [`Server::start`] with `env` set in the server's environment (fault points, say).
    pub fn start_with_env(
        corpus: &Path,
        index: &Path,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> Server {
        Self::spawn(corpus, index, extra, env, None)
    }

    /// [`Server::start`] with the server's limit on open files set to `files`.
    pub fn start_with_file_limit(
        corpus: &Path,
        index: &Path,
        extra: &[&str],
        files: u64,
    ) -> Server {
        Self::spawn(corpus, index, extra, &[], Some(files))
    }

    fn spawn(
        corpus: &Path,
        index: &Path,
        extra: &[&str],
        env: &[(&str, &str)],
        files: Option<u64>,
    ) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_zanlex"));
        if let Some(files) = files {
            use std::os::unix::process::CommandExt;
            let limit = libc::rlimit {
                rlim_cur: files,
                rlim_max: files,
            };
            // SAFETY: `setrlimit` is async-signal-safe and touches only the child's limits.
            unsafe {
                command.pre_exec(move || {
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) == 0 {
                        Ok(())
                    } else {
                        Err(std::io::Error::last_os_error())
                    }
                });
            }
        }
        let mut child = command
            .arg("serve")
            .arg("--corpus")
            .arg(corpus)
            .arg("--index")
            .arg(index)
            .args(["--addr", "127.0.0.1:0"])
            .args(extra)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start zanlex serve");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        let lines = Arc::new(std::sync::Mutex::new(Vec::new()));
        let kept = Arc::clone(&lines);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("serving ").nth(1) {
                    let url = rest
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .trim_end_matches('/');
                    let _ = tx.send(url.to_string());
                }
                kept.lock().expect("stderr lines").push(line);
            }
        });
        let base = rx
            .recv_timeout(Duration::from_secs(120))
            .unwrap_or_else(|_| {
                panic!(
                    "server did not start: {:?}",
                    lines.lock().map(|l| l.clone())
                )
            });
        Server {
            child,
            base,
            stderr: lines,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Sends SIGTERM and waits for the process to end; its exit status.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "server did not stop on SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn stderr(&self) -> Vec<String> {
        self.stderr.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("http client")
}

/// GET `path`: (status, JSON body, response headers).
pub(super) fn get(s: &Server, path: &str) -> (u16, Value, reqwest::header::HeaderMap) {
    let res = client().get(s.url(path)).send().expect("request");
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = res.json::<Value>().unwrap_or(Value::Null);
    (status, body, headers)
}

/// The OpenAPI document's schemas, one validator per named schema.
struct Schemas {
    doc: Value,
}

impl Schemas {
    fn new(doc: Value) -> Self {
        Schemas { doc }
    }

    /// Checks `value` against the document's schema `name` (its `$ref`s resolved within the
    /// document).
    fn check(&self, name: &str, value: &Value) {
        let mut schema = serde_json::json!({ "$ref": format!("#/components/schemas/{name}") });
        schema["components"] = self.doc["components"].clone();
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .build(&schema)
            .expect("schema compiles");
        let errors: Vec<String> = validator
            .iter_errors(value)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "{name} does not match the OpenAPI document: {errors:?}\n{value:#}"
        );
    }

    /// Checks an error answer: its status and the one error shape.
    fn check_error(&self, status: u16, want: u16, body: &Value) {
        assert_eq!(status, want, "{body:#}");
        self.check("Error", body);
    }
}

/// The act whose Rules cite their own paragraphs (`att_1__para_11` cites `att_1__para_10`).
pub const ACT: &str = "mfa-order-2018-01-04-11-1-4-1";
/// The act in Kazakh and Russian.
pub const BILINGUAL: &str = "maslikhat-decision-2020-12-15-64-340";
/// The act with two editions (its compare view marks words added and removed).
pub const EDITIONS: &str = "maslikhat-decision-2019-08-23-418-54-vi";

/// The CLI's stderr message for `args` (without `zanlex: `), for the errors the API repeats.
fn cli_message(corpus: &Path, index: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(args)
        .arg("--corpus")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .output()
        .expect("run zanlex");
    assert_eq!(out.status.code(), Some(2));
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .unwrap_or("")
        .trim_start_matches("zanlex: ")
        .to_string()
}

#[test]
fn every_endpoint_answers_in_the_documented_shape() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let index = tmp.path().join("index");
    let s = Server::start(&corpus, &index, &["--watch-secs", "0"]);

    let (status, doc, _) = get(&s, "/openapi.json");
    assert_eq!(status, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    let schemas = Schemas::new(doc.clone());
    for path in [
        "/v1/search",
        "/v1/acts",
        "/v1/acts/{id}",
        "/v1/acts/{id}/units/{eid}",
        "/v1/acts/{id}/history",
        "/v1/acts/{id}/diff",
        "/v1/acts/{id}/refs",
        "/v1/acts/{id}/cited-by",
        "/v1/acts/{id}/units/{eid}/refs",
        "/v1/acts/{id}/units/{eid}/cited-by",
        "/v1/reindex",
        "/healthz",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is not documented");
    }

    let (status, health, _) = get(&s, "/healthz");
    assert_eq!(status, 200);
    schemas.check("Health", &health);

    // Search: the CLI's hits, paged.
    let (status, res, _) = get(&s, "/v1/search?q=тұрақты%20тұру&limit=3");
    assert_eq!(status, 200, "{res:#}");
    schemas.check("SearchResults", &res);
    let hits = res["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 3);
    let cli = Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args([
            "search",
            "тұрақты тұру",
            "--limit",
            "3",
            "--json",
            "--corpus",
        ])
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .output()
        .expect("run zanlex search");
    let cli: Value = serde_json::from_slice(&cli.stdout).expect("CLI JSON");
    for (a, b) in hits.iter().zip(cli["hits"].as_array().expect("CLI hits")) {
        assert_eq!(a["citation"], b["citation"]);
        assert_eq!(a["unit"], b["unit"]);
        assert_eq!(a["snippet"], b["snippet"]);
        assert_eq!(a["source"], b["source"]);
        assert_eq!(a["references"], b["references"]);
    }
    assert_eq!(res["total"], cli["total"]);
    // `exact_total=true` counts every match, as `--exact-total` does: 45 units of the test
    // corpus have «тұрақты».
    let (_, exact, _) = get(&s, "/v1/search?q=тұрақты&limit=1&exact_total=true");
    schemas.check("SearchResults", &exact);
    assert_eq!(exact["total"], 45);
    assert_eq!(exact["total_is_lower_bound"], false);
    // Fewer than the bound (10,000) match: the default count is exact too; with a bound of 5
    // the total is 5, a lower bound, and the hit the same.
    let (_, default, _) = get(&s, "/v1/search?q=тұрақты&limit=1");
    assert_eq!(default["total"], 45);
    assert_eq!(default["total_is_lower_bound"], false);
    let (_, fast, _) = get(&s, "/v1/search?q=тұрақты&limit=1&total_bound=5");
    schemas.check("SearchResults", &fast);
    assert_eq!(fast["total"], 5);
    assert_eq!(fast["total_is_lower_bound"], true);
    assert_eq!(fast["hits"][0]["unit"], exact["hits"][0]["unit"]);
    // A hit carries the references its unit makes.
    let (_, cites, _) = get(&s, &format!("/v1/search?q=10-тармағында&act={ACT}&limit=1"));
    schemas.check("SearchResults", &cites);
    assert_eq!(cites["hits"][0]["unit"]["eid"], "att_1__para_11");
    assert_eq!(
        ref_ends(&cites["hits"][0]["references"]),
        in_act(&[("att_1__para_11", "att_1__para_10")])
    );
    let (_, page2, _) = get(&s, "/v1/search?q=тұрақты%20тұру&limit=1&offset=1");
    schemas.check("SearchResults", &page2);
    assert_eq!(page2["hits"][0]["citation"], hits[1]["citation"]);
    assert_eq!(page2["hits"][0]["rank"], 2);
    assert_eq!(page2["offset"], 1);
    let (_, ru, _) = get(&s, "/v1/search?q=выпас%20животных&lang=ru&limit=5");
    schemas.check("SearchResults", &ru);
    let ru_hits = ru["hits"].as_array().expect("hits");
    assert!(!ru_hits.is_empty() && ru_hits.iter().all(|h| h["lang"] == "ru"));
    let (_, filtered, _) = get(
        &s,
        "/v1/search?q=тұрақты&status=repealed&kind=order&as_of=2013-01-01",
    );
    schemas.check("SearchResults", &filtered);
    assert!(filtered["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .all(|h| h["act"]["status"] == "repealed"));

    // Acts, one act, a unit (one language, both, at a date), history, diff.
    let (status, acts, _) = get(&s, "/v1/acts");
    assert_eq!(status, 200);
    schemas.check("ActList", &acts);
    assert!(acts["acts"].as_array().expect("acts").len() >= 7);
    let (status, act, _) = get(&s, &format!("/v1/acts/{ACT}"));
    assert_eq!(status, 200);
    schemas.check("Act", &act);
    assert_eq!(act["expressions"], serde_json::json!(["kk"]));
    let (_, act_ru, _) = get(&s, &format!("/v1/acts/{BILINGUAL}?lang=ru"));
    schemas.check("Act", &act_ru);
    assert_eq!(act_ru["lang"], "ru");
    assert_eq!(act_ru["expressions"], serde_json::json!(["kk", "ru"]));
    let (status, unit, _) = get(&s, &format!("/v1/acts/{ACT}/units/att_1__para_3"));
    assert_eq!(status, 200);
    schemas.check("Unit", &unit);
    assert!(unit["citation"]
        .as_str()
        .expect("citation")
        .contains("3-тармақ"));
    let (_, both, _) = get(
        &s,
        &format!("/v1/acts/{BILINGUAL}/units/att_1__para_2?parallel=true"),
    );
    schemas.check("ParallelUnit", &both);
    assert_eq!(both["kk"]["lang"], "kk");
    assert_eq!(both["ru"]["lang"], "ru");
    let (_, one, _) = get(
        &s,
        &format!("/v1/acts/{ACT}/units/att_1__para_3?parallel=true"),
    );
    schemas.check("ParallelUnit", &one);
    assert_eq!(one["ru"], Value::Null);
    let (_, old, _) = get(
        &s,
        &format!("/v1/acts/{EDITIONS}/units/para_1__subpara_3?as_of=2020-01-01"),
    );
    schemas.check("Unit", &old);
    assert_eq!(old["version"], "2019-08-23");
    let (_, new, _) = get(&s, &format!("/v1/acts/{EDITIONS}/units/para_1__subpara_3"));
    assert_eq!(new["version"], Value::Null);
    assert_ne!(old["text"], new["text"]);
    let (status, hist, _) = get(&s, &format!("/v1/acts/{ACT}/history?eid=att_1__para_3"));
    assert_eq!(status, 200);
    schemas.check("HistoryPage", &hist);
    assert!(!hist["entries"].as_array().expect("entries").is_empty());
    // The 2020 change took effect ten days after publication (~2020-10-10), not on the
    // edition's date: a date after it compares the two wordings.
    let (status, diff, _) = get(
        &s,
        &format!("/v1/acts/{EDITIONS}/diff?from=2019-09-16&to=2020-10-12&eid=para_1__subpara_3"),
    );
    assert_eq!(status, 200, "{diff:#}");
    schemas.check("ActDiffPage", &diff);
    assert_eq!(diff["changed"], serde_json::json!(["para_1__subpara_3"]));

    // The reindex endpoint, from loopback.
    let res = client().post(s.url("/v1/reindex")).send().expect("reindex");
    assert_eq!(res.status().as_u16(), 200);
    schemas.check("Reindex", &res.json::<Value>().expect("JSON"));

    // Errors: 400 (with the CLI's message for a malformed query), 404, 405, 413, 422.
    let (st, body, _) = get(&s, "/v1/search?q=%22тұрақты%20тұру");
    schemas.check_error(st, 400, &body);
    assert_eq!(body["error"]["code"], "bad_query");
    assert_eq!(
        body["error"]["message"],
        cli_message(&corpus, &index, &["search", "\"тұрақты тұру"])
    );
    for bad in [
        "/v1/search",
        "/v1/search?q=",
        "/v1/search?q=виза&limit=abc",
        "/v1/search?q=виза&as_of=yesterday",
        "/v1/search?q=виза&lang=de",
        "/v1/search?q=виза&kind=novel",
        "/v1/search?q=виза&status=asleep",
        "/v1/search?q=виза&exact_total=maybe",
        "/v1/search?q=виза&total_bound=many",
        "/v1/acts/x/units/y?as_of=2020-13-01",
        "/v1/acts/x/units/y?parallel=maybe",
        "/v1/acts/x?text=maybe",
        "/v1/acts/x/units/y/cited-by?exact=maybe",
        "/v1/acts/x/units/y/refs?lang=de",
        "/v1/acts/x/diff?to=2020-01-01",
    ] {
        let (st, body, _) = get(&s, bad);
        schemas.check_error(st, 400, &body);
    }
    for missing in [
        "/v1/search?q=виза&act=no-such-act".to_string(),
        "/v1/acts/no-such-act".to_string(),
        format!("/v1/acts/{EDITIONS}?lang=ru"),
        format!("/v1/acts/{ACT}/units/para_999"),
        format!("/v1/acts/{ACT}/history?eid=para_999"),
        format!("/v1/acts/{ACT}/units/para_999/refs"),
        format!("/v1/acts/{ACT}/units/para_999/cited-by"),
        "/v1/acts/no-such-act/refs".to_string(),
        "/v1/acts/no-such-act/units/para_1/cited-by".to_string(),
        format!("/v1/acts/{EDITIONS}/diff?from=1990-01-01&to=v-none"),
        "/no/such/page".to_string(),
        "/v1/nothing".to_string(),
    ] {
        let (st, body, _) = get(&s, &missing);
        schemas.check_error(st, 404, &body);
    }
    let (st, body, _) = get(&s, "/v1/search?q=виза&act=mfa-order-2018");
    schemas.check_error(st, 404, &body);
    assert!(body["error"]["message"]
        .as_str()
        .expect("message")
        .contains("did you mean"));
    let long = "виза ".repeat(300);
    for over in [
        format!("/v1/search?q={long}"),
        "/v1/search?q=виза&limit=0".to_string(),
        "/v1/search?q=виза&limit=101".to_string(),
        "/v1/search?q=виза&limit=100&offset=950".to_string(),
    ] {
        let (st, body, _) = get(&s, &over);
        schemas.check_error(st, 422, &body);
    }
    // Just over the 16 KB limit: a body that fits in the socket's buffer is written whole
    // before the server answers 413 and closes, so the client reads the answer instead of
    // meeting a closed connection halfway through a larger write.
    let res = client()
        .post(s.url("/v1/reindex"))
        .body(vec![b'x'; 20 << 10])
        .send()
        .expect("large body");
    assert_eq!(res.status().as_u16(), 413);
    schemas.check("Error", &res.json::<Value>().expect("JSON"));
    let (st, body, _) = get(&s, "/v1/reindex");
    schemas.check_error(st, 405, &body);

    // The page of the hostile act's provision: its shell holds no document text; its headers
    // forbid inline scripts. A provision the index lacks is not found, with the same headers.
    let (_, hostile, _) = get(&s, "/v1/search?q=зебразавр%20%3Cscript%3E");
    let (act, eid) = (
        &hostile["hits"][0]["act"]["id"],
        &hostile["hits"][0]["unit"]["eid"],
    );
    let page = format!(
        "/acts/{}/{}",
        act.as_str().expect("id"),
        eid.as_str().expect("eid")
    );
    let missing = client().get(s.url("/acts/x/y")).send().expect("page");
    assert_eq!(missing.status().as_u16(), 404);
    assert!(missing.headers().get("content-security-policy").is_some());
    let res = client().get(s.url(&page)).send().expect("page");
    assert_eq!(res.status().as_u16(), 200, "{page}");
    let csp = res
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(res.headers().get("access-control-allow-origin").is_none());
    let html = res.text().expect("html");
    assert!(!html.contains("зебразавр") && html.contains("/assets/app.js"));
    let js = client()
        .get(s.url("/assets/app.js"))
        .send()
        .expect("script")
        .text()
        .expect("text");
    assert!(!js.contains("innerHTML"), "the page script sets no markup");
    // The hostile act is found and comes back as text in JSON.
    assert!(hostile["hits"][0]["text"]
        .as_str()
        .expect("text")
        .contains("<img src=x onerror=alert(1)>"));

    let status = s.terminate();
    assert!(
        status.success(),
        "SIGTERM should stop the server cleanly: {status:?}"
    );
}

/// Each reference of a list as (citing eid, target act, target eid), the target empty when
/// unresolved.
fn ref_ends(list: &Value) -> Vec<(String, String, String)> {
    list.as_array()
        .expect("a list of references")
        .iter()
        .map(|r| {
            let s = |v: &Value| v.as_str().unwrap_or("").to_string();
            (
                s(&r["citing"]["eid"]),
                s(&r["target"]["act"]),
                s(&r["target"]["eid"]),
            )
        })
        .collect()
}

/// (citing eid, target act, target eid) for each of `eids` citing or cited in [`ACT`].
fn in_act(items: &[(&str, &str)]) -> Vec<(String, String, String)> {
    items
        .iter()
        .map(|(from, to)| (from.to_string(), ACT.to_string(), to.to_string()))
        .collect()
}

/// The outline of an act as (depth, eid, label), depth first; fails on a unit with a text.
fn outline_rows(units: &Value, depth: usize, out: &mut Vec<(usize, String, String)>) {
    for u in units.as_array().expect("units") {
        assert!(u.get("text").is_none(), "the outline has a text: {u:#}");
        out.push((
            depth,
            u["eid"].as_str().expect("eid").to_string(),
            u["label"].as_str().expect("label").to_string(),
        ));
        outline_rows(&u["children"], depth + 1, out);
    }
}

/// Every absolute path a message names that exists on this machine.
fn paths_on_disk(message: &str) -> Vec<String> {
    message
        .split(|c: char| c.is_whitespace() || "\"'`(),;".contains(c))
        .filter_map(|w| w.find('/').map(|i| &w[i..]))
        .map(|p| p.trim_end_matches(['.', ':', '?', '!']))
        .filter(|p| p.len() > 1 && Path::new(p).exists())
        .map(str::to_string)
        .collect()
}

#[test]
fn a_provision_s_references_cited_by_and_the_act_outline() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let index = tmp.path().join("index");
    let s = Server::start(&corpus, &index, &["--watch-secs", "0"]);
    let (_, doc, _) = get(&s, "/openapi.json");
    let schemas = Schemas::new(doc);
    // The command line's answer, but for its link: a page on this server, where the command
    // line, with no server to open, links the official text (which these acts lack).
    let zanlex_json = |args: &[&str]| -> Value {
        let out = Command::new(env!("CARGO_BIN_EXE_zanlex"))
            .args(args)
            .arg("--json")
            .arg("--corpus")
            .arg(&corpus)
            .arg("--index")
            .arg(&index)
            .output()
            .expect("run zanlex");
        assert!(out.status.success(), "{args:?}: {out:?}");
        let mut answer: Value = serde_json::from_slice(&out.stdout).expect("CLI JSON");
        assert!(answer.get("permalink").is_none(), "{answer:#}");
        let target = args[1].replace('#', "/");
        let on = match args.iter().position(|a| *a == "--as-of") {
            Some(k) => format!("?as_of={}", args[k + 1]),
            None => String::new(),
        };
        answer["permalink"] = Value::from(format!("/acts/{target}{on}"));
        answer
    };

    // The unit's own references, with the page it shows.
    let (st, unit, _) = get(&s, &format!("/v1/acts/{ACT}/units/att_1__para_11"));
    assert_eq!(st, 200, "{unit:#}");
    schemas.check("Unit", &unit);
    assert_eq!(
        ref_ends(&unit["references"]),
        in_act(&[("att_1__para_11", "att_1__para_10")])
    );
    // The same through /refs, as `zanlex refs --json` prints it.
    let (st, refs, _) = get(&s, &format!("/v1/acts/{ACT}/units/att_1__para_11/refs"));
    assert_eq!(st, 200, "{refs:#}");
    schemas.check("RefsPage_References", &refs);
    assert_eq!(refs["target"], format!("{ACT}#att_1__para_11"));
    assert_eq!(
        (refs["total"].clone(), refs["resolved"].clone()),
        (1.into(), 1.into())
    );
    assert_eq!(
        ref_ends(&refs["references"]),
        in_act(&[("att_1__para_11", "att_1__para_10")])
    );
    assert_eq!(
        refs["references"][0]["text"],
        "осы Қағидалардың 10-тармағында"
    );
    assert_eq!(
        refs,
        zanlex_json(&["refs", &format!("{ACT}#att_1__para_11")])
    );
    // A unit with units inside it: their references too.
    let (_, refs3, _) = get(&s, &format!("/v1/acts/{ACT}/units/para_3/refs"));
    schemas.check("RefsPage_References", &refs3);
    assert_eq!(
        ref_ends(&refs3["references"]),
        in_act(&[
            ("para_3__subpara_5", "para_3__subpara_1"),
            ("para_3__subpara_5", "para_3__subpara_2"),
            ("para_3__subpara_5", "para_3__subpara_3"),
            ("para_3__subpara_5", "para_3__subpara_4"),
        ])
    );
    // An unresolved one: its text and why, no target.
    let (_, refs14, _) = get(&s, &format!("/v1/acts/{ACT}/units/att_1__para_14/refs"));
    schemas.check("RefsPage_References", &refs14);
    assert_eq!(refs14["total"], 1);
    assert_eq!(refs14["resolved"], 0);
    let r = &refs14["references"][0];
    assert_eq!(r["target"], Value::Null);
    assert_eq!(r["unresolved"], "act_not_in_corpus");
    assert!(r["text"]
        .as_str()
        .expect("text")
        .contains("Мемлекеттік көрсетілетін қызметтер туралы"));
    // The whole act's.
    let (_, all, _) = get(&s, &format!("/v1/acts/{ACT}/refs"));
    schemas.check("RefsPage_References", &all);
    assert_eq!(
        (all["total"].clone(), all["resolved"].clone()),
        (31.into(), 11.into())
    );
    // On a date: each unit's wording in force then by the point-in-time rule, as `refs
    // --as-of` and `show --as-of` read it. The corpus has the order's text of 2025-12-05 only,
    // and its notes record changes of most units since 2020: their wording of 2020 is not in
    // the corpus, so only the units no note changed in between cite anything that day.
    // Before the order was signed (2018-01-04) it cited nothing.
    let (st, then, _) = get(&s, &format!("/v1/acts/{ACT}/refs?as_of=2020-01-01"));
    assert_eq!(st, 200, "{then:#}");
    schemas.check("RefsPage_References", &then);
    assert_eq!(then["total"], 5);
    let citing: Vec<&str> = then["references"]
        .as_array()
        .expect("references")
        .iter()
        .filter_map(|r| r["citing"]["eid"].as_str())
        .collect();
    assert_eq!(
        citing,
        [
            "para_2",
            "para_3__subpara_5",
            "para_3__subpara_5",
            "para_3__subpara_5",
            "para_3__subpara_5"
        ]
    );
    let (_, para_11, _) = get(
        &s,
        &format!("/v1/acts/{ACT}/units/att_1__para_11?as_of=2020-01-01"),
    );
    assert_eq!(para_11["state"]["kind"], "not_in_corpus");
    assert_eq!(para_11["references"], serde_json::json!([]));
    assert_eq!(then, zanlex_json(&["refs", ACT, "--as-of", "2020-01-01"]));
    let (_, before, _) = get(&s, &format!("/v1/acts/{ACT}/refs?as_of=2017-12-31"));
    assert_eq!(before["total"], 0);
    let (_, cited_before, _) = get(
        &s,
        &format!("/v1/acts/{ACT}/units/att_1__para_10/cited-by?as_of=2017-12-31"),
    );
    assert_eq!(cited_before["cited_by"], serde_json::json!([]));
    let (st, bad, _) = get(&s, &format!("/v1/acts/{ACT}/refs?as_of=2020-02-30"));
    schemas.check_error(st, 400, &bad);

    // Cited by: the provision citing it, as `zanlex cited-by --json` prints it.
    let (st, cited, _) = get(&s, &format!("/v1/acts/{ACT}/units/att_1__para_10/cited-by"));
    assert_eq!(st, 200, "{cited:#}");
    schemas.check("RefsPage_CitedBy", &cited);
    assert_eq!(cited["target"], format!("{ACT}#att_1__para_10"));
    assert_eq!(
        ref_ends(&cited["cited_by"]),
        in_act(&[("att_1__para_11", "att_1__para_10")])
    );
    assert_eq!(cited["cited_by"][0]["citing"]["act"], ACT);
    assert_eq!(
        cited["cited_by"][0]["citing"]["citation"],
        "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 11-тармақ"
    );
    assert_eq!(
        cited,
        zanlex_json(&["cited-by", &format!("{ACT}#att_1__para_10")])
    );
    // References to the units inside it count, unless `exact`; `lang` keeps one language's.
    let (_, within, _) = get(&s, &format!("/v1/acts/{ACT}/units/para_3/cited-by"));
    schemas.check("RefsPage_CitedBy", &within);
    assert_eq!(
        ref_ends(&within["cited_by"]),
        in_act(&[
            ("para_3__subpara_5", "para_3__subpara_1"),
            ("para_3__subpara_5", "para_3__subpara_2"),
            ("para_3__subpara_5", "para_3__subpara_3"),
            ("para_3__subpara_5", "para_3__subpara_4"),
        ])
    );
    let (_, exact, _) = get(
        &s,
        &format!("/v1/acts/{ACT}/units/para_3/cited-by?exact=true"),
    );
    schemas.check("RefsPage_CitedBy", &exact);
    assert_eq!(exact["total"], 0);
    let (_, kk, _) = get(
        &s,
        &format!("/v1/acts/{ACT}/units/att_1__para_10/cited-by?lang=kk"),
    );
    assert_eq!(kk["total"], 1);
    let (_, ru, _) = get(
        &s,
        &format!("/v1/acts/{ACT}/units/att_1__para_10/cited-by?lang=ru"),
    );
    schemas.check("RefsPage_CitedBy", &ru);
    assert_eq!(
        (ru["total"].clone(), ru["cited_by"].clone()),
        (0.into(), serde_json::json!([]))
    );
    let (_, act_cited, _) = get(&s, &format!("/v1/acts/{ACT}/cited-by"));
    schemas.check("RefsPage_CitedBy", &act_cited);
    assert_eq!(act_cited["total"], 11);

    // The act: its outline, the units without texts, as `zanlex show ID` lists them.
    let (st, outline, _) = get(&s, &format!("/v1/acts/{ACT}"));
    assert_eq!(st, 200, "{outline:#}");
    schemas.check("Act", &outline);
    assert_eq!(outline["id"], ACT);
    assert_eq!(
        outline["citation"],
        "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы"
    );
    let mut rows = Vec::new();
    outline_rows(&outline["units"], 1, &mut rows);
    let top: Vec<&str> = rows
        .iter()
        .filter(|r| r.0 == 1)
        .map(|r| r.1.as_str())
        .collect();
    assert_eq!(
        top,
        ["preamble", "para_1", "para_2", "para_3", "para_4", "para_5", "att_1"]
    );
    assert!(rows.contains(&(3, "att_1__para_10".into(), "10-тармақ".into())));
    assert!(rows.contains(&(2, "att_1__chp_2".into(), "2-тарау".into())));
    let shown = Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(["show", ACT, "--corpus"])
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .output()
        .expect("run zanlex show");
    let cli_rows: Vec<(usize, String, String)> = String::from_utf8_lossy(&shown.stdout)
        .lines()
        .skip(3)
        .map(|l| {
            let depth = (l.len() - l.trim_start().len()) / 2;
            let (eid, label) = l.trim_start().split_once("  ").expect("eid  label");
            (depth, eid.to_string(), label.to_string())
        })
        .collect();
    assert_eq!(rows, cli_rows);
    // Texts only when asked for, on the same tree.
    let (st, full, _) = get(&s, &format!("/v1/acts/{ACT}?text=true"));
    assert_eq!(st, 200);
    schemas.check("Act", &full);
    let mut texts = 0;
    let mut stack: Vec<&Value> = full["units"].as_array().expect("units").iter().collect();
    while let Some(u) = stack.pop() {
        assert!(u["text"].is_string(), "{u:#}");
        texts += u["text"].as_str().map_or(0, str::len);
        stack.extend(u["children"].as_array().expect("children"));
    }
    assert!(texts > 10_000, "the act's texts: {texts} bytes");
    let size = |v: &Value| serde_json::to_string(v).expect("JSON").len();
    assert!(
        size(&outline) * 2 < size(&full),
        "the outline ({}) is not much smaller than the act with texts ({})",
        size(&outline),
        size(&full)
    );
}

#[test]
fn error_messages_name_the_request_not_the_server_s_folders() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let index = tmp.path().join("index");
    let s = Server::start(&corpus, &index, &["--watch-secs", "0"]);
    let (_, doc, _) = get(&s, "/openapi.json");
    let schemas = Schemas::new(doc);
    let index_dir = index.canonicalize().expect("index dir");
    let root = tmp.path().canonicalize().expect("tmp dir");
    let clean = |path: &str, message: &str| {
        for dir in [&index, &index_dir, &corpus, &root] {
            let dir = dir.to_string_lossy();
            assert!(
                !message.contains(dir.as_ref()),
                "{path}: the message names {dir}: {message}"
            );
        }
        // Worded without them, not with them masked by the last guard.
        assert!(
            !message.contains("<index>") && !message.contains("<corpus>"),
            "{path}: {message}"
        );
        assert_eq!(
            paths_on_disk(message),
            Vec::<String>::new(),
            "{path}: the message names a path on disk: {message}"
        );
    };
    for (path, status, names) in [
        ("/v1/acts/no-such-act".to_string(), 404, "no-such-act"),
        ("/v1/acts/mfa-order-2018".to_string(), 404, "mfa-order-2018"),
        (
            "/v1/acts/no-such-act/units/para_1".to_string(),
            404,
            "no-such-act",
        ),
        (
            "/v1/acts/no-such-act/history".to_string(),
            404,
            "no-such-act",
        ),
        (
            "/v1/acts/no-such-act/diff?from=2020-01-01&to=2021-01-01".to_string(),
            404,
            "no-such-act",
        ),
        ("/v1/acts/no-such-act/refs".to_string(), 404, "no-such-act"),
        (
            "/v1/acts/no-such-act/units/para_1/cited-by".to_string(),
            404,
            "no-such-act",
        ),
        (
            "/v1/search?q=виза&act=no-such-act".to_string(),
            404,
            "no-such-act",
        ),
        (format!("/v1/acts/{ACT}/units/para_999"), 404, "para_999"),
        (
            format!("/v1/acts/{ACT}/units/para_999/refs"),
            404,
            "para_999",
        ),
        (
            format!("/v1/acts/{ACT}/units/para_999/cited-by"),
            404,
            "para_999",
        ),
        (format!("/v1/acts/{EDITIONS}?lang=ru"), 404, EDITIONS),
        (
            format!("/v1/acts/{EDITIONS}/diff?from=v-none&to=1990-01-01"),
            404,
            "v-none",
        ),
        ("/no/such/page".to_string(), 404, "/no/such/page"),
        ("/v1/search?q=%22виза".to_string(), 400, "виза"),
    ] {
        let (st, body, _) = get(&s, &path);
        schemas.check_error(st, status, &body);
        let message = body["error"]["message"].as_str().expect("message");
        assert!(message.contains(names), "{path}: {message}");
        clean(&path, message);
    }
    // The server's own failure: an index folder that became a file. The client learns that
    // the index failed, the server's log names the folder, and the index in force still
    // answers.
    std::fs::rename(&index, tmp.path().join("index.moved")).expect("move the index");
    std::fs::write(&index, "not an index").expect("a file in its place");
    let res = client().post(s.url("/v1/reindex")).send().expect("reindex");
    let status = res.status().as_u16();
    let body = res.json::<Value>().expect("JSON");
    schemas.check_error(status, 500, &body);
    let message = body["error"]["message"].as_str().expect("message");
    assert!(message.contains("index"), "{message}");
    clean("/v1/reindex", message);
    let log = s.stderr().join("\n");
    assert!(
        log.contains(index.to_string_lossy().as_ref()),
        "the log does not name the index folder: {log}"
    );
    let (st, _, _) = get(&s, &format!("/v1/acts/{ACT}/units/att_1__para_11/refs"));
    assert_eq!(st, 200);
}

#[test]
fn a_full_queue_and_a_slow_read_answer_503_with_retry_after() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let index = tmp.path().join("index");
    let s = Server::start_with_env(
        &corpus,
        &index,
        &[
            "--watch-secs",
            "0",
            "--workers",
            "1",
            "--queue",
            "0",
            "--timeout-ms",
            "500",
            "--cors",
            "https://example.kz",
        ],
        // Every read takes 1.5 s.
        &[("FAILPOINTS", "serve-read=sleep(1500)")],
    );
    let first = std::thread::spawn({
        let url = s.url("/v1/search?q=виза");
        move || client().get(url).send().expect("first")
    });
    std::thread::sleep(Duration::from_millis(200));
    let (st, body, headers) = get(&s, "/v1/search?q=виза");
    assert_eq!(st, 503, "{body:#}");
    assert_eq!(body["error"]["code"], "busy");
    assert!(headers.get("retry-after").is_some());
    let first = first.join().expect("first request");
    assert_eq!(first.status().as_u16(), 503);
    assert!(first.headers().get("retry-after").is_some());
    assert_eq!(
        first.json::<Value>().expect("JSON")["error"]["code"],
        "timeout"
    );
    // CORS for the origin given.
    let res = client()
        .get(s.url("/healthz"))
        .header("Origin", "https://example.kz")
        .send()
        .expect("healthz");
    assert_eq!(
        res.headers()
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some("https://example.kz")
    );
}

/// Waits until the server's watcher vouches for the index in `index`: it has taken in the
/// corpus since its watch began (`watch.json` says nothing is pending).
fn wait_until_watched(s: &Server, index: &Path) {
    let started = Instant::now();
    while !std::fs::read_to_string(index.join("watch.json"))
        .is_ok_and(|j| j.contains("\"pending\":false"))
    {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{:?}",
            s.stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Writes into `corpus` a new act whose text alone holds the word "жирафозавр".
fn write_new_act(corpus: &Path) {
    std::fs::write(
        corpus.join("901_new.txt"),
        HOSTILE_DOC.replace("зебразавр", "жирафозавр"),
    )
    .expect("write new act");
}

/// A file written into the corpus is served as soon as its file events stop, not at the
/// watcher's next look: here the looks are an hour apart.
#[test]
fn a_file_written_is_served_without_waiting_for_the_next_look() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let index = tmp.path().join("index");
    let s = Server::start(&corpus, &index, &["--watch-secs", "3600"]);
    // The first look, at the start, has taken in the corpus.
    wait_until_watched(&s, &index);
    write_new_act(&corpus);
    let started = Instant::now();
    loop {
        let (st, res, _) = get(&s, "/v1/search?q=жирафозавр");
        assert_eq!(st, 200);
        if res["total"].as_u64().unwrap_or(0) > 0 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the new act was not served: {:?}",
            s.stderr()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_refresh_while_requests_run_fails_none_and_finds_the_new_act() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let index = tmp.path().join("index");
    let s = Server::start(&corpus, &index, &["--watch-secs", "1"]);
    let (_, before, _) = get(&s, "/v1/search?q=жирафозавр");
    assert_eq!(before["total"], 0);

    let stop = Arc::new(AtomicBool::new(false));
    let (done, failed) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let workers: Vec<_> = (0..4)
        .map(|i| {
            let (stop, done, failed) = (Arc::clone(&stop), Arc::clone(&done), Arc::clone(&failed));
            let paths = [
                "/v1/search?q=тұрақты%20тұру".to_string(),
                format!("/v1/acts/{ACT}/units/att_1__para_3"),
                "/v1/acts".to_string(),
                format!("/v1/acts/{ACT}/history"),
            ];
            let url = s.url(&paths[i % paths.len()]);
            std::thread::spawn(move || {
                let c = client();
                while !stop.load(Ordering::Relaxed) {
                    match c.get(&url).send() {
                        Ok(r) if r.status().is_success() => {
                            done.fetch_add(1, Ordering::Relaxed);
                        }
                        Ok(r) => {
                            eprintln!("{url}: {}", r.status());
                            failed.fetch_add(1, Ordering::Relaxed);
                        }
                        Err(e) => {
                            eprintln!("{url}: {e}");
                            failed.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    write_new_act(&corpus);
    let started = Instant::now();
    let found = loop {
        let (st, res, _) = get(&s, "/v1/search?q=жирафозавр");
        assert_eq!(st, 200);
        if res["total"].as_u64().unwrap_or(0) > 0 {
            break true;
        }
        if started.elapsed() > Duration::from_secs(90) {
            break false;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    // A little more load on the new index, then stop.
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        w.join().expect("worker");
    }
    assert!(
        found,
        "the new act was not found after the refresh: {:?}",
        s.stderr()
    );
    assert_eq!(
        failed.load(Ordering::Relaxed),
        0,
        "requests failed during the refresh"
    );
    assert!(done.load(Ordering::Relaxed) > 0);
    let (_, health, _) = get(&s, "/healthz");
    assert!(health["refreshes"].as_u64().unwrap_or(0) >= 1);
}

/// `schema` with its `$ref` followed to the document's components, and the members of an
/// `allOf` (what `#[serde(flatten)]` makes) merged into one set of properties.
fn resolved(doc: &Value, schema: &Value) -> Value {
    if let Some(name) = schema["$ref"].as_str() {
        let name = name.trim_start_matches("#/components/schemas/");
        let target = &doc["components"]["schemas"][name];
        assert!(
            target.is_object(),
            "{name} is referred to but not in the document"
        );
        return resolved(doc, target);
    }
    let Some(members) = schema["allOf"].as_array() else {
        return schema.clone();
    };
    let mut merged = schema.clone();
    if let Some(m) = merged.as_object_mut() {
        m.remove("allOf");
    }
    for member in members {
        let member = resolved(doc, member);
        for (key, prop) in member["properties"].as_object().into_iter().flatten() {
            merged["properties"][key] = prop.clone();
        }
        if !member["additionalProperties"].is_null() {
            merged["additionalProperties"] = member["additionalProperties"].clone();
        }
        if member.get("oneOf").is_some() || member.get("anyOf").is_some() {
            panic!("an allOf member with alternatives is not walked: {member:#}");
        }
    }
    merged
}

/// The fields of `value` (JSON pointers from `at`) that `schema` does not name: what the
/// server sends and the OpenAPI document leaves out. A field the schema names is followed
/// into its own schema; of alternatives (`oneOf`, `anyOf`: an untagged enum, an `Option`), the
/// one that names the most of the value.
fn undocumented(doc: &Value, schema: &Value, value: &Value, at: &str) -> Vec<String> {
    let schema = resolved(doc, schema);
    if let Some(alternatives) = schema["oneOf"].as_array().or(schema["anyOf"].as_array()) {
        return alternatives
            .iter()
            .map(|alt| undocumented(doc, alt, value, at))
            .min_by_key(Vec::len)
            .unwrap_or_default();
    }
    match value {
        Value::Object(fields) => {
            let takes_objects = match &schema["type"] {
                Value::Null => true,
                Value::String(t) => t == "object",
                Value::Array(ts) => ts.iter().any(|t| t == "object"),
                _ => false,
            };
            let properties = schema["properties"].as_object();
            let additional = schema["additionalProperties"].is_object();
            if takes_objects && properties.is_none() && !additional {
                // A free-form object (`serde_json::Value`): no fields to name.
                return Vec::new();
            }
            let mut missing = Vec::new();
            for (key, field) in fields {
                let here = format!("{at}/{key}");
                match properties.and_then(|p| p.get(key)) {
                    Some(prop) if takes_objects => {
                        missing.extend(undocumented(doc, prop, field, &here))
                    }
                    None if takes_objects && additional => missing.extend(undocumented(
                        doc,
                        &schema["additionalProperties"],
                        field,
                        &here,
                    )),
                    _ => missing.push(here),
                }
            }
            missing
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .flat_map(|(i, item)| {
                let item_schema = schema["prefixItems"]
                    .get(i)
                    .unwrap_or(&schema["items"])
                    .clone();
                if item_schema.is_object() {
                    undocumented(doc, &item_schema, item, &format!("{at}/{i}"))
                } else {
                    Vec::new()
                }
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Every field every endpoint sends is in the OpenAPI document, checked on real answers of
/// the test corpus: each documented path is asked (so that a new endpoint must be added
/// here), and its answer walked against the schema the document gives for that status.
#[test]
fn every_field_the_server_sends_is_in_the_openapi_document() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let index = tmp.path().join("index");
    let s = Server::start(&corpus, &index, &["--watch-secs", "0"]);
    let (status, doc, _) = get(&s, "/openapi.json");
    assert_eq!(status, 200);

    // The walk finds a field the schema leaves out: it is not vacuous.
    let mut trimmed = doc.clone();
    if let Some(props) = trimmed["components"]["schemas"]["Hit"]["properties"].as_object_mut() {
        props.remove("references");
    }
    let (_, sample, _) = get(&s, &format!("/v1/search?q=10-тармағында&act={ACT}&limit=1"));
    let search_schema = &doc["paths"]["/v1/search"]["get"]["responses"]["200"]["content"]
        ["application/json"]["schema"];
    assert_eq!(
        undocumented(&trimmed, search_schema, &sample, ""),
        vec!["/hits/0/references".to_string()]
    );

    let unit_path = "/v1/acts/{id}/units/{eid}";
    let asks: Vec<(&str, &str, String)> = vec![
        ("/healthz", "get", "/healthz".into()),
        ("/openapi.json", "get", "/openapi.json".into()),
        ("/v1/issuers", "get", "/v1/issuers".into()),
        ("/v1/search", "get", "/v1/search?q=тұрақты&limit=20".into()),
        (
            "/v1/search",
            "get",
            format!("/v1/search?q=10-тармағында&act={ACT}&as_of=2020-01-01&exact_total=true"),
        ),
        ("/v1/search", "get", "/v1/search?q=%22тұрақты".into()),
        ("/v1/search", "get", "/v1/search?q=виза&limit=1000".into()),
        ("/v1/acts", "get", "/v1/acts".into()),
        ("/v1/acts/{id}", "get", format!("/v1/acts/{ACT}?text=true")),
        ("/v1/acts/{id}", "get", format!("/v1/acts/{EDITIONS}")),
        (
            "/v1/acts/{id}",
            "get",
            format!("/v1/acts/{BILINGUAL}?lang=ru"),
        ),
        ("/v1/acts/{id}", "get", "/v1/acts/no-such-act".into()),
        ("/v1/acts/{id}/refs", "get", format!("/v1/acts/{ACT}/refs")),
        (
            "/v1/acts/{id}/cited-by",
            "get",
            format!("/v1/acts/{ACT}/cited-by"),
        ),
        (
            unit_path,
            "get",
            format!("/v1/acts/{ACT}/units/att_1__para_11"),
        ),
        (
            unit_path,
            "get",
            format!("/v1/acts/{EDITIONS}/units/para_1__subpara_3?as_of=2020-01-01"),
        ),
        (
            unit_path,
            "get",
            format!("/v1/acts/{BILINGUAL}/units/att_1__para_2?parallel=true"),
        ),
        (
            unit_path,
            "get",
            format!("/v1/acts/{ACT}/units/att_1__para_3?parallel=true"),
        ),
        (
            "/v1/acts/{id}/units/{eid}/refs",
            "get",
            format!("/v1/acts/{ACT}/units/para_3/refs"),
        ),
        (
            "/v1/acts/{id}/units/{eid}/refs",
            "get",
            format!("/v1/acts/{ACT}/units/att_1__para_14/refs"),
        ),
        (
            "/v1/acts/{id}/units/{eid}/cited-by",
            "get",
            format!("/v1/acts/{ACT}/units/att_1__para_10/cited-by"),
        ),
        (
            "/v1/acts/{id}/history",
            "get",
            format!("/v1/acts/{ACT}/history?eid=att_1__para_3"),
        ),
        (
            "/v1/acts/{id}/history",
            "get",
            format!("/v1/acts/{EDITIONS}/history"),
        ),
        (
            "/v1/acts/{id}/diff",
            "get",
            format!("/v1/acts/{EDITIONS}/diff?from=2019-09-16&to=2020-10-12"),
        ),
        (
            "/v1/acts/{id}/diff",
            "get",
            "/v1/acts/x/diff?to=2020-01-01".into(),
        ),
        (
            "/v1/acts/{id}/download",
            "get",
            format!("/v1/acts/{ACT}/download?format=pdf"),
        ),
        (
            "/v1/acts/{id}/related",
            "get",
            format!("/v1/acts/{ACT}/related"),
        ),
        (
            "/v1/acts/{id}/related",
            "get",
            format!("/v1/acts/{EDITIONS}/related?as_of=2020-01-01&lang=ru&limit=1"),
        ),
        (
            "/v1/acts/{id}/related",
            "get",
            "/v1/acts/no-such-act/related".into(),
        ),
        ("/v1/changes", "get", "/v1/changes?limit=3".into()),
        (
            "/v1/changes",
            "get",
            "/v1/changes?q=%D0%B2%D0%B8%D0%B7%D0%B0&since=2010-01-01".into(),
        ),
        ("/v1/changes", "get", "/v1/changes?act=no-such-act".into()),
        (
            "/v1/amended-by",
            "get",
            "/v1/amended-by?by=%D2%9A%D0%A0%2005.12.2025%20%E2%84%96%2011-1-4%2F730%20%D0%B1%D2%B1%D0%B9%D1%80%D1%8B%D2%93%D1%8B"
                .into(),
        ),
        ("/v1/amended-by", "get", "/v1/amended-by?by=no-such-act".into()),
        (
            "/v1/grep",
            "get",
            "/v1/grep?pattern=%D0%B2%D0%B8%D0%B7%D0%B0&limit=2&as_of=2020-01-01".into(),
        ),
        ("/v1/grep", "get", "/v1/grep?pattern=(".into()),
        (
            "/v1/grep",
            "get",
            "/v1/grep?pattern=a&act=no-such-act".into(),
        ),
        ("/v1/reindex", "post", "/v1/reindex".into()),
        (
            "/v1/acts/{id}/wording",
            "get",
            format!("/v1/acts/{ACT}/wording?phrase=%D0%B2%D0%B8%D0%B7%D0%B0"),
        ),
        (
            "/v1/acts/{id}/wording",
            "get",
            format!("/v1/acts/{EDITIONS}/wording?phrase=%D0%B2%D0%B8%D0%B7%D0%B0&limit=0"),
        ),
        (
            "/v1/acts/{id}/wording",
            "get",
            "/v1/acts/no-such-act/wording?phrase=x".into(),
        ),
    ];

    let mut asked = std::collections::BTreeSet::new();
    let mut walked = 0;
    for (path, method, url) in &asks {
        let op = &doc["paths"][path][method];
        assert!(op.is_object(), "{method} {path} is not in the document");
        asked.insert(format!("{method} {path}"));
        let req = match *method {
            "post" => client().post(s.url(url)),
            _ => client().get(s.url(url)),
        };
        let res = req.send().expect("request");
        let status = res.status().as_u16().to_string();
        let body: Value = res.json().expect("a JSON answer");
        let response = &op["responses"][&status];
        assert!(
            response.is_object(),
            "{url}: status {status} is not among the responses of {method} {path}"
        );
        let schema = &response["content"]["application/json"]["schema"];
        if *path == "/openapi.json" {
            // The document itself is described by the OpenAPI specification, not by itself.
            assert_eq!(body["openapi"], "3.1.0");
            continue;
        }
        assert!(schema.is_object(), "{method} {path} {status}: no schema");
        let missing = undocumented(&doc, schema, &body, "");
        assert!(
            missing.is_empty(),
            "{url} ({status}) sends fields the OpenAPI document does not name: {missing:?}"
        );
        walked += 1;
    }
    // Every documented operation was asked.
    for (path, ops) in doc["paths"].as_object().expect("paths") {
        for method in ops.as_object().expect("operations").keys() {
            assert!(
                asked.contains(&format!("{method} {path}")),
                "{method} {path} is documented but not asked here"
            );
        }
    }
    assert!(walked >= 20, "{walked} answers walked");
}

#[test]
fn a_browser_asking_for_a_missing_page_gets_the_page_and_the_api_keeps_json() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let s = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "0"]);
    let browser = |path: &str| {
        let res = client()
            .get(s.url(path))
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .send()
            .expect("request");
        let kind = res
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let csp = res.headers().contains_key("content-security-policy");
        (
            res.status().as_u16(),
            kind,
            csp,
            res.text().unwrap_or_default(),
        )
    };
    // A page the site does not have: the web page, whose script says so, with a 404 and
    // the page's security headers.
    let (status, kind, csp, body) = browser("/no/such/page");
    assert_eq!(status, 404);
    assert!(kind.starts_with("text/html"), "{kind}");
    assert!(csp && body.contains("/assets/app.js"));
    // The API's paths answer JSON whoever asks.
    for path in ["/v1/nothing", "/v1"] {
        let (status, kind, _, body) = browser(path);
        assert_eq!(status, 404, "{path}");
        assert!(kind.starts_with("application/json"), "{path}: {kind}");
        let json: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(json["error"]["code"], "not_found", "{path}");
    }
}

/// The words in `text` at `spans` (byte ranges), lowercased.
fn marked_words(text: &str, spans: &Value) -> Vec<String> {
    spans
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| {
                    let (from, to) = (s[0].as_u64()? as usize, s[1].as_u64()? as usize);
                    text.get(from..to).map(str::to_lowercase)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A unit or an act asked with the search's words (`q`) marks in its texts what the hit's
/// snippet marks, from the library's highlighter: a query typed in Latin letters too, which
/// the page's own prefix matching never could.
#[test]
fn a_unit_and_an_act_mark_what_the_search_marked() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let s = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "0"]);
    let q = "turaqty%20turu";
    let (status, found, _) = get(&s, &format!("/v1/search?q={q}&limit=1"));
    assert_eq!(status, 200);
    let hit = &found["hits"][0];
    let (act, eid) = (
        hit["act"]["id"].as_str().expect("act"),
        hit["unit"]["eid"].as_str().expect("eid"),
    );
    let in_snippet = marked_words(
        hit["snippet"]["text"].as_str().expect("snippet"),
        &hit["snippet"]["highlights"],
    );
    assert!(!in_snippet.is_empty(), "{hit}");

    let (status, unit, _) = get(&s, &format!("/v1/acts/{act}/units/{eid}?q={q}"));
    assert_eq!(status, 200);
    let in_unit = marked_words(unit["text"].as_str().expect("text"), &unit["highlights"]);
    for w in &in_snippet {
        assert!(
            in_unit.contains(w),
            "{w:?} marked in the hit, not in {in_unit:?}"
        );
    }
    // Without the words, nothing is marked.
    let (_, bare, _) = get(&s, &format!("/v1/acts/{act}/units/{eid}"));
    assert!(bare.get("highlights").is_none(), "{bare}");

    let (status, both, _) = get(
        &s,
        &format!("/v1/acts/{act}/units/{eid}?q={q}&parallel=true"),
    );
    assert_eq!(status, 200);
    let lang = hit["lang"].as_str().expect("lang");
    let column = &both[lang];
    assert_eq!(
        marked_words(
            column["text"].as_str().expect("text"),
            &column["highlights"]
        ),
        in_unit
    );

    let (status, outline, _) = get(&s, &format!("/v1/acts/{act}?text=true&q={q}&lang={lang}"));
    assert_eq!(status, 200);
    fn find<'a>(units: &'a Value, eid: &str) -> Option<&'a Value> {
        units.as_array()?.iter().find_map(|u| {
            if u["eid"] == eid {
                Some(u)
            } else {
                find(&u["children"], eid)
            }
        })
    }
    let own = find(&outline["units"], eid).expect("the hit's unit in the outline");
    let in_outline = marked_words(own["text"].as_str().expect("own text"), &own["highlights"]);
    assert!(!in_outline.is_empty(), "{own}");
    assert!(
        in_outline.iter().all(|w| in_unit.contains(w)),
        "{in_outline:?}"
    );

    // Words that cannot be read are the search's error, as on /v1/search.
    let (status, err, _) = get(&s, &format!("/v1/acts/{act}/units/{eid}?q=%22open"));
    assert_eq!(
        (status, err["error"]["code"].as_str()),
        (400, Some("bad_query"))
    );
}

/// While `zanlex serve` watches the corpus, a command past `--scan-limit` trusts it: no notice
/// that the corpus went unchecked, and a file written later is found once the server has
/// refreshed. With the server gone, the same command says since when the corpus is unchecked.
#[test]
fn a_command_past_the_scan_limit_trusts_the_server_watching_the_corpus() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let index = tmp.path().join("index");
    let zanlex = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_zanlex"))
            .args(args)
            .args(["--scan-limit", "1", "--corpus"])
            .arg(&corpus)
            .arg("--index")
            .arg(&index)
            .output()
            .expect("run zanlex");
        let total = serde_json::from_slice::<Value>(&out.stdout)
            .ok()
            .and_then(|v| v["total"].as_u64());
        (total, String::from_utf8_lossy(&out.stderr).into_owned())
    };
    // A full check past the limit is recorded: without a watcher, commands trust it and say so.
    zanlex(&["index"]);
    let (_, said) = zanlex(&["search", "жирафозавр", "--json"]);
    assert!(said.contains("last checked"), "{said}");
    let s = Server::start(&corpus, &index, &["--watch-secs", "1"]);
    wait_until_watched(&s, &index);
    let (total, said) = zanlex(&["search", "жирафозавр", "--json"]);
    assert_eq!(total, Some(0), "{said}");
    assert!(
        !said.contains("last checked") && !said.contains("refreshed"),
        "{said}"
    );
    write_new_act(&corpus);
    let started = Instant::now();
    loop {
        let (total, said) = zanlex(&["search", "жирафозавр", "--json"]);
        assert!(!said.contains("last checked"), "{said}");
        if total.unwrap_or(0) > 0 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{:?}",
            s.stderr()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    drop(s);
    // With the server gone, a full check (`zanlex index`) is what commands trust, and say so.
    zanlex(&["index"]);
    let (total, said) = zanlex(&["search", "жирафозавр", "--json"]);
    assert!(total.unwrap_or(0) > 0, "{said}");
    assert!(said.contains("last checked"), "{said}");
}

/// The words of `unit`'s text its `links` take, with the unit each leads to.
fn linked_words(unit: &Value) -> Vec<(String, String)> {
    let text = unit["text"].as_str().unwrap_or("");
    unit["links"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|l| {
                    let (from, to) = (l["start"].as_u64()? as usize, l["end"].as_u64()? as usize);
                    Some((
                        text.get(from..to)?.to_string(),
                        l["target"]["eid"].as_str()?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A unit's answer places each resolved reference of its text, and of the units inside it,
/// at the bytes its words take in the text shown; an unresolved one is no link.
#[test]
fn a_unit_places_its_resolved_references_in_its_text() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = test_corpus(tmp.path());
    let s = Server::start(&corpus, &tmp.path().join("index"), &["--watch-secs", "0"]);
    let pair = |w: &str, e: &str| (w.to_string(), e.to_string());
    let (status, both, _) = get(
        &s,
        &format!("/v1/acts/{BILINGUAL}/units/att_1__para_22?parallel=true"),
    );
    assert_eq!(status, 200);
    assert_eq!(
        linked_words(&both["kk"]),
        [
            pair("осы Қағидалардың 2-қосымшада", "att_1__annex_2"),
            pair("осы Қағидалардың 3-қосымшада", "att_1__annex_3")
        ]
    );
    assert_eq!(
        linked_words(&both["ru"]),
        [
            pair("приложении 2 к настоящим Правилам", "att_1__annex_2"),
            pair("приложении 3 к настоящим Правилам", "att_1__annex_3")
        ]
    );
    assert_eq!(
        both["ru"]["links"][0]["target"]["citation"],
        "Решение маслихата Алматинской области от 15.12.2020 № 64-340 · Правила · приложение 2"
    );
    // The rules as a whole: the references of their items, the unresolved ones (to laws the
    // corpus lacks) left out.
    let (status, rules, _) = get(&s, &format!("/v1/acts/{BILINGUAL}/units/att_1?lang=ru"));
    assert_eq!(status, 200);
    assert_eq!(
        linked_words(&rules),
        [
            pair("пункте 17 настоящих Правил", "att_1__para_17"),
            pair("приложении 1 к настоящим Правилам", "att_1__annex_1"),
            pair("приложении 2 к настоящим Правилам", "att_1__annex_2"),
            pair("приложении 3 к настоящим Правилам", "att_1__annex_3")
        ]
    );
    // Its own references are still its own text's only.
    assert_eq!(rules["references"], serde_json::json!([]));
    // Item 4's references to a code and to an order the corpus lacks (the Water Code, the
    // Minister of Agriculture's order of 12.10.2015 № 18-02/909, as the Kazakh text's) are no
    // links.
    let (_, item, _) = get(
        &s,
        &format!("/v1/acts/{BILINGUAL}/units/att_1__para_4?lang=ru"),
    );
    assert_eq!(
        item["references"].as_array().map(Vec::len),
        Some(2),
        "{item}"
    );
    assert!(item.get("links").is_none(), "{item}");
}
