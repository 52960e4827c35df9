//! Laws, codes and orders in the Markdown layout of zan.gov.kz exports
//! (`../shared/data/versions`): YAML front matter, a `## Мазмұны` table of contents (skipped),
//! `# Title`, `## I ТАРАУ. …` chapters, `### 1-бап. …` articles, numbered parts `1.`,
//! subparagraphs `1)`, `> *Ескерту. …*` notes, blockquoted appendix headers ending in
//! `N-қосымша`, HTML tables.
//!
//! Ids: chapters `chp_N` (Roman numerals read as numbers), articles `art_N` (flat, although the
//! tree nests them under their chapter), parts `art_N__para_M`, subparagraphs
//! `art_N__para_M__subpara_K` or `art_N__subpara_K` in an article without parts; orders use
//! `para_N` and `para_N__subpara_K`; appendices `annex_N`. An article printed as `7-бап.` with
//! a note `7-бап алып тасталды`, or as `7-бап. Алып тасталды - …`, is a Deleted unit.
//!
//! Works whether or not the extractor kept the Markdown marks (`#`, `>`, `*`): rules read the
//! words, and marks are stripped here.

use crate::extract::{CleanLine, Extracted};
use crate::model::{Act, ActKind, UnitKind, UnitStatus};
use crate::structure::common::*;
use crate::structure::header;
use crate::structure::tree::{clean_spaces, Tree};
use crate::structure::units::mark_status;
use regex::Regex;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// A Markdown line with its marks taken off.
struct MdLine<'a> {
    /// Heading level (`#` count), 0 for none.
    level: usize,
    /// Borrowed from the line when taking the marks off left its words as they were.
    text: Cow<'a, str>,
}

fn strip(raw: &str, clean_lines: bool) -> MdLine<'_> {
    let mut t = raw.trim();
    while let Some(r) = t.strip_prefix('>') {
        t = r.trim_start();
    }
    let mut level = 0;
    while let Some(r) = t.strip_prefix('#') {
        level += 1;
        t = r;
    }
    let t = t.trim();
    // The tag pattern `<[^>]*>` replaced with a space, as the regex did.
    let text = match crate::extract::markdown::replace_tags(t) {
        Cow::Borrowed(t) => words_of(
            t.trim().trim_matches(|c| c == '*' || c == '_').trim(),
            clean_lines,
        ),
        Cow::Owned(no_tags) => Cow::Owned(clean_spaces(
            no_tags.trim().trim_matches(|c| c == '*' || c == '_').trim(),
        )),
    };
    MdLine { level, text }
}

/// `clean_spaces(t)`, borrowed when it would be `t` itself: always when `t` is a trimmed piece
/// of a collapsed line (`clean_lines`).
fn words_of(t: &str, clean_lines: bool) -> Cow<'_, str> {
    if clean_lines || crate::structure::is_collapsed(t.as_bytes()) {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(clean_spaces(t))
    }
}

/// Front matter read from the lines when the extractor passed none.
fn front_matter(lines: &[&CleanLine]) -> (BTreeMap<String, String>, usize) {
    let mut meta = BTreeMap::new();
    if lines.first().map(|l| l.text.trim()) != Some("---") {
        return (meta, 0);
    }
    let mut parent = String::new();
    for (i, l) in lines.iter().enumerate().skip(1) {
        let raw = l.text.as_str();
        if raw.trim() == "---" {
            return (meta, i + 1);
        }
        let nested = l.indent > 0 || raw.starts_with(' ');
        if let Some((k, v)) = raw.trim().split_once(':') {
            let k = k.trim().trim_start_matches("- ").to_string();
            let v = v.trim().trim_matches(['\'', '"']).to_string();
            if nested && !parent.is_empty() {
                meta.insert(format!("{parent}.{k}"), v);
            } else {
                if v.is_empty() {
                    parent = k.clone();
                } else {
                    parent.clear();
                }
                meta.insert(k, v);
            }
        }
    }
    (meta, 0)
}

/// `clean_lines`: every line's text is collapsed (see [`Tree::new`]).
pub(crate) fn build(
    doc: &Extracted,
    lines: Vec<&CleanLine>,
    clean_lines: bool,
) -> crate::Result<Act> {
    let (own_meta, body_start) = front_matter(&lines);
    let mut meta = own_meta;
    for (k, v) in &doc.meta {
        meta.insert(k.clone(), v.clone());
    }
    let md: Vec<MdLine> = lines.iter().map(|l| strip(&l.text, clean_lines)).collect();

    // Skip the table of contents: from `Мазмұны` to the `#` title (or the first line that is
    // not a contents entry).
    let mut start = body_start;
    if let Some(toc) = (start..md.len()).find(|&i| md[i].text == "Мазмұны") {
        let mut j = toc + 1;
        while j < md.len() {
            let m = &md[j];
            if m.level == 1 {
                break;
            }
            let entry = RE_ARTICLE.is_match(&m.text) || RE_ROMAN_CHAPTER.is_match(&m.text);
            if m.level == 0 && !entry {
                break;
            }
            j += 1;
        }
        start = j;
    }
    while start < md.len() && md[start].text.is_empty() {
        start += 1;
    }
    // The title: the first `#` heading, else the first line.
    let title_idx = (start..md.len())
        .find(|&i| md[i].level == 1)
        .or_else(|| (start..md.len()).find(|&i| lines[i].indent == 0 && md[i].level == 0))
        .unwrap_or(start);
    let title = md
        .get(title_idx)
        .map(|m| m.text.to_string())
        .unwrap_or_default();

    let mut act = crate::structure::empty_act(doc, title.clone(), ActKind::Other);
    let mut t = Tree::new(lines.clone(), clean_lines);
    let mut p = MdParser::default();
    let mut annex_headers: Vec<String> = Vec::new();
    for i in title_idx + 1..md.len() {
        p.step(&mut t, &md, i, &mut annex_headers);
    }
    for n in &mut t.nodes {
        if let Some(num) = n.num.clone() {
            // Printed as its number and heading only, with a note saying it was deleted.
            let bare = n.children.is_empty() && n.parts.len() <= 2;
            if bare && n.notes.iter().any(|(t, _)| note_deletes(t, &num)) {
                n.status = UnitStatus::Deleted;
            }
        }
    }
    t.move_tails();
    act.units = t.finish();

    // Kind: the form code, else the words of the text.
    let body_text: String = md[title_idx..]
        .iter()
        .map(|m| &*m.text)
        .collect::<Vec<_>>()
        .join("\n");
    let form = meta.get("form").cloned().unwrap_or_default();
    act.kind = header::kind_from_form(&form).unwrap_or_else(|| kind_from_body(&body_text, &title));
    // Issuances: the requisite line, else the header of an appendix naming this act.
    let requisite = meta
        .get("requisite")
        .or_else(|| meta.get("requisite.kaz"))
        .cloned()
        .unwrap_or_default();
    let mut facts = header::parse_issuance(&requisite);
    if facts.issuances.is_empty() {
        if let Some(i) = parse_russian_requisite(&requisite) {
            facts.issuances.push(i);
        }
    }
    if facts.issuances.is_empty() {
        for h in &annex_headers {
            let f = header::parse_issuance(h);
            if !f.issuances.is_empty() {
                facts.issuances = f.issuances;
                break;
            }
        }
    }
    if let Some(first) = facts.issuances.first_mut() {
        if first.date.is_none() {
            first.date = meta
                .get("approval_date")
                .or_else(|| meta.get("approved_on"))
                .and_then(|d| header::parse_date(d));
        }
        if matches!(
            act.kind,
            ActKind::Law | ActKind::ConstitutionalLaw | ActKind::Code
        ) && first.issuer_code == "other"
        {
            first.issuer_code = "parliament".into();
        }
    }
    act.issuances = facts.issuances;
    act.registration = facts.registration;
    act.status = match facts.status {
        crate::model::Status::InForce if requisite.is_empty() => crate::model::Status::Unknown,
        s => s,
    };
    if requisite.contains("Утратило силу") || requisite.contains("Күші жойылды")
    {
        act.status = crate::model::Status::Repealed {
            by: requisite
                .split_once("Утратило силу")
                .map(|(_, r)| r.trim().to_string()),
            on: None,
        };
    }
    if header::has_russian(&body_text) {
        act.languages.push("ru".into());
    }
    // The edition's date: front matter, else the source address, else the file name.
    let source = meta
        .get("source")
        .or_else(|| meta.get("source.kaz"))
        .cloned()
        .unwrap_or_default();
    act.version_date = meta
        .get("version_date")
        .or_else(|| meta.get("version_date.kaz"))
        .and_then(|d| header::parse_date(d))
        .or_else(|| source.rsplit('/').next().and_then(header::parse_date))
        .or_else(|| {
            RE_VERSION_IN_NAME
                .captures(&doc.source.file)
                .and_then(|c| header::parse_date(&c[1]))
        });
    act.id = header::act_id(act.kind, &act.issuances, &act.title);
    Ok(act)
}

/// `_v2023-01-15` in a file name: the edition's date.
static RE_VERSION_IN_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"_v([0-9]{4}-[0-9]{2}-[0-9]{2})").expect("valid regex"));
/// `Министр … от 4 января 2018 года № 11-1-4/1`: a Russian requisite line.
static RE_RUSSIAN_REQUISITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<issuer>.+?)\s+от\s+(?P<date>[0-9]{1,2}\s+\S+\s+[0-9]{4})\s+года\s+№\s*(?P<n>\S+?)[.,]?(?:\s|$)")
        .expect("valid regex")
});

/// Compiles this module's patterns now (see `crate::ingest::compile_patterns`).
pub(crate) fn compile_patterns() {
    LazyLock::force(&RE_VERSION_IN_NAME);
    LazyLock::force(&RE_RUSSIAN_REQUISITE);
}

fn parse_russian_requisite(s: &str) -> Option<crate::model::Issuance> {
    let c = RE_RUSSIAN_REQUISITE.captures(s)?;
    let issuer = c["issuer"].trim().to_string();
    Some(crate::model::Issuance {
        issuer_code: header::issuer_code(&issuer),
        issuer,
        date: header::parse_date(&format!("{} года", &c["date"])),
        number: Some(header::normalize_number(&c["n"])),
    })
}

/// Whether the lowercased body says `осы конституциялық заң`, without lowercasing the body: the
/// phrase is anchored at its `ц` (only `ц` and `Ц` lowercase to it) and compared character by
/// character (no character lowercases to several that include a Cyrillic letter or a space).
fn mentions_own_constitutional_law(body: &str) -> bool {
    const PHRASE: &str = "осы конституциялық заң";
    let before = PHRASE.chars().take_while(|&c| c != 'ц').count();
    let same = |c: char, p: char| {
        let mut l = c.to_lowercase();
        l.next() == Some(p) && l.next().is_none()
    };
    body.match_indices(['ц', 'Ц']).any(|(at, _)| {
        let head = body[..at].chars().rev().take(before);
        let want_head = PHRASE.chars().take(before).collect::<Vec<_>>();
        let head: Vec<char> = head.collect();
        if head.len() < before || !head.iter().rev().zip(&want_head).all(|(&c, &p)| same(c, p)) {
            return false;
        }
        let tail = PHRASE.chars().skip(before);
        let mut got = body[at..].chars();
        tail.into_iter()
            .all(|p| got.next().is_some_and(|c| same(c, p)))
    })
}

fn kind_from_body(body: &str, title: &str) -> ActKind {
    let tl = crate::structure::lowercase(title);
    if body.lines().any(|l| RE_ARTICLE.is_match(l)) {
        if mentions_own_constitutional_law(body) {
            return ActKind::ConstitutionalLaw;
        }
        if tl.contains("кодекс") {
            return ActKind::Code;
        }
        return ActKind::Law;
    }
    if body.contains("БҰЙЫРАМЫН") || body.contains("БҰЙЫРАМЫЗ") {
        return ActKind::Order;
    }
    if body.contains("ҚАУЛЫ ЕТЕДІ") {
        return ActKind::Resolution;
    }
    if body.contains("ШЕШІМ ҚАБЫЛДАДЫ") || body.contains("ШЕШТІ") {
        return ActKind::Decision;
    }
    ActKind::Other
}

/// A signature line after the last provision (`Қазақстан Республикасының Президенті`,
/// `Н.Онжанов`, `… мәслихаты сессиясының төрағасы`): bold in the export, plain after extraction.
fn is_md_signature(text: &str) -> bool {
    let t = text.trim();
    if t.chars().count() > 90 || is_terminal(t) {
        return false;
    }
    if crate::structure::units::is_signature(t) {
        return true;
    }
    let l = header::normalize_i(&crate::structure::lowercase(t));
    [
        "президенті",
        "бастығы",
        "төрағасы",
        "хатшысы",
        "министрі",
        "әкімі",
    ]
    .iter()
    .any(|w| l.ends_with(w))
}

#[derive(Default)]
struct MdParser {
    cur: Option<usize>,
    preamble: Option<usize>,
    chapter: Option<usize>,
    article: Option<usize>,
    para: Option<usize>,
    annex: Option<usize>,
    signature: bool,
    seen_unit: bool,
}

impl MdParser {
    /// The header lines above an appendix marker: up to six short lines, back to the one that
    /// starts `Қазақстан Республикасы…` (the approving act's name).
    fn header_block(md: &[MdLine], i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut j = i;
        while j > 0 && out.len() < 6 {
            let k = j - 1;
            let t: &str = &md[k].text;
            if t.is_empty() || squash(t).is_empty() || t.chars().count() > 70 || is_terminal(t) {
                break;
            }
            out.push(k);
            if t.starts_with("Қазақстан Республикасы") {
                out.reverse();
                return out;
            }
            j = k;
        }
        // No name line: keep only a dative line right above (`… бұйрығына`).
        out.truncate(1);
        out.retain(|&k| {
            let t = crate::structure::lowercase(&md[k].text);
            ["ына", "іне", "на", "не", "ға", "ге"]
                .iter()
                .any(|e| t.ends_with(e))
        });
        out
    }

    fn step<'a>(
        &mut self,
        t: &mut Tree<'a>,
        md: &'a [MdLine],
        i: usize,
        annex_headers: &mut Vec<String>,
    ) {
        let m = &md[i];
        let text: &'a str = &m.text;
        if text.is_empty() || text.starts_with("<a id") {
            return;
        }
        if !is_note_start(text) && text.chars().count() < 80 {
            if let Some(c) = RE_ANNEX.captures(text) {
                let num = c[1].to_string();
                let block = Self::header_block(md, i);
                annex_headers.push(
                    block
                        .iter()
                        .map(|&k| &*md[k].text)
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                if let (Some(cur), Some(&first)) = (self.cur, block.first()) {
                    t.take_back(cur, first);
                }
                let u = t.open(
                    None,
                    UnitKind::Annex,
                    Some(num.clone()),
                    format!("annex_{num}"),
                    Some(i),
                );
                t.nodes[u].extra_lines.extend(block);
                t.push(u, text, true, Some(i));
                if let Some(h) = md.get(i + 1).filter(|x| !x.text.is_empty()) {
                    if !is_note_start(&h.text) {
                        t.nodes[u].heading = Some(h.text.to_string());
                    }
                }
                self.annex = Some(u);
                self.cur = Some(u);
                self.para = None;
                self.article = None;
                self.signature = false;
                return;
            }
        }

        if is_note_start(text) {
            if self.cur.is_none() {
                t.note_pending(text, i);
            }
            if let Some(cur) = self.cur {
                let mut target = cur;
                if let Some((kind, num)) = note_target(text) {
                    for a in t.ancestry(cur) {
                        let n = &t.nodes[a];
                        if n.kind == kind && (num.is_none() || n.num == num) {
                            target = a;
                            break;
                        }
                    }
                }
                t.note(target, text, i);
            }
            return;
        }
        if let Some(a) = self.annex {
            t.push(a, text, true, Some(i));
            return;
        }
        if self.signature {
            return;
        }
        if let Some((num, heading)) = chapter_line(text) {
            let u = t.open(
                None,
                UnitKind::Chapter,
                Some(num.clone()),
                format!("chp_{num}"),
                Some(i),
            );
            t.nodes[u].heading = Some(heading);
            t.push(u, text, true, Some(i));
            self.chapter = Some(u);
            self.article = None;
            self.para = None;
            self.cur = Some(u);
            self.seen_unit = true;
            return;
        }
        if let Some(c) = RE_ARTICLE.captures(text) {
            let num = c[1].to_string();
            let u = t.open(
                self.chapter,
                UnitKind::Article,
                Some(num.clone()),
                format!("art_{num}"),
                Some(i),
            );
            let heading = c[2].trim().to_string();
            mark_status(&mut t.nodes[u].status, &heading);
            t.nodes[u].heading = Some(heading);
            t.push(u, text, true, Some(i));
            self.article = Some(u);
            self.para = None;
            self.cur = Some(u);
            self.seen_unit = true;
            return;
        }
        if let Some(c) = RE_PARA.captures(text) {
            let num = c[1].to_string();
            let (parent, eid) = match self.article {
                Some(a) => (Some(a), format!("{}__para_{num}", t.eid(a))),
                None => (self.chapter, format!("para_{num}")),
            };
            let u = t.open(parent, UnitKind::Paragraph, Some(num), eid, Some(i));
            t.push(u, text, true, Some(i));
            mark_status(
                &mut t.nodes[u].status,
                &text[c.get(0).map_or(0, |m| m.end())..],
            );
            self.para = Some(u);
            self.cur = Some(u);
            self.seen_unit = true;
            return;
        }
        if let Some(c) = RE_SUBPARA.captures(text) {
            if let Some(parent) = self.para.or(self.article) {
                let num = c[1].to_string();
                let eid = format!("{}__subpara_{num}", t.eid(parent));
                let u = t.open(
                    Some(parent),
                    UnitKind::Subparagraph,
                    Some(num),
                    eid,
                    Some(i),
                );
                t.push(u, text, true, Some(i));
                mark_status(
                    &mut t.nodes[u].status,
                    &text[c.get(0).map_or(0, |m| m.end())..],
                );
                self.cur = Some(u);
                return;
            }
        }
        if self.seen_unit && is_md_signature(text) {
            self.signature = true;
            return;
        }
        // Unnumbered text: an abzats of the current unit, or the preamble before any unit.
        let target = if self.seen_unit {
            self.cur
        } else {
            let p = match self.preamble {
                Some(p) => p,
                None => {
                    let p = t.open(None, UnitKind::Preamble, None, "preamble".into(), Some(i));
                    self.preamble = Some(p);
                    p
                }
            };
            self.cur = Some(p);
            Some(p)
        };
        if let Some(u) = target {
            t.push(u, text, true, Some(i));
        }
    }
}
