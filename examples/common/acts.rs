//! What the dumping examples share (`dump_acts`, `dump_units`, `token_dump`, `refs_stats`): the
//! acts of a corpus folder as zanlex ingests them, read back from an index built in a
//! temporary folder (an index holds every act as ingestion made it), sorted by source file.

use std::path::Path;
use zanlex::{Act, BuildOptions, ZanIndex};

/// The files not indexed, with why: `(file, reason)`.
pub type Failures = Vec<(String, String)>;

/// The acts of `corpus` sorted by source file (the expressions of one file in the order ingestion
/// gave them), and the files not indexed.
pub fn ingested(corpus: &Path) -> Result<(Vec<Act>, Failures), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (index, report) =
        ZanIndex::open_or_build(corpus, dir.path().join("index"), &BuildOptions::default())?;
    let mut acts = index.acts()?;
    acts.sort_by(|a, b| a.source.file.cmp(&b.source.file));
    Ok((acts, report.failures))
}
