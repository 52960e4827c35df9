//! Markdown sources (official consolidated texts): front matter → metadata, body → lines.

use super::CleanLine;
use std::collections::BTreeMap;

/// Parses a Markdown source into its front matter and clean lines.
pub fn parse_markdown(text: &str) -> (BTreeMap<String, String>, Vec<CleanLine>) {
    (BTreeMap::new(), super::text_lines(text))
}
