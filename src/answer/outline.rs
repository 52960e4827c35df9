//! An act with its outline (`GET /v1/acts/{id}`) and an act's unit tree (`zanlex units
//! --json`).

use super::acts::unit_counts;
use super::pages::page_act_texts;
use crate::model::{
    Act, ActKind, ActVersion, Issuance, Lang, Registration, Source, Status, TextTable, TimeState,
    Unit, UnitKind,
};
use crate::ZanIndex;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// An act's metadata, editions and unit tree (eids, labels, headings; texts when asked).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Act))]
#[non_exhaustive]
pub struct ActOutline {
    /// The act's id.
    pub id: String,
    /// The title.
    pub title: String,
    /// The act's short citation (kind, date and number).
    pub citation: String,
    /// The act's kind.
    pub kind: ActKind,
    /// The language of this expression.
    pub lang: Lang,
    /// The languages the act has, Kazakh first.
    pub expressions: Vec<Lang>,
    /// The code's short name, for a code.
    pub code: Option<String>,
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
    /// The text's address on the official database, when the corpus gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_url: Option<String>,
    /// When it was published.
    pub publication_date: Option<NaiveDate>,
    /// The date of the edition the text is.
    pub version_date: Option<NaiveDate>,
    /// The older editions the index holds (without their texts).
    pub versions: Vec<EditionSummary>,
    /// The unit tree.
    pub units: Vec<OutlineUnit>,
    /// The date the act is read on ([`ZanIndex::act_outline_on`]): each unit's text is then
    /// its wording in force that day by the point-in-time rule, with its state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// The act this act repealed and replaced, when the corpus says so
    /// ([`ZanIndex::succession`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaces: Option<crate::ActLink>,
    /// The act that repealed and replaced this act, when the corpus says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<crate::ActLink>,
    /// The act's state on the date it is read (today when no date is asked) when it is not
    /// simply in force: repealed, not yet adopted, not yet in force, no longer in its source,
    /// as the time rule answers for every unit of it. What a reader must see before the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<TimeState>,
    /// `state` in words, in the text's language (`13.08.2024 бастап күші жойылған`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_text: Option<String>,
    /// The act that repealed it, as its repeal requisite names it, with its id when the corpus
    /// holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repealed_by: Option<crate::ActLink>,
    /// Set when the answer holds some of the act's units only, to stay within its size
    /// ([`crate::pages::act_page`] with texts: the units from the `offset` asked, each with
    /// its text): the place, in document order, of the first unit not sent, to ask as the
    /// next `offset`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_offset: Option<usize>,
    /// Set with `next_offset`: which units are sent, and how to get the rest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cut: Option<String>,
}

/// An edition of an act: its id and when it was in force, `[from, to)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct EditionSummary {
    /// The edition's id.
    pub id: String,
    /// In force from (open when `None`).
    pub from: Option<NaiveDate>,
    /// In force until, exclusive (open when `None`).
    pub to: Option<NaiveDate>,
    /// The source file of its text.
    pub source: String,
}

impl EditionSummary {
    /// The summary of edition `v`.
    pub fn of(v: &ActVersion) -> Self {
        EditionSummary {
            id: v.id.clone(),
            from: v.from,
            to: v.to,
            source: v.source.file.clone(),
        }
    }
}

/// A unit of an outline, with its children.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct OutlineUnit {
    /// The unit's eid.
    pub eid: String,
    /// The unit's kind.
    pub kind: UnitKind,
    /// Its number as printed.
    pub num: Option<String>,
    /// Its label (`3-тармақ`).
    pub label: String,
    /// Its heading, when it has one.
    pub heading: Option<String>,
    /// On a page of an act's texts that begins inside a unit (an `offset` past the unit's
    /// place), the eid of the unit holding this one, sent on an earlier page; `None` for a
    /// top-level unit and for a unit sent with the unit holding it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// `live`, `deleted` or `pending`.
    pub status: String,
    /// The units inside it.
    // A reference to the schema itself, not its expansion, which would never end.
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<OutlineUnit>,
    /// Its own text, when the outline was asked with texts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Byte ranges of `text` a search's words match, when the outline was asked with texts
    /// and a query ([`ActOutline::mark`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<[usize; 2]>,
    /// The amendment notes printed under the unit (`Ескерту. …`, `Сноска. …`), when the
    /// outline was asked with texts: kept apart from the law's own words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// For an act read on a date: the unit's state that day (in force, deleted since,
    /// not yet in the act, not in the corpus, …); its text is then the wording in force, or
    /// empty where the corpus has none for that day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<TimeState>,
    /// The state in words in the text's language (`25.04.2023 күні қолданыста`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_text: Option<String>,
    /// For an act read on a date: the edition the wording comes from (its id, `current` for
    /// the newest), `None` where no wording is shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// The byte offset in `text` where the words printed after the children begin (a
    /// paragraph's closing words after its list), when the outline was asked with texts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closing_at: Option<usize>,
    /// The tables printed in `text`, with the byte ranges their cells' lines take, when the
    /// outline was asked with texts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<TextTable>,
}

impl OutlineUnit {
    fn of(u: &Unit, act: &Act, texts: bool) -> Self {
        OutlineUnit {
            children: u.children.iter().map(|c| Self::of(c, act, texts)).collect(),
            ..Self::own(u, act, texts)
        }
    }

    /// Unit `u` of `act` without the units inside it, with its own text when `texts`.
    pub(super) fn own(u: &Unit, act: &Act, texts: bool) -> Self {
        OutlineUnit {
            eid: u.eid.clone(),
            kind: u.kind,
            num: u.num.clone(),
            label: u.number_label(act.kind, act.lang),
            heading: u.heading.clone(),
            parent: None,
            status: u.status.as_str().to_string(),
            children: Vec::new(),
            text: texts.then(|| u.text.clone()),
            highlights: Vec::new(),
            notes: if texts {
                u.notes.iter().map(|n| n.text.clone()).collect()
            } else {
                Vec::new()
            },
            state: None,
            state_text: None,
            edition: None,
            closing_at: u.closing_at.filter(|_| texts),
            tables: if texts { u.tables.clone() } else { Vec::new() },
        }
    }

    /// Puts in this unit and the units inside it their wording's heading and edition on
    /// `date` by the point-in-time rule, with their states, and their texts too when `texts`;
    /// a unit with no wording that day keeps its number and heading and has an empty text.
    /// Says whether the unit was in the act that day: not when the rule answers that it was
    /// not yet inserted, or no longer printed (a unit only an older edition prints, after that
    /// edition's wording ended); such units inside it are dropped.
    fn read_on(
        &mut self,
        timeline: &crate::amend::time::ActTimeline,
        date: NaiveDate,
        lang: Lang,
        texts: bool,
    ) -> bool {
        let (answer, shown) = wording_on(timeline, &self.eid, date);
        if answer.piece.is_none()
            && matches!(
                answer.state,
                TimeState::NotYetInserted { .. } | TimeState::Deleted { .. }
            )
        {
            return false;
        }
        let last = timeline.editions().len().saturating_sub(1);
        match shown {
            Some((k, unit)) => {
                self.heading.clone_from(&unit.heading);
                self.edition = Some(if k == last {
                    "current".to_string()
                } else {
                    timeline.editions()[k].id.clone()
                });
            }
            None => self.edition = None,
        }
        if texts {
            self.put_wording(shown.map(|(_, unit)| unit));
        }
        self.state_text = Some(answer.state.describe(Some(date), Some(lang)));
        self.state = Some(answer.state);
        self.children
            .retain_mut(|child| child.read_on(timeline, date, lang, texts));
        true
    }

    /// Puts in this unit the text, notes, closing words and tables of `unit`, its wording
    /// shown on a date: an empty text with none of them where no wording is shown.
    fn put_wording(&mut self, unit: Option<&Unit>) {
        match unit {
            Some(unit) => {
                self.text = Some(unit.text.clone());
                self.notes = unit.notes.iter().map(|n| n.text.clone()).collect();
                self.closing_at = unit.closing_at;
                self.tables.clone_from(&unit.tables);
            }
            None => {
                self.text = Some(String::new());
                self.notes.clear();
                self.closing_at = None;
                self.tables.clear();
            }
        }
    }

    /// This unit with its state on `date` when the point-in-time rule says it stopped
    /// applying (expired), is suspended that day, or has a wording whose day another act sets
    /// (not known to be in force); its text and other fields as they are.
    fn stopped_on(
        mut self,
        timeline: &crate::amend::time::ActTimeline,
        date: NaiveDate,
        lang: Lang,
    ) -> Self {
        let (answer, _) = wording_on(timeline, &self.eid, date);
        if matches!(
            answer.state,
            TimeState::Expired { .. }
                | TimeState::Suspended { .. }
                | TimeState::AwaitingOtherAct { .. }
        ) {
            self.state_text = Some(answer.state.describe(Some(date), Some(lang)));
            self.state = Some(answer.state);
        }
        self
    }

    /// This unit, read on `date` without texts ([`OutlineUnit::read_on`]), without the units
    /// inside it and with its text that day: what it is on a page of the act's texts on
    /// that day.
    fn own_on(&self, timeline: &crate::amend::time::ActTimeline, date: NaiveDate) -> Self {
        let mut own = self.without_children();
        let (_, shown) = wording_on(timeline, &self.eid, date);
        own.put_wording(shown.map(|(_, unit)| unit));
        own
    }

    /// This unit without the units inside it.
    pub(super) fn without_children(&self) -> Self {
        OutlineUnit {
            eid: self.eid.clone(),
            kind: self.kind,
            num: self.num.clone(),
            label: self.label.clone(),
            heading: self.heading.clone(),
            parent: self.parent.clone(),
            status: self.status.clone(),
            children: Vec::new(),
            text: self.text.clone(),
            highlights: self.highlights.clone(),
            notes: self.notes.clone(),
            state: self.state.clone(),
            state_text: self.state_text.clone(),
            edition: self.edition.clone(),
            closing_at: self.closing_at,
            tables: self.tables.clone(),
        }
    }

    /// The unit with eid `eid`, this one or one inside it.
    fn find_mut(&mut self, eid: &str) -> Option<&mut OutlineUnit> {
        if self.eid == eid {
            return Some(self);
        }
        self.children.iter_mut().find_map(|c| c.find_mut(eid))
    }
}

/// What the point-in-time rule answers for unit `eid` on `date`, and the wording it shows
/// that day, with the index of the edition printing it (`None` where none is shown).
fn wording_on<'a>(
    timeline: &crate::amend::time::ActTimeline<'a>,
    eid: &str,
    date: NaiveDate,
) -> (crate::amend::time::Answer, Option<(usize, &'a Unit)>) {
    let unit_time = timeline.unit(eid);
    let answer = unit_time.at(Some(date));
    let shown = answer
        .piece
        .filter(|_| answer.state.has_wording())
        .and_then(|i| Some((unit_time.pieces()[i].edition, unit_time.unit(i)?)));
    (answer, shown)
}

/// The units of `act` on `date` ([`all_editions_tree`], each read on that day by
/// [`OutlineUnit::read_on`]), with their texts when `texts`.
fn tree_on(
    act: &Act,
    timeline: &crate::amend::time::ActTimeline,
    date: NaiveDate,
    texts: bool,
) -> Vec<OutlineUnit> {
    let mut units = all_editions_tree(act, timeline);
    units.retain_mut(|unit| unit.read_on(timeline, date, act.lang, texts));
    units
}

/// The units of every edition of `act` as one tree, without their texts (each unit's wording
/// on a date is put in by [`OutlineUnit::read_on`], so that a large act's text is never held
/// twice): the newest edition's, and each unit only older editions print (removed, or
/// renumbered away) from the newest edition printing it, placed among its siblings after the
/// one it follows there (first when it follows none the tree has).
fn all_editions_tree(act: &Act, timeline: &crate::amend::time::ActTimeline) -> Vec<OutlineUnit> {
    let mut tree: Vec<OutlineUnit> = act
        .units
        .iter()
        .map(|u| OutlineUnit::of(u, act, false))
        .collect();
    let mut seen: HashSet<String> = act.all_units().into_iter().map(|u| u.eid.clone()).collect();
    for edition in timeline.editions().iter().rev() {
        place_missing(edition.units, None, act, &mut tree, &mut seen);
    }
    tree
}

/// Puts in `tree` each unit of `units` (the units of one edition inside the unit `parent`,
/// `None` for the top level) and inside them that `seen` lacks, as [`all_editions_tree`]
/// places them.
fn place_missing(
    units: &[Unit],
    parent: Option<&str>,
    act: &Act,
    tree: &mut Vec<OutlineUnit>,
    seen: &mut HashSet<String>,
) {
    for (i, u) in units.iter().enumerate() {
        if seen.contains(&u.eid) {
            place_missing(&u.children, Some(&u.eid), act, tree, seen);
            continue;
        }
        let siblings = match parent {
            None => Some(&mut *tree),
            Some(p) => tree
                .iter_mut()
                .find_map(|t| t.find_mut(p))
                .map(|t| &mut t.children),
        };
        // A parent the tree lacks was placed with its units before this one.
        let Some(siblings) = siblings else { continue };
        let after = units[..i]
            .iter()
            .rev()
            .find_map(|b| siblings.iter().position(|s| s.eid == b.eid));
        let at = after.map_or(0, |k| k + 1);
        siblings.insert(at, OutlineUnit::of(u, act, false));
        for inner in u.walk() {
            seen.insert(inner.eid.clone());
        }
    }
}

impl ActOutline {
    /// The outline without its units' texts, highlights, notes and tables (their numbers,
    /// headings, states and editions kept): the outline of an act read on a date, as light as
    /// one asked without texts.
    pub fn without_texts(mut self) -> Self {
        fn strip(units: &mut [OutlineUnit]) {
            for u in units {
                u.text = None;
                u.highlights.clear();
                u.notes.clear();
                u.closing_at = None;
                u.tables.clear();
                strip(&mut u.children);
            }
        }
        strip(&mut self.units);
        self
    }

    /// Marks in each unit's text what a search for `query` marks in its hits (an outline
    /// asked without texts has none to mark).
    pub fn mark(&mut self, index: &ZanIndex, query: &str) -> crate::Result<()> {
        fn texts<'a>(units: &'a [OutlineUnit], out: &mut Vec<&'a str>) {
            for u in units {
                out.push(u.text.as_deref().unwrap_or(""));
                texts(&u.children, out);
            }
        }
        fn give(units: &mut [OutlineUnit], spans: &mut std::vec::IntoIter<Vec<[usize; 2]>>) {
            for u in units {
                u.highlights = spans.next().unwrap_or_default();
                give(&mut u.children, spans);
            }
        }
        let mut all = Vec::new();
        texts(&self.units, &mut all);
        let spans = index.highlights(query, &all)?;
        give(&mut self.units, &mut spans.into_iter());
        Ok(())
    }

    /// The outline of `act`, one of whose languages are `expressions`; each unit's own text
    /// too when `texts`.
    pub fn of(act: &Act, expressions: Vec<Lang>, texts: bool) -> Self {
        ActOutline {
            units: act
                .units
                .iter()
                .map(|u| OutlineUnit::of(u, act, texts))
                .collect(),
            ..Self::head(act, expressions)
        }
    }

    /// The outline of `act` without its units.
    fn head(act: &Act, expressions: Vec<Lang>) -> Self {
        ActOutline {
            id: act.id.clone(),
            title: act.title.clone(),
            citation: act.short_name(),
            kind: act.kind,
            lang: act.lang,
            expressions,
            code: act.code.clone(),
            issuances: act.issuances.clone(),
            registration: act.registration.clone(),
            status: act.status.clone(),
            languages: act.languages.clone(),
            source: act.source.clone(),
            official_url: act.official_url.clone(),
            publication_date: act.publication_date,
            version_date: act.version_date,
            versions: act.versions.iter().map(EditionSummary::of).collect(),
            units: Vec::new(),
            as_of: None,
            replaces: None,
            replaced_by: None,
            state: None,
            state_text: None,
            repealed_by: None,
            next_offset: None,
            cut: None,
        }
    }

    /// Sets [`ActOutline::state`] to the state of `act` on `date` by the time rule, the edge
    /// all its units share ([`crate::amend::diff`]'s reading of an act-wide state).
    fn read_state(
        &mut self,
        timeline: &crate::amend::time::ActTimeline,
        act: &Act,
        date: NaiveDate,
    ) {
        let answers = crate::amend::time::units_at(timeline, Some(date));
        let state = crate::amend::diff::act_state(answers.iter().map(|(_, a)| &a.state));
        self.state_text = state
            .as_ref()
            .map(|s| s.describe(Some(date), Some(act.lang)));
        self.state = state;
    }
}

/// An act's whole unit tree, as the index stores it, with where its languages' structures
/// disagree.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct UnitTree {
    /// The act.
    pub act: TreeAct,
    /// How many units the text has.
    pub unit_count: usize,
    /// Its units counted by kind.
    pub unit_counts: BTreeMap<String, usize>,
    /// The eids only one of the act's two languages has (`None` when it has one language).
    pub unmatched: Option<Unmatched>,
    /// The units, with their texts, notes and children.
    pub units: Vec<Unit>,
}

/// The act of a [`UnitTree`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct TreeAct {
    /// The act's id.
    pub id: String,
    /// The title.
    pub title: String,
    /// The act's kind.
    pub kind: ActKind,
    /// The language of the text.
    pub lang: Lang,
    /// The source file.
    pub source: Source,
    /// The date of the edition the text is.
    pub version_date: Option<NaiveDate>,
}

/// Where an act's Kazakh and Russian structures disagree (said, not guessed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct Unmatched {
    /// The other language.
    pub other_lang: Lang,
    /// The eids of this text the other lacks.
    pub only_here: Vec<String>,
    /// The eids of the other text this one lacks.
    pub only_in_other: Vec<String>,
}

impl Unmatched {
    /// The eids `act` has and `other` lacks, and the other way round.
    pub fn of(act: &Act, other: &Act) -> Self {
        let eids =
            |a: &Act| -> Vec<String> { a.all_units().into_iter().map(|u| u.eid.clone()).collect() };
        let (here, there) = (eids(act), eids(other));
        let there_set: HashSet<&str> = there.iter().map(String::as_str).collect();
        let here_set: HashSet<&str> = here.iter().map(String::as_str).collect();
        Unmatched {
            other_lang: other.lang,
            only_here: here
                .iter()
                .filter(|e| !there_set.contains(e.as_str()))
                .cloned()
                .collect(),
            only_in_other: there
                .iter()
                .filter(|e| !here_set.contains(e.as_str()))
                .cloned()
                .collect(),
        }
    }
}

impl ZanIndex {
    /// Act `id` in `lang` (Kazakh when it has it, for `None`) as an outline: metadata,
    /// editions and the unit tree with eids, labels and headings, each unit's own text too
    /// when `texts`.
    pub fn act_outline(
        &self,
        id: &str,
        lang: Option<Lang>,
        texts: bool,
    ) -> crate::Result<ActOutline> {
        self.outline_with_state(id, lang, texts, true)
    }

    /// [`ZanIndex::act_outline`], with today's state when `today`.
    fn outline_with_state(
        &self,
        id: &str,
        lang: Option<Lang>,
        texts: bool,
        today: bool,
    ) -> crate::Result<ActOutline> {
        let (mut outline, act) = self.outline_head(id, lang, today)?;
        outline.units = act
            .units
            .iter()
            .map(|u| OutlineUnit::of(u, &act, texts))
            .collect();
        Ok(outline)
    }

    /// Act `id`'s outline in `lang` ([`ZanIndex::act_outline`]) without its units, with
    /// today's state when `today`, and the act it is the outline of.
    fn outline_head(
        &self,
        id: &str,
        lang: Option<Lang>,
        today: bool,
    ) -> crate::Result<(ActOutline, Act)> {
        let mut all = self.expressions(id)?;
        let langs: Vec<Lang> = all.iter().map(|a| a.lang).collect();
        let chosen = match lang {
            None => (!all.is_empty()).then_some(0),
            Some(l) => all.iter().position(|a| a.lang == l),
        };
        let Some(chosen) = chosen else {
            // The not-found error naming the nearest ids, or the languages the act has.
            self.act_in(id, lang)?;
            return Err(crate::Error::NotFound(format!("no act with id {id:?}")));
        };
        let succession = self.succession_of(id, &all)?;
        let repealed_by = self.repealed_by(&all)?;
        let act = all.swap_remove(chosen);
        let mut outline = ActOutline::head(&act, langs);
        outline.replaces = succession.replaces;
        outline.replaced_by = succession.replaced_by;
        outline.repealed_by = repealed_by;
        // Today's state: a repealed act's text is its last wording, never the text in force.
        if today {
            let timeline = crate::amend::time::ActTimeline::new(&act);
            outline.read_state(&timeline, &act, chrono::Local::now().date_naive());
        }
        Ok((outline, act))
    }

    /// Act `id` in `lang` as [`ZanIndex::act_outline`] gives it with texts, read on `date`:
    /// the units the act had that day, each with its wording in force then by the
    /// point-in-time rule (the one `show --as-of` gives), its state in words and the edition
    /// it comes from. A unit only an older edition prints (removed or renumbered since) is
    /// listed on the dates its wording was in force, where that edition had it; a unit not
    /// yet inserted, or no longer printed, on `date` is not listed.
    ///
    /// ```no_run
    /// # fn main() -> zanlex::Result<()> {
    /// let index = zanlex::ZanIndex::open("index")?;
    /// let date = chrono::NaiveDate::from_ymd_opt(2023, 4, 25).unwrap();
    /// let act = index.act_outline_on("constitutional-law-1995-12-18-2688", None, date)?;
    /// for u in &act.units {
    ///     println!("{}: {}", u.label, u.state_text.as_deref().unwrap_or(""));
    /// }
    /// # Ok(()) }
    /// ```
    pub fn act_outline_on(
        &self,
        id: &str,
        lang: Option<Lang>,
        date: NaiveDate,
    ) -> crate::Result<ActOutline> {
        self.outline_on(id, lang, date, true)
    }

    /// [`ZanIndex::act_outline_on`], with its units' texts when `texts` (their headings,
    /// states and editions that day either way).
    pub(super) fn outline_on(
        &self,
        id: &str,
        lang: Option<Lang>,
        date: NaiveDate,
        texts: bool,
    ) -> crate::Result<ActOutline> {
        let (mut outline, act) = self.outline_head(id, lang, false)?;
        let timeline = crate::amend::time::ActTimeline::new(&act);
        outline.units = tree_on(&act, &timeline, date, texts);
        outline.read_state(&timeline, &act, date);
        outline.as_of = Some(date);
        Ok(outline)
    }

    /// A page of act `id`'s outline and texts in `lang`, today's or read on `as_of`
    /// ([`ZanIndex::act_outline`], [`ZanIndex::act_outline_on`]), as
    /// [`super::pages::page_act_texts`] cuts it: the outline entries and texts of the units
    /// on the page alone are made, whatever the act's size.
    pub(super) fn act_texts_page(
        &self,
        id: &str,
        (lang, as_of): (Option<Lang>, Option<NaiveDate>),
        (offset, max_chars): (usize, usize),
        mark: Option<&str>,
    ) -> crate::Result<ActOutline> {
        let mark = mark.map(|words| (self, words));
        let Some(date) = as_of else {
            let (mut outline, act) = self.outline_head(id, lang, true)?;
            // Today's text is the latest wording of every unit; one that stopped applying or
            // is suspended today says so beside it, as `show` says it of the unit alone. Only a
            // unit under an expiry or a suspension can: the others are not read on the
            // timeline, and an act with none builds none.
            let today = chrono::Local::now().date_naive();
            let lapsing = crate::amend::time::lapsing(&act);
            let timeline =
                (!lapsing.is_empty()).then(|| crate::amend::time::ActTimeline::new(&act));
            let own = |u: &Unit| {
                let unit = OutlineUnit::own(u, &act, true);
                match &timeline {
                    Some(t) if crate::amend::time::under_lapse(&lapsing, &u.eid) => {
                        unit.stopped_on(t, today, act.lang)
                    }
                    _ => unit,
                }
            };
            page_act_texts(&mut outline, &act.units, own, offset, max_chars, mark)?;
            return Ok(outline);
        };
        let (mut outline, act) = self.outline_head(id, lang, false)?;
        let timeline = crate::amend::time::ActTimeline::new(&act);
        let units = tree_on(&act, &timeline, date, false);
        outline.read_state(&timeline, &act, date);
        outline.as_of = Some(date);
        let own = |u: &OutlineUnit| u.own_on(&timeline, date);
        page_act_texts(&mut outline, &units, own, offset, max_chars, mark)?;
        Ok(outline)
    }

    /// Act `id`'s unit tree in `lang` (see [`ZanIndex::act_in`]), with the eids its other
    /// language's text lacks or has alone.
    pub fn unit_tree(&self, id: &str, lang: Option<Lang>) -> crate::Result<UnitTree> {
        let act = self.act_in(id, lang)?;
        let other = self
            .expressions(&act.id)?
            .into_iter()
            .find(|a| a.lang != act.lang);
        Ok(UnitTree {
            act: TreeAct {
                id: act.id.clone(),
                title: act.title.clone(),
                kind: act.kind,
                lang: act.lang,
                source: act.source.clone(),
                version_date: act.version_date,
            },
            unit_count: act.all_units().len(),
            unit_counts: unit_counts(&act.units),
            unmatched: other.map(|o| Unmatched::of(&act, &o)),
            units: act.units,
        })
    }
}
