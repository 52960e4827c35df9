//! The server's connections: at most a number at once, below the process's limit on open
//! files, so that a flood of held-open connections leaves the index the files it reads; at most
//! a share of them from one peer address; and each closed when it holds its place without
//! sending a request at a reasonable pace:
//! - after `idle` with nothing read or written (an idle keep-alive, a client gone quiet);
//! - when a request's head (its first line and headers) is not all in within `head` of its
//!   first byte, as nginx's `client_header_timeout`, or falls behind a minimum rate past a
//!   short grace: a client that trickles a byte now and then no longer holds its place for as
//!   long as it likes by restarting the idle timer. (The body has its deadline where its end
//!   is known, [`super::limits::body_deadline`].)
//!
//! Clients past the limit wait in the system's queue of pending connections until a place
//! frees up; a peer past its share is answered 503 at once and closed.

use axum::extract::connect_info::Connected;
use axum::serve::IncomingStream;
use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};
use zanlex::ErrorCode;

/// Open files kept for the index, the corpus and the process when the connection limit is
/// worked out from the limit on open files.
const RESERVED_FILES: u64 = 256;

/// Most connections open at once when none is given: half the process's limit on open files
/// past [`RESERVED_FILES`], at least 16 (on a system that reports no limit, 4096).
pub(crate) fn default_max_connections() -> usize {
    let limit = open_file_limit().unwrap_or(2 * 4096 + RESERVED_FILES);
    let spare = limit.saturating_sub(RESERVED_FILES) / 2;
    usize::try_from(spare)
        .unwrap_or(usize::MAX)
        .clamp(16, 65_536)
}

/// Most connections one peer address may hold when none is given: a quarter of the limit on
/// connections, so that no single client can take every place.
pub(crate) fn default_per_peer(max: usize) -> usize {
    max.div_ceil(4).max(1)
}

#[cfg(unix)]
fn open_file_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `getrlimit` writes the limit into the struct it is given, which lives here.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0;
    (ok && limit.rlim_cur != libc::RLIM_INFINITY).then_some(limit.rlim_cur)
}

#[cfg(not(unix))]
fn open_file_limit() -> Option<u64> {
    None
}

/// The pace a connection must keep.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pace {
    /// Longest time with nothing read or written.
    pub idle: Duration,
    /// Longest time from a request's first byte to the end of its head.
    pub head: Duration,
    /// Bytes a second a request must come in at, on average, past [`Pace::grace`].
    pub min_rate: u64,
    /// The time a request may take before its rate counts.
    pub grace: Duration,
}

impl Pace {
    /// The latest a request begun at `start`, `bytes` of it in so far, may go on being
    /// received: its deadline, or where it falls behind the minimum rate.
    pub(crate) fn deadline(&self, start: Instant, bytes: u64, whole: Duration) -> Instant {
        let earned = match self.min_rate {
            0 => whole,
            rate => self.grace + Duration::from_secs_f64(bytes as f64 / rate as f64),
        };
        start + whole.min(earned)
    }
}

/// The connections each peer address holds.
#[derive(Debug, Default)]
struct Peers {
    held: Mutex<HashMap<IpAddr, usize>>,
}

/// One of a peer's connections, counted while it lives.
#[derive(Debug)]
pub(crate) struct PeerPlace {
    peers: Arc<Peers>,
    ip: IpAddr,
}

impl Peers {
    /// A place for a connection of `ip`, unless it already holds `share`.
    fn take(self: &Arc<Self>, ip: IpAddr, share: usize) -> Option<PeerPlace> {
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        let n = held.entry(ip).or_insert(0);
        if *n >= share {
            return None;
        }
        *n += 1;
        Some(PeerPlace {
            peers: Arc::clone(self),
            ip,
        })
    }
}

impl Drop for PeerPlace {
    fn drop(&mut self) {
        let mut held = self
            .peers
            .held
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = held.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                held.remove(&self.ip);
            }
        }
    }
}

/// A whole HTTP answer with the JSON error of `code` and `message`, closing the connection:
/// what a connection refused before any request is read is sent.
fn refusal(code: ErrorCode, message: &str) -> Vec<u8> {
    let body = serde_json::to_vec(&zanlex::ErrorAnswer::new(code, message)).unwrap_or_default();
    let status = axum::http::StatusCode::from_u16(code.http_status())
        .unwrap_or(axum::http::StatusCode::SERVICE_UNAVAILABLE);
    let mut out = format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\nconnection: close\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(&body);
    out
}

/// What a peer past its share is answered before its connection is closed.
static PAST_SHARE: LazyLock<Vec<u8>> = LazyLock::new(|| {
    refusal(
        ErrorCode::Busy,
        "this address holds as many connections as one client may; close one, or try again in a moment",
    )
});

/// What a client whose request head came too slowly is answered before its connection is
/// closed.
static HEAD_TOO_SLOW: LazyLock<Vec<u8>> = LazyLock::new(|| {
    refusal(
        ErrorCode::TooSlow,
        "the request's head came too slowly; send a request's head at once",
    )
});

/// The longest request line checked for a target that is no URL: the longest URL hyper takes.
const MAX_CHECKED_LINE: usize = 64 * 1024;

/// The most characters of a request line an error shows.
const SHOWN_CHARS: usize = 200;

/// Why the request line `line` (`METHOD TARGET VERSION`, its line end cut) cannot be read,
/// when its target is no URL (a raw `>` typed in a query, a byte that is not UTF-8): one line
/// naming the request and what to write instead. `None` for a target hyper reads, and for a
/// line of another shape, which hyper answers itself.
fn refused_target(line: &[u8]) -> Option<String> {
    let mut parts = line.splitn(3, |&b| b == b' ');
    let (Some(_), Some(target), Some(_)) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    // The very check hyper makes of a request's target.
    if target.is_empty() || axum::http::Uri::try_from(target).is_ok() {
        return None;
    }
    let lossy = String::from_utf8_lossy(line);
    let mut shown: String = lossy
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .take(SHOWN_CHARS)
        .collect();
    if lossy.chars().count() > SHOWN_CHARS {
        shown.push('…');
    }
    let why = match unescaped_byte(target) {
        Some(b) if b.is_ascii_graphic() => format!(
            "holds {:?}, which a URL may not hold as it is; write it as %{b:02X}",
            char::from(b)
        ),
        Some(b) => format!("holds the byte {b:#04x}; write it as %{b:02X}"),
        None if std::str::from_utf8(target).is_err() => {
            "holds bytes that are not UTF-8; percent-encode each (%XX)".to_string()
        }
        None => "has a target that is no path of this server (it begins with /)".to_string(),
    };
    Some(format!("the request `{shown}` {why}"))
}

/// The first byte of `target` a URL's path or query may not hold unescaped, as hyper reads
/// them: neither takes a space, `<` or `>`; a path takes `"`, `{` and `}` as they are but not
/// `` ` ``; a query takes `` ` ``, `{` and `}` but not `"`.
fn unescaped_byte(target: &[u8]) -> Option<u8> {
    let mut in_query = false;
    for &b in target {
        let ok = match b {
            b'#' => return None,
            b'?' if !in_query => {
                in_query = true;
                true
            }
            0x80.. => true,
            0x21 | 0x24..=0x3B | 0x3D => true,
            _ if in_query => (0x3F..=0x7E).contains(&b),
            0x40..=0x5F | 0x61..=0x7A | 0x7C | 0x7E | b'"' | b'{' | b'}' => true,
            _ => false,
        };
        if !ok {
            return Some(b);
        }
    }
    None
}

/// A listener that accepts a connection only while fewer than its limit are open, and
/// fewer than `per_peer` from the connection's address.
pub(crate) struct Bounded {
    listener: TcpListener,
    places: Arc<Semaphore>,
    peers: Arc<Peers>,
    per_peer: usize,
    pace: Pace,
}

impl Bounded {
    /// Accepts from `listener` at most `max` connections at once and `per_peer` from one
    /// address, each kept to `pace`.
    pub(crate) fn new(listener: TcpListener, max: usize, per_peer: usize, pace: Pace) -> Self {
        Bounded {
            listener,
            places: Arc::new(Semaphore::new(max.max(1))),
            peers: Arc::default(),
            per_peer: per_peer.max(1),
            pace,
        }
    }
}

/// A peer's address as one: an IPv4 address seen through IPv6 is the IPv4 one.
fn peer_ip(peer: &SocketAddr) -> IpAddr {
    peer.ip().to_canonical()
}

impl axum::serve::Listener for Bounded {
    type Io = Conn;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Conn, SocketAddr) {
        loop {
            // The semaphore is never closed, so waiting for a place always ends with one.
            let Ok(place) = Arc::clone(&self.places).acquire_owned().await else {
                std::future::pending::<()>().await;
                continue;
            };
            match self.listener.accept().await {
                Ok((stream, peer)) => {
                    let Some(peer_place) = self.peers.take(peer_ip(&peer), self.per_peer) else {
                        // Answered at once, without waiting on a client that may not read.
                        let _ = stream.try_write(&PAST_SHARE);
                        continue;
                    };
                    let _ = stream.set_nodelay(true);
                    return (Conn::new(stream, place, peer_place, self.pace), peer);
                }
                Err(e) => {
                    // Out of files or a connection reset before it was taken: say so once
                    // and try again shortly, as axum's own listener does.
                    eprintln!("zanlex: accepting a connection failed: {e}");
                    drop(place);
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        }
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }
}

/// The address of the client a request came from (`ConnectInfo<Peer>`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Peer(pub SocketAddr);

impl Connected<IncomingStream<'_, Bounded>> for Peer {
    fn connect_info(stream: IncomingStream<'_, Bounded>) -> Self {
        Peer(*stream.remote_addr())
    }
}

/// Where a connection is in its requests, as far as its bytes tell.
#[derive(Debug, Clone, Copy)]
enum Phase {
    /// Between requests (or answering one).
    Idle,
    /// Receiving a request's head: since `start`, `bytes` of it, the line ends seen in a
    /// row last (two end the head: a blank line), and whether its first line is still
    /// coming in.
    Head {
        start: Instant,
        bytes: u64,
        ends: u8,
        first_line: bool,
    },
    /// The head is in: the body, if any, is read by the request's handler.
    Body,
}

/// A connection that fails with [`io::ErrorKind::TimedOut`] once it breaks its [`Pace`], and
/// frees its places when dropped.
pub(crate) struct Conn {
    stream: TcpStream,
    _place: OwnedSemaphorePermit,
    _peer: PeerPlace,
    pace: Pace,
    phase: Phase,
    /// The request line coming in (at most [`MAX_CHECKED_LINE`] bytes of it).
    line: Vec<u8>,
    last_active: Instant,
    deadline: Pin<Box<Sleep>>,
}

impl Conn {
    fn new(stream: TcpStream, place: OwnedSemaphorePermit, peer: PeerPlace, pace: Pace) -> Self {
        let now = Instant::now();
        Conn {
            stream,
            _place: place,
            _peer: peer,
            pace,
            phase: Phase::Idle,
            line: Vec::new(),
            last_active: now,
            deadline: Box::pin(tokio::time::sleep(pace.idle)),
        }
    }

    /// The earliest of the idle deadline and the head's.
    fn due(&self) -> Instant {
        let idle = self.last_active + self.pace.idle;
        match self.phase {
            Phase::Head { start, bytes, .. } => {
                idle.min(self.pace.deadline(start, bytes, self.pace.head))
            }
            _ => idle,
        }
    }

    /// Counts `data` read: a head begins with the first byte between requests and ends at its
    /// blank line. The answer to send instead of reading on when the request line's target is
    /// no URL.
    fn read(&mut self, data: &[u8]) -> Option<Vec<u8>> {
        let now = Instant::now();
        self.last_active = now;
        let mut refused = None;
        for &b in data {
            if let Phase::Idle = self.phase {
                self.phase = Phase::Head {
                    start: now,
                    bytes: 0,
                    ends: 0,
                    first_line: true,
                };
                self.line.clear();
            }
            let Phase::Head {
                bytes,
                ends,
                first_line,
                ..
            } = &mut self.phase
            else {
                break;
            };
            *bytes += 1;
            if *first_line {
                if b == b'\n' {
                    // Empty lines before a request are skipped, as hyper skips them.
                    let line = self.line.strip_suffix(b"\r").unwrap_or(&self.line);
                    if !line.is_empty() {
                        *first_line = false;
                        refused = refused_target(line);
                    }
                    self.line.clear();
                } else if self.line.len() < MAX_CHECKED_LINE {
                    self.line.push(b);
                }
            }
            // A line ends at `\n`, its `\r` before it or not (as hyper reads it).
            match b {
                b'\n' => *ends += 1,
                b'\r' => {}
                _ => *ends = 0,
            }
            if *ends >= 2 {
                self.phase = Phase::Body;
                // The rest of `data` is the body's, or the next request's sent ahead.
                break;
            }
        }
        let due = self.due();
        self.deadline.as_mut().reset(due);
        refused.map(|message| refusal(ErrorCode::BadRequest, &message))
    }

    /// Counts a write: the server answers, so the next byte read begins another request.
    fn wrote(&mut self) {
        self.last_active = Instant::now();
        self.phase = Phase::Idle;
        let due = self.due();
        self.deadline.as_mut().reset(due);
    }

    /// `Pending`, unless the connection broke its pace.
    fn pending_or_timed_out<T>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<T>> {
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) => {
                let why = match self.phase {
                    Phase::Head { .. } if Instant::now() < self.last_active + self.pace.idle => {
                        // Nothing of an answer was sent on this request yet.
                        let _ = self.stream.try_write(&HEAD_TOO_SLOW);
                        "the request's head came too slowly"
                    }
                    _ => "the connection sent and received nothing for too long",
                };
                Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, why)))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for Conn {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        let before = buf.filled().len();
        match Pin::new(&mut this.stream).poll_read(cx, buf) {
            Poll::Ready(done) => {
                if buf.filled().len() > before {
                    if let Some(answer) = this.read(&buf.filled()[before..]) {
                        // Answered here: hyper would answer an empty 400 and no reason.
                        let _ = this.stream.try_write(&answer);
                        return Poll::Ready(Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            "the request's target is no URL",
                        )));
                    }
                }
                Poll::Ready(done)
            }
            Poll::Pending => this.pending_or_timed_out(cx),
        }
    }
}

impl AsyncWrite for Conn {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        match Pin::new(&mut this.stream).poll_write(cx, data) {
            Poll::Ready(done) => {
                if matches!(done, Ok(n) if n > 0) {
                    this.wrote();
                }
                Poll::Ready(done)
            }
            Poll::Pending => this.pending_or_timed_out(cx),
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
