//! The library's errors as Python exceptions: one class per kind of the library's table of
//! error codes (`zanlex::ErrorCode`), all under `zanlex.ZanlexError`, each instance carrying
//! the code's name (`.code`, as the server's `error.code` and the JSON say it) and what to do
//! about it (`.advice`).

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use zanlex::ErrorCode;

create_exception!(
    zanlex,
    ZanlexError,
    PyException,
    "An error zanlex reports: `.code` is its name in the table of error codes (`not_found`, `bad_query`, …), `.advice` what to do."
);
create_exception!(
    zanlex,
    BadRequest,
    ZanlexError,
    "A request that cannot be understood: a date that is not one, an unknown language, kind or status, a page out of range."
);
create_exception!(
    zanlex,
    BadQuery,
    BadRequest,
    "A query that cannot be parsed, or has nothing searchable."
);
create_exception!(
    zanlex,
    NotFound,
    ZanlexError,
    "No such act, unit, edition or language in the index."
);
create_exception!(
    zanlex,
    UnknownAct,
    NotFound,
    "No act with the id asked for; `.suggestions` names the nearest ids."
);
create_exception!(
    zanlex,
    UnknownUnit,
    NotFound,
    "The act has no unit with the eid asked for."
);
create_exception!(
    zanlex,
    IndexBusy,
    ZanlexError,
    "Another zanlex process holds the index."
);
create_exception!(
    zanlex,
    InternalError,
    ZanlexError,
    "zanlex failed: the index could not be read or written, a file system error."
);

/// The exception of an error of kind `code` saying `message`.
fn raise(code: ErrorCode, message: String, class: Option<fn(String) -> PyErr>) -> PyErr {
    let new = class.unwrap_or(match code {
        ErrorCode::BadQuery => BadQuery::new_err::<String>,
        ErrorCode::NotFound => NotFound::new_err::<String>,
        ErrorCode::IndexBusy => IndexBusy::new_err::<String>,
        c if c.is_bad_request() => BadRequest::new_err::<String>,
        _ => InternalError::new_err::<String>,
    });
    let err = new(message);
    Python::attach(|py| {
        let value = err.value(py);
        // Setting an attribute on a fresh exception cannot fail short of memory, in which case
        // the exception goes without it.
        let _ = value.setattr("code", code.name());
        let _ = value.setattr("advice", code.advice());
    });
    err
}

/// The library's error `e` as a Python exception.
pub(crate) fn py_err(e: zanlex::Error) -> PyErr {
    let message = e.to_string();
    let code = e.code();
    match e {
        zanlex::Error::UnknownAct { suggestions, .. } => {
            let err = raise(code, message, Some(UnknownAct::new_err::<String>));
            Python::attach(|py| {
                let _ = err.value(py).setattr("suggestions", suggestions);
            });
            err
        }
        zanlex::Error::UnknownUnit { .. } => {
            raise(code, message, Some(UnknownUnit::new_err::<String>))
        }
        _ => raise(code, message, None),
    }
}

/// A value this door cannot take: [`ErrorCode::BadRequest`] saying `message`.
pub(crate) fn bad_argument(message: String) -> PyErr {
    raise(ErrorCode::BadRequest, message, None)
}

/// A failure of this door itself: [`ErrorCode::Internal`] saying `message`.
pub(crate) fn internal(message: String) -> PyErr {
    raise(ErrorCode::Internal, message, None)
}

/// Adds the exception classes to the module.
pub(crate) fn add_classes(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("ZanlexError", py.get_type::<ZanlexError>())?;
    m.add("BadRequest", py.get_type::<BadRequest>())?;
    m.add("BadQuery", py.get_type::<BadQuery>())?;
    m.add("NotFound", py.get_type::<NotFound>())?;
    m.add("UnknownAct", py.get_type::<UnknownAct>())?;
    m.add("UnknownUnit", py.get_type::<UnknownUnit>())?;
    m.add("IndexBusy", py.get_type::<IndexBusy>())?;
    m.add("InternalError", py.get_type::<InternalError>())?;
    Ok(())
}
