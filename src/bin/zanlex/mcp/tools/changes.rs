//! The tools `changes` (what an edition or a span of dates changed in an act, unit by unit,
//! with the words changed: the library's [`zanlex::ActDiff`] and the act's amendment events
//! from its [`zanlex::ActHistory`]) and `stats` (the library's [`zanlex::CorpusStats`]).

use super::{
    bound_text, cut_page, date_arg, lang_arg, page_args, permalink, target_arg, ToolError, LIST_END,
};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use zanlex::{ActDiff, DiffSide, HistoryEntry, UnitChange, WordChange, ZanIndex};

/// Unit changes on a `changes` page when not asked.
pub(super) const DEFAULT_CHANGES_PAGE: usize = 10;
/// Most unit changes one `changes` page may ask for: each carries two texts and a diff.
pub(super) const MAX_CHANGES_PAGE: usize = 50;
/// The longest text of a unit before or after a change sent whole, in characters; `at_date`
/// gives the whole text.
pub(super) const MAX_CHANGE_TEXT_CHARS: usize = 2_000;
/// The longest run of unchanged words of a diff sent whole: past it, its middle is left out,
/// saying how much, so that a page of diffs shows what changed rather than what did not.
pub(super) const MAX_EQUAL_RUN_CHARS: usize = 300;
/// Characters kept at each end of an unchanged run that is cut.
const EQUAL_CONTEXT_CHARS: usize = 100;
/// Most eids each summary list (`deleted`, `inserted`, `changed`, `notes_changed`) names;
/// `totals` counts them all and the pages of `units` list every change.
pub(super) const MAX_SUMMARY_EIDS: usize = 200;
/// Most edition ids an answer lists (the newest); `editions_total` counts them all.
const MAX_EDITIONS: usize = 100;
/// Entries of each ranked list of `stats` when not asked.
const DEFAULT_STATS_TOP: usize = zanlex::DEFAULT_STATS_LIMIT;
/// Most entries of each ranked list of `stats`.
pub(super) const MAX_STATS_TOP: usize = 100;

/// The arguments of `changes`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct ChangesArgs {
    /// `ACT_ID` for what changed in the whole act, or `ACT_ID#EID` for one provision (and the
    /// units inside it).
    pub target: String,
    /// An edition id (from `history`'s `versions`, or this tool's `editions`): what that edition
    /// changed against the edition before it. Give either `edition` or `from`.
    #[serde(default)]
    pub edition: Option<String>,
    /// A date, YYYY-MM-DD: compare the wording in force on this date with the wording on `to`.
    #[serde(default)]
    pub from: Option<String>,
    /// A date, YYYY-MM-DD, after `from` (today when left out).
    #[serde(default)]
    pub to: Option<String>,
    /// `kk` or `ru`: the text compared (Kazakh when the act has it).
    #[serde(default)]
    #[schemars(extend("enum" = ["kk", "ru"]))]
    pub lang: Option<String>,
    /// How many unit changes (and amendment events) come before this page (0 when left out).
    #[serde(default)]
    pub offset: Option<u64>,
    /// Unit changes (and amendment events) on this page, 1 to 50 (10 when left out).
    #[serde(default)]
    pub limit: Option<u64>,
}

/// One unit's change with its citation and page.
#[derive(Debug, Serialize)]
struct ChangeWithLink {
    citation: String,
    /// The unit's page on the later date (or edition).
    permalink: String,
    #[serde(flatten)]
    change: UnitChange,
}

/// The library's diff, its unit changes cut to the page.
#[derive(Debug, Serialize)]
struct DiffPage {
    /// The newest edition behind the earlier side (`null`: no wording that day).
    from_edition: Option<String>,
    /// The newest edition behind the later side.
    to_edition: Option<String>,
    /// The earlier side: its date, every edition behind it, the act's state that day.
    from_side: DiffSide,
    /// The later side, as `from_side`.
    to_side: DiffSide,
    deleted: Vec<String>,
    inserted: Vec<String>,
    changed: Vec<String>,
    /// Units whose wording the corpus lacks on one side: whether they changed is not known.
    unknown: Vec<String>,
    notes_changed: Vec<String>,
    units: Vec<ChangeWithLink>,
}

/// How many entries each list of a `changes` answer has in all.
#[derive(Debug, Serialize)]
struct ChangesTotals {
    /// Unit changes (every kind).
    units: usize,
    deleted: usize,
    inserted: usize,
    changed: usize,
    notes_changed: usize,
    /// Amendment events in the span.
    events: usize,
}

/// The answer of `changes`.
#[derive(Debug, Serialize)]
pub(super) struct ChangesAnswer {
    target: String,
    citation: String,
    permalink: String,
    /// The span compared: the dates (or the editions' dates) asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<NaiveDate>,
    /// The edition asked for, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    edition: Option<String>,
    /// The act's editions in the corpus, oldest first (the newest when there are many).
    editions: Vec<String>,
    editions_total: usize,
    totals: ChangesTotals,
    offset: usize,
    limit: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_offset: Option<usize>,
    /// Set when the texts could not be compared or a list was cut: why, and what to do.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
    /// The word diff between the two texts; `null` when the corpus lacks a text to compare.
    diff: Option<DiffPage>,
    /// The amendment events of the span, newest first, as the act's notes record them (each
    /// with its amending act in official form).
    events: Vec<HistoryEntry>,
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
    act: &zanlex::Act,
    eid: &str,
    lang: zanlex::Lang,
) -> zanlex::Result<String> {
    match index.unit_in(&act.id, eid, Some(lang)) {
        Ok(view) => Ok(view.citation),
        Err(zanlex::Error::UnknownUnit { .. }) => Ok(format!("{} ({eid})", act.short_name())),
        Err(e) => Err(e),
    }
}

/// The span and editions a `changes` call compares.
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

/// What `changes` answers for `args`, read from `index`.
pub(super) fn changes(index: &ZanIndex, args: ChangesArgs) -> Result<ChangesAnswer, ToolError> {
    let target = target_arg(&args.target)?;
    let lang = lang_arg(args.lang.as_deref())?;
    let (offset, limit) = page_args(
        args.offset,
        args.limit,
        DEFAULT_CHANGES_PAGE,
        MAX_CHANGES_PAGE,
        LIST_END,
    )?;
    let edition = args
        .edition
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    let from = date_arg("from", args.from.as_deref())?;
    let to = date_arg("to", args.to.as_deref())?;
    let asked_to = to;
    let act = index.act_in(&target.act, lang)?;
    let eid = target.eid();
    let editions: Vec<&zanlex::ActVersion> = act.versions.iter().collect();
    let ids: Vec<String> = editions.iter().map(|v| v.id.clone()).collect();
    let listed = || {
        if ids.is_empty() {
            "the corpus holds one edition of it".to_string()
        } else {
            format!("its editions: {}", ids.join(", "))
        }
    };
    if edition.is_some() && (from.is_some() || to.is_some()) {
        return Err(ToolError(
            "give either `edition` (what one edition changed) or `from` and `to` (what changed \
             between two dates), not both"
                .into(),
        ));
    }
    let span = match (edition, from) {
        (Some(e), _) => {
            let Some(k) = editions.iter().position(|v| v.id == e) else {
                return Err(ToolError(format!(
                    "act {} has no edition {e:?}; {}. Or give `from` and `to` dates instead.",
                    act.id,
                    listed()
                )));
            };
            if k == 0 {
                return Err(ToolError(format!(
                    "edition {e:?} is the earliest of act {} in the corpus: there is no earlier \
                     text to compare it with; {}. `history` lists the amendments its notes record.",
                    act.id,
                    listed()
                )));
            }
            Span::Edition {
                before: editions[k - 1].id.clone(),
                edition: e.to_string(),
                from: editions[k - 1].from,
                to: editions[k].from,
            }
        }
        (None, Some(f)) => {
            let t = to.unwrap_or_else(|| chrono::Local::now().date_naive());
            if f > t {
                return Err(ToolError(format!(
                    "from {f} is after to {t}; give the earlier date as `from`"
                )));
            }
            Span::Dates { from: f, to: t }
        }
        (None, None) => {
            return Err(ToolError(format!(
                "say what to compare: `from` (a date, YYYY-MM-DD; `to` is today when left out), \
                 or `edition` (one of act {}'s editions: what it changed); {}",
                act.id,
                listed()
            )))
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
    let diff = match zanlex::diff(&act, &specs.0, &specs.1, eid) {
        Ok(d) => Some(d),
        Err(zanlex::Error::UnknownVersion { spec, .. }) => {
            notes.push(format!(
                "no text of the act in force on {spec} is in the corpus ({}), so the texts \
                 cannot be compared word by word; `events` lists what the act's amendment notes \
                 record for the span",
                listed()
            ));
            None
        }
        Err(e) => return Err(e.into()),
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
    let mut next = [None, cut_page(&mut events, offset, limit)];
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
            next[0] = cut_page(&mut units, offset, limit);
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
                    Ok(ChangeWithLink {
                        citation: unit_citation(index, &act, &change.eid, act.lang)?,
                        permalink: permalink(&act.id, Some(&change.eid), link_date),
                        change,
                    })
                })
                .collect::<zanlex::Result<Vec<_>>>()?;
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
    Ok(ChangesAnswer {
        target: target.to_string(),
        citation,
        permalink: permalink(&act.id, eid, link_date),
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
    })
}

/// The arguments of `stats`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct StatsArgs {
    /// A date, YYYY-MM-DD: count only the amendments taking effect on or after it (all of them
    /// when left out).
    #[serde(default)]
    pub since: Option<String>,
    /// Entries of each ranked list (units amended most, amending acts), 1 to 100 (10 when left
    /// out).
    #[serde(default)]
    pub limit: Option<u64>,
}

/// What `stats` answers for `args`, read from `index`: the library's counts, each unit of
/// `most_amended_units` with its page.
pub(super) fn stats(index: &ZanIndex, args: StatsArgs) -> Result<serde_json::Value, ToolError> {
    let since = date_arg("since", args.since.as_deref())?;
    let limit = args.limit.unwrap_or(DEFAULT_STATS_TOP as u64);
    if limit == 0 || limit > MAX_STATS_TOP as u64 {
        return Err(ToolError(format!(
            "limit {limit} is out of range; use 1 to {MAX_STATS_TOP} (entries of each ranked list)"
        )));
    }
    // Below `MAX_STATS_TOP`: it fits in `usize`.
    let limit = limit as usize;
    let stats = index.corpus_stats(since, limit)?;
    let links: Vec<String> = stats
        .most_amended_units
        .iter()
        .map(|u| permalink(&u.act, Some(&u.eid), None))
        .collect();
    let mut answer = serde_json::to_value(&stats).map_err(|e| {
        eprintln!("zanlex: the MCP answer of stats could not be written: {e}");
        ToolError("the answer could not be written; the server's log has the details".into())
    })?;
    if let Some(units) = answer
        .get_mut("most_amended_units")
        .and_then(serde_json::Value::as_array_mut)
    {
        for (unit, link) in units.iter_mut().zip(links) {
            if let Some(unit) = unit.as_object_mut() {
                unit.insert("permalink".into(), link.into());
            }
        }
    }
    if let Some(all) = answer.as_object_mut() {
        all.insert("limit".into(), limit.into());
    }
    Ok(answer)
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
}
