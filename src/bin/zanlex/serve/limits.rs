//! What bounds the server's work: reads of the index (bounded as [`crate::served::readers`]
//! says), a page of hits and a request body have a largest size; a request from another
//! site's page is refused.

use super::errors::ApiError;
pub(crate) use crate::served::readers::{Limits, Readers};
use zanlex::ErrorCode;

/// Most acts one page of `/v1/acts` may ask for (and gives when not asked).
pub(crate) const MAX_ACTS_PAGE: usize = 1000;
pub(crate) use crate::served::MAX_BODY_BYTES;

/// Answers 413 to a request whose body is declared larger than [`MAX_BODY_BYTES`] (a body
/// sent without its length is capped by tower-http's limit behind this).
pub(crate) async fn body_limit(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return ApiError::new(ErrorCode::TooLarge, format!(
            "the request body is larger than {MAX_BODY_BYTES} bytes; no endpoint takes one that large"
        ))
        .into_response();
    }
    next.run(req).await
}

/// How long a request's body may take to come in ([`body_deadline`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyPace {
    /// The pace of the connection: its minimum rate and the grace before it counts.
    pub pace: super::conn::Pace,
    /// Longest time from the body's first poll to its end.
    pub whole: std::time::Duration,
}

/// Reads a request's body whole before its handler runs, within a deadline and a minimum rate
/// (as nginx's `client_body_timeout`): a client that sends a body a byte now and then is
/// answered 408 and its connection closed, rather than holding its place while it trickles.
/// The body is at most [`MAX_BODY_BYTES`], so holding it costs little.
pub(crate) async fn body_deadline(
    axum::extract::State(pace): axum::extract::State<BodyPace>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::body::HttpBody;
    use axum::http::header;
    use axum::response::IntoResponse;
    let has_body = req.headers().contains_key(header::TRANSFER_ENCODING)
        || req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim() != "0");
    if !has_body {
        return next.run(req).await;
    }
    let (parts, mut body) = req.into_parts();
    let start = tokio::time::Instant::now();
    let mut data: Vec<u8> = Vec::new();
    loop {
        let due = pace.pace.deadline(start, data.len() as u64, pace.whole);
        let frame = std::future::poll_fn(|cx| std::pin::Pin::new(&mut body).poll_frame(cx));
        match tokio::time::timeout_at(due, frame).await {
            Err(_) => {
                let mut res = ApiError::new(
                    ErrorCode::TooSlow,
                    format!(
                        "the request body came too slowly ({} bytes in {} ms); send it at once",
                        data.len(),
                        start.elapsed().as_millis()
                    ),
                )
                .into_response();
                // The rest of the body is not read: the connection cannot serve another.
                res.headers_mut().insert(
                    header::CONNECTION,
                    axum::http::HeaderValue::from_static("close"),
                );
                return res;
            }
            Ok(None) => break,
            Ok(Some(Ok(frame))) => {
                if let Ok(chunk) = frame.into_data() {
                    if data.len() + chunk.len() > MAX_BODY_BYTES {
                        return ApiError::new(
                            ErrorCode::TooLarge,
                            format!(
                                "the request body is larger than {MAX_BODY_BYTES} bytes; no endpoint takes one that large"
                            ),
                        )
                        .into_response();
                    }
                    data.extend_from_slice(&chunk);
                }
            }
            Ok(Some(Err(e))) => {
                return ApiError::new(
                    ErrorCode::BadRequest,
                    format!("the request body could not be read: {e}"),
                )
                .into_response();
            }
        }
    }
    next.run(axum::extract::Request::from_parts(
        parts,
        axum::body::Body::from(data),
    ))
    .await
}

/// Refuses what a page of another site could make a browser send:
/// - on a server that listens on a loopback address, a request whose `Host` is not a loopback
///   name (a site whose name was pointed at this machine, "DNS rebinding", reads nothing);
/// - a write (`POST`) that a page of another origin sent (its `Origin` is not this server's).
pub(crate) async fn same_host(
    axum::extract::State(local): axum::extract::State<std::net::SocketAddr>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{header, Method};
    use axum::response::IntoResponse;
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase);
    if local.ip().is_loopback() {
        if let Some(host) = &host {
            let name = host_name(host);
            let loopback = matches!(name, "localhost" | "127.0.0.1" | "[::1]")
                || name
                    .trim_matches(['[', ']'])
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback());
            if !loopback {
                return ApiError::new(
                    ErrorCode::Forbidden,
                    format!(
                        "Host {host:?} is not this server's: it answers only on this machine's own names (localhost, 127.0.0.1)"
                    ),
                )
                .into_response();
            }
        }
    }
    let write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if write {
        let origin = req
            .headers()
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase);
        if let Some(origin) = origin {
            let own = host.as_deref().is_some_and(|h| {
                origin
                    .strip_prefix("http://")
                    .or_else(|| origin.strip_prefix("https://"))
                    == Some(h)
            });
            if !own {
                return ApiError::new(
                    ErrorCode::Forbidden,
                    format!("a change is taken only from zanlex's own page, not from {origin:?}"),
                )
                .into_response();
            }
        }
    }
    next.run(req).await
}

/// The name in a `Host` value, without its port (`[::1]:8080` → `[::1]`).
fn host_name(host: &str) -> &str {
    if host.starts_with('[') {
        return host.split_inclusive(']').next().unwrap_or(host);
    }
    host.rsplit_once(':').map_or(host, |(name, _)| name)
}
