//! The PDF reader over arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = zanlex::fuzzing::extract_pdf(data);
});
