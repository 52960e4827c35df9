//! The PDF reader over arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = zanlex::internals::extract::pdf::extract_pdf(data);
});
