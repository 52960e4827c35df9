//! zanlex split in its two halves for `benches/compare.py`: ingestion (extract, repair,
//! structure, amend) and then analysis + indexing of the acts already in memory, each timed.
//! The second half is the like-for-like figure beside peers that load pre-parsed units.
//!
//! ```text
//! cargo run --release --example zanlex_build -- CORPUS_DIR INDEX_DIR
//! ```

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// The `zanlex` binary's allocator, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 2 {
        eprintln!("usage: zanlex_build CORPUS_DIR INDEX_DIR");
        return ExitCode::from(2);
    }
    let t0 = Instant::now();
    let report = zanlex::internals::ingest_corpus(Path::new(&args[0]));
    let ingest_s = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    match zanlex::internals::build_from_acts(Path::new(&args[1]), &report.acts) {
        Ok(docs) => {
            println!(
                "{}",
                serde_json::json!({
                    "acts": report.acts.len(),
                    "failures": report.failures.len(),
                    "docs": docs,
                    "ingest_s": ingest_s,
                    "build_s": t1.elapsed().as_secs_f64(),
                })
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("zanlex_build: {e}");
            ExitCode::from(1)
        }
    }
}
