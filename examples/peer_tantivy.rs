//! The "plain tantivy" peer of `benches/compare.py`: the same tantivy version as zanlex, its
//! default tokenizer (split on non-alphanumerics, lowercase), no Kazakh analysis.
//!
//! ```text
//! peer_tantivy index UNITS.jsonl INDEX_DIR     index the units zanlex ingested
//! peer_tantivy query INDEX_DIR QUERIES.txt     run every query warm, one thread; JSON stats
//! ```
//! Fields: `text` and `title` (TEXT, default tokenizer), `text` stored for the results page;
//! `act`, `eid`, `kind`, `status` (STRING, stored). The writer gets the same threads and memory
//! budget as zanlex's (`src/index/build.rs`). Queries use tantivy's QueryParser on the 4th column
//! of the query file; a query returns the top 10 documents with their stored fields.

use std::io::BufRead;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{Schema, STORED, STRING, TEXT};
use tantivy::{doc, Index, IndexWriter, TantivyDocument};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let r = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["index", jsonl, dir] => index(Path::new(jsonl), Path::new(dir)),
        ["query", dir, queries] => query(Path::new(dir), Path::new(queries)),
        _ => {
            eprintln!("usage: peer_tantivy index UNITS.jsonl DIR | query DIR QUERIES.txt");
            return ExitCode::from(2);
        }
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("peer_tantivy: {e}");
            ExitCode::from(1)
        }
    }
}

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn schema() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field("text", TEXT | STORED);
    b.add_text_field("title", TEXT);
    b.add_text_field("act", STRING | STORED);
    b.add_text_field("eid", STRING | STORED);
    b.add_text_field("kind", STRING);
    b.add_text_field("status", STRING);
    b.build()
}

fn index(jsonl: &Path, dir: &Path) -> Res<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    let schema = schema();
    let f = |n: &str| schema.get_field(n);
    let (text, title, act, eid, kind, status) = (
        f("text")?,
        f("title")?,
        f("act")?,
        f("eid")?,
        f("kind")?,
        f("status")?,
    );
    let idx = Index::create_in_dir(dir, schema.clone())?;
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 4);
    let mut w: IndexWriter = idx.writer_with_num_threads(threads, 50_000_000 * threads)?;
    let mut n = 0u64;
    for line in std::io::BufReader::new(std::fs::File::open(jsonl)?).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
        w.add_document(doc!(
            text => s("text"),
            title => s("title"),
            act => s("act"),
            eid => s("eid"),
            kind => s("kind"),
            status => s("status"),
        ))?;
        n += 1;
    }
    w.commit()?;
    w.wait_merging_threads()?;
    println!("{{\"docs\": {n}}}");
    Ok(())
}

fn query(dir: &Path, queries: &Path) -> Res<()> {
    let idx = Index::open_in_dir(dir)?;
    let schema = idx.schema();
    let text = schema.get_field("text")?;
    let title = schema.get_field("title")?;
    let reader = idx.reader()?;
    let searcher = reader.searcher();
    let parser = QueryParser::for_index(&idx, vec![text, title]);
    let mut qs = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(queries)?).lines() {
        let line = line?;
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 4 {
            qs.push((
                cols[0].to_string(),
                cols[1].to_string(),
                parser.parse_query(cols[3])?,
            ));
        }
    }
    let run = |q: &dyn tantivy::query::Query| -> Res<usize> {
        let top = searcher.search(q, &TopDocs::with_limit(10))?;
        for (_, addr) in &top {
            let _d: TantivyDocument = searcher.doc(*addr)?;
        }
        Ok(top.len())
    };
    for (_, _, q) in &qs {
        run(q.as_ref())?; // warm-up pass
    }
    let mut lat = Vec::with_capacity(qs.len());
    let mut by_kind: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
    let mut hits = 0;
    let t0 = Instant::now();
    for (kind, _, q) in &qs {
        let s = Instant::now();
        hits += run(q.as_ref())?;
        let t = s.elapsed().as_secs_f64();
        lat.push(t);
        by_kind.entry(kind).or_default().push(t);
    }
    let total = t0.elapsed().as_secs_f64();
    // Each query's time, slowest first, beside zanlex_query's `ZANLEX_QUERY_EACH` list.
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
    print_stats(&mut lat, total, hits, kinds);
    Ok(())
}

fn print_stats(
    lat: &mut [f64],
    total: f64,
    hits: usize,
    kinds: serde_json::Map<String, serde_json::Value>,
) {
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
}
