//! An arena for building a unit tree line by line, then turning it into nested [`Unit`]s.
//!
//! Parsers open units, append text parts (each remembering the clean line it came from) and
//! attach notes; spans are computed at the end from everything a unit holds, so text that a
//! parser later takes back (an appendix header printed at the end of the previous appendix)
//! leaves the span correct too.

use crate::extract::CleanLine;
use crate::model::{Note, SourceSpan, Unit, UnitKind, UnitStatus};
use std::borrow::Cow;
use std::collections::HashSet;

/// One piece of a unit's text: most are a line's text as it is, borrowed from the line.
#[derive(Debug, Clone)]
pub(crate) struct Part<'a> {
    pub text: Cow<'a, str>,
    /// Starts a new printed paragraph (joined with a newline) rather than continuing a line.
    pub new_par: bool,
    /// Index into the parser's line list, when the part is printed text of that line.
    pub line: Option<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct Node<'a> {
    pub eid: String,
    pub kind: UnitKind,
    pub num: Option<String>,
    pub heading: Option<String>,
    /// Lines that belong to the unit but not to its text (headers, headings).
    pub extra_lines: Vec<usize>,
    pub parts: Vec<Part<'a>>,
    pub notes: Vec<(String, Vec<usize>)>,
    /// How many of `notes` were printed before the unit (between the act's header and its
    /// first unit); they do not widen the unit's span.
    pub pre_notes: usize,
    pub status: UnitStatus,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

/// The arena. `lines` are the parser's lines, used to turn line indexes into spans.
pub(crate) struct Tree<'a> {
    pub lines: Vec<&'a CleanLine>,
    pub nodes: Vec<Node<'a>>,
    pub roots: Vec<usize>,
    used: HashSet<String>,
    /// Notes printed before any unit, waiting for the first unit to be opened.
    pending: Vec<(String, Vec<usize>)>,
    /// Every line's text is collapsed ([`is_collapsed`]), as extraction leaves it: then a
    /// borrowed part (a trimmed piece of a line's text) is collapsed too and is joined as it is.
    clean_lines: bool,
}

impl<'a> Tree<'a> {
    /// `clean_lines`: every line's text is collapsed ([`is_collapsed`]).
    pub fn new(lines: Vec<&'a CleanLine>, clean_lines: bool) -> Self {
        Tree {
            lines,
            nodes: Vec::new(),
            roots: Vec::new(),
            used: HashSet::new(),
            pending: Vec::new(),
            clean_lines,
        }
    }

    /// Opens a unit under `parent`. A wanted eid that is already taken (a printed number
    /// repeated by mistake, like 004's two `3)`) gets `_2`, `_3`, … in document order, so the
    /// first occurrence keeps the plain id and ids stay stable across runs.
    pub fn open(
        &mut self,
        parent: Option<usize>,
        kind: UnitKind,
        num: Option<String>,
        eid: String,
        line: Option<usize>,
    ) -> usize {
        let mut id = eid.clone();
        let mut n = 2;
        while self.used.contains(&id) {
            id = format!("{eid}_{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        let idx = self.nodes.len();
        self.nodes.push(Node {
            eid: id,
            kind,
            num,
            heading: None,
            extra_lines: line.into_iter().collect(),
            parts: Vec::new(),
            notes: std::mem::take(&mut self.pending),
            pre_notes: 0,
            status: UnitStatus::Live,
            parent,
            children: Vec::new(),
        });
        self.nodes[idx].pre_notes = self.nodes[idx].notes.len();
        match parent {
            Some(p) => self.nodes[p].children.push(idx),
            None => self.roots.push(idx),
        }
        idx
    }

    pub fn eid(&self, idx: usize) -> &str {
        &self.nodes[idx].eid
    }

    /// Appends a line's text to a unit (a `&'a str` is kept borrowed, other text is owned).
    pub fn push(
        &mut self,
        idx: usize,
        text: impl Into<Cow<'a, str>>,
        new_par: bool,
        line: Option<usize>,
    ) {
        self.nodes[idx].parts.push(Part {
            text: text.into(),
            new_par,
            line,
        });
    }

    /// A note printed before any unit (004's `Ескерту. Күші жойылды …` under the header): it
    /// goes to the first unit opened, which is where the amendment stage reads notes; the
    /// note's own words say that it concerns the whole act.
    pub fn note_pending(&mut self, text: &str, line: usize) {
        self.pending.push((text.to_string(), vec![line]));
    }

    /// Continues the last pending note.
    pub fn pending_continue(&mut self, text: &str, line: usize) {
        if let Some((t, ls)) = self.pending.last_mut() {
            t.push(' ');
            t.push_str(text);
            ls.push(line);
        }
    }

    /// The text of the last pending note, if any.
    pub fn last_pending(&self) -> Option<&str> {
        self.pending.last().map(|(t, _)| t.as_str())
    }

    /// Starts a note on a unit.
    pub fn note(&mut self, idx: usize, text: &str, line: usize) {
        self.nodes[idx].notes.push((text.to_string(), vec![line]));
    }

    /// Continues the last note of a unit.
    pub fn note_continue(&mut self, idx: usize, text: &str, line: usize) {
        if let Some((t, ls)) = self.nodes[idx].notes.last_mut() {
            t.push(' ');
            t.push_str(text);
            ls.push(line);
        }
    }

    /// Takes back the parts of `idx` printed on lines `>= from` (they turned out to belong to
    /// the next unit's header).
    pub fn take_back(&mut self, idx: usize, from: usize) {
        self.nodes[idx]
            .parts
            .retain(|p| p.line.is_none_or(|l| l < from));
    }

    /// Gives back to a paragraph the closing text printed after its list of subparagraphs.
    ///
    /// Unnumbered abzatses after a subparagraph belong to it while the list goes on (003 Rules
    /// 3.2) is followed by three abzatses ending `…береді;` before `3)`). After the last
    /// subparagraph, when that item ends its sentence with `.`, the abzatses that follow close
    /// the paragraph (`Азаматтардан басқа құжаттарды сұратуға жол берiлмейдi.`) and move to the
    /// paragraph's own text.
    pub fn move_tails(&mut self) {
        for p in 0..self.nodes.len() {
            let Some(&last) = self.nodes[p].children.last() else {
                continue;
            };
            if self.nodes[last].kind != UnitKind::Subparagraph {
                continue;
            }
            let parts = &self.nodes[last].parts;
            let Some(second) = parts.iter().skip(1).position(|x| x.new_par).map(|k| k + 1) else {
                continue;
            };
            let first_text = join_parts(&parts[..second], self.clean_lines);
            if !first_text.trim_end().ends_with('.') {
                continue;
            }
            let tail: Vec<Part<'a>> = self.nodes[last].parts.split_off(second);
            self.nodes[p].parts.extend(tail);
        }
    }

    /// The unit and its ancestors, innermost first.
    pub fn ancestry(&self, idx: usize) -> Vec<usize> {
        let mut out = vec![idx];
        let mut cur = idx;
        while let Some(p) = self.nodes[cur].parent {
            out.push(p);
            cur = p;
        }
        out
    }

    fn span_of(&self, lines: &[usize]) -> Option<SourceSpan> {
        let mut span: Option<SourceSpan> = None;
        for &l in lines {
            let s = self.lines[l].span;
            span = Some(match span {
                None => s,
                Some(mut a) => {
                    if s.line_start < a.line_start {
                        a.line_start = s.line_start;
                        a.page = s.page;
                    }
                    a.line_end = a.line_end.max(s.line_end);
                    a
                }
            });
        }
        span
    }

    /// Builds the nested units (moving the nodes' ids and numbers into them).
    pub fn finish(mut self) -> Vec<Unit> {
        let roots = std::mem::take(&mut self.roots);
        roots.iter().map(|&r| self.build(r)).collect()
    }

    fn build(&mut self, idx: usize) -> Unit {
        let child_ids = std::mem::take(&mut self.nodes[idx].children);
        let children: Vec<Unit> = child_ids.iter().map(|&c| self.build(c)).collect();
        let n = &mut self.nodes[idx];
        let eid = std::mem::take(&mut n.eid);
        let num = n.num.take();
        let status = std::mem::take(&mut n.status);
        let n = &self.nodes[idx];
        let mut own: Vec<usize> = n.extra_lines.clone();
        own.extend(n.parts.iter().filter_map(|p| p.line));
        let notes: Vec<Note> = n
            .notes
            .iter()
            .map(|(t, ls)| Note {
                text: clean_spaces(t),
                span: self.span_of(ls).unwrap_or_default(),
            })
            .collect();
        for (_, ls) in n.notes.iter().skip(n.pre_notes) {
            own.extend(ls);
        }
        let mut span = self.span_of(&own);
        for c in &children {
            if c.span.line_start == 0 {
                continue;
            }
            span = Some(match span {
                None => c.span,
                Some(mut a) => {
                    if c.span.line_start < a.line_start {
                        a.line_start = c.span.line_start;
                        a.page = c.span.page;
                    }
                    a.line_end = a.line_end.max(c.span.line_end);
                    a
                }
            });
        }
        Unit {
            eid,
            kind: n.kind,
            num,
            heading: n
                .heading
                .as_deref()
                .map(clean_spaces)
                .filter(|h| !h.is_empty()),
            text: join_parts(&n.parts, self.clean_lines),
            span: span.unwrap_or_default(),
            status,
            notes,
            children,
        }
    }
}

/// Joins parts: a new printed paragraph on a new line, a continuation line with a space.
/// Each line comes out with its spaces collapsed and trimmed (as [`clean_spaces`] would).
///
/// `clean_lines`: borrowed parts are trimmed pieces of collapsed texts (the tree's lines, or
/// Markdown lines made from them), so they are collapsed already and copied as they are.
pub(crate) fn join_parts(parts: &[Part<'_>], clean_lines: bool) -> String {
    // One pass: a part is trimmed, so a space between two parts stays one space; a newline
    // (between paragraphs, or inside a part) ends a line, and each line is collapsed.
    let mut out = String::with_capacity(parts.iter().map(|p| p.text.len() + 1).sum());
    let mut any = false;
    for p in parts {
        let t = p.text.trim();
        if t.is_empty() {
            continue;
        }
        if any {
            out.push(if p.new_par { '\n' } else { ' ' });
        }
        any = true;
        if clean_lines && matches!(p.text, Cow::Borrowed(_)) {
            out.push_str(t);
        } else if memchr::memchr(b'\n', t.as_bytes()).is_some() {
            // Lines of the part: the text before the first newline continues the current line.
            for (k, line) in t.split('\n').enumerate() {
                if k > 0 {
                    // `push_words` leaves no space at the end of the line.
                    out.push('\n');
                }
                push_words(&mut out, line);
            }
        } else {
            push_words(&mut out, t);
        }
    }
    out
}

/// Whether [`clean_spaces`] (and the repair pass's collapse) would leave the text as it is: no whitespace at either end, and every
/// whitespace character a single ASCII space between two words.
pub(crate) fn is_collapsed(b: &[u8]) -> bool {
    if b.is_empty() {
        return true;
    }
    if ws_len(b, 0) > 0 {
        return false;
    }
    let mut i = 0;
    loop {
        let (p, w) = next_ws(b, i);
        if w == 0 {
            return true;
        }
        if b[p] != b' ' || p + 1 >= b.len() || ws_len(b, p + 1) > 0 {
            return false;
        }
        i = p + 1;
    }
}

/// Collapses runs of spaces and trims.
pub(crate) fn clean_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_words(&mut out, s);
    out
}

/// The byte length of the whitespace character (Unicode `White_Space`, as
/// [`char::is_whitespace`]) starting at byte `i` of `b`, or 0. Continuation bytes never match,
/// so `i` may be any byte offset.
#[inline]
pub(crate) fn ws_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' | b'\t'..=b'\r' => 1,
        0xC2 => match b.get(i + 1) {
            Some(0x85 | 0xA0) => 2,
            _ => 0,
        },
        0xE1 => usize::from(b.get(i + 1..i + 3) == Some(&[0x9A, 0x80][..])) * 3,
        0xE2 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) | (Some(0x81), Some(0x9F)) => 3,
            _ => 0,
        },
        0xE3 => usize::from(b.get(i + 1..i + 3) == Some(&[0x80, 0x80][..])) * 3,
        _ => 0,
    }
}

/// Bytes that may start a whitespace character (see [`ws_len`]).
static WS_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b' ' as usize] = true;
    let mut c = 9;
    while c <= 13 {
        t[c] = true;
        c += 1;
    }
    t[0xC2] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
};

/// Bit 7 of each byte of `w` (eight bytes of text, little-endian) set when the byte may start
/// a whitespace character ([`WS_LEAD`]: ASCII space, `\t`..`\r`, and the lead bytes 0xC2,
/// 0xE1, 0xE2, 0xE3), eight bytes at once.
#[inline(always)]
fn ws_lead_bytes(w: u64) -> u64 {
    use super::swar::{ascii_in_range, zero_bytes, ONES};
    let space = zero_bytes(w ^ (ONES * 0x20));
    let controls = ascii_in_range(w, 0x09, 0x0D);
    let c2 = zero_bytes(w ^ (ONES * 0xC2));
    // 0xE1..=0xE3: `b & 0xFC == 0xE0`, but not 0xE0.
    let e1_e3 = zero_bytes((w & (ONES * 0xFC)) ^ (ONES * 0xE0)) & !zero_bytes(w ^ (ONES * 0xE0));
    space | controls | c2 | e1_e3
}

/// The first whitespace character at or after byte `from` of `b`: its offset and byte length,
/// or `(b.len(), 0)` when there is none.
///
/// Bytes that may start one are found eight at a time ([`ws_lead_bytes`]; a continuation byte
/// never looks like one, so the scan need not step from character to character). Stepping
/// did, and was the largest cost of ingestion (perf, 100 MB: 2.8 % of `zanlex index` with its
/// callers `is_collapsed` and `push_words`).
#[inline]
pub(crate) fn next_ws(b: &[u8], from: usize) -> (usize, usize) {
    let mut at = from;
    while let Some(w) = super::swar::word_at(b, at) {
        for k in super::swar::flagged(ws_lead_bytes(w)) {
            let w = ws_len(b, at + k);
            if w > 0 {
                return (at + k, w);
            }
        }
        at += 8;
    }
    while at < b.len() {
        if WS_LEAD[usize::from(b[at])] {
            let w = ws_len(b, at);
            if w > 0 {
                return (at, w);
            }
        }
        at += 1;
    }
    (b.len(), 0)
}

/// The first byte at or after `i` that does not start a whitespace character.
#[inline]
pub(crate) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        let w = ws_len(b, i);
        if w == 0 {
            break;
        }
        i += w;
    }
    i
}

/// Appends the words of `s` (split at whitespace, as [`str::split_whitespace`]) to `out`,
/// one space between them: `s.split_whitespace().collect::<Vec<_>>().join(" ")` without the
/// vector. Stretches whose words are already one ASCII space apart are copied whole.
pub(crate) fn push_words(out: &mut String, s: &str) {
    let b = s.as_bytes();
    let mut i = skip_ws(b, 0);
    let mut seg = i;
    while i < b.len() {
        let (p, w) = next_ws(b, i);
        if w == 0 {
            out.push_str(&s[seg..]);
            return;
        }
        // A single ASCII space between two words stays inside the stretch.
        if b[p] == b' ' && p + 1 < b.len() && ws_len(b, p + 1) == 0 {
            i = p + 1;
            continue;
        }
        out.push_str(&s[seg..p]);
        let j = skip_ws(b, p);
        if j >= b.len() {
            return;
        }
        out.push(' ');
        seg = j;
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;
    use proptest::sample::select;

    /// `join_parts` gives what joining the parts and collapsing each line did.
    #[test]
    fn join_parts_matches_the_former_join() {
        let pieces = [
            "а", "Қаз", " ", "  ", "\n", "\r\n", "\u{a0}", "\t", "1)", "\u{2028}",
        ];
        let part =
            (crate::property::text(&pieces, 6), any::<bool>()).prop_map(|(text, new_par)| Part {
                text: text.into(),
                new_par,
                line: None,
            });
        crate::property::check(3000, vec(part, 0..5), |parts| {
            let mut joined = String::new();
            for p in &parts {
                let t = p.text.trim();
                if t.is_empty() {
                    continue;
                }
                if !joined.is_empty() {
                    joined.push(if p.new_par { '\n' } else { ' ' });
                }
                joined.push_str(t);
            }
            let want = joined
                .lines()
                .map(clean_spaces)
                .collect::<Vec<_>>()
                .join("\n");
            assert_eq!(join_parts(&parts, false), want, "{parts:?}");
        });
    }

    /// `push_words` splits exactly where `split_whitespace` does, every Unicode space included.
    #[test]
    fn push_words_is_split_whitespace_joined() {
        let spaces = [
            " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}",
            "\u{2005}", "\u{200a}", "\u{2028}", "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}",
        ];
        // Near misses: same lead bytes, not spaces.
        let words = [
            "а",
            "Қазақ",
            "«б»",
            "\u{200b}",
            "–",
            "№",
            "\u{2030}",
            "\u{1681}",
            "\u{3001}",
            "x",
            "\u{a9}",
            "\u{1c}",
        ];
        // Spaces and words alike often; long enough for several eight-byte steps of `next_ws`.
        let piece = prop_oneof![select(spaces.to_vec()), select(words.to_vec())];
        let texts = vec(piece, 0..30).prop_map(|p| p.concat());
        crate::property::check(4000, texts, |s| {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(clean_spaces(&s), want, "{s:?}");
            assert_eq!(is_collapsed(s.as_bytes()), want == s, "{s:?}");
            // The first whitespace character, as `char::is_whitespace` finds it.
            let first = s
                .char_indices()
                .find(|(_, c)| c.is_whitespace())
                .map_or((s.len(), 0), |(i, c)| (i, c.len_utf8()));
            assert_eq!(next_ws(s.as_bytes(), 0), first, "{s:?}");
        });
    }
}
