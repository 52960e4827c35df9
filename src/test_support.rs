//! Helpers shared by the unit tests that read the bundled corpus and the fixtures.
#[path = "../tests/support/files.rs"]
mod files;
pub use files::{copy_dir, corpus_file};

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
