//! Amendment parsing: the note and instruction parsers on the raw text, then the whole path of
//! one in-memory text (structure, then `annotate_act`, which parses every note and amending
//! paragraph the act holds).
#![no_main]

use libfuzzer_sys::fuzz_target;
use zanlex::fuzzing::{
    annotate_act, build_act, detect_lang, notes, notes_ru, parse_instructions, parse_markdown,
    parse_target_act, text_lines, Extracted,
};
use zanlex::{Source, SourceFormat};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the layout, so one corpus covers both.
    let Some((&layout, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let _ = parse_instructions(text);
    let _ = parse_target_act(text);
    let _ = notes::parse_note_explained(text);
    let _ = notes::parse_unit_citation(text);
    let body = notes_ru::strip_prefix(text).unwrap_or(text);
    let _ = notes_ru::parse_body(body, None);
    let _ = notes_ru::parse_unit_citation(text);
    let _ = notes_ru::unit_refs(text);

    let markdown = layout & 1 == 1;
    let (meta, lines) = if markdown {
        parse_markdown(text)
    } else {
        (Default::default(), text_lines(text))
    };
    let doc = Extracted {
        source: Source {
            file: if markdown {
                "corpus/fuzz/kaz.md"
            } else {
                "corpus/fuzz.txt"
            }
            .into(),
            format: if markdown {
                SourceFormat::Markdown
            } else {
                SourceFormat::Text
            },
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
    if let Ok(mut act) = build_act(&doc) {
        annotate_act(&mut act);
    }
});
