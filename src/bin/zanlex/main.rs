//! The `zanlex` binary: the command line, the server and the MCP tools, renderings of the
//! zanlex library's answers.

mod cli;
mod common;
mod mcp;
mod serve;

/// mimalloc instead of the system allocator: indexing allocates and frees millions of small
/// strings and token buffers across threads, where glibc's malloc costs a noticeable share of
/// a build (see `docs/performance.md`). Built without transparent huge pages, which would
/// raise a small build's peak memory.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // Fault injection for the crash tests: `FAILPOINTS=point=action` takes effect only in a
    // build with the feature `failpoints`, which releases never have.
    let _faults = fail::FailScenario::setup();
    cli::main()
}
