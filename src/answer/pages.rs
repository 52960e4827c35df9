//! The library's answers cut for a reader with a small window, such as an assistant's
//! context: a page of a list (`offset`, `limit`, `next_offset`), a bound in characters on
//! the whole answer ([`Budget`]), cut where a hit or an entry ends and saying how to get the
//! rest, and beside each citation links that open ([`Links`]: the unit's page on a zanlex
//! server, and the official text's address).
//!
//! These are what the MCP tools send, and the HTTP API and the command line's `--json` for
//! the lists (history, references, cited-by, a diff's changes) and an act's outline, each
//! door with its own [`Budget`]. Each is made by one function
//! from a request whose values are checked already ([`Paging`], [`crate::Target`], dates and
//! languages from [`crate::date_arg`] and [`crate::lang_arg`]).

use super::Target;
use crate::model::Lang;
use crate::{ActHistory, ActOutline, CitedByList, CorpusStats, RefList, ZanIndex};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where an answer's links lead.
///
/// ```
/// use zanlex::pages::Links;
/// let d = chrono::NaiveDate::from_ymd_opt(2020, 1, 1);
/// let served = Links::new(Some("https://zan.example.kz/")).unwrap();
/// assert_eq!(
///     served.permalink("a b", Some("sec_1.3"), d, None).as_deref(),
///     Some("https://zan.example.kz/acts/a%20b/sec_1.3?as_of=2020-01-01")
/// );
/// assert_eq!(Links::relative().permalink("x", None, None, None).as_deref(), Some("/acts/x"));
/// // No server to open: the official text's address, when the act has one.
/// let official = Links::official_only();
/// assert_eq!(official.permalink("x", Some("p_1"), None, Some("https://adilet.zan.kz/kaz/docs/V1")).as_deref(), Some("https://adilet.zan.kz/kaz/docs/V1"));
/// assert_eq!(official.permalink("x", Some("p_1"), None, None), None);
/// assert!(Links::new(Some("zan.example.kz")).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links {
    /// The web page's address (`https://host[/prefix]`, no `/` at its end); `None` with
    /// `relative`: paths on the server that sends the answer.
    base: Option<String>,
    /// Paths on the server when there is no base; else no page to open.
    relative: bool,
}

impl Links {
    /// Links to the pages of a zanlex server at `public_url` (`http://` or `https://`), or,
    /// with `None`, paths relative to the server that sends the answer.
    pub fn new(public_url: Option<&str>) -> crate::Result<Self> {
        let Some(url) = public_url.map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(Links::relative());
        };
        let plain = !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'));
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        match rest {
            Some(host) if plain && !host.is_empty() && !host.starts_with('/') => Ok(Links {
                base: Some(url.trim_end_matches('/').to_string()),
                relative: false,
            }),
            _ => Err(crate::Error::BadArgument(format!(
                "public URL {url:?} is not an http:// or https:// address of a server, e.g. \
                 https://zan.example.kz"
            ))),
        }
    }

    /// Paths on the server that sends the answer (`/acts/…`).
    pub fn relative() -> Self {
        Links {
            base: None,
            relative: true,
        }
    }

    /// No zanlex page can be opened (an answer over stdio with no public address): a
    /// permalink is the official text's address, when the act has one.
    pub fn official_only() -> Self {
        Links {
            base: None,
            relative: false,
        }
    }

    /// The page of `act` (its unit `eid`) on `as_of`: `/acts/{id}[/{eid}][?as_of=]` on the
    /// server, or `official` (the official text's address) when no server page can be
    /// opened.
    pub fn permalink(
        &self,
        act: &str,
        eid: Option<&str>,
        as_of: Option<NaiveDate>,
        official: Option<&str>,
    ) -> Option<String> {
        if self.base.is_none() && !self.relative {
            return official.map(str::to_string);
        }
        let mut link = self.base.clone().unwrap_or_default();
        link.push_str("/acts/");
        link.push_str(&path_segment(act));
        if let Some(e) = eid.filter(|e| !e.is_empty()) {
            link.push('/');
            link.push_str(&path_segment(e));
        }
        if let Some(d) = as_of {
            link.push_str(&format!("?as_of={d}"));
        }
        Some(link)
    }
}

/// The bytes a URL keeps as they are (RFC 3986's unreserved characters); every other byte is
/// percent-encoded.
const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `s` as one segment of a URL path: every byte but the unreserved ones percent-encoded.
fn path_segment(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, UNRESERVED).to_string()
}

/// One page of a list: how many entries come before it and how many it holds at most.
///
/// ```
/// use zanlex::pages::Paging;
/// let first = Paging::new(None, None, 10, 50).unwrap();
/// assert_eq!((first.offset, first.limit), (0, 10));
/// assert!(Paging::new(None, Some(0), 10, 50).is_err());
/// assert!(Paging::new(None, Some(51), 10, 50).is_err());
/// assert!(Paging::new(Some(u64::MAX), Some(5), 10, 50).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Paging {
    /// Entries before the page.
    pub offset: usize,
    /// Most entries on the page.
    pub limit: usize,
}

/// Where the pages of a list end: far past any list of a real corpus, it keeps an offset
/// near the integer limit out of range rather than wrapping.
pub const LIST_END: usize = 1_000_000;

impl Paging {
    /// The page `offset` (0 when `None`) of `limit` entries (`default` when `None`, at most
    /// `max`), ending at most at entry [`LIST_END`]; [`crate::Error::BadArgument`] saying
    /// what to give instead.
    pub fn new(
        offset: Option<u64>,
        limit: Option<u64>,
        default: usize,
        max: usize,
    ) -> crate::Result<Self> {
        let limit = limit.unwrap_or(default as u64);
        if limit == 0 || limit > max as u64 {
            return Err(crate::Error::BadArgument(format!(
                "limit {limit} is out of range; use 1 to {max} and page on with `offset`"
            )));
        }
        let offset = offset.unwrap_or(0);
        if offset.saturating_add(limit) > LIST_END as u64 {
            return Err(crate::Error::BadArgument(format!(
                "offset {offset} + limit {limit} is past entry {LIST_END}, where pages end; \
                 narrow the question instead (a more precise query, a filter)"
            )));
        }
        // Both fit in `usize`: they are below `LIST_END`.
        Ok(Paging {
            offset: offset as usize,
            limit: limit as usize,
        })
    }

    /// Keeps this page of `items`; the offset of the next page when entries follow it.
    pub fn cut<T>(&self, items: &mut Vec<T>) -> Option<usize> {
        let total = items.len();
        items.drain(..self.offset.min(total));
        items.truncate(self.limit);
        let end = self.offset.saturating_add(self.limit);
        (end < total).then_some(end)
    }
}

/// Where a page stands in its list, as every paged answer says it: the page asked for, where
/// the next begins, and why it holds fewer entries than asked when it was cut to its size.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PageHead {
    /// Entries before this page.
    pub offset: usize,
    /// Most entries asked for on the page.
    pub limit: usize,
    /// The `offset` of the next page, when more entries may follow (also when the page was
    /// cut short to stay within its size).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_offset: Option<usize>,
    /// Set when the page holds fewer entries than asked to stay within its size: how many and
    /// how to get the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cut: Option<String>,
}

impl PageHead {
    /// The head of the page `paging`, with the next page's offset and the reason it was cut.
    pub(super) fn new(paging: Paging, next_offset: Option<usize>, cut: Option<String>) -> Self {
        PageHead {
            offset: paging.offset,
            limit: paging.limit,
            next_offset,
            cut,
        }
    }
}

/// The most characters an answer's JSON may take, and the most of each part inside it.
///
/// An answer is cut where a hit or an entry ends, never inside one (a first entry larger
/// than the whole budget is sent alone, its text cut); it then says how to get the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Budget {
    /// Characters of the whole answer.
    pub answer_chars: usize,
    /// Characters of one text inside a list (a hit's text, a changed unit's wording).
    pub item_text_chars: usize,
    /// Characters of the one text an answer is about (a unit read whole).
    pub text_chars: usize,
    /// References, amendments and notes listed inside one entry; the entry counts them
    /// all and names the request that lists the rest.
    pub inner_items: usize,
    /// Characters of an act's outline (its units' eids, labels, headings and states, without
    /// texts): past them its deepest levels are left out, saying so.
    pub outline_chars: usize,
    /// Entries on a page of a list (history, references, cited-by) when not asked.
    pub list_page: usize,
    /// Most entries a page of such a list may ask for.
    pub max_list_page: usize,
    /// Hits on a page of a search when not asked.
    pub search_page: usize,
    /// Most hits a page of a search may ask for.
    pub max_search_page: usize,
}

impl Budget {
    /// What an assistant's context takes: about 8,000 characters for a page of hits.
    pub const ASSISTANT: Budget = Budget {
        answer_chars: 8_000,
        item_text_chars: 400,
        text_chars: 12_000,
        inner_items: 2,
        // The map read before the texts: a law of 150 units with their states on a date.
        outline_chars: 40_000,
        list_page: 20,
        max_list_page: 100,
        search_page: crate::DEFAULT_LIMIT,
        max_search_page: 50,
    };

    /// What one answer of the HTTP API and the command line's `--json` hold: every list
    /// whole up to [`SERVER_ANSWER_CHARS`], then cut where an entry ends.
    pub const SERVER: Budget = Budget {
        answer_chars: SERVER_ANSWER_CHARS,
        item_text_chars: SERVER_ANSWER_CHARS,
        text_chars: SERVER_ANSWER_CHARS,
        inner_items: LIST_END,
        outline_chars: SERVER_ANSWER_CHARS,
        list_page: MAX_SERVER_LIST_PAGE,
        max_list_page: MAX_SERVER_LIST_PAGE,
        search_page: crate::DEFAULT_LIMIT,
        max_search_page: MAX_SERVER_SEARCH_PAGE,
    };

    /// What the command line and the Python package hold: as [`Budget::SERVER`], but a page
    /// of a search may hold every hit a search gives ([`crate::MAX_LIMIT`]), each whole, for
    /// a reader who asked for them on their own machine.
    pub const LOCAL: Budget = Budget {
        answer_chars: usize::MAX,
        max_search_page: crate::MAX_LIMIT,
        ..Budget::SERVER
    };

    /// The page of a list asked with `offset` and `limit`, within this budget's page sizes
    /// ([`Paging::new`]).
    ///
    /// ```
    /// use zanlex::pages::Budget;
    /// let page = Budget::ASSISTANT.list_paging(Some(40), None).unwrap();
    /// assert_eq!((page.offset, page.limit), (40, 20));
    /// assert!(Budget::ASSISTANT.list_paging(None, Some(101)).is_err());
    /// assert_eq!(Budget::SERVER.list_paging(None, None).unwrap().limit, 10_000);
    /// ```
    pub fn list_paging(&self, offset: Option<u64>, limit: Option<u64>) -> crate::Result<Paging> {
        Paging::new(offset, limit, self.list_page, self.max_list_page)
    }
}

/// Most hits of a page of a search the HTTP API sends.
pub const MAX_SERVER_SEARCH_PAGE: usize = 100;

/// Most entries of a page of a list the HTTP API sends, and how many when not asked: as many
/// as a real act has, the answer's size in characters bounding it first.
pub const MAX_SERVER_LIST_PAGE: usize = 10_000;

impl Default for Budget {
    fn default() -> Self {
        Budget::ASSISTANT
    }
}

/// How many entries, from the first, of the sizes `sizes` (in characters of JSON) fit in
/// `room`: a list cut where an entry ends, one entry at least when there is one.
fn fitting_sizes(sizes: &[usize], room: usize) -> usize {
    let mut used = 0;
    for (k, size) in sizes.iter().enumerate() {
        used += size;
        if k > 0 && used > room {
            return k;
        }
    }
    sizes.len()
}

/// How many of a page's entries (their sizes in characters, in order) fit beside the rest of
/// the answer (`rest_chars`) within `budget`; when fewer than all, `head` says where the next
/// page begins and why this one holds `kept` `what` (at least one entry is always kept).
pub(super) fn fit_entries(
    head: &mut PageHead,
    budget: &Budget,
    rest_chars: usize,
    sizes: &[usize],
    paging: Paging,
    what: &str,
) -> usize {
    let room = budget
        .answer_chars
        .saturating_sub(rest_chars + CUT_NOTE_CHARS);
    let kept = fitting_sizes(sizes, room);
    if kept < sizes.len() {
        let next = paging.offset + kept;
        head.next_offset = Some(next);
        head.cut = Some(format!(
            "the page holds {kept} {what} to stay within {} characters; `offset` {next} gives \
             the next",
            budget.answer_chars
        ));
    }
    kept
}

/// Cuts `text` to `max` characters, saying after the cut how much was shown and `rest`, where
/// the rest is.
///
/// ```
/// let mut t = "әб".repeat(6);
/// zanlex::pages::bound_text(&mut t, 5, "read the rest");
/// assert_eq!(t, "әбәбә\n[cut: the first 5 of 12 characters are shown; read the rest]");
/// ```
pub fn bound_text(text: &mut String, max: usize, rest: &str) {
    let total = text.chars().count();
    if total <= max {
        return;
    }
    if let Some((cut, _)) = text.char_indices().nth(max) {
        text.truncate(cut);
    }
    text.push_str(&format!(
        "\n[cut: the first {max} of {total} characters are shown; {rest}]"
    ));
}

/// The characters `value`'s JSON takes.
pub(super) fn json_chars<T: Serialize>(value: &T) -> usize {
    serde_json::to_string(value).map_or(0, |s| s.chars().count())
}

/// An answer made of one list paged from `offset`, whose list [`fit_list`] cuts from the end.
pub(super) trait PagedList: Serialize {
    /// What the list holds, in the plural, for the note saying the page was cut («units»).
    const ENTRIES: &'static str;
    /// The entries on the page.
    fn entries(&mut self) -> usize;
    /// Leaves out the page's last entry.
    fn drop_last(&mut self);
    /// The page's head, where the cut is said.
    fn head(&mut self) -> &mut PageHead;
}

/// Implements [`PagedList`] for an answer whose list is the field `$list` (its entries called
/// `$entries` in the cut note) and whose head is its field `page`.
macro_rules! paged_list {
    ($answer:ty, $list:ident, $entries:literal) => {
        impl $crate::answer::pages::PagedList for $answer {
            const ENTRIES: &'static str = $entries;
            fn entries(&mut self) -> usize {
                self.$list.len()
            }
            fn drop_last(&mut self) {
                self.$list.pop();
            }
            fn head(&mut self) -> &mut $crate::answer::pages::PageHead {
                &mut self.page
            }
        }
    };
}
pub(super) use paged_list;

/// Cuts `answer`'s list from the end until its JSON is within `budget` (one entry is always
/// kept), saying so in its head; the next page begins after the last entry kept.
pub(super) fn fit_list<A: PagedList>(answer: &mut A, budget: &Budget) {
    if json_chars(answer) <= budget.answer_chars {
        return;
    }
    let room = budget.answer_chars.saturating_sub(CUT_NOTE_CHARS);
    let asked = answer.entries();
    while answer.entries() > 1 && json_chars(answer) > room {
        answer.drop_last();
    }
    let kept = answer.entries();
    if kept < asked {
        let head = answer.head();
        let next = head.offset + kept;
        head.next_offset = Some(next);
        head.cut = Some(format!(
            "the page holds {kept} of the {asked} {} asked for, to stay within {} \
             characters; `offset` {next} gives the next",
            A::ENTRIES,
            budget.answer_chars
        ));
    }
}

/// The size of each row of lists paged together (entry `k` of every list is on the page or
/// none is): the JSON sizes of its entries plus a separator for each list.
pub(super) fn row_sizes(lists: &[Vec<usize>]) -> Vec<usize> {
    let longest = lists.iter().map(Vec::len).max().unwrap_or(0);
    (0..longest)
        .map(|k| {
            lists
                .iter()
                .map(|list| list.get(k).copied().unwrap_or(0))
                .sum::<usize>()
                + lists.len()
        })
        .collect()
}

/// Each entry's size in JSON characters, for [`row_sizes`].
pub(super) fn entry_sizes<T: Serialize>(list: &[T]) -> Vec<usize> {
    list.iter().map(json_chars).collect()
}

/// Leaves out the deepest levels of `units` until at most `max` units remain and their JSON
/// takes at most `max_chars` characters (and, when even the top level is larger, its units
/// past those); what was left out, in words, with the request `unit` (`ACT#EID` read) that
/// gives a unit and its children.
pub(super) fn bound_outline(
    units: &mut Vec<crate::OutlineUnit>,
    act: &str,
    max: usize,
    max_chars: usize,
    unit: &str,
) -> Option<String> {
    /// Adds each unit's own characters (its children apart) and count to its level's.
    fn levels(units: &mut [crate::OutlineUnit], depth: usize, acc: &mut Vec<(usize, usize)>) {
        for u in units {
            let children = std::mem::take(&mut u.children);
            let own = json_chars(&*u) + 1;
            u.children = children;
            if acc.len() <= depth {
                acc.resize(depth + 1, (0, 0));
            }
            acc[depth].0 += 1;
            acc[depth].1 += own;
            levels(&mut u.children, depth + 1, acc);
        }
    }
    fn prune(units: &mut [crate::OutlineUnit], depth: usize) {
        for u in units {
            if depth <= 1 {
                u.children.clear();
            } else {
                prune(&mut u.children, depth - 1);
            }
        }
    }
    let mut acc = Vec::new();
    levels(units, 0, &mut acc);
    // Units and characters of the first `d` levels, for each `d` from 1.
    let mut upto = Vec::with_capacity(acc.len());
    let (mut n, mut chars) = (0, 0);
    for (count, size) in &acc {
        n += count;
        chars += size;
        upto.push((n, chars));
    }
    let fits = |&(n, chars): &(usize, usize)| n <= max && chars <= max_chars;
    if upto.last().is_none_or(fits) {
        return None;
    }
    let depth = upto.iter().take_while(|l| fits(l)).count();
    if depth == 0 {
        let top = units.len();
        prune(units, 1);
        let sizes: Vec<usize> = units.iter().map(|u| json_chars(u) + 1).collect();
        let kept = fitting_sizes(&sizes, max_chars).min(max);
        units.truncate(kept);
        return Some(format!(
            "the outline has {top} top-level units: the first {kept} are listed, without the \
             units inside them; {unit} {act}#EID for a unit and its children, or search with \
             act:{act}"
        ));
    }
    prune(units, depth);
    Some(format!(
        "the outline is large: only its first {depth} level(s) are listed (a unit's `children` \
         there are left out, not absent); {unit} {act}#EID for a unit and its children"
    ))
}

/// Leaves out the deepest levels of `outline`'s units (and, past them, top-level units) until
/// its JSON fits within the budget's `outline_chars` and `answer_chars`, saying so in its
/// `cut`: the outline the HTTP API sends without texts.
pub(super) fn bound_act_outline(outline: &mut ActOutline, budget: &Budget) {
    let units = std::mem::take(&mut outline.units);
    let room = budget
        .answer_chars
        .min(budget.outline_chars)
        .saturating_sub(json_chars(&*outline) + CUT_NOTE_CHARS);
    outline.units = units;
    if let Some(note) = bound_outline(
        &mut outline.units,
        &outline.id,
        usize::MAX,
        room,
        "GET /v1/acts/{id}/units/{eid} (zanlex show) gives",
    ) {
        outline.cut = Some(note);
    }
}

/// One page of what changed between two editions of an act: what `GET /v1/acts/{id}/diff`
/// and `zanlex diff --json` send.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct ActDiffPage {
    /// How many changes `units` has in all, before it is cut to the page.
    pub units_total: usize,
    /// The page of `units`: `offset`, `limit`, `next_offset`, `cut`.
    #[serde(flatten)]
    pub page: PageHead,
    /// The diff, its `units` cut to the page (the lists of eids whole).
    #[serde(flatten)]
    pub diff: crate::ActDiff,
}

/// What a diff asks: the page `paging` of the changes of `target` (an act, or a unit and the
/// units inside it) between the editions or dates `from` and `to`, in `lang`.
///
/// ```
/// use zanlex::pages::{Budget, DiffRequest};
/// let paging = Budget::SERVER.list_paging(None, None).unwrap();
/// let req = DiffRequest::new("a#p_1".parse().unwrap(), "2019-01-01", "2020-01-01", paging);
/// assert_eq!((req.from.as_str(), req.target.eid()), ("2019-01-01", Some("p_1")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DiffRequest {
    /// The act (`ACT_ID`) or unit (`ACT_ID#EID`).
    pub target: Target,
    /// The earlier side: an edition id or a date.
    pub from: String,
    /// The later side: an edition id or a date.
    pub to: String,
    /// The language of the texts; Kazakh first when `None`.
    pub lang: Option<Lang>,
    /// The page of the changes.
    pub paging: Paging,
}

impl DiffRequest {
    /// The page `paging` of `target`'s changes from `from` to `to`.
    pub fn new(
        target: Target,
        from: impl Into<String>,
        to: impl Into<String>,
        paging: Paging,
    ) -> Self {
        DiffRequest {
            target,
            from: from.into(),
            to: to.into(),
            lang: None,
            paging,
        }
    }

    /// In `lang`.
    pub fn lang(mut self, lang: Option<Lang>) -> Self {
        self.lang = lang;
        self
    }
}

/// What a diff answers: the request's page of changes, fewer than asked (cut where a change
/// ends, with the next offset) when they would not fit within `budget`.
pub fn diff_page(
    index: &ZanIndex,
    request: &DiffRequest,
    budget: &Budget,
) -> crate::Result<ActDiffPage> {
    let DiffRequest {
        ref target,
        ref from,
        ref to,
        lang,
        paging,
    } = *request;
    let mut diff = index.act_diff(&target.act, from, to, target.eid(), lang)?;
    let mut units = std::mem::take(&mut diff.units);
    let units_total = units.len();
    let next_offset = paging.cut(&mut units);
    let mut answer = ActDiffPage {
        units_total,
        page: PageHead::new(paging, next_offset, None),
        diff,
    };
    let sizes: Vec<usize> = units.iter().map(|u| json_chars(u) + 1).collect();
    let rest = json_chars(&answer);
    let kept = fit_entries(&mut answer.page, budget, rest, &sizes, paging, "changes");
    units.truncate(kept);
    answer.diff.units = units;
    Ok(answer)
}

/// How many entries each list of a history has in all.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HistoryTotals {
    /// Amendment events.
    pub events: usize,
    /// The act's older editions.
    pub editions: usize,
    /// The unit's wordings over time.
    pub wordings: usize,
    /// Amending acts, the events grouped by act.
    pub by_act: usize,
}

/// One page of an act's or a unit's history, with its link: what the MCP tool `history`,
/// `GET /v1/acts/{id}/history` and `zanlex history --json` send, each within its door's
/// [`Budget`].
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct HistoryPage {
    /// The unit's pinpoint citation, or the act's short name.
    pub citation: String,
    /// The act's or unit's page (see [`Links`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// The lists' lengths in all; `entries`, `versions`, `wordings` and `by_act` are each
    /// cut to the page.
    pub totals: HistoryTotals,
    /// The page of each list: `offset`, `limit` (entries of each list), `next_offset`, `cut`.
    #[serde(flatten)]
    pub page: PageHead,
    /// The history, cut to the page.
    #[serde(flatten)]
    pub history: ActHistory,
}

/// What `history` asks: the page `paging` of the history of `target` (an act or a unit) in
/// `lang`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HistoryRequest {
    /// The act (`ACT_ID`) or unit (`ACT_ID#EID`).
    pub target: Target,
    /// The language of the texts; Kazakh first when `None`.
    pub lang: Option<Lang>,
    /// Each event with the provisions across the corpus that cite the units it changed.
    pub affected: bool,
    /// The page of each list.
    pub paging: Paging,
}

impl HistoryRequest {
    /// The page `paging` of `target`'s history.
    pub fn new(target: Target, paging: Paging) -> Self {
        HistoryRequest {
            target,
            lang: None,
            affected: false,
            paging,
        }
    }

    /// Each event with what cites the units it changed.
    pub fn affected(mut self, affected: bool) -> Self {
        self.affected = affected;
        self
    }

    /// In `lang`.
    pub fn lang(mut self, lang: Option<Lang>) -> Self {
        self.lang = lang;
        self
    }
}

/// What `history` answers: the request's page of its target's history, within `budget`
/// (fewer entries than asked, with the next offset, when they would not fit).
pub fn history_page(
    index: &ZanIndex,
    request: &HistoryRequest,
    links: &Links,
    budget: &Budget,
) -> crate::Result<HistoryPage> {
    let HistoryRequest {
        ref target,
        lang,
        affected,
        paging,
    } = *request;
    let mut history = index.act_history(&target.act, target.eid(), lang, affected)?;
    let act = index.act_in(&target.act, lang)?;
    let citation = citation_of(index, target, lang)?;
    let totals = HistoryTotals {
        events: history.entries.len(),
        editions: history.versions.len(),
        wordings: history.wordings.len(),
        by_act: history.by_act.len(),
    };
    // A timeline of a renamed act is long: its predecessor's pages are its own request.
    if let Some(p) = history.predecessor.as_mut() {
        p.entries.truncate(budget.inner_items);
        p.wordings.truncate(budget.inner_items);
    }
    history.unparsed_notes.truncate(budget.inner_items);
    history.target_fallbacks.truncate(budget.inner_items);
    let (mut entries, mut versions, mut wordings, mut by_act) = (
        std::mem::take(&mut history.entries),
        std::mem::take(&mut history.versions),
        std::mem::take(&mut history.wordings),
        std::mem::take(&mut history.by_act),
    );
    let next = [
        paging.cut(&mut entries),
        paging.cut(&mut versions),
        paging.cut(&mut wordings),
        paging.cut(&mut by_act),
    ];
    let mut answer = HistoryPage {
        citation,
        permalink: links.permalink(
            &history.act.id,
            target.eid(),
            None,
            act.official_url.as_deref(),
        ),
        totals,
        page: PageHead::new(paging, next.into_iter().flatten().next(), None),
        history,
    };
    // The lists are paged together: entry `k` of each is on the page or none is.
    let sizes = row_sizes(&[
        entry_sizes(&entries),
        entry_sizes(&versions),
        entry_sizes(&wordings),
        entry_sizes(&by_act),
    ]);
    let rest = json_chars(&answer);
    let kept = fit_entries(
        &mut answer.page,
        budget,
        rest,
        &sizes,
        paging,
        "entries of each list",
    );
    entries.truncate(kept);
    versions.truncate(kept);
    wordings.truncate(kept);
    by_act.truncate(kept);
    answer.history.entries = entries;
    answer.history.versions = versions;
    answer.history.wordings = wordings;
    answer.history.by_act = by_act;
    Ok(answer)
}

/// Characters kept for a page's `next_offset` and `cut` when it is measured before them.
pub(super) const CUT_NOTE_CHARS: usize = 200;

/// One page of what a unit refers to, or of what refers to it, with its link: what the MCP
/// tools `refs` and `cited_by`, `GET /v1/acts/{id}[/units/{eid}]/refs` and `/cited-by`, and
/// `zanlex refs|cited-by --json` send, each within its door's [`Budget`].
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RefsPage<T> {
    /// The unit's pinpoint citation, or the act's short name.
    pub citation: String,
    /// The act's or unit's page (see [`Links`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// The page of the list: `offset`, `limit`, `next_offset`, `cut`.
    #[serde(flatten)]
    pub page: PageHead,
    /// The list, cut to the page.
    #[serde(flatten)]
    pub list: T,
}

/// What `refs` and `cited_by` ask: the page `paging` of what `target` refers to, or of what
/// refers to it, in `lang`, read on `as_of`; for `cited_by`, references to a unit inside
/// `target` count too unless `exact`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RefsRequest {
    /// The act (`ACT_ID`) or unit (`ACT_ID#EID`).
    pub target: Target,
    /// The language of the texts; every language when `None`.
    pub lang: Option<Lang>,
    /// The day the texts are read on; today's when `None`.
    pub as_of: Option<NaiveDate>,
    /// `cited_by` only: references to `target` itself, not to the units inside it.
    pub exact: bool,
    /// `refs` only: the references that could not be resolved, alone.
    pub unresolved: bool,
    /// The page of the list.
    pub paging: Paging,
}

impl RefsRequest {
    /// The page `paging` of `target`'s references, today, in every language.
    pub fn new(target: Target, paging: Paging) -> Self {
        RefsRequest {
            target,
            lang: None,
            as_of: None,
            exact: false,
            unresolved: false,
            paging,
        }
    }

    /// In `lang`.
    pub fn lang(mut self, lang: Option<Lang>) -> Self {
        self.lang = lang;
        self
    }

    /// On `as_of`.
    pub fn as_of(mut self, as_of: Option<NaiveDate>) -> Self {
        self.as_of = as_of;
        self
    }

    /// References to the target itself only (`cited_by`).
    pub fn exact(mut self, exact: bool) -> Self {
        self.exact = exact;
        self
    }

    /// The references that could not be resolved only (`refs`).
    pub fn unresolved(mut self, unresolved: bool) -> Self {
        self.unresolved = unresolved;
        self
    }
}

/// What `refs` answers: the request's page of what its target refers to, within `budget`.
pub fn refs_page(
    index: &ZanIndex,
    request: &RefsRequest,
    links: &Links,
    budget: &Budget,
) -> crate::Result<RefsPage<RefList>> {
    let RefsRequest {
        ref target,
        lang,
        as_of,
        unresolved,
        paging,
        ..
    } = *request;
    let mut list = index.refs(target, lang, as_of)?;
    if unresolved {
        list = list.unresolved_only();
    }
    let act = index.act_in(&target.act, lang)?;
    let citation = citation_of(index, target, lang)?;
    let permalink = links.permalink(
        &target.act,
        target.eid(),
        as_of,
        act.official_url.as_deref(),
    );
    Ok(fit_refs(citation, permalink, paging, budget, list, |l| {
        &mut l.references
    }))
}

/// What `cited_by` answers: the request's page of the references to its target (to a unit
/// inside it too, unless `exact`) made in `lang`, each citing act read on `as_of`, within
/// `budget`.
pub fn cited_by_page(
    index: &ZanIndex,
    request: &RefsRequest,
    links: &Links,
    budget: &Budget,
) -> crate::Result<RefsPage<CitedByList>> {
    let RefsRequest {
        ref target,
        lang,
        as_of,
        exact,
        paging,
        ..
    } = *request;
    let list = index.cited_by_list(target, !exact, lang, as_of)?;
    let act = index.act_in(&target.act, None)?;
    let citation = citation_of(index, target, None)?;
    let permalink = links.permalink(
        &target.act,
        target.eid(),
        as_of,
        act.official_url.as_deref(),
    );
    Ok(fit_refs(citation, permalink, paging, budget, list, |l| {
        &mut l.cited_by
    }))
}

/// The page `paging` of `list` (its entries as `entries` gives them), fewer when they would
/// not fit within `budget`.
fn fit_refs<T: Serialize>(
    citation: String,
    permalink: Option<String>,
    paging: Paging,
    budget: &Budget,
    mut list: T,
    entries: impl Fn(&mut T) -> &mut Vec<crate::ResolvedReference>,
) -> RefsPage<T> {
    let mut page = std::mem::take(entries(&mut list));
    let next_offset = paging.cut(&mut page);
    let mut answer = RefsPage {
        citation,
        permalink,
        page: PageHead::new(paging, next_offset, None),
        list,
    };
    let sizes: Vec<usize> = page.iter().map(|r| json_chars(r) + 1).collect();
    let rest = json_chars(&answer);
    let kept = fit_entries(&mut answer.page, budget, rest, &sizes, paging, "references");
    page.truncate(kept);
    *entries(&mut answer.list) = page;
    answer
}

/// The citation of `target` in `lang`: the unit's pinpoint citation, or the act's short name.
pub(crate) fn citation_of(
    index: &ZanIndex,
    target: &Target,
    lang: Option<Lang>,
) -> crate::Result<String> {
    Ok(match target.eid() {
        Some(eid) => index.unit_in(&target.act, eid, lang)?.citation,
        None => index.act_in(&target.act, lang)?.short_name(),
    })
}

/// Counts across the corpus with the pages of the units listed: what the MCP tool `stats`
/// sends.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct StatsAnswer {
    /// Most entries of each ranked list.
    pub limit: usize,
    /// The counts, each unit of `most_amended_units` with its page.
    #[serde(flatten)]
    pub stats: CorpusStats,
}

/// Most entries of each ranked list of `stats`.
pub const MAX_STATS_LIMIT: usize = 100;

/// What `stats` asks: the corpus's counts for the amendments since `since` (all when `None`),
/// each ranked list at most `limit` long (1 to [`MAX_STATS_LIMIT`], checked by [`stats`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatsRequest {
    /// The day amendments are counted from.
    pub since: Option<NaiveDate>,
    /// Most entries of each ranked list.
    pub limit: usize,
}

impl StatsRequest {
    /// The counts since `since`, each ranked list `limit` long.
    pub fn new(since: Option<NaiveDate>, limit: usize) -> Self {
        StatsRequest { since, limit }
    }
}

/// What `stats` answers: the request's counts (a `limit` out of range is
/// [`crate::Error::BadArgument`]), each unit listed with its page.
pub fn stats(
    index: &ZanIndex,
    request: &StatsRequest,
    links: &Links,
) -> crate::Result<StatsAnswer> {
    let StatsRequest { since, limit } = *request;
    if limit == 0 || limit > MAX_STATS_LIMIT {
        return Err(crate::Error::BadArgument(format!(
            "limit {limit} is out of range; use 1 to {MAX_STATS_LIMIT} (entries of each ranked list)"
        )));
    }
    let mut stats = index.corpus_stats(since, limit)?;
    for unit in &mut stats.most_amended_units {
        let official = index.act(&unit.act).ok().and_then(|a| a.official_url);
        unit.permalink = links.permalink(&unit.act, Some(&unit.eid), None, official.as_deref());
    }
    Ok(StatsAnswer { limit, stats })
}

/// Most characters of JSON one answer of the HTTP API holds: a page of hits, or an act's
/// texts, is cut where a hit or a unit ends to stay within it, and says where the rest begins
/// (`next_offset`). Some megabytes, never the hundreds a damaged or hostile file would make.
pub const SERVER_ANSWER_CHARS: usize = 4_000_000;

/// Keeps the hits of `page` whose JSON fits within `max_chars` (the first hit always, whose
/// text the index bounds already); when some are left out, sets the page's `next_offset` to
/// the first of them and says so in `cut`.
///
/// ```no_run
/// # fn main() -> zanlex::Result<()> {
/// let index = zanlex::ZanIndex::open("index")?;
/// let results = index.search(&zanlex::SearchRequest::new("виза").limit(20))?;
/// let mut page = zanlex::SearchPage::new(results, 0, 20);
/// zanlex::pages::bound_search_page(&mut page, 2_000);
/// if let Some(next) = page.next_offset {
///     assert_eq!(next, page.results.hits.len());
/// }
/// # Ok(())
/// # }
/// ```
pub fn bound_search_page(page: &mut crate::SearchPage, max_chars: usize) {
    let mut used = json_chars(&*page);
    let mut kept = 0;
    for hit in &page.results.hits {
        let size = json_chars(hit) + 1;
        if kept > 0 && used + size > max_chars {
            break;
        }
        used += size;
        kept += 1;
    }
    if kept < page.results.hits.len() {
        page.results.hits.truncate(kept);
        let next = page.offset + kept;
        page.next_offset = Some(next);
        page.cut = Some(format!(
            "the page stops after {kept} hits to stay within {max_chars} characters; \
             `offset` {next} gives the next"
        ));
    }
}

/// A unit of a tree an act's texts are paged from: an act's own unit, or its outline's entry
/// on a date.
pub(super) trait PageUnit: Sized {
    /// The units inside it.
    fn inner(&self) -> &[Self];
    /// Its eid.
    fn eid(&self) -> &str;
}

impl PageUnit for crate::model::Unit {
    fn inner(&self) -> &[Self] {
        &self.children
    }
    fn eid(&self) -> &str {
        &self.eid
    }
}

impl PageUnit for crate::OutlineUnit {
    fn inner(&self) -> &[Self] {
        &self.children
    }
    fn eid(&self) -> &str {
        &self.eid
    }
}

/// Puts in `outline` (its units left out) the units of `units` from place `offset` in
/// document order (a unit before the units inside it), each as `own` makes it (with its text,
/// tables and notes, without the units inside it), for as many as the whole answer fits
/// within `max_chars` (one at least, whose text the index bounds already): the page of an
/// act's outline and texts together. Only the units walked for the page are made. A unit on
/// the page whose holder is on an earlier page is at the top of the page's `units`, naming
/// its holder in `parent`. When units follow, sets the outline's `next_offset` to the first
/// of them and says so in `cut`; a reader following `next_offset` from 0 gets every unit
/// once, in order. The words `mark` asks are marked in the page's texts, counted in its
/// size. An `offset` past the last unit is [`crate::Error::BadArgument`].
///
/// ```no_run
/// # fn main() -> zanlex::Result<()> {
/// use zanlex::pages::{act_page, Budget, ReadArgs, ReadRequest};
/// let index = zanlex::ZanIndex::open("index")?;
/// let args = ReadArgs { target: "mfa-order-2018-01-04-11-1-4-1", texts: true, ..Default::default() };
/// let outline = act_page(&index, &ReadRequest::parse(&args, str::to_string)?, &Budget::SERVER)?;
/// assert!(outline.units[0].text.is_some());
/// # Ok(())
/// # }
/// ```
pub(super) fn page_act_texts<U: PageUnit>(
    outline: &mut ActOutline,
    units: &[U],
    own: impl Fn(&U) -> crate::OutlineUnit,
    offset: usize,
    max_chars: usize,
    mark: Option<(&ZanIndex, &str)>,
) -> crate::Result<()> {
    use crate::OutlineUnit;
    fn count<U: PageUnit>(units: &[U]) -> usize {
        units.len() + units.iter().map(|u| count(u.inner())).sum::<usize>()
    }
    /// Walks `units` in document order from place `*place`, adding the size of each unit at
    /// `offset` or after (its JSON without the units inside it, and the comma before it) to
    /// `used` while it stays within `room` (one unit at least); the place of the first unit
    /// that does not fit, if any.
    fn fit<U: PageUnit>(
        units: &[U],
        own: &impl Fn(&U) -> OutlineUnit,
        place: &mut usize,
        (offset, room): (usize, usize),
        used: &mut usize,
    ) -> Option<usize> {
        for u in units {
            let here = *place;
            *place += 1;
            let inner = count(u.inner());
            if here + inner < offset {
                // The unit and the units inside it are all before the page.
                *place += inner;
                continue;
            }
            if here >= offset {
                let size = json_chars(&own(u)) + 1;
                if here > offset && *used + size > room {
                    return Some(here);
                }
                *used += size;
            }
            if let Some(end) = fit(u.inner(), own, place, (offset, room), used) {
                return Some(end);
            }
        }
        None
    }
    /// The units of `units` at places `lo..hi` in document order, their tree kept, each as
    /// `own` makes it, put in `out`; `holder` names the unit holding `units` when it is not
    /// among them, and each of them that is names it in `parent`.
    fn window<U: PageUnit>(
        units: &[U],
        own: &impl Fn(&U) -> OutlineUnit,
        place: &mut usize,
        (lo, hi): (usize, usize),
        holder: Option<&str>,
        out: &mut Vec<OutlineUnit>,
    ) {
        for u in units {
            if *place >= hi {
                return;
            }
            let here = *place;
            *place += 1;
            let inner = count(u.inner());
            if here + inner < lo {
                *place += inner;
            } else if here >= lo {
                let mut unit = own(u);
                window(u.inner(), own, place, (lo, hi), None, &mut unit.children);
                if let Some(holder) = holder {
                    unit.parent = Some(holder.to_string());
                }
                out.push(unit);
            } else {
                // Before the page: the units inside it on the page go to its top.
                window(u.inner(), own, place, (lo, hi), Some(u.eid()), out);
            }
        }
    }
    let count = count(units);
    if offset > 0 && offset >= count {
        return Err(crate::Error::BadArgument(format!(
            "offset {offset} is past the act's last unit ({count} units); texts start at offset 0"
        )));
    }
    // The cut and `next_offset` take room too.
    let room = max_chars.saturating_sub(json_chars(&*outline) + 2 * CUT_NOTE_CHARS);
    let mut end = fit(units, &own, &mut 0, (offset, room), &mut 0).unwrap_or(count);
    window(units, &own, &mut 0, (offset, end), None, &mut outline.units);
    if offset == 0 && end == count && mark.is_none() {
        // The whole act fits: the answer is its outline as it is.
        return Ok(());
    }
    if let Some((index, words)) = mark {
        outline.mark(index, words)?;
    }
    // The holders named and the marks take room too: the page ends sooner where they do not
    // fit.
    let page = std::mem::take(&mut outline.units);
    let kept = fit(
        &page,
        &OutlineUnit::without_children,
        &mut 0,
        (0, room),
        &mut 0,
    );
    match kept {
        Some(kept) => {
            let own = OutlineUnit::without_children;
            window(&page, &own, &mut 0, (0, kept), None, &mut outline.units);
            end = offset + kept;
        }
        None => outline.units = page,
    }
    if end < count {
        outline.next_offset = Some(end);
        outline.cut = Some(format!(
            "units {offset} to {} of {count} (in document order, from 0), with their texts, are \
             sent to stay within {max_chars} characters; `offset` {end} gives the next",
            end - 1
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{PageHead, Paging, RefsPage};

    /// The paging fields stay the answer's own, in their place, whatever page type holds them.
    #[test]
    fn a_page_head_is_the_answers_own_fields() {
        #[derive(Clone, serde::Serialize)]
        struct List {
            cited_by: Vec<u8>,
        }
        let paging = Paging {
            offset: 5,
            limit: 2,
        };
        let page = RefsPage {
            citation: "c".into(),
            permalink: None,
            page: PageHead::new(paging, Some(7), Some("cut".into())),
            list: List { cited_by: vec![1] },
        };
        assert_eq!(
            serde_json::to_string(&page).expect("json"),
            r#"{"citation":"c","offset":5,"limit":2,"next_offset":7,"cut":"cut","cited_by":[1]}"#
        );
        let last = PageHead::new(paging, None, None);
        let json = serde_json::to_string(&last).expect("json");
        assert_eq!(json, r#"{"offset":5,"limit":2}"#);
        assert_eq!(
            serde_json::from_str::<PageHead>(&json).expect("read back"),
            last
        );
    }
}
