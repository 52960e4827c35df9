//! The command line: argument parsing and printing over the library. No logic lives here
//! that the library does not offer; each subcommand has its own file.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

pub(crate) mod acts;
mod analyze;
mod diff;
pub(crate) mod history;
mod index;
mod progress;
pub(crate) mod refs;
mod scale;
pub(crate) mod search;
mod serve;
pub(crate) mod show;
mod stderr_log;
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
    /// Read symbolic links that lead out of the corpus folder (not read without it).
    #[arg(long, global = true)]
    pub follow: bool,
    /// Use the index as it is, without checking the corpus for changed files (that check
    /// reads every file's size and time: most of a search's time on a large corpus). A
    /// missing index is still built.
    #[arg(long, global = true)]
    pub no_refresh: bool,
    /// Let a corpus folder with no file to index empty an index that holds acts (refused
    /// without it: an unmounted share or a folder emptied by mistake looks the same).
    #[arg(long, global = true)]
    pub allow_empty: bool,
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
    /// List what a unit (or act) refers to: units of its own act and other acts.
    Refs(refs::RefsArgs),
    /// List the provisions that refer to a unit (or act), across the corpus.
    CitedBy(refs::CitedByArgs),
    /// Print the tokens an analyzer makes of a text.
    Analyze(analyze::Args),
    /// Serve the JSON API and the web page over HTTP.
    Serve(serve::Args),
    /// Write a scaled synthetic corpus for benchmarks.
    #[command(hide = true)]
    Scale(scale::Args),
}

impl Cli {
    /// How commands build or refresh the index.
    fn build_options(&self, force: bool) -> zanlex::BuildOptions {
        zanlex::BuildOptions {
            force,
            progress: Some(std::sync::Arc::new(progress::Bar::default())),
            verify: false,
            follow: self.follow,
            no_refresh: self.no_refresh,
            allow_empty: self.allow_empty,
        }
    }

    /// Opens `--index`, building it when missing and refreshing it when the corpus changed;
    /// says on stderr what that did ([`report_refresh`]). The report's failures are for
    /// [`report_failures`], once the command's output is printed.
    pub(crate) fn open_index(&self) -> anyhow::Result<(zanlex::ZanIndex, zanlex::RefreshReport)> {
        let opts = self.build_options(false);
        let (index, report) = zanlex::ZanIndex::open_or_build(&self.corpus, &self.index, &opts)?;
        report_refresh(self, &report);
        Ok((index, report))
    }

    /// [`Cli::open_index`], with `work` done on the index while the corpus is checked for
    /// changes ([`zanlex::ZanIndex::open_or_build_with`]): its answer is from an up-to-date
    /// index either way.
    pub(crate) fn open_index_with<T>(
        &self,
        work: impl Fn(&zanlex::ZanIndex) -> T,
    ) -> anyhow::Result<(zanlex::ZanIndex, zanlex::RefreshReport, T)> {
        let opts = self.build_options(false);
        let (index, report, answer) =
            zanlex::ZanIndex::open_or_build_with(&self.corpus, &self.index, &opts, work)?;
        report_refresh(self, &report);
        Ok((index, report, answer))
    }
}

/// Says on stderr what opening the index changed: a refresh that failed (the previous index
/// is used), files indexed with a warning, and the build or refresh that was written.
pub(crate) fn report_refresh(cli: &Cli, report: &zanlex::RefreshReport) {
    if let Some(w) = &report.warning {
        eprintln!("zanlex: {}", terminal_safe(w));
    }
    report_warnings(report);
    if report.changed {
        eprintln!(
            "zanlex: {} {} ({} files, {} unit documents)",
            if report.rebuilt { "built" } else { "refreshed" },
            terminal_safe(&cli.index.display().to_string()),
            report.added.len() + report.updated.len() + report.unchanged,
            report.units_indexed
        );
    }
}

/// Prints the files indexed with a problem (a broken sidecar or front matter, no structure
/// recognised), one line each, on stderr.
pub(crate) fn report_warnings(report: &zanlex::RefreshReport) {
    for (file, reason) in &report.warnings {
        eprintln!(
            "zanlex: warning: {}: {}",
            terminal_safe(file),
            terminal_safe(reason)
        );
    }
}

/// Prints every file the index does not hold, one line each with its reason, and their count
/// on stderr; picks the exit code: 1 when there is any, so scripts notice (the rule of every
/// command that reads the corpus; see README "Exit codes").
pub(crate) fn report_failures(report: &zanlex::RefreshReport) -> ExitCode {
    if report.failures.is_empty() {
        return ExitCode::SUCCESS;
    }
    for (file, reason) in &report.failures {
        eprintln!(
            "zanlex: skipped {}: {}",
            terminal_safe(file),
            terminal_safe(reason)
        );
    }
    let n = report.failures.len();
    let total = report.added.len() + report.updated.len() + report.unchanged;
    if total >= n && total > 0 {
        eprintln!("zanlex: {n} of {total} files could not be indexed; the others are");
    } else {
        eprintln!("zanlex: {n} file(s) could not be indexed");
    }
    ExitCode::from(1)
}

/// The exit code of a command that opened the index and then printed (`done`) or failed:
/// the files the index does not hold are named either way, after the output or before the
/// error.
pub(crate) fn finish(
    report: &zanlex::RefreshReport,
    done: anyhow::Result<()>,
) -> anyhow::Result<ExitCode> {
    let code = report_failures(report);
    done.map(|()| code)
}

/// Parses the command line and runs it. Exit codes (README "Exit codes"): 0 done, every file
/// of the corpus indexed; 1 done, but files could not be indexed (each named on stderr), or
/// the command failed; 2 bad usage, a bad query or an unknown act, unit or version.
pub fn main() -> ExitCode {
    zanlex::quiet_caught_panics();
    stderr_log::install();
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Index(a) => index::run(&cli, a),
        Command::Search(a) => search::run(&cli, a),
        Command::Show(a) => show::run(&cli, a),
        Command::Acts(a) => acts::run(&cli, a),
        Command::Units(a) => units::run(&cli, a),
        Command::History(a) => history::run(&cli, a),
        Command::Diff(a) => diff::run(&cli, a),
        Command::Refs(a) => refs::run_refs(&cli, a),
        Command::CitedBy(a) => refs::run_cited_by(&cli, a),
        Command::Analyze(a) => analyze::run(&cli, a),
        Command::Serve(a) => serve::run(&cli, a),
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
    let usage = err
        .downcast_ref::<zanlex::Error>()
        .is_some_and(zanlex::Error::is_bad_request)
        || err.downcast_ref::<UsageError>().is_some();
    eprintln!("zanlex: {}", terminal_safe(&format!("{err:#}")));
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
pub(crate) fn parse_lang(s: &str) -> Result<zanlex::Lang, String> {
    zanlex::Lang::parse(s)
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
