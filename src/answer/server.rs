//! What a server answers about itself: that it is up ([`Health`], `GET /healthz`) and what a
//! refresh of its index did ([`RefreshAnswer`], `POST /v1/reindex`).

use crate::RefreshReport;
use serde::{Deserialize, Serialize};

/// The answer of `/healthz`: the server answers and has an index.
///
/// ```
/// let h = zanlex::Health::new(2, Some("gen-000003".into()));
/// assert_eq!((h.status.as_str(), h.refreshes), ("ok", 2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct Health {
    /// Always `ok`: the server answers.
    #[cfg_attr(feature = "openapi", schema(pattern = "^ok$"))]
    pub status: String,
    /// zanlex's version.
    pub version: String,
    /// How many times a refresh has put a new index in force since the server started.
    pub refreshes: u64,
    /// The generation of the index folder served (`gen-000003`): which published index a
    /// replica serves.
    pub generation: Option<String>,
}

impl Health {
    /// The health of a server that has swapped in a new index `refreshes` times and serves
    /// `generation`.
    pub fn new(refreshes: u64, generation: Option<String>) -> Self {
        Health {
            status: "ok".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            refreshes,
            generation,
        }
    }
}

/// What a refresh of a served index did, as `/v1/reindex` answers it: the
/// [`RefreshReport`] less what only the server's operator may read.
///
/// ```
/// let nothing = zanlex::RefreshAnswer::unchanged();
/// assert!(!nothing.changed && nothing.added.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Reindex))]
#[non_exhaustive]
pub struct RefreshAnswer {
    /// Whether anything was written to the index.
    pub changed: bool,
    /// Whether the index was rebuilt from scratch.
    pub rebuilt: bool,
    /// Files indexed for the first time.
    pub added: Vec<String>,
    /// Files indexed again because they changed.
    pub updated: Vec<String>,
    /// Files gone from the corpus, whose acts were removed.
    pub removed: Vec<String>,
    /// Files found unchanged.
    pub unchanged: usize,
    /// Unit documents written.
    pub units_indexed: usize,
    /// The files the index does not hold: (file, why).
    // Each pair is sent as a two-string array; utoipa's own tuple schema is the OpenAPI 3.0
    // form that 3.1 validators refuse.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Vec<String>>))]
    pub failures: Vec<(String, String)>,
    /// Set when the refresh failed and the previous index stays in force.
    pub warning: Option<String>,
}

impl RefreshAnswer {
    /// A refresh that wrote nothing.
    pub fn unchanged() -> Self {
        RefreshAnswer::default()
    }

    /// The answer for `report`, its failures and warning as `shown` words them (a server
    /// hides its folders from them).
    pub fn of(report: RefreshReport, shown: impl Fn(&str) -> String) -> Self {
        RefreshAnswer {
            changed: report.changed,
            rebuilt: report.rebuilt,
            added: report.added,
            updated: report.updated,
            removed: report.removed,
            unchanged: report.unchanged,
            units_indexed: report.units_indexed,
            failures: report
                .failures
                .iter()
                .map(|(file, why)| (shown(file), shown(why)))
                .collect(),
            warning: report.warning.map(|w| shown(&w)),
        }
    }
}
