//! Stage 3: amendment notes, instructions of amending acts, effective dates, versions and diffs.

pub mod effective;
pub mod instructions;
pub mod notes;

use crate::model::Act;

/// Parses one act's own notes, instructions and commencement clause into its fields.
pub fn annotate_act(act: &mut Act) {
    let _ = act;
}

/// Links acts across the corpus: editions of one act become versions, and amending acts whose
/// targets are present are applied to them.
pub fn link_corpus(acts: &mut Vec<Act>) {
    let _ = acts;
}
