//! A search as every door asks it: one request holding the query, its filters, the date, the
//! language and the page, checked in one place against the door's [`Budget`], and the two
//! answers made from it: the whole hits of a page ([`search_page`]: the command line's
//! `--json`, the HTTP API, the Python package) and an assistant's page of briefs
//! ([`hits_page`]: the MCP tool `search`).

use super::pages::{bound_text, json_chars, Budget, Links, PageHead, Paging};
use crate::model::Lang;
use crate::search::{Hit, SearchResults};
use crate::{SearchPage, SearchRequest, ZanIndex};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A search as a door received it, each value as typed (an empty text is as if not given),
/// before [`SearchPageRequest::parse`] checks it.
///
/// ```
/// let args = zanlex::pages::SearchArgs { query: "виза", limit: Some(5), ..Default::default() };
/// assert_eq!(args.offset, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchArgs<'a> {
    /// The query, in zanlex's query language.
    pub query: &'a str,
    /// Hits before the page (0 when `None`).
    pub offset: Option<u64>,
    /// Hits on the page (the budget's `search_page` when `None`).
    pub limit: Option<u64>,
    /// The day whose wording is searched (`YYYY-MM-DD`).
    pub as_of: Option<&'a str>,
    /// Only this act (its id).
    pub act: Option<&'a str>,
    /// Only acts of this kind (`order`, `law`, …).
    pub kind: Option<&'a str>,
    /// Only acts with this status (`in_force`, `repealed`, `unknown`).
    pub status: Option<&'a str>,
    /// Only texts in this language (`kk`, `ru`).
    pub lang: Option<&'a str>,
    /// Only acts of this issuer: its code (`mfa`) or its name, in Kazakh or Russian
    /// (`Министр иностранных дел`; [`crate::issuers`]).
    pub issuer: Option<&'a str>,
    /// Only the act with this state registration number (`16354`).
    pub registration: Option<&'a str>,
    /// Only acts with this number of their own (`11-1-4/1`).
    pub number: Option<&'a str>,
    /// Only acts adopted on this day or later (`YYYY-MM-DD` or `DD.MM.YYYY`).
    pub date_from: Option<&'a str>,
    /// Only acts adopted on this day or earlier (`YYYY-MM-DD` or `DD.MM.YYYY`).
    pub date_to: Option<&'a str>,
    /// Counts every match.
    pub exact_total: bool,
    /// How many matches are counted exactly (the library's default when `None`).
    pub total_bound: Option<u64>,
    /// Keeps hits in acts repealed on the day asked (today when none) on an assistant's page
    /// ([`hits_page`]).
    pub include_repealed: bool,
}

/// A search, checked: the engine's request for the best `offset + limit` hits, and the page of
/// them the door shows.
///
/// ```
/// use zanlex::pages::{Budget, SearchArgs, SearchPageRequest};
/// let name = |n: &str| n.to_string();
/// let args = SearchArgs { query: "виза", offset: Some(20), ..Default::default() };
/// let req = SearchPageRequest::parse(&args, &Budget::SERVER, name).unwrap();
/// assert_eq!((req.paging.offset, req.paging.limit, req.search.limit), (20, 10, 30));
/// // The same bounds, and the same error codes, in every door.
/// let zero = SearchArgs { limit: Some(0), ..args.clone() };
/// let err = SearchPageRequest::parse(&zero, &Budget::SERVER, name).unwrap_err();
/// assert_eq!(err.code(), zanlex::ErrorCode::LimitOutOfRange);
/// let far = SearchArgs { offset: Some(995), ..args.clone() };
/// let err = SearchPageRequest::parse(&far, &Budget::SERVER, name).unwrap_err();
/// assert_eq!(err.code(), zanlex::ErrorCode::OffsetOutOfRange);
/// assert!(SearchPageRequest::parse(&args, &Budget::LOCAL, name).is_ok());
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SearchPageRequest {
    /// The engine's request: the query, its filters, the date, the language, and the best
    /// `offset + limit` hits.
    pub search: SearchRequest,
    /// The page of hits.
    pub paging: Paging,
    /// Keeps hits in acts repealed on the day asked (today when none) on an assistant's page
    /// ([`hits_page`]).
    pub include_repealed: bool,
    /// Resolves the references the page's hits make (on by default; the command line's text,
    /// which shows none, turns it off).
    pub references: bool,
}

impl SearchPageRequest {
    /// Checks a search as a door received it: the query's length and syntax, the page within
    /// `budget`'s search pages and a search's last hit, the date, kind, status and language,
    /// and the act's requisites asked for (issuer, registration number, number, adoption
    /// dates; with one of them the query may be empty). An issuer that names none is
    /// [`crate::Error::UnknownIssuer`], with the names closest to it.
    ///
    /// ```
    /// use zanlex::pages::{Budget, SearchArgs, SearchPageRequest};
    /// use zanlex::Filter;
    /// let args = SearchArgs { issuer: Some("Министр иностранных дел"), registration: Some("№ 16354"),
    ///     date_from: Some("01.01.2018"), ..Default::default() };
    /// let req = SearchPageRequest::parse(&args, &Budget::SERVER, str::to_string).unwrap();
    /// assert_eq!(req.search.requisites[0], Filter::Issuer("mfa".into()));
    /// assert_eq!(req.search.requisites[1], Filter::Registration("16354".into()));
    /// let typo = SearchArgs { issuer: Some("Министр иностраных дел"), ..args };
    /// let err = SearchPageRequest::parse(&typo, &Budget::SERVER, str::to_string).unwrap_err();
    /// assert!(err.to_string().contains("«Министр иностранных дел Республики Казахстан»"));
    /// ```
    /// Errors are the library's, with their codes ([`crate::Error::QueryTooLong`],
    /// [`crate::Error::LimitOutOfRange`], [`crate::Error::OffsetOutOfRange`],
    /// [`crate::Error::Query`], [`crate::Error::BadArgument`]); `name` spells each value's name
    /// as the door does (`--as-of` on the command line, `as_of` elsewhere).
    pub fn parse(
        args: &SearchArgs<'_>,
        budget: &Budget,
        name: impl Fn(&str) -> String,
    ) -> crate::Result<Self> {
        let bad = crate::Error::BadArgument;
        let text = |v: Option<&str>| -> Option<String> {
            v.map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let chars = args.query.chars().count();
        if chars > crate::MAX_QUERY_CHARS {
            return Err(crate::Error::QueryTooLong {
                chars,
                max: crate::MAX_QUERY_CHARS,
            });
        }
        let requisites = requisites(args, &name)?;
        // A search by requisites alone has no query to read.
        if !args.query.trim().is_empty() || requisites.is_empty() {
            crate::Query::parse(args.query)?;
        }
        let limit = args.limit.unwrap_or(budget.search_page as u64);
        if limit == 0 || limit > budget.max_search_page as u64 {
            return Err(crate::Error::LimitOutOfRange {
                limit,
                max: budget.max_search_page,
            });
        }
        // Added without wrapping: an offset near the integer limit is out of range, not small.
        let offset = args.offset.unwrap_or(0);
        let end = offset.saturating_add(limit);
        if end > crate::MAX_LIMIT as u64 {
            return Err(crate::Error::OffsetOutOfRange {
                offset,
                limit,
                end: crate::MAX_LIMIT,
            });
        }
        // Both are below `MAX_LIMIT`.
        let paging = Paging {
            offset: offset as usize,
            limit: limit as usize,
        };
        // The hits' references are resolved for the page only, not the hits before it.
        let mut search = SearchRequest::new(args.query)
            .limit(end as usize)
            .exact_total(args.exact_total)
            .references(false);
        if let Some(bound) = args.total_bound {
            search = search.total_bound(usize::try_from(bound).unwrap_or(usize::MAX));
        }
        if let Some(d) = text(args.as_of) {
            search.as_of = Some(crate::date_arg(&name("as_of"), &d)?);
        }
        search.act = text(args.act);
        if let Some(k) = text(args.kind) {
            search.kind = Some(
                k.parse::<crate::ActKind>()
                    .map_err(|e| bad(format!("{}: {e}", name("kind"))))?,
            );
        }
        if let Some(s) = text(args.status) {
            search.status = Some(
                s.parse::<crate::StatusKind>()
                    .map_err(|e| bad(format!("{}: {e}", name("status"))))?,
            );
        }
        if let Some(l) = text(args.lang) {
            search.lang =
                Some(crate::lang_arg(&l).map_err(|e| bad(format!("{}: {e}", name("lang"))))?);
        }
        search.requisites = requisites;
        Ok(SearchPageRequest {
            search,
            paging,
            include_repealed: args.include_repealed,
            references: true,
        })
    }

    /// Whether the page's hits have their references resolved.
    pub fn references(mut self, resolve: bool) -> Self {
        self.references = resolve;
        self
    }

    /// How long the search may work before it answers with what it has found
    /// ([`SearchRequest::budget`]).
    pub fn time_limit(mut self, limit: Option<std::time::Duration>) -> Self {
        self.search.budget = limit;
        self
    }
}

/// The requisites `args` asks for, as filters: the issuer, the registration number, the
/// act's number, the adoption dates.
fn requisites(
    args: &SearchArgs<'_>,
    name: &impl Fn(&str) -> String,
) -> crate::Result<Vec<crate::Filter>> {
    let given = |v: Option<&str>| {
        v.map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let bad = |what: &str, e: String| crate::Error::BadArgument(format!("{}: {e}", name(what)));
    let mut out = Vec::new();
    if let Some(typed) = given(args.issuer) {
        let code = crate::search::issuers::issuer_code_of(&typed).map_err(|e| {
            crate::Error::UnknownIssuer {
                given: e.given.clone(),
                close: e.close.clone(),
                message: format!("{}: {e}", name("issuer")),
            }
        })?;
        out.push(crate::Filter::Issuer(code.to_string()));
    }
    if let Some(typed) = given(args.registration) {
        out.push(
            crate::search::query::number_filter(&typed, true)
                .map_err(|e| bad("registration", e))?,
        );
    }
    if let Some(typed) = given(args.number) {
        out.push(crate::search::query::number_filter(&typed, false).map_err(|e| bad("number", e))?);
    }
    let from = given(args.date_from);
    let to = given(args.date_to);
    if from.is_some() || to.is_some() {
        let day = |what: &str, v: &Option<String>| -> crate::Result<Option<chrono::NaiveDate>> {
            v.as_deref()
                .map(|d| {
                    crate::text::parse_iso_date(d)
                        .or_else(|| crate::text::parse_dotted_date(d))
                        .ok_or_else(|| {
                            bad(
                                what,
                                format!("bad date {d:?}; write YYYY-MM-DD or DD.MM.YYYY"),
                            )
                        })
                })
                .transpose()
        };
        let (from, to) = (day("date_from", &from)?, day("date_to", &to)?);
        if let (Some(a), Some(b)) = (from, to) {
            if a > b {
                return Err(bad(
                    "date_to",
                    format!("{b} is before {} {a}", name("date_from")),
                ));
            }
        }
        out.push(crate::Filter::Date { from, to });
    }
    Ok(out)
}

/// The request's page of hits, each whole, its references resolved, the page cut where a hit
/// ends to stay within `budget`'s `answer_chars`: what `zanlex search --json`, `GET
/// /v1/search` and the Python package's `search` give.
pub fn search_page(
    index: &ZanIndex,
    request: &SearchPageRequest,
    budget: &Budget,
) -> crate::Result<SearchPage> {
    let results = index.search(&request.search)?;
    let mut page = SearchPage::new(results, request.paging.offset, request.paging.limit);
    if request.references {
        page.results
            .resolve_references(index, request.search.as_of)?;
    }
    super::pages::bound_search_page(&mut page, budget.answer_chars);
    Ok(page)
}

/// The request's page of hits as an assistant reads them ([`HitsPage`]), each with its links,
/// within `budget`: what the MCP tool `search` sends.
pub fn hits_page(
    index: &ZanIndex,
    request: &SearchPageRequest,
    links: &Links,
    budget: &Budget,
) -> crate::Result<HitsPage> {
    let results = index.search(&request.search)?;
    hits_page_of(index, results, request, links, budget)
}

/// A search hit as an assistant reads it: the unit, its act and citation, the passage that
/// matched (its words marked), when its wording is in force, what it refers to and how it
/// was amended (counted, the first few listed), and the links that open it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HitBrief {
    /// 1-based, in the whole list of hits.
    pub rank: usize,
    /// True when the unit has fewer of the query's words than a full match.
    #[serde(default, skip_serializing_if = "is_false")]
    pub partial: bool,
    /// The language of the text (`kk`, `ru`).
    pub lang: String,
    /// The act.
    pub act: ActBrief,
    /// The unit.
    pub unit: UnitBrief,
    /// Its pinpoint citation.
    pub citation: String,
    /// The unit's text when short; else the passage the query's words are in, cut at word
    /// ends (`…`), those words in `[brackets]`.
    pub text: String,
    /// How many characters the unit's whole text has (`read` gives it).
    pub text_chars: usize,
    /// When the wording shown is in force, and its state.
    pub version: VersionBrief,
    /// The references of the unit's text, the first few (`references_total` counts them).
    pub references: Vec<RefBrief>,
    /// How many references the unit's text makes.
    pub references_total: usize,
    /// The latest amendments of the unit, the last few (`amendments_total` counts them).
    pub amendments: Vec<AmendmentBrief>,
    /// How many amendments touched the unit.
    pub amendments_total: usize,
    /// The question's words the unit does not say that other units of its article do, with
    /// where ([`Hit::in_article`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub in_article: Vec<crate::ArticleMatch>,
    /// The unit's page (see [`Links`]); the official text's address when no zanlex page can
    /// be opened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// Set when something of the hit was left out: the requests that give it whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub more: Option<String>,
}

/// The act of a hit: its id, title (long ones cut), status and official text.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActBrief {
    /// The act's id.
    pub id: String,
    /// Its title, cut past [`ACT_TITLE_CHARS`] characters (`…`).
    pub title: String,
    /// `in_force`, `repealed` or `unknown`.
    pub status: String,
    /// The address of the official text, when the corpus gives one and the hit's wording is
    /// of that text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Characters of an act's title a hit shows.
pub const ACT_TITLE_CHARS: usize = 160;

/// The unit of a hit: its eid, label and heading.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnitBrief {
    /// The unit's eid.
    pub eid: String,
    /// Its label (`3-тармақ 2) тармақша`).
    pub label: String,
    /// Its heading, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
}

/// When a hit's wording is in force, `[from, to)`, and its state on the date asked for.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VersionBrief {
    /// In force from (open when `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Until, exclusive (open when `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// True when `from` rests on an assumption (an edition's date for an effective date).
    #[serde(default, skip_serializing_if = "is_false")]
    pub from_estimated: bool,
    /// The unit's state on the date asked for (today when none).
    pub state: crate::TimeState,
}

/// A reference inside a hit: as printed, and the unit it leads to when resolved.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RefBrief {
    /// The reference as printed.
    pub text: String,
    /// `ACT_ID#EID` of the unit it leads to, when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// That unit's citation, when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
}

/// An amendment inside a hit: what was done, when it took effect and by which act.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AmendmentBrief {
    /// Changed, added, deleted, renamed…
    pub action: crate::AmendAction,
    /// The day it took effect, when the note gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<NaiveDate>,
    /// The amending act in official form.
    pub by: String,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One page of a search, each hit with its links, bounded in size: what the MCP tool
/// `search` sends.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HitsPage {
    /// The query as typed.
    pub query: String,
    /// Units matching, in every act (repealed ones included); a lower bound when
    /// `total_is_lower_bound`.
    pub total: usize,
    /// True when `total` counts only the matches the search looked at.
    pub total_is_lower_bound: bool,
    /// The total as a reader sees it: `42`, or `10,000+` when it is a lower bound.
    pub total_text: String,
    /// True when no unit had all the words and units with some of them are shown.
    pub relaxed: bool,
    /// The page of hits: `offset`, `limit`, `next_offset`, `cut`.
    #[serde(flatten)]
    pub page: PageHead,
    /// Hits of this page in repealed acts, left out (asked to be kept, they are shown).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub repealed_left_out: usize,
    /// Query words the index does not know, each with the nearest words it does know,
    /// searched beside it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub searched_also: Vec<crate::SearchedAlso>,
    /// Query words typed in Latin letters, each with the Cyrillic word searched in its place
    /// and the language it was read in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub read_as: Vec<crate::ReadAs>,
    /// When the act an article is asked in is named by words several acts' titles answer to
    /// alike, the article asked and those acts, the most recent first: the hits hold the
    /// article of each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub several_acts: Option<crate::SeveralActs>,
    /// The place the query names, and whether the index holds its local acts (then they rank
    /// above other places' acts; else nothing is ranked by place).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<crate::PlaceNamed>,
    /// The hits, best first.
    pub hits: Vec<HitBrief>,
}

/// The page of `results` (a search for the request's `offset + limit` hits) the request asks,
/// the references of the page's hits resolved from `index`, each hit with its links, within
/// `budget`. Hits in repealed acts rank after the law in force; unless the request keeps
/// them, those repealed on the day asked (today when none) are left out of the page and counted, so that a page shorter than its limit
/// says why.
fn hits_page_of(
    index: &ZanIndex,
    results: SearchResults,
    request: &SearchPageRequest,
    links: &Links,
    budget: &Budget,
) -> crate::Result<HitsPage> {
    let (paging, include_repealed, as_of) = (
        request.paging,
        request.include_repealed,
        request.search.as_of,
    );
    let mut page = crate::SearchPage::new(results, paging.offset, paging.limit);
    page.results.resolve_references(index, as_of)?;
    let relaxed = page.relaxed;
    let total_text = page.results.total_text();
    let SearchResults {
        query,
        total,
        total_is_lower_bound,
        hits,
        searched_also,
        read_as,
        several_acts,
        place,
        ..
    } = page.results;
    let before = hits.len();
    let mut answer = HitsPage {
        query,
        total,
        total_is_lower_bound,
        total_text,
        relaxed,
        page: PageHead::new(paging, None, None),
        repealed_left_out: 0,
        searched_also,
        read_as,
        several_acts,
        place,
        hits: Vec::new(),
    };
    let mut used = json_chars(&answer) + 200;
    let mut shown_to = paging.offset + before;
    for (k, hit) in hits.into_iter().enumerate() {
        // Counted where the page passes them: the next page begins after the last hit
        // shown, and counts those after it.
        if !include_repealed && repealed_then(&hit, as_of) {
            answer.repealed_left_out += 1;
            continue;
        }
        let linked = brief(hit, as_of, links, budget);
        let size = json_chars(&linked) + 1;
        if !answer.hits.is_empty() && used + size > budget.answer_chars {
            shown_to = paging.offset + k;
            answer.page.cut = Some(format!(
                "the page stops after {} hits to stay within {} characters; `offset` {} \
                 gives the next",
                answer.hits.len(),
                budget.answer_chars,
                shown_to
            ));
            break;
        }
        used += size;
        answer.hits.push(linked);
    }
    let more = shown_to < answer.total || answer.total_is_lower_bound;
    let full = answer.page.cut.is_some() || before == paging.limit;
    answer.page.next_offset = (more && full && shown_to < crate::MAX_LIMIT).then_some(shown_to);
    Ok(answer)
}

/// Whether `hit` is in an act repealed on the day the search asks for: by its unit's state on
/// `as_of`, as every door shows it (an act repealed since is in force then), else by the act's
/// status today.
fn repealed_then(hit: &Hit, as_of: Option<NaiveDate>) -> bool {
    match as_of {
        Some(_) => matches!(hit.version.state, crate::model::TimeState::Repealed { .. }),
        None => hit.act.status == crate::StatusKind::Repealed.as_str(),
    }
}

/// `hit` as an assistant reads it, within `budget`, its links on `as_of`.
fn brief(hit: Hit, as_of: Option<NaiveDate>, links: &Links, budget: &Budget) -> HitBrief {
    let target = format!("{}#{}", hit.act.id, hit.unit.eid);
    let text_chars = hit.text.chars().count();
    let mut title = hit.act.title.clone();
    if let Some((cut, _)) = title.char_indices().nth(ACT_TITLE_CHARS) {
        title.truncate(cut);
        title.push('…');
    }
    // A short text whole (its words marked when the snippet is all of it), else the passage
    // the words are in.
    let mut text = if text_chars > budget.item_text_chars || hit.snippet.text == hit.text {
        hit.snippet.marked("[", "]")
    } else {
        hit.text.clone()
    };
    bound_text(
        &mut text,
        budget.item_text_chars + 40,
        "`read` gives the whole text",
    );
    let references_total = hit.references.len();
    let references = hit
        .references
        .iter()
        .take(budget.inner_items)
        .map(|r| RefBrief {
            text: r.text.clone(),
            target: r.target.as_ref().map(|t| format!("{}#{}", t.act, t.eid)),
            citation: r.target.as_ref().map(|t| t.citation.clone()),
        })
        .collect();
    let amendments_total = hit.amendments.len();
    let lang = Lang::parse(&hit.lang).unwrap_or(Lang::Kk);
    // The latest amendments are the ones a reader asks about first.
    let amendments = hit
        .amendments
        .iter()
        .rev()
        .take(budget.inner_items)
        .map(|a| AmendmentBrief {
            action: a.action,
            effective: a.effective.as_ref().map(|e| e.date),
            by: a.by.cite(lang),
        })
        .collect();
    let mut more = Vec::new();
    if text_chars > budget.item_text_chars {
        more.push("`read` gives the whole text");
    }
    if references_total > budget.inner_items {
        more.push("`refs` every reference");
    }
    if amendments_total > budget.inner_items {
        more.push("`history` every amendment");
    }
    let more = (!more.is_empty()).then(|| format!("{} (target {target})", more.join("; ")));
    HitBrief {
        rank: hit.rank,
        partial: hit.partial,
        permalink: links.permalink(
            &hit.act.id,
            Some(&hit.unit.eid),
            as_of,
            hit.act.url.as_deref(),
        ),
        lang: hit.lang,
        act: ActBrief {
            id: hit.act.id,
            title,
            status: hit.act.status,
            url: hit.act.url,
        },
        unit: UnitBrief {
            eid: hit.unit.eid,
            label: hit.unit.label,
            heading: hit.unit.heading,
        },
        citation: hit.citation,
        text,
        text_chars,
        version: VersionBrief {
            from: hit.version.from,
            to: hit.version.to,
            from_estimated: hit.version.from_estimated,
            state: hit.version.state,
        },
        references,
        references_total,
        amendments,
        amendments_total,
        in_article: hit.in_article,
        more,
    }
}
