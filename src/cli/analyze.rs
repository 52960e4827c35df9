//! `zanlex analyze`.

use super::Cli;
use std::process::ExitCode;

/// Arguments of `zanlex analyze`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `zanlex analyze`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let _ = (cli, args);
    anyhow::bail!("`zanlex analyze` is not implemented yet")
}
