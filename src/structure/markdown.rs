//! Laws, codes, orders and decisions in the Markdown layout of zan.gov.kz exports and of the
//! public mirror (`kaz.md` / `rus.md`), in Kazakh and in Russian: YAML front matter, a table
//! of contents (`## Мазмұны` / `## Оглавление`, skipped: its entries are never the title nor
//! units), `# Title`, chapters (`## I ТАРАУ. …`, `1-тарау.`, `### Тарау 2.` / `## Глава I.`,
//! `Глава 1.`), articles (`### 1-бап. …`, `### 37-1 бап.` / `### Статья 1.`, and as a heading
//! line `### Статья 1` or `### Статья 1 Title`: see `common::heading_line`), numbered parts `1.`,
//! subparagraphs `1)`, notes (`> *Ескерту. …*`, `Ескертпе.` / `Сноска.`, `Примечание.`),
//! approval stamps, appendix headers, HTML tables (kept as text, a cell a line).
//!
//! Ids are the same in both languages, so the two expressions of one act share them:
//! - sections `sec_N` (`Раздел`, `N-бөлім`), chapters `chp_N` (Roman numerals read as
//!   numbers), paragraph groups `subsec_N` (`Параграф N`, `N-параграф`; numbered anew in each
//!   chapter, so their id extends the chapter's: `chp_5__subsec_2`), articles `art_N` (flat,
//!   although the tree nests them under their chapter), parts `art_N__para_M`, subparagraphs
//!   `art_N__para_M__subpara_K` or `art_N__subpara_K` in an article without parts;
//! - an order's or decision's own paragraphs `para_N`, `para_N__subpara_K`;
//! - an approval stamp (`… бұйрығымен бекітілген`, `БЕКІТІЛГЕН`, `Утверждены решением`,
//!   `Утверждено`, an unnumbered `… шешіміне қосымша` / `Приложение к решению`) opens an
//!   attachment `att_N` (approved Rules, a Regulation, a Register, a List) whose heading is the
//!   title printed after the stamp; its chapters are `att_N__chp_K` (also `## 3. Heading`
//!   when 3 is the next chapter number), its paragraphs `att_N__para_M` (flat, numbers run on
//!   across chapters), subparagraphs `att_N__para_M__subpara_K`;
//! - a numbered appendix (`2-ҚОСЫМША`, `Қағидалардың 1-қосымшасы`, `ПРИЛОЖЕНИЕ 1`,
//!   `Приложение 1 к правилам`) is the open attachment's (`att_1__annex_N`) unless its stamp
//!   names the act itself (`… бұйрығына`, `к приказу …`), or no attachment is open: `annex_N`.
//!   An appendix's content (forms, tables, lists, form fields `1.`–`14.` in or out of code
//!   fences) stays its text, as in the text layout: forms are not provisions. An appendix that
//!   is a document with chapters (`1-тарау`, `Глава 1`, a first `## 1. Heading`: a Methodology
//!   approved as the order's appendix) has them as units: `annex_1__chp_1`, `annex_1__para_N`.
//!
//! An attachment's text opens with its title, an appendix's with its number line and title
//! (as in the text layout); the other stamp lines, anchors (`<a id>`), code fences and
//! signature blocks are never text.
//!
//! A unit printed as its number and heading with a note that deletes it (`7-бап алып
//! тасталды`, `Статья 7 исключена`), or as `7-бап. Алып тасталды - …` / `Статья 21. Исключена
//! …`, is Deleted. A paragraph or subparagraph number glued after the end of the
//! previous one's last sentence (`…жүргізіледі.16. Қаңғыбас…`, `…водозаборах;7) находиться…`)
//! starts that next unit when it is the next number of the sequence.
//!
//! Approved Rules' chapters printed as a plain line, unnumbered (89455's Kazakh `Қорытынды
//! ережелер`, where the Russian text has `## 5. Заключительные положения`), are read as the
//! next chapter when they stand between one paragraph's last sentence and the next paragraph.
//!
//! Works whether or not the extractor kept the Markdown marks (`#`, `>`, `*`): rules read the
//! words, and marks are stripped here. A heading is a line the extractor left unindented.

use crate::extract::{CleanLine, Extracted};
use crate::model::{Act, ActKind, UnitKind, UnitStatus};
use crate::structure::common::*;
use crate::structure::header;
use crate::structure::tree::Tree;
use crate::structure::units::mark_status;
use crate::text::clean_spaces;
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
    if clean_lines || crate::text::is_collapsed(t.as_bytes()) {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(clean_spaces(t))
    }
}

/// Front matter read from the lines when the extractor passed none (a text file opening with
/// `---`), by the one reader of metadata in YAML, and the index of the line after it. A front
/// matter no `---` line closes is text, as extraction reads it. A value left out is not said
/// again here: extraction says what it reads, and this text had no front matter for it.
fn front_matter(lines: &[&CleanLine]) -> (BTreeMap<String, String>, usize) {
    if lines.first().map(|l| l.text.trim()) != Some("---") {
        return (BTreeMap::new(), 0);
    }
    let Some(end) = lines.iter().skip(1).position(|l| l.text.trim() == "---") else {
        return (BTreeMap::new(), 0);
    };
    // The lines' own indentation nests the YAML.
    let raw: Vec<String> = lines[1..=end]
        .iter()
        .map(|l| format!("{}{}", " ".repeat(usize::from(l.indent)), l.text))
        .collect();
    let raw: Vec<&str> = raw.iter().map(String::as_str).collect();
    let mut meta = crate::extract::markdown::front_matter(&raw);
    crate::extract::sidecar::take_unread(&mut meta);
    (meta, end + 2)
}

/// `clean_lines`: every line's text is collapsed (see [`Tree::new`]).
/// Also the first issuance (date and number) an attachment's approval stamp or an appendix's
/// header prints: what the text says of its own requisites, whatever its metadata says.
pub(crate) fn build(
    doc: &Extracted,
    lines: Vec<&CleanLine>,
    clean_lines: bool,
) -> crate::Result<(Act, Option<crate::model::Issuance>)> {
    let (own_meta, body_start) = front_matter(&lines);
    let mut meta = own_meta;
    for (k, v) in &doc.meta {
        meta.insert(k.clone(), v.clone());
    }
    let md: Vec<MdLine> = lines.iter().map(|l| strip(&l.text, clean_lines)).collect();
    let start = text_start(&md, &lines, body_start);
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
    let (units, annex_headers, stamps) = parse_units(lines, &md, start, title_idx, clean_lines);
    act.units = units;

    // Kind: the form code, else the words of the text.
    let body_text: String = md[title_idx..]
        .iter()
        .map(|m| &*m.text)
        .collect::<Vec<_>>()
        .join("\n");
    let form = meta.get("form").cloned().unwrap_or_default();
    act.kind = header::kind_from_form(&form).unwrap_or_else(|| kind_from_body(&body_text, &title));
    apply_requisite(&mut act, &meta, &annex_headers);
    if header::has_russian(&body_text) {
        act.languages.push("ru".into());
    }
    act.version_date = version_date(doc, &meta);
    act.id = header::act_id(act.kind, &act.issuances, &act.title);
    let stamped = stamps
        .iter()
        .chain(&annex_headers)
        .find_map(|h| stamp_issuance(h));
    Ok((act, stamped))
}

/// The act an attachment's stamp names: as a header prints an issuance (either language),
/// else as a Russian stamp does once its lead words («Приложение к решению …», «Утверждены
/// решением …») are taken away ([`parse_russian_stamp`]).
fn stamp_issuance(h: &str) -> Option<crate::model::Issuance> {
    header::parse_issuance(h)
        .issuances
        .into_iter()
        .next()
        .or_else(|| parse_russian_stamp(&RE_STAMP_LEAD.replace(h, "")))
}

/// The first line of the text after the front matter at `body_start`: blank lines and the
/// table of contents skipped.
fn text_start(md: &[MdLine], lines: &[&CleanLine], body_start: usize) -> usize {
    // Skip the table of contents: from `Мазмұны` to the `#` title (or the first line that is
    // not a contents entry).
    let mut start = body_start;
    while start < md.len() && md[start].text.is_empty() {
        start += 1;
    }
    // The contents open the text, before its title.
    if let Some(toc) = (start..md.len().min(start + 1))
        .find(|&i| md[i].text == "Мазмұны" || md[i].text == "Оглавление")
    {
        // The contents end at the title: the first heading line that is not an entry
        // (unnumbered entries such as `ОБЩАЯ ЧАСТЬ` are plain lines like the others); with no
        // such heading, at the first line that is not an entry.
        let is_entry = |j: usize| heading_line(&md[j].text, false).is_some();
        let own_line = |j: usize| md[j].level > 0 || lines[j].indent == 0;
        let title = (toc + 1..md.len())
            .find(|&j| md[j].level == 1 || own_line(j) && !md[j].text.is_empty() && !is_entry(j));
        start = title.unwrap_or_else(|| {
            (toc + 1..md.len())
                .find(|&j| md[j].level == 0 && !is_entry(j))
                .unwrap_or(md.len())
        });
    }
    while start < md.len() && md[start].text.is_empty() {
        start += 1;
    }
    start
}

/// The units of the lines after the title at `title_idx`, the headers of the appendices
/// (which may name the act's issuance when its requisite line does not) and the attachments'
/// approval stamps ([`MdParser::stamps`]).
fn parse_units<'a>(
    lines: Vec<&'a CleanLine>,
    md: &'a [MdLine],
    start: usize,
    title_idx: usize,
    clean_lines: bool,
) -> (Vec<crate::model::Unit>, Vec<String>, Vec<String>) {
    let mut t = Tree::new(lines, clean_lines);
    let mut p = MdParser::default();
    let mut annex_headers: Vec<String> = Vec::new();
    // The mirror prints the notes on a split code's whole text above its title, among the
    // notes on its deleted contents; they are the act's notes as if printed under the title.
    for (i, line) in md.iter().enumerate().take(title_idx).skip(start) {
        if is_whole_text_note(&line.text) {
            t.note_pending(&line.text, i);
        }
    }
    for i in title_idx + 1..md.len() {
        p.step(&mut t, md, i, &mut annex_headers);
    }
    p.place_deferred_notes(&mut t);
    let stamps = std::mem::take(&mut p.stamps);
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
    (t.finish(), annex_headers, stamps)
}

/// The act's issuances, registration and status from its requisite line in the front
/// matter, else from the header of an appendix that names the act.
fn apply_requisite(act: &mut Act, meta: &BTreeMap<String, String>, annex_headers: &[String]) {
    // Issuances: the requisite line, else the header of an appendix naming this act.
    let requisite = meta
        .get("requisite")
        .or_else(|| meta.get("requisite.kaz"))
        .cloned()
        .unwrap_or_default();
    // A note on the act's suspension by another act names that act, not this one's issuance.
    let issued = header::without_suspension_note(&requisite);
    let mut facts = header::parse_issuance(&issued);
    if facts.issuances.is_empty() {
        if let Some(i) = parse_russian_requisite(&issued) {
            facts.issuances.push(i);
        }
    }
    if facts.issuances.is_empty() {
        for h in annex_headers {
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
                .and_then(|d| crate::text::parse_date(d));
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
    if let Some(repealed) = header::repeal_in_requisite(&requisite) {
        act.status = repealed;
    }
    // The whole act suspended by another act (`Сноска. Действие приказа приостановлено -
    // приказом … от 16 октября 2003 года N 218`): a time of the act's own, under eid `""`.
    if let Some(suspended) = header::suspension_in_requisite(&requisite) {
        act.unit_times.retain(|t| !t.eid.is_empty());
        act.unit_times.push(suspended);
    }
}

/// The edition's date: front matter, else the source address, else the file name.
fn version_date(doc: &Extracted, meta: &BTreeMap<String, String>) -> Option<chrono::NaiveDate> {
    let source = meta
        .get("source")
        .or_else(|| meta.get("source.kaz"))
        .cloned()
        .unwrap_or_default();
    meta.get("version_date")
        .or_else(|| meta.get("version_date.kaz"))
        .and_then(|d| crate::text::parse_date(d))
        .or_else(|| source.rsplit('/').next().and_then(crate::text::parse_date))
        .or_else(|| {
            RE_VERSION_IN_NAME
                .captures(&doc.source.file)
                .and_then(|c| crate::text::parse_date(&c[1]))
        })
}

/// The words a Russian approval stamp prints before the act it names: `Приложение к`,
/// `Приложение 2 к`, `Утверждены`, `Утвержден приказом` (the kind word itself is left to
/// [`parse_russian_requisite`]).
static RE_STAMP_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:приложение(?:\s+№?\s*[0-9]+)?\s+к|утвержден[аоы]?)\s+")
        .expect("valid regex")
});
/// `_v2023-01-15` in a file name: the edition's date.
static RE_VERSION_IN_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"_v([0-9]{4}-[0-9]{2}-[0-9]{2})").expect("valid regex"));
/// `Министр … от 4 января 2018 года № 11-1-4/1`: a Russian requisite line; the day may be in
/// quotation marks (`решением маслихата от «20» мая 2015 года № 45-264`).
static RE_RUSSIAN_REQUISITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<issuer>.+?)\s+от\s+[«\x22]?(?P<d>[0-9]{1,2})[»\x22]?\s+(?P<m>\S+)\s+(?P<y>[0-9]{4})\s+года\s+№\s*(?P<n>\S+?)[.,]?(?:\s|$)")
        .expect("valid regex")
});
/// A stamp that prints the number before the date: `решением Алматинского областного
/// маслихата № 43-249 от «27» марта 2015 года`, `решению маслихата города Шымкент №
/// 69/628-6с от 14 сентября 2020 года`.
static RE_RUSSIAN_NUMBER_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<issuer>.+?)\s+№\s*(?P<n>\S+?)\s+от\s+[«\x22]?(?P<d>[0-9]{1,2})[»\x22]?\s+(?P<m>\S+)\s+(?P<y>[0-9]{4})\s+года")
        .expect("valid regex")
});

fn parse_russian_requisite(s: &str) -> Option<crate::model::Issuance> {
    RE_RUSSIAN_REQUISITE.captures(s).map(|c| issuance_of(&c))
}

/// The act a Russian approval stamp names, its words before the act's taken away
/// ([`RE_STAMP_LEAD`]): the date before the number as a requisite prints them, else the
/// number first as some stamps do ([`RE_RUSSIAN_NUMBER_FIRST`]).
fn parse_russian_stamp(s: &str) -> Option<crate::model::Issuance> {
    parse_russian_requisite(s)
        .or_else(|| RE_RUSSIAN_NUMBER_FIRST.captures(s).map(|c| issuance_of(&c)))
}

/// The issuance a match of [`RE_RUSSIAN_REQUISITE`] or [`RE_RUSSIAN_NUMBER_FIRST`] names.
fn issuance_of(c: &regex::Captures) -> crate::model::Issuance {
    let issuer = super::requisite::issuer_without_kind(&c["issuer"]).to_string();
    crate::model::Issuance {
        issuer_code: header::issuer_code(&issuer),
        issuer,
        date: crate::text::parse_date(&format!("{} {} {} года", &c["d"], &c["m"], &c["y"])),
        number: Some(header::normalize_number(&c["n"])),
        issuer_translated: None,
    }
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
    let kind = kind_from_words(body, title);
    if kind != ActKind::Other {
        return kind;
    }
    // Words of enactment printed with Latin look-alikes (`ШЕШIМ ҚАБЫЛДАДЫ`, a Latin `I`):
    // read as the Cyrillic words they show.
    match crate::text::fold_lookalikes(body) {
        std::borrow::Cow::Owned(folded) => kind_from_words(&folded, title),
        std::borrow::Cow::Borrowed(_) => kind,
    }
}

/// [`kind_from_body`] of the words as printed.
fn kind_from_words(body: &str, title: &str) -> ActKind {
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
    // The Russian text's words of enactment: a text read without its `meta.yaml` is still of
    // its kind.
    if body.contains("ПРИКАЗЫВАЮ") || body.contains("ПРИКАЗЫВАЕМ") {
        return ActKind::Order;
    }
    if body.contains("ПОСТАНОВЛЯЕТ") {
        return ActKind::Resolution;
    }
    if body.contains("РЕШИЛ:") || body.contains("РЕШИЛ ") || body.contains("РЕШИЛИ")
    {
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
        "басшысы",
        "атқарушы",
        "төрағасы",
        "хатшысы",
        "министрі",
        "әкімі",
    ]
    .iter()
    .any(|w| l.ends_with(w))
}

/// The Russian first words of a signature block's first line (`Председатель сессии …`,
/// `Руководитель Администрации …`, `Начальник Канцелярии …`) and of an approval block
/// (`«СОГЛАСОВАНО»:`).
fn is_russian_signature(text: &str) -> bool {
    if text.len() > 400 {
        return false;
    }
    let s = squash(text);
    if s.starts_with("согласовано") {
        return true;
    }
    // `Министерство …`, `Акимат …` name a body, not a signer.
    if text.chars().count() > 90
        || is_terminal(text)
        || s.starts_with("министерств")
        || s.starts_with("акимат")
    {
        return false;
    }
    [
        "председатель",
        "секретарь",
        "руководитель",
        "начальник",
        "министр",
        "аким",
        "исполняющийобязанности",
        "премьерминистр",
        "временноисполняющий",
        "президентреспублики",
    ]
    .iter()
    .any(|w| s.starts_with(w))
}

/// What an approval stamp line opens.
#[derive(Debug, Clone, PartialEq, Eq)]
enum StampKind {
    /// Approved Rules, a Regulation, a Register or List (`… бұйрығымен бекітілген`,
    /// `Утверждены решением`, an unnumbered `… шешіміне қосымша` / `Приложение к решению`).
    Attachment,
    /// A numbered appendix (`2-ҚОСЫМША`, `Қағидалардың 1-қосымшасы`, `ПРИЛОЖЕНИЕ 1`,
    /// `Приложение 1 к правилам`).
    Annex(String),
}

/// `… 1-қосымшасы` (`Қағидалардың 1-қосымшасы`): an appendix of the Rules, numbered.
static RE_ANNEX_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\s)([0-9]+(?:-[0-9]+)*)(?:\s*-\s*|\s+)қосымшасы\s*$")
        .expect("valid regex")
});
/// `ПРИЛОЖЕНИЕ 2`, `Приложение 1 к правилам`, `Приложение к решению`.
static RE_RU_ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:приложение)(?:\s+(?:№\s*)?([0-9]+(?:-[0-9]+)*))?(?:\s|$)")
        .expect("valid regex")
});

/// Words of a stamp that name the act itself (`… бұйрығына`, `к приказу …`), not its Rules.
fn names_the_act(block: &str) -> bool {
    let s = squash(block);
    STAMP_ACT_WORDS.iter().any(|w| s.contains(w))
}

/// The words of [`names_the_act`]: the kinds a stamp names, in the dative (`к приказу`,
/// `бұйрыққа`) and, in Kazakh, with the possessive (`бұйрығына`).
static STAMP_ACT_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    use crate::model::citation::codes::{kind_forms, KindCase};
    use crate::model::Lang;
    use ActKind::{Decision, Decree, Disposition, Order, Resolution};
    let all = [Order, Decision, Resolution, Disposition, Decree];
    let mut words = kind_forms(Lang::Kk, KindCase::PossessiveDative, &all);
    words.extend(kind_forms(
        Lang::Kk,
        KindCase::Dative,
        &[Order, Decision, Resolution],
    ));
    words.extend(kind_forms(Lang::Ru, KindCase::Dative, &all));
    words
});

/// Whether line `i` of a stamp is the approval or appendix line, and what it opens. The line
/// is short and not a provision; the approving words are read with Latin look-alikes as
/// Cyrillic (`шешiмiмен`).
fn stamp_at(md: &[MdLine], i: usize) -> Option<StampKind> {
    let text: &str = &md[i].text;
    // A stamp's lines are short and never end a sentence: most lines stop here.
    if text.len() > 400
        || is_terminal(text)
        || text.chars().count() > 100
        || is_note_start(text)
        || RE_PARA.is_match(text)
    {
        return None;
    }
    if let Some(c) = RE_ANNEX
        .captures(text)
        .or_else(|| RE_ANNEX_OF.captures(text))
    {
        return Some(StampKind::Annex(c[1].to_string()));
    }
    let s = squash(text);
    if s.starts_with("утвержден") && s.chars().count() <= 40 && !text.trim_end().ends_with('.')
    {
        return Some(StampKind::Attachment);
    }
    if let Some(c) = RE_RU_ANNEX.captures(text) {
        if text.trim_end().ends_with('.') {
            return None;
        }
        return match c.get(1) {
            Some(n) => Some(StampKind::Annex(n.as_str().to_string())),
            // `Приложение к решению`, or `Приложение` over `к приказу …` on the next line.
            None => {
                let next = md.get(i + 1).map_or("", |m| &*m.text);
                (names_the_act(text) || next.chars().count() <= 100 && names_the_act(next))
                    .then_some(StampKind::Attachment)
            }
        };
    }
    // `… бұйрығымен бекітілген`, or `БЕКІТІЛГЕН` under `№ … бұйрығымен`.
    if s.ends_with("бекітілген") || s.ends_with("бекітілді") {
        let mut ctx = s.clone();
        if let Some(prev) = i.checked_sub(1).and_then(|k| md.get(k)) {
            ctx.insert_str(0, &squash(&prev.text));
        }
        let by_act = [
            "бұйрығымен",
            "қаулысымен",
            "шешімімен",
            "бұйрықпен",
            "қаулымен",
            "өкімімен",
            "жарлығымен",
        ]
        .iter()
        .any(|w| ctx.contains(w));
        if by_act && s.chars().count() <= 60 {
            return Some(StampKind::Attachment);
        }
        return None;
    }
    // `№ 64-340 шешіміне қосымша` (or `қосымша` under `… шешіміне`): the act's only,
    // unnumbered appendix holds its Rules.
    if s.ends_with("қосымша") {
        let prev = i
            .checked_sub(1)
            .and_then(|k| md.get(k))
            .map_or("", |m| &*m.text);
        if names_the_act(text) || s == "қосымша" && names_the_act(prev) {
            return Some(StampKind::Attachment);
        }
    }
    None
}

/// A paragraph (`mark` `.`) or subparagraph (`)`) number glued after the end of a sentence of
/// the previous one (`…жүргізіледі.16. Қаңғыбас…`, `…водозаборах;7) находиться…`): where
/// `next` begins in `text`, when it follows `.`, `;` or `:` and is followed by a space and a
/// word.
fn glued_at(text: &str, next: &str, mark: char) -> Option<usize> {
    let pat = format!("{next}{mark}");
    let mut from = 0;
    while let Some(p) = text[from..].find(&pat).map(|p| from + p) {
        let before = text[..p].trim_end();
        let after = &text[p + pat.len()..];
        let boundary = !text[..p].ends_with(|c: char| c.is_ascii_digit() || c == '-');
        // A sentence's end after a word (`жүргізіледі.`), not a number's dot (`3.6.`).
        let ends = before.ends_with(['.', ';', ':'])
            && before[..before.len() - 1]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_ascii_digit() && !c.is_whitespace());
        let word = after.starts_with(' ')
            && after
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '«' || c == '"');
        if boundary && ends && word {
            return Some(p);
        }
        from = p + pat.len();
    }
    None
}

/// Whether a heading line inside an appendix opens chapters of its own: `1-тарау. …`,
/// `Глава 1. …`, `I ТАРАУ`, a section, or `1. Жалпы ережелер` (a first chapter printed as a
/// numbered heading). Forms and tables print no such headings.
fn structured_annex_starts(text: &str) -> bool {
    if let Some(h) = heading_line(text, true) {
        return matches!(h.kind, HeadKind::Chapter | HeadKind::Section);
    }
    RE_PARA.captures(text).is_some_and(|c| {
        &c[1] == "1"
            && text[c.get(0).map_or(0, |m| m.end())..]
                .trim()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    })
}

/// `II. Heading`: a Roman number (Cyrillic `І` read as `I`), a period, and the heading words.
fn roman_numbered(text: &str) -> Option<(u32, &str)> {
    let (num, rest) = text.split_once('.')?;
    let rest = rest.strip_prefix(' ')?.trim();
    if rest.is_empty() {
        return None;
    }
    Some((roman(num)?, rest))
}

/// The number after `num` in a plain sequence (`15` → `16`); none for `3-1`.
fn next_number(num: &str) -> Option<String> {
    num.parse::<u32>().ok().map(|n| (n + 1).to_string())
}

#[derive(Default)]
struct MdParser {
    cur: Option<usize>,
    preamble: Option<usize>,
    section: Option<usize>,
    chapter: Option<usize>,
    subsection: Option<usize>,
    article: Option<usize>,
    para: Option<usize>,
    sub: Option<usize>,
    annex: Option<usize>,
    /// The open attachment (approved Rules, a Regulation, a Register, a List).
    att: Option<usize>,
    att_count: u32,
    /// The last chapter number of the open attachment, for `## 3. Heading` chapters.
    att_last_chp: u32,
    /// An attachment or appendix whose stamp is being read: its heading comes next.
    stamp: Option<usize>,
    /// The words of every attachment's approval stamp, in order: they name the act that
    /// approves it, this one.
    stamps: Vec<String>,
    signature: bool,
    seen_unit: bool,
    /// Notes that name a unit not yet opened when they were printed (`Примечание. Пункт 1 …`
    /// right under its article's heading): the unit holding the note for now, the note's index
    /// there, and the named unit.
    deferred: Vec<(usize, usize, UnitKind, Option<String>)>,
    /// The unit whose last note stopped short of its amending act's date, to go on in the next
    /// paragraph ([`note_goes_on`]).
    note_open: Option<usize>,
}

/// A paragraph that opens with an amending act's date or number (`1999.05.06. N 379, …`,
/// `N 379 Заңымен; …`).
static NOTE_TAIL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9]{4}\.[0-9]{2}\.[0-9]{2}|[0-9]{2}\.[0-9]{2}\.[0-9]{4}|(?:N|№)\s*[0-9])")
        .expect("static regex")
});

/// Whether a note the mirror breaks over two paragraphs goes on in `next`: the note stops with
/// no full stop or bracket (`Ескерту. 4-бапқа өзгерту енгізілді - Қазақстан Республикасының`,
/// `… - ҚР 1999.05.06`) and the next paragraph opens with an act's date or number
/// (`1999.05.06. N 379, 2007.06.19. N 267 Конституциялық Заңдарымен.`).
pub(crate) fn note_goes_on(note: &str, next: &str) -> bool {
    let n = note.trim_end_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    !n.ends_with(['.', ')', ';']) && NOTE_TAIL_RE.is_match(next.trim_start())
}

impl MdParser {
    /// Closes every structural level and the signature block: what a new attachment or
    /// appendix does, which starts its own numbering.
    fn close_levels(&mut self) {
        self.section = None;
        self.chapter = None;
        self.subsection = None;
        self.article = None;
        self.para = None;
        self.sub = None;
        self.signature = false;
    }

    /// The header lines above an appendix marker: up to six short lines, back to the one that
    /// starts `Қазақстан Республикасы…` (the approving act's name), else to the nearest issuer
    /// name in the genitive above a date or number line.
    fn header_block(md: &[MdLine], i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        // How many lines up to the nearest issuer line in the genitive, if one was met.
        let mut named: Option<usize> = None;
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
            // The issuer's name in the genitive (`Алматы облыстық мәслихатының`) over a date or
            // number line (`2020 жылғы …`, `№ 64-340 шешіміне`) starts the block when no
            // `Қазақстан Республикасы` line above does.
            let l = crate::structure::lowercase(t);
            let issuer = t.chars().next().is_some_and(char::is_uppercase)
                && ["ның", "нің", "дың", "дің", "тың", "тің"]
                    .iter()
                    .any(|e| l.ends_with(e));
            let dated = out[..out.len() - 1].iter().any(|&x| {
                let x: &str = &md[x].text;
                x.contains('№') || x.contains("жылғы")
            });
            if issuer && dated && named.is_none() {
                named = Some(out.len());
            }
            j = k;
        }
        if let Some(n) = named {
            out.truncate(n);
            out.reverse();
            return out;
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

    /// The stamp's lines after its approval or appendix line, up to the heading that follows
    /// (`к приказу …`, `от …`, `№ …`, `Нысан`, `Форма`).
    fn stamp_tail(t: &Tree, md: &[MdLine], i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut j = i + 1;
        while j < md.len() && out.len() < 10 {
            if md[j].text.is_empty() {
                j += 1;
                continue;
            }
            if !stamp_tail_line(t, md, j) {
                break;
            }
            out.push(j);
            j += 1;
        }
        out
    }

    /// Opens the attachment or appendix an approval stamp at line `i` announces.
    /// Returns the unit and the text of the header block above the stamp's line; an
    /// attachment's whole stamp (`Приложение к решению … от 15 декабря 2020 года № 64-340`)
    /// goes to [`MdParser::stamps`].
    fn open_stamp<'a>(
        &mut self,
        t: &mut Tree<'a>,
        md: &'a [MdLine],
        i: usize,
        kind: StampKind,
    ) -> (usize, String) {
        // Russian stamps open with their approval or appendix line (`ПРИЛОЖЕНИЕ 2`,
        // `Утверждены`): nothing above them is theirs.
        let top = {
            let text: &str = &md[i].text;
            RE_RU_ANNEX.is_match(text) || squash(text).starts_with("утвержден")
        };
        let block = if top {
            Vec::new()
        } else {
            Self::header_block(md, i)
        };
        let header = block
            .iter()
            .map(|&k| &*md[k].text)
            .collect::<Vec<_>>()
            .join(" ");
        if let (Some(cur), Some(&first)) = (self.cur, block.first()) {
            t.take_back(cur, first);
        }
        let tail = Self::stamp_tail(t, md, i);
        let words: String = block
            .iter()
            .chain(std::iter::once(&i))
            .chain(tail.iter())
            .map(|&k| &*md[k].text)
            .collect::<Vec<_>>()
            .join(" ");
        let u = match kind {
            StampKind::Attachment => {
                self.stamps.push(words.clone());
                self.open_attachment(t, i)
            }
            StampKind::Annex(num) => {
                let (parent, eid) = match self.att {
                    Some(a) if !names_the_act(&words) => {
                        (Some(a), format!("{}__annex_{num}", t.eid(a)))
                    }
                    _ => {
                        self.att = None;
                        (None, format!("annex_{num}"))
                    }
                };
                let u = t.open(parent, UnitKind::Annex, Some(num), eid, Some(i));
                // The appendix's text opens with its number line (`1-ҚОСЫМША`, `ПРИЛОЖЕНИЕ
                // 1`) and title, as the text layout's appendices do.
                t.push(u, &*md[i].text, true, Some(i));
                self.annex = Some(u);
                u
            }
        };
        t.nodes[u].extra_lines.extend(block);
        self.close_levels();
        self.seen_unit = true;
        self.cur = Some(u);
        self.stamp = Some(u);
        (u, header)
    }

    /// Opens the next attachment at line `i`.
    fn open_attachment(&mut self, t: &mut Tree<'_>, i: usize) -> usize {
        self.att_count += 1;
        let u = t.open(
            None,
            UnitKind::Attachment,
            None,
            format!("att_{}", self.att_count),
            Some(i),
        );
        self.att = Some(u);
        self.att_last_chp = 0;
        self.annex = None;
        u
    }

    /// Where a structural unit goes: its parent, and the prefix of its eid (the open
    /// attachment's, for units of approved Rules).
    fn prefix(&self, t: &Tree) -> String {
        self.att
            .map(|a| format!("{}__", t.eid(a)))
            .unwrap_or_default()
    }

    fn open_heading(&mut self, t: &mut Tree<'_>, h: HeadingLine, i: usize) -> usize {
        let prefix = self.prefix(t);
        let num = h.num.clone();
        let (parent, kind, eid) = match h.kind {
            HeadKind::Section => (self.att, UnitKind::Section, format!("{prefix}sec_{num}")),
            HeadKind::Chapter => (
                self.section.or(self.att),
                UnitKind::Chapter,
                format!("{prefix}chp_{num}"),
            ),
            HeadKind::Subsection => {
                // Paragraph groups are numbered anew in each chapter: their id extends the
                // chapter's.
                let within = self.chapter.or(self.section);
                let eid = match within {
                    Some(c) => format!("{}__subsec_{num}", t.eid(c)),
                    None => format!("{prefix}subsec_{num}"),
                };
                (within.or(self.att), UnitKind::Section, eid)
            }
            HeadKind::Article => (
                self.subsection
                    .or(self.chapter)
                    .or(self.section)
                    .or(self.att),
                UnitKind::Article,
                format!("{prefix}art_{num}"),
            ),
        };
        let u = t.open(parent, kind, Some(num), eid, Some(i));
        // `Статья 21. Исключена …`, `3-тарау. Алып тасталды …`.
        mark_status(&mut t.nodes[u].status, &h.heading);
        t.nodes[u].heading = Some(h.heading);
        match h.kind {
            HeadKind::Section => {
                self.section = Some(u);
                self.chapter = None;
                self.subsection = None;
            }
            HeadKind::Chapter => {
                self.chapter = Some(u);
                self.subsection = None;
                if self.att.is_some() {
                    if let Ok(n) = t.nodes[u].num.as_deref().unwrap_or("").parse::<u32>() {
                        self.att_last_chp = n;
                    }
                }
            }
            HeadKind::Subsection => self.subsection = Some(u),
            HeadKind::Article => {}
        }
        self.article = (h.kind == HeadKind::Article).then_some(u);
        self.para = None;
        self.sub = None;
        self.cur = Some(u);
        self.seen_unit = true;
        u
    }

    /// Reads line `i`: markup is skipped, and the first handler that takes the line's kind
    /// consumes it, in order of precedence (a stamp's tail or title, a note, a stamp, an
    /// appendix's text, the lines after the signatures, a chapter or article heading, a
    /// numbered paragraph or subparagraph), and plain text goes to [`MdParser::plain_line`].
    fn step<'a>(
        &mut self,
        t: &mut Tree<'a>,
        md: &'a [MdLine],
        i: usize,
        annex_headers: &mut Vec<String>,
    ) {
        let m = &md[i];
        let text: &'a str = &m.text;
        // Anchors, code fences and rules (`––––`, `____`) are markup, never text.
        let rule = |c: char| matches!(c, '`' | '-' | '–' | '—' | '_' | '=' | '~' | '*') || c == ' ';
        if text.is_empty() || text.starts_with("<a id") || text.chars().all(rule) {
            return;
        }
        if self.note_tail(t, text, i) {
            return;
        }
        let heading = is_heading(t, md, i);
        if self.stamp_line(t, md, i, heading) || self.note_line(t, text, i) {
            return;
        }
        if !heading && self.stamp_opens(t, md, i, annex_headers) {
            return;
        }
        if self.annex_line(t, text, heading, i) || self.after_signature(t, text, heading, i) {
            return;
        }
        if self.heading_opens(t, text, heading, i) || self.numbered_line(t, text, heading, i) {
            return;
        }
        self.plain_line(t, md, i);
    }

    /// A line after an approval stamp: the stamp's tail, or the title of the attachment or
    /// appendix it opened. True when it took the line.
    fn stamp_line<'a>(
        &mut self,
        t: &mut Tree<'a>,
        md: &'a [MdLine],
        i: usize,
        heading: bool,
    ) -> bool {
        let Some(u) = self.stamp else {
            return false;
        };
        let text: &'a str = &md[i].text;
        if heading {
            self.stamp = None;
            if heading_line(text, true).is_none() {
                // The attachment's or appendix's title: its heading, and the first
                // line of its text, as in the text layout.
                t.nodes[u].heading = Some(text.to_string());
                t.push(u, text, true, Some(i));
                return true;
            }
        } else if stamp_tail_line(t, md, i) {
            t.nodes[u].extra_lines.push(i);
            return true;
        } else if !is_note_start(text) {
            // A note between the stamp and the title (`Сноска. Приложение 2 в редакции
            // …`) is the unit's; the title may still follow it.
            self.stamp = None;
        }
        false
    }

    /// A note: the current unit's, or the unit it names among the current unit and its
    /// ancestors; before any unit, kept pending. True when it took the line.
    fn note_line<'a>(&mut self, t: &mut Tree<'a>, text: &'a str, i: usize) -> bool {
        if !is_note_start(text) {
            return false;
        }
        if self.cur.is_none() {
            t.note_pending(text, i);
        }
        if let Some(cur) = self.cur {
            // The unit a note says was added (`Глава I дополнена статьей 3-1`), else the
            // first unit it names, among the current unit and its ancestors.
            let named = note_target(text);
            let found =
                note_added(text)
                    .into_iter()
                    .chain(named.clone())
                    .find_map(|(kind, num)| {
                        t.ancestry(cur).into_iter().find(|&a| {
                            let n = &t.nodes[a];
                            n.kind == kind && (num.is_none() || n.num == num)
                        })
                    });
            let target = found.unwrap_or(cur);
            if found.is_none() {
                if let Some((kind, num)) = named {
                    self.deferred
                        .push((cur, t.nodes[cur].notes.len(), kind, num));
                }
            }
            t.note(target, text, i);
            self.note_open = Some(target);
        }
        true
    }

    /// The paragraph that finishes the last note ([`note_goes_on`]). True when it took the line.
    fn note_tail(&mut self, t: &mut Tree<'_>, text: &str, i: usize) -> bool {
        let Some(u) = self.note_open.take() else {
            return false;
        };
        let open = t.nodes[u]
            .notes
            .last()
            .is_some_and(|(note, _)| note_goes_on(note, text));
        if open {
            t.note_continue(u, text, i);
        }
        open
    }

    /// An approval stamp (`… бұйрығымен бекітілген`, `Приложение N к …`) that opens an
    /// attachment or appendix. True when it took the line.
    fn stamp_opens<'a>(
        &mut self,
        t: &mut Tree<'a>,
        md: &'a [MdLine],
        i: usize,
        annex_headers: &mut Vec<String>,
    ) -> bool {
        let Some(kind) = stamp_at(md, i) else {
            return false;
        };
        // A stamp in the act's own text needs the act to have provisions first.
        if !(self.seen_unit || self.signature) {
            return false;
        }
        let (u, header) = self.open_stamp(t, md, i, kind);
        if t.nodes[u].kind == UnitKind::Annex {
            annex_headers.push(header);
        }
        true
    }

    /// A line of an appendix: its text, unless a heading turns it into a document with
    /// chapters. True when it took the line.
    fn annex_line<'a>(&mut self, t: &mut Tree<'a>, text: &'a str, heading: bool, i: usize) -> bool {
        let Some(a) = self.annex else {
            return false;
        };
        if !(heading && structured_annex_starts(text)) {
            t.push(a, text, true, Some(i));
            return true;
        }
        // An appendix that is a document with chapters (a Methodology approved as the
        // order's `1-қосымша`): its chapters and paragraphs are units under it
        // (`annex_1__chp_1`, `annex_1__para_3`), as an attachment's are.
        self.att = Some(a);
        self.annex = None;
        self.att_last_chp = 0;
        false
    }

    /// A line after what looked like the act's signatures: a chapter or article heading
    /// shows the text goes on, a title opens the document the act approves, anything else
    /// is dropped. True when it took the line.
    fn after_signature<'a>(
        &mut self,
        t: &mut Tree<'a>,
        text: &'a str,
        heading: bool,
        i: usize,
    ) -> bool {
        if self.signature && heading && heading_line(text, true).is_some() {
            // A chapter or article heading: the text goes on, so what looked like a signature
            // (a short line ending `… төрағасы`) was not the end of the act.
            self.signature = false;
        }
        if !self.signature {
            return false;
        }
        // A titled text after the act's signatures with no approval stamp (`## П Р О Г Р
        // А М М А по …` under `1. Утвердить Программу … (прилагается).`): the document
        // the act approves.
        if heading && heading_line(text, true).is_none() && roman_numbered(text).is_none() {
            let u = self.open_attachment(t, i);
            t.nodes[u].heading = Some(text.to_string());
            t.push(u, text, true, Some(i));
            self.close_levels();
            self.cur = Some(u);
        }
        true
    }

    /// A heading that opens a chapter, section or article: `### II. …` (an attachment's
    /// next chapter in Roman) or a heading line. True when it took the line.
    fn heading_opens<'a>(
        &mut self,
        t: &mut Tree<'a>,
        text: &'a str,
        heading: bool,
        i: usize,
    ) -> bool {
        // `### II. Пенсионное обеспечение`: the attachment's next chapter, numbered in Roman.
        if heading && self.att.is_some() {
            if let Some((n, rest)) = roman_numbered(text) {
                if n == self.att_last_chp + 1 && rest.chars().next().is_some_and(char::is_uppercase)
                {
                    let h = HeadingLine {
                        kind: HeadKind::Chapter,
                        num: n.to_string(),
                        heading: rest.to_string(),
                    };
                    let u = self.open_heading(t, h, i);
                    t.push(u, text, true, Some(i));
                    return true;
                }
            }
        }
        if let Some(h) = heading_line(text, heading) {
            let u = self.open_heading(t, h, i);
            t.push(u, text, true, Some(i));
            return true;
        }
        false
    }

    /// `N.` (a paragraph, or an attachment's next chapter printed as a heading) or `N)` (a
    /// subparagraph of the current paragraph or article). True when it took the line.
    fn numbered_line<'a>(
        &mut self,
        t: &mut Tree<'a>,
        text: &'a str,
        heading: bool,
        i: usize,
    ) -> bool {
        if let Some(c) = RE_PARA.captures(text) {
            let num = c[1].to_string();
            let rest = text[c.get(0).map_or(0, |m| m.end())..].trim();
            // `## 3. Выгул собак и кошек`: approved Rules' next chapter, printed as a heading.
            if heading
                && self.att.is_some()
                && num_key(&num) == vec![self.att_last_chp + 1]
                && rest.chars().next().is_some_and(char::is_uppercase)
            {
                let h = HeadingLine {
                    kind: HeadKind::Chapter,
                    num,
                    heading: rest.to_string(),
                };
                let u = self.open_heading(t, h, i);
                t.push(u, text, true, Some(i));
                return true;
            }
            self.open_para(t, text, num, i);
            return true;
        }
        if let Some(c) = RE_SUBPARA.captures(text) {
            if let Some(parent) = self.para.or(self.article) {
                let num = c[1].to_string();
                self.open_sub(t, parent, text, num, i);
                return true;
            }
        }
        false
    }

    /// A line with no number: the signatures that end the act, an approved Rules' next
    /// chapter printed plain, or an abzats of the current unit (the preamble before any unit).
    fn plain_line<'a>(&mut self, t: &mut Tree<'a>, md: &'a [MdLine], i: usize) {
        let text: &'a str = &md[i].text;
        if self.att.is_none()
            && self.seen_unit
            && (is_md_signature(text) || is_russian_signature(text))
        {
            self.signature = true;
            return;
        }
        // `Қорытынды ережелер`: approved Rules' next chapter printed as a plain line.
        if self.unnumbered_chapter_at(t, md, i) {
            let h = HeadingLine {
                kind: HeadKind::Chapter,
                num: (self.att_last_chp + 1).to_string(),
                heading: text.to_string(),
            };
            let u = self.open_heading(t, h, i);
            t.push(u, text, true, Some(i));
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

    /// Moves each deferred note to the unit it names when that unit turned out to be one of
    /// the units opened under its holder after it (a note printed before its unit), as a note
    /// printed before the unit (it does not widen the unit's span).
    fn place_deferred_notes(&mut self, t: &mut Tree<'_>) {
        // Last first, so the indexes of a holder's earlier notes stay valid.
        for (holder, k, kind, num) in std::mem::take(&mut self.deferred).into_iter().rev() {
            let mut stack: Vec<usize> = t.nodes[holder].children.iter().rev().copied().collect();
            let mut target = None;
            while let Some(c) = stack.pop() {
                let n = &t.nodes[c];
                if n.kind == kind && (num.is_none() || n.num == num) {
                    target = Some(c);
                    break;
                }
                stack.extend(n.children.iter().rev().copied());
            }
            let Some(target) = target else { continue };
            if k >= t.nodes[holder].notes.len() {
                continue;
            }
            let note = t.nodes[holder].notes.remove(k);
            let at = t.nodes[target].pre_notes;
            t.nodes[target].notes.insert(at, note);
            t.nodes[target].pre_notes += 1;
        }
    }

    /// Whether line `i` is the open attachment's next chapter printed as a plain line, with
    /// neither number nor heading mark (89455's Kazakh `Қорытынды ережелер`, where the Russian
    /// text has `## 5. Заключительные положения`): the attachment's chapters so far are
    /// numbered, and the line is a short capitalised phrase with no sentence mark and no digit,
    /// between a paragraph's last sentence and the next paragraph's number.
    fn unnumbered_chapter_at(&self, t: &Tree<'_>, md: &[MdLine], i: usize) -> bool {
        let text: &str = &md[i].text;
        if self.att.is_none() || self.att_last_chp == 0 || self.annex.is_some() {
            return false;
        }
        let Some(para) = self.para else {
            return false;
        };
        if text.chars().count() > 60
            || !text.chars().next().is_some_and(char::is_uppercase)
            || is_terminal(text)
            || text.contains(|c: char| c.is_ascii_digit())
        {
            return false;
        }
        let prev_ends = i
            .checked_sub(1)
            .and_then(|k| md.get(k))
            .is_some_and(|m| m.text.trim_end().ends_with('.'));
        let want = t.nodes[para].num.as_deref().and_then(next_number);
        let next_is_para = md
            .get(i + 1)
            .and_then(|m| RE_PARA.captures(&m.text).map(|c| c[1].to_string()));
        prev_ends && want.is_some() && next_is_para == want
    }

    /// Opens paragraph `num` printed on line `i`, splitting off the next paragraph when its
    /// number is glued after this one's last sentence.
    fn open_para<'a>(&mut self, t: &mut Tree<'a>, text: &'a str, num: String, i: usize) {
        let (parent, eid) = match (self.article, self.att) {
            (Some(a), _) => (Some(a), format!("{}__para_{num}", t.eid(a))),
            (None, Some(a)) => (
                self.subsection
                    .or(self.chapter)
                    .or(self.section)
                    .or(Some(a)),
                format!("{}__para_{num}", t.eid(a)),
            ),
            (None, None) => (
                self.subsection.or(self.chapter).or(self.section),
                format!("para_{num}"),
            ),
        };
        let glued = next_number(&num).and_then(|n| glued_at(text, &n, '.').map(|p| (n, p)));
        let own = match glued {
            Some((_, p)) => text[..p].trim_end(),
            None => text,
        };
        let u = t.open(parent, UnitKind::Paragraph, Some(num.clone()), eid, Some(i));
        t.push(u, own, true, Some(i));
        let after = own
            .strip_prefix(num.as_str())
            .map(|r| r.trim_start_matches([' ', '.']))
            .unwrap_or(own);
        mark_status(&mut t.nodes[u].status, after);
        self.para = Some(u);
        self.sub = None;
        self.cur = Some(u);
        self.seen_unit = true;
        if let Some((next, p)) = glued {
            self.open_para(t, &text[p..], next, i);
        }
    }

    /// Opens subparagraph `num` of `parent`, splitting off the next one when its number is
    /// glued after this one's text.
    fn open_sub<'a>(
        &mut self,
        t: &mut Tree<'a>,
        parent: usize,
        text: &'a str,
        num: String,
        i: usize,
    ) {
        let eid = format!("{}__subpara_{num}", t.eid(parent));
        let glued = next_number(&num).and_then(|n| glued_at(text, &n, ')').map(|p| (n, p)));
        let own = match glued {
            Some((_, p)) => text[..p].trim_end(),
            None => text,
        };
        let u = t.open(
            Some(parent),
            UnitKind::Subparagraph,
            Some(num.clone()),
            eid,
            Some(i),
        );
        t.push(u, own, true, Some(i));
        let after = own
            .strip_prefix(num.as_str())
            .map(|r| r.trim_start_matches([' ', ')']))
            .unwrap_or(own);
        mark_status(&mut t.nodes[u].status, after);
        self.sub = Some(u);
        self.cur = Some(u);
        if let Some((next, p)) = glued {
            self.open_sub(t, parent, &text[p..], next, i);
        }
    }
}

/// A line of a stamp after its approval or appendix line: short, not a heading, a note, a
/// provision or another stamp.
fn stamp_tail_line(t: &Tree, md: &[MdLine], j: usize) -> bool {
    let x: &str = &md[j].text;
    !is_heading(t, md, j)
        && x.chars().count() <= 100
        && !is_note_start(x)
        && !RE_PARA.is_match(x)
        && !RE_SUBPARA.is_match(x)
        && stamp_at(md, j).is_none()
}

/// Whether line `i` is printed as a heading of its own: a Markdown heading, which extraction
/// leaves unindented (every other line gets a paragraph's indent), or still marked `#`.
fn is_heading(t: &Tree, md: &[MdLine], i: usize) -> bool {
    md[i].level > 0 || t.lines.get(i).is_some_and(|l| l.indent == 0)
}

#[cfg(test)]
mod stamp_tests {
    use super::*;

    /// The act a stamp names, read as [`build`] reads it ([`stamp_issuance`]).
    fn stamp(words: &str) -> Option<(Option<chrono::NaiveDate>, Option<String>, String)> {
        stamp_issuance(words).map(|i| (i.date, i.number, i.issuer_code))
    }

    fn day(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
    }

    /// The real stamps' words, their lines joined: the Almaty oblast maslikhat's Rules on dogs
    /// and cats (89455, `rus.md`), the Shymkent maslikhat's parking tax appendices (146591,
    /// `rus@27b9fffd_v2022-12-14.md`), the Almaty oblast maslikhat's list of routes (90315).
    #[test]
    fn a_stamp_printing_the_number_before_the_date_names_its_act() {
        assert_eq!(
            stamp("Утверждены решением Алматинского областного маслихата № 43-249 от «27» марта 2015 года"),
            Some((day(2015, 3, 27), Some("43-249".into()), "maslikhat".into()))
        );
        assert_eq!(
            stamp("Приложение 1 к решению маслихата города Шымкент № 69/628-6с от 14 сентября 2020 года"),
            Some((day(2020, 9, 14), Some("69/628-6с".into()), "maslikhat".into()))
        );
        // The date first, its day in quotation marks.
        assert_eq!(
            stamp("Утверждено решением маслихата от «20» мая 2015 года № 45-264"),
            Some((day(2015, 5, 20), Some("45-264".into()), "maslikhat".into()))
        );
        // As a requisite prints it, unchanged.
        assert_eq!(
            stamp("Приложение к решению Алматинского областного маслихата от 15 октября 2024 года № 27-145"),
            Some((day(2024, 10, 15), Some("27-145".into()), "maslikhat".into()))
        );
        // A stamp with no date names no act.
        assert_eq!(stamp("Приложение 2 к решению маслихата № 69/628-6с"), None);
    }
}
