//! The one table of error codes: every error zanlex reports, through the command line or the
//! server, has a name, an HTTP status, an exit code and a sentence that says what to do. The
//! command line's exit codes and the server's error responses are both read from it.

use serde::Serialize;

/// The kind of an error, as clients and scripts match it: its stable [`ErrorCode::name`]
/// (the server's `error.code`), the [`ErrorCode::http_status`] the server answers with, the
/// [`ErrorCode::exit_code`] the command line exits with, and [`ErrorCode::advice`], what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// A request or argument that cannot be understood: a date that is not one, a target
    /// that is not `ACT_ID#EID`, an unknown language or analyzer.
    BadRequest,
    /// A query that cannot be parsed, or has nothing searchable.
    BadQuery,
    /// No such act, unit, version, language or page.
    NotFound,
    /// A method an endpoint does not take.
    MethodNotAllowed,
    /// An endpoint this client may not use.
    Forbidden,
    /// A request body over the limit.
    TooLarge,
    /// A request sent more slowly than the server waits for: its head or body not in within
    /// the deadline, or below the minimum rate.
    TooSlow,
    /// A query longer than the server takes.
    QueryTooLong,
    /// A page size out of range.
    LimitOutOfRange,
    /// A page past the last hit a search gives.
    OffsetOutOfRange,
    /// A regular expression that cannot be read or compiles too large.
    BadPattern,
    /// The index is held by another zanlex process.
    IndexBusy,
    /// Too many requests are waiting.
    Busy,
    /// A request took longer than the server allows.
    Timeout,
    /// The server is stopping.
    ShuttingDown,
    /// zanlex failed: the index could not be read or written, a file system error.
    Internal,
}

/// One row of [`ErrorCode::TABLE`].
struct Row {
    code: ErrorCode,
    name: &'static str,
    http_status: u16,
    exit_code: u8,
    advice: &'static str,
}

const fn row(
    code: ErrorCode,
    name: &'static str,
    http_status: u16,
    exit_code: u8,
    advice: &'static str,
) -> Row {
    Row {
        code,
        name,
        http_status,
        exit_code,
        advice,
    }
}

/// The table: exit code 2 for what the asker can fix, 1 for what zanlex or its machine failed.
const ROWS: &[Row] = &[
    row(ErrorCode::BadRequest, "bad_request", 400, 2,
        "Fix the value the message names: it says what to write instead."),
    row(ErrorCode::BadQuery, "bad_query", 400, 2,
        "Fix the query as the message says: close quotes and brackets, type at least one word."),
    row(ErrorCode::NotFound, "not_found", 404, 2,
        "Check the id: `zanlex acts` (GET /v1/acts) lists the acts, `zanlex units ACT_ID` an act's units."),
    row(ErrorCode::MethodNotAllowed, "method_not_allowed", 405, 2,
        "Use the method the endpoint takes: /openapi.json lists them."),
    row(ErrorCode::Forbidden, "forbidden", 403, 2,
        "Call the endpoint from the machine zanlex runs on."),
    row(ErrorCode::TooLarge, "too_large", 413, 2,
        "Send a smaller request body; no endpoint takes a large one."),
    row(ErrorCode::TooSlow, "too_slow", 408, 2,
        "Send the whole request at once: the server waits only so long for a request's head and body."),
    row(ErrorCode::QueryTooLong, "query_too_long", 422, 2,
        "Shorten the query."),
    row(ErrorCode::LimitOutOfRange, "limit_out_of_range", 422, 2,
        "Ask for fewer hits per page, within the range the message gives."),
    row(ErrorCode::OffsetOutOfRange, "offset_out_of_range", 422, 2,
        "Narrow the query instead of paging further."),
    row(ErrorCode::BadPattern, "bad_pattern", 400, 2,
        "Fix the regular expression as the message says: the syntax of Rust's `regex` crate (no look-around, no back-references), at most 500 characters, no huge repetitions."),
    row(ErrorCode::IndexBusy, "index_busy", 503, 1,
        "Another zanlex process holds the index: try again when it is done."),
    row(ErrorCode::Busy, "busy", 503, 1,
        "Too many requests are waiting: try again in a moment."),
    row(ErrorCode::Timeout, "timeout", 503, 1,
        "Try a narrower query, or again later."),
    row(ErrorCode::ShuttingDown, "shutting_down", 503, 1,
        "The server is stopping: try again once it is back."),
    row(ErrorCode::Internal, "internal", 500, 1,
        "zanlex failed: read the message (the server's log), and rebuild the index with `zanlex index --force` if it says it is damaged."),
];

impl ErrorCode {
    /// Every code, in the table's order.
    pub const ALL: [ErrorCode; 16] = [
        ErrorCode::BadRequest,
        ErrorCode::BadQuery,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::Forbidden,
        ErrorCode::TooLarge,
        ErrorCode::TooSlow,
        ErrorCode::QueryTooLong,
        ErrorCode::LimitOutOfRange,
        ErrorCode::OffsetOutOfRange,
        ErrorCode::BadPattern,
        ErrorCode::IndexBusy,
        ErrorCode::Busy,
        ErrorCode::Timeout,
        ErrorCode::ShuttingDown,
        ErrorCode::Internal,
    ];

    fn row(self) -> &'static Row {
        ROWS.iter()
            .find(|r| r.code == self)
            .unwrap_or(&ROWS[ROWS.len() - 1])
    }

    /// The stable, machine-readable name: the server's `error.code` (`not_found`, …).
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// The HTTP status the server answers with.
    pub fn http_status(self) -> u16 {
        self.row().http_status
    }

    /// The command line's exit code: 2 for what the asker can fix, 1 for a failure.
    pub fn exit_code(self) -> u8 {
        self.row().exit_code
    }

    /// One sentence that says what to do about an error of this kind.
    pub fn advice(self) -> &'static str {
        self.row().advice
    }

    /// Whether the asker can fix it (a 4xx status, exit code 2).
    pub fn is_bad_request(self) -> bool {
        self.http_status() < 500
    }
}

/// An error as an answer: what the server sends with its status, `{"error": {"code",
/// "message"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Error))]
#[non_exhaustive]
pub struct ErrorAnswer {
    /// The error.
    pub error: ErrorDetail,
}

/// The error of an [`ErrorAnswer`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct ErrorDetail {
    /// Its code in the table.
    pub code: ErrorCode,
    /// What is wrong and how to fix it, in words.
    pub message: String,
    /// For a query that cannot be read: what kind of fault, for a page to word it in its
    /// reader's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<QueryFault>,
}

impl ErrorAnswer {
    /// The answer for an error of kind `code` saying `message`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ErrorAnswer {
            error: ErrorDetail {
                code,
                message: message.into(),
                fault: None,
            },
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn every_code_has_one_row_and_a_unique_name() {
        assert_eq!(super::ROWS.len(), ErrorCode::ALL.len());
        for (code, row) in ErrorCode::ALL.iter().zip(super::ROWS) {
            assert_eq!(*code, row.code);
            let named = super::ROWS.iter().filter(|r| r.name == row.name).count();
            assert_eq!(named, 1, "{}", row.name);
            // The serde name is the table's name.
            assert_eq!(serde_json::to_value(code).unwrap(), row.name);
        }
        assert_eq!(ErrorCode::NotFound.http_status(), 404);
        assert_eq!(ErrorCode::NotFound.exit_code(), 2);
        assert_eq!(ErrorCode::IndexBusy.http_status(), 503);
        assert_eq!(ErrorCode::IndexBusy.exit_code(), 1);
        assert!(!ErrorCode::Internal.is_bad_request());
    }
}

/// What is wrong with a query that cannot be read, for a reader's own words about it: the
/// error's `reason` says it in English, for a developer; a page or a tool words each kind in
/// its reader's language.
///
/// ```
/// let fault = zanlex::QueryFault::UnclosedQuote { at: 1 };
/// assert_eq!(
///     serde_json::to_string(&fault).unwrap(),
///     r#"{"kind":"unclosed_quote","at":1}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum QueryFault {
    /// A quote opened at character `at` (1-based) is never closed.
    UnclosedQuote {
        /// The quote's character, counted from 1.
        at: usize,
    },
    /// A `(` is never closed.
    UnclosedParen,
    /// A `)` closes no `(`.
    UnmatchedParen,
    /// A phrase with no words between its quotes.
    EmptyPhrase,
    /// Parentheses with nothing inside.
    EmptyParens,
    /// An operator (`AND`, `OR`, `NOT`, `+`, `-`) without the word it needs beside it.
    LoneOperator,
    /// Nothing to search: no word, phrase or filter.
    NoWords,
    /// A filter (`kind:`, `date:`, …) whose value is not one it takes.
    BadFilter,
    /// Parentheses or `NOT`s nested too deep.
    TooDeep,
    /// More words and filters than a query may have.
    TooManyWords {
        /// The most a query may have.
        limit: usize,
    },
    /// Anything else the query cannot say (a phrase's `~` without a number, …).
    Other,
}
