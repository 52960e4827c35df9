//! Stage 3b: cross-references. Every unit's text is read for what it points at, in Kazakh
//! (`осы Заңның 12-бабының 2-тармағы`, `осы Қағидаларға 1-қосымшаға`, `Еңбек кодексінің
//! 139-бабы`) and in Russian (`пункта 2 статьи 12 настоящего Закона`, `приложению 1 к
//! настоящим Правилам`), and each reference is resolved to a unit (and act) when it can be.
//!
//! - [`kk`] and [`ru`]: the two grammars, each finding [`Found`] references in one text;
//! - [`context`]: where a reference is read (an amending instruction speaks of its target
//!   act) and which eid it names from there;
//! - [`lines`]: a reference's lines in the source file;
//! - [`resolve`]: references resolved against the corpus, at the version of the cited act in
//!   force on the citing text's date;
//! - [`cited_by`]: the inverse, what cites a unit.
//!
//! References are found once, at ingestion (after the amend stage), and stored with the act
//! ([`crate::model::Act::references`]). A reference within the act is resolved then; one to
//! another act is resolved when read ([`resolve::Catalog`]), because an incremental refresh
//! re-reads only the files that changed: a resolution stored with the citing act would stay
//! "not in corpus" after the cited act is added.

pub mod cited_by;
pub mod context;
pub mod kk;
pub mod lines;
pub mod resolve;
pub mod ru;

pub use cited_by::cited_by;
pub use resolve::{Catalog, Resolved, ResolvedReference};

use crate::model::{Act, ActKind, Lang, UnitStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a reference points at, as the text says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// A unit of the same act (`осы Заңның 12-бабы`, `3-тармақта`, `настоящей статьи`).
    Unit,
    /// The same act's attachment or a unit in it (`осы Қағидалардың 10-тармағы`,
    /// `приложению 1 к настоящим Правилам`).
    Attachment,
    /// Another act, or a unit of it (`Еңбек кодексінің 139-бабы`, `№ 148 қаулысына`).
    OtherAct,
}

impl TargetKind {
    /// `unit`, `attachment` or `other_act`, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Unit => "unit",
            TargetKind::Attachment => "attachment",
            TargetKind::OtherAct => "other_act",
        }
    }
}

/// Another act as a reference names it: whatever of its kind, title, name, date and number
/// the text gives.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CitedAct {
    /// The kind the text names (`Заңы` → law, `қаулысы` → resolution), when it names one.
    pub kind: Option<ActKind>,
    /// The title in quotes (`Мемлекеттік көрсетілетін қызметтер туралы`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A name without quotes, for codes (`Еңбек`, `Трудового`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The number as printed after `№`, spaces removed (`11-1-4/1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Whether the reference is to an attachment the act approved (`… бұйрығымен бекітілген
    /// Қағидалардың 5-тармағы`): the unit path is then inside `att_1`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub attachment: bool,
}

/// Why a reference could not be resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unresolved {
    /// The cited act is not in the corpus (or the text does not name it well enough to find).
    ActNotInCorpus,
    /// The act is there, but it has no unit the reference names, neither in the version in
    /// force on the citing text's date nor in its current text.
    UnitNotFound,
}

impl Unresolved {
    /// A short human reason.
    pub fn message(self) -> &'static str {
        match self {
            Unresolved::ActNotInCorpus => "target act not in corpus",
            Unresolved::UnitNotFound => "unit not found",
        }
    }
}

/// Where a reference leads: a unit of an act in the corpus (`eid` empty for the act as a
/// whole), or why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Resolution {
    Resolved { act: String, eid: String },
    Unresolved { reason: Unresolved },
}

/// One reference in one unit's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The citing unit.
    pub eid: String,
    /// Byte offsets of the reference in the citing unit's text (`[start, end)`); the
    /// references of a list (`15, 16 және 17-тармақтар`) share the list's span.
    pub start: u32,
    pub end: u32,
    /// The reference as printed (the unit text at `start..end`).
    pub text: String,
    /// 1-based lines of the source file the reference is printed on.
    pub line_start: u32,
    pub line_end: u32,
    pub kind: TargetKind,
    /// The other act, for [`TargetKind::OtherAct`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act: Option<CitedAct>,
    /// The eid the reference names in its target act, read from the citing unit's place
    /// (`att_1__para_10`); empty for an act or attachment named as a whole.
    pub wanted: String,
    /// Within the act: resolved at ingestion. To another act: `None`, resolved when read
    /// ([`resolve::Catalog`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
}

/// Where a found reference is read from: how its unit chain is scoped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// No qualifier: a unit near the citing one (`3-тармақта` under paragraph 11 of the
    /// Rules is the Rules' paragraph 3).
    Context,
    /// `осы Заңның`, `настоящего приказа`: from the act's root.
    OwnAct,
    /// `осы Қағидалардың`, `настоящих Правил`: the citing unit's attachment.
    Attachment,
    /// `осы тармақтың`, `настоящей статьи`: inside the enclosing unit of this eid prefix
    /// (`para`, `art`).
    Enclosing(&'static str),
    /// Another act.
    Other(CitedAct),
}

/// One reference as a grammar finds it, before it is placed in the act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    pub scope: Scope,
    /// The unit path named, outermost first (`["art_12", "para_2"]`); empty for an act or
    /// attachment as a whole.
    pub path: Vec<String>,
}

/// Finds the references in `text` in `lang`'s grammar.
pub fn find(text: &str, lang: Lang) -> Vec<Found> {
    match lang {
        Lang::Kk => kk::find(text),
        Lang::Ru => ru::find(text),
    }
}

/// Compiles this stage's patterns now (see `crate::ingest::compile_patterns`).
pub(crate) fn compile_patterns() {
    kk::compile_patterns();
    ru::compile_patterns();
    common::compile_patterns();
}

/// Finds every reference in the act's current units and stores them in
/// `act.references`, each placed (its `wanted` eid), resolved when it is within the act,
/// and given its source lines from `lines` (the extracted lines of the act's file). Deleted
/// units (`Алып тасталды – … бұйрығымен`) cite only their amending act and are skipped.
pub fn annotate_refs(act: &mut Act, lines: &[crate::extract::CleanLine]) {
    let mut out = Vec::new();
    let places = context::Places::of(act);
    for u in act.all_units() {
        if matches!(u.status, UnitStatus::Deleted) || u.text.is_empty() {
            continue;
        }
        let voice = context::voice_of(act, u);
        // A bug in the grammars must cost a unit its references, not the file its place in
        // the index.
        let found = std::panic::catch_unwind(|| find(&u.text, act.lang)).unwrap_or_default();
        for f in found {
            let Some(placed) = context::place(&f, u, &voice, &places) else {
                continue;
            };
            let (line_start, line_end) = lines::lines_of(u, f.start, f.end, lines);
            out.push(Reference {
                eid: u.eid.clone(),
                start: f.start as u32,
                end: f.end as u32,
                text: u.text[f.start..f.end].to_string(),
                line_start,
                line_end,
                kind: placed.kind,
                act: placed.act,
                wanted: placed.wanted,
                resolution: placed.resolution.map(|r| match r {
                    Ok(eid) => Resolution::Resolved {
                        act: act.id.clone(),
                        eid,
                    },
                    Err(reason) => Resolution::Unresolved { reason },
                }),
            });
        }
    }
    act.references = out;
}

/// Patterns and helpers both grammars use.
pub(crate) mod common {
    use regex::Regex;
    use std::sync::LazyLock;

    /// A number after `№` (`11-1-4/1`, `64-340`, `20-42-3.3.17`, `156-VII`).
    pub(crate) static NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:№|\bN)\s*([0-9]+(?:\s*[-/.]\s*[0-9A-Za-zІіА-Яа-я]+)*)")
            .expect("static regex")
    });
    /// A date in digits, `23.01.2001`.
    pub(crate) static DIGIT_DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\b").expect("static regex")
    });
    /// A title in quotes (`"…туралы"`, `«О …»`).
    pub(crate) static QUOTED_RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"["«“„]([^"«»“”„]{3,400})["»”“]"#).expect("static regex"));

    /// Compiles these patterns now.
    pub(crate) fn compile_patterns() {
        LazyLock::force(&NUMBER_RE);
        LazyLock::force(&DIGIT_DATE_RE);
        LazyLock::force(&QUOTED_RE);
    }

    /// The last number after `№` in `s`, spaces removed, trailing dots cut, with its span.
    pub(crate) fn last_number(s: &str) -> Option<(usize, usize, String)> {
        let c = NUMBER_RE.captures_iter(s).last()?;
        let (m, n) = (c.get(0)?, c.get(1)?);
        let num: String = n.as_str().chars().filter(|c| !c.is_whitespace()).collect();
        Some((
            m.start(),
            m.end(),
            num.trim_end_matches(['.', '-', '/']).to_string(),
        ))
    }

    /// The first number after `№` in `s`, like [`last_number`].
    pub(crate) fn first_number(s: &str) -> Option<(usize, usize, String)> {
        let c = NUMBER_RE.captures(s)?;
        let (m, n) = (c.get(0)?, c.get(1)?);
        let num: String = n.as_str().chars().filter(|c| !c.is_whitespace()).collect();
        Some((
            m.start(),
            m.end(),
            num.trim_end_matches(['.', '-', '/']).to_string(),
        ))
    }

    /// A date in digits in `s` (the last one when `last`), with its span.
    pub(crate) fn digit_date(s: &str, last: bool) -> Option<(usize, usize, chrono::NaiveDate)> {
        let mut it = DIGIT_DATE_RE.captures_iter(s).filter_map(|c| {
            let m = c.get(0)?;
            let d = chrono::NaiveDate::from_ymd_opt(
                c.get(3)?.as_str().parse().ok()?,
                c.get(2)?.as_str().parse().ok()?,
                c.get(1)?.as_str().parse().ok()?,
            )?;
            Some((m.start(), m.end(), d))
        });
        if last {
            it.last()
        } else {
            it.next()
        }
    }

    /// The numbers a list names (`15, 16 және 17`, `1 – 4`, `27-29` before a plural, `1)–5)`),
    /// each as printed (`14-1` is one number, never cut). `plural` says whether the kind word
    /// after the list is plural: `27-29-тармақтар` is a range, `2-2-тармағы` one number.
    pub(crate) fn list_numbers(list: &str, plural: bool) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut range_next = false;
        let bytes = list.as_bytes();
        let mut i = 0;
        while i < list.len() {
            let c = list[i..].chars().next().unwrap_or(' ');
            if c.is_ascii_digit() {
                let mut j = i;
                while j < list.len()
                    && (bytes[j].is_ascii_digit()
                        || (bytes[j] == b'-'
                            && j + 1 < list.len()
                            && bytes[j + 1].is_ascii_digit()))
                {
                    j += 1;
                }
                let num = &list[i..j];
                if range_next {
                    range_next = false;
                    expand_range(&mut out, num);
                } else {
                    out.push(num.to_string());
                }
                i = j;
            } else {
                if c == '–' || c == '—' || c == '-' {
                    range_next = true;
                }
                i += c.len_utf8();
            }
        }
        // `27-29-тармақтар`: one hyphenated number before a plural, rising, is a range.
        if plural && out.len() == 1 {
            let only = out[0].clone();
            if let Some((a, b)) = only.split_once('-') {
                if let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>()) {
                    if !b.contains('-') && y > x && y - x <= 200 {
                        out = (x..=y).map(|n| n.to_string()).collect();
                    }
                }
            }
        }
        out
    }

    /// Adds the numbers after the last of `out` up to `to` (`1 – 4`: 2, 3, 4).
    fn expand_range(out: &mut Vec<String>, to: &str) {
        let from = out.last().and_then(|f| f.parse::<u32>().ok());
        match (from, to.parse::<u32>().ok()) {
            (Some(a), Some(b)) if b > a && b - a <= 200 => {
                out.extend((a + 1..=b).map(|n| n.to_string()));
            }
            _ => out.push(to.to_string()),
        }
    }

    /// Lowercased with Latin look-alikes (`i`, `Y`) read as Kazakh letters.
    pub(crate) fn lower(s: &str) -> String {
        crate::structure::lowercase(s)
            .chars()
            .map(|c| match c {
                'i' => 'і',
                'y' => 'у',
                'a' => 'а',
                'e' => 'е',
                'o' => 'о',
                'p' => 'р',
                'c' => 'с',
                'x' => 'х',
                c => c,
            })
            .collect()
    }

    /// Words of `s` with their byte spans.
    pub(crate) fn words(s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        for (i, c) in s.char_indices() {
            if c.is_whitespace() {
                if let Some(st) = start.take() {
                    out.push((st, i));
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(st) = start {
            out.push((st, s.len()));
        }
        out
    }

    /// A word without the punctuation around it (`"Заңның,` → `Заңның`).
    pub(crate) fn bare(w: &str) -> &str {
        w.trim_matches(|c: char| !c.is_alphanumeric())
    }

    /// Cartesian product of the numbers at each level of a chain: one path per target.
    pub(crate) fn expand(levels: &[(&'static str, Vec<String>)]) -> Vec<Vec<String>> {
        let mut paths: Vec<Vec<String>> = vec![Vec::new()];
        for (prefix, nums) in levels {
            let mut next = Vec::new();
            for p in &paths {
                for n in nums {
                    let mut q = p.clone();
                    q.push(format!("{prefix}_{n}"));
                    next.push(q);
                }
            }
            paths = next;
        }
        paths
    }

    /// How deep a kind of unit sits: a chain goes strictly deeper (`12-бабының 2-тармағы`).
    pub(crate) fn depth(prefix: &str) -> u8 {
        match prefix {
            "sec" => 0,
            "chp" => 1,
            "annex" => 1,
            "art" => 2,
            "para" => 3,
            "subpara" => 4,
            _ => 5,
        }
    }
}
