//! The query loop the tantivy peers share: read `benches/queries.txt`'s columns, parse each
//! query once, run them all once to warm the caches, then time each in one thread and print
//! the JSON stats `benches/compare.py` reads (`PEER_QUERY_EACH` set: each query's time,
//! slowest first, on stderr, beside `zanlex_query`'s `ZANLEX_QUERY_EACH` list).

use std::io::BufRead;
use std::path::Path;
use std::time::Instant;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// Times every query of `queries` (tab-separated: kind, text, …, the query in the 4th
/// column) parsed by `parse` and answered by `run`, which returns how many hits it read.
pub fn time_queries<Q>(
    queries: &Path,
    mut parse: impl FnMut(&str) -> Res<Q>,
    mut run: impl FnMut(&Q) -> Res<usize>,
) -> Res<()> {
    let mut qs = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(queries)?).lines() {
        let line = line?;
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 4 {
            qs.push((cols[0].to_string(), cols[1].to_string(), parse(cols[3])?));
        }
    }
    for (_, _, q) in &qs {
        run(q)?; // warm-up pass
    }
    let mut lat = Vec::with_capacity(qs.len());
    let mut by_kind: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
    let mut hits = 0;
    let t0 = Instant::now();
    for (kind, _, q) in &qs {
        let s = Instant::now();
        hits += run(q)?;
        let t = s.elapsed().as_secs_f64();
        lat.push(t);
        by_kind.entry(kind).or_default().push(t);
    }
    let total = t0.elapsed().as_secs_f64();
    if std::env::var_os("PEER_QUERY_EACH").is_some() {
        let mut rows: Vec<(f64, &str, &str)> = lat
            .iter()
            .zip(&qs)
            .map(|(t, (kind, text, _))| (t * 1e3, kind.as_str(), text.as_str()))
            .collect();
        rows.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (ms, kind, text) in rows {
            eprintln!("{ms:9.3}\t{kind}\t{text}");
        }
    }
    let kinds: serde_json::Map<String, serde_json::Value> = by_kind
        .iter_mut()
        .map(|(k, v)| {
            v.sort_by(f64::total_cmp);
            (k.to_string(), serde_json::json!(v[v.len() / 2] * 1e3))
        })
        .collect();
    lat.sort_by(f64::total_cmp);
    let n = lat.len().max(1);
    println!(
        "{}",
        serde_json::json!({
            "queries": lat.len(),
            "p50_ms": lat.get(n / 2).copied().unwrap_or(0.0) * 1e3,
            "p99_ms": lat.get(((n as f64 * 0.99) as usize).min(n - 1)).copied().unwrap_or(0.0) * 1e3,
            "qps": lat.len() as f64 / total,
            "hits": hits,
            "p50_ms_by_kind": kinds,
        })
    );
    Ok(())
}
