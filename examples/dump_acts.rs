//! Dumps every act of one or more corpus folders as JSON lines, every field, to prove that a
//! change to ingestion (extract → structure → amend → link) leaves its results byte-identical.
//!
//! Each folder is ingested as `zanlex index` ingests it (an index built in a temporary folder,
//! read back: `examples/common/acts.rs`); its acts are written sorted by source file, one
//! `serde_json` line per act, then one line per failure. Compare two dumps with `cmp`.
//!
//! ```text
//! cargo run --release --example dump_acts -- OUT.jsonl CORPUS_DIR [CORPUS_DIR ...]
//! ```

#[path = "common/acts.rs"]
mod acts;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: dump_acts OUT.jsonl CORPUS_DIR [CORPUS_DIR ...]");
        return ExitCode::from(2);
    }
    let dirs: Vec<PathBuf> = args[1..].iter().map(PathBuf::from).collect();
    match run(PathBuf::from(&args[0]), &dirs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dump_acts: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(out: PathBuf, dirs: &[PathBuf]) -> Result<(), Box<dyn std::error::Error>> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(&out)?);
    let mut n = 0usize;
    for dir in dirs {
        let (acts, failures) = acts::ingested(dir)?;
        for act in &acts {
            serde_json::to_writer(&mut w, act)?;
            w.write_all(b"\n")?;
            n += 1;
        }
        for (path, reason) in &failures {
            writeln!(w, "FAILURE {path}: {reason}")?;
        }
    }
    w.flush()?;
    eprintln!("dump_acts: {n} acts from {} folder(s)", dirs.len());
    Ok(())
}
