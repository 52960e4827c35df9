//! `zanlex serve` against connections that never finish: a request sent in part, clients that
//! hold connections open past the process's limit on open files, and a stop while one of them
//! is open.

use super::serve_api::{test_corpus, Server};
use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// Opens a connection and sends the start of a request, never its end.
fn half_sent(server: &Server) -> TcpStream {
    let addr = server.base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
        .expect("send part of a request");
    stream
}

/// Whether the server closed `stream` within a minute: the read ends (end of stream or a
/// reset) rather than running out of time.
fn closed_by_server(mut stream: TcpStream) -> bool {
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("read timeout");
    let mut buf = [0u8; 256];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return true,
            // A 408 or another answer before closing is fine: keep reading to the end.
            Ok(_) => continue,
            Err(e) if e.kind() == ErrorKind::ConnectionReset => return true,
            Err(_) => return false,
        }
    }
}

#[test]
fn a_request_sent_in_part_is_closed_after_the_idle_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(
        &corpus,
        &dir.path().join("index"),
        &["--idle-secs", "1", "--timeout-ms", "500"],
    );
    assert!(
        closed_by_server(half_sent(&server)),
        "a request sent in part kept its connection open"
    );
    // The server still answers.
    let ok = reqwest::blocking::get(server.url("/healthz")).expect("healthz");
    assert_eq!(ok.status().as_u16(), 200);
}

#[test]
fn a_stop_does_not_wait_for_a_request_never_finished() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(&corpus, &dir.path().join("index"), &[]);
    let _open = half_sent(&server);
    // `terminate` fails the test if the server has not stopped well within the stop deadline.
    let status = server.terminate();
    assert!(status.success(), "{status:?}");
}

#[test]
fn connections_held_past_the_file_limit_do_not_starve_a_search() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let index = dir.path().join("index");
    // Built first, so that the server only opens it.
    drop(Server::start(&corpus, &index, &[]));
    let server = Server::start_with_file_limit(
        &corpus,
        &index,
        &["--idle-secs", "1", "--timeout-ms", "500"],
        128,
    );
    let addr = server.base.trim_start_matches("http://").to_string();
    // More connections than the server may have files, each sending nothing.
    let held: Vec<TcpStream> = (0..150)
        .filter_map(|_| TcpStream::connect(&addr).ok())
        .collect();
    assert!(held.len() > 128, "only {} connections opened", held.len());
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(90))
        .build()
        .expect("client");
    let res = client
        .get(server.url("/v1/search?q=виза"))
        .send()
        .expect("a search while connections are held");
    assert_eq!(res.status().as_u16(), 200, "{:?}", server.stderr());
    drop(held);
}
