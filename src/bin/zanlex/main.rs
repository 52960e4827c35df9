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
/// While the command runs, freed memory is purged as before, so peak RSS is unchanged.
fn skip_purge_at_exit() {
    // SAFETY: sets one of mimalloc's options, an atomic store, to a value it documents.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

/// `mi_option_purge_delay` in mimalloc.h (v2 and v3; libmimalloc-sys names no constant for
/// it): milliseconds before freed memory is purged, -1 for never.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

#[cfg(test)]
mod tests {
    /// The option index names the purge delay: its default in this mimalloc (v3) is 1000 ms,
    /// which no neighbouring option has. mimalloc reads `MIMALLOC_PURGE_DELAY` from the
    /// environment, which would replace the default.
    #[test]
    fn the_purge_delay_option_is_the_one_set_at_exit() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            eprintln!("skipped: MIMALLOC_PURGE_DELAY is set, so the default cannot be checked");
            return;
        }
        // SAFETY: reads one of mimalloc's options.
        let delay = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(delay, 1000);
    }
}
