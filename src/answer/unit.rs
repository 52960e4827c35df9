//! A unit with its text, children, notes and references (`zanlex show ACT#EID --json`,
//! `GET /v1/acts/{id}/units/{eid}`), and the same in both languages side by side
//! (`--parallel`, `parallel=true`).

use crate::model::{
    Act, AmendAction, Amendment, ByLang, EditionRef, Lang, TextTable, TimeState, Unit, UnitKind,
};
use crate::refs::{Resolved, ResolvedReference};
use crate::search::{HitAct, HitSource, HitUnit};
use crate::{UnitAt, ZanIndex};
use chrono::NaiveDate;
use serde::Serialize;

/// A unit in the wording a date asks for, with its citation, children, the amendments that
/// touched it and the references its text makes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Unit))]
#[non_exhaustive]
pub struct UnitAnswer {
    /// The language of the text.
    pub lang: Lang,
    /// The act.
    pub act: HitAct,
    /// The unit.
    pub unit: HitUnit,
    /// Its pinpoint citation.
    pub citation: String,
    /// Its full text, the units inside it included.
    pub text: String,
    /// Byte ranges of `text` a search's words match, when the answer was asked with a query
    /// ([`UnitAnswer::mark`]): what a page marks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<[usize; 2]>,
    /// The tables printed in `text` (an appendix's form), with the byte ranges their cells'
    /// lines take.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<TextTable>,
    /// The words of `text` that cite a unit the corpus holds (the resolved ones among
    /// `references`), with the unit each leads to: what a page makes a link.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<TextLink>,
    /// The units right inside it.
    pub children: Vec<ChildUnit>,
    /// Where the wording shown is in its file.
    pub source: HitSource,
    /// The id of the older edition the wording comes from (`None`: the current text).
    pub version: Option<String>,
    /// The unit's state on the date asked for, by the point-in-time rule: in force, not yet
    /// adopted, before the earliest edition, repealed… (`text` is empty when no wording was in
    /// force).
    pub state: TimeState,
    /// `state` in words, in the text's own language, with dates as Kazakhstan writes them
    /// (`29.04.2023 бастап алып тасталған`, `действует на 25.04.2023`): what a reader of that
    /// column is told when no wording, or a deletion, is shown.
    pub state_text: String,
    /// The language of the act's other text that `state` was read from, when this text's
    /// own words give the unit no such time and its twin's do (the commencement, expiry or
    /// suspension of the unit, or of a unit containing it, that the other text's reader read):
    /// the twins share one reading, and a reader is told which text it rests on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_from: Option<Lang>,
    /// The edition the wording comes from, with the dates it was in force.
    pub edition: Option<EditionRef>,
    /// The date asked for (`None`: today's law).
    #[serde(skip)]
    pub as_of: Option<NaiveDate>,
    /// The amendments that touched the unit, in the act's order.
    pub amendments: Vec<Amendment>,
    /// What the unit's own text refers to, in the wording shown.
    pub references: Vec<ResolvedReference>,
    /// The provision before it in the act: the unit of the same kind just before it in
    /// document order, in the same appendix or both outside any (`None` for the first).
    pub previous: Option<NeighbourUnit>,
    /// The provision after it, likewise (`None` for the last).
    pub next: Option<NeighbourUnit>,
    /// Set when the act asked for was not yet adopted, or not yet in force, on the date and
    /// the answer is read from the act it replaced: `act`, `unit`, `text` and `state` are
    /// then that act's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<crate::ActLink>,
    /// The act that gave the unit the `state` shown, when the corpus names it: for a
    /// repealed act, the repealing act its repeal requisite names (`решением маслихата
    /// Алматинской области от 13 августа 2024 года № 25-125`); for a deleted unit, the act
    /// whose note deleted it; for an expired unit, the act the words of its expiry name
    /// (`ҚР 06.04.2016 № 480-V Заңы`). Its `id` is set when the corpus holds that act (a link).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_by: Option<crate::ActLink>,
    /// For a unit not yet in force on the date asked (`state` `not_yet_in_force`): the
    /// wording the corpus prints for it from the day it takes effect (its `edition.from`),
    /// apart from `text`, which stays empty: no wording is in force on the date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_come: Option<crate::WordingToCome>,
}

/// A resolved reference where it is printed in [`UnitAnswer::text`]: the byte range its words
/// take (`[start, end)`; the references of one list share its range) and the unit it leads to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct TextLink {
    /// The first byte of the words in `text`.
    pub start: usize,
    /// The byte after them.
    pub end: usize,
    /// The unit (or act, `eid` empty) they cite, with its citation.
    pub target: Resolved,
}

/// The resolved `references` of a unit placed in its full text: each one's span in its
/// citing unit's own text moved by `pieces` to where that text is in `text`, kept only where
/// `text` there reads as the reference does (a reference read in another wording is left out).
/// One range leads to one unit: of a list's references sharing a range, the first.
fn text_links(
    text: &str,
    pieces: &[crate::model::TextPiece],
    references: &[ResolvedReference],
) -> Vec<TextLink> {
    let mut links: Vec<TextLink> = Vec::new();
    for r in references {
        let Some(target) = &r.target else { continue };
        let (s, e) = (r.span[0] as usize, r.span[1] as usize);
        let Some([start, end]) = pieces.iter().find_map(|p| p.moved(&r.citing.eid, s, e)) else {
            continue;
        };
        if text.get(start..end) != Some(r.text.as_str()) {
            continue;
        }
        if links.iter().any(|l| l.start < end && start < l.end) {
            continue;
        }
        links.push(TextLink {
            start,
            end,
            target: target.clone(),
        });
    }
    links.sort_by_key(|l| l.start);
    links
}

/// The provision before or after a unit ([`UnitAnswer::previous`], [`UnitAnswer::next`]):
/// its eid and its name in each language of the interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct NeighbourUnit {
    /// The unit's eid.
    pub eid: String,
    /// Its name: `12-баптың 3-тармағы`, `Пункт 3 статьи 12`.
    pub name: crate::UnitInWords,
}

/// The appendix a unit is in (`att_2` of `att_2__para_1`), `""` outside any.
fn appendix(eid: &str) -> &str {
    eid.split("__")
        .next()
        .filter(|first| first.starts_with("att_"))
        .unwrap_or("")
}

/// The units of `kind` just before and just after `eid` in `act`'s document order, in the
/// same appendix (or both outside any).
fn neighbours(
    act: &Act,
    eid: &str,
    kind: UnitKind,
) -> (Option<NeighbourUnit>, Option<NeighbourUnit>) {
    let same: Vec<&Unit> = act
        .all_units()
        .into_iter()
        .filter(|u| u.kind == kind && appendix(&u.eid) == appendix(eid))
        .collect();
    let Some(i) = same.iter().position(|u| u.eid == eid) else {
        return (None, None);
    };
    let at = |j: usize| {
        same.get(j).map(|u| NeighbourUnit {
            eid: u.eid.clone(),
            name: crate::UnitInWords::of(&u.eid),
        })
    };
    (i.checked_sub(1).and_then(at), at(i + 1))
}

/// A unit right inside another: its eid and label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct ChildUnit {
    /// The unit's eid.
    pub eid: String,
    /// Its own number and kind as the act's language writes it (`3-тармақ`, `пункт 3`).
    pub label: String,
}

impl HitAct {
    /// The act of a hit or a unit: `act`'s id, title, kind, number, date and status.
    pub fn of(act: &Act) -> Self {
        HitAct {
            id: act.id.clone(),
            title: act.title.clone(),
            kind: act.kind.as_str().into(),
            number: act.number(),
            date: act.date(),
            status: act.status.as_str().into(),
            url: act.official_url.clone(),
        }
    }
}

impl UnitAnswer {
    /// Marks in its text what a search for `query` marks in its hits
    /// ([`ZanIndex::highlights`]).
    pub fn mark(&mut self, index: &ZanIndex, query: &str) -> crate::Result<()> {
        let mut spans = index.highlights(query, &[&self.text])?;
        self.highlights = spans.pop().unwrap_or_default();
        Ok(())
    }

    /// The answer for `at` (what [`ZanIndex::unit_as_of`] gives) with `references`, what
    /// its text refers to.
    pub fn of(at: UnitAt, references: Vec<ResolvedReference>) -> Self {
        let linked = references.clone();
        Self::linked(at, references, &linked)
    }

    /// [`UnitAnswer::of`] with the words of `text` that `linked` (the references of the unit
    /// and of the units inside it) print made [`UnitAnswer::links`].
    fn linked(
        at: UnitAt,
        references: Vec<ResolvedReference>,
        linked: &[ResolvedReference],
    ) -> Self {
        let UnitAt {
            current: view,
            unit: shown,
            version,
            source_file,
            amendments,
            state,
            edition,
            as_of,
            predecessor,
            to_come,
            read_from,
            ..
        } = at;
        let act = &view.act;
        // No wording in force on the date: the unit is named, but no text nor its lines.
        let span = shown.as_ref().map(|u| u.span).unwrap_or_default();
        // A split text's unit is cited in its part file, with that file's own lines.
        let (source_file, span) = if source_file == act.source.file && !act.source.parts.is_empty()
        {
            let (file, own) = act.source.locate(span);
            (file.to_string(), own)
        } else {
            (source_file, span)
        };
        let (text, tables, pieces) = shown
            .as_ref()
            .map(Unit::full_text_pieces)
            .unwrap_or_default();
        let links = text_links(&text, &pieces, linked);
        let unit = shown.as_ref().unwrap_or(&view.unit);
        let children = unit
            .children
            .iter()
            .map(|c| ChildUnit {
                eid: c.eid.clone(),
                label: c.number_label(act.kind, act.lang),
            })
            .collect();
        let state_text = state.describe(as_of, Some(act.lang));
        let (previous, next) = neighbours(act, &unit.eid, unit.kind);
        UnitAnswer {
            lang: act.lang,
            act: HitAct::of(act),
            unit: HitUnit {
                eid: unit.eid.clone(),
                label: view.label.clone(),
                kind: unit.kind,
                status: unit.status.as_str().into(),
                heading: unit.heading.clone(),
                path: view.path.join(" / "),
            },
            citation: view.citation.clone(),
            text,
            highlights: Vec::new(),
            tables,
            links,
            children,
            source: HitSource {
                file: source_file,
                line_start: span.line_start,
                line_end: span.line_end,
                page: span.page,
            },
            version,
            state,
            state_text,
            read_from,
            edition,
            as_of,
            amendments,
            references,
            previous,
            next,
            predecessor,
            state_by: None,
            to_come,
        }
    }

    /// Its text and the wording to come cut at `max` characters, `rest` saying where the
    /// rest is (as `pages::bound_text` cuts a text).
    pub(crate) fn bound_texts(&mut self, max: usize, rest: &str) {
        super::pages::bound_text(&mut self.text, max, rest);
        if let Some(to_come) = &mut self.to_come {
            super::pages::bound_text(&mut to_come.text, max, rest);
        }
    }

    /// [`UnitAnswer::state_by`] in English words, for a reader told the state in English
    /// (`zanlex show`, an assistant): `repealed by …`, `deleted by …` or `expiry set by …`
    /// (the act the words of an expired unit's expiry name), the act named by
    /// its id when the corpus holds it, else as printed and marked not in the corpus.
    pub fn state_by_words(&self) -> Option<String> {
        let by = self.state_by.as_ref()?;
        let what = match self.state {
            TimeState::Repealed { .. } => "repealed",
            TimeState::Expired { .. } => "expiry set",
            _ => "deleted",
        };
        Some(format!("{what} by {}", by.describe()))
    }

    /// The note that deleted the unit in the wording shown: the last of its deleting or
    /// repealing notes that took effect by the date asked (any, when its day is unknown).
    fn deleting_note(&self) -> Option<&Amendment> {
        let by_then = |a: &Amendment| match (self.as_of, a.effective.as_ref()) {
            (Some(day), Some(e)) => e.date <= day,
            _ => true,
        };
        self.amendments.iter().rev().find(|a| {
            a.target_eid == self.unit.eid
                && matches!(a.action, AmendAction::Deleted | AmendAction::Repealed)
                && by_then(a)
        })
    }
}

/// A unit in each language the act has, side by side: `null` where that language's text
/// lacks it. Each language's unit is read with `[lang]` ([`ByLang`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ParallelUnit(ByLang<Option<UnitAnswer>>);

impl std::ops::Deref for ParallelUnit {
    type Target = ByLang<Option<UnitAnswer>>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for ParallelUnit {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ParallelUnit {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, RefBuilder, Type};
        use utoipa::ToSchema;
        // Each language's column is always sent, `null` when empty.
        crate::model::by_lang::object_schema(
            "A unit in each language the act has, side by side: `null` where that language's \
             text\nlacks it.",
            |lang| format!("The {} text's unit.", lang.english()),
            |d| {
                OneOfBuilder::new()
                    .item(
                        RefBuilder::new()
                            .ref_location_from_schema_name(UnitAnswer::name())
                            .description(Some(d)),
                    )
                    .item(ObjectBuilder::new().schema_type(Type::Null))
                    .into()
            },
        )
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ParallelUnit {
    fn name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("ParallelUnit")
    }

    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        use utoipa::PartialSchema;
        schemas.push((UnitAnswer::name().into_owned(), UnitAnswer::schema()));
        UnitAnswer::schemas(schemas);
    }
}

/// A unit in one language, or in both side by side: what `GET /v1/acts/{id}/units/{eid}`
/// sends (`parallel=true` for both).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
#[non_exhaustive]
pub enum UnitOrParallel {
    /// `show ID#EID --json`.
    One(Box<UnitAnswer>),
    /// `show ID#EID --parallel --json`: an object keyed by language.
    Both(Box<ParallelUnit>),
}

impl ParallelUnit {
    /// Each language with its unit, Kazakh first.
    pub fn columns(&self) -> impl Iterator<Item = (Lang, Option<&UnitAnswer>)> {
        self.0.iter().map(|(lang, unit)| (lang, unit.as_ref()))
    }

    /// Each language's unit, Kazakh first, the languages lacking it left out.
    pub fn units_mut(&mut self) -> impl Iterator<Item = &mut UnitAnswer> {
        self.0.iter_mut().filter_map(|(_, unit)| unit.as_mut())
    }

    /// Marks in each language's text what a search for `query` marks in its hits.
    pub fn mark(&mut self, index: &ZanIndex, query: &str) -> crate::Result<()> {
        for unit in self.units_mut() {
            unit.mark(index, query)?;
        }
        Ok(())
    }
}

impl ZanIndex {
    /// Unit `eid` of act `act_id` in `lang` (Kazakh when it has it, for `None`), in the
    /// wording in force on `as_of` when the index has that edition (the current one else), with
    /// its citation, children, amendments and resolved references.
    pub fn unit_answer(
        &self,
        act_id: &str,
        eid: &str,
        lang: Option<Lang>,
        as_of: Option<NaiveDate>,
    ) -> crate::Result<UnitAnswer> {
        let at = self.unit_as_of(act_id, eid, lang, as_of)?;
        // The references inside it are printed in its text too: they are links there.
        let within = super::Outgoing::new(self).within(act_id, at.current.act.lang, eid, as_of)?;
        let references = within
            .iter()
            .filter(|r| r.citing.eid == eid)
            .cloned()
            .collect();
        let mut answer = UnitAnswer::linked(at, references, &within);
        answer.state_by = self.state_by(&answer)?;
        Ok(answer)
    }

    /// The act that gave `answer` its state ([`UnitAnswer::state_by`]): every door shows
    /// the answer's state with it, so it is found here, once.
    fn state_by(&self, answer: &UnitAnswer) -> crate::Result<Option<crate::ActLink>> {
        let act = &answer.act.id;
        match answer.state {
            TimeState::Repealed { .. } => self.repealed_by(&self.expressions(act)?),
            // The act the expiry's words name: linked when the corpus holds it.
            TimeState::Expired {
                set_by: Some(ref by),
                ..
            } => {
                let id = match &by.number {
                    Some(n) => self.act_or_self_named(act, by.date, n)?,
                    None => None,
                };
                Ok(Some(crate::ActLink {
                    id,
                    requisite: by.citation.clone(),
                    date: by.date,
                    number: by.number.clone(),
                    evidence: "note".to_string(),
                }))
            }
            TimeState::Deleted { .. } => {
                let Some(note) = answer.deleting_note() else {
                    return Ok(None);
                };
                let by = &note.by;
                let id = match &by.number {
                    Some(n) => self.act_named(act, by.date, n)?,
                    None => None,
                };
                Ok(Some(crate::ActLink {
                    id,
                    requisite: by.cite(answer.lang),
                    date: by.date,
                    number: by.number.clone(),
                    evidence: "note".to_string(),
                }))
            }
            _ => Ok(None),
        }
    }

    /// Unit `eid` of act `act_id` in each language the act has (see
    /// [`ZanIndex::unit_answer`]); [`crate::Error::UnknownUnit`] when no language has it.
    pub fn parallel_unit(
        &self,
        act_id: &str,
        eid: &str,
        as_of: Option<NaiveDate>,
    ) -> crate::Result<ParallelUnit> {
        let langs: Vec<Lang> = self.expressions(act_id)?.iter().map(|a| a.lang).collect();
        if langs.is_empty() {
            self.act(act_id)?;
        }
        let column = |lang: Lang| -> crate::Result<Option<UnitAnswer>> {
            if !langs.contains(&lang) {
                return Ok(None);
            }
            match self.unit_answer(act_id, eid, Some(lang), as_of) {
                Ok(u) => Ok(Some(u)),
                Err(crate::Error::UnknownUnit { .. }) => Ok(None),
                Err(e) => Err(e),
            }
        };
        let mut units = ByLang::default();
        for lang in Lang::ALL {
            units[lang] = column(lang)?;
        }
        if units.iter().all(|(_, u)| u.is_none()) {
            // The same error as the one language's view gives.
            self.unit(act_id, eid)?;
        }
        Ok(ParallelUnit(units))
    }
}
