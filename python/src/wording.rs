//! `Index.wording`'s answer: when a phrase appeared in an act's units and when it went, as a
//! Python object and, with pandas, a DataFrame of its spans.

use crate::answers::{column, data_frame, day, Record};
use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;
use zanlex::pages::{WordingChange, WordingEdition, WordingEnd, WordingSpan, WordingStart};

/// When a phrase was in an act's units, over its editions (`Index.wording`).
#[pyclass(extends = Record, frozen, module = "zanlex")]
pub struct WordingAnswer {
    answer: zanlex::pages::WordingAnswer,
}

impl WordingAnswer {
    pub(crate) fn new(answer: zanlex::pages::WordingAnswer) -> Self {
        WordingAnswer { answer }
    }
}

/// How a span began: its kind, the edition, the day and whether it is estimated, the
/// amending acts.
type Start<'a> = (
    &'static str,
    &'a WordingEdition,
    Option<chrono::NaiveDate>,
    bool,
    &'a [WordingChange],
);

/// How a span ended: its kind, the edition, the day its wording stopped, the day the wording
/// without it began, the amending acts.
type End<'a> = (
    &'static str,
    &'a WordingEdition,
    Option<chrono::NaiveDate>,
    Option<chrono::NaiveDate>,
    &'a [WordingChange],
);

/// A span's facts, one row of the DataFrame.
struct Row<'a> {
    eid: &'a str,
    span: &'a WordingSpan,
}

impl Row<'_> {
    /// How it began, the edition, the day and whether it is estimated, the amending acts.
    fn start(&self) -> Option<Start<'_>> {
        Some(match &self.span.start {
            WordingStart::SinceAtLeast {
                edition,
                from,
                from_estimated,
                by,
                ..
            } => ("since_at_least", edition, *from, *from_estimated, by),
            WordingStart::Appeared {
                edition,
                from,
                from_estimated,
                by,
                ..
            } => ("appeared", edition, *from, *from_estimated, by),
            // A start this door does not know yet: its row says nothing of it.
            _ => return None,
        })
    }

    /// How it ended, the edition, the day its wording stopped, the day the wording without it
    /// began, the amending acts.
    fn end(&self) -> Option<End<'_>> {
        Some(match &self.span.end {
            WordingEnd::StillPresent { edition } => ("still_present", edition, None, None, &[]),
            WordingEnd::Removed {
                edition,
                until,
                absent_from,
                by,
                ..
            } => ("removed", edition, *until, *absent_from, by),
            WordingEnd::UnitRemoved { edition, until, by } => {
                ("unit_removed", edition, *until, None, by)
            }
            _ => return None,
        })
    }
}

/// The amending acts in official form, `; ` between them, or `None`.
fn acts(list: &[WordingChange]) -> Option<String> {
    (!list.is_empty()).then(|| {
        list.iter()
            .map(|c| c.amending_act.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    })
}

#[pymethods]
impl WordingAnswer {
    /// The spans as a pandas DataFrame, one row per span, units in the answer's order and each
    /// unit's spans oldest first: `act`, `lang`, `eid`, `start` (`appeared` or
    /// `since_at_least`), `from` (a date: the day the wording with the phrase took effect, or
    /// the day it was there at least from), `from_estimated`, `from_edition`, `brought_by` (the
    /// amending acts in official form), `end` (`still_present`, `removed`, `unit_removed`),
    /// `until` (a date: the day the wording with it stopped), `absent_from` (a date: the day
    /// the wording without it began), `end_edition`, `removed_by` and `editions` (how many
    /// print it).
    fn to_dataframe(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let a = &self.answer;
        let rows: Vec<Row> = a
            .units
            .iter()
            .flat_map(|u| u.spans.iter().map(|span| Row { eid: &u.eid, span }))
            .collect();
        let r = &rows;
        let lang = a.lang.as_str();
        let columns = vec![
            ("act", column(r, |_| a.act.as_str().into_py_any(py))?),
            ("lang", column(r, |_| lang.into_py_any(py))?),
            ("eid", column(r, |x| x.eid.into_py_any(py))?),
            (
                "start",
                column(r, |x| x.start().map(|s| s.0).into_py_any(py))?,
            ),
            ("from", column(r, |x| day(py, x.start().and_then(|s| s.2)))?),
            (
                "from_estimated",
                column(r, |x| x.start().map(|s| s.3).into_py_any(py))?,
            ),
            (
                "from_edition",
                column(r, |x| x.start().map(|s| s.1.id.as_str()).into_py_any(py))?,
            ),
            (
                "brought_by",
                column(r, |x| x.start().and_then(|s| acts(s.4)).into_py_any(py))?,
            ),
            ("end", column(r, |x| x.end().map(|e| e.0).into_py_any(py))?),
            ("until", column(r, |x| day(py, x.end().and_then(|e| e.2)))?),
            (
                "absent_from",
                column(r, |x| day(py, x.end().and_then(|e| e.3)))?,
            ),
            (
                "end_edition",
                column(r, |x| x.end().map(|e| e.1.id.as_str()).into_py_any(py))?,
            ),
            (
                "removed_by",
                column(r, |x| x.end().and_then(|e| acts(e.4)).into_py_any(py))?,
            ),
            ("editions", column(r, |x| x.span.editions.into_py_any(py))?),
        ];
        data_frame(py, columns, &["from", "until", "absent_from"])
    }
}
