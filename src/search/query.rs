//! zanlex's query language, parsed by hand so no user input reaches tantivy's own parser.
//!
//! ```text
//! query    := or ( OR or )*            (OR binds loosest)
//! or       := unary ( [AND] unary )*   (words side by side must all match)
//! unary    := NOT unary | -primary | +primary | primary
//! primary  := ( query ) | "phrase" [~N] | key:value | word
//! ```
//! Filters: `act:ID`, `kind:order`, `status:repealed`, `issuer:mfa`, `date:>=2018-01-01`,
//! `date:<2020-01-01`, `date:2012-01-01..2015-12-31`, `date:2018`, `reg:16354` (the state
//! registration number), `number:11-1-4/1` (the act's own number). A value with spaces is
//! quoted: `issuer:"Министр иностранных дел"`, `issuer:«Сыртқы істер министрі»` (an issuer
//! by its code or by a name in Kazakh or Russian).

pub use crate::error::QueryFault;
use crate::model::{ActKind, StatusKind, UnknownName};
use chrono::NaiveDate;

/// Longest accepted query, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most words, phrases and filters in one query.
pub const MAX_CLAUSES: usize = 64;
/// Deepest nesting of parentheses and NOTs.
pub const MAX_DEPTH: usize = 16;
/// Largest phrase slop.
pub const MAX_SLOP: u32 = 20;
/// How often one word may occur in a phrase with a slop: each more occurrence multiplies the
/// placements a sloppy phrase match tries, and no legal phrase repeats a word more.
pub const MAX_REPEATS_IN_SLOPPY_PHRASE: usize = 3;

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// A word, matched in the exact, stemmed and folded fields.
    Term(String),
    /// Words in this order, at most `slop` positions apart.
    Phrase {
        /// The words.
        text: String,
        /// How many positions apart the words may be.
        slop: u32,
    },
    /// A restriction on act metadata; scores nothing.
    Filter(Filter),
    /// Every part must match.
    And(Vec<Query>),
    /// At least one part must match.
    Or(Vec<Query>),
    /// Must not match.
    Not(Box<Query>),
}

/// A restriction on act metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// One act, by id.
    Act(String),
    /// Acts of one kind.
    Kind(ActKind),
    /// The act's status.
    Status(StatusKind),
    /// Acts of one issuer, by issuer code (`mfa`, `government`; [`crate::issuers`]).
    Issuer(String),
    /// The act with this state registration number (`16354`), written as the index keys
    /// numbers: lowercase, without `№` and spaces, dashes as `-`.
    Registration(String),
    /// Acts with this number of their own, any of a joint act's (`11-1-4/1`), written as
    /// [`Filter::Registration`]'s.
    Number(String),
    /// The act's date within `[from, to]` (both inclusive, open when `None`).
    Date {
        /// The earliest date.
        from: Option<NaiveDate>,
        /// The latest date.
        to: Option<NaiveDate>,
    },
}

/// One end of a `date:` range as a user types it: `YYYY-MM-DD`, `DD.MM.YYYY`, or a bare year
/// (its first day for a start, its last for an end).
fn date_bound(s: &str, end: bool) -> Result<NaiveDate, String> {
    let s = s.trim();
    if let Some(d) = crate::text::parse_iso_date(s) {
        return Ok(d);
    }
    if let Some(d) = crate::text::parse_dotted_date(s) {
        return Ok(d);
    }
    if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
        if let Ok(y) = s.parse::<i32>() {
            let d = if end {
                NaiveDate::from_ymd_opt(y, 12, 31)
            } else {
                NaiveDate::from_ymd_opt(y, 1, 1)
            };
            if let Some(d) = d {
                return Ok(d);
            }
        }
    }
    Err(format!(
        "bad date {s:?}; write YYYY-MM-DD (e.g. date:>=2018-01-01 or date:2012-01-01..2015-12-31)"
    ))
}

/// Parses the value of `date:`.
pub fn parse_date_filter(v: &str) -> Result<Filter, String> {
    let v = v.trim();
    let (from, to) = if let Some(r) = v.strip_prefix(">=") {
        (Some(date_bound(r, false)?), None)
    } else if let Some(r) = v.strip_prefix("<=") {
        (None, Some(date_bound(r, true)?))
    } else if let Some(r) = v.strip_prefix('>') {
        (date_bound(r, true)?.succ_opt(), None)
    } else if let Some(r) = v.strip_prefix('<') {
        (None, date_bound(r, false)?.pred_opt())
    } else if let Some((a, b)) = v.split_once("..") {
        let from = if a.is_empty() {
            None
        } else {
            Some(date_bound(a, false)?)
        };
        let to = if b.is_empty() {
            None
        } else {
            Some(date_bound(b, true)?)
        };
        (from, to)
    } else {
        (Some(date_bound(v, false)?), Some(date_bound(v, true)?))
    };
    if let (Some(a), Some(b)) = (from, to) {
        if a > b {
            return Err(format!("date range {v:?} ends before it starts"));
        }
    }
    if from.is_none() && to.is_none() {
        return Err(format!(
            "date range {v:?} has no date; give one end or both (e.g. date:2012-01-01..2015-12-31 or date:..2015-12-31)"
        ));
    }
    Ok(Filter::Date { from, to })
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Phrase(String, u32),
    Filter(Filter),
    LParen,
    RParen,
    And,
    Or,
    Not,
    Plus,
    Minus,
}

const FILTER_KEYS: [&str; 7] = ["act", "kind", "status", "date", "issuer", "reg", "number"];

/// The [`Filter::Issuer`] of an issuer typed by code or by name, or what is closest.
pub(crate) fn issuer_filter(typed: &str) -> Result<Filter, String> {
    super::issuers::issuer_code_of(typed)
        .map(|code| Filter::Issuer(code.to_string()))
        .map_err(|e| e.to_string())
}

/// The [`Filter::Registration`] or [`Filter::Number`] (`registration` false) of a number typed.
pub(crate) fn number_filter(typed: &str, registration: bool) -> Result<Filter, String> {
    let k = crate::index::numbers::filter_key(typed).ok_or_else(|| {
        format!(
            "{typed:?} is not a number; write it as printed, e.g. {}",
            if registration { "16354" } else { "11-1-4/1" }
        )
    })?;
    Ok(if registration {
        Filter::Registration(k)
    } else {
        Filter::Number(k)
    })
}

fn filter_of(key: &str, value: &str) -> Result<Filter, String> {
    if value.is_empty() {
        return Err(format!(
            "`{key}:` needs a value right after the colon, e.g. {key}:{}",
            match key {
                "act" => "mfa-order-2018-01-04-11-1-4-1",
                "kind" => "order",
                "status" => "repealed",
                "issuer" => "mfa",
                "reg" => "16354",
                "number" => "11-1-4/1",
                _ => ">=2018-01-01",
            }
        ));
    }
    Ok(match key {
        "act" => Filter::Act(value.to_string()),
        "kind" => Filter::Kind(value.parse().map_err(|e: UnknownName| e.to_string())?),
        "status" => Filter::Status(value.parse().map_err(|e: UnknownName| e.to_string())?),
        "issuer" => issuer_filter(value)?,
        "reg" => number_filter(value, true)?,
        "number" => number_filter(value, false)?,
        _ => parse_date_filter(value)?,
    })
}

fn lex(input: &str) -> Result<Vec<Tok>, Fault> {
    let chars: Vec<char> = input
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let n = chars.len();
    let is_break = |c: char| c.is_whitespace() || c == '(' || c == ')' || c == '"';
    while i < n {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if let Some((key, quote)) = quoted_filter_at(&chars, i) {
            let (tok, end) = lex_phrase(&chars, quote)?;
            let value = match tok {
                Tok::Phrase(v, _) => v,
                _ => String::new(),
            };
            let filter =
                filter_of(&key, value.trim()).map_err(|r| Fault::new(QueryFault::BadFilter, r))?;
            toks.push(Tok::Filter(filter));
            i = end;
            continue;
        }
        match c {
            '(' => {
                toks.push(Tok::LParen);
                i += 1;
            }
            ')' => {
                toks.push(Tok::RParen);
                i += 1;
            }
            '"' | '«' | '“' => {
                let (tok, end) = lex_phrase(&chars, i)?;
                toks.push(tok);
                i = end;
            }
            '+' | '-' => {
                let next = chars.get(i + 1).copied();
                match next {
                    Some(nc) if !nc.is_whitespace() && nc != ')' => {
                        toks.push(if c == '+' { Tok::Plus } else { Tok::Minus });
                        i += 1;
                    }
                    _ => {
                        return Err(Fault::new(
                            QueryFault::LoneOperator,
                            format!("a lone `{c}` at character {}: put it right before a word ({c}виза) or remove it", i + 1),
                        ))
                    }
                }
            }
            _ => {
                let start = i;
                while i < n && !is_break(chars[i]) {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                toks.push(lex_word(word)?);
            }
        }
    }
    Ok(toks)
}

/// A filter whose value is quoted (`issuer:"Министр иностранных дел"`) starting at `i`: its
/// key, lowercased, and where the quote opens.
fn quoted_filter_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    let mut j = i;
    while j < chars.len() && chars[j].is_ascii_alphabetic() {
        j += 1;
    }
    let key: String = chars[i..j].iter().collect::<String>().to_lowercase();
    (chars.get(j) == Some(&':')
        && matches!(chars.get(j + 1), Some('"' | '«' | '“'))
        && FILTER_KEYS.contains(&key.as_str()))
    .then_some((key, j + 1))
}

/// The phrase whose opening quote is at `i` (`"…"`, `«…»`, `“…”`), with its slop (`~N`), and
/// where the input goes on after it.
fn lex_phrase(chars: &[char], i: usize) -> Result<(Tok, usize), Fault> {
    let n = chars.len();
    let c = chars[i];
    let close = match c {
        '«' => '»',
        '“' => '”',
        _ => '"',
    };
    let start = i + 1;
    let mut j = start;
    while j < n && chars[j] != close && !(close != '"' && chars[j] == '"') {
        j += 1;
    }
    if j >= n {
        return Err(Fault::new(
            QueryFault::UnclosedQuote { at: i + 1 },
            format!(
                "the quote at character {} is never closed; add a closing {close} or remove it",
                i + 1
            ),
        ));
    }
    let text: String = chars[start..j].iter().collect();
    let mut i = j + 1;
    let mut slop = 0;
    if i < n && chars[i] == '~' {
        let ds = i + 1;
        let mut k = ds;
        while k < n && chars[k].is_ascii_digit() {
            k += 1;
        }
        if k == ds {
            return Err("`~` after a phrase needs a number, e.g. \"тұрақты тұру\"~2".into());
        }
        let digits: String = chars[ds..k].iter().collect();
        slop = digits.parse::<u32>().unwrap_or(u32::MAX);
        if slop > MAX_SLOP {
            return Err(Fault::from(format!(
                "phrase slop ~{digits} is too large; use at most ~{MAX_SLOP}"
            )));
        }
        i = k;
    }
    if slop > 0 {
        let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for w in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let n = counts.entry(w.to_lowercase()).or_default();
            *n += 1;
            if *n > MAX_REPEATS_IN_SLOPPY_PHRASE {
                return Err(Fault::from(format!(
                    "the phrase repeats {w:?} more than {MAX_REPEATS_IN_SLOPPY_PHRASE} times with ~{slop}; write it fewer times or drop the ~"
                )));
            }
        }
    }
    Ok((Tok::Phrase(text, slop), i))
}

/// A word of the query: an operator, a filter (`key:value`), or a search word.
fn lex_word(word: String) -> Result<Tok, Fault> {
    Ok(match word.as_str() {
        "AND" | "&&" => Tok::And,
        "OR" | "||" => Tok::Or,
        "NOT" => Tok::Not,
        _ => {
            if let Some((k, v)) = word.split_once(':') {
                let key = k.to_lowercase();
                if FILTER_KEYS.contains(&key.as_str()) {
                    return Ok(Tok::Filter(
                        filter_of(&key, v).map_err(|r| Fault::new(QueryFault::BadFilter, r))?,
                    ));
                }
            }
            Tok::Word(word)
        }
    })
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn or_expr(&mut self) -> Result<Query, Fault> {
        let mut parts = vec![self.and_expr()?];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            if matches!(self.peek(), None | Some(Tok::RParen) | Some(Tok::Or)) {
                return Err(Fault::new(
                    QueryFault::LoneOperator,
                    "OR needs something on both sides, e.g. виза OR рұқсат",
                ));
            }
            parts.push(self.and_expr()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Query::Or(parts)
        })
    }

    fn and_expr(&mut self) -> Result<Query, Fault> {
        let mut parts = Vec::new();
        loop {
            match self.peek() {
                None | Some(Tok::RParen) | Some(Tok::Or) => break,
                Some(Tok::And) => {
                    self.pos += 1;
                    if parts.is_empty()
                        || matches!(
                            self.peek(),
                            None | Some(Tok::RParen) | Some(Tok::Or) | Some(Tok::And)
                        )
                    {
                        return Err(Fault::new(
                            QueryFault::LoneOperator,
                            "AND needs something on both sides, e.g. виза AND ұзарту",
                        ));
                    }
                }
                _ => parts.push(self.unary()?),
            }
        }
        match parts.len() {
            0 => Err(match self.peek() {
                Some(Tok::Or) => Fault::new(
                    QueryFault::LoneOperator,
                    "OR needs something on both sides, e.g. виза OR рұқсат",
                ),
                _ => Fault::new(QueryFault::NoWords, "empty query: type at least one word"),
            }),
            1 => Ok(parts.remove(0)),
            _ => Ok(Query::And(parts)),
        }
    }

    fn unary(&mut self) -> Result<Query, Fault> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Fault::new(
                QueryFault::TooDeep,
                format!("the query nests deeper than {MAX_DEPTH} levels; simplify it"),
            ));
        }
        let r = match self.peek() {
            Some(Tok::Not) | Some(Tok::Minus) => {
                let was_not = self.peek() == Some(&Tok::Not);
                self.pos += 1;
                if self.peek().is_none() {
                    return Err(Fault::new(
                        QueryFault::LoneOperator,
                        if was_not {
                            "NOT needs a word after it, e.g. NOT виза"
                        } else {
                            "`-` needs a word right after it, e.g. -виза"
                        },
                    ));
                }
                let inner = if was_not {
                    self.unary()?
                } else {
                    self.primary()?
                };
                Ok(Query::Not(Box::new(inner)))
            }
            Some(Tok::Plus) => {
                self.pos += 1;
                self.primary()
            }
            _ => self.primary(),
        };
        self.depth -= 1;
        r
    }

    fn primary(&mut self) -> Result<Query, Fault> {
        let tok = self.peek().cloned();
        self.pos += 1;
        match tok {
            Some(Tok::Word(w)) => Ok(Query::Term(w)),
            Some(Tok::Phrase(t, slop)) => {
                if t.trim().is_empty() {
                    Err(Fault::new(
                        QueryFault::EmptyPhrase,
                        "empty phrase \"\": put words between the quotes",
                    ))
                } else {
                    Ok(Query::Phrase { text: t, slop })
                }
            }
            Some(Tok::Filter(f)) => Ok(Query::Filter(f)),
            Some(Tok::LParen) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(Fault::new(
                        QueryFault::TooDeep,
                        format!("the query nests deeper than {MAX_DEPTH} levels; simplify it"),
                    ));
                }
                if self.peek() == Some(&Tok::RParen) {
                    return Err(Fault::new(
                        QueryFault::EmptyParens,
                        "empty parentheses (): put words inside or remove them",
                    ));
                }
                let q = self.or_expr()?;
                self.depth -= 1;
                if self.peek() != Some(&Tok::RParen) {
                    return Err(Fault::new(
                        QueryFault::UnclosedParen,
                        "a `(` is never closed; add `)` or remove it",
                    ));
                }
                self.pos += 1;
                Ok(q)
            }
            Some(Tok::RParen) => Err(Fault::new(
                QueryFault::UnmatchedParen,
                "a `)` has no matching `(`; remove it",
            )),
            Some(Tok::Plus) | Some(Tok::Minus) => Err(Fault::new(
                QueryFault::LoneOperator,
                "`+`/`-` must be followed directly by a word or phrase",
            )),
            Some(Tok::And) | Some(Tok::Or) | Some(Tok::Not) | None => Err(Fault::new(
                QueryFault::LoneOperator,
                "an operator (AND, OR, NOT) is missing a word next to it",
            )),
        }
    }
}

/// Parses a query; the error says what to fix (the caller wraps it in [`crate::Error::Query`]).
pub fn parse_str(input: &str) -> Result<Query, Fault> {
    let n = input.chars().count();
    if n > MAX_QUERY_CHARS {
        return Err(Fault::from(format!(
            "the query is {n} characters long; the limit is {MAX_QUERY_CHARS}: shorten it to its key words"
        )));
    }
    let toks = lex(input)?;
    let clauses = toks
        .iter()
        .filter(|t| matches!(t, Tok::Word(_) | Tok::Phrase(..) | Tok::Filter(_)))
        .count();
    if clauses == 0 {
        return Err(Fault::new(
            QueryFault::NoWords,
            "empty query: type at least one word, a \"phrase\" or a filter such as status:repealed",
        ));
    }
    if clauses > MAX_CLAUSES {
        return Err(Fault::new(
            QueryFault::TooManyWords { limit: MAX_CLAUSES },
            format!("the query has {clauses} words and filters; the limit is {MAX_CLAUSES}"),
        ));
    }
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let q = p.or_expr()?;
    if p.pos < p.toks.len() {
        return Err(match p.toks[p.pos] {
            Tok::RParen => Fault::new(
                QueryFault::UnmatchedParen,
                "a `)` has no matching `(`; remove it",
            ),
            _ => "unexpected text at the end of the query".into(),
        });
    }
    Ok(q)
}

/// Whether `input` is only words and filters side by side: no phrase, operator (`AND`, `OR`,
/// `NOT`, `+`, `-`) or parentheses. Such a query is ranked by how many of its words a unit has
/// (`search::coverage`); an operator asks for exactly what it says.
pub fn typed_as_words(input: &str) -> bool {
    lex(input).is_ok_and(|toks| {
        toks.iter()
            .all(|t| matches!(t, Tok::Word(_) | Tok::Filter(_)))
    })
}

/// Parses a query into [`Query`], or a [`crate::Error::Query`] saying what to fix.
pub fn parse(input: &str) -> crate::Result<Query> {
    parse_str(input).map_err(|f| crate::Error::Query {
        query: shorten_for_error(input),
        reason: f.reason,
        fault: f.kind,
    })
}

/// A query that cannot be read: what kind of fault, and what to fix in words.
#[derive(Debug)]
pub(crate) struct Fault {
    pub kind: QueryFault,
    pub reason: String,
}

impl Fault {
    fn new(kind: QueryFault, reason: impl Into<String>) -> Self {
        Fault {
            kind,
            reason: reason.into(),
        }
    }
}

impl From<String> for Fault {
    fn from(reason: String) -> Self {
        Fault::new(QueryFault::Other, reason)
    }
}

impl From<&str> for Fault {
    fn from(reason: &str) -> Self {
        Fault::new(QueryFault::Other, reason)
    }
}

fn shorten_for_error(q: &str) -> String {
    let clean: String = q
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.chars().count() > 80 {
        let s: String = clean.chars().take(80).collect();
        format!("{s}…")
    } else {
        clean
    }
}

/// The parts of a hyphenated compound of words (`родителей-пенсионеров`,
/// `медико-социальной`, `әлеуметтік-медициналық`), or the word alone: each part at least two
/// letters and no digit, so numbered forms (`7-бап`, `1-тармақ`) stay whole.
fn compound_parts(word: &str) -> Vec<&str> {
    let parts: Vec<&str> = word.split('-').collect();
    let words = parts.len() > 1
        && parts
            .iter()
            .all(|p| p.chars().count() >= 2 && p.chars().all(char::is_alphabetic));
    if words {
        parts
    } else {
        vec![word]
    }
}

/// `q` with each hyphenated compound of words searched as its parts: a text joins them with a
/// hyphen or says them apart (`родителей-пенсионеров` asked, «родителей, являющихся
/// пенсионерами» written), and a compound searched whole would need them side by side.
/// Phrases keep their compounds.
pub(crate) fn split_compounds(q: &Query) -> Query {
    fn parts_of(w: &str) -> Vec<Query> {
        compound_parts(w)
            .into_iter()
            .map(|p| Query::Term(p.to_string()))
            .collect()
    }
    match q {
        Query::Term(w) => {
            let mut parts = parts_of(w);
            if parts.len() == 1 {
                parts.remove(0)
            } else {
                Query::And(parts)
            }
        }
        Query::And(children) => Query::And(
            children
                .iter()
                .flat_map(|c| match c {
                    Query::Term(w) => parts_of(w),
                    other => vec![split_compounds(other)],
                })
                .collect(),
        ),
        Query::Or(children) => Query::Or(children.iter().map(split_compounds).collect()),
        Query::Not(inner) => Query::Not(Box::new(split_compounds(inner))),
        Query::Phrase { .. } | Query::Filter(_) => q.clone(),
    }
}

impl Query {
    /// Parses a query in zanlex's query language (words, `"phrases"`, `AND`/`OR`/`NOT`,
    /// parentheses, filters such as `status:in_force`), or a [`crate::Error::Query`] saying
    /// what to fix.
    ///
    /// ```
    /// use zanlex::{Filter, Query, StatusKind};
    /// let q = Query::parse("status:repealed").unwrap();
    /// assert_eq!(q, Query::Filter(Filter::Status(StatusKind::Repealed)));
    /// assert!(Query::parse("(тұру").is_err());
    /// ```
    pub fn parse(input: &str) -> crate::Result<Query> {
        parse(input)
    }

    /// Whether the query is made only of plain words joined implicitly (what a relaxed
    /// OR-retry applies to when nothing has all the words).
    pub fn is_plain_words(&self) -> bool {
        match self {
            Query::And(parts) => {
                parts.len() > 1
                    && parts
                        .iter()
                        .all(|p| matches!(p, Query::Term(_) | Query::Filter(_)))
                    && parts.iter().filter(|p| matches!(p, Query::Term(_))).count() > 1
            }
            _ => false,
        }
    }

    /// Words and phrases that must or may match (not those under NOT): what gets highlighted.
    pub fn positive_parts(&self) -> Vec<&Query> {
        let mut out = Vec::new();
        fn go<'a>(q: &'a Query, out: &mut Vec<&'a Query>) {
            match q {
                Query::Term(_) | Query::Phrase { .. } => out.push(q),
                Query::And(v) | Query::Or(v) => v.iter().for_each(|x| go(x, out)),
                Query::Not(_) | Query::Filter(_) => {}
            }
        }
        go(self, &mut out);
        out
    }
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn query() {
        use crate::search::query::{parse, Query};
        let q = parse(r#"виза -"тұрақты тұру"~1 OR kind:order"#).unwrap();
        assert!(matches!(q, Query::Or(_)));
        assert!(parse("(unclosed").is_err());
    }

    #[test]
    fn typed_as_words() {
        use crate::search::query::typed_as_words;
        assert!(typed_as_words("виза ұзарту мерзімі kind:order"));
        assert!(!typed_as_words("виза AND ұзарту мерзімі"));
        assert!(!typed_as_words("+виза ұзарту мерзімі"));
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn compounds_of_words_are_searched_as_their_parts() {
        let t = |w: &str| Query::Term(w.to_string());
        let q = parse("родителей-пенсионеров").unwrap();
        assert_eq!(
            split_compounds(&q),
            Query::And(vec![t("родителей"), t("пенсионеров")])
        );
        let q = parse("пенсия родителей-пенсионеров").unwrap();
        assert_eq!(
            split_compounds(&q),
            Query::And(vec![t("пенсия"), t("родителей"), t("пенсионеров")])
        );
        // Numbered forms, one-letter parts and phrases stay whole.
        for whole in [
            "7-бап",
            "1-тармақ",
            "А-1",
            "\"медико-социальной экспертизы\"",
        ] {
            let q = parse(whole).unwrap();
            assert_eq!(split_compounds(&q), q, "{whole}");
        }
    }
    use super::*;

    fn t(s: &str) -> Query {
        Query::Term(s.into())
    }

    #[test]
    fn words_and_operators() {
        assert_eq!(
            parse_str("виза ұзарту").unwrap(),
            Query::And(vec![t("виза"), t("ұзарту")])
        );
        assert_eq!(
            parse_str("виза OR рұқсат -тіркеу").unwrap(),
            Query::Or(vec![
                t("виза"),
                Query::And(vec![t("рұқсат"), Query::Not(Box::new(t("тіркеу")))])
            ])
        );
        assert_eq!(
            parse_str("(a OR b) AND NOT c").unwrap(),
            Query::And(vec![
                Query::Or(vec![t("a"), t("b")]),
                Query::Not(Box::new(t("c")))
            ])
        );
        assert_eq!(parse_str("+виза").unwrap(), t("виза"));
        assert_eq!(
            parse_str("14-1 11-1-4/730").unwrap(),
            Query::And(vec![t("14-1"), t("11-1-4/730")])
        );
    }

    #[test]
    fn phrases_and_filters() {
        assert_eq!(
            parse_str("\"тұрақты тұру\"~2").unwrap(),
            Query::Phrase {
                text: "тұрақты тұру".into(),
                slop: 2
            }
        );
        assert_eq!(
            parse_str("«тұрақты тұру»").unwrap(),
            Query::Phrase {
                text: "тұрақты тұру".into(),
                slop: 0
            }
        );
        assert_eq!(
            parse_str("status:repealed").unwrap(),
            Query::Filter(Filter::Status(StatusKind::Repealed))
        );
        assert_eq!(
            parse_str("kind:joint-order").unwrap(),
            Query::Filter(Filter::Kind(ActKind::JointOrder))
        );
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(
            parse_str("date:2012-01-01..2015-12-31").unwrap(),
            Query::Filter(Filter::Date {
                from: d(2012, 1, 1),
                to: d(2015, 12, 31)
            })
        );
        assert_eq!(
            parse_str("date:>=2018-01-01").unwrap(),
            Query::Filter(Filter::Date {
                from: d(2018, 1, 1),
                to: None
            })
        );
        assert_eq!(
            parse_str("date:2018").unwrap(),
            Query::Filter(Filter::Date {
                from: d(2018, 1, 1),
                to: d(2018, 12, 31)
            })
        );
        // An unknown key is an ordinary word.
        assert_eq!(parse_str("http://x").unwrap(), t("http://x"));
    }

    #[test]
    fn hostile_input_gets_a_clear_error() {
        for (q, needle) in [
            ("\"тұрақты тұру", "never closed"),
            ("(виза", "never closed"),
            ("виза)", "no matching"),
            ("-", "lone"),
            ("виза -", "lone"),
            ("", "empty query"),
            ("   \u{0}\u{7}  ", "empty query"),
            ("OR", "empty query"),
            ("виза OR", "OR needs"),
            ("AND виза", "AND needs"),
            ("NOT", "empty query"),
            ("виза NOT", "NOT needs"),
            ("()", "empty query"),
            ("виза ()", "empty parentheses"),
            ("\"\" виза", "empty phrase"),
            ("kind:memo", "unknown kind"),
            ("status:alive", "unknown status"),
            ("date:2018-13-45", "bad date"),
            ("date:2019-01-01..2018-01-01", "ends before"),
            (
                "\"қазақстан қазақстан қазақстан қазақстан\"~20",
                "repeats \"қазақстан\" more than 3 times",
            ),
            ("date:..", "has no date"),
            ("act:", "needs a value"),
            ("\"a b\"~", "needs a number"),
            ("\"a b\"~999", "too large"),
        ] {
            let err = parse_str(q).expect_err(q).reason;
            assert!(err.contains(needle), "{q:?}: {err}");
        }
        // Each fault a page words for its reader is named by its kind.
        for (q, kind) in [
            ("\"виза", QueryFault::UnclosedQuote { at: 1 }),
            ("виза «беру", QueryFault::UnclosedQuote { at: 6 }),
            ("(виза", QueryFault::UnclosedParen),
            ("виза)", QueryFault::UnmatchedParen),
            ("\"\" виза", QueryFault::EmptyPhrase),
            ("виза ()", QueryFault::EmptyParens),
            ("виза OR", QueryFault::LoneOperator),
            ("()", QueryFault::NoWords),
            ("kind:memo", QueryFault::BadFilter),
            ("\"a b\"~", QueryFault::Other),
        ] {
            assert_eq!(parse_str(q).expect_err(q).kind, kind, "{q}");
        }
        // Three times with a slop, or any number of times without one, is taken.
        assert!(parse_str("\"қазақстан қазақстан қазақстан\"~20").is_ok());
        assert!(parse_str("\"қазақстан қазақстан қазақстан қазақстан\"").is_ok());
        let long = "виза ".repeat(2000);
        assert!(parse_str(&long)
            .unwrap_err()
            .reason
            .contains("limit is 1000"));
        let many = "a ".repeat(100);
        assert!(parse_str(&many).unwrap_err().reason.contains("limit is 64"));
        let deep = format!("{}a{}", "(".repeat(40), ")".repeat(40));
        assert!(parse_str(&deep)
            .unwrap_err()
            .reason
            .contains("nests deeper"));
        let nots = format!("{}a", "NOT ".repeat(40));
        assert!(parse_str(&nots)
            .unwrap_err()
            .reason
            .contains("nests deeper"));
        // Dates far outside tantivy's range are accepted (clamped when searched).
        assert!(parse_str("date:0001-01-01..9999-12-31").is_ok());
        // Control characters are spaces.
        assert_eq!(
            parse_str("виза\u{1b}[31m").unwrap(),
            Query::And(vec![t("виза"), t("[31m")])
        );
    }
}
