//! What changed in an act or one of its units between two dates, or in one edition: the
//! library's word diff ([`crate::ActDiff`]) of the two texts, cut to a page, beside the
//! amendment events the act's notes record for the span ([`crate::ActHistory`]), which are
//! what there is when the corpus holds a single edition.

use super::pages::{bound_text, Budget, Links, Paging};
use super::Target;
use crate::model::Lang;
use crate::{ActDiff, DiffSide, HistoryEntry, UnitChange, WordChange, ZanIndex};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Unit changes on a `changes` page when not asked.
pub const DEFAULT_CHANGES_PAGE: usize = 10;
/// Most unit changes one `changes` page may ask for: each carries two texts and a diff.
pub const MAX_CHANGES_PAGE: usize = 50;
/// The longest text of a unit before or after a change sent whole, in characters; `at_date`
/// gives the whole text.
const MAX_CHANGE_TEXT_CHARS: usize = 2_000;
/// The longest run of unchanged words of a diff sent whole: past it, its middle is left out,
/// saying how much, so that a page of diffs shows what changed rather than what did not.
const MAX_EQUAL_RUN_CHARS: usize = 300;
/// Characters kept at each end of an unchanged run that is cut.
const EQUAL_CONTEXT_CHARS: usize = 100;
/// Most eids each summary list (`deleted`, `inserted`, `changed`, `notes_changed`) names;
/// `totals` counts them all and the pages of `units` list every change.
const MAX_SUMMARY_EIDS: usize = 200;
/// Characters a cut page's note and next offset take.
const CUT_NOTE_CHARS: usize = 160;
/// Most edition ids an answer lists (the newest); `editions_total` counts them all.
const MAX_EDITIONS: usize = 100;

/// One unit's change with its citation and page.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct LinkedChange {
    /// The unit's pinpoint citation.
    pub citation: String,
    /// The unit's page on the later date (or edition) (see [`Links`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// The change.
    #[serde(flatten)]
    pub change: UnitChange,
}

/// The library's diff ([`crate::ActDiff`]), its unit changes cut to the page.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DiffPage {
    /// The newest edition behind the earlier side (`null`: no wording that day).
    pub from_edition: Option<String>,
    /// The newest edition behind the later side.
    pub to_edition: Option<String>,
    /// The earlier side: its date, every edition behind it, the act's state that day.
    pub from_side: DiffSide,
    /// The later side, as `from_side`.
    pub to_side: DiffSide,
    /// Eids of the units deleted (the first few hundred; `totals` counts them all).
    pub deleted: Vec<String>,
    /// Eids of the units inserted.
    pub inserted: Vec<String>,
    /// Eids of the units whose wording changed.
    pub changed: Vec<String>,
    /// Eids of the units whose wording the corpus lacks on one side: whether they changed is
    /// not known.
    pub unknown: Vec<String>,
    /// Eids of the units whose notes alone changed.
    pub notes_changed: Vec<String>,
    /// The page's unit changes, with the words.
    pub units: Vec<LinkedChange>,
}

/// How many entries each list of a `changes` answer has in all.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChangesTotals {
    /// Unit changes (every kind).
    pub units: usize,
    /// Units deleted.
    pub deleted: usize,
    /// Units inserted.
    pub inserted: usize,
    /// Units whose wording changed.
    pub changed: usize,
    /// Units whose notes alone changed.
    pub notes_changed: usize,
    /// Amendment events in the span.
    pub events: usize,
}

/// What changed in an act or a unit between two dates, or in one edition: what the MCP tool
/// `changes` sends.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ChangesAnswer {
    /// `ACT_ID#EID` or `ACT_ID`.
    pub target: String,
    /// The unit's pinpoint citation, or the act's short name.
    pub citation: String,
    /// The act's or unit's page on the later date (see [`Links`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// The span compared: the dates (or the editions' dates) asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// The end of the span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// The edition asked for, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// The act's editions in the corpus, oldest first (the newest when there are many).
    pub editions: Vec<String>,
    /// How many editions the act has in all.
    pub editions_total: usize,
    /// How many entries each list has in all.
    pub totals: ChangesTotals,
    /// Unit changes (and events) before this page.
    pub offset: usize,
    /// Most unit changes (and events) on the page.
    pub limit: usize,
    /// The `offset` of the next page, when entries follow it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_offset: Option<usize>,
    /// Set when the texts could not be compared or a list was cut: why, and what to do.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The word diff between the two texts; `null` when the corpus lacks a text to compare.
    pub diff: Option<DiffPage>,
    /// The amendment events of the span, newest first, as the act's notes record them (each
    /// with its amending act in official form).
    pub events: Vec<HistoryEntry>,
}

/// What a `changes` request compares.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChangesSpan {
    /// What one edition (its id) changed against the edition before it.
    Edition(String),
    /// What changed between the wording in force on `from` and the wording on `to` (today
    /// when `None`).
    Dates {
        /// The earlier date.
        from: NaiveDate,
        /// The later date; today when `None`.
        to: Option<NaiveDate>,
    },
}

impl ChangesSpan {
    /// The span an edition id or two dates ask for: either `edition` or `from` (with `to` or
    /// not); `None` when neither is given ([`changes`] then says what to give, naming the
    /// act's editions), [`crate::Error::BadArgument`] when both are.
    pub fn new(
        edition: Option<&str>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> crate::Result<Option<Self>> {
        let edition = edition.map(str::trim).filter(|e| !e.is_empty());
        match (edition, from) {
            (Some(_), _) if from.is_some() || to.is_some() => Err(crate::Error::BadArgument(
                "give either `edition` (what one edition changed) or `from` and `to` (what \
                 changed between two dates), not both"
                    .into(),
            )),
            (Some(e), _) => Ok(Some(ChangesSpan::Edition(e.to_string()))),
            (None, Some(from)) => Ok(Some(ChangesSpan::Dates { from, to })),
            (None, None) => Ok(None),
        }
    }
}

/// The date an event counts by: its effective date, else the day its act was signed.
fn event_date(e: &HistoryEntry) -> Option<NaiveDate> {
    e.effective.as_ref().map(|d| d.date).or(e.signed)
}

/// Cuts the middle out of long unchanged runs of `words` and bounds the changed ones, saying
/// so in the text.
fn bound_words(words: &mut [WordChange], rest: &str) {
    for w in words {
        let total = w.text.chars().count();
        if w.tag == "equal" && total > MAX_EQUAL_RUN_CHARS {
            let head: String = w.text.chars().take(EQUAL_CONTEXT_CHARS).collect();
            let tail: String = w.text.chars().skip(total - EQUAL_CONTEXT_CHARS).collect();
            let left_out = total - 2 * EQUAL_CONTEXT_CHARS;
            w.text = format!("{head}[… {left_out} unchanged characters …]{tail}");
        } else if w.tag != "equal" {
            bound_text(&mut w.text, MAX_CHANGE_TEXT_CHARS, rest);
        }
    }
}

/// Keeps at most `max` entries of `list`; a note naming `name` when some were left out.
fn bound_list(list: &mut Vec<String>, name: &str, max: usize, notes: &mut Vec<String>) {
    if list.len() > max {
        notes.push(format!(
            "`{name}` lists the first {max} of {} eids; `units` pages through every change",
            list.len()
        ));
        list.truncate(max);
    }
}

/// The citation of unit `eid` of act `act`: its pinpoint citation where the act's current text
/// has it, else the act's name with the eid.
fn unit_citation(
    index: &ZanIndex,
    act: &crate::Act,
    eid: &str,
    lang: crate::Lang,
) -> crate::Result<String> {
    match index.unit_in(&act.id, eid, Some(lang)) {
        Ok(view) => Ok(view.citation),
        Err(crate::Error::UnknownUnit { .. }) => Ok(format!("{} ({eid})", act.short_name())),
        Err(e) => Err(e),
    }
}

/// The span and editions a `changes` request compares, resolved against the act.
enum Span {
    /// One edition against the one before it.
    Edition {
        before: String,
        edition: String,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    /// The wording on one date against the wording on another.
    Dates { from: NaiveDate, to: NaiveDate },
}

/// What `changes` asks: what changed in `target` (in `lang`'s text) over `span`, the page
/// `paging` of its unit changes and amendment events.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChangesRequest {
    /// The act (`ACT_ID`) or unit (`ACT_ID#EID`).
    pub target: Target,
    /// The edition or the dates compared; none given is answered with what to give.
    pub span: Option<ChangesSpan>,
    /// The language of the text compared; Kazakh first when `None`.
    pub lang: Option<Lang>,
    /// The page of the lists.
    pub paging: Paging,
}

impl ChangesRequest {
    /// What changed in `target` over `span`, the page `paging`.
    pub fn new(target: Target, span: Option<ChangesSpan>, paging: Paging) -> Self {
        ChangesRequest {
            target,
            span,
            lang: None,
            paging,
        }
    }

    /// In `lang`'s text.
    pub fn lang(mut self, lang: Option<Lang>) -> Self {
        self.lang = lang;
        self
    }
}

/// What `changes` answers: what changed in the request's target over its span (none asked:
/// [`crate::Error::BadArgument`] saying what to give, with the act's editions), its page of
/// unit changes and amendment events, each unit with its citation and page.
///
/// Between two dates, an amendment counts by the day it takes effect (in force on `from`, it
/// is in the earlier text already); an edition prints the amendments signed since the edition
/// before it, some taking effect later, so for an edition they count by the day they were
/// signed.
pub fn changes(
    index: &ZanIndex,
    request: &ChangesRequest,
    links: &Links,
    budget: &Budget,
) -> crate::Result<ChangesAnswer> {
    let ChangesRequest {
        ref target,
        ref span,
        lang,
        paging,
    } = *request;
    let span = span.as_ref();
    let Paging { offset, limit } = paging;
    let act = index.act_in(&target.act, lang)?;
    let eid = target.eid();
    let editions: Vec<&crate::ActVersion> = act.versions.iter().collect();
    let ids: Vec<String> = editions.iter().map(|v| v.id.clone()).collect();
    let listed = || {
        if ids.is_empty() {
            "the corpus holds one edition of it".to_string()
        } else {
            format!("its editions: {}", ids.join(", "))
        }
    };
    let Some(span) = span else {
        return Err(crate::Error::BadArgument(format!(
            "say what to compare: `from` (a date, YYYY-MM-DD; `to` is today when left out), \
             or `edition` (one of act {}'s editions: what it changed); {}",
            act.id,
            listed()
        )));
    };
    let asked_to = match span {
        ChangesSpan::Dates { to, .. } => *to,
        ChangesSpan::Edition(_) => None,
    };
    let span = match span {
        ChangesSpan::Edition(e) => {
            let Some(k) = editions.iter().position(|v| v.id == *e) else {
                return Err(crate::Error::NotFound(format!(
                    "act {} has no edition {e:?}; {}. Or give `from` and `to` dates instead.",
                    act.id,
                    listed()
                )));
            };
            if k == 0 {
                return Err(crate::Error::BadArgument(format!(
                    "edition {e:?} is the earliest of act {} in the corpus: there is no earlier \
                     text to compare it with; {}. `history` lists the amendments its notes record.",
                    act.id,
                    listed()
                )));
            }
            Span::Edition {
                before: editions[k - 1].id.clone(),
                edition: e.clone(),
                from: editions[k - 1].from,
                to: editions[k].from,
            }
        }
        ChangesSpan::Dates { from: f, to } => {
            let t = to.unwrap_or_else(|| chrono::Local::now().date_naive());
            if *f > t {
                return Err(crate::Error::BadArgument(format!(
                    "from {f} is after to {t}; give the earlier date as `from`"
                )));
            }
            Span::Dates { from: *f, to: t }
        }
    };
    let (from, to, specs) = match &span {
        Span::Edition {
            before,
            edition,
            from,
            to,
        } => (*from, *to, (before.clone(), edition.clone())),
        Span::Dates { from, to } => (Some(*from), Some(*to), (from.to_string(), to.to_string())),
    };
    let mut notes = Vec::new();
    // The events come first: they check the unit exists, with the library's own message.
    let history = index.act_history(&act.id, eid, Some(act.lang), false)?;
    let by_signing = matches!(span, Span::Edition { .. });
    let mut events: Vec<HistoryEntry> = history
        .entries
        .into_iter()
        .filter(|e| {
            // Between two dates, an event counts by the day it takes effect: in force on
            // `from`, it is in the earlier text already. An edition prints the amendments
            // signed since the edition before it, some taking effect later: they count by the
            // day they were signed.
            let d = if by_signing {
                e.signed.or_else(|| event_date(e))
            } else {
                event_date(e)
            };
            from.is_none_or(|f| d.is_some_and(|d| d > f))
                && to.is_none_or(|t| d.is_some_and(|d| d <= t))
        })
        .collect();
    let diff = match crate::diff(&act, &specs.0, &specs.1, eid) {
        Ok(d) => Some(d),
        Err(crate::Error::UnknownVersion { spec, .. }) => {
            notes.push(format!(
                "no text of the act in force on {spec} is in the corpus ({}), so the texts \
                 cannot be compared word by word; `events` lists what the act's amendment notes \
                 record for the span",
                listed()
            ));
            None
        }
        Err(e) => return Err(e),
    };
    let totals = ChangesTotals {
        units: diff.as_ref().map_or(0, |d| d.units.len()),
        deleted: diff.as_ref().map_or(0, |d| d.deleted.len()),
        inserted: diff.as_ref().map_or(0, |d| d.inserted.len()),
        changed: diff.as_ref().map_or(0, |d| d.changed.len()),
        notes_changed: diff.as_ref().map_or(0, |d| d.notes_changed.len()),
        events: events.len(),
    };
    // Today's text is a page's default: a link dated today would go stale.
    let link_date = match &span {
        Span::Dates { .. } if asked_to.is_none() => None,
        _ => to,
    };
    let mut next = [None, paging.cut(&mut events)];
    let diff = match diff {
        None => None,
        Some(d) => {
            let ActDiff {
                from_side,
                to_side,
                mut deleted,
                mut inserted,
                mut changed,
                mut unknown,
                mut notes_changed,
                mut units,
                ..
            } = d;
            for side in [&from_side, &to_side] {
                if let (Some(text), Some(date)) = (&side.state_text, side.date) {
                    notes.push(format!("on {date}: {text}"));
                }
            }
            next[0] = paging.cut(&mut units);
            for (list, name) in [
                (&mut deleted, "deleted"),
                (&mut inserted, "inserted"),
                (&mut changed, "changed"),
                (&mut unknown, "unknown"),
                (&mut notes_changed, "notes_changed"),
            ] {
                bound_list(list, name, MAX_SUMMARY_EIDS, &mut notes);
            }
            let units = units
                .into_iter()
                .map(|mut change| {
                    let rest = format!("`at_date` {}#{} gives the whole text", act.id, change.eid);
                    for text in [change.text_from.as_mut(), change.text_to.as_mut()]
                        .into_iter()
                        .flatten()
                    {
                        bound_text(text, MAX_CHANGE_TEXT_CHARS, &rest);
                    }
                    bound_words(&mut change.words, &rest);
                    Ok(LinkedChange {
                        citation: unit_citation(index, &act, &change.eid, act.lang)?,
                        permalink: links.permalink(
                            &act.id,
                            Some(&change.eid),
                            link_date,
                            act.official_url.as_deref(),
                        ),
                        change,
                    })
                })
                .collect::<crate::Result<Vec<_>>>()?;
            Some(DiffPage {
                from_edition: from_side.editions.last().cloned(),
                to_edition: to_side.editions.last().cloned(),
                from_side,
                to_side,
                deleted,
                inserted,
                changed,
                unknown,
                notes_changed,
                units,
            })
        }
    };
    if diff
        .as_ref()
        .is_some_and(|d| d.units.is_empty() && offset == 0)
        && totals.events == 0
    {
        notes.push(
            "nothing changed in the span: the texts compared are the same, and no amendment \
             note records a change then"
                .to_string(),
        );
    }
    let citation = match eid {
        Some(e) => unit_citation(index, &act, e, act.lang)?,
        None => act.short_name(),
    };
    let editions_total = ids.len();
    let shown: Vec<String> = ids
        .iter()
        .skip(editions_total.saturating_sub(MAX_EDITIONS))
        .cloned()
        .collect();
    let mut answer = ChangesAnswer {
        target: target.to_string(),
        citation,
        permalink: links.permalink(&act.id, eid, link_date, act.official_url.as_deref()),
        from,
        to,
        edition: match span {
            Span::Edition { edition, .. } => Some(edition),
            Span::Dates { .. } => None,
        },
        editions: shown,
        editions_total,
        totals,
        offset,
        limit,
        next_offset: next.into_iter().flatten().next(),
        notes,
        diff,
        events,
    };
    fit(&mut answer, budget);
    Ok(answer)
}

/// Cuts `answer`'s page (unit changes and events, from their end) until its JSON is within
/// `budget`, saying so; the next page then begins after the shorter of the two lists.
fn fit(answer: &mut ChangesAnswer, budget: &Budget) {
    let size = |a: &ChangesAnswer| serde_json::to_string(a).map_or(0, |s| s.chars().count());
    let units = |a: &ChangesAnswer| a.diff.as_ref().map_or(0, |d| d.units.len());
    let (asked_units, asked_events) = (units(answer), answer.events.len());
    // A page that is cut says so, in a note and `next_offset`: room is left for them.
    let room = if size(answer) > budget.answer_chars {
        budget.answer_chars.saturating_sub(CUT_NOTE_CHARS)
    } else {
        budget.answer_chars
    };
    while size(answer) > room && (units(answer) > 1 || answer.events.len() > 1) {
        if units(answer) >= answer.events.len() {
            if let Some(d) = answer.diff.as_mut() {
                d.units.pop();
            }
        } else {
            answer.events.pop();
        }
    }
    if size(answer) > room {
        // One entry of each list is left and still too large: its texts are cut shorter,
        // as a hit's are (`at_date` gives them whole).
        let act = answer
            .target
            .split('#')
            .next()
            .unwrap_or_default()
            .to_string();
        for change in answer.diff.iter_mut().flat_map(|d| d.units.iter_mut()) {
            let rest = format!("`at_date` {act}#{} gives the whole text", change.change.eid);
            for text in [
                change.change.text_from.as_mut(),
                change.change.text_to.as_mut(),
            ]
            .into_iter()
            .flatten()
            {
                bound_text(text, budget.item_text_chars, &rest);
            }
            for w in change.change.words.iter_mut().filter(|w| w.tag != "equal") {
                bound_text(&mut w.text, budget.item_text_chars, &rest);
            }
        }
    }
    let (kept_units, kept_events) = (units(answer), answer.events.len());
    if kept_units < asked_units || kept_events < asked_events {
        let kept = [(kept_units, asked_units), (kept_events, asked_events)]
            .into_iter()
            .filter(|(kept, asked)| kept < asked)
            .map(|(kept, _)| kept)
            .min()
            .unwrap_or(0);
        let next = answer.offset + kept;
        answer.next_offset = Some(next);
        answer.notes.push(format!(
            "the page holds fewer changes than asked to stay within {} characters; `offset` \
             {next} gives the next",
            budget.answer_chars
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_unchanged_runs_lose_their_middle() {
        let mut words = vec![
            WordChange {
                tag: "equal",
                text: "а".repeat(400),
            },
            WordChange {
                tag: "insert",
                text: "жаңа".to_string(),
            },
        ];
        bound_words(&mut words, "x");
        assert_eq!(
            words[0].text,
            format!(
                "{}[… 200 unchanged characters …]{}",
                "а".repeat(100),
                "а".repeat(100)
            )
        );
        assert_eq!(words[1].text, "жаңа");
    }

    #[test]
    fn a_span_is_an_edition_or_dates_never_both() {
        let d = NaiveDate::from_ymd_opt(2020, 1, 1);
        assert_eq!(
            ChangesSpan::new(Some(" v1 "), None, None).ok(),
            Some(Some(ChangesSpan::Edition("v1".into())))
        );
        assert!(ChangesSpan::new(Some("v1"), d, None).is_err());
        // Neither asked: `changes` says what to give, naming the act's editions.
        assert_eq!(ChangesSpan::new(None, None, None).ok(), Some(None));
        assert_eq!(ChangesSpan::new(None, None, d).ok(), Some(None));
        assert!(matches!(
            ChangesSpan::new(Some(" "), d, None),
            Ok(Some(ChangesSpan::Dates { to: None, .. }))
        ));
    }
}
