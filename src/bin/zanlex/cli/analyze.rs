//! `zanlex analyze`: the tokens an analyzer makes of a text, for users and for debugging.

use super::Cli;
use std::io::Write;
use std::process::ExitCode;
use zanlex::analyze;

/// Arguments of `zanlex analyze`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The text to analyze.
    pub text: String,
    /// Analyzer: kk_exact, kk_stem, kk_loose, or what the index writes to its fields:
    /// kk_loose_rest (the loose forms its stems do not give), kk_exact_rest (stop words, which
    /// have no stem), kk_stem_marked (each word's stem and form in one term: the stem, then
    /// \u{1} where the word is its own stem, \u{3} and the rest of the word where the word
    /// begins with its stem, else \u{2} and the word).
    #[arg(long, default_value = "kk_stem")]
    pub analyzer: String,
    /// Print one JSON document instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Runs `zanlex analyze`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let _ = cli;
    let analysis = analyze(&args.analyzer, &args.text)?;
    if args.json {
        return super::print_json(&analysis).map(|()| ExitCode::SUCCESS);
    }
    let mut out = super::answer_out();
    writeln!(out, "pos\tbytes\ttoken\tsource")?;
    for t in &analysis.tokens {
        let src = analysis.text.get(t.offset_from..t.offset_to).unwrap_or("");
        writeln!(
            out,
            "{}\t{}..{}\t{}\t{}",
            t.position, t.offset_from, t.offset_to, t.text, src
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
