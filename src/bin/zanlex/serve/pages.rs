//! The web page: one HTML shell, a style sheet and a script, embedded in the binary (nothing
//! is fetched from elsewhere at run time). The script renders every view from the JSON API
//! and puts text from documents and queries into the page only as text, never as markup; the
//! Content-Security-Policy forbids inline scripts, so markup that slipped through would not run.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const APP_CSS: &str = include_str!("assets/app.css");

/// The page's security headers: its own scripts and styles only, no frames, no sniffing.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The page's routes: the search at `/`, an act at `/acts/{id}`, a provision at
/// `/acts/{id}/{eid}` (the permalinks docs/serving.md names), and the assets.
pub(crate) fn routes() -> Router<Arc<super::AppState>> {
    Router::new()
        .route("/", get(shell))
        .route("/changes", get(shell))
        .route("/acts/{id}", get(shell))
        .route("/acts/{id}/{eid}", get(shell))
        .route(
            "/assets/app.js",
            get(|| asset(APP_JS, "text/javascript; charset=utf-8")),
        )
        .route(
            "/assets/app.css",
            get(|| asset(APP_CSS, "text/css; charset=utf-8")),
        )
}

/// The HTML shell every view starts from; the script reads the address and renders.
async fn shell() -> Response {
    asset(INDEX_HTML, "text/html; charset=utf-8").await
}

/// The answer to a page the site does not have, for a browser: the shell with status 404,
/// whose script says so in the interface language the reader chose (kept in the browser, so
/// unknown to the server).
pub(crate) async fn not_found() -> Response {
    let mut res = shell().await;
    *res.status_mut() = axum::http::StatusCode::NOT_FOUND;
    res
}

async fn asset(body: &'static str, content_type: &'static str) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}
