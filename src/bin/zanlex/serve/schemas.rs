//! The pieces of the OpenAPI document that the handlers name in their `#[utoipa::path]` and
//! query structs (the document itself is assembled in [`super::openapi`]): each endpoint's
//! error responses, built from the table of error codes, and the schema of each query
//! parameter's value.

use std::collections::BTreeMap;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{
    AnyOfBuilder, KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type,
};
use utoipa::openapi::{ContentBuilder, Ref, RefOr};
use utoipa::{IntoResponses, PartialSchema, ToSchema};
use zanlex::ErrorCode;

/// The error responses of an endpoint: the codes it may answer, grouped by their HTTP status,
/// each status described by its codes and what to do about them, all with the one error shape.
fn error_responses(codes: &[ErrorCode]) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<ErrorCode>> = BTreeMap::new();
    for &code in codes {
        by_status.entry(code.http_status()).or_default().push(code);
    }
    by_status
        .into_iter()
        .map(|(status, codes)| {
            let description = codes
                .iter()
                .map(|c| format!("`{}`: {}", c.name(), c.advice()))
                .collect::<Vec<_>>()
                .join(" ");
            let schema = Ref::from_schema_name(<zanlex::ErrorAnswer as ToSchema>::name());
            let mut response = ResponseBuilder::new().description(description).content(
                "application/json",
                ContentBuilder::new().schema(Some(schema)).build(),
            );
            if status == 503 {
                response = response.header(
                    "Retry-After",
                    HeaderBuilder::new()
                        .schema(Some(ObjectBuilder::new().schema_type(Type::Integer)))
                        .description(Some("Seconds after which to try again"))
                        .build(),
                );
            }
            (status.to_string(), RefOr::T(response.build()))
        })
        .collect()
}

/// What any read of the index may fail with: the server busy, out of time or stopping, the
/// index held by another process, or zanlex failing.
const READ_FAILURES: [ErrorCode; 5] = [
    ErrorCode::Busy,
    ErrorCode::Timeout,
    ErrorCode::ShuttingDown,
    ErrorCode::IndexBusy,
    ErrorCode::Internal,
];

/// An endpoint's error responses, a type its `#[utoipa::path]` names: the codes it may answer
/// in the order its document lists them, then those of a shared list (`+ READ_FAILURES`).
macro_rules! errors {
    ($(#[$doc:meta])* $name:ident: [$($code:ident),* $(,)?] $(+ $shared:ident)?) => {
        $(#[$doc])*
        pub(crate) struct $name;

        impl IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                let codes: Vec<ErrorCode> = [$(ErrorCode::$code),*]
                    .into_iter()
                    $(.chain($shared))?
                    .collect();
                error_responses(&codes)
            }
        }
    };
}

errors! {
    /// The errors of `/v1/search`: a malformed parameter or query, an unknown act to search in,
    /// a query or page outside the server's limits, and [`READ_FAILURES`].
    SearchErrors: [
        BadRequest,
        BadQuery,
        NotFound,
        QueryTooLong,
        LimitOutOfRange,
        OffsetOutOfRange,
    ] + READ_FAILURES
}

errors! {
    /// The errors of `/v1/acts`: a malformed parameter, a page size out of range, and
    /// [`READ_FAILURES`].
    ActsErrors: [BadRequest, LimitOutOfRange] + READ_FAILURES
}

errors! {
    /// The errors of the endpoints under `/v1/acts/{id}`: a malformed parameter, no such act,
    /// unit or version, and [`READ_FAILURES`].
    ReadErrors: [BadRequest, NotFound] + READ_FAILURES
}

errors! {
    /// The errors of an act or a unit read with its highlights (`q`): [`ReadErrors`], and a
    /// query that cannot be read or is too long.
    MarkedReadErrors: [BadRequest, BadQuery, NotFound, QueryTooLong] + READ_FAILURES
}

errors! {
    /// The errors of `/v1/reindex`: a caller other than the machine itself, a body over the
    /// limit, the index held by another process, the server stopping, or the refresh failing.
    ReindexErrors: [Forbidden, TooLarge, TooSlow, IndexBusy, ShuttingDown, Internal]
}

errors! {
    /// The errors of `/v1/amended-by`: a malformed parameter or act name, an id the index
    /// lacks, a name longer than a query may be, and [`READ_FAILURES`].
    AmendedByErrors: [BadRequest, NotFound, QueryTooLong] + READ_FAILURES
}

errors! {
    /// The errors of `/v1/grep`: a malformed parameter, a pattern that cannot be read or is too
    /// large, an unknown act, and [`READ_FAILURES`].
    GrepErrors: [BadRequest, BadPattern, NotFound] + READ_FAILURES
}

// The schemas of the query parameters, inlined in each parameter (`value_type = …, inline`).
// The parameters are read as text, so that a wrong value gets zanlex's own message; these say
// what the server takes, an empty value included where the server reads it as not given (the
// page's forms send empty fields).

/// A parameter's schema, a type a handler's `value_type` names: the schema its expression
/// builds.
macro_rules! param {
    ($(#[$doc:meta])* $name:ident => $schema:expr) => {
        $(#[$doc])*
        pub(crate) struct $name;

        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                $schema.into()
            }
        }

        impl ToSchema for $name {}
    };
}

/// Text that is one of `values`.
fn one_of(values: &[&str]) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values.iter().copied()))
}

/// Text of `min` to `max` characters.
fn text(min: Option<usize>, max: Option<usize>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .min_length(min)
        .max_length(max)
}

/// A whole number as a query parameter reads it: `min` to `max` (no bound above when none), its
/// default, or empty for that default (as a form sends an empty field).
fn number_or_empty(min: u64, max: Option<usize>, default: usize) -> AnyOfBuilder {
    AnyOfBuilder::new()
        .item(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(min))
                .maximum(max.map(|max| max as u64))
                .default(Some(default.into())),
        )
        .item(text(None, Some(0)))
}

/// The number of items on a page: 1 to `max`, or empty for `default`.
fn page_size(max: usize, default: usize) -> AnyOfBuilder {
    number_or_empty(1, Some(max), default)
}

param! {
    /// A language, or empty for the default: `kk` or `ru`.
    LangParam => one_of(&["kk", "ru", ""])
}

param! {
    /// A date, `YYYY-MM-DD`, or empty for none.
    DateParam => AnyOfBuilder::new()
        .item(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date))),
        )
        .item(text(None, Some(0)))
}

param! {
    /// The format of a downloaded act: `md` (Markdown) or `txt` (plain text), or empty for
    /// `md`.
    FileFormatParam => one_of(&["md", "txt", ""])
}

param! {
    /// A yes-or-no flag: `true`/`1`, `false`/`0`, or empty for no.
    FlagParam => one_of(&["true", "false", "1", "0", ""]).default(Some("false".into()))
}

param! {
    /// Hits on a search's page: 1 to [`zanlex::pages::MAX_SERVER_SEARCH_PAGE`], or empty for
    /// the default.
    SearchLimitParam => page_size(zanlex::pages::MAX_SERVER_SEARCH_PAGE, zanlex::DEFAULT_LIMIT)
}

param! {
    /// Acts on a page of `/v1/acts`: 1 to [`super::limits::MAX_ACTS_PAGE`], or empty for the
    /// default.
    ActsLimitParam => page_size(super::limits::MAX_ACTS_PAGE, super::limits::MAX_ACTS_PAGE)
}

param! {
    /// Changes on a page of `/v1/changes`: 1 to [`zanlex::pages::MAX_RECENT_PAGE`], or empty
    /// for the default.
    ChangesLimitParam => page_size(
        zanlex::pages::MAX_RECENT_PAGE,
        zanlex::pages::DEFAULT_RECENT_PAGE,
    )
}

param! {
    /// Entries on a page of a history, a list of references or a diff: 1 to
    /// [`zanlex::pages::MAX_SERVER_LIST_PAGE`], or empty for as many (the answer's size cuts it
    /// first).
    ListLimitParam => page_size(
        zanlex::pages::Budget::SERVER.max_list_page,
        zanlex::pages::Budget::SERVER.list_page,
    )
}

param! {
    /// Units on a page of `/v1/acts/{id}/wording`: 1 to [`zanlex::pages::MAX_WORDING_PAGE`], or
    /// empty for the default.
    WordingLimitParam => page_size(
        zanlex::pages::MAX_WORDING_PAGE,
        zanlex::pages::DEFAULT_WORDING_PAGE,
    )
}

param! {
    /// Provisions on a page of `/v1/amended-by`: 1 to [`zanlex::pages::MAX_AMENDED_BY_PAGE`],
    /// or empty for the default.
    AmendedByLimitParam => page_size(
        zanlex::pages::MAX_AMENDED_BY_PAGE,
        zanlex::pages::DEFAULT_AMENDED_BY_PAGE,
    )
}

param! {
    /// Units on a page of `/v1/grep`: 1 to [`zanlex::pages::MAX_GREP_PAGE`], or empty for the
    /// default.
    GrepLimitParam => page_size(zanlex::pages::MAX_GREP_PAGE, zanlex::pages::DEFAULT_GREP_PAGE)
}

param! {
    /// Matching units a `grep` counts: 1 to [`zanlex::pages::MAX_GREP_BOUND`], or empty for the
    /// default.
    GrepBoundParam => page_size(zanlex::pages::MAX_GREP_BOUND, zanlex::pages::DEFAULT_GREP_BOUND)
}

param! {
    /// Items before a page, or empty for none.
    OffsetParam => number_or_empty(0, None, 0)
}

param! {
    /// How many matches a search counts exactly, or empty for the default.
    TotalBoundParam => number_or_empty(0, None, zanlex::DEFAULT_TOTAL_BOUND)
}

param! {
    /// A query: at most [`zanlex::MAX_QUERY_CHARS`] characters.
    QueryParam => text(Some(1), Some(zanlex::MAX_QUERY_CHARS))
}

param! {
    /// Words to mark in a text: at most [`zanlex::MAX_QUERY_CHARS`] characters, or empty for
    /// none.
    MarkParam => text(None, Some(zanlex::MAX_QUERY_CHARS))
}

param! {
    /// An edition to compare: its id or a date, never empty (an empty one is missing).
    EditionParam => text(Some(1), None).pattern(Some(r"\S"))
}

param! {
    /// A `grep`'s pattern: 1 to [`zanlex::pages::MAX_PATTERN_CHARS`] characters.
    PatternParam => text(Some(1), Some(zanlex::pages::MAX_PATTERN_CHARS))
}

// The path parameters and the phrase of the two reads whose values are most often refused:
// what the server takes, with an example from the bundled corpus, so that a client generating
// requests from the document (Schemathesis) sends mostly ones it answers.

/// An act of the bundled corpus, the examples' act.
const EXAMPLE_ACT: &str = "mfa-order-2018-01-04-11-1-4-1";

/// An act id: lowercase ASCII letters and digits in words joined by `-`, as ingest makes them
/// (`mfa-order-2018-01-04-11-1-4-1`).
fn act_id() -> ObjectBuilder {
    text(Some(1), None)
        .pattern(Some("^[a-z0-9]+(-[a-z0-9]+)*$"))
        .examples([EXAMPLE_ACT])
}

/// A unit id: no space in it (`att_1__para_3`).
fn unit_id() -> ObjectBuilder {
    text(Some(1), None)
        .pattern(Some(r"^\S+$"))
        .examples(["att_1__para_3"])
}

param! {
    /// An act's id.
    ActIdParam => act_id()
}

param! {
    /// A unit's id in its act.
    UnitIdParam => unit_id()
}

param! {
    /// A unit's id, or empty for the whole act.
    UnitOrEmptyParam => AnyOfBuilder::new().item(unit_id()).item(text(None, Some(0)))
}

param! {
    /// A phrase to follow over an act's editions: at most [`zanlex::MAX_QUERY_CHARS`]
    /// characters, with a word in it (a letter or a digit; punctuation alone is refused).
    PhraseParam => text(Some(1), Some(zanlex::MAX_QUERY_CHARS))
        .pattern(Some("[0-9A-Za-zА-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]"))
        .examples(["Сыртқы істер министрлігі"])
}
