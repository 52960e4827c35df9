//! A search as every door asks it: one request holding the query, its filters, the date, the
//! language and the page, checked in one place against the door's [`Budget`], and the two
//! answers made from it: the whole hits of a page ([`search_page`]: the command line's
//! `--json`, the HTTP API, the Python package) and an assistant's page of briefs
//! ([`hits_page`]: the MCP tool `search`).

use super::pages::{hits_page_of, Budget, HitsPage, Links, Paging};
use crate::{SearchPage, SearchRequest, ZanIndex};

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
    /// Keeps hits in repealed acts on an assistant's page ([`hits_page`]).
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
    /// Keeps hits in repealed acts on an assistant's page ([`hits_page`]).
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
