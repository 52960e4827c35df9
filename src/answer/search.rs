//! The search answer: [`crate::SearchResults`], its hits each with the references its unit
//! makes, resolved; and [`SearchPage`], one page of it as the server sends it.

use crate::refs::resolve::references_in_force;
use crate::refs::{Catalog, ResolvedReference};
use crate::search::{Hit, SearchRequest, SearchResults};
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
    /// Set when the page holds fewer hits than asked, to stay within its size
    /// ([`crate::pages::bound_search_page`]): the `offset` of the next page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_offset: Option<usize>,
    /// Set with `next_offset`: how many hits the page holds and how to get the rest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cut: Option<String>,
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
            next_offset: None,
            cut: None,
        }
    }
}

impl SearchResults {
    /// The total as a reader should see it: `42`, or `10,000+` when it is a lower bound
    /// ([`SearchResults::total_is_lower_bound`]); thousands grouped with commas.
    ///
    /// ```
    /// # fn results(total: usize, lower: bool) -> zanlex::SearchResults {
    /// #     let mut r: zanlex::SearchResults = serde_json::from_value(serde_json::json!({
    /// #         "query": "виза", "total": 0, "took_ms": 1.0, "hits": []})).unwrap();
    /// #     r.total = total;
    /// #     r.total_is_lower_bound = lower;
    /// #     r
    /// # }
    /// assert_eq!(results(42, false).total_text(), "42");
    /// assert_eq!(results(10_000, true).total_text(), "10,000+");
    /// assert_eq!(results(1_234_567, false).total_text(), "1,234,567");
    /// ```
    pub fn total_text(&self) -> String {
        let digits = self.total.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        if self.total_is_lower_bound {
            out.push('+');
        }
        out
    }

    /// Puts into each hit the references its unit makes, as the wording in force on `as_of`
    /// makes them (the current text's for `None`), reading from `index` only the acts they may
    /// name: what [`ZanIndex::search`] does itself unless [`crate::SearchRequest::references`]
    /// turned it off. A server searching for `offset + limit` hits resolves the page it sends
    /// only, not the hits before it.
    ///
    /// ```no_run
    /// use zanlex::{SearchPage, SearchRequest, ZanIndex};
    /// let index = ZanIndex::open("index")?;
    /// let (offset, limit) = (20, 10);
    /// let request = SearchRequest::new("жер учаскесі")
    ///     .limit(offset + limit)
    ///     .references(false);
    /// let mut page = SearchPage::new(index.search(&request)?, offset, limit);
    /// page.results.resolve_references(&index, None)?;
    /// # Ok::<(), zanlex::Error>(())
    /// ```
    pub fn resolve_references(
        &mut self,
        index: &ZanIndex,
        as_of: Option<NaiveDate>,
    ) -> crate::Result<()> {
        resolve_references(index, &mut self.hits, as_of)
    }

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

impl ZanIndex {
    /// Runs a search: ranked hits, each with its citation, snippet, validity and (unless
    /// [`crate::SearchRequest::references`] is off) the references its unit makes, resolved. Errors:
    /// [`crate::Error::Query`] for a query that cannot be parsed or has nothing searchable,
    /// [`crate::Error::UnknownAct`] for an unknown act filter.
    pub fn search(&self, request: &SearchRequest) -> crate::Result<SearchResults> {
        self.store().guarded(|| {
            let mut results = crate::search::search(self.store(), request)?;
            if request.references {
                resolve_references(self, &mut results.hits, request.as_of)?;
            }
            Ok(results)
        })
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
    /// Each expression read so far: its stored JSON and the units its references are in, in
    /// any edition (none when the index has no such expression).
    read: HashMap<(String, Lang), Option<Citing>>,
    /// The outlines parsed, of the expressions with a unit asked for that makes references.
    acts: HashMap<(String, Lang), Act>,
}

/// An expression's stored JSON, and the units its references are in.
struct Citing {
    json: String,
    units: std::collections::HashSet<String>,
}

/// What [`Citing`] reads of a stored act first: the unit of each reference, in the current
/// text and in every edition, the rest skipped unread. A unit that makes no reference (most
/// hits) needs no more: its act's outline is not parsed.
#[derive(serde::Deserialize)]
struct ReferenceUnits {
    #[serde(default)]
    references: Vec<ReferenceUnit>,
    #[serde(default)]
    versions: Vec<VersionReferenceUnits>,
}

#[derive(serde::Deserialize)]
struct VersionReferenceUnits {
    #[serde(default)]
    references: Vec<ReferenceUnit>,
}

#[derive(serde::Deserialize)]
struct ReferenceUnit {
    eid: String,
}

impl<'a> Outgoing<'a> {
    pub(crate) fn new(index: &'a ZanIndex) -> Self {
        Outgoing {
            index,
            read: HashMap::new(),
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
        self.made(act_id, lang, eid, at, false)
    }

    /// The references made by unit `eid` and the units inside it, likewise.
    pub(crate) fn within(
        &mut self,
        act_id: &str,
        lang: Lang,
        eid: &str,
        at: Option<NaiveDate>,
    ) -> crate::Result<Vec<ResolvedReference>> {
        self.made(act_id, lang, eid, at, true)
    }

    /// The references of [`Outgoing::of`], or with `within` of [`Outgoing::within`].
    fn made(
        &mut self,
        act_id: &str,
        lang: Lang,
        eid: &str,
        at: Option<NaiveDate>,
        within: bool,
    ) -> crate::Result<Vec<ResolvedReference>> {
        let wanted = |e: &str| {
            if within {
                crate::refs::resolve::inside(e, eid)
            } else {
                e == eid
            }
        };
        let key = (act_id.to_string(), lang);
        if !self.read.contains_key(&key) {
            let store = self.index.store();
            let citing = match store.act_json_in(act_id, lang)? {
                Some(json) if !json.is_empty() => {
                    let found: ReferenceUnits =
                        serde_json::from_str(&json).map_err(|e| store.unreadable(e))?;
                    let units = found
                        .references
                        .into_iter()
                        .chain(found.versions.into_iter().flat_map(|v| v.references))
                        .map(|r| r.eid)
                        .collect();
                    Some(Citing { json, units })
                }
                _ => None,
            };
            self.read.insert(key.clone(), citing);
        }
        let Some(Some(citing)) = self.read.get(&key) else {
            return Ok(Vec::new());
        };
        if !citing.units.iter().any(|e| wanted(e)) {
            return Ok(Vec::new());
        }
        if !self.acts.contains_key(&key) {
            // A reference carries its own printed text, and what it leads to is found in
            // outlines: the units' texts (every edition's) are not read back.
            let act = self.index.store().outline_of_json(&citing.json)?;
            self.acts.insert(key.clone(), act);
        }
        let Some(act) = self.acts.get(&key) else {
            return Ok(Vec::new());
        };
        let mine = references_in_force(act, at, |r| wanted(&r.eid));
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
