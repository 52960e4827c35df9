//! The parts of a search that keep documents rather than score them: metadata filters
//! ([`filter_query`]), the validity of a unit's text on a date ([`validity_clauses`]), a
//! language, a raw field's value, and every document but those a query matches.

use super::query::Filter;
use crate::index::schema::{to_tantivy_date, Fields, DOC_ACT, DOC_UNIT, OPEN_FROM, OPEN_TO};
use std::ops::Bound;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query as TQuery, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

/// A query for documents whose raw (untokenized) `field` is `value`.
pub(crate) fn raw_term(field: Field, value: &str) -> Box<dyn TQuery> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// A date range on `field`, both ends inclusive (open when `None`).
pub fn date_range(
    field: Field,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> Box<dyn TQuery> {
    let lo = from.map_or(Bound::Unbounded, |d| {
        Bound::Included(Term::from_field_date_for_search(field, to_tantivy_date(d)))
    });
    let hi = to.map_or(Bound::Unbounded, |d| {
        Bound::Included(Term::from_field_date_for_search(field, to_tantivy_date(d)))
    });
    Box::new(RangeQuery::new(lo, hi))
}

/// A metadata filter as a query that scores nothing.
pub fn filter_query(f: &Fields, filter: &Filter) -> Box<dyn TQuery> {
    let q: Box<dyn TQuery> = match filter {
        Filter::Act(id) => raw_term(f.act_id, id),
        Filter::Kind(k) => raw_term(f.act_kind, k.as_str()),
        Filter::Status(s) => raw_term(f.act_status, s.as_str()),
        Filter::Issuer(s) => raw_term(f.issuer, s),
        Filter::Registration(k) => raw_term(
            f.numbers,
            &format!("{}{k}", crate::index::numbers::ROLE_REGISTRATION),
        ),
        Filter::Number(k) => raw_term(
            f.numbers,
            &format!("{}{k}", crate::index::numbers::ROLE_NUMBER),
        ),
        Filter::Date { from, to } => date_range(f.act_date, *from, *to),
    };
    Box::new(ConstScoreQuery::new(q, 0.0))
}

/// Every document, scoring nothing: what a query of exclusions and filters alone keeps
/// documents from.
pub(crate) fn everything() -> Box<dyn TQuery> {
    Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0))
}

/// Every document `inner` does not match (`-word`), scoring nothing.
pub(crate) fn all_but(inner: Box<dyn TQuery>) -> Box<dyn TQuery> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, everything()),
        (Occur::MustNot, inner),
    ]))
}

/// Keeps documents of one language's expressions; scores nothing.
pub fn lang_filter(f: &Fields, lang: crate::model::Lang) -> Box<dyn TQuery> {
    Box::new(ConstScoreQuery::new(raw_term(f.lang, lang.as_str()), 0.0))
}

/// The clauses that keep a search to the unit documents valid under the request: current
/// texts, or those valid on `as_of`.
///
/// Current texts are the rule, so that case excludes the few documents that are not (older
/// editions, `current:0`, and act documents) instead of intersecting every match with the
/// postings of nearly all documents.
pub fn validity_clauses(
    f: &Fields,
    as_of: Option<chrono::NaiveDate>,
) -> Vec<(Occur, Box<dyn TQuery>)> {
    let Some(d) = as_of else {
        return vec![
            (
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_u64(f.current, 0),
                    IndexRecordOption::Basic,
                )),
            ),
            (Occur::MustNot, raw_term(f.doc_type, DOC_ACT)),
        ];
    };
    // valid_from <= d < valid_to
    let from = date_range(f.valid_from, Some(OPEN_FROM), Some(d));
    let to = match d.succ_opt() {
        Some(next) => date_range(f.valid_to, Some(next), Some(OPEN_TO)),
        None => Box::new(EmptyQuery) as Box<dyn TQuery>,
    };
    let q = BooleanQuery::new(vec![
        (Occur::Must, raw_term(f.doc_type, DOC_UNIT)),
        (Occur::Must, from),
        (Occur::Must, to),
    ]);
    vec![(
        Occur::Must,
        Box::new(ConstScoreQuery::new(Box::new(q), 0.0)),
    )]
}
