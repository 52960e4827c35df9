//! The nearest ids suggested for an unknown act id: a bounded lookup whatever the id's length,
//! and a prefix finds the ids it begins (the command line's messages: `tests/it/cli_reporting.rs`).

use crate::index::ActIds;

/// An unknown id of 8 KB among 100,000 acts reads a bounded number of ids (the neighbours of its
/// place in sorted order and those that contain it), not every id.
#[test]
fn an_unknown_act_id_of_any_length_costs_a_bounded_lookup() {
    let ids: Vec<String> = (0..100_000)
        .map(|i| format!("akimat-resolution-2020-01-01-{i:06}"))
        .collect();
    let ids = ActIds::new(ids);
    let long = "akimat-resolution-2020-01-01-".repeat(300);
    let nearest = ids.nearest(&long);
    assert!(
        !nearest.is_empty() && nearest.len() <= 4000,
        "{} compared",
        nearest.len()
    );
    // The ids nearest in sorted order are among those compared.
    let near = ids.nearest("akimat-resolution-2020-01-01-050000x");
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
        ActIds::new(ids).nearest("mvd-order"),
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

/// A typo anywhere in an id among 100,000 finds the id it was meant for: a `_` for the first
/// `-` (which sorts the typed id far from it), a digit added or one left out at the end.
#[test]
fn a_typo_anywhere_in_an_id_finds_it_among_many() {
    let kinds = [
        "akimat-resolution",
        "maslikhat-decision",
        "mvd-order",
        "law",
    ];
    let ids: Vec<String> = (0..100_000u64)
        .map(|i| {
            format!(
                "{}-{}-{:02}-{:02}-{}",
                kinds[(i % 4) as usize],
                1995 + i % 30,
                1 + i % 12,
                1 + (i * 7) % 28,
                (i * 7919) % 100_000
            )
        })
        .collect();
    let meant = [ids[12_345].clone(), ids[54_321].clone(), ids[777].clone()];
    let ids = ActIds::new(ids);
    for (typed, meant) in [
        (meant[0].replacen('-', "_", 1), &meant[0]),
        (format!("{}9", meant[1]), &meant[1]),
        (meant[2][..meant[2].len() - 1].to_string(), &meant[2]),
    ] {
        let near = ids.nearest(&typed);
        assert!(
            near.iter().take(3).any(|n| n == meant),
            "{typed}: {:?}",
            &near[..3.min(near.len())]
        );
    }
}
