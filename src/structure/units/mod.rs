//! The unit tree of a plain-text act (an order, a resolution, a joint order) as Adilet prints it.
//!
//! Layout rules the parser relies on (read off the corpus):
//! - a line indented by 5+ spaces starts a printed paragraph; a line with less indent continues
//!   the previous one (page breaks and wraps);
//! - the act's own body is a preamble and numbered paragraphs `1.` … with subparagraphs `1)`;
//!   the signatures and `КЕЛІСІЛДІ` blocks that follow are not law text and are dropped;
//! - `… бұйрығымен бекітілген` opens an attachment (`att_N`: approved Rules, a Regulation) with
//!   chapters (`1-тарау.`, or an unindented `3. Heading` when it is the next chapter number),
//!   or sections (`1. Жалпы ережелер`) when the attachment has no `тарау`, and paragraphs;
//! - `N-қосымша` at the end of an unindented line closes a header block and opens an appendix;
//!   the header says whose appendix it is (`…қағидаларына` → the attachment's, `…бұйрығына` →
//!   the act's); appendix content is kept as text (forms and tables, not provisions).
//!
//! Ids: paragraphs of an attachment keep flat ids (`att_1__para_14-1`) although the tree nests
//! them under their chapter, because paragraph numbers run on across chapters; subparagraphs
//! extend their paragraph's id (`att_1__para_3__subpara_1`). A printed number repeated in one
//! place (004's two `3)`) gets `_2` on its second occurrence (`para_11__subpara_3_2`).
//!
//! Amending acts: a paragraph whose first sentence says `… мынадай өзгерістер … енгізілсін:` is
//! split into one `Instruction` unit per instruction sentence (`para_1__mod_3`), each with its
//! quoted new wording; quoted text is never parsed as the act's own units. A context line such
//! as `3-тармақта:` is the heading of the instructions under it and prefixes their text, so each
//! instruction can be read alone. Sentences that set the scope (`көрсетілген бұйрықпен бекітілген
//! … қағидаларында:`) stay in the paragraph's own text.

mod mods;

use crate::extract::CleanLine;
use crate::model::{UnitKind, UnitStatus};
use crate::structure::common::*;
use crate::structure::tree::Tree;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

static RE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"жазылсын|толықтырылсын|тасталсын|ауыстырылсын|енгізілсін|шығарылсын|танылсын")
        .expect("valid regex")
});
static RE_TOP_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9]+(?:-[0-9]+)*\s*-\s*(?:тармақ[^ш]|тармақ$|қосымша|тарау|бөлім|бап)|Кіріспе|[Пп]реамбула|[Тт]ақырыб")
        .expect("valid regex")
});
static RE_CONTEXT_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"тармақ|қосымша|тарау|бөлім|абзац|Кіріспе").expect("valid regex"));
static RE_CLOSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"["»”][.;]\S*$"#).expect("valid regex"));
static RE_SIGNATURE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[А-ЯӘҒҚҢӨҰҮҺІ]\.\s?(?:[А-ЯӘҒҚҢӨҰҮҺІ]\.\s?)?[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһіё]+\s*_*$")
        .expect("valid regex")
});

/// A note's last words: the amending act (`… бұйрығымен`) or its commencement.
static RE_NOTE_COMPLETE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\p{L}+мен|енгізіледі\))[.)]*\s*$").expect("valid regex"));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Order,
    Signature,
    AttHeading,
    Att,
    Annex,
}

struct Mods {
    para: usize,
    para_key: Vec<u32>,
    intro_done: bool,
    in_quote: bool,
    cur: Option<usize>,
    last_target: usize,
    context: Option<(String, usize)>,
    context_used: bool,
    count: u32,
}

pub(crate) struct TextParser<'a> {
    pub t: Tree<'a>,
    vocab_words: HashSet<String>,
    vocab_squash: String,
    zone: Zone,
    cur: Option<usize>,
    preamble: Option<usize>,
    order_para: Option<(usize, Vec<u32>)>,
    /// Laws in text form: the act's own chapter, article, and the article's current part.
    act_chapter: Option<usize>,
    article: Option<(usize, Vec<u32>)>,
    art_para: Option<(usize, Vec<u32>)>,
    att: Option<usize>,
    att_count: u32,
    att_chapters: bool,
    att_last_sec: u32,
    sec: Option<usize>,
    att_para: Option<(usize, Vec<u32>)>,
    sub: Option<usize>,
    heading_of: Option<usize>,
    annex: Option<(usize, bool)>,
    annex_floor: usize,
    note_on: Option<usize>,
    note_pending: bool,
    mods: Option<Mods>,
}

fn prefix5(w: &str) -> String {
    w.chars().take(5).collect()
}

fn words(s: &str) -> Vec<String> {
    crate::structure::header::normalize_i(&crate::structure::lowercase(s))
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A line that starts a signature or approval block after the act's last paragraph.
pub(crate) fn is_signature(text: &str) -> bool {
    let s = squash(text);
    if s == "қазақстанреспубликасының" || s == "қазақстанреспубликасы"
    {
        return true;
    }
    if s.starts_with("министр") || s.starts_with("премьерминистр") || s.contains("келісілді")
    {
        return true;
    }
    let t = text.trim();
    t.chars().count() < 80 && !t.ends_with('.') && RE_SIGNATURE_NAME.is_match(t)
}

impl<'a> TextParser<'a> {
    /// `lines` are the non-blank lines; `header` is the printed header (title and issuance),
    /// whose words recognise the repeated header blocks above attachments and appendices.
    /// `clean_lines`: every line's text is collapsed (see [`Tree::new`]).
    pub fn new(lines: Vec<&'a CleanLine>, header: &str, clean_lines: bool) -> Self {
        let mut p = TextParser {
            t: Tree::new(lines, clean_lines),
            vocab_words: HashSet::new(),
            vocab_squash: String::new(),
            zone: Zone::Order,
            cur: None,
            preamble: None,
            order_para: None,
            act_chapter: None,
            article: None,
            art_para: None,
            att: None,
            att_count: 0,
            att_chapters: false,
            att_last_sec: 0,
            sec: None,
            att_para: None,
            sub: None,
            heading_of: None,
            annex: None,
            annex_floor: 0,
            note_on: None,
            note_pending: false,
            mods: None,
        };
        p.add_vocab(header);
        for w in [
            "бекітілген",
            "мен",
            "және",
            "бірлескен",
            "бұйрығына",
            "қаулысына",
        ] {
            p.vocab_words.insert(prefix5(w));
        }
        p
    }

    fn add_vocab(&mut self, s: &str) {
        for w in words(s) {
            self.vocab_words.insert(prefix5(&w));
        }
        self.vocab_squash.push_str(&squash(s));
        self.vocab_squash.push('|');
    }

    fn text(&self, i: usize) -> &'a str {
        self.t.lines[i].text.trim()
    }

    fn indented(&self, i: usize) -> bool {
        self.t.lines[i].indent >= 5
    }

    fn n(&self) -> usize {
        self.t.lines.len()
    }

    /// Whether a line is part of a repeated header block (the approving act's or the
    /// attachment's name, split into short lines).
    fn header_like(&self, i: usize) -> bool {
        let t = self.text(i);
        let sq = squash(t);
        if sq.is_empty() {
            return false;
        }
        // Letters only, so letter-spaced lines match too; the last word may take another case
        // ending than in the header (`регламентін` → `регламентіне`): the line with up to five
        // characters cut off (leaving at least six) is in the header. Every longer stem holds
        // the shortest one, so the shortest one alone decides.
        let n = sq.chars().count();
        if n >= 6 {
            let keep = n - (n - 6).min(5);
            let end = sq.char_indices().nth(keep).map_or(sq.len(), |(p, _)| p);
            if self.vocab_squash.contains(&sq[..end]) {
                return true;
            }
        }
        // `words(t)`, each word's first five characters looked up without copying them.
        let lower = crate::structure::header::normalize_i(&crate::structure::lowercase(t));
        let (mut total, mut hits) = (0usize, 0usize);
        for w in lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            total += 1;
            let end = w.char_indices().nth(5).map_or(w.len(), |(p, _)| p);
            if self.vocab_words.contains(&w[..end]) {
                hits += 1;
            }
        }
        if total == 0 {
            return false;
        }
        hits * 10 >= total * 7
    }

    /// The block of header lines right above line `i`, oldest first.
    fn header_block(&self, i: usize, floor: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut j = i;
        while j > floor && out.len() < 14 {
            let k = j - 1;
            if self.indented(k) || !self.header_like(k) {
                break;
            }
            if is_terminal(self.text(k)) && !self.text(k).ends_with("бұйрығына") {
                break;
            }
            out.push(k);
            let t = self.text(k);
            if t.starts_with('«') || t.starts_with('"') {
                break;
            }
            j = k;
        }
        out.reverse();
        out
    }

    /// Runs the parser over lines `start..`.
    pub fn run(&mut self, start: usize) {
        let mut i = start;
        while i < self.n() {
            self.step(i);
            i += 1;
        }
    }

    fn attach_note(&mut self, i: usize) {
        let Some(cur) = self.cur else {
            self.t.note_pending(self.text(i), i);
            self.note_pending = true;
            return;
        };
        let text = self.text(i).to_string();
        let mut target = cur;
        if let Some((kind, num)) = note_target(&text) {
            for a in self.t.ancestry(cur) {
                let n = &self.t.nodes[a];
                if n.kind == kind && (num.is_none() || n.num == num) {
                    target = a;
                    break;
                }
            }
        }
        self.t.note(target, &text, i);
        self.note_on = Some(target);
    }

    fn is_structural(&self, i: usize) -> bool {
        let t = self.text(i);
        RE_ANNEX.is_match(t)
            || RE_CHAPTER.is_match(t)
            || self.approval_at(i)
            || (matches!(self.zone, Zone::Att | Zone::AttHeading) && self.section_at(i).is_some())
    }

    fn approval_at(&self, i: usize) -> bool {
        // Cheap test first: the line must end in `…ген` / `…ді` (also letter-spaced).
        let t = self.text(i);
        if t.len() > 400 || !t.ends_with(['н', 'і']) {
            return false;
        }
        // The same test on the squashed text, read from the end without building it first
        // (`s == "бекітілді"` ends with it too).
        if !squash_ends_with(t, "бекітілген") && !squash_ends_with(t, "бекітілді")
        {
            return false;
        }
        let s = squash(t);
        if !(s.ends_with("бекітілген") || s == "бекітілді") || s.chars().count() > 60
        {
            return false;
        }
        let mut ctx = s.clone();
        if i > 0 {
            ctx.insert_str(0, &squash(self.text(i - 1)));
        }
        [
            "бұйрығымен",
            "қаулысымен",
            "шешімімен",
            "бұйрықпен",
            "қаулымен",
        ]
        .iter()
        .any(|w| ctx.contains(w))
    }

    /// An unindented `N. Heading` that is the attachment's next chapter or section.
    fn section_at(&self, i: usize) -> Option<(String, String)> {
        if self.indented(i) {
            return None;
        }
        let t = self.text(i);
        let c = RE_PARA.captures(t)?;
        let num = c[1].to_string();
        if num_key(&num) != vec![self.att_last_sec + 1] {
            return None;
        }
        let rest = t[c.get(0).map_or(0, |m| m.end())..].trim().to_string();
        let first = rest.chars().next()?;
        if !first.is_uppercase() {
            return None;
        }
        let prev_ok = self.zone == Zone::AttHeading
            || i == 0
            || self.indented(i - 1)
            || is_terminal(self.text(i - 1))
            || self.heading_of.is_some();
        prev_ok.then_some((num, rest))
    }

    /// Reads line `i`: the first handler that takes the line's kind consumes it, in order of
    /// precedence (a note's continuation, a note, an instruction, an appendix or attachment,
    /// the zone's own lines, a section or article, a heading's continuation, a numbered or
    /// indented line), and a line none takes continues the current unit.
    fn step(&mut self, i: usize) {
        let text = self.text(i);
        let ind = self.indented(i);
        if self.continue_note(i, text, ind) || self.note_line(i, text) {
            return;
        }
        if self.mods.is_some() && self.step_mods(i) {
            return;
        }
        if !ind && (self.try_annex(i) || self.try_attachment(i)) {
            return;
        }
        match self.zone {
            Zone::Signature => return,
            Zone::Annex => return self.annex_line(i, text, ind),
            Zone::Order | Zone::AttHeading | Zone::Att => {}
        }
        if matches!(self.zone, Zone::Att | Zone::AttHeading) && !ind && self.try_section(i) {
            return;
        }
        if self.zone == Zone::Order && self.mods.is_none() && self.try_article(i) {
            return;
        }
        if self.continue_heading(i, text, ind) {
            return;
        }
        if ind && self.indented_line(i, text) {
            return;
        }
        if let Some(c) = self.cur {
            self.t.push(c, text, ind, Some(i));
        }
    }

    /// An unindented line that continues a pending note or the last note of a unit, until
    /// the note is complete or a structural line begins; true when it took the line.
    fn continue_note(&mut self, i: usize, text: &'a str, ind: bool) -> bool {
        if self.note_pending {
            let done = self.t.last_pending().is_some_and(note_complete);
            if !ind && !done && !self.is_structural(i) {
                self.t.pending_continue(text, i);
                return true;
            }
            self.note_pending = false;
        }

        if let Some(u) = self.note_on {
            let done = self.t.nodes[u]
                .notes
                .last()
                .is_some_and(|(t, _)| note_complete(t));
            if !ind && !done && !self.is_structural(i) {
                self.t.note_continue(u, text, i);
                return true;
            }
            self.note_on = None;
        }
        false
    }

    /// A note (not one quoted inside an instruction) belongs to the unit it follows.
    fn note_line(&mut self, i: usize, text: &str) -> bool {
        let quoting = self.mods.as_ref().is_some_and(|m| m.in_quote);
        if is_note_start(text) && self.zone != Zone::Signature && !quoting {
            self.heading_of = None;
            self.attach_note(i);
            return true;
        }
        false
    }

    /// A line of an appendix: kept as text, its first unindented lines the heading.
    fn annex_line(&mut self, i: usize, text: &'a str, ind: bool) {
        if let Some((a, _)) = self.annex {
            if self.heading_of == Some(a) && !ind && !is_terminal(text) {
                if text != "Нысан" && !RE_ANNEX.is_match(text) {
                    self.push_heading(a, text);
                }
            } else {
                self.heading_of = None;
            }
            self.t.push(a, text, ind, Some(i));
        }
    }

    /// An unindented line after a heading continues it; an indented one ends it. True when
    /// it took the line.
    fn continue_heading(&mut self, i: usize, text: &'a str, ind: bool) -> bool {
        if let Some(h) = self.heading_of {
            if !ind {
                self.push_heading(h, text);
                self.t.push(h, text, false, Some(i));
                return true;
            }
            self.heading_of = None;
        }
        false
    }

    /// An indented line: a paragraph, a subparagraph, the signatures after the act's body
    /// (which end it), or, before the body, the preamble (opened here, and the line then
    /// continues it). True when it took the line.
    fn indented_line(&mut self, i: usize, text: &str) -> bool {
        if self.try_paragraph(i) || self.try_subparagraph(i) {
            return true;
        }
        let has_body = self.order_para.is_some() || self.article.is_some();
        if self.zone == Zone::Order && has_body && is_signature(text) {
            self.zone = Zone::Signature;
            self.cur = None;
            return true;
        }
        let before_body =
            self.order_para.is_none() && self.article.is_none() && self.act_chapter.is_none();
        if self.zone == Zone::Order && before_body {
            let p = match self.preamble {
                Some(p) => p,
                None => {
                    let p = self
                        .t
                        .open(None, UnitKind::Preamble, None, "preamble".into(), None);
                    self.preamble = Some(p);
                    p
                }
            };
            self.cur = Some(p);
        }
        false
    }

    fn push_heading(&mut self, u: usize, text: &str) {
        let h = self.t.nodes[u].heading.get_or_insert_with(String::new);
        if !h.is_empty() {
            h.push(' ');
        }
        h.push_str(text);
    }

    fn try_annex(&mut self, i: usize) -> bool {
        let text = self.text(i);
        let Some(c) = RE_ANNEX.captures(text) else {
            return false;
        };
        let num = c[1].to_string();
        let block = self.header_block(i, self.annex_floor);
        let prefix = &text[..c.get(1).map_or(0, |m| m.start())];
        let mut ctx = crate::structure::lowercase(prefix);
        for &b in &block {
            ctx.push(' ');
            ctx.push_str(&crate::structure::lowercase(self.text(b)));
        }
        let ctx = crate::structure::header::normalize_i(&ctx);
        let act_level = [
            "бұйрығына",
            "бұйрыққа",
            "қаулысына",
            "шешіміне",
            "өкіміне",
            "бірлескен",
        ]
        .iter()
        .any(|w| ctx.contains(w));
        let att_level = [
            "қағидаларына",
            "регламентіне",
            "ережесіне",
            "ережелеріне",
            "нұсқаулыққа",
            "тәртібіне",
            "стандартына",
            "тізбесіне",
        ]
        .iter()
        .any(|w| ctx.contains(w));
        let in_act_annex = matches!(self.annex, Some((_, true)));
        let to_att = if att_level && self.att.is_some() {
            true
        } else if act_level {
            false
        } else if in_act_annex {
            // An appendix of the amended Rules carried inside the act's own appendix: its
            // title, printed after the inner marker, is the better heading.
            if let Some((a, _)) = self.annex {
                if self.t.nodes[a].parts.len() <= 20 {
                    self.t.nodes[a].heading = None;
                    self.heading_of = Some(a);
                }
            }
            return false;
        } else {
            self.att.is_some()
        };
        // In the act's own body a marker needs a header above it or a line of its own.
        if self.zone == Zone::Order && block.is_empty() && !prefix.trim().is_empty() {
            return false;
        }
        if let Some(m) = self.mods.as_ref() {
            if m.in_quote {
                return false;
            }
        }
        self.mods = None;
        if let (Some(cur), Some(&first)) = (self.cur, block.first()) {
            self.t.take_back(cur, first);
        }
        let (parent, eid) = if to_att {
            let a = self.att.unwrap_or(0);
            (Some(a), format!("{}__annex_{num}", self.t.eid(a)))
        } else {
            (None, format!("annex_{num}"))
        };
        let u = self
            .t
            .open(parent, UnitKind::Annex, Some(num), eid, Some(i));
        self.t.nodes[u].extra_lines.extend(block);
        self.t
            .push(u, text.trim_start_matches(prefix).trim(), true, Some(i));
        self.annex = Some((u, !to_att));
        self.annex_floor = i;
        self.zone = Zone::Annex;
        self.cur = Some(u);
        self.heading_of = Some(u);
        self.sub = None;
        true
    }

    fn try_attachment(&mut self, i: usize) -> bool {
        if !self.approval_at(i) {
            return false;
        }
        if self.zone == Zone::Order && self.order_para.is_none() && self.article.is_none() {
            return false;
        }
        // Inside the act's own appendix, approval words are the appendix's text.
        if matches!(self.annex, Some((_, true))) && self.zone == Zone::Annex {
            return false;
        }
        let block = self.header_block(i, self.annex_floor);
        if matches!(self.zone, Zone::Att | Zone::AttHeading | Zone::Annex) && block.is_empty() {
            return false;
        }
        if let (Some(cur), Some(&first)) = (self.cur, block.first()) {
            if self.zone != Zone::Signature {
                self.t.take_back(cur, first);
            }
        }
        self.mods = None;
        self.att_count += 1;
        let eid = format!("att_{}", self.att_count);
        let u = self.t.open(None, UnitKind::Attachment, None, eid, Some(i));
        self.t.nodes[u].extra_lines.extend(block);
        self.att = Some(u);
        self.att_chapters = false;
        self.att_last_sec = 0;
        self.sec = None;
        self.att_para = None;
        self.sub = None;
        self.annex = None;
        self.annex_floor = i;
        self.zone = Zone::AttHeading;
        self.cur = Some(u);
        self.heading_of = Some(u);
        true
    }

    /// A law in text form: `1-тарау. …` / `I ТАРАУ` chapters (unindented) and `3-1-бап. …`
    /// articles of the act itself. Articles keep flat ids (`art_3-1`) under their chapter;
    /// their numbered parts are `art_3-1__para_1`.
    fn try_article(&mut self, i: usize) -> bool {
        let text = self.text(i);
        if !self.indented(i) {
            if let Some((num, heading)) = chapter_line(text) {
                let u = self.t.open(
                    None,
                    UnitKind::Chapter,
                    Some(num.clone()),
                    format!("chp_{num}"),
                    Some(i),
                );
                self.t.nodes[u].heading = Some(heading);
                self.t.push(u, text, true, Some(i));
                self.act_chapter = Some(u);
                self.article = None;
                self.art_para = None;
                self.cur = Some(u);
                self.heading_of = Some(u);
                return true;
            }
        }
        let Some(c) = RE_ARTICLE.captures(text) else {
            return false;
        };
        let rest = c[2].trim();
        if rest.chars().next().is_some_and(|ch| !ch.is_uppercase()) {
            return false;
        }
        let num = c[1].to_string();
        let key = num_key(&num);
        if let Some((_, last)) = &self.article {
            if key.as_slice() <= last.as_slice() {
                return false;
            }
        }
        let u = self.t.open(
            self.act_chapter,
            UnitKind::Article,
            Some(num.clone()),
            format!("art_{num}"),
            Some(i),
        );
        self.t.nodes[u].heading = Some(rest.to_string());
        mark_status(&mut self.t.nodes[u].status, rest);
        self.t.push(u, text, true, Some(i));
        self.article = Some((u, key));
        self.art_para = None;
        self.cur = Some(u);
        self.heading_of = None;
        true
    }

    fn try_section(&mut self, i: usize) -> bool {
        let Some(att) = self.att else {
            return false;
        };
        let text = self.text(i);
        let (num, kind) = if let Some(c) = RE_CHAPTER.captures(text) {
            self.att_chapters = true;
            (c[1].to_string(), UnitKind::Chapter)
        } else if let Some((num, _)) = self.section_at(i) {
            let kind = if self.att_chapters {
                UnitKind::Chapter
            } else {
                UnitKind::Section
            };
            (num, kind)
        } else {
            return false;
        };
        if let Some(&n) = num_key(&num).first() {
            self.att_last_sec = n;
        }
        let eid = format!("{}__{}_{num}", self.t.eid(att), kind.eid_prefix());
        let u = self.t.open(Some(att), kind, Some(num), eid, Some(i));
        let heading = match RE_CHAPTER.captures(text) {
            Some(c) => c[2].to_string(),
            None => RE_PARA
                .captures(text)
                .map(|c| text[c.get(0).map_or(0, |m| m.end())..].trim().to_string())
                .unwrap_or_default(),
        };
        self.t.nodes[u].heading = Some(heading);
        self.t.push(u, text, true, Some(i));
        self.sec = Some(u);
        self.zone = Zone::Att;
        self.cur = Some(u);
        self.heading_of = Some(u);
        self.sub = None;
        true
    }

    fn try_paragraph(&mut self, i: usize) -> bool {
        let text = self.text(i);
        let Some(c) = RE_PARA.captures(text) else {
            return false;
        };
        let num = c[1].to_string();
        let key = num_key(&num);
        let in_article = self.zone == Zone::Order && self.article.is_some();
        let (parent, eid, last) = match self.zone {
            Zone::Order if in_article => {
                let a = self.article.as_ref().map_or(0, |a| a.0);
                (
                    Some(a),
                    format!("{}__para_{num}", self.t.eid(a)),
                    self.art_para.as_ref(),
                )
            }
            Zone::Order => (None, format!("para_{num}"), self.order_para.as_ref()),
            Zone::Att | Zone::AttHeading => {
                let Some(att) = self.att else {
                    return false;
                };
                (
                    Some(self.sec.unwrap_or(att)),
                    format!("{}__para_{num}", self.t.eid(att)),
                    self.att_para.as_ref(),
                )
            }
            _ => return false,
        };
        if let Some((_, lk)) = last {
            if key.as_slice() <= lk.as_slice() {
                return false;
            }
        }
        let u = self
            .t
            .open(parent, UnitKind::Paragraph, Some(num), eid, Some(i));
        self.t.push(u, text, true, Some(i));
        mark_status(
            &mut self.t.nodes[u].status,
            &text[c.get(0).map_or(0, |m| m.end())..],
        );
        if in_article {
            self.art_para = Some((u, key));
        } else if self.zone == Zone::Order {
            self.order_para = Some((u, key.clone()));
            let seg = self.seg_text(i);
            if seg.contains("енгізілсін") && (seg.contains("өзгеріс") || seg.contains("толықтыру"))
            {
                self.mods = Some(Mods {
                    para: u,
                    para_key: key,
                    intro_done: false,
                    in_quote: false,
                    cur: None,
                    last_target: u,
                    context: None,
                    context_used: false,
                    count: 0,
                });
            }
        } else {
            self.zone = Zone::Att;
            self.att_para = Some((u, key));
        }
        self.cur = Some(u);
        self.sub = None;
        self.heading_of = None;
        true
    }

    fn try_subparagraph(&mut self, i: usize) -> bool {
        let text = self.text(i);
        let Some(c) = RE_SUBPARA.captures(text) else {
            return false;
        };
        let para = match self.zone {
            Zone::Order => self
                .art_para
                .as_ref()
                .or(self.article.as_ref())
                .or(self.order_para.as_ref())
                .map(|p| p.0),
            Zone::Att => self.att_para.as_ref().map(|p| p.0),
            _ => None,
        };
        let Some(para) = para else {
            return false;
        };
        let num = c[1].to_string();
        let eid = format!("{}__subpara_{num}", self.t.eid(para));
        let u = self
            .t
            .open(Some(para), UnitKind::Subparagraph, Some(num), eid, Some(i));
        self.t.push(u, text, true, Some(i));
        mark_status(
            &mut self.t.nodes[u].status,
            &text[c.get(0).map_or(0, |m| m.end())..],
        );
        self.sub = Some(u);
        self.cur = Some(u);
        true
    }

    /// Final touches: appendices and articles that notes say were deleted.
    pub fn finish(mut self) -> Vec<crate::model::Unit> {
        for n in &mut self.t.nodes {
            if let Some(num) = n.num.clone() {
                if n.notes.iter().any(|(t, _)| note_deletes(t, &num)) {
                    n.status = UnitStatus::Deleted;
                }
            }
        }
        self.t.move_tails();
        self.t.finish()
    }
}

/// Whether a note's text is complete: it ends with the amending act (`… бұйрығымен.`,
/// `… бұйрықтарымен`) or its commencement (`… қолданысқа енгізіледі).`), so the unindented
/// lines after it are no longer part of it.
pub(crate) fn note_complete(text: &str) -> bool {
    let t = text.trim_end();
    // A match ends the text with `мен`, `)` or `.`.
    t.ends_with(['н', ')', '.']) && RE_NOTE_COMPLETE.is_match(t)
}

/// Marks a unit deleted or pending from the words after its number.
pub(crate) fn mark_status(status: &mut UnitStatus, rest: &str) {
    let r = rest.trim();
    if RE_DELETED.is_match(r) {
        *status = UnitStatus::Deleted;
    } else if let Some(c) = RE_PENDING.captures(r).or_else(|| RE_PENDING_RU.captures(r)) {
        *status = UnitStatus::Pending {
            from: crate::text::parse_date(&c[1]),
        };
    }
}

#[cfg(test)]
mod tests;
