//! Writes every token that each analyzer gives for every text zanlex indexes (act titles, and
//! the headings and texts of the units of the current text and of every older edition), one
//! line per token: analyzer, text number, position, offsets, term. Two builds of the analyzers
//! are compared with `cmp` on the output (performance work must leave the tokens unchanged).
//!
//! ```text
//! cargo run --release --example token_dump -- CORPUS_DIR OUT.txt
//! ```

#[path = "common/acts.rs"]
mod acts;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use zanlex_analysis::{analyze, ANALYZERS};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 2 {
        eprintln!("usage: token_dump CORPUS_DIR OUT.txt");
        return ExitCode::from(2);
    }
    match run(Path::new(&args[0]), Path::new(&args[1])) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("token_dump: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(corpus: &Path, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let (acts, _) = acts::ingested(corpus)?;
    let mut texts: Vec<&str> = Vec::new();
    for act in &acts {
        texts.push(&act.title);
        let editions = std::iter::once(&act.units).chain(act.versions.iter().map(|v| &v.units));
        for units in editions {
            for u in units.iter().flat_map(|u| u.walk()) {
                if let Some(h) = &u.heading {
                    texts.push(h.trim());
                }
                texts.push(&u.text);
            }
        }
    }
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    let mut n = 0usize;
    // Each text through the three analyzers in turn, as the index writer does.
    for (i, t) in texts.iter().enumerate() {
        for name in ANALYZERS {
            for tok in analyze(name, t) {
                n += 1;
                writeln!(
                    w,
                    "{name}\t{i}\t{}\t{}\t{}\t{}",
                    tok.position, tok.offset_from, tok.offset_to, tok.text
                )?;
            }
        }
    }
    w.flush()?;
    eprintln!("token_dump: {} texts, {n} tokens", texts.len());
    Ok(())
}
