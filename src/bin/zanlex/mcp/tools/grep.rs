//! The arguments of the tool `grep` (the units whose text a regular expression matches,
//! [`zanlex::pages::grep`]), handed to the library's request, which checks them.

use super::{ToolArgs, ToolError, Zanlex};
use schemars::JsonSchema;
use serde::Deserialize;
use zanlex::pages::GrepRequest;

/// The arguments of `grep`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct GrepArgs {
    /// The regular expression (Rust's regex syntax: classes, `\d`, `\s`, `(a|b)`, `{n,m}`; no
    /// look-around, no back-references), at most 500 characters.
    pub pattern: String,
    /// `ACT_ID`: only this act's units. Every act's when left out.
    #[serde(default)]
    pub act: Option<String>,
    /// Only acts of this kind: `law`, `code`, `order`, `resolution`, `decree`, `decision`, ….
    #[serde(default)]
    pub kind: Option<String>,
    /// Only acts with this status: `in_force`, `repealed` or `unknown`.
    #[serde(default)]
    pub status: Option<String>,
    /// `kk` or `ru`: only the texts in this language (both when left out).
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
    /// A date, YYYY-MM-DD: only the wording in force on it (the current texts when left out).
    #[serde(default)]
    pub as_of: Option<String>,
    /// true: letters match whatever their case.
    #[serde(default)]
    pub ignore_case: bool,
    /// How many matching units come before this page (0 when left out).
    #[serde(default)]
    pub offset: Option<u64>,
    /// Units on this page, 1 to 100 (20 when left out).
    #[serde(default)]
    pub limit: Option<u64>,
}

/// The request of `grep`: the pattern, the scope, the date and the page.
impl ToolArgs for GrepArgs {
    type Request = GrepRequest;

    fn request(self, _: &Zanlex) -> Result<GrepRequest, ToolError> {
        let typed = zanlex::pages::GrepArgs {
            pattern: &self.pattern,
            act: self.act.as_deref(),
            kind: self.kind.as_deref(),
            status: self.status.as_deref(),
            lang: self.lang.as_deref(),
            as_of: self.as_of.as_deref(),
            ignore_case: self.ignore_case,
            offset: self.offset,
            limit: self.limit,
            total_bound: None,
        };
        Ok(GrepRequest::parse(&typed, str::to_string)?)
    }
}
