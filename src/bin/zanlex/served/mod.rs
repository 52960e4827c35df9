//! The served index, as `zanlex serve` (the HTTP API and the page) and `zanlex mcp` (the MCP
//! tools over stdio) both serve it: the index in force and its refresh ([`state`]), the
//! bounded reads of it ([`readers`]) and the errors they answer with ([`errors`]). Neither
//! door reaches into the other: both build on this.

pub(crate) mod errors;
pub(crate) mod readers;
pub(crate) mod state;

/// The default work budget of one search, in milliseconds: many times what a search of the
/// whole country's law takes, and a fraction of the request time limit.
pub(crate) const DEFAULT_QUERY_BUDGET_MS: u64 = 2_000;
