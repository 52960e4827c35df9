//! The JSON API (docs/serving.md): each endpoint checks its parameters, then asks the
//! index in force, on a bounded blocking thread, for the library's typed answer and sends it:
//! a hit, an act, a unit, a history or a diff has the shape the command line's `--json`
//! prints, both being renderings of one library type.

use super::errors::ApiError;
use super::limits::MAX_ACTS_PAGE;
use super::schemas::{
    self as doc, ActsErrors, GrepErrors, MarkedReadErrors, ReadErrors, ReindexErrors, SearchErrors,
};
use super::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::{Extension, Json};
use serde::Deserialize;
use std::sync::Arc;
use utoipa::IntoParams;
use zanlex::pages::{
    ActDiffPage, Budget, DiffArgs, DiffRequest, HistoryPage, HistoryRequest, Links, ListArgs,
    RefsPage, RefsRequest, RelatedActs, RelatedRequest,
};
use zanlex::{ErrorCode, Lang, Target, ZanIndex};

/// The shared state, as handlers take it.
pub(super) type AppStateRef = State<Arc<AppState>>;
/// How this server's answers are made: where their links lead and how large they may be.
#[derive(Debug, Clone)]
pub(crate) struct Door {
    /// Where the answers' links lead.
    pub(crate) links: Links,
    /// How large an answer may be ([`Budget::SERVER`], its characters as `--answer-chars`).
    pub(crate) budget: Budget,
}

/// The door's links and budget, as handlers take them.
pub(super) type DoorRef = Extension<Arc<Door>>;
/// An endpoint's answer: one of the library's answers, or an error.
pub(super) type Answer<T> = Result<Json<T>, ApiError>;

/// The query string, or a 400 saying what is wrong with it.
pub(super) fn params<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
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

/// `offset` and `limit` of a page of a list as numbers, `None` when absent or empty (the
/// library's request checks them against the page sizes).
fn list_numbers(
    offset: Option<&str>,
    limit: Option<&str>,
) -> Result<(Option<u64>, Option<u64>), ApiError> {
    let number = |name, value| -> Result<Option<u64>, ApiError> {
        match text_param(value) {
            None => Ok(None),
            Some(v) => number_param(name, Some(&v), 0).map(|n| Some(n as u64)),
        }
    };
    let offset = number("offset", offset.map(str::to_string))?;
    let limit = number("limit", limit.map(str::to_string))?;
    Ok((offset, limit))
}

/// A page of a list as the library's request reads it: `target`, the language and the date as
/// given, `offset` and `limit` as numbers (the request checks them against the page sizes).
fn list_args<'a>(
    target: &'a str,
    lang: Option<&'a str>,
    as_of: Option<&'a str>,
    offset: Option<&str>,
    limit: Option<&str>,
) -> Result<ListArgs<'a>, ApiError> {
    let (offset, limit) = list_numbers(offset, limit)?;
    Ok(ListArgs {
        target,
        lang,
        as_of,
        offset,
        limit,
        ..Default::default()
    })
}

/// The library's answer `page` to the checked `request`, read from the index in force on a
/// bounded blocking thread (the server's workers, queue and time limit), with the door's links
/// and budget.
pub(super) async fn read<R, T>(
    state: &AppState,
    door: &Arc<Door>,
    request: R,
    page: fn(&ZanIndex, &R, &Links, &Budget) -> zanlex::Result<T>,
) -> Result<T, ApiError>
where
    R: Send + 'static,
    T: Send + 'static,
{
    let door = Arc::clone(door);
    state
        .readers
        .run(state.index(), move |index| {
            Ok(page(index, &request, &door.links, &door.budget)?)
        })
        .await
}

/// A non-empty text parameter.
fn text_param(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// A whole-number parameter, `None` when absent or empty.
pub(super) fn optional_number(name: &str, value: Option<&str>) -> Result<Option<u64>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => number_param(name, Some(v), 0).map(|n| Some(n as u64)),
    }
}

/// The parameters of `/v1/search`; all text, so that a wrong value gets zanlex's message.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct SearchParams {
    /// The query: words, "phrases"~N, AND/OR/NOT, +/-, (…), act:/kind:/status:/date:/issuer:/
    /// reg:/number: filters; may be left out when a requisite (issuer, registration, number,
    /// date_from, date_to) is given
    #[param(value_type = doc::QueryParam, inline, required = false)]
    q: Option<String>,
    /// Hits per page
    #[param(value_type = doc::SearchLimitParam, inline, required = false)]
    limit: Option<String>,
    /// Hits to skip (offset + limit ≤ 1000)
    #[param(value_type = doc::OffsetParam, inline, required = false)]
    offset: Option<String>,
    /// The wording in force on this date; empty: as if not given
    #[param(value_type = doc::DateParam, inline, required = false)]
    as_of: Option<String>,
    /// Only this act
    act: Option<String>,
    /// Only acts of this kind
    kind: Option<String>,
    /// in_force, repealed or unknown
    status: Option<String>,
    /// kk (Kazakh) or ru (Russian); empty: as if not given
    #[param(value_type = doc::LangParam, inline, required = false)]
    lang: Option<String>,
    /// true: count every match. By default the search counts total_bound matches exactly,
    /// then skips those that cannot be among the hits (the hits are the same), and total is
    /// then total_bound, a lower bound (total_is_lower_bound)
    #[param(value_type = doc::FlagParam, inline, required = false)]
    exact_total: Option<String>,
    /// How many matches are counted exactly before total becomes a lower bound (10000 when
    /// empty)
    #[param(value_type = doc::TotalBoundParam, inline, required = false)]
    total_bound: Option<String>,
    /// Only acts of this issuer: a code (mfa) or a name in Kazakh or Russian (Министр
    /// иностранных дел), as /v1/issuers lists them
    issuer: Option<String>,
    /// Only the act with this state registration number (16354)
    registration: Option<String>,
    /// Only acts with this number of their own (11-1-4/1)
    number: Option<String>,
    /// Only acts adopted on this day or later
    #[param(value_type = doc::DateParam, inline, required = false)]
    date_from: Option<String>,
    /// Only acts adopted on this day or earlier
    #[param(value_type = doc::DateParam, inline, required = false)]
    date_to: Option<String>,
}

/// `GET /v1/issuers`: the issuers a search can be narrowed to, with their names in the
/// nominative in Kazakh and Russian (the search form's list).
#[utoipa::path(
    get,
    path = "/v1/issuers",
    operation_id = "issuers",
    summary = "Issuers a search can be narrowed to (issuer=), with their names in Kazakh and Russian",
    responses((status = 200, description = "OK", body = Vec<zanlex::IssuerName>))
)]
pub(crate) async fn issuers() -> Json<Vec<zanlex::IssuerName>> {
    Json(zanlex::issuers())
}

/// `GET /v1/search`: `zanlex search --json`, one page of it (`offset`, `limit`).
#[utoipa::path(
    get,
    path = "/v1/search",
    operation_id = "search",
    summary = "Ranked, cited passages (zanlex search --json)",
    params(SearchParams),
    responses((status = 200, description = "OK", body = zanlex::SearchPage), SearchErrors)
)]
pub(crate) async fn search(
    State(state): AppStateRef,
    Extension(door): DoorRef,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> Answer<zanlex::SearchPage> {
    let p = params(q)?;
    let requisite = [
        &p.issuer,
        &p.registration,
        &p.number,
        &p.date_from,
        &p.date_to,
    ]
    .iter()
    .any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()));
    let query = match text_param(p.q) {
        Some(q) => q,
        None if requisite => String::new(),
        None => {
            return Err(ApiError::bad_request(
                "q is missing: give the words to search for, e.g. ?q=виза",
            ))
        }
    };
    let typed = zanlex::pages::SearchArgs {
        query: &query,
        offset: optional_number("offset", p.offset.as_deref())?,
        limit: optional_number("limit", p.limit.as_deref())?,
        as_of: p.as_of.as_deref(),
        act: p.act.as_deref(),
        kind: p.kind.as_deref(),
        status: p.status.as_deref(),
        lang: p.lang.as_deref(),
        issuer: p.issuer.as_deref(),
        registration: p.registration.as_deref(),
        number: p.number.as_deref(),
        date_from: p.date_from.as_deref(),
        date_to: p.date_to.as_deref(),
        exact_total: flag_param("exact_total", p.exact_total.as_deref())?,
        total_bound: optional_number("total_bound", p.total_bound.as_deref())?,
        ..Default::default()
    };
    let req = zanlex::pages::SearchPageRequest::parse(&typed, &door.budget, str::to_string)?
        .time_limit(Some(state.readers.query_budget()));
    let page = read(&state, &door, req, |index, req, _, budget| {
        zanlex::pages::search_page(index, req, budget)
    });
    Ok(Json(page.await?))
}

/// The parameters of `/v1/acts`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ActsParams {
    /// Acts on the page
    #[param(value_type = doc::ActsLimitParam, inline, required = false)]
    limit: Option<String>,
    /// Acts before the page
    #[param(value_type = doc::OffsetParam, inline, required = false)]
    offset: Option<String>,
}

/// `GET /v1/acts`: `zanlex acts --json`, one page of it (`offset`, `limit`), with `total`.
#[utoipa::path(
    get,
    path = "/v1/acts",
    operation_id = "acts",
    summary = "Acts with metadata and status (zanlex acts --json), one page of them: at most \
               1000 (limit), after offset; total counts them all",
    params(ActsParams),
    responses((status = 200, description = "OK", body = zanlex::ActList), ActsErrors)
)]
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
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ActParams {
    /// kk (Kazakh) or ru (Russian); empty: as if not given
    #[param(value_type = doc::LangParam, inline, required = false)]
    lang: Option<String>,
    /// true: each unit with its own text (`text`); default false, the outline alone; empty: as
    /// if not given
    #[param(value_type = doc::FlagParam, inline, required = false)]
    text: Option<String>,
    /// With text=true: each unit's highlights, what a search for these words marks in its text
    #[param(value_type = doc::MarkParam, inline, required = false)]
    q: Option<String>,
    /// The act read on this date: the units it had that day, each with its heading and
    /// state then (with text=true its wording in force that day too); empty: as if not given
    #[param(value_type = doc::DateParam, inline, required = false)]
    as_of: Option<String>,
    /// With text=true: the answer starts at the unit in this place, in document order from 0
    /// (a unit before the units inside it), and holds it and the units after it with their
    /// texts; an answer past its size stops where a unit ends and gives the next place in
    /// next_offset
    #[param(value_type = doc::OffsetParam, inline, required = false)]
    offset: Option<String>,
}

/// `GET /v1/acts/{id}`: the act's metadata and outline (the unit tree with eids, labels and
/// headings, as `zanlex show ID` prints it), with `expressions`, the languages the act has;
/// each unit's own text too with `text=true`.
#[utoipa::path(
    get,
    path = "/v1/acts/{id}",
    operation_id = "act",
    summary = "One act: metadata and outline, the unit tree with eids, labels and headings \
               (zanlex show ID); text=true: each unit's own text too",
    description = "Without text=true no unit text is sent, however large the act: the page \
                   reads the outline first, then the texts, and a provision's text alone from \
                   /v1/acts/{id}/units/{eid}. With text=true an act larger than one answer \
                   comes in pages, its outline and texts together: each holds the units from \
                   offset, each with its text, stops where a unit ends and gives the offset to \
                   ask next in next_offset; a unit whose holder was on an earlier page names \
                   it in parent.",
    params(("id" = String, Path, description = ACT_ID), ActParams),
    responses((status = 200, description = "OK", body = zanlex::ActOutline), MarkedReadErrors)
)]
pub(crate) async fn act(
    State(state): AppStateRef,
    Extension(door): DoorRef,
    Path(id): Path<String>,
    q: Result<Query<ActParams>, QueryRejection>,
) -> Answer<zanlex::ActOutline> {
    let p = params(q)?;
    let args = zanlex::pages::ReadArgs {
        target: &id,
        as_of: p.as_of.as_deref(),
        lang: p.lang.as_deref(),
        texts: flag_param("text", p.text.as_deref())?,
        offset: optional_number("offset", p.offset.as_deref())?,
        mark: p.q.as_deref(),
        ..Default::default()
    };
    let request = zanlex::pages::ReadRequest::parse(&args, param_name)?;
    let outline = read(&state, &door, request, |index, request, _, budget| {
        zanlex::pages::act_page(index, request, budget)
    });
    Ok(Json(outline.await?))
}

/// A value's name as the query string spells it (the texts of an act are `text=true`).
pub(crate) fn param_name(name: &str) -> String {
    match name {
        "texts" => "text=true".to_string(),
        "parallel" => "parallel=true".to_string(),
        "query" => "q".to_string(),
        other => other.to_string(),
    }
}

/// The parameters of an act's download.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct DownloadParams {
    /// The date whose wording the file gives (YYYY-MM-DD); empty: today
    #[param(value_type = doc::DateParam, inline, required = false)]
    date: Option<String>,
    /// md (Markdown, the default) or txt (plain text)
    #[param(value_type = doc::FileFormatParam, inline, required = false)]
    format: Option<String>,
    /// kk (Kazakh, the default when the act has it) or ru; empty: as if not given
    #[param(value_type = doc::LangParam, inline, required = false)]
    lang: Option<String>,
}

/// `GET /v1/acts/{id}/download`: `zanlex show ID --as-of D --format md|txt`, the act as it
/// stood on a date as a file to attach.
#[utoipa::path(
    get,
    path = "/v1/acts/{id}/download",
    operation_id = "act_download",
    summary = "The act as it stood on a date, as a file to attach: its citation and the date \
               on top, then each unit in its wording in force that day (zanlex show ID \
               --as-of D --format md|txt)",
    description = "A unit with no wording in force that day is named with its state in words; \
                   an act not in force that day (not yet adopted or in force, repealed) gets \
                   its state and no text. Sent as an attachment named by the act's id, the \
                   language and the date.",
    params(("id" = String, Path, description = ACT_ID), DownloadParams),
    responses(
        (status = 200, description = "The file",
            content((String = "text/markdown"), (String = "text/plain")),
            headers(("Content-Disposition" = String,
                description = "attachment, with the file name (act id, language, date)"))),
        ReadErrors
    )
)]
pub(crate) async fn act_download(
    State(state): AppStateRef,
    Path(id): Path<String>,
    q: Result<Query<DownloadParams>, QueryRejection>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let p = params(q)?;
    let lang = lang_param(p.lang.as_deref())?;
    let date =
        date_param("date", p.date.as_deref())?.unwrap_or_else(|| chrono::Local::now().date_naive());
    let format = match p.format.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        None => zanlex::FileFormat::Markdown,
        Some(f) => zanlex::FileFormat::parse(f)?,
    };
    let file = state
        .readers
        .run(state.index(), move |index| {
            Ok(index.act_file(&id, lang, date, format)?)
        })
        .await?;
    let disposition = format!("attachment; filename=\"{}\"", file.file_name);
    // Sent as the library writes it, piece by piece: an act of any size is never held whole
    // as a file.
    let body = axum::body::Body::from_stream(futures_util::stream::iter(
        file.body.map(Ok::<_, std::convert::Infallible>),
    ));
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                file.media_type.to_string(),
            ),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
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

/// The description of the path parameter `id`.
pub(super) const ACT_ID: &str = "Act id, as /v1/acts lists it";
/// The description of the path parameter `eid`.
const UNIT_ID: &str = "Unit id (Akoma Ntoso style, e.g. att_1__para_3)";

/// The parameters of a list of what a unit refers to.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct RefsParams {
    /// The language of the citing text: kk (Kazakh, the default when the act has it) or ru;
    /// empty: as if not given
    #[param(value_type = doc::LangParam, inline, required = false)]
    lang: Option<String>,
    /// Read the wording in force on this date (YYYY-MM-DD): an older edition when the corpus
    /// has it, else the current text (refs --as-of); empty: as if not given
    #[param(value_type = doc::DateParam, inline, required = false)]
    as_of: Option<String>,
    /// true: only the references that could not be resolved (refs --unresolved)
    #[param(value_type = doc::FlagParam, inline, required = false)]
    unresolved: Option<String>,
    /// References before the page; the previous page's next_offset gives the next
    #[param(value_type = doc::OffsetParam, inline, required = false)]
    offset: Option<String>,
    /// References on the page; an answer past its size stops where a reference ends and
    /// gives the next in next_offset
    #[param(value_type = doc::ListLimitParam, inline, required = false)]
    limit: Option<String>,
}

/// The parameters of a list of what refers to a unit.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct CitedByParams {
    /// Only references made in texts in this language: kk (Kazakh) or ru (Russian); empty: as
    /// if not given
    #[param(value_type = doc::LangParam, inline, required = false)]
    lang: Option<String>,
    /// true: only references to the unit itself, not to units inside it (cited-by --exact);
    /// empty: as if not given
    #[param(value_type = doc::FlagParam, inline, required = false)]
    exact: Option<String>,
    /// Read the wording in force on this date (YYYY-MM-DD): an older edition when the corpus
    /// has it, else the current text (cited-by --as-of); empty: as if not given
    #[param(value_type = doc::DateParam, inline, required = false)]
    as_of: Option<String>,
    /// References before the page; the previous page's next_offset gives the next
    #[param(value_type = doc::OffsetParam, inline, required = false)]
    offset: Option<String>,
    /// References on the page; an answer past its size stops where a reference ends and
    /// gives the next in next_offset
    #[param(value_type = doc::ListLimitParam, inline, required = false)]
    limit: Option<String>,
}

/// `GET /v1/acts/{id}/refs`: `zanlex refs ID --json`.
#[utoipa::path(
    get,
    path = "/v1/acts/{id}/refs",
    operation_id = "actRefs",
    summary = "What the act's units refer to, each reference resolved or said why not \
               (zanlex refs ID --json)",
    params(("id" = String, Path, description = ACT_ID), RefsParams),
    responses((status = 200, description = "OK", body = RefsPage<zanlex::RefList>), ReadErrors)
)]
pub(crate) async fn act_refs(
    state: AppStateRef,
    door: DoorRef,
    Path(id): Path<String>,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer<RefsPage<zanlex::RefList>> {
    refs(state, door, Target::new(id, None), q).await
}

/// `GET /v1/acts/{id}/units/{eid}/refs`: `zanlex refs ID#EID --json`, what the unit and the
/// units inside it refer to, each reference resolved or said why not.
#[utoipa::path(
    get,
    path = "/v1/acts/{id}/units/{eid}/refs",
    operation_id = "unitRefs",
    summary = "What the unit and the units inside it refer to, each reference resolved or said \
               why not (zanlex refs ID#EID --json)",
    params(
        ("id" = String, Path, description = ACT_ID),
        ("eid" = String, Path, description = UNIT_ID),
        RefsParams
    ),
    responses((status = 200, description = "OK", body = RefsPage<zanlex::RefList>), ReadErrors)
)]
pub(crate) async fn unit_refs(
    state: AppStateRef,
    door: DoorRef,
    Path((id, eid)): Path<(String, String)>,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer<RefsPage<zanlex::RefList>> {
    refs(state, door, Target::new(id, Some(eid)), q).await
}

async fn refs(
    State(state): AppStateRef,
    Extension(door): DoorRef,
    target: Target,
    q: Result<Query<RefsParams>, QueryRejection>,
) -> Answer<RefsPage<zanlex::RefList>> {
    let p = params(q)?;
    let target = target.to_string();
    let (lang, as_of) = (p.lang.as_deref(), p.as_of.as_deref());
    let (offset, limit) = (p.offset.as_deref(), p.limit.as_deref());
    let args = ListArgs {
        unresolved: flag_param("unresolved", p.unresolved.as_deref())?,
        ..list_args(&target, lang, as_of, offset, limit)?
    };
    let request = RefsRequest::parse(&args, &door.budget, param_name)?;
    let page = read(&state, &door, request, zanlex::pages::refs_page);
    Ok(Json(page.await?))
}

/// `GET /v1/acts/{id}/cited-by`: `zanlex cited-by ID --json`.
#[utoipa::path(
    get,
    path = "/v1/acts/{id}/cited-by",
    operation_id = "actCitedBy",
    summary = "The provisions across the corpus that refer to the act or any of its units \
               (zanlex cited-by ID --json)",
    params(("id" = String, Path, description = ACT_ID), CitedByParams),
    responses((status = 200, description = "OK", body = RefsPage<zanlex::CitedByList>), ReadErrors)
)]
pub(crate) async fn act_cited_by(
    state: AppStateRef,
    door: DoorRef,
    Path(id): Path<String>,
    q: Result<Query<CitedByParams>, QueryRejection>,
) -> Answer<RefsPage<zanlex::CitedByList>> {
    cited_by(state, door, Target::new(id, None), q).await
}

/// `GET /v1/acts/{id}/units/{eid}/cited-by`: `zanlex cited-by ID#EID --json`, the provisions
/// across the corpus that refer to the unit or (without `exact=true`) a unit inside it;
/// `lang` keeps the references made in that language's texts.
#[utoipa::path(
    get,
    path = "/v1/acts/{id}/units/{eid}/cited-by",
    operation_id = "unitCitedBy",
    summary = "The provisions across the corpus that refer to the unit or a unit inside it \
               (zanlex cited-by ID#EID --json)",
    params(
        ("id" = String, Path, description = ACT_ID),
        ("eid" = String, Path, description = UNIT_ID),
        CitedByParams
    ),
    responses((status = 200, description = "OK", body = RefsPage<zanlex::CitedByList>), ReadErrors)
)]
pub(crate) async fn unit_cited_by(
    state: AppStateRef,
    door: DoorRef,
    Path((id, eid)): Path<(String, String)>,
    q: Result<Query<CitedByParams>, QueryRejection>,
) -> Answer<RefsPage<zanlex::CitedByList>> {
    cited_by(state, door, Target::new(id, Some(eid)), q).await
}

async fn cited_by(
    State(state): AppStateRef,
    Extension(door): DoorRef,
    target: Target,
    q: Result<Query<CitedByParams>, QueryRejection>,
) -> Answer<RefsPage<zanlex::CitedByList>> {
    let p = params(q)?;
    let target = target.to_string();
    let (lang, as_of) = (p.lang.as_deref(), p.as_of.as_deref());
    let (offset, limit) = (p.offset.as_deref(), p.limit.as_deref());
    let args = ListArgs {
        exact: flag_param("exact", p.exact.as_deref())?,
        ..list_args(&target, lang, as_of, offset, limit)?
    };
    let request = RefsRequest::parse(&args, &door.budget, param_name)?;
    let page = read(&state, &door, request, zanlex::pages::cited_by_page);
    Ok(Json(page.await?))
}

/// The parameters of an act's related acts.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct RelatedParams {
    /// The language of the act's text read (its references and amendment notes): kk
    /// (Kazakh, the default when the act has it) or ru; empty: as if not given
    #[param(value_type = doc::LangParam, inline, required = false)]
    lang: Option<String>,
    /// The related acts' states on this date (YYYY-MM-DD) by the time rule, and the texts'
    /// references in force then; empty: today
    #[param(value_type = doc::DateParam, inline, required = false)]
    as_of: Option<String>,
    /// Entries of each list (amends, amended_by, cites, cited_by) before the page; the
    /// previous page's next_offset gives the next
    #[param(value_type = doc::OffsetParam, inline, required = false)]
    offset: Option<String>,
    /// Entries of each list on the page; an answer past its size stops where an entry ends
    /// and gives the next in next_offset
    #[param(value_type = doc::ListLimitParam, inline, required = false)]
    limit: Option<String>,
}

/// `GET /v1/acts/{id}/related`: the act's predecessor and successor, the acts it amends and
/// those amending it, the acts it cites and those citing it, each with its status.
#[utoipa::path(
    get,
    path = "/v1/acts/{id}/related",
    operation_id = "actRelated",
    summary = "The acts related to an act: its predecessor and successor, the acts it amends \
               and that amend it, the acts it cites and that cite it, each with its status",
    params(("id" = String, Path, description = ACT_ID), RelatedParams),
    responses((status = 200, description = "OK", body = RelatedActs), ReadErrors)
)]
pub(crate) async fn act_related(
    State(state): AppStateRef,
    Extension(door): DoorRef,
    Path(id): Path<String>,
    q: Result<Query<RelatedParams>, QueryRejection>,
) -> Answer<RelatedActs> {
    let p = params(q)?;
    let (lang, as_of) = (p.lang.as_deref(), p.as_of.as_deref());
    let args = list_args(&id, lang, as_of, p.offset.as_deref(), p.limit.as_deref())?;
    let request = RelatedRequest::parse(&args, &door.budget, param_name)?;
    let page = read(&state, &door, request, zanlex::pages::related_acts);
    Ok(Json(page.await?))
}

/// The parameters of a unit.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct UnitParams {
    /// The wording in force on this date; empty: as if not given
    #[param(value_type = doc::DateParam, inline, required = false)]
    as_of: Option<String>,
    /// kk (Kazakh) or ru (Russian); empty: as if not given
    #[param(value_type = doc::LangParam, inline, required = false)]
    lang: Option<String>,
    /// true: an object keyed by language; empty: as if not given
    #[param(value_type = doc::FlagParam, inline, required = false)]
    parallel: Option<String>,
    /// The text's highlights: what a search for these words marks in it
    #[param(value_type = doc::MarkParam, inline, required = false)]
    q: Option<String>,
}

/// `GET /v1/acts/{id}/units/{eid}`: `zanlex show ID#EID --json` (`--as-of`, `--lang`), or
/// with `parallel=true` `--parallel --json` (an object keyed by language).
#[utoipa::path(
    get,
    path = "/v1/acts/{id}/units/{eid}",
    operation_id = "unit",
    summary = "A unit's text at a date, with what its own text refers to (zanlex show ID#EID \
               --json); parallel=true: both languages",
    params(
        ("id" = inline(doc::ActIdParam), Path, description = ACT_ID),
        ("eid" = inline(doc::UnitIdParam), Path, description = UNIT_ID),
        UnitParams
    ),
    responses((status = 200, description = "OK", body = inline(zanlex::UnitOrParallel)), MarkedReadErrors)
)]
pub(crate) async fn unit(
    State(state): AppStateRef,
    Extension(door): DoorRef,
    Path((id, eid)): Path<(String, String)>,
    q: Result<Query<UnitParams>, QueryRejection>,
) -> Answer<zanlex::UnitOrParallel> {
    let p = params(q)?;
    let target = format!("{id}#{eid}");
    let args = zanlex::pages::ReadArgs {
        target: &target,
        as_of: p.as_of.as_deref(),
        lang: p.lang.as_deref(),
        parallel: flag_param("parallel", p.parallel.as_deref())?,
        mark: p.q.as_deref(),
        ..Default::default()
    };
    let request = zanlex::pages::ReadRequest::parse(&args, param_name)?;
    let unit = read(&state, &door, request, |index, request, _, budget| {
        zanlex::pages::unit_page(index, request, budget)
    });
    Ok(Json(unit.await?))
}

/// The parameters of a history.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct HistoryParams {
    /// One unit's history (its amendments and wordings) instead of the whole act's
    eid: Option<String>,
    /// kk (Kazakh) or ru (Russian); empty: as if not given
    #[param(value_type = doc::LangParam, inline, required = false)]
    lang: Option<String>,
    /// Entries of each list (entries, versions, wordings) before the page; the previous
    /// page's next_offset gives the next
    #[param(value_type = doc::OffsetParam, inline, required = false)]
    offset: Option<String>,
    /// Entries of each list on the page; an answer past its size stops where an entry ends
    /// and gives the next in next_offset
    #[param(value_type = doc::ListLimitParam, inline, required = false)]
    limit: Option<String>,
}

/// `GET /v1/acts/{id}/history`: `zanlex history ID [EID] --json`.
#[utoipa::path(
    get,
    path = "/v1/acts/{id}/history",
    operation_id = "history",
    summary = "The amendment timeline of an act or one unit (zanlex history ID [EID] --json)",
    params(("id" = String, Path, description = ACT_ID), HistoryParams),
    responses((status = 200, description = "OK", body = HistoryPage), ReadErrors)
)]
pub(crate) async fn history(
    State(state): AppStateRef,
    Extension(door): DoorRef,
    Path(id): Path<String>,
    q: Result<Query<HistoryParams>, QueryRejection>,
) -> Answer<HistoryPage> {
    let p = params(q)?;
    let target = Target::new(id, text_param(p.eid)).to_string();
    let lang = p.lang.as_deref();
    let args = list_args(&target, lang, None, p.offset.as_deref(), p.limit.as_deref())?;
    let request = HistoryRequest::parse(&args, &door.budget, param_name)?;
    let page = read(&state, &door, request, zanlex::pages::history_page);
    Ok(Json(page.await?))
}

/// The parameters of a diff.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct DiffParams {
    /// The older edition: its id (as the act's versions list it) or a date
    #[param(value_type = doc::EditionParam, inline, required = true)]
    from: Option<String>,
    /// The newer edition: its id or a date
    #[param(value_type = doc::EditionParam, inline, required = true)]
    to: Option<String>,
    /// Only this unit and the units inside it
    eid: Option<String>,
    /// kk (Kazakh) or ru (Russian); empty: as if not given
    #[param(value_type = doc::LangParam, inline, required = false)]
    lang: Option<String>,
    /// Changes (units) before the page; the previous page's next_offset gives the next
    #[param(value_type = doc::OffsetParam, inline, required = false)]
    offset: Option<String>,
    /// Changes on the page; an answer past its size stops where a change ends and gives the
    /// next in next_offset
    #[param(value_type = doc::ListLimitParam, inline, required = false)]
    limit: Option<String>,
}

/// `GET /v1/acts/{id}/diff`: `zanlex diff ID[#EID] --from A --to B --json`.
#[utoipa::path(
    get,
    path = "/v1/acts/{id}/diff",
    operation_id = "diff",
    summary = "What changed between two editions, word by word (zanlex diff ID[#EID] --from A \
               --to B --json)",
    params(("id" = String, Path, description = ACT_ID), DiffParams),
    responses((status = 200, description = "OK", body = ActDiffPage), ReadErrors)
)]
pub(crate) async fn diff(
    State(state): AppStateRef,
    Extension(door): DoorRef,
    Path(id): Path<String>,
    q: Result<Query<DiffParams>, QueryRejection>,
) -> Answer<ActDiffPage> {
    let p = params(q)?;
    let (offset, limit) = list_numbers(p.offset.as_deref(), p.limit.as_deref())?;
    let target = Target::new(id, text_param(p.eid)).to_string();
    let args = DiffArgs {
        target: &target,
        from: p.from.as_deref(),
        to: p.to.as_deref(),
        lang: p.lang.as_deref(),
        offset,
        limit,
    };
    let request = DiffRequest::parse(&args, &door.budget, param_name)?;
    let diff = read(&state, &door, request, |index, request, _, budget| {
        zanlex::pages::diff_page(index, request, budget)
    });
    Ok(Json(diff.await?))
}

/// `GET /healthz`: the server answers and has an index; no read of it.
#[utoipa::path(
    get,
    path = "/healthz",
    operation_id = "healthz",
    summary = "Liveness: the server answers and has an index",
    responses((status = 200, description = "OK", body = zanlex::Health))
)]
pub(crate) async fn healthz(State(state): AppStateRef) -> Json<zanlex::Health> {
    Json(zanlex::Health::new(
        state.swaps(),
        state.index().generation(),
    ))
}

/// `POST /v1/reindex`: refreshes the index now (as the watcher does when the corpus
/// changes); only from the machine itself, since a refresh costs a full read of the corpus.
#[utoipa::path(
    post,
    path = "/v1/reindex",
    operation_id = "reindex",
    summary = "Refresh the index from the corpus now (only from the machine zanlex runs on)",
    responses(
        (status = 200, description = "OK", body = zanlex::RefreshAnswer),
        ReindexErrors
    )
)]
pub(crate) async fn reindex(
    State(state): AppStateRef,
    ConnectInfo(super::conn::Peer(peer)): ConnectInfo<super::conn::Peer>,
) -> Answer<zanlex::RefreshAnswer> {
    if !peer.ip().is_loopback() {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "reindex is taken only from the machine zanlex runs on (loopback)",
        ));
    }
    Ok(Json(state.refresh(true).await?))
}

/// The parameters of recent changes (`/v1/changes` and the Atom feed `/changes.atom`).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ChangesParams {
    /// Only this act's changes (an act id, as /v1/acts lists it)
    act: Option<String>,
    /// Only the changes of the acts this search finds (the query syntax of /v1/search): the
    /// acts of its best hits, at most 20
    #[param(value_type = doc::MarkParam, inline, required = false)]
    q: Option<String>,
    /// The earliest day listed (YYYY-MM-DD); empty: as if not given
    #[param(value_type = doc::DateParam, inline, required = false)]
    since: Option<String>,
    /// The latest day listed (YYYY-MM-DD); empty: as if not given
    #[param(value_type = doc::DateParam, inline, required = false)]
    until: Option<String>,
    /// The language of the texts whose notes are read: kk (Kazakh, the default when an act
    /// has it) or ru; empty: as if not given
    #[param(value_type = doc::LangParam, inline, required = false)]
    lang: Option<String>,
    /// Changes on the page
    #[param(value_type = doc::ChangesLimitParam, inline, required = false)]
    limit: Option<String>,
    /// Changes before the page
    #[param(value_type = doc::OffsetParam, inline, required = false)]
    offset: Option<String>,
    /// The Atom feed's words: kk (the default) or ru; the JSON answer has both
    #[param(value_type = doc::LangParam, inline, required = false)]
    ui: Option<String>,
}

impl ChangesParams {
    /// The library's request these ask, and the language of a feed's words.
    pub(crate) fn request(self) -> Result<(zanlex::pages::RecentChangesRequest, Lang), ApiError> {
        let ui = lang_param(self.ui.as_deref())?.unwrap_or(Lang::Kk);
        let args = zanlex::pages::RecentArgs {
            act: self.act.as_deref(),
            query: self.q.as_deref(),
            since: self.since.as_deref(),
            until: self.until.as_deref(),
            lang: self.lang.as_deref(),
            offset: optional_number("offset", self.offset.as_deref())?,
            limit: optional_number("limit", self.limit.as_deref())?,
        };
        let request = zanlex::pages::RecentChangesRequest::parse(&args, param_name)?;
        Ok((request, ui))
    }
}

/// The recent changes a request asks for, from the index in force.
pub(crate) async fn recent_changes(
    state: &AppState,
    door: &Arc<Door>,
    request: zanlex::pages::RecentChangesRequest,
) -> Result<zanlex::pages::RecentChangesAnswer, ApiError> {
    read(state, door, request, zanlex::pages::recent_changes).await
}

/// `GET /v1/changes`: the amendments the acts' notes record, newest first by the day they
/// take effect: across the corpus, in one act (`act`) or in the acts a search finds (`q`).
#[utoipa::path(
    get,
    path = "/v1/changes",
    operation_id = "changes",
    summary = "Recent changes: what each amending act changed in each act, newest first by the \
               day it takes effect, across the corpus, in one act (act) or in the acts a \
               search finds (q); the same as an Atom feed at /changes.atom",
    params(ChangesParams),
    responses((status = 200, description = "OK", body = zanlex::pages::RecentChangesAnswer), SearchErrors)
)]
pub(crate) async fn changes(
    State(state): AppStateRef,
    Extension(door): DoorRef,
    q: Result<Query<ChangesParams>, QueryRejection>,
) -> Answer<zanlex::pages::RecentChangesAnswer> {
    let (request, _) = params(q)?.request()?;
    Ok(Json(recent_changes(&state, &door, request).await?))
}

/// The parameters of `/v1/amended-by`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct AmendedByParams {
    /// The amending act: its id (as /v1/acts lists it), or its requisites as written: kind,
    /// date and number («Закон РК от 17.07.2024 № 118-VIII», «2024 жылғы 17 шілдедегі №
    /// 118-VIII Заң»)
    #[param(value_type = doc::QueryParam, inline, required = true)]
    by: Option<String>,
    /// The language of the texts whose notes are read: kk (Kazakh, the default when an act
    /// has it) or ru; empty: as if not given
    #[param(value_type = doc::LangParam, inline, required = false)]
    lang: Option<String>,
    /// Provisions on the page
    #[param(value_type = doc::AmendedByLimitParam, inline, required = false)]
    limit: Option<String>,
    /// Provisions before the page
    #[param(value_type = doc::OffsetParam, inline, required = false)]
    offset: Option<String>,
}

/// `GET /v1/amended-by`: what one amending act changed across the corpus, provision by
/// provision (`zanlex amended-by ACT --json`).
#[utoipa::path(
    get,
    path = "/v1/amended-by",
    operation_id = "amended_by",
    summary = "What one amending act changed across the corpus: every provision the acts' \
               notes say it amended, added, reworded, deleted or repealed, by act and in each \
               act's order (zanlex amended-by ACT --json)",
    params(AmendedByParams),
    responses((status = 200, description = "OK", body = zanlex::pages::AmendedByAnswer), doc::AmendedByErrors)
)]
pub(crate) async fn amended_by(
    State(state): AppStateRef,
    Extension(door): DoorRef,
    q: Result<Query<AmendedByParams>, QueryRejection>,
) -> Answer<zanlex::pages::AmendedByAnswer> {
    let p = params(q)?;
    let args = zanlex::pages::AmendedByArgs {
        by: p.by.as_deref().unwrap_or_default(),
        lang: p.lang.as_deref(),
        offset: optional_number("offset", p.offset.as_deref())?,
        limit: optional_number("limit", p.limit.as_deref())?,
    };
    let request = zanlex::pages::AmendedByRequest::parse(&args, param_name)?;
    Ok(Json(
        read(&state, &door, request, zanlex::pages::amended_by).await?,
    ))
}

/// The parameters of `/v1/grep`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct GrepParams {
    /// The regular expression (Rust's regex syntax: no look-around, no back-references), at
    /// most 500 characters, e.g. пункт \d+ статьи 12
    #[param(value_type = doc::PatternParam, inline, required = true)]
    pattern: Option<String>,
    /// Only this act's units (an act id, as /v1/acts lists it)
    act: Option<String>,
    /// Only acts of this kind (order, law, code, …)
    kind: Option<String>,
    /// in_force, repealed or unknown
    status: Option<String>,
    /// kk (Kazakh) or ru (Russian); both when empty
    #[param(value_type = doc::LangParam, inline, required = false)]
    lang: Option<String>,
    /// Only the wording in force on this date (YYYY-MM-DD); the current texts when empty
    #[param(value_type = doc::DateParam, inline, required = false)]
    as_of: Option<String>,
    /// true: letters match whatever their case
    #[param(value_type = doc::FlagParam, inline, required = false)]
    ignore_case: Option<String>,
    /// Units on the page
    #[param(value_type = doc::GrepLimitParam, inline, required = false)]
    limit: Option<String>,
    /// Units before the page
    #[param(value_type = doc::OffsetParam, inline, required = false)]
    offset: Option<String>,
    /// Matching units counted before the reading stops (then total is a lower bound,
    /// total_is_lower_bound)
    #[param(value_type = doc::GrepBoundParam, inline, required = false)]
    total_bound: Option<String>,
}

/// `GET /v1/grep`: the units whose stored text a regular expression matches, in one act or
/// the acts a filter keeps, each with its citation, permalink, state and matches.
#[utoipa::path(
    get,
    path = "/v1/grep",
    operation_id = "grep",
    summary = "The units whose text a regular expression matches (linear-time regex, bounded): \
               in one act (act) or the acts of a kind, status or language, the current texts \
               or the wording in force on a date (as_of); each unit with its citation, \
               permalink, state and the matches as character offsets with an excerpt",
    params(GrepParams),
    responses((status = 200, description = "OK", body = zanlex::pages::GrepAnswer), GrepErrors)
)]
pub(crate) async fn grep(
    State(state): AppStateRef,
    Extension(door): DoorRef,
    q: Result<Query<GrepParams>, QueryRejection>,
) -> Answer<zanlex::pages::GrepAnswer> {
    let p = params(q)?;
    let args = zanlex::pages::GrepArgs {
        pattern: p.pattern.as_deref().unwrap_or_default(),
        act: p.act.as_deref(),
        kind: p.kind.as_deref(),
        status: p.status.as_deref(),
        lang: p.lang.as_deref(),
        as_of: p.as_of.as_deref(),
        ignore_case: flag_param("ignore_case", p.ignore_case.as_deref())?,
        offset: optional_number("offset", p.offset.as_deref())?,
        limit: optional_number("limit", p.limit.as_deref())?,
        total_bound: optional_number("total_bound", p.total_bound.as_deref())?,
    };
    let request = zanlex::pages::GrepRequest::parse(&args, param_name)?;
    Ok(Json(
        read(&state, &door, request, zanlex::pages::grep).await?,
    ))
}
