//! A regular-expression search over the units' stored texts (`zanlex grep`, `GET /v1/grep`,
//! the MCP tool `grep`, `Index.grep`): every unit of one act, or of the acts a filter keeps
//! (kind, status, language), whose text the pattern matches, each with its citation, its
//! page, its state and where in its text the pattern matched.
//!
//! The pattern is read by the `regex` crate, which matches in time linear in the text (no
//! back-references or look-around), with its compiled program bounded in size; the texts are
//! the index's stored unit texts, read act by act in the order of the acts' ids, each act's
//! units in their document order, so that the count can stop at a bound and the units counted
//! are the first ones in that order.

use super::pages::{fit_list, paged_list, Budget, Links, PageHead, Paging};
use crate::index::stored::StoredDoc;
use crate::model::{ActKind, Lang, StatusKind, TimeState};
use crate::{SearchRequest, ZanIndex};
use chrono::NaiveDate;
use regex::{Regex, RegexBuilder};
use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query as TQuery};

/// The longest pattern read, in characters.
pub const MAX_PATTERN_CHARS: usize = 500;
/// Bytes the compiled pattern (and each of its lazy automata) may take: far above what a
/// pattern of a few words and classes needs, far below what a nested counted repetition asks.
const PATTERN_BYTES: usize = 1 << 20;
/// Units on a page of a `grep` when not asked.
pub const DEFAULT_GREP_PAGE: usize = 20;
/// Most units one page of a `grep` may ask for.
pub const MAX_GREP_PAGE: usize = 100;
/// How many matching units a `grep` counts when not asked ([`GrepRequest::total_bound`]):
/// the reading of the texts stops at the one after, and the total is then "more than" it.
pub const DEFAULT_GREP_BOUND: usize = 1_000;
/// The most matching units a `grep` may be asked to count.
pub const MAX_GREP_BOUND: usize = 10_000;
/// Matches listed for one unit; [`GrepUnit::matches_total`] counts them all.
pub const MAX_MATCHES_PER_UNIT: usize = 5;
/// Characters of context on each side of a match in its excerpt.
const EXCERPT_SIDE: usize = 40;
/// Characters of the matched text shown in an excerpt; a longer match is cut in its middle.
const EXCERPT_MATCH: usize = 120;

/// A `grep` as a door received it, each value as typed (an empty text is as if not given),
/// before [`GrepRequest::parse`] checks it.
///
/// ```
/// let args = zanlex::pages::GrepArgs { pattern: r"\d+-бап", act: Some("a"), ..Default::default() };
/// assert_eq!(args.as_of, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GrepArgs<'a> {
    /// The regular expression (the `regex` crate's syntax).
    pub pattern: &'a str,
    /// Only this act's units (its id).
    pub act: Option<&'a str>,
    /// Only acts of this kind (`order`, `law`, …), as the search's `kind` filter.
    pub kind: Option<&'a str>,
    /// Only acts with this status (`in_force`, `repealed`, `unknown`), as the search's.
    pub status: Option<&'a str>,
    /// Only texts in this language (`kk`, `ru`).
    pub lang: Option<&'a str>,
    /// Only the wording in force on this day (`YYYY-MM-DD`); the current texts when `None`.
    pub as_of: Option<&'a str>,
    /// Letters match whatever their case.
    pub ignore_case: bool,
    /// Units before the page (0 when `None`).
    pub offset: Option<u64>,
    /// Units on the page ([`DEFAULT_GREP_PAGE`] when `None`, at most [`MAX_GREP_PAGE`]).
    pub limit: Option<u64>,
    /// How many matching units are counted ([`DEFAULT_GREP_BOUND`] when `None`, at most
    /// [`MAX_GREP_BOUND`]).
    pub total_bound: Option<u64>,
}

/// A `grep`, checked: the compiled pattern, the scope, the date and the page.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct GrepRequest {
    /// The pattern as given.
    pub pattern: String,
    /// Letters match whatever their case.
    pub ignore_case: bool,
    /// The compiled pattern.
    regex: Regex,
    /// Only this act's units.
    pub act: Option<String>,
    /// Only acts of this kind.
    pub kind: Option<ActKind>,
    /// Only acts with this status.
    pub status: Option<StatusKind>,
    /// Only texts in this language; both when `None`.
    pub lang: Option<Lang>,
    /// Only the wording in force on this day; the current texts when `None`.
    pub as_of: Option<NaiveDate>,
    /// The page of matching units.
    pub paging: Paging,
    /// How many matching units are counted (at least the page's end).
    pub total_bound: usize,
}

/// `pattern` compiled as a `grep` reads it, or [`crate::Error::BadPattern`] saying on one
/// line what is wrong with it.
///
/// ```
/// let e = zanlex::pages::compile_pattern("(статья", false).unwrap_err();
/// assert_eq!(e.code(), zanlex::ErrorCode::BadPattern);
/// assert_eq!(e.to_string(), "pattern «(статья»: unclosed group (at character 1)");
/// assert!(zanlex::pages::compile_pattern(r"\d+-бап", true).is_ok());
/// ```
pub fn compile_pattern(pattern: &str, ignore_case: bool) -> crate::Result<Regex> {
    let bad = |reason: String| crate::Error::BadPattern {
        pattern: pattern.to_string(),
        reason,
    };
    if pattern.is_empty() {
        return Err(bad(
            "the pattern is empty: give the text to find, e.g. статья \\d+".into(),
        ));
    }
    let chars = pattern.chars().count();
    if chars > MAX_PATTERN_CHARS {
        return Err(bad(format!(
            "the pattern is {chars} characters long; the limit is {MAX_PATTERN_CHARS}"
        )));
    }
    RegexBuilder::new(pattern)
        .case_insensitive(ignore_case)
        .size_limit(PATTERN_BYTES)
        .dfa_size_limit(PATTERN_BYTES)
        .build()
        .map_err(|e| bad(pattern_fault(pattern, &e)))
}

/// The regex crate's error in one line: its reason and the character it points at.
fn pattern_fault(pattern: &str, e: &regex::Error) -> String {
    match e {
        regex::Error::CompiledTooBig(limit) => format!(
            "the pattern compiles to more than {limit} bytes, the limit: repeat less \
             (a smaller {{n}}) or use narrower classes"
        ),
        _ => {
            let (kind, offset) = match regex_syntax::Parser::new().parse(pattern) {
                Err(regex_syntax::Error::Parse(a)) => (a.kind().to_string(), a.span().start.offset),
                Err(regex_syntax::Error::Translate(h)) => {
                    (h.kind().to_string(), h.span().start.offset)
                }
                // Not a syntax error: the message's last line says what.
                _ => {
                    let text = e.to_string();
                    let last = text.lines().last().unwrap_or_default().trim();
                    return last.trim_start_matches("error: ").to_string();
                }
            };
            let at = pattern.get(..offset).map_or(0, |p| p.chars().count()) + 1;
            format!("{kind} (at character {at})")
        }
    }
}

impl GrepRequest {
    /// Checks a `grep` as a door received it: the pattern (not empty, within
    /// [`MAX_PATTERN_CHARS`], compiling within its size bound), the act, kind, status and
    /// language as a search takes them, the date, the page and the bound. Errors are the
    /// library's, with their codes ([`crate::Error::BadPattern`],
    /// [`crate::Error::BadArgument`]); `name` spells each value's name as the door does
    /// (`--as-of` on the command line, `as_of` elsewhere).
    ///
    /// ```
    /// use zanlex::pages::{GrepArgs, GrepRequest};
    /// let args = GrepArgs { pattern: "виза", kind: Some("order"), limit: Some(5), ..Default::default() };
    /// let req = GrepRequest::parse(&args, str::to_string).unwrap();
    /// assert_eq!((req.paging.limit, req.total_bound), (5, 1000));
    /// let bad = GrepArgs { pattern: "a{1000}{1000}", ..args.clone() };
    /// assert_eq!(GrepRequest::parse(&bad, str::to_string).unwrap_err().code(), zanlex::ErrorCode::BadPattern);
    /// let big = GrepArgs { limit: Some(101), ..args };
    /// assert_eq!(GrepRequest::parse(&big, str::to_string).unwrap_err().code(), zanlex::ErrorCode::BadRequest);
    /// ```
    pub fn parse(args: &GrepArgs<'_>, name: impl Fn(&str) -> String) -> crate::Result<Self> {
        let bad = crate::Error::BadArgument;
        let given = |v: Option<&'_ str>| {
            v.map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let regex = compile_pattern(args.pattern, args.ignore_case)?;
        let paging = Paging::new(args.offset, args.limit, DEFAULT_GREP_PAGE, MAX_GREP_PAGE)?;
        let bound = args.total_bound.unwrap_or(DEFAULT_GREP_BOUND as u64);
        if bound == 0 || bound > MAX_GREP_BOUND as u64 {
            return Err(bad(format!(
                "{} {bound} is out of range; use 1 to {MAX_GREP_BOUND}",
                name("total_bound")
            )));
        }
        let kind = given(args.kind)
            .map(|k| {
                k.parse::<ActKind>()
                    .map_err(|e| bad(format!("{}: {e}", name("kind"))))
            })
            .transpose()?;
        let status = given(args.status)
            .map(|s| {
                s.parse::<StatusKind>()
                    .map_err(|e| bad(format!("{}: {e}", name("status"))))
            })
            .transpose()?;
        let lang = given(args.lang)
            .map(|l| crate::lang_arg(&l).map_err(|e| bad(format!("{}: {e}", name("lang")))))
            .transpose()?;
        let as_of = given(args.as_of)
            .map(|d| crate::date_arg(&name("as_of"), &d))
            .transpose()?;
        Ok(GrepRequest {
            pattern: args.pattern.to_string(),
            ignore_case: args.ignore_case,
            regex,
            act: given(args.act),
            kind,
            status,
            lang,
            as_of,
            paging,
            // Bound as `usize`: at most `MAX_GREP_BOUND`.
            total_bound: (bound as usize).max(paging.offset + paging.limit),
        })
    }
}

/// Where a pattern matched in a unit's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct GrepMatch {
    /// The first character of the match in the unit's text (counted in characters from 0).
    pub start: usize,
    /// The character after its last.
    pub end: usize,
    /// The match with up to 40 characters of text on each side («…» where the text goes on),
    /// a match longer than 120 characters cut in its middle.
    pub excerpt: String,
}

/// A unit whose text the pattern matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct GrepUnit {
    /// The act's id.
    pub act_id: String,
    /// The unit's eid.
    pub eid: String,
    /// The language of the text matched.
    pub lang: String,
    /// The unit in official form (as a search hit cites it).
    pub citation: String,
    /// The unit's page on the date asked (see [`Links`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// Its state on the date asked (today when none was) by the point-in-time rule.
    pub state: TimeState,
    /// Where the pattern matched, the first [`MAX_MATCHES_PER_UNIT`], in the text's order.
    pub matches: Vec<GrepMatch>,
    /// How many times it matched in the unit's text.
    pub matches_total: usize,
}

/// What [`grep`] answers: the page of matching units and how many there are.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct GrepAnswer {
    /// The pattern as given.
    pub pattern: String,
    /// Whether letters matched whatever their case.
    pub ignore_case: bool,
    /// The act asked for, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub act: Option<String>,
    /// The day whose wording was read, when asked; the current texts otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// Units whose text was read.
    pub units_scanned: usize,
    /// Units the pattern matches: exact, or, when `total_is_lower_bound`, the bound past
    /// which the reading stopped ("more than `total`").
    pub total: usize,
    /// Whether more units match than `total` (the reading stopped at its bound).
    pub total_is_lower_bound: bool,
    /// Matches in those units, each unit's all.
    pub matches_total: usize,
    /// The page: `offset`, `limit`, `next_offset`, `cut`.
    #[serde(flatten)]
    pub page: PageHead,
    /// What the reader should know: the bound reached, nothing matched.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The page's units: by act id, language, then their order in the act.
    pub units: Vec<GrepUnit>,
}

/// A matching unit as the reading found it: where it stands in the order, and its matches.
struct Found {
    doc: StoredDoc,
    spans: Vec<(usize, usize)>,
    total: usize,
}

/// The character offset of byte `at` of `text`, counted on from `(byte, char)` `from`.
fn char_offset(text: &str, from: (usize, usize), at: usize) -> usize {
    from.1 + text.get(from.0..at).map_or(0, |s| s.chars().count())
}

/// The excerpt of `text` around the match at characters `start..end`.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let from = start.saturating_sub(EXCERPT_SIDE);
    let to = (end + EXCERPT_SIDE).min(chars.len());
    let piece = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(&piece(from, start));
    if end - start > EXCERPT_MATCH {
        let half = EXCERPT_MATCH / 2;
        out.push_str(&piece(start, start + half));
        out.push('…');
        out.push_str(&piece(end - half, end));
    } else {
        out.push_str(&piece(start, end));
    }
    out.push_str(&piece(end, to));
    if to < chars.len() {
        out.push('…');
    }
    // One line: a text's own line breaks read as blanks.
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The matches of `regex` in `text`: the first [`MAX_MATCHES_PER_UNIT`] as character spans,
/// and how many there are.
fn find(regex: &Regex, text: &str) -> (Vec<(usize, usize)>, usize) {
    let mut spans = Vec::new();
    let mut total = 0;
    let mut at = (0, 0);
    for m in regex.find_iter(text) {
        total += 1;
        if spans.len() < MAX_MATCHES_PER_UNIT {
            let start = char_offset(text, at, m.start());
            let end = char_offset(text, (m.start(), start), m.end());
            at = (m.end(), end);
            spans.push((start, end));
        }
    }
    (spans, total)
}

/// The units of `request`'s scope whose text `regex` matches, act by act in the order of the
/// acts' ids, each act's in its languages' order and then its document order, until
/// `request.total_bound` and one more are found; and how many texts were read.
fn scan(index: &ZanIndex, request: &GrepRequest) -> crate::Result<(Vec<Found>, usize)> {
    let store = index.store();
    let f = store.fields();
    let mut filter = SearchRequest::new("");
    filter.act = request.act.clone();
    filter.kind = request.kind;
    filter.status = request.status;
    filter.lang = request.lang;
    filter.as_of = request.as_of;
    let clauses = crate::search::request_filters(store, &filter)?;
    let ids = match &request.act {
        Some(id) => vec![id.clone()],
        None => index.act_ids()?,
    };
    let searcher = store.searcher();
    let mut found = Vec::new();
    let mut scanned = 0;
    for id in ids {
        let mut act_clauses: Vec<(Occur, Box<dyn TQuery>)> =
            clauses.iter().map(|(o, q)| (*o, q.box_clone())).collect();
        act_clauses.push((
            Occur::Must,
            crate::search::filters::filter_query(f, &crate::search::Filter::Act(id)),
        ));
        let addrs = searcher.search(&BooleanQuery::new(act_clauses), &DocSetCollector)?;
        let mut docs = Vec::with_capacity(addrs.len());
        for addr in addrs {
            docs.push(crate::index::stored::fetch(store, &searcher, addr)?);
        }
        // Kazakh first, then each text's units in their order in the file.
        docs.sort_by(|a, b| {
            (a.str(f.lang), a.u32(f.line_start), a.str(f.eid)).cmp(&(
                b.str(f.lang),
                b.u32(f.line_start),
                b.str(f.eid),
            ))
        });
        for doc in docs {
            if request.as_of.is_some() && !state_of(&doc, f, request.as_of).is_in_force() {
                continue;
            }
            scanned += 1;
            let (spans, total) = find(&request.regex, doc.str(f.text));
            if total == 0 {
                continue;
            }
            found.push(Found { doc, spans, total });
            if found.len() > request.total_bound {
                return Ok((found, scanned));
            }
        }
    }
    Ok((found, scanned))
}

/// The state the point-in-time rule gives a unit document's wording on `as_of`, as a search
/// hit says it.
fn state_of(doc: &StoredDoc, f: &crate::index::Fields, as_of: Option<NaiveDate>) -> TimeState {
    match serde_json::from_str::<crate::amend::time::StoredTime>(doc.str(f.time)) {
        Ok(t) => crate::amend::time::state_in_piece(as_of, &t.facts(doc.str(f.unit_status))),
        // An index without the time facts: its validity range kept the document.
        Err(_) => TimeState::InForce,
    }
}

/// What [`grep`] answers: the units of the request's scope whose stored text (the current
/// text, or the wording in force on `as_of` by the point-in-time rule) the pattern matches,
/// the page asked for, each with its citation, its page, its state and its matches as
/// character spans with an excerpt around each; the answer cut to `budget`'s characters
/// where a unit ends, saying so. An act the index lacks is [`crate::Error::UnknownAct`].
///
/// ```no_run
/// # fn main() -> zanlex::Result<()> {
/// use zanlex::pages::{grep, Budget, GrepArgs, GrepRequest, Links};
/// let index = zanlex::ZanIndex::open("index")?;
/// let args = GrepArgs { pattern: r"пункт \d+ статьи 12", ..Default::default() };
/// let request = GrepRequest::parse(&args, str::to_string)?;
/// let answer = grep(&index, &request, &Links::relative(), &Budget::ASSISTANT)?;
/// for u in &answer.units {
///     println!("{} ({} matches): {}", u.citation, u.matches_total, u.matches[0].excerpt);
/// }
/// # Ok(())
/// # }
/// ```
pub fn grep(
    index: &ZanIndex,
    request: &GrepRequest,
    links: &Links,
    budget: &Budget,
) -> crate::Result<GrepAnswer> {
    if let Some(id) = &request.act {
        // An unknown act gets its error with the nearest ids.
        if index.act_outlines(id)?.is_empty() {
            index.act(id)?;
        }
    }
    let (mut found, scanned) = scan(index, request)?;
    let mut notes = Vec::new();
    let more = found.len() > request.total_bound;
    if more {
        found.truncate(request.total_bound);
        notes.push(format!(
            "more than {} units match: the texts were read until then, in the order of the acts' \
             ids; a narrower scope (act, kind, lang) or pattern counts them all",
            request.total_bound
        ));
    }
    if found.is_empty() {
        notes.push(format!(
            "no unit's text matches «{}» in the {scanned} texts read",
            crate::error::one_line(&request.pattern)
        ));
    }
    let total = found.len();
    let matches_total = found.iter().map(|u| u.total).sum();
    let next_offset = request.paging.cut(&mut found);
    let f = index.store().fields();
    let units = found
        .into_iter()
        .map(|u| {
            let Found { doc, spans, total } = u;
            let text = doc.str(f.text);
            let act_id = doc.str(f.act_id).to_string();
            let eid = doc.str(f.eid).to_string();
            let url = Some(doc.str(f.act_url)).filter(|u| !u.is_empty());
            GrepUnit {
                permalink: links.permalink(&act_id, Some(&eid), request.as_of, url),
                state: state_of(&doc, f, request.as_of),
                lang: doc.str(f.lang).to_string(),
                citation: doc.str(f.citation).to_string(),
                matches: spans
                    .iter()
                    .map(|&(start, end)| GrepMatch {
                        start,
                        end,
                        excerpt: excerpt(text, start, end),
                    })
                    .collect(),
                matches_total: total,
                act_id,
                eid,
            }
        })
        .collect();
    let mut answer = GrepAnswer {
        pattern: request.pattern.clone(),
        ignore_case: request.ignore_case,
        act: request.act.clone(),
        as_of: request.as_of,
        units_scanned: scanned,
        total,
        total_is_lower_bound: more,
        matches_total,
        page: PageHead::new(request.paging, next_offset, None),
        notes,
        units,
    };
    fit_list(&mut answer, budget);
    Ok(answer)
}

paged_list!(GrepAnswer, units, "units");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_counted_in_characters() {
        let re = compile_pattern(r"\d+-ба[бп]", false).unwrap();
        let text = "Осы Заңның 5-бабында және 12-бабында";
        let (spans, total) = find(&re, text);
        assert_eq!(total, 2);
        let words: Vec<String> = spans
            .iter()
            .map(|&(s, e)| text.chars().skip(s).take(e - s).collect())
            .collect();
        assert_eq!(words, ["5-баб", "12-баб"]);
        assert_eq!(spans, [(11, 16), (26, 32)]);
    }

    #[test]
    fn an_excerpt_is_one_line_around_the_match() {
        let text = format!("{}\nстатья 12\n{}", "а".repeat(50), "б".repeat(50));
        let re = compile_pattern("статья 12", false).unwrap();
        let (spans, _) = find(&re, &text);
        let (s, e) = spans[0];
        assert_eq!(
            excerpt(&text, s, e),
            format!("…{} статья 12 {}…", "а".repeat(39), "б".repeat(39))
        );
    }

    #[test]
    fn a_bad_or_large_pattern_says_its_fault_on_one_line() {
        let e = compile_pattern("a{1000}{1000}", false).unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::BadPattern);
        assert!(
            e.to_string()
                .starts_with("pattern «a{1000}{1000}»: the pattern compiles to more than"),
            "{e}"
        );
        let e = compile_pattern(r"(?<=a)b", false).unwrap_err();
        assert_eq!(
            e.to_string(),
            "pattern «(?<=a)b»: look-around, including look-ahead and look-behind, is not \
             supported (at character 1)"
        );
        let e = compile_pattern(&"a".repeat(501), false).unwrap_err();
        assert!(e
            .to_string()
            .ends_with("the pattern is 501 characters long; the limit is 500"));
        let e = compile_pattern("(a\nb", false).unwrap_err();
        assert_eq!(
            e.to_string(),
            "pattern «(a\\nb»: unclosed group (at character 1)"
        );
        assert_eq!(
            compile_pattern("", false).unwrap_err().code(),
            crate::ErrorCode::BadPattern
        );
    }
}
