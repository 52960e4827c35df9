//! A query word or phrase searched in the index's fields ([`dismax`]): each field through its
//! own analyzer, or as the terms that stand for the word (its forms, its stem's forms, the stems
//! that fold to its loose form), one disjunction-max over the fields so that matching the same
//! word in three fields does not count thrice. The compile ([`super::compile`]) builds its
//! clauses of these, and so do the helpers that search a word otherwise written (compounds).

use super::boosts::{
    BOOST_EXACT, BOOST_HEADING_LOOSE, BOOST_HEADING_STEM, BOOST_LOOSE, BOOST_STEM, TIE_BREAKER,
};
use super::dismax::DisMax;
use super::prune::Bounded;
use super::synonym::{SynonymPhrase, Synonyms, TermSet};
use super::terms::{analyze_field, russian_stem_of_kazakh_unknown, stem_terms};
use crate::index::schema::Fields;
use crate::index::Store;
use tantivy::query::{BoostQuery, PhraseQuery, Query as TQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

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
pub(crate) fn bounded_term(term: Term) -> Box<dyn TQuery> {
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
    let typed = analyze_field(index, f.kk_exact, text);
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
        // A word the index spells as typed, with no Kazakh letter, is not Kazakh typed
        // without its letters: only stems with them are its loose reading.
        let kazakh_only = typed
            .iter()
            .find(|(p, _)| *p == position)
            .is_some_and(|(_, word)| super::restore::spelled_as_typed(index, searcher, word));
        super::restore::add_stem_terms_folding_to(
            index,
            searcher,
            &loose,
            besides,
            kazakh_only,
            &mut set,
        )
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

pub(crate) fn boosted(q: Box<dyn TQuery>, boost: f32) -> Box<dyn TQuery> {
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

/// `text` searched in each of `targets` at its boost (a word, or a phrase whose words may be
/// `slop` apart), as one [`DisMax`]: the best field's score and a share of the others'
/// ([`TIE_BREAKER`]). `None` when no target has the text.
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

/// `text` in the unit text fields, as a query word is searched there (no alternatives).
pub(crate) fn text_query(index: &Store, text: &str) -> Option<Box<dyn TQuery>> {
    dismax(index, text, 0, &text_targets(index.fields()))
}

/// Whether the index holds Russian expressions (documents with `lang` `ru`).
pub(crate) fn has_russian(searcher: &Searcher, f: &Fields) -> bool {
    let term = Term::from_field_text(f.lang, crate::model::Lang::Ru.as_str());
    searcher.doc_freq(&term).is_ok_and(|n| n > 0)
}

/// The unit text fields a query word is searched in, each at its boost.
pub(crate) fn text_targets(f: &Fields) -> [(Target, f32); 6] {
    [
        (Target::Field(f.kk_exact), BOOST_EXACT),
        (Target::Field(f.kk_stem), BOOST_STEM),
        (Target::Field(f.ru_stem), BOOST_STEM),
        (Target::Loose, BOOST_LOOSE),
        (Target::Field(f.heading_stem), BOOST_HEADING_STEM),
        (Target::Field(f.heading_loose), BOOST_HEADING_LOOSE),
    ]
}
