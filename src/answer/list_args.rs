//! The lists about an act or a unit (its history, what it refers to, what cites it, the acts
//! related to it), what changed in it, and the corpus's counts, as every door asks them: the
//! values as typed ([`ListArgs`], [`ChangesArgs`], [`DiffArgs`], [`StatsArgs`]), checked in
//! one place by each request's `parse` ([`HistoryRequest::parse`], [`RefsRequest::parse`],
//! [`RelatedRequest::parse`], [`ChangesRequest::parse`], [`DiffRequest::parse`],
//! [`StatsRequest::parse`]), so that a
//! bad date or language is the same error, with the same code, from the command line, the
//! HTTP API and the MCP tools.

use super::changes::{ChangesRequest, ChangesSpan, DEFAULT_CHANGES_PAGE, MAX_CHANGES_PAGE};
use super::pages::{Budget, DiffRequest, HistoryRequest, Paging, RefsRequest, StatsRequest};
use super::related::RelatedRequest;
use super::Target;
use crate::model::Lang;
use chrono::NaiveDate;

/// A list about an act or a unit as a door received it, each value as typed (an empty text
/// is as if not given), before a request's `parse` checks it: what [`HistoryRequest::parse`],
/// [`RefsRequest::parse`] (`refs` and `cited_by`) and [`RelatedRequest::parse`] read.
///
/// ```
/// let args = zanlex::pages::ListArgs { target: "a#p_1", lang: Some("ru"), ..Default::default() };
/// assert_eq!(args.as_of, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListArgs<'a> {
    /// `ACT_ID` (the whole act) or `ACT_ID#EID` (one of its units); an act's id alone for
    /// its related acts.
    pub target: &'a str,
    /// The language of the text read (`kk`, `ru`).
    pub lang: Option<&'a str>,
    /// The day the texts are read on (`YYYY-MM-DD`); today when `None`. Not read by
    /// [`HistoryRequest::parse`]: a history holds every day.
    pub as_of: Option<&'a str>,
    /// Entries before the page (the `next_offset` of the page before).
    pub offset: Option<u64>,
    /// Entries on the page, within the door's [`Budget`].
    pub limit: Option<u64>,
    /// `cited_by`: references to the target itself only, not to the units inside it.
    pub exact: bool,
    /// `refs`: the references that could not be resolved only.
    pub unresolved: bool,
}

/// `v` trimmed, `None` when empty.
fn given(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|v| !v.is_empty())
}

/// The language value `key` (spelt by `name`), `None` when not given.
fn lang_value(
    v: Option<&str>,
    key: &str,
    name: &impl Fn(&str) -> String,
) -> crate::Result<Option<Lang>> {
    given(v)
        .map(|l| {
            crate::lang_arg(l).map_err(|e| crate::Error::BadArgument(format!("{}: {e}", name(key))))
        })
        .transpose()
}

/// The date value `key` (spelt by `name`), `None` when not given.
fn day_value(
    v: Option<&str>,
    key: &str,
    name: &impl Fn(&str) -> String,
) -> crate::Result<Option<NaiveDate>> {
    given(v).map(|d| crate::date_arg(&name(key), d)).transpose()
}

impl HistoryRequest {
    /// Checks a history as a door received it: the target (`ACT_ID` or `ACT_ID#EID`), the
    /// language and the page, within `budget`'s page sizes. Errors are the library's, with
    /// their codes ([`crate::Error::BadArgument`]); `name` spells each value's name as the
    /// door does (`--lang` on the command line, `lang` elsewhere).
    ///
    /// ```
    /// use zanlex::pages::{Budget, HistoryRequest, ListArgs};
    /// let args = ListArgs { target: "a#p_1", lang: Some("ru"), limit: Some(5), ..Default::default() };
    /// let req = HistoryRequest::parse(&args, &Budget::SERVER, str::to_string).unwrap();
    /// assert_eq!((req.target.eid(), req.lang), (Some("p_1"), Some(zanlex::Lang::Ru)));
    /// let bad = ListArgs { lang: Some("en"), ..args };
    /// let err = HistoryRequest::parse(&bad, &Budget::SERVER, |n| format!("--{n}")).unwrap_err();
    /// assert_eq!(err.code(), zanlex::ErrorCode::BadRequest);
    /// assert!(err.to_string().starts_with("--lang: \"en\" is not a language here"), "{err}");
    /// ```
    pub fn parse(
        args: &ListArgs<'_>,
        budget: &Budget,
        name: impl Fn(&str) -> String,
    ) -> crate::Result<Self> {
        let target = Target::parse(args.target)?;
        let lang = lang_value(args.lang, "lang", &name)?;
        let paging = budget.list_paging(args.offset, args.limit)?;
        Ok(HistoryRequest::new(target, paging).lang(lang))
    }
}

impl RefsRequest {
    /// Checks `refs` or `cited_by` as a door received it: the target, the language, the
    /// date the texts are read on, the page within `budget`'s sizes, and `exact` and
    /// `unresolved` as given. Errors as [`HistoryRequest::parse`]'s.
    ///
    /// ```
    /// use zanlex::pages::{Budget, ListArgs, RefsRequest};
    /// let args = ListArgs { target: "a", as_of: Some("2020-01-01"), exact: true, ..Default::default() };
    /// let req = RefsRequest::parse(&args, &Budget::SERVER, str::to_string).unwrap();
    /// assert_eq!(req.as_of, chrono::NaiveDate::from_ymd_opt(2020, 1, 1));
    /// assert!(req.exact && req.target.eid().is_none());
    /// let bad = ListArgs { as_of: Some("2020-13-01"), ..args };
    /// let err = RefsRequest::parse(&bad, &Budget::SERVER, str::to_string).unwrap_err();
    /// assert_eq!(err.code(), zanlex::ErrorCode::BadRequest);
    /// ```
    pub fn parse(
        args: &ListArgs<'_>,
        budget: &Budget,
        name: impl Fn(&str) -> String,
    ) -> crate::Result<Self> {
        let target = Target::parse(args.target)?;
        let lang = lang_value(args.lang, "lang", &name)?;
        let as_of = day_value(args.as_of, "as_of", &name)?;
        let paging = budget.list_paging(args.offset, args.limit)?;
        Ok(RefsRequest::new(target, paging)
            .lang(lang)
            .as_of(as_of)
            .exact(args.exact)
            .unresolved(args.unresolved))
    }
}

impl RelatedRequest {
    /// Checks the related acts of an act as a door received them: the act's id (not empty,
    /// no unit: a unit's acts are its act's), the language, the date the states are read on
    /// and the page within `budget`'s sizes. Errors as [`HistoryRequest::parse`]'s.
    ///
    /// ```
    /// use zanlex::pages::{Budget, ListArgs, RelatedRequest};
    /// let args = ListArgs { target: " a ", lang: Some("kk"), ..Default::default() };
    /// let req = RelatedRequest::parse(&args, &Budget::SERVER, str::to_string).unwrap();
    /// assert_eq!(req.act, "a");
    /// assert!(RelatedRequest::parse(&ListArgs { target: " ", ..args }, &Budget::SERVER, str::to_string).is_err());
    /// ```
    pub fn parse(
        args: &ListArgs<'_>,
        budget: &Budget,
        name: impl Fn(&str) -> String,
    ) -> crate::Result<Self> {
        let act = args.target.trim();
        if act.is_empty() {
            return Err(crate::Error::BadArgument(format!(
                "{} is empty: give an act id, as a search hit's `act.id` or `zanlex acts` gives it",
                name("act")
            )));
        }
        let lang = lang_value(args.lang, "lang", &name)?;
        let as_of = day_value(args.as_of, "as_of", &name)?;
        let paging = budget.list_paging(args.offset, args.limit)?;
        Ok(RelatedRequest::new(act, paging).lang(lang).as_of(as_of))
    }
}

/// What changed in an act or a unit, as a door received it, before [`ChangesRequest::parse`]
/// checks it.
///
/// ```
/// let args = zanlex::pages::ChangesArgs { target: "a", from: Some("2020-01-01"), ..Default::default() };
/// assert_eq!(args.edition, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangesArgs<'a> {
    /// `ACT_ID` or `ACT_ID#EID`.
    pub target: &'a str,
    /// An edition id: what it changed against the edition before it.
    pub edition: Option<&'a str>,
    /// The earlier date (`YYYY-MM-DD`).
    pub from: Option<&'a str>,
    /// The later date; today when `None`.
    pub to: Option<&'a str>,
    /// The language of the text compared (`kk`, `ru`).
    pub lang: Option<&'a str>,
    /// Unit changes and amendment events before the page.
    pub offset: Option<u64>,
    /// Unit changes and amendment events on the page (1 to [`MAX_CHANGES_PAGE`]).
    pub limit: Option<u64>,
}

impl ChangesRequest {
    /// Checks `changes` as a door received it: the target, the language, the page, the two
    /// dates and the edition (either an edition or dates, [`ChangesSpan::new`]). Errors as
    /// [`HistoryRequest::parse`]'s.
    ///
    /// ```
    /// use zanlex::pages::{ChangesArgs, ChangesRequest};
    /// let args = ChangesArgs { target: "a", from: Some("2020-01-01"), ..Default::default() };
    /// assert!(ChangesRequest::parse(&args, str::to_string).unwrap().span.is_some());
    /// let bad = ChangesArgs { from: Some("2020-02-30"), ..args };
    /// let err = ChangesRequest::parse(&bad, str::to_string).unwrap_err();
    /// assert_eq!(err.code(), zanlex::ErrorCode::BadRequest);
    /// ```
    pub fn parse(args: &ChangesArgs<'_>, name: impl Fn(&str) -> String) -> crate::Result<Self> {
        let target = Target::parse(args.target)?;
        let lang = lang_value(args.lang, "lang", &name)?;
        let paging = Paging::new(
            args.offset,
            args.limit,
            DEFAULT_CHANGES_PAGE,
            MAX_CHANGES_PAGE,
        )?;
        let from = day_value(args.from, "from", &name)?;
        let to = day_value(args.to, "to", &name)?;
        let span = ChangesSpan::new(args.edition, from, to)?;
        Ok(ChangesRequest::new(target, span, paging).lang(lang))
    }
}

/// A diff as a door received it, each value as typed (an empty text is as if not given),
/// before [`DiffRequest::parse`] checks it.
///
/// ```
/// let args = zanlex::pages::DiffArgs { target: "a", from: Some("2020-01-01"), ..Default::default() };
/// assert_eq!(args.to, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DiffArgs<'a> {
    /// `ACT_ID` or `ACT_ID#EID` (the unit and the units inside it).
    pub target: &'a str,
    /// The earlier side: an edition id (as the act's versions list it) or a date.
    pub from: Option<&'a str>,
    /// The later side: an edition id or a date.
    pub to: Option<&'a str>,
    /// The language of the texts compared (`kk`, `ru`).
    pub lang: Option<&'a str>,
    /// Changes (units) before the page.
    pub offset: Option<u64>,
    /// Changes on the page, within the door's [`Budget`].
    pub limit: Option<u64>,
}

impl DiffRequest {
    /// Checks a diff as a door received it: the target, the language, the two sides (both
    /// needed: an edition id or a date each, read when answered) and the page within
    /// `budget`'s sizes. Errors as [`HistoryRequest::parse`]'s.
    ///
    /// ```
    /// use zanlex::pages::{Budget, DiffArgs, DiffRequest};
    /// let args = DiffArgs { target: "a#p_1", from: Some("2019-01-01"), to: Some("2020-01-01"), ..Default::default() };
    /// let req = DiffRequest::parse(&args, &Budget::SERVER, str::to_string).unwrap();
    /// assert_eq!((req.from.as_str(), req.target.eid()), ("2019-01-01", Some("p_1")));
    /// let err = DiffRequest::parse(&DiffArgs { to: None, ..args.clone() }, &Budget::SERVER, str::to_string).unwrap_err();
    /// assert_eq!(err.to_string(), "to is missing: give a version id or a date, e.g. to=2020-01-01");
    /// let bad = DiffArgs { lang: Some("en"), ..args };
    /// let err = DiffRequest::parse(&bad, &Budget::SERVER, |n| format!("--{n}")).unwrap_err();
    /// assert_eq!(err.code(), zanlex::ErrorCode::BadRequest);
    /// ```
    pub fn parse(
        args: &DiffArgs<'_>,
        budget: &Budget,
        name: impl Fn(&str) -> String,
    ) -> crate::Result<Self> {
        let target = Target::parse(args.target)?;
        let lang = lang_value(args.lang, "lang", &name)?;
        let side = |v: Option<&str>, key: &str| {
            given(v).map(str::to_string).ok_or_else(|| {
                let n = name(key);
                crate::Error::BadArgument(format!(
                    "{n} is missing: give a version id or a date, e.g. {n}=2020-01-01"
                ))
            })
        };
        let from = side(args.from, "from")?;
        let to = side(args.to, "to")?;
        let paging = budget.list_paging(args.offset, args.limit)?;
        Ok(DiffRequest::new(target, from, to, paging).lang(lang))
    }
}

/// The corpus's counts as a door asked them, before [`StatsRequest::parse`] checks them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatsArgs<'a> {
    /// Count only the amendments taking effect on or after this day (`YYYY-MM-DD`).
    pub since: Option<&'a str>,
    /// Entries of each ranked list ([`crate::DEFAULT_STATS_LIMIT`] when `None`).
    pub limit: Option<u64>,
}

impl StatsRequest {
    /// Checks `stats` as a door received it: the day counted from. The length of the ranked
    /// lists is checked by [`super::pages::stats`]. Errors as [`HistoryRequest::parse`]'s.
    ///
    /// ```
    /// use zanlex::pages::{StatsArgs, StatsRequest};
    /// let req = StatsRequest::parse(&StatsArgs { since: Some("2020-01-01"), limit: None }, str::to_string).unwrap();
    /// assert_eq!(req.limit, zanlex::DEFAULT_STATS_LIMIT);
    /// assert!(StatsRequest::parse(&StatsArgs { since: Some("x"), limit: None }, str::to_string).is_err());
    /// ```
    pub fn parse(args: &StatsArgs<'_>, name: impl Fn(&str) -> String) -> crate::Result<Self> {
        let since = day_value(args.since, "since", &name)?;
        let limit = args.limit.unwrap_or(crate::DEFAULT_STATS_LIMIT as u64);
        // Checked when answered; a value past `usize` is out of its range too.
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        Ok(StatsRequest::new(since, limit))
    }
}
