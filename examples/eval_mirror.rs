//! Ranking quality of zanlex's own search on the mirror sample (`../shared/data/mirror`): the
//! relevance set `evals/mirror_queries.tsv` (queries a lawyer types, in Kazakh and Russian, with
//! the units that answer each) is run through `ZanIndex::search` with `limit(10)` and the
//! query's language (`--lang`), and Recall@10 and MRR@10 are printed overall and per language,
//! with each query's rank of the first relevant hit (`-` when none is in the top 10).
//!
//! The TSV's columns, when a hit counts and how the scores are reckoned are described in
//! `examples/common/eval.rs`, which `eval_questions` shares.
//!
//! Run: `cargo run --release --example eval_mirror [-- MIRROR_DIR]`. Without the mirror sample
//! it prints that it skipped and exits with success. The index is built in a temporary folder.

#[path = "common/eval.rs"]
mod eval;

use eval::Res;
use std::path::{Path, PathBuf};

fn main() -> Res<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mirror: PathBuf = match std::env::args_os().nth(1) {
        Some(p) => PathBuf::from(p),
        None => root.join("../shared/data/mirror"),
    };
    if !mirror.is_dir() {
        println!("skipped: {} is absent", mirror.display());
        return Ok(());
    }
    let set = eval::read_set(&root.join("evals/mirror_queries.tsv"))?;
    let tmp = tempfile::tempdir()?;
    let index = eval::build_index(&mirror, tmp.path(), set.len())?;
    eval::print_header();
    let outcomes: Vec<eval::Outcome> = set.iter().map(|q| eval::run_query(&index, q)).collect();
    eval::print_summary(&eval::totals_by_lang(&outcomes), &outcomes);
    Ok(())
}
