//! Source byte decoding (UTF-8/16, KZ-1048, Windows-1251) over arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((text, _)) = zanlex::fuzzing::decode(data) {
        // What extraction does next with a decoded text.
        let _ = zanlex::fuzzing::text_lines(&text);
    }
});
