//! The library's answers as Python objects.
//!
//! An answer is rendered once as its JSON, the JSON `zanlex … --json` prints (so a float reads
//! as the command line prints it), and read by attribute: `answer.hits[0].act.id`. Each object
//! of the JSON is a [`Record`] (a field that is a Python keyword is read with a trailing `_`:
//! `edition.from_`), each array a list, each other value a `str`, `int`, `float`, `bool` or
//! `None`; `to_dict()` gives the whole JSON as plain Python values. The answers' classes are
//! subclasses of [`Record`] named as the library names them; history and compare answers also
//! make a pandas DataFrame from the typed answer (`to_dataframe()`).

use pyo3::exceptions::{PyAttributeError, PyImportError, PyKeyError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3::IntoPyObjectExt;
use pyo3::PyClass;
use serde::Serialize;
use serde_json::Value;
use std::sync::Arc;

/// A JSON object of an answer, read by attribute or key.
#[pyclass(subclass, frozen, module = "zanlex", name = "Record")]
pub struct Record {
    /// The whole answer's JSON.
    root: Arc<Value>,
    /// Where this object is in it (a JSON pointer; empty for the answer itself).
    pointer: String,
}

impl Record {
    /// The record of answer `value`: its JSON as the command line prints it.
    pub(crate) fn of<T: Serialize>(value: &T) -> PyResult<Self> {
        // Through the JSON text, not `serde_json::to_value`: an `f32` (a hit's score) then
        // reads as the command line prints it, not widened to its `f64` digits.
        let json = serde_json::to_string(value)
            .and_then(|s| serde_json::from_str::<Value>(&s))
            .map_err(|e| {
                crate::errors::py_err(zanlex::Error::BadArgument(format!(
                    "the answer could not be rendered as JSON: {e}"
                )))
            })?;
        Ok(Record {
            root: Arc::new(json),
            pointer: String::new(),
        })
    }

    fn value(&self) -> &Value {
        self.root.pointer(&self.pointer).unwrap_or(&Value::Null)
    }

    fn fields(&self) -> Vec<String> {
        match self.value() {
            Value::Object(map) => map.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }

    /// Field `name` (or `name` without a trailing `_`, for a Python keyword) and its pointer.
    fn field(&self, name: &str) -> Option<(&Value, String)> {
        let Value::Object(map) = self.value() else {
            return None;
        };
        let (key, v) = match map.get_key_value(name) {
            Some(kv) => kv,
            None => map.get_key_value(name.strip_suffix('_')?)?,
        };
        Some((v, format!("{}/{}", self.pointer, escape(key))))
    }

    /// `v`, found at `pointer`, as Python reads it: objects as records, arrays as lists.
    fn wrap(&self, py: Python<'_>, v: &Value, pointer: String) -> PyResult<Py<PyAny>> {
        match v {
            Value::Object(_) => Py::new(
                py,
                Record {
                    root: self.root.clone(),
                    pointer,
                },
            )
            .map(Py::into_any),
            Value::Array(items) => {
                let items = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.wrap(py, item, format!("{pointer}/{i}")))
                    .collect::<PyResult<Vec<_>>>()?;
                PyList::new(py, items)?.into_py_any(py)
            }
            scalar => plain(py, scalar),
        }
    }
}

/// A key as a JSON pointer writes it.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// `v` as plain Python values: dicts, lists, str, int, float, bool, None.
fn plain(py: Python<'_>, v: &Value) -> PyResult<Py<PyAny>> {
    match v {
        Value::Null => Ok(py.None()),
        Value::Bool(b) => b.into_py_any(py),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_py_any(py),
            (None, Some(u)) => u.into_py_any(py),
            _ => n.as_f64().unwrap_or(f64::NAN).into_py_any(py),
        },
        Value::String(s) => s.into_py_any(py),
        Value::Array(items) => {
            let items = items
                .iter()
                .map(|i| plain(py, i))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_py_any(py)
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, plain(py, v)?)?;
            }
            dict.into_py_any(py)
        }
    }
}

#[pymethods]
impl Record {
    fn __getattr__(slf: &Bound<'_, Self>, name: &str) -> PyResult<Py<PyAny>> {
        let this = slf.get();
        match this.field(name) {
            Some((v, pointer)) => this.wrap(slf.py(), v, pointer),
            None => Err(PyAttributeError::new_err(format!(
                "{} has no field {name:?}; its fields: {}",
                slf.get_type().name()?,
                this.fields().join(", ")
            ))),
        }
    }

    fn __getitem__(slf: &Bound<'_, Self>, key: &str) -> PyResult<Py<PyAny>> {
        let this = slf.get();
        match this
            .field(key)
            .filter(|_| !key.ends_with('_') || this.has(key))
        {
            Some((v, pointer)) => this.wrap(slf.py(), v, pointer),
            None => Err(PyKeyError::new_err(key.to_string())),
        }
    }

    fn __contains__(&self, key: &str) -> bool {
        self.has(key)
    }

    fn __iter__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let keys = PyList::new(py, self.fields())?;
        Ok(keys.try_iter()?.into_any().unbind())
    }

    fn __len__(&self) -> usize {
        self.fields().len()
    }

    fn __dir__(slf: &Bound<'_, Self>) -> PyResult<Vec<String>> {
        let py = slf.py();
        let object = py.import("builtins")?.getattr("object")?;
        let mut names: Vec<String> = object.getattr("__dir__")?.call1((slf,))?.extract()?;
        names.extend(slf.get().fields());
        Ok(names)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<Record>() {
            Ok(o) => self.value() == o.get().value(),
            Err(_) => false,
        }
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let json = serde_json::to_string(slf.get().value()).unwrap_or_default();
        let cut: String = json.chars().take(200).collect();
        let more = if cut.len() < json.len() { "…" } else { "" };
        Ok(format!("{}({cut}{more})", slf.get_type().name()?))
    }

    /// The whole record as plain Python values (dicts, lists, str, int, float, bool, None):
    /// the JSON `zanlex … --json` prints, parsed.
    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        plain(py, self.value())
    }

    /// The record as JSON text (indented by `indent` spaces when given).
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> String {
        match indent {
            None => serde_json::to_string(self.value()).unwrap_or_default(),
            Some(n) => {
                let pad = " ".repeat(n);
                let mut out = Vec::new();
                let fmt = serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
                let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
                match self.value().serialize(&mut ser) {
                    Ok(()) => String::from_utf8(out).unwrap_or_default(),
                    Err(_) => String::new(),
                }
            }
        }
    }
}

impl Record {
    fn has(&self, key: &str) -> bool {
        matches!(self.value(), Value::Object(map) if map.contains_key(key))
    }
}

/// Answer `value` as a Python object of class `S` (a subclass of [`Record`]).
pub(crate) fn new_answer<T: Serialize, S: PyClass<BaseType = Record>>(
    py: Python<'_>,
    value: &T,
    sub: S,
) -> PyResult<Py<S>> {
    Py::new(
        py,
        PyClassInitializer::from(Record::of(value)?).add_subclass(sub),
    )
}

macro_rules! answer_classes {
    ($($name:ident: $doc:literal,)*) => {
        $(
            #[doc = $doc]
            #[pyclass(extends = Record, frozen, module = "zanlex")]
            pub struct $name;
        )*

        /// Adds the answers' classes to the module.
        pub(crate) fn add_classes(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $(m.add_class::<$name>()?;)*
            m.add_class::<ActHistory>()?;
            m.add_class::<ActDiff>()?;
            Ok(())
        }
    };
}

answer_classes! {
    SearchResults: "Ranked, cited hits of a search (`Index.search`).",
    ActList: "The acts of the index with their metadata and status (`Index.acts`).",
    ActOutline: "An act with its metadata, editions and unit tree (`Index.act`).",
    UnitTree: "An act's unit tree (`Index.units`).",
    UnitAnswer: "A unit in the wording in force on a date (`Index.unit`).",
    ParallelUnit: "A unit in each language the act has (`Index.parallel`).",
    RefList: "What a provision refers to (`Index.refs`).",
    CitedByList: "What refers to a provision (`Index.cited_by`).",
    Succession: "The act an act replaced and the act that replaced it (`Index.succession`).",
    CorpusStats: "Counts across the corpus (`Index.stats`).",
    LexiconList: "Kazakh-Russian word pairs learned from the corpus (`Index.lexicon`).",
    RefreshReport: "What opening or refreshing the index did (`Index.report`, `Index.refresh`).",
}

/// pandas, imported when a DataFrame is asked for; a clear error when it is not installed.
fn pandas(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("pandas").map_err(|e| {
        if e.is_instance_of::<PyImportError>(py) {
            PyImportError::new_err(
                "to_dataframe() needs pandas, which is not installed: pip install pandas",
            )
        } else {
            e
        }
    })
}

/// A DataFrame of `columns` (name, values), the columns named in `dates` read as dates.
fn data_frame(
    py: Python<'_>,
    columns: Vec<(&str, Vec<Py<PyAny>>)>,
    dates: &[&str],
) -> PyResult<Py<PyAny>> {
    let pd = pandas(py)?;
    let data = PyDict::new(py);
    let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
    for (name, values) in columns {
        data.set_item(name, PyList::new(py, values)?)?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("columns", PyList::new(py, names)?)?;
    let frame = pd.getattr("DataFrame")?.call((data,), Some(&kwargs))?;
    for name in dates {
        let read = pd.getattr("to_datetime")?.call1((frame.get_item(name)?,))?;
        frame.set_item(name, read)?;
    }
    Ok(frame.unbind())
}

/// Values of one column, made as Python values.
fn column<T>(rows: &[T], value: impl Fn(&T) -> PyResult<Py<PyAny>>) -> PyResult<Vec<Py<PyAny>>> {
    rows.iter().map(value).collect()
}

/// A date as `YYYY-MM-DD` (read as a date by pandas), or `None`.
fn day(py: Python<'_>, d: Option<chrono::NaiveDate>) -> PyResult<Py<PyAny>> {
    d.map(|d| d.to_string()).into_py_any(py)
}

/// A value's name as its JSON says it (`"new_wording"`).
fn name_of<T: Serialize>(py: Python<'_>, v: &T) -> PyResult<Py<PyAny>> {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s.into_py_any(py),
        Ok(other) => plain(py, &other),
        Err(_) => Ok(py.None()),
    }
}

/// An act's amendment timeline, newest first (`Index.history`).
#[pyclass(extends = Record, frozen, module = "zanlex")]
pub struct ActHistory {
    answer: zanlex::ActHistory,
}

impl ActHistory {
    pub(crate) fn new(answer: zanlex::ActHistory) -> Self {
        ActHistory { answer }
    }
}

#[pymethods]
impl ActHistory {
    /// The events as a pandas DataFrame, one row per event, newest first: `act`, `eid`,
    /// `label`, `action`, `effective` (a date), `effective_estimated`, `signed` (a date),
    /// `amending_act` (its official citation), `amending_act_key`, `amending_act_id` (when
    /// the corpus holds it) and `note`.
    fn to_dataframe(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let h = &self.answer;
        let e = &h.entries;
        let act = h.act.id.as_str();
        let columns = vec![
            ("act", column(e, |_| act.into_py_any(py))?),
            ("eid", column(e, |x| x.eid.as_str().into_py_any(py))?),
            ("label", column(e, |x| x.label.as_str().into_py_any(py))?),
            ("action", column(e, |x| x.action.as_str().into_py_any(py))?),
            (
                "effective",
                column(e, |x| day(py, x.effective.as_ref().map(|d| d.date)))?,
            ),
            (
                "effective_estimated",
                column(e, |x| {
                    x.effective.as_ref().map(|d| d.estimated).into_py_any(py)
                })?,
            ),
            ("signed", column(e, |x| day(py, x.signed))?),
            (
                "amending_act",
                column(e, |x| x.amending_act.as_str().into_py_any(py))?,
            ),
            (
                "amending_act_key",
                column(e, |x| x.amending_act_key.as_deref().into_py_any(py))?,
            ),
            (
                "amending_act_id",
                column(e, |x| x.amending_act_id.as_deref().into_py_any(py))?,
            ),
            ("note", column(e, |x| x.note.as_str().into_py_any(py))?),
        ];
        data_frame(py, columns, &["effective", "signed"])
    }
}

/// What changed between two editions of an act (`Index.diff`).
#[pyclass(extends = Record, frozen, module = "zanlex")]
pub struct ActDiff {
    answer: zanlex::ActDiff,
}

impl ActDiff {
    pub(crate) fn new(answer: zanlex::ActDiff) -> Self {
        ActDiff { answer }
    }
}

#[pymethods]
impl ActDiff {
    /// The changes as a pandas DataFrame, one row per changed unit (deleted, inserted and
    /// changed units first, then those whose notes alone changed): `act`, `from`, `to` (the
    /// editions compared), `eid`, `name_kk`, `name_ru` (the unit named in Kazakh and
    /// Russian), `kind`, `status_from`, `status_to`, `text_from`, `text_to` and
    /// `notes_changed`.
    fn to_dataframe(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let d = &self.answer;
        let u = &d.units;
        // A column of the unit's name in each language: `name_kk`, `name_ru`.
        let names: Vec<String> = zanlex::Lang::ALL
            .iter()
            .map(|lang| format!("name_{lang}"))
            .collect();
        let in_words = zanlex::Lang::ALL
            .iter()
            .map(|&lang| column(u, |x| x.name[lang].as_str().into_py_any(py)))
            .collect::<PyResult<Vec<_>>>()?;
        let mut columns = vec![
            ("act", column(u, |_| d.act.as_str().into_py_any(py))?),
            ("from", column(u, |_| d.from.as_str().into_py_any(py))?),
            ("to", column(u, |_| d.to.as_str().into_py_any(py))?),
            ("eid", column(u, |x| x.eid.as_str().into_py_any(py))?),
        ];
        columns.extend(names.iter().map(String::as_str).zip(in_words));
        columns.extend([
            ("kind", column(u, |x| name_of(py, &x.kind))?),
            ("status_from", column(u, |x| x.status_from.into_py_any(py))?),
            ("status_to", column(u, |x| x.status_to.into_py_any(py))?),
            (
                "text_from",
                column(u, |x| x.text_from.as_deref().into_py_any(py))?,
            ),
            (
                "text_to",
                column(u, |x| x.text_to.as_deref().into_py_any(py))?,
            ),
            (
                "notes_changed",
                column(u, |x| x.notes_changed.into_py_any(py))?,
            ),
        ]);
        data_frame(py, columns, &[])
    }
}
