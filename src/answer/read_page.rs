//! An act or a unit read as every door asks it: one request holding the target, the date, the
//! language and what of the texts is sent, checked in one place ([`ReadRequest::parse`],
//! [`AtDateRequest::parse`]), and the answers made from it: the act's outline
//! ([`act_page`]) and the unit ([`unit_page`]) as the command line's `zanlex show --json` and
//! the HTTP API send them, and an assistant's [`read`] and [`at_date`] (the MCP tools `read`
//! and `at_date`).

use super::pages::{
    bound_act_outline, bound_outline, json_chars, Budget, Links, CUT_NOTE_CHARS, LIST_END,
};
use super::Target;
use crate::model::Lang;
use crate::{ActOutline, ParallelUnit, UnitAnswer, UnitOrParallel, ZanIndex};
use chrono::NaiveDate;
use serde::Serialize;

/// A read as a door received it, each value as typed (an empty text is as if not given),
/// before [`ReadRequest::parse`] checks it.
///
/// ```
/// let args = zanlex::pages::ReadArgs { target: "a#p_1", lang: Some("ru"), ..Default::default() };
/// assert_eq!(args.as_of, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadArgs<'a> {
    /// `ACT_ID` (an act's outline) or `ACT_ID#EID` (one of its units).
    pub target: &'a str,
    /// The day read (`YYYY-MM-DD`); today when `None`.
    pub as_of: Option<&'a str>,
    /// The language of the text (`kk`, `ru`).
    pub lang: Option<&'a str>,
    /// A unit in each language its act has, side by side.
    pub parallel: bool,
    /// An act with each unit's own text, not its outline alone.
    pub texts: bool,
    /// With `texts`: the place, in document order from 0, of the first unit whose text is
    /// sent (the `next_offset` of the answer before).
    pub offset: Option<u64>,
    /// Words whose matches are marked in the texts, as a search's hits mark them.
    pub mark: Option<&'a str>,
}

/// A read, checked: an act's outline or a unit's text, `target`, in `lang`, on `as_of`
/// (today's text when `None`).
///
/// ```
/// use zanlex::pages::{ReadArgs, ReadRequest};
/// let name = |n: &str| n.to_string();
/// let args = ReadArgs { target: "a#p_1", lang: Some("ru"), as_of: Some("2020-01-01"), ..Default::default() };
/// let req = ReadRequest::parse(&args, name).unwrap();
/// assert_eq!((req.target.eid(), req.lang), (Some("p_1"), Some(zanlex::Lang::Ru)));
/// // The same checks, and the same error codes, in every door.
/// let bad_day = ReadArgs { as_of: Some("2020-13-01"), ..args.clone() };
/// assert_eq!(ReadRequest::parse(&bad_day, name).unwrap_err().code(), zanlex::ErrorCode::BadRequest);
/// let both = ReadArgs { parallel: true, ..args.clone() };
/// assert!(ReadRequest::parse(&both, name).is_err());
/// let paged = ReadArgs { target: "a", offset: Some(40), ..Default::default() };
/// assert!(ReadRequest::parse(&paged, name).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadRequest {
    /// The act (`ACT_ID`) or unit (`ACT_ID#EID`).
    pub target: Target,
    /// The language of the text; Kazakh first when `None` (an assistant's unit in both).
    pub lang: Option<Lang>,
    /// The day the text is read on; today's text when `None`.
    pub as_of: Option<NaiveDate>,
    /// A unit in each language side by side.
    pub parallel: bool,
    /// An act with each unit's own text.
    pub texts: bool,
    /// With `texts`: the place of the first unit whose text is sent.
    pub offset: usize,
    /// Words whose matches are marked in the texts.
    pub mark: Option<String>,
}

/// `v` trimmed, `None` when empty.
fn given(v: Option<&str>) -> Option<String> {
    v.map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

impl ReadRequest {
    /// Checks a read as a door received it: the target (`ACT_ID` or `ACT_ID#EID`), the date,
    /// the language, that both languages side by side are a unit's and texts paged an act's,
    /// the place the texts start at, and the length of the words marked. Errors are the
    /// library's, with their codes ([`crate::Error::BadArgument`],
    /// [`crate::Error::QueryTooLong`]); `name` spells each value's name as the door does
    /// (`--as-of` on the command line, `as_of` elsewhere). An unknown act or unit is found
    /// when it is read ([`crate::Error::UnknownAct`], [`crate::Error::UnknownUnit`]).
    pub fn parse(args: &ReadArgs<'_>, name: impl Fn(&str) -> String) -> crate::Result<Self> {
        let bad = crate::Error::BadArgument;
        let target = Target::parse(args.target)?;
        let as_of = given(args.as_of)
            .map(|d| crate::date_arg(&name("as_of"), &d))
            .transpose()?;
        let lang = given(args.lang)
            .map(|l| crate::lang_arg(&l).map_err(|e| bad(format!("{}: {e}", name("lang")))))
            .transpose()?;
        if args.parallel && lang.is_some() {
            return Err(bad(format!(
                "{} reads both languages; leave {} out",
                name("parallel"),
                name("lang")
            )));
        }
        if args.parallel && target.eid().is_none() {
            return Err(bad(format!(
                "{} reads one unit in both languages: write ACT_ID#EID",
                name("parallel")
            )));
        }
        if args.texts && target.eid().is_some() {
            return Err(bad(format!(
                "{} pages an act's texts; a unit's text comes whole: leave it out, or read the \
                 act {}",
                name("texts"),
                target.act
            )));
        }
        let offset = args.offset.unwrap_or(0);
        if offset > 0 && !args.texts {
            return Err(bad(format!(
                "{} pages the units' texts: give {} with it",
                name("offset"),
                name("texts")
            )));
        }
        if offset >= LIST_END as u64 {
            return Err(bad(format!(
                "{} {offset} is past place {LIST_END}, where pages end; texts start at 0",
                name("offset")
            )));
        }
        let mark = given(args.mark);
        if let Some(chars) = mark
            .as_ref()
            .map(|q| q.chars().count())
            .filter(|n| *n > crate::MAX_QUERY_CHARS)
        {
            return Err(crate::Error::QueryTooLong {
                chars,
                max: crate::MAX_QUERY_CHARS,
            });
        }
        Ok(ReadRequest {
            target,
            lang,
            as_of,
            parallel: args.parallel,
            texts: args.texts,
            // Below `LIST_END`.
            offset: offset as usize,
            mark,
        })
    }

    /// Whether the index has the request's act, and its unit when it names one, found by
    /// their ids without reading the act: [`crate::Error::UnknownAct`] or
    /// [`crate::Error::UnknownUnit`] as reading it says, so that a page's address for a
    /// provision the index lacks answers as `GET /v1/acts/{id}/units/{eid}` does before its
    /// script reads the API. The date and the language are left to the read.
    ///
    /// ```no_run
    /// # fn main() -> zanlex::Result<()> {
    /// use zanlex::pages::{ReadArgs, ReadRequest};
    /// let index = zanlex::ZanIndex::open("index")?;
    /// let args = ReadArgs { target: "mfa-order-2018-01-04-11-1-4-1#para_99", ..Default::default() };
    /// let err = ReadRequest::parse(&args, str::to_string)?.found_in(&index).unwrap_err();
    /// assert_eq!(err.code(), zanlex::ErrorCode::NotFound);
    /// # Ok(()) }
    /// ```
    pub fn found_in(&self, index: &ZanIndex) -> crate::Result<()> {
        let (act, eid) = (&self.target.act, self.target.eid());
        if !index.store().has_target(act, None)? {
            // The error with the ids nearest to it, as a read gives it.
            return index.act(act).map(drop);
        }
        match eid {
            Some(eid) if !index.store().has_target(act, Some(eid))? => {
                Err(crate::Error::UnknownUnit {
                    act: act.clone(),
                    eid: eid.to_string(),
                })
            }
            _ => Ok(()),
        }
    }

    /// The act's outline on the request's date; with texts, the page of its outline and
    /// texts from the request's offset within `max_chars`, the words `mark` asks marked
    /// ([`super::pages::page_act_texts`]).
    pub(super) fn outline(
        &self,
        index: &ZanIndex,
        max_chars: usize,
        mark: Option<&str>,
    ) -> crate::Result<ActOutline> {
        let (act, lang) = (&self.target.act, self.lang);
        if self.texts {
            let page = (self.offset, max_chars);
            return index.act_texts_page(act, (lang, self.as_of), page, mark);
        }
        match self.as_of {
            Some(date) => index.outline_on(act, lang, date, false),
            None => index.act_outline(act, lang, false),
        }
    }
}

/// What `at_date` asks: unit `eid` of `act` on `date`, in `lang` (the first language that
/// has it when `None`).
///
/// ```
/// use zanlex::pages::{AtDateRequest, ReadArgs};
/// let name = |n: &str| if n == "as_of" { "date".to_string() } else { n.to_string() };
/// let args = ReadArgs { target: "a#p_1", as_of: Some("2020-01-01"), ..Default::default() };
/// let req = AtDateRequest::parse(&args, name).unwrap();
/// assert_eq!((req.act.as_str(), req.eid.as_str()), ("a", "p_1"));
/// assert!(AtDateRequest::parse(&ReadArgs { as_of: None, ..args.clone() }, name).is_err());
/// assert!(AtDateRequest::parse(&ReadArgs { target: "a", ..args }, name).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AtDateRequest {
    /// The act's id.
    pub act: String,
    /// The unit's eid.
    pub eid: String,
    /// The day asked about.
    pub date: NaiveDate,
    /// The language of the text.
    pub lang: Option<Lang>,
}

impl AtDateRequest {
    /// Checks a unit's read on a date as [`ReadRequest::parse`] does, and that it names one
    /// unit (`ACT_ID#EID`) and a date ([`crate::Error::BadArgument`] otherwise).
    pub fn parse(args: &ReadArgs<'_>, name: impl Fn(&str) -> String) -> crate::Result<Self> {
        let read = ReadRequest::parse(args, &name)?;
        let bad = crate::Error::BadArgument;
        let Some(eid) = read.target.eid else {
            let target = name("target");
            return Err(bad(format!(
                "at_date needs one unit: write {target} as ACT_ID#EID; `read` with {target} \
                 {:?} lists the act's units and their eids",
                read.target.act
            )));
        };
        let Some(date) = read.as_of else {
            return Err(bad(format!(
                "{} is empty: give the day, YYYY-MM-DD, e.g. 2020-01-01",
                name("as_of")
            )));
        };
        Ok(AtDateRequest {
            act: read.target.act,
            eid,
            date,
            lang: read.lang,
        })
    }
}

/// The request's act as the HTTP API (`GET /v1/acts/{id}`) and `zanlex show ACT_ID --json`
/// send it: its outline on the request's date, within `budget` (its deepest levels left out,
/// saying so, past the budget's size); with `texts`, its units from `offset` each with its
/// own text, the outline and the texts together ending where a unit ends within the budget
/// (`next_offset` gives the next), the words asked marked.
pub fn act_page(
    index: &ZanIndex,
    request: &ReadRequest,
    budget: &Budget,
) -> crate::Result<ActOutline> {
    if let Some(eid) = request.target.eid() {
        return Err(crate::Error::BadArgument(format!(
            "{}#{eid} is a unit, not an act: read it as a unit",
            request.target.act
        )));
    }
    let mut outline = request.outline(index, budget.answer_chars, request.mark.as_deref())?;
    if !request.texts {
        bound_act_outline(&mut outline, budget);
    }
    Ok(outline)
}

/// The request's unit as the HTTP API (`GET /v1/acts/{id}/units/{eid}`) and `zanlex show
/// ACT_ID#EID --json` send it: in the language asked (Kazakh first when none), or in each
/// language side by side with `parallel`, on the request's date by the point-in-time rule,
/// its text within `budget`, the words asked marked.
pub fn unit_page(
    index: &ZanIndex,
    request: &ReadRequest,
    budget: &Budget,
) -> crate::Result<UnitOrParallel> {
    let Some(eid) = request.target.eid() else {
        return Err(crate::Error::BadArgument(format!(
            "{} is an act: write ACT_ID#EID to read one of its units",
            request.target.act
        )));
    };
    let (act, as_of) = (&request.target.act, request.as_of);
    let rest = "its units are listed in `children`: read each by its eid";
    if request.parallel {
        let mut both = index.parallel_unit(act, eid, as_of)?;
        for unit in both.units_mut() {
            unit.bound_texts(budget.text_chars, rest);
        }
        if let Some(words) = &request.mark {
            both.mark(index, words)?;
        }
        return Ok(UnitOrParallel::Both(Box::new(both)));
    }
    let mut one = index.unit_answer(act, eid, request.lang, as_of)?;
    one.bound_texts(budget.text_chars, rest);
    if let Some(words) = &request.mark {
        one.mark(index, words)?;
    }
    Ok(UnitOrParallel::One(Box::new(one)))
}

/// An act's outline with its links: what the MCP tool `read` sends for an act.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ActRead {
    /// The act's page (see [`Links`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// Set when the outline was too large to send whole: what was left out and how to see it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The outline.
    #[serde(flatten)]
    pub outline: ActOutline,
}

/// A unit's text in the languages asked for, with its links: what the MCP tool `read`
/// sends for a unit.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct UnitRead {
    /// `ACT_ID#EID`.
    pub target: String,
    /// The citation in the first language that has the unit (Kazakh first).
    pub citation: String,
    /// The unit's page (see [`Links`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// The unit in each language (`null` where a language lacks it or was not asked for).
    #[serde(flatten)]
    pub both: ParallelUnit,
}

/// What the MCP tool `read` sends: an act's outline or a unit's text.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ReadAnswer {
    /// An act's outline.
    Act(Box<ActRead>),
    /// A unit's text.
    Unit(Box<UnitRead>),
}

/// Most units of an act's outline `read` sends: past it, or past the budget's
/// `outline_chars`, the outline's deepest levels are left out.
pub const MAX_OUTLINE_UNITS: usize = 600;

/// What `read` answers for the request's `target` on `as_of` in `lang`: the act's outline (the units it had
/// that day, with their states, when a date is asked), or the unit in the language asked for
/// (both side by side when none is), its text within `budget`.
pub fn read(
    index: &ZanIndex,
    request: &ReadRequest,
    links: &Links,
    budget: &Budget,
) -> crate::Result<ReadAnswer> {
    let ReadRequest {
        ref target,
        lang,
        as_of,
        ..
    } = *request;
    let Some(eid) = target.eid() else {
        let mut outline = request.outline(index, budget.answer_chars, None)?;
        let units = std::mem::take(&mut outline.units);
        let room = budget
            .outline_chars
            .saturating_sub(json_chars(&outline) + CUT_NOTE_CHARS);
        outline.units = units;
        let note = bound_outline(
            &mut outline.units,
            &outline.id,
            MAX_OUTLINE_UNITS,
            room,
            "call `read` with",
        );
        return Ok(ReadAnswer::Act(Box::new(ActRead {
            permalink: links.permalink(&outline.id, None, as_of, outline.official_url.as_deref()),
            note,
            outline,
        })));
    };
    let mut both = index.parallel_unit(&target.act, eid, as_of)?;
    if let Some(lang) = lang {
        for (_, unit) in both.iter_mut().filter(|(l, _)| *l != lang) {
            *unit = None;
        }
    }
    if both.units_mut().next().is_none() {
        // The language asked for lacks it: the library's own message for that language.
        index.unit_answer(&target.act, eid, lang, as_of)?;
    }
    let rest = "its units are listed in `children`: `read` each by its eid";
    for unit in both.units_mut() {
        unit.bound_texts(budget.text_chars, rest);
    }
    let first = both.columns().find_map(|(_, unit)| unit);
    let (citation, act_id, official) = first
        .map(|u| (u.citation.clone(), u.act.id.clone(), u.act.url.clone()))
        .unwrap_or_else(|| (String::new(), target.act.clone(), None));
    Ok(ReadAnswer::Unit(Box::new(UnitRead {
        target: format!("{act_id}#{eid}"),
        citation,
        permalink: links.permalink(&act_id, Some(eid), as_of, official.as_deref()),
        both,
    })))
}

/// A unit as it stood on a date, with its link: what the MCP tool `at_date` sends.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct UnitOnDate {
    /// The date asked for.
    pub date: NaiveDate,
    /// The unit's page on that date (see [`Links`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// The unit; its `state_text` in English (the library's words are in the text's
    /// language, for its readers; an assistant is told in the language of its instructions).
    #[serde(flatten)]
    pub unit: UnitAnswer,
}

/// What `at_date` answers: the request's unit on its date, by the point-in-time rule, its
/// text within `budget`.
pub fn at_date(
    index: &ZanIndex,
    request: &AtDateRequest,
    links: &Links,
    budget: &Budget,
) -> crate::Result<UnitOnDate> {
    let AtDateRequest {
        ref act,
        ref eid,
        date,
        lang,
    } = *request;
    let mut unit = index.unit_answer(act, eid, lang, Some(date))?;
    unit.bound_texts(
        budget.text_chars,
        "its units are listed in `children`: `at_date` each by its eid",
    );
    unit.state_text = unit.state.describe(Some(date), None);
    // The repealing or deleting act named with the state, in the words an assistant reads.
    if let Some(by) = unit.state_by_words() {
        unit.state_text = format!("{}; {by}", unit.state_text);
    }
    Ok(UnitOnDate {
        date,
        permalink: links.permalink(&unit.act.id, Some(eid), Some(date), unit.act.url.as_deref()),
        unit,
    })
}
