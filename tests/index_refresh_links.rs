//! Incremental refresh across linked acts: a file whose own bytes did not change is written
//! again when an act it links to changes (the manifest's `acts_hash`), and not otherwise.

use std::path::Path;
use zanlex::index::{refresh, BuildOptions};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        std::fs::write(to.join(p.file_name().unwrap()), std::fs::read(&p).unwrap()).unwrap();
    }
}

#[test]
fn a_target_is_reindexed_when_its_amending_act_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_dir(Path::new("tests/fixtures/amend/apply"), &corpus);
    let idx = tmp.path().join("index");
    let opts = BuildOptions::default();

    let first = refresh(&corpus, &idx, &opts).unwrap();
    assert!(first.rebuilt && first.failures.is_empty(), "{first:?}");
    assert_eq!(
        first.added,
        ["corpus/010_target.txt", "corpus/011_amending.txt"]
    );
    let again = refresh(&corpus, &idx, &opts).unwrap();
    assert!(!again.changed && again.unchanged == 2, "{again:?}");

    // The same bytes written again (new mtime): nothing to write.
    let target = corpus.join("010_target.txt");
    std::fs::write(&target, std::fs::read(&target).unwrap()).unwrap();
    let touched = refresh(&corpus, &idx, &opts).unwrap();
    assert!(
        touched.updated.is_empty() && touched.added.is_empty(),
        "{touched:?}"
    );

    // The amending act's publication date moves the date its instructions apply from: the
    // target's bytes are the same, but its applied version is not.
    std::fs::write(
        corpus.join("011_amending.meta.toml"),
        "publication_date = \"2020-05-20\"\n",
    )
    .unwrap();
    let linked = refresh(&corpus, &idx, &opts).unwrap();
    assert!(!linked.rebuilt, "{linked:?}");
    assert_eq!(
        linked.updated,
        ["corpus/010_target.txt", "corpus/011_amending.txt"],
        "{linked:?}"
    );
    let settled = refresh(&corpus, &idx, &opts).unwrap();
    assert!(!settled.changed, "{settled:?}");
}
