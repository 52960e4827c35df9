//! Turning a parsed [`Query`] into a tantivy query over zanlex's fields.
//!
//! Query words go through the index's own registered analyzers (`tokenizer_for_field`), so a
//! query is analyzed exactly as the text was. A word is searched in every text field at once
//! ([`super::word_query`]: a disjunction-max, so matching the same word in three fields does not
//! count thrice), boosted exact > stem > loose, headings above body ([`super::boosts`]). Act
//! titles only add to the score of units that already match.

use super::boosts::{
    BOOST_CONTEXT, BOOST_EXACT, BOOST_HEADING_STEM, BOOST_LOOSE, BOOST_STEM, BOOST_SYNONYM,
    BOOST_TITLE_LOOSE, BOOST_TITLE_STEM, TIE_BREAKER,
};
use super::compounds::Expansions;
use super::coverage::Coverage;
use super::definitions::Definitions;
use super::derivation::{self, BOOST_DERIVED};
use super::dismax::DisMax;
use super::filters::{all_but, everything, filter_query};
use super::prune::Floor;
use super::query::Query;
use super::synonym::{Synonyms, TermSet};
use super::terms::{analyze_field, stem_terms};
use super::word_query::{
    boosted, bounded_term, dismax, has_russian, text_targets, verb_readings_in, Target,
};
use crate::index::schema::Fields;
use crate::index::Store;
use crate::model::Lang;
use std::borrow::Cow;
use std::sync::Arc;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query as TQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

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

/// The act-title fields a word or phrase is searched in, for [`title_boost`] and
/// [`Coverage::with_titles`].
fn title_targets(f: &Fields) -> [(Target, f32); 2] {
    [
        (Target::Field(f.title_stem), BOOST_TITLE_STEM),
        (Target::Field(f.title_loose), BOOST_TITLE_LOOSE),
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
/// top-level conjunction, and with `synonyms` (the expansions of the query's words, worked out
/// when it was read) its words (or a top-level word) also find their thesaurus alternatives
/// ([`super::thesaurus::Thesaurus`]); nested parts need all their own words.
pub fn compile(
    index: &Store,
    q: &Query,
    words: WordMatch,
    synonyms: Option<&Expansions>,
) -> Option<Box<dyn TQuery>> {
    compile_pruned(index, q, words, synonyms, None)
}

/// [`compile`], and with `floor`, the words and phrases whose scores a match's score adds up
/// may skip the matches that cannot rank ([`super::prune`]): each is a slot of `floor`.
pub(crate) fn compile_pruned(
    index: &Store,
    q: &Query,
    words: WordMatch,
    synonyms: Option<&Expansions>,
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
        Query::Not(inner) => compile(index, inner, WordMatch::All, None).map(all_but),
        Query::Or(parts) => {
            let subs: Vec<(Occur, Box<dyn TQuery>)> = parts
                .iter()
                .filter_map(|p| compile(index, p, WordMatch::All, None))
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
                        if let Some(q) = compile(index, inner, WordMatch::All, None) {
                            subs.push((Occur::MustNot, q));
                        }
                    }
                    Query::Filter(flt) => {
                        subs.push((Occur::Must, filter_query(f, flt)));
                    }
                    Query::Term(w) => terms.push(w),
                    _ => {
                        if let Some(q) = compile(index, p, WordMatch::All, None) {
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
                    if synonyms.is_some() {
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
    let q = dismax(index, word, 0, &title_targets(f))?;
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
/// field and, with `synonyms` (the query's expansions), the other members of its thesaurus groups at
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
    expansions: Option<&Expansions>,
    context: bool,
    derive: bool,
    mut corrections: Option<&mut Vec<(usize, Box<dyn TQuery>)>>,
    mut articles: Option<&mut Vec<(usize, &'t str)>>,
) -> (Vec<Box<dyn TQuery>>, Vec<bool>) {
    let synonyms = expansions.is_some();
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
    let expansions = match expansions {
        Some(e) => e.for_words(index, terms),
        None => Cow::Owned(Vec::new()),
    };
    let mut expansions = expansions.iter().peekable();
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
            if *number {
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
            Query::Term(w) => dismax(index, w, 0, &title_targets(f)),
            Query::Phrase { text, slop } => dismax(index, text, *slop, &title_targets(f)),
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
