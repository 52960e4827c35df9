//! `zanlex index`.

use super::{terminal_safe, Cli};
use std::process::ExitCode;
use std::time::Instant;
use zanlex::refresh;

/// Arguments of `zanlex index`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Rebuild everything, even files that did not change (with `--history`, the editions
    /// are read again from the whole history).
    #[arg(long)]
    pub force: bool,
    /// With `--history`: read no commit dated before this day (YYYY-MM-DD); each act is
    /// taken as it stood then, and its later editions from the commits.
    #[arg(long, value_parser = |s: &str| zanlex::date_arg("--since", s).map_err(|e| e.to_string()))]
    pub since: Option<chrono::NaiveDate>,
}

/// Runs `zanlex index`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    if cli.no_refresh {
        return Err(super::usage(
            "--no-refresh is for the commands that read the index; `zanlex index` checks the corpus, \
             which is what it is for",
        ));
    }
    let started = Instant::now();
    let mut opts = cli.build_options(args.force);
    opts.verify = true;
    let corpus = cli.corpus(args.since, args.force)?;
    let report = refresh(&corpus, &cli.index, &opts)?;
    if let Some(w) = &report.warning {
        eprintln!("zanlex: warning: {}", terminal_safe(w));
    }
    super::report_warnings(&report);
    let code = super::report_failures(&report);
    let index = terminal_safe(&cli.index.display().to_string()).into_owned();
    let secs = started.elapsed().as_secs_f64();
    if report.changed {
        println!(
            "{} {}: {} added, {} updated, {} removed, {} unchanged; {} unit documents written in {secs:.2} s",
            if report.rebuilt { "built" } else { "refreshed" },
            index,
            report.added.len(),
            report.updated.len(),
            report.removed.len(),
            report.unchanged,
            report.units_indexed,
        );
    } else {
        println!(
            "{index} is up to date ({} files unchanged; {secs:.2} s)",
            report.unchanged
        );
    }
    Ok(code)
}
