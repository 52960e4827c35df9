//! The tool `wording`: when a phrase appeared in an act's units and when it went, over its
//! editions ([`zanlex::pages::wording_history`]). Its own router, added to the others'.

use super::{output_schema, ToolArgs, ToolError, Zanlex};
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::CallToolResult;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;
use zanlex::pages::{WordingArgs as TypedWordingArgs, WordingRequest};

/// The arguments of `wording`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct WordingArgs {
    /// `ACT_ID` to follow the phrase in every unit of the act, or `ACT_ID#EID` in one
    /// provision and the units inside it.
    pub target: String,
    /// The phrase, its words in the forms to find (letter case and Latin look-alike letters
    /// aside; another ending is another wording).
    pub phrase: String,
    /// `kk` or `ru`: the text read (the first of the act's texts where the phrase occurs, when
    /// left out).
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
    /// How many units come before this page (0 when left out).
    #[serde(default)]
    pub offset: Option<u64>,
    /// Units on this page, 1 to 100 (20 when left out).
    #[serde(default)]
    pub limit: Option<u64>,
}

/// The request of `wording`: the act (and unit), the phrase, the language and the page.
impl ToolArgs for WordingArgs {
    type Request = WordingRequest;

    fn request(self, _: &Zanlex) -> Result<WordingRequest, ToolError> {
        let target = zanlex::Target::parse(&self.target)?;
        let typed = TypedWordingArgs {
            act: &target.act,
            unit: target.eid(),
            phrase: &self.phrase,
            lang: self.lang.as_deref(),
            offset: self.offset,
            limit: self.limit,
        };
        Ok(WordingRequest::parse(&typed, str::to_string)?)
    }
}

#[tool_router(router = wording_router, vis = "pub(super)")]
impl Zanlex {
    /// `wording`: when a phrase appeared and went, unit by unit.
    #[tool(
        name = "wording",
        output_schema = output_schema::<zanlex::pages::WordingAnswer>(),
        description = "When a phrase appeared in an act's provisions and when it went, over the \
editions the corpus holds (ask it «when did the words X appear in article N?»). For each unit \
whose own text held the phrase in some edition (`units`, paged; `units_total`), its `spans`: \
`start` is `appeared` (the day the wording with it took effect, `from`, by the point-in-time \
rule, `from_estimated` and `basis` saying how sure, and `by`, the amending acts whose notes date \
it) or `since_at_least` (the earliest edition the corpus holds already prints it: when it \
appeared is not known, only that it was there from `from`); `end` is `still_present` (in the \
newest edition), `removed` (the wording without it from `absent_from`, `by` the amending act) or \
`unit_removed`. An edition's `date` is the day the source names it by, not the day a wording \
took effect: quote `from`. Words match in their exact forms (case and look-alike letters \
aside). Example: {\"target\": \"constitutional-law-1995-12-18-2688#art_12\", \"phrase\": \
\"мемлекеттік бағдарламаларды\"}.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn wording(&self, Parameters(args): Parameters<WordingArgs>) -> CallToolResult {
        self.call(args, zanlex::pages::wording_history).await
    }
}
