//! Counts across the corpus (the MCP tool `stats`): its acts by kind, issuer, year and status,
//! the units amended most often since a date, and the amending acts that changed the most acts.
//!
//! An act in Kazakh and Russian is one act: it is counted once, and its amendment events are
//! read from one expression only (Kazakh when it has one), since both record the same events.

use crate::model::{Act, Lang};
use crate::ZanIndex;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Mutex, PoisonError};

/// Answers of [`ZanIndex::corpus_stats`] kept per commit, one per `since` and limit asked;
/// past this many the oldest go (an assistant asks a handful).
const KEPT_ANSWERS: usize = 64;

/// The arguments of one [`ZanIndex::corpus_stats`] call: `since` and the limit.
type StatsAsked = (Option<NaiveDate>, usize);

/// What [`ZanIndex::corpus_stats`] keeps for one commit of the index: every act's facts, read
/// once (the scan of every act is what costs), and the answers given so far.
struct StatsCache {
    /// Each act's facts, by act id, sorted.
    facts: Vec<(String, ActFacts)>,
    answers: Mutex<Vec<(StatsAsked, CorpusStats)>>,
}

/// Scans of every act's outline made for [`ZanIndex::corpus_stats`] (the tests count them).
#[cfg(test)]
static SCANS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Most entries of each ranked list of [`CorpusStats`] when no limit is asked for.
pub const DEFAULT_STATS_LIMIT: usize = 10;

/// Counts across the acts of an index.
///
/// ```no_run
/// # fn main() -> zanlex::Result<()> {
/// let index = zanlex::ZanIndex::open("index")?;
/// let since = chrono::NaiveDate::from_ymd_opt(2020, 1, 1);
/// let stats = index.corpus_stats(since, 5)?;
/// println!("{} acts, {} orders", stats.acts, stats.by_kind.get("order").unwrap_or(&0));
/// for unit in &stats.most_amended_units {
///     println!("{} amended {} times", unit.citation, unit.events);
/// }
/// for amending in &stats.top_amending_acts {
///     println!("{} changed {} acts", amending.amending_act, amending.acts);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct CorpusStats {
    /// Acts in the index (an act in both languages counted once).
    pub acts: usize,
    /// Acts by kind ([`crate::ActKind::as_str`]: `order` → 3).
    pub by_kind: BTreeMap<String, usize>,
    /// Acts by issuer code (`mfa`, `government`, `parliament` …; an act issued jointly counts
    /// for each of its issuers, and an act without a known issuer as `unknown`).
    pub by_issuer: BTreeMap<String, usize>,
    /// Acts by the year of their date (`unknown` for an act without a date).
    pub by_year: BTreeMap<String, usize>,
    /// Acts by status: `in_force`, `repealed`, `unknown`.
    pub by_status: BTreeMap<String, usize>,
    /// Amendment events counted below are those taking effect on or after this date (all of
    /// them when `None`); an event without an effective date counts by its signing date.
    pub since: Option<NaiveDate>,
    /// Amendment events counted (those since `since`), across every act.
    pub events: usize,
    /// Distinct units those events changed (a change to a whole act is no unit's).
    pub amended_units: usize,
    /// The units amended most often, most first (then by act id and eid), at most the limit.
    pub most_amended_units: Vec<AmendedUnit>,
    /// Distinct amending acts those events came from.
    pub amending_acts: usize,
    /// The amending acts that changed the most acts, most first (then by events, then by the
    /// amending act's date, newest first), at most the limit.
    pub top_amending_acts: Vec<AmendingActCount>,
}

/// A unit and how often it was amended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct AmendedUnit {
    /// The act's id.
    pub act: String,
    /// The unit's eid.
    pub eid: String,
    /// Its pinpoint citation (for a unit no longer in the act's text, the act's name and the
    /// unit as the amending note printed it).
    pub citation: String,
    /// Amendment events that changed it.
    pub events: usize,
    /// The latest of their dates.
    pub last: Option<NaiveDate>,
    /// The unit's page, where an answer gives links ([`crate::pages::stats`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
}

/// An amending act and how many acts it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct AmendingActCount {
    /// The amending act in official form, in the language of the first act it changed.
    pub amending_act: String,
    /// What names it whatever the language ([`crate::ActRef::key`]: its date and number).
    pub key: String,
    /// The date it was signed.
    pub signed: Option<NaiveDate>,
    /// Acts of the corpus it changed.
    pub acts: usize,
    /// Amendment events it made across them.
    pub events: usize,
    /// The ids of the acts it changed, sorted.
    pub act_ids: Vec<String>,
}

/// What one act contributes, from its first expression.
struct ActFacts {
    lang: Lang,
    kind: &'static str,
    issuers: BTreeSet<String>,
    year: String,
    status: &'static str,
    events: Vec<EventFacts>,
}

/// One amendment event: the unit, as printed too, its date, and the amending act.
struct EventFacts {
    eid: String,
    label: String,
    date: Option<NaiveDate>,
    key: String,
    cite: String,
    signed: Option<NaiveDate>,
}

impl ActFacts {
    fn of(act: &Act) -> Self {
        let mut issuers: BTreeSet<String> = act
            .issuances
            .iter()
            .map(|i| i.issuer_code.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if issuers.is_empty() {
            issuers.insert("unknown".to_string());
        }
        ActFacts {
            lang: act.lang,
            kind: act.kind.as_str(),
            issuers,
            year: act
                .date()
                .map_or_else(|| "unknown".to_string(), |d| d.year().to_string()),
            status: act.status.as_str(),
            events: act
                .amendments
                .iter()
                .map(|a| {
                    let cite = a.by.cite(act.lang);
                    EventFacts {
                        eid: a.target_eid.clone(),
                        label: a.target_label.clone(),
                        date: a.effective.as_ref().map(|e| e.date).or(a.by.date),
                        // An amending act without a number is named by its citation alone.
                        key: a.by.key().unwrap_or_else(|| cite.clone()),
                        cite,
                        signed: a.by.date,
                    }
                })
                .collect(),
        }
    }
}

impl ZanIndex {
    /// Counts across the corpus: acts by kind, issuer, year and status; the units amended most
    /// often by events taking effect on or after `since` (all events when `None`); and the
    /// amending acts that changed the most acts in that time. Each ranked list holds at most
    /// `limit` entries; the totals count them all. The acts are read as outlines, one at a time,
    /// once per commit of the index: later calls on the same commit count from what that read
    /// kept, and a call asked before is answered as it was.
    pub fn corpus_stats(
        &self,
        since: Option<NaiveDate>,
        limit: usize,
    ) -> crate::Result<CorpusStats> {
        let store = self.store();
        let cache = store.per_generation(&store.searcher(), || {
            Ok(StatsCache {
                facts: self.act_facts()?,
                answers: Mutex::new(Vec::new()),
            })
        })?;
        let asked = (since, limit);
        let answers = || cache.answers.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, stats)) = answers().iter().find(|(k, _)| *k == asked) {
            return Ok(stats.clone());
        }
        let stats = self.count_stats(&cache, since, limit)?;
        let mut kept = answers();
        if kept.len() >= KEPT_ANSWERS {
            kept.remove(0);
        }
        kept.push((asked, stats.clone()));
        Ok(stats)
    }

    /// Every act's facts, from its first expression, sorted by act id.
    fn act_facts(&self) -> crate::Result<Vec<(String, ActFacts)>> {
        #[cfg(test)]
        SCANS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let mut facts: HashMap<String, ActFacts> = HashMap::new();
        self.for_each_act_outline(|act| {
            let first = facts.get(&act.id).is_none_or(|f| act.lang < f.lang);
            if first {
                facts.insert(act.id.clone(), ActFacts::of(&act));
            }
            Ok(())
        })?;
        let mut facts: Vec<(String, ActFacts)> = facts.into_iter().collect();
        // Sorted, so that an amending act's citation comes from the same act every time.
        facts.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(facts)
    }

    /// [`ZanIndex::corpus_stats`] counted from the facts of `cache`.
    fn count_stats(
        &self,
        cache: &StatsCache,
        since: Option<NaiveDate>,
        limit: usize,
    ) -> crate::Result<CorpusStats> {
        let facts: HashMap<&str, &ActFacts> =
            cache.facts.iter().map(|(id, f)| (id.as_str(), f)).collect();
        let mut stats = CorpusStats {
            acts: facts.len(),
            by_kind: BTreeMap::new(),
            by_issuer: BTreeMap::new(),
            by_year: BTreeMap::new(),
            by_status: BTreeMap::new(),
            since,
            events: 0,
            amended_units: 0,
            most_amended_units: Vec::new(),
            amending_acts: 0,
            top_amending_acts: Vec::new(),
        };
        // (act, eid) → (events, last date, label as printed).
        let mut units: BTreeMap<(String, String), (usize, Option<NaiveDate>, String)> =
            BTreeMap::new();
        // amending key → (citation, signed, acts changed, events).
        type Amending = (String, Option<NaiveDate>, BTreeSet<String>, usize);
        let mut amending: BTreeMap<String, Amending> = BTreeMap::new();
        for (id, f) in &cache.facts {
            *stats.by_kind.entry(f.kind.to_string()).or_default() += 1;
            for issuer in &f.issuers {
                *stats.by_issuer.entry(issuer.clone()).or_default() += 1;
            }
            *stats.by_year.entry(f.year.clone()).or_default() += 1;
            *stats.by_status.entry(f.status.to_string()).or_default() += 1;
            for e in &f.events {
                let counted = match (since, e.date) {
                    (None, _) => true,
                    (Some(s), Some(d)) => d >= s,
                    (Some(_), None) => false,
                };
                if !counted {
                    continue;
                }
                stats.events += 1;
                if !e.eid.is_empty() {
                    let unit = units
                        .entry((id.clone(), e.eid.clone()))
                        .or_insert_with(|| (0, None, e.label.clone()));
                    unit.0 += 1;
                    unit.1 = unit.1.max(e.date);
                }
                let by = amending
                    .entry(e.key.clone())
                    .or_insert_with(|| (e.cite.clone(), e.signed, BTreeSet::new(), 0));
                by.2.insert(id.clone());
                by.3 += 1;
            }
        }
        stats.amended_units = units.len();
        stats.amending_acts = amending.len();
        let mut ranked: Vec<_> = units.into_iter().collect();
        // Most events first; the map's order (act, eid) breaks ties.
        ranked.sort_by_key(|u| std::cmp::Reverse(u.1 .0));
        for ((act, eid), (events, last, label)) in ranked.into_iter().take(limit) {
            let lang = facts.get(act.as_str()).map(|f| f.lang);
            let citation = match self.unit_in(&act, &eid, lang) {
                Ok(view) => view.citation,
                Err(crate::Error::UnknownUnit { .. }) => {
                    format!("{} · {label}", self.act_in(&act, lang)?.short_name())
                }
                Err(e) => return Err(e),
            };
            stats.most_amended_units.push(AmendedUnit {
                act,
                eid,
                citation,
                events,
                last,
                permalink: None,
            });
        }
        let mut ranked: Vec<_> = amending.into_iter().collect();
        ranked.sort_by(|a, b| {
            (b.1 .2.len(), b.1 .3, b.1 .1)
                .cmp(&(a.1 .2.len(), a.1 .3, a.1 .1))
                .then_with(|| a.0.cmp(&b.0))
        });
        stats.top_amending_acts = ranked
            .into_iter()
            .take(limit)
            .map(
                |(key, (amending_act, signed, acts, events))| AmendingActCount {
                    amending_act,
                    key,
                    signed,
                    acts: acts.len(),
                    events,
                    act_ids: acts.into_iter().collect(),
                },
            )
            .collect();
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::SCANS;
    use crate::{BuildOptions, ZanIndex};
    use std::path::PathBuf;
    use std::sync::atomic::Ordering;

    /// Every act is read once per commit: a second call, with the same or other arguments,
    /// counts from what the first kept; after a refresh the new commit is read again, and
    /// its counts are the new corpus's.
    #[test]
    fn the_acts_are_read_once_per_commit() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let corpus = tmp.path().join("corpus");
        std::fs::create_dir_all(&corpus).expect("corpus");
        let bundled = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&bundled)
            .expect("bundled corpus")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        for f in &files {
            std::fs::copy(f, corpus.join(f.file_name().expect("name"))).expect("copy");
        }
        let dir = tmp.path().join("index");
        let opts = BuildOptions::default();
        let (index, _) = ZanIndex::open_or_build(&corpus, &dir, &opts).expect("index");
        let before = SCANS.load(Ordering::SeqCst);
        let first = index.corpus_stats(None, 3).expect("stats");
        assert_eq!(first.acts, 5);
        assert_eq!(index.corpus_stats(None, 3).expect("stats"), first);
        let since = chrono::NaiveDate::from_ymd_opt(2020, 1, 1);
        let late = index.corpus_stats(since, 10).expect("stats");
        assert!(late.events <= first.events, "{late:?}");
        assert_eq!(SCANS.load(Ordering::SeqCst) - before, 1);
        // A new commit, without the first file: read again, four acts.
        std::fs::remove_file(corpus.join(files[0].file_name().expect("name"))).expect("remove");
        let (index, report) = ZanIndex::open_or_build(&corpus, &dir, &opts).expect("refresh");
        assert_eq!(report.removed.len(), 1, "{report:?}");
        assert_eq!(index.corpus_stats(None, 3).expect("stats").acts, 4);
        assert_eq!(SCANS.load(Ordering::SeqCst) - before, 2);
    }
}
