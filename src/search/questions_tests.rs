//! The definitions mined from an index meet a thing described with the term the rules define
//! (the search that uses them: `tests/it/search_questions.rs`).

use crate::search::definitions::Definitions;
use crate::test_support::copy_dir;
use crate::{BuildOptions, ZanIndex};
use std::path::Path;

#[test]
fn a_thing_described_finds_the_term_the_rules_define() {
    // The Almaty Rules on dogs and cats define «қаңғыбас иттер мен мысықтар – тіркелмеген,
    // иесін анықтау мүмкін емес …» / «бродячие собаки и кошки – незарегистрированные собаки и
    // кошки, владельца которых невозможно установить …» (att_1 para_4 subpara_6), in the index
    // `tests/it/search_questions.rs` searches: the bundled corpus with the mirror sample and
    // the versioned acts.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    copy_dir(&root.join("corpus"), &corpus);
    copy_dir(&root.join("tests/fixtures/mirror"), &corpus.join("mirror"));
    copy_dir(
        &root.join("tests/fixtures/versions"),
        &corpus.join("versions"),
    );
    let (index, report) =
        ZanIndex::open_or_build(&corpus, dir.path().join("index"), &BuildOptions::default())
            .expect("index builds");
    assert!(report.failures.is_empty(), "{report:?}");
    let mined = Definitions::mine(index.store(), &index.store().searcher()).unwrap();
    assert_eq!(
        mined.terms_for(&["иесі", "жоқ", "тіркелмеген", "иттерді"]),
        ["қаңғыбас иттер мен мысықтар"]
    );
    assert_eq!(
        mined.terms_for(&["незарегистрированные", "собаки", "без", "владельца"]),
        ["бродячие собаки и кошки"]
    );
    // Named in full, the term is not looked for again.
    let named = [
        "бродячие",
        "собаки",
        "кошки",
        "незарегистрированные",
        "владельца",
    ];
    assert!(!mined
        .terms_for(&named)
        .contains(&"бродячие собаки и кошки".to_string()));
}
