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

/// The errors of `/v1/search`: a malformed parameter or query, an unknown act to search in,
/// a query or page outside the server's limits, and [`READ_FAILURES`].
pub(crate) struct SearchErrors;

impl IntoResponses for SearchErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut codes = vec![
            ErrorCode::BadRequest,
            ErrorCode::BadQuery,
            ErrorCode::NotFound,
            ErrorCode::QueryTooLong,
            ErrorCode::LimitOutOfRange,
            ErrorCode::OffsetOutOfRange,
        ];
        codes.extend(READ_FAILURES);
        error_responses(&codes)
    }
}

/// The errors of `/v1/acts`: a malformed parameter, a page size out of range, and
/// [`READ_FAILURES`].
pub(crate) struct ActsErrors;

impl IntoResponses for ActsErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut codes = vec![ErrorCode::BadRequest, ErrorCode::LimitOutOfRange];
        codes.extend(READ_FAILURES);
        error_responses(&codes)
    }
}

/// The errors of the endpoints under `/v1/acts/{id}`: a malformed parameter, no such act,
/// unit or version, and [`READ_FAILURES`].
pub(crate) struct ReadErrors;

impl IntoResponses for ReadErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut codes = vec![ErrorCode::BadRequest, ErrorCode::NotFound];
        codes.extend(READ_FAILURES);
        error_responses(&codes)
    }
}

/// The errors of an act or a unit read with its highlights (`q`): [`ReadErrors`], and a query
/// that cannot be read or is too long.
pub(crate) struct MarkedReadErrors;

impl IntoResponses for MarkedReadErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut codes = vec![
            ErrorCode::BadRequest,
            ErrorCode::BadQuery,
            ErrorCode::NotFound,
            ErrorCode::QueryTooLong,
        ];
        codes.extend(READ_FAILURES);
        error_responses(&codes)
    }
}

/// The errors of `/v1/reindex`: a caller other than the machine itself, a body over the
/// limit, the index held by another process, the server stopping, or the refresh failing.
pub(crate) struct ReindexErrors;

impl IntoResponses for ReindexErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        error_responses(&[
            ErrorCode::Forbidden,
            ErrorCode::TooLarge,
            ErrorCode::TooSlow,
            ErrorCode::IndexBusy,
            ErrorCode::ShuttingDown,
            ErrorCode::Internal,
        ])
    }
}

// The schemas of the query parameters, inlined in each parameter (`value_type = …, inline`).
// The parameters are read as text, so that a wrong value gets zanlex's own message; these say
// what the server takes, an empty value included where the server reads it as not given (the
// page's forms send empty fields).

/// A language, or empty for the default: `kk` or `ru`.
pub(crate) struct LangParam;

impl PartialSchema for LangParam {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(["kk", "ru", ""]))
            .into()
    }
}

impl ToSchema for LangParam {}

/// A date, `YYYY-MM-DD`, or empty for none.
pub(crate) struct DateParam;

impl PartialSchema for DateParam {
    fn schema() -> RefOr<Schema> {
        AnyOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date))),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .max_length(Some(0)),
            )
            .into()
    }
}

impl ToSchema for DateParam {}

/// The format of a downloaded act: `md` (Markdown) or `txt` (plain text), or empty for `md`.
pub(crate) struct FileFormatParam;

impl PartialSchema for FileFormatParam {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(["md", "txt", ""]))
            .into()
    }
}

impl ToSchema for FileFormatParam {}

/// A yes-or-no flag: `true`/`1`, `false`/`0`, or empty for no.
pub(crate) struct FlagParam;

impl PartialSchema for FlagParam {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(["true", "false", "1", "0", ""]))
            .default(Some("false".into()))
            .into()
    }
}

impl ToSchema for FlagParam {}

/// A whole number as a query parameter reads it: the number, or empty for its default (as a
/// form sends an empty field).
fn number_or_empty(number: ObjectBuilder) -> RefOr<Schema> {
    AnyOfBuilder::new()
        .item(number)
        .item(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .max_length(Some(0)),
        )
        .into()
}

/// Hits on a search's page: 1 to [`zanlex::pages::MAX_SERVER_SEARCH_PAGE`], or empty for the default.
pub(crate) struct SearchLimitParam;

impl PartialSchema for SearchLimitParam {
    fn schema() -> RefOr<Schema> {
        number_or_empty(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(1))
                .maximum(Some(zanlex::pages::MAX_SERVER_SEARCH_PAGE as u64))
                .default(Some(zanlex::DEFAULT_LIMIT.into())),
        )
    }
}

impl ToSchema for SearchLimitParam {}

/// Acts on a page of `/v1/acts`: 1 to [`super::limits::MAX_ACTS_PAGE`], or empty for the
/// default.
pub(crate) struct ActsLimitParam;

impl PartialSchema for ActsLimitParam {
    fn schema() -> RefOr<Schema> {
        number_or_empty(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(1))
                .maximum(Some(super::limits::MAX_ACTS_PAGE as u64))
                .default(Some(super::limits::MAX_ACTS_PAGE.into())),
        )
    }
}

impl ToSchema for ActsLimitParam {}

/// Changes on a page of `/v1/changes`: 1 to [`zanlex::pages::MAX_RECENT_PAGE`], or empty for
/// the default.
pub(crate) struct ChangesLimitParam;

impl PartialSchema for ChangesLimitParam {
    fn schema() -> RefOr<Schema> {
        number_or_empty(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(1))
                .maximum(Some(zanlex::pages::MAX_RECENT_PAGE as u64))
                .default(Some(zanlex::pages::DEFAULT_RECENT_PAGE.into())),
        )
    }
}

impl ToSchema for ChangesLimitParam {}

/// Entries on a page of a history, a list of references or a diff: 1 to
/// [`zanlex::pages::MAX_SERVER_LIST_PAGE`], or empty for as many (the answer's size cuts it
/// first).
pub(crate) struct ListLimitParam;

impl PartialSchema for ListLimitParam {
    fn schema() -> RefOr<Schema> {
        let budget = zanlex::pages::Budget::SERVER;
        number_or_empty(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(1))
                .maximum(Some(budget.max_list_page as u64))
                .default(Some(budget.list_page.into())),
        )
    }
}

impl ToSchema for ListLimitParam {}

/// Items before a page, or empty for none.
pub(crate) struct OffsetParam;

impl PartialSchema for OffsetParam {
    fn schema() -> RefOr<Schema> {
        number_or_empty(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(0))
                .default(Some(0.into())),
        )
    }
}

impl ToSchema for OffsetParam {}

/// How many matches a search counts exactly, or empty for the default.
pub(crate) struct TotalBoundParam;

impl PartialSchema for TotalBoundParam {
    fn schema() -> RefOr<Schema> {
        number_or_empty(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(0))
                .default(Some(zanlex::DEFAULT_TOTAL_BOUND.into())),
        )
    }
}

impl ToSchema for TotalBoundParam {}

/// A query: at most [`zanlex::MAX_QUERY_CHARS`] characters.
pub(crate) struct QueryParam;

impl PartialSchema for QueryParam {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .min_length(Some(1))
            .max_length(Some(zanlex::MAX_QUERY_CHARS))
            .into()
    }
}

impl ToSchema for QueryParam {}

/// Words to mark in a text: at most [`zanlex::MAX_QUERY_CHARS`] characters, or empty
/// for none.
pub(crate) struct MarkParam;

impl PartialSchema for MarkParam {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .max_length(Some(zanlex::MAX_QUERY_CHARS))
            .into()
    }
}

impl ToSchema for MarkParam {}

/// An edition to compare: its id or a date, never empty (an empty one is missing).
pub(crate) struct EditionParam;

impl PartialSchema for EditionParam {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .min_length(Some(1))
            .pattern(Some(r"\S"))
            .into()
    }
}

impl ToSchema for EditionParam {}

/// Units on a page of `/v1/acts/{id}/wording`: 1 to [`zanlex::pages::MAX_WORDING_PAGE`], or
/// empty for the default.
pub(crate) struct WordingLimitParam;

impl PartialSchema for WordingLimitParam {
    fn schema() -> RefOr<Schema> {
        number_or_empty(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(1))
                .maximum(Some(zanlex::pages::MAX_WORDING_PAGE as u64))
                .default(Some(zanlex::pages::DEFAULT_WORDING_PAGE.into())),
        )
    }
}

impl ToSchema for WordingLimitParam {}

/// The errors of `/v1/amended-by`: a malformed parameter or act name, an id the index lacks, a
/// name longer than a query may be, and [`READ_FAILURES`].
pub(crate) struct AmendedByErrors;

impl IntoResponses for AmendedByErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut codes = vec![
            ErrorCode::BadRequest,
            ErrorCode::NotFound,
            ErrorCode::QueryTooLong,
        ];
        codes.extend(READ_FAILURES);
        error_responses(&codes)
    }
}

/// Provisions on a page of `/v1/amended-by`: 1 to [`zanlex::pages::MAX_AMENDED_BY_PAGE`], or
/// empty for the default.
pub(crate) struct AmendedByLimitParam;

impl PartialSchema for AmendedByLimitParam {
    fn schema() -> RefOr<Schema> {
        number_or_empty(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(1))
                .maximum(Some(zanlex::pages::MAX_AMENDED_BY_PAGE as u64))
                .default(Some(zanlex::pages::DEFAULT_AMENDED_BY_PAGE.into())),
        )
    }
}

impl ToSchema for AmendedByLimitParam {}

/// The errors of `/v1/grep`: a malformed parameter, a pattern that cannot be read or is too
/// large, an unknown act, and [`READ_FAILURES`].
pub(crate) struct GrepErrors;

impl IntoResponses for GrepErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut codes = vec![
            ErrorCode::BadRequest,
            ErrorCode::BadPattern,
            ErrorCode::NotFound,
        ];
        codes.extend(READ_FAILURES);
        error_responses(&codes)
    }
}

/// A `grep`'s pattern: 1 to [`zanlex::pages::MAX_PATTERN_CHARS`] characters.
pub(crate) struct PatternParam;

impl PartialSchema for PatternParam {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .min_length(Some(1))
            .max_length(Some(zanlex::pages::MAX_PATTERN_CHARS))
            .into()
    }
}

impl ToSchema for PatternParam {}

/// Units on a page of `/v1/grep`: 1 to [`zanlex::pages::MAX_GREP_PAGE`], or empty for the
/// default.
pub(crate) struct GrepLimitParam;

impl PartialSchema for GrepLimitParam {
    fn schema() -> RefOr<Schema> {
        number_or_empty(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(1))
                .maximum(Some(zanlex::pages::MAX_GREP_PAGE as u64))
                .default(Some(zanlex::pages::DEFAULT_GREP_PAGE.into())),
        )
    }
}

impl ToSchema for GrepLimitParam {}

/// Matching units a `grep` counts: 1 to [`zanlex::pages::MAX_GREP_BOUND`], or empty for the
/// default.
pub(crate) struct GrepBoundParam;

impl PartialSchema for GrepBoundParam {
    fn schema() -> RefOr<Schema> {
        number_or_empty(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(1))
                .maximum(Some(zanlex::pages::MAX_GREP_BOUND as u64))
                .default(Some(zanlex::pages::DEFAULT_GREP_BOUND.into())),
        )
    }
}

impl ToSchema for GrepBoundParam {}
