//! The JSON API (DESIGN.md "Serving"): each endpoint checks its parameters, then reads the
//! index in force on a bounded blocking thread through the same functions as the command
//! line, so a hit, an act, a unit, a history or a diff has the shape `--json` prints.

use super::errors::ApiError;
use super::limits::{MAX_PAGE, MAX_QUERY_CHARS};
use super::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::Json;
use serde::Deserialize;
use serde_json::Value;
use std::net::SocketAddr;
use std::sync::Arc;
use zanlex::Lang;

/// The shared state, as handlers take it.
type AppStateRef = State<Arc<AppState>>;
/// An endpoint's answer.
type Answer = Result<Json<Value>, ApiError>;

/// The query string, or a 400 saying what is wrong with it.
fn params<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    q.map(|Query(p)| p)
        .map_err(|e| ApiError::bad_request("bad_request", e.body_text()))
}

/// `lang`: `kk` or `ru` (as `--lang`), absent for the default.
fn lang_param(lang: Option<&str>) -> Result<Option<Lang>, ApiError> {
    match lang.map(str::trim).filter(|l| !l.is_empty()) {
        None => Ok(None),
        Some(l) => crate::cli::parse_lang(l)
            .map(Some)
            .map_err(|e| ApiError::bad_request("bad_request", format!("lang: {e}"))),
    }
}

/// A date parameter (`YYYY-MM-DD`), absent or empty for none.
fn date_param(name: &str, value: Option<&str>) -> Result<Option<chrono::NaiveDate>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => crate::cli::search::parse_date_arg(name, v)
            .map(Some)
            .map_err(ApiError::from),
    }
}

/// A whole-number parameter, or `default` when absent.
fn number_param(name: &str, value: Option<&str>, default: usize) -> Result<usize, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(v) => v.parse().map_err(|_| {
            ApiError::bad_request(
                "bad_request",
                format!("{name} {v:?} is not a whole number; write e.g. {name}=10"),
            )
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
) -> Answer {
    let p = params(q)?;
    let query = text_param(p.q).ok_or_else(|| {
        ApiError::bad_request(
            "bad_request",
            "q is missing: give the words to search for, e.g. ?q=виза",
        )
    })?;
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(ApiError::unprocessable(
            "query_too_long",
            format!("the query has more than {MAX_QUERY_CHARS} characters; shorten it"),
        ));
    }
    let limit = number_param("limit", p.limit.as_deref(), zanlex::DEFAULT_LIMIT)?;
    let offset = number_param("offset", p.offset.as_deref(), 0)?;
    if limit == 0 || limit > MAX_PAGE {
        return Err(ApiError::unprocessable(
            "limit_out_of_range",
            format!("limit {limit} is out of range; use 1..={MAX_PAGE}"),
        ));
    }
    if offset + limit > zanlex::MAX_LIMIT {
        return Err(ApiError::unprocessable(
            "offset_out_of_range",
            format!(
                "offset + limit is {}; pages end at hit {}, narrow the query instead",
                offset + limit,
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
    let typed = crate::cli::search::Typed {
        query,
        limit: offset + limit,
        as_of: as_of.as_deref(),
        act: act.as_deref(),
        kind: kind.as_deref(),
        status: status.as_deref(),
        lang,
        exact_total,
    };
    let req = crate::cli::search::request(typed, str::to_string)?;
    let served = state.served();
    let (relaxed, mut doc) = state
        .readers
        .run(Arc::clone(&served.index), move |index| {
            let res = index.search(&req).map_err(ApiError::from)?;
            let mut doc =
                serde_json::to_value(&res).map_err(|e| ApiError::internal(e.to_string()))?;
            if let Some(Value::Array(hits)) = doc.get_mut("hits") {
                hits.drain(..offset.min(hits.len()));
            }
            // Each hit's outgoing references, as `search --json` gives them.
            let catalog = served.catalog()?;
            crate::cli::refs::add_to_hits_from(&catalog, &mut doc, req.as_of)
                .map_err(ApiError::from)?;
            Ok((res.relaxed, doc))
        })
        .await?;
    if let Some(o) = doc.as_object_mut() {
        o.insert("offset".into(), offset.into());
        o.insert("limit".into(), limit.into());
        o.insert("relaxed".into(), relaxed.into());
    }
    Ok(Json(doc))
}

/// `GET /v1/acts`: `zanlex acts --json`.
pub(crate) async fn acts(State(state): AppStateRef) -> Answer {
    let failures = state.failures();
    let doc = state
        .readers
        .run(state.index(), move |index| {
            crate::cli::acts::acts_doc(index, &failures).map_err(ApiError::from)
        })
        .await?;
    Ok(Json(doc))
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
) -> Answer {
    let p = params(q)?;
    let lang = lang_param(p.lang.as_deref())?;
    let text = flag_param("text", p.text.as_deref())?;
    let doc = state
        .readers
        .run(state.index(), move |index| {
            let all = index.expressions(&id)?;
            let langs: Vec<&str> = all.iter().map(|a| a.lang.as_str()).collect();
            let chosen = match lang {
                None => all.first(),
                Some(l) => all.iter().find(|a| a.lang == l),
            };
            let Some(act) = chosen else {
                // The not-found error `show` gives, naming the nearest ids or the languages.
                index.act_in(&id, lang)?;
                return Err(ApiError::not_found(format!("no act with id {id:?}")));
            };
            Ok(outline(act, &langs, text))
        })
        .await?;
    Ok(Json(doc))
}

/// An act as `/v1/acts/{id}` answers it: metadata, editions (without their texts) and the
/// unit tree; each unit's own text only when `text`.
fn outline(act: &zanlex::Act, langs: &[&str], text: bool) -> Value {
    fn unit(u: &zanlex::Unit, act: &zanlex::Act, text: bool) -> Value {
        let mut doc = serde_json::json!({
            "eid": u.eid,
            "kind": u.kind.eid_prefix(),
            "num": u.num,
            "label": u.number_label(act.kind, act.lang),
            "heading": u.heading,
            "status": u.status.as_str(),
            "children": u.children.iter().map(|c| unit(c, act, text)).collect::<Vec<_>>(),
        });
        if text {
            doc["text"] = u.text.clone().into();
        }
        doc
    }
    let versions: Vec<Value> = act
        .versions
        .iter()
        .map(|v| {
            serde_json::json!({
                "id": v.id,
                "from": v.from,
                "to": v.to,
                "source": v.source.file,
            })
        })
        .collect();
    serde_json::json!({
        "id": act.id,
        "title": act.title,
        "citation": act.short_name(),
        "kind": act.kind.as_str(),
        "lang": act.lang.as_str(),
        "expressions": langs,
        "code": act.code,
        "issuances": act.issuances,
        "registration": act.registration,
        "status": act.status,
        "languages": act.languages,
        "source": act.source,
        "publication_date": act.publication_date,
        "version_date": act.version_date,
        "versions": versions,
        "units": act.units.iter().map(|u| unit(u, act, text)).collect::<Vec<_>>(),
    })
}

/// A yes-or-no parameter: `true`/`1` or `false`/`0`, absent for no.
fn flag_param(name: &str, value: Option<&str>) -> Result<bool, ApiError> {
    match value.map(str::trim) {
        None | Some("") | Some("false") | Some("0") => Ok(false),
        Some("true") | Some("1") => Ok(true),
        Some(other) => Err(ApiError::bad_request(
            "bad_request",
            format!("{name} {other:?}: write {name}=true or leave it out"),
        )),
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
) -> Answer {
    refs(state, id, None, q).await
}

/// `GET /v1/acts/{id}/units/{eid}/refs`: `zanlex refs ID#EID --json`, what the unit and the
/// units inside it refer to, each reference resolved or said why not.
pub(crate) async fn unit_refs(
    state: AppStateRef,
    Path((id, eid)): Path<(String, String)>,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer {
    refs(state, id, Some(eid), q).await
}

async fn refs(
    State(state): AppStateRef,
    id: String,
    eid: Option<String>,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer {
    let p = params(q)?;
    let lang = lang_param(p.lang.as_deref())?;
    let as_of = date_param("as_of", p.as_of.as_deref())?;
    let served = state.served();
    let doc = state
        .readers
        .run(Arc::clone(&served.index), move |index| {
            let catalog = served.catalog()?;
            crate::cli::refs::refs_json(index, &catalog, &id, eid.as_deref(), lang, as_of)
                .map_err(ApiError::from)
        })
        .await?;
    Ok(Json(doc))
}

/// `GET /v1/acts/{id}/cited-by`: `zanlex cited-by ID --json`.
pub(crate) async fn act_cited_by(
    state: AppStateRef,
    Path(id): Path<String>,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer {
    cited_by(state, id, None, q).await
}

/// `GET /v1/acts/{id}/units/{eid}/cited-by`: `zanlex cited-by ID#EID --json`, the provisions
/// across the corpus that refer to the unit or (without `exact=true`) a unit inside it;
/// `lang` keeps the references made in that language's texts.
pub(crate) async fn unit_cited_by(
    state: AppStateRef,
    Path((id, eid)): Path<(String, String)>,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer {
    cited_by(state, id, Some(eid), q).await
}

async fn cited_by(
    State(state): AppStateRef,
    id: String,
    eid: Option<String>,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer {
    let p = params(q)?;
    let lang = lang_param(p.lang.as_deref())?;
    let exact = flag_param("exact", p.exact.as_deref())?;
    let as_of = date_param("as_of", p.as_of.as_deref())?;
    let served = state.served();
    let doc = state
        .readers
        .run(Arc::clone(&served.index), move |index| {
            let catalog = served.catalog()?;
            crate::cli::refs::cited_by_json(
                index,
                &catalog,
                &id,
                eid.as_deref(),
                !exact,
                lang,
                as_of,
            )
            .map_err(ApiError::from)
        })
        .await?;
    Ok(Json(doc))
}

/// The parameters of a unit.
#[derive(Debug, Deserialize)]
pub(crate) struct UnitParams {
    as_of: Option<String>,
    lang: Option<String>,
    parallel: Option<String>,
}

/// `GET /v1/acts/{id}/units/{eid}`: `zanlex show ID#EID --json` (`--as-of`, `--lang`), or
/// with `parallel=true` `--parallel --json` (an object keyed by language).
pub(crate) async fn unit(
    State(state): AppStateRef,
    Path((id, eid)): Path<(String, String)>,
    q: Result<Query<UnitParams>, QueryRejection>,
) -> Answer {
    let p = params(q)?;
    let lang = lang_param(p.lang.as_deref())?;
    let as_of = date_param("as_of", p.as_of.as_deref())?;
    let parallel = flag_param("parallel", p.parallel.as_deref())?;
    if parallel && lang.is_some() {
        return Err(ApiError::bad_request(
            "bad_request",
            "parallel=true shows both languages; leave lang out",
        ));
    }
    let doc = state
        .readers
        .run(state.index(), move |index| {
            let doc = if parallel {
                crate::cli::show::parallel_json(index, &id, &eid, as_of)
            } else {
                crate::cli::show::unit_json(index, &id, &eid, lang, as_of)
            };
            doc.map_err(ApiError::from)
        })
        .await?;
    Ok(Json(doc))
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
) -> Answer {
    let p = params(q)?;
    let lang = lang_param(p.lang.as_deref())?;
    let eid = text_param(p.eid);
    let doc = state
        .readers
        .run(state.index(), move |index| {
            let act = index.act_in(&id, lang)?;
            crate::cli::history::history_doc(&act, eid.as_deref()).map_err(ApiError::from)
        })
        .await?;
    Ok(Json(doc))
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
) -> Answer {
    let p = params(q)?;
    let lang = lang_param(p.lang.as_deref())?;
    let missing = |name: &str| {
        ApiError::bad_request(
            "bad_request",
            format!("{name} is missing: give a version id or a date, e.g. {name}=2020-01-01"),
        )
    };
    let from = text_param(p.from).ok_or_else(|| missing("from"))?;
    let to = text_param(p.to).ok_or_else(|| missing("to"))?;
    let eid = text_param(p.eid);
    let doc = state
        .readers
        .run(state.index(), move |index| {
            let act = index.act_in(&id, lang)?;
            let d = zanlex::diff(&act, &from, &to, eid.as_deref())?;
            serde_json::to_value(&d).map_err(|e| ApiError::internal(e.to_string()))
        })
        .await?;
    Ok(Json(doc))
}

/// `GET /healthz`: the server answers and has an index; no read of it.
pub(crate) async fn healthz(State(state): AppStateRef) -> Json<Value> {
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
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
) -> Answer {
    if !peer.ip().is_loopback() {
        return Err(ApiError::forbidden(
            "reindex is taken only from the machine zanlex runs on (loopback)",
        ));
    }
    let done = state.refresh().await?;
    Ok(Json(
        serde_json::to_value(&done).map_err(|e| ApiError::internal(e.to_string()))?,
    ))
}
