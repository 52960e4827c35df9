//! The stdio transport of `zanlex mcp`: one JSON-RPC message a line each way, with what rmcp's
//! own stdio transport leaves out for a caller that must never hang:
//! - a line that is not JSON is answered with a JSON-RPC parse error (-32700), and one that is
//!   JSON but no message with an invalid-request error (-32600, with its id when it has one),
//!   rather than dropped without a word;
//! - a line longer than [`MAX_LINE_BYTES`] is never held in memory: it is read past and
//!   answered with an invalid-request error;
//! - requests are taken from stdin only while fewer than a bound are unanswered: a client that
//!   pipelines a thousand calls has them queued (the pipe holds the rest) and answered in turn,
//!   not refused as too many.

use rmcp::model::{ErrorData, JsonRpcMessage, RequestId};
use rmcp::service::{RxJsonRpcMessage, TxJsonRpcMessage};
use rmcp::RoleServer;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::{mpsc, OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// Longest message line read, in bytes (a tool call is a few hundred).
pub(crate) const MAX_LINE_BYTES: usize = 1 << 20;

/// Unanswered requests whose answers are awaited for at most this long past the tool time
/// limit before their place in the bound is given to the next (a request the client
/// cancelled gets no answer).
const FORGOTTEN_AFTER: Duration = Duration::from_secs(10);

type Out = Arc<tokio::sync::Mutex<Box<dyn AsyncWrite + Send + Unpin>>>;

/// The requests read and not yet answered, each holding a place in the bound.
struct InFlight {
    places: Arc<Semaphore>,
    held: Mutex<HashMap<String, (OwnedSemaphorePermit, Instant)>>,
    /// After how long an unanswered request's place is given back.
    forget: Duration,
}

impl InFlight {
    fn held(&self) -> std::sync::MutexGuard<'_, HashMap<String, (OwnedSemaphorePermit, Instant)>> {
        self.held.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits for a place for the request `id`; places of requests unanswered past
    /// [`InFlight::forget`] are given back meanwhile.
    async fn admit(&self, id: String) {
        loop {
            let acquire = Arc::clone(&self.places).acquire_owned();
            match tokio::time::timeout(Duration::from_secs(1), acquire).await {
                Ok(Ok(permit)) => {
                    self.held().insert(id, (permit, Instant::now()));
                    return;
                }
                // Never closed.
                Ok(Err(_)) => return,
                Err(_) => {
                    let now = Instant::now();
                    self.held()
                        .retain(|_, (_, since)| now.duration_since(*since) < self.forget);
                }
            }
        }
    }

    /// The request `id` was answered: its place is free.
    fn answered(&self, id: &str) {
        self.held().remove(id);
    }
}

/// The transport over `read` and `write` (stdin and stdout): at most `bound` requests
/// unanswered at once, each awaited `timeout` before its place is given back.
pub(crate) struct LineTransport {
    incoming: mpsc::Receiver<RxJsonRpcMessage<RoleServer>>,
    out: Out,
    in_flight: Arc<InFlight>,
}

impl LineTransport {
    pub(crate) fn new(
        read: impl AsyncBufRead + Send + Unpin + 'static,
        write: impl AsyncWrite + Send + Unpin + 'static,
        bound: usize,
        timeout: Duration,
    ) -> Self {
        let out: Out = Arc::new(tokio::sync::Mutex::new(Box::new(write)));
        let in_flight = Arc::new(InFlight {
            places: Arc::new(Semaphore::new(bound.max(1))),
            held: Mutex::new(HashMap::new()),
            forget: timeout + FORGOTTEN_AFTER,
        });
        let (tx, incoming) = mpsc::channel(16);
        tokio::spawn(read_lines(
            read,
            tx,
            Arc::clone(&out),
            Arc::clone(&in_flight),
        ));
        LineTransport {
            incoming,
            out,
            in_flight,
        }
    }
}

/// The key of a request id in [`InFlight`]: its JSON (`1` and `"1"` are two ids).
fn id_key(id: &serde_json::Value) -> String {
    id.to_string()
}

/// Writes `message` as one line to `out`.
async fn write_line(out: &Out, message: &impl serde::Serialize) -> std::io::Result<()> {
    let mut line = serde_json::to_vec(message).map_err(std::io::Error::other)?;
    line.push(b'\n');
    let mut out = out.lock().await;
    out.write_all(&line).await?;
    out.flush().await
}

/// An error answer with `id` (none when the line did not say one).
fn error_message(error: ErrorData, id: Option<RequestId>) -> TxJsonRpcMessage<RoleServer> {
    TxJsonRpcMessage::<RoleServer>::error(error, id)
}

/// One line read: a whole line (without its end), one longer than the bound (read past), or
/// the end of the input.
enum Line {
    Whole(Vec<u8>),
    TooLong,
    End,
}

/// Reads one line of at most [`MAX_LINE_BYTES`], never holding more.
async fn next_line(read: &mut (impl AsyncBufRead + Unpin)) -> std::io::Result<Line> {
    let mut line = Vec::new();
    let mut too_long = false;
    loop {
        let buf = read.fill_buf().await?;
        if buf.is_empty() {
            return Ok(match (too_long, line.is_empty()) {
                (true, _) => Line::TooLong,
                // The last line without its end is a line.
                (false, false) => Line::Whole(line),
                (false, true) => Line::End,
            });
        }
        let (chunk, done) = match memchr::memchr(b'\n', buf) {
            Some(at) => (&buf[..at], Some(at + 1)),
            None => (buf, None),
        };
        if !too_long {
            if line.len() + chunk.len() > MAX_LINE_BYTES {
                too_long = true;
                line = Vec::new();
            } else {
                line.extend_from_slice(chunk);
            }
        }
        let used = done.unwrap_or(buf.len());
        read.consume(used);
        if done.is_some() {
            return Ok(if too_long {
                Line::TooLong
            } else {
                Line::Whole(line)
            });
        }
    }
}

/// Reads messages from `read` until it ends: each message to `tx`, each request once it has a
/// place ([`InFlight::admit`]), each line that is no message answered on `out` with its error.
async fn read_lines(
    mut read: impl AsyncBufRead + Send + Unpin,
    tx: mpsc::Sender<RxJsonRpcMessage<RoleServer>>,
    out: Out,
    in_flight: Arc<InFlight>,
) {
    loop {
        let line = match next_line(&mut read).await {
            Ok(Line::Whole(line)) => line,
            Ok(Line::TooLong) => {
                let error = ErrorData::invalid_request(
                    format!("the message is longer than {MAX_LINE_BYTES} bytes; it was not read"),
                    None,
                );
                if write_line(&out, &error_message(error, None)).await.is_err() {
                    return;
                }
                continue;
            }
            Ok(Line::End) => return,
            Err(e) => {
                eprintln!("zanlex: mcp: reading stdin failed: {e}");
                return;
            }
        };
        let line = line.strip_suffix(b"\r").unwrap_or(&line);
        let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_slice(line) {
            Ok(v) => v,
            Err(e) => {
                let error = ErrorData::parse_error(format!("the line is not JSON: {e}"), None);
                if write_line(&out, &error_message(error, None)).await.is_err() {
                    return;
                }
                continue;
            }
        };
        let id = value.get("id").cloned();
        let is_request = value.get("method").is_some() && id.is_some();
        let message = match serde_json::from_value::<RxJsonRpcMessage<RoleServer>>(value.clone()) {
            Ok(m) => m,
            // A notification nobody knows needs no answer (JSON-RPC answers none).
            Err(_) if value.get("method").is_some() && id.is_none() => continue,
            Err(e) => {
                let id = id.and_then(|id| serde_json::from_value::<RequestId>(id).ok());
                let error = ErrorData::invalid_request(
                    format!("the line is not a JSON-RPC message of MCP: {e}"),
                    None,
                );
                if write_line(&out, &error_message(error, id)).await.is_err() {
                    return;
                }
                continue;
            }
        };
        if let (true, Some(id)) = (is_request, &id) {
            in_flight.admit(id_key(id)).await;
        }
        if tx.send(message).await.is_err() {
            return;
        }
    }
}

impl rmcp::transport::Transport<RoleServer> for LineTransport {
    type Error = std::io::Error;

    fn send(
        &mut self,
        item: TxJsonRpcMessage<RoleServer>,
    ) -> impl std::future::Future<Output = Result<(), Self::Error>> + Send + 'static {
        let out = Arc::clone(&self.out);
        let in_flight = Arc::clone(&self.in_flight);
        async move {
            let answered = match &item {
                JsonRpcMessage::Response(r) => Some(serde_json::to_value(&r.id)),
                JsonRpcMessage::Error(e) => e.id.as_ref().map(serde_json::to_value),
                _ => None,
            };
            write_line(&out, &item).await?;
            if let Some(Ok(id)) = answered {
                in_flight.answered(&id_key(&id));
            }
            Ok(())
        }
    }

    fn receive(
        &mut self,
    ) -> impl std::future::Future<Output = Option<RxJsonRpcMessage<RoleServer>>> + Send {
        self.incoming.recv()
    }

    async fn close(&mut self) -> Result<(), Self::Error> {
        self.incoming.close();
        self.out.lock().await.flush().await
    }
}
