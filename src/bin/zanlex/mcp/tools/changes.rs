//! The arguments of the tools `changes` (what an edition or a span of dates changed in an act,
//! [`zanlex::pages::changes`]), `recent_changes` (the amendments recorded across the corpus
//! or in one act, newest first, [`zanlex::pages::recent_changes`]) and `stats` (counts across
//! the corpus, [`zanlex::pages::stats`]), handed to the library's requests, which check them.

use super::{ToolArgs, ToolError, Zanlex};
use schemars::JsonSchema;
use serde::Deserialize;
use zanlex::pages::{
    ChangesRequest, RecentArgs, RecentChangesRequest, StatsArgs as TypedStatsArgs, StatsRequest,
};

/// The arguments of `changes`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct ChangesArgs {
    /// `ACT_ID` for what changed in the whole act, or `ACT_ID#EID` for one provision (and the
    /// units inside it).
    pub target: String,
    /// An edition id (from `history`'s `versions`, or this tool's `editions`): what that edition
    /// changed against the edition before it. Give either `edition` or `from`.
    #[serde(default)]
    pub edition: Option<String>,
    /// A date, YYYY-MM-DD: compare the wording in force on this date with the wording on `to`.
    #[serde(default)]
    pub from: Option<String>,
    /// A date, YYYY-MM-DD, after `from` (today when left out).
    #[serde(default)]
    pub to: Option<String>,
    /// `kk` or `ru`: the text compared (Kazakh when the act has it).
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
    /// How many unit changes (and amendment events) come before this page (0 when left out).
    #[serde(default)]
    pub offset: Option<u64>,
    /// Unit changes (and amendment events) on this page, 1 to 50 (10 when left out).
    #[serde(default)]
    pub limit: Option<u64>,
}

/// The request of `changes`: its target, span, language and page.
impl ToolArgs for ChangesArgs {
    type Request = ChangesRequest;

    fn request(self, _: &Zanlex) -> Result<ChangesRequest, ToolError> {
        let typed = zanlex::pages::ChangesArgs {
            target: &self.target,
            edition: self.edition.as_deref(),
            from: self.from.as_deref(),
            to: self.to.as_deref(),
            lang: self.lang.as_deref(),
            offset: self.offset,
            limit: self.limit,
        };
        Ok(ChangesRequest::parse(&typed, str::to_string)?)
    }
}

/// The arguments of `stats`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct StatsArgs {
    /// A date, YYYY-MM-DD: count only the amendments taking effect on or after it (all of them
    /// when left out).
    #[serde(default)]
    pub since: Option<String>,
    /// Entries of each ranked list (units amended most, amending acts), 1 to 100 (10 when left
    /// out).
    #[serde(default)]
    pub limit: Option<u64>,
}

/// The request of `stats`: the date counted from and each ranked list's length.
impl ToolArgs for StatsArgs {
    type Request = StatsRequest;

    fn request(self, _: &Zanlex) -> Result<StatsRequest, ToolError> {
        let typed = TypedStatsArgs {
            since: self.since.as_deref(),
            limit: self.limit,
        };
        Ok(StatsRequest::parse(&typed, str::to_string)?)
    }
}

/// The arguments of `recent_changes`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct RecentChangesArgs {
    /// `ACT_ID`: only this act's changes. Every act's when left out.
    #[serde(default)]
    pub act: Option<String>,
    /// A date, YYYY-MM-DD: only the changes taking effect on or after it.
    #[serde(default)]
    pub since: Option<String>,
    /// A date, YYYY-MM-DD: only the changes taking effect on or before it.
    #[serde(default)]
    pub until: Option<String>,
    /// `kk` or `ru`: the text whose amendment notes are read (Kazakh when the act has it).
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
    /// How many changes come before this page (0 when left out).
    #[serde(default)]
    pub offset: Option<u64>,
    /// Changes on this page, 1 to 100 (20 when left out).
    #[serde(default)]
    pub limit: Option<u64>,
}

/// The request of `recent_changes`: whose changes, the days, the language and the page.
impl ToolArgs for RecentChangesArgs {
    type Request = RecentChangesRequest;

    fn request(self, _: &Zanlex) -> Result<RecentChangesRequest, ToolError> {
        let typed = RecentArgs {
            act: self.act.as_deref(),
            since: self.since.as_deref(),
            until: self.until.as_deref(),
            lang: self.lang.as_deref(),
            offset: self.offset,
            limit: self.limit,
            ..Default::default()
        };
        Ok(RecentChangesRequest::parse(&typed, str::to_string)?)
    }
}
