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
//! `… -- blind` scores `evals/blind.tsv` (questions about six other acts of `evals/corpus/`,
//! written and committed before any engine ran on them, never tuned on); `… -- blind2` scores
//! `evals/blind2.tsv` (a second blind set, on three more acts of `evals/corpus/`, written and
//! committed the same way); `… -- blind3` scores `evals/blind3.tsv` (a third blind set, on seven
//! more acts of `evals/corpus/`, written and committed the same way); `… -- blind4` scores
//! `evals/blind4.tsv` (a fourth blind set, on six more acts, written and committed the same way);
//! `… -- blind5` scores `evals/blind5.tsv` (a fifth blind set, on six more acts, written and
//! committed the same way); `… -- blind6` scores `evals/blind6.tsv` (a sixth blind set, on six
//! more acts, written and committed the same way); `… -- blind7` scores `evals/blind7.tsv` (a
//! seventh blind set, on seven more acts, written and committed the same way); `… -- blind8`
//! scores `evals/blind8.tsv` (an eighth blind set, on six more acts, written and committed the
//! same way); `… -- blind9` scores `evals/blind9.tsv` (a ninth blind set, on six more acts,
//! written and committed the same way); `… -- blind10` scores `evals/blind10.tsv` (a tenth blind
//! set, on six more acts, written and committed the same way); `… -- blind11` scores
//! `evals/blind11.tsv` (an eleventh blind set, on six more acts, written and committed the same
//! way); `… -- blind12` scores `evals/blind12.tsv` (a twelfth blind set, on six more acts,
//! written and committed the same way); `… -- blind13` scores `evals/blind13.tsv` (a thirteenth
//! blind set, on six more acts, written and committed the same way); `… -- blind14` scores
//! `evals/blind14.tsv` (a fourteenth blind set, on six more acts, written and committed the same
//! way); `… -- blind15` scores `evals/blind15.tsv` (a fifteenth blind set, on six more acts,
//! written and committed the same way); `… -- blind16` scores `evals/blind16.tsv` (a sixteenth
//! blind set, on six more acts, written and committed the same way); `… -- blind17` scores
//! `evals/blind17.tsv` (a seventeenth blind set, on six more acts, written and committed the
//! same way); `… -- blind18` scores `evals/blind18.tsv` (an eighteenth blind set, on six more
//! acts, written and committed the same way).
//! `evals/compare.py` scores both sets with other engines on the same units.

#[path = "common/eval.rs"]
mod eval;

use eval::Res;
use std::path::Path;

fn main() -> Res<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let set_file = match std::env::args().nth(1).as_deref() {
        Some("heldout") => "evals/people_heldout.tsv",
        Some("blind") => "evals/blind.tsv",
        Some("blind2") => "evals/blind2.tsv",
        Some("blind3") => "evals/blind3.tsv",
        Some("blind4") => "evals/blind4.tsv",
        Some("blind5") => "evals/blind5.tsv",
        Some("blind6") => "evals/blind6.tsv",
        Some("blind7") => "evals/blind7.tsv",
        Some("blind8") => "evals/blind8.tsv",
        Some("blind9") => "evals/blind9.tsv",
        Some("blind10") => "evals/blind10.tsv",
        Some("blind11") => "evals/blind11.tsv",
        Some("blind12") => "evals/blind12.tsv",
        Some("blind13") => "evals/blind13.tsv",
        Some("blind14") => "evals/blind14.tsv",
        Some("blind15") => "evals/blind15.tsv",
        Some("blind16") => "evals/blind16.tsv",
        Some("blind17") => "evals/blind17.tsv",
        Some("blind18") => "evals/blind18.tsv",
        _ => "evals/people.tsv",
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
