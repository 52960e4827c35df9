//! The search query parser over any text a user might type.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(q) = zanlex::fuzzing::parse_query(input) {
        let _ = q.is_plain_words();
        let _ = q.positive_parts();
    }
});
