//! The point-in-time rule: which wording of a unit was in force on a date (`docs/time.md`).
//!
//! Per unit, not per file. The editions of one act's expression print a unit's wording; where
//! the wording changes from one edition to the next, the new wording is in force from the day
//! the change that produced it took effect — the effective date of the amendment notes on the
//! unit (on it, inside it, or on what contains it) whose amending act was signed, or that took
//! effect, after the previous edition and by this one (`күнтізбелік он күн өткен соң`,
//! `01.01.2023 бастап`, `вводится в действие с …`) — else from the edition's date, marked
//! estimated; it stays in force until the next change of that unit takes effect (the first
//! change the notes record after its edition, though the next edition prints only the last:
//! between the two the corpus lacks the wording). A unit a later edition no longer prints was
//! removed when the deletion of it (or of what contains it) the notes record took effect, else
//! on that edition's date; its wording ends there or at the first change recorded before it.
//! The earliest edition's wording is in force
//! from the last change its notes record for the unit (or from the act's adoption when they
//! record none): before that date the corpus lacks the wording.
//!
//! [`ActTimeline`] works this out once for an act; [`UnitTimeline::at`] answers for one unit
//! and one date. `show --as-of`, `search --as-of` (through the validity each unit document is
//! indexed with, [`UnitTimeline::pieces`], and [`state_in_piece`]), `diff` between dates and
//! `history` all read it, so the wording shown and the timeline never disagree.

use crate::model::{
    Act, ActVersion, AmendAction, Amendment, DatedBy, DaySetBy, EditionRef, EffectiveRule, Lang,
    LaterChange, Status, TimeLimit, TimeState, Unit, UnitStatus, UnitTime,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};

/// Whether an amendment on `target` concerns unit `eid`: the unit itself, something that
/// contains it (the Rules, the whole act: `""`), or something inside it.
pub fn touches(target: &str, eid: &str) -> bool {
    target.is_empty()
        || target == eid
        || eid.starts_with(&format!("{target}__"))
        || target.starts_with(&format!("{eid}__"))
}
/// An expiry on a unit (or what contains it), as [`TimeLimit::Expires`] states it: what the
/// index stores with each unit document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Expiry {
    /// The day it no longer applies.
    #[serde(rename = "s")]
    pub since: NaiveDate,
    /// The part that expired, when the words name a part and not the whole unit.
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// The provision of the act it applied until the day under (its eid).
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    pub under: Option<String>,
    /// The act the words name as the one it applied until the day by.
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    pub set_by: Option<crate::model::NamedAct>,
}
/// A suspension on a unit (or the whole act, or what contains the unit), as
/// [`TimeLimit::Suspended`] states it: what the index stores with each unit document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Suspension {
    /// The day it began, when known.
    #[serde(rename = "f", default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// The day the unit applies again, when printed.
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// Whether `from` is the earliest day it can have begun, not a day printed.
    #[serde(rename = "e", default, skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
    /// The suspending act as the words name it.
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// One edition of an act's expression as the rule sees it.
#[derive(Debug, Clone)]
pub struct Edition<'a> {
    /// Its id (`2022-11-05`, `applied:…`, `latest`, `current`).
    pub id: String,
    /// The edition's own date; for an undated text, the newest amending act its notes cite.
    pub date: Option<NaiveDate>,
    /// Whether `date` is an estimate (an undated text).
    pub date_estimated: bool,
    /// What `date` says: the database's edition date, or the day the edition took effect (a
    /// commit of the mirror's git history).
    pub dated_by: DatedBy,
    /// Its top-level units.
    pub units: &'a [Unit],
    /// The file it was read from.
    pub file: &'a str,
}

/// When a wording started to be in force, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Start {
    date: Option<NaiveDate>,
    estimated: bool,
    basis: String,
    /// The act whose provision sets the day, when `date` is only its earliest.
    awaiting: Option<DaySetBy>,
    /// The act of the change that dates it, when a change does.
    by: Option<String>,
    /// When `awaiting` names an earlier change the wording still holds: the later change
    /// with a known day that dates it ([`LaterChange`]).
    later: Option<LaterChange>,
}

/// One run of editions that print a unit in the same wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// In force from (`None`: unknown, as early as the act).
    pub from: Option<NaiveDate>,
    /// Until, exclusive (`None`: still in force).
    pub to: Option<NaiveDate>,
    /// Whether `from` rests on an assumption.
    pub from_estimated: bool,
    /// Why `from` is what it is.
    pub basis: String,
    /// When the wording's day is set by a provision of another act that the corpus does not
    /// give: that act and provision; `from` is then only the earliest day (its signing day,
    /// or the day a later change the wording also holds takes effect, `later_change`).
    pub awaiting: Option<DaySetBy>,
    /// When `awaiting` names an earlier change the wording still holds: the later change
    /// with a known day that dates `from`.
    pub later_change: Option<LaterChange>,
    /// When the notes record a change that took effect after the last edition printing the
    /// previous wording and before `from` (two or more changes between two editions, of which
    /// the later edition prints only the result): the date the first of them took effect and
    /// whether it is estimated. The unit's wording between that date and `from` is not in the
    /// corpus; the previous wording ends there.
    pub unknown_since: Option<(NaiveDate, bool)>,
}

/// One edition's printing of a unit, and the dates on which that printing answers for the
/// unit: what the unit's document of that edition is indexed as valid over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Index of the edition in [`ActTimeline::editions`].
    pub edition: usize,
    /// Index of its wording in [`UnitTimeline::segments`].
    pub segment: usize,
    /// Answers from this date (`None`: open).
    pub from: Option<NaiveDate>,
    /// Until this date, exclusive (`None`: open).
    pub to: Option<NaiveDate>,
    /// The wording is one the act gives the unit for a period in another provision
    /// ([`TimeLimit::Worded`]), not the edition's printing: it answers for those days only,
    /// and the index keeps no document of it.
    pub given: bool,
}

/// An amendment event as the rule reads it.
#[derive(Debug, Clone)]
struct Event<'a> {
    target: &'a str,
    action: AmendAction,
    signed: Option<NaiveDate>,
    /// The amending act's number, to tell it among acts of one day.
    number: Option<&'a str>,
    /// Effective date (the signing date when the rule gives none), estimated, and why.
    effective: Option<(NaiveDate, bool, String)>,
    /// The act whose provision sets the day, when the effective date is only its signing day.
    awaiting: Option<DaySetBy>,
    /// The amending act cited in the words of the text.
    cite: String,
}

impl Event<'_> {
    /// `a` as an event of a text in `lang`, which names the amending act in its words.
    fn of(a: &Amendment, lang: crate::model::Lang) -> Event<'_> {
        let effective = match (&a.effective, a.by.date) {
            (Some(e), _) => Some((
                e.date,
                e.estimated,
                format!("{} — {}", a.by.cite(lang), e.basis),
            )),
            // The day is in the amending act's own provision, which the corpus does not give
            // (the act is not in it, or its provision gives several days): the signing day is
            // the earliest it can be.
            (None, Some(s)) => Some((
                s,
                true,
                match &a.rule {
                    EffectiveRule::InAmendingAct {
                        number, paragraph, ..
                    } => format!(
                        "{} — in force as its {} {number} provides, a day the corpus does not \
                         give; not before its signing date {s}",
                        a.by.cite(lang),
                        if *paragraph { "paragraph" } else { "article" }
                    ),
                    _ => format!(
                        "{} — effective date not stated; the signing date {s} assumed",
                        a.by.cite(lang)
                    ),
                },
            )),
            (None, None) => None,
        };
        let awaiting = match (&a.rule, &a.effective, a.by.date) {
            (
                EffectiveRule::InAmendingAct {
                    number,
                    paragraph,
                    in_corpus,
                },
                None,
                Some(_),
            ) => Some(DaySetBy {
                kind: a.by.kind,
                date: a.by.date,
                number: a.by.number.clone(),
                citation: a.by.cite(lang),
                provision: number.clone(),
                paragraph: *paragraph,
                in_corpus: *in_corpus,
            }),
            _ => None,
        };
        Event {
            target: a.target_eid.as_str(),
            action: a.action,
            signed: a.by.date,
            number: a.by.number.as_deref(),
            effective,
            awaiting,
            cite: a.by.cite(lang),
        }
    }

    fn effective_date(&self) -> Option<NaiveDate> {
        self.effective.as_ref().map(|e| e.0)
    }
}

/// The whole rule's inputs for one act's expression, computed once: its editions, each
/// edition's units and wordings by eid, and the amendment events by target.
#[derive(Debug)]
pub struct ActTimeline<'a> {
    editions: Vec<Edition<'a>>,
    /// Per edition: eid → (unit, hash of its wording with its children's).
    units: Vec<HashMap<&'a str, (&'a Unit, u64)>>,
    /// Events that may change units (not announcements, repeals or the act's own title), by
    /// target eid (`""`: the whole act).
    events: BTreeMap<&'a str, Vec<Event<'a>>>,
    /// Changes this language's editions do not print: those the other language records after
    /// the newest edition, and those announced to take effect after it, by target eid.
    later: BTreeMap<&'a str, Vec<Event<'a>>>,
    /// The changes some edition announces for later (`… толықтыру көзделген`, `Примечание.
    /// … предусмотрено …`): (target eid, the amending act's signing date and number). An
    /// edition that announces a change prints the text before it.
    foreseen: Vec<(&'a str, Option<NaiveDate>, Option<&'a str>)>,
    /// The act's adoption date.
    adopted: Option<NaiveDate>,
    /// The language of the act's text: what its answers cite its provisions in.
    lang: crate::model::Lang,
    /// When the corpus shows the act's first text took effect after its adoption: that day
    /// and why ([`first_in_force`]).
    in_force: Option<InForce>,
    /// Units that take effect by a rule of their own (`статья 12 вводится в действие с …`),
    /// by eid: what is inside them follows them.
    unit_in_force: Vec<(&'a str, Option<InForce>)>,
    /// The other times of units ([`UnitTime`]): expiries, suspensions and wordings given for
    /// a period, each with the language of the twin's text it was read from.
    lapses: Vec<&'a UnitTime>,
    /// When the act is repealed: the date the repeal took effect and whether it is estimated.
    repeal: Option<(Option<NaiveDate>, bool)>,
    /// When the act's source stopped carrying it ([`Status::SourceRemoved`]).
    source_removed: Option<NaiveDate>,
    /// The spells the source did not carry the act before it came back ([`source_gaps`]).
    source_gaps: Vec<(NaiveDate, NaiveDate)>,
}

/// The day an act's (or a unit's) first text took effect, later than the act's adoption.
#[derive(Debug, Clone)]
struct InForce {
    date: NaiveDate,
    /// The day is the earliest a rule counted from publication allows (signing + N), the
    /// publication day unknown.
    estimated: bool,
    basis: String,
    /// The rule it comes from, when it counts from publication (said in the state).
    rule: Option<EffectiveRule>,
    /// The act another act's commencement waits for, when the day is that act's and the
    /// corpus does not give it: `date` is then the earliest it can be.
    awaiting: Option<DaySetBy>,
    /// The language of the act's other text whose words gave the day, when a unit's day was
    /// read there ([`UnitTime::read_from`]); `None` for this text's own words and the act's.
    read_from: Option<Lang>,
}

/// A reading of a unit's time with the language of the act's other text it was read from
/// ([`UnitTime::read_from`]; `None`: this text's own words).
type Reading<T> = (T, Option<Lang>);

/// A unit's expiry and suspension as [`ActTimeline::lapse_for`] chooses them, each with the
/// language it was read in.
type Lapse = (Option<Reading<Expiry>>, Option<Reading<Suspension>>);

/// A unit's wordings over the act's editions.
#[derive(Debug, Clone)]
pub struct UnitTimeline<'t, 'a> {
    timeline: &'t ActTimeline<'a>,
    eid: String,
    segments: Vec<Segment>,
    pieces: Vec<Piece>,
    /// When the unit's first printing answers from, when earlier than its wording's start: the
    /// act's adoption (or the unit's insertion) for a unit of the earliest edition, so that
    /// the dates between are answered "not in the corpus" rather than "not yet in the act".
    first_from: Option<NaiveDate>,
    /// For a unit the newest edition no longer prints: the day it was removed, and whether
    /// the day its last wording ends is estimated.
    removed: Option<(NaiveDate, bool)>,
    /// The wordings the act gives the unit for a period ([`Piece::given`]), by piece, with
    /// the provision giving each.
    given: Vec<(usize, &'a Unit, &'a str)>,
}

/// When a unit an edition no longer prints was removed ([`ActTimeline::removal`]).
#[derive(Debug, Clone, Copy)]
struct Removal {
    /// The day it was no longer in the act (with no deletion recorded, the date of the first
    /// edition without it).
    on: NaiveDate,
    /// Where its last wording ends (`on`, or the first change recorded before it), and
    /// whether that day is estimated.
    wording_to: (NaiveDate, bool),
}

/// What the rule answers for a unit on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The state.
    pub state: TimeState,
    /// The printing the answer comes from, as an index into [`UnitTimeline::pieces`]: the
    /// wording shown (also for a deletion, a placeholder or a repealed act's last wording), or,
    /// for "not in the corpus", the printing the corpus has instead. `None` when the answer has
    /// no edition (not yet adopted, not yet in the act, removed).
    pub piece: Option<usize>,
    /// The language of the act's other text whose reading the state rests on (the unit's
    /// commencement, expiry or suspension, or that of a unit containing it, as the rule chose
    /// it), when that reading was the twin's ([`UnitTime::read_from`]); `None` when this
    /// text's own words, or no reading of a unit, gave the state.
    pub read_from: Option<Lang>,
}

impl Answer {
    /// A state with no printing behind it and no reading of a unit's time.
    fn bare(state: TimeState) -> Answer {
        Answer {
            state,
            piece: None,
            read_from: None,
        }
    }
}

/// The facts about one printing of a unit that its state on a date depends on: what a unit
/// document of the index stores, so that a search hit and `show` state the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PieceFacts {
    /// The unit's status in that printing.
    pub status: UnitStatus,
    /// The wording's start (its segment's `from`).
    pub wording_from: Option<NaiveDate>,
    /// The date of the earliest edition of the act's expression.
    pub earliest_edition: Option<NaiveDate>,
    /// The repeal of the act, when repealed: its date and whether it is estimated.
    pub repeal: Option<(Option<NaiveDate>, bool)>,
    /// The day the act's source stopped carrying it, when it did ([`Status::SourceRemoved`]).
    pub source_removed: Option<NaiveDate>,
    /// The spells `[from, until)` the act's source did not carry it before it came back
    /// ([`source_gaps`]).
    pub source_gaps: Vec<(NaiveDate, NaiveDate)>,
    /// For the newest printing: the effective date (and whether it is estimated) of a change
    /// of the unit recorded only in the act's other language, or announced for later, that
    /// this language's editions do not print.
    pub superseded: Option<(NaiveDate, bool)>,
    /// The date of this language's latest edition.
    pub latest_edition: Option<NaiveDate>,
    /// Its wording's [`Segment::unknown_since`]: from when, before the wording's start, the
    /// unit's wording is not in the corpus.
    pub unknown_since: Option<(NaiveDate, bool)>,
    /// The day the unit (or what contains it) no longer applied, the part that expired when
    /// only a part did, and the provision it applied under ([`TimeLimit::Expires`]).
    pub expired: Option<Expiry>,
    /// The spell the unit (or what contains it, the whole act included) is suspended
    /// ([`TimeLimit::Suspended`]).
    pub suspended: Option<Suspension>,
    /// Its wording's [`Segment::awaiting`]: the act whose provision sets the day the wording
    /// takes effect, a day the corpus does not give.
    pub awaiting: Option<DaySetBy>,
    /// Its wording's [`Segment::later_change`].
    pub later_change: Option<LaterChange>,
}

/// What the index stores with each unit document about its printing's time: enough to state
/// a search hit as [`UnitTimeline::at`] states the unit ([`state_in_piece`]), and to name its
/// wording's dates. Short field names: one is stored per unit document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct StoredTime {
    /// The wording's start.
    #[serde(rename = "f", default, skip_serializing_if = "Option::is_none")]
    pub wording_from: Option<NaiveDate>,
    /// The wording's end, exclusive.
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    pub wording_to: Option<NaiveDate>,
    /// Whether the start is estimated.
    #[serde(rename = "e", default, skip_serializing_if = "std::ops::Not::not")]
    pub from_estimated: bool,
    /// The edition's own date.
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub edition_date: Option<NaiveDate>,
    /// The date of the act's earliest edition.
    #[serde(rename = "x", default, skip_serializing_if = "Option::is_none")]
    pub earliest_edition: Option<NaiveDate>,
    /// A placeholder's announced date.
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub pending_from: Option<NaiveDate>,
    /// The act's repeal: its date and whether it is estimated.
    #[serde(rename = "r", default, skip_serializing_if = "Option::is_none")]
    pub repeal: Option<(Option<NaiveDate>, bool)>,
    /// The day the act's source stopped carrying it ([`PieceFacts::source_removed`]).
    #[serde(rename = "o", default, skip_serializing_if = "Option::is_none")]
    pub source_removed: Option<NaiveDate>,
    /// The spells its source did not carry it before it came back ([`PieceFacts::source_gaps`]).
    #[serde(rename = "v", default, skip_serializing_if = "Vec::is_empty")]
    pub source_gaps: Vec<(NaiveDate, NaiveDate)>,
    /// A later change this language's editions do not print ([`PieceFacts::superseded`]).
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    pub superseded: Option<(NaiveDate, bool)>,
    /// The date of this language's latest edition.
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    pub latest_edition: Option<NaiveDate>,
    /// The start of the dates before the wording's own for which the corpus lacks the unit's
    /// wording ([`Segment::unknown_since`]).
    #[serde(rename = "g", default, skip_serializing_if = "Option::is_none")]
    pub unknown_since: Option<(NaiveDate, bool)>,
    /// The unit's expiry ([`PieceFacts::expired`]).
    #[serde(rename = "w", default, skip_serializing_if = "Option::is_none")]
    pub expired: Option<Expiry>,
    /// The unit's suspension ([`PieceFacts::suspended`]).
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    pub suspended: Option<Suspension>,
    /// The act that sets its wording's day ([`PieceFacts::awaiting`]).
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    pub awaiting: Option<DaySetBy>,
    /// The later change that dates its wording's start ([`PieceFacts::later_change`]).
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    pub later_change: Option<LaterChange>,
}

impl StoredTime {
    /// The facts of printing `i` of `unit`, to store.
    pub fn of(unit: &UnitTimeline, i: usize) -> StoredTime {
        let facts = unit.facts(i);
        let p = &unit.pieces[i];
        let seg = &unit.segments[p.segment];
        StoredTime {
            wording_from: seg.from,
            wording_to: seg.to,
            from_estimated: seg.from_estimated,
            edition_date: unit.timeline.editions[p.edition].date,
            earliest_edition: facts.earliest_edition,
            pending_from: match facts.status {
                UnitStatus::Pending { from } => from,
                _ => None,
            },
            repeal: facts.repeal,
            source_removed: facts.source_removed,
            source_gaps: facts.source_gaps,
            superseded: facts.superseded,
            latest_edition: facts.latest_edition,
            unknown_since: facts.unknown_since,
            expired: facts.expired,
            suspended: facts.suspended,
            awaiting: facts.awaiting,
            later_change: facts.later_change,
        }
    }

    /// The facts a state is read from, with the unit's status named as the index stores it
    /// (`live`, `deleted`, `pending`).
    pub fn facts(&self, status: &str) -> PieceFacts {
        PieceFacts {
            status: match status {
                "deleted" => UnitStatus::Deleted,
                "pending" => UnitStatus::Pending {
                    from: self.pending_from,
                },
                _ => UnitStatus::Live,
            },
            wording_from: self.wording_from,
            earliest_edition: self.earliest_edition,
            repeal: self.repeal,
            source_removed: self.source_removed,
            source_gaps: self.source_gaps.clone(),
            superseded: self.superseded,
            latest_edition: self.latest_edition,
            unknown_since: self.unknown_since,
            expired: self.expired.clone(),
            suspended: self.suspended.clone(),
            awaiting: self.awaiting.clone(),
            later_change: self.later_change.clone(),
        }
    }
}

/// The state of a unit on `date` (`None`: today's text) from a printing that answers for that
/// date: repealed, no longer in the act's source, a deletion or placeholder in force, not in
/// the corpus (before the wording's start), a wording whose day another act sets, in force
/// before the earliest edition, or in force.
pub fn state_in_piece(date: Option<NaiveDate>, facts: &PieceFacts) -> TimeState {
    if let Some((since, estimated)) = facts.repeal {
        if date.is_none() || since.is_some_and(|s| date.is_some_and(|d| s <= d)) {
            return TimeState::Repealed { since, estimated };
        }
    }
    if let Some(since) = facts.source_removed {
        if date.is_none_or(|d| since <= d) {
            return TimeState::SourceRemoved { since, until: None };
        }
    }
    if let Some(d) = date {
        let gap = facts
            .source_gaps
            .iter()
            .find(|(from, until)| *from <= d && d < *until);
        if let Some(&(since, until)) = gap {
            return TimeState::SourceRemoved {
                since,
                until: Some(until),
            };
        }
    }
    if let Some((since, estimated)) = facts.superseded {
        let day = date.unwrap_or_else(|| chrono::Local::now().date_naive());
        if since <= day {
            return TimeState::ChangedAfterLatestEdition {
                since,
                estimated,
                latest_edition: facts.latest_edition,
            };
        }
    }
    if let Some(d) = date {
        // Before the wording's start, or before the earliest edition when the start is unknown.
        let before = match (facts.wording_from, facts.earliest_edition) {
            (Some(w), _) => d < w,
            (None, Some(e)) => d < e,
            (None, None) => false,
        };
        if before {
            // Between two editions: from the first change recorded after the earlier wording.
            let gap = facts.unknown_since.filter(|(g, _)| *g <= d);
            return TimeState::NotInCorpus {
                earliest_edition: facts.earliest_edition,
                since: gap.map(|g| g.0),
                estimated: gap.is_some_and(|g| g.1),
                until: gap.and(facts.wording_from),
            };
        }
    }
    if facts.status == UnitStatus::Live {
        if let Some(state) = lapse_state(date, facts) {
            return state;
        }
    }
    // A wording whose day another act sets is not in force before that act's signing day (the
    // dates before answer above); from then whether it is in force is not known.
    if let (Some(set_by), Some(not_before), UnitStatus::Live | UnitStatus::Deleted) =
        (&facts.awaiting, facts.wording_from, &facts.status)
    {
        return TimeState::AwaitingOtherAct {
            not_before,
            set_by: set_by.clone(),
            later_change: facts.later_change.clone(),
        };
    }
    match &facts.status {
        UnitStatus::Deleted => TimeState::Deleted {
            since: facts.wording_from,
        },
        UnitStatus::Pending { from } => TimeState::Pending { from: *from },
        UnitStatus::Live => match (date, facts.earliest_edition) {
            (Some(d), Some(e)) if d < e => TimeState::InForceBeforeEarliestEdition {
                earliest_edition: e,
            },
            _ => TimeState::InForce,
        },
    }
}

/// The state of a live unit expired or suspended on `date` (`None`: today), if it is.
fn lapse_state(date: Option<NaiveDate>, facts: &PieceFacts) -> Option<TimeState> {
    let day = date.unwrap_or_else(|| chrono::Local::now().date_naive());
    if let Some(x) = &facts.expired {
        if x.since <= day {
            return Some(TimeState::Expired {
                since: x.since,
                part: x.part.clone(),
                under: x.under.clone(),
                set_by: x.set_by.clone(),
            });
        }
    }
    if let Some(s) = &facts.suspended {
        if s.from.is_none_or(|f| f <= day) && s.until.is_none_or(|u| day < u) {
            return Some(TimeState::Suspended {
                from: s.from,
                until: s.until,
                estimated: s.estimated,
                by: s.by.clone(),
            });
        }
    }
    None
}

/// Whether a unit's printing with these stored facts no longer applies today (expired, or
/// suspended now, its whole text): a search of the current law ranks it with the units of
/// repealed acts.
pub fn lapsed_today(facts: &PieceFacts) -> bool {
    matches!(
        lapse_state(None, facts),
        Some(TimeState::Expired { part: None, .. } | TimeState::Suspended { .. })
    )
}

/// The editions of `act` oldest first: its versions, or its own text as its one edition.
pub fn editions(act: &Act) -> Vec<Edition<'_>> {
    if act.versions.is_empty() {
        let (date, date_estimated) = match act.version_date {
            Some(d) => (Some(d), false),
            None => (undated_text_date(act), true),
        };
        let id = act
            .version_date
            .or(act.date())
            .map_or_else(|| "current".to_string(), |d| d.to_string());
        let dated_by = match act.version_date {
            Some(_) => act.version_dated_by,
            None => DatedBy::Database,
        };
        return vec![Edition {
            id,
            date,
            date_estimated,
            dated_by,
            units: &act.units,
            file: &act.source.file,
        }];
    }
    let mut out: Vec<Edition> = act
        .versions
        .iter()
        .map(|v: &ActVersion| Edition {
            id: v.id.clone(),
            date: v.from,
            date_estimated: v.id == "latest" || v.id == "current",
            dated_by: v.dated_by,
            units: &v.units,
            file: &v.source.file,
        })
        .collect();
    // Versions that end before the act's own text (older editions only, as an act built in
    // code may list them): its text is the newest edition, from where they end.
    if let Some(last) = act.versions.last().filter(|v| v.to.is_some()) {
        out.push(Edition {
            id: "current".to_string(),
            date: last.to,
            date_estimated: false,
            dated_by: DatedBy::Database,
            units: &act.units,
            file: &act.source.file,
        });
    }
    out
}

/// The date of a consolidated text that prints none: the newest amending act its notes cite
/// (the text carries it), else the act's own date.
fn undated_text_date(act: &Act) -> Option<NaiveDate> {
    act.amendments
        .iter()
        .filter(|a| a.action != AmendAction::Prospective)
        .filter_map(|a| a.by.date.or(a.effective.as_ref().map(|e| e.date)))
        .max()
        .or(act.date())
}

/// The day the act's first text took effect, when the corpus shows it later than the act's
/// adoption, and why: a day its commencement clause fixes (`2020 жылғы 1 қаңтардан бастап
/// қолданысқа енгізіледі`) or counts from a known publication day; else the commit of its
/// earliest edition when that edition is the act as adopted (its notes record no change) and
/// the mirror dates it to the day it took effect; else the earliest day a rule counted from
/// publication allows (the signing day + N, estimated). Between the adoption and that day the
/// act answers "not yet in force", never with its text.
fn first_in_force(act: &Act, editions: &[Edition]) -> Option<InForce> {
    let adopted = act.date()?;
    if let Some(at) = awaiting_other_act(act, adopted) {
        return Some(at);
    }
    let by_rule = super::commencement_rule(act).and_then(|r| rule_in_force(r, act, adopted));
    // An exact day from the clause counts over all; the commit of the act as adopted, which
    // the mirror dates to the day it took effect, over an estimate from the signing day.
    if let Some(at) = by_rule.as_ref().filter(|at| !at.estimated) {
        return Some(at.clone());
    }
    by_commit(act, editions, adopted).or(by_rule)
}

/// An act brought into effect by another act whose day the corpus does not give
/// ([`EffectiveRule::WithOtherAct`] with no day): not in force before the later of its adoption
/// and that act's signing, and from then in force on a day that act sets, not known.
fn awaiting_other_act(act: &Act, adopted: NaiveDate) -> Option<InForce> {
    let rule @ EffectiveRule::WithOtherAct {
        act: by,
        on: None,
        in_corpus,
    } = act.commencement.as_ref()?
    else {
        return None;
    };
    let citation = by.cite(act.lang);
    let not_before = by.date.map_or(adopted, |d| d.max(adopted));
    Some(InForce {
        date: not_before,
        estimated: true,
        basis: format!(
            "brought into effect by {citation}, {}: not before {not_before}",
            if *in_corpus {
                "whose text in the corpus gives no day for it"
            } else {
                "an act the corpus does not hold"
            }
        ),
        rule: Some(rule.clone()),
        awaiting: Some(DaySetBy {
            kind: by.kind,
            date: by.date,
            number: by.number.clone(),
            citation,
            provision: String::new(),
            paragraph: false,
            in_corpus: *in_corpus,
        }),
        read_from: None,
    })
}

/// The commit of the act's earliest edition, when that edition is the act as adopted and the
/// mirror dates it to the day it took effect, later than the adoption.
fn by_commit(act: &Act, editions: &[Edition], adopted: NaiveDate) -> Option<InForce> {
    let first = editions.first()?;
    let d0 = first
        .date
        .filter(|_| first.dated_by.took_effect() && !first.date_estimated)?;
    // An earliest edition whose notes record a change is an amended text: its commit dates
    // that edition, not the act's first text.
    let amended = act
        .amendments
        .iter()
        .filter(|a| a.action != AmendAction::Prospective)
        .any(|a| a.by.date.is_none_or(|s| s <= d0));
    (d0 > adopted && !amended).then(|| InForce {
        date: d0,
        estimated: false,
        basis: format!(
            "commit of {d0}: the day the act's first text (edition {}) took effect, as the \
             mirror dates it",
            first.id
        ),
        rule: None,
        awaiting: None,
        read_from: None,
    })
}

/// The day a commencement rule gives, when later than the act's adoption: exact for a fixed
/// day or a known publication day, else the earliest it can be (the signing day + N),
/// estimated.
fn rule_in_force(rule: &EffectiveRule, act: &Act, adopted: NaiveDate) -> Option<InForce> {
    let at = crate::structure::effective::resolve_act(rule, act)?;
    (at.date > adopted).then(|| InForce {
        date: at.date,
        estimated: at.estimated,
        basis: format!("the act's commencement clause: {}", at.basis),
        rule: (!matches!(rule, EffectiveRule::OnDate { .. })).then(|| rule.clone()),
        awaiting: None,
        read_from: None,
    })
}

/// When the act's repeal took effect: the effective date of the note repealing it when it has
/// one, else the date its status gives. `None` when the act is not repealed.
pub fn repeal_of(act: &Act) -> Option<(Option<NaiveDate>, bool)> {
    let Status::Repealed { on, estimated, .. } = &act.status else {
        return None;
    };
    let event = act
        .amendments
        .iter()
        .filter(|a| a.action == AmendAction::Repealed && a.target_eid.is_empty())
        .filter_map(|a| a.effective.as_ref())
        .max_by_key(|e| e.date);
    Some(match event {
        Some(e) => (Some(e.date), e.estimated),
        None => (*on, *estimated),
    })
}

/// The day the act's source stopped carrying it, when it did ([`Status::SourceRemoved`]): from
/// then on the corpus does not know whether its last wording is in force.
pub fn source_removed_of(act: &Act) -> Option<NaiveDate> {
    match act.status {
        Status::SourceRemoved { on } => Some(on),
        _ => None,
    }
}

/// The spells `[from, until)` the act's source did not carry it before it came back: from
/// the day an edition's [`ActVersion::source_removed`] gives to the next edition's start.
pub fn source_gaps(act: &Act) -> Vec<(NaiveDate, NaiveDate)> {
    act.versions
        .windows(2)
        .filter_map(|w| match (w[0].source_removed, w[1].from) {
            (Some(from), Some(until)) if from < until => Some((from, until)),
            _ => None,
        })
        .collect()
}

/// The day the corpus last knows the act's text in force: its repeal's (when dated) or the
/// day its source stopped carrying it, whichever is earlier.
pub fn known_until(act: &Act) -> Option<NaiveDate> {
    earlier(
        repeal_of(act).and_then(|(on, _)| on),
        source_removed_of(act),
    )
}

/// The earlier of two days that may be unknown (`None` only when both are).
fn earlier(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Whether unit `outer` is unit `eid` or contains it (by eid).
fn contains(outer: &str, eid: &str) -> bool {
    eid == outer || eid.strip_prefix(outer).is_some_and(|r| r.starts_with("__"))
}

/// The eids of `act`'s units an expiry or a suspension is on (`""`: the whole act): only
/// these units and the units inside them can have stopped applying on a day
/// ([`ActTimeline::lapse_for`] reads nothing else).
pub(crate) fn lapsing(act: &Act) -> Vec<&str> {
    act.unit_times
        .iter()
        .filter(|t| {
            matches!(
                t.limit,
                TimeLimit::Expires { .. } | TimeLimit::Suspended { .. }
            )
        })
        .map(|t| t.eid.as_str())
        .collect()
}

/// Whether unit `eid` is one of the `lapsing` eids ([`lapsing`]) or inside one.
pub(crate) fn under_lapse(lapsing: &[&str], eid: &str) -> bool {
    lapsing.iter().any(|e| e.is_empty() || contains(e, eid))
}

/// The hash of a unit's wording (its heading and text, then its children's), the same for two
/// printings that differ only in spacing, letter case or Latin look-alike letters.
fn wording_hash<'a>(u: &'a Unit, out: &mut HashMap<&'a str, (&'a Unit, u64)>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut word = String::new();
    for part in [u.heading.as_deref().unwrap_or(""), "\u{1}", u.text.as_str()] {
        for w in part.split_whitespace() {
            word.clear();
            crate::analysis::normalize::repair_lower(w, &mut word);
            word.hash(&mut h);
        }
    }
    for c in &u.children {
        wording_hash(c, out).hash(&mut h);
    }
    let v = h.finish();
    out.insert(u.eid.as_str(), (u, v));
    v
}

/// Whether an amendment changes the wording of the units it concerns: not an announcement, a
/// repeal of the act, or a new title of the act.
fn changes_wording(a: &Amendment) -> bool {
    match a.action {
        AmendAction::Prospective | AmendAction::Repealed => false,
        AmendAction::Renamed => !a.target_eid.is_empty(),
        _ => true,
    }
}

fn after(bound: Option<NaiveDate>, d: NaiveDate) -> bool {
    bound.is_none_or(|b| d > b)
}

fn by(bound: Option<NaiveDate>, d: NaiveDate) -> bool {
    bound.is_none_or(|b| d <= b)
}

/// Whether the amending act of `e` was signed, or took effect, after the edition of `prev`
/// and by the edition of `this`: a change an edition of `this` prints and one of `prev` does
/// not.
fn recorded_between(e: &Event, prev: Option<NaiveDate>, this: Option<NaiveDate>) -> bool {
    let signed = e.signed.is_some_and(|s| after(prev, s) && by(this, s));
    let took = e
        .effective_date()
        .is_some_and(|d| after(prev, d) && by(this, d));
    signed || took
}

impl<'a> ActTimeline<'a> {
    /// The rule's inputs for `act` (one expression).
    pub fn new(act: &'a Act) -> Self {
        let editions = editions(act);
        // Wordings are compared between editions only: one edition needs no hashes.
        let compare = editions.len() > 1;
        let units = editions
            .iter()
            .map(|e| {
                let mut m = HashMap::new();
                for u in e.units {
                    if compare {
                        wording_hash(u, &mut m);
                    } else {
                        for w in u.walk() {
                            m.insert(w.eid.as_str(), (w, 0));
                        }
                    }
                }
                m
            })
            .collect();
        let mut events: BTreeMap<&str, Vec<Event>> = BTreeMap::new();
        for a in act.amendments.iter().filter(|a| changes_wording(a)) {
            events
                .entry(a.target_eid.as_str())
                .or_default()
                .push(Event::of(a, act.lang));
        }
        let newest = editions.last().and_then(|e| e.date);
        let mut later: BTreeMap<&str, Vec<Event>> = BTreeMap::new();
        let announced = act
            .amendments
            .iter()
            .filter(|a| a.action == AmendAction::Prospective)
            .filter(|a| {
                let eff = a.effective.as_ref().map(|e| e.date);
                eff.is_some_and(|d| newest.is_some_and(|n| d > n))
            });
        let foreign = act.later_changes.iter().filter(|a| changes_wording(a));
        for a in announced.chain(foreign) {
            later
                .entry(a.target_eid.as_str())
                .or_default()
                .push(Event::of(a, act.lang));
        }
        let foreseen = act
            .amendments
            .iter()
            .filter(|a| a.action == AmendAction::Prospective)
            .map(|a| (a.target_eid.as_str(), a.by.date, a.by.number.as_deref()))
            .collect();
        let in_force = first_in_force(act, &editions);
        let unit_in_force = act
            .unit_times
            .iter()
            .filter_map(|t| match &t.limit {
                TimeLimit::Commences { rule } => Some((
                    t.eid.as_str(),
                    act.date()
                        .and_then(|a| rule_in_force(rule, act, a))
                        .map(|at| InForce {
                            read_from: t.read_from,
                            ..at
                        }),
                )),
                _ => None,
            })
            .collect();
        let lapses = act
            .unit_times
            .iter()
            .filter(|t| !matches!(t.limit, TimeLimit::Commences { .. }))
            .collect();
        ActTimeline {
            editions,
            units,
            events,
            later,
            foreseen,
            adopted: act.date(),
            lang: act.lang,
            in_force,
            unit_in_force,
            lapses,
            repeal: repeal_of(act),
            source_removed: source_removed_of(act),
            source_gaps: source_gaps(act),
        }
    }

    /// When unit `eid` took effect, when later than the act's adoption: the rule of its own
    /// on it or the nearest unit containing it, else the act's.
    fn in_force_for(&self, eid: &str) -> Option<&InForce> {
        let own = self
            .unit_in_force
            .iter()
            .filter(|(e, _)| contains(e, eid))
            .max_by_key(|(e, _)| e.len());
        match own {
            Some((_, at)) => at.as_ref(),
            None => self.in_force.as_ref(),
        }
    }

    /// The expiry and suspension on unit `eid` or what contains it (the nearest; an eid `""`
    /// is the whole act, as a suspension its requisite prints), each with the language of the
    /// text it was read from.
    fn lapse_for(&self, eid: &str) -> Lapse {
        let mut expired: Option<(usize, Reading<Expiry>)> = None;
        let mut suspended: Option<(usize, Reading<Suspension>)> = None;
        for t in self
            .lapses
            .iter()
            .filter(|t| t.eid.is_empty() || contains(&t.eid, eid))
        {
            let e = &t.eid;
            match &t.limit {
                TimeLimit::Expires {
                    since,
                    part,
                    under,
                    set_by,
                } => {
                    // A part expired counts on the unit it is in only.
                    if part.is_some() && *e != eid {
                        continue;
                    }
                    let x = Expiry {
                        since: *since,
                        part: part.clone(),
                        under: under.clone(),
                        set_by: set_by.clone(),
                    };
                    let x = (x, t.read_from);
                    expired = Some(match expired.take() {
                        None => (e.len(), x),
                        Some((n, _)) if e.len() > n => (e.len(), x),
                        // Two readings of one unit's expiry on one day (its own words, and
                        // the transitional provision naming it): the one naming its
                        // provision, with what the other names that it does not.
                        Some((n, prev)) if e.len() == n && prev.0.since == *since => {
                            let (mut base, other) = if prev.0.under.is_none() && x.0.under.is_some()
                            {
                                (x, prev)
                            } else {
                                (prev, x)
                            };
                            base.0.under = base.0.under.or(other.0.under);
                            base.0.set_by = base.0.set_by.or(other.0.set_by);
                            (n, base)
                        }
                        Some(prev) => prev,
                    });
                }
                TimeLimit::Suspended {
                    from,
                    until,
                    estimated,
                    by,
                } => {
                    if suspended.as_ref().is_none_or(|x| e.len() > x.0) {
                        let s = Suspension {
                            from: *from,
                            until: *until,
                            estimated: *estimated,
                            by: by.clone(),
                        };
                        suspended = Some((e.len(), (s, t.read_from)));
                    }
                }
                TimeLimit::Commences { .. } | TimeLimit::Worded { .. } => {}
            }
        }
        (expired.map(|(_, x)| x), suspended.map(|(_, s)| s))
    }

    /// Its editions, oldest first.
    pub fn editions(&self) -> &[Edition<'a>] {
        &self.editions
    }

    /// The unit `eid` as edition `k` prints it.
    pub fn unit_in(&self, k: usize, eid: &str) -> Option<&'a Unit> {
        self.units.get(k)?.get(eid).map(|(u, _)| *u)
    }

    /// The date of the earliest edition.
    pub fn earliest_edition(&self) -> Option<NaiveDate> {
        self.editions.first().and_then(|e| e.date)
    }

    /// Every eid any edition prints, in the order of the newest edition, then the older ones'.
    pub fn eids(&self) -> Vec<&'a str> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for e in self.editions.iter().rev() {
            for u in e.units.iter().flat_map(Unit::walk) {
                if seen.insert(u.eid.as_str()) {
                    out.push(u.eid.as_str());
                }
            }
        }
        out
    }

    /// The events that may change unit `eid`.
    fn events_for(&self, eid: &str) -> Vec<&Event<'a>> {
        let mut out: Vec<&Event> = Vec::new();
        // The whole act, every ancestor, the unit.
        let targets = std::iter::once("")
            .chain(eid.match_indices("__").map(|(i, _)| &eid[..i]))
            .chain(std::iter::once(eid));
        for t in targets {
            if let Some(v) = self.events.get(t) {
                for e in v {
                    // An ancestor's heading renamed does not change what is inside it.
                    if e.action == AmendAction::Renamed && e.target != eid {
                        continue;
                    }
                    out.push(e);
                }
            }
        }
        // Everything inside it.
        let inner = format!("{eid}__");
        for (_, v) in self
            .events
            .range::<str, _>((
                std::ops::Bound::Excluded(inner.as_str()),
                std::ops::Bound::Unbounded,
            ))
            .take_while(|(k, _)| k.starts_with(&inner))
        {
            out.extend(v.iter());
        }
        // What an edition prints inside it under eids of their own (a chapter's articles).
        for t in self.nested(eid) {
            if let Some(v) = self.events.get(t) {
                out.extend(v.iter());
            }
        }
        out
    }

    /// The units some edition prints inside unit `eid` whose eids do not start with its own
    /// (`art_12` inside `chp_3`): a change of them changes its wording too.
    fn nested(&self, eid: &str) -> std::collections::BTreeSet<&'a str> {
        let inner = format!("{eid}__");
        self.units
            .iter()
            .filter_map(|m| m.get(eid))
            .flat_map(|(u, _)| u.children.iter().flat_map(Unit::walk))
            .map(|u| u.eid.as_str())
            .filter(|e| !e.starts_with(&inner))
            .collect()
    }

    /// The timeline of unit `eid` (empty when no edition prints it).
    pub fn unit(&self, eid: &str) -> UnitTimeline<'_, 'a> {
        let events = self.events_for(eid);
        let inner = format!("{eid}__");
        let nested = self.nested(eid);
        let own = |e: &Event| {
            e.target == eid || e.target.starts_with(&inner) || nested.contains(e.target)
        };
        let n = self.editions.len();
        let mut segments: Vec<Segment> = Vec::new();
        let mut pieces: Vec<Piece> = Vec::new();
        let mut prev: Option<u64> = None;
        // The edition after the last one that printed the unit, when it stopped printing it.
        let mut gone_at: Option<usize> = None;
        for k in 0..n {
            let Some(&(unit, hash)) = self.units[k].get(eid) else {
                if prev.is_some() && gone_at.is_none() {
                    gone_at = Some(k);
                }
                prev = None;
                continue;
            };
            if prev == Some(hash) {
                let seg = segments.len() - 1;
                pieces.push(Piece {
                    edition: k,
                    segment: seg,
                    from: None,
                    to: None,
                    given: false,
                });
                continue;
            }
            // A deletion printed is dated by the note that deleted the unit (or what contains
            // it), not by the other changes the notes record on it.
            let deletion = |e: &Event| {
                unit.status == UnitStatus::Deleted
                    && e.action == AmendAction::Deleted
                    && !e.target.is_empty()
                    && contains(e.target, eid)
            };
            let start = if k == 0 {
                self.earliest_start(&events, unit, &nested, &deletion)
            } else {
                self.change_start(
                    &events,
                    &own,
                    &deletion,
                    k,
                    segments.last().and_then(|s| s.from),
                )
            };
            let start = if unit.status == UnitStatus::Deleted {
                start
            } else {
                self.held_back(&events, eid, k, start)
            };
            segments.push(Segment {
                from: start.date,
                to: None,
                from_estimated: start.estimated,
                basis: start.basis,
                awaiting: start.awaiting,
                later_change: start.later,
                unknown_since: None,
            });
            pieces.push(Piece {
                edition: k,
                segment: segments.len() - 1,
                from: None,
                to: None,
                given: false,
            });
            gone_at = None;
            prev = Some(hash);
        }
        // Starts never go back in time.
        for i in 1..segments.len() {
            if let (Some(a), Some(b)) = (segments[i - 1].from, segments[i].from) {
                if b < a {
                    segments[i].from = Some(a);
                }
            } else if segments[i].from.is_none() {
                segments[i].from = segments[i - 1].from;
            }
        }
        // Each wording ends where the next begins; the last at the unit's removal or the act's
        // repeal. A unit an edition no longer prints was removed when the deletion of it (or
        // of what contains it) the notes record took effect, else by that edition's date; its
        // last wording ends there, or at the first change the notes record before it (the
        // dates between are not in the corpus).
        let removed = gone_at.and_then(|k| self.removal(eid, &events, &pieces, k));
        let last_end = match (gone_at, removed) {
            (Some(_), Some(r)) => Some(r.wording_to.0),
            (Some(k), None) => self.editions[k].date,
            (None, _) => earlier(self.repeal.and_then(|(d, _)| d), self.source_removed),
        };
        for i in 0..segments.len() {
            segments[i].to = match segments.get(i + 1) {
                Some(next) => next.from,
                None => last_end,
            };
        }
        // ... unless a change the notes record after the last edition printing a wording took
        // effect before the next wording's start: the notes of a later edition can record
        // several changes of which it prints only the last, and the wording between the first
        // and the last is not in the corpus. The earlier wording ends at the first.
        for i in 1..segments.len() {
            let (Some(old), Some(new)) = (
                pieces.iter().rev().find(|p| p.segment == i - 1),
                pieces.iter().find(|p| p.segment == i),
            ) else {
                continue;
            };
            let (prev, this) = (
                self.editions[old.edition].date,
                self.editions[new.edition].date,
            );
            let first = events
                .iter()
                .filter(|e| recorded_between(e, prev, this))
                .filter_map(|e| e.effective.as_ref())
                .filter(|(d, _, _)| after(prev, *d))
                .min_by_key(|(d, _, _)| *d);
            let Some((first, estimated, _)) = first else {
                continue;
            };
            let after_old = segments[i - 1].from.is_none_or(|f| *first > f);
            let before_new = segments[i].from.is_some_and(|f| *first < f);
            if after_old && before_new {
                segments[i - 1].to = Some(*first);
                segments[i].unknown_since = Some((*first, *estimated));
            }
        }
        // Each printing answers from its wording's start (the first printing of a wording) or
        // its edition's date (a later printing of the same wording), until the next printing.
        for i in 0..pieces.len() {
            let seg = &segments[pieces[i].segment];
            let first_of_segment = i == 0 || pieces[i - 1].segment != pieces[i].segment;
            pieces[i].from = if first_of_segment {
                // After a gap, the printing answers (not in the corpus) from the gap's start.
                seg.unknown_since.map(|(g, _)| g).or(seg.from)
            } else {
                let d = self.editions[pieces[i].edition].date;
                match (d, seg.from) {
                    (Some(d), Some(f)) => Some(d.max(f)),
                    (d, f) => d.or(f),
                }
            };
        }
        for i in 0..pieces.len() {
            let seg = pieces[i].segment;
            pieces[i].to = match pieces.get(i + 1) {
                Some(next) if next.segment == seg => next.from,
                _ => segments[seg].to,
            };
            // A printing whose start a later one passed answers for no date.
            if let (Some(f), Some(t)) = (pieces[i].from, pieces[i].to) {
                if t < f {
                    pieces[i].to = Some(f);
                }
            }
        }
        // A change the editions do not print ends the newest wording's known dates.
        let superseded = self.superseded(eid);
        if let (Some((since, _)), Some(last)) = (superseded, pieces.last()) {
            let seg = &mut segments[last.segment];
            if last.edition + 1 == n && seg.to.is_none_or(|t| since < t) {
                seg.to = Some(since);
            }
        }
        let first_from = self.first_from(eid, &events, &pieces, &segments);
        // The wordings the act gives the unit for a period elsewhere: each answers for its
        // days, from the newest edition printing the provision that gives it.
        let mut given = Vec::new();
        for t in &self.lapses {
            let TimeLimit::Worded {
                from,
                until,
                wording,
                given_in,
            } = &t.limit
            else {
                continue;
            };
            if t.eid != eid {
                continue;
            }
            let Some(k) = (0..n)
                .rev()
                .find(|&k| self.units[k].contains_key(given_in.as_str()))
            else {
                continue;
            };
            segments.push(Segment {
                from: *from,
                to: *until,
                from_estimated: false,
                basis: format!(
                    "the wording this act's provision {given_in} gives the unit for {} – {}",
                    from.map_or("its start".to_string(), |d| d.to_string()),
                    until.map_or("its end".to_string(), |d| d.to_string())
                ),
                awaiting: None,
                later_change: None,
                unknown_since: None,
            });
            given.push((pieces.len(), &**wording, given_in.as_str()));
            pieces.push(Piece {
                edition: k,
                segment: segments.len() - 1,
                from: *from,
                to: *until,
                given: true,
            });
        }
        UnitTimeline {
            timeline: self,
            eid: eid.to_string(),
            segments,
            pieces,
            first_from,
            removed: removed.map(|r| (r.on, r.wording_to.1)),
            given,
        }
    }

    /// When unit `eid`, printed last by the edition of `pieces`' last printing and not by
    /// edition `k`, was removed: the deletion of it or of what contains it that the notes
    /// record between the two editions, else edition `k`'s date (estimated); and where its
    /// last wording ends (the first change recorded before the removal, when earlier).
    /// `None` when neither edition is dated.
    fn removal(
        &self,
        eid: &str,
        events: &[&Event<'a>],
        pieces: &[Piece],
        k: usize,
    ) -> Option<Removal> {
        let prev = self.editions[pieces.last()?.edition].date;
        let this = self.editions[k].date;
        let recorded: Vec<&Event> = events
            .iter()
            .copied()
            .filter(|e| recorded_between(e, prev, this))
            .filter(|e| e.effective_date().is_some_and(|d| after(prev, d)))
            .collect();
        let deletion = recorded
            .iter()
            .filter(|e| e.action == AmendAction::Deleted && !e.target.is_empty())
            .filter(|e| e.target == eid || eid.starts_with(&format!("{}__", e.target)))
            .filter_map(|e| e.effective.as_ref().map(|(d, est, _)| (*d, *est)))
            .min();
        let (on, estimated) = match (deletion, this) {
            (Some(d), _) => d,
            (None, Some(t)) => (t, true),
            (None, None) => return None,
        };
        let wording_to = recorded
            .iter()
            .filter_map(|e| e.effective.as_ref().map(|(d, est, _)| (*d, *est)))
            .filter(|(d, _)| *d < on)
            .min()
            .unwrap_or((on, estimated));
        Some(Removal { on, wording_to })
    }

    /// The earliest effective date (and whether it is estimated) of the changes of unit `eid`
    /// that this language's editions do not print (see [`ActTimeline::new`]).
    fn superseded(&self, eid: &str) -> Option<(NaiveDate, bool)> {
        self.later
            .iter()
            .filter(|(t, _)| touches(t, eid))
            .flat_map(|(_, v)| v.iter())
            .filter(|e| !(e.action == AmendAction::Renamed && e.target != eid))
            .filter_map(|e| e.effective.as_ref().map(|(d, est, _)| (*d, *est)))
            .min_by_key(|(d, _)| *d)
    }

    /// When the earliest edition's wording of a unit took effect: the last change its notes
    /// record for the unit (signed by that edition's date; a placeholder's announced text
    /// aside; for a deletion printed, the deletions `deletion` picks when there are such),
    /// else the act's adoption.
    fn earliest_start(
        &self,
        events: &[&Event],
        unit: &Unit,
        nested: &std::collections::BTreeSet<&str>,
        deletion: &dyn Fn(&Event) -> bool,
    ) -> Start {
        let d0 = self.editions.first().and_then(|e| e.date);
        // A change taking effect after the edition that an edition announces for the unit, what
        // contains it or what is inside it, is not what the earliest edition prints: it prints
        // the text before it, the announcement beside it.
        let foreseen = |e: &Event| {
            e.effective_date().is_some_and(|d| !by(d0, d))
                && self.foreseen.iter().any(|(target, signed, number)| {
                    *signed == e.signed
                        && *number == e.number
                        && (touches(target, &unit.eid) || nested.contains(target))
                })
        };
        let pending = match unit.status {
            UnitStatus::Pending { from } => Some(from),
            _ => None,
        };
        let recorded = |e: &Event| match (e.signed, e.effective_date()) {
            (Some(s), _) => by(d0, s),
            (None, Some(eff)) => by(d0, eff),
            (None, None) => false,
        };
        let deleted_by_note = events.iter().any(|e| recorded(e) && deletion(e));
        let mut best: Option<Start> = None;
        for e in events {
            let Some((eff, estimated, basis)) = &e.effective else {
                continue;
            };
            if !recorded(e) || (pending.is_none() && foreseen(e)) {
                continue;
            }
            if deleted_by_note && !deletion(e) {
                continue;
            }
            // A placeholder stands from the act that announced its text, not from that text's
            // effective date.
            let start = match pending {
                Some(Some(f)) if *eff >= f => match e.signed {
                    Some(s) => Start {
                        date: Some(s),
                        estimated: false,
                        basis: format!("announced on signing ({s}); {basis}"),
                        awaiting: None,
                        by: Some(e.cite.clone()),
                        later: None,
                    },
                    None => continue,
                },
                _ => Start {
                    date: Some(*eff),
                    estimated: *estimated,
                    basis: basis.clone(),
                    awaiting: e.awaiting.clone(),
                    by: Some(e.cite.clone()),
                    later: None,
                },
            };
            // Of two changes on one day, one whose day another act sets leaves the day unknown.
            let later = |b: &Start| {
                start.date > b.date
                    || (start.date == b.date && start.awaiting.is_some() && b.awaiting.is_none())
            };
            if best.as_ref().is_none_or(later) {
                best = Some(start);
            }
        }
        // No change recorded: the wording is the act's own, from the day its first text took
        // effect where the corpus shows one after the adoption, else from its adoption. With no
        // known adoption date its start is unknown, and dates before the earliest edition are
        // not answered from it.
        if let (None, Some(at)) = (&best, self.in_force_for(&unit.eid)) {
            return Start {
                date: Some(at.date),
                estimated: at.estimated,
                basis: at.basis.clone(),
                awaiting: at.awaiting.clone(),
                by: None,
                later: None,
            };
        }
        best.unwrap_or_else(|| Start {
            date: self.adopted,
            estimated: false,
            awaiting: None,
            by: None,
            later: None,
            basis: match self.adopted {
                Some(d) => format!(
                    "no amendment of this unit recorded: in the act since its adoption ({d})"
                ),
                None => "no amendment of this unit recorded; the act's date is unknown".to_string(),
            },
        })
    }

    /// When the wording edition `k` prints (changed from edition `k - 1`'s) took effect: the
    /// latest effective date of the changes signed, or taking effect, after the previous
    /// edition's date and by this one's (those on the unit itself or inside it when there are
    /// such), else this edition's date, marked estimated.
    ///
    /// An edition dated by its commit took effect on that day: a change no note dates, or
    /// whose note's estimate falls on that day (a publication date unknown, the signing date
    /// standing in), is in force from it, exactly. A note that gives the day itself
    /// (`01.01.2023 бастап`, a publication date known) counts over the mirror's date, and one
    /// whose estimate falls on another day stays the answer, estimated: a history with
    /// editions missing (a `--since` bound, a partial mirror) may date the commit later than
    /// the change it prints, and a commit dated before the earliest day the note's rule
    /// allows (in force the day after publication, committed on the signing day) cannot be
    /// the day the change took effect: the act's own words outrank the edition's date.
    ///
    /// A change signed by the previous edition's date and in force by the start of the
    /// wording before (`before`) is that wording's, not this one's: the order of 25.12.2024,
    /// in force ~26.12.2024 and printed by the commit of 25.12.2024, does not date a later
    /// commit that undoes it.
    ///
    /// A deletion printed is dated by the deletions `deletion` picks, when the window has such.
    fn change_start(
        &self,
        events: &[&Event],
        own: &dyn Fn(&Event) -> bool,
        deletion: &dyn Fn(&Event) -> bool,
        k: usize,
        before: Option<NaiveDate>,
    ) -> Start {
        let edition = &self.editions[k];
        let (prev, this) = (self.editions[k - 1].date, edition.date);
        let window: Vec<&&Event> = events
            .iter()
            .filter(|e| recorded_between(e, prev, this))
            .filter(|e| {
                let printed_before = e.signed.is_some_and(|s| prev.is_some_and(|p| s <= p));
                let in_force_before = e
                    .effective_date()
                    .is_some_and(|d| before.is_some_and(|b| d <= b));
                !(printed_before && in_force_before)
            })
            .collect();
        let deletions: Vec<&&Event> = window.iter().copied().filter(|e| deletion(e)).collect();
        let mine: Vec<&&Event> = window.iter().copied().filter(|e| own(e)).collect();
        let pool = if !deletions.is_empty() {
            deletions
        } else if mine.is_empty() {
            window
        } else {
            mine
        };
        // Of two changes on one day, one whose day another act sets leaves the day unknown.
        let noted = pool
            .iter()
            .filter_map(|e| e.effective.as_ref().map(|eff| (eff, *e)))
            .max_by_key(|(eff, e)| (eff.0, e.awaiting.is_some()))
            .map(|((d, estimated, basis), e)| Start {
                date: Some(*d),
                estimated: *estimated,
                basis: basis.clone(),
                awaiting: e.awaiting.clone(),
                by: Some(e.cite.clone()),
                later: None,
            });
        let commit = this.filter(|_| edition.dated_by.took_effect());
        match (noted, commit) {
            (Some(n), Some(c)) if !n.estimated || n.date != Some(c) => n,
            (_, Some(c)) => Start {
                date: Some(c),
                estimated: false,
                awaiting: None,
                by: None,
                later: None,
                basis: format!(
                    "commit of {c}: the day edition {} took effect, as the mirror dates it",
                    edition.id
                ),
            },
            (Some(n), None) => n,
            (None, None) => Start {
                date: this,
                estimated: true,
                awaiting: None,
                by: None,
                later: None,
                basis: format!(
                    "edition date: no note dates the change (edition {})",
                    edition.id
                ),
            },
        }
    }

    /// `start`, the start of the wording edition `k` prints of unit `eid`, held back by an
    /// earlier change that wording still holds whose day another act sets: a later change's
    /// known day is then only the earliest the wording can be in force, never the day it
    /// was (its text holds the earlier change, whose day the corpus does not give).
    ///
    /// The wording holds every change of the unit, what contains it or what is inside it that
    /// the edition prints (its act signed, or in force, by the edition's date; not one an
    /// edition announces for later), save one a later new wording or deletion of the unit,
    /// or of what contains it, replaced whole. Of several such changes the latest signed is
    /// named.
    fn held_back(&self, events: &[&Event], eid: &str, k: usize, start: Start) -> Start {
        if start.awaiting.is_some() {
            return start;
        }
        let this = self.editions[k].date;
        let printed = |e: &Event| match (e.signed, e.effective_date()) {
            (Some(s), _) => by(this, s),
            (None, Some(d)) => by(this, d),
            (None, None) => false,
        };
        let announced = |e: &Event| {
            self.foreseen.iter().any(|(target, signed, number)| {
                *signed == e.signed && *number == e.number && touches(target, eid)
            }) && e.effective_date().is_some_and(|d| !by(this, d))
        };
        // A new wording or a deletion of the unit, or of what contains it, replaces every
        // change before it.
        let replaced = |e: &Event| {
            events.iter().any(|r| {
                matches!(r.action, AmendAction::NewWording | AmendAction::Deleted)
                    && (r.target.is_empty() || contains(r.target, eid))
                    && printed(r)
                    && matches!((r.signed, e.signed), (Some(a), Some(b)) if a > b)
            })
        };
        let held = events
            .iter()
            .filter(|e| e.awaiting.is_some() && printed(e) && !announced(e) && !replaced(e))
            .max_by_key(|e| e.signed);
        let (Some(held), Some(set_by)) = (held, held.and_then(|e| e.awaiting.as_ref())) else {
            return start;
        };
        let signed = held.signed.unwrap_or(NaiveDate::MIN);
        let basis = format!(
            "{}; the wording also holds the change by {}, whose day its {} {} sets, a day the \
             corpus does not give",
            start.basis,
            held.cite,
            if set_by.paragraph {
                "paragraph"
            } else {
                "article"
            },
            set_by.provision,
        );
        match (start.date, &start.by) {
            // The later change's day is after the earlier change's signing: from it on the
            // wording may be in force, not known to be.
            (Some(d), Some(by)) if d >= signed => Start {
                date: Some(d),
                estimated: start.estimated,
                later: Some(LaterChange {
                    citation: by.clone(),
                    estimated: start.estimated,
                }),
                by: start.by.clone(),
                awaiting: Some(set_by.clone()),
                basis,
            },
            // Dated otherwise (a commit, the edition's date, the act's own start) or before
            // the earlier change was signed: not before that signing, then not known.
            (d, _) => Start {
                date: Some(d.map_or(signed, |d| d.max(signed))),
                estimated: d.is_none_or(|d| d < signed) || start.estimated,
                later: None,
                by: start.by.clone(),
                awaiting: Some(set_by.clone()),
                basis,
            },
        }
    }

    /// Where the unit's first printing starts answering (see [`UnitTimeline::first_from`]).
    fn first_from(
        &self,
        eid: &str,
        events: &[&Event],
        pieces: &[Piece],
        segments: &[Segment],
    ) -> Option<NaiveDate> {
        let first = pieces.first()?;
        if first.edition != 0 {
            return first.from;
        }
        let unit = self.unit_in(0, eid)?;
        if matches!(unit.status, UnitStatus::Pending { .. }) {
            return first.from;
        }
        let wording_from = segments[first.segment].from;
        // Inserted later than the act: from its insertion.
        let inserted = events
            .iter()
            .filter(|e| e.target == eid && e.action == AmendAction::Inserted)
            .filter_map(|e| e.effective_date())
            .filter(|d| wording_from.is_none_or(|w| *d <= w))
            .max();
        inserted
            .or(self.in_force_for(eid).map(|at| at.date))
            .or(self.adopted)
            .or(first.from)
    }
}

impl<'t, 'a> UnitTimeline<'t, 'a> {
    /// The unit's eid.
    pub fn eid(&self) -> &str {
        &self.eid
    }

    /// The unit's wordings, oldest first.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Each edition's printing of the unit, with the dates it answers for. The first
    /// printing answers from [`UnitTimeline::doc_from`], which may be earlier than its `from`.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// The date piece `i` answers from (the first one from [`UnitTimeline::first_from`]).
    pub fn doc_from(&self, i: usize) -> Option<NaiveDate> {
        if i == 0 {
            self.first_from
        } else {
            self.pieces[i].from
        }
    }

    /// The printing of edition `k`, if it prints the unit: its index in
    /// [`UnitTimeline::pieces`].
    pub fn piece_of(&self, k: usize) -> Option<usize> {
        // One printing an edition at most, in the editions' order; the wordings given for a
        // period come after them and are no edition's printing.
        let printed = self.printed();
        self.pieces[..printed]
            .binary_search_by_key(&k, |p| p.edition)
            .ok()
    }

    /// How many of the pieces are editions' printings (the wordings given for a period
    /// follow them).
    fn printed(&self) -> usize {
        self.pieces.len() - self.given.len()
    }

    /// The facts a state is read from, for printing `i`.
    pub fn facts(&self, i: usize) -> PieceFacts {
        self.facts_read(i).0
    }

    /// [`UnitTimeline::at`]'s answer from printing `i` on `date`: its state, and the language
    /// of the twin's text when the expiry or the suspension the state rests on was read there.
    fn answer_from(&self, date: Option<NaiveDate>, i: usize) -> Answer {
        let (facts, (expired_in, suspended_in)) = self.facts_read(i);
        let state = state_in_piece(date, &facts);
        let read_from = match state {
            TimeState::Expired { .. } => expired_in,
            TimeState::Suspended { .. } => suspended_in,
            _ => None,
        };
        Answer {
            state,
            piece: Some(i),
            read_from,
        }
    }

    /// [`UnitTimeline::facts`] for printing `i`, with the languages its expiry's and its
    /// suspension's readings were read in.
    fn facts_read(&self, i: usize) -> (PieceFacts, (Option<Lang>, Option<Lang>)) {
        let p = &self.pieces[i];
        let status = self
            .timeline
            .unit_in(p.edition, &self.eid)
            .map(|u| u.status.clone())
            .unwrap_or_default();
        let newest = p.edition + 1 == self.timeline.editions.len() && !p.given;
        // A wording given for a period is what applies then: the unit's own expiry and
        // suspension are what it answers for.
        let (expired, suspended) = if p.given {
            (None, None)
        } else {
            self.timeline.lapse_for(&self.eid)
        };
        let (expired, expired_in) = expired.map_or((None, None), |(x, l)| (Some(x), l));
        let (suspended, suspended_in) = suspended.map_or((None, None), |(s, l)| (Some(s), l));
        let facts = PieceFacts {
            status,
            wording_from: self.segments[p.segment].from,
            earliest_edition: self.timeline.earliest_edition(),
            repeal: self.timeline.repeal,
            source_removed: self.timeline.source_removed,
            source_gaps: self.timeline.source_gaps.clone(),
            superseded: if newest {
                self.timeline.superseded(&self.eid)
            } else {
                None
            },
            latest_edition: self.timeline.editions.last().and_then(|e| e.date),
            unknown_since: self.segments[p.segment].unknown_since,
            expired,
            suspended,
            awaiting: self.segments[p.segment].awaiting.clone(),
            later_change: self.segments[p.segment].later_change.clone(),
        };
        (facts, (expired_in, suspended_in))
    }

    /// The unit as printing `i` prints it.
    pub fn unit(&self, i: usize) -> Option<&'a Unit> {
        if let Some(&(_, u, _)) = self.given.iter().find(|(j, ..)| *j == i) {
            return Some(u);
        }
        self.timeline.unit_in(self.pieces[i].edition, &self.eid)
    }

    /// The edition printing `i` is from, named with its wording's dates, as an answer names it.
    pub fn edition_ref(&self, i: usize) -> EditionRef {
        let p = &self.pieces[i];
        let e = &self.timeline.editions[p.edition];
        let seg = &self.segments[p.segment];
        let span = self.unit(i).map(|u| u.span).unwrap_or_default();
        EditionRef {
            id: e.id.clone(),
            date: e.date,
            from: seg.from,
            to: seg.to,
            from_estimated: seg.from_estimated,
            basis: seg.basis.clone(),
            given_in: self
                .given
                .iter()
                .find(|(j, ..)| *j == i)
                .map(|&(_, _, eid)| crate::model::GivenIn {
                    eid: eid.to_string(),
                    citation: crate::model::citation::phrase::provision_of_this_act(
                        eid,
                        self.timeline.lang,
                    ),
                }),
            date_estimated: e.date_estimated,
            file: e.file.to_string(),
            line_start: span.line_start,
            line_end: span.line_end,
        }
    }

    /// What the rule answers for the unit on `date` (`None`: today's text, the newest
    /// edition's printing).
    pub fn at(&self, date: Option<NaiveDate>) -> Answer {
        let t = self.timeline;
        let given_on = |d: NaiveDate| {
            (self.printed()..self.pieces.len()).find(|&i| {
                let p = &self.pieces[i];
                p.from.is_none_or(|f| f <= d) && p.to.is_none_or(|x| d < x)
            })
        };
        let Some(d) = date else {
            // Today's text: a wording given for a period that includes today, else the newest
            // edition's printing.
            let today = chrono::Local::now().date_naive();
            let lapsed = earlier(t.repeal.and_then(|(d, _)| d), t.source_removed)
                .is_some_and(|s| s <= today);
            if let Some(i) = given_on(today).filter(|_| !lapsed) {
                return self.answer_from(None, i);
            }
            let last = t.editions.len().checked_sub(1);
            return match last.and_then(|k| self.piece_of(k)) {
                Some(i) => self.answer_from(None, i),
                None => Answer::bare(TimeState::Deleted {
                    since: self
                        .removed
                        .map(|r| r.0)
                        .or(self.pieces.last().and_then(|p| p.to)),
                }),
            };
        };
        if let Some(adopted) = t.adopted {
            if d < adopted {
                return Answer::bare(TimeState::NotYetAdopted { adopted });
            }
            if let Some(at) = t.in_force_for(&self.eid) {
                if d < at.date {
                    return Answer {
                        state: TimeState::NotYetInForce {
                            adopted,
                            from: at.date,
                            estimated: at.estimated,
                            rule: at.rule.clone(),
                        },
                        piece: None,
                        read_from: at.read_from,
                    };
                }
            }
        }
        if self.printed() == 0 {
            return Answer::bare(TimeState::NotYetInserted { from: None });
        }
        if let Some(since) = earlier(t.repeal.and_then(|(d, _)| d), t.source_removed) {
            if since <= d && self.printed() > 0 {
                let i = self.printed() - 1;
                return self.answer_from(Some(d), i);
            }
        }
        let covers = |i: usize| {
            let from = self.doc_from(i);
            let to = self.pieces[i].to;
            from.is_none_or(|f| f <= d) && to.is_none_or(|x| d < x)
        };
        if let Some(i) = given_on(d).or_else(|| (0..self.printed()).rev().find(|&i| covers(i))) {
            return self.answer_from(Some(d), i);
        }
        if self.doc_from(0).is_some_and(|f| d < f) {
            return Answer::bare(TimeState::NotYetInserted {
                from: self.doc_from(0),
            });
        }
        // After its last printing: the unit is no longer in the act from its removal; before
        // it, after its last known wording ended, its wording is not in the corpus.
        let end = self
            .printed()
            .checked_sub(1)
            .and_then(|i| self.pieces[i].to);
        if let (Some((on, _)), Some(end)) = (self.removed, end) {
            if d < on {
                return Answer::bare(TimeState::NotInCorpus {
                    earliest_edition: t.earliest_edition(),
                    since: Some(end),
                    estimated: self.removed.is_some_and(|r| r.1),
                    until: Some(on),
                });
            }
            return Answer::bare(TimeState::Deleted { since: Some(on) });
        }
        Answer::bare(TimeState::Deleted { since: end })
    }
}

/// Every unit of `act` as the rule answers for `date`: (eid, answer), for the units some
/// edition prints, in the newest edition's order.
pub fn units_at<'t, 'a>(
    timeline: &'t ActTimeline<'a>,
    date: Option<NaiveDate>,
) -> Vec<(UnitTimeline<'t, 'a>, Answer)> {
    timeline
        .eids()
        .into_iter()
        .map(|eid| {
            let u = timeline.unit(eid);
            let a = u.at(date);
            (u, a)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        ActKind, ActRef, EffectiveDate, EffectiveRule, Issuance, Lang, Source, SourceFormat,
        UnitKind,
    };

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn unit(eid: &str, text: &str) -> Unit {
        let mut u = Unit::new(eid, UnitKind::Paragraph, None);
        u.text = text.to_string();
        u
    }

    fn version(id: &str, from: &str, units: Vec<Unit>) -> ActVersion {
        ActVersion {
            id: id.to_string(),
            from: Some(d(from)),
            dated_by: Default::default(),
            to: None,
            source_removed: None,
            units,
            source: Source {
                file: format!("{id}.md"),
                format: SourceFormat::Markdown,
                sha256: String::new(),
                encoding: "utf-8".into(),
                parts: Vec::new(),
            },
            references: Vec::new(),
        }
    }

    fn event(target: &str, action: AmendAction, signed: &str, eff: Option<&str>) -> Amendment {
        Amendment {
            target_eid: target.to_string(),
            target_label: target.to_string(),
            action,
            by: ActRef {
                issuer: "ҚР".into(),
                issuer_code: String::new(),
                kind: ActKind::Law,
                date: Some(d(signed)),
                number: Some("1".into()),
                title: None,
            },
            rule: EffectiveRule::Unknown,
            effective: eff.map(|e| EffectiveDate {
                date: d(e),
                estimated: false,
                basis: "test".into(),
            }),
            note: String::new(),
            span: Default::default(),
        }
    }

    fn act(versions: Vec<ActVersion>, amendments: Vec<Amendment>) -> Act {
        Act {
            id: "a".into(),
            title: "t".into(),
            kind: ActKind::Law,
            issuances: vec![Issuance {
                issuer: "x".into(),
                issuer_code: "x".into(),
                date: Some(d("2000-01-10")),
                number: Some("1".into()),
                issuer_translated: None,
            }],
            registration: None,
            status: Status::InForce,
            languages: vec![],
            lang: Lang::Kk,
            code: None,
            source: versions.last().unwrap().source.clone(),
            official_url: None,
            publication_date: None,
            version_date: versions.last().unwrap().from,
            version_dated_by: Default::default(),
            units: versions.last().unwrap().units.clone(),
            amendments,
            instructions: vec![],
            commencement: None,
            versions,
            unparsed_notes: vec![],
            target_fallbacks: vec![],
            later_changes: vec![],
            unit_times: vec![],
            references: vec![],
        }
    }

    /// A change whose note gives its day as the amending act's article 2 (`порядок введения в
    /// действие см. ст. 2`), the amending act not in the corpus: the wording's start is the
    /// signing day at the earliest, estimated, and its basis names the dependency. Before
    /// that day the old wording is in force; from it (and today) the new wording is shown
    /// but never in force: its day is set by that act, which the corpus does not hold.
    #[test]
    fn a_change_whose_day_is_in_an_act_the_corpus_lacks() {
        let mut e = event("p_1", AmendAction::Changed, "2023-04-10", None);
        e.rule = EffectiveRule::InAmendingAct {
            number: "2".into(),
            paragraph: false,
            in_corpus: false,
        };
        let a = act(
            vec![
                version("2022-11-05", "2022-11-05", vec![unit("p_1", "old")]),
                version("2023-04-19", "2023-04-19", vec![unit("p_1", "new")]),
            ],
            vec![e],
        );
        let t = ActTimeline::new(&a);
        let p1 = t.unit("p_1");
        let seg = &p1.segments()[1];
        assert_eq!(
            (seg.from, seg.from_estimated),
            (Some(d("2023-04-10")), true)
        );
        assert!(
            seg.basis.ends_with(
                " — in force as its article 2 provides, a day the corpus does not give; not \
                 before its signing date 2023-04-10"
            ),
            "{}",
            seg.basis
        );
        let awaiting = TimeState::AwaitingOtherAct {
            not_before: d("2023-04-10"),
            set_by: DaySetBy {
                kind: ActKind::Law,
                date: Some(d("2023-04-10")),
                number: Some("1".into()),
                citation: a.amendments[0].by.cite(Lang::Kk),
                provision: "2".into(),
                paragraph: false,
                in_corpus: false,
            },
            later_change: None,
        };
        let at = |s: &str| p1.at(Some(d(s)));
        assert_eq!(at("2023-04-09").state, TimeState::InForce);
        assert_eq!(at("2023-04-09").piece, Some(0));
        assert_eq!(at("2023-04-10").state, awaiting);
        assert_eq!(at("2023-04-10").piece, Some(1), "the new wording shown");
        assert_eq!(at("2024-01-01").state, awaiting);
        assert_eq!(p1.at(None).state, awaiting);
        assert!(!awaiting.is_in_force() && awaiting.has_wording());
    }

    /// Two editions, one change effective ten days after the second edition's date.
    #[test]
    fn a_change_counts_from_its_effective_date_not_the_edition_date() {
        let a = act(
            vec![
                version(
                    "2022-11-05",
                    "2022-11-05",
                    vec![unit("p_1", "old"), unit("p_2", "same")],
                ),
                version(
                    "2023-04-19",
                    "2023-04-19",
                    vec![unit("p_1", "new"), unit("p_2", "same")],
                ),
            ],
            vec![
                event(
                    "p_1",
                    AmendAction::NewWording,
                    "2023-04-19",
                    Some("2023-04-29"),
                ),
                event(
                    "p_1",
                    AmendAction::Changed,
                    "2010-05-01",
                    Some("2010-05-11"),
                ),
            ],
        );
        let t = ActTimeline::new(&a);
        let p1 = t.unit("p_1");
        let state = |s: &str| p1.at(Some(d(s)));
        let ed = |s: &str| {
            state(s)
                .piece
                .map(|i| t.editions()[p1.pieces()[i].edition].id.clone())
        };
        assert_eq!(
            state("2000-01-09").state,
            TimeState::NotYetAdopted {
                adopted: d("2000-01-10")
            }
        );
        assert_eq!(
            state("2010-05-10").state,
            TimeState::NotInCorpus {
                earliest_edition: Some(d("2022-11-05")),
                since: None,
                estimated: false,
                until: None,
            }
        );
        assert_eq!(
            state("2010-05-11").state,
            TimeState::InForceBeforeEarliestEdition {
                earliest_edition: d("2022-11-05")
            }
        );
        assert_eq!(state("2023-04-28").state, TimeState::InForce);
        assert_eq!(ed("2023-04-28").as_deref(), Some("2022-11-05"));
        assert_eq!(ed("2023-04-29").as_deref(), Some("2023-04-19"));
        assert_eq!(p1.segments()[0].to, Some(d("2023-04-29")));
        // An unchanged unit: from the act's adoption, its printing switching at the edition.
        let p2 = t.unit("p_2");
        assert_eq!(p2.segments().len(), 1);
        assert_eq!(p2.segments()[0].from, Some(d("2000-01-10")));
        assert_eq!(p2.pieces()[1].from, Some(d("2023-04-19")));
        assert_eq!(
            p2.at(Some(d("2000-01-10"))).state,
            TimeState::InForceBeforeEarliestEdition {
                earliest_edition: d("2022-11-05")
            }
        );
    }

    /// Two changes between two editions, the first on the whole act, the second on the unit:
    /// the earlier wording ends at the first, and until the second the wording is unknown.
    #[test]
    fn a_wording_ends_at_the_first_change_recorded_after_its_edition() {
        let a = act(
            vec![
                version("2000-01-10", "2000-01-10", vec![unit("p_1", "old")]),
                version("2022-11-05", "2022-11-05", vec![unit("p_1", "new")]),
            ],
            vec![
                event("", AmendAction::Changed, "2005-03-01", None),
                event(
                    "p_1",
                    AmendAction::NewWording,
                    "2017-06-15",
                    Some("2017-06-25"),
                ),
            ],
        );
        let t = ActTimeline::new(&a);
        let p1 = t.unit("p_1");
        let segs = p1.segments();
        assert_eq!(
            (segs[0].from, segs[0].to),
            (Some(d("2000-01-10")), Some(d("2005-03-01")))
        );
        assert_eq!(
            (segs[1].from, segs[1].unknown_since),
            (Some(d("2017-06-25")), Some((d("2005-03-01"), true)))
        );
        let on = |s: &str| p1.at(Some(d(s)));
        assert_eq!(on("2005-02-28").state, TimeState::InForce);
        assert_eq!(on("2005-02-28").piece, Some(0));
        let gap = TimeState::NotInCorpus {
            earliest_edition: Some(d("2000-01-10")),
            since: Some(d("2005-03-01")),
            estimated: true,
            until: Some(d("2017-06-25")),
        };
        assert_eq!(on("2005-03-01").state, gap);
        assert_eq!(on("2017-06-24").state, gap);
        assert_eq!(on("2017-06-25").state, TimeState::InForce);
        assert_eq!(on("2017-06-25").piece, Some(1));
        // The index stores the same: the later printing answers from the gap's start.
        assert_eq!(p1.doc_from(1), Some(d("2005-03-01")));
        let stored = StoredTime::of(&p1, 1);
        assert_eq!(
            state_in_piece(Some(d("2010-01-01")), &stored.facts("live")),
            gap
        );
        // A change recorded only on the unit, no earlier one: no gap.
        let b = act(
            vec![
                version("2000-01-10", "2000-01-10", vec![unit("p_1", "old")]),
                version("2022-11-05", "2022-11-05", vec![unit("p_1", "new")]),
            ],
            vec![event("p_1", AmendAction::NewWording, "2017-06-15", None)],
        );
        let t = ActTimeline::new(&b);
        let p1 = t.unit("p_1");
        assert_eq!(p1.segments()[0].to, Some(d("2017-06-15")));
        assert_eq!(p1.segments()[1].unknown_since, None);
    }

    /// A changed unit with no note dating the change: from the edition's date, estimated.
    #[test]
    fn an_undated_change_counts_from_the_edition_date_estimated() {
        let a = act(
            vec![
                version("2019-01-01", "2019-01-01", vec![unit("p_1", "old")]),
                version(
                    "2020-01-01",
                    "2020-01-01",
                    vec![unit("p_1", "new"), unit("p_2", "added")],
                ),
            ],
            vec![],
        );
        let t = ActTimeline::new(&a);
        let r = t.unit("p_1").edition_ref(1);
        assert_eq!((r.from, r.from_estimated), (Some(d("2020-01-01")), true));
        assert_eq!(
            t.unit("p_2").at(Some(d("2019-06-01"))).state,
            TimeState::NotYetInserted {
                from: Some(d("2020-01-01"))
            }
        );
    }

    /// Each state names the text whose reading the rule chose for it, where the two texts'
    /// readings disagree on a unit. The Russian text's own words: the act takes effect on
    /// 01.01.2001, article 5 applied until 01.01.2010. The Kazakh text's, shared (read from
    /// it): the whole act from 01.01.2002, article 7 from 01.01.2003, a part of article 5's
    /// paragraph 2 until 01.01.2012. The act's day is its own clause's (a whole act's day read
    /// in the twin does not move it); article 7's is the Kazakh's; paragraph 2 lost a part by
    /// the Kazakh reading; its subparagraph 1) expired by the Russian article 5's, the part
    /// counting on paragraph 2 alone, though that reading is nearer.
    #[test]
    fn a_state_names_the_text_whose_reading_the_rule_chose() {
        let mut para = unit("art_5__para_2", "пункт");
        para.children = vec![unit("art_5__para_2__subpara_1", "подпункт")];
        let mut art_5 = unit("art_5", "статья 5");
        art_5.children = vec![para];
        let mut a = act(
            vec![version(
                "2000-01-10",
                "2000-01-10",
                vec![art_5, unit("art_7", "статья 7")],
            )],
            vec![],
        );
        a.lang = Lang::Ru;
        a.commencement = Some(EffectiveRule::OnDate {
            date: d("2001-01-01"),
        });
        let time = |eid: &str, limit: TimeLimit, read_from: Option<Lang>| UnitTime {
            eid: eid.into(),
            limit,
            source: String::new(),
            read_from,
        };
        let on = |day: &str| TimeLimit::Commences {
            rule: EffectiveRule::OnDate { date: d(day) },
        };
        let until = |day: &str, part: Option<&str>| TimeLimit::Expires {
            since: d(day),
            part: part.map(str::to_string),
            under: None,
            set_by: None,
        };
        a.unit_times = vec![
            time("art_5", until("2010-01-01", None), None),
            time("", on("2002-01-01"), Some(Lang::Kk)),
            time("art_7", on("2003-01-01"), Some(Lang::Kk)),
            time(
                "art_5__para_2",
                until("2012-01-01", Some("подпункт 2)")),
                Some(Lang::Kk),
            ),
        ];
        let t = ActTimeline::new(&a);
        let at = |eid: &str, day: &str| {
            let answer = t.unit(eid).at(Some(d(day)));
            (answer.state, answer.read_from)
        };
        let not_yet = |from: &str| TimeState::NotYetInForce {
            adopted: d("2000-01-10"),
            from: d(from),
            estimated: false,
            rule: None,
        };
        let expired = |since: &str, part: Option<&str>| TimeState::Expired {
            since: d(since),
            part: part.map(str::to_string),
            under: None,
            set_by: None,
        };
        assert_eq!(at("art_5", "2000-06-01"), (not_yet("2001-01-01"), None));
        assert_eq!(
            at("art_7", "2002-06-01"),
            (not_yet("2003-01-01"), Some(Lang::Kk))
        );
        assert_eq!(at("art_7", "2003-01-01"), (TimeState::InForce, None));
        assert_eq!(
            at("art_5__para_2", "2013-01-01"),
            (expired("2012-01-01", Some("подпункт 2)")), Some(Lang::Kk))
        );
        assert_eq!(
            at("art_5__para_2__subpara_1", "2013-01-01"),
            (expired("2010-01-01", None), None)
        );
        assert_eq!(at("art_5", "2009-06-01"), (TimeState::InForce, None));
    }
}
