//! Stage one's recall of the full scorer's top 10 on every query list at hand, printed as a
//! table (a measurement, run on demand):
//!
//! ```text
//! cargo test --release --lib first_stage -- --ignored --nocapture
//! ```
//!
//! One index is built over the bundled `corpus/`, `evals/corpus/` (as `people/`) and
//! `../shared/data` (`versions/`, `mirror/`) when it is there. The queries are those of every
//! `evals/*.tsv` (the third column, in the row's language) and of `benches/queries.txt` (the
//! second, in both languages): only as queries, the ranking compared is zanlex's own.

use super::rankings;
use crate::{BuildOptions, Lang, SearchRequest, ZanIndex};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const DEPTHS: [usize; 6] = [50, 100, 200, 300, 500, 1000];
/// How deep a miss is looked for in stage one, to say how far below it ranks.
const DEEP: usize = 20_000;

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
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

/// A named list of queries, each with the language it is searched in (`None`: both).
type QueryList = (String, Vec<(Option<Lang>, String)>);

fn query_lists(root: &Path) -> Vec<QueryList> {
    let mut out = Vec::new();
    let mut sets: Vec<PathBuf> = std::fs::read_dir(root.join("evals"))
        .expect("evals/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    sets.sort();
    for path in sets {
        let text = std::fs::read_to_string(&path).expect("a set");
        let queries = text
            .lines()
            .skip(1)
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                let lang = Lang::parse(cols.get(1)?)?;
                Some((Some(lang), cols.get(2)?.to_string()))
            })
            .collect();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        out.push((format!("evals/{name}"), queries));
    }
    let bench = std::fs::read_to_string(root.join("benches/queries.txt")).expect("bench");
    let bench = bench
        .lines()
        .filter(|l| !l.starts_with("id\t"))
        .filter_map(|l| l.split('\t').nth(1))
        .map(|q| (None, q.to_string()))
        .collect();
    out.push(("benches/queries.txt".into(), bench));
    out
}

#[test]
#[ignore = "a measurement: builds an index of every corpus at hand and prints a table"]
fn recall_of_the_full_top_10() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/data");
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    copy_tree(&root.join("corpus"), &corpus).expect("corpus");
    copy_tree(&root.join("evals/corpus"), &corpus.join("people")).expect("evals corpus");
    for sub in ["versions", "mirror"] {
        if data.join(sub).is_dir() {
            copy_tree(&data.join(sub), &corpus.join(sub)).expect("data");
        }
    }
    let (index, report) =
        ZanIndex::open_or_build(&corpus, tmp.path().join("index"), &BuildOptions::default())
            .expect("index builds");
    let store = index.store();
    println!("{} unit documents", report.units_indexed);
    println!(
        "| set | queries | full top-10 hits | {} |",
        DEPTHS.map(|n| format!("N = {n}")).join(" | ")
    );
    println!("|---|---:|---:|{}", "---:|".repeat(DEPTHS.len()));
    let mut misses: Vec<String> = Vec::new();
    let (mut full_time, mut first_time) = (0.0, 0.0);
    for (name, queries) in query_lists(&root) {
        let (mut asked, mut hits) = (0usize, 0usize);
        let (mut found, mut whole) = ([0usize; DEPTHS.len()], [0usize; DEPTHS.len()]);
        for (lang, q) in &queries {
            let mut req = SearchRequest::new(q.as_str()).references(false);
            if let Some(l) = lang {
                req = req.lang(*l);
            }
            let Ok(r) = rankings(store, &req, 10, DEEP) else {
                continue;
            };
            asked += 1;
            hits += r.full.len();
            full_time += r.full_time.as_secs_f64();
            first_time += r.first_time.as_secs_f64();
            for (i, n) in DEPTHS.iter().enumerate() {
                let head: HashSet<_> = r.first.iter().take(*n).collect();
                let k = r.full.iter().filter(|a| head.contains(a)).count();
                found[i] += k;
                whole[i] += usize::from(k == r.full.len());
            }
            for (rank, a) in r.full.iter().enumerate() {
                let at = r.first.iter().position(|b| b == a);
                if at.is_some_and(|p| p < 500) {
                    continue;
                }
                let f = store.fields();
                let doc = crate::index::stored::fetch(store, &store.searcher(), *a);
                let what = doc.map_or_else(
                    |e| format!("({e})"),
                    |d| format!("{}#{} [{}]", d.str(f.act_id), d.str(f.eid), d.str(f.lang)),
                );
                let at = at.map_or_else(|| "unmatched".to_string(), |p| format!("{}", p + 1));
                let lacks: Vec<&String> = r.missing.iter().take(12).collect();
                misses.push(format!(
                    "{name}\t{q}\tfull #{}\t{what}\tstage one {at}\t{} terms lacking: {lacks:?}",
                    rank + 1,
                    r.missing.len()
                ));
            }
        }
        let cells: Vec<String> = (0..DEPTHS.len())
            .map(|i| {
                format!(
                    "{:.1} % ({:.0} %)",
                    100.0 * found[i] as f64 / hits.max(1) as f64,
                    100.0 * whole[i] as f64 / asked.max(1) as f64
                )
            })
            .collect();
        println!("| `{name}` | {asked} | {hits} | {} |", cells.join(" | "));
    }
    println!("full main scorer {full_time:.2} s, stage one (top {DEEP}) {first_time:.2} s");
    println!("misses at N = 500:");
    for m in misses {
        println!("{m}");
    }
}
