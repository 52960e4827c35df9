//! zanlex: full-text search and legal-document indexing for Kazakhstan's normative acts in Kazakh.
//!
//! The pipeline flows one way, one module per stage:
//! [`extract`] (text, Markdown, PDF; repair of extraction damage) →
//! [`structure`] (acts, metadata, unit trees with stable eids) →
//! [`amend`] (notes, instructions, effective dates, versions, diffs) →
//! [`index`] (tantivy) ← [`search`] (queries, ranking, cited passages).
//! [`analysis`] holds the Kazakh analyzers used by both index and search;
//! [`ingest`] runs the first three stages over a corpus folder in parallel.
//! Types shared by stages live in [`model`].

pub mod amend;
pub mod analysis;
pub mod cli;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod model;
pub mod panic_guard;
pub mod scale;
pub mod search;
pub mod structure;

pub use error::{Error, Result};
pub use model::*;

/// The README's Rust example, compiled as a doc test so it cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The scaffold of the property tests.
#[cfg(test)]
mod property;
