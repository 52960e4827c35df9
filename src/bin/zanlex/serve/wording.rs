//! `GET /v1/acts/{id}/wording`: when a phrase appeared in an act's units and when it went,
//! over its editions (`zanlex wording ID PHRASE --json`).

use super::api::{self, Answer, AppStateRef, DoorRef, ACT_ID};
use super::schemas::{self as doc, MarkedReadErrors};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;
use zanlex::pages::{WordingAnswer, WordingArgs, WordingRequest};

/// The parameters of a wording's history.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct WordingParams {
    /// The phrase, its words in the forms to find (letter case and Latin look-alike letters
    /// aside)
    #[param(value_type = doc::PhraseParam, inline)]
    phrase: String,
    /// Only this unit (its eid) and the units inside it; empty: the whole act
    #[param(value_type = doc::UnitOrEmptyParam, inline, required = false)]
    unit: Option<String>,
    /// kk (Kazakh) or ru (Russian); empty: the first of the act's texts (Kazakh first) where
    /// the phrase occurs
    #[param(value_type = doc::LangParam, inline, required = false)]
    lang: Option<String>,
    /// Units on the page
    #[param(value_type = doc::WordingLimitParam, inline, required = false)]
    limit: Option<String>,
    /// Units before the page
    #[param(value_type = doc::OffsetParam, inline, required = false)]
    offset: Option<String>,
}

/// `GET /v1/acts/{id}/wording`: `zanlex wording ID PHRASE --json`.
#[utoipa::path(
    get,
    path = "/v1/acts/{id}/wording",
    operation_id = "wording",
    summary = "When a phrase appeared in an act's units and when it went, over its editions, \
               by the point-in-time rule (zanlex wording ID PHRASE --json)",
    params(
        ("id" = inline(doc::ActIdParam), Path, description = ACT_ID),
        WordingParams
    ),
    responses((status = 200, description = "OK", body = WordingAnswer), MarkedReadErrors)
)]
pub(crate) async fn wording(
    axum::extract::State(state): AppStateRef,
    axum::Extension(door): DoorRef,
    Path(id): Path<String>,
    q: Result<Query<WordingParams>, QueryRejection>,
) -> Answer<WordingAnswer> {
    let p = api::params(q)?;
    let args = WordingArgs {
        act: &id,
        unit: p.unit.as_deref(),
        phrase: &p.phrase,
        lang: p.lang.as_deref(),
        offset: api::optional_number("offset", p.offset.as_deref())?,
        limit: api::optional_number("limit", p.limit.as_deref())?,
    };
    let request = WordingRequest::parse(&args, api::param_name)?;
    let answer = api::read(&state, &door, request, zanlex::pages::wording_history);
    Ok(Json(answer.await?))
}
