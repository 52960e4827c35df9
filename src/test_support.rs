//! Helpers shared by the unit tests that read the bundled corpus and the fixtures.

use std::path::PathBuf;

/// The bundled corpus's `.txt` file whose name starts with `prefix` (`"003"`).
pub fn corpus_file(prefix: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .expect("corpus file")
}

/// Copies folder `from` into `to` (created when missing), subfolders included.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("target folder");
    for e in std::fs::read_dir(from).expect("source folder") {
        let p = e.expect("folder entry").path();
        let target = to.join(p.file_name().expect("file name"));
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            std::fs::copy(&p, target).expect("copy");
        }
    }
}

/// The unit tests' allocator: the system's, counting the heap bytes each thread holds, so a
/// test can bound the memory a call needs ([`peak_heap`]) however the other tests run beside it.
#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

pub struct CountingAlloc;

thread_local! {
    /// Bytes this thread allocated and has not freed (frees of another thread's memory make
    /// it negative), and the highest value since [`peak_heap`] started.
    static LIVE: std::cell::Cell<isize> = const { std::cell::Cell::new(0) };
    static PEAK: std::cell::Cell<isize> = const { std::cell::Cell::new(0) };
}

fn count(delta: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call goes to `System`, which upholds `GlobalAlloc`'s contract; the counting
// touches only const-initialized thread-locals, which never allocate.
unsafe impl std::alloc::GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        count(layout.size() as isize);
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        count(-(layout.size() as isize));
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        count(layout.size() as isize);
        unsafe { std::alloc::System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        count(new_size as isize - layout.size() as isize);
        unsafe { std::alloc::System.realloc(ptr, layout, new_size) }
    }
}

/// Runs `f` on this thread and returns its result with the most heap bytes it held at once
/// beyond what the thread held before (its own allocations only: `f` must not hand work to
/// other threads).
pub fn peak_heap<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.with(|l| l.get());
    PEAK.with(|p| p.set(base));
    let out = f();
    let peak = PEAK.with(|p| p.get());
    (out, (peak - base).max(0) as usize)
}
