//! `zanlex publish --to DIR`: the index in force copied into another index folder as one
//! immutable generation, for `zanlex serve --replica` to serve ([`zanlex::publish`]).

use super::Cli;
use crate::common::terminal_safe;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `zanlex publish`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The index folder a replica serves (created when missing): the index in force in
    /// `--index` becomes its newest generation, named by its `CURRENT` once complete.
    #[arg(long, value_name = "DIR")]
    pub to: PathBuf,
}

/// Runs `zanlex publish`. The index is published as it is: build or refresh it first with
/// `zanlex index`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let done = zanlex::publish(&cli.index, &args.to)?;
    let to = args.to.display().to_string();
    let to = terminal_safe(&to);
    if done.unchanged {
        eprintln!(
            "zanlex: {to} already serves this index ({})",
            done.generation
        );
    } else {
        eprintln!(
            "zanlex: published {} to {to} ({} files, {:.1} MB)",
            done.generation,
            done.files,
            done.bytes as f64 / 1e6
        );
    }
    Ok(ExitCode::SUCCESS)
}
