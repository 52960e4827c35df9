//! The errors of the served index, as the HTTP API and the MCP tools answer them: a code in
//! zanlex's table of error codes and a message. Messages are the ones the command line prints
//! for the same mistake, less what only the server's operator may see: no message names a
//! folder of the server.

use zanlex::ErrorCode;

/// An error answered to a request: its code in zanlex's table of error codes gives its
/// status and its `error.code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    /// The entry of the table of error codes.
    pub code: ErrorCode,
    /// What is wrong and how to fix it, in words.
    pub message: String,
    /// Seconds after which the request may be tried again (503 only).
    pub retry_after: Option<u64>,
    /// For a query that cannot be read: what kind of fault, which the page words in its
    /// reader's language (the message is English, for developers).
    pub fault: Option<zanlex::QueryFault>,
}

impl ApiError {
    /// An error of kind `code`, saying `message`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            retry_after: None,
            fault: None,
        }
    }

    /// 400: a request that cannot be understood (a malformed parameter, a date that is not
    /// one).
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::BadRequest, message)
    }

    /// 404: no such act, unit, version or page.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    /// 503: the server cannot answer now (searches queued to the limit, a search past its
    /// time, an index refresh in progress); try again after `retry_after` seconds.
    pub fn unavailable(code: ErrorCode, message: impl Into<String>, retry_after: u64) -> Self {
        let mut e = Self::new(code, message);
        e.retry_after = Some(retry_after);
        e
    }

    /// 500: zanlex failed (a damaged index, an I/O error).
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }
}

impl From<zanlex::Error> for ApiError {
    /// The library's error under its code in the table of error codes (a bad query or
    /// argument is the client's, an unknown act, unit or version a 404, a lock another
    /// process holds a 503, anything else the server's).
    ///
    /// A message says what was asked for and why it failed, never where the server keeps its
    /// files: the client's errors are worded without the index folder, and the server's own
    /// failures get a fixed message while the whole error goes to the server's log. (The
    /// response then hides the served folders from any message, as a last guard.)
    fn from(err: zanlex::Error) -> Self {
        let code = err.code();
        match &err {
            zanlex::Error::UnknownUnit { act, eid } => ApiError::not_found(format!(
                "act {act} has no unit {eid:?}; GET /v1/acts/{act} lists its units"
            )),
            zanlex::Error::Locked { .. } => {
                log(&err);
                ApiError::unavailable(
                    code,
                    "the index is held by another zanlex process (a refresh or `zanlex index`); \
                     try again in a moment",
                    2,
                )
            }
            zanlex::Error::Damaged { .. } => internal_logged(
                &err,
                "the index is damaged; the server's operator must rebuild it (`zanlex index --force`)",
            ),
            zanlex::Error::Query { fault, .. } => {
                let mut e = ApiError::new(code, err.to_string());
                e.fault = Some(*fault);
                e
            }
            _ if code.is_bad_request() => ApiError::new(code, err.to_string()),
            _ => internal_logged(&err, "the index could not be read or written"),
        }
    }
}

impl From<anyhow::Error> for ApiError {
    /// The library's error in `err`'s chain as [`From<zanlex::Error>`] says; anything else is
    /// the server's own failure (500).
    fn from(err: anyhow::Error) -> Self {
        match err.downcast::<zanlex::Error>() {
            Ok(lib) => lib.into(),
            Err(err) => internal_logged(err.as_ref(), "the request failed"),
        }
    }
}

/// Writes a server-side failure whole to the server's log (stderr), with its sources.
fn log(err: &dyn std::error::Error) {
    let mut line = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        line.push_str(&format!(": {s}"));
        source = s.source();
    }
    eprintln!(
        "zanlex: a request failed: {}",
        crate::common::terminal_safe(&line)
    );
}

/// A 500 with a fixed `message`; the error itself goes to the server's log.
fn internal_logged(err: &(dyn std::error::Error + 'static), message: &str) -> ApiError {
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
pub(crate) fn hide_paths(message: &str) -> String {
    let mut out = message.to_string();
    for (dir, name) in HIDDEN.get().map(Vec::as_slice).unwrap_or_default() {
        if out.contains(dir.as_str()) {
            out = out.replace(dir.as_str(), name);
        }
    }
    out
}

/// The files a refresh could not index, as the API shows them: the served folders hidden
/// ([`hide_folders`]), and every other absolute path (a file or folder outside them, where a
/// link of the corpus leads) named by its last component alone, in the list and in the
/// reasons, so that no answer maps the server's disk.
pub(crate) fn shown_failures(failures: &[(String, String)]) -> Vec<(String, String)> {
    failures
        .iter()
        .map(|(file, reason)| (outside_paths_hidden(file), outside_paths_hidden(reason)))
        .collect()
}

/// `text` with the served folders hidden and each other absolute path cut to its last
/// component, as `<outside the corpus>/NAME`.
pub(crate) fn outside_paths_hidden(text: &str) -> String {
    static PATH: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let hidden = hide_paths(text);
    let Some(path) = PATH
        .get_or_init(|| regex::Regex::new(r"(^|[\s(])(/[^\s,()]*)").ok())
        .as_ref()
    else {
        return hidden;
    };
    path.replace_all(&hidden, |c: &regex::Captures<'_>| {
        let full = c.get(2).map_or("", |m| m.as_str());
        let name = full.rsplit('/').find(|p| !p.is_empty()).unwrap_or("");
        format!("{}<outside the corpus>/{name}", &c[1])
    })
    .into_owned()
}
