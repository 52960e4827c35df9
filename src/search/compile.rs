//! Turning a parsed [`Query`] into a tantivy query over zanlex's fields.
//!
//! Query words go through the index's own registered analyzers (`tokenizer_for_field`), so a
//! query is analyzed exactly as the text was. A word is searched in every text field at once
//! (a disjunction-max, so matching the same word in three fields does not count thrice),
//! boosted exact > stem > loose, headings above body. Act titles only add to the score of
//! units that already match.

use super::coverage::Coverage;
use super::definitions::Definitions;
use super::derivation::{self, BOOST_DERIVED};
use super::dismax::DisMax;
use super::prune::{Bounded, Floor};
use super::query::{Filter, Query};
use super::synonym::{SynonymPhrase, Synonyms, TermSet};
use crate::analysis::{stem_range, KK_EXACT, KK_STEM};
use crate::index::schema::{to_tantivy_date, Fields, DOC_ACT, DOC_UNIT, OPEN_FROM, OPEN_TO};
use crate::index::Store;
use crate::model::Lang;
use std::ops::Bound;
use std::sync::Arc;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery,
    Query as TQuery, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

/// Boost of each text field.
pub const BOOST_EXACT: f32 = 3.0;
pub const BOOST_STEM: f32 = 2.0;
pub const BOOST_LOOSE: f32 = 1.0;
pub const BOOST_HEADING_STEM: f32 = 4.0;
pub const BOOST_HEADING_LOOSE: f32 = 2.0;
pub const BOOST_TITLE_STEM: f32 = 0.6;
pub const BOOST_TITLE_LOOSE: f32 = 0.3;
/// Boost of the words a unit's ancestors say about it (headings, list lead-ins): below its
/// own text, so a unit that has a word itself ranks first.
pub const BOOST_CONTEXT: f32 = 0.8;
/// Share of the non-best fields' scores added to the best one.
pub const TIE_BREAKER: f32 = 0.1;

/// The analyzed tokens of `text` as a query on `field`: (position, token). The index writes
/// `kk_exact` and `kk_stem` with analyzers that leave out words or join a word's stem and form
/// ([`crate::analysis::KK_EXACT_REST`], [`crate::analysis::KK_STEM_MARKED`]); a query's words
/// are analyzed whole ([`KK_EXACT`], [`KK_STEM`]), and each is looked for as the terms that
/// stand for it.
pub fn analyze_field(index: &Store, field: Field, text: &str) -> Vec<(usize, String)> {
    let f = index.fields();
    let query_analyzer = if field == f.kk_exact {
        crate::analysis::analyzer(KK_EXACT)
    } else if field == f.kk_stem {
        crate::analysis::analyzer(KK_STEM)
    } else {
        index.tantivy().tokenizer_for_field(field).ok()
    };
    let Some(mut an) = query_analyzer else {
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

/// A query's words, each as (position, the terms that stand for it).
type Words = Vec<(u32, TermSet)>;

/// The exact words of `text`: each word's `kk_stem` terms (its stem and form,
/// [`crate::analysis::form_terms`]) or, for a stop word, its `kk_exact` term; those the index
/// has. `None` when a word has none (nothing can match).
fn exact_words(index: &Store, searcher: &Searcher, text: &str) -> Option<Words> {
    let f = index.fields();
    analyze_field(index, f.kk_exact, text)
        .into_iter()
        .map(|(position, word)| {
            let mut set = TermSet::default();
            set.look_up(searcher, Term::from_field_text(f.kk_exact, &word))
                .ok()?;
            for form in crate::analysis::form_terms(&word) {
                set.look_up(searcher, Term::from_field_text(f.kk_stem, &form))
                    .ok()?;
            }
            (!set.is_empty()).then_some((position as u32, set))
        })
        .collect()
}

/// The `kk_stem` terms of every word whose stem is `stem` ([`stem_range`]), in any segment.
fn stem_terms(searcher: &Searcher, field: Field, stem: &str) -> tantivy::Result<TermSet> {
    let (lo, hi) = stem_range(stem);
    let mut set = TermSet::default();
    set.add_from_segments(searcher, field, |dictionary, found| {
        let range = dictionary.range().ge(lo.as_bytes()).lt(hi.as_bytes());
        let mut stream = range.into_stream()?;
        while stream.advance() {
            found(stream.key(), stream.value());
        }
        Ok(())
    })?;
    Ok(set)
}

/// The stem words of `text`: each stem's `kk_stem` terms, one for each form the index has.
/// A word whose stem the index has no form of is read as a verb form ([`verb_readings_in`]).
/// `None` when a word has no term (nothing can match).
fn stem_words(index: &Store, searcher: &Searcher, text: &str) -> Option<Words> {
    let f = index.fields();
    let exact = analyze_field(index, f.kk_exact, text);
    analyze_field(index, f.kk_stem, text)
        .into_iter()
        .map(|(position, stem)| {
            let mut set = stem_terms(searcher, f.kk_stem, &stem).ok()?;
            if set.is_empty() {
                if let Some((_, word)) = exact.iter().find(|(p, _)| *p == position) {
                    for noun in verb_readings_in(index, searcher, word) {
                        for (_, verb) in analyze_field(index, f.kk_stem, &noun) {
                            let forms = stem_terms(searcher, f.kk_stem, &verb).ok()?;
                            if set.is_empty() {
                                set = forms;
                            } else {
                                set.extend_from(&forms);
                            }
                        }
                    }
                }
            }
            if set.is_empty() {
                if let Some(ru) = russian_stem_of_kazakh_unknown(index, searcher, &stem) {
                    set = stem_terms(searcher, f.kk_stem, &ru).ok()?;
                }
            }
            (!set.is_empty()).then_some((position as u32, set))
        })
        .collect()
}

/// The Russian stem of a word the Kazakh stemmer keeps whole when it is a Russian word
/// (Cyrillic, no Kazakh letter) whose Snowball stem is shorter and no Russian text holds:
/// «заявлению» is its own Kazakh stem, and the Kazakh units that hold the Russian word write
/// it «ЗАЯВЛЕНИЕ» or «заявлении», whose `kk_stem` stem is «заявлен», the Russian one. Asked
/// only for a stem the index has no form of, so a Kazakh word the texts spell is never read
/// otherwise; a stem the Russian texts hold is found by their own field, not here.
pub(crate) fn russian_stem_of_kazakh_unknown(
    index: &Store,
    searcher: &Searcher,
    kk_stem: &str,
) -> Option<String> {
    let russian_letters = kk_stem
        .chars()
        .all(|c| ('а'..='я').contains(&c) || c == 'ё');
    if !russian_letters || kk_stem.chars().count() < 4 {
        return None;
    }
    let ru = crate::analysis::russian::stem(kk_stem);
    // An unreadable count is taken as held: the Russian field is searched as before.
    let in_russian_texts = !searcher
        .doc_freq(&Term::from_field_text(index.fields().ru_stem, &ru))
        .is_ok_and(|n| n == 0);
    (ru != kk_stem && ru.chars().count() >= 4 && !in_russian_texts).then_some(ru)
}

/// The verbs a Kazakh word of a query can be a form of (`үйлене`, `төлеймін`, `тіркелмеген`:
/// [`crate::analysis::verb::verb_readings`]), as their verbal nouns (`үйлену`), for a word
/// whose stem the index has no form of: those verbal nouns the index spells as words. The
/// corpus decides: a reading no text attests is dropped, so a noun is never turned into a verb
/// the laws do not use, and a word the laws spell is never read as anything else.
pub(crate) fn verb_readings_in(index: &Store, searcher: &Searcher, word: &str) -> Vec<String> {
    let f = index.fields();
    let has_forms = |text: &str| {
        analyze_field(index, f.kk_stem, text)
            .iter()
            .any(|(_, stem)| stem_terms(searcher, f.kk_stem, stem).is_ok_and(|s| !s.is_empty()))
    };
    if has_forms(word) {
        return Vec::new();
    }
    crate::analysis::verb::verb_readings(word)
        .into_iter()
        .filter(|noun| {
            let mut spelled = TermSet::default();
            for form in crate::analysis::form_terms(noun) {
                if spelled
                    .look_up(searcher, Term::from_field_text(f.kk_stem, &form))
                    .is_err()
                {
                    return false;
                }
            }
            !spelled.is_empty()
        })
        .collect()
}

/// A query for `words` (positions as analyzed), each word's terms taken as one term with
/// `kk_stem`'s document lengths: tantivy's term or phrase query where every word is one
/// `kk_stem` term (the same scores, and tantivy's faster scorers), else [`Synonyms`] or
/// [`SynonymPhrase`]. `None` without words.
fn words_query(index: &Store, words: Words, slop: u32) -> Option<Box<dyn TQuery>> {
    let lengths = index.fields().kk_stem;
    let base = words.first()?.0;
    let single: Option<Vec<(usize, Term)>> = words
        .iter()
        .map(|(p, set)| match set.terms() {
            [t] if t.field() == lengths => Some(((p - base) as usize, t.clone())),
            _ => None,
        })
        .collect();
    Some(match (single, words.len()) {
        (Some(mut one), 1) => {
            let term = one.pop()?.1;
            bounded_term(term)
        }
        (Some(terms), _) => bounded_phrase(terms, slop),
        (None, 1) => Box::new(Synonyms::new(lengths, words.into_iter().next()?.1)),
        (None, _) => {
            let words = words
                .into_iter()
                .map(|(p, terms)| (p - base, terms))
                .collect();
            Box::new(SynonymPhrase::new(words, lengths, slop))
        }
    })
}

/// A term or phrase query for `text` in one field; `None` when the analyzer keeps no token.
/// Text fields' queries say the most they can score ([`Bounded`]), for a search that skips
/// what cannot rank; act-title queries do not: they score act documents, never skip, and
/// working their bound out would read each title term's postings again
/// ([`super::title::act_scores`] counts a title term's documents over units).
fn field_query(index: &Store, field: Field, text: &str, slop: u32) -> Option<Box<dyn TQuery>> {
    let toks = analyze_field(index, field, text);
    let f = index.fields();
    let bound = field != f.title_stem && field != f.title_loose;
    match toks.len() {
        0 => None,
        1 => {
            let term = Term::from_field_text(field, &toks[0].1);
            Some(if bound {
                bounded_term(term)
            } else {
                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
            })
        }
        _ => {
            let base = toks[0].0;
            let terms: Vec<(usize, Term)> = toks
                .iter()
                .map(|(p, t)| (p.saturating_sub(base), Term::from_field_text(field, t)))
                .collect();
            Some(if bound {
                bounded_phrase(terms, slop)
            } else {
                Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop))
            })
        }
    }
}

/// tantivy's term query for `term`, with the most it can score ([`Bounded`]).
fn bounded_term(term: Term) -> Box<dyn TQuery> {
    let q = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
    Box::new(Bounded::new(Box::new(q), vec![term]))
}

/// tantivy's phrase query for `terms` (offsets and terms), with the most it can score.
fn bounded_phrase(terms: Vec<(usize, Term)>, slop: u32) -> Box<dyn TQuery> {
    let all: Vec<Term> = terms.iter().map(|(_, t)| t.clone()).collect();
    let q = PhraseQuery::new_with_offset_and_slop(terms, slop);
    Box::new(Bounded::new(Box::new(q), all))
}

/// The loose (`kk_loose`) form of `text`: each loose word searched as its `kk_loose` term and
/// the `kk_stem` terms whose stem folds to it ([`super::restore::stem_terms_folding_to`]), taken as
/// one term with `kk_stem`'s document lengths ([`words_query`]). `None` when the analyzer keeps
/// no word or a word is not in the index.
fn loose_query(
    index: &Store,
    searcher: &Searcher,
    text: &str,
    slop: u32,
    stems: Option<&Words>,
) -> Option<LooseClause> {
    let f = index.fields();
    // The whole loose analyzer: the `kk_loose` field's keeps only what the stems do not give.
    let toks: Vec<(usize, String)> = crate::analysis::analyze(crate::analysis::KK_LOOSE, text)
        .into_iter()
        .map(|t| (t.position, t.text))
        .collect();
    let mut words: Words = Vec::with_capacity(toks.len());
    for (position, loose) in toks {
        // Most words have no `kk_loose` term of their own.
        let mut set = TermSet::default();
        set.look_up(searcher, Term::from_field_text(f.kk_loose, &loose))
            .ok()?;
        // The stem clause's word at this place: its terms are there already, found.
        let known = stems
            .and_then(|w| w.iter().find(|(p, _)| *p as usize == position))
            .and_then(|(_, set)| {
                let first = set.terms().first()?.value();
                let stem = crate::analysis::split_form(first.as_str()?)?.0.to_string();
                Some((stem, set))
            });
        let besides = known.as_ref().map(|(stem, _)| stem.as_str());
        super::restore::add_stem_terms_folding_to(index, searcher, &loose, besides, &mut set)
            .ok()?;
        if let Some((stem, known)) = known {
            if super::restore::stem_folds_to(&stem, &loose) {
                set.extend_from(known);
            }
        }
        if set.is_empty() {
            return None;
        }
        words.push((position as u32, set));
    }
    // The stem clause's own terms at its own offsets: the same query.
    if let Some(stems) = stems {
        let offsets = |w: &Words| -> Vec<u32> {
            let base = w.first().map_or(0, |x| x.0);
            w.iter().map(|(p, _)| p - base).collect()
        };
        let same = stems.len() == words.len()
            && offsets(stems) == offsets(&words)
            && stems
                .iter()
                .zip(&words)
                .all(|((_, a), (_, b))| a.terms() == b.terms());
        if same {
            return Some(LooseClause::SameAsStem);
        }
    }
    words_query(index, words, slop).map(LooseClause::Query)
}

/// A word's loose clause.
enum LooseClause {
    /// The `kk_stem` clause at the loose boost: every loose word is the fold of the stem at
    /// its place, no other stem folds to it and `kk_loose` does not have it. Not run twice:
    /// the `kk_stem` clause counts for both ([`DisMax::counting`]).
    SameAsStem,
    Query(Box<dyn TQuery>),
}

fn boosted(q: Box<dyn TQuery>, boost: f32) -> Box<dyn TQuery> {
    Box::new(BoostQuery::new(q, boost))
}

/// Where a query word is searched.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Target {
    /// A field, through the field's own analyzer.
    Field(Field),
    /// The word's loose form, in `kk_loose` and through the stems ([`loose_query`]).
    Loose,
}

pub(crate) fn dismax(
    index: &Store,
    text: &str,
    slop: u32,
    targets: &[(Target, f32)],
) -> Option<Box<dyn TQuery>> {
    let f = index.fields();
    let searcher = index.searcher();
    let mut parts: Vec<Box<dyn TQuery>> = Vec::with_capacity(targets.len());
    let mut stem_clause: Option<(usize, f32)> = None;
    let mut loose_as_stem: Option<f32> = None;
    let mut stems: Option<Words> = None;
    for &(target, boost) in targets {
        let q = match target {
            Target::Field(field) if field == f.kk_exact => {
                exact_words(index, &searcher, text).and_then(|w| words_query(index, w, slop))
            }
            Target::Field(field) if field == f.kk_stem => {
                let words = stem_words(index, &searcher, text);
                stems.clone_from(&words);
                words.and_then(|w| words_query(index, w, slop))
            }
            // Only Russian expressions write `ru_stem`: an index without them has no terms
            // there to look up.
            Target::Field(field)
                if (field == f.ru_stem || field == f.context_ru) && !has_russian(&searcher, f) =>
            {
                None
            }
            Target::Field(field) => field_query(index, field, text, slop),
            // An English word or acronym is not Kazakh typed in Latin letters: folded, «AI»
            // would be «ай» (a month).
            Target::Loose if text.split_whitespace().any(super::restore::is_foreign_word) => None,
            Target::Loose => match loose_query(index, &searcher, text, slop, stems.as_ref()) {
                Some(LooseClause::Query(q)) => Some(q),
                Some(LooseClause::SameAsStem) => {
                    loose_as_stem = Some(boost);
                    None
                }
                None => None,
            },
        };
        if let Some(q) = q {
            if matches!(target, Target::Field(field) if field == f.kk_stem) {
                stem_clause = Some((parts.len(), boost));
            }
            parts.push(boosted(q, boost));
        }
    }
    if parts.is_empty() {
        return None;
    }
    let mut q = DisMax::new(parts, TIE_BREAKER);
    // The loose clause scores the stem clause's documents at `loose / stem` of its score.
    // (`SameAsStem` comes only with a `kk_stem` clause: same analyzer, same words.)
    if let (Some((i, stem)), Some(loose)) = (stem_clause, loose_as_stem) {
        q = q.counting(i, (stem + loose) / stem);
    }
    Some(Box::new(q))
}

/// Whether the index holds Russian expressions (documents with `lang` `ru`).
/// `text` in the unit text fields, as a query word is searched there (no alternatives).
pub(crate) fn text_query(index: &Store, text: &str) -> Option<Box<dyn TQuery>> {
    dismax(index, text, 0, &text_targets(index.fields()))
}

fn has_russian(searcher: &Searcher, f: &Fields) -> bool {
    let term = Term::from_field_text(f.lang, crate::model::Lang::Ru.as_str());
    searcher.doc_freq(&term).is_ok_and(|n| n > 0)
}

fn text_targets(f: &Fields) -> [(Target, f32); 6] {
    [
        (Target::Field(f.kk_exact), BOOST_EXACT),
        (Target::Field(f.kk_stem), BOOST_STEM),
        (Target::Field(f.ru_stem), BOOST_STEM),
        (Target::Loose, BOOST_LOOSE),
        (Target::Field(f.heading_stem), BOOST_HEADING_STEM),
        (Target::Field(f.heading_loose), BOOST_HEADING_LOOSE),
    ]
}

/// [`text_targets`] and the unit's context (its nearest heading and list lead-ins), for the
/// words of a question: one or two words name what they look for, and their matches in
/// context would only add units that do not say it themselves (and time to every search).
fn question_targets(f: &Fields) -> [(Target, f32); 8] {
    let [a, b, c, d, e, g] = text_targets(f);
    [
        a,
        b,
        c,
        d,
        e,
        g,
        (Target::Field(f.context_stem), BOOST_CONTEXT),
        (Target::Field(f.context_ru), BOOST_CONTEXT),
    ]
}

fn phrase_targets(f: &Fields) -> [(Target, f32); 5] {
    [
        (Target::Field(f.kk_exact), BOOST_EXACT),
        (Target::Field(f.kk_stem), BOOST_STEM),
        (Target::Field(f.ru_stem), BOOST_STEM),
        (Target::Loose, BOOST_LOOSE),
        (Target::Field(f.heading_stem), BOOST_HEADING_STEM),
    ]
}

/// The fields a thesaurus alternative or a defined term of several words is searched in: a
/// phrase's, but for the loose form. Such a phrase is written with its Kazakh letters in the
/// thesaurus or the corpus, and its loose clause (at [`BOOST_LOOSE`] of [`BOOST_SYNONYM`])
/// would walk a second phrase of stems, each word's stem and every other that folds as it does,
/// for matches in text typed without Kazakh letters that weigh next to nothing.
fn alternative_targets(f: &Fields) -> [(Target, f32); 4] {
    let [exact, stem, russian, _loose, heading] = phrase_targets(f);
    [exact, stem, russian, heading]
}

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

/// How the words of a plain-words query ([`Query::is_plain_words`]) must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordMatch {
    /// Every word.
    All,
    /// At least one word (the retry when no unit has them all).
    Any,
    /// Enough of the words, ranked by how many ([`Coverage`]): three or more words typed side
    /// by side, with no operator.
    Coverage,
}

/// Compiles a query's text-matching part; `None` when nothing in it can match text
/// (only filters, or words the analyzers drop entirely). `words` applies to the words of a
/// top-level conjunction, and with `synonyms` its words (or a top-level word) also find
/// their thesaurus alternatives ([`super::thesaurus::Thesaurus`]); nested parts need all their own words.
pub fn compile(
    index: &Store,
    q: &Query,
    words: WordMatch,
    synonyms: bool,
) -> Option<Box<dyn TQuery>> {
    compile_pruned(index, q, words, synonyms, None)
}

/// [`compile`], and with `floor`, the words and phrases whose scores a match's score adds up
/// may skip the matches that cannot rank ([`super::prune`]): each is a slot of `floor`.
pub(crate) fn compile_pruned(
    index: &Store,
    q: &Query,
    words: WordMatch,
    synonyms: bool,
    floor: Option<&Arc<Floor>>,
) -> Option<Box<dyn TQuery>> {
    let f = index.fields();
    let alone = |q: Box<dyn TQuery>| match floor {
        Some(floor) => {
            floor.expect_slots(1);
            with_slot(q, floor, 0)
        }
        None => q,
    };
    match q {
        Query::Term(w) => word_slots(
            index,
            &[w.as_str()],
            synonyms,
            false,
            words == WordMatch::Any,
            None,
            None,
        )
        .0
        .pop()
        .map(alone),
        Query::Phrase { text, slop } => dismax(index, text, *slop, &phrase_targets(f)).map(alone),
        Query::Filter(filter) => Some(filter_query(f, filter)),
        Query::Not(inner) => compile(index, inner, WordMatch::All, false).map(all_but),
        Query::Or(parts) => {
            let subs: Vec<(Occur, Box<dyn TQuery>)> = parts
                .iter()
                .filter_map(|p| compile(index, p, WordMatch::All, false))
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
            // The plain words, matched as `words` says; other parts must match.
            let mut terms: Vec<&str> = Vec::new();
            for p in parts {
                match p {
                    Query::Not(inner) => {
                        if let Some(q) = compile(index, inner, WordMatch::All, false) {
                            subs.push((Occur::MustNot, q));
                        }
                    }
                    Query::Filter(flt) => {
                        subs.push((Occur::Must, filter_query(f, flt)));
                    }
                    Query::Term(w) => terms.push(w),
                    _ => {
                        if let Some(q) = compile(index, p, WordMatch::All, false) {
                            positive = true;
                            subs.push((Occur::Must, q));
                        }
                    }
                }
            }
            // Questions (three words or more typed side by side) also search the context.
            let question = words == WordMatch::Coverage && terms.len() > 2;
            // The words of a plain OR (the partial fill, the retry when nothing has enough
            // of the words) and of a question also find the words derived from them, below
            // the words' own forms.
            let derive = words == WordMatch::Any || question;
            // A question's corrections count for the minimum of words, not for the share of
            // the query a unit covers ([`Coverage::with_corrections`]).
            let mut fixes = Vec::new();
            let apart = words == WordMatch::Coverage && terms.len() > 2;
            // A question's words are also looked for in the rest of each unit's article
            // ([`Coverage::with_articles`]) and in its act's title ([`Coverage::with_titles`]).
            let mut asked = Vec::new();
            let (slots, content) = word_slots(
                index,
                &terms,
                synonyms,
                question,
                derive,
                apart.then_some(&mut fixes),
                question.then_some(&mut asked),
            );
            let articles: Vec<(usize, Box<dyn TQuery>)> = asked
                .iter()
                .filter_map(|(i, w)| article_query(index, w).map(|q| (*i, q)))
                .collect();
            let titles: Vec<(usize, super::coverage::ActKeys)> = asked
                .iter()
                .filter(|(_, w)| is_content(w))
                .filter_map(|(i, w)| title_acts(index, w).map(|acts| (*i, acts)))
                .collect();
            // A unit whose only words of the query are dropped words («для» of «визы для
            // туристов», when the corpus lacks the others) has none of what the query says:
            // where the query says something, a match needs one of its words that do.
            let says_something = terms.iter().any(|t| is_content(t));
            let nothing_said = says_something && !content.contains(&true);
            let any_should = words == WordMatch::Any && !slots.is_empty();
            let slots = if words == WordMatch::Coverage && slots.len() > 2 {
                slots
            } else {
                with_corrections_in(slots, std::mem::take(&mut fixes))
            };
            match words {
                WordMatch::Coverage if slots.len() > 2 => {
                    positive = true;
                    let mut slots = slots;
                    if synonyms {
                        slots.extend(defined_terms(index, &terms));
                    }
                    let n = slots.len();
                    let mut coverage = Coverage::new(slots, Coverage::min_match_of(n));
                    if says_something {
                        // The corpus's defined terms, after the words, say something.
                        coverage = coverage.needing_one_of(content);
                    }
                    // A question with a number asks for what it says, as it is never filled
                    // with partial hits: only the number of its words lets a unit match.
                    let coverage = if terms.iter().any(|t| t.chars().any(|c| c.is_ascii_digit())) {
                        coverage
                    } else {
                        coverage.or_telling()
                    };
                    subs.push((
                        Occur::Must,
                        Box::new(
                            coverage
                                .with_corrections(fixes)
                                .with_articles(articles)
                                .with_titles(titles),
                        ),
                    ));
                }
                WordMatch::Any => subs.extend(slots.into_iter().map(|q| (Occur::Should, q))),
                _ if nothing_said => {
                    positive = true;
                    subs.push((Occur::Must, Box::new(EmptyQuery)));
                    if let Some(floor) = floor {
                        subs = with_slots(subs, floor);
                    }
                }
                _ => {
                    positive |= !slots.is_empty();
                    subs.extend(slots.into_iter().map(|q| (Occur::Must, q)));
                    if let Some(floor) = floor {
                        subs = with_slots(subs, floor);
                    }
                }
            }
            if subs.is_empty() {
                return None;
            }
            if !positive && !any_should {
                subs.push((Occur::Must, everything()));
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

/// `slots` with the corrections [`word_slots`] kept apart put back in their words' clauses,
/// where no [`Coverage`] tells them apart.
fn with_corrections_in(
    mut slots: Vec<Box<dyn TQuery>>,
    fixes: Vec<(usize, Box<dyn TQuery>)>,
) -> Vec<Box<dyn TQuery>> {
    for (i, fix) in fixes {
        if let Some(slot) = slots.get_mut(i) {
            let own = std::mem::replace(slot, Box::new(EmptyQuery));
            *slot = Box::new(DisMax::new(vec![own, fix], TIE_BREAKER));
        }
    }
    slots
}

/// `subs` (the parts of a conjunction) with each part that scores made a slot of `floor`:
/// a match's score is the sum of theirs.
fn with_slots(
    subs: Vec<(Occur, Box<dyn TQuery>)>,
    floor: &Arc<Floor>,
) -> Vec<(Occur, Box<dyn TQuery>)> {
    let scores = |o: Occur, q: &dyn TQuery| o == Occur::Must && !q.as_any().is::<ConstScoreQuery>();
    floor.expect_slots(subs.iter().filter(|(o, q)| scores(*o, q.as_ref())).count());
    let mut slot = 0;
    subs.into_iter()
        .map(|(o, q)| {
            if !scores(o, q.as_ref()) {
                return (o, q);
            }
            slot += 1;
            (o, with_slot(q, floor, slot - 1))
        })
        .collect()
}

/// `q` as slot `slot` of `floor` when it is a word's or phrase's [`DisMax`]; any other part
/// stays as it is, and its slot, never told the most it can score, keeps the others from
/// skipping anything.
fn with_slot(q: Box<dyn TQuery>, floor: &Arc<Floor>, slot: usize) -> Box<dyn TQuery> {
    match q.downcast::<DisMax>() {
        Ok(d) => Box::new(d.pruned_by(Arc::clone(floor), slot)),
        Err(q) => q,
    }
}

/// Boost of a word's match in the rest of a unit's article ([`Coverage::with_articles`]):
/// well below the unit's own text and its context ([`BOOST_CONTEXT`]).
pub const BOOST_ARTICLE: f32 = 0.3;

/// `word` in the rest of each unit's article (`article_stem`, `article_ru`), at
/// [`BOOST_ARTICLE`]: each of its stems (all of them when a word is analyzed into several),
/// as terms, the fields having no positions. `None` when the word has no term there.
fn article_query(index: &Store, word: &str) -> Option<Box<dyn TQuery>> {
    let f = index.fields();
    let searcher = index.searcher();
    let mut fields = vec![f.article_stem];
    if has_russian(&searcher, f) {
        fields.push(f.article_ru);
    }
    let parts: Vec<Box<dyn TQuery>> = fields
        .into_iter()
        .filter_map(|field| {
            let terms: Vec<(Occur, Box<dyn TQuery>)> = analyze_field(index, field, word)
                .into_iter()
                .map(|(_, t)| {
                    let q: Box<dyn TQuery> = Box::new(TermQuery::new(
                        Term::from_field_text(field, &t),
                        IndexRecordOption::WithFreqs,
                    ));
                    (Occur::Must, q)
                })
                .collect();
            match terms.len() {
                0 => None,
                1 => terms.into_iter().next().map(|(_, q)| q),
                _ => Some(Box::new(BooleanQuery::new(terms)) as Box<dyn TQuery>),
            }
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(boosted(
        Box::new(DisMax::new(parts, TIE_BREAKER)),
        BOOST_ARTICLE,
    ))
}

/// The acts whose title has `word` (its stem or its loose form), for
/// [`Coverage::with_titles`]; `None` when no title has it.
fn title_acts(index: &Store, word: &str) -> Option<super::coverage::ActKeys> {
    let f = index.fields();
    let q = dismax(
        index,
        word,
        0,
        &[
            (Target::Field(f.title_stem), BOOST_TITLE_STEM),
            (Target::Field(f.title_loose), BOOST_TITLE_LOOSE),
        ],
    )?;
    let searcher = index.searcher();
    match super::title::act_scores(index, &searcher, q.as_ref()) {
        Ok(scores) if !scores.is_empty() => Some(Arc::new(scores.into_keys().collect())),
        Ok(_) => None,
        Err(e) => {
            log::warn!("act titles cannot be searched ({e}); ranking without them");
            None
        }
    }
}

/// Boost of a thesaurus alternative's clause: its best field scores below the word's own stem
/// matches ([`BOOST_STEM`]).
pub const BOOST_SYNONYM: f32 = 0.4;

/// Boost of a spelling correction's clause ([`super::spelling`]): below the word's own
/// matches, which a word the index barely knows has few of.
const BOOST_CORRECTION: f32 = 0.5;

/// The terms the corpus defines with the words of `terms` ([`Definitions`]), each a clause
/// at [`BOOST_SYNONYM`].
fn defined_terms(index: &Store, terms: &[&str]) -> Vec<Box<dyn TQuery>> {
    let searcher = index.searcher();
    let definitions = match index.per_generation(&searcher, || Definitions::mine(index, &searcher))
    {
        Ok(d) => d,
        Err(e) => {
            log::warn!("the corpus's definitions cannot be read ({e}); searching without them");
            return Vec::new();
        }
    };
    let f = index.fields();
    definitions
        .terms_for(terms)
        .iter()
        .filter_map(|t| dismax(index, t, ALTERNATIVE_SLOP, &alternative_targets(f)))
        .map(|q| boosted(q, BOOST_SYNONYM))
        .collect()
}

/// How many words may come between the words of a thesaurus alternative: «расторжение
/// трудового договора» is also «расторжения с ним трудового договора».
const ALTERNATIVE_SLOP: u32 = 3;

/// One clause per query word (or per words a thesaurus member spans): the word in every text
/// field and, with `synonyms`, the other members of its thesaurus groups at
/// [`BOOST_SYNONYM`]; with `derive`, the words derived from it at [`BOOST_DERIVED`]
/// ([`derived_query`]). A word nothing can match has no clause.
///
/// With `corrections`, a word's spelling corrections ([`super::spelling`]) are not in its
/// clause but pushed there, each with the index of its word's clause (an empty clause when the
/// word itself matches nothing), for [`Coverage::with_corrections`].
///
/// With `articles`, each word that has a clause of its own is pushed there with the index of
/// its clause, to be looked for in the rest of a unit's article and in its act's title.
///
/// Beside each clause, whether it stands for a word that says something ([`is_content`]): a
/// clause of dropped words only («для», «в») never makes a match by itself.
fn word_slots<'t>(
    index: &Store,
    terms: &[&'t str],
    synonyms: bool,
    context: bool,
    derive: bool,
    mut corrections: Option<&mut Vec<(usize, Box<dyn TQuery>)>>,
    mut articles: Option<&mut Vec<(usize, &'t str)>>,
) -> (Vec<Box<dyn TQuery>>, Vec<bool>) {
    let f = index.fields();
    let (plain, question) = (text_targets(f), question_targets(f));
    let targets: &[(Target, f32)] = if context { &question } else { &plain };
    let spelled = |w: &str| super::numbers::with_number(index, w, dismax(index, w, 0, targets));
    let word = |w: &str| {
        let own = spelled(w);
        if !derive {
            return own;
        }
        match (own, derived_query(index, w)) {
            (own, None) => own,
            (None, Some(derived)) => Some(derived),
            (Some(own), Some(derived)) => {
                Some(Box::new(DisMax::new(vec![own, derived], TIE_BREAKER)) as Box<dyn TQuery>)
            }
        }
    };
    // Each word also finds the provisions in the other language through its translations.
    let own = word;
    let word = |w: &str| {
        super::crosslang::with_translations(index, w, own(w), &|t| dismax(index, t, 0, targets))
    };
    // An abbreviation an act defines also finds the name it stands for, as a thesaurus
    // alternative does.
    let crossed = word;
    let word = |w: &str| {
        let own = crossed(w);
        if !synonyms {
            return own;
        }
        let long: Vec<Box<dyn TQuery>> =
            crate::index::abbreviations::spelled_out_in_corpus(index, w)
                .iter()
                .filter_map(|l| dismax(index, l, ALTERNATIVE_SLOP, &alternative_targets(f)))
                .map(|q| boosted(q, BOOST_SYNONYM))
                .collect();
        if long.is_empty() {
            return own;
        }
        let clauses: Vec<Box<dyn TQuery>> = own.into_iter().chain(long).collect();
        Some(Box::new(DisMax::new(clauses, TIE_BREAKER)) as Box<dyn TQuery>)
    };
    // A word the index does not know is searched beside the nearest words it knows.
    let defined = word;
    let fixes_of = |w: &str| -> Vec<Box<dyn TQuery>> {
        if !synonyms {
            return Vec::new();
        }
        super::spelling::corrections(index, w)
            .iter()
            .filter_map(|c| defined(c))
            .map(|q| boosted(q, BOOST_CORRECTION))
            .collect()
    };
    let word = |w: &str| {
        let own = defined(w);
        let fixes = fixes_of(w);
        if fixes.is_empty() {
            return own;
        }
        let clauses: Vec<Box<dyn TQuery>> = own.into_iter().chain(fixes).collect();
        Some(Box::new(DisMax::new(clauses, TIE_BREAKER)) as Box<dyn TQuery>)
    };
    let expansions = if synonyms {
        super::compounds::all_expansions(index, terms)
    } else {
        Vec::new()
    };
    let mut expansions = expansions.into_iter().peekable();
    let mut out = Vec::with_capacity(terms.len());
    let mut content: Vec<bool> = Vec::with_capacity(terms.len());
    let mut i = 0;
    while i < terms.len() {
        // The clauses of the words before this one are told apart already.
        content.resize(out.len(), false);
        let at = out.len();
        // The word's article clause, when the word has a clause of its own.
        let mut in_article = |out: &Vec<Box<dyn TQuery>>, w: &'t str| {
            if let Some(sink) = articles.as_deref_mut() {
                if out.len() > at {
                    sink.push((at, w));
                }
            }
        };
        let Some((e, number)) = expansions.next_if(|(e, _)| e.start == i) else {
            match corrections.as_deref_mut() {
                // The word's own clause (nothing when it matches nothing) and its corrections
                // apart, by its clause's index.
                Some(sink) => {
                    let own = defined(terms[i]);
                    let fixes = fixes_of(terms[i]);
                    if fixes.is_empty() {
                        out.extend(own);
                    } else {
                        let fixes: Box<dyn TQuery> = match <[_; 1]>::try_from(fixes) {
                            Ok([one]) => one,
                            Err(many) => Box::new(DisMax::new(many, TIE_BREAKER)),
                        };
                        sink.push((out.len(), fixes));
                        out.push(own.unwrap_or_else(|| Box::new(EmptyQuery)));
                    }
                }
                None => out.extend(word(terms[i])),
            }
            in_article(&out, terms[i]);
            content.resize(out.len(), is_content(terms[i]));
            i += 1;
            continue;
        };
        let own: Vec<Box<dyn TQuery>> =
            terms[i..i + e.len].iter().filter_map(|w| word(w)).collect();
        let mut clauses: Vec<Box<dyn TQuery>> = Vec::new();
        match own.len() {
            0 => {}
            1 => clauses.extend(own),
            _ => clauses.push(Box::new(BooleanQuery::new(
                own.into_iter().map(|q| (Occur::Must, q)).collect(),
            ))),
        }
        for alternative in &e.alternatives {
            if number {
                // The same number otherwise written, its period's word after it.
                let q = dismax(
                    index,
                    alternative,
                    super::number_words::NUMBER_SLOP,
                    targets,
                );
                clauses.extend(q.map(|q| boosted(q, super::number_words::BOOST_NUMERAL)));
                continue;
            }
            let q = if alternative.contains(char::is_whitespace) {
                dismax(
                    index,
                    alternative,
                    ALTERNATIVE_SLOP,
                    &alternative_targets(f),
                )
            } else {
                word(alternative)
            };
            clauses.extend(q.map(|q| boosted(q, BOOST_SYNONYM)));
        }
        if !clauses.is_empty() {
            out.push(Box::new(DisMax::new(clauses, TIE_BREAKER)));
        }
        if e.len == 1 {
            in_article(&out, terms[i]);
        }
        content.resize(out.len(), terms[i..i + e.len].iter().any(|w| is_content(w)));
        i += e.len;
    }
    (out, content)
}

/// Whether a query word says something: not a word the stem analyzers drop (a preposition,
/// a conjunction, a particle: [`crate::analysis::stopwords`]), which only the exact field
/// keeps and which nearly every provision has.
fn is_content(word: &str) -> bool {
    !crate::analysis::stopwords::is_stop(&crate::text::lowercase(word))
}

/// The words derived from `word`, or from which it is derived
/// ([`derivation::related_stems`]), that the index spells: Kazakh stems in `kk_stem` (of the
/// word and, for a verb form the index does not spell, of its verbs: «ұйымдастыра» reaches
/// «ұйымдастырушы» through «ұйымдастыру»), Russian stems in `ru_stem`; one clause at
/// [`BOOST_DERIVED`], `None` when there are none.
fn derived_query(index: &Store, word: &str) -> Option<Box<dyn TQuery>> {
    let f = index.fields();
    let searcher = index.searcher();
    let mut clauses: Vec<Box<dyn TQuery>> = Vec::new();
    let kk = analyze_field(index, f.kk_stem, word);
    if let [(_, stem)] = kk.as_slice() {
        let mut stems = vec![stem.clone()];
        for verb in verb_readings_in(index, &searcher, word) {
            stems.extend(
                analyze_field(index, f.kk_stem, &verb)
                    .into_iter()
                    .map(|(_, s)| s),
            );
        }
        let spelled = |s: &str| stem_terms(&searcher, f.kk_stem, s).is_ok_and(|t| !t.is_empty());
        let mut set = TermSet::default();
        for stem in &stems {
            for related in derivation::related_stems(stem, Lang::Kk, spelled) {
                if let Ok(forms) = stem_terms(&searcher, f.kk_stem, &related) {
                    set.extend_from(&forms);
                }
            }
        }
        if !set.is_empty() {
            clauses.push(Box::new(Synonyms::new(f.kk_stem, set)));
        }
    }
    let ru = analyze_field(index, f.ru_stem, word);
    if let [(_, stem)] = ru.as_slice() {
        let spelled = |s: &str| {
            searcher
                .doc_freq(&Term::from_field_text(f.ru_stem, s))
                .is_ok_and(|n| n > 0)
        };
        for related in derivation::related_to_word(word, stem, Lang::Ru, spelled) {
            clauses.push(bounded_term(Term::from_field_text(f.ru_stem, &related)));
        }
    }
    if clauses.is_empty() {
        return None;
    }
    Some(boosted(
        Box::new(DisMax::new(clauses, TIE_BREAKER)),
        BOOST_DERIVED,
    ))
}

/// The act-title boost: every positive word and phrase searched in the act's title.
pub fn title_boost(index: &Store, q: &Query) -> Option<Box<dyn TQuery>> {
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
                    (Target::Field(f.title_stem), BOOST_TITLE_STEM),
                    (Target::Field(f.title_loose), BOOST_TITLE_LOOSE),
                ],
            ),
            Query::Phrase { text, slop } => dismax(
                index,
                text,
                *slop,
                &[
                    (Target::Field(f.title_stem), BOOST_TITLE_STEM),
                    (Target::Field(f.title_loose), BOOST_TITLE_LOOSE),
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
