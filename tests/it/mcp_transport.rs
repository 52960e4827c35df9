//! `zanlex mcp`'s transports as a careless or hurried client uses them: lines that are not
//! JSON, a line of many megabytes, a thousand calls sent without waiting over stdio; a body
//! that is not JSON over HTTP. Every message gets an answer, a JSON-RPC error where it is no
//! message, and pipelined calls are answered in turn, not refused.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// `zanlex mcp` on a copy of the bundled corpus in `dir`: the child, its stdin, and its stdout
/// lines as they come.
fn start(dir: &Path) -> (Child, ChildStdin, Receiver<String>) {
    let corpus = dir.join("corpus");
    super::common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        &corpus,
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .arg("mcp")
        .arg("--corpus")
        .arg(&corpus)
        .arg("--index")
        .arg(dir.join("index"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start zanlex mcp");
    let stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    (child, stdin, rx)
}

/// The next message the server writes, within `wait`.
fn next(rx: &Receiver<String>, wait: Duration) -> Value {
    match rx.recv_timeout(wait) {
        Ok(line) => serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}")),
        Err(RecvTimeoutError::Timeout) => panic!("no answer within {wait:?}"),
        Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
    }
}

fn send(stdin: &mut ChildStdin, line: &[u8]) {
    stdin.write_all(line).expect("write");
    stdin.write_all(b"\n").expect("write");
    stdin.flush().expect("flush");
}

/// Opens the session: `initialize`, its answer, `notifications/initialized`.
fn initialize(stdin: &mut ChildStdin, rx: &Receiver<String>) {
    let hello = json!({
        "jsonrpc": "2.0", "id": 0, "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "test", "version": "0"}
        }
    });
    send(stdin, hello.to_string().as_bytes());
    let answer = next(rx, Duration::from_secs(120));
    assert_eq!(answer["id"], 0, "{answer}");
    assert!(answer["result"]["serverInfo"].is_object(), "{answer}");
    send(
        stdin,
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"})
            .to_string()
            .as_bytes(),
    );
}

/// A line that is not JSON gets a parse error, a line of 16 MB an invalid-request error
/// (never held whole), and the session goes on: a call after them is answered.
#[test]
fn stdio_answers_every_line_that_is_no_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut child, mut stdin, rx) = start(dir.path());
    initialize(&mut stdin, &rx);
    send(&mut stdin, b"this is not json {");
    let answer = next(&rx, Duration::from_secs(10));
    assert_eq!(answer["error"]["code"], -32700, "{answer}");
    assert!(answer.get("id").is_none_or(Value::is_null), "{answer}");
    let mut long =
        b"{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\",\"params\":{\"x\":\"".to_vec();
    long.resize(16 << 20, b'a');
    long.extend_from_slice(b"\"}}");
    send(&mut stdin, &long);
    let answer = next(&rx, Duration::from_secs(30));
    assert_eq!(answer["error"]["code"], -32600, "{answer}");
    let message = answer["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("longer than 1048576 bytes"), "{answer}");
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "id": 9, "method": "tools/call",
               "params": {"name": "search", "arguments": {"query": "виза", "limit": 1}}})
        .to_string()
        .as_bytes(),
    );
    let answer = next(&rx, Duration::from_secs(30));
    assert_eq!(answer["id"], 9, "{answer}");
    assert_eq!(answer["result"]["isError"], false, "{answer}");
    drop(stdin);
    let _ = child.wait();
}

/// A thousand searches written at once, without waiting for an answer, are all answered,
/// none refused as too many waiting: the server reads more only as it answers.
#[test]
fn stdio_queues_pipelined_calls() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut child, mut stdin, rx) = start(dir.path());
    initialize(&mut stdin, &rx);
    let calls = 1000;
    let writer = std::thread::spawn(move || {
        let mut all = Vec::new();
        for id in 1..=calls {
            let call = json!({"jsonrpc": "2.0", "id": id, "method": "tools/call",
                "params": {"name": "search", "arguments": {"query": "виза", "limit": 1}}});
            all.extend_from_slice(call.to_string().as_bytes());
            all.push(b'\n');
        }
        stdin.write_all(&all).expect("write the calls");
        stdin.flush().expect("flush");
        stdin
    });
    let started = Instant::now();
    let mut answered = std::collections::BTreeSet::new();
    let mut refused = Vec::new();
    while answered.len() < calls {
        let answer = next(&rx, Duration::from_secs(60));
        let id = answer["id"].as_u64().expect("an answer to a call");
        assert!(answered.insert(id), "{id} answered twice");
        if answer["result"]["isError"] != false {
            refused.push(answer);
        }
    }
    assert!(
        refused.is_empty(),
        "{} refused, first: {}",
        refused.len(),
        refused[0]
    );
    assert!(started.elapsed() < Duration::from_secs(120));
    drop(writer.join().expect("writer"));
    let _ = child.wait();
}

/// A POST to `/mcp` whose body is not JSON is answered 400 with a JSON-RPC parse error, in
/// JSON; a well-formed call after it is answered as usual.
#[test]
fn http_answers_a_body_that_is_not_json_with_a_parse_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = super::serve_api::test_corpus(dir.path());
    let server = super::serve_api::Server::start(&corpus, &dir.path().join("index"), &[]);
    let client = reqwest::blocking::Client::new();
    let post = |body: &str| {
        client
            .post(server.url("/mcp"))
            .header("content-type", "application/json")
            .header("accept", "application/json, text/event-stream")
            .body(body.to_string())
            .send()
            .expect("POST /mcp")
    };
    let res = post("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ");
    assert_eq!(res.status().as_u16(), 400);
    let kind = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(kind.starts_with("application/json"), "{kind}");
    let answer: Value = res.json().expect("a JSON body");
    assert_eq!(answer["jsonrpc"], "2.0", "{answer}");
    assert_eq!(answer["error"]["code"], -32700, "{answer}");
    let ok = post(
        &json!({"jsonrpc": "2.0", "id": 2, "method": "initialize",
                "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                           "clientInfo": {"name": "test", "version": "0"}}})
        .to_string(),
    );
    assert_eq!(ok.status().as_u16(), 200);
}
