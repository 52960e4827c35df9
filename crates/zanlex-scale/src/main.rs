//! `zanlex-scale --out DIR --mb N [--seed S] [--from DIR]…`: writes a synthetic corpus of N MB
//! for the benchmarks. A development tool: it ships in no release of zanlex.

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// Writes a scaled synthetic corpus of Kazakh legal acts for zanlex's benchmarks.
#[derive(Debug, Parser)]
#[command(name = "zanlex-scale", version)]
struct Args {
    /// Folder to write the synthetic acts into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Size to write, in MB (10^6 bytes; fractions allowed).
    #[arg(long)]
    mb: f64,
    /// Seed: the same seed and templates give byte-identical output.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Template folders (.txt and .md, searched recursively). Default: `corpus` and
    /// `tests/fixtures/versions` where they exist.
    #[arg(long = "from")]
    from: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if !(args.mb.is_finite() && args.mb > 0.0) {
        eprintln!(
            "zanlex-scale: --mb must be a positive number, got {}",
            args.mb
        );
        return ExitCode::from(2);
    }
    let mut dirs = args.from.clone();
    if dirs.is_empty() {
        dirs.extend(
            ["corpus", "tests/fixtures/versions"]
                .map(PathBuf::from)
                .into_iter()
                .filter(|d| d.is_dir()),
        );
    }
    let written = zanlex_scale::load_templates(&dirs).and_then(|templates| {
        zanlex_scale::write_corpus(&templates, &args.out, (args.mb * 1e6) as u64, args.seed)
    });
    match written {
        Ok(report) => {
            eprintln!(
                "zanlex-scale: wrote {} acts, {} bytes, {} body tokens, {} novel words into {}",
                report.files,
                report.bytes,
                report.tokens,
                report.novel_words,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("zanlex-scale: {e}");
            ExitCode::FAILURE
        }
    }
}
