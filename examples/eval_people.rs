//! Ranking quality on everyday questions written before any search was run on them: the set
//! `evals/people.tsv` holds questions the way a non-lawyer asks them (colloquial words,
//! abbreviations, verbs in other forms, some Kazakh typed without Kazakh letters, a few in
//! Latin script), in Russian and in Kazakh, about the acts copied from the public mirror into
//! `evals/corpus/` (the mirror's layout: one folder per act with `kaz.md`, `rus.md`,
//! `meta.yaml`). Each question names every unit that answers it.
//!
//! One index is built over a temporary corpus holding a copy of the bundled `corpus/*` (acts
//! the questions are not about, so that the answers compete with other texts) and of
//! `evals/corpus/` as `people/`. Each question runs through `ZanIndex::search` with `limit(10)`
//! and its language; Recall@10 and MRR@10 are printed overall and per language, with each
//! question's rank of the first answer (`-` when none is in the top 10). The scoring is
//! `examples/common/eval.rs`'s, shared with `eval_questions` and `eval_mirror`.
//!
//! Run: `cargo run --release --example eval_people`; `… --example eval_people -- heldout`
//! scores `evals/people_heldout.tsv` instead (questions about the Law on Toy Safety, written
//! before any engine ran on it: a check against tuning to `people.tsv`) on the same index;
//! `… -- blind` scores `evals/blind.tsv`, and `… -- blindN` (`blind2`, `blind3`, …) scores
//! `evals/blindN.tsv`: the blind sets, each on acts of `evals/corpus/` no earlier set used,
//! written and committed before any engine ran on them (`evals/README.md` lists them and says
//! which are tuned on and which held out). Any other name is refused.
//! `evals/compare.py` scores both sets with other engines on the same units.

#[path = "common/eval.rs"]
mod eval;

use eval::Res;
use std::path::Path;

/// Whether `name` is a blind set's: `blind`, or `blind` and a number (`blind17`).
fn is_blind_set(name: &str) -> bool {
    name.strip_prefix("blind")
        .is_some_and(|n| n.is_empty() || n.bytes().all(|b| b.is_ascii_digit()))
}

fn main() -> Res<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let set_file = match std::env::args().nth(1).as_deref() {
        None | Some("people") => "evals/people.tsv".to_string(),
        Some("heldout") => "evals/people_heldout.tsv".to_string(),
        Some(name) if is_blind_set(name) => format!("evals/{name}.tsv"),
        Some(other) => {
            return Err(format!("unknown set {other:?}: people, heldout, blind, blindN").into())
        }
    };
    let set = eval::read_set(&root.join(set_file))?;
    let tmp = tempfile::tempdir()?;
    let corpus = tmp.path().join("corpus");
    eval::copy_tree(&root.join("corpus"), &corpus)?;
    eval::copy_tree(&root.join("evals/corpus"), &corpus.join("people"))?;
    let index = eval::build_index(&corpus, &tmp.path().join("index"), set.len())?;

    eval::print_header();
    let outcomes: Vec<eval::Outcome> = set.iter().map(|q| eval::run_query(&index, q)).collect();
    eval::print_summary(&eval::totals_by_lang(&outcomes), &outcomes);
    Ok(())
}
