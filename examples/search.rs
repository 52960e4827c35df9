//! Search the bundled corpus from code: build (or refresh) the index, run a query, print cited
//! hits, then fetch one hit's whole unit.
//!
//! ```text
//! cargo run --release --example search -- "тұрақты тұруға рұқсат"
//! ```

use std::path::Path;
use std::process::ExitCode;
use zanlex::SearchRequest;
use zanlex::{BuildOptions, ZanIndex};

fn main() -> ExitCode {
    let query = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let query = if query.trim().is_empty() {
        "тұрақты тұруға рұқсат".to_string()
    } else {
        query
    };
    match run(&query) {
        Ok(()) => ExitCode::SUCCESS,
        Err(zanlex::Error::Query { reason, .. }) => {
            eprintln!("bad query: {reason}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("search example: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(query: &str) -> zanlex::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let index_dir = std::env::temp_dir().join("zanlex-example-index");
    // Builds the index on the first run; later runs only re-index changed files.
    let (index, report) =
        ZanIndex::open_or_build(root.join("corpus"), &index_dir, &BuildOptions::default())?;
    if report.changed {
        eprintln!(
            "indexed {} unit documents into {}",
            report.units_indexed,
            index_dir.display()
        );
    }
    let results = index.search(&SearchRequest::new(query).limit(5))?;
    println!(
        "{} units match {:?} ({} ms)",
        results.total, results.query, results.took_ms
    );
    for hit in &results.hits {
        println!("{}. {}", hit.rank, hit.citation);
        println!("   {}", hit.snippet.marked("[", "]"));
        println!(
            "   {}:{}-{} · {}",
            hit.source.file, hit.source.line_start, hit.source.line_end, hit.act.status
        );
    }
    if let Some(top) = results.hits.first() {
        let unit = index.unit(&top.act.id, &top.unit.eid)?;
        println!(
            "\nThe top hit's whole unit ({} children):",
            unit.unit.children.len()
        );
        println!("{}", unit.unit.full_text());
    }
    println!("\nActs in the index:");
    for act in index.acts()? {
        println!("  {}  {}", act.id, act.short_name());
    }
    Ok(())
}
