//! zanlex's side of the query comparison in `benches/compare.py`: opens a built index once and
//! runs the 200 queries of `benches/queries.txt` (2nd column, zanlex's query language), warm,
//! one thread, top 10 hits each with citations and snippets; prints JSON stats.
//!
//! ```text
//! cargo run --release --example zanlex_query -- INDEX_DIR benches/queries.txt
//! ```
//!
//! With `ZANLEX_QUERY_EACH=1` it also prints each query's time (ms, median of the timed
//! passes) to stderr, slowest first; `ZANLEX_QUERY_PASSES=N` times the whole set N times
//! (default 1), which is what a profiler wants. `ZANLEX_QUERY_TOTAL_BOUND=N` counts N matches
//! exactly before skipping (`SearchRequest::total_bound`; 0 skips from the start).

use std::io::BufRead;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;
use zanlex::SearchRequest;
use zanlex::ZanIndex;

/// The `zanlex` binary's allocator, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 2 {
        eprintln!("usage: zanlex_query INDEX_DIR QUERIES.txt");
        return ExitCode::from(2);
    }
    match run(Path::new(&args[0]), Path::new(&args[1])) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zanlex_query: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(dir: &Path, queries: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let index = ZanIndex::open(dir)?;
    let bound: usize = std::env::var("ZANLEX_QUERY_TOTAL_BOUND")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(zanlex::DEFAULT_TOTAL_BOUND);
    let request = |q: &str| {
        SearchRequest::new(q)
            .limit(10)
            .references(false)
            .total_bound(bound)
    };
    let mut qs = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(queries)?).lines() {
        let line = line?;
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 2 {
            qs.push((cols[0].to_string(), cols[1].to_string()));
        }
    }
    let mut failed = 0;
    for (_, q) in &qs {
        // Warm-up pass; a query zanlex rejects is reported once, not timed.
        if let Err(e) = index.search(&request(q)) {
            eprintln!("zanlex_query: {q}: {e}");
            failed += 1;
        }
    }
    let passes: usize = std::env::var("ZANLEX_QUERY_PASSES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1);
    let mut each: Vec<Vec<f64>> = vec![Vec::new(); qs.len()];
    let mut lat = Vec::with_capacity(qs.len());
    let mut by_kind: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    let mut hits = 0;
    // Queries whose total is a lower bound ("N+"): what the bound changes for a reader.
    let mut lower_bounds = 0;
    let t0 = Instant::now();
    for pass in 0..passes {
        for (i, (kind, q)) in qs.iter().enumerate() {
            let s = Instant::now();
            if let Ok(r) = index.search(&request(q)) {
                if pass == 0 {
                    hits += r.hits.len();
                    lower_bounds += usize::from(r.total_is_lower_bound);
                }
            }
            let t = s.elapsed().as_secs_f64();
            each[i].push(t);
            if pass == 0 {
                lat.push(t);
                by_kind.entry(kind.clone()).or_default().push(t);
            }
        }
    }
    let total = t0.elapsed().as_secs_f64() / passes as f64;
    if std::env::var_os("ZANLEX_QUERY_EACH").is_some() {
        let mut rows: Vec<(f64, &str, &str)> = each
            .iter_mut()
            .zip(&qs)
            .map(|(v, (kind, q))| {
                v.sort_by(f64::total_cmp);
                (v[v.len() / 2] * 1e3, kind.as_str(), q.as_str())
            })
            .collect();
        rows.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (ms, kind, q) in rows {
            eprintln!("{ms:9.3}\t{kind}\t{q}");
        }
    }
    lat.sort_by(f64::total_cmp);
    let n = lat.len().max(1);
    let p50 = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(0.0) * 1e3
    };
    let kinds: serde_json::Map<String, serde_json::Value> = by_kind
        .iter_mut()
        .map(|(k, v)| (k.clone(), serde_json::json!(p50(v))))
        .collect();
    println!(
        "{}",
        serde_json::json!({
            "queries": lat.len(),
            "failed": failed,
            "p50_ms": lat.get(n / 2).copied().unwrap_or(0.0) * 1e3,
            "p99_ms": lat.get(((n as f64 * 0.99) as usize).min(n - 1)).copied().unwrap_or(0.0) * 1e3,
            "qps": lat.len() as f64 / total,
            "hits": hits,
            "lower_bound_totals": lower_bounds,
            "p50_ms_by_kind": kinds,
        })
    );
    Ok(())
}
