//! Queries for several terms that count as one word.
//!
//! A loose query word (typed without Kazakh letters, or in Latin) stands for every word that
//! folds to it. The index does not keep a folded copy of every text: most words are found
//! through their stems, the stems in `kk_stem` that fold to the query's form, and `kk_loose`
//! keeps the rest (see [`crate::index::schema`]). A stem is as many terms as the index has
//! forms of it, each term the stem and a form ([`crate::analysis::form_term`]), and an exact
//! word may be two (its form after a Kazakh and after a Russian stem). [`Synonyms`] searches
//! such terms together and scores them as the one term they stand for: term frequencies
//! summed, the documents with any of them counted, BM25 over `kk_stem`'s document lengths (the
//! other analyzers count words as the stem analyzer does). [`SynonymPhrase`] does the same for
//! a phrase, a set of terms in each place. A [`TermSet`] keeps where each of its terms was
//! found in each segment, so that neither the document frequency nor the scorers look the
//! terms up again; and a word's document frequency reads each segment's union of its terms'
//! postings once, for its scorers to walk.

mod bm25;
mod phrase;
mod term_set;
mod union;
mod word;

pub use phrase::SynonymPhrase;
pub use term_set::TermSet;
pub use word::Synonyms;

/// The most `scorer` can score, when it is one of this module's.
pub(crate) fn max_score(scorer: &dyn tantivy::query::Scorer) -> Option<tantivy::Score> {
    let any = scorer.as_any();
    if let Some(s) = any.downcast_ref::<word::SynonymsScorer>() {
        return Some(s.max_score());
    }
    any.downcast_ref::<phrase::SynonymPhraseScorer>()
        .map(|s| s.max_score())
}

#[cfg(test)]
mod tests;
