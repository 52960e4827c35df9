//! Writes the built-in thesaurus (its groups, abbreviations, clippings and question words) as
//! Rust statics (`build/thesaurus.rs`).

#[path = "build/thesaurus.rs"]
mod thesaurus;

use std::path::Path;

fn main() {
    let files = [
        "thesaurus.tsv",
        "abbreviations.tsv",
        "clippings.tsv",
        "question_words.tsv",
        "thesaurus_keys.tsv",
    ];
    for f in files {
        println!("cargo:rerun-if-changed=data/{f}");
    }
    println!("cargo:rerun-if-changed=build/thesaurus.rs");
    let read = |f: &str| std::fs::read_to_string(Path::new("data").join(f)).unwrap_or_default();
    let [thesaurus, abbreviations, clippings, question_words, keys] = files.map(read);
    let static_of = |files: &[(&str, bool)]| match thesaurus::compiled(files, &keys) {
        Some(c) => format!("Some({c})"),
        None => "None".to_string(),
    };
    let source = format!(
        "/// The built-in thesaurus with its abbreviations, clippings and question words met one way\n\
         /// ([`Thesaurus::builtin`]).\n\
         static COMPILED_BUILTIN: Option<Compiled> = {};\n\
         /// The abbreviations alone, met one way ([`spelled_out_listed`]).\n\
         static COMPILED_LISTED: Option<Compiled> = {};\n",
        static_of(&[
            (thesaurus.as_str(), false),
            (abbreviations.as_str(), true),
            (clippings.as_str(), true),
            (question_words.as_str(), true),
        ]),
        static_of(&[(abbreviations.as_str(), true)]),
    );
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("thesaurus.rs");
    std::fs::write(out, source).expect("OUT_DIR is writable");
}
