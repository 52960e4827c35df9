//! Turning a parsed [`Query`] into a tantivy query over zanlex's fields.
//!
//! Query words go through the index's own registered analyzers (`tokenizer_for_field`), so a
//! query is analyzed exactly as the text was. A word is searched in every text field at once
//! (a disjunction-max, so matching the same word in three fields does not count thrice),
//! boosted exact > stem > loose, headings above body. Act titles only add to the score of
//! units that already match.

use super::dismax::DisMax;
use super::query::{Filter, Query};
use crate::index::schema::{to_tantivy_date, Fields, DOC_ACT, DOC_UNIT, OPEN_FROM, OPEN_TO};
use crate::index::ZanIndex;
use std::ops::Bound;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery,
    Query as TQuery, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

/// Boost of each text field.
pub const BOOST_EXACT: f32 = 3.0;
pub const BOOST_STEM: f32 = 2.0;
pub const BOOST_LOOSE: f32 = 1.0;
pub const BOOST_HEADING_STEM: f32 = 4.0;
pub const BOOST_HEADING_LOOSE: f32 = 2.0;
pub const BOOST_TITLE_STEM: f32 = 0.6;
pub const BOOST_TITLE_LOOSE: f32 = 0.3;
/// Share of the non-best fields' scores added to the best one.
pub const TIE_BREAKER: f32 = 0.1;

/// The analyzed tokens of `text` under a field's analyzer: (position, token).
pub fn analyze_field(index: &ZanIndex, field: Field, text: &str) -> Vec<(usize, String)> {
    let Ok(mut an) = index.tantivy().tokenizer_for_field(field) else {
        return Vec::new();
    };
    let mut ts = an.token_stream(text);
    let mut out = Vec::new();
    while ts.advance() {
        let t = ts.token();
        out.push((t.position, t.text.clone()));
    }
    out
}

/// A term or phrase query for `text` in one field; `None` when the analyzer keeps no token.
fn field_query(index: &ZanIndex, field: Field, text: &str, slop: u32) -> Option<Box<dyn TQuery>> {
    let toks = analyze_field(index, field, text);
    match toks.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            Term::from_field_text(field, &toks[0].1),
            IndexRecordOption::WithFreqs,
        ))),
        _ => {
            let base = toks[0].0;
            let terms: Vec<(usize, Term)> = toks
                .iter()
                .map(|(p, t)| (p.saturating_sub(base), Term::from_field_text(field, t)))
                .collect();
            Some(Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)))
        }
    }
}

fn boosted(q: Box<dyn TQuery>, boost: f32) -> Box<dyn TQuery> {
    Box::new(BoostQuery::new(q, boost))
}

fn dismax(
    index: &ZanIndex,
    text: &str,
    slop: u32,
    fields: &[(Field, f32)],
) -> Option<Box<dyn TQuery>> {
    let parts: Vec<Box<dyn TQuery>> = fields
        .iter()
        .filter_map(|(f, b)| field_query(index, *f, text, slop).map(|q| boosted(q, *b)))
        .collect();
    match parts.len() {
        0 => None,
        _ => Some(Box::new(DisMax::new(parts, TIE_BREAKER))),
    }
}

fn text_fields(f: &Fields) -> [(Field, f32); 5] {
    [
        (f.kk_exact, BOOST_EXACT),
        (f.kk_stem, BOOST_STEM),
        (f.kk_loose, BOOST_LOOSE),
        (f.heading_stem, BOOST_HEADING_STEM),
        (f.heading_loose, BOOST_HEADING_LOOSE),
    ]
}

fn raw_term(field: Field, value: &str) -> Box<dyn TQuery> {
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
        Filter::Status(s) => raw_term(f.act_status, s),
        Filter::Issuer(s) => raw_term(f.issuer, s),
        Filter::Date { from, to } => date_range(f.act_date, *from, *to),
    };
    Box::new(ConstScoreQuery::new(q, 0.0))
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

/// Compiles a query's text-matching part; `None` when nothing in it can match text
/// (only filters, or words the analyzers drop entirely).
pub fn compile(index: &ZanIndex, q: &Query, relaxed: bool) -> Option<Box<dyn TQuery>> {
    let f = index.fields();
    match q {
        Query::Term(w) => dismax(index, w, 0, &text_fields(f)),
        Query::Phrase { text, slop } => dismax(
            index,
            text,
            *slop,
            &[
                (f.kk_exact, BOOST_EXACT),
                (f.kk_stem, BOOST_STEM),
                (f.kk_loose, BOOST_LOOSE),
                (f.heading_stem, BOOST_HEADING_STEM),
            ],
        ),
        Query::Filter(filter) => Some(filter_query(f, filter)),
        Query::Not(inner) => {
            let inner = compile(index, inner, false)?;
            Some(Box::new(BooleanQuery::new(vec![
                (
                    Occur::Must,
                    Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0)),
                ),
                (Occur::MustNot, inner),
            ])))
        }
        Query::Or(parts) => {
            let subs: Vec<(Occur, Box<dyn TQuery>)> = parts
                .iter()
                .filter_map(|p| compile(index, p, false))
                .map(|q| (Occur::Should, q))
                .collect();
            if subs.is_empty() {
                None
            } else {
                Some(Box::new(BooleanQuery::new(subs)))
            }
        }
        Query::And(parts) => {
            let mut subs: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
            let mut positive = false;
            let mut any_should = false;
            for p in parts {
                match p {
                    Query::Not(inner) => {
                        if let Some(q) = compile(index, inner, false) {
                            subs.push((Occur::MustNot, q));
                        }
                    }
                    Query::Filter(flt) => {
                        subs.push((Occur::Must, filter_query(f, flt)));
                    }
                    _ => {
                        if let Some(q) = compile(index, p, false) {
                            let occur = if relaxed && matches!(p, Query::Term(_)) {
                                any_should = true;
                                Occur::Should
                            } else {
                                positive = true;
                                Occur::Must
                            };
                            subs.push((occur, q));
                        }
                    }
                }
            }
            if subs.is_empty() {
                return None;
            }
            if !positive && !any_should {
                subs.push((
                    Occur::Must,
                    Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0)),
                ));
            }
            if any_should {
                return Some(Box::new(BooleanQuery::with_minimum_required_clauses(
                    subs, 1,
                )));
            }
            Some(Box::new(BooleanQuery::new(subs)))
        }
    }
}

/// The act-title boost: every positive word and phrase searched in the act's title.
pub fn title_boost(index: &ZanIndex, q: &Query) -> Option<Box<dyn TQuery>> {
    let f = index.fields();
    let subs: Vec<(Occur, Box<dyn TQuery>)> = q
        .positive_parts()
        .into_iter()
        .filter_map(|p| match p {
            Query::Term(w) => dismax(
                index,
                w,
                0,
                &[
                    (f.title_stem, BOOST_TITLE_STEM),
                    (f.title_loose, BOOST_TITLE_LOOSE),
                ],
            ),
            Query::Phrase { text, slop } => dismax(
                index,
                text,
                *slop,
                &[
                    (f.title_stem, BOOST_TITLE_STEM),
                    (f.title_loose, BOOST_TITLE_LOOSE),
                ],
            ),
            _ => None,
        })
        .map(|q| (Occur::Should, q))
        .collect();
    if subs.is_empty() {
        None
    } else {
        Some(Box::new(BooleanQuery::new(subs)))
    }
}
