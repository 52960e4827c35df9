//! A plain-text source from decoded text to an act: extraction's repairs, then the structure
//! stage (header, units), as `ingest` runs them on a `.txt` file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zanlex::fuzzing::{build_act, detect_lang, text_lines, Extracted};
use zanlex::{Source, SourceFormat};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines = text_lines(text);
    let doc = Extracted {
        source: Source {
            file: "corpus/fuzz.txt".into(),
            format: SourceFormat::Text,
            sha256: String::new(),
            encoding: "utf-8".into(),
            parts: Vec::new(),
        },
        meta: Default::default(),
        lang: detect_lang(&lines),
        lines,
        warnings: Vec::new(),
        folder_meta: None,
    };
    let _ = build_act(&doc);
});
