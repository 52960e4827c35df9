//! `zanlex watch`.

use super::{report_refresh, terminal_safe, Cli};
use std::process::ExitCode;
use std::time::Duration;
use zanlex::{CorpusWatch, ZanIndex};

/// Arguments of `zanlex watch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How often to look whether the corpus sent events, in milliseconds.
    #[arg(long, default_value_t = 200, value_name = "MS")]
    pub every_ms: u64,
}

/// Runs `zanlex watch`: builds or refreshes the index, then refreshes it whenever the corpus's
/// files change, until stopped. Meanwhile other commands on the same index read no file's
/// size and time: they ask the watcher ([`CorpusWatch`]).
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    if cli.history {
        return Err(super::usage(
            "`zanlex watch` watches a corpus folder; for the new commits of a git checkout run \
             `zanlex serve --history`",
        ));
    }
    let mut opts = cli.build_options(false);
    // The watcher's own refreshes check every file: they are what the others trust.
    opts.scan_limit = None;
    let corpus = cli.corpus.clone();
    let (_, report) = ZanIndex::open_or_build(&corpus, &cli.index, &opts)?;
    // Between refreshes the watcher holds next to nothing: what a refresh freed goes back.
    crate::release_freed_memory();
    report_refresh(cli, &report);
    let watch = CorpusWatch::start(&corpus, &cli.index)?;
    eprintln!(
        "zanlex: watching {} for {} (Ctrl-C stops)",
        terminal_safe(&corpus.display().to_string()),
        terminal_safe(&cli.index.display().to_string())
    );
    // None: the changes made before the watch began are taken in by a first refresh.
    let mut refreshed = None;
    loop {
        let seen = watch.changes();
        if refreshed != Some(seen) {
            // The files events named are compared by content: an edit may keep size and time.
            opts.rehash = watch.rehash();
            match ZanIndex::open_or_build(&corpus, &cli.index, &opts) {
                Ok((_, report)) => {
                    report_refresh(cli, &report);
                    watch.mark_refreshed(seen);
                }
                Err(e) => eprintln!(
                    "zanlex: could not refresh the index ({}); trying again at the next change",
                    terminal_safe(&e.to_string())
                ),
            }
            crate::release_freed_memory();
            refreshed = Some(seen);
        }
        std::thread::sleep(Duration::from_millis(args.every_ms.max(10)));
    }
}
