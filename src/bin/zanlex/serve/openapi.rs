//! The OpenAPI document of the JSON API (`GET /openapi.json`), generated from the code that
//! serves it: the answers' schemas from the library types the handlers send (their serde
//! form), each path and its parameters from the handler's `#[utoipa::path]` and its query
//! struct, and the error responses from the table of error codes. Nothing is written by hand
//! that the server could contradict.

use super::api;
use super::errors::ApiError;
use std::sync::OnceLock;
use utoipa::OpenApi;

/// The API: every path the server routes to a handler of [`api`], and the schemas they send.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "zanlex",
        version = "1",
        description = "Search Kazakhstan's normative acts in Kazakh and Russian, with pinpoint \
                       citations. The JSON shapes are those of the command line's --json output."
    ),
    paths(
        api::search,
        api::issuers,
        api::acts,
        api::act,
        api::act_download,
        api::act_refs,
        api::act_cited_by,
        api::act_related,
        api::unit,
        api::unit_refs,
        api::unit_cited_by,
        api::history,
        api::diff,
        api::changes,
        api::grep,
        api::reindex,
        api::healthz,
        openapi,
        super::wording::wording,
        api::amended_by,
    ),
    // The error shape is named by the responses built from the table of error codes, which
    // the derive does not read.
    components(schemas(zanlex::ErrorAnswer))
)]
struct ApiDoc;

/// The document as JSON, generated once.
pub(crate) fn document() -> Result<&'static str, serde_json::Error> {
    static DOC: OnceLock<String> = OnceLock::new();
    if let Some(doc) = DOC.get() {
        return Ok(doc);
    }
    let mut doc = serde_json::to_value(ApiDoc::openapi())?;
    plain_descriptions(&mut doc);
    let doc = serde_json::to_string_pretty(&doc)?;
    Ok(DOC.get_or_init(|| doc))
}

/// The descriptions, taken from the types' doc comments, without rustdoc's links: a reader
/// of the API sees `` `SearchResults::total` ``, not `` [`SearchResults::total`] `` or a link
/// into the crate.
fn plain_descriptions(value: &mut serde_json::Value) {
    static LINK: OnceLock<Option<regex::Regex>> = OnceLock::new();
    let Some(link) = LINK
        .get_or_init(|| regex::Regex::new(r"\[(`[^`\]]+`)\](\([^)\s]*\))?").ok())
        .as_ref()
    else {
        return;
    };
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    serde_json::Value::String(text) if key == "description" => {
                        let plain = link
                            .replace_all(text, "$1")
                            .replace("`crate::", "`zanlex::");
                        *text = plain;
                    }
                    _ => plain_descriptions(v),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(plain_descriptions),
        _ => {}
    }
}

/// `GET /openapi.json`: the API described, as [`document`] generates it.
#[utoipa::path(
    get,
    path = "/openapi.json",
    operation_id = "openapi",
    summary = "This document: the OpenAPI 3.1 description of the API",
    responses((status = 200, description = "OK", content_type = "application/json"))
)]
pub(crate) async fn openapi() -> Result<impl axum::response::IntoResponse, ApiError> {
    let doc = document().map_err(|e| {
        eprintln!("zanlex: the OpenAPI document could not be written: {e}");
        ApiError::internal("the OpenAPI document could not be written")
    })?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        doc,
    ))
}
