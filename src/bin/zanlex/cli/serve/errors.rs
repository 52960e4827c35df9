//! The API's errors: one JSON shape, `{"error": {"code", "message"}}`, with the status that
//! says whose fault it is. Messages are the ones the command line prints for the same mistake,
//! less what only the server's operator may see: no message names a folder of the server.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// An error answered to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// A stable, machine-readable code (`bad_query`, `not_found`, …).
    pub code: &'static str,
    /// What is wrong and how to fix it, in words.
    pub message: String,
    /// Seconds after which the request may be tried again (503 only).
    pub retry_after: Option<u64>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    /// 400: a request that cannot be understood (a malformed query, a date that is not one).
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 404: no such act, unit, version or page.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 413: a request body over the limit.
    pub fn too_large(message: impl Into<String>) -> Self {
        Self::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", message)
    }

    /// 422: a request understood but outside the server's limits (a query too long, a page
    /// too deep).
    pub fn unprocessable(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
    }

    /// 503: the server cannot answer now (searches queued to the limit, a search past its
    /// time, an index refresh in progress); try again after `retry_after` seconds.
    pub fn unavailable(code: &'static str, message: impl Into<String>, retry_after: u64) -> Self {
        let mut e = Self::new(StatusCode::SERVICE_UNAVAILABLE, code, message);
        e.retry_after = Some(retry_after);
        e
    }

    /// 403: an endpoint this client may not use.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    /// 500: zanlex failed (a damaged index, an I/O error).
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
}

impl From<anyhow::Error> for ApiError {
    /// Sorts a library or command-line error as the command line does for its exit code: a
    /// bad query or bad usage is the client's (400), an unknown act, unit or version is a
    /// 404, a lock another process holds is a 503, anything else is the server's (500).
    ///
    /// A message says what was asked for and why it failed, never where the server keeps its
    /// files: the client's errors are worded without the index folder, and the server's own
    /// failures get a fixed message while the whole error goes to the server's log. (The
    /// response then hides the served folders from any message, as a last guard.)
    fn from(err: anyhow::Error) -> Self {
        let Some(lib) = err.chain().find_map(|e| e.downcast_ref::<zanlex::Error>()) else {
            if err.downcast_ref::<crate::cli::UsageError>().is_some() {
                return ApiError::bad_request("bad_request", format!("{err:#}"));
            }
            return internal_logged(&err, "the request failed");
        };
        match lib {
            zanlex::Error::Query { .. } => {
                ApiError::bad_request("bad_query", format!("{err:#}"))
            }
            zanlex::Error::UnknownAct {
                id,
                suggestions,
                acts,
                ..
            } => ApiError::not_found(unknown_act(id, suggestions, *acts)),
            zanlex::Error::UnknownUnit { act, eid } => ApiError::not_found(format!(
                "act {act} has no unit {eid:?}; GET /v1/acts/{act} lists its units"
            )),
            zanlex::Error::NoExpression { .. }
            | zanlex::Error::UnknownVersion { .. }
            | zanlex::Error::NotFound(_) => ApiError::not_found(lib.to_string()),
            zanlex::Error::UnknownAnalyzer { .. } => {
                ApiError::bad_request("bad_request", lib.to_string())
            }
            zanlex::Error::Locked { .. } => {
                log(&err);
                ApiError::unavailable(
                    "index_busy",
                    "the index is held by another zanlex process (a refresh or `zanlex index`); \
                     try again in a moment",
                    2,
                )
            }
            zanlex::Error::Damaged { .. } => internal_logged(
                &err,
                "the index is damaged; the server's operator must rebuild it (`zanlex index --force`)",
            ),
            _ => internal_logged(&err, "the index could not be read or written"),
        }
    }
}

/// The 404 message for an act id the index does not have: the nearest ids, without the
/// index folder the command line names.
fn unknown_act(id: &str, suggestions: &[String], acts: usize) -> String {
    if suggestions.is_empty() {
        format!("no act with id {id:?}; GET /v1/acts lists the {acts} acts served")
    } else {
        format!(
            "no act with id {id:?}; did you mean: {}? (GET /v1/acts lists all {acts})",
            suggestions.join(", ")
        )
    }
}

/// Writes a server-side failure whole to the server's log (stderr).
fn log(err: &anyhow::Error) {
    eprintln!(
        "zanlex: a request failed: {}",
        crate::cli::terminal_safe(&format!("{err:#}"))
    );
}

/// A 500 with a fixed `message`; the error itself goes to the server's log.
fn internal_logged(err: &anyhow::Error, message: &str) -> ApiError {
    log(err);
    ApiError::internal(format!("{message}; the server's log has the details"))
}

/// The folders the server reads (the corpus and the index, as given and absolute), which no
/// message may name: set once when the server starts.
static HIDDEN: std::sync::OnceLock<Vec<(String, &'static str)>> = std::sync::OnceLock::new();

/// Keeps the corpus and index folders out of messages: each is written `<corpus>` or
/// `<index>` instead. The folders are set once, when the server starts.
pub(crate) fn hide_folders(corpus: &std::path::Path, index: &std::path::Path) {
    let mut hidden = Vec::new();
    for (dir, name) in [(index, "<index>"), (corpus, "<corpus>")] {
        let mut forms = vec![dir.to_path_buf()];
        if let Ok(abs) = std::path::absolute(dir) {
            forms.push(abs);
        }
        if let Ok(canon) = dir.canonicalize() {
            forms.push(canon);
        }
        for f in forms {
            let f = f.to_string_lossy().trim_end_matches('/').to_string();
            // A relative folder (`index`) is a word as well as a folder: only absolute ones
            // are replaced, and only those that are more than the root.
            if f.starts_with('/') && f.len() > 1 && !hidden.iter().any(|(h, _)| *h == f) {
                hidden.push((f, name));
            }
        }
    }
    // The longest first, so that a folder inside another is replaced whole.
    hidden.sort_by_key(|h| std::cmp::Reverse(h.0.len()));
    let _ = HIDDEN.set(hidden);
}

/// `message` with the served folders hidden (see [`hide_folders`]).
fn hide_paths(message: &str) -> String {
    let mut out = message.to_string();
    for (dir, name) in HIDDEN.get().map(Vec::as_slice).unwrap_or_default() {
        if out.contains(dir.as_str()) {
            out = out.replace(dir.as_str(), name);
        }
    }
    out
}

impl From<zanlex::Error> for ApiError {
    fn from(err: zanlex::Error) -> Self {
        anyhow::Error::from(err).into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // A last guard: whatever built the message, the server's folders stay out of it.
        let body = serde_json::json!({
            "error": { "code": self.code, "message": hide_paths(&self.message) }
        });
        let mut res = (self.status, axum::Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

/// The answer to a path no route has.
pub(crate) async fn no_route(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!(
        "no page or endpoint at {}; see /openapi.json",
        uri.path()
    ))
}

/// The answer to a method a route does not take.
pub(crate) async fn wrong_method(method: axum::http::Method) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{method} is not taken here; see /openapi.json"),
    )
}
