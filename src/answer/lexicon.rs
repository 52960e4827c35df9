//! The Kazakh↔Russian lexicon learned from the corpus (`zanlex lexicon --json`): the pairs,
//! strongest first, or those of one word, with the evidence a person checks them by.

use crate::lexicon::TermPair;
use crate::ZanIndex;
use serde::Serialize;

/// Most pairs one answer lists when no limit is asked for.
pub const DEFAULT_LEXICON_LIMIT: usize = 50;

/// The lexicon's pairs (or a word's), strongest first.
///
/// ```no_run
/// use zanlex::ZanIndex;
/// # fn main() -> zanlex::Result<()> {
/// let index = ZanIndex::open("index")?;
/// let answer = index.lexicon(Some("правительство"), 5)?;
/// for pair in &answer.pairs {
///     println!("{} ↔ {} (G² {})", pair.kk_word, pair.ru_word, pair.g2);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct LexiconList {
    /// The word asked about (in either language), when one was.
    pub word: Option<String>,
    /// Aligned units (a Kazakh unit and its Russian twin) the lexicon was learned from.
    pub aligned_units: u64,
    /// Pairs in the whole lexicon.
    pub lexicon_size: usize,
    /// Pairs that match the word (all of them without one).
    pub total: usize,
    /// The pairs shown: the first `limit` of them, strongest first.
    pub pairs: Vec<TermPair>,
}

impl ZanIndex {
    /// The learned Kazakh↔Russian pairs, strongest first: all of them, or those of `word`
    /// (read as Kazakh and as Russian, analyzed as the corpus's words are), at most `limit`.
    pub fn lexicon(&self, word: Option<&str>, limit: usize) -> crate::Result<LexiconList> {
        let lexicon = self.learned_lexicon()?;
        let word = word.map(str::trim).filter(|w| !w.is_empty());
        let matching: Vec<&TermPair> = match word {
            Some(w) => lexicon.pairs_of_word(w),
            None => lexicon.pairs().iter().collect(),
        };
        Ok(LexiconList {
            word: word.map(str::to_string),
            aligned_units: lexicon.units(),
            lexicon_size: lexicon.pairs().len(),
            total: matching.len(),
            pairs: matching.into_iter().take(limit).cloned().collect(),
        })
    }
}
