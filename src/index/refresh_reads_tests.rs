//! An incremental refresh parses only the files that changed and the files linked to them
//! (editions of one act, an amending act and its target, the two texts of a mirror folder),
//! linked now or at the previous build: after each edit the index holds what a fresh build of
//! the same corpus holds, and the refresh parsed exactly the files the edit links.

use crate::index::refresh_links_tests::{assert_same_as_fresh, documents};
use crate::test_support::copy_dir;
use crate::{refresh, BuildOptions, RefreshReport};
use std::path::{Path, PathBuf};

/// Copies the folder `from` into `to`, subfolders too.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_tree(&p, &dest);
        } else {
            std::fs::copy(&p, dest).unwrap();
        }
    }
}

/// Replaces every `from` in `path` with `to` (which must change it).
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{}: no {from:?}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// Refreshes the index at `idx` incrementally, checks that it parsed `parsed` files and
/// that it holds what a fresh build holds: the same documents, the same manifest, and the
/// same output of `acts`, `units` and `history` for every act and of a search.
fn refresh_parsing(corpus: &Path, idx: &Path, tmp: &Path, parsed: usize) -> RefreshReport {
    let r = refresh(corpus, idx, &BuildOptions::default()).unwrap();
    assert!(!r.rebuilt && r.changed, "{r:?}");
    assert_eq!(r.parsed, parsed, "{r:?}");
    assert_same_as_fresh(corpus, idx, tmp);
    let fresh = tmp.join("fresh");
    assert_eq!(manifest(idx).files, manifest(&fresh).files);
    // The manifest went on as the entries changed over the whole manifest written before.
    let mut written: Vec<String> = manifest_files(idx)
        .iter()
        .map(|name| {
            name.rsplit_once('-')
                .unwrap()
                .1
                .split_once('.')
                .unwrap()
                .1
                .to_string()
        })
        .collect();
    written.sort();
    assert_eq!(written, ["delta.lz4", "postcard.lz4"]);
    // The typed answers the command line renders (`acts`, `units`, `history` for every act,
    // and a search), and the files each index reports not indexed (the exit code's cause).
    let open = |index: &Path| {
        crate::ZanIndex::open_or_build(corpus, index, &BuildOptions::default()).unwrap()
    };
    let ((got, got_report), (want, want_report)) = (open(idx), open(&fresh));
    assert_eq!(got_report.failures, want_report.failures);
    let acts = got.act_list(&got_report.failures).unwrap();
    assert!(
        acts == want.act_list(&want_report.failures).unwrap(),
        "acts differ from a fresh build's"
    );
    assert!(!acts.acts.is_empty());
    for entry in &acts.acts {
        let id = entry.first.id.as_str();
        assert!(
            got.unit_tree(id, None).unwrap() == want.unit_tree(id, None).unwrap(),
            "units {id} differ from a fresh build's"
        );
        assert!(
            got.act_history(id, None, None, false).unwrap()
                == want.act_history(id, None, None, false).unwrap(),
            "history {id} differs from a fresh build's"
        );
    }
    // Scores count the documents a refresh deleted until their segment is merged, so hits
    // that score alike may swap: every hit is compared without its score and rank.
    let search = |z: &crate::ZanIndex| {
        let request = crate::SearchRequest::new("қағидалары")
            .limit(1000)
            .references(true);
        let mut found = z.search(&request).unwrap();
        for hit in &mut found.hits {
            (hit.score, hit.rank) = (0.0, 0);
        }
        let mut hits: Vec<String> = found
            .hits
            .iter()
            .map(|h| serde_json::to_string(h).unwrap())
            .collect();
        hits.sort();
        (found.total, hits)
    };
    let (total, hits) = search(&got);
    assert!(!hits.is_empty() && total == hits.len(), "{total}");
    assert!(
        search(&want) == (total, hits),
        "the search differs from a fresh build's"
    );
    r
}

/// The names of the manifest's files in the generation in force of the index at `dir`.
fn manifest_files(dir: &Path) -> Vec<String> {
    let gen = crate::index::layout::IndexDir::new(dir).current().unwrap();
    let names: Vec<String> = std::fs::read_dir(gen)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("zanlex-manifest-"))
        .collect();
    names
}

fn manifest(dir: &Path) -> crate::index::Manifest {
    let index = crate::ZanIndex::open(dir).unwrap();
    crate::index::build::read_manifest(index.store().tantivy()).unwrap()
}

/// The bundled corpus (five unrelated acts), an act with the act amending it, and two
/// editions of another act, in one folder: 9 files.
fn mixed_corpus(tmp: &Path) -> PathBuf {
    let corpus = tmp.join("corpus");
    copy_dir(Path::new("corpus"), &corpus);
    copy_dir(Path::new("tests/fixtures/amend/apply"), &corpus);
    copy_dir(
        Path::new("tests/fixtures/versions/codes_104316_government"),
        &corpus,
    );
    corpus
}

#[test]
fn a_refresh_parses_the_changed_files_and_those_linked_to_them() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = mixed_corpus(tmp.path());
    let idx = tmp.path().join("index");
    let built = refresh(&corpus, &idx, &BuildOptions::default()).unwrap();
    assert!(built.rebuilt && built.failures.is_empty(), "{built:?}");
    assert_eq!(built.parsed, 9);

    // An unrelated act: itself alone.
    let unrelated = corpus.join("000_59abb921da226678.txt");
    let mut bytes = std::fs::read(&unrelated).unwrap();
    bytes.extend_from_slice("\n      5. Қосымша тармақ.\n".as_bytes());
    std::fs::write(&unrelated, bytes).unwrap();
    let r = refresh_parsing(&corpus, &idx, tmp.path(), 1);
    assert_eq!(r.updated, ["corpus/000_59abb921da226678.txt"]);
    assert_eq!(r.unchanged, 8);

    // The same bytes written again: nothing is read.
    let target = corpus.join("010_target.txt");
    std::fs::write(&target, std::fs::read(&target).unwrap()).unwrap();
    let r = refresh(&corpus, &idx, &BuildOptions::default()).unwrap();
    assert!(!r.changed && r.parsed == 0, "{r:?}");

    // The amended act: with the act amending it, whose instructions apply to its new text.
    edit(&target, "сынақ тәртібін", "сынақ өткізу тәртібін");
    let r = refresh_parsing(&corpus, &idx, tmp.path(), 2);
    assert_eq!(r.updated, ["corpus/010_target.txt"]);

    // The amending act now amends another act: its former target is read again and loses
    // the version the instructions gave it.
    let amending = corpus.join("011_amending.txt");
    edit(&amending, "№ 11-1-4/99 бұйрығына", "№ 11-1-4/98 бұйрығына");
    let r = refresh_parsing(&corpus, &idx, tmp.path(), 2);
    assert_eq!(
        r.updated,
        ["corpus/010_target.txt", "corpus/011_amending.txt"]
    );
    let applied = |idx: &Path| {
        documents(idx)
            .iter()
            .filter(|d| d.2.starts_with("applied:"))
            .count()
    };
    assert_eq!(applied(&idx), 0);
    edit(&amending, "№ 11-1-4/98 бұйрығына", "№ 11-1-4/99 бұйрығына");
    refresh_parsing(&corpus, &idx, tmp.path(), 2);
    assert!(applied(&idx) > 0);

    // An older edition: with the newer one, whose act holds both.
    edit(
        &corpus.join("kaz@2c716769_v2022-11-05.md"),
        "мәртебесi",
        "мәртебесі",
    );
    let r = refresh_parsing(&corpus, &idx, tmp.path(), 2);
    assert_eq!(
        r.updated,
        [
            "corpus/kaz@0c5d4a0f_v2023-04-19.md",
            "corpus/kaz@2c716769_v2022-11-05.md"
        ]
    );

    // The amending act removed: its target alone is read.
    std::fs::remove_file(&amending).unwrap();
    let r = refresh_parsing(&corpus, &idx, tmp.path(), 1);
    assert_eq!(r.removed, ["corpus/011_amending.txt"]);
    assert_eq!(r.updated, ["corpus/010_target.txt"]);
    assert_eq!(applied(&idx), 0);
    // And back: both.
    std::fs::copy("tests/fixtures/amend/apply/011_amending.txt", &amending).unwrap();
    let r = refresh_parsing(&corpus, &idx, tmp.path(), 2);
    assert_eq!(r.added, ["corpus/011_amending.txt"]);
    assert_eq!(r.unchanged, 7);

    // A file written again with the same bytes while another changes: it is not read, and
    // its entry takes its new time, as a fresh build records it.
    let same = corpus.join("001_e93b22564f257a40.txt");
    std::fs::write(&same, std::fs::read(&same).unwrap()).unwrap();
    edit(&unrelated, "Қосымша тармақ", "Қосымша екінші тармақ");
    let r = refresh_parsing(&corpus, &idx, tmp.path(), 1);
    assert_eq!(r.updated, ["corpus/000_59abb921da226678.txt"]);
    assert_eq!(r.unchanged, 8);
}

/// The folder of the short 90315 decision in the mirror fixtures, relative to them.
const SHORT_DECISION: &str = "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/15400000-almatinskoi-oblasti/2015/0520-ob-utverzhdenii-perechnia-sotsialno-znachimykh-passazhirskikh-me-90315";

#[test]
fn a_refresh_reads_both_texts_of_a_mirror_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_tree(Path::new("tests/fixtures/mirror"), &corpus);
    let idx = tmp.path().join("index");
    let built = refresh(&corpus, &idx, &BuildOptions::default()).unwrap();
    assert!(built.rebuilt && built.failures.is_empty(), "{built:?}");
    assert_eq!(built.parsed, 14);
    let folder = corpus.join(SHORT_DECISION);

    // The Russian text takes its id from the Kazakh one: both are read.
    edit(&folder.join("rus.md"), "РЕШИЛ", "РЕШИЛ следующее");
    let r = refresh_parsing(&corpus, &idx, tmp.path(), 2);
    assert_eq!(r.unchanged, 13);
    edit(&folder.join("kaz.md"), "Алматы", "Алматы облысы");
    refresh_parsing(&corpus, &idx, tmp.path(), 2);
    // Their meta.yaml changes both.
    let meta = folder.join("meta.yaml");
    let mut text = std::fs::read_to_string(&meta).unwrap();
    text.push_str("# checked\n");
    std::fs::write(&meta, text).unwrap();
    refresh_parsing(&corpus, &idx, tmp.path(), 2);
    // The Russian text gone: the Kazakh one alone.
    std::fs::remove_file(folder.join("rus.md")).unwrap();
    let r = refresh_parsing(&corpus, &idx, tmp.path(), 1);
    assert_eq!(r.removed.len(), 1, "{r:?}");
}

#[test]
fn a_russian_text_beside_several_kazakh_acts_reads_two_of_them() {
    // A Russian text in a folder of five Kazakh acts takes no id from them: it is not linked
    // to them, but ingestion must see the folder hold several acts, so two are read with it.
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_dir(Path::new("corpus"), &corpus);
    let russian = corpus.join("rus.md");
    std::fs::copy(
        Path::new("tests/fixtures/mirror")
            .join(SHORT_DECISION)
            .join("rus.md"),
        &russian,
    )
    .unwrap();
    let idx = tmp.path().join("index");
    let built = refresh(&corpus, &idx, &BuildOptions::default()).unwrap();
    assert!(built.rebuilt && built.failures.is_empty(), "{built:?}");
    assert_eq!(built.parsed, 6);

    edit(&russian, "РЕШИЛ", "РЕШИЛ следующее");
    let r = refresh_parsing(&corpus, &idx, tmp.path(), 3);
    assert_eq!(r.updated, ["corpus/rus.md"]);
    // With one of the Kazakh acts: read alone with it, the Russian text would take its id.
    edit(&russian, "РЕШИЛ следующее", "РЕШИЛ");
    let kazakh = corpus.join("004_46f9999d47256b55.txt");
    let mut bytes = std::fs::read(&kazakh).unwrap();
    bytes.push(b'\n');
    std::fs::write(&kazakh, bytes).unwrap();
    let r = refresh_parsing(&corpus, &idx, tmp.path(), 4);
    assert_eq!(
        r.updated,
        ["corpus/004_46f9999d47256b55.txt", "corpus/rus.md"]
    );
    // A Kazakh act: itself alone, the folder holding several acts then and now.
    edit(
        &corpus.join("000_59abb921da226678.txt"),
        "Сұрақтың мазмұны",
        "Сұрақтың толық мазмұны",
    );
    refresh_parsing(&corpus, &idx, tmp.path(), 1);
}

#[test]
fn a_second_undated_edition_stays_refused_unread() {
    // Two undated editions of one act: the second is refused for what the first holds. A
    // change elsewhere reads neither and still reports it; a change to it reads both.
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_dir(Path::new("corpus"), &corpus);
    let editions = Path::new("tests/fixtures/versions/codes_104316_government");
    for (from, to) in [
        ("kaz@2c716769_v2022-11-05.md", "law_a.md"),
        ("kaz@0c5d4a0f_v2023-04-19.md", "law_b.md"),
    ] {
        let text = std::fs::read_to_string(editions.join(from)).unwrap();
        let undated: String = text
            .lines()
            .filter(|l| !l.starts_with("version_date") && !l.starts_with("source"))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(corpus.join(to), undated).unwrap();
    }
    let idx = tmp.path().join("index");
    let built = refresh(&corpus, &idx, &BuildOptions::default()).unwrap();
    assert_eq!(built.parsed, 7);
    let refused = |r: &RefreshReport| r.failures.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(refused(&built), ["corpus/law_b.md"]);

    edit(
        &corpus.join("000_59abb921da226678.txt"),
        "Сұрақтың мазмұны",
        "Сұрақтың толық мазмұны",
    );
    let r = refresh_parsing(&corpus, &idx, tmp.path(), 1);
    assert_eq!(refused(&r), ["corpus/law_b.md"]);
    edit(&corpus.join("law_b.md"), "мәртебесi", "мәртебесі");
    let r = refresh_parsing(&corpus, &idx, tmp.path(), 2);
    assert_eq!(refused(&r), ["corpus/law_b.md"]);
}

#[cfg(unix)]
#[test]
fn a_file_the_walk_skips_leaves_other_changes_read_alone() {
    // A broken link is named as not indexed on every run; it links to nothing, so an edit
    // elsewhere still reads the edited file alone.
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_dir(Path::new("corpus"), &corpus);
    std::os::unix::fs::symlink(tmp.path().join("nowhere.txt"), corpus.join("broken.txt")).unwrap();
    let idx = tmp.path().join("index");
    let built = refresh(&corpus, &idx, &BuildOptions::default()).unwrap();
    assert_eq!(built.parsed, 5);
    let skipped = |r: &RefreshReport| r.failures.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(skipped(&built), ["corpus/broken.txt"]);
    for word in ["толық", "барлық"] {
        edit(
            &corpus.join("000_59abb921da226678.txt"),
            "Сұрақтың мазмұны",
            &format!("Сұрақтың {word} мазмұны"),
        );
        let r = refresh_parsing(&corpus, &idx, tmp.path(), 1);
        assert_eq!(skipped(&r), ["corpus/broken.txt"]);
        edit(
            &corpus.join("000_59abb921da226678.txt"),
            &format!("Сұрақтың {word} мазмұны"),
            "Сұрақтың мазмұны",
        );
    }
}
