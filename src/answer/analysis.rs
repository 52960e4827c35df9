//! What an analyzer makes of a text, as one answer.

use crate::AnalyzedToken;
use serde::{Deserialize, Serialize};

/// The tokens analyzer [`analyzer`](Self::analyzer) made of [`text`](Self::text):
/// [`crate::analyze`]'s answer, what `zanlex analyze --json` prints.
///
/// ```
/// let a = zanlex::analyze("kk_stem", "Тұрақты тұруға").unwrap();
/// assert_eq!((a.analyzer.as_str(), a.tokens.len()), ("kk_stem", 2));
/// let json = serde_json::to_string(&a).unwrap();
/// assert_eq!(serde_json::from_str::<zanlex::Analysis>(&json).unwrap(), a);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Analysis {
    /// The analyzer's name (one of [`crate::ANALYZERS`]).
    pub analyzer: String,
    /// The text analyzed.
    pub text: String,
    /// The tokens, in the order the analyzer made them.
    pub tokens: Vec<AnalyzedToken>,
}

impl Analysis {
    pub(crate) fn new(analyzer: &str, text: &str, tokens: Vec<AnalyzedToken>) -> Self {
        Analysis {
            analyzer: analyzer.to_string(),
            text: text.to_string(),
            tokens,
        }
    }
}
