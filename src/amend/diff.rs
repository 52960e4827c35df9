//! Differences between two versions of an act (or of one unit): which units were deleted,
//! inserted or changed, and a word-level diff of each changed unit. Words are Unicode word
//! boundaries (unicode-segmentation), not bytes; the diff is the `similar` crate's Patience diff.
//! A change only in a unit's `Ескерту` notes is reported apart from changes in the law's text.

use crate::model::{Act, ActVersion, TimeState, Unit, UnitInWords, UnitStatus};
use serde::Serialize;
use similar::{Algorithm, ChangeTag};
use std::borrow::Cow;
use std::collections::BTreeMap;
use unicode_segmentation::UnicodeSegmentation;

/// What happened to a unit between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitChangeKind {
    /// Live before; gone or printed as deleted after.
    Deleted,
    /// Absent or deleted before; live after.
    Inserted,
    /// The law's text changed (a placeholder that became text counts here).
    Changed,
    /// Only the notes under the unit changed.
    NotesOnly,
}

/// A run of words that are equal, deleted or inserted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WordChange {
    /// `equal`, `delete` or `insert`.
    pub tag: &'static str,
    /// The words.
    pub text: String,
}

/// One unit's change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitChange {
    /// The unit's eid.
    pub eid: String,
    /// The unit named in Kazakh and in Russian (`12-баптың 3-тармағы`, `Пункт 3 статьи 12`).
    pub name: UnitInWords,
    /// Deleted, inserted, changed, or only its notes changed.
    pub kind: UnitChangeKind,
    /// `live`, `deleted`, `pending` or `absent`.
    pub status_from: &'static str,
    /// Its status in the later edition, as `status_from`.
    pub status_to: &'static str,
    /// Its text in the earlier edition (`None`: absent).
    pub text_from: Option<String>,
    /// Its text in the later edition (`None`: absent).
    pub text_to: Option<String>,
    /// Word-level diff of the unit's own text (changed units only); a heading rewritten
    /// rather than edited (fewer than half the words of the longer wording shared) is one
    /// deletion of the old heading and one insertion of the new, whole.
    pub words: Vec<WordChange>,
    /// True when the notes under the unit differ (also for text changes).
    pub notes_changed: bool,
    /// The notes under it in the earlier edition.
    pub notes_from: Vec<String>,
    /// The notes under it in the later edition.
    pub notes_to: Vec<String>,
}

/// The differences between two versions of an act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Diff))]
pub struct ActDiff {
    /// The act's id.
    pub act: String,
    /// The unit the diff is limited to, if any.
    pub eid: Option<String>,
    /// The earlier edition's id.
    pub from: String,
    /// The later edition's id.
    pub to: String,
    /// Eids of the units deleted.
    pub deleted: Vec<String>,
    /// Eids of the units inserted.
    pub inserted: Vec<String>,
    /// Eids of the units whose text changed.
    pub changed: Vec<String>,
    /// Eids of the units whose notes alone changed.
    pub notes_changed: Vec<String>,
    /// Every change, deleted, inserted and changed units first, then note-only changes.
    pub units: Vec<UnitChange>,
}

fn status_name(u: Option<&Unit>) -> &'static str {
    match u.map(|u| &u.status) {
        None => "absent",
        Some(UnitStatus::Live) => "live",
        Some(UnitStatus::Deleted) => "deleted",
        Some(UnitStatus::Pending { .. }) => "pending",
    }
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn own_text(u: &Unit) -> String {
    match &u.heading {
        Some(h) if !h.is_empty() && !u.text.contains(h.as_str()) => format!("{h}\n{}", u.text),
        _ => u.text.clone(),
    }
}

/// Word-level diff of two texts; runs of the same tag are merged. When the texts share less
/// than a third of the shorter one's letters (a placeholder replaced by text), the result is
/// one deletion and one insertion after the common leading words, which reads better than a
/// word salad.
pub fn word_diff(old: &str, new: &str) -> Vec<WordChange> {
    let a: Vec<&str> = old.split_word_bounds().collect();
    let b: Vec<&str> = new.split_word_bounds().collect();
    let out = raw_word_diff(&a, &b);
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
    let shared: usize = out
        .iter()
        .filter(|w| w.tag == "equal")
        .map(|w| letters(&w.text))
        .sum();
    let shortest = letters(old).min(letters(new));
    if shortest == 0 || shared * 3 >= shortest {
        return out;
    }
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut collapsed = Vec::new();
    if common > 0 {
        collapsed.push(WordChange {
            tag: "equal",
            text: a[..common].concat(),
        });
    }
    for (tag, words) in [("delete", &a[common..]), ("insert", &b[common..])] {
        if !words.is_empty() {
            collapsed.push(WordChange {
                tag,
                text: words.concat(),
            });
        }
    }
    collapsed
}

/// Word-level diff of a changed unit's own text (`old`, `new`), whose headings are `old_heading`
/// and `new_heading`: a heading rewritten ([`heading_rewritten`]) is one deletion of the old
/// heading and one insertion of the new, whole, between the words before it (the unit's number,
/// `Статья 25. `) and the words after it, each compared word by word; else [`word_diff`] of the
/// whole text.
fn unit_word_diff(
    old: &str,
    new: &str,
    old_heading: Option<&str>,
    new_heading: Option<&str>,
) -> Vec<WordChange> {
    let (Some(a), Some(b)) = (heading_at(old, old_heading), heading_at(new, new_heading)) else {
        return word_diff(old, new);
    };
    let (ha, hb) = (&old[a.clone()], &new[b.clone()]);
    if !heading_rewritten(ha, hb) {
        return word_diff(old, new);
    }
    let mut out = word_diff(&old[..a.start], &new[..b.start]);
    out.push(WordChange {
        tag: "delete",
        text: ha.to_string(),
    });
    out.push(WordChange {
        tag: "insert",
        text: hb.to_string(),
    });
    out.extend(word_diff(&old[a.end..], &new[b.end..]));
    // Runs of one tag side by side are one run.
    let mut merged: Vec<WordChange> = Vec::with_capacity(out.len());
    for w in out {
        match merged.last_mut() {
            Some(last) if last.tag == w.tag => last.text.push_str(&w.text),
            _ => merged.push(w),
        }
    }
    merged
}

/// Where `heading` is in the first line of `text` (a unit's own text prints its heading after its
/// number): its byte range, `None` without a heading or when the line lacks it.
fn heading_at(text: &str, heading: Option<&str>) -> Option<std::ops::Range<usize>> {
    let heading = heading.map(str::trim).filter(|h| !h.is_empty())?;
    let line = &text[..text.find('\n').unwrap_or(text.len())];
    let at = line.find(heading)?;
    Some(at..at + heading.len())
}

/// Whether a heading was rewritten rather than edited, and is shown whole: when the words the
/// two wordings share (case aside, each word counted as often as both have it) are fewer than
/// half the words of the longer one. «Аппарат Правительства Республики» → «Информационно-
/// аналитическое и организационно-правовое обеспечение деятельности Премьер-Министра и
/// Правительства Республики» shares 2 of 11 words and is rewritten; «Образование и состав
/// Правительства Республики Казахстан» → «Образование, структура и состав Правительства
/// Республики Казахстан» shares 6 of 7 and is marked word by word.
fn heading_rewritten(old: &str, new: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.unicode_words().map(str::to_lowercase).collect() };
    let (a, mut b) = (words(old), words(new));
    if a == b {
        return false;
    }
    let mut shared = 0;
    for w in &a {
        if let Some(i) = b.iter().position(|x| x == w) {
            b.swap_remove(i);
            shared += 1;
        }
    }
    let longer = a.len().max(shared + b.len());
    shared * 2 < longer
}

fn raw_word_diff(a: &[&str], b: &[&str]) -> Vec<WordChange> {
    let mut out: Vec<WordChange> = Vec::new();
    for (tag, words) in similar::utils::diff_slices(Algorithm::Patience, a, b) {
        let tag = match tag {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        let text: String = words.concat();
        match out.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(&text),
            _ => out.push(WordChange { tag, text }),
        }
    }
    out
}

/// Compares two lists of units (each unit once, in document order), optionally limited to one
/// unit and its descendants.
fn diff_unit_lists(old: &[&Unit], new: &[&Unit], scope: Option<&str>) -> Vec<UnitChange> {
    let in_scope = |eid: &str| match scope {
        None | Some("") => true,
        Some(s) => eid == s || eid.starts_with(&format!("{s}__")),
    };
    let a: BTreeMap<&str, &Unit> = old
        .iter()
        .copied()
        .filter(|u| in_scope(&u.eid))
        .map(|u| (u.eid.as_str(), u))
        .collect();
    let mut order: Vec<&str> = Vec::new();
    let b: BTreeMap<&str, &Unit> = new
        .iter()
        .copied()
        .filter(|u| in_scope(&u.eid))
        .map(|u| (u.eid.as_str(), u))
        .collect();
    for u in new {
        if in_scope(&u.eid) {
            order.push(u.eid.as_str());
        }
    }
    for u in old {
        if in_scope(&u.eid) && !b.contains_key(u.eid.as_str()) {
            order.push(u.eid.as_str());
        }
    }
    let mut out = Vec::new();
    for eid in order {
        let (ua, ub) = (a.get(eid).copied(), b.get(eid).copied());
        let live = |u: Option<&Unit>| u.is_some_and(|u| u.status != UnitStatus::Deleted);
        let ta = ua.map(own_text);
        let tb = ub.map(own_text);
        let na: Vec<String> = ua
            .map(|u| u.notes.iter().map(|n| norm(&n.text)).collect())
            .unwrap_or_default();
        let nb: Vec<String> = ub
            .map(|u| u.notes.iter().map(|n| norm(&n.text)).collect())
            .unwrap_or_default();
        let notes_changed = na != nb;
        let kind = if live(ua) && !live(ub) {
            Some(UnitChangeKind::Deleted)
        } else if !live(ua) && live(ub) {
            Some(UnitChangeKind::Inserted)
        } else if live(ua) && live(ub) && ta.as_deref().map(norm) != tb.as_deref().map(norm) {
            Some(UnitChangeKind::Changed)
        } else if notes_changed {
            Some(UnitChangeKind::NotesOnly)
        } else {
            None
        };
        let Some(kind) = kind else { continue };
        let words = if kind == UnitChangeKind::Changed {
            unit_word_diff(
                ta.as_deref().unwrap_or(""),
                tb.as_deref().unwrap_or(""),
                ua.and_then(|u| u.heading.as_deref()),
                ub.and_then(|u| u.heading.as_deref()),
            )
        } else {
            Vec::new()
        };
        out.push(UnitChange {
            eid: eid.to_string(),
            name: UnitInWords::of(eid),
            kind,
            status_from: status_name(ua),
            status_to: status_name(ub),
            text_from: ta,
            text_to: tb,
            words,
            notes_changed,
            notes_from: na,
            notes_to: nb,
        });
    }
    let rank = |k: UnitChangeKind| match k {
        UnitChangeKind::Deleted => 0,
        UnitChangeKind::Inserted => 1,
        UnitChangeKind::Changed => 2,
        UnitChangeKind::NotesOnly => 3,
    };
    out.sort_by_key(|c| rank(c.kind));
    out
}

/// The act's versions, or its one implicit version when it has a single edition.
pub fn all_versions(act: &Act) -> Cow<'_, [ActVersion]> {
    if act.versions.is_empty() {
        Cow::Owned(vec![super::versions::implicit_version(act)])
    } else {
        Cow::Borrowed(&act.versions)
    }
}

/// One side of a diff: an edition's units, or every unit's wording on a date.
struct Side<'a> {
    /// The edition's id; for a date, the newest edition a wording (of the units in scope) on
    /// that date comes from.
    id: String,
    units: Vec<&'a Unit>,
}

/// The side `spec` names: an edition by id, else a date, whose units are each in the wording
/// the point-in-time rule gives for that date ([`super::time`]): the same wording `show
/// --as-of` gives, which is not always the edition in force by edition dates (a change takes
/// effect after its edition is dated).
fn side<'a>(
    act: &'a Act,
    versions: &'a [ActVersion],
    spec: &str,
    scope: Option<&str>,
) -> Option<Side<'a>> {
    if let Some(v) = versions.iter().find(|v| v.id == spec) {
        return Some(Side {
            id: v.id.clone(),
            units: v.units.iter().flat_map(Unit::walk).collect(),
        });
    }
    let date = crate::text::parse_iso_date(spec)
        .or_else(|| crate::structure::effective::parse_date(spec))?;
    let timeline = super::time::ActTimeline::new(act);
    let in_scope = |e: &str| match scope {
        None | Some("") => true,
        Some(s) => e == s || e.starts_with(&format!("{s}__")),
    };
    let mut newest: Option<usize> = None;
    let mut units = Vec::new();
    for (unit, answer) in super::time::units_at(&timeline, Some(date)) {
        let piece = answer.piece.map(|i| &unit.pieces()[i]);
        let Some(p) = piece.filter(|_| answer.state.has_wording()) else {
            // A unit whose wording on the date the corpus lacks cannot be compared: the date
            // names no version (a unit not yet in the act, or removed, is simply absent).
            let unknown = matches!(
                answer.state,
                TimeState::NotInCorpus { .. }
                    | TimeState::NotYetAdopted { .. }
                    | TimeState::NotYetInForce { .. }
                    | TimeState::ChangedAfterLatestEdition { .. }
            );
            if unknown && in_scope(unit.eid()) {
                return None;
            }
            continue;
        };
        if let Some(u) = timeline.unit_in(p.edition, unit.eid()) {
            if in_scope(unit.eid()) {
                newest = Some(newest.map_or(p.edition, |n| n.max(p.edition)));
            }
            units.push(u);
        }
    }
    let k = newest?;
    Some(Side {
        id: timeline.editions()[k].id.clone(),
        units,
    })
}

/// Compares the versions `from` and `to` (ids or dates) of an act, optionally one unit only.
/// A date compares every unit's wording in force on that date by the point-in-time rule.
pub fn diff_versions(act: &Act, from: &str, to: &str, eid: Option<&str>) -> crate::Result<ActDiff> {
    let versions = all_versions(act);
    let ids: Vec<&str> = versions.iter().map(|v| v.id.as_str()).collect();
    let pick = |spec: &str| {
        side(act, &versions, spec, eid).ok_or_else(|| crate::Error::UnknownVersion {
            act: act.id.clone(),
            spec: spec.to_string(),
            versions: ids.iter().map(|v| v.to_string()).collect(),
        })
    };
    let (va, vb) = (pick(from)?, pick(to)?);
    if let Some(e) = eid {
        let exists = |v: &Side| v.units.iter().any(|u| u.eid == e);
        let anywhere = versions
            .iter()
            .any(|v| v.units.iter().flat_map(Unit::walk).any(|u| u.eid == e));
        if !exists(&va) && !exists(&vb) && !anywhere {
            return Err(crate::Error::UnknownUnit {
                act: act.id.clone(),
                eid: e.to_string(),
            });
        }
    }
    let units = diff_unit_lists(&va.units, &vb.units, eid);
    let list = |k: UnitChangeKind| {
        units
            .iter()
            .filter(|c| c.kind == k)
            .map(|c| c.eid.clone())
            .collect::<Vec<_>>()
    };
    Ok(ActDiff {
        act: act.id.clone(),
        eid: eid.map(str::to_string),
        from: va.id,
        to: vb.id,
        deleted: list(UnitChangeKind::Deleted),
        inserted: list(UnitChangeKind::Inserted),
        changed: list(UnitChangeKind::Changed),
        notes_changed: units
            .iter()
            .filter(|c| c.notes_changed)
            .map(|c| c.eid.clone())
            .collect(),
        units,
    })
}
