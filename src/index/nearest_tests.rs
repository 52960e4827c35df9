//! The nearest ids suggested for an unknown act id: a bounded lookup whatever the id's length,
//! and a prefix finds the ids it begins (the command line's messages: `tests/it/cli_reporting.rs`).

use crate::index::nearest_ids;

/// An unknown id of 8 KB among 100,000 acts reads a bounded number of ids (the neighbours of its
/// place in sorted order and those that contain it), not every id.
#[test]
fn an_unknown_act_id_of_any_length_costs_a_bounded_lookup() {
    let mut ids: Vec<String> = (0..100_000)
        .map(|i| format!("akimat-resolution-2020-01-01-{i:06}"))
        .collect();
    ids.sort();
    let long = "akimat-resolution-2020-01-01-".repeat(300);
    let nearest = nearest_ids(&long, &ids);
    assert!(
        !nearest.is_empty() && nearest.len() <= 4000,
        "{} compared",
        nearest.len()
    );
    // The ids nearest in sorted order are among those compared.
    let near = nearest_ids("akimat-resolution-2020-01-01-050000x", &ids);
    assert!(
        near.contains(&"akimat-resolution-2020-01-01-050000"),
        "{:?}",
        &near[..3]
    );
}

/// A prefix typed finds the ids it begins.
#[test]
fn an_unknown_act_id_suggests_the_nearest_ids() {
    let ids: Vec<String> = [
        "a-1",
        "mvd-order-2012-06-14-352",
        "mvd-order-2014-03-11-152",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(
        nearest_ids("mvd-order", &ids),
        [
            "mvd-order-2012-06-14-352",
            "mvd-order-2014-03-11-152",
            "a-1"
        ]
    );
}

/// Unknown ids on one commit list the act ids once: later ones are looked up in that list,
/// and each still gets its nearest ids.
#[test]
fn unknown_ids_list_the_ids_once_per_commit() {
    use std::sync::atomic::Ordering;
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (index, _) = crate::ZanIndex::open_or_build(
        &corpus,
        tmp.path().join("index"),
        &crate::BuildOptions::default(),
    )
    .expect("index");
    let before = super::ID_LISTS.load(Ordering::SeqCst);
    for typed in ["mfa-order-2018", "mfa-order-2018-01-04", "mfa-order"] {
        match index.act(typed) {
            Err(crate::Error::UnknownAct {
                suggestions, acts, ..
            }) => {
                assert_eq!(acts, 5);
                assert_eq!(suggestions[0], "mfa-order-2018-01-04-11-1-4-1", "{typed}");
            }
            other => panic!("{typed}: {other:?}"),
        }
    }
    assert_eq!(super::ID_LISTS.load(Ordering::SeqCst) - before, 1);
}
