//! A Markdown source from decoded text to an act: front matter and lines, then the structure
//! stage's Markdown layout, as `ingest` runs them on a `.md` file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zanlex::fuzzing::{build_act, detect_lang, parse_markdown, Extracted};
use zanlex::{Source, SourceFormat};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (meta, lines) = parse_markdown(text);
    let doc = Extracted {
        source: Source {
            file: "corpus/fuzz/kaz.md".into(),
            format: SourceFormat::Markdown,
            sha256: String::new(),
            encoding: "utf-8".into(),
            parts: Vec::new(),
        },
        meta,
        lang: detect_lang(&lines),
        lines,
        warnings: Vec::new(),
        folder_meta: None,
    };
    let _ = build_act(&doc);
});
