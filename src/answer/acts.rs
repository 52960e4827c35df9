//! The list of acts: what `zanlex acts --json` prints and `GET /v1/acts` sends.

use crate::model::{Act, ActKind, Issuance, Lang, Registration, Source, Status, Unit};
use crate::ZanIndex;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The acts of an index, and the files it does not hold.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct ActList {
    /// One entry per act id, ordered by the source file of its first expression, then id:
    /// all of them, or one page ([`crate::ZanIndex::act_list_page`]).
    pub acts: Vec<ActEntry>,
    /// How many acts the index holds (more than `acts` on a page).
    pub total: usize,
    /// How many acts come before this page in the order of `acts`.
    pub offset: usize,
    /// The corpus files the index does not hold, with why.
    pub failures: Vec<Failure>,
}

/// A corpus file the index does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct ActEntry {
    /// The first expression.
    #[serde(flatten)]
    #[cfg_attr(feature = "openapi", schema(inline))]
    pub first: ActSummary,
    /// Every expression, Kazakh first.
    pub expressions: Vec<ActSummary>,
}

/// The facts of one expression of an act.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// What a summary reads of a stored act: the fields of [`Act`] it prints, under the same
/// names, and of the unit tree only each unit's kind. The rest of the stored act (editions,
/// amendments, references, notes) is skipped unread.
#[derive(serde::Deserialize)]
struct StoredHead {
    id: String,
    title: String,
    kind: ActKind,
    issuances: Vec<Issuance>,
    registration: Option<Registration>,
    status: Status,
    languages: Vec<String>,
    #[serde(default)]
    lang: Lang,
    #[serde(default)]
    code: Option<String>,
    source: Source,
    publication_date: Option<NaiveDate>,
    version_date: Option<NaiveDate>,
    units: Vec<UnitKinds>,
}

/// A unit of [`StoredHead`]: its kind and its children.
#[derive(serde::Deserialize)]
struct UnitKinds {
    kind: crate::UnitKind,
    children: Vec<UnitKinds>,
}

impl UnitKinds {
    fn count(&self, counts: &mut BTreeMap<String, usize>) {
        *counts.entry(self.kind.as_str().to_string()).or_insert(0) += 1;
        for c in &self.children {
            c.count(counts);
        }
    }
}

impl ActSummary {
    /// The summary of an act from its stored JSON, reading only what the summary prints.
    fn from_stored(json: &str) -> serde_json::Result<Self> {
        let head: StoredHead = serde_json::from_str(json)?;
        let mut unit_counts = BTreeMap::new();
        for u in &head.units {
            u.count(&mut unit_counts);
        }
        let number = head
            .issuances
            .iter()
            .filter_map(|i| i.number.as_deref())
            .collect::<Vec<_>>()
            .join(" / ");
        Ok(ActSummary {
            date: head.issuances.iter().find_map(|i| i.date),
            number,
            unit_count: unit_counts.values().sum(),
            unit_counts,
            id: head.id,
            code: head.code,
            title: head.title,
            kind: head.kind,
            issuances: head.issuances,
            registration: head.registration,
            status: head.status,
            languages: head.languages,
            source: head.source,
            publication_date: head.publication_date,
            version_date: head.version_date,
            lang: head.lang,
        })
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
    /// index does not hold, as [`crate::RefreshReport::failures`] gives them). Each act
    /// document is read once, in store order, for its summary alone: neither the units'
    /// texts nor the editions' unit trees are read.
    pub fn act_list(&self, failures: &[(String, String)]) -> crate::Result<ActList> {
        let mut by_id: HashMap<String, Vec<ActSummary>> = HashMap::new();
        self.store().for_each_act_json(|json| {
            let summary = ActSummary::from_stored(json).map_err(|e| self.store().unreadable(e))?;
            by_id.entry(summary.id.clone()).or_default().push(summary);
            Ok(())
        })?;
        let mut acts: Vec<ActEntry> = by_id
            .into_values()
            .filter_map(|mut expressions| {
                expressions
                    .sort_by(|a, b| a.lang.cmp(&b.lang).then(a.source.file.cmp(&b.source.file)));
                let first = expressions.first()?.clone();
                Some(ActEntry { first, expressions })
            })
            .collect();
        acts.sort_by(|a, b| {
            (&a.first.source.file, &a.first.id).cmp(&(&b.first.source.file, &b.first.id))
        });
        Ok(ActList {
            total: acts.len(),
            acts,
            offset: 0,
            failures: failures_of(failures),
        })
    }

    /// One page of [`ZanIndex::act_list`]: the `limit` acts after the first `offset`, with
    /// how many there are in all. Only the page's acts are summarized, so a page of a large
    /// index costs the page, not the index.
    ///
    /// ```no_run
    /// # fn main() -> zanlex::Result<()> {
    /// let index = zanlex::ZanIndex::open("index")?;
    /// let page = index.act_list_page(&[], 0, 50)?;
    /// assert!(page.acts.len() <= 50 && page.total >= page.acts.len());
    /// # Ok(()) }
    /// ```
    pub fn act_list_page(
        &self,
        failures: &[(String, String)],
        offset: usize,
        limit: usize,
    ) -> crate::Result<ActList> {
        // The order of `ZanIndex::acts`: by source file (the first expression's: Kazakh
        // first, then by file), then id. One pass over stored fields keeps each id's key.
        let mut first_file: HashMap<String, (Lang, String)> = HashMap::new();
        self.store().for_each_expression_file(|id, lang, file| {
            let key = (lang, file.to_string());
            first_file
                .entry(id.to_string())
                .and_modify(|k| {
                    if key < *k {
                        *k = key.clone();
                    }
                })
                .or_insert(key);
        })?;
        let mut order: Vec<(String, String)> = first_file
            .into_iter()
            .map(|(id, (_, file))| (file, id))
            .collect();
        order.sort();
        let total = order.len();
        let mut acts = Vec::new();
        for (_, id) in order.into_iter().skip(offset).take(limit) {
            // A summary counts units but prints no text: outlines, not every unit read back.
            let mut expressions: Vec<ActSummary> = self
                .store()
                .act_outlines(&id)?
                .iter()
                .map(ActSummary::of)
                .collect();
            expressions.sort_by(|a, b| a.lang.cmp(&b.lang).then(a.source.file.cmp(&b.source.file)));
            if let Some(first) = expressions.first().cloned() {
                acts.push(ActEntry { first, expressions });
            }
        }
        Ok(ActList {
            acts,
            total,
            offset,
            failures: failures_of(failures),
        })
    }
}

fn failures_of(failures: &[(String, String)]) -> Vec<Failure> {
    failures
        .iter()
        .map(|(file, reason)| Failure {
            file: file.clone(),
            reason: reason.clone(),
        })
        .collect()
}
