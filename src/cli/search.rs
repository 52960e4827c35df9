//! `zanlex search`.

use super::Cli;
use std::process::ExitCode;

/// Arguments of `zanlex search`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `zanlex search`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let _ = (cli, args);
    anyhow::bail!("`zanlex search` is not implemented yet")
}
