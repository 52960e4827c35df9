//! What the relevance evals share (`eval_mirror`, `eval_questions`): reading a relevance set,
//! building the index, running each query through [`ZanIndex::search`] and scoring it.
//!
//! A set is a TSV with a header and five tab-separated columns: `id`, `lang` (`kk` or `ru`),
//! `query`, `relevant` (space-separated `ACT_ID#EID`) and `why` (the words of the text that
//! answer it).
//!
//! **When a hit counts.** A hit `ACT#EID` answers a relevant entry `ACT#R` when `EID` is `R`
//! or a descendant of it (`R__…`): a subparagraph answers for the paragraph listed as relevant,
//! because the paragraph's words are then in the hit's citation path and its text is part of
//! the paragraph. An ancestor does not count: a hit on a whole article does not answer a query
//! whose answer is one of its subparagraphs (the sets list the most specific units, and where a
//! whole paragraph answers, the paragraph). Recall@10 of a query is the share of its relevant
//! entries answered by at least one of the top 10 hits; MRR@10 is the reciprocal rank of the
//! first hit that answers any entry (0 when none does); both are averaged over the queries.
//!
//! Relevant units that the index does not have in the query's language (a parser that does not
//! split that structure yet, a text indexed under the other language) are counted and listed,
//! so that a low score can be told apart from a missing unit.

use std::path::Path;
use zanlex::{BuildOptions, Lang, SearchRequest, ZanIndex};

pub type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// Hits looked at per query.
pub const K: usize = 10;

/// One row of a relevance set.
pub struct Judged {
    pub id: String,
    pub lang: Lang,
    pub query: String,
    /// `(act id, eid)` of every unit that answers the query.
    pub relevant: Vec<(String, String)>,
}

/// Copies the folder `from` into `to` (created), with everything under it.
// `eval_mirror` reads its corpus where it is and never copies.
#[allow(dead_code)]
pub fn copy_tree(from: &Path, to: &Path) -> Res<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Reads a relevance set; a malformed row is an error naming its line (the test `eval_set`
/// checks the same rules, so this only fires on a file edited without running it).
pub fn read_set(path: &Path) -> Res<Vec<Judged>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |why: &str| format!("{}:{}: {why}", path.display(), n + 1);
        if cols.len() != 5 {
            return Err(bad(&format!("{} columns, expected 5", cols.len())).into());
        }
        let lang = match cols[1] {
            "kk" => Lang::Kk,
            "ru" => Lang::Ru,
            other => return Err(bad(&format!("lang {other:?} is not kk or ru")).into()),
        };
        let mut relevant = Vec::new();
        for entry in cols[3].split_whitespace() {
            let (act, eid) = entry
                .split_once('#')
                .filter(|(a, e)| !a.is_empty() && !e.is_empty())
                .ok_or_else(|| bad(&format!("relevant entry {entry:?} is not ACT#EID")))?;
            relevant.push((act.to_string(), eid.to_string()));
        }
        if relevant.is_empty() {
            return Err(bad("no relevant units").into());
        }
        out.push(Judged {
            id: cols[0].to_string(),
            lang,
            query: cols[2].to_string(),
            relevant,
        });
    }
    Ok(out)
}

/// Whether a hit on `eid` of `act` answers the relevant entry `(rel_act, rel_eid)`: the same
/// unit or one of its descendants.
pub fn answers(act: &str, eid: &str, rel_act: &str, rel_eid: &str) -> bool {
    act == rel_act
        && (eid == rel_eid
            || eid
                .strip_prefix(rel_eid)
                .is_some_and(|rest| rest.starts_with("__")))
}

/// Builds the index of `corpus` in `dir`, saying on stderr which files it could not read and
/// how long it took.
pub fn build_index(corpus: &Path, dir: &Path, queries: usize) -> Res<ZanIndex> {
    let t0 = std::time::Instant::now();
    let (index, report) = ZanIndex::open_or_build(corpus, dir, &BuildOptions::default())?;
    for (file, reason) in &report.failures {
        eprintln!("not indexed: {file}: {reason}");
    }
    for (file, reason) in &report.warnings {
        eprintln!("warning: {file}: {reason}");
    }
    if let Some(w) = &report.warning {
        eprintln!("warning: {w}");
    }
    eprintln!(
        "indexed {} in {} ms: {} unit documents; {queries} queries",
        corpus.display(),
        t0.elapsed().as_millis(),
        report.units_indexed,
    );
    Ok(index)
}

/// One query's outcome.
pub struct Outcome {
    pub lang: Lang,
    pub recall: f64,
    /// 1-based rank of the first hit that answers, if any in the top [`K`].
    pub first: Option<usize>,
    /// How many relevant entries it has, and how many of them the index lacks in its language.
    pub relevant: usize,
    pub missing: usize,
}

/// Sums of the metrics over a group of queries.
#[derive(Default)]
pub struct Totals {
    n: usize,
    recall: f64,
    mrr: f64,
    found: usize,
}

impl Totals {
    pub fn add(&mut self, o: &Outcome) {
        self.n += 1;
        self.recall += o.recall;
        if let Some(r) = o.first {
            self.mrr += 1.0 / r as f64;
            self.found += 1;
        }
    }

    fn line(&self, name: &str) -> String {
        let c = self.n.max(1) as f64;
        format!(
            "{:<8} {:>7} {:>9.3} {:>8.3} {:>14}",
            name,
            self.n,
            self.recall / c,
            self.mrr / c,
            format!("{}/{}", self.found, self.n)
        )
    }
}

/// Prints the header of the per-query table.
pub fn print_header() {
    println!(
        "{:<5} {:<3} {:>5} {:>7}  {:<58} first hit",
        "id", "lng", "rank", "recall", "query"
    );
}

/// Runs one query with `limit(K)` and its language, prints its row (rank of the first answer,
/// recall, the top hit, the relevant units the index lacks) and returns its outcome.
pub fn run_query(index: &ZanIndex, q: &Judged) -> Outcome {
    let req = SearchRequest::new(q.query.as_str()).limit(K).lang(q.lang);
    let hits: Vec<(String, String)> = match index.search(&req) {
        Ok(res) => res
            .hits
            .into_iter()
            .map(|h| (h.act.id, h.unit.eid))
            .collect(),
        Err(e) => {
            eprintln!("{}: search failed: {e}", q.id);
            Vec::new()
        }
    };
    let first = hits
        .iter()
        .position(|(a, e)| q.relevant.iter().any(|(ra, re)| answers(a, e, ra, re)))
        .map(|p| p + 1);
    let found = q
        .relevant
        .iter()
        .filter(|(ra, re)| hits.iter().any(|(a, e)| answers(a, e, ra, re)))
        .count();
    let recall = found as f64 / q.relevant.len() as f64;
    // Relevant units the index lacks in this language: the parsers' gap, not ranking's.
    let missing: Vec<String> = q
        .relevant
        .iter()
        .filter(|(a, e)| index.unit_in(a, e, Some(q.lang)).is_err())
        .map(|(_, e)| e.clone())
        .collect();
    let top = hits
        .first()
        .map(|(a, e)| format!("{a}#{e}"))
        .unwrap_or_else(|| "(no hits)".to_string());
    let rank = first.map_or_else(|| "-".to_string(), |r| r.to_string());
    let query: String = q.query.chars().take(58).collect();
    print!(
        "{:<5} {:<3} {:>5} {:>7.2}  {:<58} {top}",
        q.id,
        q.lang.as_str(),
        rank,
        recall,
        query
    );
    if !missing.is_empty() {
        print!("  [not in index: {}]", missing.join(" "));
    }
    println!();
    Outcome {
        lang: q.lang,
        recall,
        first,
        relevant: q.relevant.len(),
        missing: missing.len(),
    }
}

/// Prints the summary: one line per named group that has queries (Recall@10, MRR@10, how many
/// queries found an answer in the top 10), then how many relevant units the index lacks.
pub fn print_summary(groups: &[(String, Totals)], outcomes: &[Outcome]) {
    println!();
    println!(
        "{:<8} {:>7} {:>9} {:>8} {:>14}",
        "", "queries", "Recall@10", "MRR@10", "found in top10"
    );
    // A group without queries (a source absent) is left out.
    for (name, totals) in groups.iter().filter(|(_, t)| t.n > 0) {
        println!("{}", totals.line(name));
    }
    let missing: usize = outcomes.iter().map(|o| o.missing).sum();
    let relevant: usize = outcomes.iter().map(|o| o.relevant).sum();
    println!(
        "{missing} of {relevant} relevant units are not in the index in their query's language"
    );
}

/// The totals over all outcomes and per language, named `all`, `kk`, `ru`.
pub fn totals_by_lang(outcomes: &[Outcome]) -> Vec<(String, Totals)> {
    let mut all = Totals::default();
    let mut kk = Totals::default();
    let mut ru = Totals::default();
    for o in outcomes {
        all.add(o);
        match o.lang {
            Lang::Kk => kk.add(o),
            Lang::Ru => ru.add(o),
        }
    }
    vec![
        ("all".to_string(), all),
        ("kk".to_string(), kk),
        ("ru".to_string(), ru),
    ]
}
