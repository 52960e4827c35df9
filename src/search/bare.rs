//! Bare headings below the provisions that say their words. A unit that is only a heading
//! («Глава 4. Обжалование решений …», an article's title over its points) names what its
//! provisions say; its words weigh more in a short heading field (rarer there, so their idf is
//! higher), and a score factor alone does not keep it below a provision with the same words.
//! Among a search's best candidates, each heading-only unit is put right after the last of
//! them that is a provision and has every query word the heading has.

use super::word_query;
use crate::index::docs::HEADING_ONLY;
use crate::index::Store;
use tantivy::query::{EnableScoring, Query as TQuery};
use tantivy::{DocAddress, DocSet, Score, Searcher};

/// How many of a search's best candidates are compared (and fetched, at least): the same for
/// every page size, so that the first hits of a search do not depend on how many are asked
/// for.
pub(super) const WINDOW: usize = 20;

/// `top` (best first) with each heading-only unit of its first [`WINDOW`] after the last
/// provision of them that has every one of `words` (a query's plain words) the heading has,
/// at that provision's score when its own is higher; the rest in their order. Only the first
/// [`WINDOW`] are compared, however many there are, so that a longer page begins as a shorter
/// one does.
pub(super) fn below_provisions(
    index: &Store,
    searcher: &Searcher,
    words: &[&str],
    mut top: Vec<(Score, DocAddress)>,
) -> crate::Result<Vec<(Score, DocAddress)>> {
    let rest = top.split_off(top.len().min(WINDOW));
    let mut out = reordered(index, searcher, words, top)?;
    out.extend(rest);
    Ok(out)
}

/// [`below_provisions`] on all of `top`.
fn reordered(
    index: &Store,
    searcher: &Searcher,
    words: &[&str],
    top: Vec<(Score, DocAddress)>,
) -> crate::Result<Vec<(Score, DocAddress)>> {
    let bare = heading_only(searcher, &top)?;
    if !bare.iter().any(|b| *b) || words.is_empty() {
        return Ok(top);
    }
    // Which words each candidate has, in its text or heading (bit `i` for word `i`).
    let mut has = vec![0u64; top.len()];
    for (i, w) in words.iter().take(64).enumerate() {
        let Some(q) = word_query::text_query(index, w) else {
            continue;
        };
        for (k, doc) in matching(searcher, q.as_ref(), &top)?
            .into_iter()
            .enumerate()
        {
            if doc {
                has[k] |= 1 << i;
            }
        }
    }
    // Where each heading goes: after the last provision with all its words.
    let mut after: Vec<Option<usize>> = vec![None; top.len()];
    for h in (0..top.len()).filter(|h| bare[*h] && has[*h] != 0) {
        after[h] = (h + 1..top.len())
            .rev()
            .find(|&p| !bare[p] && has[p] & has[h] == has[h]);
    }
    let mut out = Vec::with_capacity(top.len());
    for p in 0..top.len() {
        if after[p].is_some() {
            continue;
        }
        out.push(top[p]);
        let below = top[p].0;
        for h in (0..p).filter(|h| after[*h] == Some(p)) {
            out.push((top[h].0.min(below), top[h].1));
        }
    }
    Ok(out)
}

/// Whether each of `top` is a heading-only unit ([`HEADING_ONLY`]).
fn heading_only(searcher: &Searcher, top: &[(Score, DocAddress)]) -> crate::Result<Vec<bool>> {
    let mut out = Vec::with_capacity(top.len());
    for (_, addr) in top {
        let reader = searcher.segment_reader(addr.segment_ord);
        let mark = reader
            .fast_fields()
            .u64("placeholder")
            .ok()
            .and_then(|c| c.first(addr.doc_id));
        out.push(mark == Some(HEADING_ONLY));
    }
    Ok(out)
}

/// Whether `q` matches each of `top`.
fn matching(
    searcher: &Searcher,
    q: &dyn TQuery,
    top: &[(Score, DocAddress)],
) -> crate::Result<Vec<bool>> {
    let weight = q.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut out = vec![false; top.len()];
    // Each segment's candidates in increasing order, as a scorer moves.
    let mut order: Vec<usize> = (0..top.len()).collect();
    order.sort_by_key(|&k| top[k].1);
    let mut segment = None;
    let mut scorer = None;
    for k in order {
        let addr = top[k].1;
        if segment != Some(addr.segment_ord) {
            segment = Some(addr.segment_ord);
            scorer = Some(weight.scorer(searcher.segment_reader(addr.segment_ord), 1.0)?);
        }
        if let Some(s) = scorer.as_mut() {
            let at = if s.doc() < addr.doc_id {
                s.seek(addr.doc_id)
            } else {
                s.doc()
            };
            out[k] = at == addr.doc_id;
        }
    }
    Ok(out)
}
