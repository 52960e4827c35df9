//! `zanlex acts`.

use super::Cli;
use std::process::ExitCode;

/// Arguments of `zanlex acts`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `zanlex acts`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let _ = (cli, args);
    anyhow::bail!("`zanlex acts` is not implemented yet")
}
