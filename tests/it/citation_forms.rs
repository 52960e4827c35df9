//! Citations in official form of acts whose metadata comes in other shapes, built into an index
//! and searched by kind.

use std::collections::BTreeSet;
use std::path::Path;
use zanlex::{ActKind, BuildOptions};

/// Metadata in other shapes than a `meta.yaml`: a `.meta.toml` beside the Russian text only, a
/// `meta/` folder with the text's file name, a front matter in one language only. Each joins
/// the texts of its folder into one act with its kind, date and number.
#[test]
fn sidecars_in_other_shapes_join_the_act_s_expressions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let gov = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mirror/codes/01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316");
    let requisite = "requisite = \"Конституционный закон Республики Казахстан от 18 декабря 1995 года № 2688\"\nform = \"КЗАК\"\napproved_by = [\"101000000000\"]\n";
    // A: the Russian text's sidecar; the Kazakh text has none.
    std::fs::create_dir_all(corpus.join("a")).expect("folder");
    std::fs::copy(gov.join("kaz.md"), corpus.join("a/kaz.md")).expect("copy");
    std::fs::copy(gov.join("rus.md"), corpus.join("a/rus.md")).expect("copy");
    std::fs::write(corpus.join("a/rus.meta.toml"), requisite).expect("write");
    // B: a `meta/` folder named after the Russian text.
    std::fs::create_dir_all(corpus.join("b/meta")).expect("folder");
    std::fs::copy(gov.join("rus.md"), corpus.join("b/rus_2022-11-05.md")).expect("copy");
    std::fs::write(corpus.join("b/meta/rus_2022-11-05.md.toml"), requisite).expect("write");
    // C: a front matter in the Russian text only.
    std::fs::create_dir_all(corpus.join("c")).expect("folder");
    let rus = std::fs::read_to_string(gov.join("rus.md")).expect("read");
    std::fs::write(
        corpus.join("c/rus_2021-01-01.md"),
        format!("---\nrequisite: Конституционный закон Республики Казахстан от 18 декабря 1995 года № 2688\nform: КЗАК\n---\n\n{rus}"),
    )
    .expect("write");
    std::fs::copy(gov.join("kaz.md"), corpus.join("c/kaz_2021-01-01.md")).expect("copy");
    let built = tempfile::tempdir().expect("temp dir");
    let index = crate::common::build_clean(
        &corpus,
        built.path().join("index"),
        &BuildOptions::default(),
    );
    let acts = index.acts().expect("acts");
    let ids: BTreeSet<&str> = acts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, BTreeSet::from(["constitutional-law-1995-12-18-2688"]));
    let act = &acts[0];
    assert_eq!(act.kind, ActKind::ConstitutionalLaw);
    assert_eq!(act.issuances[0].issuer_code, "president");
    // Every text is an expression or an edition of that one act.
    let mut files: Vec<String> = acts
        .iter()
        .flat_map(|a| {
            std::iter::once(a.source.file.clone())
                .chain(a.versions.iter().map(|v| v.source.file.clone()))
        })
        .collect();
    files.sort();
    files.dedup();
    for f in [
        "corpus/a/kaz.md",
        "corpus/a/rus.md",
        "corpus/b/rus_2022-11-05.md",
        "corpus/c/rus_2021-01-01.md",
        "corpus/c/kaz_2021-01-01.md",
    ] {
        assert!(files.iter().any(|x| x == f), "{f} in {files:?}");
    }
    // `--kind constitutional_law` finds the Russian text.
    let index = tempfile::tempdir().expect("temp dir");
    let (code, out, err) = crate::common::zanlex_with(
        &index,
        &[
            "search",
            "Правительство Республики",
            "--kind",
            "constitutional_law",
            "--lang",
            "ru",
            "--json",
            "--corpus",
            &corpus.to_string_lossy(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert!(v["total"].as_u64().unwrap_or(0) > 0, "{out}");
}
