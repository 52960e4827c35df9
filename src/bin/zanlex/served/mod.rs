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

/// Largest request body, in bytes, the HTTP server reads (no API endpoint reads a body;
/// `/v1/reindex` takes none) and the MCP endpoint it mounts takes.
pub(crate) const MAX_BODY_BYTES: usize = 16 * 1024;

/// A route the HTTP server mounts for another door on the same served index (the MCP tools at
/// `/mcp`), built from the state and the links its answers use. The binary's root hands it to
/// the server, so that neither door names the other.
pub(crate) type Mount = fn(
    std::sync::Arc<state::AppState>,
    zanlex::pages::Links,
) -> axum::routing::MethodRouter<std::sync::Arc<state::AppState>>;
