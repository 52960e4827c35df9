//! Ranking quality of zanlex's search on questions asked in plain words (issue 39): the set
//! `evals/questions.tsv` holds questions the way a person asks a lawyer, in Kazakh (some typed
//! without Kazakh letters or in Latin script, some with the verb in another form than the
//! text's) and in Russian, each with every unit that answers it. The questions are about the
//! bundled `corpus/`, the current editions in `../shared/data/versions/` and the acts of
//! `../shared/data/mirror/`, so one index is built over the three at once: a temporary corpus
//! folder holds a copy of `corpus/*`, of `versions/` (one folder of dated editions per act) as
//! `versions/`, and of the mirror's repository folders (one folder per act with `kaz.md`,
//! `rus.md`, `meta.yaml`) as `mirror/`, the layouts the ingester reads.
//!
//! Each question runs through `ZanIndex::search` with `limit(10)` and its language, and
//! Recall@10 and MRR@10 are printed overall, per language and per source (`corpus`, `versions`,
//! `mirror`: where the file of the first relevant act's text in the question's language lies),
//! with each question's rank of the first answer (`-` when none is in the top 10). The TSV's
//! columns, when a hit counts and how the scores are reckoned are described in
//! `examples/common/eval.rs`, shared with `eval_mirror`.
//!
//! Run: `cargo run --release --example eval_questions [-- DATA_DIR]` (`DATA_DIR` defaults to
//! `../shared/data`). Without its `versions/` and `mirror/` only the questions over the bundled
//! corpus are run, and it says so.

#[path = "common/eval.rs"]
mod eval;

use eval::Res;
use std::path::{Path, PathBuf};
use zanlex::ZanIndex;

/// Lays out the corpus the questions are about in `dir`: the bundled corpus's files at its top,
/// `versions/` and the mirror's repository folders under `mirror/` when `data` has them.
/// Returns the names of the shared folders that were found.
fn assemble(root: &Path, data: &Path, dir: &Path) -> Res<Vec<&'static str>> {
    eval::copy_tree(&root.join("corpus"), dir)?;
    let mut found = Vec::new();
    let versions = data.join("versions");
    if versions.is_dir() {
        eval::copy_tree(&versions, &dir.join("versions"))?;
        found.push("versions");
    }
    let mirror = data.join("mirror");
    if mirror.is_dir() {
        // Only the repository folders: the sample's own README and MANIFEST are not acts.
        for entry in std::fs::read_dir(&mirror)? {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                eval::copy_tree(&entry.path(), &dir.join("mirror").join(entry.file_name()))?;
            }
        }
        found.push("mirror");
    }
    Ok(found)
}

/// Where the question's answer lies: the folder (`versions`, `mirror`, else `corpus`) of the
/// file that holds the first relevant act's text in the question's language (any language
/// when the act has none in it).
fn source_of(index: &ZanIndex, q: &eval::Judged) -> &'static str {
    let Some((act, _)) = q.relevant.first() else {
        return "corpus";
    };
    let file = index
        .act_in(act, Some(q.lang))
        .or_else(|_| index.act_in(act, None))
        .map(|a| a.source.file)
        .unwrap_or_default();
    // `corpus/versions/…`: the path starts with the corpus folder's name.
    let inside = file.split_once('/').map_or("", |(_, rest)| rest);
    if inside.starts_with("versions/") {
        "versions"
    } else if inside.starts_with("mirror/") {
        "mirror"
    } else {
        "corpus"
    }
}

fn main() -> Res<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data: PathBuf = match std::env::args_os().nth(1) {
        Some(p) => PathBuf::from(p),
        None => root.join("../shared/data"),
    };
    let mut set = eval::read_set(&root.join("evals/questions.tsv"))?;
    let tmp = tempfile::tempdir()?;
    let corpus = tmp.path().join("corpus");
    let found = assemble(root, &data, &corpus)?;
    let index = eval::build_index(&corpus, &tmp.path().join("index"), set.len())?;

    if found.len() < 2 {
        // Without the shared data, only the questions whose acts are all in the index run.
        let before = set.len();
        set.retain(|q| q.relevant.iter().all(|(a, _)| index.act(a).is_ok()));
        println!(
            "{}/versions or /mirror is absent: evaluating the {} questions over the bundled \
             corpus only ({} skipped)",
            data.display(),
            set.len(),
            before - set.len()
        );
    }

    eval::print_header();
    let mut by_source: Vec<(String, eval::Totals)> = ["corpus", "versions", "mirror"]
        .iter()
        .map(|s| (s.to_string(), eval::Totals::default()))
        .collect();
    let mut outcomes = Vec::new();
    for q in &set {
        let outcome = eval::run_query(&index, q);
        let source = source_of(&index, q);
        if let Some((_, totals)) = by_source.iter_mut().find(|(name, _)| name == source) {
            totals.add(&outcome);
        }
        outcomes.push(outcome);
    }
    let mut groups = eval::totals_by_lang(&outcomes);
    groups.extend(by_source);
    eval::print_summary(&groups, &outcomes);
    Ok(())
}
