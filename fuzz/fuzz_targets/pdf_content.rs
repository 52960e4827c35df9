//! A page's content stream over arbitrary bytes: operators read one at a time, within the caps.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = zanlex::fuzzing::content_stream_lines(data);
});
