//! The `zanlex` binary: the command line, the server and the MCP tools, renderings of the
//! zanlex library's answers.
//!
//! Each door is a module of its own: [`cli`] (the commands that print an answer), [`serve`]
//! (the HTTP API and the page) and [`mcp`] (the MCP tools), over what both servers share
//! ([`served`]) and what every door shares ([`common`]). No door names another: this root
//! parses the command line and hands each subcommand to its door, and gives the HTTP server
//! the MCP endpoint it mounts at `/mcp`.

use clap::Parser;
use std::process::ExitCode;

mod cli;
mod common;
mod mcp;
mod serve;
mod served;

/// mimalloc instead of the system allocator: indexing allocates and frees millions of small
/// strings and token buffers across threads, where glibc's malloc costs a noticeable share of
/// a build (see `docs/performance.md`). Built without transparent huge pages, which would
/// raise a small build's peak memory.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Hands the memory freed so far back to the system. mimalloc purges freed pages lazily, on
/// the thread that owns them, when that thread allocates again: the threads a server's refresh
/// ran on then sit idle, and what the refresh freed stays resident until the next one. Called
/// after each refresh, not set as a shorter purge delay for the whole process, which slows
/// every search that frees and allocates again.
pub(crate) fn release_freed_memory() {
    // SAFETY: `mi_collect` takes no pointer and may be called from any thread at any time.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

/// zanlex: search Kazakhstan's normative acts in Kazakh, with pinpoint citations.
#[derive(Debug, Parser)]
#[command(name = "zanlex", version, about, long_about = None)]
struct Zanlex {
    #[command(flatten)]
    cli: cli::Cli,
    #[command(subcommand)]
    command: Command,
}

/// The subcommands (docs/json.md lists their JSON): the command line's own, and the servers.
#[derive(Debug, clap::Subcommand)]
enum Command {
    #[command(flatten)]
    Cli(cli::Command),
    /// Serve the JSON API and the web page over HTTP.
    Serve(serve::Args),
    /// Serve the search as tools of the Model Context Protocol over stdio, for assistants.
    Mcp(mcp::Args),
}

/// Parses the command line and runs it. Exit codes (README "Exit codes"): 0 done, every file
/// of the corpus indexed; 1 done, but files could not be indexed (each named on stderr), or
/// the command failed; 2 bad usage, a bad query or an unknown act, unit or version.
fn main() -> ExitCode {
    // Fault injection for the crash tests: `FAILPOINTS=point=action` takes effect only in a
    // build with the feature `failpoints`, which releases never have.
    let _faults = fail::FailScenario::setup();
    cli::init();
    let Zanlex { cli, command } = Zanlex::parse();
    let result = match &command {
        Command::Cli(c) => cli::run(&cli, c),
        // A replica reads no corpus: only the index published into `--index`.
        Command::Serve(a) if a.replica => {
            serve::run(&cli.corpus, &cli.index, false, None, a, mcp::http_route)
        }
        // With `--history` the corpus served is the checkout's editions folder, and the
        // server goes on reading the checkout's new commits into it. A server that watches
        // reads them on its first look, serving the index it has meanwhile: a history read
        // whole again (editions of an older layout) takes minutes at national scale.
        Command::Serve(a) => {
            let synced = cli.synced_editions().filter(|_| a.watch_secs > 0);
            synced
                .map_or_else(|| cli.corpus(None, false), Ok)
                .and_then(|c| {
                    let history = (c != cli.corpus).then_some(cli.corpus.as_path());
                    serve::run(&c, &cli.index, cli.follow, history, a, mcp::http_route)
                })
        }
        Command::Mcp(a) => cli.corpus(None, false).and_then(|c| {
            let history = (c != cli.corpus).then_some(cli.corpus.as_path());
            mcp::run(&c, &cli.index, cli.follow, history, a)
        }),
    };
    let json = matches!(&command, Command::Cli(c) if c.error_as_json());
    cli::exit(result, json)
}
