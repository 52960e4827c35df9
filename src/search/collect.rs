//! Collecting a search's best matches with their scores adjusted per act and per unit, and
//! counting every match.
//!
//! A match's score gets its act's title score added ([`super::title`]) and is scaled down for
//! placeholder units and units of repealed acts (see [`Adjust`]). Those facts sit in fast
//! fields, and reading three columns for every match cost about as much as scoring it. A match's
//! adjusted score is at most its raw score plus the best title score, so once the collector
//! holds `limit` matches, a match whose raw score plus that bound falls below the lowest of
//! them is only counted: its columns are never read. The hits are the ones tantivy's
//! `TopDocs` with `tweak_score` would return, with one difference in order: equal scores go
//! by their act expression's key, then by their place in it ([`better_first`]), not by their
//! document address alone, which depends on how a build cut the index into segments.

use super::budget::{Budget, CHECK_EVERY};
use super::prune::Floor;
use super::title::ActScores;
use crate::index::docs::{HEADING_ONLY, PLACEHOLDER};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::Weight;
use tantivy::{DocAddress, DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

/// How much of its score a placeholder unit (`Алып тасталды`, text pending) keeps: it ranks
/// below live text that matches about as well, and still comes up when nothing else does.
pub const PLACEHOLDER_FACTOR: f32 = 0.25;
/// How much of its score a unit of a repealed act keeps in a search of the current law: a
/// lawyer asks what the law is, and the repealed act still comes up when it alone answers.
pub const REPEALED_ACT_FACTOR: f32 = 0.5;
/// How much of its score a unit that is only a heading keeps (`Глава 4. …` and nothing of its
/// own, an attachment's title): a heading's words weigh twice a text's
/// ([`super::boosts::BOOST_HEADING_STEM`], [`super::boosts::BOOST_STEM`]), and a bare
/// heading only names what a provision with the same words says: it ranks no higher.
pub const HEADING_ONLY_FACTOR: f32 = 0.5;
/// How much of its score a unit of another place's local act keeps when a question names a
/// place whose acts the index holds («… в Астане»): the place's own act answers it, and
/// another region's act on the same subject still comes up below it.
pub const OTHER_PLACE_FACTOR: f32 = 0.5;
/// How much of its score a unit of another act keeps when a question names an act by its kind
/// and subject («по закону о языках …», «… туралы заң бойынша»): the named act answers it, and
/// another act sharing the question's other words still comes up below it.
pub const OTHER_ACT_FACTOR: f32 = 0.1;

/// How a search adjusts each match's score: its act's title score added, and placeholder
/// units, units that are only a heading and (for the current law) units of repealed acts
/// scaled down.
#[derive(Clone)]
pub(super) struct Adjust {
    titles: std::sync::Arc<ActScores>,
    /// The best title score: what a match's score can gain at most.
    best_title: Score,
    /// Whether the index has placeholder units / units of repealed acts to scale.
    placeholders: bool,
    repealed: bool,
    /// The keys of other places' local acts, when the query names a place
    /// ([`OTHER_PLACE_FACTOR`]).
    other_places: std::sync::Arc<rustc_hash::FxHashSet<u64>>,
    /// The keys of the acts a question names, when it names any: other acts' units are
    /// scaled ([`OTHER_ACT_FACTOR`]).
    named_acts: std::sync::Arc<rustc_hash::FxHashSet<u64>>,
}

impl Adjust {
    pub(super) fn new(
        searcher: &tantivy::Searcher,
        f: &crate::index::Fields,
        titles: ActScores,
        current_law: bool,
    ) -> Self {
        let has = |field, value| {
            searcher
                .doc_freq(&tantivy::Term::from_field_u64(field, value))
                .is_ok_and(|n| n > 0)
        };
        let any = |field| has(field, 1);
        let best_title = titles.values().copied().fold(0.0, Score::max);
        Adjust {
            titles: std::sync::Arc::new(titles),
            best_title,
            placeholders: has(f.placeholder, PLACEHOLDER) || has(f.placeholder, HEADING_ONLY),
            repealed: current_law && any(f.act_repealed),
            other_places: Default::default(),
            named_acts: Default::default(),
        }
    }

    /// This adjustment, with the units of acts other than `keys` (the acts a question names)
    /// scaled by [`OTHER_ACT_FACTOR`]; nothing scaled when `keys` is empty.
    pub(super) fn named_acts(mut self, keys: rustc_hash::FxHashSet<u64>) -> Self {
        self.named_acts = std::sync::Arc::new(keys);
        self
    }

    /// This adjustment, with the units of the acts `keys` (other places' local acts) scaled
    /// by [`OTHER_PLACE_FACTOR`].
    pub(super) fn other_places(mut self, keys: rustc_hash::FxHashSet<u64>) -> Self {
        self.other_places = std::sync::Arc::new(keys);
        self
    }
}

/// The best `limit` matches by adjusted score, and how many matched.
pub(super) struct TopAdjusted {
    pub(super) limit: usize,
    pub(super) adjust: Adjust,
    /// Where the query's scorers read the bar a match must beat, when they may skip matches
    /// ([`super::prune`]); it also carries the bar from one segment to the next.
    pub(super) floor: Option<std::sync::Arc<Floor>>,
    /// The search's work budget: once it is spent, no further segment is scored, and a
    /// segment being scored stops at its next look at the clock.
    pub(super) budget: std::sync::Arc<Budget>,
}

/// A segment's best matches, each with its [`TieKey`], and how many matched.
type SegmentFruit = (Vec<(Score, TieKey, DocAddress)>, usize);

impl TopAdjusted {
    /// The best `limit` matches by their own scores (nothing adjusted, no budget), equal
    /// scores in the same order as the adjusted ones: a lookup's cut must not depend on how
    /// a build cut the index into segments either.
    pub(super) fn plain(limit: usize) -> Self {
        TopAdjusted {
            limit,
            adjust: Adjust {
                titles: Default::default(),
                best_title: 0.0,
                placeholders: false,
                repealed: false,
                other_places: Default::default(),
                named_acts: Default::default(),
            },
            floor: None,
            budget: std::sync::Arc::new(Budget::new(None)),
        }
    }
}

impl Collector for TopAdjusted {
    type Fruit = (Vec<(Score, DocAddress)>, usize);
    type Child = SegmentTop;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentTop> {
        let fast = segment.fast_fields();
        let a = &self.adjust;
        let column = |name: &str, wanted: bool| wanted.then(|| fast.u64(name).ok()).flatten();
        Ok(SegmentTop {
            segment_ord,
            limit: self.limit.max(1),
            best: Vec::with_capacity(2 * self.limit.max(1)),
            threshold: self.floor.as_ref().and_then(|f| f.kept()),
            worst_key: None,
            to_open: self.floor.as_ref().and_then(|f| f.to_open()),
            floor: self.floor.clone(),
            count: 0,
            titles: std::sync::Arc::clone(&a.titles),
            best_title: a.best_title,
            act_key: column(
                "act_key",
                !a.titles.is_empty() || !a.other_places.is_empty() || !a.named_acts.is_empty(),
            ),
            other_places: std::sync::Arc::clone(&a.other_places),
            named_acts: std::sync::Arc::clone(&a.named_acts),
            placeholder: column("placeholder", a.placeholders),
            act_repealed: column("act_repealed", a.repealed),
            ties: fast.u64("act_key").ok(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    /// tantivy's own loop over a segment's matches, with a look at the budget every
    /// [`CHECK_EVERY`] documents (before the segment, too).
    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFruit> {
        let mut top = self.for_segment(segment_ord, reader)?;
        if self.budget.spent() {
            return Ok(top.harvest());
        }
        let mut scorer = weight.scorer(reader, 1.0)?;
        let alive = reader.alive_bitset();
        let mut doc = scorer.doc();
        let mut steps = 0u32;
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                top.collect(doc, scorer.score());
            }
            steps = steps.wrapping_add(1);
            if steps.is_multiple_of(CHECK_EVERY) && self.budget.spent() {
                break;
            }
            doc = scorer.advance();
        }
        Ok(top.harvest())
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<Self::Fruit> {
        let count = fruits.iter().map(|(_, n)| n).sum();
        let mut all: Vec<(Score, TieKey, DocAddress)> =
            fruits.into_iter().flat_map(|(top, _)| top).collect();
        all.sort_unstable_by(|a, b| better_first(a.0, b.0, || (a.1, a.2).cmp(&(b.1, b.2))));
        all.truncate(self.limit);
        Ok((all.into_iter().map(|(s, _, a)| (s, a)).collect(), count))
    }
}

/// What orders matches of equal score: the `act_key` of the unit's act expression (`None`
/// where the index has none), then the unit's address. A build hands each act's documents to
/// one indexing thread as one batch, so an act's units sit together, in the act's order, in
/// one segment, and merging segments keeps that order: the address orders units of one act
/// the same way in every build, while which act's units come first would depend on how the
/// threads shared the acts out.
type TieKey = Option<u64>;

/// Higher scores first; equal ones by `tie` (lower first), read only for them.
fn better_first(
    sa: Score,
    sb: Score,
    tie: impl FnOnce() -> std::cmp::Ordering,
) -> std::cmp::Ordering {
    match sb.partial_cmp(&sa) {
        Some(std::cmp::Ordering::Equal) | None => tie(),
        Some(order) => order,
    }
}

/// [`TopAdjusted`] in one segment.
pub(super) struct SegmentTop {
    segment_ord: SegmentOrdinal,
    limit: usize,
    /// Candidates; cut back to the best `limit` whenever it fills up to twice that.
    best: Vec<(Score, DocId)>,
    /// The lowest score kept at the last cut: a later document (all come in increasing order)
    /// needs more to be among the best.
    threshold: Option<Score>,
    /// The tie key of the last kept at this segment's last cut: a later document that only
    /// ties its score needs a lower key (its address is higher).
    worst_key: Option<TieKey>,
    floor: Option<std::sync::Arc<Floor>>,
    /// The count in this segment at which the floor's bound is reached and its scorers may
    /// skip matches; `None` when they already may (or there is no floor).
    to_open: Option<usize>,
    count: usize,
    titles: std::sync::Arc<ActScores>,
    best_title: Score,
    act_key: Option<Column<u64>>,
    other_places: std::sync::Arc<rustc_hash::FxHashSet<u64>>,
    named_acts: std::sync::Arc<rustc_hash::FxHashSet<u64>>,
    placeholder: Option<Column<u64>>,
    act_repealed: Option<Column<u64>>,
    /// The `act_key` column, read for the [`TieKey`] of equal scores.
    ties: Option<Column<u64>>,
}

impl SegmentTop {
    fn tie_key(&self, doc: DocId) -> TieKey {
        self.ties.as_ref().and_then(|c| c.first(doc))
    }

    /// Whether `doc`, scoring the same as the lowest kept at this segment's last cut, comes
    /// after it; `false` before a cut (the bar then came from earlier segments).
    fn loses_tie(&self, doc: DocId) -> bool {
        self.worst_key.is_some_and(|w| self.tie_key(doc) >= w)
    }

    /// `score` adjusted; `None` when its title score does not lift it over the threshold
    /// (the factors only lower it): the other columns are then not read.
    fn adjusted(&self, doc: DocId, score: Score) -> Option<Score> {
        let mut score = score;
        let key = self.act_key.as_ref().and_then(|keys| keys.first(doc));
        if let Some(bonus) = key.and_then(|k| self.titles.get(&k)) {
            score += bonus;
        }
        if self.threshold.is_some_and(|t| score < t) {
            return None;
        }
        if key.is_some_and(|k| self.other_places.contains(&k)) {
            score *= OTHER_PLACE_FACTOR;
        }
        if !self.named_acts.is_empty() && key.is_none_or(|k| !self.named_acts.contains(&k)) {
            score *= OTHER_ACT_FACTOR;
        }
        match self.placeholder.as_ref().and_then(|c| c.first(doc)) {
            Some(PLACEHOLDER) => score *= PLACEHOLDER_FACTOR,
            Some(HEADING_ONLY) => score *= HEADING_ONLY_FACTOR,
            _ => {}
        }
        if self.act_repealed.as_ref().and_then(|c| c.first(doc)) == Some(1) {
            score *= REPEALED_ACT_FACTOR;
        }
        Some(score)
    }

    /// Keeps the best `limit` candidates; the lowest of them is the new threshold.
    fn cut(&mut self) {
        let limit = self.limit;
        let mut best = std::mem::take(&mut self.best);
        best.select_nth_unstable_by(limit - 1, |a, b| {
            better_first(a.0, b.0, || {
                (self.tie_key(a.1), a.1).cmp(&(self.tie_key(b.1), b.1))
            })
        });
        self.worst_key = Some(self.tie_key(best[limit - 1].1));
        best.truncate(limit);
        self.best = best;
        self.threshold = self.best.iter().map(|c| c.0).reduce(Score::min);
        if let (Some(floor), Some(t)) = (&self.floor, self.threshold) {
            floor.raise(t, t - self.best_title);
        }
    }
}

impl SegmentCollector for SegmentTop {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.count += 1;
        if self.to_open == Some(self.count) {
            self.to_open = None;
            if let Some(floor) = &self.floor {
                floor.open();
            }
        }
        // A match that can at best tie with the lowest kept needs a lower tie key than it
        // (its address is higher): one column read, before the adjustment's.
        if let Some(t) = self.threshold {
            let most = score + self.best_title;
            if most < t || (most == t && self.loses_tie(doc)) {
                return;
            }
        }
        let Some(score) = self.adjusted(doc, score) else {
            return;
        };
        if let Some(t) = self.threshold {
            if score < t || (score == t && self.loses_tie(doc)) {
                return;
            }
        }
        if self.best.len() == 2 * self.limit {
            self.cut();
        }
        self.best.push((score, doc));
    }

    fn harvest(mut self) -> Self::Fruit {
        if self.best.len() > self.limit {
            self.cut();
        }
        if let Some(floor) = &self.floor {
            floor.add_counted(self.count);
            floor.add_segment(self.best.iter().map(|c| c.0), self.limit, self.best_title);
        }
        let segment_ord = self.segment_ord;
        let top = self
            .best
            .iter()
            .map(|&(score, doc_id)| {
                (
                    score,
                    self.tie_key(doc_id),
                    DocAddress {
                        segment_ord,
                        doc_id,
                    },
                )
            })
            .collect();
        (top, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::collection::vec;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::TermQuery;
    use tantivy::schema::{IndexRecordOption, Schema, FAST, TEXT};
    use tantivy::{doc, Index, Term};

    /// On documents with any mix of act keys, placeholders and repealed acts, over several
    /// segments, the collector returns the best of what tantivy's `TopDocs::tweak_score` with
    /// the same adjustment returns (the same scores), equal scores ordered by act key, then
    /// address, and counts every match.
    #[test]
    fn the_best_matches_are_tantivys_tweaked_top_docs() {
        // (words of the text, act key, placeholder, repealed) for each document.
        let document = (
            1..4usize,
            0..4u64,
            proptest::bool::weighted(0.2),
            proptest::bool::weighted(0.3),
        );
        let cases = (
            vec(vec(document, 1..60), 1..4),
            vec(0.0f32..3.0, 4),
            1..12usize,
        );
        crate::property::check(64, cases, |(segments, bonus, limit)| {
            let mut schema = Schema::builder();
            let body = schema.add_text_field("body", TEXT);
            let key = schema.add_u64_field("act_key", FAST);
            let placeholder = schema.add_u64_field("placeholder", FAST);
            let repealed = schema.add_u64_field("act_repealed", FAST);
            let index = Index::create_in_ram(schema.build());
            let mut writer: tantivy::IndexWriter = index
                .writer_with_num_threads(1, 15_000_000)
                .expect("a writer");
            for segment in &segments {
                for &(words, k, p, r) in segment {
                    let text = vec!["law"; words].join(" ") + " code";
                    writer
                        .add_document(doc!(body => text, key => k, placeholder => u64::from(p), repealed => u64::from(r)))
                        .expect("a document");
                }
                writer.commit().expect("a commit");
            }
            let searcher = index.reader().expect("a reader").searcher();
            // Act 3 has no title score.
            let titles: ActScores = (0..3u64).map(|k| (k, bonus[k as usize])).collect();
            let adjust = Adjust {
                best_title: titles.values().copied().fold(0.0, Score::max),
                titles: std::sync::Arc::new(titles.clone()),
                placeholders: true,
                repealed: true,
                other_places: Default::default(),
                named_acts: Default::default(),
            };
            let query = TermQuery::new(
                Term::from_field_text(body, "law"),
                IndexRecordOption::WithFreqs,
            );
            let (ours, count) = searcher
                .search(
                    &query,
                    &TopAdjusted {
                        limit,
                        adjust,
                        floor: None,
                        budget: std::sync::Arc::new(Budget::new(None)),
                    },
                )
                .expect("a search");
            // Every match, tantivy's order of ties being the address alone.
            let all_docs = segments.iter().map(Vec::len).sum::<usize>();
            let tweaked =
                TopDocs::with_limit(all_docs).tweak_score(move |segment: &SegmentReader| {
                    let fast = segment.fast_fields();
                    let columns = ["act_key", "placeholder", "act_repealed"]
                        .map(|name| fast.u64(name).expect("a column"));
                    let titles = titles.clone();
                    move |doc: DocId, score: Score| {
                        let [k, p, r] = columns.each_ref().map(|c| c.first(doc));
                        let mut score =
                            score + k.and_then(|k| titles.get(&k)).copied().unwrap_or(0.0);
                        if p == Some(1) {
                            score *= PLACEHOLDER_FACTOR;
                        }
                        if r == Some(1) {
                            score *= REPEALED_ACT_FACTOR;
                        }
                        score
                    }
                });
            let (theirs, all) = searcher
                .search(&query, &(tweaked, Count))
                .expect("a search");
            assert_eq!(count, all);
            let key = |a: DocAddress| {
                searcher
                    .segment_reader(a.segment_ord)
                    .fast_fields()
                    .u64("act_key")
                    .expect("a column")
                    .first(a.doc_id)
            };
            let mut theirs: Vec<(Score, Option<u64>, DocAddress)> =
                theirs.into_iter().map(|(s, a)| (s, key(a), a)).collect();
            theirs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
            theirs.truncate(limit);
            let theirs: Vec<(Score, DocAddress)> =
                theirs.into_iter().map(|(s, _, a)| (s, a)).collect();
            assert_eq!(ours, theirs);
        });
    }

    /// A budget spent while a segment is scored stops it at the next look, [`CHECK_EVERY`]
    /// documents on: the best of those it looked at are kept; a budget spent before a segment
    /// scores none of it.
    #[test]
    fn a_spent_budget_stops_a_segment_at_its_next_look_and_skips_the_next() {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("a writer");
        let per_segment = 3 * CHECK_EVERY as usize;
        for _ in 0..2 {
            for i in 0..per_segment {
                // Later documents score higher (more of the word), so a segment cut short
                // misses its best.
                let text = vec!["law"; 1 + i * 4 / per_segment].join(" ");
                writer.add_document(doc!(body => text)).expect("a document");
            }
            writer.commit().expect("a commit");
        }
        let searcher = index.reader().expect("a reader").searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        let query = TermQuery::new(
            Term::from_field_text(body, "law"),
            IndexRecordOption::WithFreqs,
        );
        let run = |budget: Budget| {
            let budget = std::sync::Arc::new(budget);
            let collector = TopAdjusted {
                limit: 5,
                adjust: Adjust {
                    titles: std::sync::Arc::new(ActScores::default()),
                    best_title: 0.0,
                    placeholders: false,
                    repealed: false,
                    other_places: Default::default(),
                    named_acts: Default::default(),
                },
                floor: None,
                budget: std::sync::Arc::clone(&budget),
            };
            let found = searcher.search(&query, &collector).expect("a search");
            (found, budget.was_cut())
        };
        let ((all, counted), cut) = run(Budget::new(None));
        assert_eq!((counted, cut), (2 * per_segment, false));
        // Looks: before the first segment, then at its 1024th document.
        let ((top, counted), cut) = run(Budget::after_looks(1));
        assert_eq!((counted, cut), (CHECK_EVERY as usize, true));
        assert_eq!(top.len(), 5);
        assert!(top
            .iter()
            .all(|(_, a)| a.segment_ord == 0 && a.doc_id < CHECK_EVERY));
        assert!(
            top[0].0 < all[0].0,
            "the cut segment's best documents were not reached"
        );
        // Before the first segment: nothing scored.
        let ((top, counted), cut) = run(Budget::after_looks(0));
        assert_eq!((top.len(), counted, cut), (0, 0, true));
    }
}
