//! `zanlex index`.

use super::Cli;
use std::process::ExitCode;

/// Arguments of `zanlex index`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `zanlex index`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let _ = (cli, args);
    anyhow::bail!("`zanlex index` is not implemented yet")
}
