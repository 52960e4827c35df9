//! The JSON API (DESIGN.md "Serving"): each endpoint checks its parameters, then asks the
//! index in force, on a bounded blocking thread, for the library's typed answer and sends it:
//! a hit, an act, a unit, a history or a diff has the shape the command line's `--json`
//! prints, both being renderings of one library type.

use super::errors::ApiError;
use super::limits::{MAX_ACTS_PAGE, MAX_PAGE, MAX_QUERY_CHARS};
use super::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::Json;
use serde::Deserialize;
use std::sync::Arc;
use zanlex::{ErrorCode, Lang, Target};

/// The shared state, as handlers take it.
type AppStateRef = State<Arc<AppState>>;
/// An endpoint's answer: one of the library's answers, or an error.
type Answer<T> = Result<Json<T>, ApiError>;

/// The query string, or a 400 saying what is wrong with it.
fn params<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    q.map(|Query(p)| p)
        .map_err(|e| ApiError::bad_request(e.body_text()))
}

/// `lang`: `kk` or `ru` (as `--lang`), absent for the default.
fn lang_param(lang: Option<&str>) -> Result<Option<Lang>, ApiError> {
    match lang.map(str::trim).filter(|l| !l.is_empty()) {
        None => Ok(None),
        Some(l) => zanlex::lang_arg(l)
            .map(Some)
            .map_err(|e| ApiError::bad_request(format!("lang: {e}"))),
    }
}

/// A date parameter (`YYYY-MM-DD`), absent or empty for none.
fn date_param(name: &str, value: Option<&str>) -> Result<Option<chrono::NaiveDate>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => zanlex::date_arg(name, v).map(Some).map_err(ApiError::from),
    }
}

/// A whole-number parameter, or `default` when absent.
fn number_param(name: &str, value: Option<&str>, default: usize) -> Result<usize, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(v) => v.parse().map_err(|_| {
            ApiError::bad_request(format!(
                "{name} {v:?} is not a whole number; write e.g. {name}=10"
            ))
        }),
    }
}

/// A non-empty text parameter.
fn text_param(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// The parameters of `/v1/search`; all text, so that a wrong value gets zanlex's message.
#[derive(Debug, Deserialize)]
pub(crate) struct SearchParams {
    q: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
    as_of: Option<String>,
    act: Option<String>,
    kind: Option<String>,
    status: Option<String>,
    lang: Option<String>,
    exact_total: Option<String>,
}

/// `GET /v1/search`: `zanlex search --json`, one page of it (`offset`, `limit`).
pub(crate) async fn search(
    State(state): AppStateRef,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> Answer<zanlex::SearchPage> {
    let p = params(q)?;
    let query = text_param(p.q).ok_or_else(|| {
        ApiError::bad_request("q is missing: give the words to search for, e.g. ?q=виза")
    })?;
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(ApiError::new(
            ErrorCode::QueryTooLong,
            format!("the query has more than {MAX_QUERY_CHARS} characters; shorten it"),
        ));
    }
    let limit = number_param("limit", p.limit.as_deref(), zanlex::DEFAULT_LIMIT)?;
    let offset = number_param("offset", p.offset.as_deref(), 0)?;
    if limit == 0 || limit > MAX_PAGE {
        return Err(ApiError::new(
            ErrorCode::LimitOutOfRange,
            format!("limit {limit} is out of range; use 1..={MAX_PAGE}"),
        ));
    }
    // Added without wrapping: an offset near the integer limit is out of range, not small.
    let end = offset.saturating_add(limit);
    if end > zanlex::MAX_LIMIT {
        return Err(ApiError::new(
            ErrorCode::OffsetOutOfRange,
            format!(
                "offset {offset} + limit {limit} is past hit {}, where pages end; narrow the query instead",
                zanlex::MAX_LIMIT
            ),
        ));
    }
    let lang = lang_param(p.lang.as_deref())?;
    let exact_total = flag_param("exact_total", p.exact_total.as_deref())?;
    let (as_of, act, kind, status) = (
        text_param(p.as_of),
        text_param(p.act),
        text_param(p.kind),
        text_param(p.status),
    );
    let typed = crate::common::TypedSearch {
        query,
        limit: end,
        as_of: as_of.as_deref(),
        act: act.as_deref(),
        kind: kind.as_deref(),
        status: status.as_deref(),
        lang,
        exact_total,
    };
    // The hits' references are resolved in the catalog the server keeps, for the page only.
    let req = typed.request(str::to_string)?.references(false);
    let served = state.served();
    let page = state
        .readers
        .run(Arc::clone(&served.index), move |index| {
            let res = index.search(&req)?;
            let mut page = zanlex::SearchPage::new(res, offset, limit);
            let catalog = served.catalog()?;
            page.results.resolve_references_in(&catalog, req.as_of);
            Ok(page)
        })
        .await?;
    Ok(Json(page))
}

/// The parameters of `/v1/acts`.
#[derive(Debug, Deserialize)]
pub(crate) struct ActsParams {
    limit: Option<String>,
    offset: Option<String>,
}

/// `GET /v1/acts`: `zanlex acts --json`, one page of it (`offset`, `limit`), with `total`.
pub(crate) async fn acts(
    State(state): AppStateRef,
    Query(p): Query<ActsParams>,
) -> Answer<zanlex::ActList> {
    let limit = number_param("limit", p.limit.as_deref(), MAX_ACTS_PAGE)?;
    let offset = number_param("offset", p.offset.as_deref(), 0)?;
    if limit == 0 || limit > MAX_ACTS_PAGE {
        return Err(ApiError::new(
            ErrorCode::LimitOutOfRange,
            format!("limit {limit} is out of range; use 1..={MAX_ACTS_PAGE}"),
        ));
    }
    let failures = state.failures();
    let list = state
        .readers
        .run(state.index(), move |index| {
            Ok(index.act_list_page(&failures, offset, limit)?)
        })
        .await?;
    Ok(Json(list))
}

/// The parameters of an act.
#[derive(Debug, Deserialize)]
pub(crate) struct ActParams {
    lang: Option<String>,
    text: Option<String>,
}

/// `GET /v1/acts/{id}`: the act's metadata and outline (the unit tree with eids, labels and
/// headings, as `zanlex show ID` prints it), with `expressions`, the languages the act has;
/// each unit's own text too with `text=true`.
pub(crate) async fn act(
    State(state): AppStateRef,
    Path(id): Path<String>,
    q: Result<Query<ActParams>, QueryRejection>,
) -> Answer<zanlex::ActOutline> {
    let p = params(q)?;
    let lang = lang_param(p.lang.as_deref())?;
    let text = flag_param("text", p.text.as_deref())?;
    let outline = state
        .readers
        .run(state.index(), move |index| {
            Ok(index.act_outline(&id, lang, text)?)
        })
        .await?;
    Ok(Json(outline))
}

/// A yes-or-no parameter: `true`/`1` or `false`/`0`, absent for no.
fn flag_param(name: &str, value: Option<&str>) -> Result<bool, ApiError> {
    match value.map(str::trim) {
        None | Some("") | Some("false") | Some("0") => Ok(false),
        Some("true") | Some("1") => Ok(true),
        Some(other) => Err(ApiError::bad_request(format!(
            "{name} {other:?}: write {name}=true or leave it out"
        ))),
    }
}

/// The parameters of a list of references.
#[derive(Debug, Deserialize)]
pub(crate) struct RefsParams {
    lang: Option<String>,
    exact: Option<String>,
    as_of: Option<String>,
}

/// `GET /v1/acts/{id}/refs`: `zanlex refs ID --json`.
pub(crate) async fn act_refs(
    state: AppStateRef,
    Path(id): Path<String>,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer<zanlex::RefList> {
    refs(state, Target::new(id, None), q).await
}

/// `GET /v1/acts/{id}/units/{eid}/refs`: `zanlex refs ID#EID --json`, what the unit and the
/// units inside it refer to, each reference resolved or said why not.
pub(crate) async fn unit_refs(
    state: AppStateRef,
    Path((id, eid)): Path<(String, String)>,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer<zanlex::RefList> {
    refs(state, Target::new(id, Some(eid)), q).await
}

async fn refs(
    State(state): AppStateRef,
    target: Target,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer<zanlex::RefList> {
    let p = params(q)?;
    let lang = lang_param(p.lang.as_deref())?;
    let as_of = date_param("as_of", p.as_of.as_deref())?;
    let served = state.served();
    let list = state
        .readers
        .run(Arc::clone(&served.index), move |index| {
            let catalog = served.catalog()?;
            Ok(index.refs(&target, lang, as_of, Some(&catalog))?)
        })
        .await?;
    Ok(Json(list))
}

/// `GET /v1/acts/{id}/cited-by`: `zanlex cited-by ID --json`.
pub(crate) async fn act_cited_by(
    state: AppStateRef,
    Path(id): Path<String>,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer<zanlex::CitedByList> {
    cited_by(state, Target::new(id, None), q).await
}

/// `GET /v1/acts/{id}/units/{eid}/cited-by`: `zanlex cited-by ID#EID --json`, the provisions
/// across the corpus that refer to the unit or (without `exact=true`) a unit inside it;
/// `lang` keeps the references made in that language's texts.
pub(crate) async fn unit_cited_by(
    state: AppStateRef,
    Path((id, eid)): Path<(String, String)>,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer<zanlex::CitedByList> {
    cited_by(state, Target::new(id, Some(eid)), q).await
}

async fn cited_by(
    State(state): AppStateRef,
    target: Target,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer<zanlex::CitedByList> {
    let p = params(q)?;
    let lang = lang_param(p.lang.as_deref())?;
    let exact = flag_param("exact", p.exact.as_deref())?;
    let as_of = date_param("as_of", p.as_of.as_deref())?;
    let served = state.served();
    let list = state
        .readers
        .run(Arc::clone(&served.index), move |index| {
            let catalog = served.catalog()?;
            Ok(index.cited_by_list(&target, !exact, lang, as_of, Some(&catalog))?)
        })
        .await?;
    Ok(Json(list))
}

/// The parameters of a unit.
#[derive(Debug, Deserialize)]
pub(crate) struct UnitParams {
    as_of: Option<String>,
    lang: Option<String>,
    parallel: Option<String>,
}

/// A unit in one language, or in both side by side.
#[derive(serde::Serialize)]
#[serde(untagged)]
pub(crate) enum UnitOrParallel {
    /// `show ID#EID --json`.
    One(Box<zanlex::UnitAnswer>),
    /// `show ID#EID --parallel --json`: an object keyed by language.
    Both(Box<zanlex::ParallelUnit>),
}

/// `GET /v1/acts/{id}/units/{eid}`: `zanlex show ID#EID --json` (`--as-of`, `--lang`), or
/// with `parallel=true` `--parallel --json` (an object keyed by language).
pub(crate) async fn unit(
    State(state): AppStateRef,
    Path((id, eid)): Path<(String, String)>,
    q: Result<Query<UnitParams>, QueryRejection>,
) -> Answer<UnitOrParallel> {
    let p = params(q)?;
    let lang = lang_param(p.lang.as_deref())?;
    let as_of = date_param("as_of", p.as_of.as_deref())?;
    let parallel = flag_param("parallel", p.parallel.as_deref())?;
    if parallel && lang.is_some() {
        return Err(ApiError::bad_request(
            "parallel=true shows both languages; leave lang out",
        ));
    }
    let answer = state
        .readers
        .run(state.index(), move |index| {
            Ok(if parallel {
                UnitOrParallel::Both(Box::new(index.parallel_unit(&id, &eid, as_of)?))
            } else {
                UnitOrParallel::One(Box::new(index.unit_answer(&id, &eid, lang, as_of)?))
            })
        })
        .await?;
    Ok(Json(answer))
}

/// The parameters of a history.
#[derive(Debug, Deserialize)]
pub(crate) struct HistoryParams {
    eid: Option<String>,
    lang: Option<String>,
}

/// `GET /v1/acts/{id}/history`: `zanlex history ID [EID] --json`.
pub(crate) async fn history(
    State(state): AppStateRef,
    Path(id): Path<String>,
    q: Result<Query<HistoryParams>, QueryRejection>,
) -> Answer<zanlex::ActHistory> {
    let p = params(q)?;
    let lang = lang_param(p.lang.as_deref())?;
    let eid = text_param(p.eid);
    let history = state
        .readers
        .run(state.index(), move |index| {
            Ok(index.act_history(&id, eid.as_deref(), lang, false)?)
        })
        .await?;
    Ok(Json(history))
}

/// The parameters of a diff.
#[derive(Debug, Deserialize)]
pub(crate) struct DiffParams {
    from: Option<String>,
    to: Option<String>,
    eid: Option<String>,
    lang: Option<String>,
}

/// `GET /v1/acts/{id}/diff`: `zanlex diff ID[#EID] --from A --to B --json`.
pub(crate) async fn diff(
    State(state): AppStateRef,
    Path(id): Path<String>,
    q: Result<Query<DiffParams>, QueryRejection>,
) -> Answer<zanlex::ActDiff> {
    let p = params(q)?;
    let lang = lang_param(p.lang.as_deref())?;
    let missing = |name: &str| {
        ApiError::bad_request(format!(
            "{name} is missing: give a version id or a date, e.g. {name}=2020-01-01"
        ))
    };
    let from = text_param(p.from).ok_or_else(|| missing("from"))?;
    let to = text_param(p.to).ok_or_else(|| missing("to"))?;
    let eid = text_param(p.eid);
    let diff = state
        .readers
        .run(state.index(), move |index| {
            Ok(index.act_diff(&id, &from, &to, eid.as_deref(), lang)?)
        })
        .await?;
    Ok(Json(diff))
}

/// `GET /healthz`: the server answers and has an index; no read of it.
pub(crate) async fn healthz(State(state): AppStateRef) -> Json<serde_json::Value> {
    Json(serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "refreshes": state.swaps(),
    }))
}

/// `GET /openapi.json`: the API described.
pub(crate) async fn openapi() -> impl axum::response::IntoResponse {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        super::OPENAPI,
    )
}

/// `POST /v1/reindex`: refreshes the index now (as the watcher does when the corpus
/// changes); only from the machine itself, since a refresh costs a full read of the corpus.
pub(crate) async fn reindex(
    State(state): AppStateRef,
    ConnectInfo(super::conn::Peer(peer)): ConnectInfo<super::conn::Peer>,
) -> Answer<super::state::Refreshed> {
    if !peer.ip().is_loopback() {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "reindex is taken only from the machine zanlex runs on (loopback)",
        ));
    }
    Ok(Json(state.refresh().await?))
}
