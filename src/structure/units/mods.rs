//! Amending paragraphs: their lines split into instructions, quoted wordings and context
//! lines (see the parent module's notes on amending acts).

use super::{is_signature, TextParser, RE_CLOSE, RE_CONTEXT_WORD, RE_TOP_TARGET, RE_VERB};
use crate::model::UnitKind;
use crate::structure::common::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seg {
    Quote,
    NextPara,
    Verb,
    Context,
    Scope,
    Other,
}

impl<'a> TextParser<'a> {
    /// The text of the segment starting at line `i`: the line and its unindented continuations.
    pub(super) fn seg_text(&self, i: usize) -> String {
        let mut s = self.text(i).to_string();
        let mut j = i + 1;
        while j < self.n() && !self.indented(j) && j < i + 25 {
            if RE_ANNEX.is_match(self.text(j)) {
                break;
            }
            s.push(' ');
            s.push_str(self.text(j));
            j += 1;
        }
        s
    }

    fn seg_kind(&self, i: usize, para_key: &[u32]) -> Seg {
        let t = self.text(i);
        if t.starts_with('"') || t.starts_with('«') || t.starts_with('“') {
            return Seg::Quote;
        }
        if let Some(c) = RE_PARA.captures(t) {
            let k = num_key(&c[1]);
            if k.as_slice() > para_key && k.first().copied() <= para_key.first().map(|n| n + 1) {
                return Seg::NextPara;
            }
        }
        let seg = self.seg_text(i);
        if RE_VERB.is_match(&seg) {
            return Seg::Verb;
        }
        let st = seg.trim();
        if st.chars().count() < 80
            && (st.ends_with(':') || st.starts_with(':'))
            && RE_CONTEXT_WORD.is_match(st)
        {
            return Seg::Context;
        }
        if seg.contains("бекітілген")
            || seg.contains("қағидаларында")
            || t.starts_with("көрсетілген")
        {
            return Seg::Scope;
        }
        Seg::Other
    }

    /// Whether line `i` closes the quoted text of an instruction: it ends with a closing quote
    /// and what follows is not more quoted text.
    fn closes(&self, i: usize, para_key: &[u32]) -> bool {
        if !RE_CLOSE.is_match(self.text(i)) {
            return false;
        }
        let j = i + 1;
        if j >= self.n() {
            return true;
        }
        if !self.indented(j) {
            return RE_ANNEX.is_match(self.text(j));
        }
        matches!(
            self.seg_kind(j, para_key),
            Seg::NextPara | Seg::Verb | Seg::Context | Seg::Scope
        ) || is_signature(self.text(j))
            || is_note_start(self.text(j))
    }

    /// Handles a line inside an instructions paragraph; false when the paragraph has ended.
    pub(super) fn step_mods(&mut self, i: usize) -> bool {
        let text: &'a str = self.text(i);
        let ind = self.indented(i);
        let Some(m) = self.mods.as_ref() else {
            return false;
        };
        let (para, para_key) = (m.para, m.para_key.clone());
        if m.in_quote {
            let target = m.cur.unwrap_or(para);
            self.t.push(target, text, ind, Some(i));
            let closed = self.closes(i, &para_key);
            if let Some(m) = self.mods.as_mut() {
                m.in_quote = !closed;
            }
            return true;
        }
        if !m.intro_done {
            if !ind {
                self.t.push(para, text, false, Some(i));
                return true;
            }
            if let Some(m) = self.mods.as_mut() {
                m.intro_done = true;
            }
        }
        if !ind {
            if RE_ANNEX.is_match(text) || self.approval_at(i) {
                self.mods = None;
                return false;
            }
            let target = self.mods.as_ref().map_or(para, |m| m.last_target);
            self.t.push(target, text, false, Some(i));
            return true;
        }
        match self.seg_kind(i, &para_key) {
            Seg::NextPara => {
                self.mods = None;
                false
            }
            Seg::Quote => self.mods_quote(i, text, para, &para_key),
            Seg::Verb => self.mods_instruction(i, text, para),
            Seg::Context => {
                if let Some(m) = self.mods.as_mut() {
                    m.context = Some((text.to_string(), i));
                    m.context_used = false;
                    m.cur = None;
                    m.last_target = para;
                }
                true
            }
            Seg::Scope | Seg::Other => self.mods_other(i, text, para),
        }
    }

    /// An indented line that opens a quoted new wording: it goes to the current instruction
    /// (or the paragraph), and the quote stays open until a line closes it.
    fn mods_quote(&mut self, i: usize, text: &'a str, para: usize, para_key: &[u32]) -> bool {
        let target = self.mods.as_ref().and_then(|m| m.cur).unwrap_or(para);
        self.t.push(target, text, true, Some(i));
        let closed = self.closes(i, para_key);
        if let Some(m) = self.mods.as_mut() {
            m.last_target = target;
            m.in_quote = !closed;
        }
        true
    }

    /// An instruction sentence: a new `Instruction` unit under the paragraph, headed and
    /// prefixed by the context line it falls under (the first instruction under a context
    /// line carries the line's number).
    fn mods_instruction(&mut self, i: usize, text: &'a str, para: usize) -> bool {
        let seg = self.seg_text(i);
        let sub = !RE_TOP_TARGET.is_match(&seg);
        let para_eid = self.t.eid(para).to_string();
        let Some(m) = self.mods.as_mut() else {
            return false;
        };
        if !sub {
            m.context = None;
        }
        m.count += 1;
        let eid = format!("{para_eid}__mod_{}", m.count);
        let ctx = if sub { m.context.clone() } else { None };
        let ctx_line = if m.context_used {
            None
        } else {
            ctx.as_ref().map(|c| c.1)
        };
        if ctx.is_some() {
            m.context_used = true;
        }
        let u = self
            .t
            .open(Some(para), UnitKind::Instruction, None, eid, Some(i));
        if let Some((c, _)) = &ctx {
            self.t.nodes[u].heading = Some(c.clone());
            self.t.push(u, c.clone(), true, ctx_line);
        }
        self.t.push(u, text, ctx.is_none(), Some(i));
        if let Some(m) = self.mods.as_mut() {
            m.cur = Some(u);
            m.last_target = u;
        }
        self.cur = Some(u);
        true
    }

    /// Another indented line of the paragraph (a scope sentence, plain text): the paragraph's
    /// own text, unless it is a signature, which ends the instructions.
    fn mods_other(&mut self, i: usize, text: &'a str, para: usize) -> bool {
        if is_signature(text) {
            self.mods = None;
            return false;
        }
        self.t.push(para, text, true, Some(i));
        if let Some(m) = self.mods.as_mut() {
            m.cur = None;
            m.context = None;
            m.last_target = para;
        }
        self.cur = Some(para);
        true
    }
}
