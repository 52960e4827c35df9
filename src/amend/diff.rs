//! Differences between two versions of an act (or of one unit): which units were deleted,
//! inserted or changed, and a word-level diff of each changed unit. Words are Unicode word
//! boundaries (unicode-segmentation), not bytes; the diff is the `similar` crate's Patience diff.
//! A change only in a unit's `Ескерту` notes is reported apart from changes in the law's text.
//! A side asked as a date is each unit's wording in force that day by the one time rule
//! ([`super::time`]), with the rule's honest states where the corpus has no wording.

use crate::model::{Act, ActVersion, TimeState, Unit, UnitInWords, UnitStatus};
use chrono::NaiveDate;
use serde::Serialize;
use similar::{Algorithm, ChangeTag};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
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
    /// The corpus lacks the unit's wording on one side (not in the corpus, changed after the
    /// latest edition, not yet in force…; the side's state says why): whether it changed is
    /// not known.
    Unknown,
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
    /// Deleted, inserted, changed, not known, or only its notes changed.
    pub kind: UnitChangeKind,
    /// `live`, `deleted`, `pending`, `absent`, or `unknown` (a date whose wording the corpus
    /// lacks).
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
    /// True for a changed unit whose text was rewritten rather than edited: the two wordings
    /// (a heading rewritten aside, which `words` shows whole) share fewer than half the words
    /// of the longer one. Such a change reads best side by side (old | new), as
    /// legislation.gov.uk and eCFR show it; word marks only help where most words are shared.
    pub rewritten: bool,
    /// On a side asked as a date, the unit's state that day by the time rule (`None` on a side
    /// asked as an edition).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_from: Option<TimeState>,
    /// The unit's state on the later side's date, as `state_from`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_to: Option<TimeState>,
    /// True when the notes under the unit differ (also for text changes).
    pub notes_changed: bool,
    /// The notes under it in the earlier edition.
    pub notes_from: Vec<String>,
    /// The notes under it in the later edition.
    pub notes_to: Vec<String>,
}

/// One side of a compare: the text behind what was asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct DiffSide {
    /// The date the side is read on, when it was asked as a date: each unit's wording is the
    /// one in force that day by the time rule. `None` for a side asked as an edition id.
    pub date: Option<NaiveDate>,
    /// The editions the side's wordings come from, oldest first: the edition asked, or, on a
    /// date, every edition printing a wording (of the units compared) in force that day. Empty
    /// when the corpus has no wording for that day.
    pub editions: Vec<String>,
    /// On a date, the act's state that day when it is not simply in force: not yet adopted or
    /// not yet in force (no wording: nothing is compared on that side), repealed or no longer
    /// in its source (its last wording is compared, marked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<TimeState>,
    /// `state` in words, in the text's language (`13.08.2024 бастап күші жойылған`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_text: Option<String>,
}

/// The differences between two versions of an act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Diff))]
pub struct ActDiff {
    /// The act's id.
    pub act: String,
    /// The unit the diff is limited to, if any.
    pub eid: Option<String>,
    /// The earlier side as asked: an edition id (`2022-11-05`) or a date (`2020-01-01`).
    pub from: String,
    /// The later side as asked.
    pub to: String,
    /// The earlier side: its date, the editions behind it, its state.
    pub from_side: DiffSide,
    /// The later side, as `from_side`.
    pub to_side: DiffSide,
    /// Eids of the units deleted.
    pub deleted: Vec<String>,
    /// Eids of the units inserted.
    pub inserted: Vec<String>,
    /// Eids of the units whose text changed.
    pub changed: Vec<String>,
    /// Eids of the units whose wording the corpus lacks on one side, so that whether they
    /// changed is not known.
    pub unknown: Vec<String>,
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

/// A wording as compared: its words, each with its letter case and Latin look-alike letters
/// repaired (`Yкiметi` and `Үкіметі` are one word), as the time rule compares wordings; two
/// printings that differ only there are one wording, not a change (an old-layout edition
/// writing `правительства` where the later writes `Правительства`).
fn wording_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    for w in s.split_whitespace() {
        word.clear();
        crate::analysis::normalize::repair_lower(w, &mut word);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
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

/// Whether a wording (a heading, a unit's text) was rewritten rather than edited, and is shown
/// whole: when the words the two wordings share (case aside, each word counted as often as
/// both have it) are fewer than half the words of the longer one. «Аппарат Правительства Республики» → «Информационно-
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

/// The units of a side in `scope`, by eid.
fn units_in_scope<'a>(units: &[&'a Unit], scope: Option<&str>) -> BTreeMap<&'a str, &'a Unit> {
    units
        .iter()
        .copied()
        .filter(|u| in_scope(scope, &u.eid))
        .map(|u| (u.eid.as_str(), u))
        .collect()
}

/// Whether `eid` is `scope` or inside it (every eid when there is no scope).
fn in_scope(scope: Option<&str>, eid: &str) -> bool {
    match scope {
        None | Some("") => true,
        Some(s) => eid == s || eid.strip_prefix(s).is_some_and(|r| r.starts_with("__")),
    }
}

/// Whether the rule's state on a date leaves the unit's wording unknown: the corpus lacks it
/// (a unit not yet in the act, or removed from it, is absent, which is known).
fn wording_unknown(state: Option<&TimeState>) -> bool {
    state.is_some_and(|s| !s.has_wording() && !matches!(s, TimeState::NotYetInserted { .. }))
}

/// Compares two sides (each unit once, in document order), optionally limited to one unit and
/// its descendants. A side with no wording at all (the act not yet adopted, or not yet in
/// force, on its date) compares nothing: its state says why.
fn diff_unit_lists(old: &Side, new: &Side, scope: Option<&str>) -> Vec<UnitChange> {
    if [old, new]
        .iter()
        .any(|s| s.state.as_ref().is_some_and(|s| !s.has_wording()))
    {
        return Vec::new();
    }
    let a = units_in_scope(&old.units, scope);
    let b = units_in_scope(&new.units, scope);
    // The later side's order, then what only the earlier side has, then the units whose
    // wording neither side has (their states say why).
    let mut order: Vec<&str> = Vec::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let listed = new
        .units
        .iter()
        .map(|u| u.eid.as_str())
        .chain(old.units.iter().map(|u| u.eid.as_str()))
        .chain(new.order.iter().map(String::as_str))
        .chain(old.order.iter().map(String::as_str));
    for eid in listed {
        if in_scope(scope, eid) && seen.insert(eid) {
            order.push(eid);
        }
    }
    let mut out = Vec::new();
    for eid in order {
        let (ua, ub) = (a.get(eid).copied(), b.get(eid).copied());
        let (sa, sb) = (old.states.get(eid), new.states.get(eid));
        let live = |u: Option<&Unit>| u.is_some_and(|u| u.status != UnitStatus::Deleted);
        let ta = ua.map(own_text);
        let tb = ub.map(own_text);
        let na: Vec<String> = ua
            .map(|u| u.notes.iter().map(|n| norm(&n.text)).collect())
            .unwrap_or_default();
        let nb: Vec<String> = ub
            .map(|u| u.notes.iter().map(|n| norm(&n.text)).collect())
            .unwrap_or_default();
        let unknown = wording_unknown(sa) || wording_unknown(sb);
        let key = |n: &[String]| n.iter().map(|n| wording_key(n)).collect::<Vec<_>>();
        let notes_changed = !unknown && key(&na) != key(&nb);
        let kind = if unknown {
            Some(UnitChangeKind::Unknown)
        } else if live(ua) && !live(ub) {
            Some(UnitChangeKind::Deleted)
        } else if !live(ua) && live(ub) {
            Some(UnitChangeKind::Inserted)
        } else if live(ua)
            && live(ub)
            && ta.as_deref().map(wording_key) != tb.as_deref().map(wording_key)
        {
            Some(UnitChangeKind::Changed)
        } else if notes_changed {
            Some(UnitChangeKind::NotesOnly)
        } else {
            None
        };
        let Some(kind) = kind else { continue };
        let (words, rewritten) = if kind == UnitChangeKind::Changed {
            let (ta, tb) = (ta.as_deref().unwrap_or(""), tb.as_deref().unwrap_or(""));
            let (ha, hb) = (
                ua.and_then(|u| u.heading.as_deref()),
                ub.and_then(|u| u.heading.as_deref()),
            );
            // A heading rewritten is already shown whole within the word marks: only the rest
            // of the text decides whether the unit reads best side by side.
            let body = |t: &str, h: Option<&str>| match heading_at(t, h) {
                Some(r) => format!("{}{}", &t[..r.start], &t[r.end..]),
                None => t.to_string(),
            };
            (
                unit_word_diff(ta, tb, ha, hb),
                heading_rewritten(&body(ta, ha), &body(tb, hb)),
            )
        } else {
            (Vec::new(), false)
        };
        let status = |u: Option<&Unit>, s: Option<&TimeState>| {
            if wording_unknown(s) {
                "unknown"
            } else {
                status_name(u)
            }
        };
        out.push(UnitChange {
            eid: eid.to_string(),
            name: UnitInWords::of(eid),
            kind,
            status_from: status(ua, sa),
            status_to: status(ub, sb),
            text_from: ta,
            text_to: tb,
            words,
            rewritten,
            state_from: sa.cloned(),
            state_to: sb.cloned(),
            notes_changed,
            notes_from: na,
            notes_to: nb,
        });
    }
    let rank = |k: UnitChangeKind| match k {
        UnitChangeKind::Deleted => 0,
        UnitChangeKind::Inserted => 1,
        UnitChangeKind::Changed => 2,
        UnitChangeKind::Unknown => 3,
        UnitChangeKind::NotesOnly => 4,
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
    /// The date asked (`None`: an edition asked by id).
    date: Option<NaiveDate>,
    /// The editions the wordings of the units in scope come from, oldest first.
    editions: Vec<String>,
    /// The act's state on the date, when it is an act-wide edge ([`act_state`]).
    state: Option<TimeState>,
    /// The units compared: each in the wording the side gives it.
    units: Vec<&'a Unit>,
    /// On a date, the rule's state of every unit in scope.
    states: HashMap<String, TimeState>,
    /// On a date, the eids in scope in the rule's order (those without a wording too).
    order: Vec<String>,
}

/// Whether a unit's state on a date is one the whole act is in that day (not yet adopted, not
/// yet in force, repealed, no longer in its source, suspended, awaiting the day another act
/// sets) when every unit shares it.
fn act_wide(s: &TimeState) -> bool {
    matches!(
        s,
        TimeState::NotYetAdopted { .. }
            | TimeState::NotYetInForce { .. }
            | TimeState::Repealed { .. }
            | TimeState::SourceRemoved { .. }
            | TimeState::Suspended { .. }
            | TimeState::AwaitingOtherAct { .. }
    )
}

/// The act's state on a date from its units' states by the time rule: the edge every unit with
/// a state of its own shares (a unit not yet in the act, or removed, aside), when it is an
/// act-wide one; `None` when the act (or the units asked) is simply in force, or its units
/// differ.
pub(crate) fn act_state<'s>(states: impl IntoIterator<Item = &'s TimeState>) -> Option<TimeState> {
    let mut found: Option<&TimeState> = None;
    for s in states {
        if matches!(
            s,
            TimeState::NotYetInserted { .. } | TimeState::Deleted { .. }
        ) {
            continue;
        }
        match found {
            None => found = Some(s),
            Some(f) if f.as_str() == s.as_str() => {}
            Some(_) => return None,
        }
    }
    found.filter(|s| act_wide(s)).cloned()
}

/// The side `spec` names: an edition by id, else a date, whose units are each in the wording
/// the point-in-time rule gives for that date ([`super::time`]): the same wording `show
/// --as-of` gives, which is not always the edition in force by edition dates (a change takes
/// effect after its edition is dated). A date always names a side: where the corpus has no
/// wording for it, the units' states say so. `None` when `spec` is neither.
fn side<'a>(
    act: &'a Act,
    versions: &'a [ActVersion],
    spec: &str,
    scope: Option<&str>,
) -> Option<Side<'a>> {
    if let Some(v) = versions.iter().find(|v| v.id == spec) {
        return Some(Side {
            date: None,
            editions: vec![v.id.clone()],
            state: None,
            units: v.units.iter().flat_map(Unit::walk).collect(),
            states: HashMap::new(),
            order: Vec::new(),
        });
    }
    let date =
        crate::text::parse_iso_date(spec).or_else(|| crate::text::first_numeric_date(spec))?;
    let timeline = super::time::ActTimeline::new(act);
    let mut used: BTreeSet<usize> = BTreeSet::new();
    let mut units = Vec::new();
    let mut states = HashMap::new();
    let mut order = Vec::new();
    for (unit, answer) in super::time::units_at(&timeline, Some(date)) {
        let scoped = in_scope(scope, unit.eid());
        if scoped {
            states.insert(unit.eid().to_string(), answer.state.clone());
            order.push(unit.eid().to_string());
        }
        let piece = answer.piece.map(|i| (i, &unit.pieces()[i]));
        let Some((i, p)) = piece.filter(|_| answer.state.has_wording()) else {
            continue;
        };
        // The wording shown, also one the act gives the unit for a period.
        if let Some(u) = unit.unit(i) {
            if scoped {
                used.insert(p.edition);
            }
            units.push(u);
        }
    }
    let state = act_state(states.values());
    Some(Side {
        date: Some(date),
        editions: used
            .into_iter()
            .map(|k| timeline.editions()[k].id.clone())
            .collect(),
        state,
        units,
        states,
        order,
    })
}

/// Compares the versions `from` and `to` (ids or dates) of an act, optionally one unit only.
/// A date compares every unit's wording in force on that date by the point-in-time rule; a
/// unit whose wording the corpus lacks on a date is reported as such ([`UnitChangeKind::Unknown`]),
/// and a side on which the act had no text (not yet adopted, not yet in force) compares nothing
/// and says so in its [`DiffSide::state`].
pub fn diff_versions(act: &Act, from: &str, to: &str, eid: Option<&str>) -> crate::Result<ActDiff> {
    let versions = all_versions(act);
    let ids: Vec<&str> = versions.iter().map(|v| v.id.as_str()).collect();
    let (from, to) = (from.trim(), to.trim());
    let pick = |spec: &str| {
        side(act, &versions, spec, eid).ok_or_else(|| crate::Error::UnknownVersion {
            act: act.id.clone(),
            spec: spec.to_string(),
            versions: ids.iter().map(|v| v.to_string()).collect(),
        })
    };
    let (va, vb) = (pick(from)?, pick(to)?);
    if let Some(e) = eid {
        let exists = |v: &Side| v.units.iter().any(|u| u.eid == e) || v.states.contains_key(e);
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
    let units = diff_unit_lists(&va, &vb, eid);
    let list = |k: UnitChangeKind| {
        units
            .iter()
            .filter(|c| c.kind == k)
            .map(|c| c.eid.clone())
            .collect::<Vec<_>>()
    };
    let summary = |s: Side| DiffSide {
        state_text: s
            .state
            .as_ref()
            .map(|st| st.describe(s.date, Some(act.lang))),
        date: s.date,
        editions: s.editions,
        state: s.state,
    };
    Ok(ActDiff {
        act: act.id.clone(),
        eid: eid.map(str::to_string),
        from: from.to_string(),
        to: to.to_string(),
        deleted: list(UnitChangeKind::Deleted),
        inserted: list(UnitChangeKind::Inserted),
        changed: list(UnitChangeKind::Changed),
        unknown: list(UnitChangeKind::Unknown),
        notes_changed: units
            .iter()
            .filter(|c| c.notes_changed)
            .map(|c| c.eid.clone())
            .collect(),
        units,
        from_side: summary(va),
        to_side: summary(vb),
    })
}
