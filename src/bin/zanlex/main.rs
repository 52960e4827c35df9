//! The `zanlex` binary: the command line, the server and the MCP tools, renderings of the
//! zanlex library's answers.

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

fn main() -> std::process::ExitCode {
    // Fault injection for the crash tests: `FAILPOINTS=point=action` takes effect only in a
    // build with the feature `failpoints`, which releases never have.
    let _faults = fail::FailScenario::setup();
    cli::main()
}
