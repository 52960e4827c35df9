//! The API's errors: one JSON shape, `{"error": {"code", "message"}}`, with the status that
//! says whose fault it is. Messages are the ones the command line prints for the same mistake.

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
    /// 404, anything else is the server's.
    fn from(err: anyhow::Error) -> Self {
        let message = format!("{err:#}");
        match err.downcast_ref::<zanlex::Error>() {
            Some(zanlex::Error::Query { .. }) => {
                return ApiError::bad_request("bad_query", message)
            }
            Some(
                zanlex::Error::UnknownAct { .. }
                | zanlex::Error::NoExpression { .. }
                | zanlex::Error::UnknownUnit { .. }
                | zanlex::Error::UnknownVersion { .. }
                | zanlex::Error::NotFound(_),
            ) => return ApiError::not_found(message),
            _ => {}
        }
        if err.downcast_ref::<crate::cli::UsageError>().is_some() {
            return ApiError::bad_request("bad_request", message);
        }
        ApiError::internal(message)
    }
}

impl From<zanlex::Error> for ApiError {
    fn from(err: zanlex::Error) -> Self {
        anyhow::Error::from(err).into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({
            "error": { "code": self.code, "message": self.message }
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
