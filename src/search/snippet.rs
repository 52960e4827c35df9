//! Snippets: the part of a unit's text around the query's words, with highlights.
//!
//! The text is run through the same analyzers as the index, so a highlighted word is one the
//! index matched (inflected and folded forms included). A phrase is highlighted as one span
//! from its first word to its last. For a query of words, the words of a text that cannot hold
//! one of them are found by a byte scan and not tokenized (`search::lead`).

use super::lead::{fold_lowered, LeadFilter};
use super::query::Query;
use crate::analysis::tokenizer::{tokenize_packed, TokenBuf, TokenRef};
use crate::analysis::{KK_EXACT, KK_LOOSE, KK_STEM};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use tantivy::tokenizer::TextAnalyzer;

/// Longest snippet, in characters, before it is cut around the densest highlights.
pub const SNIPPET_CHARS: usize = 260;

/// A passage with byte ranges to highlight.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Snippet {
    /// The snippet's text.
    pub text: String,
    /// `[start, end)` byte ranges into `text`, sorted, not overlapping.
    pub highlights: Vec<[usize; 2]>,
}

impl Snippet {
    /// The snippet with its highlights wrapped in `open`/`close` (e.g. ANSI bold, or `[`/`]`).
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 8 * self.highlights.len());
        let mut last = 0;
        for [s, e] in &self.highlights {
            if *s < last
                || *e > self.text.len()
                || !self.text.is_char_boundary(*s)
                || !self.text.is_char_boundary(*e)
            {
                continue;
            }
            out.push_str(&self.text[last..*s]);
            out.push_str(open);
            out.push_str(&self.text[*s..*e]);
            out.push_str(close);
            last = *e;
        }
        out.push_str(&self.text[last..]);
        out
    }
}

#[derive(Debug, Clone)]
struct Tok {
    text: String,
    position: usize,
    from: usize,
    to: usize,
}

/// The analyzers a slot's tokens come from: exact, stem and loose forms. `kk_loose` is the
/// whole loose analyzer (the index's `kk_loose` field keeps only what the stems do not give).
const SLOT_ANALYZERS: [&str; 3] = [KK_EXACT, KK_STEM, KK_LOOSE];

fn tokens_with_offsets(analyzer: &str, text: &str) -> Vec<Tok> {
    let Some(mut an) = crate::analysis::analyzer(analyzer) else {
        return Vec::new();
    };
    let mut ts = an.token_stream(text);
    let mut out = Vec::new();
    while ts.advance() {
        let t = ts.token();
        out.push(Tok {
            text: t.text.clone(),
            position: t.position,
            from: t.offset_from,
            to: t.offset_to,
        });
    }
    out
}

/// One word of a phrase pattern: its tokens under each analyzer at one position.
#[derive(Debug, Clone, Default)]
struct PWord {
    /// Position relative to the phrase's first word.
    rel: usize,
    exact: Vec<String>,
    stem: Vec<String>,
    loose: Vec<String>,
}

/// A phrase (or a word that analyzes into several positions, like `Тегі/Фамилия`).
#[derive(Debug, Clone)]
struct Pattern {
    words: Vec<PWord>,
    slop: u32,
    /// Whether some word is a stop word (no stem token): the index's phrase query could
    /// not check it, so hits are verified here.
    has_gaps: bool,
}

/// An exact token with its byte range.
type ExactTok = (String, usize, usize);

/// The exact tokens at one position: nearly always one, kept inline so that a slot table
/// costs no allocation per position.
#[derive(Debug, Clone, Default)]
struct Exact {
    first: Option<ExactTok>,
    more: Vec<ExactTok>,
}

impl Exact {
    fn push(&mut self, t: ExactTok) {
        if self.first.is_none() {
            self.first = Some(t);
        } else {
            self.more.push(t);
        }
    }
    fn is_empty(&self) -> bool {
        self.first.is_none()
    }
    fn iter(&self) -> impl Iterator<Item = &ExactTok> {
        self.first.iter().chain(&self.more)
    }
}

/// The tokens of a text at one position, under each analyzer.
#[derive(Debug, Clone, Default)]
struct Slot {
    exact: Exact,
    stem: Vec<String>,
    loose: Vec<String>,
}

/// Stem and folded tokens by surface word.
type StemCache = FxHashMap<String, (Vec<String>, Vec<String>)>;

/// A token's first four characters (what decides whether its folded beginning is one of the
/// query's), packed into an integer: up to 16 bytes and their count.
type HeadKey = (u128, u8);

fn head_key(token: &str) -> HeadKey {
    // The byte where the fifth character starts (a character starts at every byte that is not
    // a UTF-8 continuation byte), or the token's end.
    let b = token.as_bytes();
    let mut end = b.len();
    let mut chars = 0;
    for (i, &x) in b.iter().enumerate().take(17) {
        if x & 0xC0 != 0x80 {
            if chars == 4 {
                end = i;
                break;
            }
            chars += 1;
        }
    }
    let mut bytes = [0u8; 16];
    bytes[..end].copy_from_slice(&b[..end]);
    (u128::from_le_bytes(bytes), end as u8)
}

/// The `kk_stem` and `kk_loose` analyzers.
struct Analyzers(TextAnalyzer, TextAnalyzer);

impl std::fmt::Debug for Analyzers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyzers(kk_stem, kk_loose)")
    }
}

/// Finds a query's words and phrases in texts, with the index's own analyzers: what gets
/// highlighted, and the check that a phrase with stop words (`тұрақты тұру үшін`) really has
/// them in place.
#[derive(Debug, Default)]
pub struct Highlighter {
    /// Stem and folded tokens of surface words met so far, shared by all hits of a query.
    cache: std::cell::RefCell<StemCache>,
    /// Whether an exact token's folded beginning is one of `prefixes`, by the token's first
    /// four characters (all the test reads).
    prefix_hits: std::cell::RefCell<FxHashMap<HeadKey, bool>>,
    /// The `kk_stem` and `kk_loose` analyzers, built once.
    analyzers: std::cell::RefCell<Option<Analyzers>>,
    /// The exact tokens of the text being read, reused from text to text.
    tokens: std::cell::RefCell<TokenBuf>,
    /// Single tokens per analyzer (exact, stem, loose).
    words: [FxHashSet<String>; 3],
    /// Every exact token of the query (words and patterns): a slot keeps the text of an exact
    /// token only when it is one of these, since it is only ever compared with them.
    exact_all: FxHashSet<String>,
    /// Whether every token of `exact_all` has a non-empty folded beginning (one of `prefixes`).
    exact_prefixed: bool,
    patterns: Vec<Pattern>,
    /// Patterns every hit must contain (phrases the query requires).
    required: Vec<usize>,
    /// Folded beginnings of every query token: a text word that starts otherwise cannot
    /// match, so it is not stemmed (stemming only strips endings).
    prefixes: Vec<String>,
    /// Per required pattern: a regex finding its first stop word, so only windows around
    /// those places are analyzed.
    anchors: Vec<Option<Anchor>>,
    /// The anchors' letters ([`anchor_core_regex`]) that [`Highlighter::may_verify`] looks
    /// for, taken from the anchors at the [`LOOKS_BEFORE_CORES`]th look.
    cores: std::cell::OnceCell<Vec<regex::Regex>>,
    /// How many texts [`Highlighter::may_verify`] was asked about.
    looks: std::cell::Cell<usize>,
    /// Finds the words of a text worth tokenizing, when every beginning in `prefixes` is
    /// Cyrillic and a token failing the prefix test cannot match exactly.
    lead: Option<LeadFilter>,
    /// Bytes of text [`Highlighter::verify`] analyzed so far: its work, which stays within
    /// the texts' length.
    verified_bytes: std::cell::Cell<usize>,
}

/// A case-insensitive regex for `word` as a word of its own (no letter touches it; digits may,
/// as the tokenizer's splitting of letters from digits is not assumed either way) that also
/// accepts Latin look-alike letters. A match may include the character on either side; one
/// right after another match may be missed, but lies in that match's window.
fn anchor_regex(word: &str) -> Option<regex::Regex> {
    let mut pat = String::from(r"(?i)(?:^|\P{Alphabetic})");
    pat.push_str(&anchor_letters(word));
    pat.push_str(r"(?:\P{Alphabetic}|$)");
    regex::Regex::new(&pat).ok()
}

/// Finds the matches of [`anchor_regex`] for a word.
#[derive(Debug)]
enum Anchor {
    /// A word of letters alone: its letters ([`anchor_core_regex`]), a match kept when no
    /// letter touches it. The same matches as [`anchor_regex`], whose Unicode classes cost a
    /// query several times what compiling the letters does; that regex itself is compiled
    /// only for a text where a match touches a character [`sure_alphabetic`] cannot tell.
    Letters(regex::Regex, String, OnceLock<Option<regex::Regex>>),
    /// Any other word: [`anchor_regex`] itself, and the word.
    Full(regex::Regex, String),
}

/// Whether `c` is a letter by the regex crate's `\p{Alphabetic}`, where the standard
/// library's Unicode tables are known to agree with it (the ranges a test compares, character
/// by character); `None` elsewhere, as the two may be of different Unicode versions.
fn sure_alphabetic(c: char) -> Option<bool> {
    matches!(c, '\0'..='\u{7FF}' | '\u{2000}'..='\u{2BFF}').then(|| c.is_alphabetic())
}

impl Anchor {
    /// The anchor of `word`, `None` when its regex cannot be built.
    fn new(word: &str) -> Option<Anchor> {
        if !word.is_empty() && word.chars().all(char::is_alphabetic) {
            anchor_core_regex(word).map(|re| Anchor::Letters(re, word.to_string(), OnceLock::new()))
        } else {
            anchor_regex(word).map(|re| Anchor::Full(re, word.to_string()))
        }
    }

    /// The byte ranges of `text` that [`anchor_regex`]'s `find_iter` matches: each with the
    /// character on either side, if any, so a character taken after one match is not before
    /// the next.
    fn find_iter(&self, text: &str) -> Vec<[usize; 2]> {
        let (re, word, full) = match self {
            Anchor::Full(re, _) => {
                return re.find_iter(text).map(|m| [m.start(), m.end()]).collect();
            }
            Anchor::Letters(re, word, full) => (re, word, full),
        };
        // The letters' matches cannot overlap one that no letter touches: a match starting
        // inside another has a letter before it.
        let mut taken = 0;
        let mut out = Vec::new();
        for m in re.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let mut letter = false;
            for c in before.into_iter().chain(after) {
                match sure_alphabetic(c) {
                    Some(l) => letter |= l,
                    None => {
                        return match full.get_or_init(|| anchor_regex(word)) {
                            Some(re) => re.find_iter(text).map(|m| [m.start(), m.end()]).collect(),
                            None => Vec::new(),
                        };
                    }
                }
            }
            let start = m.start() - before.map_or(0, char::len_utf8);
            if letter || (before.is_some() && start < taken) {
                continue;
            }
            taken = m.end() + after.map_or(0, char::len_utf8);
            out.push([start, taken]);
        }
        out
    }

    /// The regex of the anchor's letters alone ([`anchor_core_regex`]).
    fn letters(&self) -> Option<regex::Regex> {
        match self {
            Anchor::Letters(re, ..) => Some(re.clone()),
            Anchor::Full(_, word) => anchor_core_regex(word),
        }
    }
}

/// How many texts [`Highlighter::may_verify`] lets through unlooked before it builds its
/// regexes.
const LOOKS_BEFORE_CORES: usize = 32;

/// The letters of [`anchor_regex`] alone, without the characters around them: its every match
/// holds a match of this, which has a literal prefix a search finds fast, so a text without
/// one has no match of the anchor either. `None` for a word with whitespace, which a text
/// joined from parts could hold across two of them.
fn anchor_core_regex(word: &str) -> Option<regex::Regex> {
    if word.is_empty() || word.chars().any(char::is_whitespace) {
        return None;
    }
    regex::Regex::new(&format!("(?i){}", anchor_letters(word))).ok()
}

/// `word` as a case-insensitive pattern that also accepts Latin look-alike letters.
fn anchor_letters(word: &str) -> String {
    let mut pat = String::new();
    for c in word.chars() {
        let alt = match c {
            'а' => Some('a'),
            'е' => Some('e'),
            'о' => Some('o'),
            'р' => Some('p'),
            'с' => Some('c'),
            'х' => Some('x'),
            'у' => Some('y'),
            'і' => Some('i'),
            'һ' => Some('h'),
            _ => None,
        };
        match alt {
            Some(a) => pat.push_str(&format!("[{c}{a}]")),
            None => pat.push_str(&regex::escape(&c.to_string())),
        }
    }
    pat
}

/// The first `n` characters of the folded form of `t`.
fn folded_prefix(t: &str, n: usize) -> String {
    let (mut lower, mut folded) = (String::new(), String::new());
    fold_lowered(t.chars().take(4), &mut lower, &mut folded);
    folded.chars().take(n).collect()
}

/// Texts longer than this are highlighted chunk by chunk, up to the first chunk with a match.
pub const HIGHLIGHT_CHUNK: usize = 2500;

/// Splits `text` into chunks of about `size` bytes on whitespace: (offset, chunk).
fn chunks(text: &str, size: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + size).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if end < text.len() {
            if let Some(p) = text[start..end].rfind(char::is_whitespace) {
                if p > 0 {
                    end = start + p;
                }
            }
        }
        if end <= start {
            end = text.len();
        }
        out.push((start, &text[start..end]));
        start = end;
    }
    out
}

fn slots(text: &str) -> Vec<Slot> {
    let mut table: Vec<Slot> = Vec::new();
    for (i, analyzer) in SLOT_ANALYZERS.iter().enumerate() {
        for t in tokens_with_offsets(analyzer, text) {
            if t.position >= table.len() {
                if t.position > 1_000_000 {
                    continue;
                }
                table.resize(t.position + 1, Slot::default());
            }
            let slot = &mut table[t.position];
            match i {
                0 => slot.exact.push((t.text, t.from, t.to)),
                1 => slot.stem.push(t.text),
                _ => slot.loose.push(t.text),
            }
        }
    }
    table
}

fn pattern_of(text: &str, slop: u32) -> Option<Pattern> {
    let table = slots(text);
    let first = table
        .iter()
        .position(|s| !s.exact.is_empty() || !s.stem.is_empty())?;
    let mut words = Vec::new();
    for (pos, s) in table.iter().enumerate().skip(first) {
        if s.exact.is_empty() && s.stem.is_empty() && s.loose.is_empty() {
            continue;
        }
        let mut word = PWord {
            rel: pos - first,
            exact: s.exact.iter().map(|e| e.0.clone()).collect(),
            stem: s.stem.clone(),
            loose: s.loose.clone(),
        };
        // A text's words are stemmed one at a time ([`Highlighter::text_slots`]), a phrase's
        // in their context, where an unmarked word after a Russian one is stemmed as Russian
        // (`заместителя` after `возложить на`): the word's forms alone are its forms too, or
        // the phrase would never meet itself in a text.
        if !word.stem.is_empty() || !word.loose.is_empty() {
            for (_, from, to) in s.exact.iter() {
                let alone = text.get(*from..*to).unwrap_or_default();
                for t in tokens_with_offsets(KK_STEM, alone) {
                    if !word.stem.contains(&t.text) {
                        word.stem.push(t.text);
                    }
                }
                for t in tokens_with_offsets(KK_LOOSE, alone) {
                    if !word.loose.contains(&t.text) {
                        word.loose.push(t.text);
                    }
                }
            }
        }
        words.push(word);
    }
    let has_gaps = words
        .iter()
        .any(|w| w.stem.is_empty() && w.loose.is_empty());
    Some(Pattern {
        words,
        slop,
        has_gaps,
    })
}

fn word_matches(w: &PWord, s: &Slot) -> bool {
    let any = |a: &[String], b: &[String]| a.iter().any(|x| b.contains(x));
    if w.stem.is_empty() && w.loose.is_empty() {
        return s.exact.iter().any(|(t, _, _)| w.exact.contains(t));
    }
    (!w.stem.is_empty() && any(&w.stem, &s.stem))
        || (!w.loose.is_empty() && any(&w.loose, &s.loose))
}

/// Byte spans of a pattern's occurrences in a slot table.
fn find_pattern(p: &Pattern, table: &[Slot]) -> Vec<[usize; 2]> {
    let mut out = Vec::new();
    let Some(w0) = p.words.first() else {
        return out;
    };
    for start in 0..table.len() {
        if !word_matches(w0, &table[start]) {
            continue;
        }
        let mut prev = start;
        let mut slop_left = p.slop as usize;
        let mut ok = true;
        for k in 1..p.words.len() {
            let expected = prev + (p.words[k].rel - p.words[k - 1].rel);
            let found = (expected..=expected + slop_left)
                .find(|&pos| pos < table.len() && word_matches(&p.words[k], &table[pos]));
            match found {
                Some(pos) => {
                    slop_left -= pos - expected;
                    prev = pos;
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue;
        }
        let from = table[start].exact.iter().map(|e| e.1).min();
        let to = table[prev].exact.iter().map(|e| e.2).max();
        if let (Some(a), Some(b)) = (from, to) {
            out.push([a, b]);
        }
    }
    out
}

impl Highlighter {
    /// Prepares highlighting for the positive words and phrases of `q`.
    pub fn new(q: &Query) -> Self {
        Self::build(q, true)
    }

    /// As [`Highlighter::new`], for a query typed as plain words: a stop word among other
    /// words (Russian «о», Kazakh «және») says nothing of what is asked and is not marked;
    /// typed alone, it is all there is to mark.
    pub(crate) fn for_words(q: &Query) -> Self {
        Self::build(q, false)
    }

    /// `new` with `mark_stop_words`, or `for_words` without it.
    fn build(q: &Query, mark_stop_words: bool) -> Self {
        let mut h = Highlighter::default();
        let mut lone_stop_words: Vec<String> = Vec::new();
        let required: Vec<*const Query> = match q {
            Query::Phrase { .. } => vec![q as *const Query],
            Query::And(parts) => parts
                .iter()
                .filter(|p| matches!(p, Query::Phrase { .. }))
                .map(|p| p as *const Query)
                .collect(),
            _ => Vec::new(),
        };
        for part in q.positive_parts() {
            let (text, slop) = match part {
                Query::Term(w) => (w.as_str(), 0),
                Query::Phrase { text, slop } => (text.as_str(), *slop),
                _ => continue,
            };
            let Some(p) = pattern_of(text, slop) else {
                continue;
            };
            if p.words.len() == 1 && matches!(part, Query::Term(_)) {
                let w = &p.words[0];
                if !mark_stop_words && w.stem.is_empty() && w.loose.is_empty() {
                    lone_stop_words.extend(w.exact.iter().cloned());
                    continue;
                }
                h.words[0].extend(w.exact.iter().cloned());
                h.words[1].extend(w.stem.iter().cloned());
                h.words[2].extend(w.loose.iter().cloned());
                for t in w.exact.iter().chain(&w.stem).chain(&w.loose) {
                    h.prefixes.push(folded_prefix(t, 2));
                }
                continue;
            }
            for w in &p.words {
                for t in w.exact.iter().chain(&w.stem).chain(&w.loose) {
                    h.prefixes.push(folded_prefix(t, 2));
                }
            }
            if p.has_gaps && required.contains(&(part as *const Query)) {
                h.required.push(h.patterns.len());
                let gap = p
                    .words
                    .iter()
                    .find(|w| w.stem.is_empty() && w.loose.is_empty())
                    .and_then(|w| w.exact.first());
                h.anchors.push(gap.and_then(|g| Anchor::new(g)));
            }
            h.patterns.push(p);
        }
        if h.words[1].is_empty() && h.words[2].is_empty() && h.patterns.is_empty() {
            for t in &lone_stop_words {
                h.prefixes.push(folded_prefix(t, 2));
            }
            h.words[0].extend(lone_stop_words);
        }
        h.exact_all = h.words[0].clone();
        for p in &h.patterns {
            for w in &p.words {
                h.exact_all.extend(w.exact.iter().cloned());
            }
        }
        h.exact_prefixed = h.exact_all.iter().all(|t| !folded_prefix(t, 2).is_empty());
        h.prefixes.sort();
        h.prefixes.dedup();
        h.prefixes.retain(|p| !p.is_empty());
        if h.exact_prefixed {
            h.lead = LeadFilter::new(&h.prefixes);
        }
        h
    }

    /// Calls `visit` with each exact token of `text` (in order) and, for the tokens that could
    /// match the query (their folded beginning is one of the query's), their stem and loose
    /// forms; other words are not stemmed. `false` when the analyzers are missing.
    fn each_token(
        &self,
        text: &str,
        mut visit: impl FnMut(TokenRef<'_>, bool, Option<&(Vec<String>, Vec<String>)>),
    ) -> bool {
        let mut analyzers = self.analyzers.borrow_mut();
        if analyzers.is_none() {
            let an = crate::analysis::analyzer;
            let (Some(stem), Some(loose)) = (an(KK_STEM), an(KK_LOOSE)) else {
                return false;
            };
            *analyzers = Some(Analyzers(stem, loose));
        }
        let Some(Analyzers(stem, loose)) = analyzers.as_mut() else {
            return false;
        };
        let mut cache = self.cache.borrow_mut();
        let mut prefix_hits = self.prefix_hits.borrow_mut();
        let (mut head, mut fold_buf) = (String::new(), String::new());
        // `kk_exact` is the bare tokenizer: its tokens are taken as they are, packed in one
        // reused buffer.
        let mut toks = self.tokens.borrow_mut();
        tokenize_packed(text, &mut toks);
        for t in toks.iter() {
            if t.position > 1_000_000 {
                continue;
            }
            let wanted = *prefix_hits.entry(head_key(t.text)).or_insert_with(|| {
                fold_lowered(t.text.chars().take(4), &mut head, &mut fold_buf);
                self.prefixes
                    .iter()
                    .any(|p| fold_buf.starts_with(p.as_str()))
            });
            let surface = text.get(t.offset_from..t.offset_to).filter(|_| wanted);
            let Some(surface) = surface else {
                visit(t, wanted, None);
                continue;
            };
            if !cache.contains_key(surface) {
                let run = |an: &mut tantivy::tokenizer::TextAnalyzer| {
                    let mut out = Vec::new();
                    let mut s2 = an.token_stream(surface);
                    while s2.advance() {
                        out.push(s2.token().text.clone());
                    }
                    out
                };
                let forms = (run(stem), run(loose));
                cache.insert(surface.to_string(), forms);
            }
            visit(t, true, cache.get(surface));
        }
        true
    }

    /// Whether a token that passed (`wanted`) or failed the prefix test can be one of the
    /// query's exact tokens: a token equal to one has its folded beginning, so one that failed
    /// cannot, when every exact token of the query has a folded beginning to test.
    fn may_be_exact(&self, wanted: bool) -> bool {
        wanted || !self.exact_prefixed
    }

    /// The slot table of a text, stemming only words that could match the query.
    fn text_slots(&self, text: &str) -> Vec<Slot> {
        // About one position per 8 bytes of Kazakh text: most tables never grow.
        let mut table: Vec<Slot> = Vec::with_capacity(text.len() / 8 + 1);
        let keep_all = self.exact_all.contains("");
        let analyzed = self.each_token(text, |t, wanted, forms| {
            if t.position >= table.len() {
                table.resize(t.position + 1, Slot::default());
            }
            let slot = &mut table[t.position];
            // A token that is none of the query's exact tokens keeps an empty text, which is
            // none of them either (no token is empty): every comparison comes out the same.
            let keep = keep_all || (self.may_be_exact(wanted) && self.exact_all.contains(t.text));
            let text = if keep {
                t.text.to_string()
            } else {
                String::new()
            };
            slot.exact.push((text, t.offset_from, t.offset_to));
            if let Some((st, lo)) = forms {
                slot.stem.extend(st.iter().cloned());
                slot.loose.extend(lo.iter().cloned());
            }
        });
        if analyzed {
            table
        } else {
            slots(text)
        }
    }

    /// The matches of a query without phrases: the tokens at every position where one of the
    /// query's words matches, as [`Highlighter::spans_in`] finds them through a slot table,
    /// but a position at a time (tokens come in position order) instead of a table of all.
    /// Only the words [`LeadFilter`] keeps are tokenized, when the query has one.
    fn word_spans(&self, text: &str) -> Option<Vec<[usize; 2]>> {
        self.word_spans_through(text, self.lead.as_ref())
    }

    /// [`Highlighter::word_spans`], tokenizing the words `lead` keeps (all without one).
    fn word_spans_through(&self, text: &str, lead: Option<&LeadFilter>) -> Option<Vec<[usize; 2]>> {
        let mut all: Vec<[usize; 2]> = Vec::new();
        let mut kept: Vec<[usize; 2]> = Vec::new();
        match lead {
            Some(lead) => lead.regions(text, &mut kept),
            None => kept.push([0, text.len()]),
        }
        for [from, to] in kept {
            if !self.region_word_spans(&text[from..to], from, &mut all) {
                return None;
            }
        }
        Some(merge(all, text))
    }

    /// Appends the matches in `region`, which starts at byte `base` of the text, to `all`.
    /// False when the analyzers are missing or tokens came out of position order.
    fn region_word_spans(&self, region: &str, base: usize, all: &mut Vec<[usize; 2]>) -> bool {
        // The tokens of the current position, and whether one of them matched.
        let mut group: Vec<[usize; 2]> = Vec::new();
        let (mut position, mut hit, mut ordered) = (usize::MAX, false, true);
        let analyzed = self.each_token(region, |t, wanted, forms| {
            if t.position != position {
                ordered &= position == usize::MAX || t.position > position;
                if hit {
                    all.append(&mut group);
                }
                group.clear();
                (position, hit) = (t.position, false);
            }
            group.push([base + t.offset_from, base + t.offset_to]);
            hit = hit
                || (self.may_be_exact(wanted) && self.words[0].contains(t.text))
                || forms.is_some_and(|(st, lo)| {
                    st.iter().any(|x| self.words[1].contains(x))
                        || lo.iter().any(|x| self.words[2].contains(x))
                });
        });
        if hit {
            all.append(&mut group);
        }
        analyzed && ordered
    }

    /// Whether results need [`Highlighter::verify`]: the query requires a phrase with stop
    /// words, which the index's phrase queries cannot check.
    pub fn needs_verify(&self) -> bool {
        !self.required.is_empty()
    }

    /// False when [`Highlighter::verify`] is sure to refuse the text made of `parts` joined by
    /// whitespace: some required phrase's stop word is in none of them. A cheap look before
    /// the text is put together and analyzed; true tells nothing.
    pub fn may_verify(&self, parts: &[&str]) -> bool {
        // Building the regexes costs about what verifying twenty texts does: a query with
        // few candidates verifies them all.
        let looks = self.looks.get() + 1;
        self.looks.set(looks);
        if looks < LOOKS_BEFORE_CORES {
            return true;
        }
        self.cores
            .get_or_init(|| {
                self.anchors
                    .iter()
                    .flatten()
                    .filter_map(Anchor::letters)
                    .collect()
            })
            .iter()
            .all(|core| parts.iter().any(|p| core.is_match(p)))
    }

    /// Whether `text` holds every phrase the query requires, stop words in place.
    pub fn verify(&self, text: &str) -> bool {
        if self.required.is_empty() {
            return true;
        }
        self.required.iter().zip(&self.anchors).all(|(&i, anchor)| {
            let pattern = &self.patterns[i];
            let Some(re) = anchor else {
                self.verified_bytes
                    .set(self.verified_bytes.get() + text.len());
                let table = self.text_slots(text);
                return !find_pattern(pattern, &table).is_empty();
            };
            // Analyze only windows around the stop word's occurrences as a word of its own (a
            // one-letter word is in nearly every word of a text), overlapping windows as one:
            // each byte of the text is analyzed at most once.
            let reach = 64 * (pattern.words.len() + pattern.slop as usize + 1);
            let found = |[a, b]: [usize; 2]| {
                self.verified_bytes.set(self.verified_bytes.get() + (b - a));
                let table = self.text_slots(&text[a..b]);
                !find_pattern(pattern, &table).is_empty()
            };
            let mut window: Option<[usize; 2]> = None;
            for [start, end] in re.find_iter(text) {
                let mut a = floor_boundary(text, start.saturating_sub(reach));
                let mut b = floor_boundary(text, (end + reach).min(text.len()));
                if a > 0 {
                    if let Some(p) = text[a..start].find(char::is_whitespace) {
                        a += p;
                    }
                }
                if b < text.len() {
                    if let Some(p) = text[end..b].rfind(char::is_whitespace) {
                        b = end + p;
                    }
                }
                window = match window {
                    Some([wa, wb]) if a <= wb => Some([wa, wb.max(b)]),
                    Some(w) if found(w) => return true,
                    _ => Some([a, b]),
                };
            }
            window.is_some_and(found)
        })
    }

    /// Bytes of text [`Highlighter::verify`] has analyzed so far.
    #[cfg(test)]
    pub fn verified_bytes(&self) -> usize {
        self.verified_bytes.get()
    }

    /// Byte ranges of `text` that match, merged and sorted.
    pub fn spans(&self, text: &str) -> Vec<[usize; 2]> {
        if text.len() > HIGHLIGHT_CHUNK {
            for (off, chunk) in chunks(text, HIGHLIGHT_CHUNK) {
                let found = self.spans_in(chunk);
                if !found.is_empty() {
                    return found.into_iter().map(|[a, b]| [a + off, b + off]).collect();
                }
            }
            return Vec::new();
        }
        self.spans_in(text)
    }

    fn spans_in(&self, text: &str) -> Vec<[usize; 2]> {
        if self.patterns.is_empty() {
            if let Some(spans) = self.word_spans(text) {
                return spans;
            }
        }
        let table = self.text_slots(text);
        let mut all: Vec<[usize; 2]> = Vec::new();
        for p in &self.patterns {
            all.extend(find_pattern(p, &table));
        }
        for slot in &table {
            let hit = slot.exact.iter().any(|e| self.words[0].contains(&e.0))
                || slot.stem.iter().any(|t| self.words[1].contains(t))
                || slot.loose.iter().any(|t| self.words[2].contains(t));
            if hit {
                for (_, a, b) in slot.exact.iter() {
                    all.push([*a, *b]);
                }
            }
        }
        merge(all, text)
    }

    /// A snippet of `text` around its matches.
    pub fn snippet(&self, text: &str) -> Snippet {
        let spans = self.spans(text);
        make_snippet(text, &spans, SNIPPET_CHARS)
    }
}

/// Sorts and merges overlapping ranges; drops ranges that are not on char boundaries.
fn merge(mut spans: Vec<[usize; 2]>, text: &str) -> Vec<[usize; 2]> {
    spans.retain(|[s, e]| {
        s < e && *e <= text.len() && text.is_char_boundary(*s) && text.is_char_boundary(*e)
    });
    spans.sort();
    let mut out: Vec<[usize; 2]> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(l) if s[0] <= l[1] => l[1] = l[1].max(s[1]),
            _ => out.push(s),
        }
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Cuts `text` to about `max_chars` characters around the window holding the most spans,
/// on word boundaries, with `…` where text was cut; spans are moved into the snippet.
pub fn make_snippet(text: &str, spans: &[[usize; 2]], max_chars: usize) -> Snippet {
    // Newlines and tabs become spaces (same byte length, so offsets hold).
    let flatten = |t: &str| -> String {
        // They are ASCII: their bytes are character boundaries.
        let mut out = String::with_capacity(t.len());
        let mut last = 0;
        for (i, b) in t.bytes().enumerate() {
            if matches!(b, b'\n' | b'\r' | b'\t') {
                out.push_str(&t[last..i]);
                out.push(' ');
                last = i + 1;
            }
        }
        out.push_str(&t[last..]);
        out
    };
    let max_bytes = max_chars * 2; // Cyrillic is two bytes a letter
    if text.len() <= max_bytes {
        return Snippet {
            text: flatten(text),
            highlights: spans.to_vec(),
        };
    }
    // The window start (a span start) that covers the most spans.
    let mut best = (0usize, 0usize);
    for (i, s) in spans.iter().enumerate() {
        let n = spans[i..]
            .iter()
            .take_while(|x| x[1] <= s[0] + max_bytes)
            .count();
        if n > best.1 {
            best = (i, n);
        }
    }
    let anchor = floor_boundary(text, spans.get(best.0).map_or(0, |s| s[0]));
    let first_end = spans.get(best.0).map_or(0, |s| s[1]);
    let mut start = floor_boundary(text, anchor.saturating_sub(max_bytes / 5));
    if start > 0 {
        // Start on a word.
        if let Some((p, c)) = text[start..anchor]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
        {
            start += p + c.len_utf8();
        }
    }
    let mut end = floor_boundary(text, start + max_bytes);
    if end < text.len() {
        if let Some(p) = text[start..end].rfind(char::is_whitespace) {
            if p > 0 && start + p >= first_end {
                end = start + p;
            }
        }
    }
    let prefix = if start > 0 { "… " } else { "" };
    let suffix = if end < text.len() { " …" } else { "" };
    let body = text[start..end].trim_end();
    let text_out = format!("{prefix}{}{suffix}", flatten(body));
    let shift = prefix.len();
    let body_end = start + body.len();
    let highlights = spans
        .iter()
        .filter(|s| s[0] >= start && s[1] <= body_end)
        .map(|s| [s[0] - start + shift, s[1] - start + shift])
        .collect();
    Snippet {
        text: text_out,
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stop word's anchor found from its letters and the characters around them matches
    /// where the regex with Unicode classes matches: on every paragraph of the bundled corpus
    /// and on texts made to test its edges (words side by side sharing the character between
    /// them, capitals, Latin look-alikes, digits touching, a text's ends).
    #[test]
    fn an_anchor_by_its_letters_matches_where_its_regex_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut texts: Vec<String> = vec![
            "Қазақстан а, (а) 2а бала A".into(),
            "а а а,а а".into(),
            "аа а  а\nа".into(),
            "И и и. и-и (и)и".into(),
            "олардың ОЛАРДЫҢ oлардың солардың олардыңы олардың".into(),
            "және,және және1 жәнеі".into(),
        ];
        for entry in std::fs::read_dir(&dir).expect("corpus") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("text");
            texts.extend(text.split("\n\n").map(str::to_string));
        }
        let mut found = 0;
        for word in ["а", "и", "о", "с", "в", "және", "олардың", "үшін", "по"]
        {
            let anchor = Anchor::new(word).expect("anchor");
            assert!(matches!(anchor, Anchor::Letters(..)), "{word}");
            let full = anchor_regex(word).expect("regex");
            for text in &texts {
                let want: Vec<[usize; 2]> =
                    full.find_iter(text).map(|m| [m.start(), m.end()]).collect();
                let got = anchor.find_iter(text);
                assert_eq!(got, want, "{word} in {text}");
                found += want.len();
            }
        }
        assert!(found > 1000, "{found} matches");
        let newer = "а\u{88F}";
        let anchor = Anchor::new("а").expect("anchor");
        let full = anchor_regex("а").expect("regex");
        let want: Vec<[usize; 2]> = full
            .find_iter(newer)
            .map(|m| [m.start(), m.end()])
            .collect();
        assert_eq!(anchor.find_iter(newer), want);
        // Where the letters' test of a neighbour answers, it is the regex's class; elsewhere
        // the regex answers, even for a letter of a Unicode version newer than its own.
        let class = regex::Regex::new(r"(?i)^\P{Alphabetic}$").expect("regex");
        let differ: Vec<char> = (0..=char::MAX as u32)
            .filter_map(char::from_u32)
            .filter(|&c| {
                sure_alphabetic(c).is_some_and(|l| class.is_match(c.encode_utf8(&mut [0; 4])) == l)
            })
            .collect();
        assert!(
            differ.is_empty(),
            "{} differ: {:?}",
            differ.len(),
            &differ[..differ.len().min(20)]
        );
    }

    /// Issue 35, defect 11: a one-letter word of a phrase is looked for as a word of its own,
    /// and the text around its places is analyzed once, however many there are.
    #[test]
    fn one_letter_word_of_a_phrase_is_verified_in_linear_work() {
        let re = anchor_regex("а").expect("regex");
        let found: Vec<&str> = re
            .find_iter("Қазақстан а, (а) 2а бала A")
            .map(|m| m.as_str())
            .collect();
        // `а` alone, `(а)`, `2а` (digits may touch) and Latin `A`, each with the character on
        // either side; none inside a word.
        assert_eq!(found, vec![" а,", "(а)", "2а ", " A"]);

        let q = crate::search::parse("\"визаның а\"~1").expect("query");
        let h = Highlighter::new(&q);
        assert!(h.needs_verify());
        assert!(h.verify("шетелдіктің визаның а тармағы"));
        assert!(!h.verify("шетелдіктің визаның бала тармағы"));
        // Some 160 KB: a standalone `а` every four words and letters `а` everywhere, the
        // phrase only at the very end.
        let body = "қазақ а банк аудан ".repeat(8_000);
        let before = h.verified_bytes();
        assert!(!h.verify(&body));
        let work = h.verified_bytes() - before;
        assert!(
            work <= body.len(),
            "analyzed {work} bytes of {}",
            body.len()
        );
        let with = format!("{body}визаның а");
        assert!(h.verify(&with));
    }

    /// A stop word typed among other plain words (Russian «о», Kazakh «және») is not marked;
    /// the words that say something are. Typed alone, it is all there is to mark. The texts are
    /// from the pasture rules of the Almaty oblast maslikhat (decision 64-340, 15.12.2020).
    #[test]
    fn a_stop_word_among_other_words_is_not_marked() {
        let marked = |query: &str, text: &str| -> Vec<String> {
            let h = Highlighter::for_words(&crate::search::parse(query).expect("query"));
            h.spans(text)
                .into_iter()
                .map(|[a, b]| text[a..b].to_lowercase())
                .collect()
        };
        let ru = "2) осуществление разъяснительной работы среди владельцев \
                  сельскохозяйственных животных о проведении мероприятий по рациональному \
                  использованию пастбищ;";
        assert_eq!(
            marked("о проведении разъяснительной работы", ru),
            ["разъяснительной", "работы", "проведении"]
        );
        assert_eq!(marked("о", ru), ["о"]);
        let kk = "2. Осы шешімнің орындалуын бақылау облыс әкімінің жетекшілік ететін \
                  орынбасарына және Алматы облыстық мәслихатының тұрақты комиссиясына жүктелсін.";
        assert_eq!(
            marked("орынбасарына және комиссиясына", kk),
            ["орынбасарына", "комиссиясына"]
        );
        // Inside a phrase the stop word is part of what was asked.
        assert_eq!(
            marked("\"животных о проведении\"", ru),
            ["животных о проведении"]
        );
    }

    /// The look before verifying refuses only texts the verification refuses: on every
    /// paragraph of the bundled corpus, for phrases with stop words of each kind (a pronoun,
    /// a conjunction, a postposition, a one-letter word), and on the spellings the anchor
    /// accepts (capitals, Latin look-alikes, the stop word in a heading).
    #[test]
    fn the_look_before_verifying_refuses_only_what_verifying_refuses() {
        // Whether the look spares work: most paragraphs lack the stop word, but a one-letter
        // word's letter is inside nearly every paragraph's words.
        let phrases = [
            ("\"олардың отбасы\"", true),
            ("\"тұрақты тұру үшін\"", true),
            ("\"және басқа\"", true),
            ("\"визаның а\"~1", false),
        ];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut paragraphs = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("corpus") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("text");
            paragraphs.extend(text.split("\n\n").map(str::to_string));
        }
        assert!(paragraphs.len() > 1000, "{} paragraphs", paragraphs.len());
        let h = Highlighter::new(&crate::search::parse("\"олардың отбасы\"").expect("query"));
        // The first looks let every text through: the regexes are not built for a few.
        for _ in 1..LOOKS_BEFORE_CORES {
            assert!(h.may_verify(&["отбасы мүшелері"]));
        }
        assert!(!h.may_verify(&["отбасы мүшелері"]));
        for (phrase, spares) in phrases {
            let h = Highlighter::new(&crate::search::parse(phrase).expect("query"));
            assert!(h.needs_verify(), "{phrase}");
            h.looks.set(LOOKS_BEFORE_CORES);
            let (mut refused, mut kept) = (0, 0);
            for p in &paragraphs {
                if h.may_verify(&[p]) {
                    kept += 1;
                } else {
                    refused += 1;
                    assert!(!h.verify(p), "{phrase} refused before verifying: {p}");
                }
            }
            assert!(refused > 0, "{phrase}: none refused");
            assert_eq!(
                refused > kept,
                spares,
                "{phrase}: {refused} refused, {kept} kept"
            );
        }
        for (heading, text) in [
            ("", "ОЛАРДЫҢ ОТБАСЫ мүшелері"),
            ("", "oлардың отбасы (Latin o)"),
            ("Олардың", "отбасы мүшелері"),
        ] {
            assert!(h.may_verify(&[heading, text]), "{heading} / {text}");
            assert!(
                h.verify(&format!("{heading}\n{text}")),
                "{heading} / {text}"
            );
        }
        // Inside another word the look finds the letters, and verifying refuses the text.
        assert!(h.may_verify(&["", "солардың отбасы"]));
        assert!(!h.verify("\nсолардың отбасы"));
        assert!(!h.may_verify(&["балалардың", "отбасы мүшелері"]));
    }

    #[test]
    fn short_text_is_kept_whole() {
        let s = make_snippet("тұрақты\nтұру", &[[0, 14]], 100);
        assert_eq!(s.text, "тұрақты тұру");
        assert_eq!(s.marked("[", "]"), "[тұрақты] тұру");
    }

    #[test]
    fn long_text_is_cut_around_matches() {
        let text = format!("{} виза {}", "сөз ".repeat(200), "сөз ".repeat(200));
        let at = text.find("виза").unwrap();
        let s = make_snippet(&text, &[[at, at + "виза".len()]], 60);
        assert!(
            s.text.starts_with("… ") && s.text.ends_with(" …"),
            "{}",
            s.text
        );
        assert_eq!(s.highlights.len(), 1);
        let [a, b] = s.highlights[0];
        assert_eq!(&s.text[a..b], "виза");
        assert!(s.text.chars().count() <= 130);
    }

    #[test]
    fn chunks_cover_the_text_on_whitespace() {
        let text = "сөз ".repeat(3000);
        let cs = chunks(&text, 1000);
        assert!(cs.len() > 10);
        let joined: String = cs.iter().map(|c| c.1).collect();
        assert_eq!(joined, text);
        assert!(cs
            .iter()
            .skip(1)
            .all(|(o, c)| c.starts_with(' ') && text[*o..].starts_with(c)));
    }

    /// Pieces of texts for the lead filter's test: words in several cases and scripts, the
    /// signs and numbers tokens join (`№ 16354`, `14-1-тармағы`), and what normalization changes
    /// (a Latin `i` in a Cyrillic word, a soft hyphen, a combining breve, `Ӊ`).
    const LEAD_PIECES: &[&str] = &[
        " ",
        " ",
        " ",
        "\n",
        "\t",
        "-",
        "/",
        ".",
        ",",
        "(",
        ")",
        "«",
        "»",
        "'",
        "’",
        "`",
        "_",
        "\u{a0}",
        "\u{ad}",
        "\u{306}",
        "\u{483}",
        "҂",
        "№",
        "№ ",
        "16354",
        "14-1-",
        "11-1-4/730",
        "2020",
        "1",
        "тұрақты",
        "тұруға",
        "Тұрақты",
        "ТҰРАҚТЫ",
        "туракты",
        "turaqty",
        "Turaqty",
        "тармақ",
        "тармағы",
        "бабы",
        "бап",
        "виза",
        "визаларын",
        "рұқсат",
        "рұқсаттар",
        "Үкiметiнiң",
        "үкімет",
        "жылы",
        "ақ",
        "а",
        "ә",
        "я",
        "ьа",
        "ъя",
        "нг",
        "иы",
        "Ӊ",
        "ӊа",
        "ң",
        "аб",
        "шақыру",
        "мәртелік",
        "мерзімде",
        "тиіс",
        "тіркеу",
        "Қазақстан",
        "республикасының",
        "азаматтары",
    ];

    #[test]
    fn lead_filter_keeps_every_match() {
        let queries = [
            "тұрақты",
            "тұруға",
            "туракты",
            "turaqty",
            "тармақ",
            "бап",
            "виза",
            "рұқсат",
            "үкімет",
            "жыл",
            "ақ",
            "я",
            "ә",
            "мәртелік",
            "тіркеу",
            "тиіс",
            "қазақстан",
            "нг",
            "2020",
            "№16354",
        ];
        let highlighters: Vec<Highlighter> = queries
            .iter()
            .map(|q| Highlighter::new(&Query::Term(q.to_string())))
            .collect();
        let filtered = highlighters.iter().filter(|h| h.lead.is_some()).count();
        let dropped = std::cell::Cell::new(0usize);
        // Two thousand texts a query.
        let cases = (0..queries.len(), crate::property::text(LEAD_PIECES, 40));
        let count = 2000 * queries.len() as u32;
        crate::property::check(count, cases, |(k, text)| {
            let (q, h) = (queries[k], &highlighters[k]);
            let through = h.word_spans_through(&text, h.lead.as_ref());
            let whole = h.word_spans_through(&text, None);
            assert_eq!(through, whole, "query {q:?}, text {text:?}");
            if let Some(lead) = &h.lead {
                let mut kept = Vec::new();
                lead.regions(&text, &mut kept);
                let kept_bytes: usize = kept.iter().map(|[a, b]| b - a).sum();
                dropped.set(dropped.get() + usize::from(kept_bytes < text.trim().len()));
            }
        });
        let dropped = dropped.get();
        // Digits and `№` have no Cyrillic beginning: those two queries tokenize every word.
        assert_eq!(filtered, queries.len() - 2);
        assert!(dropped > 10_000, "{dropped}");
    }

    #[test]
    fn merge_joins_overlaps() {
        assert_eq!(
            merge(vec![[4, 8], [0, 5], [10, 12]], "abcdefghijklmn"),
            vec![[0, 8], [10, 12]]
        );
    }
}
