//! zanlex's side of the query comparison in `benches/compare.py`: opens a built index once and
//! runs the 200 queries of `benches/queries.txt` (2nd column, zanlex's query language), warm,
//! one thread, top 10 hits each with citations and snippets; prints JSON stats.
//!
//! ```text
//! cargo run --release --example zanlex_query -- INDEX_DIR benches/queries.txt
//! ```

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
        if let Err(e) = index.search(&SearchRequest::new(q.as_str()).limit(10)) {
            eprintln!("zanlex_query: {q}: {e}");
            failed += 1;
        }
    }
    let mut lat = Vec::with_capacity(qs.len());
    let mut by_kind: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    let mut hits = 0;
    let t0 = Instant::now();
    for (kind, q) in &qs {
        let s = Instant::now();
        if let Ok(r) = index.search(&SearchRequest::new(q.as_str()).limit(10)) {
            hits += r.hits.len();
        }
        let t = s.elapsed().as_secs_f64();
        lat.push(t);
        by_kind.entry(kind.clone()).or_default().push(t);
    }
    let total = t0.elapsed().as_secs_f64();
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
            "p50_ms_by_kind": kinds,
        })
    );
    Ok(())
}
