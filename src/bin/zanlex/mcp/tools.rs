//! The MCP tools: `search`, `read`, `at_date`, `history`, `changes`, `refs`, `cited_by` and
//! `stats` (the last two answers in [`changes`]). Each checks
//! its arguments, asks the index in force (on a bounded blocking read, as the JSON API does)
//! for one of the library's typed answers, and sends it as JSON text: the same shapes the API
//! sends, with a permalink to the web page beside each citation, long texts and lists cut to
//! a bound and saying so. A mistake in the arguments is a tool error worded for the model to
//! act on (which tool or value to try instead), never a server folder.

mod changes;

use crate::serve::errors::{hide_paths, ApiError};
use crate::serve::state::AppState;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{CallToolResult, ContentBlock, ServerCapabilities, ServerConfig};
use rmcp::{tool, tool_handler, tool_router, ServerHandler};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use zanlex::{Lang, Target, ZanIndex};

/// Most hits one `search` page may ask for.
pub(crate) const MAX_SEARCH_PAGE: usize = 50;
/// Hits on a `search` page when not asked.
const DEFAULT_SEARCH_PAGE: usize = 10;
/// Most entries one page of `history`, `refs` or `cited_by` may ask for.
pub(crate) const MAX_LIST_PAGE: usize = 100;
/// Entries on such a page when not asked.
const DEFAULT_LIST_PAGE: usize = 20;
/// Where the pages of such a list end: far past any list of a real corpus, it keeps an offset
/// near the integer limit out of range rather than wrapping.
const LIST_END: usize = 1_000_000;
/// The longest unit text a tool sends whole, in characters; past it the text is cut, saying so.
pub(crate) const MAX_TEXT_CHARS: usize = 20_000;
/// The longest text of one search hit sent whole: a page of hits stays readable, and `read`
/// gives the whole text.
pub(crate) const MAX_HIT_TEXT_CHARS: usize = 2_000;
/// Most units of an act's outline sent: past it the outline's deepest levels are left out.
pub(crate) const MAX_OUTLINE_UNITS: usize = 600;

/// What the model is told about zanlex when it connects.
const INSTRUCTIONS: &str = "zanlex searches Kazakhstan's normative acts (laws, codes, orders, \
rules) in Kazakh and Russian, with pinpoint citations. Start with `search`; each hit names its act \
id and unit eid, which `read`, `at_date`, `history`, `changes`, `refs` and `cited_by` take as \
`ACT_ID#EID` (or `ACT_ID` for a whole act); `changes` says what changed in an act between two \
dates, and `stats` counts acts and amendments across the corpus. Quote the `citation` of what you use, and give the `permalink` (a \
path on the zanlex server) for the reader to open it.";

/// The tool server: one per stdio session or HTTP request, all sharing the served state.
#[derive(Clone)]
pub(crate) struct Zanlex {
    state: Arc<AppState>,
    tool_router: ToolRouter<Self>,
}

/// A tool call that failed: what the model is told, with what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ToolError(String);

impl From<zanlex::Error> for ToolError {
    /// The library's error in words for the model: an unknown act or unit names the tool that
    /// finds the right one; another mistake in the arguments is the library's own message;
    /// a failure of the server is the fixed message the API gives (the whole error goes to
    /// the server's log).
    fn from(err: zanlex::Error) -> Self {
        match &err {
            zanlex::Error::UnknownAct {
                id, suggestions, ..
            } => {
                let near = if suggestions.is_empty() {
                    String::new()
                } else {
                    format!(" Did you mean: {}?", suggestions.join(", "))
                };
                ToolError(format!(
                    "No act has the id {id:?}.{near} Call `search` to find the act: each hit \
                     gives its `act.id`."
                ))
            }
            zanlex::Error::UnknownUnit { act, eid } => ToolError(format!(
                "Act {act} has no unit {eid:?}. Call `read` with target {act:?} to list its units \
                 and their eids, or `search` with `act:{act}` and words from the provision."
            )),
            _ => ApiError::from(err).into(),
        }
    }
}

impl From<ApiError> for ToolError {
    fn from(err: ApiError) -> Self {
        ToolError(hide_paths(&err.message))
    }
}

/// A tool's answer: its JSON as text, or the error as a tool error (`isError`), which the
/// model reads and can correct, rather than a failure of the protocol.
fn answer(result: Result<impl Serialize, ToolError>) -> CallToolResult {
    let json = result.and_then(|a| {
        serde_json::to_string(&a).map_err(|e| {
            eprintln!("zanlex: an MCP answer could not be written: {e}");
            ToolError("the answer could not be written; the server's log has the details".into())
        })
    });
    match json {
        Ok(text) => CallToolResult::success(vec![ContentBlock::text(text)]),
        Err(ToolError(message)) => CallToolResult::error(vec![ContentBlock::text(message)]),
    }
}

impl Zanlex {
    /// The tools over `state`.
    pub(crate) fn new(state: Arc<AppState>) -> Self {
        Zanlex {
            state,
            tool_router: Self::tool_router(),
        }
    }

    /// Runs `read` on the index in force on a bounded blocking thread (the server's workers,
    /// queue and time limit).
    async fn read<T: Send + 'static>(
        &self,
        read: impl FnOnce(&ZanIndex) -> Result<T, ToolError> + Send + 'static,
    ) -> Result<T, ToolError> {
        let index = self.state.index();
        self.state
            .readers
            .run(index, move |index| Ok(read(index)))
            .await?
    }
}

/// `lang`: `kk` or `ru`, absent or empty for both or the default.
fn lang_arg(lang: Option<&str>) -> Result<Option<Lang>, ToolError> {
    match lang.map(str::trim).filter(|l| !l.is_empty()) {
        None => Ok(None),
        Some(l) => zanlex::lang_arg(l)
            .map(Some)
            .map_err(|e| ToolError(format!("lang: {e}"))),
    }
}

/// A date argument `name` (`YYYY-MM-DD`), absent or empty for none.
fn date_arg(name: &str, value: Option<&str>) -> Result<Option<chrono::NaiveDate>, ToolError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => zanlex::date_arg(name, v)
            .map(Some)
            .map_err(|e| ToolError(e.to_string())),
    }
}

/// `offset` and `limit` of a page: `limit` in `1..=max` (`default` when absent), the page
/// ending at most at `end` entries.
fn page_args(
    offset: Option<u64>,
    limit: Option<u64>,
    default: usize,
    max: usize,
    end: usize,
) -> Result<(usize, usize), ToolError> {
    let limit = limit.unwrap_or(default as u64);
    if limit == 0 || limit > max as u64 {
        return Err(ToolError(format!(
            "limit {limit} is out of range; use 1 to {max} and page on with `offset`"
        )));
    }
    let offset = offset.unwrap_or(0);
    if offset.saturating_add(limit) > end as u64 {
        return Err(ToolError(format!(
            "offset {offset} + limit {limit} is past entry {end}, where pages end; narrow the \
             question instead (a more precise query, a filter)"
        )));
    }
    // Both fit in `usize`: they are below `end`.
    Ok((offset as usize, limit as usize))
}

/// `ACT_ID#EID` or `ACT_ID`, as the tools take it.
fn target_arg(target: &str) -> Result<Target, ToolError> {
    Target::parse(target).map_err(|e| ToolError(format!("target: {e}")))
}

/// The web page of `target` on `as_of`, relative to the server's address: `/acts/{id}` or
/// `/acts/{id}/{eid}`, with `?as_of=` when a date was asked.
fn permalink(act: &str, eid: Option<&str>, as_of: Option<chrono::NaiveDate>) -> String {
    let mut link = format!("/acts/{}", path_segment(act));
    if let Some(e) = eid.filter(|e| !e.is_empty()) {
        link.push('/');
        link.push_str(&path_segment(e));
    }
    if let Some(d) = as_of {
        link.push_str(&format!("?as_of={d}"));
    }
    link
}

/// `s` as one segment of a URL path: every byte but the unreserved ones percent-encoded.
fn path_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Cuts `text` to `max` characters, saying after the cut how much was shown and `rest`, where
/// the rest is.
fn bound_text(text: &mut String, max: usize, rest: &str) {
    let total = text.chars().count();
    if total <= max {
        return;
    }
    if let Some((cut, _)) = text.char_indices().nth(max) {
        text.truncate(cut);
    }
    text.push_str(&format!(
        "\n[cut: the first {max} of {total} characters are shown; {rest}]"
    ));
}

/// Keeps `items[offset..offset + limit]`; `next_offset` when entries follow the page.
fn cut_page<T>(items: &mut Vec<T>, offset: usize, limit: usize) -> Option<usize> {
    let total = items.len();
    items.drain(..offset.min(total));
    items.truncate(limit);
    let end = offset.saturating_add(limit);
    (end < total).then_some(end)
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
    /// true: keep hits in repealed acts too (left out of the page by default).
    #[serde(default)]
    pub include_repealed: Option<bool>,
    /// How many of the best hits come before this page (0 when left out); the previous page's
    /// `next_offset` gives the next.
    #[serde(default)]
    pub offset: Option<u64>,
    /// Hits on this page, 1 to 50 (10 when left out).
    #[serde(default)]
    pub limit: Option<u64>,
}

/// A search hit with the link to its page.
#[derive(Debug, Serialize)]
struct HitWithLink {
    /// The unit's page on the zanlex server.
    permalink: String,
    #[serde(flatten)]
    hit: zanlex::Hit,
}

/// The answer of `search`: one page of the library's search answer.
#[derive(Debug, Serialize)]
struct SearchAnswer {
    query: String,
    /// Units matching, in every act (repealed ones included); a lower bound when
    /// `total_is_lower_bound`.
    total: usize,
    total_is_lower_bound: bool,
    /// True when no unit had all the words and units with some of them are shown.
    relaxed: bool,
    offset: usize,
    limit: usize,
    /// The `offset` of the next page, when more hits may follow.
    #[serde(skip_serializing_if = "Option::is_none")]
    next_offset: Option<usize>,
    /// Hits of this page in repealed acts, left out (`include_repealed: true` keeps them).
    #[serde(skip_serializing_if = "is_zero")]
    repealed_left_out: usize,
    /// Query words the index does not know, each with the nearest words it does know,
    /// searched beside it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    searched_also: Vec<zanlex::SearchedAlso>,
    hits: Vec<HitWithLink>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
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
    /// `kk` or `ru`: the language of an act's outline (Kazakh when it has it; an act only).
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
}

/// The answer of `read` for an act: its outline.
#[derive(Debug, Serialize)]
struct ActAnswer {
    permalink: String,
    /// Set when the outline was too large to send whole: what was left out and how to see it.
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(flatten)]
    outline: zanlex::ActOutline,
}

/// The answer of `read` for a unit: its text in each language the act has.
#[derive(Debug, Serialize)]
struct UnitAnswerBoth {
    target: String,
    /// The citation in the first language that has the unit (Kazakh first).
    citation: String,
    permalink: String,
    #[serde(flatten)]
    both: zanlex::ParallelUnit,
}

/// The answer of `read`: an act's outline or a unit's text.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum ReadAnswer {
    Act(Box<ActAnswer>),
    Unit(Box<UnitAnswerBoth>),
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

/// The answer of `at_date`: the unit as the point-in-time rule gives it on the date, its
/// `state_text` in English (the library's words are in the text's language, for its readers;
/// the model is told in the language of its instructions).
#[derive(Debug, Serialize)]
struct AtDateAnswer {
    date: chrono::NaiveDate,
    permalink: String,
    #[serde(flatten)]
    unit: zanlex::UnitAnswer,
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

/// How many entries each list of a history has in all.
#[derive(Debug, Serialize)]
struct HistoryTotals {
    events: usize,
    editions: usize,
    wordings: usize,
}

/// The answer of `history`: one page of the library's timeline.
#[derive(Debug, Serialize)]
struct HistoryAnswer {
    citation: String,
    permalink: String,
    /// The lists' lengths in all; `entries`, `versions` and `wordings` are each cut to the
    /// page.
    totals: HistoryTotals,
    offset: usize,
    limit: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_offset: Option<usize>,
    #[serde(flatten)]
    history: zanlex::ActHistory,
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

/// The answer of `refs` or `cited_by`: one page of the library's list.
#[derive(Debug, Serialize)]
struct RefsAnswer<T> {
    citation: String,
    permalink: String,
    offset: usize,
    limit: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_offset: Option<usize>,
    #[serde(flatten)]
    list: T,
}

/// The citation of `target` in `lang`: the unit's pinpoint citation, or the act's short name.
fn citation_of(index: &ZanIndex, target: &Target, lang: Option<Lang>) -> zanlex::Result<String> {
    Ok(match target.eid() {
        Some(eid) => index.unit_in(&target.act, eid, lang)?.citation,
        None => index.act_in(&target.act, lang)?.short_name(),
    })
}

/// Leaves out the deepest levels of `units` until at most `max` units remain (and, when even
/// the top level is larger, its units past `max`); what was left out, in words.
fn bound_outline(units: &mut Vec<zanlex::OutlineUnit>, act: &str, max: usize) -> Option<String> {
    fn count(units: &[zanlex::OutlineUnit], depth: usize) -> usize {
        if depth == 0 {
            return 0;
        }
        units.len()
            + units
                .iter()
                .map(|u| count(&u.children, depth - 1))
                .sum::<usize>()
    }
    fn prune(units: &mut [zanlex::OutlineUnit], depth: usize) {
        for u in units {
            if depth <= 1 {
                u.children.clear();
            } else {
                prune(&mut u.children, depth - 1);
            }
        }
    }
    if count(units, usize::MAX) <= max {
        return None;
    }
    let mut depth = 1;
    while count(units, depth + 1) <= max {
        depth += 1;
    }
    let top = units.len();
    prune(units, depth);
    if top > max {
        units.truncate(max);
        return Some(format!(
            "the outline has {top} top-level units: the first {max} are listed, without the units \
             inside them; call `read` with {act}#EID for a unit and its children, or `search` \
             with act:{act}"
        ));
    }
    Some(format!(
        "the outline is large: only its first {depth} level(s) are listed (a unit's `children` \
         there are left out, not absent); call `read` with {act}#EID for a unit and its children"
    ))
}

#[tool_router]
impl Zanlex {
    /// `search`: one page of the library's search, as `/v1/search` answers it.
    #[tool(
        name = "search",
        description = "Search Kazakhstan's normative acts (Kazakh and Russian texts) and get the \
provisions that answer, best first, each with its pinpoint `citation`, a `snippet` with the \
matching words in [brackets], its text, act (`act.id`, title, status), unit (`unit.eid`), the \
dates its wording is in force, and a `permalink`.\n\
Query language: words match any inflection (тұруға finds тұру; Kazakh typed without its letters \
or in Latin works too: turaqty turu); a question in plain words is fine (можно ли продлить визу); \
\"a phrase\", \"a phrase\"~2 (two words between); AND, OR, NOT, -word, ( ); filters act:ID, \
kind:order, status:repealed, issuer:mfa, date:>=2018-01-01, date:2012..2015; legal numbers whole \
(11-1-4/730, 3-қосымша).\n\
Example: {\"query\": \"визаның қолданылу мерзімін ұзарту\", \"limit\": 3}. Then `read` a hit's \
`ACT_ID#EID` for its whole text in both languages, or `at_date` for its wording on a date.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn search(&self, Parameters(args): Parameters<SearchArgs>) -> CallToolResult {
        answer(self.search_page(args).await)
    }

    /// `read`: an act's outline, or a unit in both languages.
    #[tool(
        name = "read",
        description = "Read an act or one of its provisions. With `ACT_ID`: the act's metadata, \
`citation` and outline, its units with their eids, labels and headings. With `ACT_ID#EID`: the \
unit's full text with its `children` (eids you can read next), amendments and references, in \
Kazakh (`kk`) and Russian (`ru`) side by side (null where a language lacks it); `as_of` gives \
the wording in force on a date (for an act, the units it had that day with their states). Each answer has its `citation` and `permalink`. Ids and eids \
come from `search` hits. Example: {\"target\": \"mfa-order-2018-01-04-11-1-4-1#att_1__para_3\"}, \
or {\"target\": \"mfa-order-2018-01-04-11-1-4-1\"} for the act's outline.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn read_target(&self, Parameters(args): Parameters<ReadArgs>) -> CallToolResult {
        answer(self.read_answer(args).await)
    }

    /// `at_date`: a unit's wording and state on a date.
    #[tool(
        name = "at_date",
        description = "A provision as it stood on a date, by the point-in-time rule: its `state` \
(in_force, not_yet_adopted, not_yet_in_force, not_yet_inserted, deleted, pending, repealed, expired, suspended, \
source_removed, not_in_corpus…) with `state_text` in words, the `edition` its wording comes from \
with the dates it was in force, and the `text` in force then (empty when no wording was in force: \
the state says why; for repealed and source_removed, the last wording, which is not known to be \
in force). Example: \
{\"target\": \"mfa-order-2018-01-04-11-1-4-1#att_1__para_3\", \"date\": \"2020-01-01\"}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn at_date(&self, Parameters(args): Parameters<AtDateArgs>) -> CallToolResult {
        answer(self.at_date_answer(args).await)
    }

    /// `history`: an act's or a unit's amendment timeline, paged.
    #[tool(
        name = "history",
        description = "The amendment timeline of an act (`ACT_ID`) or of one provision \
(`ACT_ID#EID`): `entries`, newest first, each with the amending act, the date it took effect, \
the action (changed, added, deleted, renamed…) and the unit; the act's older editions \
(`versions`) and, for a unit, its wordings over time (`wordings`). Paged: `totals` gives each \
list's full length and `next_offset` the next page. Example: {\"target\": \
\"mfa-order-2018-01-04-11-1-4-1\", \"limit\": 10}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn history(&self, Parameters(args): Parameters<HistoryArgs>) -> CallToolResult {
        answer(self.history_answer(args).await)
    }

    /// `refs`: what a unit or an act refers to.
    #[tool(
        name = "refs",
        description = "What a provision (`ACT_ID#EID`, with the units inside it) or a whole act \
(`ACT_ID`) refers to: each reference as printed, resolved to the unit of its own or another act \
in the corpus (`target`, with its citation), or `unresolved` with why. `total` counts them all; \
paged with `offset`/`limit` and `next_offset`. Example: {\"target\": \
\"mfa-order-2018-01-04-11-1-4-1#att_1__para_3\"}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn refs(&self, Parameters(args): Parameters<RefsArgs>) -> CallToolResult {
        answer(self.refs_answer(args).await)
    }

    /// `cited_by`: the provisions across the corpus that refer to a unit or an act.
    #[tool(
        name = "cited_by",
        description = "The provisions across the corpus that refer to a provision (`ACT_ID#EID`, \
or a unit inside it unless `exact`) or to a whole act (`ACT_ID`): each citing unit (`citing`, \
with its citation) and the reference as printed. `total` counts them all; paged with \
`offset`/`limit` and `next_offset`. Example: {\"target\": \
\"mfa-order-2018-01-04-11-1-4-1#att_1__para_3\"}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn cited_by(&self, Parameters(args): Parameters<CitedByArgs>) -> CallToolResult {
        answer(self.cited_by_answer(args).await)
    }

    /// `changes`: what an edition or a span of dates changed, unit by unit, with the words.
    #[tool(
        name = "changes",
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
        answer(self.read(move |index| changes::changes(index, args)).await)
    }

    /// `stats`: counts across the corpus.
    #[tool(
        name = "stats",
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
        answer(self.read(move |index| changes::stats(index, args)).await)
    }
}

impl Zanlex {
    async fn search_page(&self, args: SearchArgs) -> Result<SearchAnswer, ToolError> {
        let query = args.query.trim().to_string();
        if query.is_empty() {
            return Err(ToolError(
                "query is empty: give the words to search for, e.g. {\"query\": \"виза ұзарту\"}"
                    .into(),
            ));
        }
        if query.chars().count() > crate::serve::limits::MAX_QUERY_CHARS {
            return Err(ToolError(format!(
                "the query has more than {} characters; shorten it to its key words",
                crate::serve::limits::MAX_QUERY_CHARS
            )));
        }
        let (offset, limit) = page_args(
            args.offset,
            args.limit,
            DEFAULT_SEARCH_PAGE,
            MAX_SEARCH_PAGE,
            zanlex::MAX_LIMIT,
        )?;
        let lang = lang_arg(args.lang.as_deref())?;
        let as_of = args
            .as_of
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty());
        let kind = args
            .kind
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty());
        let typed = crate::common::TypedSearch {
            query,
            limit: offset + limit,
            as_of,
            kind,
            lang,
            ..Default::default()
        };
        // The hits' references are resolved for the page only, as the API does.
        let req = typed
            .request(str::to_string)?
            .references(false)
            .budget(self.state.readers.query_budget());
        let include_repealed = args.include_repealed.unwrap_or(false);
        self.read(move |index| {
            let results = index.search(&req)?;
            let mut page = zanlex::SearchPage::new(results, offset, limit);
            page.results.resolve_references(index, req.as_of)?;
            // Repealed acts rank after the law in force; left out here, they are counted, so
            // that a page shorter than its limit says why.
            let before = page.results.hits.len();
            if !include_repealed {
                page.results
                    .hits
                    .retain(|h| h.act.status != zanlex::StatusKind::Repealed.as_str());
            }
            let repealed_left_out = before - page.results.hits.len();
            let shown = offset + before;
            let more = shown < page.results.total || page.results.total_is_lower_bound;
            let hits = page
                .results
                .hits
                .into_iter()
                .map(|mut hit| {
                    let rest = format!(
                        "`read` {}#{} gives the whole text",
                        hit.act.id, hit.unit.eid
                    );
                    bound_text(&mut hit.text, MAX_HIT_TEXT_CHARS, &rest);
                    HitWithLink {
                        permalink: permalink(&hit.act.id, Some(&hit.unit.eid), req.as_of),
                        hit,
                    }
                })
                .collect();
            Ok(SearchAnswer {
                query: page.results.query,
                total: page.results.total,
                total_is_lower_bound: page.results.total_is_lower_bound,
                relaxed: page.relaxed,
                offset,
                limit,
                next_offset: (more && before == limit && shown < zanlex::MAX_LIMIT)
                    .then_some(shown),
                repealed_left_out,
                searched_also: page.results.searched_also,
                hits,
            })
        })
        .await
    }

    async fn read_answer(&self, args: ReadArgs) -> Result<ReadAnswer, ToolError> {
        let target = target_arg(&args.target)?;
        let as_of = date_arg("as_of", args.as_of.as_deref())?;
        let lang = lang_arg(args.lang.as_deref())?;
        match target.eid.clone() {
            None => {
                let act = target.act.clone();
                let answer = self
                    .read(move |index| {
                        // On a date: the units the act had that day, with their states.
                        let mut outline = match as_of {
                            Some(date) => index.act_outline_on(&act, lang, date)?.without_texts(),
                            None => index.act_outline(&act, lang, false)?,
                        };
                        let note =
                            bound_outline(&mut outline.units, &outline.id, MAX_OUTLINE_UNITS);
                        Ok(ActAnswer {
                            permalink: permalink(&outline.id, None, as_of),
                            note,
                            outline,
                        })
                    })
                    .await?;
                Ok(ReadAnswer::Act(Box::new(answer)))
            }
            Some(eid) => {
                if lang.is_some() {
                    return Err(ToolError(
                        "a unit is read in both languages side by side; leave lang out (or use \
                         `at_date` for one language)"
                            .into(),
                    ));
                }
                let act = target.act.clone();
                let answer = self
                    .read(move |index| {
                        let mut both = index.parallel_unit(&act, &eid, as_of)?;
                        let rest = "its units are listed in `children`: `read` each by its eid";
                        for unit in [both.kk.as_mut(), both.ru.as_mut()].into_iter().flatten() {
                            bound_text(&mut unit.text, MAX_TEXT_CHARS, rest);
                        }
                        let first = both.kk.as_ref().or(both.ru.as_ref());
                        let (citation, act_id) = first
                            .map(|u| (u.citation.clone(), u.act.id.clone()))
                            .unwrap_or_else(|| (String::new(), act.clone()));
                        Ok(UnitAnswerBoth {
                            target: format!("{act_id}#{eid}"),
                            citation,
                            permalink: permalink(&act_id, Some(&eid), as_of),
                            both,
                        })
                    })
                    .await?;
                Ok(ReadAnswer::Unit(Box::new(answer)))
            }
        }
    }

    async fn at_date_answer(&self, args: AtDateArgs) -> Result<AtDateAnswer, ToolError> {
        let target = target_arg(&args.target)?;
        let Some(eid) = target.eid.clone() else {
            return Err(ToolError(format!(
                "at_date needs one unit: write target as ACT_ID#EID; `read` with target {:?} \
                 lists the act's units and their eids",
                target.act
            )));
        };
        let date = date_arg("date", Some(&args.date))?.ok_or_else(|| {
            ToolError("date is empty: give the day, YYYY-MM-DD, e.g. 2020-01-01".into())
        })?;
        let lang = lang_arg(args.lang.as_deref())?;
        let act = target.act;
        self.read(move |index| {
            let mut unit = index.unit_answer(&act, &eid, lang, Some(date))?;
            bound_text(
                &mut unit.text,
                MAX_TEXT_CHARS,
                "its units are listed in `children`: `at_date` each by its eid",
            );
            unit.state_text = unit.state.describe(Some(date), None);
            Ok(AtDateAnswer {
                date,
                permalink: permalink(&unit.act.id, Some(&eid), Some(date)),
                unit,
            })
        })
        .await
    }

    async fn history_answer(&self, args: HistoryArgs) -> Result<HistoryAnswer, ToolError> {
        let target = target_arg(&args.target)?;
        let lang = lang_arg(args.lang.as_deref())?;
        let (offset, limit) = page_args(
            args.offset,
            args.limit,
            DEFAULT_LIST_PAGE,
            MAX_LIST_PAGE,
            LIST_END,
        )?;
        self.read(move |index| {
            let mut history = index.act_history(&target.act, target.eid(), lang, false)?;
            let citation = citation_of(index, &target, lang)?;
            let totals = HistoryTotals {
                events: history.entries.len(),
                editions: history.versions.len(),
                wordings: history.wordings.len(),
            };
            let next = [
                cut_page(&mut history.entries, offset, limit),
                cut_page(&mut history.versions, offset, limit),
                cut_page(&mut history.wordings, offset, limit),
            ];
            Ok(HistoryAnswer {
                citation,
                permalink: permalink(&history.act.id, target.eid(), None),
                totals,
                offset,
                limit,
                next_offset: next.into_iter().flatten().next(),
                history,
            })
        })
        .await
    }

    async fn refs_answer(&self, args: RefsArgs) -> Result<RefsAnswer<zanlex::RefList>, ToolError> {
        let target = target_arg(&args.target)?;
        let lang = lang_arg(args.lang.as_deref())?;
        let as_of = date_arg("as_of", args.as_of.as_deref())?;
        let (offset, limit) = page_args(
            args.offset,
            args.limit,
            DEFAULT_LIST_PAGE,
            MAX_LIST_PAGE,
            LIST_END,
        )?;
        self.read(move |index| {
            let mut list = index.refs(&target, lang, as_of)?;
            let next_offset = cut_page(&mut list.references, offset, limit);
            Ok(RefsAnswer {
                citation: citation_of(index, &target, lang)?,
                permalink: permalink(&target.act, target.eid(), as_of),
                offset,
                limit,
                next_offset,
                list,
            })
        })
        .await
    }

    async fn cited_by_answer(
        &self,
        args: CitedByArgs,
    ) -> Result<RefsAnswer<zanlex::CitedByList>, ToolError> {
        let target = target_arg(&args.target)?;
        let lang = lang_arg(args.lang.as_deref())?;
        let as_of = date_arg("as_of", args.as_of.as_deref())?;
        let within = !args.exact.unwrap_or(false);
        let (offset, limit) = page_args(
            args.offset,
            args.limit,
            DEFAULT_LIST_PAGE,
            MAX_LIST_PAGE,
            LIST_END,
        )?;
        self.read(move |index| {
            let mut list = index.cited_by_list(&target, within, lang, as_of)?;
            let next_offset = cut_page(&mut list.cited_by, offset, limit);
            Ok(RefsAnswer {
                citation: citation_of(index, &target, None)?,
                permalink: permalink(&target.act, target.eid(), as_of),
                offset,
                limit,
                next_offset,
                list,
            })
        })
        .await
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permalinks_are_paths_of_the_page_with_the_date() {
        let d = chrono::NaiveDate::from_ymd_opt(2020, 1, 1);
        assert_eq!(
            permalink("mfa-order-2018-01-04-11-1-4-1", Some("att_1__para_3"), d),
            "/acts/mfa-order-2018-01-04-11-1-4-1/att_1__para_3?as_of=2020-01-01"
        );
        assert_eq!(permalink("a b", None, None), "/acts/a%20b");
        assert_eq!(permalink("x", Some("sec_1.3"), None), "/acts/x/sec_1.3");
    }

    #[test]
    fn a_long_text_is_cut_saying_so() {
        let mut t = "әб".repeat(6);
        bound_text(&mut t, 5, "read the rest");
        assert_eq!(
            t,
            "әбәбә\n[cut: the first 5 of 12 characters are shown; read the rest]"
        );
        let mut short = "әб".to_string();
        bound_text(&mut short, 5, "x");
        assert_eq!(short, "әб");
    }

    #[test]
    fn pages_are_cut_with_the_next_offset() {
        let mut v: Vec<u32> = (0..10).collect();
        assert_eq!(cut_page(&mut v, 3, 4), Some(7));
        assert_eq!(v, [3, 4, 5, 6]);
        let mut v: Vec<u32> = (0..10).collect();
        assert_eq!(cut_page(&mut v, 8, 4), None);
        assert_eq!(v, [8, 9]);
        let mut v: Vec<u32> = (0..3).collect();
        assert_eq!(cut_page(&mut v, 5, 4), None);
        assert!(v.is_empty());
    }

    #[test]
    fn limits_out_of_range_are_refused() {
        assert!(page_args(None, Some(10_000), 10, 50, 1000).is_err());
        assert!(page_args(None, Some(0), 10, 50, 1000).is_err());
        assert!(page_args(Some(990), Some(20), 10, 50, 1000).is_err());
        assert_eq!(page_args(None, None, 10, 50, 1000), Ok((0, 10)));
        assert!(page_args(Some(u64::MAX), Some(5), 10, 50, LIST_END).is_err());
    }
}
