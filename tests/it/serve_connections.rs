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
    // More connections than the server may have files, each sending nothing, each from an
    // address of its own (one address holds a share of the places at most).
    let held: Vec<TcpStream> = (1..=150u8)
        .map(|i| connect_from(&addr, [127, 0, 3, i]))
        .collect();
    assert!(held.len() > 128, "only {} connections opened", held.len());
    let client = reqwest::blocking::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
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

/// A connection to the server at `addr` from the loopback address `from`: each address of
/// 127.0.0.0/8 is another client to the server.
fn connect_from(addr: &str, from: [u8; 4]) -> TcpStream {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .expect("runtime");
    let stream = runtime.block_on(async {
        let socket = tokio::net::TcpSocket::new_v4().expect("socket");
        socket
            .bind(std::net::SocketAddr::from((from, 0)))
            .expect("bind a loopback address");
        let stream = socket
            .connect(addr.parse().expect("address"))
            .await
            .expect("connect");
        stream.into_std().expect("a std stream")
    });
    stream.set_nonblocking(false).expect("blocking");
    stream
}

/// A client that sends `head` and then `trickle`, one byte every `every`, for as long as
/// `run` lasts or until the server closes the connection; it returns what the server answered
/// and when, after its start, it closed.
fn trickler(
    mut stream: TcpStream,
    head: &'static [u8],
    trickle: &'static [u8],
    every: Duration,
    run: Duration,
) -> std::thread::JoinHandle<(String, Option<Duration>)> {
    std::thread::spawn(move || {
        let started = std::time::Instant::now();
        let _ = stream.write_all(head);
        // An answer sent at once (a refusal) is read before any more is sent: a byte sent to
        // a closed connection brings a reset, which may drop what was not read yet.
        stream
            .set_read_timeout(Some(Duration::from_millis(300)))
            .expect("read timeout");
        let mut answer = Vec::new();
        let mut buf = [0u8; 1024];
        match stream.read(&mut buf) {
            Ok(0) => return (String::new(), Some(started.elapsed())),
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(_) => {}
        }
        stream
            .set_read_timeout(Some(Duration::from_millis(10)))
            .expect("read timeout");
        let mut bytes = trickle.iter().cycle();
        while started.elapsed() < run {
            let mut buf = [0u8; 1024];
            match stream.read(&mut buf) {
                Ok(0) => {
                    return (
                        String::from_utf8_lossy(&answer).into_owned(),
                        Some(started.elapsed()),
                    )
                }
                Ok(n) => answer.extend_from_slice(&buf[..n]),
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                Err(_) => {
                    return (
                        String::from_utf8_lossy(&answer).into_owned(),
                        Some(started.elapsed()),
                    )
                }
            }
            std::thread::sleep(every);
            let b = bytes.next().copied().unwrap_or(b'x');
            if stream.write_all(&[b]).is_err() {
                return (
                    String::from_utf8_lossy(&answer).into_owned(),
                    Some(started.elapsed()),
                );
            }
        }
        (String::from_utf8_lossy(&answer).into_owned(), None)
    })
}

/// An ordinary client from the loopback address `from`: the status of `GET /healthz` and how
/// long it took, or the error when it got none within `wait`.
fn ordinary(server: &Server, from: [u8; 4], wait: Duration) -> Result<(u16, Duration), String> {
    let client = reqwest::blocking::Client::builder()
        .local_address(std::net::IpAddr::from(from))
        .timeout(wait)
        .build()
        .expect("client");
    let started = std::time::Instant::now();
    client
        .get(server.url("/healthz"))
        .send()
        .map(|r| (r.status().as_u16(), started.elapsed()))
        .map_err(|e| format!("{e} after {:?}", started.elapsed()))
}

/// Four clients that send `head`, then `trickle` a byte every 400 ms, each from its own
/// address of `127.0.block.0/24`, to a server of four places; an ordinary client is served
/// meanwhile, within five seconds. What each trickling client was answered, and when it was
/// closed.
fn trickling_into_every_place(
    head: &'static [u8],
    trickle: &'static [u8],
    block: u8,
) -> Vec<(String, Option<Duration>)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(
        &corpus,
        &dir.path().join("index"),
        &["--max-connections", "4"],
    );
    let addr = server.base.trim_start_matches("http://").to_string();
    let run = Duration::from_secs(9);
    let slow: Vec<_> = (0..4u8)
        .map(|i| {
            trickler(
                connect_from(&addr, [127, 0, block, 10 + i]),
                head,
                trickle,
                Duration::from_millis(400),
                run,
            )
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let (status, took) = ordinary(&server, [127, 0, 0, 2], Duration::from_secs(6))
        .expect("an ordinary client is served");
    assert_eq!(status, 200);
    assert!(took < Duration::from_secs(5), "served after {took:?}");
    slow.into_iter()
        .map(|t| t.join().expect("trickler"))
        .collect()
}

/// Clients that trickle a request's head, a byte at a time (the idle timer restarts with
/// each), from as many addresses as the server has places: each is answered 408 and closed
/// once it falls behind the minimum rate, and an ordinary client is served meanwhile. Only
/// the default pace: `--max-connections` is the one flag.
#[test]
fn clients_trickling_a_head_do_not_lock_everyone_out() {
    let answers = trickling_into_every_place(b"GET /healthz HTTP/1.1\r\n", b"X-Slow: yes\r\n", 1);
    for (answer, closed) in answers {
        let closed = closed.expect("the trickling client was closed by the server");
        assert!(closed < Duration::from_secs(5), "closed after {closed:?}");
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
        assert!(answer.contains("\"code\":\"too_slow\""), "{answer:?}");
    }
}

/// One address opening every place and trickling into each gets a quarter of them: the rest
/// are answered 503 at once, and another client is served while its requests trickle on.
#[test]
fn one_address_holds_a_share_of_the_places_at_most() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(
        &corpus,
        &dir.path().join("index"),
        &["--max-connections", "8"],
    );
    let addr = server.base.trim_start_matches("http://").to_string();
    let run = Duration::from_secs(4);
    // Fast enough to keep the minimum rate: only the share stops them.
    let slow: Vec<_> = (0..8)
        .map(|_| {
            trickler(
                connect_from(&addr, [127, 0, 0, 1]),
                b"GET /healthz HTTP/1.1\r\n",
                b"X-Slow: yes\r\n",
                Duration::from_millis(2),
                run,
            )
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let (status, took) = ordinary(&server, [127, 0, 0, 2], Duration::from_secs(3))
        .expect("another client is served");
    assert_eq!(status, 200);
    assert!(took < Duration::from_secs(2), "served after {took:?}");
    let answers: Vec<(String, Option<Duration>)> = slow
        .into_iter()
        .map(|t| t.join().expect("trickler"))
        .collect();
    let refused = answers
        .iter()
        .filter(|(a, _)| a.starts_with("HTTP/1.1 503") && a.contains("\"code\":\"busy\""))
        .count();
    assert_eq!(refused, 6, "{answers:?}");
}

/// Clients that send a `/mcp` body a byte at a time, from as many addresses as the server has
/// places, are answered 408 once they fall behind the minimum rate; an ordinary client is
/// served meanwhile.
#[test]
fn clients_trickling_a_body_do_not_lock_everyone_out() {
    let answers = trickling_into_every_place(
        b"POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: 400\r\n\r\n",
        b"{",
        2,
    );
    for (answer, closed) in answers {
        assert!(
            closed.is_some(),
            "the trickling client was not closed: {answer:?}"
        );
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
        assert!(answer.contains("\"code\":\"too_slow\""), "{answer:?}");
    }
}

/// Splits what the server sent on one connection into its answers: each one's status and
/// JSON body (the server sends every body with a `content-length`).
fn answers(mut raw: &[u8]) -> Vec<(u16, serde_json::Value)> {
    let mut out = Vec::new();
    while !raw.is_empty() {
        let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
            panic!(
                "an answer without the end of its head: {:?}",
                String::from_utf8_lossy(raw)
            );
        };
        let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
        let status: u16 = head[9..12].parse().expect("status");
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .map(|v| v.trim().parse().expect("length"))
            .expect("content-length");
        let body = &raw[end + 4..end + 4 + length];
        out.push((status, serde_json::from_slice(body).expect("a JSON body")));
        raw = &raw[end + 4 + length..];
    }
    out
}

/// Three requests written at once on one connection (HTTP/1.1 pipelining: a GET, a POST with
/// its body, which is no JSON, a GET that closes) are each answered, in order; a request after a malformed one
/// in the same write is not read as part of it: the server answers the malformed one 400 and
/// closes.
#[test]
fn requests_written_together_are_each_answered_in_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = test_corpus(dir.path());
    let server = Server::start(&corpus, &dir.path().join("index"), &["--watch-secs", "0"]);
    let addr = server.base.trim_start_matches("http://");
    // A body cut short is still a body of its length: answered as the JSON-RPC parse error.
    let call = r#"{"jsonrpc": "2.0", "id": 7, "method": "#;
    let together = format!(
        "GET /v1/search?q=%D0%B2%D0%B8%D0%B7%D0%B0&limit=1 HTTP/1.1\r\nHost: {addr}\r\n\r\n\
         POST /mcp HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Accept: application/json, text/event-stream\r\nContent-Length: {}\r\n\r\n{call}\
         GET /v1/acts?limit=1 HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n",
        call.len()
    );
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("read timeout");
    stream.write_all(together.as_bytes()).expect("write");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read to the end");
    let got = answers(&raw);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].0, 200, "{:?}", got[0]);
    assert_eq!(got[0].1["query"], "виза");
    assert_eq!(got[0].1["hits"].as_array().map(Vec::len), Some(1));
    assert_eq!(got[1].0, 400, "{:?}", got[1]);
    assert_eq!(got[1].1["error"]["code"], -32700, "{:?}", got[1]);
    assert_eq!(got[2].0, 200, "{:?}", got[2]);
    assert_eq!(got[2].1["acts"].as_array().map(Vec::len), Some(1));

    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("read timeout");
    let broken = format!(
        "GET /v1/acts?limit=1 HTTP/1.1\r\nHost: {addr}\r\nContent-Length: x\r\n\r\n\
         GET /healthz HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    );
    stream.write_all(broken.as_bytes()).expect("write");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read to the end");
    let text = String::from_utf8_lossy(&raw);
    assert!(text.starts_with("HTTP/1.1 400"), "{text}");
    assert_eq!(text.matches("HTTP/1.1 ").count(), 1, "{text}");
}
