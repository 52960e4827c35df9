//! A unit in the wording in force on a date: the edition chosen for `show --as-of` and for
//! the server's unit pages, so a library user can ask for "unit X as of date D" too.

use super::docs::walk_with_path;
use super::{UnitView, ZanIndex};
use crate::model::{Lang, Unit};
use chrono::NaiveDate;

/// A unit of an act in the wording chosen for a date: an older edition's when the index has
/// an edition in force on that date, else the current text's.
#[derive(Debug, Clone)]
pub struct UnitAsOf {
    /// The unit in the current text, with its act, path, label and citation.
    pub view: UnitView,
    /// The unit in the chosen wording (with its children).
    pub unit: Unit,
    /// The id of the older edition the wording is from; `None` for the current text.
    pub version: Option<String>,
    /// The file the chosen wording was read from (relative to the corpus folder's parent).
    pub source_file: String,
}

impl ZanIndex {
    /// Unit `eid` of act `act_id` in `lang` (see [`ZanIndex::act_in`]), in the wording valid
    /// on `as_of` when an older edition in the index has it; the current wording otherwise
    /// (also for `None`, and when that edition lacks the unit).
    pub fn unit_as_of(
        &self,
        act_id: &str,
        eid: &str,
        lang: Option<Lang>,
        as_of: Option<NaiveDate>,
    ) -> crate::Result<UnitAsOf> {
        let view = self.unit_in(act_id, eid, lang)?;
        let act = &view.act;
        let mut chosen = UnitAsOf {
            unit: view.unit.clone(),
            version: None,
            source_file: act.source.file.clone(),
            view: view.clone(),
        };
        let Some(d) = as_of else {
            return Ok(chosen);
        };
        // An edition ending after the date and read from a file other than the current
        // text's: the current text's own edition is the current wording already.
        let edition = act.versions.iter().find(|v| {
            v.from.is_none_or(|f| f <= d)
                && v.to.is_some_and(|t| d < t)
                && v.source.file != act.source.file
        });
        if let Some(v) = edition {
            let mut found = None;
            walk_with_path(&v.units, &mut |p| {
                if found.is_none() && p[p.len() - 1].eid == eid {
                    found = Some(p[p.len() - 1].clone());
                }
            });
            if let Some(u) = found {
                chosen.unit = u;
                chosen.version = Some(v.id.clone());
                chosen.source_file = v.source.file.clone();
            }
        }
        Ok(chosen)
    }
}
