//! Checks that skipping the matches that cannot rank changes no hit: runs every query of a
//! query file (`benches/queries.txt`'s format) on a built index with and without counting
//! every match ([`zanlex::SearchRequest::exact_total`]), and compares each hit's act, unit,
//! language and score, and the totals. Prints the queries that differ and a summary.
//!
//! ```text
//! cargo run --release --example pruned_hits -- INDEX_DIR benches/queries.txt
//! ```

use std::io::BufRead;
use std::path::Path;
use std::process::ExitCode;
use zanlex::{SearchRequest, ZanIndex};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, queries] = args.as_slice() else {
        eprintln!("usage: pruned_hits INDEX_DIR QUERIES.txt");
        return ExitCode::from(2);
    };
    match run(Path::new(dir), Path::new(queries)) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("pruned_hits: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(dir: &Path, queries: &Path) -> Result<usize, Box<dyn std::error::Error>> {
    let index = ZanIndex::open(dir)?;
    let (mut differ, mut pruned, mut n) = (0, 0, 0);
    for line in std::io::BufReader::new(std::fs::File::open(queries)?).lines() {
        let line = line?;
        let Some(q) = line.split('\t').nth(1) else {
            continue;
        };
        n += 1;
        let exact = index.search(&SearchRequest::new(q).limit(10).exact_total(true))?;
        let fast = index.search(&SearchRequest::new(q).limit(10))?;
        let key = |r: &zanlex::SearchResults| -> Vec<String> {
            r.hits
                .iter()
                .map(|h| format!("{} {} {} {:.4}", h.act.id, h.unit.eid, h.lang, h.score))
                .collect()
        };
        let total_ok = if fast.total_is_lower_bound {
            pruned += 1;
            fast.total <= exact.total
        } else {
            fast.total == exact.total
        };
        if key(&exact) != key(&fast) || !total_ok || exact.total_is_lower_bound {
            differ += 1;
            println!(
                "{q}: total {} / {} (lower bound: {})",
                exact.total, fast.total, fast.total_is_lower_bound
            );
            for (a, b) in key(&exact)
                .iter()
                .zip(key(&fast).iter().chain(std::iter::repeat(&String::new())))
            {
                println!("  {a:<60} {b}");
            }
        }
    }
    println!("{n} queries, {pruned} pruned, {differ} differ");
    Ok(differ)
}
