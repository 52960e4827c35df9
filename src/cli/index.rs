//! `zanlex index`.

use super::Cli;
use crate::index::{refresh, BuildOptions, RefreshReport};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `zanlex index`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Rebuild everything, even files that did not change.
    #[arg(long)]
    pub force: bool,
}

/// Prints the files that could not be ingested, one line each, on stderr.
pub(crate) fn report_failures(report: &RefreshReport) {
    for (file, reason) in &report.warnings {
        eprintln!("zanlex: warning: {file}: {reason}");
    }
    for (file, reason) in &report.failures {
        eprintln!("zanlex: skipped {file}: {reason}");
    }
}

/// Runs `zanlex index`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let opts = BuildOptions {
        force: args.force,
        progress: true,
        verify: true,
    };
    let report = refresh(&cli.corpus, &cli.index, &opts)?;
    if let Some(w) = &report.warning {
        eprintln!("zanlex: warning: {w}");
    }
    report_failures(&report);
    let secs = started.elapsed().as_secs_f64();
    if report.changed {
        println!(
            "{} {}: {} added, {} updated, {} removed, {} unchanged; {} unit documents written in {secs:.2} s",
            if report.rebuilt { "built" } else { "refreshed" },
            cli.index.display(),
            report.added.len(),
            report.updated.len(),
            report.removed.len(),
            report.unchanged,
            report.units_indexed,
        );
    } else {
        println!(
            "{} is up to date ({} files unchanged; {secs:.2} s)",
            cli.index.display(),
            report.unchanged
        );
    }
    Ok(ExitCode::SUCCESS)
}
