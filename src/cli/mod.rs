//! The command line: argument parsing and printing over the library. No logic lives here
//! that the library does not offer; each subcommand has its own file.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

mod acts;
mod analyze;
mod diff;
mod history;
mod index;
mod scale;
mod search;
mod show;
mod units;

/// zanlex: search Kazakhstan's normative acts in Kazakh, with pinpoint citations.
#[derive(Debug, Parser)]
#[command(name = "zanlex", version, about, long_about = None)]
pub struct Cli {
    /// Folder with the source documents (.txt, .md, .pdf).
    #[arg(long, global = true, default_value = "corpus")]
    pub corpus: PathBuf,
    /// Folder for the search index.
    #[arg(long, global = true, default_value = "index")]
    pub index: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands of DESIGN.md's contract.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build or refresh the index (only changed files are re-indexed).
    Index(index::Args),
    /// Search the corpus and print cited passages.
    Search(search::Args),
    /// Print a unit's full text with its citation.
    Show(show::Args),
    /// List acts with metadata and status.
    Acts(acts::Args),
    /// Print an act's unit tree.
    Units(units::Args),
    /// Print an act's amendment timeline, newest first.
    History(history::Args),
    /// Compare two versions of an act or unit.
    Diff(diff::Args),
    /// Print the tokens an analyzer makes of a text.
    Analyze(analyze::Args),
    /// Write a scaled synthetic corpus for benchmarks.
    #[command(hide = true)]
    Scale(scale::Args),
}

/// Parses the command line and runs it. Exit codes: 0 success, 1 runtime failure, 2 bad usage.
pub fn main() -> ExitCode {
    crate::panic_guard::install_quiet_hook();
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Index(a) => index::run(&cli, a),
        Command::Search(a) => search::run(&cli, a),
        Command::Show(a) => show::run(&cli, a),
        Command::Acts(a) => acts::run(&cli, a),
        Command::Units(a) => units::run(&cli, a),
        Command::History(a) => history::run(&cli, a),
        Command::Diff(a) => diff::run(&cli, a),
        Command::Analyze(a) => analyze::run(&cli, a),
        Command::Scale(a) => scale::run(&cli, a),
    };
    match result {
        Ok(code) => code,
        Err(err) => report_error(&err),
    }
}

/// Prints an error on one line and picks its exit code: 2 for bad usage or a bad query, 1 else.
/// A closed stdout (output piped into `head`) ends quietly with 0.
fn report_error(err: &anyhow::Error) -> ExitCode {
    if let Some(io) = err.downcast_ref::<std::io::Error>() {
        if io.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
    }
    // The same, met while `serde_json` was writing a `--json` document.
    if let Some(js) = err.downcast_ref::<serde_json::Error>() {
        if js.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe) {
            return ExitCode::SUCCESS;
        }
    }
    let usage = matches!(
        err.downcast_ref::<crate::Error>(),
        Some(crate::Error::Query { .. }) | Some(crate::Error::NotFound(_))
    ) || err.downcast_ref::<UsageError>().is_some();
    eprintln!("zanlex: {err:#}");
    if usage {
        ExitCode::from(2)
    } else {
        ExitCode::from(1)
    }
}

/// A command-line mistake that clap cannot catch (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Parses `--lang`: `kk` (Kazakh) or `ru` (Russian); `kaz`/`rus` are accepted too.
pub(crate) fn parse_lang(s: &str) -> Result<crate::model::Lang, String> {
    crate::model::Lang::parse(s)
        .ok_or_else(|| format!("{s:?} is not a language here; write kk (Kazakh) or ru (Russian)"))
}

/// `s` with control characters (but line breaks and tabs) written as escapes (`\u{1b}`), for
/// human output on a terminal: text from documents and file names must not move the cursor,
/// clear the screen, retitle the window or open links (`--json` escapes them already).
pub(crate) fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn control_characters_are_escaped_for_the_terminal() {
        assert_eq!(terminal_safe("1. Мәтін\n\tары"), "1. Мәтін\n\tары");
        assert_eq!(
            terminal_safe("a\u{1b}]0;title\u{7}b\u{1b}[2Jc\u{9b}d"),
            "a\\u{1b}]0;title\\u{7}b\\u{1b}[2Jc\\u{9b}d"
        );
    }
}
