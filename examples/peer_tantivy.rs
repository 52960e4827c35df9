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

#[path = "common/peer_timing.rs"]
mod peer_timing;

use std::io::BufRead;
use std::path::Path;
use std::process::ExitCode;
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
    peer_timing::time_queries(
        queries,
        |q| Ok(parser.parse_query(q)?),
        |q| {
            let top = searcher.search(q.as_ref(), &TopDocs::with_limit(10))?;
            for (_, addr) in &top {
                let _d: TantivyDocument = searcher.doc(*addr)?;
            }
            Ok(top.len())
        },
    )
}
