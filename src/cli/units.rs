//! `zanlex units`.

use super::Cli;
use std::process::ExitCode;

/// Arguments of `zanlex units`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `zanlex units`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let _ = (cli, args);
    anyhow::bail!("`zanlex units` is not implemented yet")
}
