//! `zanlex show`.

use super::Cli;
use std::process::ExitCode;

/// Arguments of `zanlex show`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `zanlex show`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let _ = (cli, args);
    anyhow::bail!("`zanlex show` is not implemented yet")
}
