//! A Kazakh↔Russian lexicon learned from the corpus's parallel texts.
//!
//! Every act the corpus holds in both languages is a parallel text aligned provision by
//! provision: its Kazakh and Russian units share their eids. Over those aligned units the
//! lexicon counts which Kazakh terms and which Russian terms occur together ([`terms`]), scores
//! each pair with Dunning's log-likelihood ratio ([`g2`]), and keeps the significant pairs that
//! win competitive linking ([`learn`]). Search uses them to find provisions written only in
//! the other language; `zanlex lexicon` shows them for a person to check.

pub mod g2;
pub mod learn;
pub mod terms;
mod together;
#[cfg(test)]
pub(crate) use together::Section;

use crate::model::Lang;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// A learned Kazakh↔Russian term pair, with the evidence for it.
///
/// ```
/// use zanlex::TermPair;
/// let pair = TermPair {
///     kk: "үкімет".into(), ru: "правительств".into(),
///     kk_word: "үкіметі".into(), ru_word: "правительства".into(),
///     together: 40, kk_units: 42, ru_units: 41, g2: 310.5,
/// };
/// assert!(pair.together <= pair.kk_units.min(pair.ru_units));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TermPair {
    /// The Kazakh term: a `kk_stem` stem.
    pub kk: String,
    /// The Russian term: a Snowball stem (`ru_stem`).
    pub ru: String,
    /// The Kazakh term's form seen most often in the corpus.
    pub kk_word: String,
    /// The Russian term's form seen most often in the corpus.
    pub ru_word: String,
    /// Aligned units holding both terms.
    pub together: u64,
    /// Aligned units holding the Kazakh term.
    pub kk_units: u64,
    /// Aligned units holding the Russian term.
    pub ru_units: u64,
    /// Dunning's log-likelihood ratio of the pair (G², rounded to two decimals).
    pub g2: f64,
}

/// The learned pairs, strongest first, with lookups by either language's term.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Lexicon {
    pairs: Vec<TermPair>,
    /// Aligned units the pairs were learned from.
    units: u64,
    #[serde(skip)]
    by_kk: FxHashMap<String, Vec<usize>>,
    #[serde(skip)]
    by_ru: FxHashMap<String, Vec<usize>>,
}

impl Lexicon {
    /// A lexicon of `pairs` (strongest first) learned from `units` aligned units.
    pub fn new(pairs: Vec<TermPair>, units: u64) -> Self {
        let mut lexicon = Lexicon {
            pairs,
            units,
            ..Lexicon::default()
        };
        lexicon.reindex();
        lexicon
    }

    /// Builds the lookups (after deserializing, which leaves them empty).
    pub fn reindex(&mut self) {
        self.by_kk.clear();
        self.by_ru.clear();
        for (i, p) in self.pairs.iter().enumerate() {
            self.by_kk.entry(p.kk.clone()).or_default().push(i);
            self.by_ru.entry(p.ru.clone()).or_default().push(i);
        }
    }

    /// The pairs, strongest first.
    pub fn pairs(&self) -> &[TermPair] {
        &self.pairs
    }

    /// The number of aligned units the pairs were learned from.
    pub fn units(&self) -> u64 {
        self.units
    }

    /// The pairs of the terms of `text` in `lang` (analyzed as the lexicon's terms are), in
    /// the order of the words, each pair once.
    pub fn pairs_for(&self, text: &str, lang: Lang) -> Vec<&TermPair> {
        let by = match lang {
            Lang::Kk => &self.by_kk,
            Lang::Ru => &self.by_ru,
        };
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for (stem, _) in terms::content_terms(text, lang) {
            for &i in by.get(&stem).map(Vec::as_slice).unwrap_or_default() {
                if !seen.contains(&i) {
                    seen.push(i);
                    out.push(&self.pairs[i]);
                }
            }
        }
        out
    }

    /// The Russian pairs of the Kazakh words of `text`.
    pub fn russian_for(&self, text: &str) -> Vec<&TermPair> {
        self.pairs_for(text, Lang::Kk)
    }

    /// The Kazakh pairs of the Russian words of `text`.
    pub fn kazakh_for(&self, text: &str) -> Vec<&TermPair> {
        self.pairs_for(text, Lang::Ru)
    }

    /// The pairs of `word` read as Kazakh and as Russian (a Cyrillic word may be either),
    /// strongest first, each once.
    pub fn pairs_of_word(&self, word: &str) -> Vec<&TermPair> {
        let mut out = self.russian_for(word);
        for p in self.kazakh_for(word) {
            if !out.iter().any(|q| std::ptr::eq(*q, p)) {
                out.push(p);
            }
        }
        out.sort_by(|a, b| b.g2.total_cmp(&a.g2).then_with(|| a.kk.cmp(&b.kk)));
        out
    }
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn lexicon() {
        use crate::lexicon::learn::Learner;
        let lexicon = Learner::default().finish();
        assert!(lexicon.pairs().is_empty() && lexicon.russian_for("үкімет").is_empty());
    }
}
