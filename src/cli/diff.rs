//! `zanlex diff`.

use super::Cli;
use std::process::ExitCode;

/// Arguments of `zanlex diff`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `zanlex diff`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let _ = (cli, args);
    anyhow::bail!("`zanlex diff` is not implemented yet")
}
