//! `zanlex scale`: writes a synthetic corpus of a given size for benchmarks (hidden from help).

use super::Cli;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `zanlex scale`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to write the synthetic acts into (created if missing).
    #[arg(long)]
    pub out: PathBuf,
    /// Size to write, in MB (10^6 bytes; fractions allowed).
    #[arg(long)]
    pub mb: f64,
    /// Seed: the same seed and templates give byte-identical output.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Template folders (.txt and .md, searched recursively). Default: the `--corpus` folder and
    /// `tests/fixtures/versions` when it exists.
    #[arg(long = "from")]
    pub from: Vec<PathBuf>,
}

/// Runs `zanlex scale`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    if !(args.mb.is_finite() && args.mb > 0.0) {
        return Err(super::usage(format!(
            "--mb must be a positive number, got {}",
            args.mb
        )));
    }
    let mut dirs = args.from.clone();
    if dirs.is_empty() {
        dirs.push(cli.corpus.clone());
        let fixtures = PathBuf::from("tests/fixtures/versions");
        if fixtures.is_dir() {
            dirs.push(fixtures);
        }
    }
    let templates = zanlex_templates(&dirs)?;
    let bytes = (args.mb * 1e6) as u64;
    let report = zanlex_scale::write_corpus(&templates, &args.out, bytes, args.seed)?;
    eprintln!(
        "zanlex scale: wrote {} acts, {} bytes, {} body tokens, {} novel words into {}",
        report.files,
        report.bytes,
        report.tokens,
        report.novel_words,
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn zanlex_templates(dirs: &[PathBuf]) -> anyhow::Result<Vec<zanlex_scale::Template>> {
    Ok(zanlex_scale::load_templates(dirs)?)
}
