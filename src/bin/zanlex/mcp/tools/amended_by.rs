//! The arguments of the tool `amended_by` (what one amending act changed across the corpus,
//! [`zanlex::pages::amended_by`]), handed to the library's request, which checks them.

use super::{ToolArgs, ToolError, Zanlex};
use schemars::JsonSchema;
use serde::Deserialize;
use zanlex::pages::{AmendedByArgs as TypedArgs, AmendedByRequest};

/// The arguments of `amended_by`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct AmendedByArgs {
    /// The amending act: its id in the corpus, or its requisites as written — kind, date and
    /// number: «Закон РК от 17.07.2024 № 118-VIII», «2024 жылғы 17 шілдедегі № 118-VIII Заң»,
    /// «приказ Министра … от 05.12.2025 № 11-1-4/730».
    pub by: String,
    /// `kk` or `ru`: the texts whose amendment notes are read (Kazakh when the act has it).
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
    /// How many provisions come before this page (0 when left out).
    #[serde(default)]
    pub offset: Option<u64>,
    /// Provisions on this page, 1 to 100 (20 when left out).
    #[serde(default)]
    pub limit: Option<u64>,
}

/// The request of `amended_by`: the amending act, the language and the page.
impl ToolArgs for AmendedByArgs {
    type Request = AmendedByRequest;

    fn request(self, _: &Zanlex) -> Result<AmendedByRequest, ToolError> {
        let typed = TypedArgs {
            by: &self.by,
            lang: self.lang.as_deref(),
            offset: self.offset,
            limit: self.limit,
        };
        Ok(AmendedByRequest::parse(&typed, str::to_string)?)
    }
}
