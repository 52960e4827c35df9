//! Stage 2: clean lines → an [`Act`] with metadata and a unit tree with stable eids.
//!
//! - [`header`]: the printed header (title, issuers, dates, numbers, registration, status) and
//!   the act id built from it;
//! - `units`: orders, resolutions and joint orders in Adilet's text layout (preamble,
//!   paragraphs, attachments with chapters, appendices, amending instructions);
//! - `faq`: question-and-answer documents;
//! - `markdown`: laws, codes and orders in the Markdown layout of zan.gov.kz exports
//!   (front matter, `## Мазмұны` to skip, `I ТАРАУ`, `1-бап.`).
//!
//! - `requisite`: the act's requisites from the database's metadata (`form`, `type_codes`,
//!   `approved_by`, `requisite`), read with the table of form and issuer codes.
//!
//! Metadata precedence: a sidecar's or the front matter's explicit fields (`title`, `kind`,
//! `date`, `number`, `issuer`, `registration_number`, `registration_date`, `publication_date`,
//! `version_date`) override what the header says; then the database's requisites (meta.yaml
//! beside the text, `meta@HASH.yaml`, a `meta/` sidecar, the front matter) do; the header
//! fills the rest. A folder's title names the act as it is now: a dated edition keeps its own.

mod common;
pub mod effective;
mod faq;
pub mod header;
mod markdown;
pub(crate) mod requisite;
mod tree;
pub(crate) mod twin;
#[cfg(test)]
mod twin_census_tests;
mod units;

pub use crate::text::parse_date;
pub(crate) use crate::text::{lowercase, push_words};
pub(crate) use common::{is_whole_text_note, roman};
pub use header::{issuer_code, slug};
#[cfg(test)]
pub(crate) use markdown::note_goes_on;

use crate::extract::{CleanLine, Extracted};
use crate::model::{Act, ActKind, Issuance, Registration, SourceFormat, Status};
use std::collections::BTreeMap;

/// Recognises the act's header and splits its body into units.
///
/// Works on the provisional extractor's lines (blank lines included, damage unrepaired) and on
/// repaired ones alike: blank lines are skipped and every rule reads indentation and words, not
/// line counts.
#[cfg(any(test, fuzzing))]
pub fn build_act(doc: &Extracted) -> crate::Result<Act> {
    build(doc, false).map(|(act, _)| act)
}

/// [`build_act`] of a document straight from [`crate::extract::extract_file`], whose lines are
/// all collapsed (one ASCII space between words, none at the ends): the structure stage then
/// copies their pieces as they are instead of collapsing them again. The same act as
/// [`build_act`] gives.
#[cfg(test)]
pub(crate) fn build_act_extracted(doc: &Extracted) -> crate::Result<Act> {
    build(doc, true).map(|(act, _)| act)
}

/// [`build_act_extracted`], and the line saying why the text did not take its folder's
/// metadata, when it did not ([`borrowing_refused`]).
pub(crate) fn build_act_noted(doc: &Extracted) -> crate::Result<(Act, Option<String>)> {
    build(doc, true)
}

/// `clean_lines`: every line's text is collapsed ([`is_collapsed`]). A text that would borrow
/// its folder's metadata ([`Extracted::folder_meta`]) is read first on its own: it takes the
/// metadata only when its own requisites agree with the act the metadata names
/// ([`borrowing_refused`]). Otherwise it is an act of its own when its header gives its kind,
/// date and number (with the reason, for a warning), else it is left out (an error naming
/// why): metadata is never invented for it.
fn build(doc: &Extracted, clean_lines: bool) -> crate::Result<(Act, Option<String>)> {
    let Some(folder) = &doc.folder_meta else {
        let (act, own) = build_own(doc, clean_lines)?;
        let Some((folder, taken)) = doc.folder_taken.as_ref().filter(|_| is_markdown(doc)) else {
            return Ok((act, None));
        };
        let Some(why) = twin::disagreement(&own, &folder.fields, &folder.name, doc.lang) else {
            return Ok((act, None));
        };
        // Another act's text beside the metadata: read as what its own header says.
        let mut alone = Extracted {
            folder_taken: None,
            ..doc.clone()
        };
        for k in taken {
            alone.meta.remove(k);
        }
        let (act, own) = build_own(&alone, clean_lines)?;
        return own_or_left_out(act, &own, &why, doc);
    };
    let alone = Extracted {
        folder_meta: None,
        ..doc.clone()
    };
    let (own, header) = build_own(&alone, clean_lines)?;
    let Some(why) = borrowing_refused(&own, folder) else {
        let mut merged = alone;
        for (k, v) in &folder.fields {
            merged.meta.entry(k.clone()).or_insert_with(|| v.clone());
        }
        return build_own(&merged, clean_lines).map(|(act, _)| (act, None));
    };
    own_or_left_out(own, &header, &why, doc)
}

/// The text `own`, read without its folder's metadata because of `why`: an act of its own
/// when its header gives its kind, date and number (with the reason, for a warning), else
/// left out (an error naming why). With no requisite line, the date and number are those its
/// attachment's approval stamp prints (`header`).
fn own_or_left_out(
    mut own: Act,
    header: &twin::OwnHeader,
    why: &str,
    doc: &Extracted,
) -> crate::Result<(Act, Option<String>)> {
    if own.issuances.is_empty() {
        if let Some(stamped) = &header.issuance {
            own.issuances.push(stamped.clone());
            own.id = header::act_id(own.kind, &own.issuances, &own.title);
        }
    }
    let first = own.issuances.first();
    let enough =
        own.kind != ActKind::Other && first.is_some_and(|i| i.date.is_some() && i.number.is_some());
    if enough {
        let reason = format!(
            "not joined to the act of its folder: {why}; indexed as an act of its own, as its header names it"
        );
        Ok((own, Some(reason)))
    } else {
        Err(crate::Error::Structure {
            path: doc.source.file.clone().into(),
            reason: format!(
                "left out: {why}, and its header does not give its own kind, date and number"
            ),
        })
    }
}

/// Why a text may not take the folder's metadata `folder`, read on its own as `own`: its own
/// date or number (from its header) is not the act's the metadata names, or its edition is
/// dated (by its file name or its own metadata) before that act was adopted. `None` when
/// nothing of the text disagrees.
fn borrowing_refused(own: &Act, folder: &crate::extract::FolderMeta) -> Option<String> {
    let facts = requisite::meta_facts(&folder.fields, own.lang)?;
    let named = facts.issuances.first()?;
    let day = |d: chrono::NaiveDate| d.format("%d.%m.%Y").to_string();
    let act = format!(
        "{} names the act of {} № {}",
        folder.name,
        named.date.map_or_else(|| "an unknown day".to_string(), day),
        named.number.as_deref().unwrap_or("?")
    );
    if let Some(mine) = own.issuances.first() {
        let date_differs = mine.date.is_some()
            && facts
                .issuances
                .iter()
                .all(|i| i.date.is_some() && i.date != mine.date);
        let number_differs = mine.number.is_some()
            && facts
                .issuances
                .iter()
                .all(|i| i.number.is_some() && i.number != mine.number);
        if date_differs || number_differs {
            return Some(format!(
                "{act}, but its header names {} № {}",
                mine.date.map_or_else(|| "no day".to_string(), day),
                mine.number.as_deref().unwrap_or("no number")
            ));
        }
    }
    let adopted = folder
        .fields
        .get("approved_on")
        .and_then(|v| parse_date(v.trim().trim_matches(['\'', '"'])))
        .or(named.date)?;
    let edition = own.version_date?;
    (edition < adopted).then(|| {
        format!(
            "{act}, but this text is an edition of {}, before that act was adopted on {}",
            day(edition),
            day(adopted)
        )
    })
}

/// Whether `doc` is a Markdown text (the mirror's layout).
fn is_markdown(doc: &Extracted) -> bool {
    doc.source.format == SourceFormat::Markdown || doc.source.file.to_lowercase().ends_with(".md")
}

/// [`build`] with the metadata `doc` holds as its own, and what the text's header says of
/// itself whatever that metadata says (its title; for a Markdown text, the date and number
/// an attachment's approval stamp prints).
fn build_own(doc: &Extracted, clean_lines: bool) -> crate::Result<(Act, twin::OwnHeader)> {
    let lines: Vec<&CleanLine> = doc
        .lines
        .iter()
        .filter(|l| !l.text.trim().is_empty())
        .collect();
    if lines.is_empty() {
        return Err(crate::Error::Structure {
            path: doc.source.file.clone().into(),
            reason: "no text left after extraction (empty document)".into(),
        });
    }
    let is_md = is_markdown(doc);
    let (mut act, stamped) = if is_md {
        markdown::build(doc, lines, clean_lines)?
    } else {
        (build_text(doc, lines, clean_lines)?, None)
    };
    if act.units.is_empty() {
        // No structure was recognised (a text with no numbered paragraphs, or only a header):
        // the whole text is one unit (a few, when it is long), so that it is still found and
        // cited.
        act.units = whole_text_units(&doc.lines);
    }
    act.lang = doc.lang;
    // A consolidated edition exported from the official database marks a repeal at its head
    // (`Күші жойылды – …`, `Утратил силу …`); without such a mark it is in force.
    if act.status == Status::Unknown && is_md && act.kind != ActKind::Faq {
        act.status = match repeal_mark(&doc.lines) {
            // The day printed is the repealing act's signing: the earliest the repeal can have
            // taken effect, so estimated.
            Some(by) => {
                let on = crate::text::parse_date(&by);
                Status::Repealed {
                    on,
                    by: Some(by),
                    estimated: on.is_some(),
                }
            }
            None => Status::InForce,
        };
    }
    if act.lang == crate::model::Lang::Ru {
        // A Russian text's own language comes first; Kazakh only where its letters are met.
        let kazakh = act.languages.iter().any(|l| l == "kk") && has_kazakh_letters(doc);
        act.languages = vec!["ru".into()];
        if kazakh {
            act.languages.push("kk".into());
        }
    }
    let own = twin::OwnHeader {
        title: act.title.clone(),
        issuance: stamped,
    };
    apply_meta(&mut act, &doc.meta);
    if act.lang == crate::model::Lang::Kk {
        name_local_bodies(&mut act, &doc.lines);
    }
    act.title = bounded_title(std::mem::take(&mut act.title));
    Ok((act, own))
}

/// A local body's issuance named in the Kazakh text's own words (`Алматы облыстық
/// мәслихатының`), where only the body's kind was known (the requisite is Russian).
fn name_local_bodies(act: &mut Act, lines: &[CleanLine]) {
    for i in &mut act.issuances {
        let body = match i.issuer_code.as_str() {
            "maslikhat" => "мәслихаты",
            "akimat" => "әкімдігі",
            "akim" => "әкімі",
            _ => continue,
        };
        let named = i.issuer.chars().any(crate::extract::is_kazakh_letter)
            && i.issuer.split_whitespace().count() > 1;
        if named {
            continue;
        }
        if let Some(words) = requisite::local_body_in_text(lines, body) {
            i.issuer = words;
        }
    }
}

/// The most characters a title keeps: the longest real titles run to a few hundred; a text
/// whose header is never closed (one line of 200 MB) would otherwise be all title, in every
/// listing of acts and in one index term.
pub const MAX_TITLE_CHARS: usize = 1000;

/// `title` cut to [`MAX_TITLE_CHARS`] at a word's end, with `…` to show it was cut.
fn bounded_title(title: String) -> String {
    let Some((cut, _)) = title.char_indices().nth(MAX_TITLE_CHARS) else {
        return title;
    };
    let head = &title[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end())
}

/// The eid of the first (most often the only) unit of a text whose structure was not
/// recognised; the next are `other_2`, `other_3`, ….
pub const WHOLE_TEXT_EID: &str = "other_1";

/// The most bytes of text one unit of an unstructured text holds: a text longer than that (a
/// file whose line ends were lost, cut into lines by the extraction) is cut into units at line
/// ends, so that no hit carries megabytes and each is cited by its own lines.
pub const MAX_WHOLE_TEXT_UNIT_BYTES: usize = 256 * 1024;

/// A text's every line (but blank ones) as units of at most [`MAX_WHOLE_TEXT_UNIT_BYTES`]
/// (one, [`WHOLE_TEXT_EID`], unless the text is longer), a line a paragraph.
fn whole_text_units(lines: &[CleanLine]) -> Vec<crate::model::Unit> {
    let lines: Vec<&CleanLine> = lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
    let mut units: Vec<crate::model::Unit> = Vec::new();
    let mut first_line = 0;
    for (i, l) in lines.iter().enumerate() {
        let full = units.last().is_none_or(|u| {
            !u.text.is_empty() && u.text.len() + 1 + l.text.len() > MAX_WHOLE_TEXT_UNIT_BYTES
        });
        if full {
            if let Some(u) = units.last_mut() {
                close_span(u, &lines[first_line..i]);
            }
            let eid = format!("other_{}", units.len() + 1);
            units.push(crate::model::Unit::new(
                &eid,
                crate::model::UnitKind::Other,
                None,
            ));
            first_line = i;
        }
        if let Some(unit) = units.last_mut() {
            if !unit.text.is_empty() {
                unit.text.push('\n');
            }
            push_words(&mut unit.text, &l.text);
        }
    }
    if let Some(u) = units.last_mut() {
        close_span(u, &lines[first_line..]);
    }
    units
}

/// `unit`'s source span: from its first line to its last.
fn close_span(unit: &mut crate::model::Unit, lines: &[&CleanLine]) {
    if let (Some(first), Some(last)) = (lines.first(), lines.last()) {
        unit.span = crate::model::SourceSpan {
            line_start: first.span.line_start,
            line_end: last.span.line_end,
            page: first.span.page,
        };
    }
}

/// The repeal mark at the head of a text (its first lines), when it has one: a line that
/// starts with `Күші жойылды` or `Утратил(о) силу`, maybe quoted and in italics and after
/// `Ескерту.` / `Сноска.`; the rest of the line, which names the repealing act. An
/// instruction that repeals other acts (`… күші жойылды деп танылсын`, `Признать утратившими
/// силу …`) is no mark.
fn repeal_mark(lines: &[CleanLine]) -> Option<String> {
    lines.iter().take(12).find_map(|l| {
        // Lowercased letter by letter, so a place in `lower` is a place in `chars`.
        let chars: Vec<char> = l.text.chars().collect();
        let lower: String = chars
            .iter()
            .map(|c| c.to_lowercase().next().unwrap_or(*c))
            .collect();
        let t =
            lower.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '>' | '*' | '_'));
        let t = ["ескерту.", "сноска."]
            .iter()
            .find_map(|note| t.strip_prefix(note))
            .unwrap_or(t)
            .trim_start();
        let rest = if let Some(r) = t.strip_prefix("күші жойылды") {
            r
        } else if let Some(r) = t.strip_prefix("утратил") {
            r.trim_start_matches(['а', 'о', 'и'])
                .trim_start()
                .strip_prefix("силу")?
        } else {
            return None;
        };
        let rest: String = chars[chars.len() - rest.chars().count()..].iter().collect();
        let by = rest
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':'))
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '.'));
        Some(by.to_string())
    })
}

/// Whether the document prints letters only Kazakh has (a Russian text quoting Kazakh). A
/// Roman numeral typed with the Cyrillic `І` (`№ 168-VІ`, `VІІІ`) is no Kazakh word.
fn has_kazakh_letters(doc: &Extracted) -> bool {
    let roman = |w: &str| w.chars().all(|c| "IVXLCMІ".contains(c));
    doc.lines.iter().any(|l| {
        l.text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.chars().any(crate::extract::is_kazakh_letter) && !roman(w))
    })
}

/// An act with the given metadata and no units yet.
/// The text's address on the official database from its metadata (`source`), when it is a
/// plain `http(s)://` address: a page renders it as a link, so nothing else is taken.
fn official_url(meta: &std::collections::BTreeMap<String, String>) -> Option<String> {
    let url = meta.get("source")?.trim();
    let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
    let plain = !url.chars().any(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
    });
    (scheme_ok && plain && url.len() <= 2048).then(|| url.to_string())
}

fn empty_act(doc: &Extracted, title: String, kind: ActKind) -> Act {
    Act {
        id: String::new(),
        title,
        kind,
        issuances: Vec::new(),
        registration: None,
        status: Status::Unknown,
        languages: vec!["kk".into()],
        lang: crate::model::Lang::Kk,
        code: None,
        source: doc.source.clone(),
        official_url: official_url(&doc.meta),
        publication_date: None,
        version_date: None,
        version_dated_by: crate::model::DatedBy::Database,
        units: Vec::new(),
        amendments: Vec::new(),
        instructions: Vec::new(),
        commencement: None,
        versions: Vec::new(),
        unparsed_notes: Vec::new(),
        target_fallbacks: Vec::new(),
        later_changes: Vec::new(),
        unit_times: Vec::new(),
        references: Vec::new(),
    }
}

fn build_text(doc: &Extracted, lines: Vec<&CleanLine>, clean_lines: bool) -> crate::Result<Act> {
    // The header is every unindented line before the first indented one.
    let body = lines
        .iter()
        .position(|l| l.indent >= 5)
        .unwrap_or(lines.len());
    let header: Vec<&str> = lines[..body].iter().map(|l| l.text.trim()).collect();
    let russian = header::has_russian_lines(lines.iter().map(|l| l.text.as_str()));

    // A FAQ: no issuance line, a question-and-answer title.
    let head_words = header
        .iter()
        .take(4)
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let split = title_split(&header);
    if split.is_none() && head_words.contains("сұрақ") {
        let title = header.first().copied().unwrap_or("").trim().to_string();
        let mut act = empty_act(doc, crate::text::clean_spaces(&title), ActKind::Faq);
        let mut t = tree::Tree::new(lines, clean_lines);
        faq::parse(&mut t, 1);
        act.units = t.finish();
        if russian {
            act.languages.push("ru".into());
        }
        act.id = header::act_id(ActKind::Faq, &[], &act.title);
        return Ok(act);
    }

    let k = split.unwrap_or(header.len());
    let title = crate::text::clean_spaces(&header[..k].join(" "));
    let issuance_text = header[k..].join(" ");
    let facts = header::parse_issuance(&issuance_text);
    let kind = facts.kind.unwrap_or(ActKind::Other);
    let mut act = empty_act(doc, title, kind);
    act.issuances = facts.issuances;
    if matches!(
        kind,
        ActKind::Law | ActKind::ConstitutionalLaw | ActKind::Code
    ) {
        // `Қазақстан Республикасының … Заңы`: laws are Parliament's.
        for i in &mut act.issuances {
            if i.issuer_code == "other" {
                i.issuer_code = "parliament".into();
            }
        }
    }
    act.registration = facts.registration;
    act.status = facts.status;
    if russian {
        act.languages.push("ru".into());
    }
    let header_text = header.join(" ");
    let mut p = units::TextParser::new(lines, &header_text, clean_lines);
    p.run(body);
    act.units = p.finish();
    act.id = header::act_id(act.kind, &act.issuances, &act.title);
    Ok(act)
}

/// Where the title ends in the header: the first line that starts the issuance sentence
/// (`Қазақстан Республикасы … бұйрығы.` or `Күшін жойған`) right after a line ending in `туралы`.
fn title_split(header: &[&str]) -> Option<usize> {
    for k in 1..header.len() {
        let prev = header[k - 1].trim_end();
        let cur = header[k].trim_start();
        let starts = cur.starts_with("Қазақстан Республикасы") || cur.starts_with("Күшін жойған");
        if starts && prev.ends_with("туралы") {
            return Some(k);
        }
    }
    for (k, line) in header.iter().enumerate().skip(1) {
        if line.trim_start().starts_with("Күшін жойған") {
            return Some(k);
        }
    }
    // A title that does not end in `туралы`: the first line from which the header reads as
    // the act's own issuance (`… № 807 қаулысы.`, not `… № 148 қаулысына`).
    // Each candidate reads the header from its line on, cleaned: clean the whole header once
    // and read suffixes of it (a line's words start at a word of the whole).
    let mut cleaned: Option<(String, Vec<usize>)> = None;
    (1..header.len()).find(|&k| {
        header[k].trim_start().starts_with("Қазақстан Республикасы") && {
            let (text, starts) = cleaned.get_or_insert_with(|| clean_suffixes(header));
            header::names_own_issuance(&text[starts[k]..])
        }
    })
}

/// `normalize_i(clean_spaces(lines.join(" ")))` and, for each line `k`, the byte offset in it
/// where `normalize_i(clean_spaces(lines[k..].join(" ")))` starts (that text is its suffix).
fn clean_suffixes(lines: &[&str]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(lines.len());
    // Lines with no words yet: they start where the next line's words do.
    let mut waiting = 0;
    for l in lines {
        let piece = header::normalize_i(&crate::text::clean_spaces(l));
        waiting += 1;
        if piece.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        starts.extend(std::iter::repeat_n(text.len(), waiting));
        waiting = 0;
        text.push_str(&piece);
    }
    starts.extend(std::iter::repeat_n(text.len(), waiting));
    (text, starts)
}

/// Applies explicit metadata (front matter or sidecar) over what the text said.
fn apply_meta(act: &mut Act, meta: &BTreeMap<String, String>) {
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| meta.get(*k))
            .map(|v| v.trim().trim_matches(['\'', '"']).trim().to_string())
            .filter(|v| !v.is_empty())
    };
    if let Some(d) = get(&["publication_date"]).and_then(|v| parse_date(&v)) {
        act.publication_date = Some(d);
    }
    // A bilingual front matter or meta.yaml gives `title.kaz` and `title.rus`: this
    // expression's own.
    let own = |key: &str| match act.lang {
        crate::model::Lang::Kk => format!("{key}.kaz"),
        crate::model::Lang::Ru => format!("{key}.rus"),
    };
    let (own_version, own_title) = (own("version_date"), own("title"));
    if let Some(d) = get(&["version_date", &own_version]).and_then(|v| parse_date(&v)) {
        act.version_date = Some(d);
        // An edition read from git: its sidecar dates it by the commit, the day it took
        // effect (`version_date` there counts over the folder's meta.yaml).
        if get(&["version_date"]).is_some()
            && get(&["version_dated_by"]).as_deref() == Some("commit")
        {
            act.version_dated_by = crate::model::DatedBy::Commit;
        }
    }
    if act.version_date.is_none() {
        act.version_date = get(&["name_date"]).and_then(|v| parse_date(&v));
    }
    if let Some(t) = get(&[&own_title, "title"]) {
        act.title = t;
    } else if act.title.trim().is_empty() {
        // The folder's metadata names the act as it is now; an edition's own title wins.
        let folder_own = format!("folder.{own_title}");
        if let Some(t) = get(&[&folder_own, "folder.title"]) {
            act.title = t;
        }
    }
    // The requisites the database gives (`form`, `type_codes`, `approved_by`, `requisite`)
    // speak for the act where they exist; the header filled what they leave out.
    if let Some(facts) = requisite::meta_facts(meta, act.lang) {
        if let Some(k) = facts.kind {
            act.kind = k;
        }
        if !facts.issuances.is_empty() {
            let own = std::mem::take(&mut act.issuances);
            act.issuances = facts
                .issuances
                .into_iter()
                .enumerate()
                .map(|(k, mut i)| {
                    if let Some(o) = own.get(k) {
                        // The text's own words for the same issuance, in its language.
                        let same = o.date == i.date && o.number == i.number;
                        let in_lang = o.issuer.chars().any(crate::extract::is_kazakh_letter)
                            == (act.lang == crate::model::Lang::Kk);
                        if same && in_lang && o.issuer_code == i.issuer_code && !o.issuer.is_empty()
                        {
                            i.issuer.clone_from(&o.issuer);
                        }
                        if i.date.is_none() {
                            i.date = o.date;
                        }
                        if i.number.is_none() {
                            i.number.clone_from(&o.number);
                        }
                    }
                    i
                })
                .collect();
        }
        if facts.registration.is_some() {
            act.registration = facts.registration;
        }
    }
    if let Some(k) = get(&["kind"]) {
        if let Some(kind) = ActKind::parse(&k) {
            act.kind = kind;
        }
    }
    let date = get(&["date"]).and_then(|v| parse_date(&v));
    let number = get(&["number"]);
    let issuer = get(&["issuer"]);
    if date.is_some() || number.is_some() || issuer.is_some() {
        if act.issuances.is_empty() {
            act.issuances.push(Issuance {
                issuer: String::new(),
                issuer_code: "other".into(),
                date: None,
                number: None,
                issuer_translated: None,
            });
        }
        let first = &mut act.issuances[0];
        if let Some(d) = date {
            first.date = Some(d);
        }
        if let Some(n) = number {
            first.number = Some(header::normalize_number(&n));
        }
        if let Some(i) = issuer {
            first.issuer_code = issuer_code(&i);
            first.issuer = i;
        }
    }
    if let Some(n) = get(&["registration_number"]) {
        let date = get(&["registration_date"]).and_then(|v| parse_date(&v));
        act.registration = Some(Registration { number: n, date });
    }
    // The database's requisite line says whether the act was repealed, by what and when
    // (`… Утратило силу решением маслихата … от 13 августа 2024 года № 25-125`).
    if let Some(r) = get(&["requisite"]) {
        if act.issuances.is_empty() {
            let issued = header::without_suspension_note(&r);
            act.issuances
                .extend(header::short_requisite_issuance(&issued));
        }
        // The whole act suspended by another act (`Сноска. Действие приказа приостановлено -
        // приказом … от 16 октября 2003 года N 218`): a time of the act's own, eid `""`.
        if let Some(suspended) = header::suspension_in_requisite(&r) {
            act.unit_times.retain(|t| !t.eid.is_empty());
            act.unit_times.push(suspended);
        }
        if act.registration.is_none() {
            act.registration = header::registration_in_requisite(&r);
        }
        if let Some(status) = header::repeal_in_requisite(&r) {
            act.status = status;
        } else if act.status == Status::Unknown {
            act.status = Status::InForce;
        }
    }
    if let Some(s) = get(&["status"]) {
        let s = s.to_lowercase();
        if s.starts_with("repealed") || s.contains("жой") {
            let by = get(&["repealed_by"]);
            let on = get(&["repealed_on"]).and_then(|v| parse_date(&v));
            act.status = Status::Repealed {
                by,
                on,
                estimated: false,
            };
        } else if s.starts_with("in_force") || s.starts_with("in force") {
            act.status = Status::InForce;
        }
    }
    // An edition read from git whose act's folder the mirror's history later deleted: its
    // sidecar says since when the source no longer carries the act. A repeal the metadata
    // shows is knowledge, and stays.
    if let Some(on) = get(&["source_removed_on"]).and_then(|v| parse_date(&v)) {
        if !matches!(act.status, Status::Repealed { .. }) {
            act.status = Status::SourceRemoved { on };
        }
    }
    if let Some(code) = get(&["act_code", "code"]) {
        act.code = Some(code);
    }
    act.id = header::act_id(act.kind, &act.issuances, &act.title);
}

#[cfg(test)]
mod corpus_tests;

#[cfg(test)]
mod markdown_tests;

#[cfg(test)]
mod mirror_tests;

#[cfg(test)]
mod synthetic_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::is_collapsed;

    /// Extraction leaves every line collapsed, so `build_act_extracted` may skip collapsing
    /// them again, and it builds the same act as `build_act`: checked on the corpus and the
    /// fixtures (text, Markdown, PDF).
    #[test]
    fn extracted_lines_are_collapsed_and_build_the_same_act() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("corpus"), root.join("tests/fixtures/pdf")];
        for group in ["tests/fixtures/versions", "tests/fixtures/amend"] {
            if let Ok(entries) = std::fs::read_dir(root.join(group)) {
                dirs.extend(entries.flatten().map(|e| e.path()));
            }
        }
        let mut checked = 0;
        for dir in dirs {
            let Ok(files) = crate::ingest::corpus_files(&dir) else {
                continue;
            };
            for f in files {
                let Ok(doc) = crate::extract::extract_file(&f, root) else {
                    continue;
                };
                for l in &doc.lines {
                    assert!(
                        is_collapsed(l.text.as_bytes()),
                        "{}: {:?}",
                        f.display(),
                        l.text
                    );
                }
                let plain = build_act(&doc).ok();
                assert_eq!(build_act_extracted(&doc).ok(), plain, "{}", f.display());
                checked += 1;
            }
        }
        assert!(checked >= 10, "only {checked} files checked");
    }

    /// Each suffix of the cleaned header is the header cleaned from that line on.
    #[test]
    fn clean_suffixes_are_the_cleaned_suffixes() {
        let pieces = [
            "Қазақстан",
            "i",
            "I",
            " ",
            "  ",
            "\u{a0}",
            "\t",
            "№ 5",
            "жылғы",
            "",
        ];
        let line = crate::property::text(&pieces, 4);
        crate::property::check(2000, proptest::collection::vec(line, 0..6), |lines| {
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            let (text, starts) = clean_suffixes(&lines);
            assert_eq!(starts.len(), lines.len());
            for k in 0..lines.len() {
                let want = header::normalize_i(&crate::text::clean_spaces(&lines[k..].join(" ")));
                assert_eq!(&text[starts[k]..], want, "{lines:?} {k}");
            }
        });
    }

    /// Only a plain http(s) address is an official link: a page renders it as `href`.
    #[test]
    fn only_plain_web_addresses_are_official_links() {
        let url = |v: &str| {
            let meta = std::collections::BTreeMap::from([("source".to_string(), v.to_string())]);
            super::official_url(&meta)
        };
        let zan = "https://zan.gov.kz/client/#!/doc/161347/rus/07.12.2021";
        assert_eq!(url(zan).as_deref(), Some(zan));
        assert_eq!(url(&format!(" {zan}\n")).as_deref(), Some(zan));
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//zan.gov.kz/x",
            "https://zan.gov.kz/\"><script>",
            "https://zan.gov.kz/a b",
            "zan.gov.kz",
            "",
        ] {
            assert_eq!(url(bad), None, "{bad}");
        }
        assert_eq!(super::official_url(&Default::default()), None);
    }
}
