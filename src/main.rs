//! The `zanlex` binary: a thin shell over the library's [`zanlex::cli`].

/// mimalloc instead of glibc's malloc: indexing allocates and frees millions of small strings
/// and token buffers across threads; on the 1 GB bench corpus glibc's malloc and free were 8.5 %
/// of the build's CPU time (perf), and the build takes 10–18 % less wall time with mimalloc
/// (built without transparent huge pages, which took the 10 MB build's peak from 130 to 232 MB).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let code = zanlex::cli::main();
    skip_purge_at_exit();
    code
}

/// Tells mimalloc not to hand free memory back to the OS from now on.
///
/// Its exit handler collects the heap and returns every free page to the OS, one `madvise`
/// per 64 KB: about 630 calls and 6–8 ms after a 10 MB build, between the build's last line
/// and the process's exit, which returns all of it anyway (`strace -e trace=write,exit_group`).
/// Until now, while the work runs, freed memory is purged as usual, so peak RSS is unchanged.
fn skip_purge_at_exit() {
    // `mi_option_purge_delay` in mimalloc.h (v2 and v3): -1 purges nothing.
    const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: sets one of mimalloc's options, an atomic store, with a value it documents.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}
