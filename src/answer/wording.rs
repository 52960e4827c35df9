//! When a wording appeared and disappeared: a phrase followed over an act's editions, unit by
//! unit (`zanlex wording`, `GET /v1/acts/{id}/wording`, the MCP tool `wording`, Python's
//! `Index.wording`).
//!
//! A unit **contains** the phrase when the phrase's words, as the `kk_exact` analyzer reads
//! them (NFC, Latin look-alike letters repaired to Cyrillic, Kazakh lowercase, punctuation
//! and spacing aside, a legal number whole and by its parts), stand at consecutive positions
//! of the unit's own text or of its heading (not its children's text, not its notes). The
//! words must be the same forms: «министрлігі» does not contain «министрлік», as a quoted
//! phrase of `search` would (it matches inflected forms too), since a wording that changed
//! an ending changed.
//!
//! Each span says when the phrase appeared and disappeared by the point-in-time rule
//! (docs/time.md): the day the wording holding it took effect, not an edition's date, with
//! whether that day is estimated and why, and the amending acts whose notes date it; where
//! the earliest edition the corpus holds already prints it, only that it was there at least
//! since its wording's start.

use super::pages::{fit_list, paged_list, Budget, Links, PageHead, Paging};
use crate::amend::time::ActTimeline;
use crate::model::{Act, AmendAction, EffectiveDate, Lang, Status, Unit};
use crate::{HistoryEntry, ZanIndex};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// Units on a page of a wording's history when not asked.
pub const DEFAULT_WORDING_PAGE: usize = 20;
/// Most units one page of a wording's history may ask for.
pub const MAX_WORDING_PAGE: usize = 100;

/// What [`wording_history`] asks: when `phrase` was in the units of act `act` (or of its unit
/// `eid` and the units inside it), in `lang`'s text, the page `paging` of those units.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct WordingRequest {
    /// The act's id.
    pub act: String,
    /// Only this unit and the units inside it.
    pub eid: Option<String>,
    /// The phrase, as typed.
    pub phrase: String,
    /// The language of the text read; when `None`, the first of the act's texts (Kazakh
    /// first) where the phrase ever occurs.
    pub lang: Option<Lang>,
    /// The page of units.
    pub paging: Paging,
}

/// A wording's history as a door received it, each value as typed (an empty text is as if
/// not given), before [`WordingRequest::parse`] checks it.
///
/// ```
/// let args = zanlex::pages::WordingArgs { act: "a", phrase: "b", ..Default::default() };
/// assert_eq!(args.unit, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordingArgs<'a> {
    /// The act's id.
    pub act: &'a str,
    /// Only this unit (its eid) and the units inside it.
    pub unit: Option<&'a str>,
    /// The phrase.
    pub phrase: &'a str,
    /// The language of the text read (`kk`, `ru`).
    pub lang: Option<&'a str>,
    /// Units before the page (0 when `None`).
    pub offset: Option<u64>,
    /// Units on the page ([`DEFAULT_WORDING_PAGE`] when `None`, at most
    /// [`MAX_WORDING_PAGE`]).
    pub limit: Option<u64>,
}

impl WordingRequest {
    /// Checks a wording's history as a door received it: the act, the phrase (some word in
    /// it, within the length a query may have), the language and the page. Errors are the
    /// library's, with their codes ([`crate::Error::BadArgument`],
    /// [`crate::Error::QueryTooLong`]); `name` spells each value's name as the door does.
    ///
    /// ```
    /// use zanlex::pages::{WordingArgs, WordingRequest};
    /// let name = |n: &str| n.to_string();
    /// let args = WordingArgs { act: " a ", phrase: " Үкімет ", unit: Some(""), ..Default::default() };
    /// let req = WordingRequest::parse(&args, name).unwrap();
    /// assert_eq!((req.act.as_str(), req.phrase.as_str(), req.eid, req.paging.limit), ("a", "Үкімет", None, 20));
    /// let none = WordingArgs { phrase: " - ", ..args.clone() };
    /// assert_eq!(WordingRequest::parse(&none, name).unwrap_err().code(), zanlex::ErrorCode::BadRequest);
    /// let big = WordingArgs { limit: Some(101), ..args };
    /// assert!(WordingRequest::parse(&big, name).is_err());
    /// ```
    pub fn parse(args: &WordingArgs<'_>, name: impl Fn(&str) -> String) -> crate::Result<Self> {
        let bad = crate::Error::BadArgument;
        let given = |v: Option<&str>| {
            v.map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let paging = Paging::new(
            args.offset,
            args.limit,
            DEFAULT_WORDING_PAGE,
            MAX_WORDING_PAGE,
        )?;
        let Some(act) = given(Some(args.act)) else {
            return Err(bad(format!(
                "{} is empty: give the act's id (from a search hit or the list of acts)",
                name("act")
            )));
        };
        let phrase = args.phrase.trim();
        let chars = phrase.chars().count();
        if chars > crate::MAX_QUERY_CHARS {
            return Err(crate::Error::QueryTooLong {
                chars,
                max: crate::MAX_QUERY_CHARS,
            });
        }
        if Phrase::new(phrase).is_none() {
            return Err(bad(format!(
                "{} {phrase:?} has no word: give the words whose wording to follow",
                name("phrase")
            )));
        }
        let lang = given(args.lang)
            .map(|l| crate::lang_arg(&l).map_err(|e| bad(format!("{}: {e}", name("lang")))))
            .transpose()?;
        Ok(WordingRequest {
            act,
            eid: given(args.unit),
            phrase: phrase.to_string(),
            lang,
            paging,
        })
    }

    /// The phrase `phrase` in act `act`, the page `paging`, in the first text it occurs in.
    pub fn new(act: impl Into<String>, phrase: impl Into<String>, paging: Paging) -> Self {
        WordingRequest {
            act: act.into(),
            eid: None,
            phrase: phrase.into(),
            lang: None,
            paging,
        }
    }

    /// Only unit `eid` and the units inside it.
    pub fn unit(mut self, eid: Option<String>) -> Self {
        self.eid = eid;
        self
    }

    /// In `lang`'s text.
    pub fn lang(mut self, lang: Option<Lang>) -> Self {
        self.lang = lang;
        self
    }
}

/// An edition of the act's text, as a wording's history names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct WordingEdition {
    /// The edition's id (`2023-04-19`, `latest`).
    pub id: String,
    /// The edition's own date: the day the source names it by (for the database, its
    /// amending act's date), not the day a wording in it took effect.
    pub date: Option<NaiveDate>,
    /// Whether `date` is an estimate (a text that prints no date).
    pub date_estimated: bool,
}

/// An amending act whose note dates a change of a wording: in official form, with its id when
/// the corpus holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct WordingChange {
    /// The amending act in official form, in the language of the act's text.
    pub amending_act: String,
    /// Its id when the corpus holds it.
    pub amending_act_id: Option<String>,
    /// The day it was signed.
    pub signed: Option<NaiveDate>,
    /// The day its change took effect, as the note gives it (`estimated` with its basis);
    /// `None` when the note gives none (the rule then counts from the signing).
    pub effective: Option<EffectiveDate>,
    /// What it did to the unit the note names (the first such note, the unit's own first).
    pub action: AmendAction,
    /// The unit that note names (empty: the whole act).
    pub eid: String,
}

/// When a span of a phrase began.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum WordingStart {
    /// The earliest edition the corpus holds already prints it: when it first appeared is not
    /// known. It was in force at least from `from`, the start of the wording that edition
    /// prints (the point-in-time rule's: the last change the notes record, else the act's
    /// own start).
    SinceAtLeast {
        /// The earliest edition.
        edition: WordingEdition,
        /// Its wording's start (`None`: unknown).
        from: Option<NaiveDate>,
        /// Whether `from` rests on an assumption.
        from_estimated: bool,
        /// Why `from` is what it is.
        basis: String,
        /// The amending acts whose notes date that start (empty: none does).
        by: Vec<WordingChange>,
    },
    /// The edition before did not print it: it appeared with the wording that took effect
    /// on `from` (a day the rule gives; an edition's date only where no note dates the
    /// change, said in `basis`).
    Appeared {
        /// The first edition printing it.
        edition: WordingEdition,
        /// The edition before, which did not.
        after: WordingEdition,
        /// Whether that edition did not print the unit at all (a unit inserted, or numbered
        /// anew).
        unit_new: bool,
        /// The day its wording took effect (`None`: unknown).
        from: Option<NaiveDate>,
        /// Whether `from` rests on an assumption.
        from_estimated: bool,
        /// Why `from` is what it is.
        basis: String,
        /// The amending acts whose notes date that day (empty: no note names one).
        by: Vec<WordingChange>,
    },
}

/// When a span of a phrase ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum WordingEnd {
    /// The newest edition the corpus holds prints it (as far as the corpus knows, it is
    /// there still; the act's own state is the answer's `act_status`).
    StillPresent {
        /// The newest edition.
        edition: WordingEdition,
    },
    /// The next edition prints the unit without it: the wording holding it was in force
    /// until `until` (exclusive), and the wording without it from `absent_from`. Where the
    /// two differ, the notes record more than one change between the two editions and the
    /// wordings between are not in the corpus: the phrase went at some day between.
    Removed {
        /// The first edition without it.
        edition: WordingEdition,
        /// The day the wording holding it stopped being in force (`None`: unknown).
        until: Option<NaiveDate>,
        /// The day the wording without it took effect (`None`: unknown).
        absent_from: Option<NaiveDate>,
        /// Whether `absent_from` rests on an assumption.
        absent_from_estimated: bool,
        /// Why `absent_from` is what it is.
        basis: String,
        /// The amending acts whose notes date `absent_from` (empty: no note names one).
        by: Vec<WordingChange>,
    },
    /// The next edition no longer prints the unit (deleted, or numbered anew): the wording
    /// holding it was in force until `until` (exclusive), the rule's day of the removal.
    UnitRemoved {
        /// The first edition without the unit.
        edition: WordingEdition,
        /// The day its last wording stopped being in force (`None`: unknown).
        until: Option<NaiveDate>,
        /// The amending acts whose notes date `until` (empty: no note names one).
        by: Vec<WordingChange>,
    },
}

/// One run of editions in a row that print the phrase in a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct WordingSpan {
    /// When it began.
    pub start: WordingStart,
    /// When it ended.
    pub end: WordingEnd,
    /// How many editions print it in this span.
    pub editions: usize,
}

/// A unit whose text held the phrase in some edition, and when.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct WordingUnit {
    /// The unit's eid.
    pub eid: String,
    /// Its name in Kazakh and in Russian.
    pub name: crate::UnitInWords,
    /// The unit's page (see [`Links`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// The spans, oldest first (the first [`Budget::inner_items`] × 4 or more; `spans_total`
    /// counts them all).
    pub spans: Vec<WordingSpan>,
    /// How many spans there are.
    pub spans_total: usize,
}

/// When a phrase was in an act's units, over its editions (what `GET
/// /v1/acts/{id}/wording` sends).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct WordingAnswer {
    /// The act's id.
    pub act: String,
    /// The act's short name in official form.
    pub act_citation: String,
    /// The act's status.
    pub act_status: Status,
    /// The language of the text read.
    pub lang: Lang,
    /// The unit asked for, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eid: Option<String>,
    /// The phrase as asked.
    pub phrase: String,
    /// Its words as matched (the `kk_exact` forms).
    pub words: Vec<String>,
    /// How many editions of the text the corpus holds.
    pub editions: usize,
    /// The earliest of them.
    pub earliest_edition: Option<WordingEdition>,
    /// The newest of them.
    pub latest_edition: Option<WordingEdition>,
    /// How many units held the phrase in some edition.
    pub units_total: usize,
    /// How many spans there are in all those units.
    pub spans_total: usize,
    /// The page: `offset`, `limit`, `next_offset`, `cut`.
    #[serde(flatten)]
    pub page: PageHead,
    /// What the reader should know: the phrase in no edition, the text chosen.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The page's units, in the order of the newest edition printing them.
    pub units: Vec<WordingUnit>,
}

/// A phrase as the `kk_exact` analyzer reads it: the tokens at each of its positions, from
/// the first (a legal number has several at one).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Phrase {
    words: Vec<(usize, Vec<String>)>,
}

/// A text's `kk_exact` tokens by position.
fn slots(text: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for t in crate::analysis::analyze(crate::analysis::KK_EXACT, text) {
        if t.position >= out.len() {
            out.resize(t.position + 1, Vec::new());
        }
        out[t.position].push(t.text);
    }
    out
}

impl Phrase {
    /// `text` read as a phrase; `None` when it has no word.
    fn new(text: &str) -> Option<Phrase> {
        let table = slots(text);
        let first = table.iter().position(|s| !s.is_empty())?;
        let words = table
            .into_iter()
            .enumerate()
            .skip(first)
            .filter(|(_, s)| !s.is_empty())
            .map(|(p, s)| (p - first, s))
            .collect();
        Some(Phrase { words })
    }

    /// Its words: the first form at each position.
    fn words(&self) -> Vec<String> {
        self.words
            .iter()
            .filter_map(|(_, s)| s.first().cloned())
            .collect()
    }

    /// Whether `text` holds it: every token of each of its positions at the same position
    /// from some start.
    fn in_text(&self, text: &str) -> bool {
        let table = slots(text);
        (0..table.len()).any(|start| {
            self.words.iter().all(|(rel, tokens)| {
                table
                    .get(start + rel)
                    .is_some_and(|slot| tokens.iter().all(|t| slot.contains(t)))
            })
        })
    }

    /// Whether unit `u`'s own text or heading holds it.
    fn in_unit(&self, u: &Unit) -> bool {
        self.in_text(&u.text) || u.heading.as_deref().is_some_and(|h| self.in_text(h))
    }
}

/// Edition `k` as a wording's history names it.
fn edition(t: &ActTimeline, k: usize) -> Option<WordingEdition> {
    t.editions().get(k).map(|e| WordingEdition {
        id: e.id.clone(),
        date: e.date,
        date_estimated: e.date_estimated,
    })
}

/// The amending acts whose notes date a change of unit `eid` on `day` (a note with no day of
/// its own counts from its act's signing, as the rule reads it), signed by `by` (the edition
/// printing the result) when both are known: those on the unit or inside it, else those on
/// what contains it; each act once.
fn dated_by(
    events: &[HistoryEntry],
    eid: &str,
    day: Option<NaiveDate>,
    by: Option<NaiveDate>,
) -> Vec<WordingChange> {
    let Some(day) = day else {
        return Vec::new();
    };
    let on_day = |e: &&HistoryEntry| {
        e.effective.as_ref().map(|f| f.date).or(e.signed) == Some(day)
            && e.action != AmendAction::Prospective
            && match (e.signed, by) {
                (Some(s), Some(b)) => s <= b,
                _ => true,
            }
    };
    let inner = format!("{eid}__");
    let own: Vec<&HistoryEntry> = events
        .iter()
        .filter(on_day)
        .filter(|e| e.eid == eid || e.eid.starts_with(&inner))
        .collect();
    let chosen = if own.is_empty() {
        events
            .iter()
            .filter(on_day)
            .filter(|e| e.eid.is_empty() || eid.starts_with(&format!("{}__", e.eid)))
            .collect()
    } else {
        own
    };
    let mut out: Vec<WordingChange> = Vec::new();
    for e in chosen {
        if out
            .iter()
            .any(|c| c.amending_act == e.amending_act && c.signed == e.signed)
        {
            continue;
        }
        out.push(WordingChange {
            amending_act: e.amending_act.clone(),
            amending_act_id: e.amending_act_id.clone(),
            signed: e.signed,
            effective: e.effective.clone(),
            action: e.action,
            eid: e.eid.clone(),
        });
    }
    out
}

/// The eids of the units in scope, in the order of the newest edition printing them: every
/// unit, or unit `eid` and the units any edition prints inside it.
fn in_scope<'a>(t: &ActTimeline<'a>, eid: Option<&str>) -> Vec<&'a str> {
    let all = t.eids();
    let Some(eid) = eid else {
        return all;
    };
    let mut inside: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for k in 0..t.editions().len() {
        if let Some(u) = t.unit_in(k, eid) {
            inside.extend(u.walk().into_iter().map(|u| u.eid.as_str()));
        }
    }
    let inner = format!("{eid}__");
    all.into_iter()
        .filter(|e| *e == eid || e.starts_with(&inner) || inside.contains(e))
        .collect()
}

/// The spans of `phrase` in unit `eid` of the act `t` reads, oldest first (empty when no
/// edition prints it there).
fn spans_of(
    t: &ActTimeline,
    events: &[HistoryEntry],
    eid: &str,
    phrase: &Phrase,
) -> Vec<WordingSpan> {
    let unit = t.unit(eid);
    let segments = unit.segments();
    // The editions' printings only: a wording the act gives the unit for a period is no
    // edition's.
    let printed: Vec<_> = unit.pieces().iter().filter(|p| !p.given).collect();
    // Each wording read once: the editions printing it print it alike (letter case, spacing
    // and look-alike letters aside, which the analyzer folds too).
    let mut by_segment: HashMap<usize, bool> = HashMap::new();
    let present: Vec<bool> = printed
        .iter()
        .map(|p| {
            *by_segment
                .entry(p.segment)
                .or_insert_with(|| t.unit_in(p.edition, eid).is_some_and(|u| phrase.in_unit(u)))
        })
        .collect();
    let date_of = |k: usize| t.editions().get(k).and_then(|e| e.date);
    let mut out = Vec::new();
    let mut i = 0;
    while i < printed.len() {
        if !present[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < printed.len()
            && present[j + 1]
            && printed[j + 1].edition == printed[j].edition + 1
        {
            j += 1;
        }
        let (first, last) = (printed[i], printed[j]);
        let seg = &segments[first.segment];
        let Some(this) = edition(t, first.edition) else {
            break;
        };
        let start = match first.edition.checked_sub(1).and_then(|k| edition(t, k)) {
            None => WordingStart::SinceAtLeast {
                edition: this,
                from: seg.from,
                from_estimated: seg.from_estimated,
                basis: seg.basis.clone(),
                by: dated_by(events, eid, seg.from, date_of(first.edition)),
            },
            Some(after) => WordingStart::Appeared {
                edition: this,
                after,
                unit_new: !(i > 0 && printed[i - 1].edition + 1 == first.edition),
                from: seg.from,
                from_estimated: seg.from_estimated,
                basis: seg.basis.clone(),
                by: dated_by(events, eid, seg.from, date_of(first.edition)),
            },
        };
        let until = segments[last.segment].to;
        let Some(newest) = edition(t, last.edition) else {
            break;
        };
        let next = printed.get(j + 1).filter(|p| p.edition == last.edition + 1);
        let end = match (edition(t, last.edition + 1), next) {
            (None, _) => WordingEnd::StillPresent { edition: newest },
            (Some(ed), Some(p)) => {
                let s = &segments[p.segment];
                WordingEnd::Removed {
                    edition: ed,
                    until,
                    absent_from: s.from,
                    absent_from_estimated: s.from_estimated,
                    basis: s.basis.clone(),
                    by: dated_by(events, eid, s.from, date_of(p.edition)),
                }
            }
            (Some(ed), None) => WordingEnd::UnitRemoved {
                edition: ed,
                until,
                by: dated_by(events, eid, until, date_of(last.edition + 1)),
            },
        };
        out.push(WordingSpan {
            start,
            end,
            editions: j - i + 1,
        });
        i = j + 1;
    }
    out
}

/// The units of `act` (or of its unit `eid` and inside it) that held `phrase` in some
/// edition, with their spans, and the editions read.
struct Found {
    units: Vec<(String, Vec<WordingSpan>)>,
    editions: usize,
    earliest: Option<WordingEdition>,
    latest: Option<WordingEdition>,
}

/// Where `phrase` was in `act`, the amending acts linked to the corpus's;
/// [`crate::Error::UnknownUnit`] when no edition prints `eid`.
fn find(index: &ZanIndex, act: &Act, eid: Option<&str>, phrase: &Phrase) -> crate::Result<Found> {
    let t = ActTimeline::new(act);
    let n = t.editions().len();
    if let Some(e) = eid {
        if (0..n).all(|k| t.unit_in(k, e).is_none()) {
            return Err(crate::Error::UnknownUnit {
                act: act.id.clone(),
                eid: e.to_string(),
            });
        }
    }
    // Only the units some edition prints with the phrase are followed over time.
    let candidates: Vec<&str> = in_scope(&t, eid)
        .into_iter()
        .filter(|e| (0..n).any(|k| t.unit_in(k, e).is_some_and(|u| phrase.in_unit(u))))
        .collect();
    let mut events = Vec::new();
    if !candidates.is_empty() {
        events = crate::history(act, None)?;
        index.link_amending_acts(&mut events)?;
    }
    let units = candidates
        .into_iter()
        .map(|e| (e.to_string(), spans_of(&t, &events, e, phrase)))
        .filter(|(_, s)| !s.is_empty())
        .collect();
    Ok(Found {
        units,
        editions: n,
        earliest: edition(&t, 0),
        latest: n.checked_sub(1).and_then(|k| edition(&t, k)),
    })
}

/// What [`wording_history`] answers: for each unit of the act (or of the unit asked and the
/// units inside it) whose text held the phrase in some edition, the spans of editions in a
/// row that print it, each with when it appeared (or that the earliest edition already
/// prints it) and when it went (or that the newest still prints it), by the point-in-time
/// rule, and the amending acts whose notes date those days. An act the index lacks is
/// [`crate::Error::UnknownAct`], a unit no edition prints [`crate::Error::UnknownUnit`]; a
/// phrase in no edition is an answer with no unit, saying so.
///
/// ```no_run
/// # fn main() -> zanlex::Result<()> {
/// use zanlex::pages::{wording_history, Budget, Links, Paging, WordingRequest};
/// let index = zanlex::ZanIndex::open("index")?;
/// let page = Paging::new(None, None, 20, 100)?;
/// let request = WordingRequest::new("constitutional-law-1995-12-18-2688", "мемлекеттік бағдарламаларды", page);
/// let answer = wording_history(&index, &request, &Links::relative(), &Budget::ASSISTANT)?;
/// for u in &answer.units {
///     println!("{}: {} span(s)", u.eid, u.spans_total);
/// }
/// # Ok(())
/// # }
/// ```
pub fn wording_history(
    index: &ZanIndex,
    request: &WordingRequest,
    links: &Links,
    budget: &Budget,
) -> crate::Result<WordingAnswer> {
    let phrase = Phrase::new(&request.phrase).ok_or_else(|| {
        crate::Error::BadArgument(format!(
            "the phrase {:?} has no word: give the words whose wording to follow",
            request.phrase
        ))
    })?;
    let eid = request.eid.as_deref();
    let mut notes = Vec::new();
    let (act, found) = match request.lang {
        Some(lang) => {
            let act = index.act_in(&request.act, Some(lang))?;
            let found = find(index, &act, eid, &phrase)?;
            (act, found)
        }
        None => {
            let mut all = index.expressions(&request.act)?;
            all.sort_by_key(|a| a.lang);
            let mut all = all.into_iter();
            // An act the index lacks answers as every door's read of it does.
            let mut chosen = match all.next() {
                Some(act) => (find(index, &act, eid, &phrase)?, act),
                None => {
                    let act = index.act_in(&request.act, None)?;
                    (find(index, &act, eid, &phrase)?, act)
                }
            };
            for act in all {
                if !chosen.0.units.is_empty() {
                    break;
                }
                let found = find(index, &act, eid, &phrase)?;
                if !found.units.is_empty() {
                    chosen = (found, act);
                }
            }
            (chosen.1, chosen.0)
        }
    };
    if found.units.is_empty() {
        notes.push(format!(
            "no edition of the {} text the corpus holds ({}) prints the phrase in {}; \
             words count in their exact forms (give another form, or the other language's \
             text with `lang`)",
            act.lang.english(),
            found.editions,
            match eid {
                Some(e) => format!("unit {e} or inside it"),
                None => "any unit".to_string(),
            }
        ));
    }
    let units_total = found.units.len();
    let spans_total = found.units.iter().map(|(_, s)| s.len()).sum();
    let mut units = found.units;
    let next_offset = request.paging.cut(&mut units);
    let max_spans = budget.inner_items.max(1).saturating_mul(4);
    let official = act.official_url.clone();
    let units = units
        .into_iter()
        .map(|(e, mut spans)| {
            let spans_total = spans.len();
            // The newest spans are what is asked most: an old one left out first.
            if spans.len() > max_spans {
                spans.drain(..spans.len() - max_spans);
            }
            WordingUnit {
                name: crate::UnitInWords::of(&e),
                permalink: links.permalink(&act.id, Some(&e), None, official.as_deref()),
                eid: e,
                spans,
                spans_total,
            }
        })
        .collect();
    let mut answer = WordingAnswer {
        act: act.id.clone(),
        act_citation: act.short_name(),
        act_status: act.status.clone(),
        lang: act.lang,
        eid: request.eid.clone(),
        phrase: request.phrase.clone(),
        words: phrase.words(),
        editions: found.editions,
        earliest_edition: found.earliest,
        latest_edition: found.latest,
        units_total,
        spans_total,
        page: PageHead::new(request.paging, next_offset, None),
        notes,
        units,
    };
    fit_list(&mut answer, budget);
    Ok(answer)
}

paged_list!(WordingAnswer, units, "units");

#[cfg(test)]
mod tests {
    use super::Phrase;

    #[test]
    fn a_phrase_is_found_in_its_exact_forms_with_case_and_look_alikes_folded() {
        let p = Phrase::new("Мемлекеттік бағдарламаларды").expect("words");
        assert_eq!(p.words(), ["мемлекеттік", "бағдарламаларды"]);
        assert!(p.in_text("3. Үкімет МЕМЛЕКЕТТІК бағдарламаларды, олар бекітілгенге дейін"));
        // Another form of a word is another wording.
        assert!(!p.in_text("мемлекеттік бағдарламалар туралы"));
        // The words apart are not the phrase.
        assert!(!p.in_text("мемлекеттік және бағдарламаларды"));
        // A Latin `i` printed for the Kazakh `і` is read as it.
        let latin = Phrase::new("күшiн жояды").expect("words");
        assert!(latin.in_text("актiлерiнiң күшін жояды не тоқтата тұрады"));
        assert!(Phrase::new(" — ").is_none());
    }
}
