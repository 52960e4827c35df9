//! The library's answers as Python objects.
//!
//! An answer is turned straight into Python values by its `Serialize` implementation (the
//! `pythonize` crate), as its JSON gives it (`zanlex … --json`: the same field names, a float
//! with the digits the command line prints), and read by attribute: `answer.hits[0].act.id`.
//! Each object of the answer is a [`Record`] (a field that is a Python keyword is read with a
//! trailing `_`: `edition.from_`), each array a list, each other value a `str`, `int`, `float`,
//! `bool` or `None`; `to_dict()` gives the whole answer as plain Python values. The answers'
//! classes are subclasses of [`Record`] named as the library names them; history and compare
//! answers also make a pandas DataFrame from the typed answer (`to_dataframe()`).

use pyo3::exceptions::{PyAttributeError, PyImportError, PyKeyError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use pyo3::IntoPyObjectExt;
use pyo3::PyClass;
use serde::Serialize;

/// An object of an answer, read by attribute or key: a read-only mapping of its field names
/// (registered as a `collections.abc.Mapping`). Its methods (`keys`, `values`, `items`, `get`,
/// `to_dict`, `to_json`) are not field names of any answer; a key reaches every field.
#[pyclass(subclass, frozen, module = "zanlex", name = "Record")]
pub struct Record {
    /// Its fields by name, in the answer's order; an object inside it is a record, an array a
    /// list.
    fields: Py<PyDict>,
}

/// `value`, an answer as pythonize makes it, as this module reads it: every dict a
/// [`Record`] (its keys strings, as JSON's are), every list's items read so too.
fn records<'py>(value: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = value.py();
    if let Ok(dict) = value.cast::<PyDict>() {
        let fields = fields_of(dict)?.unbind();
        return Ok(Bound::new(py, Record { fields })?.into_any());
    }
    if let Ok(list) = value.cast::<PyList>() {
        for (i, item) in list.iter().enumerate() {
            list.set_item(i, records(item)?)?;
        }
    }
    // A Rust tuple (a highlight's or a reference's span) is a JSON array: a list, as the
    // command line's JSON reads in Python.
    if let Ok(tuple) = value.cast::<PyTuple>() {
        let items = tuple.iter().map(records).collect::<PyResult<Vec<_>>>()?;
        return PyList::new(py, items).map(Bound::into_any);
    }
    Ok(value)
}

/// The fields of a record made of `dict`: its values read by [`records`], a key that is not a
/// string (a year, a number) written as JSON writes it.
fn fields_of<'py>(dict: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyDict>> {
    let fields = PyDict::new(dict.py());
    for (key, value) in dict.iter() {
        let key = if key.is_instance_of::<PyString>() {
            key
        } else {
            key.str()?.into_any()
        };
        fields.set_item(key, records(value)?)?;
    }
    Ok(fields)
}

/// `value` as plain Python values: records as dicts, lists copied, other values as they are.
fn plain<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = value.py();
    if let Ok(record) = value.cast::<Record>() {
        return record.get().to_plain(py).map(Bound::into_any);
    }
    if let Ok(list) = value.cast::<PyList>() {
        let items = list
            .iter()
            .map(|item| plain(&item))
            .collect::<PyResult<Vec<_>>>()?;
        return PyList::new(py, items).map(Bound::into_any);
    }
    Ok(value.clone())
}

impl Record {
    fn fields<'py>(&self, py: Python<'py>) -> &Bound<'py, PyDict> {
        self.fields.bind(py)
    }

    fn names(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.fields(py).keys().extract()
    }

    /// Field `name`, or `name` without a trailing `_` (for a Python keyword: `from_`).
    fn field<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let fields = self.fields(py);
        match fields.get_item(name)? {
            Some(v) => Ok(Some(v)),
            None => match name.strip_suffix('_') {
                Some(key) => fields.get_item(key),
                None => Ok(None),
            },
        }
    }

    fn to_plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (key, value) in self.fields(py).iter() {
            dict.set_item(key, plain(&value)?)?;
        }
        Ok(dict)
    }
}

#[pymethods]
impl Record {
    fn __getattr__<'py>(slf: &Bound<'py, Self>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        match slf.get().field(py, name)? {
            Some(v) => Ok(v),
            None => Err(PyAttributeError::new_err(format!(
                "{} has no field {name:?}; its fields: {}",
                slf.get_type().name()?,
                slf.get().names(py)?.join(", ")
            ))),
        }
    }

    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.fields(py)
            .get_item(key)?
            .ok_or_else(|| PyKeyError::new_err(key.to_string()))
    }

    fn __contains__(&self, key: &Bound<'_, PyAny>) -> PyResult<bool> {
        self.fields(key.py()).contains(key)
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.fields(py).keys().try_iter()?.into_any())
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.fields(py).len()
    }

    /// The record's field names, in the answer's order.
    fn keys<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.fields(py).call_method0("keys")
    }

    /// The record's values, in the answer's order.
    fn values<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.fields(py).call_method0("values")
    }

    /// The record's fields as (name, value) pairs, in the answer's order.
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.fields(py).call_method0("items")
    }

    /// Field `key`, or `default` when the record has none (a field left out of the JSON when
    /// it has no value).
    #[pyo3(signature = (key, default = None))]
    fn get<'py>(
        &self,
        py: Python<'py>,
        key: &str,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match self.fields(py).get_item(key)? {
            Some(v) => Ok(v),
            None => Ok(default.unwrap_or_else(|| py.None().into_bound(py))),
        }
    }

    fn __dir__(slf: &Bound<'_, Self>) -> PyResult<Vec<String>> {
        let py = slf.py();
        let object = py.import("builtins")?.getattr("object")?;
        let mut names: Vec<String> = object.getattr("__dir__")?.call1((slf,))?.extract()?;
        names.extend(slf.get().names(py)?);
        Ok(names)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match other.cast::<Record>() {
            Ok(o) => self.fields(py).eq(o.get().fields(py)),
            Err(_) => Ok(false),
        }
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let py = slf.py();
        let fields = slf.get().to_plain(py)?.repr()?.to_string();
        let cut: String = fields.chars().take(200).collect();
        let more = if cut.len() < fields.len() { "…" } else { "" };
        Ok(format!("{}({cut}{more})", slf.get_type().name()?))
    }

    /// The whole record as plain Python values (dicts, lists, str, int, float, bool, None):
    /// what `json.loads` makes of the JSON `zanlex … --json` prints.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.to_plain(py)
    }

    /// The record as JSON text (indented by `indent` spaces when given), written by Python's
    /// `json` module from [`Record::to_dict`].
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("ensure_ascii", false)?;
        kwargs.set_item("indent", indent)?;
        if indent.is_none() {
            // Compact, as the command line writes it.
            kwargs.set_item("separators", (",", ":"))?;
        }
        py.import("json")?
            .getattr("dumps")?
            .call((self.to_plain(py)?,), Some(&kwargs))?
            .extract()
    }
}

/// Answer `value` as a Python object of class `S` (a subclass of [`Record`]).
pub(crate) fn new_answer<T: Serialize, S: PyClass<BaseType = Record>>(
    py: Python<'_>,
    value: &T,
    sub: S,
) -> PyResult<Py<S>> {
    let not_made = |why: String| {
        crate::errors::internal(format!(
            "the answer could not be made a Python object: {why}"
        ))
    };
    let object = pythonize::pythonize(py, value).map_err(|e| not_made(e.to_string()))?;
    let dict = object
        .cast_into::<PyDict>()
        .map_err(|_| not_made("it is not an object".to_string()))?;
    let record = Record {
        fields: fields_of(&dict)?.unbind(),
    };
    Py::new(py, PyClassInitializer::from(record).add_subclass(sub))
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
            m.add_class::<crate::wording::WordingAnswer>()?;
            m.add_class::<AmendedBy>()?;
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
    GrepAnswer: "The units whose text a regular expression matches (`Index.grep`).",
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
pub(crate) fn data_frame(
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
pub(crate) fn column<T>(
    rows: &[T],
    value: impl Fn(&T) -> PyResult<Py<PyAny>>,
) -> PyResult<Vec<Py<PyAny>>> {
    rows.iter().map(value).collect()
}

/// A date as `YYYY-MM-DD` (read as a date by pandas), or `None`.
pub(crate) fn day(py: Python<'_>, d: Option<chrono::NaiveDate>) -> PyResult<Py<PyAny>> {
    d.map(|d| d.to_string()).into_py_any(py)
}

/// A value's name as its JSON says it (`"new_wording"`).
fn name_of<T: Serialize>(py: Python<'_>, v: &T) -> PyResult<Py<PyAny>> {
    match pythonize::pythonize(py, v) {
        Ok(name) => Ok(name.unbind()),
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

/// What one amending act changed across the corpus (`Index.amended_by`).
#[pyclass(extends = Record, frozen, module = "zanlex")]
pub struct AmendedBy {
    answer: zanlex::pages::AmendedByAnswer,
}

impl AmendedBy {
    pub(crate) fn new(answer: zanlex::pages::AmendedByAnswer) -> Self {
        AmendedBy { answer }
    }
}

#[pymethods]
impl AmendedBy {
    /// The page's provisions as a pandas DataFrame, one row per provision, by act and in each
    /// act's order: `act`, `act_citation`, `eid`, `citation`, `label`, `action`, `effective`
    /// (a date), `effective_estimated`, `amending_act` (its official citation) and `note`.
    fn to_dataframe(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let a = &self.answer;
        let p = &a.provisions;
        let by = a.amending_act.as_str();
        let columns = vec![
            ("act", column(p, |x| x.act_id.as_str().into_py_any(py))?),
            (
                "act_citation",
                column(p, |x| x.act_citation.as_str().into_py_any(py))?,
            ),
            ("eid", column(p, |x| x.eid.as_str().into_py_any(py))?),
            (
                "citation",
                column(p, |x| x.citation.as_str().into_py_any(py))?,
            ),
            ("label", column(p, |x| x.label.as_str().into_py_any(py))?),
            ("action", column(p, |x| x.action.as_str().into_py_any(py))?),
            (
                "effective",
                column(p, |x| day(py, x.effective.as_ref().map(|d| d.date)))?,
            ),
            (
                "effective_estimated",
                column(p, |x| {
                    x.effective.as_ref().map(|d| d.estimated).into_py_any(py)
                })?,
            ),
            ("amending_act", column(p, |_| by.into_py_any(py))?),
            ("note", column(p, |x| x.note.as_str().into_py_any(py))?),
        ];
        data_frame(py, columns, &["effective"])
    }
}
