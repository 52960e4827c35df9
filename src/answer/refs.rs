//! What a provision refers to (`zanlex refs --json`, `GET /v1/acts/{id}/refs`) and what
//! refers to it (`zanlex cited-by --json`, `GET /v1/acts/{id}/cited-by`).

use super::Target;
use crate::model::{Act, Lang};
use crate::refs::ResolvedReference;
use crate::ZanIndex;
use chrono::NaiveDate;
use serde::Serialize;

/// The references a unit (and the units inside it) or a whole act makes, in text order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = References))]
#[non_exhaustive]
pub struct RefList {
    /// `ACT_ID#EID`, or `ACT_ID` for the whole act.
    pub target: String,
    /// How many references.
    pub total: usize,
    /// How many of them were resolved.
    pub resolved: usize,
    /// The references, each resolved or said why not.
    pub references: Vec<ResolvedReference>,
}

/// The references across the corpus to a unit (or a unit inside it) or to a whole act.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CitedBy))]
#[non_exhaustive]
pub struct CitedByList {
    /// `ACT_ID#EID`, or `ACT_ID` for the whole act.
    pub target: String,
    /// How many references.
    pub total: usize,
    /// How many of them were resolved (all, since they lead here).
    pub resolved: usize,
    /// The references, grouped by citing unit.
    pub cited_by: Vec<ResolvedReference>,
}

impl RefList {
    /// The list of `references` made by `target`.
    pub fn new(target: &Target, references: Vec<ResolvedReference>) -> Self {
        RefList {
            target: target.to_string(),
            total: references.len(),
            resolved: references.iter().filter(|r| r.target.is_some()).count(),
            references,
        }
    }
}

impl RefList {
    /// The list kept to the references that could not be resolved.
    pub fn unresolved_only(self) -> Self {
        let target = self.target;
        let references: Vec<ResolvedReference> = self
            .references
            .into_iter()
            .filter(|r| r.unresolved.is_some())
            .collect();
        RefList {
            target,
            total: references.len(),
            resolved: references.iter().filter(|r| r.target.is_some()).count(),
            references,
        }
    }
}

impl CitedByList {
    /// The list of `references` to `target`.
    pub fn new(target: &Target, references: Vec<ResolvedReference>) -> Self {
        CitedByList {
            target: target.to_string(),
            total: references.len(),
            resolved: references.iter().filter(|r| r.target.is_some()).count(),
            cited_by: references,
        }
    }
}

/// [`crate::Error::UnknownUnit`] when `act` has no unit `eid`.
fn check_unit(act: &Act, eid: Option<&str>) -> crate::Result<()> {
    match eid {
        Some(e) if act.unit(e).is_none() => Err(crate::Error::UnknownUnit {
            act: act.id.clone(),
            eid: e.to_string(),
        }),
        _ => Ok(()),
    }
}

impl ZanIndex {
    /// What `target` refers to (the unit and the units inside it, or the whole act) in its
    /// text in `lang` (see [`ZanIndex::act_in`]), in the wording in force on `as_of` when the
    /// index has that edition. References to other acts are resolved in the acts they may
    /// name, read for this answer.
    pub fn refs(
        &self,
        target: &Target,
        lang: Option<Lang>,
        as_of: Option<NaiveDate>,
    ) -> crate::Result<RefList> {
        let act = self.act_in(&target.act, lang)?;
        check_unit(&act, target.eid())?;
        let target = Target::new(act.id.clone(), target.eid.clone());
        let refs = self
            .catalog_for(vec![act.clone()])?
            .refs_of(&act, target.eid(), as_of);
        Ok(RefList::new(&target, refs))
    }

    /// The provisions across the corpus that refer to `target`: to the unit itself, or with
    /// `within` to it or a unit inside it (to any unit of the act or the act itself, for a
    /// whole act), each act read in its wording in force on `as_of` when the index has that
    /// edition; with `lang`, only the references made in texts in that language. Resolved in
    /// the acts that may cite the target, read for this answer.
    pub fn cited_by_list(
        &self,
        target: &Target,
        within: bool,
        lang: Option<Lang>,
        as_of: Option<NaiveDate>,
    ) -> crate::Result<CitedByList> {
        let act = self.act(&target.act)?;
        check_unit(&act, target.eid())?;
        let target = Target::new(act.id.clone(), target.eid.clone());
        let catalog = self.catalog_citing(&act.id)?;
        let mut refs = crate::cited_by(&catalog, &act.id, target.eid(), within, as_of);
        if let Some(l) = lang {
            refs.retain(|r| r.citing.lang == l);
        }
        Ok(CitedByList::new(&target, refs))
    }
}
