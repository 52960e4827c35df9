//! Queries: parsing, ranking, snippets and citations.
