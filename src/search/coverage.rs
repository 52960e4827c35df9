//! Ranking by how much of a query a unit covers.
//!
//! A query of several plain words is a question or a description more often than a list of
//! words that must all be there: «шетелдік тұрақты тұруға рұқсат алу мерзімі» is answered by
//! the article on the permit's term even when it never says «алу». [`Coverage`] matches the
//! units that have at least a minimum number of the words and scores each by the sum of its
//! words' scores times the square of the share of the words it has, so a unit with every word
//! still leads unless the others match far better.
//!
//! A question may also let a unit with fewer words match when they tell enough of what the
//! question tells ([`Coverage::or_telling`]): its rarest word alone, when that is most of it.
//!
//! A long question (at least `LONG_QUESTION` words that say something) is not answered by a
//! unit that has only one of its words, however rare: such a unit keeps `LONE_WORD_SCORE`
//! of its score, so units with two of the words that match about as well come first. The
//! words its article or its act's title has count.
//!
//! A word's spelling corrections (given apart from its clause) count for the minimum of words,
//! not for the share: a unit that has a word only through its correction never covers more of
//! the query than its typed words do, so it ranks below a unit with more typed words unless
//! that one matches far worse; a tenth of the correction's score orders the units that have
//! the same typed words.
//!
//! A word the analyzers drop («для», «в», «және») counts among a unit's words only beside a
//! word that says something ([`Coverage::needing_one_of`]): nearly every provision has one,
//! and a unit with nothing else of the query has none of what it asks.
//!
//! A word a unit lacks may be in the rest of its article ([`Coverage::with_articles`]): a
//! question whose words are spread over an article (its heading, two of its points) is
//! answered by the article, and its best unit should come first. Such a word adds its
//! article clause's score (at a low boost) and [`ARTICLE_SHARE`] of what it tells to the share
//! of the query the unit covers, and does not count for the minimum of words: the unit still
//! needs enough words of its own (with its context), and a unit that says a word itself
//! covers more than one whose article does.
//!
//! A word a unit and its article lack may be in its act's title ([`Coverage::with_titles`]):
//! a question names what the act is about (a service, a council, a kind of document, a
//! region's rules) and asks about one of its provisions, which need not repeat it. Such a word
//! adds [`TITLE_SHARE`] of what it tells to the share the unit covers, and nothing to the score (the title's score is added to every unit of the
//! act already, [`super::title`]); it does not count for the minimum of words either. Units of
//! other acts that share a couple of the question's words then no longer cover as much of it
//! as the units of the act it is about.

use super::dismax::{cloned, explain_union, weights_of, Heads};
use rustc_hash::FxHashSet;
use std::sync::Arc;
use tantivy::columnar::Column;
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// Units with at least `min_match` of the clauses, scored by coverage (see the module).
#[derive(Debug)]
pub struct Coverage {
    clauses: Vec<Box<dyn Query>>,
    /// Each word's corrections, by the index of the word's clause.
    corrections: Vec<(usize, Box<dyn Query>)>,
    /// Each word in the rest of a unit's article, by the index of the word's clause.
    articles: Vec<(usize, Box<dyn Query>)>,
    /// The acts whose title has each word, by the index of the word's clause.
    titles: Vec<(usize, ActKeys)>,
    min_match: usize,
    /// The share of what the words tell that also lets a unit match with fewer words
    /// ([`Coverage::or_telling`]); above 1 when only the number of words counts.
    enough_told: Score,
    /// Whether each clause says something ([`Coverage::needing_one_of`]); a clause past its
    /// end does.
    content: Option<Vec<bool>>,
}

impl Coverage {
    /// The clauses (one per query word) and how many of them a unit must match.
    pub fn new(clauses: Vec<Box<dyn Query>>, min_match: usize) -> Self {
        let min_match = min_match.clamp(1, clauses.len().max(1));
        Coverage {
            clauses,
            corrections: Vec::new(),
            articles: Vec::new(),
            titles: Vec::new(),
            min_match,
            enough_told: NEVER,
            content: None,
        }
    }

    /// These clauses, where a unit matches only when it has (as typed or through a
    /// correction) one whose entry in `content` is true, or one past its end: the clauses of
    /// words the analyzers drop («для») count for the minimum and the score only beside a
    /// word that says something (see the module).
    pub(crate) fn needing_one_of(mut self, content: Vec<bool>) -> Self {
        self.content = Some(content);
        self
    }

    /// These clauses, where a unit with fewer than the minimum of words also matches when
    /// its words tell at least [`ENOUGH_TOLD`] of what all the words tell ([`informativeness`]):
    /// a question's rarest word is often the thing asked about, and a unit that says only it
    /// can answer where units with two common words do not (see the module).
    pub(crate) fn or_telling(mut self) -> Self {
        self.enough_told = ENOUGH_TOLD;
        self
    }

    /// These clauses with the article clauses of some of their words (the word in the rest
    /// of a unit's article), each by the index of the word's clause (those out of range are
    /// left out): a unit without the word but whose article has it covers [`ARTICLE_SHARE`]
    /// of the word (see the module).
    pub(crate) fn with_articles(mut self, articles: Vec<(usize, Box<dyn Query>)>) -> Self {
        let n = self.clauses.len();
        self.articles = articles.into_iter().filter(|(i, _)| *i < n).collect();
        self
    }

    /// These clauses with the acts whose title has some of their words, by the index of the
    /// word's clause (those out of range are left out; acts by
    /// [`crate::index::schema::act_key`]): a unit without the word, in its text or article,
    /// whose act's title has it covers [`TITLE_SHARE`] of the word (see the module).
    pub(crate) fn with_titles(mut self, titles: Vec<(usize, ActKeys)>) -> Self {
        let n = self.clauses.len();
        self.titles = titles
            .into_iter()
            .filter(|(i, keys)| *i < n && !keys.is_empty())
            .collect();
        self
    }

    /// These clauses with the spelling corrections of some of their words, each by the index
    /// of its word's clause (those out of range are left out): a unit with a correction has
    /// the word for the minimum and the score, not for the share (see the module).
    pub(crate) fn with_corrections(mut self, corrections: Vec<(usize, Box<dyn Query>)>) -> Self {
        let n = self.clauses.len();
        self.corrections = corrections.into_iter().filter(|(i, _)| *i < n).collect();
        self
    }

    /// How many of `words` query words a unit must have: all of one or two, then a third of
    /// them and never fewer than two. A question in everyday words shares few words with its
    /// answer; the score, not the minimum, puts the units with most words first.
    pub fn min_match_of(words: usize) -> usize {
        if words <= 2 {
            words
        } else {
            words.div_ceil(3).max(2)
        }
    }
}

impl Clone for Coverage {
    fn clone(&self) -> Self {
        Coverage {
            clauses: cloned(&self.clauses),
            corrections: self
                .corrections
                .iter()
                .map(|(i, q)| (*i, q.box_clone()))
                .collect(),
            articles: self
                .articles
                .iter()
                .map(|(i, q)| (*i, q.box_clone()))
                .collect(),
            titles: self.titles.clone(),
            min_match: self.min_match,
            enough_told: self.enough_told,
            content: self.content.clone(),
        }
    }
}

/// The acts whose title has a word, by [`crate::index::schema::act_key`].
pub(crate) type ActKeys = Arc<FxHashSet<u64>>;

/// How much a clause tells, by the rarest of the documents its terms are in: the inverse
/// document frequency of its commonest term (a clause matches where any of its terms does, so
/// it is at least as common as that one). 1 where scoring is off.
///
/// A term read with its positions is a word of a phrase (a thesaurus alternative «торговый
/// объект» beside «магазин»), which matches only where all the phrase's words are: its
/// commonest word does not bound how common the clause is, so such terms count only when the
/// clause has no other.
fn informativeness(qs: &[&dyn Query], enable_scoring: &EnableScoring<'_>) -> Score {
    let Some(searcher) = enable_scoring.searcher() else {
        return 1.0;
    };
    let n = searcher.num_docs() as f64;
    // The least idf of the terms read alone, and of those read as words of a phrase.
    let (mut alone, mut in_phrase): (Option<f64>, Option<f64>) = (None, None);
    for q in qs {
        q.query_terms(&mut |term, positions| {
            let df = searcher.doc_freq(term).unwrap_or(0) as f64;
            if df > 0.0 {
                let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                let least = if positions {
                    &mut in_phrase
                } else {
                    &mut alone
                };
                *least = Some(least.map_or(idf, |l: f64| l.min(idf)));
            }
        });
    }
    alone.or(in_phrase).unwrap_or(1.0).max(0.01) as Score
}

impl Query for Coverage {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        // A word with corrections tells what the word and its corrections tell together.
        let told: Vec<Score> = self
            .clauses
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let mut qs: Vec<&dyn Query> = vec![q.as_ref()];
                qs.extend(
                    self.corrections
                        .iter()
                        .filter(|(w, _)| *w == i)
                        .map(|(_, c)| c.as_ref()),
                );
                informativeness(&qs, &enable_scoring)
            })
            .collect();
        let content_words = (0..self.clauses.len())
            .filter(|w| word_says_something(self.content.as_deref(), *w))
            .count();
        let weights = weights_of(&self.clauses, enable_scoring)?;
        let fixes: Vec<Box<dyn Query>> = self
            .corrections
            .iter()
            .map(|(_, q)| q.box_clone())
            .collect();
        let correction_weights = weights_of(&fixes, enable_scoring)?
            .into_iter()
            .zip(self.corrections.iter().map(|(w, _)| *w))
            .collect();
        let in_articles: Vec<Box<dyn Query>> =
            self.articles.iter().map(|(_, q)| q.box_clone()).collect();
        let article_weights = weights_of(&in_articles, enable_scoring)?
            .into_iter()
            .zip(self.articles.iter().map(|(w, _)| *w))
            .collect();
        Ok(Box::new(CoverageWeight {
            weights,
            correction_weights,
            article_weights,
            titles: self.titles.clone(),
            told,
            min_match: self.min_match,
            enough_told: self.enough_told,
            content: self.content.clone(),
            content_words,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for q in &self.clauses {
            q.query_terms(visitor);
        }
        for (_, q) in &self.corrections {
            q.query_terms(visitor);
        }
    }
}

struct CoverageWeight {
    weights: Vec<Box<dyn Weight>>,
    /// The corrections' weights, each with the index of its word.
    correction_weights: Vec<(Box<dyn Weight>, usize)>,
    /// The article clauses' weights, each with the index of its word.
    article_weights: Vec<(Box<dyn Weight>, usize)>,
    /// The acts whose title has each word, with the index of the word.
    titles: Vec<(usize, ActKeys)>,
    /// Each clause's [`informativeness`].
    told: Vec<Score>,
    min_match: usize,
    enough_told: Score,
    content: Option<Vec<bool>>,
    /// How many of the clauses say something ([`Coverage::needing_one_of`]).
    content_words: usize,
}

impl Weight for CoverageWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorers = Vec::with_capacity(self.weights.len());
        let mut words = Vec::with_capacity(self.weights.len());
        let mut present = vec![false; self.weights.len()];
        for (i, w) in self.weights.iter().enumerate() {
            let s = w.scorer(reader, boost)?;
            if s.doc() != TERMINATED {
                scorers.push(s);
                words.push(Head::Typed(i));
                present[i] = true;
            }
        }
        for (w, i) in &self.correction_weights {
            let s = w.scorer(reader, boost)?;
            if s.doc() != TERMINATED {
                scorers.push(s);
                words.push(Head::Correction(*i));
                present[*i] = true;
            }
        }
        let all_told = self.told.iter().sum::<Score>().max(Score::EPSILON);
        let present_told: Score = present
            .iter()
            .zip(&self.told)
            .filter(|(p, _)| **p)
            .map(|(_, t)| t)
            .sum();
        let says = |w: usize| word_says_something(self.content.as_deref(), w);
        if (present.iter().filter(|p| **p).count() < self.min_match
            && present_told < all_told * self.enough_told)
            || !present.iter().enumerate().any(|(w, p)| *p && says(w))
        {
            return Ok(Box::new(EmptyScorer));
        }
        let mut articles = Vec::with_capacity(self.article_weights.len());
        for (w, i) in &self.article_weights {
            let s = w.scorer(reader, boost)?;
            if s.doc() != TERMINATED {
                articles.push((s, *i));
            }
        }
        // Units of an index without act keys (none in the title sets) read no column.
        let act_key = if self.titles.is_empty() {
            None
        } else {
            reader.fast_fields().u64("act_key").ok()
        };
        let corrected = !self.correction_weights.is_empty();
        let mut scorer = CoverageScorer {
            heads: Heads::new(scorers),
            words,
            told: self.told.clone(),
            all_told,
            min_match: self.min_match,
            enough_told: self.enough_told,
            have: vec![false; self.told.len()],
            articles,
            titles: self.titles.clone(),
            act_key,
            typed: if corrected {
                vec![None; self.told.len()]
            } else {
                Vec::new()
            },
            fixed: if corrected {
                vec![None; self.told.len()]
            } else {
                Vec::new()
            },
            score: 0.0,
            content: self.content.clone(),
            long_question: self.content_words >= LONG_QUESTION,
        };
        scorer.settle();
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        explain_union("Coverage", self, &self.weights, reader, doc)
    }
}

/// What a scorer of [`CoverageScorer::heads`] matches: a word as typed or one of its
/// corrections, by the word's clause.
#[derive(Clone, Copy)]
enum Head {
    Typed(usize),
    Correction(usize),
}

/// How much of what a word tells a unit covers when the word is not in it but in the rest of
/// its article: a unit that says a word itself covers more of the question.
pub const ARTICLE_SHARE: Score = 0.4;

/// How much of what a word tells a unit covers when neither it nor its article says the word
/// but its act's title does: the title names what every unit of the act is about (the
/// service, the council, the kind of document a question names), and a provision seldom
/// repeats it. Measured on the question sets: from 0.5 up the figures no longer change.
pub const TITLE_SHARE: Score = 0.5;

/// The share of what a query's words tell ([`informativeness`]) that lets a unit match with
/// fewer than the minimum of words ([`Coverage::or_telling`]): a question's rarest word is
/// often the thing asked about («журналист» in «что может журналист на митинге», «почте» in
/// «на каком языке отправлять письма за границу по почте»), and a unit that says only it can
/// answer where units with two common words do not. Such a unit still ranks by the share it
/// covers, squared, so it comes after the units that cover more.
pub(crate) const ENOUGH_TOLD: Score = 0.25;

/// How many words that say something make a query long enough that a unit with only one of
/// them (itself, in its article or in its act's title) is scored at [`LONE_WORD_SCORE`]: a
/// long question names several things, and a unit sharing its rarest word alone («тюрьму» in
/// «если ветерана посадили в тюрьму лишают ли его льгот») seldom answers it. Four-word questions
/// are often asked about their rarest word («журналист митингте не істей алады»), so the rule
/// starts at five. Measured on the question sets: at four it lost that question, at six it
/// gained less.
const LONG_QUESTION: usize = 5;

/// The part of its score a unit keeps when it has only one word of a long question
/// ([`LONG_QUESTION`]): enough to put it below the units with two words that match about as
/// well, not below every unit. Measured on the question sets: 0.2 and 0.05 did the same or
/// slightly worse.
const LONE_WORD_SCORE: Score = 0.5;

/// A share no unit reaches: only the number of words counts.
const NEVER: Score = 2.0;

/// How much of a correction's score a unit that has the word only through it adds: enough to
/// order the units that have as many typed words, not to lift one above a unit whose typed
/// words match better.
const CORRECTION_SCORE: Score = 0.1;

/// Whether query word `w` says something: every word does when no `content` flags were given
/// ([`Coverage::needing_one_of`]), and a word past the flags' end does (a correction's).
fn word_says_something(content: Option<&[bool]>, w: usize) -> bool {
    content.is_none_or(|c| c.get(w).copied().unwrap_or(true))
}

struct CoverageScorer {
    heads: Heads,
    /// What each scorer of `heads` matches, in its order.
    words: Vec<Head>,
    /// The [`informativeness`] of each word's clause, by the word.
    told: Vec<Score>,
    /// Of all the query's clauses (those that match nothing in a segment count too).
    all_told: Score,
    min_match: usize,
    /// [`Coverage::or_telling`]'s share, or above 1.
    enough_told: Score,
    /// Whether the current document has each word (as typed or through a correction).
    have: Vec<bool>,
    /// The article clauses' scorers, each with its word; moved to a document only when it
    /// has enough words of its own.
    articles: Vec<(Box<dyn Scorer>, usize)>,
    /// The acts whose title has each word, with the index of the word.
    titles: Vec<(usize, ActKeys)>,
    /// The segment's act keys, read when `titles` has any.
    act_key: Option<Column<u64>>,
    /// With corrections: each word's score as typed on the current document, and its
    /// corrections' best, kept here not to allocate per document.
    typed: Vec<Option<Score>>,
    fixed: Vec<Option<Score>>,
    /// The current document's score, computed when it was reached.
    score: Score,
    /// [`Coverage::needing_one_of`]'s clauses that say something, by the word.
    content: Option<Vec<bool>>,
    /// Whether the query has at least [`LONG_QUESTION`] words that say something.
    long_question: bool,
}

impl CoverageScorer {
    /// Moves on from the current document until one has enough words; scores it.
    fn settle(&mut self) -> DocId {
        loop {
            let doc = self.heads.doc();
            if doc == TERMINATED {
                return doc;
            }
            self.have.fill(false);
            let (matched, sum, told) = if self.typed.is_empty() {
                self.typed_only()
            } else {
                self.with_corrections()
            };
            if (matched >= self.min_match || told >= self.all_told * self.enough_told)
                && self.says_something()
            {
                let (sum, told) = self.in_article(doc, sum, told);
                let told = self.in_title(doc, told);
                // The share of what the query says that the unit has: a rare word (the thing
                // asked about) counts for more than common ones (`должен быть`).
                let share = told / self.all_told;
                self.score = sum * share * share;
                // One word of a long question, however rare, is not an answer to it.
                if self.long_question && self.content_words_had() < 2 {
                    self.score *= LONE_WORD_SCORE;
                }
                return doc;
            }
            self.heads.advance();
        }
    }
}

impl CoverageScorer {
    /// Whether the current document has (as typed or through a correction) a word that says
    /// something ([`Coverage::needing_one_of`]); read before its article's words are added.
    fn says_something(&self) -> bool {
        self.have
            .iter()
            .enumerate()
            .any(|(w, h)| *h && word_says_something(self.content.as_deref(), w))
    }

    /// How many words that say something the current document has: itself, in its article
    /// or in its act's title (read after [`Self::in_article`] and [`Self::in_title`]).
    fn content_words_had(&self) -> usize {
        self.have
            .iter()
            .enumerate()
            .filter(|(w, h)| **h && word_says_something(self.content.as_deref(), *w))
            .count()
    }

    /// `sum` and `told` with the words document `doc` lacks but its article has.
    fn in_article(&mut self, doc: DocId, mut sum: Score, mut told: Score) -> (Score, Score) {
        for (s, w) in &mut self.articles {
            if self.have.get(*w).copied().unwrap_or(true) {
                continue;
            }
            if s.doc() < doc {
                s.seek(doc);
            }
            if s.doc() == doc {
                sum += s.score();
                told += self.told.get(*w).copied().unwrap_or(1.0) * ARTICLE_SHARE;
                // A word counts once, whichever of its clauses has it.
                if let Some(h) = self.have.get_mut(*w) {
                    *h = true;
                }
            }
        }
        (sum, told)
    }

    /// `told` with the words document `doc` lacks, with its article, but its act's title has.
    fn in_title(&mut self, doc: DocId, mut told: Score) -> Score {
        let Some(key) = self.act_key.as_ref().and_then(|c| c.first(doc)) else {
            return told;
        };
        for (w, acts) in &self.titles {
            if self.have.get(*w).copied().unwrap_or(true) || !acts.contains(&key) {
                continue;
            }
            told += self.told.get(*w).copied().unwrap_or(1.0) * TITLE_SHARE;
            if let Some(h) = self.have.get_mut(*w) {
                *h = true;
            }
        }
        told
    }

    /// How many words the current document has, the sum of their scores and of what they
    /// tell, when no word has corrections.
    fn typed_only(&mut self) -> (usize, Score, Score) {
        let (mut matched, mut sum, mut told) = (0usize, 0.0 as Score, 0.0 as Score);
        for i in 0..self.heads.len() {
            if let Some(x) = self.heads.score_on_doc(i) {
                let Head::Typed(w) = self.words[i] else {
                    continue;
                };
                matched += 1;
                sum += x;
                told += self.told.get(w).copied().unwrap_or(1.0);
                if let Some(h) = self.have.get_mut(w) {
                    *h = true;
                }
            }
        }
        (matched, sum, told)
    }

    /// [`Self::typed_only`] with corrections: a word counts when it or a correction is on the
    /// document, scores its best, and tells only when it is there as typed.
    fn with_corrections(&mut self) -> (usize, Score, Score) {
        self.typed.fill(None);
        self.fixed.fill(None);
        for i in 0..self.heads.len() {
            if let Some(x) = self.heads.score_on_doc(i) {
                let (slot, w) = match self.words[i] {
                    Head::Typed(w) => (&mut self.typed, w),
                    Head::Correction(w) => (&mut self.fixed, w),
                };
                if let Some(s) = slot.get_mut(w) {
                    *s = Some(s.map_or(x, |s: Score| s.max(x)));
                }
            }
        }
        let (mut matched, mut sum, mut told) = (0usize, 0.0 as Score, 0.0 as Score);
        for (w, (typed, fixed)) in self.typed.iter().zip(&self.fixed).enumerate() {
            if let (Some(h), true) = (self.have.get_mut(w), typed.is_some() || fixed.is_some()) {
                *h = true;
            }
            match (typed, fixed) {
                (Some(x), _) => {
                    matched += 1;
                    sum += x;
                    told += self.told.get(w).copied().unwrap_or(1.0);
                }
                (None, Some(x)) => {
                    matched += 1;
                    sum += x * CORRECTION_SCORE;
                }
                (None, None) => {}
            }
        }
        (matched, sum, told)
    }
}

impl DocSet for CoverageScorer {
    fn advance(&mut self) -> DocId {
        self.heads.advance();
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.heads.seek(target);
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.heads.doc()
    }

    fn size_hint(&self) -> u32 {
        self.heads.size_hint()
    }
}

impl Scorer for CoverageScorer {
    fn score(&mut self) -> Score {
        self.score
    }
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn coverage() {
        use crate::search::coverage::Coverage;
        use tantivy::query::{Query, TermQuery};
        use tantivy::schema::{IndexRecordOption, Schema, TEXT};
        use tantivy::{doc, Index, Term};
        fn main() -> tantivy::Result<()> {
            let mut schema = Schema::builder();
            let text = schema.add_text_field("text", TEXT);
            let index = Index::create_in_ram(schema.build());
            let mut writer = index.writer(15_000_000)?;
            writer.add_document(doc!(text => "visa term extension"))?;
            writer.add_document(doc!(text => "visa term"))?;
            writer.add_document(doc!(text => "visa"))?;
            writer.commit()?;
            let words = ["visa", "term", "extension"].map(|w| -> Box<dyn Query> {
                Box::new(TermQuery::new(
                    Term::from_field_text(text, w),
                    IndexRecordOption::WithFreqs,
                ))
            });
            let searcher = index.reader()?.searcher();
            assert_eq!(Coverage::new(Vec::from(words), 2).count(&searcher)?, 2);
            Ok(())
        }
        main().unwrap();
    }

    #[test]
    fn coverage_min_match_of() {
        use crate::search::coverage::Coverage;
        assert_eq!(Coverage::min_match_of(2), 2);
        assert_eq!(Coverage::min_match_of(5), 2);
        assert_eq!(Coverage::min_match_of(9), 3);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::TermQuery;
    use tantivy::schema::{Field, IndexRecordOption, Schema, STORED, TEXT};
    use tantivy::{doc, DocAddress, Index, Searcher};

    /// An index in memory of one stored text field, each of `segments` committed as a segment
    /// of documents with these texts, and its searcher.
    fn index_of(segments: &[Vec<String>]) -> (Searcher, Field) {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT | STORED);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for segment in segments {
            for t in segment {
                writer.add_document(doc!(text => t.as_str())).unwrap();
            }
            writer.commit().unwrap();
        }
        (index.reader().unwrap().searcher(), text)
    }

    /// The query for word `w` of `field`.
    fn term(field: Field, w: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, w),
            IndexRecordOption::WithFreqs,
        ))
    }

    /// The texts of the documents `top` found, in its order.
    fn texts_of(searcher: &Searcher, field: Field, top: &[(Score, DocAddress)]) -> Vec<String> {
        top.iter()
            .map(|(_, a)| {
                let d: tantivy::TantivyDocument = searcher.doc(*a).unwrap();
                let v = d.get_first(field).unwrap();
                tantivy::schema::Value::as_str(&v).unwrap().to_string()
            })
            .collect()
    }

    /// Units with more of the words rank first; units below the minimum are not matched; the
    /// same documents come out across segments and with seeks (inside an intersection).
    #[test]
    fn more_words_rank_first_and_too_few_do_not_match() {
        let texts = ["a b c d", "a b", "a a a a a a b", "c", "b d", "d", "x"];
        let segments: Vec<Vec<String>> = texts
            .chunks(4)
            .enumerate()
            .map(|(segment, chunk)| chunk.iter().map(|t| format!("{t} s{segment}")).collect())
            .collect();
        let (searcher, text) = index_of(&segments);
        let words = || -> Vec<Box<dyn Query>> {
            ["a", "b", "c", "d"].iter().map(|w| term(text, w)).collect()
        };
        let q = Coverage::new(words(), 2);
        let top = searcher.search(&q, &TopDocs::with_limit(10)).unwrap();
        let got = texts_of(&searcher, text, &top);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], "a b c d s0");
        assert!(got.contains(&"b d s1".to_string()));
        assert!(!got
            .iter()
            .any(|t| t.starts_with("c ") || t.starts_with("d ")));
        // Inside an intersection (seeks), the same count.
        let both = tantivy::query::BooleanQuery::new(vec![
            (
                tantivy::query::Occur::Must,
                Box::new(q.clone()) as Box<dyn Query>,
            ),
            (
                tantivy::query::Occur::Must,
                Box::new(tantivy::query::AllQuery),
            ),
        ]);
        assert_eq!(both.count(&searcher).unwrap(), 4);
        assert_eq!(Coverage::new(words(), 4).count(&searcher).unwrap(), 1);

        // Telling enough: «c», the rarest word (in 2 of 7 units), tells a third of what the
        // four words tell, so its unit matches alone, after every unit with more words;
        // «d» (in 3 units) tells less than a quarter and does not.
        let telling = Coverage::new(words(), 2).or_telling();
        let top = searcher.search(&telling, &TopDocs::with_limit(10)).unwrap();
        let got = texts_of(&searcher, text, &top);
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[0], "a b c d s0");
        assert_eq!(got[4], "c s0");
        assert!(!got.iter().any(|t| t == "d s1" || t == "x s1"), "{got:?}");
    }

    /// A unit that has a word only through its spelling correction does not cover more of the
    /// query than its typed words: the unit with two typed words ranks above the one with one
    /// typed word and a correction, which a correction inside its word's clause would put first
    /// (the correction is rarer than the typed word, so it tells more).
    #[test]
    fn a_correction_does_not_raise_the_share_of_the_query_covered() {
        let texts = ["a b", "a c", "b z", "b z", "b z", "b z", "z", "z"];
        let (searcher, text) = index_of(&[texts.map(str::to_string).to_vec()]);
        let term = |w: &str| term(text, w);
        // «x» is the word as typed, which no unit has; «c» its correction, at a lower boost.
        let correction =
            || -> Box<dyn Query> { Box::new(tantivy::query::BoostQuery::new(term("c"), 0.5)) };
        let first = |q: &Coverage| -> String {
            let top = searcher.search(q, &TopDocs::with_limit(1)).unwrap();
            texts_of(&searcher, text, &top).remove(0)
        };
        let inside: Box<dyn Query> = Box::new(super::super::dismax::DisMax::new(
            vec![term("x"), correction()],
            0.1,
        ));
        let joined = Coverage::new(vec![term("a"), term("b"), inside], 2);
        assert_eq!(first(&joined), "a c");
        let apart = Coverage::new(vec![term("a"), term("b"), term("x")], 2)
            .with_corrections(vec![(2, correction())]);
        assert_eq!(first(&apart), "a b");
        // The correction still counts for the minimum: the unit is matched, below.
        assert_eq!(apart.count(&searcher).unwrap(), 2);
        // A correction of a clause that is not there is left out.
        let stray =
            Coverage::new(vec![term("a"), term("b")], 2).with_corrections(vec![(5, correction())]);
        assert_eq!(stray.count(&searcher).unwrap(), 1);
    }

    /// A unit with only the rarest word of a question leads a four-word question (the
    /// question may be about that word) but not a question of five words, where a unit with
    /// two of its commoner words comes first; the lone word's unit still matches. Adding a
    /// word that neither unit has scales both scores alike, so only the rule changes the order.
    #[test]
    fn one_word_of_a_long_question_does_not_lead_it() {
        let mut texts = vec!["a z", "b c z"];
        texts.extend(["b q", "c q"].repeat(6));
        texts.extend(["d q", "e q"].repeat(3));
        texts.extend(["x"; 10]);
        let (searcher, text) = index_of(&[texts.into_iter().map(str::to_string).collect()]);
        let top = |words: &[&str]| -> Vec<String> {
            let clauses = words.iter().map(|w| term(text, w)).collect();
            let q = Coverage::new(clauses, Coverage::min_match_of(words.len())).or_telling();
            let top = searcher.search(&q, &TopDocs::with_limit(2)).unwrap();
            texts_of(&searcher, text, &top)
        };
        assert_eq!(top(&["a", "b", "c", "d"]), ["a z", "b c z"]);
        assert_eq!(top(&["a", "b", "c", "d", "e"]), ["b c z", "a z"]);
    }
}
