//! Dumps every unit of a corpus as JSON lines, for the peers of `benches/compare.py`.
//!
//! The peers (SQLite FTS5, tantivy with its default tokenizer) index exactly the units zanlex
//! ingests, so the comparison measures indexing and querying, not parsing. Each line:
//! `{"act", "eid", "lang", "title", "kind", "status", "text"}` (text = heading + own text;
//! lang `kk` or `ru`, so that an eval can ask each engine for the question's language only).
//!
//! ```text
//! cargo run --release --example dump_units -- CORPUS_DIR OUT.jsonl
//! ```

#[path = "common/acts.rs"]
mod acts;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 2 {
        eprintln!("usage: dump_units CORPUS_DIR OUT.jsonl");
        return ExitCode::from(2);
    }
    match run(PathBuf::from(&args[0]), PathBuf::from(&args[1])) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dump_units: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(corpus: PathBuf, out: PathBuf) -> Result<(), Box<dyn std::error::Error>> {
    let (acts, failures) = acts::ingested(&corpus)?;
    for (path, reason) in &failures {
        eprintln!("dump_units: {path}: {reason}");
    }
    let mut w = std::io::BufWriter::new(std::fs::File::create(&out)?);
    let mut n = 0usize;
    for act in &acts {
        for u in act.all_units() {
            let heading = u.heading.as_deref().unwrap_or("").trim();
            if u.text.trim().is_empty() && heading.is_empty() {
                continue;
            }
            let text = if heading.is_empty() || u.text.contains(heading) {
                u.text.clone()
            } else {
                format!("{heading}\n{}", u.text)
            };
            let line = serde_json::json!({
                "act": act.id,
                "eid": u.eid,
                "lang": act.lang.as_str(),
                "title": act.title,
                "kind": act.kind.as_str(),
                "status": act.status.as_str(),
                "text": text,
            });
            serde_json::to_writer(&mut w, &line)?;
            w.write_all(b"\n")?;
            n += 1;
        }
    }
    w.flush()?;
    eprintln!(
        "dump_units: {} acts, {n} units, {} failures",
        acts.len(),
        failures.len()
    );
    Ok(())
}
