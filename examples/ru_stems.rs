//! The Russian stems zanlex writes for words, for comparing its Russian analysis with another
//! stemmer's (`evals/ru_stems.py`): for each line of text in, the text's `ru_stem` tokens out,
//! one `WORD<TAB>STEM` a line, then an empty line.
//!
//! ```text
//! cargo run --release --example ru_stems < words.txt
//! ```

use std::io::{BufRead, BufWriter, Write};
use zanlex_analysis::{analyze, RU_STEM};

fn main() -> std::io::Result<()> {
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        for t in analyze(RU_STEM, &line) {
            let word = line.get(t.offset_from..t.offset_to).unwrap_or("");
            writeln!(out, "{word}\t{}", t.text)?;
        }
        writeln!(out)?;
        out.flush()?;
    }
    Ok(())
}
