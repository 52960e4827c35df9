//! An arena for building a unit tree line by line, then turning it into nested [`Unit`]s.
//!
//! Parsers open units, append text parts (each remembering the clean line it came from) and
//! attach notes; spans are computed at the end from everything a unit holds, so text that a
//! parser later takes back (an appendix header printed at the end of the previous appendix)
//! leaves the span correct too.

use crate::extract::CleanLine;
use crate::model::{Note, SourceSpan, TextTable, Unit, UnitKind, UnitStatus};
use crate::text::{clean_spaces, push_words};
use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::Arc;

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
    /// The first of `parts` printed after the children (the closing words given back to a
    /// paragraph by [`Tree::move_tails`]).
    pub closing_from: Option<usize>,
}

/// The arena. `lines` are the parser's lines, used to turn line indexes into spans.
pub(crate) struct Tree<'a> {
    pub lines: Vec<&'a CleanLine>,
    pub nodes: Vec<Node<'a>>,
    pub roots: Vec<usize>,
    used: HashSet<String>,
    /// For each eid wanted more than once, the suffix to try first when it is wanted again.
    next_suffix: std::collections::HashMap<String, usize>,
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
            next_suffix: Default::default(),
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
        let id = if self.used.contains(&eid) {
            // Ids are never given back, so the first free suffix of `eid` only moves up: it
            // is looked for from where the last search for `eid` stopped, once in all, not
            // from `_2` again for every repetition (20 000 list items all numbered `1.`).
            let n = self.next_suffix.entry(eid.clone()).or_insert(2);
            loop {
                let id = format!("{eid}_{n}");
                *n += 1;
                if !self.used.contains(&id) {
                    break id;
                }
            }
        } else {
            eid
        };
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
            closing_from: None,
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
            let at = self.nodes[p].parts.len();
            self.nodes[p].closing_from.get_or_insert(at);
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
        // The closing words after the list are joined on as `join_parts` joins any part
        // (each begins a printed paragraph), so the text is the same with or without them.
        let (text, closing_at) = match n.closing_from {
            Some(k) if k < n.parts.len() => {
                let head = join_parts(&n.parts[..k], self.clean_lines);
                let tail = join_parts(&n.parts[k..], self.clean_lines);
                match (head.is_empty(), tail.is_empty()) {
                    (_, true) => (head, None),
                    (true, false) => (tail, Some(0)),
                    (false, false) => {
                        let at = head.len() + 1;
                        (format!("{head}\n{tail}"), Some(at))
                    }
                }
            }
            _ => (join_parts(&n.parts, self.clean_lines), None),
        };
        let tables = self.tables_of(&n.parts);
        Unit {
            eid,
            kind: n.kind,
            num,
            heading: n
                .heading
                .as_deref()
                .map(clean_spaces)
                .filter(|h| !h.is_empty()),
            text,
            span: span.unwrap_or_default(),
            status,
            notes,
            children,
            closing_at,
            tables,
        }
    }

    /// The tables whose every line is a part of `parts`, each with the byte range its
    /// lines take in the joined text; a table split between units stays plain lines.
    fn tables_of(&self, parts: &[Part<'_>]) -> Vec<TextTable> {
        let table_at = |p: &Part<'_>| p.line.and_then(|l| self.lines[l].table.as_ref());
        let mut out = Vec::new();
        let mut k = 0;
        while k < parts.len() {
            let Some(table) = table_at(&parts[k]) else {
                k += 1;
                continue;
            };
            let mut e = k + 1;
            while e < parts.len() && table_at(&parts[e]).is_some_and(|t| Arc::ptr_eq(t, table)) {
                e += 1;
            }
            let lines: HashSet<usize> = parts[k..e].iter().filter_map(|p| p.line).collect();
            if lines.len() == table.lines {
                let before = join_parts(&parts[..k], self.clean_lines);
                let upto = join_parts(&parts[..e], self.clean_lines);
                let start = if before.is_empty() {
                    0
                } else {
                    before.len() + 1
                };
                if start < upto.len() {
                    out.push(TextTable {
                        start,
                        end: upto.len(),
                        rows: table.rows.clone(),
                    });
                }
            }
            k = e;
        }
        out
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;

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
}
