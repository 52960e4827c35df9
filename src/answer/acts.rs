//! The list of acts: what `zanlex acts --json` prints and `GET /v1/acts` sends.

use crate::model::{Act, ActKind, Issuance, Lang, Registration, Source, Status, Unit};
use crate::ZanIndex;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The acts of an index, and the files it does not hold.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ActList {
    /// One entry per act id, ordered by the source file of its first expression, then id.
    pub acts: Vec<ActEntry>,
    /// The corpus files the index does not hold, with why.
    pub failures: Vec<Failure>,
}

/// A corpus file the index does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Failure {
    /// The file, relative to the corpus folder's parent.
    pub file: String,
    /// Why it is not indexed.
    pub reason: String,
}

/// One act of the list: its first expression's facts (Kazakh when it has one), and every
/// expression's, one per language.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ActEntry {
    /// The first expression.
    #[serde(flatten)]
    pub first: ActSummary,
    /// Every expression, Kazakh first.
    pub expressions: Vec<ActSummary>,
}

/// The facts of one expression of an act.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ActSummary {
    /// The act's id.
    pub id: String,
    /// The code's short name, for a code.
    pub code: Option<String>,
    /// The title.
    pub title: String,
    /// The act's kind.
    pub kind: ActKind,
    /// The act's date.
    pub date: Option<NaiveDate>,
    /// Numbers of all issuances joined with ` / `.
    pub number: String,
    /// Who issued it, with what number and on what date.
    pub issuances: Vec<Issuance>,
    /// Its registration with the Ministry of Justice.
    pub registration: Option<Registration>,
    /// In force, repealed or unknown.
    pub status: Status,
    /// The languages met in the text.
    pub languages: Vec<String>,
    /// The source file.
    pub source: Source,
    /// When it was published.
    pub publication_date: Option<NaiveDate>,
    /// The date of the edition the text is.
    pub version_date: Option<NaiveDate>,
    /// How many units the text has.
    pub unit_count: usize,
    /// Its units counted by kind (`paragraph` → 27).
    pub unit_counts: BTreeMap<String, usize>,
    /// The language of this expression.
    pub lang: Lang,
}

impl ActSummary {
    /// The facts of `act`.
    pub fn of(act: &Act) -> Self {
        ActSummary {
            id: act.id.clone(),
            code: act.code.clone(),
            title: act.title.clone(),
            kind: act.kind,
            date: act.date(),
            number: act.number(),
            issuances: act.issuances.clone(),
            registration: act.registration.clone(),
            status: act.status.clone(),
            languages: act.languages.clone(),
            source: act.source.clone(),
            publication_date: act.publication_date,
            version_date: act.version_date,
            unit_count: act.all_units().len(),
            unit_counts: unit_counts(&act.units),
            lang: act.lang,
        }
    }
}

/// Units counted by kind ([`crate::UnitKind::as_str`] → how many), in a fixed order.
pub(crate) fn unit_counts(units: &[Unit]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for u in units.iter().flat_map(|u| u.walk()) {
        *counts.entry(u.kind.as_str().to_string()).or_insert(0) += 1;
    }
    counts
}

impl ZanIndex {
    /// Every act of the index, its expressions together, with `failures` (the files the
    /// index does not hold, as [`crate::RefreshReport::failures`] gives them). Each act is
    /// read as an outline and dropped: a large index's acts are never all in memory.
    pub fn act_list(&self, failures: &[(String, String)]) -> crate::Result<ActList> {
        let mut by_id: HashMap<String, Vec<ActSummary>> = HashMap::new();
        self.for_each_act_outline(|a| {
            by_id
                .entry(a.id.clone())
                .or_default()
                .push(ActSummary::of(&a));
            Ok(())
        })?;
        // The order of `ZanIndex::acts`: by source file (the first expression's), then id.
        let mut entries: Vec<(String, Vec<ActSummary>)> = by_id
            .into_iter()
            .map(|(id, mut exprs)| {
                exprs.sort_by(|a, b| a.lang.cmp(&b.lang).then(a.source.file.cmp(&b.source.file)));
                (id, exprs)
            })
            .collect();
        let file = |e: &[ActSummary]| e.first().map(|x| x.source.file.clone()).unwrap_or_default();
        entries.sort_by(|a, b| file(&a.1).cmp(&file(&b.1)).then(a.0.cmp(&b.0)));
        Ok(ActList {
            acts: entries
                .into_iter()
                .filter_map(|(_, expressions)| {
                    Some(ActEntry {
                        first: expressions.first()?.clone(),
                        expressions,
                    })
                })
                .collect(),
            failures: failures
                .iter()
                .map(|(file, reason)| Failure {
                    file: file.clone(),
                    reason: reason.clone(),
                })
                .collect(),
        })
    }
}
