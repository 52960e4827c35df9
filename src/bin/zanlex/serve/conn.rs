//! The server's connections: at most a number at once, below the process's limit on open
//! files, so that a flood of held-open connections leaves the index the files it reads; and
//! each closed when nothing has been read from or written to it for a while, so that a
//! half-sent request or an idle keep-alive holds its place for a bounded time only. Clients past
//! the limit wait in the system's queue of pending connections until a place frees up.

use axum::extract::connect_info::Connected;
use axum::serve::IncomingStream;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};

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

/// A listener that accepts a connection only while fewer than its limit are open.
pub(crate) struct Bounded {
    listener: TcpListener,
    places: Arc<Semaphore>,
    idle: Duration,
}

impl Bounded {
    /// Accepts from `listener` at most `max` connections at once, each closed after `idle`
    /// without a byte read or written.
    pub(crate) fn new(listener: TcpListener, max: usize, idle: Duration) -> Self {
        Bounded {
            listener,
            places: Arc::new(Semaphore::new(max.max(1))),
            idle,
        }
    }
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
                    let _ = stream.set_nodelay(true);
                    return (Conn::new(stream, place, self.idle), peer);
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

/// A connection that fails with [`io::ErrorKind::TimedOut`] once `idle` has passed without a
/// byte read or written, and frees its place when dropped.
pub(crate) struct Conn {
    stream: TcpStream,
    _place: OwnedSemaphorePermit,
    idle: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl Conn {
    fn new(stream: TcpStream, place: OwnedSemaphorePermit, idle: Duration) -> Self {
        Conn {
            stream,
            _place: place,
            idle,
            deadline: Box::pin(tokio::time::sleep(idle)),
        }
    }

    fn active(&mut self) {
        self.deadline.as_mut().reset(Instant::now() + self.idle);
    }

    /// `Pending`, unless the connection has been idle too long.
    fn pending_or_timed_out<T>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<T>> {
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the connection sent and received nothing for too long",
            ))),
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
                    this.active();
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
                    this.active();
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
