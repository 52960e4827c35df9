//! The API's errors: one JSON shape, `{"error": {"code", "message"}}`, with the status that
//! says whose fault it is ([`ApiError`] is the served index's error, shared with the MCP
//! tools: [`crate::served::errors`]).

pub(crate) use crate::served::errors::{hide_folders, hide_paths, ApiError};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use zanlex::ErrorCode;

impl ApiError {
    /// The HTTP status of the error's code.
    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // A last guard: whatever built the message, the server's folders stay out of it.
        let mut body = zanlex::ErrorAnswer::new(self.code, hide_paths(&self.message));
        body.error.fault = self.fault;
        let mut res = (self.status(), axum::Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

/// The answer to a method a route does not take.
pub(crate) async fn wrong_method(method: axum::http::Method) -> ApiError {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        format!("{method} is not taken here; see /openapi.json"),
    )
}

/// Gives the one JSON error shape to the errors axum answers by itself in plain text: a
/// path or query it cannot decode (invalid UTF-8 in a percent escape, say).
pub(crate) async fn json_rejections(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let res = next.run(req).await;
    let plain = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    if !plain || !(res.status().is_client_error() || res.status().is_server_error()) {
        return res;
    }
    let status = res.status();
    let text = axum::body::to_bytes(res.into_body(), 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .unwrap_or_default();
    let code = if status.is_server_error() {
        ErrorCode::Internal
    } else {
        ErrorCode::BadRequest
    };
    let what = if text.is_empty() {
        status
            .canonical_reason()
            .unwrap_or("bad request")
            .to_string()
    } else {
        text
    };
    ApiError::new(code, format!("the request cannot be read: {what}")).into_response()
}
