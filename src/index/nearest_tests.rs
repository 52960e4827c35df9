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
