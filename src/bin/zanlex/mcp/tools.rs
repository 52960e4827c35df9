//! The MCP tools: `search`, `read`, `at_date`, `history`, `changes`, `recent_changes`, `refs`,
//! `cited_by`, `related`, `stats`, `amended_by` and `grep` (the arguments of `changes`,
//! `recent_changes` and `stats` in
//! [`changes`]), and `wording` (in [`wording`], with its own router). Each parses its arguments into checked values, asks the library for its answer on the index in force (on a bounded blocking read,
//! as the JSON API does) and sends it as JSON text: the library's answers cut to a page and a
//! size in characters, with links that open ([`zanlex::pages`]). A mistake in the arguments
//! is a tool error worded for the model to act on, with its code from zanlex's table of error
//! codes, never a server folder.

mod amended_by;
mod changes;
mod grep;
mod wording;

use crate::served::errors::{hide_paths, ApiError};
use crate::served::state::AppState;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{CallToolResult, ContentBlock, ServerCapabilities, ServerConfig};
use rmcp::{tool, tool_handler, tool_router, ServerHandler};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use zanlex::pages::{Budget, Links, ListArgs};
use zanlex::{ErrorCode, ZanIndex};

/// What the model is told about zanlex when it connects.
const INSTRUCTIONS: &str = "zanlex searches Kazakhstan's normative acts (laws, codes, orders, \
rules) in Kazakh and Russian, with pinpoint citations. Start with `search`; each hit names its act \
id and unit eid, which `read`, `at_date`, `history`, `changes`, `refs` and `cited_by` take as \
`ACT_ID#EID` (or `ACT_ID` for a whole act); `changes` says what changed in an act between two \
dates, and `stats` counts acts and amendments across the corpus. Answers are bounded in size: a \
page cut short says so and gives the `next_offset`. Quote the `citation` of what you use, and give \
the `permalink` (the provision's page, or the official text's address) for the reader to open it.";

/// The tool server: one per stdio session or HTTP request, all sharing the served state.
#[derive(Clone)]
pub(crate) struct Zanlex {
    state: Arc<AppState>,
    /// Where the answers' links lead.
    links: Arc<Links>,
    /// How large an answer may be.
    budget: Budget,
    tool_router: ToolRouter<Self>,
}

/// A tool call that failed: what the model is told, with what to do instead, and the
/// error's code in zanlex's table.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ToolError {
    code: ErrorCode,
    message: String,
}

impl ToolError {
    /// A mistake in the arguments, worded by the door.
    fn bad(message: impl Into<String>) -> Self {
        ToolError {
            code: ErrorCode::BadRequest,
            message: message.into(),
        }
    }
}

impl From<zanlex::Error> for ToolError {
    /// The library's error as the API words it, but for an unknown unit, which names the
    /// tool that lists the act's units.
    fn from(err: zanlex::Error) -> Self {
        match &err {
            zanlex::Error::UnknownUnit { act, eid } => ToolError {
                code: err.code(),
                message: format!(
                    "Act {act} has no unit {eid:?}. Call `read` with target {act:?} to list its \
                     units and their eids, or `search` with `act:{act}` and words from the \
                     provision."
                ),
            },
            _ => ApiError::from(err).into(),
        }
    }
}

impl From<ApiError> for ToolError {
    fn from(err: ApiError) -> Self {
        ToolError {
            code: err.code,
            message: hide_paths(&err.message),
        }
    }
}

/// A tool's answer: its JSON as text and as structured content (as its tool's output schema
/// describes it), or the error as a tool error (`isError`, its message as text and
/// `{"error": {"code", "message"}}` as structured content), which the model reads and can
/// correct, rather than a failure of the protocol.
fn answer(result: Result<impl Serialize, ToolError>) -> CallToolResult {
    let json = result.and_then(|a| {
        let text = serde_json::to_string(&a);
        let value = serde_json::to_value(&a);
        text.and_then(|t| value.map(|v| (t, v))).map_err(|e| {
            eprintln!("zanlex: an MCP answer could not be written: {e}");
            ToolError {
                code: ErrorCode::Internal,
                message: "the answer could not be written; the server's log has the details".into(),
            }
        })
    });
    match json {
        Ok((text, value)) => {
            let mut result = CallToolResult::success(vec![ContentBlock::text(text)]);
            result.structured_content = Some(value);
            result
        }
        Err(ToolError { code, message }) => {
            let mut result = CallToolResult::error(vec![ContentBlock::text(message.clone())]);
            result.structured_content =
                serde_json::to_value(zanlex::ErrorAnswer::new(code, message)).ok();
            result
        }
    }
}

/// The output schema of a tool answering `T`: the JSON Schema the OpenAPI document gives the
/// library's type, the types it holds under `$defs`, an object at its root as MCP asks.
fn output_schema<T: utoipa::ToSchema>() -> Arc<serde_json::Map<String, serde_json::Value>> {
    output_schema_of::<T>(Vec::new())
}

/// [`output_schema`] of a page of a list `L` (`RefsPage<L>`): the derive of a generic type
/// names `L` without collecting its schema.
fn list_output_schema<T: utoipa::ToSchema, L: utoipa::ToSchema>(
) -> Arc<serde_json::Map<String, serde_json::Value>> {
    let mut deps = vec![(L::name().into_owned(), L::schema())];
    L::schemas(&mut deps);
    output_schema_of::<T>(deps)
}

/// [`output_schema`], with `deps` among its `$defs`.
fn output_schema_of<T: utoipa::ToSchema>(
    mut deps: Vec<(
        String,
        utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
    )>,
) -> Arc<serde_json::Map<String, serde_json::Value>> {
    /// Points the OpenAPI document's references at the schema's own `$defs`.
    fn local_refs(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    match v {
                        serde_json::Value::String(r) if key == "$ref" => {
                            *r = r.replace("#/components/schemas/", "#/$defs/");
                        }
                        _ => local_refs(v),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(local_refs),
            _ => {}
        }
    }
    T::schemas(&mut deps);
    let mut defs = serde_json::Map::new();
    for (name, schema) in deps {
        defs.insert(name, serde_json::to_value(schema).unwrap_or_default());
    }
    let mut root = serde_json::to_value(T::schema()).unwrap_or_default();
    let mut schema = match root.take() {
        serde_json::Value::Object(map) => map,
        _ => serde_json::Map::new(),
    };
    schema.insert("type".into(), "object".into());
    if !defs.is_empty() {
        schema.insert("$defs".into(), serde_json::Value::Object(defs));
    }
    let mut value = serde_json::Value::Object(schema);
    local_refs(&mut value);
    match value {
        serde_json::Value::Object(map) => Arc::new(map),
        _ => Arc::new(serde_json::Map::new()),
    }
}

impl Zanlex {
    /// The tools over `state`, their links as `links` says.
    pub(crate) fn new(state: Arc<AppState>, links: Arc<Links>) -> Self {
        Zanlex {
            state,
            links,
            budget: Budget::ASSISTANT,
            tool_router: Self::tool_router() + Self::wording_router(),
        }
    }

    /// The library's answer `page` to `request` (the arguments checked, or what is wrong with
    /// them), read from the index in force on a bounded blocking thread (the server's workers,
    /// queue and time limit), with the links and the budget of the answers.
    async fn page<R, T>(
        &self,
        request: Result<R, impl Into<ToolError>>,
        page: fn(&ZanIndex, &R, &Links, &Budget) -> zanlex::Result<T>,
    ) -> Result<T, ToolError>
    where
        R: Send + 'static,
        T: Send + 'static,
    {
        let request = request.map_err(Into::into)?;
        let index = self.state.index();
        let links = Arc::clone(&self.links);
        let budget = self.budget;
        let answer = self
            .state
            .readers
            .run(index, move |index| {
                Ok(page(index, &request, &links, &budget))
            })
            .await?;
        Ok(answer?)
    }
}

/// A tool's arguments as the model sends them, and the library's request they make: the
/// checks, defaults and bounds are the request's own, in the library.
trait ToolArgs {
    /// The library's request.
    type Request: Send + 'static;

    /// The request, or what is wrong with the arguments, for the tools `tools` (their budget
    /// and server).
    fn request(self, tools: &Zanlex) -> Result<Self::Request, ToolError>;
}

impl Zanlex {
    /// One tool call, the same for every tool: the arguments → the library's request → its
    /// answer `page` on the index in force → the structured answer, or the tool error.
    async fn call<A: ToolArgs, T: Serialize + Send + 'static>(
        &self,
        args: A,
        page: fn(&ZanIndex, &A::Request, &Links, &Budget) -> zanlex::Result<T>,
    ) -> CallToolResult {
        answer(self.page(args.request(self), page).await)
    }
}

/// The arguments of `search`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct SearchArgs {
    /// What to look for, in zanlex's query language: words in Kazakh or Russian (any
    /// inflection; Kazakh typed without its letters or in Latin works too), "a phrase",
    /// AND/OR/NOT, and filters act:ID, kind:order, status:in_force, date:2018..2020.
    pub query: String,
    /// `kk` (Kazakh) or `ru` (Russian): only hits in that language's texts. Both when left out.
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
    /// A date, YYYY-MM-DD: search the wording each act had in force on that date instead of
    /// today's text.
    #[serde(default)]
    pub as_of: Option<String>,
    /// Only acts of this kind: law, constitutional_law, code, resolution, order, joint_order,
    /// decision, decree, disposition, regulation, rules, faq, other.
    #[serde(default)]
    pub kind: Option<String>,
    /// true: keep hits in acts repealed on `as_of` (today when left out) too; left out of the
    /// page by default. An act repealed since `as_of` was in force then: its hits are kept.
    #[serde(default)]
    pub include_repealed: Option<bool>,
    /// How many of the best hits come before this page (0 when left out); the previous page's
    /// `next_offset` gives the next.
    #[serde(default)]
    pub offset: Option<u64>,
    /// Hits on this page, 1 to 50 (10 when left out).
    #[serde(default)]
    pub limit: Option<u64>,
    /// true: count every match. By default 10,000 are counted exactly; past them `total` is
    /// 10,000 and `total_is_lower_bound` true ("10,000+").
    #[serde(default)]
    pub exact_total: Option<bool>,
    /// Only acts of this issuer: a code (mfa, government) or a name in Kazakh or Russian
    /// ("Министр иностранных дел", "Сыртқы істер министрі"). With any of the act's requisites
    /// (issuer, registration, number, date_from, date_to) the query may be empty.
    #[serde(default)]
    pub issuer: Option<String>,
    /// Only the act with this state registration number (16354).
    #[serde(default)]
    pub registration: Option<String>,
    /// Only acts with this number of their own (11-1-4/1).
    #[serde(default)]
    pub number: Option<String>,
    /// Only acts adopted on this day or later, YYYY-MM-DD.
    #[serde(default)]
    pub date_from: Option<String>,
    /// Only acts adopted on this day or earlier, YYYY-MM-DD.
    #[serde(default)]
    pub date_to: Option<String>,
}

/// The arguments of `read`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct ReadArgs {
    /// `ACT_ID` for an act's outline (its metadata and units), or `ACT_ID#EID` for one unit's
    /// full text with its children, in Kazakh and Russian side by side. Ids and eids come from
    /// `search` hits (`act.id`, `unit.eid`).
    pub target: String,
    /// A date, YYYY-MM-DD: a unit's wording in force then (today's when left out); for an
    /// act, the units it had that day, each with its state then.
    #[serde(default)]
    pub as_of: Option<String>,
    /// `kk` or `ru`: the language of an act's outline (Kazakh when it has it), or of a unit
    /// (both side by side when left out).
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
    /// true, with `ACT_ID`: each unit's own text too, as many units as fit in the answer from
    /// `offset`; `next_offset` gives the next.
    #[serde(default)]
    pub texts: Option<bool>,
    /// With `texts`: the place, in document order from 0, of the first unit whose text is sent
    /// (the previous answer's `next_offset`).
    #[serde(default)]
    pub offset: Option<u64>,
}

/// The arguments of `at_date`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct AtDateArgs {
    /// The unit, `ACT_ID#EID` (from a `search` hit or a `read` outline).
    pub target: String,
    /// The date, YYYY-MM-DD.
    pub date: String,
    /// `kk` or `ru`: the text's language (Kazakh when the act has it, when left out).
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
}

/// The arguments of `history`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct HistoryArgs {
    /// `ACT_ID` for the whole act's amendments, or `ACT_ID#EID` for one unit's (what contains
    /// it and what is inside it included).
    pub target: String,
    /// `kk` or `ru`: the text whose notes are read (Kazakh when the act has it).
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
    /// How many events (and editions, and wordings) come before this page (0 when left out).
    #[serde(default)]
    pub offset: Option<u64>,
    /// Events (and editions, and wordings) on this page, 1 to 100 (20 when left out).
    #[serde(default)]
    pub limit: Option<u64>,
}

/// The arguments of `refs`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct RefsArgs {
    /// `ACT_ID#EID` for what a unit (and the units inside it) refers to, or `ACT_ID` for a
    /// whole act.
    pub target: String,
    /// `kk` or `ru`: the text read (Kazakh when the act has it).
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
    /// A date, YYYY-MM-DD: the wording in force then (today's when left out).
    #[serde(default)]
    pub as_of: Option<String>,
    /// How many references come before this page (0 when left out).
    #[serde(default)]
    pub offset: Option<u64>,
    /// References on this page, 1 to 100 (20 when left out).
    #[serde(default)]
    pub limit: Option<u64>,
}

/// The arguments of `related`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct RelatedArgs {
    /// `ACT_ID`: the act whose related acts are listed (an `act.id` from `search`).
    pub act: String,
    /// A date, YYYY-MM-DD: the related acts' states then, and the act's references in force
    /// then (today when left out).
    #[serde(default)]
    pub as_of: Option<String>,
    /// `kk` or `ru`: the act's text read, its references and amendment notes (Kazakh when the
    /// act has it).
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
    /// How many entries of each list come before this page (0 when left out).
    #[serde(default)]
    pub offset: Option<u64>,
    /// Entries of each list on this page, 1 to 100 (20 when left out).
    #[serde(default)]
    pub limit: Option<u64>,
}

/// The arguments of `cited_by`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct CitedByArgs {
    /// `ACT_ID#EID` for the provisions citing a unit (or a unit inside it), or `ACT_ID` for
    /// those citing a whole act.
    pub target: String,
    /// true: only references to the unit itself, not to the units inside it.
    #[serde(default)]
    pub exact: Option<bool>,
    /// `kk` or `ru`: only references made in that language's texts. Both when left out.
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
    /// A date, YYYY-MM-DD: each citing act read in its wording in force then.
    #[serde(default)]
    pub as_of: Option<String>,
    /// How many references come before this page (0 when left out).
    #[serde(default)]
    pub offset: Option<u64>,
    /// References on this page, 1 to 100 (20 when left out).
    #[serde(default)]
    pub limit: Option<u64>,
}

impl ToolArgs for HistoryArgs {
    type Request = zanlex::pages::HistoryRequest;

    fn request(self, tools: &Zanlex) -> Result<Self::Request, ToolError> {
        let args = ListArgs {
            target: &self.target,
            lang: self.lang.as_deref(),
            offset: self.offset,
            limit: self.limit,
            ..Default::default()
        };
        Ok(Self::Request::parse(&args, &tools.budget, str::to_string)?)
    }
}

impl ToolArgs for RefsArgs {
    type Request = zanlex::pages::RefsRequest;

    fn request(self, tools: &Zanlex) -> Result<Self::Request, ToolError> {
        let args = ListArgs {
            target: &self.target,
            lang: self.lang.as_deref(),
            as_of: self.as_of.as_deref(),
            offset: self.offset,
            limit: self.limit,
            ..Default::default()
        };
        Ok(Self::Request::parse(&args, &tools.budget, str::to_string)?)
    }
}

impl ToolArgs for RelatedArgs {
    type Request = zanlex::pages::RelatedRequest;

    fn request(self, tools: &Zanlex) -> Result<Self::Request, ToolError> {
        let args = ListArgs {
            target: &self.act,
            lang: self.lang.as_deref(),
            as_of: self.as_of.as_deref(),
            offset: self.offset,
            limit: self.limit,
            ..Default::default()
        };
        Ok(Self::Request::parse(&args, &tools.budget, str::to_string)?)
    }
}

impl ToolArgs for CitedByArgs {
    type Request = zanlex::pages::RefsRequest;

    fn request(self, tools: &Zanlex) -> Result<Self::Request, ToolError> {
        let args = ListArgs {
            target: &self.target,
            lang: self.lang.as_deref(),
            as_of: self.as_of.as_deref(),
            offset: self.offset,
            limit: self.limit,
            exact: self.exact.unwrap_or(false),
            ..Default::default()
        };
        Ok(Self::Request::parse(&args, &tools.budget, str::to_string)?)
    }
}

#[tool_router]
impl Zanlex {
    /// `search`: one page of the library's search, as `/v1/search` answers it.
    #[tool(
        name = "search",
        output_schema = output_schema::<zanlex::pages::HitsPage>(),
        description = "Search Kazakhstan's normative acts (Kazakh and Russian texts) and get the \
provisions that answer, best first, each with its pinpoint `citation`, a `snippet` with the \
matching words in [brackets], its text, act (`act.id`, title, status), unit (`unit.eid`), the \
dates its wording is in force, and a `permalink`.\n\
Query language: words match any inflection (тұруға finds тұру; Kazakh typed without its letters \
or in Latin works too: turaqty turu); a question in plain words is fine (можно ли продлить визу); \
\"a phrase\", \"a phrase\"~2 (two words between); AND, OR, NOT, -word, ( ); filters act:ID, \
kind:order, status:repealed, issuer:mfa, issuer:\"Министр иностранных дел\", reg:16354, \
number:11-1-4/1, date:>=2018-01-01, date:2012..2015; legal numbers whole (11-1-4/730, 3-қосымша). \
The same requisites are fields (issuer, registration, number, date_from, date_to); with one of \
them the query may be empty.\n\
Example: {\"query\": \"визаның қолданылу мерзімін ұзарту\", \"limit\": 3}. Then `read` a hit's \
`ACT_ID#EID` for its whole text in both languages, or `at_date` for its wording on a date.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn search(&self, Parameters(args): Parameters<SearchArgs>) -> CallToolResult {
        self.call(args, zanlex::pages::hits_page).await
    }

    /// `read`: an act's outline, or a unit in both languages.
    #[tool(
        name = "read",
        output_schema = output_schema::<zanlex::pages::ReadAnswer>(),
        description = "Read an act or one of its provisions. With `ACT_ID`: the act's metadata, \
`citation` and outline, its units with their eids, labels and headings. With `ACT_ID#EID`: the \
unit's full text with its `children` (eids you can read next), amendments and references, in \
Kazakh (`kk`) and Russian (`ru`) side by side (null where a language lacks it); `as_of` gives \
the wording in force on a date (for an act, the units it had that day with their states); `texts`: true with `ACT_ID` adds each unit's own text, as many as fit, `next_offset` giving the `offset` of the next. Each answer has its `citation` and `permalink`. Ids and eids \
come from `search` hits. Example: {\"target\": \"mfa-order-2018-01-04-11-1-4-1#att_1__para_3\"}, \
or {\"target\": \"mfa-order-2018-01-04-11-1-4-1\"} for the act's outline.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn read_target(&self, Parameters(args): Parameters<ReadArgs>) -> CallToolResult {
        self.call(args, zanlex::pages::read).await
    }

    /// `at_date`: a unit's wording and state on a date.
    #[tool(
        name = "at_date",
        output_schema = output_schema::<zanlex::pages::UnitOnDate>(),
        description = "A provision as it stood on a date, by the point-in-time rule: its `state` \
(in_force, not_yet_adopted, not_yet_in_force, not_yet_inserted, deleted, pending, repealed, expired, suspended, \
awaiting_other_act: its day set by another act the corpus lacks, source_removed, not_in_corpus…) with `state_text` in words, the `edition` its wording comes from \
with the dates it was in force, and the `text` in force then (empty when no wording was in force: \
the state says why; for repealed and source_removed, the last wording, which is not known to be \
in force; for awaiting_other_act, the wording, not known to be in force); for not_yet_in_force, \
`to_come` holds the wording the corpus prints from the day it takes effect (its `edition.from`), \
never in force on the date. Example: \
{\"target\": \"mfa-order-2018-01-04-11-1-4-1#att_1__para_3\", \"date\": \"2020-01-01\"}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn at_date(&self, Parameters(args): Parameters<AtDateArgs>) -> CallToolResult {
        self.call(args, zanlex::pages::at_date).await
    }

    /// `history`: an act's or a unit's amendment timeline, paged.
    #[tool(
        name = "history",
        output_schema = output_schema::<zanlex::pages::HistoryPage>(),
        description = "The amendment timeline of an act (`ACT_ID`) or of one provision \
(`ACT_ID#EID`): `entries`, newest first, each with the amending act, the date it took effect, \
the action (changed, added, deleted, renamed…) and the unit; the act's older editions \
(`versions`) and, for a unit, its wordings over time (`wordings`). Paged: `totals` gives each \
list's full length and `next_offset` the next page. Example: {\"target\": \
\"mfa-order-2018-01-04-11-1-4-1\", \"limit\": 10}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn history(&self, Parameters(args): Parameters<HistoryArgs>) -> CallToolResult {
        self.call(args, zanlex::pages::history_page).await
    }

    /// `refs`: what a unit or an act refers to.
    #[tool(
        name = "refs",
        output_schema = list_output_schema::<zanlex::pages::RefsPage<zanlex::RefList>, zanlex::RefList>(),
        description = "What a provision (`ACT_ID#EID`, with the units inside it) or a whole act \
(`ACT_ID`) refers to: each reference as printed, resolved to the unit of its own or another act \
in the corpus (`target`, with its citation), or `unresolved` with why. `total` counts them all; \
paged with `offset`/`limit` and `next_offset`. Example: {\"target\": \
\"mfa-order-2018-01-04-11-1-4-1#att_1__para_3\"}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn refs(&self, Parameters(args): Parameters<RefsArgs>) -> CallToolResult {
        self.call(args, zanlex::pages::refs_page).await
    }

    /// `cited_by`: the provisions across the corpus that refer to a unit or an act.
    #[tool(
        name = "cited_by",
        output_schema = list_output_schema::<zanlex::pages::RefsPage<zanlex::CitedByList>, zanlex::CitedByList>(),
        description = "The provisions across the corpus that refer to a provision (`ACT_ID#EID`, \
or a unit inside it unless `exact`) or to a whole act (`ACT_ID`): each citing unit (`citing`, \
with its citation) and the reference as printed. `total` counts them all; paged with \
`offset`/`limit` and `next_offset`. Example: {\"target\": \
\"mfa-order-2018-01-04-11-1-4-1#att_1__para_3\"}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn cited_by(&self, Parameters(args): Parameters<CitedByArgs>) -> CallToolResult {
        self.call(args, zanlex::pages::cited_by_page).await
    }

    /// `related`: the acts related to an act, each with its status.
    #[tool(
        name = "related",
        output_schema = output_schema::<zanlex::pages::RelatedActs>(),
        description = "The acts related to an act (`act`): the act it replaced (`replaces`) and \
the act that replaced it (`replaced_by`), the acts it amends and that amend it (`amends`, \
`amended_by`), the acts it cites and that cite it (`cites`, `cited_by`), each in official form \
(`citation`) with its `id` and `permalink` when the corpus holds it and its `status`, and its \
`state` on `as_of` when not in force then (an act adopted, or whose changes apply, only after \
`as_of` says so in `state_in_words`); an act the corpus lacks whose reference gives too little \
to name it in official form is `quoted`: the citing text's words. Each list is newest first, by \
date then number. `totals` counts each list; the four lists are paged \
together with `offset`/`limit` and `next_offset`. Example: {\"act\": \
\"mfa-order-2018-01-04-11-1-4-1\"}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn related(&self, Parameters(args): Parameters<RelatedArgs>) -> CallToolResult {
        self.call(args, zanlex::pages::related_acts).await
    }

    /// `changes`: what an edition or a span of dates changed, unit by unit, with the words.
    #[tool(
        name = "changes",
        output_schema = output_schema::<zanlex::pages::ChangesAnswer>(),
        description = "What changed in an act (`ACT_ID`) or one provision (`ACT_ID#EID`) between \
two dates (`from`, and `to`, today when left out) or in one edition (`edition`, against the \
edition before it). `diff` compares the two texts: the units `deleted`, `inserted`, `changed` \
(with `words`: runs tagged equal, delete, insert) and those whose notes alone changed, each with \
its `citation` and `permalink`; `events` lists the amendments the act's notes record in the \
span (amending act in official form, date in force, action, unit), which is what there is when \
the corpus holds a single edition (`notes` says so). `totals` counts everything; paged with \
`offset`/`limit` and `next_offset`. Example: {\"target\": \"constitutional-law-1995-12-18-2688\", \
\"from\": \"2023-01-01\", \"to\": \"2023-06-01\"}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn changes(&self, Parameters(args): Parameters<changes::ChangesArgs>) -> CallToolResult {
        self.call(args, zanlex::pages::changes).await
    }

    /// `recent_changes`: the amendments recorded, newest first.
    #[tool(
        name = "recent_changes",
        output_schema = output_schema::<zanlex::pages::RecentChangesAnswer>(),
        description = "The amendments the acts' notes record, newest first by the day they take \
effect: across the whole corpus, or in one act (`act`), only those taking effect on or after \
`since` and on or before `until` when given. Each change names the act changed (`act_id`, \
`act_citation`, `permalink`), the amending act in official form (`amending_act`, `signed`), the \
days it takes effect (`effective`, `effective_last`) and the units it changed (the first few; \
`units_total` counts them; `history` with the act lists every event). Paged with \
`offset`/`limit` and `next_offset`; `total` counts every change. Example: {\"since\": \
\"2020-01-01\", \"limit\": 5}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn recent_changes(
        &self,
        Parameters(args): Parameters<changes::RecentChangesArgs>,
    ) -> CallToolResult {
        self.call(args, zanlex::pages::recent_changes).await
    }

    /// `stats`: counts across the corpus.
    #[tool(
        name = "stats",
        output_schema = output_schema::<zanlex::pages::StatsAnswer>(),
        description = "Counts across the whole corpus: `acts`, and acts `by_kind`, `by_issuer` \
(issuer codes, as the `issuer:` filter of `search` takes them), `by_year` (of the act's date) and \
`by_status`; then, for the amendments taking effect on or after `since` (all when left out): \
how many `events`, the units amended most often (`most_amended_units`, each with `citation`, \
`permalink`, `events` and the `last` date) and the amending acts that changed the most acts \
(`top_amending_acts`, each in official form with the ids of the acts it changed). `limit` bounds \
each ranked list (10 when left out). Example: {\"since\": \"2020-01-01\", \"limit\": 5}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn stats(&self, Parameters(args): Parameters<changes::StatsArgs>) -> CallToolResult {
        self.call(args, |index, request, links, _| {
            zanlex::pages::stats(index, request, links)
        })
        .await
    }

    /// `amended_by`: what one amending act changed across the corpus.
    #[tool(
        name = "amended_by",
        output_schema = output_schema::<zanlex::pages::AmendedByAnswer>(),
        description = "What one amending act changed across the corpus («what did Law № 118-VIII \
change?»): the act named by its id or its requisites (`by`: kind, date and number, e.g. «Закон \
РК от 17.07.2024 № 118-VIII» or «2024 жылғы 17 шілдедегі № 118-VIII Заң»). Each provision the \
acts' notes say it changed, by act and in each act's order: the act (`act_id`, `act_citation`), \
the unit (`eid`, `citation` in official form, `permalink`), what was done (`action`: changed, \
new_wording, inserted, deleted, repealed, renamed), the day it takes effect by the time rule \
(`effective`, `estimated` with its `basis`) and the note itself (`note`, cut long). `total` and \
`acts_total` count everything, `acts` lists the acts with their counts; `in_corpus` says whether \
the corpus holds the amending act (`amending_act_id`, `permalink` then). No provision found \
answers with `total` 0 and a note, never an error; an unknown id is an error. Paged with \
`offset`/`limit` and `next_offset`. Example: {\"by\": \"Закон РК от 19.04.2023 № 223-VII\"}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn amended_by(
        &self,
        Parameters(args): Parameters<amended_by::AmendedByArgs>,
    ) -> CallToolResult {
        self.call(args, zanlex::pages::amended_by).await
    }

    /// `grep`: the units whose text a regular expression matches.
    #[tool(
        name = "grep",
        output_schema = output_schema::<zanlex::pages::GrepAnswer>(),
        description = "Every provision whose text a regular expression matches. Examples: every \
provision mentioning «пункт 3 статьи 12» ({\"pattern\": \"пункт 3 статьи 12\"}), every \
reference to an article of a code ({\"pattern\": \"стать(я|и|ей) [0-9]+ [а-я ]*кодекса\", \
\"ignore_case\": true}) or every date written 01.01.2020 in one act ({\"pattern\": \
\"[0-9]{2}[.][0-9]{2}[.][0-9]{4}\", \"act\": \"ACT_ID\"}): exact text, not a ranked search (use `search` for meaning). Rust regex syntax, linear time; no look-around or back-references. Scope: one act (`act`) or the acts of a `kind`, `status` or language (`lang`); the current texts, or only the wording in force on `as_of`. Each unit has its `citation`, `permalink`, `state`, the first matches (`start`/`end` in characters, an `excerpt` around each) and `matches_total`; `total` counts the matching units (`total_is_lower_bound`: more than that), `matches_total` every match. Bounded: paged with `offset`/`limit` and `next_offset`; a page cut to the answer's size says so in `cut`.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn grep(&self, Parameters(args): Parameters<grep::GrepArgs>) -> CallToolResult {
        self.call(args, zanlex::pages::grep).await
    }
}

impl ToolArgs for SearchArgs {
    type Request = zanlex::pages::SearchPageRequest;

    fn request(self, tools: &Zanlex) -> Result<Self::Request, ToolError> {
        let requisite = [
            &self.issuer,
            &self.registration,
            &self.number,
            &self.date_from,
            &self.date_to,
        ]
        .iter()
        .any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()));
        if self.query.trim().is_empty() && !requisite {
            return Err(ToolError::bad(
                "query is empty: give the words to search for, e.g. {\"query\": \"виза ұзарту\"}",
            ));
        }
        let typed = zanlex::pages::SearchArgs {
            query: self.query.trim(),
            offset: self.offset,
            limit: self.limit,
            as_of: self.as_of.as_deref(),
            kind: self.kind.as_deref(),
            lang: self.lang.as_deref(),
            exact_total: self.exact_total.unwrap_or(false),
            include_repealed: self.include_repealed.unwrap_or(false),
            issuer: self.issuer.as_deref(),
            registration: self.registration.as_deref(),
            number: self.number.as_deref(),
            date_from: self.date_from.as_deref(),
            date_to: self.date_to.as_deref(),
            ..Default::default()
        };
        let request =
            zanlex::pages::SearchPageRequest::parse(&typed, &tools.budget, str::to_string)?;
        Ok(request.time_limit(Some(tools.state.readers.query_budget())))
    }
}

impl ToolArgs for ReadArgs {
    type Request = zanlex::pages::ReadRequest;

    fn request(self, _: &Zanlex) -> Result<Self::Request, ToolError> {
        let typed = zanlex::pages::ReadArgs {
            target: &self.target,
            as_of: self.as_of.as_deref(),
            lang: self.lang.as_deref(),
            texts: self.texts.unwrap_or(false),
            offset: self.offset,
            ..Default::default()
        };
        Ok(Self::Request::parse(&typed, str::to_string)?)
    }
}

impl ToolArgs for AtDateArgs {
    type Request = zanlex::pages::AtDateRequest;

    fn request(self, _: &Zanlex) -> Result<Self::Request, ToolError> {
        let typed = zanlex::pages::ReadArgs {
            target: &self.target,
            as_of: Some(&self.date),
            lang: self.lang.as_deref(),
            ..Default::default()
        };
        let request = Self::Request::parse(&typed, |name| match name {
            "as_of" => "date".to_string(),
            other => other.to_string(),
        });
        Ok(request?)
    }
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for Zanlex {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(rmcp::model::Implementation::new(
                "zanlex",
                env!("CARGO_PKG_VERSION"),
            ))
            .with_instructions(INSTRUCTIONS)
    }
}
