//! Where in its article a hit's missing words are. A question's words may be spread over an
//! article, its heading in one place and a condition in another point, and the unit that ranks
//! first says only some of them: the hit names, for each word it does not say itself, the
//! other units of its article that do (the article's own unit for its heading), so a reader
//! sees why it ranks and where to read on.

use super::types::{ArticleMatch, Hit};
use super::{filters, word_query};
use crate::index::Store;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query as TQuery};
use tantivy::{DocAddress, Searcher};

/// The most units named for one word: the nearest of a long article's are enough to read on.
const UNITS_PER_WORD: usize = 5;

/// The hits whose words are looked for in their articles: those a reader sees first.
const HITS_LOOKED_AT: usize = 10;

/// Fills each hit's [`Hit::in_article`]: for each of `words` the hit's unit does not say (in
/// its text or heading), the other units of its article that do, in document order.
pub(super) fn fill(
    index: &Store,
    searcher: &Searcher,
    words: &[&str],
    hits: &mut [Hit],
) -> crate::Result<()> {
    let f = index.fields();
    // Each word's clause over the units' own text and headings, built once for every hit.
    // Words of one or two letters (в, с, по, и) tell a reader nothing about where to read.
    let clauses: Vec<(&str, Box<dyn TQuery>)> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphanumeric()).count() > 2)
        .filter_map(|w| word_query::text_query(index, w).map(|q| (*w, q)))
        .collect();
    if clauses.is_empty() {
        return Ok(());
    }
    for hit in hits.iter_mut().take(HITS_LOOKED_AT) {
        let Some(key) = hit.article_key.clone() else {
            continue;
        };
        let in_article = filters::raw_term(f.article, &key);
        // The article's units that have each word, and the eids of those read.
        let mut found: Vec<(&str, Vec<DocAddress>)> = Vec::new();
        let mut eids: Vec<(DocAddress, String)> = Vec::new();
        for (word, clause) in &clauses {
            let q = BooleanQuery::new(vec![
                (Occur::Must, in_article.box_clone()),
                (Occur::Must, clause.box_clone()),
            ]);
            let mut docs: Vec<DocAddress> =
                searcher.search(&q, &DocSetCollector)?.into_iter().collect();
            docs.sort();
            found.push((word, docs));
        }
        let mut matches = Vec::new();
        for (word, docs) in found {
            let mut units = Vec::new();
            let mut own = false;
            for addr in docs {
                let eid = match eids.iter().find(|(a, _)| *a == addr) {
                    Some((_, e)) => e.clone(),
                    None => {
                        let doc = crate::index::stored::fetch(index, searcher, addr)?;
                        let e = doc.str(f.eid).to_string();
                        eids.push((addr, e.clone()));
                        e
                    }
                };
                if eid == hit.unit.eid {
                    own = true;
                    break;
                }
                units.push(eid);
            }
            if own || units.is_empty() {
                continue;
            }
            units.sort_by_key(|e| eid_order(e));
            units.dedup();
            units.truncate(UNITS_PER_WORD);
            matches.push(ArticleMatch {
                word: word.to_string(),
                units,
            });
        }
        hit.in_article = matches;
    }
    Ok(())
}

/// An eid's place in document order: its numbers, part by part (`art_5__para_10` after
/// `art_5__para_2`).
fn eid_order(eid: &str) -> Vec<(u64, String)> {
    eid.split("__")
        .flat_map(|part| part.split(['_', '.', '-']))
        .map(|p| match p.parse::<u64>() {
            Ok(n) => (n, String::new()),
            Err(_) => (0, p.to_string()),
        })
        .collect()
}
