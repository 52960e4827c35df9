//! The inverse of references: what cites a unit.
//!
//! Every reference of every act in the catalog is resolved and kept when it leads to the unit
//! asked for (or, with `within`, to a unit inside it: a change to an article reaches the
//! provisions citing its paragraphs). `cited_by` is thus the exact inverse of
//! [`Catalog::refs_of`]: a reference is in one exactly when it is in the other, on any date.

use super::resolve::{inside, references_in_force, Catalog, ResolvedReference};
use chrono::NaiveDate;

/// The references in the catalog that lead to unit `eid` of act `act_id` (any unit of the
/// act, or the act itself, for `None`; the units inside `eid` too when `within`), in the
/// order of the citing acts (by id, Kazakh first) and of their texts. Each act is read in
/// the wording of each citing unit in force on `at` by the point-in-time rule (the current
/// text for `None`).
pub fn cited_by(
    catalog: &Catalog,
    act_id: &str,
    eid: Option<&str>,
    within: bool,
    at: Option<NaiveDate>,
) -> Vec<ResolvedReference> {
    let mut out = Vec::new();
    for citing in catalog.acts() {
        // Most references lead to other acts: the cited act is found (once per act named)
        // before any unit is looked for, and the rule's timeline is read only for an act with
        // a reference that may lead here.
        let may_lead_here = |r: &super::Reference| match (&r.resolution, &r.act) {
            (Some(_), _) => citing.id == act_id,
            (None, Some(cited)) => catalog
                .find_act(cited, citing.lang)
                .is_some_and(|a| a.id == act_id),
            (None, None) => false,
        };
        for (wording, r) in references_in_force(citing, at, may_lead_here) {
            let crate::refs::Resolution::Resolved { act, eid: target } =
                catalog.resolve_in(&wording, r)
            else {
                continue;
            };
            if act != act_id {
                continue;
            }
            let hit = match eid {
                None => true,
                Some(e) if within => inside(&target, e),
                Some(e) => target == e,
            };
            if hit {
                out.push(catalog.view_in(&wording, r));
            }
        }
    }
    out
}
