//! A query word shaped like a legal number (`223-VII`, `№82-VIII`, `11-1-4/730`, `21165`) also
//! finds the act that carries it and the units its act amended: it is looked up as a key of
//! the index's `numbers` field ([`crate::index::numbers`]) beside its ordinary text search.
//!
//! Scores: every unit of the act with that number (or registration number) gets
//! [`BOOST_ACT`], its first unit [`BOOST_HEAD`] more, so a query that is only the number puts
//! the act's preamble or first paragraph on top, and one with other words the act's best match
//! for them. A unit amended by an act with that number gets [`BOOST_AMENDED`]: below the act's
//! own units, and the only match where the act is not in the index. The text the number is
//! printed in (`№ 156-VII`, one token `№156-vii`) is searched as well as the word itself.

use super::boosts::BOOST_EXACT;
use crate::index::numbers::{key, ROLE_ACT, ROLE_AMENDED, ROLE_HEAD};
use crate::index::Store;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

/// The score of a unit of the act that has the number.
pub const BOOST_ACT: f32 = 40.0;
/// Added for the act's first unit.
pub const BOOST_HEAD: f32 = 1.0;
/// The score of a unit amended by an act with the number.
pub const BOOST_AMENDED: f32 = 10.0;

/// `text`, the query of `word`'s text, with the units that carry `word` as a number as an
/// alternative; `text` as it is when `word` is not shaped like a number or no unit carries it.
pub fn with_number(
    index: &Store,
    word: &str,
    text: Option<Box<dyn Query>>,
) -> Option<Box<dyn Query>> {
    let Some(k) = key(word) else {
        return text;
    };
    let searcher = index.searcher();
    let field = index.fields().numbers;
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (role, score) in [
        (ROLE_ACT, BOOST_ACT),
        (ROLE_HEAD, BOOST_HEAD),
        (ROLE_AMENDED, BOOST_AMENDED),
    ] {
        let term = Term::from_field_text(field, &format!("{role}{k}"));
        if has(&searcher, &term) {
            let q = TermQuery::new(term, IndexRecordOption::Basic);
            alternatives.push((
                Occur::Should,
                Box::new(ConstScoreQuery::new(Box::new(q), score)),
            ));
        }
    }
    // `№ 156-VII` in a text is the one token `№156-vii`: the bare number does not find it.
    if !word.trim_start().starts_with('№') {
        alternatives.extend(printed_with_sign(index, &searcher, &k));
    }
    if alternatives.is_empty() {
        return text;
    }
    alternatives.extend(text.map(|t| (Occur::Should, t)));
    Some(Box::new(BooleanQuery::new(alternatives)))
}

/// The units whose text prints `№` and the number keyed `k`, scored as an exact word.
fn printed_with_sign(
    index: &Store,
    searcher: &Searcher,
    k: &str,
) -> Option<(Occur, Box<dyn Query>)> {
    let field = index.fields().kk_stem;
    let terms: Vec<Term> = crate::analysis::form_terms(&format!("№{k}"))
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .filter(|t| has(searcher, t))
        .collect();
    let clauses: Vec<(Occur, Box<dyn Query>)> = terms
        .into_iter()
        .map(|t| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
            (Occur::Should, q)
        })
        .collect();
    if clauses.is_empty() {
        return None;
    }
    let q = Box::new(BoostQuery::new(
        Box::new(BooleanQuery::new(clauses)),
        BOOST_EXACT,
    ));
    Some((Occur::Should, q))
}

/// Whether some document has `term`.
fn has(searcher: &Searcher, term: &Term) -> bool {
    searcher.doc_freq(term).is_ok_and(|n| n > 0)
}
