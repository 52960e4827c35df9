//! The command line: argument parsing, and the library's answers printed as text or JSON. No
//! answer is computed here; each subcommand has its own file. The binary's root (`main.rs`)
//! parses the whole command line and hands these subcommands here, `serve` and `mcp` to their
//! own doors: the command line names neither.

use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

mod acts;
mod amended_by;
mod analyze;
mod changes;
mod diff;
mod grep;
mod history;
mod index;
mod lexicon;
mod progress;
mod publish;
mod refs;
mod related;
mod search;
mod show;
mod stderr_log;
mod units;
mod watch;
mod wording;

pub(crate) use crate::common::terminal_safe;

/// The options every subcommand takes (the servers' too): where the corpus and the index are
/// and how the corpus is read.
#[derive(Debug, clap::Args)]
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
    /// Check the size and time of every file before a command only on a corpus of at most
    /// this many files. A larger one is trusted to a running `zanlex serve` or `zanlex watch`
    /// that sees its changes; with none running, the index is used as its last full check
    /// (`zanlex index`) left it, and the command says since when.
    #[arg(long, global = true, value_name = "FILES", default_value_t = SCAN_LIMIT)]
    pub scan_limit: usize,
    /// Let a corpus folder with no file to index empty an index that holds acts (refused
    /// without it: an unmounted share or a folder emptied by mistake looks the same).
    #[arg(long, global = true)]
    pub allow_empty: bool,
    /// `--corpus` is a git checkout of the public mirror: index every edition its commits
    /// hold, kept as edition folders in `INDEX.history/` (a setting the index keeps: later
    /// commands read the new commits, and only those, without being told again).
    #[arg(long, global = true)]
    pub history: bool,
}

/// The largest corpus a command checks file by file by default. Reading the size and time of
/// 2,000 files costs a few milliseconds, about what a search costs; past that the check, not
/// the search, is most of a command's time (docs/performance.md, "Knowing the index is
/// fresh").
const SCAN_LIMIT: usize = 2_000;

/// The subcommands of the command line (docs/json.md lists their JSON).
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
    /// List the amendments the acts' notes record, newest first, across the corpus or in
    /// one act.
    Changes(changes::Args),
    /// List what a unit (or act) refers to: units of its own act and other acts.
    Refs(refs::RefsArgs),
    /// List the provisions that refer to a unit (or act), across the corpus.
    CitedBy(refs::CitedByArgs),
    /// List the acts related to an act: the act it replaced and the act that replaced it, the
    /// acts it amends and that amend it, the acts it cites and that cite it.
    Related(related::Args),
    /// Print the tokens an analyzer makes of a text.
    Analyze(analyze::Args),
    /// Print the Kazakh↔Russian term pairs learned from the parallel texts.
    Lexicon(lexicon::Args),
    /// Keep the index up to date from the corpus's file events, so that commands on a large
    /// corpus need not check every file.
    Watch(watch::Args),
    /// Copy the index in force into another index folder as a new generation, for
    /// `zanlex serve --replica` to serve.
    Publish(publish::Args),
    /// Print when a phrase appeared in an act's units and when it went, over its editions.
    Wording(wording::Args),
    /// List what one amending act changed across the corpus, provision by provision, as the
    /// changed acts' notes record it.
    AmendedBy(amended_by::Args),
    /// List the units whose text a regular expression matches, with where it matched.
    Grep(grep::Args),
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
            scan_limit: Some(self.scan_limit),
            changed_folders: None,
            cache: None,
            rehash: zanlex::Rehash::Unchanged,
        }
    }

    /// The folder the index is built from: `--corpus`, or the edition folders of its git
    /// history when `--history` says so now or said so before (`INDEX.history/` exists), the
    /// commits not yet read added first. With `reread`, the edition folders are written anew
    /// from the whole history (a rebuilt mirror that changed past editions).
    pub(crate) fn corpus(
        &self,
        since: Option<chrono::NaiveDate>,
        reread: bool,
    ) -> anyhow::Result<PathBuf> {
        self.corpus_and_new_editions(since, reread)
            .map(|(corpus, _)| corpus)
    }

    /// The editions folder of the index's history (`INDEX.history/`), whether or not there
    /// is one.
    fn editions_folder(&self) -> PathBuf {
        let mut name = self.index.file_name().unwrap_or_default().to_os_string();
        name.push(".history");
        self.index.with_file_name(name)
    }

    /// The editions folder of the index's history when a sync has written it, as the last
    /// sync left it: no new commit is read.
    pub(crate) fn synced_editions(&self) -> Option<PathBuf> {
        let editions = self.editions_folder();
        editions
            .join(zanlex::git_history::STATE_FILE)
            .is_file()
            .then_some(editions)
    }

    /// [`Cli::corpus`], with the edition folders its sync wrote or marked (relative to it;
    /// none without a history).
    fn corpus_and_new_editions(
        &self,
        since: Option<chrono::NaiveDate>,
        reread: bool,
    ) -> anyhow::Result<(PathBuf, Vec<PathBuf>)> {
        let synced = self.synced_editions();
        if !self.history && synced.is_none() {
            return Ok((self.corpus.clone(), Vec::new()));
        }
        let editions = self.editions_folder();
        // The index used as it is: no new commit is read either.
        if self.no_refresh && synced.is_some() {
            return Ok((editions, Vec::new()));
        }
        if reread && synced.is_some() {
            std::fs::remove_dir_all(&editions)?;
        }
        std::fs::create_dir_all(&editions)?;
        let opts = zanlex::git_history::HistoryOptions { since };
        let report = zanlex::git_history::sync_history(&self.corpus, &editions, &opts)?;
        if report.commits_read > 0 {
            let plural =
                |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
            let marked = match report.marked.len() {
                0 => String::new(),
                n => format!(
                    ", {} marked as no longer in the checkout",
                    plural(n, "edition")
                ),
            };
            eprintln!(
                "zanlex: history of {}: {} read, {}{marked}",
                terminal_safe(&self.corpus.display().to_string()),
                plural(report.commits_read, "commit"),
                plural(report.written.len(), "new edition"),
            );
        }
        if let Some(oldest) = report.shallow {
            eprintln!(
                "zanlex: history of {} is shallow: it starts at a commit of {oldest}, whose acts are read as they stood then; `git fetch --unshallow` brings the editions before",
                terminal_safe(&self.corpus.display().to_string()),
            );
        }
        if !report.removed.is_empty() {
            eprintln!(
                "zanlex: history of {}: its head moved back or was rewritten; {} edition(s) of commits it no longer has removed",
                terminal_safe(&self.corpus.display().to_string()),
                report.removed.len()
            );
        }
        let changed = report
            .written
            .into_iter()
            .chain(report.marked)
            .chain(report.removed);
        Ok((editions, changed.map(PathBuf::from).collect()))
    }

    /// The options a reading command refreshes the index with, and the corpus: the new
    /// editions of a history, which only its sync writes, are read without checking every
    /// other file (on a large corpus nothing else would read them before `zanlex index`).
    fn reading_corpus(&self) -> anyhow::Result<(PathBuf, zanlex::BuildOptions)> {
        let mut opts = self.build_options(false);
        let (corpus, written) = self.corpus_and_new_editions(None, false)?;
        if !written.is_empty() {
            opts.changed_folders = Some(written);
        }
        Ok((corpus, opts))
    }

    /// Opens `--index`, building it when missing and refreshing it when the corpus changed;
    /// says on stderr what that did ([`report_refresh`]). The report's failures are for
    /// [`report_failures`], once the command's output is printed.
    pub(crate) fn open_index(&self) -> anyhow::Result<(zanlex::ZanIndex, zanlex::RefreshReport)> {
        let (corpus, opts) = self.reading_corpus()?;
        let (index, report) = zanlex::ZanIndex::open_or_build(&corpus, &self.index, &opts)?;
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
        let (corpus, opts) = self.reading_corpus()?;
        let (index, report, answer) =
            zanlex::ZanIndex::open_or_build_with(&corpus, &self.index, &opts, work)?;
        report_refresh(self, &report);
        Ok((index, report, answer))
    }
}

/// Says on stderr what opening the index changed ([`crate::common::report_refresh`]).
pub(crate) fn report_refresh(cli: &Cli, report: &zanlex::RefreshReport) {
    crate::common::report_refresh(&cli.index, report);
}

pub(crate) use crate::common::{report_failures, report_warnings};

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

/// Sets up what every command shares before the command line is parsed: caught panics kept
/// quiet (each is reported as an error) and the library's log on stderr.
pub fn init() {
    zanlex::quiet_caught_panics();
    stderr_log::install();
}

/// Runs one of the command line's own subcommands.
pub fn run(cli: &Cli, command: &Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Index(a) => index::run(cli, a),
        Command::Search(a) => search::run(cli, a),
        Command::Show(a) => show::run(cli, a),
        Command::Acts(a) => acts::run(cli, a),
        Command::Units(a) => units::run(cli, a),
        Command::History(a) => history::run(cli, a),
        Command::Diff(a) => diff::run(cli, a),
        Command::Changes(a) => changes::run(cli, a),
        Command::Refs(a) => refs::run_refs(cli, a),
        Command::CitedBy(a) => refs::run_cited_by(cli, a),
        Command::Related(a) => related::run(cli, a),
        Command::Analyze(a) => analyze::run(cli, a),
        Command::Lexicon(a) => lexicon::run(cli, a),
        Command::Publish(a) => publish::run(cli, a),
        Command::Watch(a) => watch::run(cli, a),
        Command::Wording(a) => wording::run(cli, a),
        Command::AmendedBy(a) => amended_by::run(cli, a),
        Command::Grep(a) => grep::run(cli, a),
    }
}

/// The exit code of a command's result: its own, or its error's, said on stderr (and as
/// JSON on stdout when `error_as_json`, the command having been asked for `--json`).
pub fn exit(result: anyhow::Result<ExitCode>, error_as_json: bool) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(err) => {
            if error_as_json {
                print_error_json(&err);
            }
            report_error(&err)
        }
    }
}

impl Command {
    /// Whether the command was asked for `--json` and says its error as JSON too.
    pub fn error_as_json(&self) -> bool {
        matches!(self, Command::Search(a) if a.json)
            || matches!(self, Command::Show(a) if a.json)
            || matches!(self, Command::Changes(a) if a.json)
            || matches!(self, Command::Related(a) if a.json)
            || matches!(self, Command::History(a) if a.json)
            || matches!(self, Command::Refs(a) if a.json)
            || matches!(self, Command::CitedBy(a) if a.json)
            || matches!(self, Command::Units(a) if a.json)
            || matches!(self, Command::Diff(a) if a.json)
            || matches!(self, Command::Acts(a) if a.json)
            || matches!(self, Command::Lexicon(a) if a.json)
            || matches!(self, Command::Analyze(a) if a.json)
            || matches!(self, Command::Wording(a) if a.json)
            || matches!(self, Command::AmendedBy(a) if a.json)
            || matches!(self, Command::Grep(a) if a.json)
    }
}

/// With `--json`, an error is one JSON document on stdout too, as the server and the MCP tools
/// send it (`{"error": {"code", "message"}}`), its code from zanlex's table.
fn print_error_json(err: &anyhow::Error) {
    let code = crate::common::error_code(err);
    let answer = zanlex::ErrorAnswer::new(code, format!("{err:#}"));
    // A closed stdout leaves the error to stderr, where it goes anyway.
    let _ = print_json(&answer);
}

/// Prints an error on one line and picks its exit code from zanlex's table of error codes
/// ([`zanlex::ErrorCode::exit_code`]): 2 for bad usage, a bad query or an unknown id, 1 else.
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
    let code = crate::common::error_code(err);
    eprintln!("zanlex: {}", terminal_safe(&format!("{err:#}")));
    ExitCode::from(code.exit_code())
}

/// A command-line mistake that clap cannot catch (exit code 2, as every
/// [`zanlex::Error::BadArgument`]).
pub(crate) fn usage(message: impl Into<String>) -> anyhow::Error {
    zanlex::Error::BadArgument(message.into()).into()
}

/// Stdout for an answer of many lines, through a buffer: stdout itself writes at every
/// newline, one system call a line (a list of every act of a national corpus is 235,000).
/// Flush it at the end: an error on drop is lost.
pub(crate) fn answer_out() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

/// Prints one of the library's answers as one JSON document on stdout (`--json`).
pub(crate) fn print_json(answer: &impl serde::Serialize) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = answer_out();
    serde_json::to_writer_pretty(&mut out, answer)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// `--offset` and `--limit` of a page of a list (history, references, a diff's changes).
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct PageArgs {
    /// Entries before the page: the `next_offset` of the page before.
    #[arg(long, value_name = "N")]
    pub offset: Option<u64>,
    /// Entries on the page (10000 when not given); a page past its size in characters stops
    /// where an entry ends and gives the `next_offset`.
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
}

/// Says on stderr, after a page of text, why it was cut and where the next page begins.
pub(crate) fn page_note(page: &zanlex::pages::PageHead) {
    if let Some(cut) = &page.cut {
        eprintln!("zanlex: {cut}");
    } else if let Some(next) = page.next_offset {
        eprintln!("zanlex: more follow; --offset {next} gives the next page");
    }
}

/// A paged request's command after its arguments are checked, the same for every one: the
/// permalinks as `--public-url` says (the official text's address without it), the index
/// opened, the library's `answer` on it, printed as one JSON document (`--json`) or as `text`
/// prints it, then the page's note (`page`: the answer's head) on stderr.
pub(crate) fn run_paged<T: serde::Serialize>(
    cli: &Cli,
    public_url: Option<&str>,
    json: bool,
    answer: impl FnOnce(&zanlex::ZanIndex, &zanlex::pages::Links) -> zanlex::Result<T>,
    text: impl FnOnce(&T) -> anyhow::Result<()>,
    page: fn(&T) -> &zanlex::pages::PageHead,
) -> anyhow::Result<ExitCode> {
    let links = match public_url {
        Some(url) => zanlex::pages::Links::new(Some(url))?,
        None => refs::links(),
    };
    let (index, report) = cli.open_index()?;
    let printed = (|| -> anyhow::Result<()> {
        let answer = answer(&index, &links)?;
        if json {
            return print_json(&answer);
        }
        text(&answer)?;
        page_note(page(&answer));
        Ok(())
    })();
    finish(&report, printed)
}
