//! The lexicon's counts follow each refresh (`tests/fixtures/mirror`, bilingual acts): after
//! an act's Russian text changes, after an act is removed and after it comes back, the
//! lexicon stored with the commit is the one learned from every act afresh, and it was made by
//! updating the counts stored with the commit before it, not by counting every act again.

use super::{learn, read_counts, StoredCounts, COUNTS_FILE, COUNTS_LOG, LEXICON_FILE};
use crate::index::layout::IndexDir;
use crate::index::Store;
use crate::lexicon::Lexicon;
use crate::test_support::copy_dir;
use crate::{refresh, BuildOptions};
use std::path::{Path, PathBuf};

/// The folder of the rules on keeping dogs and cats (89455) in the mirror fixtures.
const DOGS_AND_CATS: &str = "local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/\
    15400000-almatinskoi-oblasti/2015/0327-ob-utverzhdenii-pravil-soderzhaniia-i-vygula-sobak-i-koshek-otlo-89455";

fn current(idx: &Path) -> PathBuf {
    IndexDir::new(idx).current().expect("a current generation")
}

/// The counts kept for the index's commit: the counts file and the updates logged after it.
fn counts(idx: &Path) -> StoredCounts {
    let commit = super::commit_key(&Store::open(idx).expect("index").searcher());
    read_counts(&current(idx), &commit)
        .expect("counts of the index's commit")
        .0
}

/// The lexicon stored with the index's commit, checked to name that commit.
fn stored(idx: &Path) -> Lexicon {
    let bytes = std::fs::read(current(idx).join(LEXICON_FILE)).expect("lexicon file");
    let stored: super::StoredLexicon = serde_json::from_slice(&bytes).expect("lexicon");
    let store = Store::open(idx).expect("index");
    assert_eq!(stored.commit, super::commit_key(&store.searcher()));
    assert_eq!(stored.commit, counts(idx).head.commit);
    let mut lexicon = stored.lexicon;
    lexicon.reindex();
    lexicon
}

/// The lexicon learned from every act of the index.
fn learned(idx: &Path) -> Lexicon {
    learn(&Store::open(idx).expect("index")).expect("learned")
}

/// Refreshes in place (not a rebuild) and checks that the stored lexicon is the learned one.
fn refreshed(corpus: &Path, idx: &Path) -> Lexicon {
    let report = refresh(corpus, idx, &BuildOptions::default()).expect("refresh");
    assert!(report.changed && !report.rebuilt, "{report:?}");
    let lexicon = stored(idx);
    assert_eq!(lexicon, learned(idx));
    lexicon
}

/// The Russian text of the rules on dogs and cats in `corpus`: its path and its text.
fn russian_of_dogs_and_cats(corpus: &Path) -> (PathBuf, String) {
    let russian = corpus.join(DOGS_AND_CATS).join("rus.md");
    let text = std::fs::read_to_string(&russian).expect("the act's Russian text");
    (russian, text)
}

/// Writes `text` as the act's Russian text at `russian`, then [`refreshed`].
fn rewritten(corpus: &Path, idx: &Path, russian: &Path, text: impl AsRef<[u8]>) -> Lexicon {
    std::fs::write(russian, text).expect("the act's Russian text written");
    refreshed(corpus, idx)
}

/// The mirror fixtures copied into a temporary folder and indexed: the folder, the corpus
/// and the index.
fn built_mirror() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let idx = tmp.path().join("index");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mirror"),
        &corpus,
    );
    refresh(&corpus, &idx, &BuildOptions::default()).expect("build");
    (tmp, corpus, idx)
}

#[test]
fn a_refresh_updates_the_stored_counts_to_those_of_every_act() {
    let (tmp, corpus, idx) = built_mirror();
    let built = stored(&idx);
    assert_eq!(counts(&idx).head.updates, 0);
    assert_eq!(built, learned(&idx));
    assert!(built.pairs().len() > 20, "{}", built.pairs().len());

    // One act's Russian text: «кошек» becomes «котов» throughout.
    let (russian, text) = russian_of_dogs_and_cats(&corpus);
    assert!(text.matches("кошек").count() > 10);
    let edited = rewritten(&corpus, &idx, &russian, text.replace("кошек", "котов"));
    assert_eq!(counts(&idx).head.updates, 1);
    assert_ne!(edited, built);
    assert_eq!(edited.units(), built.units());

    // The act gone: its aligned units go from the counts.
    let aside = tmp.path().join("aside");
    copy_dir(&corpus.join(DOGS_AND_CATS), &aside);
    std::fs::remove_dir_all(corpus.join(DOGS_AND_CATS)).unwrap();
    let removed = refreshed(&corpus, &idx);
    assert_eq!(counts(&idx).head.updates, 2);
    assert!(removed.units() < edited.units());

    // Back again: the lexicon of the corpus as it was after the edit.
    copy_dir(&aside, &corpus.join(DOGS_AND_CATS));
    assert_eq!(refreshed(&corpus, &idx), edited);
    assert_eq!(counts(&idx).head.updates, 3);

    // Counts of another commit are not used: every act is counted again.
    std::fs::write(current(&idx).join(COUNTS_FILE), b"not counts").unwrap();
    assert_eq!(rewritten(&corpus, &idx, &russian, text), built);
    assert_eq!(counts(&idx).head.updates, 0);
}

/// The logged updates to the counts and the bytes after the last whole one.
fn logged(idx: &Path) -> (usize, usize) {
    let log = std::fs::read(current(idx).join(COUNTS_LOG)).unwrap_or_default();
    let mut rest = log.as_slice();
    let mut updates = 0;
    while let Some((_, after)) = super::next_update(rest) {
        rest = after;
        updates += 1;
    }
    (updates, rest.len())
}

#[test]
fn refreshes_log_their_updates_until_the_log_outgrows_its_share_of_the_counts() {
    let (_tmp, corpus, idx) = built_mirror();
    let file = || std::fs::read(current(&idx).join(COUNTS_FILE)).expect("counts file");
    let built = file();
    assert_eq!(logged(&idx), (0, 0));

    let (russian, text) = russian_of_dogs_and_cats(&corpus);
    let edited = text.replace("кошек", "котов");
    rewritten(&corpus, &idx, &russian, &edited);
    // The update went to the log; the counts file is as the build wrote it.
    assert!(file() == built);
    assert_eq!(logged(&idx), (1, 0));
    assert_eq!(counts(&idx).head.updates, 1);

    // A process killed while appending the next update left half of it: it is dropped, and
    // the next update follows the whole one.
    let log = current(&idx).join(COUNTS_LOG);
    let mut torn = std::fs::read(&log).unwrap();
    let whole = torn.len();
    torn.extend_from_within(..whole / 2);
    std::fs::write(&log, &torn).unwrap();
    assert_eq!(logged(&idx), (1, whole / 2));
    rewritten(&corpus, &idx, &russian, &text);
    assert_eq!(logged(&idx), (2, 0));
    assert_eq!(counts(&idx).head.updates, 2);
    assert!(file() == built);

    // Edits back and forth: once an update would take the log past its share of the counts
    // file, the counts are written whole, with every update counted, and the log goes.
    let share = crate::index::changes_share(built.len() as u64) as usize;
    let mut refreshes = 2;
    while current(&idx).join(COUNTS_LOG).exists() {
        // Each update here rewrites the same act: about as long as the first one.
        assert!(refreshes * whole <= share * 2, "{refreshes} updates logged");
        let next = if refreshes % 2 == 0 { &edited } else { &text };
        rewritten(&corpus, &idx, &russian, next);
        refreshes += 1;
    }
    assert!(
        refreshes * whole * 2 > share,
        "{refreshes} updates of {whole} bytes"
    );
    assert!(file() != built);
    assert_eq!(counts(&idx).head.updates, refreshes as u32);
    assert_eq!(logged(&idx), (0, 0));
}

#[test]
fn a_damaged_update_in_the_log_has_every_act_counted_again() {
    let (_tmp, corpus, idx) = built_mirror();
    let (russian, text) = russian_of_dogs_and_cats(&corpus);
    rewritten(&corpus, &idx, &russian, text.replace("кошек", "котов"));
    assert_eq!(logged(&idx), (1, 0));

    // One byte of the update changed: its crc32 no longer matches, and the counts kept do
    // not reach the index's commit.
    let log = current(&idx).join(COUNTS_LOG);
    let mut damaged = std::fs::read(&log).unwrap();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x20;
    std::fs::write(&log, &damaged).unwrap();
    let commit = super::commit_key(&Store::open(&idx).unwrap().searcher());
    assert!(read_counts(&current(&idx), &commit).is_none());

    rewritten(&corpus, &idx, &russian, &text);
    assert_eq!(counts(&idx).head.updates, 0);
    assert_eq!(logged(&idx), (0, 0));
}

#[test]
fn counts_of_the_layout_before_are_read_and_updated_not_counted_again() {
    let (_tmp, corpus, idx) = built_mirror();
    let file = current(&idx).join(COUNTS_FILE);
    let packed = counts(&idx);
    assert_eq!(packed.head.format, super::COUNTS_FORMAT);
    // The same counts in the layout earlier versions wrote: the struct whole in postcard,
    // spelt as they declared it.
    #[derive(serde::Serialize)]
    struct Whole<'a> {
        format: u32,
        commit: &'a str,
        updates: u32,
        learner: &'a crate::lexicon::learn::Learner,
    }
    let whole = Whole {
        format: super::WHOLE_FORMAT,
        commit: &packed.head.commit,
        updates: packed.head.updates,
        learner: &packed.learner,
    };
    std::fs::write(&file, postcard::to_stdvec(&whole).expect("counts")).unwrap();
    let read = counts(&idx);
    assert_eq!(read.head.format, super::WHOLE_FORMAT);
    assert_eq!(read.learner.finish(), packed.learner.finish());
    assert_eq!(read.head.commit, packed.head.commit);

    // A refresh updates them, and writes them in the packed layout rather than log the
    // update after the file of the layout before.
    let (russian, text) = russian_of_dogs_and_cats(&corpus);
    rewritten(&corpus, &idx, &russian, text.replace("кошек", "котов"));
    let updated = counts(&idx);
    assert_eq!(updated.head.updates, 1);
    assert_eq!(updated.head.format, super::COUNTS_FORMAT);
    assert_eq!(logged(&idx), (0, 0));
    // The next update goes to the log.
    rewritten(&corpus, &idx, &russian, &text);
    assert_eq!(counts(&idx).head.updates, 2);
    assert_eq!(logged(&idx), (1, 0));
}

#[test]
fn a_damaged_counts_file_has_every_act_counted_again() {
    let (_tmp, corpus, idx) = built_mirror();
    let file = current(&idx).join(COUNTS_FILE);
    let commit = super::commit_key(&Store::open(&idx).unwrap().searcher());
    let bytes = std::fs::read(&file).unwrap();
    // One byte changed in each part in turn, the footer's included: none is read.
    let footer = 3 * crate::lexicon::Section::LEN;
    for at in [
        1,
        bytes.len() / 2,
        bytes.len() - footer - 1,
        bytes.len() - 2,
    ] {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x04;
        std::fs::write(&file, &damaged).unwrap();
        assert!(read_counts(&current(&idx), &commit).is_none(), "byte {at}");
    }
    std::fs::write(&file, &bytes[..bytes.len() - 1]).unwrap();
    assert!(read_counts(&current(&idx), &commit).is_none());
    // A footer that gives the head more bytes than the file holds asks for no memory.
    let mut huge = bytes.clone();
    let head_len = bytes.len() - footer + 8;
    huge[head_len..head_len + 8].copy_from_slice(&(1u64 << 60).to_le_bytes());
    std::fs::write(&file, &huge).unwrap();
    assert!(read_counts(&current(&idx), &commit).is_none());

    let (russian, text) = russian_of_dogs_and_cats(&corpus);
    rewritten(&corpus, &idx, &russian, text.replace("кошек", "котов"));
    assert_eq!(counts(&idx).head.updates, 0);
    assert_eq!(counts(&idx).head.format, super::COUNTS_FORMAT);
}
