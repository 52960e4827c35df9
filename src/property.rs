//! The scaffold of the property tests, shared with the analysis crate (its `testing` feature).

pub(crate) use zanlex_analysis::property::{check, pieces, text, word};
