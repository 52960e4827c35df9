//! The search answer: [`crate::SearchResults`], its hits each with the references its unit
//! makes, resolved; and [`SearchPage`], one page of it as the server sends it.

use crate::refs::resolve::references_in_force;
use crate::refs::{Catalog, ResolvedReference};
use crate::search::{Hit, SearchResults};
use crate::{Act, Lang, ZanIndex};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// One page of a search's hits, as the server sends it: the results, their place in the
/// whole list (`offset`, `limit`), and whether the search relaxed the query.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SearchResults))]
#[non_exhaustive]
pub struct SearchPage {
    /// The search's answer, its hits cut to the page.
    #[serde(flatten)]
    #[cfg_attr(feature = "openapi", schema(inline))]
    pub results: SearchResults,
    /// How many of the best hits come before the page.
    pub offset: usize,
    /// The most hits a page holds.
    pub limit: usize,
    /// True when no unit had all the words and units with some of them are shown instead.
    pub relaxed: bool,
}

impl SearchPage {
    /// `results` of a search for `offset + limit` hits, cut to the `limit` after the first
    /// `offset`; the hits keep their ranks in the whole list.
    pub fn new(mut results: SearchResults, offset: usize, limit: usize) -> Self {
        results.hits.drain(..offset.min(results.hits.len()));
        results.hits.truncate(limit);
        SearchPage {
            relaxed: results.relaxed,
            results,
            offset,
            limit,
        }
    }
}

impl SearchResults {
    /// Puts into each hit the references its unit makes, resolved in `catalog` (one the
    /// caller keeps, e.g. [`ZanIndex::catalog`]): as the wording in force on `as_of` makes
    /// them (the current text's for `None`). [`ZanIndex::search`] does this itself unless
    /// [`crate::SearchRequest::references`] turned it off.
    pub fn resolve_references_in(&mut self, catalog: &Catalog, as_of: Option<NaiveDate>) {
        for hit in &mut self.hits {
            let Some(lang) = Lang::parse(&hit.lang) else {
                continue;
            };
            let Some(act) = catalog.act(&hit.act.id, lang).filter(|a| a.lang == lang) else {
                hit.references.clear();
                continue;
            };
            hit.references = references_in_force(act, as_of, |r| r.eid == hit.unit.eid)
                .into_iter()
                .map(|(wording, r)| catalog.view_in(&wording, r))
                .collect();
        }
    }
}

/// Puts into each of `hits` the references its unit makes in the wording in force on `as_of`,
/// reading each act once, and for a unit's references to other acts only the acts they may
/// name.
pub(crate) fn resolve_references(
    index: &ZanIndex,
    hits: &mut [Hit],
    as_of: Option<NaiveDate>,
) -> crate::Result<()> {
    let mut outgoing = Outgoing::new(index);
    for hit in hits {
        let lang = Lang::parse(&hit.lang).unwrap_or_default();
        hit.references = outgoing.of(&hit.act.id, lang, &hit.unit.eid, as_of)?;
    }
    Ok(())
}

/// Acts read from the index once, for the references of several units (search hits, a
/// unit's answer); a catalog for a unit only when one of its references leads to another act,
/// and then only with the acts its references may lead to
/// ([`ZanIndex::catalog_for_references`]).
pub(crate) struct Outgoing<'a> {
    index: &'a ZanIndex,
    acts: HashMap<(String, Lang), Act>,
}

impl<'a> Outgoing<'a> {
    pub(crate) fn new(index: &'a ZanIndex) -> Self {
        Outgoing {
            index,
            acts: HashMap::new(),
        }
    }

    /// The references made by unit `eid` of act `act_id` in `lang` (its own text only), in
    /// the wording in force on `at` (the current text for `None`).
    pub(crate) fn of(
        &mut self,
        act_id: &str,
        lang: Lang,
        eid: &str,
        at: Option<NaiveDate>,
    ) -> crate::Result<Vec<ResolvedReference>> {
        let key = (act_id.to_string(), lang);
        if !self.acts.contains_key(&key) {
            // A reference carries its own printed text, and what it leads to is found in
            // outlines: the units' texts (every edition's) are not read back.
            if let Some(act) = self.index.store().act_outline_in(act_id, lang)? {
                self.acts.insert(key.clone(), act);
            }
        }
        let Some(act) = self.acts.get(&key) else {
            return Ok(Vec::new());
        };
        let mine = references_in_force(act, at, |r| r.eid == eid);
        let catalog = if mine.iter().any(|(_, r)| r.resolution.is_none()) {
            let refs: Vec<&crate::Reference> = mine.iter().map(|(_, r)| *r).collect();
            self.index.catalog_for_references(act.clone(), &refs)?
        } else {
            Catalog::new(Vec::new())
        };
        Ok(mine
            .into_iter()
            .map(|(wording, r)| catalog.view_in(&wording, r))
            .collect())
    }
}
