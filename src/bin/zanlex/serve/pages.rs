//! The web page: one HTML shell, a style sheet and a script, embedded in the binary (nothing
//! is fetched from elsewhere at run time). The script renders every view from the JSON API
//! and puts text from documents and queries into the page only as text, never as markup; the
//! Content-Security-Policy forbids inline scripts, so markup that slipped through would not run.

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
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
        .route("/acts/{id}", get(act_shell))
        .route("/acts/{id}/{eid}", get(unit_shell))
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

/// The page's own words in its address (`?as_of=&lang=`): those its script reads with.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct PageParams {
    as_of: Option<String>,
    lang: Option<String>,
}

/// An act's page: its address read as the library's read request, as `GET /v1/acts/{id}`
/// reads it, and the shell with the status of that request's error when it has one (a date
/// that is no date, a language the index has not, an act the index lacks), whose script then
/// shows the API's error.
async fn act_shell(
    State(state): State<Arc<super::AppState>>,
    id: Result<Path<String>, PathRejection>,
    params: Result<Query<PageParams>, QueryRejection>,
) -> Response {
    match id {
        Ok(Path(id)) => shell_for(&state, id, params).await,
        Err(_) => unreadable().await,
    }
}

/// A provision's page: as [`act_shell`], its address read as `GET /v1/acts/{id}/units/{eid}`
/// reads it.
async fn unit_shell(
    State(state): State<Arc<super::AppState>>,
    ids: Result<Path<(String, String)>, PathRejection>,
    params: Result<Query<PageParams>, QueryRejection>,
) -> Response {
    match ids {
        Ok(Path((id, eid))) => shell_for(&state, format!("{id}#{eid}"), params).await,
        Err(_) => unreadable().await,
    }
}

/// The shell for an address the API cannot read either (a `%` escape that is no UTF-8): its
/// script says so where a blank page would be.
async fn unreadable() -> Response {
    let mut res = shell().await;
    *res.status_mut() = axum::http::StatusCode::BAD_REQUEST;
    res
}

/// The shell for a read of `target` with the address's `params`, its status the read
/// request's: its error's when the library refuses it as asked or the index lacks its act or
/// unit (found by their ids, the act left for the script's read), 200 otherwise.
async fn shell_for(
    state: &super::AppState,
    target: String,
    params: Result<Query<PageParams>, QueryRejection>,
) -> Response {
    let Ok(Query(p)) = params else {
        // A query string the API cannot read either.
        return unreadable().await;
    };
    let mut res = shell().await;
    let args = zanlex::pages::ReadArgs {
        target: &target,
        as_of: p.as_of.as_deref(),
        lang: p.lang.as_deref(),
        ..Default::default()
    };
    let request = match zanlex::pages::ReadRequest::parse(&args, super::api::param_name) {
        Ok(request) => request,
        Err(e) => {
            *res.status_mut() = super::errors::ApiError::from(e).status();
            return res;
        }
    };
    let found = state
        .readers
        .run(state.index(), move |index| Ok(request.found_in(index)?))
        .await;
    if let Err(e) = found {
        *res.status_mut() = e.status();
    }
    res
}

/// The answer to a page the site does not have, for a browser: the shell with status 404,
/// whose script says so in the interface language the reader chose (kept in the browser, so
/// unknown to the server).
pub(crate) async fn not_found() -> Response {
    let mut res = shell().await;
    *res.status_mut() = axum::http::StatusCode::NOT_FOUND;
    res
}

/// The answer to a path no route has: for a browser asking for a page (an HTML page
/// accepted, a path outside the API's `/v1/`), the web page saying it is not there; for
/// everything else, the API's JSON error.
pub(crate) async fn no_route(uri: axum::http::Uri, headers: axum::http::HeaderMap) -> Response {
    let wants_html = headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("text/html"));
    let api = uri.path() == "/v1" || uri.path().starts_with("/v1/");
    if wants_html && !api {
        return not_found().await;
    }
    super::errors::ApiError::not_found(format!(
        "no page or endpoint at {}; see /openapi.json",
        uri.path()
    ))
    .into_response()
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
