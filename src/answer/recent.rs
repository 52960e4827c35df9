//! Recent changes: the amendments the acts' notes record, across the corpus, in one act or in
//! the acts a search finds, newest first by the day they take effect — what a reader follows
//! an act by (`GET /v1/changes`, the page's recent-changes view and its Atom feeds).
//!
//! One entry is what one amending act changed in one act, as an act's history groups its
//! events ([`crate::AmendingActChanges`]), with the act it changed beside it.

use super::history::{document_order, group_by_amending_act, ActChangesInWords, ChangedUnit};
use super::pages::{fit_list, paged_list, Budget, Links, PageHead, Paging};
use crate::model::{Act, EffectiveDate, Lang, Status};
use crate::{HistoryEntry, SearchRequest, ZanIndex};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// Changes on a page of recent changes when not asked.
pub const DEFAULT_RECENT_PAGE: usize = 20;
/// Most changes one page of recent changes may ask for.
pub const MAX_RECENT_PAGE: usize = 100;
/// Most acts a search's recent changes follow: the first acts of its best hits.
pub const MAX_RECENT_QUERY_ACTS: usize = 20;
/// Hits read to find a search's acts.
const QUERY_HITS: usize = 200;

/// Whose changes a [`RecentChangesRequest`] lists.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecentScope {
    /// Every act of the corpus.
    Corpus,
    /// One act, by id.
    Act(String),
    /// The acts a search finds (the query syntax of [`crate::Query`]): the acts of its best
    /// hits, at most [`MAX_RECENT_QUERY_ACTS`].
    Query(String),
}

/// What [`recent_changes`] asks: the changes of `scope` whose day falls within `since` ..=
/// `until` (each bound left open when `None`), in `lang`'s text, the page `paging`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecentChangesRequest {
    /// Whose changes.
    pub scope: RecentScope,
    /// The earliest day listed.
    pub since: Option<NaiveDate>,
    /// The latest day listed.
    pub until: Option<NaiveDate>,
    /// The language of the acts' texts whose notes are read; Kazakh first when `None`.
    pub lang: Option<Lang>,
    /// The page.
    pub paging: Paging,
}

/// Recent changes as a door received them, each value as typed (an empty text is as if not
/// given), before [`RecentChangesRequest::parse`] checks them.
///
/// ```
/// let args = zanlex::pages::RecentArgs { act: Some("a"), limit: Some(5), ..Default::default() };
/// assert_eq!(args.since, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecentArgs<'a> {
    /// Only this act's changes (its id).
    pub act: Option<&'a str>,
    /// Only the changes of the acts this search finds.
    pub query: Option<&'a str>,
    /// The earliest day listed (`YYYY-MM-DD`).
    pub since: Option<&'a str>,
    /// The latest day listed (`YYYY-MM-DD`).
    pub until: Option<&'a str>,
    /// The language of the texts whose notes are read (`kk`, `ru`).
    pub lang: Option<&'a str>,
    /// Changes before the page (0 when `None`).
    pub offset: Option<u64>,
    /// Changes on the page ([`DEFAULT_RECENT_PAGE`] when `None`, at most [`MAX_RECENT_PAGE`]).
    pub limit: Option<u64>,
}

impl RecentChangesRequest {
    /// Checks recent changes as a door received them: the page, the days, the language, and
    /// whose changes (one act or a search's acts, not both; the search within the length a
    /// query may have). Errors are the library's, with their codes
    /// ([`crate::Error::BadArgument`], [`crate::Error::QueryTooLong`]); `name` spells each
    /// value's name as the door does (`--since` on the command line, `since` elsewhere).
    ///
    /// ```
    /// use zanlex::pages::{RecentArgs, RecentChangesRequest, RecentScope};
    /// let name = |n: &str| n.to_string();
    /// let args = RecentArgs { act: Some(" a "), since: Some("2020-01-01"), ..Default::default() };
    /// let req = RecentChangesRequest::parse(&args, name).unwrap();
    /// assert_eq!((req.scope, req.paging.limit), (RecentScope::Act("a".into()), 20));
    /// let both = RecentArgs { query: Some("виза"), ..args.clone() };
    /// assert!(RecentChangesRequest::parse(&both, name).is_err());
    /// let big = RecentArgs { limit: Some(101), ..args };
    /// assert_eq!(RecentChangesRequest::parse(&big, name).unwrap_err().code(), zanlex::ErrorCode::BadRequest);
    /// ```
    pub fn parse(args: &RecentArgs<'_>, name: impl Fn(&str) -> String) -> crate::Result<Self> {
        let bad = crate::Error::BadArgument;
        let given = |v: Option<&str>| {
            v.map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let paging = Paging::new(
            args.offset,
            args.limit,
            DEFAULT_RECENT_PAGE,
            MAX_RECENT_PAGE,
        )?;
        let day = |key: &str, v: Option<&str>| {
            given(v)
                .map(|d| crate::date_arg(&name(key), &d))
                .transpose()
        };
        let (since, until) = (day("since", args.since)?, day("until", args.until)?);
        let lang = given(args.lang)
            .map(|l| crate::lang_arg(&l).map_err(|e| bad(format!("{}: {e}", name("lang")))))
            .transpose()?;
        let query = given(args.query);
        if let Some(chars) = query
            .as_ref()
            .map(|q| q.chars().count())
            .filter(|n| *n > crate::MAX_QUERY_CHARS)
        {
            return Err(crate::Error::QueryTooLong {
                chars,
                max: crate::MAX_QUERY_CHARS,
            });
        }
        let scope = match (given(args.act), query) {
            (Some(_), Some(_)) => {
                return Err(bad(format!(
                    "give either {} (one act's changes) or {} (the changes of the acts a \
                     search finds), not both",
                    name("act"),
                    name("query")
                )))
            }
            (Some(act), None) => RecentScope::Act(act),
            (None, Some(q)) => RecentScope::Query(q),
            (None, None) => RecentScope::Corpus,
        };
        Ok(RecentChangesRequest::new(scope, paging)
            .days(since, until)
            .lang(lang))
    }

    /// The changes of `scope`, the page `paging`, any day, Kazakh first.
    pub fn new(scope: RecentScope, paging: Paging) -> Self {
        RecentChangesRequest {
            scope,
            since: None,
            until: None,
            lang: None,
            paging,
        }
    }

    /// Only the changes whose day falls within `since ..= until`.
    pub fn days(mut self, since: Option<NaiveDate>, until: Option<NaiveDate>) -> Self {
        self.since = since;
        self.until = until;
        self
    }

    /// In `lang`'s text.
    pub fn lang(mut self, lang: Option<Lang>) -> Self {
        self.lang = lang;
        self
    }
}

/// What one amending act changed in one act: the amending act in official form, when it was
/// signed, the days its changes take effect, the units it changed, and the act.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct RecentChange {
    /// The day the change is listed by: the last day one of its changes takes effect, else
    /// the day the amending act was signed.
    pub day: Option<NaiveDate>,
    /// The act changed: its id.
    pub act_id: String,
    /// Its title.
    pub act_title: String,
    /// Its short name in official form in its own language (issuer, date, number, kind).
    pub act_citation: String,
    /// Its short name in official form in Kazakh and in Russian, for a reader of either.
    pub act_in_words: crate::UnitInWords,
    /// Its status.
    pub act_status: Status,
    /// The language of its text whose notes record the change.
    pub act_lang: Lang,
    /// The act's page on the day the change takes effect (see [`Links`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// The amending act in official form, in the language of the act's text.
    pub amending_act: String,
    /// The amending act's id when the corpus holds it.
    pub amending_act_id: Option<String>,
    /// The date the amending act was signed.
    pub signed: Option<NaiveDate>,
    /// The first day one of its changes takes effect (`estimated` when it rests on an
    /// assumption); `None` when no event's day is known.
    pub effective: Option<EffectiveDate>,
    /// The last day one of its changes takes effect, when later than `effective`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_last: Option<EffectiveDate>,
    /// The amending act and its first effective day in words, in Kazakh and in Russian.
    pub in_words: ActChangesInWords,
    /// The units it changed, each once, in the act's order (the first
    /// [`Budget::inner_items`]; `units_total` counts them all).
    pub units: Vec<ChangedUnit>,
    /// How many units it changed.
    pub units_total: usize,
    /// How many amendment events the act's notes record for it.
    pub events: usize,
}

/// A page of recent changes, newest first (what `GET /v1/changes` sends).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct RecentChangesAnswer {
    /// The act asked for, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub act: Option<String>,
    /// The search asked for, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// The earliest day listed, when asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    /// The latest day listed, when asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// The acts followed: the act asked for, the acts the search found, or every act.
    pub acts: usize,
    /// The changes in all, on every page.
    pub total: usize,
    /// The page: `offset`, `limit`, `next_offset`, `cut`.
    #[serde(flatten)]
    pub page: PageHead,
    /// What the reader should know: the search's acts left out, no change recorded.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The page's changes, newest first.
    pub changes: Vec<RecentChange>,
}

/// A change as listed, with one of its events, whose amending act names it for the
/// corpus's look-up ([`ZanIndex::link_amending_acts`]).
#[derive(Debug, Clone)]
struct Listed {
    change: RecentChange,
    event: HistoryEntry,
}

/// The changes of every act, listed once per index generation and language.
#[derive(Default)]
struct CorpusChanges {
    by_lang: Mutex<HashMap<Option<Lang>, Arc<Vec<Listed>>>>,
}

/// The changes `act`'s notes record, grouped by amending act, its units bounded to
/// `max_units`.
fn act_changes(act: &Act, max_units: usize) -> crate::Result<Vec<Listed>> {
    let entries = crate::history(act, None)?;
    let groups = group_by_amending_act(&entries, &document_order(act));
    Ok(groups
        .into_iter()
        .filter_map(|g| {
            let event = entries.get(*g.entries.first()?)?.clone();
            let day = g
                .effective_last
                .as_ref()
                .or(g.effective.as_ref())
                .map(|e| e.date)
                .or(g.signed);
            let units_total = g.units.len();
            let mut units = g.units;
            units.truncate(max_units);
            Some(Listed {
                change: RecentChange {
                    day,
                    act_id: act.id.clone(),
                    act_title: act.title.clone(),
                    act_citation: act.short_name(),
                    act_in_words: crate::UnitInWords(crate::ByLang::from_fn(|l| {
                        act.short_name_in(l)
                    })),
                    act_status: act.status.clone(),
                    act_lang: act.lang,
                    permalink: None,
                    amending_act: g.amending_act,
                    amending_act_id: g.amending_act_id,
                    signed: g.signed,
                    effective: g.effective,
                    effective_last: g.effective_last,
                    in_words: g.in_words,
                    units,
                    units_total,
                    events: g.entries.len(),
                },
                event,
            })
        })
        .collect())
}

/// Act `id` in `lang` when it has that text, else in its first language (the changes of an
/// act with one language are listed whichever is asked); [`crate::Error::UnknownAct`] when
/// the index lacks it.
pub(super) fn expression(index: &ZanIndex, id: &str, lang: Option<Lang>) -> crate::Result<Act> {
    let mut all = index.expressions(id)?;
    match all.iter().position(|a| Some(a.lang) == lang) {
        Some(i) => Ok(all.swap_remove(i)),
        None if !all.is_empty() => Ok(all.swap_remove(0)),
        None => index.act_in(id, None),
    }
}

/// Newest first: by day (a change with no known day last), then by signing date, then by
/// act and amending act, so that a page is the same every time.
fn newest_first(list: &mut [Listed]) {
    list.sort_by(|a, b| {
        let (a, b) = (&a.change, &b.change);
        (b.day, b.signed)
            .cmp(&(a.day, a.signed))
            .then_with(|| a.act_id.cmp(&b.act_id))
            .then_with(|| a.amending_act.cmp(&b.amending_act))
    });
}

impl ZanIndex {
    /// The changes of every act in `lang` (else its first language), newest first, read
    /// once per generation of the index.
    fn corpus_changes(
        &self,
        lang: Option<Lang>,
        max_units: usize,
    ) -> crate::Result<Arc<Vec<Listed>>> {
        let store = self.store();
        let cache = store.per_generation(&store.searcher(), || Ok(CorpusChanges::default()))?;
        let held = || cache.by_lang.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(list) = held().get(&lang) {
            return Ok(Arc::clone(list));
        }
        // The expression read for each act: the one in `lang` when it has it, else its first.
        let mut chosen: HashMap<String, Act> = HashMap::new();
        self.for_each_act_outline(|act| {
            let better = match chosen.get(&act.id) {
                None => true,
                Some(had) => match lang {
                    Some(l) => had.lang != l && (act.lang == l || act.lang < had.lang),
                    None => act.lang < had.lang,
                },
            };
            if better {
                chosen.insert(act.id.clone(), act);
            }
            Ok(())
        })?;
        let mut list: Vec<Listed> = Vec::new();
        for act in chosen.values() {
            list.extend(act_changes(act, max_units)?);
        }
        newest_first(&mut list);
        let list = Arc::new(list);
        held().insert(lang, Arc::clone(&list));
        Ok(list)
    }
}

/// What [`recent_changes`] answers: the page of the request's changes, newest first, each
/// with the act it changed, the act's page on the day it takes effect, and the amending act's
/// id where the corpus holds it; a day range whose `since` is after its `until`, or an empty
/// query, is [`crate::Error::BadArgument`], an act the index lacks
/// [`crate::Error::UnknownAct`].
///
/// ```no_run
/// # fn main() -> zanlex::Result<()> {
/// use zanlex::pages::{recent_changes, Budget, Links, Paging, RecentChangesRequest, RecentScope};
/// let index = zanlex::ZanIndex::open("index")?;
/// let page = Paging::new(None, Some(10), 20, 100)?;
/// let request = RecentChangesRequest::new(RecentScope::Corpus, page);
/// let answer = recent_changes(&index, &request, &Links::relative(), &Budget::ASSISTANT)?;
/// for c in &answer.changes {
///     println!("{:?} {} — {}", c.day, c.act_citation, c.amending_act);
/// }
/// # Ok(())
/// # }
/// ```
pub fn recent_changes(
    index: &ZanIndex,
    request: &RecentChangesRequest,
    links: &Links,
    budget: &Budget,
) -> crate::Result<RecentChangesAnswer> {
    let RecentChangesRequest {
        ref scope,
        since,
        until,
        lang,
        paging,
    } = *request;
    if let (Some(s), Some(u)) = (since, until) {
        if s > u {
            return Err(crate::Error::BadArgument(format!(
                "since {s} is after until {u}; give the earlier day as `since`"
            )));
        }
    }
    let max_units = budget.inner_items.max(1);
    let mut notes = Vec::new();
    let (mut list, acts, act, query): (Vec<Listed>, usize, _, _) = match scope {
        RecentScope::Corpus => {
            let all = index.corpus_changes(lang, max_units)?;
            let acts = index.act_ids()?.len();
            (all.as_ref().clone(), acts, None, None)
        }
        RecentScope::Act(id) => {
            let act = expression(index, id, lang)?;
            let mut list = act_changes(&act, max_units)?;
            newest_first(&mut list);
            if list.is_empty() {
                notes.push(format!(
                    "the notes of act {} record no amendment",
                    act.short_name()
                ));
            }
            (list, 1, Some(act.id.clone()), None)
        }
        RecentScope::Query(q) => {
            let q = q.trim();
            if q.is_empty() {
                return Err(crate::Error::BadArgument(
                    "the query is empty: give the words whose acts' changes to list".into(),
                ));
            }
            let hits = index.search(&SearchRequest::new(q).limit(QUERY_HITS))?;
            let mut ids: Vec<String> = Vec::new();
            for hit in &hits.hits {
                if !ids.contains(&hit.act.id) {
                    ids.push(hit.act.id.clone());
                }
            }
            if ids.len() > MAX_RECENT_QUERY_ACTS {
                notes.push(format!(
                    "the search finds more acts than {MAX_RECENT_QUERY_ACTS}: the changes of \
                     the first {MAX_RECENT_QUERY_ACTS} by their best hit are listed; a more \
                     precise query (act:, kind:) narrows them"
                ));
                ids.truncate(MAX_RECENT_QUERY_ACTS);
            }
            if ids.is_empty() {
                notes.push(format!("the search {q:?} finds no act"));
            }
            let mut list = Vec::new();
            for id in &ids {
                list.extend(act_changes(&expression(index, id, lang)?, max_units)?);
            }
            newest_first(&mut list);
            (list, ids.len(), None, Some(q.to_string()))
        }
    };
    list.retain(|l| {
        let d = l.change.day;
        since.is_none_or(|s| d.is_some_and(|d| d >= s))
            && until.is_none_or(|u| d.is_some_and(|d| d <= u))
    });
    let total = list.len();
    let next_offset = paging.cut(&mut list);
    let mut events: Vec<HistoryEntry> = list.iter().map(|l| l.event.clone()).collect();
    index.link_amending_acts(&mut events)?;
    let mut official: HashMap<String, Option<String>> = HashMap::new();
    let mut changes = Vec::with_capacity(list.len());
    for (l, e) in list.into_iter().zip(events) {
        let mut c = l.change;
        c.amending_act_id = e.amending_act_id;
        let url = match official.get(&c.act_id) {
            Some(u) => u.clone(),
            None => {
                let u = index.act(&c.act_id)?.official_url;
                official.insert(c.act_id.clone(), u.clone());
                u
            }
        };
        let on = c.effective.as_ref().map(|e| e.date);
        c.permalink = links.permalink(&c.act_id, None, on, url.as_deref());
        changes.push(c);
    }
    let mut answer = RecentChangesAnswer {
        act,
        query,
        since,
        until,
        acts,
        total,
        page: PageHead::new(paging, next_offset, None),
        notes,
        changes,
    };
    fit_list(&mut answer, budget);
    Ok(answer)
}

paged_list!(RecentChangesAnswer, changes, "changes");

impl ZanIndex {
    /// The acts whose notes name as their amending act the act named by one of `keys`
    /// ([`crate::ActRef::key`]): each act's id and how many events its notes record for it,
    /// the act whose change takes effect last first; the notes read in `lang`'s text (else an
    /// act's first language), as the recent changes read them within `budget`.
    pub(crate) fn acts_amended_by(
        &self,
        keys: &[String],
        lang: Option<Lang>,
        budget: &Budget,
    ) -> crate::Result<Vec<(String, usize)>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let all = self.corpus_changes(lang, budget.inner_items.max(1))?;
        let mut out: Vec<(String, usize)> = Vec::new();
        for l in all.iter() {
            let named = l
                .event
                .amending_act_key
                .as_ref()
                .is_some_and(|k| keys.contains(k));
            if !named {
                continue;
            }
            match out.iter_mut().find(|(id, _)| *id == l.change.act_id) {
                Some((_, n)) => *n += l.change.events,
                None => out.push((l.change.act_id.clone(), l.change.events)),
            }
        }
        Ok(out)
    }
}
