//! Panics caught on purpose. A file that trips a bug in a parser, or an index file damaged on
//! disk that trips one in tantivy, becomes that file's or that read's one-line error, and the
//! rest of the work goes on; the panic itself is not printed on top of that error.

use std::any::Any;
use std::cell::Cell;

thread_local! {
    /// How many [`catch`]es this thread is inside.
    static CATCHING: Cell<usize> = const { Cell::new(0) };
}

/// Runs `f`; a panic inside it comes back as its message instead of unwinding further.
pub(crate) fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    CATCHING.with(|c| c.set(c.get() + 1));
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(c.get() - 1));
    caught.map_err(|panic| message(panic.as_ref()))
}

/// A panic's message on one line, cut to 160 characters.
fn message(panic: &(dyn Any + Send)) -> String {
    let text = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into());
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(160)
        .collect()
}

/// Installs a panic hook that says nothing about panics `catch` turns into errors (those
/// errors are reported instead) and hands every other panic to the hook installed before.
/// The `zanlex` binary installs it; a library user decides for their own process.
pub fn install_quiet_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if CATCHING.with(Cell::get) == 0 {
            previous(info);
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caught_panic_is_its_message() {
        let caught = catch(|| -> u8 { panic!("bad\n  bytes at {}", 7) });
        assert_eq!(caught, Err("bad bytes at 7".to_string()));
        assert_eq!(catch(|| 5), Ok(5));
        assert_eq!(CATCHING.with(Cell::get), 0);
    }
}
