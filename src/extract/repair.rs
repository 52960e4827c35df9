//! Repairs of the damage that PDF-to-text conversion left in Adilet texts, one pass each.
//!
//! The passes run in this order on [`Line`]s (one per non-blank original line):
//! 1. [`fix_letter_spacing`]: `С т а н д а р т т ы ң` → `Стандарттың` (a double space is a
//!    word gap inside letter-spaced text);
//! 2. [`fix_displaced`]: words of a hyperlink that the converter moved to the end of a line are
//!    put back into the hole a double space (or a leading space) marks:
//!    `12-тармақтың  алынып тасталсын;7) тармақшасы` → `12-тармақтың 7) тармақшасы алынып тасталсын;`;
//! 3. [`join_broken_lines`]: words and legal numbers broken across lines (`59-` / `тармағына`,
//!    `№ 11-1` / `-4/245`) and lines holding only punctuation are joined to the line before;
//! 4. [`finish`]: runs of spaces collapse to one.
//!
//! Before all of them, [`drop_page_furniture`] removes page headers and footers repeated at
//! page breaks.
//!
//! Blank lines never become [`Line`]s, so page breaks (runs of blank lines) vanish while every
//! line keeps its original line number in its span.

use crate::model::SourceSpan;
use regex::Regex;
use std::sync::LazyLock;

/// A line on its way through the repair passes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Text without the leading indentation; internal spacing is kept until [`finish`], because
    /// double spaces mark the holes [`fix_displaced`] fills.
    pub text: String,
    /// Leading spaces, without the one-space hole a displaced word left at the line start.
    pub indent: u16,
    /// The line started with one space more than its indentation: a displaced word's hole.
    pub lead_hole: bool,
    pub span: SourceSpan,
    /// Where each original line's text starts in `text` (several after a join).
    pub origins: Origins,
}

/// The origins of a line: one, until lines are joined (held inline, not allocated: a corpus
/// has millions of lines).
pub type Origins = smallvec::SmallVec<[Origin; 1]>;

/// The original line (and page) a stretch of clean text comes from: from byte `offset` of the
/// line's text up to the next origin's offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub offset: usize,
    pub line: u32,
    pub page: Option<u32>,
}

/// Appends `next` to `prev` (with `sep` between), keeping spans and origins.
fn append_line(prev: &mut Line, sep: &str, next: &Line) {
    let base = prev.text.trim_end().len() + sep.len();
    let skip = next.text.len() - next.text.trim_start().len();
    prev.text = format!("{}{sep}{}", prev.text.trim_end(), next.text.trim_start());
    for o in &next.origins {
        prev.origins.push(Origin {
            offset: base + o.offset.saturating_sub(skip),
            ..*o
        });
    }
    prev.span.line_end = next.span.line_end;
}

/// Splits decoded text into lines, dropping blank ones; `page` goes into every span (PDF).
/// `first_line` is the 1-based number of the first line of `text`.
pub fn split_lines(text: &str, first_line: u32, page: Option<u32>) -> Vec<Line> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    // Tabs and no-break spaces are rare: a text with none has no line to rewrite.
    let may_replace = memchr::memchr(b'\t', b).is_some()
        || memchr::memmem::find(b, "\u{00A0}".as_bytes()).is_some();
    // The pieces `text.split('\n')` gives, found with a vectorized search.
    let ends = memchr::memchr_iter(b'\n', b).chain(std::iter::once(b.len()));
    let mut from = 0;
    for (i, end) in ends.enumerate() {
        let raw = &text[from..end];
        from = end + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let raw: std::borrow::Cow<str> =
            if may_replace && (raw.as_bytes().contains(&b'\t') || raw.contains('\u{00A0}')) {
                raw.replace(['\u{00A0}', '\t'], " ").into()
            } else {
                raw.into()
            };
        let content = raw.trim_start_matches(' ');
        let text = content.trim_end();
        if text.is_empty() {
            continue;
        }
        let lead = raw.len() - content.len();
        // Indentation comes in steps of six spaces; one space more is a hole.
        let lead_hole = lead % 6 == 1;
        let indent = if lead_hole { lead - 1 } else { lead };
        let n = first_line + i as u32;
        // A line longer than any paragraph is cut; each piece is a line of the same number.
        for (k, piece) in super::long_lines::long_line_pieces(text)
            .into_iter()
            .enumerate()
        {
            out.push(Line {
                text: piece.to_string(),
                indent: indent.min(u16::MAX as usize) as u16,
                lead_hole: lead_hole && k == 0,
                span: SourceSpan {
                    line_start: n,
                    line_end: n,
                    page,
                },
                origins: smallvec::smallvec![Origin {
                    offset: 0,
                    line: n,
                    page,
                }],
            });
        }
    }
    out
}

/// Runs every text repair pass in order.
pub fn repair_all(mut lines: Vec<Line>) -> Vec<Line> {
    // Furniture first, so no repair joins a running header into the text.
    drop_page_furniture(&mut lines);
    for l in &mut lines {
        if let Some(t) = letter_spaced(&l.text) {
            l.text = t;
        }
    }
    fix_displaced(&mut lines);
    join_broken_lines(&mut lines);
    finish(&mut lines);
    lines
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Joins letter-spaced words: single characters separated by one space form a word, two or
/// more spaces separate words. A line is touched only when it holds a run of at least three
/// such tokens with a letter among them, so ordinary text with `1) а` stays as it is.
#[cfg(test)]
pub fn fix_letter_spacing(s: &str) -> String {
    letter_spaced(s).unwrap_or_else(|| s.to_string())
}

/// [`fix_letter_spacing`]'s work: `None` when the line has no letter-spaced run (the line stays
/// as it is).
fn letter_spaced(s: &str) -> Option<String> {
    if !has_spaced_char(s.as_bytes()) {
        return None;
    }
    letter_spaced_scan(s)
}

/// [`letter_spaced_scan`]'s quick exit, found from space to space with a vectorized search:
/// three one-character tokens one space apart (`т е к`). Most lines have none.
fn has_spaced_char(b: &[u8]) -> bool {
    // The token `b[a..e]` is one character (tokens hold no space).
    let one_char = |a: usize, e: usize| {
        e > a
            && e - a
                == match b[a] {
                    0..=0xBF => 1,
                    0xC0..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    _ => 4,
                }
    };
    // The spaces before the last one seen: `t1 t2 t3` has `t1` after `before` (or at the
    // start), `t2` between `before`'s successor `prev` and `p`, and `t3` after `p`.
    let (mut before, mut prev): (Option<usize>, Option<usize>) = (None, None);
    for p in memchr::memchr_iter(b' ', b) {
        if let Some(q) = prev {
            if one_char(q + 1, p) && one_char(before.map_or(0, |x| x + 1), q) {
                let t3_end = memchr::memchr(b' ', &b[p + 1..]).map_or(b.len(), |k| p + 1 + k);
                if one_char(p + 1, t3_end) {
                    return true;
                }
            }
        }
        before = prev;
        prev = Some(p);
    }
    false
}

/// Whether `s` has three one-character tokens in a row, one space apart: the quick exit of
/// [`letter_spaced_scan`].
fn three_single_chars(s: &str) -> bool {
    // By bytes: a token is one character when its first character is all of it; the rest of
    // a longer token is skipped a character at a time.
    let lead_len = |lead: u8| match lead {
        0..=0xBF => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let mut run = 0;
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        // A token starts at `i` (empty when a space or the end is there).
        let one_char = i < b.len() && b[i] != b' ' && {
            i += lead_len(b[i]);
            i >= b.len() || b[i] == b' '
        };
        run = if one_char { run + 1 } else { 0 };
        if run >= 3 {
            return true;
        }
        while i < b.len() && b[i] != b' ' {
            i += lead_len(b[i]);
        }
        if i >= b.len() {
            break;
        }
        i += 1;
    }
    false
}

/// [`letter_spaced`] without its quick test.
fn letter_spaced_scan(s: &str) -> Option<String> {
    if !three_single_chars(s) {
        return None;
    }
    // Tokens with the number of spaces before them.
    let mut toks: Vec<(&str, usize)> = Vec::new();
    let mut gap = 0usize;
    for t in s.split(' ') {
        if t.is_empty() {
            gap += 1;
        } else {
            toks.push((t, if toks.is_empty() { 0 } else { gap + 1 }));
            gap = 0;
        }
    }
    let trailing = gap;
    // Groups: runs of tokens separated by exactly one space.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for i in 1..=toks.len() {
        if i == toks.len() || toks[i].1 != 1 {
            groups.push((start, i));
            start = i;
        }
    }
    let single = |t: &str| char_len(t) == 1;
    let is_seed = |&(a, b): &(usize, usize)| {
        let n = b - a;
        let singles = toks[a..b].iter().filter(|t| single(t.0)).count();
        n >= 3
            && singles * 4 >= n * 3
            && toks[a..b]
                .iter()
                .any(|t| t.0.chars().any(char::is_alphabetic))
    };
    if !groups.iter().any(is_seed) {
        return None;
    }
    let spaced = |g: &(usize, usize)| {
        is_seed(g) || (g.1 - g.0 >= 2 && toks[g.0..g.1].iter().all(|t| single(t.0)))
    };
    let mut out = String::new();
    let mut prev_spaced = false;
    for (gi, g) in groups.iter().enumerate() {
        let this_spaced = spaced(g);
        if gi > 0 {
            let gap = toks[g.0].1;
            // Between two letter-spaced words a double space is one word gap.
            // (In a letter-spaced line every gap is a word gap.)
            let _ = (this_spaced, prev_spaced);
            let n = gap.min(1);
            out.push_str(&" ".repeat(n));
        }
        if this_spaced {
            push_spaced_group(&mut out, &toks[g.0..g.1]);
        } else {
            let plain: Vec<&str> = toks[g.0..g.1].iter().map(|t| t.0).collect();
            out.push_str(&plain.join(" "));
        }
        prev_spaced = this_spaced;
    }
    out.push_str(&" ".repeat(trailing));
    Some(out)
}

/// Appends a letter-spaced group of tokens with its letters joined into words: a single
/// character glues to its neighbour when either is at most two characters long.
fn push_spaced_group(out: &mut String, toks: &[(&str, usize)]) {
    let single = |t: &str| char_len(t) == 1;
    let mut word = String::new();
    for (i, &(t, _)) in toks.iter().enumerate() {
        if i > 0 {
            let p = toks[i - 1].0;
            // `№` is a word of its own (`р/с № В и з а` → `р/с № Виза`).
            let glue = p != "№"
                && ((single(p) && single(t))
                    || (single(p) && char_len(t) <= 2)
                    || (single(t) && char_len(p) <= 2));
            if !glue {
                out.push_str(&split_case_glue(&word));
                out.push(' ');
                word.clear();
            }
        }
        word.push_str(t);
    }
    out.push_str(&split_case_glue(&word));
}

/// In a word rebuilt from letter spacing, a lowercase letter directly followed by two or more
/// capitals is two words run together (`тармағынаБҰЙЫРАМЫН:`).
fn split_case_glue(word: &str) -> String {
    let cs: Vec<char> = word.chars().collect();
    for i in 1..cs.len().saturating_sub(1) {
        if cs[i - 1].is_lowercase() && cs[i].is_uppercase() && cs[i + 1].is_uppercase() {
            let a: String = cs[..i].iter().collect();
            let b: String = cs[i..].iter().collect();
            return format!("{a} {b}");
        }
    }
    word.to_string()
}

/// Stems of words that Adilet hyperlinks (references to acts and their parts): these are the
/// words the converter moves out of place.
static REF_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[0-9]+(?:-[0-9]+)*\)?-)?(?:(?:бап|баб|тармақ|тармағ|қосымша|тарау|бөлім|абзац|бұйры[қғ]|жарлы[қғ]|кодекс|қаулы|қағида|регламент|стандарт|бірлескен)\p{L}*|заң(?:ы|ын|ына|ында|ынан|ымен|мен|ға|да|нан|ның|ының))$",
    )
    .expect("static regex")
});

/// A legal act number: `11-1-4/240`, `329-ө-м`, or any number after `№`.
static ACT_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]+(?:-[0-9\p{L}]+)*/[0-9]+$").expect("static regex"));

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]+(?:-[0-9\p{L}]+)*(?:/[0-9]+)?$").expect("static regex"));

/// Ref-word stems that occur glued after another word without any boundary signal
/// (`менқаулысымен` = `мен` + `қаулысымен`).
const GLUED_STEMS: [&str; 4] = ["қаулы", "бұйрығ", "Жарлығ", "Заң"];

/// The displaced words at the end of a line, split into units (`№ 11-1-4/240`, `10-бабы`,
/// `бұйрығына`), with the byte offset in `text` where they start; `None` when the line does not
/// end with such words.
fn ref_tail(text: &str) -> Option<(usize, Vec<String>)> {
    // Tokens after the last hole (double space).
    let seg_start = text.rfind("  ").map(|p| p + 2).unwrap_or(0);
    let seg = &text[seg_start..];
    let mut toks: Vec<(usize, &str)> = Vec::new();
    let mut pos = seg_start;
    for t in seg.split(' ') {
        if !t.is_empty() {
            toks.push((pos, t));
        }
        pos += t.len() + 1;
    }
    let mut units: Vec<String> = Vec::new();
    let mut start = None;
    let mut i = toks.len();
    while i > 0 && units.len() < 3 {
        let (p, t) = toks[i - 1];
        if REF_WORD.is_match(t) {
            units.insert(0, t.to_string());
            start = Some(p);
            i -= 1;
            continue;
        }
        if NUMBER.is_match(t) && i >= 2 {
            let (pp, prev) = toks[i - 2];
            if prev == "№" {
                units.insert(0, format!("№ {t}"));
                start = Some(pp);
                i -= 2;
                continue;
            }
            if let Some(stem) = prev.strip_suffix('№') {
                if stem.chars().last().is_some_and(char::is_alphabetic) {
                    units.insert(0, format!("№ {t}"));
                    start = Some(pp + stem.len());
                    break;
                }
            }
        }
        if ACT_NUMBER.is_match(t) {
            units.insert(0, t.to_string());
            start = Some(p);
            i -= 1;
            continue;
        }
        // A word glued to the end of another one: `іс47-бабына`, `жоғарыЖарлығына`,
        // `менқаулысымен`.
        if units.is_empty() {
            if let Some(k) = glued_split(t) {
                if REF_WORD.is_match(&t[k..]) {
                    units.insert(0, t[k..].to_string());
                    start = Some(p + k);
                }
            }
        }
        break;
    }
    start.map(|s| (s, units))
}

/// Where a displaced word starts inside a token it was glued to, if anywhere.
fn glued_split(t: &str) -> Option<usize> {
    let cs: Vec<(usize, char)> = t.char_indices().collect();
    for w in 1..cs.len() {
        let (a, b) = (cs[w - 1].1, cs[w].1);
        let cyr_lower = a.is_lowercase() && ('\u{400}'..='\u{4FF}').contains(&a);
        if cyr_lower && (b.is_ascii_digit() || (b.is_uppercase() && b != 'І')) {
            return Some(cs[w].0);
        }
    }
    for stem in GLUED_STEMS {
        if let Some(k) = t.find(stem) {
            if k > 0 && t[..k].chars().count() >= 2 && t[..k].chars().all(char::is_alphabetic) {
                return Some(k);
            }
        }
    }
    None
}

const GLUE_PUNCT: [char; 4] = [':', ';', '.', ','];

/// Text glued after sentence punctuation at the end of a line (`жазылсын:10-тармақ`): the
/// offset of the punctuation run (which may start with a quote or bracket) and of the text.
fn punct_tail(text: &str) -> Option<(usize, usize)> {
    // The punctuation is ASCII: found by byte, from the end, never the line's last character.
    let b = text.as_bytes();
    let mut k = b.len().saturating_sub(1);
    while let Some(i) = b[..k]
        .iter()
        .rposition(|c| matches!(c, b':' | b';' | b'.' | b','))
    {
        k = i;
        let c = char::from(b[i]);
        let Some(next) = text[i + 1..].chars().next() else {
            continue;
        };
        let starts_word = next.is_numeric()
            || next == '№'
            || (next.is_alphabetic() && ('\u{400}'..='\u{4FF}').contains(&next));
        if !starts_word {
            continue;
        }
        let prev = text[..i].chars().next_back();
        // Not numbers (`26.05.2022`, `3,5`) or initials (`П.К.`, `Қ.С.`).
        if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_ascii_digit() {
            return None;
        }
        if c == '.' && prev.is_some_and(char::is_uppercase) && next.is_uppercase() {
            return None;
        }
        let tail_start = i + 1;
        let tail = &text[tail_start..];
        if tail.trim_end().chars().count() < 2 {
            return None;
        }
        // The glued text is a few words with no sentence end inside.
        if tail.split(' ').filter(|t| !t.is_empty()).count() > 5
            || tail
                .char_indices()
                .any(|(k, ch)| GLUE_PUNCT.contains(&ch) && k + ch.len_utf8() < tail.len())
        {
            return None;
        }
        // Back over the punctuation run (`";`).
        let mut run = i;
        while let Some(p) = text[..run].chars().next_back() {
            if !matches!(p, '"' | '»' | ')' | ':' | ';' | '.' | ',') {
                break;
            }
            run -= p.len_utf8();
        }
        return Some((run, tail_start));
    }
    None
}

/// Byte offsets of the holes (runs of two or more spaces) in `text[..end]`, and each run's length.
fn holes_before(text: &str, end: usize) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < end {
        if b[i] == b' ' {
            let mut j = i;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            if j - i >= 2 && j < end {
                out.push((i, j - i));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Where a displaced word goes back.
#[derive(Debug, Clone, Copy)]
enum Hole {
    /// At the start of the line (after the indentation).
    Start,
    /// A run of spaces at this byte offset and length.
    Gap(usize, usize),
    /// Right before this byte offset (a space already precedes it: `сәйкес :БҰЙЫРАМЫН`).
    Before(usize),
}

/// Puts hyperlinked words that the converter moved to the end of a line back into the hole
/// they left: a double space in the line, a space before the punctuation they were glued
/// after, or a one-space hole at the line start. A line that is only `:word` gives its word back
/// to the line before.
pub fn fix_displaced(lines: &mut Vec<Line>) {
    let mut i = 0;
    while i < lines.len() {
        // `:қағидаларында` alone on a line: the word ends the previous line, before the colon.
        if let Some((p, w)) = leading_punct_word(&lines[i].text) {
            let moved = format!("{w}{p}");
            if lines[i].indent == 0 && i > 0 {
                let mut next = lines.remove(i);
                next.text = moved;
                append_line(&mut lines[i - 1], " ", &next);
                continue;
            }
            lines[i].text = moved;
            i += 1;
            continue;
        }
        let line = &mut lines[i];
        if let Some(fixed) = reinsert(&line.text, line.lead_hole, line.indent >= 6) {
            line.text = fixed;
            line.lead_hole = false;
        }
        i += 1;
    }
}

fn leading_punct_word(text: &str) -> Option<(String, String)> {
    let p: String = text
        .chars()
        .take_while(|c| GLUE_PUNCT.contains(c))
        .collect();
    if p.is_empty() || p.len() == text.len() {
        return None;
    }
    let w = &text[p.len()..];
    let first = w.chars().next()?;
    if first == ' ' || w.split(' ').filter(|t| !t.is_empty()).count() > 3 {
        return None;
    }
    if w.chars().any(|c| GLUE_PUNCT.contains(&c)) {
        return None;
    }
    Some((p, w.to_string()))
}

/// One line's repair: finds the displaced words at its end and the hole(s) for them.
fn reinsert(text: &str, lead_hole: bool, deep_indent: bool) -> Option<String> {
    // Most lines have no hole at all: say so before any parsing.
    let b = text.as_bytes();
    // A space followed by a space, a punctuation mark or `0xC2` (`«`, a no-break space),
    // found from space to space with a vectorized search.
    let maybe_hole = lead_hole
        || matches!(b.first(), Some(b',' | b';'))
        || memchr::memchr_iter(b' ', b).any(|p| {
            matches!(
                b.get(p + 1),
                Some(b' ' | b':' | b';' | b'.' | b',' | b'"' | b')' | 0xC2)
            )
        });
    if !maybe_hole {
        return None;
    }
    // Displaced words glued after punctuation, or referring words after a space.
    let tail = punct_tail(text);
    let glued = tail.is_some();
    let (cut, head_end, units, before_punct) = if let Some((run, tail)) = tail {
        let units = split_units(&text[tail..]);
        let before = run > 0 && text.as_bytes()[run - 1] == b' ';
        (run, tail, units, if before { Some(run) } else { None })
    } else {
        // Referring words after a space go back only into a one-space hole at the start or a
        // double space: a 7-space start is too often a plain indent.
        let (s, units) = ref_tail(text)?;
        (s, s, units, None)
    };
    if units.is_empty() {
        return None;
    }
    let mut holes: Vec<Hole> = Vec::new();
    // Referring words after a space go back into a start hole only after a one-space start:
    // seven spaces are too often a plain indent.
    if lead_hole && (glued || !deep_indent) {
        holes.push(Hole::Start);
    } else if matches!(text.chars().next(), Some(',' | ';')) {
        // `,  және  …:15 16 17-тармақтар`: the first number went before the comma.
        holes.push(Hole::Before(0));
    }
    for (p, n) in holes_before(text, cut) {
        holes.push(Hole::Gap(p, n));
    }
    if let Some(p) = before_punct {
        // The space before the punctuation is the hole, whatever else the line has.
        holes = vec![Hole::Before(p)];
    }
    if holes.is_empty() {
        return None;
    }
    // The line without the displaced words (keeping the punctuation they were glued after).
    let head = text[..head_end].trim_end().to_string();
    // Each hole gets one unit when the counts agree; otherwise all go into the last hole.
    let assignment: Vec<(Hole, String)> = if units.len() == holes.len() && holes.len() > 1 {
        holes.into_iter().zip(units.iter().cloned()).collect()
    } else {
        let hole = *holes.last()?;
        vec![(hole, units.join(" "))]
    };
    // Apply from the rightmost hole so earlier offsets stay valid.
    let mut out = head;
    let mut ordered = assignment;
    ordered.sort_by_key(|(h, _)| match h {
        Hole::Start => 0,
        Hole::Gap(p, _) | Hole::Before(p) => *p + 1,
    });
    for (h, w) in ordered.into_iter().rev() {
        match h {
            Hole::Start => out = format!("{w} {out}"),
            Hole::Gap(p, n) => out = format!("{} {w} {}", &out[..p], &out[p + n..]),
            Hole::Before(p) => {
                if p == 0 {
                    out = format!("{w}{out}");
                } else {
                    out = format!("{}{w}{}", &out[..p], &out[p..]);
                }
            }
        }
    }
    Some(out)
}

/// Splits displaced text into units for several holes: `15 16 17- тармақтар` → `15`, `16`,
/// `17-тармақтар`; anything else stays one unit.
fn split_units(t: &str) -> Vec<String> {
    let toks: Vec<&str> = t.split(' ').filter(|x| !x.is_empty()).collect();
    if toks.len() >= 3 && toks[..toks.len() - 2].iter().all(|x| NUMBER.is_match(x)) {
        let n = toks.len();
        if toks[n - 2].ends_with('-')
            && toks[n - 2][..toks[n - 2].len() - 1]
                .chars()
                .all(|c| c.is_ascii_digit())
        {
            let mut units: Vec<String> = toks[..n - 2].iter().map(|x| x.to_string()).collect();
            units.push(format!("{}{}", toks[n - 2], toks[n - 1]));
            return units;
        }
    }
    vec![toks.join(" ")]
}

/// Joins lines a line break cut through: a word or number ending in `-` with the next line
/// starting in lowercase or a digit (`59-` / `тармағына`, `сондай-` / `ақ`), a number continued
/// by `-4/245` or `/1`, and lines that are only closing punctuation (`;`, `.`, `),`).
/// A new paragraph (indented line) is never joined.
pub fn join_broken_lines(lines: &mut Vec<Line>) {
    // Lines are moved into a new list, each joined to the last one kept when it continues it
    // (instead of removing it from the middle of the list).
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for next in lines.drain(..) {
        match out.last_mut() {
            Some(prev) if joins_tight(prev, &next) => append_line(prev, "", &next),
            _ => out.push(next),
        }
    }
    *lines = out;
}

/// Whether `next` continues `prev` with no space between (see [`join_broken_lines`]).
fn joins_tight(prev: &Line, next: &Line) -> bool {
    let p = prev.text.trim_end();
    let n = next.text.trim_start();
    let only_punct = !n.is_empty() && n.chars().all(|c| matches!(c, '.' | ',' | ';' | ':' | ')'));
    if only_punct {
        return true;
    }
    if next.indent != 0 {
        return false;
    }
    let first = n.chars().next();
    // A broken word or number ends in `-` (a hyphen, or a hyphen and a space); a number
    // continued by `-4/245` or `/1` ends in a digit. Nothing else joins.
    match p.as_bytes().last() {
        Some(b'-') => {
            let before_last = p.chars().rev().nth(1);
            let hyphen_end = before_last.is_some_and(char::is_alphanumeric);
            let hyphen_space_end =
                prev.text.ends_with("- ") || before_last.is_some_and(|c| c.is_ascii_digit());
            let starts_low = first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
            starts_low && (hyphen_end || (hyphen_space_end && before_digit(p)))
        }
        Some(c) if c.is_ascii_digit() => {
            matches!(first, Some('-' | '/')) && n.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

fn before_digit(p: &str) -> bool {
    p.trim_end_matches('-')
        .trim_end()
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_digit())
}

/// Drops page headers and footers: a line that opens or closes a page (after a page break) and
/// repeats, digits aside, at three or more page breaks. Adilet texts have none, but PDFs made
/// with running heads do.
pub fn drop_page_furniture(lines: &mut Vec<Line>) {
    use std::collections::HashMap;
    if lines.len() < 4 {
        return;
    }
    // A page break: a new PDF page, or a gap of three or more blank lines in a text file.
    let breaks: Vec<bool> = (0..lines.len())
        .map(|i| {
            i > 0 && {
                let (a, b) = (&lines[i - 1].span, &lines[i].span);
                a.page != b.page || b.line_start > a.line_end + 3
            }
        })
        .collect();
    // Digits aside: a run of digits (a page number) is one `#`.
    let key = |s: &str| -> String {
        let mut k = String::new();
        for c in s.chars().filter(|c| !c.is_whitespace()) {
            if c.is_ascii_digit() {
                if !k.ends_with('#') {
                    k.push('#');
                }
            } else {
                k.push(c);
            }
        }
        k
    };
    let mut edge = vec![false; lines.len()];
    for i in 0..lines.len() {
        if breaks[i] || i == 0 {
            edge[i] = true;
        }
        if i + 1 == lines.len() || breaks[i + 1] {
            edge[i] = true;
        }
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if edge[i] {
            *counts.entry(key(&l.text)).or_default() += 1;
        }
    }
    let pages = breaks.iter().filter(|&&b| b).count() + 1;
    let furniture = |k: &String| {
        let n = counts.get(k).copied().unwrap_or(0);
        n >= 3 && n * 2 >= pages && (k.chars().count() <= 80)
    };
    // Nothing repeats often enough: every line stays (the common case, without a pass).
    if !counts.keys().any(furniture) {
        return;
    }
    let mut idx = 0;
    lines.retain(|l| {
        let keep = !(edge[idx] && furniture(&key(&l.text)));
        idx += 1;
        keep
    });
}

/// Collapses runs of spaces and trims each line; drops lines left empty.
pub fn finish(lines: &mut Vec<Line>) {
    for l in lines.iter_mut() {
        collapse_line(&mut l.text, &mut l.origins);
    }
    lines.retain(|l| !l.text.is_empty());
}

/// [`collapse`] in place: most lines are already collapsed (one ASCII space between words,
/// none at the ends), and keep their text; only their origins move off inner spaces.
fn collapse_line(text: &mut String, origins: &mut [Origin]) {
    let b = text.as_bytes();
    if !crate::text::is_collapsed(b) {
        *text = collapse(text, origins);
        return;
    }
    // The whole text is one stretch of kept characters: an origin goes to the first kept
    // character at or after it (not an inner space), or to the end.
    for o in origins.iter_mut() {
        let mut c = o.offset;
        while c < b.len() && (!text.is_char_boundary(c) || b[c] == b' ') {
            c += 1;
        }
        o.offset = c.min(b.len());
    }
}

/// Collapses whitespace runs to one space and trims; moves each origin's offset to where the
/// first character kept at or after it lands (the end of the text when none is).
fn collapse(s: &str, origins: &mut [Origin]) -> String {
    use crate::text::{next_ws, ws_len};
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // New offsets, `usize::MAX` while not yet known.
    let mut new_offsets = vec![usize::MAX; origins.len()];
    let mut unresolved = origins.len();
    let mut pending_space = false;
    let mut i = 0;
    while i < b.len() {
        let w = ws_len(b, i);
        if w > 0 {
            pending_space = !out.is_empty();
            i += w;
            continue;
        }
        // A stretch of kept characters, single ASCII spaces between words included (they are
        // copied as the one space they collapse to).
        let start = i;
        loop {
            let (p, _) = next_ws(b, i);
            i = p;
            if p + 1 < b.len() && b[p] == b' ' && ws_len(b, p + 1) == 0 {
                i = p + 1;
                continue;
            }
            break;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if unresolved > 0 {
            for (o, new) in origins.iter().zip(new_offsets.iter_mut()) {
                if *new != usize::MAX {
                    continue;
                }
                // The first kept character at or after the origin: not an inner space.
                let mut c = o.offset.max(start);
                while c < i && (!s.is_char_boundary(c) || b[c] == b' ') {
                    c += 1;
                }
                if c < i {
                    *new = out.len() + (c - start);
                    unresolved -= 1;
                }
            }
        }
        out.push_str(&s[start..i]);
    }
    for (o, new) in origins.iter_mut().zip(new_offsets) {
        o.offset = if new == usize::MAX { out.len() } else { new };
    }
    out
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn fix_letter_spacing() {
        use crate::extract::repair::fix_letter_spacing;
        assert_eq!(fix_letter_spacing("С т а н д а р т т ы ң"), "Стандарттың");
        assert_eq!(
            fix_letter_spacing("5 .  М е м л е к е т т і к  қ ы з м е т :"),
            "5. Мемлекеттік қызмет:"
        );
        assert_eq!(fix_letter_spacing("1) а тармағы"), "1) а тармағы");
    }

    #[test]
    fn fix_displaced() {
        use crate::extract::repair::{fix_displaced, split_lines};
        let mut lines = split_lines(
            "      12-тармақтың  алынып тасталсын;7) тармақшасы",
            1,
            None,
        );
        fix_displaced(&mut lines);
        assert_eq!(
            lines[0].text,
            "12-тармақтың 7) тармақшасы алынып тасталсын;"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::collection::vec;
    use proptest::sample::select;
    use proptest::strategy::{Just, Strategy};

    /// The collapse as first written: a mark per kept character, origins mapped through them.
    fn collapse_reference(s: &str, offsets: &[usize]) -> (String, Vec<usize>) {
        let mut out = String::new();
        let mut marks: Vec<(usize, usize)> = Vec::new();
        let mut pending_space = false;
        for (i, c) in s.char_indices() {
            if c.is_whitespace() {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            marks.push((i, out.len()));
            out.push(c);
        }
        let map = |old: usize| {
            marks
                .iter()
                .find(|(o, _)| *o >= old)
                .map_or(out.len(), |&(_, n)| n)
        };
        let mapped = offsets.iter().map(|&o| map(o)).collect();
        (out, mapped)
    }

    /// The line joining as first written (remove from the list, test every condition).
    fn join_reference(lines: &mut Vec<Line>) {
        let mut i = 1;
        while i < lines.len() {
            let (prev, next) = (&lines[i - 1], &lines[i]);
            let p = prev.text.trim_end();
            let n = next.text.trim_start();
            let last = p.chars().last();
            let before_last = p.chars().rev().nth(1);
            let first = n.chars().next();
            let second = n.chars().nth(1);
            let hyphen_end = last == Some('-') && before_last.is_some_and(char::is_alphanumeric);
            let hyphen_space_end = prev.text.ends_with("- ")
                || (prev.text.trim_end().ends_with('-')
                    && p.chars().rev().nth(1).is_some_and(|c| c.is_ascii_digit()));
            let starts_low = first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
            let number_cont = last.is_some_and(|c| c.is_ascii_digit())
                && matches!(first, Some('-' | '/'))
                && second.is_some_and(|c| c.is_ascii_digit());
            let only_punct =
                !n.is_empty() && n.chars().all(|c| matches!(c, '.' | ',' | ';' | ':' | ')'));
            let join_tight = (hyphen_end || (hyphen_space_end && starts_low && before_digit(p)))
                && starts_low
                && next.indent == 0
                || number_cont && next.indent == 0
                || only_punct;
            if join_tight {
                let next = lines.remove(i);
                append_line(&mut lines[i - 1], "", &next);
                continue;
            }
            i += 1;
        }
    }

    /// `join_broken_lines` joins the same lines as the former loop.
    #[test]
    fn join_broken_lines_matches_the_reference() {
        let pieces = [
            "а", "Қ", "1", "-", "- ", "/", ".", ";", ")", " ", "бап", "2-", "-4/245",
        ];
        // Lines of one to four pieces, most flush, some indented by one or six spaces.
        let line = (
            select(vec![0, 0, 6, 1]),
            crate::property::pieces(&pieces, 1..5),
        );
        let texts = vec(line, 0..8).prop_map(|lines| {
            let mut text = String::new();
            for (indent, words) in lines {
                text.push_str(&" ".repeat(indent));
                text.push_str(&words.concat());
                text.push('\n');
            }
            text
        });
        crate::property::check(3000, texts, |text| {
            let lines = split_lines(&text, 1, None);
            let mut got = lines.clone();
            join_broken_lines(&mut got);
            let mut want = lines;
            join_reference(&mut want);
            assert_eq!(got, want, "{text:?}");
        });
    }

    /// `collapse` gives the reference's text and origin offsets on random spacing.
    /// The quick test says no only where the full scan finds nothing.
    #[test]
    fn letter_spacing_quick_test_matches_the_scan() {
        let pieces = [
            " ",
            "  ",
            "а",
            "Қаз",
            "«",
            "1",
            ";",
            "–",
            "б",
            "№",
            "\u{1F600}",
            "ab",
            "С т",
        ];
        crate::property::check(20000, crate::property::text(&pieces, 30), |s| {
            assert_eq!(letter_spaced(&s), letter_spaced_scan(&s), "{s:?}");
        });
    }

    #[test]
    fn collapse_matches_the_reference() {
        let pieces = [
            " ", "  ", "\u{a0}", "\t", "\u{2003}", "а", "Қаз", "«", "1", ";", "–",
        ];
        // A text and up to three origins at its character boundaries.
        let cases = crate::property::text(&pieces, 12).prop_flat_map(|s| {
            let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
            (Just(s), vec(select(bounds), 0..4))
        });
        crate::property::check(3000, cases, |(s, offsets)| {
            let mut origins: Vec<Origin> = offsets
                .iter()
                .map(|&offset| Origin {
                    offset,
                    line: 1,
                    page: None,
                })
                .collect();
            let mut in_place = s.clone();
            let mut origins_in_place = origins.clone();
            collapse_line(&mut in_place, &mut origins_in_place);
            let got = collapse(&s, &mut origins);
            let (want, mapped) = collapse_reference(&s, &offsets);
            assert_eq!(got, want, "{s:?}");
            assert_eq!(in_place, want, "{s:?}");
            let got_offsets: Vec<usize> = origins.iter().map(|o| o.offset).collect();
            assert_eq!(got_offsets, mapped, "{s:?} {offsets:?}");
            let in_place_offsets: Vec<usize> = origins_in_place.iter().map(|o| o.offset).collect();
            assert_eq!(in_place_offsets, mapped, "{s:?} {offsets:?}");
        });
    }

    /// Random lines built from the pieces the passes look at (holes, glued punctuation,
    /// references, letter spacing, hyphens) go through every pass without a panic, and the
    /// result keeps the invariants later stages rely on.
    #[test]
    fn random_lines_never_panic() {
        let pieces = [
            "а",
            "Қ",
            " ",
            "  ",
            ":",
            ";",
            ".",
            ",",
            "1",
            "-",
            "/",
            "№",
            "\"",
            ")",
            "(",
            "»",
            "бабы",
            "тармағына",
            "қаулысымен",
            "10-бабы",
            "Заңының",
            "11-1-4/240",
            "және",
            "с ә й к е с",
            "ы",
            "БҰЙЫРАМЫН",
            "\u{a0}",
            "\t",
        ];
        // Lines of up to thirteen pieces, indented by up to seven spaces.
        let line = (0..8usize, crate::property::text(&pieces, 14));
        let texts = vec(line, 0..12).prop_map(|lines| {
            let mut text = String::new();
            for (indent, words) in lines {
                text.push_str(&" ".repeat(indent));
                text.push_str(&words);
                text.push('\n');
            }
            text
        });
        crate::property::check(400, texts, |text| {
            let lines = repair_all(split_lines(&text, 1, None));
            for w in lines.windows(2) {
                assert!(w[0].span.line_end < w[1].span.line_start, "{text:?}");
            }
            for l in &lines {
                assert!(!l.text.is_empty() && !l.text.contains("  "), "{text:?}");
                assert!(
                    l.origins.iter().all(|o| o.offset <= l.text.len()),
                    "{text:?}"
                );
            }
        });
    }
}
