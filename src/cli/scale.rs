//! `zanlex scale`.

use super::Cli;
use std::process::ExitCode;

/// Arguments of `zanlex scale`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `zanlex scale`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let _ = (cli, args);
    anyhow::bail!("`zanlex scale` is not implemented yet")
}
