//! `zanlex history`.

use super::Cli;
use std::process::ExitCode;

/// Arguments of `zanlex history`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `zanlex history`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let _ = (cli, args);
    anyhow::bail!("`zanlex history` is not implemented yet")
}
